"""Action rows on scanned pages: what OCR does to a measures table (word boxes that reach past their
ink, words lost on a row's first line, a header's last wrapped line read apart, a title band drawn on
a table's top ruling, a signature read as a line under the table) must not add, lose or split rows.
"""

from __future__ import annotations

import numpy as np
import pytest

from extractors.ita.actions import actions_from_tables
from extractors.ita.measure_paragraphs import find_measures
from extractors.ita.stitch import stitch
from extractors.ocr.geometry import lift_solids
from extractors.ocr.image_grid import find_grids
from extractors.ocr.raster import binarise
from extractors.ocr.rows import scan_borderless, visual_lines
from schemas import BBox, Cell, Line, PageKind, PageText, Table, TableQuality, Word

COLUMNS = (60.0, 200.0, 330.0, 424.0)  #: "ผู้รับผิดชอบ" ends 10 pt before "ระยะเวลา"
HEADER = ("มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา")


def _names(text: str) -> bool:
    return any(name in text for name in (*HEADER, "รับผิด", "ชอบ"))


def _row_line(top: float, cells: dict[int, str], conf: float = 0.9) -> Line:
    """A visual line with a word in some columns, each word 7 pt per character wide."""
    words = []
    for col, text in sorted(cells.items()):
        x = COLUMNS[col]
        words.append(Word(text, text, BBox(x, top, x + 7.0 * len(text), top + 15.0), conf))
    box = BBox(words[0].box.x0, top, words[-1].box.x1, top + 15.0)
    text = " ".join(w.text for w in words)
    return Line(text, text, box, tuple(words), confidence=conf)


def _page(lines: list[Line], number: int = 1) -> PageText:
    return PageText(number, 595.0, 842.0, PageKind.SCANNED, lines=lines)


def _measures_rows(top: float = 100.0) -> list[Line]:
    """A header and three rows: each row's measure and steps wrap onto a second line."""
    lines = [_row_line(top, dict(enumerate(HEADER)))]
    y = top + 30.0
    rows = [("(1) อบรม", "กองคลัง", "ต.ค. 67"), ("(1) ประชุม", "กองช่าง", "ม.ค. 68")]
    for n, (steps, unit, period) in enumerate([*rows, ("(1) ประกาศ", "สำนักปลัด", "ก.ย. 68")], start=1):
        lines.append(_row_line(y, {0: f"{n}. มาตรการ", 1: steps, 2: unit, 3: period}))
        lines.append(_row_line(y + 18.0, {0: "ส่งเสริม", 1: "ให้ความรู้"}))
        y += 48.0
    return lines


def _widen(line: Line, index: int, left: float = 0.0, right: float = 0.0) -> Line:
    """``line`` with its ``index``-th word's box reaching ``left`` / ``right`` points past its ink."""
    words = list(line.words)
    w = words[index]
    box = BBox(w.box.x0 - left, w.box.top, w.box.x1 + right, w.box.bottom)
    words[index] = Word(w.text, w.raw, box, w.confidence)
    return Line(line.text, line.raw, line.box, tuple(words), confidence=line.confidence)


def _actions(tables: list[Table]) -> list:  # type: ignore[type-arg]
    return actions_from_tables(stitch(tables), 2568)


def test_a_word_box_reaching_into_a_gutter_does_not_end_the_table() -> None:
    lines = _measures_rows()
    lines[3] = _widen(lines[3], 3, left=8.0)  # "ม.ค. 68"'s box reaches 8 pt left of its ink
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1 and tables[0].n_cols == 4
    actions = _actions(tables)
    assert [a.period.text for a in actions] == ["ต.ค. 67", "ม.ค. 68", "ก.ย. 68"]
    assert actions[1].steps == ["(1) ประชุม ให้ความรู้"]


def test_a_line_crossing_a_gutter_by_most_of_a_word_still_ends_the_table() -> None:
    lines = _measures_rows()
    crossing = Word("ข้อความยาวข้ามคอลัมน์", "", BBox(150.0, 400.0, 320.0, 415.0), 0.9)
    lines.append(Line(crossing.text, crossing.text, crossing.box, (crossing,), confidence=0.9))
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1 and tables[0].box.bottom < 400.0


