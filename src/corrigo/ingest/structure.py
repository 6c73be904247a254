"""Recognise an article's layout: headline, subheadlines, date line, dateline, byline, body and
non-content lines.

Only the headline, subheadlines and body paragraphs are checked. Lines that are not article content (a status
line another tool printed above the story, "Advertisement", share prompts, bylines) are kept as
blocks of their own kind so offsets stay exact, but never reach the checks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corrigo.analysis.dates import parse_date
from corrigo.ingest.datelines import (
    MetaLine,
    complete_year,
    is_bare_byline,
    is_byline,
    is_byline_tail,
    match_dateline,
    read_meta_line,
)
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
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*$")
# A line that runs on into the next one: it ends on a comma, a hyphen or a small word.
_RUNS_ON = re.compile(
    r"(?:[,;\-–(]|\b(?:a|an|the|of|to|in|on|at|for|and|or|but|with|from|by|as|that|which|who|its|their|his|her))$",
    re.I,
)
_MAX_SUBHEADLINES = 2
# How far into the layout a date line or a dated byline is still looked for once the body has begun.
_LATE_META_LINES = 8


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    para: int


@dataclass(frozen=True, slots=True)
class _DateLine:
    span: Span  # the date line block
    at: Span  # the date written in it
    date: dt.date
    published: bool  # marked "Published"/"Posted"/... rather than "Updated"
    whole: bool  # the block is a date line of its own (not split off a byline)


def parse_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: object = None,
) -> Article:
    """Lay out ``text`` as an Article. ``text`` is kept verbatim; nothing is stripped or rewritten.

    The header is read line by line, in any order real copy uses: status lines, the headline,
    subheadlines (between the headline and the first date line, byline or story paragraph), date
    lines ("Published: 3 March 2020 10:42 GMT"), bylines ("By Ann Lee, Health Correspondent"). The
    story's first paragraph may open with a dateline ("OSLO, 3 March 2020 —", "DENVER, Sept. 10
    (AP) -"), whose date wins over the date line's when it has one (its year may come from there).
    """
    paras = list(_paragraphs(text))
    lines = [_Line(ls, le, pi) for pi, (ps, pe) in enumerate(paras) for ls, le in _lines(text, ps, pe)]
    blocks: list[Block] = []
    dates: list[_DateLine] = []
    headline: Span | None = None
    byline: Span | None = None
    subs = 0
    meta_seen = False
    body_from: int | None = None  # index into ``lines`` of the first body line
    for k, line in enumerate(lines):
        ls = line.start + _markdown_marker(text[line.start : line.end])
        heading = ls > line.start
        raw = text[ls : line.end]
        if _BOILERPLATE.match(raw):
            blocks.append(Block(BlockKind.BOILERPLATE, Span.of(text, ls, line.end)))
            continue
        meta = read_meta_line(raw)
        if meta is not None and headline is None and meta.date is None and "," in raw:
            meta = None  # above the headline, "By Land and Sea, Migrants Head North" is a headline
        if meta is not None:
            meta_seen = True
            for kind, span in _meta_blocks(text, ls, line.end, meta):
                if kind is BlockKind.BYLINE and byline is None:
                    byline = span
                blocks.append(Block(kind, span))
            if meta.date is not None:
                dates.append(_date_line(text, ls, line.end, meta))
            continue
        if blocks and blocks[-1].kind is BlockKind.BYLINE and not heading and is_byline_tail(raw):
            blocks.append(Block(BlockKind.BYLINE, Span.of(text, ls, line.end)))  # "By Ann Lee" / "BBC News"
            continue
        if headline is None:
            if not meta_seen and _is_status(raw):
                blocks.append(Block(BlockKind.STATUS, Span.of(text, ls, line.end)))
                continue
            if heading or _headline_shaped(raw):
                headline = Span.of(text, ls, line.end)
                blocks.append(Block(BlockKind.HEADLINE, headline))
                continue
        elif not heading and is_bare_byline(raw) and _date_follows(text, lines, k):
            span = Span.of(text, ls, line.end)  # "Ann Lee" over "Tue 3 Mar 2021 10.00 GMT"
            byline = byline or span
            blocks.append(Block(BlockKind.BYLINE, span))
            continue
        elif not meta_seen and subs < _MAX_SUBHEADLINES and _is_subheadline(text, lines, k, ls, heading):
            span = Span.of(text, ls, line.end)
            subs += 1
            blocks.append(Block(BlockKind.SUBHEADLINE, span))
            continue
        body_from = k
        break
    if body_from is not None:
        first = lines[body_from]
        blocks.extend(_body_block(text, first.start, paras[first.para][1]))
        for ps, pe in paras[first.para + 1 :]:
            blocks.extend(_body_block(text, ps, pe))
    if not dates:
        blocks = _split_late_meta(text, blocks, lines, dates)
    if byline is None:
        byline = _late_byline(blocks)
    dateline = _dateline(text, blocks, dates, _as_date(published))
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


def _headline_shaped(line: str) -> bool:
    words = line.split()
    if len(words) <= 30 and not _SENTENCE_END.search(line) and match_dateline(line) is None:
        return True
    return len(words) <= 20 and line.endswith("?")


def _is_subheadline(text: str, lines: list[_Line], k: int, ls: int, heading: bool) -> bool:
    """Is line ``k`` (after the headline, before any date line or byline) a subheadline?

    A standfirst is short and is no paragraph of the story: either it does not end like a
    sentence (and does not run on into the next line), or what follows it is still header (a date
    line, a byline, or the story's dateline), which never follows a story paragraph.
    """
    line = text[ls : lines[k].end]
    if match_dateline(line) is not None:
        return False
    if heading:
        return True
    if len(line.split()) > 45:
        return False
    following = _next_content(text, lines, k)
    if following is not None:
        nxt = text[following.start : following.end]
        if read_meta_line(nxt) is not None or match_dateline(nxt) is not None:
            return True
        if is_bare_byline(nxt) and _date_follows(text, lines, lines.index(following)):
            return True
    if _SENTENCE_END.search(line) or line.endswith(":"):
        return False
    if following is None or following.para != lines[k].para:
        return True
    nxt = text[following.start : following.end]
    if nxt[:1].islower() or _RUNS_ON.search(line):
        return False
    return not _hard_wrapped(text, lines, lines[k].para)


def _date_follows(text: str, lines: list[_Line], k: int) -> bool:
    following = _next_content(text, lines, k)
    if following is None:
        return False
    meta = read_meta_line(text[following.start : following.end])
    return meta is not None and meta.date is not None and meta.byline is None


def _next_content(text: str, lines: list[_Line], k: int) -> _Line | None:
    for line in lines[k + 1 :]:
        if not _BOILERPLATE.match(text[line.start : line.end]):
            return line
    return None


def _hard_wrapped(text: str, lines: list[_Line], para: int) -> bool:
    """A paragraph broken into short lines of about one width (text wrapped at ~70 columns)."""
    own = [ln for ln in lines if ln.para == para]
    if len(own) < 3:
        return False
    widths = [ln.end - ln.start for ln in own[:-1]]
    return max(widths) <= 100 and min(widths) >= 0.6 * max(widths)


def _meta_blocks(text: str, ls: int, le: int, meta: MetaLine) -> list[tuple[BlockKind, Span]]:
    """The blocks a date line or byline line makes: one, or a byline and a date line side by side."""
    if meta.byline is None:
        return [(BlockKind.DATELINE, Span.of(text, ls, le))]
    name = Span.of(text, ls + meta.byline[0], ls + meta.byline[1])
    if meta.date is None or meta.date_block is None:
        return [(BlockKind.BYLINE, name)]
    return [(BlockKind.BYLINE, name), (BlockKind.DATELINE, Span.of(text, ls + meta.date_block[0], le))]


def _date_line(text: str, ls: int, le: int, meta: MetaLine) -> _DateLine:
    assert meta.date is not None and meta.date_at is not None
    whole = meta.byline is None
    block = Span.of(text, ls if whole else ls + (meta.date_block or (0, 0))[0], le)
    at = Span.of(text, ls + meta.date_at[0], ls + meta.date_at[1])
    before = text[block.start : at.start]
    return _DateLine(block, at, meta.date, bool(re.search(r"(?i)publish|posted|first", before)), whole)


def _body_block(text: str, start: int, end: int) -> list[Block]:
    start += _markdown_marker(text[start:end])  # "## Background" is a subheading; its text is what counts
    parts = _line_paragraphs(text, start, end) or [(start, end)]
    blocks = []
    for ps, pe in parts:
        para = text[ps:pe]
        kind = BlockKind.BOILERPLATE if _BOILERPLATE.match(para.strip()) else BlockKind.BODY
        blocks.append(Block(kind, Span.of(text, ps, pe)))
    return blocks


# A line that ends a sentence: "... on Monday." / '... she said."' / "... (Reuters)?"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def _line_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The lines of a run written one paragraph per line (no blank lines between paragraphs), or
    None for a real paragraph, hard-wrapped or not: there most lines stop mid-sentence."""
    lines = [(a, b) for a, b in _lines(text, start, end)]
    if len(lines) < 2:
        return None
    ends = sum(1 for a, b in lines[:-1] if _SENTENCE_END.search(text[a:b]))
    if ends < 0.75 * (len(lines) - 1):
        return None
    return lines


def _late_byline(blocks: list[Block]) -> Span | None:
    """A paragraph of its own that is a byline ("By Ann Lee" under the first paragraph)."""
    for i, b in enumerate(blocks):
        if b.kind is BlockKind.BYLINE:
            return b.span
        if b.kind is BlockKind.BODY and "\n" not in b.span.text and is_byline(b.span.text):
            blocks[i] = Block(BlockKind.BYLINE, b.span)
            return b.span
    return None


def _split_late_meta(text: str, blocks: list[Block], lines: list[_Line], dates: list[_DateLine]) -> list[Block]:
    """Find a date the header did not give in a date line or dated byline a little further down
    (within the first lines of the layout), never in a sentence of the story."""
    limit = lines[_LATE_META_LINES - 1].end if len(lines) >= _LATE_META_LINES else len(text)
    out: list[Block] = []
    for b in blocks:
        if dates or b.kind is not BlockKind.BODY or b.span.start >= limit:
            out.append(b)
            continue
        pos = b.span.start
        for ls, le in _lines(text, b.span.start, b.span.end):
            if ls >= limit or dates:
                break
            meta = read_meta_line(text[ls:le])
            if meta is None or meta.date is None:
                continue
            if ls > pos:
                out.extend(_body_block(text, pos, _rstrip(text, pos, ls)))
            out.extend(Block(kind, span) for kind, span in _meta_blocks(text, ls, le, meta))
            dates.append(_date_line(text, ls, le, meta))
            pos = _lstrip(text, le, b.span.end)
        if pos < b.span.end:
            out.extend(_body_block(text, pos, b.span.end) if pos > b.span.start else [b])
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _is_status(line: str) -> bool:
    if _LOG_PREFIX.match(line):
        return True
    words = re.findall(r"[a-z]+", line.lower())
    if not words or len(words) > 16:
        return False
    hits = sum(w in _STATUS_WORDS for w in words)
    return hits >= 2 or (hits >= 1 and ":" in line and len(words) <= 8)


def _dateline(text: str, blocks: list[Block], dates: list[_DateLine], published: dt.date | None) -> Dateline | None:
    """Where and when: the first story paragraph's dateline and the header's date line.

    The dateline's own date is the story's date (the day it speaks from); a dateline date without
    a year takes the year that puts it nearest the date line's (or the metadata's) date.
    """
    place = region = agency = line = None
    dl_date: dt.date | None = None
    dl_at: Span | None = None
    first_body = next((b for b in blocks if b.kind is BlockKind.BODY), None)
    if first_body is not None:
        m = match_dateline(first_body.span.text)
        if m is not None:
            base = first_body.span.start

            def cut(at: tuple[int, int] | None) -> Span | None:
                return None if at is None else Span.of(text, base + at[0], base + at[1])

            place, region, agency = cut(m.place), cut(m.region), cut(m.agency)
            line = Span.of(text, base, base + m.end)
            dl_at = cut(m.date_at)
            if m.month is not None and m.day is not None:
                near = _chosen(dates).date if dates else published
                dl_date = m.date or (complete_year(m.month, m.day, near) if near is not None else None)
    chosen = _chosen(dates) if dates else None
    date_span: Span | None = None
    date: dt.date | None = None
    if dl_date is not None:
        date = dl_date
        same = chosen is not None and chosen.date == dl_date
        date_span = (chosen.span if chosen.whole else chosen.at) if same and chosen is not None else dl_at
    elif chosen is not None:
        date = chosen.date
        date_span = chosen.span if chosen.whole else chosen.at
    if place is None and date_span is None and chosen is None:
        return None
    return Dateline(
        place=place,
        date_span=date_span,
        date=date,
        region=region,
        agency=agency,
        line=line,
        date_line=chosen.span if chosen is not None else None,
    )


def _chosen(dates: list[_DateLine]) -> _DateLine:
    """The publication date among the header's date lines: one marked published, else the first."""
    return next((d for d in dates if d.published), dates[0])


def _as_date(value: object):
    if value is None or isinstance(value, dt.date):
        return value
    parsed = parse_date(str(value))
    return parsed.date if parsed else None
