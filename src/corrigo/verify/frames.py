"""Frames: who did what to whom, where, when and how many — read off one parsed sentence.

A claim and a reference sentence are compared frame by frame. A frame is a predicate (the verb's
lemma, with its particle: "set up") and its arguments, each in a role:

* ``AGENT`` — who acts: the subject of an active verb, the "by" phrase of a passive one
  ("the law imposed ... by Hong Kong"), the subject inherited by "plans to close";
* ``PATIENT`` — what is acted on: the object, the passive subject, the noun a participle
  describes ("the law imposed ..."), the subject of an intransitive "the office will close";
* ``LOC`` — where: "in"/"at" a place, on the verb or on the patient ("its offices in Hong Kong",
  "its Hong Kong offices");
* ``TIME`` — when: a date phrase, with the preposition that says how ("from 2018", "until 2019");
* ``AMOUNT`` — how many: "cut 120 jobs", "raised $4.2bn";
* ``PREP`` — any other prepositional argument, keyed by its preposition ("on Hong Kong").

A frame also knows its mood (asserted, planned, hedged) and kind (event, state, or a person
holding a title: "Agnes Callamard, the group's secretary-general"). Every value keeps the span of
its words in the analysed text, so a correction can point at them exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.analysis.dates import DateValue, Precision, resolve_date
from corrigo.analysis.facts import TITLE_HEADS, resolve_reference
from corrigo.analysis.numbers import Quantity, parse_quantity
from corrigo.analysis.places import is_region
from corrigo.model import Entity, Span
from corrigo.verify.lexicon import EXCLUSIVE_TITLES, HEDGE_VERBS, PLAN_VERBS, STATE_PREDICATES, noun_class, title_key

__all__ = ["Arg", "ArgRole", "Frame", "FrameKind", "Mood", "Value", "ValueKind", "extract_frames", "period"]


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


_FAMILY = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "norp"}
_NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_SKIP_LABELS = {"ORDINAL", "TIME"}
# Verbs whose intransitive subject is what is acted on: "the office will close" = "X closes the office".
_ERGATIVE = {"close", "shut", "open", "reopen", "move", "end", "start", "begin", "stop", "collapse", "relocate"}
# "both of its offices", "all of the staff": the content is the "of" phrase.
_QUANTIFIER_PRONOUNS = {"both", "all", "some", "each", "many", "most", "none", "several", "one", "two", "three"}
_RELATIVE = {"which", "that", "who", "whom", "whose"}
_ALIAS_VERBS = {"be", "serve", "act", "function", "double"}
_PAST_TITLE = {"former", "ex", "late", "then", "acting", "interim", "outgoing", "incoming", "future"}
_COPULAS = {"be", "become", "remain", "serve"}


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


def extract_frames(analysis: Analysis, sentence: Sentence) -> list[Frame]:
    """Every verb frame and title frame in ``sentence``, in text order."""
    frames: list[Frame] = []
    for tok in sentence.tokens:
        # "the Hong Kong-based group": an adjectival participle is a modifier, not a frame.
        if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound", "nmod"):
            frame = _verb_frame(analysis, sentence, tok)
            if frame is not None:
                frames.append(frame)
    frames.extend(_role_frames(analysis, sentence))
    return sorted(frames, key=lambda f: f.anchor.start)


# ---------------------------------------------------------------------------------------------
# verb frames


def _verb_frame(an: Analysis, sent: Sentence, verb: Any) -> Frame | None:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    predicate = " ".join([verb.lemma_.lower(), *particles])
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )
    args: list[Arg] = []
    subject = _subject(verb)
    objects = [_content(c) for c in verb.children if c.dep_ == "dobj"]
    if passive:
        patients = [subject] if subject is not None else []
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    elif not objects and verb.lemma_.lower() in _ERGATIVE and subject is not None:
        patients, agents = [subject], []  # "the regional office will close"
    else:
        agents = [subject] if subject is not None else []
        patients = objects
    for role, heads in ((ArgRole.AGENT, agents), (ArgRole.PATIENT, patients)):
        for head in heads:
            for tok in [head, *head.conjuncts]:
                value = _value(an, sent, tok)
                if value is None:
                    continue
                if value.kind is ValueKind.NUMBER:
                    args.append(Arg(ArgRole.AMOUNT, value))
                elif value.kind is ValueKind.DATE:
                    args.append(Arg(ArgRole.TIME, value))
                else:
                    args.append(Arg(role, value))
                if role is ArgRole.PATIENT:
                    args.extend(_noun_args(an, sent, tok))
    for c in verb.children:
        if c.dep_ == "prep":
            args.extend(_prep_args(an, sent, c))
        elif c.dep_ == "xcomp" and c.pos_ == "VERB":
            # "agreed to take on the building", "refused to pay": what was agreed or refused.
            action = " ".join([c.lemma_.lower(), *(p.lower_ for p in c.children if p.dep_ == "prt")])
            args.append(Arg(ArgRole.PREP, Value(ValueKind.NOUN, action, an.token_span(sent, c)), "to"))
        elif c.dep_ in ("npadvmod", "advmod", "tmod") and c.ent_type_ == "DATE":
            value = _value(an, sent, c)
            if value is not None and value.kind is ValueKind.DATE:
                args.append(Arg(ArgRole.TIME, value))
    if not args:
        return None
    args = _dedupe(args)
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    first = min([verb, *aux], key=lambda t: t.i)
    kind = FrameKind.STATE if verb.lemma_.lower() in STATE_PREDICATES else FrameKind.EVENT
    return Frame(
        predicate=predicate,
        kind=kind,
        mood=_mood(verb),
        negated=negated,
        anchor=an.token_span(sent, verb),
        verb_group=an.token_span(sent, first, verb),
        args=tuple(args),
        sentence=sent.span,
        ref_date=an.article.date,
        past=verb.tag_ == "VBD" and kind is FrameKind.STATE,
        tag=verb.tag_,
    )


def _subject(verb: Any) -> Any | None:
    """The subject token of ``verb``, following "plans to close", "closed and moved", relative
    clauses ("the office, which served as ...") and participles ("the law imposed ...")."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.lower_ in _RELATIVE and node.dep_ == "relcl":
                    return node.head
                return _content(c)
        if node.dep_ == "relcl" and any(c.lower_ in _RELATIVE and c.dep_ == "dobj" for c in node.children):
            return None
        if node.dep_ == "acl" and node is verb:
            return node.head  # "the law imposed ..." (patient) / "a group advocating ..." (agent)
        if node.dep_ == "xcomp":
            # "forced Amnesty to close": the object of the governing verb does the xcomp.
            obj = next((c for c in node.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return _content(obj)
            node = node.head
        elif node.dep_ in ("conj", "advcl") and node.head.i != node.i and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
        else:
            return None
    return None


def _content(tok: Any) -> Any:
    """ "both of its offices" -> "offices"."""
    if tok.lower_ in _QUANTIFIER_PRONOUNS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
    return tok


def _prep_args(an: Analysis, sent: Sentence, prep: Any) -> list[Arg]:
    word = prep.lower_
    out = []
    for p in prep.children:
        if p.dep_ != "pobj":
            continue
        for tok in [p, *p.conjuncts]:
            value = _value(an, sent, tok)
            if value is None:
                continue
            if value.kind is ValueKind.DATE:
                out.append(Arg(ArgRole.TIME, value, word))
            elif word in ("in", "at") and value.kind is ValueKind.ENTITY and value.family == "place":
                out.append(Arg(ArgRole.LOC, value))
            elif value.kind is ValueKind.NUMBER and word == "by":
                out.append(Arg(ArgRole.AMOUNT, value, word))
            else:
                out.append(Arg(ArgRole.PREP, value, word))
    return out


def _noun_args(an: Analysis, sent: Sentence, noun: Any) -> list[Arg]:
    """Where and how many the patient is: "its offices in Hong Kong", "its Hong Kong offices", "120 jobs"."""
    out = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for p in c.children:
                if p.dep_ == "pobj":
                    value = _value(an, sent, p)
                    if value is not None and value.kind is ValueKind.ENTITY and value.family == "place":
                        out.append(Arg(ArgRole.LOC, value))
        elif c.dep_ in ("compound", "nmod", "npadvmod"):
            ent = _entity(an, sent, c)
            if ent is not None and ent.label in ("GPE", "FAC"):
                value = _value(an, sent, c)
                if value is not None:
                    out.append(Arg(ArgRole.LOC, value))
        elif c.dep_ == "nummod":
            value = _value(an, sent, c)
            if value is not None and value.kind is ValueKind.NUMBER:
                out.append(Arg(ArgRole.AMOUNT, value))
    return out


def _dedupe(args: list[Arg]) -> list[Arg]:
    out: list[Arg] = []
    for a in args:
        if not any(b.role is a.role and b.value.span == a.value.span for b in out):
            out.append(a)
    return out


def _mood(verb: Any) -> Mood:
    """Asserted, planned or hedged, from the verb's auxiliaries and the verbs it hangs from.

    "it would close", "plans to close", a headline's "to close" are plans; "critics claim it
    closed", "it may close" are hedged. A participle or relative clause ("the law imposed ...")
    describes a noun: it is asserted whatever the clause around it does.
    """
    planned = False
    node = verb
    for _ in range(6):
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"may", "might", "could", "should", "must", "can"}:
            return Mood.HEDGED
        if aux & {"will", "would", "shall", "'ll"} or (node.dep_ == "ROOT" and "to" in aux):
            planned = True
        if node is not verb:
            lemma = node.lemma_.lower()
            if lemma in HEDGE_VERBS:
                return Mood.HEDGED
            if lemma in PLAN_VERBS:
                planned = True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in node.children):
            return Mood.HEDGED
        if node.dep_ in ("xcomp", "ccomp", "conj") and node.head.i != node.i:
            node = node.head
        else:
            break
    return Mood.PLANNED if planned else Mood.ASSERTED


