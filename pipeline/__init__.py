"""Document-level functions: read a PDF's text and tables, or extract its ITA record; convert whole
archives with :func:`batch`."""

from pipeline.batch_run import batch
from pipeline.document import read_document, read_tables, read_text
from pipeline.extract import extract

__all__ = ["batch", "extract", "read_document", "read_tables", "read_text"]
