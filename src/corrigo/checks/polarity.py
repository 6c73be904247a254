"""Negation and antonym flips of a predicate stated elsewhere.

Each asserted clause whose predicate has an opposite is read as (agent, predicate, theme,
negated): "The council approved the plan", "the plan was approved by the council" (passive),
"the council did not approve the plan" (negation), "the council had rejected it" (antonym,
pronoun object), "the committee voted against the application" (prepositional predicate),
"the strike went ahead" / "drivers called off the strike" (an event, whoever acted),
"the council declined" (an elliptical refusal). Two clauses in different sentences that are
about the same agent and theme and whose predicates share a family with opposite signs say
opposite things; the version stated in more sentences wins (the headline counts as one), and
on a tie the later statement is flagged with low confidence.

Not compared: predictions, plans and modals ("will reject"), conditionals and questions
("if the council rejects"), clauses under a denial, claim or wish ("denied that ..."), clauses
fixed to an occasion ("initially rejected", "again", "has not yet") or to different dates,
and two clauses given to two different speakers (a dispute the article reports).

A second rule reads a direction verb against its own figures: "rose from $10.9bn to $9.1bn".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.facts import resolve_reference
from corrigo.analysis.lexicon import (
    AGENTLESS_FAMILIES,
    NEGATION_SKIP_VERBS,
    NONFACTIVE_NOUNS,
    NONFACTIVE_VERBS,
    SENSES,
    TIME_SHIFT_WORDS,
    VERSION_WORDS,
    Sense,
    inflect,
    phrase_inflect,
)
from corrigo.analysis.numbers import parse_quantity
from corrigo.checks.base import contradiction
from corrigo.claims import SAY_VERBS
from corrigo.model import Finding, FindingKind, Span

__all__ = ["PolarityCheck"]

_MODALS = {
    "will",
    "would",
    "may",
    "might",
    "could",
    "should",
    "must",
    "can",
    "shall",
    "wo",
    "ca",
    "'ll",
    "'d",
}
_CONDITION_MARKS = {"if", "unless", "whether", "once", "until", "lest", "till"}
# A clause these introduce is taken as given, whatever governs it: "now that the council had
# rejected it", "after the strike went ahead", "although officials had issued a warning".
_FACTIVE_MARKS = {"after", "because", "since", "although", "though", "as", "while", "when", "whereas"}
_NO_WORDS = {"no"}
_UNRESOLVED_PRONOUNS = {"they", "them", "we", "us", "i", "me", "you", "one", "someone", "anyone", "everyone"}
_THEME_PRONOUNS = {"it", "them", "this", "that", "these", "those", "they"}
_RELATIVE = {"who", "which", "that", "whom"}
_PARTICLES = {"off", "down", "out", "up", "ahead", "back"}
_PREP_PREDICATES = {"for", "against", "to"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "parataxis", "csubj", "pcomp"}
_MOD_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
_HEAD_CLASSES = {"charge": "accusation", "allegation": "accusation", "claim": "accusation"}
_DO_TAGS = {"did": "VBD", "does": "VBZ", "do": "VBP"}
_DEFAULT_OPPOSITE: dict[tuple[str, int], str] = {
    ("decide", +1): "approve",
    ("decide", -1): "reject",
    ("support", +1): "support",
    ("support", -1): "oppose",
    ("outcome", +1): "win",
    ("outcome", -1): "lose",
    ("gain", +1): "gain",
    ("gain", -1): "lose",
    ("admit", +1): "admit",
    ("admit", -1): "deny",
    ("verdict", +1): "convict",
    ("verdict", -1): "acquit",
    ("permit", +1): "allow",
    ("permit", -1): "ban",
    ("open", +1): "open",
    ("open", -1): "close",
    ("pass", +1): "pass",
    ("pass", -1): "fail",
    ("happen", +1): "go ahead",
    ("happen", -1): "call off",
    ("direction", +1): "rise",
    ("direction", -1): "fall",
}
_XCOMP_OPPOSITE = {+1: "agree", -1: "refuse"}
_TRANSITIVE_DIRECTION = {+1: "raise", -1: "cut"}


@dataclass(frozen=True, slots=True)
class _Ref:
    """A noun phrase an agent or theme is: an entity key and/or a head lemma with its modifiers."""

    key: str | None
    head: str
    mods: frozenset[str]
    numbers: frozenset[str]
    pronoun: bool = False
    antecedents: tuple[_Ref, ...] = ()


@dataclass(slots=True)
class _Clause:
    """One asserted clause with an opposable predicate."""

    sentence: Sentence
    verb: Any
    predicate: str
    senses: tuple[Sense, ...]
    frame: str  # "object", "theme", "xcomp" or "bare" (no object stated)
    negated: bool
    no_negated: bool  # negated by "no" on the object: counts as a vote, never rewritten
    passive: bool
    agent: _Ref | None
    theme: _Ref | None
    theme_tok: Any
    dates: frozenset[str]
    shifted: bool
    speaker: str | None
    phrase_toks: tuple[Any, ...]  # verb and particle/preposition tokens of the predicate
    context: frozenset[str]  # for a clause with no object: the words around it that say what about
    figures: frozenset[str]  # numbers the clause states ("rose 8%")
    intent: bool = False  # a plan the agent states: "said it would not appeal"
    part: frozenset[str] = frozenset()  # a part it is limited to: "acquitted on four counts"
    inflection: str = ""  # the verb's tense tag when the tagger's is unreliable (headlines)
    supporters: set[int] = field(default_factory=set)
    opponents: set[int] = field(default_factory=set)

    def sign(self, family: str) -> int:
        base = next(s.sign for s in self.senses if s.family == family)
        return -base if self.negated else base


class PolarityCheck:
    """Flags a clause whose predicate the article states the other way round elsewhere.

    Example:
        >>> import corrigo
        >>> text = ("Council approves plan\\n\\nThe council approved the plan on Monday. "
        ...         "Residents were angry that the council had rejected the plan.")
        >>> [f.span.text for f in corrigo.check(text, checks=("polarity",)).findings]  # doctest: +SKIP
        ['rejected']
    """

    name = "polarity"

    def run(self, analysis: Analysis) -> list[Finding]:
        clauses = _extract(analysis)
        findings = _opposed(analysis, clauses)
        findings.extend(_direction_against_figures(analysis))
        return findings


# ---------------------------------------------------------------------------------------------
# reading clauses


def _extract(analysis: Analysis) -> list[_Clause]:
    cache: dict[tuple[int, int], _Ref] = {}
    out: list[_Clause] = []
    for sentence in analysis.sentences:
        if sentence.span.text.rstrip().rstrip("\"'”’").endswith("?"):
            continue
        found = []
        for tok in sentence.tokens:
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass", "amod"):
                continue
            clause = _clause(analysis, sentence, tok, cache)
            if clause is not None:
                found.append(clause)
        if sentence.headline and not any(not c.senses[0].family.startswith("verb:") for c in found):
            found.extend(_headline_clauses(analysis, sentence))
        out.extend(found)
    return out


_HEADLINE_VERBS = {inflect(lemma, "VBZ"): lemma for lemma in SENSES if " " not in lemma}


def _headline_clauses(analysis: Analysis, sentence: Sentence) -> list[_Clause]:
    """ "Council rejects plan": the tagger often reads a headline's verb as a plural noun. A word
    that is the present form of an opposable verb, with nouns on both sides, is read as
    [subject] verb [object] from the word order alone."""
    toks = list(sentence.tokens)
    out = []
    for k, tok in enumerate(toks[1:-1], start=1):
        lemma = _HEADLINE_VERBS.get(tok.lower_)
        if lemma is None or tok.pos_ not in ("NOUN", "PROPN", "VERB"):
            continue
        left = _noun_run(toks[:k][::-1])[::-1]
        right = _noun_run(toks[k + 1 :])
        if not left or not right:
            continue
        senses = tuple(x for x in SENSES[lemma] if "object" in x.frames)
        if not senses:
            continue
        out.append(
            _Clause(
                sentence=sentence,
                verb=tok,
                predicate=lemma,
                senses=senses,
                frame="object",
                negated=False,
                no_negated=False,
                passive=False,
                agent=_run_ref(analysis, sentence, left),
                theme=_run_ref(analysis, sentence, right),
                theme_tok=right[-1],
                dates=frozenset(),
                shifted=False,
                speaker=None,
                phrase_toks=(tok,),
                context=frozenset(),
                figures=frozenset(),
                inflection="VBZ",
            )
        )
    return out


def _noun_run(toks: list[Any]) -> list[Any]:
    run = []
    for t in toks:
        if t.pos_ not in ("NOUN", "PROPN", "ADJ") and t.lower_ not in ("'s", "’s"):
            break
        run.append(t)
    return run


def _run_ref(analysis: Analysis, sentence: Sentence, run: list[Any]) -> _Ref:
    head = run[-1]
    start = sentence.offset + run[0].idx
    ent = analysis.entity_at(start, sentence.offset + head.idx + len(head.text))
    key = ent.key if ent is not None and ent.label in ("ORG", "PERSON", "GPE", "NORP") else None
    if head.pos_ == "PROPN":
        return _Ref(key, head.lemma_.lower(), frozenset(), frozenset())
    mods = frozenset(t.lemma_.lower() for t in run[:-1] if t.is_alpha)
    return _Ref(key, head.lemma_.lower(), mods, frozenset(t.text for t in run if t.like_num))


def _predicate(verb: Any) -> tuple[str, tuple[Any, ...], Any | None]:
    """The predicate phrase, its tokens, and a prepositional object standing for the theme.

    "called off" -> ("call off", [called, off]); "voted 7 to 4 against the application" ->
    ("vote against", [voted, against], application); "took place" -> ("take place", ...).
    """
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if (c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "ahead")) and c.lower_ in _PARTICLES:
            return f"{lemma} {c.lower_}", (verb, c), None
        if c.dep_ == "dobj" and lemma == "take" and c.lower_ == "place":
            return "take place", (verb, c), None
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in _PREP_PREDICATES:
            phrase = f"{lemma} {c.lower_}"
            if phrase in SENSES:
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                return phrase, (verb, c), pobj
    return lemma, (verb,), None


def _clause(analysis: Analysis, sentence: Sentence, verb: Any, cache: dict) -> _Clause | None:
    phrase, phrase_toks, prep_obj = _predicate(verb)
    senses = SENSES.get(phrase)
    lemma = verb.lemma_.lower()
    if senses is None and (lemma in NEGATION_SKIP_VERBS or lemma in SAY_VERBS or len(phrase_toks) > 1):
        return None
    intent = False
    if not _asserted(verb):
        if not _intent(verb):
            return None
        intent = True
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )
    dobj = next((c for c in verb.children if c.dep_ == "dobj" and c not in phrase_toks), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    subj = _subject_token(verb)
    agent_tok: Any | None = None
    theme_tok: Any | None = None
    if passive:
        theme_tok = subj if subj is not None else (verb.head if verb.dep_ == "acl" else None)
        agent_tok = _by_agent(verb)
        frame = "object"
    elif dobj is not None or prep_obj is not None:
        agent_tok, theme_tok, frame = subj, dobj if dobj is not None else prep_obj, "object"
    elif xcomp is not None:
        agent_tok, theme_tok, frame = subj, xcomp, "xcomp"
    elif senses is not None and any("theme" in s.frames for s in senses):
        theme_tok, frame = subj, "theme"
    else:
        agent_tok, frame = subj, "bare"
    if senses is not None:
        wanted = "object" if frame == "bare" else frame
        senses = tuple(s for s in senses if wanted in s.frames)
        if not senses:
            return None
    else:
        # Any other event verb counts only for "did not X" against "X-ed": with a stated object,
        # or, used alone, about a named person or organisation ("Melcher has died").
        named_actor = (
            frame == "bare"
            and agent_tok is not None
            and (agent_tok.pos_ == "PROPN" or (intent and resolve_reference(analysis, sentence, agent_tok) is not None))
        )
        if not (frame == "object" and theme_tok is not None) and not named_actor:
            return None
        senses = (Sense("verb:" + phrase, +1, frozenset({"object", "bare"})),)
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)
    no_negated = theme_tok is not None and any(c.dep_ == "det" and c.lower_ in _NO_WORDS for c in theme_tok.children)
    if agent_tok is not None and agent_tok.lower_ in ("nobody", "no", "none", "nothing"):
        return None
    agent = _ref(analysis, sentence, agent_tok, cache, agent=True) if agent_tok is not None else None
    theme = None
    if theme_tok is not None:
        theme = _xcomp_ref(theme_tok) if frame == "xcomp" else _ref(analysis, sentence, theme_tok, cache)
    own = _own_tokens(verb, {agent_tok, theme_tok})
    return _Clause(
        sentence=sentence,
        verb=verb,
        predicate=phrase,
        senses=senses,
        frame=frame,
        negated=negated or no_negated,
        no_negated=no_negated,
        passive=passive,
        agent=agent,
        theme=theme,
        theme_tok=theme_tok,
        dates=_dates(analysis, sentence, own + _governing_tokens(verb)),
        shifted=any(t.lower_ in TIME_SHIFT_WORDS for t in own),
        speaker=_speaker(analysis, sentence, verb),
        phrase_toks=phrase_toks,
        context=_context(sentence) if frame == "bare" else frozenset(),
        figures=frozenset(t.text for t in own if t.like_num),
        part=_part(verb, theme_tok),
        intent=intent,
    )


_QUANT_DEPS = ("nummod", "det", "amod", "quantmod")
_PARTIAL = {"some", "several", "most", "many", "few", "other", "remaining", "half", "part", "certain"}


def _part(verb: Any, theme_tok: Any | None) -> frozenset[str]:
    """The part of a whole a clause is limited to, by a count or a partial quantifier on its object
    or a prepositional object: "acquitted on four counts", "convicted on three of the charges",
    "rejected some of the amendments". Empty for the whole ("on all counts") or no limit."""
    nouns = [p for c in verb.children if c.dep_ in ("prep", "dative") for p in c.children if p.dep_ == "pobj"]
    if theme_tok is not None and theme_tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
        nouns.append(theme_tok)
    words: set[str] = set()
    for n in nouns:
        if n.ent_type_ in ("DATE", "TIME"):
            continue
        of = [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if (n.like_num or n.lower_ in _PARTIAL) and of:
            limit = [n]  # "on four of the 11 counts", "some of the charges"
        elif n.pos_ == "NOUN":
            limit = [c for c in n.children if c.dep_ in _QUANT_DEPS and (c.like_num or c.lower_ in _PARTIAL)]
        else:
            limit = []
        if limit:
            words.update(t.lower_ for t in limit)
            words.add(n.lemma_.lower())
            words.update(p.lemma_.lower() for p in of)
    return frozenset(words)


_INTENT_MODALS = {"will", "would", "wo", "'ll"}


def _intent(verb: Any) -> bool:
    """ "Microsoft said it would not appeal", "the union says it will strike": a plan stated with
    "will"/"would" and otherwise asserted (no condition, no "would have", no denial above it).
    Such a clause is compared only with another stated plan of the same agent, told by that agent."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not any(a.lower_ in _INTENT_MODALS for a in aux):
        return False
    if any(a.lower_ in _MODALS - _INTENT_MODALS or a.lemma_ == "have" or a.lower_ == "to" for a in aux):
        return False
    if any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in c.children)
        for c in verb.children
    ):
        return False  # "would not appeal if the tribunal refused": a plan on a condition
    return _asserted(verb, own_modal=True)


