"""Tables as their reader sees them: header fields recognised, rows stitched across page breaks.

Input: a document's per-page :class:`~schemas.Table` list (continuations marked by
:func:`extractors.pdf.tables.link_continuations`).  Output: :class:`~schemas.LogicalTable` objects
whose columns carry a field name from the header vocabulary and whose rows run over pages.

The rules, as measures documents are made:

- **Header rows** are the leading rows whose non-empty cells mostly name a known field; the header's
  columns are then mapped to fields all at once (:func:`extractors.ita.headers.assign_fields`), so a
  cell naming two things gets the one no other column names.  A continued table's repeated header is
  dropped.
- **A progress report** after the measures (a ``สถานะ`` column, or ``ผลการดำเนินงาน รอบ ๖ เดือน``)
  is a table of kind ``report``: it reports on the measures, it adds none.
- **A row cut by a page break** goes on in the first row of the next page's part.  In a cut row
  the short columns (responsible unit, period) were printed with the row's first lines, so the
  continuation leaves them empty; when a table has no such column, the continuation is the row
  whose first column is empty.  Its parts are appended to the row above, page by page.
- **Merged cells** (``rowspan``) give their text to every row they cover; the row records which
  columns it got that way (``spanned``), so that sub-rows can say what they inherited.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import reduce

from extractors.ita.headers import assign_fields, field_scores, names_field, reports_progress
from extractors.ita.period_years import debris
from extractors.ita.periods import parse_period
from extractors.ita.vocabulary import reads_as_unit, year_header, year_in
from extractors.thai.text import (
    COMMA_AS_DOT,
    LETTER_OR_DIGIT,
    LIST_MARKER,
    join_cell_parts,
    normalize_thai,
    repeats_cells,
)
from schemas import RULING_RESTORED, BBox, Cell, CellPart, LogicalRow, LogicalTable, Table

#: Fields that make a table a measures table (two of them, one of the last four among them).
MEASURE_FIELDS = frozenset({"issue", "measure", "steps", "results", "responsible", "period", "follow_up"})
_ACTION_CORE = frozenset({"steps", "responsible", "period", "measure"})
#: Short columns printed with a row's first lines: empty in the part of a row after a page break.
SHORT_FIELDS = frozenset({"responsible", "period"})

MAX_HEADER_ROWS = 3


def _row_cells(table: Table) -> list[list[Cell]]:
    rows: list[list[Cell]] = [[] for _ in range(table.n_rows)]
    for cell in table.cells:
        rows[cell.row].append(cell)
    return rows


def header_of(table: Table) -> tuple[int, list[str | None], list[str]]:
    """How many leading rows are header rows, each column's field, and each column's header text.

    A row is a header row when at least two of its non-empty cells (or its only one, in a table
    of one or two columns) name a field and they are at least 60 % of its non-empty cells, and
    it holds no score (``ตัวชี้วัดที่8 | การปรับปรุงระบบการทำงาน ได้คะแนน 68.03 | คะแนน`` names
    an indicator and a score, but it is a statement, a line of prose OCR cut into columns).
    """
    texts = [""] * table.n_cols
    n_header = 0
    for cells in _row_cells(table)[:MAX_HEADER_ROWS]:
        filled = [c for c in cells if c.text.strip()]
        named = [(c, field_scores(c.text)) for c in filled]
        hits = [c for c, fields in named if fields]
        if any("indicator" in fields for _c, fields in named):  # a year beside it heads scores
            hits += [c for c in filled if year_header(c.text)]
        need = 1 if table.n_cols <= 2 else 2
        if not filled or len(hits) < need or len(hits) < 0.6 * len(filled):
            break
        if any(_SCORE.search(c.text) for c in filled):
            break
        n_header += 1
        for cell in filled:
            for col in range(cell.col, cell.col + cell.colspan):
                if cell.text not in texts[col]:
                    texts[col] = f"{texts[col]} {cell.text}".strip()
    if not n_header:
        n_header, texts = _stacked_header(table)
    if not n_header:
        return 0, [None] * table.n_cols, texts
    rows = _row_cells(table)
    if n_header < len(rows) and header_tail([c for c in rows[n_header] if c.text.strip()], texts):
        for cell in rows[n_header]:
            if cell.text.strip():
                texts[cell.col] = f"{texts[cell.col]} {cell.text}".strip()
        n_header += 1
    return n_header, header_fields(texts), texts


#: A score as printed (two decimals): what a header row never holds.
_SCORE = re.compile(r"(?<![0-9๐-๙.])[0-9๐-๙]{1,3}\.[0-9๐-๙]{2}(?![0-9๐-๙])")
#: A header cell's wrapped tail is short fragments (``ชอบ``, ``รายงาน``), without digits.
_TAIL_CHARS = 15
_DIGIT = re.compile(r"[0-9๐-๙]")


def _fragments(text: str) -> bool:
    """Whether ``text`` is short fragments without digits, as a header's wrapped lines are.

    >>> _fragments("หน่วย งานที่"), _fragments("ต.ค. 65"), _fragments("ประกาศหลักเกณฑ์เรื่องการมีส่วนร่วม")
    (True, False, False)
    """
    return not _DIGIT.search(text) and all(len(w) <= _TAIL_CHARS for w in text.split())


def _stacked_header(table: Table) -> tuple[int, list[str]]:
    """A header whose wrapped lines were cut into rows of their own, none naming fields enough
    alone (``ประเด็นที่`` / ``ต้อง`` / ``ปรับปรุง`` read as three rows because OCR lost a word
    that joined their lines): the fewest leading rows, every one short fragments without digits
    (:func:`_fragments`), whose texts joined column by column make a header row by the test of
    :func:`header_of`; ``(0, texts of nothing)`` when none do.

    >>> def table(*rows):
    ...     cells = [Cell(r, c, t, t, None) for r, row in enumerate(rows) for c, t in enumerate(row)]
    ...     return Table(1, 0, None, len(rows), 4, cells, None)  # type: ignore[arg-type]
    >>> head = (["ประเด็นที่", "แนวทาง", "หน่วย", "ระยะ"], ["ต้อง ปรับปรุง", "ปฏิบัติ", "งานที่ รับผิดชอบ", "เวลา"])
    >>> _stacked_header(table(*head, ["1. การใช้งบ", "มาตรการ", "กองคลัง", "ต.ค. 65"]))
    (2, ['ประเด็นที่ ต้อง ปรับปรุง', 'แนวทาง ปฏิบัติ', 'หน่วย งานที่ รับผิดชอบ', 'ระยะ เวลา'])
    >>> _stacked_header(table(head[0], ["1. การใช้งบ", "มาตรการ", "กองคลัง", "ต.ค. 65"]))[0]
    0
    """
    rows = _row_cells(table)
    texts = [""] * table.n_cols
    for k, cells in enumerate(rows[:MAX_HEADER_ROWS]):
        filled = [c for c in cells if c.text.strip()]
        if not filled or not all(_fragments(c.text) for c in filled):
            break
        for cell in filled:
            texts[cell.col] = f"{texts[cell.col]} {cell.text}".strip()
        named = [t for t in texts if t]
        hits = sum(1 for t in named if names_field(t))
        if k and hits >= (1 if table.n_cols <= 2 else 2) and hits >= 0.6 * len(named):
            return k + 1, texts
    return 0, [""] * table.n_cols


_THAI_LETTER = re.compile("[ก-ฮ]")


def _damaged_header(table: Table) -> tuple[int, list[str]]:
    """A scanned table's first row as its header though OCR damaged some of its cells past naming
    a field (``การด้าเน็นการ`` for ``การดำเนินการ``, ``หน่วยงานที่ร็บ``): two cells or more name
    fields, every other filled cell is short fragments without digits (:func:`_fragments`: no
    list item, no date, no score, as a data row holds) with Thai letters (a Thai word damaged,
    not a mark or a stroke read as Latin), and the fields named make a measures table;
    ``(0, texts of nothing)`` else.  The columns OCR damaged name no field (their rows' text is
    kept, under no field).  Taken only before the document's first measures table
    (:func:`stitch`): a damaged cell after one may have named the status of a progress report.

    >>> def table(*rows, conf=90.0):
    ...     at = [(r, c, t) for r, row in enumerate(rows) for c, t in enumerate(row)]
    ...     cells = [Cell(r, c, t, t, None, confidence=conf) for r, c, t in at]
    ...     return Table(2, 0, None, len(rows), 4, cells, None)  # type: ignore[arg-type]
    >>> head = ["มาตรการ", "การด้าเน็นการ —", "หน่วยงานที่ร็บ", "ช่วงเวลา"]
    >>> data = ["1. มาตรการส่งเสริม", "(1) ส่งเสริม", "งานพัสดุ", "ตลอดปีงบประมาณ"]
    >>> _damaged_header(table(head, data))
    (1, ['มาตรการ', 'การด้าเน็นการ —', 'หน่วยงานที่ร็บ', 'ช่วงเวลา'])
    >>> _damaged_header(table(head, data, conf=None))[0]  # a text layer is read as printed
    0
    >>> _damaged_header(table(["มาตรการ", "(1) ส่งเสริม", "งานพัสดุ", "ช่วงเวลา"], data))[0]
    0
    >>> _damaged_header(table(["at", "มาตรการ", "ผลการดำเนินงาน", "saws |"], data))[0]
    0
    """
    nothing = (0, [""] * table.n_cols)
    if not _read_by_ocr(table) or table.n_rows < 2:
        return nothing
    filled = [c for c in _row_cells(table)[0] if c.text.strip()]
    named = [c for c in filled if names_field(c.text)]
    if len(named) < 2 or any(_SCORE.search(c.text) for c in filled):
        return nothing
    damaged = [c for c in filled if not names_field(c.text)]
    numbered = _numbering_columns(table)
    if not all((_fragments(c.text) and _THAI_LETTER.search(c.text)) or c.col in numbered for c in damaged):
        return nothing
    texts = [""] * table.n_cols
    for cell in filled:
        texts[cell.col] = cell.text
    return (1, texts) if table_kind(header_fields(texts)) == "measures" else nothing


#: A row number: one or two digits, a dot after them or not.
_ROW_NUMBER = re.compile(r"^[0-9๐-๙]{1,2}\.?$")


def _numbering_columns(table: Table) -> set[int]:
    """The columns of ``table`` whose cells under its first row are row numbers (``1``, ``2.``),
    two of them at least, empty cells aside: a header cell over them names the rows' order
    (``ลำดับ``, ``ที่``), whatever OCR read it as over a shaded header row (``Phau ©``).

    >>> cells = [Cell(r, c, t, t, None) for r, row in enumerate([["Phau ©", "มาตรการ"], ["1", "ก"], ["", "ข"],
    ...          ["2", "ค"]]) for c, t in enumerate(row)]
    >>> _numbering_columns(Table(1, 0, None, 4, 2, cells, None))  # type: ignore[arg-type]
    {0}
    """
    texts: dict[int, list[str]] = {}
    for cells in _row_cells(table)[1:]:
        for cell in cells:
            if cell.text.strip():
                texts.setdefault(cell.col, []).append(cell.text.strip())
    return {col for col, ts in texts.items() if len(ts) >= 2 and all(_ROW_NUMBER.match(t) for t in ts)}


def _header_rest(table: Table, n_header: int, texts: Sequence[str]) -> dict[int, str]:
    """The row under the header of a scanned table that continues none, when it is the rest of
    header cells that wrapped (``ดำนิกร``, ``ดำเนินการ`` of ``มาตรการ/ แนวทางการ`` OCR damaged, which
    :func:`header_tail` cannot tell by the field it names): its cells, by column; else {}.

    Such a row continues no row (the table starts here) and starts no action: it holds short
    fragments without digits (:func:`_fragments`) under header cells, in fewer than half the
    named columns (a first action fills its key, steps and period), and the row under it fills
    more columns.

    >>> def table(*rows):
    ...     at = [(r, c, t) for r, row in enumerate(rows) for c, t in enumerate(row) if t]
    ...     cells = [Cell(r, c, t, t, None, confidence=0.9) for r, c, t in at]
    ...     return Table(2, 1, None, len(rows), 4, cells, None)  # type: ignore[arg-type]
    >>> head = ["ประเด็น", "มาตรการ/ แนวทางการ", "วิธีการ", "ระยะเวลา"]
    >>> data = ["คุณภาพ", "1. มาตรการพัฒนา", "(1) กำหนด", "ทุกไตรมาส"]
    >>> _header_rest(table(head, ["", "ดำนิกร", "", ""], data), 1, head)
    {1: 'ดำนิกร'}
    >>> _header_rest(table(head, data, data), 1, head)
    {}
    >>> _header_rest(table(head, ["", "ดำนิกร", "", ""]), 1, head)
    {}
    """
    rows = _row_cells(table)
    if n_header + 1 >= len(rows):
        return {}
    filled = [c for c in rows[n_header] if c.text.strip()]
    below = [c for c in rows[n_header + 1] if c.text.strip()]
    named = sum(1 for t in texts if t)
    if not filled or 2 * len(filled) >= named or len(below) <= len(filled):
        return {}
    if not all(texts[c.col] and _fragments(c.text) and not _item(c.text) for c in filled):
        return {}
    return {c.col: c.text for c in filled}


def _item(text: str) -> bool:
    """Whether ``text`` starts a list item: a marker with something after it (a dash alone under a
    header is a stroke of a stamp read as ``-``, or a header's own dash, no item of a row).

    >>> _item("- ประกาศ"), _item("1. มาตรการ"), _item("-"), _item("กองคลัง")
    (True, True, False, False)
    """
    return bool(_ITEM.match(text)) and bool(_WORDISH.search(text))


def header_tail(cells: Sequence[Cell], texts: Sequence[str]) -> bool:
    """Whether ``cells`` (a row's filled cells under the header rows) only finish header cells
    whose lines wrapped further than the header's rows were read (a scan's third header line
    ``รายงาน ชอบ``): each is short fragments without digits under a header cell, its column
    still names a field with it, and one names its field better.

    >>> texts = ["ที่", "การดำเนิน การ/", "หน่วยงาน ที่รับผิด", "ระยะ เวลา"]
    >>> tail = [Cell(1, 1, "รายงาน", "รายงาน", None), Cell(1, 2, "ชอบ", "ชอบ", None)]
    >>> header_tail(tail, texts)
    True
    >>> header_tail([Cell(1, 1, "จัดทำคู่มือ", "", None), Cell(1, 3, "ต.ค. 65", "", None)], texts)
    False

    A column whose header names no field (``ลำดับ`` printed letter under letter, read as junk)
    may hold a letter or two of it.

    >>> header_tail([Cell(1, 0, "ด ”", "", None), *tail], ["ล “+", *texts[1:]])
    True
    >>> header_tail([Cell(1, 0, "ด ”", "", None)], ["ล “+", *texts[1:]])
    False

    Specks (``|``, ``- 1``: :func:`~extractors.ita.period_years.debris`) count neither way.

    >>> header_tail([Cell(1, 0, "|", "", None), tail[1], Cell(1, 3, "- 1", "", None)], texts)
    True
    """
    if not cells:
        return False
    better = False
    for cell in cells:
        if debris(cell.text):
            continue  # a rule's stub or a shaded cell's grain (``|``, ``- 1``): no text either way
        head = texts[cell.col]
        if not head or any(len(w) > _TAIL_CHARS for w in cell.text.split()) or _DIGIT.search(cell.text):
            return False
        before = max(field_scores(head).values(), default=0.0)
        after = max(field_scores(f"{head} {cell.text}").values(), default=0.0)
        if not before and not after and _letter_count(cell.text) <= _STACKED_LETTERS:
            continue  # a narrow column's header printed letter under letter (``ล`` / ``ำ`` / ``ด``)
        if not after:
            return False
        better = better or after > before
    return better


#: A header cell too narrow for its word (``ลำดับ`` over a column of numbers) wraps letter by
#: letter: a line of it holds this many letters at most ...
_STACKED_LETTERS = 2


def _letter_count(text: str) -> int:
    """The letters of ``text``: Thai consonants and Latin letters (OCR reads a stacked Thai letter
    as either), vowels, marks, digits and punctuation left out.

    >>> _letter_count("ด ”"), _letter_count("ำ"), _letter_count("ผิดชอบ")
    (1, 0, 5)
    """
    return len(re.findall(r"[ก-ฮA-Za-z]", text))


def header_fields(texts: Sequence[str]) -> list[str | None]:
    """Each column's field from its header text, the row mapped at once; read as a measures
    table when it is one: a ``ตัวชี้วัด`` column there (no issue column besides) names the issue the
    measures address, and ``ผลการดำเนินงาน`` outside a progress report is the row's results.

    >>> header_fields(["ตัวชี้วัด/การติดตามผล", "มาตรการ", "วิธีการ", "การติดตามผล"])
    ['issue', 'measure', 'steps', 'follow_up']
    >>> header_fields(["มาตรการ", "ผลการดำเนินงาน", "สถานะ"])
    ['measure', 'progress', 'status']
    """
    fields = assign_fields(texts)
    if "indicator" in fields and table_kind(fields) != "measures":
        # a two-year table heads its score columns with their years alone (``ปี ๒๕๖๗``)
        fields = ["score" if f is None and year_header(t) else f for f, t in zip(fields, texts, strict=True)]
    if reports_progress(fields, texts):
        return fields
    fields = ["results" if f == "progress" else f for f in fields]
    if table_kind(fields) == "measures" and "issue" not in fields:
        fields = ["issue" if f == "indicator" else f for f in fields]
    return fields


#: Share of an unnamed column's filled cells, at least, that read as units for it to be the units'.
UNIT_SHARE = 0.75


def units_by_content(fields: Sequence[str | None], rows: Sequence[LogicalRow]) -> list[str | None]:
    """``fields`` of a measures table whose header names no column the responsible units', with
    the one unnamed column whose cells read as units' names (:func:`reads_as_unit`, in
    :data:`UNIT_SHARE` of its filled cells, two at least) taken for it: OCR lost the header's
    words (``ผิด ขอบ`` for ``ผู้รับผิดชอบ``) but not the cells'.  When no column or two read so, the
    fields stand.

    >>> def row(*texts):
    ...     return LogicalRow(1, texts={c: t for c, t in enumerate(texts)})
    >>> rows = [row("1. อบรม", "ฝ่าย บริหาร", "2568"), row("2. ตรวจ", "กองช่าง", "2568")]
    >>> units_by_content(["steps", None, "period"], rows)
    ['steps', 'responsible', 'period']
    >>> units_by_content(["steps", None, "period"], rows[:1])
    ['steps', None, 'period']
    """
    fields = list(fields)
    if table_kind(fields) != "measures" or "responsible" in fields:
        return fields
    found = []
    for col, name in enumerate(fields):
        filled = [t for t in (_own_text(r, col) for r in rows) if t.strip()] if name is None else []
        if len(filled) >= 2 and sum(map(reads_as_unit, filled)) >= UNIT_SHARE * len(filled):
            found.append(col)
    if len(found) == 1:
        fields[found[0]] = "responsible"
    return fields


def table_kind(fields: Sequence[str | None]) -> str:
    """``measures``, ``indicators``, ``report`` or ``other``, from the fields the header names.

    >>> table_kind(["measure", "steps", "responsible", "period", "follow_up"])
    'measures'
    >>> table_kind(["indicator", "score", "issue"]), table_kind([None, None])
    ('indicators', 'other')
    >>> table_kind(["seq", "measure", "progress", "status"])
    'report'
    """
    present = set(fields) - {None}
    if present & {"status", "progress"}:
        return "report"
    if "score" in present and ("indicator" in present or "instrument" in present):
        return "indicators"
    if len(present & MEASURE_FIELDS) >= 2 and present & _ACTION_CORE:
        return "measures"
    return "other"


def _data_rows(table: Table, first: int) -> list[LogicalRow]:
    """The table's rows from ``first`` on, merged cells handed to every row they cover."""
    rows: list[LogicalRow] = []
    by_row = _row_cells(table)
    for r in range(first, table.n_rows):
        row = LogicalRow(page=table.page)
        own = by_row[r]
        for cell in own:
            row.cells[cell.col] = (
                [CellPart(table.page, cell.box, cell.text, cell.raw, cell.confidence)] if cell.text else []
            )
        for cell in table.cells:
            if cell.row < r < cell.row + cell.rowspan:
                row.cells[cell.col] = (
                    [CellPart(table.page, cell.box, cell.text, cell.raw, cell.confidence)]
                    if cell.text
                    else []
                )
                row.spanned.add(cell.col)
        filled = [c for c in own if c.text.strip()]
        row.full_width = len(filled) == 1 and filled[0].colspan >= max(table.n_cols - 1, 2)
        rows.append(row)
    return rows


