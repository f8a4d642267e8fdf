"""Scanned measures tables whose header OCR cut, split or bridged, drawn as OCR lines or tables.

Causes counted on fresh draws' scans: a continued page's repeated header read as several rows,
a header begun at a page's foot and finished on the next, a signature under a table read as
letters, two header cells OCR read as one word, a damaged item number, and a table taken on below
a line that took nothing more on (the old endless loop of ``rows._go_on_below``).
"""

from __future__ import annotations

import pytest

import extractors.ocr.rows as rows_module
from extractors.ita.actions import actions_from_tables
from extractors.ita.stitch import stitch
from extractors.ocr.rows import scan_borderless, scanned_layout
from schemas import BBox, Cell, Line, LogicalRow, PageKind, PageText, Table
from tests.rows_shapes import COLUMNS, HEADER, PERIODS, ocr_table
from tests.rows_shapes import line as _line
from tests.rows_shapes import names as _names
from tests.rows_shapes import row as _row
from tests.rows_shapes import rows as _rows
from tests.rows_shapes import word as _word


def _page(lines: list[Line], number: int = 1) -> PageText:
    return PageText(number, 595.0, 842.0, PageKind.SCANNED, lines=lines)


def _periods(tables: list[Table]) -> list[str | None]:
    return [a.period.text for a in actions_from_tables(stitch(tables), 2568)]


def test_a_repeated_header_read_as_rows_of_fragments_is_the_header_of_its_rows() -> None:
    # Each wrapped line of the repeated header cut into a row of its own: no row names fields
    # enough alone, so the page's table was taken for no table and its rows were lost.
    first = ocr_table(1, [list(HEADER), ["1. มาตรการ", "1. อบรม", "กองคลัง", "ต.ค. 67"]])
    second = ocr_table(
        2,
        [
            ["มาตร", "ขั้น", "ผู้รับ", "ระยะ"],
            ["การ", "ตอน", "ผิดชอบ", "เวลา"],
            ["2. มาตรการ", "1. ประชุม", "กองช่าง", "ม.ค. 68"],
            ["3. มาตรการ", "1. สำรวจ", "กองคลัง", "ก.ย. 68"],
        ],
    )
    assert _periods([first, second]) == ["ต.ค. 67", "ม.ค. 68", "ก.ย. 68"]


def test_a_header_finished_on_the_next_page_names_its_columns_there() -> None:
    # A header printed at the foot of page 1 (its unit column's wording wrapped): its cells'
    # second lines head page 2, and the joined header names the unit and period columns.
    first = ocr_table(1, [["ประเด็นที่ต้อง", "มาตรการ", "หน่วยงานที่", "ระยะเวลา"]])
    second = ocr_table(
        2,
        [
            ["พัฒนา", "", "รับผิดชอบ", "ดำเนินการ"],
            ["ตัวชี้วัดที่ 4", "1. มาตรการ", "งานพัสดุ", "ต.ค. 67"],
            ["ตัวชี้วัดที่ 1", "2. มาตรการ", "กองคลัง", "ม.ค. 68"],
        ],
    )
    second.continues_previous = True
    actions = actions_from_tables(stitch([first, second]), 2568)
    assert [a.period.text for a in actions] == ["ต.ค. 67", "ม.ค. 68"]
    assert [a.responsible for a in actions] == [["งานพัสดุ"], ["กองคลัง"]]


def test_a_signature_read_as_letters_under_a_table_does_not_keep_it_from_going_on() -> None:
    first = [_row(560.0, dict(enumerate(HEADER))), *_rows(590.0, 1, 4)]
    scribble = _line([_word("SWe", 150.0, 780.0)])  # a signature's stroke read as Latin letters
    rest = _rows(60.0, 5, 2)
    tables = scanned_layout({1: _page([*first, scribble], 1), 2: _page(rest, 2)}, [], _names)
    assert [t.page for t in tables] == [1, 2]
    assert _periods(tables) == list(PERIODS)


