"""Fit the learned verifier's decision: how the model's support probability and the claim's word
coverage combine into one calibrated probability (``corrigo.verify.learned.Decision``).

Only validation splits are read (FRANK valid, XSumFaith val, Polytope val, the CLIFF and Goyal'21
val cuts, FEVER-Symmetric dev: ../shared/data, read in place); every reported split is left out.
Each summary is checked in source mode with the shipped model, and each claim's raw signals are
recorded from the report (``ClaimVerdict.scores``: the model's best support probability and the
three coverage shares). At run time a claim is supported with probability

    p = sigmoid(bias + a * logit(p_model) + sum of w * share)

and a summary is as consistent as its least supported claim. The weights come from a logistic
regression of humans' "consistent" label on each summary's worst signals (see :func:`fit`).
Findings the decision cannot change (internal checks, structured refutations) are kept as they
are when the result is scored. The weights go into the model's manifest (``"decision"``); the
model files and their hashes are not touched.

    python training/calibrate_decision.py --workers 2           # ~4 min on 2 cores
    python training/calibrate_decision.py --no-run              # refit from the recorded signals

Prints, per validation set, the ROC AUC of the summaries' scores before and after.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "CORRIGO_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402  (after the thread settings)

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
import accuracy  # noqa: E402  (the benchmark's loaders: one reading of each data set)

MANIFEST = REPO_ROOT / "src" / "corrigo" / "verify" / "model" / "manifest.json"
DEFAULT_FEATURES = REPO_ROOT / "training" / "data" / "decision.jsonl"
# The data sets with a validation split, and that split.
VALIDATION = (
    "frank",
    "xsumfaith",
    "polytope",
    "cliff-cnndm",
    "cliff-xsum",
    "goyal-xsum",
    "goyal-cnndm",
    "fever-symmetric",
)
SHARES = ("novel_bigrams", "novel_names", "novel_terms")

_checker: Any = None


def _init() -> None:
    global _checker
    from corrigo.config import Config
    from corrigo.pipeline import Checker

    _checker = Checker(Config(min_confidence=0.0, verifier="learned"))
    _checker.warm_up()


def _record(task: tuple[str, str, int, str, str]) -> dict[str, Any]:
    """One summary's raw signals: per claim [p_model, shares...], and the doubt nothing here changes."""
    from corrigo.evidence import Document
    from corrigo.model import FindingKind

    name, item_id, label, document, summary = task
    report = _checker.run(summary, sources=[Document("source", document)])
    claims, fixed = [], 0.0
    for v in report.verdicts:
        scores = dict(v.scores)
        if "model_support" in scores:
            claims.append([scores["model_support"], *(scores[s] for s in SHARES)])
        else:  # a structured refutation, or no passage at all
            fixed = max(fixed, v.doubt)
    for f in report.findings:
        if f.kind is not FindingKind.REFERENCE:
            fixed = max(fixed, f.confidence)
    return {"dataset": name, "id": item_id, "label": label, "fixed": fixed, "claims": claims}


