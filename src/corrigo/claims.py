"""Claims: the atomic, check-worthy statements of an article, one per clause.

A claim keeps who did what to whom, where, when and how many, and who said it: in
"X said the plant will close", the claim is "the plant will close", its speaker X, and its kind
a prediction. Opinions and predictions are kept, marked, and not checked as facts.
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.model import Claim

__all__ = ["ClaimExtractor", "SAY_VERBS"]

SAY_VERBS = {
    "say",
    "tell",
    "state",
    "announce",
    "add",
    "claim",
    "argue",
    "insist",
    "warn",
    "note",
    "explain",
    "write",
    "report",
    "confirm",
    "deny",
    "allege",
    "acknowledge",
    "admit",
    "declare",
    "stress",
    "suggest",
}
_MODALS = {"will", "would", "may", "might", "could", "shall", "should", "must", "can"}
_PLAN_VERBS = {"plan", "intend", "expect", "aim", "hope", "want", "seek", "propose", "vow", "pledge", "promise"}
_OPINION_WORDS = {
    "should",
    "ought",
    "believe",
    "think",
    "feel",
    "hope",
    "devastating",
    "disgraceful",
    "wonderful",
    "terrible",
    "best",
    "worst",
    "great",
    "ideal",
    "shameful",
    "outrageous",
    "proud",
}
_CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp"}
_QUOTES = "\"“”‘’'"


class ClaimExtractor:
    """Split each checked sentence into clause claims with speaker and kind."""

    name = "claims"

    def run(self, analysis: Analysis) -> list[Claim]:
        claims: list[Claim] = []
        for sentence in analysis.sentences:
            claims.extend(self._sentence_claims(analysis, sentence))
        return claims

    def _sentence_claims(self, analysis: Analysis, sentence: Sentence) -> list[Claim]:
        toks = sentence.tokens
        root = toks.root
        speaker_tok = None
        content_roots = []
        if root.lemma_.lower() in SAY_VERBS:
            speaker_tok = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            content_roots = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
        if not content_roots:
            content_roots = [root]
        verbs: list[Any] = []
        for r in content_roots:
            verbs.append(r)
            verbs.extend(c for c in r.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
        speaker = None
        if speaker_tok is not None:
            sub = list(speaker_tok.subtree)
            speaker = analysis.token_span(sentence, sub[0], sub[-1])
        quoted = _quoted(sentence.span.text)
        out = []
        for verb in verbs:
            sub = [t for t in verb.subtree if not (verb is root and t.i > verb.i and t.dep_ == "conj" and t in verbs)]
            # A conjoined clause is its own claim: cut it out of the first verb's span.
            conj_starts = [v.left_edge.i for v in verbs if v is not verb and v.head is verb]
            if conj_starts:
                sub = [t for t in sub if t.i < min(conj_starts)]
            sub = [t for t in sub if t.pos_ != "PUNCT" or (sub and t.i not in (sub[0].i, sub[-1].i))]
            if not sub:
                continue
            span = analysis.token_span(sentence, sub[0], sub[-1])
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
            subject = None
            if subj is not None:
                st = list(subj.subtree)
                subject = analysis.token_span(sentence, st[0], st[-1])
            negated = any(c.dep_ == "neg" for c in verb.children)
            out.append(
                Claim(
                    span=span,
                    sentence=sentence.span,
                    subject=subject,
                    predicate=verb.lemma_.lower(),
                    negated=negated,
                    speaker=speaker,
                    kind=_kind(verb, quoted),
                )
            )
        return out


def _quoted(text: str) -> bool:
    return sum(text.count(q) for q in '"“”') >= 2


def _kind(verb: Any, quoted: bool) -> str:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    words = {t.lower_ for t in verb.subtree} | {t.lemma_.lower() for t in verb.subtree}
    if words & _OPINION_WORDS and ({"we", "i", "us", "our"} & words or "should" in aux):
        return "opinion"
    if aux & _MODALS or verb.lemma_.lower() in _PLAN_VERBS or verb.tag_ == "VB" and "to" in aux:
        return "prediction"
    return "quote" if quoted else "fact"
