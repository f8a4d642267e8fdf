"""What ITA measures documents call things: the ten indicators, table headers, units, levels.

Everything here is data plus fuzzy look-ups over it (rapidfuzz).  Text is compared after
:func:`fold`, which drops spaces, punctuation and digits, so ``มาตรการ/ แนวทาง``, ``มาตรการ
แนวทาง`` and ``มาตรการ/แนวทาง`` are one key, and OCR-damaged headers still land near their word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from extractors.thai.text import MARKS, normalize_thai, thai_digits_to_arabic


@dataclass(frozen=True, slots=True)
class IndicatorName:
    number: int
    name: str  #: canonical
    variants: tuple[str, ...]  #: other spellings seen in documents (the canonical one included)
    instrument: str


INDICATORS: tuple[IndicatorName, ...] = (
    IndicatorName(1, "การปฏิบัติหน้าที่", ("การปฏิบัติหน้าที่",), "IIT"),
    IndicatorName(2, "การใช้งบประมาณ", ("การใช้งบประมาณ",), "IIT"),
    IndicatorName(3, "การใช้อำนาจ", ("การใช้อำนาจ",), "IIT"),
    IndicatorName(
        4,
        "การใช้ทรัพย์สินของราชการ",
        ("การใช้ทรัพย์สินของราชการ", "การใช้ทรัพย์สินของทางราชการ", "การใช้ทรัพย์สินราชการ"),
        "IIT",
    ),
    IndicatorName(
        5,
        "การแก้ไขปัญหาการทุจริต",
        ("การแก้ไขปัญหาการทุจริต", "การแก้ปัญหาการทุจริต"),
        "IIT",
    ),
    IndicatorName(6, "คุณภาพการดำเนินงาน", ("คุณภาพการดำเนินงาน",), "EIT"),
    IndicatorName(7, "ประสิทธิภาพการสื่อสาร", ("ประสิทธิภาพการสื่อสาร",), "EIT"),
    IndicatorName(
        8,
        "การปรับปรุงระบบการทำงาน",
        ("การปรับปรุงระบบการทำงาน", "การปรับปรุงการทำงาน"),
        "EIT",
    ),
    IndicatorName(9, "การเปิดเผยข้อมูล", ("การเปิดเผยข้อมูล",), "OIT"),
    IndicatorName(10, "การป้องกันการทุจริต", ("การป้องกันการทุจริต",), "OIT"),
)
BY_NUMBER = {i.number: i for i in INDICATORS}

#: Weights of the overall score: 30 % IIT (1–5), 30 % EIT (6–8), 40 % OIT (9–10).
INSTRUMENT_WEIGHTS = {"IIT": 0.3, "EIT": 0.3, "OIT": 0.4}


def fold(text: str) -> str:
    """The comparison key of a label: normalised Thai without spaces, punctuation or digits.

    >>> fold("มาตรการ/ แนวทาง"), fold("ระยะเวลา ดำเนินการ"), fold("๑.การปฏิบัติหน้าที่")
    ('มาตรการแนวทาง', 'ระยะเวลาดำเนินการ', 'การปฏิบัติหน้าที่')
    """
    return "".join(ch for ch in normalize_thai(text) if unicodedata.category(ch)[0] in "LM").lower()


# --- indicator names ----------------------------------------------------------------------------

_NAME_KEYS: dict[str, int] = {fold(v): i.number for i in INDICATORS for v in i.variants}


def match_indicator_name(text: str, cutoff: float = 88.0) -> int | None:
    """The number of the indicator ``text`` names, or None.

    ``text`` is a label such as ``๔.การใช้ทรัพย์สินของทางราชการ``; digits and punctuation are
    ignored.  The match is fuzzy (OCR damage, small slips) but must be close.

    >>> match_indicator_name("๔.การใช้ทรัพย์สินของทางราชการ"), match_indicator_name("การแก้ปัญหาการทุจริต")
    (4, 5)
    >>> match_indicator_name("การปฎิบัติหน้าที่"), match_indicator_name("การประชาสัมพันธ์") is None
    (1, True)
    """
    key = fold(text)
    if not key:
        return None
    if key in _NAME_KEYS:
        return _NAME_KEYS[key]
    best = process.extractOne(key, list(_NAME_KEYS), scorer=fuzz.ratio, score_cutoff=cutoff)
    return _NAME_KEYS[best[0]] if best else None


def find_indicator_names(text: str) -> list[tuple[int, int, int]]:
    """Canonical indicator names (and variants) inside running text: ``(number, start, end)``.

    Every letter of the name, in order, and nothing else (running text is long; fuzzy search there
    finds ghosts); only the marks above and below the line may differ, as OCR adds, drops or
    misreads them (``ประสิทธิภาพิการสื่อสาร``): a name's letters alone, ten or more, say which it
    is.  A longer variant wins over a shorter one at the same place (การป้องกันการทุจริต is not
    การทุจริต).  ``text`` is expected normalised (:func:`~extractors.thai.text.normalize_thai`); the
    offsets are into ``text`` as given.

    >>> find_indicator_names("ตัวชี้วัดที่ยังต่ำ ได้แก่ การเปิดเผยข้อมูล และการป้องกันการทุจริต")
    [(9, 26, 42), (10, 46, 65)]
    >>> find_indicator_names("ตัวชี้ว์ดที่ประสิทธิภาพิการสื่อสาร มีคะแนน")
    [(7, 12, 34)]
    """
    found: list[tuple[int, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern, number in _NAME_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((number, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


#: ``ตัวชี้วัดที่ N``: an indicator named by its number.
RE_INDICATOR_NUMBER = re.compile(r"ตัวชี้วัดที่\s*([0-9๐-๙]{1,2})(?![0-9๐-๙.])")


def indicator_mentions(text: str) -> list[tuple[int, int, int, bool]]:
    """Every indicator a text names: ``(number, start, end, numbered)``, in reading order.

    ``ตัวชี้วัดที่ N`` and the indicator names (:func:`find_indicator_names`) are merged: a name
    right after its number extends that mention.  ``numbered`` is False for a name met without its
    number.

    >>> indicator_mentions("ตัวชี้วัดที่ 10 การป้องกันการทุจริต และการเปิดเผยข้อมูล")
    [(10, 0, 35, True), (9, 39, 55, False)]
    """
    mentions: list[tuple[int, int, int, bool]] = []
    for m in RE_INDICATOR_NUMBER.finditer(text):
        number = int(thai_digits_to_arabic(m.group(1)))
        if number in BY_NUMBER:
            mentions.append((number, m.start(), m.end(), True))
    for number, start, end in find_indicator_names(text):
        prev = next((a for a in mentions if a[0] == number and 0 <= start - a[2] <= 3), None)
        if prev:
            mentions[mentions.index(prev)] = (number, prev[1], end, True)
        elif not any(a[1] <= start < a[2] for a in mentions):
            mentions.append((number, start, end, False))
    return sorted(mentions, key=lambda a: a[1])


# --- numbers, years, levels ---------------------------------------------------------------------

#: A score as written: up to three digits, two decimals at most, Thai or Arabic digits.
SCORE_NUMBER = r"[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})?"
#: A four-digit BE year of the ITA era (24xx–25xx), Thai or Arabic digits.
BE_YEAR = r"(?:2[45][0-9]{2}|๒[๔๕][๐-๙]{2})"
#: A level word: AA … F, ผ่าน / ไม่ผ่าน (not ``ผ่านมา``, "past", as in ``ปีที่ผ่านมา``).
LEVEL = r"(AA|A|B|C|D|E|F|ไม่ผ่าน|ผ่าน)(?![A-Za-z]|มา)"
_RE_YEAR = re.compile(f"(?<![0-9๐-๙])({BE_YEAR})(?![0-9๐-๙])")


def year_in(text: str) -> int | None:
    """The first BE year written in ``text`` (``คะแนน ๒๕๖๔`` → 2564), or None.

    >>> year_in("คะแนน ๒๕๖๔"), year_in("คะแนน"), year_in("ปี 2565")
    (2564, None, 2565)
    """
    m = _RE_YEAR.search(text)
    return int(thai_digits_to_arabic(m.group(1))) if m else None


# --- table headers ------------------------------------------------------------------------------

#: Field → header wordings seen in measures and indicator tables.  Fields of measures tables are
#: the action record's; indicator tables use ``indicator``, ``instrument``, ``score``, ``level``
#: and ``number``.  ``seq`` (ลำดับ) is recognised so it is not mistaken for anything else.
#: The assessment's official name (ITA_DOMAIN.md), word by word.
ITA_NAME_WORDS = (
    "การ",
    "ประเมิน",
    "คุณธรรม",
    "และ",
    "ความ",
    "โปร่งใส",
    "ใน",
    "การ",
    "ดำเนินงาน",
    "ของ",
    "หน่วยงาน",
    "ภาครัฐ",
)
ITA_NAME = "".join(ITA_NAME_WORDS)
#: Fixed phrases of ITA documents: every stretch of whole words of the official name, and of the
#: measures' name (``มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน``, indicator O42), that is
#: :data:`MIN_PHRASE_CHARS` long or more (a title or a line wrap cuts the name anywhere between
#: words): long enough that a near miss in OCR'd text is the phrase damaged, never another phrase
#: (:func:`extractors.ocr.text.repair_phrases`).
MIN_PHRASE_CHARS = 20
ITA_PHRASES: tuple[str, ...] = (
    tuple(
        dict.fromkeys(
            phrase
            for words in (
                ITA_NAME_WORDS,
                ("มาตรการ", "ส่งเสริม", "คุณธรรม", "และ", "ความ", "โปร่งใส", "ภายใน", "หน่วยงาน"),
            )
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
            if len(phrase := "".join(words[i:j])) >= MIN_PHRASE_CHARS
        )
    )
    + tuple(
        # an announcement's ``ประกาศ… เรื่อง <subject>``: OCR loses the tone mark stacked over
        # ``เรื่อง`` (``เรือง``, a word too, so no dictionary tells them apart; the phrase does)
        f"เรื่อง {subject}"
        for subject in (
            "มาตรการส่งเสริมคุณธรรม",
            "การวิเคราะห์ผลการประเมิน",
            "รายงานผลการวิเคราะห์",
            "ผลการวิเคราะห์ผลการประเมิน",
        )
    )
    + (
        # a title's year phrase and the official name's end with its acronym, printed in most titles
        # (bold title type loses ``บ`` to ``ป`` and the ``ฐ`` before ``(ITA)`` on photographs)
        "ประจำปีงบประมาณ พ.ศ.",
        "หน่วยงานภาครัฐ (ITA)",
    )
)


HEADER_VOCABULARY: dict[str, tuple[str, ...]] = {
    "issue": (
        "ประเด็นที่ต้องปรับปรุง",
        "ประเด็นที่ต้องพัฒนา",
        "ประเด็นที่ต้องแก้ไข",
        "ประเด็นที่ควรพัฒนา",
        "ประเด็นการพัฒนา",
        "ประเด็นปัญหา",
        "ประเด็น",
        "ตัวชี้วัด/ประเด็น",
        "ตัวชี้วัด/ประเด็นที่ต้องพัฒนา",
        "ข้อบกพร่อง/จุดอ่อน",
        "จุดอ่อน",
        "ปัญหา/อุปสรรค",
        "ผลการวิเคราะห์",
        "ข้อเสนอแนะ",
    ),
    "measure": (
        "มาตรการ",
        "มาตรการ/แนวทาง",
        "แนวทาง",
        "แนวทางการพัฒนา",
        "แนวทางการดำเนินการ",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        "มาตรการ/กิจกรรม",
        "โครงการ/กิจกรรม",
        "กิจกรรม",
    ),
    "steps": (
        "วิธีการดำเนินการ",
        "วิธีดำเนินการ",
        "ขั้นตอนการดำเนินการ",
        "ขั้นตอนการดำเนินงาน",
        "ขั้นตอน/วิธีการดำเนินการ",
        "มาตรการ/ขั้นตอน/วิธีการปฏิบัติ",
        "ขั้นตอน/วิธีการปฏิบัติ",
        "วิธีการปฏิบัติ",
        "แนวทางปฏิบัติ",
        "รายละเอียดการดำเนินการ",
        "ขั้นตอน/วิธีการ",
        "ขั้นตอน",
        "วิธีการ",
    ),
    "results": (
        "การดำเนินการ/รายงาน",
        "ผลการดำเนินการ",
        "การดำเนินการ",
        "ตัวชี้วัดความสำเร็จ",
        "เป้าหมาย",
        "ผลที่คาดว่าจะได้รับ",
    ),
    "responsible": (
        "ผู้รับผิดชอบ",
        "หน่วยงานรับผิดชอบ",
        "หน่วยงานที่รับผิดชอบ",
        "หน่วยงานผู้รับผิดชอบ",
        "ผู้รับผิดชอบ/หน่วยงาน",
        "ผู้ดำเนินการ",
    ),
    "period": (
        "ระยะเวลาดำเนินการ",
        "ระยะเวลา",
        "ระยะเวลาการดำเนินการ",
        "ช่วงเวลา",
        "ช่วงเวลาดำเนินการ",
        "กำหนดเวลา",
        "ห้วงเวลา",
    ),
    "follow_up": (
        "การติดตามผล",
        "การติดตาม",
        "การติดตามและรายงานผล",
        "การรายงานผล",
        "การติดตามประเมินผล",
        "การกำกับติดตาม",
    ),
    "indicator": (
        "ตัวชี้วัด",
        "ตัวชี้วัดITA",
        "ชื่อตัวชี้วัด",
        "ตัวชี้วัดการประเมิน",
        "ตัวชี้วัดที่",
        "ตัวชี้วัด/แบบวัด",
        "ตัวชี้วัดการประเมินITA",
    ),
    "instrument": ("แบบวัด", "เครื่องมือ", "เครื่องมือการประเมิน"),
    "score": ("คะแนน", "ผลคะแนน", "คะแนนที่ได้", "ผลการประเมิน", "คะแนนการประเมิน", "ค่าคะแนน"),
    "seq": ("ลำดับ", "ลำดับที่", "ที่"),
    "level": ("ระดับ", "ระดับผลการประเมิน"),
    "diff": ("ผลต่าง", "เพิ่มขึ้น/ลดลง", "เปลี่ยนแปลง"),
    # A table that reports progress on the measures (after them): not more measures.
    "progress": ("ผลการดำเนินงาน", "ผลการดำเนินงานรอบเดือน", "ความก้าวหน้า", "ผลการดำเนินงานตามมาตรการ"),
    "status": ("สถานะ", "สถานะการดำเนินการ", "สถานะการดำเนินงาน"),
}

_HEADER_CHOICES: dict[str, str] = {fold(v): f for f, vs in HEADER_VOCABULARY.items() for v in vs}
#: Folded header wording -> field (:mod:`extractors.ita.headers` maps whole header rows with it).
HEADER_CHOICES = _HEADER_CHOICES


def skeleton(key: str) -> str:
    """A folded label without its marks above and below the line (vowels, tone marks): what is
    left when OCR loses them, as it does first on a scan.

    >>> skeleton("ผู้รับผิดชอบ")
    'ผรบผดชอบ'
    """
    return "".join(ch for ch in key if unicodedata.category(ch) != "Mn")


def _unmarked(variant: str) -> re.Pattern[str]:
    """``variant``'s letters in order (its :func:`skeleton`), any marks above or below the line after each."""
    marks = f"[{MARKS}]*"
    return re.compile("".join(re.escape(ch) + marks for ch in skeleton(variant)))


