"""Document-level functions: read a PDF's text and tables, or extract its ITA record.  Whole archives:
:func:`pipeline.batch.batch`; audits: :mod:`pipeline.audit`.

The names below load on first use, so that importing ``pipeline`` (the command line does) costs
nothing until a document is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractors.read import read_document, read_tables, read_text
    from pipeline.extract import extract

__all__ = ["extract", "read_document", "read_tables", "read_text"]

_HOMES = {
    "extract": "pipeline.extract",
    "read_document": "extractors.read",
    "read_tables": "extractors.read",
    "read_text": "extractors.read",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
