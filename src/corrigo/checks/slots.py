"""The same slot filled two ways: an organisation's base, a place it leaves, a person's title, a start year.

Facts about one subject and one slot vote. The value the rest of the article supports wins:
most sentences first, then the value the story mentions most (the dateline place counts), so
a body sentence that moves a headquarters from the headline's city to another is flagged and
the headline's city suggested. When the flagged sentence also holds the winning value in
another role ("Hong Kong-based X ... its departure from London"), the two values were most
likely swapped, and the other mention is flagged too, with the displaced value as its fix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from corrigo.analysis.analyse import Analysis
from corrigo.analysis.facts import TITLE_HEADS, Fact, extract_facts
from corrigo.checks.base import contradiction, quote
from corrigo.model import Finding, FindingKind

__all__ = ["SlotCheck", "Resolution", "resolve_slots"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome for one (subject, slot): the supported value and the facts that disagree with it."""

    subject: str
    slot: str
    winner: list[Fact]
    losers: list[Fact]
    margin: int  # sentences for the winner minus sentences for the runner-up


def resolve_slots(analysis: Analysis, facts: list[Fact]) -> list[Resolution]:
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        groups[(f.subject, f.slot)].append(f)
    out = []
    for (subject, slot), group in sorted(groups.items()):
        by_value: dict[str, list[Fact]] = defaultdict(list)
        for f in group:
            by_value[f.value_key].append(f)
        if slot == "role":
            by_value = _merge_compatible_roles(by_value)
        if len(by_value) < 2:
            continue
        votes = {v: len({f.sentence.index for f in fs}) for v, fs in by_value.items()}
        sal = {v: _salience(analysis, v, fs[0].label) for v, fs in by_value.items()}
        ranked = sorted(by_value, key=lambda v: (votes[v], sal[v], -by_value[v][0].value.start), reverse=True)
        best = ranked[0]
        margin = votes[best] - votes[ranked[1]]
        salience_gap = sal[best] - sal[ranked[1]]
        if margin == 0 and salience_gap <= 0:
            continue  # nothing in the article prefers one value: a person must decide
        losers = [f for v in ranked[1:] for f in by_value[v]]
        out.append(Resolution(subject, slot, by_value[best], losers, margin))
    return out


def _salience(analysis: Analysis, value: str, label: str) -> int:
    """How often the story mentions a value: entity mentions for places, the year's own count for dates."""
    if label == "DATE":
        return analysis.year_mentions(value)
    return analysis.salience.get(value, 0)


# Titles of a seat, a rank or a standing that a person holds alongside an office ("Senator" and
# "Defence Minister", "General" and "President", "Professor" and "director"): never in conflict.
_STANDING = frozenset(
    {"senator", "mp", "congressman", "congresswoman", "councillor", "general", "professor", "founder", "leader"}
)


def _merge_compatible_roles(by_value: dict[str, list[Fact]]) -> dict[str, list[Fact]]:
    """ "chief executive" and "executive" are one role; "chair" and "secretary general" are two.

    Roles whose head is not a job title ("a father of three") or is a standing held alongside an
    office ("Senator", "Professor") never conflict and are dropped.
    """
    keys = [
        k
        for k in by_value
        if k.split() and set(k.replace("-", " ").split()) & TITLE_HEADS and k.split()[-1] not in _STANDING
    ]
    merged: dict[str, list[Fact]] = {}
    for k in sorted(keys, key=len, reverse=True):
        words = set(k.split())
        home = next((m for m in merged if words <= set(m.split()) or set(m.split()) <= words), None)
        if home is None:
            merged[k] = list(by_value[k])
        else:
            merged[home].extend(by_value[k])
    return merged


