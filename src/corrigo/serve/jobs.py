"""What a worker process does with one check request: read the article, check it, render the report.

A job is plain data (it crosses a process boundary)::

    {"format": "json" | "html",
     "article": {"text": str} | {"data": bytes, "filename": str},
     "id": str | None, "title": str | None, "date": str | None,
     "sources": [{"id", "text", "title"?} | {"data": bytes, "filename": str}, ...] | None,
     "options": {...}}

The report body is rendered here exactly as ``corrigo check --format json|html`` renders it, so
the server's answer for an input is byte for byte the CLI's for the same input (with the CLI's
path as the request's ``id``, or the uploaded file's name).

The answer is a tuple: ``("ok", media_type, body, n_findings)`` or ``("error", code, message)``.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import PurePath
from typing import Any

from corrigo.config import Config
from corrigo.errors import ConfigError, CorrigoError, InputError
from corrigo.evidence import Document

__all__ = ["CLIENT_OPTIONS", "JobRunner", "check_options"]

log = logging.getLogger(__name__)

# The Config fields a request may set in "options"; "show_unsupported" is the CLI's
# --show-unsupported (find them, and list them in the HTML report). Paths on the server (index,
# spacy_model) and the size limit are the operator's to set when starting the server.
CLIENT_OPTIONS = frozenset(
    {
        "min_confidence",
        "checks",
        "use_index",
        "passages_per_claim",
        "find_unsupported",
        "verifier",
        "support_threshold",
        "refute_threshold",
        "show_unsupported",
    }
)
_SERVER_ONLY = {
    "index": "the server's index is chosen when it starts (corrigo serve --index DIR)",
    "spacy_model": "the model is chosen when the server starts",
    "max_bytes": "the size limit is set when the server starts (corrigo serve --max-bytes N)",
}
_MAX_CHECKERS = 8  # configurations kept loaded per worker (each may hold a verifier and an open index)


def check_options(options: Any, base: Config) -> dict[str, Any]:
    """Validate a request's ``options`` against ``base``; returns them, or raises a ConfigError that
    names the bad option and what to do."""
    if options is None:
        return {}
    if not isinstance(options, dict):
        raise ConfigError('"options" must be a JSON object, e.g. {"min_confidence": 0.7}')
    for name in options:
        if name in _SERVER_ONLY:
            raise ConfigError(f'option "{name}" can\'t be set per request: {_SERVER_ONLY[name]}')
        if name not in CLIENT_OPTIONS:
            known = ", ".join(sorted(CLIENT_OPTIONS))
            raise ConfigError(f'unknown option "{name}": the options a request may set are {known}')
    if options.get("use_index") is True and not base.use_index:
        raise ConfigError('"use_index": true, but this server checks without an index (started with --no-index)')
    if "show_unsupported" in options and not isinstance(options["show_unsupported"], bool):
        raise ConfigError('option "show_unsupported" must be true or false')
    config_for(base, options)  # raises ConfigError on a bad value
    return dict(options)


def config_for(base: Config, options: dict[str, Any]) -> Config:
    fields = {k: v for k, v in options.items() if k != "show_unsupported"}
    if options.get("show_unsupported"):
        fields["find_unsupported"] = True
    if not fields:
        return base
    if isinstance(fields.get("checks"), str):  # "slots,dates" as the CLI takes it
        fields["checks"] = tuple(n.strip() for n in fields["checks"].split(",") if n.strip())
    return Config.from_options(**{**base.model_dump(), **fields})


class JobRunner:
    """Runs jobs in one worker process; keeps a Checker per configuration (the models are shared).

    Example:
        >>> runner = JobRunner(Config(use_index=False))
        >>> runner.warm_up()
        >>> runner.run({"format": "json", "article": {"text": "Mayor opens bridge\\n\\nThe mayor opened it."}})[0]
        'ok'
    """

    def __init__(self, base: Config) -> None:
        self.base = base
        self._checkers: OrderedDict[Config, Any] = OrderedDict()

    def warm_up(self) -> None:
        self._checker(self.base).warm_up()

    def _checker(self, config: Config) -> Any:
        from corrigo.pipeline import Checker

        if config in self._checkers:
            self._checkers.move_to_end(config)
        else:
            self._checkers[config] = Checker(config)
            while len(self._checkers) > _MAX_CHECKERS:
                self._checkers.popitem(last=False)
        return self._checkers[config]

    def run(self, job: dict[str, Any]) -> tuple[Any, ...]:
        """Check one job; input and option problems come back as ``("error", code, message)``."""
        try:
            return self._run(job)
        except InputError as exc:
            return ("error", exc.code, str(exc))
        except ConfigError as exc:
            return ("error", exc.code, str(exc))
        except CorrigoError as exc:
            log.warning("check failed: %s", exc)
            return ("error", exc.code, f"the check failed: {exc}")

    def _run(self, job: dict[str, Any]) -> tuple[Any, ...]:
        from corrigo.report.render import render_json

        options = job.get("options") or {}
        config = config_for(self.base, options)
        article = _article(job, config.max_bytes)
        sources = _sources(job.get("sources"))
        report = self._checker(config).run(article, sources=sources)
        if job.get("format") == "html":
            from corrigo.report.html import render_html

            # As the CLI: the page is named after the input (its path there, the id here).
            body = render_html(report, name=article.id, show_unsupported=bool(options.get("show_unsupported")))
            return ("ok", "text/html; charset=utf-8", body, len(report.findings))
        return ("ok", "application/json", render_json(report), len(report.findings))


def _article(job: dict[str, Any], max_bytes: int) -> Any:
    from corrigo.batch import record_date
    from corrigo.ingest import parse_article
    from corrigo.ingest.decode import decode_bytes, validate_text

    given = job["article"]
    published = record_date(job.get("date"))
    if "text" in given:
        text = validate_text(given["text"], name='"text"')
        if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputError(
                f'"text" is over the {max_bytes:,}-byte limit of this server: split the article', code="too_large"
            )
        return parse_article(text, id=job.get("id"), title=job.get("title"), published=published)
    name = given["filename"]
    text = decode_bytes(given["data"], name=name, max_bytes=max_bytes)
    text, page_published = _maybe_html(text, name)
    # A stated "date" wins over the page's own, as a dateline in the text wins over both.
    return parse_article(text, id=job.get("id") or name, title=job.get("title"), published=published or page_published)


def _maybe_html(text: str, name: str) -> tuple[str, Any]:
    """An uploaded page's main text and stated date, read as ``corrigo check page.html`` reads it
    (by its name's suffix, else by the load module's own sniffing of the first bytes)."""
    from corrigo.ingest.load import HTML_SNIFF, html_to_text, page_date

    if PurePath(name).suffix.lower() in (".html", ".htm") or HTML_SNIFF.match(text[:512]):
        return html_to_text(text, name=name), page_date(text)
    return text, None


def _sources(given: list[dict[str, Any]] | None) -> list[Document] | None:
    from corrigo.batch import record_sources
    from corrigo.ingest.decode import decode_bytes

    if not given:
        return None
    records = []
    for i, s in enumerate(given):
        if "data" in s:
            name = s["filename"]
            # Sources are not held to the article's size limit (as with --source): the body limit bounds them.
            text = decode_bytes(s["data"], name=f"source {name}", max_bytes=max(1, len(s["data"])))
            text, _ = _maybe_html(text, name)
            records.append({"id": name, "text": text})
        else:
            records.append({**s, "id": s.get("id", i)})
    return record_sources(records)
