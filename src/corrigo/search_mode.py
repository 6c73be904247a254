"""Which evidence an article is checked against: supplied sources, the local index, or nothing.

The decision is reported as ``Report.search``: ``ok`` (an index or sources were used),
``not_installed`` (the ``search`` extra is missing), ``no_index`` (installed, but no index has
been built), ``error`` (the default index exists but can't be opened).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from corrigo.errors import CorrigoError
from corrigo.evidence import Document, Retriever
from corrigo.model import SearchInfo, SearchStatus

__all__ = ["EvidenceSource", "NOT_INSTALLED_MESSAGE", "choose_evidence"]

log = logging.getLogger(__name__)

NOT_INSTALLED_MESSAGE = (
    "Search module is not installed: install corrigo[search] to check claims against reference documents. "
    "Checked the article against itself only."
)


@dataclass(frozen=True, slots=True)
class EvidenceSource:
    retriever: Retriever | None
    info: SearchInfo
    source_mode: bool = False


def choose_evidence(index: str | None, sources: list[Document] | None, use_index: bool, cache: dict) -> EvidenceSource:
    """Sources win; then an explicit ``index`` (errors raise); then the default index if it exists."""
    if sources:
        from corrigo.verify.memory import MemoryRetriever

        n = len(sources)
        return EvidenceSource(
            MemoryRetriever(sources),
            SearchInfo(SearchStatus.OK, f"Checked against the {n} source document{'s' if n != 1 else ''} supplied."),
            source_mode=True,
        )
    if not use_index:
        return EvidenceSource(
            None, SearchInfo(SearchStatus.NO_INDEX, "Reference search is off: checked the article against itself only.")
        )
    from corrigo import search

    if not search.available():
        return EvidenceSource(None, SearchInfo(SearchStatus.NOT_INSTALLED, NOT_INSTALLED_MESSAGE))
    path = Path(index).expanduser() if index else search.default_index_path()
    if not index and not (path / "meta.json").is_file():
        return EvidenceSource(
            None,
            SearchInfo(
                SearchStatus.NO_INDEX,
                f"No reference index at {path}: build one with `corrigo index add PATH...` to check claims "
                "against reference documents. Checked the article against itself only.",
            ),
        )
    key = str(path)
    if key not in cache:
        try:
            cache[key] = search.open_index(path, create=False)
        except CorrigoError as exc:
            if index:
                raise  # the user named this index: a broken one is an error, not a silent skip
            log.warning("default index at %s can't be opened: %s", path, exc)
            return EvidenceSource(None, SearchInfo(SearchStatus.ERROR, f"The index at {path} can't be used: {exc}"))
    info = cache[key].info()
    return EvidenceSource(
        cache[key],
        SearchInfo(SearchStatus.OK, f"Checked against the index at {path} ({info.documents} documents)."),
    )
