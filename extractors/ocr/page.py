"""Read a scanned page into the same records a text page gives: lines of text and ruled tables.

The steps, each measured on the scanned samples (``bench/ocr.py``):

1. render the page with pdfium at :data:`DEFAULT_DPI` (200 dpi read as well as 300 and is faster);
2. turn it upright (Tesseract's orientation detection), flatten the paper, deskew
   (:mod:`extractors.ocr.raster`);
3. find ruled tables from the image (:mod:`extractors.ocr.image_grid`) and read **each cell on its
   own**, so the structure survives; the rest of the page, with the tables blanked out, is read as
   running text;
4. decide spaces from the gaps between Tesseract's symbols (it calls every Thai letter a word);
5. re-read every number from its glyph shapes (:mod:`extractors.ocr.digit_glyphs`); where the two
   readings differ and the glyph reader is not sure, keep Tesseract's, lower the confidence and
   record an :class:`~schemas.OcrDoubt`: a number is never changed silently;
6. repair the text (:func:`extractors.ocr.text.clean_ocr_text`: sara am, mark order, spaces inside
   words, damaged known terms).

Coordinates are converted to PDF points (origin top-left) of the upright, deskewed page.  A page
with no ink is ``blank``; a page with ink but no text read with confidence (a photo, a page too
damaged) is ``unreadable`` and gives no lines and no tables: no invented values.
"""

from __future__ import annotations

import re
import statistics
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

import cv2
import numpy as np
import pypdfium2 as pdfium

from extractors.ocr.digit_glyphs import (
    DIGITS,
    MARK,
    Glyph,
    NumberRun,
    PageShapes,
    digits_alone,
    number_runs,
    read_glyphs_many,
)
from extractors.ocr.engine import OcrEngine, OcrLine, OcrSymbol, PixelBox, union_box
from extractors.ocr.fields import (
    Reading,
    glyph_reading,
    header_rows,
    ink_bands,
    joined_lines,
    misread_year,
    settle_header,
    settle_period_cells,
    with_years,
    year_groups,
)
from extractors.ocr.geometry import prepare_page
from extractors.ocr.image_grid import Grid, find_grids
from extractors.ocr.line_rest import unread_rests
from extractors.ocr.number_text import (
    agreed,
    better_formed,
    column_shapes,
    counting_run,
    digits_as_letters,
    fuller,
    joined_digits,
    lookalikes_agree,
    more_digits,
    numberish,
    partly_reread,
    same_number,
    score_read_alike,
    settle_number,
    shape_of,
    short_for,
    split_pairs,
    unlettered,
    unsure_confirmed,
    well_formed,
    widened,
    with_punctuation_of,
)
from extractors.ocr.raster import Cleaned, Gray, binarise, components
from extractors.ocr.text import ABBREVIATION_PART, LEVEL_NOTE, clean_ocr_text, repair_level_letters
from extractors.pdf.layout import ends_paragraph
from extractors.pdf.tables import cluster_edges, coverage, grid_place, quality_score
from extractors.thai.quality import dictionary_word_rate
from extractors.thai.text import compose_sara_am, join_wrapped_lines, word_spans
from extractors.thai.words import is_word, tokenize
from schemas import (
    DOUBT_CONFIDENCE,
    BBox,
    Cell,
    Line,
    OcrDoubt,
    OcrInfo,
    OcrStatus,
    PageKind,
    PageText,
    Table,
    TableQuality,
    Word,
)

#: White border added around a cell before OCR (Tesseract reads glyphs touching the edge badly).
PAD = 12
#: Pixels trimmed inside a cell's ruled border (anti-aliased ruling remains).
INSET = 3
#: A gap between two symbols wider than this share of the line's height, and than
#: ``MIN_SPACE_PT``, is a space (Tesseract's own word boundaries fall between every Thai letter).
SPACE_GAP = 0.22
MIN_SPACE_PT = 2.2
#: In a line whose letters are spread wide, a space is a gap wider than this many times the line's
#: letter spacing (median gap between letters); measured on scanned twins: a body line's spaces
#: are 4-5 times its letter spacing, a wide font's 2.7-3.3 times, a spread chart legend's 2.3
#: times; the widest letter gaps of a letter-spaced bold title (a full stop's included) 2 times.
SPREAD_SPACE = 2.0
#: A gap wider than the space gap by at most this share is a space only by a little (a wide
#: font's letter gap, ``ปีงบ ประมาณ``: 15 px against 14.3): it parts two pieces only when the
#: dictionary does not read them as one word across it (:func:`_within_words`).
MARGINAL_SPACE = 1.25
#: Positive gaps a line needs before its letter spacing is measured.
MIN_SPACING_GAPS = 5
#: Pages with less ink than this share of their pixels are blank.
BLANK_INK = 0.002
#: White pixels kept around the page's ink outside the tables when it is read as running text.
PROSE_MARGIN = 20
#: Lines of running text whose mean confidence is below this (0..100) are not text (an emblem,
#: a stamp, a signature): they are dropped.
MIN_LINE_CONFIDENCE = 55.0
#: A line as tall as the page's usual one, read with this mean confidence, is text, whatever taller
#: line it overlaps (:func:`_text_lines`).
FULL_LINE_CONFIDENCE = 90.0
#: ... and that stands this share of its height or more out of the taller line.
STICK_OUT = 0.25
#: Body text height in points, for "is this cell one line of digits" (16 pt TH Sarabun is ~10 pt).
DIGIT_LINE_PT = 12.0
#: A cell with fewer ink pixels than this is empty (specks, the end of a ruling).
MIN_CELL_INK = 25
#: Cell edges from an image agree within this many points (rulings are 1–2 pt thick in a scan).
IMAGE_EDGE_TOLERANCE = 4.0
#: Numbers are also re-read from their crop binarised on its own, at these shares of its Otsu
#: threshold (1.0: Otsu of the crop alone; lower: thinner strokes, touching digits apart).
GLYPH_STRICTNESS = (1.0, 0.8)
#: A header cell's years are re-read from the cell binarised on its own at these shares of its
#: Otsu threshold, in this order (see :meth:`PageReader.header_years`).
HEADER_STRICTNESS = (1.0, 0.9, 0.8, 0.7)
#: A symbol this close to a number (share of the line's height) is looked at as part of it.
TOUCHING_GAP = 0.12
#: Two numbers with at most this many one-character symbols between them and no word space are
#: one, looked at whole by the glyph reader (a score's digits read as letters: ``๖ฒ.อ๑``).
MAX_BETWEEN = 3

#: Why a number changed in part by the glyph reader is checked whole (:func:`partly_reread`).
PARTLY_REREAD = (
    "read in part from glyph shapes, which Tesseract misread; its other digits are Tesseract's alone"
)

#: Why a score the glyph reader read unsure, but alike in two binarisations, replaced Tesseract's
#: letters or no number (:func:`score_read_alike`).
ALIKE_DOUBT = "read from glyph shapes, one digit unsure, alike in two binarisations; Tesseract read no number"
#: The doubt of a number cell no reading settled, read again among the digit templates alone.
DIGITS_ALONE_DOUBT = (
    "no reading gave one number: its glyphs told among the digit templates alone "
    "(no letter stands in a number cell)"
)

#: A page crop for the glyph reader: rows ``y0:y1``, columns ``x0:x1`` and, when only the glyphs
#: under Tesseract's stretch count, that stretch's box.
_Crop = tuple[int, int, int, int, PixelBox | None]

_NUMBERISH = re.compile(r"[0-9๐-๙.,/]")


@dataclass
class _Token:
    symbols: list[OcrSymbol]

    @property
    def box(self) -> PixelBox:
        return union_box([s.box for s in self.symbols])

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.symbols)