def _asserted(verb: Any, own_modal: bool = False) -> bool:
    """False for a modal, an infinitive, a condition, or a clause under a non-factive word.

    "will reject", "to approve", "if the council rejects", "denied that it had approved",
    "hopes the board will back", "claims that the firm had closed", "hopes this will lead to a
    bid being accepted" are not statements of fact. Relative clauses and clauses after "after",
    "because", "although", "now that" are taken as given. A verb that "voted to approve" names
    is the vote's outcome and counts.
    """
    node = verb
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and _irrealis(node) and not (own_modal and node.i == verb.i):
            return False
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in node.children):
            return False
        if _factive_mark(node) or (node.dep_ == "relcl" and node.i != verb.i):
            return True
        if node.dep_ in ("csubj", "csubjpass", "amod"):
            return False
        head = node.head
        if head.i == node.i:
            return True
        if _under_nonfactive(node):
            return False
        node = head
    return True


def _factive_mark(node: Any) -> bool:
    for c in node.children:
        if c.dep_ == "mark" and (
            c.lower_ in _FACTIVE_MARKS or c.lower_ == "that" and c.i > 0 and c.doc[c.i - 1].lower_ == "now"
        ):
            return True
    return False


def _under_nonfactive(node: Any) -> bool:
    """``node`` is the complement of a wish, claim, denial or plan: "denied that ...", "the claim
    that ...", "hopes the board ...". A relative clause or a participle ("the plan approved by")
    describes its noun and is not a complement."""
    head = node.head
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX") and lemma in NONFACTIVE_VERBS:
        return node.dep_ in ("ccomp", "xcomp", "advcl", "pcomp", "parataxis") and not _vote_outcome(node)
    if head.pos_ in ("NOUN", "PROPN") and lemma in NONFACTIVE_NOUNS:
        return node.dep_ == "ccomp" or (node.dep_ == "acl" and any(c.dep_ == "mark" for c in node.children))
    return False


