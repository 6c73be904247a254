"""The server's options, with every default visible, and the policy on where it may listen.

The bind policy: the server listens on 127.0.0.1 unless told otherwise. On any other address it
refuses to start without an API key (``CORRIGO_API_KEY``), because anyone who can reach it could
otherwise run checks on its CPUs and add to or delete from its reference index; an operator who
really wants an open server (behind their own proxy that authenticates) says so with
``--allow-public-without-key`` and gets a warning instead.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from corrigo.config import Config
from corrigo.errors import ConfigError

__all__ = [
    "API_KEY_ENV",
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_TIMEOUT_S",
    "ServeSettings",
    "api_key_from_env",
    "check_bind",
    "default_workers",
    "is_loopback",
]

API_KEY_ENV = "CORRIGO_API_KEY"
DEFAULT_MAX_BODY_BYTES = 10_000_000  # 10 MB: a 1 MB article with a few large source documents
# The largest article accepted by default (1 MB) takes about a minute on one core
# (BENCHMARKS.md "long_texts"), so the default leaves it room; a news story takes well under a second.
DEFAULT_TIMEOUT_S = 120.0
_MIN_KEY_CHARS = 16


def default_workers() -> int:
    """One worker per usable core, at most 4 (each holds its own models, about 250 MB)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """Everything :func:`corrigo.serve.create_app` needs to know.

    Example:
        >>> ServeSettings(workers=1, timeout_s=30).max_body_bytes
        10000000
    """

    # The checking options every request starts from (a request's "options" may change some).
    config: Config = field(default_factory=Config)
    # Processes that check articles, each with its own loaded models; requests beyond that wait.
    workers: int = field(default_factory=default_workers)
    # Seconds a request may take in all, waiting for a worker included: 503 when no worker came
    # free in time, 504 when the check itself ran over (that worker is then stopped and replaced).
    timeout_s: float = DEFAULT_TIMEOUT_S
    # Largest request body read, in bytes, counted as it arrives (413 beyond).
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    # Requests that may wait for a worker at once; more are answered 503 at once.
    max_waiting: int = 64
    # When set, the check and index routes need it (X-API-Key or Authorization: Bearer).
    api_key: str | None = None
    # Log one line per request to the "corrigo.serve.access" logger.
    access_log: bool = True
    # Seconds a new worker may take to load its models before the server gives up on it.
    start_timeout_s: float = 180.0

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ConfigError(f"workers is {self.workers}: give at least 1 (--workers N)")
        if not self.timeout_s > 0:
            raise ConfigError(f"the time limit is {self.timeout_s} s: give a positive number of seconds (--timeout S)")
        if self.max_body_bytes < 1:
            raise ConfigError(f"max_body_bytes is {self.max_body_bytes}: give a positive number of bytes")
        if self.max_waiting < 0:
            raise ConfigError(f"max_waiting is {self.max_waiting}: give 0 or more")


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach: 127.0.0.0/8, ::1 and ``localhost``."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # another host name: it may resolve to anything
        return False


def api_key_from_env(environ: Mapping[str, str] | None = None) -> str | None:
    """The API key from ``CORRIGO_API_KEY``; None when unset. A set but blank key is an error
    (it would silently turn authentication off)."""
    env = os.environ if environ is None else environ
    if API_KEY_ENV not in env:
        return None
    key = env[API_KEY_ENV].strip()
    if not key:
        raise ConfigError(
            f"{API_KEY_ENV} is set but empty: give it a long random value, or unset it to run without a key"
        )
    return key


def check_bind(host: str, api_key: str | None, allow_public_without_key: bool) -> list[str]:
    """Refuse a non-loopback address without a key (unless allowed); return warnings to show."""
    warnings = []
    if api_key is not None and len(api_key) < _MIN_KEY_CHARS:
        warnings.append(
            f"{API_KEY_ENV} is only {len(api_key)} characters: use at least {_MIN_KEY_CHARS} random ones "
            '(e.g. python -c "import secrets; print(secrets.token_urlsafe(24))")'
        )
    if is_loopback(host) or api_key is not None:
        return warnings
    if not allow_public_without_key:
        raise ConfigError(
            f"--host {host} is not a loopback address, and no API key is set: anyone who can reach this machine "
            f"could run checks and change the index. Set {API_KEY_ENV} to a long random value (clients send it as "
            "X-API-Key or Authorization: Bearer), or pass --allow-public-without-key if something in front of "
            "the server already authenticates"
        )
    warnings.append(f"listening on {host} without an API key: anyone who can reach it can check and change the index")
    return warnings
