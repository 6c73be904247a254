"""QuoteCheck: statements given to the wrong speaker, or a speaker given the wrong side."""

from __future__ import annotations

import pytest
from finding_asserts import apply_fix, assert_single_fix

import corrigo
from corrigo.model import FindingKind


def _findings(text: str):
    return corrigo.check(text, checks=("quotes",)).findings


_apply = apply_fix


# (name, text, wrong words, suggestion)
POSITIVE = [
    (
        "exclusive_role_held_by_another",
        "Council approves levy\n\n"
        "Mayor Ines Carvalho, who proposed the levy in January, said the money would pay for new flats.\n\n"
        "Duarte Salgueiro, who leads the opposition group, said the levy would hurt small landlords.\n\n"
        '"Landlords will have until the end of June to register," said Duarte Salgueiro, the mayor.\n',
        "Duarte Salgueiro",
        "Ines Carvalho",
    ),
    (
        "role_held_by_another_and_speaker_known_as_something_else",
        "Harbour official jailed\n\n"
        "Prosecutor Eva Mulder had asked for five years in prison.\n\n"
        "Defence lawyer Joris Bakker said his client would appeal against the sentence.\n\n"
        '"This sentence shows that nobody at the port is above the law," '
        "said Joris Bakker, the prosecutor.\n",
        "Joris Bakker",
        "Eva Mulder",
    ),
    (
        "same_quote_two_speakers_surname_form",
        "Club sacks coach\n\n"
        "Club president Hector Ibarra said the board had voted to end the contract. "
        '"We needed a new voice in the dressing room after seven defeats," Ibarra said.\n\n'
        "Supporters protested outside the stadium on Sunday.\n\n"
        '"We needed a new voice in the dressing room after seven defeats," Sosa said.\n\n'
        "Pablo Sosa, the assistant coach, will take charge on Saturday.\n",
        "Sosa",
        "Ibarra",
    ),
    (
        "spokesperson_for_two_organisations",
        "Bank row\n\n"
        "Ann Lee, a spokeswoman for Barclays, said the bank would not comment.\n\n"
        "The bank's results are due next week. Ann Lee, a spokeswoman for Barclays, said the results "
        "would be on time.\n\n"
        "Later, Ann Lee, a spokeswoman for Lloyds, said the review was finished.\n",
        "Lloyds",
        "Barclays",
    ),
]

NEGATIVE = [
    (
        "each_role_with_its_holder",
        "Council approves levy\n\n"
        "Mayor Ines Carvalho, who proposed the levy in January, said the money would pay for new flats.\n\n"
        "Duarte Salgueiro, who leads the opposition group, said the levy would hurt small landlords.\n\n"
        '"Landlords will have until the end of June to register," said Ines Carvalho, the mayor.\n',
    ),
    (
        "deputy_is_another_role",
        "Council approves levy\n\nMayor Ines Carvalho said the money would pay for new flats.\n\n"
        "Paulo Reis, who leads the opposition group, criticised the plan.\n\n"
        '"Landlords will have until June," said Paulo Reis, the deputy mayor.\n',
    ),
    (
        "former_holder_of_the_role",
        "Minister resigns\n\nInterior Minister Maria Lopez said she would stay in politics.\n\n"
        '"We did what we had to do," said Juan Ortiz, the former interior minister, who is now an adviser.\n',
    ),
    (
        "different_ministries",
        "Cabinet meets\n\nInterior Minister Maria Lopez said the police budget would rise.\n\n"
        '"We will cut taxes," said Juan Ortiz, the finance minister.\n',
    ),
    (
        "same_quote_same_speaker",
        "Club sacks coach\n\n"
        '"We needed a new voice in the dressing room after seven defeats," '
        "said club president Hector Ibarra.\n\n"
        'Supporters protested on Sunday. "We needed a new voice in the dressing room after seven defeats," '
        "Ibarra said again.\n",
    ),
    (
        "two_spokesmen_of_one_agency",
        "Agency reviews crash\n\n"
        "Carl Jensen, a spokesman for the agency, said the agency was reviewing the decision.\n\n"
        "Mark Ortiz, a spokesman for the agency, said the review would take a month.\n",
    ),
    (
        "a_title_slip_is_left_to_the_slot_check",
        "Airline posts profit\n\n"
        "Chief executive Gonzalo Paredes said the airline carried 11 million passengers.\n\n"
        "Chief financial officer Lucia Ferrand said profits would pay down debt.\n\n"
        "Chief executive Lucia Ferrand also said the board would propose a dividend.\n\n"
        "Ferrand, who became chief financial officer in 2021, said the payout would be modest.\n",
    ),
]


@pytest.mark.parametrize(("name", "text", "wrong", "right"), POSITIVE, ids=[c[0] for c in POSITIVE])
def test_flags_the_misattribution(name: str, text: str, wrong: str, right: str):
    findings = _findings(text)
    f = assert_single_fix(text, findings, wrong, right, FindingKind.ATTRIBUTION, name)
    assert f.evidence and all(e.span.text in text for e in f.evidence)


@pytest.mark.parametrize(("name", "text", "wrong", "right"), POSITIVE, ids=[c[0] for c in POSITIVE])
def test_the_fixed_article_is_clean(name: str, text: str, wrong: str, right: str):
    [finding] = _findings(text)
    assert _findings(_apply(text, finding)) == ()


@pytest.mark.parametrize(("name", "text"), NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_leaves_consistent_attribution_alone(name: str, text: str):
    assert _findings(text) == (), name


def test_full_name_suggested_for_a_full_name():
    [finding] = _findings(POSITIVE[0][1])
    assert finding.suggestion == "Ines Carvalho"
    assert any("Mayor Ines Carvalho" in e.span.text for e in finding.evidence)
