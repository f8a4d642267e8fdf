"""The cost bench's stage timing (``bench/ocr.py --cost``): each stage's CPU seconds counted once,
a stage called inside another counted in the outer one, and the library left as it was."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

from extractors.ocr import page, pages


def _bench():  # type: ignore[no-untyped-def]
    path = Path(__file__).resolve().parent.parent / "bench" / "ocr.py"
    spec = importlib.util.spec_from_file_location("bench_ocr_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_stages_are_counted_and_undone() -> None:
    bench = _bench()
    originals = (page.find_grids, page.prepare_page, pages.render)
    inside = bench._time_tesseract()
    stages = bench._time_stages()
    try:
        assert page.find_grids is not originals[0]
        binary = np.zeros((200, 300), np.uint8)
        binary[20:22, 10:290] = 255
        page.find_grids(binary, 255 - binary)
        assert stages.seconds["ruled-table finding"] > 0.0
        assert set(stages.seconds) == {"ruled-table finding"}
        assert not stages.depth
        lines = stages.lines(1, inside, ours=stages.seconds["ruled-table finding"])
        assert lines[0].startswith("of the rest, by stage")
        assert lines[-1].endswith("0.000 s/page")  # nothing outside the one stage
    finally:
        bench._time_tesseract(undo=True)
        bench._time_stages(undo=True)
    assert (page.find_grids, page.prepare_page, pages.render) == originals
