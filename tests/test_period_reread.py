"""A borderless table's period cells on a scan are read again from the page image (issue 14):
such tables are found after OCR, from the page's words, so their cells held the page reading's
Latin guesses (``B.A.`` for ``ธ.ค.``) with nothing to settle them, as ruled grids' cells are."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.ocr.period_reread import needs_reread, settle_borderless_periods
from schemas import BBox, Cell, OcrInfo, OcrStatus, PageKind, PageText, Table, TableQuality

FONT = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
DPI = 200
PERIOD = "ต.ค. ๒๕๖๖ - ธ.ค. ๒๕๖๖"


def _scan(path: Path) -> BBox:
    """A one-page image PDF (a scan) of a short header and one period; the period's box in points."""
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 44)
    draw.text((900, 300), "ระยะเวลา", font=font, fill=0)
    draw.text((900, 420), PERIOD, font=font, fill=0)
    x0, y0, x1, y1 = draw.textbbox((900, 420), PERIOD, font=font)
    page.save(path, "PDF", resolution=DPI)
    s = 72 / DPI
    return BBox((x0 - 20) * s, (y0 - 20) * s, (x1 + 20) * s, (y1 + 20) * s)


@pytest.mark.skipif(not FONT.exists(), reason="the Laksaman font (fonts-tlwg-laksaman) is not installed")
def test_a_borderless_period_cell_read_as_latin_is_settled_from_the_image(tmp_path: Path) -> None:
    from extractors.ocr.geometry import prepare_page
    from extractors.ocr.page import render
    from extractors.ocr.pages import worker_engine

    pdf = tmp_path / "scan.pdf"
    box = _scan(pdf)
    import pypdfium2 as pdfium

    prepared = prepare_page(worker_engine(DPI), render(pdfium.PdfDocument(str(pdf)), 1, DPI))
    info = OcrInfo(OcrStatus.READ, DPI, rotation=prepared.page.rotation, skew=prepared.page.skew)
    page = PageText(1, 595.3, 842.0, PageKind.SCANNED, ocr=info)
    head = BBox(box.x0, box.top - 40, box.x1, box.top)
    misread = "B.A. ๒๕๖๖ - ธ.ค. ๒๕๖๖"  # what the page's reading gave
    cells = [Cell(0, 0, "ระยะเวลา", "ระยะเวลา", head, confidence=0.9)]
    cells.append(Cell(1, 0, misread, misread, box, confidence=0.9))
    whole = BBox(box.x0, head.top, box.x1, box.bottom)
    table = Table(1, 0, whole, 2, 1, cells, TableQuality("borderless", 1, 1, 1, []))
    assert needs_reread(table)
    settle_borderless_periods(pdf, {1: page}, [table])
    from extractors.ita.periods import parse_period

    settled = parse_period(table.cells[1].text, 2567)
    assert (str(settled.start), str(settled.end)) == ("2023-10-01", "2023-12-31")
    assert table.cells[1].raw  # where it came from stays


def test_ruled_tables_and_text_pages_are_left_alone(tmp_path: Path) -> None:
    """Nothing to do costs nothing: no file is even opened."""
    box = BBox(0, 0, 10, 10)
    cells = [Cell(0, 0, "ระยะเวลา", "", box, confidence=0.9), Cell(1, 0, "B.A. 64", "", box, confidence=0.9)]
    ruled = Table(1, 0, box, 2, 1, cells, TableQuality("lines", 1, 1, 1, []))
    text_page = Table(2, 0, box, 2, 1, cells, TableQuality("borderless", 1, 1, 1, []))
    pages = {
        1: PageText(1, 10, 10, PageKind.SCANNED, ocr=OcrInfo(OcrStatus.READ, DPI)),
        2: PageText(2, 10, 10, PageKind.TEXT),
    }
    settle_borderless_periods(tmp_path / "missing.pdf", pages, [ruled, text_page])
    assert ruled.cells[1].text == "B.A. 64"


LABELLED = "ระยะเวลา: ต.ค. ๒๕๖๖ - ธ.ค. ๒๕๖๖"


@pytest.mark.skipif(not FONT.exists(), reason="the Laksaman font (fonts-tlwg-laksaman) is not installed")
def test_a_labelled_period_line_read_as_latin_is_read_again_from_the_image(tmp_path: Path) -> None:
    """Measures written as paragraphs (``ระยะเวลา: ...``) have no cell: the line itself is read
    again, and keeps its label and raw text."""
    from PIL import Image, ImageDraw, ImageFont

    from extractors.ocr.geometry import prepare_page
    from extractors.ocr.page import render
    from extractors.ocr.pages import worker_engine
    from extractors.ocr.period_reread import PagesAgain, settle_period_lines
    from schemas import Line

    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 44)
    draw.text((200, 600), LABELLED, font=font, fill=0)
    x0, y0, x1, y1 = draw.textbbox((200, 600), LABELLED, font=font)
    pdf = tmp_path / "scan.pdf"
    image.save(pdf, "PDF", resolution=DPI)
    s = 72 / DPI
    import pypdfium2 as pdfium

    prepared = prepare_page(worker_engine(DPI), render(pdfium.PdfDocument(str(pdf)), 1, DPI))
    info = OcrInfo(OcrStatus.READ, DPI, rotation=prepared.page.rotation, skew=prepared.page.skew)
    misread = "ระยะเวลา: B.A. ๒๕๖๖ - ธ.ค. ๒๕๖๖"
    other = "ผู้รับผิดชอบ: B.A."  # not a period's line: never read again
    box = BBox(x0 * s, y0 * s, x1 * s, y1 * s)
    lines = [Line(misread, misread, box, (), confidence=0.9), Line(other, other, box, (), confidence=0.9)]
    page = PageText(1, 595.3, 842.0, PageKind.SCANNED, lines=lines, ocr=info)
    again = PagesAgain(pdf, {1: page})
    try:
        assert settle_period_lines(again) == 1
    finally:
        again.close()
    from extractors.ita.periods import parse_period

    label, _, period = page.lines[0].text.partition(": ")
    settled = parse_period(period, 2567)
    assert label == "ระยะเวลา" and (str(settled.start), str(settled.end)) == ("2023-10-01", "2023-12-31")
    assert page.lines[0].raw == misread and page.lines[1].text == other
