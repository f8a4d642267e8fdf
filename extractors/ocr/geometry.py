"""Page geometry before reading: the paper's outline on a photograph, light, orientation, skew.

A scanned page comes from a flatbed (the paper fills the image, maybe tilted a little) or from a
camera (the paper is a quadrilateral on a darker background, lit unevenly, maybe with a shadow
across it).  :func:`prepare_page` makes either into the upright, level, evenly lit page image the
table finder and Tesseract expect, and says what it did:

1. **perspective**: :func:`paper_quadrilateral` finds the paper's four corners (the largest bright
   region, simplified to four points) and :func:`flatten_perspective` maps them onto a rectangle
   (OpenCV ``getPerspectiveTransform`` / ``warpPerspective``).  A paper that fills the frame, or
   whose outline is already a level rectangle, is left alone;
2. **illumination**: when the paper's light varies across the page (:func:`light_spread`: a
   grey closing larger than a table row, on a reduced image, removes the ink and the shaded
   rows), the page is divided by that coarse background (:func:`even_illumination`), then, like
   every page, by its fine one (:func:`~extractors.ocr.raster.flatten_background`): a light
   gradient or a shadow band becomes white paper and the ink keeps its contrast;
3. **orientation**: from the text lines' shape when it is clear (more ink above a line's core
   than below it, :mod:`extractors.ocr.orientation`); otherwise (a page lying sideways, little
   text) Tesseract's OSD, on a crop of the middle of the page first (half the cost of the whole
   page; the whole page when the crop is not conclusive);
4. **skew**: the projection-profile search of :mod:`extractors.ocr.raster`.

Before 2 on a scan (a solid block would look like uneven light, and the division would leave
its edges as dark frames), after 2 on a photograph (a shadow is no block), **solid blocks**
(where a square of :data:`SOLID_PT` points fits inside the ink, and nothing on it is darker: a
chart's bars, a slide's title band, a black header row; not a shaded row with text) are lifted
(:func:`lift_solids`): each block becomes paper, with the thin ring where it met the paper (its
blurred edge), and what a block encloses is inverted: white text on a dark band becomes ink on
paper.  A label next to a bar stays (it is no solid), even when the blur made it touch the bar.
No text stroke is that thick, so text and rulings are untouched; a bar's end no longer reads as
a letter (``|``, ``[``), and its edges no longer make a grid.

The page's ``/Rotate`` is honoured before all this, by pdfium's rendering (the page as a viewer
shows it); :func:`stored_rotation` reads it for the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

import cv2
import numpy as np
import numpy.typing as npt

from extractors.ocr.raster import Cleaned, Gray, clean_page, components

#: The paper must cover at least this share of a photograph to be taken for the page.
MIN_PAPER_SHARE = 0.25
#: The paper is looked for above these shares of Otsu's threshold (lower: through a shadow).
PAPER_THRESHOLDS = (1.0, 0.8, 0.6, 0.45)
#: The bright region must fill this share of its quadrilateral (not a blob that merely has four corners).
MIN_QUAD_FILL = 0.9
#: ... and be at least this much brighter (grey levels) than what lies around it.
MIN_PAPER_CONTRAST = 30.0
#: Corners closer than this share of the image's size to the image's own corners, or to the
#: paper's bounding rectangle, need no perspective correction.
CORNER_TOLERANCE = 0.005
#: A flattened page loses this share of its size on each side (the paper's very edge).
EDGE_TRIM = 0.01
#: The outline is searched on an image this many pixels on its longer side.
OUTLINE_SIDE = 800
#: The background estimate is made on an image reduced this many times.
LIGHT_REDUCTION = 8
#: The closing kernel, as a share of the page's shorter side: larger than a table row is tall.
LIGHT_KERNEL_SHARE = 0.1
#: A background whose 2nd and 98th percentiles differ by more than this many grey levels was
#: uneven: the division changed what binarisation sees.
UNEVEN_LIGHT = 30.0
#: The middle crop OSD looks at first: rows and columns as shares of the page.
OSD_ROWS = (0.3, 0.6)
OSD_COLS = (0.2, 0.8)
#: ... when it holds at least this share of the page's ink (text, rules left out): on a page whose
#: few lines sit at the top, the middle is bare paper, and OSD reads its speckle with confidence.
MIN_OSD_INK_SHARE = 0.1
#: A square this many points wide that fits inside the ink is a solid block, not text (a stroke of
#: 16 pt bold Thai is about 1.5 pt; a ruling 1-2 pt).
SOLID_PT = 4.0
#: ... and it is at least this many points long (longer than any letter of body or title text).
SOLID_LENGTH_PT = 36.0
#: A block whose convex hull fills this share of its smallest rotated rectangle is a band: its
#: hull is its outline (the bays its white letters cut in the solid part are inside it).
BAND_RECT_SHARE = 0.9
#: ... or this share when it is this many times longer than high: where a band's white letters
#: reach both its edges the solid part breaks into pieces, each ending ragged in the text (a disc,
#: whose hull fills π/4 of its square, is never one).
LONG_BAND_RECT_SHARE = 0.8
BAND_ASPECT = 4.0
#: ... unless more than this share of the paper the hull takes in runs out to its edge.
MAX_OPEN_SHARE = 0.5
#: A light shape with this share of its pixels within this many pixels of a block's outline is a
#: sliver of paper along it, not a letter.
SLIVER_SHARE = 0.8
SLIVER_PX = 3
#: Pieces of one band share this much of the lower one's height (and overlap, or nearly touch).
BAND_SHARED_HEIGHT = 0.5
#: The ring around a lifted block made paper, in pixels (the block's blurred edge).
SOLID_RING_PX = 2
#: White inside a block is text when it is no higher than this many solid squares ...
TEXT_HOLE_SIDE = 6
#: ... and at least this many pixels (a speck in a bar's grain is none).  A white shape longer
#: than that is text too when it covers at most this share of its box: letters that the blur joined
#: (a word's strokes fill a third of its box or less), not a strip of paper between two bars.
MIN_HOLE_PX = 6
MAX_TEXT_FILL = 0.6
#: A block with more than this share of its pixels darker than its own tone by this many grey
#: levels carries dark text (a shaded table row): it is left to the binarisation.
MAX_DARKER_SHARE = 0.01
DARKER_TEXT = 50

Quad = npt.NDArray[np.float32]  #: four corners (x, y): top-left, top-right, bottom-right, bottom-left


class Orienter(Protocol):
    def orientation_confidence(self, gray: Gray) -> tuple[int, bool]: ...


@dataclass(frozen=True)
class Prepared:
    """A page made ready for reading, and what was done to it."""

    page: Cleaned
    perspective: bool  #: the paper's outline was mapped onto a rectangle
    illumination: bool  #: the lighting was uneven and was evened out
    solids: int = 0  #: solid blocks lifted (bars, dark bands), see :func:`lift_solids`


def order_corners(points: npt.NDArray[Any]) -> Quad:
    """Four points as top-left, top-right, bottom-right, bottom-left.

    >>> order_corners(np.array([[10, 90], [90, 85], [5, 5], [95, 10]])).astype(int).tolist()
    [[5, 5], [95, 10], [90, 85], [10, 90]]
    """
    pts = np.asarray(points, np.float32).reshape(4, 2)
    sums, diffs = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    return np.array(
        [pts[np.argmin(sums)], pts[np.argmin(diffs)], pts[np.argmax(sums)], pts[np.argmax(diffs)]],
        np.float32,
    )


def paper_quadrilateral(gray: Gray) -> Quad | None:
    """The corners of the paper in a photograph (full-image pixels), or ``None`` when the paper
    fills the frame, is a level rectangle already, or cannot be told from its background.

    >>> photo = np.full((400, 300), 60, np.uint8)
    >>> corners = np.array([[40, 30], [260, 50], [250, 370], [30, 350]], np.int32)
    >>> _ = cv2.fillConvexPoly(photo, corners, 220)
    >>> quad = paper_quadrilateral(photo)
    >>> bool(np.abs(quad - corners).max() <= 4)
    True
    >>> paper_quadrilateral(np.full((400, 300), 220, np.uint8)) is None
    True
    """
    h, w = gray.shape
    scale = min(1.0, OUTLINE_SIDE / max(h, w))
    small = gray
    if scale < 1.0:
        size = (round(w * scale), round(h * scale))
        small = np.asarray(cv2.resize(gray, size, interpolation=cv2.INTER_AREA), np.uint8)
    small = np.asarray(cv2.GaussianBlur(small, (5, 5), 0), np.uint8)
    otsu, _mask = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    # A shadow across the paper can be darker than Otsu's threshold: lower thresholds join the
    # shadowed part to the rest; the largest outline that is a clean quadrilateral wins.
    # ... but not down to the desk: the edge of the photograph is mostly desk when there is one.
    edge = max(2, round(0.02 * min(small.shape)))
    strips = (small[:edge], small[-edge:], small[:, :edge], small[:, -edge:])
    border = np.concatenate([strip.ravel() for strip in strips])
    floor = float(np.median(border)) + MIN_PAPER_CONTRAST / 2
    found: list[tuple[float, Quad]] = []
    for share in PAPER_THRESHOLDS:
        if otsu * share <= floor:
            continue
        quad = _outline(small, otsu * share)
        if quad is not None:
            found.append((float(cv2.contourArea(quad)), quad))
    if not found:
        return None
    quad = max(found, key=lambda f: f[0])[1]
    sh, sw = small.shape
    tolerance = CORNER_TOLERANCE * max(sh, sw)
    frame = np.array([[0, 0], [sw - 1, 0], [sw - 1, sh - 1], [0, sh - 1]], np.float32)
    x0, y0 = quad.min(axis=0)
    x1, y1 = quad.max(axis=0)
    box = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32)
    if np.abs(quad - frame).max() <= tolerance or np.abs(quad - box).max() <= tolerance:
        return None
    return np.asarray(quad / scale, np.float32)


def _outline(small: Gray, threshold: float) -> Quad | None:
    """The largest region brighter than ``threshold``, as four corners, if it is large, fills
    its quadrilateral and is clearly brighter than what lies outside it."""
    mask = np.where(small > threshold, 255, 0).astype(np.uint8)
    side = max(3, round(min(small.shape) * 0.02)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (side, side))
    mask = np.asarray(cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel), np.uint8)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    paper = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(paper)
    if area < MIN_PAPER_SHARE * small.size:
        return None
    hull = cv2.convexHull(paper)
    perimeter = cv2.arcLength(hull, True)
    quad = None
    for share in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, share * perimeter, True)
        if len(approx) == 4:
            quad = order_corners(approx)
            break
    if quad is None or area < MIN_QUAD_FILL * cv2.contourArea(quad):
        return None
    inside = np.zeros_like(mask)
    cv2.fillConvexPoly(inside, quad.astype(np.int32), 255)
    outside = inside == 0
    if not outside.any():
        return None
    if float(small[inside > 0].mean()) - float(small[outside].mean()) < MIN_PAPER_CONTRAST:
        return None
    return quad


def flatten_perspective(gray: Gray, quad: Quad) -> Gray:
    """The quadrilateral ``quad`` of ``gray`` mapped onto an upright rectangle as wide as its
    longer horizontal side and as tall as its longer vertical side (the resolution is kept).

    >>> page = np.full((100, 100), 255, np.uint8)
    >>> flatten_perspective(page, np.array([[10, 10], [89, 12], [90, 90], [8, 88]], np.float32)).shape
    (76, 80)
    """
    tl, tr, br, bl = quad
    width = round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(np.asarray(quad, np.float32), target)
    flat = cv2.warpPerspective(
        gray, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
    # The outline's last pixels are desk as often as paper: a dark frame would look like a ruling.
    trim_y, trim_x = max(1, round(height * EDGE_TRIM)), max(1, round(width * EDGE_TRIM))
    return np.ascontiguousarray(np.asarray(flat, np.uint8)[trim_y:-trim_y, trim_x:-trim_x])


def background(gray: Gray) -> npt.NDArray[np.float32]:
    """The paper's brightness at every pixel: a grey closing (dilation then erosion) with a kernel
    larger than text, on a reduced image, smoothed and brought back to full size."""
    h, w = gray.shape
    size = (max(w // LIGHT_REDUCTION, 1), max(h // LIGHT_REDUCTION, 1))
    small = cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
    side = max(3, round(min(small.shape) * LIGHT_KERNEL_SHARE)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (side, side))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    closed = cv2.GaussianBlur(closed, (side, side), 0)
    return np.asarray(cv2.resize(closed, (w, h), interpolation=cv2.INTER_LINEAR), np.float32)


def light_spread(gray: Gray) -> float:
    """How far apart the paper's dark and bright parts are (grey levels, 2nd to 98th percentile
    of :func:`background`).

    >>> even = np.full((200, 200), 220, np.uint8)
    >>> ramp = np.tile(np.linspace(90, 230, 200).astype(np.uint8), (200, 1))
    >>> light_spread(even) < 5, light_spread(ramp) > 100
    (True, True)
    """
    return _spread(background(gray))


def _spread(back: npt.NDArray[np.float32]) -> float:
    """:func:`light_spread` of a page's :func:`background`."""
    low, high = np.percentile(back[::LIGHT_REDUCTION, ::LIGHT_REDUCTION], (2, 98))
    return float(high - low)