def test_header_cells_closed_up_by_their_boxes_are_two_columns_when_the_rows_say_so() -> None:
    lines = _measures_rows()
    # "ผู้รับผิดชอบ" and "ระยะเวลา": their boxes reach towards each other, leaving 2 pt between them
    gap = COLUMNS[3] - (COLUMNS[2] + 7.0 * len(HEADER[2]))
    lines[0] = _widen(_widen(lines[0], 2, right=gap / 2 - 1.0), 3, left=gap / 2 - 1.0)
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1 and tables[0].n_cols == 4
    assert [a.responsible for a in _actions(tables)] == [["กองคลัง"], ["กองช่าง"], ["สำนักปลัด"]]


def _ocr_table(rows: list[list[str]], page: int = 1, strategy: str = "borderless") -> Table:
    cells = [
        Cell(r, c, text, text, BBox(x, 100.0 + 20 * r, x + 100, 120.0 + 20 * r), confidence=0.9)
        for r, row in enumerate(rows)
        for c, (x, text) in enumerate(zip(COLUMNS, row, strict=True))
    ]
    box = BBox(COLUMNS[0], 100.0, COLUMNS[-1] + 100, 100.0 + 20 * len(rows))
    quality = TableQuality(strategy, 0.8, 1.0, 1.0, ["read by OCR"])
    return Table(page, 0, box, len(rows), len(rows[0]), cells, quality)


def test_a_row_opened_by_a_word_ocr_lost_is_joined_to_the_row_above() -> None:
    table = _ocr_table(
        [
            list(HEADER),
            ["๒. มาตรการ", "(๑) ประกาศหลักเกณฑ์", "ฝ่ายบริหาร", ""],  # OCR lost the period's first line
            ["พัฒนาคุณภาพ", "เรื่องระยะเวลา", "งานบุคคล", "มิถุนายน ๒๕๖๓"],
            ["", "(๑) อบรมให้ความรู้", "ฝ่ายบริหาร", "เม.ย. ๖๓"],  # a sub-row: a list begun anew
        ]
    )
    actions = _actions([table])
    assert len(actions) == 2
    assert actions[0].steps == ["(๑) ประกาศหลักเกณฑ์เรื่องระยะเวลา"]  # a wrap joins Thai without a space
    assert actions[1].inherited == ["measure"] and actions[1].period.text == "เม.ย. ๖๓"


def test_rows_of_a_text_layer_table_are_not_joined() -> None:
    table = _ocr_table(
        [list(HEADER), ["๒. มาตรการ", "(๑) ประกาศ", "ฝ่ายบริหาร", ""], ["พัฒนา", "เรื่อง", "งานบุคคล", "มิ.ย. 68"]]
    )
    table = Table(
        table.page,
        0,
        table.box,
        table.n_rows,
        table.n_cols,
        [Cell(c.row, c.col, c.text, c.raw, c.box) for c in table.cells],
        table.quality,
    )
    assert len(_actions([table])) == 2


def test_the_header_s_last_wrapped_line_read_apart_is_no_action() -> None:
    table = _ocr_table(
        [
            ["มาตรการ", "ขั้นตอน", "หน่วยงาน ที่รับผิด", "ระยะเวลา"],
            ["", "", "ชอบ", ""],
            ["1. มาตรการ", "(1) อบรม", "กองคลัง", "ต.ค. 67"],
        ]
    )
    (logical,) = stitch([table])
    assert logical.fields == ["measure", "steps", "responsible", "period"]
    assert len(_actions([table])) == 1


def test_a_scanned_table_goes_on_under_its_repeated_header_past_a_scribble() -> None:
    first = _ocr_table([list(HEADER), ["1. มาตรการ", "(1) อบรม", "กองคลัง", "ต.ค. 67"]], strategy="lines")
    second = ["2. มาตรการ", "(1) ประชุม", "กองช่าง", "ม.ค. 68"]
    rest = _ocr_table([list(HEADER), ["", "ให้ความรู้", "", ""], second], 2, "lines")
    assert not rest.continues_previous  # the page break was not seen (a line read under the table)
    actions = _actions([first, rest])
    assert len(actions) == 2 and actions[0].pages == [1, 2]