def _own_text(row: LogicalRow, col: int) -> str:
    if col in row.spanned:
        return ""
    if not row.cells:  # a row known by its texts alone
        return row.texts.get(col, "")
    return "".join(p.text for p in row.cells.get(col, []))


def continues_row(row: LogicalRow, above: LogicalRow, fields: Sequence[str | None]) -> bool:
    """Whether ``row``, first on a continued page, is the rest of ``above`` cut by the page break."""
    if row.full_width or above.full_width:
        return False
    short = [i for i, f in enumerate(fields) if f in SHORT_FIELDS]
    if short and (_period_cut(row, above, fields) or _period_split(row, above, fields)):
        return True
    if _list_cut(row, above, fields):
        return True
    if short:
        return all(not _own_text(row, c) for c in short) and any(above.cells.get(c) for c in short)
    first = next((i for i, f in enumerate(fields) if f != "seq"), 0)
    return not _own_text(row, first) and any(_own_text(row, c) for c in range(len(fields)))


#: Whether a text reads as a period at all does not depend on the fiscal year: any year will do.
_ANY_YEAR = 2566


#: A run of five digits or more is no day and no year: a year OCR misread (``๒๕๒๑๕``).
_NO_YEAR = re.compile(r"(?<![0-9๐-๙])[0-9๐-๙]{5,}(?![0-9๐-๙])")


def _reads_as_period(text: str) -> bool:
    """Whether ``text`` reads as a period under some fiscal year (the year it names, or the next),
    or would with a year OCR misread into five digits or more left out: whether the row has a
    period of its own does not depend on its year being read.

    >>> _reads_as_period("ภายใน 31 มี.ค. 2565"), _reads_as_period("ตลอด"), _reads_as_period("2565")
    (True, False, False)
    >>> _reads_as_period("ภายใน ๓๐มิ.ย. ๒๕๒๑๕"), _reads_as_period("๒๕๒๑๕")
    (True, False)
    """
    named = year_in(text)
    years = {_ANY_YEAR, *((named, named + 1) if named else ())}
    if any(parse_period(text, y).rule != "unparsed" for y in years):
        return True
    unyeared = " ".join(_NO_YEAR.sub(" ", text).split())
    return unyeared != text and bool(unyeared) and parse_period(unyeared, _ANY_YEAR).rule != "unparsed"


#: A number and a comma before a word: an item whose dot OCR read as a comma (``1, ตรวจสอบ``), as
#: :data:`_NUMBERED_KEY` reads a key cell's.
_COMMA_ITEM = rf"[0-9๐-๙]{{1,3}}\s*{COMMA_AS_DOT}"
#: A number OCR read apart from its dot (``๑ . สำรวจ``, a scan's gap between the glyphs) before a
#: word: an item as ``๑. สำรวจ`` is; a decimal point has digits after it.
_SPACED_ITEM = r"[0-9๐-๙]{1,3}\s+\.(?=\s*[ก-ฮเ-ไ])"
_ITEM = re.compile(f"^\\s*(?:{LIST_MARKER}|{_COMMA_ITEM}|{_SPACED_ITEM})")
_WORDISH = re.compile(LETTER_OR_DIGIT)
#: The rules that read one day or one month alone: what a range's start or end reads as by itself.
_ONE_DATE = frozenset({"day", "month"})
#: The rules that read a range of days or months: what a range's two ends read as together.
_RANGE = frozenset({"day-range", "month-range"})


