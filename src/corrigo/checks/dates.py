"""Date arithmetic against the article's date and the other dates it gives.

Three kinds of statement are checked, each only when the article gives what it needs:

* a weekday written with an explicit date: "on Tuesday, 14 March 2023", "Thursday (June 12)"
  (a date without a year takes the year of the article's date);
* an age written with a birth date: "Smith, 45, ... born in 1970", "born on 2 February 1963
  ... The 63-year-old physicist" in a story dated 2024;
* a number of years counted from a year the article gives: "marks 20 years since it opened
  in 1997", "the 25th anniversary", "for the first time in 32 years" with "last won the title
  in 1981", "had been in force for 11 years" with "imposed in January 2011".

A bare weekday ("on Sunday") is never checked. Every rule flags only when no reading the
article allows is consistent: each year that could be the start and each date that could be
the end is tried before a number of years is called wrong.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.analysis.dates import MONTHS, WEEKDAYS
from corrigo.analysis.numbers import format_like, format_ordinal_like, ordinal_value, parse_number
from corrigo.checks.base import contradiction
from corrigo.model import Entity, Finding, FindingKind, Span

__all__ = ["DateCheck"]

_MONTH_NAMES = sorted({m for m in MONTHS}, key=len, reverse=True)
_MONTH = r"(?P<month>" + "|".join(m.capitalize() for m in _MONTH_NAMES) + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?P<weekday>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")"
_END = r"(?![\w%]|[-–/]\d|[.,]\d)"

# Explicit dates inside a sentence, most precise first: "2 February 1963", "May 18, 2024",
# "November 2016", "summer of 1998" (a season is read as its year), "1987".
_DATE_FORMS = (
    re.compile(r"(?<![\w-])" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + _END),
    re.compile(r"(?<![\w-])" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _END),
    re.compile(r"(?<![\w-])" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + _END),
    re.compile(r"(?<![\w$£€.,/-])" + _YEAR + _END),
)
# Words that make a bare four-digit number a year rather than a count ("in 1987", "since 2019").
_YEAR_CUES = frozenset(
    {"in", "since", "from", "until", "till", "by", "of", "before", "after", "during", "to", "and", "between",
     "year", "early", "late", "mid", "summer", "spring", "autumn", "winter", "fall", "end", "start", "around"}
)  # fmt: skip

# A weekday written with an explicit date: "Tuesday, 14 March 2023", "Thursday, June 12",
# "Tuesday (March 14)", "Saturday 3rd of June".
_WEEKDAY_DATES = (
    re.compile(
        r"\b"
        + _WEEKDAY
        + r"(?:,\s*|\s+|\s*\(\s*)(?:the\s+)?"
        + _DAY
        + r"(?:\s+of)?\s+"
        + _MONTH
        + r"(?:,?\s+"
        + _YEAR
        + r")?"
        + _END
    ),
    re.compile(
        r"\b" + _WEEKDAY + r"(?:,\s*|\s+|\s*\(\s*)" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?" + _END
    ),
)

_SMALL_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "a hundred",
)  # fmt: skip
_N = r"(?P<n>\d{1,3}|(?:" + "|".join(_SMALL_WORDS) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
_HEDGE = (
    r"(?:(?P<hedge>more than|just over|over|nearly|almost|about|around|some|roughly|close to|just under|"
    r"at least|less than|fewer than|under|upwards of)\s+)?"
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
# "the 178-year-old firm", "ending a seven-year legal fight": a thing that has lasted N years to now.
_YEAR_OLD_THING = re.compile(r"\b(?:the|its|their|a|an)\s+" + _N + r"-year-old\s+(?P<noun>[a-z]+)\b", re.I)
_ENDING_YEARS = re.compile(
    r"\b(?:end|ends|ended|ending|capping|caps|capped|closing)\s+(?:a|an|the|its|their|his|her)\s+"
    + _N
    + r"-year\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+)\b",
    re.I,
)
_ANNIVERSARY = re.compile(r"(?<![\w-])" + _ORD + r"\s+(?:anniversary|birthday)\b", re.I)
_ONGOING_OF = frozenset({"end", "mark", "celebrate", "commemorate", "complete", "after", "close", "cap"})
_PERFECT = re.compile(r"\b(?:has|have|had|'s|'ve|’s|’ve)\b(?:\s+\w+){0,4}\s+for\s", re.I)

# Verbs that start what a number of years counts: "opened in 1987", "was founded in 1962".
_START_LEMMAS = frozenset(
    {"open", "found", "establish", "set", "launch", "build", "create", "start", "begin", "introduce",
     "impose", "form", "inaugurate", "join", "debut", "elect", "appoint", "become", "arrive", "construct",
     "complete", "unveil", "ban"}
)  # fmt: skip
# Lemmas that say nothing about what a sentence is about.
_STOP_LEMMAS = frozenset(
    {"say", "be", "have", "do", "year", "time", "first", "last", "make", "get", "go", "people", "day", "week",
     "month", "percent", "number", "tell", "add", "include", "also", "-pron-", "which", "who", "that", "there",
     "come", "see", "know", "think", "want", "use", "give", "put", "way", "thing", "lot", "part", "new"}
)  # fmt: skip
_TIME_NOUNS = frozenset({"year", "week", "month", "night", "season", "summer", "winter", "spring", "autumn", "weekend"})
_PAST_MARKERS = re.compile(r"\b(?:died|dies|death|when|at the time|then)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Date:
    """A year the article states, with its month and day when given."""

    year: int
    month: int | None
    day: int | None
    span: Span
    sentence: Sentence
    token: Any  # the year's token, for its place in the parse

    @property
    def months(self) -> float | None:
        """Months since year 0 at the start of the stated period, None when only the year is given."""
        if self.month is None:
            return None
        return self.year * 12 + self.month - 1 + ((self.day - 1) / 31 if self.day else 0.0)


@dataclass(frozen=True, slots=True)
class _End:
    """A date a number of years can run to: the story's date or another year in the sentence."""

    year: int
    months: float | None
    text: str
    span: Span | None  # None for the story's date when it comes from metadata
    story: bool = False  # the story's own date


