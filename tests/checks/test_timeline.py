"""Dates implied by a count of days, weeks, months or years against the date stated for the same event."""

from __future__ import annotations

import pytest
from finding_asserts import variants

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("dates",)).findings


_variants = variants


POSITIVE = [
    pytest.param(
        'Regulator blocks merger\n\n14 June 2023\n\n"Eighteen months after the merger was announced, the '
        'regulator has finally acted," said an analyst.\n\nThe two firms announced the merger in '
        "{December 2020|December 2021}.",
        id="months-after-an-event-counted-from-the-story-date",
    ),
    pytest.param(
        "Tablet recalled\n\nOctober 7, 2022\n\nThe maker recalled its new tablet. The tablet reached shops on "
        "{September 2|September 23}, barely two weeks ago.",
        id="weeks-ago-beside-a-date-without-a-year",
    ),
    pytest.param(
        "Mayor sworn in\n\n18 November 2023\n\nThe new mayor took office on Saturday, four weeks after she beat "
        "two rivals in a close runoff.\n\nTurnout in the {14 October|21 October} runoff was low.",
        id="weeks-after-counted-from-the-weekday-named",
    ),
    pytest.param(
        "Talks collapse\n\n2 March 2022\n\nNegotiators walked out on Wednesday, 30 days before the current "
        "contract is due to expire.\n\nThe contract will expire on {1 May|1 April}.",
        id="days-before-a-scheduled-event",
    ),
    pytest.param(
        "Prices jump\n\nMay 5, 2022\n\nFuel prices rose to their highest in 14 years, the agency said.\n\nThe "
        "agency said fuel prices were at their highest level since {2006|2008}.",
        id="highest-in-n-years-vs-highest-since-a-year",
    ),
    pytest.param(
        "Ferry firm sold\n\nOctober 4, 2021\n\nThe 120-year-old ferry company, which started in {1911|1901} "
        "with one boat, was sold on Monday.",
        id="n-year-old-firm-vs-its-start-year",
    ),
]


@pytest.mark.parametrize("marked", POSITIVE)
def test_flags_the_stated_date_with_the_fix(marked: str) -> None:
    text, _, wrong, right = _variants(marked)
    found = _findings(text)
    assert [(f.span.text, f.suggestion) for f in found] == [(wrong, right)]
    finding = found[0]
    assert finding.kind is FindingKind.DATE
    assert text[finding.span.start : finding.span.end] == wrong
    assert 0.5 <= finding.confidence <= 0.95
    assert finding.explanation.endswith(".")


@pytest.mark.parametrize("marked", POSITIVE)
def test_the_corrected_article_is_clean(marked: str) -> None:
    _, clean, _, _ = _variants(marked)
    assert _findings(clean) == ()


NEGATIVE = [
    pytest.param(
        "Council\n\n14 June 2023\n\nTwo weeks after the election, the council met for the first time.\n\nThe "
        "budget was approved on 3 March.",
        id="a-date-of-another-event",
    ),
    pytest.param(
        "Award\n\n2 June 2019\n\nShe won the award on 19 May, six days after the vote.\n\nThe vote was held on 9 May.",
        id="two-stated-dates-disagreeing-are-not-reported",
    ),
    pytest.param(
        "Bridge\n\n3 May 2021\n\nThe bridge reopened in 2019, three years after it was damaged in a flood.\n\n"
        "The flood damaged the bridge in 2016.",
        id="anchored-on-its-own-stated-year",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clean_text_is_not_flagged(text: str) -> None:
    assert _findings(text) == ()


def test_two_stated_dates_disagreeing_flag_the_later_with_lower_confidence() -> None:
    text = (
        "Award\n\n2 June 2019\n\nThe ballot of 9 May split the country.\n\nShe won the award on "
        "19 May, six days after the ballot."
    )
    (f,) = _findings(text)
    assert (f.span.text, f.suggestion) == ("19 May", "15 May")
    assert 0.5 <= f.confidence < 0.6 and "9 May" in [e.span.text for e in f.evidence]


def test_a_date_against_an_anniversary_counted_from_the_story_date() -> None:
    text = (
        "Tamsin bridge turns 30\n\nMonday 14 March 2022\n\n"
        "Thirty years ago today, the Tamsin bridge opened to traffic.\n\n"
        "The builders had finished the deck on 9 March 1992, three days before the bridge opened.\n\n"
        "About 40,000 vehicles now cross it every day."
    )
    (f,) = _findings(text)
    assert (f.span.text, f.suggestion) == ("9 March 1992", "11 March 1992")
    assert "Thirty years ago today" in [e.span.text for e in f.evidence][0]
    assert not _findings(text.replace("9 March 1992", "11 March 1992"))
