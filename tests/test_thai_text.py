"""Thai text repairs: real defects from ITA PDFs, hostile strings, and properties under hypothesis."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.thai.text import (
    THAI_PUA,
    arabic_digits_to_thai,
    compose_sara_am,
    join_wrapped_lines,
    map_pua,
    normalize_thai,
    parse_number,
    remove_space_before_marks,
    reorder_marks,
    thai_digits_to_arabic,
    tidy_whitespace,
)

TEXT_FUNCTIONS: dict[str, Callable[[str], str]] = {
    "map_pua": map_pua,
    "compose_sara_am": compose_sara_am,
    "reorder_marks": reorder_marks,
    "remove_space_before_marks": remove_space_before_marks,
    "tidy_whitespace": tidy_whitespace,
    "normalize_thai": normalize_thai,
}
DIGIT_FUNCTIONS: dict[str, Callable[[str], str]] = {
    "thai_digits_to_arabic": thai_digits_to_arabic,
    "arabic_digits_to_thai": arabic_digits_to_thai,
}
ALL_FUNCTIONS = TEXT_FUNCTIONS | DIGIT_FUNCTIONS

HOSTILE = [
    "",
    " ",
    "   \t  ",
    "\n\n\r\n",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "\u200c\u200d\u2060",
    "\u0e48",  # lone mai ek
    "\u0e38\u0e48\u0e49",  # marks with no base
    " \u0e34ก",  # leading mark after a space
    "\u0e4d\u0e32",  # decomposed sara am alone
    "\u0e33\u0e32\u0e32",
    "ก\u200b\u0e48",
    "ก\u00a0 \u200b\u0e38",
    "\uf70b",
    "\uf700\uf718\uf71a",
    "\ue000\uf8ff",
    "(cid:12)",
    "(cid:3)(cid:4) คะแนน",
    "ไทย😀English 🇹🇭 ผสม",
    "😀\u0e48",
    "\U0010ffff\u0e48ก",
    "ก\ud800\u0e48",  # lone surrogate
    "ค\u200bาน\u200bา",  # MS Word: nikhahit mapped to ZWSP
    "๑๒๓ 456 ๗.๘",
    "ๆๆๆ ฯลฯ",
    "เเเ",
    "ก" * 300 + "\u0e48" * 50,
]

# Alphabet biased to Thai: consonants, vowels, marks, digits, then spaces, ZWSP, PUA glyphs and Latin.
CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
VOWELS = list("ะาำเแโใไๅฯๆ")
MARKS = [chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))]
THAI_DIGITS = [chr(c) for c in range(0x0E50, 0x0E5A)]
PUA = [*(chr(c) for c in range(0xF700, 0xF71B)), "\ue000"]
OTHER = [*"0123456789 aZ.,/-()•", "\u00a0", "\u200b", "\n", "\t", "😀"]
ALPHABET = CONSONANTS * 3 + VOWELS * 2 + MARKS * 3 + THAI_DIGITS + PUA + OTHER
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=40)
FUZZ = settings(max_examples=200, deadline=None)


def consonants(text: str) -> int:
    return sum("\u0e01" <= ch <= "\u0e2e" for ch in text)


def thai_digits(text: str) -> int:
    return sum("\u0e50" <= ch <= "\u0e59" for ch in text)


def ascii_digits(text: str) -> int:
    return sum("0" <= ch <= "9" for ch in text)


# --- real defects (docs/ITA_DOMAIN.md, "How Thai text breaks") -------------------------------------


def test_pdfmaker_pua_marks() -> None:
    assert normalize_thai("ข\uf70bอกําหนด") == "ข้อกำหนด"


def test_pua_table_matches_the_positional_glyph_ranges() -> None:
    assert sorted(THAI_PUA) == [chr(c) for c in range(0xF700, 0xF71B)]
    tones = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
    assert "".join(THAI_PUA[chr(c)] for c in range(0xF705, 0xF70A)) == tones  # down-left
    assert "".join(THAI_PUA[chr(c)] for c in range(0xF70A, 0xF70F)) == tones  # down
    assert "".join(THAI_PUA[chr(c)] for c in range(0xF713, 0xF718)) == tones  # left
    assert map_pua("\uf700\uf70f\uf701\uf710\uf711\uf712\uf718\uf719\uf71a") == "ฐญิัํ็ฺุู"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [("คํานํา", "คำนำ"), ("กำาหนด", "กำหนด"), ("น\u0e4d\u0e49\u0e32", "น้ำ")],
    ids=["tesseract-decomposed", "libreoffice-am-aa", "nikhahit-tone-aa"],
)
def test_sara_am(broken: str, fixed: str) -> None:
    assert compose_sara_am(broken) == fixed
    assert normalize_thai(broken) == fixed


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("เลม่", "เล่ม"),
        ("หนา้", "หน้า"),
        ("เพ่อื", "เพื่อ"),
        ("ครงั้", "ครั้ง"),
        ("ก่ิ", "กิ่"),
        ("หนังสือเลม่นี้", "หนังสือเล่มนี้"),
        ("การจดัซือ้จดัจ้าง", "การจัดซื้อจัดจ้าง"),  # pdfplumber on word2007-procurement-analysis-2562.pdf
        ("กระทรวงสาธารณสขุ", "กระทรวงสาธารณสุข"),
        ("ให้ทราบโดยทัว่กัน", "ให้ทราบโดยทั่วกัน"),
    ],
)
def test_reorder_marks(broken: str, fixed: str) -> None:
    assert reorder_marks(broken) == fixed


@pytest.mark.parametrize("word", ["ขว้าง", "กลุ่ม", "สวัสดี", "ร่ม", "มีน้ำ", "เปล่ง", "คลอแรมเฟนิคอล"])
def test_reorder_marks_keeps_valid_words(word: str) -> None:
    assert reorder_marks(word) == word


def test_space_before_marks() -> None:
    assert remove_space_before_marks("พ ุ่มดอกไม้") == "พุ่มดอกไม้"
    assert remove_space_before_marks("สาธารณส\u200b\u0e38ข") == "สาธารณสุข"
    assert remove_space_before_marks("ภาพ\u00a0\u0e38") == "ภาพ\u0e38"


def test_tidy_whitespace() -> None:
    assert tidy_whitespace(" \ufeffก\u00a0\u00a0ข \n\n\t\n ค\u200b\u00ad ") == "ก ข\nค"


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["ระยะเวลา", "ดำเนินการ"], "ระยะเวลาดำเนินการ"),
        (["มาตรการ/", "แนวทาง"], "มาตรการ/แนวทาง"),
        (["Open", "Data"], "Open Data"),
        (["ผู้อำนวย", "การโรงพยาบาล"], "ผู้อำนวยการโรงพยาบาล"),
        (["คณะกรรมการ", "ตรวจรับพัสดุ"], "คณะกรรมการตรวจรับพัสดุ"),
        (["ร้อยละ", "80"], "ร้อยละ 80"),
        (["ระบบ e-", "Service"], "ระบบ e-Service"),
        (["หน่วยงานนั้น ๆ", "ซึ่งต้อง"], "หน่วยงานนั้น ๆ ซึ่งต้อง"),
        (["พ.ศ.", "๒๕๖๓"], "พ.ศ. ๒๕๖๓"),
        (["มาตรการ", "(ร่าง)"], "มาตรการ (ร่าง)"),
        (
            ["ดังนี้", "1. จัดทำ", "แผน", "๒.ประกาศ", "- ติดตาม", "• รายงาน"],
            "ดังนี้\n1. จัดทำแผน\n๒.ประกาศ\n- ติดตาม\n• รายงาน",
        ),
        (["", "  ", "ก "], "ก"),
        ([], ""),
    ],
)
def test_join_wrapped_lines(lines: list[str], joined: str) -> None:
    assert join_wrapped_lines(lines) == joined


def test_join_wrapped_lines_space_evidence() -> None:
    """A line whose last glyph is a space wrapped at that space: keep it (but a list still breaks)."""
    assert join_wrapped_lines(["นายสมชาย", "ใจดี"], [True, False]) == "นายสมชาย ใจดี"
    assert join_wrapped_lines(["ระยะ\nเวลา", "ดำเนินการ"], [True]) == "ระยะเวลา ดำเนินการ"
    assert join_wrapped_lines(["ขั้นตอน", "1. ตรวจ"], [True, True]) == "ขั้นตอน\n1. ตรวจ"
    assert join_wrapped_lines(["ระยะเวลา", "ดำเนินการ"], [False, False]) == "ระยะเวลาดำเนินการ"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("๙๕.๘๔", 95.84),
        ("95.84", 95.84),
        (" 1,234.50 ", 1234.5),
        ("๗๗.๘๘ คะแนน", 77.88),
        ("256๒", 2562.0),
        ("95.84 (95.84)", 95.84),
        ("-3", -3.0),
        ("", None),
        ("ไม่มีข้อมูล", None),
        ("2562-2563", None),
        ("1,2345", None),
        ("๑.๒.๓", None),
        ("(cid:12)", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_digits_round_trip() -> None:
    assert thai_digits_to_arabic("พ.ศ. ๒๕๖๒") == "พ.ศ. 2562"
    assert arabic_digits_to_thai("พ.ศ. 2562") == "พ.ศ. ๒๕๖๒"
    assert normalize_thai("พ.ศ. ๒๕๖๒ หน้า 3") == "พ.ศ. ๒๕๖๒ หน้า 3"  # digits kept as written


# --- hostile strings -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ALL_FUNCTIONS))
@pytest.mark.parametrize("text", HOSTILE, ids=[ascii(t)[:24] for t in HOSTILE])
def test_hostile_strings_never_raise(name: str, text: str) -> None:
    result = ALL_FUNCTIONS[name](text)
    assert isinstance(result, str)


@pytest.mark.parametrize("text", HOSTILE, ids=[ascii(t)[:24] for t in HOSTILE])
def test_hostile_strings_lists_and_numbers(text: str) -> None:
    assert isinstance(join_wrapped_lines([text, text, "ก"]), str)
    value = parse_number(text)
    assert value is None or isinstance(value, float)


# --- properties ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TEXT_FUNCTIONS))
@FUZZ
@given(text=texts)
def test_text_function_properties(name: str, text: str) -> None:
    func = TEXT_FUNCTIONS[name]
    once = func(text)
    assert func(once) == once, "idempotent"
    # map_pua may add ฐ/ญ (tail-less glyphs U+F700/U+F70F): count against the mapped text.
    reference = map_pua(text) if name in {"map_pua", "normalize_thai"} else text
    assert consonants(once) == consonants(reference)
    assert thai_digits(once) == thai_digits(text)
    assert ascii_digits(once) == ascii_digits(text)


@pytest.mark.parametrize("name", sorted(DIGIT_FUNCTIONS))
@FUZZ
@given(text=texts)
def test_digit_function_properties(name: str, text: str) -> None:
    func = DIGIT_FUNCTIONS[name]
    once = func(text)
    assert func(once) == once
    assert consonants(once) == consonants(text)
    assert thai_digits(once) + ascii_digits(once) == thai_digits(text) + ascii_digits(text)
    assert len(once) == len(text)


@FUZZ
@given(lines=st.lists(texts, max_size=5), flags=st.none() | st.lists(st.booleans(), max_size=6))
def test_join_wrapped_lines_properties(lines: list[str], flags: list[bool] | None) -> None:
    joined = join_wrapped_lines(lines, flags)
    assert consonants(joined) == sum(map(consonants, lines))
    assert thai_digits(joined) == sum(map(thai_digits, lines))
    assert ascii_digits(joined) == sum(map(ascii_digits, lines))
    if flags is None:
        assert join_wrapped_lines(joined.split("\n")) == joined, "joining the result again changes nothing"


@FUZZ
@given(text=texts)
def test_parse_number_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or value == value  # a float, never NaN
