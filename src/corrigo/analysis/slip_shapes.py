"""The shapes a slip of the keyboard or memory gives a figure.

A restated figure that disagrees is a slip when its digits say so: one digit changed ("41.3" /
"42.3"), two swapped ("318" / "381"), one dropped or added ("15,000" / "150,000"), or one part of a
result or a time changed ("7-6(5)" / "7-6(3)"). Small and round figures are left out: two estimates
differ in a digit as often as a slip does. ``in_form_of`` writes a corrected value the way the
flagged figure was written. Read by the figure arithmetic (:mod:`corrigo.analysis.implied`) and
the checks that compare restated figures.
"""

from __future__ import annotations

import re

from corrigo.analysis.numbers import format_like

__all__ = ["in_form_of", "slip_shape"]


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # "1,300.5" is one number; "7-6(5)" and "1:58:42" have parts


def _digits(core: str) -> tuple[str, int]:
    """The digits of a plain number and how many follow the decimal point."""
    s = core.replace(",", "")
    whole, _, frac = s.partition(".")
    return whole + frac, len(frac)


def slip_shape(a: str, b: str) -> str | None:
    """How ``b`` could be a slip for ``a`` (or the reverse), or None for unrelated numbers.

    >>> slip_shape("318", "381"), slip_shape("41.3", "42.3"), slip_shape("15,000", "150,000")
    ('transposed', 'digit', 'scale')
    >>> slip_shape("57", "28") is None, slip_shape("40", "70") is None
    (True, True)
    """
    pa, pb = _NUMBER.findall(a), _NUMBER.findall(b)
    if len(pa) > 1 or len(pb) > 1:
        if len(pa) != len(pb) or any(len(x) != len(y) for x, y in zip(pa, pb, strict=True)):
            return None
        diff = [(x, y) for x, y in zip(pa, pb, strict=True) if x != y]
        if len(diff) != 1:
            return None
        # One part of a result or a time: a single digit may slip ("7-6(5)" / "7-6(3)").
        x, y = diff[0]
        changed = sum(c != d for c, d in zip(x, y, strict=True))
        if changed == 1:
            return "digit"
        return "transposed" if sorted(x) == sorted(y) and changed == 2 else None
    (da, fa), (db, fb) = _digits(a), _digits(b)
    if fa != fb and (fa == 0 or fb == 0):
        # "16.0" and "18": a whole number against one written with zero decimals is read at the
        # longer precision.
        longer, fl = (da, fa) if fa else (db, fb)
        if set(longer[-fl:]) == {"0"}:
            pad = "0" * fl
            (da, fa), (db, fb) = (da + pad, fl) if not fa else (da, fa), (db + pad, fl) if not fb else (db, fb)
    sa, sb = da.rstrip("0") if fa == 0 else da, db.rstrip("0") if fb == 0 else db
    if len(sa) < 2 or len(sb) < 2 or (len(sa) != len(sb) and len(da) == len(db)):
        # "3" and "4", "40" and "70", "50,000" and "53,000": small or round figures differ in a
        # digit as any two estimates do; a slip keeps the precision it was written with.
        return None
    if fa == fb and len(da) == len(db) and len(sa) < 3:
        return None  # "1.4" and "1.3", "22" and "21": two-digit figures are as often two facts
    if fa == fb and len(da) == len(db):
        diff = [i for i in range(len(da)) if da[i] != db[i]]
        if len(diff) == 1:
            return "digit"
        if sorted(da) == sorted(db) and len(diff) == 2:
            return "transposed"
        return None
    if fa == fb == 0 and abs(len(da) - len(db)) == 1:
        long, short = (da, db) if len(da) > len(db) else (db, da)
        if any(long[:i] + long[i + 1 :] == short for i in range(len(long))) and len(short) >= 2:
            return "scale"
    return None


def in_form_of(loser: str, winner: str) -> str:
    """The winning number written the way the flagged one is (separators, score form)."""
    wp = re.findall(r"\d+(?:[.,]\d+)*", winner)
    lp = list(re.finditer(r"\d+(?:[.,]\d+)*", loser))
    if len(wp) == len(lp) and len(lp) > 1:
        out, last = [], 0
        for m, w in zip(lp, wp, strict=True):
            out.append(loser[last : m.start()])
            out.append(w)
            last = m.end()
        return "".join(out) + loser[last:]
    if not re.search(r"\d", loser):
        return format_like(loser, float(winner.replace(",", "")))
    if "." in loser and re.fullmatch(r"\d+", winner) and set(loser.partition(".")[2]) == {"0"}:
        # "16.0" shows copy that writes the figure to fixed decimals; "46.5" says nothing of that.
        return winner + "." + "0" * len(loser.partition(".")[2])
    if "," in loser and "," not in winner and "." not in winner and len(winner) > 3:
        return f"{int(winner):,}"
    if "," not in loser and "," in winner and len(loser) <= 4:
        return winner.replace(",", "")
    return winner
