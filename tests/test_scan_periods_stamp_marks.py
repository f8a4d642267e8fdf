"""Periods on scans where a stamp's ring or a looped font misled OCR (issue 14): a ring's stroke read
as a word across the white between two close header cells, or as a dash after a whole period in a
page's last row, or as a mark alone in a period column; Thai digits of a looped font read as
letters (``อๆ`` for ``๖๗``); a row cut by a page break whose first part only another reading of
its cell reads (``mn.`` / ``ทุก``).
"""

from __future__ import annotations

import datetime

from extractors.ita.period_repairs import candidates, parses
from extractors.ita.period_years import settle_period_years
from extractors.ita.periods import parse_period
from extractors.ocr.fields import settle
from extractors.ocr.rows import scan_borderless
from schemas import BBox, OcrDoubt, OcrInfo, OcrStatus, PageKind, PageText
from schemas.record import Action, Period, Provenance
from tests.rows_shapes import COLUMNS, PERIODS, close_header
from tests.rows_shapes import line as _line
from tests.rows_shapes import names as _names
from tests.rows_shapes import page as _page
from tests.rows_shapes import periods as _periods
from tests.rows_shapes import rows as _rows
from tests.rows_shapes import word as _word


def test_a_stamps_word_across_the_white_of_two_close_header_cells_does_not_join_their_columns() -> None:
    # ``ผู้รับผิดชอบ`` ends 4 pt before ``ระยะเวลา``; under the table, a stamp's ring read ``Soe``
    # crosses that white: a mark, not text of either column
    header = close_header()
    body = _rows(130.0, 1, 3)
    body.append(_line([_word("เป็นธรรม", COLUMNS[1], 274.0), _word("Soe", COLUMNS[3] - 30.0, 274.0, 60.0)]))
    (table,) = scan_borderless(_page([header, *body]), [], _names)
    assert table.n_cols == 4
    assert _periods([table])[:3] == list(PERIODS[:3])


def test_a_word_of_text_across_that_white_still_joins_the_columns() -> None:
    header = close_header()
    body = _rows(130.0, 1, 3)
    body.append(_line([_word("ประชาสัมพันธ์", COLUMNS[3] - 30.0, 274.0, 60.0)]))
    (table,) = scan_borderless(_page([header, *body]), [], _names)
    assert table.n_cols == 3


def test_a_dash_after_a_whole_period_in_the_last_row_is_a_mark_not_an_open_range() -> None:
    # a stamp's ring under the last row's period, read ``-``: ``รอบ 6 เดือน`` opens no range
    (text, _raw, _conf), others = settle(
        ("รอบ 6 เดือน -", "รอบ 6\nเดือน\n-", 0.9), [lambda: ("รอบ 6 เดือน -", "", 0.8)], last_row=True
    )
    assert text == "รอบ 6 เดือน" and others is not None  # kept with a doubt


def test_a_dash_after_a_month_in_the_last_row_stays_an_open_range() -> None:
    (text, _raw, _conf), _others = settle(
        ("ต.ค. 66 -", "", 0.9), [lambda: ("ต.ค. 66 —", "", 0.8)], last_row=True
    )
    assert text == "ต.ค. 66 -"


def test_a_looped_fonts_digits_read_as_letters_are_read_as_the_digits() -> None:
    # Kinnari at 150 dpi: ``๖๗`` read ``อๆ``, ``๖๖`` read ``ออ`` and ``๒๖``
    assert [c for c in candidates("มิ.ย. - ก.ย. อๆ") if parses(c)] == ["มิ.ย. - ก.ย. ๖๗"]
    assert [c for c in candidates("ต.ค. ออ - ชิ.ค. ๒๖") if parses(c)] == ["ต.ค. ๖๖ - ธ.ค. ๖๖"]


def test_the_repetition_mark_after_every_is_a_recurrence() -> None:
    parsed = parse_period("ทุกๆ ไตรมาส", 2567)
    assert (parsed.rule, parsed.start, parsed.end) == (
        "recurring",
        datetime.date(2023, 10, 1),
        datetime.date(2024, 9, 30),
    )


def _cut_action(first_raw: str, second_raw: str, text: str) -> tuple[Action, list[PageText]]:
    a, b = BBox(390.0, 750.0, 450.0, 775.0), BBox(390.0, 130.0, 450.0, 350.0)
    sources = {"period": [Provenance(2, a, first_raw, 0.3), Provenance(3, b, second_raw, 0.9)]}
    action = Action(1, None, None, [], [], [], Period(text), None, [], [], 2, [2, 3], sources)
    pages = [PageText(n, 595.0, 842.0, PageKind.SCANNED, ocr=OcrInfo(OcrStatus.READ, 150)) for n in (2, 3)]
    return action, pages


def test_a_cut_rows_period_is_read_from_its_cells_other_readings() -> None:
    # ``ทุก`` at the foot of page 2 read ``mn.`` (the Thai model read ``. ทุก .``), ``ไตรมาส`` on page 3
    action, pages = _cut_action("mn.", "ไตรมาส", "mn. ไตรมาส")
    pages[0].ocr.doubts.append(
        OcrDoubt("mn.", ". ทุก .", action.sources["period"][0].box, "no reading parses")
    )
    settled = settle_period_years([action], 2564, pages)
    assert [s.action for s in settled] == [1]
    assert (action.period.start, action.period.end) == (
        datetime.date(2020, 10, 1),
        datetime.date(2021, 9, 30),
    )
    assert action.sources["period"][0].confidence is not None and action.sources["period"][0].confidence < 0.5


def test_a_cut_rows_year_read_with_two_lookalike_digits_is_chosen_by_the_documents_year() -> None:
    # ``๒๕๖๗`` read ``๒๕๐๓`` on the row's second part: of its two-digit look-alikes only 2567 fits
    action, pages = _cut_action("ภายใน ๓๑\nมี.ค.", "๒๕๐๓", "ภายใน ๓๑ มี.ค. ๒๕๐๓")
    others = [
        Action(n, None, None, [], [], [], Period(t, *_dates(t)), None, [], [], 3, [3], {})
        for n, t in ((2, "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗"), (3, "ไตรมาสที่ ๒"), (4, "ก.ค. ๖๗"))
    ]
    settle_period_years([action, *others], 2567, pages)
    assert action.period.end == datetime.date(2024, 3, 31)


def _dates(text: str) -> tuple[datetime.date | None, datetime.date | None]:
    parsed = parse_period(text, 2567)
    return parsed.start, parsed.end
