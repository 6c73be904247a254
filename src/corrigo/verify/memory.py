"""Source mode's retriever: BM25 over the documents the user passes, held in memory.

Documents are split into paragraphs (blank lines), paragraphs into sentences (a regex splitter
that knows common abbreviations), and sentences into overlapping windows: every passage keeps
exact offsets into its document, so ``document.text[p.start:p.end] == p.text``.

Scoring is Okapi BM25 with the non-negative idf of Lucene,
``idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))`` and
``score(q, p) = sum over query terms t of idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen))``,
on lower-cased, lightly stemmed word tokens with stop words removed. A term repeated in the
query counts once per repetition, so a query can weight its entities by repeating them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from corrigo.errors import InputError
from corrigo.evidence import Document, Passage

__all__ = [
    "MemoryRetriever",
    "document_from_text",
    "load_documents",
    "split_passages",
    "split_sentences",
    "stem",
    "terms",
]

_STOP = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "for", "from", "had",
        "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or",
        "our", "s", "she", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "to", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "will",
        "with", "would", "you", "your", "not", "no", "do", "does", "did", "said", "says", "say",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def stem(word: str) -> str:
    """A light suffix stripper: "imposed", "imposes", "imposing" and "impose" all give "impos".

    Handles plurals ("offices", "countries"), -ing and -ed with doubled consonants ("planned",
    "shutting"), then a final silent "e". Short words are left alone.

    >>> stem("imposed"), stem("tried"), stem("shutting")
    ('impos', 'try', 'shut')
    """
    w = word
    if len(w) <= 3:
        return w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        w = w[:-3] + "y"  # "countries", "tried"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]
    return w


def terms(text: str) -> list[str]:
    """Index terms of ``text``: lower-cased word tokens, stop words out, stemmed.

    >>> terms("Beijing imposed the national security law")
    ['beij', 'impos', 'national', 'security', 'law']
    """
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


# Words before a full stop that do not end a sentence: "Mr. Lee", "Jan. 3", "U.S. officials".
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "col", "lt", "sgt",
        "capt", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "fig", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx",
    }
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence offsets ``(start, end)`` inside ``text[start:end]``, whitespace trimmed.

    A line break ends a sentence unless it sits inside one (a lower-case line end followed by a
    lower-case line start, as in hard-wrapped text): a title or a date line is its own sentence.
    """
    end = len(text) if end is None else end
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text, start, end):
        before = text[start : m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        # "U.S." and initials ("J. K. Rowling") are abbreviations, not sentence ends.
        if m.group().startswith(".") and (last in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last)):
            continue
        cuts.append(m.end())
    for m in re.finditer(r"\n", text[start:end]):
        i = start + m.start()
        prev = text[start:i].rstrip(" \t")
        nxt = text[i + 1 : end].lstrip()
        if prev and nxt and not (prev[-1].islower() and nxt[0].islower()):
            cuts.append(i)
    spans = []
    lo = start
    for cut in sorted(set(cuts)) + [end]:
        s, e = lo, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        lo = cut
    return spans


def split_passages(document: Document, window: int = 2, stride: int = 1) -> list[Passage]:
    """Windows of ``window`` sentences (moving by ``stride``) inside each paragraph of ``document``.

    >>> doc = Document("d1", "A rose. B fell.\\n\\nC held.")
    >>> [p.text for p in split_passages(doc)]
    ['A rose. B fell.', 'C held.']
    """
    if window < 1 or stride < 1:
        raise ValueError(f"window and stride must be at least 1, got {window} and {stride}")
    text = document.text
    passages: list[Passage] = []
    for para in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, re.S):
        sentences = split_sentences(text, para.start(), para.end())
        last_start = max(0, len(sentences) - window)
        starts = list(range(0, last_start + 1, stride))
        if starts[-1] != last_start:
            starts.append(last_start)
        for i in starts:
            group = sentences[i : i + window]
            if not group:
                continue
            s, e = group[0][0], group[-1][1]
            passages.append(Passage(document.id, s, e, text[s:e], document.title, document.date))
    return passages


