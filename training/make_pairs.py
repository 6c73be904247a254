"""Claim-vs-evidence training pairs for the 3-way verifier (supported=0, refuted=1, not_enough_info=2).

Every pair's evidence is 1-5 consecutive sentences of a real news document; the claim is built
from the document's own parse (spaCy, each document parsed once):

* supported: a sentence of the evidence, one of its clauses, a compression (appositives,
  non-restrictive relative clauses, safe adverbial clauses and PPs dropped), a paraphrase made
  without a model (fronted modifier moved, active/passive, number, date and reporting-verb
  formats, "X said Y" / "According to X, Y"), or two evidence sentences about one subject
  joined ("X, who Y, Z").
* refuted: a supported claim (any of the forms above) with one error taken from the
  corruption generator's machinery (:mod:`corrigo.synth.corrupt`): an entity swapped for one of
  the same type (the document's own first), a number, a date, a negation, an antonym, a speaker,
  a title, subject and object exchanged, two entities exchanged.
* not_enough_info: a sentence of the same document outside the evidence (same entities, other
  fact), a sentence of another document that names an entity of the evidence, or a supported
  claim with something added that the evidence does not state (a clause, a time or place, a
  person's title) taken from elsewhere in the document.

Sources are read in place from ``/work/shared/data`` (nothing is copied into the repository):
the Lee/ABC corpus shipped with gensim and the validation-split articles of FRANK, minus every
article whose text also appears in a benchmark we report on. See ``training/DATA_CARD.md``.

Usage:
    python training/make_pairs.py --out training/data/pairs --seed 13 [--max-pairs N]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corrigo.synth import MODEL_NAMES
from corrigo.synth import _lexicon as lex
from corrigo.synth._numbers import parse_number, word_number

# The corruption generator's analysis (entity mentions with coreference keys, quantities,
# years, person titles) and its swap helpers, reused on claims instead of whole articles.
from corrigo.synth.corrupt import (
    _Analysis,
    _collect_mentions,
    _collect_quantities,
    _collect_roles,
    _entity_options,
    _flip_verb,
    _Mention,
    _negate_verb,
    _number_options,
    _title_like,
)

LABELS = {"supported": 0, "refuted": 1, "not_enough_info": 2}
LABEL_NAMES = {v: k for k, v in LABELS.items()}
DEFAULT_DATA = Path("/work/shared/data")
DEFAULT_MAX_PAIRS = 80_000
VALID_FRACTION = 0.05
MAX_EVIDENCE_WORDS = 350

# how often each form is drawn (a form missing for a sentence falls back to the others)
BASE_WEIGHTS = {"copy": 20, "compress": 25, "clause": 10, "paraphrase": 30, "combine": 15}
REFUTED_WEIGHTS = {
    "entity_swap": 22,
    "attribution_swap": 8,
    "number_change": 14,
    "date_change": 10,
    "negation": 8,
    "negation_removed": 6,
    "antonym": 8,
    "role_reversal": 6,
    "entity_exchange": 8,
    "role_swap": 5,
}
# when the drawn kind is nowhere to be found: the kinds almost every sentence offers count less
FALLBACK_REFUTED_WEIGHTS = {**REFUTED_WEIGHTS, "negation": 1, "entity_swap": 8}
NEI_WEIGHTS = {"same_doc": 35, "other_doc": 15, "added_clause": 15, "added_modifier": 30, "added_role": 5}
WINDOW_SIZES = ((1, 30), (2, 30), (3, 25), (4, 8), (5, 7))

Unit = int | str  # a token index into the claim's document, or literal text
Edit = tuple[int, int, str]  # tokens [i, j) replaced by text

_JUNK_MARKERS = (
    "scroll down for video",
    "image copyright",
    "image caption",
    "media playback",
    "click here",
    "published:",
    "updated:",
    "follow @",
    "share this with",
    "copy this link",
    "(pictured",
    "daily mail reporter",
    "(right)",
    "(left)",
    "(centre)",
    "(center)",
    "(file photo)",
)
# a caption glued to the next sentence without punctuation: "... in Australia Natalia Moon is ..."
_RUN_ON_RE = re.compile(
    r"[A-Za-z0-9] (?:The|A|An|He|She|They|It|His|Her|Their|Its|This|These|Those) [a-z]"
    r"|[A-Za-z0-9] (?:While|When|But|However|Although|Because|Meanwhile|Despite) [a-z]"
    r"|[a-z] ['\"][A-Z]"  # ... inside 'This started ...
    r"|^[A-Z][a-z]+: [A-Z]"  # a caption label: "Mystery: The Department ..."
)
_NEG_WORDS = frozenset(
    {"not", "n't", "no", "never", "nothing", "none", "neither", "nor", "without", "nobody", "cannot"}
)
_QUANTIFIERS = frozenset({"only", "all", "every", "each", "any", "few", "little", "just", "solely", "exclusively"})
_SAFE_PREPS_ANY = frozenset({"during", "after", "before", "amid", "following", "since", "throughout", "near", "across"})
_SAFE_PREPS_PLACE_TIME = frozenset({"in", "on", "at", "from", "over", "around", "outside", "inside", "within"})
_NAME_ENTS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"}
)
_PLACE_TIME_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
_BAD_MARKERS = frozenset({"if", "unless", "whether", "until", "than", "lest", "once", "provided", "as"})
_SAFE_ADVERBS = frozenset({"also", "now", "already", "recently", "earlier", "later", "today", "yesterday", "still"})
_DISCOURSE = frozenset({"but", "and", "however", "meanwhile", "also", "so", "yet", "moreover", "still"})
_SYMMETRIC = frozenset(
    {
        "meet",
        "marry",
        "play",
        "face",
        "fight",
        "battle",
        "talk",
        "negotiate",
        "join",
        "merge",
        "match",
        "equal",
        "tie",
        "draw",
        "resemble",
        "hug",
        "kiss",
        "divorce",
        "date",
        "partner",
        "share",
        "trade",
        "swap",
        "exchange",
        "contact",
        "phone",
        "call",
        "accompany",
        "visit",
        "see",
    }
)
_PRONOUN_CASE = {"he": "him", "she": "her", "they": "them", "we": "us", "i": "me"}
_PRONOUN_CASE.update({v: k for k, v in list(_PRONOUN_CASE.items())})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "this", "that"})
_WORD_ANTONYMS = {
    "largest": "smallest",
    "biggest": "smallest",
    "smallest": "largest",
    "highest": "lowest",
    "lowest": "highest",
    "strong": "weak",
    "weak": "strong",
    "positive": "negative",
    "negative": "positive",
    "successful": "unsuccessful",
    "unsuccessful": "successful",
    "legal": "illegal",
    "illegal": "legal",
    "likely": "unlikely",
    "unlikely": "likely",
    "guilty": "innocent",
    "innocent": "guilty",
    "dead": "alive",
    "alive": "dead",
    "north": "south",
    "south": "north",
    "east": "west",
    "west": "east",
    "before": "after",
    "after": "before",
    "increased": "decreased",
    "decreased": "increased",
    "cheaper": "dearer",
    "dearer": "cheaper",
}
_RELATIVE_DATES = {
    "yesterday": ("today", "on Monday"),
    "today": ("yesterday", "last week"),
    "tomorrow": ("today", "next week"),
    "tonight": ("last night",),
}
_REPORTING = {
    ("say", "VBD"): ("stated",),
    ("say", "VBZ"): ("states",),
    ("announce", "VBD"): ("said",),
    ("claim", "VBD"): ("said",),
    ("add", "VBD"): ("said",),
    ("explain", "VBD"): ("said",),
    ("state", "VBD"): ("said",),
    ("tell", "VBD"): ("said to",),
}
_CLOSERS = frozenset({",", ".", ";", ":", ")", "?", "!", '"', "'"})
_CURRENCY_NAMES = {"$": "dollars", "£": "pounds", "€": "euros"}
_SCALE_NAMES = {"bn": "billion", "m": "million", "k": "thousand", "tn": "trillion"}
_ALIASES = (
    {"us", "usa", "unitedstates", "unitedstatesofamerica", "america"},
    {"uk", "britain", "greatbritain", "unitedkingdom"},
    {"un", "unitednations"},
    {"eu", "europeanunion"},
    {"pm", "primeminister"},
)
_MONTH_ABBR = {m[:3]: m for m in lex.MONTHS}
_DATE_MDY_RE = re.compile(
    r"\b(?P<m>" + "|".join(lex.MONTHS) + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"
)
_DATE_DMY_RE = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>" + "|".join(lex.MONTHS) + r"),?\s+(?P<y>(?:19|20)\d\d)\b"
)
_TIME_RE = re.compile(r"\b(?P<h>\d{1,2}):00\s?(?P<ap>[ap]m)\b", re.I)
_MOJIBAKE_RE = re.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u2122]{1,3}"
)
_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00b4": "'",
    }
)


# ---------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """A document to draw pairs from: ``doc_id`` is ``source:local-id``."""

    doc_id: str
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim as units of one parsed document plus replacements of some of its tokens."""

    d: int
    units: tuple[Unit, ...]
    edits: tuple[Edit, ...] = ()


@dataclass(frozen=True, slots=True)
class Pair:
    evidence: str
    claim: str
    label: int
    kind: str
    doc: str
    base: str  # the claim's form before any error or addition, for the data card
    reach: int = 0  # words of evidence needed to judge the claim, for the data card
    split: str = "train"

    def row(self) -> dict[str, Any]:
        return {"evidence": self.evidence, "claim": self.claim, "label": self.label, "kind": self.kind, "doc": self.doc}


@dataclass
class _Doc:
    doc_id: str
    source: str
    text: str
    spacy: Any
    a: _Analysis
    sents: list[Any]  # kept spaCy spans
    claimable: list[bool]
    keys: list[set[str]] = field(default_factory=list)  # entity keys per sentence
    lemmas: list[set[str]] = field(default_factory=list)  # content words per sentence
    words: list[int] = field(default_factory=list)
    mentions: list[list[_Mention]] = field(default_factory=list)


# ---------------------------------------------------------------------- text cleaning


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _fix_mojibake(text: str) -> str:
    """UTF-8 read as cp1252/latin-1 ("AndrÃ©s", "Â£"), undone run by run."""
    if not any(c in text for c in "ÃÂâ"):
        return text

    def fix(m: re.Match[str]) -> str:
        for enc in ("cp1252", "latin-1"):
            try:
                return m.group().encode(enc).decode("utf-8")
            except UnicodeError:
                continue
        return m.group()

    return _MOJIBAKE_RE.sub(fix, text)