# ---------------------------------------------------------------------------------------------
# values


def _entity(an: Analysis, sent: Sentence, tok: Any) -> Entity | None:
    start = sent.offset + tok.idx
    return an.entity_at(start, start + len(tok.text))


def _value(an: Analysis, sent: Sentence, tok: Any) -> Value | None:
    ent = _entity(an, sent, tok)
    if ent is not None:
        if ent.label == "DATE":
            value = _date_value(an, ent)
            if value is None:
                # "on Tuesday, 30 June 2020": the weekday heads the phrase, the date is its apposition.
                for c in tok.children:
                    inner = _entity(an, sent, c) if c.dep_ == "appos" else None
                    if inner is not None and inner.label == "DATE":
                        return _date_value(an, inner)
            return value
        if ent.label in _NUMBER_LABELS:
            return _number_value(an, ent)
        if ent.label in _SKIP_LABELS:
            return None
        family = _FAMILY.get(ent.label)
        if family is not None:
            region = family == "place" and is_region(ent.span.text)
            return Value(ValueKind.ENTITY, ent.key, ent.span, family=family, region=region, named=True)
    if tok.pos_ == "PRON" or (tok.pos_ == "NOUN" and _definite(tok)):
        key = resolve_reference(an, sent, tok)
        if key is not None and ":" in key and not key.startswith("np:") and _may_stand_for(tok, key):
            family = key.split(":", 1)[0]
            return Value(ValueKind.ENTITY, key, an.token_span(sent, tok), literal=False, family=family)
        if tok.pos_ == "PRON":
            return None
    if tok.pos_ == "NUM":
        q = parse_quantity(tok.text)
        if q is not None:
            return Value(ValueKind.NUMBER, tok.text, an.token_span(sent, tok), quantity=q)
        return None
    if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.dep_ == "appos"):
        return _noun_value(an, sent, tok, aliases=True)
    return None


