"""The index routes: ``GET /index``, ``POST /index/documents``, ``DELETE /index/documents/{id}``.

They act on the index the server checks against (``--index DIR``, else ``$CORRIGO_INDEX`` or the
user data folder) with the same code as ``corrigo index info|add|remove``. Writes go through one
thread of the server, so its writes never overlap; the workers read the index and see a write once
it is committed (the index is atomic per batch: see ``corrigo.search.index``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from corrigo.config import Config
from corrigo.errors import CorrigoError, InputError
from corrigo.serve.limits import ApiError

__all__ = ["DocumentIn", "IndexDocuments", "IndexService"]


class DocumentIn(BaseModel):
    """A reference document; adding one whose id is in the index already replaces it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: str
    title: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD")
    url: str | None = None


class IndexDocuments(BaseModel):
    """The body of ``POST /index/documents``."""

    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentIn] = Field(min_length=1)


class IndexService:
    """The server's handle on its index: opened once, used from one thread."""

    def __init__(self, config: Config, timeout_s: float) -> None:
        self.enabled = config.use_index
        self.path = Path(config.index).expanduser() if config.index else None
        self.timeout_s = timeout_s
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="corrigo-index")
        self._index: Any = None

    def close(self) -> None:
        self._thread.submit(self._close)
        self._thread.shutdown(wait=True)

    def _close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    async def call(self, what: str, fn: Any, *args: Any) -> Any:
        """Run ``fn(index, *args)`` in the index thread within the time limit, errors translated."""
        from corrigo import search
        from corrigo.index_cli import NOT_INSTALLED

        if not search.available():
            raise ApiError(501, "not_installed", NOT_INSTALLED)
        if not self.enabled:
            raise ApiError(
                404,
                "index_off",
                "this server checks without an index (started with --no-index): restart it without --no-index "
                "(and with --index DIR to choose one) to manage an index",
            )
        future = self._thread.submit(self._run, what, fn, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout_s)
        except TimeoutError:
            raise ApiError(
                504,
                "timeout",
                f"the index {what} took longer than the {self.timeout_s:g} s time limit; it goes on in the "
                "background and is committed whole or not at all: see GET /index, or send fewer documents at once",
            ) from None

    def _run(self, what: str, fn: Any, *args: Any) -> Any:
        from corrigo import search

        path = self.path or search.default_index_path()
        try:
            if self._index is None or self._index.path != path:
                create = what == "add"
                if not create and not (path / "meta.json").is_file():
                    raise ApiError(
                        404, "no_index", f"there is no index at {path} yet: add documents with POST /index/documents"
                    )
                self._index = search.open_index(path, create=create)
            return fn(self._index, *args)
        except search.IndexBusyError as exc:
            raise ApiError(503, exc.code, f"{exc}: retry in a moment", headers={"Retry-After": "5"}) from exc
        except InputError as exc:
            raise ApiError(422, exc.code, str(exc)) from exc
        except CorrigoError as exc:
            raise ApiError(500, exc.code, f"the index at {path} can't be used: {exc}") from exc

    # ---- what each route does, in the index thread ----------------------------------------

    @staticmethod
    def info(index: Any) -> dict[str, Any]:
        info = index.info()
        return {
            "path": str(info.path),
            "format_version": info.format_version,
            "documents": info.documents,
            "passages": info.passages,
            "disk_bytes": info.disk_bytes,
            "embedding": info.embedding,
        }

    @staticmethod
    def add(index: Any, body: IndexDocuments) -> dict[str, Any]:
        from corrigo.evidence import Document
        from corrigo.search.documents import parse_date

        seen: set[str] = set()
        docs = []
        for i, d in enumerate(body.documents):
            where = f"documents[{i}] ({d.id!r})"
            if d.id in seen:
                raise InputError(f"{where}: the id appears twice in this request: give each document once", code="dup")
            seen.add(d.id)
            if not d.text.strip():
                raise InputError(f'{where}: "text" is empty: give the document\'s text', code="empty")
            date: dt.date | None = parse_date(d.date, where=where)
            docs.append(Document(id=d.id, text=d.text, title=d.title or None, date=date, url=d.url or None))
        result = index.add(docs)
        return {
            "added": result.added,
            "replaced": result.replaced,
            "unchanged": result.unchanged,
            "passages": result.passages,
            "documents": index.info().documents,
        }

    @staticmethod
    def remove(index: Any, doc_id: str) -> dict[str, Any]:
        if index.missing([doc_id]):
            guesses = index.ids_ending(doc_id, limit=3)
            meant = f" (did you mean {', '.join(repr(g) for g in guesses)}?)" if guesses else ""
            raise ApiError(
                404,
                "unknown_id",
                f"no document {doc_id!r} in the index{meant}: give the id it was added with "
                "(ids may contain slashes: DELETE /index/documents/reference/notes.txt)",
            )
        return {"removed": index.remove([doc_id]), "id": doc_id, "documents": index.info().documents}
