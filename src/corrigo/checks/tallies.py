"""Tallies: the shares of one result, and a whole split into parts across sentences.

Two rules, each blaming one figure only when exactly one edit of it mends the arithmetic:

* two shares of one vote ("won by 53.2% to 46.1%", "rejected by 48 percent to 55 percent") cannot
  add up to more than the whole; the share whose complement is a slip of it (a transposed or
  mistyped digit) is the one flagged;
* a share of a counted whole closed by "the remaining" / "the other" rest in the next sentence
  ("convicted on six of the 12 charges ... cleared of four charges, and the other two ...") adds up
  to the whole; when it does not, the part that another "K of N" statement of the same whole
  restates differently is flagged with that statement's value.

    >>> _complement("56.3", 43.9)
    '56.1'
"""

from __future__ import annotations

import re

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.numbers import format_like, parse_number
from corrigo.checks.base import contradiction
from corrigo.model import Finding, FindingKind, Span

__all__ = ["tally_findings"]

_NUM = r"\d+(?:\.\d+)?"
_PCT = r"(?:\s?%|\s+(?:per\s?cent|percent)\b)"
# "by 56.3 percent to 43.9 percent", "53% to 47%", "by 53.1% against 46.9%": two shares of one result.
_TWO_SHARES = re.compile(
    r"(?<![\w.,])(?P<a>" + _NUM + r")(?P<pa>" + _PCT + r")\s+(?:to|against|versus|vs\.?)\s+"
    r"(?P<b>" + _NUM + r")(?P<pb>" + _PCT + r")",
    re.I,
)
# Shares of a change ("from 52% to 49%") or of two quantities ("cut from 40% to 45%") are no result.
_CHANGE_BEFORE = re.compile(r"\b(?:from|between|rose|fell|up|down|raised|lowered|cut|increased|decreased)\s+$", re.I)
# Words that say a figure pair is the result of a vote.
_VOTE_WORDS = frozenset(
    {"vote", "voter", "ballot", "referendum", "poll", "election", "defeat", "reject", "approve", "win", "lose",
     "elect", "margin", "majority", "back", "oppose", "endorse"}
)  # fmt: skip


def tally_findings(analysis: Analysis) -> list[Finding]:
    out: list[Finding] = []
    for sentence in analysis.sentences:
        out.extend(_share_sum_findings(analysis, sentence))
    out.extend(_partition_findings(analysis))
    return out


# --- two shares of one vote -----------------------------------------------------------------


def _places(core: str) -> int:
    return len(core.partition(".")[2])


def _complement(core: str, other: float) -> str:
    """100 less ``other``, written with ``core``'s decimal places."""
    return f"{100.0 - other:.{_places(core)}f}"


def _share_sum_findings(analysis: Analysis, sentence: Sentence) -> list[Finding]:
    from corrigo.analysis.slip_shapes import slip_shape

    text = sentence.span.text
    if not _VOTE_WORDS & {t.lemma_.lower() for t in sentence.tokens}:
        return []
    out: list[Finding] = []
    for m in _TWO_SHARES.finditer(text):
        if _CHANGE_BEFORE.search(text[: m.start()]):
            continue
        a, b = float(m["a"]), float(m["b"])
        # Each share may be rounded by half its last place: only a sum past that is impossible.
        slack = 0.5 * (10.0 ** -_places(m["a"]) + 10.0 ** -_places(m["b"]))
        if a + b <= 100.0 + slack + 1e-9:
            continue
        fixes = []
        for name, other in (("a", b), ("b", a)):
            new = _complement(m[name], other)
            if float(new) > 0 and slip_shape(m[name], new) is not None:
                fixes.append((name, other, new))
        if len(fixes) != 1:
            continue  # no single share reads as a slip: the pair is off, which one is not said
        name, other, new = fixes[0]
        keep = "b" if name == "a" else "a"
        base = sentence.span.start
        wrong = Span.of(analysis.article.text, base + m.start(name), base + m.end(name))
        evidence = Span.of(analysis.article.text, base + m.start(keep), base + m.end("p" + keep))
        out.append(
            contradiction(
                FindingKind.NUMBER,
                wrong,
                sentence,
                [evidence],
                f"Two shares of one result cannot add up to {a + b:g} percent; with {m[keep]} percent on the "
                f"other side this one is at most {new}.",
                new,
                0.7,
            )
        )
    return out


