"""Hybrid retrieval for a claim: BM25 and dense scores fused, entities boosted, copies collapsed.

1. BM25 (tantivy) and cosine similarity of static embeddings each pick their top ``n``
   passages (``n = max(50, 5k)``); passages not committed in SQLite are dropped.
2. Fusion over the union of both lists, one of:
   - ``"score"`` (default): ``bm25 / max bm25 + 0.3 * (cos - min cos) / (max cos - min cos)``,
     the cosine computed for every candidate (a BM25-only candidate gets its exact cosine,
     a dense-only one a BM25 of 0);
   - ``"rrf"``: reciprocal rank fusion, ``Σ weight / (60 + rank)`` over the two lists.
   On FEVER-Symmetric and CLIMATE-FEVER (``benchmarks/retrieval.py``) the static embeddings
   are much weaker than BM25, and RRF, which gives the dense list an equal vote, ranked
   *below* BM25 alone; the score fusion ranks above it. Hence the default.
3. Entities the caller passes (names, places, numbers in the claim) add
   ``entity_weight * matched / len(entities)`` times the top score one list can give (1 for
   ``"score"``, ``1 / 61`` for ``"rrf"``): a passage holding every entity gains as much as
   being first in one list.
4. Near-duplicate passages (the same wire copy under different ids, see ``dedup``) collapse
   into one, shown from the earliest document (dated before undated, then by id) with the
   group's best score.

Ties are broken by document id, then offset, so results are deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corrigo.evidence import Passage
from corrigo.search.dedup import Fingerprint, fingerprint, is_near_duplicate
from corrigo.search.store import PassageRow

if TYPE_CHECKING:
    from corrigo.search.index import Index

__all__ = ["DENSE_WEIGHT", "RRF_K", "entity_patterns", "fuse", "fuse_scores", "hybrid_search"]

RRF_K = 60
# Weight of the normalised cosine against the normalised BM25 score in "score" fusion
# (FEVER-Symmetric recall@5 0.970 at 0.1-0.8; CLIMATE-FEVER best at 0.3).
DENSE_WEIGHT = 0.3


def entity_patterns(entities: Sequence[str]) -> list[re.Pattern[str]]:
    """Case-insensitive whole-word patterns, one per distinct entity (any whitespace between words).

    Example:
        >>> [bool(p.search("He moved to NEW  York.")) for p in entity_patterns(["New York", "York", "Yo"])]
        [True, True, False]
    """
    out: list[re.Pattern[str]] = []
    seen: set[str] = set()
    for entity in entities:
        words = entity.split()
        key = " ".join(w.lower() for w in words)
        if not words or key in seen:
            continue
        seen.add(key)
        body = r"\s+".join(re.escape(w) for w in words)
        out.append(re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE))
    return out


def fuse(rankings: Sequence[Sequence[int]], weights: Sequence[float] | None = None, k: int = RRF_K) -> dict[int, float]:
    """Weighted reciprocal rank fusion of ranked id lists (rank 1 first).

    Example:
        >>> scores = fuse([[7, 3], [3, 9]])
        >>> sorted(scores, key=lambda i: -scores[i])
        [3, 7, 9]
    """
    weights = weights or [1.0] * len(rankings)
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def fuse_scores(
    bm25: dict[int, float], cosine: dict[int, float], dense_weight: float = DENSE_WEIGHT
) -> dict[int, float]:
    """``bm25 / max bm25 + dense_weight * min-max-normalised cosine`` for every id in ``cosine``.

    Example:
        >>> s = fuse_scores({1: 8.0, 2: 4.0}, {1: 0.2, 2: 0.6, 3: 0.4})
        >>> {k: round(v, 2) for k, v in s.items()}
        {1: 1.0, 2: 0.8, 3: 0.15}
    """
    top = max(bm25.values(), default=0.0)
    lo, hi = min(cosine.values(), default=0.0), max(cosine.values(), default=0.0)
    span = hi - lo
    out: dict[int, float] = {}
    for pid, cos in cosine.items():
        lexical = bm25.get(pid, 0.0) / top if top > 0 else 0.0
        dense = (cos - lo) / span if span > 0 else 0.0
        out[pid] = lexical + dense_weight * dense
    return out


@dataclass
class _Group:
    fingerprint: Fingerprint
    score: float
    members: list[PassageRow] = field(default_factory=list)

    def earliest(self) -> PassageRow:
        return min(self.members, key=lambda r: (r.date is None, r.date or 0, r.doc_id, r.start))


def _collapse(ranked: list[tuple[PassageRow, float]], k: int) -> list[_Group]:
    """Group copies; the first ``k`` groups by best score, each with every copy in the candidates."""
    groups: list[_Group] = []
    by_key: dict[str, _Group] = {}
    for row, score in ranked:
        fp = fingerprint(row.text)
        group = by_key.get(fp.key)
        if group is None:
            group = next((g for g in groups if is_near_duplicate(fp, g.fingerprint)), None)
        if group is None:
            if len(groups) >= k:
                continue  # can't enter the top k any more; only copies of kept groups matter
            group = _Group(fp, score)
            groups.append(group)
        by_key.setdefault(fp.key, group)
        group.members.append(row)
    return groups


def hybrid_search(
    index: Index,
    query: str,
    k: int = 10,
    *,
    entities: Sequence[str] | None = None,
    candidates: int | None = None,
    entity_weight: float = 1.0,
    fusion: str = "score",
    dense_weight: float | None = None,
) -> list[Passage]:
    """The ``k`` best passages of ``index`` for the claim ``query``; see the module docstring."""
    if k <= 0 or not query.strip():
        return []
    if fusion not in ("score", "rrf"):
        raise ValueError(f"fusion must be 'score' or 'rrf', got {fusion!r}")
    n = candidates or max(50, 5 * k)
    ents = [e for e in (entities or []) if e.strip()]
    qvec = index.embedder.encode([query])[0]
    lexical = index.bm25(query, n, ents)
    dense = index.dense(qvec, n)
    rows = index.passages({pid for pid, _ in lexical} | {pid for pid, _ in dense})
    if fusion == "rrf":
        scores = fuse(
            [[pid for pid, _ in lexical if pid in rows], [pid for pid, _ in dense if pid in rows]],
            [1.0, 1.0 if dense_weight is None else dense_weight],
        )
        unit = 1.0 / (RRF_K + 1)
    else:
        pids = sorted(rows)
        cos = index.cosines(qvec, [rows[pid].row for pid in pids])
        scores = fuse_scores(
            {pid: s for pid, s in lexical if pid in rows},
            dict(zip(pids, cos.tolist(), strict=True)),
            DENSE_WEIGHT if dense_weight is None else dense_weight,
        )
        unit = 1.0
    patterns = entity_patterns(ents)
    if patterns:
        for pid in scores:
            row = rows[pid]
            haystack = row.text if not row.title else f"{row.title}\n{row.text}"
            matched = sum(1 for p in patterns if p.search(haystack))
            scores[pid] += entity_weight * unit * matched / len(patterns)
    ranked = sorted(((rows[pid], s) for pid, s in scores.items()), key=lambda rs: (-rs[1], rs[0].doc_id, rs[0].start))
    out: list[Passage] = []
    for group in _collapse(ranked, k):
        row = group.earliest()
        out.append(Passage(row.doc_id, row.start, row.end, row.text, row.title, row.date, group.score))
    return out
