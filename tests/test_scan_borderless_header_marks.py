"""A scanned borderless table's header crossed by a stamp's ring: a mark of no letter read
between two header cells (``-``, ``|``) names no column, and does not cut the table into one
column more than its header has (whose empty column then shifted the header's fields)."""

from __future__ import annotations

from extractors.ocr.rows import scan_borderless, visual_lines
from schemas import Line
from tests.rows_shapes import COLUMNS, HEADER, line, names, page, periods, row, rows, word


def _stamped_header(mark: str) -> list[Line]:
    head = row(100.0, dict(enumerate(HEADER)))
    # the ring's stroke read as a mark in the white between the unit and the period cells
    return [line([*head.words, word(mark, COLUMNS[3] - 15.0, 100.0, 2.0)])]


def test_a_mark_between_header_cells_makes_no_column() -> None:
    for mark in ("-", "|"):
        lines = [*_stamped_header(mark), *rows(130.0, 1, 3)]
        tables = scan_borderless(page(visual_lines(lines)), [], names)
        assert [t.n_cols for t in tables] == [4]
        assert periods(tables) == ["ต.ค. 67", "ม.ค. 68", "ก.ย. 68"]


def test_a_header_cell_of_letters_between_two_others_is_still_a_column() -> None:
    head = row(100.0, {0: HEADER[0], 1: HEADER[1], 2: "หน่วยงาน", 3: HEADER[3]})
    tables = scan_borderless(page(visual_lines([head, *rows(130.0, 1, 3)])), [], names)
    assert [t.n_cols for t in tables] == [4]


def test_a_row_whose_cells_name_columns_under_a_stamp_is_no_header() -> None:
    # the table goes on (no header repeated) and a stamp over its last row ends it there: that
    # row's first line names columns (``มาตรการส่ง`` ... ``- รายงานผล`` ... ``ติดตามผล``) but holds a
    # numbered item (``1.``), which no header cell starts with: no new table starts at it
    from extractors.ocr.rows import line_em, word_core
    from extractors.pdf.borderless import _header_at

    cells = {0: "มาตรการส่ง", 1: "1. ตรวจสอบ", 2: "ผู้รับผิดชอบ", 3: "ระยะเวลา"}
    lines = [row(600.0, cells), row(618.0, {0: "เสริมการ", 1: "2. รายงาน"}), *rows(640.0, 1, 2)]
    em = line_em(lines)
    assert _header_at(lines, 0, em, names, [], word_core(em)) is None
    head = [row(100.0, dict(enumerate(HEADER))), *rows(130.0, 1, 2)]
    assert _header_at(head, 0, em, names, [], word_core(em)) is not None
