"""Report renderers. Findings are already sorted by position; renderers never reorder them.

The HTML page is built in :mod:`corrigo.report.html` from a Jinja2 template; the schema.org
ClaimReview JSON-LD in :mod:`corrigo.report.claimreview`.

The text form is for an editor at a terminal: the sentence with the wrong words marked, the
conflicting quote(s), and the fix. Colour only when asked (the CLI asks when stdout is a tty).
"""

from __future__ import annotations

import json

from corrigo.model import Finding, Report, Span

__all__ = ["FORMATS", "render", "render_json", "render_markdown", "render_text"]

FORMATS = ("text", "json", "markdown", "html", "claimreview")
_CONTEXT = 90  # characters of the sentence shown either side of the wrong words


def render(
    report: Report, fmt: str, *, name: str | None = None, color: bool = False, show_unsupported: bool = False
) -> str:
    if fmt == "json":
        return render_json(report)
    if fmt == "markdown":
        return render_markdown(report, name=name)
    if fmt == "html":
        from corrigo.report.html import render_html  # Jinja2 is imported only when a page is asked for

        return render_html(report, name=name, show_unsupported=show_unsupported)
    if fmt == "claimreview":
        from corrigo.report.claimreview import render_claimreview  # default author, today's date

        return render_claimreview([report])
    return render_text(report, name=name, color=color, show_unsupported=show_unsupported)


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _window(text: str, sentence: Span, span: Span) -> tuple[str, str, str]:
    """The sentence around ``span``, cut to a readable window, as (before, wrong, after)."""
    before = text[max(sentence.start, span.start - _CONTEXT) : span.start]
    after = text[span.end : min(sentence.end, span.end + _CONTEXT)]
    if span.start - _CONTEXT > sentence.start:
        before = "…" + before.lstrip()
    if span.end + _CONTEXT < sentence.end:
        after = after.rstrip() + "…"
    flat = " ".join
    return (
        flat(before.split()) + (" " if before[-1:].isspace() else ""),
        span.text,
        ((" " if after[:1].isspace() else "") + flat(after.split())),
    )


def _paint(s: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{s}\x1b[0m" if color else s


def _summary(report: Report) -> str:
    n = len(report.findings)
    return "no contradictions found" if n == 0 else f"{n} finding{'s' if n != 1 else ''}"


def render_text(report: Report, *, name: str | None = None, color: bool = False, show_unsupported: bool = False) -> str:
    text = report.article.text
    unsupported = list(report.unsupported) if show_unsupported else []
    summary = _summary(report)
    if unsupported:
        summary += f"; {len(unsupported)} claim{'s' if len(unsupported) != 1 else ''} the references do not support"
    out = [f"{name + ': ' if name else ''}{summary}", report.search.message, ""]
    for i, f in enumerate(report.findings, 1):
        out += _text_finding(text, str(i), f, color)
    if unsupported:
        # Not findings: the references neither support nor refute these claims.
        out += [_paint(f"Not supported by the references ({len(unsupported)}; not findings):", "1", color), ""]
        for i, f in enumerate(unsupported, 1):
            out += _text_finding(text, f"u{i}", f, color)
    return "\n".join(out).rstrip("\n") + "\n"


def _text_finding(text: str, label: str, f: Finding, color: bool) -> list[str]:
    line, col = _line_col(text, f.span.start)
    head = f"{label}. {f.verdict.value} · {f.kind.value.replace('_', ' ')} · confidence {f.confidence:.2f}"
    out = [_paint(head, "1", color) + f"  (line {line}, column {col}; chars {f.span.start}–{f.span.end})"]
    before, wrong, after = _window(text, f.sentence, f.span)
    out.append("   " + before + _paint(f"[{wrong}]", "1;31", color) + after)
    out.append("   Why: " + f.explanation)
    for e in f.evidence:
        out.append(f"   Evidence ({e.source}, chars {e.span.start}–{e.span.end}): “{_squash(e.span.text)}”")
    if f.suggestion is not None:
        out.append("   Fix: " + _paint(f.span.text, "31", color) + " → " + _paint(f.suggestion, "1;32", color))
    out.append("")
    return out


def _squash(s: str, limit: int = 240) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _md(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report, *, name: str | None = None) -> str:
    text = report.article.text
    out = [f"# Corrigo report{': ' + name if name else ''}", "", f"**{_summary(report)}.** {report.search.message}", ""]
    for i, f in enumerate(report.findings, 1):
        out += _markdown_finding(text, i, f)
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown_finding(text: str, i: int, f: Finding) -> list[str]:
    line, _ = _line_col(text, f.span.start)
    before, wrong, after = _window(text, f.sentence, f.span)
    lines = [
        f"## {i}. {f.kind.value.replace('_', ' ').capitalize()} — {f.verdict.value} ({f.confidence:.2f})",
        "",
        f"> {_md(before)}**~~{_md(wrong)}~~**{_md(after)}",
        "",
        f"- **Where:** line {line}, characters {f.span.start}–{f.span.end}",
        f"- **Why:** {_md(f.explanation)}",
    ]
    if f.suggestion is not None:
        lines.append(f"- **Fix:** `{_md(f.span.text)}` → `{_md(f.suggestion)}`")
    for e in f.evidence:
        lines.append(f"- **Evidence** ({e.source}, {e.span.start}–{e.span.end}): “{_md(_squash(e.span.text))}”")
    lines.append("")
    return lines
