"""The verification stage: queries from claims, findings with document offsets, source mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corrigo.analysis.analyse import Analyser
from corrigo.claims import ClaimExtractor
from corrigo.errors import CorrigoError
from corrigo.evidence import Document, Passage
from corrigo.ingest import parse_article
from corrigo.model import FindingKind, Report, Verdict
from corrigo.verify.memory import MemoryRetriever, load_documents
from corrigo.verify.queries import build_queries, claim_query
from corrigo.verify.stage import ClaimVerifier

REFERENCE = Path(__file__).resolve().parents[2] / "examples" / "reference"


@pytest.fixture(scope="module")
def stage() -> ClaimVerifier:
    s = ClaimVerifier()
    s.warm_up()
    return s


def analyse(text: str):
    analysis = Analyser().run(parse_article(text))
    return analysis, ClaimExtractor().run(analysis)


STORY = (
    "Harbour Bank cuts jobs\n\n"
    "1 May 2023\n\n"
    "Harbour Bank, which is headquartered in Leeds, cut 300 jobs in Bristol last week.\n\n"
    "The bank's shares rose 4 percent on Friday."
)
SOURCES = [
    Document(
        "profile.txt",
        "Harbour Bank profile\n\n2 April 2023\n\nHarbour Bank is headquartered in Bristol. It employs 9,000 people.",
        title="Harbour Bank profile",
        date=dt.date(2023, 4, 2),
    ),
    Document(
        "cuts.txt",
        "Harbour Bank cut 300 jobs in Bristol on 24 April 2023, its chief executive said.",
        title="Job cuts",
        date=dt.date(2023, 4, 25),
    ),
]


def test_refuted_claims_become_reference_findings_with_document_offsets(stage):
    analysis, claims = analyse(STORY)
    findings = stage.run(analysis, claims, MemoryRetriever(SOURCES))
    assert [(f.span.text, f.suggestion) for f in findings] == [("Leeds", "Bristol")]
    (f,) = findings
    assert f.verdict is Verdict.REFUTED and f.kind is FindingKind.REFERENCE
    assert STORY[f.span.start : f.span.end] == "Leeds"
    (ev,) = f.evidence
    doc = SOURCES[0].text
    assert ev.source == "profile.txt"
    assert doc[ev.span.start : ev.span.end] == ev.span.text == "Harbour Bank is headquartered in Bristol."
    assert "2023-04-02" in f.explanation
    assert f.to_dict()["kind"] == "reference"


def test_outside_source_mode_unsupported_claims_are_kept_apart(stage):
    analysis, claims = analyse(STORY)
    result = stage.verify_claims(analysis, claims, MemoryRetriever(SOURCES), source_mode=False)
    assert [f.verdict for f in result.findings] == [Verdict.REFUTED]
    assert [f.span.text for f in result.unsupported] == ["The bank's shares rose 4 percent on Friday"]
    # The job cuts are supported; the claim refuted through "Leeds" is not also unsupported.
    assert all("cut 300 jobs" not in f.span.text for f in result.unsupported)


def test_source_mode_lists_every_checkworthy_claim_the_sources_do_not_support(stage):
    analysis, claims = analyse(STORY)
    findings = stage.run(analysis, claims, MemoryRetriever(SOURCES), source_mode=True)
    assert [(f.verdict, f.span.text, f.suggestion) for f in findings] == [
        (Verdict.REFUTED, "Leeds", "Bristol"),
        (Verdict.UNSUPPORTED, "The bank's shares rose 4 percent on Friday", None),
    ]
    unsupported = findings[1]
    assert unsupported.kind is FindingKind.REFERENCE and unsupported.evidence == ()
    assert STORY[unsupported.span.start : unsupported.span.end] == unsupported.span.text


def test_queries_are_built_from_claims_with_their_names(stage):
    analysis, claims = analyse(STORY + "\n\nIt plans to open a branch in Cardiff.")
    queries = build_queries(analysis, claims)
    assert all(q.claim.kind in ("fact", "quote") for q in queries)
    first = next(q for q in queries if "Leeds" in q.claim.span.text)
    assert first.text.startswith(first.claim.span.text)
    assert {"Harbour Bank", "Leeds", "Bristol"} <= set(first.entities)
    # A pronoun subject is searched for by the name it stands for.
    plan = next(c for c in claims if c.span.text.startswith("It plans"))
    assert "Harbour Bank" in claim_query(analysis, plan).entities


class _Broken:
    def search(self, query: str, k: int = 10) -> list[Passage]:
        raise OSError("index file truncated")


def test_a_broken_retriever_is_an_error_not_a_clean_article(stage):
    analysis, claims = analyse(STORY)
    with pytest.raises(CorrigoError, match="retrieval failed"):
        stage.run(analysis, claims, _Broken())


def test_report_serialises_unsupported_only_when_present(stage):
    analysis, claims = analyse(STORY)
    result = stage.verify_claims(analysis, claims, MemoryRetriever(SOURCES))
    plain = Report(article=analysis.article, findings=result.findings)
    assert "unsupported" not in plain.to_dict()
    listed = Report(article=analysis.article, findings=result.findings, unsupported=result.unsupported)
    (u,) = listed.to_dict()["unsupported"]
    assert u["verdict"] == "unsupported" and u["suggestion"] is None


def test_founding_example_against_the_reference_set(stage, founding_example):
    """The three swaps of the founding example, refuted from examples/reference/ — and nothing else."""
    text = founding_example
    analysis, claims = analyse(text)
    docs = load_documents(sorted(REFERENCE.glob("*.txt")))
    by_id = {d.id: d.text for d in docs}
    result = stage.verify_claims(analysis, claims, MemoryRetriever(docs))
    got = [(f.span.start, f.span.text, f.suggestion) for f in result.findings]
    by_hk = text.index("by Hong Kong") + 3
    assert got == [
        (text.index("Beijing"), "Beijing", "Hong Kong"),  # its Asia-Pacific hub is in Hong Kong
        (by_hk, "Hong Kong", "Beijing"),  # Beijing imposed the law
        (text.index("Hong Kong-based"), "Hong Kong", "London"),  # Amnesty is based in London
        (text.index("London"), "London", "Hong Kong"),  # ... and leaving Hong Kong
    ]
    sources = [f.evidence[0].source for f in result.findings]
    assert sources[0] == sources[3] == "amnesty-hong-kong-closure-2021.txt"
    assert sources[1] == "hk-security-law-2020.txt"
    # "It is headquartered in London" (the profile) or "the London-based group" (the closure story)
    assert sources[2] in ("amnesty-international-profile.txt", "amnesty-hong-kong-closure-2021.txt")
    for f in result.findings:
        assert f.verdict is Verdict.REFUTED and f.kind is FindingKind.REFERENCE
        assert text[f.span.start : f.span.end] == f.span.text
        (ev,) = f.evidence
        assert by_id[ev.source][ev.span.start : ev.span.end] == ev.span.text
        assert f.suggestion in ev.span.text
        assert "dated 20" in f.explanation
    imposed = result.findings[1]
    assert "imposed" in imposed.explanation and "30 June 2020" in imposed.explanation
    # Time: the profile's "Kumi Naidoo was secretary general ... until December 2019" does not
    # refute "Agnes Callamard, the group's secretary-general" in October 2021.
    assert not any(f.span.text == "Agnes Callamard" for f in result.findings)


def test_a_verifier_without_support_lists_no_unsupported_claims_and_refuses_source_mode():
    from corrigo.errors import ConfigError
    from corrigo.verify.align import AlignmentVerifier

    quick = ClaimVerifier(AlignmentVerifier(support=False))
    analysis, claims = analyse(STORY)
    result = quick.verify_claims(analysis, claims, MemoryRetriever(SOURCES))
    assert [(f.span.text, f.suggestion) for f in result.findings] == [("Leeds", "Bristol")]
    assert result.unsupported == ()
    with pytest.raises(ConfigError, match="support"):
        quick.run(analysis, claims, MemoryRetriever(SOURCES), source_mode=True)
