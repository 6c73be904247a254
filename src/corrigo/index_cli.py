"""``corrigo index ...``: the command line over ``corrigo.search`` (the ``search`` extra)."""

from __future__ import annotations

import argparse
import sys

from corrigo.errors import InputError

__all__ = ["run_index_command"]

NOT_INSTALLED = (
    "the search module is not installed: install corrigo[search] "
    "(pip install 'corrigo[search]') to build and query a reference index"
)


def run_index_command(args: argparse.Namespace) -> int:
    from corrigo import search

    if not search.available():
        raise InputError(NOT_INSTALLED, code="not_installed")
    if args.index_command is None:
        raise InputError("say what to do: corrigo index add|remove|info|search|rebuild", code="usage")
    if args.index_command == "rebuild":
        path = args.index or search.default_index_path()
        search.rebuild_index(path, on_progress=_progress())
        sys.stdout.write(f"rebuilt the index at {path}\n")
        return 0
    index = search.open_index(args.index, create=args.index_command == "add")
    if args.index_command == "add":
        result = index.add(search.iter_documents(args.paths), on_progress=_progress())
        sys.stdout.write(
            f"added {result.added}, replaced {result.replaced}, unchanged {result.unchanged} documents "
            f"({result.passages} passages) in {index.path}\n"
        )
    elif args.index_command == "remove":
        removed = index.remove(args.ids)
        sys.stdout.write(f"removed {removed} document{'s' if removed != 1 else ''}\n")
    elif args.index_command == "info":
        info = index.info()
        sys.stdout.write(
            f"index: {info.path}\nformat: {info.format_version}\ndocuments: {info.documents}\n"
            f"passages: {info.passages}\ndisk: {info.disk_bytes / 1e6:.1f} MB\nembedding: {info.embedding}\n"
        )
    else:
        for rank, p in enumerate(index.search(args.query, args.k), 1):
            date = f", {p.date.isoformat()}" if p.date else ""
            sys.stdout.write(
                f"{rank}. {p.doc_id} [{p.start}:{p.end}]{date}  score {p.score:.3f}\n   {' '.join(p.text.split())}\n"
            )
    return 0


def _progress():
    """A progress line on stderr for long adds, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        sys.stderr.write(f"\rindexing: {done}/{total} documents")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return report
