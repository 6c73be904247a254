"""Claim-vs-evidence training pairs for the 3-way verifier (supported=0, refuted=1, not_enough_info=2).

Every pair's evidence is 1-5 consecutive sentences of a real news document; the claim is built
from the document's own parse (spaCy, each document parsed once):

* supported: a sentence of the evidence, one of its clauses, a compression (appositives,
  non-restrictive relative clauses, safe adverbial clauses and PPs dropped), a paraphrase made
  without a model (fronted modifier moved, active/passive, number, date and reporting-verb
  formats, "X said Y" / "According to X, Y"), or two evidence sentences about one subject
  joined ("X, who Y, Z").
* refuted: a supported claim (any of the forms above) with one error taken from the
  corruption generator's machinery (:mod:`corrigo.synth.corrupt`): an entity swapped for one of
  the same type (the document's own first), a number, a date, a negation, an antonym, a speaker,
  a title, subject and object exchanged, two entities exchanged.
* not_enough_info: a sentence of the same document outside the evidence (same entities, other
  fact), a sentence of another document that names an entity of the evidence, or a supported
  claim with something added that the evidence does not state (a clause, a time or place, a
  person's title) taken from elsewhere in the document.

Sources are read in place from ``/work/shared/data`` (nothing is copied into the repository):
the Lee/ABC corpus shipped with gensim and the validation-split articles of FRANK, minus every
article whose text also appears in a benchmark we report on. See ``training/DATA_CARD.md``.

Usage:
    python training/make_pairs.py --out training/data/pairs --seed 13 [--max-pairs N]
"""


# ruff: noqa: E402  (the sibling modules are imported after the path is set)

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# The generator's parts are sibling modules (make_pairs_*.py); loading this file by path, as the
# tests do, does not put its folder on the import path.
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from make_pairs_card import _write_jsonl, write_card
from make_pairs_common import (
    BASE_WEIGHTS,
    DEFAULT_DATA,
    DEFAULT_MAX_PAIRS,
    FALLBACK_REFUTED_WEIGHTS,
    LABEL_NAMES,
    LABELS,
    MAX_EVIDENCE_WORDS,
    NEI_WEIGHTS,
    REFUTED_WEIGHTS,
    VALID_FRACTION,
    WINDOW_SIZES,
    Claim,
    Edit,
    Pair,
    PairSet,
    SourceDoc,
    Unit,
    _Doc,
)
from make_pairs_generator import PairGenerator
from make_pairs_helpers import _same_entity as _same_entity  # used by the tests
from make_pairs_helpers import tidy, verb_forms
from make_pairs_sources import _stable_hash, clean_text, load_nlp, load_sources, normalise, parse_documents

__all__ = [
    "LABELS",
    "LABEL_NAMES",
    "DEFAULT_DATA",
    "DEFAULT_MAX_PAIRS",
    "VALID_FRACTION",
    "MAX_EVIDENCE_WORDS",
    "BASE_WEIGHTS",
    "REFUTED_WEIGHTS",
    "FALLBACK_REFUTED_WEIGHTS",
    "NEI_WEIGHTS",
    "WINDOW_SIZES",
    "Unit",
    "Edit",
    "SourceDoc",
    "Claim",
    "Pair",
    "PairSet",
    "clean_text",
    "normalise",
    "load_sources",
    "load_nlp",
    "parse_documents",
    "tidy",
    "verb_forms",
    "PairGenerator",
    "write_card",
    "split_documents",
    "make_pairs",
    "main",
]


# ---------------------------------------------------------------------- the whole run


def split_documents(docs: Sequence[_Doc], seed: int, valid_fraction: float) -> dict[str, list[int]]:
    """Whole documents to train or valid, per source, by a seeded hash (about ``valid_fraction``)."""
    out: dict[str, list[int]] = {"train": [], "valid": []}
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_source[d.source].append(i)
    for idx in by_source.values():
        ranked = sorted(idx, key=lambda i: _stable_hash(f"{seed}:{docs[i].doc_id}"))
        n_valid = round(len(ranked) * valid_fraction) if valid_fraction > 0 else 0
        if valid_fraction > 0 and len(docs) > 1 and n_valid == 0 and len(ranked) > 1:
            n_valid = 1
        out["valid"].extend(ranked[:n_valid])
        out["train"].extend(ranked[n_valid:])
    out["train"].sort()
    out["valid"].sort()
    return out


