"""The SQLite side of an index: documents, passages and the bookkeeping that makes adds atomic.

SQLite is the source of truth. A document version (``documents.key``) is ``pending`` while its
passages are being written to tantivy and the vector file, and becomes ``committed`` in one
transaction that also retires the version it replaces. Readers only ever see committed rows.
Versions that left SQLite but may still sit in tantivy are listed in ``garbage`` until tantivy
has deleted them. The database runs in WAL mode so readers work while a writer adds.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corrigo.evidence import Document

__all__ = ["COMMITTED", "PENDING", "PassageRow", "Store"]

PENDING = 0
COMMITTED = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    key   INTEGER PRIMARY KEY AUTOINCREMENT,  -- one stored version; never reused
    id    TEXT NOT NULL,
    title TEXT,
    date  TEXT,                         -- ISO date or NULL
    url   TEXT,
    text  TEXT NOT NULL,
    hash  TEXT NOT NULL,                -- content_hash(): text and metadata
    state INTEGER NOT NULL              -- 0 pending, 1 committed
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_committed_id ON documents(id) WHERE state = 1;
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE TABLE IF NOT EXISTS passages (
    pid     INTEGER PRIMARY KEY,        -- from state.next_pid: never reused
    doc_key INTEGER NOT NULL REFERENCES documents(key),
    start   INTEGER NOT NULL,           -- offsets into documents.text (Python str indices)
    end     INTEGER NOT NULL,
    row     INTEGER NOT NULL            -- row of the passage's vector in the vector file
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_key);
CREATE TABLE IF NOT EXISTS garbage (doc_key INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO state VALUES ('generation', 0);
INSERT OR IGNORE INTO state VALUES ('next_pid', 1);
"""


@dataclass(frozen=True, slots=True)
class PassageRow:
    """A committed passage joined with its document's metadata."""

    pid: int
    doc_key: int
    doc_id: str
    start: int
    end: int
    text: str
    title: str | None
    date: dt.date | None
    row: int


