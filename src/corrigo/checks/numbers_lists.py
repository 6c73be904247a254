"""Ordinals and counts against the lists they refer to.

An ordinal must follow on from the list it comes after ("the fourth country to sign, after Kenya
and Ghana" is the third), and a count must match the names it announces ("three countries —
France, Germany, Spain and Italy" lists four). Both read the dependency parse."""

from __future__ import annotations

import re
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.numbers import format_like, format_ordinal_like, ordinal_value, parse_quantity
from corrigo.checks.base import contradiction
from corrigo.model import Finding, FindingKind, Span

# --- ordinals against the list before them ----------------------------------------------------

# Nouns whose ordinal counts periods or positions, not members of a list.
_SERIES_NOUNS = frozenset(
    {"quarter", "half", "round", "time", "day", "week", "month", "year", "term", "season", "place", "leg",
     "stage", "test", "game", "match", "set", "innings", "period", "tier", "floor", "generation", "century",
     "minute", "hour", "lap", "phase", "edition", "attempt", "title", "goal", "straight", "consecutive"}
)  # fmt: skip


def _ordinal_findings(analysis: Analysis, sentence: Sentence) -> list[Finding]:
    """ "the fourth country to sign, after Kenya and Ghana" (third); "the third woman to win the
    race three times, after Anna Botha, Grace Mthembu and Karin Venter" (fourth). The list must
    name two or more of the same kind: names, or nouns one of which is the ordinal's own noun."""
    out: list[Finding] = []
    for tok in sentence.tokens:
        n = ordinal_value(tok.text) if tok.ent_type_ == "ORDINAL" else None
        if n is None or not 2 <= n <= 20 or tok.dep_ != "amod":
            continue
        noun = tok.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in _SERIES_NOUNS:
            continue
        if not any(c.lower_ == "the" for c in noun.children if c.i < tok.i):
            continue
        items = _after_list(sentence, noun)
        if items is None or len(items) < 2:
            continue
        right = len(items) + 1
        if right == n:
            continue
        wrong = analysis.token_span(sentence, tok)
        evidence = [analysis.token_span(sentence, _first_token(it), it) for it in items]
        out.append(
            contradiction(
                FindingKind.NUMBER,
                wrong,
                sentence,
                evidence,
                f"After {len(items)} others ({', '.join(e.text for e in evidence)}) comes the "
                f"{format_ordinal_like('first', right)}, not the {tok.text.lower()}.",
                format_ordinal_like(tok.text, right),
                0.8,
            )
        )
    return out


def _after_list(sentence: Sentence, noun: Any) -> list[Any] | None:
    """The items of "after A, B and C" in the ordinal's clause, when they are all names or include
    the ordinal's own noun ("the fourth flood ..., after flash floods in June and a landslide")."""
    clause = noun.head if noun.dep_ in ("attr", "dobj", "nsubj", "nsubjpass", "appos") else noun
    for tok in sentence.tokens:
        if tok.lower_ not in ("after", "following", "joining") or tok.i < noun.i:
            continue
        if tok.head not in (noun, clause) and tok.head.head not in (noun, clause):
            continue
        objs = [c for c in tok.children if c.dep_ in ("pobj", "dobj")]
        if len(objs) != 1:
            continue
        items = _conj_chain(objs[0])
        if any(it.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT") for it in items):
            return None
        if any(c.dep_ == "nummod" for it in items for c in it.children):
            return None
        names = all(it.pos_ == "PROPN" for it in items)
        same = any(it.lemma_.lower() == noun.lemma_.lower() for it in items) and all(
            it.pos_ in ("NOUN", "PROPN") for it in items
        )
        return items if names or same else None
    return None


def _conj_chain(head: Any) -> list[Any]:
    items = [head]
    stack = [head]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                items.append(c)
                stack.append(c)
    return sorted(items, key=lambda t: t.i)


def _first_token(tok: Any) -> Any:
    left = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "det", "amod", "poss", "nmod", "flat")]
    return min([tok, *left], key=lambda t: t.i)


# --- counts against the names they announce --------------------------------------------------


