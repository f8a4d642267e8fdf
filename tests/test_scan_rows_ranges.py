"""Scanned measures rows: a period range cut across two parts, and a prose statement taken for a header.

Found on a fresh draw's rotated twins (tuned on by no one): a range ``1 ต.ค. 2562 - 30 ก.ย. 2563``
wrapped, its dash lost to OCR, split one action in two and shifted every period after it; three
alike prose lines (``ตัวชี้วัดที่8 … ได้คะแนน 68.03 คะแนน``) lined up into columns, and the first,
naming an indicator and a score, was taken for an indicators table's header.
"""

from __future__ import annotations

from extractors.ita.actions import actions_from_tables
from extractors.ita.stitch import header_of, stitch
from tests.rows_shapes import HEADER, ocr_table


def _actions(rows: list[list[str]]) -> list[tuple[str | None, str | None]]:
    found = actions_from_tables(stitch([ocr_table(1, [list(HEADER), *rows], "borderless")]), 2563)
    return [(a.measure, a.period.text) for a in found]


def test_a_range_whose_dash_was_lost_at_a_wrap_is_one_period() -> None:
    rows = [
        ["1. มาตรการส่งเสริม", "(1) อบรมให้ความรู้เรื่อง", "กองคลัง", "1 ต.ค. 2562"],
        ["", "หลักเกณฑ์การมอบหมายงาน", "", "30 ก.ย. 2563"],
        ["2. มาตรการกำกับดูแล", "(1) จัดทำคู่มือ", "กองช่าง", "ก.ค. 63"],
    ]
    assert _actions(rows) == [
        ("1. มาตรการส่งเสริม", "1 ต.ค. 2562 30 ก.ย. 2563"),
        ("2. มาตรการกำกับดูแล", "ก.ค. 63"),
    ]


def test_a_row_under_a_period_of_its_own_that_ends_no_range_is_a_row() -> None:
    # the second row's item number lost: it reads as the rest of an item, but its period (the
    # same month again) makes no range with the one above, so it is a row of its own
    rows = [
        ["1. มาตรการส่งเสริม", "(1) ตรวจสอบและรายงาน", "กองคลัง", "ก.พ. 63"],
        ["", "วางแผนปฏิบัติการ", "", "ก.พ. 63"],
    ]
    assert len(_actions(rows)) == 2


def test_a_statement_naming_an_indicator_and_its_score_is_no_header() -> None:
    table = ocr_table(
        1,
        [
            ["ตัวชี้วัดที่8", "การปรับปรุงระบบการทำงาน ได้คะแนน 68.03", "คะแนน"],
            ["ตัวชี้วัดที่ 9", "การเปิดเผยข้อมูล ได้คะแนน 85.05", "คะแนน"],
        ],
    )
    assert header_of(table)[0] == 0
    named = ocr_table(1, [["ตัวชี้วัด", "ประเด็น", "คะแนน"], ["1. การปฏิบัติหน้าที่", "", "85.05"]])
    assert header_of(named)[:2] == (1, ["indicator", "issue", "score"])


def test_the_joined_halves_read_as_a_range_only_as_a_doubted_candidate() -> None:
    # the parts joined, the text has no dash: read as it is, it is no period; a repair candidate
    # puts the dash back between the two dates (kept with a doubt by whoever settles it)
    from extractors.ita.period_repairs import candidates
    from extractors.ita.periods import parse_period

    joined = "1 ต.ค. 2562 30 ก.ย. 2563"
    assert parse_period(joined, 2563).rule == "unparsed"
    dashed = [c for c in candidates(joined) if parse_period(c, 2563).rule != "unparsed"]
    assert dashed[0] == "1 ต.ค. 2562 - 30 ก.ย. 2563"
    assert parse_period(dashed[0], 2563).end is not None
