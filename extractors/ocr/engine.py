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
import re

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
#: The letters of the ITA levels (AA, A, B, C, D, E, F), what a level letter is read again with.
LEVEL_WHITELIST = "ABCDEF"
#: OSD's orientation is used only above this confidence (Tesseract's own scale; ~2 is a usual cut).
MIN_ORIENTATION_CONFIDENCE = 2.0

#: An image darker than this on average is light text on a dark ground: it is read inverted.
DARK_MEAN = 110.0

#: Text read with the Thai model and only unsure words again with the English one (see
#: :meth:`OcrEngine.read`).  Off (every line with ``tha+eng``, as before): on the scanned samples
#: it cut the OCR's CPU time by 15% and read Thai digits, ``พ.ศ.`` and months right where ``tha+eng``
#: wrote ``lo.``, ``WA.``, ``A.A.``, but lost short Latin cells (``AA``, ``EIT``, ``OIT``) and
#: lowered document fields on the scan200 twins (wangphai 88% to 75%): the choice between the two
#: readings of a word needs more than confidences before it can be on.
LATIN_ON_DEMAND = False
#: A word the Thai model reads below this confidence (0..100) may be Latin text ...
LATIN_UNSURE = 70.0
#: ... and the English model's reading replaces it when every word of it is at least this sure,
#: and this much surer than the Thai model was.
LATIN_SURE = 70.0
LATIN_LEAD = 20.0
#: Not in lines of this many words or more whose mean symbol confidence is below this (noise the
#: page reader drops: :data:`extractors.ocr.page.MIN_LINE_CONFIDENCE`); a short line of Latin
#: text (``AA``, ``EIT``) is unsure as a whole to the Thai model.
NOISE_WORDS = 4
LATIN_LINE_FLOOR = 55.0
#: White border around a run of words read again.
LATIN_PAD = 10

PixelBox = tuple[int, int, int, int]

_LATIN_WORD = re.compile(r"[A-Za-z]+")


class OcrUnavailable(DocumentError):
    """Tesseract or its Thai model is missing."""


@dataclass(frozen=True)
class OcrSymbol:
    """One symbol as Tesseract read it (for Thai, a letter with its marks, or a single mark)."""

    text: str
    box: PixelBox  #: in the pixels of the image given to the engine
    confidence: float  #: 0..100, Tesseract's


