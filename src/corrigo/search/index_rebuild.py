"""Rebuilding a search index with this version's format and embedding model."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corrigo.errors import IndexFormatError
from corrigo.evidence import Document
from corrigo.search.embed import StaticEmbedder
from corrigo.search.index_layout import _LOCK, _SQLITE, IndexNotFoundError, ProgressCallback, _flock

if TYPE_CHECKING:
    from corrigo.search.index import Index

# The log records keep the logger name they had when this code lived in corrigo.search.index.
logger = logging.getLogger("corrigo.search.index")


def rebuild_index(
    path: Path | str, *, on_progress: ProgressCallback | None = None, embedder: StaticEmbedder | None = None
) -> Index:
    """Re-index every document of the index at ``path`` with this version's format and model.

    Reads the documents table (which every format keeps), builds a new index beside the old
    one and swaps the folders. Returns the new index, open.
    """
    from corrigo.search.index import Index

    path = Path(path)
    db = path / _SQLITE
    if not db.is_file():
        raise IndexNotFoundError(f"no index at {path}: build one with `corrigo index add PATH...`")
    fresh = path.with_name(f".{path.name}.rebuild")
    retired = path.with_name(f".{path.name}.old")
    for leftover in (fresh, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    with _flock(path / _LOCK, timeout=30.0):
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                docs = [
                    Document(doc_id, text, title, _iso_date(date), url)
                    for doc_id, text, title, date, url in conn.execute(
                        "SELECT id, text, title, date, url FROM documents WHERE state = 1 ORDER BY key"
                    )
                ]
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise IndexFormatError(
                f"can't read the documents of the index at {path} ({exc}): delete it and add the documents again"
            ) from exc
        new = Index(fresh, create=True, embedder=embedder)
        new.add(docs, on_progress=on_progress)
        new.close()
        os.replace(path, retired)
    os.replace(fresh, path)
    shutil.rmtree(retired, ignore_errors=True)
    logger.info("rebuilt index at %s: %d documents", path, len(docs))
    return Index(path, embedder=embedder)


def _iso_date(value: str | None) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None
