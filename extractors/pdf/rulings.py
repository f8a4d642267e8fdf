"""A page's ruling lines from pdfium's path objects, as the edges pdfplumber's table finder takes.

pdfplumber finds ruled tables from the edges of a page's lines, rectangles and curves, which it gets
by parsing the whole page with pdfminer, text included; on a text page that parse is most of the
cost of reading it.  pdfium has already parsed the page for its text layer, so the same edges are
read off its path objects here (every straight, axis-aligned piece of every path, in forms too) and
handed to pdfplumber's table finder as explicit lines: the table geometry is pdfplumber's, only the
parse is not done twice.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from schemas import BBox

#: Two points whose x (or y) differ by less than this many points are on one vertical (horizontal) line.
_ALIGNED = 0.01
#: Shorter pieces are no ruling (pdfplumber's ``edge_min_length_prefilter``).
_MIN_LENGTH = 1.0
#: Forms nest this deep at most (a guard against a PDF whose forms refer to themselves).
_MAX_DEPTH = 8

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix that applies ``inner`` and then ``outer`` (PDF row-vector convention).

    >>> _compose((2, 0, 0, 2, 0, 0), (1, 0, 0, 1, 10, 5))
    (2, 0, 0, 2, 10, 5)
    """
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any] | None:
    """A pdfplumber edge for the straight piece from ``(x0, top)`` to ``(x1, bottom)`` (top-left
    origin), or None when it is neither horizontal nor vertical, or shorter than a point.

    >>> edge(10, 20, 10, 80)["orientation"], edge(10, 20, 90, 20.004)["orientation"], edge(0, 0, 5, 5)
    ('v', 'h', None)
    """
    left, right, upper, lower = min(x0, x1), max(x0, x1), min(top, bottom), max(top, bottom)
    if right - left < _ALIGNED and lower - upper >= _MIN_LENGTH:
        x = (left + right) / 2
        left = right = x
        orientation = "v"
    elif lower - upper < _ALIGNED and right - left >= _MIN_LENGTH:
        y = (upper + lower) / 2
        upper = lower = y
        orientation = "h"
    else:
        return None
    return {
        "object_type": "line",
        "x0": left,
        "x1": right,
        "top": upper,
        "bottom": lower,
        "width": right - left,
        "height": lower - upper,
        "orientation": orientation,
    }


class _Walker:
    def __init__(self, page: pdfium.PdfPage) -> None:
        left, _bottom, _right, top = page.get_mediabox()
        self.x_offset, self.y_top = left, top
        self._matrix = pdfium_c.FS_MATRIX()
        self._x, self._y = ctypes.c_float(), ctypes.c_float()

    def matrix(self, obj: Any) -> Matrix:
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, self._matrix):
            return _IDENTITY
        m = self._matrix
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def edges(self, obj: Any, outer: Matrix) -> Iterator[dict[str, Any]]:
        """The edges of one path object: each straight piece between consecutive points, where a
        Bézier curve counts by its end point only (as pdfminer counts it), closing pieces included."""
        m = _compose(self.matrix(obj), outer)
        start: tuple[float, float] | None = None
        previous: tuple[float, float] | None = None
        bezier = 0
        for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, self._x, self._y):
                continue
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                bezier += 1
                if bezier % 3:  # a control point: no position of the path
                    continue
            else:
                bezier = 0
            x, y = _apply(m, self._x.value, self._y.value)
            point = (x - self.x_offset, self.y_top - y)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or previous is None:
                start = point
            else:
                found = edge(previous[0], previous[1], point[0], point[1])
                if found is not None:
                    yield found
            previous = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                found = edge(point[0], point[1], start[0], start[1])
                if found is not None:
                    yield found
                previous = start

    def painted(self, obj: Any) -> bool:
        """Whether the path is filled or stroked (a path that is neither draws nothing)."""
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
            return True
        return bool(fill.value or stroke.value)


def ruling_edges(page: pdfium.PdfPage) -> list[dict[str, Any]]:
    """Every horizontal and vertical straight piece of the page's paths, in pdfplumber's edge form
    and coordinates (points, origin top-left of the media box)."""
    walker = _Walker(page)
    found: list[dict[str, Any]] = []

    def visit(count: int, get: Any, parent: Any, outer: Matrix, depth: int) -> None:
        for i in range(count):
            obj = get(parent, i)
            if not obj:
                continue
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH and walker.painted(obj):
                found.extend(walker.edges(obj, outer))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
                inner = _compose(walker.matrix(obj), outer)
                visit(
                    pdfium_c.FPDFFormObj_CountObjects(obj),
                    pdfium_c.FPDFFormObj_GetObject,
                    obj,
                    inner,
                    depth + 1,
                )

    raw = page.raw
    visit(pdfium_c.FPDFPage_CountObjects(raw), pdfium_c.FPDFPage_GetObject, raw, _IDENTITY, 0)
    return found


def ruling_boxes(page: pdfium.PdfPage) -> list[BBox]:
    """:func:`ruling_edges` as boxes of no width (vertical) or no height (horizontal)."""
    return [BBox(e["x0"], e["top"], e["x1"], e["bottom"]) for e in ruling_edges(page)]


def edges_of(rulings: list[BBox]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The vertical and the horizontal pdfplumber edges of a page's rulings."""
    vertical: list[dict[str, Any]] = []
    horizontal: list[dict[str, Any]] = []
    for box in rulings:
        found = edge(box.x0, box.top, box.x1, box.bottom)
        if found is not None:
            (vertical if found["orientation"] == "v" else horizontal).append(found)
    return vertical, horizontal
