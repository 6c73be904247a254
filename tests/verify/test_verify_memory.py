"""Source mode's in-memory retriever: splitting with exact offsets, and BM25 scored by hand."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from corrigo.errors import InputError
from corrigo.evidence import Document
from corrigo.verify.memory import (
    MemoryRetriever,
    document_from_text,
    load_documents,
    split_passages,
    split_sentences,
    terms,
)


def test_terms_lowercase_stem_and_drop_stop_words():
    assert terms("Beijing imposed the law") == ["beij", "impos", "law"]
    assert terms("imposes imposing impose") == ["impos", "impos", "impos"]
    assert terms("offices office") == ["offic", "offic"]
    assert terms("Planned shutting") == ["plan", "shut"]
    assert terms("Amnesty's Asia-Pacific hub") == ["amnesty", "asia", "pacific", "hub"]


def test_sentences_keep_abbreviations_and_exact_offsets():
    text = "  Mr. Lee met U.S. officials on Jan. 3. They agreed.\nA title line\n\nNew paragraph here."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. Lee met U.S. officials on Jan. 3.",
        "They agreed.",
        "A title line",
        "New paragraph here.",
    ]


def test_hard_wrapped_lines_stay_one_sentence():
    text = "The council approved the plan\nafter a long debate. It starts in May."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The council approved the plan\nafter a long debate.",
        "It starts in May.",
    ]


def test_passages_are_windows_inside_paragraphs_with_exact_offsets():
    text = "Title\n\n30 June 2020\n\nOne. Two. Three.\n\nFour."
    doc = Document("d", text, title="Title", date=dt.date(2020, 6, 30))
    passages = split_passages(doc, window=2, stride=1)
    assert [p.text for p in passages] == ["Title", "30 June 2020", "One. Two.", "Two. Three.", "Four."]
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert (p.doc_id, p.title, p.date) == ("d", "Title", dt.date(2020, 6, 30))


def test_bm25_score_matches_a_hand_computation():
    docs = [
        Document("d1", "Beijing imposed the law."),  # terms: beij, impos, law (3)
        Document("d2", "The law passed."),  # terms: law, pass (2)
        Document("d3", "Cats sleep."),  # terms: cat, sleep (2)
    ]
    r = MemoryRetriever(docs, title_terms=False)
    # N = 3, average length 7/3, k1 = 1.5, b = 0.75; "law" is in 2 passages, "impos" in 1.
    idf_law = math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))
    idf_impos = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))

    def tf_part(length: int) -> float:
        return 1 * 2.5 / (1 + 1.5 * (1 - 0.75 + 0.75 * length / (7 / 3)))

    expected_d1 = (idf_law + idf_impos) * tf_part(3)
    expected_d2 = idf_law * tf_part(2)
    assert r.score("law imposed", 0) == pytest.approx(expected_d1)
    assert r.score("law imposed", 1) == pytest.approx(expected_d2)
    assert r.score("law imposed", 2) == 0.0
    hits = r.search("law imposed", k=10)
    assert [p.doc_id for p in hits] == ["d1", "d2"]  # zero scores are left out
    assert hits[0].score == pytest.approx(expected_d1)


def test_bm25_ranks_a_small_hand_checked_set():
    docs = [
        Document("nsl", "Beijing imposed a national security law on Hong Kong in June 2020."),
        Document("amnesty", "Amnesty International is headquartered in London."),
        Document("closure", "Amnesty said it would close its two offices in Hong Kong by the end of 2021."),
        Document("union", "The teachers' union in Hong Kong voted to disband in August 2021."),
        Document("lanes", "Riverside council approved new cycle lanes along the river."),
    ]
    r = MemoryRetriever(docs)
    assert r.search("who imposed the security law", k=1)[0].doc_id == "nsl"
    assert r.search("where is Amnesty International headquartered", k=1)[0].doc_id == "amnesty"
    assert [p.doc_id for p in r.search("Amnesty offices Hong Kong close", k=2)] == ["closure", "amnesty"]
    assert r.search("cycle lanes", k=5)[0].doc_id == "lanes"
    assert r.search("the of and", k=5) == []  # only stop words
    # Ties keep document order: deterministic output.
    assert [p.doc_id for p in r.search("Hong Kong", k=3)] == [p.doc_id for p in r.search("Hong Kong", k=3)]


def test_documents_read_title_and_date_from_layout(tmp_path):
    path = tmp_path / "law.txt"
    path.write_text("Beijing imposes security law\n\n30 June 2020\n\nBeijing imposed the law.", encoding="utf-8")
    (doc,) = load_documents([path])
    assert (doc.id, doc.title, doc.date) == ("law.txt", "Beijing imposes security law", dt.date(2020, 6, 30))
    assert document_from_text("x", "No date here\n\nJust text.").date is None


def test_bad_sources_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_documents([tmp_path / "missing.txt"])
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf-8 \xc3")
    with pytest.raises(InputError, match="not UTF-8"):
        load_documents([bad])
    with pytest.raises(InputError, match="unique id"):
        MemoryRetriever([Document("a", "x"), Document("a", "y")])
