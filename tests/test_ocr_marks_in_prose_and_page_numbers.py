"""Scanned prose and paragraphs whose small marks, stops and page numbers OCR misread.

Fresh draw 471 (scan150 and scan200 twins):

* c84 s471: ``แบบ EIT ตัวชี่วัดซี่7ประสิทธิภาพการสื่อสารมีค่ะแนน 82.33``: the number lost with
  ``ที่`` read ``ซี่``, the name stood alone, and a name alone wants ``คะแนน`` by its score, read
  with a stray tone mark (``ค่ะแนน``); on the 200 dpi twin the name itself took a stray vowel
  (``ประสิทธิภาพิการสื่อสาร``).  Marks OCR adds or drops say nothing of which word it is.
* c88 s471: ``พ.ศ. ๒๕๖๒`` at a line's start read by the English model as ``wal, ๒๕๖๒`` (its last
  stop as a comma), so the assessed year was not read and all ten scores had none.
* c94 s471: the page number ``-4-`` read ``- q -``: a line of the text between a measure's steps
  and the rest of its fields on the next page, which ended the measure, and it was lost.
"""

from __future__ import annotations

from extractors.ita.indicators import ProseSource, from_prose
from extractors.ita.measure_paragraphs import actions_from_paragraphs
from extractors.ocr.engine import OcrSymbol
from extractors.ocr.page import _latin_abbreviations
from schemas import BBox, Line, PageKind, PageText, Word


def _prose(text: str) -> dict[int, float | None]:
    return {i.number: i.score for i in from_prose([ProseSource(text, 1, None)], 2564)}


def test_a_name_with_a_stray_mark_and_a_cue_with_a_stray_tone_mark() -> None:
    assert _prose("แบบ EIT ตัวชี่วัดซี่7ประสิทธิภาพการสื่อสารมีค่ะแนน 82.33")[7] == 82.33
    assert _prose("แบบ 7ตัวชี้ว์ดที่ประสิทธิภาพิการสื่อสาร มีคะแนน 82.33")[7] == 82.33


def test_a_cue_is_still_wanted_by_a_bare_name() -> None:
    assert 7 not in _prose("ประสิทธิภาพการสื่อสาร ปี 2564 มีผู้ตอบ 82.33")


def test_an_era_read_as_latin_letters_with_a_comma_is_read_again() -> None:
    symbols = [OcrSymbol(c, (10 * i, 0, 10 * i + 8, 20), 90.0) for i, c in enumerate("wal,๒๕๖๒โรงเรียนชุมชน")]
    assert _latin_abbreviations(symbols) == [(0, 4)]
    latin = [OcrSymbol(c, (10 * i, 0, 10 * i + 8, 20), 90.0) for i, c in enumerate("ITA,โรงเรียนชุมชน")]
    assert _latin_abbreviations(latin) == []  # no era's stop before a number: an acronym stays


def _line(x0: float, top: float, x1: float, bottom: float, text: str) -> Line:
    box = BBox(x0, top, x1, bottom)
    return Line(text, text, box, (Word(text, text, box),))


def _page_number(text: str) -> Line:  # as OCR gave it: each dash a word, the line's box the dashes'
    dash_1, glyph, dash_2 = text.split()
    words = (
        Word(dash_1, dash_1, BBox(293.4, 39.2, 297.7, 40.3)),
        Word(glyph, glyph, BBox(304.2, 32.4, 311.8, 44.3)),
        Word(dash_2, dash_2, BBox(317.9, 39.2, 322.6, 40.3)),
    )
    return Line(text, text, BBox(293.4, 39.2, 322.6, 40.3), words)


def test_a_measure_goes_on_past_a_page_number_ocr_misread() -> None:
    three = [
        _page_number("- 3 -"),
        _line(77.0, 499.0, 395.6, 527.0, "มาตรการที่ 3ส่งเสริมการเปิดเผยข้อมูลสาธารณะ"),
        _line(76.3, 530.3, 183.2, 554.8, "วิธีการดำเนินการ"),
        _line(112.3, 557.3, 446.4, 579.1, "(1) จัดประชุมชี้แจงข้อมูลพื้นฐานบนเว็บไซต์หน่วยงาน"),
        _line(76.0, 608.8, 288.0, 637.2, "ผู้รับผิดชอบ: ฝ่ายบริหารงานทั่วไป"),
        _line(77.4, 640.8, 400.7, 670.3, "ระยะเวลาดำเนินการ: 1 ต.ค. 2562 - 30 ก.ย. 2563"),
        _line(77.8, 667.1, 484.6, 691.9, "การติดตามผล: สรุปผลการดำเนินงานรอบ 6 เดือน และ 12 เดือน"),
        _line(77.0, 700.9, 426.2, 725.0, "มาตรการที 4ส่งเสริมการปฏิบัติหน้าที่อย่างมีคุณธรรม"),
        _line(77.0, 729.0, 219.2, 752.0, "ขั้นตอนการดำเนินการ:"),
        _line(112.3, 757.4, 447.5, 776.7, "(1) พัฒนาระบบมาตรฐานการปฏิบัติงานของเจ้าหน้าที"),
        _line(524.2, 785.2, 524.2, 785.2, "๕"),
    ]
    four = [
        _page_number("- q -"),
        _line(112.3, 68.6, 508.3, 88.2, "(2) สำรวจความคิดเห็นต่อมาตรฐานการปฏิบัติงานของเจ้าหน้าที่"),
        _line(77.4, 94.0, 328.0, 118.8, "ผู้รับผิดชอบ: ฝ่ายบริหารงานงบประมาณ"),
        _line(77.0, 126.7, 337.3, 139.0, "ระยะเวลา: กุมภาพันธ์ - พฤษภาคม 2563"),
        _line(77.4, 148.7, 363.6, 169.6, "การติดตามผล: ติดตามผลโดยคณะทำงาน ITA"),
    ]
    pages = [
        PageText(3, 595, 842, PageKind.SCANNED, lines=three),
        PageText(4, 595, 842, PageKind.SCANNED, lines=four),
    ]
    actions = actions_from_paragraphs(pages, [], 2563)
    assert [(a.measure or "")[:12] for a in actions] == ["มาตรการที่ 3", "มาตรการที 4ส"]
    assert actions[1].responsible == ["ฝ่ายบริหารงานงบประมาณ"]
