"""What every internal check shares: the component interface and how a finding is built."""

from __future__ import annotations

from typing import Protocol

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.model import Evidence, Finding, FindingKind, Span, Verdict

__all__ = ["Check", "contradiction", "quote", "SELF"]

SELF = "self"


class Check(Protocol):
    """An internal consistency check: reads an Analysis, returns findings. No side effects.

    ``name`` is the key used in the config to switch it on or off.
    """

    name: str

    def run(self, analysis: Analysis) -> list[Finding]: ...


_QUOTE_LIMIT = 200  # a sentence longer than this is quoted around the words that matter


def quote(sentence: Span, core: Span, text: str) -> Span:
    """An evidence quote: the whole sentence when short, else a window around ``core`` cut at words."""
    if sentence.end - sentence.start <= _QUOTE_LIMIT:
        return sentence
    margin = max(40, (_QUOTE_LIMIT - (core.end - core.start)) // 2)
    start = max(sentence.start, core.start - margin)
    end = min(sentence.end, core.end + margin)
    if start > sentence.start:
        nxt = text.find(" ", start, core.start)
        start = nxt + 1 if nxt != -1 else start
    if end < sentence.end:
        prev = text.rfind(" ", core.end, end)
        end = prev if prev != -1 else end
    return Span.of(text, start, end)


def contradiction(
    kind: FindingKind,
    wrong: Span,
    sentence: Sentence,
    evidence: list[Span],
    explanation: str,
    suggestion: str | None,
    confidence: float,
) -> Finding:
    """A ``contradicted`` finding: ``wrong`` disagrees with the ``evidence`` quotes of the same article."""
    seen: set[tuple[int, int]] = set()
    quotes: list[Evidence] = []
    for span in sorted(evidence, key=lambda s: (s.start, s.end)):
        if (span.start, span.end) not in seen and not span.overlaps(wrong):
            seen.add((span.start, span.end))
            quotes.append(Evidence(SELF, span))
    return Finding(
        span=wrong,
        sentence=sentence.span,
        verdict=Verdict.CONTRADICTED,
        kind=kind,
        confidence=max(0.0, min(1.0, confidence)),
        explanation=explanation,
        evidence=tuple(quotes),
        suggestion=suggestion,
    )
