"""An age against the same person's birth date: "Smith, 45, ... born in 1970" in a story
dated 2024, "born on 2 February 1963 ... The 63-year-old physicist"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.checks.base import contradiction
from corrigo.checks.date_forms import StatedDate, ancestors, date_line, fmt_date, token_at
from corrigo.checks.year_counts import to_int
from corrigo.model import Entity, Finding, FindingKind, Span

__all__ = ["age_at_year_findings", "age_findings"]

_PAST_MARKERS = re.compile(r"\b(?:died|dies|death|when|at the time|then)\b", re.I)
# "Smith, 45," / "a 45-year-old" / "aged 45" / "now 52"
_AGE_FORMS = (
    re.compile(r"(?<![\w-])(?P<n>\d{1,3})-year-old\b"),
    re.compile(r"\baged\s+(?P<n>\d{1,3})\b"),
    re.compile(r"\bnow\s+(?P<n>\d{1,3})(?=\s*[,.;)]|\s*$)"),
    re.compile(r",\s+(?P<n>\d{1,3})(?=\s*[,)])"),
)
_BORN = re.compile(r"\bborn\b")


def age_findings(analysis: Analysis, dates: dict[int, list[StatedDate]], ref: dt.date) -> list[Finding]:
    """An age against the same person's birth date: "Okonkwo, who was born on 2 February 1963" and
    "The 63-year-old physicist" in a story dated May 2024 (61). Ages that may be at a past time
    ("died in 2001 aged 80", "when he was 20") are left alone."""
    births = _births(analysis, dates)
    if not births:
        return []
    out: list[Finding] = []
    for age in _current_ages(analysis, dates):
        if age.person.key not in births:
            continue
        birth, named = births[age.person.key]
        if not _same_name(age.person.span.text, named):
            continue  # "Jane Smith" and "John Smith" may share a key: not one person
        allowed = _ages(birth, ref)
        if age.n in allowed:
            continue
        right = min(sorted(allowed), key=lambda a: abs(a - age.n))
        born_text = ("on " if birth.day else "in ") + birth.span.text
        out.append(
            contradiction(
                FindingKind.DATE,
                age.span,
                age.sentence,
                [birth.span, *date_line(analysis)],
                f"Born {born_text}, this person is {_ages_text(allowed)} on {fmt_date(ref)}, "
                f"the story's date, not {age.n}.",
                str(right),
                0.85 if len(allowed) == 1 else 0.75,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class CurrentAge:
    """A person's age as of the story's date: "Smith, 45,", "the 45-year-old", "now 52"."""

    person: Entity
    n: int
    span: Span
    sentence: Sentence


def _current_ages(analysis: Analysis, dates: dict[int, list[StatedDate]]) -> list[CurrentAge]:
    """Every age the article gives as of its own date, with whose it is. A sentence that states a
    year, a birth or a past time ("died", "when", "then") may give an age at another time: skipped."""
    out: list[CurrentAge] = []
    for sentence in analysis.sentences:
        text = sentence.span.text
        if _BORN.search(text) or _PAST_MARKERS.search(text) or dates[sentence.index]:
            continue
        for form in _AGE_FORMS:
            for m in form.finditer(text):
                pos = sentence.span.start + m.start("n")
                person = _person_for_age(analysis, sentence, pos, form is _AGE_FORMS[3])
                if person is None:
                    continue
                span = Span.of(analysis.article.text, pos, pos + len(m["n"]))
                out.append(CurrentAge(person, int(m["n"]), span, sentence))
    return out


def _ages(birth: StatedDate, ref: dt.date) -> set[int]:
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


def _births(analysis: Analysis, dates: dict[int, list[StatedDate]]) -> dict[str, tuple[StatedDate, str]]:
    """Person key -> (birth date, the name as written there), from "X, who was born on 2 February
    1963" / "X (born 1970)" / "Born in 1970, X ...". A person given two birth years is dropped."""
    found: dict[str, tuple[StatedDate, str]] = {}
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


# --- an age at a stated year ----------------------------------------------------------------

# "founded it in 1998 at the age of 23", "retired in 2001, aged 80", "at the age of nineteen"
_AGE_AT = re.compile(r"\b(?:at\s+the\s+age\s+of|aged)\s+(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\b", re.I)


@dataclass(frozen=True, slots=True)
class _BirthYears:
    """What one statement says of a person's birth year: ``lo`` to ``hi``, both possible."""

    lo: int
    hi: int
    span: Span  # the words a fix would change
    sentence: Sentence
    kind: str  # "now" (an age on the story's date), "at" (an age at a stated year), "born"
    year: int = 0  # for "at": the stated year
    age: Span | None = None  # for "at": the age as written


def age_at_year_findings(analysis: Analysis, dates: dict[int, list[StatedDate]], ref: dt.date | None) -> list[Finding]:
    """An age at a stated year ("Holt set up the studio in 1998 at the age of 24") against the
    same person's age on the story's date ("Holt, 51,") or birth year: the birth years they give
    must agree within a year. The statement fewer mentions support is blamed, the story's date
    counting as one for an age given as of that date; only the stated year is ever corrected
    here (an age on the story's date against a birth year is :func:`age_findings`' case)."""
    people: dict[str, list[tuple[_BirthYears, str]]] = {}
    for at, person in _ages_at_years(analysis, dates):
        people.setdefault(person.key, []).append((at, person.span.text))
    if not people:
        return []
    if ref is not None:
        for age in _current_ages(analysis, dates):
            if age.person.key in people:
                years = _BirthYears(ref.year - age.n - 1, ref.year - age.n, age.span, age.sentence, "now")
                people[age.person.key].append((years, age.person.span.text))
    for key, (birth, named) in _births(analysis, dates).items():
        if key in people:
            people[key].append((_BirthYears(birth.year, birth.year, birth.span, birth.sentence, "born"), named))
    out: list[Finding] = []
    for said in people.values():
        for at, name in said:
            if at.kind != "at":
                continue
            others = [(b, n) for b, n in said if b is not at and _same_name(n, name)]
            against = [b for b, _ in others if not _overlap(b, at)]
            if not against:
                continue
            lo, hi = max(b.lo for b in against), min(b.hi for b in against)
            if lo > hi:
                continue  # the statements against it disagree among themselves
            support = 1 + sum(1 for b, _ in others if _overlap(b, at))
            weight = len(against) + (1 if any(b.kind == "now" for b in against) else 0)
            if support >= weight:
                continue
            finding = _blame_year(analysis, at, against, lo, hi, ref)
            if finding is not None:
                out.append(finding)
    return out


