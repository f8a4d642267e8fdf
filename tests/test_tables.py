"""Tables: grids from pdfplumber's geometry, cell text from our repaired characters.

Expected values were read off the page images (``pdftoppm -r 80 -png``), not from the program.
The synthetic PDFs in ``tests/data/tables/`` were made with LibreOffice 7.4 from the ``.fodt``
files beside them (``soffice --headless --convert-to pdf <name>.fodt``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from extractors.pdf.pages import read_page
from extractors.pdf.source import open_pdfium
from extractors.pdf.tables import column_edges, find_tables, link_continuations
from extractors.thai.text import thai_digits_to_arabic
from schemas import BBox, Cell, Char, Line, PageKind, PageText, Table, TableQuality
from tests.conftest import DATA, SAMPLES, real_pdf

ANALYSIS = "word2007-procurement-analysis-2562.pdf"
TABLES = DATA / "tables"


@dataclass(frozen=True)
class Document:
    tables: dict[int, list[Table]]  #: page number → its tables
    pages: dict[int, PageText]


@cache
def read_tables(path: Path) -> Document:
    """Every page's tables, continuations linked, as the pipeline would produce them."""
    tables: dict[int, list[Table]] = {}
    pages: dict[int, PageText] = {}
    with pdfplumber.open(path) as pdf, open_pdfium(path) as doc:
        for number, plumber_page in enumerate(pdf.pages, start=1):
            pages[number] = read_page(doc, number)
            tables[number] = find_tables(plumber_page, pages[number])
    link_continuations([t for n in sorted(tables) for t in tables[n]], pages)
    return Document(tables, pages)


def analysis() -> Document:
    return read_tables(real_pdf(ANALYSIS))


def shape(table: Table) -> tuple[int, int]:
    return table.n_rows, table.n_cols


def spans(table: Table) -> list[tuple[int, int, int, int, str]]:
    return [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells if c.rowspan * c.colspan > 1]


