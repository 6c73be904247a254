"""The HTML report: structure, links, the CLI, and escaping of hostile article text."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corrigo.cli import main
from corrigo.model import (
    Article,
    Block,
    BlockKind,
    Evidence,
    Finding,
    FindingKind,
    Report,
    Span,
    Verdict,
)
from corrigo.report import FORMATS, render
from corrigo.report.html import render_html, render_html_pages

# Every element and attribute the template may write; anything else came from the input.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "section", "header", "footer", "nav", "h1", "h2",
    "h4", "dl", "dt", "dd", "div", "p", "ul", "ol", "li", "span", "a", "sup", "strong", "em", "q", "del", "ins",
    "blockquote", "time",
}  # fmt: skip
ALLOWED_ATTRS = {"lang", "charset", "name", "content", "http-equiv", "class", "id", "href", "title", "tabindex",
                 "aria-label", "aria-labelledby", "datetime"}  # fmt: skip
VOID = {"meta", "br", "hr", "img", "input", "link"}


class Page(HTMLParser):
    """Reads a report page: tags, ids, links, the article's visible text and its highlights."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.problems: list[str] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.article: list[str] = []
        self.highlights: list[tuple[str, str, str]] = []  # (id, href, text)
        self.markers: list[str] = []
        self._in_article = 0  # depth of the stack at the article element, 0 when outside
        self._hl: list[str] | None = None
        self._hl_attrs: dict[str, str | None] = {}

    def _inside(self, cls: str) -> bool:
        return any(cls in (a.get("class") or "").split() for _, a in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag in VOID:
            return
        self.stack.append((tag, a))
        if tag == "div" and "article" in (a.get("class") or "").split():
            self._in_article = len(self.stack)
        if tag == "a" and "hl" in (a.get("class") or "").split():
            self._hl, self._hl_attrs = [], a

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        if self._in_article == len(self.stack):
            self._in_article = 0
        if tag == "a" and self._hl is not None:
            self.highlights.append((self._hl_attrs["id"], self._hl_attrs["href"], "".join(self._hl)))
            self._hl = None
        self.stack.pop()

    def handle_data(self, data):
        if self._inside("ctl"):
            self.markers.append(data)
        if self._in_article and not self._inside("tag"):
            self.article.append(data)
            if self._hl is not None:
                self._hl.append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert not p.problems, p.problems
    assert not p.stack, f"unclosed: {[t for t, _ in p.stack]}"
    return p


def expected_visible(s: str) -> str:
    """What the page should show for ``s``: the test's own statement of the neutralising rule."""
    out = []
    for ch in s:
        cp = ord(ch)
        if 0xD800 <= cp <= 0xDFFF:
            out.append("\ufffd")
        elif (cp < 0x20 and ch not in "\n\t") or 0x7F <= cp <= 0x9F or cp in BIDI:
            out.append(f"⟨U+{cp:04X}⟩")
        else:
            out.append(ch)
    return "".join(out)


BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def assert_safe(page: str, p: Page) -> None:
    low = page.lower()
    assert "<script" not in low and "<img" not in low and "<iframe" not in low
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in page)
    assert "\x00" not in page and not any(ord(c) in BIDI for c in page)
    page.encode("utf-8")  # strict: would fail on any surrogate left
    for tag, attrs in p.tags:
        assert tag in ALLOWED_TAGS, tag
        assert set(attrs) <= ALLOWED_ATTRS, (tag, attrs)
        assert "src" not in attrs
    assert all(h and h.startswith("#") for h in p.hrefs), p.hrefs
    # Every in-page link leads to an element that exists; ids are unique.
    assert len(p.ids) == len(set(p.ids))
    assert {h[1:] for h in p.hrefs} <= set(p.ids)


# --- a small article of our own ----------------------------------------------------------------

TEXT = (
    "Harbour board backs ferry link to Kestrel Island\n\n"
    "The harbour board voted on Tuesday to back a ferry link to Osprey Island, by 9 votes to 2.\n\n"
    "Boats will sail twice a day from June. The board said the link to Kestrel Island costs £4m & more.\n"
)


def _span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span.of(text, start, start + len(words))


def _sentence(text: str, span: Span) -> Span:
    start = max(text.rfind("\n", 0, span.start), text.rfind(". ", 0, span.start) + 1) + 1
    end = text.find(".", span.end)
    return Span.of(text, start, end + 1 if end >= 0 else len(text))