def _irrealis(verb: Any) -> bool:
    """A modal or an infinitive marker on the verb: "will close", "to approve"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODALS for a in aux):
        return True
    return any(a.lower_ == "to" for a in aux) and not _vote_outcome(verb)


def _vote_outcome(verb: Any) -> bool:
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "vote"


def _subject_token(verb: Any) -> Any | None:
    """The subject of ``verb``: its own, a relative pronoun's noun, or the subject of the verb it
    is conjoined with or names the outcome of ("voted to reject")."""
    node = verb
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and node.dep_ == "relcl":
                return node.head
            return subj
        if node.dep_ == "conj" or _vote_outcome(node):
            node = node.head
            continue
        if node.dep_ == "relcl":
            return node.head
        return None
    return None


def _by_agent(verb: Any) -> Any | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _context(sentence: Sentence) -> frozenset[str]:
    """Content lemmas of the sentence: what an objectless "declined" refers to."""
    return frozenset(t.lemma_.lower() for t in sentence.tokens if t.pos_ in ("NOUN", "PROPN", "VERB") and t.is_alpha)


def _own_tokens(verb: Any, skip: set[Any]) -> list[Any]:
    """The clause's own words: its subtree less nested clauses and its agent and theme phrases."""
    out = [verb]
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS and c not in skip]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS)
    return out


