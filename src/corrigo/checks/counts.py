"""A definite count that points back to a count the article gave differently.

"A two-judge bench ... heard the case. The three-judge bench gave the city six months": "the"
says the bench is the one already mentioned, so its size must be the size given before. Only
definite mentions are judged ("the", "this", "all", a possessive), and only when every other
mention of that kind of thing gives one and the same other number.

A mention points back only to what was said before it, and only to a thing it describes no more
narrowly than that was described: "the 14-day quarantine period" early in a story does
not refer to "a 60-day period of extra border checks" that comes later (it is another period).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.numbers import parse_number
from corrigo.checks.base import contradiction, quote
from corrigo.model import Finding, FindingKind, Span

__all__ = ["count_findings"]

# Possessives are not enough: "its 10-year run" and "its six-year run" can be two shows' runs.
_DEFINITE = {"the", "this", "that", "these", "those", "all"}
# Nouns and verbs of change, by direction: "a 6-point increase" and "a 7-point rise" measure one thing.
_CHANGE = {w: "rise" for w in ("rise", "increase", "raise", "hike", "jump", "gain", "growth", "climb", "boost")}
_CHANGE.update({w: "fall" for w in ("fall", "decrease", "cut", "drop", "decline", "reduction", "reduce", "lower")})
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


@dataclass(frozen=True, slots=True)
class _Count:
    value: float
    span: Span
    signature: tuple[str, ...]
    definite: bool
    sentence: Sentence
    described: frozenset[str]  # what else the noun phrase says of the thing: "quarantine", "checks"


def _counts(analysis: Analysis) -> list[_Count]:
    out = []
    for sentence in analysis.sentences:
        for tok in sentence.tokens:
            if tok.dep_ != "nummod" or not tok.like_num:
                continue
            value = parse_number(tok.text)
            if value is None:
                continue
            noun = tok.head
            signature: tuple[str, ...] = (noun.lemma_.lower(),)
            hyphenated = (
                noun.dep_ == "compound"
                and noun.head.pos_ == "NOUN"
                and any(t.text == "-" for t in noun.doc[tok.i : noun.i])
            )
            if hyphenated:  # "three-judge bench": the count belongs to the bench's kind
                noun = noun.head
                signature = (signature[0], _CHANGE.get(noun.lemma_.lower(), noun.lemma_.lower()))
            elif noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.head.lemma_.lower() in _CHANGE:
                # "raise contributions by 6 percentage points" is a 6-point rise
                signature = (signature[0], _CHANGE[noun.head.head.lemma_.lower()])
            definite = any(c.dep_ in ("det", "poss", "predet") and c.lower_ in _DEFINITE for c in noun.children)
            span = analysis.token_span(sentence, tok)
            out.append(_Count(value, span, signature, definite, sentence, _described(noun, tok.head)))
    return out


def count_findings(analysis: Analysis) -> list[Finding]:
    groups: dict[tuple[str, ...], list[_Count]] = defaultdict(list)
    for c in _counts(analysis):
        groups[c.signature].append(c)
    findings = []
    for signature, group in groups.items():
        if len(signature) < 2:
            continue  # plain "16 people": too many different groups of people in one story
        for c in group:
            others = [o for o in group if o is not c]
            if not others or any(o.value == c.value for o in others):
                continue
            values = {o.value for o in others}
            if len(values) != 1:
                continue
            # Either this mention says "the" (it points back), or the other value is stated more
            # than once with a "the" among its mentions ("the 6-point increase" twice, "a 7-point rise").
            if not (c.definite or (len(others) >= 2 and any(o.definite for o in others))):
                continue
            if c.definite and not any(o.span.start < c.span.start for o in others):
                continue  # nothing before it for "the" to point back to
            if not c.described <= frozenset().union(*(o.described for o in others)):
                continue  # "the quarantine period" is not "a period of checks"
            right = others[0]
            findings.append(
                contradiction(
                    FindingKind.SLOT,
                    c.span,
                    c.sentence,
                    [quote(o.sentence.span, o.span, analysis.article.text) for o in others],
                    f"'{c.span.text}-{signature[0]} {signature[1]}' refers back to the {right.span.text}-"
                    f"{signature[0]} {signature[1]} the article described before.",
                    _like(c.span.text, right.value),
                    0.7,
                )
            )
    return findings


# Words that mark a mention as the one before rather than describe it.
_ANAPHORIC = {"same", "whole", "entire", "full", "said"}


def _described(noun, counted) -> frozenset[str]:
    """Content words that narrow ``noun`` beyond its count: its compound and adjective modifiers
    after the counted word ("the strict 14-day *quarantine* period" -> strict, quarantine) and
    the nouns of an "of" phrase ("period of heightened *surveillance*")."""
    words = set()
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and c.i > counted.i or (c.dep_ == "amod" and c.i < counted.i):
            if c.is_alpha and c.lower_ not in _ANAPHORIC:
                words.add(c.lemma_.lower())
        elif c.dep_ == "prep" and c.lower_ == "of":
            words.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"))
    return frozenset(words)


def _like(written: str, value: float) -> str:
    """Write ``value`` the way ``written`` was written: a word for a word, digits for digits."""
    n = int(value) if value == int(value) else value
    if written.isalpha() and isinstance(n, int) and 0 <= n < len(_WORDS):
        word = _WORDS[n]
        return word.capitalize() if written[:1].isupper() else word
    return str(n)
