"""Score tables on scans that a round stamp crosses, or whose header years the text contradicts,
modelled on the 300 dpi twins of the debug draws and on a slide's small screenshot: a ring's
nearly straight side is no column ruling; a score cell read empty under a stamp is the earlier
year's score plus the difference; a two-year table's later column is the assessed year's even
when the text names the earlier one; a point read as a comma is still the column's point.
"""

from __future__ import annotations

import numpy as np

from extractors.ita.indicators import from_row_table
from extractors.ita.vocabulary import INDICATORS
from extractors.ocr.image_grid import find_grids
from extractors.ocr.number_text import settle_number
from schemas import CellPart, LogicalRow, LogicalTable

_NAMES = {indicator.number: indicator.name for indicator in INDICATORS}


def _row(texts: dict[int, str], confidence: float = 0.9) -> LogicalRow:
    cells = {c: [CellPart(2, None, t, t, confidence)] for c, t in texts.items() if t}
    return LogicalRow(2, cells, set(), False, {c: t for c, t in texts.items() if t})


def _two_years(rows: list[LogicalRow]) -> LogicalTable:
    header = ["ตัวชี้วัด", "ปี 2566", "ปี 2567", "เพิ่มขึ้น/ลดลง"]
    return LogicalTable("indicators", ["indicator", None, None, "diff"], header, rows, [2], [])


def test_a_stamps_ring_across_a_tables_last_row_makes_no_row_or_column() -> None:
    """A 200 dpi page (the twins' 300 dpi scan read at 200): a four-column table whose last ruling
    a stamp's outer ring crosses.  The ring's sides and ticks are as straight as rulings over more
    than a sixtieth of the page's height (as the ruling mask of the draw-186 twin has them: three
    strokes from 35 px above the last ruling to 40 px below it), and three "columns" running on
    past the table's foot made it close a row under the table, cut by the ring into a sliver
    column.  Strokes that meet no ruling at either end and cross one are no rulings: the table
    keeps its four columns and four rows."""
    page = np.zeros((2339, 1654), np.uint8)
    xs, ys = (224, 803, 1030, 1257, 1484), (1759, 1849, 1939, 2029, 2119)
    for y in ys:
        page[y : y + 3, xs[0] : xs[-1] + 3] = 255
    for x in xs:
        page[ys[0] : ys[-1] + 3, x : x + 3] = 255
    for x in (989, 1093, 1222):  # the ring's side and two ticks, across the last ruling
        page[2085:2160, x : x + 4] = 255
    cells = [c for g in find_grids(page) for c in g.cells]
    assert len(cells) == 16
    assert len({c[0] for c in cells}) == 4
    assert all(c[3] <= ys[-1] + 3 for c in cells)


def test_a_score_cell_read_empty_is_the_earlier_score_plus_the_difference() -> None:
    """``90.26 | (empty: a stamp's rings over 66.69) | -23.57``: the row was read by OCR, so the
    table's own sum gives 66.69, doubted; a text layer's empty cell gives no indicator."""
    rows = [_row({0: _NAMES[n], 1: f"{80 + n}.26", 2: f"{70 + n}.11", 3: "-10.15"}) for n in range(1, 10)]
    rows.append(_row({0: _NAMES[10], 1: "90.26", 3: "-23.57"}))
    found, _facts = from_row_table(_two_years(rows), 2567)
    last = next(i for i in found if i.number == 10)
    assert (last.year, last.score, last.score_raw) == (2567, 66.69, "")
    assert last.confidence is not None and last.confidence <= 0.5
    text_layer = [_row({0: _NAMES[n], 1: f"{80 + n}.26", 2: f"{70 + n}.11"}, None) for n in range(1, 10)]  # type: ignore[arg-type]
    text_layer.append(_row({0: _NAMES[10], 1: "90.26", 3: "-23.57"}, None))  # type: ignore[arg-type]
    found, _facts = from_row_table(_two_years(text_layer), 2567)
    assert 10 not in {i.number for i in found}


def test_the_later_column_is_the_assessed_year_when_the_text_names_the_earlier() -> None:
    """``ปี 2566 | ปี 2567``, read in order, in a document whose text's year came from a sentence
    about the year before (2566): the indicators are 2567's, with 2566's as their previous."""
    rows = [_row({0: _NAMES[n], 1: f"{60 + n}.11", 2: f"{70 + n}.22", 3: "+10.11"}) for n in range(1, 11)]
    found, _facts = from_row_table(_two_years(rows), 2566)
    first = next(i for i in found if i.number == 1)
    assert (first.year, first.score) == (2567, 71.22)
    assert first.previous is not None and (first.previous.year, first.previous.score) == (2566, 61.11)


