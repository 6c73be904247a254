"""Coverage: the shares of a claim's words that its evidence lacks."""

from __future__ import annotations

from corrigo.verify.coverage import coverage

EVIDENCE = ["Beijing imposed the national security law on Hong Kong in June 2020."]


def test_a_claim_made_of_the_evidence_words_is_fully_covered():
    c = coverage("The national security law was imposed in 2020.", EVIDENCE)
    assert c.novel_terms == 0.0
    assert c.novel_names == 0.0


def test_a_name_and_a_year_the_evidence_never_gives_are_novel():
    c = coverage("Macau imposed the national security law in 2021.", EVIDENCE)
    assert c.novel_names == 1.0  # "Macau" and "2021", the claim's only name and number
    assert 0.0 < c.novel_terms < 1.0


def test_word_pairs_far_apart_in_the_evidence_are_novel_bigrams():
    evidence = [
        "The mayor opened a library in Leeds on Monday. A week later, after a long and bitter debate, "
        "the council closed a pool in Bradford."
    ]
    compressed = coverage("The mayor opened a library on Monday.", evidence)
    mixed = coverage("The mayor closed a pool in Leeds.", evidence)
    assert compressed.novel_bigrams == 0.0  # "in Leeds" dropped: its neighbours are still near
    assert mixed.novel_bigrams == 2 / 3  # mayor..closed and pool..Leeds: facts of two sentences
    assert mixed.novel_terms == 0.0  # every word is in the evidence


def test_bigrams_do_not_run_across_two_passages():
    split = coverage("law Beijing", ["The law", "Beijing said"])
    assert split.novel_bigrams == 1.0


def test_no_evidence_and_an_empty_claim():
    assert coverage("Officials met in Oslo.", []).novel_terms == 1.0
    assert coverage("", EVIDENCE).novel_terms == 0.0
