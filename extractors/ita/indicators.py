"""The ten ITA indicators and their scores, from indicator tables and from prose.

Three shapes are read:

- **Row tables**: one row per indicator, grouped under ``IIT``/``EIT``/``OIT`` caption rows; the
  indicator named by number and/or name (matched to the canonical ten by
  :func:`~extractors.ita.vocabulary.match_indicator_name`), one or more score columns (a header that
  names a year, ``คะแนน ๒๕๖๔``, gives the scores of that year).
- **Column tables**: a header row numbered ``1 … 10`` and a row labelled ``คะแนน`` under it.
- **Prose**, in cells or paragraphs: ``แบบ IIT ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ มีคะแนน 95.84``,
  ``การป้องกันการทุจริต (ตัวชี้วัดที่ 10 ได้ 93.75 คะแนน)``.  An indicator is anchored by
  ``ตัวชี้วัดที่ N`` or by its name; its score is the first number after the anchor (and before
  the next anchor) that reads as a score: with two decimals, or followed or preceded by ``คะแนน``.

Tables win over prose.  The same indicator read twice with different scores for one year keeps
the first reading and reports the conflict; nothing is averaged or guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extractors.ita.vocabulary import (
    BY_NUMBER,
    RE_INDICATOR_NUMBER,
    SCORE_NUMBER,
    find_indicator_names,
    fold,
    indicator_mentions,
    level_code,
    match_indicator_name,
    year_in,
)
from extractors.thai.text import parse_number, thai_digits_to_arabic
from schemas import BBox, LogicalRow, LogicalTable
from schemas.record import Indicator

_NUM = SCORE_NUMBER
_RE_SCORE_CELL = re.compile(rf"^\s*({_NUM})\s*(?:คะแนน)?\s*$")
_RE_LEADING_NUMBER = re.compile(r"^\s*([0-9๐-๙]{1,2})(?:\s*[.)]|\s+|$)")
_RE_PROSE_SCORE = re.compile(
    rf"(?<![0-9๐-๙.])({_NUM})(?![0-9๐-๙])(\s*คะแนน)?",
)
_SCORE_CUES = ("คะแนน", "ได้", "=", ":")
#: How far after an indicator's bare name (no ``ตัวชี้วัดที่ N``) its score may stand.
NAME_REACH = 30


@dataclass(frozen=True, slots=True)
class TableFacts:
    """Overall score and level printed inside an indicator table (``คะแนนรวม``/``ระดับ`` cells)."""

    overall_score: float | None
    overall_raw: str | None
    level_raw: str | None
    page: int
    box: BBox | None


def _score(text: str) -> float | None:
    m = _RE_SCORE_CELL.match(text)
    return parse_number(m.group(1)) if m else None


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
    return None, name


def _score_columns(table: LogicalTable) -> list[int]:
    """Score columns whose cells mostly read as numbers."""
    cols = []
    for col in table.columns("score"):
        values = [row.text(col) for row in table.rows if row.text(col).strip()]
        if values and sum(_score(v) is not None for v in values) >= 0.6 * len(values):
            cols.append(col)
    return cols


def _part(row: LogicalRow, col: int) -> tuple[int, BBox | None]:
    parts = row.cells.get(col) or []
    return (parts[0].page, parts[0].box) if parts else (row.page, None)


def _cell_indicator(
    row: LogicalRow, col: int, number: int, name_raw: str | None, year: int | None, issues: str | None
) -> Indicator | None:
    """The indicator whose score sits in this cell, or None if the cell holds no score."""
    raw = row.text(col).strip()
    value = _score(raw)
    if value is None:
        return None
    page, box = _part(row, col)
    info = BY_NUMBER[number]
    confs = [p.confidence for p in row.cells.get(col, []) if p.confidence is not None]
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


def from_row_table(
    table: LogicalTable, assessed_year: int | None
) -> tuple[list[Indicator], TableFacts | None]:
    """Indicators of a table with one row per indicator; plus the overall row if it has one."""
    name_cols = table.columns("indicator") or [0]
    score_cols = _score_columns(table)
    issue_cols = table.columns("issue")
    if not score_cols:
        return [], None
    years = {col: year_in(table.header[col]) for col in score_cols}
    if len(score_cols) > 1 and not all(years.values()):
        score_cols = score_cols[:1]  # two score columns without years: only the first is a score
    found: list[Indicator] = []
    facts: TableFacts | None = None
    latest = max((y for y in years.values() if y), default=None)
    for row in table.rows:
        if row.full_width:
            continue
        number, name_raw = _indicator_of_row(row, name_cols)
        label = " ".join(row.text(c) for c in name_cols)
        if number is None:
            if "คะแนนรวม" in fold(label) or fold(label) in {"รวม", "คะแนนเฉลี่ย", "ภาพรวม"}:
                col = next((c for c in score_cols if years[c] in (latest, None)), score_cols[0])
                page, box = _part(row, col)
                value = _score(row.text(col))
                facts = TableFacts(value, row.text(col) or None, _level_in_row(row, table), page, box)
            continue
        issues = "\n".join(t for t in (row.text(c).strip() for c in issue_cols) if t) or None
        for col in score_cols:
            ind = _cell_indicator(row, col, number, name_raw, years[col] or assessed_year, issues)
            if ind is not None:
                found.append(ind)
    return found, facts


def _level_in_row(row: LogicalRow, table: LogicalTable) -> str | None:
    for col in table.columns("level") + table.columns("score"):
        if level_code(row.text(col)):
            return row.text(col)
    return None


def from_column_table(
    table: LogicalTable, assessed_year: int | None
) -> tuple[list[Indicator], TableFacts | None]:
    """Indicators of a table whose columns are the indicators (a row numbered 1 … 10)."""
    header_row: LogicalRow | None = None
    numbers: dict[int, int] = {}
    for row in [None, *table.rows]:
        cells = table.header if row is None else [row.text(c) for c in range(len(table.fields))]
        found = {
            c: int(thai_digits_to_arabic(t.strip()))
            for c, t in enumerate(cells)
            if re.fullmatch(r"\s*[0-9๐-๙]{1,2}\s*", t)
        }
        if sorted(found.values()) == list(range(1, 11)):
            numbers = found
            header_row = row
            break
    if not numbers:
        return [], None
    start = 0 if header_row is None else table.rows.index(header_row) + 1
    out: list[Indicator] = []
    facts: TableFacts | None = None
    for row in table.rows[start:]:
        label = fold(row.text(0))
        if not label.startswith("คะแนน") and "ผลคะแนน" not in label:
            continue
        scored = {n: row.text(c).strip() for c, n in numbers.items()}
        if sum(_score(v) is not None for v in scored.values()) < 5:
            continue
        for col, number in sorted(numbers.items(), key=lambda p: p[1]):
            ind = _cell_indicator(row, col, number, None, assessed_year, None)
            if ind is not None:
                out.append(ind)
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
            )
        break
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
    an anchor that is only a name) wants ``คะแนน`` next to it.

    >>> _prose_score(" มีคะแนน 95.84")[:2], _prose_score(" (ตัวชี้วัดที่ 10 ได้ 93.75 คะแนน)")[:2]
    ((95.84, '95.84'), (93.75, '93.75'))
    >>> _prose_score(" และการบริการได้อย่างสะดวก 6. เปิดโอกาส", strict=True) is None
    True
    """
    for m in _RE_PROSE_SCORE.finditer(window):
        raw = m.group(1)
        before = window[max(0, m.start() - 12) : m.start()]
        is_decimal = "." in raw and len(raw.split(".")[1]) == 2
        if strict:
            ok = bool(m.group(2)) or "คะแนน" in before
        else:
            ok = is_decimal or bool(m.group(2)) or any(cue in before for cue in _SCORE_CUES)
        if not ok:
            continue
        if re.search(r"ร้อยละ\s*$|ข้อ\s*$|ที่\s*$", before):
            continue
        value = parse_number(raw)
        if value is None or not 0 <= value <= 100:
            continue
        return value, raw, m.start(), m.end()
    return None


def from_prose(sources: Iterable[ProseSource], assessed_year: int | None) -> list[Indicator]:
    """Indicators named with a score in running text (see the module's rules)."""
    out: list[Indicator] = []
    for source in sources:
        text = source.text.replace("\n", " ")
        anchors = indicator_mentions(text)
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
    """One indicator per (year, number): the first reading wins (pass tables first).

    Returns the kept indicators, sorted by year and number, and the pairs that disagree.
    """
    kept: dict[tuple[int | None, int], Indicator] = {}
    conflicts: list[tuple[Indicator, Indicator]] = []
    for ind in readings:
        key = (ind.year, ind.number)
        if key not in kept:
            kept[key] = ind
            continue
        if kept[key].score != ind.score:
            conflicts.append((kept[key], ind))
        elif kept[key].name_raw is None and ind.name_raw:
            kept[key].name_raw = ind.name_raw  # a table that numbers its columns; the text names them
    ordered = sorted(kept.values(), key=lambda i: (i.year or 0, i.number))
    return ordered, conflicts
