"""Restated figures backed by a percentage change stated in another sentence."""

from __future__ import annotations

import pytest
from finding_asserts import assert_single_fix, variants

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("restated",)).findings


POSITIVE = [
    pytest.param(
        "Listing day\n\nShares in Brightco rose 20% when they began trading on Friday.\n\nThe stock "
        "opened at 50.4 crowns, up from the listing price of {45|42} crowns, and held there all day.\n\n"
        '"I paid 42 crowns and I will keep them," one investor said.',
        id="old-value-implied-by-new-and-percent",
    ),
    pytest.param(
        "Fares\n\nRail fares will fall 20% from March, the operator said.\n\nA day return will cost $12.80, "
        "down from {$17.00|$16.00} today.\n\nPassengers who now pay $16.00 for the trip welcomed the cut.",
        id="falling-change",
    ),
]


@pytest.mark.parametrize("marked", POSITIVE)
def test_flags_the_figure_the_arithmetic_and_a_restatement_contradict(marked: str) -> None:
    text, _, wrong, right = variants(marked)
    wrong_core, right_core = wrong.lstrip("$"), right.lstrip("$")
    assert_single_fix(text, _findings(text), wrong_core, right_core, FindingKind.RESTATED)


@pytest.mark.parametrize("marked", POSITIVE)
def test_the_corrected_article_is_clean(marked: str) -> None:
    _, clean, _, _ = variants(marked)
    assert list(_findings(clean)) == []


NEAR_MISSES = [
    pytest.param(
        "Listing day\n\nShares in Brightco rose 20% when they began trading on Friday.\n\nThe stock "
        "opened at 50.4 crowns, up from the listing price of 45 crowns, and held there all day.\n\n"
        '"I paid 44 crowns and I will keep them," one investor said.',
        id="no-statement-agrees-with-the-arithmetic",
    ),
    pytest.param(
        "Listing day\n\nThe stock opened at 50.4 crowns, up from the listing price of 45 crowns.\n\n"
        '"I paid 42 crowns and I will keep them," one investor said.',
        id="no-percentage-change",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_not_flagged(text: str) -> None:
    assert list(_findings(text)) == []
