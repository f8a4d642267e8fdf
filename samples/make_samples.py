#!/usr/bin/env python3
"""Build the sample ITA measures PDFs the way a municipality makes them.

Each document's content (every paragraph and table row, plus the facts it states) lives in
``samples/src/<name>.json``.  This script checks the facts, writes a DOCX with python-docx
(TH Sarabun New, ruled tables with real borders) and has LibreOffice convert it to
``samples/<name>.pdf``.  The DOCX files are temporary.  Run it from anywhere::

    python samples/make_samples.py                       # rebuild every PDF
    python samples/make_samples.py --only wangphai-2566  # rebuild one
    python samples/make_samples.py --check               # rebuild in a temp dir, compare with samples/*.pdf
    python samples/make_samples.py --keep-docx /tmp/d    # also keep the DOCX files for inspection

``--src DIR`` and ``--out DIR`` build another set of documents the same way: the specs in ``DIR``
instead of ``samples/src``, the PDFs into ``DIR`` instead of ``samples/`` (``--check`` then compares
with the PDFs in ``--out``).  The held-out documents in ``tests/data/unseen`` are built so::

    python samples/make_samples.py --src tests/data/unseen/src --out tests/data/unseen

Fonts: TH Sarabun New is not in Debian.  Fontconfig aliases it to Laksaman (fonts-tlwg-laksaman,
drawn from TH Sarabun New) with a 0.66 scale matrix that LibreOffice ignores, which would make the
text 1.5x too large.  So the script writes a copy of Laksaman with its outlines scaled by 0.66
(family ``Laksaman66``) into a temporary font directory and gives LibreOffice a fontconfig file
that maps "TH Sarabun New" to it.  The DOCX keeps the font name and point sizes of the originals
(16 pt body), and lines wrap as they did there.

Determinism: DOCX core properties are fixed, LibreOffice runs with a fresh profile, TZ=UTC and
SOURCE_DATE_EPOCH, and the PDF's /CreationDate, /ID and /DocChecksum (the only bytes that change
from run to run) are rewritten in place to fixed values of the same length.  Nothing that carries
text is touched.

Needs: ``apt-get install libreoffice-writer-nogui fonts-tlwg-laksaman`` and ``pip install
python-docx fonttools pdfplumber``.  Not part of the package: nothing may import this module.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

SAMPLES_DIR = Path(__file__).resolve().parent
SOURCE_DIR = SAMPLES_DIR / "src"

FONT_NAME = "TH Sarabun New"  #: the font named in every DOCX, as municipalities use it
SCALED_FAMILY = "Laksaman66"  #: Laksaman scaled to TH Sarabun New's size, what LibreOffice embeds
LAKSAMAN_DIR = Path("/usr/share/fonts/truetype/tlwg")
LAKSAMAN_FILES = {"Regular": "Laksaman.ttf", "Bold": "Laksaman-Bold.ttf"}
FONTCONFIG_SCALE = 0.66  #: the matrix fontconfig's 89-tlwg-laksaman-synthetic.conf applies

SOURCE_DATE_EPOCH = 1_669_852_800  #: 2022-12-01 00:00 UTC, the PDFs' fixed creation date
SOFFICE_TIMEOUT_S = 900

INDICATOR_COUNT = 10
WEIGHTS = ((range(0, 5), 0.3), (range(5, 8), 0.3), (range(8, 10), 0.4))  #: IIT, EIT, OIT
LEVEL_BANDS = ((95.0, "AA"), (85.0, "A"), (75.0, "B"), (65.0, "C"), (55.0, "D"), (50.0, "E"), (0.0, "F"))
SCORE_TOLERANCE = 0.01

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "thai": WD_ALIGN_PARAGRAPH.THAI_JUSTIFY,
}


# --------------------------------------------------------------------------- content model


@dataclass(frozen=True)
class Result:
    """One year's ITA result as the document states it."""

    year: int  #: the ITA year assessed (Buddhist Era)
    overall: float
    level: str
    scores: tuple[float | None, ...]  #: indicators 1..10; None where the document gives none
    consistent: bool  #: False when the stated overall is knowingly not the weighted mean


