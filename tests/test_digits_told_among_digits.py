"""An unsure digit told among the digits alone (``digit_glyphs.told_among_digits``) is the number's
digit where its place says so.

At a number's end, whose doubt is only digit or letter, it is kept where Tesseract read a digit
there (``digit_glyphs.number_runs`` widened, ``number_text.widened``). Draw 207's ``c95`` scan at
150 dpi: ``๖๗.๗๐`` whose ``๖`` and ``๐`` led a letter template by 0.03 (under ``MIN_MARGIN``) were
left out of the glyph run ``๗.๗``, and Tesseract's ``๒๑.๑๐`` kept its ``๒`` in front: ``๒๗.๗๐``
with no check naming the ``๒``.

Inside a number, whose doubt is only digit or sign, it is the number's digit: between digits and a
point no sign stands. Draw 207's ``c90`` scan at 150 dpi: ``๗๑.๒๖`` whose ``๑`` led the colon
template by 0.01-0.03 left the glyph run unsure, so Tesseract's ``ซ๑.๒๒`` stayed and the indicator
read 1.22."""

from __future__ import annotations

import numpy as np

from extractors.ocr.digit_glyphs import LETTER, TEMPLATES_PATH, Glyph, NumberRun, number_runs
from extractors.ocr.number_text import widened


def _template(label: str) -> bytes:
    """A committed glyph template of ``label`` (a drawn digit, normalised as the reader does)."""
    with np.load(TEMPLATES_PATH) as data:
        index = int(np.flatnonzero(data["labels"] == label)[0])
        return bytes(np.asarray(data["features"][index], np.uint8).tobytes())


def _sure(label: str, x0: int, x1: int) -> Glyph:
    return Glyph(label, x0, x1, 0.9, 0.17, "๘", _template(label))


def _letter_doubt(label: str, x0: int, x1: int) -> Glyph:
    """A digit whose best template leads a letter's by less than the reader trusts."""
    return Glyph(label, x0, x1, 0.75, 0.03, LETTER, _template(label))


def _glyphs() -> list[Glyph]:
    return [
        _letter_doubt("๖", 9, 26),
        _sure("๗", 30, 50),
        Glyph(".", 53, 57, 1.0, 1.0),
        _sure("๗", 60, 81),
        _letter_doubt("๐", 85, 101),
    ]


def test_the_run_keeps_its_unsure_ends_apart_and_offers_them_told_among_digits() -> None:
    (run,) = number_runs(_glyphs())
    assert run.text == "๗.๗" and run.trusted
    assert run.wider is not None and run.wider.text == "๖๗.๗๐" and run.wider.trusted
    assert run.added == ((9, 26), (85, 101))


def test_the_wider_run_is_taken_where_tesseract_read_digits_under_the_added_ones() -> None:
    (run,) = number_runs(_glyphs())
    tesseract = [("๒", 17.0), ("๑", 40.0), (".", 55.0), ("๑", 70.0), ("๐", 93.0)]
    assert widened(run, tesseract).text == "๖๗.๗๐"


def test_a_letter_under_an_added_digit_keeps_the_run_as_it_was() -> None:
    """A letter's curl the glyphs take for a digit is no digit where Tesseract reads a letter."""
    (run,) = number_runs(_glyphs())
    tesseract = [("ก", 17.0), ("๑", 40.0), (".", 55.0), ("๑", 70.0), ("๐", 93.0)]
    assert widened(run, tesseract).text == "๗.๗"
    assert widened(run, [("๑", 40.0), (".", 55.0), ("๑", 70.0), ("๐", 93.0)]).text == "๗.๗"


def test_a_piece_of_a_broken_glyph_is_not_added() -> None:
    """A ``๒`` broken by a thin stroke: its stem reads ``1`` among the digits, but another piece
    overlaps its columns, so it is no whole glyph."""
    glyphs = [*_glyphs()[1:4], _letter_doubt("1", 85, 92), Glyph(":", 91, 98, 0.8, 0.1, LETTER)]
    (run,) = number_runs(glyphs)
    assert run.text == "๗.๗" and run.wider is None


def test_a_glyph_whose_best_template_is_a_letter_is_not_added() -> None:
    glyphs = [Glyph(LETTER, 9, 26, 0.75, 0.03, "๖", _template("๖")), *_glyphs()[1:4]]
    (run,) = number_runs(glyphs)
    assert run.wider is None


def test_an_unsure_run_offers_no_wider_one() -> None:
    """Only a trusted run is widened: its unsure middle digit is left to the other readers."""
    glyphs = [_letter_doubt("๖", 9, 26), _sure("๗", 30, 50), _letter_doubt("๗", 52, 70), _sure("๗", 74, 94)]
    (run,) = number_runs(glyphs)
    assert not run.trusted and run.wider is None
    assert widened(NumberRun("๗", 0, 9, True, 0.9), [("๒", 4.0)]).text == "๗"


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
