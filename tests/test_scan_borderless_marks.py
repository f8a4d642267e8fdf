"""Borderless measures tables on scans crossed by marks read as words (a stamp's ring, a
signature), and a header repeated on the next page that OCR read partly (a cell lost, a letter
read otherwise, its wrapped lines lost).
"""

from __future__ import annotations

from dataclasses import replace

from extractors.ita.actions import actions_from_tables
from extractors.ita.stitch import stitch
from extractors.ocr.rows import scan_borderless, scanned_layout, visual_lines
from extractors.pdf.borderless import _stray
from schemas import BBox, Line, PageKind, PageText, Table, Word
from tests.rows_shapes import COLUMNS, HEADER, PERIODS
from tests.rows_shapes import line as _line
from tests.rows_shapes import names as _names
from tests.rows_shapes import row as _row
from tests.rows_shapes import rows as _rows
from tests.rows_shapes import word as _word


def _page(lines: list[Line], number: int = 1) -> PageText:
    return PageText(number, 595.0, 842.0, PageKind.SCANNED, lines=lines)


def _periods(tables: list[Table]) -> list[str | None]:
    return [a.period.text for a in actions_from_tables(stitch(tables), 2568)]


def _mark(top: float, x0: float, x1: float) -> Line:
    """A stamp's ring or a signature read as one word, across the gutters it lies over."""
    return _line([_unsure("-รณะค็สรง", x0, top, x1 - x0)])


def _unsure(text: str, x0: float, top: float, width: float) -> Word:
    """A mark read as a word: OCR is unsure of it (a stamp's ring, a signature)."""
    return replace(_word(text, x0, top, width), confidence=0.4)


def test_a_mark_read_as_a_word_between_two_rows_does_not_end_the_table() -> None:
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 4)]
    # the signature between the second and the third row, across the steps and unit columns
    lines.insert(5, _mark(213.0, COLUMNS[1] - 50.0, COLUMNS[2] + 90.0))
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1
    assert _periods(tables) == list(PERIODS[:4])


def test_a_mark_beside_a_word_of_the_row_does_not_end_the_table() -> None:
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 4)]
    # the mark read on the wrapped line of the second row, across the steps and unit columns
    second = lines[3]
    lines[3] = _line([*second.words, _unsure("tay", COLUMNS[1] + 30.0, second.box.top, 170.0)])
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1
    assert _periods(tables) == list(PERIODS[:4])


def test_a_prose_paragraph_below_the_table_still_ends_it() -> None:
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 2)]
    lines.append(_line([_word("หมายเหตุการดำเนินงานทั้งหมดตามแผน", 60.0, 240.0, 400.0)]))
    lines.append(_line([_word("ประจำปีงบประมาณที่ผ่านมาแล้ว", 60.0, 258.0, 400.0)]))
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1 and tables[0].box.bottom < 240.0


def test_a_repeated_header_read_partly_with_its_wrapped_lines_lost_is_no_row() -> None:
    first = [_row(600.0, dict(enumerate(HEADER))), *_rows(630.0, 1, 4)]
    # the next page's header: its first cell lost, a letter of its unit cell read otherwise, then
    # the white of two wrapped header lines OCR lost before the rows
    header = _row(60.0, {1: HEADER[1], 2: "ผู้รับผิดซอบ", 3: HEADER[3]})
    rest = [header, *_rows(60.0 + 18.0 * 4, 5, 2)]
    tables = scanned_layout({1: _page(first, 1), 2: _page(rest, 2)}, [], _names)
    assert [t.page for t in tables] == [1, 2]
    assert _periods(tables) == list(PERIODS)


def test_a_header_whose_wrapped_lines_ocr_lost_keeps_its_rows() -> None:
    # a narrow first column's header printed a letter a line (ล / ำ / ดั / บ), all lost by OCR:
    # the white they leave stands between the header and its first row
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(100.0 + 18.0 * 4, 1, 3)]
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1 and tables[0].n_cols == 4
    assert _periods(tables) == list(PERIODS[:3])


