"""The data model: one immutable text, many spans into it.

Every record that points into the article (blocks, sentences, entities, claims,
findings, evidence) carries half-open ``[start, end)`` character offsets into
``Article.text`` and the text it covers, so ``article.text[s.start:s.end] == s.text``
always holds. Normalised forms exist only for matching and never replace the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Claim",
    "Dateline",
    "Entity",
    "Evidence",
    "Finding",
    "FindingKind",
    "Report",
    "SearchInfo",
    "SearchStatus",
    "Span",
    "Verdict",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` and the text it covers."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Cut a span out of ``source``; the only way spans should be made."""
        if not 0 <= start <= end <= len(source):
            raise ValueError(f"span [{start}, {end}) is outside a text of {len(source)} characters")
        return cls(start, end, source[start:end])

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class BlockKind(Enum):
    """What a line or paragraph of the input is. Only ``HEADLINE``, ``SUBHEADLINE`` and ``BODY`` are checked."""

    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"  # a standfirst under the headline; checked like the headline
    DATELINE = "dateline"
    BYLINE = "byline"
    BODY = "body"
    STATUS = "status"  # a line printed by another tool, e.g. "Search module is not installed."
    BOILERPLATE = "boilerplate"  # "Advertisement", "Share this article", ...


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    span: Span


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where and when the story was filed: ``HONG KONG -`` and/or a date line.

    ``date`` is the dateline's own date when it gives one (``OSLO, Sept. 10 (AP) -``, its year taken
    from the date line when it has none), else the date line's; ``date_span`` is where it is written.
    """

    place: Span | None
    date_span: Span | None
    date: dt.date | None
    region: Span | None = None  # "Norway" in "OSLO, Norway -", "Calif." in "PASADENA, Calif. -"
    agency: Span | None = None  # "Reuters" in "LIMA (Reuters) -"
    line: Span | None = None  # the whole dateline, through its dash: "LIMA (Reuters) -"
    date_line: Span | None = None  # the header's date line ("Published: 3 March 2020"), when there is one


@dataclass(frozen=True, slots=True)
class Article:
    """The verbatim input text and its layout.

    Example:
        >>> from corrigo.ingest import parse_article
        >>> art = parse_article("Mayor opens bridge\\n\\nThe mayor opened the bridge on Monday.")
        >>> art.headline.text
        'Mayor opens bridge'
    """

    text: str
    blocks: tuple[Block, ...]
    headline: Span | None = None
    dateline: Dateline | None = None
    byline: Span | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None  # from metadata (JSONL "date"); the dateline wins when both exist

    @property
    def subheadline(self) -> Span | None:
        """The first subheadline (standfirst), when there is one."""
        return next((b.span for b in self.blocks if b.kind is BlockKind.SUBHEADLINE), None)

    @property
    def checked_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind in (BlockKind.HEADLINE, BlockKind.SUBHEADLINE, BlockKind.BODY))

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        return tuple(b.span for b in self.blocks if b.kind is BlockKind.BODY)

    @property
    def date(self) -> dt.date | None:
        """The date the article speaks from: the dateline's, else the metadata's."""
        if self.dateline is not None and self.dateline.date is not None:
            return self.dateline.date
        return self.published


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention. ``key`` groups mentions of one entity ("Amnesty", "Amnesty International")."""

    span: Span
    label: str  # spaCy label: PERSON, ORG, GPE, DATE, CARDINAL, ...
    key: str


@dataclass(frozen=True, slots=True)
class Claim:
    """An atomic, check-worthy statement: one clause of a sentence."""

    span: Span
    sentence: Span
    subject: Span | None
    predicate: str  # lemma of the main verb (or the head noun for a headline fragment)
    negated: bool
    speaker: Span | None  # who said it, when the sentence attributes it
    kind: str  # "fact", "opinion", "prediction", "quote"

    @property
    def checkable(self) -> bool:
        return self.kind in ("fact", "quote")


class Verdict(Enum):
    CONTRADICTED = "contradicted"  # the article says otherwise elsewhere
    REFUTED = "refuted"  # a reference document says otherwise
    UNSUPPORTED = "unsupported"  # nothing supplied supports it (source mode)


