"""The labelled contradiction corpus: clean articles must pass, corrupted ones must be caught.

Articles live in ``tests/corpus/`` (format in ``tests/corpus/README.md``). For every article
the clean version must produce no finding at all, and the corrupted version must produce,
for each injected error, a finding that covers the wrong words, stays inside their sentence
and suggests exactly the right words, and no finding anywhere else.
"""

from __future__ import annotations

from collections import Counter

import pytest

import corrigo
from corpus_loader import KINDS, CorpusArticle, Label, load_corpus, sentence_bounds

ARTICLES = load_corpus()
MIN_ARTICLES = 20
MIN_PER_KIND = 4


def _describe(text: str, findings) -> str:
    lines = []
    for f in findings:
        kind = getattr(getattr(f, "kind", None), "value", "?")
        lines.append(f"  [{f.span.start}:{f.span.end}] {f.span.text!r} ({kind}) -> {f.suggestion!r}: {f.explanation}")
    return "\n".join(lines) or "  (none)"


def _expected_suggestion(text: str, finding, label: Label) -> str:
    return text[finding.span.start : label.start] + label.right + text[label.end : finding.span.end]


# --- the corpus itself (no model needed) ---------------------------------------------------


def test_loader_parses_every_file_with_exact_offsets():
    assert len(ARTICLES) >= MIN_ARTICLES
    names = [a.name for a in ARTICLES]
    assert len(set(names)) == len(names)
    for art in ARTICLES:
        assert 1 <= len(art.labels) <= 3, art.name
        assert "{{" not in art.clean and "}}" not in art.clean and "|" not in art.clean, art.name
        assert "{{" not in art.corrupted and "|" not in art.corrupted, art.name
        shift = 0
        previous_end = -1
        for label in art.labels:
            assert label.kind in KINDS, (art.name, label)
            assert art.corrupted[label.start : label.end] == label.wrong, (art.name, label)
            assert label.start >= previous_end, (art.name, "labels overlap or are out of order")
            previous_end = label.end
            # the same position in the clean text holds the right words
            clean_start = label.start + shift
            assert art.clean[clean_start : clean_start + len(label.right)] == label.right, (art.name, label)
            shift += len(label.right) - len(label.wrong)
        assert len(art.clean) == len(art.corrupted) + shift, art.name


def test_loader_covers_every_kind_enough():
    counts = Counter(label.kind for art in ARTICLES for label in art.labels)
    missing = {kind: counts.get(kind, 0) for kind in KINDS if counts.get(kind, 0) < MIN_PER_KIND}
    assert not missing, f"kinds with fewer than {MIN_PER_KIND} labels: {missing}"


def test_loader_articles_are_well_formed():
    for art in ARTICLES:
        words = len(art.clean.split())
        assert 150 <= words <= 350, (art.name, words)
        sentences = [sentence_bounds(art.corrupted, lab.start, lab.end) for lab in art.labels]
        assert len(set(sentences)) == len(sentences), (art.name, "two labels share a sentence")
        for (s, e), label in zip(sentences, art.labels, strict=True):
            assert s <= label.start and label.end <= e, (art.name, label)
            assert "\n" not in art.corrupted[s:e], (art.name, label)


def test_loader_round_trips_inline_markup(tmp_path):
    (tmp_path / "01-x.txt").write_text(
        "Héadline {{A|B|slot_conflict}}\n\nBody says B and {{one|two|negation}} things.\n", encoding="utf-8"
    )
    [art] = load_corpus(tmp_path)
    assert art.name == "01-x"
    assert art.clean == "Héadline B\n\nBody says B and two things.\n"
    assert art.corrupted == "Héadline A\n\nBody says B and one things.\n"
    assert [(lab.kind, lab.wrong, lab.right) for lab in art.labels] == [
        ("slot_conflict", "A", "B"),
        ("negation", "one", "two"),
    ]
    assert all(art.corrupted[lab.start : lab.end] == lab.wrong for lab in art.labels)


# --- the checks, run on the corpus ---------------------------------------------------------

_ids = [a.name for a in ARTICLES]


@pytest.mark.parametrize("art", ARTICLES, ids=_ids)
def test_clean_version_has_no_findings(art: CorpusArticle):
    report = corrigo.check(art.clean)
    assert report.findings == (), (
        f"{art.name}: the clean article contradicts nothing, but Corrigo reported:\n"
        + _describe(art.clean, report.findings)
    )


# Errors the checks do not catch yet, each with what it would take. The test fails when one of
# them starts being caught, so this list stays true: remove the entry then.
KNOWN_MISSES = {
    ("01-gdansk-crane-plant", "Szczecin"): "needs 'cranes built in X' linked to the plant closed in the headline",
    ("08-oaxaca-weaving-museum", "4,300"): "needs 'pieces' and 'textiles' known as the same collection",
    ("14-drakensberg-ultra", "2,100"): "needs 'the field' known as the runners who started",
    ("17-nordvik-holm-takeover", "Sandberg's"): "needs 'the purchase' linked to the headline's buyer",
    ("22-belem-mayoral-runoff", "Manaus"): "needs 'govern X' linked to 'mayor of Belém'",
    ("22-belem-mayoral-runoff", "Lúcia Farias"): "needs 'the defeated candidate' read against who won",
    ("19-halden-prize", "accepted"): "the parser misreads 'after 11 publishers accepted it has set off'",
}


@pytest.mark.parametrize("art", ARTICLES, ids=_ids)
def test_corrupted_version_flags_each_error(art: CorpusArticle):
    text = art.corrupted
    report = corrigo.check(text)
    findings = tuple(report.findings)
    problems = []

    for label in art.labels:
        sent_start, sent_end = sentence_bounds(text, label.start, label.end)
        covering = [f for f in findings if f.span.start <= label.start and label.end <= f.span.end]
        good = [
            f
            for f in covering
            if sent_start <= f.span.start
            and f.span.end <= sent_end
            and f.suggestion == _expected_suggestion(text, f, label)
        ]
        if good:
            if (art.name, label.wrong) in KNOWN_MISSES:
                problems.append(f"known miss {label.wrong!r} is now caught: remove it from KNOWN_MISSES")
            continue
        where = f"{label.kind} {label.wrong!r}->{label.right!r} at [{label.start}:{label.end}]"
        sentence = text[sent_start:sent_end]
        if (art.name, label.wrong) in KNOWN_MISSES:
            if covering:
                problems.append(f"known miss {where} is now flagged: remove it from KNOWN_MISSES")
            continue
        if not covering:
            problems.append(f"missed {where} in: {sentence!r}")
        else:
            for f in covering:
                problems.append(
                    f"{where}: finding [{f.span.start}:{f.span.end}] {f.span.text!r} suggests "
                    f"{f.suggestion!r}, expected {_expected_suggestion(text, f, label)!r} "
                    f"within the sentence [{sent_start}:{sent_end}] {sentence!r}"
                )

    for f in findings:
        if not any(f.span.start < lab.end and lab.start < f.span.end for lab in art.labels):
            problems.append(f"false flag [{f.span.start}:{f.span.end}] {f.span.text!r}: {f.explanation}")

    assert not problems, f"{art.name}:\n  " + "\n  ".join(problems) + "\nAll findings:\n" + _describe(text, findings)
