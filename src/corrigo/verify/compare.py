"""Comparing one claim frame with one evidence frame: values, slots, anchors and periods.

Two frames are *aligned* when their predicates name the same event (same lemma or a listed
near-synonym) and they share what the event is about (the same patient or agent: an entity named
in both, or the same thing — "its Asia-Pacific headquarters" and "the group's Asia-Pacific hub").
For an aligned pair every slot of the claim is then matched, in conflict, missing from the
evidence, or not comparable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from corrigo.analysis.lexicon import SENSES
from corrigo.verify.frames import Arg, ArgRole, Frame, FrameKind, Value, ValueKind
from corrigo.verify.lexicon import country_relation, predicate_class

__all__ = [
    "Alignment",
    "Rel",
    "align",
    "frame_period",
    "noun_identity",
    "opposed_predicates",
    "periods_overlap",
    "relate",
    "same_entity",
]

# Words after which a name is the same organisation: "Amnesty" is "Amnesty International".
_ORG_SUFFIXES = {
    "international",
    "inc",
    "ltd",
    "plc",
    "llc",
    "group",
    "corp",
    "corporation",
    "co",
    "company",
    "holdings",
    "limited",
    "sa",
    "ag",
    "gmbh",
    "nv",
}
# Modifiers that say "not the one you mean": "other offices", "a new headquarters".
_DISTINGUISHING = {"other", "another", "different", "separate", "new", "former", "old", "second", "rival"}
_POINT_PREPS = {"", "in", "on", "at", "by", "during", "of"}
# A present-tense state in an undated sentence holds around the date of its document.
STATE_WINDOW = dt.timedelta(days=180)


class Rel(Enum):
    MATCH = "match"
    CONFLICT = "conflict"
    UNKNOWN = "unknown"  # not comparable: a noun against a name, a town against its country
    MISSING = "missing"  # the evidence frame does not fill the slot


def same_entity(a: str, b: str) -> bool:
    """Whether two entity keys, from two documents, name one entity.

    "org:amnesty" and "org:amnesty international" do; "person:callamard" and
    "person:agnes callamard" do; "place:hong kong" and "place:beijing" do not. A name tagged as
    an organisation in one document and a place in the other is still one name.

    >>> same_entity("org:amnesty", "org:amnesty international"), same_entity("org:hong kong", "org:hong kong union")
    (True, False)
    """
    fa, _, na = a.partition(":")
    fb, _, nb = b.partition(":")
    if na == nb:
        return True
    if fa != fb:
        return False
    wa, wb = na.split(), nb.split()
    if not wa or not wb:
        return False
    if fa == "org":
        short, long = sorted((wa, wb), key=len)
        return long[: len(short)] == short and set(long[len(short) :]) <= _ORG_SUFFIXES
    if fa == "person":
        return wa[-1] == wb[-1] and (len(wa) == 1 or len(wb) == 1 or wa[0] == wb[0])
    return False


def noun_identity(c: Value, e: Value) -> int:
    """How surely two noun phrases name one thing: 2 (same thing), 1 (same kind), 0 (no).

    The head nouns must be the same or near-synonyms (the noun or what the text also calls it:
    "the regional office, which served as the group's Asia-Pacific hub"); owners, where both are
    known, must be one entity; modifiers must not disagree ("regional" vs "local"). Shared
    modifiers ("Asia-Pacific", "national security") make it the same thing.
    """
    best = 0
    for x in (c, *c.aliases):
        for y in (e, *e.aliases):
            if x.key != y.key:
                continue
            if x.owner and y.owner and not same_entity(x.owner, y.owner):
                continue
            qx, qy = x.quals, y.quals
            if (qx | qy) & _DISTINGUISHING:
                continue
            if qx and qy and not (qx <= qy or qy <= qx):
                continue
            strong = bool(qx & qy) or (
                x.definite and y.definite and not x.plural and not y.plural and bool(x.owner and y.owner)
            )
            best = max(best, 2 if strong else 1)
    return best


def relate(c: Value, e: Value) -> Rel:
    """MATCH, CONFLICT or UNKNOWN for one claim value against one evidence value."""
    if c.kind is not e.kind:
        return Rel.UNKNOWN
    if c.kind is ValueKind.ENTITY:
        if same_entity(c.key, e.key):
            return Rel.MATCH
        if c.family != e.family or c.family == "norp":
            return Rel.UNKNOWN
        if c.family == "place" and (c.region or e.region):
            # "in China" and "in Beijing" can both be true; "in Germany" and "in Sweden" cannot.
            if c.region and e.region:
                relation = country_relation(c.span.text, e.span.text)
                if relation == "same":
                    return Rel.MATCH
                if relation == "different":
                    return Rel.CONFLICT
            return Rel.UNKNOWN
        return Rel.CONFLICT
    if c.kind is ValueKind.NUMBER:
        qc, qe = c.quantity, e.quantity
        if qc is None or qe is None or (qc.unit != qe.unit and None not in (qc.unit, qe.unit)):
            return Rel.UNKNOWN
        return Rel.MATCH if qc.compatible(qe) else Rel.CONFLICT
    if c.kind is ValueKind.DATE:
        if c.period is None or e.period is None:
            return Rel.UNKNOWN
        return Rel.MATCH if periods_overlap(c.period, e.period) else Rel.CONFLICT
    return Rel.MATCH if noun_identity(c, e) else Rel.UNKNOWN


def anchor_strength(c: Value, e: Value) -> int:
    """How much a matched value says the two frames are about the same thing (0-2)."""
    if c.kind is ValueKind.ENTITY and e.kind is ValueKind.ENTITY and same_entity(c.key, e.key):
        return 2 if c.literal and e.literal else 1
    if c.kind is ValueKind.NOUN and e.kind is ValueKind.NOUN:
        return noun_identity(c, e)
    return 0


def periods_overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass(frozen=True, slots=True)
class Alignment:
    """A claim frame against an evidence frame, slot by slot."""

    claim: Frame
    evidence: Frame
    slots: dict[tuple[ArgRole, str], Rel]
    strength: dict[tuple[ArgRole, str], int]  # anchor strength of the matched slots
    opposed: bool = False  # the predicates are opposites in one family ("approve" / "reject")

    def conflicts(self) -> list[tuple[ArgRole, str]]:
        return [s for s, r in self.slots.items() if r is Rel.CONFLICT]

    def matched(self) -> list[tuple[ArgRole, str]]:
        return [s for s, r in self.slots.items() if r is Rel.MATCH]

    def anchor(self, role: ArgRole) -> int:
        return self.strength.get((role, ""), 0)


def align(claim: Frame, evidence: Frame) -> Alignment | None:
    """Compare two frames slot by slot, or None when their predicates neither name the same event
    nor oppose each other ("approved" / "rejected": ``Alignment.opposed``)."""
    opposed = False
    if not _same_predicate(claim, evidence):
        opposed = opposed_predicates(claim.predicate, evidence.predicate)
        if not opposed:
            return None
    slots: dict[tuple[ArgRole, str], Rel] = {}
    strength: dict[tuple[ArgRole, str], int] = {}
    for slot in claim.slots:
        role, prep = slot
        cargs = [a for a in claim.args if a.slot == slot]
        eargs = [a for a in evidence.args if a.slot == slot]
        if role is ArgRole.TIME:
            # "from 2018" and "until 2019" bound a period; only dates of one occasion are compared.
            cargs = [a for a in cargs if a.prep in _POINT_PREPS]
            eargs = [a for a in eargs if a.prep in _POINT_PREPS]
            if not cargs:
                continue
        if not eargs and role is ArgRole.AGENT and _owned_by(evidence, cargs):
            # "the group's regional office will close": who closes it is its owner.
            slots[slot], strength[slot] = Rel.MATCH, 1
            continue
        if not eargs:
            slots[slot] = Rel.MISSING
            continue
        slots[slot], strength[slot] = _slot_relation(cargs, eargs)
    return Alignment(claim, evidence, slots, strength, opposed)


def _owned_by(evidence: Frame, agents: list[Arg]) -> bool:
    owners = [
        v.owner
        for a in evidence.args
        if a.role is ArgRole.PATIENT
        for v in (a.value, *a.value.aliases)
        if v.owner is not None
    ]
    return (
        len(agents) == 1
        and agents[0].value.kind is ValueKind.ENTITY
        and any(same_entity(agents[0].value.key, o) for o in owners)
    )


def _slot_relation(cargs: list[Arg], eargs: list[Arg]) -> tuple[Rel, int]:
    per_value = []
    best = 0
    for ca in cargs:
        rels = [relate(ca.value, ea.value) for ea in eargs]
        if Rel.MATCH in rels:
            per_value.append(Rel.MATCH)
            best = max(
                best,
                max(anchor_strength(ca.value, ea.value) for ea, r in zip(eargs, rels, strict=True) if r is Rel.MATCH),
            )
        elif all(r is Rel.CONFLICT for r in rels):
            per_value.append(Rel.CONFLICT)
        else:
            per_value.append(Rel.UNKNOWN)
    if all(r is Rel.MATCH for r in per_value):
        return Rel.MATCH, best
    # "X and Y imposed it" against "X imposed it" is not a contradiction: only a single value conflicts.
    if len(cargs) == 1 and per_value == [Rel.CONFLICT]:
        return Rel.CONFLICT, 0
    return Rel.UNKNOWN, 0


def opposed_predicates(a: str, b: str) -> bool:
    """Two predicates with opposite signs in one family of the polarity table: "approve" and
    "reject", "admit" and "deny", "win" and "lose", "agree" and "decline"."""
    for sa in SENSES.get(a, ()):
        for sb in SENSES.get(b, ()):
            if sa.family == sb.family and sa.sign != sb.sign:
                return True
    return False


def _same_predicate(a: Frame, b: Frame) -> bool:
    if a.kind is FrameKind.ROLE or b.kind is FrameKind.ROLE:
        return a.kind is b.kind
    return predicate_class(a.predicate) == predicate_class(b.predicate)


def frame_period(frame: Frame, window: dt.timedelta = STATE_WINDOW) -> tuple[dt.date, dt.date] | None:
    """The period a state frame speaks of, or None when it cannot be placed.

    Explicit dates win: "from 2018 until December 2019", "since 1982", "became ... in March 2021"
    (from then to the document's date). An undated present-tense state holds around the date of
    its text (``window`` either side; a claim uses none: it speaks of its article's date); an
    undated past-tense one ("was secretary general") at some unknown earlier time.
    """
    start = end = None
    for a in frame.args:
        if a.role is not ArgRole.TIME or a.value.period is None:
            continue
        lo, hi = a.value.period
        if a.prep in ("from", "since"):
            start = lo
        elif a.prep in ("until", "till", "to", "through"):
            end = hi
        else:
            start = start or lo
            end = end or hi
    ref = frame.ref_date
    if frame.predicate.startswith("become") and start is not None:
        end = max(start, ref) if ref is not None else end
    if start is None and end is None:
        if frame.past or ref is None:
            return None
        return ref - window, ref + window
    if start is None:
        start = dt.date.min
    if end is None:
        end = ref if ref is not None and ref >= start else dt.date.max
    return start, end
