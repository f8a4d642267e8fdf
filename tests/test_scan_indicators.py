"""Indicator tables on scans: grids through shading and open sides, number cells read as numbers.

The cell images in ``tests/data/scan_cells`` are crops of scanned twins (200 dpi) of generated
corpus documents: a Thai ``๖๖.๕๗`` whose ``๖`` bowls a strict threshold cuts off, a ``๖๐.๖๖``
Tesseract read as ``bo.bd``, and a ``60.95`` whose touching ``60`` the glyph reader takes for ``3``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extractors.ita.indicators import from_row_table
from extractors.ita.vocabulary import INDICATORS
from extractors.ocr.digit_glyphs import number_runs, read_glyphs
from extractors.ocr.image_grid import find_grids
from extractors.ocr.number_text import settle_number
from extractors.ocr.page import INSET, PageReader, grid_table
from extractors.ocr.raster import Cleaned, binarise
from schemas import BBox, CellPart, LogicalRow, LogicalTable

CELLS = Path(__file__).parent / "data" / "scan_cells"


def _cell_page(name: str) -> tuple[PageReader, tuple[int, int, int, int]]:
    """A page holding only the cell's crop, with paper around it, and the cell's box on it."""
    crop = np.asarray(Image.open(CELLS / name).convert("L"), np.uint8)
    margin = 20
    gray = np.full((crop.shape[0] + 2 * margin, crop.shape[1] + 2 * margin), 255, np.uint8)
    gray[margin:-margin, margin:-margin] = crop
    binary = binarise(gray)
    page = Cleaned(gray, binary, 0.0, 0, float(np.count_nonzero(binary)) / binary.size)
    box = (margin - INSET, margin - INSET, margin + crop.shape[1] + INSET, margin + crop.shape[0] + INSET)
    return PageReader(None, page, 200), box  # type: ignore[arg-type]  # no Tesseract needed


def _settled(name: str, first: str) -> tuple[str, float | None, str | None]:
    reader, box = _cell_page(name)
    readings = reader._cell_glyph_readings([box])[0][0]  # the cell's readings (its glyphs aside)
    return settle_number(first, 0.85, [r[:2] for r in readings])


def test_a_digit_whose_bowl_came_apart_is_one_glyph_not_a_decimal_point() -> None:
    crop = np.asarray(Image.open(CELLS / "thai-66.57-bowl.png").convert("L"), np.uint8)
    texts = [[r.text for r in number_runs(read_glyphs(binarise(crop, s)))] for s in (1.0, 0.9)]
    assert texts == [["๖๖.๕๗"], ["๖๖.๕๗"]]


def test_a_malformed_score_cell_is_read_again_and_keeps_what_it_was_read_as() -> None:
    text, conf, other = _settled("thai-66.57-bowl.png", "๖.๖..๕๗")
    assert (text, other) == ("๖๖.๕๗", "๖.๖..๕๗")
    assert conf is not None and conf < 0.85  # changed: less sure than the first reading was


def test_letters_tesseract_guessed_for_a_number_become_the_number_with_a_doubt() -> None:
    text, conf, other = _settled("thai-60.66-latin.png", "bo.bd")
    assert (text, other) == ("๖๐.๖๖", "bo.bd")
    assert conf is not None and conf < 0.85


def test_touching_digits_never_shorten_tesseracts_well_formed_score() -> None:
    text, _conf, _other = _settled("arabic-60.95-touching.png", "60.95")
    assert text == "60.95"


def test_a_grade_letter_is_never_turned_into_a_digit() -> None:
    assert settle_number("A", 0.9, [("4", 0.9), ("4", 0.9)], lambda: "4") == ("A", 0.9, None)


@pytest.mark.parametrize(
    ("first", "expected"), [("74. 17", "74.17"), ("๘๐ .๓๐", "๘๐.๓๐"), ("| 68.05", "68.05")]
)
def test_spaces_and_ruling_remnants_around_a_point_are_dropped(first: str, expected: str) -> None:
    assert settle_number(first, 0.9, [])[0] == expected


def _ruled(top_rule: bool) -> np.ndarray:
    page = np.zeros((400, 1000), np.uint8)
    rows = (100, 150, 200) if top_rule else (150, 200)
    for y in rows:
        page[y : y + 2, 100:900] = 255
    for x in (100, 300, 500, 700, 898):
        page[100:202, x : x + 2] = 255
    return page


def test_a_header_row_without_a_ruling_above_it_is_still_a_row() -> None:
    closed = find_grids(_ruled(top_rule=True))[0]
    open_top = find_grids(_ruled(top_rule=False))[0]
    assert len(open_top.cells) == len(closed.cells) == 8
    table = grid_table([(BBox(*b), "x", "x", 0.9) for b in open_top.cells], 1)
    assert table is not None and (table.n_rows, table.n_cols) == (2, 4)


def test_a_ruling_across_a_shaded_row_counts_though_the_page_threshold_lost_it() -> None:
    gray = np.full((400, 1000), 255, np.uint8)
    gray[100:150, 100:900] = 190  # a shaded header row
    for y in (100, 150, 200):
        gray[y : y + 2, 100:900] = 40
    for x in (100, 300, 500, 700, 898):
        gray[100:202, x : x + 2] = 40
    gray[100:150, 500:502] = 130  # a pale ruling on the shade
    binary = np.where(gray < 100, 255, 0).astype(np.uint8)
    assert len(find_grids(binary)[0].cells) == 7  # two header cells run together
    assert len(find_grids(binary, gray)[0].cells) == 8


_NAMES = [indicator.name for indicator in INDICATORS]


def _unheaded(values: list[str]) -> LogicalTable:
    """A table whose header OCR read as junk: the stitcher knows none of its columns."""
    rows = []
    for number, (name, value) in enumerate(zip(_NAMES, values, strict=True), start=1):
        texts = {0: f"ตัวชี้วัดที่ {number} {name}", 1: value}
        cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in texts.items()}
        rows.append(LogicalRow(1, cells, set(), False, texts))
    return LogicalTable("other", [None, None], ["", '"เนี่ ง'], rows, [1], [])


def test_a_table_whose_header_ocr_lost_is_read_by_its_names_and_decimal_scores() -> None:
    found, _facts = from_row_table(_unheaded([f"{50 + n}.{n}1" for n in range(10)]), 2564)
    assert [(i.number, i.score) for i in found] == [(n + 1, float(f"{50 + n}.{n}1")) for n in range(10)]


def test_an_unheaded_column_of_item_numbers_gives_no_scores() -> None:
    found, _facts = from_row_table(_unheaded([str(n) for n in range(1, 11)]), 2564)
    assert found == []


def test_the_glyph_memory_filling_up_never_loses_a_glyph_of_the_call(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """When the memory of classified glyphs was full, it was cleared after some of the call's own
    glyphs had been found in it, and reading them back raised KeyError: a whole scanned page failed,
    depending on how many glyphs earlier documents had left (a batch read one page differently
    from a run on the document alone)."""
    import numpy as np

    from extractors.ocr import digit_glyphs

    monkeypatch.setattr(digit_glyphs, "_KNOWN", {})
    monkeypatch.setattr(digit_glyphs, "KNOWN_MAX", 2)
    ink = np.zeros((20, 12), np.uint8)
    ink[2:18, 3:9] = 255
    other = np.zeros((20, 12), np.uint8)
    other[5:15, 1:11] = 255
    first = digit_glyphs.classify([ink, ink])  # remembered
    both = digit_glyphs.classify([ink, other, other.T.copy()])  # one known, two new: over the limit
    assert both[0] == first[0] and len(both) == 3


def test_two_years_whose_earlier_year_ocr_read_as_letters_take_the_assessed_years_column() -> None:
    """``ตัวชี้วัด | ปีwade | ปี ๒๕๖๒ | ผลต่าง`` (a scanned twin: ``ปี ๒๕๖๑`` read as Latin letters), a
    header row the stitcher did not know: the column dated with the assessed year is its score,
    not the first."""
    header = {0: "ตัวชี้วัด", 1: "ปีwade", 2: "ปี ๒๕๖๒", 3: "ผลต่าง (+/-)"}
    head = {c: [CellPart(1, None, t, t, 0.9)] for c, t in header.items()}
    rows = [LogicalRow(1, head, set(), False, header)]
    for number, name in enumerate(_NAMES, start=1):
        texts = {0: f"{number}. {name}", 1: f"{60 + number}.11", 2: f"{70 + number}.22", 3: "+10.11"}
        cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in texts.items()}
        rows.append(LogicalRow(1, cells, set(), False, texts))
    table = LogicalTable("other", [None] * 4, [""] * 4, rows, [1], [])
    found, _facts = from_row_table(table, 2562)
    expected = [(n, f"{70 + n}.22", 2562) for n in range(1, 11)]
    assert [(i.number, i.score_raw, i.year) for i in found] == expected


def _two_years(header: dict[int, str]) -> LogicalTable:
    """A two-year table whose header row the stitcher did not know, scores ``6n.11 | 7n.22``."""
    head = {c: [CellPart(1, None, t, t, 0.9)] for c, t in header.items()}
    rows = [LogicalRow(1, head, set(), False, header)]
    for number, name in enumerate(_NAMES, start=1):
        texts = {0: f"{number}. {name}", 1: f"{60 + number}.11", 2: f"{70 + number}.22", 3: "+10.11"}
        cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in texts.items()}
        rows.append(LogicalRow(1, cells, set(), False, texts))
    return LogicalTable("other", [None] * 4, [""] * 4, rows, [1], [])


@pytest.mark.parametrize("assessed", [2567, None])
def test_two_years_whose_later_year_has_a_stray_point_take_the_later_column_and_keep_the_earlier(
    assessed: int | None,
) -> None:
    """``ตัวชี้วัด | ปี ๒ ๒๕๖๖ 0 | .ปี ๒๕.๖๗ | เพ่มขชน/ลดลง`` (a scanned twin): the one year read is
    the earlier one; the column right of it is the year after, the assessed year's, and the earlier
    year's scores are its ``previous`` (every indicator took the earlier year's score before)."""
    table = _two_years({0: "ตัวชี้วัด", 1: "ปี ๒ ๒๕๖๖ 0", 2: ".ปี ๒๕.๖๗", 3: "เพ่มขชน/ลดลง"})
    found, _facts = from_row_table(table, assessed)
    got = [(i.number, i.score_raw, i.year, i.previous.score if i.previous else None) for i in found]
    assert got == [(n, f"{70 + n}.22", 2567, float(f"{60 + n}.11")) for n in range(1, 11)]


def test_a_year_read_that_disagrees_with_the_assessed_year_dates_no_other_column() -> None:
    """The one year read is neither the assessed year nor next to it: no year is inferred for the
    other column (the first score column stays the score, as before)."""
    table = _two_years({0: "ตัวชี้วัด", 1: "ปี ๒๕๖๖", 2: ".ปี ๒๕.๖๗", 3: "ผลต่าง"})
    found, _facts = from_row_table(table, 2569)
    assert {i.previous for i in found} == {None}


def test_a_score_column_whose_damaged_header_reads_as_item_numbers_still_gives_the_scores() -> None:
    """``ตัวชี้วัด | ที่ไ๒`` (``คะแนนที่ได้`` damaged, mapped to the item number's field): its cells
    are scores with decimals, which no item number has; a column of item numbers stays none."""
    rows = []
    for number, name in enumerate(_NAMES, start=1):
        texts = {0: f"{number}. {name}", 1: f"{60 + number}.11", 2: str(number)}
        cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in texts.items()}
        rows.append(LogicalRow(1, cells, set(), False, texts))
    table = LogicalTable("other", ["indicator", "seq", "seq"], ["ตัวชี้วัด", "ที่ไ๒", "ที่"], rows, [1], [])
    found, _facts = from_row_table(table, 2566)
    assert [(i.number, i.score) for i in found] == [(n, float(f"{60 + n}.11")) for n in range(1, 11)]
