"""A fixed number of worker processes that check articles, each loading the models once.

Checking is CPU-bound, so it runs outside the server's event loop, in ``workers`` processes
started with ``spawn`` (a clean interpreter, nothing inherited from the server's threads), each
with one thread for spaCy, BLAS and onnxruntime. Each worker warms its models up before it takes
a request. Requests wait for a free worker in arrival order.

Not ``concurrent.futures.ProcessPoolExecutor``: a check that runs past the time limit must be
stopped, or a few slow requests would hold every worker, and that executor can't stop one task
without breaking the whole pool. Here each worker has its own pipe: one that runs over (or dies)
is killed and replaced while the others go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing as mp
import os
import signal
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from corrigo.batch import ONE_THREAD
from corrigo.config import Config
from corrigo.errors import CorrigoError

__all__ = ["CheckTimeout", "PoolBusy", "WorkerFailed", "WorkerPool"]

log = logging.getLogger(__name__)


class PoolBusy(CorrigoError):
    """No worker came free within the time limit (or too many requests were already waiting)."""

    code = "busy"


class CheckTimeout(CorrigoError):
    """A check ran past the time limit; its worker was stopped."""

    code = "timeout"


class WorkerFailed(CorrigoError):
    """A worker died or failed to start."""

    code = "worker_failed"


def _worker_main(conn: Any, options: dict[str, Any]) -> None:
    """A worker process: load the models, say ready, then answer jobs until told to stop."""
    os.environ.update(ONE_THREAD)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server, which stops its workers
    from corrigo.serve.jobs import JobRunner

    try:
        runner = JobRunner(Config(**options))
        runner.warm_up()
    except Exception as exc:  # reported by the server, which refuses to start without workers
        conn.send(("failed", f"{exc}"))
        return
    try:
        conn.send(("ready", os.getpid()))
        while (job := conn.recv()) is not None:
            try:
                result = runner.run(job)
            except Exception:  # a bug: the traceback goes to the server's log, never to a client
                result = ("crash", traceback.format_exc())
            conn.send(result)
    except (EOFError, OSError):  # the server went away (or stopped waiting for this worker)
        return


def _roundtrip(conn: Any, job: Any) -> Any:
    conn.send(job)
    return conn.recv()


def _close_after(done: Any, conn: Any) -> None:
    if not done.cancelled():
        done.exception()  # retrieved, so that it is not reported as lost
    conn.close()


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Any


class WorkerPool:
    """``size`` worker processes behind an async ``run(job, timeout_s)``.

    Example:
        >>> pool = WorkerPool(Config(use_index=False), size=1)  # doctest: +SKIP
        >>> await pool.start()                                  # doctest: +SKIP
        >>> await pool.run({"format": "json", "article": {"text": "..."}}, timeout_s=60)  # doctest: +SKIP
    """

    def __init__(self, config: Config, size: int, *, max_waiting: int = 64, start_timeout_s: float = 180.0) -> None:
        self.size = size
        self.max_waiting = max_waiting
        self.start_timeout_s = start_timeout_s
        self.failure: str | None = None  # why the last replacement worker could not start
        self._options = config.model_dump()
        self._ctx = mp.get_context("spawn")
        # Threads only wait on pipes: one per busy worker, per starting worker, and stragglers.
        self._threads = ThreadPoolExecutor(max_workers=2 * size + 4, thread_name_prefix="corrigo-pipe")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._workers: set[_Worker] = set()
        self._starting: set[asyncio.Task[None]] = set()
        self._waiting = 0
        self._closed = False

    def status(self) -> dict[str, Any]:
        idle = self._idle.qsize() if self._idle is not None else 0
        return {
            "workers": self.size,
            "running": len(self._workers),
            "idle": idle,
            "waiting": self._waiting,
            "starting": len(self._starting),
            "failure": self.failure,
        }

    async def start(self) -> None:
        """Start every worker and wait until each has loaded its models."""
        self._idle = asyncio.Queue()
        results = await asyncio.gather(*(self._spawn() for _ in range(self.size)), return_exceptions=True)
        failed = [r for r in results if isinstance(r, BaseException)]
        for r in results:
            if isinstance(r, _Worker):
                self._idle.put_nowait(r)
        if failed:
            await self.close()
            raise WorkerFailed(f"a worker could not start: {failed[0]}")

    async def _spawn(self) -> _Worker:
        loop = asyncio.get_running_loop()
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, self._options), name="corrigo-worker")
        process.daemon = True
        await loop.run_in_executor(self._threads, process.start)
        child.close()  # the worker holds the other end now: its death ends our reads with EOFError
        worker = _Worker(process, parent)
        try:
            message = await asyncio.wait_for(loop.run_in_executor(self._threads, parent.recv), self.start_timeout_s)
        except (TimeoutError, EOFError, OSError) as exc:
            self._kill(worker)
            why = "took too long to load its models" if isinstance(exc, TimeoutError) else "stopped while starting"
            raise WorkerFailed(f"the worker {why}") from exc
        except asyncio.CancelledError:  # the server is stopping while this worker starts
            self._kill(worker)
            raise
        if message[0] != "ready":
            self._kill(worker)
            raise WorkerFailed(message[1])
        self._workers.add(worker)
        log.debug("worker %s ready", process.pid)
        return worker

    async def run(self, job: dict[str, Any], timeout_s: float) -> tuple[Any, ...]:
        """The worker's answer to ``job``, within ``timeout_s`` seconds, waiting for a worker included.

        Raises:
            PoolBusy: no worker came free in time, or too many requests are waiting already.
            CheckTimeout: the check ran over; its worker was stopped and is being replaced.
            WorkerFailed: the worker died during the check.
        """
        if self._idle is None or self._closed:
            raise PoolBusy("the server is not ready (starting or stopping): retry in a moment")
        if not self._workers and not self._starting:
            why = f" (the last one could not start: {self.failure})" if self.failure else ""
            raise PoolBusy(f"no worker is running{why}: see the server's log and restart it")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        if self._idle.empty() and self._waiting >= self.max_waiting:
            raise PoolBusy(f"{self._waiting} requests are already waiting for a worker: retry later")
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout_s)
        except TimeoutError:
            raise PoolBusy(
                f"all {self.size} workers stayed busy for the whole {timeout_s:g} s time limit: retry later, "
                "or start the server with more --workers"
            ) from None
        finally:
            self._waiting -= 1
        remaining = deadline - loop.time()
        if remaining < 0.05:  # no time left to check: don't hand the worker a job it would be killed for
            self._idle.put_nowait(worker)
            raise PoolBusy(f"a worker came free only at the end of the {timeout_s:g} s time limit: retry")
        pending = self._threads.submit(_roundtrip, worker.conn, job)
        try:
            result = await asyncio.wait_for(asyncio.wrap_future(pending), remaining)
        except TimeoutError:
            self._replace(worker, pending, "ran past the time limit")
            raise CheckTimeout(
                f"the check took longer than the {timeout_s:g} s time limit and was stopped: split the article, "
                "or start the server with a longer --timeout"
            ) from None
        except (EOFError, OSError) as exc:
            self._replace(worker, pending, "died")
            raise WorkerFailed("the worker checking this article stopped unexpectedly") from exc
        except asyncio.CancelledError:  # the server is stopping mid-check
            self._replace(worker, pending, "was cancelled")
            raise
        self._idle.put_nowait(worker)
        return result

    def _replace(self, worker: _Worker, pending: Any, why: str) -> None:
        log.warning("worker %s %s: stopping it and starting another", worker.process.pid, why)
        self._kill(worker)
        # The pipe is closed only once the thread reading it has returned (EOFError, now the worker is dead).
        pending.add_done_callback(lambda f: _close_after(f, worker.conn))
        if self._closed:
            return
        task = asyncio.get_running_loop().create_task(self._respawn())
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def _respawn(self) -> None:
        try:
            worker = await self._spawn()
        except WorkerFailed as exc:
            self.failure = str(exc)
            log.error(
                "a replacement worker could not start (%s): %d of %d workers left", exc, len(self._workers), self.size
            )
            return
        if self._closed or self._idle is None:
            self._kill(worker)
            return
        self.failure = None
        self._idle.put_nowait(worker)

    def _kill(self, worker: _Worker) -> None:
        self._workers.discard(worker)
        with contextlib.suppress(Exception):
            worker.process.kill()
        with contextlib.suppress(Exception):
            self._threads.submit(worker.process.join, 5)

    async def close(self) -> None:
        """Stop every worker: idle ones are asked to finish, busy ones are killed."""
        self._closed = True
        for task in list(self._starting):
            task.cancel()
        idle = []
        while self._idle is not None and not self._idle.empty():
            idle.append(self._idle.get_nowait())
        for worker in idle:
            with contextlib.suppress(Exception):
                worker.conn.send(None)
        loop = asyncio.get_running_loop()
        for worker in idle:
            await loop.run_in_executor(self._threads, worker.process.join, 5)
            self._kill(worker)  # still there after 5 s: stop it
            worker.conn.close()
        for worker in list(self._workers):
            self._kill(worker)
        self._workers.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)
