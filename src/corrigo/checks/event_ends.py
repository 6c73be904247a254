"""The stated end of a period that starts on the story's date against its stated length.

"The district now enters a 60-day period of reduced quotas" in a story dated 2 September puts the
period's end in early November; "the quota period runs until early December" elsewhere
disagrees. The length is read as "N-day/week/month/year NOUN" whose noun is what a verb
of starting acts on ("enter", "begin", "start", "launch", "open"), in a sentence that states no date
of its own (it starts on the story's date). The end is a month, with "early", "mid" or "late" if
given, after "until", "till" or "through", in a later sentence whose words lead up to the same noun
with no modifier the length's sentence lacks.

Blame: the end is flagged and the month the length gives suggested, at 0.7 when the length is
stated twice ("sixty days" in a quote), else as a tie, the later of the two, at 0.55.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from corrigo.analysis.analyse import Analysis
from corrigo.analysis.durations import count_value, shift
from corrigo.checks.base import contradiction
from corrigo.checks.date_forms import ancestors, story_date_span, token_at
from corrigo.model import Finding, FindingKind, Span

__all__ = ["event_end_findings"]

_LENGTH = re.compile(r"(?<![\w-])(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)-(?P<unit>day|week|month|year)\b", re.I)
_START_LEMMAS = frozenset({"enter", "begin", "start", "launch", "open"})
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_UNTIL = re.compile(
    r"\b(?:until|till|through)\s+(?:(?P<part>early|mid|late)[\s-]+)?(?P<month>" + "|".join(_MONTHS) + r")\b(?!\s+\d)",
    re.I,
)
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_CONFIDENCE = 0.7
_TIE_CONFIDENCE = 0.55


def event_end_findings(analysis: Analysis, dates: dict[int, list[Any]], ref: dt.date | None) -> list[Finding]:
    if ref is None:
        return []
    out = []
    for sentence in analysis.sentences:
        if dates[sentence.index]:
            continue
        for m in _LENGTH.finditer(sentence.span.text):
            n = count_value(m["n"])
            if n is None or n < 2:
                continue
            tok = token_at(sentence, sentence.span.start + m.start("n"))
            unit = m["unit"].lower()
            nouns = [a for a in ancestors(tok, 3) if a.pos_ == "NOUN" and a.lemma_.lower() != unit] if tok else []
            noun = nouns[0] if nouns else None
            if noun is None or not _started(noun):
                continue
            end = shift(ref, n, unit)
            span = Span.of(analysis.article.text, sentence.span.start + m.start(), sentence.span.start + m.end())
            finding = _against_stated_end(analysis, sentence, noun, n, unit, span, end)
            if finding is not None:
                out.append(finding)
    return out


def _started(noun: Any) -> bool:
    """ "enters a 60-day period", "began a two-week trial": the noun is what a start verb acts on."""
    head = noun.head
    return noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in _START_LEMMAS


def _against_stated_end(
    analysis: Analysis, sentence: Any, noun: Any, n: int, unit: str, length: Span, end: dt.date
) -> Finding | None:
    own = {t.lemma_.lower() for t in sentence.tokens}
    for later in analysis.sentences[sentence.index + 1 :]:
        for m in _UNTIL.finditer(later.span.text):
            tok = token_at(later, later.span.start + m.start())
            if tok is None or not _of_the_same(tok, noun, own):
                continue
            month = _MONTHS.index(m["month"].lower()) + 1
            # The month's nearest occurrence to the computed end ("January" for an end in February).
            year = min(
                (end.year - 1, end.year, end.year + 1), key=lambda y: abs(y * 12 + month - end.year * 12 - end.month)
            )
            lo, hi = _PARTS.get((m["part"] or "").lower(), (1, 31))
            if _within(end, year, month, lo, hi):
                return None
            right = _MONTHS[end.month - 1]
            if m["part"] and not _within(end, end.year, end.month, *_PARTS[m["part"].lower()]):
                return None  # the day of the month disagrees too: leave a vaguer end alone
            stated = Span.of(
                analysis.article.text, later.span.start + m.start("month"), later.span.start + m.end("month")
            )
            twice = _restated(analysis, n, unit, length)
            word = right.capitalize() if m["month"][0].isupper() else right
            why = (
                f"A {length.text} {noun.lemma_} that starts on the story's date ends in "
                f"{right.capitalize()} {end.year}, not in {m['month']}."
            )
            evidence = [length, *([s] if (s := story_date_span(analysis)) is not None else [])]
            confidence = _CONFIDENCE if twice else _TIE_CONFIDENCE
            return contradiction(FindingKind.DATE, stated, later, evidence, why, word, confidence)
    return None


def _of_the_same(tok: Any, noun: Any, own: set[str]) -> bool:
    """Whether the words the end hangs from lead up to the period's noun, with no modifier its
    sentence lacks ("the quota period runs until ...")."""
    for anc in ancestors(tok, 5):
        # the noun itself, or the subject of a verb on the way up ("the period is due to run until")
        for cand in [anc, *(c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass"))]:
            if cand.pos_ == "NOUN" and cand.lemma_.lower() == noun.lemma_.lower():
                mods = [c for c in cand.children if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod")]
                return all(c.lemma_.lower() in own for c in mods)
    return False


def _within(end: dt.date, year: int, month: int, lo: int, hi: int) -> bool:
    """Whether ``end`` (give or take a day) falls in days ``lo``-``hi`` of the month."""
    for day in (end - dt.timedelta(days=1), end, end + dt.timedelta(days=1)):
        if (day.year, day.month) == (year, month) and lo <= day.day <= hi:
            return True
    return False


def _restated(analysis: Analysis, n: int, unit: str, length: Span) -> bool:
    """The length stated again elsewhere: "sixty days", "60 days", "a 60-day"."""
    pattern = re.compile(r"(?<![\w-])(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)[\s-]" + unit + r"s?\b", re.I)
    for sentence in analysis.sentences:
        for m in pattern.finditer(sentence.span.text):
            at = sentence.span.start + m.start()
            if length.start <= at < length.end:
                continue
            if count_value(m["n"]) == n:
                return True
    return False
