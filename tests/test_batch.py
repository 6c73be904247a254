"""Batch mode: one output line per input line, errors recorded in place, atomic output."""

from __future__ import annotations

import json

import pytest

from corrigo.cli import main
from test_cli import BAD, CLEAN


def test_batch_keeps_order_and_records_errors(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": CLEAN}),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "   "}),
        json.dumps({"id": "e", "text": BAD, "date": "2024-05-01", "title": "Plant closure"}),
        json.dumps(["a", "list"]),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(dst)]) == 2  # some lines failed
    out = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", "d", "e", None]
    assert out[0]["report"]["findings"] == []
    assert out[1]["error"]["code"] == "bad_json"
    assert out[2]["error"]["code"] == "no_text"
    assert out[3]["error"]["code"] == "empty"
    assert out[4]["report"]["findings"][0]["suggestion"] == "Leeds"
    f = out[4]["report"]["findings"][0]
    assert BAD[f["start"] : f["end"]] == f["text"]
    assert out[5]["error"]["code"] == "bad_record"
    assert "6 lines" in capsys.readouterr().err
    assert [o["line"] for o in out] == [1, 2, 3, 4, 5, 6]


def test_unreadable_input_exits_2_and_writes_nothing(tmp_path, capsys):
    dst = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "missing.jsonl"), "-o", str(dst)]) == 2
    assert not dst.exists()
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(json.dumps({"id": 1, "text": CLEAN}).encode() + b"\n\xff\xfe\n")
    assert main(["batch", str(bad), "-o", str(dst)]) == 2
    assert not dst.exists() and not list(tmp_path.glob(".out.jsonl.*"))
    assert "UTF-8" in capsys.readouterr().err


def _run(tmp_path, lines):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["batch", str(src), "-o", str(dst)])
    return code, [json.loads(line) for line in dst.read_text().splitlines()]


def test_exit_code_is_2_when_any_line_failed_even_all(tmp_path, capsys):
    assert _run(tmp_path, ["{broken", "[]"])[0] == 2
    assert _run(tmp_path, [json.dumps({"id": 1, "text": BAD}), "{broken"])[0] == 2
    assert _run(tmp_path, [json.dumps({"id": 1, "text": BAD})])[0] == 1
    assert _run(tmp_path, [json.dumps({"id": 1, "text": CLEAN})])[0] == 0
    assert "could not be checked" in capsys.readouterr().err


def test_error_records_carry_line_and_readable_id(tmp_path):
    _, out = _run(tmp_path, [json.dumps({"id": "ok", "text": CLEAN}), '{"id": "art-7", "text": "unterminated'])
    assert out[1]["line"] == 2 and out[1]["id"] == "art-7" and out[1]["error"]["code"] == "bad_json"
    _, out = _run(tmp_path, ['{"id": 42, "text": ]'])
    assert out[0]["id"] == 42


def test_blank_lines_are_recorded_not_dropped(tmp_path):
    code, out = _run(
        tmp_path, [json.dumps({"id": "a", "text": CLEAN}), "", "   ", json.dumps({"id": "b", "text": CLEAN})]
    )
    assert code == 2
    assert [o["line"] for o in out] == [1, 2, 3, 4]
    assert [o.get("error", {}).get("code") for o in out] == [None, "blank_line", "blank_line", None]


@pytest.mark.parametrize("date", ["yesterday", "2024-13-45", 20240501])
def test_invalid_date_is_an_error_naming_the_field(tmp_path, date):
    code, (rec,) = _run(tmp_path, [json.dumps({"id": "a", "text": CLEAN, "date": date})])
    assert code == 2 and rec["error"]["code"] == "bad_date" and '"date"' in rec["error"]["message"]
    assert rec["id"] == "a" and rec["line"] == 1


def test_batch_output_follows_the_umask(tmp_path):
    import os

    old = os.umask(0o022)
    try:
        _run(tmp_path, [json.dumps({"id": 1, "text": CLEAN})])
    finally:
        os.umask(old)
    assert (tmp_path / "out.jsonl").stat().st_mode & 0o777 == 0o644