def _governing_tokens(verb: Any) -> list[Any]:
    """The own words of the clauses above ``verb``: "In 2003, Stewart said he had never won"
    places "had never won" in 2003."""
    out: list[Any] = []
    node = verb
    for _ in range(6):
        if node.head.i == node.i or node.dep_ not in _CLAUSE_DEPS | {"acomp", "attr"}:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            out.extend(_own_tokens(node, set()))
    return out


def _dates(analysis: Analysis, sentence: Sentence, toks: list[Any]) -> frozenset[str]:
    keys = set()
    for t in toks:
        if t.ent_type_ in ("DATE", "TIME"):
            start = sentence.offset + t.idx
            ent = analysis.entity_at(start, start + len(t.text))
            if ent is not None and ent.label in ("DATE", "TIME"):
                keys.add(ent.key)
    return frozenset(keys)


def _speaker(analysis: Analysis, sentence: Sentence, verb: Any) -> str | None:
    """Who the clause is reported from: the subject of the say-verb it hangs under."""
    node = verb
    for _ in range(8):
        if node.lemma_.lower() in SAY_VERBS and node.i != verb.i:
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subj is None:
                return None
            return resolve_reference(analysis, sentence, subj) or "speaker:" + subj.lemma_.lower()
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _ref(analysis: Analysis, sentence: Sentence, tok: Any, cache: dict, agent: bool = False) -> _Ref:
    """What an agent or theme token refers to. Theme pronouns ("rejected it") carry the nouns
    before them (same and previous sentence) as possible antecedents."""
    ck = (sentence.index, tok.i, agent)
    if ck in cache:
        return cache[ck]
    low = tok.lower_
    if tok.pos_ == "PRON" and (low in _UNRESOLVED_PRONOUNS or (not agent and low in _THEME_PRONOUNS)):
        antecedents = () if agent else _antecedents(analysis, sentence, tok, cache)
        ref = _Ref(None, low, frozenset(), frozenset(), pronoun=True, antecedents=antecedents)
    else:
        key = resolve_reference(analysis, sentence, tok)
        if key is None and tok.pos_ == "PRON":
            ref = _Ref(None, low, frozenset(), frozenset(), pronoun=True)
        else:
            ref = _noun_ref(key, tok)
    cache[ck] = ref
    return ref


def _noun_ref(key: str | None, tok: Any) -> _Ref:
    """A noun phrase's head and modifiers.

    A name's modifiers are titles ("Mr", "former chief executive"), not part of who it is, and
    are dropped. Words for an accusation ("charges", "allegations", "claims") are one head. A noun
    the tagger took for a participle right after the head ("a tsunami warning" read as "tsunami"
    + "warning"-ing) is taken back as the head.
    """
    if tok.pos_ == "PROPN":
        return _Ref(key, tok.lemma_.lower(), _mods(tok) & VERSION_WORDS, _numbers(tok))
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if (
        nxt is not None
        and nxt.head.i == tok.i
        and nxt.dep_ in ("acl", "amod")
        and nxt.tag_ == "VBG"
        and not any(c.dep_ in ("dobj", "nsubj", "ccomp", "xcomp") for c in nxt.children)
    ):
        return _Ref(key, nxt.lower_, _mods(tok) | {tok.lemma_.lower()}, _numbers(tok))
    head = tok.lemma_.lower()
    return _Ref(key, _HEAD_CLASSES.get(head, head), _mods(tok), _numbers(tok))


def _mods(tok: Any) -> frozenset[str]:
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in _MOD_DEPS and c.pos_ not in ("PRON", "DET", "NUM", "PUNCT"):
            words.update(t.lemma_.lower() for t in c.subtree if t.is_alpha and t.pos_ not in ("DET", "PRON", "ADP"))
            words.update(t.lower_ for t in c.subtree if t.lower_ in VERSION_WORDS)
        elif c.dep_ == "acl":
            # "plans to write off debts" is not "plans for a finance facility"
            words.update(t.lemma_.lower() for t in c.subtree if t.is_alpha and t.pos_ in ("NOUN", "PROPN", "VERB"))
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "in", "from", "on"):
            words.update(
                t.lemma_.lower()
                for p in c.children
                if p.dep_ == "pobj" and p.pos_ != "PRON"
                for t in p.subtree
                if t.is_alpha and t.pos_ in ("NOUN", "PROPN", "ADJ")
            )
    return frozenset(words)


