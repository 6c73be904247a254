"""The on-disk index: BM25 against a hand computation, retrieval, replace/skip, remove, formats."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math

import pytest

from corrigo.errors import IndexFormatError
from corrigo.evidence import Document

from .search_fixtures import DOC_LENGTHS, FIVE_DOCS


def by_doc(index, pairs):
    rows = index.passages(pid for pid, _ in pairs)
    return {rows[pid].doc_id: score for pid, score in pairs}


def bm25_term(tf: int, df: int, n_docs: int, length: int, avg_length: float, k1: float = 1.2, b: float = 0.75):
    """Tantivy's BM25 for one term (tantivy/src/query/bm25.rs), written out by hand."""
    idf = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
    return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avg_length))


def test_bm25_scores_match_a_hand_computation(five_index):
    # "Leeds plant": leed occurs in 3 of 5 passages, plant in 2; average length 39 / 5 tokens.
    n, avg = 5, sum(DOC_LENGTHS.values()) / 5
    assert avg == 7.8
    expected = {
        "leeds-jobs": bm25_term(1, 3, n, 6, avg) + bm25_term(1, 2, n, 6, avg),
        "leeds-water": bm25_term(1, 3, n, 9, avg) + bm25_term(1, 2, n, 9, avg),
        "floods": bm25_term(1, 3, n, 8, avg),
    }
    got = by_doc(five_index, five_index.bm25("Leeds plant", 10))
    assert got.keys() == expected.keys()
    for doc_id, score in expected.items():
        assert got[doc_id] == pytest.approx(score, rel=1e-5), doc_id
    # Written out: idf(leed) = ln(1 + 2.5/3.5) = 0.5390, idf(plant) = ln(2.4) = 0.8755.
    assert got["leeds-jobs"] == pytest.approx(1.5619, abs=1e-4)


def test_query_syntax_in_a_claim_is_just_words(five_index):
    got = by_doc(five_index, five_index.bm25('plant AND -Leeds: "(employs', 10))
    assert set(got) == {"leeds-water", "leeds-jobs", "floods"}


def test_hybrid_ranking_on_the_five_documents(five_index):
    hits = five_index.search("Where is the Northgate Water treatment plant?", k=3)
    assert hits[0].doc_id == "leeds-water"
    assert hits[0].title == "Plant to close" and hits[0].date == dt.date(2024, 3, 1)
    assert five_index.search("Did floods close roads in Yorkshire?", k=1)[0].doc_id == "floods"
    assert five_index.search("Acme shares fell on a profit warning", k=1)[0].doc_id == "shares"
    assert five_index.search("Bradford's council passed its budget", k=1)[0].doc_id == "budget"
    for hit in hits:
        doc = next(d for d in FIVE_DOCS if d.id == hit.doc_id)
        assert doc.text[hit.start : hit.end] == hit.text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_entities_boost_passages_that_contain_them(five_index):
    assert five_index.search("Leeds", k=1)[0].doc_id == "leeds-jobs"  # the shortest passage with "Leeds"
    assert five_index.search("Leeds", k=1, entities=["Northgate Water"])[0].doc_id == "leeds-water"
    assert five_index.search("Leeds", k=1, entities=["Yorkshire"])[0].doc_id == "floods"
    assert five_index.search("Leeds", k=1, entities=["Yorkshire"], fusion="rrf")[0].doc_id == "floods"


def test_rrf_fusion_is_available(five_index):
    hits = five_index.search("Where is the Northgate Water treatment plant?", k=2, fusion="rrf")
    assert hits[0].doc_id == "leeds-water"
    # Rank 1 in both lists: 2 / (60 + 1).
    assert hits[0].score == pytest.approx(2 / 61)
    with pytest.raises(ValueError, match="fusion must be"):
        five_index.search("Leeds", fusion="max")


def test_results_are_deterministic(five_index):
    first = five_index.search("plant in Leeds", k=5)
    assert all(five_index.search("plant in Leeds", k=5) == first for _ in range(3))


def test_readd_skips_unchanged_and_replaces_changed(five_index):
    changed = dataclasses.replace(FIVE_DOCS[0], text="Northgate Water will close its treatment plant in Wakefield.")
    result = five_index.add([changed, *FIVE_DOCS[1:]])
    assert (result.added, result.replaced, result.unchanged) == (0, 1, 4)
    info = five_index.info()
    assert (info.documents, info.passages, info.dead_vectors) == (5, 5, 1)
    assert "leeds-water" not in by_doc(five_index, five_index.bm25("Leeds", 10))
    assert by_doc(five_index, five_index.bm25("Wakefield", 10)).keys() == {"leeds-water"}
    # A metadata change (the date) is a change too.
    moved = dataclasses.replace(FIVE_DOCS[1], date=dt.date(2024, 3, 9))
    assert five_index.add([moved]).replaced == 1
    assert five_index.search("Leeds plant employs", k=1)[0].date == dt.date(2024, 3, 9)


def test_same_id_twice_in_one_add_keeps_the_later(five_index):
    a = Document("twice", "First version about Leeds.")
    b = Document("twice", "Second version about Halifax.")
    assert five_index.add([a, b]).added == 1
    assert by_doc(five_index, five_index.bm25("Halifax", 5)).keys() == {"twice"}
    assert "twice" not in by_doc(five_index, five_index.bm25("first", 5))


