"""OCR text repairs (extractors.ocr.text) on real Tesseract output, hostile strings and properties.

Where the cases come from (OCR: Tesseract 5.5.4 through tesserocr, ``lang="tha+eng"``, page segmentation
mode 6, ``OMP_THREAD_LIMIT=1``):

- ``render``: the sample PDFs (``samples/``, ``tests/data/unseen/``) and the Word 2007 PDFs of
  ``../shared/real-pdfs`` rendered with pypdfium2 at 200 dpi, grayscale; each table cell and each text
  line outside tables cropped by its box and read; the clean side is the same cell or line from the
  text layer (``pipeline.read_tables`` / ``read_text``).
- ``blurred``: the same pages at 150 dpi, Gaussian blur 1.0, noise, binarised (a poor scan), read as a
  whole page; the clean side is the page's text layer. This is where Tesseract puts spaces inside words.
- ``scan``: ``../shared/real-pdfs/scanned-staff-guideline-memo.pdf`` (a real scan, no text layer) at
  300 dpi; the clean side read by eye from the page image.
- ``seed``: ``../shared/seeds/000_8f6f55c336ba601b.txt``, the text of a real scanned ITA document (its
  OCR confusions are listed in the seeds' README); the clean side from ``samples/src/santipatong-2565.json``
  (written by hand from that document).
"""

from __future__ import annotations

import re
import time
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pythainlp.util import normalize as pythainlp_normalize
from rapidfuzz.distance import Levenshtein

from extractors.ita.vocabulary import HEADER_VOCABULARY, UNITS
from extractors.ocr.text import (
    DEFAULT_VOCABULARY,
    FIELD_VOCABULARIES,
    NumberReading,
    arbitrate_number,
    clean_ocr_text,
    compose_sara_am,
    fix_mark_order,
    join_cluster_spaces,
    repair_cell,
    repair_terms,
    repair_thai_number,
)
from extractors.thai.text import thai_digits_to_arabic

# --- real pairs: (Tesseract output, what the chain must give = the clean text, field, source) -------

