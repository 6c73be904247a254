"""Fixtures for the search tests: the five-document index. Skips them all without tantivy.

``tests/search`` is a package (it has ``__init__.py``) so that this conftest does not shadow
``tests/conftest.py``, whose names other tests import.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("tantivy")

from .search_fixtures import FIVE_DOCS  # noqa: E402


@pytest.fixture(scope="session")
def embedder():
    from corrigo.search.embed import StaticEmbedder

    e = StaticEmbedder()
    e.warm_up()
    return e


@pytest.fixture()
def five_index(tmp_path: Path, embedder):
    from corrigo.search import open_index

    index = open_index(tmp_path / "index", embedder=embedder)
    index.add(FIVE_DOCS)
    yield index
    index.close()