@dataclass(frozen=True, slots=True)
class _Duration:
    """A stated number of years: ``n`` as written at ``span``, and what it counts."""

    kind: str  # since, ago, ongoing, first, between, anniversary
    n: int
    hedge: str
    span: Span
    phrase: str
    sentence: Sentence


class DateCheck:
    """Flags weekdays, ages and numbers of years that the article's own dates contradict.

    Example:
        >>> import corrigo
        >>> text = "Museum turns 25\\n\\nMay 18, 2024\\n\\nThe museum marked 20 years since it opened in May 1999."
        >>> [f.suggestion for f in corrigo.check(text, checks=("dates",)).findings]
        ['25']
    """

    name = "dates"

    def run(self, analysis: Analysis) -> list[Finding]:
        ref = analysis.article.date
        dates = {s.index: _dates_in(analysis, s) for s in analysis.sentences}
        findings: list[Finding] = []
        for sentence in analysis.sentences:
            findings.extend(_weekday_findings(analysis, sentence, ref))
            for duration in _durations_in(analysis, sentence):
                if ref is not None or duration.kind == "between":
                    finding = _check_duration(analysis, duration, dates, ref)
                    if finding is not None:
                        findings.append(finding)
        if ref is not None:
            findings.extend(_age_findings(analysis, dates, ref))
        from corrigo.checks.timeline import timeline_findings

        # a count of years the readings above already blame keeps that finding
        flagged = {f.span for f in findings}
        extra = [(f, spans) for f, spans in timeline_findings(analysis, dates, ref) if not spans & flagged]
        used = [span for _, spans in extra for span in spans]
        findings = [f for f in findings if not any(f.span.overlaps(u) for u in used)]
        findings.extend(f for f, _ in extra)
        return findings


# --- reading dates ---------------------------------------------------------------------------


def _token_at(sentence: Sentence, article_pos: int) -> Any | None:
    for tok in sentence.tokens:
        start = sentence.offset + tok.idx
        if start <= article_pos < start + len(tok.text):
            return tok
    return None


def _dates_in(analysis: Analysis, sentence: Sentence) -> list[_Date]:
    """Every year the sentence states, with its month and day when it gives them."""
    text = sentence.span.text
    base = sentence.span.start
    taken: list[tuple[int, int]] = []
    out: list[_Date] = []
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = m.groupdict()
            month = MONTHS[groups["month"].lower()] if groups.get("month") else None
            day = int(groups["day"]) if groups.get("day") else None
            year = int(groups["year"])
            tok = _token_at(sentence, base + m.start("year"))
            if tok is None:
                continue
            if month is None and not _reads_as_year(tok):
                continue
            if day is not None and month is not None:
                try:
                    dt.date(year, month, day)
                except ValueError:
                    continue
            taken.append((m.start(), m.end()))
            span = Span.of(analysis.article.text, base + m.start(), base + m.end())
            out.append(_Date(year, month, day, span, sentence, tok))
    return sorted(out, key=lambda d: d.span.start)