#: Every indicator name variant as :func:`find_indicator_names` looks for it, longest first.
_NAME_PATTERNS = [
    (_unmarked(v), n)
    for v, n in sorted(((v, i.number) for i in INDICATORS for v in i.variants), key=lambda p: -len(p[0]))
]

#: Header wordings by their skeleton, for cells whose marks OCR lost.
_HEADER_SKELETONS: dict[str, str] = {skeleton(k): f for k, f in _HEADER_CHOICES.items()}
#: Skeletons shorter than this say too little to be matched on alone.
MIN_SKELETON = 4


def header_field(text: str, cutoff: float = 82.0) -> str | None:
    """The field a header cell names, or None.

    An exact wording wins; otherwise the closest wording by rapidfuzz's ratio above ``cutoff``,
    so ``ระยะเวลา ดำเนินการ`` (wrapped), ``ผูร้ับผิดชอบ`` (mark lost in OCR) and columns in any
    order map alike.

    >>> [header_field(t) for t in ["มาตรการ/ แนวทาง", "ระยะเวลา ดำเนินการ", "ผูรับผิดชอบ", "ลำดับ"]]
    ['measure', 'period', 'responsible', 'seq']
    >>> header_field("มาตรการ/ขั้นตอน/วิธีการปฏิบัติ"), header_field("คะแนน ๒๕๖๔"), header_field("หมายเหตุ")
    ('steps', 'score', None)

    A scanned header whose marks were lost and a letter misread is compared on the letters on the
    line alone (:func:`skeleton`), with the same cutoff:

    >>> header_field("ผูรบผดขชอบ")
    'responsible'
    """
    key = fold(text)
    if not key:
        return None
    if key in _HEADER_CHOICES:
        return _HEADER_CHOICES[key]
    best = process.extractOne(key, list(_HEADER_CHOICES), scorer=fuzz.ratio, score_cutoff=cutoff)
    if best:
        return _HEADER_CHOICES[best[0]]
    bare = skeleton(key)
    if len(bare) < MIN_SKELETON:
        return None
    best = process.extractOne(bare, list(_HEADER_SKELETONS), scorer=fuzz.ratio, score_cutoff=cutoff)
    return _HEADER_SKELETONS[best[0]] if best else None


