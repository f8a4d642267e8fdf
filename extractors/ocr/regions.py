"""Pictures on text pages read by OCR as regions of the page, through the scans' own path.

A picture (:class:`~schemas.Picture`, found by :mod:`extractors.pdf.images`) is rendered from the
page, cropped to its box, at the resolution that makes its text a given height: the height is
measured on a quick low-resolution rendering (the median height of its text-like components),
so a screenshot's small text gets enough pixels and a poster's large text not too many; within
the pixel cap.  Then:

1. solid blocks (bars, filled markers: where a square of :data:`SOLID_PT` points fits in the ink)
   are erased, so Tesseract sees only text and thin rulings;
2. the paper is flattened and binarised (:mod:`extractors.ocr.raster`; no deskew: a pasted
   picture is level, and its boxes must map back to the page exactly);
3. a ruled grid (:mod:`extractors.ocr.image_grid`) becomes a table read cell by cell, as on a
   scanned page; without one, the picture's lines are read with Tesseract's layout analysis and
   labels are paired with values by position (:mod:`extractors.ocr.chart`): a chart's bars or a
   screenshot's shaded rows become a two-column table;
4. every other line goes to the page's lines, marked with its OCR confidence.

All boxes are mapped back to page points (the text layer's coordinates, origin top-left of the
media box).  A picture that cannot be read is reported in its region record, never raised.
"""

from __future__ import annotations

import multiprocessing
import re
import time
from bisect import bisect_right
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from extractors.ocr.chart import (
    Pair,
    chart_pairs,
    is_score,
    pairs_table,
    settle_chart_numbers,
    settle_numbers,
    settle_values,
)
from extractors.ocr.engine import OcrEngine
from extractors.ocr.image_grid import find_grids
from extractors.ocr.options import MAX_PIXELS, MIN_DPI, OcrOptions, render_dpi
from extractors.ocr.page import BLANK_INK, PAD, PageReader, _pad
from extractors.ocr.raster import Cleaned, Gray, binarise, flatten_background
from extractors.ocr.text import clean_ocr_text
from extractors.thai.text import join_wrapped_lines
from extractors.thai.words import all_words
from schemas import BBox, Line, OcrDoubt, OcrInfo, OcrRegion, OcrStatus, PageText, Picture, Table, Word

_THAI_LETTER = re.compile(r"[ก-ฮ]")
_LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])")
_THAI_WORD = re.compile(r"[ก-๎]+")


#: A picture's resolution is chosen from the height of its text: the bodies of its letters (the
#: median height of its text-like components, marks and dots set aside) are rendered this many
#: pixels tall.  Measured on the test pictures: 9-pt text in a pasted screenshot loses its marks
#: at 245 dpi (bodies of 16 px: ``ตวชวด``) and keeps them at 400 (27 px).
TEXT_BODY_PX = 28
#: The text height is measured on a rendering at this resolution (bodies of 9-pt text: 10 px).
PROBE_DPI = 200
#: No picture is rendered above this multiple of the page setting, whatever its text (within the
#: pixel cap too): small text gets the resolution every picture had before its text was measured,
#: so no picture costs more than it did (a dense table of 6-pt text read cell by cell at 560 dpi
#: took 15 % more time than at 400, for the same cells).
MAX_REGION_SCALE = 2
#: A label with Latin guesses amid Thai is read again from its box widened by this many points,
#: and above by this share of a line's height (the marks its box may leave out).
WORD_MARGIN_PT = 1.5
MARKS_ABOVE = 0.6
#: A line of one word of at most this many characters may be a number read as letters.
LONE_WORD_CHARS = 6
#: A square this many points wide that fits inside the ink is a bar or a filled block, not text
#: (a stroke of 16 pt bold Thai is about 1.5 pt).
SOLID_PT = 4.0
#: The numbers under vertical bars are looked for this many points below the bars' foot.
BAR_LABEL_PT = 14.0
#: Pieces of ink closer than this share of the numbers' height are one number (``10``).
DIGIT_GAP = 0.6
#: A picture with fewer text-like connected components than this has no text height to measure.
MIN_GLYPHS = 8