def small_report() -> Report:
    head = _span(TEXT, "Harbour board backs ferry link to Kestrel Island")
    article = Article(
        text=TEXT,
        blocks=(Block(BlockKind.HEADLINE, head), Block(BlockKind.BODY, Span.of(TEXT, head.end + 2, len(TEXT)))),
        headline=head,
        id="harbour-story",
        published=dt.date(2024, 3, 5),
    )
    osprey = _span(TEXT, "Osprey")
    june = _span(TEXT, "June")
    findings = (
        Finding(
            span=osprey,
            sentence=_sentence(TEXT, osprey),
            verdict=Verdict.CONTRADICTED,
            kind=FindingKind.HEADLINE,
            confidence=0.82,
            explanation="The headline and a later sentence name Kestrel Island for this link.",
            evidence=(Evidence("self", _span(TEXT, "Kestrel", 0)), Evidence("self", _span(TEXT, "Kestrel", 1))),
            suggestion="Kestrel",
        ),
        Finding(
            span=june,
            sentence=_sentence(TEXT, june),
            verdict=Verdict.REFUTED,
            kind=FindingKind.REFERENCE,
            confidence=0.64,
            explanation="The timetable says sailings begin in <July>.",
            evidence=(Evidence("timetables/2024.txt", Span(10, 31, "First sailing: 1 July")),),
            suggestion="July",
        ),
    )
    return Report(article=article, findings=findings)


def test_html_is_a_format():
    assert "html" in FORMATS
    assert render(small_report(), "html") == render_html(small_report())


def test_page_structure_links_and_fix():
    report = small_report()
    page = render(report, "html", name="harbour.txt")
    p = parse(page)
    assert_safe(page, p)
    assert page.startswith("<!DOCTYPE html>")
    # The article is shown whole, and the highlights are exactly the findings' words, in order.
    assert "".join(p.article) == TEXT
    assert [(i, h, t) for i, h, t in p.highlights] == [
        ("f1", "#finding-1", "Osprey"),
        ("f2", "#finding-2", "June"),
    ]
    # Each entry links back to its highlight; distinct classes per verdict.
    assert 'id="finding-1"' in page and '<a href="#f1">' in page and '<a href="#f2">' in page
    assert 'class="hl v-contradicted"' in page and 'class="hl v-refuted"' in page
    # Fix, evidence with sources and offsets, and links to where self quotes begin.
    assert "<del>Osprey</del> → <ins>Kestrel</ins>" in page
    assert "<del>June</del> → <ins>July</ins>" in page
    k0, k1 = _span(TEXT, "Kestrel", 0), _span(TEXT, "Kestrel", 1)
    assert f"characters {k0.start}–{k0.end}" in page and f"characters {k1.start}–{k1.end}" in page
    assert 'href="#e1-1"' in page and 'id="e1-1"' in page and 'href="#e1-2"' in page
    assert "timetables/2024.txt" in page and "characters 10–31" in page and "First sailing: 1 July" in page
    assert "sailings begin in &lt;July&gt;." in page and "£4m &amp; more" in page
    # Summary: counts by verdict, id, name, headline, date; skip link and print styles.
    assert "2 findings" in page and "harbour-story" in page and "harbour.txt" in page
    assert "2024-03-05" in page and "Harbour board backs ferry link to Kestrel Island</dd>" in page
    assert re.search(r'v-contradicted">contradicted</span> 1<', page)
    assert re.search(r'v-refuted">refuted</span> 1<', page)
    assert re.search(r'v-unsupported">unsupported</span> 0<', page)
    assert 'class="skip" href="#findings"' in page and "@media print" in page and ":focus" in page
    assert "<script" not in page and "@import" not in page and "url(" not in page


def test_clean_report_and_several_sections():
    clean = Report(article=Article(text="Quiet day at the harbour.\n", blocks=()), findings=())
    page = render_html_pages([("a.txt", small_report()), ("b.txt", clean)])
    p = parse(page)
    assert_safe(page, p)
    assert page.count("<!DOCTYPE html>") == 1 and page.count('class="report"') == 2
    assert ("r1-f1", "#r1-finding-1", "Osprey") in p.highlights
    assert "No contradictions found" in page


def test_evidence_inside_a_highlight_links_to_the_highlight():
    text = "Alpha beta gamma delta.\n"
    f = Finding(
        span=Span.of(text, 6, 16),
        sentence=Span.of(text, 0, 23),
        verdict=Verdict.UNSUPPORTED,
        kind=FindingKind.REFERENCE,
        confidence=0.5,
        explanation="x",
        evidence=(Evidence("self", Span.of(text, 11, 16)), Evidence("self", Span.of(text, 17, 24))),
    )
    page = render_html(Report(article=Article(text=text, blocks=()), findings=(f,)))
    p = parse(page)
    assert_safe(page, p)
    assert "".join(p.article) == text
    assert p.highlights == [("f1", "#finding-1", "beta gamma")]
    assert '<a href="#f1">show in the article</a>' in page and 'href="#e1-2"' in page


