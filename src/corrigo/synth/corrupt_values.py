"""Corruption candidates for a value stated twice: ``headline_vs_body`` and ``slot_conflict``."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from corrigo.synth import _lexicon as lex
from corrigo.synth.corrupt_analysis import (
    Candidate,
    _Analysis,
    _entity_options,
    _Mention,
    _number_options,
    _Role,
    _signature,
    _title_like,
)

# ---------------------------------------------------------------------- headline_vs_body


def _headline_candidates(a: _Analysis) -> list[Candidate]:
    if a.headline is None:
        return []
    hs, he = a.headline
    htext = a.text[hs:he]
    out: list[Candidate] = []
    groups: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in a.mentions:
        if a.in_body(m.start):
            groups[(m.label, m.key)].append(m)
    head_mentions = [m for m in a.mentions if m.end <= he]
    for (label, key), body in groups.items():
        if label in ("WEEKDAY", "MONTH"):
            continue
        hm = next((h for h in head_mentions if h.label == label and h.key == key), None)
        h_span: tuple[int, int] | None = (hm.start, hm.end) if hm else None
        if h_span is None:
            forms = {m.text for m in body}
            if label == "PERSON":
                forms |= {m.text.split()[-1] for m in body}
            for form in sorted(forms, key=len, reverse=True):
                if len(form) < 2:
                    continue
                found = re.search(r"(?<![\w'])" + re.escape(form) + r"(?![\w])", htext)
                if found:
                    h_span = (hs + found.start(), hs + found.end())
                    break
        if h_span is None:
            continue
        h_text = a.text[h_span[0] : h_span[1]]
        body_spans = [(m.start, m.end) for m in body]
        first = body[0]
        opts = _entity_options(a, first, a.sent_text(first.sent) + " " + htext)
        out.append(
            Candidate(
                "headline_vs_body",
                first.start,
                first.end,
                first.text,
                tuple(opts),
                (h_span, *body_spans[1:]),
                2 if len(body) >= 2 else 1,
                f"body {label}",
            )
        )
        if len(body) >= 2:
            pseudo = _Mention(label, h_span[0], h_span[1], h_text, key, 0, 0, 0, len(h_text.split()))
            h_opts = _entity_options(a, pseudo, htext)
            out.append(
                Candidate(
                    "headline_vs_body",
                    h_span[0],
                    h_span[1],
                    h_text,
                    tuple(h_opts),
                    tuple(body_spans),
                    2,
                    f"headline {label}",
                )
            )
    # numbers shared by the headline and the body
    head_q = [q for q, _ in a.quantities if hs <= q.start and q.end <= he]
    body_q = [q for q, _ in a.quantities if a.in_body(q.start)]
    for hq in head_q:
        same = [
            q
            for q in body_q
            if q.unit == hq.unit
            and abs(q.value - hq.value) < 1e-9 * max(1.0, abs(q.value))
            and q.maybe_year == hq.maybe_year
        ]
        if not same:
            continue
        first = same[0]
        out.append(
            Candidate(
                "headline_vs_body",
                first.start,
                first.end,
                first.literal,
                tuple(_number_options(first)),
                ((hq.full_start, hq.full_end), *((q.full_start, q.full_end) for q in same[1:])),
                2 if len(same) >= 2 else 1,
                "body number",
            )
        )
        if len(same) >= 2:
            out.append(
                Candidate(
                    "headline_vs_body",
                    hq.start,
                    hq.end,
                    hq.literal,
                    tuple(_number_options(hq)),
                    tuple((q.full_start, q.full_end) for q in same),
                    2,
                    "headline number",
                )
            )
    return out


# ---------------------------------------------------------------------- slot_conflict


def _slot_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    groups: dict[tuple[str, ...], list[tuple[int, int, str, int, Any]]] = defaultdict(list)
    for m in a.mentions:
        if a.in_body(m.start):
            groups[("E", m.label, m.key)].append((m.start, m.end, m.text, m.sent, m))
    for q, sent in a.quantities:
        if a.in_body(q.start):
            groups[("Q", q.unit, f"{q.value:.6g}", str(q.maybe_year))].append((q.start, q.end, q.literal, sent, q))
    for key, items in groups.items():
        if len({it[3] for it in items}) < 2:
            continue
        sigs = [_signature(a, it[0], it[1]) for it in items]
        for i, it in enumerate(items):
            if i == 0:
                continue
            agree = [j for j, other in enumerate(items) if other[3] != it[3] and sigs[i] & sigs[j]]
            if not agree:
                continue
            best = max(len(sigs[i] & sigs[j]) for j in agree)
            strength = (2 if best >= 2 else 1) + (1 if len(agree) >= 2 else 0)
            obj = it[4]
            opts = _entity_options(a, obj, a.sent_text(it[3])) if key[0] == "E" else _number_options(obj)
            evidence = tuple((items[j][0], items[j][1]) for j in agree)
            out.append(
                Candidate("slot_conflict", it[0], it[1], it[2], tuple(opts), evidence, strength, f"value {key[1]}")
            )
    # a person's title stated twice
    by_person: dict[str, list[_Role]] = defaultdict(list)
    for r in a.roles:
        if a.in_body(r.start):
            by_person[r.person].append(r)
    for person, roles in by_person.items():
        for i, r in enumerate(roles):
            same = [o for o in roles[:i] + roles[i + 1 :] if o.norm == r.norm and o.sent != r.sent]
            if not same or i == 0:
                continue
            opts = [_title_like(r.text, o.text) for o in a.roles if o.person != person and o.norm != r.norm]
            if not opts:
                opts = [_title_like(r.text, p) for p in lex.ROLE_POOL if p != r.norm]
            out.append(
                Candidate(
                    "slot_conflict",
                    r.start,
                    r.end,
                    r.text,
                    tuple(opts),
                    tuple((o.start, o.end) for o in same),
                    3,
                    "title",
                )
            )
    return out
