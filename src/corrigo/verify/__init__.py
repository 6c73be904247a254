"""Verification: claims checked against reference passages — a search index, or the sources a user gives.

    >>> from corrigo.verify import ClaimVerifier, MemoryRetriever, load_documents  # doctest: +SKIP
    >>> sources = MemoryRetriever(load_documents(["examples/reference/hk-security-law-2020.txt"]))  # doctest: +SKIP
    >>> findings = ClaimVerifier().run(analysis, claims, sources, source_mode=True)  # doctest: +SKIP

``Verifier`` is the interface a judge implements (the structured ``AlignmentVerifier`` today);
``ClaimVerifier`` is the pipeline stage; ``MemoryRetriever`` is source mode's in-memory BM25.
"""

from __future__ import annotations

from corrigo.verify.align import AlignmentVerifier
from corrigo.verify.base import ClaimContext, Correction, Judgement, Label, Verifier
from corrigo.verify.memory import MemoryRetriever, load_documents
from corrigo.verify.queries import ClaimQuery, build_queries, claim_query
from corrigo.verify.stage import ClaimVerifier, Verification

__all__ = [
    "AlignmentVerifier",
    "ClaimContext",
    "ClaimQuery",
    "ClaimVerifier",
    "Correction",
    "Judgement",
    "Label",
    "MemoryRetriever",
    "Verification",
    "Verifier",
    "build_queries",
    "claim_query",
    "load_documents",
]
