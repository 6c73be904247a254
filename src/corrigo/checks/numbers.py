"""Number arithmetic: parts vs totals, ordinals vs lists, counts vs enumerations, percentages.

Each rule reads one statement shape and redoes its arithmetic:

* parts vs a total: "12 people were hurt: five in X and four in Y"; "played 36 matches, winning
  21, drawing 8 and losing 5"; "won 2, drawn 3 and lost 9 of its 15 matches"; "killed 16
  people ... Nine of the dead ... The other five"; "including A and B" (the parts may not
  exceed the total);
* an ordinal vs the list it follows: "the fourth country to sign, after Kenya and Ghana";
* a count vs the names it announces: "three countries — France, Germany, Spain and Italy";
* a share: "30 of 120 members, or 40%"; "12,000 hectares, or 35 percent of the park's 48,000";
* a change: "rose from 200 to 250, a 40% increase"; "rose 2% to $11.1bn from $10.9bn".

Figures are compared as intervals: rounding ("4.2bn"), hedges ("more than 60", "about 30") and
rounded percentages (±1 point, ±0.1 for one decimal place) never make a contradiction.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.numbers import NUMBER_WORDS, format_like, format_ordinal_like, ordinal_value, parse_quantity
from corrigo.checks.base import contradiction
from corrigo.checks.tallies import tally_findings
from corrigo.model import Finding, FindingKind, Span

__all__ = ["NumberCheck"]

_WORDS = NUMBER_WORDS
_WORD_NUM = r"(?:" + "|".join(_WORDS) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
_HEDGES = (
    "more than", "just over", "over", "nearly", "almost", "about", "around", "some", "roughly", "close to",
    "just under", "at least", "less than", "fewer than", "under", "up to", "approximately", "an estimated",
    "upwards of",
)  # fmt: skip
_SYMMETRIC = frozenset({"about", "around", "some", "roughly", "approximately", "an estimated"})
_NUMBER = re.compile(
    r"(?<![\w.,:$£€¥/-])"
    r"(?:(?P<hedge>" + "|".join(_HEDGES) + r")\s+)?"
    r"(?P<cur>[$£€¥])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + _WORD_NUM + r")"
    r"(?P<scale>(?:bn|mn|m|k|tn)\b|\s+(?:billion|million|thousand|trillion)\b)?"
    r"(?P<pct>%|\s+(?:per\s?cent|percent)\b)?"
    r"(?![\w-]|[.,:]\d)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Num:
    """A figure in a sentence: ``core`` is what a fix replaces (the digits or words, and an attached
    "%"); ``literal`` the bare number; ``start``/``end`` the whole mention, sentence-relative."""

    core: Span
    whole: Span  # the figure as written, currency, scale and percent sign included ("$4.2bn")
    literal: str
    value: float
    low: float
    high: float
    unit: str | None
    scaled: bool
    hedge: str
    start: int
    end: int
    sentence: Sentence

    @property
    def operand(self) -> tuple[float, float]:
        """The range to compute with: a symmetric hedge ("about 12,000") says the writer rounded,
        so only the rounding of the written figure counts; "more than 60" keeps its open end."""
        if self.hedge in _SYMMETRIC:
            q = parse_quantity(self.literal)
            if q is not None:
                scale = self.value / q.value if q.value else 1.0
                return q.low * scale, q.high * scale
        return self.low, self.high

    @property
    def is_year(self) -> bool:
        return self.unit is None and not self.scaled and re.fullmatch(r"(?:1[89]|20)\d\d", self.literal) is not None

    @property
    def is_word(self) -> bool:
        return not self.literal[:1].isdigit()

    @property
    def exact(self) -> bool:
        return not self.hedge


class NumberCheck:
    """Flags figures that the article's own arithmetic contradicts.

    Example:
        >>> import corrigo
        >>> text = "Storm hits\\n\\n12 people were hurt: five in Leeds and four in York."
        >>> [(f.span.text, f.suggestion) for f in corrigo.check(text, checks=("numbers",)).findings]
        [('12', '9')]
    """

    name = "numbers"

    def run(self, analysis: Analysis) -> list[Finding]:
        numbers = {s.index: _numbers_in(analysis, s) for s in analysis.sentences}
        findings: list[Finding] = []
        for sentence in analysis.sentences:
            nums = numbers[sentence.index]
            findings.extend(_share_findings(analysis, sentence, nums))
            findings.extend(_change_findings(analysis, sentence, nums))
            findings.extend(_total_findings(analysis, sentence, nums, numbers))
            findings.extend(_ordinal_findings(analysis, sentence))
            findings.extend(_count_findings(analysis, sentence))
        findings.extend(_remainder_findings(analysis, numbers))
        findings.extend(tally_findings(analysis))
        return findings


# --- reading figures -------------------------------------------------------------------------


def _numbers_in(analysis: Analysis, sentence: Sentence) -> list[_Num]:
    """Every figure in the sentence, in order: "36", "more than 60", "$4.2bn", "25 percent", "Nine"."""
    text = sentence.span.text
    base = sentence.span.start
    out: list[_Num] = []
    for m in _NUMBER.finditer(text):
        if m["num"].lower() == "one" and not m["hedge"] and re.match(r"\s+of\b", text[m.end() :]):
            continue  # "one of the ..." is not a figure
        if m["num"][0].isupper() and m.start("num") > 0 and not m["hedge"]:
            continue  # "the Six Nations", "the Big Four": a name, not a figure
        written = " ".join(p for p in (m["hedge"], (m["cur"] or "") + m["num"] + (m["scale"] or ""), m["pct"]) if p)
        q = parse_quantity(written.replace(" %", "%"))
        if q is None:
            continue
        core_end = m.end("num") + (len(m["pct"]) if m["pct"] == "%" and not m["scale"] else 0)
        core = Span.of(analysis.article.text, base + m.start("num"), base + core_end)
        whole_start = m.start("cur") if m["cur"] else m.start("num")
        whole = Span.of(analysis.article.text, base + whole_start, base + m.end())
        out.append(
            _Num(
                core=core,
                whole=whole,
                literal=m["num"],
                value=q.value,
                low=q.low,
                high=q.high,
                unit=q.unit,
                scaled=bool(m["scale"]),
                hedge=(m["hedge"] or "").lower(),
                start=m.start(),
                end=m.end(),
                sentence=sentence,
            )
        )
    return out


def _pct_tolerance(p: _Num) -> float:
    """How far a stated percentage may sit from the exact figure: ±1 point for a whole number,
    ±0.1 for one decimal place (a hedge such as "about 30%" widens it further, see ``_pct_range``)."""
    places = len(p.literal.split(".")[1]) if "." in p.literal else 0
    return 1.0 if places == 0 else 10.0 ** (-places)


def _pct_range(p: _Num) -> tuple[float, float]:
    tol = _pct_tolerance(p)
    return p.low - tol, p.high + tol


def _round_like(p: _Num, value: float) -> str:
    """``value`` written like the percentage ``p``: "40%" -> "25%", "5.2" -> "6.5"."""
    places = len(p.literal.split(".")[1]) if "." in p.literal else 0
    return format_like(p.literal, round(value, places)) + ("%" if p.core.text.endswith("%") else "")


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _pct_text(value: float) -> str:
    return f"{value:.1f}%".replace(".0%", "%")


def _between(text: str, a: _Num, b: _Num) -> str:
    return text[a.end : b.start]


# --- shares: "30 of 120 members, or 40%" -----------------------------------------------------

_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+)?(?:[A-Za-z]+['’]s\s+)?")
_OR = re.compile(r"(?:\s+[A-Za-z'’-]+){0,6}\s*(?:,\s*or|\(|,\s*(?:which is|that is|i\.e\.))\s*")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Za-z'’-]+\s+){0,3}")


def _share_findings(analysis: Analysis, sentence: Sentence, nums: list[_Num]) -> list[Finding]:
    """ "30 of 120 members, or 40%", "240 of the 600 ice cores, or 25 percent of the total",
    "30 out of 120 (40%)", "12,000 hectares, or roughly 35 percent of the park's 48,000 hectares"."""
    text = sentence.span.text
    out: list[Finding] = []
    for i, x in enumerate(nums):
        trio = None
        rest = nums[i + 1 :]
        if len(rest) >= 2:
            y, p = rest[0], rest[1]
            if _OF.fullmatch(_between(text, x, y)) and _OR.fullmatch(_between(text, y, p)) and p.unit == "%":
                trio = (x, y, p)
            elif (
                y.unit == "%" and _OR.fullmatch(_between(text, x, y)) and _OF_THE.fullmatch(_between(text, y, rest[1]))
            ):
                trio = (x, rest[1], y)
        if trio is None:
            continue
        x, y, p = trio
        if x.unit == "%" or y.unit == "%" or x.is_year or y.is_year or x.unit != y.unit or y.value <= 0:
            continue
        if x.value > y.value:
            continue
        (x_low, x_high), (y_low, y_high) = x.operand, y.operand
        x_high = min(x_high, y_high)
        share_lo, share_hi = x_low / y_high * 100, x_high / max(y_low, 1e-9) * 100
        p_lo, p_hi = _pct_range(p)
        if share_hi >= p_lo and share_lo <= p_hi:
            continue
        share = x.value / y.value * 100
        suggestion = _round_like(p, share)
        if suggestion == p.core.text:
            continue
        out.append(
            contradiction(
                FindingKind.NUMBER,
                p.core,
                sentence,
                [x.whole, y.whole],
                f"{x.whole.text} of {y.whole.text} is {_pct_text(share)}, not {p.whole.text}.",
                suggestion,
                0.85 if p.exact else 0.75,
            )
        )
    return out


# --- changes: "rose from 200 to 250, a 40% increase" -----------------------------------------

_BASE_BEFORE = re.compile(r"\b(?:from|against|compared\s+with|compared\s+to|versus)\s+$")
_NEW_BEFORE = re.compile(r"\bto\s+$")
# "from 36,185 in 2003 to 28,041": the old figure, then at most a few words, then "to".
_FROM_TO = re.compile(r"(?:\s+[a-z]+|\s+\d{4}){0,3}\s+to\s+")
# "to $205.4m (£110m) during October to December, from $142m": the new figure, an aside, then the old.
_TO_FROM = re.compile(
    r"(?:\s*\([^()]*\))?(?:\s+[A-Za-z]+|\s+\d{4}){0,6}\s*,?\s+(?:from|against|compared\s+with|compared\s+to|versus)\s+"
)
_CHANGE_NOUN = re.compile(
    r"\s+(?:increase|rise|jump|fall|drop|decline|gain|cut|decrease|climb|reduction|growth|leap|slump|surge)\b"
)


def _change_findings(analysis: Analysis, sentence: Sentence, nums: list[_Num]) -> list[Finding]:
    """ "rose from 200 to 250, a 40% increase", "rose 2% to $11.1bn from $10.9bn", "fell by 28%
    from 36,185 in 2003 to 28,041", "fell 10% to $56m, against $66m". A change between two
    percentages may be given in points or as a share of the first."""
    text = sentence.span.text
    figures = [n for n in nums if not n.is_year]
    out: list[Finding] = []
    for old in figures:
        if not _BASE_BEFORE.search(text[: old.start]):
            continue
        for new in figures:
            if new is old or new.unit != old.unit or not _NEW_BEFORE.search(text[: new.start]):
                continue
            if old.start < new.start:
                joined = _FROM_TO.fullmatch(text[old.end : new.start])
            else:
                joined = _TO_FROM.fullmatch(text[new.end : old.start])
            if not joined or old.value <= 0 or old.value == new.value:
                continue
            finding = _judge_change(sentence, text, figures, old, new)
            if finding is not None:
                out.append(finding)
    return out


def _judge_change(sentence: Sentence, text: str, figures: list[_Num], old: _Num, new: _Num) -> Finding | None:
    first, last = min(old, new, key=lambda n: n.start), max(old, new, key=lambda n: n.start)
    p = _linked_percent(text, figures, first, last)
    if p is None or p is old or p is new:
        return None
    lo, hi = _change_range(old, new)
    p_lo, p_hi = _pct_range(p)
    if hi >= p_lo and lo <= p_hi:
        return None
    if old.unit == "%" and new.unit == "%" and p_lo <= abs(new.value - old.value) <= p_hi:
        return None  # a change in points
    change = abs(new.value - old.value) / old.value * 100
    suggestion = _round_like(p, change)
    if suggestion == p.core.text:
        return None
    return contradiction(
        FindingKind.NUMBER,
        p.core,
        sentence,
        [old.whole, new.whole],
        f"From {old.whole.text} to {new.whole.text} is a change of {_pct_text(change)}, not {p.whole.text}.",
        suggestion,
        0.8 if p.exact else 0.7,
    )


def _linked_percent(text: str, nums: list[_Num], first: _Num, last: _Num) -> _Num | None:
    """The percentage that states the change: right before the two figures ("rose 2% to $11.1bn
    from $10.9bn", "fell 20%, from 50 to 40") or right after them ("..., a 40% increase", "(up 25%)")."""
    i = nums.index(first)
    if i > 0:
        p = nums[i - 1]
        gap = text[p.end : first.start]
        if p.unit == "%" and re.fullmatch(r",?\s+(?:from|to)\s+", gap):
            return p
    j = nums.index(last)
    if j + 1 < len(nums):
        p = nums[j + 1]
        gap = text[last.end : p.start]
        after = text[p.end :]
        stated = p.unit == "%" and re.fullmatch(r"(?:\s+[a-z]+){0,2}\s*[,(]\s*(?:an?|up|down|or)?\s*", gap)
        if stated and (re.match(r"(?:up|down)\s*$", gap.strip(" ,(")) or _CHANGE_NOUN.match(after)):
            return p
    return None


def _change_range(old: _Num, new: _Num) -> tuple[float, float]:
    """The smallest and largest size of the change, in percent of ``old``, given both figures' rounding."""
    (new_low, new_high), (old_low, old_high) = new.operand, old.operand
    news = (new_low, new_high if math.isfinite(new_high) else new_low)
    olds = (old_low if old_low > 0 else old.value, old_high if math.isfinite(old_high) else old.value)
    values = [abs(n - o) / o * 100 for n in news for o in olds if o > 0]
    if (new_low - old_high) * (new_high - old_low) <= 0:  # the intervals touch: no change is possible too
        values.append(0.0)
    return min(values), max(values)


# --- parts and totals ------------------------------------------------------------------------

# What may stand between two parts of a list: the rest of the first part, then ", " / " and " /
# ", and " / ";", then a leading word ("drawing 8", "while 4").
_PART_GAP = re.compile(r"(?:\s+[A-Za-z'’-]+){0,6}?\s*(?:,|;|,?\s+and)\s+(?:[A-Za-z'’-]+\s+)?")
_LAST_GAP = re.compile(r"(?:\s+[A-Za-z'’-]+){0,6}?\s*,?\s+and\s+(?:[A-Za-z'’-]+\s+)?")
_RANGE_BEFORE = re.compile(r"\b(?:between|from|aged|ages|of)\s+$", re.I)
_EXHAUSTIVE_INTRO = re.compile(r"(?:\s+[A-Za-z'’-]+){0,8}?\s*(?::|—|–|\s-)\s*(?:[A-Za-z'’-]+\s+)?")
_WHOM_INTRO = re.compile(r"(?:\s+[A-Za-z'’-]+){0,6}?\s*,\s*(?:of\s+whom|of\s+which|of\s+them)\s+(?:[A-Za-z'’-]+\s+)?")
_INCLUDING_INTRO = re.compile(r"(?:\s+[A-Za-z'’-]+){0,6}?\s*,?\s*(?:including|among\s+them)\s+(?:[A-Za-z'’-]+\s+)?")
_RECORD_INTRO = re.compile(r"(?:\s+[A-Za-z'’-]+){0,6}?\s*,\s*(?:[A-Za-z'’-]+\s+)")
_OF_TOTAL = re.compile(r"(?:\s+[A-Za-z'’-]+){0,4}?\s+of\s+(?:its|the|their|his|her)\s+")
_TOTAL_AFTER = re.compile(r"\s*(?:,|—|–|-)?\s*(?:a\s+total\s+of|for\s+a\s+total\s+of|making|totalling|totaling)\s+")
_TOTAL_FOLLOWS = re.compile(r"\s+(?:[a-z]+\s+)?(?:in\s+total|in\s+all|altogether|combined)\b")
# Outcomes that together cover every case: a match is won, drawn or lost.
_OUTCOMES = ({"win", "won", "winning", "wins"}, {"draw", "drew", "drawn", "drawing", "draws"},
             {"lose", "lost", "losing", "loses"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Total:
    total: _Num
    parts: list[_Num]
    exhaustive: bool
    how: str  # "colon", "of whom", "record", "total", "including", "remainder"


def _part_lists(text: str, nums: list[_Num]) -> list[list[_Num]]:
    """Runs of two or more figures joined as a list ("five in X and four in Y", "winning 21,
    drawing 8 and losing 5"), the last joined by "and"; years and percentages are not parts."""
    lists: list[list[_Num]] = []
    run: list[_Num] = []
    for n in nums:
        if run and _PART_GAP.fullmatch(_between(text, run[-1], n)) and not _bad_part(text, n):
            run.append(n)
            continue
        if len(run) >= 2:
            lists.append(run)
        run = [] if _bad_part(text, n) else [n]
    if len(run) >= 2:
        lists.append(run)
    out = []
    for run in lists:
        # the list ends at the part joined by "and"
        ends = [k for k in range(1, len(run)) if _LAST_GAP.fullmatch(_between(text, run[k - 1], run[k]))]
        if not ends:
            continue
        run = run[: ends[0] + 1]
        if _RANGE_BEFORE.search(text[: run[0].start]) and len(run) == 2:
            continue
        if len({(n.unit, n.scaled) for n in run}) > 1:
            continue
        out.append(run)
    return out


def _bad_part(text: str, n: _Num) -> bool:
    after = text[n.end : n.end + 12]
    return (
        n.is_year
        or n.unit == "%"
        or re.match(
            r"\s*(?:st|nd|rd|th)\b|\s+(?:January|February|March|April|May|June|July|"
            r"August|September|October|November|December)\b",
            after,
        )
        is not None
    )


def _compatible(total: _Num, part: _Num) -> bool:
    if total.is_year or total.unit == "%":
        return False
    if total.unit == part.unit:
        return True
    return part.unit is None and part.scaled and total.scaled


def _totals(text: str, nums: list[_Num]) -> list[_Total]:
    """Each part list with the total it is a breakdown of, and whether it claims to be complete."""
    out: list[_Total] = []
    for run in _part_lists(text, nums):
        # "played 36 matches this season, winning 21, ...": the total may read as the list's head
        for k in range(len(run) - 1):
            found = _total_for(text, nums, run[k:])
            if found is not None:
                out.append(found)
                break
    return out


def _total_for(text: str, nums: list[_Num], parts: list[_Num]) -> _Total | None:
    """The total ``parts`` break down, found by how the sentence joins them to it:

    * before the parts: "12 people were hurt: five ..." (complete), ", of whom five ..." (complete),
      ", including five ..." (a subset), "36 matches, winning 21, drawing 8 and losing 5" (a record);
    * after them: "won 2, drawn 3 and lost 9 of its 15 matches" (a record), "..., a total of 9";
    * cued: "a total of 9: ...", "9 in all, ..."
    """
    first, last = parts[0], parts[-1]
    biggest = max(p.value for p in parts)
    before = [n for n in nums[: nums.index(first)] if _compatible(n, first) and n.value > biggest]
    if before and not _between_numbers(nums, before[-1], first, len(parts)):
        t = before[-1]
        gap = text[t.end : first.start]
        if _EXHAUSTIVE_INTRO.fullmatch(gap):
            return _Total(t, parts, True, "colon")
        if _WHOM_INTRO.fullmatch(gap):
            return _Total(t, parts, True, "of whom")
        if _INCLUDING_INTRO.fullmatch(gap):
            return _Total(t, parts, False, "including")
        if _RECORD_INTRO.fullmatch(gap) and _verb_led(text, parts):
            return _Total(t, parts, _covers_outcomes(text, parts), "record")
    after = nums[nums.index(last) + 1 :]
    if after and _compatible(after[0], last) and after[0].value >= biggest:
        t = after[0]
        gap = text[last.end : t.start]
        if _OF_TOTAL.fullmatch(gap) and _verb_led(text, parts):
            return _Total(t, parts, _covers_outcomes(text, parts), "record")
        if _TOTAL_AFTER.fullmatch(gap):
            return _Total(t, parts, True, "total")
    if before and not _between_numbers(nums, before[-1], first):
        t = before[-1]
        if _TOTAL_FOLLOWS.match(text[t.end :]) or re.search(r"\ba\s+total\s+of\s+$", text[: t.start]):
            return _Total(t, parts, True, "total")
    return None


def _between_numbers(nums: list[_Num], a: _Num, b: _Num, parts: int = 0) -> bool:
    """Whether other figures stand between ``a`` and ``b``; the count of the parts may ("in two parts:")."""
    inside = nums[nums.index(a) + 1 : nums.index(b)]
    return any(not (n.value == parts and not n.scaled and n.unit is None) for n in inside)


_VERB_PART = re.compile(r"(?:,|,?\s+and)?\s+[a-z]+\s+")


def _verb_led(text: str, parts: list[_Num]) -> bool:
    """A record, each figure led by its own verb and nothing else: "winning 21, drawing 8 and
    losing 5", "won 2, drawn 3 and lost 9" (not "Malaysia 28,526 tonnes, Indonesia 24,516")."""
    sentence = parts[0].sentence
    for k, p in enumerate(parts):
        if k and not _VERB_PART.fullmatch(text[parts[k - 1].end : p.start]):
            return False
        words = re.findall(r"[A-Za-z]+", text[: p.start])
        if not words:
            return False
        tok = _token_at(sentence, sentence.span.start + text[: p.start].rstrip().rfind(words[-1]))
        if tok is None or not tok.tag_.startswith("VB"):
            return False
    return True


def _token_at(sentence: Sentence, article_pos: int) -> Any | None:
    for tok in sentence.tokens:
        if sentence.offset + tok.idx == article_pos:
            return tok
    return None


def _covers_outcomes(text: str, parts: list[_Num]) -> bool:
    """ "winning 21, drawing 8 and losing 5": each part is led by a different outcome, and together
    the outcomes are all there are (won, drawn, lost)."""
    leading = []
    for p in parts:
        words = re.findall(r"[a-z]+", text[: p.start].lower())
        leading.append(words[-1] if words else "")
    hit = [next((k for k, group in enumerate(_OUTCOMES) if w in group), -1) for w in leading]
    return sorted(hit) == list(range(len(_OUTCOMES)))


def _total_findings(
    analysis: Analysis, sentence: Sentence, nums: list[_Num], numbers: dict[int, list[_Num]]
) -> list[Finding]:
    """Parts against the total they break down (see ``_totals``)."""
    text = sentence.span.text
    out: list[Finding] = []
    for t in _totals(text, nums):
        finding = _judge_total(analysis, sentence, t, numbers)
        if finding is not None:
            out.append(finding)
    return out


def _judge_total(analysis: Analysis, sentence: Sentence, t: _Total, numbers: dict[int, list[_Num]]) -> Finding | None:
    """Flag the total when the parts do not add up to it (or, for "including", exceed it). When the
    total is repeated elsewhere in the article and no part is, the last part is flagged instead."""
    if _adds_up(t):
        return None
    total, parts = t.total, t.parts
    point = sum(p.value for p in parts)
    parts_text = " + ".join(p.literal.lower() for p in parts)
    exact = t.exhaustive and total.exact and all(p.exact for p in parts)
    if exact and _corroborated(total, numbers) and not any(_corroborated(p, numbers) for p in parts):
        wrong = parts[-1]
        right = total.value - sum(p.value for p in parts[:-1])
        if right <= 0:
            return None
        return contradiction(
            FindingKind.NUMBER,
            wrong.core,
            sentence,
            [total.whole, *[p.whole for p in parts[:-1]]],
            f"The parts ({parts_text}) add up to {_in_words_of(point, wrong)}, not the "
            f"{total.literal.lower()} the article gives as the total elsewhere too.",
            _in_words_of(right, wrong, keep_case=True),
            0.6,
        )
    if exact:
        suggestion = _in_words_of(point, total, keep_case=True)
        explanation = f"The parts ({parts_text}) add up to {_in_words_of(point, total)}, not {total.literal.lower()}."
    else:
        suggestion = None
        explanation = f"The parts ({parts_text}) add up to more than {total.literal.lower()}."
    confidence = {"colon": 0.8, "record": 0.85, "total": 0.8, "of whom": 0.65, "including": 0.6}[t.how]
    return contradiction(FindingKind.NUMBER, total.core, sentence, [p.whole for p in parts], explanation,
                         suggestion, confidence)  # fmt: skip


def _adds_up(t: _Total) -> bool:
    """Exact figures must add up to the last written digit of the total; hedged ones need only
    overlap it. "including" parts need only not exceed it."""
    total, parts = t.total, t.parts
    step = _step(total)
    low = sum(p.low for p in parts)
    if not t.exhaustive:
        return low <= total.high + step / 2
    if total.exact and all(p.exact for p in parts):
        return abs(sum(p.value for p in parts) - total.value) <= step / 2 + 1e-9
    return sum(p.high for p in parts) >= total.low and low <= total.high


def _literal_value(n: _Num) -> float:
    q = parse_quantity(n.literal)
    return q.value if q is not None and q.value else 1.0


def _in_words_of(value: float, like: _Num, keep_case: bool = False) -> str:
    """``value`` written as ``like`` is, in its scale: 2.4e9 like "2.3 billion" is "2.4"."""
    scale = like.value / _literal_value(like)
    return format_like(like.literal if keep_case else like.literal.lower(), value / scale)


def _step(n: _Num) -> float:
    """The value of one unit in the last written digit: 0.1bn for "2.3 billion", 1 for "36"."""
    places = len(n.literal.split(".")[1]) if "." in n.literal else 0
    return (n.value / _literal_value(n)) * 10.0 ** (-places)


def _corroborated(n: _Num, numbers: dict[int, list[_Num]]) -> bool:
    """The same figure appears in another sentence."""
    return any(
        m.value == n.value and m.unit == n.unit for idx, ms in numbers.items() if idx != n.sentence.index for m in ms
    )


# --- "Nine of the dead ... The other five" ---------------------------------------------------

_OF_THE_GROUP = re.compile(r"\s+of\s+the\s+[a-z]+\b")
_OTHER = re.compile(r"\b(?:the\s+(?:other|remaining)|another)\s+$", re.I)


def _remainder_findings(analysis: Analysis, numbers: dict[int, list[_Num]]) -> list[Finding]:
    """ "Flash floods killed 16 people ... Nine of the dead were in Lao Cai ... The other five died
    in Ha Giang": a share of a group and "the other/remaining" rest make the group's total, which is
    the one larger figure stated in the sentence before the share."""
    out: list[Finding] = []
    for s in analysis.sentences[1:]:
        for share in numbers[s.index]:
            if not _plain_count(share) or not _OF_THE_GROUP.match(s.span.text[share.end :]):
                continue
            rest = [b for b in _rest_after(analysis, numbers, share) if _plain_count(b)]
            if len(rest) != 1:
                continue
            other = rest[0]
            biggest = max(share.value, other.value)
            totals = [t for t in numbers[s.index - 1] if _plain_count(t) and t.value > biggest]
            if len(totals) != 1 or share.value + other.value == totals[0].value:
                continue
            total = totals[0]
            out.append(
                contradiction(
                    FindingKind.NUMBER,
                    total.core,
                    total.sentence,
                    [share.whole, other.whole],
                    f"{share.literal.capitalize()} and the other {other.literal.lower()} make "
                    f"{_fmt(share.value + other.value)}, not {total.literal.lower()}.",
                    format_like(total.literal, share.value + other.value),
                    0.7,
                )
            )
    return out


def _plain_count(n: _Num) -> bool:
    return n.exact and n.unit is None and not n.is_year


def _rest_after(analysis: Analysis, numbers: dict[int, list[_Num]], share: _Num) -> list[_Num]:
    """Figures after ``share``, in its sentence or the next, led by "the other", "the remaining"."""
    index = share.sentence.index
    later = [n for n in numbers[index] if n.start > share.end]
    if index + 1 < len(analysis.sentences):
        later += numbers[index + 1]
    return [n for n in later if _OTHER.search(n.sentence.span.text[: n.start])]


# --- ordinals against the list before them ----------------------------------------------------

# Nouns whose ordinal counts periods or positions, not members of a list.
_SERIES_NOUNS = frozenset(
    {"quarter", "half", "round", "time", "day", "week", "month", "year", "term", "season", "place", "leg",
     "stage", "test", "game", "match", "set", "innings", "period", "tier", "floor", "generation", "century",
     "minute", "hour", "lap", "phase", "edition", "attempt", "title", "goal", "straight", "consecutive"}
)  # fmt: skip


def _ordinal_findings(analysis: Analysis, sentence: Sentence) -> list[Finding]:
    """ "the fourth country to sign, after Kenya and Ghana" (third); "the third woman to win the
    race three times, after Anna Botha, Grace Mthembu and Karin Venter" (fourth). The list must
    name two or more of the same kind: names, or nouns one of which is the ordinal's own noun."""
    out: list[Finding] = []
    for tok in sentence.tokens:
        n = ordinal_value(tok.text) if tok.ent_type_ == "ORDINAL" else None
        if n is None or not 2 <= n <= 20 or tok.dep_ != "amod":
            continue
        noun = tok.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in _SERIES_NOUNS:
            continue
        if not any(c.lower_ == "the" for c in noun.children if c.i < tok.i):
            continue
        items = _after_list(sentence, noun)
        if items is None or len(items) < 2:
            continue
        right = len(items) + 1
        if right == n:
            continue
        wrong = analysis.token_span(sentence, tok)
        evidence = [analysis.token_span(sentence, _first_token(it), it) for it in items]
        out.append(
            contradiction(
                FindingKind.NUMBER,
                wrong,
                sentence,
                evidence,
                f"After {len(items)} others ({', '.join(e.text for e in evidence)}) comes the "
                f"{format_ordinal_like('first', right)}, not the {tok.text.lower()}.",
                format_ordinal_like(tok.text, right),
                0.8,
            )
        )
    return out


def _after_list(sentence: Sentence, noun: Any) -> list[Any] | None:
    """The items of "after A, B and C" in the ordinal's clause, when they are all names or include
    the ordinal's own noun ("the fourth flood ..., after flash floods in June and a landslide")."""
    clause = noun.head if noun.dep_ in ("attr", "dobj", "nsubj", "nsubjpass", "appos") else noun
    for tok in sentence.tokens:
        if tok.lower_ not in ("after", "following", "joining") or tok.i < noun.i:
            continue
        if tok.head not in (noun, clause) and tok.head.head not in (noun, clause):
            continue
        objs = [c for c in tok.children if c.dep_ in ("pobj", "dobj")]
        if len(objs) != 1:
            continue
        items = _conj_chain(objs[0])
        if any(it.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT") for it in items):
            return None
        if any(c.dep_ == "nummod" for it in items for c in it.children):
            return None
        names = all(it.pos_ == "PROPN" for it in items)
        same = any(it.lemma_.lower() == noun.lemma_.lower() for it in items) and all(
            it.pos_ in ("NOUN", "PROPN") for it in items
        )
        return items if names or same else None
    return None


def _conj_chain(head: Any) -> list[Any]:
    items = [head]
    stack = [head]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                items.append(c)
                stack.append(c)
    return sorted(items, key=lambda t: t.i)


def _first_token(tok: Any) -> Any:
    left = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "det", "amod", "poss", "nmod", "flat")]
    return min([tok, *left], key=lambda t: t.i)


# --- counts against the names they announce --------------------------------------------------


def _count_findings(analysis: Analysis, sentence: Sentence) -> list[Finding]:
    """ "three countries — France, Germany, Spain and Italy", "two cities, Paris, Rome and Milan":
    a count on a noun followed (after a dash, colon or comma) by a list of names of another length."""
    out: list[Finding] = []
    toks = list(sentence.tokens)
    for tok in toks:
        if tok.dep_ != "nummod" or tok.like_num is False:
            continue
        value = parse_quantity(tok.text)
        if value is None or not float(value.value).is_integer() or not 2 <= value.value <= 12:
            continue
        noun = tok.head
        if (
            noun.pos_ != "NOUN"
            or noun.i != tok.i + 1
            and not all(t.dep_ in ("amod", "compound") for t in toks[tok.i - toks[0].i + 1 : noun.i - toks[0].i])
        ):
            continue
        if _hedged(tok):
            continue
        nxt = noun.nbor(1) if noun.i + 1 < toks[-1].i else None
        if nxt is None or nxt.text not in (":", "—", "–", "-", ",", "("):
            continue
        items = _named_items(noun, nxt)
        if items is not None:
            if len(items) < 2 or len(items) == int(value.value):
                continue
            if _written_items(analysis, sentence, nxt) != len(items):
                continue  # the parse and the text disagree on the list: leave it
            evidence = [analysis.token_span(sentence, _first_token(it), it) for it in items]
        else:
            # The parser hung the list elsewhere ("run by four agencies: NASA, Russia's Roscosmos,
            # ..."): after a colon or a dash, a list of names read from the text stands.
            pieces = _list_pieces(analysis, sentence, nxt) if nxt.text in (":", "—", "–") else None
            if not pieces or len(pieces) < 2 or len(pieces) == int(value.value):
                continue
            if not all(_name_like(p.text) for p in pieces):
                continue
            evidence = pieces
        wrong = analysis.token_span(sentence, tok)
        out.append(
            contradiction(
                FindingKind.NUMBER,
                wrong,
                sentence,
                evidence,
                f"The list names {len(evidence)} {noun.text} ({', '.join(e.text for e in evidence)}), not {tok.text}.",
                format_like(tok.text, float(len(evidence))),
                0.75,
            )
        )
    return out


def _hedged(tok: Any) -> bool:
    """ "at least three", "more than two", "about five", "three of the"."""
    prev = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 2) : tok.i]]
    if any(w in ("least", "than", "about", "around", "some", "nearly", "almost", "over", "only", "first", "last")
           for w in prev):  # fmt: skip
        return True
    return tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "of"


