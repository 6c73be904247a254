"""The ``corrigo`` command: a thin adapter over :func:`corrigo.check` and batch mode.

Exit codes: 0 nothing flagged, 1 findings, 2 usage or input error (message on stderr, nothing on
stdout, no output file written). ``corrigo batch`` writes every record first, then exits 2 when any
line could not be checked, else 1 when any report has findings, else 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from corrigo.errors import CorrigoError, InputError

__all__ = ["main"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2 with the fix
        self.print_usage(sys.stderr)
        # self.prog is the whole command ("corrigo", "corrigo check", "corrigo index add").
        sys.stderr.write(f"corrigo: error: {message} (see `{self.prog} --help`)\n")
        raise SystemExit(EXIT_ERROR)


# Options that may come before or after the subcommand ("corrigo --no-index check x" and
# "corrigo check x --no-index"; "corrigo index --index D add x" and "corrigo index add --index D x").
# Each parser that takes them uses argparse.SUPPRESS as its default, so a later parser never
# overwrites what an earlier one read; _with_defaults fills in what no parser set.
_COMMON_DEFAULTS = {
    "min_confidence": None,
    "checks": None,
    "max_bytes": None,
    "index": None,
    "no_index": False,
    "quiet": False,
}


def _parser() -> argparse.ArgumentParser:
    from corrigo.config import CHECK_NAMES, DEFAULT_CHECKS
    from corrigo.ingest.decode import DEFAULT_MAX_BYTES
    from corrigo.ingest.load import INPUT_FORMATS
    from corrigo.report import FORMATS

    p = _Parser(
        prog="corrigo", description="Find the statements a news article contradicts, with the evidence and the fix."
    )
    p.add_argument("--version", action="version", version=f"corrigo {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--min-confidence",
            type=float,
            default=argparse.SUPPRESS,
            metavar="X",
            help="drop findings below this confidence (0-1; default 0.5)",
        )
        sp.add_argument(
            "--checks",
            default=argparse.SUPPRESS,
            metavar="NAMES",
            help=f"comma-separated internal checks to run (default {','.join(DEFAULT_CHECKS)}; "
            f"also: {','.join(n for n in CHECK_NAMES if n not in DEFAULT_CHECKS)})",
        )
        sp.add_argument(
            "--max-bytes",
            type=int,
            default=argparse.SUPPRESS,
            metavar="N",
            help=f"largest input accepted, in bytes (default {DEFAULT_MAX_BYTES})",
        )
        index_option(sp, "reference index to check claims against")
        sp.add_argument(
            "--no-index", action="store_true", default=argparse.SUPPRESS, help="check the article against itself only"
        )
        quiet_option(sp)

    def quiet_option(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--quiet",
            action="store_true",
            default=argparse.SUPPRESS,
            help="no progress bar (shown on stderr only when it is a terminal)",
        )

    def index_option(sp: argparse.ArgumentParser, what: str) -> None:
        sp.add_argument(
            "--index",
            default=argparse.SUPPRESS,
            metavar="DIR",
            help=f"{what} (default: $CORRIGO_INDEX or the user data folder)",
        )

    common(p)
    c = sub.add_parser("check", help="check articles and report what they contradict")
    c.add_argument("paths", nargs="*", default=["-"], metavar="PATH", help="text, Markdown or HTML files; - for stdin")
    c.add_argument("--format", choices=FORMATS, default="text", help="report format (default text)")
    c.add_argument("-o", "--output", metavar="OUT", help="write the report here instead of stdout (atomically)")
    c.add_argument(
        "--input-format", choices=INPUT_FORMATS, default="auto", help="how to read inputs (default: by extension)"
    )
    c.add_argument(
        "--encoding",
        default=None,
        metavar="NAME",
        help="decode inputs with this codec (e.g. cp1252, latin-1; default: UTF-8, or UTF-16 when detected)",
    )
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text reports")
    c.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="DOC",
        help="check against this document only (repeatable; files or folders): source mode, no index",
    )
    c.add_argument(
        "--show-unsupported",
        action="store_true",
        help="also list claims the reference index neither supports nor refutes",
    )
    c.add_argument(
        "--review-author",
        type=_name,
        default="Corrigo",
        metavar="NAME",
        help="with --format claimreview: the organisation named as the reviews' author (default Corrigo)",
    )
    c.add_argument(
        "--review-date",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="with --format claimreview: the reviews' publication date (default today)",
    )
    common(c)

    b = sub.add_parser("batch", help="check a JSON Lines file of articles into a JSON Lines file of reports")
    b.add_argument("input", metavar="INPUT.jsonl")
    b.add_argument("-o", "--output", required=True, metavar="OUTPUT.jsonl")
    b.add_argument("--workers", type=int, default=1, metavar="N", help="parallel processes, or Ray actors (default 1)")
    b.add_argument(
        "--resume",
        action="store_true",
        help="go on with the unfinished run whose journal (OUTPUT.jsonl.journal) is beside the output",
    )
    b.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="local processes (default), or Ray Data actors (needs corrigo[ray])",
    )
    b.add_argument(
        "--address",
        default=None,
        metavar="ADDR",
        help="with --engine ray: the cluster to join (e.g. auto, ray://head:10001; default: a local one)",
    )
    common(b)

    ix = sub.add_parser("index", help="build and query the local reference index (needs corrigo[search])")
    index_option(ix, "index folder")
    quiet_option(ix)
    isub = ix.add_subparsers(dest="index_command", metavar="ACTION", parser_class=_Parser)
    a = isub.add_parser("add", help="add or replace documents: .txt .md .html files, folders, .jsonl")
    a.add_argument("paths", nargs="+", metavar="PATH")
    a.add_argument(
        "--prefix",
        default=None,
        metavar="P",
        help="start each document id with P/ instead of the added folder's name (--prefix '' for none)",
    )
    r = isub.add_parser("remove", help="remove documents by id")
    r.add_argument("ids", nargs="+", metavar="ID")
    info = isub.add_parser("info", help="documents, passages, size and format")
    q = isub.add_parser("search", help="show the passages a query retrieves")
    q.add_argument("query", metavar="QUERY")
    q.add_argument("-k", type=int, default=5, metavar="N", help="passages to show (default 5)")
    rb = isub.add_parser("rebuild", help="rebuild the index in the current format")
    for action in (a, r, info, q, rb):
        index_option(action, "index folder")
        quiet_option(action)

    s = sub.add_parser(
        "serve",
        help="run the HTTP API and the web page (needs corrigo[serve])",
        description="Serve POST /check, the index routes and a web page at /. On an address other than "
        "127.0.0.1 it needs an API key in $CORRIGO_API_KEY (clients send X-API-Key or Authorization: Bearer).",
    )
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000; 0: any free port)")
    s.add_argument(
        "--workers", type=int, default=None, metavar="N", help="checking processes (default: cores, at most 4)"
    )
    s.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="S",
        help="seconds a request may take, waiting for a worker included (default 120; 503/504 beyond)",
    )
    s.add_argument(
        "--allow-public-without-key",
        action="store_true",
        help="listen on a non-loopback --host without $CORRIGO_API_KEY (only behind something that authenticates)",
    )
    s.add_argument("--no-access-log", action="store_true", help="do not log a line per request on stderr")
    common(s)
    # The innermost command parsed reports unknown arguments, so its --help is the one named.
    for sp in (p, c, b, ix, a, r, info, q, rb, s):
        sp.set_defaults(_usage=sp)
    return p


def _iso_date(value: str) -> dt.date:
    """An argparse type: a calendar date written YYYY-MM-DD (anything else is a usage error)."""
    try:
        # fromisoformat alone would also take 20240309 and 2024-W10-6.
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: give it as YYYY-MM-DD, e.g. 2024-03-09") from None


def _name(value: str) -> str:
    """An argparse type: a name with something in it other than spaces."""
    if not value.strip():
        raise argparse.ArgumentTypeError("the name is empty: give the organisation's name")
    return value.strip()


def _with_defaults(args: argparse.Namespace) -> argparse.Namespace:
    for name, value in _COMMON_DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, value)
    return args


def _version() -> str:
    from corrigo import __version__

    return __version__


def _config(args: argparse.Namespace):
    from corrigo.config import Config

    options = {}
    if args.min_confidence is not None:
        options["min_confidence"] = args.min_confidence
    if args.checks is not None:
        options["checks"] = tuple(n.strip() for n in args.checks.split(",") if n.strip())
    if args.max_bytes is not None:
        options["max_bytes"] = args.max_bytes
    if args.index is not None:
        options["index"] = args.index
    if args.no_index:
        if args.index is not None:
            raise InputError(
                f"--no-index and --index {args.index} contradict each other: give one of them", code="usage"
            )
        options["use_index"] = False
    if getattr(args, "show_unsupported", False):
        options["find_unsupported"] = True
    return Config.from_options(**options)


def _sources(paths: list[str]):
    """Read --source documents (files, folders, .jsonl) without needing the search extra."""
    if not paths:
        return None
    from corrigo.search.documents import iter_documents

    # Source documents are named by their own paths' tails: no folder prefix (clashes still get one).
    docs = list(iter_documents(paths, prefix=""))
    if not docs:
        raise InputError(f"no documents found in --source {' '.join(paths)}: give .txt, .md, .html or .jsonl files")
    return docs


def _check(args: argparse.Namespace) -> int:
    from corrigo.batch import check_output_path, write_atomic
    from corrigo.ingest.load import load_article
    from corrigo.pipeline import Checker
    from corrigo.report import render

    config = _config(args)
    if args.paths.count("-") > 1:
        raise InputError("standard input (-) can be read only once: give it once", code="usage")
    if args.output:
        check_output_path(Path(args.output))
    if "-" in args.paths and sys.stdin.isatty():
        sys.stderr.write(
            "corrigo: reading the article from standard input; end it with Ctrl-D "
            "(Ctrl-Z Enter on Windows), or give a file: corrigo check FILE\n"
        )
    # Read every input before printing anything: a bad third file must not leave two reports behind.
    articles = [
        (p, load_article(p, input_format=args.input_format, max_bytes=config.max_bytes, encoding=args.encoding))
        for p in args.paths
    ]
    sources = _sources(args.source)
    checker = Checker(config)
    reports = [(p, checker.run(a, sources=sources)) for p, a in articles]
    color = args.color == "always" or (
        args.color == "auto" and args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    if args.format == "json" and len(reports) > 1:
        import json

        body = (
            json.dumps(
                {"reports": [{"path": p, "report": r.to_dict()} for p, r in reports]}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
    elif args.format == "html":
        from corrigo.report.html import render_html_pages

        # One page, one section per input (several whole pages in a row would not be valid HTML).
        body = render_html_pages(
            [(None if p == "-" else p, r) for p, r in reports], show_unsupported=args.show_unsupported
        )
    elif args.format == "claimreview":
        from corrigo.report.claimreview import render_claimreview

        # One JSON-LD document per run: every input's reviews go into one graph.
        body = render_claimreview([r for _, r in reports], author=args.review_author, date=args.review_date)
    else:
        parts = [
            render(r, args.format, name=None if p == "-" else p, color=color, show_unsupported=args.show_unsupported)
            for p, r in reports
        ]
        body = ("\n" if args.format != "json" else "").join(parts)
    if args.output:
        write_atomic(Path(args.output), [body.rstrip("\n")])
    else:
        sys.stdout.write(body)
    return EXIT_FINDINGS if any(r.findings for _, r in reports) else EXIT_CLEAN


def _batch(args: argparse.Namespace) -> int:
    import time

    from corrigo.batch import check_batch_paths, count_lines, run_batch
    from corrigo.batch_journal import journal_path
    from corrigo.progress import progress

    if args.workers < 1:
        raise InputError("--workers must be at least 1", code="usage")
    if args.address is not None and args.engine != "ray":
        raise InputError("--address is for --engine ray: add --engine ray, or leave --address out", code="usage")
    config = _config(args)
    src, dst = Path(args.input), Path(args.output)
    check_batch_paths(src, dst)  # before a bar is drawn
    t0 = time.monotonic()
    try:
        with progress("checking", unit="lines", quiet=args.quiet) as bar:
            # The total only when a bar is shown: counting reads the input once more.
            total = count_lines(src) if bar.enabled else None
            summary = run_batch(
                src,
                dst,
                config,
                workers=args.workers,
                on_progress=bar,
                total=total,
                resume=args.resume,
                engine=args.engine,
                address=args.address,
            )
    except KeyboardInterrupt:
        journal = journal_path(dst)
        if journal.exists():
            sys.stderr.write(
                f"corrigo: interrupted; the records so far are kept in {journal}: "
                "run the same command with --resume to go on\n"
            )
        else:
            sys.stderr.write("corrigo: interrupted; no output written\n")
        return 130
    seconds = time.monotonic() - t0
    sys.stderr.write(
        f"corrigo: {summary.lines} lines: {summary.checked} checked, {summary.with_findings} with findings, "
        f"{summary.errors} errors → {args.output} ({seconds:.1f} s)\n"
    )
    # A script must not mistake a run with failed lines for a clean one: errors outrank findings.
    if summary.errors:
        sys.stderr.write(
            f"corrigo: {summary.errors} line{'s' if summary.errors != 1 else ''} could not be checked: "
            f'see the records with an "error" field (each names its "line") in {args.output}\n'
        )
        return EXIT_ERROR
    return EXIT_FINDINGS if summary.with_findings else EXIT_CLEAN


def _serve(args: argparse.Namespace) -> int:
    from corrigo import serve

    if not serve.available():
        raise InputError(serve.NOT_INSTALLED, code="not_installed")
    from corrigo.serve.run import run_server
    from corrigo.serve.settings import DEFAULT_TIMEOUT_S, ServeSettings, api_key_from_env, default_workers

    settings = ServeSettings(
        config=_config(args),
        workers=args.workers if args.workers is not None else default_workers(),
        timeout_s=args.timeout if args.timeout is not None else DEFAULT_TIMEOUT_S,
        api_key=api_key_from_env(),
        access_log=not args.no_access_log,
    )
    return run_server(settings, args.host, args.port, allow_public_without_key=args.allow_public_without_key)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        args._usage.error(f"unrecognized arguments: {' '.join(unknown)}")
    args = _with_defaults(args)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "index":
            from corrigo.index_cli import run_index_command

            return run_index_command(args)
        if args.command == "serve":
            return _serve(args)
        return _check(args) if args.command == "check" else _batch(args)
    except CorrigoError as exc:
        sys.stderr.write(f"corrigo: error: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("corrigo: interrupted; no output written\n")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