@dataclass(frozen=True)
class Facts:
    """What the document says, for checks here and for expected records later."""

    agency: str
    district: str | None
    province: str | None
    fiscal_year: int  #: the fiscal year the measures are for (Buddhist Era)
    digits: str  #: "thai", "arabic" or "mixed": how the document writes numbers
    results: tuple[Result, ...]


@dataclass(frozen=True)
class PageSetup:
    orientation: str = "portrait"  #: "portrait" or "landscape" (A4)
    margins_cm: tuple[float, float, float, float] = (2.5, 2.0, 2.0, 3.0)  #: top, right, bottom, left
    font_size: float = 16.0
    page_numbers: str | None = None  #: None, "arabic" or "thai": "- 2 -" centred in the header
    number_first_page: bool = False


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Column:
    key: str  #: canonical field name (measure, steps, owner, period, ...)
    header: tuple[str, ...]  #: header paragraphs
    width_cm: float
    align: str = "left"


@dataclass(frozen=True)
class Cell:
    paras: tuple[str, ...]
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    align: str | None = None


@dataclass(frozen=True)
class Table:
    role: str  #: "indicators" or "measures"
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Cell], ...]
    font_size: float | None = None  #: None: the page's body size
    repeat_header: bool = True
    header_fill: str | None = None  #: hex RGB shading of the header row
    align: str = "center"


Block = Paragraph | PageBreak | Table


@dataclass(frozen=True)
class DocSpec:
    name: str
    title: str
    facts: Facts
    page: PageSetup
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = field(default=())


# --------------------------------------------------------------------------- loading


def _paras(value: Any) -> tuple[str, ...]:
    """A cell or header given as a string or a list of paragraph strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"expected a string or a list of strings, got {value!r}")


def _cell(value: Any) -> Cell:
    if isinstance(value, dict):
        return Cell(
            paras=_paras(value.get("text")),
            rowspan=int(value.get("rowspan", 1)),
            colspan=int(value.get("colspan", 1)),
            bold=bool(value.get("bold", False)),
            align=value.get("align"),
        )
    return Cell(paras=_paras(value))


def _row(raw: dict[str, Any], columns: tuple[Column, ...]) -> dict[str, Cell]:
    """A table row: ``{key: cell}``, or a group heading ``{"group": text, "span": bool}``."""
    keys = {c.key for c in columns}
    if "group" in raw:
        span = len(columns) if raw.get("span", False) else 1
        return {columns[0].key: Cell(paras=_paras(raw["group"]), colspan=span, bold=True)}
    unknown = set(raw) - keys - {"note"}
    if unknown:
        raise ValueError(f"row has keys that are no column: {sorted(unknown)}")
    return {k: _cell(v) for k, v in raw.items() if k in keys}


def _table(raw: dict[str, Any]) -> Table:
    columns = tuple(
        Column(
            key=c["key"],
            header=_paras(c["header"]),
            width_cm=float(c["width_cm"]),
            align=c.get("align", "left"),
        )
        for c in raw["columns"]
    )
    return Table(
        role=raw["role"],
        columns=columns,
        rows=tuple(_row(r, columns) for r in raw["rows"]),
        font_size=raw.get("font_size"),
        repeat_header=bool(raw.get("repeat_header", True)),
        header_fill=raw.get("header_fill"),
        align=raw.get("align", "center"),
    )


def _block(raw: dict[str, Any]) -> Block:
    kind = raw["type"]
    if kind == "paragraph":
        return Paragraph(text=raw["text"], style=raw.get("style", "body"))
    if kind == "page_break":
        return PageBreak()
    if kind == "table":
        return _table(raw)
    raise ValueError(f"unknown block type {kind!r}")


def _facts(raw: dict[str, Any]) -> Facts:
    results = tuple(
        Result(
            year=int(r["year"]),
            overall=float(r["overall"]),
            level=r["level"],
            scores=tuple(None if s is None else float(s) for s in r["scores"]),
            consistent=bool(r.get("consistent", True)),
        )
        for r in raw["results"]
    )
    return Facts(
        agency=raw["agency"],
        district=raw.get("district"),
        province=raw.get("province"),
        fiscal_year=int(raw["fiscal_year"]),
        digits=raw["digits"],
        results=results,
    )


def load_spec(path: Path) -> DocSpec:
    """Read one ``samples/src/<name>.json``."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    page = raw.get("page", {})
    return DocSpec(
        name=raw["name"],
        title=raw["title"],
        facts=_facts(raw["facts"]),
        page=PageSetup(
            orientation=page.get("orientation", "portrait"),
            margins_cm=tuple(page.get("margins_cm", PageSetup.margins_cm)),
            font_size=float(page.get("font_size", PageSetup.font_size)),
            page_numbers=page.get("page_numbers"),
            number_first_page=bool(page.get("number_first_page", False)),
        ),
        blocks=tuple(_block(b) for b in raw["blocks"]),
        notes=tuple(raw.get("notes", ())),
    )