class SlotCheck:
    """Flags a value that disagrees with what the rest of the article says fills the same slot.

    Example:
        >>> check = SlotCheck()
        >>> findings = check.run(analysis)  # doctest: +SKIP
    """

    name = "slots"

    def run(self, analysis: Analysis) -> list[Finding]:
        facts = extract_facts(analysis)
        findings: list[Finding] = []
        for res in resolve_slots(analysis, facts):
            right = res.winner[0]
            right_text = _surface(analysis, right)
            for wrong in res.losers:
                text = analysis.article.text
                evidence = [
                    quote(f.sentence.span, _cover(f.value, f.context), text)
                    for f in res.winner
                    if f.sentence.index != wrong.sentence.index
                ]
                if not evidence:
                    continue
                confidence = 0.6 + 0.1 * min(res.margin, 3)
                kind = FindingKind.ATTRIBUTION if res.slot == "role" else FindingKind.SLOT
                if wrong.sentence.headline or any(f.sentence.headline for f in res.winner):
                    kind = FindingKind.HEADLINE if kind is FindingKind.SLOT else kind
                findings.append(
                    contradiction(
                        kind,
                        wrong.value,
                        wrong.sentence,
                        evidence,
                        _explain(analysis, res, wrong, right_text),
                        right_text,
                        confidence,
                    )
                )
                swap = _swapped(analysis, facts, wrong, right)
                if swap is not None:
                    findings.append(
                        contradiction(
                            kind,
                            swap,
                            wrong.sentence,
                            [wrong.value, *evidence],
                            f"{swap.text!r} and {wrong.value.text!r} appear swapped in this sentence: "
                            f"the article puts {_describe(analysis, res.subject, res.slot)} in "
                            f"{right_text}, so {wrong.value.text!r} belongs here.",
                            wrong.value.text,
                            0.6,
                        )
                    )
        return findings


def _cover(a, b):
    from corrigo.model import Span

    lo, hi = min(a.start, b.start), max(a.end, b.end)
    return Span(lo, hi, "")  # only the bounds are used


def _swapped(analysis: Analysis, facts: list[Fact], wrong: Fact, right: Fact):
    """The other mention of the winning value in the wrong fact's sentence, when the two look exchanged.

    Fixing only the wrong value would leave the sentence naming the winning value twice and the
    displaced value nowhere; writers avoid that, error injection (and careless edits) cause it.
    """
    if wrong.label != "GPE":
        return None
    sent = wrong.sentence.span
    same = [e for e in analysis.entities_in(sent) if e.key == right.value_key and not e.span.overlaps(wrong.value)]
    displaced = [e for e in analysis.entities_in(sent) if e.key == wrong.value_key]
    if len(same) != 1 or len(displaced) > 1:
        return None
    other = same[0]
    # Leave it alone when that mention is itself a value the article supports in its own slot.
    for f in facts:
        if f.value.overlaps(other.span):
            peers = [g for g in facts if (g.subject, g.slot) == (f.subject, f.slot) and g is not f]
            if any(g.value_key == f.value_key for g in peers):
                return None
    return other.span


def _surface(analysis: Analysis, fact: Fact) -> str:
    """How the article writes the winning value: its most common mention, not "the city"."""
    if fact.label != "GPE":
        return fact.value.text
    forms: dict[str, int] = defaultdict(int)
    for e in analysis.entities:
        if e.key == fact.value_key:
            forms[e.span.text] += 1
    if not forms:
        dl = analysis.article.dateline
        stands_for_dateline = fact.value.text[:1].islower() and dl is not None and dl.place is not None
        return dl.place.text.title() if stands_for_dateline else fact.value.text  # "the city" -> "Leeds"
    return max(sorted(forms), key=lambda t: (forms[t], not t.isupper()))


def _name(analysis: Analysis, key: str) -> str:
    for e in analysis.entities:
        if e.key == key:
            return e.span.text
    return key.split(":", 1)[-1].title()


def _written(analysis: Analysis, words: str) -> str:
    """A normalised qualifier ("asia pacific") as the article writes it ("Asia-Pacific")."""
    pattern = r"(?<!\w)" + r"[\s-]+".join(re.escape(w) for w in words.split()) + r"(?!\w)"
    m = re.search(pattern, analysis.article.text, re.I)
    return m.group() if m else words


def _describe(analysis: Analysis, subject: str, slot: str) -> str:
    name = _name(analysis, subject)
    head, _, qual = slot.partition(":")
    if head == "base":
        return f"{name}'s {_written(analysis, qual) + ' ' if qual else ''}headquarters"
    if head == "leave":
        return f"the place {name} is leaving"
    if head == "role":
        return f"{name}'s role"
    if head == "start":
        return f"the year {name} set up {'its ' + qual if qual else ''}".strip()
    return f"{name}'s {slot}"


def _explain(analysis: Analysis, res: Resolution, wrong: Fact, right_text: str) -> str:
    n = len({f.sentence.index for f in res.winner})
    where = (
        "the headline"
        if all(f.sentence.headline for f in res.winner)
        else (f"{n} other sentence{'s' if n > 1 else ''}")
    )
    return (
        f"The article gives {_describe(analysis, res.subject, res.slot)} as {right_text!r} in {where}, "
        f"not {wrong.value.text!r}."
    )
