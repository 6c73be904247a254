"""Benchmark: checking BBC articles against an index of the other BBC articles, end to end.

Indexes every BBC article except a held-out sample, then checks the sample with the index
(internal checks + retrieval + verification) on one core. Reports articles/s after start-up,
findings per article by verdict, and the index build. Replaces the ``end_to_end`` section of
BENCHMARKS.md.

With ``--workers N`` the held-out articles are also checked by N worker processes of one thread
each, as ``corrigo batch --workers N`` checks them (the same JSONL lines, the same per-line
function), timed after every worker has loaded its models and opened the index.

Usage:
    python benchmarks/end_to_end.py [--n 100] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import load_bbc, markdown_table, sample_bbc, write_section


def _init_worker(options: dict, warm_text: str) -> None:
    """A batch worker (corrigo.batch's own initialiser), then one untimed check so that the index
    is open and the verifier built before the timed lines."""
    from corrigo import batch

    batch._init_worker(options)
    batch._work(json.dumps({"id": "warm", "text": warm_text}))


def _ready(_: int) -> None:
    time.sleep(0.5)  # long enough that every worker takes one of these tasks


def parallel_rate(options: dict, texts: list[str], workers: int) -> tuple[float, Counter[str]]:
    """Articles/s over ``texts`` with ``workers`` batch processes, after start-up; verdict counts."""
    from corrigo import batch

    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)]
    verdicts: Counter[str] = Counter()
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(options, texts[0])) as pool:
        pool.map(_ready, range(workers), chunksize=1)
        t0 = time.perf_counter()
        for rec in pool.imap(batch._work, lines, chunksize=4):
            if "error" in rec:
                raise RuntimeError(f"line {rec['id']} failed: {rec['error']}")
            verdicts.update(f["verdict"] for f in rec["report"]["findings"])
        wall = time.perf_counter() - t0
    return len(texts) / wall, verdicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="also measure N batch worker processes")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    cores = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cores[-1]})

    import corrigo
    from corrigo.evidence import Document
    from corrigo.search import open_index

    held = sample_bbc(args.n, args.seed)
    held_ids = {a.id for a in held}
    others = [a for a in load_bbc() if a.id not in held_ids]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index"
        t0 = time.perf_counter()
        index = open_index(path)
        result = index.add(Document(a.id, a.text) for a in others)
        build = time.perf_counter() - t0
        index.close()
        checker = corrigo.Checker(corrigo.Config(index=str(path)))
        checker.warm_up()
        checker.run(held[0].text)
        verdicts: Counter[str] = Counter()
        t1 = time.perf_counter()
        for art in held:
            report = checker.run(art.text)
            verdicts.update(f.verdict.value for f in report.findings)
        loop = time.perf_counter() - t1
        parallel = None
        if args.workers > 1:
            os.sched_setaffinity(0, set(cores))  # the workers inherit the affinity: give them every core
            parallel = parallel_rate(checker.config.model_dump(), [a.text for a in held], args.workers)
    rate = len(held) / loop
    words = sum(len(a.text.split()) for a in held) / len(held)
    rows = [["Articles/s, one core (internal checks + retrieval + verification)", f"{rate:.2f}", ">= 4"]]
    if parallel is not None:
        rows.append([f"Articles/s, {args.workers} batch workers on {len(cores)} cores", f"{parallel[0]:.2f}", ">= 4"])
    rows += [
        ["Refuted findings per article", f"{verdicts['refuted'] / len(held):.2f}", ""],
        ["Contradicted findings per article", f"{verdicts['contradicted'] / len(held):.2f}", ""],
    ]
    same = parallel is None or parallel[1] == verdicts
    body = (
        f"Index: {len(others)} BBC articles ({result.passages} passages) built in {build:.1f} s. "
        f"Checked: {len(held)} other BBC articles (seed {args.seed}, {words:.0f} words on average), one core, "
        "after start-up.\n\n"
        + markdown_table(["Measure", "Value", "Target"], rows, align="lrr")
        + "\n\nThe refuted findings are on clean articles: a BBC story is checked against other BBC stories, so "
        "each one is a false alarm or a story that disagrees with another (often a later update).\n"
    )
    if parallel is not None:
        body += (
            f"\nThe {args.workers} workers are `corrigo batch --workers {args.workers}`'s processes (its "
            "initialiser and per-line function, one thread each), timed after each has loaded its models and "
            "opened the index; their "
            f"findings {'are the same as' if same else 'DIFFER from'} the one-core run's.\n"
        )
    write_section("end_to_end", "End to end: BBC articles against an index of the other BBC articles", body)
    print(body)


if __name__ == "__main__":
    main()
