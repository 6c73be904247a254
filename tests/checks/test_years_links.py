"""A count of years against a year stated in another sentence, aligned by the parse (``year_links``)."""

from __future__ import annotations

import corrigo

LIBRARY = (
    "Library reopens\n\nMay 4, 2019\n\n"
    "The council reopened the town baths on Friday, ending a ten-year overhaul of the old baths that "
    "ran far over budget.\n\n"
    "The baths' main hall shut in March {YEAR}. A small pool stayed open for swimmers while builders worked."
)

RAIN = (
    "Valley sets new rainfall mark\n\n3 March 2021\n\n"
    "Gauges at the dam recorded 410mm of rain on Monday, the weather office said, breaking a regional record "
    "that had held for only four years.\n\n"
    "The old peak, 380mm, was logged at the river mouth on 9 February {YEAR}. Farmers said fields were flooded."
)


def _findings(text: str):
    return corrigo.check(text, checks=("dates",), use_index=False).findings


def _fixed(text: str, finding) -> str:
    return text[: finding.span.start] + finding.suggestion + text[finding.span.end :]


def test_a_year_whose_phrase_shares_the_counts_noun_is_blamed():
    wrong = LIBRARY.replace("{YEAR}", "2012")
    (f,) = _findings(wrong)
    assert f.span.text == "March 2012" and f.suggestion == "March 2009"
    assert 0.5 <= f.confidence < 0.8
    assert _findings(_fixed(wrong, f)) == ()


def test_the_right_year_sharing_the_noun_is_not_flagged():
    assert _findings(LIBRARY.replace("{YEAR}", "2009")) == ()


def test_a_year_about_something_else_is_not_aligned():
    # the dated sentence is about the council, not the library: nothing ties the year to the count
    text = LIBRARY.replace("{YEAR}", "2012").replace("The baths' main hall shut", "The council's budget passed")
    assert _findings(text) == ()


def test_a_year_in_the_storys_own_year_is_not_where_a_count_begins():
    text = LIBRARY.replace("in March {YEAR}", "again in March 2019")
    assert _findings(text) == ()


def test_the_next_sentence_naming_the_thing_anew_is_about_it():
    wrong = RAIN.replace("{YEAR}", "2014")
    (f,) = _findings(wrong)
    assert f.span.text == "9 February 2014" and f.suggestion == "9 February 2017"
    assert _findings(_fixed(wrong, f)) == ()
    assert _findings(RAIN.replace("{YEAR}", "2017")) == ()


def test_a_subject_the_article_named_before_is_not_a_new_name():
    # "The dam" was named in the sentence before: the dated sentence is about the dam, not the record
    text = RAIN.replace("{YEAR}", "2014").replace(
        "The old peak, 380mm, was logged at the river mouth", "The dam was opened"
    )
    assert _findings(text) == ()


def test_a_sentence_further_on_is_not_adjacent():
    text = RAIN.replace("{YEAR}", "2014").replace(
        "\n\nThe old peak", "\n\nRoads into the valley were closed by the police.\n\nThe old peak"
    )
    assert _findings(text) == ()


def test_only_does_not_loosen_a_count_of_years():
    text = "Court lifts ban\n\n12.03.2024\n\nThe ban, imposed in 2015, had been in force for only {N} years."
    (f,) = _findings(text.replace("{N}", "three"))
    assert f.span.text == "three" and f.suggestion == "nine"
    assert _findings(text.replace("{N}", "nine")) == ()


def test_the_same_maker_doing_something_else_is_not_aligned():
    # the brewery is who brews and who bought: an agent shared by two verbs ties nothing together
    text = (
        "Brewery expands\n\n9 June 2020\n\nThe Harrow brewery has brewed dark ale for 40 years. The Harrow "
        "brewery bought a second site near the canal in 2011."
    )
    assert _findings(text) == ()