#: What a header cell that dates a score column says besides its year: ``ปี ๒๕๖๗``, ``พ.ศ. 2566``.
_YEAR_HEADER_WORDS = frozenset({"", "ปี", "พศ", "ปีพศ"})


def year_header(text: str) -> bool:
    """Whether a header cell is a year alone (``ปี ๒๕๖๗``, ``พ.ศ. 2566``, ``2567``): beside an
    indicators' column it heads that year's scores, as a two-year table writes it.

    >>> year_header("ปี ๒๕๖๗"), year_header("พ.ศ. 2566"), year_header("ปีงบประมาณ 2567"), year_header("ปี")
    (True, True, False, False)
    """
    return fold(text) in _YEAR_HEADER_WORDS and year_in(text) is not None


# --- instruments and levels ---------------------------------------------------------------------

_RE_INSTRUMENT = re.compile(r"\b(IIT|EIT|OIT)\b")


def instrument_in(text: str) -> str | None:
    """``IIT``/``EIT``/``OIT`` named in ``text`` (``แบบวัดการรับรู้ผู้มีส่วนได้เสียภายใน(IIT)``).

    >>> instrument_in("แบบวัดการรับรู้ผู้มีส่วนได้เสียภายใน(IIT)"), instrument_in("แบบ OIT")
    ('IIT', 'OIT')
    """
    m = _RE_INSTRUMENT.search(text.replace("(", " ").replace(")", " "))
    if m:
        return m.group(1)
    if "ภายใน" in text and "รับรู้" in text:
        return "IIT"
    if "ภายนอก" in text and "รับรู้" in text:
        return "EIT"
    if "หลักฐานเชิงประจักษ์" in text or "เปิดเผยข้อมูลสาธารณะ" in text:
        return "OIT"
    return None


