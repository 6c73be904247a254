"""Benchmark: the independent dev set (../shared/devset) scored as the reviewers score it, and
findings on clean real news.

1. Runs ``../shared/devset/evaluate.py`` (internal errors, ``--no-index``; with ``--index`` also
   all errors against the dev set's reference notes) and reads its per-type table and summary.
2. Checks ``--clean`` BBC stories and as many Reuters-21578 stories (bodies of 400+ characters, in
   file order) with ``corrigo.check`` and counts findings per article: every finding on these is
   a false alarm as far as we know (target <= 0.05 per article).

Writes the ``devset`` section of BENCHMARKS.md. The dev set is read in place and never copied.

Usage:
    python benchmarks/devset.py [--index] [--clean 300]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import REPO_ROOT, markdown_table, sample_bbc, write_section

DEVSET = (REPO_ROOT / ".." / "shared" / "devset").resolve()
REUTERS = (REPO_ROOT / ".." / "shared" / "data" / "reuters21578" / "reut2-000.jsonl").resolve()
CLEAN_SEED = 11
_ROW = re.compile(r"^(\w+)\s+(\d+)\s+(\d+)\s+(\d+)$")


def run_evaluate(index: bool) -> tuple[dict, list[tuple[str, int, int, int]], str]:
    """evaluate.py's summary (its --json), its per-type rows, and a summary line in its words.

    evaluate.py writes its JSON before its last line; that line fails when no flag is false (its
    counter has no "false_flags" key then), so the line is rebuilt here from the JSON.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "metrics.json"
        cmd = [sys.executable, str(DEVSET / "evaluate.py"), "--json", str(out)] + (["--index"] if index else [])
        done = subprocess.run(cmd, capture_output=True, text=True)
        if not out.is_file():
            raise RuntimeError(f"evaluate.py failed ({done.returncode}): {done.stderr[-1500:]}")
        s = json.loads(out.read_text())
    rows = []
    for line in done.stdout.splitlines():
        m = _ROW.match(line.strip())
        if m:
            rows.append((m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))))
    false = s.get("false_flags", 0)
    line = (
        f"recall {s['recall']} ({s['hit']}/{s['labelled']}), precision {s['precision']} ({false} false of "
        f"{s.get('flags', 0)}), corrected {s['correction_rate']}, clean flags/article {s['clean_flags_per_article']}, "
        f"{s['seconds']} s"
    )
    return s, rows, line


def clean_news(n: int) -> list[tuple[str, int, int, list[str]]]:
    """(corpus, articles, findings, examples) for n BBC and n Reuters stories."""
    import corrigo

    bbc = [a.text for a in sample_bbc(n, CLEAN_SEED)]
    reuters = []
    for line in REUTERS.open(encoding="utf-8"):
        r = json.loads(line)
        body = r.get("body") or ""
        if len(body) >= 400:
            head = (r.get("title") or "").strip()
            reuters.append(f"{head}\n\n{(r.get('dateline') or '').strip()} {body}")
        if len(reuters) == n:
            break
    out = []
    for name, texts in (("BBC News", bbc), ("Reuters-21578", reuters)):
        count, examples = 0, []
        for text in texts:
            report = corrigo.check(text, use_index=False)
            count += len(report.findings)
            examples += [f"{f.kind.value}: {f.span.text!r} → {f.suggestion!r}" for f in report.findings]
        out.append((name, len(texts), count, examples))
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--index", action="store_true", help="also score all errors with the reference notes indexed")
    p.add_argument("--clean", type=int, default=300, help="clean stories per corpus (default 300)")
    args = p.parse_args()
    if not (DEVSET / "evaluate.py").is_file():
        sys.exit(f"no dev set at {DEVSET}")
    body = []
    runs = [False, True] if args.index else [False]
    for index in runs:
        summary, rows, last = run_evaluate(index)
        title = "all errors, reference notes indexed" if index else "internal errors, no index"
        table = [(t, n, c, f"{c / n:.2f}" if n else "n/a", k) for t, n, c, k in rows]
        body.append(f"### Dev set: {title}\n")
        body.append(markdown_table(["type", "errors", "caught", "recall", "corrected"], table))
        body.append(f"\n`{last}`\n")
        body.append(
            f"Recall {summary['recall']} (target >= 0.6), precision {summary['precision']} (>= 0.85), "
            f"corrected {summary['correction_rate']} of caught (>= 0.8), "
            f"{summary['clean_flags_per_article']} flags per clean article (<= 0.1).\n"
        )
    if args.clean:
        rows = clean_news(args.clean)
        body.append("### Clean real news (every finding is a false alarm)\n")
        body.append(
            markdown_table(
                ["corpus", "articles", "findings", "per article"],
                [(name, n, k, f"{k / n:.3f}") for name, n, k, _ in rows],
            )
        )
        examples = [e for *_, ex in rows for e in ex][:12]
        if examples:
            body.append("\nWhat they were: " + "; ".join(examples) + ".\n")
    write_section("devset", "Independent dev set and clean news", "\n".join(body))
    print("\n".join(body))


if __name__ == "__main__":
    main()
