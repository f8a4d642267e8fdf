"""Pictures on text pages that may hold content: a pasted screenshot of a result page, a chart.

A cheap walk of the page's image objects (no pixels are decoded): each image's box is converted to
the text layer's coordinates (points, origin top-left of the media box, as
:mod:`extractors.pdf.textlayer` does), and kept when it is large enough to hold content and not a
strip (logos, emblems, signatures, rules and banners are small or thin), and when the text layer
does not already hold the text over it (an OCR'd scan with its invisible text layer).
"""

from __future__ import annotations

from collections.abc import Sequence

import pypdfium2 as pdfium

from schemas import BBox, Char, Picture

_OBJ_IMAGE = 3
#: A picture covers at least this share of the page (a signature or a logo covers 1–3 %) ...
MIN_PICTURE_SHARE = 0.04
#: ... and is at least this many points on each side (one inch) ...
MIN_PICTURE_SIDE = 72.0
#: ... and no thinner than 1 : this (a banner, a line of decoration).
MAX_PICTURE_ASPECT = 6.0
#: The text layer already holds the picture's text when this many visible characters lie over it.
MAX_CHARS_OVER_PICTURE = 20


def is_content_picture(box: BBox, page_width: float, page_height: float) -> bool:
    """Whether an image drawn at ``box`` is large enough, and square enough, to hold content.

    >>> is_content_picture(BBox(70, 260, 510, 560), 595, 842)    # a pasted screenshot
    True
    >>> is_content_picture(BBox(250, 40, 340, 130), 595, 842)    # the agency's emblem
    False
    >>> is_content_picture(BBox(0, 0, 595, 90), 595, 842)        # a banner across the top
    False
    """
    w, h = box.width, box.height
    if min(w, h) < MIN_PICTURE_SIDE:
        return False
    if max(w, h) > MAX_PICTURE_ASPECT * min(w, h):
        return False
    return w * h >= MIN_PICTURE_SHARE * max(page_width * page_height, 1.0)


def chars_over(box: BBox, chars: Sequence[Char]) -> int:
    """Visible characters of the text layer whose centre lies inside ``box``."""
    n = 0
    for c in chars:
        if c.text.strip():
            cx, cy = (c.box.x0 + c.box.x1) / 2, (c.box.top + c.box.bottom) / 2
            if box.contains_point(cx, cy):
                n += 1
    return n


def find_pictures(doc: pdfium.PdfDocument, number: int, chars: Sequence[Char]) -> list[Picture]:
    """The content pictures of page ``number`` (1-based), top to bottom."""
    page = doc[number - 1]
    try:
        left, bottom, right, top = page.get_mediabox()
        width, height = right - left, top - bottom
        found: list[Picture] = []
        for obj in page.get_objects(filter=(_OBJ_IMAGE,), max_depth=2):
            x0, y0, x1, y1 = obj.get_bounds()
            box = BBox(max(x0 - left, 0.0), max(top - y1, 0.0), min(x1 - left, width), min(top - y0, height))
            if box.width <= 0 or box.height <= 0 or not is_content_picture(box, width, height):
                continue
            if chars_over(box, chars) >= MAX_CHARS_OVER_PICTURE:
                continue
            try:
                w_px, h_px = obj.get_px_size()
            except Exception:  # an image pdfium cannot size: its pixels are rendered from the page anyway
                w_px, h_px = 0, 0
            found.append(Picture(box, int(w_px), int(h_px)))
    finally:
        page.close()
    found.sort(key=lambda p: (p.box.top, p.box.x0))
    return [p for p in found if not any(q is not p and _inside(p.box, q.box) for q in found)]


#: A picture this much inside a larger one (a frame around a screenshot) is read with it.
INSIDE_SHARE = 0.9


def _inside(box: BBox, other: BBox) -> bool:
    """``box`` lies (mostly) within the larger ``other``.

    >>> frame, same = BBox(70, 110, 540, 390), BBox(0, 0, 10, 10)
    >>> _inside(BBox(90, 130, 510, 360), frame), _inside(same, same)
    (True, False)
    """
    if box.width * box.height >= other.width * other.height:
        return False
    w = max(0.0, min(box.x1, other.x1) - max(box.x0, other.x0))
    h = max(0.0, min(box.bottom, other.bottom) - max(box.top, other.top))
    return w * h >= INSIDE_SHARE * box.width * box.height
