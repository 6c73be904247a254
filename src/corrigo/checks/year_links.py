"""A stated year in another sentence that a count of years counts from, aligned by the parse.

"ending a ten-year overhaul of the library" and "The library's reading room shut in March 2009":
the count hangs from "overhaul", whose phrase names the library; the year hangs from "shut",
whose subject names the library too. A count and a year are aligned when the words they hang
from are the same lemma ("the ban had been in force for six years" / "the ban came into force
in 2017" both hang from "force"), or when the phrases of those words share a noun.

Only a year in a sentence with no other year, stated before the story's year, is taken: a year
in the story's own year is the news, not where a count of years began.
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.checks.date_forms import StatedDate, ancestors, token_at
from corrigo.checks.year_counts import YearCount

__all__ = ["linked_starts"]

# Lemmas that say nothing about which thing a phrase is about.
_EMPTY = frozenset(
    {"year", "month", "week", "day", "time", "decade", "century", "people", "thing", "way", "part", "number",
     "lot", "percent", "be", "have", "do", "say", "make", "get", "go", "take", "come", "see", "give", "tell",
     "-pron-", "who", "which", "that", "it", "they", "this", "one", "first", "last", "new", "more", "most"}
)  # fmt: skip
_RELATIVE = frozenset({"that", "which", "who", "whom"})
_THEME_DEPS = frozenset({"nsubjpass", "dobj", "attr"})
_MOD_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos"})


def linked_starts(
    analysis: Analysis, duration: YearCount, dates: dict[int, list[StatedDate]], story_year: int
) -> list[StatedDate]:
    """Years in other sentences whose word and phrase match the count's (see the module doc)."""
    number = token_at(duration.sentence, duration.span.start)
    head = _governor(number) if number is not None else None
    if head is None:
        return []
    lemma = head.lemma_.lower()
    nouns = _phrase_nouns(head)
    out: list[StatedDate] = []
    for sentence in analysis.sentences:
        stated = dates[sentence.index]
        if sentence.index == duration.sentence.index or len(stated) != 1:
            continue
        date = stated[0]
        if date.year >= story_year:
            continue
        other = _governor(date.token)
        if other is None:
            continue
        same_word = other.lemma_.lower() == lemma and lemma not in _EMPTY
        next_about_it = sentence.index == duration.sentence.index + 1 and _refers_back(analysis, sentence, other)
        if same_word or nouns & _phrase_nouns(other) or next_about_it:
            out.append(date)
    return out


def _refers_back(analysis: Analysis, sentence: Sentence, verb: Any) -> bool:
    """The sentence's main verb has for subject a definite noun the article has not used before
    ("The earlier peak was logged on ..."): a new name for something just mentioned, so the
    sentence goes on about the thing the sentence before it was about."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return False
    subject = subjects[0]
    children = list(subject.children)
    if subject.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    if any(c.pos_ == "PROPN" or c.dep_ in ("poss", "compound") for c in children):
        return False
    lemma = subject.lemma_.lower()
    at = sentence.offset + subject.idx
    return not any(
        tok.lemma_.lower() == lemma and s.offset + tok.idx < at for s in analysis.sentences for tok in s.tokens
    )


def _governor(tok: Any) -> Any | None:
    """The noun or verb a number or a year hangs from: "overhaul" in "a ten-year overhaul",
    "stand" in "had stood for only four years", "shut" in "shut in March 2009"."""
    for anc in ancestors(tok, 5):
        if anc.ent_type_ == "DATE" or anc.lemma_.lower() in _EMPTY and anc.pos_ == "NOUN":
            continue
        if anc.pos_ in ("VERB", "NOUN"):
            return anc
        if anc.pos_ not in ("ADP", "NUM", "ADJ", "DET", "PROPN", "PUNCT", "ADV", "AUX"):
            return None
    return None


def _phrase_nouns(head: Any) -> set[str]:
    """The nouns of the phrase a word heads: the noun itself and its modifiers ("the library's
    reading room"), its "of" phrase; for a verb, what it acts on: its object, else its subject
    (the maker in "Kestrel has made cranes" is not what the count counts). A relative pronoun
    stands for the noun its clause describes ("a record that had stood")."""
    words: list[Any] = []
    if head.pos_ == "NOUN":
        words.append(head)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                words.extend(c for c in child.children if c.dep_ == "pobj")
    elif head.pos_ == "VERB":
        args = [c for c in head.children if c.dep_ in _THEME_DEPS]
        if not any(c.dep_ in ("dobj", "attr") for c in args):
            args += [c for c in head.children if c.dep_ == "nsubj"]
        for arg in args:
            words.append(head.head if arg.lower_ in _RELATIVE and head.dep_ == "relcl" else arg)
    out: set[str] = set()
    for word in words:
        for tok in (word, *(c for c in word.children if c.dep_ in _MOD_DEPS)):
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("NOUN", "PROPN") and tok.is_alpha and lemma not in _EMPTY:
                out.add(lemma)
    return out
