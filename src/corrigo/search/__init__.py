"""Search reference documents for the passages that bear on a claim (the ``search`` extra).

``corrigo.search.available()`` says whether the extra is installed; importing this package
never needs it. Everything else loads lazily::

    from corrigo.search import open_index
    index = open_index()                       # $CORRIGO_INDEX or the user data folder
    index.add(iter_documents(["reference/"]))  # files and folders: .txt .md .html .jsonl
    index.search("Northgate Water will close its Leeds plant", k=5, entities=["Leeds"])

See ``corrigo.search.index`` for the on-disk layout and how adds stay atomic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "AddResult",
    "Index",
    "IndexBusyError",
    "IndexInfo",
    "IndexNotFoundError",
    "available",
    "default_index_path",
    "iter_documents",
    "open_index",
    "rebuild_index",
]

_EXTRA_MODULES = ("tantivy", "numpy", "tokenizers", "platformdirs")
_LAZY = {
    "AddResult": "corrigo.search.index",
    "Index": "corrigo.search.index",
    "IndexBusyError": "corrigo.search.index",
    "IndexInfo": "corrigo.search.index",
    "IndexNotFoundError": "corrigo.search.index",
    "default_index_path": "corrigo.search.index",
    "open_index": "corrigo.search.index",
    "rebuild_index": "corrigo.search.index",
    "iter_documents": "corrigo.search.documents",
}

if TYPE_CHECKING:
    from corrigo.search.documents import iter_documents
    from corrigo.search.index import (
        AddResult,
        Index,
        IndexBusyError,
        IndexInfo,
        IndexNotFoundError,
        default_index_path,
        open_index,
        rebuild_index,
    )


def available() -> bool:
    """True when the ``search`` extra's packages import (tantivy, numpy, tokenizers, platformdirs)."""
    for name in _EXTRA_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            return False
    return True


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'corrigo.search' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
