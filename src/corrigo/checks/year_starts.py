"""Which stated year a number of years counts from, read from the parse.

In the count's own sentence: a year after "since", governed by a start verb ("opened in 1987")
or set beside it ("November 2016, more than nine years ago"). Elsewhere: a year in a sentence
about the same thing that says when it began, last happened or set the record.
"""

from __future__ import annotations

import re
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.checks.date_forms import StatedDate, ancestors, token_at
from corrigo.checks.year_counts import YearCount

__all__ = ["is_start_for", "last_cue", "related_starts", "since_cue", "start_verb"]

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


def is_start_for(date: StatedDate, duration: YearCount) -> bool:
    """A year in the duration's own sentence that it counts from: after "since", governed by a
    start verb ("opened in 1987"), or set beside it ("November 2016, more than nine years ago").
    For "N years after" only a start year after it counts ("ten years after it opened in 1995"),
    for "N years later" only one before it ("opened in 1995 and closed ten years later")."""
    dur_tok = token_at(duration.sentence, duration.span.start)
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
            return start_verb(date.token) is not None
        return False
    if since_cue(date.token) or start_verb(date.token):
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
    year_path = [year, *ancestors(year, 50)]
    number_path = [number, *ancestors(number, 50)]
    common = next((t for t in number_path if t in year_path), None)
    if common is None:
        return False
    for tok in number_path[: number_path.index(common)]:
        if tok.dep_ in ("relcl", "ccomp", "parataxis"):
            return False
    return all(tok.dep_ not in ("ccomp", "parataxis") for tok in year_path[: year_path.index(common)])


def since_cue(tok: Any) -> bool:
    """ "since 1987", "since it opened in May 1999", "since a blaze in the summer of 1998"."""
    for anc in [tok, *ancestors(tok)]:
        if anc.lower_ == "since":
            return True
        if anc.pos_ in ("VERB", "AUX") and any(
            c.lower_ == "since" and c.dep_ in ("mark", "prep") for c in anc.children
        ):
            return True
    return False


def start_verb(tok: Any) -> str | None:
    """The start verb the year or number belongs to, when it says when something began: "opened in
    1987", "was founded in 1962", "set up 25 years ago" (not "set a record in 2003")."""
    for anc in ancestors(tok, 4):
        if anc.pos_ in ("VERB", "AUX"):
            lemma = anc.lemma_.lower()
            if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in anc.children):
                return None
            return lemma if lemma in _START_LEMMAS else None
    return None


def last_cue(sentence: Sentence) -> bool:
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


def related_starts(analysis: Analysis, duration: YearCount, dates: dict[int, list[StatedDate]]) -> list[StatedDate]:
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
        number = token_at(duration.sentence, duration.span.start)
        verb = start_verb(number) if number is not None else None
        if verb is None:
            return []
        return [
            d
            for s in analysis.sentences
            if s.index != duration.sentence.index and len(_content(duration.sentence) & _content(s)) >= 2
            for d in dates[s.index]
            if start_verb(d.token) == verb
        ]
    text = duration.sentence.span.text
    record = _record_words(duration.sentence)
    if duration.kind == "anniversary" and re.search(
        duration.span.text + r"\s+(?:birthday|anniversary\s+of)\b",
        text[duration.span.start - duration.sentence.span.start :],
    ):
        return []  # "the 60th anniversary of the birth of ...": the thing counted from is named, not dated
    words = _content(duration.sentence)
    out: list[StatedDate] = []
    for sentence in analysis.sentences:
        if sentence.index == duration.sentence.index or not dates[sentence.index]:
            continue
        if len(words & _content(sentence)) < 2:
            continue
        if duration.kind == "first":
            if not re.search(r"\bfirst\b", text, re.I):
                # "the highest level in 12 years" / "their highest level since early 2011": the same superlative
                if record & _record_words(sentence):
                    out.extend(d for d in dates[sentence.index] if since_cue(d.token))
                continue
            last = last_cue(sentence)
            first = bool(_record_words(sentence))
            out.extend(
                d for d in dates[sentence.index] if last or (first and since_cue(d.token)) or start_verb(d.token)
            )
        else:
            out.extend(d for d in dates[sentence.index] if start_verb(d.token))
    return out


def _record_words(sentence: Sentence) -> set[str]:
    """ "first" and the superlatives a sentence uses ("highest", "most"): what makes it a record."""
    return {
        t.lemma_.lower() if t.lower_ != "first" else "first"
        for t in sentence.tokens
        if t.lower_ == "first" or t.tag_ in ("JJS", "RBS")
    }
