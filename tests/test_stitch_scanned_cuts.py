"""Scanned measures tables whose header or page break OCR damaged (issue 14): a header row with
cells read past naming a field, a header's wrapped line read as a row of its own, a period cell
cut by a page break whose first part reads as no period even joined.  Tables drawn here, cell by
cell, as the OCR'd pages of draw 207's twins gave them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.ita.stitch import stitch
from schemas import BBox, Cell, Table, TableQuality

EDGES = [(90, 200), (200, 330), (330, 470), (470, 560), (560, 650)]
HEADER = ["ประเด็นที่ต้องปรับปรุง", "แนวทางปฏิบัติ", "การดำเนินการ", "หน่วยงานรับผิดชอบ", "ช่วงเวลา"]


def _table(page: int, rows: Sequence[Sequence[str]], strategy: str = "lines", ocr: bool = True) -> Table:
    cells = [
        Cell(r, c, text, text, BBox(x0, 100 + 50 * r, x1, 140 + 50 * r), confidence=0.9 if ocr else None)
        for r, texts in enumerate(rows)
        for c, (text, (x0, x1)) in enumerate(zip(texts, EDGES, strict=True))
        if text
    ]
    box = BBox(EDGES[0][0], 100, EDGES[-1][1], 100 + 50 * len(rows))
    return Table(page, 0, box, len(rows), len(EDGES), cells, TableQuality(strategy, 1, 1, 1, []))


def test_a_period_cut_past_reading_still_joins_the_row_above() -> None:
    first = _table(
        1, [HEADER, ["การป้องกัน (ตัวชี้วัดที่", "มาตรการเสริมสร้าง", "1. ทบทวน", "งานพัสดุ", "กุมภาพัน ๕ พฤษภาค"]]
    )
    rest = ["10)", "ทุจริตภายในหน่วยงาน", "", "", "ม 2566"]
    second = _table(2, [HEADER, rest, ["", "", "1. ตรวจสอบ", "กองคลัง", "รอบ 6 เดือน"]])
    (table,) = stitch([first, second])
    assert len(table.rows) == 2
    assert table.rows[0].texts[4].endswith("ม 2566") and table.rows[0].texts[0].endswith("10)")


def test_a_new_row_under_a_numbered_step_is_no_cut_period() -> None:
    first = _table(1, [HEADER, ["การป้องกัน", "มาตรการเสริมสร้าง", "1. ทบทวน", "งานพัสดุ", "กุมภาพัน ๕ พฤษภาค"]])
    second = replace(_table(2, [HEADER, ["", "", "1. ตรวจสอบ", "กองคลัง", "ม 2566"]]), continues_previous=True)
    (table,) = stitch([first, second])
    assert len(table.rows) == 2  # a sub-row of its own: its steps start anew


DAMAGED = ["มาตรการ", "การด้าเน็นการ —", "หน่วยงานที่ร็บ", "ช่วงเวลา", ""]
ROWS = [
    ["1. มาตรการส่งเสริม", "(1) ส่งเสริมการเรียนรู้", "งานพัสดุ", "1 ต.ค. 2564 - 30 ก.ย. 2565", ""],
    ["2. มาตรการกำกับดูแล", "(1) ติดตามประเมินผล", "งานพัสดุ", "ตลอดปีงบประมาณ", ""],
]


def test_a_scanned_header_with_cells_read_past_naming_a_field_is_still_the_header() -> None:
    (table,) = stitch([_table(2, [DAMAGED, *ROWS])])
    assert table.kind == "measures"
    assert table.fields[0] == "measure" and table.fields[3] == "period"
    assert [r.texts[0] for r in table.rows] == ["1. มาตรการส่งเสริม", "2. มาตรการกำกับดูแล"]


def test_a_text_layer_row_naming_two_fields_is_not_taken_for_a_damaged_header() -> None:
    (table,) = stitch([_table(2, [DAMAGED, *ROWS], ocr=False)])
    assert table.kind != "measures"


def test_a_header_line_read_as_a_row_of_its_own_is_the_headers_rest() -> None:
    head = ["ประเด็นที่ต้องพัฒนา", "มาตรการ/ แนวทางการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    wrapped = ["", "ดำนิกร", "", "", ""]
    data = ["คุณภาพการดำเนินงาน", "1. มาตรการพัฒนา", "(1) กำหนดแนวทาง", "งานประชาสัมพันธ์", "ทุกไตรมาส"]
    (table,) = stitch([_table(2, [head, wrapped, data], strategy="borderless")])
    assert table.kind == "measures"
    assert len(table.rows) == 1 and table.rows[0].texts[4] == "ทุกไตรมาส"
    assert table.header[1].endswith("ดำนิกร")


def test_a_damaged_header_after_the_measures_is_left_alone() -> None:
    """A table after the measures whose header OCR damaged may be their progress report (its
    ``สถานะ`` lost): its rows are no new measures."""
    report = ["ส่", "มาตรการ", "ผลการดำเนินงาน", "ส่าน"]
    rows = [["1", "1. มาตรการส่งเสริม", "ดำเนินการตามแผนแล้ว 4 กิจกรรม", "ยังไม่ดำเนินการ", ""]]
    measures = _table(2, [HEADER, ["การป้องกัน", "มาตรการเสริมสร้าง", "1. ทบทวน", "งานพัสดุ", "ก.ค. 66"]])
    after = replace(_table(3, [[*report, ""], *rows]), index=1)
    tables = stitch([measures, after])
    assert tables[0].kind == "measures"
    assert sum(len(t.rows) for t in tables if t.kind == "measures") == 1
