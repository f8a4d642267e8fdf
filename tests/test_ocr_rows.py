"""Scanned pages read as the text layer is: visual lines, borderless tables, printed charts, solid
blocks lifted before reading, and the period column found by its cells."""

from __future__ import annotations

import numpy as np

from extractors.ocr.fields import period_column, period_column_by_cells
from extractors.ocr.geometry import lift_solids
from extractors.ocr.rows import scan_borderless, scan_chart, scanned_layout, visual_lines
from schemas import BBox, Cell, Line, PageKind, PageText, Table, TableQuality, Word


def _line(x0: float, top: float, *texts: str, gap: float = 6.0, conf: float = 0.9) -> Line:
    """One OCR line of words ~12 pt tall, each word 8 pt per character wide, ``gap`` apart."""
    words, x = [], x0
    for text in texts:
        width = 8.0 * len(text)
        words.append(Word(text, text, BBox(x, top, x + width, top + 15.0), conf))
        x += width + gap
    box = BBox(x0, top, words[-1].box.x1, top + 15.0)
    return Line(" ".join(texts), " ".join(texts), box, tuple(words), confidence=conf)


def _page(lines: list[Line]) -> PageText:
    return PageText(1, 595.0, 842.0, PageKind.SCANNED, lines=lines)


HEADER = ("ลำดับ", "มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา")


def _names(text: str) -> bool:
    return any(name in text for name in HEADER)


def _column_blocks() -> list[Line]:
    """A borderless table as Tesseract's layout analysis gives it: one block (line) per column;
    each row's measure wraps onto a second line, rows are set further apart than lines."""
    lines = []
    columns = (60.0, 160.0, 330.0, 460.0)
    rows = [HEADER, ("๑.", "ประชุมชี้แจง", "กองคลัง", "ต.ค. ๖๗"), ("๒.", "ประกาศเผยแพร่", "สำนักปลัด", "ธ.ค. ๖๗")]
    top = 100.0
    for row in rows:
        for x, text in zip(columns, row, strict=True):
            lines.append(_line(x, top + (1.5 if x > 200 else 0.0), text))
        if row is not HEADER:
            lines.append(_line(columns[1], top + 18.0, "ทุกเดือน"))  # the measure's wrapped line
        top += 48.0
    return lines


def test_visual_lines_join_column_blocks_at_one_height() -> None:
    rows = visual_lines(_column_blocks())
    assert [r.text for r in rows] == [
        "ลำดับ มาตรการ ผู้รับผิดชอบ ระยะเวลา",
        "๑. ประชุมชี้แจง กองคลัง ต.ค. ๖๗",
        "ทุกเดือน",
        "๒. ประกาศเผยแพร่ สำนักปลัด ธ.ค. ๖๗",
        "ทุกเดือน",
    ]
    assert [len(r.words) for r in rows] == [4, 4, 1, 4, 1]  # the gaps stay in the words' boxes


def test_visual_lines_keep_lines_of_different_heights_apart() -> None:
    rows = visual_lines([_line(60, 100, "หนึ่ง"), _line(300, 112, "สอง"), _line(60, 124, "สาม")])
    assert [r.text for r in rows] == ["หนึ่ง", "สอง", "สาม"]


def test_borderless_table_on_a_scan_has_cells_from_the_ocr_words() -> None:
    page = _page(visual_lines(_column_blocks()))
    tables = scan_borderless(page, [], _names)
    assert len(tables) == 1
    table = tables[0]
    assert table.quality.strategy == "borderless" and table.n_cols == 4
    cells = {(c.row, c.col): c for c in table.cells}
    assert cells[(1, 3)].text == "ต.ค. ๖๗" and cells[(2, 2)].text == "สำนักปลัด"
    assert cells[(1, 1)].text == "ประชุมชี้แจง ทุกเดือน"  # a wrapped cell stays one cell
    assert cells[(1, 1)].confidence == 0.9  # an OCR cell carries its words' confidence


def test_prose_makes_no_borderless_table() -> None:
    lines = [_line(60, 100 + 20 * k, "มาตรการ", "ผู้รับผิดชอบ", "ได้ดำเนินการตามแผน") for k in range(4)]
    assert scan_borderless(_page(visual_lines(lines)), [], _names) == []


