"""Accuracy benchmark: Corrigo's source mode on public factual-consistency benchmarks.

Each item is a (document, summary or claim) pair with a human label, consistent = 1 / 0. The summary
is checked with the document as its only source, through the public API (``Checker.run(summary,
sources=[Document(...)])``, what ``corrigo.check`` calls) with ``min_confidence=0`` so that no finding
is dropped. Every check-worthy claim the document does not support is an ``unsupported`` finding, one
it contradicts a ``refuted`` finding with a suggestion; the summary's own internal checks run too.

    inconsistency score = max confidence over the findings (0 when there are none)

Metrics per data set: balanced accuracy at the default threshold (consistent iff no finding of
confidence >= 0.5), balanced accuracy at a threshold tuned on the data set's validation split (where
one exists), ROC AUC of the consistent-probability 1 - score (ties count half), and speed. For BUMP
(minimal pairs: reference summary vs the same summary with one injected error) also localisation
(a reported finding overlaps the edited words) and correction (a finding's suggestion, applied to its
span, gives back the reference summary). Data is read in place from ../shared/data (see each folder's
PROVENANCE.md); published numbers come from ../shared/data/ANCHORS.md.

    python benchmarks/accuracy.py                                # every data set, full
    python benchmarks/accuracy.py --limit 40 --no-write          # quick look: 40 items per split
    python benchmarks/accuracy.py --datasets frank,bump-task1 --workers 2
    python benchmarks/accuracy.py --verifier learned             # when Config has a `verifier` option

Writes the ``accuracy`` section of BENCHMARKS.md and benchmarks/results/accuracy.json (metrics and
every item's score, so runs can be compared and thresholds recomputed).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import json
import math
import multiprocessing as mp
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO_ROOT, command_line, machine_line, markdown_table, utc_now, write_section  # noqa: E402

DATA = (REPO_ROOT / ".." / "shared" / "data").resolve()
RESULTS_JSON = REPO_ROOT / "benchmarks" / "results" / "accuracy.json"
DEFAULT_THRESHOLD = 0.5


# ---- items and loaders ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """One (document, summary) pair. ``label`` is 1 when humans judged the summary consistent.

    BUMP items also carry their pair id and, for an edited summary, the reference it was made from.
    """

    id: str
    document: str
    summary: str
    label: int
    split: str
    pair: str | None = None
    reference: str | None = None


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_frank() -> list[Item]:
    """FRANK: consistent iff ``human_Factuality == 1`` (every sentence error-free); test / valid by article."""
    return [
        Item(f"{r['hash']}/{r['model_name']}", r["article"], r["summary"], int(r["label_consistent"]), r["split"])
        for r in _jsonl(DATA / "frank" / "frank_benchmark.jsonl")
    ]


def load_xsumfaith() -> list[Item]:
    """XSumFaith, the 1,255 summaries whose BBC document is available. SummaC's label (the workers'
    most common ``hallucination_type`` is NULL) and SummaC's cut (alternating val/test over all
    2,500 (bbcid, system) groups), so the test items are a subset of SummaC's test set."""
    return [
        Item(
            f"{r['bbcid']}/{r['system']}", r["document"], r["summary"], int(r["summac_label_faithful"]), r["summac_cut"]
        )
        for r in _jsonl(DATA / "xsum_hallucination" / "xsumfaith_with_docs_frank_subset.jsonl")
    ]


# Polytope error subtypes that make a summary say something the source does not (Addition) or
# misstate it (Inaccuracy); Omission and Duplication are content/fluency faults, not inconsistency.
POLYTOPE_FACTUAL_ERRORS = {"Addition", "Inaccuracy_internal", "Inaccuracy_external"}


def load_polytope() -> list[Item]:
    """Polytope with SummaC's label: consistent iff the error log is empty (Omission and Duplication
    count as errors too); SummaC's alternating val/test cut."""
    return [
        Item(
            f"{r['model']}/{r['id']}", r["document"], r["summary"], int(r["label_overall_consistent"]), r["summac_cut"]
        )
        for r in _jsonl(DATA / "polytope" / "polytope_annotations.jsonl")
    ]


def load_polytope_factual() -> list[Item]:
    """Polytope, consistent iff no Addition or Inaccuracy (internal/external) error: a factuality label."""
    out = []
    for r in _jsonl(DATA / "polytope" / "polytope_annotations.jsonl"):
        bad = any(e.get("Subtypes") in POLYTOPE_FACTUAL_ERRORS for e in r["errors"])
        out.append(Item(f"{r['model']}/{r['id']}", r["document"], r["summary"], int(not bad), r["summac_cut"]))
    return out


