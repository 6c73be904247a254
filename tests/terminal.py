"""Test helpers for output meant for a terminal: a stream that says it is one, escape codes
stripped, and ``python -m corrigo`` run with stderr on a pseudo-terminal."""

from __future__ import annotations

import io
import os
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


class Terminal(io.StringIO):
    """A text stream that reports itself as a terminal."""

    def isatty(self) -> bool:
        return True


def plain(text: str) -> str:
    """``text`` without terminal escape sequences (colours, cursor moves, line erasing)."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


def run_corrigo(args: list[str], *, stderr_on_a_terminal: bool = True) -> tuple[int, bytes, str]:
    """Run ``python -m corrigo ARGS`` from the repository; its status, stdout and stderr (read from
    a pseudo-terminal, or from a pipe)."""
    if not stderr_on_a_terminal:
        done = subprocess.run(
            [sys.executable, "-m", "corrigo", *args], stdin=subprocess.DEVNULL, capture_output=True, cwd=REPO
        )
        return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "corrigo", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=slave,
            cwd=REPO,
        )
        os.close(slave)
        slave = -1
        chunks = []
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                proc.kill()
                pytest.fail(f"corrigo {' '.join(args[:2])} hung with stderr on a terminal")
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.stdout is not None
        out = proc.stdout.read()
        proc.stdout.close()
        return proc.wait(timeout=120), out, b"".join(chunks).decode("utf-8", "replace")
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