LEVEL_WORDS = {"ผ่าน": "PASS", "ไม่ผ่าน": "FAIL", "PASS": "PASS", "FAIL": "FAIL"}


def level_code(text: str | None) -> str | None:
    """The level a cell or phrase names: ``AA`` … ``F``, ``PASS``/``FAIL``.

    >>> level_code("ระดับ B"), level_code("AA"), level_code("ผ่าน"), level_code("-")
    ('B', 'AA', 'PASS', None)
    """
    m = re.search(LEVEL, text or "")
    return LEVEL_WORDS.get(m.group(1), m.group(1)) if m else None


#: A pass/fail verdict as documents word it: ``ผ่านเกณฑ์การประเมิน``, ``(ระดับผ่าน)``,
#: ``ไม่ผ่านเกณฑ์``, ``ผลการประเมิน: ผ่าน``, ``ผ่านการประเมิน``.
RE_PASS_FAIL = re.compile(
    r"(?:ระดับ|ผลการประเมิน|ผลการประเมินคือ)\s*[:：]?\s*[“\"'(]?\s*(ไม่ผ่าน|ผ่าน)(?!มา)"
    r"|(ไม่ผ่าน|ผ่าน)\s*(?=เกณฑ์|การประเมิน)"
)


def pass_fail(text: str) -> tuple[str, int, int] | None:
    """The first pass/fail verdict in ``text``: (``PASS``/``FAIL``, start, end), or None.

    >>> pass_fail("ได้คะแนน 88.42 คะแนน ผ่านเกณฑ์การประเมิน (ระดับผ่าน)")[0]
    'PASS'
    >>> pass_fail("ได้ 80.12 คะแนน ไม่ผ่านเกณฑ์การประเมิน")[0], pass_fail("ผลการประเมิน: ไม่ผ่าน")[0]
    ('FAIL', 'FAIL')
    >>> pass_fail("ผลการประเมินปีที่ผ่านมา") is None, pass_fail("ต่ำกว่าเกณฑ์ที่กำหนด") is None
    (True, True)
    """
    m = RE_PASS_FAIL.search(text)
    if not m:
        return None
    word = m.group(1) or m.group(2)
    return LEVEL_WORDS[word], m.start(), m.end()


