"""Two sentences of one article about the same event that the verifier model reads as contradicting.

The slot rules only see the patterns they were written for ("based in X", "X-based"); the
learned verifier (``verify/learned.py``) reads any two sentences. This check gives it the
sentence pairs the structured analysis aligns, and turns the contradictions it finds into
findings with a span and a fix:

1. Candidates: two checked sentences (headline or body, not quotes or opinions) that share a
   name or value and are about the same event (the same content verb, two shared names or
   values, a number or date of one type in both, or two shared content words); a headline needs
   no shared name when it shares two content words ("Sierra recalls cars" and "GM is recalling
   200,000 vehicles"). Only pairs that state one type of value two ways ("Arsenal" here, "Chelsea"
   there) are kept, since only those can be located and fixed; the strongest overlaps first, at
   most ``max_pairs`` per article.
2. Each pair is scored once, the longer sentence as evidence and the shorter as claim. The
   model was trained on claims that restate or shorten their evidence; read the other way round
   the longer sentence adds facts, which the model calls not-enough-info, so that direction
   carries no signal (measured: see BENCHMARKS.md "pairs").
3. The pair contradicts when its refuted probability reaches ``threshold`` and putting one
   sentence's value in the other's place takes it below 0.5: with several differing values
   that picks the one the contradiction is about, and with none that resolves it the sentences
   disagree about something a fix cannot name, so nothing is flagged.
4. Which side is wrong: a side whose value the other sentence also holds elsewhere is wrong;
   else the sentence that contradicts more other sentences; on a tie, the side whose value the
   article mentions less often (a value changed once leaves the other mentions of the right
   one behind); on a further tie, the later sentence. The wrong span is that side's mention
   (for a number only the words that differ: "60" in "60mph"), the fix the other side's value
   written the way the wrong mention is (a surname for a surname).

When onnxruntime or the shipped model is missing the check finds nothing: it is an addition to
the rules, not a requirement.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.checks.base import contradiction, quote
from corrigo.claims import SAY_VERBS, ClaimExtractor
from corrigo.model import Entity, Finding, FindingKind, Span

__all__ = ["PairCheck", "ScoredPair", "Candidate", "Diff", "candidates"]

logger = logging.getLogger(__name__)

# Verbs that say nothing about which event a sentence reports.
_LIGHT_VERBS = {"be", "have", "do", "get", "make", "take"} | SAY_VERBS
# Entity types that are values (numbers and dates), by entity-key prefix.
_VALUE_TYPES = {"cardinal", "money", "percent", "quantity", "date", "time", "ordinal"}
# Organisations and places are one type of name: the tagger calls one town or firm an
# organisation in one sentence and a place in the next ("Derby", "Veltra").
_NAMES = {"org", "place"}
# Types a differing mention may have.
_TYPES = {"person", "org", "place", "norp"} | _VALUE_TYPES
_REFUTED = 1
# Refuted probability a pair must fall below once one sentence's value is put in the other's place.
_RESOLVED = 0.5
# Content words two sentences share that make them one event (two for a headline and a body sentence
# with no name in common).
_SHARED_WORDS = 2
# Words around a number that do not change the value it states.
_HEDGES = {"up", "to", "about", "around", "some", "nearly", "almost", "more", "than", "over", "under", "at"}
_HEDGES |= {"least", "the", "of", "a", "an", "approximately", "roughly", "just", "only", "as", "many", "much"}
_HEDGES |= {"on", "in"}
_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d]+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Diff:
    """A value of one type that sentences ``a`` and ``b`` of a candidate state differently.

    ``side`` is "a" or "b" when only that side can be wrong: "Spain courts" against "a US court"
    in a sentence that itself names the US elsewhere leaves only "Spain" to change.
    """

    a: Entity
    b: Entity
    side: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two sentences the analysis aligns (``a`` before ``b``), and the values they state differently.

    ``strength`` orders candidates: event signals, then shared names and words, then position.
    """

    a: Sentence
    b: Sentence
    diffs: tuple[Diff, ...]
    strength: tuple[int, ...]

    @property
    def a_longer(self) -> bool:
        """Whether ``a`` is the evidence (the longer sentence) when the pair is scored."""
        return len(self.a.span.text) >= len(self.b.span.text)


