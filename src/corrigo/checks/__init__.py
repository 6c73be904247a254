"""Internal checks: each finds one kind of statement the article itself contradicts."""

from __future__ import annotations

from corrigo.checks.base import Check

__all__ = ["Check", "default_checks"]


def default_checks() -> list[Check]:
    """Every internal check, in the order they run. Names are the config keys."""
    from corrigo.checks.slots import SlotCheck

    checks: list[Check] = [SlotCheck()]
    return checks
