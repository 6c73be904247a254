"""Read one input (a path or standard input) into an Article: text, Markdown or HTML.

HTML is reduced to its main text with trafilatura (the ``html`` extra); offsets in the report
then refer to that extracted text, which the JSON report carries in full. The page's date is
read from what the page itself states (``article:published_time``, JSON-LD ``datePublished``,
``<time datetime>``), with the standard library, and becomes the Article's ``published`` date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from corrigo.analysis.dates import parse_date
from corrigo.errors import InputError
from corrigo.ingest.decode import DEFAULT_MAX_BYTES, check_encoding, decode_bytes, read_path
from corrigo.ingest.structure import parse_article
from corrigo.model import Article

__all__ = ["HTML_SNIFF", "INPUT_FORMATS", "load_article", "html_to_text", "page_date"]

INPUT_FORMATS = ("auto", "text", "markdown", "html")
HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article)", re.I)


def load_article(
    source: str,
    *,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
) -> Article:
    """Load ``source`` (a file path, or ``-`` for standard input) as an Article.

    ``encoding`` names the codec to decode with (``"cp1252"``, ``"latin-1"``, ...); without it the
    input must be UTF-8 or UTF-16 (see :func:`corrigo.ingest.decode.decode_bytes`).
    """
    if encoding is not None:
        check_encoding(encoding)  # a bad name is reported before any file is read
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "standard input"
    else:
        data = read_path(Path(source), max_bytes=max_bytes)
        name = source
    text = decode_bytes(data, name=name, max_bytes=max_bytes, encoding=encoding)
    fmt = input_format
    if fmt == "auto":
        suffix = Path(source).suffix.lower() if source != "-" else ""
        fmt = "html" if suffix in (".html", ".htm") or HTML_SNIFF.match(text[:512]) else "text"
    published = None
    if fmt == "html":
        published = page_date(text)
        text = html_to_text(text, name=name)
    # A date line in the text itself still wins over the page's metadata (see Article.date).
    return parse_article(text, id=source, published=published)


# Elements whose content is never shown as the page's text. Script and style are raw text (they
# end at the first closing tag, whatever they contain), so they go first; templates may nest.
_RAW_TEXT = re.compile(r"<(script|style)(?![\w-])[^>]*>.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TEMPLATE = re.compile(r"<template(?![\w-])[^>]*>(?:(?!<template(?![\w-])).)*?</template\s*>", re.I | re.S)
_NOSCRIPT = re.compile(r"<noscript(?![\w-])[^>]*>.*?</noscript\s*>", re.I | re.S)
_UNCLOSED = re.compile(r"<(script|style|template|noscript)(?![\w-])[^>]*>.*", re.I | re.S)


def _strip_hidden(html: str) -> str:
    """``html`` without script, style, template and noscript elements (or comments)."""
    html = _RAW_TEXT.sub("", html)
    html = _COMMENT.sub("", html)
    while True:
        html, n = _TEMPLATE.subn("", html)  # innermost first, so nested templates go too
        if not n:
            break
    html = _NOSCRIPT.sub("", html)
    return _UNCLOSED.sub("", html)  # an element left open runs to the end of the page


def html_to_text(html: str, *, name: str = "input") -> str:
    """The page's title and main text, as plain text with blank lines between paragraphs."""
    try:
        import trafilatura
    except ImportError as exc:
        raise InputError(
            f"{name} is HTML, and reading HTML needs the html extra: run `pip install 'corrigo[html]'`",
            code="missing_extra",
        ) from exc
    visible = _strip_hidden(html)
    body = trafilatura.extract(
        visible, output_format="txt", include_comments=False, include_tables=False, favor_precision=True
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
    # trafilatura's date is not used: it guesses one from footers and URLs when the page states
    # none, and a guessed date would feed the date arithmetic. page_date reads the stated one.
    head = [title] if title else []
    return "\n\n".join(head + paragraphs) + "\n"


def page_date(html: str) -> dt.date | None:
    """The publication date an HTML page states about itself, or None when it states none.

    In order: ``<meta property="article:published_time">`` (or ``itemprop="datePublished"``),
    JSON-LD ``datePublished`` (an Article-type item first; lists and ``@graph`` are read), then
    ``<time datetime>``: one marked ``itemprop="datePublished"`` or ``pubdate``, else the first
    inside ``<article>`` (the page's, when it has no ``<article>``) that is not in a paragraph of
    running text ("The vote is on <time>2 March</time>." names an event, not the page's date).
    A datetime's own calendar date is taken as written; no time zone is converted.
    """
    reader = _DateReader()
    try:
        reader.feed(html)
        reader.close()
    except Exception:  # html.parser on hostile markup: no date rather than no article
        pass
    reader.end_paragraph()
    for value in reader.meta:
        if (date := _parse_page_date(value)) is not None:
            return date
    for raw in reader.json_ld:
        if (date := _json_ld_date(raw)) is not None:
            return date
    marked = [t.value for t in reader.times if t.marked]
    in_article = [t for t in reader.times if t.in_article]
    pool = in_article if reader.saw_article else reader.times
    for value in marked + [t.value for t in pool if not t.running_text]:
        if (date := _parse_page_date(value)) is not None:
            return date
    return None


@dataclass(slots=True)
class _Time:
    value: str  # the datetime attribute
    marked: bool  # itemprop="datePublished" or pubdate
    in_article: bool
    paragraph: int | None  # the paragraph it sits in, if any
    running_text: bool = False  # that paragraph reads as a sentence


_HIDDEN = ("template", "noscript")
_META_NAMES = {"article:published_time", "og:article:published_time"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


class _DateReader(HTMLParser):
    """Collects the date-bearing parts of a page: meta values, JSON-LD blocks, <time> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[str] = []
        self.json_ld: list[str] = []
        self.times: list[_Time] = []
        self.saw_article = False
        self._article_depth = 0
        self._hidden_depth = 0  # inside <template> or <noscript>: not the page as shown
        self._json_ld: list[str] | None = None
        self._paragraph: int | None = None  # index of the open <p>, while one is open
        self._paragraph_text: list[str] = []
        self._paragraphs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in _HIDDEN:
            self._hidden_depth += 1
        if self._hidden_depth:
            return
        if tag == "article":
            self._article_depth += 1
            self.saw_article = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").strip().lower()
            if (key in _META_NAMES or a.get("itemprop", "").strip() == "datePublished") and a.get("content"):
                self.meta.append(a["content"])
        elif tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            self._json_ld = []
        elif tag in ("p", "blockquote", "li", "td"):
            self.end_paragraph()
            self._paragraph = self._paragraphs
            self._paragraphs += 1
        elif tag == "time" and a.get("datetime"):
            marked = a.get("itemprop", "").strip() == "datePublished" or "pubdate" in a
            self.times.append(
                _Time(a["datetime"], marked, in_article=self._article_depth > 0, paragraph=self._paragraph)
            )

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
            return
        if self._hidden_depth:
            return
        if tag == "article":
            self._article_depth = max(0, self._article_depth - 1)
            self.end_paragraph()
        elif tag == "script" and self._json_ld is not None:
            self.json_ld.append("".join(self._json_ld))
            self._json_ld = None
        elif tag in ("p", "blockquote", "li", "td"):
            self.end_paragraph()

    def handle_data(self, data: str) -> None:
        if self._hidden_depth:
            return
        if self._json_ld is not None:
            self._json_ld.append(data)
        elif self._paragraph is not None:
            self._paragraph_text.append(data)

    def end_paragraph(self) -> None:
        """Close the open paragraph: a <time> in a sentence of running text is not the page's date."""
        if self._paragraph is None:
            return
        if _SENTENCE_END.search(" ".join("".join(self._paragraph_text).split())):
            for t in self.times:
                if t.paragraph == self._paragraph:
                    t.running_text = True
        self._paragraph = None
        self._paragraph_text = []


_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|Posting)$")


def _json_ld_date(raw: str) -> dt.date | None:
    """``datePublished`` from one JSON-LD block: an Article-type item's first, else a top-level one's."""
    raw = raw.strip()
    for junk in ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"):
        raw = raw.replace(junk, "")
    try:
        data = json.loads(raw, strict=False)
    except ValueError:
        return None
    top: list[object] = data if isinstance(data, list) else [data]
    top = [g for item in top for g in ([item, *item["@graph"]] if _has_graph(item) else [item])]
    items = list(_walk(top, 0))
    article_values = [d.get("datePublished") for d in items if _is_article(d)]
    top_values = [d.get("datePublished") for d in top if isinstance(d, dict)]
    for value in article_values + top_values:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and (date := _parse_page_date(value)) is not None:
            return date
    return None


def _has_graph(item: object) -> bool:
    return isinstance(item, dict) and isinstance(item.get("@graph"), list)


def _walk(value: object, depth: int):
    """Every JSON object in ``value``, in document order (bounded: JSON-LD is shallow)."""
    if depth > 8:
        return
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _walk(v, depth + 1)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, depth + 1)


def _is_article(item: dict) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "datePublished" in item and any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds)


# "2015-01-15", "2015-01-15T09:12", "2015-01-15T09:12:00.000Z", "2015-01-15 09:12:00+01:00"
_ISO_DATE = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$",
    re.I,
)


def _parse_page_date(value: str) -> dt.date | None:
    """An ISO date or datetime (the calendar date as written), or a plain explicit date; else None."""
    value = value.strip()
    m = _ISO_DATE.match(value)
    if m:
        try:
            return dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
    parsed = parse_date(value)
    return parsed.date if parsed is not None else None
