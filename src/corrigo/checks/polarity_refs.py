"""What the agent or theme of a polarity clause refers to.

Reads a noun phrase into a :class:`Ref`: an entity key when the analysis resolves one, and the
head lemma with its modifiers and numbers ("Lisbon city council", "the revised plan", "two
charges"). Pronouns that name no one ("they", "someone") stay unresolved; a theme pronoun
("rejected it") carries the nouns before it as possible antecedents. Whether two refs name
one thing is decided in :mod:`corrigo.checks.polarity_compare`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.facts import resolve_reference
from corrigo.analysis.lexicon import VERSION_WORDS

__all__ = ["Ref", "ref_of", "run_ref", "xcomp_ref"]


_UNRESOLVED_PRONOUNS = {"they", "them", "we", "us", "i", "me", "you", "one", "someone", "anyone", "everyone"}
_THEME_PRONOUNS = {"it", "them", "this", "that", "these", "those", "they"}
_MOD_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
_HEAD_CLASSES = {"charge": "accusation", "allegation": "accusation", "claim": "accusation"}


@dataclass(frozen=True, slots=True)
class Ref:
    """A noun phrase an agent or theme is: an entity key and/or a head lemma with its modifiers."""

    key: str | None
    head: str
    mods: frozenset[str]
    numbers: frozenset[str]
    pronoun: bool = False
    antecedents: tuple[Ref, ...] = ()


def run_ref(analysis: Analysis, sentence: Sentence, run: list[Any]) -> Ref:
    head = run[-1]
    start = sentence.offset + run[0].idx
    ent = analysis.entity_at(start, sentence.offset + head.idx + len(head.text))
    key = ent.key if ent is not None and ent.label in ("ORG", "PERSON", "GPE", "NORP") else None
    if head.pos_ == "PROPN":
        return Ref(key, head.lemma_.lower(), frozenset(), frozenset())
    mods = frozenset(t.lemma_.lower() for t in run[:-1] if t.is_alpha)
    return Ref(key, head.lemma_.lower(), mods, frozenset(t.text for t in run if t.like_num))


def ref_of(analysis: Analysis, sentence: Sentence, tok: Any, cache: dict, agent: bool = False) -> Ref:
    """What an agent or theme token refers to. Theme pronouns ("rejected it") carry the nouns
    before them (same and previous sentence) as possible antecedents."""
    ck = (sentence.index, tok.i, agent)
    if ck in cache:
        return cache[ck]
    low = tok.lower_
    if tok.pos_ == "PRON" and (low in _UNRESOLVED_PRONOUNS or (not agent and low in _THEME_PRONOUNS)):
        antecedents = () if agent else _antecedents(analysis, sentence, tok, cache)
        ref = Ref(None, low, frozenset(), frozenset(), pronoun=True, antecedents=antecedents)
    else:
        key = resolve_reference(analysis, sentence, tok)
        if key is None and tok.pos_ == "PRON":
            ref = Ref(None, low, frozenset(), frozenset(), pronoun=True)
        else:
            ref = _noun_ref(key, tok)
    cache[ck] = ref
    return ref


def _noun_ref(key: str | None, tok: Any) -> Ref:
    """A noun phrase's head and modifiers.

    A name's modifiers are titles ("Mr", "former chief executive"), not part of who it is, and
    are dropped. Words for an accusation ("charges", "allegations", "claims") are one head. A noun
    the tagger took for a participle right after the head ("a tsunami warning" read as "tsunami"
    + "warning"-ing) is taken back as the head.
    """
    if tok.pos_ == "PROPN":
        return Ref(key, tok.lemma_.lower(), _mods(tok) & VERSION_WORDS, _numbers(tok))
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if (
        nxt is not None
        and nxt.head.i == tok.i
        and nxt.dep_ in ("acl", "amod")
        and nxt.tag_ == "VBG"
        and not any(c.dep_ in ("dobj", "nsubj", "ccomp", "xcomp") for c in nxt.children)
    ):
        return Ref(key, nxt.lower_, _mods(tok) | {tok.lemma_.lower()}, _numbers(tok))
    head = tok.lemma_.lower()
    return Ref(key, _HEAD_CLASSES.get(head, head), _mods(tok), _numbers(tok))


def _mods(tok: Any) -> frozenset[str]:
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in _MOD_DEPS and c.pos_ not in ("PRON", "DET", "NUM", "PUNCT"):
            words.update(t.lemma_.lower() for t in c.subtree if t.is_alpha and t.pos_ not in ("DET", "PRON", "ADP"))
            words.update(t.lower_ for t in c.subtree if t.lower_ in VERSION_WORDS)
        elif c.dep_ == "acl":
            # "plans to write off debts" is not "plans for a finance facility"
            words.update(t.lemma_.lower() for t in c.subtree if t.is_alpha and t.pos_ in ("NOUN", "PROPN", "VERB"))
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "in", "from", "on"):
            words.update(
                t.lemma_.lower()
                for p in c.children
                if p.dep_ == "pobj" and p.pos_ != "PRON"
                for t in p.subtree
                if t.is_alpha and t.pos_ in ("NOUN", "PROPN", "ADJ")
            )
    return frozenset(words)


def _numbers(tok: Any) -> frozenset[str]:
    return frozenset(c.lower_ for c in tok.children if c.dep_ == "nummod" or (c.like_num and c.dep_ == "amod"))


def xcomp_ref(xcomp: Any) -> Ref:
    """ "agreed to sell the building" -> the action and its object."""
    objs = [c for c in xcomp.children if c.dep_ in ("dobj", "prt")]
    mods = frozenset(t.lemma_.lower() for o in objs for t in o.subtree if t.is_alpha and t.pos_ in ("NOUN", "PROPN"))
    return Ref(None, xcomp.lemma_.lower(), mods, frozenset())


def _antecedents(analysis: Analysis, sentence: Sentence, pron: Any, cache: dict) -> tuple[Ref, ...]:
    out = []
    prev = analysis.sentences[sentence.index - 1] if sentence.index > 0 else None
    pools = [(sentence, [t for t in sentence.tokens if t.i < pron.i])]
    if prev is not None and not prev.headline:
        pools.append((prev, list(prev.tokens)))
    for sent, toks in pools:
        for t in toks:
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "poss", "npadvmod", "nmod"):
                out.append(ref_of(analysis, sent, t, cache))
    return tuple(out)
