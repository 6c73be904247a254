"""The founding example: three swapped facts, two revealed by the article itself."""

from __future__ import annotations

import corrigo
from corrigo.model import SearchStatus, Verdict


def test_flags_the_swaps_and_nothing_else(founding_example):
    text = founding_example
    report = corrigo.check(text)
    got = [(f.span.start, f.span.text, f.suggestion) for f in report.findings]
    beijing = text.index("Beijing")
    by_hk = text.index("by Hong Kong") + 3
    based = text.index("Hong Kong-based")
    london = text.index("London")
    assert got == [
        (beijing, "Beijing", "Hong Kong"),  # headquarters: headline says Hong Kong
        (by_hk, "Hong Kong", "Beijing"),  # swapped with "Beijing" in the same sentence
        (based, "Hong Kong", "London"),  # "Hong Kong-based ... departure from London" swapped
        (london, "London", "Hong Kong"),
    ]
    for f in report.findings:
        assert f.verdict is Verdict.CONTRADICTED
        assert 0.5 <= f.confidence <= 1
        assert f.evidence and all(text[e.span.start : e.span.end] == e.span.text for e in f.evidence)
    headline = "Amnesty International to close its Asia-Pacific headquarters in Hong Kong"
    assert any(e.span.text == headline for e in report.findings[0].evidence)


def test_status_line_is_not_checked_and_search_is_reported(founding_example):
    report = corrigo.check(founding_example)
    assert report.article.headline.text.startswith("Amnesty International to close")
    # Without an index the article is checked against itself, and the report says why.
    assert report.search.status in (SearchStatus.NO_INDEX, SearchStatus.NOT_INSTALLED)
    assert "Checked the article against itself only." in report.search.message
    data = report.to_dict()
    assert data["schema_version"] == 1 and data["search"]["status"] == report.search.status.value
    for f in data["findings"]:
        assert founding_example[f["start"] : f["end"]] == f["text"]