def test_remove(five_index):
    assert five_index.remove(["floods", "no-such-doc"]) == 1
    info = five_index.info()
    assert (info.documents, info.passages) == (4, 4)
    assert "floods" not in {h.doc_id for h in five_index.search("Yorkshire floods", k=5)}
    assert five_index._lexical.num_docs() == 4  # gone from tantivy too, not just hidden


def test_missing_ids_and_ids_ending_with_a_name(five_index):
    five_index.add(
        [Document(i, f"Story {n} about Leeds.") for n, i in enumerate(["a/x_1.txt", "b/x%1.txt", "c/X_1.txt"])]
    )
    assert five_index.missing(["floods", "x_1.txt", "nope", "x_1.txt", "a/x_1.txt"]) == ["x_1.txt", "nope"]
    # `_` and `%` are matched as themselves, not as LIKE wildcards.
    assert five_index.ids_ending("x_1.txt") == ["a/x_1.txt", "c/X_1.txt"]
    assert five_index.ids_ending("/x%1.txt") == ["b/x%1.txt"]
    assert five_index.ids_ending("floods") == []


def test_info(five_index):
    info = five_index.info()
    assert (info.documents, info.passages, info.format_version, info.dims) == (5, 5, 1, five_index.dims)
    assert info.disk_bytes > 0 and info.dead_vectors == 0


def test_a_second_reader_sees_the_writers_changes(five_index, embedder):
    from corrigo.search import open_index

    reader = open_index(five_index.path, embedder=embedder)
    assert len(reader.search("Leeds", k=10)) == 5
    five_index.add([Document("halifax", "A new bridge opened in Halifax.")])
    assert reader.search("Halifax bridge", k=1)[0].doc_id == "halifax"
    five_index.remove(["halifax"])
    assert "halifax" not in {h.doc_id for h in reader.search("Halifax bridge", k=6)}
    reader.close()


def test_wire_copies_collapse_to_the_earliest_document(tmp_path, embedder):
    from corrigo.search import open_index

    story = (
        "Northgate Water will close its waste water treatment plant in Leeds by the end of next year, the "
        "Manchester-based utility said on Friday, cutting 120 jobs. The plant opened in 1973 and treats the "
        "waste water of about 200,000 homes in the north and east of the city and in three nearby towns. Unions said "
        "they would fight the closure."
    )
    docs = [
        Document("paper-b", story, date=dt.date(2024, 3, 3)),
        # One word changed: 3-shingle Jaccard 57/63 = 0.905, still the same copy.
        Document("wire", story.replace("fight", "oppose"), date=dt.date(2024, 3, 1)),
        Document("paper-a", story.upper(), date=dt.date(2024, 3, 2)),
        Document("undated", story),
        Document("other", "Bradford council approved a new budget for the treatment plant."),
    ]
    index = open_index(tmp_path / "ix", embedder=embedder)
    index.add(docs)
    hits = index.search("Northgate Water plant closure in Leeds", k=5)
    assert [h.doc_id for h in hits] == ["wire", "other"]
    assert hits[0].text == docs[1].text
    index.close()


def test_format_version_mismatch_names_the_fix(tmp_path, embedder):
    from corrigo.search import open_index

    path = tmp_path / "old"
    open_index(path, embedder=embedder).close()
    meta = json.loads((path / "meta.json").read_text())
    meta["format_version"] = 99
    (path / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(IndexFormatError) as err:
        open_index(path, embedder=embedder)
    assert str(err.value) == (
        f"index at {path} was built with format 99, this version reads 1: run `corrigo index rebuild {path}`"
    )


def test_rebuild_reads_an_old_format(five_index, embedder):
    from corrigo.search import rebuild_index

    path = five_index.path
    five_index.close()
    meta = json.loads((path / "meta.json").read_text())
    meta["format_version"] = 0
    (path / "meta.json").write_text(json.dumps(meta))
    done = []
    index = rebuild_index(path, embedder=embedder, on_progress=lambda d, t: done.append((d, t)))
    assert done[-1] == (5, 5)
    assert index.info().documents == 5
    assert index.search("Northgate Water treatment plant", k=1)[0].doc_id == "leeds-water"
    index.close()


def test_a_folder_that_is_not_an_index(tmp_path, embedder):
    from corrigo.search import IndexNotFoundError, open_index

    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(IndexFormatError, match="is not a Corrigo index"):
        open_index(tmp_path, embedder=embedder)
    with pytest.raises(IndexNotFoundError, match="no index at"):
        open_index(tmp_path / "missing", create=False, embedder=embedder)


def test_default_path_follows_the_environment(monkeypatch, tmp_path):
    from corrigo.search import default_index_path

    monkeypatch.setenv("CORRIGO_INDEX", str(tmp_path / "mine"))
    assert default_index_path() == tmp_path / "mine"
    monkeypatch.delenv("CORRIGO_INDEX")
    assert default_index_path().name == "index" and "corrigo" in str(default_index_path())


def test_available():
    import corrigo.search

    assert corrigo.search.available() is True


def test_passage_offsets_are_exact_for_any_unicode(tmp_path, embedder):
    from corrigo.search import open_index

    text = (
        "Zoë Ångström 👩🏽‍🔬 said the café in Zürich closed. Prices rose 4.2% (≈ €1.50).\n\n"
        "東京 reports followed. Mr. Ō said “no”. The 🚀 launch was delayed to Jan. 3. It flew on Friday."
    )
    index = open_index(tmp_path / "ix", embedder=embedder)
    index.add([Document("u", text)])
    hits = index.search("café Zürich closed launch delayed", k=5)
    assert len(hits) == 3  # six sentences: windows 1-3, 3-5, 5-6
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text
    index.close()
