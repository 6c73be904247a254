"""Durations read as figures: "a week", "two weeks", "seven days", "a 212-day strike", "eleven months".

A duration is a count and a unit of time. Days and weeks are read in days, months and years in
months, so "two weeks" and "fourteen days" are one value and "a year" and "twelve months" another:

    >>> [(d.text, d.value, d.unit) for d in find_durations("It came a week after the vote, not two weeks.")]
    [('a week', 7.0, 'days'), ('two weeks', 14.0, 'days')]

Only exact spans are figures. A hedged one ("more than two weeks", "about a year") is returned with
``hedged`` set, so a reader can leave its number alone; a rate ("twice a week", "$500 a week",
"600,000 barrels a day"), a time back from now ("a year ago", "a year earlier"), a frequency ("every
two weeks") and a fraction ("a week and a half") are not durations of an event and are skipped. A
hyphenated year or month ("a 10-year bond", "a six-month high") names a term or a window, not how long
something took: it is left to the figure reader as before.

:func:`restate_duration` writes a value in the form of a span it replaces ("two weeks", 7 days ->
"a week"; "218-day", 213 -> "213-day").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corrigo.analysis.durations import HEDGE
from corrigo.analysis.numbers import number_words, parse_number

__all__ = ["DURATION_UNITS", "Duration", "find_durations", "parse_duration", "restate_duration"]

_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_DURATION = re.compile(
    r"(?<![\w$£€¥.,-])" + HEDGE + r"(?P<core>(?P<n>\d{1,4}|" + _WORDS + r"|an?)(?P<sep>\s|-)"
    r"(?P<u>day|week|month|year)(?P<pl>s)?)(?![\w-])",
    re.I,
)
DURATION_UNITS = frozenset({"days", "months"})
_FACTOR = {"day": ("days", 1.0), "week": ("days", 7.0), "month": ("months", 1.0), "year": ("months", 12.0)}
_PARSE = re.compile(r"^(?P<n>\d{1,4}|" + _WORDS + r"|an?)(?P<sep>\s|-)(?P<u>day|week|month|year)s?$", re.I)
# What turns a count of time into something else: a rate, a time back from now, a fraction.
_RATE_BEFORE = re.compile(r"(?:\d|%|\b(?:once|twice|times|per|cent|percent))\S*(?:\s+\S+){0,2}\s*$", re.I)
_NUMBER_WORD_BEFORE = re.compile(r"\b" + _WORDS + r"\b(?:\s+\S+){0,2}\s*$", re.I)
_AFTER_SKIP = re.compile(r"^(?:'s?|’s?)?\s*(?:ago|earlier|previously|prior|and\s+an?\s+half|or\s|to\s)", re.I)
_BEFORE_SKIP = re.compile(r"\b(?:every|each|per|between|from|or|to|than)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Duration:
    start: int  # offsets of the count and unit, hedge left out
    end: int
    text: str
    value: float  # in ``unit``
    unit: str  # "days" or "months"
    hedged: bool


def parse_duration(text: str) -> tuple[str, str, str] | None:
    """(count, separator, unit word) of a duration span ("two weeks" -> ("two", " ", "week"))."""
    m = _PARSE.match(text)
    return (m.group("n"), m.group("sep"), m.group("u").lower()) if m else None


def _count(n: str) -> float | None:
    low = n.lower()
    if low in ("a", "an"):
        return 1.0
    if low == "one":
        return 1.0
    value = parse_number(low)
    return float(value) if value is not None and value > 0 else None


def _inexact(hedge: str | None) -> bool:
    """A hedge that leaves the span approximate ("about", "more than"), not one that stresses it
    ("exactly", "only", "just")."""
    return hedge is not None and hedge.lower() not in _EXACT


_EXACT = frozenset({"exactly", "only", "just"})


def find_durations(text: str) -> list[Duration]:
    """The durations of event-like spans in ``text`` (a sentence), in order."""
    out = []
    for m in _DURATION.finditer(text):
        unit, sep, n = m.group("u").lower(), m.group("sep"), m.group("n")
        if sep == "-" and unit in ("month", "year"):
            continue  # "a 10-year bond", "a six-month high": a term, not how long something took
        if sep == "-" and m.group("pl"):
            continue
        count = _count(n)
        if count is None:
            continue
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 20]
        if _AFTER_SKIP.match(after) or _BEFORE_SKIP.search(before):
            continue
        if n.lower() in ("a", "an"):
            if sep == "-":
                continue
            if _RATE_BEFORE.search(before) or _NUMBER_WORD_BEFORE.search(before):
                continue  # "twice a week", "$500 a week", "600,000 barrels a day"
        if n.lower() in ("a", "an", "one") and m.group("pl"):
            continue
        family, factor = _FACTOR[unit]
        out.append(
            Duration(
                m.start("core"), m.end("core"), m.group("core"), count * factor, family, _inexact(m.group("hedge"))
            )
        )
    return out


def restate_duration(loser: str, value: float, unit: str, winner: str) -> str:
    """``value`` (in ``unit``, days or months) written in the form of the span ``loser``."""
    parts = parse_duration(loser)
    if parts is None:
        return winner
    n, sep, word = parts
    family, factor = _FACTOR[word]
    count = value / factor
    if family != unit or not count.is_integer() or count < 1:
        return winner
    k = int(count)
    if n.isdigit():
        num = str(k)
    elif k == 1:
        num = "one" if sep == "-" or n.lower() == "one" else "a"
    else:
        num = number_words(k) or str(k)
    if n[:1].isupper():
        num = num[:1].upper() + num[1:]
    plural = "s" if k != 1 and sep != "-" else ""
    return f"{num}{sep}{word}{plural}"
