"""A scanned table whose header row OCR misread (too few fields named to count as a header) has
the header of the next page's table, read well over the same columns: it takes that header's
fields, and its rows are measures (issue 14)."""

from __future__ import annotations

from extractors.ita.stitch import misread_headers, stitch
from schemas import BBox, Cell, Table, TableQuality

GOOD = ["ประเด็นที่ต้องปรับปรุง", "มาตรการ", "การดำเนินการ", "ผลการดำเนินการ", "หน่วยงานรับผิดชอบ", "ระยะเวลา"]
#: the same header as OCR read it on another page: three of six cells name a field
MISREAD = ["[ ประเด็นหี๊ต้อง", "มีาตรกาัรแนวิหวง ๓", "การดำเนินการ ดบ์", "“ผลการดำเน็น oa =", "หน่วยงาน ©", "ระยะเวลา”."]
ROW = ["ตัวชี้วัดที่ 2", "มาตรการเสริมสร้าง", "1. อบรม", "- สรุปผล", "กลุ่มงานนิติการ", "ต.ค. 64 - ธ.ค. 64"]
C = 0.9  # read by OCR
EDGES = [(90, 190), (190, 300), (300, 440), (440, 530), (530, 610), (610, 690)]


def _table(page: int, header: list[str], shift: float = 0.0) -> Table:
    cells = [
        Cell(
            row, col, text, text, BBox(x0 + shift, 100 + 50 * row, x1 + shift, 140 + 50 * row), confidence=0.9
        )
        for row, texts in enumerate([header, ROW])
        for col, (text, (x0, x1)) in enumerate(zip(texts, EDGES, strict=True))
    ]
    box = BBox(EDGES[0][0] + shift, 100, EDGES[-1][1] + shift, 190)
    return Table(page, 0, box, 2, len(EDGES), cells, TableQuality("lines", 1, 1, 1, []))


def test_a_misread_header_takes_the_next_pages_header_over_the_same_columns() -> None:
    first, second = _table(2, MISREAD), _table(3, GOOD, shift=3)
    assert id(first) in misread_headers([first, second])
    misread, good = stitch([first, second])
    assert misread.kind == "measures" and misread.fields == good.fields
    assert len(misread.rows) == 1  # its header row is no measure


def test_columns_in_other_places_are_another_table() -> None:
    first, second = _table(2, MISREAD), _table(3, GOOD, shift=60)
    assert misread_headers([first, second]) == {}