def _reads_as_year(tok: Any) -> bool:
    """A bare four-digit number is a year when tagged as a date or led by a year word ("in 1987")."""
    if tok.ent_type_ == "DATE":
        return True
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    return prev is not None and prev.lower_ in _YEAR_CUES


def _fmt_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


# --- weekdays --------------------------------------------------------------------------------


def _weekday_findings(analysis: Analysis, sentence: Sentence, ref: dt.date | None) -> list[Finding]:
    """ "on Tuesday, 14 March 2023" when 14 March 2023 was a Wednesday; "Thursday (June 12)" with the
    year of the story's date (the nearest such date to it, so December stories may name January)."""
    out: list[Finding] = []
    text = sentence.span.text
    base = sentence.span.start
    for form in _WEEKDAY_DATES:
        for m in form.finditer(text):
            month = MONTHS[m["month"].lower()]
            day = int(m["day"])
            if m["year"]:
                date = _safe_date(int(m["year"]), month, day)
            elif ref is not None:
                options = [_safe_date(ref.year + k, month, day) for k in (-1, 0, 1)]
                valid = [d for d in options if d is not None]
                date = min(valid, key=lambda d: abs((d - ref).days)) if valid else None
            else:
                date = None
            if date is None:
                continue
            said = m["weekday"]
            actual = WEEKDAYS[date.weekday()]
            if said.lower() == actual:
                continue
            wrong = Span.of(analysis.article.text, base + m.start("weekday"), base + m.end("weekday"))
            first = min(m.start("day"), m.start("month"))
            date_span = Span.of(analysis.article.text, base + first, base + m.end())
            evidence = [date_span]
            where = ""
            if not m["year"]:
                evidence.extend(_date_line(analysis))
                where = f" (taking the year of the story's date, {ref.year})" if ref else ""
            out.append(
                contradiction(
                    FindingKind.DATE,
                    wrong,
                    sentence,
                    evidence,
                    f"{_fmt_date(date)} falls on a {actual.capitalize()}, not a {said}{where}.",
                    actual.capitalize() if said[0].isupper() else actual,
                    0.9 if m["year"] else 0.75,
                )
            )
    return out


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- ages ------------------------------------------------------------------------------------

# "Smith, 45," / "a 45-year-old" / "aged 45" / "now 52"
_AGE_FORMS = (
    re.compile(r"(?<![\w-])(?P<n>\d{1,3})-year-old\b"),
    re.compile(r"\baged\s+(?P<n>\d{1,3})\b"),
    re.compile(r"\bnow\s+(?P<n>\d{1,3})(?=\s*[,.;)]|\s*$)"),
    re.compile(r",\s+(?P<n>\d{1,3})(?=\s*[,)])"),
)
_BORN = re.compile(r"\bborn\b")


def _age_findings(analysis: Analysis, dates: dict[int, list[_Date]], ref: dt.date) -> list[Finding]:
    """An age against the same person's birth date: "Okonkwo, who was born on 2 February 1963" and
    "The 63-year-old physicist" in a story dated May 2024 (61). Ages that may be at a past time
    ("died in 2001 aged 80", "when he was 20") are left alone."""
    births = _births(analysis, dates)
    if not births:
        return []
    out: list[Finding] = []
    for sentence in analysis.sentences:
        text = sentence.span.text
        if _BORN.search(text) or _PAST_MARKERS.search(text):
            continue
        other_years = [d for d in dates[sentence.index]]
        if other_years:
            continue
        for form in _AGE_FORMS:
            for m in form.finditer(text):
                pos = sentence.span.start + m.start("n")
                person = _person_for_age(analysis, sentence, pos, form is _AGE_FORMS[3])
                if person is None or person.key not in births:
                    continue
                birth, named = births[person.key]
                if not _same_name(person.span.text, named):
                    continue  # "Jane Smith" and "John Smith" may share a key: not one person
                n = int(m["n"])
                allowed = _ages(birth, ref)
                if n in allowed:
                    continue
                right = min(sorted(allowed), key=lambda a: abs(a - n))
                wrong = Span.of(analysis.article.text, pos, pos + len(m["n"]))
                born_text = ("on " if birth.day else "in ") + birth.span.text
                out.append(
                    contradiction(
                        FindingKind.DATE,
                        wrong,
                        sentence,
                        [birth.span, *_date_line(analysis)],
                        f"Born {born_text}, this person is {_ages_text(allowed)} on {_fmt_date(ref)}, "
                        f"the story's date, not {n}.",
                        str(right),
                        0.85 if len(allowed) == 1 else 0.75,
                    )
                )
    return out


