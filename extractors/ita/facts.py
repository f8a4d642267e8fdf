"""Document facts: title, agency, address, fiscal and assessed year, overall score and level.

Every reading of a year, of the overall score and of the level is a **candidate** kept with where
it is and why it ranks where it does (``DocumentFacts.candidates``); the best one is the fact.

- **Title**: the title block of the first page with text (an announcement cover's heading
  ``ประกาศ… เรื่อง …`` included; see :mod:`extractors.ita.title`), up to the line that is only the
  agency's name and address or the first numbered heading; ``ประจำปีงบประมาณ`` / ``พ.ศ.2567`` is
  one title whose fiscal year is read.
- **Agency**: ``เทศบาลนคร/เมือง/ตำบล…``, ``องค์การบริหารส่วนตำบล/จังหวัด…``, ``โรงพยาบาล…``,
  ``โรงเรียน…``, ``สำนักงานสาธารณสุขจังหวัด…`` … followed by its name;
  the title block is searched first, then the passages.  **District/province**: ``อำเภอ``/``อ.``
  and ``จังหวัด``/``จ.`` in the line that names the agency, else anywhere.
- **Overall score and level**: every statement such as ``มีผลคะแนน ๗๗.๘๘ คะแนน อยู่ในระดับ B``,
  ``ได้คะแนน 88.42 คะแนน ผ่านเกณฑ์การประเมิน`` or ``คะแนนรวม 94.59 คะแนน`` in the whole document is a
  candidate, with the year its clause names (``ปี 2566 ได้ … ส่วนปี 2567 ได้ …``) and any word that
  marks it as an earlier result (``ปีที่ผ่านมา``, ``เพิ่มขึ้นจาก``).  The most recent year's statement
  wins; a statement with no year loses to one marked as the current result and beats one marked
  as an earlier one; then the one that names a total or a level; then the first.
- **Assessed year**: the year of the chosen overall statement, else the latest year a sentence
  names for the ITA result (``ผลการประเมิน … ปี 2565``) before the fiscal year.
- **Fiscal year**: ``ปีงบประมาณ (พ.ศ.) YYYY`` in the title, else a year the text names for the
  measures (``มาตรการ … ปีงบประมาณ 2566``), else the first ``ปีงบประมาณ`` that is not the year of
  an ITA result.  A year before the first ITA (:data:`FIRST_ITA_YEAR`) is a misread one, for either
  year: it is kept as a candidate, never chosen.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field, replace

from extractors.ita.title import join_title, text_width, title_block, title_page
from extractors.ita.vocabulary import (
    BE_YEAR,
    LEVEL,
    LEVEL_WORDS,
    SCORE_NUMBER,
    expected_level,
    find_indicator_names,
    pass_fail,
    skeleton,
)
from extractors.thai.page_furniture import running_lines
from extractors.thai.text import FOLLOW_VOWELS, MARKS, parse_number, thai_digits_to_arabic, word_spans
from extractors.thai.words import all_words
from schemas import DOUBT_CONFIDENCE, BBox, Line, PageText
from schemas.record import Candidate, DocumentFacts, Provenance

_AGENCY_PREFIX = (
    r"(?:เทศบาลนคร|เทศบาลเมือง|เทศบาลตำบล|องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด"
    r"|โรงพยาบาลส่งเสริมสุขภาพตำบล|โรงพยาบาล|โรงเรียน|วิทยาลัยเทคนิค|วิทยาลัยการอาชีพ|วิทยาลัยอาชีวศึกษา"
    r"|สำนักงานเขตพื้นที่การศึกษา[\u0E01-\u0E4E]*?เขต\s?[0-9๐-๙]*"
    # a ministry's provincial or district office: สำนักงานเกษตรจังหวัด…, สำนักงานพัฒนาชุมชนอำเภอ…
    r"|สำนักงาน[\u0E01-\u0E4E]{2,30}?(?:จังหวัด|อำเภอ))"
)
_THAI_NAME = r"[\u0E01-\u0E2E\u0E30-\u0E4E]+"
_RE_AGENCY = re.compile(rf"({_AGENCY_PREFIX})\s?({_THAI_NAME})")
#: ``อ.``/``จ.`` as printed, or standing alone with a space OCR put before the stop (``อ .ภูเวียง``).
_DISTRICT_WORD = r"(?:อำเภอ|อ\.|(?<![\u0E01-\u0E4E])อ \.)"
_PROVINCE_WORD = r"(?:จังหวัด|จ\.|(?<![\u0E01-\u0E4E])จ \.)"
_RE_DISTRICT = re.compile(rf"{_DISTRICT_WORD}\s*({_THAI_NAME})")
_RE_PROVINCE = re.compile(rf"(?<!ส่วน){_PROVINCE_WORD}\s*({_THAI_NAME})")
#: A Buddhist-era year whose leading digit OCR damaged (``7567`` for ``2567``, a photo's blur): in a
#: year's place (after ``ปี``, ``พ.ศ.``, ``ปีงบประมาณ``) four digits ``X5YY`` are no year a measures
#: document names unless ``X`` is ``2`` (every year of the ITA is ``25YY``), so the three digits that
#: stand say the year; it is read with a doubt (:func:`damaged_year`).
_DAMAGED_LEAD = r"(?:[013-9]5[0-9]{2}|[๐๑๓-๙]๕[๐-๙]{2})"
#: A Buddhist-era year with a speck read as a point before its last digit (``พ.ศ. ๒๕๖.๘``, the
#: glyph reader's reading of a blurred photo): three digits and one is no score (a score's whole
#: part is 100 at most) and, in a year's place, is the year the four digits say; read with a doubt
#: (:func:`specked_year`).
_SPECKED_YEAR = r"(?:2[45][0-9]\.[0-9]|๒[๔๕][๐-๙]\.[๐-๙])"
_YEAR = f"({BE_YEAR}|{_DAMAGED_LEAD}|{_SPECKED_YEAR})"
#: ``พ.ศ.`` as printed, or with its stops lost to OCR (``พ ศ 2565``), or a speck after it read as a
#: comma (``พ.ศ.,2568``).
ERA = r"พ\.?\s?ศ\.?,?"
#: ``พ.ศ.`` read by the English model as a Latin abbreviation (``wa.``, ``W.A.``): one or two Latin
#: letters and a stop, twice at most.  Taken as the era only between ``ปี`` (``ปีงบประมาณ``) and a
#: year, where Thai text puts nothing else; alone it is no cue for a year.
LATIN_ERA = r"[A-Za-z]{1,2}\.(?:\s?[A-Za-z]{1,2}\.)?"
_AFTER_YEAR_WORD = rf"(?:{ERA}|{LATIN_ERA})"
#: ``ปี พ.ศ.`` right after ``ITA`` read by the English model as Latin (``ITA il WA. ๒๕๖๓``): a word
#: of one or two letters, then the era in Latin letters.  Taken only after ``ITA`` (itself a cue
#: for a year), where the era's stops still say what the letters were.
_ITA_LATIN_YEAR_WORDS = rf"ITA\s*(?:[A-Za-z]{{1,2}}\s?)?{LATIN_ERA}"
_RE_FISCAL = re.compile(rf"ปีงบประมาณ\s*{_AFTER_YEAR_WORD}?\s*{_YEAR}(?![0-9๐-๙])")
_RE_ANY_YEAR = re.compile(
    rf"(?:{ERA}|ปี(?:งบประมาณ)?\s*(?:{LATIN_ERA})?|{_ITA_LATIN_YEAR_WORDS}|ITA)\s*{_YEAR}(?![0-9๐-๙])"
)
#: A number that may be a score (a year has four digits and is never one), and ``คะแนน`` after it.
_RE_NUMBER = re.compile(rf"(?<![0-9๐-๙.,])({SCORE_NUMBER})(?![0-9๐-๙]|\.[0-9๐-๙])(\s*คะแนน)?")
#: Whole digits glued to a Latin letter or a symbol no Thai text puts there: a year whose last digit
#: OCR read as a letter (``256p``), a Latin word read as junk (``ITA`` read ``|1#``); no number (it
#: would end the window the next score's cue is looked for in).
_JUNK = r"[A-Za-z|#@~\[\]{}]"
_RE_GLUED_JUNK = re.compile(rf"(?<={_JUNK})[0-9๐-๙]+|[0-9๐-๙]+(?={_JUNK})")
#: Words that say a number is a score: one must stand between the previous number and it.
SCORE_CUES = ("คะแนน", "ได้", "เท่ากับ")
_RE_SCORE_CUE = re.compile("|".join(SCORE_CUES))
#: The longer cues by their letters on the line alone (:func:`skeleton`), for a cue whose marks OCR
#: lost or added (``ผลค่ะแนน``); a short one (``ได้``, ``ได``) would be found inside other words.
_RE_SKELETON_CUE = re.compile("|".join(skeleton(c) for c in SCORE_CUES if len(skeleton(c)) >= 5))
#: Words right before a number that make it something else: full marks, a threshold, a share, a
#: rank, a difference.
_RE_NOT_A_SCORE = re.compile(
    r"(?:เต็ม|เกณฑ์|กว่า|ร้อยละ|ละ|เพิ่มขึ้น|ลดลง|ต่าง|(?:ตัวชี้วัด|ข้อ|ครั้ง|ลำดับ|อันดับ)ที่|อันดับ)"
    r"\s*(?:ที่)?\s*[(\[“\"]?\s*$"
)
#: A verdict standing alone right after a score: ``86.50 คะแนน ผ่าน``, ``(ไม่ผ่าน)``.
_RE_BARE_VERDICT = re.compile(r"\s*(?:คะแนน)?\s*[(\[“\"]?\s*(ไม่ผ่าน|ผ่าน)(?=\s|$|[)\]”\",.]|เกณฑ์|การประเมิน)")
#: A level right after a number: the result badge of the ITAS (``คะแนน 87.45 ระดับ A``, or
#: ``คะแนน 87.5 ระดับ A``), where the level takes the place of ``คะแนน`` after the score.
_RE_LEVEL_NEXT = re.compile(rf"\s*ระดับ\s*(?:ผลการประเมิน)?\s*[“\"']?{LEVEL}")
#: Words in a score's clause that make it a target, not a result.
_RE_TARGET = re.compile(r"เป้าหมาย|ตั้งเป้า|คาดว่า|คาดหวัง|ให้ได้|มุ่งหวัง")
#: Words in a score's statement that make it a total.
_TOTAL_WORDS = ("รวม", "ภาพรวม", "เฉลี่ย", "ผลคะแนน")
#: How far before a number its statement may start (characters).
STATEMENT_REACH = 80
_RE_LEVEL = re.compile(rf"(?:ระดับ|ผลการประเมิน)\s*(?:ผลการประเมิน)?\s*[“\"']?{LEVEL}")
# a statement about one indicator is not the overall
_RE_INDICATOR_CONTEXT = re.compile(r"ตัวชี้วัดที่\s*[0-9๐-๙]+[^0-9๐-๙]{0,50}$")
#: Words in a score's clause that make it an earlier year's result.
_RE_PREVIOUS = re.compile(
    r"ปีที่ผ่านมา|ปีก่อน|ปีที่แล้ว|ครั้งก่อน|ครั้งที่ผ่านมา|จากเดิม|เดิม|เพิ่มขึ้นจาก|ลดลงจาก|สูงขึ้นจาก|ต่ำลงจาก|เทียบกับ"
)
#: Words in a score's clause that make it the current result.
_RE_CURRENT = re.compile(r"ปีนี้|ปีปัจจุบัน|ล่าสุด|ครั้งนี้|ครั้งล่าสุด")
#: Words before a year that make it the year of the measures (not of a result).
_RE_MEASURES_YEAR = re.compile(r"(?:มาตรการ|แผน|ดำเนินการ|กำหนด|จัดทำ)[^0-9๐-๙]{0,40}$")
#: Words before a year that make it the year of an ITA result.
_RE_RESULT_YEAR = re.compile(r"(?:ผลการประเมิน|ผลคะแนน|คะแนน|ITA)[^0-9๐-๙]{0,100}$")
#: How far before a score its clause may name its year (characters).
CLAUSE_REACH = 150

#: Words that end the agency's name when the PDF glued the next word to it.
_NAME_STOPS = ("อำเภอ", "จังหวัด", "ได้", "ประจำ", "ปีงบ", "เพื่อ", "โดย", "มี", "จึง", "ซึ่ง", "ใน", "และ", "ของ")


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph of text with where it is (the intro's sentences span lines)."""

    text: str
    page: int
    box: BBox | None


