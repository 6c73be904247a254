"""Blame between a count of years and the year it counts from: the value fewer mentions support loses."""

from __future__ import annotations

import corrigo

STORY = (
    "Port scraps bridge toll\n\n"
    "VALDORA, 15 May 2024 - The port authority scrapped the toll on the harbour bridge on Wednesday, "
    "ending a charge it had kept for more than four years.\n\n"
    "The authority introduced the toll on 6 March {YEAR}, when traffic to the docks doubled.\n\n"
    '"They broke a four-year pledge overnight," said a haulier who crosses the bridge daily.'
)


def _findings(text: str):
    return corrigo.check(text, checks=("dates",), use_index=False).findings


def test_a_count_stated_twice_stands_against_a_year_stated_once():
    wrong = STORY.replace("{YEAR}", "2021")
    (f,) = _findings(wrong)
    assert f.span.text == "6 March 2021" and f.suggestion == "6 March 2020"
    fixed = wrong[: f.span.start] + f.suggestion + wrong[f.span.end :]
    assert _findings(fixed) == ()
    assert _findings(STORY.replace("{YEAR}", "2020")) == ()


def test_a_persons_years_do_not_back_the_count():
    wrong = STORY.replace("{YEAR}", "2021").replace(
        '"They broke a four-year pledge overnight," said a haulier who crosses the bridge daily.',
        "The harbour master, who has run the port for four years, said the decision was hers.",
    )
    (f,) = _findings(wrong)
    assert f.span.text == "four"