def range_halves(start: str, end: str) -> bool:
    """Whether ``start`` and ``end`` are the two ends of one range whose dash OCR lost, cut apart
    by a page break or a row's wrap: each reads as one day or one month by itself, and together,
    a dash between them, as one range that ends after it starts (``1 ต.ค. 2562`` / ``30 ก.ย.
    2563``, ``ต.ค. ๖๓`` / ``ธ.ค. ๖๓``).  Whether they are is the caller's to decide from the other
    columns (a list that goes on, no issue or measure of its own): two rows' single months read
    alike.

    >>> range_halves("1 ต.ค. 2562", "30 ก.ย. 2563"), range_halves("ต.ค. ๖๓", "ธ.ค. ๖๓")
    (True, True)
    >>> range_halves("ก.ค. 65", "มิ.ย. 65"), range_halves("ไตรมาสที่ 1", "ไตรมาสที่ 2")
    (False, False)
    >>> range_halves("ก.พ. 63", "ก.พ. 63")
    False
    >>> range_halves("ต.ค. 65 - ธ.ค. 65", "มี.ค. 66"), range_halves("", "ธ.ค. ๖๓")
    (False, False)
    """
    if not start.strip() or not end.strip():
        return False
    first, last = parse_period(start, _ANY_YEAR), parse_period(end, _ANY_YEAR)
    if first.rule not in _ONE_DATE or last.rule not in _ONE_DATE:
        return False
    if first.start is None or last.start is None or last.start <= first.start:
        return False  # the same month twice (``ก.พ. 63`` / ``ก.พ. 63``) is two rows' periods
    joined = parse_period(f"{start} - {end}", _ANY_YEAR)
    return joined.rule in _RANGE and joined.start is not None and joined.start < (joined.end or joined.start)


def _period_cut(row: LogicalRow, above: LogicalRow, fields: Sequence[str | None]) -> bool:
    """A fragment of the row above, its cells wrapped over the page break: the row starts no
    numbered issue/measure and has no period of its own (a row's period is printed at its top:
    ``แวดล้อม`` of ``กองสาธารณสุขและสิ่ง`` / ``แวดล้อม``, ``2. กำหนดแนวทาง`` of a steps list), or
    starts no item and its period is a fragment (``2565`` of ``1 ต.ค. 2564 - 30 ก.ย.`` / ``2565``).

    >>> f = ["issue", "steps", "responsible", "period"]
    >>> above = LogicalRow(1, texts={1: "(1) ก", 2: "กอง", 3: "1 ต.ค. 2564 - 30 ก.ย."})
    >>> _period_cut(LogicalRow(2, texts={1: "งาน", 3: "2565"}), above, f)
    True
    >>> _period_cut(LogicalRow(2, texts={2: "แวดล้อม"}), above, f)
    True
    >>> _period_cut(LogicalRow(2, texts={1: "(2) ข", 3: "ก.ค. 65"}), above, f)
    False
    >>> _period_cut(LogicalRow(2, texts={1: "(2) ข", 2: "สำนักปลัด"}), above, f)
    True
    >>> _period_cut(LogicalRow(2, texts={1: "จัดทำคู่มือ", 2: "กองช่าง", 3: "ก.ค. 65"}), above, f)
    False

    The issue or measure cell wrapped over the break too (``การใช้อำนาจ`` / ``อย่างเป็นธรรม``): the
    row starts no numbered issue and has no period, so it is still the rest of the row above.

    >>> _period_cut(LogicalRow(2, texts={0: "อย่างเป็นธรรม", 2: "ธ์"}), above, f)
    True
    >>> _period_cut(LogicalRow(2, texts={0: "3. มาตรการ", 1: "(1) ข", 2: "กองช่าง"}), above, f)
    False
    >>> _period_cut(LogicalRow(2, texts={0: "การใช้จ่าย", 1: "(1) ข", 3: "ก.ค. 65"}), above, f)
    False

    Both: the issue cell wrapped, and the period's end year went over the break (``ทำงาน`` of
    ``การปรับปรุงระบบการ`` / ``ทำงาน``, ``๒๕๖๓`` of ``๑ ต.ค. ๒๕๖๒ - ๓๐ ก.ย.``, OCR misreading it ``๒๕๒๓``):
    a year alone is no period of the row's own.

    >>> _period_cut(LogicalRow(2, texts={0: "ทำงาน", 1: "การมีส่วนร่วม", 3: "๒๕๒๓"}), above, f)
    True
    >>> _period_cut(LogicalRow(2, texts={0: "ทำงาน", 1: "๑. ติดตาม", 3: "๒๕๒๓"}), above, f)
    False
    """
    periods = [i for i, f in enumerate(fields) if f == "period"]
    keys = [i for i, f in enumerate(fields) if f in ("issue", "measure")]
    texts = {c: t for c in range(len(fields)) if (t := _own_text(row, c).strip())}
    if not texts or not any(_own_text(above, c) for c in periods):
        return False
    own_period = " ".join(texts[c] for c in periods if c in texts)
    key_texts = [texts[c] for c in keys if c in texts]
    period_of_its_own = bool(own_period) and not _YEAR_ALONE.match(own_period)
    if key_texts and (period_of_its_own or any(_ITEM.match(t) for t in key_texts)):
        return False  # a new issue or measure: numbered, or with a period of its own
    if not own_period:
        # an action's period is printed at its row's top: this row has none of its own, unless it
        # starts anew a list the row above has begun (``๑. เผยแพร่…`` under ``๑. สรุปผล…``): a
        # row whose period OCR read as nothing
        return not _restarts_list(row, above, fields)
    if any(_ITEM.match(t) for t in texts.values()):
        return False
    return not _reads_as_period(own_period)


def _restarts_list(row: LogicalRow, above: LogicalRow, fields: Sequence[str | None]) -> bool:
    """Whether a list column of ``row`` starts with a first item (``๑.``, ``(1)``) where the
    row above's cell of that column starts with an item too: a list of its own, no rest of one.

    >>> f = ["steps", "period"]
    >>> above = LogicalRow(1, texts={0: "๑. สรุปผล", 1: "ส.ค. ๖๕"})
    >>> _restarts_list(LogicalRow(2, texts={0: "๑. เผยแพร่"}), above, f)
    True
    >>> _restarts_list(LogicalRow(2, texts={0: "๒. จัดทำ"}), above, f)
    False
    >>> _restarts_list(LogicalRow(2, texts={0: "๑. เผยแพร่"}), LogicalRow(1, texts={1: "ส.ค."}), f)
    False
    """
    return any(
        f in LIST_FIELDS and _ITEM.match(_own_text(above, c).strip()) and _first_item(_own_text(row, c))
        for c, f in enumerate(fields)
    )


#: A year alone, two digits or four (the end of a range cut over a page break).
_YEAR_ALONE = re.compile(r"^\s*(?:[0-9๐-๙]{2}|[0-9๐-๙]{4})\s*$")

#: An item's bracketed number with a speck read inside the bracket (``(อ๑)`` for ``(๑)``).
_DAMAGED_ITEM = re.compile(r"^\s*\(\s*[^\s()0-9๐-๙]\s*[0-9๐-๙]{1,2}\s*\)\s*(?=[ก-ฮเ-ไ])")

#: A number and a space before a Thai word: an item whose dot OCR lost (``1 พัฒนาระบบ``).
_BARE_NUMBER = re.compile(r"^\s*[0-9๐-๙]{1,2}\s+(?=[ก-ฮเ-ไ])")


def _dot_lost(text: str) -> bool:
    """Whether a list cell starts with an item whose dot OCR lost (``1 พัฒนาระบบ``), not a date.

    >>> _dot_lost("1 พัฒนาระบบ แนวปฏิบัติ"), _dot_lost("1 ต.ค. 2567 - 30 ก.ย. 2568"), _dot_lost("พัฒนา")
    (True, False, False)
    """
    return bool(_BARE_NUMBER.match(text)) and not _reads_as_period(text)


#: Columns whose cells are lists of items (``1. …``, ``- …``).
LIST_FIELDS = frozenset({"steps", "results"})


def _list_cut(row: LogicalRow, above: LogicalRow, fields: Sequence[str | None]) -> bool:
    """The page break cut a list cell: in every list column (steps, results) where both rows have
    text, the row above's starts with an item marker and this row's goes on with that list (the
    rest of an item, ``งานด้านการประเมินผลงาน`` of ``1. สรุปผลการดำเนิน``, or its next item
    ``(๒)`` in a row without a period of its own); a sub-row of its own starts its list anew, or
    numbers it on under a period of its own.

    >>> f = ["measure", "steps", "results", "period"]
    >>> above = LogicalRow(1, texts={0: "4. มาตรการ", 1: "1. สรุปผลการดำเนิน", 2: "- บันทึก", 3: "1 ต.ค."})
    >>> _list_cut(LogicalRow(2, texts={0: "กำกับดูแล", 1: "งานด้านการประเมิน", 2: "รายงานผล"}), above, f)
    True
    >>> _list_cut(LogicalRow(2, texts={1: "1. แต่งตั้งคณะทำงาน", 2: "รายงานผล"}), above, f)
    False
    >>> _list_cut(LogicalRow(2, texts={0: "มาตรการใหม่", 3: "ก.ค. 65"}), above, f)
    False
    >>> _list_cut(LogicalRow(2, texts={0: "กำกับ", 1: "2. ส่งเสริม", 3: "2566"}), above, f)
    True
    >>> _list_cut(LogicalRow(2, texts={1: "2. จัดประชุม", 3: "ม.ค. - มี.ค. 65"}), above, f)
    False
    >>> _list_cut(LogicalRow(2, texts={1: "อ. บันทึกและจัดเก็บ", 3: "ภายใน 30 มิ.ย. 2565"}), above, f)
    False
    >>> started = LogicalRow(1, texts={1: "(1) เผยแพร่", 3: "ต.ค. 63"})  # a range's start, its dash lost
    >>> _list_cut(LogicalRow(2, texts={1: "ประชาสัมพันธ์แผน", 3: "ธ.ค. 63"}), started, f)
    True
    >>> cut = LogicalRow(1, texts={1: "(1) บันทึกและจัด", 3: "จลงด"})  # OCR's ``ตลอด``, cut by the break
    >>> _list_cut(LogicalRow(2, texts={1: "เก็บข้อมูลการจัดซื้อ", 3: "ปีงบประมาณ พ.ศ. 2564"}), cut, f)
    True

    A bullet (``- บันทึกรายงานผล``) tells nothing: a bulleted list's next item and a new list look
    alike.  The other list columns decide (``ปี`` of ``…ประจำ`` / ``ปี`` is the rest of an item).

    >>> _list_cut(LogicalRow(2, texts={1: "ปี", 2: "- รายงาน", 3: "พ.ศ. 2565"}), above, f)
    True
    >>> _list_cut(LogicalRow(2, texts={1: "1. จัดทำ", 2: "- รายงาน"}), above, f)
    False
    >>> _list_cut(LogicalRow(2, texts={2: "- รายงาน"}), above, f)
    False

    OCR may read an item's number apart from its dot (``๑ . สำรวจ``): still an item, whose rest
    (``มาตรฐานการปฏิบัติงาน``) goes on over the break, though the row above lost its period to OCR.

    The row above's first item may be damaged by a speck inside its bracket (``(อ๑) ส่งเสริม…``).

    >>> damaged = LogicalRow(1, texts={1: "(อ๑) ส่งเสริม", 3: "ตลอดปีงบประมาณ พ.ศ."})
    >>> _list_cut(LogicalRow(2, texts={1: "(๒) ทบทวน", 3: "๒๕๖๘"}), damaged, f)
    True

    The next item under a range that stops at its end's day (OCR's ``1 aa. 2564 - 30`` / ``ก.ย, 2565``):
    the period is that range's end, not the row's own.

    >>> cut = LogicalRow(1, texts={1: "(1) แต่งตั้ง", 3: "1 aa. 2564 - 30"})
    >>> _list_cut(LogicalRow(2, texts={1: "(2) วางแผน", 3: "ก.ย, 2565"}), cut, f)
    True

    >>> spaced = LogicalRow(1, texts={1: "๑ . สำรวจความคิดเห็นต่อ"})
    >>> _list_cut(LogicalRow(2, texts={1: "มาตรฐานการปฏิบัติงาน", 2: "กองการศึกษา", 3: "bo"}), spaced, f)
    True
    """
    pairs = [
        (first, rest)
        for c, f in enumerate(fields)
        if f in LIST_FIELDS and (first := _own_text(above, c).strip()) and (rest := _own_text(row, c).strip())
    ]
    if not all(
        _ITEM.match(first) or _DAMAGED_ITEM.match(first) or _dot_lost(first) for first, _rest in pairs
    ):
        return False
    pairs = [(first, rest) for first, rest in pairs if not _bullet(rest)]
    if not pairs or not all(_goes_on(rest) for _first, rest in pairs):
        return False
    # a row's period is printed at its top: the part of a cut row has none, or a fragment (๒๕๖๘);
    # a row under a period of its own is a row of its own, though its first item's number was
    # lost to OCR (``อ. บันทึก…`` for ``๑. บันทึก…``) and it reads like the rest of an item
    period = " ".join(_own_text(row, c) for c, f in enumerate(fields) if f == "period").strip()
    above_period = " ".join(_own_text(above, c) for c, f in enumerate(fields) if f == "period").strip()
    own_period = bool(period) and _reads_as_period(period)
    if all(not _ITEM.match(rest) for _first, rest in pairs):
        # a period above that is a range's start (``ต.ค. ๖๓ -``, ``ต.ค. ๖๓ - 30``: :data:`_OPEN_END`;
        # or ``ต.ค. ๖๓`` whose dash OCR lost, :func:`range_halves`) goes on in this part
        # (``ธ.ค. ๖๓``): its end, not its own
        # (two single dates read alike as a range's ends and as two rows' periods: only a row that
        # starts no numbered issue or measure of its own)
        keys = [c for c, f in enumerate(fields) if f in ("issue", "measure")]
        keyed = any(_ITEM.match(_own_text(row, c).strip()) for c in keys)
        halves = not keyed and range_halves(above_period, period)
        # a period above that reads as none (``ตลอด`` of ``ตลอดปีงบประมาณ``, or OCR's ``จลงด`` for
        # it) is the first part of the one this part goes on with: the row above has no period of
        # its own to tell this one apart from
        cut = not keyed and not _reads_as_period(above_period)
        open_range = bool(_OPEN_END.search(above_period)) or halves or cut
        return not (own_period and above_period and not open_range)  # else the rest of an item
    # the next item: a sub-row may number its steps on from the row above (๒. under ๑.), but then
    # it has its own period; unless the period above stops at its dash or its end's day
    # (``1 ต.ค. 2564 - 30`` / ``ก.ย. 2565``): this row's is that range's end
    return not own_period or bool(_OPEN_END.search(above_period))


