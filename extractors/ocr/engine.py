"""Tesseract, through tesserocr: Thai text with word boxes and confidences, digits, orientation.

One :class:`OcrEngine` per process holds Tesseract instances, made on first use and reused for
every page: the Thai model for text (with the English one for the chunks of a line that may be
Latin, :data:`LATIN_ON_DEMAND`), models restricted to digits, period text or level letters for
second readings, and ``osd`` for page orientation.  Tesseract runs single-threaded
(``OMP_THREAD_LIMIT=1``, set before the library loads): pages are read in parallel by processes,
which on two cores is several times faster than Tesseract's own threads.

The models are Debian's (``tesseract-ocr-tha``, ``tesseract-ocr-eng``, ``tesseract-ocr-osd``),
looked up in ``$TESSDATA_PREFIX`` and then in Debian's folders.  tesserocr's wheel brings its own
libtesseract 5, which reads them.
"""

from __future__ import annotations

import itertools
import os
import re

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from extractors.ita.vocabulary import INDICATORS
from extractors.ocr.fields import PERIOD_WHITELIST
from extractors.ocr.raster import Gray
from extractors.ocr.text import ABBREVIATION_PART
from extractors.thai.text import compose_sara_am
from extractors.thai.words import is_word, tokenize
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

#: Tesseract's line finder builds its rows from the ink's pieces at least ``textord_max_noise_size``
#: pixels tall (7 unless told) and hangs the smaller ones on them after.  A Thai line's marks
#: above (``ี ่ ้ ็``, 7–9 pixels at 200 dpi) pass that size, and on a page deskewed level they line
#: up into a row of their own: read as a line of junk (``fae a  ม``) that the page reader drops,
#: with the marks gone from the line below (``ประเดินทีจําเป็น`` for ``ประเด็นที่จําเป็น``), or with
#: the line below lost too.  The size is set per image to this share of its pieces' median height
#: (a letter's), never below Tesseract's own.
NOISE_SHARE = 0.5
TESSERACT_NOISE_SIZE = 7