REAL_FIXED: list[tuple[str, str, str | None, str]] = [
    # sara am decomposed: on every page
    (
        "เทศบาลตําบลสันป่าตอง อําเภอสันป่าตอง จังหวัดเชียงใหม่",
        "เทศบาลตำบลสันป่าตอง อำเภอสันป่าตอง จังหวัดเชียงใหม่",
        None,
        "render santipatong-2565 p1",
    ),
    (
        "- แสดงผลการดําเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน โดยมี",
        "- แสดงผลการดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน โดยมี",
        None,
        "render santipatong-2565 p1",
    ),
    ("๓.การใช้อํานาจ", "๓.การใช้อำนาจ", "indicator", "render santipatong-2565 p2 cell"),
    ("วิธีการดําเนินการ", "วิธีการดำเนินการ", "header", "render santipatong-2565 p3 header"),
    ("สํานักปลัดฯ", "สำนักปลัดฯ", "responsible", "render santipatong-2565 p3 cell"),
    ("สํานักปลัดเทศบาล / กองคลัง", "สำนักปลัดเทศบาล / กองคลัง", "responsible", "render variant-arabic-digits"),
    ("การดําเนินการ/รายงาน", "การดำเนินการ/รายงาน", "header", "render wangphai-2566 header"),
    (
        "เทศบาลตําบลดอนตะโกงาม อําเภอบ้านไร่ใต้ จังหวัดอุทัยธานี",
        "เทศบาลตำบลดอนตะโกงาม อำเภอบ้านไร่ใต้ จังหวัดอุทัยธานี",
        None,
        "render variant-arabic-digits p1",
    ),
    (
        "สํานักงานสาธารณสุขจังหวัดชลบุรี",
        "สำนักงานสาธารณสุขจังหวัดชลบุรี",
        None,
        "render word2007-procurement-analysis-2562 p1",
    ),
    # marks lost above vowels, in known terms
    ("๑.การปฏิบัติหน้าที", "๑.การปฏิบัติหน้าที่", "indicator", "render santipatong-2565 p2 cell"),
    ("๑. การปฏิบัติหน้าที", "๑. การปฏิบัติหน้าที่", "indicator", "render variant-two-years cell"),
    ("ตัวชีวัดที 2 การใช้งบประมาณ", "ตัวชี้วัดที่ 2 การใช้งบประมาณ", "issue", "render unseen-table-layout"),
    (
        "ตัวชีวัดที 8 การปรับปรุงระบบการทํางาน",
        "ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน",
        "issue",
        "render unseen-table-layout",
    ),
    ("ตัวชีวัดที 10 การป้องกันการทุจริต", "ตัวชี้วัดที่ 10 การป้องกันการทุจริต", "issue", "render unseen-table-layout"),
    ("หน่วยงานทีรับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "header", "render unseen-table-layout header"),
    ("ประเด็นทีต้องพัฒนา", "ประเด็นที่ต้องพัฒนา", None, "render variant-two-years line"),
    ("ตัวชีวัด/ประเด็น", "ตัวชี้วัด/ประเด็น", "header", "render variant-long-table header"),
    ("ขันตอน/วิธีการดําเนินการ", "ขั้นตอน/วิธีการดำเนินการ", "header", "render variant-long-table header"),
    ("ข้อบกพรอง/จุดออน", "ข้อบกพร่อง/จุดอ่อน", "header", "blurred unseen-table-layout header"),
    ("ประสิทธิภาพการสือสาร", "ประสิทธิภาพการสื่อสาร", "indicator", "render variant-two-years cell"),
    ("คุณภาพการดาเนนงาน", "คุณภาพการดำเนินงาน", "indicator", "blurred unseen-table-layout cell"),
    # a consonant misread in a known term
    ("ตัวขี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต", "ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต", "issue", "render variant-long-table"),
    ("ผู้รับผิดขอบ", "ผู้รับผิดชอบ", "header", "blurred wangphai-2566 header"),
    # two vowels on one consonant
    ("ปีึงบประมาณ", "ปีงบประมาณ", None, "render santipatong-2565 p3 cell"),
    # spaces inside words (blurred scans)
    ("จัดทำประกาศแน วปฏิบัติ", "จัดทำประกาศแนวปฏิบัติ", None, "blurred wangphai-2566 p1"),
    ("และประกาศใช้แน วปฏิบัติ", "และประกาศใช้แนวปฏิบัติ", None, "blurred wangphai-2566 p3"),
    ("ประสิทธิภาพการให้บริก ารที่ดี", "ประสิทธิภาพการให้บริการที่ดี", None, "blurred wangphai-2566 p8"),
    ("เปิดเผยจะสาม ารถสร้างความ", "เปิดเผยจะสามารถสร้างความ", None, "blurred santipatong-2565 p1"),
    (
        "ข้อมูลที่หน่วย งานต้องเผยแพร่ไว้บนเว็บไซต์หลัก",
        "ข้อมูลที่หน่วยงานต้องเผยแพร่ไว้บนเว็บไซต์หลัก",
        None,
        "blurred unseen-table-layout p2",
    ),
    ("ที่เทศบาลฯ ได้จัด ทําขึ้น เผยแพร่", "ที่เทศบาลฯ ได้จัดทำขึ้น เผยแพร่", None, "blurred wangphai-2566 p2"),
    ("และเผยแพร่บนเว็บไซต์หน่ วยงานแล้ว", "และเผยแพร่บนเว็บไซต์หน่วยงานแล้ว", None, "blurred wangphai-2566 p2"),
    ("ระยะ เวลา", "ระยะเวลา", "header", "blurred wangphai-2566 p6 header"),
    # spaces inside words left by line wraps in the seed document
    ("ยกระดับผลการ ประเมินคุณธรรม", "ยกระดับผลการประเมินคุณธรรม", "measure", "seed 000 measures table"),
    ("ผู้มา ติดต่อ", "ผู้มาติดต่อ", "steps", "seed 000 measures table"),
    ("และร้องเรียนการใช้ จ่ายงบประมาณ", "และร้องเรียนการใช้จ่ายงบประมาณ", "steps", "seed 000 measures table"),
    ("ตาม คำสั่งเทศบาลตำบล", "ตามคำสั่งเทศบาลตำบล", "results", "seed 000 measures table"),
    # ๗ read as ๓/
    ("๘๘.๓/๓", "๘๘.๗๓", "score", "seed 000 indicator table (README: ๘๘.๗๓)"),
    # a real scan
    ("ประกาศสํานักงานปลัดกระทรวงสาธารณสุข", "ประกาศสำนักงานปลัดกระทรวงสาธารณสุข", None, "scan memo p1"),
    (
        "โดยคํานึงถึงความถูกต้อง ยุติธรรม และความสมเหตุผลประกอบด้วย",
        "โดยคำนึงถึงความถูกต้อง ยุติธรรม และความสมเหตุผลประกอบด้วย",
        None,
        "scan memo p1",
    ),
    (
        "ให้คําปรึกษา แนะนํา รับฟังความคิดเห็นของผู้ปฏิบัติงานอย่างมีเหตุผล",
        "ให้คำปรึกษา แนะนำ รับฟังความคิดเห็นของผู้ปฏิบัติงานอย่างมีเหตุผล",
        None,
        "scan memo p1",
    ),
]


@pytest.mark.parametrize(("damaged", "clean", "field", "source"), REAL_FIXED)
def test_real_tesseract_output_is_repaired(damaged: str, clean: str, field: str | None, source: str) -> None:
    text, notes = clean_ocr_text(damaged, field)
    assert text == clean, source
    assert notes, "every change is noted"


# (Tesseract output, what the chain gives, the truth, what is left and why)
REAL_PARTLY: list[tuple[str, str, str, str]] = [
    (
        "จากผลการประเมินของเทศบาลตำบลสันป่าตอง ปีงบประมาณ พ.ศ.๒๕๖๔ พบว่ามีผลคะแนน ๓/๓.๘๘ คะแนน",
        "จากผลการประเมินของเทศบาลตำบลสันป่าตอง ปีงบประมาณ พ.ศ.๒๕๖๔ พบว่ามีผลคะแนน ๗๓.๘๘ คะแนน",
        "จากผลการประเมินของเทศบาลตำบลสันป่าตอง ปีงบประมาณ พ.ศ.๒๕๖๔ พบว่ามีผลคะแนน ๗๗.๘๘ คะแนน",
        "seed 000: the ๓ after the slash was a ๗ too; text alone cannot know (arbitrate_number can)",
    ),
    (
        "ต.ค.๒๕ - ก.ุย.\n๒๕",
        "ต.ค.๒๕ - ก.ย.\n๒๕",
        "ต.ค.๖๔ – ก.ย. ๖๕",
        "render santipatong p3: the month is repaired, digits misread as other digits are left",
    ),
    (
        "ม.ค. ๒๕ - ม.ค.\n๒๕",
        "ม.ค. ๒๕ - ม.ค.\n๒๕",
        "ม.ค. ๖๕ - มี.ค. ๖๕",
        "render santipatong p3: มี.ค. lost its vowel and became another month: left alone",
    ),
    (
        "036 / เป็นการดําเนินการในปีทิรับการประเมิน",
        "036 / เป็นการดำเนินการในปีทิรับการประเมิน",
        "O36 / เป็นการดำเนินการในปีที่รับการประเมิน",
        "render santipatong p1: a digit is never turned into a letter; ทิ is a misread, not a term",
    ),
    (
        "อ่อนเป็นรายตัวชีวัด เพื่อกําหนดมาตรการแก้ไขในปีงบประมาณ พ.ศ. 2564 ดังนี่",
        "อ่อนเป็นรายตัวชี้วัด เพื่อกำหนดมาตรการแก้ไขในปีงบประมาณ พ.ศ. 2564 ดังนี่",
        "อ่อนเป็นรายตัวชี้วัด เพื่อกำหนดมาตรการแก้ไขในปีงบประมาณ พ.ศ. 2564 ดังนี้",
        "render unseen-table-layout: ดังนี่ is a wrong tone that makes another word",
    ),
    (
        "ตัวชีวัดที ๒ การใช้งบประมาณ (ฆ๕.๒๒ คะแนน)",
        "ตัวชี้วัดที่ ๒ การใช้งบประมาณ (ฆ๕.๒๒ คะแนน)",
        "ตัวชี้วัดที่ ๒ การใช้งบประมาณ (๗๘.๖๒ คะแนน)",
        "render variant-long-table: a score read as letters and wrong digits is left for a second reading",
    ),
    (
        "al. บุคลากรในหน่วยงานดําเนินการใช้จ่ายเงิน ทรัพย์สินของหน่วยงานส่วนรวมของราชการเป็นหลัก",
        "al. บุคลากรในหน่วยงานดำเนินการใช้จ่ายเงิน ทรัพย์สินของหน่วยงานส่วนรวมของราชการเป็นหลัก",
        "๗. บุคลากรในหน่วยงานดำเนินการใช้จ่ายเงิน ทรัพย์สินของหน่วยงานส่วนรวมของราชการเป็นหลัก",
        "scan memo p1: the list number ๗ read as Latin letters is not guessed",
    ),
    (
        "๒. บุคลากรในหน่วยงานต้องปฏิบัติหน้าที่โดยยืดถือกฎหมาย ng ระเบียบปฏิบัติของทางราชการ",
        "๒. บุคลากรในหน่วยงานต้องปฏิบัติหน้าที่โดยยืดถือกฎหมาย ng ระเบียบปฏิบัติของทางราชการ",
        "๖. บุคลากรในหน่วยงานต้องปฏิบัติหน้าที่โดยยึดถือกฎหมาย กฎ ระเบียบปฏิบัติของทางราชการ",
        "scan memo p1: ๖ read as ๒ is a valid digit; nothing in the text says otherwise",
    ),
    (
        "พ.ศ. ๒๕๒๐๐",
        "พ.ศ. ๒๕๒๐๐",
        "พ.ศ. ๒๕๖๐",
        "scan memo p1: a misread year is kept as read (digits are never dropped or guessed)",
    ),
]


@pytest.mark.parametrize(("damaged", "expected", "truth", "why"), REAL_PARTLY)
def test_real_output_partly_repaired_never_worse(damaged: str, expected: str, truth: str, why: str) -> None:
    text, _ = clean_ocr_text(damaged)
    assert text == expected, why
    assert Levenshtein.distance(text, truth) <= Levenshtein.distance(damaged, truth)


# Correct text (text layers of the sample and real documents, the seed): the chain must not touch it.
CORRECT = [
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ.๒๕๖๕",
    "ประจำปีงบประมาณ พ.ศ.๒๕๖๒ จำนวน ๘๗๓,๗๖๐.๐๐ บาท โดยแยกเป็น",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
    "ข้อมูลดังกล่าวจะทำให้ประชาชนรับทราบถึงการดำเนินงานของหน่วยงาน การประชาสัมพันธ์กิจกรรม",
    "ได้ดำเนินการตามมาตรการดังกล่าวแล้ว จึงขอรายงานผลการดำเนินการ ดังนี้",
    "1. เผยแพร่แผนการใช้จ่ายงบประมาณประจำปี พ.ศ. 2566 ภายใน 30 วัน หลังเทศบัญญัติประกาศใช้",
    "11. ประชุมเพื่อสร้างความรู้ความเข้าใจการเปิดเผยข้อมูลและสร้างความตระหนักให้บุคลากรจัดทำข้อมูลการบริหารงาน"
    " บริหารเงิน งบประมาณ",
    "จากการประเมินพบว่า ไม่ได้ดำเนินการตามมาตรการดังกล่าว การปรับปรุงจะดำเนินการในปีงบประมาณ ๒๕๖๕",
    "ตามคำสั่งเทศบาลตำบลสันป่าตองที่ ๑๓/๒๕๖๕ ลงวันที่ ๒๐ มกราคม ๒๕๖๕",
    "ลงวันที่ ๑๓/๐๑/๒๕๖๕",
    "ในปีต่อๆ ไป ทั้งนี้ ประเด็นที่ควรมีการเปิดเผย หรือบริหารจัดการให้ดียิ่งขึ้น ได้แก่",
    "O36 / เป็นการดำเนินการในปีที่รับการประเมิน",
    "ข้อมูลของผู้แจ้งเบาะแสและเพื่อให้สอดคล้องกับแนวปฏิบัติตามข้อ O29 ทั้งนี้ สามารถเข้าถึงหรือเชื่อม",
    "ม.ค. ๖๕ - มี.ค. ๖๕",
    "ต.ค.๖๔ – ก.ย. ๖๕",
    "สำนักปลัดฯ , กองช่าง , กองคลัง , กองการศึกษา กองสาธารณสุขและสิ่งแวดล้อม",
    "สำนักปลัดฯ/ กองคลัง",
    "และการใช้ทรัพย์สินของราชการ",
    "และมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "ป้องกันการทุจริต",
    "แบบวัดการรับรู้ผู้มีส่วนได้เสียภายใน(IIT)",
    "ไม่มีแผนผังโครงสร้างฝ่ายการเมือง\nไม่พบข้อมูล E-mail\nไม่พบข้อมูล E-Service",
    "๘๘.๗๓",
    "94.59",
    "ครั้งที่ 1/2566",
    "ปีงบประมาณ ๒๕๖๓/๒๕๖๔",
]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_text_is_left_alone(text: str) -> None:
    assert clean_ocr_text(text) == (text, [])


# --- 1. sara am -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ดําเนินการ", "ดำเนินการ"),
        ("นํ้า", "น้ำ"),  # nikhahit, tone, sara aa
        ("น้ํา", "น้ำ"),  # tone, nikhahit, sara aa
        ("นํา้", "น้ำ"),  # tone after the sara aa
        ("คํ าสั่ง", "คำสั่ง"),  # a space inside
        ("กํำหนด", "กำหนด"),  # nikhahit + sara am
        ("ํํำ", "ำ"),
        ("กำาหนด", "กำหนด"),  # never ำา
        ("กำาาหนด", "กำหนด"),
        ("คำนำ", "คำนำ"),
        ("", ""),
        ("\u0e4d\u0e32", "\u0e33"),
        ("ตํ่า", "ต่ำ"),
    ],
)
def test_compose_sara_am(text: str, expected: str) -> None:
    assert compose_sara_am(text) == expected