#: A range that stops at its dash or at its end's day, the month still to come.
_OPEN_END = re.compile(r"[-–—]\s*(?:[0-9๐-๙]{1,2}\s*)?$")


_NUMBERED = re.compile(rf"^\s*\(?\s*([0-9๐-๙]{{1,3}})\s*(?:[.)]|{COMMA_AS_DOT})(?![0-9๐-๙])")


def _bullet(text: str) -> bool:
    """Whether a list cell's text starts with an unnumbered item marker (``-``, ``•``).

    >>> [_bullet(t) for t in ("- รายงาน", "• ก", "2. ทบทวน", "(๒) ก", "งาน")]
    [True, True, False, False, False]
    """
    return bool(_ITEM.match(text)) and not _NUMBERED.match(text)


def _goes_on(text: str) -> bool:
    """Whether a list cell's text goes on with a list begun above: it starts with no item marker
    (the rest of an item), or with an item numbered past the first (``(๒) ส่งเสริม…``).

    >>> [_goes_on(t) for t in ("งานด้านการ", "(๒) ส่งเสริม", "2. ทบทวน", "1. จัดทำ", "(๑) อบรม", "- รายงาน")]
    [True, True, True, False, False, False]
    >>> [_goes_on(t) for t in ("1, ตรวจสอบ", "2, ทบทวน", "1,000 บาท")]  # a dot read as a comma
    [False, True, True]
    """
    numbered = _NUMBERED.match(text)
    if numbered:
        return numbered.group(1) not in _FIRST_NUMBERS
    return not _ITEM.match(text)


def _period_split(row: LogicalRow, above: LogicalRow, fields: Sequence[str | None]) -> bool:
    """The row above's period reads as no period, and with this row's it reads as one: the page
    break cut the row in every column (``ตลอด`` / ``ปีงบประมาณ พ.ศ. 2564``).

    >>> f = ["issue", "period"]
    >>> _period_split(LogicalRow(2, texts={0: "การใช้", 1: "ปีงบประมาณ"}), LogicalRow(1, texts={1: "ตลอด"}), f)
    True
    >>> _period_split(LogicalRow(2, texts={1: "ก.ค. 65"}), LogicalRow(1, texts={1: "มิ.ย. 65"}), f)
    False

    OCR may damage the first part past reading even joined (``กุมภาพัน ๕ พฤษภาค`` / ``ม 2566``):
    two fragments, neither a period, in a row that starts nothing of its own (no cell starts an
    item: ``10)`` alone is the rest of ``(ตัวชี้วัดที่`` / ``10)``) are still one cut cell.

    >>> f = ["issue", "measure", "steps", "period"]
    >>> above = LogicalRow(1, texts={0: "การป้องกัน (ตัวชี้วัดที่", 2: "1. ทบทวน", 3: "กุมภาพัน ๕ พฤษภาค"})
    >>> _period_split(LogicalRow(2, texts={0: "10)", 1: "ทุจริตภายใน", 3: "ม 2566"}), above, f)
    True
    >>> _period_split(LogicalRow(2, texts={0: "10)", 2: "1. ตรวจสอบ", 3: "ม 2566"}), above, f)
    False
    >>> _period_split(LogicalRow(2, texts={1: "มาตรการใหม่", 3: "ก.ค. 65"}), above, f)
    False
    """
    for c in (i for i, f in enumerate(fields) if f == "period"):
        first, rest = _own_text(above, c).strip(), _own_text(row, c).strip()
        if not first or not rest or _reads_as_period(first):
            continue
        if any(_reads_as_period(j) for j in (first + rest, f"{first} {rest}")):
            return True
        texts = [t for col in range(len(fields)) if (t := _own_text(row, col).strip())]
        if not _reads_as_period(rest) and not any(_starts_item(t) for t in texts):
            return True
    return False


def _starts_item(text: str) -> bool:
    """Whether ``text`` starts a list item: a marker with words after it (a marker alone, ``10)``,
    is the wrapped end of a parenthesis, ``(ตัวชี้วัดที่`` / ``10)``).

    >>> [_starts_item(t) for t in ("1. ทบทวน", "(2) ก", "- รายงาน", "10)", "งาน")]
    [True, True, True, False, False]
    >>> [_starts_item(t) for t in ("๑ . สำรวจ", "2 .5 ก", "12 . ")]  # a dot OCR set apart; a decimal
    [True, False, False]
    """
    marker = _ITEM.match(text)
    return marker is not None and bool(text[marker.end() :].strip())


#: Key cells that share a lead (``มาตรการ``), at least this many, of at least this many letters.
MIN_LEAD_CELLS = 3
MIN_LEAD_CHARS = 3
#: An item marker, or an item's number whose dot OCR lost (``1 มาตรการ`` for ``1. มาตรการ``).
_MARKER = re.compile(f"^\\s*(?:{LIST_MARKER}\\s*|[0-9๐-๙]{{1,2}}\\s+(?=[ก-ฮเ-ไ]))?")


def _lead(texts: Sequence[str]) -> str:
    """What every one of ``texts`` starts with once its item marker is left out, when they are
    :data:`MIN_LEAD_CELLS` or more and it is :data:`MIN_LEAD_CHARS` letters or more; else "".

    >>> _lead(["1. มาตรการกำกับดูแล", "2. มาตรการเสริม", "มาตรการป้องกัน"])
    'มาตรการ'
    >>> _lead(["ตัวชี้วัดที่ 3", "การใช้ทรัพย์สิน", "ตัวชี้วัดที่ 10"])
    ''
    """
    bare = [_MARKER.sub("", t).strip() for t in texts if t.strip()]
    if len(bare) < MIN_LEAD_CELLS:
        return ""
    n = 0
    while all(len(t) > n and t[n] == bare[0][n] for t in bare):
        n += 1
    return bare[0][:n] if n >= MIN_LEAD_CHARS else ""


def _carry_key_tails(
    row: LogicalRow, above: Sequence[LogicalRow], fields: Sequence[str | None]
) -> dict[int, str]:
    """A merged issue/measure cell cut by a page break: the part on the next page heads a sub-row
    of its own (it has its own steps and period), so the row is no continuation, but its key cell
    is the rest of the cell above (``ตน`` of ``…เพื่อประโยชน์ส่วน``).  Such a part leaves the key
    columns left of it to the group above, starts no item, and does not start as every key cell of
    the column so far does (``มาตรการ``, read off the table itself).  It goes to the row above, and
    the row inherits the whole cell as the merged cell's other rows do.

    >>> f = ["issue", "measure", "steps"]
    >>> def row(page, **cols):
    ...     return LogicalRow(page, cells={f.index(k): [CellPart(page, None, t, t)] for k, t in cols.items()})
    >>> rows = [row(1, measure="1. มาตรการก"), row(1, measure="มาตรการข")]
    >>> rows.append(row(1, issue="ค", measure="มาตรการป้องกัน"))
    >>> tail = row(2, measure="ตน", steps="(1) ก")
    >>> _carry_key_tails(tail, rows, f)
    {1: 'ตน'}
    >>> [p.text for p in rows[-1].cells[1]], 1 in tail.cells
    (['มาตรการป้องกัน', 'ตน'], False)
    >>> new = row(2, measure="มาตรการใหม่", steps="(1) ข")
    >>> _carry_key_tails(new, rows, f)
    {}
    >>> 1 in new.cells
    True

    In a table that numbers its groups (a ``seq`` column, filled in every group above), a row
    without a number starts no group: its key cells, every one of them, are the rest of the cells
    above (``สื่อสาร`` of ``ตัวชี้วัดที่ ๗ ประสิทธิภาพการ``, however few the rows above).

    >>> f = ["seq", "issue", "measure", "steps"]
    >>> above = [row(1, seq="๑", issue="ตัวชี้วัดที่ ๓", measure="มาตรการก"), row(1, steps="(2) ข")]
    >>> above.append(row(1, seq="๒", issue="ตัวชี้วัดที่ ๗ ประสิทธิภาพการ", measure="มาตรการเพิ่มการ"))
    >>> tail = row(2, issue="สื่อสาร", measure="สื่อสารกับประชาชน", steps="(1) ก")
    >>> sorted(_carry_key_tails(tail, above, f))
    [1, 2]
    >>> [p.text for p in above[-1].cells[2]], 2 in tail.cells
    (['มาตรการเพิ่มการ', 'สื่อสารกับประชาชน'], False)

    Returns the columns carried, each with the text the part had.
    """
    keys = [i for i, f in enumerate(fields) if f in ("issue", "measure")]
    seq = [i for i, f in enumerate(fields) if f == "seq"]
    if any(_own_text(row, c).strip() for c in seq):
        return {}
    grouped = [r for r in above if any(_own_text(r, c).strip() for c in keys)]
    numbered = bool(seq and grouped) and all(any(_own_text(r, c).strip() for c in seq) for r in grouped)
    carried: dict[int, str] = {}
    for c in keys:
        text = _own_text(row, c).strip()
        if not text:
            continue
        if _ITEM.match(text) or not _own_text(above[-1], c).strip():
            return carried
        if not numbered:
            if any(_own_text(row, k).strip() for k in keys if k < c):
                return carried
            lead = _lead([_own_text(r, c) for r in above])
            if not lead or text.startswith(lead):
                return carried
        above[-1].cells.setdefault(c, []).extend(p for p in row.cells.pop(c, []) if p.text)
        carried[c] = text
        if not numbered:
            return carried
    return carried


def _spread_whole_cells(rows: Sequence[LogicalRow], carried: dict[int, str], whole: LogicalRow) -> None:
    """The rows a merged key cell's part covers on its page (``carried``: column → the part's text)
    get the whole cell, as ``whole`` holds it now."""
    for c, text in carried.items():
        for r in rows:
            if c not in r.spanned or "".join(p.text for p in r.cells.get(c, [])).strip() != text:
                break
            r.cells[c] = list(whole.cells.get(c, []))


def _read_by_ocr(table: Table) -> bool:
    return any(c.confidence is not None for c in table.cells)


def _read_rows(table: Table) -> bool:
    """Whether ``table``'s rows were cut from OCR'd lines by their spacing and where columns start
    again (a borderless table on a scan): a word OCR lost on a row's first line, or a fragment read
    apart, can open a row in the middle of a cell."""
    return table.quality.strategy == "borderless" and _read_by_ocr(table)


