"""Load the labelled contradiction corpus in ``tests/corpus/``.

Each ``NN-slug.txt`` file is one article with inline markers ``{{wrong|right|kind}}``.
The clean article replaces every marker by ``right``; the corrupted article replaces
every marker by ``wrong``. Labels carry offsets into the corrupted text.
See ``tests/corpus/README.md`` for the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "corpus"

KINDS = (
    "headline_vs_body",
    "slot_conflict",
    "date_arithmetic",
    "number_arithmetic",
    "attribution",
    "negation",
)

_MARKER = re.compile(r"\{\{([^{}|]+)\|([^{}|]+)\|([^{}|]+)\}\}")


@dataclass(frozen=True)
class Label:
    """One injected error: ``corrupted[start:end] == wrong``; the fix is ``right``."""

    kind: str
    start: int
    end: int
    wrong: str
    right: str


@dataclass(frozen=True)
class CorpusArticle:
    name: str
    clean: str
    corrupted: str
    labels: tuple[Label, ...]


def parse_marked(text: str, name: str = "<text>") -> tuple[str, str, tuple[Label, ...]]:
    """Split marked-up text into (clean, corrupted, labels)."""
    clean: list[str] = []
    corrupted: list[str] = []
    labels: list[Label] = []
    clean_len = corrupted_len = 0
    pos = 0
    for m in _MARKER.finditer(text):
        plain = text[pos : m.start()]
        _check_plain(plain, name)
        clean.append(plain)
        corrupted.append(plain)
        clean_len += len(plain)
        corrupted_len += len(plain)
        wrong, right, kind = m.group(1), m.group(2), m.group(3)
        if kind not in KINDS:
            raise ValueError(f"{name}: unknown kind {kind!r} in {m.group(0)!r}")
        if wrong == right:
            raise ValueError(f"{name}: wrong and right are the same in {m.group(0)!r}")
        if wrong != wrong.strip() or right != right.strip():
            raise ValueError(f"{name}: stray spaces inside {m.group(0)!r}")
        labels.append(Label(kind, corrupted_len, corrupted_len + len(wrong), wrong, right))
        clean.append(right)
        corrupted.append(wrong)
        clean_len += len(right)
        corrupted_len += len(wrong)
        pos = m.end()
    tail = text[pos:]
    _check_plain(tail, name)
    clean.append(tail)
    corrupted.append(tail)
    clean_text = "".join(clean)
    corrupted_text = "".join(corrupted)
    for label in labels:
        assert corrupted_text[label.start : label.end] == label.wrong, (name, label)
    return clean_text, corrupted_text, tuple(labels)


def _check_plain(chunk: str, name: str) -> None:
    for bad in ("{{", "}}", "|"):
        if bad in chunk:
            raise ValueError(f"{name}: malformed or nested marker near {chunk[-60:]!r}")


def load_corpus(folder: Path | None = None) -> list[CorpusArticle]:
    """Every ``*.txt`` article in ``folder`` (default: ``tests/corpus``), sorted by file name."""
    folder = CORPUS_DIR if folder is None else Path(folder)
    articles = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        clean, corrupted, labels = parse_marked(text, path.name)
        articles.append(CorpusArticle(path.stem, clean, corrupted, labels))
    return articles


# --- sentence bounds, for checking that a finding stays inside one sentence ---------------

_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov",
        "sen", "rep", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip
_OPEN_QUOTES = "\u201c"
_CLOSE_QUOTES = "\u201d"


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The ``[start, end)`` of the sentence around ``text[start:end]``.

    A deliberately generous splitter: never crosses a line break, never splits inside a
    double-quoted passage, and splits only after ``.``, ``!`` or ``?`` followed by a space
    and a capital letter, digit or opening quote (not after common abbreviations or an
    initial). A finding that fits inside these bounds is "not wider than the sentence".
    """
    end = start if end is None else end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    line = text[line_start:line_end]
    cuts = [0]
    in_quote = False
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == '"':
            in_quote = not in_quote
        elif ch in _OPEN_QUOTES:
            in_quote = True
        elif ch in _CLOSE_QUOTES:
            in_quote = False
        elif ch in ".!?" and not in_quote:
            j = i + 1
            if j < len(line) and line[j] in "'\u2019)":
                j += 1
            if _is_boundary(line, i, j):
                cuts.append(j)
        i += 1
    cuts.append(len(line))
    rel_start, rel_end = start - line_start, end - line_start
    a, b = cuts[-2], cuts[-1]
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        if lo <= rel_start < hi:
            a, b = lo, hi
            break
    if rel_end > b:  # a span that crosses a cut: give it the rest of the line
        b = len(line)
    while a < b and line[a] == " ":  # the space left after the previous sentence
        a += 1
    return line_start + a, line_start + b


def _is_boundary(line: str, dot: int, after: int) -> bool:
    if after >= len(line) or line[after] != " ":
        return False
    k = after
    while k < len(line) and line[k] == " ":
        k += 1
    if k >= len(line):
        return False
    nxt = line[k]
    if not (nxt.isupper() or nxt.isdigit() or nxt in '"' + _OPEN_QUOTES):
        return False
    if line[dot] == ".":
        word = re.search(r"([A-Za-z]+)$", line[:dot])
        if word is not None:
            w = word.group(1)
            if w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper()):
                return False
    return True
