r"""Repair the Thai text Tesseract 5 (model ``tha``) reads from scanned pages, before any value leaves.

Pure functions, one kind of damage each; :func:`clean_ocr_text` runs them all in order and says what
it changed (for provenance). Text-layer repairs that also fit OCR text are reused from
:mod:`extractors.thai.text`; vocabularies come from :mod:`extractors.ita.vocabulary` and
:mod:`extractors.ita.periods`.

What Tesseract's Thai output does, as seen on the sample pages rendered at 150–300 dpi (clean and
blurred), the real scan in ``../shared/real-pdfs`` and the OCR'd seed document:

- sara am comes out as nikhahit + sara aa (``ดําเนินการ``), a tone mark sometimes between or before
  them (``นํ้า``, ``น่ํา``): :func:`compose_sara_am`;
- marks out of order, doubled, or two vowels on one consonant (``ปีึงบประมาณ``), and Private Use Area
  glyphs of old Thai fonts: :func:`fix_mark_order`;
- ``๗`` read as ``๓/`` inside numbers (``๘๘.๓/๓`` for ``๘๘.๗๓``), ``O``/``l`` inside Arabic numbers:
  :func:`repair_thai_number`; a numeric cell read twice (normally and with a digit whitelist) is
  settled by :func:`arbitrate_number`;
- spaces inside words on blurred scans (``ประกาศแน วปฏิบัติ``, ``จะสาม ารถ``, ``หน่ วยงาน``):
  :func:`join_cluster_spaces`;
- marks lost above a vowel (``การปฏิบัติหน้าที`` for ``...หน้าที่``), stray marks (``ก.ุย.``) in
  known terms: :func:`repair_terms`, :func:`repair_cell`.

Not repaired here, because no text-only rule can tell: digits misread as other digits (``๖`` as
``๒``, ``๙`` as ``๕``: only a second reading can, see :func:`arbitrate_number`), a mark lost where the
result is another real word or term (``มี.ค.`` read as ``ม.ค.``), a mark read as another (``ค่า`` as
``คํา``), Latin or letters read for Thai digits (``WA.`` for ``ม.ค.``, ``ฆ๕.๒๒`` and ``al.`` with
``๗`` in them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from pythainlp.corpus import thai_stopwords
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from extractors.ita.periods import MONTH_ABBREVIATIONS, MONTH_NAMES
from extractors.ita.vocabulary import HEADER_VOCABULARY, INDICATORS, ITA_PHRASES, UNITS
from extractors.thai import text as thai_text
from extractors.thai.text import (
    FOLLOW_VOWELS,
    LIST_MARKER,
    MARKS,
    TONE_MARKS,
    VOWEL_MARKS,
    arabic_digits_to_thai,
    map_pua,
    remove_space_before_marks,
    remove_zero_width,
    reorder_marks,
    thai_digits_to_arabic,
)
from extractors.thai.words import thai_dictionary, tokenize

__all__ = [
    "ABBREVIATION_PART",
    "DEFAULT_VOCABULARY",
    "FIELD_VOCABULARIES",
    "LEVEL_NOTE",
    "NumberReading",
    "arbitrate_number",
    "clean_ocr_text",
    "compose_sara_am",
    "drop_marks_after_stops",
    "fix_mark_order",
    "join_abbreviation_spaces",
    "join_cluster_spaces",
    "repair_cell",
    "repair_level_letters",
    "repair_terms",
    "repair_thai_number",
]

NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
_TONES = "\u0e48-\u0e4b"  # mai ek .. mai chattawa (not thanthakhat)
_LEAD_VOWELS = "\u0e40-\u0e44"  # เ แ โ ใ ไ
#: Thai letters, vowels and marks, without ฯ ๆ ฿ and digits: the characters a word is made of.
_WORD_CHARS = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"

_WORDS = thai_dictionary()
_STOPWORDS = thai_stopwords()


# --- 1. sara am ------------------------------------------------------------------------------------

_RE_NIKHAHIT_SPACE_AA = re.compile(f"{NIKHAHIT} ?([{_TONES}]?) ?{SARA_AA}")
_RE_NIKHAHIT_AM = re.compile(f"{NIKHAHIT}([{_TONES}]?){SARA_AM}")
_RE_TONE_AFTER_AM = re.compile(f"(?<![{_TONES}]){SARA_AM}([{_TONES}])")


def compose_sara_am(text: str) -> str:
    """Sara am as consonant + tone mark + ``ำ``, however Tesseract spelt it; never ``ำา``.

    Tesseract writes nikhahit U+0E4D + sara aa U+0E32, a tone mark between them (``ํ่า``) or
    before them (``่ํา``), sometimes a space inside; and nikhahit + sara am, or sara am + tone.
    :func:`extractors.thai.text.compose_sara_am` does the common cases and drops the ``า`` of
    ``ำา``; here also a space between nikhahit and sara aa (no word starts with ``า``), nikhahit
    before ``ำ`` and a tone after ``ำ`` (moved before it unless the cluster has a tone already).
    Repeated until nothing changes, so ``ํํำ`` gives ``ำ`` at once.

    >>> compose_sara_am("ดําเนินการ"), compose_sara_am("นํ้า"), compose_sara_am("น้ํา")
    ('ดำเนินการ', 'น้ำ', 'น้ำ')
    >>> compose_sara_am("คํ าสั่ง"), compose_sara_am("นํา้"), compose_sara_am("กํำหนด")
    ('คำสั่ง', 'น้ำ', 'กำหนด')
    >>> compose_sara_am("กำาหนด"), compose_sara_am("คำนำ")  # never ำา; correct text unchanged
    ('กำหนด', 'คำนำ')
    """
    for _ in range(len(text)):  # each pass that changes something shortens the text or moves a tone
        fixed = _RE_NIKHAHIT_SPACE_AA.sub(f"\\1{SARA_AM}", text)
        fixed = _RE_NIKHAHIT_AM.sub(f"\\1{SARA_AM}", fixed)
        fixed = _RE_TONE_AFTER_AM.sub(f"\\1{SARA_AM}", thai_text.compose_sara_am(fixed))
        if fixed == text:
            break
        text = fixed
    return text


# --- 2. marks ---------------------------------------------------------------------------------------

_RE_OTHER_PUA = re.compile("[\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
_RE_CLUSTER = re.compile(f"([\u0e01-\u0e2e])([{MARKS}]{{2,}})")
_RE_LAKKHANGYAO = re.compile("(?<![\u0e24\u0e26])\u0e45")
_MAX_MARK_PASSES = 4


@lru_cache(maxsize=65536)
def _tokens(run: str) -> tuple[tuple[int, int, bool], ...]:
    """newmm tokens of a run of Thai letters: (start, end, in ``thai_words()``)."""
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    for tok in tokenize(run):
        start = run.find(tok, pos)
        if start < 0:  # newmm changed the text; treat the run as one unknown token
            return ((0, len(run), False),)
        spans.append((start, start + len(tok), tok in _WORDS))
        pos = start + len(tok)
    return tuple(spans)


def _unknown_chars(run: str) -> int:
    """Characters of a Thai run newmm cannot place in a dictionary word."""
    return sum(end - start for start, end, known in _tokens(run) if not known)


def _dedupe_marks(marks: str) -> str:
    """The marks of one cluster, each once, first occurrence kept."""
    return "".join(dict.fromkeys(marks))


def _resolve_conflicts(text: str) -> str:
    """Two different vowel marks, or two different tone marks, on one consonant: keep the one the
    dictionary prefers (fewest unknown characters in the surrounding run), if exactly one is best."""

    def fix_run(run_match: re.Match[str]) -> str:
        run = run_match.group()
        for _ in range(len(run)):
            conflict = next(
                (
                    (m, group)
                    for m in _RE_CLUSTER.finditer(run)
                    for group in (VOWEL_MARKS, TONE_MARKS)
                    if sum(ch in group for ch in m.group(2)) > 1
                ),
                None,
            )
            if conflict is None:
                return run
            m, group = conflict
            marks = m.group(2)
            options = []
            for keep in dict.fromkeys(ch for ch in marks if ch in group):
                kept = "".join(ch for ch in marks if ch not in group or ch == keep)
                candidate = run[: m.start(2)] + kept + run[m.end(2) :]
                options.append((_unknown_chars(candidate), candidate))
            options.sort()
            if len(options) > 1 and options[0][0] == options[1][0]:
                return run  # the dictionary cannot tell: leave it
            run = options[0][1]
        return run

    return re.sub(f"[{_WORD_CHARS}]+", fix_run, text)


def fix_mark_order(text: str) -> str:
    r"""Marks in canonical order, each once; Private Use Area glyphs mapped or dropped.

    Built from :mod:`extractors.thai.text` (which already has each piece) rather than
    ``pythainlp.util.normalize``: that function also collapses every run of spaces and newlines
    (``remove_dup_spaces``: it strips the text and joins blank lines), deletes marks that follow a
    space (``remove_dangling``, characters lost), and keeps the *last* of two different tone marks
    (a guess). The steps:

    1. :func:`~extractors.thai.text.map_pua`: Thai PUA glyphs U+F700–U+F71A to their standard
       characters; any other Private Use character (BMP or planes 15–16) is dropped;
       zero-width characters dropped, spaces before a mark removed.
    2. Two sara e ``เเ`` become sara ae ``แ``, ``ๅ`` (lakkhangyao) becomes ``า`` except after
       ``ฤ``/``ฦ``: on a page they look the same, so OCR has no "as written" to keep (the rewrites of
       pythainlp's ``reorder_vowels``).
    3. A mark repeated on one consonant is kept once (``กิิ`` → ``กิ``); two different vowel marks or
       two different tone marks on one consonant: the one giving dictionary words is kept, if the
       dictionary can tell (``ปีึงบประมาณ`` → ``ปีงบประมาณ``), else both stay.
    4. :func:`~extractors.thai.text.reorder_marks`: canonical order (vowel, tone, nikhahit), a tone
       after ``า`` moved back, marks pushed one consonant too far moved back where the dictionary
       says so; sara am composed (:func:`compose_sara_am`) before and after.

    The steps repeat until nothing changes (a repair can give the next one its context), so the
    function is idempotent.

    >>> fix_mark_order("ข\uf70bอมูล"), fix_mark_order("ก่ิน"), fix_mark_order("ที่่")
    ('ข้อมูล', 'กิ่น', 'ที่')
    >>> fix_mark_order("ปีึงบประมาณ"), fix_mark_order("เเผน"), fix_mark_order("a\ue000b\U000f0001")
    ('ปีงบประมาณ', 'แผน', 'ab')
    >>> fix_mark_order("หนา้ ๑\n\n  เลม่")  # spaces and blank lines are not this function's business
    'หน้า ๑\n\n  เล่ม'
    """
    text = _RE_OTHER_PUA.sub("", map_pua(text))
    for _ in range(_MAX_MARK_PASSES):
        start = text
        text = compose_sara_am(remove_space_before_marks(remove_zero_width(text)))
        text = _RE_LAKKHANGYAO.sub(SARA_AA, text.replace("\u0e40\u0e40", "\u0e41"))
        text = _RE_CLUSTER.sub(lambda m: m.group(1) + _dedupe_marks(m.group(2)), text)
        text = compose_sara_am(reorder_marks(_resolve_conflicts(text)))
        if text == start:
            break
    return text


# --- 3. spaces inside words -------------------------------------------------------------------------

_RE_SPACE = re.compile(f"(?<=[{_WORD_CHARS}]) (?=[{_WORD_CHARS}])")
_RE_LEFT_RUN = re.compile(f"[{_WORD_CHARS}]+$")
_RE_RIGHT_RUN = re.compile(f"[{_WORD_CHARS}]+")
_WINDOW_CHARS = 24  # characters of each side given to the tokenizer, at most
_WINDOW_TOKENS = 3  # whole tokens of each side kept in the window


def _left_window(run: str) -> str:
    """The last few whole tokens of the Thai run before a space."""
    cut = len(run) > _WINDOW_CHARS
    if cut:
        run = run[-_WINDOW_CHARS:].lstrip(MARKS + FOLLOW_VOWELS) or run[-1:]
    spans = list(_tokens(run))
    if cut and len(spans) > 1:
        spans = spans[1:]  # the first token may be a cut word
    return run[spans[-_WINDOW_TOKENS:][0][0] :] if spans else run


def _right_window(run: str) -> str:
    """The first few whole tokens of the Thai run after a space."""
    cut = len(run) > _WINDOW_CHARS
    if cut:
        end = _WINDOW_CHARS
        while end < len(run) and (run[end] in MARKS or run[end] in FOLLOW_VOWELS):
            end += 1  # do not split a cluster
        run = run[:end]
    spans = list(_tokens(run))
    if cut and len(spans) > 1:
        spans = spans[:-1]
    return run[: spans[:_WINDOW_TOKENS][-1][1]] if spans else run


def _insides(spans: Iterable[tuple[int, int, bool]], offset: int = 0) -> list[range]:
    """The inner positions of each dictionary token (where a cut would split it), shifted."""
    return [range(start + offset + 1, end + offset) for start, end, known in spans if known]


@lru_cache(maxsize=65536)
def _space_is_inside_word(left: str, right: str) -> bool:
    """Decide one space between two Thai runs (see :func:`join_cluster_spaces`)."""
    if right[0] in MARKS or right[0] in FOLLOW_VOWELS or re.match(f"[{_LEAD_VOWELS}]", left[-1]):
        return True  # no word starts with a mark or a follow vowel, none ends with a lead vowel
    left, right = _left_window(compose_sara_am(left)), _right_window(compose_sara_am(right))
    joined, cut = left + right, len(left)
    spans_left, spans_right, spans_joined = _tokens(left), _tokens(right), _tokens(joined)
    straddling = [(s, e) for s, e, known in spans_joined if known and s < cut < e]
    if not straddling:
        return False
    unknown = sum(not k for _, _, k in spans_joined)
    unknown_apart = sum(not k for _, _, k in spans_left) + sum(not k for _, _, k in spans_right)
    if unknown > unknown_apart:
        return False
    # ... unless the join leaves fewer pieces out of the dictionary (``ประจำปีงบประ มาณ``), both sides
    # being more than one letter: a lone letter is an abbreviation's (``ปีงบประมาณ พ.ศ.``: ``มาณพ``)
    letters = min(sum(c in thai_text.CONSONANTS for c in side) for side in (left, right))
    fewer_unknown = unknown < unknown_apart and letters > 1
    inside_l, inside_r = _insides(spans_left), _insides(spans_right, cut)
    for s, e in straddling:  # the word is made of whole tokens: it cuts no dictionary word
        if (any(s in r for r in inside_l) or any(e in r for r in inside_r)) and not fewer_unknown:
            return False
    last_left = next((left[s:e] for s, e, _ in reversed(spans_left)), "")
    first_right = next((right[s:e] for s, e, _ in spans_right), "")
    # two function words each side of a space (แล้ว จึง, วัน หลัง): a phrase boundary, not a word
    return not (last_left in _STOPWORDS and first_right in _STOPWORDS)


def join_cluster_spaces(text: str) -> str:
    """Remove the spaces Tesseract puts inside Thai words; keep the spaces between phrases.

    Only a single ASCII space between two Thai letters/marks is considered (not next to digits,
    Latin, punctuation, ``ๆ`` or ``ฯ``; not two spaces; not line breaks). It is removed when:

    - the next character is a mark or a follow vowel (ะ า ำ ๅ), or the previous one a lead vowel
      (เ แ โ ใ ไ): no word starts or ends so; or
    - after joining, a dictionary word (newmm, default dictionary, ``thai_words()``) straddles the
      former space, the joined window has no more out-of-dictionary tokens than the two sides had,
      and (guards found on real text, where the bare rule removed 74 of 951 real phrase spaces)
      that word cuts no dictionary word of either side (``หน่วยงาน ประจำปี`` would give
      ``งานประจำ``) and the two words touching the space are not both stopwords (``แล้ว จึง``,
      ``วัน หลัง``). A word that does cut one is still taken when the join leaves fewer pieces
      out of the dictionary and each side has two letters or more (``ประจำปีงบประ มาณ``: ``ณ``
      alone is no word; ``ปีงบประมาณ พ.ศ.`` stays, ``พ`` being an abbreviation's letter).

    Decisions are made on composed sara am (``ดํา เนินการ`` is joined) but the text is returned
    otherwise as given.

    Only a window is tokenised: up to 3 whole tokens (24 characters) each side of the space, found
    within 48 characters of it, and tokenisations and decisions are cached, so the time grows with
    the text's length. Measured speed (one core, AMD EPYC, cold caches): about 1,300,000
    characters/s on the OCR'd cells and lines of the sample documents (213,000 characters, 2,300
    candidate spaces); about 600,000 characters/s (70,000 candidate spaces/s) on text with a space
    between every word, the worst case; warm caches (a document's repeated wordings) make it faster.

    Measured accuracy: of the 946 real spaces between Thai letters in the text layers of the sample
    and real documents, none is removed (the bare dictionary rule removed 74: ``ปีงบประมาณ พ.ศ.``
    makes ``มาณพ``, ``หน่วยงาน ประจำปี`` makes ``งานประจำ``, ``แล้ว จึง`` makes ``แล้วจึง``). The 8
    spaces found inside words in Tesseract's reading of blurred renders of the samples are all
    removed. In the seed documents, compared with their hand-made clean text, 15 of the 118 spaces
    line wraps left between Thai letters are removed and no real space is; the others stay, where
    both sides are whole words that the dictionary or the guards do not join (``ความ โปร่งใส``: not
    one dictionary word; ``ได้ รับ``: two stopwords). A missed join is preferred to a false one.

    >>> join_cluster_spaces("ดํา เนินการ"), join_cluster_spaces("คุณ ธรรม"), join_cluster_spaces("การ ประเมิน")
    ('ดําเนินการ', 'คุณธรรม', 'การประเมิน')
    >>> join_cluster_spaces("ประกาศแน วปฏิบัติ"), join_cluster_spaces("จะสาม ารถสร้าง")
    ('ประกาศแนวปฏิบัติ', 'จะสามารถสร้าง')
    >>> join_cluster_spaces("ประจำปีงบประ มาณ"), join_cluster_spaces("หน่วยงานภาค รัฐ")
    ('ประจำปีงบประมาณ', 'หน่วยงานภาครัฐ')
    >>> join_cluster_spaces("ประจำปีงบประมาณ พ.ศ. ๒๕๖๕")  # a phrase space, then punctuation
    'ประจำปีงบประมาณ พ.ศ. ๒๕๖๕'
    >>> join_cluster_spaces("โปร่งใสภายในหน่วยงาน ประจำปี"), join_cluster_spaces("แล้ว จึงขอรายงาน")
    ('โปร่งใสภายในหน่วยงาน ประจำปี', 'แล้ว จึงขอรายงาน')
    """
    pos = 0
    while (m := _RE_SPACE.search(text, pos)) is not None:
        left = _RE_LEFT_RUN.search(text, max(0, m.start() - 2 * _WINDOW_CHARS), m.start())
        right = _RE_RIGHT_RUN.match(text, m.end(), m.end() + 2 * _WINDOW_CHARS)
        if left and right and _space_is_inside_word(left.group(), right.group()):
            text = text[: m.start()] + text[m.end() :]
            pos = m.start()
        else:
            pos = m.end()
    return text


#: One part of a Thai abbreviation: a consonant, with a lead vowel before it and up to two marks or
#: vowels after it (``พ``, ``มี``, ``เม``, ``ช``).
ABBREVIATION_PART = "[\u0e40-\u0e44]?[\u0e01-\u0e2e][\u0e30-\u0e3a\u0e47-\u0e4e]{0,2}"
#: Two or three parts each ended by a full stop, with a single space anywhere around the stops
#: (``พ . ศ.``, ``ต.ค .``, ``ป. ป.ช .``).
_RE_SPACED_ABBREVIATION = re.compile(
    f"{ABBREVIATION_PART}(?: ?\\. ?{ABBREVIATION_PART}){{1,2}} ?\\.(?![\u0e01-\u0e2e\u0e30-\u0e4e])"
)


def _unspaced(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", "")


def join_abbreviation_spaces(text: str) -> str:
    """Remove the spaces OCR puts around the full stops inside a Thai abbreviation: written Thai
    puts none there (``พ.ศ.``, ``ต.ค.``, ``มี.ค.``, ``ป.ป.ช.``), but the stop is narrow and a
    spread or bold line leaves a wide gap each side of it (``พ . ศ.``, ``ต.ค . 2566``).

    An abbreviation is two or three short parts (a consonant, perhaps with a lead vowel and up to
    two marks) each ended by a stop, with at most one space at each stop; a space after the last
    stop is the author's (``พ.ศ. ๒๕๖๗`` and ``พ.ศ.๒๕๖๗`` are both written Thai, only the page's
    geometry can tell them apart) and is kept.

    >>> join_abbreviation_spaces("ปีงบประมาณพ .ศ. 2565"), join_abbreviation_spaces("ต .ค. - ธ.ค.")
    ('ปีงบประมาณพ.ศ. 2565', 'ต.ค. - ธ.ค.')
    >>> join_abbreviation_spaces("พ . ศ. ๒๕๖๗"), join_abbreviation_spaces("1 ต.ค . 2566 - 31 มี. ค. 2567")
    ('พ.ศ. ๒๕๖๗', '1 ต.ค. 2566 - 31 มี.ค. 2567')
    >>> join_abbreviation_spaces("(สำนักงาน ป. ป.ช .) ได้"), join_abbreviation_spaces("เม . ย.")
    ('(สำนักงาน ป.ป.ช.) ได้', 'เม.ย.')

    A stop after a digit or a list letter followed by a word, and a place abbreviation followed by
    its name, are not abbreviations of this shape:

    >>> join_abbreviation_spaces("ข้อ ๑ . ให้"), join_abbreviation_spaces("ก. การประเมิน ข. การ")
    ('ข้อ ๑ . ให้', 'ก. การประเมิน ข. การ')
    >>> join_abbreviation_spaces("ต. ท่าข้าม อ. เมือง จ. ชลบุรี")
    'ต. ท่าข้าม อ. เมือง จ. ชลบุรี'
    """
    return _RE_SPACED_ABBREVIATION.sub(_unspaced, text)


#: Marks right after a full stop: no Thai letter for them to sit on.
_RE_MARK_AFTER_STOP = re.compile(f"(?<=\\.)[{MARKS}]+")


def drop_marks_after_stops(text: str) -> str:
    """Marks right after a full stop, dropped: a Thai mark sits on a consonant, so one after a
    stop is a speck or a stroke the OCR read as a mark (``พ.ุศ.``, ``ก.ุย.``), and it hides the
    abbreviation from every rule that reads one.  The raw reading keeps it.

    >>> drop_marks_after_stops("ปีพ.ุศ. ๒๕๖๓"), drop_marks_after_stops("ก.ุย. - มี.ค.")
    ('ปีพ.ศ. ๒๕๖๓', 'ก.ย. - มี.ค.')
    >>> drop_marks_after_stops("ที่ ๑. ให้")  # a mark on its consonant before a stop stays
    'ที่ ๑. ให้'
    """
    return _RE_MARK_AFTER_STOP.sub("", text)


#: Level letters Tesseract reads as digits (seen on the scanned samples: ``ระดับ8`` for B, ``ระดับ6``
#: for C, ``ระดับ 0`` for D).  Levels are letters (AA … F), so right after ระดับ (or
#: ``ระดับผลการประเมิน``) a lone digit is one of these; the level band check still tests the letter
#: against the score.  A Thai ``๐`` there was a C on a scanned twin (D by its shape): it is left as read.
LEVEL_LOOKALIKES = {"8": "B", "6": "C", "0": "D"}
#: How :func:`clean_ocr_text` notes that repair (a reader of its notes records a doubt).
LEVEL_NOTE = "level letter read as a digit"
_RE_LEVEL_DIGIT = re.compile(r"(ระดับ\s*(?:ผลการประเมิน\s*)?)([860])(?![0-9๐-๙.,])")


def repair_level_letters(text: str) -> str:
    r"""A level letter read as a look-alike digit right after ``ระดับ``, read back as the letter.
    The words may run over a line break (a line of a page's prose ending in ``ระดับ``).

    >>> repair_level_letters("อยู่ในระดับ8 เพิ่มขึ้น"), repair_level_letters("ระดับ 6 ซึ่งต่ำกว่า")
    ('อยู่ในระดับB เพิ่มขึ้น', 'ระดับ C ซึ่งต่ำกว่า')
    >>> repair_level_letters("คะแนน ระดับ\nผลการประเมิน 0"), repair_level_letters("อยู่ในระดับ ๐")
    ('คะแนน ระดับ\nผลการประเมิน D', 'อยู่ในระดับ ๐')
    >>> repair_level_letters("ระดับ 8.50"), repair_level_letters("ระดับ 3")  # a number, another digit
    ('ระดับ 8.50', 'ระดับ 3')
    """
    return _RE_LEVEL_DIGIT.sub(lambda m: m.group(1) + LEVEL_LOOKALIKES[m.group(2)], text)


# --- 4. known terms ---------------------------------------------------------------------------------


def _terms(*groups: Iterable[str]) -> tuple[str, ...]:
    """Distinct terms, normalised, without digits, in order."""
    out: dict[str, None] = {}
    for group in groups:
        for term in group:
            term = thai_text.normalize_thai(term)
            if term and not re.search(r"[0-9๐-๙]", term):
                out[term] = None
    return tuple(out)


_INDICATOR_TERMS = _terms(v for i in INDICATORS for v in (i.name, *i.variants))
_HEADER_TERMS = _terms(w for ws in HEADER_VOCABULARY.values() for w in ws)
_UNIT_TERMS = _terms(UNITS)
#: The words of a period besides month names (what :mod:`extractors.ita.periods` reads), so a
#: period cell's ``ไตรมาสที1`` is repaired like a month: a mark lost, the rule's word again.
PERIOD_WORDS = ("ไตรมาสที่", "ปีงบประมาณ", "ตลอดปีงบประมาณ", "ภายใน", "ต่อเนื่อง")
_MONTH_TERMS = _terms(MONTH_NAMES, MONTH_ABBREVIATIONS, PERIOD_WORDS)

#: Every term :func:`repair_terms` knows by default: indicator names and their variants, header
#: wordings, responsible units, month names and abbreviations.
DEFAULT_VOCABULARY: tuple[str, ...] = _terms(_INDICATOR_TERMS, _HEADER_TERMS, _UNIT_TERMS, _MONTH_TERMS)

#: The terms worth looking for in each column field (``HEADER_VOCABULARY``'s field names, plus
#: ``header`` for a header cell); a field not listed (the prose fields ``issue``, ``measure``,
#: ``steps``, ``results``, ``follow_up`` ...) gets :data:`DEFAULT_VOCABULARY`.
FIELD_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "header": _HEADER_TERMS,
    "indicator": _terms(_INDICATOR_TERMS, HEADER_VOCABULARY["indicator"]),
    "responsible": _UNIT_TERMS,
    "period": _MONTH_TERMS,
    # numeric and coded fields: no words to repair
    "score": (),
    "level": (),
    "diff": (),
    "seq": (),
    "number": (),
    "instrument": (),
}

_MIN_TERM_CHARS = 4  # shorter terms (ที่, กอง) are left alone: one slip makes them another word
_MARGIN = 5.0  # the best term must beat any other by this much (rapidfuzz ratio points)
_RE_PREFIX = re.compile(rf"^(?:{LIST_MARKER}|[(\[{{“‘\"'])+")
_RE_SUFFIX = re.compile(r"[,;:!?)\]}”’\"']+$")
_RE_CHUNK = re.compile(r"\S+")
_RE_DIGIT = re.compile(r"[0-9๐-๙]")
_RE_NON_LETTER = re.compile(f"[^{_WORD_CHARS}]")
_RE_WORD_CHAR = re.compile(f"[{_WORD_CHARS}]")


def _looks_like_ocr_damage(core: str, term: str) -> bool:
    """Could OCR have turned ``term`` into ``core``? A few small edits inside the word: none longer
    than 2 characters, none at either end (a word glued on, ``และ`` + term, is no damage), the
    punctuation (``.`` ``/`` ``ฯ``) the same, at most one edit per 8 characters (at least one)."""
    if _RE_NON_LETTER.findall(core) != _RE_NON_LETTER.findall(term):
        return False
    if core[0] != term[0] or core.rstrip(MARKS)[-1:] != term.rstrip(MARKS)[-1:]:
        return False
    sizes = [
        max(op.src_end - op.src_start, op.dest_end - op.dest_start)
        for op in Levenshtein.opcodes(core, term)
        if op.tag != "equal"
    ]
    return sum(sizes) <= max(1, len(term) // 8) and all(size <= 2 for size in sizes)


def _best_term(core: str, vocabulary: Sequence[str], cutoff: float) -> str | None:
    """The one term ``core`` is a damaged form of, or None (not close, or not unique)."""
    if len(core) < _MIN_TERM_CHARS or _RE_DIGIT.search(core) or core in _WORDS:
        return None
    choices = [t for t in vocabulary if len(t) >= _MIN_TERM_CHARS and abs(len(t) - len(core)) <= 2]
    found = process.extract(core, choices, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff)
    if not found:
        return None
    best, score = found[0][0], found[0][1]
    if any(other != best and s > score - _MARGIN for other, s, _ in found[1:]):
        return None
    return str(best) if _looks_like_ocr_damage(core, best) else None


def _repair_core(core: str, vocabulary: Sequence[str], cutoff: float) -> str | None:
    if core in vocabulary:
        return None
    term = _best_term(core, vocabulary, cutoff)
    if term is None and core.endswith(".") and core.count(".") == 1:
        term = _best_term(core[:-1], vocabulary, cutoff)
        term = term + "." if term else None
    if term is None and "/" in core and core not in vocabulary and not _RE_DIGIT.search(core):
        parts = core.split("/")
        fixed = [p if p in vocabulary else (_best_term(p, vocabulary, cutoff) or p) for p in parts]
        term = "/".join(fixed) if fixed != parts else None
    return term if term != core else None


@lru_cache(maxsize=64)
def _lost_marks(vocabulary: tuple[str, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Terms with tone marks lost (any non-empty set of them), as one pattern, and variant → term.

    Only terms of 6 characters or more with 1–3 tone marks; a variant that two terms share, that is
    a term or a dictionary word itself, is left out."""
    damaged: dict[str, str] = {}
    for term in vocabulary:
        places = [i for i, ch in enumerate(term) if ch in TONE_MARKS]
        if len(term) < 6 or not 1 <= len(places) <= 3:
            continue
        for k in range(1, len(places) + 1):
            for lost in combinations(places, k):
                variant = "".join(ch for i, ch in enumerate(term) if i not in lost)
                damaged[variant] = term if damaged.get(variant, term) == term else ""
    damaged = {v: t for v, t in damaged.items() if t and v not in vocabulary and v not in _WORDS}
    if not damaged:
        return None, {}
    alternatives = "|".join(map(re.escape, sorted(damaged, key=len, reverse=True)))
    return re.compile(f"(?:{alternatives})(?![{MARKS}{FOLLOW_VOWELS}])"), damaged


def _word_run_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of Thai word characters around ``text[start:end]``."""
    while start > 0 and _RE_WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _RE_WORD_CHAR.match(text[end]):
        end += 1
    return start, end


def repair_terms(
    text: str, vocabulary: Sequence[str] = DEFAULT_VOCABULARY, cutoff: float = 88.0
) -> tuple[str, list[tuple[str, str]]]:
    """Known terms damaged by OCR, repaired; and the ``(damaged, repaired)`` pairs, in order.

    ``vocabulary`` holds the terms in their correct (normalised) form: by default
    :data:`DEFAULT_VOCABULARY`; :func:`repair_cell` picks one per column. Two passes:

    1. *Whole runs.* Each run of non-space characters is a candidate: a list marker (``๑.`` ``2)``)
       and brackets or quotes before it, closing punctuation after it, stay as they are; the rest
       (the *core*) is compared with every term by rapidfuzz's ``ratio``. It is replaced only when

       - it contains no digit, has 4 characters or more, and is neither a term nor a dictionary
         word;
       - a term within 2 characters of its length scores ``cutoff`` or more, and no other term comes
         within 5 points of it (unique);
       - the difference looks like OCR damage, not another phrase: the same first character, the
         same last character (marks aside), the same punctuation, edits of at most 2 characters in
         a row and at most one per 8 characters (``และการใช้ทรัพย์สินของราชการ`` is no damaged
         ``การใช้ทรัพย์สินของราชการ``, ``สำนักปลัดฯ/`` no damaged ``สำนักปลัดฯ``).

       A core that ends with a dot is also tried without it; a core with slashes is also tried
       part by part (``สำนักปลัด/กองคลง``).
    2. *Lost tone marks inside runs.* Tesseract drops tone marks above vowels (``ตัวชีวัดที่ 1``):
       a term of 6 characters or more written with some of its tone marks missing is restored
       wherever it occurs, unless that spelling is itself a term or a dictionary word, or is shared
       by two terms, or the next character is a mark, or the repair leaves more of the surrounding
       run of letters outside dictionary words (the text goes on as another word).

    A term damaged otherwise inside a longer run, or split by a space, is not repaired: a missed
    repair is better than a false one (on the correct text of the sample and real documents, 1,215
    lines, this function changes nothing).

    >>> repair_terms("๑.การปฏิบัติหน้าที")
    ('๑.การปฏิบัติหน้าที่', [('การปฏิบัติหน้าที', 'การปฏิบัติหน้าที่')])
    >>> repair_terms("ต.ค.๖๔ - ก.ุย. ๖๕")  # the digits glued to ต.ค.๖๔ keep that run out of reach
    ('ต.ค.๖๔ - ก.ย. ๖๕', [('ก.ุย.', 'ก.ย.')])
    >>> repair_terms("ม.ค. ๖๕ - ม.ค. ๖๕")  # มี.ค. read as ม.ค.: a real month, left alone
    ('ม.ค. ๖๕ - ม.ค. ๖๕', [])
    >>> repair_terms("ตามตัวชีวัดและหลักเกณฑ์")
    ('ตามตัวชี้วัดและหลักเกณฑ์', [('ตัวชีวัด', 'ตัวชี้วัด')])
    >>> repair_terms("ก.ุย./0")  # slashes do not take a run with a digit back into reach
    ('ก.ุย./0', [])
    """
    replacements: list[tuple[str, str]] = []

    def fix_chunk(m: re.Match[str]) -> str:
        chunk = m.group()
        prefix = _RE_PREFIX.match(chunk)
        start = prefix.end() if prefix else 0
        suffix = _RE_SUFFIX.search(chunk, start)
        end = suffix.start() if suffix else len(chunk)
        core = chunk[start:end]
        term = _repair_core(core, vocabulary, cutoff) if core else None
        if term is None:
            return chunk
        replacements.append((core, term))
        return chunk[:start] + term + chunk[end:]

    text = _RE_CHUNK.sub(fix_chunk, text)
    pattern, damaged = _lost_marks(tuple(vocabulary))
    if pattern is not None:

        def fix_lost(m: re.Match[str]) -> str:
            term = damaged[m.group()]
            start, end = _word_run_around(m.string, m.start(), m.end())
            before = m.string[start:end]
            after = m.string[start : m.start()] + term + m.string[m.end() : end]
            if _unknown_chars(after) > _unknown_chars(before):
                return m.group()  # the text goes on as another word (ตัวชี้วัดทีม): not this term
            replacements.append((m.group(), term))
            return term

        text = pattern.sub(fix_lost, text)
    return text, replacements


#: A stretch of OCR'd text this similar to a phrase (rapidfuzz ``partial_ratio``) is looked at closely.
_PHRASE_NEAR = 85.0


def repair_phrases(text: str, phrases: Sequence[str] = ITA_PHRASES) -> tuple[str, list[tuple[str, str]]]:
    """Fixed phrases damaged by OCR inside longer runs, repaired; and the ``(damaged, repaired)``
    pairs.  :func:`repair_terms` takes a run that is a term as a whole; the ITA's long official
    phrases are glued to other words (``รายงานผลการวิเคราะห์ผลการประเมินคุณธรรม…``), so each is
    looked for as a stretch of the text: the stretch (a few characters longer or shorter) nearest
    to it by edit distance is replaced only when its differences look like OCR damage
    (:func:`_looks_like_ocr_damage`: the same first and last letter, the same punctuation, edits of
    at most two characters in a row, one per 8 characters).  Longest phrases first; text that
    holds a phrase as written is left as it is.

    >>> text, pairs = repair_phrases("รายงานผลการประเมินคุณธรรมและความโปร่งใสในถารตำเนินงาน ประจำปี")
    >>> text
    'รายงานผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปี'
    >>> pairs[0][0]
    'การประเมินคุณธรรมและความโปร่งใสในถารตำเนินงาน'
    >>> repair_phrases("มาตรการส่งเสริมคุณธรรมและความโปร่งไสภายในหน่วยงาน")[0]
    'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'
    >>> repair_phrases("ประกาศเทศบาลตำบลนาป่า เรือง มาตรการส่งเสริมคุณธรรมและความโปร่งใส")[0]
    'ประกาศเทศบาลตำบลนาป่า เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใส'
    >>> repair_phrases("คุณธรรมและความโปร่งใส")  # as written: nothing to do
    ('คุณธรรมและความโปร่งใส', [])
    >>> repair_phrases("คุณธรรมและความซื่อสัตย์")  # another phrase, not damage
    ('คุณธรรมและความซื่อสัตย์', [])
    """
    pairs: list[tuple[str, str]] = []
    anchors = set(_phrase_anchors(tuple(phrases)).findall(text))
    if not anchors:
        return text, pairs
    for phrase in sorted(phrases, key=len, reverse=True):
        if not any(anchor in phrase for anchor in anchors):
            continue
        start = 0
        while len(text) - start >= len(phrase) - 2:
            found = _near_phrase(text, phrase, start)
            if found is None:
                break
            s, e = found
            stretch = text[s:e]
            if stretch != phrase and _looks_like_ocr_damage(stretch, phrase):
                pairs.append((stretch, phrase))
                text = text[:s] + phrase + text[e:]
                e = s + len(phrase)
            start = e
    return text, pairs


@lru_cache(maxsize=4)
def _phrase_anchors(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The words of 4 letters or more of ``phrases`` (tokenised), as one pattern: a phrase is looked
    for only where one of its words stands as written (a damaged phrase of 20 characters, with
    at most one edit per 8 of them, keeps most of its words whole), which spares the search on
    the many lines that name none."""
    words = {w for phrase in phrases for w in tokenize(phrase) if len(w) >= _MIN_TERM_CHARS}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _near_phrase(text: str, phrase: str, start: int) -> tuple[int, int] | None:
    """Where in ``text`` (from ``start``) the stretch nearest to ``phrase`` is, if one is near."""
    found = fuzz.partial_ratio_alignment(phrase, text[start:], score_cutoff=_PHRASE_NEAR)
    if found is None or found.score < _PHRASE_NEAR:
        return None
    ds, de = start + found.dest_start, start + found.dest_end
    spans = [
        (Levenshtein.distance(text[s:e], phrase), s, e)
        for s in range(max(ds - 2, start), min(ds + 3, len(text)))
        for e in range(max(de - 2, s + 1), min(de + 3, len(text) + 1))
    ]
    _distance, s, e = min(spans)
    return s, e


def repair_cell(
    text: str, field: str | None = None, cutoff: float = 88.0
) -> tuple[str, list[tuple[str, str]]]:
    """:func:`repair_terms` with the vocabulary of a table column (:data:`FIELD_VOCABULARIES`).

    ``field`` is a field name of ``HEADER_VOCABULARY`` (``issue``, ``measure``, ``responsible``,
    ``period`` ...), ``"header"`` for a header cell, or None (every known term).

    >>> repair_cell("สำนกปลัดฯ , กองคลง", "responsible")
    ('สำนักปลัดฯ , กองคลัง', [('สำนกปลัดฯ', 'สำนักปลัดฯ'), ('กองคลง', 'กองคลัง')])
    >>> repair_cell("ผู้รับผิดขอบ", "header"), repair_cell("กองคลง", "score")
    (('ผู้รับผิดชอบ', [('ผู้รับผิดขอบ', 'ผู้รับผิดชอบ')]), ('กองคลง', []))
    """
    vocabulary = FIELD_VOCABULARIES.get(field, DEFAULT_VOCABULARY) if field else DEFAULT_VOCABULARY
    if not vocabulary:
        return text, []
    return repair_terms(text, vocabulary, cutoff)


# --- 5. digits --------------------------------------------------------------------------------------

_RE_THAI_NUMBER_RUN = re.compile("[๐-๙][๐-๙.,/]*")
_RE_SEVEN = re.compile("๓/(?=[๐-๙]|\\.[๐-๙])")
_RE_PLAIN_NUMBER = re.compile(r"[0-9]+\.[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_RE_LATIN_IN_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.,])[0-9][0-9OoIl]*(?:[.,][0-9OoIl]+)*(?<=[0-9])(?![A-Za-z0-9])"
)
_LATIN_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})