def _goes_on_scanned(
    table: Table, n_header: int, fields: Sequence[str | None], current: LogicalTable
) -> bool:
    """A scanned table first on the page after ``current``'s last, under a repeated header of the
    same fields, whose first row is the rest of ``current``'s last (:func:`continues_row`): the
    same table, though something read between them (a signature's scribble or a stamp read as a
    line under the table) kept the page break from being seen as one."""
    if not (_read_by_ocr(table) and n_header and table.index == 0 and current.kind == "measures"):
        return False
    if table.page != current.pages[-1] + 1 or table.n_cols != len(current.fields):
        return False
    if not _same_fields(fields, current.fields) or not current.rows:
        return False
    rows = _data_rows(table, n_header)
    return bool(rows) and continues_row(rows[0], current.rows[-1], current.fields)


def _header_read_again(table: Table, n_header: int, texts: Sequence[str], current: LogicalTable) -> bool:
    """A scanned table first on the page after ``current``'s last (a measures table), in as many
    columns, under a header that repeats ``current``'s cell by cell as OCR reads it
    (:func:`~extractors.thai.text.repeats_cells`), both borderless: the same table going on under
    its repeated header, though its columns' edges, read off its words, moved with the page (a row's number
    read into the next column when OCR lost ``ที่`` over it) and its first row starts a new one.

    >>> from schemas import BBox, TableQuality
    >>> head = ["ที่", "มาตรการ/ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา"]
    >>> table = Table(3, 0, BBox(0, 0, 1, 1), 2, 4, [Cell(0, 0, "", "", None, confidence=0.9)],
    ...               TableQuality("borderless", 1, 1, 1))
    >>> current = LogicalTable("measures", ["seq", "steps", "responsible", "period"], head, [], [2], [table])
    >>> _header_read_again(table, 1, ["", "มาตรการ/ขั้นตอน", "ผู้รับผิดซอบ", "ระยะเวลา"], current)
    True
    >>> _header_read_again(table, 1, ["", "ตัวชี้วัด", "คะแนน", "ระดับ"], current)
    False
    """
    if not (_read_by_ocr(table) and n_header and table.index == 0 and current.kind == "measures"):
        return False
    if table.page != current.pages[-1] + 1 or table.n_cols != len(current.fields):
        return False
    # a ruled table's columns are drawn: where they do not match the page before's, it is another table
    borderless = table.quality.strategy == "borderless" == current.tables[-1].quality.strategy
    return borderless and (repeats_cells(texts, current.header) or _repeats_but_one(texts, current.header))


def _repeats_but_one(texts: Sequence[str], header: Sequence[str]) -> bool:
    """Whether a header of four columns or more read by OCR repeats ``header`` in every cell but
    one that names no field as read (``ผรบผด 4 ขอบ`` for ``ผู้รับผิดชอบ``, its marks lost and a
    stamp's ring read as ``4``): OCR damaged that cell only.

    >>> head = ["ประเด็น", "แนวทาง ปฏิบัติ", "การดำเนินการ", "ผิด ขอบ", "ระยะ เวลา"]
    >>> _repeats_but_one(["ประเด็น", "แนวทาง ปฏิบัติ", "การดำเนินการ", "ผรบผด 4 ขอบ", "ระยะเวลา"], head)
    True
    >>> _repeats_but_one(["ประเด็น", "แนวทาง ปฏิบัติ", "การดำเนินการ", "ผรบผด 4 ขอบ", "ผล"], head)
    False
    """
    if len(texts) != len(header) or len(texts) < 4:
        return False
    return any(
        texts[k].strip()
        and not names_field(texts[k])
        and repeats_cells([*texts[:k], "", *texts[k + 1 :]], header)
        for k in range(len(texts))
    )


def _key_less(row: LogicalRow, fields: Sequence[str | None]) -> bool:
    """The row has no text of its own in its number, issue and measure columns."""
    keys = [c for c, f in enumerate(fields) if f in ("seq", "issue", "measure")]
    return not any(_own_text(row, c).strip() for c in keys)


#: Marks alone before a list's first item (``/ 1.du …``: a signature's stroke read as ``/``).
_LEADING_MARKS = re.compile(r"^(?:[/\\|_~`'\"“”‘’.,:;*=+<>]+\s+)+")


def _starts_list(row: LogicalRow, fields: Sequence[str | None]) -> bool:
    """A list column of the row starts with a first item (``(1)``, ``๑.``): a row of its own.
    Marks alone before it (a signature's stroke read as ``/``) are no text of the cell.

    >>> f = ["measure", "steps"]
    >>> [_starts_list(LogicalRow(1, texts={1: t}), f) for t in ("/ 1.du ปี", "๑. อบรม", "2. จัด", "/ งาน")]
    [True, True, False, False]
    """
    return any(f in LIST_FIELDS and _first_item(_own_text(row, c)) for c, f in enumerate(fields))


#: A list's first item's number, as printed.
_FIRST_NUMBERS = frozenset({"1", "๑", "01", "๐๑"})


def _first_item(text: str) -> bool:
    """Whether a list cell starts with its first item (``๑.``, ``(1)``), marks alone before it
    (:data:`_LEADING_MARKS`) left out.

    >>> [_first_item(t) for t in ("/ 1.du ปี", "(๑) อบรม", "2. จัด", "งาน")]
    [True, True, False, False]
    """
    numbered = _NUMBERED.match(_LEADING_MARKS.sub("", text.strip()))
    return numbered is not None and numbered.group(1) in _FIRST_NUMBERS


#: A first item as OCR damages it: its bracket lost (``(๑ ปรับปรุง``) or its ``๑`` read as the
#: letter it looks like (``(o) อบรม``).  Text never starts so: the rest of an item starts with a
#: word.
_DAMAGED_FIRST = re.compile(r"^\(\s*[1๑oO]\s*\)?\s*(?=[ก-ฮเ-ไ])")


def _opens_list_read(row: LogicalRow, fields: Sequence[str | None]) -> bool:
    """A list column of the row starts with a first item, as printed (:func:`_starts_list`) or as
    OCR damages one (:data:`_DAMAGED_FIRST`).

    >>> f = ["measure", "steps"]
    >>> texts = ("(o) อบรม", "(๑ ปรับปรุง", "(๑) ก", "(๒) ก", "งาน")
    >>> [_opens_list_read(LogicalRow(1, texts={1: t}), f) for t in texts]
    [True, True, True, False, False]
    """
    if _starts_list(row, fields):
        return True
    return any(
        f in LIST_FIELDS and _DAMAGED_FIRST.match(_own_text(row, c).strip()) for c, f in enumerate(fields)
    )


#: A numbered issue or measure (``4. มาตรการ``, its dot read as a comma: ``4, มาตรการ``): a number
#: and a dot or comma before a word, which the rest of a wrapped cell never starts with (a bracket
#: may: ``10)`` of ``(ตัวชี้วัดที่ 10)``).
_NUMBERED_KEY = re.compile(r"^\s*[0-9๐-๙]{1,2}\s*[.,]\s*(?=[ก-ฮเ-ไ])")


def _numbers_key(row: LogicalRow, fields: Sequence[str | None]) -> bool:
    """Whether an issue or measure cell of ``row`` starts with a number (:data:`_NUMBERED_KEY`), or
    the row has a number of its own in its sequence column beside an issue or measure: a row's
    number is printed at its top, never in the rest of a row cut above it.

    >>> f = ["measure", "steps"]
    >>> texts = ("4, มาตรการ", "๒. มาตรการ", "10) ทุจริต", "การ")
    >>> [_numbers_key(LogicalRow(1, texts={0: t}), f) for t in texts]
    [True, True, False, False]
    >>> f = ["seq", "issue", "steps"]
    >>> _numbers_key(LogicalRow(1, texts={0: "๒", 1: "ตัวชี้วัดที่ ๔", 2: "เ(๑) มอบหมาย"}), f)
    True
    >>> _numbers_key(LogicalRow(1, texts={0: "๒", 2: "มอบหมาย"}), f)
    False
    """
    keys = [c for c, f in enumerate(fields) if f in ("issue", "measure")]
    if any(_NUMBERED_KEY.match(_own_text(row, c)) for c in keys):
        return True
    numbered = any(f == "seq" and _ROW_NUMBER.match(_own_text(row, c).strip()) for c, f in enumerate(fields))
    return numbered and any(_own_text(row, c).strip() for c in keys)


def join_cut_rows(
    rows: Sequence[LogicalRow],
    fields: Sequence[str | None],
    leads: dict[str, str] | None = None,
    context: Sequence[LogicalRow] = (),
) -> list[LogicalRow]:
    """Rows of a table cut from OCR'd lines (:func:`_read_rows`), each row that reads as the rest
    of the row above joined to it, by the tests of a row cut by a page break: its list cells go
    on with the lists above (:func:`_list_cut`), or, with no number, issue or measure of its own
    and no list begun anew, its short cells are fragments (:func:`continues_row`).  A row whose
    issue or measure cell starts as the column's key cells do (:func:`common_lead`, per field in
    ``leads``, else read off ``context``, the table's rows above these, and ``rows``) starts a row
    of its own, though its list reads as going on: OCR lost its first item's number
    (``อ.ส่งเสริม…`` for ``๑. ส่งเสริม…``) and misread its period.

    >>> f = ["measure", "steps", "responsible", "period"]
    >>> def row(**cols):
    ...     return LogicalRow(1, cells={f.index(k): [CellPart(1, None, t, t)] for k, t in cols.items()})
    >>> rows = [row(measure="๒. มาตรการ", steps="(๑) ประกาศหลักเกณฑ์", responsible="ฝ่ายบริหาร")]
    >>> rows.append(row(measure="พัฒนาคุณภาพการ", steps="เรื่องระยะเวลา", period="มิถุนายน"))
    >>> rows.append(row(steps="(๑) อบรม", responsible="ฝ่ายบริหาร", period="เม.ย. ๖๓"))
    >>> rows.append(row(measure="๓. มาตรการ", steps="(๑) รณรงค์", period="ก.ค. ๖๓"))
    >>> [[p.text for p in r.cells[1]] for r in join_cut_rows(rows, f)]
    [['(๑) ประกาศหลักเกณฑ์', 'เรื่องระยะเวลา'], ['(๑) อบรม'], ['(๑) รณรงค์']]

    >>> f = ["measure", "steps", "period"]
    >>> rows = [row(measure=m, steps="๑. อบรม", period="ต.ค. ๖๘") for m in ("มาตรการก", "มาตรการข")]
    >>> rows += [row(measure="ค", steps="๒. สำรวจ", period="๒๕๖๙")]
    >>> rows.append(row(measure="มาตรการง", steps="อ.ส่งเสริม", period="A.A. ๖๘"))
    >>> len(join_cut_rows(rows, f)), len(join_cut_rows(rows, f, {"measure": ""}))
    (3, 2)
    """
    keys = [c for c, f in enumerate(fields) if f in ("issue", "measure")]
    if leads is None:
        every = [*context, *rows]
        leads = {str(fields[c]): common_lead([_own_text(r, c) for r in every]) for c in keys}
    lead = {c: leads.get(str(fields[c]), "") for c in keys}
    out: list[LogicalRow] = []
    for row in rows:
        if (
            out
            and not row.full_width
            and not out[-1].full_width
            and not _opens_list_read(row, fields)
            and not _numbers_key(row, fields)
        ):
            above = out[-1]
            if (_list_cut(row, above, fields) and not _keyed_as_column(row, lead)) or (
                _key_less(row, fields) and continues_row(row, above, fields)
            ):
                _append(above, row)
                continue
        out.append(row)
    return out


def _keyed_as_column(row: LogicalRow, lead: dict[int, str]) -> bool:
    """Whether a key cell of ``row`` starts with its column's lead (``lead``: column → the lead its
    key cells share, :func:`common_lead`), item marker and spaces left out.

    >>> row = LogicalRow(1, cells={0: [CellPart(1, None, "มาตรการเสริม สร้าง", "")]})
    >>> _keyed_as_column(row, {0: "มาตรการ"}), _keyed_as_column(row, {0: ""}), _keyed_as_column(row, {1: "ก"})
    (True, False, False)
    """
    return any(start and _bare(_own_text(row, c)).startswith(start) for c, start in lead.items())


#: A lead shared by at least this share of a column's key cells is the column's own (a cell OCR
#: cut off its row's top is among them and does not share it).
LEAD_SHARE = 0.5


