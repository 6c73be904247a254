"""Benchmark: Corrigo on our own labelled corpus (tests/corpus), by error kind.

Caught: a finding covers the injected words. Corrected: its suggestion restores the clean text.
Also the findings on the clean versions, which should be none. The results replace the
``corpus`` section of BENCHMARKS.md.

Usage:
    python benchmarks/corpus.py
"""

from __future__ import annotations

import sys
from collections import Counter

from _common import REPO_ROOT, markdown_table, pct, ratio, write_section

sys.path.insert(0, str(REPO_ROOT / "tests"))
import corrigo  # noqa: E402
from corpus_loader import load_corpus  # noqa: E402


def main() -> None:
    articles = load_corpus()
    injected, caught, corrected = Counter(), Counter(), Counter()
    clean_flags = false_flags = 0
    for art in articles:
        clean_flags += len(corrigo.check(art.clean).findings)
        findings = corrigo.check(art.corrupted).findings
        text = art.corrupted
        for lab in art.labels:
            injected[lab.kind] += 1
            cover = [f for f in findings if f.span.start <= lab.start and lab.end <= f.span.end]
            if cover:
                caught[lab.kind] += 1
                corrected[lab.kind] += any(
                    f.suggestion == text[f.span.start : lab.start] + lab.right + text[lab.end : f.span.end]
                    for f in cover
                )
        false_flags += sum(
            not any(f.span.start < lab.end and lab.start < f.span.end for lab in art.labels) for f in findings
        )
    rows = [
        [k, injected[k], pct(ratio(caught[k], injected[k])), pct(ratio(corrected[k], injected[k]))]
        for k in sorted(injected)
    ]
    total = sum(injected.values())
    rows.append(["**all**", total, pct(ratio(sum(caught.values()), total)), pct(ratio(sum(corrected.values()), total))])
    body = (
        f"{len(articles)} articles we wrote, each in a clean and a corrupted version (tests/corpus).\n\n"
        + markdown_table(["Kind", "Injected", "Caught", "Corrected"], rows, align="lrrr")
        + f"\n\nFindings on the {len(articles)} clean versions: {clean_flags}. "
        f"Findings on corrupted versions that cover no injected error: {false_flags}.\n"
    )
    write_section("corpus", "Our labelled corpus", body)
    print(body)


if __name__ == "__main__":
    main()