def _seven(run: str) -> str:
    """A run of Thai digits, dots, commas and slashes with ``๓/`` read back as ``๗``, if that makes it
    a plain number (decimals, or well-formed thousands); else the run unchanged."""
    fixed = _RE_SEVEN.sub("๗", run)
    if fixed == run or "/" in fixed:
        return run
    return fixed if _RE_PLAIN_NUMBER.fullmatch(thai_digits_to_arabic(fixed.rstrip(".,"))) else run


def _repair_numbers(text: str) -> tuple[str, list[str]]:
    """:func:`repair_thai_number`, and a note per number changed."""
    notes: list[str] = []

    def seven(m: re.Match[str]) -> str:
        fixed = _seven(m.group())
        if fixed != m.group():
            notes.append(f"๓/ inside a number read as ๗: {m.group()!r} → {fixed!r}")
        return fixed

    def latin(m: re.Match[str]) -> str:
        fixed = m.group().translate(_LATIN_DIGITS)
        if fixed != m.group():
            notes.append(f"Latin letter inside a number read as a digit: {m.group()!r} → {fixed!r}")
        return fixed

    text = _RE_THAI_NUMBER_RUN.sub(seven, text)
    return _RE_LATIN_IN_NUMBER.sub(latin, text), notes


def repair_thai_number(text: str) -> str:
    """``๓/`` read back as ``๗`` inside numbers; ``O``/``o``/``I``/``l`` inside Arabic numbers as digits.

    ``๗``'s rising tail is read as a slash. ``๓/`` becomes ``๗`` only where it is followed by a Thai
    digit or by ``.`` and a digit, and only if the whole run of Thai digits, dots, commas and slashes
    around it then is a plain number: a decimal (``๘๘.๓/๓``) or thousands (``๓/๕,๐๐๐``). A run that
    keeps a slash or has no decimals is a date or a reference number and stays: ``๑๓/๐๑/๒๕๖๕``,
    ``คำสั่งที่ ๑๓/๒๕๖๕``, ``๒๕๖๓/๒๕๖๔``.

    Only the slash is evidence. A ``๓`` next to it may be a ``๗`` that lost its tail: the seed
    document's ``๓/๓.๘๘`` is ``๗๗.๘๘`` while its ``๘๘.๓/๓`` is ``๘๘.๗๓``. Text alone cannot tell, so
    ``๓/๓.๘๘`` becomes ``๗๓.๘๘``; a second reading of the cell settles it (:func:`arbitrate_number`).

    A Latin ``O o I l`` is read as ``0``/``1`` only inside a token of Arabic digits that starts and
    ends with a digit (``1O5`` → ``105``, ``9l.5O`` is left: it ends with a letter); codes such as
    ``O36`` (an OIT item) or ``IIT`` are never numbers.

    >>> repair_thai_number("๘๘.๓/๓ คะแนน"), repair_thai_number("๓/๓.๘๘"), repair_thai_number("๓/๕,๐๐๐")
    ('๘๘.๗๓ คะแนน', '๗๓.๘๘', '๗๕,๐๐๐')
    >>> repair_thai_number("ที่ ๑๓/๒๕๖๕ ลงวันที่ ๑๓/๐๑/๒๕๖๕"), repair_thai_number("ปี ๒๕๖๓/๒๕๖๔")
    ('ที่ ๑๓/๒๕๖๕ ลงวันที่ ๑๓/๐๑/๒๕๖๕', 'ปี ๒๕๖๓/๒๕๖๔')
    >>> repair_thai_number("1O5 บาท 2l.50 ข้อ O36 9l.5O")
    '105 บาท 21.50 ข้อ O36 9l.5O'
    """
    return _repair_numbers(text)[0]


