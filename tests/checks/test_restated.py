"""RestatedCheck: one fact given two values in one article, blamed on the value fewer mentions support."""

from __future__ import annotations

import pytest
from finding_asserts import apply_fix, assert_single_fix, variants

import corrigo
from corrigo.checks.restated import in_form_of, slip_shape
from corrigo.model import FindingKind


def _findings(text: str, **options):
    return corrigo.check(text, checks=("restated",), use_index=False, **options).findings


_variants = variants


POSITIVE = [
    pytest.param(
        "Lakeside council approves £41.6 million bypass\n\n"
        "Councillors in Lakeside approved a £{46.1|41.6} million bypass on Tuesday after a four-hour debate.\n\n"
        "Residents of the old market square have campaigned for a decade to keep lorries out of the town centre.\n\n"
        "Traders said the works would disrupt deliveries for at least a year.\n\n"
        "The council leader said the vote was the most important of her time in office.\n\n"
        "The £41.6 million cost will come from the county's roads budget, and work is due to start next spring.",
        id="transposed-against-headline-and-body",
    ),
    pytest.param(
        "Dock workers end 213-day stoppage at Port Arnel\n\n"
        "Dock workers at Port Arnel voted on Monday to end a {218|213}-day stoppage over shift patterns.\n\n"
        "Union officials said the 213-day stoppage was the longest in the port's history.\n\n"
        "Ships queued outside the harbour for most of the summer.",
        id="hyphenated-unit-one-digit",
    ),
    pytest.param(
        "Flood relief\n\nAbout {13,500|135,000} households in the valley were left without power after the flood, "
        "the grid operator said.\n\n"
        "Engineers restored power to 135,000 households in the valley by Sunday, the grid operator said.\n\n"
        "Officials said the cost of the flood was still being counted, and that 135,000 households had been "
        "offered help.",
        id="dropped-digit",
    ),
]


@pytest.mark.parametrize("marked", POSITIVE)
def test_restated_slip_is_flagged_and_fixed(marked):
    corrupted, clean, wrong, right = _variants(marked)
    f = assert_single_fix(corrupted, _findings(corrupted), wrong, right, FindingKind.RESTATED)
    assert apply_fix(corrupted, f) == clean
    assert len(f.evidence) >= 1 and all(right in e.span.text for e in f.evidence)
    assert _findings(clean) == ()


NEGATIVE = [
    pytest.param(
        "Race report\n\nRiders finished 59 seconds apart in the time trial.\n\n"
        "The leader started the stage 57 seconds behind and won by 59 seconds.",
        id="both-values-in-one-sentence",
    ),
    pytest.param(
        "Storm\n\nThe storm reached Category 4 on Sunday.\n\nIt weakened to Category 3 before landfall.",
        id="one-digit-values",
    ),
    pytest.param(
        "Poll\n\nAbout 40% of voters backed the plan in May.\n\nBy June, about 70% of voters backed the plan.",
        id="round-estimates",
    ),
    pytest.param(
        "Markets\n\nShares rose 2.17 to 12.98, 2.64 to 3.04 and 2.91 to 2.98 in busy trading.\n\n"
        "Shares closed at 2.98 and 3.04.",
        id="runs-of-figures",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_different_facts_are_not_flagged(text):
    assert _findings(text) == ()


def test_one_against_one_is_below_the_default_threshold():
    text = (
        "Harbour deal\n\nThe port authority agreed a £23.4 million harbour deal with the shipping line on Monday.\n\n"
        "Dock workers had feared the line would move to a rival port.\n\n"
        "The shipping line signed a £24.3 million harbour deal to berth at the port until 2030.\n\n"
        "The authority said it would hire forty more staff."
    )
    assert _findings(text) == ()
    (f,) = _findings(text, min_confidence=0.0)
    assert f.span.text == "24.3" and f.suggestion == "23.4" and f.confidence < 0.5
    # A definite phrase that refers back to the deal ("the £24.3 million harbour deal") restates
    # it: the statement it refers back to is flagged, above the threshold (test_restated_references).
    referred = text.replace("signed a £24.3", "signed the £24.3")
    (f,) = _findings(referred)
    assert f.span.text == "23.4" and f.suggestion == "24.3" and f.confidence >= 0.5


def test_slip_shapes():
    assert slip_shape("7-6(5)", "7-6(3)") == "digit"
    assert slip_shape("381-147", "318-147") == "transposed"
    assert slip_shape("1:58:42", "1:58:47") == "digit"
    assert slip_shape("5", "8") is None and slip_shape("12", "45") is None
    assert slip_shape("1.4", "1.3") is None and slip_shape("41", "14") is None
    assert in_form_of("318-147", "381 votes to 147") == "381-147"
    assert in_form_of("15,000", "150000") == "150,000"
