"""Slot facts: who/what, which slot, which value — read off the dependency parse.

A fact says, for example, that the subject ``org:amnesty international`` fills the slot
``base`` with the value ``place:london`` at a given span. The slot checks compare facts that
share a subject and a slot; a slot holds one value at a time (an organisation has one
headquarters, a person one title in a story), so two values are a contradiction to explain.

The patterns are the ways news copy states these slots, not the words of any one article:
"London-based X", "X, based in London", "its headquarters in Paris", "its Paris headquarters",
"its departure from Lagos", "left the city", "NAME, the group's secretary-general",
"opposition leader NAME", "founded in 1976".

The fact record and reference resolution live in :mod:`corrigo.analysis.facts_refs`, the title
patterns in :mod:`corrigo.analysis.facts_roles`; this module runs them all over an analysis.
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.analysis.facts_refs import (
    Fact,
    _entity,
    _fact,
    _owner,
    _place_value,
    _pobj,
    _subject_of,
    noun_key,
    resolve_reference,
)
from corrigo.analysis.facts_roles import TITLE_HEADS, _roles

__all__ = ["Fact", "extract_facts", "resolve_reference", "TITLE_HEADS"]

_HQ_NOUNS = {"headquarters", "headquarter", "hq"}
_LEAVE_VERBS = {"leave", "quit", "exit", "vacate", "abandon"}
_LEAVE_NOUNS = {"departure", "exit", "withdrawal", "pullout", "retreat", "exodus"}
_LEAVE_FROM_VERBS = {"withdraw", "depart", "retreat", "pull", "move", "relocate"}
_CLOSE_VERBS = {"close", "shut", "shutter", "vacate"}
_START_VERBS = {"found", "establish", "set", "create", "launch", "form", "open", "start", "build"}


def extract_facts(analysis: Analysis) -> list[Fact]:
    """Every slot fact the patterns find, in text order."""
    facts: list[Fact] = []
    for sentence in analysis.sentences:
        for tok in sentence.tokens:
            lemma = tok.lemma_.lower()
            low = tok.lower_
            if low in ("based", "headquartered"):
                facts.extend(_based(analysis, sentence, tok))
            elif lemma in _HQ_NOUNS or low in _HQ_NOUNS:
                facts.extend(_headquarters(analysis, sentence, tok))
            if tok.pos_ in ("VERB", "AUX") and lemma in _LEAVE_VERBS:
                facts.extend(_leave_verb(analysis, sentence, tok))
            elif tok.pos_ == "NOUN" and lemma in _LEAVE_NOUNS:
                facts.extend(_from_place(analysis, sentence, tok, ("from", "of")))
            elif tok.pos_ == "VERB" and lemma in _LEAVE_FROM_VERBS:
                facts.extend(_from_place(analysis, sentence, tok, ("from",), out_of=True))
            if tok.pos_ == "VERB" and lemma in _START_VERBS:
                facts.extend(_started(analysis, sentence, tok))
        facts.extend(_roles(analysis, sentence))
    return facts


# ---------------------------------------------------------------------------------------------
# the patterns


def _based(analysis: Analysis, sentence: Sentence, tok: Any) -> list[Fact]:
    out = []
    subject_tok = tok.head if tok.dep_ in ("amod", "acl", "compound") else None
    subject = (
        resolve_reference(analysis, sentence, subject_tok)
        if subject_tok is not None
        else _subject_of(analysis, sentence, tok)
    )
    # "Hong Kong-based Amnesty": the place hangs off "based" as npadvmod/compound.
    for c in tok.children:
        if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < tok.i:
            value = _place_value(analysis, sentence, c, typed=True)
            first = min(c.subtree, key=lambda t: t.i)
            f = _fact(analysis, sentence, subject, "base", value, "GPE", first, tok)
            if f:
                out.append(f)
    for prep, pobj in _pobj(tok, ("in",)):
        f = _fact(analysis, sentence, subject, "base", _place_value(analysis, sentence, pobj), "GPE", tok, prep)
        if f:
            out.append(f)
    return out


def _qualifier(analysis: Analysis, sentence: Sentence, noun: Any, value_tok: Any | None) -> str:
    """Words that say which headquarters: "Asia-Pacific", "regional", "new", "European"."""
    words = []
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and (value_tok is None or c.i != value_tok.i):
            words.append(" ".join(t.lower_ for t in c.subtree if t.pos_ != "PUNCT"))
    return normalise_name(" ".join(words))


def _headquarters(analysis: Analysis, sentence: Sentence, noun: Any) -> list[Fact]:
    out = []
    owner = _owner(analysis, sentence, noun)
    places = []
    # "headquarters in Paris", or "close its headquarters in Paris" where "in" hangs off the verb
    holders = [noun]
    if noun.dep_ in ("dobj", "nsubjpass", "nsubj") and noun.head.pos_ in ("VERB", "AUX"):
        holders.append(noun.head)
    for holder in holders:
        for prep, pobj in _pobj(holder, ("in",)):
            value = _place_value(analysis, sentence, pobj, typed=holder.i == noun.i)
            if value is not None:
                places.append((noun, prep, value, None))
    # "its Paris headquarters" (a city or country); a region before the noun ("its Asia-Pacific
    # headquarters", "its European headquarters") says which headquarters, not where.
    if not places:
        for c in noun.children:
            if c.dep_ in ("compound", "nmod"):
                ent = _entity(analysis, sentence, c)
                value = _place_value(analysis, sentence, c, typed=True)
                if value is not None and (ent is None or ent.label != "LOC"):
                    places.append((c, noun, value, c))
    qualifier = None
    for first, last, value, value_tok in places:
        if qualifier is None:
            qualifier = _qualifier(analysis, sentence, noun, value_tok)
        slot = "base:" + qualifier if qualifier else "base"
        lo, hi = sorted((first, last), key=lambda t: t.i)
        f = _fact(analysis, sentence, owner, slot, value, "GPE", lo, hi)
        if f:
            out.append(f)
            # Closing one's headquarters in a place is leaving that place.
            if noun.head.lemma_.lower() in _CLOSE_VERBS and noun.dep_ == "dobj":
                out.append(Fact(f.subject, "leave", f.value, f.value_key, "GPE", sentence, f.context))
    return out


def _leave_verb(analysis: Analysis, sentence: Sentence, verb: Any) -> list[Fact]:
    out = []
    for c in verb.children:
        if c.dep_ == "dobj":
            value = _place_value(analysis, sentence, c)
            if value is not None:
                f = _fact(analysis, sentence, _subject_of(analysis, sentence, verb), "leave", value, "GPE", verb, verb)
                if f:
                    out.append(f)
    return out


def _from_place(analysis: Analysis, sentence: Sentence, tok: Any, preps: tuple[str, ...], out_of: bool = False):
    out = []
    pairs = _pobj(tok, preps)
    if out_of:
        # "pulled out of Kenya", "moved out of the city"
        for c in tok.children:
            if c.dep_ == "prt" and c.lower_ == "out":
                pairs += _pobj(tok, ("of",))
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        pairs += [(p, q) for q in p.children if q.dep_ == "pobj"]
        if tok.lemma_.lower() in ("move", "relocate", "pull"):
            pairs = [(p, o) for p, o in pairs if p.lower_ != "from" or _has_to(tok)]
    subject = _owner(analysis, sentence, tok) if tok.pos_ == "NOUN" else _subject_of(analysis, sentence, tok)
    for prep, pobj in pairs:
        value = _place_value(analysis, sentence, pobj)
        f = _fact(analysis, sentence, subject, "leave", value, "GPE", tok, prep)
        if f:
            out.append(f)
    return out


def _has_to(tok: Any) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def _started(analysis: Analysis, sentence: Sentence, verb: Any) -> list[Fact]:
    """ "founded in 1976", "set up its regional hub in 1976" -> start year of the founder's thing."""
    from corrigo.analysis.dates import resolve_date

    lemma = verb.lemma_.lower()
    if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return []
    out = []
    for prep, pobj in _pobj(verb, ("in",)):
        ent = _entity(analysis, sentence, pobj)
        if ent is None or ent.label != "DATE":
            continue
        date = resolve_date(ent.span.text, analysis.article.date)
        if date is None:
            continue
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if verb.dep_ in ("acl", "amod") and obj is None:
            obj = verb.head  # "the club, founded in 1902,"
            subject = resolve_reference(analysis, sentence, obj) or noun_key(obj)
        else:
            subject = (
                _subject_of(analysis, sentence, verb)
                if obj is None or obj.dep_ == "dobj"
                else (resolve_reference(analysis, sentence, obj))
            )
        thing = obj.lemma_.lower() if obj is not None and obj.pos_ == "NOUN" and obj.dep_ == "dobj" else ""
        if subject is None:
            continue
        out.append(
            Fact(
                subject,
                "start:" + thing,
                ent.span,
                str(date.year),
                "DATE",
                sentence,
                analysis.token_span(sentence, verb, prep),
            )
        )
    return out
