"""Periods' years judged by the document's own evidence (issue 14: Thai digits misread in years).

A year misread into another plausible year (``๒๕๖๖`` read ``๒๕๖๒``) parses, so the cell alone
cannot say it is wrong; the table's other periods and the document's fiscal year can.  The
readings chosen are always ones the OCR produced; a period nothing settles stays, with a check.
"""

from __future__ import annotations

import datetime

import pytest

from extractors.ita.period_years import (
    SETTLED_CONFIDENCE,
    document_fiscal_year,
    evidence_fiscal_year,
    fits_years,
    settle_period_years,
    written_fiscal_year,
)
from extractors.ita.periods import normalise_period, parse_period
from extractors.ocr.fields import lookalike_months, settle_period_cells
from schemas import (
    DOUBT_CONFIDENCE,
    BBox,
    Cell,
    OcrDoubt,
    OcrInfo,
    OcrStatus,
    PageKind,
    PageText,
    Table,
    TableQuality,
)
from schemas.record import Action, Period, Provenance

BOX = BBox(0, 0, 10, 10)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("ต.ค. ๖๕ - ธ.ค. ๖๕", 2566),  # October opens the fiscal year after the calendar year
        ("มี.ค. ๖๖", 2566),
        ("๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖", 2566),
        ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗", 2567),
        ("ต.ค. - ธ.ค.", None),  # its year is the document's, not its own
        ("ไตรมาสที่ ๒", None),
        ("ตามความเหมาะสม", None),
    ],
)
def test_a_period_states_its_fiscal_year_only_by_its_own_years(text: str, year: int | None) -> None:
    assert written_fiscal_year(text) == year


def test_the_periods_name_a_fiscal_year_only_by_a_majority() -> None:
    assert evidence_fiscal_year(["ต.ค. ๖๕", "มี.ค. ๖๖", "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒"]) == 2566
    assert evidence_fiscal_year(["มี.ค. ๖๖", "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒"]) is None  # split
    assert evidence_fiscal_year(["มี.ค. ๖๖", "ทุกเดือน", "ไตรมาสที่ ๑"]) is None  # one says a year
    # The title's year stands unless the periods name another; then nothing is judged.
    assert document_fiscal_year(2566, ["ต.ค. ๖๒", "ธ.ค. ๖๒"]) is None
    assert document_fiscal_year(None, ["ต.ค. ๖๕", "ธ.ค. ๖๕"]) == 2566


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("ต.ค. ๖๕ - ธ.ค. ๖๕", True),
        ("ภายใน ๓๑ มี.ค. ๒๕๖๖", True),
        ("ต.ค. ๖๔ - ก.ย. ๖๕", True),  # the fiscal year before: next to it
        ("ต.ค. ๖๖ - ก.ย. ๖๗", True),  # the one after
        ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒", False),
        ("ส.ค. ๒๙", False),
        ("ต.ค. ๖๒ - ธ.ค. ๖๖", False),  # starts four years early
        ("ตามความเหมาะสม", False),
    ],
)
def test_a_period_fits_the_fiscal_year_or_the_years_next_to_it(text: str, fits: bool) -> None:
    assert fits_years(text, 2566) is fits


def _table(texts: list[str]) -> Table:
    cells = [Cell(0, 0, "ระยะเวลา", "", BOX, confidence=0.9)]
    for n, text in enumerate(texts, 1):
        cells.append(Cell(n, 0, text, text, BBox(0, 10 * n, 10, 10 * n + 10), confidence=0.9))
    return Table(3, 0, BOX, len(cells), 1, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))


def test_a_year_that_disagrees_with_the_tables_other_periods_is_read_again() -> None:
    table = _table(["ต.ค. ๖๕ - ธ.ค. ๖๕", "มี.ค. ๖๖", "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒", "ทุกเดือน"])
    asked: list[tuple[str, str]] = []

    def read(cell: Cell, mode: str) -> tuple[str, str, float | None]:
        asked.append((cell.text, mode))
        return ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖", "", 0.8) if mode == "period-own" else (cell.text, "", 0.8)

    doubts = settle_period_cells(table, read)
    texts = {c.row: (c.text, c.confidence) for c in table.cells}
    assert texts[3] == ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖", DOUBT_CONFIDENCE)
    assert {text for text, _mode in asked} == {"ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒"}  # the others fit: not read
    assert len(doubts) == 1 and doubts[0].other == "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒"
    assert "fiscal year 2566" in doubts[0].reason


def test_a_year_no_reading_settles_keeps_its_reading_with_a_doubt() -> None:
    table = _table(["ต.ค. ๖๕ - ธ.ค. ๖๕", "มี.ค. ๖๖", "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒"])
    doubts = settle_period_cells(table, lambda cell, mode: (cell.text, "", 0.8))
    assert [c.text for c in table.cells][3] == "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒"
    assert table.cells[3].confidence == DOUBT_CONFIDENCE
    assert len(doubts) == 1 and doubts[0].text == "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒"


