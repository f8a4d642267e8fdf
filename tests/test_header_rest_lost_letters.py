"""A measures header cut by a page break, its narrow first column's letters lost by OCR.

Fresh c78 s435, its page 2 stored upside down: page 1 ended on the header ``ล | มาตรการ | … |
การกำกับ``; page 2 began with the header's rest, ``ชอบ`` under ``ผู้รับผิด`` and ``ติดตาม`` under
``การกำกับ`` (read ``ขอบ``), while OCR lost ``ำ`` / ``ดั`` / ``บ`` of ``ลำดับ`` beside them.  Set above
page 2's lines, the header had that rest as its first body line, and the white the lost letters
left under it ended the table: no actions at all.  The lines are the page's own (points).
"""

from __future__ import annotations

from itertools import pairwise

from extractors.ocr.rows import word_core
from extractors.pdf.borderless import GUTTER_EM, _body, segments
from schemas import BBox, Line, Word


def _line(top: float, bottom: float, *words: tuple[str, float, float]) -> Line:
    ws = tuple(Word(t, t, BBox(x0, top, x1, bottom), 0.95) for t, x0, x1 in words)
    return Line(" ".join(t for t, _a, _b in words), "", BBox(ws[0].box.x0, top, ws[-1].box.x1, bottom), ws)


HEADER = _line(
    40, 62,
    ("ล", 89, 96), ("มาตรการ", 113, 177), ("ภวิธีการดำเนินการ", 196, 316),
    ("ผู้รับผิด", 324, 387), ("ช่วงเวลา", 399, 454), ("การกำกับ", 462, 522),
)  # fmt: skip
REST = _line(69, 83, ("ขอบ", 343, 369), ("ติดตาม", 476, 516))
ROWS = [
    _line(
        142, 156,
        ("1.", 114, 120), ("มาตรการส่ง", 128, 175), ("(1)", 203, 218), ("อบรมให้ความรู้", 226, 307),
        ("สำนักปลัด", 327, 383), ("1", 408, 413), ("ต.ค.", 420, 441), ("รายงานผล", 463, 521),
    ),
    _line(163, 183, ("เสริมการ", 114, 158), ("เรื่องมาตรฐานการ", 204, 302), ("2563 -", 405, 440),
          ("การดำเนิน", 463, 521)),
    _line(186, 208, ("ปฏิบัติหน้าที่", 114, 175), ("ปฏิบัติงานของเจ้า", 203, 300), ("30 ก.ย.", 404, 446),
          ("งานต่อผู้", 463, 509)),
    _line(211, 230, ("อย่างมี", 114, 146), ("หน้าที่", 203, 235), ("2564", 410, 439), ("บริหารทุก", 463, 517)),
    _line(235, 253, ("คุณธรรม", 114, 157), ("(2)", 203, 218), ("แต่งตั้งคณะ", 224, 286), ("ไตรมาส", 463, 505)),
]  # fmt: skip


#: The page's body text size as its OCR words gave it.
EM = 9.6


def test_the_rows_under_a_header_rest_are_found_past_the_lost_letters_white() -> None:
    # the header as the page before gave it, its rest read as the first line under it
    lines = [HEADER, REST, *ROWS]
    gutters = [[(a.x1, b.x0)] for a, b in pairwise(segments(HEADER, GUTTER_EM * EM))]
    body, _gutters, _reach = _body(lines, 1, [HEADER], gutters, EM, word_core(EM))
    assert [line.text for line in body] == [line.text for line in [REST, *ROWS]]
