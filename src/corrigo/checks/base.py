"""What every internal check shares: the component interface and how a finding is built."""

from __future__ import annotations

from typing import Protocol

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.model import Evidence, Finding, FindingKind, Span, Verdict

__all__ = ["Check", "contradiction", "SELF"]

SELF = "self"


class Check(Protocol):
    """An internal consistency check: reads an Analysis, returns findings. No side effects.

    ``name`` is the key used in the config to switch it on or off.
    """

    name: str

    def run(self, analysis: Analysis) -> list[Finding]: ...


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
