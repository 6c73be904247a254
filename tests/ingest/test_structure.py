from __future__ import annotations

import datetime as dt

from corrigo.ingest import parse_article
from corrigo.model import BlockKind


def kinds(article):
    return [(b.kind, b.span.text) for b in article.blocks]


def test_every_block_is_an_exact_span():
    text = (
        "Status: index loaded, 3 files.\n\nTown votes\nBy Ann Lee\n3 March 2020\n\n"
        "Body one.\n\nAdvertisement\n\nBody two.\n"
    )
    art = parse_article(text)
    for b in art.blocks:
        assert text[b.span.start : b.span.end] == b.span.text
    assert kinds(art) == [
        (BlockKind.STATUS, "Status: index loaded, 3 files."),
        (BlockKind.HEADLINE, "Town votes"),
        (BlockKind.BYLINE, "By Ann Lee"),
        (BlockKind.DATELINE, "3 March 2020"),
        (BlockKind.BODY, "Body one."),
        (BlockKind.BOILERPLATE, "Advertisement"),
        (BlockKind.BODY, "Body two."),
    ]
    assert art.dateline.date == dt.date(2020, 3, 3)


def test_tool_status_line_is_not_the_headline():
    art = parse_article("Search module is not installed.\n\nAmnesty to close office\n\n25.10.2021\n\nHONG KONG - Text.")
    assert art.headline.text == "Amnesty to close office"
    assert art.blocks[0].kind is BlockKind.STATUS
    assert art.dateline.place.text == "HONG KONG"
    assert art.date == dt.date(2021, 10, 25)


def test_a_prose_first_paragraph_is_not_a_headline():
    art = parse_article("The council approved the budget on Monday after a long debate.\n\nMore text.")
    assert art.headline is None
    assert [b.kind for b in art.blocks] == [BlockKind.BODY, BlockKind.BODY]


def test_dateline_with_agency_and_country():
    art = parse_article("Bank cuts rates\n\nNAIROBI, Kenya (Reuters) - The central bank cut rates.")
    assert art.dateline.place.text == "NAIROBI"
    assert art.dateline.date is None


def test_metadata_date_is_used_without_a_date_line():
    art = parse_article("Bank cuts rates\n\nThe bank cut rates.", published="2024-06-03")
    assert art.date == dt.date(2024, 6, 3)


def test_markdown_headings_keep_exact_offsets():
    text = "# Mayor opens bridge\n\n*March 3, 2020*\n\n## Background\n\nThe mayor opened the bridge."
    art = parse_article(text)
    assert art.headline.text == "Mayor opens bridge"
    assert text[art.headline.start : art.headline.end] == "Mayor opens bridge"
    assert [b.span.text for b in art.blocks if b.kind is BlockKind.BODY][-1] == "The mayor opened the bridge."
    assert art.date == dt.date(2020, 3, 3)
