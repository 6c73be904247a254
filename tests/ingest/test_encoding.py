from __future__ import annotations

import gzip
import io
import struct
import zipfile
import zlib

import pytest

from corrigo.errors import InputError
from corrigo.ingest.decode import decode_bytes
from corrigo.ingest.load import load_article

STORY = "Mayor opens bridge\n\nThe mayor opened the bridge on Monday, 12 January 2015, to cheers.\n"


# --- UTF-16 without a byte-order mark -------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(codec):
    assert decode_bytes(STORY.encode(codec), name="story.txt") == STORY


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_with_some_non_ascii(codec):
    text = "Café opens — “a bridge too far”, says the mayor\n\nThe café opened on Monday.\n"
    assert decode_bytes(text.encode(codec)) == text


def test_utf16_without_bom_through_load_article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode("utf-16-le"))
    art = load_article(str(path))
    assert art.text == STORY
    assert art.headline is not None and art.headline.text == "Mayor opens bridge"


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + bytes((x * 7 + y * 13) % 256 for x in range(64)) for y in range(64))
    ihdr = struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("story.txt", STORY * 20)
        zf.writestr("empty.txt", "")
    return buf.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_png(), id="png"),
        pytest.param(_zip(), id="zip"),
        pytest.param(gzip.compress(STORY.encode() * 50, mtime=0), id="gzip"),
        pytest.param(struct.pack("<64H", *range(0, 256, 4)), id="16-bit-integers"),
        pytest.param(b"\x00" * 64, id="all-nul"),
        pytest.param(STORY.encode() + b"\x00" + STORY.encode(), id="utf8-with-a-nul"),
    ],
)
def test_real_binary_is_still_rejected(data):
    with pytest.raises(InputError) as info:
        decode_bytes(data, name="blob.bin")
    assert info.value.code == "binary"
    assert "binary" in str(info.value) and "blob.bin" in str(info.value)


# --- the encoding option --------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["latin-1", "cp1252", "iso-8859-15"])
def test_encoding_option_decodes_legacy_archives(codec):
    text = "Café opens\n\nThe café’s owner, José, said “bonjour” and paid €5.\n"
    if codec != "cp1252":
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    if codec == "latin-1":
        text = text.replace("€", "EUR")
    data = text.encode(codec)
    with pytest.raises(InputError):  # not UTF-8, so the default refuses it ...
        decode_bytes(data)
    assert decode_bytes(data, encoding=codec) == text  # ... and the option reads it


def test_default_undecodable_message_mentions_the_option():
    with pytest.raises(InputError) as info:
        decode_bytes(b"caf\xe9 ol\xe9", name="story.txt")
    assert info.value.code == "undecodable"
    assert "not valid UTF-8" in str(info.value) and "--encoding" in str(info.value)


def test_encoding_option_is_strict_and_says_where_and_what_to_do():
    with pytest.raises(InputError) as info:
        decode_bytes(b"Caf\xe9 \x81 opens", name="story.txt", encoding="cp1252")
    msg = str(info.value)
    assert info.value.code == "undecodable"
    assert "story.txt" in msg and "cp1252" in msg and "offset 5" in msg and "0x81" in msg
    assert "--encoding" in msg


def test_encoding_option_utf8_drops_the_bom():
    assert decode_bytes(b"\xef\xbb\xbfCaf\xc3\xa9", encoding="utf-8") == "Café"


def test_encoding_option_utf16_without_bom():
    assert decode_bytes(STORY.encode("utf-16-be"), encoding="utf-16-be") == STORY


@pytest.mark.parametrize("bad", ["klingon", "rot13", "base64", ""])
def test_unknown_or_non_text_codec_is_a_usage_error(bad):
    with pytest.raises(InputError) as info:
        decode_bytes(b"Mayor opens bridge", name="story.txt", encoding=bad)
    msg = str(info.value)
    assert info.value.code == "usage"
    assert repr(bad) in msg or f"'{bad}'" in msg
    assert "utf-8" in msg and "cp1252" in msg and "latin-1" in msg


def test_load_article_takes_the_encoding(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("Café opens\n\nThe café opened on Monday.\n".encode("cp1252"))
    with pytest.raises(InputError, match="--encoding"):
        load_article(str(path))
    art = load_article(str(path), encoding="cp1252")
    assert art.text == "Café opens\n\nThe café opened on Monday.\n"
    with pytest.raises(InputError) as info:
        load_article(str(path), encoding="no-such-codec")
    assert info.value.code == "usage"
