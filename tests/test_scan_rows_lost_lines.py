"""Borderless measures tables on scans where OCR lost or invented a line: a speck read as a letter
under a header at the page's foot, a lone line of one cell (a range's ``-``) lost between two rows'
lines, and a period cut by a page break whose first half OCR damaged past reading.
"""

from __future__ import annotations

from extractors.ita.stitch import continues_row
from extractors.ocr.rows import scan_borderless, scanned_layout, visual_lines
from extractors.pdf.borderless import row_starts
from schemas import BBox, Line, LogicalRow, PageKind, PageText, Word
from tests.rows_shapes import COLUMNS, HEADER, PERIODS, line, names, row, rows, word


def _page(lines: list[Line], number: int = 1) -> PageText:
    return PageText(number, 595.0, 842.0, PageKind.SCANNED, lines=lines)


def test_a_speck_under_a_header_at_the_foot_leaves_it_a_header_alone() -> None:
    # the header stands at the foot of page 1, its rows on page 2; a speck of the scan under it,
    # 0 pt tall, was read as ``8``: a line of the table (one, too few) and no page furniture
    speck = line([Word("8", "8", BBox(261.0, 781.9, 264.0, 781.9), 0.4)])
    first = _page([row(740.0, dict(enumerate(HEADER))), speck])
    second = _page(rows(60.0, 1, 3), 2)
    found = scanned_layout({1: first, 2: second}, [], names)
    on_second = [t for t in found if t.page == 2 and t.quality.strategy == "borderless"]
    assert on_second and on_second[0].n_cols == 4
    assert [t.grid()[-1][3] for t in on_second] == [PERIODS[2]]


def test_a_speck_is_no_line_of_a_table() -> None:
    lines = [row(100.0, dict(enumerate(HEADER))), *rows(130.0, 1, 2)]
    lines.insert(3, line([Word("8", "8", BBox(261.0, 160.0, 264.0, 160.0), 0.4)]))
    (table,) = scan_borderless(_page(visual_lines(lines)), [], names)
    assert table.n_rows == 3
    assert all("8" not in c.text.split() for c in table.cells)


def _at(top: float, cells: dict[int, str]) -> Line:
    return line([word(text, COLUMNS[col], top) for col, text in sorted(cells.items())])


SEPS = [190.0, 320.0, 430.0]


def test_a_cells_line_lost_between_two_lines_of_a_row_opens_no_row() -> None:
    # ``มกราคม`` / ``-`` / ``มิถุนายน 2565``: OCR lost the lone dash; the steps and the unit run on
    # through both lines beside it
    body = [
        _at(0, {0: "1. ทบทวนและ", 1: "งานพัสดุ", 3: "มกราคม"}),
        _at(20, {0: "ปรับปรุงเจตจำนง", 1: "กองคลัง"}),
        _at(40, {0: "สุจริตของผู้บริหาร", 1: "กองช่าง", 3: "มิถุนายน"}),
        _at(60, {0: "2. วางแผน", 3: "2565"}),
    ]
    assert row_starts(body, SEPS, read=True) == [0]
    # a text layer loses no line: its column starting again starts a row
    assert row_starts(body, SEPS) == [0, 2]


def test_a_column_starting_again_with_a_new_cell_beside_it_opens_a_row() -> None:
    body = [
        _at(0, {0: "1. ทบทวนและ", 1: "งานพัสดุ", 3: "มกราคม"}),
        _at(20, {0: "ปรับปรุงเจตจำนง", 1: "กองคลัง"}),
        _at(40, {0: "2. วางแผน", 1: "กองช่าง", 3: "มิถุนายน"}),  # an item starts here: a row
    ]
    assert row_starts(body, SEPS, read=True) == [0, 2]
    body[2] = _at(40, {0: "สุจริต", 2: "ติดตามผล", 3: "มิถุนายน"})  # a column begins here: a row
    assert row_starts(body, SEPS, read=True) == [0, 2]
    body[2] = _at(40, {0: "สุจริต", 3: "มิถุนายน"})  # one cell going on beside it: a row, as before
    assert row_starts(body, SEPS, read=True) == [0, 2]


def test_a_row_cut_by_a_page_break_whose_first_period_half_ocr_damaged_goes_on() -> None:
    fields = ["issue", "measure", "steps", "responsible", "period"]
    above = LogicalRow(1, texts={0: "ตัวชี้วัดที่ 2", 1: "มาตรการ", 2: "(1) บันทึกและจัด", 4: "จลงด"})
    rest = LogicalRow(2, texts={2: "เก็บข้อมูลการจัดซื้อจัดจ้าง", 3: "วิชาการ", 4: "ปีงบประมาณ พ.ศ. 2564"})
    assert continues_row(rest, above, fields)
    # a row of its own under a whole period above: its list starts anew
    whole = LogicalRow(1, texts={0: "ตัวชี้วัดที่ 2", 2: "(1) บันทึก", 4: "ตลอดปีงบประมาณ พ.ศ. 2564"})
    new = LogicalRow(2, texts={2: "(1) จัดทำคู่มือ", 3: "กองคลัง", 4: "ต.ค. 63"})
    assert not continues_row(new, whole, fields)