def test_a_repeated_header_closed_up_at_two_gaps_opens_at_both() -> None:
    first = [_row(600.0, dict(enumerate(HEADER))), *_rows(630.0, 1, 4)]
    header = _row(60.0, dict(enumerate(HEADER)))
    words = list(header.words)
    # the steps' and the unit's boxes reach towards their right neighbours: 2 pt left at each gap
    for k in (1, 2):
        w = words[k]
        words[k] = Word(w.text, w.raw, BBox(w.box.x0, 60.0, COLUMNS[k + 1] - 2.0, 75.0), 0.9)
    rest = [_line(words), _row(90.0, {0: "5. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: PERIODS[4]})]
    rest.append(_row(108.0, {0: "ส่งเสริม", 1: "ให้ความรู้"}))
    tables = scanned_layout({1: _page(first, 1), 2: _page(rest, 2)}, [], _names)
    assert [(t.page, t.n_cols) for t in tables] == [(1, 4), (2, 4)]
    assert _periods(tables) == list(PERIODS[:5])


def test_marks_of_no_letter_across_a_gutter_are_no_text_that_ends_the_table() -> None:
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 4)]
    second = lines[3]  # a stamp's strokes read as "=" across the gutters of a row's wrapped line
    marks = [_word("=", COLUMNS[k] - 16.0, second.box.top, 12.0) for k in (2, 3)]
    lines[3] = _line([*second.words, *marks])
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert len(tables) == 1 and tables[0].n_rows == 5  # the header and the four rows
    assert [(p or "").split()[-2:] for p in _periods(tables)] == [p.split() for p in PERIODS[:4]]


def test_a_centred_header_wrapped_over_three_lines_is_no_row() -> None:
    # the header's cells centred in their columns, the third line finishing three of them at once
    def centred(top: float, cells: dict[int, str]) -> Line:
        return _line([_word(t, COLUMNS[c] + 40.0 - 3.5 * len(t), top) for c, t in cells.items()])

    header = [
        centred(100.0, {0: "มาตรการ/", 1: "ขั้นตอน/วิธี", 2: "หน่วยงาน", 3: "ระยะเวลา"}),
        centred(118.0, {0: "แนวทางการ", 1: "การ", 2: "รับผิด", 3: "ดำเนิน"}),
        centred(136.0, {0: "ดำเนินการ", 2: "ชอบ", 3: "การ"}),
    ]
    tables = scan_borderless(_page(visual_lines([*header, *_rows(166.0, 1, 3)])), [], _names)
    assert len(tables) == 1
    assert tables[0].grid()[0][3] == "ระยะเวลา ดำเนิน การ"
    assert _periods(tables) == list(PERIODS[:3])


def test_a_row_under_a_period_of_its_own_whose_item_number_ocr_lost_is_an_action() -> None:
    lines = [_row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 1, 2)]
    # a second action of the second measure: its "1." read as "อ." and its year misread
    texts = {1: "อ. บันทึก", 2: "กองคลัง", 3: "ภายใน 30 มิ.ย. 25685"}
    lines.append(_line([_word(t, COLUMNS[c], 226.0, 60.0) for c, t in texts.items()]))
    tables = scan_borderless(_page(visual_lines(lines)), [], _names)
    assert _periods(tables) == [PERIODS[0], PERIODS[1], "ภายใน 30 มิ.ย. 25685"]


def test_a_word_read_sure_across_a_gutter_is_text_not_a_mark() -> None:
    """Prose lines alike (``ตัวชี้วัดที่6 คุณภาพการดำเนินงาน ได้คะแนน 89.65 คะแนน``, a rotated
    scan's page 1) leave white between their parts, and each long name crosses it: made of
    dictionary words, such a name is text that ends a table, not a mark between rows (those lines
    had become a table whose cells swallowed five indicators' scores).  A mark's letters make no
    words."""

    def ln(top: float, first: str, *spans: tuple[float, float]) -> Line:
        ws = tuple(
            Word(first if k == 0 else "ก", "", BBox(a, top, b, top + 10), 0.99)
            for k, (a, b) in enumerate(spans)
        )
        return Line("", "", BBox(spans[0][0], top, spans[-1][1], top + 10), ws)

    gutters = [[(40.0, 60.0)], [(100.0, 120.0)]]
    row = ln(0.0, "ก", (0, 30), (70, 90), (130, 150))
    under = [ln(28.0, "ก", (0, 30), (70, 90))]
    crossed = (20.0, 80.0), (130.0, 150.0)
    assert _stray(ln(14.0, "คุณภาพการดำเนินงาน", *crossed), under, row, gutters, 10.0, _core) is None
    assert _stray(ln(14.0, "-๊๊รณะค็สรงประกาศ", *crossed), under, row, gutters, 10.0, _core) is not None


def _core(word: Word) -> tuple[float, float]:
    return word.box.x0, word.box.x1
