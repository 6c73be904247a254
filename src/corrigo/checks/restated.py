"""Restated figures that disagree: the same fact given two values in one article.

"Halberd's $41.3 billion takeover" in the headline and "cleared Halberd's $42.3 billion
takeover" in the lede; "a 212-day strike" and "end a 218-day strike"; "318-147" and "by 381 votes
to 202". Two mentions state the same fact when they measure the same thing (same unit and scale,
the same counted noun or predicate) in the same setting (shared content words). Same noun and
unit alone is not enough — "57-second deficit" and "59 seconds ahead" are two facts — so a
conflict is also weighed by its shape: a real slip is a mistyped or transposed digit, a digit
dropped or added (15,000 for 150,000), not an unrelated number. Blame goes to the value fewer
mentions support; a value stated twice or more is never the one flagged, and when one mention
faces one, the later is flagged with a lower confidence.

Support counts implied mentions too (:mod:`corrigo.analysis.implied`): "by 318 votes to 147" is one
more mention of a 171-vote margin, and "lower the record of 1:59:07 by 25 seconds" one more of
1:58:42. An implied value is never flagged itself: when it is the less supported one, the blame
goes to the one source figure whose slip-shaped edit gives the better supported value, and only when
that source is less supported than the figures it was computed with.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from corrigo.analysis.analyse import Analysis
from corrigo.analysis.durations_read import DURATION_UNITS, parse_duration, restate_duration
from corrigo.analysis.headline_figures import headline_restatements
from corrigo.analysis.implied import implied_mentions, is_change_size
from corrigo.analysis.mentions import FigureIndex, Mention, figure_mentions
from corrigo.analysis.numbers import format_like
from corrigo.analysis.references import back_references
from corrigo.analysis.slip_shapes import in_form_of, slip_shape
from corrigo.checks.base import contradiction, quote
from corrigo.model import Finding, FindingKind, Span

__all__ = ["RestatedCheck", "in_form_of", "slip_shape"]


class RestatedCheck:
    """Flag a figure that another statement of the same fact gives differently."""

    name = "restated"

    def run(self, analysis: Analysis) -> list[Finding]:
        mentions = figure_mentions(analysis)
        mentions += implied_mentions(mentions)
        weights = _word_weights(analysis)
        support: Counter[tuple[tuple[str, str], object]] = Counter((m.key, m.figure.value) for m in mentions)
        best: dict[tuple[int, int], Finding] = {}
        groups = {group[0].key: group for group in FigureIndex(mentions).groups()}
        found = [f for group in groups.values() for f in _group_findings(analysis, group, weights, support)]
        found += _reference_findings(analysis, mentions, groups, weights, support)
        found += _headline_findings(analysis, mentions, groups, weights, support)
        for finding in found:
            key = (finding.span.start, finding.span.end)
            if key not in best or finding.confidence > best[key].confidence:
                best[key] = finding
        return sorted(best.values(), key=lambda f: f.span.start)


@dataclass(frozen=True, slots=True)
class _Pair:
    a: Mention
    b: Mention
    shape: str | None
    setting: float


def _word_weights(analysis: Analysis) -> dict[str, float]:
    """How telling a shared word is: rare in this article's sentences weighs more (the story's
    topic words, in most sentences, say little about which fact a figure states)."""
    df: Counter[str] = Counter()
    for sentence in analysis.sentences:
        df.update(_lemmas(sentence))
        df.update("~" + w for w in _event_words(sentence))  # kept apart: what _same_event weighs
    n = max(len(analysis.sentences), 1)
    return {w: math.log((n + 1) / c) for w, c in df.items()}


def _lemmas(sentence) -> set[str]:
    return {t.lemma_.lower() for t in sentence.tokens if t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ") and not t.like_num}


def _values(group: list[Mention]) -> tuple[dict[object, list[Mention]], dict[object, set[int]]]:
    """Each value of a group with the mentions that give it, and the sentences that state it."""
    values: dict[object, list[Mention]] = defaultdict(list)
    sentences_of: dict[object, set[int]] = defaultdict(set)
    for m in group:
        values[m.figure.value].append(m)
        if m.implied is None:
            sentences_of[m.figure.value].add(m.sentence.index)
    return values, sentences_of


def _reference_findings(
    analysis: Analysis,
    mentions: list[Mention],
    groups: dict[tuple[str, str], list[Mention]],
    weights: dict[str, float],
    support: Counter,
) -> list[Finding]:
    """A figure a later definite phrase refers back to with another value ("gusts of 104 mph" ...
    "the 94 mph gusts"): one fact, two values, whatever the shape of their difference."""
    out = []
    placed: dict[tuple[str, str], dict[object, set[int]]] = {}
    # back_references yields only references that no candidate antecedent agrees with.
    for ref in back_references(mentions, _REACH, lambda a, b: _setting(a, b, weights)):
        a, b = ref.antecedent, ref.ref
        if a.key not in placed:
            placed[a.key] = _values(groups[a.key])[1]
        sentences_of = placed[a.key]
        if sentences_of[a.figure.value] & sentences_of[b.figure.value]:
            continue  # both values side by side in one sentence: two facts
        # Support counts only the mentions told of the same thing: "three" elsewhere may count
        # countries, not doses.
        values = {a.figure.value: list(ref.backing) or [a], b.figure.value: [b]}
        f = _judge(analysis, _Pair(a, b, "reference", _setting(a, b, weights)), values, support)
        if f is not None:
            out.append(f)
    return out


def _headline_findings(
    analysis: Analysis,
    mentions: list[Mention],
    groups: dict[tuple[str, str], list[Mention]],
    weights: dict[str, float],
    support: Counter,
) -> list[Finding]:
    """A headline figure the body never restates, against the lede's one figure of its kind."""
    first_body = next((s.index for s in analysis.sentences if not s.headline), None)
    if first_body is None:
        return []
    out = []
    for h, b in headline_restatements(mentions, first_body):
        values = _values(groups[h.key])[0]
        pair = _Pair(h, b, "headline", _setting(h, b, weights))
        told = {v: values[v] for v in (h.figure.value, b.figure.value)}
        f = _judge(analysis, pair, told, support)
        if f is not None:
            out.append(f)
    return out


