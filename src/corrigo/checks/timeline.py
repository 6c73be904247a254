"""Dates implied by a span of time, against the date the article states for the same event.

"Eleven months after the merger was agreed, ..." in a story dated May 2022 puts the
announcement in January 2022; "announced the deal in January 2021" elsewhere disagrees. A
statement like that is read as an offset (a count of days, weeks, months or years and a hedge)
from an anchor (the story's date, narrowed by a weekday the sentence names, or a date the same
sentence states) to an event (the words after "after", "since", "before", or after "ago when").
A date elsewhere belongs to the same event when the word it hangs from ("the 12 November
runoff", "leave the treaty on 3 May") is one of the event's words.

Blame: an offset counted from the story's date is arithmetic the story itself supports, so the
lone date that disagrees loses; when a second mention backs that date the count loses instead.
Two stated dates with nothing to tell them apart: the later one is flagged below 0.5.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.dates import WEEKDAYS
from corrigo.analysis.durations import COUNT, HEDGE, count_value, offset_range, period, restate, shift
from corrigo.analysis.numbers import format_like
from corrigo.checks.base import contradiction
from corrigo.checks.date_forms import StatedDate, fmt_date, story_date_span, with_bare_dates
from corrigo.model import Finding, FindingKind, Span

__all__ = ["timeline_findings"]

_REL = re.compile(
    r"(?<![\w-])" + HEDGE + COUNT + r"\s+(?P<unit>day|week|month|year)s?\s+(?P<rel>ago|after|before|since)\b", re.I
)
_WEEKDAY = re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")
_TODAY = re.compile(r"\b(?:today|tonight|this morning)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:.!?\"“”()—–]|\s-\s")
# Lemmas too general to tie a date to an event.
_WEAK = frozenset(
    {"be", "have", "do", "say", "make", "take", "get", "go", "come", "see", "give", "put", "tell", "day",
     "week", "month", "year", "time", "people", "thing", "way", "part", "number", "percent", "when", "first",
     "last", "next", "end", "start", "begin", "lead", "hold", "set", "become", "remain", "show", "leave_",
     "-pron-", "one", "expect", "plan", "due", "schedule"}
)  # fmt: skip
_CHAIN_DEPS = frozenset({"pobj", "prep", "compound", "nmod", "npadvmod", "appos", "nummod", "amod", "poss", "pcomp"})


@dataclass(frozen=True, slots=True)
class _Offset:
    n: int
    unit: str
    hedge: str
    rel: str
    span: Span  # the count as written
    sentence: Sentence
    words: frozenset[str]  # the event's lemmas
    clause: tuple[int, int]  # the event clause, article offsets


# Two stated dates and a count between them that disagree, nothing telling which is wrong.
_TIE_CONFIDENCE = 0.55


def timeline_findings(
    analysis: Analysis, dates: dict[int, list[StatedDate]], ref: dt.date | None
) -> list[tuple[Finding, set[Span]]]:
    """Findings, each with the spans it used (so the caller can drop other findings on them)."""
    if ref is None:
        return []
    dates = with_bare_dates(analysis, dates, ref)
    implied = _anniversaries(analysis, ref)
    out: list[tuple[Finding, set[Span]]] = []
    for sentence in analysis.sentences:
        for offset in _offsets(analysis, sentence, dates[sentence.index]):
            anchor = _anchor(analysis, offset, dates, ref)
            if anchor is None:
                continue
            found = _check(analysis, offset, anchor, dates, implied)
            if found is not None:
                out.append(found)
    return out


# --- reading offsets ------------------------------------------------------------------------


def _offsets(analysis: Analysis, sentence: Sentence, stated: list[StatedDate]) -> list[_Offset]:
    text = sentence.span.text
    base = sentence.span.start
    out = []
    for m in _REL.finditer(text):
        n = count_value(m["n"])
        if n is None or n > 400:
            continue
        rel = m["rel"].lower()
        rest = text[m.end() :]
        span = Span.of(analysis.article.text, base + m.start("n"), base + m.end("n"))
        hedge = (m["hedge"] or "").lower()
        unit = m["unit"].lower()
        if rel == "ago":
            w = re.match(r"\s*,?\s*when\b", rest)
            if w is None:
                # "reached shops on March 3, only three weeks ago": the date set beside the count
                beside = [d for d in stated if _beside(text, base, d.span, base + m.start(), base + m.end())]
                if len(beside) == 1:
                    where = (beside[0].span.start, beside[0].span.end)
                    out.append(_Offset(n, unit, hedge, rel, span, sentence, frozenset({"-"}), where))
                continue
            rest_start = m.end() + w.end()
            key_at = rest_start - 4
        else:
            rest_start = m.end()
            key_at = m.start("rel")
        clause = _clause(sentence, base + key_at)
        if clause is None:
            stop = _CLAUSE_END.search(text, rest_start)
            clause = (base + rest_start, base + (stop.start() if stop else len(text)))
        words = frozenset(
            t.lemma_.lower()
            for t in sentence.tokens
            if clause[0] <= sentence.offset + t.idx < clause[1]
            and t.pos_ in ("NOUN", "PROPN", "VERB")
            and t.is_alpha
            and t.lemma_.lower() not in _WEAK
        )
        if not words:
            continue
        out.append(_Offset(n, unit, hedge, rel, span, sentence, words, clause))
    return out


def _clause(sentence: Sentence, start: int) -> tuple[int, int] | None:
    """The words "after"/"since"/"before"/"when" at ``start`` introduce, from the parse: "after the
    economist defeated Massa, the outgoing minister, in a runoff" runs to "runoff"."""
    key = next((t for t in sentence.tokens if sentence.offset + t.idx >= start and not t.is_space), None)
    if key is None:
        return None
    if key.dep_ in ("mark", "advmod") and key.head.i > key.i:
        toks = list(key.head.subtree)
    elif key.dep_ == "prep":
        toks = list(key.subtree)
    else:
        return None
    toks = [t for t in toks if t.i >= key.i]
    if len(toks) < 2 or len(toks) > 30:
        return None
    last = max(toks, key=lambda t: t.i)
    return sentence.offset + key.idx, sentence.offset + last.idx + len(last.text)


