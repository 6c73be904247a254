"""NumberCheck: parts vs totals, ordinals vs lists, counts vs enumerations, percentages."""

from __future__ import annotations

import pytest
from finding_asserts import variants

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("numbers",)).findings


_variants = variants


# (text with {wrong|right}, an evidence quote)
POSITIVE = [
    pytest.param("Storm\n\n{12|9} people were hurt: five in Leeds and four in York.", "five", id="colon-list"),
    pytest.param(
        "Storm\n\n{Twelve|Nine} people were hurt, of whom five were in Leeds and four in York.",
        "four",
        id="of-whom-list",
    ),
    pytest.param(
        "Title\n\nNakuru have played {36|34} league matches this season, winning 21, drawing 8 and losing 5.",
        "21",
        id="won-drawn-lost-after-total",
    ),
    pytest.param(
        "Coach sacked\n\nThis season the team has won 2, drawn 3 and lost 9 of its {15|14} matches.",
        "9",
        id="won-drawn-lost-of-its-total",
    ),
    pytest.param(
        "Floods\n\nHANOI - Floods killed {16|14} people in northern Vietnam over the weekend, as rescuers searched "
        "for six people still missing.\n\nNine of the dead were in Lao Cai province. The other five died in Ha "
        "Giang province.",
        "Nine",
        id="share-and-the-other-rest",
    ),
    pytest.param(
        "Takeover\n\nNordvik agrees to buy Holm for 2.3 billion crowns\n\nNordvik will pay the 2.3 billion crowns in "
        "two parts: 1.5 billion in cash and {0.9|0.8} billion in new shares.",
        "2.3 billion",
        id="total-stated-twice-so-a-part-is-wrong",
    ),
    pytest.param(
        "Treaty\n\nKenya became the {fourth|third} country to sign the treaty, after Ghana and Uganda.",
        "Ghana",
        id="ordinal-after-names",
    ),
    pytest.param(
        "Floods\n\nIt was the {fourth|third} deadly flood in the region this year, after flash floods in June and "
        "a landslide in late July.",
        "flash floods",
        id="ordinal-after-same-kind-nouns",
    ),
    pytest.param(
        "Treaty\n\nThe deal covers {three|four} countries — France, Germany and Spain, and Italy.",
        "Italy",
        id="count-vs-dashed-list",
    ),
    pytest.param(
        "Observatory\n\nThe telescope is run by a consortium of {three|four} research councils: Britain's STFC, "
        "the German Research Foundation, Spain's CSIC and the Netherlands Organisation for Scientific Research.",
        "the German Research Foundation",
        id="count-vs-list-of-names-the-parser-hangs-elsewhere",
    ),
    pytest.param("Vote\n\nThe party won 30 of 120 seats, or {40%|25%}.", "120", id="x-of-y-or-percent"),
    pytest.param(
        "Ice\n\nThe laboratory analysed 240 of the 600 ice cores, or {25|40} percent of the total.",
        "600",
        id="x-of-the-y-or-n-percent",
    ),
    pytest.param(
        "Fire\n\nThe fire destroyed about 12,000 hectares, or roughly {35|25} percent of the park's 48,000 hectares.",
        "48,000",
        id="x-or-percent-of-y",
    ),
    pytest.param("Club\n\nMembership rose from 200 to 250, a {40%|25%} increase.", "200", id="change-from-to"),
    pytest.param(
        "Results\n\nRevenues increased {16%|11%} to $3.1bn, from $2.8bn a year earlier.",
        "$2.8bn",
        id="change-to-from-money",
    ),
]


@pytest.mark.parametrize(("marked", "evidence"), POSITIVE)
def test_flags_the_wrong_words_with_the_fix(marked: str, evidence: str) -> None:
    text, _, wrong, right = _variants(marked)
    found = _findings(text)
    assert len(found) == 1, [(f.span.text, f.suggestion) for f in found]
    finding = found[0]
    assert finding.kind is FindingKind.NUMBER
    assert finding.span.text == wrong
    assert text[finding.span.start : finding.span.end] == wrong
    assert finding.suggestion == right
    assert evidence in [e.span.text for e in finding.evidence]
    assert 0.5 <= finding.confidence <= 0.95


@pytest.mark.parametrize(("marked", "evidence"), POSITIVE)
def test_the_corrected_article_is_clean(marked: str, evidence: str) -> None:
    _, clean, _, _ = _variants(marked)
    assert _findings(clean) == ()


def test_parts_over_an_inclusive_total_are_flagged_without_a_guess() -> None:
    text = "Storm\n\nTwelve people were hurt, including five in Leeds and nine in York."
    (finding,) = _findings(text)
    assert finding.span.text == "Twelve"
    assert finding.suggestion is None


def test_explanations_give_the_arithmetic() -> None:
    (total,) = _findings("Storm\n\n12 people were hurt: five in Leeds and four in York.")
    assert total.explanation == "The parts (five + four) add up to 9, not 12."
    (share,) = _findings("Vote\n\nThe party won 30 of 120 seats, or 40%.")
    assert share.explanation == "30 of 120 is 25%, not 40%."


NEGATIVE = [
    pytest.param("Raids\n\n12 people were arrested; five guns and four cars were seized.", id="different-things"),
    pytest.param(
        "Storm\n\nMore than 60 people were hurt: 40 in Leeds and 25 in York.",
        id="hedged-total-that-fits",
    ),
    pytest.param(
        "Storm\n\nTwelve people were hurt, including five in Leeds and four in York.",
        id="including-parts-under-the-total",
    ),
    pytest.param("Shops\n\nCosts rose to $12m: five new shops and four offices opened.", id="money-vs-counts"),
    pytest.param("Results\n\nSales rose 2% to $11.1bn from $10.9bn.", id="rounded-change"),
    pytest.param(
        "Race\n\nJust over 1,900 of the 2,400 starters, or about 80 percent, reached the finish.",
        id="hedged-share",
    ),
    pytest.param(
        "Floods\n\nIt was the fourth flood this year, after heavy rain and strong winds.",
        id="ordinal-after-unrelated-nouns",
    ),
    pytest.param(
        "Banks\n\nOne of the four big public banks - Bank of Alexandria or Banque du Caire - would be sold first.",
        id="count-with-or-list",
    ),
    pytest.param(
        "Rugby\n\nEngland have lost their first three matches in this year's Six Nations and four out of their "
        "six games since Robinson took over.",
        id="capitalised-number-in-a-name",
    ),
    pytest.param(
        "Quota\n\nMalaysia has been allocated an export quota of 28,526 tonnes, Indonesia 24,516 and Thailand 19,000.",
        id="list-of-separate-figures",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clean_text_is_not_flagged(text: str) -> None:
    assert _findings(text) == ()
