"""The learned verifier: the shipped model loads offline, refuses damaged files, and judges plain pairs."""

from __future__ import annotations

import shutil

import pytest

from corrigo.errors import ModelError
from corrigo.evidence import Document, Passage
from corrigo.verify import learned
from corrigo.verify.base import Label

pytestmark = pytest.mark.skipif(not learned.available(), reason="corrigo[verify] is not installed")


@pytest.fixture(scope="module")
def model() -> learned.PairModel:
    m = learned.PairModel()
    m.warm_up()
    return m


def test_the_shipped_model_loads_from_the_package(model):
    assert model.manifest["labels"] == ["supported", "refuted", "not_enough_info"]
    assert (learned.MODEL_DIR / "verifier.onnx").stat().st_size < 30_000_000
    probs = model.predict([("The museum opened in 1999.", "The museum opened in 1999.")])
    assert probs.shape == (1, 3)
    assert abs(float(probs.sum()) - 1.0) < 1e-5


def test_a_damaged_model_file_is_refused_with_the_fix(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(learned.MODEL_DIR, folder)
    data = bytearray((folder / "verifier.onnx").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / "verifier.onnx").write_bytes(bytes(data))
    with pytest.raises(ModelError, match=r"verifier\.onnx has SHA-256 .* \(damaged or replaced\): reinstall corrigo"):
        learned.PairModel(folder).warm_up()


def test_a_missing_manifest_is_refused(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(learned.MODEL_DIR, folder)
    (folder / "manifest.json").unlink()
    with pytest.raises(ModelError, match="manifest .* is missing or unreadable"):
        learned.PairModel(folder).warm_up()


EVIDENCE = (
    "The city council approved a budget of 4.2 million dollars on Tuesday. "
    "Mayor Ruth Okafor said the money would pay for two new libraries in the north of the city."
)
PAIRS = [
    (EVIDENCE, "The council approved the budget on Tuesday.", Label.SUPPORTED),
    (EVIDENCE, "Ruth Okafor said the money would pay for two new libraries.", Label.SUPPORTED),
    (EVIDENCE, "The city council rejected a budget of 4.2 million dollars on Tuesday.", Label.REFUTED),
    (EVIDENCE, "Mayor Ruth Okafor said the money would pay for two new swimming pools.", Label.REFUTED),
    (EVIDENCE, "The council also voted to close the central bus station next year.", Label.NOT_ENOUGH_INFO),
    (EVIDENCE, "Ruth Okafor was elected mayor in 2019 with a large majority.", Label.NOT_ENOUGH_INFO),
]


@pytest.mark.parametrize(("evidence", "claim", "label"), PAIRS, ids=[f"{p[2].value}-{i}" for i, p in enumerate(PAIRS)])
def test_hand_written_pairs(model, evidence, claim, label):
    probs = model.predict([(evidence, claim)])[0]
    order = [Label.SUPPORTED, Label.REFUTED, Label.NOT_ENOUGH_INFO]
    scores = dict(zip([x.value for x in order], probs.round(3).tolist(), strict=True))
    assert order[int(probs.argmax())] is label, scores


def _judge(article: str, evidence: str):
    from corrigo.analysis.analyse import Analyser
    from corrigo.claims import ClaimExtractor
    from corrigo.ingest import parse_article
    from corrigo.verify.base import ClaimContext

    analysis = Analyser().run(parse_article(article))
    claim = ClaimExtractor().run(analysis)[-1]
    passage = Passage("notes.txt", 0, len(evidence), evidence)
    return learned.LearnedVerifier().verify(ClaimContext(claim, analysis), [passage])


def test_refuted_with_a_suggestion_from_the_structured_rules():
    judgement = _judge(
        "Security law\n\nCritics condemned the security law imposed by Macau in 2020.",
        "Beijing imposed the national security law on Hong Kong in June 2020.",
    )
    assert judgement.label is Label.REFUTED
    assert judgement.suggestion == "Beijing"
    assert judgement.wrong is not None and judgement.wrong.text == "Macau"


def test_supported_and_not_enough_info_through_the_verifier():
    supported = _judge("Budget\n\nThe council approved the budget on Tuesday.", EVIDENCE)
    assert supported.label is Label.SUPPORTED
    assert supported.confidence >= 0.5
    assert supported.evidence and supported.evidence[0].source == "notes.txt"
    unknown = _judge("Stadium\n\nThe club will build a new stadium by the river.", EVIDENCE)
    assert unknown.label is Label.NOT_ENOUGH_INFO


def test_source_mode_uses_the_learned_verifier_and_reports_each_claims_verdict():
    import corrigo

    summary = (
        "Budget approved\n\nThe city council approved the budget on Tuesday. The council also bought a new stadium."
    )
    report = corrigo.check(summary, corrigo.Config(verifier="learned"), sources=[Document("minutes", EVIDENCE)])
    verdicts = {v.claim.text: v.verdict for v in report.verdicts}
    assert verdicts["The city council approved the budget on Tuesday"] == "supported"
    assert [f.verdict.value for f in report.findings] == ["unsupported"]
    assert "stadium" in report.findings[0].span.text
    assert 0.5 <= report.findings[0].confidence <= 1.0


def test_a_claim_longer_than_the_window_is_scored_not_an_error(model):
    # A 200-word summary sentence alone fills the model's 160-token window: the pair is cut from
    # the longer text instead of failing (it used to raise a tokenizers truncation error).
    claim = " ".join(["The council approved the new budget for the city on Tuesday"] * 20)
    probs = model.predict([("The council approved the budget.", claim), ("Short evidence.", "Short claim.")])
    assert probs.shape == (2, 3)
    assert abs(float(probs.sum()) - 2.0) < 1e-4


def test_without_fitted_weights_the_decision_is_the_models_probability():
    from corrigo.verify.coverage import Coverage

    plain = learned.Decision.from_manifest({})
    assert abs(plain.support(0.83, Coverage(1.0, 1.0, 1.0)) - 0.83) < 1e-9


def test_the_shipped_decision_gives_less_support_to_words_the_evidence_lacks(model):
    from corrigo.verify.coverage import Coverage

    decision = learned.Decision.from_manifest(model.manifest)
    assert decision.weights, "the manifest has no fitted decision: run training/calibrate_decision.py"
    covered, novel = Coverage(0.0, 0.0, 0.0), Coverage(0.6, 0.8, 1.0)
    assert decision.support(0.9, covered) > decision.support(0.9, novel)
    assert decision.support(0.9, covered) > decision.support(0.2, covered)


def test_each_verdict_carries_the_scores_it_was_decided_on():
    import corrigo

    summary = "Budget approved\n\nThe city council approved the budget on Tuesday."
    report = corrigo.check(summary, corrigo.Config(verifier="learned"), sources=[Document("minutes", EVIDENCE)])
    scores = dict(report.verdicts[-1].scores)
    assert set(scores) == {"model_support", "model_refute", "novel_terms", "novel_bigrams", "novel_names", "support"}
    assert scores["novel_names"] == 0.0
    assert report.to_dict()["verdicts"][-1]["scores"]["support"] == round(scores["support"], 4)
