"""A scanned title's fiscal year misread, overruled by the years the periods state (issue 14).

A period without a year of its own (``ไตรมาสที่ ๑``, ``ตลอดปีงบประมาณ``) is dated by the document's
fiscal year; when OCR misread the title's year (``๒๕๖๔`` read ``๒๕๒๕``, taken for ``๒๕๖๕``) every
such period came out a year late, though the periods that state their years agree on another.
"""

from __future__ import annotations

import datetime

from extractors.ita.period_years import SETTLED_CONFIDENCE, overruled_fiscal_year, settle_period_years
from extractors.ita.periods import parse_period
from schemas import BBox, OcrInfo, OcrStatus, PageText
from schemas.record import Action, Period, Provenance

BOX = BBox(0, 0, 10, 10)
STATING = ["ต.ค. ๖๓ - ธ.ค. ๖๓", "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๔", "๑ ต.ค. ๒๕๖๓ - ๓๐ ก.ย. ๒๕๖๔"]


def _action(row: int, text: str, fiscal_year: int, confidence: float | None = 0.9) -> Action:
    parsed = parse_period(text, fiscal_year)
    start = None if parsed.rule == "deadline" else parsed.start
    sources = {"period": [Provenance(2, BOX, text, confidence)]}
    return Action(row, None, None, [], [], [], Period(text, start, parsed.end), None, [], [], 2, [1], sources)


def _page(scanned: bool = True) -> PageText:
    return PageText(2, 100, 100, "scanned", ocr=OcrInfo(OcrStatus.READ, 200) if scanned else None)


def test_periods_without_a_year_take_the_year_the_other_periods_state() -> None:
    actions = [_action(n, t, 2565) for n, t in enumerate([*STATING, "ไตรมาสที่ ๑", "ทุกเดือน"], 1)]
    page = _page()
    settled = settle_period_years(actions, 2565, [page])
    assert [s.action for s in settled] == [4, 5]
    assert actions[3].period.start == datetime.date(2020, 10, 1)
    assert actions[4].period.end == datetime.date(2021, 9, 30)
    # never silently: a low confidence and a doubt a person checks, naming both years
    assert actions[3].sources["period"][0].confidence == SETTLED_CONFIDENCE
    assert any("2564" in d.reason and "2565" in d.reason for d in page.ocr.doubts)
    # the periods that state their years were right as read
    assert actions[0].period.start == datetime.date(2020, 10, 1)


def test_the_title_stands_when_the_periods_agree_or_are_too_few() -> None:
    assert overruled_fiscal_year(2564, STATING) is None
    assert overruled_fiscal_year(2565, STATING[:2]) is None
    assert overruled_fiscal_year(2565, ["ต.ค. ๖๓", "ต.ค. ๖๔ - ธ.ค. ๖๔", "ต.ค. ๖๕"]) is None  # split
    actions = [_action(n, t, 2565) for n, t in enumerate([*STATING[:2], "ไตรมาสที่ ๑"], 1)]
    assert settle_period_years(actions, 2565, [_page()]) == []
    assert actions[2].period.start == datetime.date(2021, 10, 1)


def test_a_text_layer_period_is_never_redated() -> None:
    actions = [_action(n, t, 2565, None) for n, t in enumerate([*STATING, "ไตรมาสที่ ๑"], 1)]
    settle_period_years(actions, 2565, [_page(scanned=False)])
    assert actions[3].period.start == datetime.date(2021, 10, 1)


# --- periods dated by a misread title's year, re-dated once the facts overruled it -----------
# The facts overrule an OCR'd title's fiscal year by the years its periods state
# (``extractors.ita.interpret.overrule_fiscal_year``) after the actions were dated by the title's:
# the periods without a year of their own must follow, with a doubt.

REDATING = ["ต.ค. ๖๓ - ธ.ค. ๖๓", "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๔", "ก.พ. - ก.ค. ๖๔"]


def test_periods_dated_by_the_overruled_title_follow_the_documents_year() -> None:
    # dated by the title's 2565 (misread), judged when the facts already say 2564
    actions = [_action(n, t, 2565) for n, t in enumerate([*REDATING, "ไตรมาสที่ ๓", "รอบ ๖ เดือน"], 1)]
    page = _page()
    settled = settle_period_years(actions, 2564, [page])
    assert [s.action for s in settled] == [4, 5]
    quarter = actions[3].period
    assert (quarter.start, quarter.end) == (datetime.date(2021, 4, 1), datetime.date(2021, 6, 30))
    assert actions[4].period.start == datetime.date(2020, 10, 1)
    assert actions[3].sources["period"][0].confidence == SETTLED_CONFIDENCE
    assert any("2564" in d.reason and "2565" in d.reason for d in page.ocr.doubts)


def test_periods_dated_by_the_documents_year_stay() -> None:
    actions = [_action(n, t, 2564) for n, t in enumerate([*REDATING, "ไตรมาสที่ ๓"], 1)]
    assert settle_period_years(actions, 2564, [_page()]) == []
    assert actions[3].sources["period"][0].confidence == 0.9


def test_a_text_layer_period_is_never_redated_after_an_overrule() -> None:
    actions = [_action(n, t, 2565, None) for n, t in enumerate([*REDATING, "ไตรมาสที่ ๓"], 1)]
    settle_period_years(actions, 2564, [_page(scanned=False)])
    assert actions[3].period.start == datetime.date(2022, 4, 1)
