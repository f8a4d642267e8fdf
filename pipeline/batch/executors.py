"""Run documents in isolated worker processes, on this machine or on a Dask cluster.

Each document is read in a worker process (:mod:`pipeline.batch.worker`) with a memory cap; the
supervisor side here enforces the time limit (it kills a worker that overruns and starts a fresh
one) and turns a worker that dies into an error outcome, so a bad document never stops the batch.

* **local** (:func:`run_local`): ``N`` threads, each driving its own worker process; outcomes come
  back to the caller's thread as they finish.
* **dask** (:func:`run_dask`): the same per-document function runs as a task on a
  ``dask.distributed`` cluster; each Dask worker keeps its own worker processes, so the limits and
  the isolation are the same.  Files are sent with the task (the cluster need not see this disk);
  a bounded window of tasks is in flight, results stream back with ``as_completed``, and tasks
  lost with a Dask worker are retried.

Workers are started with ``subprocess`` (a fresh interpreter, never a fork of a process that has
threads), with single-threaded numeric libraries so ``N`` workers use ``N`` cores.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import replace
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, Any

import pipeline
from pipeline.batch.types import BatchError, DocumentTask, ErrorKind, Limits, MissingExtra, Outcome

#: How long a fresh worker may take to import the extraction code before the batch gives up.
STARTUP_TIMEOUT = 180.0
#: Environment for workers: one thread per numeric library, small malloc arenas (so the address
#: space cap measures what a document needs, not reservations).
WORKER_ENV = {
    "OMP_THREAD_LIMIT": "1",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_ARENA_MAX": "2",
}

OnStart = Callable[[DocumentTask], None]
OnOutcome = Callable[[DocumentTask, Outcome], None]


def default_workers() -> int:
    """Worker processes by default: the cores this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return max(os.cpu_count() or 1, 1)