def _beside(text: str, base: int, date: Span, start: int, end: int) -> bool:
    """A date and a count set side by side, a comma between: "on August 9, two weeks ago"."""
    gap = text[date.end - base : start - base] if date.end <= start else text[end - base : date.start - base]
    return "," in gap and len(gap) <= 30 and len(gap.split()) <= 4


def _anchor(
    analysis: Analysis, offset: _Offset, dates: dict[int, list[StatedDate]], ref: dt.date
) -> tuple[dt.date, dt.date, StatedDate | None] | None:
    """When the sentence's own event happened: a date it states outside the event clause, else
    the story's date (the day a weekday names, when it names one in the week before)."""
    sentence = offset.sentence
    outside = [d for d in dates[sentence.index] if not _inside(d.span, offset.clause)]
    if offset.rel != "ago" and outside:
        if len(outside) != 1 or outside[0].span.start > offset.span.start:
            return None
        d = outside[0]
        lo, hi = period(d.year, d.month, d.day)
        return lo, hi, d
    if outside:
        return None
    text = sentence.span.text
    clause_text = analysis.article.text[offset.clause[0] : offset.clause[1]]
    named = {w.lower() for w in _WEEKDAY.findall(text) if w not in clause_text}
    if offset.rel != "ago" and len(named) == 1:
        wd = WEEKDAYS.index(named.pop())
        back = (ref.weekday() - wd) % 7
        day = ref - dt.timedelta(days=back)
        return day, day, None
    if _TODAY.search(text) or offset.rel == "ago":
        return ref, ref, None
    if named:
        return None
    return ref - dt.timedelta(days=1), ref, None


def _inside(span: Span, clause: tuple[int, int]) -> bool:
    return clause[0] <= span.start and span.end <= clause[1]


# --- the event's own date -------------------------------------------------------------------