def clean_text(text: str) -> str:
    """Normalise quotes, dashes and whitespace; split sentences glued together ("Kosaka.And")."""
    text = _fix_mojibake(text).translate(_TRANSLATE)
    text = re.sub(r"--+", " - ", text)
    text = re.sub(r"(?<=[a-z0-9)][.!?])(?=[A-Z])", " ", text)
    text = re.sub(r"(?<=[a-z0-9)][.!?][\"'])(?=[A-Z])", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _sentence_ok(span: Any) -> bool:
    text = span.text.strip()
    low = text.lower()
    words = [t for t in span if t.is_alpha]
    if not 5 <= len(words) <= 45:
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    if any(m in low for m in _JUNK_MARKERS) or _RUN_ON_RE.search(text):
        return False
    if not re.match(r"[\"']?[A-Z]", text):
        return False  # "1, 2, 5 and 7, but ...": the tail of a sentence split at "Nos."
    return bool(re.search(r"[.!?][\"')]*$", text))


# ---------------------------------------------------------------------- sources


def _shingles(norm: str) -> set[int]:
    """Content-anchored 40-character shingles: robust to different prefixes and tokenisation."""
    out = set()
    start = norm.find("the")
    while start != -1:
        if start + 40 <= len(norm):
            out.add(_stable_hash(norm[start : start + 40]))
        start = norm.find("the", start + 3)
    return out


def _benchmark_texts(data: Path) -> dict[str, list[str]]:
    """Article texts of every benchmark we report on, by benchmark."""
    csv.field_size_limit(1 << 30)
    out: dict[str, list[str]] = defaultdict(list)
    with (data / "frank" / "frank_benchmark.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["split"] == "test":
                out["frank_test"].append(r["article"])
    for name in ("task1_dataset.json", "task2_dataset.json"):
        out["bump"].extend(r["article"] for r in json.loads((data / "bump" / name).read_text(encoding="utf-8")))
    with (data / "polytope" / "polytope_annotations.jsonl").open(encoding="utf-8") as fh:
        out["polytope"].extend(json.loads(line)["document"] for line in fh)
    for name in ("mturk_cnndm.jsonl", "mturk_xsum.jsonl"):
        with (data / "qags" / name).open(encoding="utf-8") as fh:
            out["qags"].extend(json.loads(line)["article"] for line in fh)
    for name in ("CLIFF_error_types.csv", "Goyal21_error_types.csv"):
        with (data / "aggrefact_subsets" / name).open(encoding="utf-8", newline="") as fh:
            out["aggrefact_subsets"].extend(r["doc"] for r in csv.DictReader(fh))
    with (data / "xsum_hallucination" / "xsumfaith_with_docs_frank_subset.jsonl").open(encoding="utf-8") as fh:
        out["xsum_hallucination"].extend(json.loads(line)["document"] for line in fh)
    return out


def load_sources(data: Path) -> tuple[list[SourceDoc], dict[str, Any]]:
    """Lee/ABC (both files, deduplicated) and FRANK validation articles not in any benchmark.

    Returns:
        The documents in a fixed order and a report of what was read, kept and excluded.
    """
    report: dict[str, Any] = {"excluded": Counter(), "read": Counter(), "kept": Counter(), "duplicates": 0}
    docs: list[SourceDoc] = []
    seen: set[str] = set()
    lee = data / "lee_abc_news"
    for name, tag in (("lee_background.cor", "bg"), ("lee.cor", "test")):
        raw = (lee / name).read_bytes().decode("latin-1")  # lee.cor is ISO-8859-1, lee_background.cor ASCII
        for i, line in enumerate(raw.splitlines()):
            if not line.strip():
                continue
            report["read"]["lee_abc_news"] += 1
            key = normalise(line)[:200]
            if key in seen:
                report["duplicates"] += 1
                continue
            seen.add(key)
            docs.append(SourceDoc(f"lee:{tag}-{i:03d}", "lee_abc_news", line.strip()))
    bench = {
        name: set().union(*(_shingles(normalise(t)) for t in set(texts)))
        for name, texts in _benchmark_texts(data).items()
    }
    frank: dict[str, tuple[str, str]] = {}
    with (data / "frank" / "frank_benchmark.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["split"] == "valid":
                frank.setdefault(r["hash"], (r["dataset"], r["article"]))
    listed = set((data / "frank" / "validation_split.txt").read_text().split())
    for h in sorted(frank):
        dataset, article = frank[h]
        report["read"][f"frank_valid_{dataset}"] += 1
        if h not in listed:
            report["excluded"]["not in validation_split.txt"] += 1
            continue
        sh = _shingles(normalise(article))
        hits = sorted(name for name, s in bench.items() if len(sh & s) >= 3)
        if hits:
            for name in hits:
                report["excluded"][f"frank_valid_{dataset} in {name}"] += 1
            report["excluded"][f"frank_valid_{dataset} (any benchmark)"] += 1
            continue
        key = normalise(article)[:200]
        if key in seen:
            report["duplicates"] += 1
            continue
        seen.add(key)
        docs.append(SourceDoc(f"frank:{h}", f"frank_valid_{dataset}", article))
    # the Lee documents are checked too (none expected: ABC news of 2001-02 is in no benchmark)
    kept = []
    for d in docs:
        if d.source == "lee_abc_news" and any(len(_shingles(normalise(d.text)) & s) >= 3 for s in bench.values()):
            report["excluded"]["lee_abc_news in a benchmark"] += 1
            continue
        kept.append(d)
        report["kept"][d.source] += 1
    return kept, report


# ---------------------------------------------------------------------- parsing


def load_nlp() -> Any:
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"no spaCy pipeline found; install one of {', '.join(MODEL_NAMES)}")


def _content_words(tokens: Iterable[Any]) -> set[str]:
    out = set()
    for t in tokens:
        if t.is_stop or t.is_punct or t.is_space:
            continue
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV") and t.lemma_.lower() not in ("say", "be", "have"):
            out.add(t.lemma_.lower())
            out.add(t.lower_)
    return out


def parse_documents(sources: Sequence[SourceDoc], nlp: Any) -> list[_Doc]:
    texts = [clean_text(s.text) for s in sources]
    out: list[_Doc] = []
    for src, text, sdoc in zip(sources, texts, nlp.pipe(texts, batch_size=16), strict=True):
        spans = []
        for s in sdoc.sents:
            body = s.text.rstrip()
            if body.strip():
                lead = len(body) - len(body.lstrip())
                spans.append((s.start_char + lead, s.start_char + len(body)))
        a = _Analysis(text=text, doc=sdoc, sents=spans or [(0, len(text))], headline=None, body_start=0)
        _collect_mentions(a)
        _collect_quantities(a)
        _collect_roles(a)
        kept, seen = [], set()
        for s in sdoc.sents:
            key = normalise(s.text)
            if key in seen or not _sentence_ok(s):
                continue
            seen.add(key)
            kept.append(s)
        if len(kept) < 2:
            continue
        d = _Doc(src.doc_id, src.source, text, sdoc, a, kept, [s.text.count('"') % 2 == 0 for s in kept])
        for s in kept:
            ms = [m for m in a.mentions if s.start <= m.tok_start and m.tok_end <= s.end]
            d.mentions.append(ms)
            d.keys.append({f"{m.label}:{m.key}" for m in ms if m.label not in ("WEEKDAY", "MONTH")})
            d.lemmas.append(_content_words(s))
            d.words.append(sum(1 for t in s if not t.is_punct and not t.is_space))
        out.append(d)
    return out


# ---------------------------------------------------------------------- rendering


def tidy(text: str) -> str:
    """Spacing and punctuation of a claim put together from pieces."""
    t = re.sub(r"\s+", " ", text).strip()
    t = re.sub(r"\s+([,.;:!?%)])", r"\1", t)
    t = re.sub(r"\(\s+", "(", t)
    t = re.sub(r"\(\s*\)", "", t)
    t = re.sub(r",\s*([,.;:!?])", r"\1", t)
    t = re.sub(r"^[\s,;:.\-]+", "", t)
    t = re.sub(r"\s+", " ", t).strip()
    if t.count('"') % 2:
        t = t.replace('"', "").strip()
    singles = len(re.findall(r"(?:^|(?<=\s))'|'(?=\s|$|[,.;:!?])", t))
    if singles % 2 and t.startswith("'"):
        t = t[1:].lstrip()
    elif singles % 2 and re.search(r"[.!?,]'$", t):
        t = t[:-1]
    if not t:
        return t
    t = t[0].upper() + t[1:]
    if not re.search(r"[.!?][\"')]*$", t):
        t = t.rstrip(",;:- ") + "."
    return t


def _is_quote(tok: Any) -> bool:
    return tok.text in ('"', "'", "`", "``", "''") and tok.dep_ != "case"


def _quotes(tokens: Iterable[Any]) -> int:
    return sum(1 for t in tokens if _is_quote(t))


def _phrase(tokens: Sequence[Any]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _lower_first(tok: Any) -> str:
    """A sentence-initial word as it reads inside a sentence ("The" -> "the", "Police" stays if a name)."""
    if tok.pos_ == "DET":
        return tok.text.lower()
    if (
        tok.ent_type_ in _NAME_ENTS
        or tok.pos_ == "PROPN"
        or tok.text == "I"
        or (tok.text.isupper() and len(tok.text) > 1)
    ):
        return tok.text
    return tok.text[:1].lower() + tok.text[1:]


# ---------------------------------------------------------------------- the generator


class PairGenerator:
    """Draws labelled pairs from the documents of one split.

    Args:
        docs: Parsed documents of the split (cross-document claims stay inside it).
        forms: ``(lemma, tag) -> word`` seen in the corpus, to inflect verbs.
        seed: Seed; with a document's id it fixes that document's pairs.
    """

    def __init__(self, docs: list[_Doc], forms: dict[tuple[str, str], str], seed: int) -> None:
        self.docs = docs
        self.forms = forms
        self.seed = seed
        self._cache: dict[tuple[str, int, int], Any] = {}
        # entity text -> (doc, sentence) mentioning it; entity pools by label
        self.by_entity: dict[str, list[tuple[int, int]]] = defaultdict(list)
        pools: dict[str, Counter[str]] = defaultdict(Counter)
        for di, d in enumerate(docs):
            for k, ms in enumerate(d.mentions):
                for m in ms:
                    if m.label in ("WEEKDAY", "MONTH"):
                        continue
                    self.by_entity[m.text.lower()].append((di, k))
                    if d.a.dominant_label.get(m.text.lower()) == m.label and len(m.text) > 2:
                        pools[m.label][m.text] += 1
        stop = _stop_words()
        self.pools = {
            label: sorted(
                t
                for t, n in c.items()
                if n >= 2
                and t.split()[0].lower() not in stop
                and t.split()[0].lower() not in ("following", "according")
                and all(w[:1].isupper() or w in ("of", "and", "for", "the") for w in t.split())
            )
            for label, c in pools.items()
        }
        self.stop = _stop_words()

    # ---------------------------------------------------------------- public

    def doc_pairs(self, di: int, quota: int) -> list[Pair]:
        d = self.docs[di]
        rng = random.Random(self.seed ^ _stable_hash(d.doc_id))
        per_label = [quota // 3 + (1 if i < quota % 3 else 0) for i in range(3)]
        out: list[Pair] = []
        seen: set[tuple[str, str]] = set()
        claims_by_ev: dict[str, dict[str, int]] = defaultdict(dict)
        weights = (BASE_WEIGHTS, REFUTED_WEIGHTS, NEI_WEIGHTS)
        for label in (0, 1, 2):
            made, tries = 0, 0
            kinds = list(weights[label])
            while made < per_label[label] and tries < per_label[label] * 10 + 10:
                # draw the kind first, then look for a window that offers it; fall back to any kind
                target = rng.choices(kinds, [weights[label][k] for k in kinds])[0]
                made_pair = None
                for attempt in range(7):
                    tries += 1
                    lo, hi = self._window(rng, di, target if attempt < 6 else None)
                    made_pair = self._make(rng, di, lo, hi, label, target if attempt < 6 else None)
                    if made_pair is not None:
                        break
                if made_pair is None:
                    continue
                claim_text, kind, base, reach = made_pair
                evidence = " ".join(s.text.strip() for s in d.sents[lo:hi])
                key = (evidence, claim_text)
                if key in seen or len(claim_text.split()) < 4:
                    continue
                # the same claim must not get two labels against one evidence
                if claims_by_ev[evidence].get(normalise(claim_text), label) != label:
                    continue
                claims_by_ev[evidence][normalise(claim_text)] = label
                seen.add(key)
                out.append(Pair(evidence, claim_text, label, kind, d.doc_id, base, reach))
                made += 1
        return out

    # ---------------------------------------------------------------- sampling

    def _window(self, rng: random.Random, di: int, target: str | None = None) -> tuple[int, int]:
        """Consecutive sentences ``[lo, hi)``; for the rarer kinds, placed where that kind is possible."""
        d = self.docs[di]
        n = len(d.sents)
        size = min(n, rng.choices([s for s, _ in WINDOW_SIZES], [w for _, w in WINDOW_SIZES])[0])
        lo = rng.randrange(0, n - size + 1)
        pairs = self._combinable(di) if target in ("combine", "added_clause") else []
        if target == "combine":
            near = [(k1, k2) for k1, k2 in pairs if abs(k2 - k1) <= 4]
            if near:
                k1, k2 = rng.choice(near)
                a, b = min(k1, k2), max(k1, k2)
                size = max(size, b - a + 1)
                lo = rng.randint(max(0, b - size + 1), min(a, n - size))
        elif target == "added_clause" and pairs:
            k_in, k_out = rng.choice(pairs)[:: rng.choice((1, -1))]
            size = min(size, 3)
            spots = [s for s in range(max(0, k_in - size + 1), min(k_in, n - size) + 1) if not s <= k_out < s + size]
            if spots:
                lo = rng.choice(spots)
            else:
                lo, size = k_in, 1
        elif target == "negation_removed":
            negated = sorted(self._negated(di))
            if negated:
                k = rng.choice(negated)
                lo = rng.randint(max(0, k - size + 1), min(k, n - size))
        elif target == "added_role":
            titled = self._untitled_people(di)
            if titled:
                k = rng.choice(titled)
                size = min(size, 2)
                lo = rng.randint(max(0, k - size + 1), min(k, n - size))
        while size > 1 and sum(d.words[lo : lo + size]) > MAX_EVIDENCE_WORDS:
            size -= 1
        return lo, lo + size

    def _combinable(self, di: int) -> list[tuple[int, int]]:
        """Sentence pairs (named subject first) that one claim can join: same subject, or "he"/"she" right after."""
        ck = ("comb", di, 0)
        if ck not in self._cache:
            d = self.docs[di]
            n = len(d.sents)
            self._cache[ck] = [
                (k1, k2)
                for k1 in range(n)
                for k2 in range(n)
                if k1 != k2 and d.claimable[k1] and d.claimable[k2] and self._joinable(di, k1, k2)
            ]
        return self._cache[ck]

    def _untitled_people(self, di: int) -> list[int]:
        """Sentences naming a person whose title is given only in other sentences."""
        ck = ("untitled", di, 0)
        if ck not in self._cache:
            d = self.docs[di]
            out = []
            for k, ms in enumerate(d.mentions):
                text = d.sents[k].text.lower()
                if any(
                    r.person == m.key and r.text.lower() not in text
                    for m in ms
                    if m.label == "PERSON"
                    for r in d.a.roles
                ):
                    out.append(k)
            self._cache[ck] = out
        return self._cache[ck]

    def _make(
        self, rng: random.Random, di: int, lo: int, hi: int, label: int, kind: str | None
    ) -> tuple[str, str, str, int] | None:
        """``(claim, kind, base form, reach)`` of the label, of ``kind`` when given, else of any kind.

        ``reach`` is how many words of the evidence a reader needs to judge the claim: up to the end
        of the last sentence the claim was built from (all of it for not_enough_info).
        """
        d = self.docs[di]
        if label == 0:
            got = self._base(rng, di, lo, hi, kind)
            if got is None:
                return None
            claim, base = got
            text = self.render(claim)
            return (text, base, base, self._reach(claim, lo)) if text else None
        if label == 1:
            for _ in range(3):
                got = self._base(rng, di, lo, hi)
                if got is None:
                    return None
                claim, base = got
                res = self._corrupt(rng, di, lo, hi, claim, kind)
                if res is not None:
                    return res[0], res[1], base, self._reach(claim, lo)
            return None
        nei = self._nei(rng, di, lo, hi, kind)
        return None if nei is None else (*nei, sum(d.words[lo:hi]))

    def _reach(self, claim: Claim, lo: int) -> int:
        d = self.docs[claim.d]
        last = max(u for u in claim.units if isinstance(u, int))
        k = next(k for k, s in enumerate(d.sents) if s.start <= last < s.end)
        return sum(d.words[lo : k + 1])

    def _base(self, rng: random.Random, di: int, lo: int, hi: int, form: str | None = None) -> tuple[Claim, str] | None:
        """A supported claim of the window: of ``form`` (or nothing) when given, else of a drawn form."""
        d = self.docs[di]
        ks = [k for k in range(lo, hi) if d.claimable[k]]
        if not ks:
            return None
        if form is None:
            forms = list(BASE_WEIGHTS)
            first = rng.choices(forms, [BASE_WEIGHTS[f] for f in forms])[0]
            order = [first] + [f for f in ("paraphrase", "compress", "clause", "copy") if f != first]
        else:
            order = [form]
        for f in order:
            if f == "combine":
                c = self._combine(rng, di, ks, ks)
                if c is not None:
                    return c, "combine"
                continue
            for k in self._shuffled(rng, di, ks):
                got = self._form(rng, di, k, f)
                if got is not None:
                    return got
        return None

    def _shuffled(self, rng: random.Random, di: int, ks: Sequence[int]) -> list[int]:
        """``ks`` in random order, negated sentences 3 times as likely to come first.

        Negation insertion puts "not" / "did not" into refuted claims; drawing the document's own
        negated sentences more often for the other labels keeps "not" from giving the label away.
        """
        negated = self._negated(di)
        keyed = [(rng.random() ** (1 / (3.0 if k in negated else 1.0)), k) for k in ks]
        return [k for _, k in sorted(keyed, reverse=True)]

    def _negated(self, di: int) -> set[int]:
        ck = ("negated", di, 0)
        if ck not in self._cache:
            d = self.docs[di]
            self._cache[ck] = {k for k, s in enumerate(d.sents) if any(t.dep_ == "neg" for t in s)}
        return self._cache[ck]

    def _form(self, rng: random.Random, di: int, k: int, form: str) -> tuple[Claim, str] | None:
        if form == "copy":
            return self._copy(di, k), "copy"
        if form == "compress":
            c = self._compress(rng, di, k)
            return (c, "compress") if c else None
        if form == "clause":
            c = self._clause(rng, di, k)
            return (c, "clause") if c else None
        if form == "paraphrase":
            return self._paraphrase(rng, di, k)
        return None

    # ---------------------------------------------------------------- rendering

    def render(self, claim: Claim) -> str:
        doc = self.docs[claim.d].spacy
        edits = {i: (j, text) for i, j, text in claim.edits}
        parts: list[str] = []
        units = claim.units
        k = 0
        while k < len(units):
            u = units[k]
            if isinstance(u, str):
                parts.append(u + " ")
                k += 1
                continue
            if u in edits:
                j, text = edits[u]
                if list(units[k : k + j - u]) != list(range(u, j)):
                    return ""
                nxt = units[k + j - u] if k + j - u < len(units) else None
                ws = doc[j - 1].whitespace_ if nxt == j else " "
                parts.append(text + (ws if text else ""))
                k += j - u
                continue
            nxt = units[k + 1] if k + 1 < len(units) else None
            tok = doc[u]
            parts.append(tok.text + (tok.whitespace_ if nxt == u + 1 else " "))
            k += 1
        return tidy("".join(parts))

    # ---------------------------------------------------------------- supported forms

    @staticmethod
    def _sent_units(sent: Any) -> list[int]:
        return [t.i for t in sent if not t.is_space]

    def _copy(self, di: int, k: int) -> Claim:
        return Claim(di, tuple(self._sent_units(self.docs[di].sents[k])))

    def _drop_groups(self, di: int, k: int) -> list[frozenset[int]]:
        """Token sets that can be dropped without making the sentence say more than it did."""
        ck = ("drop", di, k)
        if ck in self._cache:
            return self._cache[ck]
        sent = self.docs[di].sents[k]
        doc = sent.doc
        negated = any(t.dep_ == "neg" or t.lower_ in _NEG_WORDS or t.lower_ in _QUANTIFIERS for t in sent)
        root = sent.root
        groups: list[frozenset[int]] = []
        end = sent.end - 1
        while end > sent.start and (doc[end].is_punct or doc[end].is_space):
            end -= 1

        def add(first: int, last: int, commas: bool = True) -> None:
            if first <= sent.start and last >= end:
                return
            # whole words only: "24-year-old" must not lose "24-year"
            if first > sent.start and not doc[first - 1].whitespace_:
                return
            if not doc[last].whitespace_ and last + 1 < sent.end and doc[last + 1].text not in _CLOSERS:
                return
            toks = set(range(first, last + 1))
            if root.i in toks:
                return
            if commas:
                before = first - 1 >= sent.start and doc[first - 1].text == ","
                after = last + 1 < sent.end and doc[last + 1].text == ","
                if after and (before or first == sent.start):
                    toks.add(last + 1)
                if before and (after or last >= end):
                    toks.add(first - 1)
            if _quotes(doc[i] for i in toks) % 2:
                return
            groups.append(frozenset(toks))

        for t in sent:
            first, last = t.left_edge.i, t.right_edge.i
            comma_near = (first - 1 >= sent.start and doc[first - 1].text == ",") or (
                last + 1 < sent.end and doc[last + 1].text == ","
            )
            comma_before = first - 1 >= sent.start and doc[first - 1].text == ","
            if (t.dep_ == "appos" and comma_near) or (t.dep_ == "relcl" and comma_before):
                add(first, last)
            elif t.dep_ == "advcl" and t.head.i == root.i and not negated and comma_near:
                marks = [c.lower_ for c in t.children if c.dep_ == "mark"]
                if not marks or marks[0] not in _BAD_MARKERS:
                    add(first, last)
            elif t.dep_ == "prep" and not negated and any(c.dep_ == "pobj" for c in t.children):
                pobj = next(c for c in t.children if c.dep_ == "pobj")
                place_time = pobj.ent_type_ in _PLACE_TIME_ENTS
                if pobj.tag_ in ("WDT", "WP", "WP$") or pobj.lower_ in ("which", "whom", "what"):
                    continue
                safe = t.lower_ in _SAFE_PREPS_ANY or (t.lower_ in _SAFE_PREPS_PLACE_TIME and place_time)
                if safe and t.head.pos_ in ("VERB", "AUX", "NOUN", "PROPN") and not _quotes(t.subtree):
                    add(first, last)
            elif t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME") and not negated:
                add(first, last)
            elif t.dep_ == "advmod" and t.lower_ in _SAFE_ADVERBS and t.head.i == root.i and not negated:
                add(t.i, t.i, commas=t.i == sent.start)
            elif t.i == sent.start and t.lower_ in _DISCOURSE and t.dep_ in ("cc", "advmod"):
                add(t.i, t.i)
            elif t.text == "(":
                close = next((u.i for u in doc[t.i : sent.end] if u.text == ")"), None)
                if close is not None:
                    add(t.i, close, commas=False)
        self._cache[ck] = groups
        return groups

    def _compress(self, rng: random.Random, di: int, k: int) -> Claim | None:
        groups = self._drop_groups(di, k)
        if not groups:
            return None
        rng_groups = list(groups)
        rng.shuffle(rng_groups)
        n = rng.choice((1, 1, 2, 3))
        dropped: set[int] = set()
        for g in rng_groups:
            if n == 0:
                break
            if g & dropped:
                continue
            dropped |= g
            n -= 1
        units = [u for u in self._sent_units(self.docs[di].sents[k]) if u not in dropped]
        doc = self.docs[di].spacy
        if sum(1 for u in units if doc[u].is_alpha) < 4:
            return None
        return Claim(di, tuple(units))

    def _clause(self, rng: random.Random, di: int, k: int) -> Claim | None:
        """One clause of a coordination: "Police arrested X and charged him" -> "Police charged him"."""
        sent = self.docs[di].sents[k]
        doc = sent.doc
        root = sent.root
        conjs = [
            c
            for c in root.children
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.tag_.startswith("VB") and c.i > root.i
        ]
        if not conjs:
            return None
        conj = rng.choice(conjs)
        subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        root_subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        conj_toks = list(range(conj.left_edge.i, conj.right_edge.i + 1))
        # the cc and comma before the conjunct belong to it
        j = conj.left_edge.i - 1
        lead: list[int] = []
        while j > root.i and (doc[j].dep_ == "cc" or doc[j].text == ","):
            lead.append(j)
            j -= 1
        final = [t.i for t in sent if t.i > conj.right_edge.i and not t.is_space]
        if rng.random() < 0.5 and (subj is not None or conj.tag_ == root.tag_):  # the first clause alone
            units = [u for u in self._sent_units(sent) if u not in conj_toks and u not in lead]
        elif subj is not None:
            units = conj_toks + final
        elif root_subj is not None and root_subj.i < root.i and conj.tag_ == root.tag_:
            if root_subj.lower_ in _PRONOUNS and root_subj.i != sent.start:
                return None
            subj_toks = list(range(root_subj.left_edge.i, root_subj.right_edge.i + 1))
            units = subj_toks + conj_toks + final
        else:
            return None
        if sum(1 for u in units if doc[u].is_alpha) < 4 or _quotes(doc[u] for u in units) % 2:
            return None
        return Claim(di, tuple(units))

    def _paraphrase(self, rng: random.Random, di: int, k: int) -> tuple[Claim, str] | None:
        options = self._paraphrase_options(di, k)
        if not options:
            return None
        kind, claim = rng.choice(options)
        # sometimes a second, token-level paraphrase on top
        extra = [c for kd, c in options if kd in ("number_format", "reporting_verb", "date_format") and kd != kind]
        if extra and rng.random() < 0.3:
            add = rng.choice(extra)
            merged = _merge_edits(claim, add.edits)
            if merged is not None:
                claim = merged
        return claim, f"para_{kind}"

    def _paraphrase_options(self, di: int, k: int) -> list[tuple[str, Claim]]:
        ck = ("para", di, k)
        if ck in self._cache:
            return self._cache[ck]
        d = self.docs[di]
        sent = d.sents[k]
        units = tuple(self._sent_units(sent))
        out: list[tuple[str, Claim]] = []
        for e in self._number_formats(d, sent):
            out.append(("number_format", Claim(di, units, (e,))))
        for e in self._date_formats(d, sent):
            out.append(("date_format", Claim(di, units, (e,))))
        for t in sent:
            if t.pos_ != "VERB":
                continue
            for new in _REPORTING.get((t.lemma_.lower(), t.tag_), ()):
                if new == "said to" and not any(c.dep_ in ("dobj", "dative") for c in t.children):
                    continue
                if new == "said to" and any(c.dep_ == "ccomp" for c in t.children):
                    continue  # "told reporters that ..." -> "said to reporters that" is clumsy but fine; skip it
                out.append(("reporting_verb", Claim(di, units, ((t.i, t.i + 1, new),))))
        for kind, fn in (("reorder", self._reorder), ("voice", self._voice), ("according_to", self._according)):
            c = fn(di, sent)
            if c is not None:
                out.append((kind, c))
        self._cache[ck] = out
        return out

    def _number_formats(self, d: _Doc, sent: Any) -> list[Edit]:
        out: list[Edit] = []
        doc = d.spacy
        for q, _ in d.a.quantities:
            if not (sent.start_char <= q.full_start and q.full_end <= sent.end_char) or q.maybe_year:
                continue
            before = d.text[max(0, q.full_start - 1) : q.full_start]
            after = d.text[q.full_end : q.full_end + 1]
            if before in ("-", ":", "/") or after in ("-", ":", "/"):
                continue
            full = d.text[q.full_start : q.full_end]
            lit = q.literal
            alts: list[str] = []
            m = re.fullmatch(
                r"(?P<cur>[$£€])?(?P<num>[\d.,]+|[A-Za-z-]+)(?P<scale>\s?(?:bn|m|k|tn|billion|million|thousand|trillion))?(?P<pct>\s?%|\s?per\s?cent|\s?percent)?(?P<rest>.*)",
                full,
            )
            if m is None:
                continue
            cur, scale, pct, rest = m.group("cur"), (m.group("scale") or "").strip(), m.group("pct"), m.group("rest")
            scale_word = _SCALE_NAMES.get(scale, scale)
            if cur and not pct and not rest:
                alts.append(f"{lit}{' ' + scale_word if scale_word else ''} {_CURRENCY_NAMES[cur]}")
                if scale in _SCALE_NAMES:
                    alts.append(f"{cur}{lit} {scale_word}")
            elif pct and not cur:
                alts.append(f"{lit} per cent" if "%" in pct else f"{lit}%")
            elif scale in _SCALE_NAMES and not cur:
                alts.append(f"{lit} {scale_word}")
            elif not cur and not scale and not pct:
                v = parse_number(lit)
                if v is None or not float(v).is_integer():
                    continue
                iv = int(v)
                tok = doc.char_span(q.start, q.end, alignment_mode="expand")
                dated = tok is not None and any(
                    x.ent_type_ in ("DATE", "TIME") or x.text in lex.MONTHS
                    for x in doc[max(0, tok.start - 1) : tok.end + 1]
                )
                if q.is_word and 2 <= iv <= 99:
                    if q.full_start == sent.start_char:
                        continue  # "Two officers were hurt" does not start with a digit
                    alts.append(str(iv))
                elif dated:
                    continue
                elif not q.is_word and 2 <= iv <= 20 and "," not in lit:
                    w = word_number(iv)
                    if w:
                        alts.append(w)
                elif "," in lit:
                    alts.append(lit.replace(",", ""))
                    if iv % 1000 == 0 and iv < 100_000 and word_number(iv // 1000):
                        alts.append(f"{word_number(iv // 1000)} thousand")
                elif iv >= 10_000:
                    alts.append(f"{iv:,}")
            span = doc.char_span(q.full_start, q.full_end, alignment_mode="expand")
            if span is None or not alts:
                continue
            pre = d.text[span.start_char : q.full_start]
            post = d.text[q.full_end : span.end_char]
            for alt in alts[:1]:
                out.append((span.start, span.end, pre + alt + post))
        # "4:00pm" -> "4pm"
        for m in _TIME_RE.finditer(sent.text):
            s = sent.start_char + m.start()
            span = doc.char_span(s, s + len(m.group()), alignment_mode="expand")
            if span is not None and span.start_char == s and span.end_char == s + len(m.group()):
                out.append((span.start, span.end, f"{m.group('h')}{m.group('ap').lower()}"))
        return out

    def _date_formats(self, d: _Doc, sent: Any) -> list[Edit]:
        out: list[Edit] = []
        doc = d.spacy
        for rx, fmt in ((_DATE_MDY_RE, "{d} {m} {y}"), (_DATE_DMY_RE, "{m} {d}, {y}")):
            for m in rx.finditer(sent.text):
                s = sent.start_char + m.start()
                span = doc.char_span(s, s + len(m.group()), alignment_mode="expand")
                if span is None or span.start_char != s:
                    continue
                new = fmt.format(d=int(m.group("d")), m=m.group("m"), y=m.group("y"))
                out.append((span.start, span.end, new + d.text[s + len(m.group()) : span.end_char]))
        for t in sent:  # "Jan." -> "January"
            if t.text.rstrip(".") in _MONTH_ABBR and t.text.endswith(".") and t.tag_ == "NNP":
                out.append((t.i, t.i + 1, _MONTH_ABBR[t.text.rstrip(".")]))
        return out

    def _reorder(self, di: int, sent: Any) -> Claim | None:
        """A fronted modifier moved to the end: "In 2001, X did Y." -> "X did Y in 2001."."""
        doc = sent.doc
        root = sent.root
        first = doc[sent.start]
        head = first
        while head.head.i != root.i and head.head.i != head.i:
            head = head.head
        if head.dep_ not in ("prep", "advcl", "npadvmod") or head.i == root.i:
            return None
        last = head.right_edge.i
        if last + 1 >= sent.end or doc[last + 1].text != "," or head.left_edge.i != sent.start:
            return None
        moved = list(range(sent.start, last + 1))
        if _quotes(doc[i] for i in moved):
            return None
        rest = [t.i for t in sent if t.i > last + 1 and not t.is_space]
        if not rest or not doc[rest[-1]].is_punct:
            return None
        units = rest[:-1] + moved + rest[-1:]
        edits = []
        low = _lower_first(first)
        if low != first.text:
            edits.append((first.i, first.i + 1, low))
        return Claim(di, tuple(units), tuple(edits))

    def _voice(self, di: int, sent: Any) -> Claim | None:
        """Simple past-tense SVO, active <-> passive: "Police arrested a man" <-> "A man was arrested by police"."""
        doc = sent.doc
        root = sent.root
        kids = list(root.children)
        deps = {c.dep_ for c in kids}
        if root.pos_ != "VERB" or not root.lower_.endswith("ed") or deps & {"neg", "prt", "dative", "conj", "cc"}:
            return None
        if root.tag_ == "VBD" and {"nsubj", "dobj"} <= deps and not deps & {"aux", "auxpass", "ccomp", "xcomp"}:
            subj = next(c for c in kids if c.dep_ == "nsubj")
            obj = next(c for c in kids if c.dep_ == "dobj")
            if subj.right_edge.i + 1 != root.i or obj.left_edge.i != root.i + 1 or subj.left_edge.i != sent.start:
                return None
            if obj.tag_ == "NN" and not any(
                c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in obj.children
            ):
                return None  # "opened fire" is an idiom, not an object
            subj_t = list(range(subj.left_edge.i, subj.right_edge.i + 1))
            obj_t = list(range(obj.left_edge.i, obj.right_edge.i + 1))
            rest = [t.i for t in sent if t.i > obj.right_edge.i and not t.is_space]
            plural = (
                obj.tag_ in ("NNS", "NNPS")
                or any(c.dep_ == "conj" for c in obj.children)
                or obj.lower_
                in (
                    "they",
                    "them",
                    "we",
                    "us",
                )
            )
            be = "were" if plural else "was"
            units = obj_t + [be, root.i, "by"] + subj_t + rest
            edits = []
            for t in (doc[subj_t[0]], doc[obj_t[0]]):
                alone = (len(subj_t) == 1 and t.i == subj.i) or (len(obj_t) == 1 and t.i == obj.i)
                if alone and t.lower_ in _PRONOUN_CASE:
                    edits.append((t.i, t.i + 1, _PRONOUN_CASE[t.lower_]))
                elif t.i == subj_t[0]:
                    low = _lower_first(t)
                    if low != t.text:
                        edits.append((t.i, t.i + 1, low))
            if any(doc[i].lower_ in ("it", "that", "this", "which", "who") for i in subj_t + obj_t if len(subj_t) == 1):
                return None
            return Claim(di, tuple(units), tuple(edits))
        if root.tag_ == "VBN" and {"nsubjpass", "auxpass", "agent"} <= deps and not deps & {"aux", "ccomp", "xcomp"}:
            subj = next(c for c in kids if c.dep_ == "nsubjpass")
            aux = next(c for c in kids if c.dep_ == "auxpass")
            agent = next(c for c in kids if c.dep_ == "agent")
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is None or aux.lower_ not in ("was", "were") or agent.i != root.i + 1:
                return None
            if subj.left_edge.i != sent.start or subj.right_edge.i + 1 != aux.i or aux.i + 1 != root.i:
                return None
            subj_t = list(range(subj.left_edge.i, subj.right_edge.i + 1))
            agent_t = list(range(pobj.left_edge.i, pobj.right_edge.i + 1))
            rest = [t.i for t in sent if t.i > agent.right_edge.i and not t.is_space]
            units = agent_t + [root.i] + subj_t + rest
            edits = []
            for t, toks in ((subj, subj_t), (pobj, agent_t)):
                if len(toks) == 1 and t.lower_ in _PRONOUN_CASE:
                    edits.append((t.i, t.i + 1, _PRONOUN_CASE[t.lower_]))
                elif t is subj:
                    low = _lower_first(doc[subj_t[0]])
                    if low != doc[subj_t[0]].text:
                        edits.append((subj_t[0], subj_t[0] + 1, low))
            return Claim(di, tuple(units), tuple(edits))
        return None

    def _according(self, di: int, sent: Any) -> Claim | None:
        """ "X said (that) Y." <-> "According to X, Y." """
        doc = sent.doc
        root = sent.root
        kids = list(root.children)
        if root.lemma_ == "say" and root.tag_ in ("VBD", "VBZ"):
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            comp = next((c for c in kids if c.dep_ == "ccomp"), None)
            if subj is None or comp is None or subj.lower_ in _PRONOUNS or subj.left_edge.i != sent.start:
                return None
            if subj.right_edge.i + 1 != root.i or comp.i < root.i or any(c.dep_ == "aux" for c in kids):
                return None
            if any(c.dep_ not in ("nsubj", "ccomp", "punct") for c in kids):
                return None
            start = root.i + 1
            if doc[start].lower_ == "that":
                start += 1
            if (
                doc[start].text in (",", ":", '"')
                or comp.left_edge.i != start
                and doc[comp.left_edge.i].lower_ != "that"
            ):
                return None
            body = [t.i for t in sent if t.i >= start and not t.is_space]
            subj_t = list(range(subj.left_edge.i, subj.right_edge.i + 1))
            units = ["According to", *subj_t, ",", *body]
            edits = []
            low = _lower_first(doc[subj_t[0]])
            if low != doc[subj_t[0]].text:
                edits.append((subj_t[0], subj_t[0] + 1, low))
            return Claim(di, tuple(units), tuple(edits))
        first = doc[sent.start]
        if first.lower_ == "according" and sent.start + 1 < sent.end and doc[sent.start + 1].lower_ == "to":
            prep = first
            last = prep.right_edge.i
            if last + 1 >= sent.end or doc[last + 1].text != ",":
                return None
            source = list(range(sent.start + 2, last + 1))
            if not source or any(doc[i].lower_ in _PRONOUNS for i in source):
                return None
            rest = [t.i for t in sent if t.i > last + 1 and not t.is_space]
            edits = []
            if rest:
                low = _lower_first(doc[rest[0]])
                if low != doc[rest[0]].text:
                    edits.append((rest[0], rest[0] + 1, low))
            verb = "says" if any(t.tag_ in ("VBZ", "VBP") for t in sent if t.dep_ == "ROOT") else "said"
            return Claim(di, tuple(source + [verb] + rest), tuple(edits))
        return None

    # ---------------------------------------------------------------- combining sentences

    def _subject(self, di: int, k: int) -> tuple[str, list[int], list[int], bool] | None:
        """``(entity key, subject tokens, predicate tokens, is_person)`` of a subject-initial sentence."""
        ck = ("subj", di, k)
        if ck in self._cache:
            return self._cache[ck]
        d = self.docs[di]
        sent = d.sents[k]
        doc = sent.doc
        root = sent.root
        out = None
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and root.pos_ in ("VERB", "AUX") and subj.left_edge.i == sent.start and subj.i < root.i:
            pred = [t.i for t in sent if t.i > subj.right_edge.i and not t.is_space]
            while pred and (doc[pred[-1]].is_punct):
                pred.pop()
            ok = (
                pred
                and not doc[pred[0]].is_punct
                and not _quotes(doc[i] for i in pred)
                and ":" not in [doc[i].text for i in pred]
                # the predicate starts at the verb group and nobody else is its subject: a misparse
                # can leave "pace bowler Andy Bichel says ..." right after the subject
                and (pred[0] == root.i or (doc[pred[0]].head.i == root.i and pred[0] < root.i))
                and not any(doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i == root.i for i in pred)
            )
            if ok:
                idx = d.a.mention_at_token[subj.i]
                if idx < 0 and (subj.lower_ in lex.ROLE_HEADS or subj.lemma_.lower() in lex.ROLE_HEADS):
                    # "The service's chief executive officer, Tony Sherbon, says" (but not "His parents,
                    # Donna and Peter Lane, ...": a surname shared with the son is not the same subject)
                    app = next((c for c in subj.children if c.dep_ == "appos"), None)
                    idx = d.a.mention_at_token[app.i] if app is not None else -1
                if idx >= 0 and d.a.mentions[idx].label in ("PERSON", "ORG", "GPE", "NORP"):
                    m = d.a.mentions[idx]
                    toks = list(range(subj.left_edge.i, subj.right_edge.i + 1))
                    out = (f"{m.label}:{m.key}", toks, pred, m.label == "PERSON")
                elif subj.lower_ in ("he", "she") and subj.left_edge.i == subj.right_edge.i:
                    out = ("PRON", [subj.i], pred, True)
                elif subj.pos_ in ("NOUN", "PROPN") and (
                    any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) or subj.tag_ == "NNS"
                ):
                    toks = list(range(subj.left_edge.i, subj.right_edge.i + 1))
                    if len(toks) <= 4:  # "the fire", "the new blaze": the same thing within a few sentences
                        out = (f"NOUN:{subj.lemma_.lower()}", toks, pred, False)
        self._cache[ck] = out
        return out

    def _gender(self, di: int, key: str) -> str | None:
        """ "he" or "she" for a person: from an honorific, else from the pronouns of the sentences naming them."""
        d = self.docs[di]
        votes: Counter[str] = Counter()
        for k, ms in enumerate(d.mentions):
            for m in ms:
                if m.label != "PERSON" or m.key != key:
                    continue
                prev = d.spacy[m.tok_start - 1].lower_.rstrip(".") if m.tok_start else ""
                if prev in ("mr", "sir", "lord"):
                    return "he"
                if prev in ("mrs", "ms", "miss", "lady", "dame"):
                    return "she"
                for j in (k, k + 1):
                    if j < len(d.sents):
                        for t in d.sents[j]:
                            if t.lower_ in ("he", "him", "his"):
                                votes["he"] += 1
                            elif t.lower_ in ("she", "her", "hers"):
                                votes["she"] += 1
        if not votes or (len(votes) == 2 and votes["he"] == votes["she"]):
            return None
        return votes.most_common(1)[0][0]

    def _joinable(self, di: int, k1: int, k2: int) -> bool:
        s1, s2 = self._subject(di, k1), self._subject(di, k2)
        if s1 is None or s2 is None or s1[0] == "PRON":
            return False
        if s2[0] == "PRON":
            if not s1[3] or not k1 < k2 <= k1 + 2:
                return False
            # "he" is the person named in k1 when no other person is named there or in between
            d = self.docs[di]
            key = s1[0].split(":", 1)[1]
            others = {m.key for k in range(k1, k2) for m in d.mentions[k] if m.label == "PERSON"}
            pron = d.spacy[s2[1][0]].lower_
            return others <= {key} and self._gender(di, key) == pron
        return s1[0] == s2[0] and (not s1[0].startswith("NOUN:") or abs(k1 - k2) <= 4)

    def _combine(self, rng: random.Random, di: int, firsts: Sequence[int], seconds: Sequence[int]) -> Claim | None:
        """Two sentences about one subject as one claim: "X, who Y, Z." or "X Y and Z."."""
        firsts, seconds = set(firsts), set(seconds)
        pairs = [(k1, k2) for k1, k2 in self._combinable(di) if k1 in firsts and k2 in seconds]
        if not pairs:
            return None
        k1, k2 = rng.choice(pairs)
        s1, s2 = self._subject(di, k1), self._subject(di, k2)
        assert s1 is not None and s2 is not None
        doc = self.docs[di].spacy
        subj = s1[1]
        pred1, pred2 = s1[2], s2[2]
        if rng.random() < 0.5:
            pred1, pred2 = pred2, pred1
        if rng.random() < 0.6:
            rel = "who" if s1[3] else "which"
            units: list[Unit] = [*subj, ",", rel, *pred1, ",", *pred2, "."]
        else:
            units = [*subj, *pred1, "and", *pred2, "."]
        edits = []
        for p in (pred1, pred2):  # a predicate that started a sentence ("Earlier, ...") is not at the start now
            t = doc[p[0]]
            low = _lower_first(t)
            if low != t.text:
                edits.append((t.i, t.i + 1, low))
        return Claim(di, tuple(units), tuple(edits))

    # ---------------------------------------------------------------- refuted

    def _ops(self, di: int, k: int) -> list[tuple[str, tuple[Edit, ...]]]:
        """Every single error that can be put into sentence ``k``, as token edits."""
        ck = ("ops", di, k)
        if ck in self._cache:
            return self._cache[ck]
        d = self.docs[di]
        a = d.a
        sent = d.sents[k]
        doc = d.spacy
        rng = random.Random(self.seed ^ _stable_hash(f"{d.doc_id}:{k}"))
        out: list[tuple[str, tuple[Edit, ...]]] = []
        ms = d.mentions[k]
        # entities, speakers, weekdays and months
        for m in ms:
            if m.label in ("WEEKDAY", "MONTH"):
                pool = lex.WEEKDAYS if m.label == "WEEKDAY" else lex.MONTHS
                for o in rng.sample([p for p in pool if p != m.text], 2):
                    out.append(("date_change", ((m.tok_start, m.tok_end, o),)))
                continue
            opts = [o for o in _entity_options(a, m, sent.text) if not _same_entity(o, m.text)]
            in_doc = [o for o in opts if o.lower() in d.text.lower()]
            if not in_doc:
                pool = [p for p in self.pools.get(m.label, ()) if p.lower() not in d.text.lower()]
                if m.label == "PERSON" and m.n_name_tokens == 1:
                    pool = [p.split()[-1] for p in pool if len(p.split()) >= 2]
                opts = rng.sample(pool, min(3, len(pool))) if pool else opts[:2]
            else:
                opts = in_doc[:4]
            head = doc[m.tok_end - 1]
            speaker = m.label == "PERSON" and head.dep_ in ("nsubj",) and head.head.lemma_.lower() in lex.SPEECH_VERBS
            for o in opts:
                if _same_entity(o, m.text):
                    continue
                out.append(("attribution_swap" if speaker else "entity_swap", ((m.tok_start, m.tok_end, o),)))
        # numbers and years
        years = {y.start for y in a.years}
        for q, _ in a.quantities:
            if not (sent.start_char <= q.start and q.end <= sent.end_char):
                continue
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            pre, post = d.text[span.start_char : q.start], d.text[q.end : span.end_char]
            kind = "date_change" if q.start in years else "number_change"
            for o in _number_options(q)[:3]:
                out.append((kind, ((span.start, span.end, pre + o + post),)))
        for y in a.years:
            if sent.start_char <= y.start < sent.end_char and not any(q.start == y.start for q, _ in a.quantities):
                span = doc.char_span(y.start, y.end)
                if span is not None:
                    for dv in (-1, 1, 2):
                        out.append(("date_change", ((span.start, span.end, str(y.value + dv)),)))
        for t in sent:
            low = t.lower_
            if low in _RELATIVE_DATES and t.ent_type_ in ("DATE", "TIME", ""):
                for o in _RELATIVE_DATES[low][:1]:
                    out.append(("date_change", ((t.i, t.i + 1, lex.match_case(t.text, o)),)))
            if low == "last" and t.i + 1 < sent.end and doc[t.i + 1].lower_ in ("week", "month", "year", "weekend"):
                out.append(("date_change", ((t.i, t.i + 1, lex.match_case(t.text, "next")),)))
        # negation inserted or removed, antonyms
        for t in sent:
            if t.pos_ not in ("VERB", "AUX") or t.dep_ in ("aux", "auxpass"):
                continue
            neg = next((c for c in t.children if c.dep_ == "neg"), None)
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > t.i for c in t.children):
                continue  # "..., said Treadwell" cannot take "did not"
            if neg is None:
                got = _negate_verb(t)
                if got is not None:
                    s, _, _, wrong = got
                    ti = _tok_at(doc, s)
                    if ti is not None:
                        for form in _negations(t, ti, wrong):
                            out.append(("negation", ((ti, ti + 1, form),)))
                flip = _flip_verb(t) if t.pos_ == "VERB" else None
                if flip:
                    out.append(("antonym", ((t.i, t.i + 1, flip),)))
            else:
                aux = next((c for c in t.children if c.dep_ in ("aux", "auxpass") and c.i == neg.i - 1), None)
                if aux is not None and aux.lemma_ == "do" and neg.i + 1 == t.i:
                    tag = {"did": "VBD", "does": "VBZ", "do": "VBP"}.get(aux.lower_)
                    form = self.forms.get((t.lemma_.lower(), tag or ""))
                    if form:
                        out.append(("negation_removed", ((aux.i, t.i + 1, lex.match_case(aux.text, form)),)))
                elif neg.lower_ in ("not", "n't", "never"):
                    if neg.lower_ == "n't" and neg.i > 0 and doc[neg.i - 1].lower_ in ("ca", "wo", "sha"):
                        continue
                    out.append(("negation_removed", ((neg.i, neg.i + 1, ""),)))
        for t in sent:
            if t.ent_type_ or not t.is_alpha:
                continue
            low = t.lower_
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            flip_word = None
            if low in ("up", "down", "above", "below") and nxt is not None and (nxt.like_num or nxt.tag_ == "$"):
                flip_word = lex.COMPARATIVE_FLIPS[low]
            elif low in ("more", "fewer", "less") and nxt is not None and nxt.lower_ == "than":
                flip_word = "fewer" if low == "more" else "more"
            elif low in ("higher", "lower", "better", "worse", "stronger", "weaker") and t.tag_ in ("JJR", "RBR"):
                flip_word = lex.COMPARATIVE_FLIPS[low]
            elif low in lex.NOUN_FLIPS and t.pos_ == "NOUN":
                flip_word = lex.NOUN_FLIPS[low]
            elif low in _WORD_ANTONYMS and t.pos_ in ("ADJ", "ADV", "ADP", "VERB", "NOUN") and t.dep_ != "compound":
                flip_word = _WORD_ANTONYMS[low]
            if flip_word:
                out.append(("antonym", ((t.i, t.i + 1, lex.match_case(t.text, flip_word)),)))
        # titles
        for r in a.roles:
            if not sent.start_char <= r.start < sent.end_char:
                continue
            span = doc.char_span(r.start, r.end)
            if span is None or (span.start > sent.start and doc[span.start - 1].pos_ == "PROPN"):
                continue  # "Foreign Affairs Minister": the title is more than the role run
            others = sorted({o.text for o in a.roles if o.person != r.person and o.norm != r.norm})
            if not others:
                others = [p for p in lex.ROLE_POOL if p != r.norm]
            for o in rng.sample(others, min(2, len(others))):
                out.append(("role_swap", ((span.start, span.end, _title_like(r.text, o)),)))
        # subject and object exchanged, two entities exchanged
        for t in sent:
            if t.pos_ != "VERB" or t.lemma_.lower() in _SYMMETRIC:
                continue
            kids = list(t.children)
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            obj = next((c for c in kids if c.dep_ == "dobj"), None)
            if subj is None or obj is None:
                subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
                agent = next((c for c in kids if c.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subj is None or obj is None:
                continue
            # who did what to whom: names, or two definite noun phrases ("the council sued the company")
            if subj.pos_ not in ("PROPN", "NOUN") or obj.pos_ not in ("PROPN", "NOUN"):
                continue
            if "PROPN" not in (subj.pos_, obj.pos_) and not all(
                any(c.dep_ in ("det", "poss") for c in x.children) for x in (subj, obj)
            ):
                continue
            s_t = doc[subj.left_edge.i : subj.right_edge.i + 1]
            o_t = doc[obj.left_edge.i : obj.right_edge.i + 1]
            if any(x.lower_ in _PRONOUNS for x in (*s_t, *o_t)) or s_t.end > o_t.start or len(s_t) > 6 or len(o_t) > 6:
                continue
            s_txt, o_txt = _phrase(s_t), _phrase(o_t)
            if _same_entity(s_txt, o_txt):
                continue
            if s_t.start == sent.start:
                s_txt = _lower_first(s_t[0]) + s_txt[len(s_t[0].text) :]
            out.append(("role_reversal", ((s_t.start, s_t.end, o_txt), (o_t.start, o_t.end, s_txt))))
        named = [m for m in ms if m.label not in ("WEEKDAY", "MONTH")]
        for i, m1 in enumerate(named):
            for m2 in named[i + 1 :]:
                if m1.label != m2.label or m1.key == m2.key or _same_entity(m1.text, m2.text):
                    continue
                if _role(doc, m1) == _role(doc, m2) or m1.tok_end >= m2.tok_start:
                    continue
                if _quotes(doc[m1.tok_end : m2.tok_start]) % 2:
                    continue  # one inside a quotation, one outside
                if not all(doc[m.tok_end - 1].pos_ == "PROPN" for m in (m1, m2)):
                    continue
                out.append(
                    ("entity_exchange", ((m1.tok_start, m1.tok_end, m2.text), (m2.tok_start, m2.tok_end, m1.text)))
                )
        self._cache[ck] = out
        return out

    def _corrupt(
        self, rng: random.Random, di: int, lo: int, hi: int, claim: Claim, target: str | None = None
    ) -> tuple[str, str] | None:
        d = self.docs[di]
        used = {u for u in claim.units if isinstance(u, int)}
        ks = sorted({k for k in range(lo, hi) if any(d.sents[k].start <= u < d.sents[k].end for u in used)})
        by_kind: dict[str, list[tuple[Edit, ...]]] = defaultdict(list)
        for k in ks:
            for kind, edits in self._ops(di, k):
                if _fits(claim, edits):
                    by_kind[kind].append(edits)
        if target is not None:
            by_kind = {target: by_kind[target]} if target in by_kind else {}
        if not by_kind:
            return None
        kind_weights = REFUTED_WEIGHTS if target is not None else FALLBACK_REFUTED_WEIGHTS
        base_text = self.render(claim)
        evidence_norm = normalise(" ".join(s.text for s in d.sents[lo:hi]))
        window_text = " ".join(s.text for s in d.sents[lo:hi]).lower()
        kinds = sorted(by_kind)
        for _ in range(4):
            kind = rng.choices(kinds, [kind_weights[k] for k in kinds])[0]
            ops = by_kind[kind]
            # prefer a value the evidence itself mentions: the realistic, hard case
            weights = [3.0 if any(e[2] and e[2].lower() in window_text for e in op) else 1.0 for op in ops]
            op = rng.choices(ops, weights)[0]
            merged = _merge_edits(claim, op)
            if merged is None:
                continue
            text = self.render(merged)
            if not text or normalise(text) == normalise(base_text) or normalise(text) in evidence_norm:
                continue
            if kind in ("entity_swap", "attribution_swap") and text.lower().count(op[0][2].lower()) > 1:
                continue  # "Smith and Smith"
            return text, kind
        return None

    # ---------------------------------------------------------------- not enough info

    def _novel(self, claim: Claim, text: str, lo: int, hi: int, di: int) -> bool:
        """Whether the claim states something the window does not (two content words, or a name/number)."""
        d = self.docs[di]
        window = set().union(*d.lemmas[lo:hi])
        cdoc = self.docs[claim.d].spacy
        words: set[str] = set()
        strong = False
        for u in claim.units:
            if isinstance(u, int):
                t = cdoc[u]
                cw = _content_words([t])
                if cw and not cw & window:
                    words.add(t.lower_)
                    strong = strong or t.pos_ in ("PROPN", "NUM")
        for w in re.findall(
            r"[A-Za-z0-9]+", " ".join([u for u in claim.units if isinstance(u, str)] + [e[2] for e in claim.edits])
        ):
            if w.lower() not in self.stop and w.lower() not in window:
                words.add(w.lower())
                strong = strong or w[0].isupper() or w[0].isdigit()
        return len(words) >= 2 or (strong and len(words) >= 1)

    def _nei(self, rng: random.Random, di: int, lo: int, hi: int, target: str | None) -> tuple[str, str, str] | None:
        if target is None:
            kinds = list(NEI_WEIGHTS)
            first = rng.choices(kinds, [NEI_WEIGHTS[k] for k in kinds])[0]
            order = [first] + [k for k in ("added_modifier", "same_doc", "other_doc") if k != first]
        else:
            order = [target]
        for kind in order:
            got = getattr(self, f"_nei_{kind}")(rng, di, lo, hi)
            if got is not None:
                claim, base = got
                text = self.render(claim)
                if not text:
                    continue
                ev = normalise(" ".join(s.text for s in self.docs[di].sents[lo:hi]))
                if normalise(text) in ev or not self._novel(claim, text, lo, hi, di):
                    continue
                return text, kind, base
        return None

    def _outside(self, rng: random.Random, di: int, lo: int, hi: int) -> int | None:
        """A sentence of the document outside the window, preferably about the same entities."""
        d = self.docs[di]
        keys = set().union(*d.keys[lo:hi])
        window = set().union(*d.lemmas[lo:hi])
        cands, weights = [], []
        for k in range(len(d.sents)):
            if lo <= k < hi or not d.claimable[k]:
                continue
            lem = d.lemmas[k]
            if lem and len(lem & window) / len(lem) >= 0.7:
                continue  # restates the window
            cands.append(k)
            w = 1.0 + 3.0 * bool(d.keys[k] & keys) + 1.0 * (min(abs(k - lo), abs(k - hi + 1)) <= 2)
            weights.append(w * (3.0 if k in self._negated(di) else 1.0))
        if not cands:
            return None
        return rng.choices(cands, weights)[0]

    def _sentence_claim(self, rng: random.Random, di: int, k: int) -> tuple[Claim, str] | None:
        """A claim made from sentence ``k`` in the forms supported claims take (copy only as the last resort)."""
        form = rng.choices(["copy", "compress", "clause", "paraphrase"], [20, 30, 12, 38])[0]
        rest = [f for f in ("paraphrase", "compress", "clause") if f != form]
        rng.shuffle(rest)
        for f in (form, *rest, "copy"):
            got = self._form(rng, di, k, f)
            if got is not None:
                return got
        return None

    def _nei_same_doc(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        k = self._outside(rng, di, lo, hi)
        return None if k is None else self._sentence_claim(rng, di, k)

    def _nei_other_doc(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        d = self.docs[di]
        window = set().union(*d.lemmas[lo:hi])
        names = sorted({m.text.lower() for ms in d.mentions[lo:hi] for m in ms if m.label not in ("WEEKDAY", "MONTH")})
        cands = [(dj, k) for n in names for dj, k in self.by_entity.get(n, ()) if dj != di]
        if not cands:
            others = [dj for dj in range(len(self.docs)) if dj != di]
            if not others:
                return None
            dj = rng.choice(others)
            cands = [(dj, k) for k in range(len(self.docs[dj].sents))]
        rng.shuffle(cands)
        for dj, k in cands[:5]:
            o = self.docs[dj]
            if not o.claimable[k]:
                continue
            lem = o.lemmas[k]
            if lem and len(lem & window) / len(lem) >= 0.7:
                continue
            return self._sentence_claim(rng, dj, k)
        return None

    def _nei_added_clause(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        d = self.docs[di]
        inside = [k for k in range(lo, hi) if d.claimable[k]]
        outside = [k for k in range(len(d.sents)) if not lo <= k < hi and d.claimable[k]]
        window = set().union(*d.lemmas[lo:hi])
        outside = [k for k in outside if not d.lemmas[k] or len(d.lemmas[k] & window) / len(d.lemmas[k]) < 0.7]
        # the evidence's sentence gives the subject, or the outside one does
        firsts, seconds = (inside, outside) if rng.random() < 0.5 else (outside, inside)
        c = self._combine(rng, di, firsts, seconds)
        return (c, "combine") if c is not None else None

    def _nei_added_modifier(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        """A time, place or circumstance from elsewhere appended to a supported claim."""
        d = self.docs[di]
        window = set().union(*d.lemmas[lo:hi])
        window_text = " ".join(s.text for s in d.sents[lo:hi]).lower()
        got = self._base(rng, di, lo, hi)
        if got is None:
            return None
        claim, base = got
        cdoc = self.docs[claim.d].spacy
        toks = [cdoc[u] for u in claim.units if isinstance(u, int)]
        if any(t.dep_ == "neg" or t.lower_ in _NEG_WORDS or t.lower_ in _QUANTIFIERS for t in toks):
            return None  # "did not go" + "to Sydney" would still follow from the evidence
        last = claim.units[-1]
        if not toks or not (last == "." or (last == toks[-1].i and toks[-1].text == ".")):
            return None
        ent_types = {t.ent_type_ for t in toks}
        # the document's own circumstances first (they read naturally); another document's if it has none
        phrases: list[tuple[str, float]] = []
        others = [dj for dj in rng.sample(range(len(self.docs)), min(3, len(self.docs))) if dj != di]
        for group in (
            [(di, k) for k in range(len(d.sents)) if not lo <= k < hi],
            *[[(dj, k) for k in range(len(self.docs[dj].sents))] for dj in others],
        ):
            for dj, k in group:
                for text, types, words in self._modifiers(dj, k):
                    if types & ent_types or text.lower() in window_text or not (words - window):
                        continue
                    # dates at half weight: compressions drop them from supported claims, so many
                    # added ones would make "on Tuesday" a sign of not_enough_info
                    phrases.append((text, 0.5 if types & {"DATE", "TIME"} else 1.0))
            if phrases:
                break
        if not phrases:
            return None
        phrase = rng.choices([p for p, _ in phrases], [w for _, w in phrases])[0]
        units = list(claim.units[:-1]) + [phrase] + [claim.units[-1]]
        return Claim(claim.d, tuple(units), claim.edits), base

    def _modifiers(self, di: int, k: int) -> list[tuple[str, set[str], set[str]]]:
        """Time, place and circumstance PPs of a sentence: ``(text, entity types, content words)``."""
        ck = ("mods", di, k)
        if ck in self._cache:
            return self._cache[ck]
        sent = self.docs[di].sents[k]
        out = []
        for t in sent:
            if t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX"):
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                place_time = pobj.ent_type_ in _PLACE_TIME_ENTS
                if not (t.lower_ in _SAFE_PREPS_ANY or (t.lower_ in _SAFE_PREPS_PLACE_TIME and place_time)):
                    continue
                toks = list(t.subtree)
                if len(toks) > 10 or any(x.text in ('"', ",", "(") for x in toks):
                    continue
                types = {x.ent_type_ for x in toks if x.ent_type_}
                if not types and t.lower_ not in _SAFE_PREPS_ANY:
                    continue
                text = _lower_first(toks[0]) + _phrase(toks)[len(toks[0].text) :]
                out.append((text, types or {"CIRC"}, _content_words(toks)))
            elif t.dep_ == "npadvmod" and t.ent_type_ == "DATE" and t.head.pos_ == "VERB":
                toks = list(t.subtree)
                if len(toks) <= 4:
                    text = _lower_first(toks[0]) + _phrase(toks)[len(toks[0].text) :]
                    out.append((text, {"DATE"}, _content_words(toks)))
        self._cache[ck] = out
        return out

    def _nei_added_role(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        """A person's title stated elsewhere in the document added to the claim."""
        d = self.docs[di]
        window_text = " ".join(s.text for s in d.sents[lo:hi]).lower()
        got = self._base(rng, di, lo, hi)
        if got is None:
            return None
        claim, base = got
        if claim.d != di:
            return None
        doc = d.spacy
        units = list(claim.units)
        positions = {u: n for n, u in enumerate(units) if isinstance(u, int)}
        options = []
        for m in d.a.mentions:
            if m.label != "PERSON" or m.tok_start not in positions:
                continue
            if any(
                positions.get(i, -9) != positions[m.tok_start] + i - m.tok_start for i in range(m.tok_start, m.tok_end)
            ):
                continue
            sent = doc[m.tok_start].sent
            if _quotes(doc[sent.start : m.tok_start]) % 2:
                continue  # inside a quotation
            prev = doc[m.tok_start - 1] if m.tok_start > 0 else None
            titled = prev is not None and (prev.lower_ in lex.ROLE_HEADS or prev.lower_ in lex.ROLE_MODIFIERS)
            if titled:
                continue
            for r in d.a.roles:
                if r.person != m.key or r.text.lower() in window_text:
                    continue
                honorific = prev is not None and prev.lower_ in lex.HONORIFICS
                options.append((m, r.text, honorific))
        if not options:
            return None
        m, role, honorific = rng.choice(options)
        n0 = positions[m.tok_start]
        n1 = positions[m.tok_end - 1] + 1
        if honorific or rng.random() < 0.5:
            app = [",", "the " + role.lower(), ","]
            new = units[:n1] + app + units[n1:]
        else:
            title = " ".join(w[:1].upper() + w[1:] for w in role.split())
            new = units[:n0] + [title] + units[n0:]
        return Claim(claim.d, tuple(new), claim.edits), base


# ---------------------------------------------------------------------- helpers


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _negations(verb: Any, ti: int, wrong: str) -> list[str]:
    """Ways to negate a verb with no auxiliary: "did not win", "never won", "failed to win".

    News is mostly past tense, so "did not" alone would make "did" a sign of a refuted claim.
    """
    out = [wrong]
    m = re.match(r"(?i)(did|does|do) not (\w+)$", wrong)
    if ti == verb.i and m:
        lemma = m.group(2)
        fail = {"did": "failed", "does": "fails", "do": "fail"}[m.group(1).lower()]
        out += [lex.match_case(verb.text, f"never {verb.lower_}"), lex.match_case(verb.text, f"{fail} to {lemma}")]
    return out


def _tok_at(doc: Any, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return None if span is None else span.start


def _same_entity(a: str, b: str) -> bool:
    """Two names of one thing: equal, one inside the other, an alias pair, or an acronym."""
    na, nb = normalise(re.sub(r"^the\s+", "", a, flags=re.I)), normalise(re.sub(r"^the\s+", "", b, flags=re.I))
    if not na or not nb or na in nb or nb in na:
        return True
    if any(na in s and nb in s for s in _ALIASES):
        return True
    for x, y in ((a, b), (b, a)):
        if x.isupper() and len(x) <= 6:
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", y) if w[0].isupper())
            if initials == x.replace(".", ""):
                return True
    return False


def _role(doc: Any, m: _Mention) -> tuple[int, str]:
    """The clause slot a mention fills: (governing verb, dependency on the way), coordination folded."""
    tok = doc[m.tok_end - 1]
    while tok.dep_ in ("compound", "flat", "appos", "poss") and tok.head.i != tok.i:
        tok = tok.head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    dep = tok.dep_
    cur = tok
    while cur.head.i != cur.i and cur.head.pos_ not in ("VERB", "AUX"):
        cur = cur.head
        if cur.dep_ == "prep":
            dep = f"prep:{cur.lower_}"
    return cur.head.i, dep


def _fits(claim: Claim, edits: Sequence[Edit]) -> bool:
    pos = {u: n for n, u in enumerate(claim.units) if isinstance(u, int)}
    taken = [(i, j) for i, j, _ in claim.edits]
    for i, j, _ in edits:
        if i not in pos or any(pos.get(t, -9) != pos[i] + t - i for t in range(i, j)):
            return False
        if any(i < b and a < j for a, b in taken):
            return False
        taken.append((i, j))
    return True


def _merge_edits(claim: Claim, edits: Sequence[Edit]) -> Claim | None:
    if not _fits(claim, edits):
        return None
    return Claim(claim.d, claim.units, tuple(sorted((*claim.edits, *edits))))


def verb_forms(docs: Sequence[_Doc]) -> dict[tuple[str, str], str]:
    """The commonest spelling of each (lemma, tag) seen in the corpus, to inflect verbs."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for d in docs:
        for t in d.spacy:
            if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "VBN") and t.is_alpha:
                counts[(t.lemma_.lower(), t.tag_)][t.lower_] += 1
    return {k: c.most_common(1)[0][0] for k, c in sorted(counts.items())}


# ---------------------------------------------------------------------- the whole run


@dataclass
class PairSet:
    train: list[Pair]
    valid: list[Pair]
    docs: dict[str, list[str]]  # split -> document ids
    sentences: int


def split_documents(docs: Sequence[_Doc], seed: int, valid_fraction: float) -> dict[str, list[int]]:
    """Whole documents to train or valid, per source, by a seeded hash (about ``valid_fraction``)."""
    out: dict[str, list[int]] = {"train": [], "valid": []}
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_source[d.source].append(i)
    for idx in by_source.values():
        ranked = sorted(idx, key=lambda i: _stable_hash(f"{seed}:{docs[i].doc_id}"))
        n_valid = round(len(ranked) * valid_fraction) if valid_fraction > 0 else 0
        if valid_fraction > 0 and len(docs) > 1 and n_valid == 0 and len(ranked) > 1:
            n_valid = 1
        out["valid"].extend(ranked[:n_valid])
        out["train"].extend(ranked[n_valid:])
    out["train"].sort()
    out["valid"].sort()
    return out


def _balance(pairs: list[Pair], seed: int, limit: int | None) -> list[Pair]:
    """Trim the larger labels to within 5% of the smallest, then to ``limit``; keeps the order."""
    by_label: dict[int, list[Pair]] = defaultdict(list)
    for p in pairs:
        by_label[p.label].append(p)
    if len(by_label) < 3:
        return pairs
    cap = int(min(len(v) for v in by_label.values()) * 1.05)
    if limit is not None:
        cap = min(cap, -(-limit // 3))
    keep: set[int] = set()
    for label, items in by_label.items():
        ranked = sorted(
            range(len(items)), key=lambda i: _stable_hash(f"{seed}:{label}:{items[i].doc}:{items[i].claim}:{i}")
        )
        keep.update(id(items[i]) for i in ranked[:cap])
    out = [p for p in pairs if id(p) in keep]
    if limit is not None and len(out) > limit:
        ranked = sorted(range(len(out)), key=lambda i: _stable_hash(f"{seed}:cut:{out[i].claim}:{i}"))
        drop = {id(out[i]) for i in ranked[limit:]}
        out = [p for p in out if id(p) not in drop]
    return out


def make_pairs(
    sources: Sequence[SourceDoc],
    seed: int = 13,
    max_pairs: int = DEFAULT_MAX_PAIRS,
    nlp: Any = None,
    valid_fraction: float = VALID_FRACTION,
) -> PairSet:
    """Parse the documents once and draw about ``max_pairs`` pairs, split by document.

    Example:
        >>> pairs = make_pairs([SourceDoc("a:1", "a", text)], seed=13, max_pairs=30)  # doctest: +SKIP
        >>> {p.label for p in pairs.train} == {0, 1, 2}  # doctest: +SKIP
        True
    """
    nlp = nlp or load_nlp()
    docs = parse_documents(sources, nlp)
    forms = verb_forms(docs)
    splits = split_documents(docs, seed, valid_fraction)
    total_sents = sum(len(d.sents) for d in docs) or 1
    result: dict[str, list[Pair]] = {}
    for split, idx in splits.items():
        sub = [docs[i] for i in idx]
        if not sub:
            result[split] = []
            continue
        gen = PairGenerator(sub, forms, seed)
        pairs: list[Pair] = []
        split_target = max_pairs * sum(len(d.sents) for d in sub) / total_sents
        sents = sum(len(d.sents) for d in sub)
        for di, d in enumerate(sub):
            quota = max(3, round(split_target * len(d.sents) / sents * 1.06))
            pairs.extend(_with_split(p, split) for p in gen.doc_pairs(di, quota))
        result[split] = _balance(pairs, seed, round(split_target))
    return PairSet(
        train=result["train"],
        valid=result["valid"],
        docs={s: [docs[i].doc_id for i in idx] for s, idx in splits.items()},
        sentences=total_sents,
    )


def _with_split(p: Pair, split: str) -> Pair:
    return dataclasses.replace(p, split=split)


# ---------------------------------------------------------------------- outputs


def _write_jsonl(path: Path, pairs: Iterable[Pair]) -> None:
    """Write next to ``path`` and rename, so a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for p in pairs:
            fh.write(json.dumps(p.row(), ensure_ascii=False) + "\n")
    tmp.replace(path)


def _shortcut_checks(train: Sequence[Pair], valid: Sequence[Pair]) -> dict[str, float]:
    """Accuracy on valid of two label guessers that ignore the evidence (chance is ~33%)."""
    if not train or not valid:
        return {}
    # claim length alone: majority label per length bucket
    by_len: dict[int, Counter[int]] = defaultdict(Counter)
    for p in train:
        by_len[min(len(p.claim.split()) // 3, 20)][p.label] += 1
    overall = Counter(p.label for p in train).most_common(1)[0][0]
    hit = sum(
        1
        for p in valid
        if (by_len.get(min(len(p.claim.split()) // 3, 20)) or Counter({overall: 1})).most_common(1)[0][0] == p.label
    )
    # claim words alone: multinomial naive Bayes
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    prior = Counter(p.label for p in train)
    for p in train:
        counts[p.label].update(re.findall(r"[a-z0-9']+", p.claim.lower()))
    vocab = set().union(*counts.values())
    import math

    totals = {c: sum(v.values()) for c, v in counts.items()}
    nb_hit = 0
    for p in valid:
        words = re.findall(r"[a-z0-9']+", p.claim.lower())
        best = max(
            counts,
            key=lambda c: (
                math.log(prior[c]) + sum(math.log((counts[c][w] + 1) / (totals[c] + len(vocab))) for w in words)
            ),
        )
        nb_hit += best == p.label
    return {"length_only": hit / len(valid), "claim_words_only": nb_hit / len(valid)}


def write_card(path: Path, pairs: PairSet, report: dict[str, Any], seed: int, command: str, max_pairs: int) -> None:
    splits = {"train": pairs.train, "valid": pairs.valid}
    lines = [
        "# Verifier training pairs: data card",
        "",
        "Generated by `training/make_pairs.py`; overwritten on every run. Deterministic for a seed.",
        "",
        f"- Command: `{command}`",
        f"- Seed: {seed}; target pairs: {max_pairs}; valid: about {VALID_FRACTION:.0%} of each source's documents",
        "  (split by document, so no sentence of a valid document is in train).",
        "- Labels: supported=0, refuted=1, not_enough_info=2. Rows: `evidence`, `claim`, `label`, `kind`, `doc`.",
        "- Output: `training/data/pairs/{train,valid}.jsonl` (git-ignored; rebuild with the command above).",
        "",
        "## Sources (read in place from /work/shared/data; nothing is copied into the repository)",
        "",
        "| source | licence | documents read | kept |",
        "|---|---|---|---|",
        f"| Lee/ABC news corpus (`lee_abc_news`: `lee_background.cor` + `lee.cor`) | redistributed in the PyPI package "
        f"gensim (LGPL-2.1); the ABC text itself states no licence | {report['read']['lee_abc_news']} | "
        f"{report['kept']['lee_abc_news']} |",
        f"| FRANK validation articles (`frank/frank_benchmark.jsonl`, `split == valid`), CNN/DM | MIT (repo); "
        f"articles (c) CNN / Daily Mail | {report['read']['frank_valid_cnndm']} | "
        f"{report['kept']['frank_valid_cnndm']} |",
        f"| FRANK validation articles, BBC (XSum) | MIT (repo); articles (c) BBC | "
        f"{report['read']['frank_valid_bbc']} | {report['kept']['frank_valid_bbc']} |",
        "",
        f"Duplicates dropped (normalised 200-character prefix): {report['duplicates']}.",
        "",
        "Excluded because the article text also appears in a benchmark we report on (3 or more shared",
        "40-character content-anchored shingles of the normalised text; FRANK test, BUMP, PolyTope, QAGS,",
        "AggreFact CLIFF/Goyal'21, XSum hallucinations):",
        "",
    ]
    lines += [f"- {k}: {v}" for k, v in sorted(report["excluded"].items())] or ["- none"]
    lines += [
        "",
        "Not used: `bbc_news`, `reuters21578` (research-only), `anli`, `averitec`, `faithbench` (non-commercial),",
        "any FEVER / Climate-FEVER data.",
        "",
        f"Sentences kept after cleaning (5-45 words, a verb, no boilerplate or glued captions): {pairs.sentences}.",
        "",
        "## Counts",
        "",
        "| split | documents | supported | refuted | not_enough_info | total |",
        "|---|---|---|---|---|---|",
    ]
    for s, ps in splits.items():
        c = Counter(p.label for p in ps)
        lines.append(f"| {s} | {len(pairs.docs[s])} | {c[0]} | {c[1]} | {c[2]} | {len(ps)} |")
    lines += ["", "### Per kind", "", "| label | kind | train | valid |", "|---|---|---|---|"]
    kinds = sorted({(p.label, p.kind) for ps in splits.values() for p in ps})
    ck = {s: Counter((p.label, p.kind) for p in ps) for s, ps in splits.items()}
    for label, kind in kinds:
        lines.append(f"| {LABEL_NAMES[label]} | {kind} | {ck['train'][(label, kind)]} | {ck['valid'][(label, kind)]} |")
    lines += [
        "",
        "### Form of the claim before the error or addition (refuted and added-fact claims are built on the",
        "same forms as supported ones, so 'verbatim copy' does not give the label away)",
        "",
        "| label | form | train share |",
        "|---|---|---|",
    ]
    for label in (0, 1, 2):
        ps = [p for p in pairs.train if p.label == label]
        c = Counter(p.base for p in ps)
        for base, n in sorted(c.items()):
            lines.append(f"| {LABEL_NAMES[label]} | {base} | {n / max(1, len(ps)):.1%} |")
    lines += [
        "",
        "## Lengths (words; train)",
        "",
        "| label | mean claim | median claim | mean evidence |",
        "|---|---|---|---|",
    ]
    for label in (0, 1, 2):
        ps = [p for p in pairs.train if p.label == label]
        if not ps:
            continue
        cl = [len(p.claim.split()) for p in ps]
        ev = [len(p.evidence.split()) for p in ps]
        mean_cl, median_cl, mean_ev = statistics.mean(cl), statistics.median(cl), statistics.mean(ev)
        lines.append(f"| {LABEL_NAMES[label]} | {mean_cl:.1f} | {median_cl:.0f} | {mean_ev:.1f} |")
    sr = [p for p in pairs.train if p.label in (0, 1)]

    def share(words: int) -> str:
        return f"{sum(p.reach > words for p in sr) / len(sr):.1%}"

    if sr:
        lines += [
            "",
            "Evidence a claim depends on (supported and refuted, train): the claim's last source sentence ends",
            f"after evidence word 80 in {share(80)} of the pairs, after word 120 in {share(120)}, "
            f"after word 200 in {share(200)}.",
            "A model that truncates the evidence sooner (MiniLM at 160 word pieces keeps roughly 90-100 evidence",
            "words next to a 25-word claim) sees those pairs without their support.",
        ]
    checks = _shortcut_checks(pairs.train, pairs.valid)
    if checks:
        lines += [
            "",
            "## Shortcut checks (valid accuracy of guessers that never read the evidence; chance ~33%)",
            "",
            f"- claim length only (majority label per 3-word bucket): {checks['length_only']:.1%}",
            f"- claim words only (multinomial naive Bayes on train): {checks['claim_words_only']:.1%}",
        ]
    claims = Counter(p.claim for p in pairs.train)
    labels_of: dict[str, set[int]] = defaultdict(set)
    for p in pairs.train:
        labels_of[p.claim].add(p.label)
    lines += [
        "",
        "## Diversity (train)",
        "",
        f"- distinct claims: {len(claims)} of {len(pairs.train)}; distinct evidence windows: "
        f"{len({p.evidence for p in pairs.train})}",
        f"- claims that occur with more than one label (against different evidence): "
        f"{sum(1 for v in labels_of.values() if len(v) > 1)}",
        "",
        "## Known label noise",
        "",
        "- not_enough_info claims from the same document are filtered by content-word overlap with the evidence",
        "  (70% or more already in the evidence: dropped), but a sentence that restates the evidence in other words",
        "  can remain; an added time/place can in rare cases contradict rather than extend the evidence.",
        "- Entity swaps use spaCy NER; a mislabelled name (a town tagged PERSON) gives an odd but still refuted claim.",
        "  Aliases (US/United States, acronyms) are not swapped for each other.",
        "- Compressions never drop negations, quantifiers, conditional clauses or argument PPs, but the parser can be",
        "  wrong, so a few supported compressions read badly.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for train.jsonl and valid.jsonl")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-pairs", type=int, default=DEFAULT_MAX_PAIRS, help="about this many pairs in all")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--card", type=Path, default=Path(__file__).with_name("DATA_CARD.md"))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    sources, report = load_sources(args.data)
    print(f"{len(sources)} documents", file=sys.stderr)
    pairs = make_pairs(sources, seed=args.seed, max_pairs=args.max_pairs)
    args.out.mkdir(parents=True, exist_ok=True)
    _write_jsonl(args.out / "train.jsonl", pairs.train)
    _write_jsonl(args.out / "valid.jsonl", pairs.valid)
    shown = [a for a in (argv if argv is not None else sys.argv[1:])]
    command = "python training/make_pairs.py " + " ".join(shown)
    write_card(args.card, pairs, report, args.seed, command, args.max_pairs)
    print(
        f"{len(pairs.train)} train, {len(pairs.valid)} valid pairs in {time.perf_counter() - started:.0f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
