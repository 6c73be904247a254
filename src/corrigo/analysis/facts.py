"""Slot facts: who/what, which slot, which value — read off the dependency parse.

A fact says, for example, that the subject ``org:amnesty international`` fills the slot
``base`` with the value ``place:london`` at a given span. The slot checks compare facts that
share a subject and a slot; a slot holds one value at a time (an organisation has one
headquarters, a person one title in a story), so two values are a contradiction to explain.

The patterns are the ways news copy states these slots, not the words of any one article:
"London-based X", "X, based in London", "its headquarters in Paris", "its Paris headquarters",
"its departure from Lagos", "left the city", "NAME, the group's secretary-general",
"opposition leader NAME", "founded in 1976".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence, normalise_name
from corrigo.model import Span

__all__ = ["Fact", "extract_facts", "resolve_reference", "TITLE_HEADS"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_HQ_NOUNS = {"headquarters", "headquarter", "hq"}
_LEAVE_VERBS = {"leave", "quit", "exit", "vacate", "abandon"}
_LEAVE_NOUNS = {"departure", "exit", "withdrawal", "pullout", "retreat", "exodus"}
_LEAVE_FROM_VERBS = {"withdraw", "depart", "retreat", "pull", "move", "relocate"}
_CLOSE_VERBS = {"close", "shut", "shutter", "vacate"}
_START_VERBS = {"found", "establish", "set", "create", "launch", "form", "open", "start", "build"}
_ORG_NOUNS = {
    "group",
    "company",
    "firm",
    "organisation",
    "organization",
    "charity",
    "bank",
    "agency",
    "club",
    "party",
    "team",
    "body",
    "union",
    "association",
    "network",
    "movement",
    "institute",
    "university",
    "business",
    "retailer",
    "carrier",
    "airline",
    "manufacturer",
    "insurer",
    "lender",
    "broadcaster",
    "publisher",
    "utility",
    "operator",
    "supermarket",
    "chain",
    "brand",
    "maker",
    "producer",
    "developer",
    "provider",
    "giant",
    "conglomerate",
    "consortium",
    "foundation",
    "ministry",
    "department",
    "council",
    "board",
    "commission",
    "authority",
    "regulator",
    "watchdog",
    "corporation",
    "society",
    "league",
    "federation",
}
_PLACE_NOUNS = {"city", "town", "capital", "country", "territory", "island", "region", "state", "village"}
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


@dataclass(frozen=True, slots=True)
class Fact:
    """One slot filled with one value, and where the article says so."""

    subject: str  # entity key the fact is about
    slot: str  # "base", "base:asia pacific", "leave", "role", "start:hub", ...
    value: Span  # the words that fill the slot
    value_key: str  # normalised value, compared across facts
    label: str  # value type: GPE, ROLE, DATE
    sentence: Sentence
    context: Span  # the words that state the slot ("-based", "headquarters in", "departure from")


def extract_facts(analysis: Analysis) -> list[Fact]:
    """Every slot fact the patterns find, in text order."""
    facts: list[Fact] = []
    for sentence in analysis.sentences:
        for tok in sentence.tokens:
            lemma = tok.lemma_.lower()
            low = tok.lower_
            if low in ("based", "headquartered"):
                facts.extend(_based(analysis, sentence, tok))
            elif lemma in _HQ_NOUNS or low in _HQ_NOUNS:
                facts.extend(_headquarters(analysis, sentence, tok))
            if tok.pos_ in ("VERB", "AUX") and lemma in _LEAVE_VERBS:
                facts.extend(_leave_verb(analysis, sentence, tok))
            elif tok.pos_ == "NOUN" and lemma in _LEAVE_NOUNS:
                facts.extend(_from_place(analysis, sentence, tok, ("from", "of")))
            elif tok.pos_ == "VERB" and lemma in _LEAVE_FROM_VERBS:
                facts.extend(_from_place(analysis, sentence, tok, ("from",), out_of=True))
            if tok.pos_ == "VERB" and lemma in _START_VERBS:
                facts.extend(_started(analysis, sentence, tok))
        facts.extend(_roles(analysis, sentence))
    return facts


# ---------------------------------------------------------------------------------------------
# references and values


def resolve_reference(analysis: Analysis, sentence: Sentence, tok: Any) -> str | None:
    """The entity key a subject/possessor token stands for.

    A name resolves to its own entity; "it", "its", "we", "the group", "the company" to the
    nearest organisation mentioned before (within three sentences), else the story's most
    mentioned organisation; "he", "she" to the nearest person; "the city" to the story's place.
    """
    ent = _entity(analysis, sentence, tok)
    if ent is not None and ent.label in ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC"):
        return ent.key
    low = tok.lower_
    pos = sentence.offset + tok.idx
    if low in ("it", "its", "which", "that") or tok.dep_ == "poss" and low == "its":
        # "The bridge, which has never closed since it opened": a pronoun inside a relative
        # clause stands for the noun the clause describes.
        antecedent = _relative_head(tok)
        if antecedent is not None:
            return resolve_reference(analysis, sentence, antecedent) or noun_key(antecedent)
    lemma = tok.lemma_.lower()
    if _definite(tok) and tok.pos_ == "NOUN":
        # "the consortium", "the institute": the organisation whose name has that word.
        named = _org_words(analysis).get(lemma, [])
        if named:
            return max(named)[1]
    if low in ("it", "its", "we", "our", "us", "they", "their") or (lemma in _ORG_NOUNS and _definite(tok)):
        return _nearest(analysis, sentence, pos, "ORG") or _top(analysis, "org:")
    if low in ("he", "his", "him", "she", "her"):
        return _nearest(analysis, sentence, pos, "PERSON")
    if tok.lemma_.lower() in _PLACE_NOUNS and _definite(tok):
        return analysis.place_key
    return None


_ORG_WORDS: dict[int, tuple[Analysis, dict[str, list[tuple[int, str]]]]] = {}


def _org_words(analysis: Analysis) -> dict[str, list[tuple[int, str]]]:
    """Each word of the article's organisation names -> (mentions, key) of the names holding it;
    built once per analysis (a long text asks for it at every definite noun)."""
    cached = _ORG_WORDS.get(id(analysis))
    if cached is not None and cached[0] is analysis:
        return cached[1]
    words: dict[str, list[tuple[int, str]]] = {}
    for k, n in analysis.salience.items():
        if k.startswith("org:"):
            for w in set(k[4:].split()):
                words.setdefault(w, []).append((n, k))
    if len(_ORG_WORDS) > 8:
        _ORG_WORDS.clear()
    _ORG_WORDS[id(analysis)] = (analysis, words)
    return words


def noun_key(tok: Any) -> str | None:
    """A key for a definite common noun phrase ("the bridge" -> "np:bridge"), else None."""
    if tok.pos_ == "NOUN" and _definite(tok):
        return "np:" + tok.lemma_.lower()
    return None


def _relative_head(tok: Any) -> Any | None:
    node = tok
    for _ in range(6):
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _definite(tok: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children) or any(
        c.dep_ == "poss" for c in tok.children
    )


def _nearest(analysis: Analysis, sentence: Sentence, pos: int, label: str) -> str | None:
    window_start = analysis.sentences[max(0, sentence.index - 3)].span.start
    best = None
    for e in analysis.entities_starting(window_start, pos):
        # A name the article also uses as a place ("Bergen") is a mis-tagged place, not an organisation.
        if e.label == label and ("place:" + e.key.split(":", 1)[1] not in analysis.salience):
            best = e.key
    return best


def _top(analysis: Analysis, prefix: str) -> str | None:
    ranked = sorted(((n, k) for k, n in analysis.salience.items() if k.startswith(prefix)), reverse=True)
    return ranked[0][1] if ranked else None


def _entity(analysis: Analysis, sentence: Sentence, tok: Any):
    start = sentence.offset + tok.idx
    return analysis.entity_at(start, start + len(tok.text))


def _place_value(analysis: Analysis, sentence: Sentence, tok: Any, typed: bool = False) -> tuple[Span, str] | None:
    """A place named by ``tok``: a GPE/LOC entity, or "the city" standing for the story's place.

    ``typed`` says the position itself means a place ("X-based", "X headquarters", "headquarters
    in X"): there a proper noun counts as a place even when the tagger called it an organisation
    ("the Oslo-based ..." is often tagged ORG).
    """
    ent = _entity(analysis, sentence, tok)
    if ent is not None and ent.label in _PLACE_LABELS:
        return ent.span, ent.key
    if typed and tok.pos_ == "PROPN":
        toks = sorted((t for t in tok.subtree if t.pos_ == "PROPN" and t.i <= tok.i), key=lambda t: t.i)
        run = [tok]
        for t in reversed(toks[:-1]):
            if t.i == run[0].i - 1:
                run.insert(0, t)
        span = analysis.token_span(sentence, run[0], run[-1])
        if ent is None or ent.span.contains(span):
            return span, "place:" + normalise_name(span.text)
    if tok.lemma_.lower() in _PLACE_NOUNS and _definite(tok) and tok.lemma_.lower() == "city":
        key = analysis.place_key
        if key is not None:
            first = min(tok.subtree, key=lambda t: t.i)
            return analysis.token_span(sentence, first, tok), key
    return None


def _subject_of(analysis: Analysis, sentence: Sentence, verb: Any) -> str | None:
    """The entity doing ``verb``: its nsubj, else the subject of the verb it hangs from."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return resolve_reference(analysis, sentence, c) or noun_key(c)
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp", "pobj", "prep") and (
            node.head.i != node.i
        ):
            if node.dep_ == "xcomp":
                # "drawing Amnesty to set up": the object of the governing verb does the xcomp.
                for c in node.head.children:
                    if c.dep_ == "dobj":
                        return resolve_reference(analysis, sentence, c)
            node = node.head
        else:
            break
    return resolve_reference(analysis, sentence, _Pronoun())


