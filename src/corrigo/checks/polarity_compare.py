"""Whether two polarity clauses speak of the same thing on the same occasion.

Decides when two clauses in different sentences may be set against each other: the same agent
and theme (one entity, or one head noun whose modifiers nest, a theme pronoun through its
antecedents), no different dates, speakers, time shifts or parts, a plan only against a plan
each told by its maker, direction verbs only with the same figures, and an agentless passive
or an objectless "declined" only where its family and context allow.
"""

from __future__ import annotations

from corrigo.analysis.lexicon import AGENTLESS_FAMILIES, VERSION_WORDS
from corrigo.checks.polarity_clauses import Clause
from corrigo.checks.polarity_refs import Ref

__all__ = ["comparable"]


def _same_ref(a: Ref, b: Ref) -> bool:
    """Two noun phrases name one thing: one entity key, or one head noun whose modifiers nest
    ("the council" / "Lisbon city council") without naming different versions ("revised plan")."""
    if a.pronoun or b.pronoun or (a.mods ^ b.mods) & VERSION_WORDS:
        return False
    if a.key and b.key and (a.key == b.key):
        return True
    if a.key and b.key and (a.key.startswith("person:") or b.key.startswith("person:")):
        return False
    if a.head != b.head:
        return False
    if not (a.mods <= b.mods or b.mods <= a.mods):
        return False
    return not (a.numbers and b.numbers and a.numbers != b.numbers)


def _same_measure(a: Clause, b: Clause) -> bool:
    """Direction verbs compare only with the same figures about identically described things:
    "sales rose 8%" and "sales at hardware stores fell 3%" are two different sales."""
    if not a.figures or a.figures != b.figures:
        return False
    for x, y in ((a.theme, b.theme), (a.agent, b.agent)):
        if (x is None) != (y is None):
            return False
        if x is not None and (x.pronoun or y.pronoun or x.head != y.head or x.mods != y.mods):
            return False
    return True


def _own_word(c: Clause) -> bool:
    """The clause's agent is the one the sentence reports it from: "Microsoft said it would...";
    a headline tells its subject's plan without a say-verb ("Norcom will appeal")."""
    if c.agent is None or c.agent.key is None:
        return False
    return c.speaker == c.agent.key or (c.sentence.headline and c.speaker is None)


def _agentless_passive(a: Clause, b: Clause, family: str) -> bool:
    """ "The plan was approved" (no agent) may be compared with "the council rejected the plan"."""
    if family in ("outcome", "gain"):
        return False
    if family.startswith("verb:"):
        # "Brown was arrested" / "Brown was not arrested": both passive, about one named person.
        return all(c.passive and c.agent is None and c.theme is not None and c.theme.key for c in (a, b))
    return any(c.passive and c.agent is None for c in (a, b)) and all(c.agent is not None or c.passive for c in (a, b))


def _theme_match(a: Ref, b: Ref) -> bool:
    if a.pronoun and b.pronoun:
        return False
    if a.pronoun:
        return any(_same_ref(x, b) for x in a.antecedents)
    if b.pronoun:
        return any(_same_ref(a, x) for x in b.antecedents)
    return _same_ref(a, b)


def comparable(a: Clause, b: Clause, family: str) -> bool:
    """True when ``a`` and ``b`` speak about the same agent and theme on the same occasion."""
    if a.sentence.index == b.sentence.index or a.shifted or b.shifted:
        return False
    if a.dates and b.dates and not (a.dates & b.dates):
        return False
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    if a.intent != b.intent or (a.intent and not (_own_word(a) and _own_word(b))):
        # A plan is compared only with a plan, each told by the one who makes it.
        return False
    if a.part != b.part:
        # "convicted of fraud" and "acquitted on four counts": a split verdict, not a contradiction.
        return False
    if family == "direction" and not _same_measure(a, b):
        return False
    agentless = family in AGENTLESS_FAMILIES
    agents_known = a.agent is not None and b.agent is not None
    if not agentless and agents_known and not _same_ref(a.agent, b.agent):
        return False
    agents_same = agents_known and not agentless and _same_ref(a.agent, b.agent)
    if not (agentless or agents_same or _agentless_passive(a, b, family)):
        return False
    if a.theme is not None and b.theme is not None:
        if not _theme_match(a.theme, b.theme):
            return False
        return agents_same or agentless or not (a.theme.pronoun or b.theme.pronoun)
    if a.theme is None and b.theme is None:
        # "Melcher has died" / "Melcher has not died": the same event verb about one named actor.
        return family.startswith("verb:") and agents_same and bool(a.agent.key or b.agent.key)
    # One side states no object: "the council declined" against "the council agreed to buy it".
    bare, full = (a, b) if a.theme is None else (b, a)
    if bare.frame != "bare" or family != "decide" or not agents_same or full.theme.pronoun:
        return False
    return full.theme.head in bare.context or bool(full.theme.mods & bare.context)
