"""Figure mentions: every quantity an article states, read as one span with what it measures.

A mention is the whole figure as written — "$41.3 billion", "4.75%", "a 212-day strike",
"1:58:42", "27-24", "by 318 votes to 147" — with its value, the kind of thing it is (money in a
currency, a percentage, a count of some noun, a clock time, a score), the noun it counts and the
content words around it. Checks compare mentions through an index keyed by kind and unit, never
all pairs, so the work grows with the number of figures that could be the same fact.

    >>> m = read_figure("worth $41.3 billion", 6)
    >>> (m.core, m.unit, m.scale)
    ('41.3', '$', 'billion')

Years and the day numbers of dates ("6 September 2012", "August 9") are left to the date reader.
Spans of time ("a week", "two weeks", "a 212-day strike") are one figure each, in days or months
(:mod:`corrigo.analysis.durations_read`), so "seven days" and "a week" are one value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.durations_read import find_durations
from corrigo.analysis.numbers import parse_number
from corrigo.model import Span

__all__ = ["Figure", "FigureIndex", "Mention", "figure_mentions", "read_figure"]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SCALE = r"(?:trillion|billion|million|thousand|tn|bn|mn|m|k)"
# One figure: an optional currency, the number (digits, or a clock/race time, or a score), a scale
# word, a percent sign or word, or a hyphenated unit ("212-day", "36.2-kilometre").
_FIGURE = re.compile(
    r"(?<![\w.,:$£€¥/-])"
    r"(?P<cur>US\$|[$£€¥])?"
    r"(?P<num>"
    r"\d{1,2}(?::\d{2}){1,2}"  # 4:35, 1:58:42
    r"|\d+-\d+(?:\(\d+\))?(?:,\s\d+-\d+(?:\(\d+\))?)*(?!/\d)"  # 38-35, 7-6(5); "6-4, 7-6(6), 6-2"; not "7-3/8"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r")"
    r"(?P<scale>\s?" + _SCALE + r"\b)?"
    r"(?P<pct>%|\s(?:per\s?cent|percent)\b|\spercentage\spoints?\b)?"
    r"(?P<curword>\s(?:euros?|dollars?|pounds?|francs?|yen|yuan|riyals?|rupees?)\b)?"
    r"(?P<unit>-[a-z]+(?:-[a-z]+)?\b)?"
    r"(?![\w]|[.,:]\d)",
    re.I,
)
# "by 318 votes to 147", "won 52 to 48": two numbers of one result.
_VOTES = re.compile(r"\b(?P<a>\d[\d,]*)\s+(?P<noun>[a-z]+\s+)?to\s+(?P<b>\d[\d,]*)\b(?!\s*(?:per|%|[a-z]+-))", re.I)
# A count written in words, with what a digit figure may carry: "forty billion dollars",
# "a three-point win", "twenty-five seats", "one and a half billion". "one" is left out (it is a
# pronoun and an article as often) except before "and a half".
_WORD_NUMBER = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_WORD_FIGURE = re.compile(
    r"(?<![\w-])(?P<num>(?:" + _WORD_NUMBER + r"|one)\s+and\s+a\s+half|" + _WORD_NUMBER + r")"
    r"(?P<scale>\s(?:hundred|thousand|million|billion|trillion)\b)?"
    r"(?P<pct>\s(?:per\s?cent|percent)\b|\spercentage\spoints?\b)?"
    r"(?P<curword>\s(?:euros?|dollars?|pounds?|francs?|yen|yuan|riyals?|rupees?)\b)?"
    r"(?P<unit>-[a-z]+(?:-[a-z]+)?\b)?"
    r"(?![\w-])",
    re.I,
)
# A margin is the difference between two tallies: "by 171 votes", "a 171-vote defeat", "a three-point
# win", "a margin of 12 seats". The units a result is tallied in, and the nouns that name a difference
# between two sides, are few and general.
_TALLY_UNITS = frozenset({"vote", "point", "goal", "run", "seat", "stroke", "shot", "wicket", "length"})
_MARGIN_NOUNS = frozenset({"margin", "lead", "deficit", "win", "victory", "defeat", "majority", "gap"})
_CURRENCY_WORDS = {"euro": "€", "dollar": "$", "pound": "£", "yen": "¥", "franc": "franc", "riyal": "riyal"}
_DATE_BEFORE = re.compile(_MONTH + r"\s*$", re.I)
_DATE_AFTER = re.compile(r"^\s*(?:" + _MONTH + r"|(?:st|nd|rd|th)\b)", re.I)
_CLOCK_AFTER = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?|gmt|bst|cet|cest|et|pt)\b", re.I)
_STOP = frozenset(
    [
        "be",
        "have",
        "do",
        "say",
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "as",
        "and",
        "or",
        "but",
        "that",
        "this",
        "it",
        "its",
        "their",
        "his",
        "her",
        "which",
        "who",
        "whom",
        "whose",
        "than",
        "then",
        "there",
        "here",
        "was",
        "were",
        "is",
        "are",
        "been",
        "being",
        "has",
        "had",
        "will",
        "would",
        "could",
        "should",
        "also",
        "more",
        "most",
        "less",
        "about",
        "around",
        "some",
        "over",
        "under",
        "after",
        "before",
        "up",
        "down",
        "out",
        "into",
        "per",
        "year",
        "years",
    ]
)


@dataclass(frozen=True, slots=True)
class Figure:
    """What a figure's text says, before its sentence is read: value and form.

    ``core`` is the part a fix replaces (the number as written); ``unit`` the currency, "%",
    the hyphenated unit word, "clock", "time" or "score"; ``scale`` the scale word, lower-cased.
    """

    start: int  # offsets of the core in the text read
    end: int
    core: str
    value: float | tuple[int, ...]
    unit: str
    scale: str
    whole_start: int
    whole_end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure in an article with its context: the fact reader's record of a stated value."""

    figure: Figure
    span: Span  # the core, in the article
    sentence: Sentence
    noun: str | None  # the lemma of what it counts or measures ("strike", "vote", "seat")
    verb: str | None  # the lemma of the predicate it depends on ("raise", "win")
    context: frozenset[str]  # content lemmas of the sentence, figures left out
    # An implied mention (see :mod:`corrigo.analysis.implied`) is a value that arithmetic on stated
    # figures gives: ``implied`` says how, ``span`` is its source's, and ``solve`` maps a value the
    # article supports better to the (source, corrected core) edits that would give it.
    implied: str | None = None
    solve: Callable[[Any], list[tuple[Mention, str]]] | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Mentions that could state the same fact share this key: unit and scale."""
        return (self.figure.unit.lower(), _scale_family(self.figure.scale))


def _scale_family(scale: str) -> str:
    s = scale.strip().lower()
    return {"bn": "billion", "mn": "million", "m": "million", "k": "thousand", "tn": "trillion"}.get(s, s)


def read_figure(text: str, pos: int = 0) -> Figure | None:
    """The figure that starts at ``pos`` in ``text``, if one does."""
    m = _FIGURE.match(text, pos)
    return _figure(text, m) if m else None


def _figure(text: str, m: re.Match[str], words: bool = False) -> Figure | None:
    num = m.group("num")
    cur = "" if words else m.group("cur") or ""
    scale, pct, unit = (m.group("scale") or "").strip(), m.group("pct"), m.group("unit")
    if not cur and m.group("curword"):
        cur = _CURRENCY_WORDS.get(m.group("curword").strip().lower().rstrip("s"), m.group("curword").strip().lower())
    before, after = text[max(0, m.start() - 12) : m.start()], text[m.end() : m.end() + 12]
    if words:
        value = parse_number(num)
        if value is None:
            return None
        if not cur and m.group("curword"):
            cur = _CURRENCY_WORDS.get(m.group("curword").strip().lower().rstrip("s"), "")
        label = cur or ("%" if pct else "") or (unit.lower().lstrip("-") if unit else "")
        label = "times" if label == "time" else label  # "a two-time champion": occasions, not a race time
        return Figure(m.start("num"), m.end("num"), num, value, label, scale.lower(), m.start(), m.end())
    if ":" in num:
        kind = "clock" if _CLOCK_AFTER.match(text[m.end("num") :]) else "time"
        return Figure(m.start("num"), m.end("num"), num, _parts(num), kind, "", m.start(), m.end())
    if "-" in num:
        if cur or pct or scale:
            return None
        return Figure(m.start("num"), m.end("num"), num, _parts(num), "score", "", m.start(), m.end())
    if not cur and not pct and not scale and not unit:
        if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
            return None  # "August 9", "6 September"
        if re.fullmatch(r"(1[6-9]|20)\d\d", num):
            return None  # a year: the date reader's ("2,000" with its separator is a count)
    if unit and re.fullmatch(r"-(?:year|month|week|day|hour)s?-old", unit.lower()):
        unit = "-year-old" if "year" in unit.lower() else unit.lower()
    if unit and unit.lower() == "-time":
        unit = "-times"  # "a two-time champion" counts occasions; "time" is a race time's unit
    value = float(num.replace(",", ""))
    label = (
        ("$" if cur.upper() == "US$" else cur.upper())
        or ("%" if pct else "")
        or (unit.lower().lstrip("-") if unit else "")
    )
    end = m.end("num")
    return Figure(m.start("num"), end, num, value, label, scale.lower(), m.start(), m.end())


def _parts(num: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", num))


# The last analysis read and its mentions: several checks read one article's figures in turn.
_last: tuple[Analysis, tuple[Mention, ...]] | None = None


def figure_mentions(analysis: Analysis) -> list[Mention]:
    """Every figure of the checked sentences (headline included), in text order."""
    global _last
    last = _last  # read once: another thread may replace it meanwhile
    if last is None or last[0] is not analysis:
        last = _last = (analysis, tuple(_read_mentions(analysis)))
    return list(last[1])


def _read_mentions(analysis: Analysis) -> list[Mention]:
    out: list[Mention] = []
    for sentence in analysis.sentences:
        text = sentence.span.text
        lemmas = _content_lemmas(sentence)
        found: list[Figure] = []
        blocked: list[tuple[int, int]] = []
        for d in find_durations(text):
            # A span of time is one figure in days or months ("two weeks", "a 212-day strike"); a
            # hedged one is no exact value, and its number is not read as a bare count either.
            blocked.append((d.start, d.end))
            if not d.hedged:
                found.append(Figure(d.start, d.end, d.text, d.value, d.unit, "", d.start, d.end))
        for m in _VOTES.finditer(text):
            if any(s <= m.start() < e for s, e in blocked):
                continue
            noun = (m.group("noun") or "").strip().lower()
            if noun and noun not in ("votes", "vote", "seats", "points", "goals"):
                continue
            core = f"{m.group('a')}-{m.group('b')}"
            found.append(
                Figure(
                    m.start("a"),
                    m.end("b"),
                    text[m.start("a") : m.end("b")],
                    _parts(core),
                    "score",
                    "",
                    m.start(),
                    m.end(),
                )
            )
        for m in _FIGURE.finditer(text):
            if any(f.whole_start <= m.start() < f.whole_end for f in found) or any(
                s <= m.start() < e for s, e in blocked
            ):
                continue
            fig = _figure(text, m)
            if fig is not None:
                found.append(fig)
        for m in _WORD_FIGURE.finditer(text):
            if any(f.whole_start <= m.start() < f.whole_end for f in found) or any(
                s <= m.start() < e for s, e in blocked
            ):
                continue
            fig = _figure(text, m, words=True)
            if fig is not None:
                found.append(fig)
        for fig in sorted(found, key=lambda f: f.start):
            span = Span.of(analysis.article.text, sentence.span.start + fig.start, sentence.span.start + fig.end)
            noun, verb = _frame(sentence, span)
            if _is_margin(sentence, span, fig, noun):
                fig = replace(fig, unit="margin", scale="")
            out.append(Mention(fig, span, sentence, noun, verb, lemmas))
    return out


def _is_margin(sentence: Sentence, span: Span, fig: Figure, noun: str | None) -> bool:
    """A figure that states a margin: "by 171 votes", "a 171-vote defeat", "margin of 12 seats"."""
    if fig.unit not in ("",) + tuple(_TALLY_UNITS) and not (fig.unit.endswith("s") and fig.unit[:-1] in _TALLY_UNITS):
        return False
    start, end = span.start - sentence.offset, span.end - sentence.offset
    toks = list(sentence.tokens)
    inside = [i for i, t in enumerate(toks) if t.idx < end and t.idx + len(t.text) > start]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    before = toks[first - 1].lower_ if first > 0 else ""
    tally = fig.unit.rstrip("s") in _TALLY_UNITS or noun in _TALLY_UNITS
    if before == "by" and tally and not fig.unit:
        return True  # "by 171 votes", "won by three points"
    if before == "of" and first > 1 and toks[first - 2].lemma_.lower() in _MARGIN_NOUNS:
        return True  # "a margin of 230 votes", "a lead of three points"
    if fig.unit and tally:
        # "a 171-vote defeat", "an 11-point halftime deficit": the noun the hyphenated unit modifies.
        after = [t.lemma_.lower() for t in toks[last + 1 : last + 5] if t.pos_ in ("NOUN", "PROPN", "ADJ")]
        return any(w in _MARGIN_NOUNS for w in after[:3])  # past the unit and one modifier
    return False


def _content_lemmas(sentence: Sentence) -> frozenset[str]:
    return frozenset(
        t.lemma_.lower()
        for t in sentence.tokens
        if t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ") and not t.like_num and t.lemma_.lower() not in _STOP
    )


def _frame(sentence: Sentence, span: Span) -> tuple[str | None, str | None]:
    """The noun a figure counts and the verb it hangs from, read off the parse."""
    start, end = span.start - sentence.offset, span.end - sentence.offset
    toks = [t for t in sentence.tokens if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return None, None
    last = toks[-1]
    noun = None
    # "212-day strike": the unit after the hyphen, then the noun it modifies.
    for t in sentence.tokens[last.i - sentence.tokens.start + 1 : last.i - sentence.tokens.start + 5]:
        if t.pos_ in ("NOUN", "PROPN") and not t.like_num:
            noun = t.lemma_.lower()
            break
        if t.pos_ not in ("ADJ", "NUM", "PUNCT", "SYM", "ADV") and t.text.lower() not in ("-", "billion", "million"):
            break
    head: Any = last
    verb = None
    for _ in range(6):
        if head.head is head:
            break
        head = head.head
        if noun is None and head.pos_ in ("NOUN",) and head.i > last.i:
            noun = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX"):
            verb = head.lemma_.lower()
            break
    return noun, verb


class FigureIndex:
    """Mentions grouped by :attr:`Mention.key`: candidates for the same fact are looked up, not paired
    all against all."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self._by_key: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for m in mentions:
            self._by_key[m.key].append(m)

    def groups(self) -> Iterator[list[Mention]]:
        for key in sorted(self._by_key):
            yield self._by_key[key]
