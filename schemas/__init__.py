"""Shared records and errors: the one layer every other package may import."""

from schemas.errors import DocumentError
from schemas.model import (
    BBox,
    Cell,
    Char,
    Line,
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
    "Char",
    "DocumentError",
    "Line",
    "PageKind",
    "PageText",
    "Table",
    "TableQuality",
    "TextQuality",
    "Word",
]
