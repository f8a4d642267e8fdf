"""The glyph reader's crop of a number holds its end digit whole, even where Tesseract's box of
that digit stops short of its ink.

``thai-year-2567-end-box-short.png`` is a crop of a photographed twin (draw 209, c95, a dev
document) of the line ``พ.ศ. ๒๕๖๗``: Tesseract read ``wa.๒๕๒๓``, its box of the last digit 15 px
wide where the ``๗`` under it is 23 px; a crop widened by a quarter of the line's height cut that
``๗``, so the year came out ``๒๕๖`` + Tesseract's ``๓`` (2563: five years off, every indicator
of the document dated by it).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from extractors.ocr.engine import OcrSymbol
from extractors.ocr.page import PageReader
from extractors.ocr.raster import Cleaned, binarise

CELLS = Path(__file__).parent / "data" / "scan_cells"
MARGIN = 20


def test_a_year_whose_last_digit_box_is_short_is_read_with_that_digit_whole() -> None:
    crop = np.asarray(Image.open(CELLS / "thai-year-2567-end-box-short.png").convert("L"), np.uint8)
    gray = np.full((crop.shape[0] + 2 * MARGIN, crop.shape[1] + 2 * MARGIN), 255, np.uint8)
    gray[MARGIN:-MARGIN, MARGIN:-MARGIN] = crop
    binary = binarise(gray)
    page = Cleaned(gray, binary, 0.0, 0, float(np.count_nonzero(binary)) / binary.size)
    reader = PageReader(None, page, 200)  # type: ignore[arg-type]  # no Tesseract needed
    # Tesseract's symbols of the line, as it read them (boxes in the crop's pixels)
    read = [("w", 27, 24, 48, 47), ("a", 55, 23, 81, 47), (".", 89, 43, 94, 47)]
    read += [("๒", 122, 22, 135, 46), ("๕", 141, 22, 163, 47), ("๒", 168, 21, 186, 46)]
    read += [("๓", 186, 2, 201, 62)]
    symbols = [
        OcrSymbol(t, (x0 + MARGIN, y0 + MARGIN, x1 + MARGIN, y1 + MARGIN), 97.0) for t, x0, y0, x1, y1 in read
    ]
    line_box = (MARGIN + 27, MARGIN + 2, MARGIN + 201, MARGIN + 62)
    text = "".join(s.text for s in reader._numbers(symbols, line_box))
    assert text.endswith("๒๕๖๗")
