"""The structured alignment verifier: claim and evidence parsed into frames and slot facts, then compared.

For each claim frame and each evidence frame with the same predicate (or a near-synonym), the
arguments are matched slot by slot. One slot in conflict in an otherwise aligned frame is a
refutation, and the evidence's value — written to replace exactly the claim's words — is the
suggestion:

* a different place for the same thing: "close its Asia-Pacific headquarters in Beijing" against
  "the regional office in Hong Kong, which served as the group's Asia-Pacific hub, will close";
* a different actor for an event that happens once: "the law imposed ... by Hong Kong" against
  "Beijing imposed a national security law on Hong Kong";
* a different date for an event that happens once, a different figure for the same count at the
  same time, a different object of a fixed preposition;
* the same statement negated ("did not approve" against "approved");
* agent and patient swapped, for predicates that are not symmetric ("A acquired B" / "B acquired A");
* another holder of a one-holder title at the same time ("X, the group's secretary general").

Slot facts from :mod:`corrigo.analysis.facts` (an organisation's base, the place it leaves, a
start year) are compared the same way. Precision comes first: a refutation needs a genuinely
aligned frame — the same predicate, an anchor named in both texts, exactly one conflicting slot —
and states are compared only for the same period: "Kumi Naidoo was secretary general from 2018
until December 2019" does not refute "Agnes Callamard, the group's secretary-general" in 2021.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from corrigo.analysis.analyse import Analyser, Analysis, Sentence
from corrigo.analysis.facts import Fact, extract_facts
from corrigo.analysis.lexicon import NEGATION_SKIP_VERBS, phrase_inflect
from corrigo.analysis.places import is_region
from corrigo.checks.base import quote
from corrigo.evidence import Passage
from corrigo.model import Article, Block, BlockKind, Span
from corrigo.verify.base import ClaimContext, Correction, Judgement, Label, evidence_span
from corrigo.verify.compare import STATE_WINDOW, Alignment, Rel, align, frame_period, periods_overlap, same_entity
from corrigo.verify.frames import ArgRole, Frame, FrameKind, Mood, ValueKind, extract_frames
from corrigo.verify.lexicon import EXCLUSIVE_TITLES, ONCE_PREDICATES, OPEN_PREPS, country_relation, predicate_class

__all__ = ["AlignmentVerifier"]

# Predicates where swapping who acts and who is acted on changes the fact ("A acquired B").
_ASYMMETRIC = {"beat", "defeat", "acquire", "buy", "sue", "sack", "fire", "replace", "succeed", "invade", "arrest"}
# How far apart two undated texts may be for an event's place or figure to be the same occasion's.
_SAME_OCCASION = dt.timedelta(days=366)
_SAME_COUNT = dt.timedelta(days=31)
_CONFIDENCE = {ArgRole.LOC: 0.8, ArgRole.AGENT: 0.8, ArgRole.TIME: 0.75, ArgRole.AMOUNT: 0.75, ArgRole.PREP: 0.7}
_FACT_CONFIDENCE = {"base": 0.75, "leave": 0.65, "start": 0.75}


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A passage's parse: its frames (with their sentences) and slot facts.

    The parsed text is the document's title, a blank line, then the passage — the title tells
    whom "it" and "the group" stand for in a passage that never names them — so every span is
    ``offset`` characters after its place in the passage.
    """

    analysis: Analysis
    frames: tuple[tuple[Frame, Sentence], ...]
    facts: tuple[Fact, ...]
    offset: int

    def local(self, span: Span) -> Span:
        """A span of the parsed text as a span of the passage."""
        return Span(span.start - self.offset, span.end - self.offset, span.text)


@dataclass(frozen=True, slots=True)
class _Refutation:
    wrong: Span  # article offsets
    suggestion: str  # replaces wrong.text
    right: Span | None  # passage offsets: the value's words (None when the suggestion is composed)
    sentence: Span  # passage offsets: the evidence sentence
    passage: Passage
    confidence: float
    explanation: str
    matched: int = 0  # slots the evidence agrees on: with equal confidence, the fuller statement wins


