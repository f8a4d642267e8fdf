"""The read stage: a PDF → a :class:`~schemas.model.Document`, each page's text and every table,
from the text layer where it can be trusted and by OCR where it cannot."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from pathlib import Path

import pdfplumber
import pdfplumber.pdf
import pypdfium2 as pdfium

from extractors.ita.headers import names_field
from extractors.ocr.options import OcrOptions
from extractors.pdf.pages import read_page
from extractors.pdf.source import (
    damaged,
    file_error,
    open_pdfium,
    out_of_memory,
    parse_page_ranges,
    raised_by_pdf_library,
    sha256_of,
    short_reason,
)
from extractors.pdf.tables import continue_borderless, find_tables, link_continuations
from schemas import Document, DocumentError, PageKind, PageText, Table
from schemas.names import shown_name


def read_text(path: str | Path, pages: str | None = None, ocr: OcrOptions | None = None) -> list[PageText]:
    """The repaired text of each page of ``path`` (all pages, or a range such as ``"1-3,5"``);
    scanned pages are read by OCR unless ``ocr`` turns it off.

    Raises ``DocumentError`` with a plain reason when the file cannot be read.
    """
    return read_document(path, pages, ocr, tables=False).pages


def read_tables(path: str | Path, pages: str | None = None, ocr: OcrOptions | None = None) -> list[Table]:
    """Every table of ``path``, continuations across pages marked."""
    return read_document(path, pages, ocr).tables


def read_document(
    path: str | Path, pages: str | None = None, ocr: OcrOptions | None = None, *, tables: bool = True
) -> Document:
    """Each page's text and every table (continuations marked), from one opening of the file.

    Pages whose text layer is missing or broken (``scanned``) go through OCR (``ocr``, default on)
    and come back with ``PageText.ocr`` set; a PDF that mixes text and scanned pages gives one
    list of pages and tables, in page order.  Pictures on text pages (a pasted screenshot, a
    chart) are read by OCR as regions of their page: their lines join the page's, their tables
    the page's tables, and ``PageText.ocr.regions`` says how each was read.  ``tables=False``
    skips the text pages' table geometry (for their text alone).

    Raises ``DocumentError`` when the file cannot be read, with a short plain reason: an error a PDF
    library raises while reading is the file's damage, never an internal error.
    """
    try:
        return _read_document(path, pages, ocr or OcrOptions(), tables)
    except (DocumentError, MemoryError):
        raise
    except Exception as err:
        if out_of_memory(err) or raised_by_pdf_library(err):
            raise damaged(path, err) from err  # out of memory stays a MemoryError
        raise


def _read_document(path: str | Path, pages: str | None, ocr: OcrOptions, tables: bool) -> Document:
    found: list[Table] = []
    pages_read: dict[int, PageText] = {}
    with open_pdfium(path) as doc:
        numbers = _page_numbers(path, pages, len(doc))
        try:
            plumber = pdfplumber.open(str(path)) if tables else None
        except MemoryError:
            raise  # out of memory is no property of the file: never report it as a damaged PDF
        except Exception as err:
            raise damaged(path, err, "table geometry") from err
        try:
            for n in numbers:
                page_text = _read_page(path, doc, n)
                pages_read[n] = page_text
                if plumber is not None and page_text.kind is PageKind.TEXT:
                    found.extend(_page_tables(path, plumber, page_text))
        finally:
            if plumber is not None:
                plumber.close()
    scanned = [p for p in pages_read.values() if p.kind is PageKind.SCANNED]
    if scanned and ocr.enabled:
        from extractors.ocr.pages import ocr_pages  # OpenCV and Tesseract load only for scans

        for number, (page_text, page_tables) in ocr_pages(path, scanned, ocr).items():
            pages_read[number] = page_text
            found.extend(page_tables)
        if tables:
            from extractors.ocr.rows import scanned_layout

            found = scanned_layout(pages_read, found, names_field)  # visual lines, borderless tables
            from extractors.ocr.period_reread import (
                PagesAgain,
                settle_borderless_periods,
                settle_period_lines,
            )
            from extractors.ocr.year_reread import settle_document_years

            again = PagesAgain(path, pages_read)  # a page both re-reads want is prepared once
            try:
                borderless = lambda: settle_borderless_periods(path, pages_read, found, again)  # noqa: E731
                years = lambda: settle_document_years(path, pages_read, found, again)  # noqa: E731
                stages = (
                    ("periods of borderless tables", borderless),  # their periods, from the image
                    ("periods written as labelled lines", lambda: settle_period_lines(again)),
                    ("periods outside the document's years", years),
                )
                for name, stage in stages:
                    _second_reading(name, stage, scanned)
            finally:
                again.close()
    pictured = [p for p in pages_read.values() if p.kind is PageKind.TEXT and p.pictures]
    if pictured and ocr.enabled:
        from extractors.ocr.regions import merge_regions, ocr_regions  # only for pages with pictures

        for number, result in ocr_regions(path, pictured, ocr).items():
            own = sum(1 for t in found if t.page == number)
            found.extend(merge_regions(pages_read[number], result, own))
    if tables:
        found = continue_borderless(found, pages_read)  # a borderless table's header is not repeated
    found.sort(key=lambda t: (t.page, round(t.box.top), t.box.x0))  # a picture's table where it stands
    for _page, group in groupby(found, key=lambda t: t.page):
        for index, table in enumerate(group):
            table.index = index
    link_continuations(found, pages_read)
    return Document(shown_name(path), sha256_of(path), list(pages_read.values()), found)


def _second_reading(name: str, stage: Callable[[], object], scanned: list[PageText]) -> None:
    """Run one second reading of scanned pages.  It only ever settles values the first reading
    left in doubt, so when it fails (a damaged image, a fault of its own) the first readings stand,
    with their checks, and every scanned page says so in ``source.ocr.reason``: the document is
    still read, not lost."""
    try:
        stage()
    except Exception as err:
        why = f"the second reading of {name} failed ({type(err).__name__}: {err}); first readings kept"
        for page in scanned:
            if page.ocr is not None:
                page.ocr.reason = f"{page.ocr.reason}; {why}" if page.ocr.reason else why


def _page_tables(path: str | Path, plumber: pdfplumber.pdf.PDF, page_text: PageText) -> list[Table]:
    try:
        plumber_page = plumber.pages[page_text.number - 1]
    except MemoryError:
        raise
    except Exception as err:
        raise damaged(path, err, f"page {page_text.number}") from err
    try:
        return find_tables(plumber_page, page_text, names_field)  # names_field: borderless headers
    except MemoryError:
        raise
    except Exception as err:
        reason = f"page {page_text.number}: tables could not be read ({short_reason(err)})"
        raise file_error(path, err, reason) from err
    finally:
        # pdfplumber keeps every parsed page's objects: freeing each one as soon as its tables are
        # read keeps a 150-page document under 300 MB instead of ~750 MB.
        plumber_page.close()


def _page_numbers(path: str | Path, pages: str | None, n_pages: int) -> list[int]:
    try:
        return parse_page_ranges(pages, n_pages)
    except ValueError as err:
        raise DocumentError(path, f"bad page range: {err}") from err


def _read_page(path: str | Path, doc: pdfium.PdfDocument, number: int) -> PageText:
    try:
        return read_page(doc, number)
    except (DocumentError, MemoryError):
        raise
    except Exception as err:
        raise file_error(path, err, f"page {number} could not be read ({short_reason(err)})") from err
