"""Shared paths for the tests, and one cache of extracted sample records.

Test modules import this file as ``tests.conftest`` (pytest itself loads it as ``conftest``), so
every test module shares the one cache below: each sample is extracted once per session.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.extract import extract

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REAL_PDFS = ROOT.parent / "shared" / "real-pdfs"
SAMPLES = ROOT / "samples"


def real_pdf(name: str) -> Path:
    path = REAL_PDFS / name
    if not path.exists():
        pytest.fail(f"the real PDF {path} is missing: the tests need ../shared/real-pdfs/ beside the repo")
    return path


@cache
def extracted(name: str) -> dict[str, Any]:
    """The record ``pipeline.extract`` gives for ``samples/<name>.pdf``, as JSON data (cached)."""
    return extract(SAMPLES / f"{name}.pdf").to_dict()
