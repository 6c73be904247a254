"""A quality the headline asserts that the body denies: a headline or subheadline calling the vote
"unanimous" and a body sentence saying "the vote was not unanimous".

Read from the parse: each plain adjective of the headline and subheadlines (not negated), and each
body clause that negates the same adjective as its predicate ("was not unanimous", "wasn't
safe"). Only clauses that state a fact count: the subject is a noun (not "it", which is often a
placeholder: "it is not hard to see"), no modal or future auxiliary ("will not be ready"), and the
adjective is not inside a quotation. The headline is the story's own summary, so the negation is
flagged and the fix drops it.
"""

from __future__ import annotations

from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.checks.base import contradiction
from corrigo.model import Finding, FindingKind, Span

__all__ = ["headline_quality_findings"]

_CONFIDENCE = 0.6
_QUOTES = ('"', "“", "”")


def headline_quality_findings(analysis: Analysis) -> list[Finding]:
    headlines = [s for s in analysis.sentences if s.headline]
    asserted = {
        t.lemma_.lower(): s
        for s in headlines
        for t in s.tokens
        if t.pos_ == "ADJ" and t.tag_ == "JJ" and t.is_alpha and not any(c.dep_ == "neg" for c in t.children)
    }
    if not asserted:
        return []
    out = []
    for sentence in analysis.sentences:
        if sentence.headline:
            continue
        for tok in sentence.tokens:
            if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.lemma_.lower() not in asserted:
                continue
            finding = _denied(analysis, sentence, tok, asserted[tok.lemma_.lower()])
            if finding is not None:
                out.append(finding)
    return out


def _denied(analysis: Analysis, sentence: Sentence, adj: Any, headline: Sentence) -> Finding | None:
    verb = adj.head
    negs = [c for c in verb.children if c.dep_ == "neg"] + [c for c in adj.children if c.dep_ == "neg"]
    if len(negs) != 1 or verb.lemma_.lower() != "be":
        return None
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return None  # "will not be ready": a forecast, not a statement of fact
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    text = analysis.article.text
    at = sentence.offset + adj.idx
    if sum(text[sentence.span.start : at].count(q) for q in _QUOTES) % 2 == 1:
        return None  # inside a quotation: someone's words, not the story's
    neg = negs[0]
    start = sentence.offset + min(verb.idx, neg.idx)
    end = at + len(adj.text)
    span = Span.of(text, start, end)
    fix = _without(text, neg, sentence, start, end)
    if fix is None:
        return None
    why = f"The headline calls it {adj.lemma_.lower()} ('{headline.span.text}'); this sentence says it is not."
    return contradiction(FindingKind.POLARITY, span, sentence, [headline.span], why, fix, _CONFIDENCE)


def _without(text: str, neg: Any, sentence: Sentence, start: int, end: int) -> str | None:
    """The flagged words with the negation taken out ("was not unanimous" -> "was unanimous")."""
    n0 = sentence.offset + neg.idx
    n1 = n0 + len(neg.text)
    if neg.lower_ in ("not", "never"):
        before, after = text[start:n0].rstrip(" "), text[n1:end].lstrip(" ")
        return f"{before} {after}" if before else after
    if neg.lower_ in ("n't", "n’t"):
        return text[start:n0] + text[n1:end]
    return None
