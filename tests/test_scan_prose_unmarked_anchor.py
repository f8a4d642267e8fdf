"""Indicator scores written in sentences whose ``ตัวชี้วัดที่`` OCR read without its marks (a scan
at 150 dpi of a development draw: ``ตวชวดท ๖``, ``ตัวชี้วัดท์๘``): the letters on the line say the
phrase, so the number after it anchors the score as when it is read whole."""

from __future__ import annotations

from extractors.ita.indicators import ProseSource, from_prose

TEXT = (
    "แบบ IIT ตวชวดท๕ การแก้ไขปัญหาการทุจริต มคะแนน ๘๒.๑๕ แบบ EIT ตวชวดท ๖ คุณภาพการดาเนนงานมคะแนน ๗๘.๘๔"
    " แบบ EIT ตัวชี้วัดท์๘ การปรับปรุงระบบการทำงาน มีคะแนน ๗๘.๐๑"
)


def _scores(text: str) -> dict[int, float | None]:
    return {i.number: i.score for i in from_prose([ProseSource(text, 1, None)], 2565)}


def test_an_unmarked_indicator_number_anchors_its_score() -> None:
    assert _scores(TEXT) == {5: 82.15, 6: 78.84, 8: 78.01}


def test_other_letters_before_a_number_anchor_nothing() -> None:
    assert _scores("แบบ EIT ตรวจสอบ ๖ รายการ มีคะแนน ๗๘.๘๔") == {}
