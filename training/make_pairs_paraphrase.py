"""Paraphrased supported claims for ``training/make_pairs.py`` (made without a model).

Methods of :class:`make_pairs_generator.PairGenerator`, kept in a mixin of their own: number,
date and reporting-verb formats, a fronted modifier moved, active/passive, "According to X".
"""

from __future__ import annotations

import random
import re
from typing import Any

from make_pairs_common import (
    _CURRENCY_NAMES,
    _DATE_DMY_RE,
    _DATE_MDY_RE,
    _MONTH_ABBR,
    _PRONOUN_CASE,
    _PRONOUNS,
    _REPORTING,
    _SCALE_NAMES,
    _TIME_RE,
    Claim,
    Edit,
    _Doc,
)
from make_pairs_helpers import _lower_first, _merge_edits, _quotes

from corrigo.synth import _lexicon as lex
from corrigo.synth._numbers import parse_number, word_number


class _Paraphrases:
    """Paraphrases of one sentence, each a claim of the same fact."""

    def _paraphrase(self, rng: random.Random, di: int, k: int) -> tuple[Claim, str] | None:
        options = self._paraphrase_options(di, k)
        if not options:
            return None
        kind, claim = rng.choice(options)
        # sometimes a second, token-level paraphrase on top
        extra = [c for kd, c in options if kd in ("number_format", "reporting_verb", "date_format") and kd != kind]
        if extra and rng.random() < 0.3:
            add = rng.choice(extra)
            merged = _merge_edits(claim, add.edits)
            if merged is not None:
                claim = merged
        return claim, f"para_{kind}"

    def _paraphrase_options(self, di: int, k: int) -> list[tuple[str, Claim]]:
        ck = ("para", di, k)
        if ck in self._cache:
            return self._cache[ck]
        d = self.docs[di]
        sent = d.sents[k]
        units = tuple(self._sent_units(sent))
        out: list[tuple[str, Claim]] = []
        for e in self._number_formats(d, sent):
            out.append(("number_format", Claim(di, units, (e,))))
        for e in self._date_formats(d, sent):
            out.append(("date_format", Claim(di, units, (e,))))
        for t in sent:
            if t.pos_ != "VERB":
                continue
            for new in _REPORTING.get((t.lemma_.lower(), t.tag_), ()):
                if new == "said to" and not any(c.dep_ in ("dobj", "dative") for c in t.children):
                    continue
                if new == "said to" and any(c.dep_ == "ccomp" for c in t.children):
                    continue  # "told reporters that ..." -> "said to reporters that" is clumsy but fine; skip it
                out.append(("reporting_verb", Claim(di, units, ((t.i, t.i + 1, new),))))
        for kind, fn in (("reorder", self._reorder), ("voice", self._voice), ("according_to", self._according)):
            c = fn(di, sent)
            if c is not None:
                out.append((kind, c))
        self._cache[ck] = out
        return out

    def _number_formats(self, d: _Doc, sent: Any) -> list[Edit]:
        out: list[Edit] = []
        doc = d.spacy
        for q, _ in d.a.quantities:
            if not (sent.start_char <= q.full_start and q.full_end <= sent.end_char) or q.maybe_year:
                continue
            before = d.text[max(0, q.full_start - 1) : q.full_start]
            after = d.text[q.full_end : q.full_end + 1]
            if before in ("-", ":", "/") or after in ("-", ":", "/"):
                continue
            full = d.text[q.full_start : q.full_end]
            lit = q.literal
            alts: list[str] = []
            m = re.fullmatch(
                r"(?P<cur>[$£€])?(?P<num>[\d.,]+|[A-Za-z-]+)(?P<scale>\s?(?:bn|m|k|tn|billion|million|thousand|trillion))?(?P<pct>\s?%|\s?per\s?cent|\s?percent)?(?P<rest>.*)",
                full,
            )
            if m is None:
                continue
            cur, scale, pct, rest = m.group("cur"), (m.group("scale") or "").strip(), m.group("pct"), m.group("rest")
            scale_word = _SCALE_NAMES.get(scale, scale)
            if cur and not pct and not rest:
                alts.append(f"{lit}{' ' + scale_word if scale_word else ''} {_CURRENCY_NAMES[cur]}")
                if scale in _SCALE_NAMES:
                    alts.append(f"{cur}{lit} {scale_word}")
            elif pct and not cur:
                alts.append(f"{lit} per cent" if "%" in pct else f"{lit}%")
            elif scale in _SCALE_NAMES and not cur:
                alts.append(f"{lit} {scale_word}")
            elif not cur and not scale and not pct:
                v = parse_number(lit)
                if v is None or not float(v).is_integer():
                    continue
                iv = int(v)
                tok = doc.char_span(q.start, q.end, alignment_mode="expand")
                dated = tok is not None and any(
                    x.ent_type_ in ("DATE", "TIME") or x.text in lex.MONTHS
                    for x in doc[max(0, tok.start - 1) : tok.end + 1]
                )
                if q.is_word and 2 <= iv <= 99:
                    if q.full_start == sent.start_char:
                        continue  # "Two officers were hurt" does not start with a digit
                    alts.append(str(iv))
                elif dated:
                    continue
                elif not q.is_word and 2 <= iv <= 20 and "," not in lit:
                    w = word_number(iv)
                    if w:
                        alts.append(w)
                elif "," in lit:
                    alts.append(lit.replace(",", ""))
                    if iv % 1000 == 0 and iv < 100_000 and word_number(iv // 1000):
                        alts.append(f"{word_number(iv // 1000)} thousand")
                elif iv >= 10_000:
                    alts.append(f"{iv:,}")
            span = doc.char_span(q.full_start, q.full_end, alignment_mode="expand")
            if span is None or not alts:
                continue
            pre = d.text[span.start_char : q.full_start]
            post = d.text[q.full_end : span.end_char]
            for alt in alts[:1]:
                out.append((span.start, span.end, pre + alt + post))
        # "4:00pm" -> "4pm"
        for m in _TIME_RE.finditer(sent.text):
            s = sent.start_char + m.start()
            span = doc.char_span(s, s + len(m.group()), alignment_mode="expand")
            if span is not None and span.start_char == s and span.end_char == s + len(m.group()):
                out.append((span.start, span.end, f"{m.group('h')}{m.group('ap').lower()}"))
        return out

    def _date_formats(self, d: _Doc, sent: Any) -> list[Edit]:
        out: list[Edit] = []
        doc = d.spacy
        for rx, fmt in ((_DATE_MDY_RE, "{d} {m} {y}"), (_DATE_DMY_RE, "{m} {d}, {y}")):
            for m in rx.finditer(sent.text):
                s = sent.start_char + m.start()
                span = doc.char_span(s, s + len(m.group()), alignment_mode="expand")
                if span is None or span.start_char != s:
                    continue
                new = fmt.format(d=int(m.group("d")), m=m.group("m"), y=m.group("y"))
                out.append((span.start, span.end, new + d.text[s + len(m.group()) : span.end_char]))
        for t in sent:  # "Jan." -> "January"
            if t.text.rstrip(".") in _MONTH_ABBR and t.text.endswith(".") and t.tag_ == "NNP":
                out.append((t.i, t.i + 1, _MONTH_ABBR[t.text.rstrip(".")]))
        return out

    def _reorder(self, di: int, sent: Any) -> Claim | None:
        """A fronted modifier moved to the end: "In 2001, X did Y." -> "X did Y in 2001."."""
        doc = sent.doc
        root = sent.root
        first = doc[sent.start]
        head = first
        while head.head.i != root.i and head.head.i != head.i:
            head = head.head
        if head.dep_ not in ("prep", "advcl", "npadvmod") or head.i == root.i:
            return None
        last = head.right_edge.i
        if last + 1 >= sent.end or doc[last + 1].text != "," or head.left_edge.i != sent.start:
            return None
        moved = list(range(sent.start, last + 1))
        if _quotes(doc[i] for i in moved):
            return None
        rest = [t.i for t in sent if t.i > last + 1 and not t.is_space]
        if not rest or not doc[rest[-1]].is_punct:
            return None
        units = rest[:-1] + moved + rest[-1:]
        edits = []
        low = _lower_first(first)
        if low != first.text:
            edits.append((first.i, first.i + 1, low))
        return Claim(di, tuple(units), tuple(edits))

    def _voice(self, di: int, sent: Any) -> Claim | None:
        """Simple past-tense SVO, active <-> passive: "Police arrested a man" <-> "A man was arrested by police"."""
        doc = sent.doc
        root = sent.root
        kids = list(root.children)
        deps = {c.dep_ for c in kids}
        if root.pos_ != "VERB" or not root.lower_.endswith("ed") or deps & {"neg", "prt", "dative", "conj", "cc"}:
            return None
        if root.tag_ == "VBD" and {"nsubj", "dobj"} <= deps and not deps & {"aux", "auxpass", "ccomp", "xcomp"}:
            subj = next(c for c in kids if c.dep_ == "nsubj")
            obj = next(c for c in kids if c.dep_ == "dobj")
            if subj.right_edge.i + 1 != root.i or obj.left_edge.i != root.i + 1 or subj.left_edge.i != sent.start:
                return None
            if obj.tag_ == "NN" and not any(
                c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in obj.children
            ):
                return None  # "opened fire" is an idiom, not an object
            subj_t = list(range(subj.left_edge.i, subj.right_edge.i + 1))
            obj_t = list(range(obj.left_edge.i, obj.right_edge.i + 1))
            rest = [t.i for t in sent if t.i > obj.right_edge.i and not t.is_space]
            plural = (
                obj.tag_ in ("NNS", "NNPS")
                or any(c.dep_ == "conj" for c in obj.children)
                or obj.lower_
                in (
                    "they",
                    "them",
                    "we",
                    "us",
                )
            )
            be = "were" if plural else "was"
            units = obj_t + [be, root.i, "by"] + subj_t + rest
            edits = []
            for t in (doc[subj_t[0]], doc[obj_t[0]]):
                alone = (len(subj_t) == 1 and t.i == subj.i) or (len(obj_t) == 1 and t.i == obj.i)
                if alone and t.lower_ in _PRONOUN_CASE:
                    edits.append((t.i, t.i + 1, _PRONOUN_CASE[t.lower_]))
                elif t.i == subj_t[0]:
                    low = _lower_first(t)
                    if low != t.text:
                        edits.append((t.i, t.i + 1, low))
            if any(doc[i].lower_ in ("it", "that", "this", "which", "who") for i in subj_t + obj_t if len(subj_t) == 1):
                return None
            return Claim(di, tuple(units), tuple(edits))
        if root.tag_ == "VBN" and {"nsubjpass", "auxpass", "agent"} <= deps and not deps & {"aux", "ccomp", "xcomp"}:
            subj = next(c for c in kids if c.dep_ == "nsubjpass")
            aux = next(c for c in kids if c.dep_ == "auxpass")
            agent = next(c for c in kids if c.dep_ == "agent")
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is None or aux.lower_ not in ("was", "were") or agent.i != root.i + 1:
                return None
            if subj.left_edge.i != sent.start or subj.right_edge.i + 1 != aux.i or aux.i + 1 != root.i:
                return None
            subj_t = list(range(subj.left_edge.i, subj.right_edge.i + 1))
            agent_t = list(range(pobj.left_edge.i, pobj.right_edge.i + 1))
            rest = [t.i for t in sent if t.i > agent.right_edge.i and not t.is_space]
            units = agent_t + [root.i] + subj_t + rest
            edits = []
            for t, toks in ((subj, subj_t), (pobj, agent_t)):
                if len(toks) == 1 and t.lower_ in _PRONOUN_CASE:
                    edits.append((t.i, t.i + 1, _PRONOUN_CASE[t.lower_]))
                elif t is subj:
                    low = _lower_first(doc[subj_t[0]])
                    if low != doc[subj_t[0]].text:
                        edits.append((subj_t[0], subj_t[0] + 1, low))
            return Claim(di, tuple(units), tuple(edits))
        return None

    def _according(self, di: int, sent: Any) -> Claim | None:
        """ "X said (that) Y." <-> "According to X, Y." """
        doc = sent.doc
        root = sent.root
        kids = list(root.children)
        if root.lemma_ == "say" and root.tag_ in ("VBD", "VBZ"):
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            comp = next((c for c in kids if c.dep_ == "ccomp"), None)
            if subj is None or comp is None or subj.lower_ in _PRONOUNS or subj.left_edge.i != sent.start:
                return None
            if subj.right_edge.i + 1 != root.i or comp.i < root.i or any(c.dep_ == "aux" for c in kids):
                return None
            if any(c.dep_ not in ("nsubj", "ccomp", "punct") for c in kids):
                return None
            start = root.i + 1
            if doc[start].lower_ == "that":
                start += 1
            if (
                doc[start].text in (",", ":", '"')
                or comp.left_edge.i != start
                and doc[comp.left_edge.i].lower_ != "that"
            ):
                return None
            body = [t.i for t in sent if t.i >= start and not t.is_space]
            subj_t = list(range(subj.left_edge.i, subj.right_edge.i + 1))
            units = ["According to", *subj_t, ",", *body]
            edits = []
            low = _lower_first(doc[subj_t[0]])
            if low != doc[subj_t[0]].text:
                edits.append((subj_t[0], subj_t[0] + 1, low))
            return Claim(di, tuple(units), tuple(edits))
        first = doc[sent.start]
        if first.lower_ == "according" and sent.start + 1 < sent.end and doc[sent.start + 1].lower_ == "to":
            prep = first
            last = prep.right_edge.i
            if last + 1 >= sent.end or doc[last + 1].text != ",":
                return None
            source = list(range(sent.start + 2, last + 1))
            if not source or any(doc[i].lower_ in _PRONOUNS for i in source):
                return None
            rest = [t.i for t in sent if t.i > last + 1 and not t.is_space]
            edits = []
            if rest:
                low = _lower_first(doc[rest[0]])
                if low != doc[rest[0]].text:
                    edits.append((rest[0], rest[0] + 1, low))
            verb = "says" if any(t.tag_ in ("VBZ", "VBP") for t in sent if t.dep_ == "ROOT") else "said"
            return Claim(di, tuple(source + [verb] + rest), tuple(edits))
        return None
