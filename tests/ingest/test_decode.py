from __future__ import annotations

import codecs

import pytest

from corrigo.errors import InputError
from corrigo.ingest.decode import decode_bytes, read_path


def test_utf8_with_and_without_bom():
    assert decode_bytes("Café opens\n\nText.".encode()) == "Café opens\n\nText."
    assert decode_bytes(codecs.BOM_UTF8 + "Café".encode()) == "Café"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_bytes(bom + "Mayor opens bridge".encode(codec)) == "Mayor opens bridge"


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (b"", "empty", "empty"),
        (b"  \n\t \n", "empty", "empty"),
        (b"caf\xe9 ol\xe9", "undecodable", "not valid UTF-8"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary", "binary"),
        (bytes(range(1, 30)) * 40, "binary", "binary"),
    ],
)
def test_bad_bytes_are_input_errors_that_say_why(data, code, words):
    with pytest.raises(InputError) as info:
        decode_bytes(data, name="story.txt")
    assert info.value.code == code
    assert words in str(info.value) and "story.txt" in str(info.value)


def test_size_limit_names_the_option():
    with pytest.raises(InputError, match="--max-bytes") as info:
        decode_bytes(b"x" * 101, max_bytes=100)
    assert info.value.code == "too_large"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_path(tmp_path)
