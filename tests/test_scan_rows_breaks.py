"""Borderless measures tables on scans whose rows OCR breaks: a table going on over a line that
narrows a gutter or over a page break, a header repeated with a gutter closed up, marks read as a
line of their own, a row opened mid-cell, a first item read damaged.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.ita.actions import actions_from_tables
from extractors.ita.stitch import header_of, stitch
from extractors.ocr.rows import scan_borderless, scanned_layout, visual_lines
from schemas import BBox, Cell, Line, PageKind, PageText, Table, TableQuality, Word
from tests.rows_shapes import COLUMNS, HEADER, PERIODS
from tests.rows_shapes import line as _line
from tests.rows_shapes import names as _names
from tests.rows_shapes import row as _row
from tests.rows_shapes import rows as _rows
from tests.rows_shapes import word as _word


def _replaced(line: Line, text: str, word: Word) -> Line:
    """``line`` with its word ``text`` replaced by ``word``."""
    return _line([*(w for w in line.words if w.text != text), word])


def _page(lines: list[Line], number: int = 1) -> PageText:
    return PageText(number, 595.0, 842.0, PageKind.SCANNED, lines=lines)


def _periods(tables: list[Table]) -> list[str | None]:
    return [a.period.text for a in actions_from_tables(stitch(tables), 2568)]


def test_a_table_goes_on_below_a_line_that_narrows_a_gutter() -> None:
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 4)]
    # the second row's unit box reaches past its ink towards the period column, the third row's
    # period starts 30 pt left of the others: each keeps to its column, but together they leave
    # the gutter too narrow, and the table ended under the second row
    second, third = lines[3], lines[5]
    lines[3] = _replaced(second, "กองคลัง", _word("กองคลัง", COLUMNS[2], second.box.top, 100.0))
    lines[5] = _replaced(third, PERIODS[2], _word(PERIODS[2], COLUMNS[3] - 30.0, third.box.top, 63.0))
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1 and tables[0].n_cols == 4
    assert _periods(tables) == list(PERIODS[:4])


def test_a_prose_line_below_the_table_stays_outside_it() -> None:
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 2)]
    texts = ("หมายเหตุ", "การดำเนินงาน", "ทั้งหมด", "ตามแผน", "ประจำปี")
    prose = [_word(t, 60.0 + 80.0 * k, 240.0, 75.0) for k, t in enumerate(texts)]
    lines.append(_line(prose))
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1 and tables[0].box.bottom < 240.0


def test_a_table_goes_on_over_the_page_in_the_white_between_its_columns() -> None:
    first = [_row(600.0, dict(enumerate(HEADER))), *_rows(630.0, 1, 4)]
    # on the next page a period is set 20 pt left of where the first page's periods start, still
    # in the white between the unit and period columns
    rest = _rows(60.0, 5, 2)
    rest[0] = _replaced(rest[0], PERIODS[4], _word(PERIODS[4], COLUMNS[3] - 20.0, 60.0))
    pages = {1: _page(first, 1), 2: _page(rest, 2)}
    tables = scanned_layout(pages, [], _names)
    assert [t.page for t in tables] == [1, 2]
    assert _periods(tables) == list(PERIODS)


def test_one_word_read_across_a_column_edge_does_not_end_the_table_going_on() -> None:
    first = [_row(600.0, dict(enumerate(HEADER))), *_rows(630.0, 1, 4)]
    rest = _rows(60.0, 5, 2)
    # "5." read with a speck as one word reaching into the steps column
    glued = _word("55,", COLUMNS[0], 60.0, COLUMNS[1] - COLUMNS[0] + 12.0)
    rest[0] = _line([glued, *(w for w in rest[0].words if w.box.x0 > COLUMNS[0] + 1)])
    tables = scanned_layout({1: _page(first, 1), 2: _page(rest, 2)}, [], _names)
    assert [t.page for t in tables] == [1, 2]
    assert len(_periods(tables)) == 6


def test_marks_read_as_a_line_of_their_own_stay_in_the_header() -> None:
    header = _row(100.0, dict(enumerate(HEADER)))
    marks = _line([Word("๐", "๐", BBox(COLUMNS[2] + 20.0, 100.4, COLUMNS[2] + 24.0, 103.0), 0.3)])
    lines = [header, marks, *_rows(130.0, 1, 3)]
    (table,) = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert table.n_rows == 4  # the header and three rows, no row of marks
    assert _periods([table]) == list(PERIODS[:3])


def _ocr_table(rows: list[list[str]]) -> Table:
    cells = [
        Cell(r, c, text, text, BBox(x, 100.0 + 20 * r, x + 100, 120.0 + 20 * r), confidence=0.9)
        for r, row in enumerate(rows)
        for c, (x, text) in enumerate(zip(COLUMNS, row, strict=True))
    ]
    box = BBox(COLUMNS[0], 100.0, COLUMNS[-1] + 100, 100.0 + 20 * len(rows))
    return Table(1, 0, box, len(rows), 4, cells, TableQuality("borderless", 0.8, 1.0, 1.0, ["read by OCR"]))


def test_a_row_ocr_opened_mid_measure_joins_the_row_above() -> None:
    table = _ocr_table(
        [
            list(HEADER),
            ["1. มาตรการ ยกระดับการ", "11 อบรมให้ความรู้", "ฝ่ายวิชาการ", "มิถุนายน"],  # "1." read as "11"
            ["แก้ไขปัญหา การทุจริต", "เรื่องร้องเรียน", "ฝ่ายบริหาร", "กันยายน 2566"],  # the period's "-" lost
            ["2. มาตรการ กำกับดูแล", "(1) ประชุม", "ฝ่ายบริหาร", "ต.ค. 65"],
            ["มาตรการ เพิ่มประสิทธิภาพ", "(1) ประกาศ", "ฝ่ายวิชาการ", "ม.ค. 66"],
        ]
    )
    actions = actions_from_tables(stitch([table]), 2566)
    assert len(actions) == 3
    assert actions[0].measure is not None and "การทุจริต" in actions[0].measure


def test_a_measure_of_another_wording_is_no_tail_when_it_starts_a_list() -> None:
    table = _ocr_table(
        [
            list(HEADER),
            ["1. มาตรการ ยกระดับ", "(1) อบรม", "ฝ่ายวิชาการ", "ต.ค. 65"],
            ["แนวทาง ส่งเสริม", "(1) ประชุม", "ฝ่ายบริหาร", "ม.ค. 66"],
            ["2. มาตรการ กำกับดูแล", "(1) ประกาศ", "ฝ่ายบริหาร", "ก.พ. 66"],
            ["มาตรการ เพิ่ม", "(1) สำรวจ", "ฝ่ายวิชาการ", "มี.ค. 66"],
        ]
    )
    assert len(actions_from_tables(stitch([table]), 2566)) == 4


def test_a_first_item_ocr_damaged_starts_a_row() -> None:
    table = _ocr_table(
        [
            list(HEADER),
            ["1. มาตรการ", "(๑) เผยแพร่", "กองคลัง", "๑ ต.ค. ๖๓ - ๓๐ ก.ย. ๖๔"],
            ["", "(o) อบรมให้ความรู้", "กองช่าง", "ภายใน"],  # (๑) read as (o); the period cut
            ["", "(๑ ปรับปรุงฐาน", "งานพัสดุ", "ตลอด"],  # its bracket lost
        ]
    )
    assert len(actions_from_tables(stitch([table]), 2564)) == 3


def test_a_repeated_header_closed_up_by_ocr_opens_where_the_page_before_had_its_column() -> None:
    first = [_row(600.0, dict(enumerate(HEADER))), *_rows(630.0, 1, 4)]
    header = _row(60.0, dict(enumerate(HEADER)))
    words = list(header.words)
    unit, period = words[2], words[3]  # boxes reaching towards each other: 2 pt left between them
    words[2] = Word(unit.text, unit.raw, BBox(unit.box.x0, 60.0, COLUMNS[3] - 2.0, 75.0), 0.9)
    rest = [_line(words), _row(90.0, {0: "5. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: PERIODS[4]})]
    rest.append(_row(108.0, {0: "ส่งเสริม", 1: "ให้ความรู้"}))
    assert period.box.x0 - words[2].box.x1 == 2.0
    tables = scanned_layout({1: _page(first, 1), 2: _page(rest, 2)}, [], _names)
    assert [(t.page, t.n_cols) for t in tables] == [(1, 4), (2, 4)]
    assert _periods(tables) == list(PERIODS[:5])


def test_a_speck_between_two_columns_does_not_keep_a_repeated_header_closed_up() -> None:
    first = [_row(600.0, dict(enumerate(HEADER))), *_rows(630.0, 1, 4)]
    header = _row(60.0, dict(enumerate(HEADER)))
    words = list(header.words)
    unit = words[2]
    words[2] = Word(unit.text, unit.raw, BBox(unit.box.x0, 60.0, COLUMNS[3] - 2.0, 75.0), 0.9)
    row = _row(90.0, {0: "5. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: PERIODS[4]})
    speck = Word("ท", "ท", BBox(COLUMNS[3] - 4.0, 90.0, COLUMNS[3], 105.0), 0.3)  # a letter read apart
    rest = [_line(words), _line([*row.words, speck]), _row(108.0, {0: "ส่งเสริม", 1: "ให้ความรู้"})]
    tables = scanned_layout({1: _page(first, 1), 2: _page(rest, 2)}, [], _names)
    assert [(t.page, t.n_cols) for t in tables] == [(1, 4), (2, 4)]


def test_a_header_begun_at_the_foot_of_the_page_before_gives_its_columns_to_the_rows() -> None:
    header = _row(780.0, {0: HEADER[0], 1: HEADER[1], 2: "ผู้รับผิด", 3: HEADER[3]})
    words = list(header.words)
    unit = words[2]  # its box closes the gutter before "ระยะเวลา" up to 2 pt
    words[2] = Word(unit.text, unit.raw, BBox(unit.box.x0, 780.0, COLUMNS[3] - 2.0, 795.0), 0.9)
    first = [_row(100.0, {0: "รายงานผลการประเมิน"}), _line(words)]
    tail = _row(70.0, {2: "ชอบ"})  # the header's last wrapped line, alone at the top of the page
    rest = [tail, *_rows(100.0, 1, 3)]
    tables = scanned_layout({1: _page(first, 1), 2: _page(rest, 2)}, [], _names)
    on_two = [t for t in tables if t.page == 2]
    assert len(on_two) == 1 and on_two[0].n_cols == 4
    assert _periods(on_two) == list(PERIODS[:3])


def test_a_fragment_under_a_measure_tail_joins_the_row_the_tail_joined() -> None:
    # A stamp over the unit cell: OCR opened a row at the measure's last line (``งบประมาณ``) and
    # another at the unit's last line (``พยาบาล``), which has no period of its own.
    table = _ocr_table(
        [
            list(HEADER),
            ["มาตรการ เสริมสร้าง", "1. สำรวจ", "งาน ประชาสัมพันธ์", "รอบ 6 เดือน"],
            ["งบประมาณ", "", "กลุ่มงานการ", ""],
            ["", "", "พยาบาล", ""],
            ["มาตรการ ป้องกัน", "1. ตรวจสอบ", "กองคลัง", "ทุกไตรมาส"],
            ["มาตรการ พัฒนา", "1. ประกาศ", "กองช่าง", "ภายใน 30 มิ.ย. 2565"],
        ]
    )
    actions = actions_from_tables(stitch([table]), 2565)
    assert [a.period.text for a in actions] == ["รอบ 6 เดือน", "ทุกไตรมาส", "ภายใน 30 มิ.ย. 2565"]
    assert actions[0].responsible is not None and "พยาบาล" in " ".join(actions[0].responsible)


def _ruled(page: int, rows: list[list[tuple[str, int]]]) -> Table:
    """A ruled table read by OCR: each row's cells as (text, colspan)."""
    cells, n_cols = [], 0
    for r, row in enumerate(rows):
        col = 0
        for text, span in row:
            box = BBox(60.0 + 100 * col, 100.0 + 40 * r, 60.0 + 100 * (col + span), 140.0 + 40 * r)
            cells.append(Cell(r, col, text, text, box, colspan=span, confidence=0.9))
            col += span
        n_cols = max(n_cols, col)
    box = BBox(60.0, 100.0, 60.0 + 100 * n_cols, 100.0 + 40 * len(rows))
    return Table(page, 0, box, len(rows), n_cols, cells, TableQuality("lines", 0.9, 1.0, 1.0, []))