class AlignmentVerifier:
    """Judges a claim by aligning its frames with frames parsed from the evidence passages.

    Evidence passages are parsed on first use with the shared spaCy pipeline and cached by their
    text and date, so a passage retrieved for many claims is parsed once.

    Args:
        model: the spaCy pipeline package (the project's default when None).
        cache_size: how many parsed passages to keep.

    Example:
        >>> from corrigo.analysis.analyse import Analyser
        >>> from corrigo.claims import ClaimExtractor
        >>> from corrigo.evidence import Passage
        >>> from corrigo.ingest import parse_article
        >>> story = "Law row\\n\\nCritics condemned the security law imposed by Macau in 2020."
        >>> analysis = Analyser().run(parse_article(story))
        >>> claim = ClaimExtractor().run(analysis)[-1]
        >>> text = "Beijing imposed the security law in 2020."
        >>> judgement = AlignmentVerifier().verify(ClaimContext(claim, analysis), [Passage("d1", 0, len(text), text)])
        >>> judgement.label.value, judgement.wrong.text, judgement.suggestion
        ('refuted', 'Macau', 'Beijing')
    """

    def __init__(self, model: str | None = None, cache_size: int = 1024) -> None:
        self.model = model
        self.cache_size = cache_size
        self._analyser: Analyser | None = None
        self._cache: OrderedDict[tuple[str, dt.date | None], _Parsed] = OrderedDict()
        self._lock = threading.Lock()
        self._article: tuple[Analysis, list[Fact]] | None = None

    def warm_up(self) -> None:
        if self._analyser is None:
            self._analyser = Analyser(self.model)
        self._analyser.warm_up()

    def verify(self, claim: ClaimContext, passages: list[Passage]) -> Judgement:
        """Supported, refuted (with corrections) or not enough info, for one claim."""
        frames, facts = self._claim_parts(claim)
        used: list[Passage] = []
        seen: set[tuple[str, int, int]] = set()
        refutations: list[_Refutation] = []
        confirmed: set[tuple[int, int]] = set()
        support: list[tuple[Passage, Span]] = []
        main = _main_frame(claim, frames)
        for passage in passages:
            key = (passage.doc_id, passage.start, passage.end)
            if key in seen:
                continue
            seen.add(key)
            parsed = self._parse(passage)
            hit = False
            for cf in frames:
                for ef, esent in parsed.frames:
                    al = align(cf, ef)
                    if al is None:
                        continue
                    confirmed |= _confirmed(al)
                    found = _refute(al, claim, passage, esent, parsed)
                    if found is not None:
                        refutations.append(found)
                        hit = True
                    if cf is main and _supports(al):
                        support.append((passage, parsed.local(esent.span)))
                        hit = True
            for cfact in facts:
                for efact in parsed.facts:
                    outcome = _compare_facts(cfact, efact, claim, passage, parsed)
                    if outcome is Rel.MATCH:
                        confirmed.add((cfact.value.start, cfact.value.end))
                    elif isinstance(outcome, _Refutation):
                        refutations.append(outcome)
                        hit = True
            if hit:
                used.append(passage)
        # Sources that disagree: a value some aligned evidence confirms is not called wrong.
        refutations = [r for r in refutations if (r.wrong.start, r.wrong.end) not in confirmed]
        if refutations:
            return _refuted(refutations, used)
        if support:
            evidence = tuple(evidence_span(p, s.start, s.end) for p, s in _unique(support))
            passages_used = tuple(dict.fromkeys(p for p, _ in support))
            p0 = support[0][0]
            return Judgement(
                Label.SUPPORTED,
                0.75,
                passages_used,
                evidence,
                explanation=f"{_source(p0)} states the same: “{evidence[0].span.text}”",
            )
        return Judgement(
            Label.NOT_ENOUGH_INFO,
            0.5,
            tuple(used),
            explanation=f"None of the {len(seen)} passages found states this claim or contradicts it.",
        )

    # -----------------------------------------------------------------------------------------
    # parsing

    def _claim_parts(self, ctx: ClaimContext) -> tuple[list[Frame], list[Fact]]:
        """The claim's frames and slot facts: those stated inside the claim's words, plus the
        titles and bases given to its speaker ("said Agnes Callamard, the group's secretary-general")."""
        an = ctx.analysis
        claim = ctx.claim
        regions = [] if claim.kind == "opinion" else [claim.span]
        if claim.speaker is not None:
            regions.append(claim.speaker)
        sentence = next((s for s in an.sentences if s.span == claim.sentence), None)
        if sentence is None or not regions:
            return [], []
        frames = [f for f in extract_frames(an, sentence) if any(r.contains(f.anchor) for r in regions)]
        facts = [f for f in self._article_facts(an) if any(r.contains(f.value) for r in regions)]
        return frames, facts

    def _article_facts(self, an: Analysis) -> list[Fact]:
        with self._lock:
            if self._article is not None and self._article[0] is an:
                return self._article[1]
        facts = extract_facts(an)
        with self._lock:
            self._article = (an, facts)
        return facts

    def _parse(self, passage: Passage) -> _Parsed:
        key = (passage.text, passage.date)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        self.warm_up()
        assert self._analyser is not None
        article, offset = _passage_article(passage)
        analysis = self._analyser.run(article)
        frames = tuple(
            (f, s) for s in analysis.sentences if s.span.start >= offset for f in extract_frames(analysis, s)
        )
        facts = tuple(f for f in extract_facts(analysis) if f.value.start >= offset)
        parsed = _Parsed(analysis, frames, facts, offset)
        with self._lock:
            self._cache[key] = parsed
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return parsed


