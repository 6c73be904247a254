"""The progress bar of ``corrigo batch`` and ``corrigo index``: on a terminal's stderr only, never
with ``--quiet`` or when stderr is piped, and never changing stdout or the output file."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from corrigo.batch import _lines, count_lines
from corrigo.cli import main
from terminal import Terminal, run_corrigo
from terminal import plain as strip_escapes

REPO = Path(__file__).resolve().parents[1]

# Three short articles written for these tests.
ARTICLES = [
    {
        "id": "p1",
        "text": "The Harbour Trust opened a new ferry pier in Oban on Friday. The pier cost 4 million pounds.",
    },
    {"id": "p2", "text": "Kestrel Mills said it would hire 30 weavers in Galashiels next spring."},
    {"id": "p3", "text": "Rain delayed the county cricket final at Taunton for two hours on Sunday."},
]


def _input(tmp_path: Path) -> Path:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return src


def _run(args: list[str], *, stderr_on_a_terminal: bool) -> tuple[int, bytes, str]:
    return run_corrigo(args, stderr_on_a_terminal=stderr_on_a_terminal)


def test_batch_shows_a_bar_on_a_terminal_only_and_the_output_is_the_same(tmp_path):
    src = _input(tmp_path)
    runs = {
        "terminal": (["batch", str(src), "-o", str(tmp_path / "terminal.jsonl")], True),
        "quiet": (["--quiet", "batch", str(src), "-o", str(tmp_path / "quiet.jsonl")], True),
        "piped": (["batch", str(src), "-o", str(tmp_path / "piped.jsonl")], False),
    }
    results = {name: _run(args, stderr_on_a_terminal=tty) for name, (args, tty) in runs.items()}
    for name, (status, out, err) in results.items():
        assert status == 0, (name, err)
        assert "Traceback" not in err
        assert out == b""  # batch writes nothing on stdout, bar or no bar
        assert "corrigo: 3 lines: 3 checked" in err
    terminal_err = strip_escapes(results["terminal"][2])
    assert re.search(r"checking .*\b3/3 lines\b.*/s", terminal_err), terminal_err
    for name in ("quiet", "piped"):
        err = results[name][2]
        assert "checking" not in err and "3/3" not in err and "\x1b[" not in err, (name, err)
    outputs = {name: (tmp_path / f"{name}.jsonl").read_bytes() for name in runs}
    assert outputs["terminal"] == outputs["quiet"] == outputs["piped"]
    assert [json.loads(line)["id"] for line in outputs["terminal"].splitlines()] == ["p1", "p2", "p3"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_before_or_after_the_subcommand(tmp_path, monkeypatch, where):
    src = _input(tmp_path)
    args = ["batch", str(src), "-o", str(tmp_path / "out.jsonl")]
    args = ["--quiet", *args] if where == "before" else [*args, "--quiet"]
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(args) == 0
    assert terminal.getvalue().startswith("corrigo: 3 lines")  # no bar before the summary


def test_batch_bar_on_a_terminal_in_process(tmp_path, monkeypatch):
    src = _input(tmp_path)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["batch", str(src), "-o", str(tmp_path / "out.jsonl")]) == 0
    plain = strip_escapes(terminal.getvalue())
    bar, summary = plain.split("\n")[:2]
    assert "checking" in bar and "3/3 lines" in bar.split("\r")[-1]
    assert summary.startswith("corrigo: 3 lines")


@pytest.mark.parametrize("where", ["before", "after"])
def test_index_add_quiet_on_a_terminal(tmp_path, monkeypatch, where):
    pytest.importorskip("tantivy")
    docs = tmp_path / "docs"
    docs.mkdir()
    for a in ARTICLES:
        (docs / f"{a['id']}.txt").write_text(a["text"], encoding="utf-8")
    index = tmp_path / "ix"
    if where == "before":
        args = ["index", "--quiet", "--index", str(index), "add", str(docs)]
    else:
        args = ["index", "--index", str(index), "add", str(docs), "--quiet"]
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(args) == 0
    assert terminal.getvalue() == ""


@pytest.mark.parametrize(
    "content",
    [b"", b"a\n", b"a", b"a\nb", b"a\r\nb\r\n", b"a\rb\r", b"\n\n\n", b"a\r\n\r\nb", "\ufeffé\n".encode()],
)
def test_count_lines_matches_the_records_written(tmp_path, content):
    path = tmp_path / "in.jsonl"
    path.write_bytes(content)
    assert count_lines(path) == len(list(_lines(path)))


def test_count_lines_of_what_is_not_a_file(tmp_path):
    assert count_lines(tmp_path) is None
    assert count_lines(tmp_path / "missing.jsonl") is None