def _year(text: str) -> int:
    """The year ``text`` (a match of :data:`_YEAR`) names: a damaged leading digit read as ``2``.

    >>> _year("2567"), _year("๒๕๖๖"), _year("7567"), _year("๗๕๖๗"), _year("๒๕๖.๘")
    (2567, 2566, 2567, 2567, 2568)
    """
    digits = thai_digits_to_arabic(text).replace(".", "")
    return int("2" + digits[1:]) if damaged_year(text) else int(digits)


def damaged_year(text: str) -> bool:
    """Whether ``text``, read in a year's place, is a Buddhist-era year whose leading digit OCR
    damaged (its value is read with a doubt).

    >>> damaged_year("7567"), damaged_year("๑๕๖๗"), damaged_year("2567"), damaged_year("2467")
    (True, True, False, False)
    """
    return re.fullmatch(_DAMAGED_LEAD, text) is not None


def specked_year(text: str) -> bool:
    """Whether ``text``, read in a year's place, is a Buddhist-era year with a speck read as a point
    among its digits (its value is read with a doubt).

    >>> specked_year("๒๕๖.๘"), specked_year("2567"), specked_year("25.67")
    (True, False, False)
    """
    return re.fullmatch(_SPECKED_YEAR, text) is not None


def doubted_year(text: str) -> bool:
    """Whether a year read from ``text`` carries a doubt: its leading digit damaged, or a speck
    among its digits."""
    return damaged_year(text) or specked_year(text)


def _year_prov(page: int, box: BBox | None, raw: str, token: str) -> Provenance:
    """Where a year was read; a year whose leading digit was damaged carries a doubt."""
    return _prov(page, box, raw, DOUBT_CONFIDENCE if doubted_year(token) else None)


def _year_why(token: str) -> str:
    """Why a year was read as it was, when its leading digit was damaged or a speck stands among
    its digits ('' when neither)."""
    if specked_year(token):
        return f"read {token!r}: a year's four digits with a speck read as a point among them"
    if not damaged_year(token):
        return ""
    return f"read {token!r}: a Buddhist-era year starts 25, its damaged leading digit read as 2"


def _prov(page: int, box: BBox | None, raw: str, confidence: float | None = None) -> Provenance:
    return Provenance(page=page, box=box, raw=raw, confidence=confidence)


def _is_agency_line(text: str) -> bool:
    """A line that is an agency's name, alone or with its address, even glued to it by OCR.

    >>> _is_agency_line("เทศบาลตำบลวังไผ่ อำเภอเมือง"), _is_agency_line("โรงเรียนบ้านโพธิ์อ.บ้านโพธิ์จ.ฉะเชิงเทรา")
    (True, True)
    >>> _is_agency_line("องค์การบริหารส่วนตำบลนาหว้า อ .ภูเวียง จ.ขอนแก่น")
    True
    >>> _is_agency_line("เทศบาลตำบลวังไผ่ได้มีการวิเคราะห์")
    False
    """
    found = agency_name(text)
    if found is None or found[1] > 2:
        return False
    rest = text[found[2] :].strip()
    return not rest or bool(re.match(f"{_DISTRICT_WORD}|{_PROVINCE_WORD}", rest)) or _ends_with_province(rest)


_RE_LAST_PROVINCE = re.compile(rf"{_PROVINCE_WORD}\s*({_THAI_NAME})\s*$")


def _ends_with_province(text: str) -> bool:
    """Whether ``text`` ends with a province's name after ``จังหวัด``/``จ.``: the end of an address,
    whose district word OCR may have damaged (``อำเภกอสว่างแดนดิน จังหวัดสกลนคร``).

    >>> _ends_with_province("อำเภกอสว่างแดนดิน จังหวัดสกลนคร"), _ends_with_province("ได้มีการวิเคราะห์")
    (True, False)
    >>> _ends_with_province("ได้ประชุมที่ศาลากลางจังหวัดเพื่อพิจารณา")
    False
    """
    m = _RE_LAST_PROVINCE.search(text)
    return m is not None and (m.group(1) in _provinces() or nearest_province(m.group(1)) is not None)


_RE_DISTRICT_NAMED = re.compile(rf"{_DISTRICT_WORD}\s*{_THAI_NAME}")


def _is_address_line(text: str) -> bool:
    """A line that names a district and ends with a province: an agency's address line whose name
    OCR misread (``องค์ถารบริหารส่วนตำบลหนองแสง อำเภอวาปีปทุม จังหวัดมหาสารคาม``), no title line
    (a title that names its agency's province starts with ``ประกาศ``).

    >>> _is_address_line("องค์ถารบริหารส่วนตำบลหนองแสง อำเภอวาปีปทุม จังหวัดมหาสารคาม")
    True
    >>> _is_address_line("ประกาศเทศบาลตำบลวังไผ่ อำเภอเมือง จังหวัดชุมพร"), _is_address_line("ประจำปี 2567")
    (False, False)
    """
    return (
        not text.startswith(("ประกาศ", "เรื่อง"))
        and _RE_DISTRICT_NAMED.search(text) is not None
        and _ends_with_province(text)
    )


