"""Indicator tables whose indicator numbers or names OCR mostly lost, numbered by their places.

A column table's shaded header on a 150 dpi scan keeps a few of its numbers (``2 i``, ``4``,
``8 a``, ``แห 9``): fewer than a numbering row needs, but every one read stands in its own place,
and a score row under it scores the columns.  A screenshot's row table at 150 dpi keeps the names
of a few rows (``ตัวชี้วัดที่8 การปรับปรุงระบบการทำงาน``) and loses the others (``ตัว(``, ``e i``):
ten rows with a score, the ones named each in its place.  The tables are built by hand in the
shapes OCR gave them on the scanned twins of generated corpus documents: no Tesseract is needed.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.ita.indicators import DOUBTED, from_column_table, from_row_table
from schemas import CellPart, LogicalRow, LogicalTable

_SCORES = ["86.99", "92.19", "70.93", "93.70", "82.16", "90.03", "75.60", "92.67", "93.56", "90.61"]


def _row(texts: Sequence[str], full_width: bool = False) -> LogicalRow:
    cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in enumerate(texts) if t}
    return LogicalRow(1, cells, set(), full_width, {c: p[0].text for c, p in cells.items()})


def _column_table(header: list[str], scores: list[str]) -> LogicalTable:
    rows = [_row(["ตัวชี้วัด", *header]), _row(["คะแนน", *scores])]
    return LogicalTable("other", [None] * 11, [""] * 11, rows, [1], [])


def test_a_header_whose_few_readable_numbers_stand_in_their_places_numbers_the_ten_columns() -> None:
    header = ["", "2 i", "", "4", "5", "6", "7", "8 a", "แห 9", ". 10"]
    found, _facts = from_column_table(_column_table(header, _SCORES), 2567)
    assert [i.number for i in found] == list(range(1, 11))
    assert [i.score for i in found[:2]] == [86.99, 92.19]


def test_three_numbers_in_place_are_enough_but_one_out_of_place_numbers_nothing() -> None:
    three = ["", "๒", "", "ณ์", "", "๖", "w en w", "+ 6 on", "“", "๑๐"]
    assert [i.number for i in from_column_table(_column_table(three, _SCORES), 2568)[0]] == list(range(1, 11))
    shifted = ["", "๒", "", "", "", "๖", "", "๙", "", "๑๐"]  # ๙ in the eighth column: another count
    assert from_column_table(_column_table(shifted, _SCORES), 2568) == ([], None)
    two = ["", "๒", "", "", "", "๖", "", "", "", ""]
    assert from_column_table(_column_table(two, _SCORES), 2568) == ([], None)


def test_columns_numbered_by_place_need_a_row_that_scores_them() -> None:
    header = ["", "2", "", "4", "5", "", "", "", "", ""]
    words = ["ดี", "ดี", "พอใช้", "ดี", "ดี", "ดี", "ดีมาก", "ดี", "ดี", "ดี"]
    assert from_column_table(_column_table(header, words), 2567) == ([], None)


def test_a_score_whose_point_ocr_read_as_a_comma_is_the_score_doubted() -> None:
    scores = [*_SCORES[:2], "70,93", *_SCORES[3:]]
    found, _facts = from_column_table(_column_table(["1", *map(str, range(2, 11))], scores), 2567)
    third = found[2]
    assert (third.score, third.score_raw) == (70.93, "70,93")
    assert third.confidence is not None and third.confidence <= DOUBTED


def _screenshot_table(names: list[str], scores: list[str]) -> LogicalTable:
    """A screenshot's indicator table as a 150 dpi scan gives it: the header damaged, the name
    column cut in two by a faint edge, the group captions full-width rows."""
    rows = [_row(["- (0 ๐ ---ขวชีวัต 2 02๐ ๕", "", "เขกปปปส6 ง"])]
    for k, (name, score) in enumerate(zip(names, scores, strict=True)):
        if k in (0, 5, 8):
            rows.append(_row([("แบบวัด OF", "แบบวัด EIT", "แบบวัดOT")[(0, 5, 8).index(k)]], full_width=True))
        rows.append(_row([name, "", score]))
    return LogicalTable("other", [None] * 3, [""] * 3, rows, [1], [])


_DAMAGED = ["ตัว(", "e i", "id", "คำซีวค ห14", "ตัวซีวัตที 50", "Wi 6", "ตัว4"]
_READ = ["ตัวชี้วัดที่8 การปรับปรุงระบบการทำงาน", "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "ตัวชี้วัดที่10 การป้องกันการทุจริต"]


def test_ten_score_rows_whose_few_named_rows_stand_in_their_places_are_numbered_by_place() -> None:
    found, _facts = from_row_table(_screenshot_table([*_DAMAGED, *_READ], _SCORES), 2562)
    assert [(i.number, i.score) for i in found] == [(n, float(s)) for n, s in enumerate(_SCORES, 1)]
    assert found[0].name_raw == "ตัว("  # the row's own text stays its raw name


def test_rows_whose_named_ones_stand_out_of_place_or_are_not_ten_are_not_numbered_by_place() -> None:
    swapped = [*_DAMAGED, _READ[0], _READ[2], _READ[1]]
    found, _facts = from_row_table(_screenshot_table(swapped, _SCORES), 2562)
    assert found == []  # three named rows only: no table of indicators
    nine = _screenshot_table([*_DAMAGED[1:], *_READ], _SCORES[1:])
    assert from_row_table(nine, 2562)[0] == []


def test_a_header_repeated_among_the_rows_is_no_score_row() -> None:
    table = _screenshot_table([*_DAMAGED, *_READ], _SCORES)
    table.rows.insert(8, _row(["| ตัวชี้วัด", "", "ปี2562"]))  # the header again, on the next page
    found, _facts = from_row_table(table, 2562)
    assert [i.number for i in found] == list(range(1, 11))
