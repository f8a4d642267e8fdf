"""Round office stamps on a scanned page, and their ink taken off it.

A round stamp pressed over a table (as an office stamps the last rows of a signed report) puts
rings of ink across rulings and number cells: the grid finder takes the ring's nearly straight
stretches for rulings (a cell cut in two, a cell of paper under the table), and the digits it
crosses read wrong.  Its ink is lighter than print (a stamp pad's ink, or a colour that a grey scan
renders lighter), and its rings are circles.  So:

1. :func:`find_stamps`: circles of a stamp's size (:data:`RADIUS_SHARE` of the page's longer side)
   by the Hough transform on a reduced binary image, kept only where ink covers most of the circle
   (:data:`RING_COVERAGE`, the centre and radius refined to the ring's ink): a circle that dense
   text happens to suggest is not inked all round;
2. its rings are the radii around that centre where ink covers :data:`RING_COVERAGE` of the
   circle or more (outer ring, inner ring, emblem);
3. :func:`lift_stamps`: on those rings, ink as light as the stamp's (not darker than its median grey
   by :data:`PRINT_MARGIN` levels) becomes paper, in the binary image and the grey one alike; print
   that crosses a ring is darker and stays, and a ruling cut where a ring crossed it is joined again
   (a ruling that goes on past the rings crosses the stamp: its ink is print, however light).

Pure image functions on ``numpy`` arrays: no OCR engine.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

Gray = npt.NDArray[np.uint8]

#: A stamp's outer radius is this share of the page image's longer side (a 3–5 cm stamp on A4 or
#: a slide, at any resolution).
RADIUS_SHARE = (0.025, 0.12)
#: A ring is a circle at least this share of whose points lie on ink.
RING_COVERAGE = 0.6
#: A ring spreads over the radii next to it inked at least this share of the circle.
EDGE_COVERAGE = 0.25
#: Hough runs on the binary image reduced this many times (a ring stays a ring; it is fast).
REDUCE = 4
#: A circle's centre needs this many votes (edge pixels of the reduced image pointing at it) to
#: be a candidate.  Only the :data:`MAX_CANDIDATES` best are weighed, and with 30 votes dense
#: text suggested 50-200 circles a page: Hough spent most of a page's preparation weighing their
#: radii (0.07 s of CPU a page), and the twins' real stamp was crowded out of the best 8 on 5 of
#: 64 dev twin pages.  The smallest stamp inks 60% of its circle (:data:`RING_COVERAGE`), 40-50
#: edge pixels on each side of its ring at 150-200 dpi: with 45, no stamp found with 30 was lost
#: on those pages (nor on the scanned samples), those 5 were found, Hough cost a tenth.
HOUGH_VOTES = 45
#: Hough's candidates weighed, best first.
MAX_CANDIDATES = 8
#: Ink on a ring at least this many grey levels darker than the ring's median is print crossing it.
PRINT_MARGIN = 25
#: A ring's band reaches this many pixels past the radii found inked (the ring's blurred edge).
BAND_PX = 2
_ANGLES = np.linspace(0.0, 2 * np.pi, 360, endpoint=False)


@dataclass(frozen=True)
class Stamp:
    """A round stamp found on a page image (pixels)."""

    x: int
    y: int
    radius: int  #: the outer ring's
    rings: tuple[tuple[int, int], ...]  #: (inner, outer) radius of each inked ring, outermost last


def ring_coverage(ink: Gray, x: float, y: float, radius: float) -> float:
    """The share of the circle's points (those on the image) that lie on ink.

    >>> img = np.zeros((100, 100), np.uint8)
    >>> _ = cv2.circle(img, (50, 50), 30, 255, 2)
    >>> ring_coverage(img, 50, 50, 30), ring_coverage(img, 50, 50, 20)
    (1.0, 0.0)
    """
    return float(ring_coverages(ink, np.array([x]), np.array([y]), np.array([radius]))[0])


def ring_coverages(
    ink: Gray, x: npt.NDArray[np.float64], y: npt.NDArray[np.float64], radius: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """:func:`ring_coverage` of many circles at once (one array operation, not one per circle:
    the refinement below weighs hundreds of circles per page).

    >>> img = np.zeros((100, 100), np.uint8)
    >>> _ = cv2.circle(img, (50, 50), 30, 255, 2)
    >>> ring_coverages(img, np.array([50.0, 50.0, 99.0]), np.array([50.0, 50.0, 99.0]),
    ...                np.array([30.0, 20.0, 90.0])).tolist()
    [1.0, 0.0, 0.0]
    """
    h, w = ink.shape
    xs = np.rint(x[:, None] + radius[:, None] * np.cos(_ANGLES)).astype(int)
    ys = np.rint(y[:, None] + radius[:, None] * np.sin(_ANGLES)).astype(int)
    inside = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
    on_ink = ink[np.where(inside, ys, 0), np.where(inside, xs, 0)] > 0
    count = inside.sum(axis=1)
    share = (on_ink & inside).sum(axis=1) / np.maximum(count, 1)
    return np.where(count < len(_ANGLES) // 2, 0.0, share)


def _refined(ink: Gray, x: float, y: float, radius: float) -> tuple[float, int, int, int]:
    """(coverage, x, y, radius) of the best-inked circle near a Hough circle (its centre within
    a reduction step, its radius within a tenth)."""
    step = max(REDUCE // 2, 1)
    shifts = range(-REDUCE, REDUCE + 1, step)
    radii = range(int(radius * 0.9), int(radius * 1.1) + 1, 2)
    grid = np.array([(x + dx, y + dy, r) for dx in shifts for dy in shifts for r in radii], np.float64)
    if not len(grid):
        return (0.0, int(x), int(y), int(radius))
    cover = ring_coverages(ink, grid[:, 0], grid[:, 1], grid[:, 2])
    best = int(np.argmax(cover))  # the first of equals, as the loop over shifts and radii had it
    if cover[best] <= 0.0:
        return (0.0, int(x), int(y), int(radius))
    bx, by, br = grid[best]
    return (float(cover[best]), int(bx), int(by), int(br))


def _rings(ink: Gray, x: int, y: int, radius: int) -> tuple[tuple[int, int], ...]:
    """Radii around the centre inked all round (:data:`RING_COVERAGE`), grouped into rings, each
    widened to the radii still inked in part (:data:`EDGE_COVERAGE`): a ring pressed unevenly, or
    a stamp not quite round, spreads over a few radii."""
    radii = range(max(int(radius * 0.15), 3), int(radius * 1.12) + 1)
    around = np.ones(len(radii))
    shares = ring_coverages(ink, x * around, y * around, np.array(radii, float))
    cover = dict(zip(radii, shares.tolist(), strict=True))
    rings: list[tuple[int, int]] = []
    for r in radii:
        if cover[r] < RING_COVERAGE or (rings and rings[-1][0] <= r <= rings[-1][1]):
            continue
        inner, outer = r, r
        while cover.get(inner - 1, 0.0) >= EDGE_COVERAGE:
            inner -= 1
        while cover.get(outer + 1, 0.0) >= EDGE_COVERAGE:
            outer += 1
        rings.append((inner, outer))
    return tuple(rings)


def find_stamps(binary: Gray) -> list[Stamp]:
    """The round stamps of a binary page image (ink 255).

    >>> page = np.zeros((800, 600), np.uint8)
    >>> page[100:102, 50:550] = 255                     # a ruling, no circle
    >>> _ = cv2.circle(page, (400, 500), 60, 255, 4); _ = cv2.circle(page, (400, 500), 15, 255, 3)
    >>> [(abs(s.x - 400) <= 2, abs(s.y - 500) <= 2, len(s.rings)) for s in find_stamps(page)]
    [(True, True, 2)]
    >>> find_stamps(np.zeros((800, 600), np.uint8))
    []
    """
    h, w = binary.shape
    side = max(h, w)
    small = cv2.resize(binary, (max(w // REDUCE, 1), max(h // REDUCE, 1)), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    lo, hi = (int(side * s / REDUCE) for s in RADIUS_SHARE)
    circles = cv2.HoughCircles(
        small,
        cv2.HOUGH_GRADIENT,
        dp=1,
        minDist=max(lo, 1),
        param1=100,
        param2=HOUGH_VOTES,
        minRadius=lo,
        maxRadius=hi,
    )
    if circles is None:
        return []
    ink = np.asarray(cv2.dilate(binary, np.ones((3, 3), np.uint8)), np.uint8)
    found: list[Stamp] = []
    for cx, cy, r in circles[0][:MAX_CANDIDATES]:
        cover, x, y, radius = _refined(ink, cx * REDUCE, cy * REDUCE, r * REDUCE)
        if cover < RING_COVERAGE or any(abs(s.x - x) + abs(s.y - y) < s.radius for s in found):
            continue
        rings = _rings(ink, x, y, radius)
        if rings:
            found.append(Stamp(x, y, max(radius, rings[-1][1]), rings))
    return found


def lift_stamps(gray: Gray, binary: Gray) -> tuple[Gray, Gray, list[Stamp]]:
    """``gray`` and ``binary`` with the ink of every round stamp's rings (:func:`find_stamps`)
    made paper, except print darker than the stamp's ink crossing them; and the stamps.

    >>> gray = np.full((800, 600), 250, np.uint8)
    >>> _ = cv2.circle(gray, (400, 500), 60, 130, 4)    # a stamp's ring, lighter than print
    >>> gray[498:503, 300:500] = 30                     # a dark stroke of print across it
    >>> binary = np.where(gray < 200, 255, 0).astype(np.uint8)
    >>> g, b, stamps = lift_stamps(gray, binary)
    >>> len(stamps), int(b[500, 340]), int(b[440, 400]), int(g[440, 400]) > 200
    (1, 255, 0, True)
    """
    stamps = find_stamps(binary)
    if not stamps:
        return gray, binary, []
    from extractors.ocr.image_grid import ruling_mask
    from extractors.ocr.raster import components

    masks = [components(m)[1:] for m in ruling_mask(binary)]
    gray, binary = gray.copy(), binary.copy()
    h, w = binary.shape
    for stamp in stamps:
        reach = stamp.radius + BAND_PX + 1
        x0, y0 = max(stamp.x - reach, 0), max(stamp.y - reach, 0)
        x1, y1 = min(stamp.x + reach + 1, w), min(stamp.y + reach + 1, h)
        yy, xx = np.mgrid[y0:y1, x0:x1]
        dist = np.hypot(xx - stamp.x, yy - stamp.y)
        band = np.zeros(dist.shape, bool)
        for inner, outer in stamp.rings:
            band |= (dist >= inner - BAND_PX) & (dist <= outer + BAND_PX)
        g, b = gray[y0:y1, x0:x1], binary[y0:y1, x0:x1]
        on_ring = band & (b > 0)
        if not on_ring.any():
            continue
        level = float(np.median(g[on_ring]))
        paper = float(np.median(g[b == 0])) if (b == 0).any() else 255.0
        # a ruling that goes on past the rings crosses the stamp: its ink is print, however light
        light = band & (g.astype(np.int16) >= level - PRINT_MARGIN)
        for lines, sizes in masks:
            here = lines[y0:y1, x0:x1]
            labels, in_band = np.unique(here[band & (here > 0)], return_counts=True)
            crossing = [k for k, c in zip(labels, in_band, strict=True) if sizes[k, cv2.CC_STAT_AREA] > c]
            light &= ~np.isin(here, crossing)
        b[light] = 0
        g[light] = int(paper)
    return gray, binary, stamps
