"""Document-level functions: read a PDF's text and tables, or extract its ITA record."""

from pipeline.document import read_document, read_tables, read_text
from pipeline.extract import extract

__all__ = ["extract", "read_document", "read_tables", "read_text"]
