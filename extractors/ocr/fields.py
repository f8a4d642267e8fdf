"""Table cells read as what they are: a period cell is re-read until a reading parses as a period.

Tesseract's ``tha+eng`` model reads Thai month abbreviations as Latin letters (``ต.ค.`` as
``RA.``, ``พ.ค.`` as ``uA.``, ``ส.ค.`` as ``Aw.``) because both models compete for every glyph.
A cell of the period column (its header says ``ระยะเวลา``) whose first reading does not parse as a
period, or holds Latin letters, is read again: with the Thai model alone, and with the Thai model
restricted to Thai letters, digits, ``.``, ``-``, ``/`` and space.  A reading is accepted only when
:func:`extractors.ita.periods.parse_period` reads it and it has no Latin letter; the first such
reading wins, in that order.  When none does, the first reading stays, with a low confidence and a
doubt (a check for a person), unless every reading said the same thing.

A header cell (the table's first rows, before a row that starts with a digit) is a field too: a
year in it must be a Buddhist-era year in :data:`YEAR_RANGE` (``คะแนน ๒๕๖๔``; a 150 dpi scan gave
``๒.๕๖.๔`` and ``๓๕๖๕``, and the two-year table lost every indicator).  A header reading whose
years are not plausible is read again: its years by the glyph reader, the cell binarised on its
own, that reading's years by the glyph reader; the first plausible reading wins (with a doubt that
names the first), otherwise the first stays with a low confidence and a doubt.  A year after
``พ.ศ.``/``ปี`` in running text is checked the same way (:func:`misread_year`).

The parser is the ITA layer's own (OCR may import ITA: the import contract allows it), so the cell
is accepted by the rule that will read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from extractors.thai.text import thai_digits_to_arabic
from schemas import Table

#: The period column's header: the wording every ITA template uses (ระยะเวลาดำเนินการ, ระยะเวลา).
PERIOD_HEADER = "ระยะเวลา"
#: A header cell matches at this rapidfuzz partial ratio (OCR damages headers too).
HEADER_MATCH = 80.0
#: The fiscal year a reading is tried with: only to tell whether it parses at all (months
#: without a year need one), never to set a date.
PROBE_FISCAL_YEAR = 2566
#: The header is looked for in this many first rows (a title row may come before it).
HEADER_ROWS = 3

_LATIN = re.compile(r"[A-Za-z]")
#: What a period cell may hold, for the constrained re-read: Thai letters, vowels and marks,
#: both digit scripts, and the punctuation of dates.
PERIOD_WHITELIST = (
    "".join(chr(c) for c in range(0x0E01, 0x0E3B))
    + "".join(chr(c) for c in range(0x0E40, 0x0E4F))
    + "๐๑๒๓๔๕๖๗๘๙0123456789.-/() "
)

#: A cell read again: ``(text, raw, confidence)`` like the first reading.
Reading = tuple[str, str, float | None]


def period_column(table: Table) -> tuple[int, int] | None:
    """``(column, header row)`` of the column whose header (in the first rows) names the period;
    on a table without that header (the rest of a table whose header stayed on the page before),
    the column whose cells read as periods (:func:`period_column_by_cells`), with header row -1.

    >>> from schemas import BBox, Cell, TableQuality
    >>> box = BBox(0, 0, 1, 1)
    >>> cells = [Cell(0, 0, "ผู้รับผิดชอบ", "", box), Cell(0, 1, "ระยะเวลา ดำเนินการ", "", box)]
    >>> period_column(Table(1, 0, box, 1, 2, cells, TableQuality("lines", 1.0, 1.0, 1.0, [])))
    (1, 0)
    """
    for cell in table.cells:
        if cell.row >= HEADER_ROWS or cell.colspan != 1 or not cell.text:
            continue
        text = "".join(cell.text.split())
        if len(text) >= 4 and fuzz.partial_ratio(PERIOD_HEADER, text) >= HEADER_MATCH:
            return cell.col, cell.row + cell.rowspan - 1
    column = period_column_by_cells(table)
    return (column, -1) if column is not None else None


#: Without a header, a column is the period column when this many of its cells read as periods ...
MIN_PERIOD_CELLS = 2
#: ... and they are at least this share of its cells with text, and no other column has as many.
MIN_PERIOD_SHARE = 0.5


def period_column_by_cells(table: Table) -> int | None:
    """The one column most of whose cells (:data:`MIN_PERIOD_SHARE`, :data:`MIN_PERIOD_CELLS` at
    least) parse as periods; None when no column, or two, qualify.

    >>> from schemas import BBox, Cell, TableQuality
    >>> box = BBox(0, 0, 1, 1)
    >>> texts = [("งานพัสดุ", "ต.ค. ๖๗ - ธ.ค. ๖๗"), ("กองคลัง", "ต.ค . ‘ood"), ("สำนักปลัด", "ภายใน ๓๑ มี.ค. ๒๕๖๘")]
    >>> cells = [Cell(r, c, t, "", box) for r, row in enumerate(texts) for c, t in enumerate(row)]
    >>> period_column_by_cells(Table(1, 0, box, 3, 2, cells, TableQuality("lines", 1.0, 1.0, 1.0, [])))
    1
    """
    found: dict[int, int] = {}
    filled: dict[int, int] = {}
    for cell in table.cells:
        if cell.colspan != 1 or not cell.text.strip():
            continue
        filled[cell.col] = filled.get(cell.col, 0) + 1
        if parses(cell.text):
            found[cell.col] = found.get(cell.col, 0) + 1
    good = [col for col, n in found.items() if n >= MIN_PERIOD_CELLS and n >= MIN_PERIOD_SHARE * filled[col]]
    return good[0] if len(good) == 1 else None


def parses(text: str) -> bool:
    """Whether ``text`` reads as a period with no Latin letter in it.

    >>> parses("ต.ค. 65 - มี.ค. 66"), parses("ต.ค. - ธ.ค.")
    (True, True)
    >>> parses("uA. 64 -มิ.ย. 64"), parses("ตามความเหมาะสม")
    (False, False)
    """
    from extractors.ita.periods import parse_period

    if not text.strip() or _LATIN.search(text):
        return False
    return parse_period(text, PROBE_FISCAL_YEAR).rule != "unparsed"


def settle(first: Reading, rereads: Sequence[Callable[[], Reading]]) -> tuple[Reading, list[str] | None]:
    """The reading to keep and, when no reading parses and they disagree, the other readings
    (for the doubt a person checks); ``None`` when there is nothing to doubt.

    Later readings are made only as long as none has parsed (each costs a Tesseract call).

    >>> settle(("uA. 64 - มิ.ย. 64", "uA. 64 - มิ.ย. 64", 0.9), [lambda: ("พ.ค. 64 - มิ.ย. 64", "", 0.8)])
    (('พ.ค. 64 - มิ.ย. 64', '', 0.8), None)
    >>> settle(("ตามความเหมาะสม", "", 0.9), [lambda: ("ตามความเหมาะสม", "", 0.9)])
    (('ตามความเหมาะสม', '', 0.9), None)
    >>> settle(("Aw. 64", "Aw. 64", 0.9), [lambda: ("ศว. 64", "", 0.5)])[1]
    ['ศว. 64']
    """
    if parses(first[0]):
        return first, None
    squashed = "".join(first[0].split())
    others: list[str] = []
    for reread in rereads:
        reading = reread()
        if parses(reading[0]):
            return reading, None
        text = reading[0].strip()
        if text and "".join(text.split()) != squashed and text not in others:
            others.append(text)
    if others or _LATIN.search(first[0]):
        return first, others
    return first, None


# --- header cells ----------------------------------------------------------------------------

#: A year in a table's header is a Buddhist-era fiscal year within these (ITA began in 2557; the
#: range leaves room both ways).  A header number outside it was misread (``๒.๕๖.๔``, ``๓๕๖๕``).
YEAR_RANGE = (2550, 2580)
#: A stretch of digits with the punctuation OCR puts inside them.
_DIGIT_GROUP = re.compile(r"[0-9๐-๙](?:[0-9๐-๙.,/]*[0-9๐-๙])?")
#: A number that is well formed as something other than a year: a score (``๘๘.๑๒``), an amount
#: (``50,000``), a date (``31/3/2565`` is checked by its parts).
_NOT_A_YEAR = re.compile(r"\d+\.\d{1,2}|\d{1,3}(?:,\d{3})+")


def year_groups(text: str) -> list[str]:
    """The digit groups of a header cell that stand where a year would: three to five digits, with
    any punctuation OCR put among them, that are not a well-formed score or amount.

    >>> year_groups("คะแนน ๒.๕๖.๔"), year_groups("คะแนน ๒๕๖๕ ผลต่าง ๘๘.๑๒ (๑)")
    (['๒.๕๖.๔'], ['๒๕๖๕'])
    >>> year_groups("งบประมาณ 50,000 บาท"), year_groups("ภายใน 31/3/2565")
    ([], ['2565'])
    """
    found: list[str] = []
    for match in _DIGIT_GROUP.finditer(text):
        group = match.group()
        arabic = thai_digits_to_arabic(group)
        if _NOT_A_YEAR.fullmatch(arabic):
            continue
        parts = arabic.split("/") if "/" in arabic else [arabic]
        for part, raw in zip(parts, group.split("/") if "/" in group else [group], strict=True):
            digits = sum(ch.isdigit() for ch in part)
            if 3 <= digits <= 5:
                found.append(raw)
    return found


def plausible_year(group: str) -> bool:
    """Whether a digit group is a Buddhist-era year in :data:`YEAR_RANGE`, in either script.

    >>> plausible_year("๒๕๖๔"), plausible_year("2565"), plausible_year("๓๕๖๕"), plausible_year("๒.๕๖.๔")
    (True, True, False, False)
    """
    arabic = thai_digits_to_arabic(group)
    return arabic.isdigit() and YEAR_RANGE[0] <= int(arabic) <= YEAR_RANGE[1]


def header_settled(text: str) -> bool:
    """Whether every year-like group of a header cell is a plausible year (a cell without one is).

    >>> header_settled("คะแนน ๒๕๖๔"), header_settled("คะแนน ๓๕๖๕"), header_settled("ผลต่าง")
    (True, False, True)
    """
    return all(plausible_year(g) for g in year_groups(text))


def with_years(text: str, years: Sequence[str]) -> str | None:
    """``text`` with its year-like groups replaced, in order, by ``years`` (read from the glyphs),
    when there are as many of each and every one is plausible; ``None`` otherwise (never a guess).

    >>> with_years("คะแนน ๓๕๖๕", ["๒๕๖๕"]), with_years("คะแนน ๓๕๖๕", ["๓๕๖๕"])
    ('คะแนน ๒๕๖๕', None)
    >>> with_years("คะแนน ๒.๕๖.๔ และ ๒๕๖๕", ["๒๕๖๔"]) is None
    True
    """
    groups = year_groups(text)
    if not groups or len(groups) != len(years) or not all(plausible_year(y) for y in years):
        return None
    out, at = [], 0
    for group, year in zip(groups, years, strict=True):
        start = text.index(group, at)
        out.append(text[at:start] + year)
        at = start + len(group)
    return "".join(out) + text[at:]


def settle_header(
    first: Reading, rereads: Sequence[Callable[[], Reading]]
) -> tuple[Reading, list[str] | None]:
    """A header cell's reading to keep: the first whose years are all plausible; when none is, the
    first reading with the other readings (for a doubt), or ``None`` when there is nothing to doubt.

    >>> settle_header(("คะแนน ๓๕๖๕", "", 0.9), [lambda: ("คะแนน ๒๕๖๕", "", 0.8)])
    (('คะแนน ๒๕๖๕', '', 0.8), None)
    >>> lost, other = lambda: ("คะแนน", "", 0.8), lambda: ("คะแนน ๓.๕๖๕", "", 0.8)
    >>> settle_header(("คะแนน ๓๕๖๕", "", 0.9), [lost, other])[1]
    ['คะแนน', 'คะแนน ๓.๕๖๕']
    >>> settle_header(("", "", None), [lambda: ("ตัวชี้วัด", "", 0.8)])
    (('ตัวชี้วัด', '', 0.8), None)
    """
    if header_settled(first[0]) and first[0].strip():
        return first, None
    wanted = len(year_groups(first[0]))
    others: list[str] = []
    for reread in rereads:
        reading = reread()
        # A reading that lost the year (read the word alone) settles nothing.
        if reading[0].strip() and header_settled(reading[0]) and len(year_groups(reading[0])) >= wanted:
            return reading, None
        text = reading[0].strip()
        if text and text != first[0].strip() and text not in others:
            others.append(text)
    if not first[0].strip():
        return first, None
    return first, others


#: A cell that starts so is data, not header.
_LEADING_DIGIT = re.compile(r"[+-]?[0-9๐-๙]")


def header_rows(table: Table) -> int:
    """How many of the table's first rows are its header: rows (at most :data:`HEADER_ROWS`) before
    the first row with a cell that starts with a digit (an item ``๑.``, a score ``๘๘.๑๒``, a
    period ``๑ ต.ค. ๖๕``), a header's years alone (``๒๕๖๔``) excepted.

    >>> from schemas import BBox, Cell, TableQuality
    >>> box = BBox(0, 0, 1, 1)
    >>> cells = [Cell(0, 0, "ตัวชี้วัด", "", box), Cell(0, 1, "๒๕๖๕", "", box),
    ...          Cell(1, 0, "การปฏิบัติหน้าที่", "", box), Cell(1, 1, "๘๘.๑๒", "", box),
    ...          Cell(2, 0, "มาตรการ", "", box), Cell(2, 1, "๓", "", box)]
    >>> header_rows(Table(1, 0, box, 3, 2, cells, TableQuality("lines", 1.0, 1.0, 1.0, [])))
    1
    """
    for row in range(min(HEADER_ROWS, table.n_rows)):
        for cell in table.cells:
            text = cell.text.strip()
            if cell.row != row or not _LEADING_DIGIT.match(text):
                continue
            if not all(plausible_year(word) for word in text.split()):
                return row
    return min(HEADER_ROWS, table.n_rows)


#: Words after which a number is a year (พ.ศ. ๒๕๖๖, ปีงบประมาณ ๒๕๖๖, ปี ๒๕๖๕).
YEAR_WORDS = ("พ.ศ.", "พ.ศ", "ปี", "ปีงบประมาณ")


def misread_year(token: str, before: str) -> bool:
    """Whether a token of running text is a year misread: four digits that follow a year word
    (:data:`YEAR_WORDS`) and are no plausible year.

    >>> misread_year("๒๕๐๒", "ประจำปีงบประมาณ พ.ศ."), misread_year("๒๕๖๖", "พ.ศ.")
    (True, False)
    >>> misread_year("๒๕๐๒", "ได้คะแนน"), misread_year("๘๓.๐๘", "ปี")
    (False, False)
    """
    groups = year_groups(token)
    if len(groups) != 1 or groups[0] != token.strip() or plausible_year(token.strip()):
        return False
    if sum(ch.isdigit() for ch in thai_digits_to_arabic(token)) != 4:
        return False
    squashed = "".join(before.split())
    return any(squashed.endswith(word) for word in YEAR_WORDS)
