"""Synthetic errors: labelled self-contradictions injected into real articles.

Used to benchmark the checks and, later, to make training pairs for a verifier.

Example:
    >>> from corrigo.synth import Corruptor
    >>> corruption = Corruptor(seed=0).corrupt(article_text, kind="headline_vs_body")  # doctest: +SKIP
"""

from __future__ import annotations

from corrigo.synth.corrupt import KINDS, MODEL_NAMES, Candidate, Corruption, Corruptor, Injected

__all__ = ["KINDS", "MODEL_NAMES", "Candidate", "Corruption", "Corruptor", "Injected"]
