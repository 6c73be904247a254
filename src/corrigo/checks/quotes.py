"""Attribution: a quote or statement given to a speaker whose role or side conflicts."""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis
from corrigo.model import Finding

__all__ = ["QuoteCheck"]


class QuoteCheck:
    name = "quotes"

    def run(self, analysis: Analysis) -> list[Finding]:
        return []
