"""The fact record, and what a token stands for: subject keys and place values for slot facts.

Holds :class:`Fact` and the helpers the slot and title patterns share: which entity a name,
pronoun or "the group" refers to (:func:`resolve_reference`), which place a token names, who does
a verb or owns a noun, and how a fact is built from the tokens that state it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.model import Span

__all__ = ["Fact", "noun_key", "resolve_reference"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ORG_NOUNS = {
    "group",
    "company",
    "firm",
    "organisation",
    "organization",
    "charity",
    "bank",
    "agency",
    "club",
    "party",
    "team",
    "body",
    "union",
    "association",
    "network",
    "movement",
    "institute",
    "university",
    "business",
    "retailer",
    "carrier",
    "airline",
    "manufacturer",
    "insurer",
    "lender",
    "broadcaster",
    "publisher",
    "utility",
    "operator",
    "supermarket",
    "chain",
    "brand",
    "maker",
    "producer",
    "developer",
    "provider",
    "giant",
    "conglomerate",
    "consortium",
    "foundation",
    "ministry",
    "department",
    "council",
    "board",
    "commission",
    "authority",
    "regulator",
    "watchdog",
    "corporation",
    "society",
    "league",
    "federation",
}
_PLACE_NOUNS = {"city", "town", "capital", "country", "territory", "island", "region", "state", "village"}


@dataclass(frozen=True, slots=True)
class Fact:
    """One slot filled with one value, and where the article says so."""

    subject: str  # entity key the fact is about
    slot: str  # "base", "base:asia pacific", "leave", "role", "start:hub", ...
    value: Span  # the words that fill the slot
    value_key: str  # normalised value, compared across facts
    label: str  # value type: GPE, ROLE, DATE
    sentence: Sentence
    context: Span  # the words that state the slot ("-based", "headquarters in", "departure from")


def resolve_reference(analysis: Analysis, sentence: Sentence, tok: Any) -> str | None:
    """The entity key a subject/possessor token stands for.

    A name resolves to its own entity; "it", "its", "we", "the group", "the company" to the
    nearest organisation mentioned before (within three sentences), else the story's most
    mentioned organisation; "he", "she" to the nearest person; "the city" to the story's place.
    """
    ent = _entity(analysis, sentence, tok)
    if ent is not None and ent.label in ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC"):
        return ent.key
    low = tok.lower_
    pos = sentence.offset + tok.idx
    if low in ("it", "its", "which", "that") or tok.dep_ == "poss" and low == "its":
        # "The bridge, which has never closed since it opened": a pronoun inside a relative
        # clause stands for the noun the clause describes.
        antecedent = _relative_head(tok)
        if antecedent is not None:
            return resolve_reference(analysis, sentence, antecedent) or noun_key(antecedent)
    lemma = tok.lemma_.lower()
    if _definite(tok) and tok.pos_ == "NOUN":
        # "the consortium", "the institute": the organisation whose name has that word.
        named = _org_words(analysis).get(lemma, [])
        if named:
            return max(named)[1]
    if low in ("it", "its", "we", "our", "us", "they", "their") or (lemma in _ORG_NOUNS and _definite(tok)):
        return _nearest(analysis, sentence, pos, "ORG") or _top(analysis, "org:")
    if low in ("he", "his", "him", "she", "her"):
        return _nearest(analysis, sentence, pos, "PERSON")
    if tok.lemma_.lower() in _PLACE_NOUNS and _definite(tok):
        return analysis.place_key
    return None


_ORG_WORDS: dict[int, tuple[Analysis, dict[str, list[tuple[int, str]]]]] = {}


def _org_words(analysis: Analysis) -> dict[str, list[tuple[int, str]]]:
    """Each word of the article's organisation names -> (mentions, key) of the names holding it;
    built once per analysis (a long text asks for it at every definite noun)."""
    cached = _ORG_WORDS.get(id(analysis))
    if cached is not None and cached[0] is analysis:
        return cached[1]
    words: dict[str, list[tuple[int, str]]] = {}
    for k, n in analysis.salience.items():
        if k.startswith("org:"):
            for w in set(k[4:].split()):
                words.setdefault(w, []).append((n, k))
    if len(_ORG_WORDS) > 8:
        _ORG_WORDS.clear()
    _ORG_WORDS[id(analysis)] = (analysis, words)
    return words


def noun_key(tok: Any) -> str | None:
    """A key for a definite common noun phrase ("the bridge" -> "np:bridge"), else None."""
    if tok.pos_ == "NOUN" and _definite(tok):
        return "np:" + tok.lemma_.lower()
    return None


def _relative_head(tok: Any) -> Any | None:
    node = tok
    for _ in range(6):
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _definite(tok: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children) or any(
        c.dep_ == "poss" for c in tok.children
    )


def _nearest(analysis: Analysis, sentence: Sentence, pos: int, label: str) -> str | None:
    window_start = analysis.sentences[max(0, sentence.index - 3)].span.start
    best = None
    for e in analysis.entities_starting(window_start, pos):
        # A name the article also uses as a place ("Bergen") is a mis-tagged place, not an organisation.
        if e.label == label and ("place:" + e.key.split(":", 1)[1] not in analysis.salience):
            best = e.key
    return best


def _top(analysis: Analysis, prefix: str) -> str | None:
    ranked = sorted(((n, k) for k, n in analysis.salience.items() if k.startswith(prefix)), reverse=True)
    return ranked[0][1] if ranked else None


def _entity(analysis: Analysis, sentence: Sentence, tok: Any):
    start = sentence.offset + tok.idx
    return analysis.entity_at(start, start + len(tok.text))


def _place_value(analysis: Analysis, sentence: Sentence, tok: Any, typed: bool = False) -> tuple[Span, str] | None:
    """A place named by ``tok``: a GPE/LOC entity, or "the city" standing for the story's place.

    ``typed`` says the position itself means a place ("X-based", "X headquarters", "headquarters
    in X"): there a proper noun counts as a place even when the tagger called it an organisation
    ("the Oslo-based ..." is often tagged ORG).
    """
    ent = _entity(analysis, sentence, tok)
    if ent is not None and ent.label in _PLACE_LABELS:
        return ent.span, ent.key
    if typed and tok.pos_ == "PROPN":
        toks = sorted((t for t in tok.subtree if t.pos_ == "PROPN" and t.i <= tok.i), key=lambda t: t.i)
        run = [tok]
        for t in reversed(toks[:-1]):
            if t.i == run[0].i - 1:
                run.insert(0, t)
        span = analysis.token_span(sentence, run[0], run[-1])
        if ent is None or ent.span.contains(span):
            return span, "place:" + normalise_name(span.text)
    if tok.lemma_.lower() in _PLACE_NOUNS and _definite(tok) and tok.lemma_.lower() == "city":
        key = analysis.place_key
        if key is not None:
            first = min(tok.subtree, key=lambda t: t.i)
            return analysis.token_span(sentence, first, tok), key
    return None


def _subject_of(analysis: Analysis, sentence: Sentence, verb: Any) -> str | None:
    """The entity doing ``verb``: its nsubj, else the subject of the verb it hangs from."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return resolve_reference(analysis, sentence, c) or noun_key(c)
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp", "pobj", "prep") and (
            node.head.i != node.i
        ):
            if node.dep_ == "xcomp":
                # "drawing Amnesty to set up": the object of the governing verb does the xcomp.
                for c in node.head.children:
                    if c.dep_ == "dobj":
                        return resolve_reference(analysis, sentence, c)
            node = node.head
        else:
            break
    return resolve_reference(analysis, sentence, _Pronoun())


class _Pronoun:
    """A stand-in for an implicit subject: resolved like "it" (the story's organisation)."""

    lower_ = "it"
    idx = 0
    i = -1
    text = ""
    lemma_ = "it"
    pos_ = "PRON"
    dep_ = ""
    children = ()

    @property
    def head(self) -> _Pronoun:
        return self


def _owner(analysis: Analysis, sentence: Sentence, noun: Any) -> str | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return resolve_reference(analysis, sentence, c)
    for c in noun.children:
        ent = _entity(analysis, sentence, c)
        if c.dep_ == "compound" and ent is not None and ent.label == "ORG":
            return ent.key
    if noun.head.i != noun.i and noun.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr"):
        verb = noun.head
        while verb.pos_ == "ADP" and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            return _subject_of(analysis, sentence, verb)
    return None


def _fact(analysis, sentence, subject, slot, value, label, first, last) -> Fact | None:
    if subject is None or value is None:
        return None
    span, key = value
    ctx = analysis.token_span(sentence, first, last)
    return Fact(subject, slot, span, key, label, sentence, ctx)


def _pobj(tok: Any, preps: tuple[str, ...]) -> list[tuple[Any, Any]]:
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append((c, p))
                    out.extend((c, q) for q in p.conjuncts)
    return out
