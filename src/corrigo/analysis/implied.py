"""Implied mentions: values that arithmetic on an article's stated figures gives.

A tally states its margin as well as its two sides: "by 318 votes to 147" says the margin is 171,
which "a 171-vote defeat" elsewhere restates (or contradicts); "beat them 27-24" says "a three-point
win". A change stated with its size gives the value it changed from or to: "won in 1:58:42 to lower
the record by 25 seconds" with the old record "1:59:07" elsewhere says 1:58:42 twice. Each implied
value is a :class:`~corrigo.analysis.mentions.Mention` with the source's span, keyed like the
figures it could restate, so restated-figure blame counts it as one more independent mention for
its value. When an implied value is the one fewer mentions support, the blame goes to a source:
``solve`` gives the edits of a source figure that would make the arithmetic give the better
supported value (and restated keeps only an edit shaped like a slip, from one source that is less
supported than the others).

    >>> margin_of((318, 147))
    171
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from corrigo.analysis.durations_read import DURATION_UNITS
from corrigo.analysis.mentions import Figure, Mention
from corrigo.analysis.slip_shapes import slip_shape

__all__ = ["FROM_BEFORE", "implied_mentions", "is_change_size", "margin_of", "seconds_of", "time_core"]


def margin_of(parts: tuple[int, ...]) -> int | None:
    """The margin a two-sided tally states, None for other results ("7-6(5)")."""
    return abs(parts[0] - parts[1]) if len(parts) == 2 else None


def implied_mentions(mentions: list[Mention]) -> list[Mention]:
    """Values the figures imply: tally margins and the other end of a stated change."""
    # Spans of time ("two weeks", "a 212-day strike") are restated, not computed with.
    mentions = [m for m in mentions if m.figure.unit not in DURATION_UNITS]
    out = [m for m in (_margin(s) for s in mentions if s.figure.unit == "score") if m is not None]
    out.extend(_changes(mentions))
    out.extend(_percent_changes(mentions))
    return out


def _core(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _margin(score: Mention) -> Mention | None:
    parts = score.figure.value
    if not isinstance(parts, tuple) or (margin := margin_of(parts)) is None or margin == 0:
        return None
    core = str(margin)
    fig = replace(score.figure, core=core, value=float(margin), unit="margin", scale="")

    def solve(value: object) -> list[tuple[Mention, str]]:
        if not isinstance(value, float) or not value.is_integer() or value <= 0:
            return []
        a, b = parts
        hi, lo = (0, 1) if a >= b else (1, 0)
        edits = []
        for i, new in ((hi, parts[lo] + int(value)), (lo, parts[hi] - int(value))):
            if new >= 0:
                edits.append((score, _replace_part(score.figure.core, i, new)))
        return edits

    return Mention(fig, score.span, score.sentence, score.noun, score.verb, score.context, "margin", solve)


def _replace_part(core: str, index: int, new: int) -> str:
    nums = list(re.finditer(r"\d[\d,]*", core))
    m = nums[index]
    old = m.group()
    text = f"{new:,}" if "," in old else str(new)
    return core[: m.start()] + text + core[m.end() :]


# A change's size is in seconds when a time changes: the units a duration names.
_SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600}


def seconds_of(parts: tuple[int, ...]) -> int:
    total = 0
    for p in parts:
        total = total * 60 + p
    return total


def time_core(seconds: int, like: str) -> str:
    """``seconds`` written as the time ``like`` is ("1:58:42", "59:15")."""
    n = like.count(":") + 1
    parts = []
    for _ in range(n - 1):
        parts.append(seconds % 60)
        seconds //= 60
    parts.append(seconds)
    parts.reverse()
    head, rest = str(parts[0]), [f"{p:02d}" for p in parts[1:]]
    return ":".join([head, *rest])


def _changes(mentions: list[Mention]) -> list[Mention]:
    """A sentence that gives a result and the size of its change ("won in X to lower the record by
    D", "rose by D to X") implies X from every other like figure Y as Y - D or Y + D. Only values that
    restate X or could be a slip for it are kept: the others are unrelated figures."""
    by_key: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.implied is None:
            by_key[m.key].append(m)
    out: list[Mention] = []
    for d in mentions:
        if d.implied is not None or not is_change_size(d):
            continue
        for x in mentions:
            if x.sentence.index != d.sentence.index or x is d or x.implied is not None or is_change_size(x):
                continue
            size = _size_in(d, x)
            if size is None:
                continue
            for y in by_key[x.key]:
                if y is x or y.figure.value == x.figure.value:
                    continue
                for sign in (-1, 1):
                    made = _shift(x, y, d, sign * size)
                    if made is not None and slip_shape(x.figure.core, made.figure.core) is not None:
                        out.append(made)
    return out


def is_change_size(m: Mention) -> bool:
    """Whether a figure gives the size of a change: "by 25 seconds", "by 12%"."""
    toks = list(m.sentence.tokens)
    start = m.span.start - m.sentence.offset
    inside = [i for i, t in enumerate(toks) if t.idx <= start < t.idx + len(t.text) or t.idx >= start]
    return bool(inside) and inside[0] > 0 and toks[inside[0] - 1].lower_ == "by" and m.figure.unit != "margin"


def _size_in(d: Mention, x: Mention) -> float | None:
    """The size of change ``d`` in the units of figure ``x``, if they are commensurable."""
    if x.figure.unit == "time" and isinstance(x.figure.value, tuple):
        per = _SECONDS.get((d.noun or "").rstrip("s"))
        if per is None or d.figure.unit or d.figure.scale or not isinstance(d.figure.value, float):
            return None
        return d.figure.value * per
    if d.key == x.key and isinstance(d.figure.value, float) and isinstance(x.figure.value, float):
        return d.figure.value
    return None


def _shift(x: Mention, y: Mention, d: Mention, delta: float) -> Mention | None:
    """The value ``y`` changed by ``delta``, as an implied restatement of ``x``."""
    if x.figure.unit == "time":
        if not isinstance(y.figure.value, tuple) or y.figure.core.count(":") != x.figure.core.count(":"):
            return None
        secs = seconds_of(y.figure.value) + int(delta)
        if secs <= 0:
            return None
        core = time_core(secs, x.figure.core)
        value: object = tuple(int(p) for p in core.split(":"))
    else:
        if not isinstance(y.figure.value, float):
            return None
        v = round(y.figure.value + delta, 6)
        if v <= 0:
            return None
        core, value = _core(v), v
    fig: Figure = replace(x.figure, core=core, value=value)  # type: ignore[arg-type]

    def solve(better: object) -> list[tuple[Mention, str]]:
        # The arithmetic y + delta gave the less supported value: y or the size is off.
        if x.figure.unit == "time":
            if not isinstance(better, tuple):
                return []
            need = seconds_of(better) - int(delta)
            edits = [(y, time_core(need, y.figure.core))] if need > 0 else []
            size = abs(seconds_of(better) - seconds_of(y.figure.value))  # type: ignore[arg-type]
            per = _SECONDS.get((d.noun or "").rstrip("s"), 1)
            if size % per == 0:
                edits.append((d, str(size // per)))
            return edits
        if not isinstance(better, float):
            return []
        return [(y, _core(round(better - delta, 6))), (d, _core(abs(round(better - y.figure.value, 6))))]  # type: ignore[operator]

    # Quoted as evidence where it comes from (the figure it was changed from), read in x's setting.
    return Mention(fig, y.span, y.sentence, x.noun, x.verb, x.context, "change", solve)


# A change given in percent, read off the words just before it ("shares jumped 12%", "down 4%").
_CHANGE_WORDS = (
    r"(?:rose|rise[sn]?|rising|jump(?:s|ed)?|climb(?:s|ed)?|gain(?:s|ed)?|surg(?:e|es|ed)|up|increas(?:e|es|ed)|"
    r"gr(?:ew|ow|ows|own)|soar(?:s|ed)?|f[ae]ll|falls|falling|drop(?:s|ped)?|slid(?:e|es)?|declin(?:e|es|ed)|"
    r"down|sank|sinks?|plunge[sd]?|decreas(?:e|es|ed)|lost|loses?)"
)
_PCT_CHANGE_BEFORE = re.compile(
    r"\b" + _CHANGE_WORDS + r"\s+(?:by\s+)?(?:(?:the|a|an)\s+)?(?:[a-z]+\s+){0,2}(?:of\s+)?$", re.I
)
# The figure a change started from: "up from the issue price of 40", "from 240".
FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:the|a|an|its|their)\s+)?(?:[a-z]+\s+){0,3}(?:of\s+)?$", re.I)
# How far from the change's percentage the figures it applies to may be stated (the headline reaches all).
_PCT_REACH = 2


def _percent_changes(mentions: list[Mention]) -> list[Mention]:
    """A sentence that gives where a figure went and where it came from ("opened at 33, up from the
    issue price of 40") without the size of the change, and a percentage change of it stated nearby
    ("shares jumped 10%"), imply each end from the other: 30 x 1.1 = 33. Only an implied value that
    another statement of the article gives exactly is kept: it is then one more, independent,
    mention of that value."""
    explicit = [m for m in mentions if m.implied is None]
    changes = [m for m in explicit if m.figure.unit == "%" and _PCT_CHANGE_BEFORE.search(_before(m))]
    out: list[Mention] = []
    for x in explicit:
        if not isinstance(x.figure.value, float) or x.figure.unit in ("%", "margin", "score") or x.figure.value <= 0:
            continue
        if not FROM_BEFORE.search(_before(x)):
            continue
        same = [m for m in explicit if m.sentence.index == x.sentence.index]
        if any(m.figure.unit == "%" for m in same):
            continue  # the change is stated in the sentence: the number check redoes it
        ys = [m for m in same if m.key == x.key and m is not x and not FROM_BEFORE.search(_before(m))]
        if len(ys) != 1 or not isinstance(ys[0].figure.value, float) or ys[0].figure.value == x.figure.value:
            continue
        y = ys[0]
        near = [p for p in changes if p.sentence.headline or abs(p.sentence.index - x.sentence.index) <= _PCT_REACH]
        sign = 1.0 if y.figure.value > x.figure.value else -1.0
        for p in {float(p.figure.value): p for p in near}.values():  # type: ignore[arg-type]
            factor = 1.0 + sign * float(p.figure.value) / 100.0  # type: ignore[arg-type]
            if factor <= 0:
                continue
            for end, source, value, to_source in (
                (x, y, y.figure.value / factor, factor),
                (y, x, x.figure.value * factor, 1 / factor),
            ):
                made = _agreeing(end, source, value, explicit, to_source)
                if made is not None:
                    out.append(made)
    return out


def _before(m: Mention) -> str:
    return m.sentence.span.text[: m.figure.whole_start]


def _agreeing(end: Mention, source: Mention, value: float, explicit: list[Mention], to_source: float) -> Mention | None:
    """``value`` as an implied mention of ``end``, if another figure of the article states it."""
    places = len(end.figure.core.partition(".")[2])
    for other in explicit:
        if other.key != end.key or other.sentence.index == end.sentence.index:
            continue
        v = other.figure.value
        if not isinstance(v, float) or v == end.figure.value:
            continue
        step = 0.5 * 10.0 ** -max(places, len(other.figure.core.partition(".")[2]))
        if abs(v - value) <= step * 1.0001:
            break
    else:
        return None
    fig = replace(end.figure, core=_core(v), value=v)

    def solve(better: object) -> list[tuple[Mention, str]]:
        # The arithmetic gave the less supported value: the other end of the change is off.
        if not isinstance(better, float):
            return []
        again = better * to_source
        sp = len(source.figure.core.partition(".")[2])
        return [(source, f"{again:.{sp}f}")]

    return Mention(fig, source.span, source.sentence, end.noun, end.verb, end.context, "percent change", solve)