def _numbers(tok: Any) -> frozenset[str]:
    return frozenset(c.lower_ for c in tok.children if c.dep_ == "nummod" or (c.like_num and c.dep_ == "amod"))


def _xcomp_ref(xcomp: Any) -> _Ref:
    """ "agreed to sell the building" -> the action and its object."""
    objs = [c for c in xcomp.children if c.dep_ in ("dobj", "prt")]
    mods = frozenset(t.lemma_.lower() for o in objs for t in o.subtree if t.is_alpha and t.pos_ in ("NOUN", "PROPN"))
    return _Ref(None, xcomp.lemma_.lower(), mods, frozenset())


def _antecedents(analysis: Analysis, sentence: Sentence, pron: Any, cache: dict) -> tuple[_Ref, ...]:
    out = []
    prev = analysis.sentences[sentence.index - 1] if sentence.index > 0 else None
    pools = [(sentence, [t for t in sentence.tokens if t.i < pron.i])]
    if prev is not None and not prev.headline:
        pools.append((prev, list(prev.tokens)))
    for sent, toks in pools:
        for t in toks:
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "poss", "npadvmod", "nmod"):
                out.append(_ref(analysis, sent, t, cache))
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# comparing clauses


def _same_ref(a: _Ref, b: _Ref) -> bool:
    """Two noun phrases name one thing: one entity key, or one head noun whose modifiers nest
    ("the council" / "Lisbon city council") without naming different versions ("revised plan")."""
    if a.pronoun or b.pronoun or (a.mods ^ b.mods) & VERSION_WORDS:
        return False
    if a.key and b.key and (a.key == b.key):
        return True
    if a.key and b.key and (a.key.startswith("person:") or b.key.startswith("person:")):
        return False
    if a.head != b.head:
        return False
    if not (a.mods <= b.mods or b.mods <= a.mods):
        return False
    return not (a.numbers and b.numbers and a.numbers != b.numbers)


def _same_measure(a: _Clause, b: _Clause) -> bool:
    """Direction verbs compare only with the same figures about identically described things:
    "sales rose 8%" and "sales at hardware stores fell 3%" are two different sales."""
    if not a.figures or a.figures != b.figures:
        return False
    for x, y in ((a.theme, b.theme), (a.agent, b.agent)):
        if (x is None) != (y is None):
            return False
        if x is not None and (x.pronoun or y.pronoun or x.head != y.head or x.mods != y.mods):
            return False
    return True


def _own_word(c: _Clause) -> bool:
    """The clause's agent is the one the sentence reports it from: "Microsoft said it would...";
    a headline tells its subject's plan without a say-verb ("Norcom will appeal")."""
    if c.agent is None or c.agent.key is None:
        return False
    return c.speaker == c.agent.key or (c.sentence.headline and c.speaker is None)


def _agentless_passive(a: _Clause, b: _Clause, family: str) -> bool:
    """ "The plan was approved" (no agent) may be compared with "the council rejected the plan"."""
    if family in ("outcome", "gain"):
        return False
    if family.startswith("verb:"):
        # "Brown was arrested" / "Brown was not arrested": both passive, about one named person.
        return all(c.passive and c.agent is None and c.theme is not None and c.theme.key for c in (a, b))
    return any(c.passive and c.agent is None for c in (a, b)) and all(c.agent is not None or c.passive for c in (a, b))


def _theme_match(a: _Ref, b: _Ref) -> bool:
    if a.pronoun and b.pronoun:
        return False
    if a.pronoun:
        return any(_same_ref(x, b) for x in a.antecedents)
    if b.pronoun:
        return any(_same_ref(a, x) for x in b.antecedents)
    return _same_ref(a, b)


def _comparable(a: _Clause, b: _Clause, family: str) -> bool:
    """True when ``a`` and ``b`` speak about the same agent and theme on the same occasion."""
    if a.sentence.index == b.sentence.index or a.shifted or b.shifted:
        return False
    if a.dates and b.dates and not (a.dates & b.dates):
        return False
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    if a.intent != b.intent or (a.intent and not (_own_word(a) and _own_word(b))):
        # A plan is compared only with a plan, each told by the one who makes it.
        return False
    if a.part != b.part:
        # "convicted of fraud" and "acquitted on four counts": a split verdict, not a contradiction.
        return False
    if family == "direction" and not _same_measure(a, b):
        return False
    agentless = family in AGENTLESS_FAMILIES
    agents_known = a.agent is not None and b.agent is not None
    if not agentless and agents_known and not _same_ref(a.agent, b.agent):
        return False
    agents_same = agents_known and not agentless and _same_ref(a.agent, b.agent)
    if not (agentless or agents_same or _agentless_passive(a, b, family)):
        return False
    if a.theme is not None and b.theme is not None:
        if not _theme_match(a.theme, b.theme):
            return False
        return agents_same or agentless or not (a.theme.pronoun or b.theme.pronoun)
    if a.theme is None and b.theme is None:
        # "Melcher has died" / "Melcher has not died": the same event verb about one named actor.
        return family.startswith("verb:") and agents_same and bool(a.agent.key or b.agent.key)
    # One side states no object: "the council declined" against "the council agreed to buy it".
    bare, full = (a, b) if a.theme is None else (b, a)
    if bare.frame != "bare" or family != "decide" or not agents_same or full.theme.pronoun:
        return False
    return full.theme.head in bare.context or bool(full.theme.mods & bare.context)