def _date_line(analysis: Analysis) -> list[Span]:
    """The story's date line as evidence, when it has one (a date from metadata has no span)."""
    dl = analysis.article.dateline
    return [dl.date_span] if dl is not None and dl.date_span is not None else []


def _ages(birth: _Date, ref: dt.date) -> set[int]:
    years = ref.year - birth.year
    if birth.month is not None and birth.day is not None:
        return {years - (1 if (ref.month, ref.day) < (birth.month, birth.day) else 0)}
    if birth.month is not None and birth.month != ref.month:
        return {years - (1 if ref.month < birth.month else 0)}
    return {years - 1, years}


def _ages_text(allowed: set[int]) -> str:
    values = sorted(allowed)
    return str(values[0]) if len(values) == 1 else f"{values[0]} or {values[1]}"


def _same_name(a: str, b: str) -> bool:
    """ "Smith" and "John Smith" can name one person; "Jane Smith" and "John Smith" cannot."""
    wa, wb = set(normalise_name(a).split()), set(normalise_name(b).split())
    return wa <= wb or wb <= wa


def _births(analysis: Analysis, dates: dict[int, list[_Date]]) -> dict[str, tuple[_Date, str]]:
    """Person key -> (birth date, the name as written there), from "X, who was born on 2 February
    1963" / "X (born 1970)" / "Born in 1970, X ...". A person given two birth years is dropped."""
    found: dict[str, tuple[_Date, str]] = {}
    dropped: set[str] = set()
    for sentence in analysis.sentences:
        for m in _BORN.finditer(sentence.span.text):
            born_at = sentence.span.start + m.start()
            after = [d for d in dates[sentence.index] if 0 <= d.span.start - born_at <= 30]
            if not after:
                continue
            birth = after[0]
            people = [e for e in analysis.entities_in(sentence.span) if e.label == "PERSON"]
            before = [e for e in people if e.span.end <= born_at]
            who = before[-1] if before else (people[0] if len(people) == 1 else None)
            if who is None:
                continue
            if who.key in found and found[who.key][0].year != birth.year:
                dropped.add(who.key)
            found.setdefault(who.key, (birth, who.span.text))
    return {k: v for k, v in found.items() if k not in dropped}


def _person_for_age(analysis: Analysis, sentence: Sentence, pos: int, appositive: bool) -> Entity | None:
    """Whose age is at ``pos``: the person named right before it ("Kiprono, now 52", "Smith, 45,"),
    right after it ("45-year-old John Smith"), or, when the sentence names nobody, the one person
    the sentence before names ("... Okonkwo ... The 63-year-old physicist")."""
    people = [e for e in analysis.entities_in(sentence.span) if e.label == "PERSON"]
    text = analysis.article.text
    for e in people:
        gap = text[e.span.end : pos]
        if (
            e.span.end <= pos
            and len(gap) <= 30
            and re.fullmatch(r"[\s,]*(?:a|an|the|who is|now|aged)?[\s\w-]{0,20}", gap)
        ):
            if appositive and not re.fullmatch(r",\s+", gap):
                continue
            return e
        gap_after = text[pos : e.span.start]
        if not appositive and e.span.start >= pos and re.fullmatch(r"[\w-]*(?:\s+[\w-]+){0,3}\s+", gap_after):
            return e
    if appositive or people:
        return None
    if sentence.index == 0:
        return None
    prev = analysis.sentences[sentence.index - 1]
    named = [e for e in analysis.entities_in(prev.span) if e.label == "PERSON"]
    return named[0] if len({e.key for e in named}) == 1 else None


# --- numbers of years ------------------------------------------------------------------------


