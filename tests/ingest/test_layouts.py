"""The layouts real news copy uses: datelines with dates and agencies, date lines of every kind,
bylines, subheadlines, Markdown headings. Every article here is written for these tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from corrigo.ingest import parse_article
from corrigo.model import BlockKind


def exact(article):
    """Every span the layout names covers exactly its text."""
    spans = [b.span for b in article.blocks] + [article.headline, article.byline, article.subheadline]
    dl = article.dateline
    if dl is not None:
        spans += [dl.place, dl.date_span, dl.region, dl.agency, dl.line, dl.date_line]
    for s in spans:
        if s is not None:
            assert article.text[s.start : s.end] == s.text
    return article


def kinds(article):
    return [(b.kind, b.span.text) for b in article.blocks]


def text_of(span):
    return None if span is None else span.text


# --- datelines that carry the date -------------------------------------------------------------


@pytest.mark.parametrize("dash", ["—", "–", "-", "--"])
def test_city_and_date_in_the_dateline(dash):
    text = (
        "Ferry operator halts winter crossings\n"
        f"TRONDHEIM, 4 March 2021 {dash} The operator of the fjord ferries halted its winter timetable on "
        "Thursday after two engines failed in a week.\n"
        "Passengers were offered places on buses."
    )
    art = exact(parse_article(text))
    assert art.headline.text == "Ferry operator halts winter crossings"
    assert art.dateline.place.text == "TRONDHEIM"
    assert art.dateline.date == dt.date(2021, 3, 4)
    assert art.dateline.date_span.text == "4 March 2021"
    assert art.dateline.line.text == f"TRONDHEIM, 4 March 2021 {dash}"
    assert art.date == dt.date(2021, 3, 4)


@pytest.mark.parametrize(
    ("opening", "place", "region"),
    [
        ("ÅLESUND, Norway, 9 November 2018 —", "ÅLESUND", "Norway"),
        ("SÃO PAULO, Brazil, 9 November 2018 —", "SÃO PAULO", "Brazil"),
        ("ŁÓDŹ, Poland, 9 November 2018 –", "ŁÓDŹ", "Poland"),
        ("SAINT-ÉTIENNE, France, 9 Nov 2018 -", "SAINT-ÉTIENNE", "France"),
        ("PORT OF SPAIN, Trinidad and Tobago, 9 November 2018 —", "PORT OF SPAIN", "Trinidad and Tobago"),
    ],
)
def test_city_country_and_date_with_capitals_of_any_script(opening, place, region):
    text = f"Shipyard wins navy contract\n\n{opening} A shipyard won a contract for four patrol boats on Friday.\n"
    art = exact(parse_article(text))
    assert art.headline.text == "Shipyard wins navy contract"
    assert art.dateline.place.text == place
    assert art.dateline.region.text == region
    assert art.dateline.date == dt.date(2018, 11, 9)
    body = [b for b in art.blocks if b.kind is BlockKind.BODY]
    assert body[0].span.text.startswith(opening)


def test_dateline_with_month_day_takes_its_year_from_the_published_line():
    text = (
        "Glassworks to shut after 140 years\n"
        "Published: 12 October 2017\n"
        "DUNKIRK, Oct. 11 (AP) — The town's glassworks will close next spring, its owners said on Wednesday.\n"
    )
    art = exact(parse_article(text))
    assert art.headline.text == "Glassworks to shut after 140 years"
    assert art.dateline.place.text == "DUNKIRK"
    assert art.dateline.agency.text == "AP"
    # The dateline's day is the day the story speaks from; the date line only gives the year.
    assert art.date == dt.date(2017, 10, 11)
    assert art.dateline.date_span.text == "Oct. 11"
    assert art.dateline.date_line.text == "Published: 12 October 2017"


@pytest.mark.parametrize("month", ["Sept.", "Sept", "Sep.", "September"])
def test_abbreviated_month_in_a_wire_dateline(month):
    text = (
        "Levee breach floods farm towns\n"
        "Updated 6 September 2019\n"
        f"BATON ROUGE, La., {month} 6 (AP) — A levee gave way overnight, flooding three towns.\n"
    )
    art = exact(parse_article(text))
    assert art.dateline.place.text == "BATON ROUGE"
    assert art.dateline.region.text == "La."
    assert art.date == dt.date(2019, 9, 6)
    # The date line and the dateline agree: the full date line is the evidence.
    assert art.dateline.date_span.text == "Updated 6 September 2019"


def test_year_of_a_dateline_date_near_new_year():
    text = "Ice closes harbour\n\nUpdated 2 January 2020\n\nHALIFAX, Dec. 31 (CP) - Sea ice closed the harbour.\n"
    assert parse_article(text).date == dt.date(2019, 12, 31)


def test_dateline_with_full_date_before_the_agency():
    text = "Quake shakes capital\nMANAGUA, Nov 3, 2016 (AFP) - An earthquake shook the capital on Thursday.\n"
    art = exact(parse_article(text))
    assert art.dateline.place.text == "MANAGUA"
    assert art.dateline.agency.text == "AFP"
    assert art.date == dt.date(2016, 11, 3)
    assert art.dateline.date_span.text == "Nov 3, 2016"


def test_dateline_date_without_any_year_stays_undated():
    art = exact(parse_article("Quake shakes capital\n\nMANAGUA, Nov. 3 (AFP) - An earthquake shook the capital."))
    assert art.dateline.place.text == "MANAGUA"
    assert art.date is None
    dated = parse_article("Quake shakes capital\n\nMANAGUA, Nov. 3 (AFP) - The capital shook.", published="2016-11-04")
    assert dated.date == dt.date(2016, 11, 3)


def test_city_and_agency_under_a_separate_date_line():
    text = "Port strike ends\n\n14.06.2019\n\nROTTERDAM (ANP) - Dock workers returned to work on Friday.\n"
    art = exact(parse_article(text))
    assert art.dateline.place.text == "ROTTERDAM"
    assert art.dateline.agency.text == "ANP"
    assert art.dateline.date_span.text == "14.06.2019"
    assert art.date == dt.date(2019, 6, 14)


def test_agency_in_lower_case_and_a_state_abbreviation():
    art = exact(parse_article("Dam bursts\n2019-06-14\nMOAB, Utah (upi) - A dam burst on Friday."))
    assert art.dateline.agency.text == "upi"
    assert art.dateline.region.text == "Utah"


def test_a_place_in_title_case_needs_an_agency_or_a_date():
    art = exact(parse_article("Rates held\n\nFrankfurt (dpa) - The bank held rates."))
    assert art.dateline.place.text == "Frankfurt"
    art = parse_article("Rates held\n\nThe bank said - without a vote - that rates stay.")
    assert art.dateline is None
    art = parse_article("Rates held\n\nThe Bank (of England) - rates stay.")
    assert art.dateline is None


@pytest.mark.parametrize(
    "opening",
    ["BREAKING: The bank held rates.", "Tuesday, March 3 — the day rates held.", "UPDATE - Rates held."],
)
def test_kickers_and_dates_are_not_places(opening):
    art = parse_article(f"Rates held\n\n{opening}")
    assert art.dateline is None or art.dateline.place is None


def test_a_dateline_without_spaces_round_the_dash():
    art = exact(parse_article("Senate passes budget\n\nWASHINGTON—The Senate passed the budget on Friday."))
    assert art.dateline.place.text == "WASHINGTON"
    assert art.dateline.line.text == "WASHINGTON—"


# --- separate date lines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2018-05-07", dt.date(2018, 5, 7)),
        ("2018-05-07T09:30:00Z", dt.date(2018, 5, 7)),
        ("May 7, 2018", dt.date(2018, 5, 7)),
        ("Aug. 7, 2018", dt.date(2018, 8, 7)),
        ("Sept. 7, 2018", dt.date(2018, 9, 7)),
        ("7 May 2018", dt.date(2018, 5, 7)),
        ("07.05.2018", dt.date(2018, 5, 7)),
        ("07/05/2018", dt.date(2018, 5, 7)),
        ("05/27/2018", dt.date(2018, 5, 27)),
        ("Monday 7 May 2018 18.05 BST", dt.date(2018, 5, 7)),
        ("Monday, 7 May 2018, 18:05 CEST", dt.date(2018, 5, 7)),
        ("May 7, 2018 | 6:05 PM EDT", dt.date(2018, 5, 7)),
        ("May 7, 2018, 6:05 p.m. ET", dt.date(2018, 5, 7)),
        ("Published: 7 May 2018", dt.date(2018, 5, 7)),
        ("Published 7 May 2018, updated 9 May 2018", dt.date(2018, 5, 7)),
        ("Updated: 9 May 2018 | Published: 7 May 2018", dt.date(2018, 5, 7)),
        ("Updated 7 May 2018", dt.date(2018, 5, 7)),
        ("Last updated: 07/05/2018 10:12 GMT", dt.date(2018, 5, 7)),
        ("Last updated on May 7, 2018 at 6:05 pm", dt.date(2018, 5, 7)),
        ("Updated 6:05 PM EDT, Mon May 7, 2018", dt.date(2018, 5, 7)),
        ("First published on Mon 7 May 2018 18.05 BST", dt.date(2018, 5, 7)),
        ("*May 7, 2018*", dt.date(2018, 5, 7)),
        ("Posted: May 7, 2018 6:05 PM ET | Last Updated: May 8", dt.date(2018, 5, 7)),
        ("May 7, 2018 / 6:05 PM / Updated 3 years ago", dt.date(2018, 5, 7)),
        ("Published On 7 May 2018", dt.date(2018, 5, 7)),
    ],
)
def test_date_lines(line, date):
    text = f"Orchestra cancels tour\n{line}\nThe orchestra cancelled its spring tour on Monday.\n"
    art = exact(parse_article(text))
    assert art.headline.text == "Orchestra cancels tour"
    assert art.date == date
    date_blocks = [b.span.text for b in art.blocks if b.kind is BlockKind.DATELINE]
    assert date_blocks == [line]
    assert [b.span.text for b in art.blocks if b.kind is BlockKind.BODY] == [
        "The orchestra cancelled its spring tour on Monday."
    ]


def test_a_second_date_line_is_layout_too_and_the_first_wins():
    text = "Orchestra cancels tour\n\n7 May 2018\nUpdated: 9 May 2018\n\nThe orchestra cancelled its tour."
    art = exact(parse_article(text))
    assert [b.kind for b in art.blocks] == [BlockKind.HEADLINE, BlockKind.DATELINE, BlockKind.DATELINE, BlockKind.BODY]
    assert art.date == dt.date(2018, 5, 7)


# --- bylines ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "By Ines Carvalho",
        "By Ines Carvalho, Transport Correspondent",
        "By Ines Carvalho, transport correspondent",
        "By Ines Carvalho and Piet de Vries",
        "By Ines Carvalho in Lisbon",
        "By INES CARVALHO",
        "By J. R. Adeyemi Jr.",
    ],
)
def test_bylines(byline):
    text = f"Tram line opens\n{byline}\n12 June 2022\nThe new tram line opened on Sunday.\n"
    art = exact(parse_article(text))
    assert art.headline.text == "Tram line opens"
    assert art.byline.text == byline
    assert art.date == dt.date(2022, 6, 12)


@pytest.mark.parametrize(
    ("line", "name", "date_block"),
    [
        ("By Ines Carvalho | 12 June 2022 | 3 min read", "By Ines Carvalho", "12 June 2022 | 3 min read"),
        ("By Ines Carvalho, June 12, 2022", "By Ines Carvalho", "June 12, 2022"),
        ("By Ines Carvalho · Published 12 June 2022", "By Ines Carvalho", "Published 12 June 2022"),
        ("Ines Carvalho · 12 June 2022 · 3 min read", "Ines Carvalho", "12 June 2022 · 3 min read"),
    ],
)
def test_a_byline_and_date_on_one_line(line, name, date_block):
    text = f"Tram line opens\n\n{line}\n\nThe new tram line opened on Sunday.\n"
    art = exact(parse_article(text))
    assert kinds(art) == [
        (BlockKind.HEADLINE, "Tram line opens"),
        (BlockKind.BYLINE, name),
        (BlockKind.DATELINE, date_block),
        (BlockKind.BODY, "The new tram line opened on Sunday."),
    ]
    assert art.byline.text == name
    assert art.date == dt.date(2022, 6, 12)
    assert art.dateline.date_span.text in date_block


def test_a_bare_name_over_a_date_line_is_a_byline():
    text = "Tram line opens\nIines Okoro, City Reporter\nSun 12 Jun 2022 09.15 BST\nThe tram line opened on Sunday."
    art = exact(parse_article(text))
    assert art.byline.text == "Iines Okoro, City Reporter"
    assert art.subheadline is None
    assert art.date == dt.date(2022, 6, 12)


def test_a_desk_line_under_the_byline_belongs_to_it():
    text = "Tram line opens\n12 June 2022\nShare\nBy Ines Carvalho\nTransport reporter, City Desk\nThe line opened."
    art = exact(parse_article(text))
    assert kinds(art) == [
        (BlockKind.HEADLINE, "Tram line opens"),
        (BlockKind.DATELINE, "12 June 2022"),
        (BlockKind.BOILERPLATE, "Share"),
        (BlockKind.BYLINE, "By Ines Carvalho"),
        (BlockKind.BYLINE, "Transport reporter, City Desk"),
        (BlockKind.BODY, "The line opened."),
    ]
    assert art.byline.text == "By Ines Carvalho"


def test_a_title_case_headline_that_opens_with_by_is_still_the_headline():
    art = exact(parse_article("By Land and Sea, Migrants Head North\n\nMigrants crossed the border on Monday."))
    assert art.headline.text == "By Land and Sea, Migrants Head North"
    assert art.byline is None


@pytest.mark.parametrize(
    "line",
    [
        "By Monday the line was running again",
        "By March 2023, the trams carried 4,000 people a day.",
        "By contrast, the bus routes lost riders",
        "By Christmas, most shops will have closed",
    ],
)
def test_sentences_that_open_with_by_are_not_bylines(line):
    art = parse_article(f"Tram line opens\n\n12 June 2022\n\n{line}\n\nMore text.")
    assert art.byline is None


# --- subheadlines and Markdown ------------------------------------------------------------------


def test_standfirst_without_a_final_period():
    text = (
        "Tram line opens after six-year delay\n"
        "City says the route will carry 20,000 riders a day; critics say the fares are too high\n"
        "The new tram line opened on Sunday, six years late and 40% over budget.\n"
    )
    art = exact(parse_article(text))
    assert art.headline.text == "Tram line opens after six-year delay"
    assert art.subheadline.text.startswith("City says the route")
    assert [b.kind for b in art.blocks] == [BlockKind.HEADLINE, BlockKind.SUBHEADLINE, BlockKind.BODY]
    assert art.date is None


def test_standfirst_with_a_period_above_the_date_line():
    text = (
        "Tram line opens after six-year delay\n\n"
        "The city says the route will carry 20,000 riders a day. Critics say fares are too high.\n\n"
        "Sunday 12 June 2022\n\n"
        "The new tram line opened on Sunday."
    )
    art = exact(parse_article(text))
    assert art.subheadline.text.startswith("The city says the route")
    assert art.date == dt.date(2022, 6, 12)
    assert art.paragraphs[0].text == "The new tram line opened on Sunday."


def test_standfirst_above_a_dateline_paragraph():
    text = (
        "Tram line opens after six-year delay\n"
        "The route runs from the harbour to the university\n"
        "GRENOBLE, 12 June 2022 — The new tram line opened on Sunday.\n"
    )
    art = exact(parse_article(text))
    assert art.subheadline.text == "The route runs from the harbour to the university"
    assert art.dateline.place.text == "GRENOBLE"
    assert art.date == dt.date(2022, 6, 12)


def test_a_subheadline_only_comes_before_the_byline_and_date():
    text = "Tram line opens\nBy Ines Carvalho\n12 June 2022\nThe route runs to the university\nIt opened on Sunday."
    art = exact(parse_article(text))
    assert art.subheadline is None
    assert BlockKind.SUBHEADLINE not in [b.kind for b in art.blocks]


def test_a_hard_wrapped_first_paragraph_is_no_subheadline():
    text = "Tram line opens\n\nThe new tram line opened on Sunday, six years late\nand forty percent over budget.\n"
    art = exact(parse_article(text))
    assert art.subheadline is None
    assert art.paragraphs[0].text.startswith("The new tram line")


def test_a_story_paragraph_is_no_subheadline():
    art = exact(parse_article("Tram line opens\n\nThe tram line opened on Sunday.\n\nIt runs to the university."))
    assert art.subheadline is None


def test_markdown_headline_and_subheadline():
    text = (
        "# Tram line opens after six-year delay\n\n"
        "## The route runs from the harbour to the university\n\n"
        "**By Ines Carvalho**\n\n"
        "*12 June 2022*\n\n"
        "GRENOBLE (AFP) - The new tram line opened on Sunday.\n"
    )
    art = exact(parse_article(text))
    assert art.headline.text == "Tram line opens after six-year delay"
    assert art.subheadline.text == "The route runs from the harbour to the university"
    assert art.byline.text == "By Ines Carvalho"
    assert art.date == dt.date(2022, 6, 12)
    assert art.dateline.place.text == "GRENOBLE"


def test_subheadline_is_checked_like_the_headline():
    art = parse_article("Tram line opens\nThe route runs to the university\n\nThe line opened on Sunday.")
    assert [b.kind for b in art.checked_blocks] == [BlockKind.HEADLINE, BlockKind.SUBHEADLINE, BlockKind.BODY]
    assert art.paragraphs == (art.blocks[2].span,)


def test_analyser_reads_a_subheadline_as_part_of_the_headline():
    pytest.importorskip("spacy")
    from corrigo.analysis.analyse import Analyser

    text = "Tram line opens\nThe route runs to the university\nGRENOBLE (AFP) - The line opened on Sunday."
    analysis = Analyser().run(parse_article(text))
    flags = {s.span.text: s.headline for s in analysis.sentences}
    assert flags == {
        "Tram line opens": True,
        "The route runs to the university": True,
        "The line opened on Sunday.": False,
    }


# --- a date further down the layout -------------------------------------------------------------


def test_a_date_line_a_few_lines_down_is_found():
    text = (
        "Tram line opens\n\n"
        "The new tram line opened on Sunday, six years late.\n\n"
        "Riders queued from dawn for the first service.\n\n"
        "By Ines Carvalho | Published 13 June 2022\n\n"
        "The route runs from the harbour to the university."
    )
    art = exact(parse_article(text))
    assert art.date == dt.date(2022, 6, 13)
    assert art.byline.text == "By Ines Carvalho"
    assert [b.span.text for b in art.blocks if b.kind is BlockKind.DATELINE] == ["Published 13 June 2022"]
    assert art.paragraphs[0].text == "The new tram line opened on Sunday, six years late."
    assert art.paragraphs[-1].text == "The route runs from the harbour to the university."


def test_a_date_line_inside_a_run_of_lines_splits_it_exactly():
    text = "Tram line opens\nThe line opened on Sunday.\nIt runs to the port.\nPosted 13 June 2022\nFares are £2."
    art = exact(parse_article(text))
    assert art.date == dt.date(2022, 6, 13)
    # One paragraph per line (every line ends a sentence): each line is a paragraph of its own.
    assert [b.span.text for b in art.blocks if b.kind is BlockKind.BODY] == [
        "The line opened on Sunday.",
        "It runs to the port.",
        "Fares are £2.",
    ]


def test_one_paragraph_per_line_is_read_as_paragraphs_but_wrapped_text_is_not():
    per_line = "Tram line opens\n\nThe line opened on Sunday, six years late.\nRiders queued from dawn.\nFares are £2."
    art = exact(parse_article(per_line))
    assert [p.text for p in art.paragraphs] == [
        "The line opened on Sunday, six years late.",
        "Riders queued from dawn.",
        "Fares are £2.",
    ]
    wrapped = (
        "Tram line opens\n\nThe new tram line opened on Sunday, six years late, after a\n"
        "dispute over the route through the old town delayed work on the\n"
        "bridge. Riders queued from dawn for the first service."
    )
    art = exact(parse_article(wrapped))
    assert len(art.paragraphs) == 1


def test_dates_in_story_sentences_are_not_the_publication_date():
    text = (
        "Tram line opens\n\nThe new tram line opened on 12 June 2022, six years late.\n\nWork began on 3 March 2016.\n"
    )
    art = exact(parse_article(text))
    assert art.date is None


def test_a_date_line_far_down_the_story_is_not_the_publication_date():
    paras = "\n\n".join(f"Paragraph {i} of the story says something." for i in range(12))
    art = parse_article(f"Tram line opens\n\n{paras}\n\n12 June 2022\n")
    assert art.date is None


# --- the model stays as it was -------------------------------------------------------------------


def test_records_are_frozen_and_old_constructors_still_work():
    from corrigo.model import Dateline

    art = parse_article("Tram line opens\n\n12 June 2022\n\nGRENOBLE - It opened.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.dateline.date = None  # type: ignore[misc]
    old = Dateline(place=None, date_span=None, date=dt.date(2022, 6, 12))
    assert old.region is None and old.agency is None and old.line is None and old.date_line is None
