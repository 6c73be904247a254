"""POST /check and the other read routes, through the ASGI app (one worker process behind it)."""

from __future__ import annotations

import json

import pytest

from corrigo.cli import main

from .conftest import EXAMPLE, PAY_SOURCE, PAY_STORY

# The four planted errors of examples/northgate-water.txt, as (wrong words, fix).
NORTHGATE = [("Bradford", "Leeds"), ("40", "50"), ("25", "38"), ("Sheffield", "Manchester")]


def _cli(capsys, *args: str) -> str:
    capsys.readouterr()
    main(["check", "--no-index", *args])
    return capsys.readouterr().out


def test_json_report_is_the_clis_byte_for_byte(client, capsys, monkeypatch):
    monkeypatch.chdir(EXAMPLE.parent)
    expected = _cli(capsys, EXAMPLE.name, "--format", "json")
    text = EXAMPLE.read_text(encoding="utf-8")
    r = client.post("/check", json={"text": text, "id": EXAMPLE.name})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert r.text == expected
    report = r.json()
    assert report["schema_version"] == 1 and report["id"] == EXAMPLE.name
    assert [(f["text"], f["suggestion"]) for f in report["findings"]] == NORTHGATE
    assert all(text[f["start"] : f["end"]] == f["text"] for f in report["findings"])
    assert r.headers["x-corrigo-findings"] == "4"


def test_uploaded_file_gives_the_clis_json_and_html(client, capsys, monkeypatch):
    monkeypatch.chdir(EXAMPLE.parent)
    data = EXAMPLE.read_bytes()
    files = {"file": (EXAMPLE.name, data, "text/plain")}
    r = client.post("/check", files=files)
    assert r.status_code == 200 and r.text == _cli(capsys, EXAMPLE.name, "--format", "json")
    page = client.post("/check?format=html", files=files)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.text == _cli(capsys, EXAMPLE.name, "--format", "html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for wrong, fix in NORTHGATE:
        assert f"<del>{wrong}</del> → <ins>{fix}</ins>" in page.text


def test_options_change_the_check(client):
    text = EXAMPLE.read_text(encoding="utf-8")
    strict = client.post("/check", json={"text": text, "options": {"min_confidence": 0.8}}).json()
    assert [(f["text"], f["confidence"]) for f in strict["findings"]] == [("40", 0.85), ("25", 0.85)]
    dates_only = client.post("/check", json={"text": text, "options": {"checks": "dates"}}).json()
    assert [f["text"] for f in dates_only["findings"]] == ["40"]


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"index": "/etc"}, 'option "index" can\'t be set per request'),
        ({"max_bytes": 10**9}, 'option "max_bytes" can\'t be set per request'),
        ({"colour": "red"}, 'unknown option "colour"'),
        ({"checks": ["spelling"]}, "unknown check(s) ['spelling']"),
        ({"min_confidence": 2}, "min_confidence"),
        ({"use_index": True}, "started with --no-index"),
    ],
)
def test_bad_options_are_refused_by_name(client, options, named):
    r = client.post("/check", json={"text": PAY_STORY, "options": options})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "bad_option" and named in r.json()["error"]["message"]


def test_sources_in_json_and_as_uploaded_files(client):
    body = {"text": PAY_STORY, "sources": [{"id": "notes/pay.txt", "text": PAY_SOURCE}]}
    report = client.post("/check", json=body).json()
    refuted = [f for f in report["findings"] if f["verdict"] == "refuted"]
    assert [(f["text"], f["suggestion"]) for f in refuted] == [("Leeds City", "Bradford")]
    (ev,) = [e for e in refuted[0]["evidence"] if e["source"] == "notes/pay.txt"]
    assert PAY_SOURCE[ev["start"] : ev["end"]] == ev["text"]
    assert report["search"] == {"status": "ok", "message": "Checked against the 1 source document supplied."}
    form = client.post(
        "/check",
        data={"text": PAY_STORY, "date": "2022-04-01"},
        files=[("source", ("pay.txt", PAY_SOURCE.encode(), "text/plain"))],
    ).json()
    assert [
        (f["text"], f["suggestion"], f["evidence"][0]["source"]) for f in form["findings"] if f["verdict"] == "refuted"
    ] == [("Leeds City", "Bradford", "pay.txt")]


def test_a_forms_text_field_keeps_the_users_line_ends(client):
    # Browsers send a textarea's newlines as CRLF: offsets must refer to the text as typed.
    typed = EXAMPLE.read_text(encoding="utf-8")
    r = client.post("/check", files={"text": (None, typed.replace("\n", "\r\n"))})
    assert r.status_code == 200 and r.json()["text"] == typed


