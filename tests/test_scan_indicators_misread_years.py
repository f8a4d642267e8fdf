"""Years OCR misread on scanned twins of a development draw (draws 212 and 213, ``scan150``,
``scan200`` and ``photo``): a two-year table's header year read with a Thai ``๖`` as ``๒``
(``ปี ๒๕๒๒`` for ``ปี ๒๕๖๒``), and an assessed year's sentence whose overall score OCR could not
read, which left the earlier result's score (and its year) chosen.  Each turned every indicator's
year or score wrong."""

from __future__ import annotations

from extractors.ita.facts import Passage, read_facts
from extractors.ita.indicators import column_year, from_row_table
from extractors.ita.vocabulary import INDICATORS
from schemas import CellPart, LogicalRow, LogicalTable

_NAMES = [indicator.name for indicator in INDICATORS]


def _row(texts: dict[int, str]) -> LogicalRow:
    cells = {c: [CellPart(1, None, t, t, 0.9)] for c, t in texts.items() if t}
    return LogicalRow(1, cells, set(), False, {c: t for c, t in texts.items() if t})


def _two_years(header: list[str]) -> LogicalTable:
    """An unrecognised two-year table as the twins read it: ``ตัวชี้วัด | ปี A-1 | ปี A | ผลต่าง``
    (the header a first row), earlier scores ``6n.11``, later ``7n.22`` (some lower, so the
    difference is signed both ways)."""
    rows = [_row({0: header[0], 1: header[1], 2: header[2], 3: header[3]})]
    for n, name in enumerate(_NAMES, start=1):
        earlier, later = (60 + n + 0.11, 70 + n + 0.22) if n % 3 else (80 + n + 0.11, 70 + n + 0.22)
        diff = round(later - earlier, 2)
        sign = "+" if diff >= 0 else "-"
        cells = {0: f"ตัวชี้วัดที่ {n} {name}", 1: f"{earlier:.2f}", 2: f"{later:.2f}"}
        rows.append(_row({**cells, 3: f"{sign}{abs(diff):.2f}"}))
    return LogicalTable("other", [None] * 4, [""] * 4, rows, [1], [])


Got = tuple[int, float | None, int | None, int | None, float | None]


def _expected(year: int) -> list[Got]:
    out: list[Got] = []
    for n in range(1, 11):
        earlier, later = (60 + n + 0.11, 70 + n + 0.22) if n % 3 else (80 + n + 0.11, 70 + n + 0.22)
        out.append((n, round(later, 2), year, year - 1, round(earlier, 2)))
    return out


def _got(table: LogicalTable, assessed: int) -> list[Got]:
    found, _facts = from_row_table(table, assessed)
    out: list[Got] = []
    for i in found:
        before = (i.previous.year, i.previous.score) if i.previous else (None, None)
        out.append((i.number, i.score, i.year, *before))
    return out


def test_a_header_year_before_the_first_ita_dates_no_column() -> None:
    """``ปี ๒๕๒๒`` is no result's year (the first ITA was 2555); read as printed, a digit misread."""
    assert column_year("ปี ๒๕๒๒") is None and column_year("ปี ๒๕๖๒") == 2562


def test_the_later_year_misread_is_dated_by_its_place_beside_the_earlier() -> None:
    """``ปี ๒๕๖๑ | ปี ๒๕๒๒`` (scan200): the assessed year's column was dated 2522, and every
    indicator took the earlier year's scores, dated 2561; the right column is 2562's."""
    assert _got(_two_years(["ตัวชี้วัด", "ปี ๒๕๖๑", "ปี ๒๕๒๒", ""]), 2562) == _expected(2562)


def test_the_earlier_year_misread_is_dated_by_its_place_beside_the_later() -> None:
    """``ปี ๒๕๒๑ | ปี ๒๕๖๒`` (photo): the previous scores were dated 2521."""
    assert _got(_two_years(["ตัวชี้วัด", "ปี ๒๕๒๑", "ปี ๒๕๖๒", ""]), 2562) == _expected(2562)


def test_one_year_lost_and_the_other_misread_the_sums_date_the_columns() -> None:
    """``; ตัวชี้วัด 0 | | . ฝปี๒๕๒๒ |`` (scan150): neither column has a year an ITA could have;
    the signed differences (right minus left) say the right column is the later, the assessed
    year's; every indicator took the earlier year's scores before."""
    assert _got(_two_years(["; ตัวชี้วัด 0", "", ". ฝปี๒๕๒๒", ""]), 2562) == _expected(2562)