def test_a_measure_heading_keeps_its_number_when_ocr_lost_the_tone_mark() -> None:
    lines = [
        _row_line(100.0, {0: "มาตรการที 3 ส่งเสริมการปรับปรุง"}),
        _row_line(120.0, {0: "วิธีการดำเนินการ"}),
        _row_line(140.0, {0: "(1) ตรวจสอบและรายงาน"}),
        _row_line(160.0, {0: "ผู้รับผิดชอบ: กองคลัง"}),
    ]
    measures = find_measures([_page(lines)], [])
    assert [m.heading[1].text for m in measures] == ["มาตรการที 3 ส่งเสริมการปรับปรุง"]


@pytest.mark.parametrize("band", [40, 70])
def test_a_title_band_on_a_table_s_top_ruling_leaves_the_header_row(band: int) -> None:
    page = np.full((600, 900), 235, np.uint8)
    page[60:110, 40:860] = band  # the slide's title band, drawn down to the table's top ruling
    page[108:111, 40:860] = 20  # the top ruling, under the band's edge
    for y in (160, 260, 360):
        page[y : y + 2, 40:860] = 20
    for x in (40, 300, 600, 858):
        page[108:362, x : x + 2] = 20
    for x0 in (60, 320, 620):  # header words and row words
        page[125:145, x0 : x0 + 120] = np.where(np.arange(120) % 6 < 2, 30, 235)
    out, lifted = lift_solids(page, 200)
    assert lifted == 1
    grids = find_grids(binarise(out))
    assert len(grids) == 1
    tops = sorted({c[1] for c in grids[0].cells})
    assert tops[0] < 125 and len(tops) == 3  # the header row is a row of the grid


@pytest.mark.parametrize(
    "heading",
    ["มาตรการที่ « พัฒนาคุณภาพการดำเนินงาน", "มาตรการท ๓ กำกับดูแล", "มาตรการ ท ส่งเสริมการปฏิบัติ"],
)
def test_a_measure_heading_ocr_damaged_is_a_heading(heading: str) -> None:
    # ๔ read as «; the vowel and tone mark lost; the number lost too
    lines = [
        _row_line(100.0, {0: heading}),
        _row_line(120.0, {0: "วิธีการดำเนินการ"}),
        _row_line(140.0, {0: "(1) ทบทวนและปรับปรุง"}),
        _row_line(160.0, {0: "ผู้รับผิดชอบ: กองคลัง"}),
    ]
    assert len(find_measures([_page(lines)], [])) == 1


def test_a_measure_goes_on_over_the_page_past_a_scribble_read_at_the_page_foot() -> None:
    first = [
        _row_line(600.0, {0: "มาตรการที่ 3 ส่งเสริมการเปิดเผยข้อมูล"}),
        _row_line(620.0, {0: "วิธีการดำเนินการ"}),
        _row_line(640.0, {0: "(1) มอบหมายผู้รับผิดชอบ"}),
        _row_line(660.0, {0: "ผู้รับผิดชอบ: กองคลัง"}),
        _row_line(680.0, {1: "งผม --"}),  # a signature's scribble read as a line
    ]
    rest = [
        _row_line(100.0, {0: "ระยะเวลา: ม.ค. - เม.ย. 68"}),
        _row_line(120.0, {0: "การติดตามผล: สรุปผลการดำเนินงาน"}),
        _row_line(140.0, {0: "มาตรการที่ 4 พัฒนาคุณภาพ"}),
        _row_line(160.0, {0: "ผู้รับผิดชอบ: กองช่าง"}),
        _row_line(180.0, {0: "ระยะเวลา: ก.พ. 68"}),
    ]
    measures = find_measures([_page(first, 1), _page(rest, 2)], [])
    assert len(measures) == 2
    assert set(measures[0].lines) == {"steps", "responsible", "period", "follow_up"}
