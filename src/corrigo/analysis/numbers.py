"""Numbers and quantities as news copy writes them, normalised to an interval.

"more than 60" is (60, inf), "about 30" is [27, 33], "$4.2 billion" is 4.2e9 dollars,
"ten million-plus" is [1e7, inf). Comparing intervals rather than points keeps hedged
figures from being called contradictions.

    >>> parse_quantity("more than 60").low
    60.0
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = [
    "NUMBER_WORDS",
    "Quantity",
    "format_like",
    "format_ordinal_like",
    "number_words",
    "ordinal_value",
    "ordinal_words",
    "parse_number",
    "parse_quantity",
]

# The number words a count may be written in, one to ninety by units and tens ("twenty-one" is
# "twenty" and "one" joined by a hyphen).
NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
)  # fmt: skip

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "k": 1e3,
    "tn": 1e12,
}
_COUNTS = {"dozen": 12, "couple": 2, "pair": 2, "half": 0.5}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}
_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_APPROX = (
    "about",
    "around",
    "roughly",
    "some",
    "approximately",
    "nearly",
    "almost",
    "estimated",
    "up to",
    "more than",
    "over",
    "at least",
    "fewer than",
    "less than",
    "under",
    "below",
    "above",
    "just over",
    "just under",
    "close to",
    "almost",
    "upwards of",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as an interval ``[low, high]`` plus its point value and unit (currency or percent)."""

    value: float
    low: float
    high: float
    unit: str | None = None
    exact: bool = True

    def compatible(self, other: Quantity) -> bool:
        """True when the two intervals overlap (after rounding slack for non-exact figures)."""
        if self.unit != other.unit and None not in (self.unit, other.unit):
            return False
        return self.low <= other.high and other.low <= self.high


def parse_number(text: str) -> float | None:
    """Parse a bare number: "1,200", "4.2", "ten", "twenty-five", "4.2bn", "3 million"."""
    s = text.strip().lower().replace(",", "")
    s = re.sub(r"^[$£€¥]", "", s)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*-?\s*(hundred|thousand|million|billion|trillion|m|mn|bn|k|tn)?", s)
    if m:
        return float(m[1]) * (_SCALES[m[2]] if m[2] else 1)
    return _parse_words(s)


def _parse_words(s: str) -> float | None:
    half = re.fullmatch(r"(.+?)\s+and\s+a\s+half", s)
    if half:  # "two and a half", "one and a half"
        whole = _parse_words(half[1])
        return None if whole is None else whole + 0.5
    words = [w for w in re.split(r"[\s-]+", s) if w and w != "and"]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _COUNTS and len(words) == 1:
            return float(_COUNTS[w])
        elif w in _SCALES and w not in ("m", "mn", "bn", "k", "tn"):
            scale = _SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif re.fullmatch(r"\d+(?:\.\d+)?", w):
            current += float(w)
        else:
            return None
        seen = True
    return total + current if seen else None


def ordinal_value(text: str) -> int | None:
    """ "fourth" -> 4, "4th" -> 4, "twenty-first" -> 21."""
    s = text.strip().lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", s)
    if m:
        return int(m[1])
    if s in _ORDINALS:
        return _ORDINALS[s]
    parts = s.split("-")
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ORDINALS:
        return _TENS[parts[0]] + _ORDINALS[parts[1]]
    return None


