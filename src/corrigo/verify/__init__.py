"""Verification: claims checked against reference passages (a search index, or the sources a user gives)."""

from __future__ import annotations

from corrigo.verify.base import ClaimContext, Correction, Judgement, Label, Verifier

__all__ = ["ClaimContext", "Correction", "Judgement", "Label", "Verifier"]
