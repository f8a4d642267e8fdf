"""A line OCR read out of the marks above the next line's letters does not cut a row in two.

Fresh c78 s430 scan150: the issue cell ``การเปิดเผยข้อมูล (ตัวชี้วัดที่ 9)`` wrapped to three lines;
OCR read the upper vowels and tone marks of ``ชี้วัดที่`` as a line of their own, ``ชับซ์``, just
above the rest, ``ชูวัดที9)``.  That line has ink in the issue column only, so every other column
seemed to pause there and start again on the next line, and the row was cut: every action after
it came out one row late.  The lines are the page's own (points).
"""

from __future__ import annotations

from extractors.pdf.borderless import row_starts
from schemas import BBox, Line, Word


def _line(top: float, bottom: float, *words: tuple[str, float, float]) -> Line:
    ws = tuple(Word(t, t, BBox(x0, top, x1, bottom), 0.9) for t, x0, x1 in words)
    return Line(" ".join(t for t, _a, _b in words), "", BBox(ws[0].box.x0, top, ws[-1].box.x1, bottom), ws)


SEPS = [156.0, 232.0, 348.0, 413.0, 467.0]
BODY = [
    _line(
        163, 181,
        ("การเปิดเผย", 87, 149), ("1.", 163, 172), ("มาตรการ", 182, 228), ("1", 245, 253),
        ("เปิดช่องทางรับ", 260, 339), ("ฝ่าย", 353, 376), ("ภายใน", 419, 458), ("สรุปผล", 472, 511),
    ),
    _line(
        186, 206,
        ("ข้อมูล", 86, 117), ("(ตัว", 123, 142), ("ส่งเสริมการ", 162, 230), ("ฟังความเห็นเรือง", 238, 336),
        ("บริหาร", 352, 390), ("30มิ.ย.", 417, 458), ("การ", 473, 493),
    ),
    _line(201, 220, ("ชับซ์", 87, 118)),
    _line(
        213, 228,
        ("ชูวัดที9)", 86, 134), ("เปิดเผย", 162, 202), ("รายงานผลการ", 244, 323), ("งาน", 353, 374),
        ("2568", 423, 452), ("ดำเนิน", 472, 508),
    ),
    _line(
        237, 256,
        ("ข้อมูล", 160, 193), ("ดำเนินงานประจำ", 244, 339), ("บุคคล", 352, 384), ("งานรอบ", 472, 517),
    ),
]  # fmt: skip


def test_a_line_of_marks_over_the_next_line_opens_no_row() -> None:
    assert row_starts(BODY, SEPS, read=True) == [0]


def test_without_the_marks_line_the_row_is_one_too() -> None:
    assert row_starts([*BODY[:2], *BODY[3:]], SEPS, read=True) == [0]
