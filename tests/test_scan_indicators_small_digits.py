"""Indicator scores on photographed scans: small Thai digits, a chart's values between its bars.

Each test draws the shapes it needs (boxes of OCR symbols, cells of ink) or states the readings a
photographed table gave, and asserts one behaviour.
"""

from __future__ import annotations

import numpy as np

from extractors.ita.indicators import column_numbers
from extractors.ocr.engine import OcrLine, OcrSymbol
from extractors.ocr.number_text import column_shapes, settle_number
from extractors.ocr.page import _covers_ink, _text_lines
from schemas import Cell


def _line(text: str, boxes: list[tuple[int, int, int, int]], confidence: float = 95.0) -> OcrLine:
    symbols = tuple(OcrSymbol(ch, box, confidence) for ch, box in zip(text, boxes, strict=True))
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    return OcrLine(symbols, (x0, y0, max(b[2] for b in boxes), max(b[3] for b in boxes)))


def _row(text: str, x: int, top: int, bottom: int, width: int = 10) -> list[tuple[int, int, int, int]]:
    return [(x + i * (width + 2), top, x + i * (width + 2) + width, bottom) for i in range(len(text))]


def test_a_charts_values_between_its_bars_are_kept_inside_the_bars_tall_line() -> None:
    # Tesseract read the bars' remains as one tall line of "letters" (blobs 55 px high) and the
    # values printed between them (14 px high) as lines of their own, inside its box.
    blobs = _line("เ|ต", [(0, 30, 50, 85), (200, 30, 225, 85), (400, 30, 450, 85)])
    values = _line("64.98", _row("64.98", 60, 60, 74))
    text = _line("ผลคะแนนรายตัวชี้วัด", _row("ผลคะแนนรายตัวชี้วัด", 0, 0, 20))
    kept = _text_lines([text, blobs, values])
    assert values in kept


def test_letters_inside_a_text_line_that_hold_none_of_its_ink_are_still_dropped() -> None:
    # A stamp's ring read as letters inside a line of text, between its words.
    text = _line("มาตรการที่", _row("มาตรการ", 0, 0, 40) + _row("ที่", 140, 0, 40))
    ring = _line("สมae", [(90, 5, 98, 30), (100, 5, 108, 30), (110, 5, 118, 30), (120, 5, 128, 30)])
    other = _line("การประเมิน", _row("การประเมิน", 0, 50, 75))
    assert ring not in _text_lines([text, ring, other])


def test_marks_read_twice_as_a_line_of_their_own_are_still_dropped() -> None:
    # The marks above a Thai line, which the line itself also holds: the same ink read twice.
    thai = _line(
        "ที่ต้อง",
        [
            (0, 10, 12, 40),
            (2, 0, 10, 9),
            (12, 0, 20, 9),
            (22, 10, 34, 40),
            (24, 0, 32, 9),
            (36, 10, 48, 40),
            (50, 10, 62, 40),
        ],
    )
    marks = _line("alr", [(2, 0, 10, 9), (12, 0, 20, 9), (24, 0, 32, 9)])
    other = _line("การประเมิน", _row("การประเมิน", 0, 50, 70))  # heights 40, 9, 20: no sliver
    assert marks not in _text_lines([thai, marks, other])


def test_a_header_digit_misread_as_its_neighbours_look_alike_still_numbers_the_columns() -> None:
    # ``๕`` read as ``๔`` (twice ``๔``, side by side), two others not read at all.
    header = ["ตัวชี้วัด", "", "๒", "", "๔", "๔", "๖", "๗", "๘", "๙", "๑๐"]
    assert column_numbers(header) == {c: c for c in range(1, 11)}


def test_a_row_counting_something_else_beside_the_ten_numbers_nothing() -> None:
    assert column_numbers(["", *map(str, range(1, 11)), "4"]) == {}


def test_scores_along_a_row_give_that_row_its_shape() -> None:
    texts = ["ผลคะแนน", "๗๘.๙๗", "ohn.", "๘๔.๖๗", "๗๑.๘๗", "๖๕.๖๑"]
    cells = [Cell(1, c, t, t, None) for c, t in enumerate(texts)]
    assert column_shapes(cells) == {}
    assert column_shapes(cells, by_row=True) == {1: (2, 2)}


def test_a_score_read_as_letters_is_read_from_its_fullest_glyph_reading() -> None:
    # Tesseract: ``ohn.``; the glyph reader, under five binarisations, ``๗๓.๔๕`` once and its
    # last two digits four times (the first two touching there).
    glyphs = [("๔๕", 0.72), ("๔๕", 0.65), ("๗๓.๔๕", 0.71), ("๔๕", 0.77), ("๔๕", 0.70)]
    text, confidence, other = settle_number("ohn.", 0.91, glyphs, lambda: "๕๕", True, (2, 2))
    assert (text, other) == ("๗๓.๔๕", "ohn.")
    assert confidence is not None and confidence < 0.91