def even_illumination(gray: Gray) -> tuple[Gray, bool]:
    """The page divided by its coarse background when the light varies across it by more than
    :data:`UNEVEN_LIGHT` grey levels (a lamp's gradient, a shadow), and whether it did.  The
    background's kernel is larger than a table row, so a shaded row is not taken for uneven
    light; :func:`~extractors.ocr.raster.flatten_background` then evens out what is finer.

    >>> page = np.tile(np.linspace(90, 230, 300).astype(np.uint8), (300, 1)); page[140:150, 20:280] = 30
    >>> flat, changed = even_illumination(page)
    >>> changed, int(flat[20, 30]) > 240, int(flat[20, 270]) > 240, int(flat[145, 30]) < 120
    (True, True, True, True)
    >>> even_illumination(np.full((300, 300), 220, np.uint8))[1]
    False
    """
    back = background(gray)  # once: what the spread is measured on is what the page is divided by
    if _spread(back) <= UNEVEN_LIGHT:
        return gray, False
    flat = cv2.divide(gray.astype(np.float32), np.maximum(back, 1.0), scale=255.0)
    return np.asarray(np.clip(flat, 0, 255), np.uint8), True


def orientation(engine: Orienter, gray: Gray) -> int:
    """Clockwise quarter turns that make the page upright: from the shape of its text lines when
    they are clear (:func:`~extractors.ocr.orientation.text_direction`, a tenth of OSD's cost),
    else OSD on the middle of the page when it holds text (:data:`MIN_OSD_INK_SHARE`), then on the
    whole page when the middle is not conclusive."""
    from extractors.ocr.image_grid import ruling_mask
    from extractors.ocr.orientation import text_direction
    from extractors.ocr.raster import binarise

    binary = binarise(gray)
    horizontal, vertical = ruling_mask(binary)
    rulings = np.asarray(horizontal | vertical, np.uint8)
    found = text_direction(binary, rulings)
    if found is not None:
        return found
    h, w = gray.shape
    rows = slice(int(h * OSD_ROWS[0]), int(h * OSD_ROWS[1]))
    cols = slice(int(w * OSD_COLS[0]), int(w * OSD_COLS[1]))
    ink = (binary > 0) & (rulings == 0)
    page_ink = int(np.count_nonzero(ink))
    if int(np.count_nonzero(ink[rows, cols])) >= MIN_OSD_INK_SHARE * max(page_ink, 1):
        quarters, sure = engine.orientation_confidence(np.ascontiguousarray(gray[rows, cols]))
        if sure:
            return quarters
    quarters, sure = engine.orientation_confidence(gray)
    return quarters if sure else 0


