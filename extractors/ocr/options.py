"""How scanned pages are read: a small settings record any stage may build without loading OCR."""

from __future__ import annotations

import os
from dataclasses import dataclass

#: Resolution scanned pages are rendered at: 200 dpi read as well as 300 and is faster.
DEFAULT_DPI = 200


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
