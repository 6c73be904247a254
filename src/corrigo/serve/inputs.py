"""Read a ``POST /check`` request into a job for a worker, or refuse it with the problem and the fix.

Two shapes are read:

- ``application/json``: ``{"text", "id"?, "title"?, "date"?, "sources"?: [{"id", "text", "title"?}],
  "options"?}`` (the fields of a batch-mode line, plus options);
- ``multipart/form-data``: the article as a file field ``file`` (text, Markdown or HTML, read as
  ``corrigo check FILE`` reads it) or a text field ``text``; optional ``id``, ``title``, ``date``,
  ``options`` (a JSON object as text) and any number of ``source`` fields (files or text).

Only the shape is checked here, cheaply, before a worker is taken; decoding, dates and the
article itself are checked by the worker with the library's own messages.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from corrigo.config import Config
from corrigo.errors import ConfigError
from corrigo.serve.jobs import check_options
from corrigo.serve.limits import ApiError

__all__ = ["CheckRequest", "SourceIn", "parse_json", "read_check_request"]

M = TypeVar("M", bound=BaseModel)

_EXAMPLE = '{"text": "Headline\\n\\nFirst paragraph..."}'
_FORM_FIELDS = ("file", "text", "id", "title", "date", "options", "source")


class SourceIn(BaseModel):
    """A reference document to check the article against (source mode)."""

    model_config = ConfigDict(extra="forbid")

    id: str | int | None = None
    text: str
    title: str | None = None


class CheckRequest(BaseModel):
    """The JSON body of ``POST /check``."""

    model_config = ConfigDict(extra="forbid")

    text: str
    id: str | None = None
    title: str | None = None
    date: str | None = None
    sources: list[SourceIn] | None = None
    options: dict[str, Any] | None = None


def _bad(code: str, message: str, status: int = 400) -> ApiError:
    return ApiError(status, code, message)


def _options(value: Any, base: Config) -> dict[str, Any]:
    try:
        return check_options(value, base)
    except ConfigError as exc:
        raise _bad("bad_option", str(exc), 422) from exc


def _need_text(text: str, what: str) -> None:
    if not text.strip():
        raise _bad("empty", f"{what} is empty (or only whitespace): give the article's text, headline first")


async def read_check_request(request: Any, base: Config, max_body_bytes: int) -> dict[str, Any]:
    """The job for ``request`` (without its format), or an :class:`ApiError` saying what to fix."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return _from_json(await request.body(), base)
    if media == "multipart/form-data":
        return await _from_form(request, base, max_body_bytes)
    if not media and not await request.body():
        raise _bad("empty_body", f"the request has no body: send JSON such as {_EXAMPLE}, or a form with a file")
    raise _bad(
        "unsupported_media_type",
        f"Content-Type {media or '(none)'!r} is not read here: send application/json ({_EXAMPLE}) "
        "or multipart/form-data with the article in a field named file",
        415,
    )


def parse_json(raw: bytes, model: type[M], example: str, shape: str) -> M:
    """``raw`` read as JSON and validated by ``model``, or an ApiError naming the problem; ``example``
    and ``shape`` (what the optional fields are) go into the messages."""
    if not raw.strip():
        raise _bad("empty_body", f"the request body is empty: send a JSON object such as {example}")
    try:
        data = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise _bad("bad_json", f"the body is not UTF-8 (byte {exc.start}): send JSON in UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise _bad(
            "bad_json", f"the body is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}): fix it"
        ) from exc
    if not isinstance(data, dict):
        raise _bad("bad_json", f"the body is JSON but not an object: send {example}", 422)
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:  # "\ud800" is valid JSON but no character: nothing could be reported back
        raise _bad(
            "bad_json",
            "the body has a lone surrogate escape (such as \\ud800) that is not a character: send valid Unicode",
        ) from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _bad("bad_request", f"{_problems(exc)}: send {example}{shape}", 422) from exc