def _passage_article(passage: Passage) -> tuple[Article, int]:
    """A passage as an Article — its document's title as the headline, then its paragraphs as
    body, dated by its document — so that the analyser (entities, reference resolution, relative
    dates) reads it as it reads a story. Returns the article and where the passage starts in it."""
    title = (passage.title or "").strip()
    if title and passage.text.startswith(title):
        title = ""  # the passage is the title line itself
    head = f"{title}\n\n" if title else ""
    text = head + passage.text
    blocks = [Block(BlockKind.HEADLINE, Span.of(text, 0, len(title)))] if title else []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*$)", passage.text, re.S):
        blocks.append(Block(BlockKind.BODY, Span.of(text, len(head) + m.start(), len(head) + m.end())))
    headline = blocks[0].span if title else None
    article = Article(
        text=text,
        blocks=tuple(blocks),
        headline=headline,
        id=passage.doc_id,
        title=passage.title,
        published=passage.date,
    )
    return article, len(head)


def _main_frame(ctx: ClaimContext, frames: list[Frame]) -> Frame | None:
    for f in frames:
        if ctx.claim.span.contains(f.anchor) and f.predicate.split()[0] == ctx.claim.predicate:
            return f
    return None


def _unique(items: list[tuple[Passage, Span]]) -> list[tuple[Passage, Span]]:
    seen = set()
    out = []
    for p, s in items:
        key = (p.doc_id, p.start + s.start, p.start + s.end)
        if key not in seen:
            seen.add(key)
            out.append((p, s))
    return out


# ---------------------------------------------------------------------------------------------
# deciding


def _confirmed(al: Alignment) -> set[tuple[int, int]]:
    """Claim values an aligned evidence frame states too (with an anchor other than that value)."""
    out = set()
    for slot in al.matched():
        others = [s for s in al.matched() if s != slot and s[0] in (ArgRole.AGENT, ArgRole.PATIENT)]
        if any(al.strength.get(s, 0) >= 2 for s in others):
            for a in al.claim.args:
                if a.slot == slot:
                    out.add((a.value.span.start, a.value.span.end))
    return out


def _period_check(al: Alignment) -> tuple[bool, float]:
    """Whether a state claim and a state in the evidence speak of the same period; and the
    confidence lost when one of them cannot be placed in time."""
    claim_period = frame_period(al.claim, window=dt.timedelta(0))
    evidence_period = frame_period(al.evidence)
    if evidence_period is None:
        if al.evidence.past:
            return False, 0.0  # "was secretary general", no dates: at some earlier time
        return True, 0.1
    if claim_period is None:
        return True, 0.1
    return periods_overlap(claim_period, evidence_period), 0.0


def _near(a: dt.date | None, b: dt.date | None, gap: dt.timedelta) -> bool | None:
    if a is None or b is None:
        return None
    return abs(a - b) <= gap


