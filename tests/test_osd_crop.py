"""OSD looks at the middle of a page only when the middle holds text (issue 14): on a last page
whose two lines sit at the top, the middle is bare paper, and OSD read its speckle as an
upside-down page with confidence, so the page was turned and its lines read as junk."""

from __future__ import annotations

import numpy as np

from extractors.ocr.geometry import OSD_ROWS, orientation


class _Osd:
    """An OSD stand-in that records the images it was shown: sure of a half turn on bare
    paper (what Tesseract did), and of upright on anything with text."""

    def __init__(self) -> None:
        self.shown: list[tuple[int, int]] = []

    def orientation_confidence(self, gray: np.ndarray) -> tuple[int, bool]:
        self.shown.append(gray.shape)
        dark = np.count_nonzero(gray < 128)
        return (0, True) if dark else (2, True)


def _page(rows: range) -> np.ndarray:
    """A 2000×1400 grey page with short 'words' (dark blocks with gaps, too few lines for the
    line-shape test to decide) on ``rows``; speckle elsewhere."""
    rng = np.random.RandomState(7)
    page = np.full((2000, 1400), 235, np.uint8) - rng.randint(0, 12, (2000, 1400)).astype(np.uint8)
    for y in rows:
        for x in range(150, 1100, 60):
            page[y : y + 22, x : x + 40] = 20
    return page


def test_a_page_with_text_only_at_the_top_is_not_turned_by_osd_on_its_bare_middle() -> None:
    osd = _Osd()
    assert orientation(osd, _page(range(150, 260, 55))) == 0
    assert osd.shown == [(2000, 1400)]  # the whole page, never the bare middle


def test_a_middle_with_text_is_still_what_osd_looks_at_first() -> None:
    osd = _Osd()
    top = int(2000 * OSD_ROWS[0]) + 50
    assert orientation(osd, _page(range(top, top + 110, 55))) == 0
    assert len(osd.shown) == 1 and osd.shown[0][0] < 2000
