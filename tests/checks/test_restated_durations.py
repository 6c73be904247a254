"""RestatedCheck on spans of time: "two weeks" against "a week" and "seven days" told of one event."""

from __future__ import annotations

from finding_asserts import apply_fix, assert_single_fix, variants

import corrigo
from corrigo.analysis.durations_read import find_durations, restate_duration
from corrigo.model import FindingKind

MARKED = (
    "Brightline Foods seeks court protection a week after lender pulled credit line\n\n"
    "Brightline Foods sought court protection from its creditors on Wednesday, {two weeks|a week} after its "
    "main lender pulled a credit line, the company said.\n\n"
    "The grocer employs 4,000 people across the region.\n\n"
    '"Seven days after the lender pulled the credit line we had no cash left," chief executive Mara Holt '
    "told reporters.\n\n"
    "Suppliers said they were owed millions."
)


def _findings(text: str):
    return corrigo.check(text, checks=("restated",), use_index=False).findings


def test_duration_outnumbered_is_flagged_with_fix_in_its_form():
    corrupted, clean, wrong, right = variants(MARKED)
    f = assert_single_fix(corrupted, _findings(corrupted), wrong, right, FindingKind.RESTATED)
    assert apply_fix(corrupted, f) == clean
    assert not _findings(clean)


def test_one_duration_against_one_is_not_flagged():
    text = (
        "Brightline Foods seeks court protection\n\n"
        "Brightline Foods sought court protection from its creditors on Wednesday, two weeks after its main "
        "lender pulled a credit line, the company said.\n\n"
        "The grocer employs 4,000 people across the region.\n\n"
        '"Seven days after the lender pulled the credit line we had no cash left," chief executive Mara Holt '
        "told reporters."
    )
    assert not _findings(text)


def test_durations_of_different_events_are_not_compared():
    text = (
        "Harbour crane contract signed\n\n"
        "The port signed the crane contract a week after the tender closed.\n\n"
        "Engineers expect the installation to take two weeks.\n\n"
        "A spokesman said the tender drew seven days of questions from bidders.\n\n"
        "The first ship is due in spring."
    )
    assert not _findings(text)


def test_reading_durations():
    got = [
        (d.text, d.value, d.unit, d.hedged)
        for d in find_durations("Talks ran for about two weeks. The vote came a week later.")
    ]
    assert got == [("two weeks", 14.0, "days", True), ("a week", 7.0, "days", False)]
    assert [d.text for d in find_durations("a 212-day strike over eleven months")] == ["212-day", "eleven months"]
    for rate in ("twice a week", "$500 a week", "600,000 barrels a day", "a year earlier", "every two weeks"):
        assert find_durations(rate) == [], rate
    assert find_durations("a 10-year bond and a five-year-old boy") == []


def test_restating_a_duration_in_its_form():
    assert restate_duration("two weeks", 7.0, "days", "seven days") == "a week"
    assert restate_duration("218-day", 213.0, "days", "213-day") == "213-day"
    assert restate_duration("Three years", 24.0, "months", "two years") == "Two years"
    assert restate_duration("two weeks", 10.0, "days", "ten days") == "ten days"
