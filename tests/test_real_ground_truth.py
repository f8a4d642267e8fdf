"""Exact text and tables of the real PDFs, against ground truth read by eye off the page images.

The expected values live in ``tests/data/real_pdfs_expected.json`` (see ``tests/data/README.md``
for how they were read). Runs of whitespace are compared as one space: the printed gaps of
justified lines have no single right width.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import pytest

from extractors.pdf.layout import build_lines, chars_in_box
from pipeline import read_tables, read_text
from schemas import PageText, Table
from tests.conftest import DATA, real_pdf

EXPECTED: dict[str, Any] = json.loads((DATA / "real_pdfs_expected.json").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def pages_of(name: str) -> tuple[PageText, ...]:
    return tuple(read_text(real_pdf(name)))


@cache
def tables_of(name: str) -> tuple[Table, ...]:
    return tuple(read_tables(real_pdf(name)))


def _line_id(entry: dict[str, Any]) -> str:
    parts = entry["file"].removesuffix(".pdf").split("-")
    return f"{parts[0]}-{parts[-1]}-p{entry['page']}-{entry['text'][:12]}"


def cell_lines(name: str, page: PageText) -> list[str]:
    """The lines inside each table cell of ``page`` (a page line runs across a row's cells)."""
    lines = []
    for table in tables_of(name):
        if table.page == page.number:
            for cell in table.cells:
                if cell.box is not None:
                    lines += [squash(ln.text) for ln in build_lines(chars_in_box(page.chars, cell.box))]
    return lines


@pytest.mark.parametrize("entry", EXPECTED["lines"], ids=_line_id)
def test_line(entry: dict[str, Any]) -> None:
    page = pages_of(entry["file"])[entry["page"] - 1]
    lines = [squash(line.text) for line in page.lines] + cell_lines(entry["file"], page)
    assert squash(entry["text"]) in lines, f"not among the lines of page {entry['page']}:\n" + "\n".join(
        lines
    )


@pytest.mark.parametrize("name", sorted(EXPECTED["page_kinds"]))
def test_page_kinds(name: str) -> None:
    assert [p.kind.value for p in pages_of(name)] == EXPECTED["page_kinds"][name]


@pytest.mark.parametrize(
    "entry", EXPECTED["tables"], ids=lambda e: f"{e['file'][:24]}-p{e['page']}-{e['rows'][0][0][:10]}"
)
def test_whole_table(entry: dict[str, Any]) -> None:
    expected = [[squash(cell) for cell in row] for row in entry["rows"]]
    candidates = [t for t in tables_of(entry["file"]) if t.page == entry["page"]]
    grids = [[[squash(cell) for cell in row] for row in t.grid()] for t in candidates]
    assert expected in grids, f"page {entry['page']} tables:\n" + "\n\n".join(
        "\n".join(" | ".join(row) for row in g) for g in grids
    )
