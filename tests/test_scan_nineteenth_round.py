"""Scanned measures tables, nineteenth round of issue 14: one word or one line placed where
it misleads no longer loses a table, a column or a row.

- a page number centred over one of the header's gutters (``- 2 -``) is no row of an aligned
  block above the header, so the table under it is found;
- a bullet at a column's left edge (``-`` of ``- ประกาศ``) goes with the word it opens;
- a row cut by a page break whose issue cell wrapped, its period's end year alone on the next
  page, is the rest of the row above.
"""

from __future__ import annotations

from extractors.ita.facts import Passage, read_facts
from extractors.ita.stitch import stitch
from extractors.ocr.engine import OcrLine, OcrSymbol
from extractors.ocr.page import _text_lines
from extractors.ocr.rows import scan_borderless
from schemas import OcrInfo, OcrStatus, PageKind, PageText
from tests.rows_shapes import COLUMNS, HEADER, PERIODS, ocr_table
from tests.rows_shapes import line as _line
from tests.rows_shapes import names as _names
from tests.rows_shapes import page as _page
from tests.rows_shapes import periods as _periods
from tests.rows_shapes import rows as _rows
from tests.rows_shapes import word as _word


def _header(top: float = 100.0):  # type: ignore[no-untyped-def]
    return _line([_word(h, x, top) for h, x in zip(HEADER, COLUMNS, strict=True)])


def test_a_page_number_centred_over_a_gutter_does_not_hide_the_header_under_it() -> None:
    # ``- 2 -``: its three marks set a gutter's width apart, all over the white between the
    # first two columns (``มาตรการ`` ends at 109, ``ขั้นตอน`` starts at 200)
    number = _line([_word("-", 130.0, 78.0, 4.0), _word("2", 145.0, 78.0, 4.0), _word("-", 160.0, 78.0, 4.0)])
    tables = scan_borderless(_page([number, _header(), *_rows(130.0, 1, 3)]), [], _names)
    assert len(tables) == 1 and tables[0].n_cols == 4
    assert _periods(tables) == list(PERIODS[:3])


def test_a_bullet_at_a_columns_left_edge_goes_with_the_word_it_opens() -> None:
    # the steps header is centred (``ขั้นตอน`` from 210): the white under the header's gutter
    # runs from the measure header's end (190) to where the steps words' ink surely starts, and
    # the ``-`` opening the first steps cell stands at 190, left of that white's middle
    xs = (60.0, 210.0, 330.0, 440.0)
    header = _line(  # the measure header ends at 190
        [
            _word("มาตรการ/แนวทาง/วิธีการ", 60.0, 100.0, 130.0),
            *(_word(h, x, 100.0) for h, x in zip(HEADER[1:], xs[1:], strict=True)),
        ]
    )
    body = _rows(130.0, 1, 3)
    body[0] = _line([*body[0].words, _word("-", 190.0, body[0].box.top, 4.0)])
    (table,) = scan_borderless(_page([header, *body]), [], _names)
    steps = next(c.text for c in table.cells if c.row == 1 and c.col == 1)
    measure = next(c.text for c in table.cells if c.row == 1 and c.col == 0)
    assert steps.startswith("- ") and "-" not in measure


def test_a_year_alone_under_a_wrapped_issue_is_the_rest_of_the_row_cut_by_the_page_break() -> None:
    header = ["ประเด็นที่ต้องปรับปรุง", "วิธีการดำเนินการ", "หน่วยงานรับผิดชอบ", "ระยะเวลาดำเนินการ"]
    before = ocr_table(
        2,
        [header, ["ตัวชี้วัดที่ ๘ การปรับปรุงระบบการ", "๑ จัดทำคู่มือ ๒. ทบทวน", "กองคลัง", "๑ ต.ค. ๒๕๖๒ - ๓๐ ก.ย."]],
    )
    after = ocr_table(
        3,
        [
            header,
            ["ทำงาน", "การมีส่วนร่วม", "", "๒๕๒๓"],
            ["ตัวชี้วัดที่ ๖ คุณภาพ", "๑. อบรม", "งานพัสดุ", "ต.ค. ๖๒ - ธ.ค. ๖๒"],
        ],
    )
    (measures,) = [t for t in stitch([before, after]) if t.kind == "measures"]
    assert len(measures.rows) == 2
    assert "ทำงาน" in measures.rows[0].texts[0]


