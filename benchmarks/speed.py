"""Benchmark: start-up time, throughput and memory of ``corrigo.check`` on one core.

Each run is a fresh subprocess with ``OMP_NUM_THREADS=1`` and
``OPENBLAS_NUM_THREADS=1``, pinned to one core with ``os.sched_setaffinity``. It measures

* start-up: ``import corrigo``, ``corrigo.warm_up()`` when it exists, and a first
  ``corrigo.check("Short headline\\n\\nOne sentence.")`` (this is where models load);
* throughput: articles per second over 100 BBC articles after start-up (only the loop is timed);
* mean words per article of those articles;
* peak RSS of the process (``resource.getrusage(RUSAGE_SELF).ru_maxrss``).

The parent reports the median over ``--runs`` runs and every run, beside the
targets, and replaces the ``speed`` section of BENCHMARKS.md.

Usage:
    python benchmarks/speed.py [--runs 3] [--n 100] [--core N] [--checks slots,frames,...,pairs]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import BENCHMARKS_MD, REPO_ROOT, markdown_table, sample_bbc, write_section

TARGET_RATE = 8.0  # articles/s, at least
TARGET_STARTUP = 3.0  # seconds, at most
TARGET_RSS_MB = 600.0  # MB, at most
SAMPLE_SEED = 0


def child(core: int, n: int, checks: tuple[str, ...] | None = None) -> dict[str, Any]:
    """One measurement, in this process; ``corrigo`` must not have been imported yet.

    ``checks``: the internal checks to run (``Config.checks``); None for the default set.
    """
    os.sched_setaffinity(0, {core})
    import resource

    articles = [a.text for a in sample_bbc(n, SAMPLE_SEED)]
    words = statistics.mean(len(t.split()) for t in articles)
    if "corrigo" in sys.modules:
        raise RuntimeError("corrigo was imported before the start-up timer")
    t0 = time.perf_counter()
    try:
        import corrigo
    except ImportError:
        sys.path.insert(0, str(REPO_ROOT / "src"))
        import corrigo
    if hasattr(corrigo, "warm_up"):
        corrigo.warm_up()
    options = {} if checks is None else {"checks": checks}
    corrigo.check("Short headline\n\nOne sentence.", **options)
    startup = time.perf_counter() - t0
    findings = 0
    t1 = time.perf_counter()
    for text in articles:
        findings += len(corrigo.check(text, **options).findings)
    loop = time.perf_counter() - t1
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {
        "core": core,
        "articles": len(articles),
        "startup_s": startup,
        "loop_s": loop,
        "articles_per_s": len(articles) / loop if loop > 0 else float("inf"),
        "mean_words": words,
        "peak_rss_mb": rss_kb / 1024,
        "findings": findings,
        "warm_up": hasattr(corrigo, "warm_up"),
    }


def run_child(core: int, n: int, timeout: float, checks: tuple[str, ...] | None = None) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(
        {
            "OMP_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "NUMEXPR_NUM_THREADS": "1",
            "TOKENIZERS_PARALLELISM": "false",
        }
    )
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--core", str(core), "--n", str(n)]
    if checks is not None:
        cmd += ["--checks", ",".join(checks)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"measurement failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise RuntimeError(f"measurement printed no result:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return json.loads(lines[-1])


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def render(runs: list[dict[str, Any]], core: int) -> tuple[str, dict[str, float]]:
    med = {
        k: statistics.median(r[k] for r in runs)
        for k in ("startup_s", "articles_per_s", "peak_rss_mb", "mean_words", "loop_s")
    }
    summary = markdown_table(
        ["Measure", "Median", "Target", "Met"],
        [
            [
                "Start-up (import + first check)",
                f"{med['startup_s']:.2f} s",
                f"<= {TARGET_STARTUP:g} s",
                _mark(med["startup_s"] <= TARGET_STARTUP),
            ],
            [
                "Throughput",
                f"{med['articles_per_s']:.2f} articles/s",
                f">= {TARGET_RATE:g} articles/s",
                _mark(med["articles_per_s"] >= TARGET_RATE),
            ],
            [
                "Peak RSS",
                f"{med['peak_rss_mb']:.0f} MB",
                f"<= {TARGET_RSS_MB:g} MB",
                _mark(med["peak_rss_mb"] <= TARGET_RSS_MB),
            ],
            ["Mean words per article", f"{med['mean_words']:.0f}", "", ""],
        ],
        align="lrrl",
    )
    per_run = markdown_table(
        ["Run", "Start-up (s)", "Articles/s", "Loop (s)", "Peak RSS (MB)", "Findings"],
        [
            [
                i,
                f"{r['startup_s']:.2f}",
                f"{r['articles_per_s']:.2f}",
                f"{r['loop_s']:.1f}",
                f"{r['peak_rss_mb']:.0f}",
                r["findings"],
            ]
            for i, r in enumerate(runs, 1)
        ],
    )
    n = runs[0]["articles"]
    warm = "`corrigo.warm_up()` and " if runs[0].get("warm_up") else ""
    body = (
        f"{len(runs)} fresh processes, each pinned to core {core} with `OMP_NUM_THREADS=1` and "
        f"`OPENBLAS_NUM_THREADS=1`. Start-up = `import corrigo` + {warm}a first `corrigo.check` of a "
        f"two-line text; throughput over {n} BBC articles (seed {SAMPLE_SEED}) after start-up; "
        "peak RSS = `ru_maxrss` of the process.\n\n"
        f"{summary}\n\nAll runs:\n\n{per_run}\n"
    )
    return body, med


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes to run (default 3)")
    parser.add_argument("--n", type=int, default=100, help="BBC articles in the timed loop (default 100)")
    parser.add_argument("--core", type=int, default=None, help="core to pin to (default: the last usable one)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per run (default 1800)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument(
        "--markdown", type=Path, default=BENCHMARKS_MD, help="Markdown file to update (default BENCHMARKS.md)"
    )
    parser.add_argument(
        "--checks", default=None, help="comma-separated internal checks to run (default: Config's default set)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    core = args.core if args.core is not None else max(os.sched_getaffinity(0))
    checks = None if args.checks is None else tuple(c.strip() for c in args.checks.split(",") if c.strip())
    if args.child:
        print(json.dumps(child(core, args.n, checks)))
        return 0
    sample_bbc(1, SAMPLE_SEED)  # exits 0 with a message when the data is absent
    runs = []
    for i in range(args.runs):
        r = run_child(core, args.n, args.timeout, checks)
        print(
            f"run {i + 1}: start-up {r['startup_s']:.2f} s, {r['articles_per_s']:.2f} articles/s, "
            f"peak RSS {r['peak_rss_mb']:.0f} MB",
            file=sys.stderr,
        )
        runs.append(r)
    body, med = render(runs, core)
    print(body)
    path = write_section("speed", "Speed and memory (one core)", body, args.markdown)
    print(f"updated {path}", file=sys.stderr)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"core": core, "median": med, "runs": runs}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
