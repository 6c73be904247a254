"""Corrigo: find the statements in a news article that the article itself contradicts.

    >>> import corrigo
    >>> report = corrigo.check(open("examples/plant-closure.txt").read())  # doctest: +SKIP
    >>> for f in report.findings:  # doctest: +SKIP
    ...     print(f.span.text, "->", f.suggestion)

Offline and CPU-only: the only model is the spaCy English pipeline installed as a package.
"""

from __future__ import annotations

from corrigo.config import Config
from corrigo.errors import ConfigError, CorrigoError, InputError, ModelError
from corrigo.ingest import parse_article
from corrigo.model import (
    Article,
    Claim,
    Evidence,
    Finding,
    FindingKind,
    Report,
    SearchInfo,
    SearchStatus,
    Span,
    Verdict,
)
from corrigo.pipeline import Checker, check, warm_up

__all__ = [
    "Article",
    "Checker",
    "Claim",
    "Config",
    "ConfigError",
    "CorrigoError",
    "Evidence",
    "Finding",
    "FindingKind",
    "InputError",
    "ModelError",
    "Report",
    "SearchInfo",
    "SearchStatus",
    "Span",
    "Verdict",
    "check",
    "parse_article",
    "warm_up",
]
__version__ = "0.1.0"