# Nouns that stand for whichever organisation the story is about ("the group said").
_GENERIC_ORG_NOUNS = {"group", "company", "firm", "organisation", "organization", "business", "charity", "movement"}


def _may_stand_for(tok: Any, key: str) -> bool:
    """Whether a pronoun or "the <noun>" may be read as the entity ``key``: a pronoun may; "the
    bank" only for a name with "bank" in it ("Harbour Bank"), or "the group" for any organisation;
    "the city" for a place. "The council" is not whichever organisation was named last."""
    if tok.pos_ == "PRON":
        return True
    lemma = tok.lemma_.lower()
    family, _, name = key.partition(":")
    if lemma in name.split():
        return True
    if family == "org":
        return lemma in _GENERIC_ORG_NOUNS
    return family == "place" and lemma in ("city", "town", "country", "territory", "capital")


def _date_value(an: Analysis, ent: Entity) -> Value | None:
    resolved = resolve_date(ent.span.text, an.article.date)
    if resolved is None:
        return None
    return Value(ValueKind.DATE, ent.span.text, ent.span, period=period(resolved))


def _number_value(an: Analysis, ent: Entity) -> Value | None:
    # The tagger often leaves the currency sign or the "m"/"bn" outside the entity ("£499m").
    text = an.article.text
    s, e = ent.span.start, ent.span.end
    if s > 0 and text[s - 1] in "$£€¥":
        s -= 1
    for suffix in ("bn", "m", "k"):
        if text[e : e + len(suffix)].lower() == suffix and not text[e + len(suffix) : e + len(suffix) + 1].isalpha():
            e += len(suffix)
            break
    q = parse_quantity(text[s:e])
    if q is None:
        return None
    return Value(ValueKind.NUMBER, text[s:e], Span.of(text, s, e), quantity=q)


