"""The shipped static embeddings: shape, behaviour, and the SHA-256 check."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from corrigo.errors import ModelError
from corrigo.search.embed import MODEL_DIR, StaticEmbedder


def test_shipped_model_is_small_and_described():
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size <= 15_000_000
    e = StaticEmbedder()
    e.warm_up()
    assert e.manifest["dims"] == e.dims
    assert "all-MiniLM-L6-v2" in e.manifest["source"]


def test_vectors_are_unit_length_and_similar_texts_are_close(embedder):
    v = embedder.encode(["The plant in Leeds will close.", "Leeds plant to shut down.", "Shares in Acme fell.", ""])
    assert v.dtype == np.float32 and v.shape == (4, embedder.dims)
    assert np.allclose(np.linalg.norm(v[:3], axis=1), 1.0, atol=1e-5)
    assert not v[3].any()  # an empty text has no direction
    assert v[0] @ v[1] > v[0] @ v[2]
    # Same text, same vector, whatever the batch around it.
    assert np.array_equal(embedder.encode(["Leeds plant to shut down."])[0], v[1])


def test_a_damaged_model_file_gives_a_clear_error(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    data = bytearray((copy / "embeddings.npy").read_bytes())
    data[-1] ^= 0xFF
    (copy / "embeddings.npy").write_bytes(bytes(data))
    with pytest.raises(ModelError) as err:
        StaticEmbedder(copy).encode(["anything"])
    message = str(err.value)
    assert str(copy / "embeddings.npy") in message
    assert "SHA-256" in message and "pip install --force-reinstall 'corrigo[search]'" in message


def test_a_missing_manifest_gives_a_clear_error(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    (copy / "manifest.json").unlink()
    with pytest.raises(ModelError, match="manifest.json is missing or unreadable: reinstall"):
        StaticEmbedder(copy).warm_up()


def test_an_index_refuses_vectors_from_another_model(tmp_path, embedder):
    import json

    from corrigo.errors import IndexFormatError
    from corrigo.search import open_index

    open_index(tmp_path / "ix", embedder=embedder).close()
    meta = json.loads((tmp_path / "ix" / "meta.json").read_text())
    meta["embedding"]["sha256"] = "0" * 64
    (tmp_path / "ix" / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(IndexFormatError, match=r"embedding model 000000000000, .*run `corrigo index rebuild"):
        open_index(tmp_path / "ix", embedder=embedder)


def test_chunk_cache_tokenises_like_the_whole_text(embedder):
    texts = [
        "LEEDS (Reuters) - Northgate Water's £600m plant, opened in 1973, will close; CEO Jane Doe-Smith said.",
        "Émile Zola's café — naïve ‘quotes’ and 東京 text, e-mail@example.org, 4.2% of U.S.-based firms!",
        "",
    ]
    whole = embedder._tokenizer.encode_batch_fast(texts, add_special_tokens=False)
    unk = embedder.manifest["unk_token_id"]
    assert embedder.token_ids(texts) == [[i for i in e.ids if i != unk] for e in whole]


def test_vectors_are_the_mean_of_the_first_512_tokens(embedder):
    text = " ".join(f"word{i % 50} Leeds" for i in range(400))  # far more than 512 tokens
    ids = embedder.token_ids([text])[0]
    assert len(ids) == 512
    mean = embedder._vectors[ids].mean(axis=0)
    expected = mean / np.linalg.norm(mean)
    batch = embedder.encode(["Short one.", text, "Another short text about Leeds."])
    assert np.allclose(batch[1], expected, atol=1e-5)
