"""The shapes of an article's layout lines: date lines, bylines and the dateline that opens a story.

Everything here works on shapes, never on particular words of a story: capitalised place tokens
(any script's capitals, ``REYKJAVÍK``), month names and their abbreviations, an agency in
parentheses, the kinds of dash copy uses, times and time zones, "Published:"/"Updated:" prefixes.

* :func:`read_meta_line` reads a header line made only of a date, a byline, or both
  (``"Published: 11 March 2016 09:40 GMT"``, ``"By Ann Lee | 3 March 2020 | 4 min read"``).
* :func:`match_dateline` reads the dateline at the start of a story's first paragraph
  (``"OSLO, Norway, 3 March 2020 —"``, ``"DENVER, Sept. 10 (AP) -"``, ``"LIMA (Reuters) - "``).
* :func:`complete_year` gives a month and day without a year the year of a nearby full date.

All offsets are into the string passed in.

Finding full dates in a line lives in :mod:`corrigo.ingest.datelines_dates`, and reading bylines in
:mod:`corrigo.ingest.datelines_bylines`; their public names are re-exported from here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corrigo.analysis.dates import MONTHS, WEEKDAYS
from corrigo.ingest.datelines_bylines import (
    _BYLINE_PREFIX,
    _byline_end,
    _names_ok,
    _words,
    is_bare_byline,
    is_byline,
    is_byline_tail,
)
from corrigo.ingest.datelines_dates import (
    _MONTH_NAMES,
    _WEEKDAY,
    _WEEKDAY_ABBR,
    _WEEKDAY_WORDS,
    LineDate,
    _date,
    _date_part,
    _month,
    _residue_only,
    find_dates,
)

__all__ = [
    "DatelineMatch",
    "LineDate",
    "MetaLine",
    "complete_year",
    "find_dates",
    "is_bare_byline",
    "is_byline_tail",
    "is_byline",
    "match_dateline",
    "read_meta_line",
]

_PREFIX_WORD = re.compile(
    r"[|·•,;:\-–—/(]*(?:(?i:first|last|published|updated|modified|posted|filed|issued|on|at|"
    + _WEEKDAY_WORDS
    + r")\.?)?[|·•,;:\-–—/(]*"
)
_SEPARATORS = " \t|·•,;:-–—/"
_KICKERS = {
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "UPDATES",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "WATCH",
    "LIVE",
    "FACTBOX",
    "EXPLAINER",
    "CORRECTED",
    "CORRECTION",
    "REFILE",
    "INSIGHT",
    "COLUMN",
    "REVIEW",
    "PHOTOS",
    "VIDEO",
    "NOTE",
    "WARNING",
    "SPONSORED",
    "ADVERTISEMENT",
    "Q&A",
    "FAQ",
    "TIMELINE",
    "URGENT",
    "FLASH",
    "ALERT",
    "GRAPHIC",
    "INTERVIEW",
    "FEATURE",
    "COMMENT",
    "LETTERS",
    "OBITUARY",
    "POLL",
    "DEVELOPING",
}


@dataclass(frozen=True, slots=True)
class MetaLine:
    """A header line made only of a byline and/or a date (and their trimmings).

    ``byline`` and ``date_block`` are ``(start, end)`` offsets into the line: the byline's name
    part, and the part of the line that is the date (from its prefix to the line's end) when the
    line also has a byline; ``date`` is the publication date it gives (the first, or the one marked
    published), ``date_at`` where that date is written.
    """

    byline: tuple[int, int] | None
    date: dt.date | None
    date_at: tuple[int, int] | None
    date_block: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """A dateline opening a paragraph: offsets into the paragraph, and its date's parts."""

    place: tuple[int, int]
    region: tuple[int, int] | None
    agency: tuple[int, int] | None
    date_at: tuple[int, int] | None
    month: int | None
    day: int | None
    year: int | None
    end: int  # just past the dash (or colon) that closes the dateline

    @property
    def date(self) -> dt.date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return _date(self.year, self.month, self.day)


def read_meta_line(line: str) -> MetaLine | None:
    """Read a header line that is only a byline and/or a date; None for anything else.

    ``line`` must be stripped. A date line: ``"2024-03-05"``, ``"Tuesday 5 March 2024, 14:20 CET"``,
    ``"Updated: 05/03/2024 09:40 GMT"``, ``"March 5, 2024 | 5:48 PM EST"``. A byline with a date:
    ``"By Ann Lee | March 5, 2024"``, ``"By Ann Lee, 5 March 2024"``, ``"Ann Lee · 5 March 2024 · 3 min read"``.
    """
    lead = len(line) - len(line.lstrip("*_ "))
    end = len(line.rstrip("*_ "))
    if end <= lead:
        return None
    dates = find_dates(line)
    if _BYLINE_PREFIX.match(line, lead):
        if not dates:
            name_end = _byline_end(line[lead:end])
            return None if name_end is None else MetaLine((lead, lead + name_end), None, None, None)
        return _byline_with_date(line, lead, end, dates[0].start)
    if not dates:
        return None
    date, at = _date_part(line, lead, end)
    if date is not None:
        return MetaLine(None, date, at, None)
    # "Ann Lee · 5 March 2024 · 3 min read": a name in a segment of its own before the date.
    segments = [(lead + m.start(), lead + m.end()) for m in re.finditer(r"[^|·•]+", line[lead:end])]
    name: tuple[int, int] | None = None
    for s, e in segments:
        text = line[s:e]
        if not text.strip() or _residue_only(text):
            continue
        words = _words(text)
        if name is None and 2 <= len(words) <= 4 and _names_ok(text.strip(), allow_roles=False):
            ws = s + len(text) - len(text.lstrip())
            name = (ws, ws + len(text.strip()))
            continue
        if name is None:
            return None
        block_start = s + len(text) - len(text.lstrip())
        date, at = _date_part(line, block_start, end)
        if date is None:
            return None
        return MetaLine(name, date, at, (block_start, end))
    return None


def _byline_with_date(line: str, lead: int, end: int, date_start: int) -> MetaLine | None:
    """``"By Ann Lee | Published 5 March 2024"``: split where the date's trimmings begin."""
    cut = date_start
    # Walk left over the date's own prefix words ("Published", "Updated on", a weekday) and separators.
    while True:
        m = re.search(r"(\S+)\s*$", line[lead:cut])
        if not m or not _PREFIX_WORD.fullmatch(m.group(1)):
            break
        cut = lead + m.start(1)
    name_part = line[lead:cut].rstrip(_SEPARATORS + "(")
    name_end = _byline_end(name_part)
    if name_end is None:
        return None
    block_start = cut
    while block_start < end and line[block_start] in _SEPARATORS:
        block_start += 1
    date, at = _date_part(line, block_start, end)
    if date is None:
        return None
    return MetaLine((lead, lead + name_end), date, at, (block_start, end))


# The dateline that opens a story. A place is one to five tokens; its capitals are checked in code
# (any script), so the pattern only asks for letters.
_TOKEN = r"[^\W\d_][\w.'’\-]*"
_PLACE = rf"(?P<place>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,4}})"
_REGION = rf"(?P<region>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}}(?:,[ \t]*{_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}})?)"


def _dl_date(tag: str) -> str:
    """A dateline's date, year optional: "Sept. 10", "Nov 7, 2015", "15 January 2015"."""

    def parts(k: str) -> tuple[str, str, str]:
        return (
            rf"(?P<{tag}m{k}>(?i:{_MONTH_NAMES}))\.?",
            rf"(?P<{tag}d{k}>[0-3]?\d)(?:st|nd|rd|th)?",
            rf"(?P<{tag}y{k}>(?:1[6-9]|20)\d\d)",
        )

    m1, d1, y1 = parts("1")
    m2, d2, y2 = parts("2")
    return (
        rf"(?P<{tag}>{_WEEKDAY}?(?:{m1}[ \t]+{d1}(?:,?[ \t]+{y1})?"
        rf"|{d2}[ \t]+{m2}(?:,?[ \t]+{y2})?)(?!\w))"
    )


_DATELINE = re.compile(
    rf"^{_PLACE}(?:,[ \t]*{_REGION})??(?:,[ \t]*{_dl_date('d1')})?[ \t]*"
    rf"(?:\((?P<agency>[^()\n]{{1,40}})\))?(?:,?[ \t]*{_dl_date('d2')})?[ \t]*"
    r"(?P<dash>[—–―]|-{1,3}(?=\s|$)|:(?=\s))"
)
_PARTICLES = {
    "de",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "la",
    "le",
    "les",
    "el",
    "al",
    "es",
    "am",
    "an",
    "sur",
    "upon",
    "du",
    "di",
    "van",
    "von",
    "on",
    "of",
    "the",
    "y",
    "en",
    "im",
    "ob",
    "and",
    "&",
}
_AGENCY_STOP = {"of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by", "see"}


def _all_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or token.lower() in _PARTICLES


def match_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline at the start of ``paragraph``: ``PLACE[, Region][, date][ (Agency)] —``.

    The place is written in capitals (``KAHRAMANMARAŞ``, ``ST. LOUIS``), or capitalised
    (``Geneva``) when an agency or a date follows it, so ``The bank said - ...`` is no dateline.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    tokens = m["place"].split()
    head = tokens[0].lower().rstrip(".,")
    if head in MONTHS or head in WEEKDAYS or head in _WEEKDAY_ABBR:
        return None  # "Tuesday, March 3 -" is a date, not a place
    caps = all(_all_caps(t) or t.lower() in _PARTICLES for t in tokens) and _all_caps(tokens[0])
    if caps and (m["place"] in _KICKERS or tokens[0] in _KICKERS):
        return None
    has_date = bool(m["d1"] or m["d2"])
    agency = m["agency"]
    if agency is not None:
        words = agency.split()
        if not agency.strip()[:1].isalpha() or not 1 <= len(words) <= 4 or words[0].lower() in _AGENCY_STOP:
            return None
    if not caps:
        if not (agency is not None or has_date) or not all(_capitalised(t) for t in tokens):
            return None
        if not tokens[0][:1].isupper() or len(tokens) > 3:
            return None
    if m["region"] is not None and not all(_capitalised(t) for t in m["region"].replace(",", " ").split()):
        return None
    if m["dash"] == ":" and not caps:
        return None
    tag = "d1" if m["d1"] else "d2" if m["d2"] else None
    month = day = year = None
    date_at = None
    if tag is not None:
        k = "1" if m[tag + "m1"] else "2"
        month = _month(m[tag + "m" + k])
        day = int(m[tag + "d" + k])
        year = int(m[tag + "y" + k]) if m[tag + "y" + k] else None
        if _date(year or 2000, month, day) is None:
            return None
        date_at = (m.start(tag), m.end(tag))
        # The weekday is not part of the date's text we quote back.
        wd = re.match(_WEEKDAY, m[tag])
        if wd:
            date_at = (date_at[0] + wd.end(), date_at[1])
    agency_at = None
    if agency is not None:
        a0 = m.start("agency") + len(agency) - len(agency.lstrip())
        agency_at = (a0, a0 + len(agency.strip()))
    return DatelineMatch(
        place=(m.start("place"), m.end("place")),
        region=(m.start("region"), m.end("region")) if m["region"] else None,
        agency=agency_at,
        date_at=date_at,
        month=month,
        day=day,
        year=year,
        end=m.end("dash"),
    )


def complete_year(month: int, day: int, near: dt.date) -> dt.date | None:
    """The date of ``month``/``day`` in the year that puts it nearest ``near`` ("Dec. 31" filed
    under a "2 January 2020" date line is 31 December 2019)."""
    options = [d for y in (near.year - 1, near.year, near.year + 1) if (d := _date(y, month, day)) is not None]
    if not options:
        return None
    return min(options, key=lambda d: abs((d - near).days))