def test_a_score_read_with_a_comma_for_its_point_is_the_columns_score() -> None:
    """``94,67`` (a small screenshot's point read as a comma), doubted by the OCR stage: four
    digits in a column of two-decimal scores are one score, doubted."""
    rows = [_row({0: _NAMES[n], 1: f"{80 + n}.25"}) for n in range(1, 6)]
    rows.append(_row({0: _NAMES[6], 1: "94,67"}, 0.3))
    table = LogicalTable("indicators", ["indicator", "score"], ["ตัวชี้วัด", "คะแนน"], rows, [2], [])
    found, _facts = from_row_table(table, 2568)
    assert (found[-1].number, found[-1].score, found[-1].score_raw) == (6, 94.67, "94,67")


def test_an_empty_cell_is_read_whole_by_digits_when_the_glyphs_read_a_part() -> None:
    """Tesseract read nothing in a cell of small bold digits; the glyph reader read ``99`` (the
    ``80.`` before it touching): Tesseract restricted to digits reads ``80.99``, of the column's
    shape and holding the glyphs' digits: taken, doubted.  A digits reading of another shape, or
    one without the glyphs' digits, is not."""
    assert settle_number("", None, [("99", 0.83)], lambda: "80.99", False, (2, 2)) == ("80.99", 0.3, "99")
    assert settle_number("", None, [("99", 0.83)], lambda: "8099", False, (2, 2))[0] == ""
    assert settle_number("", None, [("77", 0.83)], lambda: "80.99", False, (2, 2))[0] == ""


def test_a_score_short_of_its_columns_digits_after_ink_ocr_lost_is_no_score() -> None:
    """``๑.๒๑`` settled from ``, ๑@.๒๑`` (a stamp's ring took the ``๘`` of ``๘๑.๒๑``) in a column
    of scores with two digits before the point: no score (the reading stays, doubted); a short
    score read cleanly (``0.00``) stays a score."""
    rows = [_row({0: _NAMES[n], 1: f"{70 + n}.15"}) for n in range(1, 6)]
    cells = {
        0: [CellPart(2, None, _NAMES[6], _NAMES[6], 0.9)],
        1: [CellPart(2, None, "๑.๒๑", ", ๑@.๒๑", 0.666)],
    }
    rows.append(LogicalRow(2, cells, set(), False, {0: _NAMES[6], 1: "๑.๒๑"}))
    rows.append(_row({0: _NAMES[7], 1: "0.00"}))
    table = LogicalTable("indicators", ["indicator", "score"], ["ตัวชี้วัด", "คะแนน"], rows, [2], [])
    found = {i.number: i for i in from_row_table(table, 2568)[0]}
    assert (found[6].score, found[6].score_raw) == (None, "๑.๒๑")
    assert found[6].confidence is not None and found[6].confidence <= 0.5
    assert found[7].score == 0.0


def test_arabic_digits_tesseract_read_stand_against_a_page_decided_look_alike() -> None:
    """A screenshot's small bold ``61.51``: Tesseract read it; the glyph reader, unsure of the
    ``6``, told it from ``8`` by the page's own digits (``81.51``).  Tesseract restricted to digits
    reads ``61.51`` again: Tesseract's stands.  Thai digits, which Tesseract misreads, or a digits
    reading that agrees with the glyphs, leave the glyphs' reading."""
    from types import SimpleNamespace

    from extractors.ocr.digit_glyphs import NumberRun
    from extractors.ocr.page import PageReader

    def reader(digits: str) -> SimpleNamespace:
        engine = SimpleNamespace(read_digits=lambda _image: (digits, 90.0))
        return SimpleNamespace(engine=engine, page=SimpleNamespace(ink_image=np.zeros((40, 120), np.uint8)))

    run = NumberRun("81.51", 0, 100, True, 0.8, by_page=True)
    crop = (0, 40, 0, 120, None)
    assert PageReader._arabic_kept(reader("61.51"), "61.51", run, crop)  # type: ignore[arg-type]
    assert not PageReader._arabic_kept(reader("81.51"), "61.51", run, crop)  # type: ignore[arg-type]
    thai = NumberRun("๘๑.๕๑", 0, 100, True, 0.8, by_page=True)
    assert not PageReader._arabic_kept(reader("61.51"), "๖๑.๕๑", thai, crop)  # type: ignore[arg-type]
