"""Where evidence comes from: the not-installed path (extra hidden), no index, sources, an index."""

from __future__ import annotations

import json

import pytest

import corrigo
from conftest import REPO
from corrigo.cli import main
from corrigo.model import SearchStatus, Verdict

STORY = (
    "Critics condemn security law\n\n"
    "Critics condemned the security law imposed by Macau in 2020.\n"
)
SOURCE = "Beijing imposed a national security law on Hong Kong on 30 June 2020."


@pytest.fixture
def no_search_extra(monkeypatch):
    """Hide the search extra, as on a machine where only `pip install corrigo` was run."""
    import corrigo.search

    monkeypatch.setattr(corrigo.search, "available", lambda: False)


def test_not_installed_path(no_search_extra, tmp_path, capsys):
    report = corrigo.check(STORY, checks=("slots",))
    assert report.search.status is SearchStatus.NOT_INSTALLED
    assert report.search.message == (
        "Search module is not installed: install corrigo[search] to check claims against reference documents. "
        "Checked the article against itself only."
    )
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    assert main(["check", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["search"]["status"] == "not_installed"
    assert main(["index", "info"]) == 2
    err = capsys.readouterr().err
    assert "corrigo[search]" in err and "not installed" in err


def test_no_index_says_how_to_build_one(tmp_path):
    pytest.importorskip("tantivy")
    report = corrigo.check(STORY, index=None)
    assert report.search.status is SearchStatus.NO_INDEX
    assert "corrigo index add" in report.search.message


def test_source_mode_refutes_and_lists_unsupported():
    from corrigo.evidence import Document

    report = corrigo.check(STORY, sources=[Document("law.txt", SOURCE)])
    assert report.search.status is SearchStatus.OK
    refuted = [f for f in report.findings if f.verdict is Verdict.REFUTED]
    assert [(f.span.text, f.suggestion) for f in refuted] == [("Macau", "Beijing")]
    (ev,) = [e for e in refuted[0].evidence if e.source == "law.txt"]
    assert SOURCE[ev.span.start : ev.span.end] == ev.span.text and "Beijing" in ev.span.text


@pytest.mark.parametrize("verifier", ["auto", "learned"])
def test_founding_example_with_reference_index(founding_example, tmp_path, capsys, verifier):
    pytest.importorskip("tantivy")
    if verifier == "learned":
        from corrigo.verify import learned

        if not learned.available():
            pytest.skip("corrigo[verify] is not installed")
    index = tmp_path / "ix"
    assert main(["index", "--index", str(index), "add", str(REPO / "examples" / "reference")]) == 0
    capsys.readouterr()
    report = corrigo.check(founding_example, index=str(index), verifier=verifier)
    assert report.search.status is SearchStatus.OK
    got = [(f.span.text, f.suggestion, f.verdict) for f in report.findings]
    assert got == [
        ("Beijing", "Hong Kong", Verdict.CONTRADICTED),
        ("Hong Kong", "Beijing", Verdict.REFUTED),  # "imposed ... by Hong Kong": the references say Beijing
        ("Hong Kong", "London", Verdict.REFUTED),  # "Hong Kong-based Amnesty": based in London
        ("London", "Hong Kong", Verdict.CONTRADICTED),
    ]
    by_hk = report.findings[1]
    assert any(e.source == "reference/hk-security-law-2020.txt" for e in by_hk.evidence)
