"""Headline-vs-body and definite-count checks on copy that reports several figures, years and periods."""

from __future__ import annotations

import corrigo


def flags(text: str) -> list[tuple[str, str | None]]:
    return [(f.span.text, f.suggestion) for f in corrigo.check(text, checks=("frames",)).findings]


def test_a_comparison_with_earlier_years_is_not_the_headline_year():
    text = (
        "Norland farm growth to slow\n\n"
        "Norland's farm sector will grow by just 1.1 pct in 1988, against an estimated 2.3 pct in 1987, "
        "the embassy said in a report.\n\n"
        "That compares with 3.2 pct growth in 1986 and 4.0 pct in 1985."
    )
    assert flags(text) == []


def test_the_currency_word_after_a_figure_is_not_what_it_measures():
    # "three billion dlrs" and "3.45 billion dlrs" are a target and last year's result, not one
    # figure given twice: "dlrs" names the unit, not the event.
    text = (
        "Norland to curb current account surplus\n\n"
        "Norland plans to take steps to keep its 1988 current account surplus below three billion dlrs, "
        "Finance Minister Ola Berg said.\n\n"
        "Last year Norland's current account surplus was 3.45\nbillion dlrs."
    )
    assert flags(text) == []


def test_a_headline_figure_told_differently_is_still_flagged():
    text = (
        "Jury awards $4.2 million to injured driver\n\n"
        "A jury in Ohio awarded $4.2 million to a lorry driver hurt in a crash at a depot.\n\n"
        "The $2.4 million award is one of the largest in the state."
    )
    assert flags(text) == [("$2.4 million", "$4.2 million")]


def test_a_founding_year_told_differently_is_still_flagged():
    text = (
        "Museum founded in 1961 marks anniversary\n\n"
        "The Harbour Museum, founded in 1961 by a group of sailors, opened a new wing on Monday.\n\n"
        "The museum was founded in 1971 by a group of retired sailors."
    )
    assert flags(text) == [("1971", "1961")]


def test_a_definite_period_does_not_point_forward_or_to_another_kind_of_period():
    text = (
        "Flu outbreak declared over\n\n"
        "The 20-day watch is twice the longest 10-day incubation period of the virus. "
        "Health officials said the town now enters a 60-day period of closer monitoring. "
        "The 60-day period ends in May."
    )
    assert flags(text) == []
    narrower = (
        "Flu outbreak declared over\n\n"
        "Health officials said the town now enters a 60-day period of closer monitoring. "
        "Schools will reopen next week. The 30-day incubation period ends in May."
    )
    assert flags(narrower) == []


def test_a_definite_period_pointing_back_with_another_size_is_flagged():
    text = (
        "Flu outbreak declared over\n\n"
        "Health officials said the town now enters a 60-day period of closer monitoring. "
        "Schools will reopen next week. The {n}-day period ends in May."
    )
    assert flags(text.format(n="30")) == [("30", "60")]
    assert flags(text.format(n="60")) == []
