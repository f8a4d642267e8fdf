"""A scanned period cell that parses as Tesseract read it, its digit read as its look-alike
(``รอบ ๒ เดือน`` for ``รอบ ๖ เดือน``, Norasi at 150 dpi: two months and six both parse), checked
against the cell's glyphs (issue 14).  The glyph reader, unsure of the ``๖`` only against the
letters, is sure of it among the digits; the glyphs' reading wins and Tesseract's stays in a doubt.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from extractors.ocr.digit_glyphs import LETTER, Glyph, normalise
from extractors.ocr.fields import digit_among_digits, glyphs_gainsay, settle_period_cells
from schemas import DOUBT_CONFIDENCE, BBox, Cell, Table, TableQuality

FONT = Path("/usr/share/fonts/truetype/tlwg/Kinnari.ttf")
BOX = BBox(0, 0, 10, 10)


def _ink(text: str) -> np.ndarray:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 44)
    image = Image.new("L", (120, 90), 255)
    ImageDraw.Draw(image).text((20, 10), text, font=font, fill=0)
    return np.where(np.asarray(image) < 128, 255, 0).astype(np.uint8)


@pytest.mark.skipif(not FONT.exists(), reason="the Kinnari font (fonts-tlwg-kinnari) is not installed")
def test_a_digit_unsure_against_letters_is_told_among_the_digits() -> None:
    shape = normalise(_ink("๖")).tobytes()
    unsure = Glyph("๖", 0, 10, 0.7, 0.01, LETTER, shape)  # as near a letter as the digit
    assert digit_among_digits(unsure)[0] == "๖"
    # a glyph whose best label is a letter is never made a digit
    assert digit_among_digits(Glyph(LETTER, 0, 10, 0.7, 0.01, "๖", shape)) == ("", 0.0)


def test_the_glyphs_reading_wins_only_when_it_parses_fits_and_keeps_its_scripts() -> None:
    assert glyphs_gainsay("รอบ ๒ เดือน", lambda: ("รอบ ๖ เดือน", "", 0.7)) == "รอบ ๖ เดือน"
    assert glyphs_gainsay("รอบ ๒ เดือน", lambda: ("รอบ ๖ เดือน", "", 0.7), fits=lambda t: False) is None
    assert glyphs_gainsay("รอบ ๒ เดือน", lambda: ("รอบ 1 เดือน", "", 0.7)) is None  # a digit's pieces
    assert glyphs_gainsay("ตามความเหมาะสม", lambda: ("รอบ ๖ เดือน", "", 0.7)) is None  # no period read


def _table(text: str) -> Table:
    cells = [Cell(0, 0, "ระยะเวลา", "", BOX), Cell(1, 0, text, text, BOX, confidence=0.95)]
    return Table(1, 0, BOX, 2, 1, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))


def test_a_period_the_glyphs_gainsay_keeps_tesseract_s_reading_in_a_doubt() -> None:
    table = _table("รอบ ๒ เดือน")

    def read(cell: Cell, mode: str) -> tuple[str, str, float | None]:
        return ("รอบ ๖ เดือน", cell.raw, 0.7) if mode == "glyphs" else ("", "", None)

    doubts = settle_period_cells(table, read, lines=lambda cell: 1)
    assert (table.cells[1].text, table.cells[1].confidence) == ("รอบ ๖ เดือน", DOUBT_CONFIDENCE)
    assert len(doubts) == 1 and doubts[0].other == "รอบ ๒ เดือน"


def test_a_period_the_glyphs_confirm_is_left_as_read() -> None:
    table = _table("รอบ ๖ เดือน")
    doubts = settle_period_cells(table, lambda cell, mode: ("", "", None), lines=lambda cell: 1)
    assert doubts == [] and table.cells[1].confidence == 0.95
