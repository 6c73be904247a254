"""Tallies (run by the number check): shares of one vote, and a whole split across sentences."""

from __future__ import annotations

import pytest
from finding_asserts import assert_single_fix, variants

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("numbers",)).findings


POSITIVE = [
    pytest.param(
        "Ballot lost\n\nThe harbour plan was rejected by voters on Sunday by {53.1|51.3} percent to 48.7 percent, "
        "a narrow defeat for the council.",
        id="two-shares-over-100",
    ),
    pytest.param(
        "Union ballot\n\nMembers backed the offer by 46.2% against {58.3|53.8}% in a postal vote.",
        id="two-shares-second-is-the-slip",
    ),
    pytest.param(
        "Mayor convicted\n\nA jury found the former mayor guilty on {six|seven} of the 12 charges he faced. He was "
        "cleared of three charges relating to the harbour contract, and jurors could not agree on the remaining "
        'two.\n\nHis lawyer said: "Seven out of twelve is a heavy blow, but we will appeal."',
        id="share-of-whole-closed-by-the-rest",
    ),
]


@pytest.mark.parametrize("marked", POSITIVE)
def test_flags_the_slip_with_the_fix(marked: str) -> None:
    text, _, wrong, right = variants(marked)
    assert_single_fix(text, _findings(text), wrong, right, FindingKind.NUMBER)


@pytest.mark.parametrize("marked", POSITIVE)
def test_the_corrected_article_is_clean(marked: str) -> None:
    _, clean, _, _ = variants(marked)
    assert list(_findings(clean)) == []


NEAR_MISSES = [
    pytest.param(
        "Poll\n\nSupport for the party fell from 56.3 percent to 43.9 percent in a month, the poll found.",
        id="a-change-between-two-shares",
    ),
    pytest.param(
        "Ballot lost\n\nThe plan was rejected by voters by 58 percent to 47 percent.",
        id="over-100-but-neither-share-a-slip",
    ),
    pytest.param(
        "Budget\n\nThe town spent 61.5% of its budget on schools and 45.2% to 50.1% on roads over the decade.",
        id="no-vote",
    ),
    pytest.param(
        "Mayor convicted\n\nA jury found the former mayor guilty on six of the 12 charges he faced. He was "
        "cleared of three charges relating to the harbour contract, and jurors could not agree on the remaining "
        "two.",
        id="split-off-but-nothing-says-which-part",
    ),
    pytest.param(
        "Trial\n\nJurors convicted him on four of the nine counts. Two of the counts were dropped before trial, "
        "and the remaining three ended in acquittal.\n\nFour out of nine is a partial win, his lawyer said.",
        id="split-adds-up",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_not_flagged(text: str) -> None:
    assert list(_findings(text)) == []
