"""Actions (the rows of measures tables) as records: steps, units, periods, linked indicators.

- **Fields** come from the columns' header fields (:mod:`extractors.ita.stitch`); a table with two
  columns of one field gives their texts joined by a newline.
- **Steps and results** are split into items where a line starts with a list marker (``1.``,
  ``๑.``, ``1)``, ``(1)``, ``-``, ``•``); the marker stays, as printed; a line without one belongs to
  the item before it.
- **Responsible units** are split at ``/``, ``,``, newlines and ``และ``, and tidied
  (:func:`~extractors.ita.vocabulary.split_units`).
- **Periods** keep their text and get ISO dates from :func:`~extractors.ita.periods.parse_period`.
- **Sub-rows**: when a row leaves its leading issue/measure columns empty, or a merged cell from
  the row above covers them, it takes their text from the row above and lists them in
  ``inherited`` (with the linked indicators).
- **Indicators** are linked from the issue text (``ตัวชี้วัดที่ 7``, or a name such as
  ``การเปิดเผยข้อมูล``), or from the measure text when the table has no issue column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.ita.periods import ParsedPeriod, parse_period
from extractors.ita.vocabulary import indicator_mentions, split_units
from extractors.thai.text import LIST_MARKER
from schemas import LogicalRow, LogicalTable
from schemas.record import Action, Period, Provenance

_RE_ITEM_START = re.compile(f"^\\s*{LIST_MARKER}")
_KEY_FIELDS = ("issue", "measure")
_FIELDS = ("issue", "measure", "steps", "results", "responsible", "period", "follow_up")


def split_items(text: str) -> list[str]:
    """A cell's list items: a new one at each line that starts with a list marker.

    >>> split_items("๑.เตรียมบุคลากร\\n-ผู้ดูแลระบบ\\n-ผู้บริหาร")
    ['๑.เตรียมบุคลากร', '-ผู้ดูแลระบบ', '-ผู้บริหาร']
    >>> split_items("ขั้นตอนทั่วไป\\n1) ตรวจสอบ\\nเอกสารแนบ"), split_items("")
    (['ขั้นตอนทั่วไป', '1) ตรวจสอบ\\nเอกสารแนบ'], [])
    """
    items: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if items and not _RE_ITEM_START.match(line):
            items[-1] = f"{items[-1]}\n{line}"
        else:
            items.append(line)
    return items


def indicator_numbers(text: str) -> list[int]:
    """The indicators a text names, by number or by name.

    >>> indicator_numbers("ตัวชี้วัดที่ 10 การป้องกันการทุจริต (62.75 คะแนน)")
    [10]
    >>> indicator_numbers("๓. การปรับปรุงการทำงาน"), indicator_numbers("ตัวชี้วัดที่ได้รับคะแนนมากกว่า 90")
    ([8], [])
    """
    return sorted({number for number, _s, _e, _n in indicator_mentions(text)})


def _field_text(row: LogicalRow, cols: Sequence[int]) -> str:
    return "\n".join(t for t in (row.text(c).strip() for c in cols) if t)


def _own(row: LogicalRow, cols: Sequence[int]) -> bool:
    """Whether the row has text of its own (not from a merged cell above) in these columns."""
    return any(c not in row.spanned and row.text(c).strip() for c in cols)


def _sources(row: LogicalRow, cols: Sequence[int]) -> list[Provenance]:
    return [
        Provenance(p.page, p.box, p.raw, p.confidence) for c in cols for p in row.cells.get(c, []) if p.text
    ]


def _period(text: str | None, parsed: ParsedPeriod | None) -> Period:
    """The period record.  A deadline (``ภายใน 31 ธ.ค. 2565``) states its end only: start stays null."""
    if parsed is None or parsed.start is None:
        return Period(text)
    return Period(text, None if parsed.rule == "deadline" else parsed.start, parsed.end)


def actions_from_table(table: LogicalTable, fiscal_year: int | None, first_row: int = 1) -> list[Action]:
    """The actions of one measures table, numbered from ``first_row``."""
    cols = {f: table.columns(f) for f in _FIELDS}
    keys = sorted((f for f in _KEY_FIELDS if cols[f]), key=lambda f: cols[f][0])
    link_field = "issue" if cols["issue"] else "measure"
    out: list[Action] = []
    previous: Action | None = None
    for row in table.rows:
        if row.full_width or not any(row.text(c).strip() for c in range(len(table.fields))):
            continue
        values = {f: _field_text(row, cols[f]) for f in _FIELDS}
        inherited: list[str] = []
        for key in keys:  # the leading run of key columns the row leaves to the row above
            if _own(row, cols[key]):
                break
            if previous is None:
                break
            inherited.append(key)
            values[key] = getattr(previous, key) or ""
        period_text = " ".join(values["period"].split()) or None
        parsed = parse_period(period_text, fiscal_year) if period_text else None
        numbers = indicator_numbers(values[link_field])
        if link_field in inherited and previous is not None:
            numbers = previous.indicator_numbers
        action = Action(
            row=first_row + len(out),
            issue=values["issue"] or None,
            measure=values["measure"] or None,
            steps=split_items(values["steps"]),
            results=split_items(values["results"]),
            responsible=split_units(values["responsible"]),
            period=_period(period_text, parsed),
            follow_up=values["follow_up"] or None,
            indicator_numbers=list(numbers),
            inherited=inherited,
            page=row.page,
            pages=row.pages,
            sources={f: s for f in _FIELDS if (s := _sources(row, cols[f]))},
        )
        out.append(action)
        previous = action
    return out


def actions_from_tables(tables: Sequence[LogicalTable], fiscal_year: int | None) -> list[Action]:
    """Every measures table's actions, in document order, numbered 1, 2, …"""
    out: list[Action] = []
    for table in tables:
        if table.kind == "measures":
            out += actions_from_table(table, fiscal_year, first_row=len(out) + 1)
    return out
