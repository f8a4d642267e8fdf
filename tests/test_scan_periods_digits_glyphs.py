"""A scanned period cell's Thai digits read again by the glyph reader (issue 14): the digits of
a period Tesseract misread (``ธ.ค. ๒๓`` for ``ธ.ค. ๖๓``) or guessed as Latin letters
(``ต.ค. bo``) are chosen by the shapes of the cell's own glyphs, with no Tesseract call; the
glyphs never add or drop a number, and an unsure digit settles nothing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from extractors.ocr.fields import glyph_digit_runs, glyph_reading, with_glyph_digits

FONT = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")


def _ink(lines: list[str]) -> np.ndarray:
    """A period cell's ink (255) as a 200 dpi scan shows it, one period line under the other."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 44)
    image = Image.new("L", (500, 40 + 70 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((20, 20 + 70 * n), line, font=font, fill=0)
    return np.where(np.asarray(image) < 128, 255, 0).astype(np.uint8)


@pytest.mark.skipif(not FONT.exists(), reason="the Laksaman font (fonts-tlwg-laksaman) is not installed")
def test_a_period_s_misread_digits_are_read_from_the_cell_s_glyphs() -> None:
    ink = _ink(["ต.ค. ๖๓ -", "ธ.ค. ๖๓"])
    found = glyph_digit_runs(ink)
    assert found is not None and found[0] == ["๖๓", "๖๓"]
    text, raw, confidence = glyph_reading("ต.ค. bo - ธ.ค. ๒๓", "ต.ค. bo -\nธ.ค. ๒๓", ink)
    assert text == "ต.ค. ๖๓ - ธ.ค. ๖๓"
    assert raw == "ต.ค. bo -\nธ.ค. ๒๓"  # the raw reading stays as Tesseract read it
    assert confidence is not None and confidence < found[1]
    # a reading whose numbers the glyphs already give is no new reading
    assert glyph_reading("ต.ค. ๖๓ - ธ.ค. ๖๓", "", ink) == ("", "", None)


@pytest.mark.skipif(not FONT.exists(), reason="the Laksaman font (fonts-tlwg-laksaman) is not installed")
def test_glyphs_that_do_not_match_the_reading_s_numbers_settle_nothing() -> None:
    ink = _ink(["ต.ค. ๖๓ -", "ธ.ค. ๖๓"])
    assert glyph_reading("ต.ค. - ธ.ค. ๒๓", "", ink) == ("", "", None)  # one number read, two seen
    assert glyph_reading("ตามความเหมาะสม", "", ink) == ("", "", None)
    assert with_glyph_digits("ส.ค. ๒๔", ["๖"]) is None  # a digit fewer than Tesseract read
