"""Write results: atomically (temporary file, then rename), CSV as UTF-8 with a BOM so Excel shows Thai."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from schemas import Table
from schemas.record import FACT_FIELDS


def write_atomic(path: Path, data: str, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` so that a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


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


def record_rows(record: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """The rows one record (``ExtractionRecord.to_dict()``) adds to each CSV table."""
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
    return {
        "documents": [[_cell(v) for v in row] for row in documents],
        "indicators": [[_cell(v) for v in row] for row in indicators],
        "actions": [[_cell(v) for v in row] for row in actions],
        "checks": [[_cell(v) for v in row] for row in checks],
    }


TABLE_COLUMNS = {
    "documents": DOCUMENT_COLUMNS,
    "indicators": INDICATOR_COLUMNS,
    "actions": ACTION_COLUMNS,
    "checks": CHECK_COLUMNS,
}


def write_record_tables(out: Path, records: Iterable[dict[str, Any]]) -> list[Path]:
    """``documents.csv``, ``indicators.csv``, ``actions.csv`` and ``checks.csv`` for ``records``."""
    tables: dict[str, list[list[Any]]] = {name: [list(cols)] for name, cols in TABLE_COLUMNS.items()}
    for record in records:
        for name, rows in record_rows(record).items():
            tables[name].extend(rows)
    paths = []
    for name, rows in tables.items():
        path = out / f"{name}.csv"
        write_csv(path, rows)
        paths.append(path)
    return paths
