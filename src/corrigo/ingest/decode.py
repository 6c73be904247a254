"""Turn bytes into text, or refuse with a message that says why and what to do.

Accepted: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark.
Anything else is an input error rather than a guess: a wrong guess would shift every offset.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from corrigo.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "read_path"]

DEFAULT_MAX_BYTES = 5_000_000

# Control characters that never occur in text; NUL is the usual sign of a binary file.
_BINARY_CONTROLS = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}


def decode_bytes(data: bytes, *, name: str = "input", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode ``data`` as UTF-8 or BOM-marked UTF-16 and validate it as article text.

    The UTF-8 byte-order mark is dropped (it is not part of the text the user sees); offsets
    in reports refer to the decoded string this returns.
    """
    if len(data) > max_bytes:
        raise InputError(
            f"{name} is {len(data):,} bytes, over the {max_bytes:,}-byte limit: split it, or raise the "
            "limit with --max-bytes (max_bytes in the library)",
            code="too_large",
        )
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name} starts with a UTF-16 byte-order mark but is not valid UTF-16 "
                f"(byte {exc.start}): re-save it as UTF-8",
                code="undecodable",
            ) from exc
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name} looks like a binary file (it has NUL bytes): give a text file", code="binary")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name} is not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at offset {exc.start}): "
                "re-save it as UTF-8 or UTF-16 with a byte-order mark",
                code="undecodable",
            ) from exc
    return validate_text(text, name=name)


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
                "limit with --max-bytes",
                code="too_large",
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file: check the path", code="not_found") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied: make the file readable", code="unreadable") from exc
    except OSError as exc:
        raise InputError(f"{path}: can't be read ({exc.strerror}): check the path", code="unreadable") from exc
