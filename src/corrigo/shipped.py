"""Files the package ships (models, tokenizers) and the SHA-256 manifest that guards them.

Every shipped model folder holds ``manifest.json`` whose ``files`` maps each file name to its
SHA-256. :func:`checked_manifest` reads it and refuses a missing, damaged or replaced file with a
:class:`~corrigo.errors.ModelError` that names the file and the fix.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from corrigo.errors import ModelError

__all__ = ["checked_manifest", "sha256"]


def sha256(path: Path) -> str:
    """The hex SHA-256 of a file, read in blocks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def checked_manifest(folder: Path, what: str, fix: str) -> dict[str, Any]:
    """The manifest of ``folder`` after checking every file it lists against its SHA-256.

    ``what`` names the model in messages ("the embedding model"); ``fix`` says what to do.
    """
    manifest_path = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files: dict[str, str] = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{what}'s manifest {manifest_path} is missing or unreadable: {fix}") from exc
    for name, expected in sorted(files.items()):
        path = folder / name
        if not path.is_file():
            raise ModelError(f"{what} file {path} is missing: {fix}")
        actual = sha256(path)
        if actual != expected:
            raise ModelError(
                f"{what} file {path} has SHA-256 {actual}, expected {expected} (damaged or replaced): {fix}"
            )
    return manifest
