"""The BM25 side of an index: a tantivy index of passages.

Each tantivy document is one passage: ``pid`` and ``doc_key`` (integers, fast fields) and its
``text`` analysed by tantivy's ``en_stem`` tokenizer (split on non-alphanumerics, lower-cased,
tokens over 40 bytes dropped, Snowball English stemming). Tantivy scores with BM25
(k1 = 1.2, b = 0.75): for each query term ``idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen))``
with ``idf = ln(1 + (N - n + 0.5) / (n + 0.5))``, summed over the terms.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["LexicalIndex", "build_query_string"]

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
# Entity phrases count this much more than a single query word.
ENTITY_BOOST = 2.0


def build_query_string(query: str, entities: Sequence[str] = ()) -> str:
    """A tantivy query: every word of ``query`` (OR), plus each entity as a boosted phrase.

    Only word characters reach the parser, lower-cased, so the query language's operators
    (``AND``, ``-``, ``:``, quotes, brackets) in a claim can't change the query's meaning.

    Example:
        >>> build_query_string('Is "Acme" (NYSE: ACM) in New York?', ["New York"])
        'is acme nyse acm in new york "new york"^2'
    """
    words: list[str] = []
    seen: set[str] = set()
    for w in _WORD.findall(query.lower()):
        if w not in seen:
            seen.add(w)
            words.append(w)
    parts = list(words)
    for entity in entities:
        ewords = _WORD.findall(entity.lower())
        if len(ewords) == 1 and ewords[0] not in seen:
            parts.append(f"{ewords[0]}^{ENTITY_BOOST:g}")
        elif len(ewords) > 1:
            parts.append(f'"{" ".join(ewords)}"^{ENTITY_BOOST:g}')
    return " ".join(parts)


class LexicalIndex:
    """A tantivy index under ``path`` (created if missing).

    Example:
        >>> import tempfile, pathlib
        >>> lex = LexicalIndex(pathlib.Path(tempfile.mkdtemp()))
        >>> w = lex.writer()
        >>> lex.add(w, [(1, 1, "Leeds plant closes"), (2, 2, "Bradford mill opens")])
        >>> _ = w.commit()
        >>> lex.reload()
        >>> [pid for pid, _ in lex.search("closing plants", 5)]
        [1]
    """

    def __init__(self, path: Path) -> None:
        import tantivy

        self._tantivy = tantivy
        path.mkdir(parents=True, exist_ok=True)
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("pid", indexed=True, fast=True)
        builder.add_integer_field("doc_key", indexed=True, fast=True)
        builder.add_text_field("text", tokenizer_name="en_stem", index_option="position")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        # Manual reload: the Index reloads when SQLite says something changed.
        self.index.config_reader(reload_policy="Manual")

    def writer(self) -> Any:
        """A single-threaded tantivy writer (the caller holds the index's write lock)."""
        return self.index.writer(heap_size=64_000_000, num_threads=1)

    def add(self, writer: Any, passages: Iterable[tuple[int, int, str]]) -> None:
        """Queue ``(pid, doc_key, text)`` passages; they become visible at ``writer.commit()``."""
        doc_cls = self._tantivy.Document
        for pid, key, text in passages:
            writer.add_document(doc_cls(pid=pid, doc_key=key, text=text))

    @staticmethod
    def delete_doc_keys(writer: Any, keys: Iterable[int]) -> None:
        """Queue the deletion of every passage of these document versions."""
        for key in keys:
            writer.delete_documents_by_term("doc_key", key)

    def reload(self) -> None:
        self.index.reload()

    def search(self, query: str, n: int, entities: Sequence[str] = ()) -> list[tuple[int, float]]:
        """The ``n`` best ``(pid, bm25 score)`` pairs, best first (ties: lower pid first)."""
        qs = build_query_string(query, entities)
        if not qs:
            return []
        parsed, errors = self.index.parse_query_lenient(qs, ["text"])
        if errors:
            logger.debug("tantivy query %r parsed leniently: %s", qs, errors)
        searcher = self.index.searcher()
        if searcher.num_docs == 0:
            return []
        # Ask for a few more than n so equal scores at the cut are ordered by pid, not by segment.
        hits = searcher.search(parsed, limit=n + 16, count=False).hits
        if not hits:
            return []
        pids: list[Any] = searcher.fast_field_values("pid", [addr for _score, addr in hits])
        pairs = sorted(
            ((int(pid), float(score)) for (score, _addr), pid in zip(hits, pids, strict=True) if pid is not None),
            key=lambda p: (-p[1], p[0]),
        )
        return pairs[:n]

    def num_docs(self) -> int:
        return int(self.index.searcher().num_docs)
