"""Periods on scans with a stamp's debris or a range cut by a page break (issue 14): lone glyphs
a stamp left at a cell's edges, a range whose start a page's last row holds with its dash, and
a range's two ends on two pages with the dash lost.

Each repair is a candidate kept with a low confidence and a doubt; a row joined is joined only
where the other columns say the row goes on.
"""

from __future__ import annotations

import datetime

import pytest

from extractors.ita.period_repairs import candidates, parses, trimmed
from extractors.ita.periods import parse_period
from extractors.ita.stitch import continues_row, range_halves
from extractors.ocr.fields import settle_period_cells
from schemas import DOUBT_CONFIDENCE, BBox, Cell, LogicalRow, Table, TableQuality

BOX = BBox(0, 0, 10, 10)


@pytest.mark.parametrize(
    ("read", "end"),
    [
        ("ง ล่ ตอเนอง", datetime.date(2021, 9, 30)),  # a stamp's strokes before the word
        ("t o o ตอเนอง", datetime.date(2021, 9, 30)),  # read by the English model
        ("ภายใน 31มี.ค. 2564 “ง", datetime.date(2021, 3, 31)),  # after the year
        ("ส.ค. ๖๔ a", datetime.date(2021, 8, 31)),
        ("ทุก ไตรมาส| a", datetime.date(2021, 9, 30)),
    ],
)
def test_lone_glyphs_at_a_period_s_edges_are_a_stamp_s_debris(read: str, end: datetime.date) -> None:
    assert not parses(read)
    repaired = candidates(read)[0]
    assert parses(repaired) and repaired != read
    assert parse_period(repaired, 2564).end == end


def test_digits_and_words_at_a_period_s_edges_are_never_debris() -> None:
    assert trimmed("4 ตอเนอง") == "4 ตอเนอง"  # a digit may be a day: kept, so unparsed
    assert trimmed("ตลอดปี ITA") == "ตลอดปี ITA"
    assert trimmed("ก ข") == "ก ข"  # nothing but debris: as read


def _table(texts: list[str]) -> Table:
    cells = [Cell(0, 0, "ระยะเวลา", "", BOX)]
    cells += [Cell(n, 0, t, t, BOX, confidence=0.9) for n, t in enumerate(texts, 1)]
    return Table(1, 0, BOX, len(cells), 1, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))


def test_a_last_row_read_again_keeps_the_dash_of_its_open_range_with_a_doubt() -> None:
    # the first reading lost the range's start; a second kept it, and its dash: the range goes on
    # in the next page's part of the cell, so the dash is no stray mark to trim
    def read(cell: Cell, mode: str) -> tuple[str, str, float | None]:
        return ("1 ต.ค. 2562 -", "", 0.8) if cell.text == "2562 -" and mode == "thai" else ("", "", None)

    table = _table(["ต.ค. 62 - ธ.ค. 62", "2562 -"])
    doubts = settle_period_cells(table, read)
    last = table.cells[-1]
    assert (last.text, last.confidence) == ("1 ต.ค. 2562 -", DOUBT_CONFIDENCE)
    assert [d.text for d in doubts] == ["1 ต.ค. 2562 -"]
    # above the last row, the same readings are a date and a rule's stub: trimmed, with a doubt
    table = _table(["2562 -", "ต.ค. 62 - ธ.ค. 62"])
    settle_period_cells(table, read)
    assert table.cells[1].text == "1 ต.ค. 2562"


def test_a_range_s_two_ends_are_single_dates_that_read_as_one_range() -> None:
    assert range_halves("1 ต.ค. 2562", "30 ก.ย. 2563")
    assert not range_halves("30 ก.ย. 2563", "1 ต.ค. 2562")  # it would end before it starts
    assert not range_halves("ไตรมาสที่ 3", "ก.ค. 63")  # a quarter is no range's end


FIELDS = ["measure", "steps", "period"]
ABOVE = LogicalRow(1, texts={0: "2. มาตรการยกระดับ", 1: "(1) จัดทำคู่มือช่องทางแจ้งเบาะแสเรื่อง", 2: "1 ต.ค. 2562"})


@pytest.mark.parametrize(
    ("rest", "continues"),
    [
        ({1: "ร้องเรียน", 2: "30 ก.ย. 2563"}, True),  # the item's rest, the range's end
        ({1: "1. จัดประชุม", 2: "30 ก.ย. 2563"}, False),  # a steps list begun anew
        ({0: "3. มาตรการกำกับ", 1: "ร้องเรียน", 2: "30 ก.ย. 2563"}, False),  # a new measure
        ({1: "ร้องเรียน", 2: "ไตรมาสที่ 3"}, False),  # a period of its own
    ],
)
def test_a_range_cut_by_a_page_break_joins_its_row_before_its_end_counts_as_its_own(
    rest: dict[int, str], continues: bool
) -> None:
    assert continues_row(LogicalRow(2, texts=rest), ABOVE, FIELDS) is continues


def test_a_word_s_consonant_read_twice_as_two_look_alikes_is_read_once() -> None:
    assert not parses("รอบ 6 เตดอน")  # เดือน's ด read ตด
    repaired = [c for c in candidates("รอบ 6 เตดอน") if parses(c)]
    assert repaired and parse_period(repaired[0], 2566).end == datetime.date(2023, 3, 31)
