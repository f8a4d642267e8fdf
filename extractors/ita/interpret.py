"""The interpret stage: a :class:`~schemas.model.Document` → the ITA record's facts, indicators and
actions (:class:`~schemas.record.Interpretation`).

The order of work: stitch tables across pages; read the title block and the intro for the facts;
read indicators from indicator tables, then from prose in cells and paragraphs; read actions from
measures tables; decide whether the document is an ITA measures document at all.  It reads only the
``Document`` types: never the PDF, never OCR.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from extractors.ita.actions import actions_from_tables
from extractors.ita.facts import Passage, read_facts
from extractors.ita.indicators import (
    ProseSource,
    TableFacts,
    from_column_table,
    from_prose,
    from_row_table,
    merge,
)
from extractors.ita.measure_paragraphs import actions_from_paragraphs
from extractors.ita.stitch import stitch
from extractors.ita.vocabulary import level_code
from extractors.thai.text import join_wrapped_lines
from schemas import BBox, Document, Line, LogicalTable, PageText, Table
from schemas.record import DocumentFacts, Indicator, Interpretation, Provenance

#: Words whose presence says the document is about ITA at all.
ITA_WORDS = ("ITA", "คุณธรรมและความโปร่งใส", "Integrity and Transparency")
#: The facts a document that is not an ITA measures document still reports.
_GENERAL_FACTS = ("title", "agency", "district", "province")


def interpret(document: Document) -> Interpretation:
    """Read the ITA content of ``document``.  A document without it gives empty lists and
    ``is_ita`` false (its title and agency are still reported)."""
    logical = stitch(document.tables)
    paras = list(passages(document.pages, document.tables))
    facts = read_facts(document.pages, paras)

    table_inds, table_facts = _table_indicators(logical, facts.assessed_year)
    _use_table_facts(facts, table_facts)
    _assessed_from_tables(table_inds, facts)
    prose = from_prose(
        [*_cell_sources(logical), *(ProseSource(p.text, p.page, p.box) for p in paras)], facts.assessed_year
    )
    indicators, conflicts = merge([*table_inds, *prose])
    actions = actions_from_tables(logical, facts.fiscal_year)
    if not actions:  # measures written as paragraphs, only where no table lists them
        actions = actions_from_paragraphs(document.pages, document.tables, facts.fiscal_year)

    text = "\n".join(
        [*(p.text for p in paras), *(r.text(c) for t in logical for r in t.rows for c in r.texts)]
    )
    is_ita = any(w in text for w in ITA_WORDS) and bool(
        indicators or actions or facts.overall_score is not None
    )
    if not is_ita:
        general = DocumentFacts(
            **{name: getattr(facts, name) for name in _GENERAL_FACTS},
            sources={k: v for k, v in facts.sources.items() if k in _GENERAL_FACTS},
        )
        return Interpretation(document, general, [], [], is_ita=False)
    return Interpretation(document, facts, indicators, actions, conflicts)


def _outside(line: Line, boxes: Sequence[BBox]) -> bool:
    cx, cy = (line.box.x0 + line.box.x1) / 2, (line.box.top + line.box.bottom) / 2
    return not any(b.contains_point(cx, cy, 1.0) for b in boxes)


def passages(pages: Sequence[PageText], tables: Sequence[Table]) -> Iterator[Passage]:
    """The running text outside tables, as paragraphs (lines grouped by their spacing)."""
    for page in pages:
        boxes = [t.box for t in tables if t.page == page.number]
        group: list[Line] = []
        for line in page.lines:
            if not _outside(line, boxes):
                continue
            if group and line.box.top - group[-1].box.bottom > 0.5 * line.box.height:
                yield _passage(page.number, group)
                group = []
            group.append(line)
        if group:
            yield _passage(page.number, group)


def _passage(page: int, lines: Sequence[Line]) -> Passage:
    box = lines[0].box
    for line in lines[1:]:
        box = box.union(line.box)
    text = join_wrapped_lines([ln.text for ln in lines], [ln.ends_with_space for ln in lines])
    return Passage(text, page, box)


#: Columns of a measures table whose text may name indicators with their scores.
_PROSE_FIELDS = (None, "issue", "measure", "indicator")


def _cell_sources(tables: Sequence[LogicalTable]) -> Iterator[ProseSource]:
    """Cells that may state indicator scores in words: all cells of unrecognised tables, and the
    issue/measure columns of measures tables (steps and results talk about work, not scores)."""
    for table in tables:
        if table.kind == "indicators":
            continue
        for row in table.rows:
            for col, parts in row.cells.items():
                if not parts or col in row.spanned:
                    continue
                if table.kind == "measures" and table.fields[col] not in _PROSE_FIELDS:
                    continue
                yield ProseSource(
                    row.text(col), parts[0].page, parts[0].box, tuple((p.text, p.page, p.box) for p in parts)
                )


def _table_indicators(
    tables: Sequence[LogicalTable], assessed_year: int | None
) -> tuple[list[Indicator], TableFacts | None]:
    found: list[Indicator] = []
    facts: TableFacts | None = None
    for table in tables:
        rows, row_facts = from_row_table(table, assessed_year) if table.kind == "indicators" else ([], None)
        cols, col_facts = from_column_table(table, assessed_year)
        found += rows + cols
        facts = facts or row_facts or col_facts
    return found, facts


def _use_table_facts(facts: DocumentFacts, table_facts: TableFacts | None) -> None:
    if table_facts is None:
        return
    if facts.overall_score is None and table_facts.overall_score is not None:
        facts.overall_score = table_facts.overall_score
        facts.sources["overall_score"] = Provenance(
            table_facts.page, table_facts.box, table_facts.overall_raw or ""
        )
    level = level_code(table_facts.level_raw)
    if facts.level is None and level is not None:
        facts.level = level
        facts.sources["level"] = Provenance(table_facts.page, table_facts.box, table_facts.level_raw or "")


def _assessed_from_tables(indicators: Sequence[Indicator], facts: DocumentFacts) -> None:
    """Without a year in the intro, a table that gives scores by year names the latest one."""
    if facts.assessed_year is not None:
        return
    years = sorted({i.year for i in indicators if i.year is not None})
    if years:
        facts.assessed_year = years[-1]