def parse_quantity(text: str) -> Quantity | None:
    """Parse a CARDINAL/MONEY/PERCENT/QUANTITY mention into an interval, or None."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    unit = None
    for sym, code in _CURRENCY.items():
        if sym in s:
            unit, s = code, s.replace(sym, "")
    if s.endswith("%") or s.endswith(" percent") or s.endswith(" per cent"):
        unit = "%"
        s = re.sub(r"\s*(%|percent|per cent)$", "", s)
    plus = False
    if s.endswith("-plus") or s.endswith("+"):
        plus, s = True, re.sub(r"(-plus|\+)$", "", s)
    qualifier = ""
    for q in sorted(_APPROX, key=len, reverse=True):
        if s.startswith(q + " "):
            qualifier, s = q, s[len(q) + 1 :]
            break
    value = parse_number(s.strip())
    if value is None:
        if qualifier in ("dozens", "hundreds", "thousands", "millions") or s in ("dozens", "hundreds"):
            return None  # "dozens of" is a vague amount, not a figure to compare
        return None
    low, high, exact = value, value, not qualifier and not plus
    if plus or qualifier in ("more than", "over", "at least", "above", "upwards of", "just over"):
        low, high = value, math.inf
    elif qualifier in ("fewer than", "less than", "under", "below", "just under", "up to"):
        low, high = 0.0, value
    elif qualifier in ("nearly", "almost", "close to"):
        low, high = value * 0.85, value
    elif qualifier:
        low, high = value * 0.85, value * 1.15
    elif value >= 1000 and value % 1000 == 0 or _decimal_places(s) > 0:
        # Round figures and "4.2bn" are written rounded: allow the rounding.
        step = _rounding_step(s, value)
        low, high = value - step / 2, value + step / 2
    return Quantity(value, low, high, unit, exact)


def _decimal_places(s: str) -> int:
    m = re.search(r"\.(\d+)", s)
    return len(m[1]) if m else 0


def _rounding_step(s: str, value: float) -> float:
    scale = 1.0
    for word, mult in _SCALES.items():
        if re.search(rf"\d\s*-?\s*{word}\b", s):
            scale = mult
            break
    places = _decimal_places(s)
    if places:
        return scale * 10.0 ** (-places)
    return 1000.0 if value % 1000 == 0 else 1.0


# --- writing a number back the way the article writes it -------------------------------------

_WORD_OF = {v: k for k, v in _UNITS.items() if k not in ("a", "an", "single")}
_WORD_OF.update({v: k for k, v in _TENS.items()})
_ORDINAL_OF = {v: k for k, v in _ORDINALS.items()}
_ORDINAL_OF.update({16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth"})
_TENS_ORDINAL = {
    20: "twentieth",
    30: "thirtieth",
    40: "fortieth",
    50: "fiftieth",
    60: "sixtieth",
    70: "seventieth",
    80: "eightieth",
    90: "ninetieth",
}


def number_words(n: int) -> str | None:
    """0..99 in words ("twenty-five"); None outside that range."""
    if n in _WORD_OF:
        return _WORD_OF[n]
    if 20 < n < 100:
        return f"{_WORD_OF[n - n % 10]}-{_WORD_OF[n % 10]}"
    return None


def ordinal_words(n: int) -> str | None:
    """1..99 as an ordinal word ("twenty-first"); None outside that range."""
    if n in _ORDINAL_OF:
        return _ORDINAL_OF[n]
    if n in _TENS_ORDINAL:
        return _TENS_ORDINAL[n]
    if 20 < n < 100:
        return f"{_WORD_OF[n - n % 10]}-{_ORDINAL_OF[n % 10]}"
    return None


def _match_case(like: str, word: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def format_like(original: str, value: float) -> str:
    """Write ``value`` as ``original`` is written: words stay words, digits keep their
    thousands separators and decimal places ("fourteen" -> "twelve", "4,800" -> "5,000",
    "5.2" -> "6.5"). ``original`` is the bare number, without unit or scale."""
    literal = original.strip()
    if not re.match(r"\d", literal):
        words = number_words(int(round(value))) if float(value).is_integer() else None
        if words is not None:
            return _match_case(literal, words)
    m = re.search(r"\.(\d+)", literal)
    places = len(m[1]) if m else 0
    if places == 0 and not float(round(value, 6)).is_integer():
        places = 1
    return f"{value:,.{places}f}" if "," in literal else f"{value:.{places}f}"


def format_ordinal_like(original: str, n: int) -> str:
    """Write ordinal ``n`` as ``original`` is written: "fourth" -> "third", "25th" -> "20th"."""
    literal = original.strip()
    if re.match(r"\d", literal):
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    words = ordinal_words(n)
    return _match_case(literal, words) if words is not None else str(n)