#: Score bands of the 2562–2565 framework: (level, lowest score).
LEVEL_BANDS: tuple[tuple[str, float], ...] = (
    ("AA", 95.0),
    ("A", 85.0),
    ("B", 75.0),
    ("C", 65.0),
    ("D", 55.0),
    ("E", 50.0),
    ("F", 0.0),
)
PASS_MARK = 85.0


#: The first BE year of the ten-indicator framework (before it ITA had five indices, word levels).
TEN_INDICATORS_FROM = 2562
#: The first BE year the NACC reports pass (85 and over) / fail instead of AA–F.
PASS_FAIL_FROM = 2566


def level_scheme(year: int | None) -> str | None:
    """The levels the NACC reported for an assessed year: ``bands`` (AA–F, 2562–2565), ``pass``
    (pass/fail, from 2566), None before 2562 (another framework) ; an unknown year is read as bands.

    >>> level_scheme(2564), level_scheme(2566), level_scheme(2561), level_scheme(None)
    ('bands', 'pass', None, 'bands')
    """
    if year is None:
        return "bands"
    if year < TEN_INDICATORS_FROM:
        return None
    return "pass" if year >= PASS_FAIL_FROM else "bands"


def expected_level(score: float, stated: str) -> str:
    """The level a stated overall ``score`` has, in the scheme the document writes its level in.

    A document may write a pass/fail verdict in any year (85 and over is a pass, as level A and AA
    were before 2566), and many still write AA–F after 2566: each is checked in its own terms.

    >>> expected_level(88.42, "PASS"), expected_level(80.12, "PASS"), expected_level(88.42, "B")
    ('PASS', 'FAIL', 'A')
    """
    if stated in ("PASS", "FAIL"):
        return "PASS" if score >= PASS_MARK else "FAIL"
    return level_for_score(score)


