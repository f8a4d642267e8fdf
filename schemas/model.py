"""Typed records passed between the stages of ita-extract.

Every stage takes and returns these dataclasses; nothing here imports from
``extractors`` or ``pipeline``.  Coordinates are PDF points in pdfplumber's
convention: origin at the top-left of the page, ``x0 < x1`` and ``top < bottom``.
Page numbers are 1-based, as a reader counts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class PageKind(StrEnum):
    """How a page's content can be read."""

    TEXT = "text"  #: a text layer that can be trusted
    SCANNED = "scanned"  #: no text layer, or one too broken to trust: send to OCR
    EMPTY = "empty"  #: nothing on the page (no text, no images worth reading)


class BBox(NamedTuple):
    """A box in page coordinates (points, origin top-left).  A tuple: cheap to make per glyph."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def overlaps(self, other: BBox) -> bool:
        """Whether the two boxes share some area (touching edges do not).

        >>> box = BBox(0, 0, 10, 10)
        >>> box.overlaps(BBox(5, 5, 20, 20)), box.overlaps(BBox(10, 0, 20, 10))
        (True, False)
        """
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.top < other.bottom and other.top < self.bottom
        )

    def contains_point(self, x: float, y: float, tolerance: float = 0.0) -> bool:
        return (
            self.x0 - tolerance <= x <= self.x1 + tolerance
            and self.top - tolerance <= y <= self.bottom + tolerance
        )

    def as_list(self) -> list[float]:
        return [round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2)]


@dataclass(frozen=True, slots=True)
class Char:
    """One character of a page's text layer, after glyph-level repair.

    ``text`` is what the character is (it may be two code points, e.g. a lost
    mark restored before a vowel, or empty when the glyph was dropped as an
    artefact); ``raw`` is what the PDF's text layer said.  ``box`` is the
    line box of the glyph (font ascent to descent), ``baseline`` the y of its
    origin, so marks above and below a consonant share their consonant's box.
    """

    text: str
    raw: str
    box: BBox
    baseline: float
    origin_x: float
    font: str
    size: float
    generated: bool = False  #: inserted by the PDF library (a space or line break it inferred)


@dataclass(frozen=True)
class Word:
    """A run of characters with no gap wide enough to be a space."""

    text: str
    raw: str
    box: BBox
    confidence: float | None = None  #: 0..1 for words read by OCR, None for a text layer


@dataclass(frozen=True)
class Line:
    """Words sharing a baseline, in reading order."""

    text: str
    raw: str
    box: BBox
    words: tuple[Word, ...]
    #: The line's last glyph is a space: where it wraps inside a cell, a space belongs there.
    ends_with_space: bool = False
    confidence: float | None = None  #: 0..1 for lines read by OCR, None for a text layer


@dataclass
class TextQuality:
    """Counts that say how far a page's text layer can be trusted."""

    chars: int = 0  #: characters in the text layer
    thai_chars: int = 0
    unmapped_glyphs: int = 0  #: glyphs with no (or an invalid) Unicode mapping
    repaired_marks: int = 0  #: marks restored from glyphs mapped to spaces
    unresolved_marks: int = 0  #: glyphs mapped to spaces that could not be identified
    pua_chars: int = 0  #: Private Use Area characters in the raw layer
    swapped_sara_am_font: bool = False  #: a font here maps า to ำ
    replaced_chars: int = 0  #: code units that cannot be encoded (unpaired surrogates), replaced and dropped
    tiny_glyphs: int = 0  #: glyphs too small to be read on the page (under 2 pt), left out

    @property
    def unmapped_share(self) -> float:
        return self.unmapped_glyphs / self.chars if self.chars else 0.0


class OcrStatus(StrEnum):
    """What OCR made of a scanned page."""

    READ = "read"  #: text was recognised
    BLANK = "blank"  #: no ink worth reading
    UNREADABLE = "unreadable"  #: ink, but nothing OCR could read with confidence (a photo, damage)
    FAILED = "failed"  #: the OCR engine failed or is missing


@dataclass
class OcrInfo:
    """How a scanned page was read."""

    status: OcrStatus
    dpi: int
    rotation: int = 0  #: degrees (clockwise) turned to make the page upright
    skew: float = 0.0  #: degrees of tilt undone
    confidence: float | None = None  #: mean word confidence, 0..1
    seconds: float = 0.0
    reason: str = ""  #: for a page not read: why, in plain words
    #: Values OCR is unsure of: text, other reading, box and why, for a person to check.
    doubts: list[OcrDoubt] = field(default_factory=list)
    #: On a text page: the pictures read by OCR as regions of the page (empty for a scanned page).
    regions: list[OcrRegion] = field(default_factory=list)
    stored_rotation: int = 0  #: the page's ``/Rotate`` (degrees clockwise), honoured when rendering
    perspective: bool = False  #: a photographed page's outline was mapped onto a rectangle
    illumination: bool = False  #: uneven light (a gradient, a shadow) was evened out


@dataclass
class OcrRegion:
    """A picture on a text page read by OCR as a region of the page."""

    box: BBox  #: the picture's box on the page (points)
    #: What was read from it: "table" (a ruled grid), "chart" (labels and values paired by
    #: position), "text" (lines only), "unreadable" (no text with confidence) or "failed".
    kind: str
    dpi: int
    confidence: float | None = None  #: mean symbol confidence, 0..1
    seconds: float = 0.0
    reason: str = ""  #: for a region not read: why, in plain words


