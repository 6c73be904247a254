"""Render a Report for people (text, Markdown, a self-contained HTML page) or programs (JSON)."""

from __future__ import annotations

from corrigo.report.render import FORMATS, render, render_json, render_markdown, render_text

__all__ = ["FORMATS", "render", "render_json", "render_markdown", "render_text"]
