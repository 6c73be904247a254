"""A writer killed in the middle of an add leaves an index that opens, consistent and complete.

A subprocess adds numbered documents in small batches; it is killed with SIGKILL either at
the worst moment (its passages committed to tantivy and the vector file, SQLite not yet
flipped from pending) or at whatever moment the parent picks while reading its progress.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from corrigo.evidence import Document

N_DOCS = 3000
BATCH = 64  # passages per batch: 64 documents of two passages each... see _batches' estimate


def make_docs(n: int = N_DOCS) -> list[Document]:
    return [
        Document(
            f"doc-{i:05d}",
            f"Report number {i} from the wire. The marker zq{i}x appears only here. "
            "Another sentence follows it. And a fourth sentence closes the report.",
        )
        for i in range(n)
    ]


WRITER = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from test_search_durability import make_docs, BATCH
    from corrigo.search import open_index
    from corrigo.search.store import Store

    path, mode = sys.argv[1], sys.argv[2]
    if mode == "die-before-flip":
        calls = []
        original = Store.commit_pending
        def commit_pending(self, keys):
            calls.append(1)
            if len(calls) == 3:  # third batch: in tantivy and the vector file, still pending in SQLite
                os.kill(os.getpid(), signal.SIGKILL)
            return original(self, keys)
        Store.commit_pending = commit_pending
    index = open_index(path)
    def progress(done, total):
        print(f"done {{done}}", flush=True)
    index.add(make_docs(), on_progress=progress, batch_passages=BATCH)
    print("finished", flush=True)
    """
)


def start_writer(path: Path, mode: str) -> subprocess.Popen[str]:
    script = WRITER.format(tests=str(Path(__file__).parent))
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-c", script, str(path), mode], stdout=subprocess.PIPE, text=True, env=env)


def assert_consistent(path: Path, embedder) -> list[str]:
    """Open (which recovers), then compare SQLite, tantivy and search; return the committed ids."""
    from corrigo.search import open_index

    index = open_index(path, embedder=embedder)
    conn = sqlite3.connect(path / "index.sqlite3")
    assert conn.execute("SELECT count(*) FROM documents WHERE state = 0").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM garbage").fetchone()[0] == 0
    ids = [r[0] for r in conn.execute("SELECT id FROM documents WHERE state = 1 ORDER BY key")]
    per_doc = dict(
        conn.execute("SELECT d.id, count(*) FROM passages p JOIN documents d ON d.key = p.doc_key GROUP BY d.id")
    )
    conn.close()
    # Completed documents only, in order, each with all of its passages.
    assert ids == [f"doc-{i:05d}" for i in range(len(ids))]
    assert all(per_doc[i] == 2 for i in ids)
    info = index.info()
    assert (info.documents, info.passages) == (len(ids), 2 * len(ids))
    assert index._lexical.num_docs() == info.passages  # the killed batch left tantivy too
    if ids:
        last = len(ids) - 1
        rows = index.passages(pid for pid, _ in index.bm25(f"zq{last}x", 5))
        assert {r.doc_id for r in rows.values()} == {ids[-1]}
        # The marker as an entity lifts that document above whatever the dense ranking prefers.
        assert index.search(f"zq{last}x", k=1, entities=[f"zq{last}x"])[0].doc_id == ids[-1]
    missing = len(ids)
    if missing < N_DOCS:
        hits = index.bm25(f"zq{missing}x", 5)
        assert not index.passages(pid for pid, _ in hits)
        assert f"doc-{missing:05d}" not in {h.doc_id for h in index.search(f"zq{missing}x", k=10)}
    index.close()
    return ids


def test_writer_killed_between_tantivy_and_sqlite_commit(tmp_path, embedder):
    path = tmp_path / "ix"
    proc = start_writer(path, "die-before-flip")
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, out
    assert out.splitlines() == ["done 64", "done 128"]
    # Before recovery: the third batch sits in SQLite as pending.
    conn = sqlite3.connect(path / "index.sqlite3")
    assert conn.execute("SELECT count(*) FROM documents WHERE state = 0").fetchone()[0] == 64
    conn.close()
    ids = assert_consistent(path, embedder)
    assert len(ids) == 128


def test_writer_killed_at_a_random_moment_while_a_reader_reads(tmp_path, embedder):
    from corrigo.search import open_index

    path = tmp_path / "ix"
    proc = start_writer(path, "run")
    assert proc.stdout is not None
    reader = None
    for seen, line in enumerate(proc.stdout, start=1):
        assert line.startswith("done ")
        if reader is None:
            reader = open_index(path, embedder=embedder)
        # Reads while the writer writes: each sees complete documents only.
        n = reader.info().documents
        hits = reader.search("Report number from the wire", k=5)
        assert len(hits) == min(5, 2 * n) or n == 0
        if seen == 6:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert reader is not None
    reader.close()
    ids = assert_consistent(path, embedder)
    assert 6 * 64 <= len(ids) < N_DOCS
    # Adding everything again keeps what was done and finishes the rest.
    index = open_index(path, embedder=embedder)
    result = index.add(make_docs())
    assert (result.unchanged, result.added) == (len(ids), N_DOCS - len(ids))
    assert index.info().documents == N_DOCS
    index.close()
