"""Slot, frame and count checks on short hand-written stories (the spaCy model is needed)."""

from __future__ import annotations

import corrigo
from corrigo.model import FindingKind, Verdict


def flags(text: str, *checks: str):
    return [(f.span.text, f.suggestion) for f in corrigo.check(text, checks=checks or ("slots", "frames")).findings]


HQ = (
    "Vantor Foods to cut 200 jobs\n\n"
    "LYON - Vantor Foods, the Lyon-based snack maker, said on Monday it would cut 200 jobs.\n\n"
    "The company, which has its headquarters in {hq}, blamed higher flour prices.\n\n"
    "A spokesman at the company's Lyon headquarters said talks with unions would start next week."
)


def test_headquarters_stated_two_ways_flags_the_minority():
    text = HQ.format(hq="Grenoble")
    report = corrigo.check(text, checks=("slots",))
    (f,) = report.findings
    assert (f.span.text, f.suggestion) == ("Grenoble", "Lyon")
    assert text[f.span.start : f.span.end] == "Grenoble"
    assert f.verdict is Verdict.CONTRADICTED and f.kind is FindingKind.SLOT
    assert {e.source for e in f.evidence} == {"self"}
    assert any("Lyon-based" in e.span.text for e in f.evidence)


def test_consistent_headquarters_is_clean():
    assert flags(HQ.format(hq="Lyon")) == []


def test_several_offices_are_not_a_contradiction():
    text = (
        "Vantor Foods opens office in Madrid\n\n"
        "Vantor Foods, which has its headquarters in Lyon, opened an office in Madrid on Monday.\n\n"
        "The company also runs offices in Milan and Berlin, and its Lyon headquarters employs 900 people."
    )
    assert flags(text) == []


def test_regional_and_global_headquarters_are_different_slots():
    text = (
        "Bank moves Asian headquarters to Singapore\n\n"
        "The London-based bank will move its Asian headquarters to Singapore.\n\n"
        "Its Asian headquarters in Singapore will employ 400 people, the bank said in London."
    )
    assert flags(text) == []


def test_title_given_two_ways_majority_wins():
    text = (
        "Andes Air returns to profit\n\n"
        "Chief financial officer Lucia Ferrand said debt had fallen to 610 million dollars.\n\n"
        "Chief executive Lucia Ferrand said the board would propose a dividend in April.\n\n"
        "Ferrand, who became chief financial officer in 2021, said the payout would be modest."
    )
    assert flags(text, "slots") == [("Chief executive", "Chief financial officer")]


def test_a_seat_or_rank_held_alongside_an_office_is_no_conflict():
    text = (
        "Navy to buy four frigates\n\n"
        "Defence Minister Ruth Okoro said the contract would be signed in March.\n\n"
        "Senator Ruth Okoro told the chamber the ships would be built in Port Alder.\n\n"
        "Okoro, a senator since 2016, said the yard would hire 900 people."
    )
    assert flags(text, "slots") == []


def test_two_people_two_titles_is_clean():
    text = (
        "Airline returns to profit\n\n"
        "Chief executive Tom Vale said passengers were back.\n\n"
        "Chief financial officer Ana Ruiz said debt had fallen. Vale said the dividend would be modest."
    )
    assert flags(text) == []


def test_headline_place_vs_body_place():
    text = (
        "Northgate Water to close Leeds treatment plant\n\n"
        "Northgate Water will close its treatment plant in {place} by the end of next year, cutting 120 jobs.\n\n"
        "Workers at the Leeds plant were told on Friday. The Leeds plant opened in 1973."
    )
    assert flags(text.format(place="Bradford"), "frames") == [("Bradford", "Leeds")]
    assert flags(text.format(place="Leeds"), "frames") == []


def test_city_and_its_country_are_not_two_places():
    text = (
        "Carmaker to build plant in Sweden\n\n"
        "Carlow Motors will build a battery plant in Gothenburg, the company said.\n\n"
        "The plant in Gothenburg will employ 2,000 people."
    )
    assert flags(text) == []


def test_a_figure_for_another_period_is_not_the_headline_figure():
    text = (
        "Deficit to reach $368bn\n\n"
        "The budget deficit will reach $368bn this year, officials said.\n\n"
        "It reached $377bn in the previous fiscal year."
    )
    assert flags(text, "frames") == []


def test_anaphoric_count():
    text = (
        "Court strikes down vending ban\n\n"
        "A two-judge bench of the High Court struck down the ban on Monday.\n\n"
        "The {n}-judge bench gave the city six months to draw up a plan."
    )
    assert flags(text.format(n="three"), "frames") == [("three", "two")]
    assert flags(text.format(n="two"), "frames") == []


def test_swap_inside_one_sentence_is_flagged_on_both_sides(founding_example):
    report = corrigo.check(founding_example)
    got = [(f.span.text, f.suggestion) for f in report.findings]
    assert ("Hong Kong", "London") in got and ("London", "Hong Kong") in got


def test_one_change_told_with_two_sizes():
    text = (
        "Senate backs pension overhaul\n\n"
        "The bill would raise employers' contributions by 6 percentage points over nine years.\n\n"
        "Employer groups have asked for the 6-point increase to be spread over 12 years. "
        "They say a {n}-point rise in so short a time would cost jobs."
    )
    assert flags(text.format(n="7"), "frames") == [("7", "6")]
    assert flags(text.format(n="6"), "frames") == []


def test_a_second_role_stated_with_also_is_not_a_conflict():
    text = (
        "Stem cell row\n\n"
        "Medical Research Council Professor Nancy Rothwell said the minister's views mattered.\n\n"
        "Professor Rothwell, who is also vice-president of research at Manchester University, said it "
        "would worry her.\n\n"
        "Professor Rothwell said scientists needed clear rules."
    )
    assert corrigo.check(text, checks=("slots",), use_index=False).findings == ()
