"""The frame record: argument roles, values, arguments and frames, and the period a date covers.

These are the types :func:`corrigo.verify.frames.extract_frames` builds and the comparison code
reads; they hold data only and know nothing of the parser.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from corrigo.analysis.dates import DateValue, Precision
from corrigo.analysis.numbers import Quantity
from corrigo.model import Span

__all__ = ["Arg", "ArgRole", "Frame", "FrameKind", "Mood", "Value", "ValueKind", "period"]


class ArgRole(Enum):
    AGENT = "agent"
    PATIENT = "patient"
    LOC = "loc"
    TIME = "time"
    AMOUNT = "amount"
    PREP = "prep"


class ValueKind(Enum):
    ENTITY = "entity"
    NUMBER = "number"
    DATE = "date"
    NOUN = "noun"


class Mood(Enum):
    ASSERTED = "asserted"  # "Beijing imposed the law"
    PLANNED = "planned"  # "Amnesty plans to close", "it would close", "to close" in a headline
    HEDGED = "hedged"  # "critics claim that ...", "it may close": not asserted, never compared


class FrameKind(Enum):
    EVENT = "event"
    STATE = "state"  # "is headquartered in", "leads": true for a period
    ROLE = "role"  # a person holding a title


@dataclass(frozen=True, slots=True)
class Value:
    """One argument's value and the words that state it (offsets into the analysed text)."""

    kind: ValueKind
    key: str  # entity key ("place:hong kong"), noun class ("law"), or the number/date as written
    span: Span
    literal: bool = True  # False when the words only refer to the value ("it", "the city")
    family: str = ""  # entities: place, org, person, norp
    quantity: Quantity | None = None
    period: tuple[dt.date, dt.date] | None = None  # dates: first and last day
    quals: frozenset[str] = frozenset()  # nouns: modifiers ("national", "security", "asia pacific")
    owner: str | None = None  # nouns: entity key of the possessor ("its" -> the organisation)
    aliases: tuple[Value, ...] = ()  # nouns: what the text also calls it ("the office, its Asia hub")
    definite: bool = False
    plural: bool = False
    region: bool = False  # a country or region: contains towns rather than excluding them
    named: bool = False  # a name, or a noun a name picks out ("the Kerrigan bridge")


@dataclass(frozen=True, slots=True)
class Arg:
    role: ArgRole
    value: Value
    prep: str = ""  # for PREP and TIME: the preposition ("on", "from", "until")

    @property
    def slot(self) -> tuple[ArgRole, str]:
        """Arguments that can be compared: a preposition's object by preposition, a figure by its
        unit ("9 of the 45 seats, or 20 percent": a count and a percentage are two slots)."""
        if self.role is ArgRole.PREP:
            return (self.role, self.prep)
        if self.role is ArgRole.AMOUNT and self.value.quantity is not None:
            return (self.role, self.value.quantity.unit or "")
        return (self.role, "")


@dataclass(frozen=True, slots=True)
class Frame:
    """A predicate with its arguments, as one sentence states it."""

    predicate: str
    kind: FrameKind
    mood: Mood
    negated: bool
    anchor: Span  # the verb, or the title of a ROLE frame
    verb_group: Span  # auxiliaries, negation and verb: "did not approve", "has not been publicly singled"
    args: tuple[Arg, ...]
    sentence: Span
    ref_date: dt.date | None  # the date the text speaks from (article or passage date)
    past: bool = False  # a state told in the past tense ("was secretary general"): over before ref_date
    tag: str = ""  # the verb's Penn tag, to write a replacement verb in the claim's form

    def values(self, role: ArgRole, prep: str = "") -> list[Value]:
        return [a.value for a in self.args if a.slot == (role, prep)]

    @property
    def slots(self) -> list[tuple[ArgRole, str]]:
        seen: list[tuple[ArgRole, str]] = []
        for a in self.args:
            if a.slot not in seen:
                seen.append(a.slot)
        return seen


def period(value: DateValue) -> tuple[dt.date, dt.date]:
    """First and last day of the period a date names ("2020" -> 1 Jan to 31 Dec 2020)."""
    d = value.date
    if value.precision is Precision.DAY:
        return d, d
    if value.precision is Precision.MONTH:
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return d, nxt - dt.timedelta(days=1)
    return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
