"""The journal of a batch run: the records written so far, so a killed run can resume.

``corrigo batch IN -o OUT`` appends each record to ``OUT.journal`` as soon as its line is
checked (in the order lines finish, which with several workers is not input order), flushes it
at once (a killed process loses nothing the OS has seen) and fsyncs it every
:data:`FSYNC_EVERY` records and at the end (a power cut loses at most that many, which are then
checked again). When every line has a record, the output is assembled from the journal in input
order, written atomically, and the journal is removed.

The journal's first line is a header naming what the records depend on: the input file's size
and SHA-256 and the checking configuration. Every other line is one output record, exactly as it
will appear in the output (``{"id", "line", ...}``), keyed by its ``"line"``. A run killed while
writing leaves at most one torn last line (no newline, or not JSON); :func:`open_journal` cuts the
file back to the last whole record, so each input line ends up in the output exactly once.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from corrigo.errors import InputError

__all__ = ["FSYNC_EVERY", "Journal", "journal_header", "journal_path", "open_journal", "read_input"]

FSYNC_EVERY = 64  # records between two fsyncs of the journal
_FORMAT = "corrigo-batch-journal/1"


def journal_path(dst: Path) -> Path:
    """Where the journal of a run writing ``dst`` lives: beside it, ``OUT.journal``."""
    dst = Path(dst)
    return dst.with_name(dst.name + ".journal")


def journal_header(input_size: int, input_sha256: str, options: dict[str, Any]) -> dict[str, Any]:
    """The journal's first line: what its records depend on (the input's bytes, the checking options)."""
    config = json.dumps(options, sort_keys=True, default=str)
    return {
        "format": _FORMAT,
        "input_size": input_size,
        "input_sha256": input_sha256,
        "config_sha256": hashlib.sha256(config.encode()).hexdigest(),
    }


def read_input(src: Path) -> tuple[int, str]:
    """(size, SHA-256) of the input for the journal's header, checking on the way that it is UTF-8
    (an undecodable input then stops the run before any work is done)."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    digest, size = hashlib.sha256(), 0
    try:
        with src.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"{src} is not valid UTF-8 (byte offset {size + exc.start}): re-save it as UTF-8",
                        code="undecodable",
                    ) from exc
                digest.update(chunk)
                size += len(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{src} is not valid UTF-8 (it ends inside a character): re-save it as UTF-8", code="undecodable"
        ) from exc
    except FileNotFoundError as exc:
        raise InputError(f"{src}: no such file: check the path", code="not_found") from exc
    except OSError as exc:
        raise InputError(f"{src}: can't be read ({exc.strerror}): check the path", code="unreadable") from exc
    return size, digest.hexdigest()


class Journal:
    """An open journal: :meth:`append` records, :meth:`records` reads back what is written.

    ``offsets`` maps each done line number to its record's ``(offset, length)`` in the file, so
    the output can be assembled in input order without holding the records in memory.
    """

    def __init__(
        self, path: Path, fh: BinaryIO, offsets: dict[int, tuple[int, int]], errors: int, fsync_every: int
    ) -> None:
        self.path = path
        self._fh = fh
        self.offsets = offsets
        self.errors = errors  # error records among them
        self._fsync_every = max(1, fsync_every)
        self._unsynced = 0

    @property
    def done(self) -> int:
        return len(self.offsets)

    def append(self, record: dict[str, Any]) -> None:
        """Write one record (one line) and flush it; fsync every ``fsync_every`` records."""
        number = record["line"]
        if number in self.offsets:  # never two records for one line (a worker answering twice)
            return
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        offset = self._fh.seek(0, os.SEEK_END)
        self._fh.write(data)
        self._fh.flush()
        self.offsets[number] = (offset, len(data) - 1)
        self.errors += "error" in record
        self._unsynced += 1
        if self._unsynced >= self._fsync_every:
            self.sync()

    def sync(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._unsynced = 0

    def records(self, count: int) -> Iterator[str]:
        """The records of lines ``1..count`` in input order, as JSON text (every one must be done)."""
        self.sync()
        with self.path.open("rb") as fh:
            for number in range(1, count + 1):
                offset, length = self.offsets[number]
                fh.seek(offset)
                yield fh.read(length).decode("utf-8")

    def close(self) -> None:
        if not self._fh.closed:
            self.sync()
            self._fh.close()

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)


def open_journal(
    path: Path, header: dict[str, Any], *, resume: bool, fsync_every: int = FSYNC_EVERY, output: Path | None = None
) -> Journal:
    """Start a journal at ``path``, or with ``resume`` go on with the one there.

    Raises:
        InputError: a journal is there but ``resume`` is not set (its records would be lost), or
            it was written for another input or configuration, or it is not a journal.
    """
    path = Path(path)
    out = output if output is not None else path
    if path.exists() and not resume:
        raise InputError(
            f"{path} holds the records of an unfinished run writing {out}: add --resume to go on from "
            f"where it stopped, or delete {path} to start over",
            code="unfinished_run",
        )
    if not path.exists():
        # The header goes in before the journal appears under its name: a kill at any moment leaves
        # either no journal or one that starts with a whole header.
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a run killed right here
            stale.unlink(missing_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as new:
            new.write((json.dumps(header, sort_keys=True) + "\n").encode())
            new.flush()
            os.fsync(new.fileno())
        os.replace(tmp, path)
        fh = path.open("r+b")
        return Journal(path, fh, {}, 0, fsync_every)
    fh = path.open("r+b")
    try:
        offsets, errors, good_end = _read(path, fh, header, out)
        fh.truncate(good_end)  # a torn last record: cut it off, its line is checked again
        fh.flush()
        os.fsync(fh.fileno())
    except BaseException:
        fh.close()
        raise
    return Journal(path, fh, offsets, errors, fsync_every)


def _read(path: Path, fh: BinaryIO, header: dict[str, Any], out: Path) -> tuple[dict[int, tuple[int, int]], int, int]:
    """(line number -> (offset, length) of its record, error records, end of the last whole record)."""
    first = fh.readline()
    try:
        found = json.loads(first) if first.endswith(b"\n") else None
    except ValueError:
        found = None
    if not isinstance(found, dict) or found.get("format") != _FORMAT:
        raise InputError(
            f"{path} is not a corrigo batch journal: move it away or delete it, then run again", code="bad_journal"
        )
    changed = [
        what
        for key, what in (
            ("input_sha256", "the input file"),
            ("config_sha256", "the checking options (--index, --checks, --min-confidence, ...)"),
        )
        if found.get(key) != header.get(key)
    ]
    if changed:
        raise InputError(
            f"{path} was written for a run with different {' and '.join(changed)}: resume with the same "
            f"input and options, or delete {path} to start {out} over",
            code="journal_mismatch",
        )
    offsets: dict[int, tuple[int, int]] = {}
    errors = 0
    good_end = offset = len(first)
    for raw in fh:
        if not raw.endswith(b"\n"):
            break  # torn: the run was killed while writing it
        try:
            record = json.loads(raw)
            number = record["line"]
        except (ValueError, TypeError, KeyError):
            break  # garbage after a crash: everything from here on is checked again
        if not isinstance(number, int) or number < 1:
            break
        if number not in offsets:
            offsets[number] = (offset, len(raw) - 1)
            errors += "error" in record
        offset += len(raw)
        good_end = offset
    return offsets, errors, good_end
