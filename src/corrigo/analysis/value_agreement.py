"""When two figures can be one fact, and when one is a slip of the other.

Two statements of one figure may differ and still agree: a hedge allows a range ("more than 300"
agrees with 420; "about 4,000" with 4,300, "about $46.5 billion" only to its last decimal), and the
less precise may be the other rounded ("12.46 million" and "the 12 million"). A value far from the
other (more than half as large again) is told of something else; a slip keeps close.

    >>> compatible(600_000.0, 800_000.0, "more than ")
    True
    >>> compatible(700.0, 800.0, "around ")
    False
    >>> compatible(33.13, 33.0, "", 2, 0), compatible(8.9, 9.0, "", 1, 1)
    (True, False)
    >>> slipped("3,100", "1,300"), slipped("3,100", "1,800")
    (True, False)
"""

from __future__ import annotations

import re

from corrigo.analysis.mentions import Mention
from corrigo.analysis.slip_shapes import slip_shape

__all__ = ["compatible", "near", "places", "slipped", "values_agree"]

# Hedges before a figure: a bound, or an estimate that may be some way off.
_LOWER_BOUND = re.compile(r"\b(?:more than|over|at least|above|upwards of|in excess of)\s+(?:\S+\s+)?$", re.I)
_UPPER_BOUND = re.compile(r"\b(?:less than|fewer than|under|up to|at most|below|no more than)\s+(?:\S+\s+)?$", re.I)
_ESTIMATE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|some|approximately|close to|an estimated|estimated)\s+(?:\S+\s+)?$",
    re.I,
)
# How far an estimate ("about 4,000") may be from the value a reference gives and still agree.
_ESTIMATE_TOLERANCE = 0.1
# An estimate written with decimals is off by at most this many steps of its last decimal.
_ESTIMATE_DECIMAL_STEPS = 5



def near(a: Mention, r: Mention) -> bool:
    """Whether two values are close enough to be one figure misstated: within a factor of
    ``_RATIO_MAX`` ("700" and "800"), or a result or time with one part changed."""
    va, vr = a.figure.value, r.figure.value
    if isinstance(va, tuple) or isinstance(vr, tuple):
        if not (isinstance(va, tuple) and isinstance(vr, tuple) and len(va) == len(vr)):
            return False
        return sum(x != y for x, y in zip(va, vr, strict=True)) == 1
    lo, hi = sorted((abs(va), abs(vr)))
    return lo > 0 and hi <= _RATIO_MAX * lo


# A reference more than this far off its candidate antecedent is told of another figure: slips
# and misremembered figures stay near ("the 6.1 quake" for a 6.7 one, 450 rehoused for 350).
_RATIO_MAX = 1.5


def values_agree(a: Mention, b: Mention) -> bool:
    """Whether two mentions' values can be one fact: equal, or within what a hedge before either
    of them, or the rounding of the less precise, allows."""
    va, vb = a.figure.value, b.figure.value
    if va == vb:
        return True
    if not isinstance(va, float) or not isinstance(vb, float):
        return False
    pa, pb = places(a), places(b)
    before_a = a.sentence.span.text[: a.figure.whole_start]
    before_b = b.sentence.span.text[: b.figure.whole_start]
    return compatible(va, vb, before_a, pa, pb) or compatible(vb, va, before_b, pb, pa)


def places(m: Mention) -> int:
    """How many decimals a figure is written with ("9.0" -> 1)."""
    return len(m.figure.core.partition(".")[2]) if m.figure.core[:1].isdigit() else 0


def compatible(a: float, r: float, before: str, places_a: int = 0, places_r: int = 0) -> bool:
    if (places_r < places_a and round(a, places_r) == r) or (places_a < places_r and round(r, places_a) == a):
        return True  # "12.46 million shares" ... "the 12 million shares"
    if _LOWER_BOUND.search(before):
        return r >= a
    if _UPPER_BOUND.search(before):
        return r <= a
    if _ESTIMATE.search(before):
        # "about 4,000" may be some way off; "about $46.5 billion" is precise to its last decimal.
        slack = _ESTIMATE_TOLERANCE * max(abs(a), abs(r))
        if places_a:
            slack = min(slack, _ESTIMATE_DECIMAL_STEPS * 10.0**-places_a)
        return abs(r - a) <= slack
    return False


# The slips a figure may show against the one it restates.
_SLIPS = frozenset({"digit", "transposed", "scale"})


def _swapped(a: str, b: str) -> bool:
    """Two neighbouring digits swapped, even in a round figure ("3,100" and "1,300"), which
    :func:`slip_shape` leaves to chance when the figures stand alone."""
    da, db = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    diff = [k for k in range(len(da)) if len(da) == len(db) and da[k] != db[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]] and da[diff[1]] == db[diff[0]]




def slipped(a: str, b: str) -> bool:
    """Whether ``b`` reads as a slip for ``a``: a digit mistyped, two swapped (neighbouring digits
    of a round figure too: "3,100" and "1,300") or one dropped."""
    return slip_shape(a, b) in _SLIPS or _swapped(a, b)
