"""Borderless tables over page breaks, on made-up geometry: a header alone at the foot of a page,
a data row whose cells name columns at the top of the next, a running line told from a cell's
wrapped word, a table going on past an empty page, merged key cells of a numbered table cut by
the break, and a measure paragraph's short wrapped line.

Every page is drawn here: characters 6 points wide, lines 20 points apart, 14-point text.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.ita.headers import names_field
from extractors.ita.measure_paragraphs import find_measures
from extractors.ita.stitch import stitch
from extractors.pdf.borderless import find_borderless, header_only
from extractors.pdf.tables import continue_borderless, link_continuations, running_lines
from schemas import BBox, Cell, Char, Line, PageKind, PageText, Table, TableQuality, Word

SIZE = 14.0
#: Four columns: issue, measure, responsible, period.
XS = (80.0, 200.0, 330.0, 450.0)


def _page(number: int, rows: Sequence[tuple[float, Sequence[tuple[float, str]]]]) -> PageText:
    """A text page whose lines stand at these baselines, each with its words at their x."""
    chars: list[Char] = []
    lines: list[Line] = []
    for baseline, cells in rows:
        words: list[Word] = []
        for x, text in cells:
            for part in text.split(" "):
                box = BBox(x, baseline - SIZE, x + 6 * len(part), baseline + 4)
                for i, ch in enumerate(part):
                    left = x + 6 * i
                    ink = BBox(left, box.top, left + 6, box.bottom)
                    chars.append(Char(ch, ch, ink, baseline, left, "F", SIZE))
                words.append(Word(part, part, box))
                x = box.x1 + 3  # a word space, narrower than a gutter
        box = BBox(min(w.box.x0 for w in words), baseline - SIZE, max(w.box.x1 for w in words), baseline + 4)
        lines.append(Line(" ".join(w.text for w in words), "", box, tuple(words)))
    return PageText(number, 595, 842, PageKind.TEXT, lines=lines, chars=chars)


HEADER = (XS[0], "ประเด็น"), (XS[1], "มาตรการ"), (XS[2], "ผู้รับผิดชอบ"), (XS[3], "ระยะเวลา")


def _found(page: PageText) -> list[Table]:
    return find_borderless(page, page.lines, names_field, SIZE)


def _grid(table: Table) -> list[list[str]]:
    """The table's cell texts, row by row, spaces and line breaks left out."""
    cells = sorted(table.cells, key=lambda c: c.col)
    return [["".join(c.text.split()) for c in cells if c.row == r] for r in range(table.n_rows)]


def test_a_header_alone_at_the_foot_of_a_page_takes_its_rows_from_the_next() -> None:
    page1 = _page(1, [(100, [(80, "ผลการประเมิน")]), (770, HEADER)])
    page2 = _page(
        2,
        [
            (90, [(XS[0], "ตัวชี้วัดที่ 1"), (XS[1], "1. ทบทวน"), (XS[2], "สำนักปลัด"), (XS[3], "ต่อเนื่อง")]),
            (110, [(XS[0], "การปฏิบัติ"), (XS[1], "การให้บริการ")]),
            (130, [(XS[1], "1. สรุปผล"), (XS[2], "กองคลัง"), (XS[3], "ทุกไตรมาส")]),
        ],
    )
    head = _found(page1)
    assert len(head) == 1 and header_only(head[0]) and head[0].n_rows == 1
    assert not _found(page2)  # no header of its own: its rows are the table's above
    tables = continue_borderless(head, {1: page1, 2: page2})
    tables[1].index = 0  # first on its page (the reader renumbers)
    link_continuations(tables, {1: page1, 2: page2})
    assert [t.page for t in tables] == [1, 2]
    assert not header_only(tables[0]) and _grid(tables[0]) == [["ประเด็น", "มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"]]
    rows = tables[1]
    assert rows.continues_previous and rows.quality.strategy == "borderless"
    assert _grid(rows) == [
        ["ตัวชี้วัดที่1การปฏิบัติ", "1.ทบทวนการให้บริการ", "สำนักปลัด", "ต่อเนื่อง"],
        ["", "1.สรุปผล", "กองคลัง", "ทุกไตรมาส"],
    ]


