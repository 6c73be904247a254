"""PeopleCheck: one full name introduced twice as two different people."""

from __future__ import annotations

import corrigo
from corrigo.model import FindingKind

WRONG = (
    "Ferry fares to rise\n\n"
    '"Fares have not kept pace with fuel," said Tomas Lindgren, a transport economist at Nordbank.\n\n'
    "The operator will raise fares by a tenth from April.\n\n"
    '"I cross every day and I cannot afford another rise," said Tomas Lindgren, 41, a nurse who lives on '
    "the island. Ms Adeyemi said she would now drive to the mainland once a week instead.\n\n"
    "The operator said fuel costs had doubled in two years."
)


def _findings(text: str, **options):
    return corrigo.check(text, checks=("people",), use_index=False, **options).findings


def test_second_introduction_as_someone_else_is_flagged():
    (f,) = _findings(WRONG)
    assert f.kind is FindingKind.ATTRIBUTION
    second = WRONG.index("Tomas Lindgren, 41")
    assert (f.span.start, f.span.text) == (second, "Tomas Lindgren")
    assert f.suggestion == "Adeyemi"  # the surname nobody was introduced under, next to it
    assert "transport economist" in f.evidence[0].span.text


def test_same_person_described_twice_alike_is_not_flagged():
    text = WRONG.replace("41, a nurse who lives on the island", "the Nordbank transport economist")
    assert _findings(text) == ()


def test_one_introduction_and_surnames_is_not_flagged():
    text = WRONG.replace("said Tomas Lindgren, 41, a nurse", "said Ada Adeyemi, 41, a nurse")
    assert _findings(text) == ()


def test_nothing_to_tell_them_apart_flags_the_later_with_lower_confidence():
    text = WRONG.replace(" Ms Adeyemi said she would now drive to the mainland once a week instead.", "")
    (f,) = _findings(text)
    assert f.span.start == text.index("Tomas Lindgren, 41") and 0.5 <= f.confidence < 0.6
    assert f.suggestion is None and "transport economist" in f.evidence[0].span.text


def test_surname_in_one_introductions_paragraph_tells_them_apart():
    # "Adeyemi" is as near the first introduction as the second, but shares only the first's paragraph.
    text = (
        "Ferry fares to rise\n\n"
        '"Fares have not kept pace with fuel," said Tomas Lindgren, a nurse who lives on the island. '
        "Adeyemi said she would now drive to the mainland once a week instead.\n\n"
        '"I cross every day and the rise is overdue," said Tomas Lindgren, a transport economist at Nordbank.\n\n'
        "The operator said fuel costs had doubled in two years."
    )
    (f,) = _findings(text)
    assert f.span.start == text.index("Tomas Lindgren") and f.suggestion == "Adeyemi"


def test_a_speaking_name_the_tagger_reads_as_an_organisation_is_a_person():
    # The small English pipeline tags "Nadia Vidal" ORG in this text (checked when this test was written).
    text = WRONG.replace("Tomas Lindgren", "Nadia Vidal")
    (f,) = _findings(text)
    assert f.span.start == text.index("Nadia Vidal, 41") and f.suggestion == "Adeyemi"


ROLE = (
    "Bridge reopens\n\n"
    "The Harwick bridge reopened on Friday after two years of repairs, the county said.\n\n"
    '"The old deck was beyond saving," said Idris Moyo, a structural engineer at the county council.\n\n'
    "Traffic was light in the morning but built up by the afternoon.\n\n"
    "Moyo, the {county treasurer|structural engineer}, said the work had come in under budget."
)


def _role_variants() -> tuple[str, str]:
    head, rest = ROLE.split("{", 1)
    pair, tail = rest.split("}", 1)
    wrong, right = pair.split("|")
    return head + wrong + tail, head + right + tail


def test_role_given_again_differently_is_flagged_with_the_introduced_role():
    corrupted, clean = _role_variants()
    (f,) = _findings(corrupted)
    assert f.kind is FindingKind.ATTRIBUTION
    assert (f.span.text, f.suggestion) == ("county treasurer", "structural engineer")
    assert corrupted[: f.span.start] + f.suggestion + corrupted[f.span.end :] == clean
    assert _findings(clean) == ()


def test_role_worded_again_is_not_flagged():
    corrupted, _ = _role_variants()
    assert _findings(corrupted.replace("county treasurer", "council's engineer")) == ()


SPEAKERS = (
    "Ferry fares to rise\n\n"
    "The island's ferry operator will raise fares by a tenth from April, it said on Monday.\n"
    'Sarah Collins, 44, who runs a bakery by the harbour, said she would pass the cost on. "Flour comes over '
    'on the ferry too. Everything I sell will cost more," said Collins.\n'
    'David Palmer, a retired pilot who has lived on the island since 1990, was calmer. "I have seen fares go up '
    'and down for thirty years. They always come back down," said {Collins|Palmer}.\n'
    "The operator said fuel costs had doubled in two years."
)


def test_quote_in_a_newcomers_paragraph_given_to_an_earlier_speaker_is_flagged():
    head, rest = SPEAKERS.split("{", 1)
    pair, tail = rest.split("}", 1)
    wrong, right = pair.split("|")
    corrupted, clean = head + wrong + tail, head + right + tail
    (f,) = _findings(corrupted)
    assert f.kind is FindingKind.ATTRIBUTION
    assert (f.span.start, f.span.text, f.suggestion) == (len(head), "Collins", "Palmer")
    assert _findings(clean) == ()


def test_a_newcomer_named_in_passing_does_not_take_the_quote():
    text = SPEAKERS.replace(
        "David Palmer, a retired pilot who has lived on the island since 1990, was calmer.",
        ("She said her cousin, the pilot David Palmer, had been calmer."),
    ).replace("{Collins|Palmer}", "Collins")
    assert _findings(text) == ()
