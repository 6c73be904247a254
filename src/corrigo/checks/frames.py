"""Headline and lede vs body: the same event told with a different place, actor, number or date.

A mention's *frame* is where it sits in its clause: the verb it hangs from, through which
preposition or role, and that verb's object and subject — "Hong Kong" in "close its
headquarters in Hong Kong" has the frame (close, in, headquarters, Amnesty). The headline and
the lede summarise the story, so a body sentence with the same frame describes the same event;
a different value there is a contradiction. All sentences sharing the frame vote; the value with
more sentences (then more mentions in the story) wins. When nothing separates the two, the later
statement is flagged without a suggestion: the editor must decide.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.dates import resolve_date
from corrigo.analysis.facts import resolve_reference
from corrigo.analysis.numbers import Quantity, parse_quantity
from corrigo.analysis.places import is_region
from corrigo.checks.base import contradiction, quote
from corrigo.checks.counts import count_findings
from corrigo.model import Entity, Finding, FindingKind

__all__ = ["FrameCheck", "Mention", "frames"]

# People and organisations are left to the slot and attribution checks: as objects of a
# preposition ("figures from X", "talks with Y") they are too often different sources.
_FAMILY = {
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "MONEY": "number",
    "PERCENT": "number",
    "QUANTITY": "number",
    "DATE": "date",
}
# Sentences that add to what was said rather than restate it ("it also holds contracts in ...").
_ADDITIVE = {"also", "other", "another", "too", "further", "additional", "extra", "separately", "besides"}
_WEAK_VERBS = {"be", "have", "say", "do", "get", "make", "take", "go", "come", "see", "include"}
# Nouns too general to say two mentions are about the same thing.
_WEAK_NOUNS = {
    "time",
    "year",
    "people",
    "person",
    "way",
    "thing",
    "part",
    "number",
    "lot",
    "place",
    "day",
    "week",
    "month",
    "one",
    "other",
    "area",
    "percent",
    "per",
    "cent",
    "%",
    "point",
    "share",
    "rate",
    "level",
    "m",
    "bn",
    "million",
    "billion",
    "trillion",
    "euro",
    "dollar",
    "pound",
    "yen",
    "yuan",
    "rupee",
    "rand",
    "peso",
    "franc",
    "krona",
    "crown",
    "tonne",
    "ton",
    "kilometre",
    "kilometer",
    "mile",
    "metre",
    "meter",
    "hectare",
    "acre",
    "kg",
    "km",
    "barrel",
    "unit",
    "p",
}
# Prepositions whose object can hold several values at once without contradiction ("with X").
_OPEN_PREPS = {"with", "including", "like", "as", "than", "between", "among", "and", "of", "for", "about"}


# Words that put a figure in another period than the story's news ("a year earlier", "the
# previous fiscal year", "last year"): such a figure is a comparison, not the same event.
_OTHER_TIME = {"previous", "earlier", "ago", "prior", "year-earlier", "formerly", "originally", "initially"}


@dataclass(frozen=True, slots=True)
class Mention:
    entity: Entity
    family: str
    frame: tuple[str, str, str, str]  # (anchor, role, "", subject)
    sentence: Sentence
    value: Any  # entity key, Quantity, or year
    other_time: bool = False  # the clause dates the value to another period


def frames(analysis: Analysis) -> list[Mention]:
    out = []
    for sentence in analysis.sentences:
        for ent in analysis.entities_in(sentence.span):
            family = _FAMILY.get(ent.label)
            if family is None and ent.label == "ORG" and _place_like(sentence, ent):
                family = "place"
                ent = Entity(ent.span, "GPE", "place:" + ent.key.split(":", 1)[1])
            if family is None:
                continue
            value = _value(analysis, ent, family)
            if value is None:
                continue
            if family == "place" and (is_region(ent.span.text) or not _proper(sentence, ent)):
                continue
            if {t.lower_ for t in sentence.tokens} & _ADDITIVE:
                continue
            if _in_parentheses(analysis.article.text, sentence, ent):
                continue  # "one trillion won ($960m; £499m)": a conversion, not a second figure
            frame = _frame(analysis, sentence, ent)
            if frame is not None:
                words = {t.lower_ for t in sentence.tokens}
                out.append(Mention(ent, family, frame, sentence, value, bool(words & _OTHER_TIME)))
    return out


_ORG_WORDS = {
    "bank",
    "company",
    "group",
    "party",
    "university",
    "council",
    "parliament",
    "congress",
    "ministry",
    "department",
    "court",
    "union",
    "association",
    "agency",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "institute",
    "commission",
    "committee",
    "board",
    "club",
    "fund",
    "foundation",
    "office",
    "service",
    "senate",
    "assembly",
    "house",
    "school",
    "college",
    "hospital",
    "police",
    "army",
    "force",
    "network",
}


def _place_like(sentence: Sentence, ent: Entity) -> bool:
    """An ORG-tagged name after "in" that has no organisation word ("drivers in Durban") is a place."""
    tok = _root(sentence, ent)
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    words = set(ent.span.text.lower().replace("'s", "").split())
    return not words & _ORG_WORDS and all(w[:1].isupper() for w in ent.span.text.split())


def _in_parentheses(text: str, sentence: Sentence, ent: Entity) -> bool:
    before = text[sentence.span.start : ent.span.start]
    return before.rfind("(") > before.rfind(")")


def _proper(sentence: Sentence, ent: Entity) -> bool:
    start, end = ent.span.start - sentence.offset, ent.span.end - sentence.offset
    return any(t.pos_ == "PROPN" for t in sentence.tokens if start <= t.idx < end)


def _value(analysis: Analysis, ent: Entity, family: str) -> Any:
    if family == "number":
        # The tagger often leaves the currency sign or the "m"/"bn" outside the entity ("£499m").
        text = analysis.article.text
        s, e = ent.span.start, ent.span.end
        if s > 0 and text[s - 1] in "$£€¥":
            s -= 1
        while (
            e < len(text)
            and text[e].isalpha()
            and text[e : e + 2].lower() in ("m", "bn", "m)", "m;", "m,", "m.", "m ", "bn", "k ", "k,")
        ):
            e += 1 if text[e].lower() != "b" else 2
            break
        return parse_quantity(text[s:e])
    if family == "date":
        d = resolve_date(ent.span.text, analysis.article.date)
        return d.year if d is not None else None
    return ent.key


def _root(sentence: Sentence, ent: Entity):
    start = ent.span.start - sentence.offset
    end = ent.span.end - sentence.offset
    toks = [t for t in sentence.tokens if start <= t.idx < end]
    for t in toks:
        if t.head.i == t.i or not (start <= t.head.idx < end):
            return t
    return None


def _frame(analysis: Analysis, sentence: Sentence, ent: Entity) -> tuple[str, str, str, str] | None:
    """(anchor, role, "", subject) for a value mention, or None when its position says nothing.

    The anchor is the content word the value describes: the object of the clause ("profit" in
    "posts first annual profit since 2018"), the noun it modifies ("award" in "the $2.4 million
    award"), or the verb ("awarded $4.2 million"). A place before a noun ("Cape Town bus drivers")
    and after "in" ("bus drivers in Cape Town") fill the same role; so do a number as object and
    as modifier.
    """
    tok = _root(sentence, ent)
    if tok is None:
        return None
    family = _FAMILY[ent.label]
    if family == "place" and _listed(tok):
        return None  # "plants in New York and New Hampshire": the slot holds several values
    if family == "number" and _own_unit(sentence, ent, tok):
        # "five billion dlrs": the noun after the figure is its currency, not what it measures;
        # the figure's place in the clause is the place of "dlrs".
        tok = tok.head
    dep = tok.dep_
    if dep == "pobj":
        prep = tok.head
        if prep.lower_ in _OPEN_PREPS:
            return None
        role = "loc" if family == "place" and prep.lower_ in ("in", "at") else "prep:" + prep.lower_
        host = prep.head
    elif dep in ("nummod", "quantmod", "compound", "amod", "nmod"):
        if family not in ("place", "number"):
            return None
        if family == "place" and tok.head.pos_ == "PROPN":
            return None  # "the Los Angeles Sevens": part of another name, not where something is
        role = "loc" if family == "place" else "amount"
        host = tok.head
    elif dep in ("dobj", "attr", "npadvmod") and family == "number":
        role, host = "amount", tok.head
    else:
        return None
    if host.pos_ in ("NOUN", "PROPN"):
        if _indefinite_singular(host) and role == "loc":
            return None  # "an office in Hamburg": one of several, not the one
        if family == "date" and role in ("prep:in", "prep:for", "prep:during"):
            # "profits in 1985", "6.7 pct in 1984": the year picks which of a recurring thing is
            # meant; two years there are two things, not one event told two ways. ("The first
            # profit since 2018" still dates one event.)
            return None
        mods = [
            c.lemma_.lower()
            for c in host.children
            if c.dep_ == "compound" and c.i != tok.i and not (c.ent_type_ and c.pos_ == "PROPN")
        ]
        anchor = " ".join([*mods, host.lemma_.lower()])
        verb = host.head if host.dep_ in ("dobj", "nsubjpass") and host.head.pos_ in ("VERB", "AUX") else None
        # "a 7.5% rise in exports": what rises is part of the event.
        complement = next((p for _prep, p in _pobjs(host, ("in", "of", "for")) if p.i != tok.i), None)
        if complement is not None and verb is None:
            return (anchor, role, "", "np:" + complement.lemma_.lower())
    elif host.pos_ in ("VERB", "AUX"):
        verb = host
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != tok.i), None)
        if obj is None and family == "place":
            return None  # "prices fell in New York ... in the Far East": markets, not one event
        anchor = obj.lemma_.lower() if obj is not None else verb.lemma_.lower()
    else:
        return None
    if anchor in _WEAK_VERBS or anchor.split()[-1] in _WEAK_NOUNS:
        return None
    subject = _subject(analysis, sentence, verb) if verb is not None else None
    return (anchor, role, "", subject or "")


def _listed(tok: Any) -> bool:
    """The value is one of a list: "in New York and New Hampshire", "at Shoreham, ... and Seabrook"."""
    if tok.dep_ == "conj":
        return True
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in tok.children)


def _own_unit(sentence: Sentence, ent: Entity, tok: Any) -> bool:
    """The noun right after a money figure that carries no currency of its own is the figure's
    unit: "five billion dlrs" (but not "the $2.4 million award")."""
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nummod", "compound", "quantmod"):
        return False
    if ent.label != "MONEY" or any(ch in ent.span.text for ch in "$£€¥"):
        return False
    end = ent.span.end - sentence.offset
    last = max((t.i for t in sentence.tokens if t.idx < end), default=-1)
    return head.i == last + 1


def _pobjs(tok: Any, preps: tuple[str, ...]) -> list[tuple[Any, Any]]:
    return [
        (c, p) for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"
    ]


def _indefinite_singular(noun: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in noun.children)


def _subject(analysis: Analysis, sentence: Sentence, verb: Any) -> str | None:
    node = verb
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            key = resolve_reference(analysis, sentence, subj)
            if key is not None:
                return key
            mods = [c.lemma_.lower() for c in subj.children if c.dep_ in ("compound", "amod")]
            return "np:" + " ".join([*mods, subj.lemma_.lower()])
        if node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


def _same(a: Mention, b: Mention) -> bool:
    if a.family == "number":
        qa, qb = a.value, b.value
        assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
        if qa.unit != qb.unit:
            return False  # "$960m; £499m": the frame holds conversions, and is dropped as ambiguous
        if qa.compatible(qb):
            return True
        # A headline rounds: "25%" there and "25.7%" in the body are one figure.
        return (
            qa.unit == "%" and abs(qa.value - qb.value) < 1 and min(qa.value, qb.value) == int(min(qa.value, qb.value))
        )
    return bool(a.value == b.value)


def _display(m: Mention) -> str:
    return m.entity.span.text


def _salience(analysis: Analysis, m: Mention) -> int:
    if m.family == "date":
        return analysis.year_mentions(m.value)
    if m.family == "place":
        return analysis.salience.get(str(m.value), 0)
    return 0


def _by_subject(group: list[Mention]) -> list[list[Mention]]:
    """Split a frame group by who does it; a mention whose subject is unknown (a headline
    fragment) joins every subgroup."""
    subjects = sorted({m.frame[3] for m in group if m.frame[3]})
    if len(subjects) <= 1:
        return [group]
    return [[m for m in group if m.frame[3] in ("", s)] for s in subjects]


class FrameCheck:
    """Flags a body value that tells the headline's or lede's event differently."""

    name = "frames"

    def run(self, analysis: Analysis) -> list[Finding]:
        body = [s for s in analysis.sentences if not s.headline]
        lead = {s.index for s in analysis.sentences if s.headline} | ({body[0].index} if body else set())
        groups: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
        for m in frames(analysis):
            groups[(m.family, m.frame[0], m.frame[1])].append(m)
        findings: list[Finding] = []
        for _key, group in sorted(groups.items(), key=lambda kv: kv[1][0].entity.span.start):
            for mentions in _by_subject(group):
                if any(m.sentence.index in lead for m in mentions):
                    findings.extend(self._resolve(analysis, mentions[0].frame, mentions, lead))
        findings.extend(count_findings(analysis))
        return findings

    def _resolve(self, analysis: Analysis, frame, mentions: list[Mention], lead: set[int]) -> list[Finding]:
        classes: list[list[Mention]] = []
        for m in mentions:
            home = next((c for c in classes if _same(c[0], m)), None)
            if home is None:
                classes.append([m])
            else:
                home.append(m)
        if len(classes) < 2:
            return []
        if len({m.other_time for m in mentions}) > 1:
            return []  # one of them speaks of another period

        # A sentence that states both values ("moved from X to Y") is not a contradiction.
        def sentences(c: list[Mention]) -> set[int]:
            return {m.sentence.index for m in c}

        if any(sentences(a) & sentences(b) for i, a in enumerate(classes) for b in classes[i + 1 :]):
            return []
        if mentions[0].family == "place":
            # "shootings in Aston, near Knight's Birmingham home": a sentence that names both
            # places anywhere is placing one inside or near the other.
            keys = {str(c[0].value) for c in classes}
            for c in classes:
                for m in c:
                    named = {e.key for e in analysis.entities_in(m.sentence.span)}
                    if len(named & keys) > 1:
                        return []
        votes = {id(c): len(sentences(c)) for c in classes}
        sal = {id(c): max(_salience(analysis, m) for m in c) for c in classes}
        ranked = sorted(classes, key=lambda c: (votes[id(c)], sal[id(c)], -c[0].entity.span.start), reverse=True)
        best, second = ranked[0], ranked[1]
        decided = votes[id(best)] > votes[id(second)] or sal[id(best)] > sal[id(second)]
        text = analysis.article.text
        out = []
        losers = [m for c in ranked[1:] for m in c] if decided else [max(mentions, key=lambda m: m.entity.span.start)]
        winners = best if decided else [m for m in mentions if m not in losers]
        for wrong in losers:
            if not (wrong.sentence.index in lead or any(w.sentence.index in lead for w in winners)):
                continue
            evidence = [quote(w.sentence.span, w.entity.span, text) for w in winners]
            right = _display(winners[0])
            where = (
                "the headline"
                if winners[0].sentence.headline
                else "the opening sentence"
                if (winners[0].sentence.index in lead)
                else "another sentence"
            )
            if decided:
                n = votes[id(best)]
                explanation = (
                    f"{where.capitalize()} gives {right!r} for the same event ({frame[0]}), and so do "
                    f"{n} sentence{'s' if n > 1 else ''} in all; this sentence says {wrong.entity.span.text!r}."
                    if n > 1
                    else f"{where.capitalize()} gives {right!r} for the same event ({frame[0]}); this sentence "
                    f"says {wrong.entity.span.text!r}, and the story mentions {right!r} more often."
                )
            else:
                explanation = (
                    f"{where.capitalize()} gives {right!r} for the same event ({frame[0]}); this sentence says "
                    f"{wrong.entity.span.text!r}, and nothing else in the article says which is right."
                )
            out.append(
                contradiction(
                    FindingKind.HEADLINE,
                    wrong.entity.span,
                    wrong.sentence,
                    evidence,
                    explanation,
                    right if decided else None,
                    0.75 if decided and votes[id(best)] > votes[id(second)] else 0.6 if decided else 0.5,
                )
            )
        return out
