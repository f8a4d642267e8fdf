"""Scanned periods whose number that is no year is misread (issue 14): a count of months or a
quarter's Thai digit read as its look-alike (``รอบ ๐ เดอน`` for ``รอบ ๖ เดือน`` in Kinnari at 150
dpi: no period has no months, and the row, its period unparsed, was joined to the row above).

The look-alike digits are glyph evidence, the parser decides, and only one period may come out;
what comes out is a candidate kept with a doubt that names the reading as read.
"""

from __future__ import annotations

import datetime

from extractors.ita.period_repairs import candidates, lookalike_numbers, parses
from extractors.ita.periods import parse_period
from extractors.ocr.fields import settle_period_cells
from schemas import DOUBT_CONFIDENCE, BBox, Cell, Table, TableQuality

BOX = BBox(0, 0, 10, 10)


def test_a_count_of_months_read_as_its_look_alike_is_a_candidate() -> None:
    text = "รอบ ๐ เดอน"  # ๖ read ๐, and the mark of เดือน lost
    assert not parses(text)
    found = [c for c in candidates(text) if parses(c)]
    assert found
    parsed = parse_period(found[0], 2563)
    assert (parsed.start, parsed.end) == (datetime.date(2019, 10, 1), datetime.date(2020, 3, 31))


def test_a_quarter_read_as_its_look_alike_is_a_candidate() -> None:
    parsed = parse_period(lookalike_numbers("ไตรมาสที่ ๘"), 2566)  # ๔ read ๘: no fifth quarter
    assert (parsed.start, parsed.end) == (datetime.date(2023, 7, 1), datetime.date(2023, 9, 30))


def test_two_periods_from_look_alikes_choose_none() -> None:
    assert lookalike_numbers("รอบ ๑๖ เดือน") == "รอบ ๑๖ เดือน"  # ๑๒ or ๑๐: no choice made


def test_a_period_that_parses_and_a_year_are_left_alone() -> None:
    assert lookalike_numbers("รอบ ๒ เดือน") == "รอบ ๒ เดือน"
    assert lookalike_numbers("ส.ค. ๒๔") == "ส.ค. ๒๔"  # a year is lookalike_years' to mend


def test_a_repaired_count_of_months_keeps_its_reading_as_read_in_a_doubt() -> None:
    cells = [
        Cell(0, 0, "ช่วงเวลา", "", BOX),
        Cell(1, 0, "รอบ ๐ เดอน", "รอบ ๐\nเดอน", BOX, confidence=0.8),
    ]
    table = Table(1, 0, BOX, 2, 1, cells, TableQuality("borderless", 1.0, 1.0, 1.0, []))

    def read(cell: Cell, mode: str) -> tuple[str, str, float | None]:
        return ("รอบ ๐ เตอน", "", 0.7) if mode == "thai" else ("", "", None)

    doubts = settle_period_cells(table, read)
    cell = table.cells[1]
    assert parses(cell.text) and "๖" in cell.text
    assert cell.confidence == DOUBT_CONFIDENCE
    assert len(doubts) == 1 and "รอบ ๐ เดอน" in doubts[0].other
