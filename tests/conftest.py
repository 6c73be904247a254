"""Shared fixtures. Every test runs with the network cut off: Corrigo must never need it."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import pytest

# Never read the user's own default index: point it at a folder that does not exist.
os.environ["CORRIGO_INDEX"] = os.path.join(tempfile.gettempdir(), f"corrigo-test-no-index-{os.getpid()}")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "examples" / "amnesty-hk.txt"


class NetworkUsed(AssertionError):
    pass


def _refuse(*args, **kwargs):
    raise NetworkUsed(f"a test tried to use the network: {args!r}")


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Make every outgoing connection and DNS lookup fail for the duration of each test."""
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    yield


@pytest.fixture(scope="session")
def founding_example() -> str:
    if not EXAMPLE.is_file():
        pytest.skip("../shared/examples/amnesty-hk.txt is absent")
    return EXAMPLE.read_text(encoding="utf-8")