@dataclass
class PageReader:
    """Reads one cleaned page image; collects confidences and doubts as it goes."""

    engine: OcrEngine
    page: Cleaned
    dpi: int
    doubts: list[OcrDoubt] = field(default_factory=list)
    symbol_confidences: list[float] = field(default_factory=list)
    #: Glyph readings made ahead for the lines being read (:meth:`lines`), by crop.
    _runs: dict[_Crop, list[NumberRun]] = field(default_factory=dict)
    #: The digits this page has shown with trust, to tell an unsure digit from its look-alike.
    shapes: PageShapes = field(default_factory=PageShapes)

    def pt(self, box: PixelBox) -> BBox:
        s = 72.0 / self.dpi
        return BBox(box[0] * s, box[1] * s, box[2] * s, box[3] * s)

    def px(self, box: BBox) -> PixelBox:
        """:meth:`pt`'s inverse: a box in points as this page's pixels."""
        s = self.dpi / 72.0
        return (round(box.x0 * s), round(box.top * s), round(box.x1 * s), round(box.bottom * s))

    # --- lines -------------------------------------------------------------------------------

    def _geometry(self, ocr: OcrLine, dx: int, dy: int) -> tuple[list[OcrSymbol], PixelBox, float]:
        """A Tesseract line's symbols and box in page pixels, and the gap that makes a space."""
        raw_symbols = [OcrSymbol(s.text, _shift(s.box, dx, dy), s.confidence) for s in ocr.symbols]
        line_box = _shift(ocr.box, dx, dy)
        gap = max(SPACE_GAP * (line_box[3] - line_box[1]), MIN_SPACE_PT * self.dpi / 72)
        return raw_symbols, line_box, gap

    def lines(self, read: Sequence[OcrLine], dx: int, dy: int) -> list[Line]:
        """:meth:`line` of each, with the glyph reader's work for all their numbers done at once
        (:meth:`_glyph_runs_many`): the same readings as line by line, at a fraction of the cost."""
        requests: list[_Crop] = []
        for ocr in read:
            raw_symbols, line_box, gap = self._geometry(ocr, dx, dy)
            spans = self._number_spans(raw_symbols, line_box, max(gap, line_box[3] - line_box[1]))
            requests += [crop for _group, crop in spans]
        self._runs.update(zip(requests, self._glyph_runs_many(requests), strict=True))
        try:
            return [self.line(ocr, dx, dy) for ocr in read]
        finally:
            self._runs.clear()

    def line(self, ocr: OcrLine, dx: int, dy: int) -> Line:
        """A Tesseract line (boxes relative to a crop at ``dx, dy``) as a page :class:`Line`."""
        raw_symbols, line_box, gap = self._geometry(ocr, dx, dy)
        # Raw is Tesseract's reading as it was, except its encoding of sara am (ํ + า), which no
        # Thai reader would accept in any output.
        raw = compose_sara_am(" ".join(t.text for t in _tokens(raw_symbols, gap)))
        # Two numbers further apart than the line is high are two (a space alone is not enough:
        # Tesseract leaves one before the decimal point of a small ``81.76``).
        symbols = self._numbers(raw_symbols, line_box, max(gap, line_box[3] - line_box[1]))
        symbols = self._thai_abbreviations(symbols, line_box)
        words: list[Word] = []
        space = _space_gap(raw_symbols, gap)
        for token in _within_words(_tokens(symbols, space), space):
            confidences = [s.confidence for s in token.symbols]
            self.symbol_confidences.extend(confidences)
            text = compose_sara_am(token.text)
            word_conf = round(min(confidences) / 100, 3)
            if misread_year(text, " ".join(w.text for w in words)):
                text, word_conf = self.year(token.box, text, word_conf)
            words.append(Word(text, text, self.pt(token.box), word_conf))
        words = self._level_letters(words, line_box)
        text, notes = clean_ocr_text(" ".join(w.text for w in words))
        self._level_doubts(notes, text, raw, self.pt(line_box))
        word_confs = [w.confidence for w in words if w.confidence is not None]
        confidence = round(sum(word_confs) / len(word_confs), 3) if word_confs else None
        return Line(text=text, raw=raw, box=self.pt(line_box), words=tuple(words), confidence=confidence)

    def _level_doubts(self, notes: Sequence[str], text: str, raw: str, box: BBox) -> None:
        """A level letter read back from a digit (:func:`repair_level_letters`) is a reading the
        words around it chose, not the glyph's: it is kept, with a doubt for a person to check."""
        if any(note.startswith(LEVEL_NOTE) for note in notes):
            self.doubts.append(OcrDoubt(text, raw, box, LEVEL_DOUBT))

    def _level_letters(self, words: list[Word], line_box: PixelBox) -> list[Word]:
        """A short word after ``ระดับ`` (``ระดับผลการประเมิน``) that is no level letter (``0``, ``5``:
        the Thai model's reading of ``C``, ``E``), read again from the page with the English model
        restricted to the level letters (:meth:`OcrEngine.read_level`); a level so read replaces it,
        with a doubt, when it has the confidence a line of text needs or when the glyph reader
        finds no digit in the word (the English model is unsure of a lone ``C`` that it reads
        right: 40 of 100 on a clean 200 dpi scan).  Else the word stays as read
        (the look-alike table of :func:`extractors.ocr.text.repair_level_letters` may still take
        it, with its own doubt)."""
        for i, word in enumerate(words):
            if word.text in LEVELS or not _LEVEL_WORD.fullmatch(word.text):
                continue
            before = re.sub(r"\s", "", "".join(w.text for w in words[:i]))
            if not before.endswith(("ระดับ", "ระดับผลการประเมิน")):
                continue
            x0, _y0, x1, _y1 = self.px(word.box)
            h, w = self.page.binary.shape
            y0, y1 = max(line_box[1] - INSET, 0), min(line_box[3] + INSET, h)
            x0, x1 = max(x0 - INSET, 0), min(x1 + INSET, w)
            if x1 - x0 < 4 or y1 - y0 < 4:
                continue
            text, confidence = self.engine.read_level(_pad(self.page.ink_image[y0:y1, x0:x1]))
            if text not in LEVELS:
                continue
            # An unsure letter is taken only where the glyph reader sees no digit there either.
            crop: _Crop = (y0, y1, x0, x1, None)
            if confidence < MIN_LINE_CONFIDENCE and any(r.trusted for r in self._glyph_runs(crop)):
                continue
            self.doubts.append(OcrDoubt(text, word.text, word.box, LEVEL_REREAD))
            words[i] = Word(text, text, word.box, round(confidence / 100, 3))
        return words

    def _thai_abbreviations(self, symbols: list[OcrSymbol], line_box: PixelBox) -> list[OcrSymbol]:
        """Latin letters shaped as an abbreviation amid Thai (``Wa. ๒๕๖๖``, ``ปีwa.`` for
        ``พ.ศ.``: the English model's guess for an unsure Thai word), or a word of one or two
        Latin letters on its own before a number (``ITA U ๒๕๖๔`` for ``ITA ปี ๒๕๖๔``), read again
        from the page with the Thai model alone; the Thai reading is taken when it has a Thai
        abbreviation's shape (:func:`_latin_abbreviations`), or for the word is a dictionary word,
        and has the confidence a line of text needs, with a doubt; else the symbols stay as read."""
        runs = [(*run, True) for run in _latin_abbreviations(symbols)]
        runs += [(*run, False) for run in _latin_words_before_numbers(symbols)]
        taken = {k for start, end, _ in runs for k in range(start, end)}
        runs += [(*run, False) for run in _latin_guesses(symbols) if not taken & set(range(*run))]
        for start, end, abbreviation in sorted(runs, reverse=True):
            run = symbols[start:end]
            box = union_box([s.box for s in run])
            h, w = self.page.binary.shape
            x0, x1 = max(box[0] - INSET, 0), min(box[2] + INSET, w)
            y0, y1 = max(line_box[1] - INSET, 0), min(line_box[3] + INSET, h)
            if x1 - x0 < 4 or y1 - y0 < 4:
                continue
            read = self.engine.read(_pad(self.page.ink_image[y0:y1, x0:x1]), thai_only=True)
            thai = [_shifted(s, x0 - PAD, y0 - PAD) for ln in read for s in ln.symbols]
            thai = _no_marks_on_stops(thai)
            text = compose_sara_am("".join(s.text for s in thai))  # Tesseract's ำ is ํ + า
            if not thai or not (_RE_THAI_ABBREVIATION.fullmatch(text) if abbreviation else is_word(text)):
                continue
            if sum(s.confidence for s in thai) / len(thai) < MIN_LINE_CONFIDENCE:
                continue
            first = "".join(s.text for s in run)
            self.doubts.append(
                OcrDoubt(text, first, self.pt(box), "read again with the Thai model: Latin letters amid Thai")
            )
            symbols = [*symbols[:start], *thai, *symbols[end:]]
        return symbols

    def year(self, box: PixelBox, text: str, confidence: float) -> tuple[str, float]:
        """A year of running text that is no plausible year (``พ.ศ. ๒๕๐๒``), read again by the glyph
        reader (:meth:`header_years`); kept, with its confidence, when no reading is plausible.
        A year changed so carries a doubt."""
        pad = max((box[3] - box[1]) // 4, 2)
        cell = (box[0] - pad - INSET, box[1] - pad - INSET, box[2] + pad + INSET, box[3] + pad + INSET)
        settled, _raw, conf = self.header_years(cell, text, text)
        if not settled or conf is None:
            return text, confidence
        why = "read again from glyph shapes: the first reading is no plausible year"
        self.doubts.append(OcrDoubt(settled, text, self.pt(box), why))
        return settled, conf

    def _numbers(self, symbols: list[OcrSymbol], line_box: PixelBox, gap: float = 1e9) -> list[OcrSymbol]:
        """The symbols with each number re-read from its glyphs (see the module docstring, step 5).

        The glyph reader looks only where Tesseract put digits and number punctuation (a stretch
        of such symbols, widened by a little), so it compares like with like; and at the one
        symbol touching each end of the stretch, which may be a digit Tesseract took for a letter
        or a sign (``๖๖.๖ฒ``, ``«๕.๖๖``: ``๗`` and ``๙``)."""
        height = line_box[3] - line_box[1]
        touching, space = TOUCHING_GAP * height, SPACE_GAP * height
        first = list(symbols)
        # Two numbers far apart (the values of two bars, two columns without rulings) are two.
        for group in _stretches(symbols, gap, touching, space):
            if any(s not in symbols for s in group):  # a neighbour's re-reading took a symbol of it
                continue
            symbols = self._reread(symbols, group, self._crop_of(group, line_box, symbols))
        # A re-read number with a letter touching it that its crop left out (``ฒ๗.๙๐``: the
        # stretch began at a ``๗`` read ``ญ`` a little apart, the ``๗`` before it read ``ฒ``) is
        # read once more with that letter: the glyph reader says whether it is a digit.
        for number in [s for s in symbols if s not in first and any(ch in DIGITS for ch in s.text)]:
            if number not in symbols:
                continue
            group = _with_touching(symbols, [number], touching)
            if any(s not in symbols or not _THAI_LETTER.fullmatch(s.text) for s in group if s is not number):
                continue
            if len(group) > 1:
                symbols = self._reread(symbols, group, self._crop_of(group, line_box, symbols))
        # A number changed in part keeping Tesseract's other digits, unconfirmed: one check names it whole.
        now = [(s.text, s.box[0], s.box[2], s in first) for s in symbols]
        for start, end, other in partly_reread([(s.text, s.box[0], s.box[2]) for s in first], now, gap):
            text, box = (
                "".join(s.text for s in symbols[start:end]),
                union_box([s.box for s in symbols[start:end]]),
            )
            self.doubts.append(OcrDoubt(text, other, self.pt(box), PARTLY_REREAD))
        return symbols

    def _crop_of(
        self, group: list[OcrSymbol], line_box: PixelBox, symbols: Sequence[OcrSymbol] = ()
    ) -> _Crop:
        """The page crop the glyph reader looks at for a stretch of a line: the line's rows, the
        stretch's columns widened a little; at an end that is a digit and whose edge the crop
        lays through ink, on to the end of that ink (:func:`_past_ink`, at most the stretch's
        widest digit, :func:`_widest_digit`): Tesseract's box of an end digit may stop short of
        its ink (``๒๕๒๓`` whose ``๓`` box is 15 px wide, the ``๗`` under it 23 px), and a glyph
        the crop cuts is no digit the reader can keep.  (A crop whose edges lie in blank paper is
        left as it is: its own binarisation is the same.)  Never into the box of a neighbour of
        the line's ``symbols`` read with digits: that ink is its own number's (``๖๓.๗`` and the
        ``๒`` Tesseract put apart from it), read there, not a digit of this one."""
        gbox = union_box([s.box for s in group])
        binary = self.page.binary
        h, w = binary.shape
        margin = max((line_box[3] - line_box[1]) // 4, 3)
        y0, y1 = max(line_box[1] - 2, 0), min(line_box[3] + 2, h)
        x0, x1 = max(gbox[0] - margin, 0), min(gbox[2] + margin, w)
        reach = _widest_digit(group)
        numbers = [s for s in symbols if s not in group and any(ch in DIGITS for ch in s.text)]
        before = max((s.box[2] for s in numbers if s.box[2] <= gbox[0]), default=0)
        after = min((s.box[0] for s in numbers if s.box[0] >= gbox[2]), default=w)
        if group and group[-1].text and group[-1].text[-1] in DIGITS:
            x1 = max(x1, min(_past_ink(binary[y0:y1], x1 - 1, 1, reach) + 1, after))
        if group:
            x0 = min(x0, max(_past_ink(binary[y0:y1], x0, -1, reach), before))
        return (y0, y1, x0, x1, gbox)

    def _number_spans(
        self, symbols: list[OcrSymbol], line_box: PixelBox, gap: float
    ) -> list[tuple[list[OcrSymbol], _Crop]]:
        """The stretches of ``symbols`` that :meth:`_numbers` will most likely re-read, each with
        its page crop (:meth:`_crop_of`), to read their glyphs ahead.  (:meth:`_numbers` finds a
        stretch's neighbours after the stretches before it were re-read; where that gives another
        crop, its glyphs are read then.)"""
        height = line_box[3] - line_box[1]
        touching, space = TOUCHING_GAP * height, SPACE_GAP * height
        return [
            (group, self._crop_of(group, line_box, symbols))
            for group in _stretches(symbols, gap, touching, space)
        ]

    def _reread(self, symbols: list[OcrSymbol], group: list[OcrSymbol], crop: _Crop) -> list[OcrSymbol]:
        left = crop[2]
        latin_group = not any(ch in DIGITS for s in group for ch in s.text)
        if latin_group:
            symbols = self._score_read_alike(symbols, group, crop)
        for run in self._glyph_runs(crop):
            run = widened(run, [(s.text, (s.box[0] + s.box[2]) / 2 - left) for s in group if s in symbols])
            r0, r1 = run.x0 + left, run.x1 + left
            inside = [s for s in group if s in symbols and r0 - 1 <= (s.box[0] + s.box[2]) / 2 <= r1 + 1]
            if not inside:
                continue
            inside = _run_covers(symbols, inside, r0, r1)
            inside = _number_ends(symbols, group, inside, run.text)
            first = "".join(s.text for s in inside)
            span = union_box([s.box for s in inside])
            conf = min(s.confidence for s in inside)
            run = with_punctuation_of(first, run)
            if latin_group:  # Tesseract guessed Latin letters where the glyphs are digits
                if not run.trusted or sum(1 for ch in run.text if ch in DIGITS) < 3:
                    continue
                chosen, conf = run.text, 100 * max(run.similarity - 0.1, DOUBT_CONFIDENCE)
                self.doubts.append(
                    OcrDoubt(run.text, first, self.pt(span), "read from glyph shapes; Tesseract read letters")
                )
            elif same_number(first, run.text):
                chosen, conf = run.text, max(conf, 90.0)
            elif run.trusted and _one_for_each_split(first, run.text, inside):
                # Two narrow digits where the glyph reader, sure, found one (``๒๑๕.๒๓``: a bold
                # ``๖`` read as ``๒๑``): the glyph reader's count of digits is the evidence.
                chosen, conf = run.text, max(min(conf, 85.0), 100 * run.similarity - 10)
                why = "Tesseract read one digit as two narrow ones; read from glyph shapes"
                self.doubts.append(OcrDoubt(run.text, first, self.pt(span), why))
            elif (
                fuller(first, run.text)
                or more_digits(first, run.text)
                or better_formed(first, run.text)
                or joined_digits(first, run.text, r1 - r0, _digit_widths(s for s in group if s not in inside))
            ):
                # The glyph reader left out a digit, or took two touching digits for one
                # (``60.95`` as ``3.95``): Tesseract's stays.
                why = "the glyph reader read fewer digits, or no one number; Tesseract's reading kept"
                self.doubts.append(OcrDoubt(first, run.text, self.pt(span), why))
                # ... as one number: no space where a narrow ``1`` left a gap (``48.3 1``)
                chosen, conf = first, min(s.confidence for s in inside)
            elif run.trusted and run.by_page and self._arabic_kept(first, run, crop):
                # Arabic digits Tesseract read as a well-formed number, which the glyph reader,
                # unsure, told otherwise by the page's own digits (small bold ``6`` and ``8`` of a
                # screenshot are one blob to both): a reading with digits only settles it.
                chosen, conf = first, min(conf, 85.0)
                why = "Tesseract's Arabic digits, confirmed by a reading with digits only"
                self.doubts.append(OcrDoubt(first, run.text, self.pt(span), why))
            elif run.trusted:
                chosen, conf = run.text, max(min(conf, 85.0), 100 * run.similarity - 10)
                why = "read from glyph shapes; Tesseract read another number"
                if run.by_page:  # a digit told from its look-alike by the page's own digits
                    conf = min(conf, 100 * max(run.similarity - 0.1, DOUBT_CONFIDENCE))
                    why = "read from glyph shapes, a look-alike told by this page's own digits"
                # The readings disagreed: the glyphs' is kept, and so is Tesseract's, for a person
                # to check (the glyph reader is right more often, not always: 68.28 for 68.78).
                self.doubts.append(OcrDoubt(run.text, first, self.pt(span), why))
            elif (
                well_formed(run.text)
                and unsure_confirmed(
                    [(x0 + left, x1 + left, d) for x0, x1, d in run.unsure],
                    [(s.text, (s.box[0] + s.box[2]) / 2) for s in inside],
                )
                and not (run.by_page and self._arabic_kept(first, run, crop))
            ):
                # The glyphs' number, every unsure digit of it the one Tesseract read at its place
                # (``๘๗.๐๙`` read ``๕ซ.๐๕``, ``81.52`` read ``61.52``: its ``5`` as near a letter
                # template as the digit's), stands as a trusted one does, kept with its doubt.
                chosen, conf = run.text, 100 * max(run.similarity - 0.1, DOUBT_CONFIDENCE)
                why = "read from glyph shapes; where they are unsure, Tesseract read the same digits"
                self.doubts.append(OcrDoubt(run.text, first, self.pt(span), why))
            elif lookalikes_agree(first, run.text):
                # Tesseract's reading is the glyphs' with a digit read as the letter of its shape
                # (``อ๐.๕๕`` for ``๖๐.๕๕``): the two agree on every digit; the glyphs', unsure, is
                # kept with its doubt.
                chosen, conf = run.text, 100 * max(run.similarity - 0.1, DOUBT_CONFIDENCE)
                why = "Tesseract read a digit as the letter of its shape; the glyphs read the digit"
                self.doubts.append(OcrDoubt(run.text, first, self.pt(span), why))
            elif self._digits_confirm(first, run, crop):
                # Tesseract's reading is no number (``79/9``: a small ``7`` taken for a slash);
                # the glyphs', unsure, is one, and a reading restricted to digits says the same.
                chosen, conf = run.text, 100 * max(run.similarity - 0.1, DOUBT_CONFIDENCE)
                why = "the glyph reading, unsure, confirmed by a reading with digits only"
                self.doubts.append(OcrDoubt(run.text, first, self.pt(span), why))
            elif not well_formed(first) and self._read_alike(crop, run):
                # Tesseract's is no number (``๐.๓ซ``, its ``๐`` boxed across the whole number);
                # the glyphs', unsure of one digit only, is one score alike in two binarisations.
                chosen, conf = run.text, 100 * DOUBT_CONFIDENCE
                self.doubts.append(OcrDoubt(run.text, first, self.pt(span), ALIKE_DOUBT))
            else:
                chosen, conf = first, 100 * DOUBT_CONFIDENCE
                self.doubts.append(
                    OcrDoubt(
                        first, run.text, self.pt(span), "the text and glyph readings of a number disagree"
                    )
                )
            at = symbols.index(inside[0])
            symbols = [s for s in symbols if s not in inside]
            symbols.insert(at, OcrSymbol(chosen, span, conf))
        return symbols

    def _score_read_alike(
        self, symbols: list[OcrSymbol], group: list[OcrSymbol], crop: _Crop
    ) -> list[OcrSymbol]:
        """``symbols`` with a word of Latin letters amid Thai (``group``) that the glyph reader,
        under more than one binarisation, reads whole as one score with a digit it is unsure of
        (:func:`score_read_alike`: ``oboe`` for ``๗๗.๐๑``, whose ``๐`` is as near a letter's template
        as its own) replaced by that score, at doubt's confidence and with a doubt.  A word the
        glyph reader reads with trust is left to :meth:`_reread`."""
        if any(r.trusted and sum(1 for ch in r.text if ch in DIGITS) >= 3 for r in self._glyph_runs(crop)):
            return symbols
        x0 = crop[2]
        run = score_read_alike(self._runs_per_binarisation(crop))
        if run is None:
            return symbols
        inside = [s for s in group if run.x0 + x0 - 1 <= (s.box[0] + s.box[2]) / 2 <= run.x1 + x0 + 1]
        at = symbols.index(group[0]) if group[0] in symbols else -1
        if inside != group or symbols[at : at + len(group)] != group:
            return symbols  # the score is the whole word, or the word stays
        first, span = "".join(s.text for s in group), union_box([s.box for s in group])
        self.doubts.append(OcrDoubt(run.text, first, self.pt(span), ALIKE_DOUBT))
        return [*symbols[:at], OcrSymbol(run.text, span, 100 * DOUBT_CONFIDENCE), *symbols[at + len(group) :]]

    def _runs_per_binarisation(self, crop: _Crop) -> list[list[NumberRun]]:
        """The glyph reader's runs in ``crop`` under each of its binarisations (:meth:`_glyph_runs`
        keeps only the one with the most trusted digits), the unsure digits decided by the page's
        own digits, without teaching them these."""
        y0, y1, x0, x1, _keep = crop
        gray = self.page.gray[y0:y1, x0:x1]
        images = [np.ascontiguousarray(self.page.binary[y0:y1, x0:x1])]
        images += [binarise(gray, strictness) for strictness in GLYPH_STRICTNESS]
        return [number_runs([self.shapes.decide(g) for g in glyphs]) for glyphs in read_glyphs_many(images)]

    def _read_alike(self, crop: _Crop, run: NumberRun) -> bool:
        """Whether the glyphs' unsure ``run`` is the score its crop reads as alike under two
        binarisations or more (:func:`score_read_alike`)."""
        if run.trusted:
            return False
        alike = score_read_alike(self._runs_per_binarisation(crop))
        return alike is not None and alike.text == run.text

    def _digits_confirm(self, first: str, run: NumberRun, crop: _Crop) -> bool:
        """Whether a number Tesseract read as no number (``79/9``), which the glyph reader read,
        unsure, as one number with as many glyphs (``79.79``), is that number read again by
        Tesseract restricted to digits.  Only then is a Tesseract call spent."""
        if (
            well_formed(first)
            or not well_formed(run.text)
            or len(first) != len(run.text)
            or not _DIGIT_RUN.search(first)
        ):
            return False
        y0, y1, x0, x1, _keep = crop
        text, _conf = self.engine.read_digits(_pad(self.page.ink_image[y0:y1, x0:x1]))
        return same_number(text, run.text)

    def _arabic_kept(self, first: str, run: NumberRun, crop: _Crop) -> bool:
        """Whether Tesseract's reading ``first``, a well-formed number in Arabic digits (which it
        reads well, unlike Thai ones), stands against the glyph reader's look-alike decided by the
        page's own digits: Tesseract restricted to digits reads ``first`` again, not the glyphs'."""
        if not well_formed(first) or not re.fullmatch(r"[0-9.,]+", first) or same_number(first, run.text):
            return False
        y0, y1, x0, x1, _keep = crop
        text, _conf = self.engine.read_digits(_pad(self.page.ink_image[y0:y1, x0:x1]))
        return same_number(text, first) and not same_number(text, run.text)

    def _glyph_runs(self, crop: _Crop) -> list[NumberRun]:
        """The number runs the glyph reader finds in the page crop ``(y0, y1, x0, x1, keep)``;
        with ``keep`` (Tesseract's stretch, page pixels), only glyphs under it.

        The page's binarisation (one Otsu threshold for the whole page) thickens strokes, and
        digits of a bold or blurred line touch (``๒๕๖`` one blob in a title).  So the crop is also
        binarised on its own, and more strictly; the reading with the most trusted digits wins,
        the page's own on a tie."""
        known = self._runs.get(crop)
        return known if known is not None else self._glyph_runs_many([crop])[0]

    def _glyph_runs_many(self, crops: Sequence[_Crop]) -> list[list[NumberRun]]:
        """:meth:`_glyph_runs` of each crop, every binarisation of every crop classified in one
        product against the glyph templates."""
        images: list[Gray] = []
        for y0, y1, x0, x1, _keep in crops:
            gray = self.page.gray[y0:y1, x0:x1]
            images.append(np.ascontiguousarray(self.page.binary[y0:y1, x0:x1]))
            images += [binarise(gray, strictness) for strictness in GLYPH_STRICTNESS]
        read = read_glyphs_many(images, self.shapes)
        per_crop = 1 + len(GLYPH_STRICTNESS)
        out: list[list[NumberRun]] = []
        for index, (y0, y1, left, x1, keep) in enumerate(crops):
            best: list[NumberRun] = []
            best_digits = -1
            touching = TOUCHING_GAP * (y1 - y0)
            for glyphs in read[index * per_crop : (index + 1) * per_crop]:
                if keep is not None:  # a neighbouring letter (ศ of พ.ศ.) is not the number's
                    glyphs = kept_glyphs(glyphs, keep[0] - 2 - left, keep[2] + 2 - left, touching, x1 - left)
                runs = number_runs(glyphs)
                digits = sum(sum(1 for ch in r.text if ch in DIGITS) for r in runs if r.trusted)
                if digits > best_digits:
                    best, best_digits = runs, digits
            out.append(best)
        return out

    def number_cell(self, box: PixelBox, lines: list[Line]) -> Line | None:
        """A short one-line cell that the glyph reader reads as one number, whatever Tesseract
        made of it (``๘๘.๗๓`` came out of Tesseract as ``เนป``): the number, with a doubt recorded
        when Tesseract disagreed, so a person can check it."""
        x0, y0, x1, y1 = box
        crop = np.ascontiguousarray(self.page.binary[y0:y1, x0:x1])
        cols = np.nonzero(crop.any(axis=0))[0]
        rows = np.nonzero(crop.any(axis=1))[0]
        if not len(cols) or rows[-1] - rows[0] > 2.5 * DIGIT_LINE_PT * self.dpi / 72:
            return None
        runs = self._glyph_runs((y0, y1, x0, x1, None))
        if len(runs) != 1 or not runs[0].trusted:
            return None
        run = runs[0]
        digits = sum(1 for ch in run.text if ch in DIGITS)
        if digits < 2 or run.x1 - run.x0 < 0.8 * (cols[-1] - cols[0]):
            return None
        first = " ".join(ln.text for ln in lines)
        tesseract = first.replace(" ", "")
        sign = tesseract[0] if tesseract[:1] in ("+", "-") and run.text[:1] not in ("+", "-") else ""
        unsigned = tesseract[len(sign) :]
        if any(f(unsigned, run.text) for f in (same_number, fuller, more_digits, better_formed)):
            return None  # the same number (Tesseract's sign kept), or the glyph reader read less
        run = with_punctuation_of(tesseract[len(sign) :], run)
        text = sign + run.text
        conf = round(max(run.similarity - 0.1, DOUBT_CONFIDENCE), 3)
        span = self.pt((x0 + run.x0, y0 + int(rows[0]), x0 + run.x1, y0 + int(rows[-1])))
        self.doubts.append(OcrDoubt(text, first, span, "read from glyph shapes; Tesseract read other text"))
        return Line(text, first, span, (Word(text, first, span, conf),), confidence=conf)

    # --- cells and the page ------------------------------------------------------------------

    def cell(self, box: PixelBox, reread: str = "") -> tuple[str, str, float | None]:
        """``(text, raw, confidence)`` of one cell's interior, read on its own (``reread``:
        ``"thai"`` or ``"period"``, a second reading of a field, see :mod:`extractors.ocr.fields`;
        ``"own"``: the cell binarised on its own, not by the page's threshold: a shaded header
        row's edges, which the page's paper estimate leaves darker, are no ink then;
        ``"period-own"``: so binarised and read as ``"period"``: a stamp's lighter arc across a
        period cell, ink to the page's threshold, is paper to the cell's own)."""
        x0, y0, x1, y1 = box[0] + INSET, box[1] + INSET, box[2] - INSET, box[3] - INSET
        if x1 - x0 < 4 or y1 - y0 < 4:
            return "", "", None
        if int(np.count_nonzero(self.page.binary[y0:y1, x0:x1])) < MIN_CELL_INK:
            return "", "", None
        if reread in ("own", "period-own"):
            crop = _pad(np.asarray(255 - binarise(self.page.gray[y0:y1, x0:x1]), np.uint8))
        else:
            crop = _pad(self.page.ink_image[y0:y1, x0:x1])
        period = reread in ("period", "period-own")
        lines = self._cell_lines(crop, x0 - PAD, y0 - PAD, reread == "thai", period)
        if not reread and _looks_misread(lines):  # Latin guesses for Thai: read again as Thai only
            thai = self._cell_lines(crop, x0 - PAD, y0 - PAD, thai_only=True)
            # Thai digits amid Latin letters (``RA. ๖๔`` for ``ต.ค. ๖๔``) say the Latin is a guess;
            # otherwise (an English cell: ``IIT``) the Thai reading must be made of Thai words.
            mixed = any(_THAI_DIGIT.search(ln.text) for ln in lines)
            if thai and not _looks_misread(thai) and (mixed or _mostly_words(thai)):
                lines = thai
        if len(lines) <= 1 and not _thai_words(" ".join(ln.text for ln in lines)):
            number = self.number_cell((x0, y0, x1, y1), lines)
            lines = [number] if number is not None else lines
        if not lines:
            return "", "", None
        cell_box = self.pt(box)
        breaks = [ends_paragraph(a, b, cell_box) for a, b in pairwise(lines)]
        # Repaired again as a whole: a known term a line wrap cut (การ / ปฏิบัติหน้าที) is one again.
        text, notes = clean_ocr_text(join_wrapped_lines([ln.text for ln in lines], None, breaks))
        self._level_doubts(notes, text, "\n".join(ln.raw for ln in lines), self.pt(box))
        confs = [ln.confidence for ln in lines if ln.confidence is not None]
        return text, "\n".join(ln.raw for ln in lines), (round(min(confs), 3) if confs else None)

    def _cell_lines(
        self, crop: Gray, dx: int, dy: int, thai_only: bool = False, period: bool = False
    ) -> list[Line]:
        read = self.engine.read(crop, thai_only=thai_only, period=period)
        if period:  # a line of a period (``- ธ.ค.``) is mostly dots and marks: no noise to this read
            kept = [ln for ln in read if _mean(ln) >= MIN_LINE_CONFIDENCE]
            kept = [ln for ln in kept if not any(_inside_taller(ln.box, o.box) for o in kept if o is not ln)]
            return [ln for ln in self.lines(kept, dx, dy) if ln.text]
        lines = self.lines(_text_lines(read), dx, dy)
        return [ln for ln in lines if ln.text and not _noise(ln)]

    def prose(self, grids: Sequence[Grid]) -> list[Line]:
        """Lines outside the tables, read with Tesseract's page layout analysis."""
        gray = self.page.ink_image.copy()
        for grid in grids:
            x0, y0, x1, y1 = grid.box
            gray[max(y0 - 4, 0) : y1 + 4, max(x0 - 4, 0) : x1 + 4] = 255
        # the ink (pixels darker than 128) and its box, by OpenCV (numpy's nonzero took 9 ms)
        mask = np.asarray(cv2.threshold(gray, 127, 255, cv2.THRESH_BINARY_INV)[1], np.uint8)
        bx, by, bw, bh = cv2.boundingRect(mask)
        if not bw:  # no ink outside the tables (Tesseract took 0.1 s to say so)
            return []
        # Only the part of the page that has ink: Tesseract's layout analysis costs by the pixel,
        # and a table page left mostly white took it a tenth of a second to cross.
        h, w = gray.shape
        x0, y0 = max(bx - PROSE_MARGIN, 0), max(by - PROSE_MARGIN, 0)
        x1, y1 = min(bx + bw + PROSE_MARGIN, w), min(by + bh + PROSE_MARGIN, h)
        crop = np.ascontiguousarray(gray[y0:y1, x0:x1])
        read = _text_lines(self.engine.read(crop, page=True))
        lines: list[Line] = []
        for line in self.lines(read, x0, y0):
            if line.text and not _noise(line):
                lines.append(line)
        # words beside a line that the layout left out of it (a header's right-hand cells)
        symbols = [s.box for ln in read for s in ln.symbols]
        for bx0, by0, bx1, by1 in unread_rests(mask[y0:y1, x0:x1], [ln.box for ln in read], symbols):
            rest = _text_lines(self.engine.read(np.ascontiguousarray(crop[by0:by1, bx0:bx1])))
            lines += [ln for ln in self.lines(rest, x0 + bx0, y0 + by0) if _rest_is_text(ln)]
        lines.sort(key=lambda ln: (round(ln.box.top), ln.box.x0))
        repaired = _level_letters_across(lines)
        for line, before in zip(repaired, lines, strict=True):
            if line.text != before.text:
                self.doubts.append(OcrDoubt(line.text, before.text, line.box, LEVEL_DOUBT))
        return repaired

    def table(self, grid: Grid, page: int) -> Table | None:
        read = [(self.pt(b), *self.cell(b)) for b in grid.cells]
        table = grid_table(read, page)
        if table is not None:
            self.settle_headers(table, grid)
            self.settle_numbers(table, grid)
            self.settle_periods(table, grid)
        return table

    def _cell_glyph_readings(
        self, boxes: Sequence[PixelBox]
    ) -> tuple[list[list[tuple[str, float, int, int]]], list[list[Glyph]]]:
        """Each cell's number as the glyph reader sees it under each binarisation of
        :data:`HEADER_STRICTNESS` (and the page's own): ``(text, similarity, x0, x1)`` of a binarisation
        that finds exactly one trusted number run there, nothing for one that finds none or several;
        and each cell's glyphs under the page's own binarisation (read among the digits alone when
        no reading settles the cell: :func:`~extractors.ocr.digit_glyphs.digits_alone`).  All
        cells' glyphs are classified in one product."""
        h, w = self.page.binary.shape
        crops: list[Gray] = []
        for box in boxes:
            x0, y0 = max(box[0] + INSET, 0), max(box[1] + INSET, 0)
            x1, y1 = max(min(box[2] - INSET, w), x0 + 1), max(min(box[3] - INSET, h), y0 + 1)
            gray = self.page.gray[y0:y1, x0:x1]
            crops.append(_off_border(self.page.binary[y0:y1, x0:x1]))
            crops += [_off_border(binarise(gray, s)) for s in HEADER_STRICTNESS]
        per_cell = 1 + len(HEADER_STRICTNESS)
        read = read_glyphs_many(crops, self.shapes)
        out: list[list[tuple[str, float, int, int]]] = []
        for index in range(len(boxes)):
            readings: list[tuple[str, float, int, int]] = []
            for glyphs in read[index * per_cell : (index + 1) * per_cell]:
                runs = number_runs(glyphs)
                if len(runs) == 1 and runs[0].trusted:
                    readings.append((runs[0].text, runs[0].similarity, runs[0].x0, runs[0].x1))
            out.append(readings)
        return out, [read[index * per_cell] for index in range(len(boxes))]

    def settle_numbers(self, table: Table, grid: Grid) -> None:
        """Cells that hold one number read as one (:func:`settle_number`): a cell read as digits and
        number punctuation that is no well-formed number (``๖.๖..๕๗``, ``74. 17``), a one-line
        cell with ink that Tesseract read as nothing (a lone ``8``) or as a few Latin letters, or
        as anything in a row of numbers (a shaded header ``1 … 10``), is read again by the glyph
        reader under several binarisations and, if they do not settle it, by Tesseract restricted
        to digits.  A reading changed so carries a doubt; one that no reading settles keeps its
        text, a low confidence and a doubt."""
        pixels = {self.pt(b): b for b in grid.cells}
        shapes = column_shapes(table.cells)
        todo: list[tuple[int, PixelBox]] = []
        for index, cell in enumerate(table.cells):
            box = pixels.get(cell.box) if cell.box is not None else None
            if box is None:
                continue
            # A cell read as Thai words is in no doubt of being letters: its glyphs are not read;
            # unless the word stands for a number's whole digits, before its decimals (``ข่าว.๕๒``)
            lettered = digits_as_letters(cell.text, shapes.get(cell.col))
            if numberish(cell.text) or lettered or (not _thai_words(cell.text) and self._one_line_ink(box)):
                todo.append((index, box))
        if not todo:
            return
        per_cell, own = self._cell_glyph_readings([b for _i, b in todo])
        readings = dict(zip([i for i, _b in todo], per_cell, strict=True))
        own_glyphs = dict(zip([i for i, _b in todo], own, strict=True))
        cells = list(table.cells)
        # Which cells read as one number, by Tesseract or by the glyphs alike under two binarisations.
        numeric = {
            i: well_formed(c.text.strip()) or agreed([g[0] for g in readings.get(i, [])])
            for i, c in enumerate(cells)
            if c.text.strip() or i in readings
        }
        # Scores along a row (a table whose columns are the indicators): the row's shape, where
        # the cell's column, one score deep, has none.
        along = column_shapes(cells, by_row=True)
        for index, box in todo:
            cell, glyph = cells[index], readings[index]
            row = [
                numeric[i] for i, c in enumerate(cells) if c.row == cell.row and i != index and i in numeric
            ]
            among = bool(row) and sum(row) >= 0.5 * len(row)
            shape = shapes.get(cell.col) or along.get(cell.row)
            # A reading no longer than a number of its column's shape, in a column of numbers
            # (``อ`` for ``๖`` among the indicator numbers ``๑ … ๑๐``), is as doubtful as letters
            # amid numbers: its ink is looked at as one number of that shape.
            among = (
                among
                or (shape is not None and short_for(cell.text, shape))
                or digits_as_letters(cell.text, shape)
            )
            # A cell Tesseract read nothing in, in a column of numbers, whose glyphs read only a
            # part of its ink (small bold digits touching): Tesseract restricted to digits may
            # read it whole (:func:`~extractors.ocr.number_text.whole_of`).
            unread = not cell.text.strip() and shape is not None and bool(glyph)
            if (
                not numberish(cell.text)
                and not unread
                and not ((unlettered(cell.text) or among) and _covers_ink(self.page.binary, box, glyph))
                # letters for a number's whole digits: the glyphs may complete it (``completed``)
                and not (digits_as_letters(cell.text, shape) and glyph)
            ):
                continue  # a cell of letters stays letters unless its ink is one number
            digits = lambda b=box: self._digits_reading(b)  # noqa: E731 - read only when needed
            glyphs = [g[:2] for g in glyph]
            text, conf, other = settle_number(cell.text, cell.confidence, glyphs, digits, among, shape)
            # none settled it: the cell as read, or a number short of its column's shape (``๔.๘๔``
            # of ``๖๔.๘๔``, its ``๖`` read as a letter and left out)
            unsettled = other is not None and (
                text == cell.text or not well_formed(text) or shape_of(text) != shape
            )
            alone = digits_alone(own_glyphs[index], shape) if unsettled and shape is not None else None
            if alone is not None and alone != cell.text:
                # no reading settled it: its glyphs told among the digits alone, doubted
                text, conf, other = alone, DOUBT_CONFIDENCE, cell.text
                self.doubts.append(OcrDoubt(text, other, cell.box or BBox(0, 0, 0, 0), DIGITS_ALONE_DOUBT))
                cells[index] = replace(cell, text=text, confidence=conf)
                continue
            if other is not None and cell.box is not None:
                why = (
                    "no reading of the number cell gives one well-formed number"
                    if text == cell.text
                    else "read again: the first reading of the number cell was no well-formed number"
                    if cell.text
                    else "read from glyph shapes: Tesseract read nothing in the cell"
                )
                self.doubts.append(OcrDoubt(text, other, cell.box, why))
            if text != cell.text or conf != cell.confidence:
                cells[index] = replace(cell, text=text, confidence=conf)
        table.cells = cells

    def _digits_reading(self, box: PixelBox) -> str:
        """The cell read by Tesseract restricted to digits and number punctuation."""
        h, w = self.page.binary.shape
        x0, y0 = max(box[0] + INSET, 0), max(box[1] + INSET, 0)
        x1, y1 = min(box[2] - INSET, w), min(box[3] - INSET, h)
        if x1 - x0 < 4 or y1 - y0 < 4:
            return ""
        text, _conf = self.engine.read_digits(_pad(self.page.ink_image[y0:y1, x0:x1]))
        return text

    def _one_line_ink(self, box: PixelBox) -> bool:
        """The cell has ink, no taller than a line of digits."""
        x0, y0, x1, y1 = box[0] + INSET, box[1] + INSET, box[2] - INSET, box[3] - INSET
        if x1 - x0 < 4 or y1 - y0 < 4:
            return False
        crop = self.page.binary[y0:y1, x0:x1]
        if int(np.count_nonzero(crop)) < MIN_CELL_INK:
            return False
        rows = np.nonzero(crop.any(axis=1))[0]
        return bool(rows[-1] - rows[0] <= 2.5 * DIGIT_LINE_PT * self.dpi / 72)

    def header_years(self, box: PixelBox, text: str, raw: str) -> tuple[str, str, float | None]:
        """A header cell's years read again by the glyph reader (the score cells' digit reader):
        ``text`` with its year-like groups replaced when the glyphs give as many trusted
        plausible years; ``("", "", None)`` otherwise.

        The cell is binarised by the page's threshold, then on its own at each share of
        :data:`HEADER_STRICTNESS` (a bold header's digits touch under a loose threshold, and a
        strict one breaks their thin strokes): the first binarisation whose years are all
        plausible is taken; none is chosen by a count of digits."""
        h, w = self.page.binary.shape
        x0, y0 = max(box[0] + INSET, 0), max(box[1] + INSET, 0)
        x1, y1 = min(box[2] - INSET, w), min(box[3] - INSET, h)
        if x1 - x0 < 4 or y1 - y0 < 4 or not year_groups(text):
            return "", "", None
        gray = self.page.gray[y0:y1, x0:x1]
        crops = [self.page.binary[y0:y1, x0:x1]] + [binarise(gray, s) for s in HEADER_STRICTNESS]
        for glyphs in read_glyphs_many([np.ascontiguousarray(crop) for crop in crops], self.shapes):
            runs = [r for r in number_runs(glyphs) if r.trusted]
            years = [r for r in runs if 3 <= sum(ch in DIGITS for ch in r.text) <= 5]
            settled = with_years(text, [r.text for r in years])
            if settled is not None:
                similarity = min(r.similarity for r in years)
                return settled, raw, round(max(similarity - 0.1, DOUBT_CONFIDENCE), 3)
        return "", "", None

    def _header_rereads(self, box: PixelBox, text: str, raw: str) -> list[Callable[[], Reading]]:
        own: list[Reading] = []

        def read_own() -> Reading:
            own.append(self.cell(box, "own"))
            return own[-1]

        return [
            lambda: self.header_years(box, text, raw),
            read_own,
            lambda: self.header_years(box, *(own[-1][:2] if own else ("", ""))),
        ]

    def settle_headers(self, table: Table, grid: Grid) -> None:
        """Header cells read as what they are (:func:`extractors.ocr.fields.settle_header`): a
        year in one must be plausible, and a header cell with ink must read as something.  The
        re-readings, in order: the years by the glyph reader; the cell binarised on its own
        (a shaded row); the years of that reading by the glyph reader."""
        rows = header_rows(table)
        pixels = {self.pt(b): b for b in grid.cells}
        cells = []
        for cell in table.cells:
            box = pixels.get(cell.box) if cell.box is not None else None
            if cell.row >= rows or box is None or cell.box is None:
                cells.append(cell)
                continue
            first = (cell.text, cell.raw, cell.confidence)
            rereads = self._header_rereads(box, cell.text, cell.raw)
            (text, raw, conf), others = settle_header(first, rereads)
            if others is not None:
                conf = DOUBT_CONFIDENCE
                why = "no reading of the header cell gives a plausible year"
                self.doubts.append(OcrDoubt(cell.text, " / ".join(others), cell.box, why))
            elif cell.text.strip() and text != cell.text:
                why = "read again: the first reading of the header cell gives no plausible year"
                self.doubts.append(OcrDoubt(text, cell.text, cell.box, why))
            cells.append(replace(cell, text=text, raw=raw, confidence=conf))
        table.cells = cells

    def settle_periods(self, table: Table, grid: Grid) -> None:
        """Period cells re-read until a reading parses
        (:func:`extractors.ocr.fields.settle_period_cells`), each cell cropped by its grid box."""
        pixels = {self.pt(b): b for b in grid.cells}
        self.settle_periods_by(table, lambda cell: pixels.get(cell.box) if cell.box is not None else None)

    def settle_periods_by(
        self,
        table: Table,
        box_of: Callable[[Cell], PixelBox | None] | None = None,
        fiscal_year: int | None = None,
        column: tuple[int, int] | None = None,
    ) -> list[OcrDoubt]:
        """:meth:`settle_periods` for any table of this page, each cell cropped at ``box_of(cell)``
        (pixels; None: not read again), by default its own box; the doubts, also added to the
        page's, are returned.  ``fiscal_year``: the document's, whose periods outside it are read
        again (:func:`extractors.ocr.fields.settle_period_cells`); ``column``: the period column
        ``(column, header row)`` when found by other evidence than the table's own."""
        if box_of is None:
            box_of = lambda cell: self.px(cell.box) if cell.box is not None else None  # noqa: E731

        def bands(box: PixelBox) -> list[tuple[int, int]]:
            ink = self.page.binary[box[1] + INSET : box[3] - INSET, box[0] + INSET : box[2] - INSET]
            return ink_bands(ink) if int(np.count_nonzero(ink)) >= MIN_CELL_INK else []

        def read(cell: Cell, mode: str) -> Reading:
            box = box_of(cell)
            if box is None:
                return "", "", None
            if mode == "years":  # the first reading's years by the glyph reader (``25566``)
                return self.header_years(box, cell.text, cell.raw)
            if mode == "glyphs":  # the first reading's numbers by the glyph reader: no Tesseract call
                ink = _off_border(
                    self.page.binary[box[1] + INSET : box[3] - INSET, box[0] + INSET : box[2] - INSET]
                )
                return glyph_reading(cell.text, cell.raw, ink, self.shapes)
            if mode == "lines":  # each line of ink on its own: a line of dots and a dash is kept
                found = bands(box)
                if len(found) < 2:
                    return "", "", None
                x0, top, x1 = box[0], box[1] + INSET, box[2]
                parts = [self.cell((x0, top + a - INSET, x1, top + b + INSET), "period") for a, b in found]
                return joined_lines(parts)
            return self.cell(box, mode)

        def lines(cell: Cell) -> int:
            box = box_of(cell)
            if box is None:
                return 0
            if cell.text.strip():
                return len(bands(box))
            # a cell read as nothing: only ink clear of its edges (no ruling's or stamp's remnant) is text
            x0, y0, x1, y1 = box[0] + INSET, box[1] + INSET, box[2] - INSET, box[3] - INSET
            if x1 - x0 < 2 or y1 - y0 < 2:  # a sliver of a cell (or one off the page) holds no line
                return 0
            ink = _off_border(self.page.binary[max(y0, 0) : y1, max(x0, 0) : x1])
            if not ink.size:
                return 0
            return len(ink_bands(ink)) if int(np.count_nonzero(ink)) >= MIN_CELL_INK else 0

        doubts = settle_period_cells(table, read, lines, fiscal_year, column)
        self.doubts.extend(doubts)
        return doubts


def _number_ends(
    symbols: Sequence[OcrSymbol], group: Sequence[OcrSymbol], inside: list[OcrSymbol], glyphs: str
) -> list[OcrSymbol]:
    """``inside`` (the symbols under a glyph run) with the digits and number punctuation of
    ``group`` that continue it on either side, when Tesseract's reading of them all is a
    well-formed number holding every digit of the glyph reading ``glyphs``, and more
    (:func:`fuller`): a last digit the glyph reader was unsure of and left out (a narrow ``1``,
    ``48.3`` for ``48.31``) is still the number's; else ``inside`` as it was.

    >>> at = (("4", 0), ("8", 9), (".", 18), ("3", 22), ("1", 31))
    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in at]
    >>> [x.text for x in _number_ends(s, s, s[:4], "48.3")]
    ['4', '8', '.', '3', '1']
    >>> [x.text for x in _number_ends(s, s, s[:4], "48.5")]
    ['4', '8', '.', '3']
    """
    order = [s for s in group if s in symbols]
    if not inside or inside[0] not in order or inside[-1] not in order:
        return inside
    lo, hi = order.index(inside[0]), order.index(inside[-1])
    while lo > 0 and _NUMBER_SYMBOL.match(order[lo - 1].text):
        lo -= 1
    while hi + 1 < len(order) and _NUMBER_SYMBOL.match(order[hi + 1].text):
        hi += 1
    wider = order[lo : hi + 1]
    if len(wider) == len(inside) or not fuller("".join(s.text for s in wider), glyphs):
        return inside
    return wider


def kept_glyphs(glyphs: Sequence[Glyph], lo: float, hi: float, touching: float, width: int) -> list[Glyph]:
    """The glyphs of a crop (``width`` pixels wide) whose middle lies in ``lo … hi`` (Tesseract's
    stretch), and the trusted digits that continue them on either side, each no further than
    ``touching`` from the last one taken and whole in the crop: a digit Tesseract's box left out
    (``๖๔.๓๖`` whose ``๖`` Tesseract took for a mark of the word before: ``คะแนน์๕.๓๒๑``).  A
    letter (the ``ศ`` of ``พ.ศ.``), or a digit behind a point or a gap, is not the number's.

    >>> def g(label, x0, x1, sure=True):
    ...     return Glyph(label, x0, x1, 0.9 if sure else 0.5, 0.2)
    >>> glyphs = [g("L", 0, 20), g("๖", 24, 40), g("๔", 42, 58), g(".", 60, 63), g("๓", 65, 80)]
    >>> [x.label for x in kept_glyphs(glyphs, 41, 81, 6, 100)]
    ['๖', '๔', '.', '๓']
    >>> [x.label for x in kept_glyphs([g("๖", 24, 40, sure=False), *glyphs[2:]], 41, 81, 6, 100)]
    ['๔', '.', '๓']
    >>> [x.label for x in kept_glyphs([g("๒", 0, 30), *glyphs[2:]], 41, 81, 6, 100)]  # cut by the crop
    ['๔', '.', '๓']
    >>> [x.label for x in kept_glyphs([g("๖", 20, 30), g(".", 31, 34), *glyphs[2:]], 41, 81, 6, 100)]
    ['๔', '.', '๓']
    """
    inside = [i for i, x in enumerate(glyphs) if lo <= (x.x0 + x.x1) / 2 <= hi]
    if not inside:
        return []
    taken = set(inside)
    body = [i for i, x in enumerate(glyphs) if x.label != MARK]

    def extend(last: Glyph, order: list[int], edge: Callable[[Glyph, Glyph], float]) -> None:
        for i in order:
            if i in taken:
                last = glyphs[i]
                continue
            x = glyphs[i]
            near = edge(last, x) <= touching
            whole = x.x0 > 0 and x.x1 < width
            if not (x.label in DIGITS and x.trusted and near and whole):
                return
            taken.add(i)
            last = x

    first, last_in = inside[0], inside[-1]
    extend(glyphs[first], [i for i in reversed(body) if i < first], lambda a, b: a.x0 - b.x1)
    extend(glyphs[last_in], [i for i in body if i > last_in], lambda a, b: b.x0 - a.x1)
    return [x for i, x in enumerate(glyphs) if i in taken]


def _off_border(binary: Gray) -> Gray:
    """A cell's ink without the components that touch its edge: what is left of a ruling, of a
    stamp crossing it, or of a shaded row's edge (glyphs stand inside the cell).

    >>> cell = np.zeros((20, 40), np.uint8); cell[0:3, :] = 255; cell[8:14, 10:14] = 255
    >>> int(_off_border(cell).sum() // 255)
    24
    >>> _off_border(np.zeros((0, 5), np.uint8)).shape   # a cell cut to nothing
    (0, 5)
    """
    if not binary.size:
        return binary
    n, labels, stats = components(np.ascontiguousarray(binary))
    h, w = binary.shape
    edge = [
        i
        for i in range(1, n)
        if stats[i][0] == 0
        or stats[i][1] == 0
        or stats[i][0] + stats[i][2] >= w
        or stats[i][1] + stats[i][3] >= h
    ]
    if not edge:
        return np.ascontiguousarray(binary)
    return np.ascontiguousarray(np.where(np.isin(labels, edge), 0, binary).astype(np.uint8))


def _covers_ink(binary: Gray, box: PixelBox, readings: Sequence[tuple[str, float, int, int]]) -> bool:
    """A reading of a cell of letters accounts for its ink: the widest number run spans most of
    the columns that have ink (a speck beside a stroke is no number), the ink touching the cell's
    edge (a ruling's or a shade's remains) left out.  Narrower runs under other binarisations
    (``๔๕`` of ``๗๓.๔๕``, its first digits touching there) do not gainsay it: the reading is
    settled from the fullest (:func:`~extractors.ocr.number_text.settle_number`), whose digits
    theirs must stand in."""
    if not readings:
        return False
    x0, y0, x1, y1 = box[0] + INSET, box[1] + INSET, box[2] - INSET, box[3] - INSET
    cols = np.nonzero(_off_border(binary[y0:y1, x0:x1]).any(axis=0))[0]
    if not len(cols):
        return False
    width = int(cols[-1] - cols[0] + 1)
    return max(r[3] - r[2] for r in readings) >= 0.8 * width


def grid_table(cells: Sequence[tuple[BBox, str, str, float | None]], page: int) -> Table | None:
    """A :class:`~schemas.Table` from cell boxes (points) and their OCR'd text, spans from the grid."""
    if len(cells) < 2:
        return None
    boxes = [c[0] for c in cells]
    xs = cluster_edges([b.x0 for b in boxes] + [b.x1 for b in boxes], IMAGE_EDGE_TOLERANCE)
    ys = cluster_edges([b.top for b in boxes] + [b.bottom for b in boxes], IMAGE_EDGE_TOLERANCE)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 1 or n_rows * n_cols < 2:
        return None
    placements = [grid_place((b.x0, b.top, b.x1, b.bottom), xs, ys) for b in boxes]
    missing, overlapping = coverage(n_rows, n_cols, placements)
    out = [
        Cell(row, col, text, raw, box, rowspan, colspan, conf)
        for (box, text, raw, conf), (row, col, rowspan, colspan) in zip(cells, placements, strict=True)
    ]
    out += [Cell(r, c, "", "", BBox(xs[c], ys[r], xs[c + 1], ys[r + 1])) for r, c in missing]
    if not any(c.text for c in out):
        return None
    out.sort(key=lambda c: (c.row, c.col))
    filled = sum(c.rowspan * c.colspan for c in out if c.text) / (n_rows * n_cols)
    notes = ["read by OCR"]
    if missing:
        notes.append(f"{len(missing)} grid slot(s) without a ruled cell, left empty")
    if overlapping:
        notes.append(f"cells overlap ({overlapping} grid slot(s) covered twice)")
    quality = TableQuality(
        strategy="lines",
        score=quality_score(1.0, round(min(filled, 1.0), 3), "lines", bool(missing or overlapping)),
        filled_share=round(min(filled, 1.0), 3),
        chars_inside=1.0,
        notes=notes,
    )
    return Table(page, 0, BBox(xs[0], ys[0], xs[-1], ys[-1]), n_rows, n_cols, out, quality)


def render(doc: pdfium.PdfDocument, number: int, dpi: int) -> Gray:
    """Page ``number`` (1-based) as a greyscale image at ``dpi``."""
    bitmap = doc[number - 1].render(scale=dpi / 72, grayscale=True)
    image = bitmap.to_pil().convert("L")
    return np.asarray(image, dtype=np.uint8)


def read_scanned_page(
    engine: OcrEngine, gray: Gray, number: int, reason: str = ""
) -> tuple[PageText, list[Table]]:
    """OCR one page image (rendered at ``engine.dpi``) into its text and tables."""
    started = time.perf_counter()
    dpi = engine.dpi
    prepared = prepare_page(engine, gray)  # perspective, light, orientation, skew
    page = prepared.page
    height_px, width_px = page.gray.shape
    info = OcrInfo(
        OcrStatus.READ,
        dpi,
        rotation=page.rotation,
        skew=page.skew,
        perspective=prepared.perspective,
        illumination=prepared.illumination,
    )
    text = PageText(
        number, width_px * 72 / dpi, height_px * 72 / dpi, PageKind.SCANNED, reason=reason, ocr=info
    )
    if page.ink_share < BLANK_INK:
        info.status, info.reason = OcrStatus.BLANK, "the scanned page is blank"
        info.seconds = round(time.perf_counter() - started, 3)
        return text, []
    reader = PageReader(engine, page, dpi)
    grids = find_grids(page.binary, page.gray)
    tables = [t for t in (reader.table(g, number) for g in grids) if t is not None]
    text.lines = reader.prose(grids)
    from extractors.ocr.lost_values import recover_lost_values
    from extractors.ocr.regions import read_value, read_value_enlarged, settle_scanned_chart

    text.lines = settle_scanned_chart(reader, text.lines)  # a chart's misread values, read again
    text.lines, lost = recover_lost_values(  # ... and those never read
        text.lines,
        page.binary,
        dpi,
        lambda box: read_value(reader, box, 0.0, 0.0),
        lambda box: read_value_enlarged(reader, box),
    )
    reader.doubts.extend(lost)
    confs = reader.symbol_confidences
    info.confidence = round(sum(confs) / len(confs) / 100, 3) if confs else None
    info.doubts = reader.doubts
    if not confs or not (text.lines or tables):
        info.status = OcrStatus.UNREADABLE
        info.reason = "the page has ink but no text could be read with confidence (a picture or damage?)"
        text.lines, tables = [], []
        info.doubts = []
    for index, table in enumerate(tables):
        table.index = index
    info.seconds = round(time.perf_counter() - started, 3)
    return text, tables


# --- helpers -----------------------------------------------------------------------------------


def _text_lines(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """Lines that are text, not noise read as letters: an emblem, a stamp, ruling remnants, or the
    marks of a bold line that Tesseract split off as a line of their own.  Such lines have a low
    mean confidence, or are mostly tokens of one or two symbols, or are much lower than the
    other lines and read as no word (a word of letters without marks, ``งาน`` wrapped alone from
    a title whose lines carry marks, is as low as marks are)."""
    heights = sorted(ln.box[3] - ln.box[1] for ln in lines)
    median = heights[len(heights) // 2] if heights else 0
    kept: list[OcrLine] = []
    for ln in lines:
        mean = sum(s.confidence for s in ln.symbols) / len(ln.symbols)
        if mean < MIN_LINE_CONFIDENCE:
            continue
        if (
            len(lines) > 1
            and ln.box[3] - ln.box[1] < 0.45 * median
            and not any(s.text in DIGITS for s in ln.symbols)
            and not _is_evidence_of_text("".join(s.text for s in ln.symbols))
        ):
            continue
        letters = sum(1 for s in ln.symbols if s.text.isalnum())
        if len(ln.symbols) >= 4 and letters < 0.5 * len(ln.symbols):
            continue
        # marks read as a line of their own are lower than a line; a line of Thai words as tall as
        # the usual one that stands a quarter of its height or more out of the taller line is a line
        # of its own (a signature joined the next line to it, which was read again, two lines tall)
        taller = [other for other in lines if other is not ln and _inside_taller(ln.box, other.box)]
        full = (
            ln.box[3] - ln.box[1] >= median
            and mean >= FULL_LINE_CONFIDENCE
            and all(_sticks_out(ln.box, other.box) for other in taller)
            and _thai_words("".join(s.text for s in ln.symbols))  # a stamp's ring makes no words
        )
        if (
            taller
            and not full
            and not (_numbers_only(ln) and not any(_same_ink(ln, other) for other in taller))
        ):
            continue
        kept.append(ln)
    return kept


def _numbers_only(line: OcrLine) -> bool:
    """A line read as numbers: digits and number punctuation only (a chart's values)."""
    return all(_NUMBER_SYMBOL.match(s.text) for s in line.symbols)


def _same_ink(line: OcrLine, taller: OcrLine) -> bool:
    """Most of ``line``'s symbols overlap a symbol of ``taller``: the same ink read twice (the
    marks of a Thai line, read again as a line of their own).  A line of numbers whose symbols lie
    between the taller line's (a chart's values between the bars, which Tesseract read as one tall
    line of blobs) is ink of its own; a line of letters there is still taken for noise (a stamp's
    ring read as ``a สม ae`` inside a text line).

    >>> def line(*boxes): return OcrLine(tuple(OcrSymbol("x", b, 90.0) for b in boxes), (0, 0, 0, 0))
    >>> thai = line((0, 10, 20, 40), (22, 0, 30, 40), (32, 10, 50, 40))
    >>> _same_ink(line((22, 0, 30, 8)), thai), _same_ink(line((51, 12, 60, 20)), thai)
    (True, False)
    """

    def overlaps(a: PixelBox, b: PixelBox) -> bool:
        return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])

    shared = sum(1 for s in line.symbols if any(overlaps(s.box, t.box) for t in taller.symbols))
    return 2 * shared >= len(line.symbols)


#: A gap between two symbols this share of their median height or wider is a word space.
WORD_SPACE_SHARE = 0.3
#: A Thai abbreviation: one to three parts (a consonant, perhaps a lead vowel before and marks
#: after), each ended by a full stop (``พ.ศ.``, ``ต.ค.``, ``มี.ค.``, ``ป.ป.ช.``).
_RE_THAI_ABBREVIATION = re.compile(f"(?:{ABBREVIATION_PART}\\.){{1,3}}")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _one_for_each_split(first: str, glyphs: str, inside: Sequence[OcrSymbol]) -> bool:
    """Whether Tesseract's digits ``inside`` (read ``first``) read one digit as two
    (:func:`~extractors.ocr.number_text.split_pairs`) and the glyph reader's number ``glyphs``
    lacks no more digits than that: one digit for each pair, not one for the whole number
    (``๕`` for Tesseract's ``๒๓๕๓๐๓``, the glyphs of ``๖๓.๕๓`` found in one of them only).

    >>> sym = lambda t, x0, x1: OcrSymbol(t, (x0, 0, x1, 20), 90.0)
    >>> read = [sym("๒", 1392, 1401), sym("๑", 1401, 1411), sym("๕", 1408, 1432), sym(".", 1440, 1446),
    ...         sym("๒", 1450, 1471), sym("๓", 1470, 1500)]
    >>> _one_for_each_split("๒๑๕.๒๓", "๖๕.๒๓", read), _one_for_each_split("๒๑๕.๒๓", "๕", read)
    (True, False)
    """
    pairs = split_pairs([(s.text, s.box[0], s.box[2]) for s in inside])
    return pairs > 0 and _digit_count(glyphs) + pairs >= _digit_count(first)


def _digit_count(text: str) -> int:
    return sum(1 for ch in text if ch in DIGITS)


def _latin_abbreviations(symbols: Sequence[OcrSymbol]) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of Latin letters and full stops shaped as an abbreviation (one
    to four letters, a stop after a letter) in a line of Thai, that touches Thai letters or is
    followed by a digit: Tesseract's English guess for a Thai abbreviation (``Wa. ๒๕๖๖``).

    Its last stop may be read as a comma (``wal, ๒๕๖๒`` for ``พ.ศ. ๒๕๖๒``): a comma after a letter
    ends the run.

    >>> sym = lambda t: OcrSymbol(t, (0, 0, 1, 1), 90)
    >>> line = [sym(c) for c in "ในปีwa.๒๕๖๖"]
    >>> _latin_abbreviations(line), _latin_abbreviations([sym(c) for c in "ITA.ในปี"])
    ([(4, 7)], [])
    >>> _latin_abbreviations([sym(c) for c in "wal,๒๕๖๒โรงเรียน"])
    [(0, 4)]
    """
    if sum(1 for s in symbols if _THAI.search(s.text)) <= len(symbols) / 2:
        return []

    def goes_on(symbol: OcrSymbol, before: OcrSymbol) -> bool:
        if before.text == ",":
            return False  # a comma ends the abbreviation
        return (
            bool(_LATIN_LETTER.fullmatch(symbol.text))
            or symbol.text == "."
            or (symbol.text == "," and bool(_LATIN_LETTER.fullmatch(before.text)))
        )

    runs: list[tuple[int, int]] = []
    for k, end in _latin_runs(symbols, goes_on):
        text = "".join(s.text for s in symbols[k:end])
        letters = len(_LATIN_LETTER.findall(text))
        glued = k > 0 and _THAI_LETTER.search(symbols[k - 1].text)
        before_digit = end < len(symbols) and symbols[end].text[:1] in DIGITS
        if 1 <= letters <= 4 and re.search(r"[A-Za-z][.,]", text) and (glued or before_digit):
            runs.append((k, end))
    return runs


def _no_marks_on_stops(symbols: Sequence[OcrSymbol]) -> list[OcrSymbol]:
    """``symbols`` without a vowel or tone mark read right after a full stop (``พ.ุศ.`` for
    ``พ.ศ.``): a stop carries no mark, so it was a speck.

    >>> sym = lambda t: OcrSymbol(t, (0, 0, 1, 1), 90)
    >>> "".join(s.text for s in _no_marks_on_stops([sym(c) for c in "พ.ุศ.ปี"]))
    'พ.ศ.ปี'
    """
    return [
        s
        for k, s in enumerate(symbols)
        if not (k and symbols[k - 1].text == "." and s.text and unicodedata.category(s.text[0]) == "Mn")
    ]


def _latin_runs(
    symbols: Sequence[OcrSymbol], goes_on: Callable[[OcrSymbol, OcrSymbol], bool]
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run that begins at a Latin letter and takes on each next symbol
    for which ``goes_on(symbol, the one before)``."""
    k = 0
    while k < len(symbols):
        if not _LATIN_LETTER.fullmatch(symbols[k].text):
            k += 1
            continue
        end = k + 1
        while end < len(symbols) and goes_on(symbols[end], symbols[end - 1]):
            end += 1
        yield k, end
        k = end


def _latin_words_before_numbers(symbols: Sequence[OcrSymbol]) -> list[tuple[int, int]]:
    """``(start, end)`` of each word of one or two Latin letters standing alone (a word space
    before it, or a Thai letter) right before a number, in a line with Thai text: where the
    English model took a short Thai word for letters (``U ๒๕๖๔`` for ``ปี ๒๕๖๔``).  A lone letter
    after a Latin word with no space (``ITAU``) counts: Tesseract glues what it reads as one script.

    >>> sym = lambda t, x: OcrSymbol(t, (x, 0, x + 8, 20), 90)
    >>> line = [sym(c, 10 * i) for i, c in enumerate("ผลการITA")]
    >>> line += [sym("U", 90), sym("๒", 110), sym("๕", 120)]
    >>> _latin_words_before_numbers(line)
    [(8, 9)]
    >>> _latin_words_before_numbers([sym(c, 10 * i) for i, c in enumerate("ITA ๒๕")])
    []
    """
    if not any(_THAI_LETTER.search(s.text) for s in symbols):
        return []
    space = WORD_SPACE_SHARE * float(np.median([s.box[3] - s.box[1] for s in symbols]))
    runs: list[tuple[int, int]] = []
    for end in range(1, len(symbols)):
        if symbols[end].text[:1] not in DIGITS or not _LATIN_LETTER.fullmatch(symbols[end - 1].text):
            continue
        start = end - 1  # back to the start of the Latin word: a word space or a non-letter
        while (
            start > 0
            and _LATIN_LETTER.fullmatch(symbols[start - 1].text)
            and symbols[start].box[0] - symbols[start - 1].box[2] < space
        ):
            start -= 1
        before = symbols[start - 1] if start > 0 else None
        alone = before is None or symbols[start].box[0] - before.box[2] >= space
        if end - start <= 2 and (alone or (before is not None and _THAI_LETTER.search(before.text))):
            runs.append((start, end))
    return runs


#: A Latin word amid Thai that may be the English model's guess for a Thai word: this many letters
#: at most (``vin`` for ``ทำงาน``, ``wag`` for ``และ``, ``Wau`` for ``เดือน``) ...
GUESS_LETTERS = 5


def _latin_guesses(symbols: Sequence[OcrSymbol]) -> list[tuple[int, int]]:
    """``(start, end)`` of each word of two to :data:`GUESS_LETTERS` Latin letters, not all
    capitals, in a line mostly of Thai letters: where the English model guessed letters for an
    unsure Thai word (``ติดตามผลโดยคณะ vin ITA`` for ``… คณะทำงาน ITA``).  Capitals alone are
    an acronym (``ITA``, ``EIT``) and stay; so does a longer word (``Facebook``).  Only a
    candidate: the word is read again with the Thai model and taken only as a dictionary word.

    >>> sym = lambda t, x: OcrSymbol(t, (x, 0, x + 8, 20), 90)
    >>> line = [sym(c, 10 * i) for i, c in enumerate("ติดตามผลโดยคณะ")]
    >>> line += [sym(c, 150 + 10 * i) for i, c in enumerate("vin")]
    >>> line += [sym(c, 200 + 10 * i) for i, c in enumerate("ITA")]
    >>> _latin_guesses(line)
    [(14, 17)]
    >>> _latin_guesses([sym(c, 10 * i) for i, c in enumerate("คณะทำงานFacebook")])
    []
    """
    thai = sum(1 for s in symbols if _THAI_LETTER.search(s.text))
    latin = sum(1 for s in symbols if _LATIN_LETTER.fullmatch(s.text))
    if thai < 4 or latin >= thai:
        return []
    space = WORD_SPACE_SHARE * float(np.median([s.box[3] - s.box[1] for s in symbols]))

    def same_word(symbol: OcrSymbol, before: OcrSymbol) -> bool:  # a Latin letter, no word space
        return bool(_LATIN_LETTER.fullmatch(symbol.text)) and symbol.box[0] - before.box[2] < space

    runs: list[tuple[int, int]] = []
    for k, end in _latin_runs(symbols, same_word):
        text = "".join(s.text for s in symbols[k:end])
        if 2 <= len(text) <= GUESS_LETTERS and not text.isupper():
            runs.append((k, end))
    return runs


def _shifted(symbol: OcrSymbol, dx: int, dy: int) -> OcrSymbol:
    return OcrSymbol(symbol.text, _shift(symbol.box, dx, dy), symbol.confidence)


#: Why a level letter read back from a digit is doubted.
LEVEL_DOUBT = "a level letter read as a look-alike digit (8, 6, 0), taken as B, C, D from the words before it"
#: The ITA levels a level word may be, and what a word after ``ระดับ`` may be when misread as
#: something else (a digit, a Latin letter that is no level): one or two letters or digits.
LEVELS = frozenset({"AA", "A", "B", "C", "D", "E", "F"})
_LEVEL_WORD = re.compile(r"[0-9๐-๙A-Za-z]{1,2}")
LEVEL_REREAD = "a level letter read again with the English model restricted to level letters"


def _level_letters_across(lines: list[Line]) -> list[Line]:
    """:func:`repair_level_letters` over each line break: a line ending in ``ระดับ`` whose level
    letter, read as a digit, opens the next line (``… คะแนน ระดับ`` / ``ผลการประเมิน 0``).  The
    next line's raw text stays as read.

    >>> line = lambda t: Line(t, t, BBox(0, 0, 1, 1), ())
    >>> [ln.text for ln in _level_letters_across([line("คะแนน ระดับ"), line("ผลการประเมิน 0"), line("0")])]
    ['คะแนน ระดับ', 'ผลการประเมิน D', '0']
    """
    out = lines[:1]
    for line in lines[1:]:
        before = out[-1].text
        fixed = repair_level_letters(f"{before}\n{line.text}")
        if fixed.startswith(f"{before}\n") and fixed[len(before) + 1 :] != line.text:
            line = replace(line, text=fixed[len(before) + 1 :])
        out.append(line)
    return out


def _mean(line: OcrLine) -> float:
    return sum(s.confidence for s in line.symbols) / len(line.symbols) if line.symbols else 0.0


def _sticks_out(box: PixelBox, other: PixelBox) -> bool:
    """Whether a quarter of ``box``'s height or more lies above or below ``other``.

    >>> _sticks_out((22, 1665, 1221, 1741), (87, 1698, 1204, 1812))  # a line, the next read with it
    True
    >>> _sticks_out((90, 5, 128, 30), (0, 0, 150, 40))  # a stamp's ring read inside a line
    False
    """
    height = box[3] - box[1]
    return max(other[1] - box[1], 0) + max(box[3] - other[3], 0) >= STICK_OUT * height


def _inside_taller(box: PixelBox, other: PixelBox) -> bool:
    """``box`` is a shorter line lying mostly within the height of a taller line it overlaps: the
    marks above a Thai line that Tesseract also read as a line of their own (``alry`` over
    ``ประเด็นที่ต้องพัฒนา``).

    >>> marks, line, next_line = (162, 34, 255, 61), (67, 39, 309, 85), (67, 90, 309, 130)
    >>> _inside_taller(marks, line), _inside_taller(line, next_line)
    (True, False)
    """
    height, other_height = box[3] - box[1], other[3] - other[1]
    overlap_y = min(box[3], other[3]) - max(box[1], other[1])
    overlap_x = min(box[2], other[2]) - max(box[0], other[0])
    return height < other_height and overlap_x > 0 and overlap_y >= 0.5 * height


_NUMBER_SYMBOL = re.compile(r"^[0-9๐-๙.,/\-]+$")


def _with_touching(
    symbols: Sequence[OcrSymbol], group: list[OcrSymbol], gap: float, space: float | None = None
) -> list[OcrSymbol]:
    """``group`` and the symbol just before and just after it, each if it is one character that
    nearly touches the group (no space between); and past a Thai letter so taken, the next one
    too on the same terms (at most :data:`LETTERS_AT_END` letters an end): a number's two end
    digits may both be read as letters (``ฒญ.๕๐`` for ``๗๗.๙๐``, ``๕๐.ออ`` for ``๘๐.๖๖``), and
    the glyph reader, which tells letters from digits, is the one to say which they are.

    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in (("ก", 0), ("๖", 30), ("ฒ", 39), ("ข", 60))]
    >>> [x.text for x in _with_touching(s, s[1:2], 3)]
    ['๖', 'ฒ']
    >>> at = (("ซ", 0, 24), ("่", 30, 116), ("๒", 36, 53), (".", 52, 72))   # a mark boxed over the digits
    >>> s = [OcrSymbol(t, (x0, 0, x1, 20), 90) for t, x0, x1 in at]
    >>> [x.text for x in _with_touching(s, s[2:], 8)]
    ['ซ', '่', '๒', '.']
    >>> at = (("น", 0), ("ฒ", 20), ("ญ", 29), (".", 38), ("๕", 45), ("อ", 54), ("อ", 63), ("ก", 72))
    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in at]
    >>> [x.text for x in _with_touching(s, s[3:5], 2)]
    ['ฒ', 'ญ', '.', '๕', 'อ', 'อ']

    A number that ends at its point goes on past it: its decimals are the symbol after the point
    when no word's ``space`` lies between (``๔๙.อ``, the ``๖๗`` one wide box read ``อ``).

    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in (("๕", 0), (".", 10), ("อ", 26))]
    >>> [x.text for x in _with_touching(s, s[:2], 3)], [x.text for x in _with_touching(s, s[:2], 3, 12)]
    (['๕', '.'], ['๕', '.', 'อ'])

    So does a number whose end digit was read as a letter: the point after that letter, with no
    word's space between, is the number's, and so are the two decimals after it, letters too
    (``๕ฒ.อฆ`` for ``๕๗.๖๗``, 10 px between the ``ฒ`` and the point, 6 px a touching gap).

    >>> at = (("๕", 0), ("ฒ", 12), (".", 30), ("อ", 38), ("ฆ", 50), ("ก", 80))
    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in at]
    >>> [x.text for x in _with_touching(s, s[:1], 6, 12)], [x.text for x in _with_touching(s, s[:1], 6)]
    (['๕', 'ฒ', '.', 'อ', 'ฆ'], ['๕', 'ฒ'])
    """
    first, last = symbols.index(group[0]), symbols.index(group[-1])
    out = list(group)
    before = first - 1
    if before > 0 and unicodedata.category(symbols[before].text[:1]) == "Mn":
        # A mark's box is no guide to what it is (Tesseract boxes a tone mark over the digits
        # after it: ``ซ่๒.๕๐`` for ``๗๖.๕๐``, the mark a piece of the ``๖``): it goes with the
        # letter it sits on, and that letter touches the number when it touches where either begins.
        base = symbols[before - 1]
        begins = min(symbols[before].box[0], group[0].box[0])
        if len(base.text) == 1 and begins - base.box[2] <= gap:
            out[:0] = [base, symbols[before]]
    else:
        while (
            before >= 0
            and first - before <= LETTERS_AT_END
            and len(symbols[before].text) == 1
            and out[0].box[0] - symbols[before].box[2] <= gap
            and (before == first - 1 or _THAI_LETTER.match(out[0].text))
        ):
            out.insert(0, symbols[before])
            before -= 1
    after = last + 1
    word = space - 0.001 if space is not None else gap  # nearer than a word's space
    while (
        after < len(symbols)
        and after - last <= LETTERS_AT_END
        and len(symbols[after].text) == 1
        and symbols[after].box[0] - out[-1].box[2]
        <= (word if "." in (out[-1].text, symbols[after].text) else gap)
        and (after == last + 1 or _THAI_LETTER.match(out[-1].text) or symbols[after].text == ".")
    ):
        out.append(symbols[after])
        if symbols[after].text == "." and out[-2] is not group[-1]:
            last = after  # a point after letters taken: its decimals may be letters too (``๕ฒ.อฆ``)
        after += 1
    return out


#: How many one-character symbols next to an end of a number :func:`_with_touching` takes: the
#: digits a number may have before or after its point at most (two), all read as letters.
LETTERS_AT_END = 2


def _stretches(
    symbols: Sequence[OcrSymbol], gap: float, touching: float, space: float | None = None
) -> list[list[OcrSymbol]]:
    """The stretches of a line the glyph reader re-reads: its numeric groups
    (:func:`_numeric_groups`) cut at gaps wider than ``gap``, each with the symbol touching either
    end (:func:`_with_touching`); stretches that then share a symbol, or touch, are one (a year
    Tesseract broke into ``๒๕อ๑ฒ`` is one number, not ``๒๕๖`` and ``๖๗`` read from overlapping
    crops: ``๒๕๖๖๗``); and so are two with a few characters (:data:`MAX_BETWEEN`) between them and
    no gap as wide as a word's ``space`` (``๘ฒ.๖๐``, ``๖ฒ.อ๑``: a ``๗``, a ``๖`` read as letters
    further from their neighbours than touching, which left the score cut in two, its first digit
    alone).

    >>> at = (("๒", 0), ("๕", 9), ("อ", 18), ("๑", 27), ("ฒ", 36))
    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in at]
    >>> [[x.text for x in g] for g in _stretches(s, 40, 3)]
    [['๒', '๕', 'อ', '๑', 'ฒ']]
    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in (("9", 0), ("0", 9), ("8", 60), ("8", 69))]
    >>> [[x.text for x in g] for g in _stretches(s, 20, 3)]
    [['9', '0'], ['8', '8']]
    >>> at = (("๘", 0), ("ฒ", 13), (".", 26), ("๖", 33), ("๐", 42))
    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in at]
    >>> texts = lambda groups: ["".join(x.text for x in g) for g in groups]
    >>> texts(_stretches(s, 20, 2)), texts(_stretches(s, 20, 2, 6))
    (['๘', '.๖๐'], ['๘ฒ.๖๐'])
    >>> at = (("๖", 0), ("ฒ", 13), (".", 26), ("อ", 33), ("๑", 46))
    >>> texts(_stretches([OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in at], 20, 2, 6))
    ['๖ฒ.อ๑']
    """
    order = {id(sym): i for i, sym in enumerate(symbols)}
    stretches: list[list[OcrSymbol]] = []
    for group in (part for g in _numeric_groups(symbols) for part in _split_at_gaps(g, gap)):
        if any(ch in DIGITS for sym in group for ch in sym.text):
            group = _with_touching(symbols, group, _number_spacing(group, touching, space), space)
        if stretches:
            last = stretches[-1]
            first_here, last_there = order[id(group[0])], order[id(last[-1])]
            close = first_here == last_there + 1 and group[0].box[0] - last[-1].box[2] <= touching
            between = list(symbols[last_there + 1 : first_here])
            if (
                space is not None
                and 1 <= len(between) <= MAX_BETWEEN
                and all(len(b.text) == 1 for b in between)
            ):
                chain = [last[-1], *between, group[0]]
                close = all(b.box[0] - a.box[2] < space for a, b in pairwise(chain))
            if first_here <= last_there or close:
                stretches[-1] = list(symbols[order[id(last[0])] : max(order[id(group[-1])], last_there) + 1])
                continue
        stretches.append(group)
    return stretches


#: A symbol beside a number is as close as its own digits when its gap is at most this many
#: times their usual one (the median of the gaps between them).
SPACING_SLACK = 1.25


def _digit_widths(symbols: Iterable[OcrSymbol]) -> list[int]:
    """The widths of the symbols that are one digit each (Tesseract's boxes)."""
    return [s.box[2] - s.box[0] for s in symbols if len(s.text) == 1 and s.text in DIGITS]


def _run_covers(symbols: Sequence[OcrSymbol], inside: list[OcrSymbol], r0: int, r1: int) -> list[OcrSymbol]:
    """``inside`` (a run of ``symbols`` under a glyph reading spanning ``r0 … r1``) with the
    symbols next to it whose middle lies in that span too: a digit Tesseract read as a letter
    beyond the stretch it looked at (``ซอ๑.๒๕`` for ``๗๑.๖๘``, the crop run on through the ink
    of its ``๗``) is the number's, not a letter left before it.

    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in (("ก", 0), ("ซ", 10), ("๑", 20), ("๕", 30))]
    >>> [x.text for x in _run_covers(s, s[2:], 9, 40)]
    ['ซ', '๑', '๕']
    """
    out = list(inside)
    at = symbols.index(out[0])
    while at > 0 and r0 - 1 <= (symbols[at - 1].box[0] + symbols[at - 1].box[2]) / 2 <= r1 + 1:
        at -= 1
        out.insert(0, symbols[at])
    at = symbols.index(out[-1])
    while at + 1 < len(symbols) and r0 - 1 <= (symbols[at + 1].box[0] + symbols[at + 1].box[2]) / 2 <= r1 + 1:
        at += 1
        out.append(symbols[at])
    return out


def _past_ink(rows: Gray, x: int, step: int, reach: int) -> int:
    """The column ``x`` of ``rows`` (ink 255), when it has ink (a glyph the column cuts), moved by
    ``step`` to the first blank column past that ink (paper on the glyph's far side, so it is
    whole in a crop that ends there), at most ``reach`` columns of ink on, never off the image.

    >>> rows = np.zeros((4, 10), np.uint8); rows[:, 3:7] = 255
    >>> _past_ink(rows, 4, 1, 9), _past_ink(rows, 4, 1, 1), _past_ink(rows, 4, -1, 9)
    (7, 6, 2)
    >>> _past_ink(rows, 8, 1, 9)  # blank paper: the edge stays
    8
    """
    if not rows[:, x].any():
        return x
    moved = 0
    while moved < reach and 0 <= x + step < rows.shape[1] and rows[:, x + step].any():
        x += step
        moved += 1
    return x + step if 0 <= x + step < rows.shape[1] else x


def _widest_digit(symbols: Sequence[OcrSymbol]) -> int:
    """The widest of the symbols that are one digit each, leaving out a box more than twice as
    wide as their median: no one digit's (Tesseract's box of a digit may span the number); 0
    without one.

    >>> at = (("๕", 0, 83), ("๕", 85, 98), ("๐", 100, 122))
    >>> s = [OcrSymbol(t, (x0, 0, x1, 20), 90) for t, x0, x1 in at]
    >>> _widest_digit(s), _widest_digit(s[1:2]), _widest_digit([])
    (22, 13, 0)
    """
    widths = _digit_widths(symbols)
    if not widths:
        return 0
    median = statistics.median(widths)
    return max(w for w in widths if w <= 2 * median)


def _number_spacing(group: Sequence[OcrSymbol], touching: float, space: float | None) -> float:
    """How near a symbol must be to a number's end to touch it: ``touching``, or the number's
    own spacing (:data:`SPACING_SLACK` times the median gap between its symbols) when that is
    wider, but never as wide as a word's ``space``.  A fixed share of the line's height is too
    little where the digits stand apart: a year's last digit read as a letter (``๒๕๖ฒ``, small
    Thai digits at 150 dpi, 9 px apart in a 52 px line) is as far from the others as they are
    from each other, and is no neighbour of theirs by the line's measure.

    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in (("๒", 0), ("๕", 17), ("๖", 34))]
    >>> _number_spacing(s, 3, 12), _number_spacing(s, 3, 8), _number_spacing(s[:1], 3, 12)
    (11.25, 7.999, 3)
    """
    gaps = sorted(b.box[0] - a.box[2] for a, b in pairwise(group))
    if not gaps:
        return touching
    own = SPACING_SLACK * gaps[len(gaps) // 2]
    if space is not None:
        own = min(own, space - 0.001)
    return max(touching, own)


def _split_at_gaps(group: list[OcrSymbol], gap: float) -> list[list[OcrSymbol]]:
    """``group`` cut where the space between two symbols is wider than ``gap`` (pixels).

    >>> s = [OcrSymbol(t, (x, 0, x + 8, 20), 90) for t, x in (("9", 0), ("0", 9), ("8", 60), ("8", 69))]
    >>> [[x.text for x in part] for part in _split_at_gaps(s, 5)]
    [['9', '0'], ['8', '8']]
    """
    parts: list[list[OcrSymbol]] = [[group[0]]] if group else []
    for prev, symbol in pairwise(group):
        if symbol.box[0] - prev.box[2] > gap:
            parts.append([])
        parts[-1].append(symbol)
    return parts


def _numeric_groups(symbols: Sequence[OcrSymbol]) -> list[list[OcrSymbol]]:
    """Stretches of consecutive symbols that are digits or number punctuation, with a digit; and
    stretches of Latin letters amid Thai (Tesseract's guess for Thai digits it cannot read)."""
    groups: list[list[OcrSymbol]] = []
    current: list[OcrSymbol] = []
    latin: list[OcrSymbol] = []
    thai_line = sum(1 for s in symbols if _THAI.search(s.text)) > len(symbols) / 2
    for symbol in [*symbols, OcrSymbol("", (0, 0, 0, 0), 0)]:
        if symbol.text and _NUMBER_SYMBOL.match(symbol.text):
            current.append(symbol)
        else:
            if any(ch in DIGITS for s in current for ch in s.text):
                groups.append(current)
            current = []
        if thai_line and symbol.text and _LATIN_SYMBOL.match(symbol.text):
            latin.append(symbol)
        else:
            if len(latin) >= 3:
                groups.append(latin)
            latin = []
    return groups


_LATIN = re.compile(r"[A-Za-z]")
_LATIN_SYMBOL = re.compile(r"^[A-Za-z.,]+$")
_THAI = re.compile(r"[ก-๛]")
_THAI_LETTER = re.compile(r"[ก-ฮ]")
_THAI_DIGIT = re.compile(r"[๐-๙]")
_DIGIT_RUN = re.compile(r"[0-9๐-๙]{2}")


def _noise(line: Line) -> bool:
    """A line of scattered one- and two-letter tokens: specks and strokes read as letters.

    Specks do not make a well-formed number of three digits or more (a year, a score), nor a
    dictionary word of two consonants or more: a line holding either is text, however many short
    tokens it has (a bold ``พ.ศ.๒๕๖๗`` read as ``พ . ศ. ๒๕๖๗``; a legend ``๑ = การปฏิบัติหน้าที่ ๒ = …``).

    >>> w = lambda t: Word(t, t, BBox(0, 0, 1, 1))
    >>> line = lambda t: Line(t, "", BBox(0, 0, 1, 1), tuple(w(x) for x in t.split()))
    >>> _noise(line("อ, เ ศ ม/, v")), _noise(line("พ . ศ. ๒๕๖๗")), _noise(line("๑ = การปฏิบัติหน้าที่ ๒ ="))
    (True, False, False)
    >>> _noise(line("ๆ ๑ . ก ข ค"))  # one digit, no word of two consonants
    True

    Nor do specks count: a line of consecutive numbers (``1 2 3 … 10``, the numbers under a chart's
    bars or heading a table's columns) is text.

    >>> _noise(line("1 2 3 4 5 6 7 8 9 10")), _noise(line("๑ ๒ ๓ ๔ ๕")), _noise(line("1 7 1 4 1"))
    (False, False, True)

    ... with one or two of its numbers lost or misread at its ends (a photo's ``2 3 … 9 า0``).

    >>> _noise(line("2 3 4 5 6 7 8 9 า0"))
    False
    """
    words = line.words
    short = sum(1 for w in words if len(w.text) <= 2)
    if len(words) < 4 or short < 0.6 * len(words):
        return False
    if counting_run([w.text for w in words]) is not None:
        return False
    return not any(_is_evidence_of_text(w.text) for w in words)


_NUMBER_TOKEN = re.compile(r"[0-9๐-๙]+(?:[.,/][0-9๐-๙]+)*")


def _is_evidence_of_text(token: str) -> bool:
    """A token specks do not make: a well-formed number of three digits or more, or one holding a
    dictionary word of two consonants or more (a row of one- and two-digit labels, ``1 2 … 10``,
    is still no line of text).

    >>> [_is_evidence_of_text(t) for t in ("๒๕๖๗", "5.00", "=การใช้อำนาจ", "ศ.", "ม/,", "10", "1..1")]
    [True, True, True, False, False, False, False]
    """
    core = token.strip(".,:;()[]=-–—*/\\|\"'“”‘’«»")
    if _NUMBER_TOKEN.fullmatch(core) and sum(ch in DIGITS for ch in core) >= 3:
        return True
    return any(len(_THAI_LETTER.findall(t)) >= 2 and is_word(t) for t in tokenize(core))


def _rest_is_text(line: Line) -> bool:
    """Whether a line read from ink the page layout left unread is text a reader writes: mostly
    Thai dictionary words (``ผู้รับผิด ช่วง``) or a period or part of one (``มี.ค. -``).  A
    signature or a stamp's ring read on its own is neither (``ใไญ``, ``HU.-``, ``“2๊“๑``).

    >>> def ln(text): return Line(text, text, BBox(0, 0, 10, 10), ())
    >>> [_rest_is_text(ln(t)) for t in ("ติดตาม", "มี.ค. -", "ใไญ", "HU.-")]
    [True, True, False, False]
    """
    from extractors.ita.period_repairs import parses, trimmed

    text = line.text.strip()
    return bool(text) and not _noise(line) and (_thai_words(text) or parses(trimmed(text)))


def _thai_words(text: str) -> bool:
    """The text is mostly Thai words: dictionary words of two Thai consonants or more make at
    least half of its characters (spaces and marks aside).  Letters, not a number Tesseract misread
    (``bo.bd``, ``Zz``, ``เนป``: no such word; ``ต่อ. ๗๙``, a Thai-digit ``๗๐.๗๙`` read with a
    word in it, is mostly a number).

    >>> _thai_words("สำนักปลัด"), _thai_words("ข้อ 1"), _thai_words("เนป"), _thai_words("Zz"), _thai_words("")
    (True, True, False, False, False)
    >>> _thai_words("ต่อ. ๗๙"), _thai_words("๘๐.๗๗ญ่")
    (False, False)
    """
    total = _spacing_chars(text)
    words = sum(
        _spacing_chars(t)
        for t in tokenize(text)
        if _THAI_LETTER.search(t) and len(_THAI_LETTER.findall(t)) >= 2 and is_word(t)
    )
    return total > 0 and words >= 0.5 * total


def _spacing_chars(text: str) -> int:
    """Characters that take room on the line: not spaces, not marks above or below a letter."""
    return sum(1 for ch in text if not ch.isspace() and unicodedata.category(ch) != "Mn")


def _looks_misread(lines: Sequence[Line]) -> bool:
    """More Latin letters than Thai consonants: in these documents, Tesseract guessing English for
    Thai (digits do not count: ``RA. ๖๔ - B.A. ๖๔`` is a misread ``ต.ค. ๖๔ - ธ.ค. ๖๔``)."""
    text = " ".join(ln.text for ln in lines)
    return len(_LATIN.findall(text)) > len(_THAI_LETTER.findall(text))


def _mostly_words(lines: Sequence[Line]) -> bool:
    """Four Thai letters or more, and at least half of the Thai tokens dictionary words (a Thai
    reading of English text is short junk).

    >>> w = lambda t: Line(t, t, BBox(0, 0, 1, 1), ())
    >>> _mostly_words([w("๗.ประสิทธิภาพการสื่อสาร")]), _mostly_words([w("ศิศิ")]), _mostly_words([w("ฮอท")])
    (True, False, False)
    """
    text = "\n".join(ln.text for ln in lines)
    found, total = dictionary_word_rate(text)
    return len(_THAI_LETTER.findall(text)) >= 4 and found >= 0.5 * total


def _mean_confidence(lines: Sequence[Line]) -> float:
    confs = [ln.confidence for ln in lines if ln.confidence is not None]
    return sum(confs) / len(confs) if confs else 0.0


def _pad(gray: Gray) -> Gray:
    out = np.full((gray.shape[0] + 2 * PAD, gray.shape[1] + 2 * PAD), 255, np.uint8)
    out[PAD:-PAD, PAD:-PAD] = gray
    return out


def _shift(box: PixelBox, dx: int, dy: int) -> PixelBox:
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)


def _space_gap(symbols: Sequence[OcrSymbol], gap: float) -> float:
    """The gap (pixels) that makes a space in this line: ``gap``, or in a line whose letters are
    spread (a bold, letter-spaced title: ``ประจ ำ ปีงบประมาณ``, ``พ . ศ.``) ``SPREAD_SPACE`` times the
    line's own letter spacing, when that is wider.

    The letter spacing is the median of the gaps between neighbouring symbols that are positive
    (marks over or under a letter overlap it and say nothing of spacing) and narrower than the
    line's median symbol (wider gaps part words, however spread the letters are: a row of labels
    spaced evenly has no letter spacing to measure); a line of fewer than ``MIN_SPACING_GAPS``
    such gaps keeps ``gap``.

    >>> sym = lambda x0, x1: OcrSymbol("ก", (x0, 0, x1, 40), 90)
    >>> tight = [sym(x, x + 15) for x in (0, 18, 36, 54, 72, 104, 122, 140)]  # 3 px letters, one 17 px space
    >>> spread = [sym(x, x + 15) for x in (0, 22, 44, 66, 88, 110, 134, 156)]  # 7 px letters, 9 px
    >>> labels = [sym(x, x + 10) for x in range(0, 300, 30)]  # 20 px apart, each 10 px wide
    >>> _space_gap(tight, 9.0), _space_gap(spread, 9.0), _space_gap(spread[:4], 9.0), _space_gap(labels, 9.0)
    (9.0, 14.0, 9.0, 9.0)
    """
    widths = sorted(s.box[2] - s.box[0] for s in symbols)
    width = widths[len(widths) // 2] if widths else 0
    spacing = [b.box[0] - a.box[2] for a, b in pairwise(symbols) if 0 < b.box[0] - a.box[2] < width]
    if len(spacing) < MIN_SPACING_GAPS:
        return gap
    spacing.sort()
    middle = len(spacing) // 2
    median = spacing[middle] if len(spacing) % 2 else (spacing[middle - 1] + spacing[middle]) / 2
    return max(gap, SPREAD_SPACE * median)


def _within_words(tokens: list[_Token], space: float) -> list[_Token]:
    """``tokens`` with two neighbours joined where the gap between them is a space only by a
    little (at most :data:`MARGINAL_SPACE` times ``space``) and the Thai on both sides makes one
    dictionary word across it (:func:`_one_word_across`): the gap is then letter spacing, which a
    wide font or a photograph's stretch made look like a space.  The dictionary chooses between
    the two readings the gap allows; a clear space is never taken away.

    >>> sym = lambda t, x0, x1: OcrSymbol(t, (x0, 0, x1, 40), 90)
    >>> piece = lambda text, x: _Token([sym(ch, x + 10 * i, x + 10 * i + 8) for i, ch in enumerate(text)])
    >>> tokens = lambda *pieces: [piece(text, x) for text, x in pieces]
    >>> [t.text for t in _within_words(tokens(("ปีงบ", 0), ("ประมาณ", 48)), 9.0)]   # a 10 px gap
    ['ปีงบประมาณ']
    >>> [t.text for t in _within_words(tokens(("ปีงบ", 0), ("ประมาณ", 60)), 9.0)]   # a 22 px space
    ['ปีงบ', 'ประมาณ']
    >>> [t.text for t in _within_words(tokens(("ติดตามผล", 0), ("โดย", 88)), 9.0)]  # two words
    ['ติดตามผล', 'โดย']
    """
    joined: list[_Token] = []
    for token in tokens:
        if joined:
            left = joined[-1]
            gap = token.symbols[0].box[0] - max(s.box[2] for s in left.symbols)
            if gap <= MARGINAL_SPACE * space and _one_word_across(left.text, token.text):
                joined[-1] = _Token(left.symbols + token.symbols)
                continue
        joined.append(token)
    return joined


_THAI_TAIL = re.compile("[\u0e01-\u0e4e]+$")
_THAI_HEAD = re.compile("^[\u0e01-\u0e4e]+")


def _one_word_across(left: str, right: str) -> bool:
    """The Thai that ends ``left`` and begins ``right``, segmented together (newmm), has one
    dictionary word of two consonants or more running across their join.

    An abbreviation's letter is no piece of a word (``ประมาณ`` and ``พ.ศ.``: ``มาณพ`` is a word).

    >>> _one_word_across("ปีงบ", "ประมาณ"), _one_word_across("การ", "แก้ไข"), _one_word_across("พ.ศ.", "๒๕๖๓")
    (True, False, False)
    >>> _one_word_across("ประจำปีงบประมาณ", "พ.ศ.")
    False
    """
    tail, head = _THAI_TAIL.search(left), _THAI_HEAD.match(right)
    if tail is None or head is None or right[head.end() : head.end() + 1] == ".":
        return False
    if tail.start() > 0 and left[tail.start() - 1] == ".":
        return False
    join, run = len(tail.group()), tail.group() + head.group()
    for start, end, known in word_spans(run):
        if start < join < end:
            return known and len(_THAI_LETTER.findall(run[start:end])) >= 2
    return False


def _tokens(symbols: Sequence[OcrSymbol], gap: float) -> list[_Token]:
    """Symbols grouped into space-separated tokens: a space where the gap is wider than ``gap``.

    >>> s = [OcrSymbol("ก", (0, 0, 10, 20), 90), OcrSymbol("า", (11, 0, 18, 20), 90),
    ...      OcrSymbol("๑", (30, 0, 38, 20), 90)]
    >>> [t.text for t in _tokens(s, 5)]
    ['กา', '๑']
    """
    tokens: list[_Token] = []
    right = -(10**9)
    for symbol in symbols:
        if tokens and symbol.box[0] - right <= gap:
            tokens[-1].symbols.append(symbol)
        else:
            tokens.append(_Token([symbol]))
        right = max(right, symbol.box[2]) if len(tokens[-1].symbols) > 1 else symbol.box[2]
    return tokens
