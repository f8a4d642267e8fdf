"""The batch manifest: an SQLite database in the output folder that says, for every document
(keyed by the SHA-256 of its content), whether it is done, failed or still to do.

Two tables:

* ``documents``: one row per distinct content: ``document_id`` (the name of its JSON), ``status``
  (``pending``, ``running``, ``done``, ``failed``), the error kind and reason, pages, seconds, peak
  memory, the program and schema versions that produced the result, ``attempts`` (times it was sent
  to a worker) and ``completions`` (times a result was recorded);
* ``files``: one row per file path seen, with its content hash, size and modification time (so an
  unchanged file is not hashed again).

Every state change is committed at once, in WAL mode: a batch killed at any moment (``kill -9``, a
power cut) leaves a consistent manifest, and the next run does exactly what is left.  A result is
recorded ``done`` only after its JSON has been written (atomically) by the caller.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pipeline.batch.types import BatchError, ErrorKind, Outcome
from schemas.names import short_id, shown, shown_stem

MANIFEST_NAME = "manifest.sqlite"
#: The layout of the manifest's tables; a manifest of another layout is refused, not guessed at.
MANIFEST_FORMAT = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    document_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    error_kind TEXT,
    error TEXT,
    pages INTEGER,
    seconds REAL,
    peak_rss_mb REAL,
    program_version TEXT,
    schema_version TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    completions INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES documents (sha256),
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    seen_at TEXT
);
CREATE INDEX IF NOT EXISTS files_sha256 ON files (sha256);
CREATE INDEX IF NOT EXISTS documents_status ON documents (status);
"""


