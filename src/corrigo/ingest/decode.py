"""Turn bytes into text, or refuse with a message that says why and what to do.

Accepted without being told: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
mark, and UTF-16 without one when the bytes show it plainly (mostly-ASCII text has a NUL in every
other byte). Anything else is an input error rather than a guess, since a wrong guess would shift
every offset; an archive in a legacy codec is read by naming it (``encoding="cp1252"``,
``--encoding cp1252``).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from corrigo.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "check_encoding", "decode_bytes", "read_path"]

DEFAULT_MAX_BYTES = 1_000_000  # about a minute on one laptop core (BENCHMARKS.md, "long_texts")

# Control characters that never occur in text; NUL is the usual sign of a binary file.
_BINARY_CONTROLS = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}
_SNIFF_BYTES = 8192
_CODEC_EXAMPLES = "utf-8, cp1252, latin-1, utf-16"


def decode_bytes(
    data: bytes, *, name: str = "input", max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None
) -> str:
    """Decode ``data`` and validate it as article text.

    With ``encoding`` (a Python codec name such as ``"cp1252"``), exactly that codec is used,
    strictly. Without it: UTF-8, BOM-marked UTF-16, or BOM-less UTF-16 that is plainly so.
    A leading byte-order mark is dropped (it is not part of the text the user sees); offsets
    in reports refer to the decoded string this returns.
    """
    if len(data) > max_bytes:
        raise InputError(
            f"{name} is {len(data):,} bytes, over the {max_bytes:,}-byte limit: split it, or raise the "
            "limit with --max-bytes N (max_bytes in the library; checking takes about a minute per MB on one core)",
            code="too_large",
        )
    if encoding is not None:
        return validate_text(_decode_as(data, encoding, name=name), name=name)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name} starts with a UTF-16 byte-order mark but is not valid UTF-16 "
                f"(byte {exc.start}): re-save it as UTF-8",
                code="undecodable",
            ) from exc
    elif b"\x00" in data[:_SNIFF_BYTES]:
        codec = _bomless_utf16(data)
        if codec is None:
            raise InputError(f"{name} looks like a binary file (it has NUL bytes): give a text file", code="binary")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name} looks like {codec.upper()} without a byte-order mark but is not valid {codec.upper()} "
                f"(byte {exc.start}): re-save it as UTF-8, or pass its encoding with --encoding "
                "(encoding= in the library)",
                code="undecodable",
            ) from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name} is not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at offset {exc.start}): "
                "re-save it as UTF-8 or UTF-16 with a byte-order mark, or pass its encoding with --encoding "
                "(e.g. --encoding cp1252 for a Windows or latin-1 archive; encoding= in the library)",
                code="undecodable",
            ) from exc
    return validate_text(text, name=name)


def check_encoding(encoding: str) -> codecs.CodecInfo:
    """The codec named ``encoding``; an unknown name or a bytes-to-bytes codec is a usage error."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib aren't text
        raise InputError(
            f"{encoding!r} is not a text encoding Python knows: give a codec name such as {_CODEC_EXAMPLES}",
            code="usage",
        )
    return info


def _decode_as(data: bytes, encoding: str, *, name: str) -> str:
    """Decode with exactly ``encoding``, strictly (a UTF-8 byte-order mark is dropped)."""
    info = check_encoding(encoding)
    try:
        text = data.decode("utf-8-sig" if info.name == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not valid {encoding} (bad byte 0x{data[exc.start]:02x} at offset {exc.start}): "
            "check the file's encoding and pass the right one with --encoding (encoding= in the library), "
            "or re-save it as UTF-8",
            code="undecodable",
        ) from exc
    return text.removeprefix("\ufeff")


def _bomless_utf16(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` is plainly UTF-16 without a byte-order mark.

    Mostly-ASCII UTF-16 has a NUL in (nearly) every odd byte (little-endian) or every even byte
    (big-endian) and almost none in the other half; binary formats scatter NULs over both. The
    decoded start must also read as text, which rules out arrays of small 16-bit integers.
    """
    sample = data[:_SNIFF_BYTES]
    sample = sample[: len(sample) - len(sample) % 2]
    pairs = len(sample) // 2
    if not pairs:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for codec, nul_half, other_half in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul_half >= pairs * 0.5 and other_half <= pairs * 0.02:
            text = sample.decode(codec, errors="replace")  # the sample may end inside a surrogate pair
            readable = sum(ch.isprintable() or ch in "\t\n\r\f\v" for ch in text)
            return codec if readable >= len(text) * 0.95 else None
    return None


def validate_text(text: str, *, name: str = "input") -> str:
    """Refuse text that can't be an article: empty, whitespace only, or full of control characters."""
    if not text.strip():
        raise InputError(f"{name} is empty (or only whitespace): give an article's text", code="empty")
    sample = text[:8192]
    controls = sum(ch in _BINARY_CONTROLS for ch in sample)
    if controls > max(8, len(sample) // 100):
        raise InputError(
            f"{name} looks like a binary file ({controls} control characters in its first "
            f"{len(sample)}): give a text, Markdown, HTML or JSONL file",
            code="binary",
        )
    return text


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, turning OS errors into input errors that name the path."""
    try:
        if path.is_dir():
            raise InputError(f"{path} is a folder: give the path of a file", code="not_a_file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path} is {size:,} bytes, over the {max_bytes:,}-byte limit: split it, or raise the "
                "limit with --max-bytes N (checking takes about a minute per MB on one core)",
                code="too_large",
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file: check the path", code="not_found") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied: make the file readable", code="unreadable") from exc
    except OSError as exc:
        raise InputError(f"{path}: can't be read ({exc.strerror}): check the path", code="unreadable") from exc
