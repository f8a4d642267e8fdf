"""The ten ITA indicators and their scores, from indicator tables and from prose.

Three shapes are read:

- **Row tables**: one row per indicator, grouped under ``IIT``/``EIT``/``OIT`` caption rows; the
  indicator named by number and/or name (matched to the canonical ten by
  :func:`~extractors.ita.vocabulary.match_indicator_name`), one or more score columns.
- **Column tables**: a header row numbered ``1 … 10`` and a row labelled ``คะแนน`` under it.
- **Several years** (``คะแนน ๒๕๖๔ | คะแนน ๒๕๖๕ | ผลต่าง``, ``ปี 2567 | ปี 2568 | เพิ่มขึ้น/ลดลง``, or
  rows ``คะแนนปี 2566`` / ``คะแนนปี 2567``): the assessed year's column (or row) gives the scores,
  that year being the one the text names as assessed if the table has it, else the latest; the
  nearest earlier year is kept on each indicator as ``previous``; a column of differences (its
  header says ``ผลต่าง``, ``เพิ่มขึ้น/ลดลง``, ``+/-``, or its numbers carry signs) is neither.  A table
  whose header the stitcher did not recognise is read too when a leading row names the years and
  at least half of the ten indicators have a score in it.
- **Prose**, in cells or paragraphs: ``แบบ IIT ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ มีคะแนน 95.84``,
  ``การป้องกันการทุจริต (ตัวชี้วัดที่ 10 ได้ 93.75 คะแนน)``.  An indicator is anchored by
  ``ตัวชี้วัดที่ N`` or by its name; its score is the first number after the anchor (and before
  the next anchor) that reads as a score: with two decimals, or followed or preceded by ``คะแนน``.

Tables win over prose.  The same indicator read twice with different scores for one year keeps
the first reading and reports the conflict; nothing is averaged or guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from extractors.ita.facts import FIRST_ITA_YEAR
from extractors.ita.vocabulary import (
    BY_NUMBER,
    RE_INDICATOR_NUMBER,
    SCORE_NUMBER,
    find_indicator_names,
    fold,
    indicator_mentions,
    level_code,
    match_indicator_name,
    skeleton,
    year_in,
)
from extractors.thai.text import MARKS, join_wrapped_lines, parse_number, thai_digits_to_arabic
from schemas import BBox, LogicalRow, LogicalTable
from schemas.record import Indicator, PreviousScore, Provenance

_NUM = SCORE_NUMBER
_RE_SCORE_CELL = re.compile(rf"^\s*({_NUM})\s*(?:คะแนน)?\s*$")
_RE_DECIMAL = re.compile(r"^\s*[0-9๐-๙]{1,3}\.[0-9๐-๙]{1,2}\s*$")
_RE_LEADING_NUMBER = re.compile(r"^\s*([0-9๐-๙]{1,2})(?:\s*[.)]|\s+|$)")
#: A score in running text: a whole number, not the head of a longer one (``๕๐`` of ``๕๐.๕๓๕``).
_RE_PROSE_SCORE = re.compile(
    rf"(?<![0-9๐-๙.])({_NUM})(?![0-9๐-๙]|\.[0-9๐-๙])(\s*คะแนน)?",
)
_SCORE_CUES = ("คะแนน", "ได้", "=", ":")
#: How far after an indicator's bare name (no ``ตัวชี้วัดที่ N``) its score may stand.
NAME_REACH = 30
#: A table the stitcher did not recognise as an indicator table is one if it scores this many.
MIN_UNRECOGNISED = 5
_DIFF_WORDS = ("ผลต่าง", "ส่วนต่าง", "เพิ่มขึ้น", "ลดลง", "เปลี่ยนแปลง", "ผลเปรียบเทียบ")
#: A column headed so holds targets for a year to come, not scores.
_TARGET_WORDS = ("เป้าหมาย", "ตั้งเป้า", "คาดการณ์")
_RE_SIGNED = re.compile(r"^\s*[+\-–−±]\s*[0-9๐-๙]")
#: Fields of columns that never hold scores.
_NOT_SCORES = frozenset({"indicator", "instrument", "seq", "level", "diff", "issue", "measure", "steps"})


@dataclass(frozen=True, slots=True)
class TableFacts:
    """Overall score and level printed inside an indicator table (``คะแนนรวม``/``ระดับ`` cells)."""

    overall_score: float | None
    overall_raw: str | None
    level_raw: str | None
    page: int
    box: BBox | None
    year: int | None = None  #: the year of the column (or row) they were read from
    previous: TableFacts | None = None  #: the same for the earlier year, in a two-year table


#: A line of a cell that is only strokes: a ruling's remnant OCR read beside a number (``73.78\n|``),
#: or Latin letters with them and no digit: a stamp's arc across the cell's foot read as a word
#: (``80.09\np one``).  A line with a digit or a Thai letter is no remnant.
_RE_REMNANT_LINE = re.compile(r"[\sA-Za-z|/\\~_\-–—.,:;'\"`!]*")


#: Strokes OCR read before a signed difference (``, +๑๗.๓๐``, ``\\ +๘.๘๔``): a ruling, a stamp's arc.
_RE_STROKES_BEFORE = re.compile(r"[\s|/\\~_'\"`=:;!,.“”‘’]*")


#: Strokes a stamp's ring or a ruling beside a number is read as (a character class's contents).
_STROKES = r"|/\\~_'\"`=:;!"
#: Strokes OCR read before a score in its own line (a stamp's ring, a ruling: ``'= ๗๑.๐๕``); no sign.
_RE_REMNANT_LEAD = re.compile(rf"^[\s{_STROKES}]+(?=[0-9๐-๙])")
#: ... or Latin letters and dots with them, apart from a score of two whole digits (``A.. . 50.16``:
#: a stamp's arc read as letters); a letter touching the number, or before a shorter one
#: (``l 5.16``), may be a digit the English model read, and the cell stays unread.
_RE_LETTERS_LEAD = re.compile(
    rf"^[\s.,{_STROKES}]*[A-Za-z][\sA-Za-z.,{_STROKES}]*\s(?=[0-9๐-๙]{{2}}[.,][0-9๐-๙]{{2}}\s*$)"
)
#: ... and after it, on the same line (``51.81 / | ,``: a stamp's ring or a ruling beside the number).
_RE_REMNANT_TRAIL = re.compile(rf"(?<=[0-9๐-๙])\s+[{_STROKES},]+(?:\s*[{_STROKES},]+)*\s*$")


def _score(text: str) -> float | None:
    """The score a cell holds, lines of ruling remnants and strokes before it aside.

    >>> _score("73.78"), _score("73.78\\n|"), _score("๘๙.๖๕ คะแนน"), _score("| ~")
    (73.78, 73.78, 89.65, None)
    >>> _score("'= ๗๑.0๕"), _score("-7.55"), _score("+2.50")
    (71.05, None, None)
    >>> _score("51.81 / | ,"), _score("~ ~ \\\\87.70"), _score("51.81 /100"), _score("51.81.")
    (51.81, 87.7, None, None)
    >>> _score("80.09\\np one"), _score("80.09\\nคะแนนรวม"), _score("80.09\\n75.10"), _score("N/A")
    (80.09, None, None, None)
    >>> _score("A.. . 50.16"), _score("l 5.16"), _score("l5.16"), _score("ก 50.16")
    (50.16, None, None, None)
    """
    if "\n" in text:
        text = "\n".join(ln for ln in text.split("\n") if not _RE_REMNANT_LINE.fullmatch(ln))
    text = _RE_LETTERS_LEAD.sub("", text)
    m = _RE_SCORE_CELL.match(_RE_REMNANT_TRAIL.sub("", _RE_REMNANT_LEAD.sub("", text)))
    return parse_number(m.group(1)) if m else None


def score_as_read(text: str) -> float | None:
    """The score a cell's text reads as, as printed (None when it reads as none): an indicator
    read by OCR whose score is not this was settled otherwise (:func:`reshaped_score`,
    :func:`from_difference`), and is checked by hand.

    >>> score_as_read("92.41%"), score_as_read("๙๒.๔๑ คะแนน"), score_as_read("ภรง")
    (92.41, 92.41, None)
    """
    return _score(text.strip().removesuffix("%"))


def reshaped_score(raw: str, decimals: int | None) -> float | None:
    """A score OCR read with a stray point, comma or space among its digits (``61 .4.3``, ``8.3.02``,
    ``94,67``: no ITA score has a thousands' comma), or
    with its point lost (``6143``, a chart's value too small for the point to survive), given the
    decimals every other score of its column has: four digits with two decimals are one score
    only (``61.43``), the digits as read.  None for anything else.

    >>> reshaped_score("61 .4.3", 2), reshaped_score("8.3.02", 2), reshaped_score("๗๑ .๓.๕", 2)
    (61.43, 83.02, 71.35)
    >>> reshaped_score("6143", 2), reshaped_score("61 .4.3", None), reshaped_score("6.1.4.3.2", 2)
    (61.43, None, None)
    >>> reshaped_score("614", 2), reshaped_score("61436", 2), reshaped_score("94,67", 2)
    (None, None, 94.67)
    """
    if decimals != 2 or not re.fullmatch(r"[0-9๐-๙][0-9๐-๙ .,]*[0-9๐-๙]", raw.strip()):
        return None
    digits = thai_digits_to_arabic(re.sub(r"[ .,]", "", raw))
    if len(digits) != 4:
        return None
    return float(f"{digits[:2]}.{digits[2:]}")


#: No ITA score is higher.
MAX_SCORE = 100.0

#: A cell's characters beside its one number that may be specks (a stamp's arc, a ruling) at most.
MAX_SPECKS = 3
#: Four digits, perhaps a comma for the point, with at most two specks beside them (``7434 -``).
_BESIDE = rf"[\s{_STROKES}\-]{{0,2}}"
_RE_FOUR_DIGITS = re.compile(rf"{_BESIDE}\s*([0-9๐-๙]{{2}},?[0-9๐-๙]{{2}})\s*{_BESIDE}")
#: A line of a cell with no digit and at most this many characters is a speck's (a stamp's stroke).
SPECK_LINE = 2
_RE_DIGIT = re.compile(r"[0-9๐-๙]")


def score_amid_specks(raw: str, shape: tuple[int, int] | None) -> float | None:
    """The one score of a cell OCR read with specks about it (``- ๗๒.๓๖าว``: a stamp's arc across
    the cell read as a dash and letters): one number of the shape every other score of its column
    has (:func:`usual_shape`: digits before and after the point; ``(2, 2)``, as ITA scores are
    printed, when no other score says), no other digit, and at most :data:`MAX_SPECKS`
    characters beside it.  None for anything else: a word, a second number, or a number short of
    the shape, whose lost digits OCR read as the letters beside it (``ณ๓.๒๕`` for ``๙๖.๒๕``).

    >>> score_amid_specks("- ๗๒.๓๖าว", (2, 2)), score_amid_specks("|72.36 ~", None)
    (72.36, 72.36)
    >>> score_amid_specks("ณ๓.๒๕", (2, 2)), score_amid_specks("ฆ ๗.๕๕", None)
    (None, None)
    >>> score_amid_specks("7 72.36", None), score_amid_specks("ลดลง 2.35", (1, 2))
    (None, None)
    >>> score_amid_specks("72.3 ว", None), score_amid_specks("72.3 ว", (2, 1))
    (None, 72.3)

    Lines of their own that hold no digit and at most :data:`SPECK_LINE` characters (a stamp's
    strokes under the score read as ``ya`` / ``/`` / ``fs``) are specks however many there are.

    >>> score_amid_specks("61.61\\nya\\n/\\nfs", (2, 2)), score_amid_specks("61.61\\nคะแนน\\nfs", (2, 2))
    (61.61, None)

    Under a score printed in Thai digits, lines with no Thai digit and no word are a stamp's ring
    and ticks (:func:`_ring_line`), though OCR read digits of the other script in them:

    >>> score_amid_specks("๗๐.๐๗\\n| /”\\n| 070\\n“น\\n|", (2, 2)), score_amid_specks("70.07\\n| 070", (2, 2))
    (70.07, None)
    """
    lines = raw.split("\n")
    if len(lines) > 1:
        raw = "\n".join(ln for ln in lines if _RE_DIGIT.search(ln) or len("".join(ln.split())) > SPECK_LINE)
        lines = raw.split("\n")
    if len(lines) > 1 and _RE_THAI_SCORE.search(lines[0]):
        # a stamp's ring and ticks under a score printed in Thai digits, read as ``| 070`` / ``| /”``
        raw = "\n".join([lines[0], *(ln for ln in lines[1:] if not _ring_line(ln))])
    numbers = list(re.finditer(r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?", raw))
    if len(numbers) != 1:
        return None
    number = numbers[0].group(0)
    rest = "".join((raw[: numbers[0].start()] + raw[numbers[0].end() :]).split())
    if number_shape(number) != (shape or (2, 2)):
        return None
    return parse_number(number) if len(rest) <= MAX_SPECKS else None


#: A score printed in Thai digits.
_RE_THAI_SCORE = re.compile(r"[๐-๙]+\.[๐-๙]+")


def _ring_line(line: str) -> bool:
    """Whether a line under a score printed in Thai digits is a stamp's ring and ticks read as
    text: no Thai digit (the score's script) and no two letters together (a word).

    >>> _ring_line("| 070"), _ring_line("| /”"), _ring_line("“น"), _ring_line("๗๐"), _ring_line("คะแนน")
    (True, True, True, False, False)
    """
    return not re.search(r"[๐-๙]", line) and not re.search(r"[ก-ฮ]{2}|[A-Za-z]{2}", line)


def number_shape(number: str) -> tuple[int, int] | None:
    """Digits before and after the point of a number with a point (None without one)."""
    whole, point, fraction = number.partition(".")
    return (len(whole), len(fraction)) if point else None


def usual_shape(values: Sequence[str]) -> tuple[int, int] | None:
    """The shape (digits before and after the point) that every score of a column with a point has,
    when they agree (one is enough: a column a page break left two rows of); None otherwise.

    >>> usual_shape(["๘๓.๑๘", "- ๗๒.๓๖าว"]), usual_shape(["83.18", "100.00"]), usual_shape(["", "x"])
    ((2, 2), None, None)
    """
    found = {number_shape(v.strip()) for v in values if _RE_DECIMAL.match(v)}
    return found.pop() if len(found) == 1 else None


def common_shape(values: Sequence[str]) -> tuple[int, int] | None:
    """The shape most of a column's scores with a point have, when at least
    :data:`MIN_FORMAT_SCORES` + 1 do and they are more than half (one misread score, ``๑.๒๑``
    among ``๖๘.๐๘ … ๗๓.๐๖``, does not hide it as it hides :func:`usual_shape`).

    >>> common_shape(["๖๘.๐๘", "๗๖.๒๑", "๑.๒๑", "๘๑.๒๐"]), common_shape(["68.08", "1.21"])
    ((2, 2), None)
    """
    found = [number_shape(v.strip()) for v in values if _RE_DECIMAL.match(v)]
    best = max(set(found), key=found.count, default=None)
    if best is None or found.count(best) <= MIN_FORMAT_SCORES or found.count(best) <= len(found) / 2:
        return None
    return best


#: Fewer scores than this with one number of decimals say nothing of a column's format.
MIN_FORMAT_SCORES = 2


def column_decimals(values: Sequence[str]) -> int | None:
    """The decimals most scores of a column have, when at least :data:`MIN_FORMAT_SCORES` have
    them (a chart photographed small may keep the points of two values only: ``8314 … 83.30 …
    61.10``).

    >>> column_decimals(["75.15", "61 .4.3", "81.96", "85.14"]), column_decimals(["75.1", "81.96"])
    (2, None)
    >>> column_decimals(["8314", "83.30", "61.10"]), column_decimals(["83.3", "83.30", "61.10"])
    (2, 2)
    """
    found = [len(v.strip().split(".")[1]) for v in values if _RE_DECIMAL.match(v)]
    best = max(set(found), key=found.count, default=None)
    if best is None or found.count(best) < MIN_FORMAT_SCORES or found.count(best) <= len(found) / 2:
        return None
    return best


def _indicator_of_row(row: LogicalRow, cols: Sequence[int]) -> tuple[int | None, str | None]:
    """The indicator a row names (number, name as printed) from its indicator columns."""
    number: int | None = None
    name: str | None = None
    for col in cols:
        text = row.text(col).strip()
        if not text:
            continue
        anchored = RE_INDICATOR_NUMBER.match(text.strip())  # "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"
        if anchored:
            text = f"{anchored.group(1)} {text.strip()[anchored.end() :].strip()}"
        lead = _RE_LEADING_NUMBER.match(text)
        rest = text[lead.end() :].strip() if lead else text
        if lead and number is None:
            number = int(thai_digits_to_arabic(lead.group(1)))
        if rest and name is None and fold(rest):
            name = rest
    named = find_indicator_names(name) if name else []
    by_name = (
        named[0][0]
        if len({n for n, _s, _e in named}) == 1
        else (match_indicator_name(name) if name else None)
    )
    if by_name is not None:
        return by_name, name
    if number is not None and number in BY_NUMBER:
        return number, name
    whole = " ".join(t for t in (row.text(c).strip() for c in cols) if t)
    if len(cols) > 1 and whole != (name or ""):
        # A name cut by a ruling that is none (``ตัว | วัดที 1 การปฏิบัติหน้าที่``): read whole.
        found = {n for n, _s, _e in find_indicator_names(whole)}
        if len(found) == 1:
            return found.pop(), whole
    return None, name


def is_difference(header: str, values: Sequence[str] = ()) -> bool:
    """A column of differences between years: its header says so, or, under a header that names
    no score, most of its numbers carry a sign.  A column headed as the score (``คะแนนที่ได้``) is
    the score whatever OCR read before its numbers: a stroke read as a minus (``- ๗๒.๓๖``) in a
    short column's cells is no sign of differences.

    >>> is_difference("เพิ่มขึ้น/ลดลง"), is_difference("ผลต่าง (+/-)"), is_difference("", ["+2.93", "-0.42"])
    (True, True, True)
    >>> is_difference("คะแนน ๒๕๖๕", ["91.05", "87.90"]), is_difference("คะแนนที่ได้", ["๘๓.๑๘", "- ๗๒.๓๖"])
    (False, False)
    """
    key = fold(header)
    if any(w in key for w in _DIFF_WORDS) or re.search(r"\+\s*/?\s*-|±", header):
        return True
    if "คะแนน" in key:
        return False
    filled = [v for v in values if v.strip()]
    return bool(filled) and sum(bool(_RE_SIGNED.match(v)) for v in filled) >= 0.5 * len(filled)


#: A header cell with a year word (after any specks OCR put before it) that names no year: its
#: year read as letters (``ปีwade``) or with a stray point (``.ปี ๒๕.๖๗``); or ``ปี`` whose vowel
#: OCR read as another mark, or lost, right before digits (``ป๊๒๕55``, ``ป ๒๕.๖๖``).
_RE_YEAR_WORD_ONLY = re.compile(
    r"[\s.,:;'`|]*(?:ปี|พ\.ศ\.|ป[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?\s*(?=[0-9๐-๙]))"
)


def _headers(table: LogicalTable) -> tuple[list[str], int]:
    """Each column's header text, and how many of the table's rows are a header the stitcher did
    not recognise: a leading row that names a year in two columns or more (or in one, beside a
    year word whose year OCR did not read, or as the first row of a table with no header at all:
    ``แมแมแบฐา | - -ย26- | ปี2563 | เพ็มซ๊เตัสตลง``, a shaded header OCR damaged) and holds no
    score.  The year read there dates its column, whatever year the text names."""
    if any(year_in(t) for t in table.header):
        return list(table.header), 0
    for k, row in enumerate(table.rows[:2]):
        texts = [row.text(c) for c in range(len(table.fields))]
        if any(_score(t) is not None for t in texts):
            break
        dated = sum(1 for t in texts if year_in(t))
        # one year may be all OCR read of two: ``ปีwade`` (a year word, its year read as letters)
        # beside ``ปี ๒๕๖๒``
        unread = sum(1 for t in texts if not year_in(t) and _RE_YEAR_WORD_ONLY.match(t))
        headless = k == 0 and not any(h.strip() for h in table.header)
        if dated >= 2 or (dated == 1 and (unread or headless) and not row.full_width):
            return [f"{h} {t}".strip() for h, t in zip(table.header, texts, strict=True)], k + 1
    return list(table.header), 0


def _score_columns(table: LogicalTable, rows: Sequence[LogicalRow], headers: Sequence[str]) -> list[int]:
    """Score columns (headed as scores, or by a year) whose cells mostly read as numbers;
    columns of differences left out.  In a table the stitcher did not recognise, a column whose
    header names nothing it knows (a header OCR could not read) may be one too: such a table
    counts only if it scores :data:`MIN_UNRECOGNISED` indicators (:func:`from_row_table`); so may
    a column whose damaged header reads as an item number's (``ที่ไ๒`` for ``คะแนนที่ได้``) but
    whose cells are scores with decimals, which no item number has; and, in any table, a column of
    scores with decimals headed by a year word whose year OCR could not read (``ปี2565688`` for
    ``ปี2568``): :func:`years_by_place` dates it."""
    cols = []
    for col, name in enumerate(table.fields):
        filled = [row for row in rows if row.text(col).strip()]
        # a year-headed column's header repeated on the next page (``ปี ๒๕๖๕``) is none of its
        # values; its cells OCR damaged (``๘อ.๒๓``) are numbers still, as a score column's are
        dated = year_in(headers[col]) is not None
        if dated:
            filled = [r for r in filled if _score(r.text(col)) is not None or year_in(r.text(col)) is None]
        values = [row.text(col) for row in filled]
        decimal = _mostly_decimals(values)
        unnamed = table.kind != "indicators" and (name is None or (name == "seq" and decimal))
        # a year word whose year OCR could not read (``ปี2565688``): dated by its place, if scores
        undated = decimal and name is None and year_in(headers[col]) is None
        undated = undated and bool(_RE_YEAR_WORD_ONLY.match(headers[col]))
        if (name in _NOT_SCORES and not unnamed) or (
            name != "score" and year_in(headers[col]) is None and not (unnamed or undated)
        ):
            continue
        if is_difference(headers[col], values) or any(w in fold(headers[col]) for w in _TARGET_WORDS):
            continue
        if unnamed and not decimal:
            continue  # unheaded: only scores as printed with their decimals (not item numbers)
        numbers = sum(
            _score(r.text(col)) is not None
            or (name == "score" and _misread_number(r, col))
            or (dated and _damaged_score(r, col))
            for r in filled
        )
        if values and numbers >= 0.6 * len(values) and any(_score(v) is not None for v in values):
            cols.append(col)
    return cols


def _misread_number(row: LogicalRow, col: int) -> bool:
    """A cell read by OCR whose text is no score but holds two digits or more (``๕6๐.๓๒``,
    ``ต่อ.๘๙``): a number OCR damaged, which still says its column is one of numbers."""
    read_by_ocr = any(p.confidence is not None for p in row.cells.get(col, []))
    return read_by_ocr and len(re.findall(r"[0-9๐-๙]", row.text(col))) >= 2


def _damaged_score(row: LogicalRow, col: int) -> bool:
    """A cell that holds a score OCR damaged (:func:`_misread_number`), not a year (a header
    repeated on the next page: ``ปี2564``)."""
    return _misread_number(row, col) and year_in(row.text(col)) is None


#: A column not headed as the indicators' that names this many of them by name alone is one too.
MIN_NAMED_ROWS = 3


def _name_columns(table: LogicalTable, rows: Sequence[LogicalRow]) -> list[int]:
    """The columns that name the indicators: headed so, else the column naming the most of them.
    A column the header did not name (OCR damaged it: ``. 0 ฝี้อตัวชี๊วัด ว`` for ``ชื่อตัวชี้วัด``)
    whose cells are indicator names (:data:`MIN_NAMED_ROWS` or more) joins the headed ones: a
    number column alone loses the row whose number OCR misread (``0`` for ``10``), its name
    beside it still says which indicator the row is."""
    named = table.columns("indicator")
    if named:
        extra = [
            c
            for c, f in enumerate(table.fields)
            if f is None
            and c not in named
            and sum(match_indicator_name(row.text(c)) is not None for row in rows) >= MIN_NAMED_ROWS
        ]
        return named + extra[:1]
    counts = {
        col: sum(1 for row in rows if _indicator_of_row(row, [col])[0] is not None)
        for col in range(min(3, len(table.fields)))
    }
    best = max(counts, key=lambda c: (counts[c], -c), default=0)
    # The leading columns that hold no scores, read together: an image's grid finder may cut the
    # name column with lines that are none (a screenshot's faint cell edges), a different cut
    # in each row; they are the name column when, together, they name more rows than any one.
    leading = [c for c in counts if not _mostly_decimals([row.text(c) for row in rows])]
    together = sum(1 for row in rows if _indicator_of_row(row, leading)[0] is not None)
    return leading if len(leading) > 1 and together > counts.get(best, 0) else [best]


def _mostly_decimals(values: Sequence[str]) -> bool:
    filled = [v for v in values if v.strip()]
    return bool(filled) and sum(bool(_RE_DECIMAL.match(v)) for v in filled) >= 0.6 * len(filled)


def column_year(header: str) -> int | None:
    """The year a score column's header dates it with, or None: a year before the first ITA
    (:data:`~extractors.ita.facts.FIRST_ITA_YEAR`) is one OCR misread (``ปี ๒๕๒๒`` for
    ``ปี ๒๕๖๒``, a Thai ``๖`` read as ``๒``), no result's year; the column is then undated, for
    its place (:func:`years_by_place`) or the table's own sums (:func:`later_on_right`) to date.

    >>> column_year("ปี ๒๕๖๒"), column_year("ปี ๒๕๒๒"), column_year("ปี 2521"), column_year("คะแนน")
    (2562, None, None, None)
    """
    year = year_in(header)
    return year if year is not None and year >= FIRST_ITA_YEAR else None


def years_by_place(years: dict[int, int | None], assessed_year: int | None) -> dict[int, int | None]:
    """``{column: year}`` of two score columns, one of whose header years OCR could not read
    (``.ปี ๒๕.๖๗``): years count up from left to right, so the other column is the year after the
    one read when it stands right of it, the year before when left.  The assessed year the text
    names must be one of the two, else nothing is inferred (nor with more or fewer columns).

    >>> years_by_place({1: 2566, 2: None}, 2567), years_by_place({1: None, 2: 2567}, None)
    ({1: 2566, 2: 2567}, {1: 2566, 2: 2567})
    >>> years_by_place({1: 2566, 2: None}, 2569), years_by_place({1: 2566, 2: 2567}, 2567)
    ({1: 2566, 2: None}, {1: 2566, 2: 2567})
    """
    dated = [c for c, y in years.items() if y is not None]
    undated = [c for c, y in years.items() if y is None]
    if len(dated) != 1 or len(undated) != 1:
        return years
    read = years[dated[0]]
    assert read is not None
    other = read + 1 if undated[0] > dated[0] else read - 1
    if assessed_year is not None and assessed_year not in (read, other):
        return years
    return {**years, undated[0]: other}


def one_digit_apart(a: int, b: int) -> bool:
    """Two years that differ in one digit only: one glyph OCR misread (``๒๕๖๐`` for ``๒๕๖๓``).

    >>> one_digit_apart(2560, 2563), one_digit_apart(2563, 2563), one_digit_apart(2559, 2563)
    (True, False, False)
    """
    return sum(x != y for x, y in zip(str(a), str(b), strict=False)) == 1 and len(str(a)) == len(str(b))


def years_in_order(
    years: dict[int, int | None], assessed_year: int | None
) -> tuple[dict[int, int | None], int | None]:
    """``({column: year}, the column whose year was corrected or None)`` of two dated score columns
    whose years do not count up by one from left to right (``ปี ๒๕๖๐ | ปี ๒๕๖๔``: ``๒๕๖๓`` misread):
    a two-year table compares the assessed year with the year before, so when one column holds the
    year the text names as assessed (the right one) or the year before it (the left one), the other
    column's year is the one that makes them consecutive, if its reading is one digit away from it
    (one glyph misread).  Anything else (no assessed year, neither column agreeing with it, two
    digits apart) is left as read: which column is wrong is not known.

    >>> years_in_order({1: 2560, 2: 2564}, 2564), years_in_order({1: 2563, 2: 2561}, 2564)
    (({1: 2563, 2: 2564}, 1), ({1: 2563, 2: 2564}, 2))
    >>> years_in_order({1: 2564, 2: 2564}, 2564), years_in_order({1: 2563, 2: 2564}, 2564)
    (({1: 2563, 2: 2564}, 1), ({1: 2563, 2: 2564}, None))
    >>> years_in_order({1: 2560, 2: 2564}, None), years_in_order({1: 2557, 2: 2564}, 2564)
    (({1: 2560, 2: 2564}, None), ({1: 2557, 2: 2564}, None))
    >>> years_in_order({1: 2566, 2: 2560}, 2566)  # the text's year on the left: which is wrong?
    ({1: 2566, 2: 2560}, None)
    """
    if len(years) != 2 or assessed_year is None:
        return years, None
    (left, y0), (right, y1) = sorted(years.items())
    if y0 is None or y1 is None or y1 == y0 + 1:
        return years, None
    if y1 == assessed_year and one_digit_apart(y0, assessed_year - 1):
        return {**years, left: assessed_year - 1}, left
    if y0 == assessed_year - 1 and one_digit_apart(y1, assessed_year):
        return {**years, right: assessed_year}, right
    return years, None


def choose_year(years: Sequence[int], assessed_year: int | None) -> tuple[int | None, int | None]:
    """Of the years a table scores, (the assessed one, the nearest earlier one): the year the text
    names as assessed if the table has it, else the latest.

    >>> choose_year([2564, 2565], None), choose_year([2566, 2567], 2566), choose_year([2567], 2565)
    ((2565, 2564), (2566, None), (2567, None))
    """
    if not years:
        return None, None
    current = assessed_year if assessed_year is not None and assessed_year in years else max(years)
    earlier = [y for y in years if y < current]
    return current, max(earlier, default=None)


def table_assessed_year(years: dict[int, int | None], assessed_year: int | None) -> int | None:
    """The assessed year to take from score columns of a scanned table dated ``{column: year}``:
    the text's, unless every column is dated, the years count up one a column from left to right,
    and the text's is an earlier one of them.  On a scan the text's year then came from a sentence
    about the year before (``(ปี พ.ศ. ๒๕๖๒ ได้ ๖๔.๑๔ คะแนน)``, the assessed year's own sentence
    damaged by OCR), and the latest column is the assessed year's (None: the latest).  Years not
    in order (a header year misread) leave the text's year to choose; so does a text layer, whose
    year is read as printed.

    >>> table_assessed_year({1: 2562, 2: 2563}, 2562), table_assessed_year({1: 2562, 2: 2563}, 2563)
    (None, 2563)
    >>> table_assessed_year({1: 2563, 2: 2562}, 2562), table_assessed_year({1: 2562, 2: None}, 2562)
    (2562, 2562)
    >>> table_assessed_year({1: 2562, 2: 2564}, 2562), table_assessed_year({1: 2562, 2: 2563}, 2569)
    (2562, 2569)
    """
    dated = [y for _c, y in sorted(years.items()) if y is not None]
    if assessed_year is None or len(dated) < 2 or len(dated) < len(years):
        return assessed_year
    counts_up = all(b == a + 1 for a, b in pairwise(dated))
    return None if counts_up and assessed_year in dated[:-1] else assessed_year


def _previous(row: LogicalRow, col: int | None, year: int | None) -> PreviousScore | None:
    if col is None or year is None:
        return None
    raw = row.text(col).strip()
    value = _score(raw)
    if value is None:
        return None
    page, box = _part(row, col)
    confs = [p.confidence for p in row.cells.get(col, []) if p.confidence is not None]
    return PreviousScore(year, value, raw, Provenance(page, box, raw, min(confs) if confs else None))


def _redated(previous: PreviousScore | None, redated: bool) -> PreviousScore | None:
    """An earlier year's score, doubted when its column's year is the table's order's, not its
    header's reading (:func:`years_in_order`)."""
    if previous is None or not redated:
        return previous
    source = previous.provenance
    doubted = replace(source, confidence=min(DOUBTED, source.confidence or DOUBTED))
    return replace(previous, provenance=doubted)


def _part(row: LogicalRow, col: int) -> tuple[int, BBox | None]:
    parts = row.cells.get(col) or []
    return (parts[0].page, parts[0].box) if parts else (row.page, None)


def _cell_indicator(
    row: LogicalRow,
    col: int,
    number: int,
    name_raw: str | None,
    year: int | None,
    issues: str | None,
    decimals: int | None = None,
    shape: tuple[int, int] | None = None,
    common: tuple[int, int] | None = None,
) -> Indicator | None:
    """The indicator whose score sits in this cell, or None if the cell holds no score.  A cell
    read by OCR whose text is no score (a stamp across it: ``/~``, ``71 .3.5``) gives the
    indicator with no score and its raw text and confidence: the reading is kept for a person to
    check (``INDICATORS_MISSING`` names it), never guessed.  Four digits with no point
    (``7211``), which no score reads as, are the score its column's decimals make, doubted."""
    raw = row.text(col).strip()
    value = _score(raw)
    confs = [p.confidence for p in row.cells.get(col, []) if p.confidence is not None]
    if value is not None and value > MAX_SCORE and confs:
        value = None  # OCR's ``๙๒๘`` for ``๙๑.๒๘``: no score is over 100; the reading stays, unscored
    if value is not None and confs and lost_leading_digits(raw, _raw_of(row, col), common):
        value, confs = None, [min(*confs, DOUBTED)]  # ``๑.๒๑`` of ``, ๑@.๒๑`` (``๘๑.๒๑`` under a stamp)
    if value is None and confs and min(confs) <= DOUBTED:
        # digits as read, the point where the column's scores have it; the raw text and the low
        # confidence stay, and the OCR stage's check on the cell's readings names it
        value = reshaped_score(raw, decimals)
    elif value is None and confs and (four := _RE_FOUR_DIGITS.fullmatch(raw)):
        # four digits and no point (``7211``): no score as read (over 100); the point lost, its
        # place is the column's, and the reading is doubted (the indicator's check names it);
        # or the point read as a comma (``70,93``: no score has a thousands' comma); a speck or
        # two beside them (``7434 -``) is no part of them
        value = reshaped_score(four.group(1), decimals)
        confs = confs if value is None else [min(*confs, DOUBTED)]
    if value is None and confs:
        # one number of the column's decimals amid specks (a stamp's arc): that number, doubted
        value = score_amid_specks(raw, shape)
        confs = confs if value is None else [min(*confs, DOUBTED)]
    if value is None and not (raw and confs):
        return None
    if value is not None and confs and mixed_scripts(raw):
        confs = [min(*confs, DOUBTED)]  # ``85.๓๒``: one number is printed in one script; a digit misread
    page, box = _part(row, col)
    info = BY_NUMBER[number]
    return Indicator(
        number,
        info.name,
        name_raw,
        info.instrument,
        value,
        raw,
        year,
        issues,
        page,
        box,
        "table",
        min(confs) if confs else None,
    )


def mixed_scripts(raw: str) -> bool:
    """A number read with Thai and Arabic digits both (``85.๓๒``, a photo's ``๘๕.32``): one number
    is printed in one script, so OCR misread some of its digits (a Thai digit read as the Arabic
    one of its shape, or the reverse); its value as read is kept, doubted.

    >>> mixed_scripts("85.๓๒"), mixed_scripts("๘๕.๓๒"), mixed_scripts("85.32"), mixed_scripts("ปี 2566 ๘๕.๓๒")
    (True, False, False, False)
    """
    return any(re.search(r"[0-9]", n) and re.search(r"[๐-๙]", n) for n in re.findall(r"[0-9๐-๙.]+", raw))


def _read_empty(
    row: LogicalRow, col: int, number: int, name_raw: str | None, year: int | None, issues: str | None
) -> Indicator | None:
    """The indicator of a row read by OCR whose score cell came out empty (a stamp's rings over
    its digits) while the row's other cells were read: no score of its own, its raw text empty,
    doubted, for the earlier year's score and the difference to give it (:func:`from_difference`).
    A row of a text layer, or one OCR read nothing of, has no indicator here."""
    if row.text(col).strip() or not any(p.confidence is not None for ps in row.cells.values() for p in ps):
        return None
    page, box = _part(row, col)
    info = BY_NUMBER[number]
    return Indicator(
        number, info.name, name_raw, info.instrument, None, "", year, issues, page, box, "table", DOUBTED
    )


def _raw_of(row: LogicalRow, col: int) -> str:
    return " ".join(p.raw for p in row.cells.get(col, []))


def lost_leading_digits(text: str, raw: str, shape: tuple[int, int] | None) -> bool:
    """An OCR'd score with fewer digits before its point than every other score of its column
    (``shape``, :func:`usual_shape`), whose cell OCR first read with more ink before it than the
    text keeps (``, ๑@.๒๑`` settled as ``๑.๒๑``: a stamp's ring across ``๘๑.๒๑`` took its first
    digit): its leading digits were lost, and it is no score (the reading stays, doubted).  A
    short score read cleanly (``0.00``) is one.

    >>> lost_leading_digits("๑.๒๑", ", ๑@.๒๑", (2, 2)), lost_leading_digits("0.00", "0.00", (2, 2))
    (True, False)
    >>> lost_leading_digits("81.21", ", 81.21", (2, 2)), lost_leading_digits("๑.๒๑", ", ๑@.๒๑", None)
    (False, False)
    """
    number = re.search(r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?", text)
    found = number_shape(number.group(0)) if number else None
    if shape is None or found is None or found[0] >= shape[0]:
        return False
    before = raw[: raw.find(number.group(0))] if number and number.group(0) in raw else raw
    return len("".join(before.split())) > 0 or len("".join(raw.split())) > len("".join(text.split()))


def split_at_page_break(row: LogicalRow, score_col: int) -> list[LogicalRow]:
    """A row stitched across a page break whose score cell holds one score on each page is one
    row per page: a score never wraps, so the second page's first row was a row of its own (it
    was taken for the continuation of the last row because its group cell, ``EIT`` merged from
    above, is empty).  A column with parts on one page only stays with that page's row.

    >>> from schemas import CellPart
    >>> def part(page, text): return CellPart(page, None, text, text, None)
    >>> row = LogicalRow(1, {0: [part(1, "EIT")], 1: [part(1, "6"), part(2, "7")],
    ...                      2: [part(1, "77.56"), part(2, "80.74")]})
    >>> [(r.page, r.text(0), r.text(1), r.text(2)) for r in split_at_page_break(row, 2)]
    [(1, 'EIT', '6', '77.56'), (2, '', '7', '80.74')]
    """
    parts = row.cells.get(score_col) or []
    pages = [p.page for p in parts]
    if len(parts) < 2 or len(set(pages)) != len(parts) or any(_score(p.text) is None for p in parts):
        return [row]
    rows = []
    for page in pages:
        cells = {c: [p for p in ps if p.page == page] for c, ps in row.cells.items()}
        cells = {c: ps for c, ps in cells.items() if ps}
        texts = {c: join_wrapped_lines([p.text for p in ps]) for c, ps in cells.items()}
        rows.append(LogicalRow(page, cells, set(), False, texts))
    return rows


def from_row_table(
    table: LogicalTable, assessed_year: int | None
) -> tuple[list[Indicator], TableFacts | None]:
    """Indicators of a table with one row per indicator (the assessed year's column, the earlier
    year as ``previous``); plus the overall row if it has one."""
    headers, skip = _headers(table)
    rows = table.rows[skip:]
    score_cols = _score_columns(table, rows, headers)
    if not score_cols:
        return [], None
    name_cols = _name_columns(table, rows)
    issue_cols = table.columns("issue")
    years = years_by_place({col: column_year(headers[col]) for col in score_cols}, assessed_year)
    diff = _difference_column(table, rows, headers)
    # Neither year read (a shaded header at 150 dpi: ``ศี``, ``พะ๕``): the table's own sums say
    # which column is the later one, and the later one is the assessed year's.
    undated_pair = len(score_cols) == 2 and not any(years.values())
    if undated_pair and assessed_year is not None and diff is not None:
        sums = [(row.text(score_cols[0]), row.text(score_cols[1]), row.text(diff)) for row in rows]
        if later_on_right(sums):
            years = {score_cols[0]: assessed_year - 1, score_cols[1]: assessed_year}
    # A year word whose year neither OCR nor the columns' places tell is no score column beside
    # one whose year was read: which year it holds is not known.
    unknown = [c for c in score_cols if years[c] is None and _RE_YEAR_WORD_ONLY.match(headers[c])]
    if unknown and any(years.values()):
        score_cols = [c for c in score_cols if c not in unknown]
        years = {c: years[c] for c in score_cols}
    if len(score_cols) > 1 and not all(years.values()):
        # Score columns not all dated (a header year OCR could not read): the one dated with the
        # assessed year is its score, else only the first is a score.
        assessed = [c for c in score_cols if assessed_year is not None and years[c] == assessed_year]
        score_cols = assessed[:1] or score_cols[:1]
        years = {c: years[c] for c in score_cols}
    read_by_ocr = any(p.confidence is not None for row in rows for c in years for p in row.cells.get(c, []))
    # a header year OCR misread (``ปี ๒๕๖๐`` for ``ปี ๒๕๖๓``) is put back in order, its column doubted
    years, redated = years_in_order(years, assessed_year) if read_by_ocr else (years, None)
    by_year = {y: c for c, y in reversed(list(years.items())) if y is not None}
    # On a scan, a two-year table's own years in order outweigh the text's (see the function).
    text_year = table_assessed_year(years, assessed_year) if read_by_ocr else assessed_year
    current, earlier = choose_year(list(by_year), text_year)
    col = by_year[current] if current is not None else score_cols[0]
    prev_col = by_year[earlier] if earlier is not None else None
    year = current or assessed_year
    found: list[Indicator] = []
    facts: TableFacts | None = None
    decimals = column_decimals([row.text(col) for row in rows])
    shape = usual_shape([row.text(col) for row in rows])
    common = common_shape([row.text(col) for row in rows])
    diff_col = diff if prev_col is not None else None
    parts = [part for whole in rows for part in split_at_page_break(whole, col) if not part.full_width]
    named = [_indicator_of_row(row, name_cols) for row in parts]
    # the rows that score (a number OCR damaged too, not a header repeated on a page: ``ปี2564``),
    # and those of them numbered by their places
    scored = [k for k, r in enumerate(parts) if _score(r.text(col)) is not None or _damaged_score(r, col)]
    placed = rows_by_place([named[k][0] for k in scored])
    for k, place in placed.items():
        named[scored[k]] = (place, named[scored[k]][1])
    for row, (number, name_raw) in zip(parts, named, strict=True):
        label = " ".join(row.text(c) for c in name_cols)
        if number is None:
            if "คะแนนรวม" in fold(label) or fold(label) in {"รวม", "คะแนนเฉลี่ย", "ภาพรวม"}:
                facts = _total(row, table, col, year, prev_col, earlier)
            elif facts is not None and facts.level_raw is None and fold(label).startswith("ระดับ"):
                level = _level_in_row(row, table, col)
                facts = replace(facts, level_raw=level) if level else facts
            continue
        issues = "\n".join(t for t in (row.text(c).strip() for c in issue_cols) if t) or None
        ind = _cell_indicator(row, col, number, name_raw, year, issues, decimals, shape, common)
        empty = ind is None and diff_col is not None
        if empty:
            ind = _read_empty(row, col, number, name_raw, year, issues)
        if ind is not None:
            ind.previous = _redated(_previous(row, prev_col, earlier), prev_col == redated)
            if col == redated:  # its year is the table's order's, not its header's reading
                ind.confidence = min(DOUBTED, ind.confidence or DOUBTED)
            if ind.score is None and ind.previous is not None and diff_col is not None:
                ind.score = from_difference(ind.previous.score, row.text(diff_col))
                if ind.score is not None:  # the table's own sum; its damaged cell keeps its reading
                    ind.confidence = min(DOUBTED, ind.confidence or DOUBTED)
            if empty and ind.score is None:
                continue  # an empty cell the sum does not settle: no indicator, as before
            found.append(ind)
    if table.kind != "indicators" and len({i.number for i in found}) < MIN_UNRECOGNISED:
        return [], None  # rows naming indicators, with a score or an OCR reading kept raw
    return found, facts


def rows_by_place(numbers: Sequence[int | None]) -> dict[int, int]:
    """``{row: indicator number}`` of the ten rows of a score column whose names OCR mostly lost
    (a screenshot's small grey text: ``ตัว( | ขดที่1 การบฏิบัตหน้าซี``), numbered by their places:
    the rows with a score (or a number OCR damaged) are exactly ten, and every indicator read in
    them (``numbers``, None where none was) stands in its own place, at least
    :data:`MIN_PLACED_NUMBERS` of them.  As :func:`numbers_by_place` numbers the columns of a row.
    Nothing when an indicator stands out of place, or the rows are not ten.

    >>> rows_by_place([None, None, None, None, None, None, None, 8, 9, 10])[3]
    4
    >>> rows_by_place([None, None, None, None, None, None, None, 8, 10, 9])
    {}
    >>> rows_by_place([None, None, None, None, None, None, None, 8, 9]), rows_by_place([1, 2] + [None] * 8)
    ({}, {})
    """
    read = {k: n for k, n in enumerate(numbers) if n is not None}
    if len(numbers) != 10 or len(read) < MIN_PLACED_NUMBERS or any(n != k + 1 for k, n in read.items()):
        return {}
    return {k: k + 1 for k in range(10) if k not in read}


def _difference_column(table: LogicalTable, rows: Sequence[LogicalRow], headers: Sequence[str]) -> int | None:
    """The column of differences between the two years, if the table has one (its header says so,
    or most of its numbers carry a sign)."""
    for c in range(len(table.fields)):
        values = [row.text(c) for row in rows if row.text(c).strip()]
        known = table.fields[c] not in _NOT_SCORES - {"diff"}
        if known and not year_in(headers[c]) and is_difference(headers[c], values):
            return c
    return None


#: Rows whose two years and signed difference add up, at least, before a table's sums tell
#: which of two undated score columns is the later one.
MIN_SUMS = 3


def later_on_right(rows: Sequence[tuple[str, str, str]]) -> bool:
    """Whether, in rows of ``(left score, right score, signed difference)`` cells, the right
    column is the later year: the difference is right minus left (``75.99 | 96.24 | +20.25``) in
    at least :data:`MIN_SUMS` rows and in more rows than it is left minus right.  The table's own
    sums, not a convention, date the two columns.

    >>> rows = [("75.99", "96.24", "+20.25"), ("98.38", "96.39", "-1.99"), ("97.73", "99.21", "+1.48")]
    >>> later_on_right(rows), later_on_right([(b, a, d) for a, b, d in rows])
    (True, False)
    >>> later_on_right([("75.99", "96.24", "+20.25"), ("98.38", "96.39", "-1.99")])
    False
    """
    right = left = 0
    for a_text, b_text, d_text in rows:
        a, b = _score(a_text), _score(b_text)
        if a is None or b is None:
            continue
        right += from_difference(a, d_text) == b
        left += from_difference(b, d_text) == a
    return right >= MIN_SUMS and right > left


def from_difference(previous: float, difference: str) -> float | None:
    """The assessed year's score of a row whose score cell OCR could not read, from the earlier
    year's score and the row's signed difference (``ผลต่าง``, ``เพิ่มขึ้น/ลดลง``): the table's own
    sum, read from two of its cells.  A difference without its sign settles nothing; strokes OCR
    read before the sign (a ruling, a stamp's arc: ``, +๑๗.๓๐``) are no part of it.

    >>> from_difference(95.55, "-16.37"), from_difference(51.22, "+๑๖.๒๐"), from_difference(78.79, "8.82")
    (79.18, 67.42, None)
    >>> from_difference(60.61, ", +๑๗.๓๐"), from_difference(65.51, "\\\\ +๘.๘๔")
    (77.91, 74.35)
    """
    m = re.fullmatch(rf"{_RE_STROKES_BEFORE.pattern}([+\-–−])\s*({_NUM})\s*", difference)
    value = parse_number(m.group(2)) if m else None
    if m is None or value is None:
        return None
    score = round(previous + (value if m.group(1) == "+" else -value), 2)
    return score if 0 <= score <= 100 else None


def _total(
    row: LogicalRow,
    table: LogicalTable,
    col: int,
    year: int | None,
    prev_col: int | None,
    earlier: int | None,
) -> TableFacts:
    """The overall (and level) of a ``คะแนนรวม`` row, for the assessed year and the earlier one."""
    page, box = _part(row, col)
    previous = None
    if prev_col is not None:
        p_page, p_box = _part(row, prev_col)
        previous = TableFacts(
            _score(row.text(prev_col)), row.text(prev_col) or None, None, p_page, p_box, earlier
        )
    return TableFacts(
        _score(row.text(col)),
        row.text(col) or None,
        _level_in_row(row, table, col),
        page,
        box,
        year,
        previous,
    )


def _level_in_row(row: LogicalRow, table: LogicalTable, first: int | None = None) -> str | None:
    cols = ([first] if first is not None else []) + table.columns("level") + table.columns("score")
    for col in cols:
        if level_code(row.text(col)):
            return row.text(col)
    return None


#: A cell read by OCR with this confidence or less is one whose readings disagreed: the OCR stage
#: lowered it and raised an ``OCR_LOW_CONFIDENCE`` check on the cell.
DOUBTED = 0.5
#: Of a row numbering the ten indicators' columns, at least this many numbers read as printed.
MIN_COLUMN_NUMBERS = 6


def _cell_numbers(cells: Sequence[str]) -> dict[int, int]:
    """``{column: number}`` of the cells of a row that hold one number of one or two digits alone.

    >>> _cell_numbers(["ตัวชี้วัด", " ๒ ", "2 i", "10"])
    {1: 2, 3: 10}
    """
    return {
        c: int(thai_digits_to_arabic(t.strip()))
        for c, t in enumerate(cells)
        if re.fullmatch(r"\s*[0-9๐-๙]{1,2}\s*", t)
    }


def column_numbers(cells: Sequence[str]) -> dict[int, int]:
    """``{column: indicator number}`` of a row numbering its columns ``1 … 10``.

    Every number read, or, on a scan whose shaded header OCR damaged in places (``. ไร .`` for
    ``1``, ``า0`` for ``10``), at least :data:`MIN_COLUMN_NUMBERS` read in their places (the
    column of each is its number plus one offset) with ten columns from the first: the others
    are numbered by their places, as the columns count up.  A number read twice, once in its
    place and once within the ten columns out of it, is a look-alike misread there; any other
    number out of place numbers no column at all.

    >>> column_numbers(["ตัวชี้วัด", *map(str, range(1, 11))]) == {c: c for c in range(1, 11)}
    True
    >>> column_numbers(["ตัวชี้วัด", ". ไร .", "2", "", "4", "5", "6", "7", ". ซี", "9", "10'"])[8]
    8
    >>> column_numbers(["", "1", "2", "3", "", "", "", "", "", "", ""]), column_numbers(["1", "2", "5"])
    ({}, {})
    >>> column_numbers(["ตัวชี้วัด", "", "๒", "", "๔", "๔", "๖", "๗", "๘", "๙", "๑๐"])[5]
    5
    >>> column_numbers(["ตัวชี้วัด", *map(str, range(1, 11)), "3"])
    {}
    """
    found = _cell_numbers(cells)
    if sorted(found.values()) == list(range(1, 11)):
        return found
    offsets = Counter(c - n for c, n in found.items() if 1 <= n <= 10)
    if not offsets:
        return {}
    offset, placed = offsets.most_common(1)[0]
    if placed < MIN_COLUMN_NUMBERS or offset + 1 < 0 or offset + 10 >= len(cells):
        return {}
    # A number out of place that also stands in its own place, inside the ten columns, is a
    # look-alike read twice (``๔`` for ``๕`` beside the ``๔`` of its left neighbour): the
    # column's place numbers it.  Any other says the row counts something else (or shifted).
    placed_numbers = {n for c, n in found.items() if c - n == offset}
    twice = {c for c, n in found.items() if n in placed_numbers and offset < c <= offset + 10}
    if any(n in range(1, 11) and c - n != offset and c not in twice for c, n in found.items()):
        return {}
    return {offset + n: n for n in range(1, 11)}


#: Of a row numbering the ten columns by their places (:func:`numbers_by_place`), at least this
#: many numbers read, every one in its place: three points at one offset say the row counts up one
#: a column (as :func:`~extractors.ocr.number_text.counts_up` wants three numbers).
MIN_PLACED_NUMBERS = 3


def numbers_by_place(cells: Sequence[str]) -> dict[int, int]:
    """``{column: indicator number}`` of a row of ten columns after its label whose shaded header
    OCR mostly lost (``| ตัวชี้วัด | | ๒ | | ณ์ | | ๖ | w en w | +6on | “ | ๑๐``): every number read
    in it stands in its own place (one offset for all, at least :data:`MIN_PLACED_NUMBERS` of
    them, and ten columns from the first after the offset fit in the row), so the columns are
    numbered by their places.  A number out of place, or a second offset, numbers nothing.  Fewer
    numbers than :func:`column_numbers` wants: the caller takes the numbering only under a row
    that scores the columns (:func:`_score_rows`).

    >>> numbers_by_place(["ตัวชี้วัด", "", "๒", "", "ณ์", "", "๖", "w en w", "+ 6 on", "“", "๑๐"])[4]
    4
    >>> numbers_by_place(["ตัวชี้วัด", "", "2 i", "", "4", "5", "6", "7", "8 a", "แห 9", ". 10"])[10]
    10
    >>> numbers_by_place(["ตัวชี้วัด", "", "๒", "", "", "", "๖", "", "๙", "", "๑๐"])
    {}
    >>> numbers_by_place(["", "1", "2", "3", "", ""]), numbers_by_place(["ตัวชี้วัด", "", "2", "", "", "", "6"])
    ({}, {})
    """
    found = _cell_numbers(cells)
    offsets = {c - n for c, n in found.items()}
    if len(found) < MIN_PLACED_NUMBERS or len(offsets) != 1 or any(not 1 <= n <= 10 for n in found.values()):
        return {}
    offset = offsets.pop()
    if offset < 0 or offset + 10 >= len(cells):
        return {}
    return {offset + n: n for n in range(1, 11)}


def _scores_row(row: LogicalRow, numbers: dict[int, int]) -> bool:
    """The row reads as scores under most of the numbered columns (five or more)."""
    return sum(_score(row.text(c)) is not None for c in numbers) >= MIN_UNRECOGNISED


def unlabelled_score_row(label: str) -> bool:
    """A row label that may head the score row though it names no score: one OCR damaged
    (``ผลคะแหน`` for ``ผลคะแนน``), or none at all; never a label that says the row holds
    something else (differences, targets, a year).

    >>> unlabelled_score_row("ผลคะแหน"), unlabelled_score_row("")
    (True, True)
    >>> unlabelled_score_row("ผลต่าง"), unlabelled_score_row("เป้าหมาย"), unlabelled_score_row("ปี 2566")
    (False, False, False)
    """
    folded = fold(label)
    return not (is_difference(label) or any(w in folded for w in _TARGET_WORDS) or year_in(label))


def _score_rows(rows: Sequence[LogicalRow], numbers: dict[int, int]) -> list[tuple[LogicalRow, int | None]]:
    """The score rows under a row numbering the columns, with the year each label names (:func:`column_year`):
    those labelled as scores (``ผลคะแนน``, ``คะแนน ๒๕๖๖``), up to the first without a year;
    else, when none is, the first row that reads as scores under a label OCR damaged
    (``ผลคะแหน``): the numbers row has said its columns are indicators, and the row that
    scores them is what the label would have named."""
    scored: list[tuple[LogicalRow, int | None]] = []
    for row in rows:
        label = fold(row.text(0))
        year = year_in(row.text(0))
        if not (label.startswith("คะแนน") or "ผลคะแนน" in label or year) or is_difference(row.text(0)):
            continue
        if not _scores_row(row, numbers):
            continue
        scored.append((row, column_year(row.text(0))))  # a misread year (``๒๕๒๒``): undated
        if year is None:
            break  # a row without a year: the first is the score row
    if scored:
        return scored
    damaged = next((r for r in rows if unlabelled_score_row(r.text(0)) and _scores_row(r, numbers)), None)
    return [] if damaged is None else [(damaged, None)]


def _numbered_row(
    table: LogicalTable, numbering: Callable[[Sequence[str]], dict[int, int]]
) -> tuple[dict[int, int], list[tuple[LogicalRow, int | None]]] | None:
    """The first row (the header first) that ``numbering`` numbers, with the score rows under it;
    None when no row is numbered, or the first numbered has no score row under it."""
    for k, row in enumerate([None, *table.rows]):
        cells = table.header if row is None else [row.text(c) for c in range(len(table.fields))]
        numbers = numbering(cells)
        if numbers:
            scored = _score_rows(table.rows[k:], numbers)
            return (numbers, scored) if scored else None
    return None


def from_column_table(
    table: LogicalTable, assessed_year: int | None
) -> tuple[list[Indicator], TableFacts | None]:
    """Indicators of a table whose columns are the indicators (a row numbered 1 … 10)."""
    numbered = _numbered_row(table, column_numbers) or _numbered_row(table, numbers_by_place)
    if numbered is None:
        return [], None
    numbers, scored = numbered
    # years count down the rows as along a row table's columns: a misread one is dated by its place
    dated = years_by_place({k: y for k, (_r, y) in enumerate(scored)}, assessed_year)
    if any(p.confidence is not None for r, _y in scored for parts in r.cells.values() for p in parts):
        dated, redated = years_in_order(dated, assessed_year)  # a year OCR misread, by the rows' order
    else:
        redated = None
    scored = [(r, dated[k]) for k, (r, _y) in enumerate(scored)]
    by_year = {y: r for r, y in reversed(scored) if y is not None}
    current, earlier = choose_year(list(by_year), assessed_year)
    row = by_year[current] if current is not None else scored[0][0]
    before = by_year.get(earlier) if earlier is not None else None
    fixed = scored[redated][0] if redated is not None else None
    out: list[Indicator] = []
    decimals = column_decimals([row.text(c) for c in numbers])  # the score row's, as a column's
    shape = usual_shape([row.text(c) for c in numbers])
    common = common_shape([row.text(c) for c in numbers])
    for col, number in sorted(numbers.items(), key=lambda p: p[1]):
        ind = _cell_indicator(row, col, number, None, current or assessed_year, None, decimals, shape, common)
        if ind is not None:
            previous = _previous(before, col, earlier) if before is not None else None
            ind.previous = _redated(previous, before is not None and before is fixed)
            if row is fixed:  # its year is the rows' order's, not its label's reading
                ind.confidence = min(DOUBTED, ind.confidence or DOUBTED)
            out.append(ind)
    facts: TableFacts | None = None
    overall_col = next((c for c, t in enumerate(table.header) if "คะแนนรวม" in fold(t)), None)
    level_col = next((c for c, t in enumerate(table.header) if fold(t).startswith("ระดับ")), None)
    if overall_col is not None:
        page, box = _part(row, overall_col)
        facts = TableFacts(
            _score(row.text(overall_col)),
            row.text(overall_col) or None,
            row.text(level_col) if level_col is not None else None,
            page,
            box,
            current,
        )
    return out, facts


# --- prose --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProseSource:
    """A run of text to search: a paragraph or a cell, with where it is.

    A cell cut by page breaks has several parts: ``parts`` holds each part's text, page and box, so
    a score is placed on the page it is printed on.
    """

    text: str
    page: int
    box: BBox | None
    parts: tuple[tuple[str, int, BBox | None], ...] = ()

    def locate(self, offset: int) -> tuple[int, BBox | None]:
        """Page and box of the part that holds character ``offset`` of ``text``."""
        end = 0
        for text, page, box in self.parts:
            end += len(text) + 1  # the joiner between parts is at most one character
            if offset < end:
                return page, box
        return self.page, self.box


def _prose_score(window: str, strict: bool = False) -> tuple[float, str, int, int] | None:
    """The first number in ``window`` that reads as a score: (value, raw, start, end).

    A score has two decimals, or ``คะแนน`` (or ``ได้``) right before or after it; ``strict`` (for
    an anchor that is only a name) wants ``คะแนน`` next to it.  The cue is looked for without the
    marks above and below the line: OCR adds a stray tone mark to it (``มีค่ะแนน``) as it drops one.

    >>> _prose_score(" มีคะแนน 95.84")[:2], _prose_score(" (ตัวชี้วัดที่ 10 ได้ 93.75 คะแนน)")[:2]
    ((95.84, '95.84'), (93.75, '93.75'))
    >>> _prose_score(" และการบริการได้อย่างสะดวก 6. เปิดโอกาส", strict=True) is None
    True
    >>> _prose_score(" (EIT) คะแนน ๕๐.๕๓๕") is None  # no score's shape: not its first digits either
    True
    >>> _prose_score("การสื่อสารมีค่ะแนน 82.33", strict=True)[:2]
    (82.33, '82.33')
    """
    for m in _RE_PROSE_SCORE.finditer(window):
        raw = m.group(1)
        before = window[max(0, m.start() - 12) : m.start()]
        bare = skeleton(before)
        is_decimal = "." in raw and len(raw.split(".")[1]) == 2
        if strict:
            ok = bool(m.group(2)) or "คะแนน" in bare
        else:
            cued = "คะแนน" in bare or any(cue in before for cue in _SCORE_CUES)
            ok = is_decimal or bool(m.group(2)) or cued
        if not ok:
            continue
        if re.search(r"ร้อยละ\s*$|ข้อ\s*$|ที่\s*$", before):
            continue
        value = parse_number(raw)
        if value is None or not 0 <= value <= 100:
            continue
        return value, raw, m.start(), m.end()
    return None


#: Any marks above or below the line (vowels, tone marks) that OCR may have kept, lost or misread.
_MARKS = f"[{MARKS}]*"
#: ``ตัวชี้วัดที่ N`` with its marks lost or misread (``ตวชวดท ๖``, ``ตัวชี้วัดท์๘``): the letters on
#: the line, in order, are the phrase's; only the marks between them may differ.  Its first letter
#: may be lost too where it begins a line (``ัวชีวัดที ๙``, ``วชี้วัดที๔``: OCR drops a line's first
#: glyph): the five letters after it, in order, are the phrase's alone.
_RE_UNMARKED_NUMBER = re.compile(
    f"(?:ต{_MARKS})?" + _MARKS.join("วชวดท") + _MARKS + r"\s*([0-9๐-๙]{1,2})(?![0-9๐-๙.])"
)


def prose_mentions(text: str) -> list[tuple[int, int, int, bool]]:
    """The indicators a text names (:func:`~extractors.ita.vocabulary.indicator_mentions`) and those
    numbered by a ``ตัวชี้วัดที่`` whose marks OCR lost, where no mention stands already.

    >>> prose_mentions("แบบ IIT ตวชวดท๕ การแก้ไขปัญหาการทุจริต มคะแนน ๘๒.๑๕ แบบ EIT ตวชวดท ๖ คุณภาพ")
    [(5, 8, 38, True), (6, 60, 68, True)]
    >>> prose_mentions("ัวชีวัดที ๙-ฑโรเปิดเผยข้อมูล ได้คะแนน ๘๗.๖๐ คะแนน")
    [(9, 1, 11, True)]
    """
    mentions = indicator_mentions(text)
    for m in _RE_UNMARKED_NUMBER.finditer(text):
        number = int(thai_digits_to_arabic(m.group(1)))
        if number not in BY_NUMBER or any(s < m.end() and m.start() < e for _n, s, e, _b in mentions):
            continue
        end = m.end()
        name = next((a for a in mentions if a[0] == number and not a[3] and 0 <= a[1] - end <= 3), None)
        if name:  # its name right after it extends it, as after a number read whole
            mentions.remove(name)
            end = name[2]
        mentions.append((number, m.start(), end, True))
    return sorted(mentions, key=lambda a: a[1])


def from_prose(sources: Iterable[ProseSource], assessed_year: int | None) -> list[Indicator]:
    """Indicators named with a score in running text (see the module's rules)."""
    out: list[Indicator] = []
    for source in sources:
        text = source.text.replace("\n", " ")
        anchors = prose_mentions(text)
        for i, (number, _start, end, numbered) in enumerate(anchors):
            reach = 80 if numbered else NAME_REACH
            stop = min(anchors[i + 1][1] if i + 1 < len(anchors) else len(text), end + reach)
            hit = _prose_score(text[end:stop], strict=not numbered)
            if hit is None:
                continue
            value, raw, at, _e = hit
            page, box = source.locate(end + at)
            out.append(
                Indicator(
                    number=number,
                    name=BY_NUMBER[number].name,
                    name_raw=_name_in(text[_start:end], number),
                    instrument=BY_NUMBER[number].instrument,
                    score=value,
                    score_raw=raw,
                    year=assessed_year,
                    issues=None,
                    page=page,
                    box=box,
                    origin="text",
                )
            )
    return out


def _name_in(anchor: str, number: int) -> str | None:
    for found, start, end in find_indicator_names(anchor):
        if found == number:
            return anchor[start:end]
    return None


def merge(readings: Sequence[Indicator]) -> tuple[list[Indicator], list[tuple[Indicator, Indicator]]]:
    """One indicator per (year, number): the first reading with a score wins (pass tables first);
    a reading without one (an OCR reading kept raw) only where no other has a score.

    Returns the kept indicators, sorted by year and number, and the pairs that disagree.
    """
    kept: dict[tuple[int | None, int], Indicator] = {}
    conflicts: list[tuple[Indicator, Indicator]] = []
    for ind in readings:
        key = (ind.year, ind.number)
        if key not in kept or (kept[key].score is None and ind.score is not None):
            kept[key] = ind  # a reading kept raw gives way to one with a score
            continue
        if ind.score is None:
            continue
        if kept[key].score != ind.score:
            conflicts.append((kept[key], ind))
        elif kept[key].name_raw is None and ind.name_raw:
            kept[key].name_raw = ind.name_raw  # a table that numbers its columns; the text names them
    ordered = sorted(kept.values(), key=lambda i: (i.year or 0, i.number))
    return ordered, conflicts
