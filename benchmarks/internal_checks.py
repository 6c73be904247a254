"""Benchmark: how well Corrigo finds errors injected into real BBC articles.

For N BBC articles (fixed seed) and each error kind, one corrupted copy is made
where the article allows it, by default with :class:`corrigo.synth.SlipMaker`:
slips built only from the article's own content (a mistyped figure or date, a
name or speaker swapped for another the article uses, "not" added or removed
after an auxiliary), sharing no word lists with the checks. ``--generator old``
uses the earlier :class:`corrigo.synth.Corruptor`, whose word lists overlap the
checks' own tables. Every clean article and every corrupted copy is run through
``corrigo.check``.

Per kind it reports:

* injected: corrupted copies made;
* recall: injected errors overlapped by some finding's span;
* pair recall: injected errors where some finding overlaps the error or one of
  its evidence spans (the contradiction was found, perhaps blamed on the other side);
* precision: findings on corrupted copies that overlap the injected error, over all
  findings on corrupted copies;
* precision (new): the same, not counting findings that also occur on the clean
  article (same kind, words and suggestion);
* correction: caught errors whose overlapping finding's suggestion, applied to the
  finding's span, restores the original words;
* right kind: caught errors where an overlapping finding has the injected kind (for
  the slip generator, a finding kind that fits the slip; see ``SLIP_FINDING_KINDS``);
* no evidence: injected errors without any revealing mention (for the slip
  generator: not ``detectable`` from the article alone);
* recall (detectable): recall over the errors that have evidence (JSON only).

It also reports the false-alarm side: mean findings per clean article and the
share of clean articles with any finding, and the speed of ``corrigo.check``
in articles per second. The results replace the ``internal_checks`` section of
BENCHMARKS.md.

Usage:
    python benchmarks/internal_checks.py [--n 300] [--seed 0] [--generator slips|old]
        [--checks slots,...,pairs] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from _common import BENCHMARKS_MD, REPO_ROOT, markdown_table, pct, ratio, sample_bbc, write_section

try:
    import corrigo
    from corrigo.synth import KINDS, SLIP_KINDS, Corruptor, SlipMaker
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(REPO_ROOT / "src"))
    import corrigo
    from corrigo.synth import KINDS, SLIP_KINDS, Corruptor, SlipMaker

GENERATORS: dict[str, tuple[str, ...]] = {"slips": SLIP_KINDS, "old": KINDS}

#: Finding kinds that count as the "right kind" for each slip kind.
SLIP_FINDING_KINDS: dict[str, frozenset[str]] = {
    "number": frozenset({"headline_vs_body", "slot_conflict", "restated_value", "number_arithmetic"}),
    "date": frozenset({"headline_vs_body", "slot_conflict", "restated_value", "date_arithmetic"}),
    "entity": frozenset({"headline_vs_body", "slot_conflict", "restated_value", "attribution"}),
    "speaker": frozenset({"attribution"}),
    "negation": frozenset({"negation"}),
}


def _right_kind(generator: str, kind: str, finding_kind: str) -> bool:
    if generator == "slips":
        return finding_kind in SLIP_FINDING_KINDS.get(kind, frozenset())
    return finding_kind == kind


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def corrects(text: str, finding: Any, start: int, end: int, right: str) -> bool:
    """Whether applying ``finding.suggestion`` to its span gives ``right`` inside ``[start, end)``.

    Compares the two repairs over the union of the finding's span and the error's
    span; when the finding's span contains the error this is exactly
    ``suggestion == text[f.start:start] + right + text[end:f.end]``.
    """
    sugg = finding.suggestion
    if sugg is None:
        return False
    fs, fe = finding.span.start, finding.span.end
    u0, u1 = min(fs, start), max(fe, end)
    fixed_by_finding = text[u0:fs] + sugg + text[fe:u1]
    fixed_by_truth = text[u0:start] + right + text[end:u1]
    return fixed_by_finding == fixed_by_truth


def _signature(f: Any) -> tuple[str, str, str | None]:
    return (f.kind.value, f.span.text, f.suggestion)


def run(
    n: int,
    seed: int,
    kinds: list[str],
    progress: bool = True,
    checks: tuple[str, ...] | None = None,
    generator: str = "slips",
) -> dict[str, Any]:
    """Corrupt, check and score; returns the raw numbers. ``checks``: None for the default set."""
    options = {} if checks is None else {"checks": checks}
    articles = sample_bbc(n, seed)
    corruptor: Any = SlipMaker(seed=seed) if generator == "slips" else Corruptor(seed=seed)
    if hasattr(corrigo, "warm_up"):
        corrigo.warm_up()
    t_start = time.perf_counter()
    clean_findings = 0
    clean_flagged = 0
    clean_by_kind: Counter[str] = Counter()
    crashes: list[dict[str, str]] = []
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    records: list[dict[str, Any]] = []
    check_seconds = 0.0
    clean_seconds = 0.0
    checked = 0

    def check(text: str, ident: str) -> Any:
        nonlocal check_seconds, checked
        checked += 1
        t0 = time.perf_counter()
        try:
            return corrigo.check(text, **options)
        except Exception as exc:  # a benchmark should report crashes, not stop at the first
            crashes.append({"id": ident, "error": f"{type(exc).__name__}: {exc}"})
            return None
        finally:
            check_seconds += time.perf_counter() - t0

    for i, art in enumerate(articles, 1):
        t_clean = time.perf_counter()
        clean = check(art.text, art.id)
        clean_seconds += time.perf_counter() - t_clean
        clean_sigs: Counter[tuple[str, str, str | None]] = Counter()
        if clean is not None:
            clean_findings += len(clean.findings)
            clean_flagged += bool(clean.findings)
            clean_by_kind.update(f.kind.value for f in clean.findings)
            clean_sigs.update(_signature(f) for f in clean.findings)
        for kind in kinds:
            corruption = corruptor.corrupt(art.text, kind=kind)
            if corruption is None:
                continue
            err = corruption.errors[0]
            stats = per_kind[kind]
            stats["injected"] += 1
            stats["no_evidence"] += not err.evidence
            stats["detectable"] += bool(err.evidence)
            report = check(corruption.text, f"{art.id}#{kind}")
            if report is None:
                stats["crashed"] += 1
                continue
            text = corruption.text
            findings = list(report.findings)
            hits = [f for f in findings if _overlaps(f.span.start, f.span.end, err.start, err.end)]
            pair = bool(hits) or any(
                _overlaps(f.span.start, f.span.end, s, e) for f in findings for s, e in err.evidence
            )
            fixed = any(corrects(text, f, err.start, err.end, err.right) for f in hits)
            remaining = clean_sigs.copy()
            new = []
            for f in findings:
                sig = _signature(f)
                if remaining[sig] > 0:
                    remaining[sig] -= 1
                else:
                    new.append(f)
            new_hits = [f for f in new if _overlaps(f.span.start, f.span.end, err.start, err.end)]
            stats["caught"] += bool(hits)
            stats["caught_detectable"] += bool(hits) and bool(err.evidence)
            stats["pair"] += pair
            stats["corrected"] += fixed
            stats["right_kind"] += any(_right_kind(generator, kind, f.kind.value) for f in hits)
            stats["findings"] += len(findings)
            stats["findings_on_error"] += len(hits)
            stats["new_findings"] += len(new)
            stats["new_findings_on_error"] += len(new_hits)
            records.append(
                {
                    "id": art.id,
                    "kind": kind,
                    "start": err.start,
                    "end": err.end,
                    "right": err.right,
                    "wrong": err.wrong,
                    "evidence": [text[s:e] for s, e in err.evidence],
                    "caught": bool(hits),
                    "pair": pair,
                    "corrected": fixed,
                    "findings": len(findings),
                    "finding_kinds": [f.kind.value for f in hits],
                    "suggestions": [f.suggestion for f in hits],
                }
            )
        if progress and (i % 25 == 0 or i == len(articles)):
            print(f"  {i}/{len(articles)} articles, {time.perf_counter() - t_start:.0f} s", file=sys.stderr)

    results: dict[str, Any] = {
        "n_articles": len(articles),
        "seed": seed,
        "generator": generator,
        "checks": None if checks is None else list(checks),
        "kinds": {},
        "clean": {
            "articles": len(articles),
            "findings": clean_findings,
            "mean_findings": ratio(clean_findings, len(articles)),
            "flagged_fraction": ratio(clean_flagged, len(articles)),
            "findings_by_kind": dict(clean_by_kind),
        },
        "crashes": crashes,
        "seconds_total": time.perf_counter() - t_start,
        "seconds_in_check": check_seconds,
        "seconds_in_clean_check": clean_seconds,
        "texts_checked": checked,
        "clean_articles_per_second": ratio(len(articles), clean_seconds),
        "texts_per_second": ratio(checked, check_seconds),
        "records": records,
    }
    total: Counter[str] = Counter()
    for kind in kinds:
        s = per_kind[kind]
        total.update(s)
        results["kinds"][kind] = _scores(s)
    results["all"] = _scores(total)
    return results


def _scores(s: Counter[str]) -> dict[str, Any]:
    return {
        "injected": s["injected"],
        "no_evidence": s["no_evidence"],
        "crashed": s["crashed"],
        "caught": s["caught"],
        "recall": ratio(s["caught"], s["injected"]),
        "recall_detectable": ratio(s["caught_detectable"], s["detectable"]),
        "pair_recall": ratio(s["pair"], s["injected"]),
        "precision": ratio(s["findings_on_error"], s["findings"]),
        "precision_new": ratio(s["new_findings_on_error"], s["new_findings"]),
        "correction_rate": ratio(s["corrected"], s["caught"]),
        "right_kind": ratio(s["right_kind"], s["caught"]),
        "findings": s["findings"],
        "findings_on_error": s["findings_on_error"],
    }


def render(results: dict[str, Any]) -> str:
    """The Markdown body of the section."""
    headers = [
        "Kind",
        "Injected",
        "No evidence",
        "Recall",
        "Pair recall",
        "Precision",
        "Precision (new)",
        "Correction",
        "Right kind",
    ]
    rows = []
    for kind, sc in [*results["kinds"].items(), ("**all**", results["all"])]:
        rows.append(
            [
                kind,
                sc["injected"],
                sc["no_evidence"],
                pct(sc["recall"]),
                pct(sc["pair_recall"]),
                pct(sc["precision"]),
                pct(sc["precision_new"]),
                pct(sc["correction_rate"]),
                pct(sc["right_kind"]),
            ]
        )
    clean = results["clean"]
    by_kind = ", ".join(f"{k} {v}" for k, v in sorted(clean["findings_by_kind"].items())) or "none"
    mean = clean["mean_findings"]
    slips = results.get("generator", "old") == "slips"
    if slips:
        source = (
            "`corrigo.synth.SlipMaker`, same seed: slips made only from the article's own figures, dates, "
            "names and quoted speakers, plus grammatical negation; no word lists shared with the checks"
        )
        kinds_note = (
            "Right kind: caught errors flagged by a finding kind that fits the slip (number: slot, restated, "
            "number arithmetic or headline; date: the same with date arithmetic; entity: slot, restated, "
            "headline or attribution; speaker: attribution; negation: negation). No evidence: slips the article "
            "gives no other statement of (not `detectable`); speaker and negation slips never have one."
        )
    else:
        source = "`corrigo.synth.Corruptor`, same seed; its word lists overlap the checks' own tables"
        kinds_note = (
            "Right kind: caught errors flagged by a finding of the injected kind. No evidence: injected errors "
            "that no other mention reveals (a lone factual verb flipped, when the article offers nothing better)."
        )
    det = ", ".join(
        f"{k} {pct(sc.get('recall_detectable'))}"
        for k, sc in [*results["kinds"].items(), ("all", results["all"])]
        if sc.get("recall_detectable") is not None
    )
    lines = [
        f"{results['n_articles']} BBC articles (seed {results['seed']}); one corrupted copy per article "
        f"and kind where the generator finds a candidate ({source}).",
        "",
        markdown_table(headers, rows),
        "",
        "Recall: the error's span overlaps a finding. Pair recall: a finding overlaps the error or one "
        "of the mentions that reveal it. Precision: findings on corrupted copies that overlap the error / "
        "all findings on corrupted copies; (new) leaves out findings also made on the clean article. "
        "Correction: caught errors whose finding's suggestion restores the original words. " + kinds_note,
        "",
        f"Recall on errors with evidence: {det or 'n/a'}.",
        "",
        markdown_table(
            ["Clean articles", "Findings per article", "Articles with any finding", "Findings by kind"],
            [
                [
                    clean["articles"],
                    "n/a" if mean is None else f"{mean:.2f}",
                    pct(clean["flagged_fraction"]),
                    by_kind,
                ]
            ],
            align="rrrl",
        ),
        "",
        f"{len(results['crashes'])} crashes in `corrigo.check`; "
        f"{results['seconds_in_check']:.0f} s in `corrigo.check`, {results['seconds_total']:.0f} s in all.",
        "",
        f"Speed of `corrigo.check`: {_rate(results.get('clean_articles_per_second'))} clean articles/s, "
        f"{_rate(results.get('texts_per_second'))} articles/s over all {results.get('texts_checked', 'n/a')} "
        "texts checked (clean and corrupted), one process.",
    ]
    if results["crashes"]:
        first = results["crashes"][0]
        lines.append(f"First crash: `{first['id']}`: {first['error'][:200]}")
    return "\n".join(lines) + "\n"


def _rate(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="number of BBC articles (default 300)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the sample and the corruptions (default 0)")
    parser.add_argument(
        "--generator",
        choices=sorted(GENERATORS),
        default="slips",
        help="slips (default): corrigo.synth.SlipMaker; old: corrigo.synth.Corruptor",
    )
    parser.add_argument(
        "--kinds",
        nargs="+",
        choices=sorted({k for ks in GENERATORS.values() for k in ks}),
        default=None,
        help="error kinds to inject (default: all of the generator's kinds)",
    )
    parser.add_argument(
        "--checks", default=None, help="comma-separated internal checks to run (default: Config's default set)"
    )
    parser.add_argument("--json", type=Path, help="also write the raw numbers (and every injection) here")
    parser.add_argument(
        "--markdown", type=Path, default=BENCHMARKS_MD, help="Markdown file to update (default BENCHMARKS.md)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    kinds = list(GENERATORS[args.generator]) if args.kinds is None else args.kinds
    unknown = [k for k in kinds if k not in GENERATORS[args.generator]]
    if unknown:
        parser.error(f"kinds {', '.join(unknown)} are not made by generator {args.generator!r}")
    checks = None if args.checks is None else tuple(c.strip() for c in args.checks.split(",") if c.strip())
    results = run(args.n, args.seed, kinds, progress=not args.quiet, checks=checks, generator=args.generator)
    body = render(results)
    print(body)
    path = write_section("internal_checks", "Internal checks on corrupted BBC articles", body, args.markdown)
    print(f"updated {path}", file=sys.stderr)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
