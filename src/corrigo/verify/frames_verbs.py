"""Verb frames: a verb's predicate, its arguments in their roles, and its mood.

Finds the agent and patient of a verb (through passives, "plans to close", relative clauses and
participles), its prepositional, time and amount arguments, and whether it is asserted, planned or
hedged.
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.verify.frames_types import Arg, ArgRole, Frame, FrameKind, Mood, Value, ValueKind
from corrigo.verify.frames_values import _RELATIVE, _entity, _value
from corrigo.verify.lexicon import HEDGE_VERBS, PLAN_VERBS, STATE_PREDICATES

# Verbs whose intransitive subject is what is acted on: "the office will close" = "X closes the office".
_ERGATIVE = {"close", "shut", "open", "reopen", "move", "end", "start", "begin", "stop", "collapse", "relocate"}
# "both of its offices", "all of the staff": the content is the "of" phrase.
_QUANTIFIER_PRONOUNS = {"both", "all", "some", "each", "many", "most", "none", "several", "one", "two", "three"}


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
