"""PairCheck: sentence pairs the analysis aligns, scored by the verifier model for contradiction.

The candidate, localisation and no-model tests use a stub model (spaCy only); the end-to-end
ones need the shipped verifier and are skipped without it.
"""

from __future__ import annotations

import numpy as np
import pytest

import corrigo
from corrigo.analysis.analyse import Analyser
from corrigo.checks.pairs import PairCheck, candidates
from corrigo.ingest import parse_article
from corrigo.model import FindingKind, Verdict
from corrigo.verify import learned

STORM = (
    "Storm Alma brings 90mph winds to Cornwall\n\n"
    "Storm Alma hit the coast of Cornwall on Friday, bringing winds of up to {speed} and cutting power "
    "to 3,000 homes.\n\n"
    "The Met Office said Storm Alma had brought winds of up to 90mph to Cornwall on Friday.\n\n"
    "Several roads in the county were closed and trains were cancelled."
)


class StubModel:
    """Reads two sentences as contradicting when one holds ``a`` and the other ``b``."""

    def __init__(self, a: str, b: str) -> None:
        self.a, self.b = a, b
        self.calls: list[int] = []

    def predict(self, pairs):
        self.calls.append(len(pairs))
        out = np.tile(np.array([[0.1, 0.0, 0.9]], dtype=np.float32), (len(pairs), 1))
        for i, (e, c) in enumerate(pairs):
            if {self.a in e, self.a in c} == {True, False} and {self.b in e, self.b in c} == {True, False}:
                out[i] = [0.01, 0.98, 0.01]
        return out


@pytest.fixture(scope="module")
def analyse():
    analyser = Analyser()
    analyser.warm_up()
    return lambda text: analyser.run(parse_article(text))


def test_aligned_sentences_that_differ_in_a_value_are_candidates(analyse):
    found = candidates(analyse(STORM.format(speed="60mph")), 20)
    pairs = {(c.a.index, c.b.index): [(d.a.span.text, d.b.span.text) for d in c.diffs] for c in found}
    # (the tagger's span may or may not take in "up to": the value is what counts)
    assert [(x, y[-5:]) for x, y in pairs[(0, 1)]] == [("90mph", "60mph")]
    assert [(x[-5:], y[-5:]) for x, y in pairs[(1, 2)]] == [("60mph", "90mph")]
    assert (0, 2) not in pairs  # "90mph" and "up to 90mph" are one value
    assert all(3 not in key for key in pairs)  # the last sentence shares no entity with the others


def test_the_sentence_that_contradicts_two_others_is_flagged_and_only_the_number_fixed(analyse):
    text = STORM.format(speed="60mph")
    model = StubModel("60mph", "90mph")
    (f,) = PairCheck(model, threshold=0.9).run(analyse(text))
    assert (f.span.text, f.suggestion) == ("60", "90")
    assert text[f.span.start : f.span.end] == "60" and text[f.span.end : f.span.end + 3] == "mph"
    assert f.verdict is Verdict.CONTRADICTED and f.kind is FindingKind.HEADLINE
    quotes = [e.span.text for e in f.evidence]
    assert quotes[0] == "Storm Alma brings 90mph winds to Cornwall"
    assert quotes[1].startswith("The Met Office said Storm Alma had brought winds of up to 90mph")
    assert 0.5 <= f.confidence <= 0.8
    assert f.explanation.endswith(".")


def test_each_pair_is_scored_once_and_the_fix_only_for_pairs_that_reach_the_threshold(analyse):
    model = StubModel("60mph", "90mph")
    PairCheck(model, threshold=0.9).run(analyse(STORM.format(speed="60mph")))
    assert model.calls == [2, 1, 1]  # both pairs, then each (both reached it) with the value fixed


def test_pairs_the_model_does_not_read_as_contradicting_are_not_flagged(analyse):
    model = StubModel("Nothing", "Else")
    assert PairCheck(model, threshold=0.9).run(analyse(STORM.format(speed="60mph"))) == []
    assert len(model.calls) == 1  # nothing reached the threshold one way: no second call


def test_without_the_model_files_the_check_finds_nothing(analyse, tmp_path):
    check = PairCheck(learned.PairModel(tmp_path / "no-model"))
    assert check.run(analyse(STORM.format(speed="60mph"))) == []


@pytest.mark.skipif(not learned.available(), reason="corrigo[verify] is not installed")
def test_the_shipped_model_catches_what_the_slot_rules_miss():
    text = STORM.format(speed="60mph")
    assert corrigo.check(text, checks=("slots", "frames", "numbers")).findings == ()
    (f,) = corrigo.check(text, checks=("pairs",)).findings
    assert (f.span.text, f.suggestion) == ("60", "90")


@pytest.mark.skipif(not learned.available(), reason="corrigo[verify] is not installed")
def test_the_shipped_model_leaves_the_clean_story_alone():
    assert corrigo.check(STORM.format(speed="90mph"), checks=("pairs",)).findings == ()
