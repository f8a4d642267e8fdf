"""Document facts from a scanned twin whose own overall score OCR read as Latin letters, beside an
aside giving last year's result (debug draw 250, ``c76-column-paragraphs-2562-scan150``): the aside's
score and year are a comparison, never the document's result."""

from __future__ import annotations

from extractors.ita.facts import Passage, aside_year, phrase_into_aside, read_facts

TITLE_2562 = (
    "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"
    " และมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๒"
)
RESULT = (
    "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๒ โรงเรียนวัดป่าประดู่มีผลคะแนน\n"
    "{score} คะแนนอยู่ในระดับ B (ปี พ.ศ. ๒๕๖๑ ได้ ๘๑.๗๗ คะแนน)"
)
HEADING = "ผลการประเมินรายตัวชี้วัด ประจำปี พ.ศ. ๒๕๖๒"


def _facts(score: str):
    texts = (TITLE_2562, RESULT.format(score=score), HEADING)
    return read_facts([], [Passage(t, 1, None) for t in texts])


def test_the_score_read_as_letters_leaves_the_overall_unset_and_the_year_the_documents() -> None:
    facts = _facts("oboe")
    assert facts.overall_score is None  # 81.77 is last year's, in the aside: a candidate, not chosen
    assert [c.value for c in facts.candidates["overall_score"]] == [81.77]
    assert not facts.candidates["overall_score"][0].chosen
    assert "comparison" in facts.candidates["overall_score"][0].why
    assert facts.assessed_year == 2562


def test_the_score_read_as_digits_is_chosen_over_the_asides() -> None:
    facts = _facts("๗๗.๐๑")
    assert (facts.overall_score, facts.level, facts.assessed_year) == (77.01, "B", 2562)


def test_an_aside_is_a_comparison_only_beside_a_statement_of_its_own() -> None:
    assert aside_year("มีผลคะแนน ob.og คะแนนอยู่ในระดับ B (ปี พ.ศ. ๒๕๖๑ ได้ ", " คะแนน)") == 2561
    assert aside_year("ผลการประเมินของหน่วยงาน (ปี ๒๕๖๑ ได้ ", " คะแนน)") is None
    assert aside_year("มีผลคะแนน ob.og คะแนน (ปี ๒๕๖๑ ได้ ", " คะแนน") is None  # never closed
    assert phrase_into_aside("ผลคะแนน oboe คะแนนอยู่ในระดับ B (ปี พ.ศ. ๒๕๖๑")
    assert not phrase_into_aside("ผลการประเมิน ITA (ปีงบประมาณ ๒๕๖๖")
