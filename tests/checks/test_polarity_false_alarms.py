"""Polarity on copy with negative figures and split verdicts."""

from __future__ import annotations

import corrigo


def flags(text: str) -> list[tuple[str, str | None]]:
    return [(f.span.text, f.suggestion) for f in corrigo.check(text, checks=("polarity",)).findings]


_RATES = "Bank deepens negative rates\n\nThe central bank {verb} its deposit rate {figures} on Thursday.\n"


def test_a_cut_deeper_below_zero_goes_down():
    assert flags(_RATES.format(verb="cut", figures="to -0.75% from -0.25%")) == []
    assert flags(_RATES.format(verb="cut", figures="from minus 0.1% to minus 0.3%")) == []
    assert flags(_RATES.format(verb="cut", figures="from \u22120.2% to \u22120.4%")) == []
    assert flags(_RATES.format(verb="raised", figures="from \u22120.4% to \u22120.3%")) == []


def test_a_direction_against_negative_figures_is_still_flagged():
    assert flags(_RATES.format(verb="raised", figures="to -0.75% from -0.25%")) == [("raised", "cut")]
    assert flags(_RATES.format(verb="cut", figures="from -0.4% to 0.3%")) == [("cut", "raised")]


_TRIAL = (
    "Banker found guilty of fraud\n\n"
    "Tom Reede, a former banker, was convicted on Tuesday of defrauding his clients. "
    "Reede, 54, had denied the charges throughout the three-week trial. "
    "{verdict}, and his lawyers said they would study the ruling.\n"
)


def test_a_verdict_split_across_counts_is_not_a_contradiction():
    assert flags(_TRIAL.format(verdict="Reede was cleared on two charges concerning his pension advice")) == []
    assert flags(_TRIAL.format(verdict="Reede was acquitted on five of the nine counts")) == []


def test_an_opposite_verdict_on_the_same_charge_is_still_flagged():
    assert flags(_TRIAL.format(verdict="Reede was acquitted of defrauding his clients")) == [("acquitted", "convicted")]
    assert flags(_TRIAL.format(verdict="Reede was acquitted on all counts")) == [("acquitted", "convicted")]
