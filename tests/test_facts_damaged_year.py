"""A Buddhist-era year whose leading digit OCR damaged (``7567`` for ``2567``, read on a photographed
twin of a development draw): read as the ``25YY`` the three standing digits say, with a doubt, and
never left to let an earlier year's result win."""

from __future__ import annotations

from extractors.ita.facts import Passage, read_facts
from schemas import DOUBT_CONFIDENCE

TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567"
#: The current result stated after the earlier one, its year's ``2`` read as ``7``.
RESULTS = "ในปี 2566 ได้คะแนน 80.00 คะแนน และในปี 7567 ได้คะแนน 85.12 คะแนน อยู่ในระดับ A"


def _facts(*texts: str):
    return read_facts([], [Passage(t, 1, None) for t in texts])


def test_a_damaged_current_year_does_not_let_the_earlier_result_win() -> None:
    facts = _facts(TITLE, RESULTS)
    assert (facts.overall_score, facts.assessed_year, facts.level) == (85.12, 2567, "A")


def test_a_year_read_from_a_damaged_leading_digit_carries_a_doubt() -> None:
    facts = _facts(TITLE, RESULTS)
    source = facts.sources["assessed_year"]
    assert source.confidence == DOUBT_CONFIDENCE
    assert "damaged leading digit" in facts.candidates["assessed_year"][0].why


def test_a_year_read_as_printed_carries_no_doubt() -> None:
    facts = _facts(TITLE, RESULTS.replace("7567", "2567"))
    assert facts.assessed_year == 2567 and facts.sources["assessed_year"].confidence is None


def test_a_damaged_thai_leading_digit_in_the_title_gives_the_fiscal_year() -> None:
    facts = _facts(TITLE.replace("2567", "๗๕๖๗"))
    assert facts.fiscal_year == 2567 and facts.sources["fiscal_year"].confidence == DOUBT_CONFIDENCE


def test_a_four_digit_amount_that_is_not_in_a_years_place_is_no_year() -> None:
    facts = _facts("งบประมาณ 7567 บาท ได้คะแนน 85.12 คะแนน อยู่ในระดับ A")
    assert facts.assessed_year is None and facts.fiscal_year is None


# --- a Thai digit read as its look-alike: a year before the first ITA -----------------------------

#: A slide deck's big Thai digits (a scan at 150 dpi): ``๒๕๖๘`` read ``๒๕๒๘`` wherever it is named.
LOOK_ALIKE = [
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใส จึงได้กำหนดมาตรการในปีงบประมาณ พ.ศ. ๒๕๖๙",
    "ในปี พ.ศ. ๒๕๖๗ ได้คะแนน ๗๔.๕๕ คะแนน และ ITA ประจำปีงบประมาณ พ.ศ. ๒๕๒๘"
    " เทศบาลตำบลนาป่ามีผลคะแนน ๙๑.๑๗ คะแนน อยู่ในระดับ A",
    "ผลการประเมิน ITA ปี ๒๕๒๘ รายตัวชี้วัด",
]


def test_a_year_one_digit_from_the_result_the_fiscal_year_answers_is_that_year() -> None:
    facts = _facts(*LOOK_ALIKE)
    assert (facts.fiscal_year, facts.overall_score, facts.assessed_year) == (2569, 91.17, 2568)
    assert facts.sources["assessed_year"].confidence == DOUBT_CONFIDENCE
    assert "read 2528" in facts.candidates["assessed_year"][0].why


def test_a_misread_year_two_digits_off_stays_out() -> None:
    facts = _facts(*(t.replace("๒๕๒๘", "๒๕๒๒") for t in LOOK_ALIKE))
    assert facts.assessed_year is None


def test_a_speck_read_as_a_comma_after_the_era_still_names_the_year() -> None:
    """A rotated twin's slide: ``ITA ประจำปีงบประมาณ พ.ศ. 2568`` read ``พ.ศ.,2568``."""
    text = "ในปี พ.ศ.2567ได้คะแนน 82.75 คะแนนและITAประจำปีงบประมาณ พ.ศ.,2568โรงเรียนมีผลคะแนน 91.29 คะแนนอยู่ในระดับA"
    facts = _facts(text)
    assert (facts.overall_score, facts.assessed_year) == (91.29, 2568)
