"""Numbers of years against the years the article states: try every start and end the article
allows, flag only when none agrees; then blame the count, or the stated year when the count
is one the story's date supports ("the 96-year-old bakery, which opened in 1928")."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.numbers import format_like, format_ordinal_like
from corrigo.checks.base import contradiction
from corrigo.checks.date_forms import StatedDate, date_line, fmt_date, story_date_span
from corrigo.checks.year_counts import ANY_YEARS, ENDING_YEARS, YEAR_OLD_THING, YearCount, to_int
from corrigo.checks.year_links import linked_starts
from corrigo.checks.year_starts import is_start_for, last_cue, related_starts, start_verb
from corrigo.model import Finding, FindingKind, Span

__all__ = ["check_duration"]


@dataclass(frozen=True, slots=True)
class _End:
    """A date a number of years can run to: the story's date or another year in the sentence."""

    year: int
    months: float | None
    text: str
    span: Span | None  # None for the story's date when it comes from metadata
    story: bool = False  # the story's own date


def check_duration(
    analysis: Analysis, duration: YearCount, dates: dict[int, list[StatedDate]], ref: dt.date | None
) -> Finding | None:
    """Try every start and end the article allows; flag only when none agrees with the number."""
    same = dates[duration.sentence.index]
    ends = _ends(analysis, duration, same, ref)
    linked = False
    if same:
        strong = [d for d in same if is_start_for(d, duration)]
        candidates = same
    elif duration.kind in ("since", "ongoing", "first", "anniversary", "ago"):
        strong = related_starts(analysis, duration, dates)
        if not strong and ref is not None and duration.kind in ("since", "ongoing"):
            strong, linked = linked_starts(analysis, duration, dates, ref.year), True
        candidates = strong
    else:
        return None
    if not strong or not any(e.span != d.span for e in ends for d in strong):
        return None
    for start in candidates:
        for end in ends:
            if end.span != start.span and end.year >= start.year and _consistent(duration, start, end):
                return None
    start = _closest(strong, duration)
    end = next(e for e in ends if e.span != start.span)
    right = _right_value(duration, start, end)
    if right is None or right < 1 or right == duration.n:
        return None
    backed = _start_backed(analysis, duration, start, end)
    if linked and len(strong) == 1 and end.story and not backed:
        # a year aligned only by the parse: the count and the story's date outvote it
        return _blame_start(analysis, duration, start, end)
    # The value fewer mentions support loses: a count the article states again ("more than three
    # years" and "a three-year promise") stands against a year it states once.
    if end.story and not backed and (_new_reading(duration, start) or _count_backed(analysis, duration)):
        flipped = _blame_start(analysis, duration, start, end)
        if flipped is not None:
            return flipped
    literal = duration.span.text
    suggestion = format_ordinal_like(literal, right) if duration.kind == "anniversary" else format_like(literal, right)
    evidence = [start.span, *([end.span] if end.span is not None else date_line(analysis))]
    confidence = 0.85 if start.sentence.index == duration.sentence.index else 0.7
    return contradiction(
        FindingKind.DATE,
        duration.span,
        duration.sentence,
        evidence,
        _explain(duration, start, end, right),
        suggestion,
        confidence,
    )


def _new_reading(duration: YearCount, start: StatedDate) -> bool:
    """The readings that blame the stated year: "the 96-year-old bakery", "ending a nine-year legal
    battle", "highest in 12 years" against "highest level since 2011". The older readings ("20 years
    since it opened in 1997", "for the first time in 32 years" against "last won it in 1981") keep
    blaming the count, as the annotated corpus has them."""
    if YEAR_OLD_THING.search(duration.phrase) or ENDING_YEARS.search(duration.phrase):
        return True
    return (
        duration.kind == "first"
        and start.sentence.index != duration.sentence.index
        and not re.search(r"\bfirst\b", start.sentence.span.text, re.I)
        and not last_cue(start.sentence)
        and start_verb(start.token) is None
    )


def _start_backed(analysis: Analysis, duration: YearCount, start: StatedDate, end: _End) -> bool:
    """Another count of years in the article agrees with ``start`` ("a five-year pledge" beside
    "kept for more than five years"): then the stated year has two mentions, the count one."""
    for sentence in analysis.sentences:
        for m in ANY_YEARS.finditer(sentence.span.text):
            at = sentence.span.start + m.start("n")
            if duration.span.start <= at < duration.span.end:
                continue
            value = to_int(m["n"])
            if value is None or not 1 <= value <= 200:
                continue
            other = YearCount(duration.kind, value, "", duration.span, m.group(0), sentence)
            if value != duration.n and _consistent(other, start, end):
                return True
    return False


def _count_backed(analysis: Analysis, duration: YearCount) -> bool:
    """Another count of years elsewhere in the article gives the same number as ``duration`` — and is
    not a person's own span of years ("who has served in the area for 30 years" is another fact)."""
    for sentence in analysis.sentences:
        if sentence.index == duration.sentence.index:
            continue
        for m in ANY_YEARS.finditer(sentence.span.text):
            if to_int(m["n"]) == duration.n and not _a_persons_years(sentence, sentence.span.start + m.start("n")):
                return True
    return False


