"""One PDF → one :class:`~schemas.record.ExtractionRecord`, in three stages: *read* (a PDF → a
:class:`~schemas.model.Document`), *interpret* (→ facts, indicators, actions), *check*.

The stages' modules load when a document is read, so that importing this module (``from pipeline
import extract``) costs nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.ocr.options import OcrOptions
    from schemas import Document
    from schemas.record import ExtractionRecord


def extract(path: str | Path, pages: str | None = None, ocr: OcrOptions | None = None) -> ExtractionRecord:
    """Read one ITA measures PDF into a record.  Raises ``DocumentError`` if it cannot be read.

    Scanned pages are read by OCR (``ocr``; default on, 200 dpi, one process per core).  A document
    that holds no ITA content still gives a valid record: empty lists and a ``NOT_ITA_DOCUMENT`` check.
    """
    from extractors.read import read_document

    return record_of(read_document(path, pages, ocr))


def record_of(document: Document) -> ExtractionRecord:
    """Interpret and check a document that has been read (so one reading can also give its text and
    tables)."""
    from extractors.ita.checks import check
    from extractors.ita.interpret import interpret

    found = interpret(document)
    return found.record(check(found))
