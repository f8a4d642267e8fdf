"""Period cells a scan damaged in two ways at once, or in a full month name (issue 14).

A lone debris glyph beside a word's look-alike consonant (``รอบ 6 a เตอน``), a rule's stub read
``1`` before a period of words, a dash between a month and its year beside the range's own, the
``ธ์`` of ``กุมภาพันธ์`` read as a look-alike (``ซึ``, the digit ``๕``), and a range whose end's
year was misread so that it ends before it starts.  Each reading so made is a candidate: kept only
when it parses, with a low confidence and a doubt a person checks; nothing here invents a glyph.
"""

from __future__ import annotations

import datetime

import pytest

from extractors.ita.period_repairs import candidates, lookalike_month_names, parses, without_debris
from extractors.ita.period_years import SETTLED_CONFIDENCE, settle_period_years
from extractors.ita.periods import parse_period, years_reversed
from extractors.ocr.fields import settle_period_cells
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


def _first_parsing(read: str) -> str | None:
    return next((c for c in candidates(read) if parses(c)), None)


@pytest.mark.parametrize(
    ("read", "start", "end"),
    [
        ("รอบ 6 a เตอน", datetime.date(2022, 10, 1), datetime.date(2023, 3, 31)),  # debris + ด read ต
        ("a ] ตอเนอง", datetime.date(2022, 10, 1), datetime.date(2023, 9, 30)),  # a bracket at the edge
        ("1 ตอเนอง", datetime.date(2022, 10, 1), datetime.date(2023, 9, 30)),  # a rule's stub
        ("กุมภาพันซึ f - พฤษภาคม 2566", datetime.date(2023, 2, 1), datetime.date(2023, 5, 31)),
        ("กุมภาพัน ๕ พฤษภาคม 2566", datetime.date(2023, 2, 1), datetime.date(2023, 5, 31)),  # dash lost too
        ("1 ต.ค. 2565 - 30 ก.ย. -2566", datetime.date(2022, 10, 1), datetime.date(2023, 9, 30)),
        ("มี.ค - มิ.ย. .- 66", datetime.date(2023, 3, 1), datetime.date(2023, 6, 30)),  # a speck's dot, dash
    ],
)
def test_a_reading_damaged_twice_parses_after_both_repairs(
    read: str, start: datetime.date, end: datetime.date
) -> None:
    assert not parses(read)
    repaired = _first_parsing(read)
    assert repaired is not None
    parsed = parse_period(repaired, 2566)
    assert (parsed.start, parsed.end) == (start, end)


def test_numbers_a_period_needs_are_never_debris() -> None:
    assert without_debris("ไตรมาส 1") == "ไตรมาส 1"  # a quarter needs its number
    assert without_debris("1 ต.ค.") == "1 ต.ค."  # a day
    assert without_debris("4 ตอเนอง") == "4 ตอเนอง"  # only a stroke's look-alike, ``1``, is a stub
    assert without_debris("ต.ค. -2566") == "ต.ค. -2566"  # one dash: the range's, whatever it joins


def test_a_damaged_month_name_is_read_only_when_one_name_is_one_lookalike_away() -> None:
    assert lookalike_month_names("กุมภาพันซึ") == "กุมภาพันธ์"  # ธ read ซ
    assert lookalike_month_names("กุมภาพัน ๕") == "กุมภาพันธ์"  # ธ์ read as the digit ๕
    assert lookalike_month_names("กุมภาพันธ์ - มีนาคม") == "กุมภาพันธ์ - มีนาคม"  # names: as read
    assert lookalike_month_names("กุมภาพัน ๕๖") == "กุมภาพัน ๕๖"  # a number, not a glyph
    assert lookalike_month_names("ตามความเหมาะสม") == "ตามความเหมาะสม"
    assert lookalike_month_names("ถุมภาพันซึ") == "ถุมภาพันซึ"  # two look-alikes: too far


def test_a_cell_read_so_is_kept_with_a_low_confidence_and_a_doubt() -> None:
    cells = [Cell(0, 0, "ระยะเวลา", "", BOX)]
    cells.append(Cell(1, 0, "รอบ 6 a เตอน", "รอบ 6\na\nเตอน", BOX, confidence=0.9))
    table = Table(1, 0, BOX, 2, 1, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))
    doubts = settle_period_cells(table, lambda cell, mode: ("", "", None))
    kept = table.cells[1]
    assert parses(kept.text) and kept.confidence == DOUBT_CONFIDENCE
    assert [d.other for d in doubts] == ["รอบ 6 a เตอน"]


