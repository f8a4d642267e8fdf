"""A table's header row, mapped to fields as a whole: an assignment over its columns.

Each header cell is scored against every field of :data:`~extractors.ita.vocabulary.HEADER_VOCABULARY`
from the words it contains:

- the whole cell, folded (:func:`~extractors.ita.vocabulary.fold`), against every wording: an exact
  wording scores 100, a close one its rapidfuzz ratio (above the cutoff);
- when the cell names several things (``ตัวชี้วัด/การติดตามผล``, ``มาตรการ/ขั้นตอน/วิธีการปฏิบัติ``),
  each part between slashes against the wordings, scored by how close it is and how much of the
  cell it is (``50 + 40 × share``): a part names its field less surely than a whole cell does.

A header may also start with another field's wording (``แนวทางปฏิบัติ``: ``แนวทาง``, a measure), scored
as a part.  The columns are then assigned together, maximising the total score (a small exhaustive
search): a measures field named by two columns counts half for the second, so a header that names two
things belongs to the one the rest of the table does not already have, and two columns of one field
stay when neither names anything else.  Indicator-table fields (``score``, ``indicator``, ...) may
repeat freely (two score columns of two years).  ``ลำดับ``/``ที่``
are ``seq`` (ignored by the readers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

from extractors.ita.vocabulary import HEADER_CHOICES, fold

#: A close whole-cell wording counts from this rapidfuzz ratio on.
WHOLE_CUTOFF = 82.0
#: A part of a cell counts from this ratio on (parts are short: a stricter match).
PART_CUTOFF = 88.0
#: A part's score: ``PART_BASE + PART_SPAN × share of the cell × ratio / 100``.
PART_BASE, PART_SPAN = 50.0, 40.0
#: More ambiguous cells than this are mapped one by one (the search grows as fields^cells).
MAX_ASSIGNED = 8

_SEPARATORS = re.compile(r"[/|,\\]|\s+หรือ\s+|\n")
_CHOICES: dict[str, str] = HEADER_CHOICES  # folded wording -> field
_KEYS = list(_CHOICES)
#: Wordings a header may start with, longest first (four letters at least: not ที่).
_BY_LENGTH = sorted((k for k in _CHOICES if len(k) >= 4), key=len, reverse=True)
#: Fields a table may have several columns of (scores of two years; a number and a name column).
REPEATABLE = frozenset({"score", "indicator", "instrument", "diff", "seq", "level"})
#: A column that repeats a measures field another column names scores this share of its score.
REPEAT_SHARE = 0.5


#: Wordings with a second reading, taken when the rest of the table leaves it free: a column headed
#: ``การดำเนินการ`` lists the steps, unless another column does (then it reports what was done); a
#: column headed ``แนวทางปฏิบัติ`` (a course of action) states the measure, unless another column
#: does (then it lists the steps: ``มาตรการ | แนวทางปฏิบัติ``).
ALSO: dict[str, str] = {fold("การดำเนินการ"): "steps", fold("แนวทางปฏิบัติ"): "measure"}
#: The second reading scores this much above the first, so that it wins where its field is free.
ALSO_MARGIN = 0.5


def _wording(key: str, cutoff: float) -> tuple[str, float] | None:
    """The wording ``key`` is, or is closest to above ``cutoff``, with how close (0..100)."""
    if not key:
        return None
    if key in _CHOICES:
        return key, 100.0
    best = process.extractOne(key, _KEYS, scorer=fuzz.ratio, score_cutoff=cutoff)
    return (best[0], float(best[1])) if best else None


def _match(key: str, cutoff: float) -> tuple[str, float] | None:
    found = _wording(key, cutoff)
    return (_CHOICES[found[0]], found[1]) if found else None


@lru_cache(maxsize=4096)
def field_scores(text: str) -> dict[str, float]:
    """Each field a header cell may name, with how surely (0..100).

    >>> field_scores("ผู้รับผิดชอบ")
    {'responsible': 100.0}
    >>> sorted(field_scores("ตัวชี้วัด/การติดตามผล").items())
    [('follow_up', 72.0), ('indicator', 68.0)]
    >>> field_scores("หมายเหตุ"), field_scores("คะแนน แบบวัด IIT")
    ({}, {'score': 64.3})

    A wording read with a letter doubled keeps its second reading (:data:`ALSO`):

    >>> sorted(field_scores("แนแนวทาง ปฏิบัติ"))
    ['measure', 'steps']
    """
    whole = fold(text)
    scores: dict[str, float] = {}
    found = _wording(whole, WHOLE_CUTOFF)
    if found:
        scores[_CHOICES[found[0]]] = found[1]
        if found[0] in ALSO:
            scores[ALSO[found[0]]] = found[1] + ALSO_MARGIN
    parts = [fold(p) for p in _SEPARATORS.split(text)]
    parts = [p for p in parts if p]
    prefix = next((k for k in _BY_LENGTH if whole.startswith(k) and len(whole) > len(k)), None)
    # แนวทางปฏิบัติ: แนวทาง (a measure) + ปฏิบัติ.  Measures fields only: ผลการประเมินรายตัวชี้วัด
    # (an assessment in words) is no score column.
    if prefix and _CHOICES[prefix] not in scores and _CHOICES[prefix] not in REPEATABLE:
        scores[_CHOICES[prefix]] = round(PART_BASE + PART_SPAN * len(prefix) / len(whole), 1)
    # คะแนน แบบวัด IIT: a cell whose first word is a wording names that field, whatever follows it
    # (an OCR'd header row often runs into the group row below it).
    words = text.split(maxsplit=1)
    if len(words) == 2 and whole:
        first = fold(words[0])
        if first in _CHOICES and _CHOICES[first] not in scores:
            scores[_CHOICES[first]] = round(PART_BASE + PART_SPAN * len(first) / len(whole), 1)
    if len(parts) > 1 and whole:
        for part in parts:
            hit = _match(part, PART_CUTOFF)
            if hit is None:
                continue
            score = round(PART_BASE + PART_SPAN * len(part) / len(whole) * hit[1] / 100, 1)
            if score > scores.get(hit[0], 0.0):
                scores[hit[0]] = score
    return scores


def names_field(text: str) -> bool:
    """Whether a header cell names any field.

    >>> names_field("ขั้นตอน/วิธีการ"), names_field("๑. จัดทำคู่มือ")
    (True, False)
    """
    return bool(field_scores(text))


def assign_fields(texts: Sequence[str]) -> list[str | None]:
    """The field of each column of a header row (None: not recognised), chosen for the row at once.

    >>> assign_fields(["ตัวชี้วัด/การติดตามผล", "มาตรการ", "ผู้รับผิดชอบ"])
    ['follow_up', 'measure', 'responsible']
    >>> assign_fields(["ตัวชี้วัด/การติดตามผล", "มาตรการ", "การติดตามผล"])
    ['indicator', 'measure', 'follow_up']
    >>> assign_fields(["มาตรการ/ขั้นตอน/วิธีการปฏิบัติ", "วิธีการดำเนินการ", "ระยะเวลา"])
    ['measure', 'steps', 'period']
    >>> assign_fields(["ประเด็นปัญหา", "แนวทางปฏิบัติ", "การดำเนินการ", "ระยะเวลา"])
    ['issue', 'measure', 'steps', 'period']
    >>> assign_fields(["มาตรการ", "แนวทางปฏิบัติ", "การดำเนินการ", "ระยะเวลา"])
    ['measure', 'steps', 'results', 'period']
    >>> assign_fields(["ลำดับ", "ตัวชี้วัด", "คะแนน ๒๕๖๔", "คะแนน ๒๕๖๕"])
    ['seq', 'indicator', 'score', 'score']
    """
    scores = [field_scores(t) for t in texts]
    fields: list[str | None] = [None] * len(texts)
    contested: list[int] = []
    for col, found in enumerate(scores):
        if len(found) == 1 and next(iter(found)) in REPEATABLE:
            fields[col] = next(iter(found))  # kept as it is, however many columns name it
        elif found:
            contested.append(col)
    if len(contested) > MAX_ASSIGNED:  # not met in real headers: each cell on its own
        for col in contested:
            fields[col] = max(scores[col], key=lambda f: scores[col][f])
        return fields
    best: tuple[float, list[str | None]] = (-1.0, [])

    def search(i: int, used: frozenset[str], total: float, chosen: list[str | None]) -> None:
        nonlocal best
        if i == len(contested):
            if total > best[0]:
                best = (total, list(chosen))
            return
        options = sorted(scores[contested[i]].items(), key=lambda p: (-p[1], p[0]))
        for field, score in options:
            if field in used and field not in REPEATABLE:
                score *= REPEAT_SHARE  # a second steps column, say: kept, but a free field is better
            search(i + 1, used | {field}, total + score, [*chosen, field])
        search(i + 1, used, total, [*chosen, None])

    search(0, frozenset(f for f in fields if f), 0.0, [])
    for col, field in zip(contested, best[1], strict=True):
        fields[col] = field
    return fields


#: A reporting round in a header: ``ผลการดำเนินงาน รอบ ๖ เดือน``.
_ROUND = re.compile(r"รอบ\s*[0-9๐-๙]{1,2}\s*เดือน")


def reports_progress(fields: Sequence[str | None], texts: Sequence[str]) -> bool:
    """Whether a table reports progress on measures (a status column, or a header naming a
    reporting round) rather than listing them.

    >>> reports_progress(["measure", "progress", "status"], ["มาตรการ", "ผลการดำเนินงาน", "สถานะ"])
    True
    >>> reports_progress(["measure", "progress"], ["มาตรการ", "ผลการดำเนินงาน รอบ ๖ เดือน"])
    True
    >>> reports_progress(["measure", "steps", "period"], ["มาตรการ", "วิธีการ", "ระยะเวลา"])
    False
    """
    return "status" in fields or ("progress" in fields and any(_ROUND.search(t) for t in texts))
