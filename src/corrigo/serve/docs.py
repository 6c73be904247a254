"""``/docs``: the OpenAPI description as one self-contained HTML page, rendered on the server.

FastAPI's own ``/docs`` loads Swagger UI's scripts from a CDN, which an offline machine can't
reach; this page needs nothing from outside and runs no script. ``/openapi.json`` is the same
description for tools.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import jinja2

from corrigo.report.html import template_environment

__all__ = ["render_docs"]

_METHODS = ("get", "post", "put", "patch", "delete")


@functools.lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = template_environment("corrigo.serve")
    return env.get_template("docs.html.j2")


def _resolve(schema: Any, named: dict[str, Any], depth: int = 0) -> Any:
    """``schema`` with its ``$ref``s replaced by what they name (to a few levels), for reading."""
    if depth > 8:
        return schema
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref in named:
            return _resolve(named[ref], named, depth + 1)
        return {k: _resolve(v, named, depth + 1) for k, v in schema.items() if k not in ("title", "$defs")}
    if isinstance(schema, list):
        return [_resolve(v, named, depth + 1) for v in schema]
    return schema


def _named(schema: Any, components: dict[str, Any]) -> dict[str, Any]:
    """What a ``$ref`` may name: the document's components and the schema's own ``$defs``."""
    named = {f"#/components/schemas/{k}": v for k, v in components.items()}
    if isinstance(schema, dict):
        named.update({f"#/$defs/{k}": v for k, v in schema.get("$defs", {}).items()})
    return named


def render_docs(spec: dict[str, Any]) -> str:
    """The page for an OpenAPI document (as ``app.openapi()`` returns it)."""
    components = spec.get("components", {}).get("schemas", {})
    routes = []
    for path, item in spec.get("paths", {}).items():
        for method in _METHODS:
            op = item.get(method)
            if op is None:
                continue
            bodies = []
            for media, content in op.get("requestBody", {}).get("content", {}).items():
                schema = content.get("schema", {})
                bodies.append((media, json.dumps(_resolve(schema, _named(schema, components)), indent=2)))
            routes.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "params": [
                        (p["name"], p.get("in", ""), p.get("description") or p.get("schema", {}).get("type", ""))
                        for p in op.get("parameters", [])
                    ],
                    "bodies": bodies,
                    "responses": [(code, r.get("description", "")) for code, r in op.get("responses", {}).items()],
                }
            )
    info = spec.get("info", {})
    return _template().render(title=info.get("title", "API"), version=info.get("version", ""), info=info, routes=routes)
