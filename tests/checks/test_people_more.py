"""PeopleCheck: a newcomer's quote one paragraph on, titles the article contradicts, echoed ties."""

from __future__ import annotations

import corrigo
from corrigo.model import FindingKind


def _findings(text: str, **options):
    return corrigo.check(text, checks=("people",), use_index=False, **options).findings


def _variants(template: str) -> tuple[str, str, int]:
    head, rest = template.split("{", 1)
    pair, tail = rest.split("}", 1)
    wrong, right = pair.split("|")
    return head + wrong + tail, head + right + tail, len(head)


NEXT = (
    "River bursts its banks in Carlisle\n\n"
    "The River Eden burst its banks on Saturday night, flooding about 300 homes, the Environment Agency said.\n\n"
    '"We have never recorded the river this high in March," said Helen Carter, a hydrologist at the agency. '
    '"The ground was already full of water."\n\n'
    "Rescue crews used boats to reach people in the lower streets, and a school was opened as a shelter. "
    "James Walker, 67, a retired postman, waded through his kitchen as the water climbed the stairs.\n\n"
    '"The water came through the kitchen door and up the stairs in an hour," {Carter|Walker} said. '
    '"I have lived here forty years."\n\n'
    "The agency said levels would fall slowly over the weekend."
)


def test_quote_after_a_newcomer_closing_the_paragraph_given_to_an_earlier_speaker_is_flagged():
    corrupted, clean, at = _variants(NEXT)
    (f,) = _findings(corrupted)
    assert f.kind is FindingKind.ATTRIBUTION
    assert (f.span.start, f.span.text, f.suggestion) == (at, "Carter", "Walker")
    assert _findings(clean) == ()


def test_newcomer_who_speaks_elsewhere_does_not_take_the_quote():
    corrupted, _, _ = _variants(NEXT)
    text = corrupted.replace(
        "The agency said levels", "Walker said he would stay with his sister. The agency said levels"
    )
    assert _findings(text) == ()


def test_newcomer_not_closing_the_paragraph_does_not_take_the_quote():
    corrupted, _, _ = _variants(NEXT)
    text = corrupted.replace(
        "as the water climbed the stairs.", "as the water climbed the stairs. The army arrived at dawn."
    )
    assert _findings(text) == ()


SAME_SENTENCE = (
    "Leaders gather for the summit\n\n"
    "Mark Evans was sworn in as Canada's prime minister on Monday before a crowd of thousands.\n\n"
    "The ceremony drew leaders from across the region. Ireland's {President|Prime Minister} Peter Murphy "
    "came, becoming the first Irish prime minister to attend such a ceremony in Ottawa.\n\n"
    "The new government will meet for the first time on Wednesday."
)


def test_title_the_same_sentence_contradicts_is_flagged_in_its_own_case():
    corrupted, clean, at = _variants(SAME_SENTENCE)
    (f,) = _findings(corrupted)
    assert f.kind is FindingKind.ATTRIBUTION
    assert (f.span.start, f.span.text, f.suggestion) == (at, "President", "Prime Minister")
    assert corrupted[: f.span.start] + f.suggestion + corrupted[f.span.end :] == clean
    assert _findings(clean) == ()


def test_a_change_of_office_is_not_flagged():
    # "becoming the first ... prime minister" with nothing done as prime minister: a new office, not a slip.
    corrupted, _, _ = _variants(SAME_SENTENCE)
    text = corrupted.replace(" to attend such a ceremony in Ottawa", " in twenty years")
    assert _findings(text) == ()


def test_first_of_a_kind_that_is_no_office_is_not_flagged():
    corrupted, _, _ = _variants(SAME_SENTENCE)
    text = corrupted.replace("the first Irish prime minister to attend", "the first woman to attend")
    assert _findings(text) == ()


EXCLUSIVE = (
    "Brewer agrees takeover\n\n"
    "Hollow Oak Brewing agreed on Tuesday to be bought by a rival for 90 million pounds.\n\n"
    '"It is a fair price for a fine business," said Richard Hughes, the chairman of the board.\n\n'
    "{Chairman|Chief executive} Susan Clarke told staff that no jobs would go. Clarke, the chief executive, "
    "has run the brewer since 2015.\n\n"
    "Susan Clarke, the chief executive, will stay on for a year. Hughes will step down when the deal closes."
)


def test_exclusive_title_given_to_a_second_person_is_flagged_with_their_other_title():
    corrupted, clean, at = _variants(EXCLUSIVE)
    (f,) = _findings(corrupted)
    assert f.kind is FindingKind.ATTRIBUTION
    assert (f.span.start, f.span.text, f.suggestion) == (at, "Chairman", "Chief executive")
    assert _findings(clean) == ()


def test_exclusive_title_with_no_other_title_to_prefer_is_not_flagged():
    corrupted, _, _ = _variants(EXCLUSIVE)
    text = corrupted.replace(" Clarke, the chief executive, has run the brewer since 2015.", "")
    assert _findings(text) == ()


TIE = (
    "Storm hits the coast\n\n"
    "A storm brought winds of 90mph to the south coast on Sunday, cutting power to 40,000 homes.\n\n"
    '"We sat in the cellar with two neighbours and a radio while the roof went," said Paul Wright, 58, who stayed in '
    'his cottage on the cliff. "It sounded like a train."\n\n'
    "Forecasters said the worst had passed by the evening.\n\n"
    '"Everyone watches the gusts, but the tide floods the houses," said Paul Wright, a forecaster at the Met '
    "Office. "
    '"Keep away from the front."\n\n'
    "Crews worked through the night to restore power.\n\n"
    "Engineers said most homes would be reconnected by Tuesday.\n\n"
    'Harris said he would sleep in the cellar again. "The dog liked it better than I did," he said.'
)


def test_tie_told_apart_by_what_a_left_over_surname_echoes():
    (f,) = _findings(TIE)
    assert f.kind is FindingKind.ATTRIBUTION
    assert (f.span.start, f.suggestion) == (TIE.index("Paul Wright, 58"), "Harris")


def test_tie_with_no_echo_flags_the_later_with_lower_confidence():
    text = TIE.replace(
        'Harris said he would sleep in the cellar again. "The dog liked it better than I did," he said.', ""
    )
    (f,) = _findings(text)
    assert f.span.start == text.index("Paul Wright, a forecaster") and f.suggestion is None and f.confidence < 0.6


UNTAGGED = (
    "Harriers beat Rovers in the cup\n\n"
    "Harriers won the cup final 2-1 on Sunday with a goal in the last minute.\n\n"
    "Pieter Vos, 52, a coach driver from the town, said he would frame his ticket. "
    '"We sang the whole way home," said Vos.\n\n'
    "Ines DeSouza-Pratt, a member of the supporters' club who has followed Rovers for 30 years, "
    'blamed the referee. "Thirty years I have stood in that stand, and it ends like this," said {Vos|DeSouza-Pratt}.'
)


def test_a_newcomer_the_tagger_missed_is_read_from_how_copy_introduces_her():
    # "Name, a ... who ..." introduces a person whether or not the tagger labels the name.
    corrupted, clean, at = _variants(UNTAGGED)
    (f,) = _findings(corrupted)
    assert f.kind is FindingKind.ATTRIBUTION
    assert (f.span.start, f.span.text, f.suggestion) == (at, "Vos", "DeSouza-Pratt")
    assert _findings(clean) == ()
