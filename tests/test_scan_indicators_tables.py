"""Indicator tables read by OCR whose header or number cells OCR damaged, modelled on the scanned
twins (150 dpi) of fresh corpus draws: a year header read with digits run together, a row number
``10`` read as ``0`` beside a name column whose header was lost, a stamp's ring read after a score.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.ita.indicators import from_column_table, from_row_table
from extractors.ita.vocabulary import INDICATORS
from schemas import CellPart, LogicalRow, LogicalTable

_NAMES = [indicator.name for indicator in INDICATORS]


def _row(texts: dict[int, str]) -> LogicalRow:
    cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in texts.items() if t}
    return LogicalRow(1, cells, set(), False, {c: t for c, t in texts.items() if t})


def _two_years(header: list[str], fields: list[str | None]) -> LogicalTable:
    """A two-year table the stitcher recognised, scores ``6n.11 | 7n.22 | +10.11``."""
    rows = [
        _row({0: f"ตัวชี้วัดที่{n} {name}", 1: f"{60 + n}.11", 2: f"{70 + n}.22", 3: "+10.11"})
        for n, name in enumerate(_NAMES, start=1)
    ]
    return LogicalTable("indicators", fields, header, rows, [1], [])


def test_a_later_year_whose_digits_ran_together_is_dated_by_its_place_and_gives_the_scores() -> None:
    """``ตัวชี้วัด | ญ2567 | ปี2565688 -”- | ผลต่าง`` (``ปี2568`` read with a stamp's and shading's
    specks): the column right of 2567 holding scores is 2568's, the assessed year's; every
    indicator took 2567's scores before."""
    header = ["ตัวชี้วัด", "ญ2567", "ปี2565688 -”-", "ผลต่าง(ป)"]
    table = _two_years(header, ["indicator", None, None, "diff"])
    found, _facts = from_row_table(table, 2568)
    got = [(i.number, i.score_raw, i.year, i.previous.score if i.previous else None) for i in found]
    assert got == [(n, f"{70 + n}.22", 2568, float(f"{60 + n}.11")) for n in range(1, 11)]


def test_a_year_word_column_without_decimal_scores_is_no_score_column() -> None:
    """A header with a year word and no year over cells that are no scores with decimals (item
    numbers) dates nothing: the one dated column stays the score."""
    rows = [
        _row({0: f"ตัวชี้วัดที่{n} {name}", 1: f"{70 + n}.22", 2: str(n)}) for n, name in enumerate(_NAMES, start=1)
    ]
    table = LogicalTable("indicators", ["indicator", None, None], ["ตัวชี้วัด", "ปี 2567", "ปีที่"], rows, [1], [])
    found, _facts = from_row_table(table, 2567)
    assert [(i.number, i.score_raw, i.year, i.previous) for i in found] == [
        (n, f"{70 + n}.22", 2567, None) for n in range(1, 11)
    ]


def _ordered(numbers: list[str], scores: list[str]) -> LogicalTable:
    """``แบบวัด | ตัวชี้วัดที่ | <name header OCR lost> | ผลคะแนน``."""
    rows = [
        _row({0: "", 1: number, 2: name, 3: score})
        for number, name, score in zip(numbers, _NAMES, scores, strict=True)
    ]
    fields: list[str | None] = ["instrument", "indicator", None, "score"]
    header = ["แบบวัด", "ตัวชี้วัดที่", ". 0 ฝี้อตัวชี๊วัด ว", "ผลคะแนน"]
    return LogicalTable("indicators", fields, header, rows, [1], [])


def test_a_row_whose_number_ocr_misread_is_named_by_the_unheaded_name_column_beside_it() -> None:
    numbers = [str(n) for n in range(1, 10)] + ["0"]
    scores = [f"{60 + n}.11" for n in range(1, 11)]
    found, _facts = from_row_table(_ordered(numbers, scores), 2564)
    assert [(i.number, i.score_raw) for i in found] == [(n, f"{60 + n}.11") for n in range(1, 11)]


def test_the_name_column_wins_over_a_misread_number_that_names_another_indicator() -> None:
    """``8`` read as ``3``: the name beside it says 8, and 3 is not read twice."""
    numbers = ["1", "2", "3", "4", "5", "6", "7", "3", "9", "10"]
    scores = [f"{60 + n}.11" for n in range(1, 11)]
    found, _facts = from_row_table(_ordered(numbers, scores), 2564)
    assert [i.number for i in found] == list(range(1, 11))


def test_strokes_a_stamp_left_after_a_score_are_no_part_of_it() -> None:
    numbers = [str(n) for n in range(1, 11)]
    scores = [f"{60 + n}.11" for n in range(1, 10)] + ["51.81 / | ,"]
    found, _facts = from_row_table(_ordered(numbers, scores), 2564)
    assert (found[-1].number, found[-1].score, found[-1].score_raw) == (10, 51.81, "51.81 / | ,")


def test_four_digits_whose_point_ocr_lost_are_the_score_its_columns_decimals_make_doubted() -> None:
    """``7211`` (a scanned ``72.11`` whose point was lost, read without doubt): no score reads so
    (over 100); the column's scores have two decimals, so it is 72.11, its reading kept raw and
    its confidence lowered (the indicator's check names it).  Five digits stay no score."""
    numbers = [str(n) for n in range(1, 11)]
    scores = [f"{60 + n}.11" for n in range(1, 11)]
    scores[3], scores[4] = "7211", "72111"
    found, _facts = from_row_table(_ordered(numbers, scores), 2564)
    fourth, fifth = found[3], found[4]
    assert (fourth.score, fourth.score_raw, fourth.confidence) == (72.11, "7211", 0.5)
    assert (fifth.score, fifth.score_raw) == (None, "72111")


