"""The child that reads one document ends as soon as its result is sent, with what it started."""

from __future__ import annotations

import os
import subprocess
import time

from pipeline.isolated import run_isolated


def _start_helper() -> int:
    """Work that leaves a process of its own running, as a kept OCR pool does."""
    return subprocess.Popen(["sleep", "60"]).pid


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ", 1)[1].startswith("Z")  # a zombie: ended
    except FileNotFoundError:
        return True


def test_the_child_ends_with_the_processes_it_started() -> None:
    started = time.monotonic()
    pid = run_isolated(_start_helper, time_limit=60, memory_mb=None)
    took = time.monotonic() - started
    deadline = time.monotonic() + 2
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(pid), "a process the child started outlived it"
    # Not a timing goal: before, the parent waited out a 5 s grace period and killed the child.
    assert took < 4.5, f"the child did not end when its work was done ({took:.1f} s)"


def test_a_result_still_comes_back() -> None:
    assert run_isolated(lambda: os.getpid() != 0, time_limit=60, memory_mb=None) is True
