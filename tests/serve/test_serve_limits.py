"""The time limit, a full pool, and a worker that fails: JSON answers, and the pool recovers."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from corrigo.config import Config
from corrigo.serve.settings import ServeSettings

from .conftest import PAY_STORY, _client

# About 150 KB of story: several seconds of checking, far over the 1 s limit below.
LONG = "Council approves budget\n\n" + "".join(
    f"The council said {n} of its {n + 40} staff in ward {n} would move to the new office in {1990 + n % 30}.\n\n"
    for n in range(1500)
)


@pytest.fixture(scope="module")
def slow_client():
    """One worker and a 1 s time limit."""
    yield from _client(ServeSettings(config=Config(use_index=False), workers=1, timeout_s=1.0, access_log=False))


def _wait_for_workers(client, running: int = 1, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        health = client.get("/health").json()
        if health["workers"]["running"] == running and health["workers"]["idle"] == running:
            return health
        time.sleep(0.1)
    raise AssertionError(f"the pool did not recover: {health}")


def test_over_the_time_limit_is_504_busy_is_503_and_the_worker_is_replaced(slow_client):
    with ThreadPoolExecutor(2) as pool:
        slow = pool.submit(slow_client.post, "/check", json={"text": LONG})
        time.sleep(0.3)  # the long check holds the only worker
        waiting = pool.submit(slow_client.post, "/check", json={"text": PAY_STORY})
        slow, waiting = slow.result(timeout=30), waiting.result(timeout=30)
    assert slow.status_code == 504 and slow.json()["error"]["code"] == "timeout"
    assert "longer than the 1 s time limit" in slow.json()["error"]["message"]
    assert waiting.status_code == 503 and waiting.json()["error"]["code"] == "busy"
    assert waiting.headers["retry-after"] == "5" and "more --workers" in waiting.json()["error"]["message"]
    # The worker that ran over was killed and a fresh one started: the next check works.
    _wait_for_workers(slow_client)
    r = slow_client.post("/check", json={"text": PAY_STORY})
    assert r.status_code == 200 and r.json()["text"] == PAY_STORY


def test_a_bug_in_a_worker_is_logged_not_sent_and_the_worker_goes_on(slow_client, caplog):
    pool = slow_client.app.state.pool
    _wait_for_workers(slow_client)
    # A job without an article: the worker's code fails on it (as a bug in a check would).
    answer = slow_client.portal.call(pool.run, {"format": "json"}, 10.0)
    assert answer[0] == "crash" and "KeyError: 'article'" in answer[1]
    r = slow_client.post("/check", json={"text": PAY_STORY})
    assert r.status_code == 200 and pool.status()["running"] == 1


def test_a_worker_that_dies_is_a_500_and_is_replaced(slow_client):
    pool = slow_client.app.state.pool
    _wait_for_workers(slow_client)
    (worker,) = list(pool._workers)
    with ThreadPoolExecutor(1) as threads:
        pending = threads.submit(slow_client.post, "/check", json={"text": LONG})
        time.sleep(0.3)
        worker.process.kill()
        r = pending.result(timeout=30)
    assert r.status_code == 500 and r.json()["error"]["code"] == "worker_failed"
    assert "Traceback" not in r.text
    _wait_for_workers(slow_client)
    assert slow_client.post("/check", json={"text": PAY_STORY}).status_code == 200


def test_a_worker_that_cannot_load_its_model_stops_the_start_with_the_reason():
    from corrigo.serve.workers import WorkerFailed

    settings = ServeSettings(config=Config(use_index=False, spacy_model="no_such_model"), workers=1)
    with pytest.raises(WorkerFailed, match="the spaCy model package 'no_such_model' is not installed"):
        next(_client(settings))
