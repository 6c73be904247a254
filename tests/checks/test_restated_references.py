"""Restated figures through back-references: "winds of 120 mph ... the 110 mph winds"."""

from __future__ import annotations

import pytest
from finding_asserts import apply_fix, variants

import corrigo


def _findings(text: str):
    return corrigo.check(text, checks=("restated",), use_index=False).findings


POSITIVE = [
    pytest.param(
        "Storm Brenna batters the west coast\n\n"
        "Storm Brenna reached the coast of Halvard Bay on Monday night with gusts of {124|114} mph, "
        "bringing down power lines and flooding low roads.\n\n"
        "Crews worked through the night to clear fallen trees from the main road into town.\n\n"
        "Forecasters said the 114 mph gusts were the strongest recorded in the bay since records began.",
        id="definite-reference-with-unit-and-noun",
    ),
    pytest.param(
        "Village evacuated as river rises\n\n"
        "About {450|350} people living beside the Orrin river were evacuated on Friday as water rose "
        "above the flood wall.\n\n"
        "Volunteers opened the school hall and the church as shelters.\n\n"
        "Most of the 350 evacuated residents were allowed home on Sunday morning.",
        id="reference-by-participle",
    ),
    pytest.param(
        "Chess prize shared\n\n"
        "The two finalists will share the prize of {8|7} million crowns after the final game was drawn.\n\n"
        "The organisers said the match had drawn a record audience online.\n\n"
        "Both players said the 7 million crown prize would go partly to their clubs.",
        id="prize-of-and-prize",
    ),
    pytest.param(
        "Landslide buries hillside village\n\n"
        "Police in the Orvel valley said {2,100|1,200} residents could not be reached on Tuesday night.\n\n"
        "Rescue teams worked by floodlight to clear the only road into the village.\n\n"
        "The mayor said the figure of 1,200 unreachable should shrink once the phone mast is repaired.",
        id="figure-noun-reference-to-swapped-digits",
    ),
]


@pytest.mark.parametrize("marked", POSITIVE)
def test_statement_against_later_reference_is_flagged_and_fixed(marked):
    corrupted, clean, wrong, right = variants(marked)
    found = [f for f in _findings(corrupted) if f.verdict.value == "contradicted"]
    assert len(found) == 1, found
    f = found[0]
    assert f.span.text.strip() in wrong and f.confidence >= 0.5
    assert apply_fix(corrupted, f) == clean
    assert not _findings(clean)


