"""Restated figures between the headline and the lede: a headline value the body never restates."""

from __future__ import annotations

import pytest
from finding_asserts import apply_fix, variants

import corrigo
from corrigo.analysis.numbers import parse_number


def _findings(text: str):
    return corrigo.check(text, checks=("restated",), use_index=False).findings


POSITIVE = [
    pytest.param(
        "Quarry group agrees $12 billion sale to Norvik\n\n"
        "HALDEN, 3 March 2025 — Norvik Materials will pay about ${13.5|12} billion for Brenner Stone, "
        "the two boards said, ending a bidding contest that had run since the autumn.\n\n"
        "The board said the offer valued the company fairly.\n\n"
        "Unions asked for guarantees on jobs at the three quarries.",
        id="hedged-decimal-in-lede",
    ),
    pytest.param(
        "Toymaker recalls 3.2 million scooters after fall injuries\n\n"
        "OSLO — Fjell Toys halted sales of its folding scooter on Tuesday.\n\n"
        "The company said it had received 41 reports of falls, out of the {2.3|3.2} million units it had "
        "sold since the spring.\n\n"
        "Buyers will be offered a refund or a repaired scooter.",
        id="second-body-sentence-other-noun",
    ),
    pytest.param(
        "Chipmaker Tessel reports record $41.7 billion in sales\n\n"
        "Tessel said on Thursday that turnover for the year came to ${47.1|41.7} billion, from $33.2 billion "
        "a year earlier.\n\n"
        "The company expects demand from carmakers to slow.\n\n"
        '"$41.7 billion in a weak market is remarkable," said an analyst.',
        id="headline-restated-later-lede-transposed",
    ),
    pytest.param(
        "Ferry operator Skarv raises record $3.6 billion in share sale\n\n"
        "Skarv Lines sold shares worth ${4.1|3.6} billion on Tuesday, overtaking the $2.9 billion a rival "
        "raised in 2019 to become the largest listing in the region.\n\n"
        "Trading in the shares begins next week.",
        id="compared-figure-left-out-of-the-lede",
    ),
]


@pytest.mark.parametrize("marked", POSITIVE)
def test_lede_figure_against_unrestated_headline_is_flagged_and_fixed(marked):
    corrupted, clean, wrong, right = variants(marked)
    found = [f for f in _findings(corrupted) if f.verdict.value == "contradicted"]
    assert len(found) == 1, found
    f = found[0]
    assert f.span.text.strip() in wrong and f.confidence >= 0.5
    assert f.span.start > corrupted.index("\n")  # the body's figure, not the headline's
    assert apply_fix(corrupted, f) == clean
    assert not _findings(clean)


NEGATIVE = [
    pytest.param(
        "Quarry group agrees $12 billion sale\n\n"
        "Brenner Stone agreed to be sold for $14 billion including debt, the board said.\n\n"
        "Without its debt the deal values the company at $12 billion.",
        id="headline-restated-later",
    ),
    pytest.param(
        "Bank fined $300 million over reporting lapses\n\n"
        "The regulator said the bank understated losses of $340 million and $410 million in two years.\n\n"
        "The bank said it would not contest the ruling.",
        id="two-figures-of-the-kind-in-the-lede",
    ),
    pytest.param(
        "Harbour deposits rise 3.10 billion crowns\n\n"
        "Deposits at the harbour bank rose by 3.10 billion Norwegian crowns to 10.5 billion in March.\n\n"
        "Reserves fell 3.06 billion crowns.",
        id="same-number-in-another-unit-spelling",
    ),
    pytest.param(
        "Airline cuts 4,000 jobs\n\n"
        "Skyreach said it would cut more than 4,000 jobs, about 4,300 in all, by the summer.\n\n"
        "Pilots' unions said they would fight the cuts.",
        id="hedge-agrees",
    ),
    pytest.param(
        "Remittances to Norland reach $18bn\n\n"
        "Money wired to Norland by its citizens abroad reached $18.7bn in 2024, figures from the central "
        "bank showed.\n\n"
        "Transfers grew by a fifth on the year before.",
        id="headline-cuts-the-figure-short",
    ),
    pytest.param(
        "Shares in Orla fall 5%\n\n"
        "Shares in Orla fell 6% on Monday after the retailer cut its forecast.\n\n"
        "By the close they were down 5% on the day.",
        id="restated-later-and-lede-figure-two-digits",
    ),
    pytest.param(
        "Chipmaker posts $2 billion profit\n\n"
        "Tessel reported revenue of $9 billion for the quarter on Thursday.\n\n"
        "Net profit came to $2 billion, the company said.",
        id="lede-figure-is-another-fact-far-off",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_headline_and_lede_that_agree_or_differ_in_kind_are_not_flagged(text):
    assert not [f for f in _findings(text) if f.verdict.value == "contradicted"]


def test_half_in_words_is_read():
    assert parse_number("two and a half") == 2.5
    assert parse_number("one and a half") == 1.5
    assert parse_number("half") == 0.5