def _head_lemma(tok: Any) -> str | None:
    """The word a date hangs from: "runoff" in "the 12 November runoff", "leave" in "leave the
    bloc on 29 April", "announce" in "announced the deal in January 2021"."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        dep = cur.dep_
        cur = cur.head
        if cur.pos_ in ("NOUN", "VERB") and cur.ent_type_ != "DATE":
            lemma = cur.lemma_.lower()
            return lemma if lemma not in _WEAK and dep in _CHAIN_DEPS | {"pobj", "npadvmod"} else None
        if cur.pos_ not in ("ADP", "NUM", "PROPN", "DET", "ADJ") and cur.ent_type_ != "DATE":
            return None
    return None


# "Thirty years ago today, the bridge opened ...": an anniversary dates its event exactly.
_AGO_TODAY = re.compile(r"(?<![\w-])" + COUNT + r"\s+(?P<unit>day|week|month|year)s?\s+ago\s+today\b", re.I)


def _anniversaries(analysis: Analysis, ref: dt.date) -> list[StatedDate]:
    """Dates the story's date implies for an event told as "N years ago today": the date N units
    before the story's, hung on the sentence's main verb ("opened")."""
    out = []
    for sentence in analysis.sentences:
        m = _AGO_TODAY.search(sentence.span.text)
        if m is None:
            continue
        n = count_value(m["n"])
        root = next((t for t in sentence.tokens if t.dep_ == "ROOT" and t.pos_ == "VERB"), None)
        if n is None or root is None:
            continue
        day = shift(ref, -n, m["unit"].lower())
        span = Span.of(analysis.article.text, sentence.span.start + m.start(), sentence.span.start + m.end())
        out.append(StatedDate(day.year, day.month, day.day, span, sentence, root))
    return out


def _events(
    analysis: Analysis, offset: _Offset, dates: dict[int, list[StatedDate]], implied: list[StatedDate] = ()
) -> list[StatedDate]:
    """Dates the article states for the offset's event: in the event clause itself, or in another
    sentence hanging from one of the event's words (an anniversary's date, on its main verb, too)."""
    inside = [d for d in dates[offset.sentence.index] if _inside(d.span, offset.clause)]
    if inside:
        return inside
    out = [d for d in implied if d.sentence.index != offset.sentence.index and d.token.lemma_.lower() in offset.words]
    for sentence in analysis.sentences:
        if sentence.index == offset.sentence.index:
            continue
        for d in dates[sentence.index]:
            lemma = _head_lemma(d.token)
            if lemma is not None and lemma in offset.words:
                out.append(d)
    return out


# --- arithmetic -----------------------------------------------------------------------------


def _implied(offset: _Offset, lo: dt.date, hi: dt.date) -> tuple[dt.date, dt.date]:
    short, long = offset_range(offset.n, offset.unit, offset.hedge)
    big = dt.timedelta(days=min(long, 365.25 * 500))
    small = dt.timedelta(days=short)
    if offset.rel == "before":
        return lo + small, hi + big
    return lo - big, hi - small


def _fits(d: StatedDate | tuple[int, int | None, int | None], window: tuple[dt.date, dt.date]) -> bool:
    year, month, day = (d.year, d.month, d.day) if not isinstance(d, tuple) else d
    try:
        lo, hi = period(year, month, day)
    except ValueError:
        return False
    return lo <= window[1] and window[0] <= hi


def _fix(
    offset: _Offset, event: StatedDate, anchor: tuple[dt.date, dt.date], window: tuple[dt.date, dt.date]
) -> str | None:
    """The event's date as the offset gives it, written like the stated one."""
    mid = anchor[0] + (anchor[1] - anchor[0]) / 2
    sign = 1 if offset.rel == "before" else -1
    if not offset.hedge or offset.hedge in ("only", "just", "exactly"):
        new = shift(mid, sign * offset.n, offset.unit)
        if _fits((new.year, event.month and new.month, event.day and new.day), window):
            return restate(event.span.text, (event.year, event.month, event.day), new)
        return None
    # hedged: the nearest value in the stated date's own precision that fits
    for step in range(1, 61):
        for k in (-step, step):
            year = event.year + k
            if _fits((year, event.month, event.day), window):
                try:
                    new = dt.date(year, event.month or 1, event.day or 1)
                except ValueError:
                    continue
                return restate(event.span.text, (event.year, event.month, event.day), new)
    return None


def _same_value(a: StatedDate, b: StatedDate) -> bool:
    return a.year == b.year and (a.month, a.day) == (b.month, b.day)


