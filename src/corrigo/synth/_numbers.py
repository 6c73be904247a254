"""Number reading, writing and perturbation for the corruption generator.

Everything here works on the surface string so that a changed number keeps the
look of the original: ``"464,000"`` becomes ``"446,000"``, ``"1.13"`` becomes
``"1.31"``, ``"five"`` becomes ``"seven"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Quantity",
    "find_quantities",
    "format_like",
    "mutate_digits",
    "ordinal_value",
    "format_ordinal_like",
    "parse_number",
    "word_number",
]

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
for _i, _t in enumerate(_TENS):
    WORD_VALUES[_t] = 20 + 10 * _i
    for _j in range(1, 10):
        WORD_VALUES[f"{_t}-{_UNITS[_j]}"] = 20 + 10 * _i + _j

_ORD_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORD_TENS = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
]
ORDINAL_VALUES: dict[str, int] = {w: i for i, w in enumerate(_ORD_UNITS) if i}
for _i, _t in enumerate(_ORD_TENS):
    ORDINAL_VALUES[_t] = 20 + 10 * _i
    for _j in range(1, 10):
        ORDINAL_VALUES[f"{_TENS[_i]}-{_ORD_UNITS[_j]}"] = 20 + 10 * _i + _j
ORDINAL_VALUES["hundredth"] = 100

_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}

_WORD_ALT = "|".join(sorted(WORD_VALUES, key=len, reverse=True))

QTY_RE = re.compile(
    r"(?<![\w.,$£€-])"
    r"(?P<cur>[$£€])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![.,]\d)|\d+(?:\.\d+)?(?![.,]\d)|(?i:"
    + _WORD_ALT
    + r")(?![\w-]))"
    r"(?P<scale>(?:bn|m|k|tn)(?![\w])|\s(?:billion|million|thousand|trillion)(?![\w]))?"
    r"(?P<pct>\s?%|\s?per\s?cent(?![\w])|\s?percent(?![\w]))?"
    r"(?P<curword>\s(?:euros?|dollars?|pounds?|yen|yuan|rupees?|roubles?|francs?)(?![\w]))?"
    r"(?![\w])"
)

_CURRENCY_WORDS = {
    "euro": "€",
    "dollar": "$",
    "pound": "£",
    "yen": "¥",
    "yuan": "yuan",
    "rupee": "rupee",
    "rouble": "rouble",
    "franc": "franc",
}

_ORD_DIGIT_RE = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)


@dataclass(frozen=True)
class Quantity:
    """A number found in a text.

    Attributes:
        start: Offset of the numeric literal (digits or number word) in the text.
        end: End offset of the numeric literal.
        literal: The literal itself, e.g. ``"1.13"`` or ``"five"``.
        full_start: Offset including the currency sign.
        full_end: End offset including the scale word and percent sign.
        value: The number, scaled (``"$1.13bn"`` gives ``1.13e9``).
        unit: ``"%"`` for percentages, the currency sign for money, else ``""``.
        is_word: Whether the literal is spelled out.
        decimals: Number of decimal places written.
    """

    start: int
    end: int
    literal: str
    full_start: int
    full_end: int
    value: float
    unit: str
    is_word: bool
    decimals: int

    @property
    def raw(self) -> float:
        """The literal's own value, without the scale."""
        v = parse_number(self.literal)
        return float("nan") if v is None else v

    @property
    def maybe_year(self) -> bool:
        """Whether this could be a calendar year (four digits, 1800-2099, no unit)."""
        return (
            not self.unit
            and not self.is_word
            and len(self.literal) == 4
            and self.literal.isdigit()
            and 1800 <= int(self.literal) <= 2099
            and self.full_end == self.end
        )


def parse_number(literal: str) -> float | None:
    """Read a numeric literal or a spelled-out number below 100.

    Args:
        literal: ``"1,234"``, ``"6.4"`` or ``"twenty-five"``.

    Returns:
        The value, or ``None`` when the string is not a number.
    """
    s = literal.strip().lower()
    if s in WORD_VALUES:
        return float(WORD_VALUES[s])
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def ordinal_value(literal: str) -> int | None:
    """Read an ordinal such as ``"25th"`` or ``"fiftieth"``; ``None`` if it is not one."""
    m = _ORD_DIGIT_RE.match(literal.strip())
    if m:
        return int(m.group(1))
    return ORDINAL_VALUES.get(literal.strip().lower())


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def format_ordinal_like(literal: str, n: int) -> str:
    """Write ordinal ``n`` in the style of ``literal`` (digits with suffix, or words)."""
    if _ORD_DIGIT_RE.match(literal.strip()):
        return f"{n}{_ordinal_suffix(n)}"
    for word, value in ORDINAL_VALUES.items():
        if value == n:
            return _match_case(literal, word)
    return f"{n}{_ordinal_suffix(n)}"


