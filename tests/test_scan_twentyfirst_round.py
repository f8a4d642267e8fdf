"""Scanned documents, twenty-first round of issue 14: rows that OCR's small damages joined,
split or shifted are rows of their own again, and a table a word's strokes split is one table.

- the lead of a measures column is the start most of its cells share (``มาตรการ``), not the
  longest start half of them share (``มาตรการส่งเสริมการ``), and a measure whose number lost its
  dot (``1 มาตรการ``) shares it: a measure is not joined to the row above as a tail, and a tail
  (``ตน``) is;
- a column ruling that splits one row only, made of a word's stems on two lines chained across
  the ruling between them, is no ruling;
- a dot read twice after a month's consonant (``ต.ค..``) is one dot;
- a header printed at a page's foot whose rest (``ชอบ``, ``ดำเนินการ``) begins the next page is
  finished there, not taken for the first row.
"""

from __future__ import annotations

import numpy as np

from extractors.ita.period_repairs import candidates, parses
from extractors.ita.stitch import common_lead, join_key_tails
from extractors.ocr.image_grid import find_grids
from schemas import CellPart, LogicalRow
from tests.rows_shapes import ocr_table, periods

_FIELDS = ["measure", "steps", "period"]


def _row(**cols: str) -> LogicalRow:
    return LogicalRow(1, cells={_FIELDS.index(k): [CellPart(1, None, t, t)] for k, t in cols.items()})


def _measures(rows: list[LogicalRow]) -> list[str]:
    return [" ".join(p.text for p in r.cells.get(0, [])) for r in rows]


def test_a_measure_starting_as_most_measures_do_is_no_tail_though_half_go_on_further() -> None:
    # fam8 c81 s304 scan200: three of six measures go on ``มาตรการส่งเสริมการ``; that was the lead,
    # and ``มาตรการพัฒนา…`` under the first row was joined to it, with its period
    keys = ["มาตรการกำกับดูแล", "มาตรการพัฒนาคุณภาพ", "มาตรการส่งเสริม การปฏิบัติ", "5. มาตรการส่ง เสริมการเปิดเผย"]
    keys += ["มาตรการส่งเสริม การปรับปรุง", "มาตรการป้องกัน"]
    assert common_lead(keys) == "มาตรการ"
    rows = [_row(measure=k, steps="1. อบรม", period="ต.ค. 64") for k in keys]
    assert _measures(join_key_tails(rows, _FIELDS)) == keys


def test_a_cut_measures_tail_joins_its_row_when_the_measures_numbers_lost_their_dots() -> None:
    # fam9 c78 s306 scan150: ``1 มาตรการ…`` shared no lead with ``2 มาตรการ…``, so the tail ``ตน``
    # of ``…ราชการเพื่อ`` / ``ประโยชน์ส่วน`` / ``ตน`` stayed an action of its own
    keys = ["1 มาตรการส่ง เสริมการ", "2 มาตรการยก ระดับ", "3 มาตรการ ป้องกันการใช้ ราชการเพื่อ"]
    rows = [_row(measure=k, steps="1. อบรม", period="ก.ค. 64") for k in keys]
    rows.append(_row(measure="ตน", period=":"))
    rows.append(_row(measure="4 มาตรการส่ง เสริม", steps="1. มอบหมาย", period="ก.ค. 64"))
    joined = join_key_tails(rows, _FIELDS)
    assert _measures(joined) == [*keys[:2], f"{keys[2]} ตน", "4 มาตรการส่ง เสริม"]


def test_a_words_stems_chained_across_a_ruling_split_no_row() -> None:
    # fam8 c81 s300 rotated: ``ที่`` of ``ตัวชี้วัดที่`` on two lines, at the same place, made a
    # stretch from one row's top ruling into the next row: a fifth column in one row, and the
    # indicator table no longer went on with its four columns on page 2
    page = np.zeros((400, 600), np.uint8)
    for y in (50, 100, 150, 200, 250):
        page[y : y + 2, 40:560] = 255
    for x in (40, 300, 430, 558):
        page[50:252, x : x + 2] = 255
    page[100:175, 120:122] = 255  # stems and marks from row 2's top ruling into row 3
    (grid,) = find_grids(page)
    assert len(grid.cells) == 12  # four rows of three cells: row 2 not split at x = 120
    assert not grid.rulings[140, 121 - grid.box[0]]  # and its stems are not erased before OCR


def test_a_dot_read_twice_after_a_months_consonant_gives_a_period_that_parses() -> None:
    # fam9 c78 s308 scan150: a stamp's ring beside ``1 ต.ค.`` left ``ต.ค..`` in every re-reading
    reading = "- 1 ต.ค.. 2566-30กย. 2567"
    assert not parses(reading)
    assert "1 ต.ค. 2566-30กย. 2567" in [c for c in candidates(reading) if parses(c)]


def test_a_headers_rest_on_the_next_page_is_no_first_row() -> None:
    # fam11 c91 s319 scan150: ``หน่วยงานที่รับผิด`` / ``ระยะเวลา`` ended page 3 with no row under
    # them; ``ชอบ`` and ``ดำเนินการ`` began page 4, were taken for the first action, and every
    # period after it moved one row down
    header = ["ประเด็นปัญหา", "มาตรการ", "หน่วยงานที่รับผิด", "ระยะเวลา"]
    foot = ocr_table(3, [header])
    rest = ["", "", "ชอบ", "ดำเนินการ"]
    rows = [
        ["การใช้งบประมาณ", "1. มาตรการเสริมสร้าง", "กองคลัง", "ต.ค. 67 - ธ.ค. 67"],
        ["", "2. มาตรการพัฒนา", "กองช่าง", "มี.ค. 68"],
    ]
    assert periods([foot, ocr_table(4, [rest, *rows])]) == ["ต.ค. 67 - ธ.ค. 67", "มี.ค. 68"]