def _refute(al: Alignment, ctx: ClaimContext, passage: Passage, esent: Sentence, parsed: _Parsed) -> _Refutation | None:
    c, e = al.claim, al.evidence
    if Mood.HEDGED in (c.mood, e.mood):
        return None
    penalty = 0.0
    if FrameKind.STATE in (c.kind, e.kind) or c.kind is FrameKind.ROLE:
        ok, penalty = _period_check(al)
        if not ok:
            return None
    conflicts = al.conflicts()
    if al.opposed:
        return None if conflicts else _antonym(al, passage, esent, parsed)
    if not conflicts:
        return _negation(al, passage, esent, parsed)
    if len(conflicts) == 2:
        return _swap(al, ctx, passage, esent, parsed)
    if len(conflicts) != 1 or c.negated != e.negated:
        return None
    slot = conflicts[0]
    role, prep = slot
    cval = next(a.value for a in c.args if a.slot == slot)
    evals = [a.value for a in e.args if a.slot == slot]
    if not cval.literal or not evals or not all(v.literal for v in evals):
        return None  # the wrong words must be the value's own words, and so must the suggestion
    if len(evals) > 1:
        return None  # "offices in Hong Kong and Macau": which one would replace the claim's?
    eval_ = evals[0]
    patient = al.anchor(ArgRole.PATIENT)
    agent_rel = al.slots.get((ArgRole.AGENT, ""))
    once = predicate_class(c.predicate) in ONCE_PREDICATES
    planned = Mood.PLANNED in (c.mood, e.mood)
    if c.kind is FrameKind.ROLE:
        # Another holder of a one-holder title of the same organisation, at the same time.
        title = c.values(ArgRole.PATIENT)[0]
        etitle = e.values(ArgRole.PATIENT)[0]
        if role is not ArgRole.AGENT or patient < 1 or title.key not in EXCLUSIVE_TITLES:
            return None
        if not (title.owner and etitle.owner and same_entity(title.owner, etitle.owner)):
            return None
        confidence = 0.7
    elif role is ArgRole.LOC:
        # The same thing (its Asia-Pacific headquarters, the heavy harbour cranes) somewhere else,
        # on the same occasion. "Offices" without a word saying which are not one thing.
        cpat, epat = c.values(ArgRole.PATIENT), e.values(ArgRole.PATIENT)
        if patient < 2 or not cpat or not epat or (cpat[0].plural and not (cpat[0].definite and epat[0].definite)):
            return None
        if al.slots.get((ArgRole.TIME, "")) is not Rel.MATCH:
            near = _near(c.ref_date, e.ref_date, _SAME_OCCASION)
            if near is False:
                return None
            penalty += 0.1 if near is None else 0.0
        confidence = _CONFIDENCE[role]
    elif planned:
        return None  # a plan's actor, date or figure can change; only where its object is can be checked
    elif role is ArgRole.AGENT:
        if patient < 2 or not once:
            return None
        confidence = _CONFIDENCE[role]
    elif role is ArgRole.TIME:
        if patient < 2 or not once or agent_rel not in (None, Rel.MATCH, Rel.MISSING):
            return None
        confidence = _CONFIDENCE[role]
    elif role is ArgRole.AMOUNT:
        # The same count: who did it named in both, or the same thing counted with another of its
        # figures agreeing ("destroyed about 12,000 hectares, or roughly 35 percent").
        other_figure = any(s[0] is ArgRole.AMOUNT for s in al.matched())
        if patient < 1 and not (al.claim.values(ArgRole.AMOUNT) and other_figure):
            return None
        if al.anchor(ArgRole.AGENT) < 2 and not (other_figure and len(al.matched()) >= 3):
            return None
        if al.slots.get((ArgRole.TIME, "")) is not Rel.MATCH:
            near = _near(c.ref_date, e.ref_date, _SAME_COUNT)
            if near is False:
                return None  # a count from another month is another count
            penalty += 0.1 if near is None else 0.0
        confidence = _CONFIDENCE[role]
    elif role is ArgRole.PREP and prep not in OPEN_PREPS:
        if patient < 2 or not once or agent_rel is not Rel.MATCH:
            return None
        confidence = _CONFIDENCE[role]
    else:
        return None
    if any(0 < s < 2 for s in al.strength.values()):
        penalty += 0.05  # an anchor matched only through "it" or "the group"
    if len(al.matched()) < 2 and c.kind is not FrameKind.ROLE and not (once and _named_patient(al)):
        # One matched slot is a coincidence, unless it is a named thing an event happens to once:
        # "the Kerrigan bridge was designed by X". "The national security law imposed by Macau"
        # is not refuted by "Beijing imposed the national security law on Hong Kong".
        return None
    explanation = (
        f"{_source(passage)} gives {eval_.span.text!r} {_what(role, prep, c)}{_dates(e)}; "
        f"the article says {cval.span.text!r}."
    )
    return _Refutation(
        cval.span,
        eval_.span.text,
        parsed.local(eval_.span),
        parsed.local(esent.span),
        passage,
        confidence - penalty,
        explanation,
        len(al.matched()),
    )


