"""Constants and records of the training-pair generator (``training/make_pairs.py``).

The label ids, draw weights and window sizes, the word lists and patterns the claim builders
consult, and the dataclasses every part passes around (source documents, claims, pairs, parsed
documents, the pair set of a whole run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corrigo.synth import _lexicon as lex
from corrigo.synth.corrupt import _Analysis, _Mention

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


@dataclass
class PairSet:
    train: list[Pair]
    valid: list[Pair]
    docs: dict[str, list[str]]  # split -> document ids
    sentences: int
