"""Document facts from scanned twins whose OCR misread one reading of a fact: each test's text is a
development draw's twin page as Tesseract read it (draw 207: ``c85``, ``c90``, ``c77``, ``c83``,
``c87``, ``c78``), the misreading kept, the rest cut short."""

from __future__ import annotations

from extractors.ita.facts import Passage, read_facts
from extractors.ocr.engine import OcrSymbol
from extractors.ocr.page import _no_marks_on_stops
from schemas import DOUBT_CONFIDENCE


def _facts(*texts: str):
    return read_facts([], [Passage(t, 1, None) for t in texts])


TITLE_2568 = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"


# --- the era read in Latin letters ------------------------------------------------------------------


def test_an_era_read_in_latin_letters_still_dates_the_score() -> None:
    """A rotated twin: ``พ.ศ.`` before the current result's year read ``wa.``."""
    text = (
        "ในปี พ.ศ. ๒๕๖๖ ได้คะแนน ๘๑.๖๗ คะแนน และในปี wa. ๒๕๖๗ โรงเรียน"
        " วัดป่าประดู่มีผลคะแนน ๘๖.๙๙ คะแนน ผลการประเมิน ผ่าน"
    )
    facts = _facts(TITLE_2568, text)
    assert (facts.overall_score, facts.assessed_year) == (86.99, 2567)


def test_latin_letters_alone_are_no_cue_for_a_year() -> None:
    facts = _facts("เลขที่ No. 2567 ได้คะแนน 86.99 คะแนน ผลการประเมิน ผ่าน")
    assert facts.assessed_year is None


def test_a_mark_read_on_a_stop_is_dropped_from_a_thai_reading() -> None:
    """The Thai model's second reading of that ``wa.``: ``พ.ุศ.``, a speck read as a sara u."""
    symbols = [OcrSymbol(ch, (0, 0, 1, 1), 95.0) for ch in "พ.ุศ."]
    assert "".join(s.text for s in _no_marks_on_stops(symbols)) == "พ.ศ."


# --- a misread year mended to the year the document states --------------------------------------

#: ``๒๕๖๔`` read ``๒๕๒๕`` in the score's clause: one digit from the fiscal year 2565, two from 2564,
#: the year every header and the indicators' heading name.
MISREAD_RESULT = [
    "รายงานการวิเคราะห์ผลการประเมิน ITA ปี ๒๕๖๔",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕",
    "ในปี พ.ศ. ๒๕๒๕ โรงพยาบาลปากพลีได้คะแนนรวม ๖๒.๙๗ คะแนน ผลการประเมินอยู่ในระดับ D",
    "ผลการประเมินรายตัวชี้วัด ประจำปี พ.ศ. ๒๕๖๔",
]


def test_a_misread_year_is_mended_to_the_result_year_the_document_states() -> None:
    facts = _facts(*MISREAD_RESULT)
    assert (facts.fiscal_year, facts.overall_score, facts.assessed_year) == (2565, 62.97, 2564)
    assert facts.sources["assessed_year"].confidence == DOUBT_CONFIDENCE
    assert "names as a result's year" in facts.candidates["assessed_year"][0].why


def test_without_a_stated_result_year_the_misread_year_takes_the_nearer_one() -> None:
    facts = _facts(*MISREAD_RESULT[1:3])
    assert facts.assessed_year == 2565


def test_an_earlier_scores_year_is_no_stated_result_year() -> None:
    """``ผลการประเมิน ITA ปี 2564`` that is the year of the earlier score does not mend the current
    score's misread year to it."""
    texts = [
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2566",
        "ผลการประเมิน ITA ปี 2564 ได้คะแนน 80.00 คะแนน และในปี 2525 ได้คะแนนรวม 85.12 คะแนน อยู่ในระดับ A",
    ]
    facts = _facts(*texts)
    assert (facts.overall_score, facts.assessed_year) == (85.12, 2565)


# --- a name read as no words, read right elsewhere ------------------------------------------------


def test_an_agency_misread_in_the_title_is_its_reading_that_is_words() -> None:
    facts = _facts(
        "สำนักงานพัฒนาขุมชนจังหวัดยโสธร",
        "สำนักงานพัฒนาชุมชนจังหวัดยโสธรจึงได้วิเคราะห์ผลการประเมิน",
    )
    assert facts.agency == "สำนักงานพัฒนาชุมชนจังหวัดยโสธร"
    assert facts.sources["agency"].confidence == DOUBT_CONFIDENCE
    assert [c.value for c in facts.candidates["agency"]] == [
        "สำนักงานพัฒนาชุมชนจังหวัดยโสธร",
        "สำนักงานพัฒนาขุมชนจังหวัดยโสธร",
    ]


def test_an_agency_read_as_words_stands_against_a_misreading() -> None:
    facts = _facts("โรงเรียนวัดป่าประดู่ อ.เมืองระยอง จ.ระยอง", "ของโรงเรียนวัดป่าประตู่เป็นไปด้วย")
    assert facts.agency == "โรงเรียนวัดป่าประดู่" and "agency" not in facts.candidates


def test_a_district_with_a_speck_read_as_a_letter_is_its_other_reading() -> None:
    facts = _facts("โรงพยาบาลปากพลี อ.บปากพลี จ. นครนายก", "ตั้งอยู่ที่ อำเภอปากพลี จังหวัดนครนายก")
    assert (facts.district, facts.province) == ("ปากพลี", "นครนายก")


def test_a_capital_district_cut_by_a_space_is_whole_again() -> None:
    facts = _facts("โรงเรียนวัดป่าประดู่ อำเภอเมือง ระยอง จังหวัดระยอง")
    assert (facts.district, facts.province) == ("เมืองระยอง", "ระยอง")


# --- a score's leading digit read as a letter ---------------------------------------------------


def test_a_leading_digit_read_as_a_letter_is_the_one_the_level_allows() -> None:
    facts = _facts("องค์การบริหารส่วนตำบลหนองแสงได้คะแนนรวมส๗.๖๒ คะแนน ผลการประเมินอยู่ในระดับ A")
    assert (facts.overall_score, facts.level) == (87.62, "A")
    assert facts.sources["overall_score"].confidence == DOUBT_CONFIDENCE


def test_a_score_after_a_word_is_read_as_it_is() -> None:
    facts = _facts("องค์การบริหารส่วนตำบลหนองแสงได้คะแนนรวม๗.๖๒ คะแนน ผลการประเมินอยู่ในระดับ A")
    assert facts.overall_score == 7.62


def test_a_lost_leading_digit_the_level_does_not_settle_stays_as_read() -> None:
    facts = _facts("องค์การบริหารส่วนตำบลนาหว้ามีผลคะแนน อ๐.๑๑ คะแนน ผลการประเมิน ไม่ผ่าน")
    assert facts.overall_score == 0.11
