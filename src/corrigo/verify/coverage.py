"""How much of a claim its evidence covers, word for word: the lexical signals of the decision.

A claim that brings words its sources never use — a name, a number, a pairing of words the
sources do not make — says something they do not state, whatever a model reads into it. Three
shares, each 0 (everything found in the evidence) to 1 (nothing found):

- ``novel_terms``: content words (stemmed, stop words out: :func:`corrigo.verify.memory.terms`);
- ``novel_bigrams``: adjacent content-word pairs of the claim that no passage has within a few
  words of each other (either order): dropping a modifier keeps its neighbours near, moving a name
  into another sentence's fact does not;
- ``novel_names``: capitalised words and numbers (names, figures, dates).

They feed :class:`corrigo.verify.learned.Decision`, which weighs them with the model's support
probability; the weights are fitted on validation splits (``training/calibrate_decision.py``).

Example:
    >>> c = coverage("Beijing imposed the law in 2020.", ["The law was imposed by Beijing in 2020."])
    >>> c.novel_terms, c.novel_names
    (0.0, 0.0)
    >>> round(coverage("Macau imposed the law in 2021.", ["The law was imposed by Beijing in 2020."]).novel_names, 2)
    1.0
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from corrigo.verify.memory import terms

__all__ = ["Coverage", "coverage"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NEAR = 6  # content words apart, at most, for a claim's word pair to count as found together
_NAME_OR_NUMBER = re.compile(r"\b(?:[A-Z][\w'’-]*|\w*\d[\w.,]*)", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Coverage:
    """Shares of the claim's words its evidence lacks (see the module docs); 0 when it has none."""

    novel_terms: float
    novel_bigrams: float
    novel_names: float

    def as_dict(self) -> dict[str, float]:
        return {"novel_terms": self.novel_terms, "novel_bigrams": self.novel_bigrams, "novel_names": self.novel_names}


def _share_missing(items: list, known: set) -> float:
    return sum(1 for x in items if x not in known) / len(items) if items else 0.0


def coverage(claim: str, evidence: Iterable[str]) -> Coverage:
    """The :class:`Coverage` of ``claim`` by the evidence texts taken together."""
    known = _profile(tuple(evidence))
    claim_terms = terms(claim)
    # "1,500" gives the words "1" and "500", "O'Neill" gives "o" and "neill": each must be found.
    names = [w for m in _NAME_OR_NUMBER.finditer(claim) for w in _WORD.findall(m.group().lower())]
    return Coverage(
        novel_terms=_share_missing(claim_terms, known.terms),
        novel_bigrams=_share_missing(list(zip(claim_terms, claim_terms[1:], strict=False)), known.near),
        novel_names=_share_missing(names, known.words),
    )


@dataclass(frozen=True, slots=True)
class _Profile:
    terms: frozenset[str]
    near: frozenset[tuple[str, str]]
    words: frozenset[str]


@lru_cache(maxsize=16)
def _profile(texts: tuple[str, ...]) -> _Profile:
    """What the evidence contains; cached, as every claim of a summary is read against the same sources."""
    passage_terms = [terms(text) for text in texts]
    return _Profile(
        frozenset(t for seq in passage_terms for t in seq),
        frozenset(pair for seq in passage_terms for pair in _near_pairs(seq)),
        frozenset(w for text in texts for w in _WORD.findall(text.lower())),
    )


def _near_pairs(seq: list[str]) -> set[tuple[str, str]]:
    """Every ordered pair of terms at most ``_NEAR`` terms apart, both orders."""
    out = set()
    for i, a in enumerate(seq):
        for b in seq[i + 1 : i + 1 + _NEAR]:
            out.add((a, b))
            out.add((b, a))
    return out
