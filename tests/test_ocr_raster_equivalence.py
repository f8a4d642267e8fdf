"""The page preparation's cheaper operations give what the plain formulas they replace give.

Each is checked against the formula written out with numpy, on shapes drawn here."""

from __future__ import annotations

import cv2
import numpy as np

from extractors.ocr.image_grid import FAINT_CONTRAST, faint_lines, without_lone_verticals
from extractors.ocr.raster import binarise, binarise_page, components


def _shaded_page() -> np.ndarray:
    rng = np.random.RandomState(7)
    page = np.full((300, 500), 245, np.uint8)
    page[60:140, :] = 185  # a shaded header row
    page[90:100, 30:470] = 40  # text on it
    page[200:203, 20:480] = 110  # a ruling
    for y in range(150, 290, 14):  # lines of letters
        page[y : y + 8, 40:460:6] = 30
    noise = rng.randint(-25, 26, page.shape)
    return np.asarray(np.clip(page.astype(int) + noise, 0, 255), np.uint8)


def test_binarise_page_is_the_plain_formula() -> None:
    page = _shaded_page()
    dark = binarise(page)
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (27, 9)))
    assert solid.any()
    shaded = cv2.dilate(solid, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))) > 0
    mean = cv2.blur(page, (51, 51), borderType=cv2.BORDER_REPLICATE).astype(np.int16)
    stands_out = page.astype(np.int16) < mean - 45
    expected = np.where(shaded & ~stands_out, 0, dark).astype(np.uint8)
    assert np.array_equal(binarise_page(page), expected)


def test_faint_lines_keeps_exactly_the_contrast_asked() -> None:
    page = np.full((60, 90), 200, np.uint8)
    page[:, 20:22] = 200 - FAINT_CONTRAST  # just dark enough
    page[:, 60:62] = 200 - FAINT_CONTRAST + 1  # one level short
    lines = faint_lines(page)
    assert lines.dtype == np.uint8
    assert int(lines[30, 20]) == 255 and int(lines[30, 60]) == 0 and int(lines[30, 5]) == 0


def test_components_are_opencvs() -> None:
    rng = np.random.RandomState(3)
    img = np.asarray((rng.rand(200, 300) > 0.8) * 255, np.uint8)
    for connectivity in (4, 8):
        n, labels, stats, _ = cv2.connectedComponentsWithStats(img, connectivity=connectivity)
        m, mine, mine_stats = components(img, connectivity)
        assert m == n and np.array_equal(mine, labels) and np.array_equal(mine_stats, stats)


def test_components_past_sixteen_bits() -> None:
    specks = np.zeros((700, 700), np.uint8)
    specks[::2, ::2] = 255  # 122,500 components: more than 16-bit labels hold
    n, labels, stats = components(specks, connectivity=4)
    assert n == 350 * 350 + 1 and int(labels.max()) == n - 1 and int(stats[1:, cv2.CC_STAT_AREA].max()) == 1


def test_lone_verticals_cleared_only_in_their_own_pieces() -> None:
    h = np.zeros((300, 300), np.uint8)
    v = np.zeros((300, 300), np.uint8)
    h[50:52, :] = 255
    h[250:252, :] = 255
    v[50:252, 10:12] = 255  # a column ruling
    v[120:190, 200:202] = 255  # a lone stroke, no ruling at its ends
    v[100:200, 203:205] = 255  # another one beside it, overlapping its box
    n, _labels, _stats, _ = cv2.connectedComponentsWithStats(v, connectivity=8)
    assert n == 4
    kept = without_lone_verticals(h, v)
    assert np.array_equal(kept[:, 10:12], v[:, 10:12])
    assert not kept[:, 150:].any()
    assert v[120:190, 200:202].all()  # the input is left as it was
