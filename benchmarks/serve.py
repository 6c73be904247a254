"""Benchmark: ``corrigo serve`` under load from concurrent clients on this machine.

Starts ``corrigo serve --port 0 --no-index`` in a child process (its workers load their models
before it says it is serving), sends one untimed request per worker, then runs ``--clients``
threads that each send ``--requests`` BBC stories one after another (``POST /check``, JSON, each
client on its own kept-alive connection). Reported: requests per second over the whole run,
p50/p95/p99 latency, errors (any answer but 200, or a failed connection: must be 0), and the peak
resident memory of the server and its workers together (psutil, sampled every 50 ms).

Usage:
    python benchmarks/serve.py [--clients 20] [--requests 50] [--workers N] [--timeout S]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from _common import BENCHMARKS_MD, markdown_table, sample_bbc, write_section

SAMPLE_SEED = 0


class _Server:
    """``corrigo serve`` in a child process, its stderr collected."""

    def __init__(self, workers: int | None, timeout_s: float | None) -> None:
        cmd = [sys.executable, "-m", "corrigo", "serve", "--port", "0", "--no-index", "--no-access-log"]
        if workers is not None:
            cmd += ["--workers", str(workers)]
        if timeout_s is not None:
            cmd += ["--timeout", str(timeout_s)]
        env = {**os.environ, "CORRIGO_INDEX": os.path.join(tempfile.gettempdir(), "corrigo-bench-no-index")}
        env.pop("CORRIGO_API_KEY", None)
        self.cmd = cmd
        self.process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)

    def wait_url(self, timeout: float = 180.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.log):
                m = re.search(r"serving on (http://\S+) \((\d+) workers?", line)
                if m:
                    return m.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("the server did not start:\n" + "".join(self.log[-40:]))

    def stop(self) -> None:
        self.process.send_signal(2)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class _TreeSampler(threading.Thread):
    """Samples a process and its children: the largest total RSS seen, and the CPU time each used."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        import psutil

        self.root = psutil.Process(pid)
        self.every = every
        self.peak = 0
        self.peak_processes = 0
        self.cpu_start: dict[int, float] = {}
        self.cpu_last: dict[int, float] = {}
        self._done = threading.Event()
        self._sample()
        self.cpu_start = dict(self.cpu_last)

    def _sample(self) -> None:
        import psutil

        total, count = 0, 0
        for p in [self.root, *self.root.children(recursive=True)]:
            try:
                with p.oneshot():
                    total += p.memory_info().rss
                    times = p.cpu_times()
                self.cpu_last[p.pid] = times.user + times.system
                count += 1
            except psutil.NoSuchProcess:
                pass
        if total > self.peak:
            self.peak, self.peak_processes = total, count

    def run(self) -> None:
        import psutil

        while not self._done.is_set():
            try:
                self._sample()
            except psutil.NoSuchProcess:
                return
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join()
        self._sample()

    @property
    def cpu_s(self) -> float:
        """CPU seconds the server and its workers used while sampled."""
        return sum(t - self.cpu_start.get(pid, 0.0) for pid, t in self.cpu_last.items())


