"""Titles a person is given that the article itself contradicts.

A title written before a name ("Mayor Ruth Cole", "Chairman Alan Price") is read from the parse: the
chain of proper or common nouns attached to the name as compounds. Two contradictions are flagged:

* the same sentence gives the person another office held while doing something: "Governor Ruth
  Cole signed, becoming the first senator to sign ..." — "the first/only N to <verb>" names the
  office the person held while doing it, so a different office before the name is wrong; the fix is
  that office, written in the flagged title's case ("Senator");
* an exclusive title (written "the N", singular) that the article gives to one named person is
  given to a second, who is elsewhere called by another title, more often than by this one: the
  title on the weaker side is flagged and the other title the article gives that person suggested.

Only offices the article uses as somebody's title elsewhere count as titles, so "the first woman to
hold the post" is no title to compare.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.checks.base import contradiction, quote
from corrigo.model import Finding, FindingKind, Span

__all__ = ["title_findings"]

_CONFIDENCE = 0.6
_TITLE_POS = ("PROPN", "NOUN")
_NOT_TITLE = ("ORDINAL", "NORP", "GPE", "ORG", "LOC", "DATE", "CARDINAL")


@dataclass(frozen=True, slots=True)
class _Title:
    person: str  # the full name, normalised
    words: tuple[str, ...]  # lower-cased lemmas, head last ("prime", "minister")
    span: Span
    sentence: Sentence
    premodifier: bool  # written before the name, not in apposition
    exclusive: bool  # "the chairman": definite and singular


def _phrase(noun: Any) -> list[Any]:
    """``noun`` with the modifiers written right before it that name the office ("prime minister")."""
    out = [noun]
    i = noun.i - 1
    while i >= noun.sent.start:
        t = noun.doc[i]
        if t.head.i != noun.i or t.dep_ not in ("compound", "amod") or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        if t.ent_type_ in _NOT_TITLE or t.lemma_.lower() in ("only", "former", "new", "late"):
            break
        out.insert(0, t)
        i -= 1
    return out


def _words(tokens: list[Any]) -> tuple[str, ...]:
    return tuple(t.lemma_.lower() for t in tokens)


def _span(analysis: Analysis, sentence: Sentence, tokens: list[Any]) -> Span:
    a, b = tokens[0].idx + sentence.offset, tokens[-1].idx + sentence.offset + len(tokens[-1].text)
    return Span.of(analysis.article.text, a, b)


def _name_tokens(sentence: Sentence, span: Span) -> list[Any]:
    return [t for t in sentence.tokens if span.start <= t.idx + sentence.offset < span.end]


def _premodifier(name: list[Any]) -> list[Any]:
    """The title nouns right before a name, attached to it as compounds ("Prime Minister", "chairman")."""
    first, out = name[0], []
    i = first.i - 1
    while i >= first.sent.start:
        t = first.doc[i]
        if t.pos_ not in _TITLE_POS or t.dep_ != "compound" or t.ent_type_ or t.head.i not in {n.i for n in name}:
            break
        out.insert(0, t)
        i -= 1
    return out


def _head(name: list[Any]) -> Any:
    ids = {t.i for t in name}
    return next((t for t in name if t.head.i not in ids or t.head.i == t.i), name[-1])


def _definite(noun: Any) -> bool:
    return noun.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _titles(analysis: Analysis) -> list[_Title]:
    """Every title the article gives a named person: before the name, or in apposition to it."""
    out = []
    surnames: dict[str, set[str]] = defaultdict(set)
    for e in analysis.entities:
        full = normalise_name(e.span.text)
        if e.label == "PERSON" and len(full.split()) > 1:
            surnames[full.split()[-1]].add(full)
    for e in analysis.entities:
        key = normalise_name(e.span.text)
        if e.label != "PERSON" or not key:
            continue
        if len(key.split()) == 1:
            owners = surnames.get(key, set())
            if len(owners) != 1:
                continue
            key = next(iter(owners))
        sentence = analysis.sentence_at(e.span.start, e.span.end)
        name = _name_tokens(sentence, e.span) if sentence is not None else []
        if not name:
            continue
        pre = _premodifier(name)
        if pre and pre[-1].pos_ in _TITLE_POS:
            out.append(_Title(key, _words(pre), _span(analysis, sentence, pre), sentence, True, False))
        for c in _head(name).children:
            if c.dep_ == "appos" and c.pos_ == "NOUN":
                phrase = _phrase(c)
                out.append(
                    _Title(key, _words(phrase), _span(analysis, sentence, phrase), sentence, False, _definite(c))
                )
    return out


def _offices(analysis: Analysis, titles: list[_Title]) -> dict[str, set[int]]:
    """Head lemmas the article uses as somebody's office, and the sentences where it does."""
    out: dict[str, set[int]] = defaultdict(set)
    for t in titles:
        out[t.words[-1]].add(t.sentence.index)
    for s in analysis.sentences:
        for t in s.tokens:
            # "... was sworn in as the country's prime minister"
            if t.dep_ == "pobj" and t.head.lower_ == "as" and t.pos_ == "NOUN":
                verb = t.head.head
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ == "PERSON" for c in verb.children):
                    out[t.lemma_.lower()].add(s.index)
    return out