@dataclass
class RegionResult:
    """What the pictures of one page gave: lines, tables, and how each region was read."""

    number: int
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    info: OcrInfo | None = None


def region_dpi(picture: Picture, dpi: int, body_px: float | None = None, measured_at: int = PROBE_DPI) -> int:
    """The resolution a picture is read at: the one that renders its text's bodies
    :data:`TEXT_BODY_PX` tall, from ``body_px`` measured at ``measured_at`` dpi (small text gets
    more pixels, large text fewer), between the lowest OCR resolution and :data:`MAX_REGION_SCALE`
    times ``dpi``; the page setting ``dpi`` when no text height could be measured (a photo);
    always within the pixel cap: 0 when even the lowest resolution would exceed it.

    >>> shot = Picture(BBox(0, 0, 440, 270), 1500, 916)
    >>> region_dpi(shot, 200, 14.0), region_dpi(shot, 200, 20.0), region_dpi(shot, 200, 4.0)
    (400, 280, 400)
    >>> region_dpi(shot, 200), region_dpi(shot, 200, 80.0)
    (200, 100)
    >>> region_dpi(Picture(BBox(0, 0, 14400, 14400), 1500, 916), 200, 10.0)
    0
    """
    wanted = dpi if not body_px else round(measured_at * TEXT_BODY_PX / body_px)
    wanted = min(max(wanted, MIN_DPI), MAX_REGION_SCALE * dpi)
    return render_dpi(picture.box.width, picture.box.height, wanted, MAX_PIXELS)


def measured_dpi(doc: pdfium.PdfDocument, number: int, picture: Picture, dpi: int) -> int:
    """The resolution to read ``picture`` at, from its text height measured on a rendering at
    :data:`PROBE_DPI` (see :func:`region_dpi`)."""
    probe = render_dpi(picture.box.width, picture.box.height, PROBE_DPI, MAX_PIXELS)
    if not probe:
        return 0
    body = text_height(render_region(doc, number, picture.box, probe), probe)
    return region_dpi(picture, dpi, body, probe)


def text_height(gray: Gray, dpi: int) -> float | None:
    """The height in pixels of the bodies of the text in ``gray`` (rendered at ``dpi``): the median
    height of its text-like connected components (not solid blocks, not rulings), once the marks,
    dots and specks (under half the tall components' height) are set aside; None when fewer than
    :data:`MIN_GLYPHS` such components are found (a photo, an empty picture).

    >>> import cv2
    >>> img = np.full((200, 600), 255, np.uint8)
    >>> for k in range(20):
    ...     _ = cv2.putText(img, "ab", (10 + 28 * k, 100), cv2.FONT_HERSHEY_SIMPLEX, 0.6, 0, 2)
    >>> 9 <= text_height(img, 150) <= 13
    True
    >>> text_height(np.full((50, 50), 255, np.uint8), 150) is None
    True
    """
    import cv2

    ink = binarise(erase_solid(gray, dpi))
    count, _labels, stats, _centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return None
    w, h, area = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_AREA]
    fill = area / np.maximum(w * h, 1)
    text_like = (h >= 3) & (h <= gray.shape[0] / 3) & (w <= 4 * h) & (fill > 0.08) & (fill < 0.95)
    heights = h[text_like]
    if heights.size < MIN_GLYPHS:
        return None
    tall = float(np.percentile(heights, 90))
    bodies = heights[heights >= tall / 2]
    return float(np.median(bodies)) if bodies.size >= MIN_GLYPHS else None