def _definite(tok: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children) or any(
        c.dep_ == "poss" for c in tok.children
    )


def _noun_value(an: Analysis, sent: Sentence, tok: Any, aliases: bool) -> Value:
    quals: set[str] = set()
    owner = None
    named = False
    for c in tok.children:
        if c.dep_ == "poss":
            owner = resolve_reference(an, sent, c)
        elif c.dep_ in ("compound", "amod", "nmod"):
            ent = _entity(an, sent, c)
            if ent is not None and ent.label in ("GPE", "FAC"):
                continue  # a place before the noun says where it is: a LOC argument
            if ent is not None and ent.label == "ORG":
                owner = owner or ent.key  # "the Amnesty office"
                continue
            if ent is not None:
                quals.add(normalise_name(ent.span.text))  # "its Asia-Pacific hub"
                named = named or ent.label not in ("LOC", "NORP", "DATE", "CARDINAL", "ORDINAL")
                continue
            named = named or c.pos_ == "PROPN"  # "the Kerrigan bridge"
            quals.update(t.lemma_.lower() for t in c.subtree if t.pos_ not in ("PUNCT", "DET", "PART", "NUM"))
        elif c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                ent = _entity(an, sent, p) if p.dep_ == "pobj" else None
                if ent is not None and ent.label == "ORG":
                    owner = owner or ent.key
    lemma = tok.lemma_.lower()
    return Value(
        ValueKind.NOUN,
        noun_class(lemma),
        _np_span(an, sent, tok),
        quals=frozenset(quals),
        owner=owner,
        aliases=_aliases(an, sent, tok) if aliases else (),
        definite=_definite(tok),
        plural=tok.tag_ in ("NNS", "NNPS"),
        named=named,
    )


