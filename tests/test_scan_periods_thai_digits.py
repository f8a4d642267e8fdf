"""Scanned periods printed with Thai digits (issue 14), as a fresh draw's scan150/scan200 twins
damage them: a year with two look-alike digits, a deadline of an earlier fiscal year, a step that
names ``ระยะเวลา`` taken for the period header, a continued table whose every period was read as
Latin letters, ``ฉ`` read for ``ธ``, ``ว`` for ``๖``, a month's first consonant read twice.

Every repair is glyph evidence the parser, the years' range or the document's years must accept
unambiguously; what it makes is a candidate kept with a low confidence and a doubt.
"""

from __future__ import annotations

import datetime

from extractors.ita import period_years
from extractors.ita.period_repairs import DIGIT_LOOKALIKES, candidates, digit_swaps, parses
from extractors.ita.period_years import SETTLED_CONFIDENCE, digit_lookalikes, settle_period_years
from extractors.ita.periods import parse_period
from extractors.ocr.fields import period_column
from extractors.ocr.period_reread import guided_column, needs_reread
from schemas import BBox, OcrInfo, OcrStatus, PageKind, PageText, Table
from schemas.record import Action, Period, Provenance
from tests.period_tables import step_period_table

BOX = BBox(0, 0, 10, 10)


def _action(text: str, fiscal_year: int) -> Action:
    parsed = parse_period(text, fiscal_year)
    sources = {"period": [Provenance(3, BOX, text, 0.9)]}
    return Action(
        1, None, None, [], [], [], Period(text, parsed.start, parsed.end), None, [], [], 3, [3], sources
    )


def _page() -> PageText:
    return PageText(3, 100, 100, PageKind.SCANNED, ocr=OcrInfo(OcrStatus.READ, 150))


def test_one_table_of_look_alike_digits_serves_both_repairs() -> None:
    assert not hasattr(period_years, "DIGIT_LOOKALIKES")  # no second table to drift apart
    pairs = {(a, b) for group in DIGIT_LOOKALIKES for a in group for b in group if a != b}
    for digit, other in pairs:
        assert f"ส.ค. ๑{other}" in digit_swaps(f"ส.ค. ๑{digit}")
    assert digit_lookalikes(["ส.ค. ๑๕"]) == digit_swaps("ส.ค. ๑๕")


def test_a_year_with_two_look_alike_digits_is_settled_when_exactly_one_reading_fits() -> None:
    # ``ต.ค. ๖๘`` read ``ต.ค. ๒๕`` (both digits) in a plan of FY 2568: no single change fits
    actions = [_action("ต.ค. ๒๕", 2568)]
    settled = settle_period_years(actions, 2568, [_page()])
    assert [s.action for s in settled] == [1] and actions[0].period.text == "ต.ค. ๖๘"
    assert actions[0].period.start == datetime.date(2025, 10, 1)
    assert actions[0].sources["period"][0].confidence == SETTLED_CONFIDENCE
    assert "2 look-alike digits" in settled[0].doubt.reason


def test_of_two_one_digit_readings_that_fit_the_plans_own_year_wins() -> None:
    # ``ก.พ. ๖๘`` read ``ก.พ. ๖๕``: ๕ is like ๘ and like ๙; Feb 2568 lies in FY 2568, Feb 2569 next to it
    actions = [_action("ก.พ. ๖๕", 2568)]
    settled = settle_period_years(actions, 2568, [_page()])
    assert [s.action for s in settled] == [1] and actions[0].period.text == "ก.พ. ๖๘"


def test_a_deadline_of_an_earlier_fiscal_year_parses() -> None:
    assert parses("ภายใน ๓๐ มิ.ย. ๒๕๖๕") and parses("ภายใน ๓๑ มี.ค. ๒๕๖๔")
    assert not parses("ภายใน ๓๐ มิ.ย. ๒๕๒๕")  # a year misread decades away still does not


def test_glyphs_read_as_their_look_alikes_are_candidates() -> None:
    def parsed(text: str) -> list[str]:
        return [c for c in candidates(text) if parses(c)]

    assert parsed("ต.ค. ๖๘ - ฉิ.ค. ๖๘")[0] == "ต.ค. ๖๘ - ธ.ค. ๖๘"  # ธ read ฉ
    assert parsed("ก.พ. ว๘")[0] == "ก.พ. ๖๘"  # ๖ read ว
    first = parsed("๑ ตดิ.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙")[0]  # ต read twice, as ต and ด
    assert parse_period(first).start == datetime.date(2025, 10, 1)
    assert parsed("ตามความเหมาะสม") == []


def _table(page: int, rows: list[tuple[str, str]], strategy: str = "borderless") -> Table:
    return step_period_table(page, rows, strategy)


def test_a_step_that_names_the_period_header_is_no_period_column() -> None:
    # a continued table's first step reads ``ระยะเวลาการให้บริการ``: its column holds no period
    table = _table(2, [("๑. ชี้แจงระยะเวลาการให้บริการ", "ส.ค. ๖๔"), ("๒. ประชุม", "ไตรมาสที่ ๓")])
    assert period_column(table) == (1, -1)
    # a header over the periods stays the header
    table = _table(1, [("ขั้นตอน", "ระยะเวลา"), ("๑. ประชุม", "ส.ค. ๖๔")])
    assert period_column(table) == (1, 0)


def test_a_continued_table_read_as_latin_takes_its_period_column_from_another_page() -> None:
    first = _table(1, [("ขั้นตอน", "ระยะเวลา"), ("๑. ประชุม", "ส.ค. ๖๔")])
    later = _table(2, [("๑. ชี้แจง", "aA. do - fa. ๖๓"), ("๒. รายงาน", "an๖๔")])
    assert period_column(later) is None  # nothing on its own page says which column
    known = guided_column(later, [first, later])
    assert known == (1, -1)
    assert needs_reread(later, None, known)
    # another page's grid guides nothing (its own worker read it)
    assert (
        guided_column(later, [_table(1, [("ขั้นตอน", "ระยะเวลา"), ("ก", "ส.ค. ๖๔")], "lines"), later]) is None
    )


def test_a_ranges_years_read_alike_are_mended_alike() -> None:
    # ``ต.ค. ๖๘ - ธ.ค. ๖๘`` read ``ต.ค. ๖๕ - ธ.ค. ๖๕`` in a plan of FY 2569: one glyph misread twice
    actions = [_action("ต.ค. ๖๕ - ธ.ค. ๖๕", 2569)]
    settled = settle_period_years(actions, 2569, [_page()])
    assert [s.action for s in settled] == [1] and actions[0].period.text == "ต.ค. ๖๘ - ธ.ค. ๖๘"
    assert actions[0].period.start == datetime.date(2025, 10, 1)
