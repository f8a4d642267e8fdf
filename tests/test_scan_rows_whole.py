"""Scanned measures tables' rows kept whole: a word OCR read across a gutter (a row's number glued
to its measure's, a word boxed off its ink), a signature left out of a line that still keeps its
columns going, a repeated header OCR misread a letter of.
"""

from __future__ import annotations

import datetime

from extractors.ita.actions import actions_from_tables
from extractors.ita.periods import parse_period
from extractors.ita.stitch import stitch
from extractors.ocr.rows import _joined, _row_goes_on, opened_by_next_page, scan_borderless, visual_lines
from extractors.pdf.borderless import row_starts
from extractors.thai.text import repeats_cells
from schemas import BBox, Cell, Line, PageKind, PageText, Table, TableQuality, Word
from tests.rows_shapes import COLUMNS, HEADER, PERIODS, close_header, ocr_table, page, periods
from tests.rows_shapes import line as _line
from tests.rows_shapes import names as _names
from tests.rows_shapes import row as _row
from tests.rows_shapes import rows as _rows
from tests.rows_shapes import word as _word


def test_a_number_read_across_the_first_gutter_does_not_end_the_table() -> None:
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 4)]
    # the first row's steps item number read together with a speck at the measure's end into one
    # number (``11.``) over the gutter between the measure and steps columns: a number, so no mark
    # to leave out; the row's other cells keep to their columns
    first = lines[1]
    words = [w for w in first.words if w.text not in ("1. มาตรการ", "(1) อบรม")]
    glued = _word("11.", COLUMNS[0] + 40.0, first.box.top, COLUMNS[1] + 15.0 - COLUMNS[0] - 40.0)
    measure = _word("มาตรการ", COLUMNS[0], first.box.top, 35.0)
    steps = _word("อบรม", COLUMNS[1] + 25.0, first.box.top)
    lines[1] = _line([*words, measure, glued, steps])
    tables = scan_borderless(page(visual_lines(lines)), [], _names)
    assert len(tables) == 1
    assert periods(tables) == list(PERIODS[:4])


def test_prose_crossing_the_gutters_with_many_words_still_ends_the_table() -> None:
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 2)]
    prose = [_word("ข้อความ", x, 240.0, 60.0) for x in range(60, 520, 64)]
    tables = scan_borderless(page(visual_lines([*lines, _line(prose), *_rows(300.0, 3, 2)])), [], _names)
    assert tables and tables[0].box.bottom < 240.0


def _plain(top: float, *spans: tuple[float, float]) -> Line:
    words = tuple(Word("ก", "ก", BBox(a, top, b, top + 10)) for a, b in spans)
    return Line("", "", BBox(spans[0][0], top, spans[-1][1], top + 10), words)


def test_a_word_reaching_over_a_gutter_keeps_the_column_it_reaches_going() -> None:
    # columns parted at 40 and 90; the second line's word in column 1 reaches over into column 2
    body = [_plain(0, (0, 30), (50, 80), (100, 130)), _plain(12, (0, 30), (50, 95)), _plain(24, (100, 130))]
    assert row_starts(body, [40, 90]) == [0]
    cut = [body[0], _plain(12, (0, 30), (50, 80)), body[2]]
    assert row_starts(cut, [40, 90]) == [0, 2]


def test_a_mark_left_out_of_a_line_keeps_the_columns_it_covers_going() -> None:
    body = [_plain(0, (0, 30), (50, 80), (100, 130)), _plain(12, (0, 30)), _plain(24, (0, 30), (50, 80))]
    assert row_starts(body, [40, 90]) == [0, 2]
    signature = (Word("-รณะ", "-รณะ", BBox(45, 12, 125, 22)),)
    assert row_starts(body, [40, 90], reach=[(), signature, ()]) == [0]


def test_a_repeated_header_read_a_letter_otherwise_is_the_same_header() -> None:
    head = ["ที่", "แนวทางปฏิบัติ", "การดำเนินการ", "หน่วยงานที่รับผิดชอบ", "ระยะเวลา"]
    assert repeats_cells(["ที่", "แนวหางปฏิบัติ", "การดำเนินการ", "หน่วยงานที่รับ ผิดชอบ", "ระยะเวลา"], head)
    assert not repeats_cells(["ที่", "ผลการดำเนินงาน", "การดำเนินการ", "หน่วยงาน", "ระยะเวลา"], head)


