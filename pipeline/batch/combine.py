"""The combined tables of a batch, kept up to date with the per-document JSON in the output folder.

``documents``, ``indicators``, ``actions``, ``checks`` (the rows :func:`pipeline.output.record_rows`
gives, the same as ``ita extract`` writes), ``errors`` (one row per file that gave no record) and
``files`` (one row per file the sources named), in up to three formats:

* **csv**: ``<table>.csv``, UTF-8 with a BOM (Excel shows Thai), lists one item per line;
* **parquet**: ``<table>.parquet`` (needs the ``parquet`` extra: pyarrow), typed columns, row
  groups of :data:`PARQUET_BATCH` rows;
* **sqlite**: one database ``tables.sqlite`` with the six tables, typed columns, primary keys
  (a document's rows keyed by the document), foreign keys to ``documents`` and indexes on the
  columns one joins and filters by.

Every table is in document-id order, then in the order the record lists its rows, whatever order
documents came and went in, so an incremental, resumed or interrupted run gives exactly the tables
a clean run gives.  ``ita batch`` keeps the rows in a store (:class:`TableStore`) with what each
output file holds, and brings each file up to date with only the documents that changed since it
was written (:func:`update_tables`): a CSV table is spliced (the bytes of the unchanged documents
copied by the kernel around the changed documents' new rows), a Parquet table is written again
from its old row groups and the new rows, ``tables.sqlite`` has the changed documents' rows
replaced in one transaction.  A file is written beside its target and renamed into place (or
changed in a transaction): a reader never sees a half-written table, and a file that is not what
the store says it is (changed, cut short, lost) is written again whole.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import importlib
import io
import itertools
import json
import operator
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from pipeline.batch.types import ErrorRow, FileRow, MissingExtra
from pipeline.output import (
    BATCH_TABLE_COLUMNS,
    COLUMN_TYPES,
    atomic_path,
    record_values,
)

FORMATS = ("csv", "parquet", "sqlite")
SQLITE_NAME = "tables.sqlite"
#: Rows held per table before they go to a Parquet row group.
PARQUET_BATCH = 20_000

_SQLITE_KEYS = {
    "documents": ("", ["document_id"]),
    "indicators": ("seq", ["document_id", "seq"]),
    "actions": ("", ["document_id", "row"]),
    "checks": ("seq", ["document_id", "seq"]),
    "errors": ("", ["file"]),
    "files": ("", ["file"]),
}
_SQLITE_INDEXES = {
    "documents": [["sha256"], ["province"], ["fiscal_year"]],
    "indicators": [["document_id", "year", "number"], ["number"]],
    "actions": [["period_start"]],
    "checks": [["code"]],
    "errors": [["kind"], ["sha256"]],
    "files": [["sha256"], ["status"], ["document_id"]],
}


def parse_formats(spec: str | Iterable[str]) -> tuple[str, ...]:
    """The output formats named by ``spec`` (comma-separated, or ``all``), in a fixed order.

    >>> parse_formats("sqlite,csv")
    ('csv', 'sqlite')
    >>> parse_formats("all")
    ('csv', 'parquet', 'sqlite')
    >>> parse_formats("xlsx")
    Traceback (most recent call last):
    ...
    ValueError: unknown output format 'xlsx' (choose from csv, parquet, sqlite, all)
    """
    names = [s.strip().lower() for s in (spec.split(",") if isinstance(spec, str) else spec)]
    wanted: set[str] = set()
    for name in names:
        if name == "all":
            wanted.update(FORMATS)
        elif name in FORMATS:
            wanted.add(name)
        elif name:
            raise ValueError(f"unknown output format {name!r} (choose from {', '.join(FORMATS)}, all)")
    if not wanted:
        raise ValueError("no output format given")
    return tuple(f for f in FORMATS if f in wanted)


def column_type(table: str, column: str) -> str:
    """The SQL type of a column: ``INTEGER``, ``REAL`` or ``TEXT``.

    >>> column_type("indicators", "score"), column_type("indicators", "name")
    ('REAL', 'TEXT')
    """
    return COLUMN_TYPES.get(table, {}).get(column, "TEXT")


def typed_value(value: Any, sql_type: str) -> Any:
    """A record value as a typed cell: null stays null, lists become one item per line.

    >>> typed_value(["ก", "ข"], "TEXT"), typed_value(None, "REAL"), typed_value(95, "REAL")
    ('ก\\nข', None, 95.0)
    """
    if value is None:
        return None
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if sql_type == "INTEGER":
        return int(value)
    if sql_type == "REAL":
        return float(value)
    return value if isinstance(value, str) else str(value)


def _typed_rows(table: str, rows: Iterable[Sequence[Any]]) -> list[list[Any]]:
    types = [column_type(table, c) for c in BATCH_TABLE_COLUMNS[table]]
    return [[typed_value(v, t) for v, t in zip(row, types, strict=True)] for row in rows]


def pyarrow_modules() -> tuple[Any, Any]:
    """``pyarrow`` and ``pyarrow.parquet``, or :class:`MissingExtra` naming the extra to install."""
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise MissingExtra("Parquet output", "parquet") from None


def parquet_available() -> bool:
    try:
        pyarrow_modules()
    except MissingExtra:
        return False
    return True


def _quote(name: str) -> str:
    return f'"{name}"'


def sqlite_columns(table: str) -> list[str]:
    """The columns of a table of ``tables.sqlite``: the CSV's, and for a table whose rows have no key
    of their own (``indicators``, ``checks``) ``seq``, the row's place among its document's rows.

    >>> sqlite_columns("checks")
    ['document_id', 'seq', 'code', 'severity', 'message', 'page', 'values']
    """
    columns = list(BATCH_TABLE_COLUMNS[table])
    seq = _SQLITE_KEYS[table][0]
    if seq:
        columns.insert(columns.index("document_id") + 1, seq)
    return columns


def sqlite_schema() -> str:
    """The DDL of ``tables.sqlite``: typed columns, keys, foreign keys to ``documents``.

    A document's rows are keyed by the document (``document_id``, then ``row`` or ``seq``) and kept
    in key order (``WITHOUT ROWID``), so that a document's rows can be replaced without touching
    any other document's: a key never depends on which other documents are in the tables."""
    statements = []
    for table in BATCH_TABLE_COLUMNS:
        seq, key = _SQLITE_KEYS[table]
        parts = []
        for column in sqlite_columns(table):
            spec = f"{_quote(column)} {'INTEGER' if column == seq else column_type(table, column)}"
            if column == "document_id" and table in ("indicators", "actions", "checks"):
                spec += " NOT NULL REFERENCES documents (document_id)"
            elif column in key or (table == "documents" and column == "sha256"):
                spec += " NOT NULL"
            parts.append(spec)
        parts.append(f"PRIMARY KEY ({', '.join(_quote(k) for k in key)})")
        if table == "documents":
            parts.append('UNIQUE ("sha256")')
        rowid = " WITHOUT ROWID" if table in _RECORD_TABLES else ""
        statements.append(f"CREATE TABLE {_quote(table)} (\n    " + ",\n    ".join(parts) + f"\n){rowid};")
    for table, indexes in _SQLITE_INDEXES.items():
        for cols in indexes:
            name = f"{table}_{'_'.join(cols)}"
            statements.append(
                f"CREATE INDEX {_quote(name)} ON {_quote(table)} ({', '.join(_quote(c) for c in cols)});"
            )
    return "\n".join(statements) + "\n"


