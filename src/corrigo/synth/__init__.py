"""Synthetic errors: labelled self-contradictions injected into real articles.

Used to benchmark the checks and, later, to make training pairs for a verifier.
:class:`Corruptor` (``corrupt.py``) draws on word lists that overlap the checks'
tables; :class:`SlipMaker` (``slips.py``) makes slips from the article's own
content only, and is what ``benchmarks/internal_checks.py`` uses by default.

Example:
    >>> from corrigo.synth import Corruptor
    >>> corruption = Corruptor(seed=0).corrupt(article_text, kind="headline_vs_body")  # doctest: +SKIP
"""

from __future__ import annotations

from corrigo.synth.corrupt import KINDS, MODEL_NAMES, Candidate, Corruption, Corruptor, Injected
from corrigo.synth.slips import SLIP_KINDS, Slip, SlipCandidate, SlipCorruption, SlipMaker

__all__ = [
    "KINDS",
    "MODEL_NAMES",
    "SLIP_KINDS",
    "Candidate",
    "Corruption",
    "Corruptor",
    "Injected",
    "Slip",
    "SlipCandidate",
    "SlipCorruption",
    "SlipMaker",
]