@dataclass(frozen=True, slots=True)
class NumberReading:
    """The settled reading of a numeric cell (see :func:`arbitrate_number`)."""

    text: str  #: the chosen reading, in the document's digit script
    value: float | None  #: its value, or None when no reading is a valid number of the kind
    agreed: bool  #: both readings give the same value
    decided_by: str  #: the reason, in plain words
    confident: bool  #: safe to use without a person looking


_KINDS = ("score", "item", "year", "any")
_RE_ITEM = re.compile(r"\(([0-9]{1,3})\)|([0-9]{1,3})[.)]?")
_RE_SCORE = re.compile(r"[0-9]{1,3}\.[0-9]{2}")


def _value(text: str, kind: str) -> float | None:
    """The value of a reading (Arabic digits, no spaces) if it is a valid number of ``kind``."""
    if kind == "score":
        return float(text) if _RE_SCORE.fullmatch(text) and 0 <= float(text) <= 100 else None
    if kind == "item":
        m = _RE_ITEM.fullmatch(text)
        number = int(m.group(1) or m.group(2)) if m else 0
        return float(number) if number >= 1 else None
    if kind == "year":
        return float(text) if re.fullmatch("[0-9]{4}", text) and 2500 <= int(text) <= 2600 else None
    return thai_text.parse_number(text)


