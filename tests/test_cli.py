"""The command line: exit codes, formats, and bad input that loses nothing."""

from __future__ import annotations

import json

import pytest

from corrigo.cli import main

CLEAN = "Mayor opens bridge\n\nThe mayor opened the new bridge on Monday.\n"
BAD = (
    "Northgate Water to close Leeds treatment plant\n\n"
    "Northgate Water will close its treatment plant in Derby by the end of next year, cutting 120 jobs.\n\n"
    "Workers at the Leeds plant were told on Friday. The Leeds plant opened in 1973.\n"
)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_clean_article_exits_0(files, capsys):
    assert main(["check", str(files / "clean.txt")]) == 0
    out = capsys.readouterr().out
    assert "no contradictions found" in out
    assert "Checked the article against itself only." in out


def test_findings_exit_1_with_quote_and_fix(files, capsys):
    assert main(["check", str(files / "bad.txt"), "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "[Derby]" in out and "Fix: Derby → Leeds" in out and "Northgate Water to close Leeds treatment plant" in out


def test_json_contract(files, capsys):
    assert main(["check", str(files / "bad.txt"), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1 and data["search"]["status"] in ("no_index", "not_installed")
    (f,) = data["findings"]
    assert BAD[f["start"] : f["end"]] == f["text"] == "Derby"
    assert f["verdict"] == "contradicted" and f["suggestion"] == "Leeds" and 0 <= f["confidence"] <= 1
    assert f["explanation"]
    assert all(e["source"] == "self" and BAD[e["start"] : e["end"]] == e["text"] for e in f["evidence"])


def test_markdown(files, capsys):
    main(["check", str(files / "bad.txt"), "--format", "markdown"])
    out = capsys.readouterr().out
    assert out.startswith("# Corrigo report") and "`Derby` → `Leeds`" in out


def test_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    assert main(["check", "-", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["text"] == "Derby"


def test_output_file_is_written_whole(files, capsys):
    out = files / "report.json"
    assert main(["check", str(files / "bad.txt"), "--format", "json", "-o", str(out)]) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text())["findings"][0]["suggestion"] == "Leeds"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "empty.txt").write_text("  \n") and d / "empty.txt", "empty"),
        (lambda d: (d / "bin.dat").write_bytes(b"\x00\x01\x02binary") and d / "bin.dat", "binary"),
        (lambda d: (d / "latin.txt").write_bytes(b"caf\xe9") and d / "latin.txt", "not valid UTF-8"),
    ],
)
def test_bad_input_exits_2_with_message_and_no_output(files, capsys, setup, message):
    bad = setup(files)
    out = files / "report.txt"
    assert main(["check", str(files / "clean.txt"), str(bad), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err and "corrigo: error:" in captured.err
    assert not out.exists()


def test_size_limit(files, capsys):
    assert main(["check", str(files / "bad.txt"), "--max-bytes", "10"]) == 2
    assert "--max-bytes" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check", "--format", "xml", "x"])
    assert info.value.code == 2
    assert main(["check", "x", "--checks", "nonsense"]) == 2
    assert "unknown check" in capsys.readouterr().err
