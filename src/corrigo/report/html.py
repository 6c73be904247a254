"""A self-contained HTML page for one or more reports.

The page carries its own CSS and nothing else: no scripts, fonts, images or outside links, so it
opens offline and travels as an e-mail attachment. Every piece of text that comes from the input
(article, explanations, quotes, names) reaches the template as data and is escaped by Jinja2's
autoescaping; no markup is assembled here from untrusted strings.

The article is cut into runs at the findings' original offsets first, and only then is each run
made safe: characters that stay harmful even when escaped (C0/C1 controls other than newline and
tab, lone surrogates, bidirectional overrides and isolates) are swapped for visible markers such as
``⟨U+202E⟩``, so the offsets used for cutting are never shifted by the replacement.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import jinja2

from corrigo.model import Finding, Report, Verdict

__all__ = ["Piece", "neutral_pieces", "neutral_text", "render_html", "render_html_pages", "segment"]

# Bidirectional formatting characters: embeddings/overrides, isolates, implicit marks.
_BIDI = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
_KEEP = frozenset("\n\t")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of safe text (``marker`` False) or a visible stand-in for one dangerous character."""

    text: str
    marker: bool = False
    title: str = ""


def _danger(ch: str) -> Piece | None:
    """The stand-in for ``ch`` when it must not reach the page as itself, else None."""
    cp = ord(ch)
    if 0xD800 <= cp <= 0xDFFF:
        return Piece("\ufffd", True, f"lone surrogate U+{cp:04X} replaced")
    if (cp < 0x20 and ch not in _KEEP) or 0x7F <= cp <= 0x9F:
        return Piece(f"⟨U+{cp:04X}⟩", True, f"control character U+{cp:04X}")
    if cp in _BIDI:
        return Piece(f"⟨U+{cp:04X}⟩", True, f"bidirectional control U+{cp:04X}")
    return None


def neutral_pieces(s: str | None) -> list[Piece]:
    """Split ``s`` into plain text and markers for the characters that must not pass through."""
    out: list[Piece] = []
    start = 0
    for i, ch in enumerate(s or ""):
        stand_in = _danger(ch)
        if stand_in is None:
            continue
        if start < i:
            out.append(Piece(s[start:i]))
        out.append(stand_in)
        start = i + 1
    if s and start < len(s):
        out.append(Piece(s[start:]))
    return out


