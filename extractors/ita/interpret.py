"""The interpret stage: a :class:`~schemas.model.Document` → the ITA record's facts, indicators and
actions (:class:`~schemas.record.Interpretation`).

The order of work: stitch tables across pages; read the title block and the intro for the facts;
read indicators from indicator tables, then from prose in cells and paragraphs; read actions from
measures tables; decide whether the document is an ITA measures document at all
(:mod:`extractors.ita.evidence`).  It reads only the ``Document`` types: never the PDF, never OCR.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import pairwise

from extractors.ita.actions import actions_from_tables
from extractors.ita.evidence import gather
from extractors.ita.facts import ERA, FIRST_ITA_YEAR, Passage, digits_apart, read_facts
from extractors.ita.indicators import (
    ProseSource,
    TableFacts,
    from_column_table,
    from_prose,
    from_row_table,
    merge,
)
from extractors.ita.measure_paragraphs import actions_from_paragraphs
from extractors.ita.overall_sum import settle_by_overall
from extractors.ita.period_years import (
    MIN_OVERRULING_EVIDENCE,
    evidence_fiscal_year,
    overruled_fiscal_year,
    settle_period_years,
    written_fiscal_year,
)
from extractors.ita.stitch import stitch
from extractors.ita.vocabulary import level_code
from extractors.thai.text import arabic_digits_to_thai, join_wrapped_lines, thai_digits_to_arabic
from schemas import DOUBT_CONFIDENCE, BBox, Document, Line, LogicalTable, PageText, Table
from schemas.record import Action, Candidate, DocumentFacts, Indicator, Interpretation, Provenance

#: The facts a document that is not an ITA measures document still reports.
_GENERAL_FACTS = ("title", "agency", "district", "province")


def interpret(document: Document) -> Interpretation:
    """Read the ITA content of ``document``.  A document without it gives empty lists and
    ``is_ita`` false (its title and agency are still reported)."""
    logical = stitch(document.tables)
    paras = list(passages(document.pages, document.tables))
    facts = read_facts(document.pages, paras)

    table_inds, table_facts = _table_indicators(logical, facts.assessed_year)
    from_table = _use_table_facts(facts, table_facts)
    _assessed_from_tables(table_inds, facts)
    prose = from_prose(
        [*_cell_sources(logical), *(ProseSource(p.text, p.page, p.box) for p in paras)], facts.assessed_year
    )
    indicators, conflicts = merge([*table_inds, *prose])
    conflicts = settle_by_overall(indicators, facts, document.pages, conflicts)  # a score read two ways
    actions = actions_from_tables(logical, facts.fiscal_year)
    if not actions:  # measures written as paragraphs, only where no table lists them
        actions = actions_from_paragraphs(document.pages, document.tables, facts.fiscal_year)
    overrule_fiscal_year(facts, actions, document.pages)  # an OCR'd title's year, by the periods'
    settle_period_years(actions, facts.fiscal_year, document.pages)  # OCR's years, by the document's
    if facts.fiscal_year is None:  # after the periods: they were dated by their own years
        misread_fiscal_year(facts, actions, document.pages)
    mend_title_year(facts)

    evidence = gather(document.pages, paras, facts, indicators, actions, from_table)
    if not evidence.is_ita:
        general = DocumentFacts(
            **{name: getattr(facts, name) for name in _GENERAL_FACTS},
            sources={k: v for k, v in facts.sources.items() if k in _GENERAL_FACTS},
        )
        return Interpretation(document, general, [], [], is_ita=False, evidence=evidence.to_dict())
    return Interpretation(document, facts, indicators, actions, conflicts, evidence=evidence.to_dict())


def overrule_fiscal_year(facts: DocumentFacts, actions: Sequence[Action], pages: Sequence[PageText]) -> None:
    """The fiscal year of a title read by OCR, overruled by the one its periods' own years name
    (:func:`extractors.ita.period_years.overruled_fiscal_year`: three periods or more, most of
    them in that year): a misread digit of the title (``๒๕๖๙`` read ``๒๕๖๕``) would date the
    document, and the periods without a year of their own, wrong.  The title's reading stays a
    candidate.  A year a text layer prints is what the document says, and stands.

    >>> from schemas import OcrInfo, OcrStatus
    >>> from schemas.record import Period
    >>> def action(row, text):
    ...     return Action(row, None, None, [], [], [], Period(text), None, [], [], 3, [3], {})
    >>> facts = DocumentFacts(fiscal_year=2565)
    >>> facts.sources["fiscal_year"] = Provenance(1, None, "ประจำปีงบประมาณ พ.ศ. ๒๕๖๕")
    >>> title = facts.sources["fiscal_year"]
    >>> facts.candidates["fiscal_year"] = [Candidate(2565, title, "in the title", True)]
    >>> texts = ["ต.ค. ๖๘ - ธ.ค. ๖๘", "ม.ค. ๖๙ - มี.ค. ๖๙", "ตลอดปีงบประมาณ ๒๕๖๙"]
    >>> acts = [action(row, text) for row, text in enumerate(texts, 1)]
    >>> scan = PageText(1, 100, 100, "scanned", ocr=OcrInfo(OcrStatus.READ, 200))
    >>> overrule_fiscal_year(facts, acts, [scan]); facts.fiscal_year
    2569
    >>> [(c.value, c.chosen) for c in facts.candidates["fiscal_year"]]
    [(2569, True), (2565, False)]
    >>> printed = DocumentFacts(fiscal_year=2565, sources={"fiscal_year": title})
    >>> overrule_fiscal_year(printed, acts, [PageText(1, 100, 100, "text")]); printed.fiscal_year
    2565
    """
    source = facts.sources.get("fiscal_year")
    if facts.fiscal_year is None or source is None:
        return
    page = next((p for p in pages if p.number == source.page), None)
    if page is None or page.ocr is None:
        return
    texts = [a.period.text or "" for a in actions]
    year = overruled_fiscal_year(facts.fiscal_year, texts)
    if year is None:
        return
    stating = [
        a.sources.get("period", [])
        for a, t in zip(actions, texts, strict=True)
        if written_fiscal_year(t) == year
    ]
    evidence = next((s[0] for s in stating if s), source)
    why = f"the year the periods' own years name; the title's {facts.fiscal_year} was read by OCR"
    facts.candidates["fiscal_year"] = [
        Candidate(year, evidence, why, chosen=True),
        *(replace(c, chosen=False) for c in facts.candidates.get("fiscal_year", [])),
    ]
    facts.fiscal_year = year
    facts.sources["fiscal_year"] = evidence


def misread_fiscal_year(facts: DocumentFacts, actions: Sequence[Action], pages: Sequence[PageText]) -> None:
    """A fiscal year OCR misread into a year before the first ITA (``๒๕๖๕`` read ``๒๕๒๕``: ranked out,
    the fact missing), read as the year the periods' own years name
    (:func:`extractors.ita.period_years.evidence_fiscal_year`, three periods or more) when the
    misread one agrees with it in all digits but one; with a doubt, the reading kept a candidate.

    >>> from schemas import OcrInfo, OcrStatus
    >>> from schemas.record import Period
    >>> def action(row, text):
    ...     return Action(row, None, None, [], [], [], Period(text), None, [], [], 3, [3], {})
    >>> title = Provenance(1, None, "ประจำปีงบประมาณ พ.ศ. ๒๕๒๕")
    >>> facts = DocumentFacts(candidates={"fiscal_year": [Candidate(2525, title, "misread", False)]})
    >>> texts = ["ต.ค. ๖๔ - ธ.ค. ๖๔", "ม.ค. ๖๕ - มี.ค. ๖๕", "ก.ค. ๖๕ - ก.ย. ๖๕"]
    >>> acts = [action(row, text) for row, text in enumerate(texts)]
    >>> scan = PageText(1, 100, 100, "scanned", ocr=OcrInfo(OcrStatus.READ, 200))
    >>> misread_fiscal_year(facts, acts, [scan]); facts.fiscal_year, facts.sources["fiscal_year"].confidence
    (2565, 0.3)
    >>> far = DocumentFacts(candidates={"fiscal_year": [Candidate(2522, title, "misread", False)]})
    >>> misread_fiscal_year(far, acts, [scan]); far.fiscal_year is None
    True
    """
    texts = [a.period.text or "" for a in actions]
    years = [y for y in map(written_fiscal_year, texts) if y is not None]
    year = evidence_fiscal_year(texts)
    if year is None or len(years) < MIN_OVERRULING_EVIDENCE:
        return
    ocr_pages = {p.number for p in pages if p.ocr is not None}
    misread = [
        c
        for c in facts.candidates.get("fiscal_year", [])
        if isinstance(c.value, int)
        and c.value < FIRST_ITA_YEAR
        and c.source.page in ocr_pages
        and digits_apart(c.value, year) == 1
    ]
    if not misread:
        return
    read = misread[0]
    evidence = next(
        (
            a.sources["period"][0]
            for a, t in zip(actions, texts, strict=True)
            if written_fiscal_year(t) == year and a.sources.get("period")
        ),
        read.source,
    )
    doubt = replace(evidence, confidence=DOUBT_CONFIDENCE)
    why = f"the year the periods' own years name; OCR read {read.value} ({read.source.raw!r}), one digit off"
    facts.candidates["fiscal_year"] = [
        Candidate(year, doubt, why, chosen=True),
        *facts.candidates["fiscal_year"],
    ]
    facts.fiscal_year = year
    facts.sources["fiscal_year"] = doubt


_RE_TITLE_YEAR = re.compile(rf"(?:ปีงบประมาณ|{ERA})\s*([0-9]{{4}}|[๐-๙]{{4}})(?![0-9๐-๙])")


def mend_title_year(facts: DocumentFacts) -> None:
    """A title's year OCR misread into one before the first ITA (``พ.ศ.๒๔๖๙``), written as the
    fiscal year the document settled on when they differ in one digit only; the title carries a
    doubt and the reading stays a candidate.  A title that states another real year stands (the
    audit reports the mismatch).

    >>> facts = DocumentFacts(title="มาตรการ ประจำปีงบประมาณ พ.ศ.๒๔๖๙", fiscal_year=2569)
    >>> facts.sources["title"] = Provenance(1, None, "ประจำปีงบประมาณ พ.ศ.๒๔๖๙")
    >>> mend_title_year(facts); facts.title, facts.sources["title"].confidence
    ('มาตรการ ประจำปีงบประมาณ พ.ศ.๒๕๖๙', 0.3)
    >>> real = DocumentFacts(title="มาตรการ ประจำปีงบประมาณ พ.ศ.๒๕๖๘", fiscal_year=2569)
    >>> mend_title_year(real); real.title
    'มาตรการ ประจำปีงบประมาณ พ.ศ.๒๕๖๘'
    """
    source = facts.sources.get("title")
    if not facts.title or facts.fiscal_year is None or source is None:
        return
    m = _RE_TITLE_YEAR.search(facts.title)
    if m is None:
        return
    read = thai_digits_to_arabic(m.group(1))
    wanted = str(facts.fiscal_year)
    if int(read) >= FIRST_ITA_YEAR or digits_apart(int(read), facts.fiscal_year) != 1:
        return
    digits = arabic_digits_to_thai(wanted) if m.group(1)[0] in "๐๑๒๓๔๕๖๗๘๙" else wanted
    title = facts.title[: m.start(1)] + digits + facts.title[m.end(1) :]
    doubt = replace(source, confidence=DOUBT_CONFIDENCE)
    why = f"its year read {m.group(1)}, before the first ITA: the fiscal year {wanted}, one digit off"
    facts.candidates["title"] = [
        Candidate(title, doubt, why, chosen=True),
        Candidate(facts.title, source, "as read"),
    ]
    facts.title, facts.sources["title"] = title, doubt


def _outside(line: Line, boxes: Sequence[BBox]) -> bool:
    cx, cy = (line.box.x0 + line.box.x1) / 2, (line.box.top + line.box.bottom) / 2
    return not any(b.contains_point(cx, cy, 1.0) for b in boxes)


#: A line shorter than the text's width by more than this share of it ends its paragraph.
SHORT_LINE = 0.12
#: Lines further apart than this many times the page's usual line pitch are separate paragraphs.
PARAGRAPH_GAP = 1.4


def passages(pages: Sequence[PageText], tables: Sequence[Table]) -> Iterator[Passage]:
    """The running text outside tables, as paragraphs: a paragraph ends at a line that stops short
    of the text's right edge (the rest of the line was left blank), or before a gap wider than the
    page's usual line pitch (a blank line)."""
    for page in pages:
        boxes = [t.box for t in tables if t.page == page.number]
        lines = [line for line in page.lines if _outside(line, boxes)]
        if not lines:
            continue
        steps = sorted(b.box.top - a.box.top for a, b in pairwise(lines) if b.box.top > a.box.top)
        pitch = steps[len(steps) // 2] if steps else None
        left, right = min(ln.box.x0 for ln in lines), max(ln.box.x1 for ln in lines)
        group: list[Line] = []
        for line in lines:
            if group:
                prev = group[-1]
                if pitch is not None:
                    gap = line.box.top - prev.box.top > PARAGRAPH_GAP * pitch or line.box.top < prev.box.top
                else:
                    gap = line.box.top - prev.box.bottom > 0.5 * line.box.height
                short = prev.box.x1 < right - SHORT_LINE * (right - left)
                if gap or short:
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
        rows, row_facts = from_row_table(table, assessed_year) if table.kind != "measures" else ([], None)
        cols, col_facts = from_column_table(table, assessed_year)
        found += rows + cols
        facts = facts or row_facts or col_facts
    return found, facts


def _use_table_facts(facts: DocumentFacts, table_facts: TableFacts | None) -> bool:
    """The total and level rows of an indicator table, as candidates; they are the facts when the
    text states none.  Returns whether the overall score is the table's."""
    if table_facts is None:
        return False
    used = False
    for tf, year_word in ((table_facts, "the assessed year's"), (table_facts.previous, "an earlier year's")):
        if tf is None or tf.overall_score is None:
            continue
        source = Provenance(tf.page, tf.box, tf.overall_raw or "")
        chosen = tf is table_facts and facts.overall_score is None
        why = f"the indicator table's total row, {year_word} column" + (f" ({tf.year})" if tf.year else "")
        if tf is table_facts and not chosen:
            why += "; the text's statement is preferred"
        _add_candidate(facts, "overall_score", Candidate(tf.overall_score, source, why, chosen))
        if chosen:
            facts.overall_score, facts.sources["overall_score"], used = tf.overall_score, source, True
    level = level_code(table_facts.level_raw)
    if level is not None:
        source = Provenance(table_facts.page, table_facts.box, table_facts.level_raw or "")
        chosen = facts.level is None
        why = "the indicator table's level" + ("" if chosen else "; the text's statement is preferred")
        _add_candidate(facts, "level", Candidate(level, source, why, chosen))
        if chosen:
            facts.level, facts.sources["level"] = level, source
    return used


def _add_candidate(facts: DocumentFacts, name: str, candidate: Candidate) -> None:
    found = facts.candidates.setdefault(name, [])
    if candidate.chosen:
        found.insert(0, candidate)
    else:
        found.append(candidate)


def _assessed_from_tables(indicators: Sequence[Indicator], facts: DocumentFacts) -> None:
    """Without a year in the intro, a table that gives scores by year names the latest one."""
    years = sorted({i.year for i in indicators if i.year is not None and i.origin == "table"})
    if not years:
        return
    source = next(Provenance(i.page, i.box, i.score_raw or "") for i in indicators if i.year == years[-1])
    chosen = facts.assessed_year is None
    why = "the year of the indicator table's score column" + (
        "" if chosen else "; the text's year is preferred"
    )
    _add_candidate(facts, "assessed_year", Candidate(years[-1], source, why, chosen))
    if chosen:
        facts.assessed_year, facts.sources["assessed_year"] = years[-1], source
