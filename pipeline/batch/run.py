"""Batch conversion of whole archives: ``pipeline.batch(sources, out)``, what ``ita batch`` runs.

The steps:

1. expand the sources into files (:mod:`pipeline.batch.sources`);
2. hash each file (SHA-256; an unchanged file's hash is taken from the manifest) and register it in
   the manifest (:mod:`pipeline.batch.manifest`), which gives new content a document id;
3. decide what to read: content not yet done, content that failed (with ``retry_failed``), results
   of another program or schema version, everything (with ``force``);
4. read those documents in isolated worker processes, here or on Dask (:mod:`pipeline.batch.executors`),
   biggest files first; each result is written to ``OUT/<document_id>.json`` atomically and only
   then marked done in the manifest, so a run killed at any moment resumes where it stopped;
5. rebuild the combined tables of every file the sources name (:mod:`pipeline.batch.combine`) from the
   JSON in OUT, in document-id order: a resumed run gives the tables a clean run gives.

Progress is reported through ``on_event`` (typed events); nothing here prints.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

from extractors.pdf.source import not_a_regular_file, sha256_of
from pipeline.batch.combine import RecordUnreadable, parquet_available, parse_formats, update_tables
from pipeline.batch.executors import default_workers, distributed_module, run_dask, run_local
from pipeline.batch.manifest import MANIFEST_NAME, DocumentEntry, FileState, Manifest, Status
from pipeline.batch.sources import expand_sources
from pipeline.batch.types import (
    DEFAULT_MEMORY_MB,
    DEFAULT_TIME_LIMIT,
    BatchError,
    DocumentTask,
    ErrorKind,
    ErrorRow,
    FileRow,
    FileStatus,
    Limits,
    Outcome,
)
from pipeline.datapackage import write_descriptor
from pipeline.output import BATCH_TABLE_COLUMNS, TEMP_SUFFIX, output_cause, write_atomic
from schemas.names import shown
from schemas.record import SCHEMA_VERSION

LOCK_NAME = ".ita-batch.lock"
#: Files registered per manifest transaction while hashing (a run killed while hashing keeps these).
REGISTER_CHUNK = 500


@functools.cache
def program_version() -> str:
    """The installed ita-extract version, recorded with every result."""
    try:
        return version("ita-extract")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree without installing
        return "unknown"


# --- events -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchStarted:
    """The work is known: what the sources name and what this run will read."""

    files: int  #: files named by the sources
    documents: int  #: distinct contents among them
    to_do: int  #: documents this run reads
    skipped: int  #: done before and unchanged
    failed_before: int  #: failed before and not retried (``retry_failed`` retries them)
    bytes_to_do: int
    workers: int
    executor: str
    problems: list[ErrorRow] = field(default_factory=list)  #: sources that name no file, unreadable files


@dataclass(frozen=True)
class DocumentFinished:
    """One document was read (or failed)."""

    path: str
    document_id: str
    ok: bool
    pages: int | None
    seconds: float
    size: int
    error_kind: ErrorKind | None = None
    error: str | None = None


@dataclass(frozen=True)
class BatchResult:
    """What a batch did and where its outputs are."""

    out: Path
    files: int  #: files named by the sources
    documents: int  #: distinct contents
    processed: int  #: documents read by this run
    skipped: int  #: documents done before and unchanged
    pages: int  #: pages read by this run
    seconds: float
    errors: list[ErrorRow]  #: every file of the sources that gave no record (this run or before)
    outputs: list[Path]  #: the combined tables written
    formats: tuple[str, ...]
    notes: list[str] = field(default_factory=list)  #: things the user should know (a format skipped)

    @property
    def failed(self) -> int:
        return len(self.errors)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class BatchFinished:
    result: BatchResult


BatchEvent = BatchStarted | DocumentFinished | BatchFinished
OnEvent = Callable[[BatchEvent], None]


# --- the run ------------------------------------------------------------------------------------


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Only one batch writes to an output folder at a time (the lock dies with its process)."""
    out.mkdir(parents=True, exist_ok=True)
    fh: IO[str] = open(out / LOCK_NAME, "a")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise BatchError(f"another ita batch is writing to {out}; wait for it to finish") from None
        yield
    finally:
        fh.close()


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary files of a run that was killed while writing (never read by anyone)."""
    for path in out.glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            path.unlink()


def _file_states(files: Iterable[Path], manifest: Manifest) -> Iterator[FileState | ErrorRow]:
    for path in files:
        try:
            st = path.stat()
            problem = not_a_regular_file(st.st_mode)  # never hash a FIFO or /dev/zero: it never ends
            if problem:
                yield ErrorRow(str(path), None, None, ErrorKind.UNREADABLE, problem)
                continue
            sha = manifest.known_hash(shown(path), st.st_size, st.st_mtime_ns) or sha256_of(path)
        except OSError as err:
            reason = "file not found" if isinstance(err, FileNotFoundError) else "cannot be read"
            yield ErrorRow(str(path), None, None, ErrorKind.UNREADABLE, f"{reason} ({err.strerror or err})")
            continue
        yield FileState(str(path), st.st_size, st.st_mtime_ns, sha)


def _register(files: list[Path], manifest: Manifest, out: Path) -> tuple[list[FileState], list[ErrorRow]]:
    states: list[FileState] = []
    unreadable: list[ErrorRow] = []
    chunk: list[FileState] = []

    def flush() -> None:
        for doc_id in manifest.register(chunk):
            with contextlib.suppress(OSError):
                (out / f"{doc_id}.json").unlink()
        chunk.clear()

    for item in _file_states(files, manifest):
        if isinstance(item, ErrorRow):
            unreadable.append(item)
            continue
        states.append(item)
        chunk.append(item)
        if len(chunk) >= REGISTER_CHUNK:
            flush()
    flush()
    return states, unreadable


def _program(ocr: bool) -> str:
    """What the manifest records as the program that made a result: a result read with OCR off is
    another program's, so a later run with OCR on reads the document again."""
    return program_version() if ocr else f"{program_version()}+no-ocr"


