"""Reading reference documents from files and folders."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from corrigo.errors import InputError
from corrigo.search.documents import content_hash, iter_documents


def test_folders_are_read_recursively_with_relative_ids(tmp_path):
    (tmp_path / "wire" / "2024").mkdir(parents=True)
    (tmp_path / "wire" / "2024" / "a.txt").write_text("Leeds plant closes.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Budget\n\nBradford approves budget.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skip me", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    rows = [
        {"id": "r1", "text": "Shares fell.", "title": "Acme", "date": "2024-03-01", "url": "https://example.org"},
        {"text": "No id here."},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    docs = list(iter_documents([tmp_path]))
    assert [d.id for d in docs] == ["b.md", "r1", "feed.jsonl#2", "wire/2024/a.txt"]
    assert docs[1].title == "Acme" and docs[1].date == dt.date(2024, 3, 1) and docs[1].url == "https://example.org"
    assert docs[0].text == "# Budget\n\nBradford approves budget."
    # A file given directly is named by its file name.
    assert [d.id for d in iter_documents([tmp_path / "wire" / "2024" / "a.txt"])] == ["a.txt"]


def test_html_is_reduced_to_its_text(tmp_path):
    pytest.importorskip("trafilatura")
    body = "<p>Northgate Water will close its treatment plant in Leeds by the end of next year, it said.</p>" * 3
    (tmp_path / "page.html").write_text(
        f"<html><head><title>Plant</title></head><body><article>{body}</article></body></html>", encoding="utf-8"
    )
    (doc,) = iter_documents([tmp_path / "page.html"])
    assert "Northgate Water will close" in doc.text and "<p>" not in doc.text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "feed.jsonl:1: not valid JSON"),
        ('{"id": "x"}', "feed.jsonl:1: `text` is missing or empty"),
        ('{"id": "x", "text": "t", "date": "March 1"}', "feed.jsonl:1: date 'March 1' is not an ISO date"),
    ],
)
def test_bad_jsonl_lines_name_the_line(tmp_path, line, message):
    (tmp_path / "feed.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(iter_documents([tmp_path / "feed.jsonl"]))


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_documents([tmp_path / "nope"]))


def test_content_hash_covers_metadata():
    from corrigo.evidence import Document

    a = Document("x", "text")
    assert content_hash(a) == content_hash(Document("y", "text"))  # the id is not content
    assert content_hash(a) != content_hash(Document("x", "text", title="T"))
    assert content_hash(a) != content_hash(Document("x", "text", date=dt.date(2024, 1, 1)))
