"""Retrieval queries built from claims, never from whole articles.

A query is the claim's own words plus the names it is about: the entities inside it, the entity
its pronoun subject stands for ("It is headquartered in London" asks about Amnesty International),
and its speaker. Names are added once more after the text, so a lexical retriever weights them
above the claim's other words.
"""

from __future__ import annotations

from dataclasses import dataclass

from corrigo.analysis.analyse import Analysis
from corrigo.analysis.facts import resolve_reference
from corrigo.model import Claim

__all__ = ["CHECKWORTHY", "ClaimQuery", "build_queries", "claim_query"]

CHECKWORTHY = ("fact", "quote")
# Entity labels worth searching for; numbers and dates are checked, not searched.
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """What is sent to the retriever for one claim.

    Example:
        >>> from corrigo.analysis.analyse import Analyser
        >>> from corrigo.claims import ClaimExtractor
        >>> from corrigo.ingest import parse_article
        >>> analysis = Analyser().run(parse_article("Bank moves\\n\\nNorthgate Bank moved to Leeds."))
        >>> claim_query(analysis, ClaimExtractor().run(analysis)[-1]).text
        'Northgate Bank moved to Leeds Northgate Bank Leeds'
    """

    claim: Claim
    text: str
    entities: tuple[str, ...]


def claim_query(analysis: Analysis, claim: Claim) -> ClaimQuery:
    """The query for one claim: its words (its speaker's, for an opinion) and its names."""
    names: list[str] = []
    regions = [claim.span] if claim.kind != "opinion" else []
    if claim.speaker is not None:
        regions.append(claim.speaker)
    for region in regions:
        for ent in analysis.entities_in(region):
            if ent.label in _NAME_LABELS:
                names.append(ent.span.text)
    referent = _subject_referent(analysis, claim)
    if referent is not None:
        names.append(referent)
    names = list(dict.fromkeys(names))
    words = claim.span.text if claim.kind != "opinion" or claim.speaker is None else claim.speaker.text
    return ClaimQuery(claim, " ".join([words, *names]).strip(), tuple(names))


def build_queries(analysis: Analysis, claims: list[Claim], kinds: tuple[str, ...] = CHECKWORTHY) -> list[ClaimQuery]:
    """Queries for the claims of the given kinds (check-worthy ones by default), in claim order."""
    return [claim_query(analysis, c) for c in claims if c.kind in kinds]


def _subject_referent(analysis: Analysis, claim: Claim) -> str | None:
    """The name a pronoun or "the group" subject stands for, as the article writes it in full."""
    if claim.subject is None:
        return None
    sentence = next((s for s in analysis.sentences if s.span == claim.sentence), None)
    if sentence is None:
        return None
    heads = [
        t
        for t in sentence.tokens
        if claim.subject.start <= sentence.offset + t.idx < claim.subject.end
        and not (claim.subject.start <= sentence.offset + t.head.idx < claim.subject.end and t.head.i != t.i)
    ]
    if not heads or heads[0].pos_ not in ("PRON", "NOUN"):
        return None
    key = resolve_reference(analysis, sentence, heads[0])
    if key is None:
        return None
    mentions = [e.span.text for e in analysis.entities if e.key == key]
    return max(mentions, key=len) if mentions else None