# --- 2. marks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ข\uf70bอมูล", "ข้อมูล"),  # PUA tone mark
        ("ป\uf702\uf713", "ปี่"),  # PUA vowel and tone over an ascender
        ("a\ue000b\U000f0001c", "abc"),  # other private use characters are dropped
        ("ก่ิน", "กิ่น"),  # vowel before tone
        ("ที่่", "ที่"),  # a doubled mark
        ("กิิจกรรม", "กิจกรรม"),
        ("ปีึงบประมาณ", "ปีงบประมาณ"),  # two vowels: the dictionary keeps ี
        ("เเผน", "แผน"),  # two sara e look like sara ae
        ("ฤๅษี", "ฤๅษี"),  # lakkhangyao after ฤ is a real letter
        ("นๅ", "นา"),
        ("เลม่ หนา้", "เล่ม หน้า"),
        ("พ ุ่ม", "พุ่ม"),  # space before a mark
        ("หน้า ๑\n\n  เล่ม", "หน้า ๑\n\n  เล่ม"),  # whitespace is not touched
    ],
)
def test_fix_mark_order(text: str, expected: str) -> None:
    assert fix_mark_order(text) == expected


def test_why_not_pythainlp_normalize() -> None:
    """pythainlp.util.normalize changes layout and drops characters; fix_mark_order does not."""
    text = "ข้อ ๑\n\nหน้า  ๒"
    assert pythainlp_normalize(text) != text  # blank lines and double spaces collapsed
    assert fix_mark_order(text) == text
    assert pythainlp_normalize("คำ \u0e48ที่") == "คำ ที่"  # a mark after a space is deleted
    assert fix_mark_order("คำ \u0e48ที่") == "ค่ำที่"  # the space goes, the mark is kept (and ordered)
    assert pythainlp_normalize("ก\u0e48\u0e49") == "ก\u0e49"  # two tones: pythainlp keeps the last
    assert fix_mark_order("ก\u0e48\u0e49") == "ก\u0e48\u0e49"  # no dictionary word decides: both stay