#: Text read with the Thai model, and only the chunks of it that may be Latin read again with the
#: English one (see :meth:`OcrEngine.read`), instead of ``tha+eng`` on every line: ``tha+eng`` runs
#: both models on nearly every Thai line (40% more time) and its English model wins Thai digits
#: and abbreviations (``lo.`` for ``๒.``, ``A.A.`` for ``ต.ค.``, ``W.A.`` for ``พ.ศ.``).  Which
#: chunks may be Latin, and when the English reading is taken, is decided from what the Thai
#: reading is (:func:`thai_reading`: Thai orthography, dictionary words, one script of digits) and
#: what the English one is (:func:`english_wins`), not from confidences alone: the Thai model is
#: sure of ``ขา`` for ``EIT`` and of ``เท`` for ``IIT``.  Off for now: on, the OCR cost 1.36× plain
#: page-level Tesseract against 1.45× (median, same load), and the debug draw's scan twins gained
#: (indicator scores 180/210 to 190/200, document fields 145 to 146/160, rows and periods equal),
#: but a fresh draw's lost a little (scores 182 to 180/210, fields 152 to 151, rows 156 to 155/161)
#: and the scanned samples three document fields (an English title part, a level, an overall score).
#: Since, Latin text beside or between Latin words the English reading won is taken whole, and a
#: lone glyph read apart: the samples lose only the overall score (``ซ .๕๕`` for ``๗๗.๘๘``), but a
#: fresh draw (199) lost more (scores 194/200 to 184/210, document fields 151 to 146/160).
LATIN_ON_DEMAND = False
#: A chunk the Thai model reads below this confidence (0..100) may be Latin text ...
LATIN_UNSURE = 70.0
#: ... and the English model's reading replaces it only when every word of it is at least this
#: sure; this much surer than the Thai model is enough on its own (:func:`english_wins`).
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
        #: The last cell read with the Thai model first, and its Thai reading: the page reader may
        #: ask for the same crop as Thai only next (:meth:`read`).
        self._last_block: tuple[Gray, list[list[OcrWord]], list[PixelBox]] | None = None
        _one_blas_thread()

    def _api(self, kind: str) -> Any:
        api = self._apis.get(kind)
        if api is not None:
            return api
        if LATIN_ON_DEMAND and kind == "block":  # a cell read Thai first: the Thai model's instance
            api = self._apis[kind] = self._api("thai")
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
            if LATIN_ON_DEMAND and kind == "page":
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
        for api in {id(api): api for api in self._apis.values()}.values():  # one instance may serve two kinds
            api.End()
        self._apis.clear()
        self._last_block = None

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
        Arabic digits and punctuation, no Latin letter), and only the chunks of a line that may be
        Latin are read again with the English model (:meth:`_with_latin`): ``tha+eng`` runs both
        models on nearly every line (a Thai line is never a dictionary word to Tesseract), 40% more
        time, and its English model wins Thai digits and month abbreviations (``lo.`` for ``๒.``,
        ``A.A.`` for ``ต.ค.``).  A cell read again as Thai only right after (the page reader's
        check of a cell it finds mostly Latin) reuses the Thai model's reading of it.

        Symbols, not Tesseract's words: for Thai it calls every letter a word, so spaces are
        decided later from the gaps between symbols.
        """
        kind = "page" if page else "period" if period else "thai" if thai_only else "block"
        if gray.size and float(gray.mean()) < DARK_MEAN:  # light text on a dark ground
            gray = np.asarray(255 - gray, np.uint8)
        last = self._last_block
        boxes: list[PixelBox] = []
        if LATIN_ON_DEMAND and kind == "thai" and last is not None and np.array_equal(last[0], gray):
            words, boxes = last[1], last[2]  # a cell read again as Thai only: read so just now
        else:
            words = self._recognize(self._api(kind), gray, boxes)
        if LATIN_ON_DEMAND and kind == "block":
            self._last_block = (gray, words, boxes)
        if LATIN_ON_DEMAND and kind in ("page", "block"):
            words = [self._with_latin(gray, line, box) for line, box in zip(words, boxes, strict=True)]
        lines: list[OcrLine] = []
        for line in words:
            symbols = tuple(s for word in line for s in word.symbols)
            if symbols:
                lines.append(OcrLine(symbols, union_box([s.box for s in symbols])))
        return lines

    def _recognize(
        self, api: Any, gray: Gray, line_boxes: list[PixelBox] | None = None
    ) -> list[list[OcrWord]]:
        """Tesseract's lines of words (each with its symbols) for ``gray``; with ``line_boxes``,
        each line's box as Tesseract's layout found it (its ink, read or not) is added to it."""
        import tesserocr

        _kept = _set_image(api, gray)
        api.SetSourceResolution(self.dpi)
        api.SetVariable("textord_max_noise_size", str(noise_size(gray)))
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
            if line_boxes is not None and not line and not symbols:
                found = it.BoundingBox(level_line)
                line_box = _box(found) if found is not None else (0, 0, 0, 0)
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
                if line_boxes is not None:
                    line_boxes.append(line_box)
            if not it.Next(level_symbol):
                break
        if symbols:
            line.append(OcrWord(tuple(symbols), word_conf))
        if line:
            lines.append(line)
            if line_boxes is not None:
                line_boxes.append(line_box)
        return lines

    def _with_latin(self, gray: Gray, line: list[OcrWord], line_box: PixelBox | None = None) -> list[OcrWord]:
        """``line`` (read by the Thai model) with its doubtful chunks (:func:`word_chunks` cut by
        :func:`split_unsure`; :func:`doubtful_chunks`: not Thai a reader would write, or unsure)
        read again with the English model alone, in one reading of the span they cover; each
        chunk's English words replace it when :func:`english_wins` (the English reading is Latin
        words and sure, and the Thai one was not Thai or less sure).  Not in a noisy line
        (:data:`NOISE_WORDS`, :data:`LATIN_LINE_FLOOR`)."""
        confs = [s.confidence for w in line for s in w.symbols]
        if not confs or (len(line) >= NOISE_WORDS and sum(confs) / len(confs) < LATIN_LINE_FLOOR):
            return line
        ends = unread_ends(line, line_box)
        line = [*(w for w in ends if w.symbols[0].box[2] < line[0].symbols[0].box[0]), *line]
        line += [w for w in ends if w not in line]
        pieces = split_unsure(word_chunks(line))
        chunks = [chunk for chunk, _whole in pieces]
        doubtful = doubtful_chunks(pieces)
        if not doubtful:
            return [w for w in line if any(s.text for s in w.symbols)]
        texts = [chunk_text(c) for c in chunks]
        # A digit or two beside a doubtful chunk is read with it (``11`` ``4`` for ``ITA``).
        # ... and so is a bar, the Thai model's ``I`` (``|`` ``7)`` for ``ITA)``).
        near = {j for i in doubtful for j in (i - 1, i + 1) if 0 <= j < len(chunks) and texts[i]}
        near = {j for j in near if (texts[j].isdigit() and len(texts[j]) <= 2) or set(texts[j]) == {"|"}}
        doubtful = sorted({*doubtful, *near})
        runs: list[list[int]] = []
        for i in doubtful:
            # ink the Thai model read nothing of is read on its own (``บ D`` together is ``wD``), and
            # so is a lone glyph beside words (:func:`read_apart`)
            if runs and runs[-1][-1] == i - 1 and not read_apart(texts[i - 1], texts[i]):
                runs[-1].append(i)
            else:
                runs.append([i])
        replaced: dict[int, list[OcrWord]] = {}  # by the index of a chunk's first word
        first = [sum(len(c) for c in chunks[:i]) for i in range(len(chunks))]
        latin: set[int] = set()  # chunks the English reading's Latin words replaced
        for run in runs:
            english = self._read_latin(gray, [w for i in run for w in chunks[i]])
            groups = latin_groups([chunks[i] for i in run], english)
            won = [
                bool(mine) and english_wins(_words(group, run, chunks), mine, _whole(group, run, pieces))
                for group, mine in groups
            ]
            # A chunk no Thai reader writes beside one the English reading won, itself read as sure
            # Latin words, is part of the same Latin text (``and`` between ``(Integrity`` and
            # ``Transparency``: the Thai model was sure of ``ลทส์``, nearly as sure as the English).
            beside = [any(won[max(g - 1, 0) : g + 2]) for g in range(len(won))]
            won = [
                w or (beside[g] and latin_neighbour(_words(group, run, chunks), mine))
                for g, (w, (group, mine)) in enumerate(zip(won, groups, strict=True))
            ]
            for (group, mine), takes in zip(groups, won, strict=True):
                thai = _words(group, run, chunks)
                if takes:
                    start = first[run[group[0]]]
                    replaced |= {start + k: [] for k in range(len(thai))} | {start: mine}
                    if latin_words(words_text(mine)):
                        latin |= {run[k] for k in group}
                    continue
                # Not as a whole (a Thai word read with it as junk: ``ระดับ AA`` as ``x20) AA``):
                # each sure English word over the Thai words it covers.
                for word, covered in latin_words_over(thai, mine):
                    if english_wins([thai[k] for k in covered], [word], whole=False):
                        start = first[run[group[0]]]
                        replaced |= {start + k: [] for k in covered} | {start + covered[0]: [word]}
        for run in latin_gaps(chunks, sorted(latin), {i for i in range(len(chunks)) if first[i] in replaced}):
            english = self._read_latin(gray, [w for i in run for w in chunks[i]])
            for group, mine in latin_groups([chunks[i] for i in run], english):
                thai = _words(group, run, chunks)
                if mine and latin_between(thai, mine):
                    start = first[run[group[0]]]
                    replaced |= {start + k: [] for k in range(len(thai))} | {start: mine}
        # A chunk no Thai reads that the English model did not read either keeps the Thai model's
        # doubt in its word as its symbols' (``๓7`` of a speck: its word 3 of 100, its ``7`` 70).
        for i in doubtful:
            if thai_reading(texts[i]) == "foreign" and first[i] not in replaced:
                for k, word in enumerate(chunks[i]):
                    replaced[first[i] + k] = [_doubted(word)]
        kept = [w for i, word in enumerate(line) for w in replaced.get(i, [word])]
        return [w for w in kept if any(s.text for s in w.symbols)]  # unread ink no reading took

    def _read_latin(self, gray: Gray, run: list[OcrWord]) -> list[OcrWord]:
        """The words of the English model's reading of the span of ``run``, in ``gray``'s pixels."""
        box = union_box([s.box for w in run for s in w.symbols])
        h, w = gray.shape
        pad = max((box[3] - box[1]) // 4, 3)
        side = pad if chunk_text(run) else 0  # unread ink: not the letters read beside it
        x0, y0 = max(box[0] - side, 0), max(box[1] - pad, 0)
        x1, y1 = min(box[2] + side, w), min(box[3] + pad, h)
        crop = np.full((y1 - y0 + 2 * LATIN_PAD, x1 - x0 + 2 * LATIN_PAD), 255, np.uint8)
        crop[LATIN_PAD:-LATIN_PAD, LATIN_PAD:-LATIN_PAD] = gray[y0:y1, x0:x1]
        dx, dy = x0 - LATIN_PAD, y0 - LATIN_PAD
        # A symbol's box is kept within the rows of the ink read again: the English model's boxes
        # may take in the white margin above and below (``e`` 60 px tall in a 35 px line), and a
        # taller line parts its words by a wider gap (``IntegrityandTransparency``).
        return [
            OcrWord(
                tuple(
                    OcrSymbol(s.text, _within(_shift(s.box, dx, dy), box[1], box[3]), s.confidence)
                    for s in word.symbols
                ),
                word.confidence,
            )
            for line in self._recognize(self._api("latin"), crop)
            for word in line
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


def noise_size(gray: Gray) -> int:
    """The height (pixels) below which Tesseract's line finder is to take a piece of ink for a
    mark or a speck, not a letter to build a line on: :data:`NOISE_SHARE` of the median height of
    the dark pieces of ``gray`` (:data:`TESSERACT_NOISE_SIZE` at least, and when there is no ink).

    >>> page = np.full((60, 200), 255, np.uint8)
    >>> for x in range(10, 190, 12): page[30:50, x : x + 8] = 0   # letters 20 pixels tall
    >>> page[10:18, 40:48] = 0                                       # a mark 8 pixels tall
    >>> noise_size(page), noise_size(np.full((20, 20), 255, np.uint8))
    (10, 7)
    """
    import cv2

    ink = np.asarray(gray < 128, np.uint8)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return TESSERACT_NOISE_SIZE
    median = float(np.median(stats[1:, cv2.CC_STAT_HEIGHT]))
    return max(TESSERACT_NOISE_SIZE, int(NOISE_SHARE * median + 0.5))


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


def _words(group: Sequence[int], run: Sequence[int], chunks: Sequence[Sequence[OcrWord]]) -> list[OcrWord]:
    """The Thai words of a group of a run's chunks (:func:`latin_groups`)."""
    return [w for k in group for w in chunks[run[k]]]


