"""One event told on two different weekdays."""

from __future__ import annotations

import corrigo


def _findings(text: str, **options):
    return corrigo.check(text, checks=("dates",), use_index=False, **options).findings


STRIKE = (
    "Bus drivers walk out\n\n"
    "The strike began on {first} after talks over pay broke down, the union said.\n\n"
    "Commuters queued for taxis outside the main station.\n\n"
    "The strike, which began on {second}, is the first on the network for a decade."
)


def test_statement_against_a_later_relative_clause_reference_is_flagged():
    text = STRIKE.format(first="Tuesday", second="Monday")
    (f,) = _findings(text)
    assert (f.span.text, f.suggestion) == ("Tuesday", "Monday") and f.span.start == text.index("Tuesday")
    assert not _findings(STRIKE.format(first="Monday", second="Monday"))


def test_the_day_more_sentences_give_wins():
    text = STRIKE.format(first="Monday", second="Monday") + (
        "\n\nOfficials said the strike began on Tuesday in two depots only."
    )
    # "in two depots only" is the same event told once more with another day: outvoted.
    found = _findings(text)
    assert [(f.span.text, f.suggestion) for f in found] == [("Tuesday", "Monday")]


def test_recurring_or_qualified_days_and_other_events_are_not_compared():
    again = STRIKE.format(first="Monday", second="Monday") + "\n\nThe strike began again on Friday."
    assert not _findings(again)
    other = STRIKE.format(first="Monday", second="Monday").replace(
        "The strike, which began on Monday,", "The stoppage, which began on Thursday,"
    )
    assert not _findings(other)
    last = STRIKE.format(first="Monday", second="Monday").replace("began on Monday after", "began last Friday after")
    assert not _findings(last)


FLARE = (
    "Telescope team confirms solar flare\n\n10 March 2024\n\n"
    "The flare was recorded on 3 {month} 2023 by two observatories in Chile.\n\n"
    "Researchers spent months ruling out instrument faults.\n\n"
    "The team kept the October flare quiet until the data had been checked twice."
)


def test_a_stated_date_against_a_later_month_named_reference():
    text = FLARE.format(month="December")
    (f,) = _findings(text)
    assert (f.span.text, f.suggestion) == ("3 December 2023", "3 October 2023")
    assert not _findings(FLARE.format(month="October"))


def test_a_month_in_a_date_is_no_reference():
    text = FLARE.format(month="December").replace("the October flare", "the October 5 flare")
    assert not _findings(text)


def test_a_plain_tie_flags_the_later_day_with_lower_confidence():
    text = (
        "Bus drivers walk out\n\n"
        "The strike began on Monday after talks over pay broke down, the union said.\n\n"
        "Commuters queued for taxis outside the main station.\n\n"
        "Drivers at the northern depot said the strike began on Tuesday for them."
    )
    (f,) = _findings(text)
    assert f.span.start == text.index("Tuesday") and f.suggestion == "Monday" and 0.5 <= f.confidence < 0.6
