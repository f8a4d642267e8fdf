"""A second reader for numbers: each glyph's shape against reference glyphs of Thai fonts.

Why: Tesseract's Thai model misreads the Thai digits of TH Sarabun-style fonts, with or without a
digit whitelist (on the samples: ``๘๘.๗๓`` → ``๕๕๓``, ``๒๕๖๕`` → ``๒๕๐๕``, ``๙๑.๓๓`` → ``เด.เด``).
A wrong score is worse than a missing one, so numbers are re-read here, from the image.

How: the ink of a token is cut into connected components.  Small ones are classified by their
size and place (a full stop sits on the baseline; a tone mark floats above the core), the rest by
nearest neighbour (cosine similarity of normalised 20×20 images) against templates drawn from the
Thai fonts Debian ships (``scripts/make_glyph_templates.py``).  Letters are templates too, so a
letter is called a letter and never forced into the nearest digit.  Each glyph keeps its
similarity and its margin over the best other label: the caller trusts a number only when every
digit in it is both similar and unambiguous.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from extractors.ocr.raster import Gray, components
from extractors.thai.text import arabic_digits_to_thai, thai_digits_to_arabic

TEMPLATES_PATH = Path(__file__).resolve().parent / "data" / "glyph_templates.npz"
LETTER = "L"  #: the label of every letter template
MARK = "M"  #: a small component off the baseline: a Thai mark or vowel above/below
SIDE = 20  #: templates and glyphs are compared as SIDE × SIDE images
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
DIGITS = THAI_DIGITS + ARABIC_DIGITS
#: A digit is trusted at this cosine similarity or more ...
MIN_SIMILARITY = 0.65
#: ... when the best other label is at least this much less similar.
MIN_MARGIN = 0.04

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Glyph:
    """One component of a token, classified."""

    label: str  #: a digit, ``.``, ``,``, ``-``, ``/``, ``(``, ``)``, ``%``, ``:``, LETTER or MARK
    x0: int
    x1: int
    similarity: float  #: 1.0 for glyphs classified by their size and place
    margin: float
    second: str = ""  #: the runner-up label (the best other label's), "" for glyphs told by size
    #: the glyph's normalised image (:func:`normalise`), to compare it with the page's own digits
    shape: bytes = field(default=b"", compare=False, repr=False)
    #: the label was chosen between the two best templates by the page's own glyphs (:class:`PageShapes`)
    by_page: bool = False

    @property
    def trusted(self) -> bool:
        return self.similarity >= MIN_SIMILARITY and self.margin >= MIN_MARGIN


@dataclass(frozen=True)
class NumberRun:
    """A run of digits and number punctuation found in a token's image."""

    text: str
    x0: int
    x1: int
    trusted: bool  #: every digit in it is trusted
    similarity: float  #: the least similarity of its digits
    #: some digit of it was told from its look-alike by the page's own glyphs (:class:`PageShapes`)
    by_page: bool = False
    #: the run with the unsure digits next to its ends that the digits alone tell
    #: (:func:`told_among_digits`), for a caller whose other reading has digits there
    #: (:func:`extractors.ocr.number_text.widened`); ``None`` when there are none
    wider: NumberRun | None = field(default=None, compare=False, repr=False)
    #: the spans ``(x0, x1)`` of the digits :attr:`wider` adds
    added: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
    #: the digit the digits alone told at each span of :attr:`added`
    added_digits: tuple[str, ...] = field(default=(), compare=False, repr=False)
    #: ``(x0, x1, digit)`` of each digit of the run the reader is unsure of (why it is not trusted)
    unsure: tuple[tuple[int, int, str], ...] = field(default=(), compare=False, repr=False)


