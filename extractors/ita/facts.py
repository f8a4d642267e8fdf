"""Document facts from the title block and the intro: agency, address, years, overall score, level.

- **Title**: the centred lines at the top of the first page, up to the line that is only the
  agency's name and address, or the first heading, paragraph or table.
- **Agency**: ``เทศบาลนคร/เมือง/ตำบล…``, ``องค์การบริหารส่วนตำบล/จังหวัด…`` followed by its name;
  the title block is searched first, then the first page.  **District/province**: ``อำเภอ``/``อ.``
  and ``จังหวัด``/``จ.`` in the line that names the agency, else anywhere on the first page.
- **Fiscal year**: ``ปีงบประมาณ (พ.ศ.) YYYY`` in the title, else the first one in the document.
- **Overall score and level**: the first statement such as ``มีผลคะแนน ๗๗.๘๘ คะแนน อยู่ในระดับ B``
  or ``คะแนนรวม 94.59 คะแนน``; the **assessed year** is the year named just before it in the same
  passage (``ประจำปีงบประมาณ พ.ศ. 2565 มีคะแนนรวม …``).  When the text gives no overall, an
  indicator table's ``คะแนนรวม`` cell is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.ita.vocabulary import BE_YEAR, LEVEL, LEVEL_WORDS, SCORE_NUMBER, find_indicator_names
from extractors.thai.text import parse_number, thai_digits_to_arabic
from schemas import BBox, Line, PageText
from schemas.record import DocumentFacts, Provenance

_AGENCY_PREFIX = r"(?:เทศบาลนคร|เทศบาลเมือง|เทศบาลตำบล|องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด)"
_THAI_NAME = r"[\u0E01-\u0E2E\u0E30-\u0E4E]+"
_RE_AGENCY = re.compile(rf"({_AGENCY_PREFIX})\s?({_THAI_NAME})")
_RE_DISTRICT = re.compile(rf"(?:อำเภอ|อ\.)\s*({_THAI_NAME})")
_RE_PROVINCE = re.compile(rf"(?<!ส่วน)(?:จังหวัด|จ\.)\s*({_THAI_NAME})")
_YEAR = f"({BE_YEAR})"
_RE_FISCAL = re.compile(rf"ปีงบประมาณ\s*(?:พ\.\s?ศ\.?)?\s*{_YEAR}")
_RE_ANY_YEAR = re.compile(rf"(?:พ\.\s?ศ\.?|ปีงบประมาณ|ปี|ประจำปี)\s*{_YEAR}(?![0-9๐-๙])")
_NUM = f"({SCORE_NUMBER})"
_LEVEL = LEVEL
_RE_OVERALL = re.compile(
    rf"(?:(?:ได้(?:รับ)?)?(?:ผล)?คะแนน(?:การประเมิน|ITA)?\s*(?:รวม|เฉลี่ย|ภาพรวม)?|คะแนน(?:ประเมิน)?ที่ได้|จำนวน|ได้)\s*"
    rf"(?:เท่ากับ|จำนวน|ได้|=|:)?\s*{_NUM}\s*คะแนน(?P<tail>.{{0,80}})",
)
_RE_LEVEL = re.compile(rf"(?:ระดับ|ผลการประเมิน)\s*(?:ผลการประเมิน)?\s*[“\"']?{_LEVEL}")
# a statement about one indicator is not the overall
_RE_INDICATOR_CONTEXT = re.compile(r"ตัวชี้วัดที่\s*[0-9๐-๙]+[^0-9๐-๙]{0,50}$")

#: Words that end the agency's name when the PDF glued the next word to it.
_NAME_STOPS = ("อำเภอ", "จังหวัด", "ได้", "ประจำ", "ปีงบ", "เพื่อ", "โดย", "มี", "จึง", "ซึ่ง", "ใน", "และ", "ของ")


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph of text with where it is (the intro's sentences span lines)."""

    text: str
    page: int
    box: BBox | None


def _year(text: str) -> int:
    return int(thai_digits_to_arabic(text))


def _prov(page: int, box: BBox | None, raw: str) -> Provenance:
    return Provenance(page=page, box=box, raw=raw)


def _centred(line: Line, width: float) -> bool:
    centre = (line.box.x0 + line.box.x1) / 2
    return abs(centre - width / 2) < 0.08 * width


def _body_width(lines: Sequence[Line], page_width: float) -> float | None:
    """The width of the page's justified body text: the widest line's, if at least two lines are
    that wide (within 5%) and it is most of the page's width; else None."""
    widths = sorted((ln.box.x1 - ln.box.x0 for ln in lines), reverse=True)
    if len(widths) < 2 or widths[0] < 0.6 * page_width or widths[1] < 0.95 * widths[0]:
        return None
    return widths[0]


