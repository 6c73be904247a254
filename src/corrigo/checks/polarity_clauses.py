"""Reading the clauses the polarity check compares.

Each asserted clause (or stated plan) whose predicate has an opposite, or any event verb with an
object or a named actor, is read as a :class:`Clause`: its predicate phrase ("called off",
"voted against"), the senses it may have, its frame (object, theme, xcomp or bare), whether it
is negated or passive, its agent and theme, and what fixes it to an occasion (dates, "again",
the speaker it is reported from, the figures it states, a part it is limited to). Headlines
whose verb the tagger reads as a noun ("Council rejects plan") are read from word order.
Questions are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.facts import resolve_reference
from corrigo.analysis.lexicon import NEGATION_SKIP_VERBS, SENSES, TIME_SHIFT_WORDS, Sense, inflect
from corrigo.checks.polarity_modality import asserted, is_intent, vote_outcome
from corrigo.checks.polarity_refs import Ref, ref_of, run_ref, xcomp_ref
from corrigo.claims import SAY_VERBS

__all__ = ["PREP_PREDICATES", "Clause", "extract_clauses"]


_NO_WORDS = {"no"}
_RELATIVE = {"who", "which", "that", "whom"}
_PARTICLES = {"off", "down", "out", "up", "ahead", "back"}
PREP_PREDICATES = {"for", "against", "to"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "parataxis", "csubj", "pcomp"}


@dataclass(slots=True)
class Clause:
    """One asserted clause with an opposable predicate."""

    sentence: Sentence
    verb: Any
    predicate: str
    senses: tuple[Sense, ...]
    frame: str  # "object", "theme", "xcomp" or "bare" (no object stated)
    negated: bool
    no_negated: bool  # negated by "no" on the object: counts as a vote, never rewritten
    passive: bool
    agent: Ref | None
    theme: Ref | None
    theme_tok: Any
    dates: frozenset[str]
    shifted: bool
    speaker: str | None
    phrase_toks: tuple[Any, ...]  # verb and particle/preposition tokens of the predicate
    context: frozenset[str]  # for a clause with no object: the words around it that say what about
    figures: frozenset[str]  # numbers the clause states ("rose 8%")
    intent: bool = False  # a plan the agent states: "said it would not appeal"
    part: frozenset[str] = frozenset()  # a part it is limited to: "cleared on two counts"
    inflection: str = ""  # the verb's tense tag when the tagger's is unreliable (headlines)
    supporters: set[int] = field(default_factory=set)
    opponents: set[int] = field(default_factory=set)

    def sign(self, family: str) -> int:
        base = next(s.sign for s in self.senses if s.family == family)
        return -base if self.negated else base


def extract_clauses(analysis: Analysis) -> list[Clause]:
    cache: dict[tuple[int, int], Ref] = {}
    out: list[Clause] = []
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


def _headline_clauses(analysis: Analysis, sentence: Sentence) -> list[Clause]:
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
            Clause(
                sentence=sentence,
                verb=tok,
                predicate=lemma,
                senses=senses,
                frame="object",
                negated=False,
                no_negated=False,
                passive=False,
                agent=run_ref(analysis, sentence, left),
                theme=run_ref(analysis, sentence, right),
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
        if c.dep_ in ("prep", "dative") and c.lower_ in PREP_PREDICATES:
            phrase = f"{lemma} {c.lower_}"
            if phrase in SENSES:
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                return phrase, (verb, c), pobj
    return lemma, (verb,), None


def _clause(analysis: Analysis, sentence: Sentence, verb: Any, cache: dict) -> Clause | None:
    phrase, phrase_toks, prep_obj = _predicate(verb)
    senses = SENSES.get(phrase)
    lemma = verb.lemma_.lower()
    if senses is None and (lemma in NEGATION_SKIP_VERBS or lemma in SAY_VERBS or len(phrase_toks) > 1):
        return None
    intent = False
    if not asserted(verb):
        if not is_intent(verb):
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
    agent = ref_of(analysis, sentence, agent_tok, cache, agent=True) if agent_tok is not None else None
    theme = None
    if theme_tok is not None:
        theme = xcomp_ref(theme_tok) if frame == "xcomp" else ref_of(analysis, sentence, theme_tok, cache)
    own = _own_tokens(verb, {agent_tok, theme_tok})
    return Clause(
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
    or a prepositional object: "cleared on two counts", "convicted on three of the charges",
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
            limit = [n]  # "on two of the nine charges", "some of the charges"
        elif n.pos_ == "NOUN":
            limit = [c for c in n.children if c.dep_ in _QUANT_DEPS and (c.like_num or c.lower_ in _PARTIAL)]
        else:
            limit = []
        if limit:
            words.update(t.lower_ for t in limit)
            words.add(n.lemma_.lower())
            words.update(p.lemma_.lower() for p in of)
    return frozenset(words)


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
        if node.dep_ == "conj" or vote_outcome(node):
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
