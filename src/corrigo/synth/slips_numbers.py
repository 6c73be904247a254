"""Slips in figures and dates, and the candidate type (:class:`SlipCandidate`) every kind of slip uses."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corrigo.synth._edits import overlaps as _overlaps

# Calendar names come from the standard library, not from a hand-written list.
_MONTHS = tuple(calendar.month_name[1:])
_MONTH_ABBR = tuple(calendar.month_abbr[1:])
_WEEKDAYS = tuple(calendar.day_name)
_MONTH_RE = "|".join(_MONTHS)
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_YEAR_RE = re.compile(r"(?<![\w.,£$€-])((?:18|19|20)\d\d)(?![\w-]|[.,]\d)")
_MONTH_NAME_RE = re.compile(r"\b(" + _MONTH_RE + r")\b")
_DAY_RE = re.compile(
    r"\b(?P<a>[0-3]?\d)(?P<asuf>st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH_RE + r")\b"
    r"|\b(?:" + _MONTH_RE + r")\s+(?P<b>[0-3]?\d)(?P<bsuf>st|nd|rd|th)?\b"
)
_NUM_RE = re.compile(
    r"(?<![\w.,/:-])(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?P<suf>(?:m|bn|tn|k)\b|\s(?:million|billion|trillion|thousand)\b)?"
    r"(?![\w]|[.,:]\d)"
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "tn": 1e12}
_SCALE["trillion"] = 1e12
# Entity labels whose text may contain figures that are names, not quantities.
_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "GPE", "LOC"})


@dataclass(frozen=True)
class SlipCandidate:
    """Something one kind of slip could change, with offsets into the original text."""

    kind: str
    start: int
    end: int
    right: str
    options: tuple[str, ...]
    evidence: tuple[tuple[int, int], ...] = ()
    detectable: bool = False


def _ent_spans(doc: Any, labels: frozenset[str]) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in labels]


def _inside(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(_overlaps(span, s) for s in spans)


# ---------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    num: str  # the digits as written, e.g. "4,500" or "1.13"
    suffix: str  # scale as written, e.g. "m", " million", ""
    value: float
    after: str  # the word or sign right after the figure, lower-cased

    @property
    def decimals(self) -> int:
        return len(self.num.split(".")[1]) if "." in self.num else 0

    def restates(self, other: _Figure) -> bool:
        """Whether ``other`` is this figure again, not a likely coincidence of small numbers."""
        if not _same_value(self.value, other.value):
            return False
        return (
            self.decimals > 0
            or bool(self.suffix)
            or self.value >= 100
            or (self.value >= 10 and self.after == other.after)
        )


def _figures(text: str, doc: Any) -> list[_Figure]:
    names = _ent_spans(doc, _NAME_LABELS)
    dates = _ent_spans(doc, frozenset({"DATE", "TIME"}))
    out = []
    for m in _NUM_RE.finditer(text):
        num, suf = m.group("num"), m.group("suf") or ""
        span = (m.start(), m.end())
        plain = num.replace(",", "")
        if not suf and "." not in num and "," not in num and 1800 <= int(plain) <= 2099:
            continue  # a year: the date kind's business
        if _inside(span, names) or _inside(span, dates):
            continue
        scale = _SCALE.get(suf.strip(), 1.0)
        after = re.match(r"\s*(%|[\w-]+)?", text[m.end() :])
        word = (after.group(1) or "").lower() if after else ""
        out.append(_Figure(m.start(), m.end(), num, suf, float(plain) * scale, word))
    return out


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _implied_by(f: _Figure, others: Sequence[_Figure]) -> tuple[tuple[int, int], ...]:
    """Spans of two figures whose sum, difference or percentage change gives ``f``."""
    plain = float(f.num.replace(",", ""))
    tol = 0.5 * 10 ** (-f.decimals) * (f.value / plain if plain else 1.0)
    for i, a in enumerate(others):
        for b in others[i + 1 :]:
            x, y = a.value, b.value
            if x <= 0 or y <= 0:
                continue
            derived = [x + y, abs(x - y)]
            if f.suffix == "":
                derived += [abs(y - x) / x * 100, abs(x - y) / y * 100]
            if any(abs(d - f.value) <= tol for d in derived):
                return ((a.start, a.end), (b.start, b.end))
    return ()


def _digit_slips(num: str) -> list[str]:
    """Generic typing slips on a number as written, keeping its look (commas, decimals)."""
    intpart, _, dec = num.partition(".")
    grouped = "," in intpart
    digits = intpart.replace(",", "") + dec
    n_int = len(intpart.replace(",", ""))

    def build(ds: str, n_i: int) -> str | None:
        if n_i < 1 or not ds:
            return None
        ip, dp = ds[:n_i], ds[n_i:]
        if len(ip) > 1 and ip[0] == "0":
            return None
        if grouped:
            ip = f"{int(ip):,}"
        return ip + ("." + dp if dp else "")

    out: list[str | None] = []
    for i in range(len(digits) - 1):  # transposition
        if digits[i] != digits[i + 1]:
            out.append(build(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :], n_int))
    for i, d in enumerate(digits):  # one mistyped digit: a neighbour on the number row
        for nd in {str(int(d) - 1) if d != "0" else "9", str(int(d) + 1) if d != "9" else "0"} - {d}:
            out.append(build(digits[:i] + nd + digits[i + 1 :], n_int))
    if n_int > 1:  # a dropped digit in the integer part
        for i in range(n_int):
            out.append(build(digits[:i] + digits[i + 1 :], n_int - 1))
    out.append(build(digits[:n_int] + "0" + digits[n_int:], n_int + 1))  # an added zero
    for i in range(n_int):  # a doubled digit
        out.append(build(digits[: i + 1] + digits[i] + digits[i + 1 :], n_int + 1))
    last = int(digits)  # a neighbouring value: +-1 in the last place
    for step in (-1, 1):
        v = last + step
        if v > 0:
            s = str(v).rjust(len(digits), "0")
            out.append(build(s, len(s) - len(dec)))
    return sorted({o for o in out if o and o != num and float(o.replace(",", "")) > 0})


def _number_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    figs = _figures(text, doc)
    out = []
    for f in figs:
        others = [g for g in figs if g is not f]
        evidence = tuple((g.start, g.end) for g in others if f.restates(g))
        detectable = bool(evidence)
        if not detectable:
            sent = doc.char_span(f.start, f.end, alignment_mode="expand")
            if sent is not None:
                s = sent.sent
                local = [g for g in others if s.start_char <= g.start and g.end <= s.end_char]
                evidence = _implied_by(f, local) if f.value >= 10 or f.decimals else ()
                detectable = bool(evidence)
        options = tuple(o + f.suffix for o in _digit_slips(f.num))
        out.append(SlipCandidate("number", f.start, f.end, text[f.start : f.end], options, evidence, detectable))
    return out


# ---------------------------------------------------------------------- dates


def _date_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    out = []
    date_ents = [e for e in doc.ents if e.label_ == "DATE"]
    for ent in date_ents:
        e0, etext = ent.start_char, ent.text
        same_ents = [(o.start_char, o.end_char) for o in date_ents if o is not ent and o.text == etext]
        for m in _YEAR_RE.finditer(etext):
            y = int(m.group(1))
            s, t = e0 + m.start(1), e0 + m.end(1)
            others = [(x.start(1), x.end(1)) for x in _YEAR_RE.finditer(text) if x.group(1) == m.group(1)]
            ev = tuple(o for o in others if o != (s, t))
            opts = tuple(str(y + d) for d in (-3, -2, -1, 1, 2, 3))
            out.append(SlipCandidate("date", s, t, m.group(1), opts, ev, bool(ev)))
        for m in _MONTH_NAME_RE.finditer(etext):
            s, t = e0 + m.start(1), e0 + m.end(1)
            opts = tuple(x for x in _MONTHS if x != m.group(1))
            ev = tuple(same_ents)
            out.append(SlipCandidate("date", s, t, m.group(1), opts, ev, bool(ev)))
        for m in _DAY_RE.finditer(etext):
            g = "a" if m.group("a") else "b"
            day = int(m.group(g))
            if not 1 <= day <= 31:
                continue
            suf = m.group(g + "suf")
            s, t = e0 + m.start(g), e0 + m.end(g + "suf") if suf else e0 + m.end(g)
            opts = tuple(
                str(d) + (_ordinal_suffix(d) if suf else "")
                for d in sorted({day - 1, day + 1, day + 10, day - 10, (day % 28) + 2})
                if 1 <= d <= 28 and d != day
            )
            out.append(SlipCandidate("date", s, t, text[s:t], opts, tuple(same_ents), bool(same_ents)))
        for m in _WEEKDAY_RE.finditer(etext):
            s, t = e0 + m.start(1), e0 + m.end(1)
            others = [(x.start(1), x.end(1)) for x in _WEEKDAY_RE.finditer(text) if x.group(1) == m.group(1)]
            ev = tuple(o for o in others if o != (s, t))
            opts = tuple(d for d in _WEEKDAYS if d != m.group(1))
            out.append(SlipCandidate("date", s, t, m.group(1), opts, ev, bool(ev)))
    return out


def _ordinal_suffix(d: int) -> str:
    if 10 <= d % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
