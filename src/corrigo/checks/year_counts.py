"""Numbers of years an article states, classified by what they count.

"20 years since it opened in 1997", "more than nine years ago", "had been in force for 11
years", "a 31-year history", "for the first time in 32 years", "ten years after it opened in
1995", "the 25th anniversary": :func:`durations_in` reads each as a :class:`YearCount`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.numbers import ordinal_value, parse_number
from corrigo.checks.date_forms import token_at
from corrigo.model import Span

__all__ = ["ANY_YEARS", "ENDING_YEARS", "YEAR_OLD_THING", "YearCount", "durations_in", "to_int"]

_SMALL_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "a hundred",
)  # fmt: skip
_N = r"(?P<n>\d{1,3}|(?:" + "|".join(_SMALL_WORDS) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
_HEDGE = (
    r"(?:(?P<hedge>more than|just over|over|nearly|almost|about|around|some|roughly|close to|just under|"
    r"at least|less than|fewer than|under|upwards of|only|just)\s+)?"
)
_ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
    "hundredth",
)  # fmt: skip
_ORD = (
    r"(?P<n>\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:"
    + "|".join(_ORDINAL_WORDS)
    + r"))"
)

# How a number of years is stated, and what it counts.
#   since:   "20 years since it opened in 1997"                 (start -> the story's date)
#   ago:     "November 2016, more than nine years ago"           (start -> the story's date)
#   ongoing: "ending 30 years of crane production", "had been in force for 11 years", "31-year history"
#   first:   "for the first time in 32 years", "the largest fire in the park in 30 years"
#   between: "ten years after it opened in 1995, in 2005"       (start -> another year only)
#   anniversary: "the 25th anniversary of ... founded in 1990"   (exact)
_YEARS_REL = re.compile(r"(?<![\w-])" + _HEDGE + _N + r"\s+years?\s+(?P<rel>since|ago|after|later|before|of)\b", re.I)
_YEARS_IN = re.compile(r"\bin\s+(?:the\s+(?:last|past)\s+)?" + _HEDGE + _N + r"\s+years\b", re.I)
_YEARS_FOR = re.compile(r"\bfor\s+" + _HEDGE + _N + r"\s+years\b", re.I)
_YEAR_HISTORY = re.compile(r"(?<![\w-])" + _N + r"-year\s+(?:history|existence|run|reign|tenure|presence)\b", re.I)
# "the 96-year-old bakery", "ending a nine-year legal battle": a thing that has lasted N years to now.
YEAR_OLD_THING = re.compile(r"\b(?:the|its|their|a|an)\s+" + _N + r"-year-old\s+(?P<noun>[a-z]+)\b", re.I)
ENDING_YEARS = re.compile(
    r"\b(?:end|ends|ended|ending|capping|caps|capped|closing)\s+(?:a|an|the|its|their|his|her)\s+"
    + _N
    + r"-year\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+)\b",
    re.I,
)
_ANNIVERSARY = re.compile(r"(?<![\w-])" + _ORD + r"\s+(?:anniversary|birthday)\b", re.I)
_ONGOING_OF = frozenset({"end", "mark", "celebrate", "commemorate", "complete", "after", "close", "cap"})
_PERFECT = re.compile(r"\b(?:has|have|had|'s|'ve|’s|’ve)\b(?:\s+\w+){0,4}\s+for\s", re.I)


@dataclass(frozen=True, slots=True)
class YearCount:
    """A stated number of years: ``n`` as written at ``span``, and what it counts."""

    kind: str  # since, ago, ongoing, first, between, anniversary
    n: int
    hedge: str
    span: Span
    phrase: str
    sentence: Sentence


def durations_in(analysis: Analysis, sentence: Sentence) -> list[YearCount]:
    """Every number of years the sentence states, classified by what it counts (see ``_YEARS_REL``)."""
    text = sentence.span.text
    base = sentence.span.start
    out: list[YearCount] = []

    def add(kind: str, m: re.Match[str], value: int | None) -> None:
        if value is None or not 1 <= value <= 200:
            return
        span = Span.of(analysis.article.text, base + m.start("n"), base + m.end("n"))
        if any(d.span == span for d in out):
            return
        hedge = (m.groupdict().get("hedge") or "").lower()
        if hedge in ("only", "just"):
            hedge = ""  # "for only three years": a plain count, stressed
        out.append(YearCount(kind, value, hedge, span, m.group(0), sentence))

    for m in _ANNIVERSARY.finditer(text):
        add("anniversary", m, ordinal_value(m["n"]))
    for m in _YEARS_IN.finditer(text):
        if _first_or_superlative_before(sentence, base + m.start()):
            add("first", m, to_int(m["n"]))
    for m in _YEARS_FOR.finditer(text):
        if _PERFECT.search(text[: m.end()]):
            add("ongoing", m, to_int(m["n"]))
    for m in _YEAR_HISTORY.finditer(text):
        add("ongoing", m, to_int(m["n"]))
    for m in ENDING_YEARS.finditer(text):
        add("ongoing", m, to_int(m["n"]))
    for m in YEAR_OLD_THING.finditer(text):
        noun = token_at(sentence, base + m.start("noun"))
        if noun is not None and noun.pos_ == "NOUN" and noun.ent_type_ != "PERSON" and not _is_person_noun(noun):
            add("ongoing", m, to_int(m["n"]))
    for m in _YEARS_REL.finditer(text):
        rel = m["rel"].lower()
        if rel == "of":
            before = text[: m.start()].split()
            lemma = _lemma_before(sentence, base + m.start())
            if not before or lemma not in _ONGOING_OF:
                continue
            kind = "ongoing"
        else:
            kind = {"since": "since", "ago": "ago"}.get(rel, "between")
        add(kind, m, to_int(m["n"]))
    return out


def _is_person_noun(tok: Any) -> bool:
    """ "the 37-year-old Kenyan", "a 45-year-old man": an age, not how long a thing has run."""
    return (
        tok.lemma_.lower() in _PERSON_NOUNS
        or tok.text[:1].isupper()
        or tok.lemma_.lower().endswith(("er", "or", "ist", "ian"))
    )


_PERSON_NOUNS = frozenset(
    {
        "man",
        "woman",
        "boy",
        "girl",
        "child",
        "son",
        "daughter",
        "mother",
        "father",
        "wife",
        "husband",
        "player",
        "person",
        "resident",
        "victim",
        "suspect",
        "patient",
        "student",
    }
)


def to_int(text: str) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None and float(value).is_integer() else None


def _lemma_before(sentence: Sentence, article_pos: int) -> str | None:
    """The lemma of the word before ``article_pos`` (hedges skipped): "ending" in "ending 30 years of"."""
    prev = None
    for tok in sentence.tokens:
        if sentence.offset + tok.idx >= article_pos:
            break
        if tok.is_alpha and tok.lower_ not in ("more", "than", "over", "nearly", "almost", "about", "some", "around"):
            prev = tok
    return prev.lemma_.lower() if prev is not None else None


def _first_or_superlative_before(sentence: Sentence, article_pos: int) -> bool:
    """ "for the first time in 32 years", "the largest fire in the park in 30 years": "first" or a
    superlative at most six words before, with no verb between."""
    before = [t for t in sentence.tokens if sentence.offset + t.idx < article_pos]
    for tok in reversed(before[-7:]):
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.lower_ == "first" or tok.tag_ in ("JJS", "RBS"):
            return True
    return False


ANY_YEARS = re.compile(r"(?<![\w-])" + _N + r"(?:-year\b|\s+years?\b)", re.I)
