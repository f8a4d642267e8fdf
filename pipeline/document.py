"""Read one document: its pages' text and its tables."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from extractors.pages import read_page
from extractors.pdf_source import open_pdfium, parse_page_ranges
from extractors.tables import find_tables, link_continuations
from pipeline.ocr_pages import OcrOptions, ocr_pages
from schemas import DocumentError, PageKind, PageText, Table


def read_text(path: str | Path, pages: str | None = None) -> list[PageText]:
    """The repaired text of each page of ``path`` (all pages, or a range such as ``"1-3,5"``).

    Raises ``DocumentError`` with a plain reason when the file cannot be read.
    """
    with open_pdfium(path) as doc:
        numbers = _page_numbers(path, pages, len(doc))
        return [_read_page(path, doc, n) for n in numbers]


def read_tables(path: str | Path, pages: str | None = None, ocr: OcrOptions | None = None) -> list[Table]:
    """Every table of ``path``, continuations across pages marked."""
    return read_document(path, pages, ocr)[1]


def read_document(
    path: str | Path, pages: str | None = None, ocr: OcrOptions | None = None
) -> tuple[list[PageText], list[Table]]:
    """Each page's text and every table (continuations marked), from one opening of the file.

    Pages whose text layer is missing or broken (``scanned``) go through OCR (``ocr``, default on)
    and come back with ``PageText.ocr`` set; a PDF that mixes text and scanned pages gives one
    list of pages and tables, in page order.
    """
    ocr = ocr or OcrOptions()
    tables: list[Table] = []
    pages_read: dict[int, PageText] = {}
    with open_pdfium(path) as doc:
        numbers = _page_numbers(path, pages, len(doc))
        try:
            plumber = pdfplumber.open(str(path))
        except MemoryError:
            raise  # out of memory is no property of the file: never report it as a damaged PDF
        except Exception as err:
            raise DocumentError(path, f"cannot be opened for table geometry ({err})") from err
        with plumber:
            for n in numbers:
                page_text = _read_page(path, doc, n)
                pages_read[n] = page_text
                if page_text.kind is not PageKind.TEXT:
                    continue
                plumber_page = plumber.pages[n - 1]
                try:
                    tables.extend(find_tables(plumber_page, page_text))
                except MemoryError:
                    raise
                except Exception as err:
                    raise DocumentError(path, f"page {n}: tables could not be read ({err})") from err
                finally:
                    # pdfplumber keeps every parsed page's objects: freeing each one as soon as its
                    # tables are read keeps a 150-page document under 300 MB instead of ~750 MB.
                    plumber_page.close()
    scanned = [p for p in pages_read.values() if p.kind is PageKind.SCANNED]
    for number, (page_text, page_tables) in ocr_pages(path, scanned, ocr).items():
        pages_read[number] = page_text
        tables.extend(page_tables)
    tables.sort(key=lambda t: (t.page, t.index))
    link_continuations(tables, pages_read)
    return list(pages_read.values()), tables


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
        raise DocumentError(path, f"page {number} could not be read ({type(err).__name__}: {err})") from err
