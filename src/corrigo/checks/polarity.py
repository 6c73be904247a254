"""Negation and antonym flips of a predicate stated elsewhere."""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis
from corrigo.model import Finding

__all__ = ["PolarityCheck"]


class PolarityCheck:
    name = "polarity"

    def run(self, analysis: Analysis) -> list[Finding]:
        return []