def test_a_row_cut_by_the_page_break_under_a_misread_repeated_header_joins_its_row() -> None:
    # a letter misread in the measure column's header: the columns name other fields there
    head = ["ที่", "แนวทางปฏิบัติ", "การดำเนินการ", "หน่วยงานที่รับผิดชอบ", "ระยะเวลา"]
    misread = ["ที่", "แนวหางปฏิบัติ", "การดำเนินการ", "หน่วยงานที่รับผิดชอบ", "ระยะเวลา"]
    row = ["1", "มาตรการ", "(1) ปรับปรุงฐานข้อมูลช่อง", "กองคลัง", "ก.พ. - ก.ค. 68"]
    first = ocr_table(1, [head, row], "borderless")
    rest = ["", "", "ทางแจ้งเบาะแส", "", ""]
    second = ocr_table(2, [misread, rest, ["", "มาตรการ", "(1) อบรม", "กองช่าง", "ส.ค. 68"]], "borderless")
    actions = actions_from_tables(stitch([first, second]), 2568)
    assert [a.period.text for a in actions] == ["ก.พ. - ก.ค. 68", "ส.ค. 68"]
    assert [" ".join(a.steps) for a in actions] == ["(1) ปรับปรุงฐานข้อมูลช่องทางแจ้งเบาะแส", "(1) อบรม"]


def _cells_table(rows: list[tuple[float, float]]) -> Table:
    """A scanned borderless table of four columns at :data:`COLUMNS`, one row per (top, bottom)."""
    edges = [*COLUMNS, 540.0]
    cells = [
        Cell(r, c, "", "", BBox(edges[c], top, edges[c + 1], bottom))
        for r, (top, bottom) in enumerate(rows)
        for c in range(4)
    ]
    box = BBox(COLUMNS[0], rows[0][0], 540.0, rows[-1][1])
    return Table(1, 0, box, len(rows), 4, cells, TableQuality("borderless", 0.8, 1.0, 1.0, []))


def test_a_table_taken_on_below_a_line_continues_the_row_that_line_cut() -> None:
    table = _cells_table([(99.0, 120.0), (120.0, 162.0)])
    rest = _cells_table([(175.0, 200.0), (200.0, 240.0)])
    lines = [
        _row(100.0, dict(enumerate(HEADER))),
        _row(130.0, {0: "1. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: PERIODS[0]}),
        _row(148.0, {0: "ส่งเสริม", 1: "ให้ความรู้"}),
        _row(178.0, {0: "คุณธรรม", 1: "บุคลากร"}),  # the cut row's wrapped cells go on
        _row(210.0, {0: "2. มาตรการ", 1: "(1) จัดทำ", 2: "กองช่าง", 3: PERIODS[1]}),
    ]
    assert _row_goes_on(table, rest, lines)
    joined = _joined(table, rest, True)
    assert joined.n_rows == 3
    assert [c.box.bottom for c in joined.cells if c.row == 1 and c.box] == [200.0] * 4
    lines[3] = _row(178.0, {0: "2. มาตรการ", 1: "(1) จัดทำ", 2: "กองช่าง", 3: PERIODS[1]})
    assert not _row_goes_on(table, rest, lines)


def test_a_column_started_again_by_a_stamps_mark_read_as_a_digit_starts_no_row() -> None:
    def at(top: float, *cells: tuple[float, str]) -> Line:
        words = tuple(Word(t, t, BBox(x, top, x + 10, top + 10)) for x, t in cells)
        return Line("", "", BBox(cells[0][0], top, cells[-1][0] + 10, top + 10), words)

    body = [
        at(0, (0, "มาตรการ"), (50, "อบรม"), (100, "กองคลัง")),
        at(12, (0, "ส่งเสริม")),
        at(24, (0, "คุณธรรม"), (100, "0")),
    ]
    assert row_starts(body, [40, 90]) == [0, 2]  # a text layer's 0 is text
    assert row_starts(body, [40, 90], reach=[(), (), ()]) == [0]  # OCR's, a stamp's ring
    body[2] = at(24, (0, "คุณธรรม"), (100, "กองช่าง"))
    assert row_starts(body, [40, 90], reach=[(), (), ()]) == [0, 2]


def test_a_header_at_a_pages_foot_opens_at_the_columns_its_rows_go_on_in() -> None:
    # ``ผู้รับผิดชอบ`` 4 pt before ``ระยะเวลา``: one row under the header at the page's foot shows no
    # gutter there; the table goes on at the top of the next page in four columns
    foot = [close_header(700.0), _row(730.0, {0: "1. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: PERIODS[0]})]
    first = PageText(1, 595.0, 842.0, PageKind.SCANNED, lines=foot)
    top = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 2, 2)]
    second = PageText(2, 595.0, 842.0, PageKind.SCANNED, lines=top)
    tables = [*scan_borderless(first, [], _names), *scan_borderless(second, [], _names)]
    assert [t.n_cols for t in tables] == [3, 4]
    opened = opened_by_next_page(tables, {1: first, 2: second}, _names)
    assert [t.n_cols for t in opened] == [4, 4]
    assert [c.text for c in opened[0].cells if c.row == 1][3] == PERIODS[0]


def test_a_month_name_wrapped_in_its_cell_reads_whole() -> None:
    # the period cell's ``พฤษภาคม`` wrapped ``พฤษภา`` / ``คม``; the row joined over the page break
    parsed = parse_period("กุมภาพันธ์ - พฤษภา คม 2569", 2569)
    assert (parsed.start, parsed.end) == (datetime.date(2026, 2, 1), datetime.date(2026, 5, 31))