# --- 3. spaces inside words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ดำ เนินการ", "ดำเนินการ"),
        ("ดํา เนินการ", "ดําเนินการ"),  # decided on the composed text; the text itself is kept
        ("การ ประเมิน", "การประเมิน"),
        ("คุณ ธรรม", "คุณธรรม"),
        ("หน่วย งาน", "หน่วยงาน"),
        ("หน่ วยงาน", "หน่วยงาน"),
        ("เ ปิดเผย", "เปิดเผย"),  # a lead vowel ends no word
        ("สาม ารถ", "สามารถ"),  # a follow vowel starts no word
        ("ต ่อไป ด ังนี้", "ต่อไป ดังนี้"),  # a mark starts no word
        ("ดำ เนิน การ", "ดำเนินการ"),  # two spaces in one word
        ("คุณ ธรรม และความโปร่งใส", "คุณธรรม และความโปร่งใส"),
        # the joined word cuts ประจำปี, but the join leaves no piece out of the dictionary (ณ)
        ("แผนประจำปีงบประ มาณ พ.ศ. ๒๕๖๖", "แผนประจำปีงบประมาณ พ.ศ. ๒๕๖๖"),
        ("การดำเนินงานของหน่วยงานภาค รัฐ", "การดำเนินงานของหน่วยงานภาครัฐ"),
    ],
)
def test_join_cluster_spaces_removes_spaces_inside_words(text: str, expected: str) -> None:
    assert join_cluster_spaces(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๕",  # the joined text would read มาณพ
        "โปร่งใสภายในหน่วยงาน ประจำปี",  # งานประจำ would cut หน่วยงาน
        "ดำเนินงานของหน่วยงาน การประชาสัมพันธ์",  # งานการ would cut หน่วยงาน
        "ได้ดำเนินการตามมาตรการดังกล่าวแล้ว จึงขอรายงาน",  # two stopwords
        "ภายใน 30 วัน หลังเทศบัญญัติประกาศใช้",  # two stopwords
        "ทั้งนี้ ประเด็นที่ควรมีการเปิดเผย",  # no word across the space
        "ความ โปร่งใส",  # not one dictionary word: kept (a missed join, not a false one)
        "ความโปร่ง ใส",  # both sides whole words: the join would leave no fewer unknown pieces
        "ในรอบปีงบประมาณ พ.ศ. ๒๕๖๒",  # มาณพ is a word, but พ is an abbreviation's lone letter
        "เทศบาลตำบลหนองหาน อ.หนองหาน",
        "ปีงบประมาณ ๒๕๖๕",  # next to digits
        "ระบบ Open Data ของหน่วยงาน",  # next to Latin
        "คน ๆ นี้",  # ๆ
        "ดำ  เนินการ",  # two spaces: not Tesseract's single inserted space
        "ระยะเวลา\nดำเนินการ",  # a line break is not a space (join_wrapped_lines decides those)
    ],
)
def test_join_cluster_spaces_keeps_phrase_spaces(text: str) -> None:
    assert join_cluster_spaces(text) == text


