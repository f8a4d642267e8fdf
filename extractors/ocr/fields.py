"""Table cells read as what they are: a period cell is re-read until a reading parses as a period.

Tesseract's ``tha+eng`` model reads Thai month abbreviations as Latin letters (``ต.ค.`` as
``RA.``, ``พ.ค.`` as ``uA.``, ``ส.ค.`` as ``Aw.``) because both models compete for every glyph.
A cell of the period column (its header says ``ระยะเวลา``, ``ช่วงเวลา`` ... or, without a header,
most of its cells parse or are shaped as damaged periods, :func:`period_shaped`) whose first
reading does not parse as a period, holds Latin letters, has fewer lines than the cell has lines
of ink (a line ``ก.พ. -`` dropped as noise), or is empty though the cell holds lines of ink (a
stamp across it), is read again (:func:`settle_period_cells`, the hook any scanned table can call
with its own cell reader): as Tesseract read it before the glyph reader replaced its numbers; with
the Thai model alone; with the Thai model restricted to Thai letters, digits, ``.``, ``-``, ``/``
and space; so, the cell binarised by its own threshold (a stamp's lighter arc is paper then); each
line of ink on its own (a block reading drops a line of dots and a dash that a reading of the line
alone keeps); its years by the glyph reader; last, each of those Tesseract readings with its
numbers as the glyph reader reads the cell's digits (the Thai model's months, the glyphs' digits:
kept only with a doubt, :func:`period_rereads`).  A reading is accepted only when
:func:`extractors.ita.periods.parse_period` reads it, it has no Latin letter and both its ends are
plausible years; the first such reading with every line of ink wins, in that order (one that lost
a line only when no reading has them all).  When none does, a reading that parses after repairs
(:func:`candidates`: without the stray marks at its edges, with its month abbreviations read by
look-alike consonants, ``ต.ุด.`` as ``ต.ค.`` when one month only fits, with the dash of a range
put back between two months side by side, or with one look-alike consonant of a word read as the
parser's word, ``เตือน`` as ``เดือน``) is kept with a low confidence and a doubt; otherwise the
first reading stays, with a low confidence and a doubt (a check for a person), unless every
reading said the same thing or nothing was read.

A reading that parses can still be a misread year (``๒๕๖๖`` read ``๒๕๖๒``): when the column's
periods that state their years name one fiscal year by a majority, a cell whose period lies
outside it and the years next to it (:mod:`extractors.ita.period_years`) is read again the same
way, and a reading that fits wins with a doubt; none fitting, the first stays with a doubt.  Once
the whole document is read, its own fiscal year does the same for every table
(:mod:`extractors.ocr.year_reread`).

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
from dataclasses import replace
from functools import partial
from itertools import pairwise
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from extractors.ita.period_repairs import (  # noqa: F401 (lookalike_months, trimmed: re-exported)
    PERIOD_CHARS,
    PROBE_FISCAL_YEAR,
    YEAR_RANGE,
    candidates,
    compound_candidates,
    implausibly_dated,
    lookalike_months,
    lopsided_range,
    parses,
    trimmed,
)
from extractors.thai.text import thai_digits_to_arabic
from schemas import DOUBT_CONFIDENCE, Cell, OcrDoubt, Table

#: The period column's header: the wording most ITA templates use (ระยะเวลาดำเนินการ, ระยะเวลา);
#: :func:`period_headers` gives every wording the ITA layer knows.
PERIOD_HEADER = "ระยะเวลา"
#: A header cell matches at this rapidfuzz partial ratio (OCR damages headers too).
HEADER_MATCH = 80.0
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


def period_headers() -> tuple[str, ...]:
    """The shortest wordings of the period header the ITA layer knows (each with no other inside
    it: ``ระยะเวลา``, not ``ระยะเวลาดำเนินการ``, whose ``ดำเนินการ`` alone heads other columns).

    >>> "ระยะเวลา" in period_headers() and "ช่วงเวลา" in period_headers()
    True
    >>> any("ดำเนินการ" in h for h in period_headers())
    False
    """
    from extractors.ita.vocabulary import HEADER_VOCABULARY

    terms = ["".join(t.split()) for t in (PERIOD_HEADER, *HEADER_VOCABULARY["period"])]
    return tuple(dict.fromkeys(t for t in terms if not any(o != t and o in t for o in terms)))


def period_column(table: Table) -> tuple[int, int] | None:
    """``(column, header row)`` of the column whose header (in the first rows) names the period;
    on a table without that header (the rest of a table whose header stayed on the page before),
    the column whose cells read as periods (:func:`period_column_by_cells`), with header row -1.

    >>> from schemas import BBox, Cell, TableQuality
    >>> box = BBox(0, 0, 1, 1)
    >>> cells = [Cell(0, 0, "ผู้รับผิดชอบ", "", box), Cell(0, 1, "ระยะเวลา ดำเนินการ", "", box)]
    >>> period_column(Table(1, 0, box, 1, 2, cells, TableQuality("lines", 1.0, 1.0, 1.0, [])))
    (1, 0)

    A header's words inside another cell (a step ``จัดประชุมชี้แจงระยะเวลาการให้บริการ`` at the top
    of a table continued from the page before) name no column when the cells below it hold no
    period and another column's do (:func:`period_column_by_cells`, else the one column with the
    most cells that parse or are shaped as periods): the cells decide.

    >>> texts = [("๑. ชี้แจงระยะเวลาการให้บริการ", "ส.ค. ๖๔"), ("๒. ประชุม", "ไตรมาสที่ ๓")]
    >>> cells = [Cell(r, c, t, "", box) for r, row in enumerate(texts) for c, t in enumerate(row)]
    >>> period_column(Table(1, 0, box, 2, 2, cells, TableQuality("borderless", 1.0, 1.0, 1.0, [])))
    (1, -1)
    >>> texts = [("๑. ชี้แจงระยะเวลาการให้บริการ", "๑ ต.ค. ๒๕๖๖ - mo ก.ย. ๒๕๖๗"), ("๒. ประชุม", "ก.พ. ว")]
    >>> cells = [Cell(r, c, t, "", box) for r, row in enumerate(texts) for c, t in enumerate(row)]
    >>> period_column(Table(1, 0, box, 2, 2, cells, TableQuality("lines", 1.0, 1.0, 1.0, [])))
    (1, -1)
    """
    named: list[tuple[int, int]] = []
    for cell in table.cells:
        if cell.row >= HEADER_ROWS or cell.colspan != 1 or not cell.text:
            continue
        text = "".join(cell.text.split())
        if len(text) >= 4 and any(fuzz.partial_ratio(h, text) >= HEADER_MATCH for h in period_headers()):
            named.append((cell.col, cell.row + cell.rowspan - 1))
    backed = [(col, head) for col, head in named if _periods_in(table, col, head)]
    if backed:
        return backed[0]
    column = period_column_by_cells(table)
    if column is None and named:  # a header's words, but no period under them: the cells say where
        counts = {col: _periods_in(table, col, -1) for col in range(table.n_cols)}
        most = max(counts.values(), default=0)
        best = [col for col, n in counts.items() if n == most]
        return (best[0], -1) if most and len(best) == 1 else named[0]
    return (column, -1) if column is not None else None


def _periods_in(table: Table, column: int, header: int) -> int:
    """How many cells of ``column`` below ``header`` parse as periods or are shaped as periods OCR
    damaged (:func:`period_shaped`)."""
    return sum(
        1
        for c in table.cells
        if c.col == column and c.row > header and c.colspan == 1 and (parses(c.text) or period_shaped(c.text))
    )


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
    shaped: dict[int, int] = {}
    filled: dict[int, int] = {}
    for cell in table.cells:
        if cell.colspan != 1 or not cell.text.strip():
            continue
        filled[cell.col] = filled.get(cell.col, 0) + 1
        if parses(cell.text):
            found[cell.col] = found.get(cell.col, 0) + 1
        if parses(cell.text) or period_shaped(cell.text):
            shaped[cell.col] = shaped.get(cell.col, 0) + 1
    good = [col for col, n in shaped.items() if n >= MIN_PERIOD_CELLS and n >= MIN_PERIOD_SHARE * filled[col]]
    return good[0] if len(good) == 1 and found.get(good[0], 0) >= 1 else None


#: A dotted abbreviation, in either script (``ต.ค.``, ``Aw.``, ``B.A.``), and a year beside it.
_ABBREVIATION_TOKEN = re.compile(
    r"(?<![A-Za-z\u0e01-\u0e2e])(?:[A-Za-z\u0e01-\u0e2e][\u0e31-\u0e4e]*){1,2}\s?\."
)
_YEAR_TOKEN = re.compile(
    r"(?<![0-9๐-๙])(?:[0-9๐-๙]{2}|[0-9๐-๙]{4})(?![0-9๐-๙])"
    # a year's Thai digits read as Latin letters, right after a dotted abbreviation (``aA. do``)
    r"|(?<=\.)\s?[A-Za-z]{2}(?![A-Za-z.])"
)


def period_shaped(text: str) -> bool:
    """Whether a cell that does not parse is shaped like a period OCR damaged: short
    (:data:`PERIOD_CHARS`), with a dotted abbreviation (Thai, or Latin letters guessed for Thai)
    and a two- or four-digit year.  Counted, with cells that parse, to find the period column of
    a table whose header stayed on the page before (:func:`period_column_by_cells`).

    >>> period_shaped("Aw. - na. 62"), period_shaped("1 ค.ค. 2561 - 30 NU. 2562")
    (True, True)
    >>> period_shaped("aA. do - fa. bo")  # the years' Thai digits read as Latin letters too
    True
    >>> period_shaped("งานพัสดุ, กองการศึกษา"), period_shaped("สรุปผลรอบ 6 เดือน และ 12 เดือน")
    (False, False)
    >>> period_shaped("1. ประกาศเจตจำนงสุจริตของผู้บริหาร ประจำปี พ.ศ. 2562"), period_shaped("ปีละ 2 ครั้ง ทุกเดือน.")
    (False, False)
    """
    text = " ".join(text.split())
    return (
        len(text) <= PERIOD_CHARS
        and bool(_ABBREVIATION_TOKEN.search(text))
        and bool(_YEAR_TOKEN.search(text))
    )


def line_count(reading: Reading) -> int:
    """How many lines a reading has (its raw lines; its text's when it has no raw)."""
    text = reading[1] if reading[1].strip() else reading[0]
    return sum(1 for line in text.split("\n") if line.strip())


#: A range's dash at the end of a reading (``๑ ต.ค. ๒๕๖๘ -``).
_OPEN_END = re.compile(r"[-‐‑‒–—―−]\s*$")


#: The rules of what a range's dash may follow: one day, one month, one quarter (``ไตรมาสที่ ๒ -``).
_RANGE_STARTS = frozenset({"day", "month", "quarter"})


def open_ended(text: str) -> bool:
    """Whether a reading ends with a range's dash after a date it opens (``๑ ต.ค. ๒๕๖๘ -``): in a
    table's last row on its page, the range goes on in the same cell on the next page.

    >>> open_ended("๑ ต.ค. ๒๕๖๘ -"), open_ended("ต.ค. ๖๕ - ธ.ค. ๖๕"), open_ended("ทำอะไร -")
    (True, False, False)

    Only a day, a month or a quarter opens a range: a period that is a whole of its own (``รอบ ๖
    เดือน``, ``ตลอดปีงบประมาณ``, a range already) followed by a dash has a mark read as one (a
    stamp's ring under the cell), no range going on.

    >>> open_ended("รอบ 6 เดือน -"), open_ended("ตลอดปีงบประมาณ ๒๕๖๗ -"), open_ended("ไตรมาสที่ ๒ -")
    (False, False, True)
    """
    from extractors.ita.periods import parse_period

    if not _OPEN_END.search(text):
        return False
    start = _OPEN_END.sub("", text)
    return parses(start) and parse_period(start, PROBE_FISCAL_YEAR).rule in _RANGE_STARTS


def settle(
    first: Reading,
    rereads: Sequence[Callable[[], Reading]],
    lines: int = 0,
    fits: Callable[[str], bool] | None = None,
    last_row: bool = False,
) -> tuple[Reading, list[str] | None]:
    """The reading to keep and, when it is not a reading that parses as it stands, the other
    readings (for the doubt a person checks); ``None`` when there is nothing to doubt.

    Later readings are made only as long as none has parsed (each costs a Tesseract call).  When
    none parses as read, the first reading that parses without the stray marks at its edges
    (:func:`trimmed`: a rule's stub read as ``-``), or with its month abbreviations read by their
    look-alike consonants (:func:`lookalike_months`), is kept so, with the readings as read for
    its doubt; otherwise the first reading stays.

    >>> settle(("uA. 64 - มิ.ย. 64", "uA. 64 - มิ.ย. 64", 0.9), [lambda: ("พ.ค. 64 - มิ.ย. 64", "", 0.8)])
    (('พ.ค. 64 - มิ.ย. 64', '', 0.8), None)
    >>> settle(("ตามความเหมาะสม", "", 0.9), [lambda: ("ตามความเหมาะสม", "", 0.9)])
    (('ตามความเหมาะสม', '', 0.9), None)
    >>> settle(("Aw. 64", "Aw. 64", 0.9), [lambda: ("ศว. 64", "", 0.5)])[1]
    ['ศว. 64']
    >>> settle(("มี.ค. 66 -", "มี.ค. 66 -", 0.9), [lambda: ("มี.ค. 66 —", "", 0.8)])
    (('มี.ค. 66', 'มี.ค. 66 -', 0.9), ['มี.ค. 66 -', 'มี.ค. 66 —'])

    ``lines``, when known, is how many lines of ink the cell holds (:func:`ink_lines`): a reading
    that parses with fewer lines lost one (``ก.พ. -`` over ``ก.ค. ๖๓``, read ``ก.ค. ๖๓``), and the
    first reading that parses with them all wins over it; without one, it stays.

    >>> lost = ("ก.ค. 63", "ก.ค.\\n63", 0.9)
    >>> settle(lost, [lambda: ("ก.พ. - ก.ค. 63", "ก.พ. -\\nก.ค.\\n63", 0.8)], lines=3)
    (('ก.พ. - ก.ค. 63', 'ก.พ. -\\nก.ค.\\n63', 0.8), None)
    >>> settle(lost, [lambda: ("ก.ค. 63", "ก.ค.\\n63", 0.8)], lines=3)
    (('ก.ค. 63', 'ก.ค.\\n63', 0.9), None)

    None parsing whole, a repair of a reading with every line wins, with a doubt (``ม.ศค .-``: the
    lost line's month read with its consonant doubled).

    >>> cut = ("เม.ย, 65", "เม.ย, 65", 0.9)
    >>> settle(cut, [lambda: ("ม.ศค .-เม.ย. 65", "ม.ศค .-\\nเม.ย. 65", 0.8)], lines=2)
    (('ม.ค .-เม.ย. 65', 'ม.ศค .-\\nเม.ย. 65', 0.8), ['เม.ย, 65', 'ม.ศค .-เม.ย. 65'])

    So too when the first reading does not parse at all (``nw. -`` over ``n.a. 68``): a reading
    that parses but lost a line (``ก.ค. 68``) wins only when no later one parses whole.

    >>> latin = ("nw. - n.a. 63", "nw. -\\nn.a. 63", 0.9)
    >>> settle(latin, [lambda: lost, lambda: ("ก.พ. - ก.ค. 63", "ก.พ. -\\nก.ค.\\n63", 0.8)], lines=3)[0][0]
    'ก.พ. - ก.ค. 63'
    >>> settle(latin, [lambda: lost, lambda: ("", "", None)], lines=3)[0][0]
    'ก.ค. 63'

    A repair of a reading with every line (``ต.ด. ส -``: a month's look-alike consonant, a year
    read as a letter) wins over a reading that parses but lost a line, and is kept with a doubt.

    >>> latin = ("An. 64 - ธ.ค. 64", "An. 64 -\\nธ.ค. 64", 0.9)
    >>> lost = ("ธ.ค. 64", "ธ.ค. 64", 0.9)
    >>> settle(latin, [lambda: lost, lambda: ("ต.ด. ส - ธ.ค. 64", "ต.ด. ส -\\nธ.ค. 64", 0.8)], lines=2)
    (('ต.ค. - ธ.ค. 64', 'ต.ด. ส -\\nธ.ค. 64', 0.8), ['An. 64 - ธ.ค. 64', 'ต.ด. ส - ธ.ค. 64'])

    ``fits``, when given, is the evidence of the cell's table
    (:func:`extractors.ita.period_years.fits_years`): a reading that
    parses but whose years it rejects (``๒๕๖๖`` read ``๒๕๖๒`` amid periods of 2566) is doubtful,
    and the cell is read again; the first reading that parses and fits is kept, with the first
    as its doubt (the table's years chose it); when none fits, the first stays with its doubt.

    >>> in_2566 = lambda text: "62" not in text
    >>> settle(("ต.ค. 62", "", 0.9), [lambda: ("ต.ค. 65", "", 0.8)], fits=in_2566)
    (('ต.ค. 65', '', 0.8), ['ต.ค. 62'])
    >>> settle(("ต.ค. 62", "", 0.9), [lambda: ("ต.ค. 62", "", 0.8)], fits=in_2566)
    (('ต.ค. 62', '', 0.9), [])

    Repairs (:func:`extractors.ita.period_repairs.candidates`) are tried on the readings with
    every line of ink first; those of a reading damaged twice over (a debris token and a
    look-alike letter, a damaged month name) only after every other repair of every reading.

    >>> cut = ("ธิ.ศค. ๖๖", "ธิ.ศค. ๖๖", 0.9)
    >>> settle(cut, [lambda: ("ต.ค. ๖๖ - ธิ.ศค. ๖๖", "ต.ค. ๖๖ -\\nธิ.ศค. ๖๖", 0.8)], lines=2)[0][0]
    'ต.ค. ๖๖ - ธิ.ค. ๖๖'

    ``last_row``: the cell is in its table's last row on the page.  A first reading there that
    ends with a range's dash after a date (:func:`open_ended`) is a range the next page's part of
    the cell ends: a reading without the dash would lose it, so the first stays, with its doubt.

    >>> settle(("๑ ต.ค. ๒๕๖๘ -", "", 0.9), [lambda: ("๑ ต.ค. ๒๕๖๘ —", "", 0.8)], last_row=True)
    (('๑ ต.ค. ๒๕๖๘ -', '', 0.9), ['๑ ต.ค. ๒๕๖๘ —'])

    So too a later reading there (the first lost the range's start, ``2562 -``): the open range
    is kept whole, with its dash, rather than repaired into a date of its own by dropping the
    dash (:func:`trimmed`), which would leave the next page's part a period of its own.

    >>> settle(("2562 -", "", 0.9), [lambda: ("1 ต.ค. 2562 -", "", 0.8)], last_row=True)
    (('1 ต.ค. 2562 -', '', 0.8), ['2562 -'])
    >>> settle(("2562 -", "", 0.9), [lambda: ("1 ต.ค. 2562 -", "", 0.8)])[0][0]  # not the last row
    '1 ต.ค. 2562'

    A reading the parser dates outside the plausible years (:func:`implausibly_dated`: ``ส.ค. ๑๑``)
    is doubted even when every reading says the same.

    >>> settle(("ส.ค. ๑๑", "", 0.9), [lambda: ("ส.ค. ๑๑", "", 0.8)])
    (('ส.ค. ๑๑', '', 0.9), [])
    """

    def good(text: str) -> bool:
        return parses(text) and (fits is None or fits(text))

    if good(first[0]) and line_count(first) >= lines:
        return first, None
    if last_row and open_ended(first[0]):  # the range goes on on the next page
        seen = [r[0].strip() for r in (reread() for reread in rereads[:1]) if r[0].strip()]
        return first, [o for o in seen if o != first[0].strip()]
    if good(first[0]):  # parses, but a line of ink is missing from it: look for one whole
        whole: list[Reading] = []
        for reread in rereads:
            reading = reread()
            if good(reading[0]) and line_count(reading) >= lines:
                return reading, None
            if line_count(reading) >= lines and reading[0].strip() and reading not in whole:
                whole.append(reading)
        # none parses whole: a repair of one that has every line dates the whole cell (``ม.ศค .-``
        # over ``เม.ย. 65``: the lost line's month read with its consonant doubled), with a doubt
        for text, raw, confidence in whole:
            for candidate in candidates(text, compound=False):
                if candidate != text.strip() and good(candidate):
                    seen = list(dict.fromkeys(r[0].strip() for r in [first, *whole]))
                    return (candidate, raw, confidence), seen
        return first, None
    # parses, but its years are not the table's, or a consonant was read twice (:func:`lopsided_range`)
    misfit = parses(first[0]) or lopsided_range(first[0])
    squashed = "".join(first[0].split())
    readings = [first]
    others: list[str] = []
    short: Reading | None = None  # the first reading that parses but lost a line of ink
    opened: Reading | None = None  # in the last row, the first whole reading of an open range
    for reread in rereads:
        reading = reread()
        if good(reading[0]) and line_count(reading) >= lines:
            return reading, ([first[0].strip(), *others] if misfit else None)
        if good(reading[0]):
            short = short or reading
            continue
        if last_row and opened is None and open_ended(reading[0]) and line_count(reading) >= lines:
            opened = reading
        readings.append(reading)
        text = reading[0].strip()
        if text and "".join(text.split()) != squashed and text not in others:
            others.append(text)
    if opened is not None:  # the range goes on on the next page: its dash is no stray mark
        return opened, [first[0].strip(), *(o for o in others if o != opened[0].strip())]
    if short is not None:
        # a reading that parses but lost a line of ink (``ธ.ค. 64`` under a lost ``ต.ค. 64 -``)
        # dates part of the cell: a repair of a reading with every line wins over it
        # (``ต.ด. ส - ธ.ค. 64``: a month's look-alike, a year read as a letter)
        kept = [r for r in readings if line_count(r) >= lines]
        found = _with_years_read(kept, [r[0] for r in readings], good)
        if found is not None:
            return found, [first[0].strip(), *others]
        for text, raw, confidence in kept:
            for candidate in candidates(text):
                if candidate != text.strip() and good(candidate):
                    return (candidate, raw, confidence), [first[0].strip(), *others]
        return short, ([first[0].strip(), *others] if misfit else None)  # none: the first that parses
    # a repair of a reading with every line of ink before one of a reading that lost a line
    # (``ธิ.ศค. ๖๖`` lost ``ต.ค. ๖๖ -`` above it: repaired alone, it would date half the range)
    whole = [r for r in readings if line_count(r) >= lines] + [r for r in readings if line_count(r) < lines]
    found = _with_years_read(whole, [r[0] for r in readings], good)
    if found is not None:
        return found, [first[0].strip(), *others]
    for text, raw, confidence in whole:
        for candidate in candidates(text, compound=False):
            if candidate != text.strip() and good(candidate):
                return (candidate, raw, confidence), [first[0].strip(), *others]
    for text, raw, confidence in whole:  # lines of a stamp's or a rule's marks read after the period
        for lead in leading_lines(raw or text, repairs=True):
            # ... and what is left repaired as any reading is (``๒๕๒๐๓`` over a mark ``เ``)
            for candidate in [lead, *candidates(lead, compound=False)]:
                if good(candidate):
                    return (candidate, raw, confidence), [first[0].strip(), *others]
    for text, raw, confidence in whole:  # last, readings damaged twice over (``รอบ 6 a เตอน``)
        for candidate in compound_candidates(text):
            if good(candidate):
                return (candidate, raw, confidence), [first[0].strip(), *others]
    if not first[0].strip():  # nothing read, and nothing that parses found: nothing to doubt
        return first, None
    if misfit or others or _LATIN.search(first[0]) or implausibly_dated(first[0]):
        return first, others
    return first, None


def _with_years_read(
    whole: Sequence[Reading], texts: Sequence[str], good: Callable[[str], bool]
) -> Reading | None:
    """The first reading of ``whole`` whose implausible years another of the cell's readings
    (``texts``) read plausibly at the same place (:func:`years_read_elsewhere`), as it stands or
    after repairs, that parses and fits (``good``); None when none does.  Tried before any
    reading's own repairs: a year the glyphs were read as beats one made from look-alike digits
    (``ภายใน๓๑มี.ค. ๒๕๒๕`` with the glyph reader's ``๒๕๖๔`` is ``ภายใน๓๑มี.ค. ๒๕๖๔``, where
    :func:`lookalike_years` alone would make ``๒๕๖๕``).

    >>> whole = [("ภายใน๓๑มี.ค. ๒๕๒๕", "", 0.9), ("ภายใน oeมี.ค. ๒๕๖๔", "", 0.8)]
    >>> _with_years_read(whole, [r[0] for r in whole], parses)
    ('ภายใน๓๑มี.ค. ๒๕๖๔', '', 0.9)
    >>> _with_years_read(whole[:1], [whole[0][0]], parses) is None
    True
    """
    from extractors.ita.period_repairs import years_read_elsewhere

    for text, raw, confidence in whole:
        for variant in years_read_elsewhere(text, [t for t in texts if t != text]):
            for candidate in dict.fromkeys([variant, *candidates(variant, compound=False)]):
                if good(candidate):
                    return candidate, raw, confidence
    return None


#: What a line of a period holds that marks or a stamp's arc read as letters do not: a digit or a
#: dot (a day, a year, a quarter's number, a month's abbreviation).
_PERIOD_INK = re.compile(r"[0-9๐-๙.]")


def leading_lines(raw: str, repairs: bool = False) -> list[str]:
    """A reading's first lines that read as a period without the lines after them, when those hold
    no digit and no dot (:data:`_PERIOD_INK`: nothing a period's date is written with): a round
    stamp's arc or a rule's remnant under the cell's text read as letters (``ศก ภา -``), longest
    first.  A repair, kept with a doubt (:func:`settle`).  With ``repairs``, so too the first lines
    that parse only after repairs (:func:`candidates`: ``๒๕๒๐๓``, a ``๖`` read as two glyphs), when
    they are no longer than a period (:data:`PERIOD_CHARS`).

    >>> leading_lines("ม.ค. -\\nเม.ย.64\\nศก ภา -")
    ['ม.ค. - เม.ย.64']
    >>> leading_lines("ไตรมาสที่ ๑ -\\nไตรมาสที่ ๒"), leading_lines("ต.ค. 65 - ธ.ค. 65")
    ([], [])
    >>> leading_lines("ก.ย. ๒๕๒๐๓\\nเ"), leading_lines("ก.ย. ๒๕๒๐๓\\nเ", repairs=True)
    ([], ['ก.ย. ๒๕๒๐๓'])
    """
    lines = [line for line in raw.split("\n") if line.strip()]
    found = []
    for n in range(len(lines) - 1, 0, -1):
        if _PERIOD_INK.search(" ".join(lines[n:])):
            break
        text = as_read("\n".join(lines[:n]))
        repairable = repairs and len(text) <= PERIOD_CHARS  # a longer text is no period (prose)
        if parses(text) or (repairable and any(parses(c) for c in candidates(text, compound=False))):
            found.append(text)
    return found


def dated_lines(raw: str) -> int:
    """How many lines of a cell's first reading hold what a period's date is written with (a digit
    or a dot, :data:`_PERIOD_INK`): lines Tesseract's layout told apart, which a round stamp's arc
    across the cell joins into one band of ink (:func:`ink_lines` counts one: ``ก.พ. -`` over
    ``ก.ค. 62``, read ``AW. -`` over ``nA, 62``), so a later reading of one line (``กุค, 62``) lost
    one.  A stamp's arc read as letters holds neither, and is not counted.

    >>> dated_lines("AW. -\\nnA, 62"), dated_lines("ม.ค. -\\nเม.ย.64\\nศก ภา -"), dated_lines("")
    (2, 2, 0)
    """
    return sum(1 for line in raw.split("\n") if _PERIOD_INK.search(line))


#: A period cell read again: ``(cell, mode)`` to a reading, mode ``"thai"`` (the Thai model
#: alone), ``"period"`` (the Thai model restricted to :data:`PERIOD_WHITELIST`),
#: ``"period-own"`` (that, the cell binarised by its own threshold: a round stamp's arc, lighter
#: than print, crossing the cell is ink to the page's threshold and paper to the cell's),
#: ``"lines"`` (each line of ink, :func:`ink_bands`, read on its own as ``"period"`` and the lines
#: joined, :func:`joined_lines`: Tesseract drops a line of a block that is mostly dots and a
#: dash, ``ก.พ. -`` over ``ก.ค. ๖๘``, and keeps it when it is the whole image) or ``"years"`` (the
#: first reading with its years read again by a glyph reader, as a header's: ``25566``,
#: ``256.5``) or ``"glyphs"`` (the first reading with its numbers as the glyph reader reads the
#: cell's digits, :func:`glyph_reading`: Thai digits misread, ``ส.ค. ๒๔``, ``ต.ค. bo doa``; no
#: Tesseract call, so tried first); a reader without one gives ``("", "", None)``.
CellReader = Callable[[Cell, str], Reading]
#: The re-readings of a period cell, in order.
PERIOD_MODES = ("glyphs", "thai", "period", "period-own", "lines", "years")


def joined_lines(parts: Sequence[Reading]) -> Reading:
    """One reading of a cell from the readings of its lines, each read on its own: their raw
    lines one under the other, their texts joined as a wrapped cell's (:func:`as_read`), the
    lowest confidence; a line read as nothing is left out.

    >>> joined_lines([("ก.พ. -", "ก.พ. -", 0.9), ("", "", None), ("ก.ค. ๖๘", "ก.ค. ๖๘", 0.8)])
    ('ก.พ. - ก.ค. ๖๘', 'ก.พ. -\\nก.ค. ๖๘', 0.8)
    >>> joined_lines([("ตลอด", "ตลอด", 0.9), ("ปีงบประมาณ", "ปีงบประมาณ", 0.9)])[0]
    'ตลอดปีงบประมาณ'
    """
    kept = [p for p in parts if p[0].strip()]
    raw = "\n".join(p[1].strip() or p[0].strip() for p in kept)
    confidences = [p[2] for p in kept if p[2] is not None]
    return as_read(raw), raw, (min(confidences) if confidences else None)


#: A band of ink rows lower than this share of the tallest band is a line's marks (above or
#: below it) or a rule's remnant, not a line.
MARK_BAND_SHARE = 0.5


def ink_bands(ink: np.ndarray) -> list[tuple[int, int]]:
    """The rows ``[top, bottom)`` of each line of text in a cell's ink (non-zero = ink): runs of
    rows with ink, those lower than :data:`MARK_BAND_SHARE` of the tallest left out (a line's marks
    above or below it, a rule's remnant); the bands cover the whole cell, each cut from the next
    in the middle of the widest empty stretch between their lines, so a line's marks go with it.

    >>> import numpy as np
    >>> cell = np.zeros((60, 40), np.uint8); cell[5:15, 5:30] = 255; cell[17:19, 8:10] = 255
    >>> cell[30:40, 5:30] = 255; cell[50:58, 5:20] = 255
    >>> ink_bands(cell)
    [(0, 24), (24, 45), (45, 60)]
    """
    rows = (np.count_nonzero(ink, axis=1) > 0).tolist()
    runs, start = [], None
    for y, on in enumerate([*rows, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            runs.append((start, y))
            start = None
    tallest = max((b - a for a, b in runs), default=0)
    lines = [(a, b) for a, b in runs if b - a >= MARK_BAND_SHARE * tallest]
    cuts = [0]
    for (_top, end), (start, _bottom) in pairwise(lines):
        # the empty stretches between the two lines: around the marks' runs that lie between them
        edges = [end, *(y for a, b in runs if end <= a and b <= start for y in (a, b)), start]
        gaps = [(edges[n + 1] - edges[n], edges[n]) for n in range(0, len(edges) - 1, 2)]
        width, at = max(gaps)
        cuts.append(at + width // 2)
    cuts.append(len(rows))
    return [(cuts[n], cuts[n + 1]) for n in range(len(lines))]


def ink_lines(ink: np.ndarray) -> int:
    """How many lines of text a cell's ink (non-zero = ink) holds (:func:`ink_bands`).  A stamp's
    arc joining lines only lowers the count (never asks for a line that is not there).

    >>> import numpy as np
    >>> cell = np.zeros((60, 40), np.uint8); cell[5:15, 5:30] = 255; cell[17:19, 8:10] = 255
    >>> cell[30:40, 5:30] = 255; cell[50:58, 5:20] = 255
    >>> ink_lines(cell)
    3
    """
    return len(ink_bands(ink))


def as_read(raw: str) -> str:
    """A cell's text as Tesseract read it (its raw lines joined and cleaned), before the glyph
    reader replaced its numbers: a year's glyphs read twice (``2566`` as ``25566``) happen there.

    >>> as_read("ภายใน\\n30มิ.ย.\\n2566")
    'ภายใน 30มิ.ย. 2566'
    """
    from extractors.ocr.text import clean_ocr_text
    from extractors.thai.text import join_wrapped_lines

    return clean_ocr_text(join_wrapped_lines(raw.split("\n")), "period")[0] if raw.strip() else ""


def _with_raw_readings(
    first: Reading, rereads: Sequence[Callable[[], Reading]]
) -> list[Callable[[], Reading]]:
    """``rereads``, each followed by its reading as Tesseract read it (:func:`as_read`), after the
    first reading's own; every re-reading still made once, and only when asked for."""
    made: dict[int, Reading] = {}

    def reading(n: int) -> Reading:
        if n not in made:
            made[n] = rereads[n]()
        return made[n]

    def tesseract(n: int) -> Reading:
        _text, raw, confidence = first if n < 0 else reading(n)
        return as_read(raw), raw, confidence

    out: list[Callable[[], Reading]] = [partial(tesseract, -1)]
    for n in range(len(rereads)):
        out += [partial(reading, n), partial(tesseract, n)]
    return out


#: The re-readings of a period cell made by Tesseract (:data:`PERIOD_MODES`), whose numbers the
#: glyph reader may read again (:func:`period_rereads`).
TESSERACT_MODES = frozenset({"thai", "period", "period-own", "lines"})


def period_rereads(
    cell: Cell, read: CellReader, first: Reading, composed: list[Reading] | None = None
) -> list[Callable[[], Reading]]:
    """The re-readings of a period ``cell``, in order: the first reading's raw, each of
    :data:`PERIOD_MODES` and its raw (:func:`_with_raw_readings`), then each Tesseract re-reading
    (:data:`TESSERACT_MODES`) that was made, with its numbers as the glyph reader reads the cell's
    digits (the ``"glyphs"`` reading of the cell with that text: no Tesseract call).  The Thai
    model alone reads a month the first reading had in Latin letters (``aA. do - fA. ๖๗`` is
    ``ต.ค. ๒ ๗ - ชิ.ค. ๖๗`` to it) but may break a digit (``๖`` as ``๒`` and a space); the glyphs
    read the digits whole: the month comes from the Thai reading, the numbers from the glyphs,
    each from the cell's image.  Tried last, only when no reading parsed; a re-reading never made
    is not made for this.  Each such reading made is added to ``composed``: two readings made it,
    so it is kept only with a doubt (:func:`settle_period_cells`).

    >>> from schemas import BBox
    >>> cell = Cell(1, 0, "aA. do - fA. ๖๗", "", BBox(0, 0, 1, 1))
    >>> def read(c, mode):
    ...     if mode == "thai":
    ...         return "ต.ค. ๒ ๗ - ธ.ค. ๖๗", "", 0.8
    ...     if mode == "glyphs" and c.text.startswith("ต.ค."):
    ...         return c.text.replace("๒ ๗", "๖๗"), c.raw, 0.8
    ...     return "", "", None
    >>> rereads = period_rereads(cell, read, (cell.text, cell.raw, 0.9))
    >>> [r()[0] for r in rereads][-len(TESSERACT_MODES) :]
    ['ต.ค. ๖๗ - ธ.ค. ๖๗', '', '', '']
    """
    made: list[Reading] = []

    def remembered(mode: str) -> Reading:
        reading = read(cell, mode)
        made.append(reading)
        return reading

    modes = [partial(remembered, m) if m in TESSERACT_MODES else partial(read, cell, m) for m in PERIOD_MODES]

    def glyphs(n: int) -> Reading:
        if n >= len(made) or not made[n][0].strip():
            return "", "", None
        text, raw, _confidence = made[n]
        reading = read(replace(cell, text=text, raw=raw), "glyphs")
        if composed is not None and reading[0].strip():
            composed.append(reading)
        return reading

    tesseract = sum(1 for m in PERIOD_MODES if m in TESSERACT_MODES)
    return _with_raw_readings(first, modes) + [partial(glyphs, n) for n in range(tesseract)]


def settle_period_cells(
    table: Table,
    read: CellReader,
    lines: Callable[[Cell], int] | None = None,
    fiscal_year: int | None = None,
    known: tuple[int, int] | None = None,
) -> list[OcrDoubt]:
    """Every period cell of ``table`` (the column :func:`period_column` finds, below its header)
    settled by :func:`settle`: its raw text as Tesseract read it (:func:`as_read`), then re-read by
    ``read`` in each of :data:`PERIOD_MODES`, as long as no reading parses; ``table.cells``
    replaced, and the doubts to add to the page returned.

    The hook for any table of a scanned page: a ruled grid's cells (``PageReader.settle_periods``),
    or a borderless table's, whose reader crops the cell's box from the page image.  ``lines``
    counts a cell's lines of ink (:func:`ink_lines`), so that a reading that lost one is read
    again.  A cell no
    reading settles keeps its first reading with :data:`DOUBT_CONFIDENCE` and a doubt; one settled
    only by :func:`trimmed` gets the same.

    The years of the column's periods that parse name the table's fiscal year
    (:func:`extractors.ita.period_years.evidence_fiscal_year`); a cell whose period parses but lies
    outside it (``๒๕๖๖`` read ``๒๕๖๒``) is read again too, and a reading that fits wins, with a
    doubt (:func:`settle`).  ``fiscal_year``, when given, is the document's evidence instead
    (:mod:`extractors.ocr.year_reread`), and only the cells that parse outside it are read again.
    ``known``, when given, is the period column ``(column, header row)`` found by other evidence
    (the document's other pages: :func:`extractors.ocr.period_reread.guided_column`).

    Given ``lines`` (a reader of the page's image), a cell whose reading parses as read is checked
    against its glyphs (:func:`glyphs_gainsay`, the ``"glyphs"`` reading: no Tesseract call): a
    reading of them that parses and fits otherwise wins, with Tesseract's in its doubt.

    >>> from schemas import BBox, TableQuality
    >>> box = BBox(0, 0, 1, 1)
    >>> cells = [Cell(0, 0, "ระยะเวลา", "", box), Cell(1, 0, "ต.ค. 65 - B.A. 65", "", box, confidence=0.9)]
    >>> table = Table(1, 0, box, 2, 1, cells, TableQuality("lines", 1.0, 1.0, 1.0, []))
    >>> def read(cell, mode):
    ...     return ("ต.ค. 65 - ธ.ค. 65", "", 0.7) if mode == "thai" else ("", "", None)
    >>> settle_period_cells(table, read)
    []
    >>> table.cells[1].text, table.cells[1].confidence
    ('ต.ค. 65 - ธ.ค. 65', 0.7)
    """
    found = known or period_column(table)
    if found is None:
        return []
    column, header = found
    doubts: list[OcrDoubt] = []
    cells: list[Cell] = []
    period_cells = [
        c
        for c in table.cells
        if c.col == column
        and c.row > header
        and c.box is not None
        # a cell read as nothing that holds lines of ink (a stamp across it lost them) is read again
        and (c.text.strip() or (lines is not None and fiscal_year is None and lines(c) > 0))
    ]
    from extractors.ita.period_years import evidence_fiscal_year

    year = fiscal_year or evidence_fiscal_year([c.text for c in period_cells if parses(c.text)])
    fits = partial(_fits, year) if year is not None else None
    if fiscal_year is not None:  # the document's evidence: only the periods it doubts, read again
        period_cells = [c for c in period_cells if parses(c.text) and not _fits(fiscal_year, c.text)]
    for cell in table.cells:
        if cell not in period_cells or cell.box is None:
            cells.append(cell)
            continue
        first = (cell.text, cell.raw, cell.confidence)
        composed: list[Reading] = []
        rereads = period_rereads(cell, read, first, composed)
        last_row = cell.row + max(cell.rowspan, 1) >= table.n_rows
        ink = max(lines(cell), dated_lines(cell.raw)) if lines else 0
        (text, raw, conf), others = settle(first, rereads, ink, fits, last_row)
        if others is None and (text, raw, conf) in composed:  # a Thai reading's months, the glyphs' digits
            others = [cell.text.strip()]
        # a reader of the page's image (it counts the cell's lines of ink) has the glyphs to check
        # a reading that parses as read against: no Tesseract call
        if others is None and text == cell.text and lines is not None:
            glyphs = glyphs_gainsay(text, partial(read, cell, "glyphs"), fits)
            if glyphs is not None:
                why = "the glyph reader reads a period's digits otherwise than Tesseract: read from glyphs"
                doubts.append(OcrDoubt(glyphs, text, cell.box, why))
                text, conf = glyphs, DOUBT_CONFIDENCE
        if others is not None:
            conf = DOUBT_CONFIDENCE
            if fits is not None and parses(cell.text) and not fits(cell.text):
                whose = "the document's" if fiscal_year is not None else "the table's other periods'"
                why = f"the period's years lie outside {whose} fiscal year {year}"
                if text != cell.text:
                    why += ": read again"
                doubts.append(OcrDoubt(text, " / ".join(others) or cell.text, cell.box, why))
            elif text != cell.text and parses(text):
                why = (
                    "a period read only after repairs (stray marks at its edges, look-alike letters"
                    " or digits, a range's lost dash)"
                )
                doubts.append(OcrDoubt(text, " / ".join(others), cell.box, why))
            elif last_row and open_ended(text):
                why = "a range that ends below the table's last row on the page (on the next page?)"
                doubts.append(OcrDoubt(text, " / ".join(others), cell.box, why))
            else:
                why = "no reading of the period cell parses as a period"
                doubts.append(OcrDoubt(cell.text, " / ".join(others), cell.box, why))
        cells.append(replace(cell, text=text, raw=raw, confidence=conf))
    table.cells = cells
    return doubts


def glyphs_gainsay(
    text: str, glyphs: Callable[[], Reading], fits: Callable[[str], bool] | None = None
) -> str | None:
    """The reading of a period cell that parses as Tesseract read it (``รอบ ๒ เดือน``) with its
    digits as the glyph reader reads them (``glyphs``: the ``"glyphs"`` re-reading,
    :func:`glyph_reading`, no Tesseract call), when that differs, parses too and fits the table's
    or the document's years (``fits``); None when the glyphs agree or settle nothing.  Two readings
    that both parse disagree only in a digit: ``๖`` and ``๒`` are one loop with another tail, and the
    glyph reader, sure among the digits, is the evidence; the caller keeps Tesseract's in a doubt.

    >>> glyphs_gainsay("รอบ ๒ เดือน", lambda: ("รอบ ๖ เดือน", "", 0.7))
    'รอบ ๖ เดือน'
    >>> glyphs_gainsay("รอบ ๒ เดือน", lambda: ("", "", None)) is None
    True
    >>> glyphs_gainsay("ต.ค. ๖๕", lambda: ("ต.ค. ๒๕", "", 0.7)) is None  # no plausible year
    True
    >>> glyphs_gainsay("รอบ ๒ เดือน", lambda: ("รอบ 1 เดือน", "", 0.7)) is None  # another script
    True
    """
    if not parses(text):
        return None
    found = glyphs()[0]
    if not found.strip() or found == text or not parses(found) or (fits is not None and not fits(found)):
        return None
    # a digit's pieces (``๖`` broken in two at 150 dpi) read as another script's digit (``1``) are
    # no reading of the digit: each digit keeps its script
    return found if _scripts(found) == _scripts(text) else None


def _scripts(text: str) -> str:
    """``text`` with each Thai digit as ``T`` and each Arabic one as ``A``.

    >>> _scripts("รอบ ๖ เดือน 12")
    'รอบ T เดือน AA'
    """
    return re.sub(r"[0-9]", "A", re.sub(r"[๐-๙]", "T", text))


def _fits(fiscal_year: int, text: str) -> bool:
    from extractors.ita.period_years import fits_years

    return fits_years(text, fiscal_year)


# --- header cells ----------------------------------------------------------------------------

#: A stretch of digits with the punctuation OCR puts inside them.
_DIGIT_GROUP = re.compile(r"[0-9๐-๙](?:[0-9๐-๙.,/]*[0-9๐-๙])?")
#: A number that is well formed as something other than a year: a score (``๘๘.๑๒``), an amount
#: (``50,000``), a date (``31/3/2565`` is checked by its parts).
_NOT_A_YEAR = re.compile(r"\d+\.\d{1,2}|\d{1,3}(?:,\d{3})+")


#: Latin letters where a header's year stands, right after ``ปี`` or ``พ.ศ.`` (``ปีwade`` for
#: ``ปี ๒๕๖๑``): the English model's guess for Thai digits it could not read (with a small letter:
#: ``ปี ITA`` is the acronym).
_LATIN_YEAR = re.compile(r"(?:(?<=ปี)|(?<=ศ\.))\s?((?=[A-Z]*[a-z])[A-Za-z]{3,5})(?![A-Za-z])")


def year_groups(text: str) -> list[str]:
    """The groups of a header cell that stand where a year would, in order: three to five digits,
    with any punctuation OCR put among them, that are not a well-formed score or amount; and three
    to five Latin letters right after ``ปี`` or ``พ.ศ.`` (a year read as letters), which are no
    plausible year, so the cell is read again.

    >>> year_groups("คะแนน ๒.๕๖.๔"), year_groups("คะแนน ๒๕๖๕ ผลต่าง ๘๘.๑๒ (๑)")
    (['๒.๕๖.๔'], ['๒๕๖๕'])
    >>> year_groups("งบประมาณ 50,000 บาท"), year_groups("ภายใน 31/3/2565")
    ([], ['2565'])
    >>> year_groups("ปีwade"), year_groups("พ.ศ. lobo และ ๒๕๖๒"), year_groups("ปี ITA")
    (['wade'], ['lobo', '๒๕๖๒'], [])
    """
    found: list[tuple[int, str]] = []
    for match in _DIGIT_GROUP.finditer(text):
        group = match.group()
        arabic = thai_digits_to_arabic(group)
        if _NOT_A_YEAR.fullmatch(arabic):
            continue
        parts = arabic.split("/") if "/" in arabic else [arabic]
        at = match.start()
        for part, raw in zip(parts, group.split("/") if "/" in group else [group], strict=True):
            digits = sum(ch.isdigit() for ch in part)
            if 3 <= digits <= 5:
                found.append((text.index(raw, at), raw))
            at += len(raw) + 1
    found += [(m.start(1), m.group(1)) for m in _LATIN_YEAR.finditer(text)]
    return [raw for _at, raw in sorted(found)]


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


# --- a period cell's digits by the glyph reader ---------------------------------------------

#: Where a period's reading has a number: a run of digits, a run of Latin letters not followed
#: by a dot (the English model's guess for Thai digits it could not read: ``ต.ค. bo doa``; a
#: month read as Latin letters keeps its dots: ``B.A.``), or a sign no period holds standing
#: alone between words (``รอบ » เดือน``: a looped ``๖`` read as ``»``).
_DIGIT_SLOT = re.compile(
    r"[0-9๐-๙]+|(?<![A-Za-z.])[A-Za-z]{1,4}(?![A-Za-z.])|(?<=\s)[»«<>~^*#@&$?]{1,2}(?=\s)"
)


def digit_slots(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` where a period's numbers stand (:data:`_DIGIT_SLOT`), in order.

    >>> t = "ต.ค. bo - ธ.ค. ๖๓"; [t[a:b] for a, b in digit_slots(t)]
    ['bo', '๖๓']
    >>> t = "B.A. ๖๔ - มี.ค. ๖๕"; [t[a:b] for a, b in digit_slots(t)]
    ['๖๔', '๖๕']
    >>> t = "รอบ » เดือน"; [t[a:b] for a, b in digit_slots(t)]
    ['»']
    """
    return [m.span() for m in _DIGIT_SLOT.finditer(text)]


def with_glyph_digits(text: str, runs: Sequence[str]) -> str | None:
    """``text`` with its numbers (:func:`digit_slots`) replaced, in order, by ``runs`` (the cell's
    runs of digits as the glyph reader read them, with trust), when there are as many of each and
    every run is digits only, and a number the reading has in digits keeps its count of digits;
    ``None`` otherwise (the glyphs are evidence for the reading's numbers, never a number where
    the reading has none).

    >>> with_glyph_digits("ส.ค. ๒๔", ["๖๔"]), with_glyph_digits("ต.ค. bo - ธ.ค. Od", ["๖๓", "๖๓"])
    ('ส.ค. ๖๔', 'ต.ค. ๖๓ - ธ.ค. ๖๓')
    >>> with_glyph_digits("ส.ค. ๒๔", ["๖๔", "๑"]) is None, with_glyph_digits("ส.ค. ๒๔", ["๖.๔"]) is None
    (True, True)
    >>> with_glyph_digits("ส.ค. ๒๔", ["๖"]) is None  # a digit fewer: no choice between readings
    True

    A number Tesseract broke in two by a space (``๒ ๗``: a ``๖`` read as ``๒`` and a space) is one
    number when the glyphs find one fewer, and keeps its count of digits.

    >>> with_glyph_digits("ต.ค. ๒ ๗ - ชิ.ค. ๖๗", ["๖๗", "๖๗"])
    'ต.ค. ๖๗ - ชิ.ค. ๖๗'
    >>> with_glyph_digits("ต.ค. ๒ ๗ - ชิ.ค. ๖๗", ["๖", "๖๗"]) is None
    True
    """
    slots = digit_slots(text)
    if len(slots) > len(runs):  # a number Tesseract broke in two (``๒ ๗`` for ``๖๗``)
        slots = _broken_numbers_joined(text, slots)
    if not slots or len(slots) != len(runs) or not all(run.isdigit() for run in runs):
        return None
    # a number read as digits keeps its count of digits: the glyphs choose digits, not how many
    if any(
        _digits(text[a:b]) and len(_digits(text[a:b])) != len(run)
        for (a, b), run in zip(slots, runs, strict=True)
    ):
        return None
    out, at = [], 0
    for (start, end), run in zip(slots, runs, strict=True):
        out.append(text[at:start] + run)
        at = end
    return "".join(out) + text[at:]


def _digits(text: str) -> str:
    """``text``'s digits when it is digits and spaces only, else ``""``."""
    squashed = "".join(text.split(" "))
    return squashed if squashed.isdigit() else ""


def _broken_numbers_joined(text: str, slots: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``slots`` (:func:`digit_slots`) with runs of digits that only a space parts joined into one
    number: Tesseract's reading of a digit broken in two (``๖`` as ``๒`` and a space, ``ต.ค. ๒ ๗``),
    where the glyph reader, reading the ink, finds one number.  Used only when the glyphs find
    fewer numbers than the reading has.

    >>> t = "ต.ค. ๒ ๗ - ชิ.ค. ๖๗"; [t[a:b] for a, b in _broken_numbers_joined(t, digit_slots(t))]
    ['๒ ๗', '๖๗']
    >>> t = "ภายใน 30 มิ.ย. 68"; [t[a:b] for a, b in _broken_numbers_joined(t, digit_slots(t))]
    ['30', '68']
    """
    out: list[tuple[int, int]] = []
    for start, end in slots:
        parted = bool(out) and start > out[-1][1] and not text[out[-1][1] : start].strip(" ")
        if parted and _digits(text[out[-1][0] : out[-1][1]]) and text[start:end].isdigit():
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out


def digit_among_digits(glyph: Any) -> tuple[str, float]:
    """``(digit, similarity)`` of a glyph the glyph reader labelled a digit without trust, told
    among the digit templates alone, when one digit is as similar and as clear of every other
    digit as a trusted glyph is of every other label (:data:`~extractors.ocr.digit_glyphs.MIN_SIMILARITY`,
    :data:`~extractors.ocr.digit_glyphs.MIN_MARGIN`); ``("", 0.0)`` otherwise.

    A period's number stands where its reading has digits, so the glyph is a digit: its doubt
    against a letter (a ``๖`` of Norasi at 150 dpi lies as near the letter templates as the digit
    ones, its margin 0.02) is no doubt about which digit it is (``๒``, Tesseract's reading, far
    behind).  A glyph whose best label is a letter is never made a digit here."""
    from extractors.ocr.digit_glyphs import DIGITS, MIN_MARGIN, MIN_SIMILARITY, among_digits

    if glyph.label not in DIGITS or not glyph.shape:
        return "", 0.0
    digit, similarity, margin = among_digits(glyph.shape)
    if not digit or similarity < MIN_SIMILARITY or margin < MIN_MARGIN:
        return "", 0.0
    return digit, similarity


def glyph_digit_runs(ink: np.ndarray, shapes: Any = None) -> tuple[list[str], float] | None:
    """The runs of digits of a period cell's ink (non-zero = ink), line by line (:func:`ink_bands`),
    as the glyph reader (:mod:`extractors.ocr.digit_glyphs`, with the page's own digit shapes
    ``shapes``) reads them, and the least similarity of their digits; ``None`` when any digit it
    finds is unsure even among the digits alone (:func:`digit_among_digits`: the glyphs settle
    nothing then: an unsure last digit left out would shorten a year).  Punctuation and letters
    split runs (``๓๐/๙`` is two numbers of a date)."""
    from extractors.ocr.digit_glyphs import DIGITS, THAI_DIGITS, read_glyphs_many
    from extractors.thai.text import arabic_digits_to_thai, thai_digits_to_arabic

    bands = ink_bands(ink) if int(np.count_nonzero(ink)) else []
    if not bands:
        return None
    lines = [np.ascontiguousarray(ink[a:b]) for a, b in bands]
    texts: list[str] = []
    similarity = 1.0
    for glyphs in read_glyphs_many(lines, shapes):
        run: list[str] = []
        for glyph in [*glyphs, None]:
            if glyph is not None and glyph.label in DIGITS:
                label, sure = (glyph.label, glyph.similarity) if glyph.trusted else digit_among_digits(glyph)
                if not label:
                    return None
                run.append(label)
                similarity = min(similarity, sure)
                continue
            if run:
                text = "".join(run)
                thai = sum(ch in THAI_DIGITS for ch in text) * 2 >= len(text)
                texts.append(arabic_digits_to_thai(text) if thai else thai_digits_to_arabic(text))
                run = []
    return texts, similarity


def glyph_reading(text: str, raw: str, ink: np.ndarray, shapes: Any = None) -> Reading:
    """A period cell's first reading with its numbers as the glyph reader reads them
    (:func:`glyph_digit_runs`, :func:`with_glyph_digits`): no Tesseract call, so the cheapest
    re-reading; ``("", "", None)`` when the glyphs do not give as many trusted numbers as the
    reading has, or give the reading's own."""
    found = glyph_digit_runs(ink, shapes) if text.strip() else None
    if found is None:
        return "", "", None
    runs, similarity = found
    settled = with_glyph_digits(text, runs)
    if settled is None or settled == text:
        return "", "", None
    return settled, raw, round(max(similarity - 0.1, DOUBT_CONFIDENCE), 3)
