"""Scanned pages: a Thai line's marks above stay on it.

On a page deskewed level, the marks above a Thai line (``ี ่ ้ ็``) stand in a band of their own,
and Tesseract's line finder made a row of them: a line of junk that the page reader drops, with
the marks gone from the line below (``ประเดินทีจําเป็น``), or with that line lost too.  The engine
now tells Tesseract how small a piece of ink is to be hung on a line rather than make one
(:func:`extractors.ocr.engine.noise_size`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.read import read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def santipatong_page_one() -> str:
    doc = read_document(SAMPLES / "santipatong-2565-scanned.pdf", pages="1")
    return doc.pages[0].text


@pytest.fixture(scope="module")
def wangphai_page_one() -> str:
    doc = read_document(SAMPLES / "wangphai-2566-scanned.pdf", pages="1")
    return "\n".join(cell.text for table in doc.tables for cell in table.cells)


def test_a_paragraphs_lines_keep_their_marks(santipatong_page_one: str) -> None:
    # the page's prose: the marks of these lines were read as lines of their own and dropped
    text = santipatong_page_one.replace(" ", "")
    assert "ประเด็นที่จำเป็นวางแผนพัฒนา" in text
    assert "ปรับปรุงประมาณการร้อยละ๑๕-๒๕ของตัวชี้วัดหรือข้อคำถามทั้งหมด" in text
    assert "ประเดินทีจำ" not in text


def test_a_cells_lines_keep_their_marks(wangphai_page_one: str) -> None:
    # measures cells: ``ท้องถิน`` and ``เจ้าหน้าที`` had lost their tone marks
    text = wangphai_page_one.replace(" ", "").replace("\n", "")
    assert "ประมวลจริยธรรมของผู้บริหารท้องถิ่น" in text
    assert "ท้องถิน" not in text
    assert "เจ้าหน้าที่เพื่อให้บุคลากร" in text
