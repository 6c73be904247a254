"""Date arithmetic against the dateline and other dates."""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis
from corrigo.model import Finding

__all__ = ["DateCheck"]


class DateCheck:
    name = "dates"

    def run(self, analysis: Analysis) -> list[Finding]:
        return []
