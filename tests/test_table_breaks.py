"""Tables cut by page breaks, borderless rows and columns: the mechanisms, on dev documents of the
corpus and on made-up geometry.

Expected values were read off the page images (``pdftoppm -r 50 -png``) and the expected records
(written from the documents' specs), not from the program.  Only ``"split": "dev"`` documents are
read here.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from extractors.ita.stitch import continues_row
from extractors.pdf.borderless import row_starts
from extractors.read import read_document
from pipeline.extract import extract
from schemas import BBox, Document, Line, LogicalRow, Table, Word
from tests.conftest import SAMPLES

CORPUS = SAMPLES / "corpus"


@cache
def _document(name: str) -> Document:
    return read_document(CORPUS / f"{name}.pdf")


@cache
def _record(name: str) -> dict[str, Any]:
    return extract(CORPUS / f"{name}.pdf").to_dict()


def _tables(name: str, page: int) -> list[Table]:
    return [t for t in _document(name).tables if t.page == page]


def _squash(text: str) -> str:
    return "".join(text.split())


def test_a_borderless_table_goes_on_under_a_running_header() -> None:
    """c72 (landscape): the measures table has no ruling lines and no repeated header; page 3
    starts with a running header (``รายงานการวิเคราะห์…``) wider than the table, then the table's rows;
    page 4 holds one line, the end of the last steps cell."""
    page3 = _tables("c72-column-borderless-2564", 3)
    assert [t.quality.strategy for t in page3] == ["borderless"]
    assert page3[0].n_cols == 6 and page3[0].continues_previous
    grid = page3[0].grid()
    assert _squash(grid[0][2]) == _squash("(3) จัดประชุมชี้แจงการประเมินความเสี่ยงการทุจริต")
    assert [row[0] for row in grid] == ["", "", "3", "", "4", "5", "6"]
    page4 = _tables("c72-column-borderless-2564", 4)
    assert len(page4) == 1 and page4[0].n_rows == 1 and page4[0].continues_previous
    assert [c.text for c in page4[0].cells] == ["", "", "ฐานบนเว็บไซต์หน่วยงาน", "", "", ""]


def test_c72_reads_every_action_with_its_steps() -> None:
    actions = _record("c72-column-borderless-2564")["actions"]
    assert len(actions) == 8
    assert actions[1]["steps"][-1] == "(3) จัดประชุมชี้แจงการประเมินความเสี่ยงการทุจริต"
    assert actions[2]["inherited"] == ["measure"] and actions[2]["page"] == 3
    assert actions[7]["steps"][-1] == "(2) แต่งตั้งคณะทำงานดูแลข้อมูลพื้นฐานบนเว็บไซต์หน่วยงาน"


def test_a_repeated_borderless_header_is_not_page_furniture() -> None:
    """c56: the header (two lines) is printed again at the top of page 3, where it recurs as a
    running header would; it stays the continued part's header."""
    page3 = _tables("c56-order-borderless-2568", 3)
    assert len(page3) == 1 and page3[0].continues_previous and page3[0].header_repeated
    assert _squash(page3[0].grid()[0][0]) == "ประเด็นที่ต้องปรับปรุง"


@pytest.mark.parametrize(
    ("name", "row", "field", "want"),
    [
        # a measure cell wrapped over the break along with the row's other cells
        ("c90-prose-progress-2564", 1, "measure", "มาตรการกำกับดูแลการใช้อำนาจอย่างเป็นธรรม"),
        ("c90-prose-progress-2564", 1, "follow_up", "สรุปผลการดำเนินงานรอบ 6 เดือน และ 12 เดือน"),
        ("c93-two-years-merged-2563", 5, "measure", "มาตรการป้องกันการใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน"),
        # the last word of a merged measure cell heads the next page's sub-row
        ("c59-prose-merged-2566", 5, "measure", "มาตรการป้องกันการใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน"),
    ],
)
def test_a_row_cut_in_every_column_is_one_action(name: str, row: int, field: str, want: str) -> None:
    assert _record(name)["actions"][row][field] == want


def test_c93_keeps_its_actions_count_and_sub_rows() -> None:
    actions = _record("c93-two-years-merged-2563")["actions"]
    assert len(actions) == 12
    assert actions[5]["steps"] == [
        "1. จัดประชุมชี้แจงแนวปฏิบัติการยืมพัสดุครุภัณฑ์",
        "2. มอบหมายผู้รับผิดชอบดูแลทะเบียนคุมครุภัณฑ์",
        "3. ติดตามประเมินผลแนวปฏิบัติการยืมพัสดุครุภัณฑ์",
    ]
    assert actions[6]["inherited"] == ["issue", "measure"]


