"""Batch mode on Ray Data (``corrigo batch --engine ray``, needs ``corrigo[ray]``).

The driver (the ``corrigo batch`` process) reads the input, skips the lines its journal already
holds and hands the rest to Ray Data in chunks of :data:`CHUNK` lines, split into blocks; a pool
of actors, each with one :class:`~corrigo.pipeline.Checker` (models loaded once per actor, the
index opened read-only), checks them with the same :func:`corrigo.batch.check_item` as the local
engine, so the records are the same. Records stream back to the driver as they finish and go into
the journal there, so resuming works as with the local engine.

Without ``address`` a local cluster of ``workers`` CPUs is started (no dashboard, no usage
statistics, bound to 127.0.0.1: it needs no network) and stopped at the end; with ``address``
(``auto``, ``ray://host:10001``, ``host:6379``) the run joins that cluster, whose nodes must have
Corrigo installed and read the index at the same path.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from corrigo.batch import ONE_THREAD, Item, check_item
from corrigo.errors import CorrigoError, InputError

__all__ = ["BATCH", "BLOCK", "CHUNK", "NOT_INSTALLED", "check_on_ray"]

log = logging.getLogger(__name__)

CHUNK = 20_000  # lines per dataset: bounds what the driver holds; each chunk starts its actors anew
BATCH = 8  # lines per actor call
BLOCK = 32  # lines per Ray block: records come back a block at a time, so a small one streams them
NOT_INSTALLED = "--engine ray needs Ray Data, which is not installed: run `pip install 'corrigo[ray]'`"


class _CheckActor:
    """One Ray actor: a Checker made once, then called on batches of work items."""

    def __init__(self, options: dict[str, Any]) -> None:
        os.environ.update(ONE_THREAD)
        from corrigo.config import Config
        from corrigo.pipeline import Checker

        self.checker = Checker(Config(**options))
        self.checker.warm_up()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        records = [
            json.dumps(check_item((int(n), str(line), int(first)), self.checker), ensure_ascii=False)
            for n, line, first in zip(batch["number"], batch["line"], batch["first"], strict=True)
        ]
        return {"record": np.array(records, dtype=object)}


def check_on_ray(
    items: Iterable[Item], options: dict[str, Any], *, workers: int = 1, address: str | None = None
) -> Iterator[dict[str, Any]]:
    """The records of ``items`` checked on ``workers`` Ray actors, in the order they finish.

    Raises:
        InputError: Ray Data is not installed, or the cluster at ``address`` can't be reached.
    """
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never report usage over the network
    try:
        import ray
        import ray.data
        import ray.exceptions
    except ImportError as exc:
        raise InputError(NOT_INSTALLED, code="not_installed") from exc
    started = _connect(ray, address, workers)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the CLI draws its own
        context.print_on_execution_start = False
        items = iter(items)
        while chunk := list(islice(items, CHUNK)):
            dataset = ray.data.from_items(
                [{"number": n, "line": line, "first": first} for n, line, first in chunk],
                override_num_blocks=-(-len(chunk) // BLOCK),
            )
            checked = dataset.map_batches(
                _CheckActor,
                fn_constructor_kwargs={"options": options},
                compute=ray.data.ActorPoolStrategy(size=workers),
                batch_size=BATCH,
                batch_format="numpy",
                num_cpus=1,
            )
            try:
                for row in checked.iter_rows():
                    yield json.loads(row["record"])
            except (ray.exceptions.RayError, OSError) as exc:  # an actor or node lost: no line is at fault
                raise CorrigoError(
                    f"the Ray run failed ({type(exc).__name__}: {str(exc)[:300]}): the records so far are kept, "
                    "run the same command with --resume to go on"
                ) from exc
    finally:
        if started:
            ray.shutdown()


def _connect(ray: Any, address: str | None, workers: int) -> bool:
    """Join the cluster at ``address``, or start a local one of ``workers`` CPUs (True: we started it)."""
    runtime_env = {"env_vars": dict(ONE_THREAD)}
    if ray.is_initialized():
        return False
    if address is None:
        ray.init(
            num_cpus=workers,
            include_dashboard=False,
            _node_ip_address="127.0.0.1",
            configure_logging=False,
            log_to_driver=False,
            runtime_env=runtime_env,
        )
        return True
    try:
        ray.init(address=address, configure_logging=False, log_to_driver=False, runtime_env=runtime_env)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise InputError(
            f"no Ray cluster at --address {address} ({exc}): start one with `ray start --head` or check the address",
            code="no_cluster",
        ) from exc
    return True
