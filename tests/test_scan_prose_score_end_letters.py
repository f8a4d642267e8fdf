"""A score whose two end digits Tesseract both read as letters is re-read whole from its glyphs.

The two crops are of a scanned twin (draw 213, c90-prose-progress-2566, scan150, a dev document)
of prose score lines ``คะแนน ๘๐.๖๖`` and ``คะแนน ๗๗.๙๐``.  Tesseract read ``๕๐.ออ`` and
``ฒญ.๕๐``: the glyph reader looked only at the number's digits and the one letter touching them,
so the scores came out ``๘๐.๖อ`` (80.6) and ``ฒ๗.๙๐`` (7.9).  The symbols below are Tesseract's,
as it read them (boxes in the crop's pixels).

A third crop, of draw 215's c90-prose-progress-2563 photo twin (a dev document), is the line
``มีคะแนน ๔๙.๖๗``: Tesseract read ``๕๕.อ``, the ``๖๗`` one wide box a little further from the
point than the digits are from each other, so the score came out ``๔๙.อ`` (49.0).
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
WORD = [("ค", 4, 22, 16, 43), ("ะ", 23, 22, 45, 43), ("แ", 51, 22, 59, 43), ("น", 61, 22, 109, 43)]


def _read(
    name: str, read: list[tuple[str, int, int, int, int]], line: tuple[int, int] = (6, 55)
) -> tuple[str, PageReader]:
    crop = np.asarray(Image.open(CELLS / name).convert("L"), np.uint8)
    gray = np.full((crop.shape[0] + 2 * MARGIN, crop.shape[1] + 2 * MARGIN), 255, np.uint8)
    gray[MARGIN:-MARGIN, MARGIN:-MARGIN] = crop
    binary = binarise(gray)
    page = Cleaned(gray, binary, 0.0, 0, float(np.count_nonzero(binary)) / binary.size)
    reader = PageReader(None, page, 200)  # type: ignore[arg-type]  # no Tesseract needed
    symbols = [
        OcrSymbol(t, (x0 + MARGIN, y0 + MARGIN, x1 + MARGIN, y1 + MARGIN), 97.0) for t, x0, y0, x1, y1 in read
    ]
    line_box = (MARGIN, MARGIN + line[0], MARGIN + read[-1][3], MARGIN + line[1])
    return "".join(s.text for s in reader._numbers(symbols, line_box)), reader


def test_a_score_whose_last_two_digits_were_read_as_letters_is_read_whole() -> None:
    read = [*WORD, ("๕", 124, 20, 146, 43), ("๐", 153, 26, 168, 43), (".", 175, 39, 179, 43)]
    read += [("อ", 185, 20, 204, 44), ("อ", 206, 20, 227, 44)]
    text, reader = _read("prose-score-8066-two-letters.png", read)
    assert text.endswith("คะแน๘๐.๖๖")
    assert any(d.text == "๘๐.๖๖" for d in reader.doubts)  # the readings disagreed: a check


def test_a_score_whose_first_two_digits_were_read_as_letters_is_read_whole() -> None:
    read = [*WORD, ("ฒ", 123, 21, 144, 42), ("ญ", 147, 21, 167, 42), (".", 176, 37, 180, 42)]
    read += [("๕", 184, 21, 207, 42), ("๐", 211, 25, 229, 42)]
    text, reader = _read("prose-score-7790-two-letters.png", read)
    assert text.endswith("คะแน๗๗.๙๐")
    assert any(d.text == "๗๗.๙๐" for d in reader.doubts)


def test_a_score_that_ends_at_its_point_goes_on_to_the_box_past_it() -> None:
    read = [("ค", 4, 31, 15, 47), ("ะ", 23, 27, 31, 48), ("แ", 33, 27, 42, 48), ("น", 44, 27, 91, 48)]
    read += [("๕", 112, 26, 129, 48), ("๕", 133, 28, 154, 48), (".", 160, 44, 164, 48)]
    read += [("อ", 172, 25, 214, 48)]
    text, reader = _read("prose-score-4967-after-point.png", read, (6, 62))
    assert text.endswith("คะแน๔๙.๖๗")
    assert any(d.text == "๔๙.๖๗" for d in reader.doubts)
