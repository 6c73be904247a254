"""PeopleCheck: one full name introduced twice as two different people."""

from __future__ import annotations

import corrigo
from corrigo.model import FindingKind

WRONG = (
    "Ferry fares to rise\n\n"
    '"Fares have not kept pace with fuel," said Tomas Lindgren, a transport economist at Nordbank.\n\n'
    "The operator will raise fares by a tenth from April.\n\n"
    '"I cross every day and I cannot afford another rise," said Tomas Lindgren, 41, a nurse who lives on '
    "the island. Ms Okafor said she would now drive to the mainland once a week instead.\n\n"
    "The operator said fuel costs had doubled in two years."
)


def _findings(text: str, **options):
    return corrigo.check(text, checks=("people",), use_index=False, **options).findings


def test_second_introduction_as_someone_else_is_flagged():
    (f,) = _findings(WRONG)
    assert f.kind is FindingKind.ATTRIBUTION
    second = WRONG.index("Tomas Lindgren, 41")
    assert (f.span.start, f.span.text) == (second, "Tomas Lindgren")
    assert f.suggestion == "Okafor"  # the surname nobody was introduced under, next to it
    assert "transport economist" in f.evidence[0].span.text


def test_same_person_described_twice_alike_is_not_flagged():
    text = WRONG.replace("41, a nurse who lives on the island", "the Nordbank transport economist")
    assert _findings(text) == ()


def test_one_introduction_and_surnames_is_not_flagged():
    text = WRONG.replace("said Tomas Lindgren, 41, a nurse", "said Ada Okafor, 41, a nurse")
    assert _findings(text) == ()


def test_nothing_to_tell_them_apart_is_below_the_threshold():
    text = WRONG.replace(" Ms Okafor said she would now drive to the mainland once a week instead.", "")
    assert _findings(text) == ()
    assert [f.span.start for f in _findings(text, min_confidence=0.0)] == [text.index("Tomas Lindgren, 41")]
