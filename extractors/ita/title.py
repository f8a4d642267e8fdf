"""The title of a document: the centred lines at the top of its first page, without page numbers
and running headers, joined as they were written.

- **Page numbers and running headers** are passed over as :mod:`extractors.thai.page_furniture`
  finds them (every room imports them from there).
- **The title block**: the centred lines at the top of the page (page numbers and running headers
  passed over), up to a line that is not centred, a blank gap, a separator, or the first line of a
  paragraph.
- **Joining**: Thai lines break between words; a line after which the next line's first word would
  not have fitted was wrapped inside a phrase and joins the next as a wrapped line does (no space);
  other lines were broken at a space or by the author and take one space.
- **Spaces OCR put inside a fixed phrase** (``มาตรการ ส่งเสริมคุณธรรม…``: a wide letter of a bold
  title font leaves a gap Tesseract takes for a space) are taken out of a title read by OCR: Thai
  writes the ITA's fixed phrases (:data:`~extractors.ita.vocabulary.ITA_PHRASES`) without one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from extractors.ita.vocabulary import ITA_PHRASES
from extractors.thai.page_furniture import is_page_number
from extractors.thai.text import join_wrapped_lines
from schemas import Line, PageText

# --- the title ----------------------------------------------------------------------------------


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


def _is_rule(text: str) -> bool:
    """A line of dots, dashes or underscores (a separator under a heading)."""
    stripped = text.replace(" ", "")
    return len(stripped) >= 3 and not re.search(r"[\u0E01-\u0E4E0-9A-Za-z๐-๙]", stripped)


def title_block(page: PageText, skip: frozenset[int] | set[int] = frozenset()) -> list[Line]:
    """The centred lines at the top of a page (the title and the agency line).

    Lines whose index is in ``skip`` (running headers) and page-number lines are passed over.  The
    block ends at a line that is not centred, at a blank gap (wider than the block's tallest line),
    at a separator line, or at a line as wide as the justified body text that is not centred on the
    text exactly (a title wrapped over the full width is; the first line of a paragraph, indented,
    is not, and OCR's line boxes leave no blank gap between the title and it), or at a line that
    ends at the right margin but is not centred on the text (an indented paragraph's first line:
    a title line that long would reach the left margin too)."""
    block: list[Line] = []
    body = _body_width(page.lines, page.width)
    left = min((ln.box.x0 for ln in page.lines), default=0.0)
    right = max((ln.box.x1 for ln in page.lines), default=page.width)
    for i, line in enumerate(page.lines):
        if i in skip or is_page_number(line.text):
            continue
        if line.box.top < 0.06 * page.height and not block:
            continue  # a header in the top margin
        if _is_rule(line.text):
            if block:
                break
            continue
        if not _centred(line, page.width):
            break
        wide = body is not None and line.box.x1 - line.box.x0 >= 0.9 * body
        off_centre = abs((line.box.x0 + line.box.x1) / 2 - (left + right) / 2) > 0.02 * (right - left)
        if block and wide and off_centre:
            break  # a full line of the first paragraph
        if block and off_centre and line.box.x0 - left < 0.05 * (right - left):
            break  # a line that starts at the left margin: the first paragraph's
        if block and off_centre and right - line.box.x1 < 0.01 * (right - left):
            break  # a line that ends at the right margin, indented: a justified paragraph's first
        tallest = max(ln.box.height for ln in [*block, line])
        if block and line.box.top - block[-1].box.bottom > 1.2 * tallest:
            break  # a blank line: the title block is over
        block.append(line)
        if len(block) >= MAX_TITLE_LINES:
            break
    return block


#: The most lines a title block (title and agency line) may have.
MAX_TITLE_LINES = 8


#: The least width of a space, as a share of a line's height: a word set after a line's last word
#: takes a space before it (Thai fonts' spaces are about a quarter of an em; a line is taller than
#: an em), so a line that leaves room for the next word but not for the space was wrapped.
SPACE_SHARE = 0.2


def join_title(lines: Sequence[Line], text_width: float) -> str:
    """The title's lines as one line.  Thai lines break between words: a line after which the next
    line's first word, with a space before it (``SPACE_SHARE``), would not have fitted was wrapped
    inside a phrase, and goes on into the next as a wrapped line joins (Thai without a space).  A
    line that left room for that word was broken at a space or by the author: one space joins them."""
    out = ""
    for k, line in enumerate(lines):
        text = line.text.strip()
        prev = lines[k - 1] if k else None
        if prev is None:
            out = text
        elif prev.box.width + SPACE_SHARE * prev.box.height + _first_word_width(
            line
        ) > text_width and not opens_phrase(out, text):
            out = join_wrapped_lines([out, text], [prev.ends_with_space, line.ends_with_space])
        else:
            out = f"{out} {text}"
    if any(line.confidence is not None for line in lines):  # read by OCR
        out = with_subject_spaced(without_spaces_in_phrases(out))
    return without_marks_on_digits(out)


def with_subject_spaced(text: str) -> str:
    """An announcement's title (``ประกาศ… เรื่อง …``) with the space after its ``เรื่อง``, the word
    that opens its subject, where OCR lost it (a narrow gap): Thai sets the subject apart by one.

    >>> with_subject_spaced("ประกาศสำนักงานพัฒนาชุมชนจังหวัดยโสธร เรื่องการวิเคราะห์ผลการประเมิน")
    'ประกาศสำนักงานพัฒนาชุมชนจังหวัดยโสธร เรื่อง การวิเคราะห์ผลการประเมิน'
    >>> with_subject_spaced("รายงานผลการดำเนินงานเรื่องการเปิดเผยข้อมูล")  # no announcement: as read
    'รายงานผลการดำเนินงานเรื่องการเปิดเผยข้อมูล'
    """
    if not text.startswith("ประกาศ"):
        return text
    m = re.search(r"\s?เรื่อง(?=[\u0E01-\u0E2E])", text)
    if m is None:
        return text
    return f"{text[: m.start()]} เรื่อง {text[m.end() :]}"


@functools.cache
def _spaced_phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each fixed phrase, longest first, as a pattern that allows one space between any two of its
    letters."""
    ordered = sorted(ITA_PHRASES, key=len, reverse=True)
    return tuple((re.compile(" ?".join(re.escape(ch) for ch in phrase)), phrase) for phrase in ordered)


def without_spaces_in_phrases(text: str) -> str:
    """``text`` with the spaces inside a fixed phrase (:data:`ITA_PHRASES`) taken out.

    >>> without_spaces_in_phrases("มาตรการ ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ")
    'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ'
    >>> without_spaces_in_phrases("การประเมินคุณธรรมและความโปร่งใส และมาตรการ")  # between phrases: kept
    'การประเมินคุณธรรมและความโปร่งใส และมาตรการ'
    """
    if " " not in text:
        return text
    for pattern, phrase in _spaced_phrases():
        text = pattern.sub(phrase, text)
    return text


_RE_MARK_ON_DIGIT = re.compile(r"(?<=[0-9๐-๙])[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]+")


def without_marks_on_digits(text: str) -> str:
    """``text`` without the Thai marks OCR set on a digit (a speck above a year read as a tone
    mark: ``๒๕๖๗่``): a vowel or tone mark sits on a consonant, never on a digit, so no Thai reader
    reads one there.

    >>> without_marks_on_digits("ประจำปีงบประมาณ พ.ศ. ๒๕๖๗่"), without_marks_on_digits("ปี 2566ี้ ที่")
    ('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗', 'ปี 2566 ที่')
    >>> without_marks_on_digits("ที่ผ่านมา ๗๕.๘๔")
    'ที่ผ่านมา ๗๕.๘๔'
    """
    return _RE_MARK_ON_DIGIT.sub("", text)


#: The words that open a phrase of an ITA title (the year phrase, the subject of an announcement,
#: the measures half of "analysis … and measures …"); Thai separates a title's phrases by a space.
TITLE_PHRASE_HEADS: tuple[str, ...] = ("ประจำปี", "พ.ศ.", "เรื่อง ", "และมาตรการ", "และแนวทาง")


def opens_phrase(before: str, line: str) -> bool:
    """Where the next line's first word would not have fitted on the line before, the break may be
    a wrap (Thai: no space) or the author's own break between phrases (a space): both readings
    fit the geometry.  The words choose: a line that opens a title phrase, or Thai that follows a
    Latin word or a closing bracket (Thai does not glue its letters to them), takes the space.

    >>> opens_phrase("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "ประจำปีงบประมาณ พ.ศ. 2563")
    True
    >>> opens_phrase("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนิน", "งานของหน่วยงานภาครัฐ (ITA)")
    False
    >>> opens_phrase("ของหน่วยงานภาครัฐ (ITA)", "และการพัฒนา"), opens_phrase("ความโปร่งใส และ", "มาตรการส่งเสริม")
    (True, False)
    """
    before, line = before.rstrip(), line.lstrip()
    if not before or not line:
        return False
    if line.startswith(TITLE_PHRASE_HEADS):
        return True
    latin_before = before[-1] in ")]" or (before[-1].isascii() and before[-1].isalpha())
    return latin_before and _is_thai_letter(line[0])


def _is_thai_letter(ch: str) -> bool:
    """A character a Thai word can start with: a consonant or a leading vowel."""
    return "\u0e01" <= ch <= "\u0e2e" or "\u0e40" <= ch <= "\u0e44"


def _first_word_width(line: Line) -> float:
    """About how wide the first word of ``line`` is printed: its first run of letters, cut to its
    first dictionary word, in proportion to the letters (marks take no room).

    The run is the line's first word as its text reads, printed by as many of its words as it
    takes to hold it: OCR may have cut a word where its letters are spread (``การดำเนินง`` ``าน``
    for ``การดำเนินงาน``), and the piece would be taken for a shorter first word.

    >>> from schemas import BBox, Word
    >>> pieces = (Word("หน่วยง", "", BBox(0, 0, 60, 10)), Word("าน", "", BBox(64, 0, 80, 10)))
    >>> round(_first_word_width(Line("หน่วยงาน ประจำปี", "", BBox(0, 0, 200, 10), pieces)))
    80
    """
    from extractors.thai.words import tokenize

    first = line.text.split()[0] if line.text.split() else ""
    if not line.words or not line.words[0].text or not first:
        return line.box.width
    held, box, printed = 0, line.words[0].box, 0
    for word in line.words:
        box = box.union(word.box)
        held += _spacing(word.text)
        printed += 1
        if held >= _spacing(first):
            break
    if printed == 1:
        first = line.words[0].text
    words = [w for w in tokenize(first) if w.strip()]
    if not words:
        return box.width
    return box.width * _spacing(words[0]) / max(_spacing(first), 1)


def _spacing(text: str) -> int:
    """The characters of ``text`` that take room on the line (not marks)."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def text_width(page: PageText) -> float:
    """The width the page's text runs over: from its leftmost to its rightmost line."""
    return max((ln.box.x1 for ln in page.lines), default=page.width) - min(
        (ln.box.x0 for ln in page.lines), default=0.0
    )


def title_page(pages: Sequence[PageText]) -> PageText | None:
    """The page the title is on: the first page with text (an announcement cover's heading,
    ``ประกาศ… เรื่อง …``, is the title of the document it covers)."""
    return next((p for p in pages if p.lines), None)
