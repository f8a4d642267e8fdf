"""Borderless measures tables on 150-dpi scans, whose OCR loses small words and reads word boxes
as tall as their marks: a row stays one row when a column's word on one of its lines is lost,
when its lines' boxes reach down with their marks, or when a short word is read as a line of its
own beside a line of the row.
"""

from __future__ import annotations

from extractors.ocr.rows import scan_borderless, visual_lines
from schemas import BBox, Line, Word
from tests.rows_shapes import COLUMNS, HEADER, PERIODS, line, names, page, row


def _header() -> Line:
    return row(100.0, dict(enumerate(HEADER)))


def _three_line_rows(top: float, count: int) -> list[Line]:
    """``count`` rows of three lines each, 18 pt apart (rows 54 pt apart: no padding between
    rows, as the corpus sets them), the unit on the first and third lines."""
    lines = []
    for n in range(1, count + 1):
        y = top + 54.0 * (n - 1)
        lines.append(row(y, {0: f"{n}. มาตรการ", 1: "(1) อบรม", 2: "กอง", 3: PERIODS[n - 1]}))
        lines.append(row(y + 18.0, {0: "ส่งเสริม", 1: "ให้ความรู้", 2: "สาธารณสุข"}))
        lines.append(row(y + 36.0, {0: "คุณธรรม", 1: "ประชาชน", 2: "และสิ่งแวดล้อม"}))
    return lines


def _rows_read(lines: list[Line]) -> int:
    tables = scan_borderless(page(visual_lines(lines)), [], names)
    assert len(tables) == 1
    return tables[0].n_rows


def test_a_word_lost_on_one_line_of_a_cell_opens_no_row() -> None:
    lines = [_header(), *_three_line_rows(130.0, 3)]
    # OCR lost the unit's middle word of the second row: the unit column is empty on one line and
    # has text again on the next, which a text layer would only show at a new row
    second = lines[5]
    lines[5] = line([w for w in second.words if w.box.x0 < COLUMNS[2]])
    assert _rows_read(lines) == 1 + 3


def test_two_columns_starting_again_after_one_empty_line_open_a_row() -> None:
    first = {0: "1. มาตรการ", 1: "(1) อบรม", 2: "กอง", 3: PERIODS[0]}
    lines = [_header(), row(130.0, first), row(148.0, {0: "ส่งเสริม", 1: "ให้ความรู้", 2: "คลัง", 3: "2568"})]
    # the first row's last line holds its measure alone; the next row has no number and starts
    # its steps and unit together, each column empty on one line only
    lines += [row(166.0, {0: "คุณธรรม"}), row(184.0, {1: "ประชุม", 2: "กองช่าง"}), row(202.0, {1: "ชี้แจง"})]
    assert _rows_read(lines) == 1 + 2


def test_word_boxes_reaching_down_with_their_marks_open_no_row() -> None:
    lines = [_header(), *_three_line_rows(130.0, 3)]
    # at 150 dpi the boxes of a line whose words have marks below (``ุ``, ``ู``) reach 9 pt
    # further down than the line above's: measured from the boxes' feet, its line looks 27 pt
    # below the one above, half again the table's usual 18
    middle = lines[2]
    deep = [Word(w.text, w.text, w.box._replace(bottom=w.box.bottom + 9.0), 0.9) for w in middle.words]
    lines[2] = line(deep)
    assert _rows_read(lines) == 1 + 3


def test_a_short_word_read_as_a_line_of_its_own_stands_on_its_line() -> None:
    third = row(166.0, {0: "คุณธรรม", 1: "ประชาชน"})
    # the unit's last word read apart as a small ``4`` (``ธ์``), a line of its own: its box lies
    # within the line's height, though the line's middle is not within its box
    small = Word("4", "4", BBox(COLUMNS[2], 166.0, COLUMNS[2] + 5.0, 170.0), 0.5)
    merged = visual_lines([third, Line("4", "4", small.box, (small,))])
    assert [[w.text for w in ln.words] for ln in merged] == [["คุณธรรม", "ประชาชน", "4"]]