def agency_name(text: str) -> tuple[str, int, int] | None:
    """The first agency named in ``text``: (name, start, end).

    >>> agency_name("เทศบาลตำบลสันป่าตอง อำเภอสันป่าตอง")[0]
    'เทศบาลตำบลสันป่าตอง'
    >>> agency_name("ตามที่เทศบาลตำบลวังไผ่ได้มีการวิเคราะห์")[0]
    'เทศบาลตำบลวังไผ่'
    """
    m = _RE_AGENCY.search(text)
    if not m:
        return None
    name = m.group(2)
    for stop in _NAME_STOPS:
        k = name.find(stop, 2)
        if k > 0:
            name = name[:k]
    name = without_glued_abbreviation(name, text[m.start(2) + len(name) :])
    return m.group(1) + name, m.start(), m.start() + len(m.group(1)) + len(name)


#: The letters of ``อ.`` (อำเภอ), ``จ.`` (จังหวัด) and ``ต.`` (ตำบล) when they follow a name.
_ADDRESS_ABBREVIATIONS = "อจต"


def without_glued_abbreviation(name: str, after: str) -> str:
    """``name`` without a last letter that is the start of an address abbreviation glued to it:
    ``อ.``, ``จ.`` or ``ต.`` read with the space before it lost (OCR decides spaces from gaps, and
    the gap before an abbreviation is narrow).  A Thai name never ends in a full stop, so a name
    that ends in one of those letters with a full stop and a Thai letter right after it is a name
    followed by an abbreviation.

    >>> without_glued_abbreviation("บ้านโพธิ์จ", ".ฉะเชิงเทรา")
    'บ้านโพธิ์'
    >>> without_glued_abbreviation("ชุมชนบ้านโพธิ์อ", ".บ้านโพธิ์")
    'ชุมชนบ้านโพธิ์'
    >>> without_glued_abbreviation("บ้านโพธิ์", " จ.ฉะเชิงเทรา"), without_glued_abbreviation("บางปะกงอ", ". ")
    ('บ้านโพธิ์', 'บางปะกงอ')
    """
    if (
        len(name) > 3
        and name[-1] in _ADDRESS_ABBREVIATIONS
        and after[:1] == "."
        and re.match(r"\.\s?[\u0E01-\u0E2E\u0E40-\u0E44]", after)
    ):
        return name[:-1]
    return name


# --- ranked readings --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Reading:
    """A candidate while it is ranked: ``score`` orders, ``why`` explains, ``order`` breaks ties."""

    value: str | int | float
    source: Provenance
    order: int
    score: float = 0.0
    why: list[str] = field(default_factory=list)
    year: int | None = None  #: for an overall score: the year its clause names
    year_raw: str = ""  #: ... as read
    year_doubt: str = ""  #: ... and why it was read otherwise than printed, if it was

    def why_year(self, token: str) -> None:
        """Say why a year read from ``token`` is what it is, when its leading digit was damaged."""
        if reason := _year_why(token):
            self.why.append(reason)

    def add(self, points: float, reason: str) -> None:
        self.score += points
        self.why.append(reason)


def _ranked(readings: Sequence[_Reading]) -> list[_Reading]:
    return sorted(readings, key=lambda r: (-r.score, r.order))


def _keep(
    facts: DocumentFacts, name: str, readings: Sequence[_Reading], chosen: _Reading | None = None
) -> None:
    """Store ``readings``, best first, as the candidates of fact ``name``; ``chosen`` (by default the
    best one) becomes the fact."""
    ranked = _ranked(readings)
    if not ranked:
        return
    if chosen is not None:
        ranked.remove(chosen)
        ranked.insert(0, chosen)
        setattr(facts, name, chosen.value)
        facts.sources[name] = chosen.source
    facts.candidates[name] = [
        Candidate(r.value, r.source, "; ".join(r.why) or "the only reading", r is chosen) for r in ranked
    ]


def _best(readings: Sequence[_Reading], minimum: float = float("-inf")) -> _Reading | None:
    ranked = _ranked(readings)
    return ranked[0] if ranked and ranked[0].score >= minimum else None


def read_facts(pages: Sequence[PageText], passages: Sequence[Passage]) -> DocumentFacts:
    """The document's facts from its title page's title block and its passages (in order)."""
    facts = DocumentFacts()
    page = title_page(pages)
    skip = {i for n, i in running_lines(pages) if page and n == page.number}
    block = title_block(page, skip) if page else []
    title_lines = _title_lines(block)
    if page and not title_lines and skip:
        block = title_block(page)  # every line at the top repeats on other pages: it is the title
        title_lines = _title_lines(block)
    title_box: BBox | None = None
    if title_lines and page:
        facts.title = join_title(title_lines, text_width(page))
        title_box = title_lines[0].box
        for line in title_lines[1:]:
            title_box = title_box.union(line.box)
        confs = [ln.confidence for ln in title_lines if ln.confidence is not None]
        facts.sources["title"] = _prov(
            page.number, title_box, "\n".join(line.raw for line in title_lines), min(confs) if confs else None
        )

    _agency_and_address(facts, block, page, passages)
    overall = _overall_readings(passages)
    _fiscal_year(facts, passages, overall, page.number if page else None, title_box)
    read_by_ocr = {p.number for p in pages if p.ocr is not None}
    _rank_years(
        overall,
        facts.fiscal_year,
        _stated_results(passages, overall),
        read_by_ocr,
        _named_apart(passages, overall),
    )
    _choose_overall(facts, overall, passages)
    _assessed_year(facts, overall, passages)
    return facts


def place_name(kind: str, text: str) -> str:
    """A district or province name as captured, cut where the next word was glued to it: a province
    is the longest of the 77 province names it starts with (pythainlp's list), a district ends at
    a word that cannot be part of a name.

    >>> place_name("province", "ชัยภูมิตามที่สำนักงาน"), place_name("district", "บางปะกงในปี")
    ('ชัยภูมิ', 'บางปะกง')
    """
    if kind == "province":
        known = [p for p in _provinces() if text.startswith(p)]
        if known:
            return max(known, key=len)
    for stop in (*_NAME_STOPS, "ตาม", "ผลคะแนน", "ผลการ", "การ"):
        k = text.find(stop, 2)
        if k > 0:
            text = text[:k]
    return text


@functools.cache
def _provinces() -> frozenset[str]:
    from pythainlp.corpus import provinces

    return frozenset(str(p) for p in provinces(details=False))


def _title_lines(block: Sequence[Line]) -> list[Line]:
    """The lines of a title block before its agency line (or address line) or its first numbered
    heading."""
    lines: list[Line] = []
    for line in block:
        if (
            _is_agency_line(line.text)
            or _is_address_line(line.text)
            or re.match(r"^[0-9๐-๙]+\s*\.", line.text)
        ):
            break
        lines.append(line)
    return lines


def _agency_and_address(
    facts: DocumentFacts, block: Sequence[Line], first: PageText | None, passages: Sequence[Passage]
) -> None:
    """The agency from the title block, else the title page's lines, else the passages; its district
    and province from the text right after its name, else the first ones named."""
    candidates: list[tuple[str, int, BBox | None, str]] = []
    if first:
        candidates += [(ln.text, first.number, ln.box, ln.raw) for ln in block]
        candidates += [(ln.text, first.number, ln.box, ln.raw) for ln in first.lines if ln not in block]
    candidates += [(p.text, p.page, p.box, p.text) for p in passages[:40]]
    for text, page, box, raw in candidates:
        found = agency_name(text)
        if not found:
            continue
        name, _start, end = found
        facts.agency = name
        facts.sources["agency"] = _prov(page, box, raw)
        tail = text[end : end + 80].strip()
        for attr, regex in (("district", _RE_DISTRICT), ("province", _RE_PROVINCE)):
            m = regex.match(tail) or regex.search(tail)
            if m:
                setattr(facts, attr, _place(attr, m))
                facts.sources[attr] = _prov(page, box, raw)
        break
    if facts.province is None or facts.district is None:
        for text, page, box, raw in candidates:
            for attr, regex in (("district", _RE_DISTRICT), ("province", _RE_PROVINCE)):
                m = regex.search(text)
                if m and getattr(facts, attr) is None:
                    setattr(facts, attr, _place(attr, m))
                    facts.sources[attr] = _prov(page, box, raw)
    _settle_province(facts)
    named = [(text, _prov(page, box, raw)) for text, page, box, raw in candidates]
    if facts.agency:
        _settle_name(facts, "agency", _agency_readings(facts.agency, named))
    if facts.district:
        readings = ((_place("district", m), src) for text, src in named for m in _RE_DISTRICT.finditer(text))
        _settle_name(facts, "district", readings)


