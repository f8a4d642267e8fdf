"""Page images for OCR: render, flatten the paper, find and undo skew and orientation.

Everything here works on greyscale ``numpy`` arrays (``uint8``, ink dark on light paper) and is
pure: no OCR engine, no PDF text.  The clean-up is what table finding and Tesseract both need:

* :func:`flatten_background` divides the image by its paper (a large-kernel dilation), so grey,
  uneven or yellowed paper becomes white and faint ink keeps its contrast;
* :func:`binarise` is Otsu's threshold on the flattened image;
* :func:`estimate_skew` finds the rotation that makes text lines and ruling lines horizontal, by
  the projection-profile method on a reduced image: the sum of squared row sums peaks when rows
  of ink line up.  A 1° tilt is enough to make table finding fail, so it is searched coarse to fine
  to 0.05°;
* :func:`rotate` turns the image about its centre, keeping its size, filling with paper white.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import cv2
import numpy as np
import numpy.typing as npt

Gray = npt.NDArray[np.uint8]

#: Skew is searched within ± this many degrees (a scanner feeder rarely does worse).
MAX_SKEW = 5.0
#: Below this many degrees the image is not rotated (interpolation costs sharpness).
MIN_SKEW = 0.1
#: Page binarisation on shaded areas: a pixel is ink when it is also this many grey levels darker
#: than the mean of the ``LOCAL_WINDOW``-pixel square around it (at 200 dpi, 51 px is two lines).
LOCAL_CONTRAST = 45
LOCAL_WINDOW = 51
#: ... on areas that are solid ink to Otsu this many pixels high (a stroke is thinner) and
#: :data:`SHADE_WIDTH` wide: a shaded band is wider than any letter, and a bold letter that a
#: blurred low-resolution scan fills in is not (its neighbourhood kept ink, a ruling under it too).
SHADE_SIDE = 9
SHADE_WIDTH = 3 * SHADE_SIDE
#: The skew search works on an image this wide (pixels): enough for 0.05° on an A4 page.
SKEW_WIDTH = 1000


@dataclass(frozen=True)
class Cleaned:
    """A page image ready for table finding and OCR, and what was done to it."""

    gray: Gray  #: flattened greyscale, deskewed and upright
    binary: Gray  #: ink = 255, paper = 0 (OpenCV's convention for morphology)
    skew: float  #: degrees the scan was tilted (counter-clockwise positive), undone here
    rotation: int  #: quarter turns (0, 90, 180, 270, clockwise) undone to make the page upright
    ink_share: float  #: share of pixels that are ink after binarisation

    @cached_property
    def ink_image(self) -> Gray:
        """The binarised page as OCR wants it: black ink on white.  Measured on the scanned
        samples, Tesseract reads bold headers on grey paper far better from this than from grey.
        Made once per page (every cell crops it)."""
        return np.asarray(cv2.bitwise_not(self.binary), np.uint8)  # 255 - binary, by OpenCV


def flatten_background(gray: Gray, kernel: int = 31) -> Gray:
    """Divide out the paper: a dilation (max filter) larger than any stroke estimates it.

    >>> page = np.full((60, 60), 200, np.uint8); page[20:40, 28:31] = 60
    >>> flat = flatten_background(page, kernel=15)
    >>> int(flat[5, 5]), int(flat[30, 29]) < 90
    (255, True)
    """
    background = cv2.dilate(gray, np.ones((kernel, kernel), np.uint8))
    background = cv2.medianBlur(background, 21 if kernel > 21 else (kernel | 1))
    flat = cv2.divide(gray, background, scale=255)
    return np.asarray(flat, dtype=np.uint8)


Labels = npt.NDArray[np.integer]


def components(binary: Gray, connectivity: int = 8) -> tuple[int, Labels, npt.NDArray[np.int32]]:
    """OpenCV's connected components of ``binary`` with their stats: ``(count, labels, stats)``,
    the same as ``cv2.connectedComponentsWithStats`` gives.  Labels are 16-bit when they fit
    (OpenCV raises when they would not, and they are counted again in 32 bits): on a page image
    the 16-bit labelling with its stats took a third of the 32-bit one's time, the same result.

    >>> img = np.zeros((20, 30), np.uint8); img[2:5, 2:9] = 255; img[10:18, 20:22] = 255
    >>> n, labels, stats = components(img)
    >>> n, stats[1].tolist(), stats[2].tolist(), int(labels[12, 21])
    (3, [2, 2, 7, 3, 21], [20, 10, 2, 8, 16], 2)
    >>> noise = np.zeros((600, 600), np.uint8); noise[::2, ::2] = 255   # 90,000 specks
    >>> components(noise, connectivity=4)[0]
    90001
    """
    try:
        count, labels, stats, _ = cv2.connectedComponentsWithStats(
            binary, connectivity=connectivity, ltype=cv2.CV_16U
        )
    except cv2.error:  # more than 65,534 components
        count, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=connectivity)
    return int(count), np.asarray(labels), np.asarray(stats, np.int32)


def binarise(gray: Gray, strictness: float = 1.0) -> Gray:
    """Otsu's threshold; ink becomes 255.  ``strictness`` below 1 lowers the threshold to that share
    of Otsu's, so only the darker core of each stroke is ink: glyphs that blur made touch come apart.

    >>> page = np.full((10, 10), 250, np.uint8); page[2:5, 2:5] = 20; page[5, 2:5] = 120
    >>> int(binarise(page).sum() // 255), int(binarise(page, 0.5).sum() // 255)
    (12, 9)
    """
    otsu, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if strictness < 1.0:
        binary = np.where(gray < otsu * strictness, 255, 0)
    return np.asarray(binary, dtype=np.uint8)


def binarise_page(gray: Gray, window: int = LOCAL_WINDOW, contrast: float = LOCAL_CONTRAST) -> Gray:
    """Otsu's threshold, except on a shaded area: there ink must also be darker than the mean
    around it by ``contrast`` grey levels.  A shaded table row or grey band is a solid dark area
    (thicker than any stroke) to Otsu: it stays paper, and its text and rulings stay ink.  A page
    without such areas is binarised exactly as by :func:`binarise`.

    >>> page = np.full((120, 200), 255, np.uint8); page[40:80, :] = 190   # a shaded row
    >>> page[55:60, 20:180] = 40; page[10:13, 20:180] = 120               # text on it, a ruling
    >>> ink = binarise_page(page, window=31)
    >>> int(ink[45, 100]), int(ink[57, 100]), int(ink[11, 100]), int(ink[70, 5])
    (0, 255, 255, 0)
    >>> plain = np.full((120, 200), 255, np.uint8); plain[55:60, 20:180] = 40
    >>> bool((binarise_page(plain) == binarise(plain)).all())
    True
    """
    dark = binarise(gray)
    band = cv2.getStructuringElement(cv2.MORPH_RECT, (SHADE_WIDTH, SHADE_SIDE))
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, band)
    if not solid.any():
        return dark
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (SHADE_SIDE, SHADE_SIDE))
    shaded = cv2.dilate(solid, kernel)  # 255 on and around the solid areas
    mean = cv2.blur(gray, (window, window), borderType=cv2.BORDER_REPLICATE)
    # ``gray < mean - contrast``, as ``mean - gray > contrast`` in OpenCV's saturating uint8 (a
    # pixel lighter than its mean is 0 there, and stands out no more than before); masks of
    # 0/255 combined by OpenCV, not numpy's ``where`` over int16 copies (a tenth of the time).
    stands_out = cv2.threshold(cv2.subtract(mean, gray), int(contrast), 255, cv2.THRESH_BINARY)[1]
    return np.asarray(cv2.bitwise_and(dark, cv2.bitwise_or(cv2.bitwise_not(shaded), stands_out)), np.uint8)


def rotate(gray: Gray, degrees: float, fill: int = 255) -> Gray:
    """Rotate counter-clockwise by ``degrees`` about the centre, same size, paper-filled."""
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    turned = cv2.warpAffine(
        gray, matrix, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=fill
    )
    return np.asarray(turned, dtype=np.uint8)


def quarter_turn(gray: Gray, quarters: int) -> Gray:
    """Rotate clockwise by ``quarters`` × 90°."""
    return np.ascontiguousarray(np.rot90(gray, -quarters % 4))


def _profile_score(binary: Gray, degrees: float) -> float:
    h, w = binary.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    turned = cv2.warpAffine(binary, matrix, (w, h), flags=cv2.INTER_NEAREST)
    # Row sums in integers by OpenCV (exact, as numpy's float sum was): numpy took as long as the
    # turn itself, and the search turns the page some forty times.
    rows = cv2.reduce(turned, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.float64)
    return float(np.square(np.diff(rows)).sum())


def estimate_skew(binary: Gray, max_skew: float = MAX_SKEW) -> float:
    """Degrees (counter-clockwise positive) by which the content is tilted; rotate by it to undo.

    The score is the energy of the differences between neighbouring row sums of ink: sharpest
    when text lines and rulings are level.

    >>> page = np.zeros((400, 600), np.uint8)
    >>> for y in range(60, 360, 30): page[y:y + 8, 50:550] = 255
    >>> level = estimate_skew(page)
    >>> abs(level) < 0.1
    True
    >>> tilted = rotate(255 - page, 1.5, fill=255)
    >>> round(estimate_skew(255 - tilted), 1)
    1.5
    """
    h, w = binary.shape
    scale = min(1.0, SKEW_WIDTH / max(w, 1))
    small = binary
    if scale < 1.0:
        small = np.asarray(cv2.resize(binary, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA))
    if not small.any():
        return 0.0
    # The coarse pass (0.5° steps, half the search's turns) on an image half as wide: a half
    # degree still moves a line end by several of its pixels; the finer passes on ``small``.
    half = (max(small.shape[1] // 2, 1), max(small.shape[0] // 2, 1))
    coarse = np.asarray(cv2.resize(small, half, interpolation=cv2.INTER_AREA), np.uint8)
    best, step = 0.0, 0.5
    candidates = np.arange(-max_skew, max_skew + 1e-9, step)
    while True:
        # Nearest the current best first, so that ties (angles too small to move a pixel) keep it.
        ordered = sorted((float(a) for a in candidates), key=lambda a: abs(a - best))
        image = coarse if step == 0.5 else small
        scores = [_profile_score(image, a) for a in ordered]
        best = ordered[int(np.argmax(scores))]
        if step <= 0.05:
            break
        span, step = step, step / 5
        candidates = np.arange(best - span, best + span + 1e-9, step)
    return round(-best, 2)


def clean_page(gray: Gray, rotation: int = 0, flattened: bool = False) -> Cleaned:
    """Flatten (unless ``flattened`` says it was), make upright (``rotation`` degrees clockwise,
    from orientation detection), deskew, and take a round stamp's rings off
    (:func:`extractors.ocr.stamps.lift_stamps`)."""
    flat = gray if flattened else flatten_background(gray)
    if rotation:
        flat = quarter_turn(flat, rotation // 90)
    binary = binarise_page(flat)
    skew = estimate_skew(binary)
    if abs(skew) >= MIN_SKEW:
        flat = rotate(flat, -skew)
        binary = binarise_page(flat)
    from extractors.ocr.stamps import lift_stamps

    flat, binary, _stamps = lift_stamps(flat, binary)  # a round stamp's rings are no print
    ink = float(np.count_nonzero(binary)) / binary.size if binary.size else 0.0
    return Cleaned(flat, binary, skew, rotation, ink)
