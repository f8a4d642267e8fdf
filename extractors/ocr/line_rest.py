"""Words on a line's band that Tesseract's page layout left unread.

Tesseract's layout analysis can leave part of a line unread: the right-hand cells of a
borderless table's header (``ผู้รับผิด`` ``ช่วง`` ``ตัวชี้วัด/`` beside ``ประเด็นที่ … ผลการ``, read
at once) were in none of its blocks, so the header had three columns too few and the table under
it was never found.  Read on its own, the same ink reads well.  The page says where such words
are: ink on the band of a line that was read, beside its symbols, that no symbol read covers and
that stands within the band as letters do (a signature or a stamp's ring is taller, or crosses
the band).

Only the geometry is here (:func:`unread_rests`): a pure function on a binary image and the boxes
of the lines and symbols read; the page reader reads each stretch found and adds its lines.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from extractors.ocr.engine import PixelBox
from extractors.ocr.raster import Gray, components

#: Ink of one stretch: columns with ink, gaps this many band heights wide at most between them.
STRETCH_GAP = 1.5
#: A stretch is unread text when it is this many band heights wide at least (two letters) ...
MIN_WIDTH = 0.8
#: ... its ink is parts whose middles stand on the band (marks above and below a Thai line
#: reach past it), this share of the band's height tall at least and this many times it at most
#: (a signature's stroke, a stamp's ring are taller), ...
MIN_INK_HEIGHT = 0.4
MAX_PART_HEIGHT = 1.6
SLACK = 0.35
#: ... and it is this many band heights from every symbol read on the band at least.
CLEAR = 0.5
#: Lines lower than this share of the page's usual line height are no band of letters.
MIN_LINE_HEIGHT = 0.5
#: Pages with more such stretches than this are damaged beyond what reading again mends.
MAX_RESTS = 8


def _runs(mask: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """The runs of True in ``mask`` (start, end exclusive), joined across gaps of ``gap`` at most.

    >>> _runs(np.array([1, 1, 0, 1, 0, 0, 1], bool), 1)
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


def _letters(ink: Gray, a: int, b: int, top: int, bottom: int) -> bool:
    """Whether the ink between columns ``a`` and ``b`` whose parts (connected components) have
    their middle on the band ``top``..``bottom`` is letters: one part at least as tall as
    :data:`MIN_INK_HEIGHT` of the band, none taller than :data:`MAX_PART_HEIGHT` bands.

    >>> ink = np.zeros((60, 40), np.uint8); ink[20:38, 5:12] = 255; ink[22:38, 20:30] = 255
    >>> _letters(ink, 0, 40, 20, 40)
    True
    >>> ink[0:60, 35] = 255   # a stroke down through the band
    >>> _letters(ink, 0, 40, 20, 40)
    False
    """
    from cv2 import CC_STAT_HEIGHT, CC_STAT_TOP

    h = bottom - top
    lo, hi = max(top - h, 0), min(bottom + h, ink.shape[0])
    count, _labels, stats = components(np.ascontiguousarray(ink[lo:hi, a:b]))
    tallest = 0
    for k in range(1, count):
        y, height = int(stats[k, CC_STAT_TOP]) + lo, int(stats[k, CC_STAT_HEIGHT])
        if not top <= y + height / 2 <= bottom:
            continue  # a part of the line above or below
        if height > MAX_PART_HEIGHT * h:
            return False
        tallest = max(tallest, height)
    return tallest >= MIN_INK_HEIGHT * h


def _overlap(a: PixelBox, b: PixelBox) -> bool:
    """Whether the boxes share half the smaller one's area or more.

    >>> _overlap((0, 0, 10, 10), (5, 0, 15, 10)), _overlap((0, 0, 10, 10), (8, 0, 18, 10))
    (True, False)
    """
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w > 0 and h > 0 and w * h >= 0.5 * smaller


def unread_rests(
    ink: Gray, lines: Sequence[PixelBox], symbols: Sequence[PixelBox], pad: float = 0.3
) -> list[PixelBox]:
    """Boxes (widened by ``pad`` band heights) of the stretches of ink on the bands of the
    ``lines`` read that no symbol read (``symbols``, boxes in ``ink``'s pixels) comes near, whose
    ink stands within the band as a line's letters do: words Tesseract's layout left out of a
    line it read.  ``ink`` is binary (ink 255).  Empty when more than :data:`MAX_RESTS` are found.

    >>> ink = np.zeros((100, 400), np.uint8)
    >>> for x in range(20, 140, 30):   # a line read, four letters 20 px tall ...
    ...     ink[10:30, x:x + 15] = 255
    >>> for x in range(260, 330, 30):  # ... and three letters beside it, unread
    ...     ink[12:30, x:x + 15] = 255
    >>> ink[40:95, 200] = 255          # a stroke below the band
    >>> read = [(x, 10, x + 15, 30) for x in range(20, 140, 30)]
    >>> unread_rests(ink, [(20, 10, 125, 30)], read)
    [(254, 4, 341, 36)]
    >>> unread_rests(ink, [(20, 10, 125, 30)], read + [(260, 12, 335, 30)])
    []
    """
    out: list[PixelBox] = []
    width = ink.shape[1]
    heights = sorted(b[3] - b[1] for b in lines)
    usual = heights[len(heights) // 2] if heights else 0
    for _x0, top, _x1, bottom in lines:
        h = bottom - top
        if h <= 0 or h < MIN_LINE_HEIGHT * usual:
            continue  # a speck's line, a dash's: no band of letters
        near = [s for s in symbols if top - SLACK * h <= (s[1] + s[3]) / 2 <= bottom + SLACK * h]
        band = ink[top:bottom]
        columns = np.count_nonzero(band, axis=0) > 0
        clear = round(CLEAR * h)
        for s in near:  # the symbols read, and the white just round them, are no rest of the line
            columns[max(s[0] - clear, 0) : s[2] + clear] = False
        stretches = [
            (a, b)
            for a, b in _runs(columns, round(STRETCH_GAP * h))
            if b - a >= MIN_WIDTH * h and _letters(ink, a, b, top, bottom)
        ]
        # stretches with no symbol read between them are read together, in one call
        joined: list[tuple[int, int]] = []
        for a, b in stretches:
            if joined and not any(joined[-1][1] <= (s[0] + s[2]) / 2 <= a for s in near):
                joined[-1] = (joined[-1][0], b)
            else:
                joined.append((a, b))
        p = round(pad * h)
        for a, b in joined:
            box = (max(a - p, 0), max(top - p, 0), min(b + p, width), min(bottom + p, ink.shape[0]))
            same = next((k for k, o in enumerate(out) if _overlap(o, box)), None)
            if same is None:
                out.append(box)
            else:  # the same words beside another line Tesseract cut the band into
                o = out[same]
                out[same] = (min(o[0], box[0]), min(o[1], box[1]), max(o[2], box[2]), max(o[3], box[3]))
    return out if len(out) <= MAX_RESTS else []
