"""The README's server section: its screenshot exists and its API examples answer as shown."""

from __future__ import annotations

import json
import re

from conftest import REPO


def _section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^## Run the server\n(.*?)^## ", readme, re.S | re.M)
    assert m is not None, "README lost its server section"
    return m.group(1)


def test_the_screenshot_is_there():
    (path,) = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", _section())
    assert path == "docs/serve-screenshot.png"
    assert (REPO / path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_curl_examples_answer(client, monkeypatch):
    bodies = {
        url: json.loads(body)
        for url, body in re.findall(
            r"curl -s (localhost:8000\S+) -H 'Content-Type: application/json' \\\n\s+-d '([^']+)'", _section()
        )
    }
    assert set(bodies) == {"localhost:8000/check", "localhost:8000/index/documents"}
    r = client.post("/check", json=bodies["localhost:8000/check"])
    assert r.status_code == 200 and r.json()["findings"] == []
    (upload,) = re.findall(r"curl -s localhost:8000/check -F file=@(examples/\S+)", _section())
    monkeypatch.chdir(REPO)
    r = client.post("/check", files={"file": (upload.split("/")[-1], (REPO / upload).read_bytes())})
    assert r.status_code == 200 and len(r.json()["findings"]) == 4
