"""Period cells (ระยะเวลาดำเนินการ) into Gregorian date ranges: a table of real and hostile cells, and
properties under hypothesis."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.ita.periods import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    RULES,
    ParsedPeriod,
    normalise_period,
    parse_period,
)
from extractors.thai.text import arabic_digits_to_thai

D = datetime.date
FY_2566 = (D(2022, 10, 1), D(2023, 9, 30))

# text, fiscal_year, start, end, rule (start = end = None: unparsed)
CASES: list[tuple[str, int | None, D | None, D | None, str]] = [
    # month ranges, Thai and Arabic digits, 2- and 4-digit years, BE and AD
    ("ม.ค. ๖๕ - มี.ค. ๖๕", None, D(2022, 1, 1), D(2022, 3, 31), "month-range"),
    ("ต.ค. 65 - มี.ค. 66", None, D(2022, 10, 1), D(2023, 3, 31), "month-range"),
    ("ต.ค.๖๔ – ก.ย. ๖๕", None, D(2021, 10, 1), D(2022, 9, 30), "month-range"),
    ("ต.ค.64-ก.ย.65", None, D(2021, 10, 1), D(2022, 9, 30), "month-range"),
    ("ตุลาคม 2565 - กันยายน 2566", None, D(2022, 10, 1), D(2023, 9, 30), "month-range"),
    ("ตุลาคม พ.ศ. ๒๕๖๕ ถึง กันยายน พ.ศ.๒๕๖๖", None, D(2022, 10, 1), D(2023, 9, 30), "month-range"),
    ("เดือนตุลาคม 2565 ถึงเดือนกันยายน 2566", None, D(2022, 10, 1), D(2023, 9, 30), "month-range"),
    ("ม.ค. 2022 — มี.ค. 2022", None, D(2022, 1, 1), D(2022, 3, 31), "month-range"),
    ("มค.65-มีค.65", None, D(2022, 1, 1), D(2022, 3, 31), "month-range"),
    ("ม. ค. 65 – มี. ค. 65", None, D(2022, 1, 1), D(2022, 3, 31), "month-range"),
    ("มกรา 65 - มีนา 65", None, D(2022, 1, 1), D(2022, 3, 31), "month-range"),
    ("ก.ค. 66 -\nก.ย. 66", None, D(2023, 7, 1), D(2023, 9, 30), "month-range"),
    # a start month without a year takes the end's year (minus one when it comes later in the year)
    ("ต.ค. - ธ.ค. ๖๕", None, D(2022, 10, 1), D(2022, 12, 31), "month-range"),
    ("ต.ค. - มี.ค. ๖๖", None, D(2022, 10, 1), D(2023, 3, 31), "month-range"),
    ("ต.ค. 65 - มี.ค.", None, D(2022, 10, 1), D(2023, 3, 31), "month-range"),
    # single months, leap years
    ("มี.ค. ๖๖", None, D(2023, 3, 1), D(2023, 3, 31), "month"),
    ("ก.พ. 67", None, D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("กุมภาพันธ์ 2566", None, D(2023, 2, 1), D(2023, 2, 28), "month"),
    ("กรกฏาคม 2566", None, D(2023, 7, 1), D(2023, 7, 31), "month"),
    # days
    ("19 มี.ค. 2564", None, D(2021, 3, 19), D(2021, 3, 19), "day"),
    ("วันที่ ๑๙ มีนาคม ๒๕๖๔", None, D(2021, 3, 19), D(2021, 3, 19), "day"),
    ("29 ก.พ. 2567", None, D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("14-15 ก.ย. 2564", None, D(2021, 9, 14), D(2021, 9, 15), "day-range"),
    ("1 ต.ค. 2565 - 30 ก.ย. 2566", None, D(2022, 10, 1), D(2023, 9, 30), "day-range"),
    ("ตั้งแต่ 1 ต.ค. 65 ถึง 31 ธ.ค. 65", None, D(2022, 10, 1), D(2022, 12, 31), "day-range"),
    ("1 ม.ค. - 31 มี.ค. 66", None, D(2023, 1, 1), D(2023, 3, 31), "day-range"),
    # deadlines: from the start of the fiscal year given
    ("ภายในวันที่ 31 มีนาคม 2566", 2566, D(2022, 10, 1), D(2023, 3, 31), "deadline"),
    ("ภายในเดือนมีนาคม 2566", 2566, D(2022, 10, 1), D(2023, 3, 31), "deadline"),
    ("ภายในวันที่ 31 มีนาคม 2566", None, None, None, "unparsed"),
    ("ภายในวันที่ 31 มีนาคม 2564", 2566, None, None, "unparsed"),  # before the fiscal year starts
    # months with no year: placed in the fiscal year
    ("ต.ค. - ธ.ค.", 2566, D(2022, 10, 1), D(2022, 12, 31), "month-range"),
    ("มกราคม - มีนาคม", 2566, D(2023, 1, 1), D(2023, 3, 31), "month-range"),
    ("ต.ค. - มี.ค.", 2566, D(2022, 10, 1), D(2023, 3, 31), "month-range"),
    ("ต.ค. - ธ.ค. ปีงบประมาณ 2566", None, D(2022, 10, 1), D(2022, 12, 31), "month-range"),
    ("มกราคม - มีนาคม", None, None, None, "unparsed"),
    ("มี.ค. - ต.ค.", 2566, None, None, "unparsed"),  # October of FY 2566 comes before March
    # the whole fiscal year; a year in the text wins over the argument
    ("ตลอดปีงบประมาณ", 2566, *FY_2566, "fiscal-year"),
    ("ตลอดปี", 2566, *FY_2566, "fiscal-year"),
    ("ตลอดทั้งปี", 2566, *FY_2566, "fiscal-year"),
    ("ปีงบประมาณ 2566", None, *FY_2566, "fiscal-year"),
    ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖", 2570, *FY_2566, "fiscal-year"),
    ("ตลอดปีงบประมาณ (ทุกเดือน)", 2566, *FY_2566, "fiscal-year"),
    ("ตลอดปีงบประมาณ", None, None, None, "unparsed"),
    ("ทุกเดือน", 2566, *FY_2566, "recurring"),
    ("ทุกไตรมาส", 2566, *FY_2566, "recurring"),
    ("ต่อเนื่อง", 2566, *FY_2566, "recurring"),
    ("ดำเนินการอย่างต่อเนื่อง", 2566, *FY_2566, "recurring"),
    ("ทุกเดือน", None, None, None, "unparsed"),
    # quarters
    ("ไตรมาสที่ 1", 2566, D(2022, 10, 1), D(2022, 12, 31), "quarter"),
    ("ไตรมาสที่ 2", 2566, D(2023, 1, 1), D(2023, 3, 31), "quarter"),
    ("ไตรมาสที่ ๓", 2566, D(2023, 4, 1), D(2023, 6, 30), "quarter"),
    ("ไตรมาสที่4", 2566, D(2023, 7, 1), D(2023, 9, 30), "quarter"),
    ("ไตรมาสที่ 2 - 3", 2566, D(2023, 1, 1), D(2023, 6, 30), "quarter"),
    ("ไตรมาส 2-3", 2566, D(2023, 1, 1), D(2023, 6, 30), "quarter"),
    ("ไตรมาสที่ 1 - 4", 2567, D(2023, 10, 1), D(2024, 9, 30), "quarter"),
    ("ไตรมาสที่ ๑ ปีงบประมาณ ๒๕๖๖", None, D(2022, 10, 1), D(2022, 12, 31), "quarter"),
    ("ไตรมาส 1/66", 2570, D(2022, 10, 1), D(2022, 12, 31), "quarter"),
    ("ไตรมาสที่ 2 (1 ม.ค. 66 - 31 มี.ค. 66)", None, D(2023, 1, 1), D(2023, 3, 31), "day-range"),
    ("ไตรมาสที่ 2 (1 ม.ค. 66 - 15 มี.ค. 66)", 2566, D(2023, 1, 1), D(2023, 3, 15), "day-range"),
    ("ไตรมาสที่ 2", None, None, None, "unparsed"),
    ("ไตรมาสที่ 5", 2566, None, None, "unparsed"),
    ("ไตรมาสที่ 3 - 2", 2566, None, None, "unparsed"),
    # halves and rounds of the fiscal year
    ("รอบ 6 เดือน", 2566, D(2022, 10, 1), D(2023, 3, 31), "fiscal-months"),
    ("6 เดือนแรก", 2566, D(2022, 10, 1), D(2023, 3, 31), "fiscal-months"),
    ("๖ เดือนหลัง", 2566, D(2023, 4, 1), D(2023, 9, 30), "fiscal-months"),
    ("รอบ 12 เดือน", 2566, *FY_2566, "fiscal-months"),
    ("ครึ่งปีหลัง", 2566, D(2023, 4, 1), D(2023, 9, 30), "fiscal-months"),
    ("6 เดือน", 2566, None, None, "unparsed"),  # a duration, not a when
    # unreadable
    ("ตามความเหมาะสม", 2566, None, None, "unparsed"),
    ("", 2566, None, None, "unparsed"),
    ("   \n ", 2566, None, None, "unparsed"),
    ("-", 2566, None, None, "unparsed"),
    ("มี.ค. 66 - ม.ค. 66", None, None, None, "unparsed"),  # ends before it starts
    ("15 - 14 ก.ย. 2564", None, None, None, "unparsed"),
    ("31 ก.พ. 2566", None, None, None, "unparsed"),  # no such day
    ("29 ก.พ. 2566", None, None, None, "unparsed"),  # 2023 is no leap year
    ("ปี 2566", None, None, None, "unparsed"),  # calendar or fiscal year: unknown
    ("ปีงบประมาณ 2565 - 2566", None, None, None, "unparsed"),
    ("ตุลาการ 66", None, None, None, "unparsed"),  # a judge, not October
    ("อ.ก.พ. 66", None, None, None, "unparsed"),  # a committee, not February
    ("ม.ค. 66 และ มี.ค. 66", None, None, None, "unparsed"),
    ("ดำเนินการ (1 ม.ค. 66)", None, D(2023, 1, 1), D(2023, 1, 1), "day"),
    ("ประชุม (1 ม.ค. 66)", None, None, None, "unparsed"),  # unknown words outside the dates
]


@pytest.mark.parametrize(("text", "fiscal_year", "start", "end", "rule"), CASES)
def test_parse_period(text: str, fiscal_year: int | None, start: D | None, end: D | None, rule: str) -> None:
    assert parse_period(text, fiscal_year) == ParsedPeriod(start, end, rule)


def test_table_covers_every_rule() -> None:
    assert {case[-1] for case in CASES} == set(RULES)
    assert len(CASES) >= 40


@pytest.mark.parametrize("fiscal_year", [2566, 66, 2023])
def test_fiscal_year_argument_is_read_like_a_written_year(fiscal_year: int) -> None:
    assert parse_period("ตลอดปีงบประมาณ", fiscal_year) == ParsedPeriod(*FY_2566, "fiscal-year")


@pytest.mark.parametrize("fiscal_year", [0, -5, 1])
def test_unusable_fiscal_year_argument(fiscal_year: int) -> None:
    assert parse_period("ตลอดปีงบประมาณ", fiscal_year).rule == "unparsed"


def test_parsed_period_rejects_half_or_reversed_ranges() -> None:
    with pytest.raises(ValueError, match="both"):
        ParsedPeriod(None, D(2022, 1, 1), "month")
    with pytest.raises(ValueError, match="before"):
        ParsedPeriod(D(2022, 2, 1), D(2022, 1, 1), "month-range")


def test_normalise_is_idempotent_on_table() -> None:
    for text, *_ in CASES:
        once = normalise_period(text)
        assert normalise_period(once) == once, text


# --- properties ------------------------------------------------------------------------------------


def _month_styles(month: int) -> list[str]:
    abbreviation, name = MONTH_ABBREVIATIONS[month - 1], MONTH_NAMES[month - 1]
    first, second = abbreviation.rstrip(".").split(".")
    return [
        abbreviation,
        f"{first}.{second}",
        f"{first}{second}.",
        f"{first}. {second}.",
        f"{first}{second}",
        name,
        name.removesuffix("คม").removesuffix("ยน").removesuffix("พันธ์"),
    ]


def _year_styles(year_be: int) -> list[str]:
    return [
        str(year_be),
        str(year_be % 100).zfill(2),
        f"พ.ศ. {year_be}",
        f"พ.ศ.{year_be}",
        str(year_be - 543),
    ]


months = st.integers(1, 12)
years_be = st.integers(2500, 2599)  # two-digit years can only say 25xx


@st.composite
def month_text(draw: st.DrawFn, month: int, year_be: int) -> str:
    text = f"{draw(st.sampled_from(_month_styles(month)))}{draw(st.sampled_from(['', ' ']))}"
    text += draw(st.sampled_from(_year_styles(year_be)))
    return arabic_digits_to_thai(text) if draw(st.booleans()) else text


def _first_day(year_be: int, month: int) -> D:
    return D(year_be - 543, month, 1)


def _last_day(year_be: int, month: int) -> D:
    return D(year_be - 543, month, calendar.monthrange(year_be - 543, month)[1])


@settings(max_examples=300)
@given(st.data(), st.tuples(years_be, months), st.tuples(years_be, months))
def test_month_ranges_in_any_style(data: st.DataObject, one: tuple[int, int], other: tuple[int, int]) -> None:
    (y1, m1), (y2, m2) = sorted([one, other])
    dash = data.draw(st.sampled_from(["-", " - ", " – ", "—", " ถึง ", "\n-\n"]))
    text = data.draw(month_text(m1, y1)) + dash + data.draw(month_text(m2, y2))
    result = parse_period(text, data.draw(st.none() | st.integers(2500, 2600)))
    assert result == ParsedPeriod(_first_day(y1, m1), _last_day(y2, m2), "month-range"), text
    assert result.start is not None and result.end is not None and result.start <= result.end


@given(st.data(), years_be, months)
def test_single_month_in_any_style(data: st.DataObject, year_be: int, month: int) -> None:
    text = data.draw(month_text(month, year_be))
    assert parse_period(text) == ParsedPeriod(_first_day(year_be, month), _last_day(year_be, month), "month")


@given(years_be, months, months)
def test_start_without_year_takes_the_end_year(year_be: int, m1: int, m2: int) -> None:
    text = f"{MONTH_ABBREVIATIONS[m1 - 1]} - {MONTH_ABBREVIATIONS[m2 - 1]} {year_be}"
    start_year = year_be if m1 <= m2 else year_be - 1
    assert parse_period(text) == ParsedPeriod(
        _first_day(start_year, m1), _last_day(year_be, m2), "month-range"
    )


@given(st.integers(2450, 2650), months, months)
def test_months_without_year_fall_in_the_fiscal_year(fiscal_year: int, m1: int, m2: int) -> None:
    result = parse_period(f"{MONTH_NAMES[m1 - 1]} - {MONTH_NAMES[m2 - 1]}", fiscal_year)
    fy_start, fy_end = D(fiscal_year - 544, 10, 1), D(fiscal_year - 543, 9, 30)
    in_fiscal_order = (m1 - 10) % 12 <= (m2 - 10) % 12
    if in_fiscal_order:
        assert result.rule == "month-range"
        assert result.start is not None and result.end is not None
        assert fy_start <= result.start <= result.end <= fy_end
        assert (result.start.month, result.end.month) == (m1, m2)
    else:
        assert result == ParsedPeriod(None, None, "unparsed")


@given(st.integers(2450, 2650), st.integers(1, 4), st.integers(1, 4))
def test_quarters_tile_the_fiscal_year(fiscal_year: int, q1: int, q2: int) -> None:
    result = parse_period(f"ไตรมาสที่ {q1} - {q2}", fiscal_year)
    if q1 > q2:
        assert result.rule == "unparsed"
        return
    one = parse_period(f"ไตรมาสที่ {q1}", fiscal_year)
    two = parse_period(f"ไตรมาสที่ {q2}", fiscal_year)
    assert result == ParsedPeriod(one.start, two.end, "quarter")
    assert one.end is not None and parse_period(f"ไตรมาส {q1 + 1}", fiscal_year).start in (
        one.end + datetime.timedelta(days=1),
        None,
    )


PERIOD_ALPHABET = st.sampled_from(
    [*MONTH_ABBREVIATIONS, *MONTH_NAMES, *"0123456789๐๑๒๓๔๕๖๗๘๙ .-–()/", "ถึง", "ไตรมาสที่", "ปีงบประมาณ",
     "ตลอด", "ทุก", "เดือน", "ภายใน", "วันที่", "รอบ", "แรก", "หลัง", "พ.ศ.", "ก", "\n"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(PERIOD_ALPHABET, max_size=12).map("".join), st.none() | st.integers(2400, 2700))
def test_any_text_gives_a_whole_ordered_range_or_nothing(text: str, fiscal_year: int | None) -> None:
    result = parse_period(text, fiscal_year)
    assert result.rule in RULES
    if result.rule == "unparsed":
        assert result.start is None and result.end is None
    else:
        assert result.start is not None and result.end is not None and result.start <= result.end