def _from_json(raw: bytes, base: Config) -> dict[str, Any]:
    shape = (
        ', with optional "id", "title", "date" (YYYY-MM-DD), "sources" ([{"id": ..., "text": ...}]) '
        'and "options" ({"min_confidence": 0.7, ...})'
    )
    req = parse_json(raw, CheckRequest, _EXAMPLE, shape)
    _need_text(req.text, '"text"')
    sources = None
    if req.sources:
        sources = [s.model_dump(exclude_none=True) for s in req.sources]
    return {
        "article": {"text": req.text},
        "id": req.id,
        "title": req.title,
        "date": req.date,
        "sources": sources,
        "options": _options(req.options, base),
    }


def _problems(exc: ValidationError) -> str:
    """``"text": Field required; "sources.0.text": ...``."""
    parts = []
    for e in exc.errors():
        where = ".".join(str(p) for p in e["loc"]) or "body"
        msg = "unknown field" if e["type"] == "extra_forbidden" else e["msg"]
        parts.append(f'"{where}": {msg}')
    return "; ".join(parts)


async def _from_form(request: Any, base: Config, max_body_bytes: int) -> dict[str, Any]:
    try:
        form = await request.form(max_files=1000, max_fields=1000, max_part_size=max_body_bytes)
    except ApiError:
        raise
    except Exception as exc:  # python-multipart's and Starlette's parse errors
        raise _bad(
            "bad_form", f"the multipart form can't be read ({exc}): send it as a browser or curl -F does"
        ) from exc
    unknown = sorted({k for k in form if k not in _FORM_FIELDS})
    if unknown:
        raise _bad(
            "bad_form", f"unknown form field(s) {', '.join(unknown)}: the fields read are {', '.join(_FORM_FIELDS)}"
        )
    for name in ("file", "text", "id", "title", "date", "options"):
        if len(form.getlist(name)) > 1:
            raise _bad("bad_form", f"the form has {len(form.getlist(name))} fields named {name}: give it once")
    file, text = form.get("file"), form.get("text")
    if file is not None and text is not None:
        raise _bad("bad_form", "the form gives the article twice (file and text): send one of them")
    if file is None and text is None:
        raise _bad(
            "no_article", "the form has no article: add it as a file field named file or a text field named text"
        )
    if isinstance(file, str):
        raise _bad("bad_form", "the file field is text, not a file: upload the file (curl -F file=@story.txt)")
    if text is not None and not isinstance(text, str):
        raise _bad("bad_form", "the text field is a file: send a file as file (curl -F file=@story.txt)")
    if isinstance(text, str):
        _need_text(text, "the text field")
        # Browsers send a textarea's line ends as CRLF in a form: read them as the user typed them.
        article: dict[str, Any] = {"text": text.replace("\r\n", "\n")}
    else:
        data = await file.read()
        name = _file_name(file.filename, "article")
        _need_text(data.decode("utf-8", "replace"), f"the file {name}")
        article = {"data": data, "filename": name}
    sources = []
    for i, s in enumerate(form.getlist("source")):
        if isinstance(s, str):
            sources.append({"id": f"source-{i + 1}", "text": s.replace("\r\n", "\n")})
        else:
            sources.append({"data": await s.read(), "filename": _file_name(s.filename, f"source-{i + 1}")})
    options = form.get("options")
    if isinstance(options, str) and options.strip():
        try:
            options = json.loads(options)
        except json.JSONDecodeError as exc:
            raise _bad("bad_option", f"the options field is not valid JSON ({exc.msg}): give a JSON object") from exc
    else:
        options = None
    return {
        "article": article,
        "id": _text_field(form, "id"),
        "title": _text_field(form, "title"),
        "date": _text_field(form, "date"),
        "sources": sources or None,
        "options": _options(options, base),
    }


def _text_field(form: Any, name: str) -> str | None:
    value = form.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _bad("bad_form", f"the {name} field is a file: give it as text")
    return value.strip() or None


def _file_name(given: str | None, fallback: str) -> str:
    """The uploaded file's own name, without any folders a client put in front of it."""
    name = PurePosixPath((given or "").replace("\\", "/")).name
    return name or fallback
