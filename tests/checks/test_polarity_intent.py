"""A plan its maker states two ways: "says it will appeal" against "said it would not appeal"."""

from __future__ import annotations

from finding_asserts import apply_fix, assert_single_fix

import corrigo
from corrigo.model import FindingKind

_ARTICLE = (
    "Regulator blocks Norcom takeover of Pixelworks\n"
    "Norcom says it will appeal\n\n"
    "The competition regulator on Tuesday blocked Norcom's takeover of the games maker Pixelworks.\n"
    "Norcom said it {plan} to the tribunal. Pixelworks called the ruling a setback.\n"
)


def _findings(text: str):
    return corrigo.check(text, checks=("polarity",)).findings


def test_a_plan_stated_the_other_way_round_is_flagged_with_its_own_form():
    text = _ARTICLE.format(plan="would not appeal")
    f = assert_single_fix(text, _findings(text), "would not appeal", "would appeal", FindingKind.POLARITY)
    assert _findings(apply_fix(text, f)) == ()


def test_a_contracted_negation_is_fixed_in_full():
    text = _ARTICLE.format(plan="won't appeal")
    assert [(f.span.text, f.suggestion) for f in _findings(text)] == [("won't appeal", "will appeal")]


def test_the_same_plan_told_twice_is_clean():
    assert _findings(_ARTICLE.format(plan="would appeal")) == ()


def test_a_plan_told_by_someone_else_or_under_a_condition_is_not_compared():
    others = (
        "Regulator blocks Norcom takeover of Pixelworks\n"
        "Norcom says it will appeal\n\n"
        "The competition regulator on Tuesday blocked Norcom's takeover of the games maker Pixelworks.\n"
        "Analysts said Norcom would not appeal to the tribunal. Pixelworks called the ruling a setback.\n"
    )
    assert _findings(others) == ()
    condition = _ARTICLE.format(plan="would not appeal if the tribunal refused a hearing, but")
    assert _findings(condition) == ()
