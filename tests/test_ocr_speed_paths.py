"""Shortcuts taken for speed must give what the long way gives.

The skew search's coarse pass runs on an image half as wide as its fine passes: on pages tilted
anywhere in the searched range, including between two coarse steps, it must find the angle an
exhaustive search at every fine step finds on the full image.  The glyph reader's enclosed parts,
found in one array comparison, are those a scan of every pair finds; its labels and margins,
taken for a whole batch at once, are those taken row by row.
"""

from __future__ import annotations

from typing import Any

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


def _long_way(api: Any, gray: np.ndarray) -> list[list[tuple[str, tuple[int, ...], float]]]:
    """Lines of (word text, word box, word confidence), every question asked at every symbol."""
    import tesserocr

    from extractors.ocr.engine import _set_image

    _kept = _set_image(api, gray)
    api.SetSourceResolution(200)
    api.Recognize()
    it = api.GetIterator()
    line_, word_, symbol_ = tesserocr.RIL.TEXTLINE, tesserocr.RIL.WORD, tesserocr.RIL.SYMBOL
    lines: list[list[tuple[str, tuple[int, ...], float]]] = [[]]
    text, boxes, conf = "", [], 0.0
    while True:
        if it.IsAtBeginningOf(word_):
            conf = float(it.Confidence(word_))
        try:
            symbol = it.GetUTF8Text(symbol_).strip()
        except RuntimeError:
            symbol = ""
        if symbol:
            text += symbol
            boxes.append(it.BoundingBox(symbol_))
        end_line = it.IsAtFinalElement(line_, symbol_)
        if (it.IsAtFinalElement(word_, symbol_) or end_line) and text:
            box = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            lines[-1].append((text, box, conf))
            text, boxes = "", []
        if end_line and lines[-1]:
            lines.append([])
        if not it.Next(symbol_):
            break
    return [line for line in lines if line]


def test_symbol_iteration_gives_what_asking_everything_gives() -> None:
    import pypdfium2 as pdfium

    from extractors.ocr.engine import OcrEngine, union_box
    from extractors.ocr.page import render
    from tests.conftest import SAMPLES

    gray = render(pdfium.PdfDocument(SAMPLES / "variant-two-years-scanned.pdf"), 1, 200)
    crop = np.ascontiguousarray(gray[: gray.shape[0] // 3])
    engine = OcrEngine(200)
    api = engine._api("block")
    ours = [
        [
            ("".join(s.text for s in w.symbols), union_box([s.box for s in w.symbols]), w.confidence)
            for w in line
        ]
        for line in engine._recognize(api, crop)
    ]
    expected = _long_way(api, crop)
    assert sum(len(line) for line in expected) > 20  # Thai and Latin words, several lines
    assert ours == expected


def _enclosed_by_scan(
    parts: list[tuple[int, tuple[int, int, int, int]]],
) -> tuple[list[Any], dict[int, list[int]]]:
    """The glyph reader's joining of enclosed parts the long way: every part against every other."""
    members = {i: [i] for i, _b in parts}
    kept = []
    for i, (x, y, w, h) in parts:
        host = next(
            (
                j
                for j, (hx, hy, hw, hh) in parts
                if j != i
                and hw * hh > w * h
                and hx <= x
                and x + w <= hx + hw
                and hy <= y
                and y + h <= hy + hh
            ),
            None,
        )
        if host is None:
            kept.append((i, (x, y, w, h)))
        else:
            members[host].append(i)
    return kept, members


@pytest.mark.parametrize("seed", range(6))
def test_enclosed_parts_joined_as_a_scan_of_every_pair_joins_them(seed: int) -> None:
    from extractors.ocr.digit_glyphs import _enclosed_joined

    rng = np.random.RandomState(seed)
    # Boxes nested in each other, equal, touching and apart: small coordinates make all of these.
    parts = [
        (
            i + 1,
            (
                int(rng.randint(0, 12)),
                int(rng.randint(0, 12)),
                int(rng.randint(1, 10)),
                int(rng.randint(1, 10)),
            ),
        )
        for i in range(int(rng.randint(1, 40)))
    ]
    assert _enclosed_joined(parts) == _enclosed_by_scan(parts)


def test_glyph_labels_and_margins_of_a_batch_are_those_row_by_row() -> None:
    from extractors.ocr.digit_glyphs import SIDE, _by_label, _classify, _unit

    rng = np.random.RandomState(7)
    vectors = [rng.randint(0, 256, SIDE * SIDE).astype(np.uint8) for _ in range(30)]
    features, starts, names = _by_label()
    per_label = np.maximum.reduceat(_unit(np.stack(vectors)) @ features, starts, axis=1)
    expected = []
    for row in per_label:
        best = int(np.argmax(row))
        runner = max((i for i in range(len(row)) if i != best), key=lambda i: float(row[i]))
        expected.append((names[best], float(row[best]), float(row[best]) - float(row[runner]), names[runner]))
    assert _classify(vectors) == expected
