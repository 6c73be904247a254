"""Ingestion: bytes or files to an Article (plain text, Markdown, HTML, JSON Lines)."""

from __future__ import annotations

from corrigo.ingest.structure import parse_article

__all__ = ["parse_article"]
