"""Run one document's work in a child process, within a time and a memory limit.

``ita extract`` and ``ita tables`` read each file this way, as ``ita batch`` does in its workers: a
file that would take an hour or 6 GB (a page of 14,400 × 14,400 pt, a content stream that never
ends) costs at most the limits, and the next file is read.  The child is forked from the command's
own process, so it starts with what the parent has already imported (a few milliseconds, not a
second of imports); it leads a process group of its own, so OCR processes it starts die with it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from schemas import DocumentError

T = TypeVar("T")


class LimitError(Exception):
    """The work did not finish: ``kind`` is ``time-limit``, ``memory-limit`` or ``crash``."""

    def __init__(self, kind: str, reason: str) -> None:
        self.kind = kind
        self.reason = reason
        super().__init__(reason)


def _child(work: Callable[[], Any], send: Connection, memory_mb: int | None) -> None:
    os.setpgrp()  # OCR processes started below die with this group
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        message: tuple[Any, ...] = ("ok", work())
    except DocumentError as err:
        message = ("document", err.path, err.reason)
    except MemoryError:
        message = ("memory",)
    except BaseException as err:  # a bug: the parent reports it as internal, with its type
        message = ("error", type(err).__name__, str(err).splitlines()[0][:300] if str(err) else "")
    try:
        send.send(message)
    except MemoryError:
        send.send(("memory",))
    finally:
        send.close()
    _end_group()


def _end_group() -> None:
    """End the child now that its result is sent, with every process it started: OCR processes
    kept for a next document (there is none in this child) would otherwise hold its exit until the
    parent's grace period ran out and it was killed, five seconds per document."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(os.getpgrp(), signal.SIGTERM)
    os._exit(0)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def run_isolated(work: Callable[[], T], time_limit: float | None, memory_mb: int | None) -> T:
    """``work()``'s result, computed in a forked child within ``time_limit`` seconds and
    ``memory_mb`` of address space (``None`` or 0: no limit).

    A ``DocumentError`` in the child is raised here as it was; running out of time or memory, or
    a child that dies, raises :class:`LimitError`; another exception raises ``RuntimeError``
    naming it.
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, send, memory_mb or None), daemon=False)
    child.start()
    send.close()
    try:
        ready = receive.poll(time_limit or None)
        if not ready:
            _kill_group(child.pid or 0)
            raise LimitError("time-limit", f"took longer than the time limit of {time_limit:g} s")
        try:
            message = receive.recv()
        except EOFError:  # the child died without a word: killed by the system, or a crash
            child.join()
            code = child.exitcode
            name = signal.Signals(-code).name if code is not None and code < 0 else f"exit {code}"
            raise LimitError("crash", f"the reading process died ({name})") from None
    finally:
        receive.close()
        child.join(timeout=5.0)  # it has sent its result and is closing
        if child.is_alive():
            _kill_group(child.pid or 0)
            child.join()
    kind = message[0]
    if kind == "ok":
        result: T = message[1]
        return result
    if kind == "document":
        raise DocumentError(message[1], message[2])
    if kind == "memory":
        cap = f"the memory limit of {memory_mb} MB" if memory_mb else "what the machine could give"
        raise LimitError("memory-limit", f"needed more memory than {cap}")
    raise RuntimeError(f"{message[1]}: {message[2]}")
