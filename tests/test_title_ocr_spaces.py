"""Spaces in a title read by OCR: one Tesseract put inside a fixed phrase (a bold Loma title's wide
letter leaves a gap: ``มาตรการ ส่งเสริมคุณธรรม…``) is taken out, and the one after an
announcement's ``เรื่อง`` that a narrow gap lost is put back; a title from a text layer is joined
as written."""

from __future__ import annotations

from extractors.ita.title import join_title
from schemas import BBox, Line

TEXT_WIDTH = 462.0


def _line(text: str, top: float, confidence: float | None) -> Line:
    return Line(text, text, BBox(100, top, 400, top + 16), (), confidence=confidence)


def test_a_space_ocr_put_inside_a_fixed_phrase_is_taken_out() -> None:
    lines = [
        _line("มาตรการ ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 50, 0.9),
        _line("ประจำปีงบประมาณ พ.ศ. 2566", 70, 0.9),
    ]
    assert join_title(lines, TEXT_WIDTH) == (
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2566"
    )


def test_the_space_after_an_announcements_subject_word_is_put_back() -> None:
    lines = [_line("ประกาศองค์การบริหารส่วนตำบลโคกสูง เรื่องการวิเคราะห์ผลการประเมิน", 50, 0.9)]
    assert join_title(lines, TEXT_WIDTH) == "ประกาศองค์การบริหารส่วนตำบลโคกสูง เรื่อง การวิเคราะห์ผลการประเมิน"


def test_a_text_layers_title_is_joined_as_written() -> None:
    text = "มาตรการ ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert join_title([_line(text, 50, None)], TEXT_WIDTH) == text
