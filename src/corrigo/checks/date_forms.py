"""Explicit dates as an article writes them, read with their place in the parse.

Shared by the date rules (weekdays, ages, counts of years, the timeline): the regex pieces for
a day, a month, a year and a weekday; :func:`dates_in`, every year a sentence states with its
month and day when given ("2 February 1963", "May 18, 2024", "November 2016", "in 1987"); and
small helpers to write a date and to point at the story's own date line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.dates import MONTHS, WEEKDAYS
from corrigo.model import Span

__all__ = [
    "DAY",
    "END",
    "MONTH",
    "WEEKDAY",
    "YEAR",
    "StatedDate",
    "ancestors",
    "date_line",
    "dates_in",
    "fmt_date",
    "safe_date",
    "story_date_span",
    "token_at",
    "with_bare_dates",
]

_MONTH_NAMES = sorted({m for m in MONTHS}, key=len, reverse=True)
MONTH = r"(?P<month>" + "|".join(m.capitalize() for m in _MONTH_NAMES) + r")\.?"
YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
WEEKDAY = r"(?P<weekday>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")"
END = r"(?![\w%]|[-–/]\d|[.,]\d)"

# Explicit dates inside a sentence, most precise first: "2 February 1963", "May 18, 2024",
# "November 2016", "summer of 1998" (a season is read as its year), "1987".
_DATE_FORMS = (
    re.compile(r"(?<![\w-])" + DAY + r"(?:\s+of)?\s+" + MONTH + r",?\s+" + YEAR + END),
    re.compile(r"(?<![\w-])" + MONTH + r"\s+" + DAY + r",?\s+" + YEAR + END),
    re.compile(r"(?<![\w-])" + MONTH + r",?\s+(?:of\s+)?" + YEAR + END),
    re.compile(r"(?<![\w$£€.,/-])" + YEAR + END),
)
# Words that make a bare four-digit number a year rather than a count ("in 1987", "since 2019").
_YEAR_CUES = frozenset(
    {"in", "since", "from", "until", "till", "by", "of", "before", "after", "during", "to", "and", "between",
     "year", "early", "late", "mid", "summer", "spring", "autumn", "winter", "fall", "end", "start", "around"}
)  # fmt: skip

# A weekday written with an explicit date: "Tuesday, 14 March 2023", "Thursday, June 12",


@dataclass(frozen=True, slots=True)
class StatedDate:
    """A year the article states, with its month and day when given."""

    year: int
    month: int | None
    day: int | None
    span: Span
    sentence: Sentence
    token: Any  # the year's token, for its place in the parse

    @property
    def months(self) -> float | None:
        """Months since year 0 at the start of the stated period, None when only the year is given."""
        if self.month is None:
            return None
        return self.year * 12 + self.month - 1 + ((self.day - 1) / 31 if self.day else 0.0)


def token_at(sentence: Sentence, article_pos: int) -> Any | None:
    for tok in sentence.tokens:
        start = sentence.offset + tok.idx
        if start <= article_pos < start + len(tok.text):
            return tok
    return None


def dates_in(analysis: Analysis, sentence: Sentence) -> list[StatedDate]:
    """Every year the sentence states, with its month and day when it gives them."""
    text = sentence.span.text
    base = sentence.span.start
    taken: list[tuple[int, int]] = []
    out: list[StatedDate] = []
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = m.groupdict()
            month = MONTHS[groups["month"].lower()] if groups.get("month") else None
            day = int(groups["day"]) if groups.get("day") else None
            year = int(groups["year"])
            tok = token_at(sentence, base + m.start("year"))
            if tok is None:
                continue
            if month is None and not _reads_as_year(tok):
                continue
            if day is not None and month is not None:
                try:
                    dt.date(year, month, day)
                except ValueError:
                    continue
            taken.append((m.start(), m.end()))
            span = Span.of(analysis.article.text, base + m.start(), base + m.end())
            out.append(StatedDate(year, month, day, span, sentence, tok))
    return sorted(out, key=lambda d: d.span.start)


def _reads_as_year(tok: Any) -> bool:
    """A bare four-digit number is a year when tagged as a date or led by a year word ("in 1987")."""
    if tok.ent_type_ == "DATE":
        return True
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    return prev is not None and prev.lower_ in _YEAR_CUES


def fmt_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_line(analysis: Analysis) -> list[Span]:
    """The story's date line as evidence, when it has one (a date from metadata has no span)."""
    dl = analysis.article.dateline
    return [dl.date_span] if dl is not None and dl.date_span is not None else []


def story_date_span(analysis: Analysis) -> Span | None:
    dl = analysis.article.dateline
    return dl.date_span if dl is not None else None


def ancestors(tok: Any, limit: int = 5) -> list[Any]:
    out = []
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def with_bare_dates(
    analysis: Analysis, dates: dict[int, list[StatedDate]], ref: dt.date
) -> dict[int, list[StatedDate]]:
    """``dates`` with the dates each sentence writes without a year added, in text order."""
    return {
        i: sorted([*found, *_bare_dates(analysis, i, found, ref)], key=lambda d: d.span.start)
        for i, found in dates.items()
    }


def _bare_dates(analysis: Analysis, index: int, found: list[StatedDate], ref: dt.date) -> list[StatedDate]:
    """Dates written without a year ("12 November", "August 9"), read in the year that puts them
    nearest the story's date."""
    sentence = analysis.sentences[index]
    text = sentence.span.text
    base = sentence.span.start
    out: list[StatedDate] = []
    for form in (DAY + r"(?:\s+of)?\s+" + MONTH, MONTH + r"\s+" + DAY):
        for m in re.finditer(r"(?<![\w-])" + form + r"(?!,?\s+\d)" + END, text):
            start, end = base + m.start(), base + m.end() - (1 if m.group(0).endswith(".") else 0)
            if any(d.span.start < end and start < d.span.end for d in [*found, *out]):
                continue
            month, day = MONTHS[m["month"].lower()], int(m["day"])
            options = [d for d in (safe_date(ref.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
            tok = token_at(sentence, base + m.start("day"))
            if not options or tok is None:
                continue
            best = min(options, key=lambda d: abs((d - ref).days))
            if abs((best - ref).days) > 200:
                continue
            out.append(StatedDate(best.year, month, day, Span.of(analysis.article.text, start, end), sentence, tok))
    return out
