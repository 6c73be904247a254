"""Progress on a terminal for long commands (``corrigo batch``, ``corrigo index add|rebuild``).

:func:`progress` returns a bar drawn with ``rich`` on stderr, showing the description, a bar, the
count (``DONE/TOTAL UNIT``), the rate (``N.N/s``: the average from the bar's making to the last
update, steady when results come in bursts, not counting what a resumed run found done), the
time left at that rate and, when the caller counts them, the errors so far. When the total is not
known the bar pulses and only the count (``DONE UNIT``) and the rate are shown, no time left. The
bar is not transient: when the work ends (or fails) its last state stays as one finished line, so
what is written next starts on a line of its own.

Nothing is drawn when stderr is not a terminal or when ``quiet`` is set: :func:`progress` then
returns a :class:`NoProgress`, which has the same methods and does nothing. Nothing is ever written
to stdout, and stdout is not redirected while the bar is shown.

Both kinds are ``on_progress(done, total[, errors])`` callbacks (``Index.add``, ``rebuild_index``,
``run_batch``) and context managers that close the bar on exit.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["NoProgress", "ProgressBar", "progress"]


class NoProgress:
    """The progress of a run that shows none: every method does nothing."""

    enabled = False

    def __call__(self, done: int, total: int | None = None, errors: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProgressBar(NoProgress):
    """A ``rich`` progress bar on ``stream`` (a terminal), drawn from the first update, ended by :meth:`close`."""

    enabled = True

    def __init__(self, description: str, total: int | None = None, *, unit: str = "", stream: Any = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn
        from rich.text import Text

        class _Count(ProgressColumn):
            def render(self, task):
                done = f"{task.completed:.0f}"
                count = done if task.total is None else f"{done}/{task.total:.0f}"
                return Text(f"{count} {unit}".rstrip())

        def rate(task) -> float | None:  # items a second, from the bar's making to the last update
            at = task.fields.get("at")
            elapsed = None if at is None or task.start_time is None else at - task.start_time
            done = task.completed - task.fields.get("base", 0)  # not counting what a resumed run found done
            return done / elapsed if done > 0 and elapsed else None

        class _Rate(ProgressColumn):
            def render(self, task):
                speed = rate(task)
                return Text("" if speed is None else f"{speed:.1f}/s")

        class _Eta(ProgressColumn):
            def render(self, task):
                if task.total is None:  # no total, no time left to show
                    return Text("")
                speed = rate(task)
                if speed is None:
                    return Text("-:--:--", style="progress.remaining")
                left = round(max(task.total - task.completed, 0) / speed)
                return Text(f"{left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}", style="progress.remaining")

        class _Errors(ProgressColumn):
            def render(self, task):
                errors = task.fields.get("errors")
                return Text("" if errors is None else f"{errors} error{'s' if errors != 1 else ''}")

        console = Console(file=stream if stream is not None else sys.stderr)
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            _Count(),
            _Rate(),
            _Eta(),
            _Errors(),
            console=console,
            transient=False,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._progress.add_task(description, total=total)
        self._state = "new"  # drawn from the first update on ("open"), until closed ("closed")

    def _start(self) -> None:
        if self._state == "new":
            self._state = "open"
            self._progress.start()

    def __call__(self, done: int, total: int | None = None, errors: int | None = None) -> None:
        """Record that ``done`` items are finished, of ``total`` (None: not known), ``errors`` of
        them failed (None: not counted). The rate counts from the first update's ``done`` on, so a
        resumed run's rate is its own."""
        fields = {} if errors is None else {"errors": errors}
        if self._state == "new":
            fields["base"] = done
        self._progress.update(self._task, completed=done, total=total, at=self._progress.get_time(), **fields)
        self._start()

    def advance(self, n: int = 1) -> None:
        self._progress.advance(self._task, n)
        self._progress.update(self._task, at=self._progress.get_time())
        self._start()

    def close(self) -> None:
        """Draw the last state and end the line (once; nothing when nothing was drawn)."""
        if self._state == "open":
            self._progress.refresh()
            self._progress.stop()
        self._state = "closed"


def progress(description: str, total: int | None = None, *, unit: str = "", quiet: bool = False) -> NoProgress:
    """A progress bar on stderr when it is a terminal and ``quiet`` is not set; else a :class:`NoProgress`."""
    if quiet or not sys.stderr.isatty():
        return NoProgress()
    return ProgressBar(description, total, unit=unit)
