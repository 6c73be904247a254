from __future__ import annotations

import datetime as dt
import math

import pytest

from corrigo.analysis.dates import Precision, parse_date, resolve_date
from corrigo.analysis.numbers import ordinal_value, parse_quantity

REF = dt.date(2021, 10, 25)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("25.10.2021", dt.date(2021, 10, 25)),
        ("2021-10-25", dt.date(2021, 10, 25)),
        ("October 25, 2021", dt.date(2021, 10, 25)),
        ("Monday, 25 October 2021", dt.date(2021, 10, 25)),
        ("25 Oct 2021, 10:42 GMT", dt.date(2021, 10, 25)),
    ],
)
def test_explicit_dates(text, date):
    assert parse_date(text).date == date


def test_impossible_dates_are_refused_not_swapped():
    assert parse_date("10.25.2021") is None
    assert parse_date("31 February 2021") is None


@pytest.mark.parametrize(
    ("text", "year", "precision"),
    [
        ("last year", 2020, Precision.YEAR),
        ("in 1976", 1976, Precision.YEAR),
        ("the end of the year", 2021, Precision.YEAR),
        ("two years ago", 2019, Precision.YEAR),
        ("March 2020", 2020, Precision.MONTH),
    ],
)
def test_relative_dates_resolve_against_the_dateline(text, year, precision):
    value = resolve_date(text, REF)
    assert (value.year, value.precision) == (year, precision)


def test_weekday_alone_is_not_resolved():
    assert resolve_date("on Sunday", REF) is None


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("more than 60", 60, math.inf, None),
        ("about 30", 25.5, 34.5, None),
        ("$4.2 billion", 4.15e9, 4.25e9, "USD"),
        ("10 million-plus", 1e7, math.inf, None),
        ("ten million-plus", 1e7, math.inf, None),
        ("40%", 40, 40, "%"),
        ("twenty-five", 25, 25, None),
    ],
)
def test_quantities_are_intervals(text, low, high, unit):
    q = parse_quantity(text)
    assert q.unit == unit
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


def test_vague_amounts_are_not_figures():
    assert parse_quantity("dozens") is None


def test_hedged_figures_overlap():
    assert parse_quantity("more than 60").compatible(parse_quantity("65"))
    assert not parse_quantity("about 30").compatible(parse_quantity("60"))


def test_ordinals():
    assert ordinal_value("fourth") == 4 and ordinal_value("21st") == 21 and ordinal_value("twenty-first") == 21


def test_an_n_time_champion_counts_occasions_not_a_race_time():
    from corrigo.analysis.mentions import _WORD_FIGURE, _figure, read_figure

    assert read_figure("a 2-time champion", 2).unit == "times"
    text = "a two-time champion"
    assert _figure(text, _WORD_FIGURE.search(text), words=True).unit == "times"
