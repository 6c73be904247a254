"""The page at / in a real browser: Playwright driving the system's Chromium, headless.

Nothing is downloaded: the browser is Debian's ``chromium`` (``.ci/run`` installs it), or the one
``$CORRIGO_CHROMIUM`` names. The test skips, saying why, only where there is no such browser.
``CORRIGO_SCREENSHOT=docs/serve-screenshot.png`` also writes the README's screenshot.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import EXAMPLE

NORTHGATE = [("Bradford", "Leeds"), ("40", "50"), ("25", "38"), ("Sheffield", "Manchester")]


def _chromium() -> str:
    candidates = [os.environ.get("CORRIGO_CHROMIUM"), "/usr/bin/chromium"]
    candidates += [shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")]
    for path in candidates:
        if path and Path(path).is_file() and os.access(path, os.X_OK):
            return path
    pytest.skip("no Chromium to drive: install Debian's chromium (apt-get install chromium) or set CORRIGO_CHROMIUM")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    executable = _chromium()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(live_server.url + "/")
    yield page
    context.close()
    assert errors == [], errors  # no script error, no blocked resource, no failed request


def _in_view(frame, element_id: str) -> bool:
    return frame.evaluate(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= window.innerHeight; }""",
        element_id,
    )


def test_check_an_article_see_the_highlights_and_fixes_and_jump_to_each(page, tmp_path):
    page.fill("#text", EXAMPLE.read_text(encoding="utf-8"))
    page.click("#check")
    page.wait_for_selector("#findings li", timeout=30_000)

    assert page.inner_text("#summary") == "4 findings:"
    buttons = page.locator("#findings button")
    assert [buttons.nth(i).locator(".words").inner_text() for i in range(4)] == [w for w, _ in NORTHGATE]
    assert [buttons.nth(i).locator(".fix").inner_text() for i in range(4)] == [f" → {f}" for _, f in NORTHGATE]

    report = page.frame_locator("#report")
    marks = report.locator(".article a.hl")
    assert marks.count() == 4
    for i, (wrong, _) in enumerate(NORTHGATE):
        assert marks.nth(i).inner_text() == f"{wrong}[{i + 1} contradicted]"
    assert report.locator("p.fix ins").all_inner_texts() == [f for _, f in NORTHGATE]

    # A click on a finding scrolls the report to its highlight and focuses it.
    frame = page.frame(url="about:srcdoc")
    frame.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert not _in_view(frame, "f1")
    buttons.nth(0).click()
    assert _in_view(frame, "f1") and frame.evaluate("document.activeElement.id") == "f1"
    buttons.nth(3).click()
    assert _in_view(frame, "f4") and frame.evaluate("document.activeElement.id") == "f4"

    shot = tmp_path / "serve.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("CORRIGO_SCREENSHOT"):  # the README's picture: the article from its top, finding 2 picked
        page.evaluate("document.getElementById('text').scrollTop = 0; window.scrollTo(0, 0)")
        page.wait_for_timeout(1700)  # the earlier clicks' outlines fade
        buttons.nth(1).click()
        page.screenshot(path=os.environ["CORRIGO_SCREENSHOT"], full_page=True)


def test_markup_in_the_article_is_shown_not_run(page):
    article = (
        "Council <script>window.pwned = 1</script> votes\n\n"
        'The council voted on Monday. <img src=x onerror="window.pwned = 2"> It met in Leeds.\n'
    )
    page.fill("#text", article)
    page.click("#check")
    page.wait_for_selector("#summary:has-text('No contradictions found.')", timeout=30_000)
    frame = page.frame(url="about:srcdoc")
    shown = frame.locator(".article").inner_text()
    assert "<script>window.pwned = 1</script>" in shown and '<img src=x onerror="window.pwned = 2">' in shown
    assert frame.locator("script, img").count() == 0
    assert page.evaluate("window.pwned") is None and frame.evaluate("window.pwned") is None


def test_an_empty_article_gets_a_message_not_a_request(page):
    page.click("#check")
    assert "Paste an article" in page.inner_text("#status")
    assert page.locator("#results").is_hidden()