@dataclass(frozen=True)
class Picture:
    """An embedded image on a text page large enough to hold content (not a logo or a signature)."""

    box: BBox  #: where it is drawn on the page (points)
    width_px: int  #: the image's own pixels
    height_px: int


#: The confidence of a value read by OCR whose readings disagree and none settles it, or that only
#: a fallback or the document's evidence settled: low, and always with an :class:`OcrDoubt`.
DOUBT_CONFIDENCE = 0.3


@dataclass(frozen=True)
class OcrDoubt:
    """A value read by OCR that a person should check (two readings disagreed, or low confidence)."""

    text: str
    other: str
    box: BBox
    reason: str


@dataclass
class PageText:
    """The repaired text layer of one page."""

    number: int  #: 1-based page number
    width: float
    height: float
    kind: PageKind
    lines: list[Line] = field(default_factory=list)
    chars: list[Char] = field(default_factory=list)
    quality: TextQuality = field(default_factory=TextQuality)
    reason: str = ""  #: why the page got its kind, in plain words
    ocr: OcrInfo | None = None  #: set when the page was a scan sent to OCR
    #: Ruling lines: every horizontal (no height) and vertical (no width) straight piece of the
    #: page's drawn paths, from the text layer's reading of the page (table borders among them).
    rulings: list[BBox] = field(default_factory=list)
    #: Pictures on a text page that may hold content (a screenshot, a chart): read by OCR as regions.
    pictures: list[Picture] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def raw_text(self) -> str:
        return "\n".join(line.raw for line in self.lines)


@dataclass(frozen=True)
class Cell:
    """One cell of a table.  Merged cells appear once, with their spans."""

    row: int  #: 0-based index of the first row the cell covers
    col: int  #: 0-based index of the first column the cell covers
    text: str  #: repaired, normalised text (wrapped lines joined)
    raw: str  #: the text layer's characters inside the box, lines joined with "\n"
    box: BBox | None
    rowspan: int = 1
    colspan: int = 1
    confidence: float | None = None  #: 0..1 when the text was read by OCR


#: The note a table's quality carries when a column ruling it lacked all the way down was restored
#: from the table it goes on into on the next page (a stamp over a header at a page's foot): its
#: columns are that table's, though its header does not name them all apart.
RULING_RESTORED = "a column ruling it lacks restored from the table it goes on into"


@dataclass
class TableQuality:
    """A parsing report for one table (cf. camelot's ``parsing_report``)."""

    #: "lines" (ruled table), "text" (aligned text, no rulings, one row per line), "borderless"
    #: (no rulings: columns from a header row and the white gutters below it, rows from spacing) or
    #: "picture" (the labels and values of a picture on a text page, paired by position)
    strategy: str
    score: float  #: 0..1, how much to trust the grid and its text
    filled_share: float  #: share of grid cells with text
    chars_inside: float  #: share of the characters in the table box that landed in a cell
    notes: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A table found on one page."""

    page: int  #: 1-based
    index: int  #: 0-based position among the tables of its page
    box: BBox
    n_rows: int
    n_cols: int
    cells: list[Cell]
    quality: TableQuality
    continues_previous: bool = False  #: continuation of the last table on the previous page
    header_repeated: bool = False  #: its first row repeats the header of the table it continues

    def grid(self) -> list[list[str]]:
        """Rows of cell text; a merged cell's text sits in its top-left slot, others are ""."""
        rows = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for cell in self.cells:
            rows[cell.row][cell.col] = cell.text
        return rows


@dataclass(frozen=True, slots=True)
class CellPart:
    """The piece of a logical cell that lies on one page (a cell cut by a page break has two)."""

    page: int
    box: BBox | None
    text: str
    raw: str
    confidence: float | None = None  #: 0..1 when the text was read by OCR


@dataclass
class LogicalRow:
    """One row of a table stitched across pages: for each column, the parts of its cell."""

    page: int  #: where the row starts
    cells: dict[int, list[CellPart]] = field(default_factory=dict)
    spanned: set[int] = field(default_factory=set)  #: columns filled by a merged cell from a row above
    full_width: bool = False  #: one cell across the whole row (a group caption such as ``IIT``)
    texts: dict[int, str] = field(default_factory=dict)  #: column → joined text of its parts

    def text(self, col: int) -> str:
        """The column's text: its parts joined (by the stitcher) as a wrapped cell joins."""
        return self.texts.get(col, "")

    @property
    def pages(self) -> list[int]:
        return sorted({p.page for parts in self.cells.values() for p in parts} | {self.page})


@dataclass
class LogicalTable:
    """A table as its reader sees it: header fields, then data rows, across page breaks."""

    kind: str  #: "measures", "indicators" or "other"
    fields: list[str | None]  #: per column, the field its header names (None: not recognised)
    header: list[str]  #: per column, the header text
    rows: list[LogicalRow]
    pages: list[int]
    tables: list[Table]  #: the per-page tables it was stitched from

    def columns(self, name: str) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f == name]


@dataclass
class Document:
    """One PDF as the read stage gives it: every page's text (from the text layer or OCR) and every
    table, in page order, continuations across pages marked.  The interpret stage reads only this."""

    file: str  #: the file's name (no folder)
    sha256: str  #: of the file's bytes
    pages: list[PageText]
    tables: list[Table]
