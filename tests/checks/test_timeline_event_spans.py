"""DateCheck: the stated length of an event that just ended against the date it began."""

from __future__ import annotations

import pytest

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("dates",)).findings


def _variants(marked: str) -> tuple[str, str, str, str]:
    head, rest = marked.split("{", 1)
    pair, tail = rest.split("}", 1)
    wrong, right = pair.split("|")
    return head + wrong + tail, head + right + tail, wrong, right


POSITIVE = [
    pytest.param(
        "Dock workers return after 61-day stoppage\n\nJune 20, 2024\n\nROTTERDAM - Dock workers returned to the "
        "quays on Thursday after their union voted to end a 61-day strike that halted most container traffic.\n"
        "The stoppage began on {April 30|April 20}. Ships had been diverted to Antwerp.",
        id="start-date-of-the-event-named-in-the-headline",
    ),
    pytest.param(
        "Bakers back at work\n\n3 March 2022\n\nBakers at the Kelso plant went back on Monday after managers agreed "
        "to end a 40-day dispute over night shifts, the longest walkout in the firm's history.\nThe walkout began "
        "on {9 January|19 January}, when talks on a new rota collapsed.",
        id="start-date-of-a-noun-the-sentence-uses",
    ),
    pytest.param(
        "Nurses end 30-day strike\n\n10 May 2023\n\nNurses at three city hospitals voted on Wednesday to end a "
        "{32-day|30-day} strike over staffing.\nThe strike began on 10 April, days after talks broke down.",
        id="length-outvoted-by-the-headline-and-the-start",
    ),
    pytest.param(
        "Research ship reaches Antarctic base\n\n14 March 2024\n\nHOBART - The research ship Aurora Vale "
        "docked at the Casey base on Thursday after a {five-month|three-month} voyage through the Southern Ocean.\n"
        "The ship left Hobart on 10 December 2023 with 40 scientists on board.",
        id="journey-length-against-the-day-it-set-out",
    ),
]


@pytest.mark.parametrize("marked", POSITIVE)
def test_flags_the_wrong_words_with_the_fix(marked: str) -> None:
    text, clean, wrong, right = _variants(marked)
    found = _findings(text)
    assert len(found) == 1, [(f.span.text, f.suggestion) for f in found]
    finding = found[0]
    assert finding.kind is FindingKind.DATE
    flagged = text[: finding.span.start] + finding.suggestion + text[finding.span.end :]
    assert flagged == clean
    assert finding.span.text in wrong


@pytest.mark.parametrize("marked", POSITIVE)
def test_the_corrected_article_is_clean(marked: str) -> None:
    _, clean, _, _ = _variants(marked)
    assert _findings(clean) == ()


NEGATIVE = [
    pytest.param(
        "Talks end\n\n20 June 2024\n\nThe union voted on Thursday to end a 61-day strike at the port.\nThe 1979 "
        "strike began on 2 March and lasted 70 days.",
        id="another-event-of-the-same-kind",
    ),
    pytest.param(
        "Talks end\n\n20 June 2024\n\nThe union voted on Thursday to end a 61-day strike at the port.\nA new "
        "strike began on 2 June at the airport.",
        id="an-indefinite-subject-is-another-event",
    ),
    pytest.param(
        "Festival closes\n\n20 June 2024\n\nThe festival ended a ten-day run on Thursday.\nThe concert began on "
        "2 June in the park.",
        id="a-different-noun",
    ),
    pytest.param(
        "Research ship reaches base\n\n14 March 2024\n\nThe research ship Aurora Vale docked at the base on "
        "Thursday after a five-month voyage.\nIts sister ship left Hobart on 10 December 2023.",
        id="another-traveller-set-out",
    ),
    pytest.param(
        "Research ship reaches base\n\n14 March 2024\n\nThe research ship Aurora Vale docked at the base on "
        "Thursday after a three-month voyage.\nThe ship set a speed record on 2 January 2024.",
        id="set-without-off-is-no-departure",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clean_text_is_not_flagged(text: str) -> None:
    assert _findings(text) == ()


ENDS = (
    "Drought rules eased\n\n2 September 2024\n\nFARMERS in the valley may draw water again from Monday. The "
    "district now enters a 60-day period of reduced quotas, the water board said.\n"
    '"Sixty days of half quotas is hard, but we can plan for it," said a grower.\n'
    "The quota period runs until {early December|early November}, when the board will review it."
)


def test_period_starting_now_against_the_month_it_runs_until():
    text, clean, _, _ = _variants(ENDS)
    (f,) = _findings(text)
    assert f.kind is FindingKind.DATE and f.span.text == "December" and f.suggestion == "November"
    assert f.confidence >= 0.7  # the length is stated twice
    assert _findings(clean) == ()


def test_period_of_another_thing_is_not_compared():
    text, _, _, _ = _variants(ENDS)
    text = text.replace("The quota period runs", "The tourist season runs")
    assert _findings(text) == ()


def test_period_with_a_modifier_its_sentence_lacks_is_another_period():
    text, _, _, _ = _variants(ENDS)
    text = text.replace("The quota period runs", "The probation period runs")
    assert _findings(text) == ()