def common_lead(texts: Sequence[str]) -> str:
    """The longest start (spaces left out, item marker too) that :data:`MIN_LEAD_CELLS` of
    ``texts`` or more share, at least :data:`LEAD_SHARE` of them, of :data:`MIN_LEAD_CHARS` letters
    or more; else "".  Unlike :func:`_lead` some cells may not share it: the tails of cells OCR
    cut in two.

    >>> common_lead(["1. มาตรการ ยกระดับ", "แก้ไขปัญหา", "มาตรการ กำกับ", "3. มาตรการส่ง", "มาตรการเพิ่ม"])
    'มาตรการ'
    >>> common_lead(["ตัวชี้วัดที่ 3", "การใช้ทรัพย์สิน", "ตัวชี้วัดที่ 10", "การเปิดเผย"])
    ''

    The lead ends where a word does (the dictionary's cut of a cell that shares it): three
    measures of six that go on ``มาตรการเสริม…``, ``มาตรการเพิ่ม…`` share ``มาตรการเ``, which
    ``มาตรการพัฒนา`` does not start with though it starts a measure.

    >>> common_lead(["มาตรการเสริมสร้าง", "2. มาตรการเสริม", "มาตรการพัฒนา", "มาตรการเพิ่ม", "มาตรการป้องกัน"])
    'มาตรการ'
    """
    bare = [_bare(t) for t in texts if t.strip()]
    need = max(MIN_LEAD_CELLS, LEAD_SHARE * len(bare))
    best, shared = "", 0
    for text in bare:
        for n in range(MIN_LEAD_CHARS, len(text) + 1):
            count = sum(1 for t in bare if t.startswith(text[:n]))
            if count < max(need, shared):
                break
            if count > shared or n > len(best):
                best, shared = text[:n], count
    best = _to_word_end(best, [t for t in bare if t.startswith(best)])
    return best if len(best) >= MIN_LEAD_CHARS else ""


def _bare(text: str) -> str:
    """A key cell's text as :func:`common_lead` compares it: item marker and spaces left out.

    >>> _bare("1. มาตรการ ยกระดับ"), _bare("2 มาตรการยก"), _bare("10 ตัวชี้วัด")
    ('มาตรการยกระดับ', 'มาตรการยก', 'ตัวชี้วัด')
    """
    return re.sub(r"\s+", "", _MARKER.sub("", text))


def _to_word_end(lead: str, texts: Sequence[str]) -> str:
    """``lead`` (a start of each of ``texts``) cut back to the last place a word ends in one of
    them, as the dictionary cuts them (``มาตรการกำกับ`` cuts as ``มาตร`` ``การกำกับ``, and
    ``มาตรการเสริม`` as ``มาตรการ`` ``เสริม``).

    >>> _to_word_end("มาตรการเ", ["มาตรการเสริมสร้าง", "มาตรการเพิ่ม"])
    'มาตรการ'
    >>> _to_word_end("มาตรการ", ["มาตรการกำกับ", "มาตรการเสริม"])
    'มาตรการ'
    """
    from extractors.thai.words import tokenize

    ends = {0}
    for text in texts:
        end = 0
        for token in tokenize(text):
            end += len(token)
            if end > len(lead):
                break
            ends.add(end)
    return lead[: max(ends)]


#: An item number OCR damaged, its dot read as a comma or colon (``4, มาตรการ``): the rest of a
#: wrapped cell never starts with a number and a comma glued to a word.
_DAMAGED_NUMBER = re.compile(r"^\s*[0-9๐-๙]{1,2}\s*[,:;]\s*(?=[ก-ฮเ-ไ])")


def join_key_tails(
    rows: Sequence[LogicalRow], fields: Sequence[str | None], leads: dict[str, str] | None = None
) -> list[LogicalRow]:
    """Rows of a measures table read from OCR'd lines, each row that OCR opened in the middle of
    its issue or measure cell joined to the row above: its key cell goes on with the one above
    (it starts with no item marker and not as the column's key cells do, :func:`common_lead`,
    read off the whole table, or given per field in ``leads``, read off all the document's measures
    tables: ``แก้ไขปัญหา การทุจริต`` under ``1. มาตรการ ยกระดับการ``) and it starts no list of its
    own.  A word OCR lost on a line (a period's ``-``) or a first item
    misread (``11`` for ``1.``) leaves no other evidence of the cut.

    >>> f = ["measure", "steps", "period"]
    >>> def row(**cols):
    ...     return LogicalRow(1, cells={f.index(k): [CellPart(1, None, t, t)] for k, t in cols.items()})
    >>> rows = [row(measure="1. มาตรการยกระดับการ", steps="11 อบรม", period="มิถุนายน")]
    >>> rows.append(row(measure="แก้ไขปัญหาการทุจริต", steps="เรื่องร้องเรียน", period="กันยายน 2566"))
    >>> rows += [row(measure="มาตรการกำกับ", steps="(1) ก"), row(measure="มาตรการเพิ่ม", steps="(1) ข")]
    >>> rows.append(row(measure="การใช้งบ", steps="(1) ค"))
    >>> [[p.text for p in r.cells[0]] for r in join_key_tails(rows, f)]
    [['1. มาตรการยกระดับการ', 'แก้ไขปัญหาการทุจริต'], ['มาตรการกำกับ'], ['มาตรการเพิ่ม'], ['การใช้งบ']]

    A measure whose number OCR damaged (``4,`` for ``4.``) is a row of its own.

    >>> rows.append(row(measure="4, มาตรการส่งเสริม", steps="!1. ปรับปรุง"))
    >>> len(join_key_tails(rows, f))
    5
    """
    keys = [c for c, f in enumerate(fields) if f in ("issue", "measure")]
    if leads is None:
        leads = {str(fields[c]): common_lead([_own_text(r, c) for r in rows]) for c in keys}
    lead = {c: leads.get(str(fields[c]), "") for c in keys}
    out: list[LogicalRow] = []
    for row in rows:
        above = out[-1] if out else None
        texts = {c: _own_text(row, c).strip() for c in keys}
        tail = [c for c, t in texts.items() if t]
        if (
            above is not None
            and tail
            and not row.full_width
            and not above.full_width
            and not _opens_list_read(row, fields)
            and all(
                lead[c]
                and _own_text(above, c).strip()
                and not _ITEM.match(texts[c])
                and not _DAMAGED_NUMBER.match(texts[c])
                and not _bare(texts[c]).startswith(lead[c])
                for c in tail
            )
        ):
            _append(above, row)
            continue
        out.append(row)
    return out


_THAI_WORD = re.compile(r"[ก-ฮ][ก-๎]*[ก-ฮ]")


def join_wordless_rows(rows: Sequence[LogicalRow]) -> list[LogicalRow]:
    """Rows of a measures table read by OCR, each row that holds no Thai word (two letters or more) joined
    to the row above, its text kept there: a stamp's ring or a signature read as a rule cuts a
    sliver off a row (``2 00“จ9`` of ``สรุปผล`` under the ring), which is no action of its own.

    >>> def row(*texts):
    ...     return LogicalRow(1, cells={c: [CellPart(1, None, t, t)] for c, t in enumerate(texts) if t})
    >>> rows = join_wordless_rows([row("1. มาตรการ", "กองคลัง"), row("", "2 00“จ9"), row("", "กองช่าง")])
    >>> [[p.text for p in r.cells[1]] for r in rows]
    [['กองคลัง', '2 00“จ9'], ['กองช่าง']]
    """
    out: list[LogicalRow] = []
    for row in rows:
        texts = [_own_text(row, c) for c in row.cells]
        filled = any(t.strip() for t in texts)
        if out and not row.full_width and filled and not any(_THAI_WORD.search(t) for t in texts):
            _append(out[-1], row)
            continue
        out.append(row)
    return out


def _append(above: LogicalRow, row: LogicalRow) -> None:
    for col, parts in row.cells.items():
        if col in row.spanned:
            continue
        above.cells.setdefault(col, []).extend(p for p in parts if p.text)


def _unnamed_columns(table: Table, n_header: int) -> set[int]:
    """The columns of ``table`` that its header does not name apart: under a header cell spanning
    several columns, with no header cell of its own below it, every column but the first."""
    head = [c for c in table.cells if c.row < n_header]
    out: set[int] = set()
    for cell in head:
        if cell.colspan < 2 or not cell.text.strip():
            continue
        inner = range(cell.col + 1, cell.col + cell.colspan)
        if any(o is not cell and o.text.strip() and o.col in inner for o in head):
            continue  # sub-columns named by a header row below
        out.update(inner)
    return out


def one_column_per_header(table: Table) -> Table:
    """``table`` with the columns its header does not name apart (:func:`_unnamed_columns`) joined
    into the column left of them: a rule drawn in part of a column only (a stamp's ring read as a
    rule, a cell split below the header) makes a column no header names; its cells' text is part
    of the named column's, and the table keeps the columns of its header (what a table going on
    over a page break is matched by).  A row's parts are joined left to right, boxes united.

    >>> from schemas import BBox, TableQuality
    >>> def cell(r, c, text, span=1):
    ...     return Cell(r, c, text, text, BBox(c * 10, r * 10, (c + span) * 10, r * 10 + 10), colspan=span)
    >>> cells = [cell(0, 0, "มาตรการ"), cell(0, 1, "ผลการดำเนินการ", 2), cell(0, 3, "ระยะเวลา")]
    >>> cells += [cell(1, 0, "ก"), cell(1, 1, "- ภาพถ่าย"), cell(1, 2, "กิจกรรม"), cell(1, 3, "ต.ค. 62")]
    >>> quality = TableQuality("lines", 1.0, 1.0, 1.0)
    >>> joined = one_column_per_header(Table(1, 0, BBox(0, 0, 40, 20), 2, 4, cells, quality))
    >>> joined.n_cols, joined.grid()
    (3, [['มาตรการ', 'ผลการดำเนินการ', 'ระยะเวลา'], ['ก', '- ภาพถ่าย กิจกรรม', 'ต.ค. 62']])
    """
    n_header = header_of(table)[0]
    gone = _unnamed_columns(table, n_header) if n_header else set()
    if not gone:
        return table

    def new_col(col: int) -> int:
        return col - sum(1 for g in gone if g <= col)

    by_slot: dict[tuple[int, int], list[Cell]] = {}
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        by_slot.setdefault((cell.row, new_col(cell.col)), []).append(cell)
    cells: list[Cell] = []
    for (row, col), parts in sorted(by_slot.items()):
        end = max(new_col(c.col + c.colspan - 1) for c in parts)
        boxes = [c.box for c in parts if c.box is not None]
        box = boxes[0] if boxes else None
        for other in boxes[1:]:
            box = box.union(other) if box is not None else other
        confs = [c.confidence for c in parts if c.confidence is not None and c.text]
        cells.append(
            Cell(
                row,
                col,
                " ".join(c.text for c in parts if c.text),
                "\n".join(c.raw for c in parts if c.raw),
                box,
                rowspan=parts[0].rowspan,
                colspan=end - col + 1,
                confidence=min(confs) if confs else parts[0].confidence,
            )
        )
    note = f"columns {sorted(gone)} under a header cell of the column left of them joined to it"
    quality = replace(table.quality, notes=[*table.quality.notes, note])
    return replace(table, n_cols=table.n_cols - len(gone), cells=cells, quality=quality)


def _columns_per_header(tables: Sequence[Table]) -> list[Table]:
    """Each table with :func:`one_column_per_header`, but for one whose lost column ruling was
    restored from the table it goes on into (:data:`~schemas.RULING_RESTORED`: a header at a page's
    foot lacking a ruling under a stamp, ruled on the next page): the columns its header does not
    name apart are named apart by the rows that go on."""
    return [t if RULING_RESTORED in t.quality.notes else one_column_per_header(t) for t in tables]


#: A cell repeats a header cell when this similar to some part of it (rapidfuzz partial ratio,
#: spaces left out) ...
REPEAT_MATCH = 75
#: ... and a row repeats the header when this many of its cells do, with this many letters in all.
REPEAT_CELLS = 2
REPEAT_LETTERS = 4


#: What is not a Thai letter, vowel or mark (Latin letters, digits, spaces, punctuation).
_NOT_THAI = re.compile(r"[^\u0e01-\u0e4e]+")


