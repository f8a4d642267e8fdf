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

import importlib
import sqlite3
from collections.abc import Iterable, Sequence
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
    csv_rows,
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
    """One output format: rows in, files renamed into place when the ``with`` block succeeds."""

    paths: list[Path]

    def add(self, table: str, values: list[list[Any]], cells: list[list[Any]]) -> None:
        raise NotImplementedError

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

    def add(self, table: str, values: list[list[Any]], cells: list[list[Any]]) -> None:
        self._writer.add_rows(table, cells)

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
        self._buffers: dict[str, list[list[Any]]] = {}
        self.paths = []
        for table, columns in BATCH_TABLE_COLUMNS.items():
            schema = self._pa.schema([(c, types[column_type(table, c)]) for c in columns])
            path = out / f"{table}.parquet"
            tmp = self._stack.enter_context(atomic_path(path))
            self._schemas[table] = schema
            self._writers[table] = pq.ParquetWriter(str(tmp), schema, compression="zstd")
            self._buffers[table] = []
            self.paths.append(path)

    def add(self, table: str, values: list[list[Any]], cells: list[list[Any]]) -> None:
        buffer = self._buffers[table]
        buffer.extend(values)
        if len(buffer) >= PARQUET_BATCH:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows, self._buffers[table] = self._buffers[table], []
        if not rows:
            return
        schema = self._schemas[table]
        columns = {name: [row[i] for row in rows] for i, name in enumerate(schema.names)}
        self._writers[table].write_table(self._pa.table(columns, schema=schema))

    def finish(self, ok: bool) -> None:
        try:
            for table, writer in self._writers.items():
                if ok:
                    self._flush(table)
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
    def __init__(self, out: Path) -> None:
        self.paths = [out / SQLITE_NAME]
        self._target = atomic_path(self.paths[0])
        tmp = self._target.__enter__()
        self._db = sqlite3.connect(tmp)
        self._db.execute("PRAGMA journal_mode=OFF")  # a private file until it is renamed
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(sqlite_schema())
        self._inserts = {
            table: (
                f"INSERT INTO {_quote(table)} ({', '.join(_quote(c) for c in cols)}) "
                f"VALUES ({', '.join('?' for _ in cols)})"
            )
            for table, cols in BATCH_TABLE_COLUMNS.items()
        }

    def add(self, table: str, values: list[list[Any]], cells: list[list[Any]]) -> None:
        self._db.executemany(self._inserts[table], values)

    def finish(self, ok: bool) -> None:
        try:
            if ok:
                self._db.commit()
            self._db.close()
        except BaseException as err:
            self._target.__exit__(type(err), err, err.__traceback__)
            raise
        if ok:
            self._target.__exit__(None, None, None)
        else:
            error = RuntimeError("combined tables not finished")
            self._target.__exit__(RuntimeError, error, None)


def rebuild_tables(
    out: Path,
    records: Iterable[dict[str, Any]],
    errors: Sequence[ErrorRow],
    formats: Sequence[str],
    files: Sequence[FileRow] = (),
) -> list[Path]:
    """Write the combined tables of ``records`` (``ExtractionRecord.to_dict()`` each, in table
    order), ``errors`` and ``files`` into ``out`` in each of ``formats``.  Returns the files written."""
    sink_types = {"csv": _CsvSink, "parquet": _ParquetSink, "sqlite": _SqliteSink}
    if "parquet" in formats:
        pyarrow_modules()  # fail before any work if the extra is missing
    error_values = [e.as_list() for e in errors]
    error_cells = [["" if v is None else v for v in row] for row in error_values]
    with ExitStack() as stack:
        sinks: list[_Sink] = [stack.enter_context(sink_types[f](out)) for f in formats]
        for record in records:
            values = record_values(record)
            cells = csv_rows(values)
            for table, rows in values.items():
                typed = _typed_rows(table, rows)
                for sink in sinks:
                    sink.add(table, typed, cells[table])
        file_values = [f.as_list() for f in files]
        file_cells = [["" if v is None else v for v in row] for row in file_values]
        for sink in sinks:
            sink.add("errors", _typed_rows("errors", error_values), error_cells)
            sink.add("files", _typed_rows("files", file_values), file_cells)
    return [p for sink in sinks for p in sink.paths]
