"""Parts against the totals they break down.

A list of parts ("five in Leeds and four in York", "winning 21, drawing 8 and losing 5") is
matched to the total the sentence joins it to and must add up to it (or, after "including",
not exceed it); a share of a group and "the other" rest ("Nine of the dead ... The other five")
must make the total stated in the sentence before."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.numbers import format_like, parse_quantity
from corrigo.checks.base import contradiction
from corrigo.checks.numbers_figures import _between, _fmt, _Num
from corrigo.model import Finding, FindingKind

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
    losing 5", "won 2, drawn 3 and lost 9" (not "Chile 3,112 tonnes, Peru 2,870")."""
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
