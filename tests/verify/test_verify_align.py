"""The structured alignment verifier on hand-written claim/evidence pairs (the spaCy model is needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from corrigo.analysis.analyse import Analyser
from corrigo.analysis.nlp import load_nlp
from corrigo.claims import ClaimExtractor
from corrigo.evidence import Passage
from corrigo.ingest import parse_article
from corrigo.verify import ClaimContext, Judgement, Label
from corrigo.verify.align import AlignmentVerifier
from corrigo.verify.compare import same_entity
from corrigo.verify.cues import IrregularForms, claim_cues, passage_terms
from corrigo.verify.frames import extract_frames


@pytest.fixture(scope="module")
def verifier() -> AlignmentVerifier:
    v = AlignmentVerifier()
    v.warm_up()
    return v


def judge(
    verifier: AlignmentVerifier,
    article: str,
    claim_words: str,
    evidence: str,
    date: dt.date | None = None,
    prefix: str = "",
) -> tuple[str, Judgement, Passage]:
    """Verify the claim whose words contain ``claim_words`` against one passage ``evidence``,
    placed after ``prefix`` in its document (so document offsets differ from passage offsets)."""
    analysis = Analyser().run(parse_article(article))
    claims = [c for c in ClaimExtractor().run(analysis) if claim_words in c.span.text]
    assert claims, f"no claim contains {claim_words!r}"
    passage = Passage("ref.txt", len(prefix), len(prefix) + len(evidence), evidence, title="Ref", date=date)
    return analysis.article.text, verifier.verify(ClaimContext(claims[0], analysis), [passage]), passage


HQ_STORY = "Bank news\n\n1 May 2023\n\nHarbour Bank is headquartered in Leeds, the lender said."


def test_refutes_a_different_place_for_the_same_slot_with_exact_offsets(verifier):
    prefix = "Harbour Bank profile\n\n"
    evidence = "Harbour Bank is headquartered in Bristol."
    doc = prefix + evidence
    text, j, _ = judge(verifier, HQ_STORY, "headquartered", evidence, dt.date(2023, 4, 2), prefix)
    assert j.label is Label.REFUTED
    assert (j.wrong.text, j.suggestion) == ("Leeds", "Bristol")
    assert text[j.wrong.start : j.wrong.end] == "Leeds"  # article offsets
    # Evidence: the reference sentence and the right value, as offsets into the DOCUMENT.
    c = j.corrections[0]
    assert c.evidence.source == "ref.txt"
    assert doc[c.evidence.span.start : c.evidence.span.end] == c.evidence.span.text == evidence
    assert doc[c.value.span.start : c.value.span.end] == "Bristol"
    assert c.value.span.start == len(prefix) + evidence.index("Bristol")
    assert "2023-04-02" in c.explanation  # the evidence's date is shown
    assert 0.5 <= j.confidence <= 1


def test_supports_the_same_statement(verifier):
    _, j, _ = judge(
        verifier,
        "Bank news\n\n1 May 2023\n\nHarbour Bank cut 300 jobs in Bristol last week.",
        "cut 300 jobs",
        "Harbour Bank cut 300 jobs in Bristol on 24 April 2023.",
        dt.date(2023, 4, 25),
    )
    assert j.label is Label.SUPPORTED and j.corrections == ()
    assert j.evidence and j.evidence[0].span.text.startswith("Harbour Bank cut 300 jobs")


def test_unrelated_evidence_is_not_enough_info(verifier):
    _, j, _ = judge(
        verifier,
        "Bank news\n\n1 May 2023\n\nHarbour Bank opened a branch in Cardiff.",
        "opened a branch",
        "The river flooded parts of the town after a week of heavy rain.",
        dt.date(2023, 4, 25),
    )
    assert j.label is Label.NOT_ENOUGH_INFO and j.suggestion is None


def test_refutes_a_figure_for_the_same_event(verifier):
    _, j, _ = judge(
        verifier,
        "Bank news\n\n1 May 2023\n\nHarbour Bank cut 350 jobs in Bristol last week.",
        "cut 350 jobs",
        "Harbour Bank cut 300 jobs in Bristol on 24 April 2023.",
        dt.date(2023, 4, 25),
    )
    assert (j.label, j.wrong.text, j.suggestion) == (Label.REFUTED, "350", "300")


def test_a_figure_from_years_earlier_is_another_count(verifier):
    _, j, _ = judge(
        verifier,
        "Bank news\n\n1 May 2023\n\nHarbour Bank cut 350 jobs in Bristol.",
        "cut 350 jobs",
        "Harbour Bank cut 300 jobs in Bristol.",
        dt.date(2019, 4, 25),
    )
    assert j.label is not Label.REFUTED


def test_refutes_who_did_a_once_only_event(verifier):
    _, j, _ = judge(
        verifier,
        "Law row\n\n1 July 2021\n\nCritics condemned the security law imposed last year by Macau.",
        "condemned",
        "Beijing imposed the security law on Hong Kong in June 2020.",
        dt.date(2020, 6, 30),
    )
    assert (j.label, j.wrong.text, j.suggestion) == (Label.REFUTED, "Macau", "Beijing")
    assert "June 2020" in j.corrections[0].explanation


def test_one_shared_noun_is_not_an_aligned_frame(verifier):
    # Macau has a security law of its own: "the national security law" alone does not make these one event.
    _, j, _ = judge(
        verifier,
        "Law\n\n1 May 2023\n\nCritics condemned the national security law imposed by Macau.",
        "condemned",
        "Beijing imposed the national security law on Hong Kong in 2020.",
        dt.date(2020, 7, 1),
    )
    assert j.label is not Label.REFUTED


def test_named_thing_made_once(verifier):
    _, j, _ = judge(
        verifier,
        "Bridge\n\n1 May 2023\n\nThe Kerrigan bridge, designed by Anna Holt, opened in 1923.",
        "Kerrigan",
        "The Kerrigan bridge was designed by Mark Reyes.",
        dt.date(2023, 4, 1),
    )
    assert (j.label, j.wrong.text, j.suggestion) == (Label.REFUTED, "Anna Holt", "Mark Reyes")


CEO_STORY = "Firm results\n\n12 March 2021\n\nNorthgate Water's chief executive, Sarah Collins, said profits rose."


def test_a_title_held_by_someone_else_at_the_same_time_is_refuted(verifier):
    _, j, _ = judge(
        verifier,
        CEO_STORY,
        "profits rose",
        "Northgate Water's chief executive, Tom Baker, said on Monday the utility would cut prices.",
        dt.date(2021, 3, 10),
    )
    assert (j.label, j.wrong.text, j.suggestion) == (Label.REFUTED, "Sarah Collins", "Tom Baker")


@pytest.mark.parametrize(
    ("evidence", "date"),
    [
        # a CEO then, a different CEO now: dated in the text
        ("Tom Baker was chief executive of Northgate Water from 2010 until 2015.", dt.date(2016, 1, 5)),
        # the same words in a document nine years older than the story
        ("Northgate Water's chief executive, Tom Baker, said the utility would cut prices.", dt.date(2012, 3, 10)),
        # past tense, no date: at some earlier time
        ("Tom Baker was chief executive of Northgate Water.", dt.date(2021, 3, 1)),
    ],
)
def test_evidence_about_another_period_does_not_refute(verifier, evidence, date):
    _, j, _ = judge(verifier, CEO_STORY, "profits rose", evidence, date)
    assert j.label is not Label.REFUTED


def test_a_base_in_another_period_does_not_refute(verifier):
    _, j, _ = judge(
        verifier, HQ_STORY, "headquartered", "Harbour Bank is headquartered in Bristol.", dt.date(2015, 1, 1)
    )
    assert j.label is not Label.REFUTED


def test_refutes_a_negated_statement(verifier):
    _, j, _ = judge(
        verifier,
        "Vote\n\n3 May 2023\n\nThe council did not approve the Riverside housing plan on Tuesday.",
        "approve",
        "The council approved the Riverside housing plan on Tuesday.",
        dt.date(2023, 5, 3),
    )
    assert (j.label, j.wrong.text, j.suggestion) == (Label.REFUTED, "did not approve", "approved")


def test_refutes_the_opposite_predicate_in_the_claims_tense(verifier):
    _, j, _ = judge(
        verifier,
        "Vote\n\n3 May 2023\n\nThe council rejected the Riverside housing plan on Tuesday.",
        "rejected",
        "The council approved the Riverside housing plan on Tuesday.",
        dt.date(2023, 5, 3),
    )
    assert (j.label, j.wrong.text, j.suggestion) == (Label.REFUTED, "rejected", "approved")


def test_hedged_evidence_never_refutes(verifier):
    _, j, _ = judge(
        verifier,
        "Vote\n\n3 May 2023\n\nThe council rejected the Riverside housing plan on Tuesday.",
        "rejected",
        "Critics claim the council approved the Riverside housing plan on Tuesday.",
        dt.date(2023, 5, 3),
    )
    assert j.label is not Label.REFUTED


def test_swapped_roles_are_refuted_with_both_names_rewritten(verifier):
    text, j, _ = judge(
        verifier,
        "Deal\n\n1 May 2023\n\nNorthgate acquired Polar Foods for 2 billion crowns.",
        "acquired",
        "Polar Foods acquired Northgate for 2 billion crowns.",
        dt.date(2023, 4, 1),
    )
    assert (j.label, j.wrong.text, j.suggestion) == (
        Label.REFUTED,
        "Northgate acquired Polar Foods",
        "Polar Foods acquired Northgate",
    )
    assert text[j.wrong.start : j.wrong.end] == j.wrong.text


@pytest.mark.parametrize(
    ("article", "words", "evidence"),
    [
        # a symmetric predicate: both orders say the same
        (
            "Talks\n\n1 May 2023\n\nThe prime minister met the president in Oslo.",
            "met",
            "The president met the prime minister in Oslo.",
        ),
        # a town inside a country
        (
            "Bank\n\n1 May 2023\n\nHarbour Bank is headquartered in China.",
            "headquartered",
            "Harbour Bank is headquartered in Beijing.",
        ),
        # "offices" are several: closing some in one city and some in another can both be true
        (
            "Offices\n\n1 May 2023\n\nHarbour Bank will close its offices in Leeds.",
            "close",
            "Harbour Bank will close its offices in Bristol.",
        ),
    ],
)
def test_no_refutation_without_a_genuine_conflict(verifier, article, words, evidence):
    _, j, _ = judge(verifier, article, words, evidence, dt.date(2023, 4, 1))
    assert j.label is not Label.REFUTED


def test_entity_keys_across_documents():
    assert same_entity("org:amnesty", "org:amnesty international")
    assert not same_entity("org:hong kong", "org:hong kong professional teachers union")
    assert same_entity("person:callamard", "person:agnes callamard")
    assert not same_entity("person:agnes callamard", "person:anne callamard")
    assert not same_entity("place:hong kong", "place:beijing")


def test_cues_cover_synonyms_opposites_and_irregular_forms():
    analysis = Analyser().run(
        parse_article("Vote\n\n3 May 2023\n\nThe council approved the plan and closed the depot.")
    )
    frames = [f for s in analysis.sentences for f in extract_frames(analysis, s)]
    cues = claim_cues(frames, [], IrregularForms(load_nlp()))
    for word in ("approved", "rejects", "shut", "closing", "turned"):  # "turn down" is an opposite of "approve"
        assert passage_terms(word) & cues, word
    assert not passage_terms("The weather was warm and sunny") & cues


def test_without_support_only_refutations_are_looked_for():
    v = AlignmentVerifier(support=False)
    article = "Bank news\n\n1 May 2023\n\nHarbour Bank cut 350 jobs in Bristol last week."
    evidence = "Harbour Bank cut 300 jobs in Bristol on 24 April 2023."
    _, j, _ = judge(v, article, "cut 350 jobs", evidence, dt.date(2023, 4, 25))
    assert (j.label, j.suggestion) == (Label.REFUTED, "300")
    same = article.replace("350", "300")
    _, j, _ = judge(v, same, "cut 300 jobs", evidence, dt.date(2023, 4, 25))
    assert j.label is Label.NOT_ENOUGH_INFO  # supported, but support was not looked for
