"""Back-references to a figure: "the 95 mph gusts", "her 48.2 percent", "the figure of 2,400".

A definite noun phrase that carries a figure presupposes it: the writer refers to a value the
story has already given ("gusts of 95 mph ... the 95 mph gusts"). Its antecedent is the nearest
earlier mention of the same kind (unit and scale) told of the same thing: a word of the reference's
phrase other than its unit ("gusts", "rehoused tenants", "quake") is among the words around that
mention, or, when only the unit is shared ("her 48.2 percent"), the two sentences share enough
rarer words besides. When the antecedent gives another value, one fact has two values — unless a
hedge makes them agree ("more than 300 volunteers ... the 420 volunteers"): see
:mod:`corrigo.analysis.value_agreement`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from corrigo.analysis.mentions import Mention
from corrigo.analysis.value_agreement import compatible, near, places, slipped

__all__ = ["BackReference", "back_references"]


@dataclass(frozen=True, slots=True)
class BackReference:
    """A figure in a definite phrase (``ref``) and the earlier mention it refers back to."""

    ref: Mention
    antecedent: Mention
    shared: frozenset[str]  # the words of the reference's phrase found around the antecedent
    # Every earlier mention told of the same thing with the antecedent's value (the antecedent too).
    backing: tuple[Mention, ...] = ()


# Words that make a noun phrase definite when they open it: the article, a possessive pronoun, or
# a name's "'s" (tagged POS by the parser).
_DEFINITE = frozenset({"the", "its", "his", "her", "their", "our", "this", "that", "these", "those"})
_POSSESSIVE = frozenset({"its", "his", "her", "their"})
# Words before a definite figure that make it a point of comparison, not a restatement.
_COMPARED = frozenset({"than", "from", "versus", "vs", "against", "above", "below", "beyond", "past"})
# Verbs that compare a figure with another: "overtook its $31m cinema total".
_COMPARING = frozenset(
    {"exceed", "outstrip", "surpass", "beat", "top", "miss", "overtake", "eclipse", "trail", "short"}
)
# Nouns that stand for a figure itself: "the figure of 2,400", "a total of 45", "the toll of 60".
_FIGURE_NOUNS = frozenset({"figure", "total", "number", "tally", "toll", "sum", "count", "amount"})
# How many words of a noun phrase may follow the figure before its head noun ("the 450 rehoused
# tenants", "the 5 million crown prize").
_PHRASE_MAX = 4
# Nouns of a period: "last year's 23.4 million" is another period's figure.
_TIME_NOUNS = frozenset({"year", "month", "week", "quarter", "season", "day", "decade", "half"})


def back_references(
    mentions: list[Mention], reach: int, score: Callable[[Mention, Mention], float] | None = None
) -> Iterator[BackReference]:
    """Each figure in a definite phrase paired with the earlier mention of the same kind it refers
    back to (at most ``reach`` sentences back; the headline is always in reach). Of several
    candidates, one that agrees with the reference settles it; otherwise the one ``score`` ranks
    highest (the setting two sentences share) is the antecedent."""
    explicit = [m for m in mentions if m.implied is None]
    frames: dict[int, set[str]] = {}
    words: dict[int, _SentenceWords] = {}
    alike: dict[tuple[int, tuple[str, str]], list[Mention]] = defaultdict(list)
    for m in explicit:
        alike[m.sentence.index, m.key].append(m)
    for i, ref in enumerate(explicit):
        if _is_name(ref):
            continue
        said = _reference_phrase(ref)
        phrase = said.words
        if not phrase:
            continue
        own = phrase - _unit_words(ref)
        candidates = []
        for a in _earlier(explicit, i, reach):
            if a.sentence.index == ref.sentence.index or a.key != ref.key or not near(a, ref):
                continue
            if not _may_refer_to(said, _words_of(a.sentence, words)) or _another(a) - _words_of(ref.sentence, words)[1]:
                continue
            if id(a) not in frames:
                frames[id(a)] = _frame_words(a)
            shared = _matches(phrase, frames[id(a)])
            if not _one_part_off(a, ref) and (not shared or not (shared & own or _unit_only_ok(ref, a))):
                continue
            beside = [o for o in alike[a.sentence.index, a.key] if o is not a]
            if any(near(o, ref) and _matches(phrase, frames.setdefault(id(o), _frame_words(o))) for o in beside):
                continue  # "to 5.5% from 6.2%": two values of one thing in the sentence, either meant
            candidates.append((a, shared))
        if not candidates and phrase & _FIGURE_NOUNS:
            candidates = _slipped_antecedent(explicit, i, reach, ref, phrase & _FIGURE_NOUNS)
        if not candidates:
            continue
        if any(agrees(BackReference(ref, a, frozenset(s))) for a, s in candidates):
            continue
        a, shared = max(candidates, key=lambda c: (score(c[0], ref) if score else 0.0, c[0].sentence.index))
        backing = tuple(c for c, _ in candidates if c.figure.value == a.figure.value)
        yield BackReference(ref, a, frozenset(shared), backing)


def _slipped_antecedent(
    explicit: list[Mention], i: int, reach: int, ref: Mention, nouns: frozenset[str]
) -> list[tuple[Mention, set[str]]]:
    """ "the figure of 1,200" names no thing of its own: it refers back to a figure of its kind the
    story gave. When no earlier mention is told of its words, the one earlier figure of the kind
    whose digits are a slip of its own ("2,100") is what it restates."""
    slips = [
        a
        for a in _earlier(explicit, i, reach)
        if a.sentence.index != ref.sentence.index
        and a.key == ref.key
        and a.figure.value != ref.figure.value
        and slipped(a.figure.core, ref.figure.core)
    ]
    return [(slips[0], set(nouns))] if len(slips) == 1 else []


def _earlier(explicit: list[Mention], i: int, reach: int) -> Iterator[Mention]:
    """The mentions before ``explicit[i]`` at most ``reach`` sentences back, nearest first, then the
    headline's (in reach from anywhere): the scan stays short on long texts."""
    here = explicit[i].sentence.index
    j = i - 1
    while j >= 0 and here - explicit[j].sentence.index <= reach:
        yield explicit[j]
        j -= 1
    yield from (m for m in explicit[: j + 1] if m.sentence.headline)


