"""Period cells of a scanned document whose years disagree with the document's, read again.

A Thai digit misread in a year (``๒๕๖๖`` read ``๒๕๖๒`` at 150 dpi) gives a year that parses, so
the page-level settling (:func:`extractors.ocr.fields.settle_period_cells`) accepts it unless the
cell's own table says otherwise, and a table on one page often has too few periods to say it.  The
document says more: the fiscal year its title states (``ปีงบประมาณ พ.ศ. ๒๕๖๖``) and the years of
all its periods (:func:`extractors.ita.period_years.document_fiscal_year`).  This module, run once
the whole document is read, finds the period cells that parse but lie outside that fiscal year and
the years next to it, prepares their pages again (the same steps, so the cells' boxes fit) and
reads those cells again; a reading that parses and fits is kept, with a doubt; otherwise the first
reading stays, with a doubt.  Only pages holding such a cell are prepared again: a document whose
periods agree costs nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from extractors.ita.period_repairs import parses
from extractors.ocr.fields import period_column, plausible_year
from extractors.ocr.period_reread import PagesAgain, settle_on_pages
from schemas import OcrStatus, PageKind, PageText, Table

#: The fiscal year a document states: ``ปีงบประมาณ`` (optionally ``พ.ศ.``) and four digits.
_STATED = re.compile(r"ปีงบประมาณ\s*(?:พ\s*\.?\s*ศ\s*\.?)?\s*([0-9๐-๙]{4})(?![0-9๐-๙])")


def stated_fiscal_year(pages: Sequence[PageText]) -> int | None:
    """The first plausible fiscal year the pages' lines state after ``ปีงบประมาณ`` (the title's).

    >>> from schemas import BBox, Line
    >>> line = Line("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖", "", BBox(0, 0, 1, 1), ())
    >>> stated_fiscal_year([PageText(1, 10, 10, "scanned", [line])])
    2566
    """
    from extractors.thai.text import thai_digits_to_arabic

    for page in pages:
        for line in page.lines:
            for match in _STATED.finditer(line.text):
                if plausible_year(match.group(1)):
                    return int(thai_digits_to_arabic(match.group(1)))
    return None


def period_texts(table: Table) -> list[str]:
    """The texts of a table's period cells (below its header) that parse as periods."""
    found = period_column(table)
    if found is None:
        return []
    column, header = found
    return [c.text for c in table.cells if c.col == column and c.row > header and parses(c.text)]


def settle_document_years(
    path: str | Path, pages: dict[int, PageText], tables: Sequence[Table], again: PagesAgain | None = None
) -> None:
    """Read again the period cells of ``tables`` on scanned pages that parse outside the document's
    fiscal years (see the module docstring): cells replaced in place, doubts added to the page's
    OCR info.  A page prepared again that does not come out as the worker had it (another turn or
    tilt) is left as it was.  ``again``: pages already prepared again for this document."""
    from extractors.ita.period_years import document_fiscal_year, fits_years

    read = {
        n: p
        for n, p in pages.items()
        if p.kind is PageKind.SCANNED and p.ocr is not None and p.ocr.status is OcrStatus.READ
    }
    ocr_tables = [t for t in tables if t.page in read]
    texts = [text for t in ocr_tables for text in period_texts(t)]
    year = document_fiscal_year(stated_fiscal_year([read[n] for n in sorted(read)]), texts)
    if year is None:
        return
    wanted: dict[int, list[Table]] = defaultdict(list)
    for table in ocr_tables:
        if any(not fits_years(text, year) for text in period_texts(table)):
            wanted[table.page].append(table)
    with PagesAgain.using(again, path, pages) as pages_again:
        settle_on_pages(pages_again, wanted, year)