def _a_persons_years(sentence: Sentence, at: int) -> bool:
    """Whether the count at ``at`` belongs to a clause whose subject is a person (a name or a personal
    pronoun, "who" included)."""
    tok = next((t for t in sentence.tokens if t.idx + sentence.offset >= at), None)
    for _ in range(6):
        if tok is None or tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            return any(c.ent_type_ == "PERSON" or c.lower_ in ("who", "he", "she", "i", "we") for c in subjects)
    return False


def _blame_start(analysis: Analysis, duration: YearCount, start: StatedDate, end: _End) -> Finding | None:
    """The count from the story's date stands; the year it counts from is wrong: the year that
    fits it ("2012" -> "2011"), the nearest to the count for a plain number, to the stated year
    for a hedged one."""
    target = end.year - duration.n if not duration.hedge or duration.kind == "anniversary" else start.year
    for step in range(0, 80):
        for year in (target - step, target + step) if step else (target,):
            if year == start.year or year > end.year:
                continue
            try:
                moved = replace(start, year=year)
                if start.month and start.day:
                    dt.date(year, start.month, start.day)
            except ValueError:
                continue
            if _consistent(duration, moved, end):
                fix = start.span.text.replace(str(start.year), str(year), 1)
                when = fmt_date(analysis.article.date) if analysis.article.date else str(end.year)
                why = f'The story is dated {when}, and "{duration.phrase}" counts from {year}, not {start.year}.'
                same = start.sentence.index == duration.sentence.index
                return contradiction(
                    FindingKind.DATE,
                    start.span,
                    start.sentence,
                    [duration.span, *date_line(analysis)],
                    why,
                    fix,
                    0.7 if same else 0.65,
                )
    return None


def _ends(analysis: Analysis, duration: YearCount, same: list[StatedDate], ref: dt.date | None) -> list[_End]:
    """The dates the years may run to: the story's date (a year on for "will"/"next year", a year
    back for "last year"; not for "N years after/later", which run to a stated year) and every
    year in the sentence."""
    ends: list[_End] = []
    text = duration.sentence.span.text.lower()
    if duration.kind != "between" and ref is not None:
        story = story_date_span(analysis)
        ends.append(_End(ref.year, ref.year * 12 + ref.month - 1 + (ref.day - 1) / 31, fmt_date(ref), story, True))
        if re.search(r"\b(?:will|next year|would)\b", text):
            ends.append(_End(ref.year + 1, None, str(ref.year + 1), None))
        if re.search(r"\blast year\b", text):
            ends.append(_End(ref.year - 1, None, str(ref.year - 1), None))
    for d in same:
        ends.append(_End(d.year, d.months, d.span.text, d.span))
    return ends


def _closest(starts: list[StatedDate], duration: YearCount) -> StatedDate:
    return min(starts, key=lambda d: (abs(d.sentence.index - duration.sentence.index), -d.span.start))


def _elapsed(start: StatedDate, end: _End) -> tuple[float, float]:
    """The shortest and longest time from ``start`` to ``end``, in years, given what is known of both."""
    if start.months is not None and end.months is not None:
        value = (end.months - start.months) / 12
        return value - 1 / 12, value + 1 / 12
    return end.year - start.year - 1.0, end.year - start.year + 1.0


def _consistent(duration: YearCount, start: StatedDate, end: _End) -> bool:
    n = duration.n
    if duration.kind == "anniversary":
        return n == end.year - start.year
    lo, hi = _elapsed(start, end)
    hedge = duration.hedge
    slack = max(2.0, 0.15 * n)
    if hedge in ("more than", "over", "just over", "at least", "upwards of"):
        return n <= hi
    if hedge in ("less than", "fewer than", "under"):
        return n >= lo
    if hedge in ("nearly", "almost", "close to", "just under"):
        return hi >= n - slack and lo <= n + 0.5
    if hedge:
        return hi >= n - slack and lo <= n + slack
    return math.floor(lo) <= n <= math.ceil(hi)


def _right_value(duration: YearCount, start: StatedDate, end: _End) -> int | None:
    if start.months is not None and end.months is not None and duration.kind != "anniversary":
        value = (end.months - start.months) / 12
        return (
            math.ceil(value - 1e-9)
            if duration.hedge in ("nearly", "almost", "close to", "just under")
            else math.floor(value + 1e-9)
        )
    return end.year - start.year


def _explain(duration: YearCount, start: StatedDate, end: _End, right: int) -> str:
    if duration.kind == "anniversary":
        return (
            f"Counting from {start.span.text}, {end.year} brings the {format_ordinal_like('1st', right)} "
            f"anniversary, not the {duration.span.text}."
        )
    claim = f"{duration.hedge + ' ' if duration.hedge else ''}{duration.span.text}"
    if (
        end.span is not None
        and end.span.start >= duration.sentence.span.start
        and end.span.end <= duration.sentence.span.end
    ):
        return f"From {start.span.text} to {end.text} is {_years(right)}, not {claim}."
    return f"The story is dated {end.text} and counts from {start.span.text}: that is {_years(right)}, not {claim}."


def _years(n: int) -> str:
    return "1 year" if n == 1 else f"{n} years"