def test_join_cluster_spaces_is_fast() -> None:
    """Linear in the text: a long text is not scanned from its start for every space."""
    line = "ข้อมูลที่หน่วย งานต้องเผยแพร่ไว้บนเว็บไซต์หลัก และเป็นประเด็นที่ต้อง ปรับปรุง "
    text = "\n".join(f"{line}{n}" for n in range(400))  # one text of ~33,000 characters, 800 spaces
    start = time.perf_counter()
    joined = join_cluster_spaces(text)
    elapsed = time.perf_counter() - start
    assert joined.count("หน่วยงาน") == 400
    assert len(text) / elapsed > 100_000  # measured over 1,000,000 characters/s: a wide margin for slow CI


# --- 4. known terms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field", "expected", "pairs"),
    [
        ("๑.การปฏิบัติหน้าที", None, "๑.การปฏิบัติหน้าที่", [("การปฏิบัติหน้าที", "การปฏิบัติหน้าที่")]),
        ("ต.ค.๖๔ - ก.ุย. ๖๕", "period", "ต.ค.๖๔ - ก.ย. ๖๕", [("ก.ุย.", "ก.ย.")]),
        ("ธิ.ค.", "period", "ธ.ค.", [("ธิ.ค.", "ธ.ค.")]),
        (
            "สำนกปลัดฯ , กองคลง",
            "responsible",
            "สำนักปลัดฯ , กองคลัง",
            [("สำนกปลัดฯ", "สำนักปลัดฯ"), ("กองคลง", "กองคลัง")],
        ),
        ("สำนักปลัด/กองคลง", "responsible", "สำนักปลัด/กองคลัง", [("สำนักปลัด/กองคลง", "สำนักปลัด/กองคลัง")]),
        ("ตามตัวชีวัดและหลักเกณฑ์", "issue", "ตามตัวชี้วัดและหลักเกณฑ์", [("ตัวชีวัด", "ตัวชี้วัด")]),
        ("(ตัวชีวัดที 7 ได้", "issue", "(ตัวชี้วัดที่ 7 ได้", [("ตัวชีวัดที", "ตัวชี้วัดที่")]),
    ],
)
def test_repair_terms(text: str, field: str | None, expected: str, pairs: list[tuple[str, str]]) -> None:
    assert repair_cell(text, field) == (expected, pairs)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("ม.ค. ๖๕ - ม.ค. ๖๕", "period"),  # a real month, even if มี.ค. was meant
        ("มี.ค. ๖๕", "period"),
        ("และการใช้ทรัพย์สินของราชการ", None),  # a word glued on is not damage
        ("ป้องกันการทุจริต", None),  # nor a word missing at the start
        ("สำนักปลัดฯ/", "responsible"),  # punctuation differs
        ("กองช่าง", "responsible"),  # correct
        ("กองคลัง๑", "responsible"),  # digits: never touched
        ("ตัวชีวัดทีม", None),  # the text goes on as another word
        ("กองคลง", "score"),  # numeric fields have no vocabulary
        ("ระยะเวลาดำเนินกาว", "header"),  # the last letter differs: not the shape of OCR damage
        ("ทีม", None),  # short: never fuzzy-matched
    ],
)
def test_repair_terms_leaves_alone(text: str, field: str | None) -> None:
    assert repair_cell(text, field) == (text, [])


