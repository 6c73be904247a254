"""A quality the headline asserts that a body sentence denies."""

from __future__ import annotations

import pytest
from finding_asserts import apply_fix

import corrigo

STORY = (
    "Council backs harbour plan\n"
    "Members hail a unanimous vote after months of argument\n\n"
    "Harwick council approved the new harbour plan on Tuesday night.\n\n"
    "{sentence}\n\n"
    "Work on the sea wall is due to start in the spring."
)


def _findings(text: str):
    return corrigo.check(text, checks=("polarity",), use_index=False).findings


def test_a_negated_headline_quality_is_flagged_and_the_negation_dropped():
    text = STORY.format(sentence="The vote was not unanimous, the clerk said, with all 31 members in favour.")
    (f,) = _findings(text)
    assert (f.span.text, f.suggestion) == ("was not unanimous", "was unanimous")
    assert apply_fix(text, f) == STORY.format(
        sentence="The vote was unanimous, the clerk said, with all 31 members in favour."
    )
    assert not _findings(apply_fix(text, f))


@pytest.mark.parametrize(
    "sentence",
    [
        'The opposition leader said the vote was "not unanimous in spirit".',  # someone's words
        "Officials warned the next vote will not be unanimous.",  # a forecast
        "It is not unanimous support that the council needs, the mayor said.",  # a placeholder subject
        "The vote was unanimous, the clerk said.",  # no negation
    ],
)
def test_quotes_forecasts_placeholders_and_agreement_are_not_flagged(sentence):
    assert not _findings(STORY.format(sentence=sentence))