def test_a_column_no_header_names_is_part_of_the_column_its_header_cell_spans() -> None:
    # On page 2 a stamp's ring is read as a rule down the unit column: a column no header names.
    first = _ruled(
        1,
        [
            [(h, 1) for h in HEADER],
            [("1. มาตรการ", 1), ("1. อบรม", 1), ("กองคลัง", 1), ("ต.ค. 67", 1)],
            [("2. มาตรการ เสริม", 1), ("1. ประชุม", 1), ("กองช่าง", 1), ("ม.ค. 68", 1)],
        ],
    )
    second = _ruled(
        2,
        [
            [(HEADER[0], 1), (HEADER[1], 1), (HEADER[2], 2), (HEADER[3], 1)],
            [("สร้าง", 1), ("2. สรุปผล", 1), ("", 1), ("", 1), ("", 1)],
            [("3. มาตรการ", 1), ("1. ประกาศ", 1), ("งาน", 1), ("พัสดุ", 1), ("ก.ย. 68", 1)],
        ],
    )
    actions = actions_from_tables(stitch([first, second]), 2568)
    assert [a.period.text for a in actions] == ["ต.ค. 67", "ม.ค. 68", "ก.ย. 68"]
    assert actions[1].steps == ["1. ประชุม", "2. สรุปผล"]
    assert actions[2].responsible == ["งานพัสดุ"]