@dataclass(frozen=True, slots=True)
class _Indexed:
    passage: Passage
    tf: Counter[str]
    length: int


class MemoryRetriever:
    """BM25 over user-supplied documents, in memory. Implements :class:`corrigo.evidence.Retriever`.

    Args:
        documents: the reference documents (their ids must be unique).
        window: sentences per passage; ``stride``: sentences between passage starts.
        k1, b: the BM25 parameters.
        title_terms: also index each document's title with every one of its passages.

    Example:
        >>> docs = [Document("law", "Beijing imposed the law in June 2020."),
        ...         Document("cat", "The cat sat on the mat.")]
        >>> [p.doc_id for p in MemoryRetriever(docs).search("who imposed the law", k=1)]
        ['law']
    """

    def __init__(
        self,
        documents: Iterable[Document],
        window: int = 2,
        stride: int = 1,
        k1: float = 1.5,
        b: float = 0.75,
        title_terms: bool = True,
    ) -> None:
        self.k1 = k1
        self.b = b
        self.documents: dict[str, Document] = {}
        for doc in documents:
            if doc.id in self.documents:
                raise InputError(f"two reference documents have the id {doc.id!r}: give each a unique id")
            self.documents[doc.id] = doc
        self._items: list[_Indexed] = []
        for doc in self.documents.values():
            extra = terms(doc.title) if title_terms and doc.title else []
            for p in split_passages(doc, window, stride):
                words = terms(p.text) + extra
                self._items.append(_Indexed(p, Counter(words), len(words)))
        self._df: Counter[str] = Counter()
        for item in self._items:
            self._df.update(item.tf.keys())
        n = len(self._items)
        self._avglen = sum(i.length for i in self._items) / n if n else 0.0
        self._idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in self._df.items()}

    @property
    def passages(self) -> list[Passage]:
        return [i.passage for i in self._items]

    def score(self, query: str, passage_index: int) -> float:
        """BM25 score of one indexed passage for ``query`` (for tests and explanations)."""
        return self._score(Counter(terms(query)), self._items[passage_index])

    def _score(self, query: Counter[str], item: _Indexed) -> float:
        total = 0.0
        norm = self.k1 * (1 - self.b + self.b * item.length / self._avglen) if self._avglen else self.k1
        for term, qtf in query.items():
            tf = item.tf.get(term, 0)
            if tf:
                total += qtf * self._idf[term] * tf * (self.k1 + 1) / (tf + norm)
        return total

    def search(self, query: str, k: int = 10) -> list[Passage]:
        """The ``k`` best passages for ``query``, best first; ties keep document order. Zero scores are dropped."""
        q = Counter(terms(query))
        if not q or k <= 0:
            return []
        scored = []
        for order, item in enumerate(self._items):
            s = self._score(q, item)
            if s > 0:
                scored.append((-s, order, item.passage))
        scored.sort(key=lambda x: (x[0], x[1]))
        return [_with_score(p, -neg) for neg, _, p in scored[:k]]


def _with_score(p: Passage, score: float) -> Passage:
    from dataclasses import replace

    return replace(p, score=score)


def document_from_text(doc_id: str, text: str) -> Document:
    """A Document whose title and date are read from its layout, as an article's are: the first
    line is the title, and a date line ("30 June 2020", "25.10.2021") dates it."""
    from corrigo.ingest import parse_article

    article = parse_article(text)
    title = article.headline.text if article.headline is not None else None
    return Document(doc_id, text, title=title, date=article.date)


def load_documents(paths: Sequence[str | Path]) -> list[Document]:
    """Read reference documents from UTF-8 text files; each id is the file's name.

    Raises:
        InputError: a file is missing or not UTF-8 text.
    """
    docs = []
    for path in paths:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise InputError(f"reference document {str(p)!r} does not exist: check the path", code="not_found") from exc
        except UnicodeDecodeError as exc:
            raise InputError(
                f"reference document {str(p)!r} is not UTF-8 text: convert it first", code="undecodable"
            ) from exc
        docs.append(document_from_text(p.name, text))
    return docs
