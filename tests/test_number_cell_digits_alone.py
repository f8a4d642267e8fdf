"""Number cells that no reading settled, read among the digit templates alone; and a stamp's
ring under a score.

Fresh c91 s459 and s462 scan150: at 150 dpi a ``๖`` of the font lies nearer the letter ``ว`` than
any digit template, a ``๗`` nearer ``ฒ``; the cell ``๖๗.๒๗`` was read ``วฒ.๒๗`` by Tesseract and
the glyph reader alike, and the indicator was left without its score.  In a number cell that no
reading settled, letters are none: each glyph is told among the digits alone, as clear of the
others as a trusted glyph must be, and the reading is kept, doubted, only as one number of the
column's shape.  In s462 a round stamp's ring under ``๗๐.๐๗`` was read ``| /”`` / ``| 070``: a
second number that left the cell no score.
"""

from __future__ import annotations

import numpy as np

from extractors.ita.indicators import score_amid_specks
from extractors.ocr.digit_glyphs import LETTER, MARK, Glyph, digits_alone, templates


def _shape_of(label: str) -> bytes:
    """The normalised image of a template of ``label`` (what a glyph of it reads as)."""
    features, labels = templates()
    vector = features[int(np.flatnonzero(labels == label)[0])]
    return np.asarray(np.round(vector / vector.max() * 255), np.uint8).tobytes()


def _as_letter(digit: str, x: int) -> Glyph:
    # the glyph reader's best label a letter, its runner-up the digit, its lead small
    return Glyph(LETTER, x, x + 9, 0.8, 0.02, digit, _shape_of(digit))


def _sure(digit: str, x: int) -> Glyph:
    return Glyph(digit, x, x + 9, 0.9, 0.2, "", _shape_of(digit))


POINT = Glyph(".", 20, 22, 1.0, 1.0)


def test_letters_in_a_number_cell_are_told_among_the_digits() -> None:
    glyphs = [_as_letter("๖", 0), _as_letter("๗", 10), POINT, _sure("๒", 24), _sure("๗", 34)]
    assert digits_alone(glyphs, (2, 2)) == "๖๗.๒๗"


def test_only_a_number_of_the_columns_shape_is_kept() -> None:
    glyphs = [_as_letter("๖", 0), _as_letter("๗", 10), POINT, _sure("๒", 24), _sure("๗", 34)]
    assert digits_alone(glyphs[1:], (2, 2)) is None
    assert digits_alone([Glyph(MARK, 0, 4, 1.0, 1.0), *glyphs], (2, 2)) is None


def test_a_stamps_ring_under_a_thai_score_is_specks() -> None:
    assert score_amid_specks("๗๐.๐๗\n| /”\n| 070\n“น\n|", (2, 2)) == 70.07
    assert score_amid_specks("๗๐.๐๗\nคะแนน ๗๐", (2, 2)) is None