@dataclass(frozen=True)
class OcrWord:
    """One of Tesseract's words: its symbols and Tesseract's confidence in the word."""

    symbols: tuple[OcrSymbol, ...]
    confidence: float


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
            lang = "tha" if kind in ("thai", "period") else "eng" if kind in ("latin", "level") else TEXT_LANG
            if LATIN_ON_DEMAND and kind in ("page", "block"):
                lang = "tha"
            api = tesserocr.PyTessBaseAPI(path=path, lang=lang, psm=psm, oem=tesserocr.OEM.LSTM_ONLY)
            # Tesseract 5 reads every line it is unsure of a second time, inverted, in case it is
            # light text on a dark ground: a quarter of its time on the samples' cells.  Pages
            # and cells reach it binarised, dark on light; a dark crop is inverted in ``read``.
            api.SetVariable("tessedit_do_invert", "0")
            if kind == "period":
                api.SetVariable("tessedit_char_whitelist", PERIOD_WHITELIST)
            if kind == "latin":
                api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE)
            if kind == "digits":
                api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE)
                api.SetVariable("tessedit_char_whitelist", DIGIT_WHITELIST)
            if kind == "level":
                api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE)
                api.SetVariable("tessedit_char_whitelist", LEVEL_WHITELIST)
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

        With :data:`LATIN_ON_DEMAND`, text is read with the Thai model alone (it has Thai and
        Arabic digits and punctuation, no Latin letter), and only its unsure words are read again
        with the English model (:meth:`_with_latin`): ``tha+eng`` runs both models on nearly every
        line (a Thai line is never a dictionary word to Tesseract), 40% more time, and its English
        model wins Thai digits and month abbreviations (``lo.`` for ``๒.``, ``A.A.`` for ``ต.ค.``).

        Symbols, not Tesseract's words: for Thai it calls every letter a word, so spaces are
        decided later from the gaps between symbols.
        """
        kind = "page" if page else "period" if period else "thai" if thai_only else "block"
        if gray.size and float(gray.mean()) < DARK_MEAN:  # light text on a dark ground
            gray = np.asarray(255 - gray, np.uint8)
        words = self._recognize(self._api(kind), gray)
        if LATIN_ON_DEMAND and kind in ("page", "block"):
            words = [self._with_latin(gray, line) for line in words]
        lines: list[OcrLine] = []
        for line in words:
            symbols = tuple(s for word in line for s in word.symbols)
            if symbols:
                lines.append(OcrLine(symbols, union_box([s.box for s in symbols])))
        return lines

    def _recognize(self, api: Any, gray: Gray) -> list[list[OcrWord]]:
        """Tesseract's lines of words (each with its symbols) for ``gray``."""
        import tesserocr

        _kept = _set_image(api, gray)
        api.SetSourceResolution(self.dpi)
        api.Recognize()
        lines: list[list[OcrWord]] = []
        it = api.GetIterator()
        if it is None:
            return lines
        level_line, level_word, level_symbol = (
            tesserocr.RIL.TEXTLINE,
            tesserocr.RIL.WORD,
            tesserocr.RIL.SYMBOL,
        )
        line: list[OcrWord] = []
        symbols: list[OcrSymbol] = []
        word_conf = 0.0
        # A tenth of the reading's time went to these calls, several per symbol: a symbol begins a
        # word when the one before ended one, and only a word's last symbol can end a line (the
        # next line's first symbol begins a word), so each is asked once.
        begins_word = True
        while True:
            if begins_word:
                word_conf = float(it.Confidence(level_word))
            try:
                text = it.GetUTF8Text(level_symbol).strip()
            except RuntimeError:  # an empty element: Tesseract raises instead of returning ""
                text = ""
            if text:
                box = it.BoundingBox(level_symbol)
                if box is not None:
                    symbols.append(OcrSymbol(text, _box(box), float(it.Confidence(level_symbol))))
            begins_word = it.IsAtFinalElement(level_word, level_symbol)
            last_in_line = begins_word and it.IsAtFinalElement(level_line, level_symbol)
            if begins_word and symbols:
                line.append(OcrWord(tuple(symbols), word_conf))
                symbols = []
            if last_in_line and line:
                lines.append(line)
                line = []
            if not it.Next(level_symbol):
                break
        if symbols:
            line.append(OcrWord(tuple(symbols), word_conf))
        if line:
            lines.append(line)
        return lines

    def _with_latin(self, gray: Gray, line: list[OcrWord]) -> list[OcrWord]:
        """``line`` (read by the Thai model) with each run of unsure words (below
        :data:`LATIN_UNSURE`) read again with the English model alone, in a line that is text (mean
        confidence at least :data:`LATIN_LINE_FLOOR`); the English reading replaces the run when it
        is sure (:data:`LATIN_SURE`) and is words, not marks read as letters (:func:`latin_words`)."""
        confs = [s.confidence for w in line for s in w.symbols]
        if len(line) >= NOISE_WORDS and sum(confs) / len(confs) < LATIN_LINE_FLOOR:
            return line
        out: list[OcrWord] = []
        run: list[OcrWord] = []
        for word in [*line, None]:
            if word is not None and word.confidence < LATIN_UNSURE:
                run.append(word)
                continue
            if run:
                out.extend(self._reread_latin(gray, run))
                run = []
            if word is not None:
                out.append(word)
        return out

    def _reread_latin(self, gray: Gray, run: list[OcrWord]) -> list[OcrWord]:
        box = union_box([s.box for w in run for s in w.symbols])
        h, w = gray.shape
        pad = max((box[3] - box[1]) // 4, 3)
        x0, y0 = max(box[0] - pad, 0), max(box[1] - pad, 0)
        x1, y1 = min(box[2] + pad, w), min(box[3] + pad, h)
        crop = np.full((y1 - y0 + 2 * LATIN_PAD, x1 - x0 + 2 * LATIN_PAD), 255, np.uint8)
        crop[LATIN_PAD:-LATIN_PAD, LATIN_PAD:-LATIN_PAD] = gray[y0:y1, x0:x1]
        again = [word for line in self._recognize(self._api("latin"), crop) for word in line]
        if not again:
            return run
        text = " ".join("".join(s.text for s in word.symbols) for word in again)
        before = sum(word.confidence for word in run) / len(run)
        after = min(word.confidence for word in again)
        if after < LATIN_SURE or after < before + LATIN_LEAD or not latin_words(text):
            return run
        dx, dy = x0 - LATIN_PAD, y0 - LATIN_PAD
        return [
            OcrWord(
                tuple(OcrSymbol(s.text, _shift(s.box, dx, dy), s.confidence) for s in word.symbols),
                word.confidence,
            )
            for word in again
        ]

    def read_digits(self, gray: Gray) -> tuple[str, float]:
        """One line read with digits and number punctuation only: its text and mean confidence."""
        return self._one_line("digits", gray)

    def read_level(self, gray: Gray) -> tuple[str, float]:
        """One word read with the English model restricted to the level letters: its text and mean
        confidence.  The Thai model takes a ``C`` for ``๐``, an ``E`` for ``5``; the English
        model alone reads the letter."""
        return self._one_line("level", gray)

    def _one_line(self, kind: str, gray: Gray) -> tuple[str, float]:
        """One line read with the API of ``kind``: its text without spaces, and mean confidence."""
        api = self._api(kind)
        _kept = _set_image(api, gray)
        api.SetSourceResolution(self.dpi)
        text = (api.GetUTF8Text() or "").strip()
        confidences = api.AllWordConfidences() or [0]
        return text.replace(" ", ""), float(sum(confidences)) / len(confidences)


def _one_blas_thread() -> None:
    """Numpy's BLAS on one thread in this process, like Tesseract: the glyph reader's matrix
    product is small, and BLAS threads spinning against the other OCR processes made it 4× slower
    on two busy cores.  (Set once, before the product runs; a no-op without threadpoolctl.)
    OpenCV's threads are set where the OCR processes are forked
    (:func:`extractors.ocr.pages.one_opencv_thread`), never in a forked child."""
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


def _shift(box: PixelBox, dx: int, dy: int) -> PixelBox:
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)


def latin_words(text: str) -> bool:
    """Whether the English model's reading is Latin words, not Thai marks and strokes read as
    letters: a run of three letters or more, or of two capitals (``AA``, ``IT``).

    >>> latin_words("(EIT)"), latin_words("Facebook"), latin_words("AA"), latin_words("E-mail")
    (True, True, True, True)
    >>> latin_words("al"), latin_words("a ao"), latin_words("4,")
    (False, False, False)
    """
    return any(len(w) >= 3 or (len(w) == 2 and w.isupper()) for w in _LATIN_WORD.findall(text))