#: Another reading of a name (the agency's, the district's) elsewhere in the document stands for
#: the one taken when its letters are this alike (rapidfuzz ratio, as for a province) ...
NAME_MATCH = 80.0
#: ... and its length is within this many letters (a letter read as its look-alike, lost, or a
#: speck read as one: ``ประดคู่`` for ``ประดู่``).
NAME_SLACK = 1


def _word_cost(text: str) -> tuple[int, int]:
    """Letters out of the dictionary, then newmm's tokens: a name read right is the dictionary's
    longer words (``ประดู่``), a look-alike letter breaks it into short ones (``ประ`` ``ตู่``)
    or into letters that are none (``ประดคู่``)."""
    spans = [word_spans(run) for run in text.split()]
    return sum(e - s for sp in spans for s, e, known in sp if not known), sum(len(sp) for sp in spans)


def word_reading(read: str, others: Iterable[str]) -> str | None:
    """The first of ``others`` (readings of the same name elsewhere in the document, in order) that
    is dictionary words, fewer and longer than those ``read`` cuts into (:func:`_word_cost`): OCR
    read a letter as its look-alike in one place (``ขุมชน`` for ``ชุมชน``) and not in another.  The
    dictionary chooses between readings of the page; it invents none.  None when no other reading
    is near ``read`` (letters alike, length within :data:`NAME_SLACK`) and better.

    >>> word_reading("โรงเรียนวัดป่าประตู่", ["โรงเรียนวัดป่าประดคู่", "โรงเรียนวัดป่าประดู่"])
    'โรงเรียนวัดป่าประดู่'
    >>> word_reading("โรงเรียนวัดป่าประดู่", ["โรงเรียนวัดป่าประตู่"]), word_reading("บปากพลี", ["เมืองระยอง"])
    (None, None)
    >>> word_reading("บปากพลี", ["ปากพลี"]), word_reading("โรงเรียนวัดป่าประตู่", ["โรงเรียนวัดป่าประตู"])
    ('ปากพลี', None)
    """
    from rapidfuzz import fuzz

    cost = _word_cost(read)
    return next(
        (
            o
            for o in others
            if abs(len(o) - len(read)) <= NAME_SLACK
            and not (o.startswith(read) or read.startswith(o))  # the same reading, cut elsewhere
            and fuzz.ratio(o, read) >= NAME_MATCH
            and all_words(o)
            and _word_cost(o) < cost
        ),
        None,
    )


def _agency_readings(
    agency: str, named: Sequence[tuple[str, Provenance]]
) -> Iterator[tuple[str, Provenance]]:
    """Every reading of the agency's name in ``named`` (texts and where they are): from each place
    an agency's kind (``โรงเรียน``, ``สำนักงาน…จังหวัด``) starts, the name as :func:`agency_name`
    ends it, and as many letters as the taken name has, or one fewer (a speck read as a letter);
    never more, which would take in the next word (``ประดูได้``)."""
    for text, source in named:
        for m in _RE_AGENCY.finditer(text):
            found = agency_name(text[m.start() :])
            if found:
                yield found[0], source
            for n in (len(agency), len(agency) - NAME_SLACK):
                end = m.start() + n
                if end <= len(text) and not (end < len(text) and _RE_MARK_OR_VOWEL.match(text, end)):
                    yield text[m.start() : end], source


#: A mark or a following vowel: no name ends right before one (it belongs to the letter before).
_RE_MARK_OR_VOWEL = re.compile(f"[{MARKS}{FOLLOW_VOWELS}]")


def _settle_name(facts: DocumentFacts, name: str, readings: Iterable[tuple[str, Provenance]]) -> None:
    """A name read as no words (``บปากพลี``) taken as another reading of it in the document that is
    (:func:`word_reading`), with a doubt; both stay candidates."""
    read, source = getattr(facts, name), facts.sources.get(name)
    where: dict[str, Provenance] = {}
    for text, src in readings:
        where.setdefault(text, src)
    better = word_reading(read, where)
    if better is None or source is None:
        return
    chosen = replace(where[better], confidence=DOUBT_CONFIDENCE)
    setattr(facts, name, better)
    facts.sources[name] = chosen
    facts.candidates[name] = [
        Candidate(better, chosen, f"read as words here; {read!r} elsewhere is none", chosen=True),
        Candidate(read, source, "as read first: no dictionary words"),
    ]


#: A province read as no province name is taken for the nearest of the 77 when its letters match
#: that name this well (rapidfuzz ratio) ...
PROVINCE_MATCH = 80.0
#: ... and no other name comes within this much of it (``ขลุบรี`` is as near ``ชลบุรี`` as
#: ``ลพบุรี``: it stays as read).
PROVINCE_MARGIN = 20.0


def nearest_province(read: str) -> str | None:
    """The one province name ``read`` (a name as OCR gave it, not on the list) is a misreading of,
    by its letters (a letter read as its look-alike: ``ข`` for ``ช``), or None when no name or
    more than one is near enough.

    >>> nearest_province("ขัยภูมิ"), nearest_province("เซียงใหม่ตามที่"), nearest_province("ขลุบรี")
    ('ชัยภูมิ', 'เชียงใหม่', None)
    """
    from rapidfuzz import fuzz

    scored = sorted(((fuzz.ratio(read[: len(name)], name), name) for name in _provinces()), reverse=True)
    if not scored or scored[0][0] < PROVINCE_MATCH:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < PROVINCE_MARGIN:
        return None
    return scored[0][1]


def _settle_province(facts: DocumentFacts) -> None:
    """A province that is no province name, replaced by the one it is a misreading of; both kept
    as candidates, the reading as printed in the source's raw text."""
    read, source = facts.province, facts.sources.get("province")
    if not read or read in _provinces() or source is None:
        return
    name = nearest_province(read)
    if name is None:
        return
    facts.province = name
    facts.candidates["province"] = [
        Candidate(name, source, f"the province name nearest {read!r} as read", chosen=True),
        Candidate(read, source, "as read: no province's name"),
    ]


#: The capital district of every province is named after it: ``เมือง`` and the province's name.
CAPITAL_DISTRICT = "เมือง"


def _place(kind: str, m: re.Match[str]) -> str:
    """The district or province that ``m`` (of :data:`_RE_DISTRICT` or :data:`_RE_PROVINCE`)
    captured, without an abbreviation glued after it; a capital district whose name OCR cut with a
    space (``อำเภอเมือง ระยอง``) whole again.

    >>> _place("district", _RE_DISTRICT.search("อำเภอเมือง ระยอง จังหวัดระยอง"))
    'เมืองระยอง'
    >>> _place("district", _RE_DISTRICT.search("อำเภอเมือง จังหวัดระยอง"))
    'เมือง'
    """
    after = m.string[m.end(1) :]
    name = place_name(kind, without_glued_abbreviation(m.group(1), after))
    if kind == "district" and name == CAPITAL_DISTRICT == m.group(1) and after[:1].isspace():
        province = place_name("province", after.lstrip())
        if province in _provinces():
            return name + province
    return name


# --- the overall score and level ----------------------------------------------------------------


@dataclass(slots=True)
class _Overall:
    reading: _Reading
    passage: int  #: index of its passage
    start: int  #: where its statement starts in the passage's text
    end: int  #: where its tail (the words that may state its level) ends
    level: tuple[str, str] | None  #: (code, raw) of the level its tail states
    year_at: int | None = None  #: where in the passage's text the digits of its clause's year start
    #: the year of the aside it stands in that compares another year's result (:func:`aside_year`)
    aside: int | None = None


def _level_in(tail: str) -> tuple[str, str] | None:
    """The level a score's tail states, (code, raw): ``ระดับ B``, ``ผลการประเมิน ผ่าน``, else a
    verdict such as ``ผ่านเกณฑ์การประเมิน`` / ``ไม่ผ่านเกณฑ์``.

    >>> _level_in(" คะแนน อยู่ในระดับ AA (ผ่านดีเยี่ยม)"), _level_in(" คะแนน ไม่ผ่านเกณฑ์การประเมิน")
    (('AA', 'ระดับ AA'), ('FAIL', 'ไม่ผ่าน'))
    >>> _level_in(" คะแนน ผ่าน"), _level_in(" คะแนน ผ่านมาตรฐาน")
    (('PASS', 'ผ่าน'), None)
    """
    m = _RE_LEVEL.search(tail)
    if m:
        return LEVEL_WORDS.get(m.group(1), m.group(1)), m.group(0)
    bare = _RE_BARE_VERDICT.match(tail)  # "ได้ 86.50 คะแนน ผ่าน"
    if bare:
        return LEVEL_WORDS[bare.group(1)], bare.group(1)
    verdict = pass_fail(tail)
    if verdict:
        return verdict[0], tail[verdict[1] : verdict[2]].strip()
    return None


