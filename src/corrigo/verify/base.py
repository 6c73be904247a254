"""The verifier interface: a claim in its article, the passages retrieved for it, a typed judgement.

Any verifier — the structured aligner in :mod:`corrigo.verify.align` today, a learned
cross-encoder later — reads a :class:`ClaimContext` and a list of :class:`~corrigo.evidence.Passage`
and returns a :class:`Judgement`. A judgement never hides its reasons in a string: it carries the
label, a confidence, the passages it used, quotes with exact offsets into the reference documents,
and for a refutation the corrections — the wrong words in the article and what the evidence says
instead.

Offsets: ``Correction.wrong`` points into the *article* text; ``Evidence.span`` (with ``source``
the document id) points into the *reference document's* text, not the passage's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from corrigo.analysis.analyse import Analysis
from corrigo.evidence import Passage
from corrigo.model import Claim, Evidence, Span

__all__ = ["ClaimContext", "Correction", "Judgement", "Label", "Verifier", "evidence_span"]


class Label(Enum):
    """What the passages say about a claim."""

    SUPPORTED = "supported"
    REFUTED = "refuted"
    NOT_ENOUGH_INFO = "not_enough_info"


@dataclass(frozen=True, slots=True, eq=False)
class ClaimContext:
    """A claim with the parsed article it comes from (its sentence, its date, its entities).

    Example:
        >>> from corrigo.analysis.analyse import Analyser
        >>> from corrigo.claims import ClaimExtractor
        >>> from corrigo.ingest import parse_article
        >>> analysis = Analyser().run(parse_article("Bank raises rates\\n\\nThe bank raised rates on Monday."))
        >>> ctx = ClaimContext(ClaimExtractor().run(analysis)[-1], analysis)
        >>> ctx.text
        'The bank raised rates on Monday'
    """

    claim: Claim
    analysis: Analysis

    @property
    def text(self) -> str:
        return self.claim.span.text

    @property
    def sentence(self) -> str:
        return self.claim.sentence.text

    @property
    def date(self) -> dt.date | None:
        """The date the article speaks from; claims without a date of their own are about then."""
        return self.analysis.article.date


@dataclass(frozen=True, slots=True)
class Correction:
    """One wrong value in the claim and the value the evidence gives instead.

    ``suggestion`` replaces ``wrong.text`` exactly (article offsets); ``evidence`` quotes the
    reference sentence (document offsets) and ``value`` is where, inside that document, the right
    value is written.
    """

    wrong: Span
    suggestion: str
    evidence: Evidence
    value: Evidence
    passage: Passage
    confidence: float
    explanation: str


@dataclass(frozen=True, slots=True)
class Judgement:
    """A verifier's verdict on one claim.

    Example:
        >>> Judgement(Label.NOT_ENOUGH_INFO, 0.0).suggestion is None
        True
    """

    label: Label
    confidence: float
    passages: tuple[Passage, ...] = ()
    evidence: tuple[Evidence, ...] = ()  # quotes that support or refute, document offsets
    corrections: tuple[Correction, ...] = ()  # refuted: one per wrong value, most confident first
    explanation: str = ""
    # The numbers the verdict was decided on (a model's probabilities, coverage shares), by name.
    scores: tuple[tuple[str, float], ...] = ()

    @property
    def wrong(self) -> Span | None:
        """The claim's wrong span (article offsets) of the most confident correction."""
        return self.corrections[0].wrong if self.corrections else None

    @property
    def suggestion(self) -> str | None:
        return self.corrections[0].suggestion if self.corrections else None

    @property
    def evidence_value(self) -> Evidence | None:
        """Where the right value is written in the reference document (doc id + offsets)."""
        return self.corrections[0].value if self.corrections else None


class Verifier(Protocol):
    """Judges one claim against the passages retrieved for it. No side effects.

    ``warm_up()`` loads whatever the verifier needs (a parser, a model); ``verify`` may call it.

    A verifier may also have ``prepare(batch)``, ``batch`` being an article's claims, each with
    its passages (``Sequence[tuple[ClaimContext, Sequence[Passage]]]``): the stage calls it once
    before verifying them, so that the verifier can do its work in batches (the aligner parses
    the passages in one spaCy call). It must not change any judgement. And it may have
    ``needs_evidence(claim) -> bool``: False when no passage could change the claim's label, so
    that the stage need not search for it (``verify`` is then given no passages).
    """

    def warm_up(self) -> None: ...

    def verify(self, claim: ClaimContext, passages: list[Passage]) -> Judgement: ...


def evidence_span(passage: Passage, start: int, end: int) -> Evidence:
    """Evidence for characters ``[start, end)`` of ``passage.text``, as offsets into its document."""
    if not 0 <= start <= end <= len(passage.text):
        raise ValueError(f"[{start}, {end}) is outside a passage of {len(passage.text)} characters")
    return Evidence(passage.doc_id, Span(passage.start + start, passage.start + end, passage.text[start:end]))
