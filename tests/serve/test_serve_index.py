"""The index routes and the API key, on an app with its own index (created by the first add)."""

from __future__ import annotations

import pytest

from .conftest import API_KEY, PAY_SOURCE, PAY_STORY

KEY = {"X-API-Key": API_KEY}


def test_check_and_index_routes_need_the_key_when_one_is_set(keyed_client):
    for method, path, kwargs in [
        ("post", "/check", {"json": {"text": PAY_STORY}}),
        ("get", "/index", {}),
        ("post", "/index/documents", {"json": {"documents": [{"id": "a", "text": "b"}]}}),
        ("post", "/index/documents", {"content": b"{broken"}),  # the key is asked for before the body is read
        ("delete", "/index/documents/a", {}),
    ]:
        for headers in ({}, {"X-API-Key": "wrong"}, {"Authorization": f"Basic {API_KEY}"}):
            r = getattr(keyed_client, method)(path, headers=headers, **kwargs)
            assert r.status_code == 401, (method, path, headers)
            assert r.json()["error"]["code"] == "unauthorized" and "X-API-Key" in r.json()["error"]["message"]
            assert r.headers["www-authenticate"] == "Bearer"
    # The page, the health check and the docs stay open; health says a key is needed.
    assert keyed_client.get("/health").json()["api_key_required"] is True
    assert keyed_client.get("/").status_code == 200 and keyed_client.get("/docs").status_code == 200


def test_add_check_against_remove(keyed_client, index_dir):
    r = keyed_client.get("/index", headers=KEY)
    assert r.status_code == 404 and "POST /index/documents" in r.json()["error"]["message"]
    r = keyed_client.post("/check", json={"text": PAY_STORY}, headers=KEY)
    assert r.status_code == 409 and r.json()["error"]["code"] == "no_index"
    assert f"no index at {index_dir}" in r.json()["error"]["message"] and "POST /index/documents" in r.text
    docs = {"documents": [{"id": "notes/pay.txt", "text": PAY_SOURCE, "date": "2022-03-03"}]}
    added = keyed_client.post("/index/documents", json=docs, headers=KEY)
    assert added.status_code == 200
    assert added.json() == {"added": 1, "replaced": 0, "unchanged": 0, "passages": 1, "documents": 1}
    again = keyed_client.post("/index/documents", json=docs, headers={"Authorization": f"Bearer {API_KEY}"})
    assert again.json()["unchanged"] == 1 and again.json()["documents"] == 1
    info = keyed_client.get("/index", headers=KEY).json()
    assert info["path"] == str(index_dir) and info["documents"] == 1 and info["passages"] == 1

    # The worker reads the index the server just wrote.
    report = keyed_client.post("/check", json={"text": PAY_STORY}, headers=KEY).json()
    assert report["search"]["status"] == "ok" and "(1 documents)" in report["search"]["message"]
    (f,) = report["findings"]
    assert (f["text"], f["suggestion"], f["verdict"]) == ("Leeds City", "Bradford", "refuted")
    assert [e["source"] for e in f["evidence"]] == ["notes/pay.txt"]

    gone = keyed_client.delete("/index/documents/pay.txt", headers=KEY)
    assert gone.status_code == 404 and "did you mean 'notes/pay.txt'" in gone.json()["error"]["message"]
    r = keyed_client.delete("/index/documents/notes/pay.txt", headers=KEY)
    assert r.status_code == 200 and r.json() == {"removed": 1, "id": "notes/pay.txt", "documents": 0}
    report = keyed_client.post("/check", json={"text": PAY_STORY}, headers=KEY).json()
    assert report["findings"] == [] and "(0 documents)" in report["search"]["message"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"documents": []}, '"documents": List should have at least 1 item'),
        ({"documents": [{"id": "", "text": "x"}]}, '"documents.0.id"'),
        ({"documents": [{"id": "a", "text": "x", "colour": 1}]}, '"documents.0.colour"'),
        ({"documents": [{"id": "a", "text": "  "}]}, '"text" is empty'),
        ({"documents": [{"id": "a", "text": "x", "date": "May"}]}, "write it as YYYY-MM-DD"),
        ({"documents": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}, "appears twice"),
    ],
)
def test_bad_documents_are_422_with_the_fix(keyed_client, body, words):
    r = keyed_client.post("/index/documents", json=body, headers=KEY)
    assert r.status_code == 422 and words in r.json()["error"]["message"], r.text


def test_without_the_search_extra_the_index_routes_say_how_to_install_it(keyed_client, monkeypatch):
    import corrigo.search

    monkeypatch.setattr(corrigo.search, "available", lambda: False)
    r = keyed_client.get("/index", headers=KEY)
    assert r.status_code == 501 and r.json()["error"]["code"] == "not_installed"
    assert "pip install 'corrigo[search]'" in r.json()["error"]["message"]


def test_a_server_without_an_index_says_so(client):
    r = client.get("/index")
    assert r.status_code == 404 and "started with --no-index" in r.json()["error"]["message"]
