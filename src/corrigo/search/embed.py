"""Static sentence embeddings with numpy: token vectors distilled from all-MiniLM-L6-v2.

The vectors ship inside the package (``corrigo/search/model/``, made by
``training/distill_embeddings.py``). A sentence's vector is the L2-normalised mean of its
tokens' vectors (unknown tokens dropped, at most ``max_tokens`` tokens), exactly what
model2vec's ``StaticModel.encode`` computes, with no torch and no model2vec at run time.
Every shipped file is checked against the SHA-256 in ``manifest.json`` when it loads.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from corrigo.errors import ModelError
from corrigo.shipped import checked_manifest

__all__ = ["MODEL_DIR", "StaticEmbedder"]

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent / "model"

# The Rust tokenizer would otherwise start a thread per core: one thread is faster on a shared
# two-core machine and keeps runs reproducible. ``setdefault`` leaves a user's choice alone.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("RAYON_NUM_THREADS", "1")

_FIX = (
    "reinstall Corrigo's search extra (`pip install --force-reinstall 'corrigo[search]'`) "
    "or regenerate the model with `python training/distill_embeddings.py`"
)
# Characters kept per token of the limit before tokenising: a cheap cut for very long texts
# (a passage is a few sentences; an accidental whole book should not cost a second).
_CHARS_PER_TOKEN = 10
# Texts summed per matrix product in ``encode``, and the most chunks ``token_ids`` remembers.
_BLOCK = 128
_CACHE_LIMIT = 500_000


class StaticEmbedder:
    """Turns texts into unit vectors with the shipped static embeddings.

    Construction only stores the folder; the files load (and their hashes are checked) on
    ``warm_up()`` or the first ``encode``.

    Example:
        >>> embedder = StaticEmbedder()
        >>> vectors = embedder.encode(["The plant is in Leeds.", "Leeds has a plant."])
        >>> vectors.shape == (2, embedder.dims)
        True
        >>> bool(vectors[0] @ vectors[1] > 0.5)
        True
    """

    def __init__(self, model_dir: Path | str | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else MODEL_DIR
        self._vectors: np.ndarray | None = None
        self._tokenizer: Any = None
        self._unk: int | None = None
        self._max_tokens = 512
        self._chunk_cache: dict[str, list[int]] = {}
        self.manifest: dict[str, Any] = {}

    @property
    def dims(self) -> int:
        """The number of dimensions of every vector."""
        self.warm_up()
        assert self._vectors is not None
        return int(self._vectors.shape[1])

    @property
    def fingerprint(self) -> str:
        """The SHA-256 of the embeddings file: an index records it to notice a changed model."""
        self.warm_up()
        return str(self.manifest["files"]["embeddings.npy"])

    def warm_up(self) -> None:
        """Load the tokenizer and the vectors, checking each file's SHA-256 against the manifest."""
        if self._vectors is not None:
            return
        manifest = checked_manifest(self.model_dir, "the embedding model", _FIX)
        try:
            from tokenizers import Tokenizer  # type: ignore[import-untyped]
        except ImportError as exc:  # pragma: no cover - the extra installs it
            raise ModelError("search needs the `tokenizers` package: run `pip install 'corrigo[search]'`") from exc
        tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self._max_tokens = int(manifest.get("max_tokens", 512))
        tokenizer.no_padding()
        tokenizer.enable_truncation(self._max_tokens)
        vectors = np.load(self.model_dir / "embeddings.npy", allow_pickle=False)
        if vectors.ndim != 2 or vectors.shape[0] != tokenizer.get_vocab_size(with_added_tokens=True):
            raise ModelError(
                f"the embedding model in {self.model_dir} has {vectors.shape} vectors for "
                f"{tokenizer.get_vocab_size(with_added_tokens=True)} tokens: {_FIX}"
            )
        unk = manifest.get("unk_token_id")
        self._unk = None if unk is None else int(unk)
        self._tokenizer = tokenizer
        self.manifest = manifest
        self._vectors = vectors.astype(np.float32)
        logger.debug("loaded %d x %d static embeddings from %s", *vectors.shape, self.model_dir)

    def _chunks(self, texts: Sequence[str]) -> list[list[str]]:
        """Each text's whitespace-separated chunks, with every new chunk tokenised into the cache.

        WordPiece never joins two whitespace-separated chunks, so each distinct chunk
        ("Leeds,", "(Reuters)") is tokenised once and its ids cached: news text repeats its
        chunks so often that this is several times faster than tokenising every text. The
        result equals tokenising the whole text, except around the rare control characters
        Python counts as whitespace and BERT deletes (U+001C–U+001F).
        """
        self.warm_up()
        limit = self._max_tokens * _CHARS_PER_TOKEN
        cache = self._chunk_cache
        split = [(t if len(t) <= limit else t[:limit]).split() for t in texts]
        missing = [c for c in set(chain.from_iterable(split)) if c not in cache]
        if missing:
            missing.sort()  # a fixed order: the cache's contents never depend on hashing
            if len(cache) + len(missing) > _CACHE_LIMIT:
                cache.clear()
            unk = self._unk
            encodings = self._tokenizer.encode_batch_fast(missing, add_special_tokens=False)
            for chunk, enc in zip(missing, encodings, strict=True):
                cache[chunk] = enc.ids if unk is None else [i for i in enc.ids if i != unk]
        return split

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """The token ids of each text, unknown tokens dropped, at most ``max_tokens`` of them."""
        split = self._chunks(texts)
        lookup = self._chunk_cache.__getitem__
        out = [list(chain.from_iterable(map(lookup, chunks))) for chunks in split]
        return [ids[: self._max_tokens] for ids in out]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors (float32, one row per text); an empty text gets the zero vector."""
        self.warm_up()
        assert self._vectors is not None
        table = self._vectors
        n = len(texts)
        out = np.zeros((n, table.shape[1]), dtype=np.float32)
        if n == 0:
            return out
        split = self._chunks(texts)
        lookup = self._chunk_cache.__getitem__
        # Flat arrays built by C-level iteration (map/chain/fromiter): a few hundred
        # thousand tokens per batch would be slow one Python call at a time.
        all_chunks = list(chain.from_iterable(split))
        chunks_per_text = np.fromiter(map(len, split), dtype=np.int64, count=n)
        tokens_per_chunk = np.fromiter(map(len, map(lookup, all_chunks)), dtype=np.int64, count=len(all_chunks))
        flat = np.fromiter(
            chain.from_iterable(map(lookup, all_chunks)), dtype=np.int64, count=int(tokens_per_chunk.sum())
        )
        text_of_token = np.repeat(np.repeat(np.arange(n), chunks_per_text), tokens_per_chunk)
        tokens_per_text = np.bincount(text_of_token, minlength=n)
        starts = np.concatenate(([0], np.cumsum(tokens_per_text)[:-1]))
        if tokens_per_text.max(initial=0) > self._max_tokens:
            keep = np.arange(flat.shape[0]) - starts[text_of_token] < self._max_tokens
            flat, text_of_token = flat[keep], text_of_token[keep]
            tokens_per_text = np.bincount(text_of_token, minlength=n)
            starts = np.concatenate(([0], np.cumsum(tokens_per_text)[:-1]))
        # Sum each text's token vectors as (token counts) @ (vectors of the tokens present),
        # one small matrix product per block of texts: far faster than a row-by-row reduction.
        for lo in range(0, n, _BLOCK):
            hi = min(n, lo + _BLOCK)
            a, b = starts[lo], starts[hi - 1] + tokens_per_text[hi - 1]
            if a == b:
                continue
            present, col = np.unique(flat[a:b], return_inverse=True)
            rows = text_of_token[a:b] - lo
            counts = np.bincount(rows * len(present) + col, minlength=(hi - lo) * len(present))
            out[lo:hi] = counts.reshape(hi - lo, len(present)).astype(np.float32) @ table[present]
        # The sum has the direction of the mean: normalising it gives the same unit vector.
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        out /= norms
        return out
