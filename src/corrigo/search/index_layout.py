"""The files of a search index folder, its write lock, format version and the results it reports.

``corrigo.search.index`` re-exports the names in its ``__all__`` (and ``PASSAGE_SETTINGS``); its
docstring describes the files and how an add stays atomic.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corrigo.errors import CorrigoError, IndexFormatError

FORMAT_VERSION = 1
ENV_VAR = "CORRIGO_INDEX"

_META = "meta.json"
_SQLITE = "index.sqlite3"
_TANTIVY = "tantivy"
_VECTORS = "vectors.f32"
_LOCK = "write.lock"
_OWN_NAMES = {
    _META,
    f".{_META}.tmp",
    _SQLITE,
    f"{_SQLITE}-wal",
    f"{_SQLITE}-shm",
    f"{_SQLITE}-journal",
    _TANTIVY,
    _VECTORS,
    "vectors.head.f32",
    _LOCK,
}

# Sentence windows: three sentences, sharing one with the next window.
PASSAGE_SETTINGS = {"size": 3, "overlap": 1, "max_chars": 1200}

ProgressCallback = Callable[[int, "int | None"], None]
"""``on_progress(done, total)``: documents read so far, and the total when it is known."""


class IndexBusyError(CorrigoError):
    """Another process is writing to the index."""

    code = "index_busy"


class IndexNotFoundError(CorrigoError):
    """No index at the path (and the caller did not ask to create one)."""

    code = "no_index"


@dataclass(frozen=True, slots=True)
class IndexInfo:
    """What ``Index.info()`` reports."""

    path: Path
    format_version: int
    documents: int
    passages: int
    disk_bytes: int
    dims: int
    dead_vectors: int  # vector rows of replaced or removed passages, reclaimed by a rebuild
    embedding: str


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one ``Index.add`` did: documents new, replaced (changed) and skipped (unchanged)."""

    added: int
    replaced: int
    unchanged: int
    passages: int


def default_index_path() -> Path:
    """``$CORRIGO_INDEX`` if set, else ``index`` in the platform's user data folder for Corrigo."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("corrigo", appauthor=False)) / "index"


@contextlib.contextmanager
def _flock(path: Path, *, timeout: float) -> Iterator[bool]:
    """Hold an exclusive lock on ``path``; yields False instead when ``timeout`` is 0 and it's taken."""
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
                if timeout == 0:
                    yield False
                    return
                if time.monotonic() >= deadline:
                    raise IndexBusyError(
                        f"index at {path.parent} is being written by another process: wait for it to finish "
                        "and try again"
                    ) from exc
                time.sleep(0.05)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _format_error(path: Path, version: object) -> IndexFormatError:
    return IndexFormatError(
        f"index at {path} was built with format {version}, this version reads {FORMAT_VERSION}: "
        f"run `corrigo index rebuild {path}`"
    )
