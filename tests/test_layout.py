"""Measures layouts beyond ruled tables: borderless tables, headers mapped as a row, progress
reports, measures written as paragraphs, merged cells.

The PDFs in ``tests/data/layout/`` are made by ``make_layout_pdfs.py`` beside them; expected values
come from the spec each build writes (``<name>.spec.json``), never from the program.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extractors.ita.actions import actions_from_tables
from extractors.ita.headers import assign_fields, field_scores
from extractors.ita.measure_paragraphs import actions_from_paragraphs
from extractors.ita.stitch import header_fields, stitch
from extractors.read import read_document
from pipeline import extract
from schemas import BBox, Cell, Document, Table, TableQuality
from tests.conftest import DATA, real_pdf

LAYOUT = DATA / "layout"


def spec(name: str) -> dict[str, Any]:
    return json.loads((LAYOUT / f"{name}.spec.json").read_text(encoding="utf-8"))


@cache
def read(name: str) -> Document:
    return read_document(LAYOUT / f"{name}.pdf")


def dashes(text: str) -> str:
    """The font draws ``-`` with a hyphen glyph mapped to U+2010 in the text layer."""
    return text.replace("\u2010", "-")


# --- borderless tables -------------------------------------------------------------------------


def test_borderless_table_found_with_its_rows_and_sub_row() -> None:
    want = spec("borderless-measures")
    [table] = read("borderless-measures").tables
    assert table.quality.strategy == "borderless"
    assert table.quality.chars_inside == 1.0
    assert table.quality.score < 1.0  # never trusted like a ruled table
    grid = table.grid()
    assert grid[0] == want["header"]  # the wrapped header cell ประเด็นที่ต้อง/พัฒนา is one cell
    assert len(grid) == 1 + len(want["rows"])
    for got, row in zip(grid[1:], want["rows"], strict=True):
        expected = ["\n".join(v) if isinstance(v, list) else v for v in row]
        assert [dashes(g) for g in got] == expected


def test_borderless_table_leaves_the_prose_and_the_signatures_out() -> None:
    want = spec("borderless-measures")
    document = read("borderless-measures")
    [table] = document.tables
    page = document.pages[0]
    outside = [ln.text for ln in page.lines if not table.box.contains_point(ln.box.x0 + 1, ln.box.top + 1)]
    text = "".join(outside).replace(" ", "")
    assert want["after"].replace(" ", "") in text
    assert all(name.replace(" ", "") in text for row in want["signatures"] for name in row)


def test_borderless_measures_become_actions_with_the_sub_row_inheriting() -> None:
    want = spec("borderless-measures")
    record = extract(LAYOUT / "borderless-measures.pdf")
    assert [a.steps for a in record.actions] == [row[2] for row in want["rows"]]
    assert [a.responsible for a in record.actions] == [[row[3]] for row in want["rows"]]
    assert [dashes(a.period.text or "") for a in record.actions] == [row[4] for row in want["rows"]]
    second = record.actions[1]
    assert second.inherited == ["issue", "measure"] and second.issue == want["rows"][0][0]
    assert all(a.sources["steps"][0].page == 1 and a.sources["steps"][0].box for a in record.actions)


# --- measures as paragraphs --------------------------------------------------------------------


def test_measures_as_paragraphs_become_actions() -> None:
    want = spec("measures-as-paragraphs")["measures"]
    document = read("measures-as-paragraphs")
    assert document.tables == []
    actions = actions_from_paragraphs(document.pages, document.tables, 2567)
    assert [a.measure for a in actions] == [m["heading"] for m in want]
    assert [a.issue for a in actions] == [m["issue"] for m in want]
    assert [a.steps for a in actions] == [m["steps"] for m in want]
    assert [a.responsible for a in actions] == [
        [u.strip() for u in m["responsible"].split("/")] for m in want
    ]
    assert [dashes(a.period.text or "") for a in actions] == [m["period"] for m in want]
    assert [a.follow_up for a in actions] == [m["follow_up"] for m in want]
    assert [a.indicator_numbers for a in actions] == [[9], [10], [4], [1]]
    first = actions[0]
    assert (first.period.start, first.period.end) == (
        __import__("datetime").date(2023, 10, 1),
        __import__("datetime").date(2024, 9, 30),
    )
    assert {s.page for ss in first.sources.values() for s in ss} == {1}
    assert first.sources["period"][0].raw.startswith("ระยะเวลา")  # the label, as printed


def test_paragraph_measures_are_not_counted_twice_beside_a_table() -> None:
    record = extract(LAYOUT / "borderless-measures.pdf")  # a table: its rows are the actions
    assert len(record.actions) == len(spec("borderless-measures")["rows"])


def test_prose_mentioning_a_measure_is_not_one() -> None:
    document = read("borderless-measures")  # มาตรการ in prose, no heading followed by labels
    assert actions_from_paragraphs(document.pages, [], 2567) == []


# --- headers by the words they contain ---------------------------------------------------------

#: Every header wording ITA_VARIATION.md lists, with the field a measures table gives it.
WORDINGS = {
    "มาตรการ": "measure",
    "มาตรการ/แนวทาง": "measure",
    "มาตรการ/แนวทางการดำเนินการ": "measure",
    "มาตรการ/ขั้นตอน/วิธีการปฏิบัติ": "steps",
    "ขั้นตอน/วิธีการ": "steps",
    "วิธีการดำเนินการ": "steps",
    "แนวทางปฏิบัติ": "measure",  # alone; the steps beside a measure column (below)
    "การดำเนินการ": "steps",  # alone; results beside a steps column (below)
    "การดำเนินการ/รายงาน": "results",
    "ผลการดำเนินการ": "results",
    "ผู้รับผิดชอบ": "responsible",
    "หน่วยงานรับผิดชอบ": "responsible",
    "หน่วยงานที่รับผิดชอบ": "responsible",
    "ระยะเวลา": "period",
    "ระยะเวลาดำเนินการ": "period",
    "ช่วงเวลา": "period",
    "การติดตามผล": "follow_up",
    "ตัวชี้วัด/การติดตามผล": "follow_up",
    "การกำกับติดตาม": "follow_up",
    "ประเด็นที่ต้องปรับปรุง": "issue",
    "ประเด็นที่ต้องพัฒนา": "issue",
    "ประเด็นปัญหา": "issue",
    "ข้อเสนอแนะ": "issue",
    "ลำดับ": "seq",
    "ที่": "seq",
}


@pytest.mark.parametrize("wording", list(WORDINGS))
def test_every_header_wording_seen_maps(wording: str) -> None:
    assert field_scores(wording), wording
    assert assign_fields([wording]) == [WORDINGS[wording]]


def test_a_header_naming_two_things_takes_the_one_the_table_lacks() -> None:
    assert header_fields(["มาตรการ", "ขั้นตอน/วิธีการ", "ตัวชี้วัด/การติดตามผล", "ระยะเวลา"]) == [
        "measure",
        "steps",
        "follow_up",
        "period",
    ]
    assert header_fields(["ตัวชี้วัด/การติดตามผล", "มาตรการ", "ผู้รับผิดชอบ", "การติดตามผล"]) == [
        "issue",
        "measure",
        "responsible",
        "follow_up",
    ]
    assert header_fields(["มาตรการ", "วิธีการดำเนินการ", "การดำเนินการ", "ระยะเวลา"]) == [
        "measure",
        "steps",
        "results",
        "period",
    ]
    assert header_fields(["มาตรการ/ขั้นตอน/วิธีการปฏิบัติ", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ"]) == [
        "measure",
        "steps",
        "responsible",
    ]


def _table(page: int, rows: list[list[str]], spans: dict[tuple[int, int], int] | None = None) -> Table:
    spans = spans or {}
    covered = {(r + k, c) for (r, c), n in spans.items() for k in range(1, n)}
    cells = [
        Cell(r, c, text, text, BBox(c * 100, 100 + r * 50, c * 100 + 100, 150 + r * 50), spans.get((r, c), 1))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if (r, c) not in covered
    ]
    box = BBox(0, 100, 100 * len(rows[0]), 100 + 50 * len(rows))
    return Table(page, 0, box, len(rows), len(rows[0]), cells, TableQuality("lines", 1.0, 1.0, 1.0))


def test_a_progress_report_after_the_measures_adds_no_actions() -> None:
    measures = _table(3, [["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ"], ["ก", "๑. ข", "กองคลัง"]])
    report = _table(4, [["มาตรการ", "ผลการดำเนินงาน รอบ ๖ เดือน", "สถานะ"], ["ก", "ดำเนินการแล้ว", "แล้วเสร็จ"]])
    tables = stitch([measures, report])
    assert [t.kind for t in tables] == ["measures", "report"]
    assert [a.measure for a in actions_from_tables(tables, 2567)] == ["ก"]


# --- merged cells ------------------------------------------------------------------------------

HEAD = ["ประเด็นที่ต้องพัฒนา", "มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"]


def test_an_issue_merged_down_three_rows_is_each_rows_issue() -> None:
    rows = [HEAD, ["ตัวชี้วัดที่ ๙", "ก", "กองคลัง", "ไตรมาสที่ ๑"], ["", "ข", "กองช่าง", "ไตรมาสที่ ๒"]]
    rows.append(["", "ค", "สำนักปลัด", "ไตรมาสที่ ๓"])
    actions = actions_from_tables(stitch([_table(2, rows, {(1, 0): 3})]), 2567)
    assert [(a.issue, a.measure, a.inherited) for a in actions] == [
        ("ตัวชี้วัดที่ ๙", "ก", []),
        ("ตัวชี้วัดที่ ๙", "ข", ["issue"]),
        ("ตัวชี้วัดที่ ๙", "ค", ["issue"]),
    ]
    assert [a.indicator_numbers for a in actions] == [[9], [9], [9]]


def test_a_merge_that_goes_on_over_the_page_break_looks_empty_there() -> None:
    first = _table(2, [HEAD, ["ตัวชี้วัดที่ ๙", "ก", "กองคลัง", "ไตรมาสที่ ๑"]])
    second = _table(3, [["", "ข", "กองช่าง", "ไตรมาสที่ ๒"], ["", "ค", "สำนักปลัด", "ไตรมาสที่ ๓"]])
    second.continues_previous = True
    actions = actions_from_tables(stitch([first, second]), 2567)
    assert [(a.issue, a.measure, a.page) for a in actions] == [
        ("ตัวชี้วัดที่ ๙", "ก", 2),
        ("ตัวชี้วัดที่ ๙", "ข", 3),
        ("ตัวชี้วัดที่ ๙", "ค", 3),
    ]
    assert [a.inherited for a in actions] == [[], ["issue"], ["issue"]]


def test_samples_have_no_borderless_tables() -> None:
    for name in ("santipatong-2565", "wangphai-2566", "variant-two-years"):
        path = Path(__file__).resolve().parent.parent / "samples" / f"{name}.pdf"
        if path.exists():
            assert all(t.quality.strategy != "borderless" for t in read_document(path).tables), name


@pytest.mark.parametrize(
    "name",
    [
        "itext-royal-gazette-ethics-code.pdf",
        "word2007-procurement-analysis-2562.pdf",
        "word2007-procurement-measures-announcement.pdf",
        "word2007-procurement-staff-guideline-2563.pdf",
        "word-pdfmaker-thai-distributed-ethics-code.pdf",
        "notita-anti-bribery-measures-followup-2567.pdf",
    ],
)
def test_real_prose_and_numbered_lists_give_no_borderless_tables(name: str) -> None:
    document = read_document(real_pdf(name))
    assert [t.page for t in document.tables if t.quality.strategy == "borderless"] == []


def test_borderless_table_goes_on_over_the_page_without_its_header() -> None:
    want = spec("borderless-over-two-pages")
    document = read("borderless-over-two-pages")
    first, second = document.tables
    assert (first.page, second.page) == (1, 2)
    assert second.continues_previous and not second.header_repeated
    assert second.quality.strategy == "borderless"
    record = extract(LAYOUT / "borderless-over-two-pages.pdf")
    assert [a.measure for a in record.actions] == [row[0] for row in want["rows"]]
    assert [a.steps for a in record.actions] == [row[1] for row in want["rows"]]
    assert [a.responsible for a in record.actions] == [[row[2]] for row in want["rows"]]
    assert [dashes(a.period.text or "") for a in record.actions] == [row[3] for row in want["rows"]]
    assert {a.page for a in record.actions} == {1, 2}


def test_a_header_starting_with_a_score_wording_is_no_score_column() -> None:
    # ผลการประเมินรายตัวชี้วัด holds the assessment in words (its scores are read as prose there)
    fields = header_fields(["ผลการประเมินรายตัวชี้วัด", "มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"])
    assert fields == [None, "measure", "responsible", "period"]
    assert header_fields(["ลำดับ", "แนวทางปฏิบัติ", "ขั้นตอน/วิธีการ", "ระยะเวลา"]) == [
        "seq",
        "measure",
        "steps",
        "period",
    ]


def test_a_running_header_on_every_page_does_not_stop_a_table_continuing() -> None:
    from extractors.pdf.tables import link_continuations
    from schemas import Line, PageKind, PageText, Word

    def page(number: int) -> PageText:
        box = BBox(200, 40, 400, 70)  # below the top 7 % of the page: not furniture by place alone
        head = Line("รายงานการวิเคราะห์ผลการประเมิน ITA", "", box, (Word("x", "x", box),))
        return PageText(number, 595, 842, PageKind.TEXT, lines=[head])

    rows = [["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"], ["ก", "กองคลัง", "ไตรมาสที่ ๑"]]
    first, second = _table(1, rows), _table(2, rows)
    first.box, second.box = BBox(0, 100, 300, 800), BBox(0, 80, 300, 300)
    link_continuations([first, second], {1: page(1), 2: page(2)})
    assert second.continues_previous and second.header_repeated


def _line(top: float, *cells: tuple[float, str]) -> Any:
    from schemas import Line, Word

    words = tuple(Word(t, t, BBox(x, top, x + 12 * len(t) / 2, top + 14)) for x, t in cells)
    box = BBox(words[0].box.x0, top, words[-1].box.x1, top + 14)
    return Line(" ".join(t for _x, t in cells), "", box, words)


def test_a_borderless_table_whose_first_row_shows_one_line_at_the_page_foot_is_found() -> None:
    from extractors.ita.headers import names_field
    from extractors.pdf.borderless import find_borderless
    from schemas import PageKind, PageText

    header = _line(700, (80, "มาตรการ"), (200, "ขั้นตอน"), (320, "ผู้รับผิดชอบ"), (440, "ระยะเวลา"))
    first = _line(722, (80, "๑. มาตรการส่ง"), (200, "๑. จัดทำ"), (320, "กองคลัง"), (440, "รอบ ๖"))
    number = _line(800, (290, "- ๒ -"))
    prose = _line(760, (80, "ข้อความต่อท้ายตารางยาวพอที่จะข้ามทุกช่องของตารางไปจนสุดหน้ากระดาษ"))

    def tables(lines: list[Any]) -> list[Table]:
        page = PageText(1, 595, 842, PageKind.TEXT, lines=lines)
        return find_borderless(page, lines, names_field, 14.0)

    [table] = tables([header, first, number])  # only the page number below: the row goes on overleaf
    assert (table.n_rows, table.n_cols) == (2, 4)
    assert tables([header, first, prose, number]) == []  # one line with prose after it is no table


def _page_of(number: int, texts: list[tuple[float, str]], bold: tuple[str, ...] = ()) -> Any:
    from schemas import Char, PageKind, PageText

    lines = [_line(top, (80, text)) for top, text in texts]
    chars = [
        Char(
            ch,
            ch,
            BBox(line.box.x0 + 6 * k, line.box.top, line.box.x0 + 6 * (k + 1), line.box.bottom),
            line.box.bottom - 3,
            line.box.x0 + 6 * k,
            "THSarabun-Bold" if line.text in bold else "THSarabun",
            14,
        )
        for line in lines
        for k, ch in enumerate(line.text)
    ]
    return PageText(number, 595, 842, PageKind.TEXT, lines=lines, chars=chars)


def test_a_measure_under_a_section_title_goes_on_past_the_page_break() -> None:
    title = "2. แนวทางและมาตรการในการยกระดับผลการประเมิน"  # bold and numbered: a heading's look
    one = _page_of(
        1,
        [
            (60, "รายงานผลการวิเคราะห์ ITA"),
            (500, title),
            (530, "มาตรการที่ 1 พัฒนาคุณภาพการดำเนินงาน"),
            (560, "วิธีการดำเนินการ:"),
            (590, "(1) จัดทำคู่มือ"),
            (620, "ผู้รับผิดชอบ: กองคลัง"),
            (800, "- ๑ -"),
        ],
        bold=(title,),
    )
    two = _page_of(
        2,
        [
            (60, "รายงานผลการวิเคราะห์ ITA"),
            (80, "- ๒ -"),
            (100, "ระยะเวลา: ไตรมาสที่ 3"),
            (130, "การติดตามผล: ติดตามผลโดยคณะทำงาน ITA"),
        ],
    )
    [action] = actions_from_paragraphs([one, two], [], 2566)
    assert action.measure == "มาตรการที่ 1 พัฒนาคุณภาพการดำเนินงาน"
    assert action.responsible == ["กองคลัง"]
    assert (action.period.text, str(action.period.start), str(action.period.end)) == (
        "ไตรมาสที่ 3",
        "2023-04-01",
        "2023-06-30",
    )
    assert action.follow_up == "ติดตามผลโดยคณะทำงาน ITA"


def test_a_repeated_header_over_the_rest_of_one_cell_is_a_continued_part() -> None:
    from extractors.pdf.borderless import continuation
    from schemas import PageKind, PageText

    xs = [80.0, 200.0, 320.0, 440.0]
    names = ["มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา"]
    quality = TableQuality("borderless", 0.8, 1.0, 1.0, [])
    cells = [
        Cell(0, c, t, t, BBox(x, 600, [*xs, 560.0][c + 1], 620))
        for c, (x, t) in enumerate(zip(xs, names, strict=True))
    ]
    previous = Table(1, 0, BBox(80, 600, 560, 780), 2, 4, cells, quality)
    lines = [
        _line(60, *zip(xs, names, strict=True)),
        _line(84, (200, "ครุภัณฑ์")),  # the rest of a step cut by the page break
        _line(104, (200, "(๓) เผยแพร่")),
    ]
    page = PageText(2, 595, 842, PageKind.TEXT, lines=lines)
    mixed = continuation(previous, page, lines, 14.0)  # the header unknown: read as the cell's rest
    assert mixed is not None and mixed.n_rows == 1
    found = continuation(previous, page, lines, 14.0, names)
    assert found is not None and found.n_rows == 2  # the header repeated, then the cell's rest
    [box] = {c.box for c in found.cells if c.row == 0 and c.col == 1}
    assert box is not None and box.bottom < 84 < found.box.bottom


def test_the_rest_of_a_cell_under_a_repeated_header_is_no_header_line() -> None:
    from extractors.ita.headers import names_field
    from extractors.pdf.borderless import find_borderless
    from schemas import PageKind, PageText

    header = _line(60, (100, "มาตรการ"), (230, "ขั้นตอน"), (350, "ผู้รับผิดชอบ"), (470, "ระยะเวลา"))
    tail = _line(80, (467, "ดำเนินการ"))  # centred under ระยะเวลา: the header cell wraps
    rest = _line(100, (200, "ครุภัณฑ์"))  # at the column's left edge: a data cell's rest
    row = _line(122, (80, "มาตรการส่ง"), (200, "(๑) จัดทำ"), (320, "กองคลัง"), (440, "รอบ ๖"))
    lines = [header, tail, rest, row]
    page = PageText(2, 595, 842, PageKind.TEXT, lines=lines)
    [table] = find_borderless(page, lines, names_field, 14.0)
    [head_box] = {c.box for c in table.cells if c.row == 0 and c.col == 3}
    assert head_box is not None and 80 < head_box.bottom < 100  # the header ends above the rest


def test_a_borderless_table_goes_on_over_a_page_its_alignment_was_guessed_on() -> None:
    from extractors.pdf.tables import continue_borderless
    from schemas import PageKind, PageText

    xs = [80.0, 200.0, 320.0, 440.0]
    names = ["มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา"]
    cells = [
        Cell(0, c, t, t, BBox(x, 600, [*xs, 560.0][c + 1], 620))
        for c, (x, t) in enumerate(zip(xs, names, strict=True))
    ]
    first = Table(1, 0, BBox(80, 600, 560, 780), 2, 4, cells, TableQuality("borderless", 0.8, 1.0, 1.0, []))
    lines = [
        _line(60, (200, "(๒) ทบทวน"), (320, "กองคลัง")),
        _line(80, (200, "(๓) ติดตาม")),
        _line(104, (80, "มาตรการใหม่"), (200, "(๑) จัดทำ"), (320, "สำนักปลัด"), (440, "รอบ ๖")),
        _line(124, (80, "เพิ่มเติม"), (200, "คู่มือ")),
    ]
    guess = Table(2, 0, BBox(80, 100, 560, 140), 2, 4, [], TableQuality("text", 0.5, 1.0, 1.0, []))
    pages = {1: PageText(1, 595, 842, PageKind.TEXT), 2: PageText(2, 595, 842, PageKind.TEXT, lines=lines)}
    out = continue_borderless([first, guess], pages)
    assert guess not in out  # the columns of the table above read the page, not a guess
    [rest] = [t for t in out if t.page == 2]
    assert rest.quality.strategy == "borderless" and rest.box.top < 60 and rest.box.bottom > 124
