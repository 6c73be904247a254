"""The fix for a polarity clause the article outvotes.

Reads the losing clause and its opponents and writes the replacement, inflected to fit the
sentence: a negation dropped ("did not approve" -> "approved", "would not appeal" -> "would
appeal") or added ("approved" -> "did not approve"), or the predicate swapped for the
majority's own word or the family's default opposite ("rejected" -> "approved", "went ahead"
-> "was called off", "voted against" -> "voted for"). None where no safe rewrite exists.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from corrigo.analysis.analyse import Analysis
from corrigo.analysis.lexicon import SENSES, inflect, phrase_inflect
from corrigo.checks.polarity_clauses import PREP_PREDICATES, Clause
from corrigo.checks.polarity_modality import INTENT_MODALS, MODALS
from corrigo.model import Span

__all__ = ["fix_for", "match_case", "negation_run"]


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


def fix_for(analysis: Analysis, c: Clause, opponents: list[Clause], family: str) -> tuple[Span, str] | None:
    """The wrong words and their replacement, inflected to fit the sentence."""
    if c.negated:
        return _drop_negation(analysis, c)
    same_verb_negated = [o for o in opponents if o.negated and o.predicate == c.predicate]
    flipped = [o for o in opponents if not o.negated]
    if len(same_verb_negated) > len(flipped) or family.startswith("verb:"):
        return _add_negation(analysis, c)
    return _antonym(analysis, c, flipped, family)


def negation_run(c: Clause) -> list[Any]:
    """The auxiliaries, negation and verb of a clause, in order: "did not approve"."""
    toks = [t for t in c.verb.children if t.dep_ in ("aux", "auxpass", "neg") or t.lower_ == "never"]
    toks = [t for t in toks if t.i < c.verb.i and t.lower_ not in MODALS]
    return sorted([*toks, c.verb], key=lambda t: t.i)


def _drop_negation(analysis: Analysis, c: Clause) -> tuple[Span, str] | None:
    """ "did not approve" -> "approved"; "had not issued" -> "issued"; "was never approved" -> "approved"."""
    run = negation_run(c)
    neg = next((t for t in run if t.dep_ == "neg" or t.lower_ == "never"), None)
    if neg is None:
        return None
    modal = [t for t in c.verb.children if t.dep_ == "aux" and t.lower_ in INTENT_MODALS and t.i < neg.i]
    if c.intent and modal:
        # "would not appeal" -> "would appeal"; "won't appeal" -> "will appeal"
        span = analysis.token_span(c.sentence, modal[0], c.verb)
        words = [{"wo": "will"}.get(modal[0].lower_, modal[0].text)]
        words += [t.text for t in c.sentence.tokens if modal[0].i < t.i <= c.verb.i and t.i != neg.i]
        return span, match_case(span.text, " ".join(words))
    before = [t for t in run if t.i < neg.i]
    do = before[-1] if before and before[-1].lemma_ == "do" else None
    if do is not None:
        tag = _DO_TAGS.get(do.lower_, "VBD")
        span = analysis.token_span(c.sentence, do, c.verb)
        return span, match_case(span.text, inflect(c.verb.lemma_.lower(), tag))
    first = neg
    if neg.lower_ == "n't" and before:
        first = before[-1]
    span = analysis.token_span(c.sentence, first, c.verb)
    kept = [t.text for t in c.sentence.tokens if first.i <= t.i <= c.verb.i and t.i != neg.i]
    return span, match_case(span.text, " ".join(kept))


def _add_negation(analysis: Analysis, c: Clause) -> tuple[Span, str] | None:
    """ "approved" -> "did not approve"; "had issued" -> "not issued" (after the auxiliary)."""
    run = negation_run(c)
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
    return span, match_case(span.text, f"{do} not {c.verb.lemma_.lower()}")


def _antonym(analysis: Analysis, c: Clause, flipped: list[Clause], family: str) -> tuple[Span, str] | None:
    """Swap the predicate for the one the majority uses: "rejected" -> "approved",
    "went ahead" -> "was called off", "voted against" -> "voted for"."""
    want = -next(s.sign for s in c.senses if s.family == family)
    verb = c.verb
    if _prepositional(c):
        # "voted 7 to 4 against": change only the preposition.
        lemma = verb.lemma_.lower()
        for prep in PREP_PREDICATES:
            if _has_sign(f"{lemma} {prep}", family, want):
                span = analysis.token_span(c.sentence, c.phrase_toks[1])
                return span, match_case(span.text, prep)
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
    return span, match_case(span.text, phrase_inflect(target, tag))


def _prepositional(c: Clause) -> bool:
    """ "voted against": a verb plus preposition, not a word to put in another sentence."""
    return len(c.phrase_toks) == 2 and c.phrase_toks[1].dep_ in ("prep", "dative")


def _has_sign(phrase: str, family: str, sign: int) -> bool:
    return any(s.family == family and s.sign == sign for s in SENSES.get(phrase, ()))


def _takes(phrase: str, family: str, sign: int, frame: str) -> bool:
    return any(s.family == family and s.sign == sign and frame in s.frames for s in SENSES.get(phrase, ()))


def _target(c: Clause, flipped: list[Clause], family: str, want: int) -> str | None:
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


def _passive_form(analysis: Analysis, c: Clause, target: str, tag: str) -> tuple[Span, str] | None:
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
    return span, match_case(span.text, f"{be} {participle}")


def match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and not original.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