def render_region(doc: pdfium.PdfDocument, number: int, box: BBox, dpi: int) -> Gray:
    """The part of page ``number`` under ``box`` (text-layer points) as greyscale at ``dpi``,
    unrotated (the text layer's coordinates ignore /Rotate, so the crop must too)."""
    page = doc[number - 1]
    try:
        m_left, _m_bottom, _m_right, m_top = page.get_mediabox()
        c_left, c_bottom, c_right, c_top = page.get_cropbox()
        user = (box.x0 + m_left, m_top - box.bottom, box.x1 + m_left, m_top - box.top)
        crop = (
            max(user[0] - c_left, 0.0),
            max(user[1] - c_bottom, 0.0),
            max(c_right - user[2], 0.0),
            max(c_top - user[3], 0.0),
        )
        rotation = (360 - page.get_rotation()) % 360
        bitmap = page.render(scale=dpi / 72, rotation=rotation, crop=crop, grayscale=True)
        return np.asarray(bitmap.to_pil().convert("L"), dtype=np.uint8)
    finally:
        page.close()


def solid_mask(gray: Gray, dpi: int) -> Gray:
    """The solid blocks of ``gray`` (bars, filled markers: where a square of :data:`SOLID_PT`
    points fits inside the ink) as 255, grown by a pixel; everything else 0."""
    import cv2

    k = max(round(SOLID_PT * dpi / 72), 3)
    ink = binarise(gray)
    solid = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    if not solid.any():
        return np.asarray(solid, np.uint8)
    return np.asarray(cv2.dilate(solid, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))), np.uint8)


def erase_solid(gray: Gray, dpi: int) -> Gray:
    """``gray`` with solid blocks (bars, filled markers) painted white; text and thin rulings kept.

    >>> img = np.full((100, 200), 255, np.uint8); img[40:60, 20:180] = 40; img[10:30, 20:22] = 0
    >>> out = erase_solid(img, 72 * 4)   # 4 pt is 16 px here
    >>> int(out[50, 100]), int(out[20, 20])
    (255, 0)
    """
    solid = solid_mask(gray, dpi)
    if not solid.any():
        return gray
    out = gray.copy()
    out[solid > 0] = 255
    return out


def bar_numbers(reader: PageReader, gray: Gray, lines: Sequence[Line], dx: float, dy: float) -> list[Line]:
    """The numbers printed under vertical bars (``1`` … ``10``, the names in a legend), which
    Tesseract's layout analysis passes over as specks: the ink in the row just below the bars'
    common foot, cut where the gaps between its pieces are wider than a digit's spacing, each
    piece read on its own with digits only.  A piece already inside a line read, or not read as
    a one- or two-digit number, is left out.  ``lines`` and the numbers are in page points, the
    picture's top-left at ``dx, dy``."""
    import cv2

    dpi = reader.dpi
    solid = solid_mask(gray, dpi)
    rows = np.nonzero(solid.any(axis=1))[0]
    if not len(rows):
        return []
    cols = np.nonzero(solid.any(axis=0))[0]
    s = dpi / 72
    h, w = reader.page.binary.shape
    top, bottom = int(rows[-1]) + 1, min(int(rows[-1] + BAR_LABEL_PT * s), h)
    left, right = max(int(cols[0] - BAR_LABEL_PT * s), 0), min(int(cols[-1] + BAR_LABEL_PT * s), w)
    band = np.ascontiguousarray(reader.page.binary[top:bottom, left:right])
    if bottom - top < 4 or not band.any():
        return []
    count, _labels, stats, _c = cv2.connectedComponentsWithStats(band, connectivity=8)
    parts = sorted(
        (
            (int(stats[i][0]), int(stats[i][1]), int(stats[i][2]), int(stats[i][3]))
            for i in range(1, count)
            if stats[i][4] >= 4
        ),
        key=lambda b: b[0],
    )
    if not parts:
        return []
    first = min(y for _x, y, _w, _h in parts)  # the row of numbers: the first line under the foot
    height = max(hh for _x, y, _w, hh in parts if y - first < 0.5 * s * BAR_LABEL_PT)
    parts = [p for p in parts if p[1] - first < height]
    groups: list[list[tuple[int, int, int, int]]] = []
    for part in parts:
        if groups and part[0] - max(x + ww for x, _y, ww, _h in groups[-1]) < DIGIT_GAP * height:
            groups[-1].append(part)
        else:
            groups.append([part])
    found: list[Line] = []
    for group in groups:
        x0 = left + min(x for x, *_ in group)
        x1 = left + max(x + ww for x, _y, ww, _h in group)
        y0 = top + min(y for _x, y, _w, _h in group)
        y1 = top + max(y + hh for _x, y, _w, hh in group)
        box = _shift(reader.pt((x0, y0, x1, y1)), dx, dy)
        if any(box.overlaps(ln.box) for ln in lines):
            continue
        text, conf = reader.engine.read_digits(_pad(reader.page.ink_image[y0:y1, x0:x1]))
        if not re.fullmatch(r"[0-9]{1,2}", text):
            continue
        confidence = round(conf / 100, 3)
        found.append(Line(text, text, box, (Word(text, text, box, confidence),), confidence=confidence))
    return found


