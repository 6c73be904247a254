"""What every check's positive case asserts about its one finding, in one place."""

from __future__ import annotations

from corrigo.model import Finding, FindingKind


def apply_fix(text: str, finding: Finding) -> str:
    """The article with the finding's suggestion put in place of its span."""
    assert finding.suggestion is not None
    return text[: finding.span.start] + finding.suggestion + text[finding.span.end :]


def assert_single_fix(text: str, findings, wrong: str, right: str, kind: FindingKind, name: str = "") -> Finding:
    """Exactly one finding: its span is ``wrong`` at exact offsets inside its sentence, its fix ``right``."""
    assert [(f.span.text, f.suggestion) for f in findings] == [(wrong, right)], name
    f = findings[0]
    assert f.kind is kind
    assert text[f.span.start : f.span.end] == wrong
    assert f.sentence.start <= f.span.start and f.span.end <= f.sentence.end
    assert 0.5 <= f.confidence <= 0.95
    assert f.explanation.endswith(".")
    return f


def variants(marked: str) -> tuple[str, str, str, str]:
    """``marked`` holds one ``{wrong|right}``: return (corrupted, clean, wrong, right)."""
    head, rest = marked.split("{", 1)
    pair, tail = rest.split("}", 1)
    wrong, right = pair.split("|")
    return head + wrong + tail, head + right + tail, wrong, right
