"""The worker process of a batch: reads documents one at a time, isolated from the supervisor.

The supervisor (:mod:`pipeline.batch.executors`) starts ``python -m pipeline.batch.worker FD MEMORY_MB
PARENT_PID``.  The worker asks the kernel to kill it when its parent dies (so a ``kill -9`` of the
batch leaves no orphan), imports the extraction code, caps its own address space (``RLIMIT_AS``,
so a runaway document raises ``MemoryError`` here instead of taking the machine), says it is ready,
then answers each :class:`~pipeline.batch.types.DocumentTask` it receives on the connection FD
with an :class:`~pipeline.batch.types.Outcome`.  The time limit is the supervisor's business: it
kills a worker that overruns.

Scanned pages are read by OCR in this process (``OcrOptions(workers=1)``): parallelism comes from
running several workers, never from processes inside a worker.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path

from extractors.ocr.options import OcrOptions
from pipeline.batch.types import DocumentTask, ErrorKind, Outcome
from pipeline.extract import extract
from pipeline.output import to_json
from schemas import DocumentError

_PR_SET_PDEATHSIG = 1
#: One OCR process per worker: the batch's workers are the parallelism.
BATCH_OCR = OcrOptions(workers=1)
NO_OCR = OcrOptions(enabled=False)


def _status_kb(field: str) -> float | None:
    """A ``kB`` figure from ``/proc/self/status`` (``VmHWM``, ``VmSize``), or None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return float(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak_rss() -> None:
    """Start measuring peak memory afresh (Linux: ``clear_refs`` 5 resets ``VmHWM``)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        pass


def peak_rss_mb() -> float:
    """The most resident memory this process has used since :func:`reset_peak_rss`, in MB."""
    kb = _status_kb("VmHWM")
    if kb is None:
        kb = float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return round(kb / 1024, 1)


def address_space_mb() -> float:
    """The address space this process holds now (what ``RLIMIT_AS`` caps), in MB."""
    kb = _status_kb("VmSize")
    return round((kb or 0.0) / 1024, 1)


@contextmanager
def _document_file(task: DocumentTask) -> Iterator[str]:
    """The path to read: the task's own path, or its bytes in a temporary file of the same name."""
    if task.data is None:
        yield task.path
        return
    with tempfile.TemporaryDirectory(prefix="ita-batch-") as folder:
        path = Path(folder) / Path(task.path).name
        path.write_bytes(task.data)
        yield str(path)


def process_document(task: DocumentTask, memory_mb: int | None = None) -> Outcome:
    """Read one document into its record (as JSON text).  Never raises: every failure is an
    :class:`Outcome` with a kind and a reason in plain words."""
    started = time.perf_counter()
    reset_peak_rss()

    def failed(kind: ErrorKind, reason: str) -> Outcome:
        return Outcome.failed(task, kind, reason, round(time.perf_counter() - started, 3))

    try:
        with _document_file(task) as path:
            record = extract(path, task.pages, BATCH_OCR if task.ocr else NO_OCR)
        if record.source.sha256 != task.sha256:
            return failed(ErrorKind.CHANGED, "the file changed while the batch was reading it: run again")
        record.document_id = task.document_id
        text = to_json(record.to_dict())
        seconds = round(time.perf_counter() - started, 3)
        return Outcome(task.sha256, text, record.source.pages, seconds, peak_rss_mb())
    except DocumentError as err:
        return failed(ErrorKind.UNREADABLE, err.reason)
    except MemoryError:
        cap = f"its cap of {memory_mb} MB" if memory_mb else "what the machine could give"
        return failed(ErrorKind.MEMORY_LIMIT, f"needed more memory than {cap}")
    except Exception as err:  # a bug in the extraction: the batch goes on, the reason says what
        if memory_mb and "failed to map segment" in str(err):  # a library loaded past the cap
            return failed(ErrorKind.MEMORY_LIMIT, f"needed more memory than its cap of {memory_mb} MB")
        return failed(ErrorKind.INTERNAL, f"internal error ({type(err).__name__}: {err})")


def _die_with_parent(parent_pid: int) -> None:
    """Linux: be killed (SIGKILL) when the process that started us dies, however it dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if parent_pid and os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(0)


def _load_everything() -> None:
    """Import the stages and load the dictionary before the memory cap is set: every document then
    starts warm, and the footprint reported (and checked against the cap) is the real one."""
    import importlib

    for module in (
        "extractors.read",
        "extractors.ita.interpret",
        "extractors.ita.checks",
        "extractors.ocr.pages",  # OpenCV, Tesseract, numpy: a scan must not load them under the cap
        "extractors.ocr.page",
        "extractors.ocr.regions",  # pictures on text pages: the same engine, read region by region
        "extractors.ocr.chart",
    ):
        importlib.import_module(module)
    from extractors.thai.words import thai_dictionary

    thai_dictionary()


def serve(fd: int, memory_mb: int | None, parent_pid: int) -> None:
    """The worker's loop: ready, then one outcome per task, until the connection closes or a
    ``None`` task arrives."""
    _die_with_parent(parent_pid)
    conn = Connection(fd)
    _load_everything()
    footprint = address_space_mb()
    if memory_mb:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory_mb * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    conn.send(("ready", os.getpid(), footprint))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(("outcome", process_document(task, memory_mb)))


def main(argv: list[str]) -> None:
    fd, memory_mb, parent_pid = (int(a) for a in argv[:3])
    serve(fd, memory_mb or None, parent_pid)


if __name__ == "__main__":  # pragma: no cover - run by the supervisor
    main(sys.argv[1:])
