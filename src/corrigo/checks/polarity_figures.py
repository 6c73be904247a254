"""A direction verb against its own figures.

Reads a rise/fall verb with a "from" and a "to" figure it governs ("sales rose from $10.9bn to
$9.1bn", "fell to 1.5 million from a peak of seven million") and flags the verb when the
figures, in the same unit, go the other way; signed figures below zero count ("cut from
-0.25% to -0.75%" goes down). Years, dates and ranks are not figures.
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.analyse import Analysis
from corrigo.analysis.lexicon import inflect
from corrigo.analysis.numbers import parse_quantity
from corrigo.checks.base import contradiction
from corrigo.checks.polarity_fix import match_case
from corrigo.model import Finding, FindingKind

__all__ = ["direction_against_figures"]


_UP = {"rise", "increase", "grow", "climb", "jump", "soar", "surge", "raise", "boost"}
_FLIP_DIRECTION = {
    "rise": "fall",
    "increase": "decrease",
    "grow": "shrink",
    "climb": "fall",
    "jump": "fall",
    "soar": "plunge",
    "surge": "fall",
    "raise": "cut",
    "boost": "cut",
    "fall": "rise",
    "drop": "rise",
    "decrease": "increase",
    "shrink": "grow",
    "slump": "rise",
    "plunge": "soar",
    "tumble": "rise",
    "cut": "raise",
    "lower": "raise",
    "reduce": "increase",
    "decline": "rise",
}


def direction_against_figures(analysis: Analysis) -> list[Finding]:
    """ "sales rose from $10.9bn to $9.1bn": the verb's direction disagrees with its own figures."""
    out = []
    for sentence in analysis.sentences:
        for verb in sentence.tokens:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in _FLIP_DIRECTION or any(c.dep_ == "neg" for c in verb.children):
                continue
            figures = _from_to(verb)
            if figures is None:
                continue
            start, end, start_text, end_text = figures
            if (end > start) == (lemma in _UP) or end == start:
                continue
            span = analysis.token_span(sentence, verb)
            suggestion = match_case(span.text, inflect(_FLIP_DIRECTION[lemma], verb.tag_))
            out.append(
                contradiction(
                    FindingKind.POLARITY,
                    span,
                    sentence,
                    [],
                    f"The figures go from {start_text} to {end_text}, so {span.text!r} "
                    "has the direction the wrong way round.",
                    suggestion,
                    0.8,
                )
            )
    return out


def _from_to(verb: Any) -> tuple[float, float, str, str] | None:
    """The values after "from" and "to" governed by ``verb`` (not years, dates or ranks).

    "rose to $935.8m from $648.4m", "fell from a peak of seven million to just 1.5 million".
    """
    values: dict[str, tuple[float, str | None, str, str]] = {}
    preps = [t for t in verb.subtree if t.lower_ in ("from", "to") and _governing_verb(t) == verb.i]
    for p in preps:
        if p.lower_ in values:
            continue
        figure = _figure(_figure_after(p))
        if figure is None:
            return None
        values[p.lower_] = figure
    if set(values) != {"from", "to"}:
        return None
    (a, unit_a, word_a, text_a), (b, unit_b, word_b, text_b) = values["from"], values["to"]
    if unit_a != unit_b or word_a != word_b:
        return None
    return a, b, text_a, text_b


def _governing_verb(tok: Any) -> int:
    node = tok.head
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node.i
        node = node.head
    return -1


def _numeric(tok: Any) -> bool:
    return tok.like_num or any(ch.isdigit() for ch in tok.text) or tok.lower_.rstrip(".") in _SCALE_WORDS


def _figure(toks: list[Any]) -> tuple[float, str | None, str, str] | None:
    """A figure as (value, currency or percent, unit word, text): "$935.8m", "12%", "5 pence"."""
    if not toks or any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") for t in toks):
        return None
    last = max((k for k, t in enumerate(toks) if _numeric(t)), default=-1)
    if last < 0:
        return None
    unit_words = [t.lower_ for t in toks[last + 1 :]]
    if unit_words[:1] in (["%"], ["percent"]) or unit_words[:2] == ["per", "cent"]:
        last += 2 if unit_words[:1] == ["per"] else 1
        unit_words = []
    raw = toks[0].doc[toks[0].i : toks[last].i + 1].text.rstrip(".")
    sign = -1.0 if _negative(toks[0]) else 1.0
    q = parse_quantity(raw.lstrip(_MINUS + " "))
    if q is None or (q.unit is None and 1900 <= q.value <= 2100):
        return None
    start = toks[0].i - 1 if toks[0].i > 0 and toks[0].doc[toks[0].i - 1].lower_ in _MINUS_WORDS else toks[0].i
    text = toks[0].doc[start : toks[-1].i + 1].text.rstrip(".")
    return sign * q.value, q.unit, " ".join(unit_words), text


_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash: "-0.75%", "\u22120.1%"
_MINUS_WORDS = {"minus", "negative"}


def _negative(first: Any) -> bool:
    """A figure below zero: "-0.75%", "\u22120.1%", "minus 1.25%", "negative 0.5%". A rate cut from
    -0.25% to -0.75% goes down, as its verb says."""
    if first.text[:1] in _MINUS and first.text[1:2].isdigit():
        return True
    prev = first.doc[first.i - 1] if first.i > 0 else None
    if prev is None:
        return False
    if prev.lower_ in _MINUS_WORDS:
        return True
    return prev.text in _MINUS and prev.idx + len(prev.text) == first.idx


_SCALE_WORDS = {"m", "bn", "k", "tn", "million", "billion", "trillion", "thousand", "hundred", "mn"}
_LEVEL_NOUNS = {"peak", "high", "low", "record", "level", "total", "figure"}
_FIGURE_LEAD = {"a", "an", "the", "just", "only", "some", "its", "their"}


def _in_figure(tok: Any) -> bool:
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in ("to", "from"):
        return False
    if tok.text in ("$", "£", "€", "%") or tok.lower_.rstrip(".") in _SCALE_WORDS:
        return True
    return tok.pos_ not in ("ADP", "PUNCT", "VERB", "AUX", "CCONJ", "SCONJ", "PRON")


def _figure_after(prep: Any) -> list[Any]:
    """The words of the figure after a preposition, up to the next preposition, verb or comma;
    "a peak of seven million" gives "seven million"."""
    doc = prep.doc
    out: list[Any] = []
    i = prep.i + 1
    while i < len(doc) and (_in_figure(doc[i]) or (not out and doc[i].lower_ in _MINUS_WORDS)):
        if not out and doc[i].lower_ in _FIGURE_LEAD | _MINUS_WORDS:
            i += 1
            continue
        out.append(doc[i])
        i += 1
    if out and out[-1].lemma_.lower() in _LEVEL_NOUNS and i < len(doc) and doc[i].lower_ == "of":
        return _figure_after(doc[i])
    return out