class _Pronoun:
    """A stand-in for an implicit subject: resolved like "it" (the story's organisation)."""

    lower_ = "it"
    idx = 0
    i = -1
    text = ""
    lemma_ = "it"
    pos_ = "PRON"
    dep_ = ""
    children = ()

    @property
    def head(self) -> _Pronoun:
        return self


def _owner(analysis: Analysis, sentence: Sentence, noun: Any) -> str | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return resolve_reference(analysis, sentence, c)
    for c in noun.children:
        ent = _entity(analysis, sentence, c)
        if c.dep_ == "compound" and ent is not None and ent.label == "ORG":
            return ent.key
    if noun.head.i != noun.i and noun.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr"):
        verb = noun.head
        while verb.pos_ == "ADP" and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            return _subject_of(analysis, sentence, verb)
    return None


def _fact(analysis, sentence, subject, slot, value, label, first, last) -> Fact | None:
    if subject is None or value is None:
        return None
    span, key = value
    ctx = analysis.token_span(sentence, first, last)
    return Fact(subject, slot, span, key, label, sentence, ctx)


def _pobj(tok: Any, preps: tuple[str, ...]) -> list[tuple[Any, Any]]:
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append((c, p))
                    out.extend((c, q) for q in p.conjuncts)
    return out


# ---------------------------------------------------------------------------------------------
# the patterns


