"""The decision rules of the alignment verifier: when an aligned pair of frames, or two slot
facts, refute a claim or support it.

Each rule names the pattern it handles. All of them need a genuinely aligned frame — the same
predicate (or its opposite, for "approved" / "rejected"), an anchor both texts name, exactly one
slot in conflict — and compare states only for the same period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.facts import Fact
from corrigo.analysis.lexicon import NEGATION_SKIP_VERBS, SENSES, phrase_inflect
from corrigo.analysis.places import is_region
from corrigo.evidence import Passage
from corrigo.model import Span
from corrigo.verify.base import ClaimContext
from corrigo.verify.compare import STATE_WINDOW, Alignment, Rel, frame_period, periods_overlap, same_entity
from corrigo.verify.frames import ArgRole, Frame, FrameKind, Mood, ValueKind
from corrigo.verify.lexicon import EXCLUSIVE_TITLES, ONCE_PREDICATES, OPEN_PREPS, country_relation, predicate_class

__all__ = [
    "ParsedPassage",
    "Refutation",
    "compare_facts",
    "confirmed",
    "refutable",
    "refute",
    "source_name",
    "supports",
]

# Predicates where swapping who acts and who is acted on changes the fact ("A acquired B").
_ASYMMETRIC = {"beat", "defeat", "acquire", "buy", "sue", "sack", "fire", "replace", "succeed", "invade", "arrest"}
# How far apart two undated texts may be for an event's place or figure to be the same occasion's.
_SAME_OCCASION = dt.timedelta(days=366)
_SAME_COUNT = dt.timedelta(days=31)
_CONFIDENCE = {ArgRole.LOC: 0.8, ArgRole.AGENT: 0.8, ArgRole.TIME: 0.75, ArgRole.AMOUNT: 0.75, ArgRole.PREP: 0.7}
_FACT_CONFIDENCE = {"base": 0.75, "leave": 0.65, "start": 0.75}


@dataclass(frozen=True, slots=True)
class ParsedPassage:
    """A passage's parse: its frames (with their sentences) and slot facts.

    The parsed text is the document's title, a blank line, then the passage — the title tells
    whom "it" and "the group" stand for in a passage that never names them — so every span is
    ``offset`` characters after its place in the passage.
    """

    analysis: Analysis
    frames: tuple[tuple[Frame, Sentence], ...]
    facts: tuple[Fact, ...]
    offset: int

    def local(self, span: Span) -> Span:
        """A span of the parsed text as a span of the passage."""
        return Span(span.start - self.offset, span.end - self.offset, span.text)


@dataclass(frozen=True, slots=True)
class Refutation:
    """One wrong value found by a rule, before it becomes a :class:`~corrigo.verify.base.Correction`."""

    wrong: Span  # article offsets
    suggestion: str  # replaces wrong.text
    right: Span | None  # passage offsets: the value's words (None when the suggestion is composed)
    sentence: Span  # passage offsets: the evidence sentence
    passage: Passage
    confidence: float
    explanation: str
    matched: int = 0  # slots the evidence agrees on: with equal confidence, the fuller statement wins


# ---------------------------------------------------------------------------------------------
# aligned frames


def confirmed(al: Alignment) -> set[tuple[int, int]]:
    """Claim values an aligned evidence frame states too (with an anchor other than that value)."""
    out = set()
    for slot in al.matched():
        others = [s for s in al.matched() if s != slot and s[0] in (ArgRole.AGENT, ArgRole.PATIENT)]
        if any(al.strength.get(s, 0) >= 2 for s in others):
            for a in al.claim.args:
                if a.slot == slot:
                    out.add((a.value.span.start, a.value.span.end))
    return out


def _period_check(al: Alignment) -> tuple[bool, float]:
    """Whether a state claim and a state in the evidence speak of the same period; and the
    confidence lost when one of them cannot be placed in time."""
    claim_period = frame_period(al.claim, window=dt.timedelta(0))
    evidence_period = frame_period(al.evidence)
    if evidence_period is None:
        if al.evidence.past:
            return False, 0.0  # "was secretary general", no dates: at some earlier time
        return True, 0.1
    if claim_period is None:
        return True, 0.1
    return periods_overlap(claim_period, evidence_period), 0.0


def _near(a: dt.date | None, b: dt.date | None, gap: dt.timedelta) -> bool | None:
    if a is None or b is None:
        return None
    return abs(a - b) <= gap


def refute(
    al: Alignment, ctx: ClaimContext, passage: Passage, esent: Sentence, parsed: ParsedPassage
) -> Refutation | None:
    """The refutation an aligned pair of frames makes, if any.

    One conflicting slot, by role: another holder of a one-holder title (``ROLE``); the same
    named thing in another place (``LOC``); another actor or date for an event that happens once
    to a thing (``AGENT``, ``TIME``: "imposed ... by Hong Kong"); another figure for the same count
    at the same time (``AMOUNT``); another object of a fixed preposition. No conflict but opposite
    polarity: negation or an antonym. Two conflicts that are each other's values: a role swap.
    Hedged frames never refute; a plan only on where the thing it acts on is.
    """
    c, e = al.claim, al.evidence
    if Mood.HEDGED in (c.mood, e.mood):
        return None
    penalty = 0.0
    if FrameKind.STATE in (c.kind, e.kind) or c.kind is FrameKind.ROLE:
        ok, penalty = _period_check(al)
        if not ok:
            return None
    conflicts = al.conflicts()
    if al.opposed:
        return None if conflicts else _antonym(al, passage, esent, parsed)
    if not conflicts:
        return _negation(al, passage, esent, parsed)
    if len(conflicts) == 2:
        return _swap(al, ctx, passage, esent, parsed)
    if len(conflicts) != 1 or c.negated != e.negated:
        return None
    slot = conflicts[0]
    role, prep = slot
    cval = next(a.value for a in c.args if a.slot == slot)
    evals = [a.value for a in e.args if a.slot == slot]
    if not cval.literal or not evals or not all(v.literal for v in evals):
        return None  # the wrong words must be the value's own words, and so must the suggestion
    if len(evals) > 1:
        return None  # "offices in Hong Kong and Macau": which one would replace the claim's?
    eval_ = evals[0]
    patient = al.anchor(ArgRole.PATIENT)
    agent_rel = al.slots.get((ArgRole.AGENT, ""))
    once = predicate_class(c.predicate) in ONCE_PREDICATES
    planned = Mood.PLANNED in (c.mood, e.mood)
    if c.kind is FrameKind.ROLE:
        # Another holder of a one-holder title of the same organisation, at the same time.
        title = c.values(ArgRole.PATIENT)[0]
        etitle = e.values(ArgRole.PATIENT)[0]
        if role is not ArgRole.AGENT or patient < 1 or title.key not in EXCLUSIVE_TITLES:
            return None
        if not (title.owner and etitle.owner and same_entity(title.owner, etitle.owner)):
            return None
        confidence = 0.7
    elif role is ArgRole.LOC:
        # The same thing (its Asia-Pacific headquarters, the heavy harbour cranes) somewhere else,
        # on the same occasion. "Offices" without a word saying which are not one thing.
        cpat, epat = c.values(ArgRole.PATIENT), e.values(ArgRole.PATIENT)
        if patient < 2 or not cpat or not epat or (cpat[0].plural and not (cpat[0].definite and epat[0].definite)):
            return None
        if al.slots.get((ArgRole.TIME, "")) is not Rel.MATCH:
            near = _near(c.ref_date, e.ref_date, _SAME_OCCASION)
            if near is False:
                return None
            penalty += 0.1 if near is None else 0.0
        confidence = _CONFIDENCE[role]
    elif planned:
        return None  # a plan's actor, date or figure can change; only where its object is can be checked
    elif role is ArgRole.AGENT:
        if patient < 2 or not once:
            return None
        confidence = _CONFIDENCE[role]
    elif role is ArgRole.TIME:
        if patient < 2 or not once or agent_rel not in (None, Rel.MATCH, Rel.MISSING):
            return None
        confidence = _CONFIDENCE[role]
    elif role is ArgRole.AMOUNT:
        # The same count: who did it named in both, or the same thing counted with another of its
        # figures agreeing ("destroyed about 12,000 hectares, or roughly 35 percent").
        other_figure = any(s[0] is ArgRole.AMOUNT for s in al.matched())
        if patient < 1 and not (al.claim.values(ArgRole.AMOUNT) and other_figure):
            return None
        if al.anchor(ArgRole.AGENT) < 2 and not (other_figure and len(al.matched()) >= 3):
            return None
        if al.slots.get((ArgRole.TIME, "")) is not Rel.MATCH:
            near = _near(c.ref_date, e.ref_date, _SAME_COUNT)
            if near is False:
                return None  # a count from another month is another count
            penalty += 0.1 if near is None else 0.0
        confidence = _CONFIDENCE[role]
    elif role is ArgRole.PREP and prep not in OPEN_PREPS:
        if patient < 2 or not once or agent_rel is not Rel.MATCH:
            return None
        confidence = _CONFIDENCE[role]
    else:
        return None
    if any(0 < s < 2 for s in al.strength.values()):
        penalty += 0.05  # an anchor matched only through "it" or "the group"
    if len(al.matched()) < 2 and c.kind is not FrameKind.ROLE and not (once and _named_patient(al)):
        # One matched slot is a coincidence, unless it is a named thing an event happens to once:
        # "the Kerrigan bridge was designed by X". "The national security law imposed by Macau"
        # is not refuted by "Beijing imposed the national security law on Hong Kong".
        return None
    explanation = (
        f"{source_name(passage)} gives {eval_.span.text!r} {_what(role, prep, c)}{_dates(e)}; "
        f"the article says {cval.span.text!r}."
    )
    return Refutation(
        cval.span,
        eval_.span.text,
        parsed.local(eval_.span),
        parsed.local(esent.span),
        passage,
        confidence - penalty,
        explanation,
        len(al.matched()),
    )


def refutable(frame: Frame) -> bool:
    """Whether any rule could refute this claim frame: it names an entity, a figure or a date in
    its own words, gives a one-holder title, or could be negated or flipped ("did not approve")."""
    if frame.kind is FrameKind.ROLE:
        return any(t.key in EXCLUSIVE_TITLES for t in frame.values(ArgRole.PATIENT))
    if frame.negated or frame.predicate.split()[0] in SENSES:
        return True
    return any(a.value.literal and a.value.kind is not ValueKind.NOUN and a.value.family != "norp" for a in frame.args)


def _named_patient(al: Alignment) -> bool:
    cpat, epat = al.claim.values(ArgRole.PATIENT), al.evidence.values(ArgRole.PATIENT)
    return (
        al.anchor(ArgRole.PATIENT) >= 2
        and len(cpat) == len(epat) == 1
        and cpat[0].named
        and epat[0].named
        and cpat[0].literal
        and epat[0].literal
    )


def _negation(al: Alignment, passage: Passage, esent: Sentence, parsed: ParsedPassage) -> Refutation | None:
    """The same statement, negated: every slot of the claim matched, one side says "not"."""
    c, e = al.claim, al.evidence
    if c.negated == e.negated or c.predicate != e.predicate or c.predicate.split()[0] in NEGATION_SKIP_VERBS:
        return None
    if Mood.ASSERTED not in (c.mood,) or e.mood is not Mood.ASSERTED:
        return None
    if any(r is not Rel.MATCH for r in al.slots.values()) or len(al.matched()) < 2:
        return None
    if max(al.anchor(ArgRole.AGENT), al.anchor(ArgRole.PATIENT)) < 2:
        return None
    what = "denies" if e.negated else "states"
    explanation = (
        f"{source_name(passage)} {what} it: {e.verb_group.text!r}{_dates(e)}; the article says {c.verb_group.text!r}."
    )
    return Refutation(
        c.verb_group, e.verb_group.text, parsed.local(e.verb_group), parsed.local(esent.span), passage, 0.7, explanation
    )


def _antonym(al: Alignment, passage: Passage, esent: Sentence, parsed: ParsedPassage) -> Refutation | None:
    """The same statement with the opposite predicate: "the committee approved the application"
    against "the committee rejected the application". Every slot of the claim must match."""
    c, e = al.claim, al.evidence
    if c.mood is not Mood.ASSERTED or e.mood is not Mood.ASSERTED or c.negated or e.negated:
        return None
    if " " in c.predicate or " " in e.predicate or not c.tag.startswith("VB"):
        return None  # a phrasal verb's particle would be left behind by a one-word replacement
    if not al.slots or any(r is not Rel.MATCH for r in al.slots.values()):
        return None
    if max(al.anchor(ArgRole.AGENT), al.anchor(ArgRole.PATIENT)) < 2 or len(al.matched()) < 2:
        return None
    suggestion = phrase_inflect(e.predicate, c.tag)
    if c.anchor.text[:1].isupper():
        suggestion = suggestion[:1].upper() + suggestion[1:]
    explanation = (
        f"{source_name(passage)} says {e.anchor.text!r} ({e.predicate}) where the article says {c.anchor.text!r}"
        f"{_dates(e)}."
    )
    return Refutation(c.anchor, suggestion, parsed.local(e.anchor), parsed.local(esent.span), passage, 0.7, explanation)


def _swap(
    al: Alignment, ctx: ClaimContext, passage: Passage, esent: Sentence, parsed: ParsedPassage
) -> Refutation | None:
    """ "Northgate acquired Polar" against "Polar acquired Northgate": who acted and who was acted
    on are swapped. The suggestion rewrites the words from the first name to the second."""
    c, e = al.claim, al.evidence
    if set(al.conflicts()) != {(ArgRole.AGENT, ""), (ArgRole.PATIENT, "")}:
        return None
    if predicate_class(c.predicate) not in _ASYMMETRIC:
        return None
    if Mood.ASSERTED is not c.mood or Mood.ASSERTED is not e.mood or c.negated != e.negated:
        return None
    ca, cp = c.values(ArgRole.AGENT), c.values(ArgRole.PATIENT)
    ea, ep = e.values(ArgRole.AGENT), e.values(ArgRole.PATIENT)
    if not (len(ca) == len(cp) == len(ea) == len(ep) == 1):
        return None
    a, p, a2, p2 = ca[0], cp[0], ea[0], ep[0]
    if a.kind is not ValueKind.ENTITY or p.kind is not ValueKind.ENTITY or not (a.literal and p.literal):
        return None
    if not (same_entity(a.key, p2.key) and same_entity(p.key, a2.key)):
        return None
    text = ctx.analysis.article.text
    first, second = sorted((a.span, p.span), key=lambda s: s.start)
    wrong = Span.of(text, first.start, second.end)
    suggestion = second.text + text[first.end : second.start] + first.text
    explanation = (
        f"{source_name(passage)} says {a2.span.text!r} {phrase_inflect(e.predicate, 'VBD')} {p2.span.text!r}"
        f"{_dates(e)}; the article has them the other way round."
    )
    return Refutation(wrong, suggestion, None, parsed.local(esent.span), passage, 0.7, explanation)


def supports(al: Alignment) -> bool:
    c, e = al.claim, al.evidence
    if c.negated != e.negated or Mood.HEDGED in (c.mood, e.mood):
        return False
    if c.mood is Mood.ASSERTED and e.mood is not Mood.ASSERTED:
        return False
    if not al.slots or any(r is not Rel.MATCH for r in al.slots.values()):
        return False
    if max(al.anchor(ArgRole.AGENT), al.anchor(ArgRole.PATIENT)) < 2:
        return False
    if FrameKind.STATE in (c.kind, e.kind) or c.kind is FrameKind.ROLE:
        return _period_check(al)[0]
    return True


# slot facts


def compare_facts(
    cfact: Fact, efact: Fact, ctx: ClaimContext, passage: Passage, parsed: ParsedPassage
) -> Rel | Refutation | None:
    """An organisation's base, the place it leaves, a start year — one subject, one slot, two texts."""
    if cfact.slot != efact.slot or cfact.label != efact.label or not same_entity(cfact.subject, efact.subject):
        return None
    kind = cfact.slot.split(":", 1)[0]
    if kind not in _FACT_CONFIDENCE:
        return None
    if cfact.value_key == efact.value_key:
        return Rel.MATCH
    if cfact.label == "GPE" and (is_region(cfact.value.text) or is_region(efact.value.text)):
        # "based in China" and "based in Beijing" can both be true; "in Germany" and "in Sweden" cannot.
        both = is_region(cfact.value.text) and is_region(efact.value.text)
        relation = country_relation(cfact.value.text, efact.value.text) if both else None
        if relation == "same":
            return Rel.MATCH
        if relation != "different":
            return None
    if not (_named(cfact.value.text) and _named(efact.value.text)):
        return None  # "the city": resolved, not written; neither a wrong span nor a suggestion
    penalty = 0.0
    cdate, edate = ctx.analysis.article.date, passage.date
    if kind == "base":
        # A base is a state: an undated present-tense statement holds around its document's date.
        # "was based in", "until 2015", "in 2009 it moved": a base of another time.
        words = {t.lower_ for t in efact.sentence.tokens}
        if words & {"was", "were", "formerly", "previously", "until", "had", "former"}:
            return None
        if any(
            _other_year(e.span.text, edate)
            for e in parsed.analysis.entities_in(efact.sentence.span)
            if e.label == "DATE"
        ):
            return None
        near = _near(cdate, edate, STATE_WINDOW)
        if near is False:
            return None
        penalty = 0.1 if near is None else 0.0
    elif kind == "leave":
        near = _near(cdate, edate, _SAME_OCCASION)
        if near is False:
            return None
        penalty = 0.1 if near is None else 0.0
    what = {
        "base": "as where it is based",
        "leave": "as the place it is leaving",
        "start": "as the year it started",
    }[kind]
    who = efact.subject.split(":", 1)[-1].title()
    explanation = (
        f"{source_name(passage)} gives {efact.value.text!r} {what} ({who}); the article says {cfact.value.text!r}."
    )
    return Refutation(
        cfact.value,
        efact.value.text,
        parsed.local(efact.value),
        parsed.local(efact.sentence.span),
        passage,
        _FACT_CONFIDENCE[kind] - penalty,
        explanation,
    )