def _overlap(a: _BirthYears, b: _BirthYears) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def _ages_at_years(analysis: Analysis, dates: dict[int, list[StatedDate]]) -> list[tuple[_BirthYears, Entity]]:
    """ "X founded the firm in 1998 at the age of 23": the age and the year hang from one verb,
    whose subject is the person named."""
    out: list[tuple[_BirthYears, Entity]] = []
    for sentence in analysis.sentences:
        if not dates[sentence.index]:
            continue
        for m in _AGE_AT.finditer(sentence.span.text):
            n = to_int(m["n"])
            if n is None or not 1 <= n <= 120:
                continue
            tok = token_at(sentence, sentence.span.start + m.start("n"))
            verb = _verb_of(tok) if tok is not None else None
            if verb is None:
                continue
            years = [d for d in dates[sentence.index] if d.month is None and _same_token(_verb_of(d.token), verb)]
            if len(years) != 1:
                continue
            person = _subject_person(analysis, sentence, verb)
            if person is None:
                continue
            y = years[0]
            age = Span.of(analysis.article.text, sentence.span.start + m.start("n"), sentence.span.start + m.end("n"))
            out.append((_BirthYears(y.year - n - 1, y.year - n, y.span, sentence, "at", y.year, age), person))
    return out


def _verb_of(tok: Any) -> Any | None:
    """The nearest verb above ``tok`` in the parse."""
    for anc in ancestors(tok, 6):
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _same_token(a: Any | None, b: Any) -> bool:
    return a is not None and a.i == b.i


def _subject_person(analysis: Analysis, sentence: Sentence, verb: Any) -> Entity | None:
    """The person named as the verb's subject (or the subject of the verb it is joined to)."""
    for v in (verb, verb.head if verb.dep_ in ("conj", "advcl", "xcomp") else None):
        if v is None:
            continue
        for child in v.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                at = sentence.offset + child.idx
                found = [
                    e
                    for e in analysis.entities_in(sentence.span)
                    if e.label == "PERSON" and e.span.start <= at < e.span.end
                ]
                return found[0] if found else _named_elsewhere(analysis, sentence, child)
    return None


def _named_elsewhere(analysis: Analysis, sentence: Sentence, tok: Any) -> Entity | None:
    """A subject written as a name the tagger missed ("Ferri opened ..."): the one person the
    article names with those words."""
    if tok.pos_ != "PROPN":
        return None
    words = [t for t in tok.subtree if t.pos_ == "PROPN" and t.i <= tok.i]
    if not words or any(t.i != words[0].i + k for k, t in enumerate(words)):
        return None
    start, end = sentence.offset + words[0].idx, sentence.offset + words[-1].idx + len(words[-1].text)
    written = analysis.article.text[start:end]
    keys = {e.key for e in analysis.entities if e.label == "PERSON" and _same_name(written, e.span.text)}
    if len(keys) != 1:
        return None
    return Entity(Span.of(analysis.article.text, start, end), "PERSON", keys.pop())


def _blame_year(
    analysis: Analysis,
    at: _BirthYears,
    against: list[_BirthYears],
    lo: int,
    hi: int,
    ref: dt.date | None,
) -> Finding | None:
    """The stated year moved to the one the other statements give: their birth year plus the age
    (for an age on the story's date, the birth year that date makes likelier)."""
    age = at.year - at.hi
    if lo == hi:
        birth = lo
    elif ref is not None and any(b.kind == "now" for b in against):
        birth = lo if ref.timetuple().tm_yday <= 183 else hi
    else:
        return None
    right = birth + age
    if right == at.year:
        return None
    wrong, fix = _statement(analysis, at, right)
    sources = ", ".join(f'"{b.span.text}"' for b in against)
    why = (
        f"The person's age given elsewhere ({sources}) puts the birth in {_range(lo, hi)}, "
        f"so at {age} it was {right}, not {at.year}."
    )
    evidence = [b.span for b in against] + (date_line(analysis) if any(b.kind == "now" for b in against) else [])
    return contradiction(FindingKind.DATE, wrong, at.sentence, evidence, why, fix, 0.7)


def _statement(analysis: Analysis, at: _BirthYears, right: int) -> tuple[Span, str]:
    """The words to flag and their fix. Either the year or the age may be the one at fault, so
    the flag covers both when they sit close ("1998 at the age of 23"); the fix moves the year."""
    text = analysis.article.text
    span = at.span
    if at.age is not None:
        lo, hi = min(at.span.start, at.age.start), max(at.span.end, at.age.end)
        if hi - lo <= 40:
            span = Span.of(text, lo, hi)
    start = at.span.start - span.start
    fixed = (
        span.text[:start] + at.span.text.replace(str(at.year), str(right), 1) + span.text[start + len(at.span.text) :]
    )
    return span, fixed


def _range(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo} or {hi}"