def _another(m: Mention) -> set[str]:
    """Words that set a figure's thing apart from one told before ("a second earthquake of
    magnitude 6.1", "another 4.2 tremor"): an ordinal past the first, or "another"/"other" on the
    noun the figure belongs to. A reference that does not repeat them means the first one."""
    toks, first, _ = _tokens(m)
    if first < 0:
        return set()
    out = set()
    head = toks[first]
    for _ in range(4):
        for c in head.children:
            ordinal = c.ent_type_ == "ORDINAL" and c.lower_ not in ("first", "1st")
            if ordinal or c.lower_ in ("another", "other"):
                out.add(c.lower_)
        if head.head is head or head.pos_ == "VERB":
            break
        head = head.head
    return out


_SentenceWords = tuple[frozenset[str], frozenset[str], frozenset[str]]


def _words_of(sentence, cache: dict[int, _SentenceWords]) -> _SentenceWords:
    """A sentence's stemmed lemmas, lower-cased words and periods, read once per sentence."""
    if sentence.index not in cache:
        toks = list(sentence.tokens)
        cache[sentence.index] = (
            frozenset(_stem(t.lemma_.lower()) for t in toks),
            frozenset(t.lower_ for t in toks),
            _periods(sentence),
        )
    return cache[sentence.index]


def _may_refer_to(said: _Phrase, antecedent: _SentenceWords) -> bool:
    """Whether the antecedent's sentence names what the phrase picks its fact out by: its owner
    ("Labour's"), its modifiers and the names after it, in a period the phrase's sentence shares."""
    lemmas, lowered, periods = antecedent
    if {_stem(w) for w in said.modifiers} - lemmas:
        return False
    if (said.owner and said.owner not in lowered) or said.names - lowered:
        return False
    return not (said.months and periods and not said.months & periods)


def _one_part_off(a: Mention, r: Mention) -> bool:
    """A long result given again with one part changed ("6-4, 7-6(4), 6-2" and "the 6-4, 7-6(6),
    6-2 win"): no two facts share all the other numbers, whatever words surround them."""
    va, vr = a.figure.value, r.figure.value
    if not (isinstance(va, tuple) and isinstance(vr, tuple)) or len(va) != len(vr) or len(va) < _LONG_RESULT:
        return False
    return sum(x != y for x, y in zip(va, vr, strict=True)) == 1


# Parts a result needs before it is one fact by its numbers alone (three sets: six or seven).
_LONG_RESULT = 5


def _is_name(m: Mention) -> bool:
    """A number that names rather than counts: "the 4080 processor" (four digits or more,
    no separator, unit or scale: a count that large would be written "4,080")."""
    f = m.figure
    return f.core.isdigit() and len(f.core) >= 4 and not f.unit and not f.scale


def agrees(ref: BackReference) -> bool:
    """Whether the two values can be one fact: equal, or within what a hedge allows."""
    a, r = ref.antecedent.figure.value, ref.ref.figure.value
    if a == r:
        return True
    if not isinstance(a, float) or not isinstance(r, float):
        return False
    before = ref.antecedent.sentence.span.text[: ref.antecedent.figure.whole_start]
    return compatible(a, r, before, places(ref.antecedent), places(ref.ref))


