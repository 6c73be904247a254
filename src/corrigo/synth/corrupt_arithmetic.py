"""Corruption candidates for arithmetic: ``date_arithmetic`` and ``number_arithmetic``."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from corrigo.synth import _lexicon as lex
from corrigo.synth._numbers import (
    ORDINAL_VALUES,
    WORD_VALUES,
    Quantity,
    format_like,
    format_ordinal_like,
    mutate_digits,
    ordinal_value,
    parse_number,
)
from corrigo.synth.corrupt_analysis import Candidate, _Analysis, _number_options

_WORD_NUM_ALT = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_ORD_ALT = "|".join(sorted(ORDINAL_VALUES, key=len, reverse=True))
_DURATION_RES = (
    (
        "span",
        re.compile(r"(?<![\w.,$£€-])(?P<n>\d{1,3}|(?i:" + _WORD_NUM_ALT + r"))[- ](?:year|years)(?:[- ]old)?(?![\w-])"),
    ),
    ("age", re.compile(r"\b(?i:aged)\s+(?P<n>\d{1,3}|(?i:" + _WORD_NUM_ALT + r"))(?![\w-])")),
    (
        "ordinal",
        re.compile(r"(?<![\w-])(?P<n>\d{1,3}(?:st|nd|rd|th)|(?i:" + _ORD_ALT + r"))\s+(?:anniversary|birthday)\b"),
    ),
)
_X_OF_Y_RE = re.compile(
    r"(?<![\w.,$£€-])(?P<x>\d[\d,]*|(?i:" + _WORD_NUM_ALT + r"))\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    r"(?P<y>\d[\d,]*|(?i:" + _WORD_NUM_ALT + r"))(?![\w.,]\d|%|\w)"
)


# ---------------------------------------------------------------------- date_arithmetic


def _durations(a: _Analysis) -> list[tuple[str, int, int, str, int, int]]:
    """``(type, start, end, literal, value, sentence)`` for every stated number of years."""
    out = []
    for typ, rx in _DURATION_RES:
        for m in rx.finditer(a.text):
            lit = m.group("n")
            val = ordinal_value(lit) if typ == "ordinal" else parse_number(lit)
            if val is None or not 1 <= val <= 150:
                continue
            out.append((typ, m.start("n"), m.end("n"), lit, int(val), a.sent_of(m.start("n"))))
    return sorted(out, key=lambda d: d[1])


def _stated_ages(a: _Analysis) -> list[tuple[int, int, int, int]]:
    """``(age, start, end, sentence)`` for "Name, 31," appositions after a person."""
    out = []
    for m in a.mentions:
        if m.label != "PERSON":
            continue
        found = re.match(r",\s(\d{2}),", a.text[m.end : m.end + 6])
        if found and 14 <= int(found.group(1)) <= 99:
            s = m.end + found.start(1)
            out.append((int(found.group(1)), s, s + 2, m.sent))
    return out


def _date_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    years = a.years
    ages = _stated_ages(a)
    for typ, start, end, lit, n, sent in _durations(a):
        strong: list[tuple[int, int]] = []
        diffs: set[int] = set()
        for y1, y2 in combinations(years, 2):
            lo, hi = sorted((y1, y2), key=lambda y: y.value)
            if hi.value - lo.value != n:
                continue
            if min(abs(lo.sent - sent), abs(hi.sent - sent)) > 1:
                continue
            strong.extend([(lo.start, lo.end), (hi.start, hi.end)])
            diffs.add(n)
        weak = [(y.start, y.end) for y in years if y.sent == sent]
        same_age = [(s, e) for age, s, e, _ in ages if age == n and typ in ("span", "age") and s != start]
        if not strong and not weak and not same_age:
            continue
        deltas = (1, -1, 2, -2, 3, 5, -5, 10)
        opts = []
        for d in deltas:
            v = n + d
            if v < 1 or v == n or (typ == "ordinal" and v < 1):
                continue
            opts.append(format_ordinal_like(lit, v) if typ == "ordinal" else format_like(lit, v))
        if same_age and (typ == "age" or a.text[end : end + 9].replace(" ", "-").startswith("-year-old")):
            out.append(
                Candidate("date_arithmetic", start, end, lit, tuple(opts), tuple(same_age), 2, "age stated twice")
            )
        if strong:
            out.append(
                Candidate(
                    "date_arithmetic",
                    start,
                    end,
                    lit,
                    tuple(opts),
                    tuple(dict.fromkeys(strong)),
                    3,
                    f"{typ} = year difference",
                )
            )
        elif weak:
            out.append(Candidate("date_arithmetic", start, end, lit, tuple(opts), tuple(weak), 1, f"{typ} near a year"))
    return out


# ---------------------------------------------------------------------- number_arithmetic


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z]+)\W*$", text[max(0, pos - 20) : pos])
    return m.group(1).lower() if m else ""


def _tolerance(q: Quantity) -> float:
    return 0.5 * 10 ** (-q.decimals) if not q.is_word else 0.5


def _breaks(options: Iterable[str], literal: str, ok: Any) -> list[str]:
    out = []
    for o in options:
        v = parse_number(o)
        if v is not None and o != literal and ok(v):
            out.append(o)
    return out


def _pct_options(q: Quantity, ok: Any) -> list[str]:
    raw = q.raw
    extra = [format_like(q.literal, raw * f) for f in (1.5, 0.5, 2.0)] + [
        format_like(q.literal, raw + d) for d in (5, -5, 10)
    ]
    opts = mutate_digits(q.literal) if not q.is_word else []
    return _breaks(opts + extra, q.literal, lambda v: v > 0 and ok(v))


def _number_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    text = a.text
    by_sent: dict[int, list[Quantity]] = defaultdict(list)
    for q, sent in a.quantities:
        if a.in_body(q.start) and not q.maybe_year:
            by_sent[sent].append(q)
    for qs in by_sent.values():
        # (A) percentage change between two figures: "rose 2% to $11.1bn from $10.9bn"
        for p in (q for q in qs if q.unit == "%"):
            others = [q for q in qs if q.unit != "%" and q is not p and q.value > 0]
            for x, y in combinations(others, 2):
                if x.unit != y.unit or x.value == y.value:
                    continue
                wx, wy = _word_before(text, x.full_start), _word_before(text, y.full_start)
                if wx == "from" or wy == "to":
                    base, new = x, y
                elif wy == "from" or wx == "to":
                    base, new = y, x
                else:
                    continue
                r = abs(new.value - base.value) / base.value * 100
                tol = max(0.6, 0.03 * p.raw) + _tolerance(p)
                if abs(r - p.raw) > tol:
                    continue
                opts = _pct_options(p, lambda v, r=r, tol=tol: abs(v - r) > 3 * tol)
                out.append(
                    Candidate(
                        "number_arithmetic",
                        p.start,
                        p.end,
                        p.literal,
                        tuple(opts),
                        ((x.full_start, x.full_end), (y.full_start, y.full_end)),
                        2,
                        "percent change",
                    )
                )
        # (B) parts and a total: "... 3 in March and 4 in April, 7 in total"
        for total in qs:
            before = re.findall(r"[a-z]+", text[max(0, total.full_start - 30) : total.full_start].lower())[-4:]
            after = re.findall(r"[a-z]+", text[total.full_end : total.full_end + 25].lower())[:3]
            has_cue = any(w in lex.TOTAL_CUES for w in before + after) or (before[-2:] == ["in", "all"])
            parts_pool = [q for q in qs if q is not total and q.unit == total.unit and 0 < q.value < total.value]
            if len(parts_pool) < 2 or len(parts_pool) > 6:
                continue
            by_amount = any(_word_before(text, q.full_start) == "by" for q in parts_pool) and any(
                _word_before(text, q.full_start) == "from" for q in parts_pool
            )
            if not has_cue and not by_amount:
                continue
            for k in (2, 3):
                hit = None
                for parts in combinations(parts_pool, k):
                    tol = max([_tolerance(q) * (q.value / q.raw if q.raw else 1) for q in (*parts, total)])
                    if abs(sum(q.value for q in parts) - total.value) <= tol + 1e-9:
                        hit = parts
                        break
                if hit is None:
                    continue
                tol = max([_tolerance(q) * (q.value / q.raw if q.raw else 1) for q in (*hit, total)])
                scale = total.value / total.raw if total.raw else 1.0
                parts_sum = sum(q.value for q in hit)
                opts = _breaks(
                    _number_options(total),
                    total.literal,
                    lambda v, s=parts_sum, sc=scale, t=tol: abs(v * sc - s) > 2 * t,
                )
                out.append(
                    Candidate(
                        "number_arithmetic",
                        total.start,
                        total.end,
                        total.literal,
                        tuple(opts),
                        tuple((q.full_start, q.full_end) for q in hit),
                        2,
                        "sum",
                    )
                )
                break
    out.extend(_conversion_candidates(a))
    # (C) "X of Y" and a percentage in the same or the next sentence
    for m in _X_OF_Y_RE.finditer(text):
        if not a.in_body(m.start()):
            continue
        x, y = parse_number(m.group("x")), parse_number(m.group("y"))
        if x is None or y is None or not 0 < x < y:
            continue
        share = x / y * 100
        sent = a.sent_of(m.start())
        for q, qsent in a.quantities:
            if q.unit != "%" or qsent not in (sent, sent + 1) or (m.start() <= q.start < m.end()):
                continue
            tol = max(0.6, 0.03 * q.raw) + _tolerance(q)
            if abs(q.raw - share) > tol:
                continue
            opts = _pct_options(q, lambda v, s=share, t=tol: abs(v - s) > 3 * t)
            out.append(
                Candidate(
                    "number_arithmetic",
                    q.start,
                    q.end,
                    q.literal,
                    tuple(opts),
                    ((m.start("x"), m.end("x")), (m.start("y"), m.end("y"))),
                    2,
                    "x of y share",
                )
            )
    # (D) a count and the list it announces: "three countries - France, Spain and Italy"
    doc = a.doc
    for tok in doc:
        if tok.dep_ != "nummod" or tok.tag_ != "CD" or not a.in_body(tok.idx):
            continue
        n = parse_number(tok.text)
        if n is None or not 2 <= n <= 12 or not float(n).is_integer():
            continue
        sent = tok.sent
        noun = tok.head
        if noun.pos_ != "NOUN" or noun.i <= tok.i or noun.i + 2 >= sent.end:
            continue
        if doc[noun.i + 1].text not in ("-", ":", ",", "(", "[", "\u2013", "\u2014", "--"):
            continue
        for head in sent:
            if head.i not in (noun.i + 2, noun.i + 3) or head.dep_ == "conj":
                continue
            chain = [head]
            cur = head
            while True:
                nxt = [c for c in cur.children if c.dep_ == "conj"]
                if not nxt:
                    break
                cur = nxt[0]
                chain.append(cur)
            if len(chain) != int(n) or len(chain) < 2:
                continue
            if not all(c.pos_ in ("PROPN", "NOUN") for c in chain):
                continue
            opts = [format_like(tok.text, v) for v in (n + 1, n - 1) if v >= 2]
            evidence = tuple(_item_span(a, c) for c in chain)
            out.append(
                Candidate(
                    "number_arithmetic",
                    tok.idx,
                    tok.idx + len(tok),
                    tok.text,
                    tuple(opts),
                    evidence,
                    2,
                    "count of a list",
                )
            )
            break
    return out


def _conversion_candidates(a: _Analysis) -> list[Candidate]:
    """Conversions such as "£600m ($1.13bn)" whose rate agrees with the article's other conversions."""
    qs = [q for q, _ in a.quantities if q.unit and q.unit != "%" and a.in_body(q.start)]
    pairs: dict[tuple[str, str], list[tuple[Quantity, Quantity]]] = defaultdict(list)
    for q1, q2 in zip(qs, qs[1:], strict=False):
        between = a.text[q1.full_end : q2.full_start]
        if q1.unit != q2.unit and between.strip() in ("(", "[") and q1.value > 0 and q2.value > 0:
            pairs[(q1.unit, q2.unit)].append((q1, q2))
    out: list[Candidate] = []
    for plist in pairs.values():
        if len(plist) < 2:
            continue
        ratios = sorted(q2.value / q1.value for q1, q2 in plist)
        median = ratios[len(ratios) // 2]
        agreeing = [(q1, q2) for q1, q2 in plist if abs(q2.value / q1.value / median - 1) <= 0.08]
        if len(agreeing) < 2:
            continue
        for q1, q2 in agreeing:
            scale = q2.value / q2.raw if q2.raw else 1.0
            opts = []
            for f in (2.0, 0.5, 1.5, 0.7, 1.4, 3.0):
                lit = format_like(q2.literal, q2.raw * f)
                v = parse_number(lit)
                if v and abs(v * scale / q1.value / median - 1) > 0.25:
                    opts.append(lit)
            evidence = [(o1.full_start, o1.full_end) for o1, o2 in agreeing if o1 is not q1]
            evidence += [(o2.full_start, o2.full_end) for o1, o2 in agreeing if o2 is not q2]
            evidence.append((q1.full_start, q1.full_end))
            out.append(
                Candidate(
                    "number_arithmetic",
                    q2.start,
                    q2.end,
                    q2.literal,
                    tuple(opts),
                    tuple(evidence),
                    2,
                    "currency conversion",
                )
            )
    return out


def _item_span(a: _Analysis, tok: Any) -> tuple[int, int]:
    idx = a.mention_at_token[tok.i]
    if idx >= 0:
        m = a.mentions[idx]
        return m.start, m.end
    return tok.idx, tok.idx + len(tok)