def load_specs(only: Sequence[str] = (), source_dir: Path = SOURCE_DIR) -> list[DocSpec]:
    """Every ``<source_dir>/*.json`` (default ``samples/src``, or only the named ones), in file-name order."""
    if not source_dir.is_dir():
        raise ValueError("not a directory")
    paths = sorted(source_dir.glob("*.json"))
    if not paths:
        raise ValueError("no spec files (*.json) in it")
    specs = []
    for path in paths:
        spec = load_spec(path)
        if spec.name != path.stem:
            raise ValueError(f"{path.name}: name {spec.name!r} does not match the file name")
        specs.append(spec)
    if only:
        missing = set(only) - {s.name for s in specs}
        if missing:
            raise ValueError(f"no such sample: {', '.join(sorted(missing))}")
        specs = [s for s in specs if s.name in only]
    return specs


# --------------------------------------------------------------------------- fact checks


def weighted_overall(scores: Sequence[float | None]) -> float | None:
    """0.3·mean(IIT 1–5) + 0.3·mean(EIT 6–8) + 0.4·mean(OIT 9–10), or None if a score is missing."""
    if len(scores) != INDICATOR_COUNT or any(s is None for s in scores):
        return None
    values = [float(s) for s in scores if s is not None]
    return sum(weight * sum(values[i] for i in idx) / len(idx) for idx, weight in WEIGHTS)


def level_for(score: float) -> str:
    """The 2562–2565 level band of an overall score."""
    return next(level for floor, level in LEVEL_BANDS if score >= floor)


def number_forms(value: float) -> set[str]:
    """How a score may be written: ``77.88`` / ``๗๗.๘๘``, and ``100`` for whole numbers."""
    forms = {f"{value:.2f}"}
    if value == int(value):
        forms.add(str(int(value)))
    return forms | {f.translate(THAI_DIGITS) for f in forms}


def spec_text(spec: DocSpec) -> str:
    """All the text of a document, for checking that its facts appear in it."""
    parts: list[str] = []
    for block in spec.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts.extend(p for c in block.columns for p in c.header)
            parts.extend(p for row in block.rows for cell in row.values() for p in cell.paras)
    return "\n".join(parts)


def check_facts(spec: DocSpec) -> list[str]:
    """Problems with a document's facts: weights, level bands, numbers absent from its text."""
    problems: list[str] = []
    text = spec_text(spec)
    if spec.facts.agency not in text:
        problems.append(f"agency {spec.facts.agency!r} not in the text")
    for result in spec.facts.results:
        where = f"ITA {result.year}"
        computed = weighted_overall(result.scores)
        if computed is not None and result.consistent and abs(computed - result.overall) > SCORE_TOLERANCE:
            problems.append(f"{where}: stated {result.overall:.2f}, weights give {computed:.2f}")
        if (
            computed is not None
            and not result.consistent
            and abs(computed - result.overall) <= SCORE_TOLERANCE
        ):
            problems.append(f"{where}: marked inconsistent but the weights give {computed:.2f}")
        if result.level != level_for(result.overall):
            problems.append(
                f"{where}: level {result.level} but {result.overall:.2f} is {level_for(result.overall)}"
            )
        for value in (result.overall, *(s for s in result.scores if s is not None)):
            if not any(form in text for form in number_forms(value)):
                problems.append(f"{where}: {value:.2f} does not appear in the text")
    return problems


