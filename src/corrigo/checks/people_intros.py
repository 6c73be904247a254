"""Who a person is introduced as: the reading the people checks share.

News copy introduces a person once, with a description set off after the name ("Lena Ortiz, 34,
a nurse from Cádiz"; ", chief economist at Norbury Capital,") or written before it ("port economist Hugo
Brandt"), and names the speaker of a quote after it ('...," said Ortiz.').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.checks.base import contradiction, quote
from corrigo.claims import SAY_VERBS
from corrigo.model import Entity, Finding, FindingKind, Span

# ", 46," / ", 46." after a name: an age. ", a nurse from Cádiz" / ", the mayor" / ", who runs ...":
# a description, read to the next comma, semicolon, full stop or quotation mark.
_AGE = re.compile(r"^,\s*(\d{1,3})\b")
_DESCRIPTION = re.compile(r"^,\s*(?:\d{1,3},\s*)?(?:(?:a|an|the)\s+|who\s+|whose\s+)([^,;.\"“”]+)", re.I)
_WORD = re.compile(r"[^\W\d_][\w'-]*")

_STOP = frozenset(
    (
        "a", "an", "the", "of", "in", "at", "for", "from", "and", "or", "to", "on", "with", "by", "who", "whose",
        "which", "is", "was", "has", "had", "have", "been", "be", "its", "his", "her", "their", "our", "new",
        "old", "former", "year", "years", "dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
        "sir", "dame",
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Intro:
    mention: Entity
    sentence: Sentence
    age: int | None
    words: frozenset[str]


def _introduction(analysis: Analysis, e: Entity) -> _Intro | None:
    sentence = analysis.sentence_at(e.span.start, e.span.end)
    if sentence is None:
        return None
    after = analysis.article.text[e.span.end : sentence.span.end]
    age_m = _AGE.match(after)
    desc_m = _DESCRIPTION.match(after) or _bare_description(analysis, sentence, e.span.end, after)
    words = set()
    if desc_m:
        words |= {w.lower() for w in _WORD.findall(desc_m.group(1))} - _STOP
    # "Leeds physicist Anita Rao": a description written before the name.
    before = [t for t in sentence.tokens if t.idx + sentence.offset < e.span.start][-3:]
    for t in reversed(before):
        if t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.ent_type_ == "PERSON":
            break
        words.add(t.text.lower())
    age = int(age_m.group(1)) if age_m else None
    if age is None and not words:
        return None
    return _Intro(e, sentence, age, frozenset(words - _STOP))


# ", chief economist at Norbury Capital," : a description with no article, read when its first word is
# a noun or adjective in lower case (not "however", not a verb).
_BARE = re.compile(r"^,\s*([a-z][^,;.\"“”]+)")


def _bare_description(analysis: Analysis, sentence: Sentence, at: int, after: str) -> re.Match[str] | None:
    m = _BARE.match(after)
    if m is None:
        return None
    first = next((t for t in sentence.tokens if t.idx + sentence.offset == at + m.start(1)), None)
    return m if first is not None and first.pos_ in ("NOUN", "ADJ") else None


def _speaks(analysis: Analysis, intro: _Intro) -> bool:
    """The person introduced is the one speaking: "..., said Lena Ortiz, 34, a nurse" or "Lena Ortiz,
    34, a nurse, said ..." — a person introduced as a speaker, not a name read in passing."""
    name = intro.mention.span
    for t in intro.sentence.tokens:
        at = t.idx + intro.sentence.offset
        if name.start <= at < name.end and t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in SAY_VERBS:
            return True
    before = analysis.article.text[max(intro.sentence.span.start, name.start - 12) : name.start]
    return re.search(r"\b(?:said|says|added|told|asked|explained)\s+(?:Prof\.?\s+|Dr\.?\s+)?$", before) is not None


def _describe(intro: _Intro) -> str:
    parts = []
    if intro.age is not None:
        parts.append(f"aged {intro.age}")
    if intro.words:
        parts.append("'" + " ".join(sorted(intro.words)) + "'")
    return " and ".join(parts) or "someone else"


# A quote's speaker named after it: '...," said Hale.' / '...," Hale said.'
_NAME = r"((?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’-]+)"

_SAID_NAME = re.compile(r"[\"”]\s*(?:said|says|added|adds)\s+(?:Prof\.?\s+|Dr\.?\s+)?" + _NAME + r"\s*[.,;]")

_NAME_SAID = re.compile(r"[\"”]\s+" + _NAME + r"\s+(?:said|says|added|adds)\b")


def _describes(text: str, intro: _Intro, other: _Intro) -> bool:
    """Whether ``other``'s name sits in ``intro``'s description ("..., a partner at the estate
    agency Fenwick Lane"): a name inside someone's description is not a newcomer."""
    after = text[intro.mention.span.end : intro.sentence.span.end]
    m = _DESCRIPTION.match(after) or _BARE.match(after)
    if m is None:
        return False
    return intro.mention.span.end <= other.mention.span.start < intro.mention.span.end + m.end()


def _introduced_in_apposition(text: str, intro: _Intro) -> bool:
    """ "Clara Voss, an analyst in Boston," / "Ana Marsden, 34," / "Li Wei, who ...": introduced with a
    description set off after the name, outside any quotation."""
    after = text[intro.mention.span.end : intro.sentence.span.end]
    before = text[intro.sentence.span.start : intro.mention.span.start]
    quoted = (before.count('"') + before.count("“") - before.count("”")) % 2 == 1
    return not quoted and (_DESCRIPTION.match(after) is not None or _AGE.match(after) is not None)


def speaker_span(text: str, m: re.Match[str], owner: str) -> Span:
    """The speaker's name in a '..." said NAME' match, from the first word of the owner's own name
    ("But Ms Kelly" -> "Kelly")."""
    words = list(re.finditer(r"\S+", m.group(1)))
    own = set(owner.split())
    keep = next((w for w in words if normalise_name(w.group()) in own), words[-1])
    return Span.of(text, m.start(1) + keep.start(), m.end(1))


def misattributed(
    analysis: Analysis, wrong: Span, sentence: Sentence, new: _Intro, other: _Intro, why: str, confidence: float
) -> Finding:
    """A quote given to ``other`` that belongs to ``new``: the fix is ``new``'s name in the flagged form."""
    text = analysis.article.text
    full = len(wrong.text.split()) > 1
    return contradiction(
        FindingKind.ATTRIBUTION,
        wrong,
        sentence,
        [quote(new.sentence.span, new.mention.span, text), quote(other.sentence.span, other.mention.span, text)],
        why,
        new.mention.span.text if full else new.mention.span.text.split()[-1],
        confidence,
    )


def say_subjects(analysis: Analysis) -> Iterator[tuple[Sentence, Any]]:
    """Each token that is the subject of a say verb ("Hale said", "said Hale"), with its sentence."""
    for sentence in analysis.sentences:
        for t in sentence.tokens:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in SAY_VERBS:
                yield sentence, t