def test_a_header_repeated_on_the_next_page_is_no_rows_though_ocr_damaged_its_wordings() -> None:
    # A photographed page: the repeated header's wrapped lines read apart, its wordings too damaged
    # to be known by the vocabulary, and the table linked as going on from the page before.
    first = _ruled(
        1,
        [
            [("มาตรการ", 1), ("ขั้นตอนการดำเนินงาน", 1), ("หน่วยงานที่รับผิดชอบ", 1), ("ระยะเวลา", 1)],
            [("1. มาตรการ", 1), ("1. อบรม", 1), ("กองคลัง", 1), ("ต.ค. 67", 1)],
        ],
    )
    second = _ruled(
        2,
        [
            [("มาตรก", 1), ("ขั้นตอนก", 1), ("หน่วยงาน", 1), ("ระยะ", 1)],
            [("", 1), ("การดำเนิน", 1), ("ที่รับผิด", 1), ("เวลๅ", 1)],
            [("", 1), ("งาน", 1), ("ชอบ", 1), ("", 1)],
            [("2. มาตรการ", 1), ("1. ประชุม", 1), ("กองช่าง", 1), ("ม.ค. 68", 1)],
        ],
    )
    second.continues_previous = True
    first_line = replace(second, n_rows=1, cells=[c for c in second.cells if c.row == 0])
    assert header_of(first_line)[0] == 0  # its first line names too few fields to be a header
    actions = actions_from_tables(stitch([first, second]), 2568)
    assert [a.period.text for a in actions] == ["ต.ค. 67", "ม.ค. 68"]
    assert actions[0].steps == ["1. อบรม"]


