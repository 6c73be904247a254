"""Number arithmetic: parts vs totals, ordinals vs lists, percentages."""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis
from corrigo.model import Finding

__all__ = ["NumberCheck"]


class NumberCheck:
    name = "numbers"

    def run(self, analysis: Analysis) -> list[Finding]:
        return []
