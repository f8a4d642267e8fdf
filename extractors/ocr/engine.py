"""Tesseract, through tesserocr: Thai text with word boxes and confidences, digits, orientation.

One :class:`OcrEngine` per process holds three Tesseract instances, made on first use and reused
for every page: ``tha+eng`` for text, the same model restricted to digits and number punctuation
for re-reading numbers, and ``osd`` for page orientation.  Tesseract runs single-threaded
(``OMP_THREAD_LIMIT=1``, set before the library loads): pages are read in parallel by processes,
which on two cores is several times faster than Tesseract's own threads.

The models are Debian's (``tesseract-ocr-tha``, ``tesseract-ocr-eng``, ``tesseract-ocr-osd``),
looked up in ``$TESSDATA_PREFIX`` and then in Debian's folders.  tesserocr's wheel brings its own
libtesseract 5, which reads them.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from extractors.ocr.fields import PERIOD_WHITELIST
from extractors.ocr.raster import Gray
from schemas import DocumentError

#: Where Debian installs the models (tesseract 5, then 4).
TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata")
TEXT_LANG = "tha+eng"
#: What a number cell may hold when re-read for digits only.
DIGIT_WHITELIST = "0123456789๐๑๒๓๔๕๖๗๘๙.,/-()"
#: OSD's orientation is used only above this confidence (Tesseract's own scale; ~2 is a usual cut).
MIN_ORIENTATION_CONFIDENCE = 2.0

#: An image darker than this on average is light text on a dark ground: it is read inverted.
DARK_MEAN = 110.0

PixelBox = tuple[int, int, int, int]


class OcrUnavailable(DocumentError):
    """Tesseract or its Thai model is missing."""


@dataclass(frozen=True)
class OcrSymbol:
    """One symbol as Tesseract read it (for Thai, a letter with its marks, or a single mark)."""

    text: str
    box: PixelBox  #: in the pixels of the image given to the engine
    confidence: float  #: 0..100, Tesseract's


@dataclass(frozen=True)
class OcrLine:
    symbols: tuple[OcrSymbol, ...]  #: in Tesseract's reading order
    box: PixelBox


def tessdata_dir() -> Path:
    """The folder holding ``tha.traineddata``; raises :class:`OcrUnavailable` with the fix."""
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS]
    for folder in candidates:
        if folder and (Path(folder) / "tha.traineddata").is_file():
            return Path(folder)
    raise OcrUnavailable(
        "tha.traineddata",
        "the Thai OCR model is not installed (apt-get install tesseract-ocr tesseract-ocr-tha, "
        "or set TESSDATA_PREFIX)",
    )


def _set_image(api: Any, gray: Gray) -> bytes:
    """Give ``gray`` to Tesseract as raw 8-bit rows (a PIL image goes through an encoded BMP
    first).  Tesseract does not copy the bytes: the caller keeps the returned object alive until
    recognition is done."""
    data = np.ascontiguousarray(gray, dtype=np.uint8).tobytes()
    height, width = gray.shape
    api.SetImageBytes(data, width, height, 1, width)
    return data


class OcrEngine:
    """Tesseract instances for one process.  Not thread-safe; use one per process."""

    def __init__(self, dpi: int) -> None:
        self.dpi = dpi
        self._apis: dict[str, Any] = {}
        _one_blas_thread()

    def _api(self, kind: str) -> Any:
        api = self._apis.get(kind)
        if api is not None:
            return api
        try:
            import tesserocr
        except ImportError as err:  # pragma: no cover - a broken install
            raise OcrUnavailable("tesserocr", f"tesserocr cannot be imported ({err})") from err
        path = str(tessdata_dir()) + "/"
        if kind == "osd":
            api = tesserocr.PyTessBaseAPI(path=path, lang="osd", psm=tesserocr.PSM.OSD_ONLY)
        else:
            psm = tesserocr.PSM.SINGLE_BLOCK if kind != "page" else tesserocr.PSM.AUTO
            lang = "tha" if kind in ("thai", "period") else TEXT_LANG
            api = tesserocr.PyTessBaseAPI(path=path, lang=lang, psm=psm, oem=tesserocr.OEM.LSTM_ONLY)
            # Tesseract 5 reads every line it is unsure of a second time, inverted, in case it is
            # light text on a dark ground: a quarter of its time on the samples' cells.  Pages
            # and cells reach it binarised, dark on light; a dark crop is inverted in ``read``.
            api.SetVariable("tessedit_do_invert", "0")
            if kind == "period":
                api.SetVariable("tessedit_char_whitelist", PERIOD_WHITELIST)
            if kind == "digits":
                api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE)
                api.SetVariable("tessedit_char_whitelist", DIGIT_WHITELIST)
        self._apis[kind] = api
        return api

    def close(self) -> None:
        for api in self._apis.values():
            api.End()
        self._apis.clear()

    def orientation(self, gray: Gray) -> int:
        """Clockwise quarter turns (0–3) that make the page upright; 0 when OSD is not sure."""
        quarters, sure = self.orientation_confidence(gray)
        return quarters if sure else 0

    def orientation_confidence(self, gray: Gray) -> tuple[int, bool]:
        """OSD's clockwise quarter turns (0–3) and whether its confidence is high enough to act on."""
        api = self._api("osd")
        _kept = _set_image(api, gray)
        api.SetSourceResolution(self.dpi)
        try:
            found = api.DetectOrientationScript()
        except RuntimeError:
            return 0, False
        if not found:
            return 0, False
        quarters = int((360 - int(found["orient_deg"])) % 360 // 90)
        return quarters, found.get("orient_conf", 0.0) >= MIN_ORIENTATION_CONFIDENCE

    def read(
        self, gray: Gray, page: bool = False, thai_only: bool = False, period: bool = False
    ) -> list[OcrLine]:
        """Text lines of an image: a cell (one block) or, with ``page``, a whole page's layout;
        ``thai_only`` with the Thai model alone, ``period`` with it restricted to what a period
        may hold (:data:`extractors.ocr.fields.PERIOD_WHITELIST`).

        Symbols, not Tesseract's words: for Thai it calls every letter a word, so spaces are
        decided later from the gaps between symbols.
        """
        import tesserocr

        api = self._api("page" if page else "period" if period else "thai" if thai_only else "block")
        if gray.size and float(gray.mean()) < DARK_MEAN:  # light text on a dark ground
            gray = np.asarray(255 - gray, np.uint8)
        _kept = _set_image(api, gray)
        api.SetSourceResolution(self.dpi)
        api.Recognize()
        lines: list[OcrLine] = []
        it = api.GetIterator()
        if it is None:
            return lines
        level_line, level_symbol = tesserocr.RIL.TEXTLINE, tesserocr.RIL.SYMBOL
        symbols: list[OcrSymbol] = []
        while True:
            try:
                text = it.GetUTF8Text(level_symbol)
            except RuntimeError:  # an empty element: Tesseract raises instead of returning ""
                text = ""
            box = it.BoundingBox(level_symbol)
            if text and text.strip() and box is not None:
                symbols.append(OcrSymbol(text.strip(), _box(box), float(it.Confidence(level_symbol))))
            if it.IsAtFinalElement(level_line, level_symbol):
                if symbols:
                    lines.append(OcrLine(tuple(symbols), union_box([s.box for s in symbols])))
                symbols = []
            if not it.Next(level_symbol):
                break
        if symbols:
            lines.append(OcrLine(tuple(symbols), union_box([s.box for s in symbols])))
        return lines

    def read_digits(self, gray: Gray) -> tuple[str, float]:
        """One line read with digits and number punctuation only: its text and mean confidence."""
        api = self._api("digits")
        _kept = _set_image(api, gray)
        api.SetSourceResolution(self.dpi)
        text = (api.GetUTF8Text() or "").strip()
        confidences = api.AllWordConfidences() or [0]
        return text.replace(" ", ""), float(sum(confidences)) / len(confidences)


def _one_blas_thread() -> None:
    """Numpy's BLAS on one thread in this process, like Tesseract: the glyph reader's matrix
    product is small, and BLAS threads spinning against the other OCR processes made it 4× slower
    on two busy cores.  (Set once, before the product runs; a no-op without threadpoolctl.)"""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - an install without it
        return
    threadpool_limits(limits=1, user_api="blas")


def _box(box: tuple[int, ...]) -> PixelBox:
    return (int(box[0]), int(box[1]), int(box[2]), int(box[3]))


def union_box(boxes: Sequence[PixelBox]) -> PixelBox:
    """The smallest pixel box holding all of ``boxes``."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
