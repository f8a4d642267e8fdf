"""Typed records shared by the parts of a batch run (``ita batch``): the work for one document,
what came of it, the limits a worker runs under, and the errors that stop a run.

Nothing here imports the extractors, Dask or pyarrow, so every part of the batch (the supervisor,
the worker processes, a Dask task, the combined tables) can use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from schemas.names import shown


class BatchError(Exception):
    """A batch that cannot run at all (output folder locked, a worker that cannot start, ...).

    ``str(err)`` is one line in plain words.  Bad *documents* never raise: they become error rows.
    """


class MissingExtra(BatchError):
    """An optional dependency is not installed: the message names the extra to install."""

    def __init__(self, what: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{what} needs an optional dependency: pip install 'ita-extract[{extra}]'")


class ErrorKind(StrEnum):
    """Why a file ended as an error row."""

    UNREADABLE = "unreadable"  #: not a PDF, empty, truncated, encrypted, damaged
    TIME_LIMIT = "time-limit"  #: took longer than the time limit; its worker was killed
    MEMORY_LIMIT = "memory-limit"  #: needed more memory than the worker's cap
    CRASH = "crash"  #: the worker process died (a crash in a PDF library, the system's OOM killer)
    CHANGED = "changed"  #: the file changed between hashing and reading
    MISSING = "missing"  #: a source that names no file
    INTERNAL = "internal"  #: a bug: the reason names the exception


class FileStatus(StrEnum):
    """What became of one file the sources named (the ``files`` table)."""

    READ = "read"  #: its record is in the tables
    DUPLICATE = "duplicate"  #: the same bytes as another file, which was read
    FAILED = "failed"  #: no record; the ``errors`` table says why
    MISSING = "missing"  #: a source (a path, a glob, a list entry) that names no file


#: Seconds a document may take by default (a 100-page scan takes about 300 s on one core).
DEFAULT_TIME_LIMIT = 900.0
#: A worker's address space by default, in MB: about 530 MB after start-up, ~1 GB reading scans.
DEFAULT_MEMORY_MB = 3072


@dataclass(frozen=True)
class Limits:
    """What one worker process may use for one document."""

    #: Seconds per document (wall clock); ``None``: no limit.
    time_limit: float | None = DEFAULT_TIME_LIMIT
    #: The worker's address space in MB (``RLIMIT_AS``); ``None``: no cap.
    memory_mb: int | None = DEFAULT_MEMORY_MB
    #: Documents a worker process reads before it is replaced by a fresh one (bounds slow leaks).
    recycle_after: int = 200


@dataclass(frozen=True)
class DocumentTask:
    """One document to read: its content hash (the manifest's key), where it is, the id its record
    gets, and, when the worker cannot see the path (another machine), the file's bytes."""

    sha256: str
    path: str
    document_id: str
    size: int = 0
    data: bytes | None = None
    #: Read scanned pages by OCR (off: they are reported as not read).
    ocr: bool = True
    #: Pages to read (``"1-3,5"``); None: all.
    pages: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What came of one :class:`DocumentTask`: the record as JSON text, or an error in plain words."""

    sha256: str
    record_json: str | None
    pages: int | None
    seconds: float
    peak_rss_mb: float | None = None
    error_kind: ErrorKind | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.record_json is not None

    @classmethod
    def failed(cls, task: DocumentTask, kind: ErrorKind, reason: str, seconds: float = 0.0) -> Outcome:
        return cls(task.sha256, None, None, seconds, error_kind=kind, error=reason)


@dataclass(frozen=True)
class ErrorRow:
    """One row of the ``errors`` table: a file of the batch that gave no record, and why."""

    file: str
    sha256: str | None
    document_id: str | None
    kind: ErrorKind
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", shown(self.file))  # any name, in the one form tables take

    def as_list(self) -> list[Any]:
        """The row in ``pipeline.output.ERROR_COLUMNS`` order."""
        return [self.file, self.sha256, self.document_id, self.kind.value, self.reason]


@dataclass(frozen=True)
class FileRow:
    """One row of the ``files`` table: a file the sources named, and what became of it."""

    file: str
    size: int | None
    sha256: str | None
    document_id: str | None
    status: FileStatus
    duplicate_of: str | None = None
    reason: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", shown(self.file))
        if self.duplicate_of is not None:
            object.__setattr__(self, "duplicate_of", shown(self.duplicate_of))

    def as_list(self) -> list[Any]:
        """The row in ``pipeline.output.FILE_COLUMNS`` order."""
        return [
            self.file,
            self.size,
            self.sha256,
            self.document_id,
            self.status.value,
            self.duplicate_of,
            self.reason,
        ]
