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

The record types are in :mod:`corrigo.verify.frames_types`, argument values in
:mod:`corrigo.verify.frames_values` and verb frames in :mod:`corrigo.verify.frames_verbs`; this
module adds title frames and gathers both kinds for a sentence.
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.analysis.facts import TITLE_HEADS
from corrigo.model import Entity
from corrigo.verify.frames_types import Arg, ArgRole, Frame, FrameKind, Mood, Value, ValueKind, period
from corrigo.verify.frames_values import _entity, _noun_value
from corrigo.verify.frames_verbs import _mood, _prep_args, _verb_frame
from corrigo.verify.lexicon import EXCLUSIVE_TITLES, title_key

__all__ = ["Arg", "ArgRole", "Frame", "FrameKind", "Mood", "Value", "ValueKind", "extract_frames", "period"]

_PAST_TITLE = {"former", "ex", "late", "then", "acting", "interim", "outgoing", "incoming", "future"}
_COPULAS = {"be", "become", "remain", "serve"}


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
