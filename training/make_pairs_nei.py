"""Not-enough-info claims for ``training/make_pairs.py``.

Methods of :class:`make_pairs_generator.PairGenerator`, kept in a mixin of their own: a sentence
from outside the evidence, or a claim with something added that the evidence does not state.
"""

from __future__ import annotations

import random
import re

from make_pairs_common import (
    _NEG_WORDS,
    _PLACE_TIME_ENTS,
    _QUANTIFIERS,
    _SAFE_PREPS_ANY,
    _SAFE_PREPS_PLACE_TIME,
    NEI_WEIGHTS,
    Claim,
)
from make_pairs_helpers import _lower_first, _phrase, _quotes
from make_pairs_sources import _content_words, normalise

from corrigo.synth import _lexicon as lex


class _NotEnoughInfo:
    """Claims the evidence neither supports nor refutes."""

    # ---------------------------------------------------------------- not enough info

    def _novel(self, claim: Claim, text: str, lo: int, hi: int, di: int) -> bool:
        """Whether the claim states something the window does not (two content words, or a name/number)."""
        d = self.docs[di]
        window = set().union(*d.lemmas[lo:hi])
        cdoc = self.docs[claim.d].spacy
        words: set[str] = set()
        strong = False
        for u in claim.units:
            if isinstance(u, int):
                t = cdoc[u]
                cw = _content_words([t])
                if cw and not cw & window:
                    words.add(t.lower_)
                    strong = strong or t.pos_ in ("PROPN", "NUM")
        for w in re.findall(
            r"[A-Za-z0-9]+", " ".join([u for u in claim.units if isinstance(u, str)] + [e[2] for e in claim.edits])
        ):
            if w.lower() not in self.stop and w.lower() not in window:
                words.add(w.lower())
                strong = strong or w[0].isupper() or w[0].isdigit()
        return len(words) >= 2 or (strong and len(words) >= 1)

    def _nei(self, rng: random.Random, di: int, lo: int, hi: int, target: str | None) -> tuple[str, str, str] | None:
        if target is None:
            kinds = list(NEI_WEIGHTS)
            first = rng.choices(kinds, [NEI_WEIGHTS[k] for k in kinds])[0]
            order = [first] + [k for k in ("added_modifier", "same_doc", "other_doc") if k != first]
        else:
            order = [target]
        for kind in order:
            got = getattr(self, f"_nei_{kind}")(rng, di, lo, hi)
            if got is not None:
                claim, base = got
                text = self.render(claim)
                if not text:
                    continue
                ev = normalise(" ".join(s.text for s in self.docs[di].sents[lo:hi]))
                if normalise(text) in ev or not self._novel(claim, text, lo, hi, di):
                    continue
                return text, kind, base
        return None

    def _outside(self, rng: random.Random, di: int, lo: int, hi: int) -> int | None:
        """A sentence of the document outside the window, preferably about the same entities."""
        d = self.docs[di]
        keys = set().union(*d.keys[lo:hi])
        window = set().union(*d.lemmas[lo:hi])
        cands, weights = [], []
        for k in range(len(d.sents)):
            if lo <= k < hi or not d.claimable[k]:
                continue
            lem = d.lemmas[k]
            if lem and len(lem & window) / len(lem) >= 0.7:
                continue  # restates the window
            cands.append(k)
            w = 1.0 + 3.0 * bool(d.keys[k] & keys) + 1.0 * (min(abs(k - lo), abs(k - hi + 1)) <= 2)
            weights.append(w * (3.0 if k in self._negated(di) else 1.0))
        if not cands:
            return None
        return rng.choices(cands, weights)[0]

    def _sentence_claim(self, rng: random.Random, di: int, k: int) -> tuple[Claim, str] | None:
        """A claim made from sentence ``k`` in the forms supported claims take (copy only as the last resort)."""
        form = rng.choices(["copy", "compress", "clause", "paraphrase"], [20, 30, 12, 38])[0]
        rest = [f for f in ("paraphrase", "compress", "clause") if f != form]
        rng.shuffle(rest)
        for f in (form, *rest, "copy"):
            got = self._form(rng, di, k, f)
            if got is not None:
                return got
        return None

    def _nei_same_doc(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        k = self._outside(rng, di, lo, hi)
        return None if k is None else self._sentence_claim(rng, di, k)

    def _nei_other_doc(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        d = self.docs[di]
        window = set().union(*d.lemmas[lo:hi])
        names = sorted({m.text.lower() for ms in d.mentions[lo:hi] for m in ms if m.label not in ("WEEKDAY", "MONTH")})
        cands = [(dj, k) for n in names for dj, k in self.by_entity.get(n, ()) if dj != di]
        if not cands:
            others = [dj for dj in range(len(self.docs)) if dj != di]
            if not others:
                return None
            dj = rng.choice(others)
            cands = [(dj, k) for k in range(len(self.docs[dj].sents))]
        rng.shuffle(cands)
        for dj, k in cands[:5]:
            o = self.docs[dj]
            if not o.claimable[k]:
                continue
            lem = o.lemmas[k]
            if lem and len(lem & window) / len(lem) >= 0.7:
                continue
            return self._sentence_claim(rng, dj, k)
        return None

    def _nei_added_clause(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        d = self.docs[di]
        inside = [k for k in range(lo, hi) if d.claimable[k]]
        outside = [k for k in range(len(d.sents)) if not lo <= k < hi and d.claimable[k]]
        window = set().union(*d.lemmas[lo:hi])
        outside = [k for k in outside if not d.lemmas[k] or len(d.lemmas[k] & window) / len(d.lemmas[k]) < 0.7]
        # the evidence's sentence gives the subject, or the outside one does
        firsts, seconds = (inside, outside) if rng.random() < 0.5 else (outside, inside)
        c = self._combine(rng, di, firsts, seconds)
        return (c, "combine") if c is not None else None

    def _nei_added_modifier(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        """A time, place or circumstance from elsewhere appended to a supported claim."""
        d = self.docs[di]
        window = set().union(*d.lemmas[lo:hi])
        window_text = " ".join(s.text for s in d.sents[lo:hi]).lower()
        got = self._base(rng, di, lo, hi)
        if got is None:
            return None
        claim, base = got
        cdoc = self.docs[claim.d].spacy
        toks = [cdoc[u] for u in claim.units if isinstance(u, int)]
        if any(t.dep_ == "neg" or t.lower_ in _NEG_WORDS or t.lower_ in _QUANTIFIERS for t in toks):
            return None  # "did not go" + "to Sydney" would still follow from the evidence
        last = claim.units[-1]
        if not toks or not (last == "." or (last == toks[-1].i and toks[-1].text == ".")):
            return None
        ent_types = {t.ent_type_ for t in toks}
        # the document's own circumstances first (they read naturally); another document's if it has none
        phrases: list[tuple[str, float]] = []
        others = [dj for dj in rng.sample(range(len(self.docs)), min(3, len(self.docs))) if dj != di]
        for group in (
            [(di, k) for k in range(len(d.sents)) if not lo <= k < hi],
            *[[(dj, k) for k in range(len(self.docs[dj].sents))] for dj in others],
        ):
            for dj, k in group:
                for text, types, words in self._modifiers(dj, k):
                    if types & ent_types or text.lower() in window_text or not (words - window):
                        continue
                    # dates at half weight: compressions drop them from supported claims, so many
                    # added ones would make "on Tuesday" a sign of not_enough_info
                    phrases.append((text, 0.5 if types & {"DATE", "TIME"} else 1.0))
            if phrases:
                break
        if not phrases:
            return None
        phrase = rng.choices([p for p, _ in phrases], [w for _, w in phrases])[0]
        units = list(claim.units[:-1]) + [phrase] + [claim.units[-1]]
        return Claim(claim.d, tuple(units), claim.edits), base

    def _modifiers(self, di: int, k: int) -> list[tuple[str, set[str], set[str]]]:
        """Time, place and circumstance PPs of a sentence: ``(text, entity types, content words)``."""
        ck = ("mods", di, k)
        if ck in self._cache:
            return self._cache[ck]
        sent = self.docs[di].sents[k]
        out = []
        for t in sent:
            if t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX"):
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                place_time = pobj.ent_type_ in _PLACE_TIME_ENTS
                if not (t.lower_ in _SAFE_PREPS_ANY or (t.lower_ in _SAFE_PREPS_PLACE_TIME and place_time)):
                    continue
                toks = list(t.subtree)
                if len(toks) > 10 or any(x.text in ('"', ",", "(") for x in toks):
                    continue
                types = {x.ent_type_ for x in toks if x.ent_type_}
                if not types and t.lower_ not in _SAFE_PREPS_ANY:
                    continue
                text = _lower_first(toks[0]) + _phrase(toks)[len(toks[0].text) :]
                out.append((text, types or {"CIRC"}, _content_words(toks)))
            elif t.dep_ == "npadvmod" and t.ent_type_ == "DATE" and t.head.pos_ == "VERB":
                toks = list(t.subtree)
                if len(toks) <= 4:
                    text = _lower_first(toks[0]) + _phrase(toks)[len(toks[0].text) :]
                    out.append((text, {"DATE"}, _content_words(toks)))
        self._cache[ck] = out
        return out

    def _nei_added_role(self, rng: random.Random, di: int, lo: int, hi: int) -> tuple[Claim, str] | None:
        """A person's title stated elsewhere in the document added to the claim."""
        d = self.docs[di]
        window_text = " ".join(s.text for s in d.sents[lo:hi]).lower()
        got = self._base(rng, di, lo, hi)
        if got is None:
            return None
        claim, base = got
        if claim.d != di:
            return None
        doc = d.spacy
        units = list(claim.units)
        positions = {u: n for n, u in enumerate(units) if isinstance(u, int)}
        options = []
        for m in d.a.mentions:
            if m.label != "PERSON" or m.tok_start not in positions:
                continue
            if any(
                positions.get(i, -9) != positions[m.tok_start] + i - m.tok_start for i in range(m.tok_start, m.tok_end)
            ):
                continue
            sent = doc[m.tok_start].sent
            if _quotes(doc[sent.start : m.tok_start]) % 2:
                continue  # inside a quotation
            prev = doc[m.tok_start - 1] if m.tok_start > 0 else None
            titled = prev is not None and (prev.lower_ in lex.ROLE_HEADS or prev.lower_ in lex.ROLE_MODIFIERS)
            if titled:
                continue
            for r in d.a.roles:
                if r.person != m.key or r.text.lower() in window_text:
                    continue
                honorific = prev is not None and prev.lower_ in lex.HONORIFICS
                options.append((m, r.text, honorific))
        if not options:
            return None
        m, role, honorific = rng.choice(options)
        n0 = positions[m.tok_start]
        n1 = positions[m.tok_end - 1] + 1
        if honorific or rng.random() < 0.5:
            app = [",", "the " + role.lower(), ","]
            new = units[:n1] + app + units[n1:]
        else:
            title = " ".join(w[:1].upper() + w[1:] for w in role.split())
            new = units[:n0] + [title] + units[n0:]
        return Claim(claim.d, tuple(new), claim.edits), base
