"""RestatedCheck with implied mentions: arithmetic on stated figures counts as support for a value."""

from __future__ import annotations

import pytest
from finding_asserts import apply_fix, assert_single_fix, variants

import corrigo
from corrigo.analysis.implied import margin_of, time_core
from corrigo.checks.restated import in_form_of, slip_shape
from corrigo.model import FindingKind


def _findings(text: str, **options):
    return corrigo.check(text, checks=("restated",), use_index=False, **options).findings


_variants = variants


POSITIVE = [
    pytest.param(
        "Regional assembly throws out housing bill by 152 votes\n\n"
        "Members of the regional assembly rejected the housing bill by {316 votes to 209|361 votes to 209} "
        "on Thursday, the heaviest defeat for the coalition since it took office.\n\n"
        "The margin of 152 votes surprised the coalition's own whips.\n\n"
        "Tenant groups had lobbied for months against the bill's rent rules.\n\n"
        "Landlords said the rules would drive small owners out of the market.\n\n"
        "Opposition leaders called for an early election.\n\n"
        "The premier said she would meet tenant groups next week.\n\n"
        "The 361-209 result leaves the coalition without a housing policy before the winter.",
        id="tally-against-its-margin",
    ),
    pytest.param(
        "Adeyemi breaks her own 10,000m world record in Oslo\n\n"
        "Grace Adeyemi won the 10,000 metres in Oslo on Friday in {28:41:52|28:41:32}, "
        "cutting her own world record by 15 seconds.\n\n"
        "The 29-year-old had run the previous record of 28:41:47 on the same track in 2021.\n\n"
        "Rain had fallen for most of the afternoon before the race.\n\n"
        "Her 28:41:32 makes her the first woman to win the event five times.",
        id="change-gives-the-new-time",
    ),
]


@pytest.mark.parametrize("marked", POSITIVE)
def test_implied_support_decides_blame(marked):
    corrupted, clean, wrong, right = _variants(marked)
    f = assert_single_fix(corrupted, _findings(corrupted), wrong, right, FindingKind.RESTATED)
    assert apply_fix(corrupted, f) == clean
    assert "arithmetic" in f.explanation
    assert _findings(clean) == ()


def test_number_words_support_a_figure():
    text = (
        "Harbour board approves £43.7 million dredging plan\n\n"
        "The harbour board on Monday approved a £{47.3|43.7} million plan to dredge the main channel.\n\n"
        "Fishing crews said silt had closed the channel at low tide twice this winter.\n\n"
        '"Forty-three point seven million pounds is a lot of money, but the port dies without it," '
        "said a harbour board member.\n\n"
        "Work on the £43.7 million dredging plan will start in the spring."
    )
    corrupted, clean, wrong, right = _variants(text)
    f = assert_single_fix(corrupted, _findings(corrupted), wrong, right, FindingKind.RESTATED)
    assert apply_fix(corrupted, f) == clean
    assert _findings(clean) == ()


def test_a_margin_in_words_supports_a_tally():
    # A tally stated once against its margin stated twice in words: the one part whose slip-shaped
    # edit gives that margin is fixed.
    text = (
        "Rovers edge City with a three-point derby win\n\n"
        "Rovers beat City {31-24|31-28} in the derby at the riverside ground on Saturday.\n\n"
        "The home side trailed for most of the first half.\n\n"
        "A late penalty from the captain sealed the three-point derby win.\n\n"
        "City's coach said his players had run out of energy.\n\n"
        "The crowd of 18,000 was the largest of the season.\n\n"
        "Rovers move up to second in the table."
    )
    corrupted, clean, wrong, right = _variants(text)
    f = assert_single_fix(corrupted, _findings(corrupted), wrong, right, FindingKind.RESTATED)
    assert apply_fix(corrupted, f) == clean
    assert _findings(clean) == ()


NEGATIVE = [
    pytest.param(
        "Cup final\n\nRovers led 14-3 at half-time and won the cup final 24-21.\n\n"
        "The three-point win was their first cup final win in a decade.",
        id="half-time-and-final-tallies",
    ),
    pytest.param(
        "Record\n\nThe old record of 2:05:41 fell on Sunday when the winner ran 2:05:29, "
        "improving the mark by 12 seconds.\n\n"
        "A second runner finished in 2:05:35.",
        id="a-change-that-adds-up",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_consistent_arithmetic_is_not_flagged(text):
    assert _findings(text) == ()


def test_with_sources_equally_supported_the_size_of_the_change_is_blamed_at_tie_confidence():
    # New time stated twice, old record once, size once: either source could be off, and the size
    # is the figure the writer worked out. It is flagged, below the confidence of a clear case.
    text = (
        "Record\n\nShe won in 28:41:32, cutting the world record by {25|15} seconds.\n\n"
        "The previous record of 28:41:47 had stood since 2021.\n\n"
        "Her 28:41:32 was the fastest of the year."
    )
    corrupted, clean, wrong, right = _variants(text)
    f = assert_single_fix(corrupted, _findings(corrupted), wrong, right, FindingKind.RESTATED)
    assert 0.5 <= f.confidence < 0.7
    assert apply_fix(corrupted, f) == clean
    assert _findings(clean) == ()


def test_a_size_that_fits_the_other_way_round_is_not_blamed():
    # 2:05:41 + 12 s is no time the article gives, but 2:05:41 - 12 s is: nothing to fix.
    text = (
        "Record\n\nThe winner ran 2:05:29 on Sunday, lowering the record by 12 seconds.\n\n"
        "The old mark of 2:05:41 had stood for four years.\n\n"
        "His 2:05:29 was the fastest time of the year."
    )
    assert _findings(text) == ()


def test_helpers():
    assert margin_of((318, 147)) == 171 and margin_of((7, 6, 5)) is None
    assert time_core(3600 + 58 * 60 + 42, "1:59:07") == "1:58:42"
    assert slip_shape("16.0", "18") == "digit"
    assert in_form_of("16.0", "18") == "18.0"
    assert in_form_of("46.5", "44") == "44"
    assert in_form_of("fourteen", "12") == "twelve"