def test_a_sliver_a_stamp_cut_off_a_row_is_no_action_and_the_row_goes_on_over_the_page() -> None:
    # The stamp's ring read as a rule across the last row: a sliver of junk under it.
    first = _ruled(
        1,
        [
            [(h, 1) for h in HEADER],
            [("1. มาตรการ", 1), ("1. อบรม", 1), ("กองคลัง", 1), ("ต.ค. 67", 1)],
            [("2. มาตรการ เสริม", 1), ("1. ประชุม", 1), ("กอง", 1), ("ม.ค. 68", 1)],
            [("", 1), ("", 1), ("2 00“จ9", 1), ("", 1)],
        ],
    )
    second = _ruled(
        2,
        [
            [(h, 1) for h in HEADER],
            [("สร้าง", 1), ("2. สรุปผล", 1), ("ช่าง", 1), ("", 1)],
            [("3. มาตรการ", 1), ("1. ประกาศ", 1), ("งานพัสดุ", 1), ("ก.ย. 68", 1)],
        ],
    )
    second.continues_previous = True
    actions = actions_from_tables(stitch([first, second]), 2568)
    assert [a.period.text for a in actions] == ["ต.ค. 67", "ม.ค. 68", "ก.ย. 68"]
    assert actions[1].steps == ["1. ประชุม", "2. สรุปผล"]