@dataclass(frozen=True, slots=True)
class _Reading:
    text: str  #: as read, spaces removed, ๓/ repaired (its own digit script)
    value: float | None  #: its value if valid for the kind
    any_value: float | None  #: any one number in it
    seven: bool  #: a ๓/ was read as ๗
    #: other valid readings of the same glyphs: the ๓ right after a ๓/ may be a ๗ without its tail
    alternates: tuple[tuple[str, float], ...] = ()


def _read(raw: str, kind: str) -> _Reading:
    text = re.sub(r"\s+", "", raw)
    fixed = repair_thai_number(text)
    value = _value(thai_digits_to_arabic(fixed), kind)
    if value is None and kind != "any" and fixed.endswith("๓/"):  # the whole cell is the number
        candidate = fixed[:-2] + "๗"
        if (v := _value(thai_digits_to_arabic(candidate), kind)) is not None:
            fixed, value = candidate, v
    alternates: list[tuple[str, float]] = []
    if fixed != text and "๓/๓" in text:
        other = repair_thai_number(text.replace("๓/๓", "๗๗"))
        if (v := _value(thai_digits_to_arabic(other), kind)) is not None and other != fixed:
            alternates.append((other, v))
    any_value = thai_text.parse_number(thai_digits_to_arabic(fixed))
    seven = fixed.count("๓/") < text.count("๓/")
    return _Reading(fixed, value, any_value, seven, tuple(alternates))