def _whole(
    group: Sequence[int], run: Sequence[int], pieces: Sequence[tuple[Sequence[OcrWord], bool]]
) -> bool:
    """Whether every chunk of a group of a run is a whole chunk between spaces."""
    return all(pieces[run[k]][1] for k in group)


def read_apart(left: str, right: str) -> bool:
    """Whether two neighbouring doubtful chunks (their Thai readings) are read again apart: ink the
    Thai model read nothing of (``บ D`` read together is ``wD``), and a lone glyph beside a chunk of
    no digit (``ค`` for a level ``A`` read with ``หรือ`` beside it: the English model made one junk
    sentence of both, ``‘A wi``, unsure); a lone glyph beside digits may be a digit of theirs
    (``ซ`` ``.๕๕`` for ``๗๗.๘๘``) and is read with them.

    >>> read_apart("ค", "หรือ"), read_apart("ซ", ".๕๕"), read_apart("", "ระดับ"), read_apart("โค", "ดี")
    (True, False, True, False)
    """
    if not left or not right:
        return True
    lone = any(len(t) == 1 and _LETTER_OR_DIGIT.match(t) for t in (left, right))
    return lone and not any(c.isdigit() for c in left + right)


def latin_neighbour(thai: Sequence[OcrWord], english: Sequence[OcrWord]) -> bool:
    """Whether the English words over a chunk beside Latin text the English reading won are taken
    though they lead the Thai reading by less than :data:`LATIN_LEAD`: the Thai reading is no
    dictionary Thai (:func:`thai_reading`: ``"odd"`` or ``"foreign"``) and the English one is sure
    Latin words (:func:`latin_words`), at least as sure as the Thai one.

    >>> word = lambda t, c: OcrWord((OcrSymbol(t, (0, 0, 10, 20), c),), c)
    >>> latin_neighbour([word("ลทส์", 84)], [word("and", 97)])
    True
    >>> latin_neighbour([word("ระดับ", 93)], [word("szau", 95)])
    False
    >>> latin_neighbour([word("ลทส์", 84)], [word("an", 97)])
    False
    """
    if not english:
        return False
    text = words_text(english)
    sure = min(w.confidence for w in english)
    before = sum(w.confidence for w in thai) / len(thai)
    kind = thai_reading(chunk_text(thai))
    return kind in ("odd", "foreign") and latin_words(text) and sure >= max(LATIN_SURE, before)


