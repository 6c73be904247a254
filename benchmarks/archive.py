"""Benchmark: ``corrigo batch`` over an archive of stories, on each engine.

Builds an archive of ``--n`` stories (default 10,000): the BBC stories and the Reuters-21578
stories of 400+ characters (both read in place from ../shared/data), repeated under new ids until
there are enough, one JSON line each. Then runs ``corrigo batch --no-index`` (internal checks only)
on it, each run a fresh process:

* the local engine with ``--workers 1`` and ``--workers 2``;
* ``--engine ray --workers 2`` on a local 2-CPU Ray cluster (skipped when Ray is not installed).

For each: start-up (process start to the first record in the journal: imports, models, and for
Ray the cluster and its actors), articles/s after start-up, wall time, and the peak of the summed
RSS of the process and all its children (psutil, sampled every 0.2 s). The records of every run
must be identical. It estimates from the measured per-core rate what 1M stories take on N
machines, and replaces the ``archive`` section of BENCHMARKS.md.

Usage:
    python benchmarks/archive.py [--n 10000] [--engines local1,local2,ray]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import BENCHMARKS_MD, REPO_ROOT, load_bbc, markdown_table, write_section

REUTERS = (REPO_ROOT / ".." / "shared" / "data" / "reuters21578" / "reut2-000.jsonl").resolve()
RUNS = {
    "local1": ("local, --workers 1", ["--workers", "1"], 1),
    "local2": ("local, --workers 2", ["--workers", "2"], 2),
    "ray": ("Ray, local 2-CPU cluster, --workers 2", ["--engine", "ray", "--workers", "2"], 2),
}
ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "RAY_USAGE_STATS_ENABLED": "0",
}


def stories() -> list[str]:
    """The BBC stories (exits 0 when absent) and the Reuters ones of 400+ characters (when there)."""
    texts = [a.text for a in load_bbc()]
    if REUTERS.is_file():
        with REUTERS.open(encoding="utf-8") as fh:
            for row in map(json.loads, fh):
                body = (row.get("body") or "").strip()
                if len(body) >= 400:
                    title = (row.get("title") or "").strip()
                    texts.append(f"{title}\n\n{(row.get('dateline') or '').strip()} {body}")
    return texts


def write_archive(path: Path, n: int) -> dict[str, int]:
    """``n`` stories under ids arc-00000... (the sources repeated in turn), one JSON line each."""
    texts = stories()
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"arc-{i:07d}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    return {"distinct": len(texts), "bytes": path.stat().st_size}


def _sample(proc: Any, cpu: dict[int, float]) -> int:
    """The summed RSS of ``proc`` and its children now; ``cpu`` keeps each one's CPU seconds so far."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            total += p.memory_info().rss
            times = p.cpu_times()
            cpu[p.pid] = max(cpu.get(p.pid, 0.0), times.user + times.system)
    return total


def measure(name: str, src: Path, out: Path, timeout: float) -> dict[str, Any]:
    """One run of ``corrigo batch`` in a fresh process, watched from outside."""
    import psutil

    label, extra, cores = RUNS[name]
    journal = out.with_name(out.name + ".journal")
    cmd = [sys.executable, "-m", "corrigo", "batch", str(src), "-o", str(out), "--no-index", "--quiet", *extra]
    env = {**os.environ, **ONE_THREAD}
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(proc.pid)
    peak, first, cpu = 0, None, {}
    while proc.poll() is None:
        peak = max(peak, _sample(watched, cpu))
        if first is None and journal.is_file():
            with journal.open("rb") as fh:
                if fh.readline() and fh.readline():
                    first = time.monotonic() - t0
        if time.monotonic() - t0 > timeout:
            proc.kill()
            raise RuntimeError(f"{label}: still running after {timeout:.0f} s")
        time.sleep(0.2)
    wall = time.monotonic() - t0
    err = proc.stderr.read()
    if proc.returncode not in (0, 1, 2) or not out.is_file():
        raise RuntimeError(f"{label} failed (exit {proc.returncode}):\n{err[-3000:]}")
    lines = sum(1 for _ in out.open(encoding="utf-8"))
    first = wall if first is None else first
    rate = (lines - 1) / (wall - first) if wall > first else float("nan")
    return {
        "engine": name,
        "label": label,
        "cores": cores,
        "articles": lines,
        "startup_s": first,
        "wall_s": wall,
        "articles_per_s": rate,
        "per_core": rate / cores,
        "peak_mb": peak / 2**20,
        "cpu_s": sum(cpu.values()),
        "per_cpu_s": lines / sum(cpu.values()) if cpu else float("nan"),
        "load": os.getloadavg()[0],
        "summary": err.strip().splitlines()[0] if err.strip() else "",
    }


