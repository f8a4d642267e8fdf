"""Scanned borderless tables read the same whatever the scan's resolution and blur: word boxes that
reach past their ink (a header's wrapped line), a column one page's header lost to OCR and the
next page's shows (its rows' numbers read with the next column).
"""

from __future__ import annotations

from extractors.ita.stitch import stitch
from extractors.ocr.rows import scan_borderless, visual_lines
from tests.rows_shapes import COLUMNS, HEADER, PERIODS, line, names, ocr_table, page, row, word


def test_a_header_line_whose_box_reaches_into_a_gutter_stays_in_the_header() -> None:
    # ``ชอบ`` of ``ผู้รับผิด`` / ``ชอบ``: its box, blurred, reaches to 4 pt of the period column,
    # narrower than a gutter's white, though its ink keeps to its column
    head = row(100.0, {0: HEADER[0], 1: HEADER[1], 2: "ผู้รับผิด", 3: HEADER[3]})
    tail = line([word("ชอบ", COLUMNS[2], 118.0, COLUMNS[3] - 4.0 - COLUMNS[2])])
    body = [
        row(150.0 + 48.0 * k, {0: f"{k + 1}. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: PERIODS[k]})
        for k in range(3)
    ]
    tables = scan_borderless(page(visual_lines([head, tail, *body])), [], names)
    assert len(tables) == 1
    assert tables[0].grid()[0][2] == "ผู้รับผิด ชอบ"


def test_a_page_whose_header_shows_a_column_the_page_before_lost_goes_on_its_table() -> None:
    # page 1's header lost its ``ที่`` (OCR read nothing there), its numbers read with the measure;
    # page 2 shows it: its first row is the rest of page 1's last row, its rows go on the table
    head = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    first = ocr_table(1, [head, ["1. มาตรการส่งเสริม", "1. เผยแพร่", "กองคลัง", "ต.ค. 67"]], "borderless")
    second = ocr_table(
        2,
        [
            ["ที่", *head],
            ["", "", "ประเมินความเสี่ยง", "", ""],
            ["2", "มาตรการพัฒนา", "1. จัดประชุม", "กองช่าง", "ม.ค. 68"],
        ],
        "borderless",
    )
    logical = [t for t in stitch([first, second]) if t.kind == "measures"]
    assert len(logical) == 1 and len(logical[0].rows) == 2
    steps = logical[0].fields.index("steps")
    assert logical[0].rows[0].texts[steps].endswith("ประเมินความเสี่ยง")
    # the number in the column page 1 lost is read with the measure, as page 1 reads its own
    assert logical[0].rows[1].texts[logical[0].fields.index("measure")] == "2 มาตรการพัฒนา"


def test_a_signature_read_as_a_digit_is_no_text_of_its_cell() -> None:
    # a signature's stroke over the second row's steps, read as ``7``: 60 pt wide, no digit is
    lines = [row(100.0, dict(enumerate(HEADER)))]
    for k in range(3):
        y = 130.0 + 48.0 * k
        cells = {0: f"{k + 1}. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: PERIODS[k]}
        words = [word(text, COLUMNS[col], y) for col, text in cells.items()]
        if k == 1:
            words.append(word("7", COLUMNS[1] + 62.0, y, 60.0))
        lines.append(line(words))
    tables = scan_borderless(page(visual_lines(lines)), [], names)
    assert len(tables) == 1
    assert tables[0].grid()[2] == ["2. มาตรการ", "(1) อบรม", "กองคลัง", PERIODS[1]]