def test_printed_chart_lines_pair_labels_with_values() -> None:
    names = ("การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สิน")
    lines = []
    for k, (name, value) in enumerate(zip(names, ("89.16", "99.99", "88.20", "97.01"), strict=True)):
        label = _line(60, 100 + 20 * k, f"{k + 1}.", name)
        score = _line(420, 100 + 20 * k, value)
        lines += [label, score]
    page = _page(visual_lines(lines))
    tables = scan_chart(page, [])
    assert len(tables) == 1
    values = [c.text for c in sorted(tables[0].cells, key=lambda c: c.row) if c.col == 1 and c.row > 0]
    assert values == ["89.16", "99.99", "88.20", "97.01"]


def test_scanned_layout_leaves_text_pages_alone() -> None:
    text_page = PageText(2, 595.0, 842.0, PageKind.TEXT, lines=_column_blocks())
    assert scanned_layout({2: text_page}, [], _names) == []
    assert len(text_page.lines) == 14


# --- solid blocks -------------------------------------------------------------------------------


def test_bars_are_lifted_and_their_labels_stay() -> None:
    page = np.full((300, 900), 235, np.uint8)
    page[50:80, 200:700] = 120  # a bar, 500 px long (180 pt at 200 dpi)
    page[55:75, 705:712] = 30  # its value, just after it
    page[55:75, 60:64] = 30  # a stroke of its label
    out, n = lift_solids(page, 200)
    assert n == 1
    assert out[65, 400] == 255 and out[65, 708] == 30 and out[65, 62] == 30


def test_white_text_on_a_dark_band_becomes_ink() -> None:
    page = np.full((300, 900), 235, np.uint8)
    page[40:120, 100:800] = 40
    page[70:90, 300:306] = 230  # a white stroke in the band
    out, n = lift_solids(page, 200)
    assert n == 1
    assert out[80, 303] < 60 and out[50, 500] == 255


def test_a_shaded_row_with_text_and_a_bold_letter_are_not_lifted() -> None:
    page = np.full((300, 900), 235, np.uint8)
    page[40:90, 100:800] = 180  # a shaded table row ...
    page[55:75, 300:340] = 30  # ... with dark text on it
    page[150:170, 100:116] = 30  # a bold letter's blurred loop: a 16 px blot
    out, n = lift_solids(page, 200)
    assert n == 0
    assert (out == page).all()


# --- the period column without its header -------------------------------------------------------


def _table(rows: list[tuple[str, ...]]) -> Table:
    box = BBox(0, 0, 1, 1)
    cells = [Cell(r, c, t, "", box) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(1, 0, box, len(rows), len(rows[0]), cells, TableQuality("lines", 1.0, 1.0, 1.0, []))


def test_period_column_found_by_its_cells_when_the_header_stayed_behind() -> None:
    table = _table(
        [
            ("ประชุมชี้แจง", "กองคลัง", "ต.ค. ๖๗ - ธ.ค. ๖๗"),
            ("ประกาศเผยแพร่", "สำนักปลัด", "RA. ๖๗"),
            ("อบรม", "กองช่าง", "ภายใน ๓๑ มี.ค. ๒๕๖๘"),
        ]
    )
    assert period_column(table) == (2, -1)  # every row is data: a misread cell is read again


def test_no_period_column_when_no_column_reads_as_periods() -> None:
    table = _table([("ประชุมชี้แจง", "กองคลัง"), ("ประกาศ", "สำนักปลัด"), ("อบรม", "กองช่าง")])
    assert period_column_by_cells(table) is None and period_column(table) is None


def test_period_words_are_repaired_like_months() -> None:
    from extractors.ita.periods import parse_period
    from extractors.ocr.text import clean_ocr_text

    text, _notes = clean_ocr_text("ไตรมาสที1")  # the mark of ที่ lost
    assert text == "ไตรมาสที่1" and parse_period(text, 2563).rule == "quarter"
    assert clean_ocr_text("ไตรมาส 2")[0] == "ไตรมาส 2"  # a right word is left alone
