"""Percentages against the figures they are computed from.

A share ("30 of 120 members, or 40%") and a change ("rose from 200 to 250, a 40% increase",
"rose 2% to $11.1bn from $10.9bn") are recomputed from the two figures and compared with the
stated percentage, allowing for the rounding of all three."""

from __future__ import annotations

import math
import re

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.checks.base import contradiction
from corrigo.checks.numbers_figures import _between, _Num, _pct_range, _pct_text, _round_like
from corrigo.model import Finding, FindingKind

# --- shares: "30 of 120 members, or 40%" -----------------------------------------------------

_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+)?(?:[A-Za-z]+['’]s\s+)?")
_OR = re.compile(r"(?:\s+[A-Za-z'’-]+){0,6}\s*(?:,\s*or|\(|,\s*(?:which is|that is|i\.e\.))\s*")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Za-z'’-]+\s+){0,3}")


def _share_findings(analysis: Analysis, sentence: Sentence, nums: list[_Num]) -> list[Finding]:
    """ "30 of 120 members, or 40%", "240 of the 600 ice cores, or 25 percent of the total",
    "30 out of 120 (40%)", "12,000 hectares, or roughly 35 percent of the park's 48,000 hectares"."""
    text = sentence.span.text
    out: list[Finding] = []
    for i, x in enumerate(nums):
        trio = None
        rest = nums[i + 1 :]
        if len(rest) >= 2:
            y, p = rest[0], rest[1]
            if _OF.fullmatch(_between(text, x, y)) and _OR.fullmatch(_between(text, y, p)) and p.unit == "%":
                trio = (x, y, p)
            elif (
                y.unit == "%" and _OR.fullmatch(_between(text, x, y)) and _OF_THE.fullmatch(_between(text, y, rest[1]))
            ):
                trio = (x, rest[1], y)
        if trio is None:
            continue
        x, y, p = trio
        if x.unit == "%" or y.unit == "%" or x.is_year or y.is_year or x.unit != y.unit or y.value <= 0:
            continue
        if x.value > y.value:
            continue
        (x_low, x_high), (y_low, y_high) = x.operand, y.operand
        x_high = min(x_high, y_high)
        share_lo, share_hi = x_low / y_high * 100, x_high / max(y_low, 1e-9) * 100
        p_lo, p_hi = _pct_range(p)
        if share_hi >= p_lo and share_lo <= p_hi:
            continue
        share = x.value / y.value * 100
        suggestion = _round_like(p, share)
        if suggestion == p.core.text:
            continue
        out.append(
            contradiction(
                FindingKind.NUMBER,
                p.core,
                sentence,
                [x.whole, y.whole],
                f"{x.whole.text} of {y.whole.text} is {_pct_text(share)}, not {p.whole.text}.",
                suggestion,
                0.85 if p.exact else 0.75,
            )
        )
    return out


# --- changes: "rose from 200 to 250, a 40% increase" -----------------------------------------

_BASE_BEFORE = re.compile(r"\b(?:from|against|compared\s+with|compared\s+to|versus)\s+$")
_NEW_BEFORE = re.compile(r"\bto\s+$")
# "from 36,185 in 2003 to 28,041": the old figure, then at most a few words, then "to".
_FROM_TO = re.compile(r"(?:\s+[a-z]+|\s+\d{4}){0,3}\s+to\s+")
# "to $205.4m (£110m) during October to December, from $142m": the new figure, an aside, then the old.
_TO_FROM = re.compile(
    r"(?:\s*\([^()]*\))?(?:\s+[A-Za-z]+|\s+\d{4}){0,6}\s*,?\s+(?:from|against|compared\s+with|compared\s+to|versus)\s+"
)
_CHANGE_NOUN = re.compile(
    r"\s+(?:increase|rise|jump|fall|drop|decline|gain|cut|decrease|climb|reduction|growth|leap|slump|surge)\b"
)


def _change_findings(analysis: Analysis, sentence: Sentence, nums: list[_Num]) -> list[Finding]:
    """ "rose from 200 to 250, a 40% increase", "rose 2% to $11.1bn from $10.9bn", "fell by 28%
    from 36,185 in 2003 to 28,041", "fell 10% to $56m, against $66m". A change between two
    percentages may be given in points or as a share of the first."""
    text = sentence.span.text
    figures = [n for n in nums if not n.is_year]
    out: list[Finding] = []
    for old in figures:
        if not _BASE_BEFORE.search(text[: old.start]):
            continue
        for new in figures:
            if new is old or new.unit != old.unit or not _NEW_BEFORE.search(text[: new.start]):
                continue
            if old.start < new.start:
                joined = _FROM_TO.fullmatch(text[old.end : new.start])
            else:
                joined = _TO_FROM.fullmatch(text[new.end : old.start])
            if not joined or old.value <= 0 or old.value == new.value:
                continue
            finding = _judge_change(sentence, text, figures, old, new)
            if finding is not None:
                out.append(finding)
    return out


def _judge_change(sentence: Sentence, text: str, figures: list[_Num], old: _Num, new: _Num) -> Finding | None:
    first, last = min(old, new, key=lambda n: n.start), max(old, new, key=lambda n: n.start)
    p = _linked_percent(text, figures, first, last)
    if p is None or p is old or p is new:
        return None
    lo, hi = _change_range(old, new)
    p_lo, p_hi = _pct_range(p)
    if hi >= p_lo and lo <= p_hi:
        return None
    if old.unit == "%" and new.unit == "%" and p_lo <= abs(new.value - old.value) <= p_hi:
        return None  # a change in points
    change = abs(new.value - old.value) / old.value * 100
    suggestion = _round_like(p, change)
    if suggestion == p.core.text:
        return None
    return contradiction(
        FindingKind.NUMBER,
        p.core,
        sentence,
        [old.whole, new.whole],
        f"From {old.whole.text} to {new.whole.text} is a change of {_pct_text(change)}, not {p.whole.text}.",
        suggestion,
        0.8 if p.exact else 0.7,
    )


def _linked_percent(text: str, nums: list[_Num], first: _Num, last: _Num) -> _Num | None:
    """The percentage that states the change: right before the two figures ("rose 2% to $11.1bn
    from $10.9bn", "fell 20%, from 50 to 40") or right after them ("..., a 40% increase", "(up 25%)")."""
    i = nums.index(first)
    if i > 0:
        p = nums[i - 1]
        gap = text[p.end : first.start]
        if p.unit == "%" and re.fullmatch(r",?\s+(?:from|to)\s+", gap):
            return p
    j = nums.index(last)
    if j + 1 < len(nums):
        p = nums[j + 1]
        gap = text[last.end : p.start]
        after = text[p.end :]
        stated = p.unit == "%" and re.fullmatch(r"(?:\s+[a-z]+){0,2}\s*[,(]\s*(?:an?|up|down|or)?\s*", gap)
        if stated and (re.match(r"(?:up|down)\s*$", gap.strip(" ,(")) or _CHANGE_NOUN.match(after)):
            return p
    return None


def _change_range(old: _Num, new: _Num) -> tuple[float, float]:
    """The smallest and largest size of the change, in percent of ``old``, given both figures' rounding."""
    (new_low, new_high), (old_low, old_high) = new.operand, old.operand
    news = (new_low, new_high if math.isfinite(new_high) else new_low)
    olds = (old_low if old_low > 0 else old.value, old_high if math.isfinite(old_high) else old.value)
    values = [abs(n - o) / o * 100 for n in news for o in olds if o > 0]
    if (new_low - old_high) * (new_high - old_low) <= 0:  # the intervals touch: no change is possible too
        values.append(0.0)
    return min(values), max(values)
