"""The stated length of an event that has just ended against the date it is said to have begun.

"voted to end a 61-day strike" in a story dated 20 June puts the strike's start at 20 April;
"The stoppage began on 30 April" elsewhere disagrees. The length is read as "N-day/week/month/
year NOUN" whose noun is what a verb of ending acts on ("end", "finish", "conclude", "complete");
the end is a date that verb states, else the story's date (the day a weekday in the sentence
names, when it names one). The start is a date hung from "began"/"started" whose subject names
the same event: the length's own noun, the noun of another mention of the same length ("after
61-day stoppage" in the headline), or a noun the length's sentence also uses ("..., the longest
dispute at the port"). A subject with its own date or number ("the 1979 strike") is another event.

Blame: the length has its mentions and, when it ends on the story's date, that date; the start
date has its own mentions; the side with fewer is flagged, a tie is left alone.

A journey is read the same way: "docked on Thursday after a five-month voyage" ends on the day the
sentence's main verb happens and begins on the date its subject set out ("The ship left Hobart
on 10 December 2023": launch, depart, leave, set off). A departure written to the day stands against a
length in months or years, which is the writer's rounding: the length is flagged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.dates import WEEKDAYS
from corrigo.analysis.durations import COUNT, count_value, period, restate, shift
from corrigo.analysis.numbers import format_like
from corrigo.checks.base import contradiction
from corrigo.checks.date_forms import StatedDate, ancestors, fmt_date, story_date_span, token_at
from corrigo.model import Finding, FindingKind, Span

__all__ = ["event_span_findings"]

_LENGTH = re.compile(r"(?<![\w-])" + COUNT + r"-(?P<unit>day|week|month|year)(?:-long)?\b", re.I)
_END_LEMMAS = frozenset({"end", "finish", "conclude", "complete"})
_BEGIN_LEMMAS = frozenset({"begin", "start"})
# Verbs of setting out on a journey, whose date a journey's length counts from.
_DEPART_LEMMAS = frozenset({"launch", "depart", "leave", "embark", "sail", "set", "begin", "start", "lift"})
_NEEDS_PARTICLE = frozenset({"set", "lift"})
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
_WEEKDAY = re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")


@dataclass(frozen=True, slots=True)
class _Length:
    n: int
    unit: str
    span: Span  # the count as written
    sentence: Sentence
    noun: Any  # the event noun's token


def event_span_findings(analysis: Analysis, dates: dict[int, list[StatedDate]], ref: dt.date | None) -> list[Finding]:
    """``dates`` should hold the dates written without a year too (see ``with_bare_dates``)."""
    if ref is None:
        return []
    lengths = [x for s in analysis.sentences for x in _lengths(analysis, s)]
    out: list[Finding] = []
    for length in lengths:
        verb = _end_verb(length.noun)
        trip = verb is None and (verb := _arrival_verb(length)) is not None
        if verb is None:
            continue
        end = _end(analysis, length, verb, dates, ref)
        if end is None:
            continue
        same = [x for x in lengths if (x.n, x.unit) == (length.n, length.unit)]
        names = {x.noun.lemma_.lower() for x in same} | {
            t.lemma_.lower() for t in length.sentence.tokens if t.pos_ == "NOUN" and t.i != length.noun.i
        }
        starts = _departures(analysis, verb, dates) if trip else _starts(analysis, length, names, dates)
        if not starts:
            continue
        if trip:
            finding = _judge_trip(analysis, length, starts, end)
            if finding is not None:
                out.append(finding)
            continue
        window = _window(length, end[0], end[1])
        if any(_fits(d, window) for d in starts):
            continue
        first = starts[0]
        if any((d.year, d.month, d.day) != (first.year, first.month, first.day) for d in starts):
            continue
        rivals = [x for x in lengths if x.unit == length.unit and x.n != length.n and x.noun.lemma_.lower() in names]
        length_support = len(same) + (1 if end[2] is None else 0)
        if rivals:
            # the lengths disagree: one the start date agrees with outvotes this one
            backed = any(_fits(first, _window(x, end[0], end[1])) for x in rivals)
            finding = _blame_length(analysis, length, first, end) if backed else None
        elif length_support > len(starts):
            finding = _blame_start(analysis, length, first, end)
        elif len(starts) > length_support:
            finding = _blame_length(analysis, length, first, end)
        else:
            finding = None
        if finding is not None:
            out.append(finding)
    return out


def _lengths(analysis: Analysis, sentence: Sentence) -> list[_Length]:
    """ "a 61-day strike", "the ten-year renovation": a count of units set before a noun."""
    out = []
    for m in _LENGTH.finditer(sentence.span.text):
        n = count_value(m["n"])
        if n is None or m["n"].lower() in ("a", "an"):
            continue
        start = sentence.span.start + m.start("n")
        tok = token_at(sentence, start)
        if tok is None:
            continue
        noun = next((a for a in ancestors(tok, 3) if a.pos_ == "NOUN" and a.lemma_.lower() != m["unit"].lower()), None)
        if noun is None or noun.i < tok.i:
            continue
        span = Span.of(analysis.article.text, start, sentence.span.start + m.end("n"))
        out.append(_Length(n, m["unit"].lower(), span, sentence, noun))
    return out


def _end_verb(noun: Any) -> Any | None:
    """The verb of ending the noun is the object or subject of: "voted to end a 61-day strike"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in _END_LEMMAS:
        return head
    return None


