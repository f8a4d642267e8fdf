"""A number the glyph reader changed in part, keeping Tesseract's other digits, is checked whole
(``number_text.partly_reread``): draw 207's ``c95`` scan at 150 dpi read ``๖๗.๖๐`` as
``๖๗.๒๐``, its broken third ``๖`` unread by the glyphs and kept as Tesseract's ``๒``, while the
checks named only the changed ``๖`` and ``๗``."""

from __future__ import annotations

from extractors.ocr.number_text import partly_reread

#: Tesseract's symbols of ``๒ฒ. ๒๐``: (text, x0, x1); a word space before the ``๒``.
FIRST = [("๒", 0, 17), ("ฒ", 22, 42), (".", 45, 49), ("๒", 58, 75), ("๐", 81, 97)]


def test_a_number_changed_in_part_is_named_whole_with_tesseracts_reading() -> None:
    now = [
        ("๖", 0, 17, False),
        ("๗", 22, 42, False),
        (".", 45, 49, True),
        ("๒", 58, 75, True),
        ("๐", 81, 97, False),
    ]
    assert partly_reread(FIRST, now, 26) == [(0, 5, "๒ฒ.๒๐")]


def test_a_number_the_glyphs_read_whole_is_left_to_its_own_check() -> None:
    now = [("๖๗.๖๐", 0, 97, False)]
    assert partly_reread(FIRST, now, 26) == []


def test_a_number_the_glyphs_only_confirmed_is_not_doubted() -> None:
    now = [("๒", 0, 17, False), ("ฒ", 22, 42, True), (".", 45, 49, True), ("๒๐", 58, 97, False)]
    assert partly_reread(FIRST, now, 26) == []


def test_numbers_a_gap_apart_are_judged_apart() -> None:
    """A year changed by the glyphs beside a score they did not touch: the score is not doubted."""
    first = [("๒๕๒๓", 0, 60), ("๕๑.๘๘", 200, 270)]
    now = [("๒๕๖๓", 0, 60, False), ("๕๑.๘๘", 200, 270, True)]
    assert partly_reread(first, now, 26) == []
