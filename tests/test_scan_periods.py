"""Period cells of scanned documents: what OCR makes of them, and how a cell is settled.

The readings below are what Tesseract gave on scanned twins (200 dpi, stamp, shading) of fresh
development draws; each names the failure it stands for.  The dates come from the documents'
source text, not from the program.
"""

from __future__ import annotations

import datetime

import numpy as np
import pytest

from extractors.ita.periods import parse_period
from extractors.ocr.fields import (
    DOUBT_CONFIDENCE,
    PERIOD_MODES,
    Reading,
    as_read,
    ink_lines,
    lookalike_months,
    parses,
    period_column,
    period_headers,
    settle,
    settle_period_cells,
    trimmed,
)
from schemas import BBox, Cell, Table, TableQuality

D = datetime.date


# --- the parser reads what OCR does to the words of a period --------------------------------------

# text as read, fiscal year, start, end
OCR_TEXTS = [
    # spaces inside a word (glyph gaps)
    ("ตลอด ปีงบประม าณ พ.ศ. 2567", 2567, D(2023, 10, 1), D(2024, 9, 30)),
    ("ร อบ 6 เดือน", 2567, D(2023, 10, 1), D(2024, 3, 31)),
    ("ไตรม าสที 2", 2567, D(2024, 1, 1), D(2024, 3, 31)),
    # a long word's end lost at the cell's edge
    ("ตลอดปีงบประม 2567", None, D(2023, 10, 1), D(2024, 9, 30)),
    ("ตลอด ปีงบ ประม 2567", None, D(2023, 10, 1), D(2024, 9, 30)),
    # a mark lost
    ("ไตรมาส ที2", 2564, D(2021, 1, 1), D(2021, 3, 31)),
    # a dot read as a space, a dot apart from its letters
    ("ภายใน 30มิ ย. 2568", 2568, D(2024, 10, 1), D(2025, 6, 30)),
    ("1 ต.ค . 2566 - 30 ก. ย. 2567", None, D(2023, 10, 1), D(2024, 9, 30)),
    # a stray mark between a month's letters, a speck inside a year, a rule's stub
    ("ก.ุพ .-ก.ค . ๖๓", None, D(2020, 2, 1), D(2020, 7, 31)),
    ("มีนาคม ๒๕๖,๓", None, D(2020, 3, 1), D(2020, 3, 31)),
    ("รอบ ๖ | เดือน", 2563, D(2019, 10, 1), D(2020, 3, 31)),
    # a speck read as a mark after a month's second consonant (c84: ``ม.ค. -`` over ``เม.ย. 62``)
    ("ม.คิ.-เม.ย.62", None, D(2019, 1, 1), D(2019, 4, 30)),
]


@pytest.mark.parametrize(("text", "fiscal_year", "start", "end"), OCR_TEXTS)
def test_ocr_damage_to_a_period_is_read(text: str, fiscal_year: int | None, start: D, end: D) -> None:
    parsed = parse_period(text, fiscal_year)
    assert (parsed.start, parsed.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "ตลอดปีงบประมวล",  # a prefix that runs on into other letters is no truncation
        "ปีงบ",  # too short to be read as the whole word's start ... it is a word of its own
        "ก.ค. 25566",  # a year read twice is no year: it must be read again, never guessed
        "ตามความเหมาะสม",
    ],
)
def test_what_is_not_a_period_stays_unparsed(text: str) -> None:
    if text == "ปีงบ":  # ปีงบ alone is the fiscal year (a word the templates use), with a year given
        assert parse_period(text, 2566).rule == "fiscal-year"
        return
    assert parse_period(text, 2566).rule == "unparsed"


def test_a_truncated_word_never_takes_a_shorter_keyword_s_place() -> None:
    # ไตรมาส is a word of its own: "ไตรมาส 2" is not read as a truncated ไตรมาสที่
    assert parse_period("ไตรมาส 2", 2566).start == D(2023, 1, 1)
    assert parse_period("ตลอดปี", 2566).rule == "fiscal-year"


# --- candidates made from a reading, accepted only with a doubt --------------------------------------


def test_stray_marks_at_the_edges_are_trimmed_inner_ones_stay() -> None:
    assert trimmed("กุมภาพันธ์ - พฤษภาคม 2566 -") == "กุมภาพันธ์ - พฤษภาคม 2566"
    assert trimmed("ภายใน 30มิ.ย. 2566 —") == "ภายใน 30มิ.ย. 2566"
    assert trimmed("ต.ค. 65 - ธ.ค. 65") == "ต.ค. 65 - ธ.ค. 65"