def _arrival_verb(length: _Length) -> Any | None:
    """ "docked at the base on Thursday ... after a five-month voyage": the span ends when the
    sentence's main verb happens; read only where the span follows "after" and the main verb has a
    subject (who or what made the journey)."""
    noun = length.noun
    if noun.dep_ != "pobj" or noun.head.lower_ != "after":
        return None
    root = noun.sent.root
    if root.pos_ != "VERB" or not _subject(root):
        return None
    return root


def _subject(verb: Any) -> Any | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    return subjects[0] if len(subjects) == 1 else None


def _same_traveller(arrived: Any, left: Any) -> bool:
    """The same head noun, and no word set before the leaver that the arriver lacks ("its sister
    ship", "a second ship" are others)."""
    if arrived.lemma_.lower() != left.lemma_.lower():
        return False
    known = {t.lemma_.lower() for t in arrived.subtree}
    extra = [c for c in left.children if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod")]
    return all(c.lemma_.lower() in known for c in extra)


def _departures(analysis: Analysis, arrival: Any, dates: dict[int, list[StatedDate]]) -> list[StatedDate]:
    """Dates the traveller set out on: a date hung from a verb of departure whose subject is the
    arriving verb's ("The ship left Hobart on 10 December 2023")."""
    who = _subject(arrival)
    out = []
    for d, verb in _dated_verbs(analysis, dates, _DEPART_LEMMAS, to_the_day=True):
        if verb.i == arrival.i:
            continue
        if verb.lemma_.lower() in _NEEDS_PARTICLE and not any(
            c.dep_ == "prt" and c.lower_ in ("off", "out") for c in verb.children
        ):
            continue  # "set off", "lifted off"; not "set a record"
        left = _subject(verb)
        if left is not None and _same_traveller(who, left):
            out.append(d)
    return out


def _dated_verbs(
    analysis: Analysis, dates: dict[int, list[StatedDate]], lemmas: frozenset[str], to_the_day: bool
) -> Iterator[tuple[StatedDate, Any]]:
    """Each date of a month (and day, ``to_the_day``) with the verb it hangs from, one of ``lemmas``."""
    for sentence in analysis.sentences:
        for d in dates[sentence.index]:
            if d.month is None or (to_the_day and d.day is None):
                continue
            verb = _verb_of(d.token)
            if verb is not None and verb.lemma_.lower() in lemmas:
                yield d, verb


def _judge_trip(
    analysis: Analysis, length: _Length, starts: list[StatedDate], end: tuple[dt.date, dt.date, StatedDate | None]
) -> Finding | None:
    """A journey's length against the day it set out: the day, written to the day, stands; a length
    in months or years is the writer's rounding of the two, and the one flagged."""
    first = starts[0]
    if any((d.year, d.month, d.day) != (first.year, first.month, first.day) for d in starts):
        return None
    if length.unit not in ("month", "year") or _fits(first, _window(length, end[0], end[1])):
        return None
    return _blame_length(analysis, length, first, end)


def _verb_of(tok: Any) -> Any | None:
    for anc in ancestors(tok, 6):
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _end(
    analysis: Analysis, length: _Length, verb: Any, dates: dict[int, list[StatedDate]], ref: dt.date
) -> tuple[dt.date, dt.date, StatedDate | None] | None:
    """When the event ended: a date the ending verb states, else the story's date (the day a lone
    weekday in the sentence names, in the week up to it)."""
    stated = [d for d in dates[length.sentence.index] if (v := _verb_of(d.token)) is not None and v.i == verb.i]
    if len(stated) == 1:
        d = stated[0]
        lo, hi = period(d.year, d.month, d.day)
        return lo, hi, d
    if stated or dates[length.sentence.index]:
        return None
    named = {w.lower() for w in _WEEKDAY.findall(length.sentence.span.text)}
    if len(named) == 1:
        day = ref - dt.timedelta(days=(ref.weekday() - WEEKDAYS.index(named.pop())) % 7)
        return day, day, None
    if named:
        return None
    return ref - dt.timedelta(days=1), ref, None


def _starts(
    analysis: Analysis, length: _Length, names: set[str], dates: dict[int, list[StatedDate]]
) -> list[StatedDate]:
    """Dates the article gives for the event's start: "The stoppage began on 30 April", "a strike
    that began on 30 April"."""
    return [d for d, verb in _dated_verbs(analysis, dates, _BEGIN_LEMMAS, False) if _names_event(verb, length, names)]


def _names_event(verb: Any, length: _Length, names: set[str]) -> bool:
    if verb.dep_ == "relcl" and verb.head.i == length.noun.i and length.noun.doc is verb.doc:
        return True
    for child in verb.children:
        if child.dep_ != "nsubj" or child.pos_ != "NOUN" or child.lemma_.lower() not in names:
            continue
        if child.i == length.noun.i and child.doc is length.noun.doc:
            return False  # "a 61-day strike began": the length's own sentence states no end
        own = [t for t in child.children if t.dep_ in ("nummod", "compound", "amod", "poss") and t.like_num]
        det = [t for t in child.children if t.dep_ == "det" and t.lower_ in ("a", "an", "another")]
        return not own and not det
    return False


def _window(length: _Length, lo: dt.date, hi: dt.date) -> tuple[dt.date, dt.date]:
    """The days the event may have begun on, counting back from its end: a count of days one
    either way (first and last days counted or not), of weeks half a week, of months or years one."""
    size = _UNIT_DAYS[length.unit]
    slack = 1.0 if length.unit == "day" else 0.5 * size if length.unit == "week" else size
    return lo - dt.timedelta(days=length.n * size + slack), hi - dt.timedelta(days=length.n * size - slack)


def _fits(d: StatedDate, window: tuple[dt.date, dt.date]) -> bool:
    lo, hi = period(d.year, d.month, d.day)
    return lo <= window[1] and window[0] <= hi


def _blame_start(
    analysis: Analysis, length: _Length, start: StatedDate, end: tuple[dt.date, dt.date, StatedDate | None]
) -> Finding | None:
    new = shift(end[1], -length.n, length.unit)
    if not _fits(
        StatedDate(new.year, start.month and new.month, start.day and new.day, start.span, start.sentence, start.token),
        _window(length, end[0], end[1]),
    ):
        return None
    fix = restate(start.span.text, (start.year, start.month, start.day), new)
    if fix == start.span.text:
        return None
    unit = length.unit + ("s" if length.n != 1 else "")
    until = end[2].span.text if end[2] is not None else f"the story's date ({fmt_date(end[1])})"
    why = f"Counting {length.span.text} {unit} back from {until} gives {fix}, not {start.span.text}."
    evidence = [length.span, *([end[2].span] if end[2] is not None else _story(analysis))]
    return contradiction(FindingKind.DATE, start.span, start.sentence, evidence, why, fix, 0.65)


def _blame_length(
    analysis: Analysis, length: _Length, start: StatedDate, end: tuple[dt.date, dt.date, StatedDate | None]
) -> Finding | None:
    lo, _ = period(start.year, start.month, start.day)
    right = round((end[1] - lo).days / _UNIT_DAYS[length.unit])
    if right < 1 or right == length.n:
        return None
    why = f"From {start.span.text}, when it began, to its end is {right} {length.unit}s, not {length.n}."
    evidence = [start.span, *([end[2].span] if end[2] is not None else _story(analysis))]
    return contradiction(
        FindingKind.DATE, length.span, length.sentence, evidence, why, format_like(length.span.text, right), 0.6
    )


def _story(analysis: Analysis) -> list[Span]:
    span = story_date_span(analysis)
    return [span] if span is not None else []
