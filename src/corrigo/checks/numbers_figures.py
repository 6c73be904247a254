"""Reading the figures in a sentence for the number checks.

``_Num`` is one figure as written ("36", "more than 60", "$4.2bn", "25 percent", "Nine") with the
interval its rounding and hedge allow; the helpers below measure and write percentages and plain
figures the way the topic modules (``numbers_*``) need them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corrigo.analysis.analyse import Analysis, Sentence
from corrigo.analysis.numbers import NUMBER_WORDS, format_like, parse_quantity
from corrigo.model import Span

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