@dataclass(frozen=True, slots=True)
class ScoredPair:
    candidate: Candidate
    p: float  # refuted, the longer sentence as evidence and the shorter as claim


class PairCheck:
    """Flags a value that another sentence about the same event contradicts, as the verifier model reads them.

    Example:
        >>> check = PairCheck()  # the shipped model, loaded on first use
        >>> findings = check.run(analysis)  # doctest: +SKIP
    """

    name = "pairs"

    def __init__(self, model: Any = None, threshold: float = 0.9, max_pairs: int = 20) -> None:
        self.model = model
        self.threshold = threshold
        self.max_pairs = max_pairs
        self._ready: bool | None = None
        self._memo: dict[tuple[tuple[str, str], ...], Any] = {}

    def warm_up(self) -> None:
        """Load the model now; leaves the check switched off when the runtime or model is missing."""
        if self._ready is not None:
            return
        from corrigo.verify import learned

        if self.model is None:
            if not learned.available():
                logger.debug("the pairs check is off: onnxruntime, tokenizers or the shipped model is missing")
                self._ready = False
                return
            self.model = learned.PairModel()
        elif not _model_present(self.model):
            logger.debug("the pairs check is off: no model at %s", getattr(self.model, "model_dir", "?"))
            self._ready = False
            return
        warm = getattr(self.model, "warm_up", None)
        if warm is not None:
            warm()  # a damaged model is an error (ModelError), not a reason to pass silently
        self._ready = True

    def run(self, analysis: Analysis) -> list[Finding]:
        self.warm_up()
        if not self._ready:
            return []
        self._memo.clear()
        return self.decide(analysis, self.score(analysis), self.threshold)

    def score(self, analysis: Analysis) -> list[ScoredPair]:
        """Every candidate pair with its refuted probability, in one ``predict`` call."""
        found = candidates(analysis, self.max_pairs)
        if not found:
            return []
        probs = self.model.predict([_ordered(c.a.span.text, c.b.span.text, c.a_longer) for c in found])
        return [ScoredPair(c, float(p)) for c, p in zip(found, probs[:, _REFUTED], strict=True)]

    def decide(self, analysis: Analysis, scored: Sequence[ScoredPair], threshold: float) -> list[Finding]:
        """Findings for the pairs at or above ``threshold``: the wrong side's differing value, fixed.

        A value several sentences contradict is one finding, quoting them all; its fix is the one
        most of them give (ties: the most confident pair's).
        """
        hits = [s for s in scored if s.p >= threshold]
        if not hits:
            return []
        resolved = {id(s): self._resolve(s) for s in hits}
        hits = [s for s in hits if resolved[id(s)] is not None]
        # How many other sentences each sentence contradicts: the odd one out is the wrong one.
        against = Counter(i for s in hits for i in {s.candidate.a.index, s.candidate.b.index})
        by_span: dict[tuple[int, int], list[tuple[ScoredPair, Sentence, Sentence, Entity, Entity, Span, str]]] = {}
        for s in sorted(hits, key=lambda s: (-s.p, s.candidate.a.index, s.candidate.b.index)):
            c = s.candidate
            d = resolved[id(s)]
            a_wrong = _a_is_wrong(analysis, c, d, against)
            wrong, right = (d.a, d.b) if a_wrong else (d.b, d.a)
            sentence, other = (c.a, c.b) if a_wrong else (c.b, c.a)
            span, suggestion = _fix(analysis, wrong, right)
            by_span.setdefault((span.start, span.end), []).append((s, sentence, other, wrong, right, span, suggestion))
        findings = []
        for group in by_span.values():
            votes = Counter(g[6] for g in group)
            best = next(g for g in group if votes[g[6]] == max(votes.values()))
            s, sentence, _, wrong, right, span, suggestion = best
            others = [g[2] for g in group]
            heads = any(o.headline for o in others) or sentence.headline
            where = "The headline" if others[0].headline else "Another sentence"
            if len(others) > 1:
                where = f"{len(others)} other sentences"
            kind = FindingKind.HEADLINE if heads else _kind(sentence, wrong)
            findings.append(
                contradiction(
                    kind,
                    span,
                    sentence,
                    [quote(g[2].span, g[4].span, analysis.article.text) for g in group],
                    f"{where} about the same event give{'s' if len(others) == 1 else ''} {right.span.text!r} "
                    f"where this one gives {wrong.span.text!r}, and the verifier model reads them as "
                    f"contradicting each other (p={s.p:.2f}).",
                    suggestion,
                    _confidence(s.p, threshold),
                )
            )
        return sorted(findings, key=lambda f: (f.span.start, f.span.end))

    def _resolve(self, s: ScoredPair) -> Diff | None:
        """The differing value the contradiction is about: the one whose replacement by the other
        sentence's value takes the refuted probability lowest, if that is below ``_RESOLVED``.

        With one differing value this confirms the model read the contradiction where the fix
        goes; with several ("Leeds and York" against "Hull") it picks one. None when no value
        resolves it: the sentences disagree about something else.
        """
        c = s.candidate
        pairs = []
        for d in c.diffs:
            fixed = _replace(c.a, d.a, d.b.span.text)
            pairs.append(_ordered(fixed, c.b.span.text, len(fixed) >= len(c.b.span.text)))
        key = tuple(pairs)
        if key not in self._memo:
            self._memo[key] = self.model.predict(pairs)[:, _REFUTED]
        after = [float(p) for p in self._memo[key]]
        best = min(range(len(c.diffs)), key=lambda i: (after[i], i))
        return c.diffs[best] if after[best] < _RESOLVED else None