def _clause_year(clause: str) -> tuple[int, int] | None:
    """The year a score's clause names, and where: the last year before the score that is not the
    year of the measures (``มาตรการ … ปีงบประมาณ 2568``).

    >>> _clause_year("มาตรการ ประจำปีงบประมาณ 2568 จากผลการประเมินปี 2567 ได้คะแนน ")
    (2567, 47)
    >>> _clause_year("เพื่อจัดทำมาตรการ ประจำปีงบประมาณ 2568 ได้คะแนน ")
    >>> _clause_year("และในปี wa. ๒๕๖๗ โรงเรียนวัดป่าประดู่มีผลคะแนน ")  # พ.ศ. read in Latin letters
    (2567, 12)
    >>> _clause_year("ผลคะแนนภาพรวมของการประเมิน ITA il WA. ๒๕๖๓ เท่ากับ ")  # ปี พ.ศ. read in Latin
    (2563, 38)
    """
    for m in reversed(list(_RE_ANY_YEAR.finditer(clause))):
        if _RE_MEASURES_YEAR.search(
            clause[max(0, m.start() - 40) : m.start()]
        ) and not _RE_RESULT_YEAR.search(clause[max(0, m.start() - 100) : m.start()]):
            continue
        return _year(m.group(1)), m.start(1)
    return None


#: How far before an aside's opening bracket the statement it follows may name its year or score.
ASIDE_REACH = 150


def aside_year(before: str, after: str) -> int | None:
    """The year of a bracketed aside a score stands in, when the aside gives another year's result
    beside the statement it follows (``มีผลคะแนน ๗๗.๐๑ คะแนนอยู่ในระดับ B (ปี พ.ศ. ๒๕๖๑ ได้ ๘๑.๗๗
    คะแนน)``): the aside names its year before the score and closes after it, and the text before
    it names another year or states a score of its own.  ``before`` and ``after`` are the text on
    either side of the score.  None otherwise.

    >>> before = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๒ มีผลคะแนน ob.og คะแนนอยู่ในระดับ B (ปี พ.ศ. ๒๕๖๑ ได้ "
    >>> aside_year(before, " คะแนน)"), aside_year(before, " คะแนน"), aside_year("มีผลคะแนน (ปี ๒๕๖๑ ได้ ", ")")
    (2561, None, 2561)
    >>> aside_year("ผลการประเมินของหน่วยงาน (ปี ๒๕๖๑ ได้ ", " คะแนน)")  # nothing before it to compare with
    >>> aside_year("ผลการประเมิน ITA ปี ๒๕๖๒ (ได้ ", " คะแนน)")  # no year of its own: the statement's
    """
    opened = re.search(r"\(([^()]*)$", before)
    if opened is None or ")" not in after.split("(", 1)[0]:
        return None
    year = _clause_year(opened.group(1))
    if year is None:
        return None
    outside = before[max(0, opened.start() - ASIDE_REACH) : opened.start()]
    other = _clause_year(outside)
    if (other is not None and other[0] != year[0]) or "คะแนน" in outside:
        return year[0]
    return None


def score_statements(text: str) -> Iterator[tuple[int, re.Match[str], float, bool]]:
    """The numbers in ``text`` stated as a score that is not one indicator's: (where the statement
    starts, the number's match, its value, whether the statement names a total).

    A score has ``คะแนน``, ``ได้`` or ``เท่ากับ`` between the number before it and itself, and
    ``คะแนน`` after it, two decimals or a level right after it (the ITAS badge); full marks,
    thresholds, shares and differences are not scores.

    >>> [(round(v, 2), t) for _s, _m, v, t in score_statements(
    ...     "ผลคะแนนภาพรวมของการประเมิน ITA ปี พ.ศ. 2563 เท่ากับ 59.20 คะแนน จากคะแนนเต็ม 100 คะแนน")]
    [(59.2, True)]
    >>> [v for _s, _m, v, _t in score_statements("ได้คะแนนต่ำกว่า ๘๕ คะแนน ร้อยละ ๘๙.๓๐ เพิ่มขึ้น ๗.๕๕ คะแนน")]
    []
    >>> [v for _s, _m, v, _t in score_statements("ตัวชี้วัดที่ 3 การใช้อำนาจ ได้คะแนนสูงสุด 93.40 คะแนน")]
    []
    >>> [v for _s, _m, v, _t in score_statements("ตั้งเป้าหมายปี 2568 ให้ได้คะแนนรวม 90.00 คะแนน")]
    []
    >>> [v for _s, _m, v, _t in score_statements("คะแนน 87.45 ระดับ A")]
    [87.45]
    >>> [v for _s, _m, v, _t in score_statements("คะแนน 87.5 ระดับ A ได้คะแนน 3 ระดับ")]
    [87.5]
    """
    prev_end = 0
    for m in _RE_NUMBER.finditer(text):
        if "." not in m.group(1) and _RE_GLUED_JUNK.match(text, m.start(1)):
            continue
        start, end = max(prev_end, m.start() - STATEMENT_REACH), m.start()
        prev_end = m.end()
        window = text[start:end]
        cue_at = _cue_at(window)
        if cue_at is None or _RE_NOT_A_SCORE.search(window) or _RE_TARGET.search(window):
            continue  # not a score, or a target
        if (
            not m.group(2)
            and not re.search(r"\.[0-9๐-๙]{2}$", m.group(1))
            and not _RE_LEVEL_NEXT.match(text, m.end(1))
        ):
            continue  # a bare number needs คะแนน after it, two decimals or a level
        near = text[max(0, end - 60) : end]
        if _RE_INDICATOR_CONTEXT.search(near) or find_indicator_names(near[-30:]):
            continue
        value = parse_number(m.group(1))
        if value is None or not 0 <= value <= 100:
            continue
        first = min(
            (k for k in (window.find(w) for w in ("ผลคะแนน", "คะแนน", "ได้", "เท่ากับ")) if k >= 0),
            default=cue_at,
        )
        statement_start = start + first
        total = any(w in text[statement_start:end] for w in _TOTAL_WORDS)
        yield statement_start, m, value, total


def _cue_at(window: str) -> int | None:
    """Where the first word saying a score follows stands in ``window``: a cue as printed, else a
    longer cue whose marks OCR lost or added.

    >>> _cue_at("ปี 2563 เท่ากับ "), _cue_at("โรงพยาบาลปากพลีมีผลค่ะแนน "), _cue_at("ปี 2563 รวม ")
    (8, 19, None)
    """
    cue = _RE_SCORE_CUE.search(window)
    if cue is not None:
        return cue.start()
    letters = [k for k, ch in enumerate(window) if unicodedata.category(ch) != "Mn"]
    bare = _RE_SKELETON_CUE.search("".join(window[k] for k in letters))
    return letters[bare.start()] if bare else None


def _overall_readings(passages: Sequence[Passage]) -> list[_Overall]:
    """Every statement of an overall score in the passages, with its level, year and marks."""
    found: list[_Overall] = []
    order = 0
    for index, passage in enumerate(passages):
        text = passage.text.replace("\n", " ")
        hits = list(score_statements(text))
        for k, (start, m, value, total) in enumerate(hits):
            next_start = hits[k + 1][0] if k + 1 < len(hits) else len(text)
            tail_end = min(next_start, m.end(1) + 100)
            tail = text[m.end(1) : tail_end]
            level = _level_in(tail)
            result = "ผลการประเมิน" in text[max(0, m.start() - 80) : m.start()]
            if not (level or total or result):
                continue
            reading = _Reading(value, _prov(passage.page, passage.box, text[start : m.end()].strip()), order)
            lead = lost_lead(text[: m.start(1)], m.group(1), level[0] if level else None)
            if lead is not None:
                reading.value = lead
                reading.source = _prov(passage.page, passage.box, reading.source.raw, DOUBT_CONFIDENCE)
                reading.why.append(
                    f"read {value}, a letter glued before it ({text[m.start(1) - 1]!r}): {lead}, the"
                    f" only value with a digit in its place that has the level stated ({level and level[1]})"
                )
            order += 1
            clause_start = max(hits[k - 1][1].end(1) if k else 0, m.start(1) - CLAUSE_REACH)
            clause = text[clause_start : m.start(1)]
            year = _clause_year(clause)
            year_at = clause_start + year[1] if year else None
            if year_at is not None:
                after_year = re.match(_YEAR, text[year_at:])
                reading.year_raw = after_year.group(1) if after_year else text[year_at : year_at + 4]
                reading.year_doubt = _year_why(reading.year_raw)
            if year is None:  # "ได้ 88.42 คะแนน ในปี 2567"
                after = re.match(
                    rf"\s*(?:คะแนน)?\s*(?:ใน|ของ|ประจำ)?\s*(?:ปีงบประมาณ|ปี)\s*{_AFTER_YEAR_WORD}?\s*{_YEAR}",
                    tail,
                )
                year = (_year(after.group(1)), 0) if after else None
                reading.year_raw = after.group(1) if after else ""
                reading.year_doubt = _year_why(reading.year_raw)
            reading.year = year[0] if year else None
            earlier, current = _RE_PREVIOUS.search(clause), _RE_CURRENT.search(clause)
            if year is None and earlier:
                reading.add(-2, f"marked as an earlier result ({earlier.group(0)})")
            elif year is None and current:
                reading.add(2, f"marked as the current result ({current.group(0)})")
            if total:
                reading.add(1, "names a total")
            if level:
                reading.add(1, f"states a level ({level[1]})")
            aside = aside_year(text[: m.start(1)], text[m.end(1) : m.end(1) + STATEMENT_REACH])
            if aside is not None:
                why = f"stands in an aside giving the result of {aside} beside another: a comparison"
                reading.add(-8, why)
            found.append(_Overall(reading, index, start, tail_end, level, year_at, aside))
    return found


