"""Start the server: check where it may listen, bind, set up the log, run uvicorn until Ctrl-C.

``corrigo serve`` calls :func:`run_server`; logging is configured here (the command is the
application), never by the library modules, which only log.
"""

from __future__ import annotations

import logging
import socket
import sys

from corrigo.errors import InputError
from corrigo.serve.settings import ServeSettings, check_bind

__all__ = ["bind_socket", "run_server", "url_for"]

log = logging.getLogger("corrigo.serve")


def url_for(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def bind_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (port 0: any free one), or an InputError naming the fix."""
    if not 0 <= port <= 65535:
        raise InputError(f"--port {port} is not a port: give a number from 1 to 65535 (0: any free port)", code="usage")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise InputError(f"--host {host!r} is not an address of this machine ({exc.strerror}): try 127.0.0.1") from exc
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)  # connections wait in the backlog until the workers are ready, not refused
    except OSError as exc:
        sock.close()
        raise InputError(
            f"can't listen on {host}:{port} ({exc.strerror}): choose another --port, or stop what is using it",
            code="usage",
        ) from exc
    return sock


def _configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S"))
    for name, level in (("corrigo", logging.INFO), ("uvicorn.error", logging.INFO)):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.addHandler(handler)
        logger.propagate = False


def run_server(settings: ServeSettings, host: str, port: int, *, allow_public_without_key: bool = False) -> int:
    """Serve until interrupted; 0 after a clean stop, 2 when the server could not start."""
    import uvicorn

    from corrigo.serve.app import create_app

    warnings = check_bind(host, settings.api_key, allow_public_without_key)
    sock = bind_socket(host, port)
    _configure_logging()
    for warning in warnings:
        log.warning("%s", warning)
    url = url_for(host, sock.getsockname()[1])
    app = create_app(settings, url=url)
    config = uvicorn.Config(
        app,
        log_config=None,  # our handlers (above); uvicorn's access log is replaced by ours
        access_log=False,
        lifespan="on",
        server_header=False,
        proxy_headers=False,  # the access log shows the real peer, not what a client claims
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stops cleanly on Ctrl-C, then raises it again for the caller
        pass
    finally:
        sock.close()
    if not server.started:
        log.error("the server did not start: see the messages above")
        return 2
    log.info("stopped")
    return 0
