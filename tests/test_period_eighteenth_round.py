"""Period cells of scans the eighteenth round's debug draw (251) left wrong or unparsed, row right.

Each reading here is one OCR gave on that draw's scan150 twins; the repairs are glyph evidence
(another reading's month or year at the same place, look-alike glyphs, the lines Tesseract's
layout told apart), the parser and the document's years decide, and whatever is kept so is kept
with a doubt.
"""

from __future__ import annotations

from datetime import date

from extractors.ita.period_repairs import candidates, dateless_dash, lookalike_month_names, parses
from extractors.ita.period_years import settle_period_years
from extractors.ocr.fields import dated_lines, settle
from schemas import DOUBT_CONFIDENCE, BBox, OcrDoubt, OcrInfo, OcrStatus, PageText
from schemas.record import Action, Period, Provenance
from tests.period_tables import cut_period_action, scanned_pages

BOX = BBox(0, 0, 10, 10)


def _action(text: str, raw: str, start: date | None = None, end: date | None = None) -> Action:
    src = {"period": [Provenance(3, BOX, raw, 0.9)]}
    return Action(1, None, None, [], [], [], Period(text, start, end), None, [], [], 3, [3], src)


def _page(*doubts: tuple[str, str]) -> PageText:
    page = PageText(3, 100, 100, "scanned", ocr=OcrInfo(OcrStatus.READ, 150))
    for text, other in doubts:
        page.ocr.doubts.append(OcrDoubt(text, other, BOX, "no reading parses"))  # type: ignore[union-attr]
    return page


def test_a_deadline_before_the_plan_s_year_has_its_year_s_digits_read_as_look_alikes() -> None:
    # ``๒๕๖๘`` read ``๒๕๒๕`` and repaired to ``๒๕๖๕``: a deadline the parser dates in no fiscal year
    # 2568 starts after; its ``๕`` read as ``๘`` fits the plan's year
    text = "ภายใน ๓๑ มี.ค. ๒๕๖๕"
    action = _action(text, "ภายใน\n๓๑ มี.ค.\n๒๕๒๕")
    page = _page((text, "ภายใน ๓๑ มี.ค. ๒๕๒๕ / ภายใน ซ์ ๓๑ ม.ค. ๒๕๒๘"))
    settled = settle_period_years([action], 2568, [page])
    assert [s.action for s in settled] == [1]
    assert action.period.text == "ภายใน ๓๑ มี.ค. ๒๕๖๘" and action.period.end == date(2025, 3, 31)
    assert action.sources["period"][0].confidence == DOUBT_CONFIDENCE


def test_a_month_one_reading_repaired_is_put_with_the_years_another_read() -> None:
    # the Thai model read ``ติ.ศค.`` (``ค`` read twice) and broke the years; the glyph reader read the
    # years and ``ฑิ.ค.``: month from one, years from the other, place by place
    text = "๑ ฑิ.ค. ๒๕๖๖ - ๓๐ ก.ข. ๒๕๖๗"
    others = "๑ ฑิ.ค. ๒๕๒๐๒๐ - ๓๐ ก.ข. ๒๕๒๐๓ / ๑ ติ.ศค. ๒๕๒๐๒๐ - ๓๐ ก.ข. ๒๕๒๐๓"
    action = _action(text, "๑ ฑิ.ค. ๒๕๒๐๒๐ -\n๓๐ ก.ุข. ๒๕๒๐๓")
    settled = settle_period_years([action], 2567, [_page((text, others))])
    assert len(settled) == 1
    assert action.period.text == "๑ ต.ค. ๒๕๖๖ - ๓๐ ก.ย. ๒๕๖๗"
    assert (action.period.start, action.period.end) == (date(2023, 10, 1), date(2024, 9, 30))


def test_two_months_put_together_must_fit_the_year() -> None:
    text = "๑ ฑิ.ค. ๒๕๖๖ - ๓๐ ก.ข. ๒๕๖๗"
    action = _action(text, "๑ ฑิ.ค. ๒๕๒๐๒๐ -\n๓๐ ก.ุข. ๒๕๒๐๓")
    page = _page((text, "๑ ติ.ศค. ๒๕๒๐๒๐ - ๓๐ ก.ข. ๒๕๒๐๓"))
    assert settle_period_years([action], 2562, [page]) == []  # another plan's year: none fits
    assert action.period.text == text and action.period.end is None


def test_a_dash_after_words_alone_is_no_range_s_dash() -> None:
    # ``ตลอด`` / ``- ป็งบประ`` / ``มาณ พ.ศ. 2568``: the cell wrapped after ``ตลอด``
    found = [c for c in candidates("ตลอด - ป็งบประ มาณ พ.ศ . 2568") if parses(c)]
    assert found and found[0] == "ตลอด ปีงบประ มาณ พ.ศ . 2568"
    assert dateless_dash("ต.ค. - ธ.ค. ๖๕") == "ต.ค. - ธ.ค. ๖๕"
    assert dateless_dash("รอบ 6 เดือน - 12 เดือน") == "รอบ 6 เดือน - 12 เดือน"  # a number before
    assert dateless_dash("มกรา - มิถุนา 2566") == "มกรา - มิถุนา 2566"  # a month's short name


