"""Scanned borderless measures tables lost or over-split for want of a scan's evidence (issue 14):
a title over the header whose words a scan set a gutter's width apart, and a list's ``(๒)`` that
OCR read ``(๑)``.
"""

from __future__ import annotations

from extractors.ocr.rows import scan_borderless
from tests.rows_shapes import COLUMNS, HEADER, PERIODS, row
from tests.rows_shapes import line as _line
from tests.rows_shapes import names as _names
from tests.rows_shapes import page as _page
from tests.rows_shapes import periods as _periods
from tests.rows_shapes import rows as _rows
from tests.rows_shapes import word as _word


def test_a_title_whose_scanned_words_stand_apart_does_not_hide_the_header_under_it() -> None:
    # ``ปีงบประมาณ พ.ศ. 2566`` right above the header: at 150 dpi OCR leaves 12 pt between its
    # words, so the title is cut into three parts, two of them in the header's second column;
    # it is cut at one of the header's gutters only, no row of the header's block
    title = _line(
        [
            _word("ปีงบประมาณ", COLUMNS[0], 80.0, 90.0),
            _word("พ.ศ.", COLUMNS[0] + 102.0, 80.0, 43.0),
            _word("2566", COLUMNS[1] + 17.0, 80.0, 28.0),
        ]
    )
    header = _line([_word(h, x, 100.0) for h, x in zip(HEADER, COLUMNS, strict=True)])
    (table,) = scan_borderless(_page([title, header, *_rows(130.0, 1, 3)]), [], _names)
    assert table.n_cols == 4
    assert _periods([table]) == list(PERIODS[:3])


def _steps_table(second: str) -> list:
    header = _line([_word(h, x, 100.0) for h, x in zip(HEADER, COLUMNS, strict=True)])
    first = [
        row(130.0, {0: "1. มาตรการ", 1: "(๑) อบรม", 2: "กองคลัง", 3: PERIODS[0]}),
        row(148.0, {0: "ส่งเสริม", 1: "ให้ความรู้"}),
        row(166.0, {1: f"{second} ประชุม"}),  # the list's next item, alone on its line
        row(184.0, {1: "ชี้แจง"}),
    ]
    rest = [row(202.0, {0: "2. มาตรการ", 1: "(๑) ติดตาม", 2: "กองช่าง", 3: PERIODS[1]})]
    rest.append(row(220.0, {0: "ป้องกัน", 1: "ผลงาน"}))
    return scan_borderless(_page([header, *first, *rest]), [], _names)


def test_a_lists_second_item_read_as_its_first_goes_on_in_its_row() -> None:
    # ``(๒)`` read ``(๑)`` (one loop, another tail) on a line with text in the steps column only:
    # the row goes on; before, it opened a row of its own and every later row shifted by one
    (table,) = _steps_table("(๑)")
    assert table.n_rows == 3  # the header and two rows
    assert _periods([table]) == list(PERIODS[:2])
    (read,) = _steps_table("(๒)")
    assert read.n_rows == 3


def test_a_list_begun_again_after_two_items_still_opens_a_row() -> None:
    # ``(๑)`` after ``(๑)`` and ``(๒)`` is no misread ``(๒)``: a new row's list, whose other cells
    # are empty
    header = _line([_word(h, x, 100.0) for h, x in zip(HEADER, COLUMNS, strict=True)])
    lines = [
        header,
        row(130.0, {0: "1. มาตรการ", 1: "(๑) อบรม", 2: "กองคลัง", 3: PERIODS[0]}),
        row(148.0, {0: "ส่งเสริม", 1: "(๒) ชี้แจง"}),
        row(166.0, {1: "(๑) ประชุม"}),
        row(184.0, {1: "ติดตามผล"}),
    ]
    (table,) = scan_borderless(_page(lines), [], _names)
    assert table.n_rows == 3


def test_a_header_is_opened_in_the_white_its_rows_leave_between_two_inks() -> None:
    # ``ขั้นตอน`` and ``ผู้รับผิดชอบ``: boxes 4 pt apart, inks 24 pt apart; the unit column's
    # boxes reach 12 pt left of their column (a blurred scan), into the middle of the header
    # boxes' gap: the gutter stands in the white the rows leave, left of the middle
    header = _line(
        [
            _word(HEADER[0], COLUMNS[0], 100.0),
            _word(HEADER[1], COLUMNS[1], 100.0, 126.0),
            _word(HEADER[2], COLUMNS[2], 100.0, 84.0),
            _word(HEADER[3], COLUMNS[3], 100.0),
        ]
    )
    body = []
    for n in range(3):
        top = 130.0 + 40.0 * n
        body.append(
            _line(
                [
                    _word(f"{n + 1}. มาตรการ", COLUMNS[0], top),
                    _word("(1) อบรม", COLUMNS[1], top),
                    _word("กองคลัง", COLUMNS[2] - 12.0, top),
                    _word(PERIODS[n], COLUMNS[3], top),
                ]
            )
        )
        wrapped = [_word("ส่งเสริม", COLUMNS[0], top + 18.0), _word("ให้ความรู้", COLUMNS[1], top + 18.0)]
        body.append(_line(wrapped))
    (table,) = scan_borderless(_page([header, *body]), [], _names)
    assert table.n_cols == 4
    assert _periods([table]) == list(PERIODS[:3])


def test_two_header_cells_lost_left_of_the_header_open_two_columns() -> None:
    # OCR read nothing of ``ลำดับ`` (a letter a line) nor ``ประเด็นปัญหา`` (bold) at 150 dpi: the
    # first row's number and issue stand left of the header, parted by a gutter's white; the
    # measure's box reaches 8 pt left of the centred header word over it
    header = _line([_word(h, x + 10.0, 100.0) for h, x in zip(HEADER[1:], COLUMNS[1:], strict=True)])
    body = []
    for n in range(3):
        top = 130.0 + 40.0 * n
        cells = [_word(f"{n + 1}", 20.0, top, 6.0), _word("ตัวชี้วัดที่ 5", COLUMNS[0], top, 70.0)]
        cells += [_word("(1) อบรม", COLUMNS[1] + 2.0, top), _word("กองคลัง", COLUMNS[2], top)]
        body.append(_line([*cells, _word(PERIODS[n], COLUMNS[3], top)]))
        body.append(
            _line([_word("การแก้ไข", COLUMNS[0], top + 18.0), _word("ให้ความรู้", COLUMNS[1], top + 18.0)])
        )
    (table,) = scan_borderless(_page([header, *body]), [], _names)
    assert table.n_cols == 5
    assert [c.text for c in sorted(table.cells, key=lambda c: c.col) if c.row == 1][:2] == [
        "1",
        "ตัวชี้วัดที่ 5 การแก้ไข",
    ]
