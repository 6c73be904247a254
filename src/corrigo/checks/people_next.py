"""A person introduced to close a paragraph whose quote, opening the next one, names somebody else.

News copy often sets a speaker up in the last sentence of a paragraph and quotes them at the start
of the next: "Ana Marsden, 52, a retired baker, watched the water rise from her porch. / 'It came up
over the step in an hour,' Marsden said." When that opening quote is instead given to someone the
article introduced in an earlier paragraph, while the newcomer is never quoted anywhere, and the
quote echoes what the newcomer was introduced doing more than what its named speaker was, the name
was most likely swapped in — the convention of the paragraph rule in ``people``, one paragraph on.
"""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.checks.people_intros import (
    _NAME_SAID,
    _SAID_NAME,
    _describe,
    _Intro,
    _introduced_in_apposition,
    misattributed,
    say_subjects,
    speaker_span,
)
from corrigo.model import Span

__all__ = ["next_paragraph_findings"]

_CONFIDENCE = 0.62
_OPEN = ('"', "“")
_CONTENT = ("NOUN", "VERB", "ADJ")


def _sentences(analysis: Analysis, span: Span) -> list[Sentence]:
    return list(analysis.sentences_in(span.start, span.end))


def _lemmas(sentence: Sentence, start: int, end: int) -> set[str]:
    """Content lemmas of the words written in ``[start, end)`` of ``sentence``."""
    return {
        t.lemma_.lower()
        for t in sentence.tokens
        if start <= t.idx + sentence.offset < end and t.pos_ in _CONTENT and not t.is_stop and len(t.text) > 2
    }


def _speaking_surnames(analysis: Analysis) -> set[str]:
    """Every surname anyone speaks under, once per article: named after a quote, or the subject of a
    say verb."""
    text = analysis.article.text
    out = set()
    for rx in (_SAID_NAME, _NAME_SAID):
        for m in rx.finditer(text):
            out.update(normalise_name(m.group(1)).split()[-1:])
    out.update(normalise_name(t.text) for _, t in say_subjects(analysis))
    return out


def next_paragraph_findings(analysis: Analysis, first_intro: dict[str, _Intro]) -> list:
    text = analysis.article.text
    paragraphs = analysis.article.paragraphs
    if len(paragraphs) < 3:
        return []
    lede = paragraphs[0]
    by_surname: dict[str, list[str]] = {}
    for name in first_intro:
        by_surname.setdefault(name.split()[-1], []).append(name)
    out = []
    speaking = _speaking_surnames(analysis)
    for para, nxt in zip(paragraphs[1:], paragraphs[2:], strict=False):
        sents = _sentences(analysis, para)
        if not sents:
            continue
        last = sents[-1]
        here = [i for i in first_intro.values() if last.span.contains(i.mention.span)]
        if len(here) != 1 or any(q in text[last.span.start : last.span.end] for q in ('"', "“", "”")):
            continue
        new = here[0]
        surname = normalise_name(new.mention.span.text).split()[-1]
        if not _introduced_in_apposition(text, new) or surname in speaking:
            continue  # set up to speak and never given a word of their own
        opening = text[nxt.start : nxt.end]
        if not opening.startswith(_OPEN):
            continue
        close = min((i for i in (opening.find('"', 1), opening.find("”", 1)) if i > 0), default=-1)
        if close < 0:
            continue
        m = next((m for rx in (_SAID_NAME, _NAME_SAID) if (m := rx.match(text, nxt.start + close))), None)
        if m is None:
            continue
        spoken = normalise_name(m.group(1))
        owners = by_surname.get(spoken.split()[-1], []) if spoken else []
        if len(owners) != 1:
            continue
        other = first_intro[owners[0]]
        if other is new or other.mention.span.start >= para.start or other.mention.span.start < lede.end:
            continue  # only someone introduced in an earlier paragraph, not the story's protagonist
        first = _sentences(analysis, nxt)
        if not first:
            continue
        said = _lemmas(first[0], nxt.start, nxt.start + close)
        own = _lemmas(new.sentence, new.sentence.span.start, new.sentence.span.end)
        theirs = _lemmas(other.sentence, other.sentence.span.start, other.sentence.span.end)
        if len(said & own) <= len(said & theirs):
            continue  # the quote must echo what the newcomer was introduced doing, more than its speaker
        wrong = speaker_span(text, m, owners[0])
        sentence = analysis.sentence_at(wrong.start, wrong.end)
        if sentence is None:
            continue
        why = (
            f"The paragraph before ends by introducing {new.mention.span.text}, who is never quoted, and this "
            f"quote echoes what they were introduced doing, but it is given to {wrong.text}, introduced earlier "
            f"as {_describe(other)}."
        )
        out.append(misattributed(analysis, wrong, sentence, new, other, why, _CONFIDENCE))
    return out
