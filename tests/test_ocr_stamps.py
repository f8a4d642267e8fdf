"""Round stamps amid dense text, and the skew search's row sums.

Dense text suggests many weak circles to the Hough transform; only the best few candidates are
weighed, so a real stamp must not be crowded out by them (:data:`extractors.ocr.stamps.HOUGH_VOTES`).
Pages are drawn: lines of letter-like loops and strokes, a stamp's two rings over the last lines.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from extractors.ocr.raster import _profile_score
from extractors.ocr.stamps import find_stamps


def _text_page(seed: int, stamp: bool) -> np.ndarray:
    """An A4 page at 200 dpi, ink 255: lines of loops (o, a) and strokes with marks above some,
    and with ``stamp`` a round stamp's outer and inner rings at (1100, 1900)."""
    rng = np.random.RandomState(seed)
    page = np.zeros((2339, 1654), np.uint8)
    for y in range(150, 2200, 44):
        x = 120
        while x < 1530:
            width = int(rng.randint(10, 40))
            if rng.rand() < 0.5:
                cv2.circle(page, (x + width // 2, y + 10), max(width // 3, 4), 255, 2)
            else:
                page[y : y + 22, x : x + 3] = 255
                page[y + 20 : y + 22, x : x + width] = 255
            if rng.rand() < 0.3:
                page[y - 8 : y - 4, x + 2 : x + 9] = 255
            x += width + int(rng.randint(4, 30))
    if stamp:
        cv2.circle(page, (1100, 1900), 130, 255, 5)
        cv2.circle(page, (1100, 1900), 100, 255, 3)
    return page


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_stamp_amid_dense_text_is_found(seed: int) -> None:
    found = find_stamps(_text_page(seed, stamp=True))
    assert [(abs(s.x - 1100) <= 4, abs(s.y - 1900) <= 4) for s in found] == [(True, True)]


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_dense_text_alone_is_no_stamp(seed: int) -> None:
    assert find_stamps(_text_page(seed, stamp=False)) == []


@pytest.mark.parametrize("degrees", [-4.3, -0.5, 0.0, 0.12, 2.75])
def test_the_skew_score_sums_rows_as_numpy_does(degrees: float) -> None:
    page = _text_page(5, stamp=False)[::2, ::2].copy()
    h, w = page.shape
    turned = cv2.warpAffine(
        page, cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0), (w, h), flags=cv2.INTER_NEAREST
    )
    rows = turned.sum(axis=1, dtype=np.float64)
    assert _profile_score(page, degrees) == float(np.square(np.diff(rows)).sum())
