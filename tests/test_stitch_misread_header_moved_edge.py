"""A scanned borderless table at the foot of a chart page whose header OCR misread (a stamp over
``หน่วยงานที่รับผิดชอบ``, a scribble read into ``การดำเนินการ``) takes the fields of the header
repeated on the next page, though one of its column edges, read off a word whose box reached
into the next column, stands further right than there: as many columns, whose fields agree but
for the one misread."""

from __future__ import annotations

from extractors.ita.stitch import misread_headers, stitch
from schemas import BBox, Cell, Table, TableQuality

GOOD = ["ที่", "ประเด็นที่ต้องปรับปรุง", "มาตรการ/แนวทาง", "การดำเนินการ", "หน่วยงานที่รับผิดชอบ", "ระยะเวลา"]
#: the same header as OCR read it under a stamp and a scribble: steps read as results, the unit lost
MISREAD = ["ที่", "ประเด็นที่ต้อง", "มาตรการ", "การดำเนินการ oneงาน", "หน่วย ที่", "ระยะเวลา"]
ROW = ["1", "ตัวชี้วัดที่ 1", "มาตรการส่งเสริม", "1. อบรมให้ความรู้", "งานพัสดุ", "เม.ย. 67"]
EDGES = [(84, 98), (98, 173), (173, 245), (245, 353), (353, 427), (427, 470)]


def _table(page: int, header: list[str], moved: float = 0.0) -> Table:
    edges = [
        (a, b + moved) if k == 1 else (a + moved, b) if k == 2 else (a, b) for k, (a, b) in enumerate(EDGES)
    ]
    cells = [
        Cell(row, col, text, text, BBox(x0, 100 + 50 * row, x1, 140 + 50 * row), confidence=0.9)
        for row, texts in enumerate([header, ROW])
        for col, (text, (x0, x1)) in enumerate(zip(texts, edges, strict=True))
    ]
    box = BBox(edges[0][0], 100, edges[-1][1], 190)
    return Table(page, 0, box, 2, len(edges), cells, TableQuality("borderless", 1, 1, 1, []))


def test_a_misread_header_takes_the_next_pages_fields_though_an_edge_moved() -> None:
    first, second = _table(2, MISREAD, moved=15.0), _table(3, GOOD)
    assert id(first) in misread_headers([first, second])
    (table,) = stitch([first, second])
    assert table.fields[3:5] == ["steps", "responsible"]
    assert [r.text(3) for r in table.rows] == ["1. อบรมให้ความรู้"] * 2


def test_a_header_of_other_fields_is_no_reading_of_it() -> None:
    other = ["ที่", "ตัวชี้วัด", "คะแนน", "ระดับ", "หมายเหตุ", "ปี"]
    first, second = _table(2, MISREAD, moved=15.0), _table(3, other)
    assert misread_headers([first, second]) == {}