def _qags(name: str) -> list[Item]:
    """QAGS: consistent iff every summary sentence has at least 2 of 3 "yes" votes; no split."""
    out = []
    for i, r in enumerate(_jsonl(DATA / "qags" / f"mturk_{name}.jsonl")):
        sentences = r["summary_sentences"]
        ok = all(sum(v["response"] == "yes" for v in s["responses"]) >= 2 for s in sentences)
        out.append(Item(f"{name}/{i}", r["article"], " ".join(s["sentence"] for s in sentences), int(ok), "all"))
    return out


def _aggrefact(filename: str, origin: str) -> list[Item]:
    """An AggreFact piece (CLIFF or Goyal'21), one origin: consistent iff no error type
    (``correct`` in CLIFF, empty in Goyal'21); the file's val/test cut."""
    out = []
    for row, r in enumerate(_csv(DATA / "aggrefact_subsets" / filename)):
        if r["origin"] != origin:
            continue
        ok = r["error_type"].strip() in ("", "correct", "nan")
        # Goyal'21 has no model column and repeats (id, summary) rows: the row number keeps ids unique.
        out.append(Item(f"{row}/{r['id']}/{r.get('model_name') or '-'}", r["doc"], r["summ"], int(ok), r["cut"]))
    return out


def _bump(task: int) -> list[Item]:
    """BUMP: each pair gives the reference summary (consistent) and the edited one (inconsistent)."""
    with (DATA / "bump" / f"task{task}_dataset.json").open(encoding="utf-8") as fh:
        rows = json.load(fh)
    out = []
    for r in rows:
        pid = str(r["id"])
        out.append(Item(f"{pid}/reference", r["article"], r["reference_summary"], 1, "all", pid))
        out.append(Item(f"{pid}/edited", r["article"], r["edited_summary"], 0, "all", pid, r["reference_summary"]))
    return out


def load_fever_symmetric() -> list[Item]:
    """FEVER-Symmetric v0.2: the claim checked against its one evidence sentence; SUPPORTS = 1, REFUTES = 0."""
    out = []
    for split in ("dev", "test"):
        for i, r in enumerate(_jsonl(DATA / "fever_symmetric" / "symmetric_v0.2" / f"fever_symmetric_{split}.jsonl")):
            label = r.get("gold_label") or r["label"]
            out.append(Item(f"{split}/{i}/{r['id']}", r["evidence"], r["claim"], int(label == "SUPPORTS"), split))
    return out


def load_climate_fever() -> list[Item]:
    """Climate-FEVER: each claim vs each of its evidence sentences; pairs labelled SUPPORTS (1) or
    REFUTES (0) only (NOT_ENOUGH_INFO pairs left out); no split."""
    out = []
    for r in _jsonl(DATA / "climate_fever" / "climate-fever.jsonl"):
        for e in r["evidences"]:
            if e["evidence_label"] in ("SUPPORTS", "REFUTES"):
                label = int(e["evidence_label"] == "SUPPORTS")
                out.append(Item(f"{r['claim_id']}/{e['evidence_id']}", e["evidence"], r["claim"], label, "all"))
    return out