_RE_THAI_RUN_END = re.compile(r"[\u0E01-\u0E4E]+$")


def lost_lead(before: str, number: str, level: str | None) -> float | None:
    """The score ``number`` was when OCR read its leading digit as a Thai letter glued to it (``ส``
    for ``๘``, ``ฆ`` for ``๗``: ``คะแนนรวมส๗.๖๒``): the letters before the number end in no
    dictionary word, and the number as read does not have the ``level`` stated with it, but one
    digit put in the letter's place gives exactly one value that has it.  None otherwise (the
    number as read stands: a person sees it against its level in the audit).

    >>> lost_lead("ได้คะแนนรวมส", "๗.๖๒", "A"), lost_lead("ได้คะแนนรวม", "๗.๖๒", "A")
    (87.62, None)
    >>> lost_lead("มีผลคะแนน อ", "๐.๑๑", "FAIL"), lost_lead("คะแนนรวม ฆ", "๙.๒๖", "B")
    (None, 79.26)
    """
    value = parse_number(number)
    run = _RE_THAI_RUN_END.search(before)
    if level is None or value is None or not run or not 0 <= value < 10:
        return None
    spans = word_spans(run.group(0))
    if not spans or (spans[-1][2] and spans[-1][1] - spans[-1][0] >= 2):
        return None  # the text before the number ends in a word of two letters or more
    if expected_level(value, level) == level:
        return None
    fits = [d * 10 + value for d in range(1, 10) if expected_level(d * 10 + value, level) == level]
    return round(fits[0], 2) if len(fits) == 1 else None


def _rank_years(
    overall: Sequence[_Overall],
    fiscal_year: int | None,
    stated: Set[int] = frozenset(),
    read_by_ocr: Set[int] = frozenset(),
    named: Set[int] = frozenset(),
) -> None:
    """The latest year stated with a score is the assessed result; older ones are earlier results,
    a year after the fiscal year of the measures cannot be a result yet, and one before the year
    the fiscal year's measures answer (fiscal year − 1) is an earlier result even when no later
    year is named with a score (a result badge names none: ``คะแนน 87.45 ระดับ A``).  A misread
    year is mended first (:func:`mended_year`, with the result years the document ``stated``; on
    the pages ``read_by_ocr``, :func:`ocr_fiscal_year`, with the years ``named`` apart from the
    scores)."""
    for o in overall:
        year = o.reading.year
        mended = mended_year(year, fiscal_year, stated) if year else None
        if mended is not None:
            o.reading.year_doubt = _mended_why(year or 0, mended, fiscal_year or 0, stated)
            o.reading.year = mended
        elif (
            year
            and o.reading.source.page in read_by_ocr
            and ocr_fiscal_year(year, fiscal_year, stated, named)
        ):
            o.reading.year = year - 1
            o.reading.year_doubt = (
                f"read {year}, the fiscal year itself, which the document names as no result's year: "
                f"{year - 1}, the result's year it names (a digit read as its look-alike)"
            )
    years = [o.reading.year for o in overall if o.reading.year is not None]
    latest = max((y for y in years if fiscal_year is None or y <= fiscal_year), default=None)
    for o in overall:
        year = o.reading.year
        if year is None:
            o.reading.why.insert(0, "its clause names no year")
        elif fiscal_year is not None and year > fiscal_year:
            o.reading.add(-6, f"year {year} is after the fiscal year {fiscal_year}: not a result yet")
        elif fiscal_year is not None and _earlier_than_answered(year, fiscal_year):
            o.reading.add(
                -4,
                f"year {year} is before {fiscal_year - 1}, the result the fiscal year {fiscal_year} answers",
            )
        elif year == latest:
            o.reading.add(4, f"the latest year stated with a score ({year})")
        else:
            o.reading.add(-4, f"year {year} is older than {latest}: an earlier result")


def _choose_overall(facts: DocumentFacts, overall: Sequence[_Overall], passages: Sequence[Passage]) -> None:
    if not overall:
        return
    results = [o for o in overall if o.aside is None]  # a comparison's score is never the document's
    if not results:
        _keep(facts, "overall_score", [o.reading for o in overall])
        return
    best = min(results, key=lambda o: (-o.reading.score, o.reading.order))
    _keep(facts, "overall_score", [o.reading for o in overall], best.reading)
    levels: list[_Reading] = []
    chosen: _Reading | None = None
    for o in overall:
        if o.level:
            reading = _Reading(
                o.level[0], _prov(o.reading.source.page, o.reading.source.box, o.level[1]), o.reading.order
            )
            reading.add(o.reading.score, f"stated with the overall score {o.reading.value}")
            levels.append(reading)
            chosen = reading if o is best else chosen
    if best.level is None:  # a level stated elsewhere in the chosen score's paragraph
        passage = passages[best.passage]
        text = passage.text.replace("\n", " ")
        taken = [(o.start, o.end) for o in overall if o.passage == best.passage]
        for m in _RE_LEVEL.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            code = LEVEL_WORDS.get(m.group(1), m.group(1))
            chosen = _Reading(code, _prov(passage.page, passage.box, m.group(0)), len(overall) + m.start())
            chosen.why.append("stated in the chosen overall score's paragraph")
            levels.append(chosen)
            break
    if levels:
        _keep(facts, "level", levels, chosen)


# --- years ----------------------------------------------------------------------------------------


def _fiscal_year(
    facts: DocumentFacts,
    passages: Sequence[Passage],
    overall: Sequence[_Overall],
    title_page_number: int | None,
    title_box: BBox | None,
) -> None:
    readings: list[_Reading] = []
    source = facts.sources.get("title")
    if facts.title and source:
        m = _RE_FISCAL.search(facts.title)
        points, reason = 6, "ปีงบประมาณ in the title"
        if not m:
            m = _RE_ANY_YEAR.search(facts.title)
            points, reason = 5, "a year in the title"
        if m:
            token = m.group(1)
            readings.append(_Reading(_year(token), _year_prov(source.page, source.box, source.raw, token), 0))
            readings[-1].add(points, reason)
            readings[-1].why_year(token)
    score_years = {(o.passage, o.year_at) for o in overall if o.year_at is not None}
    for order, passage in enumerate(passages, 1):
        if (
            title_box is not None
            and passage.page == title_page_number
            and passage.box is not None
            and passage.box.overlaps(title_box)
        ):
            continue  # the title's own lines
        text = passage.text.replace("\n", " ")
        for m in _RE_FISCAL.finditer(text):
            before = text[max(0, m.start() - 100) : m.start()]
            reading = _Reading(
                _year(m.group(1)),
                _year_prov(passage.page, passage.box, m.group(0), m.group(1)),
                order * 1000 + m.start(),
            )
            reading.why_year(m.group(1))
            role = _year_role(before)
            if (order - 1, m.start(1)) in score_years:
                reading.add(-2, "the year of an overall score stated with it")
            elif role == "result":
                reading.add(-2, "names the year of an ITA result")
            elif role == "measures":
                reading.add(2, "names the year of the measures")
            else:
                reading.why.append("the first ปีงบประมาณ in the text")
            readings.append(reading)
    _no_ita_years(readings)
    _keep(facts, "fiscal_year", readings, _best(readings, minimum=0.0))