def _group_findings(
    analysis: Analysis, group: list[Mention], weights: dict[str, float], support: Counter
) -> list[Finding]:
    values, sentences_of = _values(group)
    if len(values) < 2:
        return []
    # A run is of like figures counting one thing: "15,000 tourists ... 21,000 jobs, 9,000 of them"
    # counts three things and is no run.
    explicit = [m for m in group if m.implied is None]
    crowded = (Counter(m.sentence.index for m in explicit), Counter((m.sentence.index, m.noun) for m in explicit))
    out = []
    for pair in _conflicts(group, weights):
        a, b = pair.a, pair.b
        if sentences_of[a.figure.value] & sentences_of[b.figure.value]:
            continue  # both values side by side in one sentence: two facts ("from 5% to 5.25%")
        if _crowded(crowded, a) or _crowded(crowded, b):
            continue  # a run of like figures (a table, a list of results): many facts, no restatement
        f = _judge(analysis, pair, values, support)
        if f is not None:
            out.append(f)
    return out


def _crowded(crowded: tuple[Counter, Counter], m: Mention) -> bool:
    """Whether a mention stands in a run of like figures: more than two in its sentence that count
    its noun, or, when it counts no noun it names, more than two in its sentence at all."""
    by_sentence, by_noun = crowded
    if m.noun is None:
        return by_sentence[m.sentence.index] > 2
    return by_noun[m.sentence.index, m.noun] > 2


def _conflicts(group: list[Mention], weights: dict[str, float]) -> list[_Pair]:
    pairs = []
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            if b.sentence.index - a.sentence.index > _REACH and not a.sentence.headline:
                break  # mentions come in text order: the rest are further still
            if a.figure.value == b.figure.value or (a.implied and b.implied) or a.span == b.span:
                continue
            if a.sentence.index == b.sentence.index and not (a.implied or b.implied):
                continue
            if a.figure.unit in DURATION_UNITS:
                shape = _duration_shape(a, b)
                if shape == "duration" and not _same_event(a, b, weights):
                    continue  # no slip of a digit: the two must be told of one event
            else:
                shape = slip_shape(_digit_core(a), _digit_core(b))
            if shape is None and not (a.implied or b.implied):
                continue  # an implied value's source may be the slip: judged on the source
            setting = _setting(a, b, weights)
            if shape == "duration" or setting >= (_SETTING_MIN_MARGIN if a.figure.unit == "margin" else _SETTING_MIN):
                pairs.append(_Pair(a, b, shape, setting))
    return pairs