@dataclass(frozen=True)
class Dataset:
    """A benchmark: its loader, the split reported, the split a threshold is tuned on, and anchors."""

    name: str
    title: str
    load: Callable[[], list[Item]]
    eval_split: str
    tune_split: str | None
    anchor: str = "—"
    label_rule: str = ""


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        "frank",
        "FRANK",
        load_frank,
        "test",
        "valid",
        "SummaC-Conv 0.816 / AUC 0.884; QuestEval 0.821; BERTScore-P-art AUC 0.836 [C]",
        "Factuality == 1 (every sentence error-free)",
    ),
    Dataset(
        "xsumfaith",
        "XSumFaith (docs available)",
        load_xsumfaith,
        "test",
        "val",
        "SummaC-Conv 0.664 / AUC 0.702 (all 1,250 test)",
        "SummaC: most workers marked no hallucination; SummaC's val/test cut",
    ),
    Dataset(
        "polytope",
        "Polytope (SummaC label)",
        load_polytope,
        "test",
        "val",
        "SummaC-Conv 0.627 / AUC 0.624; QuestEval 0.703",
        "no error of any type (Omission, Duplication included), as SummaC",
    ),
    Dataset(
        "polytope-factual",
        "Polytope (no Addition/Inaccuracy)",
        load_polytope_factual,
        "test",
        "val",
        "—",
        "no Addition or Inaccuracy_internal/external error",
    ),
    Dataset("qags-cnndm", "QAGS-CNN/DM", lambda: _qags("cnndm"), "all", None, "—", "every sentence >= 2 of 3 yes"),
    Dataset("qags-xsum", "QAGS-XSum", lambda: _qags("xsum"), "all", None, "—", "every sentence >= 2 of 3 yes"),
    Dataset(
        "cliff-cnndm",
        "CLIFF CNN/DM (AggreFact)",
        lambda: _aggrefact("CLIFF_error_types.csv", "cnndm"),
        "test",
        "val",
        "SummaC-Conv 0.649; QAFactEval 0.716",
        "error_type == correct",
    ),
    Dataset(
        "cliff-xsum",
        "CLIFF XSum (AggreFact)",
        lambda: _aggrefact("CLIFF_error_types.csv", "xsum"),
        "test",
        "val",
        "SummaC-Conv 0.666; DAE 0.754",
        "error_type == correct",
    ),
    Dataset(
        "goyal-xsum",
        "Goyal'21 XSum (AggreFact)",
        lambda: _aggrefact("Goyal21_error_types.csv", "xsum"),
        "test",
        "val",
        "SummaC-Conv 0.552; QuestEval 0.814",
        "no error type",
    ),
    Dataset(
        "goyal-cnndm",
        "Goyal'21 CNN/DM (AggreFact)",
        lambda: _aggrefact("Goyal21_error_types.csv", "cnndm"),
        "test",
        "val",
        "—",
        "no error type",
    ),
    Dataset(
        "bump-task1",
        "BUMP task 1",
        lambda: _bump(1),
        "all",
        None,
        "AUC: SummaC 0.559; QAFactEval 0.715 [C]",
        "reference summary 1, edited 0",
    ),
    Dataset(
        "bump-task2",
        "BUMP task 2",
        lambda: _bump(2),
        "all",
        None,
        "AUC: SummaC 0.569; QAFactEval 0.712 [C]",
        "reference summary 1, edited 0",
    ),
    Dataset(
        "fever-symmetric",
        "FEVER-Symmetric v0.2",
        load_fever_symmetric,
        "test",
        "dev",
        "—",
        "SUPPORTS 1, REFUTES 0; the evidence sentence is the source",
    ),
    Dataset(
        "climate-fever",
        "Climate-FEVER pairs",
        load_climate_fever,
        "all",
        None,
        "—",
        "pair SUPPORTS 1, REFUTES 0 (NOT_ENOUGH_INFO pairs skipped)",
    ),
)
BY_NAME = {d.name: d for d in DATASETS}


def select(items: list[Item], ds: Dataset, limit: int | None, seed: int) -> list[Item]:
    """The items of the evaluated and tuning splits; with ``limit``, a seeded sample of that many
    per split (BUMP: that many pairs), kept in file order."""
    splits = [ds.eval_split] + ([ds.tune_split] if ds.tune_split else [])
    out: list[Item] = []
    for split in splits:
        part = [it for it in items if it.split == split]
        if limit is not None:
            if part and part[0].pair is not None:
                pairs = sorted({it.pair for it in part}, key=lambda p: (len(p), p))
                chosen = set(_sample(pairs, limit, f"{seed}:{ds.name}:{split}"))
                part = [it for it in part if it.pair in chosen]
            else:
                keep = set(_sample(range(len(part)), limit, f"{seed}:{ds.name}:{split}"))
                part = [it for i, it in enumerate(part) if i in keep]
        out.extend(part)
    return out


def _sample(population: Sequence[Any], n: int, seed: str) -> list[Any]:
    if n >= len(population):
        return list(population)
    return random.Random(seed).sample(list(population), n)


# ---- scoring -------------------------------------------------------------------------------


@dataclass(slots=True)
class ItemScore:
    """What the checker said about one summary: the inconsistency score and the findings behind it."""

    score: float
    findings: list[Any] = field(default_factory=list)