class FindingKind(Enum):
    """Which check produced a finding."""

    HEADLINE = "headline_vs_body"
    SLOT = "slot_conflict"
    DATE = "date_arithmetic"
    NUMBER = "number_arithmetic"
    RESTATED = "restated_value"  # one fact given two values in the article
    ATTRIBUTION = "attribution"
    POLARITY = "negation"
    REFERENCE = "reference"  # verification against reference passages (search index or --source)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote that bears on a finding. ``source`` is ``"self"`` for the article itself."""

    source: str
    span: Span

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "start": self.span.start, "end": self.span.end, "text": self.span.text}


@dataclass(frozen=True, slots=True)
class Finding:
    """A statement Corrigo believes is wrong, why, and what it should say.

    ``suggestion`` replaces ``span.text`` (the wrong words), so applying every
    suggestion in reverse order of position yields the corrected article.
    """

    span: Span
    sentence: Span
    verdict: Verdict
    kind: FindingKind
    confidence: float
    explanation: str
    evidence: tuple[Evidence, ...]
    suggestion: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.span.text,
            "verdict": self.verdict.value,
            "kind": self.kind.value,
            "confidence": round(self.confidence, 3),
            "explanation": self.explanation,
            "suggestion": self.suggestion,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end, "text": self.sentence.text},
            "evidence": [e.to_dict() for e in self.evidence],
        }


class SearchStatus(Enum):
    OK = "ok"
    NOT_INSTALLED = "not_installed"
    NO_INDEX = "no_index"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class SearchInfo:
    status: SearchStatus
    message: str


NOT_INSTALLED = SearchInfo(
    SearchStatus.NOT_INSTALLED,
    "Search module is not installed: install corrigo[search] to check claims against reference documents. "
    "Checked the article against itself only.",
)

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    """What the evidence says about one verified claim: ``verdict`` is ``supported``, ``refuted`` or
    ``not_enough_info``; ``confidence`` is the verifier's confidence in that verdict (0.5 = at its
    threshold)."""

    claim: Span
    verdict: str
    confidence: float
    # What the verifier decided on, by name (the learned verifier: model probabilities, coverage).
    scores: tuple[tuple[str, float], ...] = ()

    @property
    def doubt(self) -> float:
        """How likely the claim is wrong or unsupported: the confidence, or its complement when supported."""
        return 1.0 - self.confidence if self.verdict == "supported" else self.confidence

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {**_span_dict(self.claim), "verdict": self.verdict}
        out["confidence"] = round(self.confidence, 4)
        if self.scores:
            out["scores"] = {name: round(value, 4) for name, value in self.scores}
        return out


@dataclass(frozen=True, slots=True)
class Report:
    """What ``corrigo.check`` returns: the article, its findings sorted by position, and how it was checked."""

    article: Article
    findings: tuple[Finding, ...]
    search: SearchInfo = NOT_INSTALLED
    claims: tuple[Claim, ...] = field(default=())
    # Claims nothing retrieved supports or refutes (outside source mode); listed with --show-unsupported.
    unsupported: tuple[Finding, ...] = field(default=())
    # The verdict on every claim checked against evidence (source mode, or an index run).
    verdicts: tuple[ClaimVerdict, ...] = field(default=())
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def clean(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict[str, object]:
        art = self.article
        out: dict[str, object] = {
            "schema_version": SCHEMA_VERSION,
            "id": art.id,
            "text": art.text,
            "headline": _span_dict(art.headline),
            "dateline": None
            if art.dateline is None
            else {
                "place": _span_dict(art.dateline.place),
                "date": art.dateline.date.isoformat() if art.dateline.date else None,
            },
            "findings": [f.to_dict() for f in self.findings],
            "search": {"status": self.search.status.value, "message": self.search.message},
            "stats": {"claims": len(self.claims), "checked_claims": sum(c.checkable for c in self.claims)},
        }
        if self.unsupported:
            out["unsupported"] = [f.to_dict() for f in self.unsupported]
        if self.verdicts:
            out["verdicts"] = [v.to_dict() for v in self.verdicts]
        return out


def _span_dict(span: Span | None) -> dict[str, object] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}