def test_a_column_tables_score_whose_point_ocr_lost_is_placed_by_the_rows_decimals() -> None:
    """The same in a table whose columns are the indicators (``ตัวชี้วัด | 1 … 10``, a row ``คะแนน``)."""
    header = ["ตัวชี้วัด", *map(str, range(1, 11))]
    scores = [f"{60 + n}.11" for n in range(1, 11)]
    scores[3] = "7211"
    row = _row({0: "คะแนน", **{c: s for c, s in enumerate(scores, start=1)}})
    table = LogicalTable("indicators", [None] * 11, header, [row], [1], [])
    found, _facts = from_column_table(table, 2567)
    assert [(i.number, i.score) for i in found][3] == (4, 72.11)
    assert found[3].confidence == 0.5 and found[3].score_raw == "7211"


def test_an_undated_year_column_that_its_place_cannot_date_gives_way_to_the_dated_one() -> None:
    """``ปี2565688 | ปี 2568`` where the text names 2570 as assessed (neither column's year nor
    the one beside it): the column whose year was read gives the scores, not the first."""
    header = ["ตัวชี้วัด", "ปี2565688 -”-", "ปี 2568", "ผลต่าง"]
    table = _two_years(header, ["indicator", None, None, "diff"])
    found, _facts = from_row_table(table, 2570)
    got = [(i.number, i.score_raw, i.year) for i in found]
    assert got == [(n, f"{70 + n}.22", 2568) for n in range(1, 11)]


def test_a_header_row_whose_year_word_lost_its_vowel_still_names_the_years() -> None:
    """``… | ป๊๒๕55 | ป ๒๕๖๗ | ผลต่าง`` (``ปี ๒๕๖๖`` with its vowel read as another mark and its
    year damaged), a header row the stitcher did not know: the one year read dates the other by
    its place, so the later column gives the scores and the earlier one ``previous`` (every
    indicator took the earlier year's scores before)."""
    header = {0: "พกก”จิรด eeรร", 1: "ป๊๒๕55", 2: "ป ๒๕๖๗", 3: "ผลต่าง(2) )"}
    rows = [_row(header)]
    rows += [
        _row({0: f"ตัวชี้วัดที่ {n} {name}", 1: f"{60 + n}.11", 2: f"{70 + n}.22", 3: "+10.11"})
        for n, name in enumerate(_NAMES, start=1)
    ]
    table = LogicalTable("other", [None] * 4, [""] * 4, rows, [1], [])
    found, _facts = from_row_table(table, 2567)
    got = [(i.number, i.score_raw, i.year, i.previous.score if i.previous else None) for i in found]
    assert got == [(n, f"{70 + n}.22", 2567, float(f"{60 + n}.11")) for n in range(1, 11)]


def test_two_undated_year_columns_are_dated_by_the_tables_own_sums() -> None:
    """``ตัวชี้วัด | ศี | พะ๕ | เพิ่มขึ้น/ลดลง``: a shaded header read at 150 dpi (``ปี 2567``,
    ``ปี 2568``), neither year left.  The difference column is right minus left in every row, so the
    right column is the later year, the assessed one; every indicator took the left column's score
    before (a fresh draw's two-years scan)."""
    table = _two_years(["แณน 3งว ceoe", "ศี", "พะ๕", "เพิ่มขึ้น/ลดลง"], [None, None, None, "diff"])
    table = replace(table, kind="other")  # its header unread, the stitcher did not know the table
    found, _facts = from_row_table(table, 2568)
    got = [(i.number, i.score_raw, i.year, i.previous.year if i.previous else None) for i in found]
    assert got == [(n, f"{70 + n}.22", 2568, 2567) for n in range(1, 11)]
    # Without the assessed year the text names, nothing is dated by the sums.
    found, _facts = from_row_table(table, None)
    assert all(i.previous is None for i in found)


def test_a_name_column_cut_by_lines_that_are_none_is_read_whole() -> None:
    """A screenshot's indicator table scanned at 150 dpi: the grid finder took its faint cell edges
    for rulings and cut the name column at a different place in each row (``ตัว | วัดที 1 การ…``,
    ``A! | Inf | 3 การใช้อำนาจ``); its header was not recognised.  No one column named enough rows
    and the table gave no indicator at all; read together, the leading columns name every row."""
    cuts = [
        lambda n, name: {0: "ตัว", 1: f"วัดที {n} {name}"},
        lambda n, name: {0: "A!", 1: "Inf", 2: f"{n} {name}"},
        lambda n, name: {0: f"ตัวชี้วัดที่{n} {name}"},
    ]
    rows = [_row({0: "ค้าชีวัด", 3: "คะแนน"})] + [
        _row({**cuts[n % 3](n, name), 3: f"{70 + n}.22"}) for n, name in enumerate(_NAMES, start=1)
    ]
    table = LogicalTable("other", [None, None, None, None], ["", "", "", ""], rows, [1], [])
    found, _facts = from_row_table(table, 2563)
    assert [(i.number, i.score_raw) for i in found] == [(n, f"{70 + n}.22") for n in range(1, 11)]