def _named_patient(al: Alignment) -> bool:
    cpat, epat = al.claim.values(ArgRole.PATIENT), al.evidence.values(ArgRole.PATIENT)
    return (
        al.anchor(ArgRole.PATIENT) >= 2
        and len(cpat) == len(epat) == 1
        and cpat[0].named
        and epat[0].named
        and cpat[0].literal
        and epat[0].literal
    )


def _negation(al: Alignment, passage: Passage, esent: Sentence, parsed: _Parsed) -> _Refutation | None:
    """The same statement, negated: every slot of the claim matched, one side says "not"."""
    c, e = al.claim, al.evidence
    if c.negated == e.negated or c.predicate != e.predicate or c.predicate.split()[0] in NEGATION_SKIP_VERBS:
        return None
    if Mood.ASSERTED not in (c.mood,) or e.mood is not Mood.ASSERTED:
        return None
    if any(r is not Rel.MATCH for r in al.slots.values()) or len(al.matched()) < 2:
        return None
    if max(al.anchor(ArgRole.AGENT), al.anchor(ArgRole.PATIENT)) < 2:
        return None
    what = "denies" if e.negated else "states"
    explanation = (
        f"{_source(passage)} {what} it: {e.verb_group.text!r}{_dates(e)}; the article says {c.verb_group.text!r}."
    )
    return _Refutation(
        c.verb_group, e.verb_group.text, parsed.local(e.verb_group), parsed.local(esent.span), passage, 0.7, explanation
    )


def _antonym(al: Alignment, passage: Passage, esent: Sentence, parsed: _Parsed) -> _Refutation | None:
    """The same statement with the opposite predicate: "the committee approved the application"
    against "the committee rejected the application". Every slot of the claim must match."""
    c, e = al.claim, al.evidence
    if c.mood is not Mood.ASSERTED or e.mood is not Mood.ASSERTED or c.negated or e.negated:
        return None
    if " " in c.predicate or " " in e.predicate or not c.tag.startswith("VB"):
        return None  # a phrasal verb's particle would be left behind by a one-word replacement
    if not al.slots or any(r is not Rel.MATCH for r in al.slots.values()):
        return None
    if max(al.anchor(ArgRole.AGENT), al.anchor(ArgRole.PATIENT)) < 2 or len(al.matched()) < 2:
        return None
    suggestion = phrase_inflect(e.predicate, c.tag)
    if c.anchor.text[:1].isupper():
        suggestion = suggestion[:1].upper() + suggestion[1:]
    explanation = (
        f"{_source(passage)} says {e.anchor.text!r} ({e.predicate}) where the article says {c.anchor.text!r}"
        f"{_dates(e)}."
    )
    return _Refutation(
        c.anchor, suggestion, parsed.local(e.anchor), parsed.local(esent.span), passage, 0.7, explanation
    )


def _swap(al: Alignment, ctx: ClaimContext, passage: Passage, esent: Sentence, parsed: _Parsed) -> _Refutation | None:
    """ "Northgate acquired Polar" against "Polar acquired Northgate": who acted and who was acted
    on are swapped. The suggestion rewrites the words from the first name to the second."""
    c, e = al.claim, al.evidence
    if set(al.conflicts()) != {(ArgRole.AGENT, ""), (ArgRole.PATIENT, "")} or predicate_class(c.predicate) not in (
        _ASYMMETRIC
    ):
        return None
    if Mood.ASSERTED is not c.mood or Mood.ASSERTED is not e.mood or c.negated != e.negated:
        return None
    ca, cp = c.values(ArgRole.AGENT), c.values(ArgRole.PATIENT)
    ea, ep = e.values(ArgRole.AGENT), e.values(ArgRole.PATIENT)
    if not (len(ca) == len(cp) == len(ea) == len(ep) == 1):
        return None
    a, p, a2, p2 = ca[0], cp[0], ea[0], ep[0]
    if a.kind is not ValueKind.ENTITY or p.kind is not ValueKind.ENTITY or not (a.literal and p.literal):
        return None
    if not (same_entity(a.key, p2.key) and same_entity(p.key, a2.key)):
        return None
    text = ctx.analysis.article.text
    first, second = sorted((a.span, p.span), key=lambda s: s.start)
    wrong = Span.of(text, first.start, second.end)
    suggestion = second.text + text[first.end : second.start] + first.text
    explanation = (
        f"{_source(passage)} says {a2.span.text!r} {phrase_inflect(e.predicate, 'VBD')} {p2.span.text!r}{_dates(e)}; "
        f"the article has them the other way round."
    )
    return _Refutation(wrong, suggestion, None, parsed.local(esent.span), passage, 0.7, explanation)


