"""Reading reference documents from files and folders."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from corrigo.errors import InputError
from corrigo.search.documents import content_hash, iter_documents


def test_folders_are_read_recursively_with_ids_under_the_folders_name(tmp_path):
    root = tmp_path / "refs"
    (root / "wire" / "2024").mkdir(parents=True)
    (root / "wire" / "2024" / "a.txt").write_text("Leeds plant closes.", encoding="utf-8")
    (root / "b.md").write_text("# Budget\n\nBradford approves budget.", encoding="utf-8")
    (root / ".hidden.txt").write_text("skip me", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG")
    rows = [
        {"id": "r1", "text": "Shares fell.", "title": "Acme", "date": "2024-03-01", "url": "https://example.org"},
        {"text": "No id here."},
    ]
    (root / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    docs = list(iter_documents([root]))
    # A JSONL line's own id is kept as it is; every other id starts with the folder's name.
    assert [d.id for d in docs] == ["refs/b.md", "r1", "refs/feed.jsonl#2", "refs/wire/2024/a.txt"]
    assert docs[1].title == "Acme" and docs[1].date == dt.date(2024, 3, 1) and docs[1].url == "https://example.org"
    assert docs[0].text == "# Budget\n\nBradford approves budget."
    # A file given directly is named by its folder and file name: the id adding the folder gives it.
    assert [d.id for d in iter_documents([root / "wire" / "2024" / "a.txt"])] == ["2024/a.txt"]
    assert [d.id for d in iter_documents([root / "b.md"])] == ["refs/b.md"]
    # A trailing slash, or the folder given as ".", names it all the same.
    assert [d.id for d in iter_documents([f"{root / 'wire'}/"])] == ["wire/2024/a.txt"]
    assert [d.id for d in iter_documents([root / "wire" / "2024" / "."])] == ["2024/a.txt"]


def _same_names(tmp_path):
    for year in ("2021", "2022"):
        (tmp_path / f"wire{year}").mkdir()
        (tmp_path / f"wire{year}" / "001.txt").write_text(f"Story of {year}.", encoding="utf-8")
        (tmp_path / year / "wire").mkdir(parents=True)
        (tmp_path / year / "wire" / "001.txt").write_text(f"Wire story of {year}.", encoding="utf-8")


def test_same_file_names_in_two_folders_get_distinct_ids(tmp_path):
    _same_names(tmp_path)
    # Added one at a time (two `corrigo index add` runs), the ids don't collide.
    first = [(d.id, d.text) for d in iter_documents([tmp_path / "wire2021"])]
    second = [(d.id, d.text) for d in iter_documents([tmp_path / "wire2022"])]
    assert first == [("wire2021/001.txt", "Story of 2021.")]
    assert second == [("wire2022/001.txt", "Story of 2022.")]
    # In one call, two files of the same name are both kept.
    both = [d.id for d in iter_documents([tmp_path / "wire2021" / "001.txt", tmp_path / "wire2022" / "001.txt"])]
    assert both == ["wire2021/001.txt", "wire2022/001.txt"]


def test_folders_of_the_same_name_in_one_call_take_their_parents_name(tmp_path):
    _same_names(tmp_path)
    docs = list(iter_documents([tmp_path / "2021" / "wire", tmp_path / "2022" / "wire"]))
    assert [(d.id, d.text) for d in docs] == [
        ("2021/wire/001.txt", "Wire story of 2021."),
        ("2022/wire/001.txt", "Wire story of 2022."),
    ]
    # Only the ids that clash grow: a file of another name keeps its short id.
    (tmp_path / "2022" / "wire" / "002.txt").write_text("Another.", encoding="utf-8")
    ids = [d.id for d in iter_documents([tmp_path / "2021" / "wire", tmp_path / "2022" / "wire"])]
    assert ids == ["2021/wire/001.txt", "2022/wire/001.txt", "wire/002.txt"]


def test_the_same_file_given_twice_is_read_once(tmp_path):
    _same_names(tmp_path)
    folder = tmp_path / "wire2021"
    assert [d.id for d in iter_documents([folder, folder / "001.txt", folder])] == ["wire2021/001.txt"]


def test_prefix_replaces_the_folders_name(tmp_path):
    _same_names(tmp_path)
    folder = tmp_path / "wire2021"
    assert [d.id for d in iter_documents([folder], prefix="reuters/2021")] == ["reuters/2021/001.txt"]
    assert [d.id for d in iter_documents([folder], prefix="/reuters/")] == ["reuters/001.txt"]
    assert [d.id for d in iter_documents([folder / "001.txt"], prefix="r")] == ["r/001.txt"]
    # An empty prefix: ids relative to the folder, as Corrigo 0.x made them.
    assert [d.id for d in iter_documents([folder], prefix="")] == ["001.txt"]
    # Two folders under one prefix still keep both files of the same name.
    ids = [d.id for d in iter_documents([folder, tmp_path / "wire2022"], prefix="r")]
    assert ids == ["r/wire2021/001.txt", "r/wire2022/001.txt"]
    # JSONL lines keep their own ids.
    (folder / "feed.jsonl").write_text('{"id": "r1", "text": "Shares fell."}\n{"text": "No id."}\n', encoding="utf-8")
    assert [d.id for d in iter_documents([folder / "feed.jsonl"], prefix="p")] == ["r1", "p/feed.jsonl#2"]


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