#: The NACC's ITA was first run in the fiscal year 2555 (a pilot; nationwide from 2557): a year of
#: a measures document or of an ITA result before it is a misread year (``๒๕๒๒`` for ``๒๕๖๖``).
FIRST_ITA_YEAR = 2555


def mended_year(year: int, fiscal_year: int | None, stated: Set[int] = frozenset()) -> int | None:
    """The year a misread one (before the first ITA: a Thai digit read as its look-alike, ``๒๕๒๘``
    for ``๒๕๖๘``) was, when the fiscal year says it: of the two results the measures of a fiscal
    year answer (the year before's, or the same year's), the only one the document names elsewhere
    as a result's year, read whole (``stated``: :func:`_stated_results`), else the only one that
    agrees with the reading in every digit but one.  None when neither or both do, or no fiscal
    year is known.  Two digits misread (``๒๕๒๕`` for ``๒๕๖๔``) look one away from the other year.

    >>> mended_year(2528, 2569), mended_year(2528, None), mended_year(2566, 2569), mended_year(2522, 2569)
    (2568, None, None, None)
    >>> mended_year(2525, 2565), mended_year(2525, 2565, {2564}), mended_year(2525, 2565, {2564, 2565})
    (2565, 2564, 2565)
    """
    if fiscal_year is None or year >= FIRST_ITA_YEAR:
        return None
    results = (fiscal_year - 1, fiscal_year)
    named = [y for y in results if y in stated]
    if len(named) == 1:
        return named[0]
    near = [y for y in results if digits_apart(year, y) == 1]
    return near[0] if len(near) == 1 else None


def ocr_fiscal_year(
    year: int, fiscal_year: int | None, stated: Set[int], named: Set[int] = frozenset()
) -> bool:
    """Whether a score's ``year`` read by OCR, the fiscal year itself, is the year before misread:
    the document names that year, and no other, as a result's year elsewhere (``ผลการประเมิน ITA
    ปี ๒๕๖๔`` in a heading, a chart's title), and the two differ in one digit (``๒๕๖๕`` for
    ``๒๕๖๔``: a Thai ``๔`` read as its look-alike ``๕``).  The measures of a fiscal year answer
    the year before's result; a document that assessed its fiscal year's own result names it,
    apart from the score too (``named``: a heading or a chart's title naming the score's year).

    >>> ocr_fiscal_year(2565, 2565, {2564}), ocr_fiscal_year(2565, 2565, {2564, 2565})
    (True, False)
    >>> ocr_fiscal_year(2565, 2565, set()), ocr_fiscal_year(2564, 2565, {2564})
    (False, False)
    >>> ocr_fiscal_year(2565, 2565, {2564}, {2564, 2565})
    False
    """
    return (
        fiscal_year is not None
        and year == fiscal_year
        and year not in named
        and set(stated) == {year - 1}
        and digits_apart(year, year - 1) == 1
    )


def digits_apart(a: int, b: int) -> int:
    """How many of two years' four digits differ.

    >>> digits_apart(2565, 2525), digits_apart(2565, 2565), digits_apart(2565, 2475)
    (1, 0, 2)
    """
    return sum(x != y for x, y in zip(f"{a:04d}", f"{b:04d}", strict=True))


def _mended_why(read: int, mended: int, fiscal_year: int, stated: Set[int] = frozenset()) -> str:
    how = (
        "the one the document names as a result's year"
        if sum(y in stated for y in (fiscal_year - 1, fiscal_year)) == 1
        else "in all digits but one"
    )
    answers = f"a result the fiscal year {fiscal_year} answers"
    return f"read {read}, before the first ITA: {mended}, {answers}: {how}"


def _no_ita_years(readings: Sequence[_Reading]) -> None:
    """Readings of a year before the first ITA ranked out of the choice (they stay candidates, for
    a person to see): a misread Thai digit (``๒`` for ``๖``) makes such a year, and it would date
    every indicator of the document wrong.  With no other reading the fact is missing, and checked.

    >>> r = _Reading(2522, None, 0); r.add(10, "the year of the chosen overall score")
    >>> _no_ita_years([r]); r.score < 0
    True
    """
    for reading in readings:
        if isinstance(reading.value, int) and reading.value < FIRST_ITA_YEAR:
            reading.add(-100, f"before the first ITA ({FIRST_ITA_YEAR}): a misread year")


_RE_MEASURES_WORD = re.compile(r"มาตรการ|แผน|ดำเนินการ|กำหนด|จัดทำ")
_RE_RESULT_WORD = re.compile(r"ผลการประเมิน|ผลคะแนน|คะแนน|ITA")


def _year_role(before: str) -> str | None:
    """What the words before a year make it: the year of the ``measures`` or of an ITA ``result``
    (the nearer word decides), or None.

    >>> _year_role("จากผลการประเมินปี ๒๕๖๕ ตัวชี้วัด จึงกำหนดมาตรการใน")
    'measures'
    >>> _year_role("เพื่อจัดทำมาตรการ ตามผลการประเมินคุณธรรมและความโปร่งใส ประจำ")
    'result'
    """

    def last(regex: re.Pattern[str]) -> int:
        return max((m.end() for m in regex.finditer(before)), default=-1)

    measures, result = last(_RE_MEASURES_WORD), last(_RE_RESULT_WORD)
    if measures < 0 and result < 0:
        return None
    return "measures" if measures > result else "result"


#: Words that make the result named after them a goal of the measures, not one assessed
#: (``มาตรการยกระดับผลการประเมิน ITA ปี 2566``), within this many characters before the phrase.
_RE_AIM = re.compile(rf"ยกระดับ|พัฒนา|เพิ่ม|ปรับปรุง|{_RE_TARGET.pattern}")
AIM_REACH = 40

#: ``ITA`` right before a year, or with one Thai letter (and a mark) between: ``ปี`` read as another
#: letter of its height glued to ``ITA`` (``ITAขู ๒๕๖๖`` for ``ITA ปี ๒๕๖๖``).  Only after ``ITA``, a
#: cue for a year itself, where nothing but ``ปี`` stands before one.
_ITA_YEAR_WORD = r"ITA\s*(?:[ก-ฮ][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?)?"
_RE_RESULT_PHRASE = re.compile(
    rf"(?:ผลการประเมิน|ผลคะแนน|ITA)[^0-9๐-๙]{{0,60}}?"
    rf"(?:(?:ปีงบประมาณ|ปี|{ERA})\s*{_AFTER_YEAR_WORD}?|{_ITA_LATIN_YEAR_WORDS}|{_ITA_YEAR_WORD}\s)"
    rf"\s*{_YEAR}(?![0-9๐-๙])"
)


def phrase_into_aside(phrase: str) -> bool:
    """Whether a phrase naming a result's year (:data:`_RE_RESULT_PHRASE`) reaches its year across
    an opening bracket, after its statement said a score or level of its own: the year is an
    aside's, comparing another year's result (``ผลคะแนน ob.og คะแนนอยู่ในระดับ B (ปี พ.ศ. ๒๕๖๑``,
    whose own score OCR read as letters), not the one the phrase began with.

    >>> phrase_into_aside("ผลคะแนน oboe คะแนนอยู่ในระดับ B (ปี พ.ศ. ๒๕๖๑")
    True
    >>> phrase_into_aside("ผลการประเมิน ITA (ปีงบประมาณ ๒๕๖๖"), phrase_into_aside("ผลการประเมิน (ITA) ปี ๒๕๖๖")
    (False, False)
    """
    opened = phrase.rfind("(")
    if opened < 0 or ")" in phrase[opened:]:
        return False
    said = re.sub(r"^(?:ผลการประเมิน|ผลคะแนน|ITA)", "", phrase[:opened])
    return "คะแนน" in said or "ระดับ" in said


def _result_phrases(passages: Sequence[Passage]) -> Iterator[tuple[int, Passage, str, re.Match[str]]]:
    """Every phrase naming an ITA result's year (:data:`_RE_RESULT_PHRASE`): the passage's order
    (from 1), the passage, its text on one line, the match."""
    for order, passage in enumerate(passages, 1):
        text = passage.text.replace("\n", " ")
        for m in _RE_RESULT_PHRASE.finditer(text):
            yield order, passage, text, m


def _whole_result_years(passages: Sequence[Passage]) -> Iterator[tuple[int, int, int, str]]:
    """The years the passages name as an ITA result's (``ผลการประเมิน ITA ปี ๒๕๖๔``) read whole (no
    damaged digit, none before the first ITA), but for a goal of the measures: (the passage's index,
    where the year's digits start in its one-line text, the year, the phrase)."""
    for order, _passage, text, m in _result_phrases(passages):
        year = _year(m.group(1))
        aim = _RE_AIM.search(text[max(0, m.start() - AIM_REACH) : m.start(1)])
        if not (doubted_year(m.group(1)) or year < FIRST_ITA_YEAR or aim):
            yield order - 1, m.start(1), year, m.group(0)


