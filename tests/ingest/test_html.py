from __future__ import annotations

import pytest

from corrigo.ingest.load import load_article

pytest.importorskip("trafilatura")

PAGE = """<!doctype html><html><head><title>Council approves new bridge</title></head><body>
<nav>Home | News | Sport</nav>
<article><h1>Council approves new bridge</h1>
<p>The city council approved a new bridge across the river on Monday, after a debate that lasted two years.</p>
<p>The bridge will cost about $40 million and is due to open in 2027, officials said at the meeting.</p></article>
<footer>Copyright 2024 Example News</footer></body></html>"""


def test_html_main_text_becomes_the_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    art = load_article(str(path))
    assert art.headline is not None and art.headline.text == "Council approves new bridge"
    assert "approved a new bridge" in art.text
    assert "Home | News" not in art.text and "Copyright" not in art.text
