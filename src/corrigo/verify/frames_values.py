"""Argument values: what one token of a frame stands for — an entity, a figure, a date or a noun.

A name becomes its entity, "it" or "the group" the entity it refers to, a number or date entity a
parsed figure or period, and a common noun a noun class with its modifiers, owner and the other
names the text gives it ("the office, its regional hub").
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.analysis.dates import resolve_date
from corrigo.analysis.facts import resolve_reference
from corrigo.analysis.numbers import parse_quantity
from corrigo.analysis.places import is_region
from corrigo.model import Entity, Span
from corrigo.verify.frames_types import Value, ValueKind, period
from corrigo.verify.lexicon import noun_class

_FAMILY = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "norp"}
_NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_SKIP_LABELS = {"ORDINAL", "TIME"}
_RELATIVE = {"which", "that", "who", "whom", "whose"}
_ALIAS_VERBS = {"be", "serve", "act", "function", "double"}


def _entity(an: Analysis, sent: Sentence, tok: Any) -> Entity | None:
    start = sent.offset + tok.idx
    return an.entity_at(start, start + len(tok.text))


def _value(an: Analysis, sent: Sentence, tok: Any) -> Value | None:
    ent = _entity(an, sent, tok)
    if ent is not None:
        if ent.label == "DATE":
            value = _date_value(an, ent)
            if value is None:
                # "on Tuesday, 30 June 2020": the weekday heads the phrase, the date is its apposition.
                for c in tok.children:
                    inner = _entity(an, sent, c) if c.dep_ == "appos" else None
                    if inner is not None and inner.label == "DATE":
                        return _date_value(an, inner)
            return value
        if ent.label in _NUMBER_LABELS:
            return _number_value(an, ent)
        if ent.label in _SKIP_LABELS:
            return None
        family = _FAMILY.get(ent.label)
        if family is not None:
            region = family == "place" and is_region(ent.span.text)
            return Value(ValueKind.ENTITY, ent.key, ent.span, family=family, region=region, named=True)
    if tok.pos_ == "PRON" or (tok.pos_ == "NOUN" and _definite(tok)):
        key = resolve_reference(an, sent, tok)
        if key is not None and ":" in key and not key.startswith("np:") and _may_stand_for(tok, key):
            family = key.split(":", 1)[0]
            return Value(ValueKind.ENTITY, key, an.token_span(sent, tok), literal=False, family=family)
        if tok.pos_ == "PRON":
            return None
    if tok.pos_ == "NUM":
        q = parse_quantity(tok.text)
        if q is not None:
            return Value(ValueKind.NUMBER, tok.text, an.token_span(sent, tok), quantity=q)
        return None
    if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.dep_ == "appos"):
        return _noun_value(an, sent, tok, aliases=True)
    return None


# Nouns that stand for whichever organisation the story is about ("the group said").
_GENERIC_ORG_NOUNS = {"group", "company", "firm", "organisation", "organization", "business", "charity", "movement"}


def _may_stand_for(tok: Any, key: str) -> bool:
    """Whether a pronoun or "the <noun>" may be read as the entity ``key``: a pronoun may; "the
    bank" only for a name with "bank" in it ("Harbour Bank"), or "the group" for any organisation;
    "the city" for a place. "The council" is not whichever organisation was named last."""
    if tok.pos_ == "PRON":
        return True
    lemma = tok.lemma_.lower()
    family, _, name = key.partition(":")
    if lemma in name.split():
        return True
    if family == "org":
        return lemma in _GENERIC_ORG_NOUNS
    return family == "place" and lemma in ("city", "town", "country", "territory", "capital")


def _date_value(an: Analysis, ent: Entity) -> Value | None:
    resolved = resolve_date(ent.span.text, an.article.date)
    if resolved is None:
        return None
    return Value(ValueKind.DATE, ent.span.text, ent.span, period=period(resolved))


def _number_value(an: Analysis, ent: Entity) -> Value | None:
    # The tagger often leaves the currency sign or the "m"/"bn" outside the entity ("£499m").
    text = an.article.text
    s, e = ent.span.start, ent.span.end
    if s > 0 and text[s - 1] in "$£€¥":
        s -= 1
    for suffix in ("bn", "m", "k"):
        if text[e : e + len(suffix)].lower() == suffix and not text[e + len(suffix) : e + len(suffix) + 1].isalpha():
            e += len(suffix)
            break
    q = parse_quantity(text[s:e])
    if q is None:
        return None
    return Value(ValueKind.NUMBER, text[s:e], Span.of(text, s, e), quantity=q)


def _definite(tok: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children) or any(
        c.dep_ == "poss" for c in tok.children
    )


def _noun_value(an: Analysis, sent: Sentence, tok: Any, aliases: bool) -> Value:
    quals: set[str] = set()
    owner = None
    named = False
    for c in tok.children:
        if c.dep_ == "poss":
            owner = resolve_reference(an, sent, c)
        elif c.dep_ in ("compound", "amod", "nmod"):
            ent = _entity(an, sent, c)
            if ent is not None and ent.label in ("GPE", "FAC"):
                continue  # a place before the noun says where it is: a LOC argument
            if ent is not None and ent.label == "ORG":
                owner = owner or ent.key  # "the Amnesty office"
                continue
            if ent is not None:
                quals.add(normalise_name(ent.span.text))  # "its Asia-Pacific hub"
                named = named or ent.label not in ("LOC", "NORP", "DATE", "CARDINAL", "ORDINAL")
                continue
            named = named or c.pos_ == "PROPN"  # "the Kerrigan bridge"
            quals.update(t.lemma_.lower() for t in c.subtree if t.pos_ not in ("PUNCT", "DET", "PART", "NUM"))
        elif c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                ent = _entity(an, sent, p) if p.dep_ == "pobj" else None
                if ent is not None and ent.label == "ORG":
                    owner = owner or ent.key
    lemma = tok.lemma_.lower()
    return Value(
        ValueKind.NOUN,
        noun_class(lemma),
        _np_span(an, sent, tok),
        quals=frozenset(quals),
        owner=owner,
        aliases=_aliases(an, sent, tok) if aliases else (),
        definite=_definite(tok),
        plural=tok.tag_ in ("NNS", "NNPS"),
        named=named,
    )


def _np_span(an: Analysis, sent: Sentence, tok: Any) -> Span:
    """The noun with its pre-modifiers ("the national security law")."""
    left = [t for t in tok.lefts if t.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod")]
    first = min((t.left_edge for t in left), key=lambda t: t.i, default=tok)
    return an.token_span(sent, first, tok)


def _aliases(an: Analysis, sent: Sentence, tok: Any) -> tuple[Value, ...]:
    """What the text also calls the noun: an apposition ("its regional office, the group's hub"),
    or a relative clause "which served as / which is X" — also when the parser hung that clause on
    the place after the noun ("the office in Hong Kong, which served as the group's hub")."""
    hosts = [tok]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            hosts.extend(p for p in c.children if p.dep_ == "pobj")
    out: list[Value] = []
    for host in hosts:
        for c in host.children:
            if host is tok and c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN", "ADJ"):
                out.append(_noun_value(an, sent, c, aliases=False))
            elif c.dep_ == "relcl" and c.lemma_.lower() in _ALIAS_VERBS:
                if not any(s.dep_ == "nsubj" and s.lower_ in _RELATIVE for s in c.children):
                    continue
                for d in c.children:
                    if d.dep_ in ("attr", "acomp") and d.pos_ == "NOUN":
                        out.append(_noun_value(an, sent, d, aliases=False))
                    elif d.dep_ == "prep" and d.lower_ == "as":
                        out.extend(_noun_value(an, sent, p, aliases=False) for p in d.children if p.dep_ == "pobj")
    return tuple(out)
