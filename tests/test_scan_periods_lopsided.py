"""A range's end whose month's consonant was read twice, as a day and as itself (issue 14).

``ต.ค. 65 - ธ.ค. 65`` on a 150-dpi scan read ``ต.ค. 65 - 8ธ.ค. 65``: the parser dates it to the 8th of
December.  A range that starts with a month and no day, whose end's day is glued to its month, is
no reading to accept as read: the cell is read again, and a reading that parses otherwise wins.
"""

from __future__ import annotations

from extractors.ita.period_repairs import lopsided_range, parses
from extractors.ocr.fields import settle


def test_a_day_glued_to_the_ends_month_is_no_period_as_read() -> None:
    assert not parses("ต.ค. 65 - 8ธ.ค. 65")
    assert lopsided_range("ต.ค. ๖๕ - ๘ธ.ค. ๖๕")


def test_ranges_as_people_write_them_still_parse() -> None:
    for text in ("ต.ค. 65 - ธ.ค. 65", "1 ต.ค. 65 - 8 ธ.ค. 65", "๑ ต.ค. ๖๕ - ๘ธ.ค. ๖๕", "ต.ค. 65 - 8 ธ.ค. 65"):
        assert parses(text), text


def test_the_cell_read_again_gives_the_range_with_a_doubt() -> None:
    first = ("ต.ค. 65 - 8ธ.ค. 65", "ต.ค. 65 - 8ธ.ค.\n65", 0.95)
    (text, _raw, _conf), others = settle(first, [lambda: ("ต.ค. 65 - ธ.ค. 65", "", 0.8)])
    assert text == "ต.ค. 65 - ธ.ค. 65"
    assert others == ["ต.ค. 65 - 8ธ.ค. 65"]
