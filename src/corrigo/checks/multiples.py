"""A figure stated as a multiple of another in the same sentence: "the 30-day wait is twice the
15-day period in which the fever shows", "sales of $30m, three times the $10m of last year", "half the 40
staff". The arithmetic is redone on the figures as written, loosely: copy states multiples in round
terms ("two and a half times" for 2.51), and rounding of either figure and a hedge before the
multiple ("almost four times", "more than twice") widen what agrees.

Blame: the figure the article states fewer times elsewhere is the slip, fixed to the value the
multiple gives; when both are stated equally often, the later one (the figure the multiple is
taken of) is flagged at a lower confidence.
"""

from __future__ import annotations

import re
from collections import Counter

from corrigo.analysis.analyse import Analysis
from corrigo.analysis.implied import FROM_BEFORE
from corrigo.analysis.mentions import Mention, figure_mentions
from corrigo.analysis.numbers import format_like, parse_number
from corrigo.checks.base import contradiction, quote
from corrigo.model import Finding, FindingKind

__all__ = ["multiple_findings"]

# "twice the", "double its", "three times the", "2.5 times what", "half the",
# "three times as many as": the multiple, then the figure it is taken of a few words on.
_MULTIPLE = re.compile(
    r"\b(?P<hedge>(?:about|around|roughly|nearly|almost|close to|more than|over|at least|less than|under)\s+)?"
    r"(?P<k>twice|double|triple|treble|half|"
    r"(?P<n>(?:one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+and\s+a\s+half)?|\d+(?:\.\d+)?)\s+times)"
    r"(?:\s+(?:as\s+(?:many|much|large|big|high|long|great)\s+as|that\s+of|those\s+of))?"
    r"\s+(?:the|its|their|his|her|a|an|what)\b",
    re.I,
)
_FACTORS = {"twice": 2.0, "double": 2.0, "triple": 3.0, "treble": 3.0, "half": 0.5}
# Words between the multiple and the figure it is taken of: "twice the longest 15-day period".
_GAP_WORDS = 3
# How far a multiple may be from the figures' own ratio: a plain one, and one hedged ("about").
_PLAIN_SLACK = 0.1
_HEDGE_SLACK = 0.2
_CONFIDENCE = 0.75
_TIE_CONFIDENCE = 0.55


def multiple_findings(analysis: Analysis) -> list[Finding]:
    mentions = [m for m in figure_mentions(analysis) if isinstance(m.figure.value, float)]
    support = Counter((m.key, m.figure.value) for m in mentions)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.index, []).append(m)
    out = []
    for found in by_sentence.values():
        sentence = found[0].sentence
        text = sentence.span.text
        for match in _MULTIPLE.finditer(text):
            pair = _operands(found, match)
            if pair is None:
                continue
            x, y = pair
            k = _factor(match)
            if k is None or _agrees(x, y, k, (match["hedge"] or "").strip().lower()):
                continue
            finding = _blame(analysis, x, y, k, support, match.group(0).strip())
            if finding is not None:
                out.append(finding)
    return out


def _factor(match: re.Match[str]) -> float | None:
    if match["n"] is None:
        return _FACTORS[match["k"].lower()]
    return parse_number(match["n"].lower())


def _operands(found: list[Mention], match: re.Match[str]) -> tuple[Mention, Mention] | None:
    """The figure the multiple describes (the nearest one of the kind before it, not a starting
    point) and the one it is taken of (the first after it, within a few words)."""
    after = [m for m in found if m.figure.whole_start >= match.end()]
    if not after:
        return None
    y = after[0]
    gap = found[0].sentence.span.text[match.end() : y.figure.whole_start]
    if len(gap.split()) > _GAP_WORDS or any(c in gap for c in ",;:()"):
        return None
    before = [m for m in found if m.figure.whole_end <= match.start() and m.key == y.key]
    if not before:
        return None
    x = before[-1]
    text = x.sentence.span.text
    if FROM_BEFORE.search(text[: x.figure.whole_start]):  # a starting value is not what it compares
        return None
    between = text[x.figure.whole_end : match.start()]
    if re.search(r"[;:()]|\band\b|\bbut\b", between) and not re.search(r"\bis\b|\bwas\b|,\s*$", between):
        return None  # another clause: the multiple may describe something else
    return x, y


def _interval(m: Mention) -> tuple[float, float]:
    core = m.figure.core
    value = float(m.figure.value)  # type: ignore[arg-type]
    if not re.search(r"\d", core):
        return value, value
    places = len(core.partition(".")[2])
    half = 0.5 * 10.0**-places
    return value - half, value + half


def _agrees(x: Mention, y: Mention, k: float, hedge: str) -> bool:
    """Whether ``x`` can be ``k`` times ``y``: news copy states multiples loosely ("two and a half
    times" for 2.51), so a plain multiple agrees within ``_PLAIN_SLACK``, a hedged one within its
    hedge, rounding of either figure allowed."""
    xlo, xhi = _interval(x)
    ylo, yhi = _interval(y)
    lo, hi = k * ylo, k * yhi
    if hedge in ("more than", "over", "at least"):
        return xhi >= lo
    if hedge in ("less than", "under"):
        return xlo <= hi
    if hedge in ("nearly", "almost", "close to"):
        return xhi >= lo * (1 - _HEDGE_SLACK) and xlo <= hi * (1 + _PLAIN_SLACK)
    slack = _HEDGE_SLACK if hedge else _PLAIN_SLACK
    return xhi >= lo * (1 - slack) and xlo <= hi * (1 + slack)


def _blame(analysis: Analysis, x: Mention, y: Mention, k: float, support: Counter, phrase: str) -> Finding | None:
    nx, ny = support[(x.key, x.figure.value)], support[(y.key, y.figure.value)]
    xv, yv = float(x.figure.value), float(y.figure.value)  # type: ignore[arg-type]
    if nx > ny:
        loser, value, confidence = y, xv / k, _CONFIDENCE
    elif ny > nx:
        loser, value, confidence = x, yv * k, _CONFIDENCE
    else:
        loser, value, confidence = y, xv / k, _TIE_CONFIDENCE
    if value <= 0 or (not value.is_integer() and "." not in loser.figure.core and re.search(r"\d", loser.figure.core)):
        return None  # no whole number fits where a whole number is written
    suggestion = _restate(loser.figure.core, value)
    other = x if loser is y else y
    times = "once" if max(nx, ny) == 1 else f"{max(nx, ny)} times"
    explanation = (
        f"'{x.figure.core}' is said to be {phrase} '{y.figure.core}', which would make "
        f"'{loser.figure.core}' '{suggestion}'; the article states '{other.figure.core}' {times}."
    )
    text = analysis.article.text
    evidence = [quote(other.sentence.span, other.span, text)]
    evidence += [quote(m.sentence.span, m.span, text) for m in _others(analysis, other)]
    return contradiction(FindingKind.NUMBER, loser.span, loser.sentence, evidence, explanation, suggestion, confidence)


def _restate(core: str, value: float) -> str:
    """``value`` written as ``core`` is: only its number changes ("10-day" -> "15-day")."""
    number = re.search(r"\d[\d,]*(?:\.\d+)?", core)
    if number is None:
        return format_like(core, value)
    return core[: number.start()] + format_like(number.group(), value) + core[number.end() :]


def _others(analysis: Analysis, m: Mention) -> list[Mention]:
    """The article's other statements of ``m``'s value."""
    return [
        o
        for o in figure_mentions(analysis)
        if o.key == m.key and o.figure.value == m.figure.value and o.sentence.index != m.sentence.index
    ]