def _is_current(entry: DocumentEntry, out: Path, ocr: bool) -> bool:
    return (
        entry.status is Status.DONE
        and entry.program_version == _program(ocr)
        and entry.schema_version == SCHEMA_VERSION
        and (out / f"{entry.document_id}.json").is_file()
    )


def batch(
    sources: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    workers: int | None = None,
    formats: str | Iterable[str] = "all",
    force: bool = False,
    retry_failed: bool = False,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    memory_limit_mb: int | None = DEFAULT_MEMORY_MB,
    executor: str = "local",
    scheduler: Any = None,
    on_event: OnEvent | None = None,
    ocr: bool = True,
) -> BatchResult:
    """Read every PDF the ``sources`` name (folders, glob patterns, ``@list.txt`` files) into
    ``out``: one ``<document_id>.json`` per document, the manifest ``manifest.sqlite``, and the
    combined tables (``formats``: ``csv``, ``parquet``, ``sqlite``, or ``all``; ``all`` leaves out
    Parquet, with a note, when pyarrow is not installed).

    ``workers`` processes (default: one per core) read documents, each within ``time_limit``
    seconds and ``memory_limit_mb`` of address space (``None``: no limit).  ``executor="dask"``
    runs them on the ``dask.distributed`` cluster at ``scheduler`` (an address such as
    ``tcp://HOST:8786``, or a ``Client``).  Documents done before and unchanged are skipped;
    ``retry_failed`` reads failed ones again, ``force`` reads everything again.  ``ocr=False``
    leaves scanned pages unread (each record says so); a result made that way counts as another
    program's, so a later run with OCR reads those documents again.

    Bad files never raise: they are error rows in the result and in ``errors``.  Raises
    :class:`~pipeline.batch.types.BatchError` when the batch cannot run at all.
    """
    started = time.monotonic()
    emit: OnEvent = on_event or (lambda _event: None)
    out_dir = Path(out).resolve()
    notes: list[str] = []
    try:
        wanted = parse_formats(formats)
    except ValueError as err:
        raise BatchError(str(err)) from None
    explicit = not (isinstance(formats, str) and formats.strip().lower() == "all")
    if "parquet" in wanted and not parquet_available():
        if explicit:
            raise BatchError("Parquet output needs pyarrow: pip install 'ita-extract[parquet]'")
        wanted = tuple(f for f in wanted if f != "parquet")
        notes.append("Parquet tables skipped: pip install 'ita-extract[parquet]' to write them")
    if executor not in ("local", "dask"):
        raise BatchError(f"unknown executor {executor!r} (choose local or dask)")
    if executor == "dask" and scheduler is None:
        raise BatchError("the dask executor needs a scheduler address (--scheduler tcp://HOST:8786)")
    if executor == "dask":
        distributed_module()  # fail before any work if the extra is missing
    n_workers = workers if workers and workers > 0 else default_workers()
    limits = Limits(time_limit=time_limit or None, memory_mb=memory_limit_mb or None)
    found = expand_sources(sources, exclude=out_dir)
    missing = [ErrorRow(m.source, None, None, ErrorKind.MISSING, m.reason) for m in found.missing]

    try:
        with _locked(out_dir):
            _remove_stale_temporaries(out_dir)
            with Manifest.open(out_dir) as manifest:
                states, unreadable = _register(found.files, manifest, out_dir)
                by_sha: dict[str, list[FileState]] = {}
                for state in states:
                    by_sha.setdefault(state.sha256, []).append(state)
                tasks, skipped, failed_before = _plan(manifest, by_sha, out_dir, force, retry_failed, ocr)

                emit(
                    BatchStarted(
                        files=len(found.files) + len(missing),
                        documents=len(by_sha),
                        to_do=len(tasks),
                        skipped=skipped,
                        failed_before=failed_before,
                        bytes_to_do=sum(t.size for t in tasks),
                        workers=n_workers,
                        executor=executor,
                        problems=missing + unreadable,
                    )
                )
                pages = 0
                program = _program(ocr)

                def on_start(task: DocumentTask) -> None:
                    manifest.mark_running(task.sha256)

                def on_outcome(task: DocumentTask, outcome: Outcome) -> None:
                    nonlocal pages
                    if outcome.record_json is not None:
                        write_atomic(out_dir / f"{task.document_id}.json", outcome.record_json)
                        pages += outcome.pages or 0
                    manifest.record(outcome, program, SCHEMA_VERSION)  # done only once the JSON is there
                    emit(
                        DocumentFinished(
                            task.path,
                            task.document_id,
                            outcome.ok,
                            outcome.pages,
                            outcome.seconds,
                            task.size,
                            outcome.error_kind,
                            outcome.error,
                        )
                    )

                if tasks:
                    if executor == "dask":
                        run_dask(tasks, limits, scheduler, on_start, on_outcome)
                    else:
                        run_local(tasks, limits, min(n_workers, len(tasks)), on_start, on_outcome)

                records, errors, file_rows = _final_state(manifest, by_sha, out_dir)
                errors = sorted(missing + unreadable + errors, key=lambda e: e.file)
                file_rows += [
                    FileRow(e.file, None, None, None, _problem_status(e), reason=e.reason)
                    for e in missing + unreadable
                ]
                file_rows.sort(key=lambda f: f.file)
                documents = [(doc_id, out_dir / f"{doc_id}.json") for doc_id in records]
                try:
                    outputs = update_tables(out_dir, documents, errors, wanted, file_rows)
                except RecordUnreadable as err:
                    raise BatchError(str(err)) from err
                if "csv" in wanted:  # the CSV tables described for systems that load them (CKAN)
                    outputs.append(write_descriptor(out_dir, BATCH_TABLE_COLUMNS))
    except (OSError, sqlite3.Error) as err:  # the output folder, not a document: the run stops
        raise BatchError(_output_problem(out_dir, err)) from err

    result = BatchResult(
        out=out_dir,
        files=len(found.files) + len(missing),
        documents=len(by_sha),
        processed=len(tasks),
        skipped=skipped,
        pages=pages,
        seconds=round(time.monotonic() - started, 3),
        errors=errors,
        outputs=outputs,
        formats=wanted,
        notes=notes,
    )
    emit(BatchFinished(result))
    return result