def _in_script(text: str, thai: bool) -> str:
    return arabic_digits_to_thai(text) if thai else thai_digits_to_arabic(text)


def arbitrate_number(first: str, digits: str, kind: str = "any") -> NumberReading:
    """Settle a numeric cell from two OCR readings of the same image.

    ``first`` is the normal reading, ``digits`` a second one with a digit-only whitelist. ``kind``:
    ``"score"`` (0–100 with exactly two decimals), ``"item"`` (a list number: ``๑.`` ``2)`` ``(3)``
    ``4``), ``"year"`` (a Buddhist-era year 2500–2600) or ``"any"`` (one number, see
    :func:`extractors.thai.text.parse_number`). Thai and Arabic digits compare equal; spaces are
    dropped and ``๓/`` read as ``๗`` (:func:`repair_thai_number`; in a cell that is one number, a
    final ``๓/`` too) before comparing.

    - Both give the same valid value: that value, confident. The ``๓`` right after a ``๓/`` may be a
      ``๗`` that lost its tail (the seed's ``๓/๓.๘๘`` is ``๗๗.๘๘``, its ``๘๘.๓/๓`` is ``๘๘.๗๓``): if
      reading it so makes the two readings agree, they agree.
    - Only one is valid for the kind: that one; confident only if the other has no digit at all
      (empty, letters, noise). A number that is merely invalid (``๘๘.๗``) is a disagreement.
    - Both valid and different: ``first`` is kept, not confident ("undecided").
    - Neither valid: ``first`` as text, value None, not confident ("undecided"), ``agreed`` if both
      hold the same (invalid) number.

    The value is always that of one of the two readings: no number is invented. ``text`` is written
    in the digits of ``first`` (Thai if it has Thai digits), else in those of ``digits``.

    >>> r = arbitrate_number("๓/๓.๘๘", "77.88", "score")
    >>> r.text, r.value, r.agreed, r.confident
    ('๗๗.๘๘', 77.88, True, True)
    >>> r.decided_by
    '๓/ inside a number read as ๗, and the ๓ after it as ๗ too; both readings agree'
    >>> r = arbitrate_number("๘๘.๓/๓", "88.73", "score")
    >>> r.text, r.value, r.confident, r.decided_by
    ('๘๘.๗๓', 88.73, True, '๓/ inside a number read as ๗; both readings agree')
    >>> r = arbitrate_number("", "93.90", "score")
    >>> r.text, r.value, r.confident, r.decided_by
    ('93.90', 93.9, True, 'only the digit reading is a valid score; the first reading has no number')
    >>> r = arbitrate_number("๓๓.๕๕", "77.88", "score")  # both look right: a person must look
    >>> r.text, r.value, r.confident, r.decided_by
    ('๓๓.๕๕', 33.55, False, 'undecided: the readings differ (๓๓.๕๕ and 77.88); the first is kept')
    >>> arbitrate_number("๑.", "1", "item").value, arbitrate_number("๒๕๖๕", "2565", "year").confident
    (1.0, True)
    """
    if kind not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(_KINDS)}")
    a, b = _read(first, kind), _read(digits, kind)
    thai = bool(re.search("[๐-๙]", first)) or (
        not re.search("[0-9]", first) and bool(re.search("[๐-๙]", digits))
    )
    name = "number" if kind == "any" else kind
    seven = "๓/ inside a number read as ๗"

    def result(text: str, value: float, reason: str, agreed: bool, confident: bool) -> NumberReading:
        return NumberReading(_in_script(text, thai), value, agreed, reason, confident)

    if a.value is not None and a.value == b.value:
        reason = "both readings agree"
        if a.seven or b.seven:
            reason = f"{seven}; {reason}"
        return result(a.text, a.value, reason, True, True)
    for x, y in ((a, b), (b, a)):  # the ๓ after ๓/ read as ๗ too
        for text, value in x.alternates:
            if value == y.value:
                reason = f"{seven}, and the ๓ after it as ๗ too; both readings agree"
                return result(text if x is a else a.text, value, reason, True, True)
    if a.value is not None and b.value is not None:
        reason = f"undecided: the readings differ ({a.text} and {b.text}); the first is kept"
        return result(a.text, a.value, f"{seven}; {reason}" if a.seven else reason, False, False)
    if a.value is None and b.value is None:
        agreed = a.any_value is not None and a.any_value == b.any_value
        if agreed:
            reason = f"undecided: both readings agree, but {a.text} is no valid {name}"
        else:
            reason = f"undecided: neither reading is a valid {name}"
        return NumberReading(a.text, None, agreed, reason, False)
    if a.value is not None:
        chosen, other, which, other_name = a, b, "first", "digit"
    else:
        chosen, other, which, other_name = b, a, "digit", "first"
    assert chosen.value is not None  # for mypy: one of the two is valid here
    garbage = not _RE_DIGIT.search(other.text)
    reason = f"only the {which} reading is a valid {name}"
    if garbage:
        reason += f"; the {other_name} reading has no number"
    if chosen.seven:
        reason = f"{seven}; {reason}"
    return result(chosen.text, chosen.value, reason, False, garbage)