def neutral_text(s: str | None) -> str:
    """``s`` with every dangerous character replaced by its marker, as one string (for titles)."""
    return "".join(p.text for p in neutral_pieces(s))


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of the article: plain (``finding`` None) or one finding's highlighted words.

    ``anchors`` are the ids of empty anchor points placed just before the run (where a quote
    from the article itself begins)."""

    pieces: list[Piece]
    start: int
    end: int
    finding: int | None = None
    verdict: str | None = None
    anchors: tuple[str, ...] = ()


def _highlightable(text: str, findings: Sequence[Finding]) -> dict[int, Finding]:
    """The findings (by 1-based number) that can be highlighted: inside the text, in order, apart."""
    out: dict[int, Finding] = {}
    last_end = 0
    for i, f in enumerate(findings, 1):
        s, e = f.span.start, f.span.end
        if last_end <= s < e <= len(text):
            out[i] = f
            last_end = e
    return out


def segment(
    text: str, findings: Sequence[Finding], anchors: Iterable[tuple[int, str]] = ()
) -> tuple[list[Run], dict[str, str]]:
    """Cut ``text`` at the findings' offsets (and at anchor points) into runs, then neutralise each run.

    Each highlightable finding becomes exactly one run. An anchor point that falls strictly inside a
    highlight is not placed; the second value maps its id to that highlight's id, where links to it
    should go instead. Joining ``text[run.start:run.end]`` over the runs gives back ``text``."""
    marks = _highlightable(text, findings)
    redirect: dict[str, str] = {}
    points: dict[int, list[str]] = {}
    for pos, ident in anchors:
        pos = min(max(pos, 0), len(text))
        host = next((n for n, f in marks.items() if f.span.start < pos < f.span.end), None)
        if host is None:
            points.setdefault(pos, []).append(ident)
        else:
            redirect[ident] = f"f{host}"
    cuts = {0, len(text), *points}
    for f in marks.values():
        cuts.update((f.span.start, f.span.end))
    ordered = sorted(cuts)
    by_start = {f.span.start: (n, f) for n, f in marks.items()}
    runs: list[Run] = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        n, f = by_start.get(a, (None, None))
        runs.append(
            Run(
                pieces=neutral_pieces(text[a:b]),
                start=a,
                end=b,
                finding=n,
                verdict=f.verdict.value if f is not None else None,
                anchors=tuple(points.get(a, ())),
            )
        )
    if points.get(len(text)):
        runs.append(Run(pieces=[], start=len(text), end=len(text), anchors=tuple(points[len(text)])))
    return runs, redirect


# --- the page -------------------------------------------------------------------------------------

_VERDICT_ORDER = tuple(v.value for v in Verdict)


@dataclass(frozen=True, slots=True)
class _EvidenceView:
    source: str
    start: int
    end: int
    text: str
    is_self: bool
    target: str | None  # the in-page id a "self" quote links to


@dataclass(frozen=True, slots=True)
class _FindingView:
    number: str  # "1", or "u1" for a claim listed apart
    entry_id: str  # the id of the finding's entry in the list
    mark_id: str | None  # the id of its highlight in the article (None when not highlighted)
    verdict: str
    kind: str
    confidence: str
    start: int
    end: int
    text: str
    explanation: str
    suggestion: str | None
    evidence: list[_EvidenceView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Section:
    prefix: str
    name: str | None
    article_id: str | None
    headline: str | None
    date: str | None
    search: str
    counts: list[tuple[str, int]]
    total: int
    runs: list[Run]
    findings: list[_FindingView]
    unsupported: list[_FindingView]


def _section(report: Report, name: str | None, prefix: str, show_unsupported: bool) -> _Section:
    art = report.article
    text = art.text
    unsupported = list(report.unsupported) if show_unsupported else []
    # Empty anchor points in the article: where each quote from the article itself begins, and where
    # each claim listed apart begins (those are not highlighted).
    points: list[tuple[int, str]] = []
    for label, f in [(str(i), f) for i, f in enumerate(report.findings, 1)] + [
        (f"u{i}", f) for i, f in enumerate(unsupported, 1)
    ]:
        if label.startswith("u"):
            points.append((f.span.start, f"{prefix}at-{label}"))
        for j, e in enumerate(f.evidence, 1):
            if e.source == "self":
                points.append((e.span.start, f"{prefix}e{label}-{j}"))
    runs, redirect = segment(text, report.findings, points)
    placed = {a for r in runs for a in r.anchors}
    marked = {r.finding for r in runs if r.finding is not None}

    def target(ident: str) -> str | None:
        if ident in placed:
            return ident
        return prefix + redirect[ident] if ident in redirect else None

    def view(label: str, f: Finding, mark: str | None) -> _FindingView:
        ev = []
        for j, e in enumerate(f.evidence, 1):
            is_self = e.source == "self"
            ev.append(
                _EvidenceView(
                    e.source,
                    e.span.start,
                    e.span.end,
                    e.span.text,
                    is_self,
                    target(f"{prefix}e{label}-{j}") if is_self else None,
                )
            )
        return _FindingView(
            number=label,
            entry_id=f"{prefix}finding-{label}",
            mark_id=mark,
            verdict=f.verdict.value,
            kind=f.kind.value.replace("_", " "),
            confidence=f"{f.confidence:.2f}",
            start=f.span.start,
            end=f.span.end,
            text=f.span.text,
            explanation=f.explanation,
            suggestion=f.suggestion,
            evidence=ev,
        )

    findings = [view(str(i), f, f"{prefix}f{i}" if i in marked else None) for i, f in enumerate(report.findings, 1)]
    apart = [view(f"u{i}", f, target(f"{prefix}at-u{i}")) for i, f in enumerate(unsupported, 1)]
    counts = Counter(f.verdict.value for f in report.findings)
    headline = art.headline.text if art.headline is not None else art.title
    return _Section(
        prefix=prefix,
        name=name,
        article_id=art.id,
        headline=headline,
        date=art.date.isoformat() if art.date is not None else None,
        search=report.search.message,
        counts=[(v, counts.get(v, 0)) for v in _VERDICT_ORDER],
        total=len(report.findings),
        runs=runs,
        findings=findings,
        unsupported=apart,
    )


def template_environment(package: str) -> jinja2.Environment:
    """A Jinja2 environment for the templates of ``package``: every value escaped, an undefined
    name an error, block tags leaving no blank lines. The report and the server's pages use it."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = template_environment("corrigo.report")
    env.filters["pieces"] = neutral_pieces
    env.filters["neutral"] = neutral_text
    return env


def render_html_pages(reports: Sequence[tuple[str | None, Report]], *, show_unsupported: bool = False) -> str:
    """One page with a section per ``(name, report)``. With several reports, every in-page id is
    prefixed with ``r<n>-`` so the sections' anchors never collide."""
    many = len(reports) > 1
    sections = [_section(r, name, f"r{i}-" if many else "", show_unsupported) for i, (name, r) in enumerate(reports, 1)]
    names = [s.name or s.article_id for s in sections]
    title = "Corrigo report" + (f": {names[0]}" if len(names) == 1 and names[0] else "")
    return _environment().get_template("report.html.j2").render(title=title, sections=sections, many=many)


def render_html(report: Report, *, name: str | None = None, show_unsupported: bool = False) -> str:
    """The page for one report."""
    return render_html_pages([(name, report)], show_unsupported=show_unsupported)
