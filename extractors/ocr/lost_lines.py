"""Text that Tesseract's page layout analysis never read, found in the ink it left.

A column of a borderless table can be left out of the layout whole (its letters set one under
another beside it, ``ล`` ``ำ`` ``ด`` ``บ``, made it no text block to Tesseract: ``ตัวชี้วัดที่`` /
``๑ การ`` / ``ปฏิบัติ`` / ``หน้าที่`` gone, the row's issue empty).  Read on its own, the same ink
reads well.  The page says where such text is: a band of rows dense with ink, as tall as a line
of text, holding a stretch of ink a few letters wide where the middle of no symbol read stands.
A signature's stroke or a stamp's ring adds little ink to a row; the marks above and below a line
are rows of their own, too thin or too short to be one.

Only the geometry is here (:func:`unread_stretches`): a pure function on a binary image and the
boxes of the symbols read; the page reader reads each stretch found and adds its lines.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from extractors.ocr.engine import PixelBox
from extractors.ocr.raster import Gray

#: A row is a line's when it holds this share of the ink of the page's densest rows (the median
#: of each band's densest row): a signature's or a ring's row holds a few strokes.
DENSE_SHARE = 0.25
#: A line's band is this share of the usual symbol height tall at least, and this many times it
#: at most (two lines with no white between them are no lost line to read here).
BAND_LOW, BAND_TALL = 0.45, 1.6
#: Ink of one stretch: columns with ink, gaps this many symbol heights wide at most between them.
STRETCH_GAP = 1.5
#: A stretch is lost text when it is this many symbol heights wide at least ...
MIN_STRETCH = 3.0
#: ... and no symbol read has its middle in it, nor within this share of a symbol height of its
#: band, across.
NEAR_BAND = 0.5
#: Pages with more lost stretches than this are damaged beyond what reading again mends.
MAX_STRETCHES = 12


def runs(mask: npt.NDArray[np.bool_], gap: int) -> list[tuple[int, int]]:
    """The runs of True in ``mask`` (start, end exclusive), joined across gaps of ``gap`` at most.

    >>> runs(np.array([1, 1, 0, 1, 0, 0, 1], bool), 1)
    [(0, 4), (6, 7)]
    """
    idx = np.flatnonzero(mask)
    if not idx.size:
        return []
    out: list[tuple[int, int]] = []
    start = prev = int(idx[0])
    for i in idx[1:].tolist():
        if i - prev - 1 > gap:
            out.append((start, prev + 1))
            start = i
        prev = i
    out.append((start, prev + 1))
    return out


def unread_stretches(ink: Gray, read: Sequence[PixelBox], pad: float = 0.3) -> list[PixelBox]:
    """Boxes of the stretches of text in ``ink`` (binary, ink 255) where the middle of none of the
    symbols ``read`` (their boxes, in its pixels) stands, widened by ``pad`` symbol heights: text
    that Tesseract's layout analysis left unread.  Empty when nothing was read (no height to go
    by) or more than :data:`MAX_STRETCHES` would be found.

    >>> ink = np.zeros((140, 400), np.uint8)
    >>> for x in range(20, 380, 30):   # a line read, twelve letters 20 px tall
    ...     ink[10:30, x:x + 15] = 255
    >>> for x in range(40, 250, 30):   # a line lost, seven letters
    ...     ink[60:80, x:x + 15] = 255
    >>> ink[100:120, 300:380:2] = 255  # a line read, its letters close
    >>> ink[40:120, 150] = 255         # a signature's stroke down through them
    >>> read = [(x, 10, x + 15, 30) for x in range(20, 380, 30)] + [(300, 100, 380, 120)]
    >>> unread_stretches(ink, read)
    [(34, 54, 241, 86)]
    >>> unread_stretches(ink, read + [(40, 58, 235, 84)])  # read as one symbol, to say so
    []
    """
    heights = [b[3] - b[1] for b in read if b[3] > b[1]]
    if not heights:
        return []
    h = float(statistics.median(heights))
    rows = np.count_nonzero(ink, axis=1)
    peaks = [int(rows[a:b].max()) for a, b in runs(rows > 0, 0) if b - a >= BAND_LOW * h]
    if not peaks:
        return []
    dense = rows >= DENSE_SHARE * float(statistics.median(peaks))
    middles = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in read]
    pad_px = round(pad * h)
    out: list[PixelBox] = []
    for top, bottom in runs(dense, max(1, round(0.15 * h))):
        if not BAND_LOW * h <= bottom - top <= BAND_TALL * h:
            continue
        columns = np.count_nonzero(ink[top:bottom], axis=0) > 0
        near = [x for x, y in middles if top - NEAR_BAND * h <= y <= bottom + NEAR_BAND * h]
        for x0, x1 in runs(columns, round(STRETCH_GAP * h)):
            if x1 - x0 < MIN_STRETCH * h or any(x0 <= x <= x1 for x in near):
                continue
            out.append(
                (
                    max(x0 - pad_px, 0),
                    max(top - pad_px, 0),
                    min(x1 + pad_px, ink.shape[1]),
                    min(bottom + pad_px, ink.shape[0]),
                )
            )
    return out if len(out) <= MAX_STRETCHES else []