def test_default_vocabulary_comes_from_the_project_vocabularies() -> None:
    assert "การใช้ทรัพย์สินของทางราชการ" in DEFAULT_VOCABULARY  # an indicator variant
    assert "ผู้รับผิดชอบ" in DEFAULT_VOCABULARY and "กองคลัง" in DEFAULT_VOCABULARY
    assert "กุมภาพันธ์" in DEFAULT_VOCABULARY and "ก.พ." in DEFAULT_VOCABULARY
    assert set(FIELD_VOCABULARIES["responsible"]) == set(UNITS)
    assert set(HEADER_VOCABULARY["measure"]) <= set(FIELD_VOCABULARIES["header"])
    assert not any(re.search("[0-9๐-๙]", term) for term in DEFAULT_VOCABULARY)


def test_repair_terms_accepts_a_custom_vocabulary_and_cutoff() -> None:
    assert repair_terms("กองสวสดิการสังคม", ["กองสวัสดิการสังคม"]) == (
        "กองสวัสดิการสังคม",
        [("กองสวสดิการสังคม", "กองสวัสดิการสังคม")],
    )
    assert repair_terms("กองสวสดิการสังคม", ["กองสวัสดิการสังคม"], cutoff=99.0)[1] == []
    assert repair_terms("กองสวสดิการสังคม", ["กองคลัง"])[1] == []


# --- 5. digits ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("๘๘.๓/๓", "๘๘.๗๓"),
        ("ผลคะแนน ๓/๓.๘๘ คะแนน", "ผลคะแนน ๗๓.๘๘ คะแนน"),  # only the slash is evidence
        ("๓/.๕๐", "๗.๕๐"),
        ("๓/๕,๐๐๐ บาท", "๗๕,๐๐๐ บาท"),
        ("๑๒,๓/๕๐.๐๐", "๑๒,๗๕๐.๐๐"),
        ("1O5 บาท", "105 บาท"),
        ("2l.50", "21.50"),
        ("1,0O0", "1,000"),
    ],
)
def test_repair_thai_number(text: str, expected: str) -> None:
    assert repair_thai_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ที่ ๑๓/๒๕๖๕",  # an order number
        "ลงวันที่ ๑๓/๐๑/๒๕๖๕",  # a date
        "๓/๓/๖๕",
        "ปี ๒๕๖๓/๒๕๖๔",  # a range of years
        "๑๓/ ๒๕๖๕",  # the slash is followed by a space
        "ข้อ O36",  # an OIT item code
        "IIT EIT OIT",
        "2O2O",  # ends with a letter: not clearly a number
        "A1O5",  # a code
        "๓๓.๕๕",  # a misread ๗ without its slash: nothing to see
    ],
)
def test_repair_thai_number_leaves_alone(text: str) -> None:
    assert repair_thai_number(text) == text