def test_a_header_at_the_foot_with_no_rows_after_it_is_no_table() -> None:
    page1 = _page(1, [(770, HEADER)])
    page2 = _page(2, [(90, [(80, "บทสรุปของการวิเคราะห์ผลการประเมินทั้งหมดที่ได้กล่าวมาแล้วข้างต้น")])])
    assert len(_found(page1)) == 1
    assert continue_borderless(_found(page1), {1: page1, 2: page2}) == []


def test_a_data_row_naming_columns_at_the_top_of_a_page_is_a_row_of_the_table_above() -> None:
    body1 = [
        (600, HEADER),
        (620, [(XS[0], "ตัวชี้วัดที่ 8"), (XS[1], "1. รณรงค์"), (XS[2], "งานพัสดุ"), (XS[3], "ตลอดปี")]),
        (640, [(XS[0], "การปรับปรุง"), (XS[1], "สร้างความเข้าใจ")]),
        (660, [(XS[1], "1. ตรวจสอบ"), (XS[2], "กองการศึกษา"), (XS[3], "เมษายน")]),
        (680, [(XS[1], "รายงานผล")]),
        (700, [(XS[1], "ของประชาชน")]),
    ]
    page1 = _page(1, body1)
    row = [(XS[0], "ตัวชี้วัดที่ 2"), (XS[1], "2. มาตรการ"), (XS[2], "กองคลัง"), (XS[3], "ตลอดปี")]
    wrapped = [(XS[0], "การใช้งบ"), (XS[1], "เสริมสร้าง")]
    page2 = _page(2, [(90, row), (110, wrapped), (130, [(XS[1], "ความโปร่งใส")])])
    first, second = _found(page1), _found(page2)
    assert len(first) == 1 and len(second) == 1  # the row's cells name columns: read as a header
    tables = continue_borderless([*first, *second], {1: page1, 2: page2})
    on_page2 = [t for t in tables if t.page == 2]
    assert len(on_page2) == 1
    assert _grid(on_page2[0])[0] == ["ตัวชี้วัดที่2การใช้งบ", "2.มาตรการเสริมสร้างความโปร่งใส", "กองคลัง", "ตลอดปี"]


def test_a_running_line_stands_at_the_same_height_on_every_page() -> None:
    pages = {
        1: _page(1, [(40, [(200, "รายงานผล ITA")]), (800, [(XS[1], "ครุภัณฑ์")])]),
        2: _page(2, [(40, [(200, "รายงานผล ITA")]), (90, [(XS[1], "ครุภัณฑ์")])]),
    }
    assert running_lines(pages) == frozenset({"รายงานผล ITA"})


def _ruled(page: int) -> Table:
    """A ruled 2 x 2 table, at the foot of page 1 or at the top of a later page."""
    top = 600 if page == 1 else 60
    cells = [
        Cell(r, c, f"{r}{c}", f"{r}{c}", BBox(100 + 100 * c, top + 30 * r, 200 + 100 * c, top + 30 + 30 * r))
        for r in range(2)
        for c in range(2)
    ]
    return Table(page, 0, BBox(100, top, 300, top + 60), 2, 2, cells, TableQuality("lines", 1.0, 1.0, 1.0))


def test_a_table_goes_on_past_an_empty_page() -> None:
    blank = PageText(2, 595, 842, PageKind.EMPTY)
    tables = [_ruled(1), _ruled(3)]
    link_continuations(tables, {1: _page(1, []), 2: blank, 3: _page(3, [])})
    assert tables[1].continues_previous
    tables = [_ruled(1), _ruled(3)]
    link_continuations(tables, {1: _page(1, []), 2: _page(2, [(300, [(80, "ภาคผนวก")])]), 3: _page(3, [])})
    assert not tables[1].continues_previous  # a page with text in between breaks the chain


