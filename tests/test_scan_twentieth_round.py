"""Scanned documents, twentieth round of issue 14: a word, a cell or a header that OCR damaged
or never read no longer loses a row, a score column or a whole table.

- a signature over a row's first line, read as one word across a gutter
  (``1.ส่งเสริม…ประชาสัมพันธ์``), is cut at the gutter the rows above and below keep, so the row
  starts where it does and its period is its own;
- a year-headed score column keeps the cells OCR damaged (``๘อ.๒๓``) as numbers, and its header
  repeated on the next page (``ปี ๒๕๖๕``) is none of its values, so the assessed year's scores
  are not left for the earlier year's;
- words beside a line that Tesseract's page layout left unread (a header's right-hand cells) are
  found in the ink on the line's band and read on their own.
"""

from __future__ import annotations

import numpy as np

from extractors.ita.indicators import from_row_table
from extractors.ita.vocabulary import INDICATORS
from extractors.ocr.engine import OcrLine, OcrSymbol
from extractors.ocr.line_rest import unread_rests
from extractors.ocr.rows import line_em, scan_borderless, split_bridging_words
from schemas import CellPart, LogicalRow, LogicalTable
from tests.rows_shapes import line as _line
from tests.rows_shapes import names as _names
from tests.rows_shapes import page as _page
from tests.rows_shapes import periods as _periods
from tests.rows_shapes import word as _word

# --- a signature's word across a gutter ------------------------------------------------------

_XS = (200.0, 330.0, 440.0)  # steps, responsible, period
_PERIODS = ("ต.ค. 67", "ม.ค. 68", "ก.ย. 68", "มี.ค. 68", "ธ.ค. 67", "ก.พ. 68")


def _row_lines(top: float, n: int, period: tuple[str, ...] = ()) -> list:  # type: ignore[type-arg]
    """Row ``n``'s two lines; ``period``: its period's two lines (else one, the row's own)."""
    first, second = period or (_PERIODS[n - 1], "")
    cells = [_word(f"{n}. อบรม", _XS[0], top), _word("กองคลัง", _XS[1], top), _word(first, _XS[2], top)]
    below = [_word("ให้ความรู้", _XS[0], top + 18.0), _word("งานพัสดุ", _XS[1], top + 18.0)]
    if second:
        below.append(_word(second, _XS[2], top + 18.0))
    return [_line(cells), _line(below)]


def test_a_signature_read_across_a_gutter_with_a_rows_text_starts_its_row() -> None:
    # fam4 c81 s271 scan200: the row above's period runs onto its second line, so every column
    # goes on to the signed line, whose steps and unit OCR read as one word across their gutter
    header = _line([_word(h, x, 100.0) for h, x in zip(("ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา"), _XS, strict=True)])
    lines = [header, *_row_lines(130.0, 1), *_row_lines(178.0, 2, ("มิ.ย. 68 -", "ก.ย. 68"))]
    top = 130.0 + 48.0 * 2
    glued = _word("1.ส่งเสริมการเรียนรู้เรื่องการซร์ธ์เม็นควมเลี่ยฮ์“จกิพประชาสัมพันธ์", _XS[0], top, 200.0)
    lines.append(_line([glued, _word(_PERIODS[2], _XS[2], top)]))
    lines.append(_line([_word("การทุจริต", _XS[0], top + 18.0), _word("กองการศึกษา", _XS[1], top + 18.0)]))
    for n in (4, 5, 6):
        lines += _row_lines(130.0 + 48.0 * (n - 1), n)
    lines = split_bridging_words(lines, line_em(lines), _names)  # as the scanned layout does
    (table,) = scan_borderless(_page(lines), [], _names)
    assert table.n_rows == 7  # the header and six rows: the signed row's second line is its own
    row = {c.col: c.text for c in table.cells if c.row == 3}
    assert row[0].startswith("1.ส่งเสริม") and row[0].endswith("การทุจริต")
    assert "ประชาสัมพันธ์" in row[1] and row[1].endswith("กองการศึกษา") and row[2] == _PERIODS[2]
    assert _periods([table]) == [_PERIODS[0], "มิ.ย. 68 - ก.ย. 68", *_PERIODS[2:]]


# --- a year-headed score column OCR damaged ----------------------------------------------------

_NAMES = [indicator.name for indicator in INDICATORS]


def _row(texts: dict[int, str], page: int = 1) -> LogicalRow:
    cells = {c: [CellPart(page, None, t, t, 0.9)] for c, t in texts.items() if t}
    return LogicalRow(page, cells, set(), False, {c: t for c, t in texts.items() if t})


def test_a_year_column_with_damaged_cells_and_its_header_repeated_keeps_the_assessed_years_scores() -> None:
    # c81 2566 scan200: the 2565 column's ``๘อ.๒๓``, ``๗๐.๕๓๓``, ``ฒ่๐.๐๔``, ``ต่อ.๗๐14<`` and the
    # header repeated on page 2 made it no score column, and the 2564 scores were taken as 2564's
    damaged = {2: "๘อ.๒๓", 5: "๗๐.๕๓๓", 8: "ฒ่๐.๐๔", 10: "ต่อ.๗๐14<"}
    rows = [_row({0: "ตัวชี้วัด", 1: "ปี ๒๕๖๔", 2: "ปี ๒๕๖๕", 3: "เพิ่มขึ้น/ลดลง"})]
    for n, name in enumerate(_NAMES, start=1):
        page = 1 if n <= 8 else 2
        if n == 9:
            rows.append(_row({0: "ตัวชี้วัด", 1: "ปี ๒๕๖๔", 2: "ปี ๒๕๖๕", 3: "เพิ่มขึ้น/ลดลง"}, 2))
        later = damaged.get(n, f"{70 + n}.11")
        rows.append(_row({0: f"{n}. {name}", 1: f"{60 + n}.11", 2: later, 3: "+10.00"}, page))
    table = LogicalTable("other", [None] * 4, [""] * 4, rows, [1, 2], [])
    found, _facts = from_row_table(table, 2565)
    years = {i.year for i in found}
    assert years == {2565}
    # a damaged cell's score is the earlier year's and the difference beside it
    assert {i.number: i.score for i in found} == {n: round(70 + n + 0.11, 2) for n in range(1, 11)}
    assert all(i.previous is not None and i.previous.year == 2564 for i in found)


