"""Headline and lede vs body: the same event with a different place, actor, number or date."""

from __future__ import annotations

from corrigo.analysis.analyse import Analysis
from corrigo.model import Finding

__all__ = ["FrameCheck"]


class FrameCheck:
    name = "frames"

    def run(self, analysis: Analysis) -> list[Finding]:
        return []
