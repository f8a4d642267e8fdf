"""How ``ita batch`` shows its progress: a one-line bar on a terminal (files, pages per second,
time left, failures), plain log lines when the output is a file or a pipe, nothing when quiet.

It only formats the events :func:`pipeline.batch` reports; it reads nothing and decides nothing.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import TextIO

from pipeline.batch.run import BatchEvent, BatchFinished, BatchResult, BatchStarted, DocumentFinished
from schemas.names import shown, shown_name

#: Seconds between two redraws of the bar.
REDRAW_EVERY = 0.1


def format_duration(seconds: float) -> str:
    """A short duration for a progress line.

    >>> format_duration(5.4), format_duration(130), format_duration(3725)
    ('5s', '2m10s', '1h02m')
    """
    s = round(seconds)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


def bar_line(done: int, total: int, pages_per_s: float, eta: float | None, failed: int, width: int) -> str:
    """The progress bar, fitted to ``width`` columns.

    >>> bar_line(30, 120, 12.34, 95, 2, 80)
    'ita batch [####..............]  30/120 files  12.3 pages/s  ETA 1m35s  2 failed'
    """
    eta_text = format_duration(eta) if eta is not None else "--"
    tail = f" {done:>{len(str(total))}}/{total} files  {pages_per_s:.1f} pages/s  ETA {eta_text}"
    if failed:
        tail += f"  {failed} failed"
    cells = max(min(width - len(tail) - len("ita batch [] "), 40), 5)
    filled = round(cells * done / total) if total else cells
    return f"ita batch [{'#' * filled}{'.' * (cells - filled)}]{tail}"[: max(width - 1, 20)]


def summary_line(result: BatchResult) -> str:
    """The last line of a batch.

    >>> from pathlib import Path
    >>> r = BatchResult(Path("out"), 7, 6, 5, 1, 40, 8.0, [], [], ("csv", "sqlite"))
    >>> summary_line(r)
    'batch: 5 read (40 pages, 5.0 pages/s), 1 skipped (done before), 0 failed; tables (csv, sqlite) in out'
    """
    rate = result.pages / result.seconds if result.seconds > 0 else 0.0
    failed = f"{result.failed} failed (see the errors table)" if result.failed else "0 failed"
    return (
        f"batch: {result.processed} read ({result.pages} pages, {rate:.1f} pages/s), "
        f"{result.skipped} skipped (done before), {failed}; "
        f"tables ({', '.join(result.formats)}) in {result.out}"
    )


class ProgressView:
    """Shows the events of one batch on ``stream`` (a bar when ``bar``, else log lines)."""

    def __init__(
        self, stream: TextIO, bar: bool, quiet: bool = False, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.bar = bar and not quiet
        self.quiet = quiet
        self.clock = clock
        self.started = clock()
        self.total = self.done = self.failed = self.pages = 0
        self._drawn = 0.0
        self._bar_shown = False

    def __call__(self, event: BatchEvent) -> None:
        if self.quiet:
            return
        if isinstance(event, BatchStarted):
            self._started(event)
        elif isinstance(event, DocumentFinished):
            self._finished(event)
        elif isinstance(event, BatchFinished):
            self._clear()
            for note in event.result.notes:
                self._line(f"note: {note}")
            self._line(summary_line(event.result))

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def _clear(self) -> None:
        if self._bar_shown:
            self.stream.write("\r\x1b[K")
            self._bar_shown = False

    def _started(self, event: BatchStarted) -> None:
        self.started = self.clock()
        self.total = event.to_do
        for problem in event.problems:
            self._line(f"error: {problem.file}: {problem.reason}")
        retry = " (--retry-failed to read them again)" if event.failed_before else ""
        self._line(
            f"batch: {event.files} files ({event.documents} documents): {event.to_do} to read, "
            f"{event.skipped} done before, {event.failed_before} failed before{retry}; "
            f"{event.workers if event.executor == 'local' else 'dask'} "
            f"{'workers' if event.executor == 'local' else 'cluster'}"
        )
        self._draw(force=True)

    def _finished(self, event: DocumentFinished) -> None:
        self.done += 1
        self.pages += event.pages or 0
        if not event.ok:
            self.failed += 1
            self._clear()
            self._line(f"error: {shown(event.path)}: {shown(event.error or '')}")
        elif not self.bar:
            name = shown_name(event.path)
            self._line(f"[{self.done}/{self.total}] {name}: {event.pages} pages, {event.seconds:.2f} s")
        self._draw(force=self.done == self.total)

    def _draw(self, force: bool = False) -> None:
        if not self.bar or not self.total:
            return
        now = self.clock()
        if not force and now - self._drawn < REDRAW_EVERY:
            return
        self._drawn = now
        elapsed = max(now - self.started, 1e-9)
        eta = (self.total - self.done) * elapsed / self.done if self.done else None
        width = shutil.get_terminal_size((80, 24)).columns
        line = bar_line(self.done, self.total, self.pages / elapsed, eta, self.failed, width)
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self._bar_shown = True
