"""Supported claims for ``training/make_pairs.py``: copies, compressions, clauses, combined sentences.

Methods of :class:`make_pairs_generator.PairGenerator`, kept in a mixin of their own.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from typing import Any

from make_pairs_common import (
    _BAD_MARKERS,
    _CLOSERS,
    _DISCOURSE,
    _NEG_WORDS,
    _PLACE_TIME_ENTS,
    _PRONOUNS,
    _QUANTIFIERS,
    _SAFE_ADVERBS,
    _SAFE_PREPS_ANY,
    _SAFE_PREPS_PLACE_TIME,
    Claim,
    Unit,
)
from make_pairs_helpers import _lower_first, _quotes

from corrigo.synth import _lexicon as lex


class _SupportedForms:
    """Supported forms: copy, compression, clause; two sentences joined."""

    # ---------------------------------------------------------------- supported forms

    @staticmethod
    def _sent_units(sent: Any) -> list[int]:
        return [t.i for t in sent if not t.is_space]

    def _copy(self, di: int, k: int) -> Claim:
        return Claim(di, tuple(self._sent_units(self.docs[di].sents[k])))

    def _drop_groups(self, di: int, k: int) -> list[frozenset[int]]:
        """Token sets that can be dropped without making the sentence say more than it did."""
        ck = ("drop", di, k)
        if ck in self._cache:
            return self._cache[ck]
        sent = self.docs[di].sents[k]
        doc = sent.doc
        negated = any(t.dep_ == "neg" or t.lower_ in _NEG_WORDS or t.lower_ in _QUANTIFIERS for t in sent)
        root = sent.root
        groups: list[frozenset[int]] = []
        end = sent.end - 1
        while end > sent.start and (doc[end].is_punct or doc[end].is_space):
            end -= 1

        def add(first: int, last: int, commas: bool = True) -> None:
            if first <= sent.start and last >= end:
                return
            # whole words only: "24-year-old" must not lose "24-year"
            if first > sent.start and not doc[first - 1].whitespace_:
                return
            if not doc[last].whitespace_ and last + 1 < sent.end and doc[last + 1].text not in _CLOSERS:
                return
            toks = set(range(first, last + 1))
            if root.i in toks:
                return
            if commas:
                before = first - 1 >= sent.start and doc[first - 1].text == ","
                after = last + 1 < sent.end and doc[last + 1].text == ","
                if after and (before or first == sent.start):
                    toks.add(last + 1)
                if before and (after or last >= end):
                    toks.add(first - 1)
            if _quotes(doc[i] for i in toks) % 2:
                return
            groups.append(frozenset(toks))

        for t in sent:
            first, last = t.left_edge.i, t.right_edge.i
            comma_near = (first - 1 >= sent.start and doc[first - 1].text == ",") or (
                last + 1 < sent.end and doc[last + 1].text == ","
            )
            comma_before = first - 1 >= sent.start and doc[first - 1].text == ","
            if (t.dep_ == "appos" and comma_near) or (t.dep_ == "relcl" and comma_before):
                add(first, last)
            elif t.dep_ == "advcl" and t.head.i == root.i and not negated and comma_near:
                marks = [c.lower_ for c in t.children if c.dep_ == "mark"]
                if not marks or marks[0] not in _BAD_MARKERS:
                    add(first, last)
            elif t.dep_ == "prep" and not negated and any(c.dep_ == "pobj" for c in t.children):
                pobj = next(c for c in t.children if c.dep_ == "pobj")
                place_time = pobj.ent_type_ in _PLACE_TIME_ENTS
                if pobj.tag_ in ("WDT", "WP", "WP$") or pobj.lower_ in ("which", "whom", "what"):
                    continue
                safe = t.lower_ in _SAFE_PREPS_ANY or (t.lower_ in _SAFE_PREPS_PLACE_TIME and place_time)
                if safe and t.head.pos_ in ("VERB", "AUX", "NOUN", "PROPN") and not _quotes(t.subtree):
                    add(first, last)
            elif t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME") and not negated:
                add(first, last)
            elif t.dep_ == "advmod" and t.lower_ in _SAFE_ADVERBS and t.head.i == root.i and not negated:
                add(t.i, t.i, commas=t.i == sent.start)
            elif t.i == sent.start and t.lower_ in _DISCOURSE and t.dep_ in ("cc", "advmod"):
                add(t.i, t.i)
            elif t.text == "(":
                close = next((u.i for u in doc[t.i : sent.end] if u.text == ")"), None)
                if close is not None:
                    add(t.i, close, commas=False)
        self._cache[ck] = groups
        return groups

    def _compress(self, rng: random.Random, di: int, k: int) -> Claim | None:
        groups = self._drop_groups(di, k)
        if not groups:
            return None
        rng_groups = list(groups)
        rng.shuffle(rng_groups)
        n = rng.choice((1, 1, 2, 3))
        dropped: set[int] = set()
        for g in rng_groups:
            if n == 0:
                break
            if g & dropped:
                continue
            dropped |= g
            n -= 1
        units = [u for u in self._sent_units(self.docs[di].sents[k]) if u not in dropped]
        doc = self.docs[di].spacy
        if sum(1 for u in units if doc[u].is_alpha) < 4:
            return None
        return Claim(di, tuple(units))

    def _clause(self, rng: random.Random, di: int, k: int) -> Claim | None:
        """One clause of a coordination: "Police arrested X and charged him" -> "Police charged him"."""
        sent = self.docs[di].sents[k]
        doc = sent.doc
        root = sent.root
        conjs = [
            c
            for c in root.children
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.tag_.startswith("VB") and c.i > root.i
        ]
        if not conjs:
            return None
        conj = rng.choice(conjs)
        subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        root_subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        conj_toks = list(range(conj.left_edge.i, conj.right_edge.i + 1))
        # the cc and comma before the conjunct belong to it
        j = conj.left_edge.i - 1
        lead: list[int] = []
        while j > root.i and (doc[j].dep_ == "cc" or doc[j].text == ","):
            lead.append(j)
            j -= 1
        final = [t.i for t in sent if t.i > conj.right_edge.i and not t.is_space]
        if rng.random() < 0.5 and (subj is not None or conj.tag_ == root.tag_):  # the first clause alone
            units = [u for u in self._sent_units(sent) if u not in conj_toks and u not in lead]
        elif subj is not None:
            units = conj_toks + final
        elif root_subj is not None and root_subj.i < root.i and conj.tag_ == root.tag_:
            if root_subj.lower_ in _PRONOUNS and root_subj.i != sent.start:
                return None
            subj_toks = list(range(root_subj.left_edge.i, root_subj.right_edge.i + 1))
            units = subj_toks + conj_toks + final
        else:
            return None
        if sum(1 for u in units if doc[u].is_alpha) < 4 or _quotes(doc[u] for u in units) % 2:
            return None
        return Claim(di, tuple(units))

    # ---------------------------------------------------------------- combining sentences

    def _subject(self, di: int, k: int) -> tuple[str, list[int], list[int], bool] | None:
        """``(entity key, subject tokens, predicate tokens, is_person)`` of a subject-initial sentence."""
        ck = ("subj", di, k)
        if ck in self._cache:
            return self._cache[ck]
        d = self.docs[di]
        sent = d.sents[k]
        doc = sent.doc
        root = sent.root
        out = None
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and root.pos_ in ("VERB", "AUX") and subj.left_edge.i == sent.start and subj.i < root.i:
            pred = [t.i for t in sent if t.i > subj.right_edge.i and not t.is_space]
            while pred and (doc[pred[-1]].is_punct):
                pred.pop()
            ok = (
                pred
                and not doc[pred[0]].is_punct
                and not _quotes(doc[i] for i in pred)
                and ":" not in [doc[i].text for i in pred]
                # the predicate starts at the verb group and nobody else is its subject: a misparse
                # can leave "pace bowler Andy Bichel says ..." right after the subject
                and (pred[0] == root.i or (doc[pred[0]].head.i == root.i and pred[0] < root.i))
                and not any(doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i == root.i for i in pred)
            )
            if ok:
                idx = d.a.mention_at_token[subj.i]
                if idx < 0 and (subj.lower_ in lex.ROLE_HEADS or subj.lemma_.lower() in lex.ROLE_HEADS):
                    # "The service's chief executive officer, Tony Sherbon, says" (but not "His parents,
                    # Donna and Peter Lane, ...": a surname shared with the son is not the same subject)
                    app = next((c for c in subj.children if c.dep_ == "appos"), None)
                    idx = d.a.mention_at_token[app.i] if app is not None else -1
                if idx >= 0 and d.a.mentions[idx].label in ("PERSON", "ORG", "GPE", "NORP"):
                    m = d.a.mentions[idx]
                    toks = list(range(subj.left_edge.i, subj.right_edge.i + 1))
                    out = (f"{m.label}:{m.key}", toks, pred, m.label == "PERSON")
                elif subj.lower_ in ("he", "she") and subj.left_edge.i == subj.right_edge.i:
                    out = ("PRON", [subj.i], pred, True)
                elif subj.pos_ in ("NOUN", "PROPN") and (
                    any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) or subj.tag_ == "NNS"
                ):
                    toks = list(range(subj.left_edge.i, subj.right_edge.i + 1))
                    if len(toks) <= 4:  # "the fire", "the new blaze": the same thing within a few sentences
                        out = (f"NOUN:{subj.lemma_.lower()}", toks, pred, False)
        self._cache[ck] = out
        return out

    def _gender(self, di: int, key: str) -> str | None:
        """ "he" or "she" for a person: from an honorific, else from the pronouns of the sentences naming them."""
        d = self.docs[di]
        votes: Counter[str] = Counter()
        for k, ms in enumerate(d.mentions):
            for m in ms:
                if m.label != "PERSON" or m.key != key:
                    continue
                prev = d.spacy[m.tok_start - 1].lower_.rstrip(".") if m.tok_start else ""
                if prev in ("mr", "sir", "lord"):
                    return "he"
                if prev in ("mrs", "ms", "miss", "lady", "dame"):
                    return "she"
                for j in (k, k + 1):
                    if j < len(d.sents):
                        for t in d.sents[j]:
                            if t.lower_ in ("he", "him", "his"):
                                votes["he"] += 1
                            elif t.lower_ in ("she", "her", "hers"):
                                votes["she"] += 1
        if not votes or (len(votes) == 2 and votes["he"] == votes["she"]):
            return None
        return votes.most_common(1)[0][0]

    def _joinable(self, di: int, k1: int, k2: int) -> bool:
        s1, s2 = self._subject(di, k1), self._subject(di, k2)
        if s1 is None or s2 is None or s1[0] == "PRON":
            return False
        if s2[0] == "PRON":
            if not s1[3] or not k1 < k2 <= k1 + 2:
                return False
            # "he" is the person named in k1 when no other person is named there or in between
            d = self.docs[di]
            key = s1[0].split(":", 1)[1]
            others = {m.key for k in range(k1, k2) for m in d.mentions[k] if m.label == "PERSON"}
            pron = d.spacy[s2[1][0]].lower_
            return others <= {key} and self._gender(di, key) == pron
        return s1[0] == s2[0] and (not s1[0].startswith("NOUN:") or abs(k1 - k2) <= 4)

    def _combine(self, rng: random.Random, di: int, firsts: Sequence[int], seconds: Sequence[int]) -> Claim | None:
        """Two sentences about one subject as one claim: "X, who Y, Z." or "X Y and Z."."""
        firsts, seconds = set(firsts), set(seconds)
        pairs = [(k1, k2) for k1, k2 in self._combinable(di) if k1 in firsts and k2 in seconds]
        if not pairs:
            return None
        k1, k2 = rng.choice(pairs)
        s1, s2 = self._subject(di, k1), self._subject(di, k2)
        assert s1 is not None and s2 is not None
        doc = self.docs[di].spacy
        subj = s1[1]
        pred1, pred2 = s1[2], s2[2]
        if rng.random() < 0.5:
            pred1, pred2 = pred2, pred1
        if rng.random() < 0.6:
            rel = "who" if s1[3] else "which"
            units: list[Unit] = [*subj, ",", rel, *pred1, ",", *pred2, "."]
        else:
            units = [*subj, *pred1, "and", *pred2, "."]
        edits = []
        for p in (pred1, pred2):  # a predicate that started a sentence ("Earlier, ...") is not at the start now
            t = doc[p[0]]
            low = _lower_first(t)
            if low != t.text:
                edits.append((t.i, t.i + 1, low))
        return Claim(di, tuple(units), tuple(edits))
