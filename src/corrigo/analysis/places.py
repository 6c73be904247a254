"""Which place names are regions (countries, states, continents) rather than towns.

A story can put one event "in Sweden" and "in Trollhaettan" without contradicting itself; with
no gazetteer of towns, Corrigo refuses to compare a region with any other place.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["is_region"]


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    text = resources.files("corrigo.data").joinpath("countries.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_region(name: str) -> bool:
    """True for "Sweden", "the US", "Texas", "Europe" (normalised or not)."""
    s = name.lower().strip()
    if s.startswith("the "):
        s = s[4:]
    return s in _regions() or s.replace(".", "") in _regions()