def test_without_a_majority_nothing_is_judged_by_years() -> None:
    table = _table(["มี.ค. ๖๖", "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒"])
    doubts = settle_period_cells(table, lambda cell, mode: pytest.fail("read again"))
    assert doubts == [] and table.cells[2].confidence == 0.9


def test_with_the_documents_year_only_the_periods_it_doubts_are_read_again() -> None:
    table = _table(["มี.ค. ๖๖", "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒", "B.A. ๖๖"])  # the last was settled before
    asked: list[str] = []

    def read(cell: Cell, mode: str) -> tuple[str, str, float | None]:
        asked.append(cell.text)
        return "", "", None

    settle_period_cells(table, read, fiscal_year=2566)
    assert set(asked) == {"ตลอดปีงบประมาณ พ.ศ. ๒๕๖๒"}


def _action(row: int, text: str, raw: str, confidence: float | None = 0.9, box: BBox | None = BOX) -> Action:
    parsed = parse_period(text, 2566)
    period = Period(text, parsed.start, parsed.end)
    sources = {"period": [Provenance(3, box, raw, confidence)]}
    return Action(row, None, None, [], [], [], period, None, [], [], 3, [3], sources)


def _page(*doubts: OcrDoubt) -> PageText:
    page = PageText(3, 100, 100, PageKind.SCANNED, ocr=OcrInfo(OcrStatus.READ, 150))
    assert page.ocr is not None
    page.ocr.doubts.extend(doubts)
    return page


def test_the_documents_fiscal_year_chooses_among_the_cells_readings() -> None:
    doubt = OcrDoubt("ภายใน ๓๐ Riu๒๕๖๖", "ภายใน ๓๐ มิ.ย. ๒๕๒๕ / ภายใน ๓๐ มิ.ย.๒๕๖๖", BOX, "no reading parses")
    actions = [_action(1, "ต.ค. ๖๕", "ต.ค. ๖๕"), _action(2, "ภายใน ๓๐ Riu๒๕๖๖", "ภายใน ๓๐/Riu๒๕๖๖")]
    page = _page(doubt)
    settled = settle_period_years(actions, 2566, [page])
    assert [s.action for s in settled] == [2]
    assert actions[1].period.text == "ภายใน ๓๐ มิ.ย.๒๕๖๖"
    assert actions[1].period.end == datetime.date(2023, 6, 30)
    source = actions[1].sources["period"][0]
    assert source.raw == "ภายใน ๓๐/Riu๒๕๖๖" and source.confidence == SETTLED_CONFIDENCE
    assert page.ocr is not None and page.ocr.doubts[-1].other == "ภายใน ๓๐ Riu๒๕๖๖"  # a check for a person


def test_readings_that_fit_in_two_ways_or_none_settle_nothing() -> None:
    doubt = OcrDoubt("ต.ค. ๒๕", "ต.ค. ๖๕ / ต.ค. ๖๖", BOX, "?")
    actions = [_action(1, "ต.ค. ๒๕", "ต.ค. ๒๕")]
    assert settle_period_years(actions, 2566, [_page(doubt)]) == []
    assert actions[0].period.text == "ต.ค. ๒๕"
    alone = [_action(1, "ก.พ. อ๓", "ก.พ. อ๓")]
    assert settle_period_years(alone, 2566, [_page(OcrDoubt("ก.พ. อ๓", "ก.พ. ๒๓", BOX, "?"))]) == []


def test_a_text_layers_period_and_a_period_without_a_box_are_never_changed() -> None:
    doubt = OcrDoubt("ต.ค. ๖๒", "ต.ค. ๖๕", BOX, "?")
    printed = [_action(1, "ต.ค. ๖๒", "ต.ค. ๖๒", confidence=None)]
    text_page = PageText(3, 100, 100, PageKind.TEXT)
    assert settle_period_years(printed, 2566, [text_page]) == []
    # A paragraph read by OCR may carry no confidence of its own: its page says how it was read.
    assert [s.action for s in settle_period_years(printed, 2566, [_page(doubt)])] == [1]
    boxless = [_action(1, "ต.ค. ๖๒", "ต.ค. ๖๕", box=None)]
    assert settle_period_years(boxless, 2566, [_page()]) == [] and boxless[0].period.text == "ต.ค. ๖๒"


def test_marks_that_follow_no_consonant_are_specks() -> None:
    assert normalise_period("พ.ค.ุ๖๘") == "พ.ค. 68"
    assert normalise_period("ภายใน ๓๐ ม ิ.ย. ๒๕๖๔") == "ภายใน 30 มิ.ย. 2564"
    assert normalise_period("ตลอดปีงบประมาณ") == "ตลอด ปีงบประมาณ"  # marks on consonants stay


def test_the_era_is_never_read_as_a_lookalike_month() -> None:
    assert lookalike_months("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖") == "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖"
    assert lookalike_months("ต.ุด. ๖๕") == "ต.ค. ๖๕"


