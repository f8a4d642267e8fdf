"""The pipeline: read documents through the extractors; the CLI calls this, never the extractors."""

from pipeline.document import read_tables, read_text

__all__ = ["read_tables", "read_text"]
