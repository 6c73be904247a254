"""Slips in words: a name or a quoted speaker swapped for another from the article, and a negation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corrigo.synth.slips_numbers import SlipCandidate

_SWAP_LABELS = ("PERSON", "ORG", "GPE", "LOC")
_QUOTE_RE = re.compile(r"\"[^\"\n]{12,}?\"|\u201c[^\u201d\n]{12,}?\u201d")
# Finite auxiliary/modal tags (Penn Treebank): grammar, not vocabulary.
_FINITE_TAGS = frozenset({"MD", "VBZ", "VBD", "VBP"})
# Contracted modal stems that spaCy splits off before "n't" (wo|n't, ca|n't, sha|n't).
_NT_STEMS = {"wo": "will", "ca": "can", "sha": "shall"}


# ---------------------------------------------------------------------- names


def _name_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Z][\w'-]+", text) if w.lower() != "the")


@dataclass(frozen=True)
class _Name:
    label: str
    start: int
    end: int
    text: str
    sent: int  # start token of the entity's sentence


def _names(doc: Any, labels: Sequence[str]) -> list[_Name]:
    """Named-entity mentions of ``labels``, without a possessive ending."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in labels or "\n" in ent.text:
            continue
        text = re.sub(r"['\u2019]s?$", "", ent.text).rstrip()
        if text:
            out.append(_Name(ent.label_, ent.start_char, ent.start_char + len(text), text, ent.sent.start))
    return out


def _group_names(doc: Any, labels: Sequence[str]) -> list[tuple[str, list[_Name]]]:
    """Mentions grouped into entities: same label and a shared capitalised word."""
    groups: list[tuple[str, list[_Name], set[str]]] = []
    for name in _names(doc, labels):
        words = _name_words(name.text)
        if not words:
            continue
        for label, mentions, keys in groups:
            if label == name.label and keys & words:
                mentions.append(name)
                keys |= words
                break
        else:
            groups.append((name.label, [name], set(words)))
    return [(label, mentions) for label, mentions, _ in groups]


def _pick_forms(mention: _Name, others: Sequence[_Name]) -> tuple[str, ...]:
    """Forms of another entity, named in another sentence, to put in place of ``mention``.

    Forms with the same word count come first.
    """
    n = len(mention.text.split())
    nearby = {o.text for o in others if o.sent == mention.sent}
    forms = [f for f in dict.fromkeys(o.text for o in others) if f not in nearby]
    same = [f for f in forms if len(f.split()) == n]
    return tuple(same or forms)


def _entity_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    groups = _group_names(doc, _SWAP_LABELS)
    out = []
    for gi, (label, mentions) in enumerate(groups):
        rivals = [m for gj, (lab, ms) in enumerate(groups) if gj != gi and lab == label for m in ms]
        if not rivals:
            continue
        for m in mentions:
            ev = tuple((o.start, o.end) for o in mentions if o is not m)
            out.append(SlipCandidate("entity", m.start, m.end, m.text, _pick_forms(m, rivals), ev, bool(ev)))
    return out


def _speaker_of(people: Sequence[_Name], say: Any) -> _Name | None:
    """The PERSON mention that is the subject of a ``say`` verb, if any."""
    for child in say.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for name in people:
                if name.start <= child.idx < name.end:
                    return name
    return None


def _speaker_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    speakers: list[tuple[Any, _Name]] = []  # (say token, PERSON mention)
    people = _names(doc, ("PERSON",))
    for tok in doc:
        if tok.lemma_ == "say" and tok.pos_ == "VERB":
            ent = _speaker_of(people, tok)
            if ent is not None:
                speakers.append((tok, ent))
    if not speakers:
        return []
    groups = _group_names(doc, ("PERSON",))
    group_of: dict[int, int] = {}
    for gi, (_, mentions) in enumerate(groups):
        for m in mentions:
            group_of[m.start] = gi
    quoted_groups = {group_of[ent.start] for _, ent in speakers if ent.start in group_of}
    quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
    out = []
    for say, ent in speakers:
        gi = group_of.get(ent.start)
        sent = say.sent
        # a quote in the same sentence that holds neither the verb nor the name
        lo, hi = min(say.idx, ent.start), max(say.idx + len(say.text), ent.end)
        near = [q for q in quotes if q[0] < sent.end_char and sent.start_char < q[1] and (q[1] <= lo or q[0] >= hi)]
        if gi is None or not near:
            continue
        rivals = [m for gj in sorted(quoted_groups - {gi}) for m in groups[gj][1]]
        if rivals:
            out.append(SlipCandidate("speaker", ent.start, ent.end, ent.text, _pick_forms(ent, rivals)))
    return out


# ---------------------------------------------------------------------- negation


def _negation_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    out = []
    for tok in doc:
        if tok.pos_ != "AUX" or tok.tag_ not in _FINITE_TAGS:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        is_neg = nxt is not None and nxt.dep_ == "neg" and nxt.lower_ in ("not", "n't", "n’t")
        if is_neg:  # remove the negation
            assert nxt is not None
            stem = _NT_STEMS.get(tok.lower_, tok.text) if nxt.lower_ != "not" else tok.text
            if stem and tok.text[:1].isupper():
                stem = stem[:1].upper() + stem[1:]
            s, t = tok.idx, nxt.idx + len(nxt.text)
            if not tok.text.isalpha() or tok.lower_ == "ai":
                continue
            out.append(SlipCandidate("negation", s, t, text[s:t], (stem,)))
            continue
        if not tok.text.isalpha() or tok.text.startswith(("'", "\u2019")):
            continue
        # one negation per clause: skip clauses that already hold one ("not", "never", a "no" determiner)
        if any(t.dep_ == "neg" or (t.dep_ == "det" and t.lower_ == "no") for t in tok.head.subtree):
            continue
        if nxt is None or not (nxt.is_alpha or nxt.like_num or nxt.is_currency):
            continue
        if tok.i > 0 and doc[tok.i - 1].dep_ == "neg":
            continue
        s, t = tok.idx, tok.idx + len(tok.text)
        out.append(SlipCandidate("negation", s, t, tok.text, (tok.text + " not",)))
    return out
