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
