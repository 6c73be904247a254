"""A speaker given a role that another person holds.

Reads the speakers given a definite role (``said Joris Bakker, the prosecutor``) against every
other mention of that role. The speaker is flagged when one other person holds the same role in
more sentences, or as often while the speaker has more other titles than that person; and
only where the speaker is elsewhere given a different title ("Defence lawyer Joris Bakker") or
the role is one a single person holds ("the Lisbon mayor"). The role's other holder is
suggested. A title glued to the name whose rival title is better attested is left to the slot
check.
"""

from __future__ import annotations

from collections import defaultdict

from corrigo.analysis.analyse import Analysis
from corrigo.analysis.lexicon import EXCLUSIVE_ROLE_HEADS
from corrigo.checks.base import contradiction
from corrigo.checks.quotes_roles import RANKS, Role, same_role
from corrigo.checks.quotes_speakers import Mention, NameBook
from corrigo.model import Finding, FindingKind

__all__ = ["role_of_another"]


def role_of_another(analysis: Analysis, mentions: list[Mention], names: NameBook) -> list[Finding]:
    roled = [(names.key(m.person), m) for m in mentions if m.role is not None and names.key(m.person)]
    findings = []
    for key, m in roled:
        if not m.speaker or not m.role.definite:
            continue
        holders: dict[str, set[int]] = defaultdict(set)
        for k, o in roled:
            if same_role(m.role, o.role):
                holders[k].add(o.sentence.index)
        others = [k for k in holders if k != key and not names.related(k, key)]
        if len(others) != 1 or any(names.related(k, key) for k in holders if k != key and k not in others):
            continue
        other = others[0]
        mine, theirs = len(holders[key]), len(holders[other])
        conflicts = _other_titles(roled, key, m.role)
        their_conflicts = _other_titles(roled, other, m.role)
        if mine > theirs or (mine == theirs and len(conflicts) <= len(their_conflicts)):
            continue
        # A title glued to the name, when the speaker's other title is better attested than the
        # other person's hold on this one, is the likelier slip itself ("Chief executive Lucia
        # Ferrand" for the finance chief): the slot check reports that.
        if m.role.before and len({o.sentence.index for o in conflicts}) > theirs:
            continue
        if not conflicts and not (m.role.head in EXCLUSIVE_ROLE_HEADS and m.role.mods):
            continue
        right = min((o for k, o in roled if k == other and same_role(m.role, o.role)), key=lambda o: o.sentence.index)
        margin = theirs - mine + len(conflicts) - len(their_conflicts)
        evidence = [o.sentence.span for k, o in roled if k == other and same_role(m.role, o.role)]
        evidence += [o.sentence.span for o in conflicts]
        suggestion = names.as_written(other, m.span)
        findings.append(
            contradiction(
                FindingKind.ATTRIBUTION,
                m.span,
                m.sentence,
                evidence,
                _explain_role(m, right, conflicts[0] if conflicts else None, suggestion),
                suggestion,
                min(0.85, 0.55 + 0.1 * margin),
            )
        )
    return findings


def _explain_role(m: Mention, right: Mention, conflict: Mention | None, suggestion: str) -> str:
    text = f"Elsewhere the article gives the role {right.role.span.text!r} to {right.span.text}"
    if conflict is not None:
        text += f" and describes {conflict.span.text} with {conflict.role.span.text!r}"
    return text + f", so this statement is likely {suggestion}'s, not {m.span.text}'s."


def _other_titles(roled: list[tuple[str | None, Mention]], key: str, role: Role) -> list[Mention]:
    """Mentions giving ``key`` a title with another head ("defence lawyer" against "prosecutor")."""
    return [o for k, o in roled if k == key and o.role.head != role.head and o.role.head not in RANKS]