#: The batch's own copy of the combined tables, kept between runs so that a run changes only the
#: documents that changed (hidden: the outputs are the tables in each format).
STORE_NAME = ".ita-tables-store.sqlite"
#: Bump when the store's layout changes: an older store is rebuilt from the records.
STORE_FORMAT = "2"
_RECORD_TABLES = ("documents", "indicators", "actions", "checks")
#: Document ids per ``IN (…)`` list (SQLite allows 999 parameters in older builds).
_IN_CHUNK = 500


def _chunks(items: Sequence[str], size: int = _IN_CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class TableStore:
    """The rows of the combined tables in one SQLite database, each row with its document and its
    place among that document's rows (``_seq``), so that the tables can be written in the order a
    clean run writes them whatever order documents came and went in.

    It also knows what each output file holds (``_outputs``: the file's size, modification time
    and inode when it was written, and what it was written for; ``_layout``: per output and
    document, the record signature it holds and its size there, bytes in a CSV file, rows in a
    Parquet file), so that a file can be brought up to date with only the documents that changed."""

    def __init__(self, path: str | Path, *, reader: bool = False) -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(path, isolation_level=None)
        if reader:  # another connection to a store made already: to read its rows in a thread
            return
        try:
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError:  # not a database (damaged): it is only a copy, make it anew
            self.db.close()
            Path(path).unlink()
            self.db = sqlite3.connect(path, isolation_level=None)
        found = self._format()
        if found != STORE_FORMAT:
            for table in [*BATCH_TABLE_COLUMNS, "_loaded", "_meta", "_outputs", "_layout"]:
                self.db.execute(f"DROP TABLE IF EXISTS {_quote(table)}")
            self._create()

    def _format(self) -> str | None:
        try:
            row = self.db.execute("SELECT value FROM _meta WHERE key = 'format'").fetchone()
        except sqlite3.Error:
            return None
        return str(row[0]) if row else None

    def _create(self) -> None:
        statements = [
            "CREATE TABLE _meta (key TEXT PRIMARY KEY, value TEXT)",
            "CREATE TABLE _loaded (document_id TEXT PRIMARY KEY, signature TEXT)",
            "CREATE TABLE _outputs (name TEXT PRIMARY KEY, stamp TEXT, schema TEXT, content TEXT)",
            "CREATE TABLE _layout (output TEXT, document_id TEXT, signature TEXT, size INTEGER, "
            "PRIMARY KEY (output, document_id)) WITHOUT ROWID",
        ]
        for table, columns in BATCH_TABLE_COLUMNS.items():
            cols = ", ".join(f"{_quote(c)} {column_type(table, c)}" for c in columns)
            statements.append(f"CREATE TABLE {_quote(table)} ({cols}, _seq INTEGER)")
            if table in _RECORD_TABLES:
                statements.append(f"CREATE INDEX {_quote(table + '_store')} ON {_quote(table)} (document_id)")
        self.db.execute("BEGIN")
        for statement in statements:
            self.db.execute(statement)
        self.db.execute("INSERT INTO _meta VALUES ('format', ?)", (STORE_FORMAT,))
        self.db.execute("COMMIT")

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM _meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO _meta VALUES (?, ?)", (key, value))

    def loaded(self) -> dict[str, str]:
        """The documents whose rows are in the store, with the signature of the record they came from."""
        return {str(d): str(s) for d, s in self.db.execute("SELECT document_id, signature FROM _loaded")}

    def remove(self, document_id: str) -> None:
        for table in _RECORD_TABLES:
            self.db.execute(f"DELETE FROM {_quote(table)} WHERE document_id = ?", (document_id,))
        self.db.execute("DELETE FROM _loaded WHERE document_id = ?", (document_id,))

    def add(self, record: dict[str, Any], signature: str) -> None:
        """A record's rows (its document's earlier rows replaced)."""
        self.remove(str(record["document_id"]))
        for table, rows in record_values(record).items():
            self._insert(table, _typed_rows(table, rows))
        self.db.execute("INSERT INTO _loaded VALUES (?, ?)", (record["document_id"], signature))

    def replace(self, table: str, rows: list[list[Any]]) -> None:
        """The whole of a table that is not per document (``errors``, ``files``)."""
        self.db.execute(f"DELETE FROM {_quote(table)}")
        self._insert(table, _typed_rows(table, rows))

    def _insert(self, table: str, rows: list[list[Any]]) -> None:
        columns = BATCH_TABLE_COLUMNS[table]
        names = ", ".join(_quote(c) for c in [*columns, "_seq"])
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        self.db.executemany(
            f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})",
            ([*row, seq] for seq, row in enumerate(rows)),
        )

    def rows(self, table: str, documents: Sequence[str] | None = None) -> Iterator[tuple[Any, ...]]:
        """The table's rows in the order a clean run writes them: by document id, then as the
        record lists them (``errors`` and ``files`` in the order given); only those of
        ``documents`` (sorted) if given."""
        columns = ", ".join(_quote(c) for c in BATCH_TABLE_COLUMNS[table])
        return self._select(table, columns, documents)

    def csv_rows(self, table: str, documents: Sequence[str] | None = None) -> Iterator[tuple[Any, ...]]:
        """:meth:`rows` as CSV cells: null empty, text that would start a formula behind an
        apostrophe (:func:`pipeline.output.spreadsheet_safe`), computed by SQLite; each row
        preceded by its document id (``None`` for ``errors`` and ``files``)."""
        cells = [_csv_cell(table, column) for column in BATCH_TABLE_COLUMNS[table]]
        doc = "document_id" if table in _RECORD_TABLES else "NULL"
        return self._select(table, ", ".join([doc, *cells]), documents)

    def _select(self, table: str, what: str, documents: Sequence[str] | None) -> Iterator[tuple[Any, ...]]:
        query = f"SELECT {what} FROM {_quote(table)}"
        if documents is None:
            yield from self.db.execute(f"{query} ORDER BY {_order(table)}")
            return
        for chunk in _chunks(documents):
            marks = ", ".join("?" for _ in chunk)
            yield from self.db.execute(
                f"{query} WHERE document_id IN ({marks}) ORDER BY {_order(table)}", list(chunk)
            )

    def counts(self, table: str, documents: Sequence[str] | None = None) -> dict[str, int]:
        """Rows per document in a record table (documents without rows left out)."""
        found: dict[str, int] = {}
        query = f"SELECT document_id, count(*) FROM {_quote(table)}"
        if documents is None:
            found.update(self.db.execute(f"{query} GROUP BY document_id"))
        else:
            for chunk in _chunks(documents):
                marks = ", ".join("?" for _ in chunk)
                found.update(
                    self.db.execute(f"{query} WHERE document_id IN ({marks}) GROUP BY 1", list(chunk))
                )
        return found

    def output(self, name: str) -> tuple[str, str, str] | None:
        """What the store knows of an output file: its stamp, schema and content fingerprints."""
        row = self.db.execute(
            "SELECT stamp, schema, content FROM _outputs WHERE name = ?", (name,)
        ).fetchone()
        return (str(row[0]), str(row[1]), str(row[2])) if row else None

    def changed_since(self, output: str) -> list[str]:
        """The documents whose rows in ``output`` are not those of the store (added, changed or
        removed since it was written), sorted."""
        query = """
            SELECT l.document_id FROM _layout l LEFT JOIN _loaded d ON d.document_id = l.document_id
             WHERE l.output = ?1 AND (d.document_id IS NULL OR d.signature IS NOT l.signature)
            UNION
            SELECT d.document_id FROM _loaded d
              LEFT JOIN _layout l ON l.output = ?1 AND l.document_id = d.document_id
             WHERE l.document_id IS NULL
            ORDER BY 1"""
        return [str(r[0]) for r in self.db.execute(query, (output,))]

    def layout(self, output: str) -> list[tuple[str, int]]:
        """Each document's size in ``output`` as written (bytes or rows), in document order."""
        query = "SELECT document_id, size FROM _layout WHERE output = ? AND size > 0 ORDER BY document_id"
        return [(str(d), int(s)) for d, s in self.db.execute(query, (output,))]

    def record_output(self, done: _Done, loaded: dict[str, str]) -> None:
        """An output file in place: what it holds (inside the caller's transaction)."""
        stamp = _stamp(done.path)
        self.db.execute(
            "INSERT OR REPLACE INTO _outputs VALUES (?, ?, ?, ?)",
            (done.name, stamp, done.schema, done.content),
        )
        if done.changed is None:
            return
        if done.whole:
            self.db.execute("DELETE FROM _layout WHERE output = ?", (done.name,))
            docs: Iterable[str] = loaded
        else:
            self.db.executemany(
                "DELETE FROM _layout WHERE output = ? AND document_id = ?",
                ((done.name, d) for d in done.changed),
            )
            docs = (d for d in done.changed if d in loaded)
        self.db.executemany(
            "INSERT INTO _layout VALUES (?, ?, ?, ?)",
            ((done.name, d, loaded[d], done.sizes.get(d, 0)) for d in docs),
        )

    def close(self) -> None:
        self.db.close()