# --- 6. two readings of a numeric cell ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "digits", "kind", "text", "value", "agreed", "confident", "reason"),
    [
        ("๘๘.๗๓", "88.73", "score", "๘๘.๗๓", 88.73, True, True, "both readings agree"),
        ("๘๘.๓/๓", "88.73", "score", "๘๘.๗๓", 88.73, True, True, "๓/ inside a number read as ๗"),
        ("๓/๓.๘๘", "77.88", "score", "๗๗.๘๘", 77.88, True, True, "the ๓ after it as ๗ too"),
        ("๘๘.๔๓/", "88.47", "score", "๘๘.๔๗", 88.47, True, True, "๓/ inside a number read as ๗"),
        ("", "93.90", "score", "93.90", 93.9, False, True, "only the digit reading"),  # no script known
        ("ฆ ซั", "93.90", "score", "93.90", 93.9, False, True, "has no number"),
        ("๙๓.๙", "93.90", "score", "๙๓.๙๐", 93.9, False, False, "only the digit reading"),
        ("๓๓.๕๕", "77.88", "score", "๓๓.๕๕", 33.55, False, False, "undecided"),
        ("๕๕.๕๕", "", "score", "๕๕.๕๕", 55.55, False, True, "only the first reading"),
        ("๑๐๕.๒๐", "105.20", "score", "๑๐๕.๒๐", None, True, False, "no valid score"),
        ("", "", "score", "", None, False, False, "neither reading"),
        ("๑.", "1", "item", "๑.", 1.0, True, True, "both readings agree"),
        ("2)", "2", "item", "2)", 2.0, True, True, "both readings agree"),
        ("(๓)", "3", "item", "(๓)", 3.0, True, True, "both readings agree"),
        ("๒๕๖๕", "2565", "year", "๒๕๖๕", 2565.0, True, True, "both readings agree"),
        ("๒๕๒๕", "2565", "year", "๒๕๒๕", 2525.0, False, False, "undecided"),
        ("๒๕๒๐๕", "2565", "year", "๒๕๖๕", 2565.0, False, False, "only the digit reading"),
        ("1,234.50", "1234.50", "any", "1,234.50", 1234.5, True, True, "both readings agree"),
        ("1O5", "105", "any", "105", 105.0, True, True, "both readings agree"),
    ],
)
def test_arbitrate_number(
    first: str,
    digits: str,
    kind: str,
    text: str,
    value: float | None,
    agreed: bool,
    confident: bool,
    reason: str,
) -> None:
    reading = arbitrate_number(first, digits, kind)
    assert isinstance(reading, NumberReading)
    got = (reading.text, reading.value, reading.agreed, reading.confident)
    assert got == (text, value, agreed, confident)
    assert reason in reading.decided_by


def _values_read(raw: str) -> set[float]:
    """Every number a reading could mean: as read, with ๓/ as ๗ (the ๓ after it as ๓ or ๗, a final
    ๓/ too), spaces and thousands commas dropped."""
    squeezed = re.sub(r"\s+", "", raw)
    forms = {squeezed, squeezed.replace("๓/๓", "๗๗"), squeezed.replace("๓/", "๗")}
    values = set()
    for form in forms | {repair_thai_number(f) for f in forms}:
        arabic = thai_digits_to_arabic(form).replace(",", "")
        values |= {float(m) for m in re.findall(r"[0-9]+(?:\.[0-9]+)?", arabic)}
    return values


@pytest.mark.parametrize(
    ("first", "digits"), [("๓/๓.๘๘", "12.34"), ("๔๕.๖๗", "45.76"), ("๑๒.๓๔", ""), ("๘๘.๔๓/", "")]
)
def test_arbitrate_number_never_invents_a_number(first: str, digits: str) -> None:
    for kind in ("score", "item", "year", "any"):
        reading = arbitrate_number(first, digits, kind)
        assert reading.value is None or reading.value in _values_read(first) | _values_read(digits)


def test_arbitrate_number_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        arbitrate_number("1", "1", "percent")


def test_number_reading_is_frozen() -> None:
    reading = arbitrate_number("๑.", "1", "item")
    with pytest.raises(AttributeError):
        reading.text = "x"  # type: ignore[misc]


# --- 7. the chain -------------------------------------------------------------------------------------


def test_clean_ocr_text_notes_each_change() -> None:
    text, notes = clean_ocr_text("๑.การปฏิบัติหน้าที ดํา เนินการ ๘๘.๓/๓ ข\uf70bอมูล")
    assert text == "๑.การปฏิบัติหน้าที่ ดำเนินการ ๘๘.๗๓ ข้อมูล"
    assert notes == [
        "sara am composed: 'ดํา' → 'ดำ'",
        "marks repaired: 'ข\\uf70bอมูล' → 'ข้อมูล'",  # notes show invisible characters escaped
        "๓/ inside a number read as ๗: '๘๘.๓/๓' → '๘๘.๗๓'",
        "space inside a word removed: 'ดำ เนินการ' → 'ดำเนินการ'",
        "known term repaired: 'การปฏิบัติหน้าที' → 'การปฏิบัติหน้าที่'",
    ]


def test_clean_ocr_text_runs_until_nothing_changes() -> None:
    # the space removal brings nikhahit and sara aa together: composed on the next pass
    assert clean_ocr_text("ค\u0e4d \u0e32สั่ง")[0] == "คำสั่ง"
    assert clean_ocr_text("กำ าหนด")[0] == "กำหนด"


def test_clean_ocr_text_is_linear() -> None:
    """A page-long text (notes included) costs about what its lines cost one by one."""
    lines = [damaged for damaged, _, _, _ in REAL_FIXED] * 10  # ~13,000 characters
    text = "\n".join(lines)
    start = time.perf_counter()
    cleaned, notes = clean_ocr_text(text)
    elapsed = time.perf_counter() - start
    assert cleaned.count("\n") == text.count("\n") and len(notes) >= len(REAL_FIXED)
    assert len(text) / elapsed > 10_000  # measured ~100,000 characters/s


