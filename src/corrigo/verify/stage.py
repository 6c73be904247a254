"""The verification stage: retrieve passages for each claim, verify, turn judgements into findings.

Refuted claims become ``refuted`` findings of kind ``reference``: the wrong words, the evidence
sentence quoted from the reference document (``Evidence.source`` is the document id and its span
holds offsets into the *document's* text, not the article's), and the suggestion.

Claims nothing supports are handled by mode. In source mode (the user gave the sources the story
should rest on) every check-worthy claim the sources do not support is an ``unsupported`` finding.
Outside it (a general index) a claim the index says nothing about is not an error: such claims
are returned apart, as ``Verification.unsupported``, for a report to list on request.
"""

from __future__ import annotations

import inspect
import logging
from dataclasses import dataclass

from corrigo.analysis.analyse import Analysis
from corrigo.errors import ConfigError, CorrigoError
from corrigo.evidence import Passage, Retriever
from corrigo.model import Claim, Finding, FindingKind, Verdict
from corrigo.verify.align import AlignmentVerifier
from corrigo.verify.base import ClaimContext, Judgement, Label, Verifier
from corrigo.verify.queries import CHECKWORTHY, ClaimQuery, claim_query

__all__ = ["ClaimVerifier", "Verification"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Verification:
    """Everything the stage decided: findings for the report, unsupported claims apart, and the
    judgement on every claim it verified."""

    findings: tuple[Finding, ...]
    unsupported: tuple[Finding, ...]
    judgements: tuple[tuple[Claim, Judgement], ...]


class ClaimVerifier:
    """Verify an article's claims against passages from a retriever.

    Check-worthy claims (facts and quotes) are verified in full. Predictions and opinions are
    verified only for what they take as given — "plans to close its headquarters in Beijing"
    presupposes where the headquarters is; "said X, the group's secretary-general" gives X a
    title — and are never listed as unsupported.

    Args:
        verifier: the judge; the structured aligner by default.
        k: passages retrieved per claim.

    Example:
        >>> from corrigo.analysis.analyse import Analyser
        >>> from corrigo.claims import ClaimExtractor
        >>> from corrigo.evidence import Document
        >>> from corrigo.ingest import parse_article
        >>> from corrigo.verify.memory import MemoryRetriever
        >>> story = "Law row\\n\\nCritics condemned the security law imposed by Macau in 2020."
        >>> analysis = Analyser().run(parse_article(story))
        >>> sources = MemoryRetriever([Document("law.txt", "Beijing imposed the security law in 2020.")])
        >>> stage = ClaimVerifier()
        >>> [(f.span.text, f.suggestion) for f in stage.run(analysis, ClaimExtractor().run(analysis), sources)]
        [('Macau', 'Beijing')]
    """

    name = "verify"

    def __init__(self, verifier: Verifier | None = None, k: int = 5) -> None:
        self.verifier: Verifier = verifier if verifier is not None else AlignmentVerifier()
        self.k = k

    def warm_up(self) -> None:
        self.verifier.warm_up()

    def run(
        self, analysis: Analysis, claims: list[Claim], retriever: Retriever, source_mode: bool = False
    ) -> list[Finding]:
        """The findings for the report: refuted claims, and in source mode unsupported ones."""
        return list(self.verify_claims(analysis, claims, retriever, source_mode).findings)

    def verify_claims(
        self, analysis: Analysis, claims: list[Claim], retriever: Retriever, source_mode: bool = False
    ) -> Verification:
        """Like :meth:`run`, also returning unsupported claims (outside source mode) and every judgement.

        A verifier built not to look for support (``AlignmentVerifier(support=False)``) cannot
        tell unsupported claims from supported ones: it lists none, and source mode refuses it.
        """
        looks_for_support = getattr(self.verifier, "support", True)
        if source_mode and not looks_for_support:
            raise ConfigError(
                "source mode lists the claims the sources do not support, but this verifier does not look for "
                "support: build it with support=True"
            )
        refuted: dict[tuple[int, int], Finding] = {}
        unsupported: list[Finding] = []
        judgements: list[tuple[Claim, Judgement]] = []
        batch: list[tuple[ClaimContext, list[Passage]]] = []
        # A verifier that can tell which claims no passage could bear on (the aligner looking only
        # for refutations: a claim with no figure, date, name, title or opposable verb) spares
        # their searches; it judges them on no passages, as it would on any.
        needs_evidence = getattr(self.verifier, "needs_evidence", None)
        for claim in claims:
            context = ClaimContext(claim, analysis)
            if needs_evidence is not None and not needs_evidence(context):
                batch.append((context, []))
                continue
            query = claim_query(analysis, claim)
            try:
                passages = self._search(retriever, query)
            except CorrigoError:
                raise
            except Exception as exc:  # a broken index must not pass for "nothing found"
                raise CorrigoError(f"retrieval failed for the claim {claim.span.text[:60]!r}: {exc!r}") from exc
            batch.append((context, passages))
        # A verifier that can read the whole article's evidence at once (the aligner parses it in
        # one spaCy batch) is given it first; any other is asked claim by claim, as before.
        prepare = getattr(self.verifier, "prepare", None)
        if prepare is not None:
            prepare(batch)
        for context, passages in batch:
            claim = context.claim
            judgement = self.verifier.verify(context, passages)
            judgements.append((claim, judgement))
            if judgement.label is Label.REFUTED:
                for finding in _refuted_findings(claim, judgement):
                    key = (finding.span.start, finding.span.end)
                    if key not in refuted or finding.confidence > refuted[key].confidence:
                        refuted[key] = finding
            elif judgement.label is Label.NOT_ENOUGH_INFO and claim.kind in CHECKWORTHY and looks_for_support:
                unsupported.append(_unsupported(claim, judgement, len(passages)))
        findings = sorted(refuted.values(), key=lambda f: (f.span.start, f.span.end))
        # A claim refuted through one of its words is not also unsupported as a whole.
        unsupported = [u for u in unsupported if not any(u.span.contains(f.span) for f in findings)]
        log.debug("verified %d claims: %d refuted, %d unsupported", len(judgements), len(findings), len(unsupported))
        if source_mode:
            merged = sorted([*findings, *unsupported], key=lambda f: (f.span.start, f.span.end))
            return Verification(tuple(merged), (), tuple(judgements))
        return Verification(tuple(findings), tuple(unsupported), tuple(judgements))

    def _search(self, retriever: Retriever, query: ClaimQuery) -> list[Passage]:
        """Search with the query text; a retriever whose ``search`` takes ``entities`` (the on-disk
        index boosts passages that name them) gets the claim's names too."""
        try:
            takes_entities = "entities" in inspect.signature(retriever.search).parameters
        except (TypeError, ValueError):
            takes_entities = False
        if takes_entities:
            return retriever.search(query.text, self.k, entities=list(query.entities))  # type: ignore[call-arg]
        return retriever.search(query.text, self.k)


def _refuted_findings(claim: Claim, judgement: Judgement) -> list[Finding]:
    out = []
    for c in judgement.corrections:
        out.append(
            Finding(
                span=c.wrong,
                sentence=claim.sentence,
                verdict=Verdict.REFUTED,
                kind=FindingKind.REFERENCE,
                confidence=c.confidence,
                explanation=c.explanation,
                evidence=(c.evidence,),
                suggestion=c.suggestion,
            )
        )
    if not out:
        # A verifier that refutes without pointing at the wrong words (a learned model): the claim.
        out.append(
            Finding(
                span=claim.span,
                sentence=claim.sentence,
                verdict=Verdict.REFUTED,
                kind=FindingKind.REFERENCE,
                confidence=judgement.confidence,
                explanation=judgement.explanation or "A reference passage contradicts this claim.",
                evidence=judgement.evidence,
            )
        )
    return out


def _unsupported(claim: Claim, judgement: Judgement, searched: int) -> Finding:
    where = f"{searched} passage{'s' if searched != 1 else ''}" if searched else "no passage"
    return Finding(
        span=claim.span,
        sentence=claim.sentence,
        verdict=Verdict.UNSUPPORTED,
        kind=FindingKind.REFERENCE,
        confidence=judgement.confidence,  # the verifier's confidence that nothing supports it
        explanation=f"No reference passage supports this claim ({where} retrieved and read).",
        evidence=(),
    )
