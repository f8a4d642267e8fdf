"""A scanned measures table's row that numbers itself, under a sub-row, and its period's dash read as a dot.

Fresh c81 s471 scan200, page 2: under measure ๑, a sub-row (no number, no issue: it inherits them)
has its own steps, units and the period ``๑ ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙``, read ``๑ ต.ค. ๒๕๖๘.๓๐ ก.ย.
๒๕๖๙``.  Row ๒ under it opens its steps ``เ(๑) มอบหมาย…`` (a speck before the item) and its period
was read damaged: its steps read as the rest of the sub-row's list, and the sub-row took row ๒ in.
A row's number is printed at its top, so a row with its own number beside an issue is no rest of
the row above; and a dot between a year and the next date's day is a range's dash (no year has
decimals).
"""

from __future__ import annotations

from extractors.ita.period_repairs import candidates
from extractors.ita.periods import parse_period
from extractors.ita.stitch import join_cut_rows
from schemas import CellPart, LogicalRow

FIELDS = ["seq", "issue", "steps", "responsible", "period"]


def _row(*texts: str) -> LogicalRow:
    return LogicalRow(2, cells={c: [CellPart(2, None, t, t, 0.9)] for c, t in enumerate(texts) if t})


def test_a_row_with_its_own_number_and_issue_is_not_the_rest_of_the_sub_row_above() -> None:
    rows = [
        _row("๑", "การป้องกันการทุจริต (ตัวชี้วัด ที่ ๑๐)", "(๑) ทบทวนและปรับปรุงเจตจำนงสุจริตของผู้บริหาร",
             "สำนักปลัด", "ไตรมาสที่๓"),
        _row("", "", "(๑) ปรับปรุงฐานข้อมูลการประเมินความเสี่ยงการ ทุจริต", "สำนักปลัด งานประชาสัมพันธ์",
             "๑ ต.ค. ๒๕๖๘.๓๐ ก.ย. ๒๕๖๙"),
        _row("๒", "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สิน ของราชการ", "เ(๑) มอบหมายผู้รับผิดชอบดูแลทะเบียนคุมครุภัณฑ์",
             "สำนักปลัด กองการศึกษา |", "๑ ต.ค. ๒๕๖๘ - ๓๐ กุย. ๒๕๒"),
    ]  # fmt: skip
    joined = join_cut_rows(rows, FIELDS)
    assert len(joined) == 3


def test_a_row_without_its_number_still_goes_on_with_the_list_above() -> None:
    rows = [
        _row("๑", "การป้องกันการทุจริต", "(๑) ปรับปรุงฐานข้อมูลการประเมินความเสี่ยงการ", "สำนักปลัด", ""),
        _row("", "", "ทุจริตในหน่วยงาน", "", ""),
    ]
    assert len(join_cut_rows(rows, FIELDS)) == 1


def test_a_dash_read_as_a_dot_after_the_start_year() -> None:
    text = "๑ ต.ค. ๒๕๖๘.๓๐ ก.ย. ๒๕๖๙"
    assert parse_period(text, 2569).start is None
    repaired = next(c for c in candidates(text) if parse_period(c, 2569).start is not None)
    period = parse_period(repaired, 2569)
    assert (period.start.isoformat(), period.end.isoformat()) == ("2025-10-01", "2026-09-30")
