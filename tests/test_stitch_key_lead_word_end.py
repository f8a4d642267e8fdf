"""The lead a scanned measures table's key cells share (``มาตรการ``), by which a key cell that
does not start so is the tail of the one above, ends where a word ends: three measures of six
going on ``มาตรการเสริม…`` and ``มาตรการเพิ่ม…`` do not make ``มาตรการเ`` the lead, and the
measure ``มาตรการพัฒนา…`` is no tail of the measure above it."""

from __future__ import annotations

from extractors.ita.stitch import join_key_tails
from schemas import CellPart, LogicalRow

FIELDS = ["measure", "steps", "period"]


def _row(measure: str, steps: str, period: str) -> LogicalRow:
    texts = (measure, steps, period)
    return LogicalRow(2, cells={c: [CellPart(2, None, t, t)] for c, t in enumerate(texts) if t})


def test_a_measure_that_shares_the_lead_to_a_word_end_is_a_row_of_its_own() -> None:
    rows = [
        _row("มาตรการเสริมสร้างการป้องกัน", "๑. กำหนดแนวทาง", "ไตรมาสที่ ๔"),
        _row("๒. มาตรการเสริมสร้างความโปร่งใส", "๑. พัฒนาระบบ", "ต.ค. ๖๔"),
        _row("๓. มาตรการป้องกันการใช้ทรัพย์สิน", "๑. รณรงค์", "ก.พ. - ก.ค. ๖๕"),
        _row("มาตรการพัฒนาคุณภาพการดำเนินงาน", "๑ส่งเสริมการเรียนรู้", "ตลอดปีงบประมาณ"),
        _row("มาตรการเพิ่มประสิทธิภาพการสื่อสาร", "๑. ประกาศหลักเกณฑ์", "ต.ค. ๖๔"),
    ]
    assert len(join_key_tails(rows, FIELDS)) == 5


def test_a_key_cells_tail_is_still_joined_to_the_row_above() -> None:
    rows = [
        _row("มาตรการเสริมสร้างการป้องกัน", "๑. กำหนดแนวทาง", "ไตรมาสที่ ๔"),
        _row("การทุจริตภายในหน่วยงาน", "เรื่องร้องเรียน", ""),
        _row("๒. มาตรการเสริมสร้างความโปร่งใส", "๑. พัฒนาระบบ", "ต.ค. ๖๔"),
        _row("มาตรการเพิ่มประสิทธิภาพการสื่อสาร", "๑. ประกาศหลักเกณฑ์", "ต.ค. ๖๔"),
    ]
    assert len(join_key_tails(rows, FIELDS)) == 3
