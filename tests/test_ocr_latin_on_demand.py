"""Text read with the Thai model first, Latin words read again with the English model
(``extractors.ocr.engine.OcrEngine.read`` with ``LATIN_ON_DEMAND``).

The Thai model has no Latin letter: it writes ``AA`` as ``ภณ``, ``EIT`` as ``ขา`` (a Thai word),
``ITA`` as ``[1ค``.  Cells are drawn here in two Thai fonts at a 200 dpi scan's size, binarised,
and read as the page reader reads a cell: the Latin ones must come back Latin, the Thai ones Thai.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr.engine import OcrEngine
from tests.thai_first import thai_first_engine

FONTS = [Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf"), Path("/usr/share/fonts/truetype/tlwg/Loma.ttf")]

needs_fonts = pytest.mark.skipif(
    not all(f.exists() for f in FONTS), reason="the TLWG fonts (fonts-tlwg-garuda, -loma) are not installed"
)


@pytest.fixture(scope="module")
def ocr() -> Iterator[OcrEngine]:
    yield from thai_first_engine()


def _cell(text: str, font: Path) -> np.ndarray:
    """``text`` at 16 pt at 200 dpi (44 px), black on white, with a margin as a cell's crop has."""
    face = ImageFont.truetype(str(font), 44)
    image = Image.new("L", (80 + 40 * len(text), 100), 255)
    ImageDraw.Draw(image).text((20, 20), text, font=face, fill=0)
    return np.where(np.asarray(image) < 128, 0, 255).astype(np.uint8)


def _read(ocr: OcrEngine, text: str, font: Path) -> str:
    return " ".join("".join(s.text for s in line.symbols) for line in ocr.read(_cell(text, font)))


@needs_fonts
@pytest.mark.parametrize("font", FONTS, ids=lambda f: f.stem)
@pytest.mark.parametrize("text", ["AA", "EIT", "OIT", "ITA", "(EIT)", "Facebook", "E-mail", "Website"])
def test_a_latin_cell_is_read_latin(ocr: OcrEngine, text: str, font: Path) -> None:
    assert _read(ocr, text, font) == text


@needs_fonts
@pytest.mark.parametrize("font", FONTS, ids=lambda f: f.stem)
@pytest.mark.parametrize("letter", ["A", "D", "E", "F"])
def test_a_level_letter_alone_in_a_cell_is_read_as_the_letter(
    ocr: OcrEngine, letter: str, font: Path
) -> None:
    assert _read(ocr, letter, font) == letter


@needs_fonts
@pytest.mark.parametrize("font", FONTS, ids=lambda f: f.stem)
def test_latin_after_thai_in_one_line_is_read_latin_and_the_thai_stays(ocr: OcrEngine, font: Path) -> None:
    assert _read(ocr, "ระดับ AA", font) == "ระดับAA"


@needs_fonts
@pytest.mark.parametrize("font", FONTS, ids=lambda f: f.stem)
@pytest.mark.parametrize("text", ["ไม่มี", "ประสิทธิภาพ", "การเปิดเผยข้อมูลสาธารณะ"])
def test_thai_words_stay_thai(ocr: OcrEngine, text: str, font: Path) -> None:
    assert _read(ocr, text, font) == text.replace("ำ", "ํา")  # Tesseract's sara am: nikhahit + aa


@needs_fonts
@pytest.mark.parametrize("font", FONTS, ids=lambda f: f.stem)
def test_a_thai_abbreviation_is_not_taken_for_latin_letters(ocr: OcrEngine, font: Path) -> None:
    """``tha+eng`` wrote ``W.A.`` for ``พ.ศ.``: the English model never replaces a Thai abbreviation."""
    read = _read(ocr, "พ.ศ. ๒๕๖๖", font)
    assert read.startswith("พ.ศ.")