def level_for_score(score: float) -> str:
    """The 2562–2565 level of a score.

    >>> level_for_score(94.99), level_for_score(95), level_for_score(77.88), level_for_score(12)
    ('A', 'AA', 'B', 'F')
    """
    for level, low in LEVEL_BANDS:
        if score >= low:
            return level
    return "F"


# --- responsible units --------------------------------------------------------------------------

#: Unit names that recur; a unit printed with stray spaces (``กอง ช่าง``) is folded onto these.
UNITS: tuple[str, ...] = (
    "สำนักปลัด",
    "สำนักปลัดฯ",
    "สำนักปลัดเทศบาล",
    "สำนักปลัดองค์การบริหารส่วนตำบล",
    "สำนักปลัดองค์การบริหารส่วนจังหวัด",
    "สำนักทะเบียนท้องถิ่น",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา",
    "กองสาธารณสุขและสิ่งแวดล้อม",
    "กองสวัสดิการสังคม",
    "กองยุทธศาสตร์และงบประมาณ",
    "กองวิชาการและแผนงาน",
    "กองการเจ้าหน้าที่",
    "กองส่งเสริมการเกษตร",
    "หน่วยตรวจสอบภายใน",
    "งานตรวจสอบภายใน",
    "ทุกกอง",
    "ทุกกองงาน",
    "ทุกส่วนราชการ",
    "ทุกสำนัก/กอง",
    "ทุกหน่วยงาน",
    "คณะทำงาน",
)
_UNIT_KEYS = {u.replace(" ", ""): u for u in UNITS}


