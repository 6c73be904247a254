"""Corrigo's exceptions: one root, a small tree.

``CorrigoError``
  ``InputError``        the input can't be read as an article (empty, binary, undecodable, too large, missing)
  ``ConfigError``       an option has an unknown name or a bad value
  ``ModelError``        a model package is missing or broken
  ``IndexFormatError``  a search index can't be read by this version (or isn't an index): rebuild it
"""

from __future__ import annotations

__all__ = ["ConfigError", "CorrigoError", "IndexFormatError", "InputError", "ModelError"]


class CorrigoError(Exception):
    """Root of every error Corrigo raises on purpose. ``code`` is a stable machine-readable name."""

    code = "error"


class InputError(CorrigoError):
    code = "bad_input"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class ConfigError(CorrigoError):
    code = "bad_config"


class ModelError(CorrigoError):
    code = "model"


class IndexFormatError(CorrigoError):
    """The index on disk was written in another format (or by another embedding model)."""

    code = "index_format"