def _year_facts(kind: PageKind):  # type: ignore[no-untyped-def]
    """The passages of fam c78 s259 at 150 dpi: the overall score's clause read ``๒๕๖๕`` (a Thai
    ``๔`` read as its look-alike ``๕``), the running head and the chart's title ``๒๕๖๔``."""
    texts = (
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕",
        "ในปี พ.ศ. ๒๕๖๕ โรงเรียนชุมชนบ้านโพธิ์ได้คะแนนรวม ๗๓.๖๗ คะแนน ผลการประเมินอยู่ในระดับ C",
        "๑. ผลการประเมิน ITA ปี ๒๕๖๔ แยกรายตัวชี้วัด",
    )
    ocr = OcrInfo(OcrStatus.READ, 150) if kind == PageKind.SCANNED else None
    page = PageText(1, 595.0, 842.0, kind, ocr=ocr)
    return read_facts([page], [Passage(t, 1, None) for t in texts])


def test_a_scanned_score_dated_the_fiscal_year_itself_takes_the_result_year_the_document_names() -> None:
    facts = _year_facts(PageKind.SCANNED)
    assert (facts.overall_score, facts.assessed_year) == (73.67, 2564)
    assert any("look-alike" in why for why in facts.candidates["assessed_year"][0].why.split("; "))


def test_a_text_page_keeps_the_year_it_prints() -> None:
    assert _year_facts(PageKind.TEXT).assessed_year == 2565


def _ocr_line(text: str, box: tuple[int, int, int, int], confidence: float = 99.0) -> OcrLine:
    x0, y0, x1, y1 = box
    step = (x1 - x0) // len(text)
    symbols = tuple(
        OcrSymbol(ch, (x0 + i * step, y0, x0 + (i + 1) * step, y1), confidence) for i, ch in enumerate(text)
    )
    return OcrLine(symbols, box)


def test_a_full_line_beside_a_line_read_two_lines_tall_is_kept() -> None:
    # fam c78 s256 page 2, at 200 dpi: a signature across a row's first line joined the line below
    # to it; Tesseract read the row's line (76 px, confidence 99) and the line below again, 114 px
    row = _ocr_line("4ตัวชี้วัดที่9การ(1)ประกาศหลักเกณฑ์", (22, 1665, 1221, 1741))
    joined = _ocr_line("เปิดเผยข้อมูลข้อมูลพื้นฐานบนเว็บไซต์", (87, 1698, 1204, 1812))
    others = [_ocr_line("ยังมีคะแนนต่ำหน่วยงาน", (96, 1809 + 70 * k, 1014, 1873 + 70 * k)) for k in range(3)]
    kept = _text_lines([row, joined, *others])
    assert any(line is row for line in kept)


def test_marks_read_as_a_line_over_a_taller_line_are_still_left_out() -> None:
    marks = _ocr_line("alry", (162, 34, 255, 61), 96.0)
    lines = [_ocr_line("ประเด็นที่ต้องพัฒนา", (67, 39, 309, 85)), _ocr_line("มาตรการ", (67, 90, 309, 134))]
    kept = _text_lines([marks, *lines])
    assert len(kept) == 2 and not any(line is marks for line in kept)


def test_a_stamps_ring_read_beside_a_taller_line_is_still_left_out() -> None:
    # variant-arabic-digits-scanned: a stamp's ring read as a line as tall as a text line, standing
    # out of the line it overlaps, confidence 95, but no Thai words: no text of the steps cell
    ring = _ocr_line("เรใดเร้วจเค", (22, 1665, 1221, 1741), 95.0)
    joined = _ocr_line("เปิดเผยข้อมูลข้อมูลพื้นฐานบนเว็บไซต์", (87, 1698, 1204, 1812))
    others = [_ocr_line("ยังมีคะแนนต่ำหน่วยงาน", (96, 1809 + 70 * k, 1014, 1873 + 70 * k)) for k in range(3)]
    assert not any(line is ring for line in _text_lines([ring, joined, *others]))
