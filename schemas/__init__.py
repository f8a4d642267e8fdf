"""Shared records and errors: the one layer every other package may import."""

from schemas.errors import DocumentError
from schemas.model import (
    BBox,
    Cell,
    CellPart,
    Char,
    Document,
    Line,
    LogicalRow,
    LogicalTable,
    OcrDoubt,
    OcrInfo,
    OcrStatus,
    PageKind,
    PageText,
    Table,
    TableQuality,
    TextQuality,
    Word,
)

__all__ = [
    "BBox",
    "Cell",
    "CellPart",
    "Char",
    "Document",
    "DocumentError",
    "Line",
    "LogicalRow",
    "LogicalTable",
    "OcrDoubt",
    "OcrInfo",
    "OcrStatus",
    "PageKind",
    "PageText",
    "Table",
    "TableQuality",
    "TextQuality",
    "Word",
]