def _np_span(an: Analysis, sent: Sentence, tok: Any) -> Span:
    """The noun with its pre-modifiers ("the national security law")."""
    left = [t for t in tok.lefts if t.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod")]
    first = min((t.left_edge for t in left), key=lambda t: t.i, default=tok)
    return an.token_span(sent, first, tok)


def _aliases(an: Analysis, sent: Sentence, tok: Any) -> tuple[Value, ...]:
    """What the text also calls the noun: an apposition ("its regional office, the group's hub"),
    or a relative clause "which served as / which is X" — also when the parser hung that clause on
    the place after the noun ("the office in Hong Kong, which served as the group's hub")."""
    hosts = [tok]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            hosts.extend(p for p in c.children if p.dep_ == "pobj")
    out: list[Value] = []
    for host in hosts:
        for c in host.children:
            if host is tok and c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN", "ADJ"):
                out.append(_noun_value(an, sent, c, aliases=False))
            elif c.dep_ == "relcl" and c.lemma_.lower() in _ALIAS_VERBS:
                if not any(s.dep_ == "nsubj" and s.lower_ in _RELATIVE for s in c.children):
                    continue
                for d in c.children:
                    if d.dep_ in ("attr", "acomp") and d.pos_ == "NOUN":
                        out.append(_noun_value(an, sent, d, aliases=False))
                    elif d.dep_ == "prep" and d.lower_ == "as":
                        out.extend(_noun_value(an, sent, p, aliases=False) for p in d.children if p.dep_ == "pobj")
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# title frames: a person holding a title


def _role_frames(an: Analysis, sent: Sentence) -> list[Frame]:
    """ "NAME, the group's secretary-general", "the group's secretary-general, NAME",
    "Secretary General NAME", "NAME was/became/remains secretary general of X (from A until B)"."""
    out = []
    for tok in sent.tokens:
        # copulas: "Kumi Naidoo was secretary general of Amnesty from 2018 until December 2019"
        if tok.lemma_.lower() in _COPULAS and tok.pos_ in ("AUX", "VERB"):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            holder = _holder(an, sent, subj) if subj is not None else None
            if holder is None:
                continue
            titles = [c for c in tok.children if c.dep_ in ("attr", "acomp")]
            titles += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
            for t in titles:
                frame = _role_frame(an, sent, holder, t, tok)
                if frame is not None:
                    out.append(frame)
    for ent in an.entities_in(sent.span):
        if ent.label != "PERSON":
            continue
        root = _root_token(sent, ent)
        if root is None:
            continue
        holder = Value(ValueKind.ENTITY, ent.key, ent.span, family="person")
        candidates = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            candidates.append(root.head)
        for t in candidates:
            frame = _role_frame(an, sent, holder, t, None)
            if frame is not None:
                out.append(frame)
    return out


def _holder(an: Analysis, sent: Sentence, tok: Any) -> Value | None:
    ent = _entity(an, sent, tok)
    if ent is not None and ent.label == "PERSON":
        return Value(ValueKind.ENTITY, ent.key, ent.span, family="person")
    if ent is None and tok.pos_ == "PROPN":
        # A name the tagger missed ("Agnes Callamard ... became"): the proper-noun run.
        run = sorted((t for t in tok.subtree if t.pos_ == "PROPN" and t.i <= tok.i), key=lambda t: t.i)
        while len(run) > 1 and run[0].i != tok.i - (len(run) - 1):
            run = run[1:]
        span = an.token_span(sent, run[0], tok)
        return Value(ValueKind.ENTITY, "person:" + normalise_name(span.text), span, family="person")
    return None


def _role_frame(an: Analysis, sent: Sentence, holder: Value, title_tok: Any, verb: Any | None) -> Frame | None:
    if title_tok.pos_ not in ("NOUN", "PROPN", "ADJ") or _entity(an, sent, title_tok) is not None:
        return None
    if any(c.lower_ in _PAST_TITLE for c in title_tok.children):
        return None  # "former secretary general": not the title now
    words = [c.lower_ for c in title_tok.children if c.dep_ in ("compound", "amod") and c.pos_ != "PUNCT"]
    words = [w for w in words if w not in ("the", "its", "their")]
    key = title_key([*words, title_tok.lower_])
    if not key.strip():
        return None
    head = key.split()[-1]
    if key not in EXCLUSIVE_TITLES and head not in TITLE_HEADS:
        return None
    noun = _noun_value(an, sent, title_tok, aliases=False)
    noun = Value(
        ValueKind.NOUN,
        key,
        noun.span,
        quals=frozenset(),
        owner=noun.owner,
        definite=noun.definite,
        plural=noun.plural,
    )
    args = [Arg(ArgRole.AGENT, holder), Arg(ArgRole.PATIENT, noun)]
    past = False
    predicate = "hold title"
    if verb is not None:
        for c in verb.children:
            if c.dep_ == "prep":
                args.extend(a for a in _prep_args(an, sent, c) if a.role is ArgRole.TIME)
        lemma = verb.lemma_.lower()
        past = verb.tag_ == "VBD" and lemma in ("be", "serve", "remain")
        if lemma == "become":
            predicate = "become title"
    anchor = an.token_span(sent, title_tok)
    return Frame(
        predicate=predicate,
        kind=FrameKind.ROLE,
        mood=_mood(verb) if verb is not None else Mood.ASSERTED,
        negated=verb is not None and any(c.dep_ == "neg" for c in verb.children),
        anchor=anchor,
        verb_group=an.token_span(sent, verb) if verb is not None else anchor,
        args=tuple(args),
        sentence=sent.span,
        ref_date=an.article.date,
        past=past,
    )


def _root_token(sent: Sentence, ent: Entity) -> Any | None:
    start, end = ent.span.start - sent.offset, ent.span.end - sent.offset
    toks = [t for t in sent.tokens if start <= t.idx < end]
    for t in toks:
        if t.head.i == t.i or not (start <= t.head.idx < end):
            return t
    return None