# --- 6. the chain -----------------------------------------------------------------------------------


def _changes(before: str, after: str) -> list[tuple[str, str]]:
    """The changed places, each widened to whole whitespace-delimited words: (before, after).

    Compared line by line when no line was added or removed (no step does), with rapidfuzz's
    Levenshtein opcodes (difflib is quadratic on long lines)."""
    if before == after:
        return []
    lines_before, lines_after = before.split("\n"), after.split("\n")
    if len(lines_before) != len(lines_after):
        lines_before, lines_after = [before], [after]
    out: list[tuple[str, str]] = []
    for b, a in zip(lines_before, lines_after, strict=True):
        if b != a:
            out += _line_changes(b, a)
    return out


def _line_changes(before: str, after: str) -> list[tuple[str, str]]:
    spans: list[list[int]] = []
    for op in Levenshtein.opcodes(before, after):
        if op.tag == "equal":
            continue
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        while i1 > 0 and not before[i1 - 1].isspace():
            i1 -= 1
        while i2 < len(before) and not before[i2].isspace():
            i2 += 1
        while j1 > 0 and not after[j1 - 1].isspace():
            j1 -= 1
        while j2 < len(after) and not after[j2].isspace():
            j2 += 1
        if spans and (i1 <= spans[-1][1] or j1 <= spans[-1][3]):  # same words: one change
            spans[-1][1], spans[-1][3] = max(spans[-1][1], i2), max(spans[-1][3], j2)
        else:
            spans.append([i1, i2, j1, j2])
    return [(before[i1:i2], after[j1:j2]) for i1, i2, j1, j2 in spans]