def _balance(pairs: list[Pair], seed: int, limit: int | None) -> list[Pair]:
    """Trim the larger labels to within 5% of the smallest, then to ``limit``; keeps the order."""
    by_label: dict[int, list[Pair]] = defaultdict(list)
    for p in pairs:
        by_label[p.label].append(p)
    if len(by_label) < 3:
        return pairs
    cap = int(min(len(v) for v in by_label.values()) * 1.05)
    if limit is not None:
        cap = min(cap, -(-limit // 3))
    keep: set[int] = set()
    for label, items in by_label.items():
        ranked = sorted(
            range(len(items)), key=lambda i: _stable_hash(f"{seed}:{label}:{items[i].doc}:{items[i].claim}:{i}")
        )
        keep.update(id(items[i]) for i in ranked[:cap])
    out = [p for p in pairs if id(p) in keep]
    if limit is not None and len(out) > limit:
        ranked = sorted(range(len(out)), key=lambda i: _stable_hash(f"{seed}:cut:{out[i].claim}:{i}"))
        drop = {id(out[i]) for i in ranked[limit:]}
        out = [p for p in out if id(p) not in drop]
    return out


def make_pairs(
    sources: Sequence[SourceDoc],
    seed: int = 13,
    max_pairs: int = DEFAULT_MAX_PAIRS,
    nlp: Any = None,
    valid_fraction: float = VALID_FRACTION,
) -> PairSet:
    """Parse the documents once and draw about ``max_pairs`` pairs, split by document.

    Example:
        >>> pairs = make_pairs([SourceDoc("a:1", "a", text)], seed=13, max_pairs=30)  # doctest: +SKIP
        >>> {p.label for p in pairs.train} == {0, 1, 2}  # doctest: +SKIP
        True
    """
    nlp = nlp or load_nlp()
    docs = parse_documents(sources, nlp)
    forms = verb_forms(docs)
    splits = split_documents(docs, seed, valid_fraction)
    total_sents = sum(len(d.sents) for d in docs) or 1
    result: dict[str, list[Pair]] = {}
    for split, idx in splits.items():
        sub = [docs[i] for i in idx]
        if not sub:
            result[split] = []
            continue
        gen = PairGenerator(sub, forms, seed)
        pairs: list[Pair] = []
        split_target = max_pairs * sum(len(d.sents) for d in sub) / total_sents
        sents = sum(len(d.sents) for d in sub)
        for di, d in enumerate(sub):
            quota = max(3, round(split_target * len(d.sents) / sents * 1.06))
            pairs.extend(_with_split(p, split) for p in gen.doc_pairs(di, quota))
        result[split] = _balance(pairs, seed, round(split_target))
    return PairSet(
        train=result["train"],
        valid=result["valid"],
        docs={s: [docs[i].doc_id for i in idx] for s, idx in splits.items()},
        sentences=total_sents,
    )


def _with_split(p: Pair, split: str) -> Pair:
    return dataclasses.replace(p, split=split)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for train.jsonl and valid.jsonl")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-pairs", type=int, default=DEFAULT_MAX_PAIRS, help="about this many pairs in all")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--card", type=Path, default=Path(__file__).with_name("DATA_CARD.md"))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    sources, report = load_sources(args.data)
    print(f"{len(sources)} documents", file=sys.stderr)
    pairs = make_pairs(sources, seed=args.seed, max_pairs=args.max_pairs)
    args.out.mkdir(parents=True, exist_ok=True)
    _write_jsonl(args.out / "train.jsonl", pairs.train)
    _write_jsonl(args.out / "valid.jsonl", pairs.valid)
    shown = [a for a in (argv if argv is not None else sys.argv[1:])]
    command = "python training/make_pairs.py " + " ".join(shown)
    write_card(args.card, pairs, report, args.seed, command, args.max_pairs)
    print(
        f"{len(pairs.train)} train, {len(pairs.valid)} valid pairs in {time.perf_counter() - started:.0f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