def assert_grid_complete(table: Table) -> None:
    covered = [[0] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                covered[r][c] += 1
    assert covered == [[1] * table.n_cols for _ in range(table.n_rows)]


# --- the real Word 2007 report -----------------------------------------------------------------

#: Tables seen on each page image (rows × columns); page 3 is a table of contents without rulings,
#: page 7 a chart in a box.
ANALYSIS_SHAPES = {
    1: [],
    2: [],
    3: [],
    4: [(7, 3)],
    5: [(3, 3), (4, 5)],
    6: [(8, 4)],
    7: [],
    8: [(4, 3)],
    9: [],
}


@pytest.mark.parametrize("page", list(ANALYSIS_SHAPES), ids=lambda p: f"page{p}")
def test_real_pdf_tables_per_page(page: int) -> None:
    tables = analysis().tables[page]
    assert [shape(t) for t in tables] == ANALYSIS_SHAPES[page]
    for index, table in enumerate(tables):
        assert table.page == page and table.index == index
        assert table.quality.strategy == "lines"
        assert table.quality.chars_inside == 1.0
        assert table.quality.score >= 0.95
        assert_grid_complete(table)


def test_real_pdf_headers_and_amounts() -> None:
    tables = analysis().tables
    p4 = tables[4][0].grid()
    assert p4[0] == ["ลำดับ", "รายการ", "วงเงินที่ได้รับ (บาท)"]
    assert p4[1] == ["๑", "งบลงทุน (ค่าครุภัณฑ์ ที่ดินและสิ่งก่อสร้าง) ปี ๒๕๖๒", "๒๕๐,๐๐๐.๐๐"]
    assert p4[3] == ["๓", "งบดำเนินงาน(ค่าตอบแทนใช้สอยวัสดุ) งวดที่ ๒/๒๕๖๒", "๑๖๐,๐๐๐.๐๐"]
    total = tables[5][0].grid()[2]
    assert total == ["รวม", "(แปดแสนเจ็ดหมื่นสามพันเจ็ดร้อยหกสิบบาทถ้วน)", "๘๗๓,๗๖๐.๐๐"]
    p5 = tables[5][1].grid()
    assert p5[0] == ["ลำดับ", "รายการ", "จำนวนโครงการ", "วงเงินที่จ่าย (บาท)", "ร้อยละ"]
    assert p5[3] == ["", "รวมเป็นเงินทั้งสิ้น", "๙", "๘๖๐,๗๔๖.๔๔", "๑๐๐"]  # an empty cell stays
    p6 = tables[6][0].grid()
    assert p6[0] == ["ลำดับ", "หมวด", "วงเงินที่จ่าย (บาท)", "ร้อยละ"]
    assert p6[6] == ["๕", "ค่าบุคลากร", "๑๐๓,๙๘๑.๐๐", "๑๒.๐๘"]  # sic: the page numbers this row ๕ as well
    p8 = tables[8][0].grid()
    assert p8[1] == ["งบประมาณที่ได้รับจัดสรร", "งบประมาณที่ใช้ไป", "งบประมาณที่ประหยัดได้"]
    assert p8[3] == ["ร้อยละ ๑๐๐", "ร้อยละ ๙๘.๕๑", "ร้อยละ ๑.๔๙"]
    # The page shows ๘๗๓,๗๖๐.๐๐; TH SarabunIT๙ draws the text layer's ASCII "00" as Thai digits,
    # which is the text stage's business, so compare digit values here.
    assert [thai_digits_to_arabic(t) for t in p8[2]] == ["873,760.00", "860,764.44", "13,013.56"]


def test_real_pdf_wrapped_cell_is_joined_without_a_space() -> None:
    cell = next(c for c in analysis().tables[4][0].cells if (c.row, c.col) == (6, 1))
    assert cell.text == (
        "งบประมาณสำนักงานปลัดกระทรวงสาธารณสุขในผลผลิต ตามแผนงานบูรณาการต่อต้านการทุจริต"
        "และประพฤติมิชอบ โครงการประเมินคุณธรรมและความโปร่งใสแบบบูรณาการ (ITA.)"
    )
    assert cell.raw.count("\n") == 1  # two lines in the cell on the page


def test_real_pdf_merged_cells() -> None:
    tables = analysis().tables
    assert spans(tables[6][0]) == [(7, 0, 1, 2, "รวม")]  # "รวม" spans ลำดับ and หมวด
    assert spans(tables[8][0]) == [(0, 0, 1, 3, "งบประมาณที่ได้รับการจัดสรร( หน่วย : บาท)")]
    for table in (tables[4][0], *tables[5]):
        assert spans(table) == []  # every border drawn, even in the total rows


def test_real_pdf_continuation_across_pages_4_and_5() -> None:
    tables = analysis().tables
    carried = tables[5][0]  # rows ๗, ๘ and รวม under the columns of page 4's table, no header
    assert carried.continues_previous and not carried.header_repeated
    others = [tables[4][0], tables[5][1], tables[6][0], tables[8][0]]
    assert not any(t.continues_previous or t.header_repeated for t in others)
    assert column_edges(carried) == pytest.approx(column_edges(tables[4][0]), abs=1)


# --- prose: no false tables --------------------------------------------------------------------


@pytest.mark.parametrize("page", [1, 2])
def test_prose_pages_give_no_tables(page: int) -> None:
    assert read_tables(real_pdf("itext-royal-gazette-ethics-code.pdf")).tables[page] == []


def test_scanned_page_gives_no_tables() -> None:
    page = PageText(number=1, width=595, height=842, kind=PageKind.SCANNED)
    assert find_tables(FakePlumberPage(), page) == []


# --- LibreOffice: a ruled table over three pages, an unruled table, lists ----------------------


def test_libreoffice_table_over_three_pages() -> None:
    doc = read_tables(TABLES / "ruled-table-over-three-pages-repeated-header.pdf")
    assert {n: [shape(t) for t in ts] for n, ts in doc.tables.items()} == {
        1: [(13, 4)],
        2: [(16, 4)],
        3: [(11, 4)],
    }
    first, second, third = (doc.tables[n][0] for n in (1, 2, 3))
    assert not first.continues_previous
    assert second.continues_previous and second.header_repeated
    assert third.continues_previous and third.header_repeated
    header = ["ลำดับ", "มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    assert first.grid()[0] == second.grid()[0] == third.grid()[0] == header
    assert first.grid()[4] == [
        "๔",
        "มาตรการที่ ๔ เผยแพร่ข้อมูลข่าวสารต่อสาธารณะ",
        "กองสาธารณสุขและสิ่งแวดล้อม",
        "ต.ค. ๖๕ - ก.ย. ๖๖",
    ]
    # row ๒๗ breaks across the page: "๖๖" of its period is alone on page 3 (stitching is later)
    assert second.grid()[-1][0] == "๒๗" and second.grid()[-1][3] == "ต.ค. ๖๕ - ก.ย."
    assert third.grid()[1] == ["", "", "", "๖๖"]
    assert third.grid()[-1][:2] == ["๓๖", "มาตรการที่ ๓๖ เผยแพร่ข้อมูลข่าวสารต่อสาธารณะ"]


def test_unruled_table_found_and_lists_are_not_tables() -> None:
    doc = read_tables(TABLES / "unruled-table-list-and-prose.pdf")
    [table] = doc.tables[1]  # the prose, the "-" list and the "๑." list on page 1 are not tables
    assert shape(table) == (7, 4)
    assert table.quality.strategy == "text"
    assert table.quality.notes[0] == "no ruling lines: columns inferred from text alignment"
    assert table.quality.score < 0.8  # never trusted like a ruled table
    assert table.grid()[0] == ["ลำดับ", "ตัวชี้วัด", "คะแนน", "ระดับ"]
    assert table.grid()[4] == ["๔", "การใช้ทรัพย์สินของราชการ", "๘๗.๙๓", "A"]
    assert table.grid()[6] == ["๖", "การเปิดเผยข้อมูล", "๗๒.๘๙", "C"]
    assert doc.tables[2] == []  # a numbered list with a tab after "๑." lines up like two columns


def test_sample_wangphai_table_continues_on_every_page() -> None:
    path = SAMPLES / "wangphai-2566.pdf"
    if not path.exists():
        pytest.skip("samples/wangphai-2566.pdf has not been generated")
    doc = read_tables(path)
    first = doc.tables[1][0]
    assert first.n_cols == 5 and not first.continues_previous
    assert first.grid()[0][:2] == ["ประเด็นที่ต้องพัฒนา", "มาตรการ/ขั้นตอน/วิธีการปฏิบัติ"]
    for number in sorted(doc.tables)[1:]:  # landscape pages, the header row repeated on each
        table = doc.tables[number][0]
        assert table.continues_previous and table.header_repeated, number


# --- degenerate grids, on made-up geometry -----------------------------------------------------


class FakePlumberPage:
    """Stands in for an unparsed pdfplumber page: its box, and no text-strategy tables.  Ruled
    tables come from the ``PageText``'s rulings through pdfplumber's own table finder."""

    bbox = (0.0, 0.0, 595.0, 842.0)

    def find_tables(self, table_settings: dict[str, Any]) -> list[Any]:
        return []


def rulings_of(tables: Sequence[list[tuple[float, float, float, float]]]) -> list[BBox]:
    """The ruling lines that draw these cell boxes: each box's four sides."""
    lines: list[BBox] = []
    for cells in tables:
        for x0, top, x1, bottom in cells:
            lines += [BBox(x0, top, x1, top), BBox(x0, bottom, x1, bottom)]
            lines += [BBox(x0, top, x0, bottom), BBox(x1, top, x1, bottom)]
    return lines


def word(text: str, x: float, baseline: float, size: float = 14.0) -> list[Char]:
    chars = []
    for ch in text:
        box = BBox(x, baseline - size, x + 6, baseline + 4)
        chars.append(Char(ch, ch, box, baseline, x, "F", size))
        x += 6
    return chars


def text_page(chars: list[Char], tables: Sequence[list[tuple[float, float, float, float]]] = ()) -> PageText:
    """A text page with these characters, and ruling lines drawing these tables' cells."""
    return PageText(
        number=1, width=595, height=842, kind=PageKind.TEXT, chars=chars, rulings=rulings_of(tables)
    )


Box = tuple[float, float, float, float]

GRID_2X2: list[Box] = [(100, 100, 200, 130), (200, 100, 300, 130), (100, 130, 200, 160), (200, 130, 300, 160)]


def test_one_cell_box_is_not_a_table() -> None:
    one: list[Box] = [(100, 100, 300, 130)]
    page = text_page(word("กรอบ", 120, 120), [one])
    assert find_tables(FakePlumberPage(), page) == []


def test_grid_without_text_is_not_a_table() -> None:
    page = text_page(word("ข้างนอก", 120, 400), [GRID_2X2])
    assert find_tables(FakePlumberPage(), page) == []


def test_missing_cell_is_filled_from_the_grid_and_noted() -> None:
    chars = word("ก", 120, 120) + word("ข", 220, 120) + word("ค", 120, 150) + word("ง", 220, 150)
    [table] = find_tables(FakePlumberPage(), text_page(chars, [GRID_2X2[:3]]))
    assert table.grid() == [["ก", "ข"], ["ค", "ง"]]
    assert table.quality.chars_inside == 0.75  # ง was in no ruled cell
    assert table.quality.notes == [
        "1 character outside every cell",
        "1 grid slot without a ruled cell, filled from the grid",
    ]
    assert table.quality.score < 0.75


def test_merged_cell_gets_its_spans() -> None:
    cells: list[Box] = [
        (100, 100, 300, 130),
        (100, 130, 200, 160),
        (200, 130, 300, 160),
        (100, 160, 200, 190),
    ]
    cells.append((200, 160, 300, 190))
    chars = word("หัว", 180, 120) + word("ก", 120, 150) + word("ข", 220, 150)
    [table] = find_tables(FakePlumberPage(), text_page(chars, [cells]))
    assert shape(table) == (3, 2)
    assert spans(table) == [(0, 0, 1, 2, "หัว")]
    assert table.quality.filled_share == pytest.approx(4 / 6, abs=0.001)
    assert_grid_complete(table)


# --- continuation rule, on made-up tables ------------------------------------------------------


def made_table(
    page: int, index: int, top: float, bottom: float, rows: list[list[str]], xs: list[float]
) -> Table:
    height = (bottom - top) / len(rows)
    cells = [
        Cell(r, c, text, text, BBox(xs[c], top + r * height, xs[c + 1], top + (r + 1) * height))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    box = BBox(xs[0], top, xs[-1], bottom)
    return Table(page, index, box, len(rows), len(xs) - 1, cells, TableQuality("lines", 1, 1, 1))


XS = [60.0, 100.0, 400.0, 530.0]
HEAD = ["ลำดับ", "มาตรการ", "ระยะเวลา"]


def test_continuation_with_repeated_header_follows_the_chain() -> None:
    t1 = made_table(1, 0, 400, 780, [HEAD, ["๑", "ก", "ต.ค. ๖๕"]], XS)
    t2 = made_table(2, 0, 60, 790, [HEAD, ["๒", "ข", "ต.ค. ๖๕"]], XS)
    t3 = made_table(3, 0, 60, 300, [[" ลำดับ", "มาตรการ ", "ระยะเวลา"], ["๓", "ค", "ก.ย. ๖๖"]], XS)
    link_continuations([t1, t2, t3])
    assert [t.continues_previous for t in (t1, t2, t3)] == [False, True, True]
    assert [t.header_repeated for t in (t1, t2, t3)] == [False, True, True]


def test_continuation_needs_matching_columns() -> None:
    t1 = made_table(1, 0, 400, 780, [HEAD, ["๑", "ก", "ต.ค. ๖๕"]], XS)
    shifted = made_table(2, 0, 60, 300, [["๒", "ข", "ต.ค. ๖๕"]], [60.0, 200.0, 400.0, 530.0])
    narrower = made_table(2, 0, 60, 300, [["๒", "ข", "ต.ค. ๖๕"]], [80.0, 115.0, 377.5, 491.25])
    link_continuations([t1, shifted])
    assert not shifted.continues_previous
    link_continuations([t1, narrower])  # same relative widths, the page set up differently
    assert narrower.continues_previous and not narrower.header_repeated


def test_no_continuation_after_text_or_from_a_second_table() -> None:
    t1 = made_table(1, 0, 400, 780, [HEAD, ["๑", "ก", "ต.ค. ๖๕"]], XS)
    low = made_table(2, 0, 500, 700, [["๒", "ข", "ต.ค. ๖๕"]], XS)  # far down the page
    link_continuations([t1, low])
    assert not low.continues_previous
    t2 = made_table(2, 0, 60, 200, [["x", "y", "z"], ["x", "y", "z"]], [60.0, 70.0, 80.0, 90.0])
    second = made_table(2, 1, 210, 300, [["๒", "ข", "ต.ค. ๖๕"]], XS)
    link_continuations([t1, t2, second])
    assert not second.continues_previous


def line(text: str, top: float, x0: float = 70.0, x1: float = 500.0) -> Line:
    return Line(text, text, BBox(x0, top, x1, top + 18), ())


def test_continuation_judged_on_the_page_text() -> None:
    t1 = made_table(1, 0, 400, 700, [HEAD, ["๑", "ก", "ต.ค. ๖๕"]], XS)
    t2 = made_table(2, 0, 120, 300, [HEAD, ["๒", "ข", "ต.ค. ๖๕"]], XS)
    page1 = PageText(1, 595, 842, PageKind.TEXT, lines=[line("ย่อหน้า", 300), line("- ๑ -", 810, 280, 310)])
    page2 = PageText(2, 595, 842, PageKind.TEXT, lines=[line("๒", 40, 520, 530), line("ตารางที่ ๑ (ต่อ)", 95)])
    link_continuations([t1, t2], {1: page1, 2: page2})
    assert t2.continues_previous and t2.header_repeated  # page number and "(ต่อ)" caption only
    page2.lines.append(line("ข้อความก่อนตาราง", 70))
    t2.continues_previous = t2.header_repeated = False
    link_continuations([t1, t2], {1: page1, 2: page2})
    assert not t2.continues_previous
    page1.lines.append(line("ข้อความหลังตาราง", 720))
    page2.lines.pop()
    link_continuations([t1, t2], {1: page1, 2: page2})
    assert not t2.continues_previous
