"""A borderless measures table on a text page whose header's narrow first column wraps a letter a line.

Fresh c78 s435 (its text PDF): the header ``ล | มาตรการ | วิธีการดำเนินการ | ผู้รับผิด | ช่วงเวลา |
การกำกับ`` ends page 1; page 2 begins with its rest: ``ำ ชอบ ติดตาม``, then ``ดั`` and ``บ`` alone on
their lines (``ลำดับ`` in a column one letter wide).  The lines that carry a table over the page
break left out debris, as a scan's specks are, and a one-letter line of a text layer counted as
debris: the white it left ended the table before its first row, and the document had no actions.
"""

from __future__ import annotations

from extractors.ita.headers import names_field
from extractors.pdf.borderless import find_borderless
from extractors.pdf.tables import continue_borderless
from schemas import BBox, Line, PageKind, PageText, Word


def _line(top: float, *words: tuple[str, float, float]) -> Line:
    bottom = top + 17
    ws = tuple(Word(t, t, BBox(x0, top, x1, bottom)) for t, x0, x1 in words)
    return Line(" ".join(t for t, _a, _b in words), "", BBox(ws[0].box.x0, top, ws[-1].box.x1, bottom), ws)


HEADER = _line(
    753,
    ("ล", 89, 96), ("มาตรการ", 123, 177), ("วิธีการดำเนินการ", 210, 308),
    ("ผู้รับผิด", 335, 377), ("ช่วงเวลา", 398, 449), ("การกำกับ", 468, 522),
)  # fmt: skip
PAGE_2 = [
    _line(64, ("ำ", 89, 96), ("ชอบ", 345, 369), ("ติดตาม", 476, 516)),
    _line(84, ("ดั", 89, 96)),
    _line(104, ("บ", 89, 96)),
    _line(139, ("1", 89, 95), ("1. มาตรการส่ง", 123, 190), ("(1) อบรมให้ความรู้", 210, 300),
          ("สำนักปลัด", 335, 377), ("1 ต.ค.", 398, 430), ("รายงานผล", 468, 521)),
    _line(161, ("เสริมการ", 123, 170), ("เรื่องมาตรฐานการ", 210, 300), ("2563 -", 398, 440),
          ("การดำเนิน", 468, 521)),
    _line(185, ("ปฏิบัติหน้าที่", 123, 177), ("ปฏิบัติงานของเจ้า", 210, 300), ("30 ก.ย.", 398, 440),
          ("งานต่อผู้", 468, 509)),
    _line(209, ("อย่างมี", 123, 160), ("หน้าที่", 210, 245), ("2564", 398, 425), ("บริหารทุก", 468, 517)),
]  # fmt: skip


def test_a_text_layers_lone_letters_carry_the_table_over_the_page_break() -> None:
    one = PageText(
        1, 595.3, 842.0, PageKind.TEXT, lines=[_line(400, ("รายงานผลการประเมิน", 100, 300)), HEADER]
    )
    two = PageText(2, 595.3, 842.0, PageKind.TEXT, lines=PAGE_2)
    (head,) = find_borderless(one, one.lines, names_field, 14.0)
    tables = continue_borderless([head], {1: one, 2: two})
    on_two = [t for t in tables if t.page == 2]
    assert len(on_two) == 1
    assert on_two[0].box.bottom >= PAGE_2[-1].box.bottom
