"""What every request goes through: the body size limit, the access log, headers, the API key.

The body limit is counted on the bytes as they arrive, not only read from ``Content-Length``: a
chunked upload, or one that lies about its length, is cut off as soon as it passes the limit.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
import uuid
from typing import Any

from starlette.exceptions import HTTPException

__all__ = ["AccessLogMiddleware", "ApiError", "BodyLimitMiddleware", "BodyTooLarge", "error_body", "key_matches"]

access_log = logging.getLogger("corrigo.serve.access")

Scope = dict[str, Any]


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The one shape of every error answer: ``{"error": {"code", "message", ...}}``."""
    return {"error": {"code": code, "message": message, **extra}}


class ApiError(HTTPException):
    """An answer with an error status and a JSON body; ``code`` names the problem for programs.

    A subclass of Starlette's ``HTTPException`` so that FastAPI passes it through unchanged when
    it is raised while a body is being read."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code
        self.message = message


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            "too_large",
            f"the request body is over this server's {limit:,}-byte limit: send a smaller article "
            "(split a long one), fewer or shorter sources, or fewer documents per index request",
        )


async def _send_json(send: Any, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]] = ()) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
                (b"connection", b"close"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})


class BodyLimitMiddleware:
    """413 for a body over ``max_bytes``: at once when ``Content-Length`` says so, else as soon as
    the bytes read pass the limit (raised from ``receive`` as :class:`BodyTooLarge`)."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                message = f"Content-Length {declared.decode('latin-1')!r} is not a number of bytes: fix the client"
                await _send_json(send, 400, error_body("bad_request", message))
                return
            if int(declared) > self.max_bytes:
                err = BodyTooLarge(self.max_bytes)
                await _send_json(send, 413, error_body(err.code, err.message))
                return
        seen = 0

        async def limited() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited, send)


class AccessLogMiddleware:
    """One log line per request (client, method, path, status, bytes, milliseconds) and the
    headers every answer carries: a request id (also in the log line), ``nosniff``, no referrer."""

    def __init__(self, app: Any, enabled: bool = True) -> None:
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex[:12]
        scope.setdefault("state", {})["request_id"] = request_id
        status, sent = 500, 0
        t0 = time.perf_counter()

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        (b"x-request-id", request_id.encode()),
                        (b"x-content-type-options", b"nosniff"),
                        (b"referrer-policy", b"no-referrer"),
                    ],
                }
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            if self.enabled:
                client = scope.get("client")
                path = scope.get("path", "")
                query = scope.get("query_string", b"").decode("latin-1")
                access_log.info(
                    '%s "%s %s%s" %d %dB %.0fms id=%s',
                    f"{client[0]}:{client[1]}" if client else "-",
                    scope.get("method", "-"),
                    path,
                    f"?{query}" if query else "",
                    status,
                    sent,
                    (time.perf_counter() - t0) * 1000,
                    request_id,
                )


def key_matches(expected: str, headers: Any) -> bool:
    """True when ``X-API-Key`` or ``Authorization: Bearer`` carries ``expected`` (compared in constant time)."""
    given = headers.get("x-api-key")
    if given is None:
        scheme, _, token = (headers.get("authorization") or "").partition(" ")
        given = token.strip() if scheme.lower() == "bearer" else None
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode("utf-8"))
