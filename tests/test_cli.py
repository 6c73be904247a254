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


# --- rough edges a new user hit (issue 16) ---------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["chek", "x.txt"], "`corrigo --help`"),
        (["check", "x.txt", "--bogus"], "`corrigo check --help`"),
        (["index", "add"], "`corrigo index add --help`"),
    ],
)
def test_usage_error_names_the_real_command(argv, hint, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert hint in err and "corrigo corrigo" not in err


def test_common_options_before_or_after_the_subcommand(files, capsys):
    assert main(["--min-confidence", "0.99", "check", str(files / "bad.txt")]) == 0
    assert main(["check", str(files / "bad.txt"), "--min-confidence", "0.99"]) == 0
    assert main(["--no-index", "check", str(files / "bad.txt"), "--color", "never"]) == 1
    assert "[Derby]" in capsys.readouterr().out


def test_index_options_after_the_action(tmp_path, capsys):
    pytest.importorskip("tantivy")
    from conftest import REPO

    ref = REPO / "examples" / "reference"
    index = tmp_path / "ix"
    assert main(["index", "add", "--index", str(index), str(ref)]) == 0
    assert main(["index", "info", "--index", str(index)]) == 0
    assert f"index: {index}" in capsys.readouterr().out
    assert main(["index", "search", "who imposed the national security law", "--index", str(index), "-k", "1"]) == 0
    assert "1. " in capsys.readouterr().out
    # Before the action, as before.
    assert main(["index", "--index", str(index), "info"]) == 0


def test_no_index_with_index_is_a_usage_error(files, capsys):
    assert main(["check", str(files / "clean.txt"), "--no-index", "--index", str(files / "ix")]) == 2
    err = capsys.readouterr().err
    assert "--no-index" in err and "--index" in err


@pytest.mark.parametrize("command", ["check", "batch"])
@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_bad_output_path_exits_2_with_message(files, capsys, command, where):
    (files / "a-folder").mkdir()
    (files / "in.jsonl").write_text(json.dumps({"id": 1, "text": CLEAN}) + "\n", encoding="utf-8")
    out = files / "missing-folder" / "x.txt" if where == "missing-folder" else files / "a-folder"
    src = files / ("clean.txt" if command == "check" else "in.jsonl")
    assert main([command, str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("corrigo: error: output") and "Traceback" not in err
    assert ("does not exist" if where == "missing-folder" else "is a folder") in err


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_report_file_follows_the_umask(files, umask):
    import os

    old = os.umask(umask)
    try:
        out = files / "report.txt"
        main(["check", str(files / "clean.txt"), "-o", str(out)])
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_report_file_keeps_an_existing_files_mode(files):
    out = files / "report.txt"
    out.write_text("old")
    out.chmod(0o640)
    main(["check", str(files / "clean.txt"), "-o", str(out)])
    assert out.stat().st_mode & 0o777 == 0o640 and "no contradictions" in out.read_text()


def test_stdin_report_has_an_id(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(CLEAN.encode())))
    assert main(["check", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "-"


def test_stdin_on_a_terminal_prints_a_hint(monkeypatch, capsys):
    import io

    stdin = io.TextIOWrapper(io.BytesIO(CLEAN.encode()))
    monkeypatch.setattr(stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert "standard input" in err and "Ctrl-D" in err and "corrigo check FILE" in err


def test_show_unsupported_lists_claims_apart_from_findings():
    from dataclasses import replace

    from corrigo import check
    from corrigo.report.render import render_text

    report = check(BAD, use_index=False)
    (finding,) = report.findings
    with_claims = replace(report, unsupported=(replace(finding, confidence=0.3),) * 2)
    out = render_text(with_claims, show_unsupported=True)
    assert out.splitlines()[0] == "1 finding; 2 claims the references do not support"
    assert "Not supported by the references (2; not findings):" in out
    assert "\nu1. " in out and "\nu2. " in out and "\n2. " not in out


def test_ref_index_folder_is_ignored_by_git():
    from conftest import REPO

    assert "ref-index/" in (REPO / ".gitignore").read_text().splitlines()


def test_default_size_limit_is_what_checks_in_about_a_minute(files, capsys):
    from corrigo.config import Config
    from corrigo.ingest.decode import DEFAULT_MAX_BYTES

    assert Config().max_bytes == DEFAULT_MAX_BYTES == 1_000_000
    big = files / "big.txt"
    big.write_text("Big\n\n" + "The mayor opened the bridge on Monday. " * 27_000, encoding="utf-8")
    assert main(["check", str(big)]) == 2
    err = capsys.readouterr().err
    assert "1,000,000-byte limit" in err and "--max-bytes N" in err
