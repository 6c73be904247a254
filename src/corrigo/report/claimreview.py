"""Findings as schema.org ClaimReview records (JSON-LD), for fact-check aggregators and search engines.

One run gives one JSON document, ``{"@context": "https://schema.org", "@graph": [...]}``, holding
one ``ClaimReview`` per finding of every report passed in, in report order and then in the order of
the findings (by position). A report without findings adds nothing; no findings at all give an
empty graph.

Each review carries:

* ``claimReviewed``: the whole sentence the finding sits in (whitespace collapsed);
* ``reviewBody``: the finding's explanation, then the fix when there is one
  ("Should read: “…the sentence with the suggestion in place…”");
* ``reviewRating``: a 1-5 ``Rating`` whose ``alternateName`` is the verdict in fact-checker words;
* ``itemReviewed``: a ``Claim`` whose ``appearance`` is the article, a ``CreativeWork`` named by its
  ``url`` when the article has one, else by its ``identifier`` (the id or path it was read from),
  with its ``headline`` when known;
* ``author`` (an ``Organization``) and ``datePublished`` (ISO ``YYYY-MM-DD``), given by the caller;
* ``identifier``: where the wrong words are, ``<article id or url>#chars=<start>-<end>`` (half-open
  character offsets into the article text).

Verdict mapping (``worstRating`` 1, ``bestRating`` 5; lower is worse for the claim):

* ``CONTRADICTED`` → "False", ``ratingValue`` 1
* ``REFUTED`` → "False", ``ratingValue`` 1
* ``UNSUPPORTED`` → "Unsupported", ``ratingValue`` 3

The article saying otherwise elsewhere (contradicted) and a reference document saying otherwise
(refuted) both mean the statement is wrong as written, hence "False". "Unsupported" means nothing
supplied backs the claim, not that it is wrong, hence the middle of the scale. "Misleading"
(``ratingValue`` 2) is kept for verdicts that mean partly wrong; none of today's verdicts does.
Every ``Verdict`` member must appear in :data:`RATINGS`; a new verdict fails loudly (``KeyError``)
until it is given a rating, rather than being published under a guess.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from corrigo.model import Finding, Report, Verdict

__all__ = ["DEFAULT_AUTHOR", "RATINGS", "claim_review", "render_claimreview"]

DEFAULT_AUTHOR = "Corrigo"
BEST_RATING, WORST_RATING = 5, 1
FALSE, MISLEADING, UNSUPPORTED = ("False", 1), ("Misleading", 2), ("Unsupported", 3)

# (alternateName, ratingValue) for each verdict.
RATINGS: dict[Verdict, tuple[str, int]] = {
    Verdict.CONTRADICTED: FALSE,
    Verdict.REFUTED: FALSE,
    Verdict.UNSUPPORTED: UNSUPPORTED,
}


def render_claimreview(reports: Iterable[Report], *, author: str = DEFAULT_AUTHOR, date: dt.date | None = None) -> str:
    """The ClaimReview JSON-LD document for ``reports`` (``date`` defaults to today)."""
    when = (date or dt.date.today()).isoformat()
    graph = [claim_review(r, f, author=author, date=when) for r in reports for f in r.findings]
    doc = {"@context": "https://schema.org", "@graph": graph}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def claim_review(report: Report, finding: Finding, *, author: str, date: str) -> dict[str, object]:
    """One ClaimReview for ``finding`` of ``report``; ``date`` is already ISO ``YYYY-MM-DD``."""
    name, value = RATINGS[finding.verdict]
    review: dict[str, object] = {
        "@type": "ClaimReview",
        "claimReviewed": _flat(finding.sentence.text),
        "reviewBody": _body(finding),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": name,
        },
        "itemReviewed": {"@type": "Claim", "appearance": _appearance(report)},
        "author": {"@type": "Organization", "name": author},
        "datePublished": date,
    }
    key = report.article.id or report.article.url
    if key:
        review["identifier"] = f"{key}#chars={finding.span.start}-{finding.span.end}"
    return review


def _appearance(report: Report) -> dict[str, object]:
    art = report.article
    work: dict[str, object] = {"@type": "CreativeWork"}
    if art.url:
        work["url"] = art.url
    elif art.id:
        work["identifier"] = art.id
    headline = art.title or (art.headline.text if art.headline is not None else None)
    if headline and headline.strip():
        work["headline"] = _flat(headline)
    return work


def _body(f: Finding) -> str:
    body = _flat(f.explanation)
    if f.suggestion is None:
        return body
    sentence, span = f.sentence, f.span
    if sentence.contains(span):
        cut_start, cut_end = span.start - sentence.start, span.end - sentence.start
        fixed = sentence.text[:cut_start] + f.suggestion + sentence.text[cut_end:]
        fix = f"Should read: “{_flat(fixed)}”"
    else:  # the wrong words run past the sentence: name the replacement alone
        fix = f"Should read “{_flat(f.suggestion)}” instead of “{_flat(span.text)}”"
    return f"{body} {fix}" if body else fix


def _flat(s: str) -> str:
    return " ".join(s.split())