def _check(
    analysis: Analysis,
    offset: _Offset,
    anchor: tuple[dt.date, dt.date, StatedDate | None],
    dates: dict[int, list[StatedDate]],
    implied: list[StatedDate] = (),
) -> tuple[Finding, set[Span]] | None:
    events = _events(analysis, offset, dates, implied)
    if not events:
        return None
    window = _implied(offset, anchor[0], anchor[1])
    if any(_fits(e, window) for e in events):
        return None
    # the stated dates must agree among themselves to be read as one event
    first = events[0]
    if any(not _same_value(e, first) for e in events):
        return None
    stated = anchor[2]
    if any(e is d for e in events for d in implied):
        # The event's date is the story's date less an anniversary's count: arithmetic the story
        # supports. Only a date stated beside the count can lose to it.
        return _against_anniversary(analysis, offset, stated, first) if stated is not None else None
    used = {offset.span, *(e.span for e in events), *([stated.span] if stated else [])}
    unit = f"{offset.unit}s" if offset.n != 1 else offset.unit
    count = f"{offset.hedge + ' ' if offset.hedge else ''}{offset.span.text} {unit} {offset.rel}"
    if stated is not None:
        # two stated dates and a count: nothing tells which is wrong; flag the later, with a lower
        # confidence (reported, both dates quoted)
        later = max([stated, first], key=lambda d: d.span.start)
        other = first if later is stated else stated
        if later is stated:
            sign = 1
            target_window = (window[0], window[1])
            lo, hi = period(first.year, first.month, first.day)
            short, long = offset_range(offset.n, offset.unit, offset.hedge)
            target_window = (lo + dt.timedelta(days=short), hi + dt.timedelta(days=min(long, 365.25 * 500)))
            if offset.rel == "before":
                sign = -1
                target_window = (lo - dt.timedelta(days=min(long, 365.25 * 500)), hi - dt.timedelta(days=short))
            mid = lo + (hi - lo) / 2
            new = shift(mid, sign * offset.n, offset.unit)
            fix = restate(stated.span.text, (stated.year, stated.month, stated.day), new)
            if not _fits((new.year, stated.month and new.month, stated.day and new.day), target_window):
                return None
        else:
            fix = _fix(offset, first, (anchor[0], anchor[1]), window)
        if fix is None:
            return None
        why = f"{other.span.text} and {count} it put the date at {fix}, not {later.span.text}."
        return _finding(analysis, later, fix, [other.span, offset.span], why, _TIE_CONFIDENCE), used
    support = [e for e in events[1:] if e.sentence.index != first.sentence.index]
    story = story_date_span(analysis)
    if support:
        if offset.hedge and offset.hedge not in ("only", "just", "exactly") or offset.span.text.lower() in ("a", "an"):
            return None
        lo, hi = period(first.year, first.month, first.day)
        days = (anchor[0] - hi).days if offset.rel != "before" else (lo - anchor[1]).days
        right = round(days / {"day": 1, "week": 7, "month": 30.44, "year": 365.25}[offset.unit])
        if right < 1 or right == offset.n:
            return None
        why = f"The story's date and {first.span.text}, stated twice, are {right} {offset.unit}s apart, not {offset.n}."
        finding = contradiction(
            FindingKind.DATE,
            offset.span,
            offset.sentence,
            [e.span for e in events] + ([story] if story else []),
            why,
            format_like(offset.span.text, right),
            0.6,
        )
        return finding, used
    fix = _fix(offset, first, (anchor[0], anchor[1]), window)
    if fix is None or fix == first.span.text:
        return None
    when = f"the story's date ({fmt_date(anchor[1])})"
    way = "forward" if offset.rel == "before" else "back"
    why = f"Counting {offset.span.text} {unit} {way} from {when} gives {fix}, not {first.span.text}."
    conf = 0.7 if first.sentence.index == offset.sentence.index else 0.65
    evidence = [offset.span] + ([story] if story else [])
    return _finding(analysis, first, fix, evidence, why, conf), used


def _against_anniversary(
    analysis: Analysis, offset: _Offset, stated: StatedDate, event: StatedDate
) -> tuple[Finding, set[Span]] | None:
    """A stated date and a count from it to an event that an anniversary dates ("finished the deck
    on 9 March, three days before the bridge opened" when "thirty years ago today ... opened" puts the
    opening on 14 March): the stated date is flagged, the event's date moved back by the count suggested."""
    sign = -1 if offset.rel == "before" else 1
    lo, hi = period(event.year, event.month, event.day)
    new = shift(lo, sign * offset.n, offset.unit)
    if offset.hedge and offset.hedge not in ("only", "just", "exactly"):
        return None
    if _same_value(stated, event) or (stated.year, stated.month, stated.day) == (new.year, new.month, new.day):
        return None
    fix = restate(stated.span.text, (stated.year, stated.month, stated.day), new)
    unit = f"{offset.unit}s" if offset.n != 1 else offset.unit
    why = (
        f'"{event.span.text}", counted back from the story\'s date, puts the event on {fmt_date(lo)}; '
        f"{offset.span.text} {unit} {offset.rel} it is {fix}, not {stated.span.text}."
    )
    finding = _finding(analysis, stated, fix, [event.span, offset.span], why, _ANNIVERSARY_CONFIDENCE)
    return finding, {offset.span, stated.span, event.span}


# A date against an anniversary's arithmetic from the story's date and a count.
_ANNIVERSARY_CONFIDENCE = 0.65


def _finding(analysis: Analysis, wrong: StatedDate, fix: str, evidence: list[Span], why: str, conf: float) -> Finding:
    return contradiction(FindingKind.DATE, wrong.span, wrong.sentence, evidence, why, fix, conf)
