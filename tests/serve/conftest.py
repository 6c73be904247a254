"""Fixtures for the server tests: apps with their worker pools, and a live ``corrigo serve``.

``tests/serve`` is a package so that this conftest does not shadow ``tests/conftest.py``. Its
``offline`` fixture replaces the suite's: connections to this machine (127.0.0.1, ::1) are
allowed, since these tests talk to a server they started; any other address still fails.
"""

from __future__ import annotations

import ipaddress
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import REPO, NetworkUsed

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from corrigo.config import Config  # noqa: E402
from corrigo.serve.settings import API_KEY_ENV, ServeSettings  # noqa: E402

EXAMPLE = REPO / "examples" / "northgate-water.txt"
API_KEY = "test-key-0123456789abcdef"
# A story and a source document that contradicts it (who signed the deal).
PAY_STORY = "Union criticises pay deal\n\nThe pay deal was signed by Leeds City Council in 2022.\n"
PAY_SOURCE = "Bradford Council signed the pay deal with the union on 3 March 2022."


def _loopback(host: object) -> bool:
    if host in ("localhost", b"localhost"):
        return True
    try:
        return ipaddress.ip_address(host.decode() if isinstance(host, bytes) else str(host)).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """The suite's offline guard, with this machine's own addresses let through."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_create, real_getaddrinfo = socket.create_connection, socket.getaddrinfo

    def guard(real):
        def call(self, address, *args, **kwargs):
            if self.family == socket.AF_UNIX or _loopback(address[0]):
                return real(self, address, *args, **kwargs)
            raise NetworkUsed(f"a test tried to use the network: {address!r}")

        return call

    def create_connection(address, *args, **kwargs):
        if _loopback(address[0]):
            return real_create(address, *args, **kwargs)
        raise NetworkUsed(f"a test tried to use the network: {address!r}")

    def getaddrinfo(host, *args, **kwargs):
        if _loopback(host):
            return real_getaddrinfo(host, *args, **kwargs)
        raise NetworkUsed(f"a test tried to look up {host!r}")

    monkeypatch.setattr(socket.socket, "connect", guard(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guard(real_connect_ex))
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield


def _client(settings: ServeSettings) -> Iterator:
    with warnings.catch_warnings():  # Starlette asks for httpx2 instead of httpx here; httpx is what we have
        warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette\.testclient`")
        from fastapi.testclient import TestClient

    from corrigo.serve import create_app

    with TestClient(create_app(settings)) as client:  # runs the lifespan: the workers start and stop
        yield client


@pytest.fixture(scope="session")
def client():
    """An app checking without an index, with one worker."""
    yield from _client(ServeSettings(config=Config(use_index=False), workers=1, timeout_s=60, access_log=False))


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("serve-index") / "ix"


@pytest.fixture(scope="session")
def keyed_client(index_dir):
    """An app with an API key and its own (at first absent) index, with one worker."""
    pytest.importorskip("tantivy")
    settings = ServeSettings(config=Config(index=str(index_dir)), workers=1, api_key=API_KEY, access_log=False)
    yield from _client(settings)


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen
    log: list[str] = field(default_factory=list)

    def wait_for_log(self, pattern: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.log):
                if re.search(pattern, line):
                    return line
            time.sleep(0.05)
        raise AssertionError(f"no log line matching {pattern!r} in:\n" + "".join(self.log))


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    """``corrigo serve --port 0`` in a child process: real sockets, real uvicorn, one worker."""
    env = {**os.environ, "CORRIGO_INDEX": str(tmp_path_factory.mktemp("live") / "no-index")}
    env.pop(API_KEY_ENV, None)
    cmd = [sys.executable, "-m", "corrigo", "serve", "--port", "0", "--workers", "1", "--no-index"]
    process = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    server = LiveServer(url="", process=process)

    def read() -> None:
        for line in process.stderr:
            server.log.append(line)

    threading.Thread(target=read, daemon=True).start()
    try:
        line = server.wait_for_log(r"serving on http://127\.0\.0\.1:\d+", timeout=90)
        server.url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        yield server
    finally:
        children = _children(process.pid)
        process.send_signal(signal.SIGINT)  # Ctrl-C: a clean stop
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    # After the tests: Ctrl-C stopped it cleanly, workers included.
    assert process.returncode == 0, "".join(server.log)
    assert "Traceback" not in "".join(server.log), "".join(server.log)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "workers left running after the server stopped"


def _children(pid: int) -> list[int]:
    psutil = pytest.importorskip("psutil")
    return [c.pid for c in psutil.Process(pid).children(recursive=True)]


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