def _other_year(text: str, ref: dt.date | None) -> bool:
    from corrigo.analysis.dates import resolve_date

    resolved = resolve_date(text, ref)
    return resolved is not None and (ref is None or resolved.year != ref.year)


def _named(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit())


# ---------------------------------------------------------------------------------------------
# explanations


def source_name(p: Passage) -> str:
    name = f"'{p.title}' ({p.doc_id})" if p.title else f"'{p.doc_id}'"
    return f"The reference {name}, dated {p.date.isoformat()}," if p.date else f"The reference {name} (undated)"


def _dates(frame: Frame) -> str:
    dates = [a for a in frame.args if a.role is ArgRole.TIME]
    if not dates:
        return ""
    return " (" + ", ".join(f"{a.prep + ' ' if a.prep else ''}{a.value.span.text}" for a in dates) + ")"


def _what(role: ArgRole, prep: str, frame: Frame) -> str:
    patients = frame.values(ArgRole.PATIENT)
    thing = patients[0].span.text if patients else "it"
    verb = phrase_inflect(frame.predicate, "VBD") if frame.kind is not FrameKind.ROLE else ""
    if frame.kind is FrameKind.ROLE:
        return f"as {thing} at the time"
    if role is ArgRole.AGENT:
        return f"as who {verb} {thing}"
    if role is ArgRole.LOC:
        return f"as where {thing} is"
    if role is ArgRole.TIME:
        return f"as when {thing} was {phrase_inflect(frame.predicate, 'VBN')}"
    if role is ArgRole.AMOUNT:
        return f"as the figure ({frame.predicate} {thing})"
    return f"after {prep!r} ({frame.predicate} {thing})"