#: A ruling given back along a lifted block's edge is this many pixels thick.
RULING_PX = 2
#: Vertical rulings are looked for this many pixels past a lifted block's edge.
EDGE_PROBE_PX = 6


class EdgeRuling(NamedTuple):
    """A ruling that ran along a lifted block's edge: from column ``x0`` to ``x1`` (exclusive),
    on row ``rows[i]`` at column ``x0 + i`` (a skewed band's edge is not one row)."""

    x0: int
    x1: int
    rows: npt.NDArray[np.int64]


def edge_rulings(ink: Gray, block: npt.NDArray[np.bool_]) -> list[EdgeRuling]:
    """The horizontal rulings a lifted ``block`` (its mask, ring included) took with it: where
    two or more vertical rulings of ``ink`` end on its top or bottom edge, a table's ruling ran
    along that edge (a slide's title band drawn right on a table's top, a black header row), from
    the first ruling ending there to the last, following the edge column by column.

    >>> ink = np.zeros((200, 300), np.uint8)
    >>> for x in (20, 150, 280): ink[60:200, x:x + 2] = 255     # a table's columns under a band
    >>> block = np.zeros((200, 300), bool); block[20:60, 10:290] = True
    >>> [(e.x0, e.x1, int(e.rows[0]), int(e.rows[-1])) for e in edge_rulings(ink, block)]
    [(20, 282, 59, 59)]
    >>> tilted = np.zeros((200, 300), bool)                    # the same band, skewed
    >>> for x in range(10, 290): tilted[20 + x // 20 : 60 + x // 20, x] = True
    >>> ink2 = np.zeros((200, 300), np.uint8)
    >>> for x in (20, 150, 280): ink2[61 + x // 20 : 200, x:x + 2] = 255
    >>> [(e.x0, e.x1, int(e.rows[0]), int(e.rows[-1])) for e in edge_rulings(ink2, tilted)]
    [(20, 282, 60, 73)]
    >>> for x in (20, 150, 280): ink[0:20, x:x + 2] = 255      # ... a grid passing behind it
    >>> edge_rulings(ink, block)
    []
    """
    from extractors.ocr.image_grid import ruling_mask

    _horizontal, vertical = ruling_mask(ink)
    n, labels, stats = components(np.asarray(block, np.uint8))
    h = ink.shape[0]
    found: list[EdgeRuling] = []
    offsets = np.arange(1, EDGE_PROBE_PX + 1)[:, None]
    for label in range(1, n):
        x, y, w, bh, _area = (int(v) for v in stats[label])
        mask = labels[y : y + bh, x : x + w] == label
        cols = np.flatnonzero(mask.any(axis=0))
        if cols.size == 0:
            continue
        top = y + np.argmax(mask[:, cols], axis=0)
        bottom = y + bh - 1 - np.argmax(mask[::-1, cols], axis=0)
        # rows just past each column's own edge (a skewed band's edge moves from column to column)
        below_rows, above_rows = bottom + offsets, top - offsets
        below = np.where(below_rows < h, vertical[np.clip(below_rows, 0, h - 1), x + cols] > 0, False).any(0)
        above = np.where(above_rows >= 0, vertical[np.clip(above_rows, 0, h - 1), x + cols] > 0, False).any(0)
        # a ruling that goes on past the other edge passes behind the block (a chart's grid
        # line behind a bar): it ends on neither edge
        near = cv2.dilate(np.asarray(np.stack([below, above]), np.uint8), np.ones((1, 5), np.uint8)) > 0
        for edge, ends, other in ((bottom, below, near[1]), (top, above, near[0])):
            at = np.flatnonzero(ends & ~other)
            if at.size == 0:
                continue
            runs = np.split(at, np.flatnonzero(np.diff(at) > 1) + 1)  # one run per ruling
            if len(runs) >= 2:
                first, last = int(runs[0][0]), int(runs[-1][-1])
                span = np.arange(x + int(cols[first]), x + int(cols[last]) + 1)
                rows = np.rint(np.interp(span, x + cols, edge)).astype(np.int64)
                found.append(EdgeRuling(int(span[0]), int(span[-1]) + 1, rows))
    return found