def latin_gaps(
    chunks: Sequence[Sequence[OcrWord]], latin: Sequence[int], replaced: set[int]
) -> list[list[int]]:
    """The chunks between two chunks of a line the English reading's Latin words replaced
    (``latin``, in order), where none between was replaced and some hold Thai letters:
    Latin text the Thai model made Thai-looking words of between two it could not (``(Integrity
    and โหลทรลหอท๕ ... ITA)`` for ``Transparency Assessment``), read again as one.

    >>> word = lambda t: [OcrWord((OcrSymbol(t, (0, 0, 10, 20), 90),), 90)]
    >>> chunks = [word("ITA"), word("โหลท"), word(":"), word("AA"), word("๒๕๖๖"), word("EIT")]
    >>> latin_gaps(chunks, [0, 3, 5], {0, 3, 5}), latin_gaps(chunks, [0, 3], {0, 1, 3})
    ([[1, 2]], [])
    """
    gaps = []
    for a, b in itertools.pairwise(latin):
        between = list(range(a + 1, b))
        texts = [chunk_text(chunks[i]) for i in between]
        if between and not any(i in replaced for i in between) and any(_THAI_LETTER.search(t) for t in texts):
            gaps.append(between)
    return gaps


def latin_between(thai: Sequence[OcrWord], english: Sequence[OcrWord]) -> bool:
    """Whether the English words over chunks between two of Latin text (:func:`latin_gaps`) are
    taken: they are sure Latin words (:func:`latin_words`, every word :data:`LATIN_SURE`), at least
    as sure as the Thai reading, which is no number.

    >>> word = lambda t, c: OcrWord((OcrSymbol(t, (0, 0, 10, 20), c),), c)
    >>> latin_between([word("โหลทรลหอท๕", 90)], [word("Transparency", 97)])
    True
    >>> latin_between([word("ของ", 96)], [word("vos", 80)])
    False
    >>> latin_between([word("๒๕", 60)], [word("Ice", 90)])
    False
    """
    text = words_text(english)
    sure = min(w.confidence for w in english)
    before = sum(w.confidence for w in thai) / len(thai)
    kind = thai_reading(chunk_text(thai))
    return kind != "number" and latin_words(text) and sure >= max(LATIN_SURE, before)


def _doubted(word: OcrWord) -> OcrWord:
    """``word`` with no symbol surer than the word is."""
    symbols = tuple(OcrSymbol(s.text, s.box, min(s.confidence, word.confidence)) for s in word.symbols)
    return OcrWord(symbols, word.confidence)


def _within(box: PixelBox, top: int, bottom: int) -> PixelBox:
    """``box`` cut to the rows from ``top`` to ``bottom`` (unchanged where that would leave nothing).

    >>> _within((0, 5, 10, 60), 20, 50), _within((0, 5, 10, 15), 20, 50)
    ((0, 20, 10, 50), (0, 5, 10, 15))
    """
    y0, y1 = max(box[1], top), min(box[3], bottom)
    return (box[0], y0, box[2], y1) if y1 > y0 else box


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