def test_a_repeated_header_that_lost_its_number_column_still_goes_on_in_the_table_above() -> None:
    # The next page's numbers set close to the issue column: read as one column with it.
    first = _ruled(
        1,
        [
            [("ลำดับ", 1), *((h, 1) for h in HEADER)],
            [("1", 1), ("1. มาตรการ", 1), ("1. อบรม", 1), ("กองคลัง", 1), ("ต.ค. 67", 1)],
            [("2", 1), ("2. มาตรการ เสริม", 1), ("1. ประชุม", 1), ("กองช่าง", 1), ("ม.ค. 68", 1)],
        ],
    )
    second = _ruled(
        2,
        [
            [(h, 1) for h in HEADER],
            [("สร้าง", 1), ("2. สรุปผล", 1), ("", 1), ("", 1)],
            [("3 3. มาตรการ", 1), ("1. ประกาศ", 1), ("งานพัสดุ", 1), ("ก.ย. 68", 1)],
        ],
    )
    (logical,) = [t for t in stitch([first, second]) if t.kind == "measures"]
    assert logical.pages == [1, 2]
    actions = actions_from_tables([logical], 2568)
    assert [a.period.text for a in actions] == ["ต.ค. 67", "ม.ค. 68", "ก.ย. 68"]
    assert actions[1].steps == ["1. ประชุม", "2. สรุปผล"]


def test_a_header_begun_before_under_a_running_header_with_its_wrapped_line_read_as_a_row() -> None:
    # The header's second line, under gutters OCR left too narrow to part it from the first,
    # is read as a row of the header's table; both pages print a running header at the top.
    running = _row(30.0, {1: "รายงานการวิเคราะห์ผลการประเมิน"})
    header = _row(760.0, {0: HEADER[0], 1: HEADER[1], 2: "ผู้รับผิด", 3: HEADER[3]})
    wrapped = _row(778.0, {0: "แนวทาง", 1: "การดำเนิน", 2: "ชอบ", 3: "ดำเนินการ"})
    first = [running, _row(100.0, {0: "รายงานผลการประเมิน"}), header, wrapped]
    tail = _row(70.0, {1: "งาน"})  # the header's last wrapped line, alone at the top of the page
    rest = [running, tail, *_rows(100.0, 1, 3)]
    tables = scanned_layout({1: _page(first, 1), 2: _page(rest, 2)}, [], _names)
    on_two = [t for t in tables if t.page == 2]
    assert len(on_two) == 1 and on_two[0].n_cols == 4
    assert _periods(on_two) == list(PERIODS[:3])