class Status(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class FileState:
    """A file as found on disk: where, how big, when modified, and its content hash."""

    path: str
    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class DocumentEntry:
    """One row of the manifest's ``documents`` table."""

    sha256: str
    document_id: str
    status: Status
    error_kind: ErrorKind | None
    error: str | None
    pages: int | None
    seconds: float | None
    peak_rss_mb: float | None
    program_version: str | None
    schema_version: str | None
    attempts: int
    completions: int


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def unique_id(stem: str, sha256: str, taken: Callable[[str], bool]) -> str:
    """The document id for new content: the file's stem, unless another document has it.

    >>> unique_id("report", "ab12cd34ef", lambda _: False)
    'report'
    >>> unique_id("report", "ab12cd34ef", lambda i: i == "report")
    'report-ab12cd34'
    """
    for candidate in (stem, f"{stem}-{sha256[:8]}", f"{stem}-{sha256}"):
        if not taken(candidate):
            return candidate
    raise ValueError(f"no free document id for {stem} ({sha256})")  # pragma: no cover


class Manifest:
    """The manifest of one output folder.  One writer at a time (the batch holds a lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None)  # autocommit; transactions explicit
        self.db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a killed process loses nothing committed; a power cut may lose the
        # last few commits, which only means those documents are read again.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=10000")
        self.db.executescript(_SCHEMA)
        found = self.db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if found is None:
            self.db.execute("INSERT INTO meta (key, value) VALUES ('format', ?)", (MANIFEST_FORMAT,))
        elif found[0] != MANIFEST_FORMAT:
            raise BatchError(
                f"{path} is a manifest of format {found[0]}, this program reads format {MANIFEST_FORMAT}"
            )

    @classmethod
    def open(cls, out: Path) -> Manifest:
        return cls(out / MANIFEST_NAME)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- files ----------------------------------------------------------------------------------

    def known_hash(self, path: str, size: int, mtime_ns: int) -> str | None:
        """The content hash recorded for ``path`` if its size and modification time are unchanged."""
        row = self.db.execute(
            "SELECT sha256 FROM files WHERE path = ? AND size = ? AND mtime_ns = ?", (path, size, mtime_ns)
        ).fetchone()
        return str(row[0]) if row else None

    def register(self, files: Sequence[FileState]) -> list[str]:
        """Record where each file is and what it holds; new content gets a ``pending`` document
        with a free id (in the order given, so ids do not depend on timing).

        A path whose content changed frees its old document if no other path holds that content
        (so the new content can take the same id).  Returns the ids of the documents freed: the
        caller deletes their JSON.  One transaction.
        """
        freed: list[str] = []
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for f in files:
                key = shown(f.path)
                row = self.db.execute("SELECT sha256 FROM files WHERE path = ?", (key,)).fetchone()
                if row is not None and row[0] == f.sha256:
                    self.db.execute(
                        "UPDATE files SET size = ?, mtime_ns = ?, seen_at = ? WHERE path = ?",
                        (f.size, f.mtime_ns, _now(), key),
                    )
                    continue
                previous: list[str] = []
                if row is not None:  # the file changed: its old content may now be nobody's
                    self.db.execute("DELETE FROM files WHERE path = ?", (key,))
                    previous = self._free_if_orphan(str(row[0]))
                    freed += previous
                if self._entry(f.sha256) is None:
                    # a changed file keeps its id when its old content is gone
                    stem = short_id(shown_stem(f.path), f.sha256)
                    doc_id = previous[0] if previous else unique_id(stem, f.sha256, self._id_taken)
                    self.db.execute(
                        "INSERT INTO documents (sha256, document_id, status, updated_at) VALUES (?, ?, ?, ?)",
                        (f.sha256, doc_id, Status.PENDING.value, _now()),
                    )
                self.db.execute(
                    "INSERT INTO files (path, sha256, size, mtime_ns, seen_at) VALUES (?, ?, ?, ?, ?)",
                    (key, f.sha256, f.size, f.mtime_ns, _now()),
                )
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:  # a failed COMMIT (disk full) has already rolled back
                self.db.execute("ROLLBACK")
            raise
        return freed

    def _id_taken(self, doc_id: str) -> bool:
        found = self.db.execute("SELECT 1 FROM documents WHERE document_id = ?", (doc_id,)).fetchone()
        return found is not None

    def _free_if_orphan(self, sha256: str) -> list[str]:
        if self.db.execute("SELECT 1 FROM files WHERE sha256 = ?", (sha256,)).fetchone():
            return []
        entry = self._entry(sha256)
        if entry is None:
            return []
        self.db.execute("DELETE FROM documents WHERE sha256 = ?", (sha256,))
        return [entry.document_id]

    # --- documents ------------------------------------------------------------------------------

    def _entry(self, sha256: str) -> DocumentEntry | None:
        row = self.db.execute(
            "SELECT sha256, document_id, status, error_kind, error, pages, seconds, peak_rss_mb, "
            "program_version, schema_version, attempts, completions FROM documents WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        if row is None:
            return None
        return DocumentEntry(
            row[0],
            row[1],
            Status(row[2]),
            ErrorKind(row[3]) if row[3] else None,
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            row[9],
            row[10],
            row[11],
        )

    def entry(self, sha256: str) -> DocumentEntry | None:
        """The document with this content, if the manifest knows it."""
        return self._entry(sha256)

    def entries(self) -> list[DocumentEntry]:
        """Every document, by id."""
        shas = [r[0] for r in self.db.execute("SELECT sha256 FROM documents ORDER BY document_id")]
        return [e for e in (self._entry(s) for s in shas) if e is not None]

    def mark_running(self, sha256: str) -> None:
        """The document has been sent to a worker."""
        self.db.execute(
            "UPDATE documents SET status = ?, attempts = attempts + 1, updated_at = ? WHERE sha256 = ?",
            (Status.RUNNING.value, _now(), sha256),
        )

    def record(self, outcome: Outcome, program_version: str, schema_version: str) -> None:
        """What came of a document.  For a success, call this only once its JSON is written."""
        status = Status.DONE if outcome.ok else Status.FAILED
        self.db.execute(
            "UPDATE documents SET status = ?, error_kind = ?, error = ?, pages = ?, seconds = ?, "
            "peak_rss_mb = ?, program_version = ?, schema_version = ?, completions = completions + 1, "
            "updated_at = ? WHERE sha256 = ?",
            (
                status.value,
                outcome.error_kind.value if outcome.error_kind else None,
                outcome.error,
                outcome.pages,
                outcome.seconds,
                outcome.peak_rss_mb,
                program_version,
                schema_version,
                _now(),
                outcome.sha256,
            ),
        )

    def counts(self) -> dict[str, int]:
        """Documents per status."""
        rows = self.db.execute("SELECT status, count(*) FROM documents GROUP BY status")
        return {str(status): int(n) for status, n in rows}

    def paths_of(self, sha256s: Iterable[str]) -> dict[str, list[str]]:
        """The recorded paths holding each content (sorted)."""
        found: dict[str, list[str]] = {}
        for sha in sha256s:
            rows = self.db.execute("SELECT path FROM files WHERE sha256 = ? ORDER BY path", (sha,))
            found[sha] = [str(r[0]) for r in rows]
        return found
