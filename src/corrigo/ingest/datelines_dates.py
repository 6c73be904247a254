"""Finding full dates in a layout line, and the regex pieces the other datelines modules share.

Holds the month, day, year and weekday patterns, the forms a full date takes inside a line, and the
"residue" a date line may carry beside its dates (prefixes, times, zones, separators, reading time).
:func:`find_dates` lists every full date in a line; ``_date_part`` picks the publication date out of a
stretch that holds only dates and their trimmings. Split out of :mod:`corrigo.ingest.datelines`,
which re-exports the public names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corrigo.analysis.dates import MONTHS, WEEKDAYS

__all__ = ["LineDate", "find_dates"]

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>(?i:{_MONTH_NAMES}))\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_WEEKDAY_ABBR = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_WEEKDAY_WORDS = "|".join(sorted((*WEEKDAYS, *_WEEKDAY_ABBR), key=len, reverse=True))
_WEEKDAY = rf"(?:(?i:{_WEEKDAY_WORDS})\.?,?\s+)"

# Full dates (with a year) as they appear inside a line; each form names its own groups.
_FULL_DATES = [
    re.compile(
        r"(?<![\w.])" + _YEAR + r"-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w-])"
    ),
    re.compile(r"(?<![\w./])(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./]" + _YEAR + r"(?![\w/]|\.\d)"),
    re.compile(r"(?<![\w./])(?P<b>[01]?\d)/(?P<a>[0-3]?\d)/" + _YEAR + r"(?![\w/])"),  # US m/d/Y, when d > 12
    re.compile(r"(?<!\w)" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"(?!\w)"),
    re.compile(r"(?<!\w)(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + r"(?!\w)"),
]

# What may stand beside a date on a date line: prefixes, weekdays, times, zones, separators,
# reading time. A line is a date line when nothing else is left once these are removed.
_RESIDUE = re.compile(
    r"(?i:first|last|published|publish|updated|update|modified|posted|filed|issued|created|uploaded|"
    r"edited|reviewed|released|date|dated|on|at|am|pm|a\.m\.|p\.m\.|local|time|" + _WEEKDAY_WORDS + r")\.?(?!\w)"
    r"|\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s*(?i:[ap]\.?\s?m)\.?)?(?!\w)"
    r"|\d{1,2}\s*(?i:[ap]\.?\s?m)\.?(?!\w)"
    r"|\(?[A-Z]{2,5}(?:\s?[+\-−]\s?\d{1,2}(?::?\d\d)?)?\)?(?!\w)"
    r"|\d{1,3}\s*(?i:min|mins|minute|minutes)(?:\s+(?i:read))?(?!\w)|(?i:reading\s+time)"
    r"|\d{1,3}\s+(?i:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+(?i:ago)(?!\w)"
    rf"|(?i:{_MONTH_NAMES})\.?\s+[0-3]?\d(?:st|nd|rd|th)?(?!\w)|[0-3]?\d\s+(?i:{_MONTH_NAMES})\.?(?!\w)"
    r"|[\s|·•,;:./()\[\]*_\-–—]+"
)
_PUBLISHED = re.compile(r"(?i:published|posted|first|filed|issued|released)")


@dataclass(frozen=True, slots=True)
class LineDate:
    """A full date found in a line: ``line[start:end]`` and the date it names."""

    start: int
    end: int
    date: dt.date


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(raw: str) -> int:
    return int(raw) if raw.isdigit() else MONTHS[raw.lower().rstrip(".")]


def find_dates(line: str) -> list[LineDate]:
    """Every full date (day, month and year) written in ``line``, in order, none overlapping.

    Numeric dates are read day first (``02.09.2016`` is 2 September); ``09/23/2019`` is read
    month first only because no day-first reading exists.
    """
    found: list[LineDate] = []
    for form in _FULL_DATES:
        for m in form.finditer(line):
            if any(m.start() < d.end and d.start < m.end() for d in found):
                continue
            g = m.groupdict()
            if "a" in g:
                day, month = int(g["a"]), int(g["b"])
                if form is _FULL_DATES[2] and day <= 12:
                    continue  # ambiguous: the day-first form has had its say
            else:
                day, month = int(g["day"]), _month(g["month"])
            date = _date(int(g["year"]), month, day)
            if date is not None:
                found.append(LineDate(m.start(), m.end(), date))
    return sorted(found, key=lambda d: d.start)


def _residue_only(text: str) -> bool:
    return not _RESIDUE.sub("", text).strip()


def _date_part(line: str, start: int, end: int) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The publication date among the dates of ``line[start:end]``, when that part holds only dates
    and their trimmings."""
    part = line[start:end]
    dates = find_dates(part)
    if not dates:
        return None, None
    rest, pos = [], 0
    for d in dates:
        rest.append(part[pos : d.start])
        pos = d.end
    rest.append(part[pos:])
    if not all(_residue_only(r) for r in rest):
        return None, None
    chosen = dates[0]
    for i, d in enumerate(dates):
        before = part[dates[i - 1].end if i else 0 : d.start]
        if _PUBLISHED.search(before):
            chosen = d
            break
    return chosen.date, (start + chosen.start, start + chosen.end)