def _ordered(a: str, b: str, a_longer: bool) -> tuple[str, str]:
    """(evidence, claim): the longer sentence is the evidence."""
    return (a, b) if a_longer else (b, a)


def candidates(analysis: Analysis, limit: int) -> list[Candidate]:
    """Aligned sentence pairs that differ in a value, strongest first, at most ``limit``."""
    sentences = [s for s in analysis.sentences if _checkable(s)]
    skipped = _quote_or_opinion(analysis)
    sentences = [s for s in sentences if s.index not in skipped]
    mentions = {s.index: [e for e in analysis.entities_in(s.span) if _usable(e)] for s in sentences}
    verbs = {s.index: _event_verb(s) for s in sentences}
    content = {s.index: _content(s) for s in sentences}
    found = []
    for a, b in combinations(sentences, 2):
        ma, mb = mentions[a.index], mentions[b.index]
        keys_a, keys_b = {_ident(e) for e in ma}, {_ident(e) for e in mb}
        shared = keys_a & keys_b
        words = len(content[a.index] & content[b.index])
        head = a.headline or b.headline
        if not shared and not (head and words >= _SHARED_WORDS):
            continue
        same_verb = verbs[a.index] is not None and verbs[a.index] == verbs[b.index]
        types_a = {_type(e) for e in ma if _type(e) in _VALUE_TYPES}
        types_b = {_type(e) for e in mb if _type(e) in _VALUE_TYPES}
        shared_value_type = bool(types_a & types_b)
        same_event = same_verb or len(shared) >= 2 or shared_value_type or words >= _SHARED_WORDS
        # A headline is about the story's event by definition: a shared name is enough.
        if not (same_event or head):
            continue
        diffs = _diffs(ma, mb, keys_a, keys_b)
        if not diffs:
            continue
        strength = (
            int(same_verb) + int(len(shared) >= 2) + int(shared_value_type) + int(words >= 2),
            len(shared) + words,
            -b.index,
        )
        found.append(Candidate(a, b, tuple(diffs), strength))
    found.sort(key=lambda c: c.strength, reverse=True)
    return sorted(found[:limit], key=lambda c: (c.a.index, c.b.index))


_CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN"}


def _content(sentence: Sentence) -> set[str]:
    """The sentence's content words (lemmas), the event's vocabulary."""
    return {
        t.lemma_.lower()
        for t in sentence.tokens
        if t.pos_ in _CONTENT_POS
        and not t.is_stop
        and t.ent_type_ == ""
        and len(t.text) > 2
        and t.lemma_.lower() not in _LIGHT_VERBS
    }


def _checkable(sentence: Sentence) -> bool:
    return len(sentence.span.text.split()) >= 3


