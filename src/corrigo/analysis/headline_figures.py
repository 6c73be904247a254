"""The lede's statement of a headline figure.

A news story sells its main figure in the headline and states it again at the top of the body:
"Regulator fines bank $2.1 billion" over "...ordered the bank to pay $2.1 billion on Tuesday".
When no sentence of the body restates the headline's value, and the first body sentences that give
a figure of the same kind (unit and scale) give exactly one, close to the headline's, that one is
the lede's statement of the headline's fact with another value: "recalls 3.2 million scooters" over
"of the 2.3 million units sold since the spring", "agrees $12 billion sale" over "will pay about
$13.5 billion". Nothing else need be shared: a headline is written in other words than its lede.
When the body does restate the headline's value, but only further down, the lede's one figure of
the kind is still read as its statement if it is a slip of it: a digit mistyped or two swapped.

Guards keep unrelated figures apart: the headline's value restated anywhere in the body (in any
unit, or agreeing through a hedge, rounding or cutting short) means the body carries the headline's fact; a lede
with two figures of the kind leaves no telling which is meant; a value more than half as large
again (and no slip of a digit) is another fact; counts without a unit or scale, results, times and
spans of time are left to the other readers.
"""

from __future__ import annotations

import re

from corrigo.analysis.durations_read import DURATION_UNITS
from corrigo.analysis.mentions import Mention
from corrigo.analysis.slip_shapes import slip_shape
from corrigo.analysis.value_agreement import near, values_agree

__all__ = ["headline_restatements"]

# How many body sentences the lede spans: a headline's fact is restated in the first sentences.
LEDE_SENTENCES = 3

# Figures measured in these are not compared this way: results, race and clock times, margins.
_UNMEASURED = frozenset({"score", "time", "clock", "margin"}) | DURATION_UNITS


def headline_restatements(mentions: list[Mention], first_body: int) -> list[tuple[Mention, Mention]]:
    """Each headline figure the body never restates, with the lede's one figure of its kind that
    differs from it. ``first_body`` is the index of the first sentence after the headlines."""
    explicit = [m for m in mentions if m.implied is None]
    body = [m for m in explicit if not m.sentence.headline]
    out = []
    for h in explicit:
        if not h.sentence.headline or not _measured(h):
            continue
        restated = any(_restates(h, m) for m in body)
        same = [m for m in body if m.key == h.key and not _OTHER_THINGS.search(_before(m))]
        if not same:
            continue
        first = min(m.sentence.index for m in same)
        if first - first_body >= LEDE_SENTENCES:
            continue
        lede = [m for m in same if m.sentence.index == first]
        if len(lede) != 1 or _restates(h, lede[0]):
            continue
        b = lede[0]
        shape = slip_shape(h.figure.core, b.figure.core)
        if restated:
            # The body gives the headline's value later: the lede's figure is its statement only
            # when it is a slip of it (a digit mistyped or two swapped), not merely close.
            if shape in ("digit", "transposed"):
                out.append((h, b))
        elif near(h, b) or shape is not None:
            out.append((h, b))
    return out


# A figure a change started from ("rose to $16bn from $13.1bn": another period's value), or one the
# sentence compares with ("edging past the $25bn raised by a rival", "more than the 41.9m"): another
# thing's value, not the lede's statement of the headline's.
_OTHER_THINGS = re.compile(
    r"\b(?:from|than|past|beyond|versus|vs|surpass(?:es|ed|ing)?|overt(?:ook|akes?|aking)|eclips(?:es|ed|ing)|"
    r"exceed(?:s|ed|ing)?|beat(?:s|ing)?|top(?:s|ped|ping)?)\s+(?:(?:the|a|an|its|their)\s+)?(?:[a-z]+\s+){0,3}"
    r"(?:of\s+)?$",
    re.I,
)


def _before(m: Mention) -> str:
    return m.sentence.span.text[: m.figure.whole_start]


def _measured(m: Mention) -> bool:
    f = m.figure
    return bool(f.unit or f.scale) and f.unit not in _UNMEASURED and isinstance(f.value, float)


def _restates(h: Mention, m: Mention) -> bool:
    """Whether body mention ``m`` gives the headline's value: the same number at the same scale
    in any unit ("3.10 billion francs", "3.10 billion Swiss francs"), or one of the same kind that
    a hedge or rounding makes agree."""
    if m.figure.value == h.figure.value and m.key[1] == h.key[1]:
        return True
    return m.key == h.key and (values_agree(h, m) or _cut_short(h, m))


def _cut_short(h: Mention, m: Mention) -> bool:
    """A headline figure with fewer decimals, within one step of its last digit of the body's:
    headlines cut figures short as often as they round them ("$16bn" over "$16.6bn")."""
    places_h, places_m = (len(x.figure.core.partition(".")[2]) for x in (h, m))
    if places_h >= places_m:
        return False
    return abs(float(m.figure.value) - float(h.figure.value)) < 10.0**-places_h  # type: ignore[arg-type]