def _plan(
    manifest: Manifest,
    by_sha: dict[str, list[FileState]],
    out: Path,
    force: bool,
    retry_failed: bool,
    ocr: bool,
) -> tuple[list[DocumentTask], int, int]:
    """The documents to read (biggest first, so no long one is left to the end), and how many are
    skipped as done and as failed before."""
    tasks: list[DocumentTask] = []
    skipped = failed_before = 0
    for sha, files in by_sha.items():
        entry = manifest.entry(sha)
        assert entry is not None
        if not force and _is_current(entry, out, ocr):
            skipped += 1
        elif not force and entry.status is Status.FAILED and not retry_failed:
            failed_before += 1
        else:
            tasks.append(DocumentTask(sha, files[0].path, entry.document_id, files[0].size, ocr=ocr))
    tasks.sort(key=lambda t: (-t.size, t.path))
    return tasks, skipped, failed_before


def _output_problem(out: Path, err: BaseException) -> str:
    """Why the output folder stopped the batch, and what would help (never "run again" alone where
    running again cannot help)."""
    cause = output_cause(err)
    message = f"cannot write to {shown(out)}: {cause}"
    if cause == output_cause(OSError(errno.ENOSPC, "")):
        return f"{message}; free some space, then run the same command to resume"
    if cause in _NO_RERUN:  # a rerun meets the same wall
        return message
    return f"{message}; once that is mended, run the same command to resume"