def _stated_results(passages: Sequence[Passage], overall: Sequence[_Overall]) -> set[int]:
    """The years the passages name as an ITA result's read whole (:func:`_whole_result_years`), but
    for a year stated with a score (another result's, which a misread score's year must not take).

    >>> p = [Passage("รายงานผลการประเมิน ITA ปี ๒๕๖๔ มาตรการยกระดับผลการประเมิน ITA ปี 2565", 1, None)]
    >>> sorted(_stated_results(p, []))
    [2564]
    >>> sorted(_stated_results([Passage("ผลการประเมิน ITAขู ๒๕๖๖ รายตัวชี้วัด", 1, None)], []))
    [2566]
    """
    scored = {o.reading.year for o in overall if o.reading.year is not None and not o.reading.year_doubt}
    return {year for _index, _at, year, _phrase in _whole_result_years(passages) if year not in scored}


def _named_apart(passages: Sequence[Passage], overall: Sequence[_Overall]) -> set[int]:
    """The years the passages name as an ITA result's read whole (:func:`_whole_result_years`)
    outside the clauses stating a score (a heading, a chart's title): a score's year the document
    also names apart from it was not misread into it.  A phrase naming its year as a fiscal year's
    (``การวิเคราะห์ผลการประเมิน … ประจำปีงบประมาณ ๒๕๖๔``, a title) names the measures' year as
    well as a result's: it tells nothing here.

    >>> text = "ผลการประเมิน ITA ปี 2564 แยกรายตัวชี้วัด ผลคะแนนภาพรวม ITA ปี 2565 เท่ากับ 62.79 คะแนน"
    >>> p = [Passage(text, 1, None)]
    >>> overall = _overall_readings(p)
    >>> [o.reading.year for o in overall], sorted(_named_apart(p, overall))
    ([2565], [2564])
    """
    own = {(o.passage, o.year_at) for o in overall if o.year_at is not None}
    return {
        year
        for index, at, year, phrase in _whole_result_years(passages)
        if (index, at) not in own and "ปีงบประมาณ" not in phrase
    }


def _earlier_than_answered(year: int, fiscal_year: int | None) -> bool:
    """Whether ``year`` is before the result a fiscal year's measures answer (the year before it,
    :func:`_rank_years`): an earlier result's year.

    >>> _earlier_than_answered(2566, 2568), _earlier_than_answered(2567, 2568)
    (True, False)
    >>> _earlier_than_answered(2566, None)
    False
    """
    return fiscal_year is not None and year < fiscal_year - 1


#: A year, then in the same clause (no number, no bracket between) a total's cue and a number OCR
#: damaged: the sentence stating a result whose score could not be read (``ในปี พ.ศ. ๒๕๖๒ …
#: ได้คะแนนรวม ๙๐.๙s คะแนน``).
_RE_DAMAGED_TOTAL = re.compile(
    rf"(?:ปี|{ERA})\s*{_AFTER_YEAR_WORD}?\s*{_YEAR}(?![0-9๐-๙])[^()0-9๐-๙]{{0,80}}?คะแนนรวม\s*"
    r"([^\s()]*[0-9๐-๙][^\s()]*)"
)


def _damaged_total_years(passages: Sequence[Passage], fiscal_year: int | None) -> list[_Reading]:
    """The years of totals whose score OCR damaged (:data:`_RE_DAMAGED_TOTAL`), as the last
    readings of the assessed year: the sentence still names the result's year when its score is
    lost, and no other reading may be left (a document naming its result nowhere else).  A score
    read whole is :func:`score_statements`'s; a goal of the measures, a year after the fiscal
    year or before the result it answers is no assessed year.

    >>> damaged = Passage("ในปี พ.ศ. ๒๕๖๒ โรงเรียนได้คะแนนรวม ๙๐.๙s คะแนน", 1, None)
    >>> [r.value for r in _damaged_total_years([damaged], 2563)], _damaged_total_years([damaged], 2564)
    ([2562], [])
    >>> _damaged_total_years([Passage("ในปี พ.ศ. ๒๕๖๒ โรงเรียนได้คะแนนรวม ๙๐.๙๑ คะแนน", 1, None)], 2563)
    []
    """
    found: list[_Reading] = []
    for order, passage in enumerate(passages, 1):
        text = passage.text.replace("\n", " ")
        for m in _RE_DAMAGED_TOTAL.finditer(text):
            if re.fullmatch(SCORE_NUMBER, m.group(2)) or _RE_AIM.search(
                text[max(0, m.start() - AIM_REACH) : m.start()]
            ):
                continue
            year = _year(m.group(1))
            if (fiscal_year is not None and year > fiscal_year) or _earlier_than_answered(year, fiscal_year):
                continue
            reading = _Reading(
                year, _year_prov(passage.page, passage.box, m.group(0), m.group(1)), 1000 * order
            )
            reading.why_year(m.group(1))
            reading.add(
                0.005, f"the year of a total whose score OCR could not read ({m.group(2)}; ranks last)"
            )
            found.append(reading)
    return found


def _assessed_year(facts: DocumentFacts, overall: Sequence[_Overall], passages: Sequence[Passage]) -> None:
    readings: list[_Reading] = []
    chosen = facts.candidates.get("overall_score", [])
    for o in overall:
        if o.reading.year is None:
            continue
        best = (
            bool(chosen)
            and chosen[0].chosen
            and chosen[0].source == o.reading.source
            and chosen[0].value == o.reading.value
        )
        # the chosen score, when its own year is older than the result the fiscal year's measures
        # answer, is an earlier result's chosen for want of the assessed one (its score OCR could
        # not read: ``ได้คะแนนรวม ฒญญฒ.๕๘``): its year ranks as another score's
        best = best and not _earlier_than_answered(o.reading.year, facts.fiscal_year)
        # ... and a year after the fiscal year is no result yet, as for a phrase naming one (a Thai
        # ``๔`` read as its look-alike ``๕``: ``ITA ปี พ.ศ. ๒๕๖๕`` in a document of the fiscal year 2564)
        later = facts.fiscal_year is not None and o.reading.year > facts.fiscal_year
        best = best and not later
        source = o.reading.source
        if o.reading.year_doubt:
            source = _prov(source.page, source.box, source.raw, DOUBT_CONFIDENCE)
        reading = _Reading(o.reading.year, source, o.reading.order)
        if o.reading.year_doubt:
            reading.why.append(o.reading.year_doubt)
        # another score's year (an earlier result's, mostly) ranks below a phrase naming the result's
        # year: when OCR lost the chosen score's own year, it would date every indicator a year early
        reading.add(
            10 if best else 0.1,
            "the year of the chosen overall score" if best else f"the year stated with {o.reading.value}",
        )
        if later:
            reading.add(-3, f"after the fiscal year {facts.fiscal_year}: not a result yet")
        if o.aside is not None:
            reading.add(-1, f"the year of an aside comparing {o.reading.value}: not the document's result")
        readings.append(reading)
    for order, passage, text, m in _result_phrases(passages):
        year = _year(m.group(1))
        reading = _Reading(
            year, _year_prov(passage.page, passage.box, m.group(0), m.group(1)), 1000 * order + m.start()
        )
        reading.why_year(m.group(1))
        mended = mended_year(year, facts.fiscal_year)
        if mended is not None:
            reading.why.append(_mended_why(year, mended, facts.fiscal_year or 0))
            reading.source = _prov(
                reading.source.page, reading.source.box, reading.source.raw, DOUBT_CONFIDENCE
            )
            reading.value = year = mended
        if phrase_into_aside(m.group(0)):
            reading.add(-1, "its year is a bracketed aside's, after the phrase stated its own result")
        elif facts.fiscal_year is not None and year > facts.fiscal_year:
            reading.add(-3, f"after the fiscal year {facts.fiscal_year}: not a result yet")
        elif facts.fiscal_year is not None and year == facts.fiscal_year:
            if _RE_AIM.search(text[max(0, m.start() - AIM_REACH) : m.start(1)]):
                reading.add(-3, f"the result the measures of {year} aim at, not one assessed")
            else:  # the result analysed in the year it was assessed: checked as a mismatch
                reading.add(0.01, f"names the result of the fiscal year {year} itself (ranks last)")
        else:
            reading.add(year / 10000, "names an ITA result's year (the latest ranks first)")
        readings.append(reading)
    readings += _damaged_total_years(passages, facts.fiscal_year)
    _no_ita_years(readings)
    _keep(facts, "assessed_year", readings, _best(readings, minimum=0.0))
