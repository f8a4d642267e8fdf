"""Indicator scores on scans in the layouts OCR damages: bar charts whose numbers under the bars
were lost or read as specks, column tables whose shaded header lost some numbers, two years side
by side whose assessed cell a stamp damaged, and score cells a stamp or a stray point damaged.

The lines and tables here are built by hand in the shapes OCR gives them on the scanned twins of
generated corpus documents (200 dpi): no Tesseract is needed.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.ita.indicators import column_numbers, from_column_table, from_row_table, merge
from extractors.ita.vocabulary import INDICATORS
from extractors.ocr.chart import chart_pairs
from extractors.ocr.page import _noise
from schemas import BBox, CellPart, Line, LogicalRow, LogicalTable
from tests.ocr_shapes import ocr_line

_NAMES = [indicator.name for indicator in INDICATORS]
_SCORES = ["87.50", "92.38", "87.58", "85.59", "99.99", "82.99", "97.37", "86.35", "88.24", "90.75"]


def _bar_values(scores: list[str], top: float = 280.0) -> Line:
    """The values over ten bars 31 pt apart, as one OCR line."""
    return ocr_line(*[(s, 159 + 31 * i, top, 176 + 31 * i, top + 5.4) for i, s in enumerate(scores)])


def _legend(numbers: range) -> list[Line]:
    words = []
    for k, n in enumerate(numbers):
        x = 126 + 90 * (k % 4)
        words.append((str(n), x, 434 + 20 * (k // 4), x + 4, 451 + 20 * (k // 4)))
        words.append((_NAMES[n - 1], x + 8, 434 + 20 * (k // 4), x + 80, 451 + 20 * (k // 4)))
    return [ocr_line(*[w for w in words if w[2] == top]) for top in sorted({w[2] for w in words})]


def test_the_numbers_under_a_charts_bars_are_a_line_of_text_not_specks() -> None:
    numbers = ocr_line(*[(str(n), 160 + 31 * n, 400, 166 + 31 * n, 406) for n in range(1, 11)])
    assert not _noise(numbers)
    specks = ocr_line(
        *[(t, 160 + 31 * n, 400, 166 + 31 * n, 406) for n, t in enumerate(["1", "7", "1", "4", "1"])]
    )
    assert _noise(specks)


def test_a_bar_is_paired_with_the_score_on_it_not_with_a_number_in_the_sentence_above() -> None:
    sentence = ocr_line(
        ("เทศบาลได้คะแนนรวม", 214, 156, 419, 174), ("89.65", 428, 156, 468, 174), ("คะแนน", 475, 156, 517, 174)
    )
    numbers = ocr_line(*[(str(n), 164 + 31 * (n - 1), 400, 171 + 31 * (n - 1), 406) for n in range(1, 11)])
    pairs, how = chart_pairs([sentence, _bar_values(_SCORES), numbers])
    assert how == "columns"
    assert [(p.label.text, p.value.text) for p in pairs] == [(str(n), s) for n, s in enumerate(_SCORES, 1)]


def test_bars_whose_numbers_were_lost_follow_the_legends_order_and_keep_their_places() -> None:
    scores = list(_SCORES)
    scores[2] = "8758"  # its point lost: it holds its bar's place, kept as read and marked so
    scores[5] = "829"  # a digit lost with the point: no score, nor one of the chart's format: an empty place
    pairs, how = chart_pairs([_bar_values(scores), *_legend(range(1, 8))])
    assert how == "legend"
    got = [(p.label.text.split()[0], p.value.text, p.value.point_lost) for p in pairs]
    assert got == [(str(n), s, n == 3) for n, s in enumerate(scores, 1) if n != 6]
    assert pairs[0].label.text == "1 การปฏิบัติหน้าที่"
    assert pairs[-1].label.raw == ""  # past the legend: numbered by its place, nothing read


def test_values_that_do_not_stand_at_one_pitch_are_not_paired_by_order() -> None:
    line = ocr_line(
        *[(s, x, 280, x + 17, 285) for s, x in zip(_SCORES[:4], (159, 190, 210, 252), strict=True)]
    )
    assert chart_pairs([line, *_legend(range(1, 5))]) == ([], "")


def _column_table(header: list[str], scores: list[str]) -> LogicalTable:
    rows = []
    for label, texts in (("ตัวชี้วัด", header), ("คะแนน", scores)):
        cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in enumerate([label, *texts])}
        rows.append(LogicalRow(1, cells, set(), False, {c: p[0].text for c, p in cells.items()}))
    return LogicalTable("other", [None] * 11, [""] * 11, rows, [1], [])


def test_a_shaded_header_that_lost_some_numbers_still_numbers_the_ten_columns() -> None:
    header = [". ไร .", "2", "", "4", "5", "6", "7", ". ซี", "9", "10'"]
    found, _facts = from_column_table(_column_table(header, _SCORES), 2562)
    assert [(i.number, i.score_raw) for i in found] == [(n, s) for n, s in enumerate(_SCORES, 1)]


def test_a_header_with_too_few_numbers_or_one_out_of_place_numbers_nothing() -> None:
    assert column_numbers(["ตัวชี้วัด", "1", "2", "", "", "", "", "7", "", "", ""]) == {}
    assert column_numbers(["ตัวชี้วัด", "1", "2", "3", "4", "5", "6", "8", "", "9", "10"]) == {}


def _row_table(
    cells: Sequence[tuple[str, ...]], header: list[str], confidence: float | None = 0.9
) -> LogicalTable:
    rows = []
    for number, texts in enumerate(cells, start=1):
        parts = {0: [CellPart(1, None, f"ตัวชี้วัดที่ {number} {_NAMES[number - 1]}", "", confidence)]}
        for c, t in enumerate(texts, start=1):
            parts[c] = [CellPart(1, BBox(300, 20 * number, 340, 20 * number + 10), t, t, confidence)]
        rows.append(LogicalRow(1, parts, set(), False, {c: p[0].text for c, p in parts.items()}))
    kind = "indicators"
    fields: list[str | None] = ["indicator", *(["score"] * (len(header) - 1))]
    return LogicalTable(kind, fields, header, rows, [1], [])


def test_a_stamped_score_cell_keeps_its_reading_raw_with_its_confidence_and_no_score() -> None:
    cells = [(s,) for s in _SCORES]
    cells[3] = ("/~",)
    found, _facts = from_row_table(_row_table(cells, ["ตัวชี้วัด", "คะแนน"]), 2562)
    fourth = next(i for i in found if i.number == 4)
    assert (fourth.score, fourth.score_raw, fourth.confidence) == (None, "/~", 0.9)
    # another reading with a score (the text) takes its place; the raw one never hides it
    text = type(fourth)(4, fourth.name, None, fourth.instrument, 85.59, "85.59", 2562, None, 1, None, "text")
    kept, conflicts = merge([*found, text])
    assert next(i for i in kept if i.number == 4).score == 85.59 and conflicts == []


def test_a_doubted_reading_with_a_stray_point_is_the_score_its_columns_decimals_make() -> None:
    cells = [(s,) for s in _SCORES]
    cells[1] = ("92 .3.8",)
    doubted = _row_table(cells, ["ตัวชี้วัด", "คะแนน"])
    doubted.rows[1].cells[1][0] = CellPart(1, None, "92 .3.8", "92 .3.8", 0.3)
    second = next(i for i in from_row_table(doubted, 2562)[0] if i.number == 2)
    assert (second.score, second.score_raw, second.confidence) == (92.38, "92 .3.8", 0.3)
    # the same reading that OCR did not doubt is not changed: it stays raw, without a score
    trusted = _row_table(cells, ["ตัวชี้วัด", "คะแนน"])
    second = next(i for i in from_row_table(trusted, 2562)[0] if i.number == 2)
    assert (second.score, second.score_raw) == (None, "92 .3.8")


def test_text_layer_cells_that_are_no_score_give_no_indicator() -> None:
    cells = [(s,) for s in _SCORES]
    cells[3] = ("-",)
    found, _facts = from_row_table(_row_table(cells, ["ตัวชี้วัด", "คะแนน"], confidence=None), 2562)
    assert 4 not in {i.number for i in found} and len(found) == 9


def test_a_stamped_score_of_two_years_is_the_earlier_score_plus_the_signed_difference_with_a_check() -> None:
    from extractors.ita.checks import check
    from schemas import Document
    from schemas.record import DocumentFacts, Interpretation

    cells = [(f"{50 + n}.11", f"{60 + n}.22", f"+{10 + n}.11") for n in range(10)]
    cells[8] = ("58.11", "ภรง", "+10.11")  # the stamp's ring across the assessed year's cell
    cells[9] = ("59.11", "[ «ฉก0", "10.11")  # and a difference whose sign was lost: nothing settles it
    table = _row_table(cells, ["ตัวชี้วัด", "ปี 2567", "ปี 2568", "ฉึง เช"])  # its header unread
    table.fields[3] = None
    found, _facts = from_row_table(table, 2568)
    ninth, tenth = (next(i for i in found if i.number == n) for n in (9, 10))
    assert (ninth.score, ninth.score_raw, ninth.confidence) == (68.22, "ภรง", 0.5)
    assert (tenth.score, tenth.score_raw) == (None, "[ «ฉก0")
    facts = DocumentFacts(assessed_year=2568)
    checks = check(Interpretation(Document("x.pdf", "", [], []), facts, found, []))
    low = [c for c in checks if c.code == "OCR_LOW_CONFIDENCE"]
    assert [c.values["text"] for c in low] == ["ภรง"]
    missing = next(c for c in checks if c.code == "INDICATORS_MISSING")
    assert missing.values["missing"] == [10]


def test_a_photographed_charts_values_whose_points_were_lost_or_cut_are_paired_as_read_and_marked() -> None:
    """The lines OCR read off a small bar chart in a photograph (a scanned twin's page 2): values
    whose point was lost (``8314``), cut in two where it stood (``65`` ``34``), among specks."""
    values = ocr_line(
        ("8314", 264, 126, 281, 132),
        ("7772", 296, 126, 312, 132),
        ("8247", 327, 126, 344, 132),
        ("83.30", 516, 126, 533, 132),
    )
    middle = ocr_line(
        ("_", 284, 136, 298, 142),
        (".", 349, 136, 351, 142),
        ("6669", 358, 136, 376, 142),
        ("65", 421, 136, 429, 142),
        ("34", 431, 136, 438, 142),
        ("7295", 485, 136, 501, 142),
    )
    low = ocr_line(
        ("7", 362, 148, 371, 154),
        ("61", 390, 148, 396, 154),
        ("a", 400, 148, 407, 154),
        ("61.10", 547, 148, 565, 154),
    )
    numbers = ocr_line(
        *[(str(n), 269 + 31.4 * (n - 1), 238, 275 + 31.4 * (n - 1), 245) for n in range(1, 11)]
    )
    pairs, how = chart_pairs([values, middle, low, numbers])
    assert how == "columns"
    got = [(p.label.text, p.value.text, p.value.point_lost) for p in pairs]
    assert got == [
        ("1", "8314", True),
        ("2", "7772", True),
        ("3", "8247", True),
        ("4", "6669", True),
        ("6", "6534", True),
        ("8", "7295", True),
        ("9", "83.30", False),
        ("10", "61.10", False),
    ]
    # as a table, each value whose point was lost is doubted: the indicator reader puts it back
    from extractors.ocr.chart import pairs_table

    table = pairs_table(pairs, 2, how)
    doubted = [c.text for c in table.cells if c.col == 1 and c.confidence is not None and c.confidence <= 0.3]
    assert doubted == ["8314", "7772", "8247", "6669", "6534", "7295"]
