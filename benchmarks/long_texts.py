"""Benchmark: how the cost of checking one text grows with its length.

Each size runs in a fresh subprocess pinned to one core with ``OMP_NUM_THREADS=1``: the text is
BBC stories joined into one long article (a headline, then the stories' paragraphs), checked once
with ``corrigo`` after a warm-up call, against itself only. It reports seconds, the stage times and
peak RSS per size, and the ratio of the largest to the smallest (targets for 200 KB -> 800 KB:
<= 5x the time, <= 150 s and <= 1.5 GB).

Usage:
    python benchmarks/long_texts.py [--sizes 200000 800000] [--core N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from _common import REPO_ROOT, load_bbc, markdown_table, write_section

TARGET_RATIO = 5.0
TARGET_SECONDS = 150.0
TARGET_RSS_MB = 1536.0


def long_text(size: int) -> str:
    """BBC stories' bodies joined, blank line between paragraphs, until ``size`` UTF-8 bytes."""
    stories = load_bbc()
    parts, n, i = [], 0, 0
    while n < size:
        body = stories[i % len(stories)].text.split("\n\n", 1)[-1]
        parts.append(body)
        n += len(body.encode()) + 2
        i += 1
    return "Long report\n\n" + "\n\n".join(parts)


def child(size: int, core: int) -> dict:
    os.sched_setaffinity(0, {core})
    import resource

    sys.path.insert(0, str(REPO_ROOT / "src"))
    from corrigo.config import Config
    from corrigo.ingest import parse_article
    from corrigo.pipeline import Checker

    text = long_text(size)
    checker = Checker(Config(use_index=False, max_bytes=len(text.encode()) + 1))
    checker.run(parse_article("Short headline\n\nOne sentence."))
    t0 = time.perf_counter()
    report = checker.run(parse_article(text))
    seconds = time.perf_counter() - t0
    return {
        "bytes": len(text.encode()),
        "seconds": seconds,
        "timings": getattr(report, "timings", None) or {},
        "findings": len(report.findings),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[200_000, 800_000])
    p.add_argument("--core", type=int, default=0)
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.core)))
        return
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    runs = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--core", str(args.core)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(runs[-1], flush=True)
    rows = []
    for r in runs:
        t = r["timings"]
        rows.append(
            (
                f"{r['bytes'] / 1000:.0f} KB",
                f"{r['seconds']:.1f}",
                f"{t.get('analyse', 0):.1f}",
                f"{t.get('checks', 0):.1f}",
                f"{r['peak_rss_mb']:.0f}",
                r["findings"],
            )
        )
    body = markdown_table(["text", "seconds", "analyse s", "checks s", "peak RSS MB", "findings"], rows)
    ratio = runs[-1]["seconds"] / runs[0]["seconds"]
    size_ratio = runs[-1]["bytes"] / runs[0]["bytes"]
    body += (
        f"\n\n{size_ratio:.1f}x the text took {ratio:.1f}x the time (target <= {TARGET_RATIO:g}x for 4x); "
        f"largest: {runs[-1]['seconds']:.0f} s (<= {TARGET_SECONDS:g}), "
        f"{runs[-1]['peak_rss_mb']:.0f} MB (<= {TARGET_RSS_MB:g}). One run per size, one pinned core; "
        "the texts are BBC stories joined into one, so their findings are figures from different stories.\n"
    )
    write_section("long_texts", "Cost against text length (one core)", body)
    print(body)


if __name__ == "__main__":
    main()