# --------------------------------------------------------------------------- DOCX: styles and runs


def _set_attr_element(parent: Any, tag: str, successors: tuple[str, ...] = (), **attrs: str) -> Any:
    """Get or create ``parent/tag`` and set its ``w:`` attributes.

    A new element goes before the first of ``successors`` present (the schema's order, which
    Word enforces), else at the end.
    """
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        following = next((f for f in (parent.find(qn(t)) for t in successors) if f is not None), None)
        if following is None:
            parent.append(element)
        else:
            following.addprevious(element)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def set_run_format(rpr: Any, size_pt: float | None = None, bold: bool = False) -> None:
    """Size and weight for Latin and complex (Thai) script alike: w:sz/w:szCs, w:b/w:bCs."""
    if bold:
        rpr.get_or_add_b().val = True
        rpr.get_or_add_bCs().val = True
    if size_pt is not None:
        half_points = str(round(size_pt * 2))
        sz = rpr.get_or_add_sz()
        sz.set(qn("w:val"), half_points)
        sz_cs = rpr.find(qn("w:szCs"))
        if sz_cs is None:
            sz_cs = OxmlElement("w:szCs")
            sz.addnext(sz_cs)
        sz_cs.set(qn("w:val"), half_points)


def set_fonts(rpr: Any) -> None:
    """Name TH Sarabun New for every script and drop theme fonts, which would win over it."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT_NAME)


def configure_styles(document: Any, page: PageSetup) -> None:
    """Document defaults and Normal: TH Sarabun New, Thai as the complex-script language, no spacing."""
    styles_element = document.styles.element
    doc_defaults = styles_element.find(qn("w:docDefaults"))
    rpr = doc_defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    set_run_format(rpr, page.font_size)
    _set_attr_element(rpr, "w:lang", val="en-US", eastAsia="en-US", bidi="th-TH")
    normal = document.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr())
    set_run_format(normal.element.get_or_add_rPr(), page.font_size)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0


def add_run(paragraph: DocxParagraph, text: str, size_pt: float | None = None, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    set_run_format(run._r.get_or_add_rPr(), size_pt, bold)


# --------------------------------------------------------------------------- DOCX: page setup


def configure_section(document: Any, page: PageSetup) -> None:
    """A4 in the given orientation and margins, with an optional ``- n -`` page number header."""
    section = document.sections[0]
    width, height = Cm(21.0), Cm(29.7)
    if page.orientation == "landscape":
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    top, right, bottom, left = page.margins_cm
    section.top_margin, section.right_margin = Cm(top), Cm(right)
    section.bottom_margin, section.left_margin = Cm(bottom), Cm(left)
    section.header_distance = Cm(1.25)
    if page.page_numbers:
        section.different_first_page_header_footer = not page.number_first_page
        add_page_number(section.header.paragraphs[0], page)


def add_page_number(paragraph: DocxParagraph, page: PageSetup) -> None:
    """``- 2 -`` with a PAGE field; Thai digits through the field's ``\\* ThaiArabic`` switch."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(paragraph, "- ")
    switch = r" \* ThaiArabic" if page.page_numbers == "thai" else ""
    field_element = OxmlElement("w:fldSimple")
    field_element.set(qn("w:instr"), f" PAGE{switch} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "๒" if page.page_numbers == "thai" else "2"
    run.append(text)
    field_element.append(run)
    paragraph._p.append(field_element)
    add_run(paragraph, " -")


def set_core_properties(document: Any, spec: DocSpec) -> None:
    """Fixed metadata, so that nothing in the DOCX depends on when it was built."""
    when = dt.datetime.fromtimestamp(SOURCE_DATE_EPOCH, tz=dt.UTC).replace(tzinfo=None)
    props = document.core_properties
    props.title = spec.title
    props.author = spec.facts.agency
    props.last_modified_by = spec.facts.agency
    props.created = props.modified = props.last_printed = when
    props.revision = 1
    props.comments = ""
    props.keywords = "ITA"


# --------------------------------------------------------------------------- DOCX: paragraphs


class ParagraphStyle(NamedTuple):
    align: str
    bold: bool = False
    size_delta_pt: float = 0.0
    first_indent_cm: float = 0.0  #: negative: a hanging indent
    left_indent_cm: float = 0.0
    space_before_pt: float = 0.0


PARAGRAPH_STYLES: dict[str, ParagraphStyle] = {
    "title": ParagraphStyle("center", bold=True, size_delta_pt=2.0),
    "subtitle": ParagraphStyle("center", bold=True),
    "heading": ParagraphStyle("left", bold=True, space_before_pt=6.0),
    "caption": ParagraphStyle("center", bold=True, space_before_pt=6.0),
    "body": ParagraphStyle("justify", first_indent_cm=1.25),
    "body-thai": ParagraphStyle("thai", first_indent_cm=1.25),  #: Word's Thai distributed justification
    "plain": ParagraphStyle("left"),
    "bullet": ParagraphStyle("left", first_indent_cm=-0.5, left_indent_cm=1.75),
    "signature": ParagraphStyle("center", left_indent_cm=9.0),
    "date": ParagraphStyle("left", left_indent_cm=4.5, space_before_pt=6.0),
    "blank": ParagraphStyle("left"),
}


def add_paragraph(document: Any, block: Paragraph, page: PageSetup) -> None:
    style = PARAGRAPH_STYLES.get(block.style)
    if style is None:
        raise ValueError(f"unknown paragraph style {block.style!r}")
    paragraph = document.add_paragraph()
    paragraph.alignment = ALIGNMENTS[style.align]
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(style.first_indent_cm) if style.first_indent_cm else None
    fmt.left_indent = Cm(style.left_indent_cm) if style.left_indent_cm else None
    fmt.space_before = Pt(style.space_before_pt)
    if block.text:
        size = page.font_size + style.size_delta_pt if style.size_delta_pt else None
        add_run(paragraph, block.text, size, style.bold)


def add_page_break(document: Any) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------------- DOCX: tables


def set_table_borders(table: DocxTable, size_eighths: int = 4) -> None:
    """Single black rules on every edge: explicit w:tblBorders, not a style that may get lost."""
    borders = _set_attr_element(
        table._tbl.tblPr, "w:tblBorders", ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    )
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _set_attr_element(borders, f"w:{edge}", val="single", sz=str(size_eighths), space="0", color="000000")


def set_table_geometry(table: DocxTable, spec: Table) -> None:
    """Fixed layout with the given column widths, so LibreOffice wraps cells as intended."""
    table.autofit = False  # w:tblLayout type="fixed"
    table.alignment = {"center": WD_TABLE_ALIGNMENT.CENTER, "left": WD_TABLE_ALIGNMENT.LEFT}[spec.align]
    total = sum(c.width_cm for c in spec.columns)
    _set_attr_element(table._tbl.tblPr, "w:tblW", w=str(round(Cm(total).twips)), type="dxa")
    for column, col_spec in zip(table.columns, spec.columns, strict=True):
        column.width = Cm(col_spec.width_cm)
        for cell in column.cells:
            cell.width = Cm(col_spec.width_cm)


SHD_SUCCESSORS = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def mark_header_row(table: DocxTable, spec: Table, size_pt: float | None) -> None:
    """Bold centred header; w:tblHeader repeats it on every page the table runs over."""
    row = table.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    _set_attr_element(tr_pr, "w:cantSplit", val="true")
    if spec.repeat_header:
        _set_attr_element(tr_pr, "w:tblHeader", val="true")
    for cell, col_spec in zip(row.cells, spec.columns, strict=True):
        if spec.header_fill:
            shading = {"val": "clear", "color": "auto", "fill": spec.header_fill}
            _set_attr_element(cell._tc.get_or_add_tcPr(), "w:shd", SHD_SUCCESSORS, **shading)
        write_cell(cell, Cell(paras=col_spec.header, bold=True, align="center"), "center", size_pt)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def write_cell(cell: Any, content: Cell, column_align: str, size_pt: float | None) -> None:
    """One paragraph per entry of ``content.paras``, top-aligned."""
    align = ALIGNMENTS[content.align or column_align]
    for index, text in enumerate(content.paras):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = align
        if text:
            add_run(paragraph, text, size_pt, content.bold)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def place_cells(spec: Table) -> Iterator[tuple[int, int, Cell]]:
    """(row, column, cell) of every given cell in grid coordinates; checks that spans do not collide."""
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(spec.rows, start=1):
        for c, column in enumerate(spec.columns):
            cell = row.get(column.key)
            if cell is None:
                continue
            if (r, c) in covered:
                raise ValueError(f"{spec.role} table row {r}: {column.key!r} lies under a merged cell")
            if r + cell.rowspan - 1 > len(spec.rows) or c + cell.colspan > len(spec.columns):
                raise ValueError(f"{spec.role} table row {r}: {column.key!r} spans past the table")
            covered.update(
                (r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan) if dr or dc
            )
            yield r, c, cell


def add_table(document: Any, spec: Table, page: PageSetup) -> None:
    font = spec.font_size if spec.font_size not in (None, page.font_size) else None  # None: inherit
    table = document.add_table(rows=len(spec.rows) + 1, cols=len(spec.columns))
    set_table_borders(table)
    set_table_geometry(table, spec)
    mark_header_row(table, spec, font)
    merges: list[tuple[int, int, Cell]] = []
    for r, c, cell in place_cells(spec):
        write_cell(table.cell(r, c), cell, spec.columns[c].align, font)
        if cell.rowspan > 1 or cell.colspan > 1:
            merges.append((r, c, cell))
    for r, c, cell in merges:
        table.cell(r, c).merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
    document.add_paragraph()  # Word and LibreOffice both need a paragraph between tables


# --------------------------------------------------------------------------- DOCX: whole document


def build_docx(spec: DocSpec, path: Path) -> None:
    document = Document()
    configure_styles(document, spec.page)
    configure_section(document, spec.page)
    set_core_properties(document, spec)
    body = document.element.body
    for child in list(body):  # the template's empty first paragraph
        if child.tag == qn("w:p"):
            body.remove(child)
    for block in spec.blocks:
        if isinstance(block, Paragraph):
            add_paragraph(document, block, spec.page)
        elif isinstance(block, PageBreak):
            add_page_break(document)
        else:
            add_table(document, block, spec.page)
    document.save(str(path))


# --------------------------------------------------------------------------- fonts


def write_scaled_fonts(font_dir: Path) -> None:
    """Laksaman with outlines and metrics scaled by 0.66, renamed ``Laksaman66``, hinting dropped."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem
    from fontTools.ttLib.tables.ttProgram import Program

    missing = [name for name in LAKSAMAN_FILES.values() if not (LAKSAMAN_DIR / name).exists()]
    if missing:
        hint = "apt-get install -y fonts-tlwg-laksaman"
        raise SystemExit(f"{', '.join(missing)} not in {LAKSAMAN_DIR}: {hint}")
    font_dir.mkdir(parents=True, exist_ok=True)
    for style, file_name in LAKSAMAN_FILES.items():
        font = TTFont(str(LAKSAMAN_DIR / file_name), recalcTimestamp=False)
        upem = font["head"].unitsPerEm
        font["head"].unitsPerEm = round(upem / FONTCONFIG_SCALE)  # same outlines, drawn 0.66 as large
        scale_upem(font, upem)  # back to the usual em, with every coordinate scaled
        for table_tag in ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"):
            if table_tag in font:
                del font[table_tag]
        for glyph in font["glyf"].glyphs.values():
            if hasattr(glyph, "program"):
                glyph.program = Program()
                glyph.program.fromBytecode(b"")
        rename_font(font, style)
        font.save(str(font_dir / f"{SCALED_FAMILY}-{style}.ttf"))


def rename_font(font: Any, style: str) -> None:
    full = SCALED_FAMILY if style == "Regular" else f"{SCALED_FAMILY} {style}"
    names = {
        1: SCALED_FAMILY,
        2: style,
        3: f"{SCALED_FAMILY}-{style}",
        4: full,
        6: f"{SCALED_FAMILY}-{style}",
        16: SCALED_FAMILY,
        17: style,
    }
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names:
            table.setName(
                names[record.nameID], record.nameID, record.platformID, record.platEncID, record.langID
            )


def write_fontconfig(work_dir: Path, font_dir: Path) -> Path:
    """A fontconfig file: the system's, plus the scaled font, with TH Sarabun New mapped to it."""
    conf = work_dir / "fonts.conf"
    conf.write_text(
        f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{font_dir}</dir>
  <cachedir>{work_dir / "fontcache"}</cachedir>
  <match target="pattern">
    <test name="family"><string>{FONT_NAME}</string></test>
    <edit name="family" mode="assign" binding="strong"><string>{SCALED_FAMILY}</string></edit>
  </match>
</fontconfig>
""",
        encoding="utf-8",
    )
    return conf


# --------------------------------------------------------------------------- LibreOffice


def find_soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("LibreOffice not found: apt-get install -y libreoffice-writer-nogui fonts-tlwg-laksaman")


def convert_to_pdf(docx_paths: Sequence[Path], out_dir: Path, work_dir: Path) -> None:
    """One headless LibreOffice run over all DOCX files, with a throwaway profile and our fonts."""
    font_dir = work_dir / "fonts"
    write_scaled_fonts(font_dir)
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(write_fontconfig(work_dir, font_dir)),
        "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH),
        "TZ": "UTC",
        "HOME": str(work_dir / "home"),
        "LC_ALL": "C.UTF-8",
    }
    command = [
        find_soffice(),
        f"-env:UserInstallation={(work_dir / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, docx_paths),
    ]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT_S)
    missing = [p for p in docx_paths if not (out_dir / f"{p.stem}.pdf").exists()]
    if completed.returncode != 0 or missing:
        names = ", ".join(p.name for p in missing)
        raise SystemExit(f"LibreOffice failed ({completed.returncode}) for {names}:\n{completed.stderr}")


ID_PATTERN = re.compile(rb"(/ID\s*\[\s*<)[0-9A-F]{32}(>\s*<)[0-9A-F]{32}(>)")
CHECKSUM_PATTERN = re.compile(rb"(/DocChecksum\s*/)[0-9A-F]{32}")
CREATION_DATE_PATTERN = re.compile(rb"(/CreationDate\s*\(D:)\d{14}")


def stabilise_pdf(path: Path) -> None:
    """Replace the run-dependent /CreationDate, /ID and /DocChecksum with fixed same-length values.

    The new /ID and /DocChecksum are the MD5 of the file with both blanked, so they still
    identify the content; offsets do not move, so the xref table stays valid.
    """
    data = path.read_bytes()
    stamp = dt.datetime.fromtimestamp(SOURCE_DATE_EPOCH, tz=dt.UTC).strftime("%Y%m%d%H%M%S").encode()
    counts = [len(p.findall(data)) for p in (CREATION_DATE_PATTERN, ID_PATTERN, CHECKSUM_PATTERN)]
    if counts[0] != 1 or counts[1] != 1 or counts[2] > 1:
        raise SystemExit(f"{path.name}: unexpected trailer (CreationDate, ID, DocChecksum found {counts})")

    def with_digest(digest: bytes) -> bytes:
        out = CREATION_DATE_PATTERN.sub(lambda m: m.group(1) + stamp, data)
        out = ID_PATTERN.sub(lambda m: m.group(1) + digest + m.group(2) + digest + m.group(3), out)
        return CHECKSUM_PATTERN.sub(lambda m: m.group(1) + digest, out)

    digest = hashlib.md5(with_digest(b"0" * 32), usedforsecurity=False).hexdigest().upper().encode()
    fixed = with_digest(digest)
    if len(fixed) != len(data):
        raise SystemExit(f"{path.name}: stabilising changed the file length")
    path.write_bytes(fixed)


# --------------------------------------------------------------------------- build and check


def build(specs: Sequence[DocSpec], out_dir: Path, keep_docx: Path | None = None) -> list[Path]:
    """Write ``<name>.pdf`` for every spec into ``out_dir``; returns the PDF paths."""
    problems = [f"{s.name}: {p}" for s in specs for p in check_facts(s)]
    if problems:
        raise SystemExit("facts do not hold:\n  " + "\n  ".join(problems))
    with tempfile.TemporaryDirectory(prefix="ita-samples-") as tmp:
        work_dir = Path(tmp)
        docx_dir = work_dir / "docx"
        docx_dir.mkdir()
        docx_paths = [docx_dir / f"{s.name}.docx" for s in specs]
        for spec, docx_path in zip(specs, docx_paths, strict=True):
            build_docx(spec, docx_path)
        pdf_dir = work_dir / "pdf"
        pdf_dir.mkdir()
        convert_to_pdf(docx_paths, pdf_dir, work_dir)
        if keep_docx:
            keep_docx.mkdir(parents=True, exist_ok=True)
            for docx_path in docx_paths:
                shutil.copy2(docx_path, keep_docx / docx_path.name)
        out_dir.mkdir(parents=True, exist_ok=True)
        built = []
        for spec in specs:
            pdf = pdf_dir / f"{spec.name}.pdf"
            stabilise_pdf(pdf)
            target = out_dir / pdf.name
            shutil.copyfile(pdf, target)
            built.append(target)
    return built


def page_texts(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def compare(committed: Path, rebuilt: Path) -> str:
    """``byte-identical``, ``text-identical`` or what differs."""
    if not committed.exists():
        return "MISSING (no committed PDF)"
    if committed.read_bytes() == rebuilt.read_bytes():
        return "byte-identical"
    old, new = page_texts(committed), page_texts(rebuilt)
    if len(old) != len(new):
        return f"TEXT DIFFERS: {len(old)} pages committed, {len(new)} rebuilt"
    changed = [str(i) for i, (a, b) in enumerate(zip(old, new, strict=True), start=1) if a != b]
    return f"TEXT DIFFERS on page(s) {', '.join(changed)}" if changed else "text-identical (bytes differ)"


def check(specs: Sequence[DocSpec], out_dir: Path = SAMPLES_DIR) -> bool:
    """Rebuild ``specs`` in a temp dir and compare each PDF with ``<out_dir>/<name>.pdf``."""
    with tempfile.TemporaryDirectory(prefix="ita-samples-check-") as tmp:
        rebuilt = build(specs, Path(tmp))
        verdicts = {pdf.stem: compare(out_dir / pdf.name, pdf) for pdf in rebuilt}
    for name, verdict in verdicts.items():
        print(f"{name}: {verdict}")
    return all(v.startswith(("byte-identical", "text-identical")) for v in verdicts.values())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="rebuild in a temp dir and compare with the PDFs in --out (samples/*.pdf)",
    )
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="build only this sample")
    parser.add_argument("--keep-docx", type=Path, metavar="DIR", help="also copy the DOCX files here")
    parser.add_argument(
        "--src", type=Path, default=SOURCE_DIR, metavar="DIR", help="where the spec JSONs are (samples/src)"
    )
    parser.add_argument(
        "--out", type=Path, default=SAMPLES_DIR, metavar="DIR", help="where the PDFs go (samples/)"
    )
    args = parser.parse_args(argv)
    source_dir, out_dir = args.src.resolve(), args.out.resolve()
    try:
        specs = load_specs(args.only, source_dir)
    except (ValueError, KeyError) as err:
        parser.error(f"{display_path(source_dir)}: {err}")
    if args.check:
        return 0 if check(specs, out_dir) else 1
    for pdf in build(specs, out_dir, args.keep_docx):
        print(f"wrote {display_path(pdf)}")
    return 0


def display_path(path: Path) -> str:
    """``path`` relative to the repository when it lies inside it, else as given."""
    try:
        return str(path.relative_to(SAMPLES_DIR.parent))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