# --- words the page layout left unread beside a line ------------------------------------------


def _letters(ink: np.ndarray, x: int, top: int, count: int) -> list[tuple[int, int, int, int]]:
    boxes = []
    for k in range(count):
        x0 = x + 30 * k
        ink[top : top + 20, x0 : x0 + 15] = 255
        boxes.append((x0, top, x0 + 15, top + 20))
    return boxes


def test_words_beside_a_read_line_that_no_symbol_covers_are_found() -> None:
    ink = np.zeros((200, 900), np.uint8)
    read = _letters(ink, 20, 20, 8)  # ``ประเด็นที่ … ผลการ`` read
    _letters(ink, 400, 22, 3)  # ``ผู้รับผิด`` unread ...
    _letters(ink, 560, 22, 2)  # ``ช่วง`` unread, a gutter apart
    lines = [(20, 20, 245, 40)]
    (box,) = unread_rests(ink, lines, read)  # one reading for both: nothing read between them
    assert box[0] < 400 and box[2] > 605 and box[1] <= 20 and box[3] >= 42


def test_a_signature_stroke_through_a_lines_band_is_no_unread_word() -> None:
    ink = np.zeros((200, 900), np.uint8)
    read = _letters(ink, 20, 20, 8)
    ink[5:120, 420:424] = 255  # a stroke down through the band, right of the line
    ink[30:34, 400:520] = 255
    assert unread_rests(ink, [(20, 20, 245, 40)], read) == []


def test_the_page_reader_reads_the_words_its_layout_left_beside_a_line() -> None:
    from extractors.ocr.page import PageReader
    from extractors.ocr.raster import Cleaned

    gray = np.full((300, 1000), 255, np.uint8)
    for k in range(8):
        gray[100:120, 60 + 30 * k : 75 + 30 * k] = 0
    for k in range(3):
        gray[102:120, 500 + 30 * k : 515 + 30 * k] = 0
    binary = np.asarray(255 - gray, np.uint8)
    page = Cleaned(gray, binary, 0.0, 0, float(np.count_nonzero(binary)) / binary.size)

    class Engine:
        dpi = 200

        def __init__(self) -> None:
            self.reads: list[tuple[int, int]] = []

        def read(self, image: np.ndarray, page: bool = False, **_: object) -> list[OcrLine]:
            self.reads.append(image.shape)
            if page:  # the layout's reading: the line's first eight letters only
                h0 = int(np.flatnonzero((image < 128).any(axis=1))[0])
                x0 = int(np.flatnonzero((image < 128).any(axis=0))[0])
                symbols = tuple(
                    OcrSymbol("ก", (x0 + 30 * k, h0, x0 + 30 * k + 15, h0 + 20), 95.0) for k in range(8)
                )
                return [OcrLine(symbols, (x0, h0, x0 + 225, h0 + 20))]
            rest = enumerate("ชอบ")
            symbols = tuple(OcrSymbol(c, (10 + 30 * k, 8, 25 + 30 * k, 26), 95.0) for k, c in rest)
            return [OcrLine(symbols, (10, 8, 85, 26))]

    engine = Engine()
    reader = PageReader(engine, page, 200)  # type: ignore[arg-type]
    lines = reader.prose([])
    assert any("ชอบ" in line.text.replace(" ", "") for line in lines)
    assert len(engine.reads) == 2  # the page, then the rest beside its line: nothing else


# --- a row that names columns, under a row whose word fills its narrow cell -------------------


def test_a_row_naming_columns_under_a_row_filling_its_cell_starts_no_table() -> None:
    # fam7 c78 s293 rotated, page 3 (a table going on from page 2, no header of its own): a row's
    # ``ภาพถ่าย`` fills its narrow cell to 3 pt from the next column, so by its box the row
    # above ``เสริมการ แนวทางเรื่องการ กิจกรรม … ผลการ`` kept no gutter, and that row, whose words
    # name columns, was taken for a new table's header: every row under it was lost
    from tests.rows_shapes import COLUMNS

    def row(top: float, texts: tuple[str, ...], widths: tuple[float, ...] = ()):  # type: ignore[no-untyped-def]
        cells = zip(texts, COLUMNS, [*widths, *(None,) * (len(texts) - len(widths))], strict=True)
        return _line([_word(t, x, top, w) for t, x, w in cells if t])

    lines = [
        row(100.0, ("1. มาตรการ", "(1) อบรม", "กองคลัง", "ต.ค. 67")),
        row(118.0, ("ส่งเสริม", "ให้ความรู้", "งานพัสดุ", "")),
        row(166.0, ("2. มาตรการ", "- ภาพถ่ายกิจกรรม", "กองช่าง", "ม.ค. 68"), (70.0, 127.0)),  # to 327
        row(184.0, ("มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา")),
        row(202.0, ("ต่อ", "ให้ความรู้", "งานพัสดุ", "")),
        row(250.0, ("3. มาตรการ", "(1) อบรม", "กองคลัง", "ก.ย. 68")),
    ]
    assert scan_borderless(_page(lines), [], _names) == []