def _durations_in(analysis: Analysis, sentence: Sentence) -> list[_Duration]:
    """Every number of years the sentence states, classified by what it counts (see ``_YEARS_REL``)."""
    text = sentence.span.text
    base = sentence.span.start
    out: list[_Duration] = []

    def add(kind: str, m: re.Match[str], value: int | None) -> None:
        if value is None or not 1 <= value <= 200:
            return
        span = Span.of(analysis.article.text, base + m.start("n"), base + m.end("n"))
        if any(d.span == span for d in out):
            return
        hedge = (m.groupdict().get("hedge") or "").lower()
        out.append(_Duration(kind, value, hedge, span, m.group(0), sentence))

    for m in _ANNIVERSARY.finditer(text):
        add("anniversary", m, ordinal_value(m["n"]))
    for m in _YEARS_IN.finditer(text):
        if _first_or_superlative_before(sentence, base + m.start()):
            add("first", m, _int(m["n"]))
    for m in _YEARS_FOR.finditer(text):
        if _PERFECT.search(text[: m.end()]):
            add("ongoing", m, _int(m["n"]))
    for m in _YEAR_HISTORY.finditer(text):
        add("ongoing", m, _int(m["n"]))
    for m in _ENDING_YEARS.finditer(text):
        add("ongoing", m, _int(m["n"]))
    for m in _YEAR_OLD_THING.finditer(text):
        noun = _token_at(sentence, base + m.start("noun"))
        if noun is not None and noun.pos_ == "NOUN" and noun.ent_type_ != "PERSON" and not _is_person_noun(noun):
            add("ongoing", m, _int(m["n"]))
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
        add(kind, m, _int(m["n"]))
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


def _int(text: str) -> int | None:
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


def _check_duration(
    analysis: Analysis, duration: _Duration, dates: dict[int, list[_Date]], ref: dt.date | None
) -> Finding | None:
    """Try every start and end the article allows; flag only when none agrees with the number."""
    same = dates[duration.sentence.index]
    ends = _ends(analysis, duration, same, ref)
    if same:
        strong = [d for d in same if _is_start_for(d, duration)]
        candidates = same
    elif duration.kind in ("since", "ongoing", "first", "anniversary", "ago"):
        strong = _related_starts(analysis, duration, dates)
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
    if end.story and _new_reading(duration, start) and not _start_backed(analysis, duration, start, end):
        flipped = _blame_start(analysis, duration, start, end)
        if flipped is not None:
            return flipped
    literal = duration.span.text
    suggestion = format_ordinal_like(literal, right) if duration.kind == "anniversary" else format_like(literal, right)
    evidence = [start.span, *([end.span] if end.span is not None else _date_line(analysis))]
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


_ANY_YEARS = re.compile(r"(?<![\w-])" + _N + r"(?:-year\b|\s+years?\b)", re.I)


def _new_reading(duration: _Duration, start: _Date) -> bool:
    """The readings that blame the stated year: "the 178-year-old firm", "ending a seven-year legal
    fight", "highest in 15 years" against "highest level since 2006". The older readings ("20 years
    since it opened in 1997", "for the first time in 32 years" against "last won it in 1981") keep
    blaming the count, as the annotated corpus has them."""
    if _YEAR_OLD_THING.search(duration.phrase) or _ENDING_YEARS.search(duration.phrase):
        return True
    return (
        duration.kind == "first"
        and start.sentence.index != duration.sentence.index
        and not re.search(r"\bfirst\b", start.sentence.span.text, re.I)
        and not _last_cue(start.sentence)
        and _start_verb(start.token) is None
    )


def _start_backed(analysis: Analysis, duration: _Duration, start: _Date, end: _End) -> bool:
    """Another count of years in the article agrees with ``start`` ("a three-year promise" beside
    "defended for more than three years"): then the stated year has two mentions, the count one."""
    for sentence in analysis.sentences:
        for m in _ANY_YEARS.finditer(sentence.span.text):
            at = sentence.span.start + m.start("n")
            if duration.span.start <= at < duration.span.end:
                continue
            value = _int(m["n"])
            if value is None or not 1 <= value <= 200:
                continue
            other = _Duration(duration.kind, value, "", duration.span, m.group(0), sentence)
            if value != duration.n and _consistent(other, start, end):
                return True
    return False


def _blame_start(analysis: Analysis, duration: _Duration, start: _Date, end: _End) -> Finding | None:
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
                when = _fmt_date(analysis.article.date) if analysis.article.date else str(end.year)
                why = f'The story is dated {when}, and "{duration.phrase}" counts from {year}, not {start.year}.'
                same = start.sentence.index == duration.sentence.index
                return contradiction(
                    FindingKind.DATE,
                    start.span,
                    start.sentence,
                    [duration.span, *_date_line(analysis)],
                    why,
                    fix,
                    0.7 if same else 0.65,
                )
    return None


