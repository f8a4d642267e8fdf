"""Period repairs on scans found on fresh draws (issue 14): a Thai digit read as a letter, an era
read as a month, a cell a page break cut, a range's dash at a page's foot, a stray dash.

Each repair is glyph evidence the parser must accept; what it makes is a candidate kept with a
low confidence and a doubt, never a silent change.
"""

from __future__ import annotations

import datetime

import pytest

from extractors.ita.period_repairs import (
    candidates,
    lookalike_digits,
    lookalike_era,
    lookalike_words,
    parses,
    trimmed,
)
from extractors.ita.period_years import SETTLED_CONFIDENCE, settle_period_years
from extractors.ita.periods import parse_period
from extractors.ocr.fields import open_ended, settle, settle_period_cells
from schemas import DOUBT_CONFIDENCE, BBox, Cell, OcrInfo, OcrStatus, PageText, Table, TableQuality
from schemas.record import Action, Period, Provenance

BOX = BBox(0, 0, 10, 10)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("ส.ค. อ๒", datetime.date(2019, 8, 1), datetime.date(2019, 8, 31)),  # ๖ read อ
        ("รอบ อเดือน", datetime.date(2018, 10, 1), datetime.date(2019, 3, 31)),
        ("รอบ จ “ เตอน", datetime.date(2018, 10, 1), datetime.date(2019, 3, 31)),  # and ด read ต
    ],
)
def test_a_letter_read_for_a_thai_digit_is_a_candidate(
    text: str, start: datetime.date, end: datetime.date
) -> None:
    assert not parses(text)
    repaired = lookalike_digits(text)
    assert parses(repaired)
    parsed = parse_period(repaired, 2562)
    assert (parsed.start, parsed.end) == (start, end)
    assert repaired in candidates(text)


def test_digit_repairs_never_touch_a_text_that_parses_or_choose_between_two() -> None:
    assert lookalike_digits("ต่อเนื่อง") == "ต่อเนื่อง"  # its อ are letters: it parses as it stands
    assert lookalike_digits("ตามความเหมาะสม") == "ตามความเหมาะสม"


def test_an_era_is_never_made_a_month_and_a_month_in_the_era_s_place_is_the_era() -> None:
    # a cell continued on the next page holds only the era and the year: it stays as read
    assert lookalike_words("พ.ศ. 2563") == "พ.ศ. 2563"
    assert lookalike_era("ตลอดปีงบประมาณพ.ค. 2563") == "ตลอดปีงบประมาณพ.ศ. 2563"
    assert lookalike_era("พ.ค. 2563") == "พ.ค. 2563"  # a month and its year, as written
    assert parse_period(candidates("ตลอดปีงบประมาณพ.ค. 2563")[1]).end == datetime.date(2020, 9, 30)


def test_a_dash_after_within_is_a_speck() -> None:
    assert trimmed("ภายใน - ๓๐มิ.ย. ๒๕๖๓") == "ภายใน ๓๐มิ.ย. ๒๕๖๓"
    assert parse_period(trimmed("ภายใน - ๓๐มิ.ย. ๒๕๖๓"), 2563).end == datetime.date(2020, 6, 30)
    assert trimmed("ต.ค. ๖๒ - ธ.ค. ๖๒") == "ต.ค. ๖๒ - ธ.ค. ๖๒"


def _table(texts: list[str]) -> Table:
    cells = [Cell(0, 0, "ระยะเวลา", "", BOX)]
    cells += [Cell(n, 0, t, t, BOX, confidence=0.9) for n, t in enumerate(texts, 1)]
    return Table(1, 0, BOX, len(cells), 1, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))


def test_a_range_open_at_the_foot_of_the_page_keeps_its_dash_with_a_doubt() -> None:
    assert open_ended("๑ ต.ค. ๒๕๖๘ -") and not open_ended("ต.ค. ๖๕ - ธ.ค. ๖๕")
    table = _table(["ต.ค. ๖๕ - ธ.ค. ๖๕", "๑ ต.ค. ๒๕๖๘ -"])
    doubts = settle_period_cells(table, lambda cell, mode: ("", "", None))
    last = table.cells[-1]
    assert last.text == "๑ ต.ค. ๒๕๖๘ -" and last.confidence == DOUBT_CONFIDENCE
    assert [d.text for d in doubts] == ["๑ ต.ค. ๒๕๖๘ -"]
    # the same reading above the last row is a rule's stub read as a dash: trimmed, with a doubt
    table = _table(["๑ ต.ค. ๒๕๖๘ -", "ต.ค. ๖๕ - ธ.ค. ๖๕"])
    settle_period_cells(table, lambda cell, mode: ("", "", None))
    assert table.cells[1].text == "๑ ต.ค. ๒๕๖๘"
    # and a last row's reading that parses whole is kept as it is
    assert settle(("ต.ค. ๖๕ - ธ.ค. ๖๕", "", 0.9), [], last_row=True) == (("ต.ค. ๖๕ - ธ.ค. ๖๕", "", 0.9), None)


def _action(row: int, text: str, sources: list[Provenance]) -> Action:
    parsed = parse_period(text, 2562)
    period = Period(text, None if parsed.rule == "deadline" else parsed.start, parsed.end)
    return Action(row, None, None, [], [], [], period, None, [], [], 2, [2], {"period": sources})


def _page(number: int) -> PageText:
    return PageText(number, 100, 100, "scanned", ocr=OcrInfo(OcrStatus.READ, 200))


def test_a_period_joined_from_cells_a_page_break_cut_is_repaired_with_a_doubt() -> None:
    cut = [Provenance(2, BOX, "รอบ จ", 0.9), Provenance(3, BOX, "“\nเตอน", 0.3)]
    actions = [
        _action(1, "ต.ค. ๖๑ - ธ.ค. ๖๑", [Provenance(2, BOX, "", 0.9)]),
        _action(2, "รอบ จ “ เตอน", cut),
    ]
    pages = [_page(2), _page(3)]
    settled = settle_period_years(actions, 2562, pages)
    assert [s.action for s in settled] == [2]
    assert actions[1].period.start == datetime.date(2018, 10, 1)
    assert actions[1].sources["period"][0].confidence == SETTLED_CONFIDENCE
    assert any(d.other == "รอบ จ “ เตอน" for d in pages[0].ocr.doubts)


def test_a_text_layer_period_is_never_repaired() -> None:
    actions = [_action(1, "รอบ อเดือน", [Provenance(2, BOX, "", None)])]
    assert settle_period_years(actions, 2562, [PageText(2, 100, 100, "text")]) == []
    assert actions[0].period.end is None


def test_of_readings_that_fit_the_one_that_kept_the_whole_cell_wins() -> None:
    box = BBox(0, 0, 10, 10)
    page = _page(2)
    from schemas import OcrDoubt

    page.ocr.doubts.append(OcrDoubt("ก.ค. ๒๓", "ก.พ. - ก.ค. ๒๓", box, "?"))
    actions = [
        _action(1, "ต.ค. ๖๒ - ธ.ค. ๖๒", [Provenance(2, None, "", 0.9)]),
        _action(2, "ก.พ. ๖๓", [Provenance(2, None, "", 0.9)]),
        _action(3, "ก.ค. ๒๓", [Provenance(2, box, "ก.ค. ๒๓", 0.9)]),
    ]
    settle_period_years(actions, 2563, [page])
    assert actions[2].period.text == "ก.พ. - ก.ค. ๖๓"
    assert actions[2].period.start == datetime.date(2020, 2, 1)
