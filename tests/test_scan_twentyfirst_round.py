"""Scanned documents, twenty-first round of issue 14: rows that OCR's small damages joined,
split or shifted are rows of their own again, and a table a word's strokes split is one table.

- the lead of a measures column is the start most of its cells share (``มาตรการ``), not the
  longest start half of them share (``มาตรการส่งเสริมการ``), and a measure whose number lost its
  dot (``1 มาตรการ``) shares it: a measure is not joined to the row above as a tail, and a tail
  (``ตน``) is;
- a column ruling that splits one row only, made of a word's stems on two lines chained across
  the ruling between them, is no ruling;
- a dot read twice after a month's consonant (``ต.ค..``) is one dot;
- a header printed at a page's foot whose rest (``ชอบ``, ``ดำเนินการ``) begins the next page is
  finished there, not taken for the first row;
- a ruled grid going on, edge for edge, from the grid on the page before is placed by that
  grid's period column, though its own periods were read too badly to look like periods;
- a tone mark read for a vowel mark's ticks (``เต่อน``) and a sign read for a digit
  (``รอบ » เดือน``) leave a period to settle;
- a score under a stamp's strokes (``61.61`` / ``ya`` / ``fs``) or beside a speck (``7434 -``) is read.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from extractors.ita.period_repairs import candidates, parses
from extractors.ita.stitch import common_lead, join_key_tails
from extractors.ocr.image_grid import find_grids
from schemas import CellPart, LogicalRow
from tests.rows_shapes import ocr_table, periods

_FIELDS = ["measure", "steps", "period"]


def _row(**cols: str) -> LogicalRow:
    return LogicalRow(1, cells={_FIELDS.index(k): [CellPart(1, None, t, t)] for k, t in cols.items()})


def _measures(rows: list[LogicalRow]) -> list[str]:
    return [" ".join(p.text for p in r.cells.get(0, [])) for r in rows]


def test_a_measure_starting_as_most_measures_do_is_no_tail_though_half_go_on_further() -> None:
    # fam8 c81 s304 scan200: three of six measures go on ``มาตรการส่งเสริมการ``; that was the lead,
    # and ``มาตรการพัฒนา…`` under the first row was joined to it, with its period
    keys = ["มาตรการกำกับดูแล", "มาตรการพัฒนาคุณภาพ", "มาตรการส่งเสริม การปฏิบัติ", "5. มาตรการส่ง เสริมการเปิดเผย"]
    keys += ["มาตรการส่งเสริม การปรับปรุง", "มาตรการป้องกัน"]
    assert common_lead(keys) == "มาตรการ"
    rows = [_row(measure=k, steps="1. อบรม", period="ต.ค. 64") for k in keys]
    assert _measures(join_key_tails(rows, _FIELDS)) == keys


def test_a_cut_measures_tail_joins_its_row_when_the_measures_numbers_lost_their_dots() -> None:
    # fam9 c78 s306 scan150: ``1 มาตรการ…`` shared no lead with ``2 มาตรการ…``, so the tail ``ตน``
    # of ``…ราชการเพื่อ`` / ``ประโยชน์ส่วน`` / ``ตน`` stayed an action of its own
    keys = ["1 มาตรการส่ง เสริมการ", "2 มาตรการยก ระดับ", "3 มาตรการ ป้องกันการใช้ ราชการเพื่อ"]
    rows = [_row(measure=k, steps="1. อบรม", period="ก.ค. 64") for k in keys]
    rows.append(_row(measure="ตน", period=":"))
    rows.append(_row(measure="4 มาตรการส่ง เสริม", steps="1. มอบหมาย", period="ก.ค. 64"))
    joined = join_key_tails(rows, _FIELDS)
    assert _measures(joined) == [*keys[:2], f"{keys[2]} ตน", "4 มาตรการส่ง เสริม"]


def test_a_words_stems_chained_across_a_ruling_split_no_row() -> None:
    # fam8 c81 s300 rotated: ``ที่`` of ``ตัวชี้วัดที่`` on two lines, at the same place, made a
    # stretch from one row's top ruling into the next row: a fifth column in one row, and the
    # indicator table no longer went on with its four columns on page 2
    page = np.zeros((400, 600), np.uint8)
    for y in (50, 100, 150, 200, 250):
        page[y : y + 2, 40:560] = 255
    for x in (40, 300, 430, 558):
        page[50:252, x : x + 2] = 255
    page[100:175, 120:122] = 255  # stems and marks from row 2's top ruling into row 3
    (grid,) = find_grids(page)
    assert len(grid.cells) == 12  # four rows of three cells: row 2 not split at x = 120
    assert not grid.rulings[140, 121 - grid.box[0]]  # and its stems are not erased before OCR


def test_a_dot_read_twice_after_a_months_consonant_gives_a_period_that_parses() -> None:
    # fam9 c78 s308 scan150: a stamp's ring beside ``1 ต.ค.`` left ``ต.ค..`` in every re-reading
    reading = "- 1 ต.ค.. 2566-30กย. 2567"
    assert not parses(reading)
    assert "1 ต.ค. 2566-30กย. 2567" in [c for c in candidates(reading) if parses(c)]


def test_a_headers_rest_on_the_next_page_is_no_first_row() -> None:
    # fam11 c91 s319 scan150: ``หน่วยงานที่รับผิด`` / ``ระยะเวลา`` ended page 3 with no row under
    # them; ``ชอบ`` and ``ดำเนินการ`` began page 4, were taken for the first action, and every
    # period after it moved one row down
    header = ["ประเด็นปัญหา", "มาตรการ", "หน่วยงานที่รับผิด", "ระยะเวลา"]
    foot = ocr_table(3, [header])
    rest = ["", "", "ชอบ", "ดำเนินการ"]
    rows = [
        ["การใช้งบประมาณ", "1. มาตรการเสริมสร้าง", "กองคลัง", "ต.ค. 67 - ธ.ค. 67"],
        ["", "2. มาตรการพัฒนา", "กองช่าง", "มี.ค. 68"],
    ]
    assert periods([foot, ocr_table(4, [rest, *rows])]) == ["ต.ค. 67 - ธ.ค. 67", "มี.ค. 68"]


def test_a_grid_going_on_from_the_page_before_is_placed_by_its_period_column() -> None:
    # fam10 c95 s317 scan150: page 5's Norasi periods read as ``A.A. bo - fin. bo``, ``๖๘`` and
    # ``รอบ > เดือน`` looked like no period column, so none of its cells was read again
    from extractors.ocr.period_reread import guided_column

    named = ocr_table(4, [["มาตรการ", "หน่วยงาน", "ระยะเวลา"], ["1. มาตรการ", "กองคลัง", "พ.ค. ๖๘"]])
    going_on = ocr_table(5, [["2. มาตรการ", "กองช่าง", "A.A.\nbo - fin.\nbo"], ["", "", "๖๘"]])
    going_on.cells.append(replace(going_on.cells[-1], row=2, text="รอบ > เดือน"))
    assert guided_column(going_on, [named, going_on]) == (2, -1)
    # a grid of other columns there, holding no periods (a table of scores), is placed by none
    scores = ocr_table(5, [["1. การปฏิบัติ", "๘๑.๒๐", "ผ่าน"], ["2. การใช้งบ", "๗๒.๐๕", "ผ่าน"]])
    scores.cells[:] = [
        replace(c, box=c.box._replace(x0=c.box.x0 + 30, x1=c.box.x1 + 30)) for c in scores.cells
    ]
    assert guided_column(scores, [named, scores]) is None


def test_a_tone_mark_read_for_a_vowels_ticks_and_a_sign_read_for_a_digit_leave_a_period() -> None:
    # fam11 c91 s321 and fam10 c95 s314 scan150 (Norasi): ``รอบ 6 เต่อน`` in every re-reading,
    # and ``รอบ » เดือน`` whose ``๖`` only the glyph reader reads
    from extractors.ocr.fields import with_glyph_digits

    assert [c for c in candidates("รอบ 6 เต่อน") if parses(c)] == ["รอบ 6 เดอน"]
    assert with_glyph_digits("รอบ » เดือน", ["๖"]) == "รอบ ๖ เดือน"
    assert with_glyph_digits("ทุก | เดือน", ["๑"]) is None  # a rule's stub is no place for a digit


def test_a_score_under_a_stamps_strokes_or_beside_a_speck_is_read() -> None:
    # fam11 c91 s322 and s320 scan150: ``61.61`` / ``ya`` / ``/`` / ``fs``, and ``7434 -``
    from extractors.ita.indicators import from_row_table
    from schemas import LogicalTable

    header = {0: "ตัวชี้วัด", 1: "คะแนน"}
    names = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ"]
    scores = ["81.20", "61.61\nya\n/\nfs", "72.05", "7434 -"]
    rows = [_logical(header)]
    rows += [
        _logical({0: f"{n}. {name}", 1: s}) for n, (name, s) in enumerate(zip(names, scores, strict=True), 1)
    ]
    table = LogicalTable("indicators", ["indicator", "score"], list(header.values()), rows, [1], [])
    found, _ = from_row_table(table, 2566)
    assert {i.number: i.score for i in found} == {1: 81.2, 2: 61.61, 3: 72.05, 4: 74.34}


def _logical(texts: dict[int, str]) -> LogicalRow:
    cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in texts.items() if t}
    return LogicalRow(1, cells, set(), False, dict(texts))


def test_a_bars_value_read_as_letters_keeps_its_place_and_the_tallest_value_is_found() -> None:
    # fam14 c79 s342 scan150: ``83.34`` over the first bar read ``ลอม`` and ``87.75`` over the
    # tallest read ``8775`` on a line of its own above the others: the legend was paired from
    # the first value read, and every indicator took the next one's score
    from extractors.ocr.chart import chart_pairs
    from schemas import BBox, Line, Word

    def word(text: str, x: float, top: float, width: float = 17.5) -> Word:
        return Word(text, text, BBox(x, top, x + width, top + 6), 0.9)

    def line(*words: Word) -> Line:
        box = BBox(
            words[0].box.x0, min(w.box.top for w in words), words[-1].box.x1, max(w.box.bottom for w in words)
        )
        return Line(" ".join(w.text for w in words), "", box, words)

    x = [159.0 + 31.2 * k for k in range(10)]
    tallest = line(word("8775", x[9], 429))
    high = line(
        word("ลอม", x[0], 442), word("76.30", x[3], 442), word("80.76", x[4], 442), word("81.94", x[7], 442)
    )
    low = line(
        *(
            word(v, x[k], 454)
            for k, v in ((1, "71.93"), (2, "68.49"), (5, "67.34"), (6, "71.01"), (8, "70.04"))
        )
    )
    names = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สิน", "การแก้ไขปัญหา"]
    legend = [line(*(word(f"{n} {name}", 120 + 90 * (n - 1), 560, 80) for n, name in enumerate(names, 1)))]
    legend.append(line(*(word(f"{n} ตัวชี้วัด", 120 + 90 * (n - 6), 575, 80) for n in range(6, 11))))
    pairs, how = chart_pairs([tallest, high, low, *legend])
    assert how == "legend"
    values = {p.label.text.split()[0]: p.value.text for p in pairs}
    assert values["1"] == "ลอม" and values["2"] == "71.93" and values["10"] in ("87.75", "8775")


def test_specks_beside_a_headers_rest_and_a_header_alone_place_the_period_column() -> None:
    # fam13 c95 s336 scan150: page 3's ``|`` and ``- 1`` beside ``ชอบ``; and page 5, two pages
    # after the header alone at page 2's foot, whose periods were never read again
    from extractors.ocr.period_reread import guided_column

    header = ["ประเด็นปัญหา", "มาตรการ", "หน่วยงานที่รับผิด", "ระยะเวลา"]
    rows = [["การใช้งบประมาณ", "1. มาตรการเสริมสร้าง", "กองคลัง", "ต.ค. 67 - ธ.ค. 67"]]
    foot, rest = ocr_table(2, [header]), ocr_table(3, [["|", "", "ชอบ", "- 1"], *rows])
    assert periods([foot, rest]) == ["ต.ค. 67 - ธ.ค. 67"]
    later = ocr_table(5, [["", "2. มาตรการพัฒนา", "กองช่าง", "an. 63 - ธ.ค. 63"]])
    assert guided_column(later, [foot, rest, later]) == (3, -1)


def test_a_row_starting_its_list_anew_under_a_row_that_began_one_is_its_own_row() -> None:
    # fam15 c77 s351 scan150: ``๑. เผยแพร่…`` began page 5 with its period read as nothing, and was
    # taken for the rest of page 4's last row
    from extractors.ita.stitch import continues_row

    fields = ["steps", "responsible", "period"]
    above = _steps_row({0: "๑. สรุปผลการดำเนินงาน", 1: "สำนักปลัด", 2: "ส.ค. ๖๕"})
    assert not continues_row(_steps_row({0: "๑. เผยแพร่ประชาสัมพันธ์", 1: "งานพัสดุ"}), above, fields)
    assert continues_row(_steps_row({0: "๒. จัดทำคู่มือ", 1: "งานพัสดุ"}), above, fields)


def _steps_row(texts: dict[int, str]) -> LogicalRow:
    return LogicalRow(2, cells={c: [CellPart(2, None, t, t)] for c, t in texts.items()})


def test_a_list_whose_first_item_has_a_speck_in_its_bracket_goes_on_over_the_page_break() -> None:
    # fam17 c93 s363 scan150: ``(อ๑) ส่งเสริม…`` under ``ตลอดปีงบประมาณ พ.ศ.`` ended page 3, and
    # ``(๒) ทบทวน…`` with ``๒๕๖๘`` began page 4: the rest became an action of its own
    from extractors.ita.stitch import continues_row

    fields = ["steps", "responsible", "period"]
    above = _steps_row({0: "(อ๑) ส่งเสริมการเรียนรู้", 1: "กองการศึกษา", 2: "ตลอดปีงบประมาณ พ.ศ."})
    assert continues_row(_steps_row({0: "(๒) ทบทวนและปรับปรุง", 2: "๒๕๖๘"}), above, fields)


def test_the_next_item_under_a_range_stopped_at_its_ends_day_takes_its_end() -> None:
    # fam18 c95 s369 scan150: ``1 aa. 2564 - 30`` ended page 3, and ``(2) วางแผน…`` began page 4
    # with ``ก.ย, 2565``, which reads as a period: the sub-row was an action of its own
    from extractors.ita.stitch import continues_row

    fields = ["steps", "responsible", "period"]
    above = _steps_row({0: "(1) แต่งตั้งคณะทำงาน", 1: "งานพัสดุ", 2: "1 aa. 2564 - 30"})
    assert continues_row(_steps_row({0: "(2) วางแผนปฏิบัติการ", 2: "ก.ย, 2565"}), above, fields)
    closed = _steps_row({0: "(1) แต่งตั้งคณะทำงาน", 1: "งานพัสดุ", 2: "ต.ค. 64 - ธ.ค. 64"})
    assert not continues_row(_steps_row({0: "(2) วางแผนปฏิบัติการ", 2: "ก.ย. 2565"}), closed, fields)
