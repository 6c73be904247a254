"""A figure stated as a multiple of another in the same sentence."""

from __future__ import annotations

import pytest
from finding_asserts import apply_fix, variants

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("numbers",), use_index=False).findings


def test_multiple_that_fails_blames_the_less_supported_figure():
    text = (
        "Quarantine lifted after 30 days\n\n"
        "Port officials ended the quarantine on Monday, 30 days after the last sick sailor recovered.\n\n"
        "The 30-day wait is twice the {10|15}-day period in which the fever can show itself."
    )
    corrupted, clean, wrong, right = variants(text)
    found = _findings(corrupted)
    assert len(found) == 1, found
    f = found[0]
    assert f.kind is FindingKind.NUMBER and f.verdict.value == "contradicted"
    assert f.span.text == "10-day" and f.suggestion == "15-day" and f.confidence >= 0.7
    assert apply_fix(corrupted, f) == clean
    assert _findings(clean) == ()


def test_equal_support_flags_the_figure_the_multiple_is_taken_of_at_lower_confidence():
    text = "Ticket sales\n\nThe club sold 9,000 season tickets, three times the 2,000 it sold a decade ago."
    found = _findings(text)
    assert len(found) == 1
    assert found[0].span.text == "2,000" and found[0].suggestion == "3,000"
    assert 0.5 <= found[0].confidence < 0.7


@pytest.mark.parametrize(
    "text",
    [
        "Auction\n\nThe vase sold for $81.7 million, 2.5 times the $32.6 million paid for it in 2009.",
        "Rents\n\nRents rose 5.8% this year, down from 9.1% in 2023, nearly three times the 2% goal.",
        "Crowds\n\nMore than 60,000 came, more than twice the 25,000 who came last year.",
        "Staff\n\nThe plant employs 210 people, about half the 400 it employed in 2010.",
        "Rent\n\nRent is now $1,800 a month, double the $900 it was when she moved in.",
        "Output\n\nThe mine produced 12,000 tonnes, and twice the 3,000 tonnes expected came from the new shaft.",
    ],
    ids=["loose-multiple", "from-value-is-not-compared", "lower-bound", "hedged-half", "exact", "other-clause"],
)
def test_multiples_that_agree_or_compare_something_else_are_not_flagged(text):
    assert _findings(text) == ()