# --- the command line --------------------------------------------------------------------------

CLI_TEXT = (
    "Riverside bakery to open second shop in Harlow\n\n"
    "The Riverside bakery will open its second shop in Stevenage next spring, hiring 14 staff.\n\n"
    "The owners said the Harlow shop would sell bread made at the original site. The bakery opened in 1998.\n"
)


def test_cli_writes_an_html_page(tmp_path, capsys):
    src = tmp_path / "bakery.txt"
    src.write_text(CLI_TEXT, encoding="utf-8")
    out = tmp_path / "report.html"
    code = main(["check", "--format", "html", str(src), "-o", str(out)])
    assert capsys.readouterr().out == ""
    page = out.read_text(encoding="utf-8")
    p = parse(page)
    assert_safe(page, p)
    assert "".join(p.article) == CLI_TEXT
    assert code == (1 if p.highlights else 0)
    assert [t for _, _, t in p.highlights] == ["Stevenage"]


def test_cli_several_inputs_make_one_page(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(CLI_TEXT, encoding="utf-8")
    b.write_text("Ferry timetable unchanged\n\nThe ferry keeps its summer timetable this year.\n", encoding="utf-8")
    main(["check", "--format", "html", str(a), str(b)])
    page = capsys.readouterr().out
    p = parse(page)
    assert_safe(page, p)
    assert page.count("<html") == 1 and page.count('class="report"') == 2


# --- hostile text --------------------------------------------------------------------------------

HOSTILE = [
    "<", ">", "&", '"', "'", "</script>", "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
    "<!--", "-->", "]]>", "&amp;", "&#x3C;", "\x00", "\x01", "\x1b", "\x7f", "\x85", "\r", "\n", "\t", "\ud800",
    "\udfff", "\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200f", "⟨", "é", "😀", " ", "word", "x",
]  # fmt: skip
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4)), max_size=30).map("".join)


@st.composite
def reports(draw):
    text = draw(hostile_text)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    pairs = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    findings = []
    for a, b in pairs:
        ev = []
        for _ in range(draw(st.integers(0, 2))):
            s = draw(st.integers(0, len(text)))
            e = draw(st.integers(s, len(text)))
            source = draw(st.one_of(st.just("self"), hostile_text))
            ev.append(Evidence(source, Span.of(text, s, e)))
        findings.append(
            Finding(
                span=Span.of(text, a, b),
                sentence=Span.of(text, a, b),
                verdict=draw(st.sampled_from(list(Verdict))),
                kind=draw(st.sampled_from(list(FindingKind))),
                confidence=draw(st.floats(0, 1)),
                explanation=draw(hostile_text),
                evidence=tuple(ev),
                suggestion=draw(st.one_of(st.none(), hostile_text)),
            )
        )
    head = draw(st.one_of(st.none(), st.just(Span.of(text, 0, min(len(text), 12)))))
    article = Article(text=text, blocks=(), headline=head, id=draw(st.one_of(st.none(), hostile_text)))
    unsupported = tuple(draw(st.lists(st.sampled_from(findings), max_size=2))) if findings else ()
    return Report(article=article, findings=tuple(findings), unsupported=unsupported), draw(hostile_text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_hostile_text_is_escaped_and_neutralised(case):
    report, name = case
    text = report.article.text
    page = render_html(report, name=name, show_unsupported=True)
    p = parse(page)
    assert_safe(page, p)
    # The article reads exactly as its input, with only the dangerous characters swapped for markers.
    assert "".join(p.article) == expected_visible(text)
    assert [t for _, _, t in p.highlights] == [expected_visible(f.span.text) for f in report.findings]
    assert [(i, h) for i, h, _ in p.highlights] == [
        (f"f{n}", f"#finding-{n}") for n in range(1, len(report.findings) + 1)
    ]
    assert all(re.fullmatch(r"⟨U\+[0-9A-F]{4}⟩|\ufffd", m) for m in p.markers)


@pytest.mark.parametrize("bad", ["\x00", "\ud800", "\u202e", "\u2067", "\x1b[31m"])
def test_each_dangerous_character_becomes_a_visible_marker(bad):
    text = f"a{bad}b <script>x</script>\n"
    f = Finding(Span.of(text, 0, 3), Span.of(text, 0, 3), Verdict.CONTRADICTED, FindingKind.SLOT, 0.9, bad, ())
    page = render_html(Report(article=Article(text=text, blocks=()), findings=(f,)))
    p = parse(page)
    assert_safe(page, p)
    assert "".join(p.article) == expected_visible(text)
    assert "&lt;script&gt;x&lt;/script&gt;" in page
