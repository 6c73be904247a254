"""The pair generator of ``training/make_pairs.py``: draws labelled pairs from parsed documents.

Sampling (windows, forms, kinds) and rendering live here; the claim builders for each label are
mixins in ``make_pairs_supported``, ``make_pairs_paraphrase``, ``make_pairs_refuted`` and
``make_pairs_nei``.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from make_pairs_common import (
    BASE_WEIGHTS,
    MAX_EVIDENCE_WORDS,
    NEI_WEIGHTS,
    REFUTED_WEIGHTS,
    WINDOW_SIZES,
    Claim,
    Pair,
    _Doc,
)
from make_pairs_helpers import _stop_words, tidy
from make_pairs_nei import _NotEnoughInfo
from make_pairs_paraphrase import _Paraphrases
from make_pairs_refuted import _Refutations
from make_pairs_sources import _stable_hash, normalise
from make_pairs_supported import _SupportedForms

# ---------------------------------------------------------------------- the generator


class PairGenerator(_SupportedForms, _Paraphrases, _Refutations, _NotEnoughInfo):
    """Draws labelled pairs from the documents of one split.

    Args:
        docs: Parsed documents of the split (cross-document claims stay inside it).
        forms: ``(lemma, tag) -> word`` seen in the corpus, to inflect verbs.
        seed: Seed; with a document's id it fixes that document's pairs.
    """

    def __init__(self, docs: list[_Doc], forms: dict[tuple[str, str], str], seed: int) -> None:
        self.docs = docs
        self.forms = forms
        self.seed = seed
        self._cache: dict[tuple[str, int, int], Any] = {}
        # entity text -> (doc, sentence) mentioning it; entity pools by label
        self.by_entity: dict[str, list[tuple[int, int]]] = defaultdict(list)
        pools: dict[str, Counter[str]] = defaultdict(Counter)
        for di, d in enumerate(docs):
            for k, ms in enumerate(d.mentions):
                for m in ms:
                    if m.label in ("WEEKDAY", "MONTH"):
                        continue
                    self.by_entity[m.text.lower()].append((di, k))
                    if d.a.dominant_label.get(m.text.lower()) == m.label and len(m.text) > 2:
                        pools[m.label][m.text] += 1
        stop = _stop_words()
        self.pools = {
            label: sorted(
                t
                for t, n in c.items()
                if n >= 2
                and t.split()[0].lower() not in stop
                and t.split()[0].lower() not in ("following", "according")
                and all(w[:1].isupper() or w in ("of", "and", "for", "the") for w in t.split())
            )
            for label, c in pools.items()
        }
        self.stop = _stop_words()

    # ---------------------------------------------------------------- public

    def doc_pairs(self, di: int, quota: int) -> list[Pair]:
        d = self.docs[di]
        rng = random.Random(self.seed ^ _stable_hash(d.doc_id))
        per_label = [quota // 3 + (1 if i < quota % 3 else 0) for i in range(3)]
        out: list[Pair] = []
        seen: set[tuple[str, str]] = set()
        claims_by_ev: dict[str, dict[str, int]] = defaultdict(dict)
        weights = (BASE_WEIGHTS, REFUTED_WEIGHTS, NEI_WEIGHTS)
        for label in (0, 1, 2):
            made, tries = 0, 0
            kinds = list(weights[label])
            while made < per_label[label] and tries < per_label[label] * 10 + 10:
                # draw the kind first, then look for a window that offers it; fall back to any kind
                target = rng.choices(kinds, [weights[label][k] for k in kinds])[0]
                made_pair = None
                for attempt in range(7):
                    tries += 1
                    lo, hi = self._window(rng, di, target if attempt < 6 else None)
                    made_pair = self._make(rng, di, lo, hi, label, target if attempt < 6 else None)
                    if made_pair is not None:
                        break
                if made_pair is None:
                    continue
                claim_text, kind, base, reach = made_pair
                evidence = " ".join(s.text.strip() for s in d.sents[lo:hi])
                key = (evidence, claim_text)
                if key in seen or len(claim_text.split()) < 4:
                    continue
                # the same claim must not get two labels against one evidence
                if claims_by_ev[evidence].get(normalise(claim_text), label) != label:
                    continue
                claims_by_ev[evidence][normalise(claim_text)] = label
                seen.add(key)
                out.append(Pair(evidence, claim_text, label, kind, d.doc_id, base, reach))
                made += 1
        return out

    # ---------------------------------------------------------------- sampling

    def _window(self, rng: random.Random, di: int, target: str | None = None) -> tuple[int, int]:
        """Consecutive sentences ``[lo, hi)``; for the rarer kinds, placed where that kind is possible."""
        d = self.docs[di]
        n = len(d.sents)
        size = min(n, rng.choices([s for s, _ in WINDOW_SIZES], [w for _, w in WINDOW_SIZES])[0])
        lo = rng.randrange(0, n - size + 1)
        pairs = self._combinable(di) if target in ("combine", "added_clause") else []
        if target == "combine":
            near = [(k1, k2) for k1, k2 in pairs if abs(k2 - k1) <= 4]
            if near:
                k1, k2 = rng.choice(near)
                a, b = min(k1, k2), max(k1, k2)
                size = max(size, b - a + 1)
                lo = rng.randint(max(0, b - size + 1), min(a, n - size))
        elif target == "added_clause" and pairs:
            k_in, k_out = rng.choice(pairs)[:: rng.choice((1, -1))]
            size = min(size, 3)
            spots = [s for s in range(max(0, k_in - size + 1), min(k_in, n - size) + 1) if not s <= k_out < s + size]
            if spots:
                lo = rng.choice(spots)
            else:
                lo, size = k_in, 1
        elif target == "negation_removed":
            negated = sorted(self._negated(di))
            if negated:
                k = rng.choice(negated)
                lo = rng.randint(max(0, k - size + 1), min(k, n - size))
        elif target == "added_role":
            titled = self._untitled_people(di)
            if titled:
                k = rng.choice(titled)
                size = min(size, 2)
                lo = rng.randint(max(0, k - size + 1), min(k, n - size))
        while size > 1 and sum(d.words[lo : lo + size]) > MAX_EVIDENCE_WORDS:
            size -= 1
        return lo, lo + size

    def _combinable(self, di: int) -> list[tuple[int, int]]:
        """Sentence pairs (named subject first) that one claim can join: same subject, or "he"/"she" right after."""
        ck = ("comb", di, 0)
        if ck not in self._cache:
            d = self.docs[di]
            n = len(d.sents)
            self._cache[ck] = [
                (k1, k2)
                for k1 in range(n)
                for k2 in range(n)
                if k1 != k2 and d.claimable[k1] and d.claimable[k2] and self._joinable(di, k1, k2)
            ]
        return self._cache[ck]

    def _untitled_people(self, di: int) -> list[int]:
        """Sentences naming a person whose title is given only in other sentences."""
        ck = ("untitled", di, 0)
        if ck not in self._cache:
            d = self.docs[di]
            out = []
            for k, ms in enumerate(d.mentions):
                text = d.sents[k].text.lower()
                if any(
                    r.person == m.key and r.text.lower() not in text
                    for m in ms
                    if m.label == "PERSON"
                    for r in d.a.roles
                ):
                    out.append(k)
            self._cache[ck] = out
        return self._cache[ck]

    def _make(
        self, rng: random.Random, di: int, lo: int, hi: int, label: int, kind: str | None
    ) -> tuple[str, str, str, int] | None:
        """``(claim, kind, base form, reach)`` of the label, of ``kind`` when given, else of any kind.

        ``reach`` is how many words of the evidence a reader needs to judge the claim: up to the end
        of the last sentence the claim was built from (all of it for not_enough_info).
        """
        d = self.docs[di]
        if label == 0:
            got = self._base(rng, di, lo, hi, kind)
            if got is None:
                return None
            claim, base = got
            text = self.render(claim)
            return (text, base, base, self._reach(claim, lo)) if text else None
        if label == 1:
            for _ in range(3):
                got = self._base(rng, di, lo, hi)
                if got is None:
                    return None
                claim, base = got
                res = self._corrupt(rng, di, lo, hi, claim, kind)
                if res is not None:
                    return res[0], res[1], base, self._reach(claim, lo)
            return None
        nei = self._nei(rng, di, lo, hi, kind)
        return None if nei is None else (*nei, sum(d.words[lo:hi]))

    def _reach(self, claim: Claim, lo: int) -> int:
        d = self.docs[claim.d]
        last = max(u for u in claim.units if isinstance(u, int))
        k = next(k for k, s in enumerate(d.sents) if s.start <= last < s.end)
        return sum(d.words[lo : k + 1])

    def _base(self, rng: random.Random, di: int, lo: int, hi: int, form: str | None = None) -> tuple[Claim, str] | None:
        """A supported claim of the window: of ``form`` (or nothing) when given, else of a drawn form."""
        d = self.docs[di]
        ks = [k for k in range(lo, hi) if d.claimable[k]]
        if not ks:
            return None
        if form is None:
            forms = list(BASE_WEIGHTS)
            first = rng.choices(forms, [BASE_WEIGHTS[f] for f in forms])[0]
            order = [first] + [f for f in ("paraphrase", "compress", "clause", "copy") if f != first]
        else:
            order = [form]
        for f in order:
            if f == "combine":
                c = self._combine(rng, di, ks, ks)
                if c is not None:
                    return c, "combine"
                continue
            for k in self._shuffled(rng, di, ks):
                got = self._form(rng, di, k, f)
                if got is not None:
                    return got
        return None

    def _shuffled(self, rng: random.Random, di: int, ks: Sequence[int]) -> list[int]:
        """``ks`` in random order, negated sentences 3 times as likely to come first.

        Negation insertion puts "not" / "did not" into refuted claims; drawing the document's own
        negated sentences more often for the other labels keeps "not" from giving the label away.
        """
        negated = self._negated(di)
        keyed = [(rng.random() ** (1 / (3.0 if k in negated else 1.0)), k) for k in ks]
        return [k for _, k in sorted(keyed, reverse=True)]

    def _negated(self, di: int) -> set[int]:
        ck = ("negated", di, 0)
        if ck not in self._cache:
            d = self.docs[di]
            self._cache[ck] = {k for k, s in enumerate(d.sents) if any(t.dep_ == "neg" for t in s)}
        return self._cache[ck]

    def _form(self, rng: random.Random, di: int, k: int, form: str) -> tuple[Claim, str] | None:
        if form == "copy":
            return self._copy(di, k), "copy"
        if form == "compress":
            c = self._compress(rng, di, k)
            return (c, "compress") if c else None
        if form == "clause":
            c = self._clause(rng, di, k)
            return (c, "clause") if c else None
        if form == "paraphrase":
            return self._paraphrase(rng, di, k)
        return None

    # ---------------------------------------------------------------- rendering

    def render(self, claim: Claim) -> str:
        doc = self.docs[claim.d].spacy
        edits = {i: (j, text) for i, j, text in claim.edits}
        parts: list[str] = []
        units = claim.units
        k = 0
        while k < len(units):
            u = units[k]
            if isinstance(u, str):
                parts.append(u + " ")
                k += 1
                continue
            if u in edits:
                j, text = edits[u]
                if list(units[k : k + j - u]) != list(range(u, j)):
                    return ""
                nxt = units[k + j - u] if k + j - u < len(units) else None
                ws = doc[j - 1].whitespace_ if nxt == j else " "
                parts.append(text + (ws if text else ""))
                k += j - u
                continue
            nxt = units[k + 1] if k + 1 < len(units) else None
            tok = doc[u]
            parts.append(tok.text + (tok.whitespace_ if nxt == u + 1 else " "))
            k += 1
        return tidy("".join(parts))
