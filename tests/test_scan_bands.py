"""Solid blocks on scans: a slide's title band with white text, a band drawn on a table's top, a
bar chart's bars with their value labels beside them (``extractors.ocr.geometry.lift_solids``).

The pages are drawn here: a band whose white letters come within a few pixels of its edges (its
solid part breaks into pieces around them), skewed as a scanner feeds it; bars of unequal length
that touch (one staircase of ink) with a label after each.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr.geometry import lift_solids
from extractors.ocr.raster import binarise

FONT = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
TITLE = "มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรม"
PAPER, BAND, INK = 235, 80, 30

needs_font = pytest.mark.skipif(
    not FONT.exists(), reason="the Laksaman font (fonts-tlwg-laksaman) is not installed"
)


def _skew(page: np.ndarray, degrees: float, fill: int = PAPER) -> np.ndarray:
    h, w = page.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return np.asarray(
        cv2.warpAffine(page, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill), np.uint8
    )


def _band_page(degrees: float = 1.2) -> tuple[np.ndarray, np.ndarray]:
    """A title band with white text on a table's top (rulings below it), skewed; and the mask of
    the white letters, skewed the same way."""
    image = Image.new("L", (1600, 520), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((50, 100, 1550, 166), fill=BAND)
    font = ImageFont.truetype(str(FONT), 46)
    left, top, _right, bottom = draw.textbbox((0, 0), TITLE, font=font)
    y = 100 + (66 - (bottom - top)) // 2 - top  # the marks 1-3 px from the band's edges
    letters = Image.new("L", image.size, 0)
    ImageDraw.Draw(letters).text((160 - left, y), TITLE, font=font, fill=255)
    image.paste(255, mask=letters)
    for x in (50, 400, 800, 1200, 1548):  # the table under the band: its columns and bottom
        draw.rectangle((x, 166, x + 2, 420), fill=INK)
    draw.rectangle((50, 418, 1550, 420), fill=INK)
    page = cv2.GaussianBlur(np.asarray(image), (0, 0), 0.8)
    return _skew(page, degrees), _skew(np.asarray(letters), degrees, fill=0) > 128


@needs_font
def test_white_letters_near_a_skewed_bands_edges_become_ink() -> None:
    page, letters = _band_page()
    out, lifted = lift_solids(page, 200)
    assert lifted >= 1
    ink = binarise(out) > 0
    # Before: the band broke into pieces at its letters and most letters were lifted to paper.
    assert np.count_nonzero(ink & letters) >= 0.8 * np.count_nonzero(letters)
    # The band itself is paper; no ruling was drawn through the letters.
    band_only = np.zeros_like(letters)
    band_only[110:160, 160:1450] = True
    assert np.count_nonzero(
        ink & band_only & ~cv2.dilate(letters.astype(np.uint8), np.ones((5, 5))).astype(bool)
    ) < 0.01 * np.count_nonzero(band_only)


@needs_font
def test_the_ruling_under_a_skewed_band_follows_its_edge() -> None:
    page, _letters = _band_page(degrees=1.2)
    out, _lifted = lift_solids(page, 200)
    ink = binarise(out) > 0
    h, w = page.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), 1.2, 1.0)
    for x in (300, 600, 1000, 1400):  # the table's top, where the band's bottom edge runs
        edge = matrix @ np.array([x, 166.0, 1.0])
        column = ink[:, round(edge[0])]
        near = column[int(edge[1]) - 4 : int(edge[1]) + 5]
        assert near.any(), f"no ruling under the band at x={x}"
        # ... and not a straight row: 10 px under the edge at the band's high end is paper
        assert not column[int(edge[1]) + 8 : int(edge[1]) + 14].any()


@needs_font
def test_a_bands_title_is_read_after_lifting() -> None:
    from extractors.ocr.engine import OcrEngine
    from extractors.thai.text import compose_sara_am

    page, _letters = _band_page()
    out, _lifted = lift_solids(page, 200)
    crop = np.ascontiguousarray(255 - binarise(out)[60:210, 100:1500])
    text = "".join(s.text for line in OcrEngine(200).read(crop) for s in line.symbols)
    assert "มาตรการ" in compose_sara_am(text)
    assert "คุณธรรม" in compose_sara_am(text)


def test_labels_beside_a_bar_charts_touching_bars_are_kept() -> None:
    page = np.full((500, 900), PAPER, np.uint8)
    labels = np.zeros_like(page, dtype=bool)
    for i, length in enumerate((600, 380, 520, 300, 640)):  # bars touching: one staircase
        top = 60 + 50 * i
        page[top : top + 50, 100 : 100 + length] = 150
        x = 100 + length + 12  # a label after each bar, as a chart draws it
        for k in range(4):
            page[top + 15 : top + 35, x + 14 * k : x + 14 * k + 3] = INK
            labels[top + 15 : top + 35, x + 14 * k : x + 14 * k + 3] = True
    page = cv2.GaussianBlur(page, (0, 0), 0.8)
    out, lifted = lift_solids(page, 200)
    assert lifted == 1
    assert np.count_nonzero((out < 128) & labels) >= 0.8 * np.count_nonzero(labels)
    assert not (out[70:100, 120:380] < 128).any()  # the bars are paper


def test_a_lighter_stretch_of_a_band_is_paper_not_a_letter() -> None:
    # A lamp or a shadow's edge leaves a stretch of a photographed band lighter than the page's
    # threshold: it is a white shape on the band, but one a solid square fits in, which no
    # letter's stroke is.  Inverted as text it was a blot the reader took for marks.
    page = np.full((520, 1600), PAPER, np.uint8)
    page[100:167, 50:1551] = BAND
    page[112:150, 160:164] = 250  # a white letter's stroke
    page[112:150, 1300:1340] = 215  # the lighter stretch, 40 px by 38
    out, lifted = lift_solids(page, 200)
    ink = binarise(out) > 0
    assert lifted == 1
    assert ink[112:150, 160:164].all()
    assert not ink[112:150, 1300:1340].any()


@needs_font
def test_a_photographed_bands_letters_are_told_from_it_by_its_own_light() -> None:
    # Evening a photograph's light out divides a band taller than the background's kernel by
    # itself: its inside fades towards paper, most at its ends, and its white letters there no
    # longer stand out from it on the evened page.  On the page as lit they still do.
    image = Image.new("L", (1600, 400), PAPER)
    ImageDraw.Draw(image).rectangle((50, 100, 1550, 300), fill=BAND)  # a band of three lines' height
    letters = Image.new("L", image.size, 0)
    ImageDraw.Draw(letters).text((160, 150), TITLE, font=ImageFont.truetype(str(FONT), 46), fill=255)
    image.paste(255, mask=letters)
    page = cv2.GaussianBlur(np.asarray(image), (0, 0), 0.8)
    evened = page.copy()
    evened[116:285, 66:600] = np.maximum(evened[116:285, 66:600], 225)  # its faded end; the edge stays
    end = np.asarray(letters) > 128
    end[:, 600:] = False
    without, _ = lift_solids(evened, 200)
    out, lifted = lift_solids(evened, 200, lit=page)
    assert lifted == 1
    assert np.count_nonzero((binarise(without) > 0) & end) < 0.2 * np.count_nonzero(end)
    assert np.count_nonzero((binarise(out) > 0) & end) >= 0.8 * np.count_nonzero(end)