_HEAD = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ.๒๕๖๘"
_SENTENCE = (
    "ในปี พ.ศ. ๒๕๖๗ องค์การบริหารส่วนตำบลบ้านเป้าได้คะแนนรวม {score} คะแนน ผลการประเมินอยู่ในระดับ B"
    " (ปี พ.ศ. ๒๕๖๖ ได้ ๘๗.๒๕ คะแนน)"
)
_PHRASE = "๑. ผลการประเมิน ITAปี ๒๕๖๗ แยกรายตัวชี้วัด"


def test_an_earlier_results_score_chosen_for_want_of_the_assessed_one_does_not_date_the_result() -> None:
    """scan200 read the assessed year's total ``๗๗.๔๘`` as ``ฒญญฒ.๕๘``; the year before's score in
    brackets (2566, older than 2567, the result the fiscal year 2568 answers) was the only score
    left, and its year dated every indicator a year early over the phrase naming 2567."""
    passages = [Passage(t, 1, None) for t in (_HEAD, _SENTENCE.format(score="ฒญญฒ.๕๘"), _PHRASE)]
    facts = read_facts([], passages)
    assert facts.fiscal_year == 2568 and facts.assessed_year == 2567
    read_right = [Passage(t, 1, None) for t in (_HEAD, _SENTENCE.format(score="๗๗.๔๘"), _PHRASE)]
    assert read_facts([], read_right).assessed_year == 2567


def test_a_total_whose_score_ocr_damaged_still_names_the_assessed_year() -> None:
    """photo read ``๙๐.๙๙`` as ``๙๐.๙s``: the one sentence naming the result's year stated no score
    any more, no other passage names it, and every indicator (its prose lines) went undated."""
    head = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๓"
    sentence = "ในปี พ.ศ. ๒๕๖๒ โรงเรียนบ้านหนองบัวได้คะแนนรวม {score} คะแนน ผล การประเมินอยู่ในระดับ A"
    for score in ("๙๐.๙s", "๙๐.๙๙"):
        facts = read_facts([], [Passage(head, 1, None), Passage(sentence.format(score=score), 1, None)])
        assert (facts.fiscal_year, facts.assessed_year) == (2563, 2562)
    aim = "ตั้งเป้าหมายในปี พ.ศ. ๒๕๖๓ ให้ได้คะแนนรวม ๙๕.๐s คะแนน"
    assert read_facts([], [Passage(head, 1, None), Passage(aim, 1, None)]).assessed_year is None


def test_an_earlier_header_year_misread_within_ita_years_is_put_in_order() -> None:
    """``ปี ๒๕๖๐ | ปี ๒๕๖๔`` for ``ปี ๒๕๖๓ | ปี ๒๕๖๔`` (a ``๓`` read ``๐``): both years read, neither
    before the first ITA, so no place dated them; the earlier scores were dated 2560.  The columns
    of a two-year table are consecutive and the right one is the assessed year's: the left is 2563,
    its previous scores doubted."""
    found, _facts = from_row_table(_two_years(["ตัวชี้วัด", "ปี ๒๕๖๐", "ปี ๒๕๖๔", ""]), 2564)
    assert [(i.number, i.score, i.year) for i in found] == [e[:3] for e in _expected(2564)]
    assert all(i.previous and i.previous.year == 2563 for i in found)
    assert all(i.previous and (i.previous.provenance.confidence or 1) <= 0.5 for i in found)
    assert all(i.confidence == 0.9 for i in found)  # the assessed year's column was read as printed


def test_the_assessed_header_year_misread_is_dated_by_the_year_before_it() -> None:
    """``ปี ๒๕๖๓ | ปี ๒๕๖๑`` for ``ปี ๒๕๖๓ | ปี ๒๕๖๔``: the text's year 2564 is in no column, and
    the latest column (2563, the earlier scores) was taken as the assessed year's.  The left column
    is the year before the assessed one: the right is 2564, its scores doubted."""
    found, _facts = from_row_table(_two_years(["ตัวชี้วัด", "ปี ๒๕๖๓", "ปี ๒๕๖๑", ""]), 2564)
    assert _got(_two_years(["ตัวชี้วัด", "ปี ๒๕๖๓", "ปี ๒๕๖๑", ""]), 2564) == _expected(2564)
    assert all((i.confidence or 1) <= 0.5 for i in found)


def test_years_two_digits_away_or_without_an_assessed_year_stay_as_read() -> None:
    """Which column is wrong is not known: the years stay as OCR read them."""
    found, _facts = from_row_table(_two_years(["ตัวชี้วัด", "ปี ๒๕๕๗", "ปี ๒๕๖๔", ""]), 2564)
    assert {i.previous.year for i in found if i.previous} == {2557}
    found, _facts = from_row_table(_two_years(["ตัวชี้วัด", "ปี ๒๕๖๐", "ปี ๒๕๖๔", ""]), None)
    assert {i.year for i in found} == {2564} and {i.previous.year for i in found if i.previous} == {2560}
