"""The library call and the data model's invariants."""

from __future__ import annotations

import dataclasses

import pytest

import corrigo
from corrigo.errors import ConfigError, InputError
from corrigo.model import Span


def test_check_accepts_text_or_article():
    text = "Mayor opens bridge\n\nThe mayor opened the new bridge on Monday."
    assert corrigo.check(text).findings == ()
    assert corrigo.check(corrigo.parse_article(text)).findings == ()


def test_records_are_immutable():
    span = Span.of("abc", 0, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]
    with pytest.raises(ValueError):
        Span.of("abc", 2, 5)


def test_claims_keep_speaker_and_kind():
    text = 'Town to shut pool\n\nThe council will close the pool in May, the mayor said. The pool opened in 1970.'
    report = corrigo.check(text)
    by_pred = {c.predicate: c for c in report.claims}
    assert by_pred["close"].kind == "prediction"
    assert by_pred["close"].speaker is not None and by_pred["close"].speaker.text == "the mayor"
    assert by_pred["open"].kind == "fact"
    for c in report.claims:
        assert text[c.span.start : c.span.end] == c.span.text


def test_bad_options_and_input():
    with pytest.raises(ConfigError, match="min_confidence"):
        corrigo.check("A\n\nB.", min_confidence=3)
    with pytest.raises(ConfigError):
        corrigo.check("A\n\nB.", colour="red")
    with pytest.raises(InputError):
        corrigo.check("   ")


def test_min_confidence_filters():
    text = (
        "Northgate Water to close Leeds treatment plant\n\n"
        "Northgate Water will close its treatment plant in Derby by the end of next year.\n\n"
        "Workers at the Leeds plant were told on Friday. The Leeds plant opened in 1973."
    )
    assert corrigo.check(text).findings
    assert corrigo.check(text, min_confidence=0.99).findings == ()
