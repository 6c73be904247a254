"""Batched evidence parsing: an article's passages parsed in one spaCy call judge exactly as one at a time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corrigo.analysis.analyse import Analyser
from corrigo.claims import ClaimExtractor
from corrigo.evidence import Document, Passage
from corrigo.ingest import parse_article
from corrigo.verify.align import AlignmentVerifier, _passage_article
from corrigo.verify.base import ClaimContext, Judgement
from corrigo.verify.memory import MemoryRetriever, load_documents
from corrigo.verify.stage import ClaimVerifier, Verification

REFERENCE = Path(__file__).resolve().parents[2] / "examples" / "reference"

STORY = (
    "Harbour Bank cuts jobs\n\n"
    "1 May 2023\n\n"
    "Harbour Bank, which is headquartered in Leeds, cut 300 jobs in Bristol last week.\n\n"
    "The bank's shares rose 4 percent on Friday. Its chief executive, Ann Lowe, said the bank "
    "would not close its branch in York.\n\n"
    "Harbour Bank was founded in 1901."
)
SOURCES = [
    Document(
        "profile.txt",
        "Harbour Bank profile\n\nHarbour Bank is headquartered in Bristol. It employs 9,000 people.\n\n"
        "The bank was founded in 1899 by a group of merchants.",
        title="Harbour Bank profile",
        date=dt.date(2023, 4, 2),
    ),
    Document(
        "cuts.txt",
        "Harbour Bank cut 300 jobs in Bristol on 24 April 2023, its chief executive said. "
        "The bank will close its branch in York next month.",
        title="Job cuts",
        date=dt.date(2023, 4, 25),
    ),
]


class OneAtATime:
    """The aligner seen through the bare Verifier protocol: no prepare, no needs_evidence."""

    def __init__(self, inner: AlignmentVerifier) -> None:
        self.inner = inner
        self.support = inner.support

    def warm_up(self) -> None:
        self.inner.warm_up()

    def verify(self, claim: ClaimContext, passages: list[Passage]) -> Judgement:
        return self.inner.verify(claim, passages)


class CountingParses(AlignmentVerifier):
    """Records every batch the aligner parses."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.batches: list[int] = []

    def _parse_many(self, passages):
        self.batches.append(len(passages))
        return super()._parse_many(passages)


def _verdicts(result: Verification) -> tuple:
    """Everything a judgement decides: label, confidence, corrections, evidence (and findings)."""
    judged = tuple((claim.span, j.label, j.confidence, j.corrections, j.evidence) for claim, j in result.judgements)
    return judged, result.findings, result.unsupported


def _both(text: str, documents: list[Document], support: bool) -> tuple[Verification, Verification, CountingParses]:
    analysis = Analyser().run(parse_article(text))
    claims = ClaimExtractor().run(analysis)
    batched = CountingParses(support=support)
    plain = CountingParses(support=support)
    one = ClaimVerifier(batched).verify_claims(analysis, claims, MemoryRetriever(documents))
    two = ClaimVerifier(OneAtATime(plain)).verify_claims(analysis, claims, MemoryRetriever(documents))
    assert plain.batches and set(plain.batches) == {1}  # the plain path parses passage by passage
    return one, two, batched


@pytest.mark.parametrize("support", [True, False])
def test_batched_parsing_gives_the_same_judgements_as_one_at_a_time(support):
    batched, plain, verifier = _both(STORY, SOURCES, support)
    assert _verdicts(batched) == _verdicts(plain)
    assert [(f.span.text, f.suggestion) for f in batched.findings][:1] == [("Leeds", "Bristol")]
    # One spaCy batch for the whole article, nothing parsed again while its claims are verified.
    assert len(verifier.batches) == 1 and verifier.batches[0] > 1


def test_the_founding_example_is_judged_the_same_batched(founding_example):
    docs = load_documents(sorted(REFERENCE.glob("*.txt")))
    batched, plain, verifier = _both(founding_example, docs, support=False)
    assert _verdicts(batched) == _verdicts(plain)
    assert [(f.span.text, f.suggestion) for f in batched.findings] == [
        ("Beijing", "Hong Kong"),
        ("Hong Kong", "Beijing"),
        ("Hong Kong", "London"),
        ("London", "Hong Kong"),
    ]
    assert len(verifier.batches) == 1


def test_claims_no_passage_could_refute_are_not_searched_for():
    # "Customers liked the new app": no name, figure, date, title or opposable verb to refute.
    analysis = Analyser().run(parse_article(STORY + "\n\nCustomers liked the new app."))
    claims = ClaimExtractor().run(analysis)
    searched: list[str] = []

    class Spy(MemoryRetriever):
        def search(self, query, k=10):
            searched.append(query)
            return super().search(query, k)

    quick = ClaimVerifier(AlignmentVerifier(support=False))
    result = quick.verify_claims(analysis, claims, Spy(SOURCES))
    assert len(searched) == len(claims) - 1
    assert not any("liked" in q for q in searched)
    full = ClaimVerifier(OneAtATime(AlignmentVerifier(support=False)))
    assert _verdicts(result) == _verdicts(full.verify_claims(analysis, claims, MemoryRetriever(SOURCES)))


def test_a_batch_larger_than_the_cache_is_still_parsed_once():
    analysis = Analyser().run(parse_article(STORY))
    claims = ClaimExtractor().run(analysis)
    tiny = CountingParses(support=True, cache_size=1)
    ClaimVerifier(tiny).verify_claims(analysis, claims, MemoryRetriever(SOURCES))
    assert len(tiny.batches) == 1 and tiny.batches[0] > 1


def test_analysing_passages_together_is_analysing_each_alone():
    passages = [
        Passage(d.id, 0, len(d.text), d.text, d.title, d.date)
        for d in [*SOURCES, Document("plain.txt", "Leeds United won 2-0. Mr Smith scored twice.")]
    ]
    articles = [_passage_article(p)[0] for p in passages]
    analyser = Analyser()
    together = analyser.run_many(articles)
    for article, got in zip(articles, together, strict=True):
        alone = analyser.run(article)
        assert got.entities == alone.entities and got.salience == alone.salience
        assert [s.span for s in got.sentences] == [s.span for s in alone.sentences]
        assert [
            [(t.text, t.tag_, t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in s.tokens] for s in got.sentences
        ] == [[(t.text, t.tag_, t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in s.tokens] for s in alone.sentences]
