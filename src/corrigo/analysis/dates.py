"""Dates: explicit dates, years, and relative expressions resolved against the article's date.

Only what news copy actually uses is handled, and every result says how precise it is, so
arithmetic never pretends "last year" is a day.

    >>> import datetime as dt
    >>> resolve_date("last year", dt.date(2021, 10, 25)).year
    2020
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

__all__ = ["DateValue", "Precision", "WEEKDAYS", "parse_date", "resolve_date"]

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(WEEKDAYS) + r"),?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"

# The forms a date line or an explicit date takes: "25.10.2021", "2021-10-25",
# "October 25, 2021", "Monday, 25 October 2021", "25 Oct 2021".
_DATE_FORMS = [
    re.compile(r"^(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./]" + _YEAR + r"$"),
    re.compile(r"^" + _YEAR + r"-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ][\d:.]+Z?)?$"),
    re.compile(r"^" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"$", re.I),
    re.compile(r"^" + _WEEKDAY + r"(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + r"$", re.I),
]
# A time or time zone after the date on a date line: "25 October 2021, 10:42 GMT".
_TRAILING_TIME = re.compile(r"[,\s]+(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$", re.I)


class Precision(Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date: the first day of the period it names, and how long that period is."""

    date: dt.date
    precision: Precision
    weekday: str | None = None  # the weekday the text states alongside the date, if any

    @property
    def year(self) -> int:
        return self.date.year


def parse_date(text: str) -> DateValue | None:
    """Parse a whole string as one explicit date, or return None.

    Day-first is assumed for ``25.10.2021`` and ``25/10/2021`` (a month over 12 is refused,
    not swapped: a silent swap would produce a plausible wrong date).
    """
    s = _TRAILING_TIME.sub("", text.strip().strip("*_").rstrip(".").strip())
    for form in _DATE_FORMS:
        m = form.match(s)
        if not m:
            continue
        groups = m.groupdict()
        month_raw = groups["month"]
        month = int(month_raw) if month_raw.isdigit() else MONTHS[month_raw.lower().rstrip(".")]
        try:
            date = dt.date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            return None
        weekday = groups.get("weekday")
        return DateValue(date, Precision.DAY, weekday.lower() if weekday else None)
    return None


_RELATIVE_YEAR = {"last year": -1, "this year": 0, "next year": 1, "a year ago": -1, "the previous year": -1}
_YEAR_ONLY = re.compile(r"^(?:in\s+|since\s+|by\s+|the\s+end\s+of\s+|early\s+|late\s+|mid-?)?" + _YEAR + r"$", re.I)
_MONTH_YEAR = re.compile(r"^(?:in\s+)?" + _MONTH + r",?\s+" + _YEAR + r"$", re.I)
_YEARS_AGO = re.compile(r"^(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+ago$", re.I)
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}


def resolve_date(text: str, ref: dt.date | None) -> DateValue | None:
    """Resolve a DATE expression against the article's date ``ref`` (None when unknown).

    Handles explicit dates, years ("in 1976", "the end of 2021"), month-years, relative years
    ("last year", "this year", "two years ago") and "the end of the year". A bare weekday
    ("on Sunday") is left alone: it is checked against an explicit date only when one is given.
    """
    s = re.sub(r"\s+", " ", text.strip().lower()).removeprefix("on ").strip()
    explicit = parse_date(s)
    if explicit is not None:
        return explicit
    m = _YEAR_ONLY.match(s)
    if m:
        return DateValue(dt.date(int(m["year"]), 1, 1), Precision.YEAR)
    m = _MONTH_YEAR.match(s)
    if m:
        return DateValue(dt.date(int(m["year"]), MONTHS[m["month"].rstrip(".")], 1), Precision.MONTH)
    if ref is None:
        return None
    for phrase, delta in _RELATIVE_YEAR.items():
        if s == phrase:
            return DateValue(dt.date(ref.year + delta, 1, 1), Precision.YEAR)
    if s in ("the end of the year", "the end of this year", "later this year", "earlier this year"):
        return DateValue(dt.date(ref.year, 1, 1), Precision.YEAR)
    m = _YEARS_AGO.match(s)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"]]
        return DateValue(dt.date(ref.year - n, 1, 1), Precision.YEAR)
    return None