def test_readings_put_together_place_by_place_when_no_reading_fits_whole() -> None:
    # Months right in one reading, years in another: only one of their combinations fits FY 2569.
    doubt = OcrDoubt("@A. ๒๘ - A.A. de", "ต.ค. ๖๘ - ก.ค. ๖๘ / ต.ค. ๒๘ - ธ.ค. ๒๕", BOX, "no reading parses")
    actions = [_action(1, "@A. ๒๘ - A.A. de", "@A. ๒๘ - A.A. de")]
    assert [s.action for s in settle_period_years(actions, 2569, [_page(doubt)])] == [1]
    assert actions[0].period.text == "ต.ค. ๖๘ - ธ.ค. ๖๘"
    assert actions[0].period.start == datetime.date(2025, 10, 1)
    # A month no reading gave is never put in: ก.ค. and มี.ค. both end before ต.ค. starts.
    other = OcrDoubt("x", "ต.ค. ๖๘ - ก.ค. ๖๘ / ต.ค. ๒๘ - มี.ค. ๒๕", BOX, "?")
    alone = [_action(1, "x", "x")]
    assert settle_period_years(alone, 2569, [_page(other)]) == [] and alone[0].period.text == "x"


def test_a_period_joined_from_several_cells_is_left_to_the_rows() -> None:
    action = _action(1, "ก.ค. ๒๕ ไตรมาสที่ ๒", "ก.ค. ๒๕")
    action.sources["period"].append(Provenance(3, BBox(0, 20, 10, 30), "ไตรมาสที่ ๒", 0.9))
    assert settle_period_years([action], 2564, [_page()]) == []
    assert action.period.text == "ก.ค. ๒๕ ไตรมาสที่ ๒"


def test_a_months_last_dot_read_as_a_comma_is_its_dot() -> None:
    assert normalise_period("ต.ค. 2565 - ก.ย, 2566") == "ต.ค. 2565 - ก.ย. 2566"
    assert parse_period("ก.ย, 2566").end == datetime.date(2023, 9, 30)
    assert normalise_period("มกราคม, มีนาคม") == "ม.ค. , มี.ค."  # a full name's comma is the text's


def test_a_long_keyword_that_lost_its_marks_is_still_read() -> None:
    assert parse_period("รอบ ๖ เดอน", 2566).end == datetime.date(2023, 3, 31)
    assert parse_period("ตอเนอง", 2566).rule == "recurring"
    assert parse_period("ป ๒๕๖๖", 2566).rule == "unparsed"  # ปี is too short to lose its mark


def test_interpreting_twice_reports_a_settlement_once() -> None:
    doubt = OcrDoubt("ต.ค. ๖๒", "ต.ค. ๖๕", BOX, "?")
    page = _page(doubt)
    for _ in range(2):
        settle_period_years([_action(1, "ต.ค. ๖๒", "ต.ค. ๖๒")], 2566, [page])
    assert page.ocr is not None and len(page.ocr.doubts) == 2  # the OCR's own, and the settlement


def test_a_year_with_one_look_alike_digit_is_settled_when_one_change_alone_fits() -> None:
    # c80's photograph: ``พ.ค. ๖๔`` read ``พ.ค. ๒๔`` (1981) in a plan of FY 2564, by every reading
    actions = [_action(1, "พ.ค. ๒๔", "พ.ค. ๒๔")]
    settled = settle_period_years(actions, 2564, [_page()])
    assert [s.action for s in settled] == [1] and actions[0].period.text == "พ.ค. ๖๔"
    assert actions[0].period.start == datetime.date(2021, 5, 1)
    assert actions[0].sources["period"][0].confidence == SETTLED_CONFIDENCE  # with a doubt to check
    assert "look-alike digit" in settled[0].doubt.reason
    # no single change fits (two digits wrong: ๒๕๒๘ for ๒๕๖๔): left as read, never guessed further
    far = [_action(1, "พ.ค. ๒๕๒๘", "พ.ค. ๒๕๒๘")]
    assert settle_period_years(far, 2564, [_page()]) == [] and far[0].period.text == "พ.ค. ๒๕๒๘"


def test_a_period_that_needs_the_fiscal_year_is_dated_by_the_year_its_document_s_periods_name() -> None:
    # c90's scan: the title's ``พ.ศ.`` read ``พุศ.``, so the document states no fiscal year; its
    # periods name 2569, and a deadline or a whole year is dated by it, with a doubt to check
    actions = [
        _action(1, "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๙", "x"),
        _action(2, "ก.ค. ๖๙", "x"),
        _action(3, "ต่อเนื่อง", "ต่อเนื่อง"),
    ]
    actions[2].period = Period("ต่อเนื่อง")  # read without a fiscal year: no dates
    settled = settle_period_years(actions, None, [_page()])
    assert [s.action for s in settled] == [3]
    period = actions[2].period
    assert (period.start, period.end) == (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    assert period.text == "ต่อเนื่อง" and "2569" in settled[0].doubt.reason
    assert actions[2].sources["period"][0].confidence == SETTLED_CONFIDENCE
    # a document that states its year dated its periods itself: nothing to do
    stated = [_action(1, "ต่อเนื่อง", "ต่อเนื่อง")]
    assert settle_period_years(stated, 2566, [_page()]) == []