def test_c59_sub_row_under_the_cut_measure_inherits_it() -> None:
    actions = _record("c59-prose-merged-2566")["actions"]
    assert actions[5]["inherited"] == ["issue", "measure"]
    assert actions[6]["measure"] == actions[5]["measure"]


def test_a_running_header_on_two_pages_stays_out_of_measure_paragraphs() -> None:
    """c76: three pages, the running header on pages 2 and 3 only; measure 3's steps go on over
    the break past it."""
    steps = _record("c76-column-paragraphs-2569")["actions"][2]["steps"]
    assert steps == [
        "(๑) สำรวจความคิดเห็นต่อการประเมินความเสี่ยงการทุจริต",
        "(๒) ปรับปรุงฐานข้อมูลเจตจำนงสุจริตของผู้บริหาร",
    ]


def test_full_stops_of_a_loma_subset_are_kept() -> None:
    """c80 (Loma): pdfium gives the full stop a loose box 1.55 pt tall at 11 pt; เม.ย. keeps its dots."""
    pages = {p.number: p for p in _document("c80-bar-chart-ruled-2567").pages}
    texts = [line.text for line in pages[2].lines]
    assert "เม.ย. 67" in texts
    assert not any("เม ย" in t for t in texts)


# --- made-up geometry --------------------------------------------------------------------------


def _line(top: float, *cells: tuple[float, str]) -> Line:
    words = tuple(Word(t, t, BBox(x, top, x + 8 * len(t), top + 10)) for x, t in cells)
    box = BBox(min(w.box.x0 for w in words), top, max(w.box.x1 for w in words), top + 10)
    return Line(" ".join(t for _x, t in cells), "", box, words)


def test_a_list_numbered_anew_opens_a_row_though_spacing_and_columns_go_on() -> None:
    body = [
        _line(0, (0, "1. จัดทำ"), (200, "กอง")),
        _line(12, (0, "จ่ายงบ"), (200, "คลัง")),
        _line(24, (0, "1. ปรับปรุง"), (200, "งาน")),  # same pitch, same columns: only the numbering restarts
        _line(36, (0, "2. ติดตาม"), (200, "พัสดุ")),  # the next item of the same list
    ]
    assert row_starts(body, [150]) == [0, 2]


def test_a_wrapped_number_alone_in_its_column_restarts_no_list() -> None:
    """``(ตัวชี้วัดที่`` / ``1)``: the end of a wrapped issue, alone in its column, is no first item."""
    body = [
        _line(0, (0, "การปฏิบัติ (ตัวชี้วัดที่"), (200, "1. ประกาศ")),
        _line(12, (0, "1)"), (200, "2. สรุปผล")),
        _line(24, (200, "การให้บริการ")),
    ]
    assert row_starts(body, [150]) == [0]


def test_without_a_restart_the_lines_stay_one_row() -> None:
    body = [_line(0, (0, "1."), (200, "กอง")), _line(12, (0, "จ่าย"), (200, "คลัง")), _line(24, (0, "2."))]
    assert row_starts(body, [150]) == [0]


@pytest.mark.parametrize(
    ("rest", "continues"),
    [
        ({0: "กำกับดูแล", 1: "งานด้านการประเมิน", 2: "รายงานผล", 3: "2566"}, True),  # cut everywhere
        ({0: "กำกับดูแล", 1: "(๒) ส่งเสริม", 3: "๒๕๖๘"}, True),  # numbering goes on
        ({1: "1. แต่งตั้งคณะทำงาน", 2: "- รายงาน", 3: "ก.ค. 65"}, False),  # a sub-row of its own
        ({0: "มาตรการใหม่", 1: "1. จัดทำ", 3: "ก.ค. 65"}, False),  # a new measure
        ({1: "ปี", 2: "- บันทึก", 3: "พ.ศ. 2565"}, True),  # an item's rest; the bullet tells nothing
        ({1: "1. จัดทำ", 2: "- บันทึก", 3: "พ.ศ. 2565"}, False),  # a steps list begun anew
    ],
)
def test_which_first_row_continues_the_row_above(rest: dict[int, str], continues: bool) -> None:
    fields = ["measure", "steps", "results", "period"]
    above = LogicalRow(1, texts={0: "4. มาตรการ", 1: "1. สรุปผลการดำเนิน", 2: "- บันทึก", 3: "1 ต.ค."})
    assert continues_row(LogicalRow(2, texts=rest), above, fields) is continues
