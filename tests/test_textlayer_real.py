"""The text layer of real government PDFs: kinds, marks, defects, dictionary words."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from extractors.ocr.options import OcrOptions
from extractors.pdf.pages import read_page
from extractors.pdf.source import open_pdfium
from extractors.thai.quality import count_thai, dictionary_word_rate, thai_defects
from pipeline import read_text
from schemas import PageKind
from tests.conftest import real_pdf

WORD_PDFS = [
    "word2007-procurement-analysis-2562.pdf",
    "word2007-procurement-measures-announcement.pdf",
    "word2007-procurement-staff-guideline-2563.pdf",
]


def test_scanned_file_is_scanned_on_every_page() -> None:
    # OCR off: the text layer alone, which a scan does not have (tests/test_ocr.py reads it by OCR)
    pages = read_text(real_pdf("scanned-staff-guideline-memo.pdf"), ocr=OcrOptions(enabled=False))
    assert [p.kind for p in pages] == [PageKind.SCANNED] * 4
    assert all(p.reason for p in pages)
    assert all(p.text == "" for p in pages)


@pytest.mark.parametrize("name", [*WORD_PDFS, "itext-royal-gazette-ethics-code.pdf"])
def test_text_pdfs_are_text_on_every_page(name: str) -> None:
    assert {p.kind for p in read_text(real_pdf(name))} == {PageKind.TEXT}


@pytest.mark.parametrize("name", [*WORD_PDFS, "itext-royal-gazette-ethics-code.pdf"])
def test_no_thai_defects(name: str) -> None:
    text = "\n".join(p.text for p in read_text(real_pdf(name)))
    assert count_thai(text) > 500
    assert thai_defects(text) == {}


@pytest.mark.parametrize("name", WORD_PDFS)
def test_dictionary_rate_at_least_raw_pdfium(name: str) -> None:
    path = real_pdf(name)
    ours = "\n".join(p.text for p in read_text(path))
    doc = pdfium.PdfDocument(str(path))
    try:
        raw = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()
    found, total = dictionary_word_rate(ours)
    raw_found, raw_total = dictionary_word_rate(raw)
    assert found / total >= raw_found / raw_total
    assert found / total > 0.9


def test_itext_marks_in_order() -> None:
    lines = [
        line.text for p in read_text(real_pdf("itext-royal-gazette-ethics-code.pdf")) for line in p.lines
    ]
    assert "หน้า ๘" in lines
    assert "หน้า ๙" in lines
    assert "เล่ม ๑๓๘ ตอนพิเศษ ๑๐๙ ง ราชกิจจานุเบกษา ๒๐ พฤษภาคม ๒๕๖๔" in lines


def test_word_sara_am_repaired_with_provenance() -> None:
    with open_pdfium(real_pdf("word2007-procurement-analysis-2562.pdf")) as doc:
        page = read_page(doc, 1)
    line = next(ln for ln in page.lines if ln.text == "สำนักงานสาธารณสุขอำเภอหนองใหญ่")
    assert line.raw == "ส านักงานสาธารณสุขอ าเภอหนองใหญ่"  # what the text layer says
    assert page.quality.repaired_marks >= 2
    assert 0 < line.box.x0 < line.box.x1 < page.width
    assert 0 < line.box.top < line.box.bottom < page.height
