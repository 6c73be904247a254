"""The titles an article gives to named people, read for the attribution rules.

Reads the role written with a name into a :class:`Role`: a premodifying title ("Committee
chair Rhian Davies", "Labour Minister Paula Errazuriz"), an apposition ("Ines Carvalho, the
mayor"; "the club's president, Héctor Ibarra") or a relative clause ("Alun Morgan, who chairs
the committee"), with its head word, its modifiers, whether it is definite, and the
organisations it names ("a spokesman for Acme"). Past, future and stand-in roles ("former",
"acting") are not read. :func:`same_role` decides whether two roles are one title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.facts import TITLE_HEADS
from corrigo.model import Span

__all__ = ["RANKS", "Role", "role_of", "same_role"]


# Verbs of a relative clause that give a role: "who chairs the committee".
_ROLE_VERBS = {
    "chair": "chair",
    "head": "head",
    "lead": "leader",
    "run": "head",
    "manage": "manager",
    "coach": "coach",
    "captain": "captain",
    "govern": "governor",
    "own": "owner",
    "found": "founder",
}
_HEAD_SYNONYMS = {
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "ceo": "executive",
    "boss": "head",
}
# A role with one of these is a past, future or stand-in role: never compared.
_NOT_NOW = {
    "former",
    "ex",
    "late",
    "then",
    "acting",
    "interim",
    "outgoing",
    "incoming",
    "future",
    "caretaker",
    "elect",
    "designate",
    "would-be",
    "previous",
    "new",
}
# Ranks within a title: "deputy mayor" is not "the mayor".
RANKS = {
    "deputy",
    "vice",
    "assistant",
    "shadow",
    "junior",
    "co",
    "joint",
    "senior",
    "associate",
    "honorary",
    "chief",
    "head",
    "prime",
    "general",
    "executive",
    "managing",
    "lead",
    "principal",
    "second",
    "first",
}
# Titles whose bare form ("the minister") may stand for any of several ("the foreign minister").
_AMBIGUOUS_BARE = {
    "minister",
    "secretary",
    "president",
    "leader",
    "director",
    "officer",
    "executive",
    "spokesperson",
    "head",
    "manager",
    "member",
    "mp",
    "general",
    "commissioner",
    "official",
    "chief",
    "ambassador",
    "analyst",
    "economist",
    "lawyer",
    "senator",
    "councillor",
}
_TITLES = TITLE_HEADS | {
    "nurse",
    "prosecutor",
    "lawyer",
    "attorney",
    "spokesperson",
    "chair",
    "boss",
    "candidate",
    "councillor",
    "senator",
    "minister",
    "secretary",
}
_DROP_MODS = {"the", "a", "an", "'s", "’s", "'", "’", "of", "for", "at", "in", "on", "to", "and", "-"}


@dataclass(frozen=True, slots=True)
class Role:
    """A title given to a person in one sentence: "chair" of {"committee"}."""

    head: str
    mods: frozenset[str]
    definite: bool
    span: Span
    orgs: frozenset[str]  # keys of organisations named in the title ("a spokesman for Acme")
    org_spans: tuple[Span, ...]
    before: bool  # written before the name as part of it ("Chief executive Lucia Ferrand")


def role_of(analysis: Analysis, sentence: Sentence, name: Span, root: Any) -> Role | None:
    """The title given to the name at ``root``: before it, in apposition, or in a relative clause."""
    pre = _premodifier_role(analysis, sentence, name, root)
    if pre is not None:
        return pre
    for c in root.children:
        if c.dep_ == "appos" and _is_title(c):
            return _phrase_role(analysis, sentence, c, stop=None)
        if c.dep_ == "relcl":
            rel = _relative_role(analysis, sentence, c)
            if rel is not None:
                return rel
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and _is_title(root.head):
        return _phrase_role(analysis, sentence, root.head, stop=root)
    return None


def _is_title(tok: Any) -> bool:
    return _head_word(tok) in _TITLES or tok.lower_ in _TITLES


def _head_word(tok: Any) -> str:
    word = tok.lower_.split("-")[-1] if "-" in tok.lower_ else tok.lemma_.lower()
    return _HEAD_SYNONYMS.get(word, word)


def _premodifier_role(analysis: Analysis, sentence: Sentence, name: Span, root: Any) -> Role | None:
    """ "Committee chair Rhian Davies", "Labour Minister Paula Errazuriz", "Judges' chair Alistair Grant"."""
    first = next((t for t in sentence.tokens if sentence.offset + t.idx >= name.start), None)
    if first is None:
        return None
    run = []
    i = first.i - 1
    while i >= sentence.tokens.start:
        t = sentence.tokens.doc[i]
        in_phrase = t.pos_ in ("NOUN", "PROPN", "ADJ", "PART") and root in t.ancestors
        if (in_phrase and t.lower_ not in ("'", "’")) or (t.lower_ in ("'", "’") and t.dep_ == "case"):
            run.insert(0, t)
        else:
            break
        i -= 1
    while run and run[-1].pos_ == "PART":
        run.pop()
    if not run or not _is_title(run[-1]) or any(t.pos_ == "VERB" for t in run):
        return None
    return _make_role(analysis, sentence, run[-1], run, definite=True, before=True)


def _phrase_role(analysis: Analysis, sentence: Sentence, head: Any, stop: Any | None) -> Role | None:
    """A title phrase headed by ``head``, less relative clauses and the name itself."""
    cut = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    if stop is not None:
        cut |= {t.i for t in stop.subtree}
    toks = sorted(
        (t for t in head.subtree if t.i not in cut and t.pos_ != "PUNCT" or t.dep_ == "case"),
        key=lambda t: t.i,
    )
    run = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            break
        run.append(t)
    if not run:
        return None
    definite = not any(t.dep_ == "det" and t.lower_ in ("a", "an", "one", "another") for t in head.children)
    return _make_role(analysis, sentence, head, run, definite)


def _relative_role(analysis: Analysis, sentence: Sentence, verb: Any) -> Role | None:
    """ "who chairs the committee" -> chair of {committee}; "who leads the opposition group"."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return None
    if verb.lemma_.lower() in ("be", "become"):
        attr = next((c for c in verb.children if c.dep_ == "attr" and _is_title(c)), None)
        return None if attr is None else _phrase_role(analysis, sentence, attr, stop=None)
    head = _ROLE_VERBS.get(verb.lemma_.lower())
    if head is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    toks = sorted(obj.subtree, key=lambda t: t.i)
    who = next(c for c in verb.children if c.dep_ == "nsubj")
    span = analysis.token_span(sentence, who, toks[-1])
    mods = _mod_words(toks)
    orgs, org_spans = _orgs(analysis, span)
    return Role(head, mods, True, span, orgs, org_spans, before=False)


