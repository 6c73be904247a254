"""Cheap lexical cues: whether a passage can bear on a claim at all, decided before it is parsed.

Parsing evidence is the verifier's main cost, and most retrieved passages share a claim's names
but not its predicate. A passage can only align with a claim frame if it contains a form of the
frame's predicate (or of a near-synonym or opposite: "shut" for "close", "rejected" for
"approved"), of a title the claim gives someone, or of a word that states one of the claim's
slot facts ("headquartered", "departure"). Words are compared as the in-memory retriever's
stems, and irregular forms ("won", "left", "made") come from the spaCy lemmatizer's own table of
exceptions, so no word list of ours has to keep up with English.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corrigo.analysis.facts import Fact
from corrigo.analysis.lexicon import SENSES
from corrigo.verify.frames import ArgRole, Frame, FrameKind
from corrigo.verify.lexicon import predicate_class, same_class
from corrigo.verify.memory import stem, terms

__all__ = ["IrregularForms", "claim_cues", "passage_terms"]

# Words that state a slot fact of corrigo.analysis.facts, by slot kind.
_FACT_WORDS = {
    "base": ("base", "headquarter", "headquarters", "hq"),
    "leave": (
        "leave",
        "quit",
        "exit",
        "vacate",
        "abandon",
        "departure",
        "withdrawal",
        "pullout",
        "retreat",
        "exodus",
        "withdraw",
        "depart",
        "pull",
        "move",
        "relocate",
        "close",
        "shut",
    ),
    "start": ("found", "establish", "set", "create", "launch", "form", "open", "start", "build"),
}


class IrregularForms:
    """Irregular verb forms by lemma, read from a spaCy pipeline's lemmatizer exceptions.

    Example:
        >>> from corrigo.analysis.nlp import load_nlp
        >>> sorted(IrregularForms(load_nlp()).of("win"))
        ['winning', 'won']
    """

    def __init__(self, nlp: Any) -> None:
        self._forms: dict[str, set[str]] = {}
        try:
            table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
            verbs = table["verb"]
        except (KeyError, AttributeError, ValueError):
            verbs = {}  # a pipeline without the table: regular forms only
        for form, lemmas in verbs.items():
            for lemma in lemmas:
                self._forms.setdefault(lemma, set()).add(form)

    def of(self, lemma: str) -> set[str]:
        return self._forms.get(lemma, set())


def claim_cues(frames: Iterable[Frame], facts: Iterable[Fact], irregular: IrregularForms) -> frozenset[str]:
    """Stems of the words one of which an evidence passage must contain to bear on the claim."""
    words: set[str] = set()
    for frame in frames:
        if frame.kind is FrameKind.ROLE:
            for title in frame.values(ArgRole.PATIENT):
                words.update(title.key.split())
            continue
        verb = frame.predicate.split()[0]
        words.update(_related(verb))
    for fact in facts:
        words.update(_FACT_WORDS.get(fact.slot.split(":", 1)[0], ()))
    cues = set()
    for w in words:
        cues.add(stem(w))
        cues.update(stem(f) for f in irregular.of(w))
    return frozenset(cues)


def passage_terms(text: str) -> frozenset[str]:
    return frozenset(terms(text))


def _related(verb: str) -> set[str]:
    """The verb, its near-synonyms ("close": "shut", "shutter") and its opposites ("approve": "reject")."""
    out = {verb} | same_class(predicate_class(verb))
    for sense in SENSES.get(verb, ()):
        for other, senses in SENSES.items():
            if any(s.family == sense.family and s.sign != sense.sign for s in senses):
                out.add(other.split()[0])
    return out
