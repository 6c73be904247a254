"""Read one input (a path or standard input) into an Article: text, Markdown or HTML.

HTML is reduced to its main text with trafilatura (the ``html`` extra); offsets in the report
then refer to that extracted text, which the JSON report carries in full.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from corrigo.errors import InputError
from corrigo.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes, read_path
from corrigo.ingest.structure import parse_article
from corrigo.model import Article

__all__ = ["INPUT_FORMATS", "load_article", "html_to_text"]

INPUT_FORMATS = ("auto", "text", "markdown", "html")
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article)", re.I)


def load_article(source: str, *, input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Load ``source`` (a file path, or ``-`` for standard input) as an Article."""
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "standard input"
    else:
        data = read_path(Path(source), max_bytes=max_bytes)
        name = source
    text = decode_bytes(data, name=name, max_bytes=max_bytes)
    fmt = input_format
    if fmt == "auto":
        suffix = Path(source).suffix.lower() if source != "-" else ""
        fmt = "html" if suffix in (".html", ".htm") or _HTML_SNIFF.match(text[:512]) else "text"
    if fmt == "html":
        text = html_to_text(text, name=name)
    return parse_article(text, id=None if source == "-" else source)


def html_to_text(html: str, *, name: str = "input") -> str:
    """The page's title and main text, as plain text with blank lines between paragraphs."""
    try:
        import trafilatura
    except ImportError as exc:
        raise InputError(
            f"{name} is HTML, and reading HTML needs the html extra: run `pip install 'corrigo[html]'`",
            code="missing_extra",
        ) from exc
    body = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False, favor_precision=True
    )
    if not body or not body.strip():
        raise InputError(
            f"{name}: no article text found in this HTML page: give the article's own page or its text", code="empty"
        )
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "").strip() if meta is not None else ""
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    # The page's date is left out: trafilatura guesses one from footers and URLs when the page
    # states none, and a guessed date would feed the date arithmetic.
    head = [title] if title else []
    return "\n\n".join(head + paragraphs) + "\n"