def score_item(checker: Any, document: str, summary: str) -> ItemScore:
    """Check ``summary`` in source mode with ``document`` as its only source.

    The score is the highest doubt in the report: a finding's confidence, or a verified claim's
    doubt (``ClaimVerdict.doubt``: the complement of its confidence when supported), 0 when there
    is neither; 1 - score stands for the probability that the summary is consistent. ``checker``
    is a :class:`corrigo.pipeline.Checker` built with ``min_confidence=0``, so findings of every
    confidence are seen.
    """
    from corrigo.evidence import Document

    report = checker.run(summary, sources=[Document("source", document)])
    findings = list(report.findings)
    doubts = [f.confidence for f in findings] + [v.doubt for v in report.verdicts]
    return ItemScore(max(doubts, default=0.0), findings)


def config_options(verifier: str | None, extra: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """Config options for the run and a description of the verifier that will judge the claims.

    ``--verifier`` is passed on only if Config has a ``verifier`` field; otherwise it is ignored with
    a warning. ``extra`` holds ``--set`` options (validated here, so a typo fails before any scoring).
    """
    from corrigo import pipeline
    from corrigo.config import Config

    options: dict[str, Any] = {"min_confidence": 0.0, **extra}
    has_field = "verifier" in Config.model_fields
    if verifier is not None:
        if has_field:
            options["verifier"] = verifier
        else:
            print(f"warning: Config has no 'verifier' option; --verifier {verifier} ignored", file=sys.stderr)
    config = Config.from_options(**options)
    # What source mode will actually build ("auto" resolves to the learned model only when installed).
    build = getattr(pipeline, "build_verifier", None)
    judge = type(build(config, True)).__name__ if build is not None else "AlignmentVerifier"
    used = f"`{config.verifier}` → {judge}" if has_field else f"{judge} (Config has no verifier option)"
    if extra:
        used += " with " + ", ".join(f"`{k}={v!r}`" for k, v in sorted(extra.items()))
    return options, used


def parse_set(pairs: Sequence[str]) -> dict[str, Any]:
    """``KEY=VALUE`` Config options; a VALUE that parses as JSON is taken as such, else as a string."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise SystemExit(f"--set wants KEY=VALUE, got {pair!r}")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


_worker_checker: Any = None


def _pin_threads() -> None:
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)


def _init_worker(options: dict[str, Any]) -> None:
    global _worker_checker
    from corrigo.config import Config
    from corrigo.pipeline import Checker

    _worker_checker = Checker(Config(**options))
    _worker_checker.warm_up()
    # The verifier (and a learned model) is built on the first source-mode check: do one now, untimed.
    score_item(_worker_checker, "The council met on Monday.", "The council met on Monday.")
    _pin_threads()


def _ready(_: int) -> None:
    time.sleep(0.5)  # long enough that every worker takes one of these tasks


def _finding_record(f: Any) -> dict[str, Any]:
    return {
        "start": f.span.start,
        "end": f.span.end,
        "text": f.span.text,
        "verdict": f.verdict.value,
        "kind": f.kind.value,
        "confidence": f.confidence,
        "suggestion": f.suggestion,
    }


def _score_task(task: tuple[str, str, str]) -> tuple[str, float | None, list[dict[str, Any]], float, str | None]:
    """(key, score, findings, seconds, error) for one (document, summary); a CorrigoError is recorded, not raised."""
    from corrigo.errors import CorrigoError

    key, document, summary = task
    t0 = time.perf_counter()
    try:
        result = score_item(_worker_checker, document, summary)
    except CorrigoError as exc:
        return key, None, [], time.perf_counter() - t0, f"{type(exc).__name__}: {exc}"
    return key, result.score, [_finding_record(f) for f in result.findings], time.perf_counter() - t0, None


def item_key(item: Item) -> str:
    return hashlib.sha1(f"{item.document}\x00{item.summary}".encode()).hexdigest()


@dataclass(slots=True)
class Scored:
    score: float | None
    findings: list[dict[str, Any]]
    seconds: float
    error: str | None


class Scorer:
    """Scores (document, summary) pairs once each, in this process or a pool of worker processes."""

    def __init__(self, options: dict[str, Any], workers: int) -> None:
        self.cache: dict[str, Scored] = {}
        self.workers = workers
        self._pool: Any = None
        if workers > 1:
            ctx = mp.get_context("spawn")  # each worker imports and loads its own models
            self._pool = ctx.Pool(workers, initializer=_init_worker, initargs=(options,))
            # Wait until the workers have loaded their models, so start-up is not timed as scoring.
            self._pool.map(_ready, range(workers), chunksize=1)
        else:
            _init_worker(options)

    def score(self, items: Iterable[Item]) -> tuple[int, float]:
        """Score the items not seen yet; returns (pairs scored, wall seconds)."""
        tasks: dict[str, tuple[str, str, str]] = {}
        for it in items:
            key = item_key(it)
            if key not in self.cache and key not in tasks:
                tasks[key] = (key, it.document, it.summary)
        t0 = time.perf_counter()
        if self._pool is not None:
            results = self._pool.imap(_score_task, tasks.values(), chunksize=4)
        else:
            results = map(_score_task, tasks.values())
        for key, score, findings, seconds, error in results:
            self.cache[key] = Scored(score, findings, seconds, error)
        return len(tasks), time.perf_counter() - t0

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()


# ---- metrics -------------------------------------------------------------------------------


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    """ROC AUC of ``scores`` for the positive class (label 1): the probability that a random positive
    scores above a random negative, ties counting half (Mann-Whitney U with midranks)."""
    n_pos = sum(1 for y in labels if y == 1)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        midrank = (i + j) / 2 + 1  # ranks are 1-based
        for k in range(i, j + 1):
            ranks[order[k]] = midrank
        i = j + 1
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y == 1)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def balanced_accuracy(labels: Sequence[int], predicted: Sequence[int]) -> float | None:
    """Mean of the recall on consistent (1) and on inconsistent (0) items; None without both classes."""
    pos = [p for y, p in zip(labels, predicted, strict=True) if y == 1]
    neg = [p for y, p in zip(labels, predicted, strict=True) if y == 0]
    if not pos or not neg:
        return None
    return (sum(p == 1 for p in pos) / len(pos) + sum(p == 0 for p in neg) / len(neg)) / 2


def predict(scores: Sequence[float], threshold: float) -> list[int]:
    """Consistent (1) iff the inconsistency score is below the threshold."""
    return [int(s < threshold) for s in scores]


def tune_threshold(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    """The threshold with the best balanced accuracy on these items (candidates: every score seen, and
    infinity = flag nothing); ties go to the one nearest the default 0.5, then the lower."""
    best: tuple[float, float, float] | None = None
    for t in [*sorted(set(scores)), math.inf]:
        bacc = balanced_accuracy(labels, predict(scores, t))
        if bacc is None:
            return None
        key = (bacc, -abs(t - DEFAULT_THRESHOLD), -t)
        if best is None or key > best:
            best = key
    return None if best is None else -best[2]


# ---- BUMP: localisation and correction ------------------------------------------------------


def edited_span(reference: str, edited: str) -> tuple[int, int] | None:
    """Character range of the words of ``edited`` that differ from ``reference`` (word-level diff).
    A pure deletion is located at the words on either side of the gap."""
    ref = [m.group() for m in re.finditer(r"\S+", reference)]
    tokens = list(re.finditer(r"\S+", edited))
    words = [m.group() for m in tokens]
    if not tokens:
        return None
    lo, hi = len(tokens), -1
    for op, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, ref, words, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        a, b = (j1, j2 - 1) if j2 > j1 else (max(j1 - 1, 0), min(j1, len(tokens) - 1))
        lo, hi = min(lo, a), max(hi, b)
    if hi < 0:
        return None
    return tokens[lo].start(), tokens[hi].end()


def _normalise(text: str) -> str:
    return " ".join(text.split())


def bump_extra(items: list[Item], cache: dict[str, Scored]) -> dict[str, Any]:
    """Pairwise ordering, detection, localisation and correction over a BUMP set's pairs (reported
    findings only: confidence >= 0.5)."""
    by_pair: dict[str, dict[int, Item]] = {}
    for it in items:
        by_pair.setdefault(it.pair or it.id, {})[it.label] = it
    pairs = ordered = ties = detected = localised = by_refuted = corrected = 0
    for pair in by_pair.values():
        ref, edit = pair.get(1), pair.get(0)
        if ref is None or edit is None:
            continue
        s_ref, s_edit = cache[item_key(ref)], cache[item_key(edit)]
        if s_ref.score is None or s_edit.score is None:
            continue
        pairs += 1
        ordered += s_edit.score > s_ref.score
        ties += s_edit.score == s_ref.score
        reported = [f for f in s_edit.findings if f["confidence"] >= DEFAULT_THRESHOLD]
        if reported:
            detected += 1
            where = edited_span(edit.reference or "", edit.summary)
            hits = [] if where is None else [f for f in reported if f["start"] < where[1] and where[0] < f["end"]]
            localised += bool(hits)
            by_refuted += any(f["verdict"] == "refuted" for f in hits)
        target = _normalise(edit.reference or "")
        for f in reported:
            if f["suggestion"] is not None:
                fixed = edit.summary[: f["start"]] + f["suggestion"] + edit.summary[f["end"] :]
                if _normalise(fixed) == target:
                    corrected += 1
                    break
    return {
        "pairs": pairs,
        "pairwise": ordered / pairs if pairs else None,
        "pairwise_ties": ties / pairs if pairs else None,
        "detected": detected / pairs if pairs else None,
        "localised_of_detected": localised / detected if detected else None,
        "localised_refuted_of_detected": by_refuted / detected if detected else None,
        "corrected": corrected / pairs if pairs else None,
    }


# ---- one data set ---------------------------------------------------------------------------


def evaluate(ds: Dataset, scorer: Scorer, limit: int | None, seed: int) -> dict[str, Any]:
    all_items = ds.load()
    items = select(all_items, ds, limit, seed)
    used = [it for it in all_items if it.split in (ds.eval_split, ds.tune_split)]
    n_scored, wall = scorer.score(items)
    cache = scorer.cache
    errors = [it for it in items if cache[item_key(it)].error is not None]
    ok = [it for it in items if cache[item_key(it)].error is None]
    seconds = [cache[k].seconds for k in {item_key(it) for it in items}]
    evaluated = [it for it in ok if it.split == ds.eval_split]
    labels = [it.label for it in evaluated]
    scores = [float(cache[item_key(it)].score or 0.0) for it in evaluated]
    result: dict[str, Any] = {
        "name": ds.name,
        "title": ds.title,
        "split": ds.eval_split,
        "tune_split": ds.tune_split,
        "label_rule": ds.label_rule,
        "anchor": ds.anchor,
        "n": len(evaluated),
        "n_consistent": sum(labels),
        "bacc_default": balanced_accuracy(labels, predict(scores, DEFAULT_THRESHOLD)),
        "flagged_default": sum(s >= DEFAULT_THRESHOLD for s in scores) / len(scores) if scores else None,
        "auc": roc_auc(labels, [1 - s for s in scores]),
        "threshold": None,
        "bacc_tuned": None,
        "n_tune": 0,
        "errors": len(errors),
        "error_examples": [f"{it.id}: {cache[item_key(it)].error}" for it in errors[:3]],
        "scored": n_scored,
        "wall_s": wall,
        "items_per_s": n_scored / wall if n_scored and wall > 0 else None,
        "cpu_s_per_item": sum(seconds) / len(seconds) if seconds else None,
        "n_full": len(used),
        "n_full_distinct": len({item_key(it) for it in used}),
        "items": [[it.id, it.split, it.label, cache[item_key(it)].score] for it in items],
    }
    if ds.tune_split is not None:
        tune = [it for it in ok if it.split == ds.tune_split]
        t_labels = [it.label for it in tune]
        t_scores = [float(cache[item_key(it)].score or 0.0) for it in tune]
        threshold = tune_threshold(t_labels, t_scores)
        result["n_tune"] = len(tune)
        if threshold is not None:
            result["threshold"] = threshold
            result["bacc_tuned"] = balanced_accuracy(labels, predict(scores, threshold))
    if items and items[0].pair is not None:
        result["bump"] = bump_extra(evaluated, cache)
    return result


# ---- report --------------------------------------------------------------------------------


def _f3(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _threshold(t: float) -> str:
    """How a tuned threshold reads: "flag all" when even a score of 0 counts as inconsistent."""
    if math.isinf(t):
        return "flag none"
    return "flag all" if t <= 0 else f"t={t:.2f}"


def report(results: list[dict[str, Any]], verifier: str, limit: int | None, seed: int, workers: int) -> str:
    rows = []
    for r in results:
        tuned = "—"
        if r["bacc_tuned"] is not None:
            tuned = f"{r['bacc_tuned']:.3f} ({_threshold(r['threshold'])}, {r['tune_split']} {r['n_tune']})"
        speed = "cached" if not r["scored"] else f"{r['items_per_s']:.1f}"
        rows.append(
            [
                r["title"],
                r["split"],
                r["n"] if not r["errors"] else f"{r['n']} (+{r['errors']} errors)",
                "—" if not r["n"] else f"{100 * r['n_consistent'] / r['n']:.1f}%",
                _f3(r["bacc_default"]),
                "—" if r["flagged_default"] is None else f"{100 * r['flagged_default']:.0f}%",
                tuned,
                _f3(r["auc"]),
                r["anchor"],
                speed,
            ]
        )
    scope = (
        f"**Quick run: at most {limit} items per split (BUMP: {limit} pairs), seeded sample (seed {seed}); "
        "not the full sets.**"
        if limit is not None
        else "Full sets."
    )
    total = sum(r["wall_s"] for r in results)
    parts = [
        f"Verifier: {verifier}. Source mode: each summary (claim) is checked with its document (evidence "
        "sentence) as the only source, `min_confidence=0`. Score = the highest finding confidence (0 without "
        "findings); BAcc@0.5: consistent iff no finding of confidence ≥ 0.5; BAcc@tuned: the threshold with the "
        "best balanced accuracy on the validation split, applied to the reported split; flagged@0.5: share of the "
        "summaries with a finding of confidence ≥ 0.5; AUC of 1 − score, ties counted half. "
        f"{scope} Items/s: distinct (document, summary) pairs checked per second of wall time with "
        f"{workers} worker process{'es' if workers != 1 else ''} of one thread each (*cached*: every pair was "
        f"already scored for another row); total {total:.0f} s.\n\n"
        + markdown_table(
            [
                "data set",
                "split",
                "n",
                "% consistent",
                "BAcc@0.5",
                "flagged@0.5",
                "BAcc@tuned (threshold, tuned on)",
                "AUC",
                "published (BAcc tuned; AUC) — ANCHORS.md",
                "items/s",
            ],
            rows,
            align="llrrrrlrlr",
        )
    ]
    bump = [r for r in results if "bump" in r]
    if bump:
        brows = [
            [
                r["title"],
                r["bump"]["pairs"],
                _f3(r["bump"]["pairwise"]),
                _f3(r["bump"]["pairwise_ties"]),
                _f3(r["bump"]["detected"]),
                _f3(r["bump"]["localised_of_detected"]),
                _f3(r["bump"]["localised_refuted_of_detected"]),
                _f3(r["bump"]["corrected"]),
            ]
            for r in bump
        ]
        parts.append(
            "BUMP pairs (reported findings: confidence ≥ 0.5). Pairwise: the edited summary scores above its "
            "reference (strictly; published task 1 [C]: SummaC 0.684, QAFactEval 0.840, BARTScore 0.919); ties: "
            "both score the same. Detected: the edited summary has a reported finding; localised: one of them "
            "overlaps the edited words (word diff of the pair) — an `unsupported` finding spans a whole claim, "
            "so the refuted column is the stricter one; corrected: applying one finding's suggestion to "
            "its span gives back the reference summary (whitespace-normalised), of all pairs.\n\n"
            + markdown_table(
                [
                    "data set",
                    "pairs",
                    "pairwise",
                    "ties",
                    "detected",
                    "localised (of detected)",
                    "… by a refuted finding",
                    "corrected",
                ],
                brows,
            )
        )
    parts.append(
        "Labels (consistent = 1): "
        + "; ".join(f"{r['title']}: {r['label_rule']}" for r in results)
        + ". XSumFaith has the BBC document for 251 of its 500 articles only (1,255 of 2,500 summaries); "
        "its val/test cut is SummaC's, so the anchor is on a superset of these test items. FRANK's label here "
        "is the per-summary Factuality (567/1,575 test positives; SummaC's sentence-level rule gives 529). "
        "Published numbers are on the full test sets with other systems' own thresholds; [C] = computed in "
        "ANCHORS.md from scores shipped with the data. No published number exists here for QAGS, "
        "FEVER-Symmetric v0.2 or Climate-FEVER pairs (FEVER-Symmetric v0.1 generated: BERT 57.5% accuracy)."
    )
    return "\n\n".join(parts)


def pair_speed(n: int = 512, runs: int = 3) -> dict[str, Any] | None:
    """Claim–passage pairs per second through the shipped model on one thread (median of ``runs``).

    The pairs are what source mode scores: a claim against a passage-sized window (three sentences)
    of its source — FRANK test summaries' first sentences against windows of their articles.
    """
    try:
        from corrigo.verify import learned
    except ImportError:
        return None
    if not learned.available():
        return None
    model = learned.PairModel(threads=1)
    model.warm_up()
    pairs = []
    for item in load_frank():
        if item.split != "test":
            continue
        sentences = re.split(r"(?<=[.!?])\s+", item.document.strip())
        claim = re.split(r"(?<=[.!?])\s+", item.summary.strip())[0]
        start = len(pairs) % max(1, len(sentences) - 3)
        pairs.append((" ".join(sentences[start : start + 3]), claim))
        if len(pairs) >= n:
            break
    model.predict(pairs[:32])
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        model.predict(pairs)
        rates.append(len(pairs) / (time.perf_counter() - t0))
    tokens = sum(len(e) for e in model._tokenizer.encode_batch(pairs)) / len(pairs)
    return {"pairs": len(pairs), "mean_tokens": round(tokens, 1), "pairs_per_s": sorted(rates)[len(rates) // 2]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default="all", help=f"comma-separated, from: {', '.join(BY_NAME)}")
    parser.add_argument("--limit", type=int, default=None, help="at most N items per split (BUMP: N pairs)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes, one thread each")
    parser.add_argument("--seed", type=int, default=13, help="seed of the --limit sample")
    parser.add_argument("--verifier", default=None, help="Config's verifier option, if it has one")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="another Config option")
    parser.add_argument("--no-write", action="store_true", help="print the section instead of writing it")
    parser.add_argument("--markdown", type=Path, default=None, help="file to write the section to (BENCHMARKS.md)")
    parser.add_argument("--json", action="store_true", help="also print the JSON results to stdout")
    parser.add_argument("--results", type=Path, default=RESULTS_JSON, help="where the JSON results go")
    args = parser.parse_args()
    # One thread per process, before numpy or torch is imported (corrigo is imported lazily): each
    # worker is one core's work, and --workers is the only parallelism. Spawned workers inherit it.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "CORRIGO_THREADS"):
        os.environ[var] = "1"
    os.environ["TOKENIZERS_PARALLELISM"] = "false"

    names = list(BY_NAME) if args.datasets == "all" else [n.strip() for n in args.datasets.split(",") if n.strip()]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        parser.error(f"unknown data set(s) {unknown}; known: {', '.join(BY_NAME)}")
    if not DATA.is_dir():
        print(f"benchmark data not found at {DATA}; nothing to do", file=sys.stderr)
        return 0
    from corrigo.errors import CorrigoError

    try:
        options, verifier = config_options(args.verifier, parse_set(args.set))
    except CorrigoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    scorer = Scorer(options, max(1, args.workers))
    results = []
    try:
        for name in names:
            ds = BY_NAME[name]
            r = evaluate(ds, scorer, args.limit, args.seed)
            results.append(r)
            per = r["cpu_s_per_item"] or 0.0
            print(
                f"{name}: n={r['n']} (+{r['n_tune']} tune) BAcc@0.5={_f3(r['bacc_default'])} "
                f"tuned={_f3(r['bacc_tuned'])} AUC={_f3(r['auc'])}; {r['scored']} pairs in {r['wall_s']:.1f} s, "
                f"{per:.3f} s/pair; full set {r['n_full_distinct']} distinct pairs "
                f"≈ {r['n_full_distinct'] * per / 60:.1f} min on one core",
                file=sys.stderr,
            )
    finally:
        scorer.close()

    speed = pair_speed() if "learned" in verifier.lower() or "Learned" in verifier else None
    payload = {
        "pair_speed": speed,
        "date": utc_now(),
        "command": command_line(),
        "machine": machine_line(),
        "verifier": verifier,
        "config": options,
        "limit": args.limit,
        "seed": args.seed,
        "workers": args.workers,
        "results": results,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(payload))
    body = report(results, verifier, args.limit, args.seed, args.workers)
    if speed is not None:
        body += (
            f"\n\nModel speed, one thread: {speed['pairs_per_s']:.0f} claim–passage pairs/s (median of 3 runs over "
            f"{speed['pairs']} pairs of FRANK summary sentences against three-sentence windows of their articles, "
            f"{speed['mean_tokens']:.0f} tokens on average; target >= 100)."
        )
    if args.no_write:
        print(body)
    elif args.markdown is not None:
        write_section("accuracy", "Accuracy (source mode on factual-consistency benchmarks)", body, args.markdown)
    else:
        write_section("accuracy", "Accuracy (source mode on factual-consistency benchmarks)", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