#: Two of the Thai model's words are one chunk of text unless the gap between them is at least this
#: share of the line's median symbol height (a space is a third of an em or more; the gap between
#: the letters of a word, a tenth).
SPACE_GAP = 0.4
#: A line with fewer Thai letters than this (a short cell: ``AA``, ``EIT``) is read again with
#: the English model whatever its Thai reading: the Thai model may make a short Thai word of a
#: Latin one (``ขา`` for ``EIT``), and there is no Thai around it to tell.
SHORT_LINE = 4
#: A word of this many Thai letters or fewer standing alone between spaces is read again with the
#: English model: the Thai model makes Thai words of Latin acronyms (``โค`` for ``ITA``).
SHORT_WORD = 3

_THAI_CLUSTER = (
    "[\u0e40-\u0e44]?[\u0e01-\u0e2e]\u0e3a?[\u0e31\u0e34-\u0e39\u0e47]?[\u0e48-\u0e4c]?\u0e4d?"
    "[\u0e30\u0e32\u0e33\u0e45]*"
)
_THAI_SHAPED = re.compile(f"(?:{_THAI_CLUSTER}|[\u0e2f\u0e46.])+")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_NUMBER = re.compile("[-+(]?(?:[0-9]+|[\u0e50-\u0e59]+)(?:[.,/:-](?:[0-9]+|[\u0e50-\u0e59]+))*[.,)%]?")
#: The digits the Thai model, which has no Latin letter, makes of ``I``, ``l``, ``T`` and ``O``.
_ONES_AND_NOUGHTS = re.compile("[01]+")
_DIGIT_RUN = re.compile("[0-9\u0e50-\u0e59][0-9\u0e50-\u0e59.,/:-]*")
_MIXED_DIGITS = re.compile("[0-9].*[\u0e50-\u0e59]|[\u0e50-\u0e59].*[0-9]")
_ABBREVIATION = re.compile(f"(?:{ABBREVIATION_PART}\\.){{1,3}}")
_STRONG_LATIN = re.compile(r"[A-Z]{2,}|www|http|@|\.(?:go|ac|or|co|in)\.th|\.com")
#: The assessment's own Latin words (its name, its instruments, its top level): a sure English
#: reading that is one of them is taken even where the Thai model was as sure (``โค`` for ``ITA``).
ITA_WORDS = frozenset({"ITA", "AA", *(name.instrument for name in INDICATORS)})
#: What begins no chunk: a mark or a following vowel belongs to the letter before it.
_CLUSTER_TAIL = re.compile("[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")
#: Something the Thai model may have made of a Latin letter: a Thai letter or a digit.
_LETTER_OR_DIGIT = re.compile("[\u0e01-\u0e2e\u0e50-\u0e590-9]")


def words_text(words: Sequence[OcrWord]) -> str:
    """The text of ``words``, one space between words (as the English model parts them)."""
    return " ".join("".join(s.text for s in w.symbols) for w in words)


def chunk_text(chunk: Sequence[OcrWord]) -> str:
    """The text of a chunk of words, sara am composed (Tesseract writes ``ำ`` as ``ํ`` + ``า``)."""
    return compose_sara_am("".join(s.text for w in chunk for s in w.symbols))