NEGATIVE = [
    pytest.param(
        "Landslide\n\nPolice said 2,100 residents could not be reached on Tuesday.\n\n"
        "The mayor said the figure of 1,800 unreachable should shrink by the weekend.",
        id="figure-noun-reference-no-slip",
    ),
    pytest.param(
        "Landslide\n\nPolice said 2,100 residents could not be reached on Tuesday.\n\n"
        "On Monday the police had put the number at 1,020.\n\n"
        "The mayor said the figure of 1,200 unreachable should shrink by the weekend.",
        id="figure-noun-reference-two-slips",
    ),
    pytest.param(
        "Charity appeal\n\nMore than 500 volunteers signed up in the first week of the appeal.\n\n"
        "By the end of the month the 650 volunteers had packed food for every school in the district.",
        id="lower-bound-then-larger-figure",
    ),
    pytest.param(
        "Retail results\n\nOrla Stores opened 42 shops this year across the north.\n\n"
        "Its rival Fenwick said it now runs more than the 45 shops it had a year ago.",
        id="figure-compared-with",
    ),
    pytest.param(
        "Retail results\n\nFenwick runs 45 shops across the north, the company said.\n\n"
        "Analysts said Orla's 48 shops would give it the larger share of the market.",
        id="reference-owned-by-another-name",
    ),
    pytest.param(
        "Athletics\n\nThe two winners go through to the final in April.\n\n"
        "The three heat winners will then race the holders for the title.",
        id="modifier-picks-out-another-set",
    ),
    pytest.param(
        "Cocoa crop\n\nThe board said it had bought 12.46 million sacks from growers this season.\n\n"
        "The 12 million sacks bought from growers will be shipped from the port in March.",
        id="rounded-figure-compared",
    ),
    pytest.param(
        "Film sales\n\nThe documentary has earned $61m from streaming rentals this year.\n\n"
        "Its streaming takings overtook its $57m cinema total within a month.",
        id="figure-a-comparison-verb-takes",
    ),
    pytest.param(
        "Growth\n\nThe economy grew at an annual rate of 2.6% in the third quarter.\n\n"
        "That fell short of the 2.9% rate forecasters had expected.",
        id="figure-fallen-short-of",
    ),
    pytest.param(
        "Hurling\n\nKilrea lost a fourth straight Four Counties Cup tie on Sunday.\n\n"
        "They last won the Three Counties Cup in 1998.",
        id="number-in-a-name",
    ),
    pytest.param(
        "Tennis\n\nThe coach rested 19-year-old Marco Lenz for the doubles.\n\n"
        "The 24-year-old Varga twins have won every doubles match this year.",
        id="ages-of-two-people",
    ),
    pytest.param(
        "Indicators\n\nThe index of leading indicators fell 1.2% in March, the agency said.\n\n"
        "There was no revision to the 1.1% rise in the index for February.",
        id="another-period",
    ),
    pytest.param(
        "Merger\n\nThe deal gives the Halden family a 64% stake in the combined group.\n\n"
        "Under the agreement Halden must sell its 60% stake in Norvik Textiles.",
        id="stake-in-another-company",
    ),
    pytest.param(
        "Bond sale\n\nThe company will redeem its 7-3/8 notes and its 8-1/4 notes in May.\n\n"
        "Holders of the 7-3/8 notes will be paid first.",
        id="fractions-are-not-scores",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_finding_where_the_reference_is_another_figure(text):
    assert not _findings(text)


def test_value_stated_twice_wins_over_one_reference():
    text = (
        "Quake strikes island\n\n"
        "A magnitude 6.4 earthquake struck the island of Merrow on Tuesday.\n\n"
        "Seismologists confirmed the magnitude 6.4 earthquake was shallow.\n\n"
        "The 6.9 quake damaged the harbour wall and the old lighthouse."
    )
    found = _findings(text)
    assert [f.span.text for f in found] == ["6.9"]
    assert found[0].suggestion == "6.4"


def test_headline_against_one_body_statement_flags_the_body():
    text = (
        "Ferry operator orders £36.2 million vessel\n\n"
        "The ferry operator Island Ferries has ordered a £32.6 million vessel for its northern route.\n\n"
        "The ship will carry 400 passengers and 90 cars and enter service in 2028.\n\n"
        "Harbour staff said the older boats on the route were often cancelled in winter storms.\n\n"
        "Islanders have campaigned for a larger boat since the last one was withdrawn.\n\n"
        "The operator said fares would not rise when the new service began."
    )
    (f,) = _findings(text)
    assert f.span.text == "32.6" and f.suggestion == "36.2" and 0.5 <= f.confidence < 0.7


def test_scoreline_given_again_with_one_set_changed():
    text = (
        "Lenz wins Halvard Open\n\n"
        "Marco Lenz beat Tomas Varga 6-4, 7-6(4), 6-2 in the Halvard Open final on Sunday.\n\n"
        "The crowd rose when the second set went to a tie-break.\n\n"
        "The 6-4, 7-6(6), 6-2 victory gives Lenz his first title on clay."
    )
    (f,) = _findings(text)
    assert f.span.text == "6-4, 7-6(4), 6-2" and f.suggestion == "6-4, 7-6(6), 6-2"


def test_figures_counting_different_things_in_one_sentence_are_no_run():
    text = (
        "Tour operator collapses, stranding 120,000 holidaymakers\n\n"
        "Sunway Travel collapsed into administration on Monday when its banks refused credit, leaving about 12,000 "
        "holidaymakers stranded abroad and putting 8,000 jobs at risk, 3,000 of them at its head office.\n\n"
        "The aviation regulator said it would charter planes to bring travellers home over two weeks.\n\n"
        "Staff said they learned of the news from their phones.\n\n"
        "The firm was founded as a coach company and grew through a string of takeovers.\n\n"
        "Its shares had been suspended since the spring."
    )
    (f,) = _findings(text)
    assert (f.span.text, f.suggestion) == ("12,000", "120,000")


def test_a_second_thing_of_the_same_kind_is_not_what_a_plain_reference_means():
    text = (
        "Quake strikes island\n\n"
        "A magnitude 6.4 earthquake struck the island of Merrow on Tuesday.\n\n"
        "A second quake, measured at magnitude 6.4, hit the north coast that evening.\n\n"
        "Rescue teams reached the harbour town by the evening.\n\n"
        "The 6.9 quake damaged the harbour wall and the old lighthouse."
    )
    (f,) = _findings(text)
    # Only the first earthquake is the quake "the 6.9 quake" refers back to: one against one.
    assert f.span.start == text.index("6.4") and f.suggestion == "6.9"
