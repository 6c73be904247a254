"""Brute-force vector search: exact selection, deterministic ties, the coarse-then-exact scan."""

from __future__ import annotations

import numpy as np

from corrigo.search import vectors
from corrigo.search.vectors import VectorFile, search_vectors, top_indices


def test_top_indices_is_exact_with_ties_broken_by_index():
    rng = np.random.default_rng(0)
    scores = rng.integers(0, 1000, size=200_000).astype(np.float32)  # many ties; sampled path
    got = top_indices(scores, 100)
    assert got.tolist() == np.lexsort((np.arange(scores.size), -scores))[:100].tolist()
    assert top_indices(np.array([0.5, 0.9, 0.9], dtype=np.float32), 5).tolist() == [1, 2, 0]


def test_coarse_scan_agrees_with_the_exact_one(tmp_path, monkeypatch):
    rng = np.random.default_rng(1)
    # Decreasing variance per component, like PCA output.
    data = rng.standard_normal((6000, 64)).astype(np.float32) * np.linspace(3, 0.2, 64, dtype=np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    vf = VectorFile(tmp_path / "vectors.f32", dims=64)
    vf.append(0, data[:4000])
    vf.append(4000, data[4000:])
    full, head = vf.map(6000)
    assert np.array_equal(np.asarray(full), data) and head.shape == (6000, 32)
    dead = np.zeros(6000, dtype=bool)
    dead[::7] = True
    monkeypatch.setattr(vectors, "EXACT_ROWS", 1000)
    for q in data[:20]:
        exact = search_vectors(full, None, q, 10, dead)[0]
        coarse, scores = search_vectors(full, head, q, 10, dead)
        assert coarse.tolist() == exact.tolist()
        assert not dead[coarse].any()
        assert np.allclose(scores, data[coarse] @ q)


def test_a_partly_written_row_is_skipped_not_reused(tmp_path):
    vf = VectorFile(tmp_path / "vectors.f32", dims=4)
    vf.append(0, np.ones((2, 4), dtype=np.float32))
    with (tmp_path / "vectors.f32").open("ab") as fh:
        fh.write(b"\x00" * 6)  # a killed writer's half row
    assert vf.rows_on_disk() == 3