def _quote_or_opinion(analysis: Analysis) -> set[int]:
    """Sentences whose every clause is a quote or an opinion: what people say may disagree."""
    by_sentence: dict[int, set[str]] = {}
    starts = {s.span.start: s.index for s in analysis.sentences}
    for claim in ClaimExtractor().run(analysis):
        by_sentence.setdefault(starts[claim.sentence.start], set()).add(claim.kind)
    return {i for i, kinds in by_sentence.items() if kinds <= {"quote", "opinion"}}


def _type(e: Entity) -> str:
    """The kind of value a mention states. The tagger calls one team, firm or town an organisation
    in one sentence and a place in the next ("Derby", "Veltra"), so those are one kind: a name."""
    t = e.key.split(":", 1)[0]
    return "name" if t in _NAMES else t


def _ident(e: Entity) -> str:
    """What a mention states: its entity key, or for a value its words without hedges and digit
    commas, so "up to 90mph" and "90mph", "about 2,000" and "2000" are one value."""
    t = _type(e)
    if t not in _VALUE_TYPES:
        return t + ":" + e.key.split(":", 1)[1]
    words = [w.replace(",", "") for w in _WORD.findall(e.span.text.lower()) if w not in _HEDGES]
    return t + ":" + " ".join(words)


def _usable(e: Entity) -> bool:
    """Names and values; not a value the tagger cut down to its hedge ("up to" without "90mph")."""
    t = _label(e)
    if t in _VALUE_TYPES:
        return _ident(e) != t + ":"
    return t in _TYPES


def _event_verb(sentence: Sentence) -> str | None:
    """The lemma of the verb that says what happened: the reported clause's, after "said"."""
    root = sentence.tokens.root
    if root.lemma_.lower() in SAY_VERBS:
        inner = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), None)
        if inner is not None:
            root = inner
    lemma = root.lemma_.lower()
    return None if lemma in _LIGHT_VERBS or root.pos_ not in ("VERB", "AUX") else lemma


def _diffs(ma: list[Entity], mb: list[Entity], keys_a: set[str], keys_b: set[str]) -> list[Diff]:
    """Mentions of one type that differ: each of a value the other sentence lacks, or (one-sided)
    a value the other lacks against one the other states and this one also holds."""
    out = []
    # Within a type, a firm against a country ("UK" against "Britannia") is two facts, not one
    # fact stated two ways; but the tagger calls one town an organisation in one sentence and a
    # place in the next, so when each sentence has only one of the two, they are compared.
    for t in sorted({_type(e) for e in ma if _label(e) in _TYPES} & {_type(e) for e in mb}):
        all_a = _first_per_key(e for e in ma if _type(e) == t)
        all_b = _first_per_key(e for e in mb if _type(e) == t)
        labels_a, labels_b = {_label(e) for e in all_a}, {_label(e) for e in all_b}

        def comparable(x: Entity, y: Entity, la: set[str] = labels_a, lb: set[str] = labels_b) -> bool:
            same = _label(x) == _label(y) or (_label(x) not in lb and _label(y) not in la)
            return same and not _alias(x, y)

        only_a = [e for e in all_a if _ident(e) not in keys_b]
        only_b = [e for e in all_b if _ident(e) not in keys_a]
        if only_a and only_b:
            out.extend(Diff(x, y) for x in only_a for y in only_b if comparable(x, y))
        elif only_a:
            out.extend(Diff(x, y, "a") for x in only_a for y in all_b if comparable(x, y))
        elif only_b:
            out.extend(Diff(x, y, "b") for x in all_a for y in only_b if comparable(x, y))
    return out


def _label(e: Entity) -> str:
    return e.key.split(":", 1)[0]


_MINOR = {"&", "and", "of", "the", "for", "de"}


def _alias(x: Entity, y: Entity) -> bool:
    """Two ways to write one name: initials ("M&S", "Marks & Spencer") or one name inside the other."""
    wx = [w for w in re.findall(r"[\w&]+", x.span.text.lower()) if w != "s"]
    wy = [w for w in re.findall(r"[\w&]+", y.span.text.lower()) if w != "s"]
    if not wx or not wy:
        return False
    if set(wx) <= set(wy) or set(wy) <= set(wx):
        return True

    def initials(words: list[str]) -> str:
        return "".join(w[0] for w in words if w not in _MINOR)

    def letters(words: list[str]) -> str:
        return "".join(c for c in "".join(words) if c.isalpha())

    return (
        (len(wx) == 1 or "&" in x.span.text)
        and letters(wx) == initials(wy)
        or (len(wy) == 1 or "&" in y.span.text)
        and letters(wy) == initials(wx)
    )


