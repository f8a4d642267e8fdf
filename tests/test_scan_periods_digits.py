"""Scanned periods written with Thai digits (issue 14): a year's Thai digit read as its look-alike
(``ส.ค. ๒๔`` for ``ส.ค. ๖๔``, dated 1981; ``๒๔๖๓`` for ``๒๕๖๓``; ``ต.ค. ๐๓`` for ``ต.ค. ๖๓``) and a
month's dot read as the mark ``ุ`` (``เมุย. ๖๖``), a month's consonant read twice (``ธิ.ศค.``),
found on fresh draws' scans.

Each repair is glyph evidence (digits or marks of the same shape) that the years' range and the
parser must accept, unambiguously; what it makes is a candidate kept with a low confidence and a
doubt, never a silent change, and the table's own years may still reject it.
"""

from __future__ import annotations

import datetime

import pytest

from extractors.ita.period_repairs import (
    candidates,
    doubled_consonants,
    lookalike_dots,
    lookalike_years,
    parses,
)
from extractors.ita.periods import parse_period
from extractors.ocr.fields import settle, settle_period_cells
from schemas import DOUBT_CONFIDENCE, BBox, Cell, Table, TableQuality

BOX = BBox(0, 0, 10, 10)


@pytest.mark.parametrize(
    ("text", "fiscal_year", "start", "end"),
    [
        ("ส.ค. ๒๔", 2564, datetime.date(2021, 8, 1), datetime.date(2021, 8, 31)),  # ๖ read ๒
        ("ต.ค. ๐๓ - ธ.ค. ๖๓", 2564, datetime.date(2020, 10, 1), datetime.date(2020, 12, 31)),  # ๖ read ๐
        # ๕ read ๔ in both years: each year mended on its own
        ("๑ ต.ค. ๒๔๖๓ - ๓๐ ก.ย. ๒๔๖๔", 2564, datetime.date(2020, 10, 1), datetime.date(2021, 9, 30)),
        ("เมุย. ๖๖", 2566, datetime.date(2023, 4, 1), datetime.date(2023, 4, 30)),  # a dot read ุ
        # ๖ read as two glyphs, ๒๐: a five-digit year
        ("๑ ต.ค. ๒๕๒๐๗ - ๓๐ ก.ย. ๒๕๖๘", 2568, datetime.date(2024, 10, 1), datetime.date(2025, 9, 30)),
        # a month's consonant read twice, as two look-alikes (ค as ศค)
        ("ต.ค. ๖๖ - ธิ.ศค. ๖๖", 2567, datetime.date(2023, 10, 1), datetime.date(2023, 12, 31)),
        # both at once: the dot and the years
        ("๑ ต.ค. ๒๔๖๓ - ๓๐ กุย. ๒๔๖๔", 2564, datetime.date(2020, 10, 1), datetime.date(2021, 9, 30)),
    ],
)
def test_a_thai_year_or_dot_read_as_its_look_alike_is_a_candidate(
    text: str, fiscal_year: int, start: datetime.date, end: datetime.date
) -> None:
    assert not parses(text)
    found = [c for c in candidates(text) if parses(c)]
    assert found, candidates(text)
    parsed = parse_period(found[0], fiscal_year)
    assert (parsed.start, parsed.end) == (start, end)


def test_look_alike_years_never_touch_a_plausible_year_a_day_or_an_ambiguous_year() -> None:
    assert lookalike_years("๒๔ ส.ค. ๖๔") == "๒๔ ส.ค. ๖๔"  # a day, and a plausible year
    assert lookalike_years("ส.ค. 24") == "ส.ค. 24"  # Arabic digits have other look-alikes
    # ๓๓ (2533): ๕๓ (2553) and ๗๓ (2573) are both plausible: no choice is made
    assert lookalike_years("ส.ค. ๓๓") == "ส.ค. ๓๓"
    assert lookalike_dots("กุมภาพันธ์ ๒๕๖๗") == "กุมภาพันธ์ ๒๕๖๗"
    assert doubled_consonants("ต.ค. ๖๖ - ธ.ค. ๖๖") == "ต.ค. ๖๖ - ธ.ค. ๖๖"


def test_a_look_alike_year_settles_a_cell_with_a_doubt() -> None:
    cells = [Cell(0, 0, "ระยะเวลา", "", BOX), Cell(1, 0, "ส.ค. ๒๔", "ส.ค. ๒๔", BOX, confidence=0.9)]
    table = Table(1, 0, BOX, 2, 1, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))
    doubts = settle_period_cells(table, lambda cell, mode: ("ส.ค. ๒๔", "ส.ค. ๒๔", 0.8))
    cell = table.cells[1]
    assert cell.text == "ส.ค. ๖๔" and cell.confidence == DOUBT_CONFIDENCE
    assert cell.raw == "ส.ค. ๒๔"  # the raw reading stays as read
    assert [(d.text, d.other) for d in doubts] == [("ส.ค. ๖๔", "ส.ค. ๒๔")]


def test_the_table_s_years_reject_a_look_alike_year_that_does_not_fit() -> None:
    in_2556 = lambda text: "๕๖" in text  # noqa: E731  the table's periods all lie in 2556
    (text, _raw, _conf), others = settle(("ส.ค. ๒๔", "", 0.9), [lambda: ("ส.ค. ๒๔", "", 0.8)], fits=in_2556)
    assert text == "ส.ค. ๒๔" and others is not None  # kept as read, with a doubt
