"""Corruption candidates for who said what, and whether it is so: ``attribution`` and ``negation``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from corrigo.synth import _lexicon as lex
from corrigo.synth._numbers import Quantity
from corrigo.synth.corrupt_analysis import Candidate, _Analysis, _related, _Role, _title_like
from corrigo.synth.corrupt_arithmetic import _word_before

_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that", "which", "who", "there", "what"})


# ---------------------------------------------------------------------- attribution


def _attribution_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    doc = a.doc
    roles_of: dict[str, list[_Role]] = defaultdict(list)
    for r in a.roles:
        roles_of[r.person].append(r)
    for verb in doc:
        if verb.lemma_.lower() not in lex.SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX") or not a.in_body(verb.idx):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        idx = a.mention_at_token[subj.i]
        if idx < 0 or a.mentions[idx].label != "PERSON":
            continue
        speaker = a.mentions[idx]
        own_roles = roles_of.get(speaker.key, [])
        if not own_roles:
            continue
        own_norms = {r.norm for r in own_roles}
        sent_roles = [r for r in own_roles if r.sent == speaker.sent]
        elsewhere = [r for r in own_roles if r.sent != speaker.sent]
        sent_text = a.sent_text(speaker.sent)
        # (A) another named person of the article, whose role differs, as the speaker
        for key, roles in roles_of.items():
            if key == speaker.key or _related(key, speaker.key):
                continue
            other_roles = [r for r in roles if r.norm not in own_norms]
            if not other_roles:
                continue
            full, surname = a.person_names.get(key, ("", ""))
            name = surname if speaker.n_name_tokens == 1 else full
            if not name or name.lower() in sent_text.lower():
                continue
            evidence = [(r.start, r.end) for r in own_roles] + [(r.start, r.end) for r in other_roles]
            out.append(
                Candidate(
                    "attribution",
                    speaker.start,
                    speaker.end,
                    speaker.text,
                    (name,),
                    tuple(evidence),
                    2 if sent_roles else 1,
                    "speaker swap",
                )
            )
        # (B) the speaker keeps the quote but gets another person's title
        for r in sent_roles:
            for o in a.roles:
                if o.person == speaker.key or o.norm in own_norms:
                    continue
                evidence = [(e.start, e.end) for e in elsewhere if e.norm == r.norm] + [(o.start, o.end)]
                out.append(
                    Candidate(
                        "attribution",
                        r.start,
                        r.end,
                        r.text,
                        (_title_like(r.text, o.text),),
                        tuple(evidence),
                        2 if any(e.norm == r.norm for e in elsewhere) else 1,
                        "speaker title",
                    )
                )
    return out


# ---------------------------------------------------------------------- negation


def _flip_verb(tok: Any) -> str | None:
    lemma = tok.lemma_.lower()
    ant = lex.ANTONYM_VERBS.get(lemma)
    if ant is None:
        return None
    if lemma == "lose":
        objects = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod")]
        contest = any(c.lemma_.lower() in lex.CONTESTS for c in objects)
        counted = any(c.like_num or any(g.like_num for g in c.children) for c in objects)
        ant = "gain" if counted and not contest else "win"
    form = lex.inflect(ant, tok.tag_)
    if form is None:
        return None
    return lex.match_case(tok.text, form)


def _negate_verb(tok: Any) -> tuple[int, int, str, str] | None:
    """``(start, end, right, wrong)`` that negates a verb, or ``None``."""
    if any(c.dep_ == "neg" for c in tok.children) or not _has_subject(tok):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i < tok.i]
    if auxes:
        aux = auxes[0]
        if aux.lower_ not in lex.AUX_NEGATABLE:
            return None
        return aux.idx, aux.idx + len(aux), aux.text, aux.text + " not"
    if tok.lemma_ == "be" and tok.lower_ in lex.AUX_NEGATABLE:
        return tok.idx, tok.idx + len(tok), tok.text, tok.text + " not"
    base = tok.lemma_.lower()
    if not base.isalpha():
        return None
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(tok.tag_)
    if do is None:
        return None
    return tok.idx, tok.idx + len(tok), tok.text, lex.match_case(tok.text, f"{do} not {base}")


def _has_subject(tok: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _has_figure(tok: Any) -> bool:
    return any(t.like_num and not (len(t.text) == 4 and t.text.isdigit()) for t in tok.subtree)


def _verb_args(a: _Analysis, verb: Any) -> set[str]:
    args: set[str] = set()
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue
        if c.lower_ in _PRONOUNS:
            continue
        idx = a.mention_at_token[c.i]
        args.add(a.mentions[idx].key if idx >= 0 else c.lemma_.lower())
    return args


def _from_to(a: _Analysis, verb: Any) -> tuple[Quantity, Quantity] | None:
    """The "from X" and "to Y" figures governed by ``verb``, if both are there."""
    sub_start = min(t.idx for t in verb.subtree)
    sub_end = max(t.idx + len(t) for t in verb.subtree)
    qs = [q for q, _ in a.quantities if sub_start <= q.start < sub_end and not q.maybe_year and q.unit != "%"]
    frm = [q for q in qs if _word_before(a.text, q.full_start) == "from"]
    to = [q for q in qs if _word_before(a.text, q.full_start) == "to"]
    for f in frm:
        for t in to:
            if f.unit == t.unit and f.value != t.value:
                return f, t
    return None


def _negation_candidates(a: _Analysis) -> list[Candidate]:
    out: list[Candidate] = []
    doc = a.doc
    verbs = [t for t in doc if t.pos_ == "VERB" and t.is_alpha]
    # (1) a direction verb against its own figures: "rose ... from $10.9bn to $11.1bn"
    for v in verbs:
        if not a.in_body(v.idx):
            continue
        lemma = v.lemma_.lower()
        if lemma not in lex.DIRECTION_UP and lemma not in lex.DIRECTION_DOWN:
            continue
        if any(c.dep_ == "neg" for c in v.children):
            continue
        ft = _from_to(a, v)
        if ft is None:
            continue
        f, t = ft
        if (t.value > f.value) != (lemma in lex.DIRECTION_UP):
            continue
        wrong = _flip_verb(v)
        if wrong:
            out.append(
                Candidate(
                    "negation",
                    v.idx,
                    v.idx + len(v),
                    v.text,
                    (wrong,),
                    ((f.full_start, f.full_end), (t.full_start, t.full_end)),
                    3,
                    "direction vs figures",
                )
            )
    # (2) the same predicate about the same thing stated twice: change the second
    by_lemma: dict[str, list[Any]] = defaultdict(list)
    for v in verbs:
        lemma = v.lemma_.lower()
        if lemma not in lex.LIGHT_VERBS and not any(c.dep_ == "neg" for c in v.children):
            by_lemma[lemma].append(v)
    for vs in by_lemma.values():
        if len(vs) < 2:
            continue
        args = [_verb_args(a, v) for v in vs]
        for i, v in enumerate(vs):
            if i == 0 or not a.in_body(v.idx):
                continue
            earlier = [vs[j] for j in range(i) if vs[j].sent.start != v.sent.start and args[i] & args[j]]
            if not earlier:
                continue
            evidence = tuple((e.idx, e.idx + len(e)) for e in earlier)
            flip = _flip_verb(v)
            if flip:
                out.append(
                    Candidate("negation", v.idx, v.idx + len(v), v.text, (flip,), evidence, 2, "restated, flipped")
                )
                continue
            neg = _negate_verb(v)
            if neg:
                s, e, right, wrong = neg
                out.append(Candidate("negation", s, e, right, (wrong,), evidence, 2, "restated, negated"))
    # (3) a clear factual verb or comparative with an antonym (nothing else in the article repeats it)
    for v in verbs:
        if not a.in_body(v.idx) or any(c.dep_ == "neg" for c in v.children):
            continue
        if v.lemma_.lower() not in lex.FACT_FLIP_VERBS or not _has_subject(v):
            continue
        named = any(a.mention_at_token[c.i] >= 0 for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
        if not (named or _has_figure(v)):
            continue
        flip = _flip_verb(v)
        if flip:
            out.append(Candidate("negation", v.idx, v.idx + len(v), v.text, (flip,), (), 1, "antonym verb"))
    for tok in doc:
        if not a.in_body(tok.idx) or not tok.is_alpha:
            continue
        low = tok.lower_
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        flip_word: str | None = None
        if low in ("up", "down", "above", "below") and nxt is not None and (nxt.like_num or nxt.tag_ == "$"):
            flip_word = lex.COMPARATIVE_FLIPS[low]
        elif low in ("more", "fewer", "less") and nxt is not None and nxt.lower_ == "than":
            after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
            if after is not None and (after.like_num or after.tag_ == "$"):
                flip_word = "fewer" if low == "more" else "more"
        elif low in ("higher", "lower", "better", "worse", "stronger", "weaker") and tok.tag_ in (
            "JJR",
            "RBR",
        ):
            flip_word = lex.COMPARATIVE_FLIPS[low]
        elif low in lex.NOUN_FLIPS and tok.pos_ == "NOUN" and _has_figure(tok):
            flip_word = lex.NOUN_FLIPS[low]
        if flip_word is None:
            continue
        out.append(
            Candidate(
                "negation",
                tok.idx,
                tok.idx + len(tok),
                tok.text,
                (lex.match_case(tok.text, flip_word),),
                (),
                1,
                "antonym word",
            )
        )
    return out