HOSTILE = [
    "",
    " ",
    "\n\n",
    "\u0e48",
    "\u0e4d",
    "\u0e32\u0e33\u0e32",
    " \u0e4d\u0e32",
    "\uf700\uf71a\ue000",
    "๓/",
    "๓/๓/๓/",
    "๓/.",
    "O",
    "1O",
    "(cid:12)",
    "ๆ ฯ ฿",
    "ก" * 300,
    "ดำ " * 200,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings(text: str) -> None:
    cleaned, notes = clean_ocr_text(text)
    assert clean_ocr_text(cleaned)[0] == cleaned
    assert isinstance(notes, list)
    for field in ("header", "period", "score", None):
        repair_cell(text, field)
    arbitrate_number(text, text, "score")


# --- properties -------------------------------------------------------------------------------------------

_PIECES = [
    "การ", "ประเมิน", "ดํา", "เนิน", "คุณ", "ธรรม", "หน่วย", "งาน", "ตัวชีวัดที", "ที่", "สํานัก", "ปลัด",
    "ก.ุย.", "ม.ค.", "ความ", "โปร่งใส", "แล้ว", "จึง", "น้ํา", "ปีึง", "เเผน", "ระยะ", "เวลา",
]  # fmt: skip
_CHARS = (
    "กขคงจชซดตทนบปผพฟมยรลวสหอฮ"  # consonants
    "ะัาำิีึืุู็่้๊๋์ํเแโใไๅ"  # vowels and marks
    "๐๑๒๓๔๕๖๗๘๙0123456789"
    "/.,- \nOoIlๆฯ"
    "\uf705\uf70b\uf712\uf718\ue000\u200b"
)
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(_CHARS, max_size=5)), max_size=10).map("".join)
_PUA = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_DIGIT = re.compile("[0-9๐-๙]")


def _digits_explained(before: str, after: str) -> bool:
    """Are the digits of ``after`` those of ``before``, except ๓ → ๗ where a ๓/ was, 0/1 where an
    O o I l was, and an 8, 6 or 0 gone where the text now states a level after ``ระดับ`` (a level
    letter read as its look-alike digit, read back: ``repair_level_letters``)?  (A subsequence
    check: no digit lost, none added otherwise.)"""
    source, result = _DIGIT.findall(before), _DIGIT.findall(after)
    sevens, letters = before.count("๓/"), sum(before.count(ch) for ch in "OoIl")
    levels = len(_LEVEL_STATED.findall(after)) - len(_LEVEL_STATED.findall(before))

    @cache
    def fits(i: int, j: int, sevens_left: int, letters_left: int, levels_left: int = levels) -> bool:
        level = i < len(source) and source[i] in "860" and levels_left > 0
        if level and fits(i + 1, j, sevens_left, letters_left, levels_left - 1):
            return True
        if j == len(result):
            return i == len(source)
        d = result[j]
        if i < len(source) and source[i] == d and fits(i + 1, j + 1, sevens_left, letters_left, levels_left):
            return True
        seven = i < len(source) and source[i] == "๓" and d == "๗" and sevens_left > 0
        if seven and fits(i + 1, j + 1, sevens_left - 1, letters_left, levels_left):
            return True
        return d in "01" and letters_left > 0 and fits(i, j + 1, sevens_left, letters_left - 1, levels_left)

    return fits(0, 0, sevens, letters)


#: A level letter stated right after ``ระดับ`` (what ``repair_level_letters`` writes back).
_LEVEL_STATED = re.compile(r"ระดับ\s*(?:ผลการประเมิน\s*)?[BCD](?![A-Za-z])")


def test_a_level_read_as_a_digit_is_explained() -> None:
    # found by Hypothesis in CI: marks out of order before the digit, repaired first
    assert _digits_explained("ระดบั0", "ระดับD")
    assert not _digits_explained("ระดบั0", "ระดับ")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.sampled_from([None, "header", "period", "responsible", "issue", "score"]))
def test_clean_ocr_text_properties(text: str, field: str | None) -> None:
    cleaned, _ = clean_ocr_text(text, field)
    assert clean_ocr_text(cleaned, field)[0] == cleaned  # idempotent
    assert "\u0e33\u0e32" not in cleaned  # never ำา
    assert not _PUA.search(cleaned)  # never a private use character
    assert _digits_explained(text, cleaned), (text, cleaned)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_each_step_is_idempotent_and_keeps_digits(text: str) -> None:
    for step in (compose_sara_am, fix_mark_order, join_cluster_spaces):
        once = step(text)
        assert step(once) == once, step.__name__
        assert _DIGIT.findall(once) == _DIGIT.findall(text), step.__name__
    assert "\u0e33\u0e32" not in compose_sara_am(text)
    repaired, pairs = repair_terms(text)
    assert _DIGIT.findall(repaired) == _DIGIT.findall(text)
    assert all(not _DIGIT.search(old + new) for old, new in pairs)


@settings(max_examples=200, deadline=None)
@given(st.text("๐๑๒๓๔๕๖๗๘๙0123456789./,() OlI", max_size=12), st.text("0123456789.", max_size=8))
def test_arbitrate_number_takes_its_value_from_a_reading(first: str, digits: str) -> None:
    for kind in ("score", "item", "year", "any"):
        reading = arbitrate_number(first, digits, kind)
        assert reading.value is None or reading.value in _values_read(first) | _values_read(digits)
        assert not reading.confident or reading.value is not None
