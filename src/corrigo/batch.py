"""Batch mode: JSON Lines in, one JSON line out per input line, in input order, resumable.

Input lines are ``{"id", "text"}`` plus optional ``title``, ``date``, ``url`` and ``sources``.
Every input line, blank ones included, gives one output record carrying its 1-based ``"line"``:
``{"id", "line", "report"}``, or ``{"id", "line", "error": {"code", "message"}}`` for a line that
can't be checked (the id is kept whenever one can be read, even from a line that is not valid
JSON; a second line with an id already used is a ``duplicate_id`` error), and the run goes on;
only an unreadable input file stops it.

Records go to a journal beside the output as lines finish (:mod:`corrigo.batch_journal`), so a
killed run resumes where it stopped; the output itself is written atomically at the end. The
engines: this process, ``workers`` local processes, or Ray Data (:mod:`corrigo.batch_ray`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corrigo.batch_journal import FSYNC_EVERY, journal_header, journal_path, open_journal, read_input
from corrigo.config import Config
from corrigo.errors import CorrigoError, InputError
from corrigo.evidence import Document
from corrigo.ingest import parse_article
from corrigo.ingest.decode import validate_text

__all__ = [
    "ENGINES",
    "ONE_THREAD",
    "BatchSummary",
    "check_item",
    "check_batch_paths",
    "check_line",
    "check_output_path",
    "count_lines",
    "record_date",
    "record_sources",
    "run_batch",
    "write_atomic",
]


@dataclass(frozen=True, slots=True)
class BatchSummary:
    lines: int
    checked: int
    with_findings: int
    errors: int


def check_line(line: str, checker: Any, number: int | None = None) -> dict[str, Any]:
    """Check one JSONL line (``number``: its 1-based line number); never raises for bad input,
    returns the output record."""
    out = _check_record(line, checker)
    if number is not None:
        out = {"id": out.pop("id"), "line": number, **out}
    return out


def _check_record(line: str, checker: Any) -> dict[str, Any]:
    if not line.strip():
        return _error(None, "blank_line", "the line is blank: remove it or give an article as a JSON object")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(
            _id_from_broken_json(line),
            "bad_json",
            f"line is not valid JSON ({exc.msg} at column {exc.colno}): fix the line",
        )
    if not isinstance(record, dict):
        return _error(None, "bad_record", 'line is JSON but not an object: give {"id": ..., "text": ...}')
    rid = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        return _error(rid, "no_text", 'the record has no "text" string: add the article\'s text')
    try:
        sources = record_sources(record.get("sources"))
        article = parse_article(
            validate_text(text, name="text"),
            id=None if rid is None else str(rid),
            title=record.get("title"),
            url=record.get("url"),
            published=record_date(record.get("date")),
        )
        report = checker.run(article, sources=sources)
    except InputError as exc:
        return _error(rid, exc.code, str(exc))
    except CorrigoError as exc:
        return _error(rid, exc.code, f"check stage failed: {exc}")
    out = report.to_dict()
    out["id"] = rid
    return {"id": rid, "report": out}


# "id": "x" or "id": 12 in a line that is not valid JSON as a whole (a missing brace or quote later on).
_BROKEN_ID = re.compile(r'"id"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+)(?=\s*[,}]))')


def _id_from_broken_json(line: str) -> Any:
    m = _BROKEN_ID.search(line)
    if m is None:
        return None
    if m.group(2) is not None:
        return int(m.group(2))
    try:
        return json.loads(f'"{m.group(1)}"')
    except json.JSONDecodeError:
        return m.group(1)


def record_date(value: Any) -> Any:
    """A line's ``date``: None, or a date string the layout reader understands (else an error)."""
    if value is None:
        return None
    from corrigo.analysis.dates import parse_date

    if not isinstance(value, str) or parse_date(value) is None:
        raise InputError(
            f'"date" is {json.dumps(value, ensure_ascii=False)}, which is not a date: give it as "2024-05-01" '
            '(or "1 May 2024", "May 1, 2024"), or leave the field out',
            code="bad_date",
        )
    return value


