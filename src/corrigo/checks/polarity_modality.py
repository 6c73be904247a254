"""Whether a clause states a fact, a plan, or neither.

Reads the verb's auxiliaries and the words that govern it and decides: a clause is asserted
unless it carries a modal or an infinitive marker ("will reject", "to approve"), hangs on a
condition ("if the council rejects"), or is the complement of a wish, claim, denial or plan
("denied that it had approved"); a clause after "after", "because", "although" or "now that",
and a relative clause, is taken as given. A plan stated with "will"/"would" and otherwise
asserted ("said it would not appeal") is told apart, so that it is compared only with another
stated plan.
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.lexicon import NONFACTIVE_NOUNS, NONFACTIVE_VERBS

__all__ = ["INTENT_MODALS", "MODALS", "asserted", "is_intent", "vote_outcome"]


MODALS = {
    "will",
    "would",
    "may",
    "might",
    "could",
    "should",
    "must",
    "can",
    "shall",
    "wo",
    "ca",
    "'ll",
    "'d",
}
_CONDITION_MARKS = {"if", "unless", "whether", "once", "until", "lest", "till"}
# A clause these introduce is taken as given, whatever governs it: "now that the council had
# rejected it", "after the strike went ahead", "although officials had issued a warning".
_FACTIVE_MARKS = {"after", "because", "since", "although", "though", "as", "while", "when", "whereas"}
INTENT_MODALS = {"will", "would", "wo", "'ll"}


def is_intent(verb: Any) -> bool:
    """ "Microsoft said it would not appeal", "the union says it will strike": a plan stated with
    "will"/"would" and otherwise asserted (no condition, no "would have", no denial above it).
    Such a clause is compared only with another stated plan of the same agent, told by that agent."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not any(a.lower_ in INTENT_MODALS for a in aux):
        return False
    if any(a.lower_ in MODALS - INTENT_MODALS or a.lemma_ == "have" or a.lower_ == "to" for a in aux):
        return False
    if any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in c.children)
        for c in verb.children
    ):
        return False  # "would not appeal if the tribunal refused": a plan on a condition
    return asserted(verb, own_modal=True)


def asserted(verb: Any, own_modal: bool = False) -> bool:
    """False for a modal, an infinitive, a condition, or a clause under a non-factive word.

    "will reject", "to approve", "if the council rejects", "denied that it had approved",
    "hopes the board will back", "claims that the firm had closed", "hopes this will lead to a
    bid being accepted" are not statements of fact. Relative clauses and clauses after "after",
    "because", "although", "now that" are taken as given. A verb that "voted to approve" names
    is the vote's outcome and counts.
    """
    node = verb
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and _irrealis(node) and not (own_modal and node.i == verb.i):
            return False
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in node.children):
            return False
        if _factive_mark(node) or (node.dep_ == "relcl" and node.i != verb.i):
            return True
        if node.dep_ in ("csubj", "csubjpass", "amod"):
            return False
        head = node.head
        if head.i == node.i:
            return True
        if _under_nonfactive(node):
            return False
        node = head
    return True


def _factive_mark(node: Any) -> bool:
    for c in node.children:
        if c.dep_ == "mark" and (
            c.lower_ in _FACTIVE_MARKS or c.lower_ == "that" and c.i > 0 and c.doc[c.i - 1].lower_ == "now"
        ):
            return True
    return False


def _under_nonfactive(node: Any) -> bool:
    """``node`` is the complement of a wish, claim, denial or plan: "denied that ...", "the claim
    that ...", "hopes the board ...". A relative clause or a participle ("the plan approved by")
    describes its noun and is not a complement."""
    head = node.head
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX") and lemma in NONFACTIVE_VERBS:
        return node.dep_ in ("ccomp", "xcomp", "advcl", "pcomp", "parataxis") and not vote_outcome(node)
    if head.pos_ in ("NOUN", "PROPN") and lemma in NONFACTIVE_NOUNS:
        return node.dep_ == "ccomp" or (node.dep_ == "acl" and any(c.dep_ == "mark" for c in node.children))
    return False


def _irrealis(verb: Any) -> bool:
    """A modal or an infinitive marker on the verb: "will close", "to approve"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in MODALS for a in aux):
        return True
    return any(a.lower_ == "to" for a in aux) and not vote_outcome(verb)


def vote_outcome(verb: Any) -> bool:
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "vote"
