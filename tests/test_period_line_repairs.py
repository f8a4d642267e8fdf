"""A labelled period line of a scan (``ระยะเวลา: ...``, measures written as paragraphs) that no
re-reading parses as read is settled as a period cell is: by a repair of a reading (look-alike
letters or digits), kept with a doubt; one nothing repairs stays as first read (issue 14)."""

from __future__ import annotations

from typing import Any

from extractors.ita.periods import parse_period
from extractors.ocr.period_reread import settle_period_lines
from schemas import DOUBT_CONFIDENCE, BBox, Line, OcrInfo, OcrStatus, PageKind, PageText

BOX = BBox(50, 200, 300, 215)


class _Reader:
    """A page prepared again whose every reading of a box is ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.modes: list[str] = []

    def px(self, box: BBox) -> tuple[int, int, int, int]:
        return (int(box.x0), int(box.top), int(box.x1), int(box.bottom))

    def cell(self, box: tuple[int, int, int, int], mode: str) -> tuple[str, str, float | None]:
        self.modes.append(mode)
        return self.text, self.text, 0.9


class _Again:
    def __init__(self, pages: dict[int, PageText], reader: _Reader) -> None:
        self.pages = pages
        self._reader = reader

    def reader(self, number: int) -> Any:
        return self._reader


def _page(*texts: str) -> PageText:
    lines = [
        Line(t, t, BBox(50, 200 + 40 * n, 300, 215 + 40 * n), (), confidence=0.9) for n, t in enumerate(texts)
    ]
    return PageText(1, 595.3, 842.0, PageKind.SCANNED, lines=lines, ocr=OcrInfo(OcrStatus.READ, 150))


def test_a_month_consonant_read_as_its_look_alike_is_repaired_with_a_doubt() -> None:
    page = _page("ระยะเวลา: A.W. - ก.ค. Del", "ระยะเวลา: ต.ค. ๖๖ - ธ.ค. ๖๖")
    reader = _Reader("ระยะเวลา: ก.พ. - ก.ศ. ๖๗")  # ค read ศ in every reading
    assert settle_period_lines(_Again({1: page}, reader)) == 1  # type: ignore[arg-type]
    label, _, period = page.lines[0].text.partition(": ")
    settled = parse_period(period, 2567)
    assert label == "ระยะเวลา" and (str(settled.start), str(settled.end)) == ("2024-02-01", "2024-07-31")
    assert page.lines[0].confidence == DOUBT_CONFIDENCE and page.lines[0].raw == "ระยะเวลา: A.W. - ก.ค. Del"
    assert page.ocr is not None and len(page.ocr.doubts) == 1
    assert "ก.ศ." in page.ocr.doubts[0].other


def test_a_year_digit_read_as_its_look_alike_is_repaired_to_the_documents_years() -> None:
    page = _page("ระยะเวลา: A.A. Dal", "ระยะเวลา: ต.ค. ๖๖ - ธ.ค. ๖๖")
    reader = _Reader("ระยะเวลา: ส.ค. ๒๗")  # ๖ read ๒: 2527 is no plausible year
    assert settle_period_lines(_Again({1: page}, reader)) == 1  # type: ignore[arg-type]
    assert page.lines[0].text == "ระยะเวลา: ส.ค. ๖๗"


def test_a_reading_nothing_repairs_leaves_the_line_as_read() -> None:
    page = _page("ระยะเวลา: A.A. Dal")
    reader = _Reader("ระยะเวลา: ตามความเหมาะสมของงาน")
    assert settle_period_lines(_Again({1: page}, reader)) == 0  # type: ignore[arg-type]
    assert page.lines[0].text == "ระยะเวลา: A.A. Dal" and page.lines[0].confidence == 0.9
