"""What the two error generators share: text edits (make a set at once, undo them, test spans for
overlap) and loading their spaCy pipeline.

An edit replaces ``text[start:end]`` with a wrong value. :func:`apply_edits` makes every edit at
once and reports where each one, and each of its evidence spans, lands in the edited text;
:func:`restore_edits` puts the original words back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar


class _Edit(Protocol):
    """What :func:`apply_edits` reads from a chosen candidate: its span and its evidence spans."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def evidence(self) -> tuple[tuple[int, int], ...]: ...


class _Made(Protocol):
    """What :func:`restore_edits` reads from an edit made: its span in the edited text and the old words."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def right(self) -> str: ...


_E = TypeVar("_E", bound=_Edit)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def restore_edits(text: str, errors: Iterable[_Made]) -> str:
    """Undo every edit made in ``text``, last first; gives back the text before the edits."""
    out = text
    for e in sorted(errors, key=lambda e: e.start, reverse=True):
        out = out[: e.start] + e.right + out[e.end :]
    return out


def apply_edits(
    text: str, chosen: Sequence[tuple[_E, str]]
) -> tuple[str, list[tuple[_E, str, int, tuple[tuple[int, int], ...]]]]:
    """Replace each candidate's span of ``text`` with its wrong words (the spans must not overlap).

    Returns the edited text and, in order of position, ``(candidate, wrong, start, evidence)``:
    where the wrong words start in the edited text, and the candidate's evidence spans there.
    """
    edits = sorted(chosen, key=lambda cw: cw[0].start)

    def shift(pos: int) -> int:
        delta = 0
        for c, wrong in edits:
            if c.end <= pos:
                delta += len(wrong) - (c.end - c.start)
        return pos + delta

    parts: list[str] = []
    last = 0
    for c, wrong in edits:
        parts.append(text[last : c.start])
        parts.append(wrong)
        last = c.end
    parts.append(text[last:])
    new_text = "".join(parts)
    placed = []
    for c, wrong in edits:
        start = shift(c.start)
        placed.append((c, wrong, start, tuple((shift(s), shift(e)) for s, e in c.evidence)))
    return new_text, placed


def load_pipeline(names: Sequence[str]) -> Any:
    """The first of ``names`` that spaCy can load; ``OSError`` naming every one tried otherwise."""
    import spacy

    errors: list[str] = []
    for name in names:
        try:
            return spacy.load(name)
        except OSError as exc:  # not installed
            errors.append(f"{name}: {exc}")
    raise OSError("no spaCy English pipeline found; tried " + "; ".join(errors))
