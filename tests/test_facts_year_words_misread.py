"""The assessed year where OCR damaged the words or the digits around it (photographed and rotated
twins of development draws): ``ITA ปี พ.ศ. ๒๕๖๓`` read by the English model as ``ITA il WA. ๒๕๖๓``,
and ``พ.ศ. ๒๕๖๘`` read with a speck as a point among its digits (``๒๕๖.๘``).  The first is read
as printed (its digits are whole); the second with a doubt."""

from __future__ import annotations

from extractors.ita.facts import Passage, read_facts
from schemas import DOUBT_CONFIDENCE

TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๔"
LATIN = "ผลคะแนนภาพรวมของการประเมิน ITA il WA. ๒๕๖๓ เท่ากับ ๗๑.๒๗ คะแนน ระดับผลการประเมิน C"
SPECKED = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖.๘ องค์การบริหารส่วนตำบลท่าข้ามมีผลคะแนน ๖๔.๒๗ คะแนนอยู่ในระดับ D"


def _facts(*texts: str):
    return read_facts([], [Passage(t, 1, None) for t in texts])


def test_year_words_read_in_latin_letters_after_ita_still_date_the_result() -> None:
    facts = _facts(TITLE, LATIN)
    assert (facts.overall_score, facts.assessed_year) == (71.27, 2563)
    assert facts.sources["assessed_year"].confidence is None


def test_latin_letters_after_ita_without_an_era_are_no_cue() -> None:
    facts = _facts(TITLE, LATIN.replace("il WA.", "ok"))
    assert facts.assessed_year is None


def test_a_year_with_a_speck_among_its_digits_is_read_with_a_doubt() -> None:
    facts = _facts(TITLE.replace("๒๕๖๔", "๒๕๖๙"), SPECKED)
    assert (facts.overall_score, facts.assessed_year) == (64.27, 2568)
    assert facts.sources["assessed_year"].confidence == DOUBT_CONFIDENCE
    assert any("speck" in c.why for c in facts.candidates["assessed_year"])


def test_a_score_with_a_point_is_no_specked_year() -> None:
    facts = _facts(TITLE, "ผลการประเมิน ITA ได้คะแนน ๒๕.๖๘ คะแนน")
    assert facts.assessed_year is None


def test_an_overall_scores_year_after_the_fiscal_year_gives_way_to_a_result_phrase() -> None:
    # a Thai ๔ read as its look-alike ๕ in the overall score's clause; the phrases name ๒๕๖๔
    facts = _facts(
        "ผลการประเมิน ITA ปี ๒๕๖๔",
        TITLE,
        "ผลคะแนนภาพรวมของการประเมิน ITA ปี พ.ศ. ๒๕๖๕ เท่ากับ ๘๔.๓๘ คะแนน ระดับผลการประเมิน A",
    )
    assert (facts.fiscal_year, facts.overall_score, facts.assessed_year) == (2564, 84.38, 2564)
