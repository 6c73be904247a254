"""Batch mode: one output line per input line, errors recorded in place, atomic output."""

from __future__ import annotations

import json

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
    assert main(["batch", str(src), "-o", str(dst)]) == 1
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


def test_unreadable_input_exits_2_and_writes_nothing(tmp_path, capsys):
    dst = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "missing.jsonl"), "-o", str(dst)]) == 2
    assert not dst.exists()
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(json.dumps({"id": 1, "text": CLEAN}).encode() + b"\n\xff\xfe\n")
    assert main(["batch", str(bad), "-o", str(dst)]) == 2
    assert not dst.exists() and not list(tmp_path.glob(".out.jsonl.*"))
    assert "UTF-8" in capsys.readouterr().err
