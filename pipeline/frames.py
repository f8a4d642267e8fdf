"""The combined tables as pandas DataFrames with proper dtypes, for analysis in Python.

    >>> from pipeline import frames
    >>> tables = frames("out/")                       # doctest: +SKIP
    >>> tables["indicators"].groupby("number")["score"].mean()   # doctest: +SKIP

Built from the records themselves (every ``*.json`` record in an ``ita extract`` or ``ita batch``
output folder, or records given as data), not from the CSV, so nothing is lost to text: integers are
nullable integers, scores floats, levels, instruments, check codes and severities categoricals,
period start and end dates, and lists (steps, responsible units, issues, pages) stay lists.
``errors`` and ``files`` come from the folder's ``errors.csv`` and ``files.csv`` when present.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.output import (
    BATCH_TABLE_COLUMNS,
    COLUMN_TYPES,
    ERROR_COLUMNS,
    FILE_COLUMNS,
    TABLE_COLUMNS,
    read_csv_rows,
    record_values,
    records_in,
)
from schemas.record import LEVELS

#: Columns read as categoricals (a known, small set of values), with their categories when fixed.
CATEGORIES: dict[tuple[str, str], list[str] | None] = {
    ("documents", "level"): list(LEVELS),
    ("indicators", "instrument"): ["IIT", "EIT", "OIT"],
    ("indicators", "origin"): None,
    ("checks", "code"): None,
    ("checks", "severity"): ["error", "warning", "info"],
    ("errors", "kind"): None,
    ("files", "status"): ["read", "duplicate", "failed", "missing"],
}
#: Columns holding dates (ISO text in the records).
DATES = {("actions", "period_start"), ("actions", "period_end")}
#: Lists the tables join into one cell: their separator and item type.
JOINED = {
    ("actions", "indicator_numbers"): (";", int),
    ("actions", "inherited"): (";", str),
    ("actions", "pages"): (";", int),
    ("indicators", "box"): (" ", float),
}
_DTYPES = {"INTEGER": "Int64", "REAL": "Float64"}


def frames(source: str | os.PathLike[str] | Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The tables ``documents``, ``indicators``, ``actions``, ``checks`` (and ``errors`` and
    ``files`` for a folder that has them) as ``pandas.DataFrame``, keyed by table name.

    ``source`` is an output folder of ``ita extract`` or ``ita batch``, or records
    (``ExtractionRecord.to_dict()`` each).
    """
    import pandas as pd

    folder: Path | None = None
    if isinstance(source, (str, os.PathLike)):
        folder = Path(source)
        records = records_in(folder)
    else:
        records = list(source)
    rows: dict[str, list[list[Any]]] = {name: [] for name in TABLE_COLUMNS}
    for record in records:
        for name, values in record_values(record).items():
            rows[name] += values
    found = {name: _frame(pd, name, rows[name]) for name in TABLE_COLUMNS}
    if folder is not None:
        for name, columns in (("errors", ERROR_COLUMNS), ("files", FILE_COLUMNS)):
            path = folder / f"{name}.csv"
            if path.is_file():
                text_rows = read_csv_rows(path, columns)
                found[name] = _frame(pd, name, [[v if v != "" else None for v in r] for r in text_rows])
    return found


def _split(joined: Any, separator: str, kind: type) -> list[Any]:
    """A list the tables join into one cell, as a list again.

    >>> _split("3;9", ";", int), _split(None, ";", int), _split("1.5 2 3.25 4", " ", float)
    ([3, 9], [], [1.5, 2.0, 3.25, 4.0])
    """
    if joined is None or joined == "":
        return []
    return [kind(part) for part in str(joined).split(separator) if part]


def _frame(pd: Any, table: str, rows: list[list[Any]]) -> Any:
    columns = BATCH_TABLE_COLUMNS[table]
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns:
        sql = COLUMN_TYPES.get(table, {}).get(column, "TEXT")
        if (table, column) in JOINED:
            separator, kind = JOINED[(table, column)]
            frame[column] = frame[column].map(lambda v, s=separator, k=kind: _split(v, s, k)).astype("object")
        elif (table, column) in DATES:
            frame[column] = pd.to_datetime(frame[column], errors="coerce", format="ISO8601")
        elif (table, column) in CATEGORIES:
            known = CATEGORIES[(table, column)]
            dtype = pd.CategoricalDtype(known) if known else "category"
            frame[column] = frame[column].astype(dtype)
        elif sql in _DTYPES:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(_DTYPES[sql])
        else:
            frame[column] = frame[column].astype("object")
    return frame
