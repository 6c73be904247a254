"""Refuted claims for ``training/make_pairs.py``: one error put into a supported claim.

Methods of :class:`make_pairs_generator.PairGenerator`, kept in a mixin of their own.
"""

from __future__ import annotations

import random
from collections import defaultdict

from make_pairs_common import (
    _PRONOUNS,
    _RELATIVE_DATES,
    _SYMMETRIC,
    _WORD_ANTONYMS,
    FALLBACK_REFUTED_WEIGHTS,
    REFUTED_WEIGHTS,
    Claim,
    Edit,
)
from make_pairs_helpers import (
    _fits,
    _lower_first,
    _merge_edits,
    _negations,
    _phrase,
    _quotes,
    _role,
    _same_entity,
    _tok_at,
)
from make_pairs_sources import _stable_hash, normalise

from corrigo.synth import _lexicon as lex

# The corruption generator's analysis (entity mentions with coreference keys, quantities,
# years, person titles) and its swap helpers, reused on claims instead of whole articles.
from corrigo.synth.corrupt import (
    _entity_options,
    _flip_verb,
    _negate_verb,
    _number_options,
    _title_like,
)


class _Refutations:
    """The errors a claim can take, and putting one in."""

    # ---------------------------------------------------------------- refuted

    def _ops(self, di: int, k: int) -> list[tuple[str, tuple[Edit, ...]]]:
        """Every single error that can be put into sentence ``k``, as token edits."""
        ck = ("ops", di, k)
        if ck in self._cache:
            return self._cache[ck]
        d = self.docs[di]
        a = d.a
        sent = d.sents[k]
        doc = d.spacy
        rng = random.Random(self.seed ^ _stable_hash(f"{d.doc_id}:{k}"))
        out: list[tuple[str, tuple[Edit, ...]]] = []
        ms = d.mentions[k]
        # entities, speakers, weekdays and months
        for m in ms:
            if m.label in ("WEEKDAY", "MONTH"):
                pool = lex.WEEKDAYS if m.label == "WEEKDAY" else lex.MONTHS
                for o in rng.sample([p for p in pool if p != m.text], 2):
                    out.append(("date_change", ((m.tok_start, m.tok_end, o),)))
                continue
            opts = [o for o in _entity_options(a, m, sent.text) if not _same_entity(o, m.text)]
            in_doc = [o for o in opts if o.lower() in d.text.lower()]
            if not in_doc:
                pool = [p for p in self.pools.get(m.label, ()) if p.lower() not in d.text.lower()]
                if m.label == "PERSON" and m.n_name_tokens == 1:
                    pool = [p.split()[-1] for p in pool if len(p.split()) >= 2]
                opts = rng.sample(pool, min(3, len(pool))) if pool else opts[:2]
            else:
                opts = in_doc[:4]
            head = doc[m.tok_end - 1]
            speaker = m.label == "PERSON" and head.dep_ in ("nsubj",) and head.head.lemma_.lower() in lex.SPEECH_VERBS
            for o in opts:
                if _same_entity(o, m.text):
                    continue
                out.append(("attribution_swap" if speaker else "entity_swap", ((m.tok_start, m.tok_end, o),)))
        # numbers and years
        years = {y.start for y in a.years}
        for q, _ in a.quantities:
            if not (sent.start_char <= q.start and q.end <= sent.end_char):
                continue
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            pre, post = d.text[span.start_char : q.start], d.text[q.end : span.end_char]
            kind = "date_change" if q.start in years else "number_change"
            for o in _number_options(q)[:3]:
                out.append((kind, ((span.start, span.end, pre + o + post),)))
        for y in a.years:
            if sent.start_char <= y.start < sent.end_char and not any(q.start == y.start for q, _ in a.quantities):
                span = doc.char_span(y.start, y.end)
                if span is not None:
                    for dv in (-1, 1, 2):
                        out.append(("date_change", ((span.start, span.end, str(y.value + dv)),)))
        for t in sent:
            low = t.lower_
            if low in _RELATIVE_DATES and t.ent_type_ in ("DATE", "TIME", ""):
                for o in _RELATIVE_DATES[low][:1]:
                    out.append(("date_change", ((t.i, t.i + 1, lex.match_case(t.text, o)),)))
            if low == "last" and t.i + 1 < sent.end and doc[t.i + 1].lower_ in ("week", "month", "year", "weekend"):
                out.append(("date_change", ((t.i, t.i + 1, lex.match_case(t.text, "next")),)))
        # negation inserted or removed, antonyms
        for t in sent:
            if t.pos_ not in ("VERB", "AUX") or t.dep_ in ("aux", "auxpass"):
                continue
            neg = next((c for c in t.children if c.dep_ == "neg"), None)
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > t.i for c in t.children):
                continue  # "..., said Treadwell" cannot take "did not"
            if neg is None:
                got = _negate_verb(t)
                if got is not None:
                    s, _, _, wrong = got
                    ti = _tok_at(doc, s)
                    if ti is not None:
                        for form in _negations(t, ti, wrong):
                            out.append(("negation", ((ti, ti + 1, form),)))
                flip = _flip_verb(t) if t.pos_ == "VERB" else None
                if flip:
                    out.append(("antonym", ((t.i, t.i + 1, flip),)))
            else:
                aux = next((c for c in t.children if c.dep_ in ("aux", "auxpass") and c.i == neg.i - 1), None)
                if aux is not None and aux.lemma_ == "do" and neg.i + 1 == t.i:
                    tag = {"did": "VBD", "does": "VBZ", "do": "VBP"}.get(aux.lower_)
                    form = self.forms.get((t.lemma_.lower(), tag or ""))
                    if form:
                        out.append(("negation_removed", ((aux.i, t.i + 1, lex.match_case(aux.text, form)),)))
                elif neg.lower_ in ("not", "n't", "never"):
                    if neg.lower_ == "n't" and neg.i > 0 and doc[neg.i - 1].lower_ in ("ca", "wo", "sha"):
                        continue
                    out.append(("negation_removed", ((neg.i, neg.i + 1, ""),)))
        for t in sent:
            if t.ent_type_ or not t.is_alpha:
                continue
            low = t.lower_
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            flip_word = None
            if low in ("up", "down", "above", "below") and nxt is not None and (nxt.like_num or nxt.tag_ == "$"):
                flip_word = lex.COMPARATIVE_FLIPS[low]
            elif low in ("more", "fewer", "less") and nxt is not None and nxt.lower_ == "than":
                flip_word = "fewer" if low == "more" else "more"
            elif low in ("higher", "lower", "better", "worse", "stronger", "weaker") and t.tag_ in ("JJR", "RBR"):
                flip_word = lex.COMPARATIVE_FLIPS[low]
            elif low in lex.NOUN_FLIPS and t.pos_ == "NOUN":
                flip_word = lex.NOUN_FLIPS[low]
            elif low in _WORD_ANTONYMS and t.pos_ in ("ADJ", "ADV", "ADP", "VERB", "NOUN") and t.dep_ != "compound":
                flip_word = _WORD_ANTONYMS[low]
            if flip_word:
                out.append(("antonym", ((t.i, t.i + 1, lex.match_case(t.text, flip_word)),)))
        # titles
        for r in a.roles:
            if not sent.start_char <= r.start < sent.end_char:
                continue
            span = doc.char_span(r.start, r.end)
            if span is None or (span.start > sent.start and doc[span.start - 1].pos_ == "PROPN"):
                continue  # "Foreign Affairs Minister": the title is more than the role run
            others = sorted({o.text for o in a.roles if o.person != r.person and o.norm != r.norm})
            if not others:
                others = [p for p in lex.ROLE_POOL if p != r.norm]
            for o in rng.sample(others, min(2, len(others))):
                out.append(("role_swap", ((span.start, span.end, _title_like(r.text, o)),)))
        # subject and object exchanged, two entities exchanged
        for t in sent:
            if t.pos_ != "VERB" or t.lemma_.lower() in _SYMMETRIC:
                continue
            kids = list(t.children)
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            obj = next((c for c in kids if c.dep_ == "dobj"), None)
            if subj is None or obj is None:
                subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
                agent = next((c for c in kids if c.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subj is None or obj is None:
                continue
            # who did what to whom: names, or two definite noun phrases ("the council sued the company")
            if subj.pos_ not in ("PROPN", "NOUN") or obj.pos_ not in ("PROPN", "NOUN"):
                continue
            if "PROPN" not in (subj.pos_, obj.pos_) and not all(
                any(c.dep_ in ("det", "poss") for c in x.children) for x in (subj, obj)
            ):
                continue
            s_t = doc[subj.left_edge.i : subj.right_edge.i + 1]
            o_t = doc[obj.left_edge.i : obj.right_edge.i + 1]
            if any(x.lower_ in _PRONOUNS for x in (*s_t, *o_t)) or s_t.end > o_t.start or len(s_t) > 6 or len(o_t) > 6:
                continue
            s_txt, o_txt = _phrase(s_t), _phrase(o_t)
            if _same_entity(s_txt, o_txt):
                continue
            if s_t.start == sent.start:
                s_txt = _lower_first(s_t[0]) + s_txt[len(s_t[0].text) :]
            out.append(("role_reversal", ((s_t.start, s_t.end, o_txt), (o_t.start, o_t.end, s_txt))))
        named = [m for m in ms if m.label not in ("WEEKDAY", "MONTH")]
        for i, m1 in enumerate(named):
            for m2 in named[i + 1 :]:
                if m1.label != m2.label or m1.key == m2.key or _same_entity(m1.text, m2.text):
                    continue
                if _role(doc, m1) == _role(doc, m2) or m1.tok_end >= m2.tok_start:
                    continue
                if _quotes(doc[m1.tok_end : m2.tok_start]) % 2:
                    continue  # one inside a quotation, one outside
                if not all(doc[m.tok_end - 1].pos_ == "PROPN" for m in (m1, m2)):
                    continue
                out.append(
                    ("entity_exchange", ((m1.tok_start, m1.tok_end, m2.text), (m2.tok_start, m2.tok_end, m1.text)))
                )
        self._cache[ck] = out
        return out

    def _corrupt(
        self, rng: random.Random, di: int, lo: int, hi: int, claim: Claim, target: str | None = None
    ) -> tuple[str, str] | None:
        d = self.docs[di]
        used = {u for u in claim.units if isinstance(u, int)}
        ks = sorted({k for k in range(lo, hi) if any(d.sents[k].start <= u < d.sents[k].end for u in used)})
        by_kind: dict[str, list[tuple[Edit, ...]]] = defaultdict(list)
        for k in ks:
            for kind, edits in self._ops(di, k):
                if _fits(claim, edits):
                    by_kind[kind].append(edits)
        if target is not None:
            by_kind = {target: by_kind[target]} if target in by_kind else {}
        if not by_kind:
            return None
        kind_weights = REFUTED_WEIGHTS if target is not None else FALLBACK_REFUTED_WEIGHTS
        base_text = self.render(claim)
        evidence_norm = normalise(" ".join(s.text for s in d.sents[lo:hi]))
        window_text = " ".join(s.text for s in d.sents[lo:hi]).lower()
        kinds = sorted(by_kind)
        for _ in range(4):
            kind = rng.choices(kinds, [kind_weights[k] for k in kinds])[0]
            ops = by_kind[kind]
            # prefer a value the evidence itself mentions: the realistic, hard case
            weights = [3.0 if any(e[2] and e[2].lower() in window_text for e in op) else 1.0 for op in ops]
            op = rng.choices(ops, weights)[0]
            merged = _merge_edits(claim, op)
            if merged is None:
                continue
            text = self.render(merged)
            if not text or normalise(text) == normalise(base_text) or normalise(text) in evidence_norm:
                continue
            if kind in ("entity_swap", "attribution_swap") and text.lower().count(op[0][2].lower()) > 1:
                continue  # "Smith and Smith"
            return text, kind
        return None