def _opposed(analysis: Analysis, clauses: list[_Clause]) -> list[Finding]:
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clauses):
        for s in c.senses:
            by_family[s.family].append(i)
    families: dict[int, set[str]] = defaultdict(set)
    for family, members in by_family.items():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = clauses[i], clauses[j]
                if not _comparable(a, b, family):
                    continue
                if a.sign(family) == b.sign(family):
                    a.supporters.add(j)
                    b.supporters.add(i)
                else:
                    a.opponents.add(j)
                    b.opponents.add(i)
                    families[i].add(family)
                    families[j].add(family)
    findings: list[Finding] = []
    for i in _losers(clauses):
        c = clauses[i]
        opponents = [clauses[j] for j in sorted(c.opponents)]
        fix = _fix(analysis, c, opponents, sorted(families[i])[0])
        if fix is None:
            continue
        wrong, suggestion = fix
        theirs, ours = _votes(clauses, c)
        margin = theirs - ours
        confidence = 0.55 if margin == 0 else min(0.9, 0.65 + 0.1 * margin)
        findings.append(
            contradiction(
                FindingKind.POLARITY,
                wrong,
                c.sentence,
                [o.sentence.span for o in opponents],
                _explain(c, opponents, wrong, theirs, ours),
                suggestion,
                confidence,
            )
        )
    return findings


def _votes(clauses: list[_Clause], c: _Clause) -> tuple[int, int]:
    """Sentences stating the opposite of ``c``, and sentences stating what ``c`` states."""
    ours = {c.sentence.index} | {clauses[j].sentence.index for j in c.supporters}
    theirs = {clauses[j].sentence.index for j in c.opponents}
    return len(theirs), len(ours)


def _losers(clauses: list[_Clause]) -> list[int]:
    """Clauses outvoted by their opponents (on a tie: the later one), clearest margin first.

    A clause whose every opponent is already judged wrong is not flagged: matching is not
    transitive, and "approved the measure" should not lose to the one "rejected it" that the
    rest of the article outvotes.
    """
    candidates = []
    for i, c in enumerate(clauses):
        if not c.opponents or c.no_negated:
            continue
        theirs, ours = _votes(clauses, c)
        if theirs < ours or (theirs == ours and c.sentence.index < max(clauses[j].sentence.index for j in c.opponents)):
            continue
        candidates.append((theirs - ours, i))
    wrong: list[int] = []
    for _, i in sorted(candidates, key=lambda m: (-m[0], m[1])):
        if all(j in wrong for j in clauses[i].opponents):
            continue
        if any(clauses[j].sentence.index == clauses[i].sentence.index for j in wrong):
            continue
        wrong.append(i)
    return sorted(wrong)


def _explain(c: _Clause, opponents: list[_Clause], wrong: Span, theirs: int, ours: int) -> str:
    said = " ".join(t.text for t in [*_negation_run(opponents[0]), *opponents[0].phrase_toks[1:]])
    if all(o.sentence.headline for o in opponents):
        where = "The headline says"
    else:
        where = f"{theirs} other sentence{'s say' if theirs > 1 else ' says'}"
    if theirs > ours:
        return f"{where} the opposite about the same thing ({said!r}), against {wrong.text!r} here."
    return (
        f"{where} the opposite about the same thing ({said!r}); the article is split evenly, "
        f"so this later {wrong.text!r} is the likelier slip."
    )


# ---------------------------------------------------------------------------------------------
# the fix


def _fix(analysis: Analysis, c: _Clause, opponents: list[_Clause], family: str) -> tuple[Span, str] | None:
    """The wrong words and their replacement, inflected to fit the sentence."""
    if c.negated:
        return _drop_negation(analysis, c)
    same_verb_negated = [o for o in opponents if o.negated and o.predicate == c.predicate]
    flipped = [o for o in opponents if not o.negated]
    if len(same_verb_negated) > len(flipped) or family.startswith("verb:"):
        return _add_negation(analysis, c)
    return _antonym(analysis, c, flipped, family)


def _negation_run(c: _Clause) -> list[Any]:
    """The auxiliaries, negation and verb of a clause, in order: "did not approve"."""
    toks = [t for t in c.verb.children if t.dep_ in ("aux", "auxpass", "neg") or t.lower_ == "never"]
    toks = [t for t in toks if t.i < c.verb.i and t.lower_ not in _MODALS]
    return sorted([*toks, c.verb], key=lambda t: t.i)


def _drop_negation(analysis: Analysis, c: _Clause) -> tuple[Span, str] | None:
    """ "did not approve" -> "approved"; "had not issued" -> "issued"; "was never approved" -> "approved"."""
    run = _negation_run(c)
    neg = next((t for t in run if t.dep_ == "neg" or t.lower_ == "never"), None)
    if neg is None:
        return None
    modal = [t for t in c.verb.children if t.dep_ == "aux" and t.lower_ in _INTENT_MODALS and t.i < neg.i]
    if c.intent and modal:
        # "would not appeal" -> "would appeal"; "won't appeal" -> "will appeal"
        span = analysis.token_span(c.sentence, modal[0], c.verb)
        words = [{"wo": "will"}.get(modal[0].lower_, modal[0].text)]
        words += [t.text for t in c.sentence.tokens if modal[0].i < t.i <= c.verb.i and t.i != neg.i]
        return span, _match_case(span.text, " ".join(words))
    before = [t for t in run if t.i < neg.i]
    do = before[-1] if before and before[-1].lemma_ == "do" else None
    if do is not None:
        tag = _DO_TAGS.get(do.lower_, "VBD")
        span = analysis.token_span(c.sentence, do, c.verb)
        return span, _match_case(span.text, inflect(c.verb.lemma_.lower(), tag))
    first = neg
    if neg.lower_ == "n't" and before:
        first = before[-1]
    span = analysis.token_span(c.sentence, first, c.verb)
    kept = [t.text for t in c.sentence.tokens if first.i <= t.i <= c.verb.i and t.i != neg.i]
    return span, _match_case(span.text, " ".join(kept))


