"""Read reference documents from files and folders: text, Markdown, HTML and JSONL.

A document's id is stable so that adding the same folder again replaces or skips each
document instead of duplicating it, and names the folder so that files of the same name in two
folders don't replace each other:

- a JSONL line's own ``id``, kept as it is;
- else, for a file found in a folder that was added, the folder's name and the file's path in
  it (POSIX separators): ``wire2021/001.txt``, ``reference/sub/x.md``;
- for a file added directly, its folder's name and its name: ``wire2021/001.txt`` again, the
  id that adding the whole folder gives it;
- a JSONL line without an ``id``: ``<file id>#<line number>``.

``prefix`` replaces the folder's name (``prefix="reuters/2021"``: ``reuters/2021/001.txt``;
``prefix=""``: no prefix, the path relative to the folder). When two different files of one call
would still get the same id (``2021/wire/`` and ``2022/wire/``, or two folders under one prefix),
those ids take in the names of the folders above, one at a time, until they differ:
``2021/wire/001.txt`` and ``2022/wire/001.txt``. A file given twice is read once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corrigo.errors import InputError
from corrigo.evidence import Document
from corrigo.ingest.decode import decode_bytes, read_path

__all__ = ["SUFFIXES", "content_hash", "iter_documents", "parse_date", "read_jsonl"]

logger = logging.getLogger(__name__)

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"})
# A reference document may be longer than an article (the checker's default limit is 1 MB).
_MAX_FILE_BYTES = 50_000_000


def content_hash(doc: Document) -> str:
    """SHA-256 over the text and metadata: a change to any of them replaces the stored copy."""
    payload = json.dumps([doc.text, doc.title, doc.date.isoformat() if doc.date else None, doc.url], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def parse_date(value: object, *, where: str) -> dt.date | None:
    """An ISO date (``2024-03-01``, or a timestamp whose first ten characters are one), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise InputError(f"{where}: date {value!r} is not an ISO date: write it as YYYY-MM-DD", code="bad_date")


def _optional_str(row: dict[str, object], key: str, where: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: `{key}` must be a string, got {type(value).__name__}", code="bad_jsonl")
    return value or None


def read_jsonl(path: Path, *, file_id: str) -> Iterator[Document]:
    """One document per non-blank line of ``{"id", "text", "title"?, "date"?, "url"?}``."""
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: can't be read ({exc.strerror}): check the path", code="unreadable") from exc
    with fh:
        lineno = 0
        try:
            for lineno, line in enumerate(fh, start=1):  # noqa: B007 - lineno is used in the except
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    raise InputError(
                        f"{where}: not valid JSON ({exc}): one JSON object per line", code="bad_jsonl"
                    ) from exc
                if not isinstance(row, dict):
                    raise InputError(f"{where}: expected a JSON object per line", code="bad_jsonl")
                text = row.get("text")
                if not isinstance(text, str) or not text.strip():
                    raise InputError(
                        f"{where}: `text` is missing or empty: every line needs its text", code="bad_jsonl"
                    )
                raw_id = row.get("id")
                doc_id = f"{file_id}#{lineno}" if raw_id is None or raw_id == "" else str(raw_id)
                yield Document(
                    id=doc_id,
                    text=text,
                    title=_optional_str(row, "title", where),
                    date=parse_date(row.get("date"), where=where),
                    url=_optional_str(row, "url", where),
                )
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}:{lineno + 1}: not valid UTF-8: re-save it as UTF-8", code="undecodable") from exc


def _read_file(path: Path, file_id: str) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, file_id=file_id)
        return
    text = decode_bytes(read_path(path, max_bytes=_MAX_FILE_BYTES), name=str(path), max_bytes=_MAX_FILE_BYTES)
    if suffix in (".html", ".htm"):
        from corrigo.ingest.load import html_to_text

        text = html_to_text(text, name=str(path))
    yield Document(id=file_id, text=text)


def _files_under(folder: Path) -> list[Path]:
    """Readable files under ``folder`` (recursive), sorted, skipping hidden files and folders."""
    out = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            out.append(path)
    return sorted(out, key=lambda p: p.relative_to(folder).as_posix())


@dataclass(frozen=True, slots=True)
class _Source:
    """One file to read: its path as given, and what its id is made of."""

    path: Path  # as given (relative paths stay relative in messages)
    folders: tuple[str, ...]  # names of the folders down to the one its id is relative to
    rel: tuple[str, ...]  # its path under that folder


def _plan(paths: Iterable[Path | str]) -> list[_Source]:
    """Every file to read, in order, each once; raises before reading anything if a path is missing."""
    sources: list[_Source] = []
    seen: set[tuple[str, ...]] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _files_under(path)
            if not files:
                logger.warning("%s holds no .txt, .md, .html or .jsonl files", path)
            folders = path.resolve().parts[1:]
            found = [_Source(file, folders, file.relative_to(path).parts) for file in files]
        elif path.is_file():
            found = [_Source(path, path.parent.resolve().parts[1:], (path.name,))]
        else:
            raise InputError(f"{path}: no such file or folder: check the path", code="not_found")
        for source in found:
            where = source.folders + source.rel
            if where not in seen:
                seen.add(where)
                sources.append(source)
    return sources


def _ids(sources: list[_Source], prefix: str | None) -> list[str]:
    """Each source's id: ``prefix`` (default: its folder's name) and its path; clashes take in parents."""
    base = () if prefix is None else tuple(part for part in prefix.split("/") if part)
    depth = [1 if prefix is None else 0] * len(sources)

    def make(i: int) -> str:
        s = sources[i]
        folders = s.folders[len(s.folders) - depth[i] :] if depth[i] else ()
        return "/".join((*base, *folders, *s.rel))

    ids = [make(i) for i in range(len(sources))]
    while True:
        holders: dict[str, list[int]] = defaultdict(list)
        for i, doc_id in enumerate(ids):
            holders[doc_id].append(i)
        grown = False
        for clash in (group for group in holders.values() if len(group) > 1):
            for i in clash:
                if depth[i] < len(sources[i].folders):
                    depth[i] += 1
                    ids[i] = make(i)
                    grown = True
        if not grown:  # no clash left (different files always differ once their whole paths are in)
            return ids


def iter_documents(paths: Iterable[Path | str], *, prefix: str | None = None) -> Iterator[Document]:
    """The documents in each file or folder (recursively), in a stable order.

    Ids start with the name of the folder given (or of the folder of a file given), or with
    ``prefix`` when one is given (``""`` for none); see the module docstring.

    Raises:
        InputError: a path does not exist (before any file is read), or a file can't be read.

    Example:
        >>> import tempfile, pathlib
        >>> root = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (root / "wire").mkdir()
        >>> _ = (root / "wire" / "a.txt").write_text("Leeds plant closes.")
        >>> [d.id for d in iter_documents([root / "wire"])]
        ['wire/a.txt']
        >>> [d.id for d in iter_documents([root / "wire"], prefix="reuters")]
        ['reuters/a.txt']
    """
    sources = _plan(paths)
    for source, file_id in zip(sources, _ids(sources, prefix), strict=True):
        yield from _read_file(source.path, file_id)