def record_sources(value: Any) -> list[Document] | None:
    """A line's ``sources``: ``[{"id": ..., "text": ...}, ...]`` checked against instead of the index."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InputError('"sources" must be a list of {"id": ..., "text": ...} objects', code="bad_sources")
    docs = []
    for i, v in enumerate(value):
        text = v.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f'source {i} has no "text": give each source its text', code="bad_sources")
        docs.append(Document(id=str(v.get("id", i)), text=text, title=v.get("title")))
    return docs or None


def _error(rid: Any, code: str, message: str) -> dict[str, Any]:
    return {"id": rid, "error": {"code": code, "message": message}}


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(1-based number, line) for every line, blank ones included: each gets a record."""
    try:
        with path.open("r", encoding="utf-8-sig", errors="strict", newline="") as fh:
            for number, raw in enumerate(fh, 1):
                yield number, raw.rstrip("\r\n")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file: check the path", code="not_found") from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not valid UTF-8 (byte offset {exc.start}): re-save it as UTF-8", code="undecodable"
        ) from exc
    except OSError as exc:
        raise InputError(f"{path}: can't be read ({exc.strerror}): check the path", code="unreadable") from exc


# One thread per worker for every numeric library a check may load: workers, not threads, use the cores.
ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "CORRIGO_THREADS": "1",  # onnxruntime, in corrigo.verify.learned
    "TOKENIZERS_PARALLELISM": "false",
}

# A work item: (line number, line, line number of the id's first use or 0). Every engine checks it
# with check_item, so their records are the same.
Item = tuple[int, str, int]


def check_item(item: Item, checker: Any) -> dict[str, Any]:
    """The output record of one work item: a duplicate id's line is an error, not checked."""
    number, line, first = item
    if first:
        rid = json.loads(line)["id"]
        return {
            "id": rid,
            "line": number,
            "error": {
                "code": "duplicate_id",
                "message": f"id {json.dumps(rid, ensure_ascii=False)} is already used on line {first}: "
                "give each article its own id",
            },
        }
    return check_line(line, checker, number)


_worker_checker: Any = None


def _init_worker(options: dict[str, Any]) -> None:
    global _worker_checker
    os.environ.update(ONE_THREAD)
    from corrigo.pipeline import Checker

    _worker_checker = Checker(Config(**options))
    _worker_checker.warm_up()


def _work(item: Item) -> dict[str, Any]:
    return check_item(item, _worker_checker)


def count_lines(path: Path) -> int | None:
    """How many records :func:`run_batch` will write for ``path``: its lines as the reader splits
    them (``\n``, ``\r\n`` or a lone ``\r``; a last line without an end counts), read as bytes.
    None when ``path`` is not a regular file (a pipe) or can't be read."""
    try:
        if not path.is_file():
            return None
        count, last, cr_pending = 0, b"", False
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                count += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
                if cr_pending and chunk[:1] == b"\n":
                    count -= 1  # a \r\n split across two chunks
                cr_pending = chunk[-1:] == b"\r"
                last = chunk[-1:]
    except OSError:
        return None
    return count + (last not in (b"", b"\n", b"\r"))


ENGINES = ("local", "ray")


def run_batch(
    src: Path,
    dst: Path,
    config: Config,
    workers: int = 1,
    on_progress: Callable[[int, int | None, int], None] | None = None,
    total: int | None = None,
    *,
    resume: bool = False,
    engine: str = "local",
    address: str | None = None,
    fsync_every: int = FSYNC_EVERY,
) -> BatchSummary:
    """Check every line of ``src`` into ``dst``, resumably.

    Each record is appended to the journal beside ``dst`` (:mod:`corrigo.batch_journal`) as soon
    as its line is checked; at the end ``dst`` is written atomically in input order and the
    journal removed. With ``resume`` the lines the journal already holds are not checked again.

    ``engine``: ``"local"`` checks in this process (``workers`` 1) or in ``workers`` spawned
    processes, each loading its own models; ``"ray"`` checks on Ray Data actors (one Checker
    each), on a local cluster of ``workers`` CPUs or the one at ``address``.
    ``on_progress(done, total, errors)`` is called after each record (``total``: passed through,
    None when not known; ``done`` and ``errors`` count the records resumed from the journal too).

    Raises:
        InputError: the input can't be read or is not UTF-8, the output can't be written, or a
            journal is in the way (see :func:`corrigo.batch_journal.open_journal`).
    """
    if engine not in ENGINES:
        raise InputError(f"engine {engine!r} is not known: give one of {', '.join(ENGINES)}", code="usage")
    check_batch_paths(src, dst)
    options = config.model_dump()
    size, digest = read_input(src)  # an undecodable input stops the run before any journal is made
    journal = open_journal(
        journal_path(dst), journal_header(size, digest, options), resume=resume, fsync_every=fsync_every, output=dst
    )
    try:
        lines = 0

        def pending() -> Iterator[Item]:
            nonlocal lines
            for item in _items(src):
                lines = item[0]
                if item[0] not in journal.offsets:
                    yield item

        if on_progress is not None:
            on_progress(journal.done, total, journal.errors)
        for record in _engine(engine, pending(), options, workers, address):
            journal.append(record)
            if on_progress is not None:
                on_progress(journal.done, total, journal.errors)
        missing = [n for n in range(1, lines + 1) if n not in journal.offsets]
        if missing:  # an engine that lost a line must not pass for a finished run
            raise CorrigoError(
                f"{len(missing)} lines got no record (first: line {missing[0]}): run again with --resume"
            )
        counts = {"lines": 0, "checked": 0, "with_findings": 0, "errors": 0}
        write_atomic(dst, _counted(journal.records(lines), counts))
    except BaseException:
        journal.close()  # the records stay for --resume
        raise
    journal.remove()
    return BatchSummary(**counts)


