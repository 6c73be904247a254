"""Reference passages and the retriever interface shared by the search module and source mode.

A ``Passage`` is a window of sentences from a reference document that remembers where it came
from: the document id, title and date, and the character offsets into that document's text, so
every quote in a report can be cited exactly. Any object with a ``search`` method of the
``Retriever`` shape can feed verification: the on-disk index (``corrigo.search``, an optional
extra) or the in-memory index over documents the user passes with ``--source``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

__all__ = ["Document", "Passage", "Retriever"]


@dataclass(frozen=True, slots=True)
class Document:
    """A reference document: its stable id and verbatim text, with optional metadata."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """``text == document.text[start:end]`` for the document ``doc_id``."""

    doc_id: str
    start: int
    end: int
    text: str
    title: str | None = None
    date: dt.date | None = None
    score: float = 0.0


class Retriever(Protocol):
    """Finds the passages that bear on a query, best first."""

    def search(self, query: str, k: int = 10) -> list[Passage]: ...
