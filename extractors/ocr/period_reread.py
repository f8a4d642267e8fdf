"""Period cells of the borderless tables found on scanned pages, read again from the page image.

A ruled grid's period cells are settled inside the OCR worker, where the page image is at hand
(:meth:`extractors.ocr.page.PageReader.settle_periods`).  A borderless table on a scan is found
later, from the page's OCR words (:mod:`extractors.ocr.rows`), when the image is gone: its period
cells hold what the page's layout reading gave, months read as Latin letters (``B.A. ๖๔``) and
all.  This module prepares such a page again (the same steps, so the same geometry: the words'
boxes fit it) and settles those cells by the same hook, only on pages where a period cell does not
parse: every other page costs nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from extractors.ocr.fields import parses, period_column
from schemas import OcrStatus, PageKind, PageText, Table


def needs_reread(table: Table) -> bool:
    """A borderless table read by OCR whose period column (found by header or by cells) holds a
    cell below its header that does not parse as a period.

    >>> from schemas import BBox, Cell, TableQuality
    >>> box = BBox(0, 0, 10, 10)
    >>> cells = [Cell(0, 0, "ระยะเวลา", "", box, confidence=0.9)]
    >>> cells.append(Cell(1, 0, "B.A. 64", "", box, confidence=0.9))
    >>> table = Table(1, 0, box, 2, 1, cells, TableQuality("borderless", 1.0, 1.0, 1.0, []))
    >>> needs_reread(table)
    True
    >>> cells[1] = Cell(1, 0, "ต.ค. 64 - ธ.ค. 64", "", box, confidence=0.9)
    >>> needs_reread(Table(1, 0, box, 2, 1, cells, TableQuality("borderless", 1.0, 1.0, 1.0, [])))
    False
    """
    if table.quality.strategy != "borderless" or not any(c.confidence is not None for c in table.cells):
        return False
    found = period_column(table)
    if found is None:
        return False
    column, header = found
    return any(
        c.col == column and c.row > header and c.text.strip() and c.box is not None and not parses(c.text)
        for c in table.cells
    )


def settle_borderless_periods(path: str | Path, pages: dict[int, PageText], tables: Sequence[Table]) -> None:
    """Settle the period cells of ``tables``' borderless tables on scanned pages that need it
    (:func:`needs_reread`): cells replaced in place, doubts added to the page's OCR info.  A page
    prepared again that does not come out as the worker had it (another turn or tilt) is left as
    it was: its boxes would not fit."""
    wanted: dict[int, list[Table]] = defaultdict(list)
    for table in tables:
        page = pages.get(table.page)
        if page is None or page.kind is not PageKind.SCANNED or page.ocr is None:
            continue
        if page.ocr.status is OcrStatus.READ and needs_reread(table):
            wanted[table.page].append(table)
    settle_on_pages(path, pages, wanted)


def settle_on_pages(
    path: str | Path,
    pages: dict[int, PageText],
    wanted: dict[int, list[Table]],
    fiscal_year: int | None = None,
) -> None:
    """Settle the period cells of the ``wanted`` tables of each scanned page (by page number) from
    the page prepared again, as the worker prepared it (:meth:`PageReader.settle_periods_by`, with
    the document's ``fiscal_year`` when given): cells replaced in place, doubts added to the page's
    OCR info.  A page that does not come out with the worker's turn and tilt is left as it was:
    its boxes would not fit."""
    if not wanted:
        return
    import pypdfium2 as pdfium

    from extractors.ocr.geometry import prepare_page
    from extractors.ocr.page import PageReader, render
    from extractors.ocr.pages import worker_engine

    doc = pdfium.PdfDocument(str(path))
    try:
        for number, group in sorted(wanted.items()):
            info = pages[number].ocr
            assert info is not None
            engine = worker_engine(info.dpi)
            prepared = prepare_page(engine, render(doc, number, info.dpi))
            if prepared.page.rotation != info.rotation or abs(prepared.page.skew - info.skew) > 0.01:
                continue
            reader = PageReader(engine, prepared.page, info.dpi)
            for table in group:
                info.doubts.extend(reader.settle_periods_by(table, fiscal_year=fiscal_year))
    finally:
        doc.close()