def title_block(page: PageText) -> list[Line]:
    """The centred lines at the top of the first page (the title and the agency line).

    The block ends at a line that is not centred, at a blank gap, or at a line as wide as the
    justified body text (centred only because it fills the line: OCR's line boxes leave no blank
    gap between the title and the first paragraph)."""
    block: list[Line] = []
    body = _body_width(page.lines, page.width)
    for line in page.lines:
        if line.box.top < 0.06 * page.height and not block:
            continue  # running header, page number
        if not _centred(line, page.width):
            break
        if block and body is not None and line.box.x1 - line.box.x0 >= 0.9 * body:
            break  # a full line of the first paragraph
        if block and line.box.top - block[-1].box.bottom > 1.2 * line.box.height:
            break  # a blank line: the title block is over
        block.append(line)
        if len(block) >= 5:
            break
    return block


def _is_agency_line(text: str) -> bool:
    m = _RE_AGENCY.search(text)
    if not m or m.start() > 2:
        return False
    rest = text[m.end() :].strip()
    return not rest or bool(re.match(r"^(?:อำเภอ|อ\.|จังหวัด|จ\.)", rest))


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
    return m.group(1) + name, m.start(), m.start() + len(m.group(1)) + len(name)


def read_facts(pages: Sequence[PageText], passages: Sequence[Passage]) -> DocumentFacts:
    """The document's facts from its first page's title block and its passages (in order)."""
    facts = DocumentFacts()
    first = next((p for p in pages if p.lines), None)
    block = title_block(first) if first else []
    title_lines: list[Line] = []
    for line in block:
        if _is_agency_line(line.text) or re.match(r"^[0-9๐-๙]+\s*\.", line.text):
            break
        title_lines.append(line)
    if title_lines and first:
        facts.title = " ".join(line.text for line in title_lines)
        box = title_lines[0].box
        for line in title_lines[1:]:
            box = box.union(line.box)
        facts.sources["title"] = _prov(first.number, box, "\n".join(line.raw for line in title_lines))

    _agency_and_address(facts, block, first, passages)

    for line in title_lines:
        m = _RE_FISCAL.search(line.text)
        if m and first:
            facts.fiscal_year = _year(m.group(1))
            facts.sources["fiscal_year"] = _prov(first.number, line.box, line.raw)
            break
    if facts.fiscal_year is None:
        for passage in passages:
            m = _RE_FISCAL.search(passage.text)
            if m:
                facts.fiscal_year = _year(m.group(1))
                facts.sources["fiscal_year"] = _prov(passage.page, passage.box, m.group(0))
                break

    _overall(facts, passages)
    return facts


def _agency_and_address(
    facts: DocumentFacts, block: Sequence[Line], first: PageText | None, passages: Sequence[Passage]
) -> None:
    candidates: list[tuple[str, int, BBox | None, str]] = []
    for line in block:
        if first:
            candidates.append((line.text, first.number, line.box, line.raw))
    candidates += [(p.text, p.page, p.box, p.text) for p in passages[:40]]
    for text, page, box, raw in candidates:
        found = agency_name(text)
        if not found:
            continue
        name, _start, end = found
        facts.agency = name
        facts.sources["agency"] = _prov(page, box, raw)
        tail = text[end : end + 80]
        for attr, regex in (("district", _RE_DISTRICT), ("province", _RE_PROVINCE)):
            m = regex.match(tail.strip()) or regex.search(tail)
            if m:
                setattr(facts, attr, m.group(1))
                facts.sources[attr] = _prov(page, box, raw)
        break
    if facts.province is None or facts.district is None:
        for text, page, box, raw in candidates:
            for attr, regex in (("district", _RE_DISTRICT), ("province", _RE_PROVINCE)):
                m = regex.search(text)
                if m and getattr(facts, attr) is None:
                    setattr(facts, attr, m.group(1))
                    facts.sources[attr] = _prov(page, box, raw)


def _overall(facts: DocumentFacts, passages: Sequence[Passage]) -> None:
    for passage in passages:
        text = passage.text.replace("\n", " ")
        for m in _RE_OVERALL.finditer(text):
            near = text[max(0, m.start() - 60) : m.start()]
            if _RE_INDICATOR_CONTEXT.search(near) or find_indicator_names(near[-30:]):
                continue
            value = parse_number(m.group(1))
            level = _RE_LEVEL.search(m.group("tail"))
            before = text[max(0, m.start() - 80) : m.start()]
            strong = any(w in m.group(0) for w in ("รวม", "ผลคะแนน", "เฉลี่ย")) or "ผลการประเมิน" in before
            if value is None or not 0 <= value <= 100 or not (level or strong):
                continue
            facts.overall_score = value
            facts.sources["overall_score"] = _prov(passage.page, passage.box, m.group(0).strip())
            if level:
                facts.level = LEVEL_WORDS.get(level.group(1), level.group(1))
                facts.sources["level"] = _prov(passage.page, passage.box, level.group(0))
            years = list(_RE_ANY_YEAR.finditer(text[: m.start()]))  # the nearest year before, same passage
            if years:
                facts.assessed_year = _year(years[-1].group(1))
                facts.sources["assessed_year"] = _prov(passage.page, passage.box, years[-1].group(0))
            return
