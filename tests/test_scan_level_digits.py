"""Level letters and split digits in the running text of scans.

The images in ``tests/data/scan_cells`` are crops of a scanned twin (200 dpi) of a generated corpus
document: the line ``คะแนน ระดับผลการประเมิน C``, whose ``C`` the page reading (Thai and English
models together) read as ``0``, and the overall score ``๖๕.๒๓``, whose bold ``๖`` Tesseract read as
two narrow digits ``๒๑`` (``๒๑๕.๒๓``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from extractors.ocr.engine import OcrEngine, OcrSymbol
from extractors.ocr.page import INSET, LEVEL_REREAD, PageReader
from extractors.ocr.raster import Cleaned, binarise
from schemas import BBox, Word

CELLS = Path(__file__).parent / "data" / "scan_cells"
MARGIN = 20


def _page(name: str, engine: OcrEngine | None) -> tuple[PageReader, np.ndarray]:
    """A page holding only the crop, with paper around it; and its binary image."""
    crop = np.asarray(Image.open(CELLS / name).convert("L"), np.uint8)
    gray = np.full((crop.shape[0] + 2 * MARGIN, crop.shape[1] + 2 * MARGIN), 255, np.uint8)
    gray[MARGIN:-MARGIN, MARGIN:-MARGIN] = crop
    binary = binarise(gray)
    page = Cleaned(gray, binary, 0.0, 0, float(np.count_nonzero(binary)) / binary.size)
    return PageReader(engine, page, 200), binary  # type: ignore[arg-type]


def _ink_columns(binary: np.ndarray) -> list[tuple[int, int]]:
    """The runs of columns with ink, left to right (the glyphs of a line of digits or letters)."""
    cols = binary.any(axis=0)
    runs, start = [], None
    for x, ink in enumerate(cols):
        if ink and start is None:
            start = x
        if not ink and start is not None:
            runs.append((start, x))
            start = None
    return runs


def test_a_level_letter_the_page_reading_took_for_a_digit_is_read_again_as_a_letter() -> None:
    reader, binary = _page("level-C-line.png", OcrEngine(200))
    x0, x1 = _ink_columns(binary)[-1]  # the C, last on the line
    rows = np.nonzero(binary.any(axis=1))[0]
    line_box = (MARGIN, int(rows[0]), binary.shape[1] - MARGIN, int(rows[-1]) + 1)
    letter = reader.pt((x0, int(rows[0]), x1, int(rows[-1]) + 1))
    words = [
        Word("คะแนน", "คะแนน", BBox(0, 0, 1, 1), 0.9),
        Word("ระดับผลการประเมิน", "ระดับผลการประเมิน", BBox(1, 0, 2, 1), 0.9),
        Word("0", "0", letter, 0.87),
    ]
    out = reader._level_letters(words, line_box)
    assert [w.text for w in out] == ["คะแนน", "ระดับผลการประเมิน", "C"]
    assert [(d.text, d.other, d.reason) for d in reader.doubts] == [("C", "0", LEVEL_REREAD)]


def test_a_word_after_another_phrase_is_not_read_as_a_level() -> None:
    reader, _binary = _page("level-C-line.png", None)  # no engine: nothing may be read again
    words = [Word("ข้อ", "ข้อ", BBox(0, 0, 1, 1), 0.9), Word("5", "5", BBox(1, 0, 2, 1), 0.9)]
    assert [w.text for w in reader._level_letters(words, (0, 0, 10, 10))] == ["ข้อ", "5"]
    assert reader.doubts == []


def test_one_digit_tesseract_read_as_two_narrow_ones_is_the_glyph_readers_one() -> None:
    reader, binary = _page("thai-65.23-six-split.png", None)
    rows = np.nonzero(binary.any(axis=1))[0]
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    six, five, point, two, three = _ink_columns(binary)
    middle = (six[0] + six[1]) // 2
    # Tesseract's symbols as read: the bold six as two narrow digits
    read = [("๒", six[0], middle), ("๑", middle, six[1]), ("๕", *five), (".", *point)]
    read += [("๒", *two), ("๓", *three)]
    symbols = [OcrSymbol(t, (a, top, b, bottom), 97.0) for t, a, b in read]
    line_box = (MARGIN - INSET, top, binary.shape[1] - MARGIN + INSET, bottom)
    out = reader._numbers(symbols, line_box)
    assert "".join(s.text for s in out) == "๖๕.๒๓"
    assert [(d.text, d.other) for d in reader.doubts] == [("๖๕.๒๓", "๒๑๕.๒๓")]