# Sentences apart two mentions may be and still be compared (the headline reaches everywhere):
# a news story restates a figure within a few dozen sentences, and a long text (a report, a day's
# wire) holds many stories whose like figures are different facts.
_REACH = 60

# One mention against one: either could be the slip (in the dev set the later was as often right).
_TIE_CONFIDENCE = 0.45

# The headline's figure against one other statement in the body.
_HEADLINE_TIE_CONFIDENCE = 0.55
# A figure against a later definite reference to it, each stated once.
_REFERENCE_TIE_CONFIDENCE = 0.6
# Arithmetic that fails with the size of a change and an end of it equally supported: the size.
_CHANGE_TIE_CONFIDENCE = 0.55

# How much two mentions must share to be read as one fact: the summed weight of their shared
# content words, the counted noun and the predicate counting double.
_SETTING_MIN = 4.0
# Margins are few (a tally unit or "by" and a word for a difference between two sides), and an
# article rarely states more than one result: a margin and a tally's margin need less in common.
_SETTING_MIN_MARGIN = 2.0


def _duration_shape(a: Mention, b: Mention) -> str | None:
    """A slip shape when both spans of time are counted in digits of one unit ("218-day" and
    "213-day"); otherwise "duration", a conflict judged on the event and on support instead."""
    pa, pb = parse_duration(a.figure.core), parse_duration(b.figure.core)
    if pa is None or pb is None:
        return None
    if pa[0].isdigit() and pb[0].isdigit() and pa[2] == pb[2]:
        return slip_shape(pa[0], pb[0])
    if pa[0].isdigit() or pb[0].isdigit():
        return None  # "212 days" and "30 weeks", "212-day" and "a week": no slip of one another
    va, vb = float(a.figure.value), float(b.figure.value)  # type: ignore[arg-type]
    if max(va, vb) > _DURATION_MAX_RATIO * min(va, vb):
        return None  # "a week" and "ten years": two spans of two things
    return "duration"


# How far apart two spans of time in words may be and still be one told two ways ("a week", "two weeks").
_DURATION_MAX_RATIO = 4.0


# A shared word names the event two spans of time are told of when few sentences use it: two, or a
# fifth of a long story's.
_EVENT_WORD_MAX_SENTENCES = 2
_EVENT_WORD_MAX_SHARE = 0.2
_TIME_WORDS = frozenset({"day", "week", "month", "year", "time"})


def _same_event(a: Mention, b: Mention, weights: dict[str, float]) -> bool:
    """Two spans of time given in words are one fact only when told of one event: the same governing
    word, or a noun or verb both sentences use and few others do ("closes its doors a week after"
    and "the filing came two weeks after": a gerund is read as its verb)."""
    if (a.noun is not None and a.noun == b.noun) or _governors(a) & _governors(b):
        return True
    # Weights are log((n + 1) / sentences using the word): a word of one sentence has the top one.
    n = math.exp(max(weights.values(), default=0.0)) - 1
    rare = math.log((n + 1) / max(_EVENT_WORD_MAX_SENTENCES, n * _EVENT_WORD_MAX_SHARE))
    shared = _event_words(a.sentence) & _event_words(b.sentence)
    return any(weights.get("~" + w, 0.0) >= rare for w in shared)


