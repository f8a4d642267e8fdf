"""Document-level functions: extract a PDF's ITA record, read its text and tables, and load output
tables as pandas frames.  Whole archives: :func:`pipeline.batch.batch`; audits: :mod:`pipeline.audit`.

Importing ``pipeline`` (the command line does) loads no PDF, OCR or Thai library: ``extract`` and
``frames`` load them when called, the readers on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.extract import extract
from pipeline.frames import frames

if TYPE_CHECKING:
    from extractors.read import read_document, read_tables, read_text

__all__ = ["extract", "frames", "read_document", "read_tables", "read_text"]

_READERS = ("read_document", "read_tables", "read_text")


def __getattr__(name: str) -> Any:
    if name not in _READERS:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    import extractors.read

    value = getattr(extractors.read, name)
    globals()[name] = value
    return value