def _duration(seconds: float) -> str:
    if seconds >= 5400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 60:.0f} min" if seconds >= 120 else f"{seconds:.0f} s"


def estimate(per_core: float, cores_per_machine: int = 16) -> str:
    rows = []
    for machines in (1, 10, 50, 100):
        seconds = 1_000_000 / (per_core * cores_per_machine * machines)
        rows.append([machines, machines * cores_per_machine, _duration(seconds)])
    return markdown_table(["Machines", "Cores", "1M stories"], rows)


def render(runs: list[dict[str, Any]], info: dict[str, int], n: int, same: bool) -> str:
    table = markdown_table(
        [
            "Engine",
            "Articles",
            "Start-up (s)",
            "Articles/s",
            "Wall (s)",
            "CPU (s)",
            "Articles per CPU-s",
            "Load (1 min)",
            "Peak RSS (MB)",
        ],
        [
            [
                r["label"],
                r["articles"],
                f"{r['startup_s']:.1f}",
                f"{r['articles_per_s']:.2f}",
                f"{r['wall_s']:.0f}",
                f"{r['cpu_s']:.0f}",
                f"{r['per_cpu_s']:.2f}",
                f"{r['load']:.1f}",
                f"{r['peak_mb']:.0f}",
            ]
            for r in runs
        ],
    )
    best = min((r for r in runs if r["cores"] > 1), key=lambda r: r["per_cpu_s"], default=runs[0])
    note = (
        ""
        if n >= 10_000
        else f"Run with `--n {n}` instead of the default 10,000 to fit the time budget of this 2-core machine; "
        "the rates are steady-state rates, so they carry over.\n\n"
    )
    return (
        f"{n:,} stories ({info['distinct']:,} distinct BBC and Reuters-21578 stories repeated under new ids, "
        f"{info['bytes'] / 2**20:.1f} MiB of JSON Lines), `corrigo batch --no-index` (internal checks only), "
        "each run a fresh process with one thread per worker. Start-up = process start to the first record "
        "in the journal (imports, models, and for Ray the local cluster and its actors); articles/s = the "
        "records after the first over the time after it; peak RSS = the largest sum of the RSS of the "
        "process and all its children, sampled every 0.2 s (shared pages count once per process, so this "
        "overstates); CPU = the user + system seconds of the process and its children (Ray's own processes "
        "included); load = the machine's 1-minute load average at the end, above 2 when other work shared "
        "the 2 cores (articles/s then understates, articles per CPU-second does not; a run that waited for "
        "CPU also shows it in wall time, not in CPU). "
        f"Records identical across engines: {'yes' if same else '**no**'}.\n\n{note}"
        f"{table}\n\n"
        f"Estimate for 1M stories from the per-core rate of `{best['label']}` ({best['per_cpu_s']:.2f} "
        "articles per CPU-second, the slowest multi-worker run, overheads included), assuming 16-core "
        "machines, linear scaling, the index not used (`--no-index`) "
        "and the input split so every core is busy; with an index, expect about a third of this rate "
        '(BENCHMARKS.md, "End to end"):\n\n'
        f"{estimate(best['per_cpu_s'])}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="stories in the archive (default 10,000)")
    parser.add_argument("--engines", default="local1,local2,ray", help="runs, of local1, local2, ray")
    parser.add_argument("--timeout", type=float, default=7200, help="seconds allowed per run (default 7200)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument("--markdown", type=Path, default=BENCHMARKS_MD, help="file to update (default BENCHMARKS.md)")
    args = parser.parse_args(argv)
    names = [e.strip() for e in args.engines.split(",") if e.strip()]
    if "ray" in names:
        try:
            import ray.data  # noqa: F401
        except ImportError:
            print("Ray is not installed (pip install 'corrigo[ray]'): skipping the Ray run", file=sys.stderr)
            names.remove("ray")
    with tempfile.TemporaryDirectory(prefix="corrigo-archive-") as tmp:
        src = Path(tmp) / "archive.jsonl"
        info = write_archive(src, args.n)
        runs, outputs = [], []
        for name in names:
            out = Path(tmp) / f"{name}.jsonl"
            r = measure(name, src, out, args.timeout)
            print(
                f"{r['label']}: start-up {r['startup_s']:.1f} s, {r['articles_per_s']:.2f} articles/s, "
                f"wall {r['wall_s']:.0f} s, peak {r['peak_mb']:.0f} MB",
                file=sys.stderr,
            )
            runs.append(r)
            outputs.append(out.read_bytes())
        same = all(o == outputs[0] for o in outputs)
    body = render(runs, info, args.n, same)
    print(body)
    path = write_section("archive", "Archive batch (engines, resume journal)", body, args.markdown)
    print(f"updated {path}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"n": args.n, "runs": runs, "same": same}, indent=2), encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
