"""What the corruption generator reads in an article, and the candidates it produces.

:class:`Candidate` is what each kind of error (``corrigo.synth.corrupt_values``,
``corrupt_arithmetic`` and ``corrupt_statements``) proposes to change. ``_Analysis`` holds the
parsed article with its entity mentions (with coreference keys), quantities, years and person
titles, filled in by the ``_collect_*`` functions; ``_number_options`` and ``_entity_options``
give the replacements for a figure or a name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from corrigo.synth import _lexicon as lex
from corrigo.synth._edits import overlaps as _overlaps
from corrigo.synth._numbers import Quantity, find_quantities, format_like, mutate_digits

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
_SIG_STOP = frozenset({"say", "mr", "mrs", "ms", "year", "also", "time", "-pron-"})
_YEAR_RANGE_RE = re.compile(r"(?<![\w.,-])((?:19|20)\d\d)[-/\u2013]((?:19|20)?\d\d)(?![\w-])")
_PCT_WORDS = frozenset({"%", "per", "cent", "percent"})


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
            while len(toks) > 1 and (toks[0].lower_ in lex.ROLE_HEADS or toks[0].lower_ in lex.ROLE_MODIFIERS):
                toks.pop(0)
        while toks and (toks[-1].lower_ in ("'s", "\u2019s", "'") or not (toks[-1].is_alpha or toks[-1].like_num)):
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
        if child.dep_ in ("compound", "amod", "nmod") and _content(child) and not (rng[0] <= child.i < rng[1]):
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


def _entity_options(a: _Analysis, m: _Mention, avoid_text: str, prefer_surname: bool | None = None) -> list[str]:
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
            if len(full.split()) < 2 or full.lower() in a.other_label_texts or surname.lower() in a.other_label_texts:
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