def test_a_score_a_glyph_reading_of_as_many_digits_gainsays_is_doubted() -> None:
    # ``๘๘.๖๗`` read ``๘๔.๖๗`` by Tesseract and one glyph reading, ``๘๘๖๗`` by another.
    glyphs = [("๖๗", 0.69), ("๘๔.๖๗", 0.71), ("๘๘๖๗", 0.76)]
    text, confidence, other = settle_number("๘๔.๖๗", 0.61, glyphs, None, True, (2, 2))
    assert text == "๘๔.๖๗"
    assert confidence is not None and confidence <= 0.5
    assert other == "๘๘๖๗"


def test_a_score_whose_glyph_readings_agree_in_their_digits_is_not_doubted() -> None:
    glyphs = [("๖๕.๖", 0.72), ("๖๕.๖๑", 0.76), ("๖๕๖๑", 0.70)]
    assert settle_number("๖๕.๖๑", 0.85, glyphs, None, True, (2, 2)) == ("๖๕.๖๑", 0.85, None)


def test_the_widest_glyph_reading_accounts_for_a_cells_ink() -> None:
    binary = np.zeros((40, 120), np.uint8)
    for x in (20, 34, 52, 66):  # four digits, a point between the second and third
        binary[12:28, x : x + 10] = 255
    binary[25:28, 46:49] = 255
    box = (0, 0, 120, 40)
    partial = ("๔๕", 0.7, 50, 78)
    whole = ("๗๓.๔๕", 0.7, 18, 78)
    assert _covers_ink(binary, box, [partial, whole, partial])
    assert not _covers_ink(binary, box, [partial, partial])


def test_a_digits_only_reading_the_glyphs_gainsay_does_not_replace_the_first() -> None:
    """scan150 of a column table in small Thai digits: Tesseract read ``๖๘๓๕`` (``๖๘.๓๕``, its point
    lost), the glyph reader ``๖๘`` under three binarisations, and Tesseract restricted to digits
    ``๒๕.๓๕``, which has the column's shape and was taken (0.75, no doubt) though the glyphs' ``๖๘``
    stands in the first reading and not in it.  The first reading stays, doubted: the indicator
    reader puts the point back where the column has it (``68.35``), doubted too."""
    glyphs = [("๖๘", 0.787), ("๖๘", 0.767), ("๕", 0.731)]
    text, confidence, other = settle_number("๖๘๓๕", 0.85, glyphs, lambda: "๒๕.๓๕", True, (2, 2))
    assert (text, other) == ("๖๘๓๕", "๒๕.๓๕") and confidence is not None and confidence <= 0.3
    # with no glyph reading against it, the digits-only reading of the column's shape still settles it
    assert settle_number("๖๑.๒", 0.85, [], lambda: "61.27", shape=(2, 2))[0] == "๖๑.๒๗"


def test_letters_for_a_scores_whole_digits_are_completed_by_the_glyphs() -> None:
    """scan200 of a row table: Tesseract read ``๗๖.๕๒`` as ``ข่าว.๕๒`` (``ข่าว`` is a word, so the
    cell was taken for letters and never looked at), the glyph reader ``๗๖.๕`` (its unsure last
    digit left out).  They agree where both read digits; together they give ``๗๖.๕๒``, doubted."""
    got = settle_number("ข่าว.๕๒", 0.936, [("๗๖.๕", 0.73)], lambda: "", True, (2, 2))
    assert got[0] == "๗๖.๕๒" and got[1] == 0.3
    # decimals that disagree with the glyphs' settle nothing: the reading stays as read
    assert settle_number("ข่าว.๔๒", 0.936, [("๗๖.๕", 0.73)], lambda: "", True, (2, 2))[0] == "ข่าว.๔๒"


def test_a_first_reading_short_of_a_digit_is_completed_by_the_digits_only_reading() -> None:
    """``82.60`` read ``82.3`` by the page and by the glyph reader alike (a digit lost, another
    misread), ``82.60`` by Tesseract restricted to digits: the first reading lacks a digit of the
    column's shape, so the digits-only reading completes it, though the glyphs agree with the first."""
    glyphs = [("82.3", 0.667), ("82", 0.907), ("8", 0.928)]
    assert settle_number("82.3", 0.85, glyphs, lambda: "82.60", True, (2, 2))[0] == "82.60"
