"""Shared paths for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REAL_PDFS = ROOT.parent / "shared" / "real-pdfs"
SAMPLES = ROOT / "samples"


def real_pdf(name: str) -> Path:
    path = REAL_PDFS / name
    if not path.exists():
        pytest.fail(f"the real PDF {path} is missing: the tests need ../shared/real-pdfs/ beside the repo")
    return path
