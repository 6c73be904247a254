"""Shared helpers for the benchmark scripts: the BBC data, the machine, and BENCHMARKS.md.

Each script owns one section of ``BENCHMARKS.md`` at the repository root,
delimited by ``<!-- begin NAME -->`` and ``<!-- end NAME -->``; running a script
replaces its own section (or appends it) and leaves the rest of the file alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import random
import re
import shlex
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BBC_PATH = (REPO_ROOT / ".." / "shared" / "data" / "bbc_news" / "bbc_news_summary.jsonl").resolve()
BENCHMARKS_MD = REPO_ROOT / "BENCHMARKS.md"

_HEADER = (
    "# Benchmarks\n\n"
    "Sections between `<!-- begin NAME -->` and `<!-- end NAME -->` are written by the scripts in "
    "`benchmarks/`; rerun a script to refresh its section.\n"
)


@dataclass(frozen=True)
class BBCArticle:
    """One BBC article: ``text`` is what Corrigo checks (``title + "\\n\\n" + article``)."""

    id: str
    title: str
    text: str


def load_bbc(path: Path = BBC_PATH) -> list[BBCArticle]:
    """Read every article of the BBC file, or exit 0 with a message when it is absent."""
    if not path.is_file():
        print(f"BBC data not found at {path}; nothing to benchmark.", file=sys.stderr)
        sys.exit(0)
    out: list[BBCArticle] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            title = (row.get("title") or "").strip()
            body = (row.get("article") or "").strip()
            if title and body:
                out.append(BBCArticle(str(row.get("id")), title, f"{title}\n\n{body}"))
    return out


def sample_bbc(n: int, seed: int, path: Path = BBC_PATH) -> list[BBCArticle]:
    """``n`` articles drawn with a fixed seed, in file order (all of them if ``n`` is larger)."""
    articles = load_bbc(path)
    if n >= len(articles):
        return articles
    picks = sorted(random.Random(seed).sample(range(len(articles)), n))
    return [articles[i] for i in picks]


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, else what the platform module says."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def machine_line() -> str:
    """One line describing the machine: CPU model, cores, Python version."""
    total = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = total
    cores = f"{usable} cores" if usable == total else f"{usable} of {total} cores usable"
    return f"{cpu_model()}, {cores}, Python {platform.python_version()} ({platform.system()})"


def command_line() -> str:
    """The command that ran this script, with the script path relative to the repository root."""
    args = list(sys.argv)
    with contextlib.suppress(ValueError):
        args[0] = str(Path(args[0]).resolve().relative_to(REPO_ROOT))
    return shlex.join(["python", *args])


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]], align: str | None = None) -> str:
    """A GitHub Markdown table; ``align`` is one letter per column (``l`` or ``r``), default: first left."""
    align = align or ("l" + "r" * (len(headers) - 1))
    rule = ["---" if a == "l" else "---:" for a in align]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def write_section(name: str, title: str, body: str, path: Path = BENCHMARKS_MD) -> Path:
    """Replace (or append) section ``name`` of the Markdown file, atomically.

    The section starts with the command, the date (UTC) and the machine, then ``body``.
    """
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    section = (
        f"{begin}\n"
        f"## {title}\n\n"
        f"- Command: `{command_line()}`\n"
        f"- Date: {utc_now()}\n"
        f"- Machine: {machine_line()}\n\n"
        f"{body.rstrip()}\n"
        f"{end}"
    )
    old = path.read_text(encoding="utf-8") if path.is_file() else _HEADER
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(old):
        new = pattern.sub(lambda _m: section, old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    if not new.endswith("\n"):
        new += "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(new)
            fh.flush()
            os.fsync(fh.fileno())
        mode = (path.stat().st_mode & 0o777) if path.is_file() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def ratio(num: float, den: float) -> float | None:
    return None if den == 0 else num / den