#: What a spreadsheet reads as the start of a formula, as SQL: = + - @ tab CR.
_FORMULA_SQL = "'=', '+', '-', '@', char(9), char(13)"


def _csv_cell(table: str, column: str) -> str:
    """The SQL of one CSV cell: null as empty, formula-like text behind an apostrophe."""
    name = _quote(column)
    if column_type(table, column) != "TEXT":
        return f"ifnull({name}, '')"
    formula = f"substr({name}, 1, 1) IN ({_FORMULA_SQL})"
    return f"CASE WHEN {formula} THEN char(39) || {name} ELSE ifnull({name}, '') END"


def _order(table: str) -> str:
    return "document_id, _seq" if table in _RECORD_TABLES else "_seq"


def _stamp(path: Path) -> str:
    """What changes when a file is written or replaced: its size, modification time and inode."""
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def _digest(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


# --- the output files --------------------------------------------------------------------------


@dataclass
class _Done:
    """An output file made (a temporary file to rename into place, or a transaction to commit),
    with what the store is to remember of it once it is in place."""

    name: str
    path: Path
    schema: str
    content: str = ""
    #: documents whose layout entries are replaced; ``None``: the file keeps no layout
    changed: Sequence[str] | None = None
    whole: bool = False  #: written from scratch: every document's layout entry replaced
    sizes: dict[str, int] = field(default_factory=dict)  #: per document, in the file


@dataclass
class _Plan:
    """What to do with one output file: leave it, splice the documents that changed, or write it whole."""

    name: str
    table: str | None  #: ``None``: the SQLite database (every table)
    schema: str
    content: str = ""
    whole: bool = True
    changed: list[str] = field(default_factory=list)
    #: for the SQLite database: the tables ``errors`` and ``files`` are to be written again
    extras: bool = True


def _csv_head(table: str) -> bytes:
    """A CSV table's first bytes: the BOM and the header line."""
    return b"\xef\xbb\xbf" + _csv_bytes([BATCH_TABLE_COLUMNS[table]])


def _csv_bytes(rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV lines (CRLF) of cells that are spreadsheet-safe already, as UTF-8."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _by_document(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """Rows whose first value is their document id, grouped per document, the id taken off."""
    for doc, group in itertools.groupby(rows, key=operator.itemgetter(0)):
        yield str(doc), [row[1:] for row in group]


#: Bump when the way a format's files are written changes: files written before are written again.
_FILE_FORMAT = "2"


def _schemas(formats: Sequence[str]) -> dict[str, str]:
    """Per output file, what it is written for (its columns and types): a file written for
    another is written again whole."""
    found: dict[str, str] = {}
    for fmt in formats:
        if fmt == "sqlite":
            found[SQLITE_NAME] = _digest(_FILE_FORMAT, sqlite_schema())
            continue
        for table, columns in BATCH_TABLE_COLUMNS.items():
            types = [column_type(table, c) for c in columns]
            found[f"{table}.{fmt}"] = _digest(fmt, _FILE_FORMAT, columns, types, PARQUET_BATCH)
    return found


def _plans(out: Path, store: TableStore, formats: Sequence[str], whole: bool) -> dict[str, list[_Plan]]:
    """Per format, the output files that are not up to date and what to do with each."""
    contents = {table: _digest([list(r) for r in store.rows(table)]) for table in ("errors", "files")}
    plans: dict[str, list[_Plan]] = {}
    for name, schema in _schemas(formats).items():
        fmt = name.rsplit(".", 1)[1]
        table = None if fmt == "sqlite" else name.rsplit(".", 1)[0]
        content = contents.get(table or "", "") if table else _digest(contents)
        state = None if whole else store.output(name)
        fresh = (
            state is None
            or state[1] != schema
            or not (out / name).is_file()
            or _stamp(out / name) != state[0]
        )
        if fresh:
            plan = _Plan(name, table, schema, content)
        elif table in ("errors", "files"):
            if state is not None and state[2] == content:
                continue
            plan = _Plan(name, table, schema, content)
        else:
            extras = state is not None and state[2] != content
            changed = store.changed_since(name)
            if not changed and not extras:
                continue
            plan = _Plan(name, table, schema, content, whole=False, changed=changed, extras=extras)
        plans.setdefault(fmt, []).append(plan)
    return plans


def _write_csv(out: Path, plan: _Plan, store: TableStore, stack: ExitStack) -> _Done:
    assert plan.table is not None
    path = out / plan.name
    head = _csv_head(plan.table)
    if plan.table not in _RECORD_TABLES:
        tmp = stack.enter_context(atomic_path(path))
        with open(tmp, "wb") as fh:
            fh.write(head + _csv_bytes(row[1:] for row in store.csv_rows(plan.table)))
        return _Done(plan.name, path, plan.schema, plan.content)
    if not plan.whole:
        old = store.layout(plan.name)
        if _csv_matches(path, head, old):
            tmp = stack.enter_context(atomic_path(path))
            new = {
                doc: _csv_bytes(rows) for doc, rows in _by_document(store.csv_rows(plan.table, plan.changed))
            }
            _splice_file(path, tmp, len(head), old, plan.changed, new)
            sizes = {doc: len(data) for doc, data in new.items()}
            return _Done(plan.name, path, plan.schema, changed=plan.changed, sizes=sizes)
    tmp = stack.enter_context(atomic_path(path))
    sizes = {}
    with open(tmp, "wb") as fh:
        fh.write(head)
        for doc, rows in _by_document(store.csv_rows(plan.table)):
            data = _csv_bytes(rows)
            fh.write(data)
            sizes[doc] = len(data)
    return _Done(plan.name, path, plan.schema, changed=(), whole=True, sizes=sizes)


def _csv_matches(path: Path, head: bytes, layout: list[tuple[str, int]]) -> bool:
    """Whether a CSV file is the one its layout describes: its header, then as many bytes as its
    documents' rows took."""
    try:
        with open(path, "rb") as fh:
            if fh.read(len(head)) != head:
                return False
            return os.fstat(fh.fileno()).st_size == len(head) + sum(size for _, size in layout)
    except OSError:
        return False


def _segments(
    start: int, old: Sequence[tuple[str, int]], changed: Sequence[str]
) -> Iterator[tuple[int, int] | str]:
    """The new file from the old one: ``(offset, length)`` of old parts to keep, in order, with
    the id of each changed document where its new part goes.

    >>> list(_segments(3, [("a", 5), ("b", 2), ("d", 4)], ["b", "c", "e"]))
    [(3, 5), 'b', 'c', (10, 4), 'e']
    """
    changes = set(changed)
    docs = sorted(changes.union(d for d, _ in old))
    sizes = dict(old)
    offset = run = start
    for doc in docs:
        if doc in changes:
            if offset > run:
                yield run, offset - run
            yield doc
            offset += sizes.get(doc, 0)
            run = offset
        else:
            offset += sizes[doc]
    if offset > run:
        yield run, offset - run


def _splice_file(
    src: Path,
    tmp: Path,
    head: int,
    old: Sequence[tuple[str, int]],
    changed: Sequence[str],
    new: dict[str, bytes],
) -> None:
    """``tmp``: the file ``src`` with the rows of the ``changed`` documents replaced by ``new``
    (none where a document is gone): the parts between copied by the kernel."""
    with open(src, "rb") as fin, open(tmp, "wb", buffering=0) as fout:
        _copy_range(fin.fileno(), fout, 0, head)
        for part in _segments(head, old, changed):
            if isinstance(part, str):
                fout.write(new.get(part, b""))
            else:
                _copy_range(fin.fileno(), fout, *part)


def _copy_range(src: int, dst: Any, offset: int, length: int) -> None:
    """Append ``length`` bytes of ``src`` from ``offset`` to the file ``dst`` (unbuffered)."""
    done = 0
    try:
        while done < length:
            n = os.copy_file_range(src, dst.fileno(), length - done, offset + done)
            if n == 0:
                raise OSError(errno.EIO, "the table file ended early")
            done += n
        return
    except (AttributeError, OSError) as err:
        if isinstance(err, OSError) and err.errno not in (
            errno.EXDEV,
            errno.ENOSYS,
            errno.EINVAL,
            errno.EOPNOTSUPP,
        ):
            raise
    while done < length:  # a file system (or system) without copy_file_range: read and write
        data = os.pread(src, min(length - done, 1 << 22), offset + done)
        if not data:
            raise OSError(errno.EIO, "the table file ended early")
        dst.write(data)
        done += len(data)


def _arrow_schema(table: str) -> Any:
    """A table's columns as Arrow types: 64-bit integers, doubles, strings."""
    pa, _ = pyarrow_modules()
    types = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}
    return pa.schema([(c, types[column_type(table, c)]) for c in BATCH_TABLE_COLUMNS[table]])


class _ParquetTables:
    """Arrow tables of the store's rows, and row groups of ``PARQUET_BATCH`` rows written as a
    clean run writes them, whatever pieces they come in.

    With ``dictionary``, text columns are taken and given as dictionaries (the way a Parquet file
    holds them: a row group's values once, then indexes), which spares turning every text of the
    unchanged rows into a string and back; each row group's dictionary is cut to the values its
    rows use, in the order they first appear, as the writer itself would make it.  Either way the
    file holds text columns (no Arrow schema is stored: Parquet's own types read back the same)."""

    def __init__(self, table: str, tmp: Path, *, dictionary: bool = False) -> None:
        self.pa, pq = pyarrow_modules()
        self.compute = importlib.import_module("pyarrow.compute")
        self.plain = _arrow_schema(table)
        text = self.pa.dictionary(self.pa.int32(), self.pa.string())
        fields = [(f.name, text if dictionary and f.type == self.pa.string() else f.type) for f in self.plain]
        self.schema = self.pa.schema(fields)
        self.dictionary = dictionary
        self._writer = pq.ParquetWriter(str(tmp), self.schema, compression="zstd", store_schema=False)
        self._pending: list[Any] = []
        self._rows = 0

    def table(self, rows: Sequence[Sequence[Any]]) -> Any:
        columns = list(zip(*rows, strict=True)) if rows else [()] * len(self.plain.names)
        table = self.pa.table(
            {n: list(columns[i]) for i, n in enumerate(self.plain.names)}, schema=self.plain
        )
        return table.cast(self.schema) if self.dictionary else table

    def add(self, table: Any) -> None:
        if table.num_rows == 0:
            return
        self._pending.append(table)
        self._rows += table.num_rows
        while self._rows >= PARQUET_BATCH:
            self._flush(PARQUET_BATCH)

    def _flush(self, count: int) -> None:
        joined = self.pa.concat_tables(self._pending)
        group = joined.slice(0, count)
        if self.dictionary:
            group = self._compact(group)
        self._writer.write_table(group, row_group_size=count)
        rest = joined.slice(count)
        self._pending = [rest] if rest.num_rows else []
        self._rows = rest.num_rows

    def _compact(self, group: Any) -> Any:
        """One dictionary per text column, of the values the rows use, in order of first use."""
        pc = self.compute
        group = group.unify_dictionaries().combine_chunks()
        columns = []
        for name in group.column_names:
            column = group.column(name)
            if self.pa.types.is_dictionary(column.type):
                array = column.chunk(0)
                used = pc.unique(array.indices).drop_null()
                indices = pc.index_in(array.indices, value_set=used)
                column = self.pa.DictionaryArray.from_arrays(indices, array.dictionary.take(used))
            columns.append(column)
        return self.pa.Table.from_arrays(columns, schema=self.schema)

    def close(self) -> None:
        if self._rows:
            self._flush(self._rows)
        self._writer.close()


def _write_parquet(out: Path, plan: _Plan, store: TableStore, stack: ExitStack) -> _Done:
    assert plan.table is not None
    path = out / plan.name
    source = None
    if plan.table in _RECORD_TABLES and not plan.whole:
        old = store.layout(plan.name)
        source = _parquet_source(path, plan.table, old)
    tmp = stack.enter_context(atomic_path(path))
    writer = _ParquetTables(plan.table, tmp, dictionary=source is not None)
    try:
        if plan.table not in _RECORD_TABLES:
            writer.add(writer.table(list(store.rows(plan.table))))
            return _Done(plan.name, path, plan.schema, plan.content)
        if source is not None:
            new = _by_document((r[0], *r) for r in store.rows(plan.table, plan.changed))
            pieces = {doc: rows for doc, rows in new}
            for part in _segments(0, old, plan.changed):
                if isinstance(part, str):
                    writer.add(writer.table(pieces.get(part, [])))
                else:
                    for piece in _parquet_rows(source, *part):
                        writer.add(piece)
            sizes = {doc: len(rows) for doc, rows in pieces.items()}
            return _Done(plan.name, path, plan.schema, changed=plan.changed, sizes=sizes)
        sizes = {}
        batch: list[tuple[Any, ...]] = []
        for doc, rows in _by_document((r[0], *r) for r in store.rows(plan.table)):
            sizes[doc] = len(rows)
            batch += rows
            if len(batch) >= PARQUET_BATCH:
                writer.add(writer.table(batch))
                batch = []
        writer.add(writer.table(batch))
        return _Done(plan.name, path, plan.schema, changed=(), whole=True, sizes=sizes)
    finally:
        writer.close()


def _parquet_source(path: Path, table: str, layout: list[tuple[str, int]]) -> Any | None:
    """The Parquet file to take the unchanged rows from (its text columns read as dictionaries),
    if it is the one its layout describes."""
    _, pq = pyarrow_modules()
    schema = _arrow_schema(table)
    text = [c for c in schema.names if column_type(table, c) == "TEXT"]
    try:
        source = pq.ParquetFile(path, read_dictionary=text)
        plain = pq.ParquetFile(path).schema_arrow
    except (OSError, ValueError):
        return None
    if not plain.equals(schema) or source.metadata.num_rows != sum(s for _, s in layout):
        return None
    return source


def _parquet_rows(source: Any, offset: int, length: int) -> Iterator[Any]:
    """Rows ``offset`` to ``offset + length`` of a Parquet file, read a row group at a time."""
    meta = source.metadata
    start = 0
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        lo, hi = max(offset, start), min(offset + length, start + rows)
        if lo < hi:
            yield source.read_row_group(group).slice(lo - start, hi - lo)
        start += rows
        if start >= offset + length:
            break


#: How long the update of ``tables.sqlite`` waits for other programs reading or writing it.
_BUSY_SECONDS = 30.0


class _Transaction:
    """The SQLite database's open transaction, committed when the ``with`` block succeeds."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> _Transaction:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            self.db.execute("COMMIT" if kind is None else "ROLLBACK")
        finally:
            self.db.close()


def _write_sqlite(out: Path, plan: _Plan, store: TableStore, stack: ExitStack) -> _Done:
    """``tables.sqlite``: the changed documents' rows replaced in one transaction, or the whole
    database made anew beside it and renamed into place."""
    path = out / SQLITE_NAME
    db = None
    if not plan.whole:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=_BUSY_SECONDS)
        try:
            db.execute("ATTACH DATABASE ? AS store", (str(store.path),))
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError:  # another program writing it (or it is no database): anew
            db.close()
            db = None
        except BaseException:
            db.close()
            raise
    if db is not None:
        stack.enter_context(_Transaction(db))
        for table in reversed(_RECORD_TABLES):  # a document's rows before the document
            for chunk in _chunks(plan.changed):
                marks = ", ".join("?" for _ in chunk)
                db.execute(f"DELETE FROM main.{_quote(table)} WHERE document_id IN ({marks})", list(chunk))
        for table in _RECORD_TABLES:
            _copy_rows(db, table, plan.changed)
        if plan.extras:
            for table in ("errors", "files"):
                db.execute(f"DELETE FROM main.{_quote(table)}")
                _copy_rows(db, table, None)
        return _Done(plan.name, path, plan.schema, plan.content, changed=plan.changed)
    tmp = stack.enter_context(atomic_path(path))
    db = sqlite3.connect(tmp, isolation_level=None)
    try:
        db.executescript(sqlite_schema())
        db.execute("PRAGMA journal_mode=OFF")  # a private file until it is renamed
        db.execute("PRAGMA synchronous=OFF")
        db.execute("ATTACH DATABASE ? AS store", (str(store.path),))
        db.execute("BEGIN")
        for table in BATCH_TABLE_COLUMNS:
            _copy_rows(db, table, None)
        db.execute("COMMIT")
    finally:
        db.close()
    return _Done(plan.name, path, plan.schema, plan.content, changed=(), whole=True)


def _copy_rows(db: sqlite3.Connection, table: str, documents: Sequence[str] | None) -> None:
    """Copy the store's rows of a table (those of ``documents`` only, if given) into the database,
    in key order."""
    seq = _SQLITE_KEYS[table][0]
    names = sqlite_columns(table)
    values = ", ".join("_seq + 1" if c == seq else _quote(c) for c in names)
    insert = (
        f"INSERT INTO main.{_quote(table)} ({', '.join(_quote(c) for c in names)}) "
        f"SELECT {values} FROM store.{_quote(table)}"
    )
    if documents is None:
        db.execute(f"{insert} ORDER BY {_order(table)}")
        return
    for chunk in _chunks(documents):
        marks = ", ".join("?" for _ in chunk)
        db.execute(f"{insert} WHERE document_id IN ({marks}) ORDER BY {_order(table)}", list(chunk))


_WRITERS = {"csv": _write_csv, "parquet": _write_parquet, "sqlite": _write_sqlite}


def _write(out: Path, store: TableStore, formats: Sequence[str], *, whole: bool = False) -> list[_Done]:
    """Bring each format's files up to date with the store; they are renamed into place (and the
    SQLite transaction committed) only when every format is written.  Returns what was written.

    The formats are written at once, one thread each with its own connection to the store: SQLite,
    the kernel's copying and Parquet let go of the interpreter, so two cores share the work."""
    plans = _plans(out, store, formats, whole)

    def fill(fmt: str) -> tuple[ExitStack, list[_Done]]:
        stack = ExitStack()
        reader = TableStore(store.path, reader=True)
        try:
            done = [_WRITERS[fmt](out, plan, reader, stack) for plan in plans[fmt]]
        except BaseException as err:
            stack.__exit__(type(err), err, err.__traceback__)
            raise
        finally:
            reader.close()
        return stack, done

    results: list[tuple[ExitStack, list[_Done]]] = []
    failure: BaseException | None = None
    with ThreadPoolExecutor(max_workers=max(len(plans), 1), thread_name_prefix="ita-tables") as pool:
        for future in [pool.submit(fill, fmt) for fmt in plans]:
            try:
                results.append(future.result())
            except BaseException as err:
                failure = failure or err
    if failure is not None:  # no file put in place: the others' temporary files go, transactions roll back
        for sub, _ in results:
            sub.__exit__(type(failure), failure, failure.__traceback__)
        raise failure
    written: list[_Done] = []
    with ExitStack() as stack:
        for sub, done in results:
            stack.enter_context(sub)
            written += done
    return written