def test_a_signed_name_under_a_table_still_ends_it() -> None:
    first = [_row(560.0, dict(enumerate(HEADER))), *_rows(590.0, 1, 4)]
    signed = _line([_word("ลงชื่อผู้อำนวยการโรงเรียน", 150.0, 780.0, 250.0)])  # across the gutters
    rest = _rows(60.0, 5, 2)
    tables = scanned_layout({1: _page([*first, signed], 1), 2: _page(rest, 2)}, [], _names)
    assert [t.page for t in tables] == [1]


def test_two_header_cells_read_as_one_word_are_cut_at_the_gutter_under_them() -> None:
    # ``ผู้รับผิดชอบ`` and ``ระยะเวลา`` set close: OCR read them as one word over two columns.
    bridged = _word("ผู้รับผิดชอบระยะเวลา", COLUMNS[2], 100.0, COLUMNS[3] + 56.0 - COLUMNS[2])
    header = _line([_word(HEADER[0], COLUMNS[0], 100.0), _word(HEADER[1], COLUMNS[1], 100.0), bridged])
    page = _page([header, *_rows(130.0, 1, 3)])
    page.lines = rows_module.split_bridging_words(page.lines, rows_module.line_em(page.lines), _names)
    (table,) = scan_borderless(page, [], _names)
    assert table.n_cols == 4
    assert [c.text for c in table.cells if c.row == 0][2:] == ["ผู้รับผิดชอบ", "ระยะเวลา"]
    assert _periods([table]) == list(PERIODS[:3])


def test_a_long_word_over_one_column_is_not_cut() -> None:
    # Under the word, one column's lines end short of its end: no gutter crosses it.
    long = _word("ผู้รับผิดชอบโครงการ", COLUMNS[2], 100.0, 100.0)
    header = _line([_word(HEADER[0], COLUMNS[0], 100.0), _word(HEADER[1], COLUMNS[1], 100.0), long])
    lines = rows_module.split_bridging_words([header, *_rows(130.0, 1, 3)], 11.0, _names)
    assert [w.text for w in lines[0].words] == [HEADER[0], HEADER[1], "ผู้รับผิดชอบโครงการ"]


def test_a_measure_whose_number_ocr_damaged_starts_its_own_row() -> None:
    fields = ["measure", "steps", "responsible", "period"]
    from extractors.ita.stitch import join_cut_rows

    def row(*texts: str) -> LogicalRow:
        from schemas import CellPart

        return LogicalRow(1, cells={c: [CellPart(1, None, t, t)] for c, t in enumerate(texts) if t})

    rows = [
        row("3. มาตรการเสริม", "1. กำหนดแนวทาง", "ฝ่ายบุคคล", "ต.ค. 63"),
        row("4, มาตรการส่งเสริม", "!1. ปรับปรุง", "ฝ่ายวิชาการ", "เม.ย. 64"),
    ]
    assert len(join_cut_rows(rows, fields)) == 2


def test_a_table_taken_on_below_a_line_stops_when_a_turn_takes_nothing_more_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The endless loop of a prose-measures scan: taking the table on below a line gave back a
    # part that ended where the table did, turn after turn.  Each turn is drawn here as giving the
    # table's own last row again; without the no-progress break the spy would be called forever.
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 3)]
    page = _page([*lines, _line([_word("อย่างเป็นธรรมและโปร่งใส", 150.0, 300.0, 250.0)])])
    calls: list[int] = []

    def no_progress(previous: Table, *args: object, **kwargs: object) -> Table:
        calls.append(1)
        if len(calls) > 20:
            raise AssertionError("taken on below again and again: the loop does not stop")
        last = [c for c in previous.cells if c.row == previous.n_rows - 1]
        box = BBox(previous.box.x0, previous.box.bottom - 30.0, previous.box.x1, previous.box.bottom - 1.0)
        return Table(
            previous.page,
            0,
            box,
            1,
            previous.n_cols,
            [Cell(0, c.col, c.text, c.raw, c.box) for c in last],
            previous.quality,
        )

    monkeypatch.setattr(rows_module, "continuation", no_progress)
    (table,) = scan_borderless(page, [], _names)
    assert calls, "the table was never taken on below: the test did not reach the loop"
    assert table.n_rows == 4