def tidy_unit(text: str) -> str:
    """One responsible unit, with spaces that a line wrap or a PDF invented taken out.

    A unit that equals a known name once its spaces are removed is written as that name;
    otherwise spaces between two Thai letters go (unit names are one word), spaces next to
    Latin letters or digits stay.

    >>> tidy_unit("กอง ช่าง"), tidy_unit(" สำนักปลัดฯ "), tidy_unit("งาน IT กองคลัง")
    ('กองช่าง', 'สำนักปลัดฯ', 'งาน IT กองคลัง')
    """
    text = normalize_thai(text).strip(" .,;:-–")
    squeezed = text.replace(" ", "")
    if squeezed in _UNIT_KEYS:
        return _UNIT_KEYS[squeezed]
    return re.sub(r"(?<=[\u0E01-\u0E4E]) (?=[\u0E01-\u0E4E])", "", text)


_RE_UNIT_SPLIT = re.compile(r"\s*(?:[/,、;\n]|\s+และ\s*|(?<=[\u0E01-\u0E4E])และ(?=กอง|สำนัก|งาน|หน่วย))\s*")
_UNIT_PREFIX = ("กอง", "สำนัก", "งาน", "หน่วย", "ทุก", "ฝ่าย", "ศูนย์")
_UNITS_LONGEST_FIRST = sorted(_UNIT_KEYS, key=len, reverse=True)


def reads_as_unit(text: str) -> bool:
    """Whether a cell's text starts as a responsible unit's name does (``ฝ่าย บริหาร``, ``กองช่าง``).

    >>> reads_as_unit("ฝ่าย บริหาร งาน บุคคล"), reads_as_unit("สำนักปลัด"), reads_as_unit("ภายใน 30 มิ.ย.")
    (True, True, False)
    """
    return normalize_thai(text).replace(" ", "").startswith(_UNIT_PREFIX)


def _segment_units(text: str) -> list[str]:
    """Units a wrap glued together (``กองการศึกษากองสาธารณสุขและสิ่งแวดล้อม``), split at known names."""
    squeezed = text.replace(" ", "")
    if squeezed in _UNIT_KEYS:
        return [_UNIT_KEYS[squeezed]]
    for unit in _UNITS_LONGEST_FIRST:
        if squeezed.startswith(unit) and squeezed[len(unit) :].startswith(_UNIT_PREFIX):
            return [_UNIT_KEYS[unit], *_segment_units(squeezed[len(unit) :])]
    return [text]


def split_units(text: str) -> list[str]:
    """A responsible-unit cell as a list of units.

    >>> split_units("สำนักปลัดเทศบาล / กองคลัง"), split_units("กองช่าง , กองคลัง และ กอง การศึกษา")
    (['สำนักปลัดเทศบาล', 'กองคลัง'], ['กองช่าง', 'กองคลัง', 'กองการศึกษา'])
    >>> split_units("ทุกสำนัก/กอง"), split_units("")
    (['ทุกสำนัก/กอง'], [])
    >>> split_units("กองคลัง , กองการศึกษากองสาธารณสุขและสิ่งแวดล้อม")
    ['กองคลัง', 'กองการศึกษา', 'กองสาธารณสุขและสิ่งแวดล้อม']
    """
    text = normalize_thai(text)
    if not text.strip():
        return []
    if text.replace(" ", "") in _UNIT_KEYS:
        return [_UNIT_KEYS[text.replace(" ", "")]]
    units: list[str] = []
    for part in _RE_UNIT_SPLIT.split(text):
        for unit in _segment_units(tidy_unit(part)) if part.strip() else []:
            if unit:
                units.append(unit)
    return units