def word_number(n: int) -> str | None:
    """Spell out ``0 <= n < 100``; ``None`` outside that range."""
    if not 0 <= n < 100:
        return None
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[unit]}" if unit else "")


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def format_like(literal: str, value: float) -> str:
    """Write ``value`` in the style of ``literal``.

    Words stay words (below 100), thousands separators and the number of decimal
    places are kept.

    Args:
        literal: The original literal.
        value: The new value (unscaled).

    Returns:
        The new literal.
    """
    if parse_number(literal) is not None and literal.strip().lower() in WORD_VALUES:
        if float(value).is_integer():
            w = word_number(int(value))
            if w is not None:
                return _match_case(literal, w)
        return _format_digits(value, 0, False)
    decimals = len(literal.split(".", 1)[1]) if "." in literal else 0
    return _format_digits(value, decimals, "," in literal)


def _format_digits(value: float, decimals: int, commas: bool) -> str:
    if commas:
        return f"{value:,.{decimals}f}"
    return f"{value:.{decimals}f}"


def mutate_digits(literal: str) -> list[str]:
    """Plausible mistypings of a digit literal that keep its format.

    Swaps two adjacent different significant digits, or moves one significant
    digit up or down by one; trailing zeros of whole numbers are left alone so
    that ``464,000`` stays in the thousands.

    Args:
        literal: A literal made of digits, ``,`` and ``.``.

    Returns:
        Distinct new literals (never the input), in a fixed order.
    """
    if not literal or not any(c.isdigit() for c in literal) or not set(literal) <= set("0123456789,."):
        return []
    chars = list(literal)
    digit_pos = [i for i, c in enumerate(chars) if c.isdigit()]
    if "." in literal:
        sig = digit_pos
    else:
        sig = list(digit_pos)
        while len(sig) > 1 and chars[sig[-1]] == "0":
            sig.pop()
    out: list[str] = []

    def add(candidate: list[str]) -> None:
        s = "".join(candidate)
        if s != literal and s not in out and not (len(digit_pos) > 1 and s[digit_pos[0]] == "0"):
            out.append(s)

    for a, b in zip(sig, sig[1:], strict=False):
        if chars[a] != chars[b]:
            c = list(chars)
            c[a], c[b] = c[b], c[a]
            add(c)
    for pos in reversed(sig):
        d = int(chars[pos])
        for nd in (d + 1, d - 1):
            if 0 <= nd <= 9:
                c = list(chars)
                c[pos] = str(nd)
                add(c)
    return out


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Find numbers, with currency, scale and percent, in ``text[start:end]``.

    Args:
        text: The whole text (offsets stay absolute).
        start: Where to start looking.
        end: Where to stop looking.

    Returns:
        Quantities in order of position.
    """
    end = len(text) if end is None else end
    out: list[Quantity] = []
    for m in QTY_RE.finditer(text, start, end):
        literal = m.group("num")
        is_word = not literal[0].isdigit()
        value = parse_number(literal)
        if value is None:
            continue
        scale_word = (m.group("scale") or "").strip().lower()
        scale = _SCALES.get(scale_word, 1.0)
        unit = ""
        if m.group("pct"):
            unit = "%"
        elif m.group("cur"):
            unit = m.group("cur")
        elif m.group("curword"):
            unit = _CURRENCY_WORDS[m.group("curword").strip().lower().rstrip("s")]
        decimals = len(literal.split(".", 1)[1]) if "." in literal else 0
        out.append(
            Quantity(
                start=m.start("num"),
                end=m.end("num"),
                literal=literal,
                full_start=m.start(),
                full_end=m.end(),
                value=value * scale,
                unit=unit,
                is_word=is_word,
                decimals=decimals,
            )
        )
    return out