def test_only_a_range_whose_end_year_comes_before_its_start_is_a_misread_year() -> None:
    assert years_reversed("๑ ต.ค. ๒๕๖๗ - ๓๐ ก.ย. ๒๕๒๕")
    assert parse_period("๑ ต.ค. ๒๕๖๗ - ๓๐ ก.ย. ๒๕๒๕").start is None
    assert not years_reversed("ต.ค. ๖๘ - ก.ค. ๖๘")  # its months reversed: a month may be misread
    assert not years_reversed("ตลอดปีงบประมาณ") and not years_reversed("ไตรมาสที่ ๒")


def test_a_range_whose_end_year_was_misread_is_settled_by_the_documents_year() -> None:
    # ``๒๕๖๘`` read ``๒๕๒๕`` (two look-alike digits): the range ends 43 years before it starts; its
    # repair in the years' range (``๒๕๖๑ - ๒๕๖๕``) was kept, far outside the plan's FY 2568
    kept = "๑ ต.ค. ๒๕๖๑ - ๓๐ ก.ย. ๒๕๖๕"
    period = Period(kept, *(lambda p: (p.start, p.end))(parse_period(kept, 2568)))
    sources = {"period": [Provenance(3, BOX, "", 0.3)]}
    action = Action(1, None, None, [], [], [], period, None, [], [], 3, [3], sources)
    page = PageText(3, 100, 100, PageKind.SCANNED, ocr=OcrInfo(OcrStatus.READ, 200))
    assert page.ocr is not None
    others = "๑ ต.ค. ๒๕๖๗ - ๓๐ ก.ย. ๒๕๒๕ / ๑ ต.ค. ๒๕๒๑ - ๓๐ ก.ย. ๒๕๒๕"
    page.ocr.doubts.append(OcrDoubt(kept, others, BOX, "?"))
    settled = settle_period_years([action], 2568, [page])
    assert [s.action for s in settled] == [1]
    assert action.period.start == datetime.date(2024, 10, 1)
    assert action.period.end == datetime.date(2025, 9, 30)
    assert action.sources["period"][0].confidence == SETTLED_CONFIDENCE
    assert page.ocr.doubts[-1].other == kept  # the reading it replaced, for a person to check


def test_a_range_whose_ends_day_is_glued_to_its_month_is_doubted_even_without_the_starts_dot() -> None:
    # ``ธ.ค.``'s head read twice, as ``5`` and as itself: read as it stands it ends on 5 December
    assert not parses("ต.ค 64 - 5ธ.ค.64") and not parses("ต.ค. 64 - 5ธ.ค.64")
    assert parses("ต.ค 64 - ธ.ค.64") and parses("1 ต.ค. 64 - 5 ธ.ค. 64")


def test_a_repair_of_two_kinds_of_damage_comes_after_every_other_reading_s_repairs() -> None:
    # the second reading repaired by a single look-alike wins over the first's two repairs
    cells = [Cell(0, 0, "ระยะเวลา", "", BOX)]
    cells.append(Cell(1, 0, "รอบ 6 a เตอน", "รอบ 6 a เตอน", BOX, confidence=0.9))
    table = Table(1, 0, BOX, 2, 1, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))

    def read(cell: Cell, mode: str) -> tuple[str, str, float | None]:
        return ("รอบ ๑๒ เตือน", "", 0.8) if mode == "thai" else ("", "", None)

    settle_period_cells(table, read)
    assert table.cells[1].text == "รอบ ๑๒ เดือน" and table.cells[1].confidence == DOUBT_CONFIDENCE


def test_a_lopsided_range_cut_at_its_dash_is_read_without_the_day_its_month_s_head_gave() -> None:
    # the range's halves joined from two cells, its dash lost: ``5`` is ``ธ``'s head read twice
    repaired = _first_parsing("ต.ค 64 5ธ.ค.64")
    assert repaired is not None
    parsed = parse_period(repaired, 2565)
    assert (parsed.start, parsed.end) == (datetime.date(2021, 10, 1), datetime.date(2021, 12, 31))