def rebuild_tables(
    out: Path,
    records: Iterable[dict[str, Any]],
    errors: Sequence[ErrorRow],
    formats: Sequence[str],
    files: Sequence[FileRow] = (),
) -> list[Path]:
    """Write the combined tables of ``records`` (``ExtractionRecord.to_dict()`` each, in table
    order), ``errors`` and ``files`` into ``out`` in each of ``formats``, from scratch.  Returns the
    files written.  (``ita batch`` keeps its store between runs: :func:`update_tables`.)"""
    if "parquet" in formats:
        pyarrow_modules()  # fail before any work if the extra is missing
    folder = tempfile.TemporaryDirectory(prefix="ita-tables-")
    store = TableStore(Path(folder.name) / "store.sqlite")
    try:
        store.db.execute("BEGIN")
        for record in records:
            store.add(record, "")
        store.replace("errors", [e.as_list() for e in errors])
        store.replace("files", [f.as_list() for f in files])
        store.db.execute("COMMIT")
        _write(out, store, formats, whole=True)
        return _paths(out, formats)
    finally:
        store.close()
        folder.cleanup()


def update_tables(
    out: Path,
    documents: Sequence[tuple[str, Path]],
    errors: Sequence[ErrorRow],
    formats: Sequence[str],
    files: Sequence[FileRow] = (),
) -> list[Path]:
    """Bring the combined tables in ``out`` up to date with the records ``documents`` names
    (``(document_id, path of its JSON)``), reading only the records that are new or changed since
    the last run, then bring each output file up to date with the documents that changed since it
    was written (see :func:`_write`).  The tables equal those :func:`rebuild_tables` writes from
    all the records.  Each step is one transaction or one rename: a run killed anywhere leaves
    whole files, and the next run finishes the work."""
    if "parquet" in formats:
        pyarrow_modules()
    store = TableStore(out / STORE_NAME)
    try:
        loaded = store.loaded()
        wanted = {doc_id: _signature(path) for doc_id, path in documents}
        store.db.execute("BEGIN IMMEDIATE")
        try:
            for doc_id in loaded.keys() - wanted.keys():
                store.remove(doc_id)
            for doc_id, path in documents:
                if loaded.get(doc_id) != wanted[doc_id]:
                    record = _read_record(path)
                    record["document_id"] = doc_id
                    store.add(record, wanted[doc_id])
            store.replace("errors", [e.as_list() for e in errors])
            store.replace("files", [f.as_list() for f in files])
            store.db.execute("COMMIT")
        except BaseException:
            if store.db.in_transaction:
                store.db.execute("ROLLBACK")
            raise
        done = _write(out, store, formats)
        if done:  # what each file now holds (a run killed before this writes those files whole)
            loaded = store.loaded()
            store.db.execute("BEGIN IMMEDIATE")
            for item in done:
                store.record_output(item, loaded)
            store.db.execute("COMMIT")
        return _paths(out, formats)
    finally:
        store.close()


def _paths(out: Path, formats: Sequence[str]) -> list[Path]:
    """The files each format writes."""
    found: list[Path] = []
    for fmt in formats:
        if fmt == "sqlite":
            found.append(out / SQLITE_NAME)
        else:
            found += [out / f"{table}.{fmt}" for table in BATCH_TABLE_COLUMNS]
    return found


def _signature(path: Path) -> str:
    """What changes when a record file is written again: its size and modification time."""
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def _read_record(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise RecordUnreadable(f"{path}: cannot be read back ({err}); run again with --force") from err
    return data


class RecordUnreadable(Exception):
    """A record JSON of the output folder cannot be read back."""
