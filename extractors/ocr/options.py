"""How scanned pages are read: a small settings record any stage may build without loading OCR."""

from __future__ import annotations

import os
from dataclasses import dataclass

#: Resolution scanned pages are rendered at: 200 dpi read as well as 300 and is faster.
DEFAULT_DPI = 200
#: A page is never rendered into a bitmap larger than this (A0 at 200 dpi is 62 MP, A3 at 300 dpi
#: 17 MP): a bigger page is rendered at a lower resolution, and one that would need less than
#: ``MIN_DPI`` is not rendered at all (a 14,400-pt page would take gigabytes and minutes).
MAX_PIXELS = 40_000_000
#: Below this resolution Thai marks are a pixel or two: OCR would only invent text.
MIN_DPI = 100


def render_dpi(width_pt: float, height_pt: float, dpi: int, max_pixels: int = MAX_PIXELS) -> int:
    """The resolution a page of this size is rendered at: ``dpi``, or lower to stay within
    ``max_pixels``; 0 when even ``MIN_DPI`` would exceed it (the page is not rendered).

    >>> render_dpi(595, 842, 200), render_dpi(2384, 3370, 200), render_dpi(14400, 14400, 200)
    (200, 160, 0)
    """
    area = max(width_pt, 1.0) * max(height_pt, 1.0) / (72 * 72)
    fitting = int((max_pixels / area) ** 0.5)
    chosen = min(dpi, fitting)
    return chosen if chosen >= MIN_DPI else 0


@dataclass(frozen=True)
class OcrOptions:
    """How scanned pages are read."""

    enabled: bool = True
    dpi: int = DEFAULT_DPI
    #: Processes for OCR; 0 means one per core (``os.cpu_count()``).
    workers: int = 0

    @property
    def processes(self) -> int:
        return self.workers if self.workers > 0 else max(os.cpu_count() or 1, 1)