def clean_region(gray: Gray, dpi: int) -> Cleaned:
    """Flattened, binarised, solid blocks erased; never rotated (boxes map back one to one)."""
    flat = flatten_background(erase_solid(gray, dpi))
    binary = binarise(flat)
    ink = float(np.count_nonzero(binary)) / binary.size if binary.size else 0.0
    return Cleaned(flat, binary, 0.0, 0, ink)


def read_region(
    engine: OcrEngine, gray: Gray, picture: Picture, number: int
) -> tuple[list[Line], list[Table], OcrRegion, list[OcrDoubt]]:
    """OCR one picture's pixels (rendered at ``engine.dpi``): its lines and tables in page points."""
    started = time.perf_counter()
    dpi = engine.dpi
    region = OcrRegion(picture.box, "unreadable", dpi)
    page = clean_region(gray, dpi)
    if page.ink_share < BLANK_INK:
        region.reason = "the picture holds no ink to read"
        region.seconds = round(time.perf_counter() - started, 3)
        return [], [], region, []
    reader = PageReader(engine, page, dpi)
    grids = find_grids(page.binary)
    tables = [t for t in (reader.table(g, number) for g in grids) if t is not None]
    lines = [_lone_number(reader, ln) for ln in reader.prose(grids)]
    dx, dy = picture.box.x0, picture.box.top
    tables = [_shift_table(t, dx, dy) for t in tables]
    lines = [_shift_line(ln, dx, dy) for ln in lines]
    doubts = [replace(d, box=_shift(d.box, dx, dy)) for d in reader.doubts]

    def reread(box: BBox) -> tuple[str, float | None]:
        return read_value(reader, box, dx, dy)

    if tables:
        region.kind = "table"
        for table in tables:
            table.quality.notes.insert(1, "from a picture on a text page")
    else:
        lines, unsettled = settle_numbers(lines, reread)
        doubts = [d for d in doubts if not _settled(d, lines)]
        pairs, how = chart_pairs(lines + bar_numbers(reader, gray, lines, dx, dy))
        pairs = [thai_label(reader, pair, dx, dy) for pair in pairs]
        pairs, unsettled_values = settle_values(pairs, reread)
        doubts += unsettled + unsettled_values
        if pairs:
            region.kind = "chart"
            tables = [pairs_table(pairs, number, how)]
            lines = [ln for ln in lines if not _covered(ln, tables[0].box)]
        elif lines:
            region.kind = "text"
    confs = reader.symbol_confidences
    region.confidence = round(sum(confs) / len(confs) / 100, 3) if confs else None
    if region.kind == "unreadable":
        region.reason = "no text could be read from the picture with confidence (a photo?)"
        lines, tables, doubts = [], [], []
    region.seconds = round(time.perf_counter() - started, 3)
    return lines, tables, region, doubts


