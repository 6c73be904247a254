"""The same quote given to two speakers.

Reads every quote of six or more words with the one named speaker of its sentence, and groups
quotes that share at least 80% of their words. Where a group is given to two different people
(not two names of one person), the speaker in the minority (on a tie, the later one) is flagged
and the other speaker's name suggested, written the same way (full name or surname).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.checks.base import contradiction
from corrigo.checks.quotes_speakers import Mention, NameBook
from corrigo.model import Finding, FindingKind

__all__ = ["same_quote"]


_MIN_QUOTE_WORDS = 6
_QUOTE_OVERLAP = 0.8
_QUOTE_RE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Quote:
    words: tuple[str, ...]
    speaker: Mention
    sentence: Sentence


def same_quote(analysis: Analysis, mentions: list[Mention], names: NameBook) -> list[Finding]:
    quotes = _quotes(analysis, mentions, names)
    findings = []
    done: set[int] = set()
    for i, q in enumerate(quotes):
        if i in done:
            continue
        group = [q] + [r for r in quotes[i + 1 :] if _near_same(q.words, r.words)]
        done.update(quotes.index(r) for r in group)
        keys = {names.key(r.speaker.person) for r in group}
        if len(keys) < 2 or None in keys:
            continue
        votes = Counter(names.key(r.speaker.person) for r in group)
        ranked = sorted(
            votes,
            key=lambda k: (
                -votes[k],
                min(r.sentence.index for r in group if names.key(r.speaker.person) == k),
            ),
        )
        best = ranked[0]
        if any(names.related(best, k) for k in ranked[1:]):
            continue
        right = next(r for r in group if names.key(r.speaker.person) == best)
        for r in group:
            key = names.key(r.speaker.person)
            if key == best:
                continue
            margin = votes[best] - votes[key]
            if margin == 0 and r.sentence.index < right.sentence.index:
                continue
            confidence = 0.55 if margin == 0 else min(0.85, 0.65 + 0.1 * margin)
            findings.append(
                contradiction(
                    FindingKind.ATTRIBUTION,
                    r.speaker.span,
                    r.sentence,
                    [x.sentence.span for x in group if names.key(x.speaker.person) == best],
                    f"The article gives the same words to {names.as_written(best, right.speaker.span)} "
                    f"elsewhere, so they are unlikely to be {r.speaker.span.text}'s too.",
                    names.as_written(best, r.speaker.span),
                    confidence,
                )
            )
    return findings


def _quotes(analysis: Analysis, mentions: list[Mention], names: NameBook) -> list[_Quote]:
    """Quotes of six or more words with the named person they are given to."""
    speakers = [m for m in mentions if m.speaker and names.key(m.person) is not None]
    out = []
    text = analysis.article.text
    for m in _QUOTE_RE.finditer(text):
        words = tuple(w.lower() for w in _WORD_RE.findall(m.group(1) or m.group(2) or ""))
        if len(words) < _MIN_QUOTE_WORDS:
            continue
        start, end = m.span()
        near = [
            s
            for s in speakers
            if s.sentence.span.start <= end and start <= s.sentence.span.end and not (start <= s.span.start < end)
        ]
        if len(near) != 1:
            continue
        out.append(_Quote(words, near[0], near[0].sentence))
    return out


def _near_same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    common = sum((Counter(a) & Counter(b)).values())
    return common / max(len(a), len(b)) >= _QUOTE_OVERLAP
