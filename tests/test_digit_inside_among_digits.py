"""An unsure digit inside a number, whose doubt is only digit or not, is the number's digit
(``digit_glyphs.number_runs``): between digits and a point no letter or sign stands.

Draw 207's ``c90`` scan at 150 dpi: ``๗๑.๒๖`` whose ``๑`` led the colon template by 0.01-0.03
(under ``MIN_MARGIN``) left the glyph run unsure, so Tesseract's ``ซ๑.๒๒`` stayed and the
indicator read 1.22."""

from __future__ import annotations

import numpy as np

from extractors.ocr.digit_glyphs import TEMPLATES_PATH, Glyph, number_runs


def _template(label: str) -> bytes:
    """A committed glyph template of ``label`` (a drawn digit, normalised as the reader does)."""
    with np.load(TEMPLATES_PATH) as data:
        index = int(np.flatnonzero(data["labels"] == label)[0])
        return bytes(np.asarray(data["features"][index], np.uint8).tobytes())


def _sure(label: str, x0: int, x1: int) -> Glyph:
    return Glyph(label, x0, x1, 0.9, 0.17, "๘", _template(label))


def test_an_unsure_digit_inside_the_run_is_told_among_digits_and_the_run_is_trusted() -> None:
    unsure = Glyph("๑", 38, 55, 0.86, 0.01, ":", _template("๑"))
    point = Glyph(".", 61, 66, 1.0, 1.0)
    glyphs = [_sure("๗", 8, 32), unsure, point, _sure("๒", 69, 90), _sure("๖", 93, 114)]
    (run,) = number_runs(glyphs)
    assert run.text == "๗๑.๒๖" and run.trusted


def test_an_unsure_glyph_no_digit_tells_leaves_the_run_unsure() -> None:
    shapeless = Glyph("๑", 38, 55, 0.86, 0.01, ":", b"")
    glyphs = [_sure("๗", 8, 32), shapeless, Glyph(".", 61, 66, 1.0, 1.0), _sure("๒", 69, 90)]
    (run,) = number_runs(glyphs)
    assert run.text == "๗๑.๒" and not run.trusted
