"""The batch room: convert whole archives resumably (manifest by content hash), in isolated worker
processes or on a Dask cluster, into combined CSV, Parquet and SQLite tables.

``from pipeline.batch import batch`` is the entry point (:func:`pipeline.batch.run.batch`); it loads
on first use, so the command line can read this room's defaults without loading the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.batch.run import BatchResult, batch

__all__ = ["BatchResult", "batch"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'pipeline.batch' has no attribute {name!r}")
    from pipeline.batch import run

    value = getattr(run, name)
    globals()[name] = value
    return value
