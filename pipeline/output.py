"""Write results: atomically (temporary file, then rename), CSV as UTF-8 with a BOM so Excel shows Thai."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from schemas import PageText, Table
from schemas.names import shown
from schemas.record import FACT_FIELDS

#: Temporary files are named ``.ita-<random>.tmp`` beside their target (see :func:`atomic_path`): short,
#: so that a target whose name is as long as a file name may be never gets a temporary name too long.
TEMP_PREFIX = ".ita-"
TEMP_SUFFIX = ".tmp"


class OutputError(Exception):
    """The output place cannot take what is written there: a read-only or full file system, no
    permission, a name too long.  ``str(err)`` is one line naming the place and the cause; running
    again does not help until the cause is mended, and no input file is to blame."""

    def __init__(self, place: str | Path, cause: str) -> None:
        self.place = shown(place)
        self.cause = cause
        super().__init__(f"{self.place}: {cause}")


_CAUSES = {
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "a file name would be too long",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a file stands where a folder must be",
}


def output_cause(err: BaseException) -> str:
    """The cause of a failed write, in plain words (an ``OSError`` or SQLite's error).

    >>> output_cause(OSError(errno.ENOSPC, "No space left on device"))
    'no space left on the device'
    >>> import sqlite3; output_cause(sqlite3.OperationalError("database or disk is full"))
    'no space left on the device'
    """
    if isinstance(err, OSError) and err.errno in _CAUSES:
        return _CAUSES[err.errno]
    text = str(err)
    lowered = text.lower()
    if "disk is full" in lowered or "no space" in lowered:
        return _CAUSES[errno.ENOSPC]
    if "readonly" in lowered or "read-only" in lowered:
        return _CAUSES[errno.EROFS]
    if isinstance(err, OSError) and err.strerror:
        return err.strerror[0].lower() + err.strerror[1:]
    return text.splitlines()[0][:200] if text else type(err).__name__


@contextmanager
def writing_to(place: str | Path) -> Iterator[None]:
    """Turn a failed write inside the block into an :class:`OutputError` about ``place``."""
    try:
        yield
    except OutputError:
        raise
    except (OSError, sqlite3.Error) as err:
        raise OutputError(place, output_cause(err)) from err


def _umask() -> int:
    """This process's umask, read without changing it (Linux); 022 where it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _publish(tmp: str | Path, path: Path) -> None:
    """Give the finished temporary file the permissions a new file gets, then rename it."""
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private (0600)
    os.replace(tmp, path)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write into; it becomes ``path`` (rename) only if the
    ``with`` block succeeds, and is removed otherwise.  For writers that want a file name
    (SQLite, Parquet); text goes through :func:`atomic_open` or :func:`write_atomic`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        _publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(path: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text file to write ``path`` through: a reader sees the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: str, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` so that a reader never sees a half-written file."""
    with atomic_open(path, encoding) as fh:
        fh.write(data)


#: A spreadsheet reads a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that Excel and LibreOffice show as the text it is: text that would start a
    formula gets a leading apostrophe, which both show as nothing (OWASP's advice).  Numbers and
    other text are unchanged; Parquet, SQLite and JSON keep the exact text.

    >>> spreadsheet_safe("=SUM(1+1)"), spreadsheet_safe("- จัดอบรม"), spreadsheet_safe(-1.5)
    ("'=SUM(1+1)", "'- จัดอบรม", -1.5)
    >>> spreadsheet_safe("สำนักงาน")
    'สำนักงาน'
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """CSV text of ``rows``, every cell spreadsheet-safe (:func:`spreadsheet_safe`)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([spreadsheet_safe(v) for v in row] for row in rows)
    return buf.getvalue()


def read_csv_rows(path: Path, header: Sequence[str]) -> list[list[str]]:
    """The rows of a CSV file this program wrote with ``header`` (none if it is missing or has
    another header); the leading apostrophe :func:`spreadsheet_safe` adds is taken off again."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0] != list(header):
        return []
    return [
        [v[1:] if v.startswith("'") and v[1:].startswith(FORMULA_STARTS) else v for v in row]
        for row in rows[1:]
    ]


def write_csv(path: Path, rows: Iterable[Sequence[Any]]) -> None:
    """CSV with a BOM: Excel opens it with Thai intact."""
    write_atomic(path, csv_text(rows), encoding="utf-8-sig")


def table_record(table: Table) -> dict[str, Any]:
    """A table as JSON-ready data: page, box, quality, spans and every cell's text and raw text."""
    return {
        "page": table.page,
        "index": table.index,
        "box": table.box.as_list(),
        "n_rows": table.n_rows,
        "n_cols": table.n_cols,
        "continues_previous": table.continues_previous,
        "header_repeated": table.header_repeated,
        "quality": asdict(table.quality),
        "rows": table.grid(),
        "cells": [
            {
                "row": c.row,
                "col": c.col,
                "rowspan": c.rowspan,
                "colspan": c.colspan,
                "text": c.text,
                "raw": c.raw,
                "box": c.box.as_list() if c.box else None,
            }
            for c in table.cells
        ],
    }


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def page_text(pages: Iterable[PageText]) -> str:
    """Each page's repaired text under a line ``=== page N [kind] reason`` (what ``ita text`` prints)."""
    parts: list[str] = []
    for page in pages:
        parts.append(f"=== page {page.number} [{page.kind.value}] {page.reason}\n")
        if page.text:
            parts.append(page.text + "\n")
    return "".join(parts)


#: The index of a document's tables (``<stem>.tables.csv``): one row per table.
TABLE_INDEX_HEADER = [
    "file",
    "page",
    "table",
    "box",
    "rows",
    "cols",
    "strategy",
    "quality",
    "continues_previous",
]


def write_tables(
    source: str, stem: str, records: Sequence[dict[str, Any]], target: Path, formats: Iterable[str]
) -> list[Path]:
    """Write the tables of the document ``source`` (a path, as given) into ``target``.

    ``csv``: one file per table (``<stem>.p<page>.t<n>.csv``) and an index ``<stem>.tables.csv``;
    ``json``: ``<stem>.tables.json`` with every cell's text, raw text, box and spans.  Returns the
    files written.  ``records`` are the tables as :func:`table_record` gives them."""
    written: list[Path] = []
    if "json" in formats:
        path = target / f"{stem}.tables.json"
        write_atomic(path, to_json({"file": source, "tables": records}))
        written.append(path)
    if "csv" in formats:
        index: list[list[Any]] = [TABLE_INDEX_HEADER]
        for rec in records:
            name = f"{stem}.p{rec['page']}.t{rec['index'] + 1}.csv"
            write_csv(target / name, rec["rows"])
            written.append(target / name)
            q = rec["quality"]
            index.append(
                [
                    name,
                    rec["page"],
                    rec["index"] + 1,
                    " ".join(str(v) for v in rec["box"]),
                    rec["n_rows"],
                    rec["n_cols"],
                    q["strategy"],
                    f"{q['score']:.3f}",
                    rec["continues_previous"],
                ]
            )
        write_csv(target / f"{stem}.tables.csv", index)
        written.append(target / f"{stem}.tables.csv")
    return written


# --- extraction records as CSV tables -----------------------------------------------------------

DOCUMENT_COLUMNS = [
    "document_id",
    "file",
    "sha256",
    "pages",
    "page_kinds",
    *FACT_FIELDS,
    "indicators",
    "actions",
    "errors",
    "warnings",
]
INDICATOR_COLUMNS = [
    "document_id",
    "year",
    "number",
    "name",
    "name_raw",
    "instrument",
    "score",
    "score_raw",
    "issues",
    "page",
    "box",
    "origin",
    "previous_year",
    "previous_score",
]
ACTION_COLUMNS = [
    "document_id",
    "row",
    "issue",
    "measure",
    "steps",
    "results",
    "responsible",
    "period_text",
    "period_start",
    "period_end",
    "follow_up",
    "indicator_numbers",
    "inherited",
    "page",
    "pages",
]
CHECK_COLUMNS = ["document_id", "code", "severity", "message", "page", "values"]


def _cell(value: Any) -> Any:
    """A JSON value as one CSV cell: lists one item per line, null empty, numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return value


def record_values(record: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """The rows one record (``ExtractionRecord.to_dict()``) adds to each table, as typed values:
    ``None`` where the record has null, lists where it has lists (see :func:`record_rows` for CSV
    cells)."""
    doc_id = record["document_id"]
    doc, src = record["document"], record["source"]
    severities = [c["severity"] for c in record["checks"]]
    documents = [
        [
            doc_id,
            src["file"],
            src["sha256"],
            src["pages"],
            " ".join(src["page_kinds"]),
            doc["title"],
            doc["agency"],
            doc["district"],
            doc["province"],
            doc["fiscal_year"],
            doc["assessed_year"],
            doc["overall_score"],
            doc["level"],
            len(record["indicators"]),
            len(record["actions"]),
            severities.count("error"),
            severities.count("warning"),
        ]
    ]
    indicators = [
        [
            doc_id,
            i["year"],
            i["number"],
            i["name"],
            i["name_raw"],
            i["instrument"],
            i["score"],
            i["score_raw"],
            i["issues"],
            i["page"],
            " ".join(map(str, i["box"])) if i["box"] else None,
            i["origin"],
            (i.get("previous") or {}).get("year"),
            (i.get("previous") or {}).get("score"),
        ]
        for i in record["indicators"]
    ]
    actions = [
        [
            doc_id,
            a["row"],
            a["issue"],
            a["measure"],
            a["steps"],
            a["results"],
            a["responsible"],
            a["period"]["text"],
            a["period"]["start"],
            a["period"]["end"],
            a["follow_up"],
            ";".join(map(str, a["indicator_numbers"])),
            ";".join(a["inherited"]),
            a["page"],
            ";".join(map(str, a["pages"])),
        ]
        for a in record["actions"]
    ]
    checks = [
        [
            doc_id,
            c["code"],
            c["severity"],
            c["message"],
            c["page"],
            json.dumps(c["values"], ensure_ascii=False),
        ]
        for c in record["checks"]
    ]
    return {"documents": documents, "indicators": indicators, "actions": actions, "checks": checks}


def csv_rows(values: dict[str, list[list[Any]]]) -> dict[str, list[list[Any]]]:
    """Typed rows (:func:`record_values`) as CSV cells: null empty, lists one item per line.

    >>> csv_rows({"actions": [["d1", 1, None, ["ขั้นที่ 1", "ขั้นที่ 2"]]]})
    {'actions': [['d1', 1, '', 'ขั้นที่ 1\\nขั้นที่ 2']]}
    """
    return {name: [[_cell(v) for v in row] for row in rows] for name, rows in values.items()}


def record_rows(record: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """The rows one record (``ExtractionRecord.to_dict()``) adds to each CSV table."""
    return csv_rows(record_values(record))


TABLE_COLUMNS = {
    "documents": DOCUMENT_COLUMNS,
    "indicators": INDICATOR_COLUMNS,
    "actions": ACTION_COLUMNS,
    "checks": CHECK_COLUMNS,
}

#: Files that could not be read in a batch (``ita batch``): one row per file, with the reason.
ERROR_COLUMNS = ["file", "sha256", "document_id", "kind", "reason"]
#: Every file the sources named, one row each: what became of it.  ``status`` is ``read`` (its
#: record is in the tables), ``duplicate`` (the same bytes as ``duplicate_of``, read once), ``failed``
#: (``reason`` says why; also in ``errors``) or ``missing`` (a source that names no file).
FILE_COLUMNS = ["file", "size", "sha256", "document_id", "status", "duplicate_of", "reason"]
#: The tables ``ita batch`` writes: the record tables, ``errors`` and ``files``.
BATCH_TABLE_COLUMNS = {**TABLE_COLUMNS, "errors": ERROR_COLUMNS, "files": FILE_COLUMNS}


#: Columns that are not text, per table (every other column is text).
COLUMN_TYPES: dict[str, dict[str, str]] = {
    "documents": {
        "pages": "INTEGER",
        "fiscal_year": "INTEGER",
        "assessed_year": "INTEGER",
        "overall_score": "REAL",
        "indicators": "INTEGER",
        "actions": "INTEGER",
        "errors": "INTEGER",
        "warnings": "INTEGER",
    },
    "indicators": {
        "year": "INTEGER",
        "number": "INTEGER",
        "score": "REAL",
        "page": "INTEGER",
        "previous_year": "INTEGER",
        "previous_score": "REAL",
    },
    "actions": {"row": "INTEGER", "page": "INTEGER"},
    "checks": {"page": "INTEGER"},
    "errors": {},
    "files": {"size": "INTEGER"},
}


class CsvTablesWriter:
    """Several CSV tables (BOM, CRLF) written row by row, each file atomically on :meth:`close`.

    Use it as a context manager; if the block fails no table is replaced.
    """

    def __init__(self, out: Path, columns: Mapping[str, Sequence[str]] = TABLE_COLUMNS) -> None:
        self.paths = [out / f"{name}.csv" for name in columns]
        self._stack = ExitStack()
        self._writers: dict[str, Any] = {}
        for name, cols in columns.items():
            fh = self._stack.enter_context(atomic_open(out / f"{name}.csv", encoding="utf-8-sig"))
            self._writers[name] = csv.writer(fh, lineterminator="\r\n")
            self._writers[name].writerow(cols)

    def add_record(self, record: dict[str, Any]) -> None:
        """The rows of one record (``ExtractionRecord.to_dict()``)."""
        for name, rows in record_rows(record).items():
            self.add_rows(name, rows)

    def add_rows(self, name: str, rows: Iterable[Sequence[Any]]) -> None:
        self._writers[name].writerows([spreadsheet_safe(v) for v in row] for row in rows)

    def add_safe_rows(self, name: str, rows: Iterable[Sequence[Any]]) -> None:
        """Rows whose cells are already spreadsheet-safe (:func:`spreadsheet_safe`)."""
        self._writers[name].writerows(rows)

    def __enter__(self) -> CsvTablesWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stack.__exit__(kind, error, trace)


#: JSON nested deeper than this is no record (Python's own reader would fail with a RecursionError).
MAX_JSON_DEPTH = 64


def json_depth(text: str) -> int:
    """How deep the arrays and objects of JSON ``text`` nest (strings are skipped), counted in one
    pass without parsing, so that a file nested 100,000 deep is refused before it is read.

    >>> json_depth('{"a": [1, {"b": "[[["}]}'), json_depth("3")
    (3, 0)
    """
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def read_json(path: Path, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The JSON value in ``path``; ``ValueError`` with a plain reason when it is not JSON, is not
    UTF-8 or nests deeper than ``max_depth``."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError("cannot be read (not UTF-8 text)") from None
    if json_depth(text) > max_depth:
        raise ValueError(f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None


def is_record(data: Any) -> bool:
    """Whether JSON data has the shape of an extraction record (a quick test; the audit validates
    against the schema)."""
    keys = ("schema_version", "document_id", "source", "document", "indicators", "actions", "checks")
    return isinstance(data, dict) and all(k in data for k in keys) and isinstance(data["document_id"], str)


def records_in(folder: Path) -> list[dict[str, Any]]:
    """Every extraction record (``*.json``) directly in ``folder``, by document id; other JSON
    files (tables, manifests, broken files) are passed over."""
    found: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            data = read_json(path)
        except (OSError, ValueError):
            continue
        if is_record(data):
            found.append(data)
    return sorted(found, key=lambda r: str(r["document_id"]))


def write_record_tables(out: Path, records: Iterable[dict[str, Any]]) -> list[Path]:
    """``documents.csv``, ``indicators.csv``, ``actions.csv`` and ``checks.csv`` for ``records``."""
    with CsvTablesWriter(out) as writer:
        for record in records:
            writer.add_record(record)
    return writer.paths
