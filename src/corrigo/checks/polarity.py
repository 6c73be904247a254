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

The clauses are read in :mod:`~corrigo.checks.polarity_clauses` (whether each is asserted in
:mod:`~corrigo.checks.polarity_modality`, its agent and theme in
:mod:`~corrigo.checks.polarity_refs`), matched in :mod:`~corrigo.checks.polarity_compare` and
fixed in :mod:`~corrigo.checks.polarity_fix`; the figures rule is
:mod:`~corrigo.checks.polarity_figures`. This module pairs the clauses, counts the votes and
reports the losers.
"""

from __future__ import annotations

from collections import defaultdict

from corrigo.analysis.analyse import Analysis
from corrigo.checks.base import contradiction
from corrigo.checks.polarity_clauses import Clause, extract_clauses
from corrigo.checks.polarity_compare import comparable
from corrigo.checks.polarity_figures import direction_against_figures
from corrigo.checks.polarity_fix import fix_for, negation_run
from corrigo.checks.polarity_headline import headline_quality_findings
from corrigo.model import Finding, FindingKind, Span

__all__ = ["PolarityCheck"]


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
        clauses = extract_clauses(analysis)
        findings = _opposed(analysis, clauses)
        findings.extend(direction_against_figures(analysis))
        taken = [f.span for f in findings]
        findings.extend(f for f in headline_quality_findings(analysis) if not any(f.span.overlaps(t) for t in taken))
        return findings


def _opposed(analysis: Analysis, clauses: list[Clause]) -> list[Finding]:
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clauses):
        for s in c.senses:
            by_family[s.family].append(i)
    families: dict[int, set[str]] = defaultdict(set)
    for family, members in by_family.items():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = clauses[i], clauses[j]
                if not comparable(a, b, family):
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
        fix = fix_for(analysis, c, opponents, sorted(families[i])[0])
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


def _votes(clauses: list[Clause], c: Clause) -> tuple[int, int]:
    """Sentences stating the opposite of ``c``, and sentences stating what ``c`` states."""
    ours = {c.sentence.index} | {clauses[j].sentence.index for j in c.supporters}
    theirs = {clauses[j].sentence.index for j in c.opponents}
    return len(theirs), len(ours)


def _losers(clauses: list[Clause]) -> list[int]:
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


def _explain(c: Clause, opponents: list[Clause], wrong: Span, theirs: int, ours: int) -> str:
    said = " ".join(t.text for t in [*negation_run(opponents[0]), *opponents[0].phrase_toks[1:]])
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
