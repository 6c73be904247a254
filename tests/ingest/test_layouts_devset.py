"""Acceptance: the layout reader finds the headline and the publication date of every clean
dev-set article, and reads each corrupted version the same way.

The dev set is read where it lies (``/work/shared/devset/cases.jsonl``, or ``$CORRIGO_DEVSET``);
nothing of it is copied here, and the test is skipped where it is absent. The expected values come
from the articles themselves by rules much simpler than the reader's: the headline is the first
line, and the date must be written in the layout block above the story (or in the dateline that
opens it), spelling out the day, the month and a year the header gives.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from corrigo.analysis.dates import MONTHS, WEEKDAYS
from corrigo.ingest import parse_article
from corrigo.model import BlockKind

DEVSET = Path(os.environ.get("CORRIGO_DEVSET", "/work/shared/devset/cases.jsonl"))


def _cases() -> list[dict]:
    if not DEVSET.is_file():
        return []
    return [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]


CASES = _cases()
CLEAN = [c for c in CASES if c["kind"] == "clean"]
needs_devset = pytest.mark.skipif(not CASES, reason=f"dev set not found at {DEVSET}")


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return re.sub(r"^#{1,6}\s+", "", line)


def _names_month(written: str, month: int) -> bool:
    words = {w.lower().rstrip(".") for w in re.findall(r"[A-Za-z]+\.?", written)}
    numbers = {int(n) for n in re.findall(r"\d+", written)}
    return any(MONTHS.get(w) == month for w in words) or month in numbers


@needs_devset
def test_there_are_36_clean_articles():
    assert len(CLEAN) == 36


@needs_devset
@pytest.mark.parametrize("case", CLEAN, ids=[c["id"] for c in CLEAN])
def test_clean_article_yields_headline_and_date(case):
    text = case["text"]
    art = parse_article(text)
    for b in art.blocks:
        assert text[b.span.start : b.span.end] == b.span.text
    assert art.headline is not None and art.headline.text == _first_line(text)
    assert art.date is not None, f"{case['id']}: no date"
    span = art.dateline.date_span
    assert span is not None and text[span.start : span.end] == span.text
    # Written in the layout block: after the headline and no further than the story's first line.
    first_body = next(b for b in art.blocks if b.kind is BlockKind.BODY)
    first_line_end = text.find("\n", first_body.span.start)
    assert art.headline.end <= span.start
    assert span.end <= (first_line_end if first_line_end != -1 else len(text))
    if span.start >= first_body.span.start:
        assert art.dateline.line is not None and art.dateline.line.contains(span)
    # What is written there is the date found: its day and month, and a year the header gives.
    date = art.date
    assert str(date.day) in {n.lstrip("0") for n in re.findall(r"\d+", span.text)}
    assert _names_month(span.text, date.month)
    header = text[art.headline.end : first_line_end]
    assert str(date.year) in header
    stated = [w for w in WEEKDAYS if re.search(rf"\b{w}\b", span.text, re.I)]
    assert stated in ([], [WEEKDAYS[date.weekday()]])


@needs_devset
def test_corrupted_versions_read_as_their_clean_version():
    clean = {c["article"]: parse_article(c["text"]) for c in CLEAN}
    checked = 0
    for case in CASES:
        if case["kind"] != "corrupted":
            continue
        art = parse_article(case["text"])
        ref = clean[case["article"]]
        assert (art.headline.start, art.headline.end, art.headline.text) == (
            ref.headline.start,
            ref.headline.end,
            ref.headline.text,
        ), case["id"]
        assert art.date == ref.date, case["id"]
        assert [b.kind for b in art.blocks] == [b.kind for b in ref.blocks], case["id"]
        checked += 1
    assert checked == 72