# --- a whole split into parts across sentences ----------------------------------------------

_WORD = r"[A-Za-z]+(?:-[a-z]+)?"
_COUNT = r"(?:\d[\d,]*|" + _WORD + r")"
# "six of the 12 charges", "four out of the 11 counts": the share, the whole and what it counts.
_SHARE_OF = re.compile(
    r"(?<![\w-])(?P<k>" + _COUNT + r")\s+(?:out\s+)?of\s+(?:the|its|their|his|her)\s+(?P<n>" + _COUNT + r")\s+"
    r"(?P<noun>[a-z]+)",
)
# "the remaining two", "the other three": the rest that closes the split.
_REST = re.compile(r"\b(?:the\s+(?:other|remaining)|another)\s+(?P<r>" + _COUNT + r")\b(?:\s+(?P<noun>[a-z]+))?", re.I)
# "Three convictions out of nine charges": another statement of a share of the same whole.
_RESTATED_SHARE = re.compile(
    r"(?<![\w-])(?P<k>"
    + _COUNT
    + r")\s+(?:[a-z]+\s+)?(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?P<n>"
    + _COUNT
    + r")\b"
)


def _count(word: str) -> float | None:
    v = parse_number(word.replace(",", ""))
    return v if v is not None and v > 0 and float(v).is_integer() and v < 10_000 else None


def _stem(noun: str) -> str:
    return noun.lower().rstrip("s")


def _partition_findings(analysis: Analysis) -> list[Finding]:
    out: list[Finding] = []
    sentences = analysis.sentences
    for i, s in enumerate(sentences[:-1]):
        for m in _SHARE_OF.finditer(s.span.text):
            k, n = _count(m["k"]), _count(m["n"])
            if k is None or n is None or k >= n:
                continue
            f = _judge_partition(analysis, s, sentences[i + 1], m, k, n)
            if f is not None:
                out.append(f)
    return out


def _judge_partition(
    analysis: Analysis, s: Sentence, nxt: Sentence, m: re.Match[str], k: float, n: float
) -> Finding | None:
    """``m`` is "K of the N nouns" in ``s``; ``nxt`` must close the split with "the remaining R",
    after parts that count the same noun ("cleared of four charges")."""
    noun = _stem(m["noun"])
    text = nxt.span.text
    rests = list(_REST.finditer(text))
    if len(rests) != 1 or (r := _count(rests[0]["r"])) is None:
        return None
    rest_noun = (rests[0]["noun"] or "").lower()
    if rest_noun.endswith("s") and rest_noun not in ("was", "has", "is") and _stem(rest_noun) != noun:
        return None  # "the remaining three judges": another whole's rest
    parts = []
    for p in re.finditer(r"(?<![\w-])(?P<v>" + _COUNT + r")\s+(?P<noun>[a-z]+)", text[: rests[0].start()]):
        if _stem(p["noun"]) == noun and (v := _count(p["v"])) is not None:
            parts.append(v)
    if not parts or k + sum(parts) + r == n:
        return None
    # The one edit that a restatement of a share of the same whole bears out: K as N less the rest.
    fixed = n - sum(parts) - r
    if fixed <= 0 or fixed == k:
        return None
    quotes = [
        Span.of(analysis.article.text, o.span.start + b.start(), o.span.start + b.end())
        for o in analysis.sentences
        if o.index not in (s.index, nxt.index)
        for b in _RESTATED_SHARE.finditer(o.span.text)
        if _count(b["n"]) == n and _count(b["k"]) == fixed
    ]
    if not quotes:
        return None  # nothing says which figure of the split is off
    base = s.span.start
    wrong = Span.of(analysis.article.text, base + m.start("k"), base + m.end("k"))
    rest_span = Span.of(analysis.article.text, nxt.span.start + rests[0].start(), nxt.span.start + rests[0].end())
    given = " and ".join(_fmt(v) for v in parts)
    return contradiction(
        FindingKind.NUMBER,
        wrong,
        s,
        [rest_span, *quotes],
        f"{_fmt(n)} less {given} and the remaining {_fmt(r)} leaves {_fmt(fixed)}, not {m['k']}; the article "
        f"also gives {_fmt(fixed)} of {_fmt(n)}.",
        format_like(m["k"], fixed),
        0.75,
    )


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"