def _measures(page: int, rows: Sequence[Sequence[tuple[int, str, int]]]) -> Table:
    """A ruled measures table (ลำดับ, ประเด็น, มาตรการ, วิธีการดำเนินการ) with a repeated header;
    each row's cells as (column, text, rowspan)."""
    cells = [Cell(0, c, t, t, BBox(100 * c, 0, 100 * c + 100, 20)) for c, t in enumerate(HEAD4)]
    for r, row in enumerate(rows, start=1):
        for c, t, span in row:
            cells.append(Cell(r, c, t, t, BBox(100 * c, 20 * r, 100 * c + 100, 20 * (r + span)), span))
    n_rows = len(rows) + 1
    quality = TableQuality("lines", 1.0, 1.0, 1.0)
    return Table(page, 0, BBox(0, 0, 400, 20 * n_rows), n_rows, 4, cells, quality)


HEAD4 = ("ลำดับ", "ประเด็น", "มาตรการ", "วิธีการดำเนินการ")


def test_a_numbered_table_carries_its_merged_key_cells_over_the_break() -> None:
    """The groups are numbered (ลำดับ); a merged issue and measure cell cut by the page break goes
    on at the top of the next page in a row with no number: the rest of both cells, for the two
    rows the part covers."""
    page1 = _measures(
        1,
        [
            [(0, "๑", 1), (1, "ตัวชี้วัดที่ ๓ การใช้อำนาจ", 1), (2, "มาตรการกำกับ", 1), (3, "(๑) จัดทำ", 1)],
            [(0, "๒", 1), (1, "ตัวชี้วัดที่ ๗ ประสิทธิภาพการ", 1), (2, "มาตรการเพิ่มการ", 1), (3, "(๑) สำรวจ", 1)],
        ],
    )
    page2 = _measures(
        2,
        [
            [(0, "", 2), (1, "สื่อสาร", 2), (2, "สื่อสารกับประชาชน", 2), (3, "(๑) ประกาศ", 1)],
            [(3, "(๑) ติดตาม", 1)],
            [(0, "๓", 1), (1, "ตัวชี้วัดที่ ๒ การใช้งบ", 1), (2, "มาตรการเสริม", 1), (3, "(๑) เผยแพร่", 1)],
        ],
    )
    page2.continues_previous = page2.header_repeated = True
    (logical,) = stitch([page1, page2])
    issues = [r.texts.get(1, "") for r in logical.rows]
    measures = [r.texts.get(2, "") for r in logical.rows]
    assert issues[1] == "ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร"
    assert measures[1] == "มาตรการเพิ่มการสื่อสารกับประชาชน"
    assert issues[2] == "" and measures[2] == ""  # the rest went to the row above; this row inherits
    assert issues[3] == "ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร"  # the part covered it: the whole cell
    assert issues[4] == "ตัวชี้วัดที่ ๒ การใช้งบ"


def _ink_line(top: float, bottom: float, x: float, text: str) -> Line:
    box = BBox(x, top, x + 6 * len(text), bottom)
    return Line(text, text, box, (Word(text, text, box),))


def test_a_short_wrapped_line_without_tall_marks_stays_in_its_measure() -> None:
    """``งาน``, the end of a wrapped step, has a low ink box: the gap above it looks wide against its
    own height, not against the text's line height, and the measure goes on to its other fields."""
    lines = [
        _ink_line(390, 415, 77, "มาตรการที่ 3 ส่งเสริมการปรับปรุงระบบการทำงาน"),
        _ink_line(421, 437, 77, "วิธีการดำเนินการ:"),
        _ink_line(448, 466, 112, "(1) บันทึกและจัดเก็บกระบวนงาน"),
        _ink_line(476, 493, 112, "(2) เผยแพร่ประชาสัมพันธ์กระบวน"),
        _ink_line(508, 520, 126, "งาน"),  # 15 points below a 17-point line; its own box is 12 high
        _ink_line(528, 553, 77, "ผู้รับผิดชอบ: กองคลัง"),
        _ink_line(559, 575, 77, "ระยะเวลา: รอบ 6 เดือน"),
    ]
    page = PageText(2, 595, 842, PageKind.TEXT, lines=lines)
    (measure,) = find_measures([page], [])
    assert set(measure.lines) == {"steps", "responsible", "period"}
    assert [text for _p, _l, text in measure.lines["steps"]][-1] == "งาน"