def _ends(analysis: Analysis, duration: _Duration, same: list[_Date], ref: dt.date | None) -> list[_End]:
    """The dates the years may run to: the story's date (a year on for "will"/"next year", a year
    back for "last year"; not for "N years after/later", which run to a stated year) and every
    year in the sentence."""
    ends: list[_End] = []
    text = duration.sentence.span.text.lower()
    if duration.kind != "between" and ref is not None:
        story = _story_date_span(analysis)
        ends.append(_End(ref.year, ref.year * 12 + ref.month - 1 + (ref.day - 1) / 31, _fmt_date(ref), story, True))
        if re.search(r"\b(?:will|next year|would)\b", text):
            ends.append(_End(ref.year + 1, None, str(ref.year + 1), None))
        if re.search(r"\blast year\b", text):
            ends.append(_End(ref.year - 1, None, str(ref.year - 1), None))
    for d in same:
        ends.append(_End(d.year, d.months, d.span.text, d.span))
    return ends


def _story_date_span(analysis: Analysis) -> Span | None:
    dl = analysis.article.dateline
    return dl.date_span if dl is not None else None


def _is_start_for(date: _Date, duration: _Duration) -> bool:
    """A year in the duration's own sentence that it counts from: after "since", governed by a
    start verb ("opened in 1987"), or set beside it ("November 2016, more than nine years ago").
    For "N years after" only a start year after it counts ("ten years after it opened in 1995"),
    for "N years later" only one before it ("opened in 1995 and closed ten years later")."""
    dur_tok = _token_at(duration.sentence, duration.span.start)
    if dur_tok is None or not _same_clause(date.token, dur_tok):
        return False
    if duration.kind == "between":
        rel = duration.phrase.lower().split()[-1]
        if (
            rel == "after"
            and date.span.start > duration.span.end
            or rel == "later"
            and date.span.end < duration.span.start
        ):
            return _start_verb(date.token) is not None
        return False
    if _since_cue(date.token) or _start_verb(date.token):
        return True
    if duration.kind != "ago":
        return False
    # "November 2016, more than nine years ago" / "vanished 8 years ago, on 1 February 1995"
    text = duration.sentence.span.text
    base = duration.sentence.span.start
    if date.span.end <= duration.span.start:
        gap = text[date.span.end - base : duration.span.start - base]
    else:
        gap = text[duration.span.end - base : date.span.start - base]
    return len(gap) <= 30 and "," in gap and len(gap.split()) <= 4


def _same_clause(year: Any, number: Any) -> bool:
    """The year and the number of years belong to one statement: the number is not inside a clause
    about something else ("Antunes, who has served for 30 years"), and neither sits in a reported
    or loosely attached clause ("said", "...; ...")."""
    year_path = [year, *_ancestors(year, 50)]
    number_path = [number, *_ancestors(number, 50)]
    common = next((t for t in number_path if t in year_path), None)
    if common is None:
        return False
    for tok in number_path[: number_path.index(common)]:
        if tok.dep_ in ("relcl", "ccomp", "parataxis"):
            return False
    return all(tok.dep_ not in ("ccomp", "parataxis") for tok in year_path[: year_path.index(common)])


def _ancestors(tok: Any, limit: int = 5) -> list[Any]:
    out = []
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def _since_cue(tok: Any) -> bool:
    """ "since 1987", "since it opened in May 1999", "since a blaze in the summer of 1998"."""
    for anc in [tok, *_ancestors(tok)]:
        if anc.lower_ == "since":
            return True
        if anc.pos_ in ("VERB", "AUX") and any(
            c.lower_ == "since" and c.dep_ in ("mark", "prep") for c in anc.children
        ):
            return True
    return False


def _start_verb(tok: Any) -> str | None:
    """The start verb the year or number belongs to, when it says when something began: "opened in
    1987", "was founded in 1962", "set up 25 years ago" (not "set a record in 2003")."""
    for anc in _ancestors(tok, 4):
        if anc.pos_ in ("VERB", "AUX"):
            lemma = anc.lemma_.lower()
            if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in anc.children):
                return None
            return lemma if lemma in _START_LEMMAS else None
    return None


