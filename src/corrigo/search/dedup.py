"""Near-duplicate passages: the same wire copy reprinted under different document ids.

Two passages are copies when their normalised texts are equal, or when the Jaccard similarity
of their word 3-shingle sets is at least ``threshold`` (0.9 by default: a reprint with a
changed word or two in a long passage still counts, a different story on the same topic
doesn't).
"""

from __future__ import annotations

import re

__all__ = ["Fingerprint", "is_near_duplicate"]

_WORD = re.compile(r"\w+")


class Fingerprint:
    """The normalised words of a passage and their 3-shingles, computed once.

    Example:
        >>> a = Fingerprint("LEEDS (Reuters) - Northgate Water will close its Leeds plant.")
        >>> b = Fingerprint("Leeds (Reuters) — Northgate Water will close its Leeds plant")
        >>> is_near_duplicate(a, b)
        True
    """

    __slots__ = ("key", "shingles")

    def __init__(self, text: str) -> None:
        words = _WORD.findall(text.lower())
        self.key = " ".join(words)
        if len(words) < 3:
            self.shingles = frozenset([self.key])
        else:
            self.shingles = frozenset(" ".join(words[i : i + 3]) for i in range(len(words) - 2))


def is_near_duplicate(a: Fingerprint, b: Fingerprint, threshold: float = 0.9) -> bool:
    """True when the two passages are the same text up to case, punctuation and a few words."""
    if a.key == b.key:
        return True
    la, lb = len(a.shingles), len(b.shingles)
    # |A ∩ B| / |A ∪ B| <= min/max: skip the set work when the sizes already rule it out.
    if min(la, lb) < threshold * max(la, lb):
        return False
    inter = len(a.shingles & b.shingles)
    return inter >= threshold * (la + lb - inter)
