"""Telling a byline from other short header lines, by shape alone.

A byline is ``By`` (or a variant) followed by capitalised names, name particles and, after a comma, a
job title or desk; a bare byline drops the ``By``; a byline tail is the desk or title line beneath
one. The word lists of particles and job-title vocabulary live here. Split out of
:mod:`corrigo.ingest.datelines`, which re-exports the public names.
"""

from __future__ import annotations

import re

from corrigo.analysis.dates import MONTHS, WEEKDAYS
from corrigo.ingest.datelines_dates import _WEEKDAY_ABBR

__all__ = ["is_bare_byline", "is_byline", "is_byline_tail"]

_BYLINE_PREFIX = re.compile(r"(?i:by|reporting\s+by|written\s+by|words\s+by|story\s+by|text\s+by)\s+(?=\S)")
# Lower-case words a byline may carry: name particles, connectors and the vocabulary of job titles.
_BYLINE_SMALL = {
    "and",
    "&",
    "in",
    "for",
    "of",
    "the",
    "at",
    "with",
    "from",
    "our",
    "a",
    "de",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "le",
    "la",
    "les",
    "al",
    "el",
    "bin",
    "bint",
    "ibn",
    "y",
    "e",
    "st",
}
_ROLE_WORDS = {
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "reporter",
    "reporters",
    "writer",
    "writers",
    "columnist",
    "staff",
    "contributor",
    "contributing",
    "critic",
    "producer",
    "analyst",
    "bureau",
    "chief",
    "desk",
    "news",
    "political",
    "politics",
    "science",
    "health",
    "business",
    "economics",
    "economy",
    "sport",
    "sports",
    "travel",
    "foreign",
    "senior",
    "deputy",
    "associate",
    "special",
    "international",
    "diplomatic",
    "legal",
    "technology",
    "tech",
    "environment",
    "environmental",
    "education",
    "arts",
    "culture",
    "food",
    "home",
    "affairs",
    "security",
    "defence",
    "defense",
    "investigations",
    "investigative",
    "data",
    "markets",
    "finance",
    "financial",
    "media",
    "climate",
    "transport",
    "energy",
    "world",
    "national",
    "local",
    "city",
    "community",
    "public",
    "policy",
    "medical",
    "social",
    "crime",
    "courts",
    "justice",
    "religion",
    "sciences",
    "agencies",
    "wires",
    "wire",
    "services",
    "service",
    "photographer",
    "photos",
    "video",
    "team",
    "newsroom",
}


def _words(text: str) -> list[str]:
    return re.findall(r"[^\s,;]+", text)


def _is_name_word(word: str) -> bool:
    w = word.strip("\"'“”‘’()")
    if not w:
        return False
    if w.lower() in _BYLINE_SMALL:
        return True
    if not w[0].isupper():
        return False
    return not any(ch.isdigit() for ch in w)


def _names_ok(names: str, *, allow_roles: bool) -> bool:
    """``names`` is one or more person (or desk) names: capitalised words and particles."""
    parts = [p.strip() for p in re.split(r",", names) if p.strip()]
    if not parts:
        return False
    first = _words(parts[0])
    if not first or not 1 <= len(first) <= 8:
        return False
    head = first[0].strip("\"'“”‘’").lower().rstrip(".")
    if head in MONTHS or head in WEEKDAYS or head in _WEEKDAY_ABBR:
        return False
    if not first[0][:1].isupper() or not all(_is_name_word(w) for w in first):
        return False
    total = len(first)
    for part in parts[1:]:
        words = _words(part)
        total += len(words)
        if not words or len(words) > 6:
            return False
        for w in words:
            bare = w.strip("\"'“”‘’().").lower()
            if not (_is_name_word(w) or (allow_roles and bare in _ROLE_WORDS)):
                return False
    return total <= 14


def is_byline(line: str) -> bool:
    """``"By Ann Lee"``, ``"By Ann Lee and Tom Poe"``, ``"By Ann Lee, Health Correspondent"``."""
    return _byline_end(line.strip()) is not None


def is_byline_tail(line: str) -> bool:
    """A line under a byline that goes on with it: a desk, an outlet or a job title ("BBC News",
    "Health Correspondent", "Reuters"): at most four capitalised or job-title words."""
    line = line.strip()
    words = _words(line)
    if not 1 <= len(words) <= 4 or re.search(r"[\d.!?:;]$", line) or not words[0][:1].isupper():
        return False
    return all(_is_name_word(w) or w.lower() in _ROLE_WORDS for w in words)


def is_bare_byline(line: str) -> bool:
    """A name without "By" ("Ann Lee", "Ann Lee, Health Correspondent"): two or three capitalised
    words, and a job title after a comma. Only a line right above a date line is read so."""
    line = line.strip()
    if not line or re.search(r"[\d.!?:;]$", line):
        return False
    names = line.split(",", 1)[0]
    words = _words(names)
    capitals = [w for w in words if w[:1].isupper()]
    if not 2 <= len(capitals) <= 3 or len(words) > 5 or not all(w[:1].isupper() for w in (words[0], words[-1])):
        return False
    return _names_ok(line, allow_roles=True)


def _byline_end(line: str) -> int | None:
    """Where the name part of a byline ends in ``line``, or None when ``line`` is not a byline."""
    m = _BYLINE_PREFIX.match(line)
    if not m:
        return None
    body = line[m.end() :].rstrip()
    if re.search(r"[.!?]['\"”’)]*$", body) and not re.search(r"(?:^|\s)(?:[A-Z]|Jr|Sr|Jnr|Snr)\.$", body):
        return None
    if re.search(r"\s(?:staff|reporters?|correspondents?)$", body, re.I) and len(_words(body)) <= 4:
        return m.end() + len(body)
    if not _names_ok(body, allow_roles=True):
        return None
    return m.end() + len(body)