def test_lookalike_letters_name_a_month_only_when_one_month_fits() -> None:
    assert lookalike_months("ต.ุด. 65 - ชิ.ค. 65") == "ต.ค. 65 - ธ.ค. 65"
    assert lookalike_months("ศ.ค. 66") == "ศ.ค. 66"  # ต.ค. or ส.ค.: no choice is made
    assert lookalike_months("ม.ค. 66") == "ม.ค. 66"  # a month stays itself
    assert lookalike_months("ผ.อ. กอง") == "ผ.อ. กอง"  # no month near


def test_a_candidate_reading_is_kept_with_a_doubt() -> None:
    (text, raw, _conf), others = settle(("ต.ุด. 65 - ชิ.ค. 65", "r", 0.9), [lambda: ("", "", None)])
    assert text == "ต.ค. 65 - ธ.ค. 65" and raw == "r"
    assert others == ["ต.ุด. 65 - ชิ.ค. 65"]


def test_a_reading_as_tesseract_made_it_is_a_candidate() -> None:
    # the glyph reader read the year's digits twice; Tesseract's own reading had it right
    assert as_read("ตลอด\nปีงบประม 2566") == "ตลอดปีงบประม 2566"
    assert parses(as_read("ภายใน\n30มิ.ย.\n2566"))


# --- a reading that lost a line --------------------------------------------------------------------


def test_lines_of_ink_count_lines_not_marks() -> None:
    cell = np.zeros((80, 40), np.uint8)
    cell[2:4, 10:14] = 255  # a tone mark above the first line
    cell[6:16, 5:30] = 255
    cell[17:19, 8:10] = 255  # a vowel below it
    cell[30:40, 5:30] = 255
    cell[55:65, 5:20] = 255
    assert ink_lines(cell) == 3
    assert ink_lines(np.zeros((10, 10), np.uint8)) == 0


def test_a_reading_that_lost_a_line_is_read_again_and_the_whole_one_wins() -> None:
    lost: Reading = ("ก.ค . ๖๓", "ก.ค .\n๖๓", 0.85)
    whole: Reading = ("ก.พ. - ก.ค. ๖๓", "ก.พ. -\nก.ค.\n๖๓", 0.8)
    assert settle(lost, [lambda: whole], lines=3)[0] == whole
    assert settle(lost, [lambda: whole], lines=2)[0] == lost  # nothing lost: not read again


# --- the hook any scanned table can call ----------------------------------------------------------------


def _table(cells: list[Cell]) -> Table:
    box = BBox(0, 0, 100, 100)
    return Table(1, 0, box, 3, 2, cells, TableQuality("borderless", 1.0, 1.0, 1.0, []))


def test_the_hook_settles_a_period_column_and_reports_doubts() -> None:
    box = BBox(0, 0, 10, 10)
    cells = [
        Cell(0, 0, "หน่วยงาน", "", box),
        Cell(0, 1, "ช่วงเวลา", "", box),  # the header in another wording the ITA layer knows
        Cell(1, 0, "กองคลัง", "", box),
        Cell(1, 1, "1 A.A. 2565 - 30 nu. 2566", "", box, confidence=0.9),
        Cell(2, 0, "กองช่าง", "", box),
        Cell(2, 1, "ศิ ศิ", "", box, confidence=0.9),
    ]
    asked: list[tuple[str, str]] = []

    def read(cell: Cell, mode: str) -> Reading:
        asked.append((cell.text, mode))
        if cell.row == 1 and mode == "period":
            return "1 ต.ค. 2565 - 30 ก.ย. 2566", "", 0.7
        return "ศิ ศิ ศ", "", 0.5

    table = _table(cells)
    assert period_column(table) == (1, 0)
    doubts = settle_period_cells(table, read)
    settled = {c.row: c for c in table.cells if c.col == 1}
    assert settled[1].text == "1 ต.ค. 2565 - 30 ก.ย. 2566" and settled[1].confidence == 0.7
    # a cell no reading settles keeps its text, with a low confidence and a doubt
    assert settled[2].text == "ศิ ศิ" and settled[2].confidence == DOUBT_CONFIDENCE
    assert [d.text for d in doubts] == ["ศิ ศิ"]
    # the header is never read again, and the settled cell no more once a reading parsed
    assert all(text != "ช่วงเวลา" for text, _ in asked)
    assert [m for t, m in asked if t.startswith("1 ")] == ["glyphs", "thai", "period"]
    assert {m for t, m in asked if t == "ศิ ศิ"} == set(PERIOD_MODES)


def test_period_headers_are_the_short_wordings() -> None:
    headers = period_headers()
    assert "ระยะเวลา" in headers and "กำหนดเวลา" in headers
    assert not any("ดำเนินการ" in h for h in headers)  # ดำเนินการ alone heads other columns


# --- issue 14: what a scan loses from a period, and the readings that put it back ------------------


