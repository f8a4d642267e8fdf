"""Numbers as text: whether a reading is one well-formed number, how two readings of a number
compare (Tesseract's and the glyph reader's, :mod:`extractors.ocr.digit_glyphs`), and which
reading of a table cell that holds a number to keep (:func:`settle_number`).

Pure text functions: the page reader (:mod:`extractors.ocr.page`) makes the readings and records
the doubts.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from itertools import pairwise

from extractors.ocr.digit_glyphs import DIGITS, MIN_SIMILARITY, NumberRun
from extractors.thai.text import DIGIT_LETTERS, MARKS, arabic_digits_to_thai, thai_digits_to_arabic
from schemas import DOUBT_CONFIDENCE, Cell

#: Two neighbouring digits each narrower than this share of their number's median digit, together
#: no wider than the second share of it, are one digit Tesseract read as two (:func:`split_pairs`).
SPLIT_NARROW = 0.75
SPLIT_TOGETHER = 1.3
#: A digit of the glyph reader at least this many times as wide as its number's median digit
#: (Tesseract's boxes) is two digits that blur made touch (:func:`joined_digits`): two digits side
#: by side are twice as wide as one, a wide single digit (``๓``, ``๗`` against ``1``) never 1.6 times
#: the median.
JOINED_WIDTH = 1.6

_THAI_LETTER = re.compile(r"[ก-ฮ]")
_THAI_OR_ARABIC_DIGIT = re.compile(r"[0-9๐-๙]")
#: A score whose point was read as a comma (``79,66``): a comma before one or two last digits is
#: no thousands separator (that is always followed by three).
_DECIMAL_COMMA = re.compile(r"^([0-9๐-๙]{1,3}),([0-9๐-๙]{1,2})(%?)$")


def decimal_point(text: str) -> str:
    """A score whose decimal point OCR read as a comma, with its point.

    >>> decimal_point("82,54"), decimal_point("๘๒,๕๔"), decimal_point("1,250"), decimal_point("82.54")
    ('82.54', '๘๒.๕๔', '1,250', '82.54')
    """
    return _DECIMAL_COMMA.sub(r"\1.\2\3", text.strip())


#: A cell that holds one number: digits, number punctuation and spaces (at least two digits).
_NUMBERISH_CELL = re.compile(r"[|\[\]]?[0-9๐-๙.,:;/\s]+[|\[\]]?")


def numberish(text: str) -> bool:
    """A cell read as digits and number punctuation only, with two digits or more (a Thai mark
    read on a digit is a speck: :func:`unmarked`).

    >>> numberish("๖.๖..๕๗"), numberish("74. 17"), numberish("ข้อ 1"), numberish("1"), numberish("๗๔่.๐๒")
    (True, True, False, False, True)
    """
    text = unmarked(text)
    return bool(_NUMBERISH_CELL.fullmatch(text)) and sum(1 for ch in text if ch in DIGITS) >= 2


def unlettered(text: str) -> bool:
    """Nothing, or a short reading without a Thai letter: what Tesseract makes of a number it
    cannot read (``bo.bd`` for ``๖๐.๖๖``), or of a lone digit (nothing).

    >>> unlettered(""), unlettered("bo.bd"), unlettered("ตัวชี้วัด"), unlettered("Integrity Assessment")
    (True, True, False, False)
    """
    squashed = "".join(text.split())
    return len(squashed) <= 8 and not _THAI_LETTER.search(squashed)


#: One number: digits, thousands after commas, at most one decimal point; or an item number.
_ONE_NUMBER = re.compile(r"[+-]?[0-9๐-๙]+(?:,[0-9๐-๙]{3})*(?:\.[0-9๐-๙]+)?\.?")


def well_formed(text: str) -> bool:
    """One number with its decimal point in place, or an item number (``1.``).

    >>> well_formed("๖๖.๕๗"), well_formed("1."), well_formed("74. 17"), well_formed("๖.๖..๕๗")
    (True, True, False, False)
    >>> well_formed("9.3.8.5"), well_formed("50,000"), well_formed("1,234.50")
    (False, True, True)
    """
    return bool(_ONE_NUMBER.fullmatch(text))


#: What a cell's ruling leaves at the ends of its text when read as ink (``| 68.05``).
_RULING_REMNANTS = " |[]"
#: Spaces Tesseract left beside a decimal point inside a number (``74. 17``, ``๘๐ .๓๐``).
_POINT_SPACES = re.compile(r"(?<=[0-9๐-๙])\s*([.,])\s*(?=[0-9๐-๙])")


def in_script_of(number: str, model: str) -> str:
    """``number`` in the digit script of ``model`` (Tesseract's digit reading is mostly Arabic).

    >>> in_script_of("61.27", "๖๑.๒"), in_script_of("๖๑.๒๗", "61.2")
    ('๖๑.๒๗', '61.27')
    """
    thai = any(ch in "๐๑๒๓๔๕๖๗๘๙" for ch in model)
    return arabic_digits_to_thai(number) if thai else thai_digits_to_arabic(number)


def shape_of(text: str) -> tuple[int, int]:
    """How many digits a number has before and after its point.

    >>> shape_of("๘๖.๒๐"), shape_of("100"), shape_of("1,234.5")
    ((2, 2), (3, 0), (4, 1))
    """
    whole, _point, fraction = text.partition(".")
    return len(digits_of(whole)), len(digits_of(fraction))


def column_shapes(cells: Sequence[Cell], by_row: bool = False) -> dict[int, tuple[int, int]]:
    """Each column's usual number shape (:func:`shape_of`): the one most of its well-formed numbers
    have, when at least three do, or both of only two with decimals; with ``by_row``, each row's (a
    table whose columns are the indicators has its scores along a row).

    >>> cells = [Cell(0, c, t, t, None) for c, t in enumerate(["คะแนน", "๗๘.๙๗", "ohn.", "๖๕.๖๑", "๗๑.๘๗"])]
    >>> column_shapes(cells), column_shapes(cells, by_row=True)
    ({}, {0: (2, 2)})
    >>> column_shapes([Cell(r, 0, t, t, None) for r, t in enumerate(["๖๔.๕๘", "ว๔.๘๔", "๕๖.๖๐"])])
    {0: (2, 2)}
    >>> column_shapes([Cell(r, 0, t, t, None) for r, t in enumerate(["1", "2"])])
    {}
    """
    shapes: dict[int, list[tuple[int, int]]] = {}
    for cell in cells:
        text = cell.text.strip()
        if well_formed(text) and not text.endswith("."):
            shapes.setdefault(cell.row if by_row else cell.col, []).append(shape_of(text))
    out: dict[int, tuple[int, int]] = {}
    for col, found in shapes.items():
        best = max(set(found), key=found.count)
        # three alike, most of them; or two decimals alike and no other (a table's last rows on a
        # page of their own: ``๖๔.๕๘`` and ``๕๖.๖๐`` over a cell read ``ว๔.๘๔``)
        pair = len(found) == 2 and found[0] == found[1] and best[1] > 0
        if pair or (found.count(best) >= 3 and found.count(best) > len(found) / 2):
            out[col] = best
    return out


def short_for(text: str, shape: tuple[int, int]) -> bool:
    """A reading with something in it, no longer than a number of ``shape`` (:func:`shape_of`)
    and one more character: what Tesseract makes of such a number when it misreads it (``อ`` for
    ``๖``, ``ox`` for ``๙``).

    >>> short_for("อ", (1, 0)), short_for("ox", (1, 0)), short_for("รวม", (1, 0)), short_for("", (1, 0))
    (True, True, False, False)
    >>> short_for("ญ๘.๗๒", (2, 2)), short_for("คะแนนรวม", (2, 2))
    (True, False)
    """
    squashed = "".join(text.split())
    whole, fraction = shape
    return 0 < len(squashed) <= whole + fraction + (1 if fraction else 0) + 1


def digits_as_letters(text: str, shape: tuple[int, int] | None) -> bool:
    """One token of letters before a point and as many digits as the column's numbers have after
    theirs (``ข่าว.๕๒`` for ``๗๖.๕๒``, ``๙ไว.๒๙`` for ``๙๖.๒๙``): a number whose whole digits OCR read
    as letters, though they make a word (``ข่าว``), no longer than the shape's digits and two more.

    >>> digits_as_letters("ข่าว.๕๒", (2, 2)), digits_as_letters("๙ไว.๒๙", (2, 2))
    (True, True)
    >>> digits_as_letters("ข่าว.๕๒", None), digits_as_letters("ข้อ ๑.๒", (2, 2))
    (False, False)
    >>> digits_as_letters("ประชาสัมพันธ์.๕๒", (2, 2))
    False
    """
    if shape is None or not shape[1]:
        return False
    m = re.fullmatch(rf"(\S+)[.,]([0-9๐-๙]{{{shape[1]}}})", unmarked(text.strip()))
    return m is not None and not m.group(1).isdigit() and len(m.group(1)) <= shape[0] + 2


def completed(glyphs: str, first: str, shape: tuple[int, int] | None) -> str | None:
    """A glyph reading one end digit short of the column's ``shape`` (the glyph reader leaves out
    a last digit it is unsure of), completed by the first reading's decimals when they agree with
    the glyphs' as far as those go: ``๗๖.๕`` and ``ข่าว.๕๒`` give ``๗๖.๕๒``.  None otherwise.

    >>> completed("๗๖.๕", "ข่าว.๕๒", (2, 2)), completed("๗๖.๕", "ข่าว.๔๒", (2, 2))
    ('๗๖.๕๒', None)
    >>> completed("๗๖.๕๒", "ข่าว.๕๒", (2, 2)), completed("๗๖.๕", "ข่าว.๕๒", None)
    (None, None)
    >>> completed("๗๖.๕", "ญ๘.๕๒", (2, 2)) is None  # its ``๘`` is not the glyphs' last whole digit
    True
    """
    decimals = re.search(r"[.,]([0-9๐-๙]+)$", unmarked(first.strip()))
    if shape is None or decimals is None or len(decimals.group(1)) != shape[1]:
        return None
    if not well_formed(glyphs) or shape_of(glyphs) != (shape[0], shape[1] - 1):
        return None
    theirs = digits_of(decimals.group(1))
    mine = digits_of(glyphs.partition(".")[2])
    # the digits the first reading has before its point (``๘`` of ``ญ๘``) stand at the glyphs' end
    before = digits_of(unmarked(first.strip())[: decimals.start()])
    if not theirs.startswith(mine) or not digits_of(glyphs.partition(".")[0]).endswith(before):
        return None
    return glyphs + in_script_of(theirs[len(mine) :], glyphs)


def agreed(readings: Sequence[str]) -> bool:
    """Two glyph readings or more, all of one well-formed number.

    >>> agreed(["๘", "8"]), agreed(["๘"]), agreed(["๘", "๙"])
    (True, False, False)
    """
    return (
        len(readings) >= 2
        and all(well_formed(r) for r in readings)
        and len({thai_digits_to_arabic(r) for r in readings}) == 1
    )


#: A Thai mark or vowel above or below (they sit on consonants only) read on a digit or point: a
#: speck over or under the number (a photograph's grain, the line above's tail).
_MARK_ON_DIGIT = re.compile(f"(?<=[0-9๐-๙.])[{MARKS}]+(?=[0-9๐-๙.]|$)")


def unmarked(text: str) -> str:
    """``text`` without the Thai marks read on its digits (:data:`_MARK_ON_DIGIT`): no Thai
    writing puts one there, so they are specks, and the digits are the number's.

    >>> unmarked("๗๔่.๐๒"), unmarked("๗่๐.๕๒"), unmarked("๘๐.๕๓้"), unmarked("ที่ ๕")
    ('๗๔.๐๒', '๗๐.๕๒', '๘๐.๕๓', 'ที่ ๕')
    """
    return _MARK_ON_DIGIT.sub("", text)


def settle_number(
    text: str,
    confidence: float | None,
    glyphs: Sequence[tuple[str, float]],
    digits: Callable[[], str] | None = None,
    among_numbers: bool = False,
    shape: tuple[int, int] | None = None,
) -> tuple[str, float | None, str | None]:
    """A number cell's reading: ``(text, confidence, other)`` where ``other`` (the readings that
    disagreed, for a doubt) is ``None`` when nothing is left to doubt.

    ``glyphs`` are the glyph reader's readings of the cell under several binarisations;
    ``among_numbers``: most other cells of its row are numbers; ``shape``: the digits before and
    after the point that most numbers of its column have (:func:`shape`).  When at
    least two of them are well-formed numbers and all of these agree, they settle it (a first
    reading that differs is kept as the other reading); so does one trusted reading of three
    digits or more where Tesseract read no digit at all (``bo.bd``), and one of the column's
    shape where Tesseract's is no number and the other glyph readings hold only its digits.
    Otherwise a first reading that is a well-formed number once the spaces Tesseract left beside
    its point are gone stays
    (spaces gone), with a low confidence and the glyph readings when they all differ from it;
    else Tesseract restricted to digits (``digits``) settles it when it agrees with a glyph
    reading.  A reading none of these settles keeps its text, a low confidence and the others.

    >>> settle_number("74. 17", 0.8, []), settle_number("1 2", 0.8, []), settle_number("| 68.05", 0.9, [])
    (('74.17', 0.8, None), ('1 2', 0.8, None), ('68.05', 0.9, None))
    >>> settle_number("๖.๖..๕๗", 0.85, [("๖๖.๕๗", 0.8), ("๕๗", 0.9), ("๖๖.๕๗", 0.77)])
    ('๖๖.๕๗', 0.67, '๖.๖..๕๗')
    >>> settle_number("๖.๖..๕๗", 0.85, [("๖๖.๕๗", 0.8), ("๖๖.๕", 0.77)], lambda: "66.57")
    ('๖๖.๕๗', 0.7, '๖.๖..๕๗')
    >>> settle_number("๖๒๑.๒๗", 0.85, [("๖๑.๒๗", 0.8), ("๖๗.๒๗", 0.77)], lambda: "")
    ('๖๒๑.๒๗', 0.3, '๖๑.๒๗ / ๖๗.๒๗')
    >>> settle_number("", None, [("8", 0.9), ("8", 0.85), ("8", 0.8)])
    ('8', 0.7, '')
    >>> settle_number("๕๕", 0.9, [("๘๕", 0.9), ("๘๕", 0.85)])
    ('๘๕', 0.75, '๕๕')
    >>> settle_number("10", 0.9, [("1", 0.9), ("1", 0.9)])
    ('10', 0.9, None)
    >>> settle_number("๕๒๐.๒๐", 0.9, [("๘๖.๒๐", 0.87)], shape=(2, 2))
    ('๘๖.๒๐', 0.77, '๕๒๐.๒๐')
    >>> settle_number("ญ๘.๗๒", 0.85, [("๗๘.๗", 0.84), ("๗๘.๗", 0.79)], lambda: "", True, (2, 2))
    ('๗๘.๗๒', 0.3, 'ญ๘.๗๒ / ๗๘.๗')
    >>> settle_number("oN ๑.๕๕", 0.8, [("๘๑.๕๘", 0.85), ("๑.๕๘", 0.8)], lambda: "", True, (2, 2))
    ('๘๑.๕๘', 0.7, 'oN ๑.๕๕')
    >>> settle_number("oN ๑.๕๕", 0.8, [("๘๑.๕๘", 0.85), ("๖.๕๘", 0.8)], lambda: "", True, (2, 2))
    ('oN ๑.๕๕', 0.3, '๘๑.๕๘ / ๖.๕๘')
    >>> settle_number("๖๑.๒", 0.85, [], lambda: "61.27", shape=(2, 2))
    ('๖๑.๒๗', 0.75, '๖๑.๒')
    >>> settle_number("A", 0.9, [("4", 0.9), ("4", 0.9)], lambda: "4")
    ('A', 0.9, None)
    >>> settle_number("Zz", 0.9, [("2", 0.9), ("2", 0.9)], lambda: "2", among_numbers=True)
    ('2', 0.8, 'Zz')
    >>> settle_number("๘๔.๖๗", 0.61, [("๖๗", 0.7), ("๘๔.๖๗", 0.71), ("๘๘๖๗", 0.75)], shape=(2, 2))
    ('๘๔.๖๗', 0.3, '๘๘๖๗')
    >>> settle_number("bo.bd", 0.6, [("๖๐.๖๖", 0.79)], lambda: "๒๐.0๒๒")
    ('๖๐.๖๖', 0.69, 'bo.bd')
    >>> settle_number("๗๔่.๐๒", 0.8, [])
    ('๗๔.๐๒', 0.8, None)
    """
    squashed = _POINT_SPACES.sub(r"\1", unmarked(text.strip(_RULING_REMNANTS)))
    formed = [(t, s) for t, s in glyphs if well_formed(t)]
    # A stricter threshold may lose a digit's thin strokes: a reading whose digits all stand in
    # the fullest reading does not gainsay it (``๕๗`` beside ``๖๖.๕๗``).
    most = max((len(digits_of(t)) for t, _s in formed), default=0)
    fullest = [(t, s) for t, s in formed if len(digits_of(t)) == most]
    values = {thai_digits_to_arabic(t) for t, _s in fullest}
    consensus = (
        len(fullest) >= 2
        and len(values) == 1
        and all(digits_of(t) in digits_of(fullest[0][0]) for t, _s in formed)
    )
    formed = fullest + [f for f in formed if f not in fullest]
    many = bool(formed) and len(digits_of(formed[0][0])) >= 3
    alone = many and not _THAI_OR_ARABIC_DIGIT.search(text)
    # Letters become a number only when the glyphs are a number of three digits or more, or the
    # cell stands among numbers (a header ``1 … 10`` on a shaded row): a grade ``A`` is no ``4``.
    may_change = not text or numberish(text) or many or among_numbers
    # In a column of numbers of one shape, a reading of another shape is no reading to take (a
    # last digit the glyph reader was unsure of left out: ``๗๘.๗`` for ``๗๘.๗๒``); one of that
    # shape is, alone, where the first reading has another (``๕๒๐.๒๐`` among ``๘๖.๒๐``).
    fits = shape is None or (bool(formed) and shape_of(formed[0][0]) == shape)
    shaped = shape is not None and fits and well_formed(squashed) and shape_of(squashed) != shape
    # ... and so is one where the first reading is no number at all, when the other glyph
    # readings hold only its digits (``oN ๑.๕๕`` for ``๘๑.๕๘``, a stamp across the cell).
    unformed = (
        shape is not None
        and fits
        and bool(text)
        and not well_formed(squashed)
        and all(digits_of(t) in digits_of(formed[0][0]) for t, _s in formed)
    )
    consensus = consensus and may_change and fits
    alone = (alone or shaped or unformed) and fits
    fewer = (
        bool(text)
        and well_formed(squashed)
        and len(digits_of(formed[0][0] if formed else "")) < len(digits_of(squashed))
        # ... unless the glyphs' number has the column's shape and the first reading has not
        # (``๕๒๐.๒๐`` among scores like ``๘๖.๒๐``)
        and not (shape is not None and bool(formed) and shape_of(formed[0][0]) == shape != shape_of(squashed))
    )
    # The same digits with other punctuation: Tesseract's well-formed reading is kept.
    same_digits = bool(formed) and well_formed(squashed) and digits_of(squashed) == digits_of(formed[0][0])
    if (
        (consensus or alone)
        and not fewer
        and not same_digits
        and not (text and same_number(squashed, formed[0][0]))
    ):
        return formed[0][0], round(max(min(s for _t, s in formed) - 0.1, DOUBT_CONFIDENCE), 3), text
    if text and point_missed(squashed, [t for t, _s in formed]):
        return formed[0][0], DOUBT_CONFIDENCE, text
    if text and well_formed(squashed):
        if shape is not None and shape_of(squashed) != shape and digits is not None:
            # Not the column's shape (``๖๑.๒`` among ``๘๖.๒๐``): Tesseract restricted to digits
            # may read the cell whole; the first reading stays, doubted, if it does not.
            read = digits()
            # a first reading with all the shape's digits (its point lost: ``๖๘๓๕``) is not
            # completed by the digits-only reading but rivalled, when the glyphs side with it
            all_digits = len(digits_of(squashed)) == sum(shape)
            if (
                well_formed(read)
                and shape_of(read) == shape
                and not (all_digits and sides_with_first(squashed, read, formed))
            ):
                conf = round(min(confidence or 1.0, 0.9) - 0.1, 3)
                return in_script_of(read, squashed), conf, text
            return squashed, DOUBT_CONFIDENCE, read or " / ".join(t for t, _s in formed)
        if formed and not any(same_number(squashed, t) or fuller(squashed, t) for t, _s in formed):
            return squashed, DOUBT_CONFIDENCE, " / ".join(dict.fromkeys(t for t, _s in formed))
        # A glyph reading of as many digits with other digits (``๘๘๖๗`` beside ``๘๔.๖๗``: a
        # look-alike read apart under another binarisation) gainsays it, though another agrees.
        rivals = [t for t, _s in formed if rival_digits(squashed, t)]
        if rivals:
            return squashed, DOUBT_CONFIDENCE, " / ".join(dict.fromkeys(rivals))
        return squashed, confidence, None
    if digits is not None and formed and may_change:
        read = digits()
        for t, s in formed:
            if well_formed(read) and same_number(read, t):
                return t, round(max(s - 0.1, DOUBT_CONFIDENCE), 3), text
        if not text and shape is not None and whole_of(read, [t for t, _s in formed], shape):
            return in_script_of(read, formed[0][0]), DOUBT_CONFIDENCE, " / ".join(t for t, _s in formed)
    # letters for the whole digits (``ข่าว.๕๒``), the glyphs one end digit short (``๗๖.๕``): each
    # gives the digits the other could not read, and they agree where both read
    for t, _s in formed:
        whole = completed(t, text, shape)
        if whole is not None and digits_as_letters(text, shape):
            return whole, DOUBT_CONFIDENCE, f"{text} / {t}"
    others = [t for t, _s in formed if t != text]
    if not text or not others or not (numberish(text) or among_numbers):
        return text, confidence, None
    return text, DOUBT_CONFIDENCE, " / ".join(dict.fromkeys(others))


def sides_with_first(first: str, digits_read: str, glyphs: Sequence[tuple[str, float]]) -> bool:
    """A glyph reading whose digits stand in the first reading's and not in the digits-only
    reading's: the glyphs side with the first reading (``๖๘๓๕``, its point lost, beside the glyphs'
    ``๖๘``), and the digits-only reading of the column's shape (``๒๕.๓๕``) read other digits.
    Neither can then be taken over the other: the first stays, doubted.

    >>> sides_with_first("๖๘๓๕", "๒๕.๓๕", [("๖๘", 0.79), ("๕", 0.73)])
    True
    >>> sides_with_first("๖๑.๒", "61.27", [("๖๑", 0.8)]), sides_with_first("๖๑.๒", "61.27", [])
    (False, False)
    """
    mine, theirs = digits_of(first), digits_of(digits_read)
    # two digits at least: a lone digit stands in most numbers
    return any(len(d := digits_of(t)) >= 2 and d in mine and d not in theirs for t, _s in glyphs)


def rival_digits(tesseract: str, glyphs: str) -> bool:
    """A glyph reading with as many digits as Tesseract's, some of them other digits: the two
    read the same ink as different numbers, whatever their punctuation.

    >>> rival_digits("๘๔.๖๗", "๘๘๖๗"), rival_digits("๘๔.๖๗", "๘๔๖๗"), rival_digits("๘๔.๖๗", "๖๗")
    (True, False, False)
    """
    mine, theirs = digits_of(tesseract), digits_of(glyphs)
    return len(mine) == len(theirs) and mine != theirs


def whole_of(read: str, glyphs: Sequence[str], shape: tuple[int, int]) -> bool:
    """Tesseract restricted to digits read a cell it read nothing in as ``read``, a number of its
    column's ``shape``, in which every glyph reading's digits stand (the glyph reader read only a
    part: ``๙๙`` of ``80.99``, small bold digits whose first two touch and the point between):
    the cell's number, doubted.

    >>> whole_of("80.99", ["99"], (2, 2)), whole_of("80.99", ["99", "0.99"], (2, 2))
    (True, True)
    >>> whole_of("80.9", ["99"], (2, 2)), whole_of("80.99", ["77"], (2, 2)), whole_of("80.99", [], (2, 2))
    (False, False, False)
    """
    return (
        bool(glyphs)
        and well_formed(read)
        and shape_of(read) == shape
        and all(digits_of(g) in digits_of(read) for g in glyphs)
    )


def point_missed(tesseract: str, glyphs: Sequence[str]) -> bool:
    """Tesseract read a number's digits without its point (``๔๑๗๒`` for ``๙๑.๗๒``) where two glyph
    readings or more, under other binarisations, each put a point after the same digits, and the
    fullest (first) of them has as many digits as Tesseract's: the point is in the ink, and a
    reading that missed it took the digits beside it for others too.  The glyphs' number is then
    the reading, doubted (its digits and Tesseract's may still differ).

    >>> point_missed("๔๑๗๒", ["๙๑.๗๒", "๙๑.๗"]), point_missed("๔๑๗๒", ["๙๑.๗๒"])
    (True, False)
    >>> point_missed("๒๕๖๘", ["๒๕๖๘", "๒๕.๖๘"]), point_missed("41.72", ["91.72", "91.7"])
    (False, False)
    """
    if not re.fullmatch(r"[0-9๐-๙]{3,5}", tesseract) or len(glyphs) < 2:
        return False
    # digits before the one point of each glyph reading (None: no point, or several)
    wholes = {len(digits_of(g.partition(".")[0])) if g.count(".") == 1 else None for g in glyphs}
    whole = wholes.pop() if len(wholes) == 1 else None
    return whole is not None and 0 < whole < len(tesseract) and len(digits_of(glyphs[0])) == len(tesseract)


_WELL_FORMED = re.compile(r"[+-]?[0-9๐-๙]+(?:[.,][0-9๐-๙]+)*")


def digits_of(text: str) -> str:
    return thai_digits_to_arabic("".join(ch for ch in text if ch in DIGITS))


def fuller(tesseract: str, glyphs: str) -> bool:
    """Tesseract read a well-formed number holding every digit the glyph reader read, and more:
    the glyph reader left out a digit it was unsure of (``93.91`` against ``93.9``).

    >>> fuller("93.91", "93.9"), fuller("๕๓.๐๕", "๘๓.๐๘"), fuller("ฉส๓.๐๘", "๘๓.๐๘")
    (True, False, False)
    """
    return (
        bool(_WELL_FORMED.fullmatch(tesseract))
        and len(digits_of(tesseract)) > len(digits_of(glyphs))
        and digits_of(glyphs) in digits_of(tesseract)
    )


def more_digits(tesseract: str, glyphs: str) -> bool:
    """Tesseract read a well-formed number with more digits than the glyph reader, and no fewer
    decimals: two digits that blur made touch are one blob to the glyph reader, which its templates
    may take for one digit (``60.95`` as ``3.95``); Tesseract reads the blob as the two.

    >>> more_digits("60.95", "3.95"), more_digits("๕๕๓", "๘๘.๗๓"), more_digits("2567", "2567")
    (True, False, False)
    >>> more_digits("๕๓๕.๕", "๕๙.๙")
    False
    """
    if not _WELL_FORMED.fullmatch(tesseract) or len(digits_of(tesseract)) <= len(digits_of(glyphs)):
        return False
    fraction = re.compile(r"[.,]([0-9๐-๙]+)$")
    ours, theirs = fraction.search(tesseract), fraction.search(glyphs)
    # Only the integer part differs: the fractions agree (``๕๓๕.๕`` and ``๕๙.๙`` differ throughout).
    return bool(ours and theirs and same_number(ours.group(1), theirs.group(1)))


def joined_digits(tesseract: str, glyphs: str, glyph_width: int, digit_widths: Sequence[int]) -> bool:
    """Tesseract read a well-formed number with more digits than the glyph reader over the same
    ink, whose digits are each as wide as two of the number's other digits (:data:`JOINED_WIDTH`
    times the median of Tesseract's boxes of the digits outside that ink, ``digit_widths``; with
    none, nothing to measure by, so no): two digits that blur made touch, one
    blob to the glyph reader, which its templates take for one digit (``80`` of a chart's ``80.51``
    at 150 dpi as ``๓``), and two to Tesseract.  :func:`more_digits` says the same when both
    readings have a fraction to compare; this needs none.

    >>> joined_digits("80", "๓", 24, [11, 6, 12])
    True
    >>> joined_digits("๒๑", "๖", 14, [13, 12])  # a bold ๖ Tesseract split: as wide as one
    False
    >>> joined_digits("80", "๓", 24, [])
    False
    >>> joined_digits("8O", "๓", 24, [11, 12])  # Tesseract's is no number
    False
    """
    ours, theirs = digits_of(tesseract), digits_of(glyphs)
    if not theirs or not digit_widths or len(ours) <= len(theirs) or not _WELL_FORMED.fullmatch(tesseract):
        return False
    return glyph_width / len(theirs) >= JOINED_WIDTH * statistics.median(digit_widths)


def counts_up(tokens: Sequence[str]) -> bool:
    """Three tokens or more that are whole numbers counting up by one (``1 2 3``, ``๔ ๕ ๖ ๗``).

    >>> counts_up(["1", "2", "3"]), counts_up(["๘", "๙", "๑๐"])
    (True, True)
    >>> counts_up(["1", "2"]), counts_up(["1", "3", "4"])
    (False, False)
    """
    numbers = [whole_number(t) for t in tokens]
    return len(tokens) >= 3 and all(a is not None and b == a + 1 for a, b in pairwise(numbers))


def whole_number(token: str) -> int | None:
    """The value of a token that is a whole number of one to three digits, in either script.

    >>> whole_number(" ๑๐"), whole_number("7"), whole_number("า0"), whole_number("1.5")
    (10, 7, None, None)
    """
    token = token.strip()
    return int(thai_digits_to_arabic(token)) if re.fullmatch(r"[0-9๐-๙]{1,3}", token) else None


#: A line most of whose words count up by one (:func:`counting_run`) holds at least this many of
#: them in one run, and this share of its words.
MIN_RUN, RUN_SHARE = 4, 0.6


def counting_run(tokens: Sequence[str]) -> tuple[int, int] | None:
    """``(index, length)`` of the run of tokens that count up by one (whole numbers, as
    :func:`counts_up`) when it is most of the tokens (:data:`MIN_RUN`, :data:`RUN_SHARE`): the
    numbers under a chart's bars with one or two lost or misread at its ends (``2 3 … 9 า0``: the
    ``1`` lost, the ``10`` read with a letter).  None otherwise.

    >>> counting_run("2 3 4 5 6 7 8 9 า0".split()), counting_run("1 2 3".split())
    ((0, 8), (0, 3))
    >>> counting_run("1 7 1 4 1".split()), counting_run("ก 2 3 4 ข ค".split())
    (None, None)
    """
    if counts_up(tokens):
        return 0, len(tokens)
    numbers = [whole_number(t) for t in tokens]
    best: tuple[int, int] | None = None
    start = 0
    for k in range(1, len(tokens) + 1):
        before = numbers[k - 1]
        if k == len(tokens) or before is None or numbers[k] != before + 1:
            if numbers[start] is not None and (best is None or k - start > best[1]):
                best = (start, k - start)
            start = k
    if best is None or best[1] < max(MIN_RUN, RUN_SHARE * len(tokens)):
        return None
    return best


def better_formed(tesseract: str, glyphs: str) -> bool:
    """Tesseract read one well-formed number where the glyph reader's run is none (``79.79``
    against ``79/9``: a point and a small ``7`` taken together for a slash).

    >>> better_formed("79.79", "79/9"), better_formed("79/9", "79.79"), better_formed("1.", "1")
    (True, False, False)
    >>> better_formed("73.65", "79,66")  # a point the glyph reader took for a comma
    False
    """
    return well_formed(tesseract) and not well_formed(decimal_point(glyphs))


def with_punctuation_of(tesseract: str, run: NumberRun) -> NumberRun:
    """The glyph reader's digits with Tesseract's punctuation, when the glyph reader saw more
    punctuation (a speck read as a second decimal point: ``๘๓.๐.๘``) or less (a faint point
    missed: ``8916`` for ``89.16``) in the same number of digits and Tesseract's reading is a
    well-formed number.

    >>> r = NumberRun("๘๓.๐.๘", 0, 10, True, 0.8)
    >>> with_punctuation_of("๕๓.๐๕", r).text, with_punctuation_of("๕๓๐๕", r).text
    ('๘๓.๐๘', '๘๓.๐.๘')
    >>> with_punctuation_of("89.16", NumberRun("8916", 0, 10, True, 0.8)).text
    '89.16'
    """
    glyph_digits = [ch for ch in run.text if ch in DIGITS]
    punct = sum(1 for ch in run.text if ch not in DIGITS)
    tess_punct = sum(1 for ch in tesseract if ch not in DIGITS)
    if (
        punct == tess_punct
        or not tess_punct
        or not _WELL_FORMED.fullmatch(tesseract)
        or len(glyph_digits) != sum(1 for ch in tesseract if ch in DIGITS)
    ):
        return run
    digits = iter(glyph_digits)
    text = "".join(next(digits) if ch in DIGITS else ch for ch in tesseract)
    return NumberRun(text, run.x0, run.x1, run.trusted, run.similarity, unsure=run.unsure)


def lookalikes_agree(tesseract: str, glyphs: str) -> bool:
    """Whether Tesseract's reading of a number, which is no number, is the glyph reader's with one
    or two of its digits read as their look-alike letters
    (:data:`extractors.thai.text.DIGIT_LETTERS`), every other symbol the same: the two readers then
    agree on every digit, the letter being the digit's shape (a letter is read as a digit only
    where the glyph reader reads that digit there).

    >>> lookalikes_agree("อ๐.๕๕", "๖๐.๕๕"), lookalikes_agree("อ๐.๕๕", "๖๐.๕๖")
    (True, False)
    >>> lookalikes_agree("๖๐.๕๕", "๖๐.๕๕"), lookalikes_agree("ออออ", "๖๖๖๖"), lookalikes_agree("ก๐.๕", "๖๐.๕")
    (False, False, False)
    """
    if len(tesseract) != len(glyphs) or well_formed(tesseract) or not well_formed(glyphs):
        return False
    letters = [(a, b) for a, b in zip(tesseract, glyphs, strict=True) if a != b and not same_number(a, b)]
    if not letters or len(letters) > 2 or 2 * len(letters) >= sum(ch in DIGITS for ch in glyphs):
        return False
    return all(DIGIT_LETTERS.get(a) == b for a, b in letters)


def unsure_confirmed(unsure: Sequence[tuple[int, int, str]], read: Sequence[tuple[str, float]]) -> bool:
    """Whether every digit the glyph reader is unsure of (``(x0, x1, digit)``) is the digit the other
    reading (Tesseract's symbols ``(text, middle x)``, in the same coordinates) has alone at its
    place: the glyphs' reading is then sure where it is sure, and read twice where it is not
    (``๘๗.๐๙`` read ``๕ซ.๐๕``: its ``๐``, as near a letter template as the digit's, is Tesseract's ``๐``).

    >>> unsure_confirmed([(88, 104, "๐")], [("๕", 10.0), ("ซ", 30.0), ("๐", 95.0), ("๕", 116.0)])
    True
    >>> unsure_confirmed([(88, 104, "๐")], [("๕", 10.0), ("o", 95.0)]), unsure_confirmed([], [("๕", 1.0)])
    (False, False)
    >>> unsure_confirmed([(88, 104, "๐")], [("๐", 90.0), ("๑", 100.0)])  # two symbols there: no one digit
    False
    """
    if not unsure:
        return False
    for x0, x1, digit in unsure:
        under = [text for text, middle in read if x0 - 1 <= middle <= x1 + 1]
        if len(under) != 1 or under[0] not in DIGITS or not same_number(under[0], digit):
            return False
    return True


def same_number(a: str, b: str) -> bool:
    """Whether two readings are the same number, whatever digit script.

    >>> same_number("๘๘.๗๓", "88.73"), same_number("๕๕๓", "๘๘.๗๓")
    (True, False)
    """
    return thai_digits_to_arabic(a) == thai_digits_to_arabic(b)


def split_pairs(symbols: Sequence[tuple[str, int, int]]) -> int:
    """How many times Tesseract read one digit as two: pairs of neighbouring digits of a number
    ``(text, x0, x1)``, each narrower than :data:`SPLIT_NARROW` of the number's median digit and
    together no wider than :data:`SPLIT_TOGETHER` of it (a bold ``๖`` read as ``๒๑``).  Digits of
    one font are about as wide as each other; two digits that blur made touch are each as wide as
    one.  The glyph reader's reading, where it found one digit for each pair, has as many digits
    fewer at most.

    >>> split_pairs([("๒", 1392, 1401), ("๑", 1401, 1411), ("๕", 1408, 1432), (".", 1440, 1496),
    ...              ("๒", 1450, 1471), ("๓", 1470, 1500)])
    1
    >>> split_pairs([("6", 10, 24), ("0", 25, 39), (".", 41, 44), ("9", 46, 60), ("5", 61, 75)])
    0
    """
    digits = [(x0, x1) for text, x0, x1 in symbols if len(text) == 1 and text in DIGITS]
    if len(digits) < 3:
        return 0
    median = statistics.median(x1 - x0 for x0, x1 in digits)
    return sum(
        a[1] - a[0] < SPLIT_NARROW * median
        and b[1] - b[0] < SPLIT_NARROW * median
        and max(a[1], b[1]) - min(a[0], b[0]) <= SPLIT_TOGETHER * median
        for a, b in pairwise(digits)
    )


def widened(run: NumberRun, read: Sequence[tuple[str, float]]) -> NumberRun:
    """``run`` (the glyph reader's), or its :attr:`~NumberRun.wider` reading when the other
    reading (Tesseract's symbols ``(text, middle x)``, in the run's coordinates) has digits, and
    only digits, under every digit the wider one adds: an unsure end digit whose doubt is only
    digit or letter (:func:`~extractors.ocr.digit_glyphs.told_among_digits`) is a digit where
    Tesseract read one too, and the glyphs say which (``๒๗.๗๐`` for ``๖๗.๗๐``: its ``๖`` led a
    letter template by 0.03).  Where Tesseract read a letter (a letter's curl the glyphs took
    for ``1``), the run stays as it was.

    >>> sure, wide = NumberRun("๗.๗", 30, 80, True, 0.9), NumberRun("๖๗.๗", 9, 80, True, 0.75)
    >>> run = NumberRun("๗.๗", 30, 80, True, 0.9, wider=wide, added=((9, 26),))
    >>> widened(run, [("๒", 17.0), ("๑", 40.0)]).text, widened(run, [("ก", 17.0)]).text
    ('๖๗.๗', '๗.๗')
    >>> widened(sure, [("๒", 17.0)]).text
    '๗.๗'

    Tesseract's letter of the digit's own shape (:data:`DIGIT_LETTERS`: ``อ`` for ``๖``) under an
    added digit the digits alone told as that digit is the digit read twice (``อ๑.๕๕`` for ``๖๑.๘๔``):

    >>> run = NumberRun("๗.๗", 30, 80, True, 0.9, wider=wide, added=((9, 26),), added_digits=("๖",))
    >>> widened(run, [("อ", 17.0)]).text, widened(run, [("จ", 17.0), ("ก", 20.0)]).text
    ('๖๗.๗', '๗.๗')

    An added look-alike the glyphs left unsure (``๕`` or ``๔``: :func:`digit_glyphs.unsure_lookalike`)
    needs Tesseract's same digit alone at its place (``๕๓๕.๐๓๕`` for ``๕๙.๐๙``); the wider run stays
    unsure there, for the caller to weigh (:func:`unsure_confirmed`):

    >>> wide = NumberRun("๕๙.๐๙", 1, 119, False, 0.88, unsure=((1, 25, "๕"),))
    >>> run = NumberRun("๙.๐๙", 32, 119, True, 0.9, wider=wide, added=((1, 25),), added_digits=("๕",))
    >>> widened(run, [("๕", 13.0), ("๓", 38.0)]).text, widened(run, [("๔", 13.0)]).text
    ('๕๙.๐๙', '๙.๐๙')
    """
    if run.wider is None or not run.added:
        return run
    digits = run.added_digits or ("",) * len(run.added)
    unsure = {(x0, x1): digit for x0, x1, digit in run.wider.unsure}
    for (x0, x1), digit in zip(run.added, digits, strict=True):
        under = [text for text, middle in read if x0 - 1 <= middle <= x1 + 1]
        if (x0, x1) in unsure:  # a look-alike left unsure: the same digit alone there, or nothing
            if len(under) != 1 or not same_number(under[0], unsure[(x0, x1)]):
                return run
            continue
        shaped = [_THAI_OR_ARABIC_DIGIT.fullmatch(t) or DIGIT_LETTERS.get(t, "-") == digit for t in under]
        if not under or not all(shaped):
            return run
    return run.wider


_NUMBER_PIECE = re.compile(r"[0-9๐-๙.,]+")


def partly_reread(
    first: Sequence[tuple[str, int, int]], now: Sequence[tuple[str, int, int, bool]], space: float
) -> list[tuple[int, int, str]]:
    """The numbers of a line that the glyph reader changed in part and left in part as Tesseract
    read them, which no reading confirms there: ``(start, end, Tesseract's reading)`` of each,
    ``now[start:end]`` its symbols.

    ``first``: Tesseract's symbols ``(text, x0, x1)``; ``now``: the line's symbols after the glyph
    reader's (``(text, x0, x1, Tesseract's own)``; a glyph reading covers the Tesseract symbols
    whose middle lies in its span).  A number is a run of symbols of digits and number
    punctuation with no gap of ``space`` or more.  Tesseract misread the number where a glyph
    reading changed it, so its digits no glyph reading covers are as doubtful: a check on each
    changed part leaves them unnamed (``๖๗.๒๐`` for ``๖๗.๖๐``: a broken ``๖`` that the glyphs
    could not read kept as Tesseract's ``๒``, the changed ``๖`` and ``๗`` checked on their own).

    >>> first = [("๒", 0, 8), ("ฒ", 10, 18), (".", 20, 22), ("๒", 24, 32), ("๐", 34, 42)]
    >>> now = [("๖", 0, 8, False), ("๗", 10, 18, False), (".", 20, 22, True), ("๒", 24, 32, True),
    ...        ("๐", 34, 42, False)]
    >>> partly_reread(first, now, 6)
    [(0, 5, '๒ฒ.๒๐')]
    >>> partly_reread(first, [("๒", 0, 8, True), *now[1:]], 6)  # Tesseract's first ``๒`` kept too
    [(0, 5, '๒ฒ.๒๐')]
    >>> partly_reread(first, [*now, (".", 44, 46, True)], 6)  # a full stop after is not the number's
    [(0, 5, '๒ฒ.๒๐')]
    >>> partly_reread(first[:2], [("๖", 0, 8, False), ("๗", 10, 18, False)], 6)  # all re-read
    []
    >>> agreed = [("๒", 0, 8, False), ("ฒ", 10, 18, True), (".", 20, 22, True), ("๒", 24, 32, True)]
    >>> partly_reread(first, agreed, 6)  # the glyphs read the ``๒`` as Tesseract did: no change
    []
    """

    def under(x0: int, x1: int) -> str:
        return "".join(text for text, a, b in first if x0 <= (a + b) / 2 <= x1)

    out: list[tuple[int, int, str]] = []
    start = 0
    while start < len(now):
        if not _NUMBER_PIECE.fullmatch(now[start][0]):
            start += 1
            continue
        end = start + 1
        while (
            end < len(now) and _NUMBER_PIECE.fullmatch(now[end][0]) and now[end][1] - now[end - 1][2] < space
        ):
            end += 1
        lo, hi = start, end  # a full stop before or after (``พ.ศ. ๒๕๖๓``) is no part of the number
        while lo < hi and not any(ch in DIGITS for ch in now[lo][0]):
            lo += 1
        while hi > lo and not any(ch in DIGITS for ch in now[hi - 1][0]):
            hi -= 1
        piece = now[lo:hi]
        changed = any(not own and not same_number(under(x0, x1), text) for text, x0, x1, own in piece)
        alone = any(own and any(ch in DIGITS for ch in text) for text, _x0, _x1, own in piece)
        if changed and alone:
            out.append((lo, hi, under(piece[0][1], piece[-1][2])))
        start = end
    return out


_SCORE_SHAPE = re.compile(r"[0-9๐-๙]{1,3}\.[0-9๐-๙]{2}")
#: Readings (binarisations) of a word that must give the same score before :func:`score_read_alike` takes it.
MIN_AGREEING = 2


def score_read_alike(readings: Sequence[Sequence[NumberRun]]) -> NumberRun | None:
    """The score a word Tesseract read as Latin letters amid Thai (``oboe`` for ``๗๗.๐๑``), or as
    no number (``๐.๓ซ`` for ``๗๐.๓๗``), is by the glyph reader's runs under each binarisation of its
    crop: a run shaped as a score (one to three digits, a point, two digits) that at least
    :data:`MIN_AGREEING` binarisations read alike, each digit similar to its template
    (:data:`MIN_SIMILARITY`) and at most one of them unsure only by its margin over the best other
    label (a ``๐`` as near a letter's template as its own).  None otherwise: Tesseract's reading
    stays.  The caller keeps it with a doubt.

    >>> run = lambda text, sim=0.8, unsure=((30, 38, "๐"),): NumberRun(text, 0, 50, False, sim, unsure=unsure)
    >>> score_read_alike([[run("๗๗.๐๑")], [run("๗๗.๐๑")], [run("๑")]]).text
    '๗๗.๐๑'
    >>> score_read_alike([[run("๗๗.๐๑")], [run("๗๙.๐๑")]])  # the readings disagree
    >>> score_read_alike([[run("๗๗.๐๑", 0.6)], [run("๗๗.๐๑", 0.6)]])  # a digit like no template
    >>> score_read_alike([[run("๗๗๐๑")], [run("๗๗๐๑")]])  # no score's shape
    """
    found: dict[str, list[NumberRun]] = {}
    for runs in readings:
        for run in runs:
            if _SCORE_SHAPE.fullmatch(run.text) and run.similarity >= MIN_SIMILARITY and len(run.unsure) <= 1:
                found.setdefault(run.text, []).append(run)
    agreed_on = [kept for kept in found.values() if len(kept) >= MIN_AGREEING]
    if len(agreed_on) != 1:
        return None
    return max(agreed_on[0], key=lambda r: r.similarity)