def _worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(WORKER_ENV)
    root = str(Path(pipeline.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def _signal_name(returncode: int | None) -> str:
    """
    >>> _signal_name(-9)
    'SIGKILL'
    >>> _signal_name(3)
    'exit status 3'
    """
    if returncode is None:
        return "no exit status"
    if returncode < 0:
        try:
            return signal.Signals(-returncode).name
        except ValueError:
            return f"signal {-returncode}"
    return f"exit status {returncode}"


class WorkerProcess:
    """One worker process and the connection to it.  Not thread-safe: one thread drives it."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.proc: subprocess.Popen[bytes] | None = None
        self.conn: Connection | None = None
        self.footprint_mb: float | None = None  #: address space after start-up (from its ready message)
        self.documents = 0
        self._log: IO[bytes] | None = None

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> None:
        """Start the process and wait until it has imported everything and set its limits."""
        parent, child = Pipe(duplex=True)
        self._log = tempfile.TemporaryFile(prefix="ita-worker-")  # noqa: SIM115 - closed in _reap
        fd = child.fileno()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipeline.batch.worker",
                str(fd),
                str(self.limits.memory_mb or 0),
                str(os.getpid()),
            ],
            pass_fds=(fd,),
            env=_worker_env(),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
            start_new_session=True,  # Ctrl-C goes to the supervisor, which stops the workers
        )
        child.close()
        self.conn = parent
        self.documents = 0
        if not parent.poll(STARTUP_TIMEOUT):
            self.kill()
            raise BatchError(f"a worker process did not start within {STARTUP_TIMEOUT:g} s")
        try:
            _, _, footprint = parent.recv()
        except (EOFError, OSError):
            detail = self.log_tail()
            self.kill()
            raise BatchError(f"a worker process could not start ({detail})") from None
        self.footprint_mb = float(footprint)
        cap = self.limits.memory_mb
        if cap and self.footprint_mb >= cap:
            self.kill()
            raise BatchError(
                f"the memory cap of {cap} MB is below what a worker needs to start "
                f"({self.footprint_mb:.0f} MB of address space): raise --memory-limit"
            )

    def log_tail(self) -> str:
        """The last line the process wrote on stderr, or its exit status."""
        status = _signal_name(self.proc.poll()) if self.proc else "not started"
        if self._log is None:
            return status
        try:
            self._log.seek(0)
            lines = [ln.strip() for ln in self._log.read().decode("utf-8", "replace").splitlines()]
        except OSError:
            return status
        lines = [ln for ln in lines if ln]
        return f"{status}: {lines[-1][:300]}" if lines else status

    def run(self, task: DocumentTask) -> Outcome:
        """Read one document in this process (starting it if needed), within the time limit.
        A worker that overruns is killed; one that dies is reported; either is replaced on the
        next call."""
        if not self.alive or self.documents >= self.limits.recycle_after:
            self.close()
            self.start()
        assert self.conn is not None
        started = time.monotonic()
        self.documents += 1
        try:
            self.conn.send(task)
            limit = self.limits.time_limit
            if not self.conn.poll(limit):
                self.kill()
                return Outcome.failed(
                    task,
                    ErrorKind.TIME_LIMIT,
                    f"took longer than the time limit of {limit:g} s (stopped)",
                    round(time.monotonic() - started, 3),
                )
            kind, outcome = self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            return self._died(task, time.monotonic() - started)
        if outcome.error_kind is ErrorKind.MEMORY_LIMIT:
            self.close()  # a process that ran out of memory is not trusted with the next document
        assert kind == "outcome" and isinstance(outcome, Outcome)
        return outcome

    def _died(self, task: DocumentTask, seconds: float) -> Outcome:
        if self.proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(5)
        detail = self.log_tail()
        self.kill()
        memory = self.limits.memory_mb
        cap = f", or its memory cap of {memory} MB was reached" if memory else ""
        return Outcome.failed(
            task,
            ErrorKind.CRASH,
            f"the worker process died while reading it ({detail}): a crash in a PDF library{cap}",
            round(seconds, 3),
        )

    def kill(self) -> None:
        """Stop the process at once."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
        self._reap()

    def close(self) -> None:
        """Ask the process to finish, kill it if it does not."""
        if self.proc is not None and self.proc.poll() is None and self.conn is not None:
            try:
                self.conn.send(None)
                self.proc.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    def _reap(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(10)
        if self.conn is not None:
            self.conn.close()
        if self._log is not None:
            self._log.close()
        self.proc, self.conn, self._log = None, None, None


class WorkerSet:
    """Worker processes, one per calling thread, closed together."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._local = threading.local()
        self._all: list[WorkerProcess] = []
        self._lock = threading.Lock()

    def run(self, task: DocumentTask) -> Outcome:
        worker: WorkerProcess | None = getattr(self._local, "worker", None)
        if worker is None:
            worker = WorkerProcess(self.limits)
            self._local.worker = worker
            with self._lock:
                self._all.append(worker)
        return worker.run(task)

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.close()

    def kill(self) -> None:
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            worker.kill()


def run_local(
    tasks: Iterable[DocumentTask],
    limits: Limits,
    workers: int,
    on_start: OnStart,
    on_outcome: OnOutcome,
) -> None:
    """Run ``tasks`` on ``workers`` worker processes of this machine.  ``on_start`` and
    ``on_outcome`` are called in the caller's thread, in the order things happen."""
    pending = iter(tasks)
    pool = WorkerSet(limits)
    executor = ThreadPoolExecutor(max_workers=max(workers, 1), thread_name_prefix="ita-batch")
    running: dict[Future[Outcome], DocumentTask] = {}

    def submit() -> bool:
        task = next(pending, None)
        if task is None:
            return False
        on_start(task)
        running[executor.submit(pool.run, task)] = task
        return True

    try:
        while len(running) < workers and submit():
            pass
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                task = running.pop(future)
                on_outcome(task, _result(future, task))
                submit()
    except BaseException:
        pool.kill()  # interrupted: stop every worker now; threads see their worker die and return
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
    pool.close()


def _result(future: Future[Outcome], task: DocumentTask) -> Outcome:
    try:
        return future.result()
    except BatchError:
        raise
    except Exception as err:  # a failure of the machinery around the worker, not of the document
        return Outcome.failed(task, ErrorKind.INTERNAL, f"internal error ({type(err).__name__}: {err})")


# --- Dask ---------------------------------------------------------------------------------------

_DASK_WORKERS: WorkerSet | None = None
_DASK_LOCK = threading.Lock()


def dask_task(task: DocumentTask, limits: Limits) -> Outcome:
    """The function a Dask worker runs for one document: the same isolated worker process as the
    local path, kept per Dask worker thread."""
    global _DASK_WORKERS
    with _DASK_LOCK:
        if _DASK_WORKERS is None or _DASK_WORKERS.limits != limits:
            if _DASK_WORKERS is not None:
                _DASK_WORKERS.close()
            _DASK_WORKERS = WorkerSet(limits)
        workers = _DASK_WORKERS
    return workers.run(task)


def close_dask_workers() -> None:
    """Stop the worker processes a Dask worker holds (run on every worker at the end of a batch)."""
    global _DASK_WORKERS
    with _DASK_LOCK:
        workers, _DASK_WORKERS = _DASK_WORKERS, None
    if workers is not None:
        workers.close()


def distributed_module() -> Any:
    """``dask.distributed``, or :class:`MissingExtra` naming the extra to install."""
    try:
        return importlib.import_module("distributed")
    except ImportError:
        raise MissingExtra("--executor dask", "dask") from None


def _with_data(task: DocumentTask) -> DocumentTask:
    return replace(task, data=Path(task.path).read_bytes())


def run_dask(
    tasks: Iterable[DocumentTask],
    limits: Limits,
    scheduler: Any,
    on_start: OnStart,
    on_outcome: OnOutcome,
    retries: int = 2,
) -> None:
    """Run ``tasks`` on a ``dask.distributed`` cluster: ``scheduler`` is its address
    (``tcp://HOST:8786``) or a ``distributed.Client``.  Each file travels with its task."""
    distributed = distributed_module()

    own_client = not isinstance(scheduler, distributed.Client)
    try:
        client = distributed.Client(scheduler, timeout="30s") if own_client else scheduler
    except OSError as err:
        raise BatchError(f"cannot reach the Dask scheduler at {scheduler} ({err})") from err
    try:
        threads = max(sum(client.nthreads().values()), 1)
        pending: Iterator[DocumentTask] = iter(tasks)
        running: dict[Any, DocumentTask] = {}

        def submit() -> Any:
            while (task := next(pending, None)) is not None:
                on_start(task)
                try:
                    loaded = _with_data(task)
                except OSError as err:
                    reason = f"cannot be read ({err.strerror or err})"
                    on_outcome(task, Outcome.failed(task, ErrorKind.UNREADABLE, reason))
                    continue
                future = client.submit(
                    dask_task, loaded, limits, key=f"ita-{task.sha256}-{time.time_ns()}", retries=retries
                )
                running[future] = task
                return future
            return None

        first = [f for f in (submit() for _ in range(2 * threads)) if f is not None]
        stream = distributed.as_completed(first, raise_errors=False)
        for future in stream:
            task = running.pop(future)
            try:
                outcome = future.result()
            except Exception as err:  # the task was lost more often than retried, or failed on Dask
                outcome = Outcome.failed(
                    task, ErrorKind.CRASH, f"the Dask task failed ({type(err).__name__}: {err})"
                )
            on_outcome(task, outcome)
            nxt = submit()
            if nxt is not None:
                stream.add(nxt)
    finally:
        # If the cluster is going away, its workers stop their processes themselves.
        with contextlib.suppress(Exception):
            client.run(close_dask_workers)
        if own_client:
            client.close()