def repeated_header_rows(table: Table, first: int, header: Sequence[str]) -> int:
    """How many rows of ``table`` from ``first`` on repeat ``header`` (the header texts of the
    table it goes on from), line by line as a header's wrapped lines are read: every filled cell
    is part of its column's header text (:data:`REPEAT_MATCH`), a letter or two
    (:data:`_STACKED_LETTERS`) under a header that names no field, and :data:`REPEAT_CELLS` cells
    or more, :data:`REPEAT_LETTERS` letters or more, do so.  A header OCR damaged (a photograph's
    ``ผลการ ดําเนิบ``) names too few fields to be found by its wordings; it is still the header the
    page before printed, not rows.

    >>> header = ["ลำดับ", "มาตรการ", "ผลการดำเนินการ", "หน่วยงานที่รับผิดชอบ", "ระยะเวลา"]
    >>> def row(r, *texts):
    ...     return [Cell(r, c, t, t, None) for c, t in enumerate(texts) if t]
    >>> cells = row(0, "ล", "มาตรก าร", "ผลการ", "หน่วย", "ระยะ") + row(1, "ด", "", "ดําเนิบ", "งานที่รับ", "เวลา")
    >>> cells += row(2, "", "", "การ", "ผิดชอบ", "") + row(3, "1", "มาตรการส่งเสริม", "", "กองคลัง", "ต.ค. 65")
    >>> repeated_header_rows(Table(2, 0, None, 4, 5, cells, None), 0, header)  # type: ignore[arg-type]
    3

    A shaded header's Latin letters and marks are no part of it: its Thai letters decide.

    >>> cells = row(0, "| ล", "many มาตรก", "ผลการ ”", "หน่วยงาน", '"ระยะเวล we D3 .')
    >>> cells += row(1, "1", "มาตรการส่งเสริม", "", "กองคลัง", "ต.ค. 65")
    >>> repeated_header_rows(Table(2, 0, None, 2, 5, cells, None), 0, header)  # type: ignore[arg-type]
    1

    One cell of it OCR damaged beyond matching does not make it a row, when the others repeat it;
    a row with one header word among its own texts is no header.

    >>> cells[1] = Cell(0, 1, "แนวทาง", "แนวทาง", None)
    >>> repeated_header_rows(Table(2, 0, None, 2, 5, cells, None), 0, header)  # type: ignore[arg-type]
    1
    >>> cells = row(0, "", "มาตรการส่งเสริม", "ผลการ", "กองคลัง", "")
    >>> repeated_header_rows(Table(2, 0, None, 1, 5, cells, None), 0, header)  # type: ignore[arg-type]
    0
    """
    from rapidfuzz import fuzz

    keys = [re.sub(r"\s+", "", normalize_thai(h)) for h in header]
    rows = _row_cells(table)
    n = 0
    for cells in rows[first : first + MAX_HEADER_ROWS + 1]:
        filled = [c for c in cells if c.text.strip()]
        matched = letters = 0
        unmatched: list[Cell] = []
        for cell in filled:
            # Thai letters only: a shaded header's OCR adds Latin letters and marks (``"ระยะเวล
            # วดำเนิน we D3 .``, ``many แนวทาง``), no part of a Thai header's words
            text = _NOT_THAI.sub("", normalize_thai(cell.text))
            if not text:
                continue
            head = keys[cell.col] if cell.col < len(keys) else ""
            if head and not names_field(header[cell.col]) and _letter_count(text) <= _STACKED_LETTERS:
                continue
            if not head or fuzz.partial_ratio(text, head) < REPEAT_MATCH or len(text) > len(head) + 2:
                unmatched.append(cell)
                if len(unmatched) > 1:
                    break
                continue
            matched += 1
            letters += _letter_count(text)
        else:
            # one cell OCR damaged (in the header above too: ``แนวหทหาง`` over ``แนวทาง``) when
            # the others repeat it, REPEAT_CELLS more of them than not
            enough = matched - len(unmatched) >= REPEAT_CELLS
            if filled and enough and matched >= REPEAT_CELLS and letters >= REPEAT_LETTERS:
                n += 1
                continue
        break
    return n


#: Columns a repeated header may lose: a number column set close to the next, or a header OCR
#: read as no field (``ลำดับ`` printed letter under letter).
_LOSABLE = frozenset({None, "seq"})


def aligned_columns(fields: Sequence[str | None], before: Sequence[str | None]) -> list[int] | None:
    """Where each of ``fields`` (a table's header, fewer columns than ``before``, the header of
    the table above) stands among ``before``'s columns, when leaving out columns of
    :data:`_LOSABLE` fields from ``before`` gives the same fields (:func:`_same_fields`: a header
    cell OCR damaged may name another) and three named fields or more agree; else None.

    >>> before = [None, "issue", "measure", "steps", "period"]
    >>> aligned_columns(["issue", "steps", "steps", "period"], before)
    [1, 2, 3, 4]
    >>> aligned_columns(["measure", "steps", "period"], before) is None  # an issue column lost
    True
    """
    from itertools import combinations

    losable = [j for j, f in enumerate(before) if f in _LOSABLE]
    extra = len(before) - len(fields)
    if extra <= 0 or extra > len(losable):
        return None
    for gone in combinations(losable, extra):
        kept = [j for j in range(len(before)) if j not in gone]
        agree = sum(1 for f, j in zip(fields, kept, strict=True) if f is not None and f == before[j])
        if agree >= 3 and _same_fields(fields, [before[j] for j in kept]):
            return kept
    return None


def _placed(table: Table, columns: Sequence[int], n_cols: int) -> Table:
    """``table`` with its columns placed at ``columns`` among ``n_cols`` (:func:`aligned_columns`)."""
    cells = [
        replace(c, col=columns[c.col], colspan=columns[c.col + c.colspan - 1] - columns[c.col] + 1)
        for c in table.cells
    ]
    note = f"columns placed as the table above has them ({n_cols}): a column its header lost is empty"
    return replace(
        table, n_cols=n_cols, cells=cells, quality=replace(table.quality, notes=[*table.quality.notes, note])
    )


def folded_columns(table: Table, kept: Sequence[int]) -> Table | None:
    """``table`` with only its ``kept`` columns (:func:`aligned_columns` of the table above, whose
    header OCR read without a column of :data:`_LOSABLE` fields: ``ที่`` lost at 200 dpi, its
    rows' numbers read with the next column), each other column's text put before the next kept
    column's, row by row, as the page above has it; None when a cell spans columns.

    >>> from schemas import TableQuality
    >>> grid = (["ที่", "มาตรการ", "ระยะเวลา"], ["6", "พัฒนา", "ตลอดปี"])
    >>> cells = [Cell(r, c, t, t, None) for r, row in enumerate(grid) for c, t in enumerate(row)]
    >>> table = Table(4, 0, None, 2, 3, cells, TableQuality("borderless", 1, 1, 1))  # type: ignore[arg-type]
    >>> folded = folded_columns(table, [1, 2])
    >>> folded.n_cols, [(c.row, c.col, c.text) for c in folded.cells]
    (2, [(0, 0, 'ที่ มาตรการ'), (0, 1, 'ระยะเวลา'), (1, 0, '6 พัฒนา'), (1, 1, 'ตลอดปี')])
    """
    if any(c.colspan != 1 for c in table.cells) or not kept:
        return None
    target = [next((k for k, j in enumerate(kept) if j >= col), len(kept) - 1) for col in range(table.n_cols)]
    groups: dict[tuple[int, int], list[Cell]] = {}
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        groups.setdefault((cell.row, target[cell.col]), []).append(cell)
    cells = []
    for (row, col), parts in groups.items():
        boxes = [c.box for c in parts if c.box is not None]
        confs = [c.confidence for c in parts if c.confidence is not None]
        cells.append(
            Cell(
                row,
                col,
                " ".join(c.text for c in parts if c.text.strip()),
                "\n".join(c.raw for c in parts if c.raw.strip()),
                reduce(BBox.union, boxes) if boxes else None,
                rowspan=max(c.rowspan for c in parts),
                confidence=min(confs) if confs else None,
            )
        )
    note = f"columns folded into the {len(kept)} of the table above: its header lost a column"
    quality = replace(table.quality, notes=[*table.quality.notes, note])
    return replace(table, n_cols=len(kept), cells=cells, quality=quality)


#: Two tables' columns are the same printed columns when each column's left and right edges lie
#: within this share of the wider table's width of the other's (a scan's skew and crop shift them).
COLUMN_SHIFT = 0.03


def _column_edges(table: Table) -> list[tuple[float, float]] | None:
    """Each column's left and right edge, from its one-column cells; None when a column has none."""
    edges: list[tuple[float, float]] = []
    for col in range(table.n_cols):
        boxes = [c.box for c in table.cells if c.col == col and c.colspan <= 1 and c.box is not None]
        if not boxes:
            return None
        edges.append((min(b.x0 for b in boxes), max(b.x1 for b in boxes)))
    return edges


def same_columns(a: Table, b: Table) -> bool:
    """Whether two tables have the same columns, edge by edge (:data:`COLUMN_SHIFT`).

    >>> from schemas import BBox, Cell, TableQuality
    >>> def table(*xs):
    ...     cells = [Cell(0, n, "x", "", BBox(x0, 0, x1, 10)) for n, (x0, x1) in enumerate(xs)]
    ...     box = BBox(xs[0][0], 0, xs[-1][1], 10)
    ...     return Table(1, 0, box, 1, len(xs), cells, TableQuality("lines", 1, 1, 1, []))
    >>> same_columns(table((0, 100), (100, 300)), table((2, 101), (101, 298)))
    True
    >>> same_columns(table((0, 100), (100, 300)), table((0, 200), (200, 300)))
    False
    """
    if a.n_cols != b.n_cols:
        return False
    edges_a, edges_b = _column_edges(a), _column_edges(b)
    if edges_a is None or edges_b is None:
        return False
    room = COLUMN_SHIFT * max(a.box.x1 - a.box.x0, b.box.x1 - b.box.x0)
    return all(
        abs(x - y) <= room
        for (a0, a1), (b0, b1) in zip(edges_a, edges_b, strict=True)
        for x, y in ((a0, b0), (a1, b1))
    )


def misread_headers(tables: Sequence[Table]) -> dict[int, tuple[int, list[str | None], list[str]]]:
    """Scanned tables whose header row OCR misread (fewer fields named, or too few to count as a
    header: two at least still), each (by ``id``) with its header rows and the fields and header
    texts of the next page's first table: the same printed header repeated over the same columns
    (:func:`same_columns`), read better there.  The columns' places are the evidence; the better
    reading names the fields."""
    out: dict[int, tuple[int, list[str | None], list[str]]] = {}
    for table, after in itertools.pairwise(tables):
        if not (_read_by_ocr(table) and _read_by_ocr(after)) or after.page != table.page + 1 or after.index:
            continue
        n_after, fields_after, texts_after = header_of(after)
        if not n_after or table_kind(fields_after) != "measures":
            continue
        n_header, fields, _ = header_of(table)
        # the same columns by their edges, or, where a word's box moved an edge (``11.`` read
        # reaching into the next column), as many columns whose fields agree but for one
        if not same_columns(table, after) and not (
            table.n_cols == after.n_cols
            and len(fields) == len(fields_after)
            and _same_fields(fields, fields_after)
        ):
            continue
        if not n_header:
            first = [c for row in _row_cells(table)[:1] for c in row if c.text.strip()]
            n_header = 1 if sum(names_field(c.text) for c in first) >= 2 else 0
        if n_header and sum(f is not None for f in fields_after) > sum(f is not None for f in fields):
            out[id(table)] = (n_header, fields_after, texts_after)
    return out