def _based(analysis: Analysis, sentence: Sentence, tok: Any) -> list[Fact]:
    out = []
    subject_tok = tok.head if tok.dep_ in ("amod", "acl", "compound") else None
    subject = (
        resolve_reference(analysis, sentence, subject_tok)
        if subject_tok is not None
        else _subject_of(analysis, sentence, tok)
    )
    # "Hong Kong-based Amnesty": the place hangs off "based" as npadvmod/compound.
    for c in tok.children:
        if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < tok.i:
            value = _place_value(analysis, sentence, c, typed=True)
            first = min(c.subtree, key=lambda t: t.i)
            f = _fact(analysis, sentence, subject, "base", value, "GPE", first, tok)
            if f:
                out.append(f)
    for prep, pobj in _pobj(tok, ("in",)):
        f = _fact(analysis, sentence, subject, "base", _place_value(analysis, sentence, pobj), "GPE", tok, prep)
        if f:
            out.append(f)
    return out


def _qualifier(analysis: Analysis, sentence: Sentence, noun: Any, value_tok: Any | None) -> str:
    """Words that say which headquarters: "Asia-Pacific", "regional", "new", "European"."""
    words = []
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and (value_tok is None or c.i != value_tok.i):
            words.append(" ".join(t.lower_ for t in c.subtree if t.pos_ != "PUNCT"))
    return normalise_name(" ".join(words))