class Store:
    """A connection to ``index.sqlite3``; one per process and thread that uses the index."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # isolation_level=None: transactions are explicit (``with store.transaction()``).
        self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30.0)
        self.conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a killed process never corrupts the database; a power cut may lose
        # the last transaction, which leaves the index in its previous, consistent state.
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")

    def create_schema(self) -> None:
        self.conn.executescript(f"BEGIN IMMEDIATE;\n{_SCHEMA}\nCOMMIT;")

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back if the block raises."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the same committed state."""
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("COMMIT")

    # ---- reading -------------------------------------------------------------------------

    def generation(self) -> int:
        """A counter bumped by every transaction that changes what readers see."""
        return int(self.conn.execute("SELECT value FROM state WHERE name = 'generation'").fetchone()[0])

    def committed_hashes(self, ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        """``id -> (key, hash)`` for the committed documents among ``ids``."""
        out: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for key, doc_id, h in self.conn.execute(
                f"SELECT key, id, hash FROM documents WHERE state = 1 AND id IN ({marks})", chunk
            ):
                out[doc_id] = (key, h)
        return out

    def live_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """``(rows, pids)`` of every committed passage, sorted by row."""
        cur = self.conn.execute(
            "SELECT p.row, p.pid FROM passages p JOIN documents d ON d.key = p.doc_key WHERE d.state = 1"
        )
        data = np.array(cur.fetchall(), dtype=np.int64).reshape(-1, 2)
        order = np.argsort(data[:, 0], kind="stable")
        return data[order, 0], data[order, 1]

    def passages(self, pids: Iterable[int]) -> dict[int, PassageRow]:
        """The committed passages among ``pids`` (missing or uncommitted ones are left out)."""
        out: dict[int, PassageRow] = {}
        for chunk in _chunks(sorted(set(pids)), 500):
            marks = ",".join("?" * len(chunk))
            # substr counts characters in TEXT values, like Python str indices (1-based).
            cur = self.conn.execute(
                "SELECT p.pid, p.doc_key, d.id, p.start, p.end, substr(d.text, p.start + 1, p.end - p.start),"
                f" d.title, d.date, p.row FROM passages p JOIN documents d ON d.key = p.doc_key"
                f" WHERE d.state = 1 AND p.pid IN ({marks})",
                chunk,
            )
            for pid, key, doc_id, start, end, text, title, date, row in cur:
                out[pid] = PassageRow(
                    pid, key, doc_id, start, end, text, title, dt.date.fromisoformat(date) if date else None, row
                )
        return out

    def counts(self) -> tuple[int, int]:
        """``(documents, passages)`` committed."""
        docs = self.conn.execute("SELECT count(*) FROM documents WHERE state = 1").fetchone()[0]
        passages = self.conn.execute(
            "SELECT count(*) FROM passages p JOIN documents d ON d.key = p.doc_key WHERE d.state = 1"
        ).fetchone()[0]
        return int(docs), int(passages)

    def max_row(self) -> int:
        """The highest vector row any passage (pending or committed) uses, or -1."""
        value = self.conn.execute("SELECT max(row) FROM passages").fetchone()[0]
        return -1 if value is None else int(value)

    def documents(self) -> Iterator[Document]:
        """Every committed document, in key order (what a rebuild re-indexes)."""
        cur = self.conn.execute("SELECT id, text, title, date, url FROM documents WHERE state = 1 ORDER BY key")
        for doc_id, text, title, date, url in cur:
            yield Document(doc_id, text, title, dt.date.fromisoformat(date) if date else None, url)

    def garbage(self) -> list[int]:
        return [k for (k,) in self.conn.execute("SELECT doc_key FROM garbage ORDER BY doc_key")]

    def pending_keys(self) -> list[int]:
        return [k for (k,) in self.conn.execute("SELECT key FROM documents WHERE state = 0 ORDER BY key")]

    # ---- writing (call inside ``transaction()``) -----------------------------------------

    def insert_pending(self, doc: Document, doc_hash: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO documents (id, title, date, url, text, hash, state) VALUES (?, ?, ?, ?, ?, ?, 0)",
            (doc.id, doc.title, doc.date.isoformat() if doc.date else None, doc.url, doc.text, doc_hash),
        )
        assert cur.lastrowid is not None
        return int(cur.lastrowid)

    def insert_passages(self, rows: Sequence[tuple[int, int, int, int]]) -> list[int]:
        """Insert ``(doc_key, start, end, row)`` tuples; returns their new pids, in order."""
        # pids come from a counter, never from max(pid): a retired passage's pid may still sit
        # in tantivy until its deletion commits, and must not name a new passage meanwhile.
        first = int(self.conn.execute("SELECT value FROM state WHERE name = 'next_pid'").fetchone()[0])
        pids = list(range(first, first + len(rows)))
        self.conn.execute("UPDATE state SET value = ? WHERE name = 'next_pid'", (first + len(rows),))
        self.conn.executemany(
            "INSERT INTO passages (pid, doc_key, start, end, row) VALUES (?, ?, ?, ?, ?)",
            [(pid, *r) for pid, r in zip(pids, rows, strict=True)],
        )
        return pids

    def retire(self, keys: Sequence[int]) -> None:
        """Delete document versions and their passages; list them as garbage for tantivy."""
        for chunk in _chunks(list(keys), 500):
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"DELETE FROM passages WHERE doc_key IN ({marks})", chunk)
            self.conn.execute(f"DELETE FROM documents WHERE key IN ({marks})", chunk)
            self.conn.executemany("INSERT OR IGNORE INTO garbage VALUES (?)", [(k,) for k in chunk])

    def commit_pending(self, keys: Sequence[int]) -> None:
        for chunk in _chunks(list(keys), 500):
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"UPDATE documents SET state = 1 WHERE key IN ({marks})", chunk)

    def bump_generation(self) -> None:
        self.conn.execute("UPDATE state SET value = value + 1 WHERE name = 'generation'")

    def clear_garbage(self, keys: Sequence[int]) -> None:
        self.conn.executemany("DELETE FROM garbage WHERE doc_key = ?", [(k,) for k in keys])

    def committed_keys(self, ids: Sequence[str]) -> dict[str, int]:
        return {doc_id: key for doc_id, (key, _h) in self.committed_hashes(ids).items()}

    def committed_ids_ending(self, tail: str, limit: int) -> list[str]:
        """Up to ``limit`` committed ids that end with ``/tail`` (ASCII case ignored), sorted."""
        escaped = tail.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE state = 1 AND id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
            (f"%/{escaped}", limit),
        )
        return [doc_id for (doc_id,) in rows]


def _chunks(items: list, size: int) -> Iterator[list]:  # type: ignore[type-arg]
    for i in range(0, len(items), size):
        yield items[i : i + size]