def read_value(reader: PageReader, box: BBox, dx: float, dy: float) -> tuple[str, float | None]:
    """The ink in a value's box (page points, the picture's top-left at ``dx, dy``), widened by
    :data:`WORD_MARGIN_PT`, read on its own with digits only (see :func:`settle_values`)."""
    s, m = reader.dpi / 72, WORD_MARGIN_PT
    h, w = reader.page.gray.shape
    x0, y0 = max(int((box.x0 - dx - m) * s), 0), max(int((box.top - dy - m) * s), 0)
    x1, y1 = min(int((box.x1 - dx + m) * s), w), min(int((box.bottom - dy + m) * s), h)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return "", None
    text, conf = reader.engine.read_digits(_pad(reader.page.ink_image[y0:y1, x0:x1]))
    return text, round(conf / 100, 3)


def settle_scanned_chart(reader: PageReader, lines: list[Line]) -> list[Line]:
    """A scanned page's lines with the misread values of a chart on it read again from the page
    image, each on its own with digits only (:func:`extractors.ocr.chart.settle_chart_numbers`;
    the page's boxes are its image's, so no shift): from the page's ink first, then, when that
    reading gives no score with its point, from the grey image enlarged
    (:func:`read_value_enlarged`); the doubts go to the reader's.  Only the
    numbers of rows of values that are no score in the chart's format are read again."""

    def as_read(box: BBox) -> tuple[str, float | None]:  # the page's ink, at its resolution
        return read_value(reader, box, 0.0, 0.0)

    def enlarged(box: BBox) -> tuple[str, float | None]:  # the grey image, enlarged: a point kept
        return read_value_enlarged(reader, box)

    settled, doubts = settle_chart_numbers(lines, as_read, enlarged)
    reader.doubts.extend(doubts)
    return settled


#: A chart value on a scanned page is read again from the page's grey image enlarged until its box
#: is this many pixels tall: small print at 200 dpi (a value over a bar, 8-pt in a picture) loses
#: its decimal point in the binarised image, and Tesseract reads small digits poorly; measured on
#: scans and photographs of generated charts (values 15 px tall at 200 dpi): enlarged 3 times,
#: every value and its point read.
VALUE_BOX_PX = 48


def read_value_enlarged(reader: PageReader, box: BBox) -> tuple[str, float | None]:
    """The grey ink in a value's box (page points of a scanned page), widened by
    :data:`WORD_MARGIN_PT`, enlarged so the box is :data:`VALUE_BOX_PX` tall (never shrunk), read
    on its own with digits only."""
    import cv2

    s, m = reader.dpi / 72, WORD_MARGIN_PT
    h, w = reader.page.gray.shape
    x0, y0 = max(int((box.x0 - m) * s), 0), max(int((box.top - m) * s), 0)
    x1, y1 = min(int((box.x1 + m) * s), w), min(int((box.bottom + m) * s), h)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return "", None
    crop = reader.page.gray[y0:y1, x0:x1]
    scale = max(1.0, VALUE_BOX_PX / max(box.height * s, 1.0))
    if scale > 1.0:
        crop = np.asarray(cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC), np.uint8)
    text, conf = reader.engine.read_digits(_pad(np.ascontiguousarray(crop)))
    return text, round(conf / 100, 3)


