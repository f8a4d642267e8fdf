"""Table cells read as what they are: a period cell is re-read until a reading parses as a period.

Tesseract's ``tha+eng`` model reads Thai month abbreviations as Latin letters (``ต.ค.`` as
``RA.``, ``พ.ค.`` as ``uA.``, ``ส.ค.`` as ``Aw.``) because both models compete for every glyph.
A cell of the period column (its header says ``ระยะเวลา``) whose first reading does not parse as a
period, or holds Latin letters, is read again: with the Thai model alone, and with the Thai model
restricted to Thai letters, digits, ``.``, ``-``, ``/`` and space.  A reading is accepted only when
:func:`extractors.ita.periods.parse_period` reads it and it has no Latin letter; the first such
reading wins, in that order.  When none does, the first reading stays, with a low confidence and a
doubt (a check for a person), unless every reading said the same thing.

The parser is the ITA layer's own (OCR may import ITA: the import contract allows it), so the cell
is accepted by the rule that will read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

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
    """``(column, header row)`` of the column whose header (in the first rows) names the period.

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
    return None


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
