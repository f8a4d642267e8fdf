"""Period cells of scans the sixteenth round's debug draw (220) left wrong or unparsed, row right.

Each reading here is one OCR gave on that draw's scan150/scan200 twins; the repairs are glyph
evidence and the parser decides, and whatever is kept so is kept with a doubt.
"""

from __future__ import annotations

import pytest

from extractors.ita.period_repairs import (
    candidates,
    doubled_consonants,
    lookalike_month_names,
    lost_dots,
    parses,
    split_digits,
)
from extractors.ocr.fields import settle
from extractors.ocr.period_reread import labelled_period


def _first_parsing(text: str) -> str | None:
    return next((c for c in candidates(text) if parses(c)), None)


@pytest.mark.parametrize(
    ("read", "wanted"),
    [
        ("ก ฟิ. ๖๔", "ก.พ. ๖๔"),  # the first dot lost, ``พ`` read ``ฟ``
        ("ภายใน ๓๐ ม ิ.ย. ๒๒๕๖๔", "ภายใน ๓๐ ม ิ.ย. ๒๕๖๔"),  # a year's digit read twice
        ("ฑต.ค. 64 - ธ.ค. 64", "ต.ค. 64 - ธ.ค. 64"),  # a speck before the month read as a letter
        (", . นุกไตรมาส", "ทุกไตรมาส"),  # ``ท`` read ``น``
        ("ต.ด. ส - ธ.ค. 64", "ต.ค. - ธ.ค. 64"),  # a look-alike month, a year read as a letter
        ("กุมภาพันถ๊ - พฤษภาคม 2565", "กุมภาพันธ์ - พฤษภาคม 2565"),  # a long name's letter misread
        ("กุมภาพัฐ์ นธ์ - พฤษภาคม 2566", "กุมภาพันธ์ - พฤษภาคม 2566"),  # split, a letter added
        ("มีนาคม - พฤหภาคม 66", "มีนาคม - พฤษภาคม 66"),
    ],
)
def test_repairs_read_the_period(read: str, wanted: str) -> None:
    assert not parses(read)
    assert _first_parsing(read) == wanted


@pytest.mark.parametrize("text", ["ภายในต.ค. 64", "ข ง. ๖๔", "๒๕๕๖๖", "ตามความเหมาะสม", "กุมภาพัน ๕๖"])
def test_no_repair_made_up(text: str) -> None:
    assert doubled_consonants(text) == text
    assert lost_dots(text) == text
    assert split_digits(text) == text
    assert lookalike_month_names(text) == text


def test_a_name_two_letters_away_is_no_name() -> None:
    assert lookalike_month_names("กุมภาพัน ซ์ยิ") == "กุมภาพัน ซ์ยิ"


def test_a_whole_reading_repaired_wins_over_one_that_lost_a_line() -> None:
    first = ("An. 64 - ธ.ค. 64", "An. 64 -\nธ.ค. 64", 0.97)
    lost = ("ธ.ค. 64", "ธ.ค. ๕", 0.92)
    whole = ("ต.ด. ส - ธ.ค. 64", "ต.ุด. ส -\nธ.ค. ๕", 0.92)
    (text, _raw, _confidence), others = settle(first, [lambda: lost, lambda: whole], lines=2)
    assert text == "ต.ค. - ธ.ค. 64"
    assert others  # kept with a doubt


def test_a_label_whose_letter_was_misread_is_still_a_label() -> None:
    assert labelled_period("ระยะเวลาตำเนินการ:มิ.ย.- กุย.69 ง7 --") == (
        "ระยะเวลาตำเนินการ:",
        "มิ.ย.- กุย.69 ง7 --",
    )
