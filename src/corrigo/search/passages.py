"""Split a document into overlapping sentence windows with exact character offsets.

The sentence splitter is a small rule set, not a parser: indexing must handle thousands of
passages a second, and a missed boundary only makes one passage a sentence longer. It splits
after ``.``, ``!`` or ``?`` (plus closing quotes or brackets) when whitespace and a capital
letter, digit or opening quote follow, except after a known abbreviation ("Mr.", "Jan.",
"Inc.") or an initial ("J. Smith"); a blank line always ends a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Span", "passage_spans", "sentence_spans"]

# Words that end with a full stop without ending the sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st sr jr rev hon gov sen rep gen lt col capt cpt sgt maj cmdr adm pres supt insp det
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp plc bros llc dept univ assn est approx vs etc al fig no nos vol op pp
    a.m p.m e.g i.e u.s u.k u.n u.s.a d.c n.y l.a
    mt ft ave blvd rd
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# A candidate end: terminal punctuation, any closing quotes or brackets, then whitespace.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
# What may start the next sentence: an upper-case letter, a digit or an opening quote/bracket.
_NEXT = re.compile(r"\s+([\"'“‘(\[]?[A-Z0-9À-Ý])")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets ``[start, end)`` into a document's text."""

    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the ``.`` at ``dot`` closes an abbreviation or an initial, not a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if m is None:
        return False
    word = m.group(1).lower().strip(".")
    if not word:
        return False
    # A single letter ("J. Smith", "George W. Bush") is an initial.
    if len(word) == 1 and word.isalpha():
        return True
    return word in _ABBREVIATIONS


def _split_block(text: str, start: int, end: int) -> Iterator[Span]:
    """Sentences inside ``text[start:end]`` (a paragraph), trimmed of surrounding whitespace."""
    pos = start
    for m in _END.finditer(text, start, end):
        nxt = _NEXT.match(text, m.end(), end)
        if nxt is None:
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        yield from _trimmed(text, pos, m.end())
        pos = nxt.start(1)
    yield from _trimmed(text, pos, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Span(start, end)


def sentence_spans(text: str) -> list[Span]:
    """The sentences of ``text`` as spans, in order; whitespace between them belongs to none.

    Example:
        >>> t = "Mr. Smith went to Leeds. He arrived at 5 p.m. on Friday.\\n\\nA new paragraph"
        >>> [t[s.start:s.end] for s in sentence_spans(t)]
        ['Mr. Smith went to Leeds.', 'He arrived at 5 p.m. on Friday.', 'A new paragraph']
    """
    spans: list[Span] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        spans.extend(_split_block(text, pos, m.start()))
        pos = m.end()
    spans.extend(_split_block(text, pos, len(text)))
    return spans


def passage_spans(text: str, *, size: int = 3, overlap: int = 1, max_chars: int = 1200) -> list[Span]:
    """Windows of ``size`` sentences, each sharing ``overlap`` sentences with the previous one.

    A window stops growing before it passes ``max_chars`` (a single longer sentence is a
    passage on its own). The last window ends at the last sentence; every sentence is in at
    least one window.

    Example:
        >>> t = "One. Two. Three. Four. Five."
        >>> [t[p.start:p.end] for p in passage_spans(t)]
        ['One. Two. Three.', 'Three. Four. Five.']
    """
    if size < 1 or not 0 <= overlap < size:
        raise ValueError(f"need size >= 1 and 0 <= overlap < size, got size={size}, overlap={overlap}")
    sentences = sentence_spans(text)
    out: list[Span] = []
    i = 0
    n = len(sentences)
    while i < n:
        j = i + 1
        while j < min(n, i + size) and sentences[j].end - sentences[i].start <= max_chars:
            j += 1
        out.append(Span(sentences[i].start, sentences[j - 1].end))
        if j >= n:
            break
        # Step so the next window repeats the last ``overlap`` sentences of this one, but always
        # move forward (a window cut short by max_chars may hold fewer than ``overlap + 1``).
        i = max(i + 1, j - overlap)
    return out
