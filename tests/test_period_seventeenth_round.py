"""Period cells of scans the seventeenth round's debug draw (229) left wrong or unparsed, row right.

Each reading here is one OCR gave on that draw's scan150/scan200 twins; the repairs are glyph
evidence (a year another reading of the cell read, look-alike glyphs), the parser decides, and
whatever is kept so is kept with a doubt.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractors.ita.period_repairs import candidates, parses, years_read_elsewhere
from extractors.ita.period_years import joined_readings
from extractors.ocr.fields import settle
from schemas import DOUBT_CONFIDENCE, BBox
from schemas.record import Action, Period, Provenance
from tests.period_tables import cut_period_action, scanned_pages


def _first_parsing(text: str) -> str | None:
    return next((c for c in candidates(text) if parses(c)), None)


@pytest.mark.parametrize(
    ("read", "wanted"),
    [
        ("เม.ขย.65", "เม.ย.65"),  # ``ย`` read twice, as ``ข`` and itself; ``เ`` names the month
        ("ตลอดปีงบประมาณ ห.ศ. 2567", "ตลอดปีงบประมาณ พ.ศ. 2567"),  # the era's ``พ`` read ``ห``
        ("ภายใน ๓๐ มิ.ย, แ๕๒๙", "ภายใน ๓๐ มิ.ย, ๒๕๖๙"),  # ``๒`` read ``แ``, ``๖`` read ``๒``
        ("ภายใน ๓๐ มิ.ย. เแ๕๖๙", "ภายใน ๓๐ มิ.ย. ๒๕๖๙"),
        ("เม.ย. ๖๓ | 1", "เม.ย. ๖๓"),  # a rule's stub below the cell read ``| 1``
    ],
)
def test_repairs_read_the_period(read: str, wanted: str) -> None:
    assert _first_parsing(read) == wanted


@pytest.mark.parametrize("read", ["ภายใน ๕๖ วัน", "ไตรมาส 1", "ทุกๆ เดือน"])
def test_what_is_no_damage_is_not_repaired(read: str) -> None:
    assert candidates(read)[0] == read


def test_a_year_read_by_another_reading_beats_a_look_alike_year() -> None:
    # the Thai model read ``๒๕๒๕`` (one look-alike from ``๒๕๖๕``); the glyph reader read ``๒๕๖๔``
    # beside debris of its own: the year read wins over the year made up
    first = ("ภายใน๓๑มี.ค. ๒๕๒๕", "ภายใน ๓๑มี.ค.\n๒๕๒๕", 0.9)
    (text, _raw, _conf), others = settle(first, [lambda: ("ภายใน oeมี.ค. ๒๕๖๔", "", 0.8)])
    assert text == "ภายใน๓๑มี.ค. ๒๕๖๔" and others  # kept with a doubt


def test_without_another_reading_the_look_alike_year_stays_the_repair() -> None:
    first = ("ภายใน๓๑มี.ค. ๒๕๒๕", "", 0.9)
    (text, _raw, _conf), others = settle(first, [lambda: ("", "", None)])
    assert text == "ภายใน๓๑มี.ค. ๒๕๖๕" and others is not None


def test_a_plausible_year_is_never_replaced_by_another_readings() -> None:
    assert years_read_elsewhere("ต.ค. ๖๕ - ธ.ค. ๖๕", ["ต.ค. ๖๔ - ธ.ค. ๖๔"]) == []


def test_the_years_of_a_whole_year_keep_their_script() -> None:
    found = years_read_elsewhere("ตลอดปีงบประมาณ พ.ศ. ๒๕๒๕", ["ตลอด จงบประมาณ พ.ศ. 2564"])
    assert found == ["ตลอดปีงบประมาณ พ.ศ. ๒๕๖๔"]


def test_a_debris_cell_below_a_page_break_may_be_no_part_of_the_period() -> None:
    a, b = BBox(0, 90, 10, 100), BBox(0, 0, 10, 10)
    src = {"period": [Provenance(3, a, "ต .ค. 64 -\nธ. ค. 64", 0.9), Provenance(4, b, "-1]", 0.3)]}
    period = Period("ต.ค. 64 - ธ.ค. 64 -1]")
    action = Action(1, None, None, [], [], [], period, None, [], [], 3, [3, 4], src)
    joined = joined_readings(action, [])
    assert "ต .ค. 64 - ธ. ค. 64" in joined and parses("ต .ค. 64 - ธ. ค. 64")


def test_a_cell_with_a_year_below_a_page_break_is_part_of_the_period() -> None:
    a, b = BBox(0, 90, 10, 100), BBox(0, 0, 10, 10)
    src = {"period": [Provenance(3, a, "ต.ค. - ธ.ค.", 0.9), Provenance(4, b, "๖๔", 0.9)]}
    action = Action(1, None, None, [], [], [], Period("ต.ค. - ธ.ค. ๖๔"), None, [], [], 3, [3, 4], src)
    assert joined_readings(action, []) == ["ต.ค. - ธ.ค. ๖๔"]


def test_a_period_cut_by_a_page_break_over_debris_is_dated_with_a_doubt() -> None:
    from extractors.ita.period_years import settle_period_years

    action = cut_period_action(3, ("ต .ค. 64 -\nธ. ค. 64", 0.9), ("-1]", 0.3), "ต.ค. 64 - ธ.ค. 64 -1]")
    settled = settle_period_years([action], 2565, scanned_pages(3, 4))
    assert [s.action for s in settled] == [1]
    assert (action.period.start, action.period.end) == (date(2021, 10, 1), date(2021, 12, 31))
    assert action.sources["period"][0].confidence == DOUBT_CONFIDENCE