def _last_cue(sentence: Sentence) -> bool:
    """ "The club last won the title in 1981", "The last Liberal to win Kettle Lake ..."."""
    toks = list(sentence.tokens)
    for i, tok in enumerate(toks):
        if tok.lower_ == "last":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or nxt.lemma_.lower() in _TIME_NOUNS or nxt.ent_type_ == "DATE":
                continue
            return True
    return False


def _content(sentence: Sentence) -> set[str]:
    return {
        t.lemma_.lower()
        for t in sentence.tokens
        if t.pos_ in ("NOUN", "PROPN", "VERB") and t.is_alpha and t.lemma_.lower() not in _STOP_LEMMAS
    }


def _related_starts(analysis: Analysis, duration: _Duration, dates: dict[int, list[_Date]]) -> list[_Date]:
    """Years elsewhere in the article that could start the duration, from a sentence about the same
    thing (two shared words):

    * for "the first time in N years": when it last happened ("The club last won the title in
      1981"), was last a first ("first win there since 1987") or began ("set up its hub in 1976");
    * for "N years ago": the same start verb with a year ("was set up 25 years ago" and "was set
      up in 1990");
    * for the rest: when it began ("The Gdansk plant opened in 1987"); an anniversary only from
      a sentence that says when the thing itself was founded, opened or built.
    """
    if duration.kind == "ago":
        number = _token_at(duration.sentence, duration.span.start)
        verb = _start_verb(number) if number is not None else None
        if verb is None:
            return []
        return [
            d
            for s in analysis.sentences
            if s.index != duration.sentence.index and len(_content(duration.sentence) & _content(s)) >= 2
            for d in dates[s.index]
            if _start_verb(d.token) == verb
        ]
    text = duration.sentence.span.text
    record = _record_words(duration.sentence)
    if duration.kind == "anniversary" and re.search(
        duration.span.text + r"\s+(?:birthday|anniversary\s+of)\b",
        text[duration.span.start - duration.sentence.span.start :],
    ):
        return []  # "the 60th anniversary of the birth of ...": the thing counted from is named, not dated
    words = _content(duration.sentence)
    out: list[_Date] = []
    for sentence in analysis.sentences:
        if sentence.index == duration.sentence.index or not dates[sentence.index]:
            continue
        if len(words & _content(sentence)) < 2:
            continue
        if duration.kind == "first":
            if not re.search(r"\bfirst\b", text, re.I):
                # "the highest level in 15 years" / "their highest level since early 2006": the same superlative
                if record & _record_words(sentence):
                    out.extend(d for d in dates[sentence.index] if _since_cue(d.token))
                continue
            last = _last_cue(sentence)
            first = bool(_record_words(sentence))
            out.extend(
                d for d in dates[sentence.index] if last or (first and _since_cue(d.token)) or _start_verb(d.token)
            )
        else:
            out.extend(d for d in dates[sentence.index] if _start_verb(d.token))
    return out


def _record_words(sentence: Sentence) -> set[str]:
    """ "first" and the superlatives a sentence uses ("highest", "most"): what makes it a record."""
    return {
        t.lemma_.lower() if t.lower_ != "first" else "first"
        for t in sentence.tokens
        if t.lower_ == "first" or t.tag_ in ("JJS", "RBS")
    }


def _closest(starts: list[_Date], duration: _Duration) -> _Date:
    return min(starts, key=lambda d: (abs(d.sentence.index - duration.sentence.index), -d.span.start))


def _elapsed(start: _Date, end: _End) -> tuple[float, float]:
    """The shortest and longest time from ``start`` to ``end``, in years, given what is known of both."""
    if start.months is not None and end.months is not None:
        value = (end.months - start.months) / 12
        return value - 1 / 12, value + 1 / 12
    return end.year - start.year - 1.0, end.year - start.year + 1.0


def _consistent(duration: _Duration, start: _Date, end: _End) -> bool:
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


def _right_value(duration: _Duration, start: _Date, end: _End) -> int | None:
    if start.months is not None and end.months is not None and duration.kind != "anniversary":
        value = (end.months - start.months) / 12
        return (
            math.ceil(value - 1e-9)
            if duration.hedge in ("nearly", "almost", "close to", "just under")
            else math.floor(value + 1e-9)
        )
    return end.year - start.year


def _explain(duration: _Duration, start: _Date, end: _End, right: int) -> str:
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
