"""Resumable batch mode: the journal, a torn last record, duplicate ids, skipping what is done.

Fast tests on a handful of short articles written for them; the kill -9 runs and the Ray engine
are in ``test_batch_slow.py``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

import corrigo.batch as batch
from corrigo.batch_journal import journal_header, journal_path, open_journal
from corrigo.cli import main
from corrigo.config import Config
from corrigo.errors import InputError
from corrigo.progress import ProgressBar
from terminal import Terminal, plain

# Short articles written for these tests; the third contradicts itself (Leeds / Derby).
TEXTS = [
    "Mayor opens bridge\n\nThe mayor opened the new bridge over the Tay on Monday.",
    "Ferry pier opens\n\nThe Harbour Trust opened a ferry pier in Oban on Friday. It cost 4 million pounds.",
    "Northgate Water to close Leeds treatment plant\n\n"
    "Northgate Water will close its treatment plant in Derby by the end of next year, cutting 120 jobs.\n\n"
    "Workers at the Leeds plant were told on Friday. The Leeds plant opened in 1973.",
]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _articles(n: int) -> list[str]:
    return [json.dumps({"id": f"s{i}", "text": TEXTS[i % len(TEXTS)]}) for i in range(n)]


def _header(src: Path, config: Config) -> dict:
    data = src.read_bytes()
    return journal_header(len(data), hashlib.sha256(data).hexdigest(), config.model_dump())


def _count_checks(monkeypatch) -> list[int]:
    """The line numbers the local engine checks from now on."""
    checked: list[int] = []
    real = batch.check_line

    def counting(line, checker, number=None):
        checked.append(number)
        return real(line, checker, number)

    monkeypatch.setattr(batch, "check_line", counting)
    return checked


def test_a_finished_run_leaves_no_journal(tmp_path):
    src, dst = _write(tmp_path / "in.jsonl", _articles(3)), tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(dst), "--no-index", "--quiet"]) == 1
    assert [json.loads(line)["line"] for line in dst.read_text().splitlines()] == [1, 2, 3]
    assert not journal_path(dst).exists()


def test_resume_skips_done_lines_and_drops_a_torn_last_record(tmp_path, monkeypatch):
    src, full = _write(tmp_path / "in.jsonl", _articles(6)), tmp_path / "full.jsonl"
    assert main(["batch", str(src), "-o", str(full), "--no-index", "--quiet"]) == 1
    records = full.read_text(encoding="utf-8").splitlines()
    dst = tmp_path / "out.jsonl"
    # What a run killed while writing line 5's record leaves: lines 2, 1 and 4 done (workers finish
    # out of order), then half a record.
    header = json.dumps(_header(src, Config(use_index=False)), sort_keys=True)
    journal_path(dst).write_text(
        "\n".join([header, records[1], records[0], records[3], records[4][:40]]), encoding="utf-8"
    )
    checked = _count_checks(monkeypatch)
    assert main(["batch", str(src), "-o", str(dst), "--no-index", "--quiet", "--resume"]) == 1
    assert sorted(checked) == [3, 5, 6]  # the torn line 5 is checked again, 1, 2 and 4 are not
    assert dst.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    assert not journal_path(dst).exists()


def test_resume_without_a_journal_is_a_fresh_run(tmp_path):
    src, dst = _write(tmp_path / "in.jsonl", _articles(2)), tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(dst), "--no-index", "--quiet", "--resume"]) == 0
    assert len(dst.read_text().splitlines()) == 2


def test_a_journal_in_the_way_is_not_overwritten_without_resume(tmp_path, capsys):
    src, dst = _write(tmp_path / "in.jsonl", _articles(2)), tmp_path / "out.jsonl"
    journal = journal_path(dst)
    journal.write_text("kept\n")
    assert main(["batch", str(src), "-o", str(dst), "--no-index", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "--resume" in err and str(journal) in err
    assert journal.read_text() == "kept\n" and not dst.exists()
    assert main(["batch", str(src), "-o", str(dst), "--no-index", "--quiet", "--resume"]) == 2
    assert "not a corrigo batch journal" in capsys.readouterr().err
    assert journal.read_text() == "kept\n"


def test_resume_refuses_a_journal_of_another_input_or_options(tmp_path, capsys):
    src, dst = _write(tmp_path / "in.jsonl", _articles(2)), tmp_path / "out.jsonl"
    journal = journal_path(dst)
    journal.write_text(json.dumps(_header(src, Config(use_index=False))) + "\n")
    _write(src, _articles(3))
    assert main(["batch", str(src), "-o", str(dst), "--no-index", "--quiet", "--resume"]) == 2
    assert "the input file" in capsys.readouterr().err and journal.exists() and not dst.exists()
    journal.write_text(json.dumps(_header(src, Config(use_index=False))) + "\n")
    args = ["batch", str(src), "-o", str(dst), "--no-index", "--quiet", "--resume", "--min-confidence", "0.9"]
    assert main(args) == 2
    assert "checking options" in capsys.readouterr().err


def test_duplicate_ids_are_error_records_not_overwrites(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": TEXTS[0]}),
        json.dumps({"id": "b", "text": TEXTS[1]}),
        json.dumps({"id": "a", "text": TEXTS[2]}),
        json.dumps({"id": 1, "text": TEXTS[0]}),
        json.dumps({"id": "1", "text": TEXTS[0]}),  # a string, not the number 1: not a duplicate
        json.dumps({"id": "a", "text": TEXTS[1]}),
    ]
    src, dst = _write(tmp_path / "in.jsonl", lines), tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(dst), "--no-index", "--quiet"]) == 2
    out = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "a", 1, "1", "a"]
    assert [o.get("error", {}).get("code") for o in out] == [None, None, "duplicate_id", None, None, "duplicate_id"]
    assert "line 1" in out[2]["error"]["message"] and "own id" in out[2]["error"]["message"]
    assert out[0]["report"]["findings"] == []  # the first use keeps its report


def test_journal_cuts_a_torn_tail_and_keeps_whole_records(tmp_path):
    path = tmp_path / "j"
    header = {"format": "corrigo-batch-journal/1", "input_sha256": "x", "config_sha256": "y"}
    journal = open_journal(path, header, resume=False, fsync_every=2)
    for n in (2, 1, 3):
        journal.append({"id": f"r{n}", "line": n, **({"error": {"code": "c", "message": "m"}} if n == 3 else {})})
    journal.append({"id": "again", "line": 2})  # a line already done is not written twice
    journal.close()
    with path.open("ab") as fh:
        fh.write(b'{"id": "r4", "li')
    again = open_journal(path, header, resume=True)
    assert sorted(again.offsets) == [1, 2, 3] and again.errors == 1
    assert [json.loads(r)["id"] for r in again.records(3)] == ["r1", "r2", "r3"]
    again.append({"id": "r4", "line": 4})
    again.close()
    assert path.read_bytes().endswith(b'"line": 3, "error": {"code": "c", "message": "m"}}\n{"id": "r4", "line": 4}\n')
    with pytest.raises(InputError, match="--resume"):
        open_journal(path, header, resume=False)


def test_address_needs_the_ray_engine(tmp_path, capsys):
    src = _write(tmp_path / "in.jsonl", _articles(1))
    assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--address", "auto"]) == 2
    assert "--engine ray" in capsys.readouterr().err


def test_bar_shows_errors_so_far_and_the_summary_its_time(tmp_path, monkeypatch):
    src = _write(tmp_path / "in.jsonl", [*_articles(2), "{broken"])
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--no-index"]) == 2
    text = plain(terminal.getvalue())
    assert "3/3 lines" in text and "1 error" in text
    assert "corrigo: 3 lines: 2 checked, 0 with findings, 1 errors" in text and " s)" in text


def test_bar_rate_counts_from_where_a_resumed_run_starts():
    stream = Terminal()
    bar = ProgressBar("checking", 100, unit="lines", stream=stream)
    bar(90, 100, 0)  # 90 found done in the journal
    task = bar._progress.tasks[0]
    assert task.fields["base"] == 90 and task.fields["errors"] == 0
    bar.close()
