"""The named people of an article, who speaks, and which names are one person.

Reads every named person mention (PERSON entities, and any name that carries a title even when
the tagger calls it an organisation) with the role given there and whether it is the subject of
a say-verb. The :class:`NameBook` decides who is who: a surname-only mention joins the one full
name with that surname (none when two share it), and writes a person's name in the form a
mention uses (full name or surname).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.checks.quotes_roles import Role, role_of
from corrigo.claims import SAY_VERBS
from corrigo.model import Span

__all__ = ["Mention", "NameBook", "person_mentions"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A named person at one place in the article, with the role given there (if any)."""

    person: str  # canonical full name, lower-case
    span: Span  # the name as written
    sentence: Sentence
    role: Role | None
    speaker: bool  # the subject of a say-verb


def person_mentions(analysis: Analysis) -> list[Mention]:
    """Every named person mention: PERSON entities, and any name that carries a title
    ("Committee chair Rhian Davies", even when the tagger calls it an organisation)."""
    out = []
    for sentence in analysis.sentences:
        for ent in analysis.entities_in(sentence.span):
            if ent.label not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            root = _root(sentence, ent.span)
            if root is None:
                continue
            role = role_of(analysis, sentence, ent.span, root)
            if ent.label != "PERSON" and (role is None or not _looks_like_name(ent.span.text)):
                continue
            person = normalise_name(ent.span.text)
            if not person:
                continue
            out.append(Mention(person, _name_span(analysis, ent.span), sentence, role, _is_speaker(root)))
    return out


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


def _name_span(analysis: Analysis, span: Span) -> Span:
    """The name without a leading "the" or trailing possessive."""
    text = span.text
    start, end = span.start, span.end
    if text.lower().startswith("the "):
        start += 4
    for tail in ("'s", "’s", "'", "’"):
        if analysis.article.text[start:end].endswith(tail):
            end -= len(tail)
            break
    return Span.of(analysis.article.text, start, end)


def _root(sentence: Sentence, span: Span) -> Any | None:
    toks = [t for t in sentence.tokens if span.start <= sentence.offset + t.idx < span.end]
    for t in toks:
        head_at = sentence.offset + t.head.idx
        if not (span.start <= head_at < span.end) or t.head.i == t.i:
            return t
    return None


def _is_speaker(root: Any) -> bool:
    """The name is the subject of a say-verb, directly or as the apposition of its subject."""
    node = root
    if node.dep_ == "appos":
        node = node.head
    return node.dep_ == "nsubj" and node.head.lemma_.lower() in SAY_VERBS


class NameBook:
    """Who is who: surname-only mentions join the one full name with that surname."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.full: dict[str, str] = {}
        by_surname: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if len(m.person.split()) > 1:
                by_surname[m.person.split()[-1]].add(m.person)
        self.by_surname = by_surname
        self.written: dict[str, Counter[str]] = defaultdict(Counter)
        for m in mentions:
            key = self.key(m.person)
            if key is not None:
                self.written[key][m.span.text] += 1

    def key(self, person: str) -> str | None:
        """The person's full name, or None when a surname could be either of two people."""
        if len(person.split()) > 1:
            return person
        fulls = self.by_surname.get(person, set())
        if len(fulls) > 1:
            return None
        return next(iter(fulls)) if fulls else person

    def related(self, a: str, b: str) -> bool:
        """Two keys that may be one person ("van dijk" / "pieter van dijk")."""
        wa, wb = set(a.split()), set(b.split())
        return wa <= wb or wb <= wa or a.split()[-1] == b.split()[-1]

    def as_written(self, key: str, like: Span) -> str:
        """The person's name in the form of ``like``: full name, or surname only."""
        forms = self.written.get(key) or Counter({key.title(): 1})
        multi = [f for f in forms if len(f.split()) > 1]
        if len(like.text.split()) > 1 and multi:
            return max(multi, key=lambda f: (forms[f], len(f)))
        single = [f for f in forms if len(f.split()) == 1]
        if single:
            return max(single, key=lambda f: forms[f])
        full = max(forms, key=lambda f: (forms[f], len(f)))
        return full.split()[-1] if len(like.text.split()) == 1 else full
