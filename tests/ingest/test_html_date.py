from __future__ import annotations

import datetime as dt

import pytest

from corrigo.ingest import load
from corrigo.ingest.load import load_article

pytest.importorskip("trafilatura")

BODY = """<article><h1>Council approves new bridge</h1>
{inside}
<p>The city council approved a new bridge across the river on Monday, after a debate that lasted two years.</p>
<p>The bridge will cost about $40 million and is due to open in 2027, officials said at the meeting.</p></article>"""


def _page(head: str = "", inside: str = "", after: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Council approves new bridge</title>{head}</head><body>\n"
        f"<nav>Home | News | Sport</nav>\n{BODY.format(inside=inside)}\n{after}"
        "<footer>Copyright 2024 Example News</footer></body></html>"
    )


JSONLD_GRAPH = """<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Example News"},
  {"@type": "NewsArticle", "headline": "Council approves new bridge", "datePublished": "2015-01-15T23:30:00-05:00",
   "dateModified": "2015-02-01T10:00:00Z"}]}
</script>"""
JSONLD_LIST = """<script type="application/ld+json">
[{"@type": "BreadcrumbList", "itemListElement": []},
 {"@type": ["NewsArticle"], "datePublished": "2015-01-15"}]
</script>"""

PAGES = {
    "meta": _page(head='<meta property="article:published_time" content="2015-01-15T09:12:00Z">'),
    "meta-name-first": _page(head='<meta content="2015-01-15T09:12:00+01:00" name="article:published_time"/>'),
    "time": _page(inside='<p class="byline">By Jo Smith, <time datetime="2015-01-15T08:00:00Z">Thursday</time></p>'),
    "time-date-only": _page(inside='<time datetime="2015-01-15">15/1</time>'),
    "jsonld-graph": _page(head=JSONLD_GRAPH),
    "jsonld-list": _page(after=JSONLD_LIST),
}


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_the_date_the_page_states_reaches_the_article(tmp_path, kind):
    path = tmp_path / "page.html"
    path.write_text(PAGES[kind], encoding="utf-8")
    art = load_article(str(path))
    assert art.date == dt.date(2015, 1, 15)
    assert art.published == dt.date(2015, 1, 15)
    assert "approved a new bridge" in art.text


def test_no_stated_date_means_no_date(tmp_path):
    # trafilatura would guess one from the footer's "Copyright 2024"; a guess must not become the date
    path = tmp_path / "page.html"
    path.write_text(_page(), encoding="utf-8")
    art = load_article(str(path))
    assert art.date is None and art.published is None


def test_meta_wins_over_time_and_a_date_in_running_text_is_not_the_page_date():
    html = _page(
        head='<meta property="article:published_time" content="2015-01-15T09:12:00Z">',
        inside='<p>The vote is on <time datetime="2015-03-02">2 March</time>.</p>',
    )
    assert load.page_date(html) == dt.date(2015, 1, 15)
    assert load.page_date(_page(inside='<p>The vote is on <time datetime="2015-03-02">2 March</time>.</p>')) is None


def test_a_time_in_a_template_or_a_bad_value_is_ignored():
    assert load.page_date(_page(inside='<template><time datetime="2015-01-15">x</time></template>')) is None
    assert load.page_date(_page(head='<meta property="article:published_time" content="soon">')) is None
    assert load.page_date(_page(head='<meta property="article:published_time" content="2015-02-30">')) is None
    assert load.page_date(_page(head='<script type="application/ld+json">{not json</script>')) is None


def test_a_date_line_in_the_text_still_wins(tmp_path):
    html = _page(
        head='<meta property="article:published_time" content="2015-01-15T09:12:00Z">',
        inside="<p>16 January 2015</p>",
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    art = load_article(str(path))
    assert art.date == dt.date(2015, 1, 16)


TEMPLATE_PAGE = _page(
    head="<style>p::before { content: 'STYLELEAK sentence.' }</style>"
    "<script>document.write('SCRIPTLEAK: this sentence comes from a script.');</script>",
    inside=(
        '<template id="card"><p>TEMPLATELEAK: this sentence lives in a template and must never be read.</p>'
        "<template><p>NESTEDLEAK: and neither must this one, in a nested template.</p></template></template>"
        "<noscript><p>NOSCRIPTLEAK: please enable JavaScript to read the full story today.</p></noscript>"
    ),
)


def test_template_script_style_and_noscript_text_stays_out(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(TEMPLATE_PAGE, encoding="utf-8")
    art = load_article(str(path))
    assert "approved a new bridge" in art.text and "officials said" in art.text
    for leak in ("TEMPLATELEAK", "NESTEDLEAK", "SCRIPTLEAK", "STYLELEAK", "NOSCRIPTLEAK"):
        assert leak not in art.text


def test_the_page_date_feeds_the_date_check(tmp_path):
    import corrigo

    # 11 January 2015 was a Sunday; only the page's year (2015) tells the check which 11 January it is
    wrong = "approved a new bridge across the river on Monday, 11 January, after"
    html = _page(head='<meta property="article:published_time" content="2015-01-15T09:12:00Z">').replace(
        "approved a new bridge across the river on Monday, after", wrong
    )
    assert wrong in html
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    found = corrigo.check(load_article(str(path)), checks=("dates",)).findings
    assert any("Monday" in f.span.text for f in found), found
