"""Recognise an article's layout: headline, date line, dateline, byline, body and non-content lines.

Only the headline and body paragraphs are checked. Lines that are not article content (a status
line another tool printed above the story, "Advertisement", share prompts, bylines) are kept as
blocks of their own kind so offsets stay exact, but never reach the checks.
"""

from __future__ import annotations

import re

from corrigo.analysis.dates import parse_date
from corrigo.model import Article, Block, BlockKind, Dateline, Span

__all__ = ["parse_article"]

# Lines a web page or CMS leaves in copied text.
_BOILERPLATE = re.compile(
    r"^(advertisement|advert|sponsored( content)?|share( this( article| story)?)?( on \w+)?|"
    r"(click|tap) (here )?to (share|subscribe|read more).*|follow us on .*|sign up for .*|subscribe( now)?.*|"
    r"read more:?.*|related( articles| stories)?:?|image( caption| copyright| source)?:.*|"
    r"copyright ©?.*|© .*|all rights reserved\.?|media playback is unsupported.*|"
    r"(listen|watch)( to)?( this)?( article| story| video)?.*\d+:\d\d.*)$",
    re.I,
)
# Vocabulary of software status messages ("Search module is not installed.", "[INFO] loaded 3 files",
# "Spell check finished: 0 issues"). A line needs two of these, or a log-level prefix, to count.
_STATUS_WORDS = {
    "module",
    "modules",
    "installed",
    "install",
    "loaded",
    "loading",
    "load",
    "error",
    "errors",
    "warning",
    "warnings",
    "info",
    "debug",
    "finished",
    "completed",
    "complete",
    "running",
    "processing",
    "processed",
    "version",
    "enabled",
    "disabled",
    "cache",
    "cached",
    "index",
    "indexed",
    "plugin",
    "plugins",
    "failed",
    "timeout",
    "configured",
    "config",
    "initialized",
    "initialised",
    "status",
    "check",
    "checker",
    "spell",
    "issues",
    "found",
    "ok",
    "success",
    "successfully",
    "skipped",
    "exported",
    "imported",
    "saved",
    "api",
    "model",
    "server",
    "connected",
    "session",
    "extension",
    "script",
    "unavailable",
    "available",
}
_LOG_PREFIX = re.compile(r"^\s*(\[(info|warn|warning|error|debug|ok)\]|(info|warn|warning|error|debug)\s*:)", re.I)
_BYLINE = re.compile(
    r"^(by|reporting by|written by|words by)\s+[A-Z][\w.'’-]*(\s+[\w.'’-]+){0,6}$|^by\s+\w+ staff$", re.I
)
# "HONG KONG - ", "LONDON (Reuters) - ", "NAIROBI, Kenya — ", "WASHINGTON, March 3 (AP) -- "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})(?:,\s*[A-Z][\w.]+(?:\s+\d{1,2})?)?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:-{1,2}|–|—|:)\s+"
)
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*$")


def parse_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: object = None,
) -> Article:
    """Lay out ``text`` as an Article. ``text`` is kept verbatim; nothing is stripped or rewritten."""
    blocks: list[Block] = []
    headline: Span | None = None
    date_span: Span | None = None
    byline: Span | None = None
    in_header = True
    for start, end in _paragraphs(text):
        para = text[start:end]
        if in_header:
            # The header region is read line by line: "Headline\nBy X\n25.10.2021" is three blocks.
            lines = list(_lines(text, start, end))
            consumed = 0
            for ls, le in lines:
                ls += _markdown_marker(text[ls:le])
                kind = _header_kind(text[ls:le], headline is not None, date_span is not None)
                if kind is None:
                    break
                span = Span.of(text, ls, le)
                if kind is BlockKind.HEADLINE:
                    headline = span
                elif kind is BlockKind.DATELINE:
                    date_span = span
                elif kind is BlockKind.BYLINE:
                    byline = span
                blocks.append(Block(kind, span))
                consumed += 1
            if consumed == len(lines):
                continue
            in_header = False
            start = lines[consumed][0]
            para = text[start:end]
        start += _markdown_marker(para)  # "## Background" is a subheading; its text is what counts
        para = text[start:end]
        kind = BlockKind.BOILERPLATE if _BOILERPLATE.match(para.strip()) else BlockKind.BODY
        if kind is BlockKind.BODY and byline is None and _BYLINE.match(para.strip()):
            kind = BlockKind.BYLINE
            byline = Span.of(text, start, end)
        blocks.append(Block(kind, Span.of(text, start, end)))
    dateline = _dateline(text, blocks, date_span)
    return Article(
        text=text,
        blocks=tuple(blocks),
        headline=headline,
        dateline=dateline,
        byline=byline,
        id=id,
        title=title,
        url=url,
        published=_as_date(published),
    )


def _paragraphs(text: str):
    """Yield (start, end) of maximal runs of non-blank lines, trailing whitespace excluded."""
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            yield start, end


_MD_HEADING = re.compile(r"#{1,6}[ \t]+")


def _markdown_marker(line: str) -> int:
    """Length of a Markdown heading marker ("# ", "## ") at the start of ``line``, else 0."""
    m = _MD_HEADING.match(line)
    return m.end() if m else 0


def _lines(text: str, start: int, end: int):
    pos = start
    for line in text[start:end].split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        while le > ls and text[le - 1].isspace():
            le -= 1
        while ls < le and text[ls].isspace():
            ls += 1
        if le > ls:
            yield ls, le


def _header_kind(line: str, have_headline: bool, have_date: bool) -> BlockKind | None:
    """Classify one line of the header region, or None when the body has begun."""
    words = line.split()
    if _BOILERPLATE.match(line):
        return BlockKind.BOILERPLATE
    if not have_date and parse_date(line) is not None:
        return BlockKind.DATELINE
    if _BYLINE.match(line):
        return BlockKind.BYLINE
    if not have_headline:
        if _is_status(line):
            return BlockKind.STATUS
        if len(words) <= 30 and not _SENTENCE_END.search(line) and not _DATELINE.match(line):
            return BlockKind.HEADLINE
        if len(words) <= 20 and line.endswith("?"):
            return BlockKind.HEADLINE
    return None


def _is_status(line: str) -> bool:
    if _LOG_PREFIX.match(line):
        return True
    words = re.findall(r"[a-z]+", line.lower())
    if not words or len(words) > 16:
        return False
    hits = sum(w in _STATUS_WORDS for w in words)
    return hits >= 2 or (hits >= 1 and ":" in line and len(words) <= 8)


def _dateline(text: str, blocks: list[Block], date_span: Span | None) -> Dateline | None:
    place: Span | None = None
    first_body = next((b for b in blocks if b.kind is BlockKind.BODY), None)
    if first_body is not None:
        m = _DATELINE.match(first_body.span.text)
        if m:
            s = first_body.span.start + m.start("place")
            place = Span.of(text, s, s + len(m["place"]))
    date = parse_date(date_span.text) if date_span is not None else None
    if place is None and date_span is None:
        return None
    return Dateline(place=place, date_span=date_span, date=date.date if date else None)


def _as_date(value: object):
    import datetime as dt

    if value is None or isinstance(value, dt.date):
        return value
    parsed = parse_date(str(value))
    return parsed.date if parsed else None
