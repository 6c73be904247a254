"""Run the parser over an Article and expose sentences and entities as spans into its text.

The headline and each body paragraph are parsed separately (a sentence never crosses a
paragraph), and every token offset is mapped back to the article by the block's start.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.nlp import load_nlp
from corrigo.model import Article, Block, BlockKind, Entity, Span

__all__ = ["Analysis", "Analyser", "Sentence", "normalise_name"]

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_ODD_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "FAC", "NORP"}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or the headline) with its parsed tokens. ``offset`` maps token.idx to the article."""

    span: Span
    index: int
    headline: bool
    tokens: Any  # spaCy Span over the block's Doc
    offset: int


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article with its parse: sentences in order, entity mentions with grouping keys."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    salience: dict[str, int]  # entity key -> number of mentions (dateline place counts too)

    def span(self, sentence: Sentence, start_char: int, end_char: int) -> Span:
        """Article span for characters ``[start_char, end_char)`` of the sentence's Doc."""
        return Span.of(self.article.text, sentence.offset + start_char, sentence.offset + end_char)

    def token_span(self, sentence: Sentence, first: Any, last: Any | None = None) -> Span:
        """Article span from token ``first`` to token ``last`` (inclusive)."""
        last = first if last is None else last
        if last.i < first.i:
            first, last = last, first
        return self.span(sentence, first.idx, last.idx + len(last.text))

    def year_mentions(self, year: int | str) -> int:
        """How many times the article writes this year ("1932" in "built in 1932", "since 1932")."""
        return len(re.findall(rf"(?<![\d.,]){year}(?![\d])", self.article.text))

    def entities_in(self, span: Span) -> list[Entity]:
        return [e for e in self.entities if span.contains(e.span)]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity mention that covers ``[start, end)``, if any."""
        for e in self.entities:
            if e.span.start <= start and end <= e.span.end:
                return e
        return None

    @property
    def place_key(self) -> str | None:
        """The key of the story's home place: the dateline's, else the most mentioned place."""
        dl = self.article.dateline
        if dl is not None and dl.place is not None:
            return "place:" + normalise_name(dl.place.text)
        places = [(n, k) for k, n in self.salience.items() if k.startswith("place:")]
        return max(places)[1] if places else None


def normalise_name(text: str) -> str:
    """Lower-case, drop a leading "the", possessive "'s", honorifics and punctuation."""
    s = text.lower().replace("’", "'")
    s = re.sub(r"'s$", "", s)
    words = [w for w in re.findall(r"[\w&]+", s) if w not in _HONORIFICS]
    if words and words[0] == "the":
        words = words[1:]
    # "Oslo-based Polar Ice Consortium" names the consortium; where it is based is a fact about it.
    if "based" in words[:-1]:
        words = words[words.index("based") + 1 :]
    return " ".join(words)


class Analyser:
    """Parse the checked blocks of an Article.

    Example:
        >>> from corrigo.ingest import parse_article
        >>> an = Analyser(); an.warm_up()
        >>> analysis = an.run(parse_article("Bank raises rates\\n\\nThe bank raised rates on Monday."))
        >>> [s.span.text for s in analysis.sentences]
        ['Bank raises rates', 'The bank raised rates on Monday.']
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._nlp: Any = None

    def warm_up(self) -> None:
        if self._nlp is None:
            self._nlp = load_nlp(self.model) if self.model else load_nlp()

    def run(self, article: Article) -> Analysis:
        return self.run_many([article])[0]

    def run_many(self, articles: Sequence[Article]) -> list[Analysis]:
        """Analyse several articles with one ``nlp.pipe`` call over all their blocks.

        spaCy batches the texts it is given, so many short texts (evidence passages) parse about
        1.4 times as fast together as one by one; each article's analysis is what :meth:`run` gives.
        """
        self.warm_up()
        parts = [_blocks(article) for article in articles]
        texts = [
            article.text[s : b.span.end] for article, blocks in zip(articles, parts, strict=True) for b, s in blocks
        ]
        docs = iter(self._nlp.pipe(texts))
        return [
            _analysis(article, [(block, base, next(docs)) for block, base in blocks])
            for article, blocks in zip(articles, parts, strict=True)
        ]


def _blocks(article: Article) -> list[tuple[Block, int]]:
    """The checked blocks, each with where its parsed text starts."""
    blocks = article.checked_blocks
    # The dateline ("HONG KONG - ") is layout, not a sentence: parse the paragraph after it.
    skip = {}
    dl = article.dateline
    if dl is not None and dl.place is not None:
        for b in blocks:
            if b.span.contains(dl.place):
                if dl.line is not None and b.span.contains(dl.line):
                    rest = article.text[dl.line.end : b.span.end]
                    skip[b.span.start] = dl.line.end + len(rest) - len(rest.lstrip()) - b.span.start
                    continue
                m = re.match(r"[^\n]*?(?:-{1,2}|–|—|:)\s+", article.text[dl.place.start : b.span.end])
                if m:
                    skip[b.span.start] = dl.place.start + m.end() - b.span.start
    return [(b, b.span.start + skip.get(b.span.start, 0)) for b in blocks]


