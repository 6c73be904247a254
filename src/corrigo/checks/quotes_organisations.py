"""One person speaking for two organisations.

Reads the spokesperson roles that name one organisation ("Ann Lee, a spokeswoman for Acme"),
grouped by the person's surname. Where one person speaks for two organisations that are not two
names of one body ("BBC" and "BBC News"), the organisation in the minority (on a tie, the later
one) is flagged and the other suggested.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from corrigo.analysis.analyse import Analysis
from corrigo.checks.base import contradiction
from corrigo.checks.quotes_speakers import Mention
from corrigo.model import Finding, FindingKind

__all__ = ["two_organisations"]


def two_organisations(analysis: Analysis, mentions: list[Mention]) -> list[Finding]:
    by_person: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.role is not None and m.role.head == "spokesperson" and len(m.role.orgs) == 1:
            by_person[m.person.split()[-1]].append(m)
    findings = []
    for group in by_person.values():
        orgs = Counter(next(iter(m.role.orgs)) for m in group)
        if len(orgs) < 2 or _nested(list(orgs)):
            continue
        ranked = sorted(orgs, key=lambda k: (-orgs[k], min(m.sentence.index for m in group if k in m.role.orgs)))
        best = ranked[0]
        right = next(m for m in group if best in m.role.orgs)
        for m in group:
            (org,) = m.role.orgs
            if org == best or (orgs[org] == orgs[best] and m.sentence.index < right.sentence.index):
                continue
            margin = orgs[best] - orgs[org]
            findings.append(
                contradiction(
                    FindingKind.ATTRIBUTION,
                    m.role.org_spans[0],
                    m.sentence,
                    [x.sentence.span for x in group if best in x.role.orgs],
                    f"Elsewhere the article has {m.span.text} speaking for {right.role.org_spans[0].text}, "
                    f"not {m.role.org_spans[0].text}.",
                    right.role.org_spans[0].text,
                    0.55 if margin == 0 else min(0.8, 0.6 + 0.1 * margin),
                )
            )
    return findings


def _nested(keys: list[str]) -> bool:
    """Two names of one body: "org:bbc" and "org:bbc news"."""
    words = [set(k.split(":", 1)[-1].split()) for k in keys]
    return any(a <= b or b <= a for i, a in enumerate(words) for b in words[i + 1 :])
