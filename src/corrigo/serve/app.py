"""The FastAPI application: routes, the API key, and one JSON shape for every error.

Status codes: 400 unreadable input (empty, not JSON, a bad file), 401 missing or wrong API key,
404 no such index or document, 413 body or article over the limit, 415 a Content-Type not read
here, 422 JSON of the wrong shape or a bad option, 501 the search extra is missing, 503 no
worker came free within the time limit (``Retry-After``), 504 the check ran past it, 500 anything
else (logged with its request id; the client gets the id, never a traceback). Every error is
``{"error": {"code", "message"}}``, the message naming the problem and the fix.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from corrigo.serve.index_api import IndexDocuments, IndexService
from corrigo.serve.inputs import CheckRequest
from corrigo.serve.limits import AccessLogMiddleware, ApiError, BodyLimitMiddleware, error_body, key_matches
from corrigo.serve.settings import ServeSettings
from corrigo.serve.workers import CheckTimeout, PoolBusy, WorkerFailed, WorkerPool

__all__ = ["create_app"]

log = logging.getLogger("corrigo.serve")

# The page may load only its own script and style; the report it shows in a sandboxed frame has
# inline styles (and no scripts: the frame allows none, and the report's own policy forbids them).
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
    "img-src 'self' data:; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"
_STATIC = {"page.js": "text/javascript; charset=utf-8", "page.css": "text/css; charset=utf-8"}
# A worker's error code → HTTP status; any other input problem is a 400.
_STATUS = {"too_large": 413, "bad_config": 422, "no_index": 409, "index_busy": 503, "missing_extra": 501, "model": 500}
_CHECK_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": CheckRequest.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {"type": "string", "format": "binary", "description": "the article (.txt, .md, .html)"},
                    "text": {"type": "string", "description": "the article's text, instead of file"},
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "date": {"type": "string", "description": "YYYY-MM-DD"},
                    "options": {"type": "string", "description": 'a JSON object, e.g. {"min_confidence": 0.7}'},
                    "source": {"type": "array", "items": {"type": "string", "format": "binary"}},
                },
            }
        },
    },
}
_ERRORS = {
    code: {"description": what, "content": {"application/json": {"example": error_body("...", "...")}}}
    for code, what in {
        400: "unreadable input",
        401: "API key missing or wrong",
        413: "too large",
        422: "wrong shape or bad option",
        503: "busy",
        504: "over the time limit",
    }.items()
}


def _json_body(model: Any) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}


def _static(name: str) -> str:
    return importlib.resources.files("corrigo.serve").joinpath("static", name).read_text(encoding="utf-8")


def create_app(settings: ServeSettings | None = None, *, url: str | None = None) -> FastAPI:
    """The ASGI application. ``url`` (where it listens) is only logged, once the workers are ready."""
    from corrigo import __version__

    settings = settings or ServeSettings()
    pool = WorkerPool(
        settings.config,
        settings.workers,
        max_waiting=settings.max_waiting,
        start_timeout_s=settings.start_timeout_s,
    )
    index = IndexService(settings.config, settings.timeout_s)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        auth = "an API key is required" if settings.api_key else "no API key"
        where = f"serving on {url} " if url else ""
        log.info(
            "%s(%d worker%s, time limit %g s, %s)",
            where,
            settings.workers,
            "s" if settings.workers != 1 else "",
            settings.timeout_s,
            auth,
        )
        if index.enabled and index.path is not None and not (index.path / "meta.json").is_file():
            log.warning(
                "no index at %s yet: checks answer 409 until documents are added (POST /index/documents)", index.path
            )
        try:
            yield
        finally:
            await pool.close()
            index.close()

    app = FastAPI(
        title="Corrigo",
        version=__version__,
        description="Find the statements a news article contradicts, with the evidence and the fix. "
        'Errors are JSON: {"error": {"code", "message"}}.',
        lifespan=lifespan,
        docs_url=None,  # /docs is our own page: FastAPI's loads Swagger UI from a CDN, and this runs offline
        redoc_url=None,
    )
    app.state.pool = pool
    app.state.settings = settings
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLogMiddleware, enabled=settings.access_log)  # outermost: logs 413s too

    async def require_key(request: Request) -> None:
        if settings.api_key is not None and not key_matches(settings.api_key, request.headers):
            raise ApiError(
                401,
                "unauthorized",
                "this server needs an API key: send it as the header X-API-Key: KEY or Authorization: Bearer KEY",
                headers={"WWW-Authenticate": "Bearer"},
            )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        if isinstance(exc, ApiError):
            body = error_body(exc.code, exc.message)
        elif exc.status_code == 404:
            body = error_body("not_found", f"no route {request.url.path}: see /docs for the routes")
        elif exc.status_code == 405:
            body = error_body("method_not_allowed", f"{request.method} is not allowed on {request.url.path}: see /docs")
        else:
            body = error_body("http_error", str(exc.detail))
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f'"{".".join(str(p) for p in e["loc"] if p != "body") or "body"}": {e["msg"]}' for e in exc.errors()
        )
        return JSONResponse(error_body("bad_request", f"{problems}: see /docs for the expected shape"), 422)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        request_id = request.scope.get("state", {}).get("request_id", "-")
        log.error("request %s failed", request_id, exc_info=exc)
        message = f"an internal error stopped this request; it is logged on the server under request id {request_id}"
        return JSONResponse(error_body("internal", message, request_id=request_id), 500)

    @app.get("/", include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(_static("index.html"), headers={"Content-Security-Policy": PAGE_CSP})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        if name not in _STATIC:
            raise ApiError(404, "not_found", f"no static file {name!r}")
        return Response(_static(name), media_type=_STATIC[name], headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        from corrigo.serve.docs import render_docs

        return HTMLResponse(render_docs(app.openapi()), headers={"Content-Security-Policy": REPORT_CSP})

    @app.get("/health", summary="Is the server up, and are its workers ready?")
    async def health() -> JSONResponse:
        workers = pool.status()
        ok = workers["running"] > 0
        body = {
            "status": "ok" if ok else "unavailable",
            "version": __version__,
            "workers": workers,
            "api_key_required": settings.api_key is not None,
            "time_limit_s": settings.timeout_s,
            "max_body_bytes": settings.max_body_bytes,
        }
        return JSONResponse(body, status_code=200 if ok else 503)

    @app.post(
        "/check",
        summary="Check an article; the JSON report (schema_version 1) or, with ?format=html, the HTML report",
        dependencies=[Depends(require_key)],
        openapi_extra={"requestBody": _CHECK_BODY},
        responses={200: {"content": {"application/json": {}, "text/html": {}}}, **_ERRORS},
    )
    async def check(request: Request, format: str = Query("json", description="json or html")) -> Response:
        from corrigo.serve.inputs import read_check_request

        if format not in ("json", "html"):
            raise ApiError(
                400, "bad_format", f"format {format!r} is not one of json, html: use ?format=json or ?format=html"
            )
        job = await read_check_request(request, settings.config, settings.max_body_bytes)
        job["format"] = format
        try:
            result = await pool.run(job, settings.timeout_s)
        except PoolBusy as exc:
            raise ApiError(503, exc.code, str(exc), headers={"Retry-After": "5"}) from exc
        except CheckTimeout as exc:
            raise ApiError(504, exc.code, str(exc)) from exc
        except WorkerFailed as exc:
            raise ApiError(500, exc.code, f"{exc}; it is being replaced: retry") from exc
        if result[0] == "crash":  # a bug in a check: the traceback goes to the log only
            request_id = request.scope.get("state", {}).get("request_id", "-")
            log.error("request %s: the check failed in its worker:\n%s", request_id, result[1])
            raise ApiError(
                500, "internal", f"an internal error stopped this check; it is logged under request id {request_id}"
            )
        if result[0] == "error":
            _, code, message = result
            if code == "no_index":  # the server's --index DIR holds no index yet
                message += "; or add documents to it with POST /index/documents"
            raise ApiError(_STATUS.get(code, 400), code, message)
        _, media_type, body, n_findings = result
        headers = {"X-Corrigo-Findings": str(n_findings)}
        if format == "html":
            headers["Content-Security-Policy"] = REPORT_CSP
        return Response(body, media_type=media_type, headers=headers)

    @app.get("/index", summary="The index this server checks against", dependencies=[Depends(require_key)])
    async def index_info() -> dict[str, Any]:
        return await index.call("info", index.info)

    @app.post(
        "/index/documents",
        summary="Add documents to the index (a document whose id is there already is replaced)",
        dependencies=[Depends(require_key)],
        openapi_extra={"requestBody": _json_body(IndexDocuments)},
        responses=_ERRORS,
    )
    async def index_add(request: Request) -> dict[str, Any]:
        from corrigo.serve.inputs import parse_json

        # Read here, not as a FastAPI body parameter: the key is checked before the body is read.
        example = '{"documents": [{"id": "notes/a.txt", "text": "..."}]}'
        body = parse_json(await request.body(), IndexDocuments, example, ', each with optional "title", "date", "url"')
        return await index.call("add", index.add, body)

    @app.delete(
        "/index/documents/{doc_id:path}",
        summary="Remove one document from the index by its id",
        dependencies=[Depends(require_key)],
    )
    async def index_remove(doc_id: str) -> dict[str, Any]:
        return await index.call("remove", index.remove, doc_id)

    return app
