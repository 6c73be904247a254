"""A weekday written with an explicit date: "on Tuesday, 14 March 2023", "Thursday (June 12)".

A date without a year takes the year of the article's date (the nearest such date to it). A
bare weekday ("on Sunday") is never checked here.
"""

from __future__ import annotations

import datetime as dt
import re

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.dates import MONTHS, WEEKDAYS
from corrigo.checks.base import contradiction
from corrigo.checks.date_forms import DAY, END, MONTH, WEEKDAY, YEAR, date_line, fmt_date, safe_date
from corrigo.model import Finding, FindingKind, Span

__all__ = ["weekday_findings"]

# "Tuesday (March 14)", "Saturday 3rd of June".
_WEEKDAY_DATES = (
    re.compile(
        r"\b"
        + WEEKDAY
        + r"(?:,\s*|\s+|\s*\(\s*)(?:the\s+)?"
        + DAY
        + r"(?:\s+of)?\s+"
        + MONTH
        + r"(?:,?\s+"
        + YEAR
        + r")?"
        + END
    ),
    re.compile(r"\b" + WEEKDAY + r"(?:,\s*|\s+|\s*\(\s*)" + MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?" + END),
)


def weekday_findings(analysis: Analysis, sentence: Sentence, ref: dt.date | None) -> list[Finding]:
    """ "on Tuesday, 14 March 2023" when 14 March 2023 was a Wednesday; "Thursday (June 12)" with the
    year of the story's date (the nearest such date to it, so December stories may name January)."""
    out: list[Finding] = []
    text = sentence.span.text
    base = sentence.span.start
    for form in _WEEKDAY_DATES:
        for m in form.finditer(text):
            month = MONTHS[m["month"].lower()]
            day = int(m["day"])
            if m["year"]:
                date = safe_date(int(m["year"]), month, day)
            elif ref is not None:
                options = [safe_date(ref.year + k, month, day) for k in (-1, 0, 1)]
                valid = [d for d in options if d is not None]
                date = min(valid, key=lambda d: abs((d - ref).days)) if valid else None
            else:
                date = None
            if date is None:
                continue
            said = m["weekday"]
            actual = WEEKDAYS[date.weekday()]
            if said.lower() == actual:
                continue
            wrong = Span.of(analysis.article.text, base + m.start("weekday"), base + m.end("weekday"))
            first = min(m.start("day"), m.start("month"))
            date_span = Span.of(analysis.article.text, base + first, base + m.end())
            evidence = [date_span]
            where = ""
            if not m["year"]:
                evidence.extend(date_line(analysis))
                where = f" (taking the year of the story's date, {ref.year})" if ref else ""
            out.append(
                contradiction(
                    FindingKind.DATE,
                    wrong,
                    sentence,
                    evidence,
                    f"{fmt_date(date)} falls on a {actual.capitalize()}, not a {said}{where}.",
                    actual.capitalize() if said[0].isupper() else actual,
                    0.9 if m["year"] else 0.75,
                )
            )
    return out
