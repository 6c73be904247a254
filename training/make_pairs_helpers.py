"""Rendering and small helpers shared by the parts of the pair generator (``training/make_pairs.py``).

Tidying a claim put together from pieces, quote and phrase helpers, negation forms, entity
comparison, a mention's clause slot, merging token edits, and the corpus's verb forms.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from make_pairs_common import _ALIASES, _NAME_ENTS, Claim, Edit, _Doc
from make_pairs_sources import normalise

from corrigo.synth import _lexicon as lex
from corrigo.synth.corrupt import _Mention

# ---------------------------------------------------------------------- rendering


def tidy(text: str) -> str:
    """Spacing and punctuation of a claim put together from pieces."""
    t = re.sub(r"\s+", " ", text).strip()
    t = re.sub(r"\s+([,.;:!?%)])", r"\1", t)
    t = re.sub(r"\(\s+", "(", t)
    t = re.sub(r"\(\s*\)", "", t)
    t = re.sub(r",\s*([,.;:!?])", r"\1", t)
    t = re.sub(r"^[\s,;:.\-]+", "", t)
    t = re.sub(r"\s+", " ", t).strip()
    if t.count('"') % 2:
        t = t.replace('"', "").strip()
    singles = len(re.findall(r"(?:^|(?<=\s))'|'(?=\s|$|[,.;:!?])", t))
    if singles % 2 and t.startswith("'"):
        t = t[1:].lstrip()
    elif singles % 2 and re.search(r"[.!?,]'$", t):
        t = t[:-1]
    if not t:
        return t
    t = t[0].upper() + t[1:]
    if not re.search(r"[.!?][\"')]*$", t):
        t = t.rstrip(",;:- ") + "."
    return t


def _is_quote(tok: Any) -> bool:
    return tok.text in ('"', "'", "`", "``", "''") and tok.dep_ != "case"


def _quotes(tokens: Iterable[Any]) -> int:
    return sum(1 for t in tokens if _is_quote(t))


def _phrase(tokens: Sequence[Any]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _lower_first(tok: Any) -> str:
    """A sentence-initial word as it reads inside a sentence ("The" -> "the", "Police" stays if a name)."""
    if tok.pos_ == "DET":
        return tok.text.lower()
    if (
        tok.ent_type_ in _NAME_ENTS
        or tok.pos_ == "PROPN"
        or tok.text == "I"
        or (tok.text.isupper() and len(tok.text) > 1)
    ):
        return tok.text
    return tok.text[:1].lower() + tok.text[1:]


# ---------------------------------------------------------------------- helpers


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _negations(verb: Any, ti: int, wrong: str) -> list[str]:
    """Ways to negate a verb with no auxiliary: "did not win", "never won", "failed to win".

    News is mostly past tense, so "did not" alone would make "did" a sign of a refuted claim.
    """
    out = [wrong]
    m = re.match(r"(?i)(did|does|do) not (\w+)$", wrong)
    if ti == verb.i and m:
        lemma = m.group(2)
        fail = {"did": "failed", "does": "fails", "do": "fail"}[m.group(1).lower()]
        out += [lex.match_case(verb.text, f"never {verb.lower_}"), lex.match_case(verb.text, f"{fail} to {lemma}")]
    return out


def _tok_at(doc: Any, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return None if span is None else span.start


def _same_entity(a: str, b: str) -> bool:
    """Two names of one thing: equal, one inside the other, an alias pair, or an acronym."""
    na, nb = normalise(re.sub(r"^the\s+", "", a, flags=re.I)), normalise(re.sub(r"^the\s+", "", b, flags=re.I))
    if not na or not nb or na in nb or nb in na:
        return True
    if any(na in s and nb in s for s in _ALIASES):
        return True
    for x, y in ((a, b), (b, a)):
        if x.isupper() and len(x) <= 6:
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", y) if w[0].isupper())
            if initials == x.replace(".", ""):
                return True
    return False


def _role(doc: Any, m: _Mention) -> tuple[int, str]:
    """The clause slot a mention fills: (governing verb, dependency on the way), coordination folded."""
    tok = doc[m.tok_end - 1]
    while tok.dep_ in ("compound", "flat", "appos", "poss") and tok.head.i != tok.i:
        tok = tok.head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    dep = tok.dep_
    cur = tok
    while cur.head.i != cur.i and cur.head.pos_ not in ("VERB", "AUX"):
        cur = cur.head
        if cur.dep_ == "prep":
            dep = f"prep:{cur.lower_}"
    return cur.head.i, dep


def _fits(claim: Claim, edits: Sequence[Edit]) -> bool:
    pos = {u: n for n, u in enumerate(claim.units) if isinstance(u, int)}
    taken = [(i, j) for i, j, _ in claim.edits]
    for i, j, _ in edits:
        if i not in pos or any(pos.get(t, -9) != pos[i] + t - i for t in range(i, j)):
            return False
        if any(i < b and a < j for a, b in taken):
            return False
        taken.append((i, j))
    return True


def _merge_edits(claim: Claim, edits: Sequence[Edit]) -> Claim | None:
    if not _fits(claim, edits):
        return None
    return Claim(claim.d, claim.units, tuple(sorted((*claim.edits, *edits))))


def verb_forms(docs: Sequence[_Doc]) -> dict[tuple[str, str], str]:
    """The commonest spelling of each (lemma, tag) seen in the corpus, to inflect verbs."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for d in docs:
        for t in d.spacy:
            if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "VBN") and t.is_alpha:
                counts[(t.lemma_.lower(), t.tag_)][t.lower_] += 1
    return {k: c.most_common(1)[0][0] for k, c in sorted(counts.items())}