def normalise(ink: Gray) -> npt.NDArray[np.uint8]:
    """A glyph's ink (255) cropped, centred on a square (keeping its aspect) and scaled to SIDE².

    >>> bar = np.zeros((30, 6), np.uint8); bar[:, :] = 255
    >>> n = normalise(bar); m = n.reshape(SIDE, SIDE); n.shape, int(m[10, 0]), int(m[10, 10]) > 200
    ((400,), 0, True)
    """
    ys, xs = np.nonzero(ink)
    if not len(ys):
        return np.zeros(SIDE * SIDE, np.uint8)
    crop = ink[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    h, w = crop.shape
    side = max(h, w) + 2
    square = np.zeros((side, side), np.uint8)
    y, x = (side - h) // 2, (side - w) // 2
    square[y : y + h, x : x + w] = crop
    small = cv2.resize(square, (SIDE, SIDE), interpolation=cv2.INTER_AREA)
    return np.asarray(small, np.uint8).reshape(-1)


def _unit(vectors: npt.NDArray[np.uint8] | FloatArray) -> FloatArray:
    v = np.asarray(vectors, np.float32)
    v = v - v.mean(axis=-1, keepdims=True)
    norm = np.linalg.norm(v, axis=-1, keepdims=True)
    return np.asarray(v / np.maximum(norm, 1e-6), np.float32)


@cache
def templates() -> tuple[FloatArray, npt.NDArray[np.str_]]:
    with np.load(TEMPLATES_PATH) as data:
        return _unit(data["features"]), np.asarray(data["labels"])


@cache
def _by_label() -> tuple[FloatArray, npt.NDArray[np.intp], list[str]]:
    """The templates sorted by label, where each label's run starts, and the labels in order:
    so that the best score of every label is one ``maximum.reduceat`` over a row."""
    features, labels = templates()
    order = np.argsort(labels, kind="stable")
    ordered = labels[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    # Transposed once and kept contiguous: the product below runs twice as fast.
    return np.ascontiguousarray(features[order].T), starts, [str(ordered[i]) for i in starts]


#: Classifications already made in this process, by the glyph's normalised image: the same
#: glyph comes back often (a number is looked at under three binarisations, a header's year in
#: every cell of its row), and one product against the 8,700 templates costs ~2 ms.
_KNOWN: dict[bytes, tuple[str, float, float, str]] = {}
#: ... at most this many (a few megabytes), then forgotten all at once.
KNOWN_MAX = 50_000


def classify(inks: list[Gray]) -> list[tuple[str, float, float, str]]:
    """``(label, similarity, margin, runner-up label)`` of each glyph's ink by its nearest
    template, in one product: the similarity is the best template's, the margin its lead over the
    best of any other label, which is the runner-up.  A glyph whose normalised image was
    classified before gets the same answer without the product."""
    return classify_shapes([normalise(ink) for ink in inks])


def classify_shapes(vectors: list[npt.NDArray[np.uint8]]) -> list[tuple[str, float, float, str]]:
    """:func:`classify` of glyphs already normalised (:func:`normalise`)."""
    if not vectors:
        return []
    keys = [v.tobytes() for v in vectors]
    found = {key: _KNOWN[key] for key in keys if key in _KNOWN}
    new = [i for i, key in enumerate(keys) if key not in found]
    if new:
        # Forgetting happens before this call's answers are stored, and they are answered from
        # ``found``, not from the memory: a clear must never lose a glyph of the call itself.
        if len(_KNOWN) + len(new) > KNOWN_MAX:
            _KNOWN.clear()
        for i, result in zip(new, _classify([vectors[i] for i in new]), strict=True):
            found[keys[i]] = _KNOWN[keys[i]] = result
    return [found[key] for key in keys]


def _classify(vectors: list[npt.NDArray[np.uint8]]) -> list[tuple[str, float, float, str]]:
    features, starts, names = _by_label()
    scores = _unit(np.stack(vectors)) @ features
    per_label = np.maximum.reduceat(scores, starts, axis=1)
    # Row by row at once: the best label, its score and its lead over the runner-up, in
    # float64 as Python floats would have it.
    best = np.argmax(per_label, axis=1)
    top = per_label[np.arange(len(per_label)), best].astype(np.float64)
    if per_label.shape[1] > 1:
        others = per_label.copy()
        others[np.arange(len(per_label)), best] = -np.inf
        seconds = np.argmax(others, axis=1)  # the runner-up: the first best of the other labels
        second_scores = per_label[np.arange(len(per_label)), seconds].astype(np.float64)
        margins = (top - second_scores).tolist()
        runners = [names[i] for i in seconds.tolist()]
    else:
        margins = [1.0] * len(per_label)
        runners = [""] * len(per_label)
    return [
        (names[b], t, m, r) for b, t, m, r in zip(best.tolist(), top.tolist(), margins, runners, strict=True)
    ]


def among_digits(shape: bytes) -> tuple[str, float, float]:
    """``(digit, similarity, margin)`` of a glyph's normalised image (:attr:`Glyph.shape`) told
    among the digit templates alone: the best digit, its best template's similarity, and its lead
    over the best other digit (the letters and signs left out); ``("", 0.0, 0.0)`` when there is
    no other digit to lead.

    >>> ink = np.zeros((40, 24), np.uint8); ink[4:36, 10:14] = 255   # a bare upright stroke
    >>> digit, similarity, margin = among_digits(normalise(ink).tobytes())
    >>> digit in DIGITS and 0.0 < similarity <= 1.0 and margin >= 0.0
    True
    """
    features, starts, names = _by_label()
    vector = np.frombuffer(shape, np.uint8)[None, :]
    per_label = np.maximum.reduceat(_unit(vector) @ features, starts, axis=1)[0].astype(np.float64)
    scores = zip(per_label.tolist(), names, strict=True)
    ranked = sorted(((score, name) for score, name in scores if name in DIGITS), reverse=True)
    if len(ranked) < 2:
        return "", 0.0, 0.0
    (similarity, digit), (runner, _other) = ranked[0], ranked[1]
    return digit, similarity, similarity - runner


def told_among_digits(glyph: Glyph) -> Glyph | None:
    """An unsure digit told among the digit templates alone (:func:`among_digits`): the glyph
    with the best digit's label, similarity and lead over the other digits, when that digit is
    as similar and as clear of every other digit as a trusted glyph is of every other label
    (:data:`MIN_SIMILARITY`, :data:`MIN_MARGIN`); ``None`` otherwise (a glyph whose best label
    is no digit, one two digits share).

    Its doubt is then only digit or letter (a ``๖`` at 150 dpi lies as near a letter template as
    the digit ones, its lead 0.03): which the other reading of the place settles, not this one.

    >>> ink = np.zeros((40, 24), np.uint8); ink[4:36, 10:14] = 255
    >>> told_among_digits(Glyph("L", 0, 24, 0.9, 0.2, "1", normalise(ink).tobytes())) is None
    True
    """
    if glyph.trusted or glyph.label not in DIGITS or not glyph.shape:
        return None
    digit, similarity, margin = among_digits(glyph.shape)
    if not digit or similarity < MIN_SIMILARITY or margin < MIN_MARGIN:
        return None
    return replace(glyph, label=digit, similarity=similarity, margin=margin)


def read_glyphs(binary: Gray, shapes: PageShapes | None = None) -> list[Glyph]:
    """The components of a token's binary image (ink 255), left to right, classified."""
    return read_glyphs_many([binary], shapes)[0]


_Slot = Glyph | tuple[Glyph, Glyph] | None


def read_glyphs_many(binaries: list[Gray], shapes: PageShapes | None = None) -> list[list[Glyph]]:
    """:func:`read_glyphs` of each image, with the glyphs of all of them classified in one
    product against the templates (one product costs about as much for one glyph as for fifty:
    it is the templates' 14 MB that are read).  Each image's glyphs are exactly what
    :func:`read_glyphs` alone gives.

    With ``shapes`` (the page's own digits, :class:`PageShapes`), the trusted digits found here
    are added to them first, then each unsure digit is decided by them between its two best
    templates."""
    slots: list[list[_Slot]] = []
    pending: list[tuple[int, int, int, int, Gray, float]] = []  # (image, slot, x0, x1, ink, core)
    for index, binary in enumerate(binaries):
        glyphs, waiting = _components(binary)
        slots.append(glyphs)
        pending += [(index, *item) for item in waiting]
    vectors = [normalise(p[4]) for p in pending]
    found = classify_shapes(vectors)
    splits: list[tuple[int, int, int, Gray]] = []
    for (index, slot, x0, x1, ink, core), vector, (label, similarity, margin, second) in zip(
        pending, vectors, found, strict=True
    ):
        slots[index][slot] = Glyph(label, x0, x1, similarity, margin, second, vector.tobytes())
        if (label == LETTER or similarity < MIN_SIMILARITY) and ink.shape[1] > 1.3 * core:
            splits.append((index, slot, x0, ink))
    for (index, slot, _x0, _ink), pair in zip(splits, _split_touching_many(splits), strict=True):
        if pair is not None:
            slots[index][slot] = pair
    out: list[list[Glyph]] = []
    for glyphs in slots:
        flat: list[Glyph] = []
        for g in glyphs:
            if isinstance(g, tuple):
                flat.extend(g)
            elif g is not None:
                flat.append(g)
        out.append(flat)
    if shapes is not None:
        for flat in out:
            shapes.learn(flat)
        out = [[shapes.decide(g) for g in flat] for flat in out]
    return out


#: Digits of each label a page keeps as its own examples (the first ones read with trust).
PAGE_SHAPES_PER_LABEL = 40


@dataclass
class PageShapes:
    """The digits a page has shown with trust, to tell an unsure digit from its look-alike.

    The templates are drawn from fonts like the document's, not from it: a scanned ``๖`` of one
    font may stand as near to the ``๒`` templates as to the ``๖`` ones (``๒๕๒๒`` for ``๒๕๖๖``),
    while the same page's ``๖`` of its years and scores, read with trust elsewhere, is its very
    shape.  An unsure digit whose two best templates are two digits is given the one of the two
    that the page's own digits it most resembles are, when that resemblance is as close and as
    clear as a trusted template's (:data:`MIN_SIMILARITY`, :data:`MIN_MARGIN`) and the page has
    shown both.  Otherwise (a runner-up that is a letter or a sign among them) it stays as it was,
    unsure."""

    examples: dict[str, list[FloatArray]] = field(default_factory=dict)

    def learn(self, glyphs: list[Glyph]) -> None:
        for g in glyphs:
            if g.label in DIGITS and g.trusted and g.shape and not g.by_page:
                kept = self.examples.setdefault(g.label, [])
                if len(kept) < PAGE_SHAPES_PER_LABEL:
                    kept.append(_unit(np.frombuffer(g.shape, np.uint8)))

    def decide(self, glyph: Glyph) -> Glyph:
        """``glyph``, or, when the page's own digits settle it, the same glyph with the label of
        the two best templates' that they give (and their similarity and margin)."""
        if glyph.trusted or glyph.label not in DIGITS or not glyph.shape:
            return glyph
        # Only between two digits: the page shows no letters, so it cannot say a glyph is no letter.
        candidates = (glyph.label, glyph.second)
        if glyph.second not in DIGITS or any(label not in self.examples for label in candidates):
            return glyph
        vector = _unit(np.frombuffer(glyph.shape, np.uint8))
        scores = {
            label: float(np.max(np.stack(kept) @ vector)) for label, kept in self.examples.items() if kept
        }
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        (best, similarity), (_other, runner) = ranked[0], ranked[1]
        if best not in candidates or similarity < MIN_SIMILARITY or similarity - runner < MIN_MARGIN:
            return glyph
        return replace(glyph, label=best, similarity=similarity, margin=similarity - runner, by_page=True)


def _components(binary: Gray) -> tuple[list[_Slot], list[tuple[int, int, int, Gray, float]]]:
    """The components of ``binary``, left to right: those told by their size and place as
    glyphs, the others as ``None`` slots with ``(slot, x0, x1, ink, core height)`` to classify."""
    n, labels, stats = components(binary)
    found: list[tuple[int, _Box]] = [
        (i, (int(stats[i][0]), int(stats[i][1]), int(stats[i][2]), int(stats[i][3])))
        for i in range(1, n)
        if stats[i][4] >= 4
    ]
    if not found:
        return [], []
    parts, members = _enclosed_joined(found)
    heights = sorted(b[3] for _, b in parts)
    tall = [b for _, b in parts if b[3] >= 0.5 * heights[-1]]
    core = _median([b[3] for b in tall])
    baseline = _median([b[1] + b[3] for b in tall])
    glyphs: list[_Slot] = []
    pending: list[tuple[int, int, int, Gray, float]] = []
    for index, (x, y, w, h) in sorted(parts, key=lambda p: p[1][0]):
        bottom, middle = y + h, y + h / 2
        if h < 0.4 * core and w < 0.6 * core:
            if bottom >= baseline - 0.25 * core and y > baseline - 0.6 * core:
                label = "." if h <= 1.6 * w else ","
            else:
                label = MARK
            glyphs.append(Glyph(label, x, x + w, 1.0, 1.0))
        elif h < 0.3 * core and w >= 0.5 * core and abs(middle - (baseline - core / 2)) < 0.3 * core:
            glyphs.append(Glyph("-", x, x + w, 1.0, 1.0))
        elif y >= baseline - 0.1 * core or bottom <= baseline - 0.9 * core:
            glyphs.append(Glyph(MARK, x, x + w, 1.0, 1.0))  # wholly below or above the core
        else:
            window = labels[y : y + h, x : x + w]
            mine = window == index if len(members[index]) == 1 else np.isin(window, members[index])
            ink = np.where(mine, 255, 0).astype(np.uint8)
            pending.append((len(glyphs), x, x + w, ink, core))
            glyphs.append(None)
    return glyphs, pending


_Box = tuple[int, int, int, int]


def _enclosed_joined(parts: list[tuple[int, _Box]]) -> tuple[list[tuple[int, _Box]], dict[int, list[int]]]:
    """Components lying wholly inside another's box joined to it: one glyph's pieces that a thin
    stroke lost between them (the bowl of a bold ``๖`` cut off under a strict threshold read as a
    decimal point: ``๖.๖..๕๗`` for ``๖๖.๕๗``).  A decimal point, a mark or a neighbouring digit
    never lies inside a digit's box.  Returns the parts left and each one's component labels.

    >>> six, bowl, point = (1, (0, 0, 18, 22)), (2, (3, 13, 5, 8)), (3, (22, 18, 4, 4))
    >>> left, members = _enclosed_joined([six, bowl, point])
    >>> [i for i, _b in left], members[1]
    ([1, 3], [1, 2])
    """
    members = {i: [i] for i, _b in parts}
    if len(parts) < 2:
        return list(parts), members
    box = np.array([b for _i, b in parts], np.int64)
    x, y, w, h = box[:, 0], box[:, 1], box[:, 2], box[:, 3]
    area = w * h
    # inside[i, j]: part i lies in part j's box and j is the larger (so never i itself)
    inside: npt.NDArray[np.bool_] = (
        (area[None, :] > area[:, None])
        & (x[None, :] <= x[:, None])
        & ((x + w)[:, None] <= (x + w)[None, :])
        & (y[None, :] <= y[:, None])
        & ((y + h)[:, None] <= (y + h)[None, :])
    )
    hosted = np.asarray(inside.any(axis=1), bool)
    first_host: list[int] = np.argmax(inside, axis=1).tolist()  # the first such part, as a scan finds it
    kept: list[tuple[int, _Box]] = []
    for k, (i, b) in enumerate(parts):
        if bool(hosted[k]):
            members[parts[first_host[k]][0]].append(i)
        else:
            kept.append((i, b))
    return kept, members


def _median(values: list[int]) -> float:
    """``float(np.median(values))`` of a short list, without numpy's overhead.

    >>> _median([3, 1, 2]), _median([4, 1, 3, 2]), _median([5])
    (2.0, 2.5, 5.0)
    """
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def _split_touching_many(items: list[tuple[int, int, int, Gray]]) -> list[tuple[Glyph, Glyph] | None]:
    """:func:`_split_touching` of each ``(image, slot, x0, ink)``: the blob cut in two trusted
    digits, every cut of each blob classified in one product.

    The cut at the thinnest column of the blob's middle (:func:`_cut`) is taken when its halves are
    two trusted digits (:data:`MIN_SIMILARITY`, :data:`MIN_MARGIN`).  The thinnest column is not
    always where two digits touch, though: the tail of a ``๗`` that blur joined to the top of the
    ``๐`` after it is thicker than the ``๗``'s own waist, and a cut there leaves two letters.  So
    every other column of the middle (:func:`_cuts`) is tried too, and a cut there is taken only
    when the blob reads one way: every cut that gives two trusted digits gives the same two (the
    best of them, by the lesser similarity, is kept).  Cuts that read as different pairs (``๔๒``
    here, ``๖๓`` there) leave the blob unread: the glyphs do not say which."""
    tried: list[list[int]] = []  # per blob, its cuts: the thinnest column's first
    halves: list[Gray] = []
    for _index, _slot, _x0, ink in items:
        thinnest = _cut(ink)
        cuts = ([thinnest] if thinnest is not None else []) + [c for c in _cuts(ink) if c != thinnest]
        tried.append(cuts)
        for cut in cuts:
            halves += [ink[:, :cut], ink[:, cut:]]
    found = iter(classify(halves))
    out: list[tuple[Glyph, Glyph] | None] = []
    for cuts, (_index, _slot, x0, ink) in zip(tried, items, strict=True):
        pairs: list[tuple[int, Glyph, Glyph]] = []
        for cut in cuts:
            a, b = next(found), next(found)
            left = Glyph(a[0], x0, x0 + cut, a[1], a[2], a[3])
            right = Glyph(b[0], x0 + cut, x0 + ink.shape[1], b[1], b[2], b[3])
            if left.label in DIGITS and right.label in DIGITS and left.trusted and right.trusted:
                pairs.append((cut, left, right))
        out.append(_one_reading(pairs, _cut(ink)))
    return out


#: Cuts (columns) of a blob that must read as the same two digits before a cut other than the
#: thinnest column's is taken: a pair that one column gives and no other is the shape of the cut.
MIN_CUTS = 2


def _one_reading(pairs: list[tuple[int, Glyph, Glyph]], thinnest: int | None) -> tuple[Glyph, Glyph] | None:
    """Of the cuts of a blob that gave two trusted digits ``(cut, left, right)``: the thinnest
    column's, or else, when all read the same two digits, the best (by the lesser similarity).
    A pair one column alone gives is the shape of that cut (:data:`MIN_CUTS`), not a rival: two
    ``๗`` joined at their stems read ``๗๗`` at three columns and ``๓๗`` at one, left of the join,
    where the cut stroke closes the left half's loop.

    >>> g = lambda label, x0: Glyph(label, x0, x0 + 9, 0.8, 0.1)
    >>> pairs = [(19, g("๓", 0), g("๗", 19))] + [(c, g("๗", 0), g("๗", c)) for c in (21, 22, 23)]
    >>> [x.label for x in _one_reading(pairs, 29)]
    ['๗', '๗']
    >>> _one_reading(pairs[:1] + pairs[2:], 29), _one_reading(pairs[:2], 29)  # one against two; too few
    (None, None)
    """
    if not pairs:
        return None
    if pairs[0][0] == thinnest:
        return pairs[0][1], pairs[0][2]
    readings = Counter((left.label, right.label) for _c, left, right in pairs)
    upheld = [labels for labels, n in readings.items() if n >= MIN_CUTS]
    if len(upheld) != 1 or sum(readings.values()) - readings[upheld[0]] >= readings[upheld[0]] - 1:
        return None
    kept = [p for p in pairs if (p[1].label, p[2].label) == upheld[0]]
    _cut_at, left, right = max(kept, key=lambda p: min(p[1].similarity, p[2].similarity))
    return left, right


def _cut(ink: Gray) -> int | None:
    """Where two touching digits are cut first: the thinnest column of the middle part; ``None``
    when a half would be empty."""
    width = ink.shape[1]
    profile = ink.astype(bool).sum(axis=0)
    lo, hi = int(width * 0.3), int(width * 0.7)
    if hi <= lo:
        return None
    cut = lo + int(np.argmin(profile[lo:hi]))
    if not (ink[:, :cut].any() and ink[:, cut:].any()):
        return None
    return cut


#: The middle share of a blob's width where two touching digits may be cut (each digit of a pair is
#: at least a quarter of its width: a ``1`` beside a ``0``).
CUT_FROM, CUT_TO = 0.25, 0.75


def _cuts(ink: Gray) -> list[int]:
    """Where two touching digits may be cut: every column of the middle of the blob
    (:data:`CUT_FROM` to :data:`CUT_TO` of its width) that leaves ink on both sides.

    >>> ink = np.zeros((10, 20), np.uint8); ink[:, 2:18] = 255
    >>> _cuts(ink)
    [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    """
    width = ink.shape[1]
    lo, hi = int(width * CUT_FROM), int(np.ceil(width * CUT_TO))
    return [cut for cut in range(max(lo, 1), min(hi, width)) if ink[:, :cut].any() and ink[:, cut:].any()]


_NUMBER_PUNCT = ".,-/"


def _overlapped(glyphs: Sequence[Glyph]) -> list[bool]:
    """For each glyph, whether another one overlaps it left to right (all pairs at once).

    >>> _overlapped([Glyph("1", 0, 5, 1, 1), Glyph("2", 4, 9, 1, 1), Glyph("3", 10, 14, 1, 1)])
    [True, True, False]
    """
    x0 = np.array([g.x0 for g in glyphs])
    x1 = np.array([g.x1 for g in glyphs])
    pairs = np.asarray((x0[None, :] < x1[:, None]) & (x0[:, None] < x1[None, :]), bool)
    np.fill_diagonal(pairs, False)
    return [bool(v) for v in np.asarray(pairs.any(axis=1), bool).tolist()]


def number_runs(glyphs: list[Glyph]) -> list[NumberRun]:
    """Maximal runs of digits and number punctuation that hold at least one digit.

    Digits keep the script most of them were read in (``๐`` and ``0`` differ only by width).
    Unsure digits and punctuation at either end are left out (a letter's curl taken for ``1``).

    >>> g = [Glyph("L", 0, 9, .9, .2), Glyph("๘", 12, 20, .9, .1), Glyph(".", 21, 23, 1, 1),
    ...      Glyph("๗", 24, 32, .95, .1), Glyph("3", 33, 40, .85, .01)]
    >>> [(r.text, r.x0, r.x1, r.trusted) for r in number_runs(g)]
    [('๘.๗', 12, 32, True)]
    """
    runs: list[NumberRun] = []
    current: list[Glyph] = []
    # Glyphs no other one overlaps: whole glyphs, not a piece of one that a thin stroke broke
    alone = {id(g) for g, overlapped in zip(glyphs, _overlapped(glyphs), strict=True) if not overlapped}

    def loose(g: Glyph) -> bool:  # number punctuation, or a digit the reader is unsure of
        return g.label in _NUMBER_PUNCT or not g.trusted

    def flush() -> None:
        # An unsure digit at either end (a letter's curl taken for ``1``) is not part of the number.
        whole = list(current)
        while current and loose(current[-1]):
            current.pop()
        while current and loose(current[0]):
            current.pop(0)
        current[:] = _told_inside(current)
        run = _run_of(current)
        if run is not None:
            start = whole.index(current[0])
            wider, added = _widened(whole, start, start + len(current), alone)
            if run.trusted and added:
                told = {(g.x0, g.x1): g.label for g in wider}
                digits = tuple(told.get(span, "") for span in added)
                run = replace(run, wider=_run_of(wider), added=added, added_digits=digits)
            runs.append(run)
        current.clear()

    for glyph in glyphs:
        if glyph.label in DIGITS or glyph.label in _NUMBER_PUNCT:
            current.append(glyph)
        else:
            flush()
    flush()
    return runs


def _told_inside(glyphs: list[Glyph]) -> list[Glyph]:
    """A run's glyphs (its ends trusted) with each unsure digit inside it whose runner-up is a
    sign, not a letter, that the digits alone tell (:func:`told_among_digits`) so told: between
    digits and number punctuation its only doubt, digit or sign (a ``๑`` as near the colon
    template as its own, lead 0.01), is settled by its place.  A letter runner-up is left to the
    other readers (a Thai letter may be one: a word the glyphs took for digits).

    >>> sure = lambda label, x: Glyph(label, x, x + 9, 0.9, 0.2)
    >>> unsure = Glyph("๗", 10, 19, 0.9, 0.01, ":", b"")
    >>> [g.trusted for g in _told_inside([sure("๘", 0), unsure, sure("๐", 20)])]  # no shape to tell
    [True, False, True]
    """
    out = list(glyphs)
    for i in range(1, len(out) - 1):
        if out[i].second in (LETTER, MARK) or out[i].second in DIGITS:
            continue
        told = told_among_digits(out[i])
        if told is not None:
            out[i] = told
    return out


def _run_of(glyphs: list[Glyph]) -> NumberRun | None:
    """The glyphs as one :class:`NumberRun` (in the script most of its digits are in), ``None``
    without a digit."""
    digits = [g for g in glyphs if g.label in DIGITS]
    if not digits:
        return None
    thai = sum(1 for g in digits if g.label in THAI_DIGITS) * 2 >= len(digits)
    text = "".join(g.label for g in glyphs)
    text = arabic_digits_to_thai(text) if thai else thai_digits_to_arabic(text)
    pairs = zip(glyphs, text, strict=True)
    unsure = tuple((g.x0, g.x1, ch) for g, ch in pairs if g.label in DIGITS and not g.trusted)
    return NumberRun(
        text,
        glyphs[0].x0,
        glyphs[-1].x1,
        all(g.trusted for g in digits),
        min(g.similarity for g in digits),
        any(g.by_page for g in digits),
        unsure=unsure,
    )


def _widened(
    whole: list[Glyph], lo: int, hi: int, alone: set[int]
) -> tuple[list[Glyph], tuple[tuple[int, int], ...]]:
    """``whole[lo:hi]`` (a run's glyphs) with the unsure digits left out at its ends that the
    digits alone tell (:func:`told_among_digits`), each with the number punctuation between it
    and the run; and the spans of the digits so added.  Outwards from each end, stopping at the
    first digit the digits alone do not tell, or that another glyph overlaps (not in ``alone``,
    by ``id``: a piece of a glyph a thin stroke broke, the stem of a ``๒`` told as a ``1``).

    >>> sure = [Glyph("๗", 10, 20, .9, .2), Glyph(".", 21, 23, 1, 1), Glyph("๗", 24, 34, .9, .2)]
    >>> glyphs = [Glyph("L", 0, 8, .9, .2), *sure]
    >>> _widened(glyphs, 1, 4, {id(g) for g in glyphs})[1]
    ()
    """
    kept = whole[lo:hi]
    added: list[tuple[int, int]] = []
    for step in (-1, 1):
        at, between = (lo - 1, []) if step < 0 else (hi, [])
        while 0 <= at < len(whole):
            glyph = whole[at]
            if glyph.label in _NUMBER_PUNCT:
                between.append(glyph)
            else:
                told = told_among_digits(glyph) if id(glyph) in alone else None
                # a look-alike left unsure (``๕`` or ``๔``) is added unsure, last at its end: only
                # the other reading's same digit there confirms it (:func:`number_text.widened`)
                lookalike = told is None and id(glyph) in alone and unsure_lookalike(glyph)
                if told is None and not lookalike:
                    break
                told = told or glyph
                added.append((told.x0, told.x1))
                kept = [told, *reversed(between), *kept] if step < 0 else [*kept, *between, told]
                between = []
                if lookalike:
                    break
            at += step
    return kept, tuple(added)


def digits_alone(glyphs: Sequence[Glyph], shape: tuple[int, int]) -> str | None:
    """A number cell's glyphs read among the digit templates alone: every glyph a trusted digit, a
    point, or one whose best digit is as similar and as clear of the other digits as a trusted
    glyph is of every label (:func:`among_digits`, :data:`MIN_SIMILARITY`, :data:`MIN_MARGIN`),
    making one number of ``shape`` (digits before and after the point, the column's).  A ``๖`` at
    150 dpi lies nearer the letter ``ว`` than any digit, a ``๗`` nearer ``ฒ``: in a cell that holds
    a number and that no reading settled, the letters are none.  None when a glyph is a mark (a
    word's), or tells no digit, or the digits do not make a number of that shape.

    >>> ink = np.zeros((40, 24), np.uint8); ink[4:36, 10:14] = 255   # a bare upright stroke
    >>> stroke = normalise(ink).tobytes()
    >>> sure = lambda label, x: Glyph(label, x, x + 9, 0.9, 0.2)
    >>> glyphs = [sure("๖", 0), sure("๔", 10), Glyph(".", 20, 22, 1, 1), sure("๘", 24), sure("๔", 34)]
    >>> digits_alone(glyphs, (2, 2)), digits_alone(glyphs[:3], (2, 2))
    ('๖๔.๘๔', None)
    >>> digits_alone([Glyph(MARK, 0, 4, 1, 1), *glyphs], (2, 2))
    """
    text = ""
    for glyph in glyphs:
        if glyph.label in (".", ","):
            text += "."
        elif glyph.label in DIGITS and glyph.trusted:
            text += glyph.label
        elif glyph.label != MARK and glyph.shape:
            digit, similarity, margin = among_digits(glyph.shape)
            if not digit or similarity < MIN_SIMILARITY or margin < MIN_MARGIN:
                return None
            text += digit
        else:
            return None
    whole, point, fraction = text.partition(".")
    if not point or (len(whole), len(fraction)) != shape or (whole + fraction).strip(DIGITS) != "":
        return None
    thai = sum(ch in THAI_DIGITS for ch in whole + fraction) * 2 >= len(whole + fraction)
    return arabic_digits_to_thai(text) if thai else thai_digits_to_arabic(text)


def unsure_lookalike(glyph: Glyph) -> bool:
    """An unsure digit whose doubt is only which of two look-alike digits it is (``๕`` or ``๔``,
    its lead 0.01): as similar to its best template as a trusted glyph, its runner-up a digit.

    >>> five = Glyph("๕", 0, 9, 0.88, 0.01, "๔")
    >>> unsure_lookalike(five), unsure_lookalike(replace(five, second="L"))
    (True, False)
    >>> unsure_lookalike(Glyph("๕", 0, 9, 0.88, 0.2, "๔"))  # trusted: nothing to confirm
    False
    """
    return (
        not glyph.trusted
        and glyph.label in DIGITS
        and glyph.second in DIGITS
        and glyph.similarity >= MIN_SIMILARITY
    )