#: Causes that running again cannot get past (read-only, no permission, a name too long).
_NO_RERUN = {
    output_cause(OSError(e, "")) for e in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENAMETOOLONG)
}


def _problem_status(row: ErrorRow) -> FileStatus:
    return FileStatus.MISSING if row.kind is ErrorKind.MISSING else FileStatus.FAILED


def _final_state(
    manifest: Manifest, by_sha: dict[str, list[FileState]], out: Path
) -> tuple[list[str], list[ErrorRow], list[FileRow]]:
    """The ids of the documents to put in the tables (done, sorted), the error rows of the rest,
    and a ``files`` row for every file: the first path of a content is the one read, any other
    path with the same bytes is its duplicate."""
    done: list[str] = []
    errors: list[ErrorRow] = []
    rows: list[FileRow] = []
    for sha, files in by_sha.items():
        entry = manifest.entry(sha)
        assert entry is not None
        first, *copies = files
        if entry.status is Status.DONE and (out / f"{entry.document_id}.json").is_file():
            done.append(entry.document_id)
            rows.append(FileRow(first.path, first.size, sha, entry.document_id, FileStatus.READ))
            rows += [
                FileRow(f.path, f.size, sha, entry.document_id, FileStatus.DUPLICATE, first.path)
                for f in copies
            ]
            continue
        kind = entry.error_kind or ErrorKind.INTERNAL
        reason = entry.error or f"not read (status {entry.status.value})"
        errors += [ErrorRow(f.path, sha, entry.document_id, kind, reason) for f in files]
        rows += [
            FileRow(f.path, f.size, sha, entry.document_id, FileStatus.FAILED, reason=reason) for f in files
        ]
    return sorted(done), errors, rows


__all__ = [
    "MANIFEST_NAME",
    "BatchError",
    "BatchEvent",
    "BatchFinished",
    "BatchResult",
    "BatchStarted",
    "DocumentFinished",
    "batch",
]
