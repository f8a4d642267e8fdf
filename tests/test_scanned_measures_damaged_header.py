"""A scanned measures table over two pages whose header OCR damaged differently on each.

Fresh c78 s430 scan150: page 2's header read ``ผิด ขอบ`` for ``ผู้รับผิดชอบ`` (``ผู้รับ`` lost, ``ช``
read ``ข``) and page 3's repeated it as ``ผรบผด 4 ขอบ``.  Three faults followed:

* no column was the responsible units', though its cells read ``ฝ่าย บริหาร งาน บุคคล``;
* page 3's header did not repeat page 2's closely enough, so page 3 became a new table and
  its first row, the rest of page 2's last action, an action of its own;
* that rest was not seen as the rest anyway: the last action's steps began ``1 พัฒนาระบบ``, the
  item's dot lost, and only a numbered item opens a list the next page goes on with.
"""

from __future__ import annotations

from itertools import pairwise

from extractors.ita.stitch import stitch
from schemas import BBox, Cell, Table, TableQuality

EDGES = [81.0, 156.0, 232.0, 348.0, 413.0, 467.0, 531.0]
HEAD_2 = ["ประเด็นที่ ต้อง ปรับปรุง", "แนวทาง ปฏิบัติ", "กการดำเนินการ", "ผิด ขอบ", "ระยะ เวลา ดำเนิน การ",
          "การกำกับ ติดตาม"]  # fmt: skip
HEAD_3 = ["ประเด็นที่ ต้อง ปรับปรุง", "แนวทาง ปฏิบัติ", "การดำเนินการ", "ผรบผด 4 ขอบ", "ระยะ เวลา ดำเนิน การ",
          "การกำกับ ติดตาม"]  # fmt: skip
ROWS_2 = [
    ["การแก้ไข ปัญหาการ ทุจริต (ตัวชี้วัดที่ 5)", "มาตรการยก ระดับการ แก้ไขปัญหา", "1. บันทึกและจัด เก็บช่องทางแจ้ง",
     "ฝ่าย บริหาร งานงบ ประมาณ", "มิ.ย. - ก.ย. 68", "ประเมิน ความพึง พอใจของ ผู้รับ บริการ"],
    ["ตัวชี้วัดที่ 4 การใช้ ทรัพย์สิน", "4 มาตรการ ป้องกันการ ใช้ทรัพย์สิน", "1 พัฒนาระบบ แนวปฏิบัติการยืม พัสดุครุภัณฑ์",
     "ฝ่าย บริหาร งาน", "ตลอด ปีงบปร ะมา ณ", "ตรวจสอบ การเผย แพร่บน"],
]  # fmt: skip
ROWS_3 = [
    ["ของ ราชการ", "ของราชการ เพื่อ ประโยชน์ ส่วนตน", "2. พัฒนาระบบ ทะเบียนคุม ครุภัณฑ์", "บุคคล", "พ .ศ . 2568",
     "เว็บไซต์ ทุกเดือน"],
    ["", "", "1. ตรวจสอบและ รายงานทะเบียน คุมครุภัณฑ์", "ฝ่าย วิชาการ", "ภายใน 31มี.ค. 2568",
     "ติดตามผล โดยคณะ ทำงาน ITA"],
]  # fmt: skip


def _table(page: int, head: list[str], rows: list[list[str]]) -> Table:
    cells = [
        Cell(r, c, t, t, BBox(a, 66 + 150 * r, b, 216 + 150 * r), confidence=0.9)
        for r, row in enumerate([head, *rows])
        for c, (t, (a, b)) in enumerate(zip(row, pairwise(EDGES), strict=True))
    ]
    quality = TableQuality("borderless", 0.56, 1.0, 1.0, notes=["read by OCR"])
    return Table(page, 0, BBox(81, 66, 531, 216 + 150 * len(rows)), len(rows) + 1, 6, cells, quality)


def _measures() -> list:
    return [t for t in stitch([_table(2, HEAD_2, ROWS_2), _table(3, HEAD_3, ROWS_3)]) if t.kind == "measures"]


def test_the_column_of_units_names_is_the_responsible_units() -> None:
    (measures,) = _measures()
    assert measures.fields[3] == "responsible"


def test_the_table_goes_on_under_its_damaged_header_and_the_cut_row_is_one_action() -> None:
    (measures,) = _measures()
    assert measures.pages == [2, 3]
    assert len(measures.rows) == 3
    assert "ส่วนตน" in measures.rows[1].text(1) and "2. พัฒนาระบบ" in measures.rows[1].text(2)
