"""A second reading of scanned pages that fails leaves the first readings and says so."""

from __future__ import annotations

from extractors.read import _second_reading
from schemas import OcrInfo, OcrStatus, PageKind, PageText


def _scanned(number: int) -> PageText:
    return PageText(number, 595.0, 842.0, PageKind.SCANNED, ocr=OcrInfo(OcrStatus.READ, 200))


def test_a_failing_second_reading_keeps_the_document_and_is_reported() -> None:
    pages = [_scanned(1), _scanned(2)]

    def broken() -> None:
        raise ValueError("an empty crop")

    _second_reading("periods of borderless tables", broken, pages)  # does not raise
    for page in pages:
        assert page.ocr is not None
        assert "second reading of periods of borderless tables failed" in page.ocr.reason
        assert "ValueError: an empty crop" in page.ocr.reason


def test_a_second_reading_that_works_leaves_no_reason() -> None:
    pages = [_scanned(1)]
    ran: list[bool] = []
    _second_reading("periods written as labelled lines", lambda: ran.append(True), pages)
    assert ran == [True]
    assert pages[0].ocr is not None and pages[0].ocr.reason == ""