def _add_negation(analysis: Analysis, c: _Clause) -> tuple[Span, str] | None:
    """ "approved" -> "did not approve"; "had issued" -> "not issued" (after the auxiliary)."""
    run = _negation_run(c)
    auxes = [t for t in run if t.i != c.verb.i]
    modal = [t for t in c.verb.children if t.dep_ == "aux" and t.lower_ in ("will", "would") and t.i < c.verb.i]
    if c.intent and modal:
        # "will appeal" -> "will not appeal"
        span = analysis.token_span(c.sentence, modal[0], c.verb)
        kept = [t.text for t in c.sentence.tokens if modal[0].i < t.i <= c.verb.i]
        return span, " ".join([modal[0].text, "not", *kept])
    if auxes:
        after = [t for t in run if t.i > auxes[0].i]
        span = analysis.token_span(c.sentence, after[0], c.verb)
        return span, "not " + span.text
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(c.inflection or c.verb.tag_)
    if do is None:
        return None
    span = analysis.token_span(c.sentence, c.verb)
    return span, _match_case(span.text, f"{do} not {c.verb.lemma_.lower()}")


def _antonym(analysis: Analysis, c: _Clause, flipped: list[_Clause], family: str) -> tuple[Span, str] | None:
    """Swap the predicate for the one the majority uses: "rejected" -> "approved",
    "went ahead" -> "was called off", "voted against" -> "voted for"."""
    want = -next(s.sign for s in c.senses if s.family == family)
    verb = c.verb
    if _prepositional(c):
        # "voted 7 to 4 against": change only the preposition.
        lemma = verb.lemma_.lower()
        for prep in _PREP_PREDICATES:
            if _has_sign(f"{lemma} {prep}", family, want):
                span = analysis.token_span(c.sentence, c.phrase_toks[1])
                return span, _match_case(span.text, prep)
        return None
    target = _target(c, flipped, family, want)
    if target is None:
        return _add_negation(analysis, c) if not c.passive else None
    toks = sorted(c.phrase_toks, key=lambda t: t.i)
    if toks[-1].i - toks[0].i != len(toks) - 1:
        return None
    tag = c.inflection or (verb.tag_ if verb.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG", "VB") else "VBD")
    if c.frame == "theme" and not _takes(target, family, want, "theme"):
        return _passive_form(analysis, c, target, tag)
    span = analysis.token_span(c.sentence, toks[0], toks[-1])
    return span, _match_case(span.text, phrase_inflect(target, tag))


def _prepositional(c: _Clause) -> bool:
    """ "voted against": a verb plus preposition, not a word to put in another sentence."""
    return len(c.phrase_toks) == 2 and c.phrase_toks[1].dep_ in ("prep", "dative")


def _has_sign(phrase: str, family: str, sign: int) -> bool:
    return any(s.family == family and s.sign == sign for s in SENSES.get(phrase, ()))


def _takes(phrase: str, family: str, sign: int, frame: str) -> bool:
    return any(s.family == family and s.sign == sign and frame in s.frames for s in SENSES.get(phrase, ()))


def _target(c: _Clause, flipped: list[_Clause], family: str, want: int) -> str | None:
    """The majority's own word when it fits this clause's frame, else the family's default.

    Among the majority's words, the most used wins; on a tie a one-word verb ("rejected") is
    preferred to a phrase ("voted against"), then the earliest.
    """
    frame = "object" if c.frame == "bare" else c.frame
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for o in flipped:
        if _has_sign(o.predicate, family, want) and not _prepositional(o):
            votes[o.predicate] += 1
            first.setdefault(o.predicate, o.verb.idx + o.sentence.offset)
    ranked = sorted(votes, key=lambda p: (-votes[p], " " in p, first[p]))
    for p in ranked:
        if _takes(p, family, want, frame) or (frame == "theme" and _takes(p, family, want, "object")):
            return p
    if frame == "xcomp":
        return _XCOMP_OPPOSITE.get(want)
    if family == "direction" and frame == "object":
        return _TRANSITIVE_DIRECTION[want]
    default = _DEFAULT_OPPOSITE.get((family, want))
    if default and (_takes(default, family, want, frame) or frame == "theme"):
        return default
    return None


def _passive_form(analysis: Analysis, c: _Clause, target: str, tag: str) -> tuple[Span, str] | None:
    """ "the strike went ahead" -> "the strike was called off" (the theme is the subject)."""
    toks = sorted(c.phrase_toks, key=lambda t: t.i)
    plural = c.theme_tok is not None and (c.theme_tok.tag_ in ("NNS", "NNPS") or c.theme_tok.lower_ == "they")
    participle = phrase_inflect(target, "VBN")
    aux = [t for t in c.verb.children if t.dep_ == "aux" and t.i < c.verb.i]
    if aux:
        be = "been" if tag == "VBN" else "being" if tag == "VBG" else "be"
    else:
        be = {"VBD": "were" if plural else "was", "VBZ": "is", "VBP": "are"}.get(tag)
    if be is None:
        return None
    span = analysis.token_span(c.sentence, toks[0], toks[-1])
    return span, _match_case(span.text, f"{be} {participle}")


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and not original.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# ---------------------------------------------------------------------------------------------
# a direction verb against its own figures


_UP = {"rise", "increase", "grow", "climb", "jump", "soar", "surge", "raise", "boost"}
_FLIP_DIRECTION = {
    "rise": "fall",
    "increase": "decrease",
    "grow": "shrink",
    "climb": "fall",
    "jump": "fall",
    "soar": "plunge",
    "surge": "fall",
    "raise": "cut",
    "boost": "cut",
    "fall": "rise",
    "drop": "rise",
    "decrease": "increase",
    "shrink": "grow",
    "slump": "rise",
    "plunge": "soar",
    "tumble": "rise",
    "cut": "raise",
    "lower": "raise",
    "reduce": "increase",
    "decline": "rise",
}


def _direction_against_figures(analysis: Analysis) -> list[Finding]:
    """ "sales rose from $10.9bn to $9.1bn": the verb's direction disagrees with its own figures."""
    out = []
    for sentence in analysis.sentences:
        for verb in sentence.tokens:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in _FLIP_DIRECTION or any(c.dep_ == "neg" for c in verb.children):
                continue
            figures = _from_to(verb)
            if figures is None:
                continue
            start, end, start_text, end_text = figures
            if (end > start) == (lemma in _UP) or end == start:
                continue
            span = analysis.token_span(sentence, verb)
            suggestion = _match_case(span.text, inflect(_FLIP_DIRECTION[lemma], verb.tag_))
            out.append(
                contradiction(
                    FindingKind.POLARITY,
                    span,
                    sentence,
                    [],
                    f"The figures go from {start_text} to {end_text}, so {span.text!r} "
                    "has the direction the wrong way round.",
                    suggestion,
                    0.8,
                )
            )
    return out


def _from_to(verb: Any) -> tuple[float, float, str, str] | None:
    """The values after "from" and "to" governed by ``verb`` (not years, dates or ranks).

    "rose to $935.8m from $648.4m", "fell from a peak of seven million to just 1.5 million".
    """
    values: dict[str, tuple[float, str | None, str, str]] = {}
    preps = [t for t in verb.subtree if t.lower_ in ("from", "to") and _governing_verb(t) == verb.i]
    for p in preps:
        if p.lower_ in values:
            continue
        figure = _figure(_figure_after(p))
        if figure is None:
            return None
        values[p.lower_] = figure
    if set(values) != {"from", "to"}:
        return None
    (a, unit_a, word_a, text_a), (b, unit_b, word_b, text_b) = values["from"], values["to"]
    if unit_a != unit_b or word_a != word_b:
        return None
    return a, b, text_a, text_b


def _governing_verb(tok: Any) -> int:
    node = tok.head
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node.i
        node = node.head
    return -1


def _numeric(tok: Any) -> bool:
    return tok.like_num or any(ch.isdigit() for ch in tok.text) or tok.lower_.rstrip(".") in _SCALE_WORDS


def _figure(toks: list[Any]) -> tuple[float, str | None, str, str] | None:
    """A figure as (value, currency or percent, unit word, text): "$935.8m", "12%", "5 pence"."""
    if not toks or any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") for t in toks):
        return None
    last = max((k for k, t in enumerate(toks) if _numeric(t)), default=-1)
    if last < 0:
        return None
    unit_words = [t.lower_ for t in toks[last + 1 :]]
    if unit_words[:1] in (["%"], ["percent"]) or unit_words[:2] == ["per", "cent"]:
        last += 2 if unit_words[:1] == ["per"] else 1
        unit_words = []
    raw = toks[0].doc[toks[0].i : toks[last].i + 1].text.rstrip(".")
    sign = -1.0 if _negative(toks[0]) else 1.0
    q = parse_quantity(raw.lstrip(_MINUS + " "))
    if q is None or (q.unit is None and 1900 <= q.value <= 2100):
        return None
    start = toks[0].i - 1 if toks[0].i > 0 and toks[0].doc[toks[0].i - 1].lower_ in _MINUS_WORDS else toks[0].i
    text = toks[0].doc[start : toks[-1].i + 1].text.rstrip(".")
    return sign * q.value, q.unit, " ".join(unit_words), text


_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash: "-0.75%", "\u22120.1%"
_MINUS_WORDS = {"minus", "negative"}


def _negative(first: Any) -> bool:
    """A figure below zero: "-0.75%", "\u22120.1%", "minus 1.25%", "negative 0.5%". A rate cut from
    -0.25% to -0.75% goes down, as its verb says."""
    if first.text[:1] in _MINUS and first.text[1:2].isdigit():
        return True
    prev = first.doc[first.i - 1] if first.i > 0 else None
    if prev is None:
        return False
    if prev.lower_ in _MINUS_WORDS:
        return True
    return prev.text in _MINUS and prev.idx + len(prev.text) == first.idx


_SCALE_WORDS = {"m", "bn", "k", "tn", "million", "billion", "trillion", "thousand", "hundred", "mn"}
_LEVEL_NOUNS = {"peak", "high", "low", "record", "level", "total", "figure"}
_FIGURE_LEAD = {"a", "an", "the", "just", "only", "some", "its", "their"}


def _in_figure(tok: Any) -> bool:
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in ("to", "from"):
        return False
    if tok.text in ("$", "£", "€", "%") or tok.lower_.rstrip(".") in _SCALE_WORDS:
        return True
    return tok.pos_ not in ("ADP", "PUNCT", "VERB", "AUX", "CCONJ", "SCONJ", "PRON")


def _figure_after(prep: Any) -> list[Any]:
    """The words of the figure after a preposition, up to the next preposition, verb or comma;
    "a peak of seven million" gives "seven million"."""
    doc = prep.doc
    out: list[Any] = []
    i = prep.i + 1
    while i < len(doc) and (_in_figure(doc[i]) or (not out and doc[i].lower_ in _MINUS_WORDS)):
        if not out and doc[i].lower_ in _FIGURE_LEAD | _MINUS_WORDS:
            i += 1
            continue
        out.append(doc[i])
        i += 1
    if out and out[-1].lemma_.lower() in _LEVEL_NOUNS and i < len(doc) and doc[i].lower_ == "of":
        return _figure_after(doc[i])
    return out
