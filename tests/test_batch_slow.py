"""Batch mode under fire (slow): kill -9 at random moments then --resume, malformed lines, and
the Ray engine against the local one. Skipped in the default run; run them with
``python -m pytest -m slow tests/test_batch_slow.py``."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corrigo.batch_journal import journal_path
from corrigo.cli import main
from test_batch_resume import TEXTS

pytestmark = pytest.mark.slow


REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "data" / "bbc_news" / "bbc_news_summary.jsonl"


def _input(path: Path, n: int, malformed_every: int = 100) -> tuple[Path, list[str]]:
    """n lines, one in ``malformed_every`` not JSON (with a readable id); returns the ids in order."""
    lines, ids = [], []
    for i in range(n):
        rid = f"k{i}"
        if i % malformed_every == malformed_every - 1:
            lines.append(f'{{"id": "{rid}", "text": "unterminated')
        else:
            lines.append(json.dumps({"id": rid, "text": f"{TEXTS[i % len(TEXTS)]} Story {i}."}))
        ids.append(rid)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path, ids


def _batch(src: Path, dst: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "corrigo", "batch", str(src), "-o", str(dst), "--no-index", "--quiet", *extra],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: kill -9 reaches the worker processes too
    )


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_kill_9_at_random_moments_then_resume_gives_every_line_once(tmp_path):
    src, ids = _input(tmp_path / "in.jsonl", 1500)
    reference = tmp_path / "reference.jsonl"
    assert main(["batch", str(src), "-o", str(reference), "--no-index", "--quiet", "--workers", "2"]) == 2
    dst = tmp_path / "out.jsonl"
    rng = random.Random(15)
    kills, done_at_kill = 0, []
    for _attempt in range(40):
        workers = rng.choice(["1", "2"])
        proc = _batch(src, dst, "--resume", "--workers", workers)
        try:
            # Every other kill before the checking starts (start-up is about 2 s), the rest during it.
            delay = rng.uniform(0.05, 2.0) if kills % 2 else rng.uniform(2.0, 3.5)
            proc.wait(timeout=delay if kills < 12 else 600)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            kills += 1
            journal = journal_path(dst)
            done_at_kill.append(journal.read_bytes().count(b"\n") - 1 if journal.exists() else 0)
            # The output appears only whole (a kill between its rename and the journal's removal).
            assert not dst.exists() or dst.read_bytes() == reference.read_bytes()
            continue
        finally:
            proc.stderr.close()
        assert proc.returncode == 2  # the malformed lines
        break
    assert kills >= 10
    assert len({d for d in done_at_kill if 0 < d < 1500}) >= 4, done_at_kill  # kills landed mid-run
    assert not journal_path(dst).exists()
    out = _records(dst)
    assert [o["id"] for o in out] == ids and [o["line"] for o in out] == list(range(1, 1501))
    assert sum("error" in o for o in out) == 15
    assert dst.read_bytes() == reference.read_bytes()


def test_one_percent_malformed_lines_are_error_records_and_nothing_is_lost(tmp_path):
    src, ids = _input(tmp_path / "in.jsonl", 300)
    dst = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(dst), "--no-index", "--quiet", "--workers", "2"]) == 2
    out = _records(dst)
    assert [o["id"] for o in out] == ids
    bad = [o for o in out if "error" in o]
    assert [o["line"] for o in bad] == [100, 200, 300] and {o["error"]["code"] for o in bad} == {"bad_json"}
    assert sum("report" in o for o in out) == 297


def _sixty_articles(path: Path) -> Path:
    """60 BBC stories read in place when the shared data is there, else the short test articles."""
    lines = []
    if BBC.is_file():
        with BBC.open(encoding="utf-8") as fh:
            for row in map(json.loads, fh):
                if row.get("title") and row.get("article"):
                    text = f"{row['title']}\n\n{row['article']}"
                    lines.append(json.dumps({"id": f"bbc-{row.get('id')}", "text": text}))
                if len(lines) == 60:
                    break
    else:
        lines = [json.dumps({"id": f"t{i}", "text": f"{TEXTS[i % 3]} Item {i}."}) for i in range(60)]
    lines[7] = "{not json"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_ray_engine_gives_the_local_engines_records(tmp_path, monkeypatch):
    pytest.importorskip("ray.data")
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    src = _sixty_articles(tmp_path / "in.jsonl")
    local, ray_out = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    assert main(["batch", str(src), "-o", str(local), "--no-index", "--quiet"]) == 2
    t0 = time.monotonic()
    # In this process, so the offline fixture (every outgoing connection refused) covers Ray too.
    code = main(["batch", str(src), "-o", str(ray_out), "--no-index", "--quiet", "--engine", "ray", "--workers", "2"])
    assert code == 2, time.monotonic() - t0
    assert ray_out.read_bytes() == local.read_bytes()
    assert len(_records(ray_out)) == 60 and not journal_path(ray_out).exists()
