"""PolarityCheck: a predicate negated or flipped to its antonym against the rest of the article."""

from __future__ import annotations

import pytest
from finding_asserts import apply_fix, assert_single_fix

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("polarity",)).findings


_apply = apply_fix


# (name, text, wrong words, suggestion)
POSITIVE = [
    (
        "antonym_with_pronoun_object",
        "Lisbon council approves housing levy\n\n"
        "Lisbon city council approved a levy on holiday rentals on Thursday.\n\n"
        "The opposition leader said his group would ask a court to suspend the levy now that the council "
        "had rejected it.\n",
        "rejected",
        "approved",
    ),
    (
        "passive_majority",
        "Harbour plan passed\n\n"
        "The harbour plan was approved by the city council on Monday. It was approved by the council "
        "after a long debate.\n\n"
        "Residents were angry that the council rejected the harbour plan.\n",
        "rejected",
        "approved",
    ),
    (
        "negated_majority_negates_the_odd_one",
        "Council blocks harbour plan\n\n"
        "The city council did not approve the harbour plan on Monday.\n\n"
        "The council did not approve the harbour plan because of its cost.\n\n"
        "Local businesses were dismayed that the council approved the harbour plan.\n",
        "approved",
        "did not approve",
    ),
    (
        "negation_dropped",
        "Council backs harbour plan\n\n"
        "The city council approved the harbour plan on Monday.\n\n"
        "The council approved the harbour plan after a long debate.\n\n"
        "The council did not approve the harbour plan, which will cost 40 million euros.\n",
        "did not approve",
        "approved",
    ),
    (
        "tie_flags_the_later_after_its_auxiliary",
        "Quake shakes coast\n\n"
        "Civil defence officials did not issue a tsunami warning after the quake.\n\n"
        "A controller said that although officials had issued a warning, people near the coast should "
        "move inland.\n",
        "issued",
        "not issued",
    ),
    (
        "event_cancelled_whoever_acted",
        "Bus drivers call off strike\n\n"
        "Bus drivers have called off a strike that was due to start on Monday.\n\n"
        "Schools that had planned to close stayed open after the strike went ahead.\n",
        "went ahead",
        "was called off",
    ),
    (
        "prepositional_predicate_changes_only_the_preposition",
        "Committee rejects depot plan\n\n"
        "The planning committee rejected the depot plan on Tuesday.\n\n"
        "The committee rejected the depot plan despite advice from officers.\n\n"
        "Residents cheered when the committee voted for the depot plan.\n",
        "for",
        "against",
    ),
    (
        "objectless_refusal_against_agreement",
        "Last cinema to close\n\n"
        "Residents asked the city to buy the cinema building last year, but the city council declined, "
        "saying it could not justify the repairs.\n\n"
        "A councillor said the city lost part of its history when the council agreed to take on "
        "the building.\n",
        "agreed",
        "declined",
    ),
    (
        "event_verb_about_a_named_person",
        "Byrds producer Melcher dies at 62\n\n"
        "Record producer Terry Melcher, who was behind hits by the Byrds, has not died aged 62.\n\n"
        "Melcher died at his home in Beverly Hills after a long battle with cancer, his family said.\n",
        "not died",
        "died",
    ),
    (
        "direction_against_its_own_figures",
        "Firm reports results\n\nThe firm said revenue rose from $10.9bn to $9.1bn in the year.\n",
        "rose",
        "fell",
    ),
]

NEGATIVE = [
    (
        "prediction_is_not_a_fact",
        "Council approves harbour plan\n\nThe city council approved the harbour plan on Monday.\n\n"
        "Critics said the council will reject the harbour plan when it returns next year.\n",
    ),
    (
        "conditional_is_not_a_statement",
        "Council approves harbour plan\n\nThe city council approved the harbour plan on Monday.\n\n"
        "If the council rejects the harbour plan, the port will lose its funding.\n",
    ),
    (
        "reported_denial",
        "Council rejects harbour plan\n\nThe city council rejected the harbour plan on Monday.\n\n"
        "The mayor denied that the council had approved the harbour plan in secret.\n",
    ),
    (
        "different_dates",
        "Council's U-turn on harbour plan\n\nThe city council rejected the harbour plan in March.\n\n"
        "The council approved the harbour plan in May after changes to its design.\n",
    ),
    (
        "one_occasion_among_several",
        "Council's U-turn on harbour plan\n\nThe city council initially rejected the harbour plan.\n\n"
        "The council later approved the harbour plan after changes to its design.\n",
    ),
    (
        "two_speakers_disagree",
        "Offer row\n\nThe union said the company had rejected the pay offer.\n\n"
        "The company's chief executive said the company had accepted the pay offer.\n",
    ),
    (
        "different_objects",
        "Council decides\n\nThe city council approved the budget on Monday.\n\n"
        "The council rejected the harbour plan on the same day.\n",
    ),
    (
        "another_version_of_the_object",
        "Council decides\n\n"
        "The council rejected the harbour plan. The council approved a revised harbour plan.\n",
    ),
    (
        "figures_agree_with_their_verbs",
        "Firm reports results\n\n"
        "The firm said revenue rose to $11.1bn from $10.9bn. Costs fell from $4bn to $3.5bn.\n",
    ),
    (
        "objectless_refusal_about_something_else",
        "Council buys cinema\n\n"
        "The city council agreed to buy the cinema building for 90 million yen.\n\n"
        "Asked about the price, the council declined, saying it could not comment.\n",
    ),
    (
        "different_measures",
        "Retail sales\n\nSales at clothing stores rose by 0.3% in January.\n\n"
        "Sales at hardware stores fell by 0.3% in January.\n",
    ),
]


@pytest.mark.parametrize(("name", "text", "wrong", "right"), POSITIVE, ids=[c[0] for c in POSITIVE])
def test_flags_the_flipped_statement(name: str, text: str, wrong: str, right: str):
    findings = _findings(text)
    assert_single_fix(text, findings, wrong, right, FindingKind.POLARITY, name)


@pytest.mark.parametrize(("name", "text", "wrong", "right"), POSITIVE, ids=[c[0] for c in POSITIVE])
def test_the_fixed_article_is_clean(name: str, text: str, wrong: str, right: str):
    [finding] = _findings(text)
    assert _findings(_apply(text, finding)) == ()


@pytest.mark.parametrize(("name", "text"), NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_leaves_consistent_statements_alone(name: str, text: str):
    assert _findings(text) == (), name


def test_majority_cites_every_opposing_sentence():
    text = POSITIVE[1][1]
    [finding] = _findings(text)
    quoted = [e.span.text for e in finding.evidence]
    assert quoted == [
        "The harbour plan was approved by the city council on Monday.",
        "It was approved by the council after a long debate.",
    ]
    assert finding.confidence > 0.55


def test_tie_has_low_confidence():
    [finding] = _findings(POSITIVE[4][1])
    assert finding.confidence <= 0.55