def collect(path: Path, workers: int, limit: int | None) -> None:
    tasks = []
    for name in VALIDATION:
        ds = accuracy.BY_NAME[name]
        items = [it for it in ds.load() if it.split == ds.tune_split]
        for it in items[:limit]:
            tasks.append((name, it.id, it.label, it.document, it.summary))
    print(f"{len(tasks)} validation summaries", file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    t0 = time.perf_counter()
    with tmp.open("w", encoding="utf-8") as out:
        if workers > 1:
            with mp.get_context("spawn").Pool(workers, initializer=_init) as pool:
                for rec in pool.imap(_record, tasks, chunksize=4):
                    out.write(json.dumps(rec) + "\n")
        else:
            _init()
            for task in tasks:
                out.write(json.dumps(_record(task)) + "\n")
    tmp.replace(path)
    print(f"recorded in {time.perf_counter() - t0:.0f} s -> {path}", file=sys.stderr)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def fit(records: list[dict[str, Any]], ridge: float = 1e-3) -> np.ndarray:
    """Parameters [bias, a, w_shares...] of the decision (see the module docs).

    A logistic regression of each summary's label on its worst signals — the lowest model logit and
    the highest of each share over its claims — with one intercept per data set: the data sets'
    base rates differ (XSum summaries are mostly unfaithful, FEVER pairs half), and with a single
    intercept that difference leaks into the weights. The shipped bias is the mean intercept. Each
    summary weighs 1 / sqrt(size of its data set), so that no one set dominates and the small ones
    (50 Goyal'21 summaries) do not count as much as FRANK. Newton's method, a small ridge.
    """
    rows = [r for r in records if r["claims"]]
    names = sorted({r["dataset"] for r in rows})
    sizes = {n: sum(r["dataset"] == n for r in rows) for n in names}
    weights = np.array([1.0 / math.sqrt(sizes[r["dataset"]]) for r in rows])
    weights *= len(rows) / weights.sum()
    labels = np.array([r["label"] for r in rows], dtype=float)
    worst = np.array(
        [[_logit(np.array(r["claims"])[:, 0]).min(), *np.array(r["claims"])[:, 1:].max(axis=0)] for r in rows]
    )
    intercepts = np.array([[float(r["dataset"] == n) for n in names] for r in rows])
    x = np.column_stack([intercepts, worst])
    theta = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-(x @ theta)))
        grad = x.T @ (weights * (p - labels)) + ridge * theta
        hessian = (x * (weights * p * (1 - p))[:, None]).T @ x + ridge * np.eye(len(theta))
        step = np.linalg.solve(hessian, grad)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    return np.concatenate([[theta[: len(names)].mean()], theta[len(names) :]])


def item_scores(records: list[dict[str, Any]], theta: np.ndarray | None, threshold: float = 0.5) -> list[float]:
    """Each summary's inconsistency score as the benchmark computes it, under ``theta`` (None: the
    model's probability alone)."""
    from corrigo.verify.learned import shifted

    out = []
    for r in records:
        doubt = r["fixed"]
        for c in r["claims"]:
            if theta is None:
                p = c[0]
            else:
                z = theta[0] + theta[1] * float(_logit(np.array([c[0]]))[0]) + float(np.dot(theta[2:], c[1:]))
                p = 1 / (1 + math.exp(-z))
            doubt = max(doubt, 1 - p if p >= threshold else shifted(1 - p, 1 - threshold))
        out.append(doubt)
    return out


def _f3(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--features", type=Path, default=DEFAULT_FEATURES, help="the recorded signals (jsonl)")
    parser.add_argument("--no-run", action="store_true", help="reuse --features instead of checking again")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="at most N summaries per set (a smoke test)")
    parser.add_argument("--dry-run", action="store_true", help="print the fit, leave the manifest alone")
    args = parser.parse_args()
    if not accuracy.DATA.is_dir():
        print(f"error: the validation data is not at {accuracy.DATA}", file=sys.stderr)
        return 2
    if not args.no_run:
        collect(args.features, args.workers, args.limit)
    records = [json.loads(line) for line in args.features.open(encoding="utf-8")]
    theta = fit(records)
    before, after = item_scores(records, None), item_scores(records, theta)
    for name in VALIDATION:
        idx = [i for i, r in enumerate(records) if r["dataset"] == name]
        labels = [records[i]["label"] for i in idx]
        auc0 = accuracy.roc_auc(labels, [1 - before[i] for i in idx])
        auc1 = accuracy.roc_auc(labels, [1 - after[i] for i in idx])
        print(f"{name:16s} n={len(idx):4d} AUC {_f3(auc0)} -> {_f3(auc1)}")
    decision = {
        "bias": round(float(theta[0]), 4),
        "model": round(float(theta[1]), 4),
        "weights": {s: round(float(w), 4) for s, w in zip(SHARES, theta[2:], strict=True)},
        "fitted_on": ", ".join(f"{n} {accuracy.BY_NAME[n].tune_split}" for n in VALIDATION),
        "summaries": len(records),
        "command": "python training/calibrate_decision.py " + " ".join(sys.argv[1:]),
    }
    print(json.dumps(decision, indent=2))
    if not args.dry_run:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        manifest["decision"] = decision
        tmp = MANIFEST.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        tmp.replace(MANIFEST)
        print(f"wrote the decision into {MANIFEST}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