def _make_role(
    analysis: Analysis, sentence: Sentence, head: Any, run: list[Any], definite: bool, before: bool = False
) -> Role | None:
    words = {t.lower_ for t in run}
    if words & _NOT_NOW:
        return None
    span = analysis.token_span(sentence, run[0], run[-1])
    mods = _mod_words([t for t in run if t.i != head.i])
    orgs, org_spans = _orgs(analysis, span)
    return Role(_head_word(head), mods, definite, span, orgs, org_spans, before)


def _mod_words(toks: list[Any]) -> frozenset[str]:
    return frozenset(
        _HEAD_SYNONYMS.get(t.lemma_.lower(), t.lemma_.lower())
        for t in toks
        if t.lower_ not in _DROP_MODS
        and t.pos_ not in ("DET", "PUNCT", "PRON", "ADP", "NUM", "PART")
        and not t.like_num
        and t.lemma_.lower() not in ("year", "old", "aged")
    )


def _orgs(analysis: Analysis, span: Span) -> tuple[frozenset[str], tuple[Span, ...]]:
    ents = [e for e in analysis.entities_in(span) if e.label in ("ORG", "GPE", "NORP")]
    return frozenset(e.key for e in ents), tuple(e.span for e in ents)


def same_role(a: Role, b: Role) -> bool:
    """One title: same head and modifiers; or one bare ("the mayor") and the other a plain
    qualified form ("Lisbon mayor"), for titles whose bare form is not ambiguous."""
    if a.head != b.head:
        return False
    if a.mods == b.mods:
        return True
    if a.mods and b.mods:
        return False
    full = a.mods or b.mods
    return a.head not in _AMBIGUOUS_BARE and not (full & RANKS)
