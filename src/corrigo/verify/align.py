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
from collections.abc import Sequence
from dataclasses import replace

from corrigo.analysis.analyse import Analyser, Analysis
from corrigo.analysis.facts import Fact, extract_facts
from corrigo.analysis.nlp import load_nlp
from corrigo.checks.base import quote
from corrigo.evidence import Passage
from corrigo.model import Article, Block, BlockKind, Claim, Span
from corrigo.verify.base import ClaimContext, Correction, Judgement, Label, evidence_span
from corrigo.verify.compare import Rel, align
from corrigo.verify.cues import IrregularForms, claim_cues, passage_terms
from corrigo.verify.frames import Frame, extract_frames
from corrigo.verify.rules import (
    ParsedPassage,
    Refutation,
    compare_facts,
    confirmed,
    refutable,
    refute,
    source_name,
    supports,
)

__all__ = ["AlignmentVerifier"]

# A claim's frames, slot facts and the cue words a passage needs to bear on it.
_ClaimParts = tuple[list[Frame], list[Fact], frozenset[str]]
# What a passage's parse depends on (see _cache_key).
_Key = tuple[str, dt.date | None, str | None]


class AlignmentVerifier:
    """Judges a claim by aligning its frames with frames parsed from the evidence passages.

    Evidence passages are parsed on first use with the shared spaCy pipeline and cached by their
    text, date and title, so a passage retrieved for many claims is parsed once. :meth:`prepare`
    parses an article's passages in one batch before its claims are verified.

    Args:
        model: the spaCy pipeline package (the project's default when None).
        cache_size: how many parsed passages to keep (the least recently used go first).
        support: also look for support. Without it (a general index, unsupported claims not
            shown) only passages that could refute are parsed, about half as many, and every
            judgement is ``refuted`` or ``not_enough_info``.

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

    def __init__(self, model: str | None = None, cache_size: int = 1024, support: bool = True) -> None:
        self.model = model
        self.cache_size = cache_size
        self.support = support
        self._analyser: Analyser | None = None
        self._cache: OrderedDict[_Key, ParsedPassage] = OrderedDict()
        self._prepared: dict[_Key, ParsedPassage] = {}  # the current article's passages (prepare)
        self._lock = threading.Lock()
        self._article: tuple[Analysis, list[Fact]] | None = None
        # The last article's claims: their frames, slot facts and cue words, by id(claim).
        self._claims: tuple[Analysis, dict[int, tuple[Claim, _ClaimParts]]] | None = None
        self._irregular_forms: IrregularForms | None = None
        self._term_cache: OrderedDict[str, frozenset[str]] = OrderedDict()

    def warm_up(self) -> None:
        if self._analyser is None:
            self._analyser = Analyser(self.model)
        self._analyser.warm_up()

    def needs_evidence(self, claim: ClaimContext) -> bool:
        """Whether a passage could change this claim's judgement. Looking only for refutations, a
        claim with no cue word (nothing a rule can refute) is ``not_enough_info`` whatever is
        retrieved; looking for support too, every claim is searched for, so that an unsupported
        one can say how many passages were read."""
        return self.support or bool(self._parts(claim)[2])

    def prepare(self, batch: Sequence[tuple[ClaimContext, Sequence[Passage]]]) -> None:
        """Parse, in one batch, the passages :meth:`verify` will read for these claims.

        The stage calls this with an article's claims, each with the passages retrieved for it,
        before it verifies any of them: spaCy parses many short texts together about 1.4 times as
        fast as one at a time. Only the passages :meth:`verify` would parse are parsed (those with
        one of their own claim's cue words), each once, and those already cached are not parsed
        again. Judgements are the same with or without this call.
        """
        needed: dict[_Key, Passage] = {}
        for claim, passages in batch:
            _, _, cues = self._parts(claim)
            if not cues:
                continue
            for passage in passages:
                key = _cache_key(passage)
                if key not in needed and cues & self._terms(passage.text):
                    needed[key] = passage
        prepared: dict[_Key, ParsedPassage] = {}
        with self._lock:
            for key in needed:
                hit = self._cache.get(key)
                if hit is not None:
                    self._cache.move_to_end(key)
                    prepared[key] = hit
        todo = [p for key, p in needed.items() if key not in prepared]
        if todo:
            prepared.update(zip(map(_cache_key, todo), self._parse_many(todo), strict=True))
        with self._lock:
            # Held apart from the cache until the next article: a batch larger than the cache
            # must not be evicted before its claims are verified.
            self._prepared = prepared

    def verify(self, claim: ClaimContext, passages: list[Passage]) -> Judgement:
        """Supported, refuted (with corrections) or not enough info, for one claim."""
        frames, facts, cues = self._parts(claim)
        used: list[Passage] = []  # passages that bore on the claim
        read: list[Passage] = []
        seen: set[tuple[str, int, int]] = set()
        refutations: list[Refutation] = []
        agreed: set[tuple[int, int]] = set()  # claim values some aligned evidence states too
        support: list[tuple[Passage, Span]] = []
        main = _main_frame(claim, frames)
        for passage in passages:
            key = (passage.doc_id, passage.start, passage.end)
            if key in seen:
                continue
            seen.add(key)
            read.append(passage)
            if not cues & self._terms(passage.text):
                continue  # no form of the claim's predicates, titles or slot words: cannot align
            parsed = self._parse(passage)
            hit = False
            for cf in frames:
                for ef, esent in parsed.frames:
                    al = align(cf, ef)
                    if al is None:
                        continue
                    agreed |= confirmed(al)
                    found = refute(al, claim, passage, esent, parsed)
                    if found is not None:
                        refutations.append(found)
                        hit = True
                    if self.support and cf is main and supports(al):
                        support.append((passage, parsed.local(esent.span)))
                        hit = True
            for cfact in facts:
                for efact in parsed.facts:
                    outcome = compare_facts(cfact, efact, claim, passage, parsed)
                    if outcome is Rel.MATCH:
                        agreed.add((cfact.value.start, cfact.value.end))
                    elif isinstance(outcome, Refutation):
                        refutations.append(outcome)
                        hit = True
            if hit:
                used.append(passage)
        # Sources that disagree: a value some aligned evidence confirms is not called wrong.
        refutations = [r for r in refutations if (r.wrong.start, r.wrong.end) not in agreed]
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
                explanation=f"{source_name(p0)} states the same: “{evidence[0].span.text}”",
            )
        return Judgement(
            Label.NOT_ENOUGH_INFO,
            0.5,
            tuple(read),
            explanation=f"None of the {len(read)} passages found states this claim or contradicts it.",
        )

    # -----------------------------------------------------------------------------------------
    # parsing

    def _parts(self, ctx: ClaimContext) -> _ClaimParts:
        """The claim's frames (only refutable ones when not looking for support), slot facts and
        cue words; computed once per claim of the current article (``prepare`` then ``verify``)."""
        with self._lock:
            memo = self._claims
            hit = memo[1].get(id(ctx.claim)) if memo is not None and memo[0] is ctx.analysis else None
        if hit is not None and hit[0] is ctx.claim:
            return hit[1]
        frames, facts = self._claim_parts(ctx)
        if not self.support:
            frames = [f for f in frames if refutable(f)]
        parts = (frames, facts, claim_cues(frames, facts, self._irregular()))
        with self._lock:
            if self._claims is None or self._claims[0] is not ctx.analysis:
                self._claims = (ctx.analysis, {})
            self._claims[1][id(ctx.claim)] = (ctx.claim, parts)
        return parts

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

    def _irregular(self) -> IrregularForms:
        if self._irregular_forms is None:
            self.warm_up()
            self._irregular_forms = IrregularForms(load_nlp(self.model) if self.model else load_nlp())
        return self._irregular_forms

    def _terms(self, text: str) -> frozenset[str]:
        with self._lock:
            hit = self._term_cache.get(text)
        if hit is None:
            hit = passage_terms(text)
            with self._lock:
                self._term_cache[text] = hit
                while len(self._term_cache) > 4 * self.cache_size:
                    self._term_cache.popitem(last=False)
        return hit

    def _article_facts(self, an: Analysis) -> list[Fact]:
        with self._lock:
            if self._article is not None and self._article[0] is an:
                return self._article[1]
        facts = extract_facts(an)
        with self._lock:
            self._article = (an, facts)
        return facts

    def _parse(self, passage: Passage) -> ParsedPassage:
        key = _cache_key(passage)
        with self._lock:
            hit = self._prepared.get(key)
            if hit is not None:
                return hit
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        return self._parse_many([passage])[0]

    def _parse_many(self, passages: Sequence[Passage]) -> list[ParsedPassage]:
        """Parse passages in one ``nlp.pipe`` batch and cache them."""
        self.warm_up()
        assert self._analyser is not None
        made = [_passage_article(p) for p in passages]
        analyses = self._analyser.run_many([article for article, _ in made])
        out = []
        for analysis, (_, offset) in zip(analyses, made, strict=True):
            frames = tuple(
                (f, s) for s in analysis.sentences if s.span.start >= offset for f in extract_frames(analysis, s)
            )
            facts = tuple(f for f in extract_facts(analysis) if f.value.start >= offset)
            out.append(ParsedPassage(analysis, frames, facts, offset))
        with self._lock:
            for passage, parsed in zip(passages, out, strict=True):
                self._cache[_cache_key(passage)] = parsed
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return out


def _cache_key(passage: Passage) -> _Key:
    """What a parse depends on: the text, and the title and date it is read with. Not the id and
    offsets, which another index, or the same document re-indexed with new text, can reuse."""
    return (passage.text, passage.date, passage.title)


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
def _refuted(refutations: list[Refutation], used: list[Passage]) -> Judgement:
    best: dict[tuple[int, int], Refutation] = {}
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


def _minimal(r: Refutation) -> Refutation:
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
