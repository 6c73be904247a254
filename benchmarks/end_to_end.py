"""Benchmark: checking BBC articles against an index of the other BBC articles, end to end.

Indexes every BBC article except a held-out sample, then checks the sample with the index
(internal checks + retrieval + verification) on one core. Reports articles/s after start-up,
findings per article by verdict, and the index build. Replaces the ``end_to_end`` section of
BENCHMARKS.md.

Usage:
    python benchmarks/end_to_end.py [--n 100]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import load_bbc, markdown_table, sample_bbc, write_section


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})

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
    rate = len(held) / loop
    words = sum(len(a.text.split()) for a in held) / len(held)
    body = (
        f"Index: {len(others)} BBC articles ({result.passages} passages) built in {build:.1f} s. "
        f"Checked: {len(held)} other BBC articles (seed {args.seed}, {words:.0f} words on average), one core, "
        "after start-up.\n\n"
        + markdown_table(
            ["Measure", "Value", "Target"],
            [
                ["Articles/s (internal checks + retrieval + verification)", f"{rate:.2f}", ">= 4"],
                ["Refuted findings per article", f"{verdicts['refuted'] / len(held):.2f}", ""],
                ["Contradicted findings per article", f"{verdicts['contradicted'] / len(held):.2f}", ""],
            ],
            align="lrr",
        )
        + "\n\nThe refuted findings are on clean articles: a BBC story is checked against other BBC stories, so "
        "each one is a false alarm or a story that disagrees with another (often a later update).\n"
    )
    write_section("end_to_end", "End to end: BBC articles against an index of the other BBC articles", body)
    print(body)


if __name__ == "__main__":
    main()
