"""The combined tables of a batch, rebuilt from the per-document JSON in the output folder.

``documents``, ``indicators``, ``actions``, ``checks`` (the rows :func:`pipeline.output.record_rows`
gives, the same as ``ita extract`` writes) and ``errors`` (one row per file that gave no record),
in up to three formats:

* **csv**: ``<table>.csv``, UTF-8 with a BOM (Excel shows Thai), lists one item per line;
* **parquet**: ``<table>.parquet`` (needs the ``parquet`` extra: pyarrow), typed columns;
* **sqlite**: one database ``tables.sqlite`` with the five tables, typed columns, primary keys,
  foreign keys to ``documents`` and indexes on the columns one joins and filters by.

The tables are always rebuilt whole, from the records given in the order given, so a resumed run
gives exactly the tables a clean run gives.  Each file is written beside its target and renamed
into place: a reader never sees a half-written table.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import Any

from pipeline.batch.types import ErrorRow, FileRow, MissingExtra
from pipeline.output import (
    BATCH_TABLE_COLUMNS,
    COLUMN_TYPES,
    CsvTablesWriter,
    atomic_path,
    record_values,
)

FORMATS = ("csv", "parquet", "sqlite")
SQLITE_NAME = "tables.sqlite"
#: Rows held per table before they go to a Parquet row group.
PARQUET_BATCH = 20_000

_SQLITE_KEYS = {
    "documents": ("", ["document_id"]),
    "indicators": ("id", []),
    "actions": ("", ["document_id", "row"]),
    "checks": ("id", []),
    "errors": ("", ["file"]),
    "files": ("", ["file"]),
}
_SQLITE_INDEXES = {
    "documents": [["sha256"], ["province"], ["fiscal_year"]],
    "indicators": [["document_id", "year", "number"], ["number"]],
    "actions": [["period_start"]],
    "checks": [["document_id"], ["code"]],
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


class _Sink:
    """One output format: a table at a time copied from the store, files renamed into place when
    the ``with`` block succeeds."""

    paths: list[Path]

    def copy(self, table: str, store: TableStore) -> None:
        raise NotImplementedError

    def done(self) -> None:
        """Every table copied (in the thread that copied them)."""

    def finish(self, ok: bool) -> None:
        raise NotImplementedError

    def __enter__(self) -> _Sink:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.finish(kind is None)


class _CsvSink(_Sink):
    def __init__(self, out: Path) -> None:
        self._writer = CsvTablesWriter(out, BATCH_TABLE_COLUMNS)
        self.paths = self._writer.paths

    def copy(self, table: str, store: TableStore) -> None:
        # SQLite makes each cell what the CSV holds (spreadsheet-safe text, empty for null)
        self._writer.add_safe_rows(table, store.csv_rows(table))

    def finish(self, ok: bool) -> None:
        error = None if ok else RuntimeError("combined tables not finished")
        self._writer.__exit__(None if ok else RuntimeError, error, None)


class _ParquetSink(_Sink):
    def __init__(self, out: Path) -> None:
        self._pa, pq = pyarrow_modules()
        types = {"INTEGER": self._pa.int64(), "REAL": self._pa.float64(), "TEXT": self._pa.string()}
        self._stack = ExitStack()
        self._schemas: dict[str, Any] = {}
        self._writers: dict[str, Any] = {}
        self.paths = []
        for table, columns in BATCH_TABLE_COLUMNS.items():
            schema = self._pa.schema([(c, types[column_type(table, c)]) for c in columns])
            path = out / f"{table}.parquet"
            tmp = self._stack.enter_context(atomic_path(path))
            self._schemas[table] = schema
            self._writers[table] = pq.ParquetWriter(str(tmp), schema, compression="zstd")
            self.paths.append(path)

    def copy(self, table: str, store: TableStore) -> None:
        schema = self._schemas[table]
        cursor = store.rows(table)
        while rows := cursor.fetchmany(PARQUET_BATCH):
            columns = list(zip(*rows, strict=True))
            data = {name: list(columns[i]) for i, name in enumerate(schema.names)}
            self._writers[table].write_table(self._pa.table(data, schema=schema))

    def finish(self, ok: bool) -> None:
        try:
            for writer in self._writers.values():
                writer.close()
        except BaseException as err:
            self._stack.__exit__(type(err), err, err.__traceback__)
            raise
        if ok:
            self._stack.close()
        else:
            error = RuntimeError("combined tables not finished")
            self._stack.__exit__(RuntimeError, error, None)


def _quote(name: str) -> str:
    return f'"{name}"'


def sqlite_schema() -> str:
    """The DDL of ``tables.sqlite``: typed columns, keys, foreign keys to ``documents``."""
    statements = []
    for table, columns in BATCH_TABLE_COLUMNS.items():
        surrogate, key = _SQLITE_KEYS[table]
        parts = [f"{_quote(surrogate)} INTEGER PRIMARY KEY"] if surrogate else []
        for column in columns:
            spec = f"{_quote(column)} {column_type(table, column)}"
            if column == "document_id" and table in ("indicators", "actions", "checks"):
                spec += " NOT NULL REFERENCES documents (document_id)"
            elif column in key or (table == "documents" and column == "sha256"):
                spec += " NOT NULL"
            parts.append(spec)
        if key:
            parts.append(f"PRIMARY KEY ({', '.join(_quote(k) for k in key)})")
        if table == "documents":
            parts.append('UNIQUE ("sha256")')
        statements.append(f"CREATE TABLE {_quote(table)} (\n    " + ",\n    ".join(parts) + "\n);")
    for table, indexes in _SQLITE_INDEXES.items():
        for cols in indexes:
            name = f"{table}_{'_'.join(cols)}"
            statements.append(
                f"CREATE INDEX {_quote(name)} ON {_quote(table)} ({', '.join(_quote(c) for c in cols)});"
            )
    return "\n".join(statements) + "\n"


class _SqliteSink(_Sink):
    """``tables.sqlite``: made with its schema, then filled by the store's own connection
    (``INSERT … SELECT`` in document order, so the row ids are those of a clean run)."""

    def __init__(self, out: Path) -> None:
        self.paths = [out / SQLITE_NAME]
        self._target = atomic_path(self.paths[0])
        self._tmp = self._target.__enter__()
        db = sqlite3.connect(self._tmp)
        db.executescript(sqlite_schema())
        db.close()
        self._store: TableStore | None = None

    def copy(self, table: str, store: TableStore) -> None:
        if self._store is None:
            store.db.execute("ATTACH DATABASE ? AS dest", (str(self._tmp),))
            store.db.execute("PRAGMA dest.journal_mode=OFF")  # a private file until it is renamed
            store.db.execute("PRAGMA dest.synchronous=OFF")
            self._store = store
        store.copy_into("dest", table)

    def done(self) -> None:
        if self._store is not None:
            self._store.db.execute("DETACH DATABASE dest")
            self._store = None

    def finish(self, ok: bool) -> None:
        if ok:
            self._target.__exit__(None, None, None)
        else:
            error = RuntimeError("combined tables not finished")
            self._target.__exit__(RuntimeError, error, None)


#: The batch's own copy of the combined tables, kept between runs so that a run changes only the
#: documents that changed (hidden: the outputs are the tables in each format).
STORE_NAME = ".ita-tables-store.sqlite"
#: Bump when the store's layout changes: an older store is rebuilt from the records.
STORE_FORMAT = "1"
_RECORD_TABLES = ("documents", "indicators", "actions", "checks")


class TableStore:
    """The rows of the combined tables in one SQLite database, each row with its document and its
    place among that document's rows (``_seq``), so that the tables can be written in the order a
    clean run writes them whatever order documents came and went in."""

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
            for table in [*BATCH_TABLE_COLUMNS, "_loaded", "_meta"]:
                self.db.execute(f"DROP TABLE IF EXISTS {_quote(table)}")
            self._create()

    def _format(self) -> str | None:
        try:
            row = self.db.execute("SELECT value FROM _meta WHERE key = 'format'").fetchone()
        except sqlite3.Error:
            return None
        return str(row[0]) if row else None

    def _create(self) -> None:
        statements = ["CREATE TABLE _meta (key TEXT PRIMARY KEY, value TEXT)"]
        statements.append("CREATE TABLE _loaded (document_id TEXT PRIMARY KEY, signature TEXT)")
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

    def rows(self, table: str) -> sqlite3.Cursor:
        """The table's rows in the order a clean run writes them: by document id, then as the
        record lists them (``errors`` and ``files`` in the order given)."""
        columns = ", ".join(_quote(c) for c in BATCH_TABLE_COLUMNS[table])
        return self.db.execute(f"SELECT {columns} FROM {_quote(table)} ORDER BY {_order(table)}")

    def csv_rows(self, table: str) -> sqlite3.Cursor:
        """:meth:`rows` as CSV cells: null empty, text that would start a formula behind an
        apostrophe (:func:`pipeline.output.spreadsheet_safe`), computed by SQLite."""
        cells = [_csv_cell(table, column) for column in BATCH_TABLE_COLUMNS[table]]
        return self.db.execute(f"SELECT {', '.join(cells)} FROM {_quote(table)} ORDER BY {_order(table)}")

    def copy_into(self, schema: str, table: str) -> None:
        """Copy the table, in :meth:`rows` order, into the same table of the attached ``schema``."""
        columns = ", ".join(_quote(c) for c in BATCH_TABLE_COLUMNS[table])
        self.db.execute(
            f"INSERT INTO {schema}.{_quote(table)} ({columns}) "
            f"SELECT {columns} FROM main.{_quote(table)} ORDER BY {_order(table)}"
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


def _write(out: Path, store: TableStore, formats: Sequence[str]) -> list[Path]:
    """Each format's files from the store, renamed into place only when every format is written.

    The formats are written at once, one thread each with its own connection to the store: SQLite
    and Parquet's compression let go of the interpreter, so two cores share the work.
    """
    sink_types = {"csv": _CsvSink, "parquet": _ParquetSink, "sqlite": _SqliteSink}

    def fill(sink: _Sink) -> None:
        reader = TableStore(store.path, reader=True)
        try:
            for table in BATCH_TABLE_COLUMNS:
                sink.copy(table, reader)
            sink.done()
        finally:
            reader.close()

    with ExitStack() as stack:
        sinks: list[_Sink] = [stack.enter_context(sink_types[f](out)) for f in formats]
        with ThreadPoolExecutor(max_workers=max(len(sinks), 1), thread_name_prefix="ita-tables") as pool:
            for future in [pool.submit(fill, sink) for sink in sinks]:
                future.result()  # the first failure stops the rest from being renamed into place
    return [p for sink in sinks for p in sink.paths]


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
        return _write(out, store, formats)
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
    the last run, then write each format.  The tables equal those :func:`rebuild_tables` writes
    from all the records.  One transaction: a run killed here leaves the store as it was."""
    if "parquet" in formats:
        pyarrow_modules()
    store = TableStore(out / STORE_NAME)
    try:
        loaded = store.loaded()
        wanted = {doc_id: _signature(path) for doc_id, path in documents}
        store.db.execute("BEGIN IMMEDIATE")
        try:
            changed = bool(loaded.keys() - wanted.keys())
            for doc_id in loaded.keys() - wanted.keys():
                store.remove(doc_id)
            for doc_id, path in documents:
                if loaded.get(doc_id) != wanted[doc_id]:
                    record = _read_record(path)
                    record["document_id"] = doc_id
                    store.add(record, wanted[doc_id])
                    changed = True
            store.replace("errors", [e.as_list() for e in errors])
            store.replace("files", [f.as_list() for f in files])
            written = _fingerprint(store, formats)
            unchanged = not changed and store.meta("written") == written
            store.set_meta("written", written)
            store.db.execute("COMMIT")
        except BaseException:
            if store.db.in_transaction:
                store.db.execute("ROLLBACK")
            raise
        expected = _paths(out, formats)
        if unchanged and all(p.is_file() for p in expected):
            return expected  # the tables on disk are those of this store already
        store.set_meta("written", "")  # until the files below are all in place
        paths = _write(out, store, formats)
        store.set_meta("written", written)
        return paths
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


def _fingerprint(store: TableStore, formats: Sequence[str]) -> str:
    """What the tables on disk were written from: the formats and the store's rows of errors and
    files (the documents' rows are covered by the records' signatures)."""
    digest = hashlib.sha256(",".join(formats).encode())
    for table in ("errors", "files"):
        for row in store.rows(table):
            digest.update(repr(row).encode())
    return digest.hexdigest()


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