def _tokens(m: Mention) -> tuple[list, int, int]:
    """The sentence's tokens and the first and last index of those inside the figure as written."""
    toks = list(m.sentence.tokens)
    # Figure offsets count from the sentence's text; a token's idx plus the offset is its article place.
    start = m.sentence.span.start + m.figure.whole_start - m.sentence.offset
    end = m.sentence.span.start + m.figure.whole_end - m.sentence.offset
    inside = [i for i, t in enumerate(toks) if t.idx < end and t.idx + len(t.text) > start]
    if not inside:
        return toks, -1, -1
    return toks, inside[0], inside[-1]


@dataclass(frozen=True, slots=True)
class _Phrase:
    """What a definite phrase around a figure says of the fact it refers back to."""

    words: frozenset[str]  # lemmas of the phrase: the unit inside the figure and the words after it
    owner: str = ""  # the name that owns it ("Labour's 41 seats" -> "labour")
    modifiers: frozenset[str] = frozenset()  # words before its head, to be found by the antecedent
    names: frozenset[str] = frozenset()  # names after it ("stake in Norvik Textiles")
    months: frozenset[str] = frozenset()  # the months and years its sentence names


_NONE = _Phrase(frozenset())
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _reference_phrase(m: Mention) -> _Phrase:
    """The definite phrase a figure sits in (no words when it sits in none): "the 450 rehoused
    tenants" -> {rehouse, tenant}; "the figure of 2,400 missing" -> {figure, missing}; "her 48.2
    percent" -> {percent}. A phrase owned by a time ("last year's 23.4 million"), a figure compared
    with ("more than the 41.9 billion", "overtook its $31m total") and a name ("the Four
    Counties Cup") refer back to nothing."""
    toks, first, last = _tokens(m)
    if first < 0:
        return _NONE
    before = first - 1
    while before >= 0 and toks[before].text in ("$", "£", "€", "¥", "US$"):
        before -= 1
    if before < 0:
        return _NONE
    opener = toks[before]
    words: list[str] = []
    owner = ""
    if opener.lower_ == "of" and before >= 2 and toks[before - 1].lemma_.lower() in _FIGURE_NOUNS:
        if toks[before - 2].lower_ not in _DEFINITE:
            return _NONE
        words.append(toks[before - 1].lemma_.lower())
    elif opener.tag_ == "POS" and before >= 1:
        whose = toks[before - 1]
        if whose.like_num or whose.ent_type_ in ("DATE", "TIME") or whose.lemma_.lower() in _TIME_NOUNS:
            return _NONE
        if whose.pos_ == "PROPN":
            owner = whose.lower_
    elif opener.lower_ not in _DEFINITE:
        return _NONE
    elif opener.lower_ in _POSSESSIVE:
        # "Norway would keep to its 8,000 tonne quota": the name the pronoun stands for.
        names = [t for t in toks[:before] if t.pos_ == "PROPN"]
        owner = names[-1].lower_ if names else ""
    lead = [t.lemma_.lower() for t in toks[max(0, before - 2) : before]]
    if lead and (lead[-1] in _COMPARED or lead[-1] in _COMPARING or (lead[-1] == "of" and lead[0] in _COMPARING)):
        return _NONE  # "more than the 41.9 billion", "fell short of the 2.9% rate": compared with
    if m.figure.unit.lstrip("-") == "year-old":
        return _NONE  # an age is a person's: the age checks compare one person's ages
    # The figure's own unit word, when it is one ("percent", "mph", "kronor").
    words.extend(t.lemma_.lower() for t in toks[first : last + 1] if t.is_alpha and t.pos_ in ("NOUN", "PROPN"))
    after = [t for t in _phrase_after(toks, last) if t.is_alpha]
    if after and any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in (after[0], after[-1])):
        return _NONE  # "the Four Counties Cup", "the 700 Series": a name with a number in it
    words.extend(t.lemma_.lower() for t in after)
    end = last + 1 + len(after)
    # A modifier or a name the antecedent's sentence lacks picks out another thing ("the three group
    # winners" after "the two winners"; "its 60% stake in Norvik Textiles").
    modifiers = frozenset(t.lemma_.lower() for t in after[:-1] if t.pos_ != "PROPN")
    post = toks[end : end + _PHRASE_MAX + 1]
    names = frozenset(
        t.lower_
        for t in (post[1:] if post and post[0].pos_ == "ADP" else [])
        if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") and t.lower_ not in _MONTHS
    )
    return _Phrase(frozenset(words), owner, modifiers, names, _periods(m.sentence))