def _engine(engine: str, items: Iterator[Item], options: dict[str, Any], workers: int, address: str | None):
    """The records of ``items``, in any order."""
    if engine == "ray":
        from corrigo.batch_ray import check_on_ray

        yield from check_on_ray(items, options, workers=workers, address=address)
    elif workers > 1:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(options,)) as pool:
            yield from pool.imap_unordered(_work, items, chunksize=2)
    else:
        from corrigo.pipeline import Checker

        checker = Checker(Config(**options))
        for item in items:
            yield check_item(item, checker)


def _counted(records: Iterable[str], counts: dict[str, int]) -> Iterator[str]:
    for text in records:
        rec = json.loads(text)
        counts["lines"] += 1
        if "error" in rec:
            counts["errors"] += 1
        else:
            counts["checked"] += 1
            counts["with_findings"] += bool(rec["report"]["findings"])
        yield text


def _items(src: Path) -> Iterator[Item]:
    """Every line as a work item, the line number of an id's first use marking a duplicate."""
    seen: dict[str, int] = {}
    for number, line in _lines(src):
        first = 0
        rid = _quick_id(line)
        if rid is not None:
            first = seen.setdefault(rid, number)
            first = 0 if first == number else first
        yield number, line, first


def _quick_id(line: str) -> str | None:
    """A valid JSON object's id as a key (``1`` and ``"1"`` differ), else None."""
    if '"id"' not in line:
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or record.get("id") is None:
        return None
    return json.dumps(record["id"], sort_keys=True, ensure_ascii=False)


def check_batch_paths(src: Path, dst: Path) -> None:
    """Refuse a missing input or an output that can't be written before any work is done."""
    if not src.is_file():
        raise InputError(f"{src}: no such file: check the path", code="not_found")
    check_output_path(dst)


def check_output_path(dst: Path) -> None:
    """Refuse an output path that can't be written before any work is done (exit 2, not a traceback)."""
    dst = Path(dst)
    parent = dst.parent if str(dst.parent) else Path(".")
    if dst.is_dir():
        raise InputError(f"output {dst} is a folder: give a file path, e.g. {dst / 'report.txt'}", code="bad_output")
    if not parent.is_dir():
        raise InputError(
            f"output {dst}: the folder {parent} does not exist: create it first or write somewhere else",
            code="bad_output",
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"output {dst}: the folder {parent} is not writable: write somewhere else", code="bad_output")


def write_atomic(dst: Path, lines: Iterable[str]) -> None:
    """Write lines to a temporary file beside ``dst`` and rename it into place at the end, so a
    crash or Ctrl-C never leaves a partial output file. The file gets the permissions a plain
    ``open`` would give it (0644 under umask 022; an existing file keeps its own)."""
    dst = Path(dst)
    check_output_path(dst)
    parent = dst.parent if str(dst.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise InputError(
            f"output {dst} can't be written ({exc.strerror}): write somewhere else", code="bad_output"
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for line in lines:
                fh.write(line)
                fh.write("\n")
            fh.flush()
            os.fchmod(fh.fileno(), _mode_for(dst))
            os.fsync(fh.fileno())
        os.replace(tmp, dst)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _mode_for(dst: Path) -> int:
    """An existing file's mode, else what the process umask gives a new file (mkstemp uses 0600)."""
    try:
        return dst.stat().st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
