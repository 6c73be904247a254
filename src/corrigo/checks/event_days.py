"""One event told on two different days: "the strike began on Monday" ... "the strike, which began
on Tuesday, ...".

A weekday is read with the event it dates: the verb it hangs from and that verb's subject (a
relative pronoun stands for the noun its clause describes: "the strike that began on Tuesday").
Two sentences that give one event (same subject noun, same verb) two different weekdays disagree,
unless the event recurs ("again", "every", "each", "also") or the weekday is qualified ("last
Monday", "next Monday", "until Monday"). The weekday fewer sentences give loses; one against one,
a later sentence that refers back to the event in a relative clause ("the strike that began on
...") is taken as the settled account and the earlier statement is flagged, as with figures
(:mod:`corrigo.analysis.references`); otherwise the later is flagged with a lower confidence.

A month can name an event too: "the October flare" after "the flare was recorded on 3 December"
refers back to the flare, so the stated date is flagged with the phrase's month.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.dates import WEEKDAYS
from corrigo.checks.base import contradiction
from corrigo.model import Finding, FindingKind, Span

__all__ = ["event_day_findings"]

_RELATIVE = frozenset({"that", "which", "who"})
# Verbs too general to name an event, and words that make a weekday one of several occasions.
_WEAK_VERBS = frozenset({"be", "have", "do", "say", "tell", "make", "get", "go", "come", "see", "expect", "plan"})
_RECURRING = frozenset(
    {"again", "every", "each", "also", "last", "next", "until", "till", "since", "by", "before", "after"}
)
# Words on the verb that make its event one of several ("began again", "also met").
_AGAIN = frozenset({"again", "also", "every", "each", "twice"})
# Steps up the parse from a date word to the verb it dates ("2015" -> "November" -> "14" -> "on" -> verb).
_REACH = 6
_REFERENCE_TIE = 0.6
_TIE = 0.55
_OUTVOTED = 0.7


@dataclass(frozen=True, slots=True)
class _Day:
    key: tuple[str, str]  # (subject lemma, verb lemma)
    weekday: str
    span: Span
    sentence: Sentence
    referred: bool  # told in a relative clause about the event ("the strike that began on ...")


def event_day_findings(analysis: Analysis) -> list[Finding]:
    days: dict[tuple[str, str], list[_Day]] = defaultdict(list)
    for sentence in analysis.sentences:
        for tok in sentence.tokens:
            if tok.text.lower() not in WEEKDAYS or not tok.text[:1].isupper():
                continue
            day = _read(analysis, sentence, tok)
            if day is not None:
                days[day.key].append(day)
    out = []
    for group in days.values():
        named = {d.weekday for d in group}
        if len(named) != 2 or len({d.sentence.index for d in group}) < 2:
            continue
        if any(len({d.weekday for d in group if d.sentence.index == i}) > 1 for i in {d.sentence.index for d in group}):
            continue  # both days in one sentence: two occasions
        finding = _judge(analysis, group)
        if finding is not None:
            out.append(finding)
    return out


def _read(analysis: Analysis, sentence: Sentence, tok: Any) -> _Day | None:
    window = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 3) : tok.i]]
    if any(w in _RECURRING for w in window):
        return None
    event = _event_of(tok)
    if event is None:
        return None
    key, referred = event
    span = analysis.token_span(sentence, tok)
    return _Day(key, tok.text.lower(), span, sentence, referred)


def _event_of(tok: Any) -> tuple[tuple[str, str], bool] | None:
    """The event a date word dates: (subject noun, verb) of the verb it hangs from, and whether the
    clause is a relative one about that noun."""
    verb = tok
    for _ in range(_REACH):
        if verb.head is verb:
            return None
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _WEAK_VERBS:
        return None
    if any(c.dep_ == "neg" or c.lower_ in _AGAIN for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    referred = False
    if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        subject, referred = verb.head, True
    if subject is None or subject.pos_ != "NOUN":
        return None
    return (subject.lemma_.lower(), verb.lemma_.lower()), referred


def _judge(analysis: Analysis, group: list[_Day]) -> Finding | None:
    by_day: dict[str, list[_Day]] = defaultdict(list)
    for d in group:
        by_day[d.weekday].append(d)
    (a, da), (b, db) = sorted(by_day.items(), key=lambda kv: kv[1][0].span.start)
    sentences_a, sentences_b = {d.sentence.index for d in da}, {d.sentence.index for d in db}
    if len(sentences_a) != len(sentences_b):
        loser, winner = (db, da) if len(sentences_a) > len(sentences_b) else (da, db)
        if len(loser) > 1:
            return None
        confidence = _OUTVOTED
    elif len(da) == len(db) == 1 and db[0].referred and not da[0].referred:
        loser, winner, confidence = da, db, _REFERENCE_TIE
    elif len(da) == len(db) == 1:
        loser, winner, confidence = db, da, _TIE
    else:
        return None
    wrong = loser[0]
    right = winner[0].weekday.capitalize()
    noun, verb = wrong.key
    times = "once" if len(winner) == 1 else f"{len(winner)} times"
    why = (
        f"Elsewhere the article dates the same event ({noun}: {verb}) to {right} ({times}); "
        f"this sentence says {wrong.span.text}."
    )
    return contradiction(
        FindingKind.DATE,
        wrong.span,
        wrong.sentence,
        [w.sentence.span for w in winner],
        why,
        right if wrong.span.text[:1].isupper() else right.lower(),
        confidence,
    )


# --- months named as a reference: "the September signal" -------------------------------------

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip


def month_reference_findings(analysis: Analysis, dates: dict[int, list[Any]]) -> list[Finding]:
    """A date stated for an event ("the signal was picked up on 14 November 2015") that a later
    definite phrase names by another month ("the September signal"): the phrase presupposes the
    month, so the statement is flagged with the phrase's month, as a figure against a later
    reference to it is."""
    refs = []
    for sentence in analysis.sentences:
        for tok in sentence.tokens:
            if tok.lower_ not in _MONTH_NAMES or not tok.text[:1].isupper():
                continue
            head = tok.head
            before = tok.nbor(-1) if tok.i > 0 else None
            if before is None or before.lower_ != "the" or head.pos_ != "NOUN" or head.i != tok.i + 1:
                continue  # the noun must follow the month: "the October 5 flare" is a date
            refs.append((sentence, tok, head.lemma_.lower()))
    out = []
    for sentence, tok, noun in refs:
        month = _MONTH_NAMES.index(tok.lower_) + 1
        stated = [
            d
            for i, found in dates.items()
            if i < sentence.index
            for d in found
            if d.month is not None and (event := _event_of(d.token)) is not None and event[0][0] == noun
        ]
        if not stated or any(d.month == month for d in stated) or len({(d.year, d.month) for d in stated}) > 1:
            continue
        wrong = stated[-1]
        name = tok.text
        old_name = next((m for m in _MONTH_NAMES if m in wrong.span.text.lower()), None)
        if old_name is None:
            continue
        at = wrong.span.text.lower().index(old_name)
        fix = wrong.span.text[:at] + name + wrong.span.text[at + len(old_name) :]
        why = (
            f"A later sentence refers to this {noun} as 'the {name} {noun}'; this sentence dates it "
            f"to {wrong.span.text}."
        )
        out.append(
            contradiction(FindingKind.DATE, wrong.span, wrong.sentence, [sentence.span], why, fix, _REFERENCE_TIE)
        )
    return out
