"""Shortcuts taken for speed must give what the long way gives.

The skew search's coarse pass runs on an image half as wide as its fine passes: on pages tilted
anywhere in the searched range, including between two coarse steps, it must find the angle an
exhaustive search at every fine step finds on the full image.
"""

from __future__ import annotations

import numpy as np
import pytest

from extractors.ocr.raster import MAX_SKEW, SKEW_WIDTH, _profile_score, estimate_skew, rotate


def _text_page(seed: int) -> np.ndarray:
    """Ink (255) on paper (0): lines of word-like blocks with marks above some, and a ruling."""
    rng = np.random.RandomState(seed)
    page = np.zeros((1400, 1000), np.uint8)
    for y in range(120, 1250, 46):
        x = 80
        while x < 900:
            width = int(rng.randint(30, 120))
            page[y : y + 14, x : min(x + width, 920)] = 255
            if rng.rand() < 0.4:
                page[y - 7 : y - 3, x + 5 : x + 12] = 255
            x += width + int(rng.randint(12, 30))
    page[1300:1303, 60:940] = 255
    return page


def _exhaustive(binary: np.ndarray) -> float:
    angles = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.05)
    scores = [_profile_score(binary, float(a)) for a in angles]
    return round(-float(angles[int(np.argmax(scores))]), 2)


@pytest.mark.parametrize(("seed", "tilt"), [(1, 0.0), (2, 0.25), (3, -0.74), (4, 1.3), (5, -3.3), (6, 4.6)])
def test_coarse_pass_on_half_image_finds_the_exhaustive_angle(seed: int, tilt: float) -> None:
    page = _text_page(seed)
    assert page.shape[1] <= SKEW_WIDTH  # the search's own image is the page itself here
    tilted = 255 - rotate(255 - page, tilt, fill=255)
    found = estimate_skew(tilted)
    assert abs(found - tilt) <= 0.1
    assert abs(found - _exhaustive(tilted)) <= 0.05 + 1e-9