@pytest.mark.parametrize(
    ("kwargs", "status", "code", "words"),
    [
        ({"content": b"", "headers": {"content-type": "application/json"}}, 400, "empty_body", "body is empty"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "bad_json", "not valid JSON"),
        ({"json": ["a list"]}, 422, "bad_json", "not an object"),
        (
            {"content": b'{"text": "Head\\ud800line"}', "headers": {"content-type": "application/json"}},
            400,
            "bad_json",
            "lone surrogate",
        ),
        ({"json": {"title": "no text"}}, 422, "bad_request", '"text": Field required'),
        ({"json": {"text": 42}}, 422, "bad_request", '"text": Input should be a valid string'),
        ({"json": {"text": "x", "colour": 1}}, 422, "bad_request", '"colour": unknown field'),
        ({"json": {"text": "   \n"}}, 400, "empty", '"text" is empty'),
        ({"json": {"text": PAY_STORY, "date": "soon"}}, 400, "bad_date", 'not a date: give it as "2024-05-01"'),
        ({"json": {"text": PAY_STORY, "sources": [{"id": "a", "text": " "}]}}, 400, "bad_sources", 'no "text"'),
        ({"content": b"hello", "headers": {"content-type": "text/csv"}}, 415, "unsupported_media_type", "text/csv"),
        ({}, 400, "empty_body", "has no body"),
        ({"files": {"title": (None, "x")}}, 400, "no_article", "no article"),
        ({"files": {"file": ("a.txt", b"")}}, 400, "empty", "the file a.txt is empty"),
        ({"files": {"file": ("a.bin", b"\x00\x01\x02" * 50)}}, 400, "binary", "binary"),
        ({"files": {"file": ("a.txt", b"x"), "text": (None, "y")}}, 400, "bad_form", "twice"),
        ({"files": {"text": (None, "y"), "colour": (None, "red")}}, 400, "bad_form", "unknown form field(s) colour"),
        ({"files": {"text": ("a.txt", b"y")}}, 400, "bad_form", "the text field is a file"),
        ({"files": {"file": (None, "y")}}, 400, "bad_form", "the file field is text"),
    ],
)
def test_bad_input_is_named_with_its_fix(client, kwargs, status, code, words):
    r = client.post("/check", **kwargs)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["code"] == code and words in error["message"]
    assert ":" in error["message"]  # the problem, then what to do


def test_unknown_format_and_route_and_method(client):
    r = client.post("/check?format=pdf", json={"text": PAY_STORY})
    assert r.status_code == 400 and "use ?format=json or ?format=html" in r.json()["error"]["message"]
    assert client.get("/nowhere").json()["error"]["code"] == "not_found"
    assert client.get("/check").status_code == 405


def test_article_over_the_size_limit_is_413(client):
    text = "Headline\n\n" + "The plant opened in 1973. " * 50_000  # 1.3 MB: over the 1 MB article limit
    r = client.post("/check", json={"text": text})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    assert "split the article" in r.json()["error"]["message"]


def test_body_over_10_mb_is_413_by_length_and_while_reading(client):
    big = json.dumps({"text": "x" * 10_000_001}).encode()
    r = client.post("/check", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "10,000,000-byte limit" in r.json()["error"]["message"]

    def chunks():  # no Content-Length: the limit is counted on the bytes read
        yield b'{"text": "'
        for _ in range(11):
            yield b"x" * 1_000_000

    r = client.post("/check", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in r.request.headers
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_health_page_static_and_docs(client):
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["workers"]["running"] == 1
    assert health["api_key_required"] is False and health["max_body_bytes"] == 10_000_000
    page = client.get("/")
    assert page.status_code == 200 and 'id="check-form"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.replace("http-equiv", "")  # nothing fetched from outside
    assert client.get("/static/page.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/../app.py").status_code == 404
    docs = client.get("/docs")
    assert docs.status_code == 200 and "<script" not in docs.text
    for route in ("POST</span>/check", "GET</span>/index", "DELETE</span>/index/documents/{doc_id}"):
        assert route in docs.text
    assert "multipart/form-data" in docs.text
    assert "/check" in client.get("/openapi.json").json()["paths"]


def test_no_traceback_reaches_a_client(client, monkeypatch):
    from fastapi.testclient import TestClient

    import corrigo.serve.inputs

    async def broken(*args, **kwargs):
        raise RuntimeError("secret detail of a bug")

    monkeypatch.setattr(corrigo.serve.inputs, "read_check_request", broken)
    r = TestClient(client.app, raise_server_exceptions=False).post("/check", json={"text": PAY_STORY})
    assert r.status_code == 500
    error = r.json()["error"]
    assert error["code"] == "internal" and error["request_id"] in error["message"]
    assert "secret" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text


def test_a_bug_in_a_worker_reaches_the_client_as_a_request_id(client, monkeypatch, caplog):
    async def crashed(job, timeout_s):
        return ("crash", "Traceback (most recent call last):\n  secret_module.py\nKeyError: 'x'")

    monkeypatch.setattr(client.app.state.pool, "run", crashed)
    with caplog.at_level("ERROR", logger="corrigo.serve"):
        r = client.post("/check", json={"text": PAY_STORY})
    assert r.status_code == 500 and r.json()["error"]["code"] == "internal"
    assert r.headers["x-request-id"] in r.json()["error"]["message"]
    assert "secret_module" not in r.text and "Traceback" not in r.text
    assert "secret_module.py" in caplog.text  # the server's log has it
