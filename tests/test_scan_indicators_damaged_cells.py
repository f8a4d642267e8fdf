"""Indicator cells OCR damaged on the scanned twins of a fresh draw (150 and 200 dpi), modelled on
them: a score column a page break left two rows of, one with a stroke read as a minus; a score
with a stamp's arc read as letters beside it; a difference read after strokes; digits read without
their point; and two Thai digits blur joined, cut where they read as two digits.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors.ita.indicators import from_row_table
from extractors.ita.vocabulary import INDICATORS
from extractors.ocr.digit_glyphs import number_runs, read_glyphs
from extractors.ocr.number_text import settle_number
from schemas import CellPart, LogicalRow, LogicalTable

_NAMES = {indicator.number: indicator.name for indicator in INDICATORS}
_GARUDA = "/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf"


def _row(texts: dict[int, str], confidence: float = 0.9) -> LogicalRow:
    cells = {c: [CellPart(2, None, t, t, confidence)] for c, t in texts.items() if t}
    return LogicalRow(2, cells, set(), False, {c: t for c, t in texts.items() if t})


def test_a_short_score_column_with_a_stroke_before_one_score_is_no_difference_column() -> None:
    """``ตัวชี้วัด | คะแนนที่ได้`` on a page of its own with two rows, ``๘๓.๑๘`` and ``- ๗๒.๓๖าว``
    (a stamp's arc across the cell): half its numbers "signed" made it a column of differences,
    and both indicators were lost.  Headed as the score, it is the score; the stamped cell gives
    its one number of the column's shape, doubted."""
    rows = [
        _row({0: f"๙. {_NAMES[9]}", 1: "๘๓.๑๘"}),
        _row({0: f"๑๐. {_NAMES[10]}", 1: "- ๗๒.๓๖าว"}),
    ]
    table = LogicalTable("indicators", ["indicator", "score"], ["ตัวชี้วัด", "คะแนนที่ได้"], rows, [2], [])
    found, _facts = from_row_table(table, 2566)
    assert [(i.number, i.score, i.year) for i in found] == [(9, 83.18, 2566), (10, 72.36, 2566)]
    assert found[1].score_raw == "- ๗๒.๓๖าว"
    assert found[1].confidence is not None and found[1].confidence <= 0.5


def test_a_score_whose_lost_digits_were_read_as_letters_is_not_taken_from_what_is_left() -> None:
    """``ณ๓.๒๕`` for ``๙๖.๒๕``: the number left is short of the column's shape; no score is made
    of it (the reading stays, for a person to check)."""
    rows = [_row({0: f"{n}. {_NAMES[n]}", 1: f"{80 + n}.25"}) for n in range(2, 6)]
    rows.insert(0, _row({0: f"1. {_NAMES[1]}", 1: "ณ๓.๒๕"}))
    table = LogicalTable("indicators", ["indicator", "score"], ["ตัวชี้วัด", "คะแนน"], rows, [2], [])
    found, _facts = from_row_table(table, 2567)
    assert (found[0].number, found[0].score, found[0].score_raw) == (1, None, "ณ๓.๒๕")


def test_a_difference_read_after_strokes_still_gives_the_score_ocr_could_not_read() -> None:
    """``ปี ๒๕๖๗ | ปี ๒๕๖๘ | เพิ่มขึ้น/ลดลง`` with the 2568 score read as ``ARG`` and the
    difference as ``, +๑๗.๓๐``: the earlier score and the signed difference give ``๗๗.๙๑``."""
    rows = [
        _row({0: f"{n}. {_NAMES[n]}", 1: f"{60 + n}.11", 2: f"{70 + n}.22", 3: "+10.11"})
        for n in range(1, 10)
    ]
    rows.append(_row({0: f"10 {_NAMES[10]}", 1: "๖๐.๖๑", 2: "ARG", 3: ", +๑๗.๓๐"}))
    header = ["ตัวชี้วัด", "ปี ๒๕๖๗", "ปี ๒๕๖๘", "เพิ่มขึ้น/ลดลง"]
    table = LogicalTable("indicators", ["indicator", None, None, "diff"], header, rows, [2], [])
    found, _facts = from_row_table(table, 2568)
    last = found[-1]
    assert (last.number, last.score, last.year, last.previous.score if last.previous else None) == (
        10,
        77.91,
        2568,
        60.61,
    )


def test_digits_read_without_their_point_take_the_glyph_readings_that_all_see_it() -> None:
    """Tesseract's ``๔๑๗๒`` where two glyph readings put a point after two digits (``๙๑.๗๒``,
    ``๙๑.๗``): the glyphs' number, doubted, with Tesseract's reading kept beside it."""
    text, confidence, other = settle_number("๔๑๗๒", 0.78, [("๙๑.๗๒", 0.69), ("๙๑.๗", 0.75)], lambda: "")
    assert (text, other) == ("๙๑.๗๒", "๔๑๗๒") and confidence is not None and confidence <= 0.5


def test_a_year_with_one_glyph_reading_of_a_point_stays_a_year() -> None:
    """One binarisation's speck read as a point does not make a year a score."""
    text, _confidence, _other = settle_number("๒๕๖๘", 0.9, [("๒๕.๖๘", 0.8), ("๒๕๖๘", 0.8)], lambda: "")
    assert text == "๒๕๖๘"


def _touching(first: str, second: str, overlap: int) -> np.ndarray:
    """Two digits drawn in bold Garuda at scan size (24 px), the second pushed ``overlap`` pixels
    into the first, blurred as a scan blurs them, as ink (255), cropped to it."""
    font = ImageFont.truetype(_GARUDA, 24)
    image = Image.new("L", (120, 50), 255)
    draw = ImageDraw.Draw(image)
    draw.text((4, 6), first, fill=0, font=font)
    draw.text((4 + int(draw.textlength(first, font=font)) - overlap, 6), second, fill=0, font=font)
    gray = cv2.GaussianBlur(np.asarray(image), (3, 3), 0.8)
    ink = 255 - cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
    ys, xs = np.nonzero(ink)
    return np.ascontiguousarray(ink[ys.min() - 2 : ys.max() + 3, xs.min() - 2 : xs.max() + 3], np.uint8)


def test_two_touching_thai_digits_are_cut_where_they_read_as_two_digits() -> None:
    """A ``๗`` whose tail blur joined to the ``๐`` after it: the thinnest column of the blob is not
    where they touch, and a cut there leaves no two digits; the cuts where both halves are trusted
    digits (more than one, all reading the same two) read ``๗๐``."""
    ink = _touching("๗", "๐", 2)
    n, _labels = cv2.connectedComponents(ink)
    assert n - 1 == 1  # one blob: the two digits touch
    assert [r.text for r in number_runs(read_glyphs(ink))] == ["๗๐"]


def test_a_score_read_over_100_is_no_score_and_its_reading_stays() -> None:
    """``๙๒๘`` for ``๙๑.๒๘`` (a digit and the point lost): no score is over 100; the indicator
    keeps the reading, unscored, for a person to check."""
    rows = [_row({0: f"{n}. {_NAMES[n]}", 1: f"{80 + n}.25"}) for n in range(1, 5)]
    rows.append(_row({0: f"5. {_NAMES[5]}", 1: "๙๒๘"}))
    table = LogicalTable("indicators", ["indicator", "score"], ["ตัวชี้วัด", "คะแนน"], rows, [2], [])
    found, _facts = from_row_table(table, 2565)
    assert (found[-1].number, found[-1].score, found[-1].score_raw) == (5, None, "๙๒๘")


def test_a_headless_tables_first_row_with_one_year_read_dates_its_column() -> None:
    """A two-year table whose shaded header OCR damaged (``- -ย26- | ปี2563``) and the stitcher did
    not take for one: its first row, with the one year read and no score, is the header, so the
    right column is 2563's and the left 2562's, even where the text's assessed year (2562, from a
    misread overall score) would date the right column by the table's sums as 2562.  The later
    column is then the assessed year's, whatever year the text names (a table holds no scores of
    a year after the one assessed), and 2562's scores are its previous ones."""
    header_row = _row({0: "แมแมแบฐาแพ", 1: "- -ย26-", 2: "—— ปี2563 -", 3: "- เพ็มซ๊เตัสตลง"})
    rows = [header_row] + [
        _row({0: f"ตัวชี้วัดที่ {n} {_NAMES[n]}", 1: f"{70 + n}.11", 2: f"{80 + n}.22", 3: "+10.11"})
        for n in range(1, 11)
    ]
    table = LogicalTable("other", [None] * 4, [""] * 4, rows, [2], [])
    found, _facts = from_row_table(table, 2562)
    first = next(i for i in found if i.number == 1)
    assert (first.year, first.score) == (2563, 81.22)
    assert first.previous is not None and (first.previous.year, first.previous.score) == (2562, 71.11)
    found, _facts = from_row_table(table, 2563)
    first = next(i for i in found if i.number == 1)
    assert (first.year, first.score, first.previous.score if first.previous else None) == (2563, 81.22, 71.11)