def word_chunks(line: Sequence[OcrWord]) -> list[list[OcrWord]]:
    """``line``'s words in chunks parted by spaces (a gap of :data:`SPACE_GAP` of the median
    symbol height): for Thai, Tesseract calls nearly every letter a word.

    >>> word = lambda x: OcrWord((OcrSymbol("ก", (x, 0, x + 10, 20), 90),), 90)
    >>> [len(c) for c in word_chunks([word(0), word(12), word(24), word(50), word(62)])]
    [3, 2]
    """
    heights = sorted(s.box[3] - s.box[1] for w in line for s in w.symbols)
    gap = SPACE_GAP * heights[len(heights) // 2] if heights else 0
    chunks: list[list[OcrWord]] = []
    end = None
    for word in line:
        box = union_box([s.box for s in word.symbols])
        text = "".join(s.text for s in word.symbols)
        unread = not text or not chunks or not chunk_text(chunks[-1])  # unread ink: a chunk alone
        if end is None or unread or (box[0] - end >= gap and not _CLUSTER_TAIL.match(text)):
            chunks.append([])
        chunks[-1].append(word)
        end = box[2] if end is None else max(end, box[2])
    return chunks


def unread_ends(line: Sequence[OcrWord], line_box: PixelBox | None) -> list[OcrWord]:
    """Ink of a line Tesseract's layout found beyond the symbols the Thai model read, at either
    end (``ระดับ D`` read as ``ระดับ``: the model has no ``D`` and wrote nothing), as words of one
    empty symbol over it, at least :data:`SPACE_GAP` of the line's height wide, for the English
    model to read.

    >>> word = OcrWord((OcrSymbol("บ", (100, 10, 120, 40), 90),), 90)
    >>> [w.symbols[0].box for w in unread_ends([word], (100, 5, 160, 42))]
    [(121, 5, 160, 42)]
    >>> unread_ends([word], (98, 5, 124, 42)), unread_ends([word], None)
    ([], [])
    """
    if line_box is None or not line:
        return []
    x0, _y0, x1, _y1 = union_box([s.box for w in line for s in w.symbols])
    wide = SPACE_GAP * (line_box[3] - line_box[1])
    found = []
    if x0 - line_box[0] >= wide:
        found.append(OcrWord((OcrSymbol("", (line_box[0], line_box[1], x0 - 1, line_box[3]), 0.0),), 0.0))
    if line_box[2] - x1 >= wide:
        found.append(OcrWord((OcrSymbol("", (x1 + 1, line_box[1], line_box[2], line_box[3]), 0.0),), 0.0))
    return found


def thai_reading(text: str) -> str:
    """What the Thai model's reading of a chunk is: ``"number"`` (digits of one script, with number
    punctuation), ``"thai"`` (Thai clusters a reader would write, mostly dictionary words, or an
    abbreviation such as ``พ.ศ.``), ``"odd"`` (Thai clusters, but few dictionary words: a name, a
    misread, or a Latin word the Thai model made Thai letters of) or ``"foreign"`` (no Thai a reader
    would write: a mark with no letter, Arabic digits amid Thai letters, ``|``, ``[``: how the Thai
    model, which has no Latin letter, writes Latin text).

    >>> [thai_reading(t) for t in ("๒๕๖๖", "85.50", "(๑)", "ประสิทธิภาพ", "พ.ศ.", "ต.ค.", "ภณ")]
    ['number', 'number', 'number', 'thai', 'thai', 'thai', 'odd']
    >>> [thai_reading(t) for t in ("๒5", "[1ค", "ะก", "1โ4", "|", "ึก", "ว|1")]
    ['foreign', 'foreign', 'foreign', 'foreign', 'foreign', 'foreign', 'foreign']
    >>> [thai_reading(t) for t in ("(นายวิรัตน์", "คำแก้ว)", "ปี2567รายตัวชี้วัด", "1โค", "ว11")]
    ['thai', 'thai', 'thai', 'thai', 'odd']
    """
    text = text.lstrip("(\"'“‘").rstrip(")\"'”’,;:")
    if _NUMBER.fullmatch(text) and not _MIXED_DIGITS.search(text):
        return "number"
    letters_only = _DIGIT_RUN.sub(" ", text).split()  # ``ปี2567ราย``: digits part Thai words
    digits = _DIGIT_RUN.findall(text)
    if not all(_THAI_SHAPED.fullmatch(t) for t in letters_only) or any(
        _MIXED_DIGITS.search(d) for d in digits
    ):
        return "foreign"
    if not letters_only:
        return "number"
    if all(_ABBREVIATION.fullmatch(t) for t in letters_only):
        return "thai"
    letters = len(_THAI_LETTER.findall(text))
    in_words = sum(
        len(_THAI_LETTER.findall(t))
        for part in letters_only
        for t in tokenize(part)
        if len(t) >= 2 and is_word(t)
    )
    return "thai" if letters and in_words * 2 >= letters else "odd"


def split_unsure(chunks: Sequence[Sequence[OcrWord]]) -> list[tuple[list[OcrWord], bool]]:
    """Each chunk with a run of sure words that is Thai text (dictionary words, :data:`SHORT_LINE`
    letters or more) cut where the Thai model's confidence crosses :data:`LATIN_UNSURE`: its unsure words are
    read again on their own, not with the sure Thai around them (``การประเมินอยู่ในระดับ D`` read as
    one English word is junk); with whether each piece is a whole chunk.

    >>> word = lambda t, x, c: OcrWord((OcrSymbol(t, (x, 0, x + 10, 20), c),), c)
    >>> thai = [word("ประเมินระดับ", 0, 95), word("ง", 12, 40)]
    >>> pieces = split_unsure([thai, [word("โ", 40, 91), word("ไโค้", 52, 57)]])
    >>> [(chunk_text(c), whole) for c, whole in pieces]
    [('ประเมินระดับ', False), ('ง', False), ('โไโค้', True)]
    """
    pieces: list[tuple[list[OcrWord], bool]] = []
    for chunk in chunks:
        runs: list[list[OcrWord]] = []
        for word in chunk:
            if runs and (word.confidence < LATIN_UNSURE) == (runs[-1][-1].confidence < LATIN_UNSURE):
                runs[-1].append(word)
            else:
                runs.append([word])
        sure = [chunk_text(run) for run in runs if run[0].confidence >= LATIN_UNSURE]
        if any(len(_THAI_LETTER.findall(t)) >= SHORT_LINE and thai_reading(t) == "thai" for t in sure):
            pieces += [(run, False) for run in runs]
        else:  # no Thai text around the unsure words: the whole chunk may be Latin (``โ`` ``ไโค้``)
            pieces.append((list(chunk), True))
    return pieces


def doubtful_chunks(chunks: Sequence[tuple[Sequence[OcrWord], bool]]) -> list[int]:
    """Indexes of the chunks (with whether each is a whole chunk between spaces) the English model
    reads again: those that are not Thai or a number (:func:`thai_reading`), or that the Thai model
    is unsure of (:data:`LATIN_UNSURE`; ``(170`` for ``(ITA)``); a short word standing alone between spaces
    (:data:`SHORT_WORD` Thai letters: ``โค`` for ``ITA``); in a short line (:data:`SHORT_LINE` Thai
    letters) every chunk but a number, and a lone Latin-looking digit (``1`` for ``E``, ``11`` for ``IIT``).

    >>> word = lambda t, x, c=90: ([OcrWord((OcrSymbol(t, (x, 0, x + 10, 20), c),), c)], True)
    >>> doubtful_chunks([word("ประเมินผล", 0), word("ภณ", 40), word("๒๕", 80), word("ดีมาก", 120, 40)])
    [1, 3]
    >>> doubtful_chunks([word("ขา", 0)]), doubtful_chunks([word("ขา", 0), word("๑", 40)])
    ([0], [0])
    >>> doubtful_chunks([word("ประสิทธิภาพ", 0), word("โค", 40), word("-", 80)])
    [1]
    """
    texts = [chunk_text(c) for c, _whole in chunks]
    short = sum(len(_THAI_LETTER.findall(t)) for t in texts) < SHORT_LINE
    found = []
    for i, ((chunk, whole), text) in enumerate(zip(chunks, texts, strict=True)):
        if not text:  # ink the Thai model read nothing of (:func:`unread_ends`)
            found.append(i)
            continue
        if not _LETTER_OR_DIGIT.search(text):  # punctuation alone (``-``, ``/``): no letter to mistake
            continue
        kind = thai_reading(text)
        unsure = min(w.confidence for w in chunk) < LATIN_UNSURE
        alone = whole and len(chunks) > 1 and 0 < len(_THAI_LETTER.findall(text)) <= SHORT_WORD
        latin_like = short and text.isascii() and (len(text) == 1 or bool(_ONES_AND_NOUGHTS.fullmatch(text)))
        if kind in ("odd", "foreign") or unsure or (kind != "number" and (short or alone)) or latin_like:
            found.append(i)
    return found


def latin_groups(
    chunks: Sequence[Sequence[OcrWord]], english: Sequence[OcrWord]
) -> list[tuple[list[int], list[OcrWord]]]:
    """The English words laid over the Thai chunks they cover (by their horizontal extent): groups
    of neighbouring chunks with the English words over them, a chunk no word covers on its own.

    >>> word = lambda t, x0, x1: OcrWord((OcrSymbol(t, (x0, 0, x1, 20), 90),), 90)
    >>> chunks = [[word("ว", 0, 10)], [word("ท", 14, 24)], [word("ก", 60, 70)]]
    >>> [(g, [w.symbols[0].text for w in e]) for g, e in latin_groups(chunks, [word("OIT", 0, 26)])]
    [([0, 1], ['OIT']), ([2], [])]
    """
    spans = [union_box([s.box for w in c for s in w.symbols]) for c in chunks]
    cover: list[list[OcrWord]] = [[] for _ in chunks]
    joined = [False] * len(chunks)  # chunk i joined to chunk i - 1 by an English word over both
    for word in english:
        box = union_box([s.box for s in word.symbols])
        over = [i for i, span in enumerate(spans) if min(box[2], span[2]) > max(box[0], span[0])]
        if not over:
            centre = (box[0] + box[2]) / 2
            over = [min(range(len(spans)), key=lambda i: abs((spans[i][0] + spans[i][2]) / 2 - centre))]
        cover[over[0]].append(word)
        for i in range(over[0] + 1, over[-1] + 1):
            joined[i] = True
    groups: list[tuple[list[int], list[OcrWord]]] = []
    for i in range(len(chunks)):
        if joined[i] and groups:
            groups[-1][0].append(i)
            groups[-1][1].extend(cover[i])
        else:
            groups.append(([i], list(cover[i])))
    return groups


def latin_words_over(thai: Sequence[OcrWord], english: Sequence[OcrWord]) -> list[tuple[OcrWord, list[int]]]:
    """Each English word that is Latin words (:func:`latin_words`) with the indexes of the Thai
    words it covers (more than half of a Thai word's width), where it covers any.

    >>> word = lambda t, x0, x1: OcrWord((OcrSymbol(t, (x0, 0, x1, 20), 90),), 90)
    >>> thai = [word("ร", 0, 10), word("บ", 12, 22), word("4“", 24, 60)]
    >>> [(w.symbols[0].text, k) for w, k in latin_words_over(thai, [word("x20)", 0, 20), word("AA", 21, 58)])]
    [('AA', [2])]
    """
    found = []
    for word in english:
        if not latin_words("".join(s.text for s in word.symbols)):
            continue
        box = union_box([s.box for s in word.symbols])
        covered = []
        for k, t in enumerate(thai):
            span = union_box([s.box for s in t.symbols])
            if 2 * (min(box[2], span[2]) - max(box[0], span[0])) > span[2] - span[0]:
                covered.append(k)
        if covered:
            found.append((word, covered))
    return found


def english_wins(thai: Sequence[OcrWord], english: Sequence[OcrWord], whole: bool = True) -> bool:
    """Whether the English model's reading of a chunk replaces the Thai model's: it is sure (every
    word :data:`LATIN_SURE`, and at least as sure as the Thai reading) and Latin words
    (:func:`latin_words`), and besides: the Thai reading is no Thai a reader would write
    (:func:`thai_reading`), or less sure by :data:`LATIN_LEAD`, or the English one is plainly Latin
    (capitals: ``EIT``; an address).  A Thai word or a number gives way to plain Latin only; a
    capitalised word is no evidence (``Waa`` for ``พัสดุ``), nor are capitals the Thai model was
    surer of (``HAA`` for ``นผล``).  A sure number replaces what is no Thai (``า0`` for ``10``), or
    Arabic digits it is surer of by :data:`LATIN_LEAD`.
    One of :data:`ITA_WORDS` needs only be nearly as sure as the
    Thai reading; a lone level letter (``A``) must stand alone (``whole``: the whole chunk between
    spaces) where the Thai reading is no Thai word or a lone digit.

    >>> word = lambda t, c: OcrWord((OcrSymbol(t, (0, 0, 10, 20), c),), c)
    >>> english_wins([word("ว", 76), word("ท", 86)], [word("OIT", 92)])
    True
    >>> english_wins([word("ขา", 72)], [word("EIT", 97)]), english_wins([word("ม", 72)], [word("A", 96)])
    (True, True)
    >>> english_wins([word("ระดับ", 93)], [word("szau", 71)]), english_wins([word("[1", 90)], [word("al", 95)])
    (False, False)
    >>> english_wins([word("พัสดุ", 94)], [word("Waa", 80)])
    False
    >>> english_wins([word("นผล", 97)], [word("HAA", 71)])
    False
    >>> english_wins([word("โค", 71)], [word("ITA", 70)])
    True
    >>> english_wins([word("ด", 60)], [word("A", 90)], whole=False)
    False
    >>> english_wins([word("และ", 60)], [word("uaz", 85)]), english_wins([word("า0", 99)], [word("10", 90)])
    (False, True)
    >>> english_wins([word("9า0", 96)], [word("9", 93), word("10", 96)])
    True
    >>> english_wins([word("59.6", 51)], [word("59.66", 92)])
    True
    >>> english_wins([word("๕๙.๖", 51)], [word("59.66", 92)])
    False
    >>> english_wins([word("5ธ", 76)], [word("5", 96)]), english_wins([word("ง", 70)], [word("1", 96)])
    (True, True)
    >>> english_wins([word("ณธรร", 95)], [word("40993", 75)])
    False
    """
    text = words_text(english)
    sure = min(w.confidence for w in english)
    before = sum(w.confidence for w in thai) / len(thai)
    lead = sure >= before + LATIN_LEAD
    if sure < LATIN_SURE:
        return False
    before_text = chunk_text(thai)
    if not before_text:  # ink the Thai model read nothing of: any sure Latin or number
        plain = text.replace(" ", "")
        return bool(
            latin_words(text)
            or (whole and plain in LEVEL_WHITELIST and len(plain) == 1)
            or _NUMBER.fullmatch(plain)
        )
    kind = thai_reading(before_text)
    if len(text) == 1 and text in LEVEL_WHITELIST:  # a level letter: a lone glyph no Thai reads
        # (a lone ``0`` stays: a ``C`` and a ``0`` differ by a gap the scan may close)
        lone_digit = len(before_text) == 1 and before_text.isascii() and before_text != "0"
        return whole and (lead or (sure >= before and (kind in ("odd", "foreign") or lone_digit)))
    numbers = [t for t in text.split() if _NUMBER.fullmatch(t) and not _MIXED_DIGITS.search(t)]
    if kind == "foreign" and len(numbers) == len(text.split()):
        return True  # no Thai, and Arabic digits to the model that has them too (``า0`` for ``10``)
    arabic = any(c.isdigit() and c.isascii() for c in before_text)
    if (
        kind in ("odd", "thai")
        and len(numbers) == len(text.split())
        and (arabic or (whole and kind == "odd"))
    ):
        # Arabic digits the Thai model made Thai letters of (``5ธ``, ``จา0`` for ``9 10``, ``ง`` for ``1``)
        # (Thai letters alone must be less sure by the lead: ``ณธรร`` at 95 is no ``40993`` at 75)
        near = sure + LATIN_LEAD >= before if arabic else lead
        return near and not any("\u0e50" <= c <= "\u0e59" for c in before_text)
    if kind == "number" and before_text.isascii() and len(numbers) == len(text.split()):
        return lead  # Arabic digits both: the surer reading (``59.6`` at 51, ``59.66`` at 92)
    if text.strip("().,:") in ITA_WORDS:
        return sure >= before - LATIN_LEAD
    if not latin_words(text) or sure < before:
        return False
    if kind in ("thai", "number"):
        return bool(_STRONG_LATIN.search(text))
    return lead or kind == "foreign" or bool(_STRONG_LATIN.search(text))
