"""Dense vectors on disk: append-only float32 files, memory-mapped, searched by brute force.

Row ``r`` of ``vectors.f32`` is the unit vector of the passage whose SQLite row says ``row = r``;
row ``r`` of ``vectors.head.f32`` holds its first ``HEAD_DIMS`` components again (the
embeddings come out of PCA, so those carry most of the variance). Rows are only ever
appended; a replaced or removed passage leaves a dead row behind (SQLite no longer points at
it) until the index is rebuilt. Because nothing is ever truncated or rewritten, a reader's
memory map of the first ``n`` rows stays valid while a writer appends.

Search is exact up to ``EXACT_ROWS`` rows. Above that, scanning every full vector costs more
than the query budget (1M × 128 floats is 512 MB of memory traffic, ~30 ms on one core), so
the scan reads the head file (a quarter of the bytes), keeps the best ``max(2000, 40 n)``
rows and ranks those by their exact cosine. ``benchmarks/retrieval.py`` measures how often
this finds the exact top rows.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np

__all__ = ["EXACT_ROWS", "HEAD_DIMS", "VectorFile", "search_vectors", "top_indices"]

logger = logging.getLogger(__name__)

_DTYPE = np.dtype("<f4")
HEAD_DIMS = 32
EXACT_ROWS = 250_000


def top_indices(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` largest scores, best first; ties broken by the lower index.

    A full ``argpartition`` over a million scores costs ~20 ms; a threshold taken from a
    strided sample usually leaves a few hundred candidates in ~1 ms. The result is exact:
    the threshold is only used when at least ``n`` scores reach it.
    """
    total = scores.shape[0]
    n = min(n, total)
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    candidates: np.ndarray | None = None
    if total > 50_000:
        step = 64
        sample = scores[::step]
        # Aim for ~4n survivors: the (4n/step)-th best of the sample estimates that threshold.
        m = min(sample.shape[0], max(1, (4 * n) // step + 1))
        threshold = np.partition(sample, sample.shape[0] - m)[sample.shape[0] - m]
        idx = np.flatnonzero(scores >= threshold)
        if idx.shape[0] >= n:
            candidates = idx
    if candidates is None:
        candidates = np.arange(total) if total <= n else np.argpartition(scores, total - n)[total - n :]
    # Sort by score descending, then by index ascending, for deterministic ties.
    order = np.lexsort((candidates, -scores[candidates]))
    return candidates[order[:n]]


def search_vectors(
    full: np.ndarray, head: np.ndarray | None, query: np.ndarray, n: int, dead: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, cosines)`` of the ``n`` best live rows, best first (two-stage above ``EXACT_ROWS``)."""
    total = full.shape[0]
    if total == 0 or n <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    if head is None or total <= EXACT_ROWS:
        scores = full @ query
        if dead is not None:
            scores[dead] = -np.inf
        rows = top_indices(scores, n)
        rows = rows[np.isfinite(scores[rows])]
        return rows, scores[rows]
    coarse = head @ query[: head.shape[1]]
    if dead is not None:
        coarse[dead] = -np.inf
    shortlist = top_indices(coarse, max(2000, 40 * n))
    shortlist = np.sort(shortlist[np.isfinite(coarse[shortlist])])  # sorted: sequential reads
    exact = full[shortlist] @ query
    order = np.lexsort((shortlist, -exact))[:n]
    return shortlist[order], exact[order]


class VectorFile:
    """The vector files of one index. Writers append; readers map a prefix and search it.

    Example:
        >>> import tempfile, pathlib
        >>> vf = VectorFile(pathlib.Path(tempfile.mkdtemp()) / "vectors.f32", dims=2)
        >>> vf.append(0, np.array([[1, 0], [0, 1]], dtype=np.float32))
        >>> vf.rows_on_disk()
        2
        >>> full, head = vf.map(2)
        >>> rows, scores = search_vectors(full, head, np.array([0.2, 0.9], dtype=np.float32), 2)
        >>> [int(r) for r in rows]
        [1, 0]
    """

    def __init__(self, path: Path, dims: int) -> None:
        self.path = path
        self.head_path = path.with_name(path.name.replace(".f32", ".head.f32"))
        self.dims = dims
        self.head_dims = min(HEAD_DIMS, dims)
        self.row_bytes = dims * _DTYPE.itemsize

    def rows_on_disk(self) -> int:
        """Rows the files hold, counting a partly written last row (a killed writer's) as one."""
        rows = 0
        for path, width in ((self.path, self.dims), (self.head_path, self.head_dims)):
            try:
                size = path.stat().st_size
            except FileNotFoundError:
                continue
            rows = max(rows, -(-size // (width * _DTYPE.itemsize)))
        return rows

    def append(self, start_row: int, vectors: np.ndarray) -> None:
        """Write ``vectors`` at ``start_row`` in both files, flushed to disk before returning."""
        if vectors.ndim != 2 or vectors.shape[1] != self.dims:
            raise ValueError(f"expected vectors of shape (n, {self.dims}), got {vectors.shape}")
        full = np.ascontiguousarray(vectors, dtype=_DTYPE)
        _write_at(self.path, start_row * self.row_bytes, full.tobytes())
        head = np.ascontiguousarray(full[:, : self.head_dims])
        _write_at(self.head_path, start_row * self.head_dims * _DTYPE.itemsize, head.tobytes())

    def map(self, rows: int) -> tuple[np.ndarray, np.ndarray]:
        """Read-only memory maps of the first ``rows`` rows: ``(full, head)``."""
        if rows <= 0:
            empty = np.zeros((0, self.dims), dtype=_DTYPE)
            return empty, empty[:, : self.head_dims]
        full = np.memmap(self.path, dtype=_DTYPE, mode="r", shape=(rows, self.dims))
        head = np.memmap(self.head_path, dtype=_DTYPE, mode="r", shape=(rows, self.head_dims))
        return full, head


def _write_at(path: Path, offset: int, data: bytes) -> None:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        os.lseek(fd, offset, os.SEEK_SET)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)
