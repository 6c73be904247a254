"""Retrieval benchmark: accuracy on claim/evidence sets, and index speed at scale.

(a) Accuracy. Every evidence sentence of a data set becomes one document of a fresh index;
    each claim is a query; a claim is found when one of its gold evidence documents is among
    the top 5 (recall@5); MRR@10 averages 1/rank of the first gold document. Hybrid search is
    reported beside BM25 alone and dense alone.
    - FEVER-Symmetric (../shared/data/fever_symmetric): all four files, unique (claim, evidence)
      pairs; gold = the evidence sentences paired with the claim.
    - CLIMATE-FEVER (../shared/data/climate_fever): every evidence sentence is indexed; gold =
      the claim's evidences labelled SUPPORTS or REFUTES (claims with none are left out).
(b) Scale. News passages (BBC, Reuters-21578, Lee's ABC news) repeated under new ids up to
    N passages: build rate (passages/s, everything included: splitting, embedding, SQLite,
    tantivy, vectors), query latency of ``Index.search(k=10)`` for news sentences, peak RSS and
    disk size. Each scale runs in its own process (clean peak RSS) with one BLAS thread.

    python benchmarks/retrieval.py                       # (a) and 100k
    python benchmarks/retrieval.py --scales 100000 1000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO_ROOT, markdown_table, write_section  # noqa: E402

DATA = (REPO_ROOT / ".." / "shared" / "data").resolve()
FEVER_FILES = [
    "fever_symmetric/symmetric_v0.1/fever_symmetric_full.jsonl",
    "fever_symmetric/symmetric_v0.1/fever_symmetric_generated.jsonl",
    "fever_symmetric/symmetric_v0.2/fever_symmetric_dev.jsonl",
    "fever_symmetric/symmetric_v0.2/fever_symmetric_test.jsonl",
]
CLIMATE_FILE = "climate_fever/climate-fever.jsonl"


# ---- (a) accuracy ------------------------------------------------------------------------


def fever_set() -> tuple[list[str], dict[str, set[int]]] | None:
    pairs: set[tuple[str, str]] = set()
    for name in FEVER_FILES:
        path = DATA / name
        if not path.is_file():
            return None
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            pairs.add((row["claim"], row.get("evidence_sentence") or row["evidence"]))
    corpus = sorted({e for _, e in pairs})
    index_of = {e: i for i, e in enumerate(corpus)}
    gold: dict[str, set[int]] = {}
    for claim, evidence in pairs:
        gold.setdefault(claim, set()).add(index_of[evidence])
    return corpus, gold


def climate_set() -> tuple[list[str], dict[str, set[int]]] | None:
    path = DATA / CLIMATE_FILE
    if not path.is_file():
        return None
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    corpus = sorted({e["evidence"] for r in rows for e in r["evidences"]})
    index_of = {e: i for i, e in enumerate(corpus)}
    gold: dict[str, set[int]] = {}
    for r in rows:
        found = {index_of[e["evidence"]] for e in r["evidences"] if e["evidence_label"] in ("SUPPORTS", "REFUTES")}
        if found:
            gold.setdefault(r["claim"], set()).update(found)
    return corpus, gold


def _doc_ranking(doc_ids: list[str]) -> list[int]:
    """Document numbers in order of first appearance (several passages may share a document)."""
    seen: list[int] = []
    for d in doc_ids:
        i = int(d.split("-")[1])
        if i not in seen:
            seen.append(i)
    return seen


def evaluate(name: str, corpus: list[str], gold: dict[str, set[int]]) -> dict[str, object]:
    from corrigo.evidence import Document
    from corrigo.search import open_index

    with tempfile.TemporaryDirectory() as tmp:
        index = open_index(Path(tmp) / "ix")
        t0 = time.perf_counter()
        index.add([Document(f"ev-{i:05d}", text) for i, text in enumerate(corpus)])
        build = time.perf_counter() - t0
        claims = sorted(gold)
        results: dict[str, dict[str, float]] = {}
        for mode in ("hybrid", "rrf", "bm25", "dense"):
            hits5 = 0
            rr = 0.0
            for claim in claims:
                if mode in ("hybrid", "rrf"):
                    fusion = "score" if mode == "hybrid" else "rrf"
                    ids = [p.doc_id for p in index.search(claim, k=10, fusion=fusion)]
                else:
                    pairs = index.bm25(claim, 30) if mode == "bm25" else index.dense(claim, 30)
                    rows = index.passages(pid for pid, _ in pairs)
                    ids = [rows[pid].doc_id for pid, _ in pairs if pid in rows]
                ranking = _doc_ranking(ids)[:10]
                if gold[claim] & set(ranking[:5]):
                    hits5 += 1
                rr += next((1.0 / r for r, d in enumerate(ranking, start=1) if d in gold[claim]), 0.0)
            results[mode] = {"recall@5": hits5 / len(claims), "mrr@10": rr / len(claims)}
        passages = index.info().passages
        index.close()
    return {
        "name": name,
        "documents": len(corpus),
        "passages": passages,
        "claims": len(claims),
        "build_s": build,
        "results": results,
    }


# ---- (b) scale -----------------------------------------------------------------------------


def news_documents() -> list[tuple[str, str, str | None, dt.date | None]]:
    """(id, text, title, date) of every news article in ../shared/data, in a fixed order."""
    out: list[tuple[str, str, str | None, dt.date | None]] = []
    bbc = DATA / "bbc_news" / "bbc_news_summary.jsonl"
    if bbc.is_file():
        for line in bbc.open(encoding="utf-8"):
            r = json.loads(line)
            if r.get("title") and r.get("article"):
                out.append((f"bbc/{r['id']}", f"{r['title']}\n\n{r['article']}", r["title"], None))
    reuters = DATA / "reuters21578" / "reut2-000.jsonl"
    if reuters.is_file():
        for line in reuters.open(encoding="utf-8"):
            r = json.loads(line)
            if r.get("body"):
                try:
                    date = dt.datetime.strptime(r["date"].split()[0], "%d-%b-%Y").date()
                except (KeyError, ValueError):
                    date = None
                out.append((f"reuters/{r['newid']}", r["body"], r.get("title"), date))
    for name in ("lee_background.cor", "lee.cor"):
        path = DATA / "lee_abc_news" / name
        if path.is_file():
            for i, line in enumerate(path.open(encoding="utf-8", errors="replace")):
                if line.strip():
                    out.append((f"lee/{name}/{i}", line.strip(), None, None))
    return out


def scale_run(target: int, n_queries: int, seed: int) -> dict[str, object]:
    """Build an index of ``target`` passages and time it; runs in a child process."""
    import numpy as np

    from corrigo.evidence import Document
    from corrigo.search import open_index
    from corrigo.search.index import PASSAGE_SETTINGS
    from corrigo.search.passages import passage_spans, sentence_spans
    from corrigo.search.vectors import search_vectors

    base = news_documents()
    counts = [len(passage_spans(text, **PASSAGE_SETTINGS)) for _, text, _, _ in base]
    per_copy = sum(counts)

    def documents():
        made = 0
        copy = 0
        while True:
            for (doc_id, text, title, date), c in zip(base, counts, strict=True):
                if made >= target:
                    return
                yield Document(f"{doc_id}#{copy}", text, title, date)
                made += c
            copy += 1

    rng = random.Random(seed)
    queries = []
    for _, text, _, _ in rng.sample(base, n_queries):
        sents = [text[s.start : s.end] for s in sentence_spans(text) if 40 <= s.end - s.start <= 300]
        queries.append(rng.choice(sents) if sents else text[:200])

    with tempfile.TemporaryDirectory(dir=os.environ.get("CORRIGO_BENCH_TMP")) as tmp:
        path = Path(tmp) / "ix"
        index = open_index(path)
        t0 = time.perf_counter()
        result = index.add(documents())
        build_s = time.perf_counter() - t0
        index.close()
        rss_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        t0 = time.perf_counter()
        index = open_index(path)
        index.search("warm up", k=10)
        open_s = time.perf_counter() - t0
        for q in queries[:5]:
            index.search(q, k=10)
        total, lex, dense = [], [], []
        for q in queries:
            t = time.perf_counter()
            index.search(q, k=10)
            total.append(time.perf_counter() - t)
            t = time.perf_counter()
            index.bm25(q, 50)
            lex.append(time.perf_counter() - t)
            t = time.perf_counter()
            index.dense(q, 50)
            dense.append(time.perf_counter() - t)
        # How much of the exact dense top 50 the coarse-then-exact scan finds (1.0 below
        # EXACT_ROWS). Tie-aware: the repeated corpus holds many identical vectors, and any copy
        # scoring at least the exact 50th cosine counts.
        overlap = []
        for q in queries[:50]:
            v = index.embedder.encode([q])[0]
            _, scores = search_vectors(index._matrix, index._head, v, 50)
            _, exact = search_vectors(index._matrix, None, v, 50)
            if len(exact):
                overlap.append(float(np.sum(scores >= exact[-1] - 1e-6)) / len(exact))
        info = index.info()
        index.close()
    ms = lambda xs, p: float(np.percentile(np.array(xs) * 1000, p))  # noqa: E731
    return {
        "target": target,
        "passages": info.passages,
        "documents": info.documents,
        "copies": info.passages / per_copy,
        "build_s": build_s,
        "rate": result.passages / build_s,
        "open_s": open_s,
        "p50": ms(total, 50),
        "p95": ms(total, 95),
        "bm25_p50": ms(lex, 50),
        "dense_p50": ms(dense, 50),
        "dense_overlap": float(np.mean(overlap)),
        "disk_mb": info.disk_bytes / 1e6,
        "rss_build_mb": rss_build,
        "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "queries": len(queries),
    }


def run_scale_in_child(target: int, n_queries: int, seed: int) -> dict[str, object]:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out = subprocess.run(
        [sys.executable, __file__, "--_child", str(target), "--queries", str(n_queries), "--seed", str(seed)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---- report --------------------------------------------------------------------------------


def report(accuracy: list[dict], scales: list[dict]) -> str:
    parts = []
    if accuracy:
        rows = []
        for a in accuracy:
            r = a["results"]
            rows.append(
                [
                    a["name"],
                    a["documents"],
                    a["claims"],
                    f"{r['hybrid']['recall@5']:.3f}",
                    f"{r['hybrid']['mrr@10']:.3f}",
                    f"{r['rrf']['recall@5']:.3f} / {r['rrf']['mrr@10']:.3f}",
                    f"{r['bm25']['recall@5']:.3f} / {r['bm25']['mrr@10']:.3f}",
                    f"{r['dense']['recall@5']:.3f} / {r['dense']['mrr@10']:.3f}",
                ]
            )
        parts.append(
            "### Accuracy: claim → evidence sentence\n\n"
            "Every evidence sentence is a document; each claim is a query (no entities passed). A claim counts "
            "as found when a gold evidence sentence is in the top 5. *Hybrid* is the default score fusion "
            "(normalised BM25 + 0.3 × normalised cosine); *RRF* is reciprocal rank fusion of the same two lists, "
            'kept as `fusion="rrf"`: the static embeddings are much weaker than BM25, and an equal vote for '
            "their ranking costs recall.\n\n"
            + markdown_table(
                [
                    "data set",
                    "evidence docs",
                    "claims",
                    "hybrid recall@5",
                    "hybrid MRR@10",
                    "RRF recall@5 / MRR@10",
                    "BM25 only",
                    "dense only",
                ],
                rows,
            )
        )
    if scales:
        rows = [
            [
                f"{s['passages']:,}",
                f"{s['documents']:,}",
                f"{s['rate']:,.0f}",
                f"{s['build_s']:.0f}",
                f"{s['p50']:.1f} / {s['p95']:.1f}",
                f"{s['bm25_p50']:.1f}",
                f"{s['dense_p50']:.1f}",
                f"{s['dense_overlap']:.3f}",
                f"{s['open_s']:.1f}",
                f"{s['rss_peak_mb']:,.0f}",
                f"{s['disk_mb']:,.0f}",
            ]
            for s in scales
        ]
        parts.append(
            "### Scale: news passages repeated under new ids\n\n"
            f"BBC + Reuters-21578 + Lee ABC news split into passages (3 sentences, overlap 1) and repeated under "
            f"new document ids. Latency: `Index.search(query, k=10)` over {scales[0]['queries']} news sentences "
            "after 5 warm-up queries (one BLAS thread). Dense overlap: share of the exact dense top 50 that the "
            "coarse-then-exact scan returns, ties counted (exact below 250k rows).\n\n"
            + markdown_table(
                [
                    "passages",
                    "documents",
                    "build passages/s",
                    "build s",
                    "search p50 / p95 ms",
                    "BM25 p50 ms",
                    "dense p50 ms",
                    "dense overlap",
                    "open + 1st query s",
                    "peak RSS MB",
                    "disk MB",
                ],
                rows,
            )
            + "\n\nRead with care: the machine is shared by two cores' worth of other jobs at times (a 100k "
            "build measured 4,100–4,700 passages/s with two CPU-bound jobs beside it, before the tokenizer's "
            "chunk cache; timings moved by 2× with the load). The repeated corpus flatters the build rate "
            "above one copy (the tokenizer's cache of text chunks hits more often; one copy, 25k passages, cold "
            "cache, built at ~12,000 passages/s on the idle machine) and slows BM25 (every posting list is many "
            "copies long, so top-k pruning works "
            "less well). Above 250k rows the dense scan is coarse-then-exact (first 32 components, then exact "
            f"cosines for the best 2,000 rows): it found {100 * float(scales[-1]['dense_overlap']):.0f}% of the "
            f"exact dense top 50 at {scales[-1]['passages']:,} passages."
        )
    return "\n\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--skip-accuracy", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print the section instead of writing BENCHMARKS.md")
    parser.add_argument("--_child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._child:
        print(json.dumps(scale_run(args._child, args.queries, args.seed)))
        return 0
    accuracy = []
    if not args.skip_accuracy:
        for name, loader in (("FEVER-Symmetric", fever_set), ("CLIMATE-FEVER", climate_set)):
            data = loader()
            if data is None:
                print(f"{name}: data not found under {DATA}; skipped", file=sys.stderr)
                continue
            accuracy.append(evaluate(name, *data))
            print(json.dumps(accuracy[-1]), file=sys.stderr)
    scales = []
    for target in args.scales:
        scales.append(run_scale_in_child(target, args.queries, args.seed))
        print(json.dumps(scales[-1]), file=sys.stderr)
    body = report(accuracy, scales)
    if args.no_write:
        print(body)
    else:
        write_section("retrieval", "Retrieval (search module)", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
