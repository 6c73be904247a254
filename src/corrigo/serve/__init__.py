"""``corrigo serve``: an HTTP API and a web page over :func:`corrigo.check` (the ``serve`` extra).

A thin adapter, like the CLI: requests are read and checked, reports are rendered by
``corrigo.report``, nothing is checked here that the library does not check. Importing this
package needs nothing beyond Corrigo; FastAPI and uvicorn are imported by :func:`create_app`::

    from corrigo.serve import ServeSettings, create_app
    app = create_app(ServeSettings(workers=2))     # an ASGI app: run it with uvicorn

Modules: ``settings`` (options, the bind policy), ``run`` (``corrigo serve``: bind, log, uvicorn),
``app`` (routes and error handlers), ``inputs`` (a request read into a job), ``limits`` (body size
limit, access log, API key), ``workers`` (the process pool that checks), ``jobs`` (what a worker
does with one job), ``index_api`` (the index routes), ``docs`` (the self-contained API reference
at ``/docs``), ``static/`` (the page at ``/``).
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

__all__ = ["NOT_INSTALLED", "ServeSettings", "available", "create_app"]

NOT_INSTALLED = (
    "the server is not installed: install corrigo[serve] (pip install 'corrigo[serve]', "
    "or '.[all]' in a checkout) to run `corrigo serve`"
)

if TYPE_CHECKING:
    from corrigo.serve.app import create_app
    from corrigo.serve.settings import ServeSettings


def available() -> bool:
    """True when the ``serve`` extra's packages can be imported (fastapi, uvicorn, python-multipart)."""
    found = importlib.util.find_spec
    # python-multipart is imported as python_multipart since 0.0.13, as multipart before.
    multipart = found("python_multipart") is not None or found("multipart") is not None
    return multipart and found("fastapi") is not None and found("uvicorn") is not None


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from corrigo.serve.app import create_app

        return create_app
    if name == "ServeSettings":
        from corrigo.serve.settings import ServeSettings

        return ServeSettings
    raise AttributeError(f"module 'corrigo.serve' has no attribute {name!r}")
