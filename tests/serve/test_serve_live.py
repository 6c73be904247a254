"""A real ``corrigo serve`` on 127.0.0.1: HTTP over sockets, several clients at once, the access log."""

from __future__ import annotations

import json
import select
import socket
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx

from .conftest import EXAMPLE, PAY_STORY


def test_health_and_a_check_over_http(live_server):
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        assert http.get("/health").json()["status"] == "ok"
        text = EXAMPLE.read_text(encoding="utf-8")
        r = http.post("/check", json={"text": text})
        assert r.status_code == 200
        assert [(f["text"], f["suggestion"]) for f in r.json()["findings"]] == [
            ("Bradford", "Leeds"),
            ("40", "50"),
            ("25", "38"),
            ("Sheffield", "Manchester"),
        ]
        assert r.headers["x-content-type-options"] == "nosniff" and len(r.headers["x-request-id"]) == 12
        assert "server" not in r.headers  # no version banner
    line = live_server.wait_for_log(rf'"POST /check" 200 \d+B \d+ms id={r.headers["x-request-id"]}')
    assert line.split()[4].startswith("127.0.0.1:")


def test_concurrent_clients_all_get_their_own_report(live_server):
    stories = [PAY_STORY.replace("2022", str(year)) for year in range(2000, 2012)]

    def check(text: str) -> str:
        with httpx.Client(base_url=live_server.url, timeout=60) as http:
            r = http.post("/check", json={"text": text})
            assert r.status_code == 200, r.text
            return r.json()["text"]

    with ThreadPoolExecutor(6) as pool:
        assert list(pool.map(check, stories)) == stories


def test_a_chunked_body_is_cut_off_at_the_limit(live_server):
    """No Content-Length: the server counts the bytes as they come and answers 413 past 10 MB."""
    url = urlsplit(live_server.url)
    head = (
        f"POST /check HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    ).encode()
    chunk = b"x" * 1_000_000
    answer = b""
    with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
        sock.sendall(head)
        sent = 0
        for _ in range(30):  # up to 30 MB, but the answer comes after 10
            if select.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        while True:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
            if b"\r\n\r\n" in answer and answer.endswith(b"}"):
                break
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line == b"HTTP/1.1 413 Request Entity Too Large", answer[:200]
    body = json.loads(rest.partition(b"\r\n\r\n")[2])
    assert body["error"]["code"] == "too_large"
    assert sent < 30_000_000  # answered before the body ended (socket buffers hold a few MB more than was read)
