"""DateCheck: weekdays, ages and numbers of years against the article's own dates."""

from __future__ import annotations

import pytest

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("dates",)).findings


def _one(text: str):
    found = _findings(text)
    assert len(found) == 1, [(f.span.text, f.suggestion) for f in found]
    finding = found[0]
    assert finding.kind is FindingKind.DATE
    assert text[finding.span.start : finding.span.end] == finding.span.text
    assert 0.5 <= finding.confidence <= 0.95
    return finding


# (text with {wrong|right}, wrong, right, an evidence quote)
POSITIVE = [
    pytest.param(
        "Museum marks anniversary\n\nMarch 3, 2019\n\nThe museum marks {20|22} years since it opened in 1997.",
        "1997",
        id="years-since-year-in-sentence",
    ),
    pytest.param(
        "Club celebrates\n\nJune 1, 2019\n\nThe club, founded in 1990, celebrated the {25th|29th} anniversary "
        "of its founding on Saturday.",
        "1990",
        id="anniversary-is-exact",
    ),
    pytest.param(
        "Nakuru end long wait\n\n6 November 2023\n\nNAIROBI - Nakuru Athletic were crowned league champions on "
        "Sunday for the first time in {32|42} years after a 2-1 win in Mombasa.\n\nThe club last won the title "
        "in 1981, when their coach was a ball boy in Nakuru.",
        "1981",
        id="first-time-in-years-vs-last-win-elsewhere",
    ),
    pytest.param(
        "Bank opens\n\nJune 1, 2021\n\nThe bank set up its regional hub in Lagos in 1976. The bank opened a new "
        "branch in Lagos on Monday, its first in the city in over {50|45} years.",
        "1976",
        id="hedged-first-in-years-vs-start-verb-elsewhere",
    ),
    pytest.param(
        "Quake rattles capital\n\n8 February 2024\n\nIt was the most widely felt quake in the capital since the "
        "Kaikoura earthquake of November 2016, more than {nine|seven} years ago.",
        "November 2016",
        id="more-than-n-years-ago-with-months",
    ),
    pytest.param(
        "Court strikes down ban\n\n12.03.2024\n\nThe ban, imposed by the city in January 2011, had been in force "
        "for {11|13} years.",
        "January 2011",
        id="in-force-for-n-years",
    ),
    pytest.param(
        "Plant to close\n\nMarch 14, 2022\n\nKestrel Cranes will shut its assembly plant in Gdansk, ending {30|35} "
        "years of crane production at the port.\n\nThe Gdansk plant opened in 1987.",
        "1987",
        id="ending-n-years-of-vs-opening-elsewhere",
    ),
    pytest.param(
        "Acme\n\nJune 1, 2019\n\nAcme was founded in 1990 in Leeds. Acme was founded {25|29} years ago by two "
        "brothers from Leeds.",
        "1990",
        id="years-ago-vs-same-start-verb-elsewhere",
    ),
    pytest.param(
        "Plant closes\n\nIn 2005, {ten|twelve} years after the plant opened in 1993, it closed.",
        "1993",
        id="years-after-between-two-stated-years-needs-no-story-date",
    ),
    pytest.param(
        "Satellite cleared\n\nMay 2, 2024\n\nThe satellite will be launched on {Thursday|Wednesday}, 12 June 2024, "
        "the centre said.",
        "12 June 2024",
        id="weekday-with-full-date",
    ),
    pytest.param(
        "Vote set\n\nMarch 1, 2023\n\nThe vote will take place on {Monday|Tuesday} (March 14), officials said.",
        "March 14",
        id="weekday-with-date-in-the-story-year",
    ),
    pytest.param(
        "Smith named\n\nJune 1, 2021\n\nJohn Smith, {45|50}, was named chief executive on Monday. Smith was born "
        "in 1970 in Leeds.",
        "1970",
        id="age-vs-birth-year",
    ),
    pytest.param(
        "Satellite cleared\n\nMay 2, 2024\n\nProject director Chidinma Okonkwo, who was born on 2 February 1963, "
        "has led the programme since 2017. The {63|61}-year-old physicist said the team had rebuilt the cooling "
        "system twice.",
        "2 February 1963",
        id="age-vs-full-birth-date-in-previous-sentence",
    ),
]


def _variants(marked: str) -> tuple[str, str, str, str]:
    head, rest = marked.split("{", 1)
    pair, tail = rest.split("}", 1)
    wrong, right = pair.split("|")
    return head + wrong + tail, head + right + tail, wrong, right


@pytest.mark.parametrize(("marked", "evidence"), POSITIVE)
def test_flags_the_wrong_words_with_the_fix(marked: str, evidence: str) -> None:
    text, _, wrong, right = _variants(marked)
    finding = _one(text)
    assert finding.span.text == wrong
    assert finding.suggestion == right
    assert evidence in [e.span.text for e in finding.evidence]
    assert finding.explanation.endswith(".")


@pytest.mark.parametrize(("marked", "evidence"), POSITIVE)
def test_the_corrected_article_is_clean(marked: str, evidence: str) -> None:
    _, clean, _, _ = _variants(marked)
    assert _findings(clean) == ()


def test_explanation_gives_the_arithmetic() -> None:
    text = "Museum marks anniversary\n\nMarch 3, 2019\n\nThe museum marks 20 years since it opened in 1997."
    assert _one(text).explanation == ("The story is dated 3 March 2019 and counts from 1997: that is 22 years, not 20.")


NEGATIVE = [
    pytest.param(
        "Strike called off\n\n16 September 2024\n\nThe strike was due to start on Monday. The deal was signed on "
        "Sunday.",
        id="relative-weekdays-without-a-date",
    ),
    pytest.param(
        "Museum marks anniversary\n\nThe museum marks 20 years since it opened in 1997.",
        id="no-story-date-no-arithmetic",
    ),
    pytest.param(
        "Sales recover\n\nJune 1, 2021\n\nSales rose in 2019-2021 for the first time in 10 years.",
        id="range-is-not-a-start-year",
    ),
    pytest.param(
        "Smith named\n\nJune 1, 2021\n\nJane Smith, 45, was named chief executive on Monday. Her father, John "
        "Smith, was born in 1940.",
        id="age-of-another-person",
    ),
    pytest.param(
        "Cranes\n\nMarch 14, 2022\n\nKestrel has made cranes for 32 years. Kestrel opened a sales office in Leeds "
        "in 2015.",
        id="years-of-a-different-event",
    ),
    pytest.param(
        'Fire chief\n\nAugust 2, 2023\n\n"We have not seen a fire like this since 1998," said fire chief Rui '
        "Antunes, who has served in the area for 30 years.",
        id="year-and-duration-about-different-things",
    ),
    pytest.param(
        "Album\n\nMarch 1, 2005\n\nThe album was released in 2001, to mark the 10th anniversary of Nevermind.",
        id="anniversary-ending-in-a-stated-year",
    ),
    pytest.param(
        "Jailed\n\nMarch 1, 2005\n\nThe former bank president was jailed for 17 years in 2003.",
        id="sentence-length-is-not-elapsed-time",
    ),
    pytest.param(
        "Acme\n\nJune 1, 2019\n\nAcme was founded in 1990 in Leeds. Acme opened its York shop 25 years ago.",
        id="years-ago-of-another-event",
    ),
    pytest.param(
        "Career\n\nHe joined in 1990 and left in 2000, 20 years after his father.",
        id="years-after-something-undated",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clean_text_is_not_flagged(text: str) -> None:
    assert _findings(text) == ()
