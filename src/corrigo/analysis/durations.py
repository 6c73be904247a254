"""Spans of time in days, weeks, months or years, and date arithmetic on them.

A duration is read as a number, a unit and a hedge ("more than three years", "only two weeks",
"fifteen months", "a year"); :func:`offset_range` turns it into the shortest and longest span of
days it can mean, so a check can ask whether two dates may lie that far apart. :func:`restate`
writes a corrected date in the form of the one it replaces ("12 November" -> "19 November",
"January 2021" -> "January 2022", "2012" -> "2011").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from corrigo.analysis.numbers import NUMBER_WORDS, parse_number

__all__ = [
    "COUNT",
    "HEDGE",
    "UNIT_DAYS",
    "add_months",
    "count_value",
    "offset_range",
    "period",
    "restate",
    "shift",
]

_SMALL = NUMBER_WORDS
# A count: "148", "fifteen", "twenty-one", "a"/"an" (one).
COUNT = r"(?P<n>\d{1,4}|(?:" + "|".join(_SMALL) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|an?)"
HEDGE = (
    r"(?:(?P<hedge>more than|just over|over|nearly|almost|about|around|some|roughly|close to|just under|"
    r"at least|less than|under|only|just|exactly)\s+)?"
)
UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


def count_value(text: str) -> int | None:
    """ "fifteen" -> 15, "a" -> 1, "148" -> 148."""
    low = text.lower()
    if low in ("a", "an"):
        return 1
    value = parse_number(low)
    return int(value) if value is not None and float(value).is_integer() and value > 0 else None


def add_months(date: dt.date, months: int) -> dt.date:
    """``date`` moved by whole calendar months, the day clamped to the month's length."""
    total = date.year * 12 + date.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def shift(date: dt.date, n: int, unit: str) -> dt.date:
    """``date`` moved by ``n`` units (negative: back)."""
    if unit == "day":
        return date + dt.timedelta(days=n)
    if unit == "week":
        return date + dt.timedelta(days=7 * n)
    months = n if unit == "month" else 12 * n
    return add_months(date, months)


def offset_range(n: int, unit: str, hedge: str) -> tuple[float, float]:
    """The shortest and longest gap, in days, that "``hedge`` ``n`` ``unit``s" can describe.

    Unhedged counts are read as rounded: years and months down from the next whole unit and up
    from half a unit below ("five years" is 4.5 to 6 years); weeks to the nearest week; days exactly.
    """
    size = UNIT_DAYS[unit]
    slack = max(1.0, 0.15 * n) if unit in ("month", "year") else max(0.5, 0.15 * n)
    if hedge in ("more than", "over", "just over", "at least"):
        return n * size, float("inf")
    if hedge in ("less than", "under"):
        return 0.0, n * size
    if hedge in ("nearly", "almost", "close to", "just under"):
        return (n - slack) * size, n * size
    if hedge in ("about", "around", "some", "roughly"):
        return (n - slack) * size, (n + slack) * size
    if unit == "day":
        return n - 0.0, n + 0.0
    if unit == "week":
        return (n - 0.5) * size, (n + 0.5) * size
    return (n - 0.5) * size, (n + 1) * size


def period(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    """The first and last day a date written to this precision can mean."""
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    d = dt.date(year, month, day)
    return d, d


_MONTH_NAMES = [calendar.month_name[i] for i in range(1, 13)]


def restate(text: str, old: tuple[int, int | None, int | None], new: dt.date) -> str:
    """``text`` (a date as written) with its year, month and day changed to ``new``'s, each only
    where ``text`` gives it: "12 November" -> "19 November", "January 2021" -> "January 2022"."""
    year, month, day = old
    out = text
    if str(year) in out:
        out = out.replace(str(year), str(new.year), 1)
    if month is not None and new.month != month:
        name = _MONTH_NAMES[month - 1]
        m = re.search(r"[A-Za-z]+", out)
        if m is not None:
            written = m.group(0)
            if len(written) >= len(name):
                repl = _MONTH_NAMES[new.month - 1]
            else:  # an abbreviation: "Sept", "Nov"
                repl = _MONTH_NAMES[new.month - 1][: max(3, len(written))]
            if written.isupper():
                repl = repl.upper()
            out = out[: m.start()] + repl + out[m.end() :]
    if day is not None and new.day != day:
        out = re.sub(r"(?<!\d)" + str(day) + r"(?!\d{2})(?=\D|$)", str(new.day), out, count=1)
    return out