def stitch(tables: Sequence[Table]) -> list[LogicalTable]:
    """A document's tables, in page order, as logical tables (see the module's rules)."""
    out: list[LogicalTable] = []
    current: LogicalTable | None = None
    tables = _columns_per_header(tables)
    misread = misread_headers(tables)
    for table in tables:
        n_header, fields, texts = header_of(table)
        if id(table) in misread:
            n_header, fields, texts = misread[id(table)]
        if not n_header and not any(t.kind == "measures" for t in out):
            n_header, damaged = _damaged_header(table)
            if n_header:
                fields, texts = header_fields(damaged), damaged
        if (
            current is not None
            and n_header
            and table.index == 0
            and table.page == current.pages[-1] + 1
            and table.n_cols < len(current.fields)
            and _read_by_ocr(table)
            and (columns := aligned_columns(fields, current.fields)) is not None
        ):
            table = _placed(table, columns, len(current.fields))
            n_header, fields, texts = header_of(table)
        elif (
            current is not None
            and n_header
            and table.index == 0
            and table.page == current.pages[-1] + 1
            and table.n_cols > len(current.fields)
            and _read_by_ocr(table)
            and current.tables
            and _read_by_ocr(current.tables[-1])
            and (columns := aligned_columns(current.fields, fields)) is not None
            and (folded := folded_columns(table, columns)) is not None
        ):
            table = folded
            n_header, fields, texts = header_of(table)
        if (
            current is not None
            and n_header
            and current.kind == "measures"
            and table.index == 0
            and table.page == current.pages[-1] + 1
            and _read_by_ocr(table)
            and list(fields) != list(current.fields)
            and repeats_cells(texts, current.header)
        ):
            current.fields = completed_fields(current.fields, fields)
            fields = list(current.fields)  # the same header, a letter of a cell misread
        if current is not None and not n_header and _header_tail_goes_on(table, current):
            n_header, texts = 1, ["" if debris(t) else t for t in _row_texts(table, 0)]
            header_cut = True
        else:
            header_cut = current is not None and _header_goes_on(table, n_header, fields, texts, current)
        if current is not None and header_cut:
            current.header = [f"{a} {b}".strip() for a, b in zip(current.header, texts, strict=True)]
            current.fields = header_fields(current.header)
            current.kind = table_kind(current.fields)
            fields = current.fields
        continued = (
            header_cut
            or (
                current is not None
                and table.n_cols == len(current.fields)
                and (table.page == current.pages[-1] + 1 or table.continues_previous)  # past empty pages
                and table.index == 0
                and (table.continues_previous or n_header == 0)
                and (n_header == 0 or _same_fields(fields, current.fields))
            )
            or (current is not None and _goes_on_scanned(table, n_header, fields, current))
            or (current is not None and _header_read_again(table, n_header, texts, current))
        )
        if current is not None and continued:
            if n_header and len(fields) == len(current.fields):
                current.fields = completed_fields(current.fields, fields)
            n_header += repeated_header_rows(table, n_header, current.header)
            rows = _data_rows(table, n_header)
            if _read_by_ocr(table) and current.kind == "measures":
                rows = join_wordless_rows([*current.rows[-1:], *rows])[1 if current.rows else 0 :]
            if _read_rows(table):
                rows = join_cut_rows(rows, current.fields, context=current.rows)
            if rows and current.rows and continues_row(rows[0], current.rows[-1], current.fields):
                _append(current.rows[-1], rows.pop(0))
            elif rows and current.rows:
                carried = _carry_key_tails(rows[0], current.rows, current.fields)
                _spread_whole_cells(rows[1:], carried, current.rows[-1])
            current.rows.extend(rows)
            current.pages.append(table.page)
            current.tables.append(table)
            continue
        if n_header and _read_by_ocr(table) and table_kind(fields) == "measures":
            rest = _header_rest(table, n_header, texts)
            if rest:
                texts = [f"{t} {rest.get(col, '')}".strip() for col, t in enumerate(texts)]
                n_header += 1
        rows = _data_rows(table, n_header)
        fields = units_by_content(fields, rows)
        if _read_by_ocr(table) and table_kind(fields) == "measures":
            rows = join_wordless_rows(rows)
        current = LogicalTable(
            kind=table_kind(fields),
            fields=fields,
            header=texts,
            rows=join_cut_rows(rows, fields) if _read_rows(table) else rows,
            pages=[table.page],
            tables=[table],
        )
        out.append(current)
    scanned = [t for t in out if t.kind == "measures" and any(_read_rows(p) for p in t.tables)]
    leads = {
        name: common_lead(
            [_own_text(r, c) for t in scanned for c, f in enumerate(t.fields) if f == name for r in t.rows]
        )
        for name in ("issue", "measure")
    }
    for logical in scanned:
        # A row joined by its key cell's tail takes the rest of its cut row with it: the fragment
        # under it (``พยาบาล`` of a unit wrapped round a stamp) is tested again against the row
        # as joined, which now holds the period the fragment's row was printed with.
        logical.rows = join_cut_rows(
            join_key_tails(logical.rows, logical.fields, leads), logical.fields, leads
        )
    for logical in out:
        for row in logical.rows:
            row.texts = {
                col: join_cell_parts([p.text for p in parts]) for col, parts in row.cells.items() if parts
            }
    return out


def completed_fields(fields: Sequence[str | None], again: Sequence[str | None]) -> list[str | None]:
    """``fields`` (a table's header, as first read) with each column it named nothing taken from
    ``again`` (its header repeated on a later page), when that names a field no other column has:
    OCR lost a header cell's second line on one page (``หน่วยงาน`` of ``หน่วยงาน`` / ``รับผิดชอบ``)
    and read it whole on the next.

    >>> completed_fields(["issue", "steps", None, "period"], ["issue", "steps", "responsible", "period"])
    ['issue', 'steps', 'responsible', 'period']
    >>> completed_fields(["issue", "steps", None], ["issue", "steps", "steps"])
    ['issue', 'steps', None]
    """
    out = list(fields)
    for col, (field, named) in enumerate(zip(fields, again, strict=True)):
        if field is None and named is not None and named not in out:
            out[col] = named
    return out


def _header_goes_on(
    table: Table, n_header: int, fields: Sequence[str | None], texts: Sequence[str], current: LogicalTable
) -> bool:
    """Whether ``table``, first on the page after ``current``'s last, starts with the rest of
    ``current``'s header: ``current`` is a header with no row under it (printed at a page's foot,
    its cells' second lines on the next page: ``พัฒนา`` of ``ประเด็นที่ต้อง`` / ``พัฒนา``), the two have
    the same columns, and the header's texts joined column by column name more fields than either
    part does (a header repeated whole would name no more).

    >>> from schemas import BBox, TableQuality
    >>> words = ["ประเด็นที่ต้อง", "มาตรการ", "หน่วยงานที่", "ระยะเวลา"]
    >>> head = LogicalTable("measures", ["issue", "measure", None, "period"], words, [], [1], [])
    >>> rest = ["พัฒนา", "", "รับผิดชอบ", ""]
    >>> table = Table(2, 0, BBox(0, 0, 1, 1), 2, 4, [], TableQuality("lines", 1, 1, 1))
    >>> _header_goes_on(table, 1, [None, None, "responsible", None], rest, head)
    True
    >>> _header_goes_on(table, 1, ["issue", "measure", "responsible", "period"], head.header, head)
    False
    """
    if current.rows or not n_header or table.index != 0 or table.n_cols != len(current.fields):
        return False
    if table.page != current.pages[-1] + 1:
        return False
    joined = header_fields([f"{a} {b}".strip() for a, b in zip(current.header, texts, strict=True)])

    def named(fs: Sequence[str | None]) -> int:
        return sum(1 for f in fs if f is not None)

    return named(joined) > max(named(current.fields), named(fields))


def _row_texts(table: Table, row: int) -> list[str]:
    """Each column's text in ``row`` of ``table`` (a cell spanning columns under each)."""
    texts = [""] * table.n_cols
    for cell in _row_cells(table)[row]:
        for col in range(cell.col, min(cell.col + cell.colspan, table.n_cols)):
            texts[col] = cell.text.strip()
    return texts


def _header_tail_goes_on(table: Table, current: LogicalTable) -> bool:
    """Whether ``table``, first on the page after ``current``'s last, starts with the rest of the
    header ``current`` is (printed at a page's foot with no row under it): its first row, a
    table's rows going on under it, only finishes header cells (:func:`header_tail`: ``ชอบ``
    under ``หน่วยงานที่รับผิด``, ``ดำเนินการ`` under ``ระยะเวลา``) in as many columns.  Unlike
    :func:`_header_goes_on`, the rest names no field by itself.

    >>> from schemas import BBox, TableQuality
    >>> head = ["ประเด็น", "มาตรการ", "หน่วยงานที่รับผิด", "ระยะเวลา"]
    >>> current = LogicalTable("measures", header_fields(head), head, [], [3], [])
    >>> def table(*rows):
    ...     cells = [Cell(r, c, t, t, None) for r, row in enumerate(rows) for c, t in enumerate(row)]
    ...     return Table(4, 0, BBox(0, 0, 1, 1), len(rows), 4, cells, TableQuality("lines", 1, 1, 1))
    >>> rows = ["การใช้", "1. มาตรการ", "กอง", "ต.ค."]
    >>> _header_tail_goes_on(table(["", "", "ชอบ", "ดำเนินการ"], rows), current)
    True
    >>> _header_tail_goes_on(table(["การใช้", "1. มาตรการ", "กอง", "ต.ค. 63"], ["", "", "", ""]), current)
    False
    """
    if current.rows or current.kind != "measures" or table.index != 0 or table.n_rows < 2:
        return False
    if table.page != current.pages[-1] + 1 or table.n_cols != len(current.fields):
        return False
    cells = [c for c in _row_cells(table)[0] if c.text.strip()]
    return header_tail(cells, current.header) or header_rest_at_top(cells, current.header, table.n_cols)


def header_rest_at_top(cells: Sequence[Cell], texts: Sequence[str], n_cols: int) -> bool:
    """Whether ``cells`` (the first row of a page whose previous page ended on a header with no
    row under it) are that header's cells' last lines: under half the columns or fewer, each a
    short fragment without digits (:data:`_TAIL_CHARS`) that leaves its column naming the field
    it named (``ดำเนินการ`` under ``มาตรการ/แนวทางการ``: a wording the vocabulary has only in part,
    so it names ``measure`` less surely whole than cut, and :func:`header_tail` finds it no
    better).  A first row of measures fills most columns, or holds digits (an indicator's number,
    a step's, a period).  Specks (``เ-``, ``-1``: a shaded cell's grain) count neither way.

    >>> texts = ["ประเด็นที่ต้องปรับปรุง", "มาตรการ/แนวทางการ", "วิธีการดำเนินการ", "หน่วยงาน", "ระยะเวลา"]
    >>> texts.append("การติดตามผล")
    >>> rest = [Cell(0, 0, "เ-", "", None), Cell(0, 1, "ดำเนินการ", "", None), Cell(0, 5, "-1", "", None)]
    >>> header_rest_at_top(rest, texts, 6)
    True
    >>> row = ["การใช้อำนาจ", "ประกาศ", "แจ้งเวียน", "กองคลัง", "ตลอดปี", "รายงาน"]
    >>> header_rest_at_top([Cell(0, c, t, "", None) for c, t in enumerate(row)], texts, 6)
    False
    >>> header_rest_at_top([Cell(0, 4, "ต.ค. 66", "", None)], texts, 6)
    False
    >>> header_rest_at_top([Cell(0, 0, "ด้านความโปร่งใส", "", None, colspan=6)], texts, 6)
    False
    """
    words = [c for c in cells if not debris(c.text)]
    if not words or 2 * len(words) > n_cols:
        return False
    joined = list(texts)
    for cell in words:
        if cell.colspan > 1 or cell.col >= len(texts):  # a group row's title across the columns
            return False
        if any(len(w) > _TAIL_CHARS for w in cell.text.split()) or _DIGIT.search(cell.text):
            return False
        joined[cell.col] = f"{texts[cell.col]} {cell.text}"
    # the row's fields as the stitch will map them once joined: every column named keeps its field
    before, after = header_fields(texts), header_fields(joined)
    return all(a == b for a, b in zip(after, before, strict=True) if b is not None)


def _same_fields(a: Sequence[str | None], b: Sequence[str | None]) -> bool:
    """Two headers name the same fields: every column both name agrees, or, in a header of four
    named columns or more, all but one (a header cell OCR damaged: ``ระยะเวลาดำเนินการ`` read as
    ``ดำเนินการ``, which names another field).

    >>> _same_fields(["issue", "steps", "period"], ["issue", None, "period"])
    True
    >>> fields = ["issue", "steps", "responsible"]
    >>> _same_fields([*fields, "period"], [*fields, "results"])
    True
    >>> _same_fields(["issue", "period"], ["issue", "results"])
    False
    """
    known = [(x, y) for x, y in zip(a, b, strict=True) if x and y]
    differ = sum(1 for x, y in known if x != y)
    return bool(known) and differ <= (1 if len(known) >= 4 else 0)
