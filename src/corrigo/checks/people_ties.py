"""Telling apart two introductions of one name when no left-over surname sits next to either.

When a name was put in the place of another, the replaced person's surname often survives further
down ("Back at the harbour, Mori said she would ..."), too far from either introduction to point at
one. What that surname says then usually echoes its own introduction's paragraph — the same
bathtub, the same pine, a phrase of the quote repeated — and not the other's. The introduction whose
paragraph the left-over surname's words echo more is the one that was replaced.

Surnames the tagger leaves untagged are read from the parse too: a capitalised proper noun that is
the subject of a say verb ("Marsden said he would wait") and belongs to no full name in the article.
"""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.checks.people_intros import _Intro, say_subjects
from corrigo.model import Span

__all__ = ["echo_side", "said_surnames"]

_CONTENT = ("NOUN", "VERB", "ADJ", "PROPN")


def said_surnames(analysis: Analysis, full: set[str], other: set[str]) -> dict[str, list[Span]]:
    """Single capitalised proper nouns that are the subject of a say verb, outside every full name."""
    text = analysis.article.text
    out: dict[str, list[Span]] = {}
    names = [e.span for e in analysis.entities if e.label == "PERSON"]
    for s, t in say_subjects(analysis):
        if (
            t.pos_ == "PROPN"
            and t.dep_ == "nsubj"
            and t.text[:1].isupper()
            and not any(c.dep_ == "compound" for c in t.children)
            and normalise_name(t.text) not in full
            and t.text not in other
        ):
            at = t.idx + s.offset
            if any(n.start <= at < n.end for n in names):
                continue  # the tagger has it already
            out.setdefault(t.text, []).append(Span.of(text, at, at + len(t.text)))
    return out


def _lemmas(sentences: list[Sentence], skip: set[str]) -> set[str]:
    return {
        t.lemma_.lower()
        for s in sentences
        for t in s.tokens
        if t.pos_ in _CONTENT and not t.is_stop and len(t.text) > 2 and t.lemma_.lower() not in skip
    }


def _paragraph(analysis: Analysis, at: int) -> list[Sentence]:
    para = next((p for p in analysis.article.paragraphs if p.start <= at < p.end), None)
    if para is None:
        return []
    return list(analysis.sentences_in(para.start, para.end))


def _acts(analysis: Analysis, span: Span) -> bool:
    """Whether the surname at ``span`` is the subject of a verb: a person acting, not a place misread."""
    s = analysis.sentence_at(span.start, span.end)
    return s is not None and any(
        span.start <= t.idx + s.offset < span.end and t.dep_ in ("nsubj", "nsubjpass") for t in s.tokens
    )


def echo_side(
    analysis: Analysis, first: _Intro, second: _Intro, orphans: dict[str, list[Span]]
) -> tuple[int, str] | None:
    """Which introduction (0 or 1) the left-over surnames' words echo, and the surname; None on a tie."""
    name = set(normalise_name(first.mention.span.text).split())
    paras = [_paragraph(analysis, i.mention.span.start) for i in (first, second)]
    if paras[0] == paras[1]:
        return None
    votes: dict[int, set[str]] = {0: set(), 1: set()}
    for surname, mentions in orphans.items():
        if not any(_acts(analysis, m) for m in mentions):
            continue
        skip = name | {surname.lower()}
        around: list[Sentence] = []
        for m in mentions:
            para = _paragraph(analysis, m.start)
            i = next((k for k, s in enumerate(para) if s.span.start <= m.start < s.span.end), None)
            if i is not None:
                around += para[i : i + 2]  # the surname's sentence and the one after it
        if any(s in p for s in around for p in paras):
            continue  # inside an introduction's own paragraph: the near rule's business
        said = _lemmas(around, skip)
        shared = [len(said & _lemmas(p, skip)) for p in paras]
        if shared[0] != shared[1]:
            votes[0 if shared[0] > shared[1] else 1].add(surname)
    if bool(votes[0]) == bool(votes[1]) or len(votes[0] | votes[1]) != 1:
        return None
    side = 0 if votes[0] else 1
    return side, next(iter(votes[side]))