def _supports(al: Alignment) -> bool:
    c, e = al.claim, al.evidence
    if c.negated != e.negated or Mood.HEDGED in (c.mood, e.mood):
        return False
    if c.mood is Mood.ASSERTED and e.mood is not Mood.ASSERTED:
        return False
    if not al.slots or any(r is not Rel.MATCH for r in al.slots.values()):
        return False
    if max(al.anchor(ArgRole.AGENT), al.anchor(ArgRole.PATIENT)) < 2:
        return False
    if FrameKind.STATE in (c.kind, e.kind) or c.kind is FrameKind.ROLE:
        return _period_check(al)[0]
    return True


def _refuted(refutations: list[_Refutation], used: list[Passage]) -> Judgement:
    best: dict[tuple[int, int], _Refutation] = {}
    for r in refutations:
        key = (r.wrong.start, r.wrong.end)
        if key not in best or (r.confidence, r.matched) > (best[key].confidence, best[key].matched):
            best[key] = r
    chosen = sorted(best.values(), key=lambda r: (-r.confidence, r.wrong.start))
    corrections = []
    for r in chosen:
        r = _minimal(r)
        p = r.passage
        q = quote(r.sentence, r.right or r.sentence, p.text)
        ev = evidence_span(p, q.start, q.end)
        corrections.append(
            Correction(
                wrong=r.wrong,
                suggestion=r.suggestion,
                evidence=ev,
                value=evidence_span(p, r.right.start, r.right.end) if r.right is not None else ev,
                passage=p,
                confidence=max(0.0, min(1.0, r.confidence)),
                explanation=r.explanation,
            )
        )
    evidence = tuple(dict.fromkeys(c.evidence for c in corrections))
    passages = tuple(dict.fromkeys([c.passage for c in corrections] + used))
    return Judgement(
        Label.REFUTED,
        corrections[0].confidence,
        passages,
        evidence,
        tuple(corrections),
        corrections[0].explanation,
    )


def _minimal(r: _Refutation) -> _Refutation:
    """Keep only the words that change: "roughly 35 percent" -> "roughly 25 percent" corrects "35"."""
    wrong_words = list(re.finditer(r"\S+", r.wrong.text))
    right_words = r.suggestion.split()
    if len(wrong_words) < 2 or len(right_words) < 2:
        return r
    lead = 0
    while lead < min(len(wrong_words), len(right_words)) - 1 and wrong_words[lead].group() == right_words[lead]:
        lead += 1
    tail = 0
    while (
        tail < min(len(wrong_words), len(right_words)) - lead - 1
        and wrong_words[-1 - tail].group() == right_words[-1 - tail]
    ):
        tail += 1
    if not lead and not tail:
        return r
    kept = wrong_words[lead : len(wrong_words) - tail]
    start, end = r.wrong.start + kept[0].start(), r.wrong.start + kept[-1].end()
    wrong = Span(start, end, r.wrong.text[kept[0].start() : kept[-1].end()])
    suggestion = " ".join(right_words[lead : len(right_words) - tail])
    right = r.right
    if right is not None and right.text.split() == right_words:
        offsets = list(re.finditer(r"\S+", right.text))[lead : len(right_words) - tail]
        right = Span(
            right.start + offsets[0].start(),
            right.start + offsets[-1].end(),
            right.text[offsets[0].start() : offsets[-1].end()],
        )
    return replace(r, wrong=wrong, suggestion=suggestion, right=right)


# ---------------------------------------------------------------------------------------------
# slot facts


