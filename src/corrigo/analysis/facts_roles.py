"""Title facts: the job title a story gives a named person ("NAME, chair of X", "opposition leader NAME").

A person holds one title in a story, so each title found becomes a ``role`` fact; the slot checks
compare them. :data:`TITLE_HEADS` lists the head nouns that make a phrase a job title.
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.facts_refs import _ORG_NOUNS, Fact, _entity
from corrigo.model import Span

__all__ = ["TITLE_HEADS", "role_fact"]

# Heads of job titles: two different ones for one person in one story is a contradiction.
TITLE_HEADS = {
    "minister",
    "president",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "executive",
    "ceo",
    "director",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "governor",
    "senator",
    "manager",
    "coach",
    "captain",
    "head",
    "founder",
    "editor",
    "ambassador",
    "judge",
    "prosecutor",
    "lawyer",
    "professor",
    "analyst",
    "economist",
    "chancellor",
    "commissioner",
    "general",
    "officer",
    "treasurer",
    "deputy",
    "chief",
    "premier",
    "mp",
    "congressman",
    "congresswoman",
    "councillor",
    "councilor",
    "sheriff",
    "inspector",
    "superintendent",
    "principal",
    "dean",
    "rector",
    "vice",
    "secretary-general",
    "owner",
    "striker",
    "goalkeeper",
    "defender",
    "midfielder",
    "winger",
    "correspondent",
    "researcher",
    "scientist",
    "doctor",
    "surgeon",
    "nurse",
    "teacher",
    "pilot",
    "partner",
    "admiral",
    "colonel",
    "commander",
    "cfo",
    "coo",
    "cto",
    "trustee",
    "curator",
    "architect",
    "author",
}


def _roles(analysis: Analysis, sentence: Sentence) -> list[Fact]:
    """Titles given to named people: "NAME, chair of X", "the group's leader, NAME", "Interior Minister NAME"."""
    out = []
    for ent in analysis.entities_in(sentence.span):
        if ent.label != "PERSON":
            continue
        root = _root_token(sentence, ent.span.start - sentence.offset, ent.span.end - sentence.offset)
        if root is None:
            continue
        for c in root.children:
            if c.dep_ == "appos" and _entity(analysis, sentence, c) is None:
                role = _role_phrase(analysis, sentence, c)
                if role:
                    out.append(role_fact(analysis, sentence, ent.key, role))
        if root.dep_ == "appos" and _entity(analysis, sentence, root.head) is None and root.head.pos_ == "NOUN":
            role = _role_phrase(analysis, sentence, root.head, stop=root)
            if role:
                out.append(role_fact(analysis, sentence, ent.key, role))
        # "Ferrand, who became chief financial officer in 2021": a title stated in a relative clause.
        for c in root.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in ("become", "be", "remain", "serve"):
                if any(a.lower_ in ("also", "too", "additionally") for a in c.children):
                    continue  # "who is also vice-president of research": a second role, not another one
                for a in c.children:
                    if a.dep_ == "attr" and a.pos_ == "NOUN":
                        role = _role_phrase(analysis, sentence, a)
                        if role:
                            out.append(role_fact(analysis, sentence, ent.key, role))
        # Premodifying title inside the name's noun phrase: "opposition leader Maria Lopez",
        # "Chief financial officer Lucia Ferrand".
        first = _first_token_index(sentence, ent)
        mods = [
            t
            for t in root.children
            if t.dep_ == "compound"
            and t.i < first
            and _entity(analysis, sentence, t) is None
            and t.pos_ in ("NOUN", "PROPN")
        ]
        if mods:
            start = min(t.left_edge.i for t in mods)
            pre = [t for t in sentence.tokens if start <= t.i < first and t.pos_ not in ("DET", "PUNCT")]
            pre = [t for t in pre if t.dep_ not in ("poss", "case")]
            if pre and pre[-1].lemma_.lower() in TITLE_HEADS:
                span = analysis.token_span(sentence, pre[0], pre[-1])
                out.append(Fact(ent.key, "role", span, _role_key(pre), "ROLE", sentence, span))
    return out


def role_fact(analysis: Analysis, sentence: Sentence, person: str, role: tuple[Span, str]) -> Fact:
    span, key = role
    return Fact(person, "role", span, key, "ROLE", sentence, span)


def _first_token_index(sentence: Sentence, ent) -> int:
    for t in sentence.tokens:
        if sentence.offset + t.idx >= ent.span.start:
            return t.i
    return sentence.tokens.end


def _root_token(sentence: Sentence, start: int, end: int):
    toks = [t for t in sentence.tokens if start <= t.idx < end]
    for t in toks:
        if not (start <= t.head.idx < end) or t.head.i == t.i:
            return t
    return None


def _role_phrase(analysis: Analysis, sentence: Sentence, head: Any, stop: Any = None) -> tuple[Span, str] | None:
    """The words of a title phrase headed by ``head`` when its head noun is a job title."""
    head_word = head.lower_.split("-")[-1] if "-" in head.lower_ else head.lemma_.lower()
    compound_heads = {head_word, head.lower_}
    if not compound_heads & TITLE_HEADS:
        return None
    # A former or acting title is not the person's role now.
    if any(c.lower_ in ("former", "ex", "late", "then", "acting", "interim", "outgoing") for c in head.children):
        return None
    cut = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    if stop is not None:
        cut |= {t.i for t in stop.subtree}
    toks = [t for t in head.subtree if t.i not in cut]
    if not toks:
        return None
    toks = [t for t in toks if not (t.pos_ == "PUNCT" and t.i in (toks[0].i, toks[-1].i))]
    # Drop a trailing relative clause or participle phrase: keep the contiguous run up to the head.
    run = []
    for t in sorted(toks, key=lambda t: t.i):
        if run and t.i != run[-1].i + 1:
            break
        run.append(t)
    while run and (run[-1].pos_ == "PUNCT" or run[-1].dep_ in ("cc",)):
        run.pop()
    if not run:
        return None
    return analysis.token_span(sentence, run[0], run[-1]), _role_key(run)


def _role_key(tokens: list[Any]) -> str:
    words = [
        t.lemma_.lower()
        for t in tokens
        if t.pos_ not in ("DET", "PUNCT", "PRON", "PART", "ADP", "CCONJ")
        and t.dep_ not in ("poss", "case")
        and t.lower_ not in _ORG_NOUNS
    ]
    return " ".join(words)
