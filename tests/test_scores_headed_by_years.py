"""A two-year indicator table whose score columns are headed by their years alone, over two pages.

Fresh c81 s471 scan200: the header ``ตัวชี้วัด | ปี ๒๕๖๗ | ปี ๒๕๖๘ | เพิ่มขึ้น/ลดลง`` names the
indicators' column and the differences' only, so it was no header: the table was of no kind, and
such a table counts only when it scores five indicators or more.  On page 1, OCR cut three rows'
label into two cells (``ตัวชีวัตบ์`` | ``๑ การปฏิบัติหน้าที่``), so page 1 had five columns and page 2
four, and the two pages were not one table: page 2's indicators 8 to 10 were lost.  A year alone
beside the indicators' column heads that year's scores, as such tables write it.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.ita.indicators import from_row_table
from extractors.ita.stitch import header_fields, stitch, table_kind
from schemas import BBox, Cell, Table, TableQuality

HEADER = ["ตัวชี้วัด", "ปี ๒๕๖๗", "ปี ๒๕๖๘", "เพิ่มขืน/ลดลง"]
PAGE_1 = [
    ["ตัวชีวัตบ์", "๑ การปฏิบัติหน้าที่", "๖๗.๓๕", "๘๓.๘๙", "+๑๖.๕๔"],
    ["ตัวชีวัตข์", "๒ การใช้งบประมาณ", "๖๒.๒๕", "๗๔.๒๗", "+๑๒.๐๒"],
    ["ตัวชี้วัดข์", "๓ การใช้อำนาจ", "๗๑.๕๕", "๘๒.๒๒", "+๑๐.๖๗"],
    ["ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ", "", "๔๙.๖๔", "๗๑.๖๐", "+๒๑.๙๖"],
    ["ตัวชี้วัดที่๕ การแก้ไขปัญหาการทุจริต", "", "๖๕.๖๕", "๗๗.๗๓", "+๑๒.๐๘"],
    ["ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน", "", "๖๑.๔๔", "๗๑.๑๗", "+๙.๗๓"],
    ["ตัวชีวัตที ๗ ประสิทธิภาพการสื่อสาร", "", "๖๕.๕๑", "๘๐.๕๓", "+๑๕.๐๒"],
]
PAGE_2 = [
    ["0 ตัวชี้วัด :", "ปี ๒๕๖๗", "ปี๒๕๖๘ 0", "เพิ่มขึ้น/ลดลง"],
    ["ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน", "๕๓.๑๖", "๘๘.๓๗", "+๓๕.๒๑"],
    ["ตัวชี้วัดที่๙ การเปิดเผยข้อมูล", "๖๑.๒๒", "๗๙.๖๒", "+๑๘.๔๐"],
    ["ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต", "๔๘.๕๖", "๖๓.๗๒", "+๑๕.๑๖"],
    ["คะแนนรวม", "๕๘.๙๕", "๗๖.๐๖", "+๑๗.๑๑"],
]
#: Page 1's columns: the label's two cells, then the years and the difference; page 2 has the label whole.
EDGES_1 = [91.0, 133.0, 404.0, 527.0, 649.0, 771.0]
EDGES_2 = [91.0, 404.0, 527.0, 649.0, 771.0]


def _cells(rows: list[list[str]], edges: list[float], top: float) -> list[Cell]:
    return [
        Cell(r, c, text, text, BBox(edges[c], top + 21 * r, edges[c + 1], top + 21 * r + 20), confidence=0.9)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text
    ]


def _tables() -> list[Table]:
    quality = TableQuality("lines", 0.8, 0.9, 1.0, notes=["read by OCR"])
    # page 1's header: ``ตัวชี้วัด`` over both of the label's columns
    head = [Cell(0, 0, HEADER[0], HEADER[0], BBox(91, 318, 404, 338), colspan=2, confidence=0.9)]
    head += [c for c in _cells([["", "", *HEADER[1:]]], EDGES_1, 318) if c.col > 1]
    body = [replace(c, row=c.row + 1) for c in _cells(PAGE_1, EDGES_1, 339)]
    one = Table(1, 0, BBox(91, 318, 771, 506), len(PAGE_1) + 1, 5, head + body, quality)
    two = Table(2, 0, BBox(91, 63, 771, 168), len(PAGE_2), 4, _cells(PAGE_2, EDGES_2, 63), quality)
    return [one, two]


def test_a_year_alone_beside_the_indicators_heads_a_score_column() -> None:
    fields = header_fields(HEADER)
    assert fields == ["indicator", "score", "score", "diff"]
    assert table_kind(fields) == "indicators"


def test_both_pages_make_one_table_and_every_indicator_is_read_with_its_previous_year() -> None:
    tables = stitch(_tables())
    indicators = [i for t in tables for i in from_row_table(t, 2568)[0]]
    scores = {
        i.number: (i.score, i.previous.score if i.previous else None) for i in indicators if i.year == 2568
    }
    assert scores[1] == (83.89, 67.35)
    assert scores[8] == (88.37, 53.16)
    assert scores[9] == (79.62, 61.22)
    assert scores[10] == (63.72, 48.56)
    assert sorted(scores) == list(range(1, 11))


def test_a_measures_header_keeps_its_year_column() -> None:
    # ``ตัวชี้วัด`` of a measures table names its issue; a year there is no score's.
    fields = header_fields(["ตัวชี้วัด", "มาตรการ", "ผู้รับผิดชอบ", "ปี ๒๕๖๘"])
    assert "score" not in fields