def thai_label(reader: PageReader, pair: Pair, dx: float, dy: float) -> Pair:
    """The pair, its label read again from its box as Thai only when the layout analysis guessed
    Latin letters amid Thai (small Thai with stacked marks: ``หน้าที่`` read as ``nun``), as a
    scanned table's cells are; the new reading is kept only when it is Thai dictionary words."""
    label = pair.label
    if not (_LATIN_WORD.search(label.text) and _THAI_LETTER.search(label.text)):
        return pair
    s = reader.dpi / 72
    box, m = label.box, WORD_MARGIN_PT
    above = MARKS_ABOVE * pair.value.box.height  # the value's digits: the height of one line
    h, w = reader.page.gray.shape
    x0, y0 = max(int((box.x0 - dx - m) * s), 0), max(int((box.top - dy - above) * s), 0)
    x1, y1 = min(int((box.x1 - dx + m) * s), w), min(int((box.bottom - dy + m) * s), h)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return pair
    lines = reader._cell_lines(_pad(reader.page.ink_image[y0:y1, x0:x1]), x0 - PAD, y0 - PAD, thai_only=True)
    lines = [ln for ln in lines if _THAI_LETTER.search(ln.text)]
    text, _notes = clean_ocr_text(join_wrapped_lines([ln.text for ln in lines]))
    if not _THAI_WORD.fullmatch(text.replace(" ", "")) or not all_words(text):
        return pair
    confs = [ln.confidence for ln in lines if ln.confidence is not None]
    conf = min(confs) if confs else label.confidence
    raw = "\n".join(ln.raw for ln in lines)
    return replace(pair, label=replace(label, text=text, raw=raw, confidence=conf))


def _lone_number(reader: PageReader, line: Line) -> Line:
    """A line of one short word that is not a number (the value at the end of a bar, read as
    letters: ``เหลน`` for ``72.72``) read again by the glyph reader, as a scanned table's one-line
    cell is: its number, with a doubt recorded, when the glyphs are digits; else the line as read."""
    if len(line.words) != 1 or len(line.text) > LONE_WORD_CHARS or is_score(line.text):
        return line
    s = reader.dpi / 72
    h, w = reader.page.binary.shape
    m = 2
    box = (
        max(int(line.box.x0 * s) - m, 0),
        max(int(line.box.top * s) - m, 0),
        min(int(line.box.x1 * s) + m, w),
        min(int(line.box.bottom * s) + m, h),
    )
    number = reader.number_cell(box, [line])
    return number if number is not None else line


def _settled(doubt: OcrDoubt, lines: Sequence[Line]) -> bool:
    """The doubt's word was read again and replaced (its box now holds another text)."""
    return any(w.box == doubt.box and w.text != doubt.text for ln in lines for w in ln.words)


def _covered(line: Line, box: BBox) -> bool:
    """The line's centre lies inside ``box`` (it was read into the picture's table)."""
    cx, cy = (line.box.x0 + line.box.x1) / 2, (line.box.top + line.box.bottom) / 2
    return box.contains_point(cx, cy, 1.0)


def read_page_regions(path: str, number: int, pictures: list[Picture], dpi: int) -> RegionResult:
    """Read every picture of one text page (in whichever process runs it).  Never raises: a
    picture that fails is a region of kind ``failed`` with the reason."""
    result = RegionResult(number)
    regions: list[OcrRegion] = []
    doubts: list[OcrDoubt] = []
    try:
        doc = pdfium.PdfDocument(path)
    except Exception as err:
        why = f"the file could not be opened again for OCR ({type(err).__name__}: {err})"
        regions = [OcrRegion(p.box, "failed", dpi, reason=why) for p in pictures]
        result.info = _page_info(regions, [], dpi)
        return result
    from threadpoolctl import threadpool_limits

    # One BLAS thread while reading: the glyph reader's template product is small, and OpenBLAS's
    # own threads, spinning beside the OCR processes on shared cores, made it three times slower.
    limits = threadpool_limits(limits=1, user_api="blas")
    try:
        for picture in pictures:
            try:
                used = measured_dpi(doc, number, picture, dpi)
            except Exception as err:  # pdfium on a damaged page: the picture fails, the page goes on
                why = f"the picture could not be rendered ({type(err).__name__}: {err})"
                regions.append(OcrRegion(picture.box, "failed", 0, reason=why))
                continue
            if not used:
                why = f"the picture is too large to render within {MAX_PIXELS // 1_000_000} megapixels"
                regions.append(OcrRegion(picture.box, "failed", 0, reason=why))
                continue
            try:
                from extractors.ocr.pages import worker_engine

                gray = render_region(doc, number, picture.box, used)
                lines, tables, region, found = read_region(worker_engine(used), gray, picture, number)
            except Exception as err:  # the engine on a damaged image: the picture fails, the page goes on
                why = f"OCR failed ({type(err).__name__}: {err})"
                regions.append(OcrRegion(picture.box, "failed", used, reason=why))
                continue
            regions.append(region)
            result.lines.extend(lines)
            result.tables.extend(tables)
            doubts.extend(found)
    finally:
        limits.restore_original_limits()
        doc.close()
    result.info = _page_info(regions, doubts, dpi)
    return result