def _machine_busy_s() -> float | None:
    """CPU seconds this machine has spent busy since boot (Linux), all processes together."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _client(url: str, texts: list[str], latencies: list[float], errors: list[str]) -> None:
    import httpx

    with httpx.Client(base_url=url, timeout=300) as http:
        for text in texts:
            t0 = time.perf_counter()
            try:
                r = http.post("/check", json={"text": text})
                ok = r.status_code == 200 and r.json().get("schema_version") == 1
                if not ok:
                    errors.append(f"{r.status_code}: {r.text[:200]}")
            except httpx.HTTPError as exc:
                errors.append(repr(exc))
            latencies.append(time.perf_counter() - t0)


def run(clients: int, requests: int, workers: int | None, timeout_s: float | None) -> dict[str, Any]:
    articles = [a.text for a in sample_bbc(200, SAMPLE_SEED)]
    server = _Server(workers, timeout_s)
    try:
        url = server.wait_url()
        started = next(line for line in server.log if "serving on" in line)
        n_workers = int(re.search(r"\((\d+) workers?", started).group(1))
        _client(url, articles[:n_workers], [], [])  # one untimed request per worker
        sampler = _TreeSampler(server.process.pid)
        sampler.start()
        busy0, own0 = _machine_busy_s(), time.process_time()
        latencies: list[float] = []
        errors: list[str] = []
        plan = [[articles[(c * requests + i) % len(articles)] for i in range(requests)] for c in range(clients)]
        threads = [threading.Thread(target=_client, args=(url, texts, latencies, errors)) for texts in plan]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        busy1, own1 = _machine_busy_s(), time.process_time()
        sampler.stop()
    finally:
        server.stop()
    q = statistics.quantiles(latencies, n=100)
    return {
        "clients": clients,
        "requests": len(latencies),
        "workers": n_workers,
        "wall_s": wall,
        "rps": len(latencies) / wall,
        "p50_s": statistics.median(latencies),
        "p95_s": q[94],
        "p99_s": q[98],
        "errors": len(errors),
        "error_samples": errors[:5],
        "peak_rss_mb": sampler.peak / 2**20,
        "server_cpu_s": sampler.cpu_s,
        "client_cpu_s": own1 - own0,
        # CPU time of everything else on the machine during the run (None where /proc/stat is missing).
        "other_cpu_s": None if busy0 is None or busy1 is None else busy1 - busy0 - sampler.cpu_s - (own1 - own0),
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "processes": sampler.peak_processes,
        "mean_words": statistics.mean(len(t.split()) for t in articles),
        "server_cmd": " ".join(["corrigo", *server.cmd[3:]]),
    }


def render(r: dict[str, Any]) -> str:
    table = markdown_table(
        ["Measure", "Value"],
        [
            ["Requests", f"{r['requests']} ({r['clients']} clients × {r['requests'] // r['clients']})"],
            ["Throughput", f"{r['rps']:.2f} requests/s"],
            ["Latency p50", f"{r['p50_s'] * 1000:.0f} ms"],
            ["Latency p95", f"{r['p95_s'] * 1000:.0f} ms"],
            ["Latency p99", f"{r['p99_s'] * 1000:.0f} ms"],
            ["Errors", str(r["errors"])],
            ["Peak RSS, server + workers", f"{r['peak_rss_mb']:.0f} MB ({r['processes']} processes)"],
            ["CPU per request, server + workers", f"{r['server_cpu_s'] / r['requests'] * 1000:.0f} ms"],
            ["CPU of the clients", f"{r['client_cpu_s']:.1f} s"],
        ],
        align="lr",
    )
    capacity = r["cores"] * r["wall_s"]
    other = ""
    if r["other_cpu_s"] is not None:
        share = max(0.0, r["other_cpu_s"]) / capacity
        other = (
            f" Other processes on the machine used {max(0.0, r['other_cpu_s']):.0f} CPU seconds of the "
            f"{capacity:.0f} its {r['cores']} cores had during the run ({100 * share:.0f}%): the throughput is "
            "lower by about as much when that is not near 0."
        )
    return (
        f"`{r['server_cmd']}` ({r['workers']} worker processes of one thread each, default time limit) on this "
        f"machine; {r['clients']} concurrent clients (threads, each with its own kept-alive connection) each "
        f"send {r['requests'] // r['clients']} BBC stories one after another as `POST /check` JSON (200 stories, "
        f"seed {SAMPLE_SEED}, {r['mean_words']:.0f} words on average), after one untimed request per worker. "
        "The clients run on the same machine and share its cores with the server. "
        "Latency is per request as a client sees it, waiting for a free worker included; "
        f"the run took {r['wall_s']:.1f} s. Peak RSS: psutil over the server process and its children, "
        f"sampled every 50 ms. CPU per request hardly depends on what else runs: CPU seconds of the server and "
        f"its workers over the requests.{other}\n\n"
        f"{table}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--requests", type=int, default=50, help="requests per client (default 50)")
    parser.add_argument("--workers", type=int, default=None, help="server workers (default: the server's own)")
    parser.add_argument("--timeout", type=float, default=None, help="the server's time limit (default: its own)")
    parser.add_argument("--markdown", type=Path, default=BENCHMARKS_MD, help="Markdown file to update")
    args = parser.parse_args(argv)
    sample_bbc(1, SAMPLE_SEED)  # exits 0 with a message when the data is absent
    result = run(args.clients, args.requests, args.workers, args.timeout)
    body = render(result)
    print(body)
    if result["errors"]:
        print("errors:", *result["error_samples"], sep="\n  ", file=sys.stderr)
    path = write_section("serve", "HTTP server under load (corrigo serve)", body, args.markdown)
    print(f"updated {path}", file=sys.stderr)
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