def _analysis(article: Article, parsed: list[tuple[Block, int, Any]]) -> Analysis:
    """Sentences and entities from each block's Doc, offsets mapped back to the article."""
    sentences: list[Sentence] = []
    raw_ents: list[tuple[Span, str]] = []
    for block, base, doc in parsed:
        # A subheadline is a claim-bearing line of the header: checked like the headline (its
        # sentences count as the headline's when the headline is compared with the body).
        headline = block.kind in (BlockKind.HEADLINE, BlockKind.SUBHEADLINE)
        sents = [doc[:]] if block.kind is BlockKind.HEADLINE else list(doc.sents)
        for sent in sents:
            text = sent.text
            lead = len(text) - len(text.lstrip())
            trimmed = text.strip()
            if not trimmed:
                continue
            start = base + sent.start_char + lead
            span = Span.of(article.text, start, start + len(trimmed))
            sentences.append(Sentence(span, len(sentences), headline, sent, base))
        for ent in doc.ents:
            s = base + ent.start_char
            raw_ents.append((Span.of(article.text, s, s + len(ent.text)), ent.label_))
    raw_ents = _propagate(article, sentences, raw_ents)
    entities = _group(raw_ents)
    salience = Counter(e.key for e in entities)
    dl = article.dateline
    if dl is not None and dl.place is not None:
        salience["place:" + normalise_name(dl.place.text)] += 1
    return Analysis(article, tuple(sentences), tuple(entities), dict(salience))


def _propagate(article: Article, sentences: list[Sentence], raw: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Label the mentions the tagger missed: a name tagged somewhere in the article (or the
    dateline's place) is the same name everywhere ("Leeds" in a headline the tagger skipped)."""
    names: dict[str, str] = {}
    for span, label in raw:
        if label in ("GPE", "LOC", "ORG", "PERSON") and span.text[:1].isupper() and len(span.text) > 2:
            names.setdefault(span.text, label)
    dl = article.dateline
    if dl is not None and dl.place is not None:
        names.setdefault(dl.place.text.title(), "GPE")
    if not names:
        return raw
    # "Leeds" tagged PRODUCT in a headline and GPE in the body: the name keeps its name label.
    raw = [(sp, names[sp.text]) if sp.text in names and lab in _ODD_LABELS else (sp, lab) for sp, lab in raw]
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    taken = sorted((sp.start, sp.end) for sp, _ in raw)
    added = []
    for sentence in sentences:
        for m in pattern.finditer(sentence.span.text):
            start = sentence.span.start + m.start()
            end = start + len(m.group())
            if any(a < end and start < b for a, b in taken):
                continue
            added.append((Span.of(article.text, start, end), names[m.group()]))
    return sorted(raw + added, key=lambda e: e[0].start)


def _group(raw: list[tuple[Span, str]]) -> list[Entity]:
    """Give mentions of one entity one key: "Amnesty" joins "Amnesty International", "Mr Brown" joins
    "Gordon Brown". A short name joins the longest earlier-or-later full name that contains it."""
    counts: dict[str, Counter[str]] = {"PERSON": Counter(), "ORG": Counter()}
    for span, label in raw:
        if label in counts:
            counts[label][normalise_name(span.text)] += 1

    def best(label: str, name: str, fits) -> str:
        # The most mentioned multi-word name that fits; ties go to the shorter name.
        found = [(n, -len(f), f) for f, n in counts[label].items() if len(f.split()) > 1 and fits(f)]
        if len(name.split()) > 1 or not found:
            found.append((counts[label][name], -len(name), name))
        return max(found)[2]

    surnames = {f.split()[-1] for f in counts["PERSON"] if len(f.split()) > 1}
    entities = []
    for span, label in raw:
        name = normalise_name(span.text)
        words = name.split()
        if label in ("GPE", "ORG", "NORP", "LOC") and name in surnames and span.text[:1].isupper():
            label = "PERSON"  # "Ferrand, who became ..." tagged as a place, after "Lucia Ferrand"
        if label == "PERSON":
            key = "person:" + best("PERSON", name, lambda f, w=words: bool(w) and f.split()[-1] == w[-1])
        elif label == "ORG":
            key = "org:" + best("ORG", name, lambda f, w=words: bool(w) and set(w) <= set(f.split()))
        elif label in ("GPE", "LOC", "FAC"):
            key = "place:" + name
        elif label == "NORP":
            key = "norp:" + name
        else:
            key = label.lower() + ":" + name
        entities.append(Entity(span, label, key))
    return entities
