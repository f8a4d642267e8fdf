"""A measures header printed at a page's foot, its cells' last lines at the next page's top.

Fresh c95 s399 (scan150 and scan200): the header row ``ประเด็นที่ต้องปรับปรุง | มาตรการ/แนวทางการ |
… | การติดตามผล`` ended page 1; page 2 began with the rest of it, ``ดำเนินการ`` under the measure
column and a shaded cell's grain read as ``เ-`` and ``-1``.  ``ดำเนินการ`` names ``measure`` less
surely joined to its column's header than the header alone does (the vocabulary has the wording
only in part), so the rest was not taken for the header's: it became the first action, and every
action after it came out one row late (periods 3 of 28).
"""

from __future__ import annotations

from itertools import pairwise

from extractors.ita.stitch import stitch
from schemas import BBox, Cell, Table, TableQuality

EDGES = [81.0, 156.0, 237.0, 347.0, 408.0, 466.0, 534.0]
HEADER = [
    "ประเด็นที่ต้องปรับปรุง",
    "มาตรการ/\nแนวทางการ",
    "วิธีการดำเนินการ",
    "หน่วยงานรับผิดชอบ",
    "ระยะเวลา",
    "การติดตามผล",
]
ROWS = [
    ["เ-", "ดำเนินการ", "", "", "", "-1"],
    [
        "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่",
        "1. มาตรการส่งเสริมการปฏิบัติหน้าที่",
        "(1) เปิดช่องทางรับฟังความเห็น",
        "กลุ่มงานบริหารทั่วไป",
        "พ.ค. 68",
        "ตรวจสอบการเผยแพร่บนเว็บไซต์ทุกเดือน",
    ],
    [
        "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล",
        "2. มาตรการส่งเสริมการเปิดเผยข้อมูลสาธารณะ",
        "(1) จัดทำคู่มือรายงานผลการดำเนินงานประจำปี",
        "ฝ่ายบริหารงานทั่วไป",
        "ต.ค. 67 - ธ.ค. 67",
        "ติดตามผลโดยคณะทำงาน ITA",
    ],
]


def _quality() -> TableQuality:
    return TableQuality("lines", 1.0, 1.0, 1.0, notes=["read by OCR"])


def _tables(rows: list[list[str]]) -> list[Table]:
    head = [
        Cell(0, c, t, t, BBox(a, 733, b, 773))
        for c, (t, (a, b)) in enumerate(zip(HEADER, pairwise(EDGES), strict=True))
    ]
    body = [
        Cell(r, c, t, t, BBox(a, 68 + 150 * r, b, 218 + 150 * r))
        for r, row in enumerate(rows)
        for c, (t, (a, b)) in enumerate(zip(row, pairwise(EDGES), strict=True))
        if t
    ]
    return [
        Table(1, 1, BBox(81, 733, 534, 773), 1, 6, head, _quality()),
        Table(2, 0, BBox(81, 68, 534, 68 + 150 * len(rows)), len(rows), 6, body, _quality()),
    ]


def test_the_rest_of_a_header_at_a_pages_top_is_no_action() -> None:
    measures = [t for t in stitch(_tables(ROWS)) if t.kind == "measures"]
    assert len(measures) == 1
    assert measures[0].pages == [1, 2]
    assert [row.text(0) for row in measures[0].rows] == [ROWS[1][0], ROWS[2][0]]
    assert measures[0].fields[1] == "measure"
    assert "ดำเนินการ" in measures[0].header[1] and "เ-" not in measures[0].header[0]


def test_a_first_row_of_short_cells_in_most_columns_is_an_action() -> None:
    short = ["การใช้อำนาจ", "ประกาศ", "แจ้งเวียน", "กองคลัง", "ตลอดปี", "รายงาน"]
    measures = [t for t in stitch(_tables([short, *ROWS[1:]])) if t.kind == "measures"]
    assert len(measures) == 1
    assert [row.text(0) for row in measures[0].rows] == [short[0], ROWS[1][0], ROWS[2][0]]
