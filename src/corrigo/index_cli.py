"""``corrigo index ...``: the command line over ``corrigo.search`` (the ``search`` extra).

``add PATH...`` names each document by the folder it was found in and its path there
(``wire2021/001.txt``; a file given directly: its folder's name and its name), so that files of
the same name in two folders are two documents; ``--prefix P`` puts ``P`` in place of the
folder's name (``--prefix ''``: no prefix). JSONL lines keep their own ``id``. See
``corrigo.search.documents``.

``remove ID...`` removes the ids that are in the index and prints how many it removed. When any
id is not in the index it names those ids on stderr (with the ids they may have meant: the same
path under a folder's name) and exits 2, after removing the others, so a typo never passes
silently in a script.

In a terminal, ``add`` and ``rebuild`` show a progress bar on stderr (``indexing``, the count
``N documents`` or ``N/TOTAL documents`` when the total is known, the rate, and the time left when
the total is known), left as a finished line when they finish or fail; nothing when stderr is not
a terminal or with ``--quiet``. See ``corrigo.progress``.
"""

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
        with _progress(args) as progress:
            search.rebuild_index(path, on_progress=progress)
        sys.stdout.write(f"rebuilt the index at {path}\n")
        return 0
    index = search.open_index(args.index, create=args.index_command == "add")
    if args.index_command == "add":
        documents = search.iter_documents(args.paths, prefix=getattr(args, "prefix", None))
        with _progress(args) as progress:
            result = index.add(documents, on_progress=progress)
        sys.stdout.write(
            f"added {result.added}, replaced {result.replaced}, unchanged {result.unchanged} documents "
            f"({result.passages} passages) in {index.path}\n"
        )
    elif args.index_command == "remove":
        unknown = index.missing(args.ids)
        removed = index.remove(args.ids)
        if removed or not unknown:
            sys.stdout.write(f"removed {removed} document{'s' if removed != 1 else ''}\n")
        if unknown:
            raise InputError(_unknown_ids(index, unknown, getattr(args, "index", None)), code="unknown_id")
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


def _unknown_ids(index, unknown: list[str], index_arg: str | None) -> str:
    """Which ids are not in the index, what each may have meant, and how to see the ids."""
    named = []
    for doc_id in unknown:
        guesses = index.ids_ending(doc_id, limit=3)
        meant = f" (did you mean {', '.join(repr(g) for g in guesses)}?)" if guesses else ""
        named.append(f"{doc_id!r}{meant}")
    where = f" --index {index_arg}" if index_arg is not None else ""
    return (
        f"not in the index at {index.path}: {', '.join(named)}: give ids as "
        f"`corrigo index{where} search QUERY` prints them (the added folder's name, then the file's path "
        "in it, e.g. reference/notes.txt)"
    )


def _progress(args: argparse.Namespace):
    """The progress bar of an add or rebuild: on stderr when it is a terminal, unless --quiet."""
    from corrigo.progress import progress

    return progress("indexing", unit="documents", quiet=getattr(args, "quiet", False))