def test_a_range_whose_dash_was_lost_is_a_candidate_with_a_doubt() -> None:
    # c73's ``กุมภาพันธ์ / - / พฤษภาคม / 2567``: the dash alone on its line is read as noise by every reading
    first: Reading = ("กุมภาพันธ์พฤษภาคม 2567", "กุมภาพันธ์\nพฤษภาคม\n2567", 0.98)
    (text, raw, _conf), others = settle(first, [lambda: ("กุมภาพันธ์ พฤษภาคม 2567", "", 0.9)])
    assert text == "กุมภาพันธ์ - พฤษภาคม 2567" and raw == first[1]
    assert others is not None and others[0] == first[0]  # kept with a doubt, the reading as read named
    parsed = parse_period(text)
    assert (parsed.start, parsed.end) == (D(2024, 2, 1), D(2024, 5, 31))


def test_a_lookalike_consonant_of_a_period_word_is_a_candidate_only_when_one_word_fits() -> None:
    # c72/c75 photographs: ``เดือน`` read ``เตือน`` by one reading, ``wan`` by the other
    (text, _raw, _conf), others = settle(("รอบ 6 wan", "", 0.9), [lambda: ("รอบ 6 เตือน", "", 0.8)])
    assert text == "รอบ 6 เดือน" and others == ["รอบ 6 wan", "รอบ 6 เตือน"]
    # no single change makes it a period: it stays as read, with its doubt
    kept = settle(("ตามความเหมาะสม", "", 0.9), [lambda: ("ตามความเหมาะสม ", "", 0.8)])
    assert kept[0][0] == "ตามความเหมาะสม"


def test_lines_of_ink_are_cut_between_lines_with_their_marks() -> None:
    from extractors.ocr.fields import ink_bands

    cell = np.zeros((80, 40), np.uint8)
    cell[2:4, 10:14] = 255  # a tone mark above the first line
    cell[6:16, 5:30] = 255
    cell[30:40, 5:30] = 255
    cell[45:47, 8:10] = 255  # a vowel above the third line, nearer it than the second
    cell[50:60, 5:20] = 255
    bands = ink_bands(cell)
    assert len(bands) == 3 and bands[0][0] == 0 and bands[-1][1] == 80
    assert bands[0][1] <= 30 and bands[1][0] >= 16  # each line whole in its band
    assert bands[2][0] <= 45  # the mark goes with the line below, across the widest gap
    assert ink_bands(np.zeros((10, 10), np.uint8)) == []


def test_a_period_cell_read_as_nothing_that_holds_lines_of_ink_is_read_again() -> None:
    # a stamp across the cell: the block reading dropped every line as noise
    box = BBox(0, 0, 10, 10)
    cells = [
        Cell(0, 0, "ระยะเวลา", "", box),
        Cell(1, 0, "ต.ค. 65 - ธ.ค. 65", "", box, confidence=0.9),
        Cell(2, 0, "", "", box),
        Cell(3, 0, "", "", box),
    ]
    table = Table(1, 0, box, 4, 1, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))

    def read(cell: Cell, mode: str) -> Reading:
        return ("ม.ค. 66", "ม.ค. 66", 0.8) if cell.row == 2 and mode == "lines" else ("", "", None)

    doubts = settle_period_cells(table, read, lines=lambda cell: 2 if cell.row == 2 else 0)
    texts = {c.row: c.text for c in table.cells}
    assert texts[2] == "ม.ค. 66" and texts[3] == ""  # a cell without ink is not read at all
    assert doubts == []


def test_a_continued_table_s_period_column_is_found_by_periods_ocr_damaged() -> None:
    # c79's photograph: page 2 continues the table (its header stayed on page 1); one period
    # parses, two were read as Latin guesses: still the period column, so they are read again
    box = BBox(0, 0, 10, 10)
    rows = [
        ("1. แต่งตั้งคณะทำงานดูแลการประเมินผลงาน", "งานพัสดุ, กองการศึกษา", "ตุค. 61 - ธ.ค. 61", "สรุปผล รอบ 6 เดือน"),
        ("1. มอบหมายผู้รับผิดชอบดูแลเจตจำนง", "กองช่าง", "1 ค.ค. 2561 - 30 NU. 2562", "ติดตามผลโดยคณะทำงาน"),
        ("1. วางแผนปฏิบัติการด้านการมีส่วนร่วม", "กองการศึกษา", "Aw. - na. 62", "รายงานผลทุก 12 เดือน"),
    ]
    cells = [Cell(r, c, t, "", box) for r, row in enumerate(rows) for c, t in enumerate(row)]
    table = Table(1, 0, box, 3, 4, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))
    assert period_column(table) == (2, -1)
    # shaped like periods but none parses: no evidence enough to call it the period column
    cells = [c if c.col != 2 or c.row else Cell(0, 2, "Aw. 61 - B.A. 61", "", box) for c in cells]
    assert period_column(Table(1, 0, box, 3, 4, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))) is None
