"""A Thai mark read on a number's digit is a speck, not a letter: the cell is a number."""

from __future__ import annotations

from extractors.ocr.number_text import numberish, settle_number, unmarked


def test_a_tone_mark_read_on_a_digit_leaves_the_cell_a_number() -> None:
    # a photographed ``๗๔.๐๒`` whose grain Tesseract read as a mai ek on the ``๔``
    assert numberish("๗๔่.๐๒")
    assert settle_number("๗๔่.๐๒", 0.8, [])[0] == "๗๔.๐๒"


def test_a_mark_on_a_letter_stays() -> None:
    assert unmarked("ตัวชี้วัดที่ ๕") == "ตัวชี้วัดที่ ๕"
    assert not numberish("ที่ ๕")