def test_a_month_name_s_last_glyph_wrapped_below_a_mark_read_as_a_digit() -> None:
    # ``กุมภาพัน`` / ``ธ์ -``: the ``์`` read ``6`` on a line of its own, ``ธ`` read ``ถ๊``
    assert lookalike_month_names("กุมภาพัน 6 ถ๊ - พฤษภาคม ๒๕๒๕") == "กุมภาพันธ์ - พฤษภาคม ๒๕๒๕"
    assert "กุมภาพันธ์ - พฤษภาคม ๒๕๖๕" in [c for c in candidates("กุมภาพัน 6 ถ๊ - พฤษภาคม ๒๕๒๕") if parses(c)]
    assert lookalike_month_names("มีนาคม 6 วัน") == "มีนาคม 6 วัน"  # a name read well stays


def test_a_stamp_joining_a_cell_s_lines_does_not_hide_a_lost_line() -> None:
    # a stamp's arc across ``ก.พ. -`` over ``ก.ค. 62`` leaves one band of ink; Tesseract's layout
    # read two lines with dates' ink (``AW. -`` over ``nA, 62``): the Thai model's ``กุค, 62`` lost one
    first = ("AW. - nA, 62", "AW. -\nnA, 62", 0.9)
    assert dated_lines(first[1]) == 2
    lost = ("กุค, 62", "กุค, 62", 0.88)
    whole = ("ก.พ. - กุค. 62", "ก.ุพ. -\nกุค. 62", 0.83)
    (text, _raw, _conf), _others = settle(first, [lambda: lost, lambda: whole], lines=dated_lines(first[1]))
    assert text == "ก.พ. - กุค. 62"
    (text, _raw, _conf), _others = settle(first, [lambda: lost, lambda: whole], lines=1)
    assert text == "กุค, 62"  # one band of ink: the first that parses wins, as before


def test_lines_of_a_stamp_s_arc_read_as_letters_are_no_dated_lines() -> None:
    assert dated_lines("ม.ค. -\nเม.ย.64\nศก ภา -") == 2


def test_a_month_s_first_dot_read_as_the_vowel_beside_its_consonant() -> None:
    # scan200: ``30 ก.ย. 2564`` read ``30 กะย. 2564`` (the dot and a speck above it)
    found = [c for c in candidates("1 ต.ค. 2563 - 30 กะย. 2564") if parses(c)]
    assert found[0] == "1 ต.ค. 2563 - 30 ก.ย. 2564"
    assert not parses("1 ต.ค. 2563 - 30 กะย. 2564")  # kept only as a repair, with a doubt


def test_a_loop_read_below_a_letter_s_stem() -> None:
    # scan200: ``รอบ ๖ เดือน`` read ``รถบ ๖ เดือน``
    assert next(c for c in candidates("รถบ ๖ เดือน") if parses(c)) == "รอบ ๖ เดือน"


def test_a_cell_below_a_page_break_with_no_part_of_a_period_is_left_out() -> None:
    # draw 257: ``ไตรมาสที่3`` at a page's foot, ``|ทำงาน ]`` (the follow-up's word) below the break
    action = cut_period_action(4, ("ไตรมาส\nที่3", 0.9), ("|ทำงาน ]", 0.3), "ไตรมาสที่3 |ทำงาน ]")
    settled = settle_period_years([action], 2569, scanned_pages(4, 5))
    assert len(settled) == 1
    assert (action.period.start, action.period.end) == (date(2026, 4, 1), date(2026, 6, 30))


def test_a_word_below_a_page_break_may_still_be_the_period_s() -> None:
    a, b = BBox(0, 90, 10, 100), BBox(0, 0, 10, 10)
    src = {"period": [Provenance(4, a, "รอบ ๖", 0.9), Provenance(5, b, "เดือน", 0.9)]}
    action = Action(1, None, None, [], [], [], Period("รอบ ๖ เดือน"), None, [], [], 4, [4, 5], src)
    from extractors.ita.period_years import joined_readings

    assert joined_readings(action, []) == ["รอบ ๖ เดือน"]  # a period's word: always joined


def test_the_era_read_as_one_stroke_between_the_year_word_and_its_year() -> None:
    # draw 257: ``ตลอดปีงบประมาณ พ.ศ. 2565`` read ``ตลอดปีงบประมาณ`` / ``/ 2565``
    assert next(c for c in candidates("ตลอดปีงบประมาณ\n/ 2565") if parses(c)) == "ตลอดปีงบประมาณ พ.ศ. 2565"
    assert "ไตรมาส 1/2565" in candidates("ไตรมาส 1/2565")


def test_a_letter_s_head_loop_lost() -> None:
    # draw 257: ``ต่อเนื่อง`` read ``ต่อเนืกง``
    assert next(c for c in candidates("ต่อเนืกง") if parses(c)) == "ต่อเนือง"


def test_a_repair_of_a_whole_reading_beats_one_that_parses_but_lost_a_line() -> None:
    # draw 257: ``ม.ค. -`` over ``เม.ย. 65`` read ``เม.ย, 65`` (it parses: a month of its own); the
    # Thai model read both lines, the first's month with its consonant doubled
    first = ("เม.ย, 65", "เม.ย, 65", 0.97)
    whole = ("ม.ศค .-เม.ย. 65", "ม.ศค .-\nเม.ย. 65", 0.94)
    (text, raw, _conf), others = settle(first, [lambda: first, lambda: whole], lines=2)
    assert text == "ม.ค .-เม.ย. 65" and raw == whole[1] and others  # kept with a doubt
    stamp = ("ศก ภา -", "ศก\nภา -", 0.5)
    (text, _raw, _conf), others = settle(first, [lambda: first, lambda: stamp], lines=2)
    assert text == "เม.ย, 65" and others is None  # no repair parses: the first stays