def _compare_facts(
    cfact: Fact, efact: Fact, ctx: ClaimContext, passage: Passage, parsed: _Parsed
) -> Rel | _Refutation | None:
    """An organisation's base, the place it leaves, a start year — one subject, one slot, two texts."""
    if cfact.slot != efact.slot or cfact.label != efact.label or not same_entity(cfact.subject, efact.subject):
        return None
    kind = cfact.slot.split(":", 1)[0]
    if kind not in _FACT_CONFIDENCE:
        return None
    if cfact.value_key == efact.value_key:
        return Rel.MATCH
    if cfact.label == "GPE" and (is_region(cfact.value.text) or is_region(efact.value.text)):
        # "based in China" and "based in Beijing" can both be true; "in Germany" and "in Sweden" cannot.
        both = is_region(cfact.value.text) and is_region(efact.value.text)
        relation = country_relation(cfact.value.text, efact.value.text) if both else None
        if relation == "same":
            return Rel.MATCH
        if relation != "different":
            return None
    if not (_named(cfact.value.text) and _named(efact.value.text)):
        return None  # "the city": resolved, not written; neither a wrong span nor a suggestion
    penalty = 0.0
    cdate, edate = ctx.analysis.article.date, passage.date
    if kind == "base":
        # A base is a state: an undated present-tense statement holds around its document's date.
        # "was based in", "until 2015", "in 2009 it moved": a base of another time.
        words = {t.lower_ for t in efact.sentence.tokens}
        if words & {"was", "were", "formerly", "previously", "until", "had", "former"}:
            return None
        if any(
            _other_year(e.span.text, edate)
            for e in parsed.analysis.entities_in(efact.sentence.span)
            if e.label == "DATE"
        ):
            return None
        near = _near(cdate, edate, STATE_WINDOW)
        if near is False:
            return None
        penalty = 0.1 if near is None else 0.0
    elif kind == "leave":
        near = _near(cdate, edate, _SAME_OCCASION)
        if near is False:
            return None
        penalty = 0.1 if near is None else 0.0
    what = {
        "base": "as where it is based",
        "leave": "as the place it is leaving",
        "start": "as the year it started",
    }[kind]
    who = efact.subject.split(":", 1)[-1].title()
    explanation = (
        f"{_source(passage)} gives {efact.value.text!r} {what} ({who}); the article says {cfact.value.text!r}."
    )
    return _Refutation(
        cfact.value,
        efact.value.text,
        parsed.local(efact.value),
        parsed.local(efact.sentence.span),
        passage,
        _FACT_CONFIDENCE[kind] - penalty,
        explanation,
    )


def _other_year(text: str, ref: dt.date | None) -> bool:
    from corrigo.analysis.dates import resolve_date

    resolved = resolve_date(text, ref)
    return resolved is not None and (ref is None or resolved.year != ref.year)


def _named(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit())


# ---------------------------------------------------------------------------------------------
# explanations


def _source(p: Passage) -> str:
    name = f"'{p.title}' ({p.doc_id})" if p.title else f"'{p.doc_id}'"
    return f"The reference {name}, dated {p.date.isoformat()}," if p.date else f"The reference {name} (undated)"


def _dates(frame: Frame) -> str:
    dates = [a for a in frame.args if a.role is ArgRole.TIME]
    if not dates:
        return ""
    return " (" + ", ".join(f"{a.prep + ' ' if a.prep else ''}{a.value.span.text}" for a in dates) + ")"


def _what(role: ArgRole, prep: str, frame: Frame) -> str:
    patients = frame.values(ArgRole.PATIENT)
    thing = patients[0].span.text if patients else "it"
    verb = phrase_inflect(frame.predicate, "VBD") if frame.kind is not FrameKind.ROLE else ""
    if frame.kind is FrameKind.ROLE:
        return f"as {thing} at the time"
    if role is ArgRole.AGENT:
        return f"as who {verb} {thing}"
    if role is ArgRole.LOC:
        return f"as where {thing} is"
    if role is ArgRole.TIME:
        return f"as when {thing} was {phrase_inflect(frame.predicate, 'VBN')}"
    if role is ArgRole.AMOUNT:
        return f"as the figure ({frame.predicate} {thing})"
    return f"after {prep!r} ({frame.predicate} {thing})"