def _named_items(noun: Any, punct: Any) -> list[Any] | None:
    """The names listed right after ``noun``: as its apposition or conjuncts, all proper names,
    none with a figure of its own; the list must run to a clause edge."""
    heads = [c for c in noun.children if c.dep_ in ("appos", "conj") and c.i > punct.i]
    if not heads:
        return None
    first = min(heads, key=lambda t: t.i)
    if first.i - punct.i > 3:
        return None
    items = _conj_chain(first)
    for c in noun.children:
        if c.dep_ == "conj" and c.i > first.i and c not in items:
            items.extend(_conj_chain(c))
    items = sorted(set(items), key=lambda t: t.i)
    if not all(it.pos_ == "PROPN" for it in items):
        return None
    if any(c.dep_ == "nummod" for it in items for c in it.children):
        return None
    return items


_ITEM_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _written_items(analysis: Analysis, sentence: Sentence, punct: Any) -> int | None:
    """How many items the text lists after ``punct``, names kept whole ("Standard & Poor's",
    "Trinidad and Tobago"); None when the list is joined by "or" or has no "and"."""
    pieces = _list_pieces(analysis, sentence, punct)
    return None if pieces is None else len(pieces)


def _list_pieces(analysis: Analysis, sentence: Sentence, punct: Any) -> list[Span] | None:
    """The items the text lists after ``punct``, as spans (see :func:`_written_items`)."""
    start = sentence.offset + punct.idx + len(punct.text)
    text = analysis.article.text
    end = sentence.span.end
    closer = {"(": ")", "—": "—", "–": "–", "-": " - ", ":": ";"}.get(punct.text)
    segment = text[start:end]
    cut = len(segment)
    for stop in filter(None, (closer, ";", ". ", "—", "–", " - ", ")")):
        k = segment.find(stop)
        if k != -1:
            cut = min(cut, k)
    segment = segment[:cut].rstrip(" .")
    # names are one item whatever they contain
    masked = segment
    for e in sorted(analysis.entities_in(Span.of(text, start, start + len(segment))), key=lambda e: -e.span.start):
        a, b = e.span.start - start, e.span.end - start
        masked = masked[:a] + "X" * (b - a) + masked[b:]
    if re.search(r"\bor\b", masked):
        return None
    seps = list(_ITEM_SEP.finditer(masked))
    if not any("and" in m.group(0) for m in seps):
        return None
    out: list[Span] = []
    last = 0
    for m in [*seps, None]:
        a, b = last, (m.start() if m else len(masked))
        if not masked[a:b].strip():
            return None
        out.append(Span.of(text, start + a + len(segment[a:b]) - len(segment[a:b].lstrip()), start + b))
        if m is None:
            break
        last = m.end()
        if punct.text == "," and "and" in m.group(0):
            # after a comma the list's end is not marked: the item after "and" closes it
            nxt = _ITEM_SEP.search(masked, last)
            out.append(Span.of(text, start + last, start + (nxt.start() if nxt else len(masked))))
            break
    return out


def _name_like(piece: str) -> bool:
    """An item that reads as a name: "NASA", "the European Space Agency", "Japan's JAXA"."""
    words = [w for w in piece.split() if w.lower() not in ("the", "a", "an")]
    return bool(words) and all(w[:1].isupper() or w.lower() in ("of", "for", "and", "de") for w in words)
