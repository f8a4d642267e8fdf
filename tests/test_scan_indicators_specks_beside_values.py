"""Indicator scores on scans where OCR read specks beside them: bar values with a bar's edge read as
letters or signs beside them (``7297 @ี ล ฟี 6817``, ``63.36 PA``, ``= 63.36``), two lost-point
values read as one word (``72166815``), and a column table whose score row's label OCR damaged
(``ผลคะแหน`` for ``ผลคะแนน``).

The lines and tables are built by hand in the shapes OCR gave them on a photographed and a 200 dpi
scanned twin of a generated document (draw 194, bar chart over a numbered legend; column table of
a photographed page): no Tesseract is needed.
"""

from __future__ import annotations

from extractors.ita.indicators import from_column_table
from extractors.ita.vocabulary import INDICATORS
from extractors.ocr.chart import chart_pairs
from schemas import CellPart, Line, LogicalRow, LogicalTable
from tests.ocr_shapes import ocr_line

_NAMES = [indicator.name for indicator in INDICATORS]
_SCORES = ["72.97", "79.19", "68.17", "64.14", "62.54", "63.36", "72.16", "68.15", "78.04", "79.88"]


def _legend() -> list[Line]:
    """A numbered legend below the bars, four entries a line (no numbers under the bars)."""
    lines: list[list[tuple[str, float, float, float, float]]] = [[], [], []]
    for k, name in enumerate(_NAMES):
        x, top = 126 + 120 * (k % 4), 410 + 20 * (k // 4)
        lines[k // 4].append((str(k + 1), x, top + 5, x + 4, top + 14))
        lines[k // 4].append((name, x + 8, top, x + 100, top + 17))
    return [ocr_line(*words) for words in lines]


def _bar_lines() -> list[Line]:
    """The values over ten bars 31.3 pt apart, as a photograph's OCR grouped them: the values at
    three heights, specks of the bars' edges read as letters beside some, two read as one word."""
    return [
        ocr_line(
            ("79.19", 297, 265, 314, 270.4), ("78.04", 517, 265, 533, 270.4), ("79.88", 549, 265, 565, 270.4)
        ),
        ocr_line(
            ("7297", 266, 278, 282, 283.4),
            ("@ี๊", 291, 273, 297, 283),
            ("ล", 307, 273, 308, 283),
            ("ฟี", 314, 274, 320, 283),
            ("6817", 328, 278, 345, 283.4),
            ("72166815", 454, 278, 502, 283.4),
            ("[EF", 510, 274, 520, 283),
        ),
        ocr_line(
            ("|", 351, 288, 351.4, 295),
            ("64.14", 359, 290.5, 376, 295.5),
            ("62.54", 391, 290.5, 407.5, 295.5),
            ("63.36", 422, 290.5, 439, 295.5),
            ("PA", 447, 287, 453, 295),
        ),
    ]


def test_values_beside_specks_read_as_letters_keep_their_bars_places() -> None:
    pairs, how = chart_pairs([*_bar_lines(), *_legend()])
    assert how == "legend"
    got = [(p.label.text.split()[0], p.value.text, p.value.point_lost) for p in pairs]
    lost = {"7297", "6817", "7216", "6815"}
    expected = [s if s.replace(".", "") not in lost else s.replace(".", "") for s in _SCORES]
    assert got == [(str(n), s, s in lost) for n, s in enumerate(expected, 1)]


def test_a_value_after_a_speck_under_numbered_bars_is_paired_with_its_bar() -> None:
    values = ocr_line(
        *[(s, 278 + 31.8 * i, 287.6, 295 + 31.8 * i, 293) for i, s in enumerate(_SCORES) if i != 5],
    )
    speck = ocr_line(("=", 433, 298.4, 435, 300), ("63.36", 437.8, 299.9, 455.4, 305.7))
    numbers = ocr_line(
        *[(str(n), 284 + 31.8 * (n - 1), 390, 290 + 31.8 * (n - 1), 396) for n in range(1, 11)]
    )
    pairs, how = chart_pairs([values, speck, numbers])
    assert how == "columns"
    assert [(p.label.text, p.value.text) for p in pairs] == [(str(n), s) for n, s in enumerate(_SCORES, 1)]


def test_too_few_values_placed_leave_a_lost_point_word_unplaced() -> None:
    # one value alone says nothing of the bars' pitch: no other number takes a place beside it
    lines = [ocr_line(("79.19", 297, 265, 314, 270.4)), ocr_line(("7297", 266, 278, 282, 283.4))]
    assert chart_pairs([*lines, *_legend()]) == ([], "")


def _column_table(label: str, scores: list[str]) -> LogicalTable:
    header = ["", "๒", "", "๔", "๕", "๖", "๗", "๘", "๙", "๑๐"]
    rows = []
    for first, texts in (("ตัวชี้วัด", header), (label, scores)):
        cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in enumerate([first, *texts])}
        rows.append(LogicalRow(1, cells, set(), False, {c: p[0].text for c, p in cells.items()}))
    return LogicalTable("other", [None] * 11, [""] * 11, rows, [1], [])


_THAI_SCORES = ["๗๓.๖๒", "๘๐.๐๗", "๖๒.๙๖", "๗๔.๘๕", "๗๒.๒๗", "๖๕.๙๓", "๘๖.๐๑", "๗๐.๗๒", "๗๘.๓๕", "๗๑.๗๗"]


def test_a_score_row_whose_label_ocr_damaged_still_scores_the_numbered_columns() -> None:
    found, _facts = from_column_table(_column_table("ผลคะแหน", _THAI_SCORES), 2567)
    assert [(i.number, i.score_raw) for i in found] == [(n, s) for n, s in enumerate(_THAI_SCORES, 1)]
    assert {i.year for i in found} == {2567}


def test_a_row_labelled_as_differences_or_targets_is_no_score_row() -> None:
    for label in ("ผลต่าง", "เป้าหมาย"):
        assert from_column_table(_column_table(label, _THAI_SCORES), 2567) == ([], None)