def _headquarters(analysis: Analysis, sentence: Sentence, noun: Any) -> list[Fact]:
    out = []
    owner = _owner(analysis, sentence, noun)
    places = []
    # "headquarters in Paris", or "close its headquarters in Paris" where "in" hangs off the verb
    holders = [noun]
    if noun.dep_ in ("dobj", "nsubjpass", "nsubj") and noun.head.pos_ in ("VERB", "AUX"):
        holders.append(noun.head)
    for holder in holders:
        for prep, pobj in _pobj(holder, ("in",)):
            value = _place_value(analysis, sentence, pobj, typed=holder.i == noun.i)
            if value is not None:
                places.append((noun, prep, value, None))
    # "its Paris headquarters" (a city or country); a region before the noun ("its Asia-Pacific
    # headquarters", "its European headquarters") says which headquarters, not where.
    if not places:
        for c in noun.children:
            if c.dep_ in ("compound", "nmod"):
                ent = _entity(analysis, sentence, c)
                value = _place_value(analysis, sentence, c, typed=True)
                if value is not None and (ent is None or ent.label != "LOC"):
                    places.append((c, noun, value, c))
    qualifier = None
    for first, last, value, value_tok in places:
        if qualifier is None:
            qualifier = _qualifier(analysis, sentence, noun, value_tok)
        slot = "base:" + qualifier if qualifier else "base"
        lo, hi = sorted((first, last), key=lambda t: t.i)
        f = _fact(analysis, sentence, owner, slot, value, "GPE", lo, hi)
        if f:
            out.append(f)
            # Closing one's headquarters in a place is leaving that place.
            if noun.head.lemma_.lower() in _CLOSE_VERBS and noun.dep_ == "dobj":
                out.append(Fact(f.subject, "leave", f.value, f.value_key, "GPE", sentence, f.context))
    return out


def _leave_verb(analysis: Analysis, sentence: Sentence, verb: Any) -> list[Fact]:
    out = []
    for c in verb.children:
        if c.dep_ == "dobj":
            value = _place_value(analysis, sentence, c)
            if value is not None:
                f = _fact(analysis, sentence, _subject_of(analysis, sentence, verb), "leave", value, "GPE", verb, verb)
                if f:
                    out.append(f)
    return out


def _from_place(analysis: Analysis, sentence: Sentence, tok: Any, preps: tuple[str, ...], out_of: bool = False):
    out = []
    pairs = _pobj(tok, preps)
    if out_of:
        # "pulled out of Kenya", "moved out of the city"
        for c in tok.children:
            if c.dep_ == "prt" and c.lower_ == "out":
                pairs += _pobj(tok, ("of",))
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        pairs += [(p, q) for q in p.children if q.dep_ == "pobj"]
        if tok.lemma_.lower() in ("move", "relocate", "pull"):
            pairs = [(p, o) for p, o in pairs if p.lower_ != "from" or _has_to(tok)]
    subject = _owner(analysis, sentence, tok) if tok.pos_ == "NOUN" else _subject_of(analysis, sentence, tok)
    for prep, pobj in pairs:
        value = _place_value(analysis, sentence, pobj)
        f = _fact(analysis, sentence, subject, "leave", value, "GPE", tok, prep)
        if f:
            out.append(f)
    return out


def _has_to(tok: Any) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def _started(analysis: Analysis, sentence: Sentence, verb: Any) -> list[Fact]:
    """ "founded in 1976", "set up its regional hub in 1976" -> start year of the founder's thing."""
    from corrigo.analysis.dates import resolve_date

    lemma = verb.lemma_.lower()
    if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return []
    out = []
    for prep, pobj in _pobj(verb, ("in",)):
        ent = _entity(analysis, sentence, pobj)
        if ent is None or ent.label != "DATE":
            continue
        date = resolve_date(ent.span.text, analysis.article.date)
        if date is None:
            continue
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if verb.dep_ in ("acl", "amod") and obj is None:
            obj = verb.head  # "the club, founded in 1902,"
            subject = resolve_reference(analysis, sentence, obj) or noun_key(obj)
        else:
            subject = (
                _subject_of(analysis, sentence, verb)
                if obj is None or obj.dep_ == "dobj"
                else (resolve_reference(analysis, sentence, obj))
            )
        thing = obj.lemma_.lower() if obj is not None and obj.pos_ == "NOUN" and obj.dep_ == "dobj" else ""
        if subject is None:
            continue
        out.append(
            Fact(
                subject,
                "start:" + thing,
                ent.span,
                str(date.year),
                "DATE",
                sentence,
                analysis.token_span(sentence, verb, prep),
            )
        )
    return out


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
