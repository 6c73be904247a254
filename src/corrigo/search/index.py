"""The on-disk search index: SQLite for documents and passages, tantivy for BM25, numpy vectors.

Layout of an index folder::

    meta.json        format_version, embedding model fingerprint, passage settings (written last)
    index.sqlite3    documents (id, title, date, url, text, content hash) and passages (offsets, vector row)
    tantivy/         BM25 index of passage texts (pid, doc_key, text)
    vectors.f32      append-only float32 unit vectors, one row per passage version
    vectors.head.f32 their first 32 components again, for the coarse scan of large indexes
    write.lock       held (flock) by the one process that writes

How an ``add`` stays atomic: each batch of documents is first written to SQLite as *pending*
(one transaction), then its vectors are appended and fsynced and its passages committed to
tantivy, and only then does one SQLite transaction mark the batch committed and retire the
versions it replaces. Readers only return passages whose document is committed, so a writer
killed at any point leaves the previous state plus every completed batch. The next writer (or
the next ``open_index`` that can take the lock) rolls back pending leftovers and finishes
deleting retired passages from tantivy.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterable, Iterator, Sequence, Sized
from pathlib import Path
from typing import Any

import numpy as np

from corrigo.errors import IndexFormatError
from corrigo.evidence import Document, Passage
from corrigo.search.documents import content_hash
from corrigo.search.embed import StaticEmbedder
from corrigo.search.index_layout import (
    _LOCK,
    _META,
    _OWN_NAMES,
    _SQLITE,
    _TANTIVY,
    _VECTORS,
    FORMAT_VERSION,
    PASSAGE_SETTINGS,
    AddResult,
    IndexBusyError,
    IndexInfo,
    IndexNotFoundError,
    ProgressCallback,
    _flock,
    _format_error,
    _write_json_atomic,
    default_index_path,
)
from corrigo.search.index_rebuild import rebuild_index
from corrigo.search.lexical import LexicalIndex
from corrigo.search.passages import passage_spans
from corrigo.search.store import PassageRow, Store
from corrigo.search.vectors import VectorFile, search_vectors

__all__ = [
    "FORMAT_VERSION",
    "AddResult",
    "Index",
    "IndexBusyError",
    "IndexInfo",
    "IndexNotFoundError",
    "ProgressCallback",
    "default_index_path",
    "open_index",
    "rebuild_index",
]

logger = logging.getLogger(__name__)


def open_index(path: Path | str | None = None, *, create: bool = True, embedder: StaticEmbedder | None = None) -> Index:
    """Open the index at ``path`` (default: ``default_index_path()``), creating it if asked.

    Raises:
        IndexFormatError: the folder holds an index of another format or embedding model, or
            something that is not an index.
        IndexNotFoundError: there is no index and ``create`` is false.
    """
    return Index(Path(path) if path is not None else default_index_path(), create=create, embedder=embedder)


class Index:
    """A search index in a folder. Implements ``corrigo.evidence.Retriever``.

    Many processes may read one index while one process writes to it. Use one ``Index`` per
    thread.

    Example:
        >>> import tempfile
        >>> from corrigo.evidence import Document
        >>> index = open_index(tempfile.mkdtemp())
        >>> index.add([Document("wire-1", "Northgate Water will close its plant in Leeds. 120 jobs go.")])
        AddResult(added=1, replaced=0, unchanged=0, passages=1)
        >>> hit = index.search("Where is the Northgate Water plant?", k=1)[0]
        >>> hit.doc_id, hit.text[:27]
        ('wire-1', 'Northgate Water will close ')
        >>> index.close()
    """

    def __init__(self, path: Path, *, create: bool = True, embedder: StaticEmbedder | None = None) -> None:
        self.path = path
        self.embedder = embedder or StaticEmbedder()
        self.meta = self._prepare(create)
        self.dims = int(self.meta["embedding"]["dims"])
        self._store = Store(path / _SQLITE)
        self._lexical = LexicalIndex(path / _TANTIVY)
        self._vectors = VectorFile(path / _VECTORS, self.dims)
        self._generation = -1
        self._row_pid = np.zeros(0, dtype=np.int64)
        self._dead = np.zeros(0, dtype=bool)
        self._has_dead = False
        self._matrix, self._head = self._vectors.map(0)
        with _flock(path / _LOCK, timeout=0) as locked:
            if locked:
                self._recover()

    # ---- opening -------------------------------------------------------------------------

    def _prepare(self, create: bool) -> dict[str, Any]:
        path = self.path
        meta_path = path / _META
        if meta_path.is_file():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                version = meta["format_version"]
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise IndexFormatError(
                    f"index at {path} has an unreadable {_META}: run `corrigo index rebuild {path}`"
                ) from exc
            if version != FORMAT_VERSION:
                raise _format_error(path, version)
            built = meta.get("embedding", {}).get("sha256")
            if built != self.embedder.fingerprint:
                raise IndexFormatError(
                    f"index at {path} was built with embedding model {str(built)[:12]}, this version ships "
                    f"{self.embedder.fingerprint[:12]}: run `corrigo index rebuild {path}`"
                )
            return dict(meta)
        if path.exists() and not path.is_dir():
            raise IndexFormatError(f"{path} is a file, not an index folder: give a folder for the index")
        if path.is_dir():
            strangers = sorted(p.name for p in path.iterdir() if p.name not in _OWN_NAMES)
            if strangers:
                raise IndexFormatError(
                    f"{path} is not a Corrigo index (no {_META}; it holds {', '.join(strangers[:3])}): "
                    "give an empty or new folder for the index"
                )
        if not create:
            raise IndexNotFoundError(f"no index at {path}: build one with `corrigo index add PATH...`")
        return self._create()

    def _create(self) -> dict[str, Any]:
        """Make the folder's files; ``meta.json`` comes last, so its presence means complete."""
        path = self.path
        path.mkdir(parents=True, exist_ok=True)
        with _flock(path / _LOCK, timeout=30.0):
            if (path / _META).is_file():  # another process created it meanwhile
                return dict(json.loads((path / _META).read_text(encoding="utf-8")))
            store = Store(path / _SQLITE)
            try:
                store.create_schema()
            finally:
                store.close()
            LexicalIndex(path / _TANTIVY)
            import corrigo

            meta = {
                "format_version": FORMAT_VERSION,
                "created_by": f"corrigo {getattr(corrigo, '__version__', '?')}",
                "embedding": {
                    "sha256": self.embedder.fingerprint,  # loads the model: manifest is filled after
                    "dims": self.embedder.dims,
                    "name": self.embedder.manifest.get("name", "?"),
                },
                "passages": PASSAGE_SETTINGS,
            }
            _write_json_atomic(path / _META, meta)
            logger.info("created index at %s", path)
            return meta

    def close(self) -> None:
        self._store.close()
        self._matrix, self._head = self._vectors.map(0)

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writing ---------------------------------------------------------------------------

    def _recover(self, writer: Any = None) -> None:
        """Roll back a killed writer's pending documents and finish deleting retired ones.

        The caller holds the write lock.
        """
        pending = self._store.pending_keys()
        if pending:
            logger.warning("index at %s: rolling back %d documents of an interrupted add", self.path, len(pending))
            with self._store.transaction():
                self._store.retire(pending)
        self._flush_garbage(writer)

    def _flush_garbage(self, writer: Any = None) -> None:
        garbage = self._store.garbage()
        if not garbage:
            return
        own = writer is None
        w = self._lexical.writer() if own else writer
        self._lexical.delete_doc_keys(w, garbage)
        w.commit()
        if own:
            w.wait_merging_threads()
        with self._store.transaction():
            self._store.clear_garbage(garbage)
        self._lexical.reload()

    def add(
        self,
        documents: Iterable[Document],
        *,
        on_progress: ProgressCallback | None = None,
        batch_passages: int = 4096,
        lock_timeout: float = 30.0,
    ) -> AddResult:
        """Add documents; a changed document (same id, new content) replaces the stored one.

        Documents are committed in batches of about ``batch_passages`` passages: if the
        process dies, every completed batch is kept and the rest leaves no trace.
        """
        total = len(documents) if isinstance(documents, Sized) else None
        added = replaced = unchanged = n_passages = done = 0
        with _flock(self.path / _LOCK, timeout=lock_timeout):
            self._recover()
            writer = self._lexical.writer()
            try:
                for batch in self._batches(documents, batch_passages):
                    a, r, u, p = self._add_batch(writer, batch)
                    added, replaced, unchanged, n_passages = added + a, replaced + r, unchanged + u, n_passages + p
                    done += len(batch)
                    if on_progress is not None:
                        on_progress(done, total)
                self._flush_garbage(writer)
            except BaseException:
                # An input error halfway (or Ctrl-C): drop the unfinished batch, keep the rest.
                with contextlib.suppress(Exception):
                    writer.rollback()
                    self._recover(writer)
                raise
            finally:
                with contextlib.suppress(Exception):
                    writer.wait_merging_threads()
        return AddResult(added, replaced, unchanged, n_passages)

    @staticmethod
    def _batches(documents: Iterable[Document], batch_passages: int) -> Iterator[list[Document]]:
        batch: list[Document] = []
        size = 0
        for doc in documents:
            batch.append(doc)
            # A rough passage count (one per ~2 sentences of ~150 characters) sizes the batch.
            size += 1 + len(doc.text) // 300
            if size >= batch_passages:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    def _add_batch(self, writer: Any, docs: list[Document]) -> tuple[int, int, int, int]:
        store = self._store
        latest: dict[str, Document] = {}
        for doc in docs:  # the same id twice in one batch: the later copy wins
            latest.pop(doc.id, None)
            latest[doc.id] = doc
        existing = store.committed_hashes(list(latest))
        todo: list[tuple[Document, str]] = []
        retire: list[int] = []
        unchanged = replaced = 0
        for doc in latest.values():
            h = content_hash(doc)
            old = existing.get(doc.id)
            if old is not None and old[1] == h:
                unchanged += 1
                continue
            if old is not None:
                retire.append(old[0])
                replaced += 1
            todo.append((doc, h))
        if not todo:
            return 0, 0, unchanged, 0
        spans = [passage_spans(doc.text, **PASSAGE_SETTINGS) for doc, _h in todo]
        texts = [doc.text[s.start : s.end] for (doc, _h), ss in zip(todo, spans, strict=True) for s in ss]
        vectors = self.embedder.encode(texts)
        start_row = max(self._vectors.rows_on_disk(), store.max_row() + 1)
        rows: list[tuple[int, int, int, int]] = []
        keys: list[int] = []
        key_of_passage: list[int] = []
        with store.transaction():
            for (doc, h), ss in zip(todo, spans, strict=True):
                key = store.insert_pending(doc, h)
                keys.append(key)
                for s in ss:
                    rows.append((key, s.start, s.end, start_row + len(rows)))
                    key_of_passage.append(key)
            pids = store.insert_passages(rows)
        if rows:
            self._vectors.append(start_row, vectors)
        self._lexical.add(writer, zip(pids, key_of_passage, texts, strict=True))
        writer.commit()
        with store.transaction():
            store.retire(retire)
            store.commit_pending(keys)
            store.bump_generation()
        # Retired versions leave tantivy with the next commit (or at the end of add).
        return len(todo) - replaced, replaced, unchanged, len(rows)

    def remove(self, ids: Sequence[str], *, lock_timeout: float = 30.0) -> int:
        """Remove documents by id; returns how many were in the index (unknown ids are ignored:
        ``missing`` says which they are)."""
        with _flock(self.path / _LOCK, timeout=lock_timeout):
            self._recover()
            keys = self._store.committed_keys(list(ids))
            if keys:
                with self._store.transaction():
                    self._store.retire(sorted(keys.values()))
                    self._store.bump_generation()
                self._flush_garbage()
        return len(keys)

    # ---- reading ---------------------------------------------------------------------------

    def missing(self, ids: Sequence[str]) -> list[str]:
        """The ids among ``ids`` that name no document in the index, in order, each once."""
        with self._store.snapshot():
            known = self._store.committed_keys(list(ids))
        return list(dict.fromkeys(doc_id for doc_id in ids if doc_id not in known))

    def ids_ending(self, tail: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` ids that end with ``/tail``: what an id without its folder may have meant."""
        return self._store.committed_ids_ending(tail.strip("/"), limit)

    def info(self) -> IndexInfo:
        """Counts, size on disk and format."""
        with self._store.snapshot():
            docs, passages = self._store.counts()
        disk = sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())
        return IndexInfo(
            path=self.path,
            format_version=FORMAT_VERSION,
            documents=docs,
            passages=passages,
            disk_bytes=disk,
            dims=self.dims,
            dead_vectors=max(0, self._vectors.rows_on_disk() - passages),
            embedding=str(self.meta["embedding"].get("name", "?")),
        )

    def _refresh(self) -> None:
        """Catch up with writes committed since the last query (cheap when there were none)."""
        if self._store.generation() == self._generation:
            return
        with self._store.snapshot():
            generation = self._store.generation()
            rows, pids = self._store.live_rows()
        n = int(rows[-1]) + 1 if rows.size else 0
        row_pid = np.full(n, -1, dtype=np.int64)
        row_pid[rows] = pids
        self._matrix, self._head = self._vectors.map(n)
        self._row_pid = row_pid
        self._dead = row_pid < 0
        self._has_dead = bool(self._dead.any())
        self._lexical.reload()
        self._generation = generation

    def bm25(self, query: str, n: int, entities: Sequence[str] = ()) -> list[tuple[int, float]]:
        """The ``n`` best passages by BM25 as ``(pid, score)``; may include uncommitted pids."""
        self._refresh()
        return self._lexical.search(query, n, entities)

    def dense(self, query: str | np.ndarray, n: int) -> list[tuple[int, float]]:
        """The ``n`` passages most similar to ``query`` (text or unit vector) as ``(pid, cosine)``."""
        self._refresh()
        if self._matrix.shape[0] == 0:
            return []
        q = self.embedder.encode([query])[0] if isinstance(query, str) else query
        if not q.any():
            return []
        rows, scores = search_vectors(self._matrix, self._head, q, n, self._dead if self._has_dead else None)
        return [(int(self._row_pid[r]), float(s)) for r, s in zip(rows, scores, strict=True)]

    def cosines(self, query: np.ndarray, rows: Sequence[int]) -> np.ndarray:
        """Cosine of the unit vector ``query`` with the passages at these vector rows."""
        if not rows:
            return np.zeros(0, dtype=np.float32)
        full = self._matrix
        if max(rows) >= full.shape[0]:  # committed after this reader's last refresh
            full, _head = self._vectors.map(max(rows) + 1)
        order = np.argsort(rows)
        out = np.empty(len(rows), dtype=np.float32)
        out[order] = full[np.asarray(rows)[order]] @ query
        return out

    def passages(self, pids: Iterable[int]) -> dict[int, PassageRow]:
        """Committed passages by pid (ids of uncommitted or removed passages are left out)."""
        return self._store.passages(pids)

    def search(self, query: str, k: int = 10, entities: list[str] | None = None, **options: Any) -> list[Passage]:
        """The ``k`` best passages for a claim: BM25 and dense scores fused, passages holding the
        ``entities`` boosted, near-duplicate copies collapsed to the earliest document.

        ``options`` go to ``corrigo.search.retrieve.hybrid_search`` (``fusion``, ``candidates``,
        ``entity_weight``, ``dense_weight``).
        """
        from corrigo.search.retrieve import hybrid_search

        return hybrid_search(self, query, k, entities=entities, **options)