def _note(what: str, before: str, after: str) -> list[str]:
    return [f"{what}: {old!r} → {new!r}" for old, new in _changes(before, after)]


_MAX_PASSES = 4  # the chain converges in two passes on everything seen; this bounds it


def clean_ocr_text(text: str, field: str | None = None) -> tuple[str, list[str]]:
    """The whole repair chain for one OCR'd cell or line; the cleaned text and what was changed.

    In order: :func:`compose_sara_am`, :func:`fix_mark_order`, :func:`repair_thai_number`,
    :func:`drop_marks_after_stops`, :func:`join_abbreviation_spaces` and
    :func:`join_cluster_spaces`, :func:`repair_cell` with ``field``'s vocabulary, then
    :func:`repair_level_letters`. The chain is repeated until nothing changes (a joined space can
    bring a nikhahit and sara aa together), so cleaning twice gives what cleaning once gives. Each
    note names the step and shows each change as
    ``'before' → 'after'`` (whole words). Whitespace and line breaks are otherwise kept.

    >>> clean_ocr_text("ได้คะแนน ๘๘.๓/๓ คะแนน")
    ('ได้คะแนน ๘๘.๗๓ คะแนน', ["๓/ inside a number read as ๗: '๘๘.๓/๓' → '๘๘.๗๓'"])
    >>> text, notes = clean_ocr_text("๑.การปฏิบัติหน้าที ดํา เนินการ")
    >>> text
    '๑.การปฏิบัติหน้าที่ ดำเนินการ'
    >>> for note in notes: print(note)
    sara am composed: 'ดํา' → 'ดำ'
    space inside a word removed: 'ดำ เนินการ' → 'ดำเนินการ'
    known term repaired: 'การปฏิบัติหน้าที' → 'การปฏิบัติหน้าที่'
    """
    steps: list[tuple[str, Callable[[str], str]]] = [
        ("sara am composed", compose_sara_am),
        ("marks repaired", fix_mark_order),
    ]
    notes: list[str] = []
    for _ in range(_MAX_PASSES):
        start = text
        for what, step in steps:
            fixed = step(text)
            notes += _note(what, text, fixed)
            text = fixed
        text, number_notes = _repair_numbers(text)
        notes += number_notes
        fixed = drop_marks_after_stops(text)
        notes += _note("stray mark after a full stop dropped", text, fixed)
        text = fixed
        fixed = join_cluster_spaces(join_abbreviation_spaces(text))
        notes += _note("space inside a word removed", text, fixed)
        text, pairs = repair_cell(fixed, field)
        notes += [f"known term repaired: {old!r} → {new!r}" for old, new in pairs]
        text, pairs = repair_phrases(text)
        notes += [f"known phrase repaired: {old!r} → {new!r}" for old, new in pairs]
        fixed = repair_level_letters(text)
        notes += _note(LEVEL_NOTE, text, fixed)
        text = fixed
        if text == start:
            break
    return text, notes