def _governors(m: Mention) -> set[str]:
    """What a span of time is told of: the verb it hangs from (its subject, when the verb is a light
    one: "the closure came two weeks after"), and the two nouns or verbs just before it ("shuts its
    doors a week after", a headline's parse being rough)."""
    toks = list(m.sentence.tokens)
    start = m.span.start - m.sentence.offset
    inside = [i for i, t in enumerate(toks) if t.idx + len(t.text) > start]
    if not inside:
        return set()
    first = inside[0]
    out: set[str] = set()
    head = toks[first].head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            break
        if head.head is head:
            break
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() not in _LIGHT_VERBS:
            out.add(head.lemma_.lower())
        else:
            out.update(_word_forms(c) for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
    near = [t for t in toks[max(0, first - 4) : first] if t.pos_ in ("NOUN", "VERB") and not t.like_num]
    out.update(_word_forms(t) for t in near[-2:] if t.lemma_.lower() not in _TIME_WORDS)
    return {w for w in out if w and w not in _LIGHT_VERBS}


def _word_forms(t) -> str:
    """A noun or verb as its verb: a gerund's stem ("filing" -> "file"), else its lemma."""
    w = t.lemma_.lower()
    if t.pos_ == "NOUN" and w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        return stem[:-1] if stem[-1] == stem[-2] else stem + "e" if stem[-1] not in "aeiouy" else stem
    return w


def _event_words(sentence) -> set[str]:
    """The nouns and verbs of a sentence that may name an event, a gerund also as its verb."""
    out = set()
    for t in sentence.tokens:
        if t.pos_ not in ("NOUN", "VERB") or t.like_num:
            continue
        w = t.lemma_.lower()
        if w in _TIME_WORDS or w in _LIGHT_VERBS or len(w) < 3:
            continue
        out.add(w)
        if t.pos_ == "NOUN" and w.endswith("ing") and len(w) > 5:
            stem = w[:-3]
            out.update({stem, stem + "e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set()))
    return out


# Verbs that govern a span of time in any story ("it took two weeks", "it has been a year").
_LIGHT_VERBS = frozenset({"be", "have", "take", "come", "say", "do", "make", "get", "go", "spend", "last"})


def _setting(a: Mention, b: Mention, weights: dict[str, float]) -> float:
    shared = a.context & b.context
    score = sum(weights.get(w, 0.0) for w in shared)
    if a.noun is not None and a.noun == b.noun:
        score += weights.get(a.noun, 1.0)
    if a.verb is not None and a.verb == b.verb:
        score += weights.get(a.verb, 1.0)
    return score


def _judge(analysis: Analysis, pair: _Pair, values: dict[object, list[Mention]], support: Counter) -> Finding | None:
    na, nb = len(values[pair.a.figure.value]), len(values[pair.b.figure.value])
    if na > 1 and nb > 1:
        return None  # both stated repeatedly: two facts, not a slip
    if na == nb and pair.a.figure.unit in DURATION_UNITS:
        return None  # one span of time against another: either could be the one meant
    if na == nb and pair.shape == "reference" and not pair.a.sentence.headline:
        # A figure stated once and referred back to once with another value: the statement is
        # flagged (measured on the dev set: the asserted figure was the slip, the definite
        # reference to it right — see _REFERENCE_TIE_CONFIDENCE).
        loser, winner, confidence = pair.a, pair.b, _REFERENCE_TIE_CONFIDENCE
    elif na == nb and pair.a.sentence.headline and not pair.b.implied:
        # The headline against one sentence of the body: the body's is flagged, with a lower
        # confidence (the headline is one mention, but it is the figure the story is sold on).
        loser, winner, confidence = pair.b, pair.a, _HEADLINE_TIE_CONFIDENCE
    elif na == nb:
        # Nothing separates them: the later explicit one is shown, below the default reporting threshold.
        loser, winner, confidence = (
            (pair.a, pair.b, _TIE_CONFIDENCE) if pair.b.implied else (pair.b, pair.a, _TIE_CONFIDENCE)
        )
    elif na > nb:
        loser, winner, confidence = pair.b, pair.a, 0.7 + 0.05 * min(na - 2, 3)
    else:
        loser, winner, confidence = pair.a, pair.b, 0.7 + 0.05 * min(nb - 2, 3)
    backing = values[winner.figure.value]
    if pair.shape == "duration" and not _outnumbered(loser, backing, values[loser.figure.value]):
        return None
    if loser.implied is not None:
        if na == nb:
            return None
        return _blame_source(analysis, loser, winner, backing, support, confidence)
    if pair.shape is None and not _borne_out(loser, backing):
        return None
    text = analysis.article.text
    span = loser.span
    if loser.figure.unit in DURATION_UNITS:
        span, suggestion = _duration_fix(analysis, loser, winner)
    else:
        suggestion = in_form_of(loser.figure.core, _digit_core(winner))
    what = loser.noun or "figure"
    times = "once" if len(backing) == 1 else f"{len(backing)} times"
    explanation = (
        f"The article gives the {what} as '{winner.figure.core}' {times} elsewhere{_implied_note(backing)}; "
        f"this sentence says '{loser.figure.core}' ({_SHAPES[pair.shape or 'arithmetic']})."
    )
    evidence = [quote(m.sentence.span, m.span, text) for m in backing]
    return contradiction(FindingKind.RESTATED, span, loser.sentence, evidence, explanation, suggestion, confidence)


def _outnumbered(loser: Mention, backing: list[Mention], against: list[Mention]) -> bool:
    """A span of time given in words is blamed only when stated once and the other value is stated
    by at least two other sentences (a headline and a quote, say): never one against one."""
    if len(against) != 1 or any(m.implied for m in backing):
        return False
    sentences = {m.sentence.index for m in backing}
    return len(sentences) >= 2 and loser.sentence.index not in sentences


def _duration_fix(analysis: Analysis, loser: Mention, winner: Mention) -> tuple[Span, str]:
    """The winning span of time in the flagged one's form: the count alone when the unit stays
    ("218-day" -> "213"), else the whole span ("two weeks" -> "a week")."""
    core = loser.figure.core
    new = restate_duration(core, float(winner.figure.value), loser.figure.unit, winner.figure.core)  # type: ignore[arg-type]
    old_parts, new_parts = parse_duration(core), parse_duration(new)
    if (
        old_parts
        and new_parts
        and old_parts[1:] == new_parts[1:]
        and core[len(old_parts[0]) :] == new[len(new_parts[0]) :]
    ):
        start = loser.span.start
        return Span.of(analysis.article.text, start, start + len(old_parts[0])), new_parts[0]
    return loser.span, new


def _borne_out(loser: Mention, backing: list[Mention]) -> bool:
    """A value that is no slip of the loser still wins when arithmetic on other figures gives it and
    another sentence states it: two independent routes to one value ("up 10% from 30" against "opened
    at 50.4" and "paid 42")."""
    derived = [m for m in backing if m.implied == "percent change" and m.span != loser.span]
    stated = [m for m in backing if m.implied is None and m.sentence.index != loser.sentence.index]
    return bool(derived) and bool(stated) and all(m.sentence.index != s.sentence.index for m in derived for s in stated)


def _implied_note(backing: list[Mention]) -> str:
    n = sum(1 for m in backing if m.implied)
    return f" ({n} by arithmetic on other figures)" if n else ""


def _blame_source(
    analysis: Analysis, loser: Mention, winner: Mention, backing: list[Mention], support: Counter, confidence: float
) -> Finding | None:
    """An implied value the article supports less: the one source figure to edit, if one stands out."""
    if loser.solve is None:
        return None
    edits = loser.solve(winner.figure.value)
    sources = {id(src): src for src, _ in edits}
    held = {k: support[(src.key, src.figure.value)] for k, src in sources.items()}
    fits = [(src, new) for src, new in edits if src.implied is None and slip_shape(_digit_core(src), new)]
    src = fits[0][0] if len(fits) == 1 else None
    if src is None or any(held[k] <= held[id(src)] for k in sources if k != id(src)):
        # No one figure stands out. With the size of a change and an end of it equally supported,
        # the size ("lower the record by 20 seconds") is the one the writer worked out, not copied.
        # (An edit that leaves the size as it is says the change went the other way: no slip.)
        sizes = [(s, new) for s, new in edits if s.implied is None and is_change_size(s) and new != s.figure.core]
        if len(sizes) != 1 or len(sources) != 2 or len(set(held.values())) != 1:
            return None
        fits, confidence = sizes, _CHANGE_TIE_CONFIDENCE
    src, new = fits[0]
    if held[id(src)] > 1:
        return None  # the source is stated twice: the arithmetic, not the figure, is off
    text = analysis.article.text
    suggestion = in_form_of(src.figure.core, new)
    times = "once" if len(backing) == 1 else f"{len(backing)} times"
    explanation = (
        f"'{src.figure.core}' gives a {loser.implied} of '{loser.figure.core}', but the article gives it as "
        f"'{winner.figure.core}' {times}{_implied_note(backing)}; '{suggestion}' would agree."
    )
    evidence = [quote(m.sentence.span, m.span, text) for m in backing]
    return contradiction(FindingKind.RESTATED, src.span, src.sentence, evidence, explanation, suggestion, confidence)


def _digit_core(m: Mention) -> str:
    """The figure's number in digits ("eighteen" -> "18")."""
    core = m.figure.core
    if re.search(r"\d", core) or not isinstance(m.figure.value, float):
        return core
    return format_like("0", m.figure.value)


_SHAPES = {
    "arithmetic": "the arithmetic of other figures and another statement agree against it",
    "digit": "one digit differs",
    "transposed": "the same digits in another order",
    "scale": "a digit dropped or added",
    "part": "one part of the result differs",
    "duration": "other sentences told of the same event agree against it",
    "reference": "a later phrase refers back to this figure with another value",
    "headline": "the lede's one figure of this kind, where the headline's would be restated",
}