def _band_outline(contour: Any) -> Any:
    """A block's outline: its convex hull when that is a rectangle (a band, a bar, a header row),
    else its own contour.  White text on a band whose letters come within a square of its edge
    cuts bays into the solid part; the band itself is still the rectangle around them.

    >>> bay = np.array([[0, 0], [100, 0], [100, 30], [60, 30], [60, 20], [40, 20], [40, 30], [0, 30]])
    >>> len(_band_outline(bay.reshape(-1, 1, 2).astype(np.int32)))
    4
    >>> ring = cv2.ellipse2Poly((50, 50), (50, 50), 0, 0, 360, 10).reshape(-1, 1, 2)
    >>> len(_band_outline(ring.astype(np.int32))) == len(ring)
    True
    """
    hull = cv2.convexHull(contour)
    (_cx, _cy), (rw, rh), _angle = cv2.minAreaRect(contour)
    share = cv2.contourArea(hull) / max(rw * rh, 1.0)
    long_band = max(rw, rh) >= BAND_ASPECT * min(rw, rh)  # a piece of a band ends ragged in its text
    if share >= BAND_RECT_SHARE or (long_band and share >= LONG_BAND_RECT_SHARE):
        return np.asarray(hull, np.int32)
    return contour


def _side_by_side(contours: Sequence[Any], k: int) -> list[list[Any]]:
    """The block contours grouped into what may be one band: pieces that share most of their
    height and overlap, or nearly touch, along it (a band whose white letters reach both its
    edges breaks into such pieces).  Each group's pieces in their original order.

    >>> box = lambda x0, y0, x1, y1: np.array([[[x0, y0]], [[x1, y0]], [[x1, y1]], [[x0, y1]]], np.int32)
    >>> groups = _side_by_side([box(0, 0, 100, 40), box(90, 5, 200, 42), box(0, 100, 50, 140)], 10)
    >>> [len(g) for g in groups]
    [2, 1]
    """
    rects = [cv2.boundingRect(c) for c in contours]
    parent = list(range(len(contours)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (xi, yi, wi, hi) in enumerate(rects):
        for j in range(i):
            xj, yj, wj, hj = rects[j]
            shared = min(yi + hi, yj + hj) - max(yi, yj)
            gap = max(xi, xj) - min(xi + wi, xj + wj)
            if shared >= BAND_SHARED_HEIGHT * min(hi, hj) and gap <= k:
                parent[root(i)] = root(j)
    groups: dict[int, list[Any]] = {}
    for i, contour in enumerate(contours):
        groups.setdefault(root(i), []).append(contour)
    return list(groups.values())


def _block_region(contour: Any, ink: Gray, origin: tuple[int, int], pieces: Sequence[Any] = ()) -> Gray:
    """The mask (255 inside) of a block over its bounding box, whose ``ink`` is given: its band
    outline (:func:`_band_outline`) when the paper that outline takes in beyond the contour is
    enclosed by the block's ink (white letters in the bays), else its contour: the staircase of a
    bar chart's bars has a rectangular hull too, but the paper it takes in (and the value labels
    on it) is open to the page around.

    >>> ink = np.zeros((40, 120), np.uint8); ink[5:35, 5:115] = 255; ink[18:34, 40:60] = 0
    >>> ink[34, 40:60] = 255                                       # a letter's bay, closed below
    >>> bay = np.array([[5, 5], [114, 5], [114, 34], [60, 34], [60, 18], [40, 18], [40, 34], [5, 34]])
    >>> int(_block_region(bay.reshape(-1, 1, 2).astype(np.int32), ink, (0, 0))[25, 50])
    255
    >>> ink[34, 40:60] = 0                                         # open: paper, not a letter
    >>> int(_block_region(bay.reshape(-1, 1, 2).astype(np.int32), ink, (0, 0))[25, 50])
    0
    """
    h, w = ink.shape
    offset = (-origin[0], -origin[1])
    own = np.zeros((h, w), np.uint8)
    cv2.drawContours(own, list(pieces) or [contour], -1, 255, thickness=cv2.FILLED, offset=offset)
    outline = _band_outline(contour)
    if outline is contour:
        return own
    region = np.zeros((h, w), np.uint8)
    cv2.drawContours(region, [outline], -1, 255, thickness=cv2.FILLED, offset=offset)
    taken = (region > 0) & (own == 0) & (ink == 0)
    if not taken.any():
        return region
    light = np.asarray((region > 0) & (ink == 0), np.uint8)
    _n, labels = cv2.connectedComponents(light, connectivity=8)
    border = (region > 0) & ~(cv2.erode(region, np.ones((3, 3), np.uint8), borderValue=0) > 0)
    open_labels = np.unique(labels[border & (light > 0)])
    open_labels = open_labels[open_labels > 0]
    if np.count_nonzero(taken & np.isin(labels, open_labels)) > MAX_OPEN_SHARE * np.count_nonzero(taken):
        return own
    return region


def lift_solids(gray: Gray, dpi: int, lit: Gray | None = None) -> tuple[Gray, int]:
    """``gray`` (evenly lit) with its solid blocks lifted (see the module docstring),
    and how many there were.

    ``lit`` is the same page before its light was evened (a photograph's): dividing by the
    background fades a band taller than the background's kernel, most where no letter is near
    and towards its ends, so its white letters are told from it there, each block by its own
    threshold (Otsu's over the block), not on ``gray``.

    >>> page = np.full((140, 300), 255, np.uint8)
    >>> page[20:80, 20:200] = 30; page[45:55, 100:110] = 250      # a dark band, a white letter in it
    >>> page[40:60, 204:214] = 20                                  # a label just after the bar
    >>> page[100:120, 20:22] = 0                                   # a thin stroke
    >>> out, n = lift_solids(page, 72 * 4)                         # 4 pt is 16 px here
    >>> n, int(out[25, 50]), int(out[50, 105]), int(out[50, 210]), int(out[110, 20])
    (1, 255, 5, 20, 0)
    """
    from extractors.ocr.raster import binarise

    k = max(round(SOLID_PT * dpi / 72), 3)
    ink = binarise(gray)
    solid = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    if not solid.any():
        return gray, 0
    contours, _ = cv2.findContours(np.asarray(solid, np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(solid)
    whiter = np.zeros(solid.shape, bool)  # with ``lit``: the blocks' white, by each one's threshold
    kept = 0
    # a bold letter's blurred loop is no block
    blocks = [c for c in contours if max(cv2.boundingRect(c)[2:]) >= SOLID_LENGTH_PT * dpi / 72]
    for group in _side_by_side(blocks, k):
        contour = group[0] if len(group) == 1 else np.vstack(group)
        x, y, w, h = cv2.boundingRect(contour)
        region = _block_region(contour, ink[y : y + h, x : x + w], (x, y), group)
        inside = region > 0
        crop = gray[y : y + h, x : x + w]
        tone = float(np.median(crop[inside & (solid[y : y + h, x : x + w] > 0)]))
        # Dark strokes on the block: a shaded row or band with text on it, which the page's
        # binarisation already reads through (its text must stay): not lifted.
        if np.count_nonzero(crop[inside] < tone - DARKER_TEXT) > MAX_DARKER_SHARE * np.count_nonzero(inside):
            continue
        filled[y : y + h, x : x + w] = np.maximum(filled[y : y + h, x : x + w], region)
        if lit is not None:
            own = lit[y : y + h, x : x + w]
            otsu = cv2.THRESH_BINARY | cv2.THRESH_OTSU
            threshold, _ = cv2.threshold(own[inside].reshape(-1, 1), 0, 255, otsu)
            whiter[y : y + h, x : x + w] |= inside & (own > threshold)
        kept += 1
    if not kept:
        return gray, 0
    ring_kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * SOLID_RING_PX + 1, 2 * SOLID_RING_PX + 1))
    block = cv2.dilate(filled, ring_kernel) > 0
    edges = edge_rulings(ink, block)
    out = gray.copy()
    out[block] = 255
    ink_tone = int(np.percentile(gray[ink > 0], 5))
    for edge in edges:  # a table's ruling that ran along the block's edge
        for dy in range(RULING_PX):
            out[
                np.clip(edge.rows - RULING_PX // 2 + dy, 0, out.shape[0] - 1), np.arange(edge.x0, edge.x1)
            ] = ink_tone
    # Light shapes that a block encloses, each no larger than a word, are white text on it:
    # inverted.  A white gap between two bars is longer and stays paper.
    # Light lying along a block's outline is paper its hull took in (a skewed band's edge), not
    # a letter; a mark that comes near the edge has only its tip there.
    light = np.asarray((filled > 0) & (whiter if lit is not None else ink == 0), np.uint8)
    n, labels, stats = components(light)
    rim = (filled > 0) & ~(cv2.erode(filled, np.ones((2 * SLIVER_PX + 1,) * 2, np.uint8)) > 0)
    on_rim = np.bincount(labels[rim & (light > 0)], minlength=n)
    # Light as wide as a solid block is no letter's stroke either: a stretch of the band that
    # a shadow or a lamp left lighter (paper, not text; inverted, it was a blot over the letters).
    patches = np.bincount(labels[cv2.erode(light, np.ones((k, k), np.uint8)) > 0], minlength=n)
    for label in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[label])
        if h > TEXT_HOLE_SIDE * k or area < MIN_HOLE_PX or on_rim[label] >= SLIVER_SHARE * area:
            continue
        if patches[label]:
            continue
        # Longer than a word: letters the blur joined into one white run (a title on a slide's
        # band), unless it fills its box like a strip of paper between two bars.
        if w > TEXT_HOLE_SIDE * k and area > MAX_TEXT_FILL * w * h:
            continue
        here = labels[y : y + h, x : x + w] == label
        window = out[y : y + h, x : x + w]
        window[here] = 255 - (gray if lit is None else lit)[y : y + h, x : x + w][here]
    return out, kept


def prepare_page(engine: Orienter, gray: Gray) -> Prepared:
    """Perspective, illumination, solid blocks, orientation and skew, in that order (see the
    module docstring)."""
    from extractors.ocr.raster import flatten_background

    dpi = int(getattr(engine, "dpi", 200))
    quad = paper_quadrilateral(gray)
    solids = 0
    if quad is not None:
        gray = flatten_perspective(gray, quad)
    else:  # a scan's paper is evenly lit: its blocks are lifted before the light is measured
        gray, solids = lift_solids(gray, dpi)
    lit = gray
    gray, uneven = even_illumination(gray)
    flat = flatten_background(gray)
    if quad is not None:  # a photograph's only once the light is even (a shadow is no block)
        flat, solids = lift_solids(flat, dpi, lit=lit)
    quarters = orientation(engine, flat)
    page = clean_page(flat, rotation=90 * quarters, flattened=True)
    return Prepared(page, quad is not None, uneven, solids)


def stored_rotation(page: Any) -> int:
    """The ``/Rotate`` of a pdfium page, in degrees clockwise (0, 90, 180, 270)."""
    try:
        return int(page.get_rotation()) % 360
    except Exception:  # a page object without the call: nothing stored
        return 0
