"""``corrigo index ...`` end to end: progress in a terminal, ids across adds, removing unknown ids."""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corrigo.cli import main
from terminal import Terminal, run_corrigo
from terminal import plain as strip_escapes

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "examples" / "reference"

STORY_2021 = "Northgate Water will close its treatment plant in Leeds, the company said on Monday."
STORY_2022 = "Bradford council approved a new budget for its libraries on Tuesday evening."


def _run_with_stderr_on_a_pty(args: list[str]) -> tuple[int, str]:
    """Run ``python -m corrigo ARGS`` with stderr on a pseudo-terminal; its exit status and stderr."""
    status, _, err = run_corrigo(args)
    return status, err


def test_add_in_a_terminal_indexes_every_document(tmp_path, embedder):
    from corrigo.search import open_index

    index = tmp_path / "ix"
    status, err = _run_with_stderr_on_a_pty(["index", "--index", str(index), "add", str(REFERENCE)])
    assert status == 0, err
    assert "Traceback" not in err and "error" not in err
    plain = strip_escapes(err)
    # The last state of the bar (5 documents, the total unknown while files are read), and the line
    # is ended once the add is done.
    assert re.search(r"indexing .*\b5 documents\b", plain) and plain.endswith("\r\n"), plain
    opened = open_index(index, create=False, embedder=embedder)
    assert opened.info().documents == len(list(REFERENCE.glob("*.txt"))) == 5
    opened.close()


def test_add_in_a_terminal_with_script(tmp_path):
    """The same through util-linux ``script``, which gives the whole command a terminal."""
    import shlex
    import shutil

    if shutil.which("script") is None:
        pytest.skip("`script` (util-linux) is not installed")
    index = tmp_path / "ix"
    command = shlex.join([sys.executable, "-m", "corrigo", "index", "--index", str(index), "add", str(REFERENCE)])
    done = subprocess.run(
        ["script", "-qec", command, "/dev/null"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "added 5, replaced 0, unchanged 0 documents" in done.stdout


@pytest.mark.parametrize(
    ("calls", "expected", "absent"),
    [
        ([(2, None), (5, None)], "5 documents", ["5/", "-:--", "0:00"]),  # no total: a count and a rate, no ETA
        ([(2, 5), (5, 5)], "5/5 documents", []),
    ],
)
def test_progress_bar_with_and_without_a_total(monkeypatch, calls, expected, absent):
    from corrigo import index_cli

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    report = index_cli._progress(argparse.Namespace(quiet=False))
    assert report.enabled
    for done, total in calls:
        report(done, total)
    report.close()
    report.close()  # closing twice ends the line once
    plain = strip_escapes(terminal.getvalue())
    last = plain.rstrip("\n").split("\r")[-1]
    assert last.startswith("indexing ") and expected in last and "/s" in last, plain
    assert not any(a in last for a in absent), last
    assert plain.endswith("\n") and plain.count("\n") == 1


def test_no_progress_bar_without_a_terminal_or_with_quiet(monkeypatch):
    from corrigo import index_cli

    for stream, quiet in ((io.StringIO(), False), (Terminal(), True)):
        monkeypatch.setattr(sys, "stderr", stream)
        report = index_cli._progress(argparse.Namespace(quiet=quiet))
        assert not report.enabled
        report(3, 5)
        report.close()
        assert stream.getvalue() == ""


def _wires(root: Path) -> tuple[Path, Path]:
    for year, story in (("2021", STORY_2021), ("2022", STORY_2022)):
        (root / f"wire{year}").mkdir()
        (root / f"wire{year}" / "001.txt").write_text(story, encoding="utf-8")
    return root / "wire2021", root / "wire2022"


def test_same_file_name_in_two_folders_added_separately_keeps_both(tmp_path, capsys, embedder):
    from corrigo.search import open_index

    wire2021, wire2022 = _wires(tmp_path)
    index = tmp_path / "ix"
    assert main(["index", "--index", str(index), "add", str(wire2021)]) == 0
    assert main(["index", "--index", str(index), "add", str(wire2022)]) == 0
    assert "added 1, replaced 0" in capsys.readouterr().out.splitlines()[-1]
    opened = open_index(index, create=False, embedder=embedder)
    assert opened.info().documents == 2
    hit = opened.search("Northgate Water treatment plant Leeds", k=1)[0]
    assert (hit.doc_id, hit.text) == ("wire2021/001.txt", STORY_2021)
    assert opened.search("Bradford budget libraries", k=1)[0].doc_id == "wire2022/001.txt"
    opened.close()


def test_same_file_name_twice_in_one_add_keeps_both(tmp_path, capsys, embedder):
    from corrigo.search import open_index

    wire2021, wire2022 = _wires(tmp_path)
    index = tmp_path / "ix"
    assert main(["index", "--index", str(index), "add", str(wire2021 / "001.txt"), str(wire2022 / "001.txt")]) == 0
    assert "added 2," in capsys.readouterr().out
    opened = open_index(index, create=False, embedder=embedder)
    assert opened.info().documents == 2
    opened.close()


def _namespace(index: Path, command: str, **fields: object) -> argparse.Namespace:
    return argparse.Namespace(command="index", index=str(index), index_command=command, **fields)


def test_add_prefix_option_names_the_ids(tmp_path, capsys, embedder):
    from corrigo.index_cli import run_index_command
    from corrigo.search import open_index

    wire2021, _ = _wires(tmp_path)
    index = tmp_path / "ix"
    assert run_index_command(_namespace(index, "add", paths=[str(wire2021)], prefix="reuters/2021")) == 0
    # Without the option (an older parser), the folder's name is the prefix.
    assert run_index_command(_namespace(index, "add", paths=[str(wire2021)])) == 0
    capsys.readouterr()
    opened = open_index(index, create=False, embedder=embedder)
    assert opened.missing(["reuters/2021/001.txt", "wire2021/001.txt"]) == []
    opened.close()


def test_remove_an_unknown_id_fails_and_names_it(tmp_path, capsys):
    wire2021, wire2022 = _wires(tmp_path)
    index = tmp_path / "ix"
    assert main(["index", "--index", str(index), "add", str(wire2021), str(wire2022)]) == 0
    capsys.readouterr()
    assert main(["index", "--index", str(index), "remove", "001.txt", "nope"]) == 2
    out, err = capsys.readouterr()
    assert "removed" not in out
    assert "not in the index" in err and "'001.txt'" in err and "'nope'" in err
    assert "corrigo index" in err and "search" in err  # how to see the ids
    assert "wire2021/001.txt" in err and "wire2022/001.txt" in err  # the ids the user probably meant
    assert main(["index", "--index", str(index), "info"]) == 0
    assert "documents: 2" in capsys.readouterr().out


def test_remove_known_and_unknown_ids_removes_the_known_and_fails(tmp_path, capsys):
    wire2021, wire2022 = _wires(tmp_path)
    index = tmp_path / "ix"
    assert main(["index", "--index", str(index), "add", str(wire2021), str(wire2022)]) == 0
    capsys.readouterr()
    assert main(["index", "--index", str(index), "remove", "wire2021/001.txt", "nope"]) == 2
    out, err = capsys.readouterr()
    assert out == "removed 1 document\n"
    assert "'nope'" in err and "wire2021" not in err
    assert main(["index", "--index", str(index), "remove", "wire2022/001.txt"]) == 0
    assert capsys.readouterr().out == "removed 1 document\n"
    assert main(["index", "--index", str(index), "info"]) == 0
    assert "documents: 0" in capsys.readouterr().out
