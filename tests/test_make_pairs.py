"""The verifier's training-pair generator (``training/make_pairs.py``) on two hand-written documents."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "training" / "make_pairs.py"

DOCS = (
    (
        "toy:fire",
        "Firefighters battled a huge bushfire near Goulburn on Tuesday. "
        "The Rural Fire Service said 40 homes had been destroyed in the blaze. "
        "Commissioner Phil Koperberg told reporters that crews would work through the night. "
        "Mr Koperberg said the fire had burned 3,000 hectares since Sunday. "
        "Police arrested a 19-year-old man in Sydney after the fire started. "
        "The man will appear in court in January, a police spokesman said. "
        "Residents returned to their homes on Wednesday morning.",
    ),
    (
        "toy:bank",
        "The Reserve Bank of Australia raised interest rates to 4.5 per cent in March. "
        "Governor Ian Macfarlane said inflation was rising faster than expected. "
        "Treasurer Peter Costello did not criticise the decision. "
        "Mr Costello told parliament the economy had grown by 3 per cent in 2001. "
        "The bank will review its decision in June, Mr Macfarlane said. "
        "Economists at Westpac predicted two more increases this year.",
    ),
)


@pytest.fixture(scope="module")
def make_pairs():
    spec = importlib.util.spec_from_file_location("make_pairs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_pairs"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nlp(make_pairs):
    try:
        return make_pairs.load_nlp()
    except SystemExit:
        pytest.skip("no spaCy English pipeline installed")


def _run(make_pairs, nlp, seed=13, valid_fraction=0.0):
    sources = [make_pairs.SourceDoc(doc_id, "toy", text) for doc_id, text in DOCS]
    return make_pairs.make_pairs(sources, seed=seed, max_pairs=90, nlp=nlp, valid_fraction=valid_fraction)


def test_every_label_and_well_formed_rows(make_pairs, nlp):
    pairs = _run(make_pairs, nlp)
    rows = [p.row() for p in pairs.train]
    assert {r["label"] for r in rows} == {0, 1, 2}
    for r in rows:
        assert set(r) == {"evidence", "claim", "label", "kind", "doc"}
        assert r["doc"] in {"toy:fire", "toy:bank"}
        assert len(r["claim"].split()) >= 4 and r["claim"][0].isupper()
        # the evidence is a run of the document's own sentences
        assert r["evidence"] in dict(DOCS)[r["doc"]]


def test_refuted_claims_are_not_in_the_evidence(make_pairs, nlp):
    pairs = _run(make_pairs, nlp)
    refuted = [p for p in pairs.train if p.label == 1]
    assert refuted
    for p in refuted:
        assert make_pairs.normalise(p.claim) not in make_pairs.normalise(p.evidence), p
    # a supported copy is verbatim; no refuted claim is a sentence of the document
    sentences = {make_pairs.normalise(s) for text in dict(DOCS).values() for s in text.split(". ")}
    assert not any(make_pairs.normalise(p.claim.rstrip(".")) in sentences for p in refuted)


def test_deterministic_for_a_seed(make_pairs, nlp):
    first = [p.row() for p in _run(make_pairs, nlp, seed=5).train]
    again = [p.row() for p in _run(make_pairs, nlp, seed=5).train]
    other = [p.row() for p in _run(make_pairs, nlp, seed=6).train]
    assert first == again
    assert first != other


def test_split_by_document(make_pairs, nlp):
    pairs = _run(make_pairs, nlp, valid_fraction=0.5)
    train_docs = {p.doc for p in pairs.train}
    valid_docs = {p.doc for p in pairs.valid}
    assert train_docs and valid_docs and not train_docs & valid_docs


def test_tidy_and_same_entity(make_pairs):
    assert make_pairs.tidy("police arrested him , in Sydney ,.") == "Police arrested him, in Sydney."
    assert make_pairs.tidy("'He left the club on Friday") == "He left the club on Friday."
    assert (
        make_pairs.clean_text("It rose.And then  fell\u00a0\u2019quickly\u2019") == "It rose. And then fell 'quickly'"
    )
    assert make_pairs._same_entity("the US", "United States")
    assert make_pairs._same_entity("ABC", "Australian Broadcasting Corporation")
    assert not make_pairs._same_entity("Sydney", "Melbourne")
