"""Sentence splitting and passage windows: exact offsets, no sentence lost."""

from __future__ import annotations

import pytest

from corrigo.search.passages import passage_spans, sentence_spans

TEXT = (
    "LEEDS (Reuters) - Northgate Water will close its plant in Leeds, Mr. J. Smith said on Jan. 3. "
    "The plant, opened in 1973, employs 120 people. “It is a sad day,” he said!\n\n"
    "Shares in Acme Inc. fell 4.2% to $1.50 at 5 p.m. on Friday. Analysts expect a loss?  "
    "Nobody knows.\nA hard-wrapped line continues here. Émile Zola wrote it. 2024 was a record year."
)


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def test_sentences_split_where_a_reader_would():
    assert sentences(TEXT) == [
        "LEEDS (Reuters) - Northgate Water will close its plant in Leeds, Mr. J. Smith said on Jan. 3.",
        "The plant, opened in 1973, employs 120 people.",
        "“It is a sad day,” he said!",
        "Shares in Acme Inc. fell 4.2% to $1.50 at 5 p.m. on Friday.",
        "Analysts expect a loss?",
        "Nobody knows.",
        "A hard-wrapped line continues here.",
        "Émile Zola wrote it.",
        "2024 was a record year.",
    ]


def test_blank_line_ends_a_sentence_without_punctuation():
    assert sentences("Plant to close\n\nThe plant will close.") == ["Plant to close", "The plant will close."]


@pytest.mark.parametrize("text", [TEXT, "", "   \n\n  ", "One.", "No punctuation at all", "a. b. c. d. e. f. g."])
def test_passage_offsets_are_exact_and_cover_every_sentence(text):
    spans = passage_spans(text)
    sents = sentence_spans(text)
    for p in spans:
        assert text[p.start : p.end] == text[p.start : p.end].strip()
        assert p.end > p.start
    for s in sents:
        assert any(p.start <= s.start and s.end <= p.end for p in spans)
    assert [p.start for p in spans] == sorted(p.start for p in spans)


def test_windows_of_three_overlapping_by_one():
    text = "S1 one. S2 two. S3 three. S4 four. S5 five. S6 six."
    got = [text[p.start : p.end] for p in passage_spans(text)]
    assert got == ["S1 one. S2 two. S3 three.", "S3 three. S4 four. S5 five.", "S5 five. S6 six."]


def test_long_sentences_make_shorter_windows():
    s1 = "First " + "word " * 60 + "ends."  # 311 characters
    s2 = "Second " + "word " * 60 + "ends."
    text = f"{s1} {s2} Short one."
    got = [text[p.start : p.end] for p in passage_spans(text, max_chars=600)]
    # s1 + s2 would pass 600 characters: s1 stands alone, then s2 with the short sentence.
    assert got == [s1, f"{s2} Short one."]
