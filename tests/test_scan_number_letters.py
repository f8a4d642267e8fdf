"""Scores OCR read as letters in running text (debug draw 250): ``oboe`` for ``๗๗.๐๑`` (two ``๗``
joined at their stems, a ``๐`` as near a letter's template as its own), ``๕ฒ.อฆ`` for ``๕๗.๖๗``
(the decimals read as letters past a point a little apart)."""

from __future__ import annotations

from extractors.ocr.digit_glyphs import Glyph, NumberRun, _one_reading
from extractors.ocr.engine import OcrSymbol
from extractors.ocr.number_text import score_read_alike
from extractors.ocr.page import _with_touching


def _sure(label: str, x0: int) -> Glyph:
    return Glyph(label, x0, x0 + 9, 0.82, 0.12)


def test_two_joined_digits_are_read_as_the_pair_most_cuts_give() -> None:
    """Cut at three columns the blob reads ``๗๗``; at one, left of the join, ``๓๗``."""
    pairs = [(19, _sure("๓", 0), _sure("๗", 19))]
    pairs += [(cut, _sure("๗", 0), _sure("๗", cut)) for cut in (21, 22, 23)]
    assert [g.label for g in _one_reading(pairs, thinnest=29) or ()] == ["๗", "๗"]


def test_cuts_that_read_two_pairs_nearly_as_often_leave_the_blob_unread() -> None:
    pairs = [(c, _sure("๓", 0), _sure("๗", c)) for c in (18, 19)]
    pairs += [(c, _sure("๗", 0), _sure("๗", c)) for c in (21, 22, 23)]
    assert _one_reading(pairs, thinnest=29) is None


def _run(text: str, similarity: float = 0.84, unsure: int = 1) -> NumberRun:
    return NumberRun(text, 0, 60, not unsure, similarity, unsure=((30, 38, "๐"),) * unsure)


def test_letters_are_a_score_when_two_binarisations_read_the_same_one() -> None:
    assert score_read_alike([[_run("๗๗.๐๑")], [_run("๗๗.๐๑")], [_run("๑", unsure=0)]]) == _run("๗๗.๐๑")


def test_letters_stay_letters_without_agreement_or_with_two_unsure_digits() -> None:
    assert score_read_alike([[_run("๗๗.๐๑")], [_run("๗๓.๐๑")]]) is None
    assert score_read_alike([[_run("๗๗.๐๑", unsure=2)], [_run("๗๗.๐๑", unsure=2)]]) is None
    assert score_read_alike([[_run("๗๗๐๑")], [_run("๗๗๐๑")]]) is None


def test_a_number_reaches_past_a_point_to_decimals_read_as_letters() -> None:
    """Boxes of ``๕ฒ.อฆ`` as read at 200 dpi (a 55 px line: touching 6.6 px, a word's space 12.1)."""
    at = (("๕", 1187, 1203), ("ฒ", 1208, 1226), (".", 1236, 1241), ("อ", 1249, 1264), ("ฆ", 1270, 1291))
    symbols = [OcrSymbol(t, (x0, 0, x1, 55), 90.0) for t, x0, x1 in at]
    assert "".join(s.text for s in _with_touching(symbols, symbols[:1], 6.6, 12.1)) == "๕ฒ.อฆ"


def test_an_unsure_lookalike_end_digit_is_added_where_tesseract_read_the_same_digit() -> None:
    """``๕๙.๐๙`` read ``๕๓๕.๐๓๕`` (debug draw 253, ``c86-order-borderless-2562-scan150``): the glyphs
    read ``๙.๐๙`` sure, and a ``๕`` they could not tell from ``๔`` before it, which Tesseract read
    ``๕`` alone; the wider reading keeps the ``๕`` unsure, for Tesseract's digit to confirm."""
    from extractors.ocr.digit_glyphs import number_runs
    from extractors.ocr.number_text import unsure_confirmed, widened

    glyphs = [
        Glyph("๕", 1, 25, 0.88, 0.01, "๔"),
        Glyph("๙", 32, 55, 0.94, 0.24, "๔"),
        Glyph(".", 62, 67, 1.0, 1.0),
        Glyph("๐", 71, 89, 0.92, 0.08, "L"),
        Glyph("๙", 96, 119, 0.94, 0.23, "๔"),
    ]
    (run,) = number_runs(glyphs)
    assert run.text == "๙.๐๙"
    tesseract = [("๕", 13.0), ("๓", 37.0), ("๕", 50.0), (".", 64.0), ("๐", 80.0), ("๓", 100.0), ("๕", 112.0)]
    wide = widened(run, tesseract)
    assert wide.text == "๕๙.๐๙" and not wide.trusted
    assert unsure_confirmed(wide.unsure, tesseract)
    assert widened(run, [("๔", 13.0), *tesseract[1:]]).text == "๙.๐๙"


def test_a_score_tesseract_read_as_no_number_is_the_glyphs_read_alike_in_every_binarisation() -> None:
    """``๗๐.๓๗`` read ``๐.๓ซ`` at 200 dpi (debug draw 253, ``c76-column-paragraphs-2568-scan200``), its
    ``๐`` as near a letter's template as its own under all three binarisations."""
    alike = [[_run("๗๐.๓๗")], [_run("๗๐.๓๗")], [_run("๗๐.๓๗", 0.91)]]
    run = score_read_alike(alike)
    assert run is not None and run.text == "๗๐.๓๗" and run.similarity == 0.91  # the likest reading