def _count_findings(analysis: Analysis, sentence: Sentence) -> list[Finding]:
    """ "three countries — France, Germany, Spain and Italy", "two cities, Paris, Rome and Milan":
    a count on a noun followed (after a dash, colon or comma) by a list of names of another length."""
    out: list[Finding] = []
    toks = list(sentence.tokens)
    for tok in toks:
        if tok.dep_ != "nummod" or tok.like_num is False:
            continue
        value = parse_quantity(tok.text)
        if value is None or not float(value.value).is_integer() or not 2 <= value.value <= 12:
            continue
        noun = tok.head
        if (
            noun.pos_ != "NOUN"
            or noun.i != tok.i + 1
            and not all(t.dep_ in ("amod", "compound") for t in toks[tok.i - toks[0].i + 1 : noun.i - toks[0].i])
        ):
            continue
        if _hedged(tok):
            continue
        nxt = noun.nbor(1) if noun.i + 1 < toks[-1].i else None
        if nxt is None or nxt.text not in (":", "—", "–", "-", ",", "("):
            continue
        items = _named_items(noun, nxt)
        if items is not None:
            if len(items) < 2 or len(items) == int(value.value):
                continue
            if _written_items(analysis, sentence, nxt) != len(items):
                continue  # the parse and the text disagree on the list: leave it
            evidence = [analysis.token_span(sentence, _first_token(it), it) for it in items]
        else:
            # The parser hung the list elsewhere ("run by three councils: Britain's STFC, the German
            # ..."): after a colon or a dash, a list of names read from the text stands.
            pieces = _list_pieces(analysis, sentence, nxt) if nxt.text in (":", "—", "–") else None
            if not pieces or len(pieces) < 2 or len(pieces) == int(value.value):
                continue
            if not all(_name_like(p.text) for p in pieces):
                continue
            evidence = pieces
        wrong = analysis.token_span(sentence, tok)
        out.append(
            contradiction(
                FindingKind.NUMBER,
                wrong,
                sentence,
                evidence,
                f"The list names {len(evidence)} {noun.text} ({', '.join(e.text for e in evidence)}), not {tok.text}.",
                format_like(tok.text, float(len(evidence))),
                0.75,
            )
        )
    return out


def _hedged(tok: Any) -> bool:
    """ "at least three", "more than two", "about five", "three of the"."""
    prev = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 2) : tok.i]]
    if any(w in ("least", "than", "about", "around", "some", "nearly", "almost", "over", "only", "first", "last")
           for w in prev):  # fmt: skip
        return True
    return tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "of"


def _named_items(noun: Any, punct: Any) -> list[Any] | None:
    """The names listed right after ``noun``: as its apposition or conjuncts, all proper names,
    none with a figure of its own; the list must run to a clause edge."""
    heads = [c for c in noun.children if c.dep_ in ("appos", "conj") and c.i > punct.i]
    if not heads:
        return None
    first = min(heads, key=lambda t: t.i)
    if first.i - punct.i > 3:
        return None
    items = _conj_chain(first)
    for c in noun.children:
        if c.dep_ == "conj" and c.i > first.i and c not in items:
            items.extend(_conj_chain(c))
    items = sorted(set(items), key=lambda t: t.i)
    if not all(it.pos_ == "PROPN" for it in items):
        return None
    if any(c.dep_ == "nummod" for it in items for c in it.children):
        return None
    return items


_ITEM_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _written_items(analysis: Analysis, sentence: Sentence, punct: Any) -> int | None:
    """How many items the text lists after ``punct``, names kept whole ("Standard & Poor's",
    "Trinidad and Tobago"); None when the list is joined by "or" or has no "and"."""
    pieces = _list_pieces(analysis, sentence, punct)
    return None if pieces is None else len(pieces)


def _list_pieces(analysis: Analysis, sentence: Sentence, punct: Any) -> list[Span] | None:
    """The items the text lists after ``punct``, as spans (see :func:`_written_items`)."""
    start = sentence.offset + punct.idx + len(punct.text)
    text = analysis.article.text
    end = sentence.span.end
    closer = {"(": ")", "—": "—", "–": "–", "-": " - ", ":": ";"}.get(punct.text)
    segment = text[start:end]
    cut = len(segment)
    for stop in filter(None, (closer, ";", ". ", "—", "–", " - ", ")")):
        k = segment.find(stop)
        if k != -1:
            cut = min(cut, k)
    segment = segment[:cut].rstrip(" .")
    # names are one item whatever they contain
    masked = segment
    for e in sorted(analysis.entities_in(Span.of(text, start, start + len(segment))), key=lambda e: -e.span.start):
        a, b = e.span.start - start, e.span.end - start
        masked = masked[:a] + "X" * (b - a) + masked[b:]
    if re.search(r"\bor\b", masked):
        return None
    seps = list(_ITEM_SEP.finditer(masked))
    if not any("and" in m.group(0) for m in seps):
        return None
    out: list[Span] = []
    last = 0
    for m in [*seps, None]:
        a, b = last, (m.start() if m else len(masked))
        if not masked[a:b].strip():
            return None
        out.append(Span.of(text, start + a + len(segment[a:b]) - len(segment[a:b].lstrip()), start + b))
        if m is None:
            break
        last = m.end()
        if punct.text == "," and "and" in m.group(0):
            # after a comma the list's end is not marked: the item after "and" closes it
            nxt = _ITEM_SEP.search(masked, last)
            out.append(Span.of(text, start + last, start + (nxt.start() if nxt else len(masked))))
            break
    return out


def _name_like(piece: str) -> bool:
    """An item that reads as a name: "CERN", "the Royal Society", "Spain's CSIC"."""
    words = [w for w in piece.split() if w.lower() not in ("the", "a", "an")]
    return bool(words) and all(w[:1].isupper() or w.lower() in ("of", "for", "and", "de") for w in words)
