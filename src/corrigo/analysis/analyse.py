"""Run the parser over an Article and expose sentences and entities as spans into its text.

The headline and each body paragraph are parsed separately (a sentence never crosses a
paragraph), and every token offset is mapped back to the article by the block's start.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
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
    # Entity positions in start order, for lookups that stay cheap on long texts.
    _order: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _longest: int = field(init=False, repr=False, compare=False)
    _sentence_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        order = sorted(range(len(self.entities)), key=lambda i: self.entities[i].span.start)
        object.__setattr__(self, "_order", tuple(order))
        object.__setattr__(self, "_starts", tuple(self.entities[i].span.start for i in order))
        object.__setattr__(self, "_longest", max((len(e.span.text) for e in self.entities), default=0))
        object.__setattr__(self, "_sentence_starts", tuple(s.span.start for s in self.sentences))

    def sentences_in(self, start: int, end: int) -> tuple[Sentence, ...]:
        """The sentences that start in ``[start, end)`` (a paragraph's), in order."""
        lo, hi = bisect.bisect_left(self._sentence_starts, start), bisect.bisect_left(self._sentence_starts, end)
        return self.sentences[lo:hi]

    def sentence_at(self, start: int, end: int | None = None) -> Sentence | None:
        """The sentence that holds ``[start, end)`` (``end`` defaults to ``start + 1``), if one does."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._sentence_starts, start) - 1
        if i < 0:
            return None
        sentence = self.sentences[i]
        return sentence if sentence.span.start <= start and end <= sentence.span.end else None

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
        """The entity mentions inside ``span``, in the order of :attr:`entities`."""
        lo, hi = bisect.bisect_left(self._starts, span.start), bisect.bisect_right(self._starts, span.end)
        found = sorted(i for i in self._order[lo:hi] if span.contains(self.entities[i].span))
        return [self.entities[i] for i in found]

    def entities_starting(self, start: int, end: int) -> list[Entity]:
        """The entity mentions that start in ``[start, end)``, in the order of :attr:`entities`."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [self.entities[i] for i in sorted(self._order[lo:hi])]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity mention that covers ``[start, end)``, if any (the first in :attr:`entities`)."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_right(self._starts, start)
        found = [i for i in self._order[lo:hi] if end <= self.entities[i].span.end]
        return self.entities[min(found)] if found else None

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
    raw_ents = _propagate(article, sentences, raw_ents + _untagged_people(article, sentences, raw_ents))
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
    # Names indexed by their first word, longest first, so each word of the text is looked up
    # once: the work grows with the text, not with text × names (a long text has many names).
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        first = re.match(r"\w+", name)
        if first is not None:
            by_first.setdefault(first.group(), []).append(name)
    taken = sorted((sp.start, sp.end) for sp, _ in raw)
    starts = [a for a, _ in taken]
    longest = 0  # the longest span so far in start order, for the overlap test below
    reach = []
    for _, b in taken:
        longest = max(longest, b)
        reach.append(longest)
    added = []
    for sentence in sentences:
        text = sentence.span.text
        after = 0  # a match is not searched again inside itself ("Kong" in "Hong Kong")
        for word in _WORD_START.finditer(text):
            if word.start() < after:
                continue
            for name in by_first.get(word.group(), ()):
                end_in = word.start() + len(name)
                if text.startswith(name, word.start()) and (end_in == len(text) or not _is_word(text[end_in])):
                    start = sentence.span.start + word.start()
                    end = start + len(name)
                    if not _overlaps(starts, reach, start, end):
                        added.append((Span.of(article.text, start, end), names[name]))
                    after = end_in
                    break
    return sorted(raw + added, key=lambda e: e[0].start)


_WORD_START = re.compile(r"(?<!\w)\w+")

# Words that open a person's description set beside their name: "Jane Doe, a nurse who ...".
_DESCRIPTION_OPENERS = frozenset({"a", "an", "the"})


def _untagged_people(
    article: Article, sentences: list[Sentence], raw: list[tuple[Span, str]]
) -> list[tuple[Span, str]]:
    """People the tagger left unlabelled where copy introduces them: two or three capitalised names
    set off by a comma with an age ("Jane Doe, 45, ...") or a description that goes on with "who"
    ("Jane Doe, a season-ticket holder who has ..."): only a person is described so."""
    taken = [(sp.start, sp.end) for sp, _ in raw]
    out: list[tuple[Span, str]] = []
    for sentence in sentences:
        toks = list(sentence.tokens)
        i = 0
        while i < len(toks):
            j = i
            while j < len(toks) and _name_part(toks, j):
                j += 1
            if j == i:
                i += 1
                continue
            run, i = toks[i:j], j
            words = [t for t in run if t.text != "-"]
            if not 2 <= len(words) <= 3 or run[-1].text == "-" or j + 2 >= len(toks) or toks[j].text != ",":
                continue
            if (i - len(run)) > 0 and toks[i - len(run) - 1].pos_ == "PROPN":
                continue
            if not (_age_after(toks, j) or _described_with_who(toks, j)):
                continue
            start = sentence.offset + run[0].idx
            end = sentence.offset + run[-1].idx + len(run[-1].text)
            if any(a < end and start < b for a, b in taken):
                continue
            out.append((Span.of(article.text, start, end), "PERSON"))
    return out


def _name_part(toks: list, j: int) -> bool:
    """An untagged capitalised name, or the hyphen inside one ("DeSouza-Pratt")."""
    t = toks[j]
    if t.ent_type_:
        return False
    if t.text == "-":
        return j > 0 and not toks[j - 1].whitespace_ and j + 1 < len(toks) and toks[j + 1].text[:1].isupper()
    return t.pos_ == "PROPN" and t.text[:1].isupper()


def _age_after(toks: list, comma: int) -> bool:
    """ "Name, 45," """
    return (
        comma + 2 < len(toks)
        and toks[comma + 1].like_num
        and toks[comma + 1].text.isdigit()
        and 1 <= int(toks[comma + 1].text) <= 110
        and toks[comma + 2].text == ","
    )


def _described_with_who(toks: list, comma: int) -> bool:
    """ "Name, a ... holder from X who ..." or "Name, a ... holder, who ...": the description
    goes on with a clause about a person, before the sentence goes on."""
    if toks[comma + 1].lower_ not in _DESCRIPTION_OPENERS:
        return False
    for t in toks[comma + 2 : comma + 14]:
        if t.lower_ == "who":
            return True
        if t.text in (";", ":", "(", ")") or t.pos_ == "VERB" and t.dep_ == "ROOT":
            return False
    return False


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _overlaps(starts: list[int], reach: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a span of ``starts`` (sorted) whose running end is ``reach``."""
    i = bisect.bisect_left(starts, end)  # spans starting before ``end``
    return i > 0 and reach[i - 1] > start


def _group(raw: list[tuple[Span, str]]) -> list[Entity]:
    """Give mentions of one entity one key: "Amnesty" joins "Amnesty International", "Mr Brown" joins
    "Gordon Brown". A short name joins the longest earlier-or-later full name that contains it."""
    counts: dict[str, Counter[str]] = {"PERSON": Counter(), "ORG": Counter()}
    for span, label in raw:
        if label in counts:
            counts[label][normalise_name(span.text)] += 1

    # Multi-word names by the word a short name must share with them (a person's surname; any word
    # of an organisation's name), so each lookup reads a few candidates, not every name in a long text.
    by_word: dict[str, dict[str, list[str]]] = {"PERSON": {}, "ORG": {}}
    for label, names in counts.items():
        for f in names:
            parts = f.split()
            if len(parts) > 1:
                for w in [parts[-1]] if label == "PERSON" else set(parts):
                    by_word[label].setdefault(w, []).append(f)
    chosen: dict[tuple[str, str], str] = {}

    def best(label: str, name: str) -> str:
        # The most mentioned multi-word name that fits; ties go to the shorter name.
        if (label, name) in chosen:
            return chosen[(label, name)]
        w = name.split()
        candidates = by_word[label].get(w[-1] if label == "PERSON" else w[0], []) if w else []
        if label == "PERSON":
            found = [(counts[label][f], -len(f), f) for f in candidates]
        else:
            found = [(counts[label][f], -len(f), f) for f in candidates if set(w) <= set(f.split())]
        if len(w) > 1 or not found:
            found.append((counts[label][name], -len(name), name))
        chosen[(label, name)] = max(found)[2]
        return chosen[(label, name)]

    surnames = {f.split()[-1] for f in counts["PERSON"] if len(f.split()) > 1}
    entities = []
    for span, label in raw:
        name = normalise_name(span.text)
        if label in ("GPE", "ORG", "NORP", "LOC") and name in surnames and span.text[:1].isupper():
            label = "PERSON"  # "Ferrand, who became ..." tagged as a place, after "Lucia Ferrand"
        if label == "PERSON":
            key = "person:" + best("PERSON", name)
        elif label == "ORG":
            key = "org:" + best("ORG", name)
        elif label in ("GPE", "LOC", "FAC"):
            key = "place:" + name
        elif label == "NORP":
            key = "norp:" + name
        else:
            key = label.lower() + ":" + name
        entities.append(Entity(span, label, key))
    return entities
