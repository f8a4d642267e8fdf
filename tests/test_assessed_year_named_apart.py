"""A document that assessed its fiscal year's own result, read by OCR.

Fresh c78 s435 (its text PDF and every scanned twin): the measures of the fiscal year 2564 analyse
the ITA result of 2564 itself (``ผลคะแนนภาพรวมของการประเมิน ITA ปี พ.ศ. 2564 เท่ากับ 62.79``), a
mismatch the audit reports.  A score's year equal to the fiscal year is taken for the year before
misread (a Thai ``๔`` read as ``๕``) when the document names that year, and no other, as a result's
year.  The years it looked at left out every year stated with a score, the score's own among them,
so the heading and the chart's title naming 2564 did not count, and all ten indicators were filed
under 2563.
"""

from __future__ import annotations

from extractors.ita.facts import Passage, read_facts
from schemas import OcrInfo, OcrStatus, PageKind, PageText

TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ.2564"
RESULTS = (
    "ผลการประเมิน ITA มาวิเคราะห์ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนในปี พ.ศ. 2563 ได้คะแนน 81.48 "
    "คะแนน และผลคะแนนภาพรวมของการประเมิน ITA ปี พ.ศ. 2564 เท่ากับ 62.79 คะแนน ระดับผลการประเมิน D"
)
CHART = "ผลคะแนน ITA ปี2564 รายตัวชี้วัด"


def _facts(*texts: str) -> int | None:
    page = PageText(1, 595, 842, PageKind.SCANNED, ocr=OcrInfo(OcrStatus.READ, 200))
    return read_facts([page], [Passage(t, 1, None) for t in texts]).assessed_year


def test_the_fiscal_years_own_result_named_in_a_heading_stands() -> None:
    assert _facts(TITLE, RESULTS, CHART) == 2564


def test_a_score_year_named_nowhere_else_is_still_mended() -> None:
    # the document names 2563 only as a result's year: the 2564 stated with the score is a
    # misread 2563 (the measures of 2564 answer the result of 2563)
    assert _facts(TITLE, RESULTS) == 2563