def _page_info(regions: list[OcrRegion], doubts: list[OcrDoubt], dpi: int) -> OcrInfo:
    read = [r for r in regions if r.kind in ("table", "chart", "text")]
    status = (
        OcrStatus.READ
        if read
        else OcrStatus.FAILED
        if any(r.kind == "failed" for r in regions)
        else (OcrStatus.UNREADABLE)
    )
    confs = [r.confidence for r in read if r.confidence is not None]
    info = OcrInfo(
        status,
        max((r.dpi for r in regions), default=dpi),
        confidence=round(sum(confs) / len(confs), 3) if confs else None,
        seconds=round(sum(r.seconds for r in regions), 3),
        doubts=doubts,
        regions=regions,
    )
    if status is not OcrStatus.READ:
        info.reason = "; ".join(r.reason for r in regions if r.reason)
    return info


def ocr_regions(path: str | Path, pages: list[PageText], options: OcrOptions) -> dict[int, RegionResult]:
    """OCR the pictures of the given text pages; results by page number."""
    jobs = [(str(path), p.number, p.pictures, options.dpi) for p in pages if p.pictures]
    if not jobs or not options.enabled:
        return {}
    processes = min(options.processes, len(jobs))
    if processes <= 1:
        return {job[1]: read_page_regions(*job) for job in jobs}
    context = multiprocessing.get_context("fork")
    results: dict[int, RegionResult] = {}
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        futures = {job[1]: (job, pool.submit(read_page_regions, *job)) for job in jobs}
        for number, (job, future) in futures.items():
            try:
                results[number] = future.result()
            except Exception as err:  # a worker died (out of memory, a crash in the engine)
                why = f"OCR worker died ({err})"
                regions = [OcrRegion(p.box, "failed", options.dpi, reason=why) for p in job[2]]
                results[number] = RegionResult(number, info=_page_info(regions, [], options.dpi))
    return results


def merge_regions(page: PageText, result: RegionResult, first_index: int) -> list[Table]:
    """Put a page's region results into it: lines in reading order by their top, the OCR info; the
    tables come back numbered after the page's own (``first_index`` on)."""
    tops = [ln.box.top for ln in page.lines]
    lines = list(page.lines)
    for line in sorted(result.lines, key=lambda ln: (ln.box.top, ln.box.x0), reverse=True):
        lines.insert(bisect_right(tops, line.box.top), line)
    page.lines = lines
    page.ocr = result.info
    for i, table in enumerate(result.tables):
        table.index = first_index + i
    return result.tables


# --- coordinates -------------------------------------------------------------------------------


def _shift(box: BBox, dx: float, dy: float) -> BBox:
    return BBox(box.x0 + dx, box.top + dy, box.x1 + dx, box.bottom + dy)


def _shift_line(line: Line, dx: float, dy: float) -> Line:
    words = tuple(Word(w.text, w.raw, _shift(w.box, dx, dy), w.confidence) for w in line.words)
    return replace(line, box=_shift(line.box, dx, dy), words=words)


def _shift_table(table: Table, dx: float, dy: float) -> Table:
    table.cells = [replace(c, box=_shift(c.box, dx, dy) if c.box else None) for c in table.cells]
    table.box = _shift(table.box, dx, dy)
    return table