def _periods(sentence) -> frozenset[str]:
    """The months and years a sentence names: two statements of other periods are other facts."""
    return frozenset(
        t.lower_
        for t in sentence.tokens
        if t.lower_ in _MONTHS or (t.like_num and re.fullmatch(r"(19|20)\d\d", t.text))
    )


def _phrase_after(toks: list, last: int) -> list:
    """The words of a noun phrase that follow a figure, up to its head ("rehoused tenants")."""
    out = []
    for t in toks[last + 1 : last + 1 + _PHRASE_MAX]:
        if t.pos_ in ("NOUN", "PROPN", "ADJ") or t.tag_ == "VBN" or t.text == "-":
            out.append(t)
            continue
        break
    return out


def _frame_words(m: Mention) -> set[str]:
    """What an antecedent is told of: the noun phrase it opens ("a magnitude 6.3 earthquake"), the
    set a part is taken from ("31 of the 90 seats"), the nouns it hangs from ("gusts of 95
    mph", "the prize of 4 million crowns") up to its verb, and that verb. Names are left out: a
    common noun inside a name ("Channel 4", "the Three Gorges Project") is no frame."""
    toks, first, last = _tokens(m)
    out = {w for w in (m.noun, m.verb) if w}
    if first < 0:
        return out
    words = _phrase_after(toks, last)
    if last + 1 < len(toks) and toks[last + 1].lower_ == "of":
        at = last + 1
        while at + 1 < len(toks) and (toks[at + 1].pos_ in ("DET", "NUM") or toks[at + 1].like_num):
            at += 1
        words += _phrase_after(toks, at)
    head = toks[first]
    for _ in range(5):
        if head.head is head:
            break
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            words.append(head)
            break
        if head.pos_ == "NOUN":
            words.append(head)
    out.update(t.lemma_.lower() for t in words if t.is_alpha and t.pos_ != "PROPN")
    return out


def _matches(phrase: frozenset[str], frame: set[str]) -> set[str]:
    """The phrase's words found in the frame: one stem ("evacuated", "evacuate"), or a compound's
    tail ("quake" in "earthquake")."""
    stems = {_stem(f) for f in frame}
    out = set()
    for w in phrase:
        if _stem(w) in stems or (len(w) >= 4 and any(f.endswith(w) and len(f) > len(w) for f in frame)):
            out.add(w)
    return out


def _stem(word: str) -> str:
    """A crude stem that lets a participle read as an adjective meet its verb ("evacuated" as
    tagged ADJ keeps its ending; "evacuate" is its verb's lemma)."""
    for end in ("ing", "ed", "es", "e", "s"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def _unit_words(m: Mention) -> set[str]:
    """The words that only say what unit a figure is in: those written inside it ("percent",
    "kronor", "-yard") and units of measure, scale and money."""
    toks, first, last = _tokens(m)
    inside = {t.lemma_.lower() for t in toks[first : last + 1]} if first >= 0 else set()
    unit = m.figure.unit.lower().lstrip("-")
    return inside | {unit, unit.rstrip("s")} | _MEASURE_WORDS


# Units of measure a bare figure counts ("95 mph", "48 seconds"): shared, they say only that two
# figures are measured alike, not that they are one fact.
_MEASURE_WORDS = frozenset(
    {
        "mph",
        "kph",
        "km",
        "kilometre",
        "kilometer",
        "mile",
        "metre",
        "meter",
        "foot",
        "inch",
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "year",
        "point",
        "percent",
        "degree",
        "tonne",
        "ton",
        "barrel",
        "kg",
        "kilogram",
        "pound",
        "dollar",
        "euro",
        "share",
        "time",
        "people",
        "pct",
        "percentage",
        "million",
        "billion",
        "trillion",
        "thousand",
        "mln",
        "bln",
        "dlr",
        "dlrs",
        "ct",
        "cts",
        "cent",
        "franc",
        "mark",
        "yen",
        "yuan",
        "peso",
        "rupee",
        "riyal",
        "krona",
        "kronor",
        "crown",
        "bpd",
        "unit",
    }
)

# When only a unit is shared, the two sentences must share this much weight of rarer words.
_UNIT_ONLY_MIN_SHARED = 2


def _unit_only_ok(ref: Mention, a: Mention) -> bool:
    """A reference that shares only its unit with an earlier figure ("her 48.2 percent", "with 46.2
    percent of the ballots") still restates it when the sentences name the same rarer things."""
    shared = {w for w in ref.context & a.context if w[:1].isalpha() and w not in _MEASURE_WORDS}
    return len(shared) >= _UNIT_ONLY_MIN_SHARED and bool(a.noun) and a.noun == ref.noun