def _cased(words: list[str], like: Span, sentence: Sentence) -> str:
    """``words`` written as ``like`` is: upper case, title case, or capitalised as a sentence's first word."""
    if like.text.isupper() and len(like.text) > 1:
        return " ".join(words).upper()
    if not like.text[:1].isupper():
        return " ".join(words)
    if like.start == sentence.span.start and len(like.text.split()) == 1:
        return " ".join(words)[:1].upper() + " ".join(words)[1:]  # "Chairman" opening a sentence
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _held_while(name: list[Any]) -> list[Any]:
    """Nouns the sentence makes the named person while doing something: "..., becoming the first
    prime minister to attend" / ", who became the only mayor to ..." / ", the first chancellor to ..."."""
    head = _head(name)
    clauses = []
    if head.dep_ in ("nsubj", "nsubjpass"):
        verb = head.head
        clauses.append(verb)
        clauses += [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG"]
    clauses += [c for c in head.children if c.dep_ == "relcl"]
    nouns = [c for v in clauses if v.lemma_ in ("be", "become") for c in v.children if c.dep_ == "attr"]
    nouns += [c for c in head.children if c.dep_ == "appos"]
    out = []
    for n in nouns:
        if n.pos_ != "NOUN" or not any(c.ent_type_ == "ORDINAL" or c.lower_ == "only" for c in n.children):
            continue
        # "the first N to attend": an infinitive says what the N did as N.
        if any(c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" for a in c.children) for c in n.children):
            out.append(n)
    return out


def _same_sentence(analysis: Analysis, titles: list[_Title], offices: dict[str, set[int]]) -> list[Finding]:
    text = analysis.article.text
    out = []
    for t in titles:
        if not t.premodifier or not t.span.text[:1].isupper():
            continue
        name = next(
            (
                _name_tokens(t.sentence, e.span)
                for e in analysis.entities_in(t.sentence.span)
                if e.label == "PERSON" and e.span.start > t.span.end
            ),
            [],
        )
        for n in _held_while(name) if name else []:
            phrase = _phrase(n)
            words = [w.lower_ for w in phrase]
            if set(_words(phrase)) & set(t.words):
                continue  # "President X, the first president to ...": one office
            if not offices.get(n.lemma_.lower(), set()) - {t.sentence.index}:
                continue  # not an office the article gives anyone elsewhere
            other = _span(analysis, t.sentence, phrase)
            out.append(
                contradiction(
                    FindingKind.ATTRIBUTION,
                    t.span,
                    t.sentence,
                    [quote(t.sentence.span, other, text)],
                    f"The title '{t.span.text}' here does not fit the same sentence, which makes this person "
                    f"the {other.text} doing it.",
                    _cased(words, t.span, t.sentence),
                    _CONFIDENCE,
                )
            )
    return out


def _shared_exclusive(analysis: Analysis, titles: list[_Title]) -> list[Finding]:
    text = analysis.article.text
    count: Counter[tuple[str, str]] = Counter((t.person, t.words[-1]) for t in titles)
    by_person: dict[str, list[_Title]] = defaultdict(list)
    for t in titles:
        by_person[t.person].append(t)
    out = []
    seen: set[tuple[str, str]] = set()
    for y in titles:
        if not y.exclusive:
            continue
        head = y.words[-1]
        for x in titles:
            if x.person == y.person or x.words[-1] != head or (x.person, head) in seen:
                continue
            others = [o for o in by_person[x.person] if o.words[-1] != head and not set(o.words) & set(x.words)]
            if not others:
                continue
            alt = Counter(o.words for o in others).most_common(1)[0][0]
            n_alt = sum(o.words == alt for o in others)
            # X is more often the other title, and Y at least as often this one: X's is the odd one out.
            if not (count[(x.person, head)] < n_alt and count[(x.person, head)] <= count[(y.person, head)]):
                continue
            seen.add((x.person, head))
            fix = next(o for o in others if o.words == alt)
            words = fix.span.text.lower().split()
            out.append(
                contradiction(
                    FindingKind.ATTRIBUTION,
                    x.span,
                    x.sentence,
                    [quote(y.sentence.span, y.span, text), quote(fix.sentence.span, fix.span, text)],
                    f"The article names someone else as the {y.span.text} and elsewhere calls this person "
                    f"the {fix.span.text}.",
                    _cased(words, x.span, x.sentence),
                    _CONFIDENCE,
                )
            )
    return out


def title_findings(analysis: Analysis) -> list[Finding]:
    titles = _titles(analysis)
    if not titles:
        return []
    offices = _offices(analysis, titles)
    return _same_sentence(analysis, titles, offices) + _shared_exclusive(analysis, titles)
