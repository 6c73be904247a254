"""Batch mode: JSON Lines in, one JSON line out per input line, in order, written atomically.

Input lines are ``{"id", "text"}`` plus optional ``title``, ``date``, ``url`` and ``sources``.
A line that can't be checked becomes ``{"id": ..., "error": {"code", "message"}}`` and the
run goes on; only an unreadable input file stops it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corrigo.config import Config
from corrigo.errors import CorrigoError, InputError
from corrigo.evidence import Document
from corrigo.ingest import parse_article
from corrigo.ingest.decode import validate_text

__all__ = ["BatchSummary", "check_line", "run_batch", "write_atomic"]


@dataclass(frozen=True, slots=True)
class BatchSummary:
    lines: int
    checked: int
    with_findings: int
    errors: int


def check_line(line: str, checker: Any) -> dict[str, Any]:
    """Check one JSONL line; never raises for bad input, returns the output record."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(None, "bad_json", f"line is not valid JSON ({exc.msg} at column {exc.colno}): fix the line")
    if not isinstance(record, dict):
        return _error(None, "bad_record", 'line is JSON but not an object: give {"id": ..., "text": ...}')
    rid = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        return _error(rid, "no_text", 'the record has no "text" string: add the article\'s text')
    try:
        sources = _record_sources(record.get("sources"))
        article = parse_article(
            validate_text(text, name="text"),
            id=None if rid is None else str(rid),
            title=record.get("title"),
            url=record.get("url"),
            published=record.get("date"),
        )
        report = checker.run(article, sources=sources)
    except InputError as exc:
        return _error(rid, exc.code, str(exc))
    except CorrigoError as exc:
        return _error(rid, exc.code, f"check stage failed: {exc}")
    out = report.to_dict()
    out["id"] = rid
    return {"id": rid, "report": out}


def _record_sources(value: Any) -> list[Document] | None:
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


def _lines(path: Path) -> Iterator[str]:
    try:
        with path.open("r", encoding="utf-8-sig", errors="strict", newline="") as fh:
            for raw in fh:
                line = raw.rstrip("\r\n")
                if line.strip():
                    yield line
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file: check the path", code="not_found") from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not valid UTF-8 (byte offset {exc.start}): re-save it as UTF-8", code="undecodable"
        ) from exc
    except OSError as exc:
        raise InputError(f"{path}: can't be read ({exc.strerror}): check the path", code="unreadable") from exc


_worker_checker: Any = None


def _init_worker(options: dict[str, Any]) -> None:
    global _worker_checker
    os.environ["OMP_NUM_THREADS"] = "1"
    from corrigo.pipeline import Checker

    _worker_checker = Checker(Config(**options))
    _worker_checker.warm_up()


def _work(line: str) -> dict[str, Any]:
    return check_line(line, _worker_checker)


def run_batch(src: Path, dst: Path, config: Config, workers: int = 1) -> BatchSummary:
    """Check every line of ``src`` into ``dst``. With ``workers > 1`` lines are checked in
    parallel processes (each loads its own model) and written in input order."""
    from corrigo.pipeline import Checker

    if not src.is_file():
        raise InputError(f"{src}: no such file: check the path", code="not_found")
    lines = _lines(src)
    counts = {"lines": 0, "checked": 0, "with_findings": 0, "errors": 0}

    def records(results: Iterable[dict[str, Any]]) -> Iterator[str]:
        for rec in results:
            counts["lines"] += 1
            if "error" in rec:
                counts["errors"] += 1
            else:
                counts["checked"] += 1
                counts["with_findings"] += bool(rec["report"]["findings"])
            yield json.dumps(rec, ensure_ascii=False)

    if workers > 1:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(config.model_dump(),)) as pool:
            write_atomic(dst, records(pool.imap(_work, lines, chunksize=8)))
    else:
        checker = Checker(config)
        write_atomic(dst, records(check_line(line, checker) for line in lines))
    return BatchSummary(**counts)


def write_atomic(dst: Path, lines: Iterable[str]) -> None:
    """Write lines to a temporary file beside ``dst`` and rename it into place at the end, so a
    crash or Ctrl-C never leaves a partial output file."""
    dst = Path(dst)
    parent = dst.parent if str(dst.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for line in lines:
                fh.write(line)
                fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dst)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
