"""An OCR engine reading Thai first (``LATIN_ON_DEMAND`` on), for the tests of that mode."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from extractors.ocr import engine
from extractors.ocr.engine import OcrEngine


def thai_first_engine() -> Iterator[OcrEngine]:
    """An engine at 200 dpi with ``LATIN_ON_DEMAND`` on while it lives (a module fixture's body);
    the tests skip where the Thai model is not installed."""
    try:
        engine.tessdata_dir()
    except engine.OcrUnavailable:
        pytest.skip("the Thai OCR model is not installed")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "LATIN_ON_DEMAND", True)
        reader = OcrEngine(200)
        yield reader
        reader.close()
