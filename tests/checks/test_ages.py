"""DateCheck: an age at a stated year against the same person's age on the story's date."""

from __future__ import annotations

import pytest
from finding_asserts import variants

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("dates",)).findings


_variants = variants


POSITIVE = [
    pytest.param(
        "Studio founder convicted\n\nMarch 2, 2021\n\nPriya Holt, the founder of the games studio Lantern, was "
        "convicted on Monday of misleading investors.\nA jury in Leeds found Holt, 51, guilty on three of the five "
        "counts.\nHolt set up Lantern in {1998|1993} at the age of 24, after leaving university.",
        "1998 at the age of 24",
        "1993 at the age of 24",
        id="age-now-against-age-at-founding",
    ),
    pytest.param(
        "Chef steps down\n\n14 October 2019\n\nMarco Ferri, 58, will hand over his kitchen next spring, the "
        "restaurant said on Monday.\nFerri opened his first trattoria in {2001|1989} at the age of 28.",
        "2001 at the age of 28",
        "1989 at the age of 28",
        id="age-now-late-in-the-year",
    ),
]


@pytest.mark.parametrize(("marked", "span", "fix"), POSITIVE)
def test_flags_the_age_statement_with_the_year_moved(marked: str, span: str, fix: str) -> None:
    text, _, _, _ = _variants(marked)
    found = _findings(text)
    assert len(found) == 1, [(f.span.text, f.suggestion) for f in found]
    finding = found[0]
    assert finding.kind is FindingKind.DATE
    assert finding.span.text == span
    assert finding.suggestion == fix
    assert "puts the birth in" in finding.explanation


@pytest.mark.parametrize(("marked", "span", "fix"), POSITIVE)
def test_the_corrected_article_is_clean(marked: str, span: str, fix: str) -> None:
    _, clean, _, _ = _variants(marked)
    assert _findings(clean) == ()


NEGATIVE = [
    pytest.param(
        "Chef steps down\n\n14 October 2019\n\nMarco Ferri, 58, will hand over his kitchen next spring.\nHis "
        "daughter Lucia Ferri opened her first trattoria in 2009 at the age of 28.",
        id="age-of-another-person",
    ),
    pytest.param(
        "Chef steps down\n\n14 October 2019\n\nMarco Ferri, 58, will hand over his kitchen next spring.\nFerri "
        "opened his first trattoria in 1990 at the age of 28.",
        id="within-a-year",
    ),
    pytest.param(
        "Chef steps down\n\nMarco Ferri, 58, will hand over his kitchen next spring.\nFerri opened his first "
        "trattoria in 2001 at the age of 28.",
        id="no-story-date",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clean_text_is_not_flagged(text: str) -> None:
    assert _findings(text) == ()