def _first_per_key(mentions: Iterable[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for e in mentions:
        seen.setdefault(_ident(e), e)
    return list(seen.values())


def _replace(sentence: Sentence, mention: Entity, text: str) -> str:
    """The sentence with one mention's words replaced."""
    lo = mention.span.start - sentence.span.start
    hi = mention.span.end - sentence.span.start
    return sentence.span.text[:lo] + text + sentence.span.text[hi:]


def _a_is_wrong(analysis: Analysis, c: Candidate, d: Diff, against: Counter[int]) -> bool:
    """A one-sided difference decides; else the majority of contradicted sentences, then the less
    mentioned value, then the later sentence."""
    if d.side is not None:
        return d.side == "a"
    na, nb = against[c.a.index], against[c.b.index]
    if na != nb:
        return na > nb
    sa, sb = _salience(analysis, d.a), _salience(analysis, d.b)
    if sa != sb:
        return sa < sb
    return c.a.index > c.b.index


def _salience(analysis: Analysis, e: Entity) -> int:
    """How many times the article states the value (every mention of the entity, or of the number)."""
    ident = _ident(e)
    return sum(1 for x in analysis.entities if _type(x) == _type(e) and _ident(x) == ident)


def _fix(analysis: Analysis, wrong: Entity, right: Entity) -> tuple[Span, str]:
    """The wrong words and what replaces them.

    A name is replaced whole. A value is cut to the words that differ: "up to 60mph" against
    "up to 90mph" flags "60" and suggests "90", so the hedge and unit the writer chose stay.
    """
    if _type(wrong) not in _VALUE_TYPES:
        return wrong.span, _written_like(analysis, right, wrong)
    w = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(wrong.span.text)]
    r = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(right.span.text)]
    lo = 0
    while lo < min(len(w), len(r)) - 1 and w[lo][2] == r[lo][2]:
        lo += 1
    hi = 0
    while hi < min(len(w), len(r)) - lo - 1 and w[-1 - hi][2] == r[-1 - hi][2]:
        hi += 1
    ws, we = w[lo][0], w[len(w) - 1 - hi][1]
    rs, re_ = r[lo][0], r[len(r) - 1 - hi][1]
    start = wrong.span.start + ws
    return Span.of(analysis.article.text, start, start + we - ws), right.span.text[rs:re_]


def _written_like(analysis: Analysis, right: Entity, wrong: Entity) -> str:
    """The right value as the article writes it, in the wrong mention's length ("Smith" for "Jones")."""
    forms = Counter(e.span.text for e in analysis.entities if e.key == right.key)
    n = len(wrong.span.text.split())
    best = min(sorted(forms), key=lambda t: (abs(len(t.split()) - n), -forms[t], t != right.span.text))
    if _type(right) == "person" and n == 1 and len(best.split()) > 1:
        best = best.split()[-1]
    return best


def _kind(sentence: Sentence, wrong: Entity) -> FindingKind:
    """Who said it for a speaker's name, else a value stated two ways (the headline is decided before)."""
    if _type(wrong) == "person" and _is_speaker(sentence, wrong):
        return FindingKind.ATTRIBUTION
    return FindingKind.SLOT


def _is_speaker(sentence: Sentence, e: Entity) -> bool:
    for tok in sentence.tokens:
        start = sentence.offset + tok.idx
        if e.span.start <= start < e.span.end and tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.head.lemma_.lower() in SAY_VERBS
    return False


def _confidence(p: float, threshold: float) -> float:
    """0.5 at the threshold up to 0.8 at certainty: below the rules' findings when both flag a span."""
    if threshold >= 1.0:
        return 0.5
    return 0.5 + 0.3 * max(0.0, p - threshold) / (1.0 - threshold)


def _model_present(model: Any) -> bool:
    """Whether a PairModel's runtime and files are there (any other object with ``predict`` is trusted)."""
    folder = getattr(model, "model_dir", None)
    if folder is None:
        return True
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return (folder / "manifest.json").is_file()
