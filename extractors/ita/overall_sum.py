"""A score read two ways, settled by the document's own overall.

The overall is 0.3·mean(IIT 1–5) + 0.3·mean(EIT 6–8) + 0.4·mean(OIT 9–10) of the ten scores
(ITA_DOMAIN.md): a score with a digit misread (``๖๓.๒๖`` for ``๕๓.๒๕``, a ``๕`` taken for its
look-alike ``๖``) breaks that sum.  Where the glyph reader and Tesseract read a score's cell
differently, the page keeps the reading not taken as a doubt (its ``other``); where the document
states a score twice (a table and its text), the second is kept as a conflict.  When the ten
scores and the stated overall disagree, and exactly one score's other reading makes them agree to
the rounding of published figures, that reading is the score.  The sum chooses between readings
the document gave; it never makes one.  The reading replaced is kept beside the indicator as a
conflict (``INDICATOR_CONFLICT`` shows both), and the score carries a doubt's confidence.

Nothing is chosen when the overall itself has another reading that would agree with the scores
(which of the two numbers is misread is then not known), when two scores' other readings would
each settle the sum, or when a score of the ten is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.ita.checks import weighted_overall
from extractors.ita.indicators import number_shape, score_as_read
from schemas import DOUBT_CONFIDENCE, BBox, PageText
from schemas.record import DocumentFacts, Indicator, Provenance

#: Ten two-decimal scores and an overall printed with two decimals agree within this (the
#: Chanthaburi 2563 figures of ITA_DOMAIN.md differ by 0.01: 67.54 published, 67.53 computed);
#: a look-alike digit misread in a score's first decimal moves the sum by 0.024 at least.
SETTLED = 0.015


def _decimals(text: str) -> int:
    return (number_shape(text.strip()) or (0, 0))[1]


def other_readings(
    value: float, raw: str, page: int, box: BBox | None, pages: Sequence[PageText]
) -> list[str]:
    """The other readings OCR made of a number read as ``value`` (``raw``) in ``box`` on ``page``:
    each doubt of that page over the box whose kept text reads as ``value`` and whose other reading
    reads as a score (0–100) of as many decimals, and another one.

    >>> from schemas import OcrDoubt, OcrInfo, OcrStatus
    >>> doubt = OcrDoubt("63.26", "53.25", BBox(10, 10, 40, 20), "read from glyph shapes")
    >>> scan = PageText(2, 100, 100, "scanned", ocr=OcrInfo(OcrStatus.READ, 150, doubts=[doubt]))
    >>> cell = BBox(5, 8, 45, 22)
    >>> other_readings(63.26, "63.26", 2, cell, [scan])
    ['53.25']
    >>> other_readings(63.26, "63.26", 1, cell, [scan]), other_readings(7.0, "7", 2, cell, [scan])
    ([], [])
    """
    if box is None:
        return []
    out: list[str] = []
    for p in pages:
        if p.number != page or p.ocr is None:
            continue
        for doubt in p.ocr.doubts:
            if not doubt.box.overlaps(box) or score_as_read(doubt.text) != value:
                continue
            other = score_as_read(doubt.other)
            if other is None or other == value or not 0 <= other <= 100:
                continue
            if _decimals(doubt.other) != _decimals(raw) or doubt.other.strip() in out:
                continue
            out.append(doubt.other.strip())
    return out


def settle_by_overall(
    indicators: list[Indicator],
    facts: DocumentFacts,
    pages: Sequence[PageText],
    conflicts: Sequence[tuple[Indicator, Indicator]] = (),
) -> list[tuple[Indicator, Indicator]]:
    """Put in ``indicators`` (in place) the one score whose other reading makes the assessed year's
    ten scores agree with the stated overall (see the module): another OCR reading of its cell, or
    the same indicator's score read elsewhere in the document (``conflicts``: the kept reading and
    the other).  Returns the document's conflicts, with the pair (the indicator as settled, the
    reading it replaced) for the one settled.

    >>> from schemas import OcrDoubt, OcrInfo, OcrStatus
    >>> from extractors.ita.vocabulary import BY_NUMBER
    >>> trat = [93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56]  # 81.45
    >>> misread = [*trat[:4], 89.92, *trat[5:]]  # ๘๙.๕๒ read ๘๙.๙๒
    >>> def ind(n, s):
    ...     b, name = BBox(0, 20 * n, 40, 20 * n + 10), BY_NUMBER[n]
    ...     return Indicator(n, name.name, None, name.instrument, s, str(s), 2564, None, 1, b, "table", 0.9)
    >>> inds = [ind(n, s) for n, s in enumerate(misread, 1)]
    >>> doubt = OcrDoubt("89.92", "89.52", BBox(0, 100, 40, 110), "read from glyph shapes")
    >>> scan = PageText(1, 100, 300, "scanned", ocr=OcrInfo(OcrStatus.READ, 150, doubts=[doubt]))
    >>> facts = DocumentFacts(assessed_year=2564, overall_score=81.45)
    >>> pairs = settle_by_overall(inds, facts, [scan])
    >>> inds[4].score, inds[4].confidence, [(a.score, b.score) for a, b in pairs]
    (89.52, 0.3, [(89.52, 89.92)])

    The same score read elsewhere in the document (its text) settles it too.

    >>> inds = [ind(n, s) for n, s in enumerate(misread, 1)]
    >>> prose = ind(5, 89.52)
    >>> pairs = settle_by_overall(inds, facts, [], [(inds[4], prose)])
    >>> inds[4].score, [(a.score, b.score) for a, b in pairs]
    (89.52, [(89.52, 89.92)])

    The sum already agreeing, nothing changes; nor with no stated overall.

    >>> settle_by_overall([ind(n, s) for n, s in enumerate(trat, 1)], facts, [scan])
    []
    >>> unstated = DocumentFacts(assessed_year=2564)
    >>> settle_by_overall([ind(n, s) for n, s in enumerate(misread, 1)], unstated, [scan])
    []
    """
    out = list(conflicts)
    year = facts.assessed_year
    stated = facts.overall_score
    if year is None or stated is None:
        return out
    assessed = {i.number: i for i in indicators if i.year == year and i.score is not None}
    scores = {n: i.score for n, i in assessed.items() if i.score is not None}
    computed = weighted_overall(scores)
    if computed is None or abs(computed - stated) <= SETTLED:
        return out  # they agree (a misread digit may shift the sum by less than OVERALL_TOLERANCE)
    source: Provenance | None = facts.sources.get("overall_score")
    if source is not None:
        overall_others = other_readings(stated, source.raw or f"{stated:.2f}", source.page, source.box, pages)
        if any(abs(computed - (score_as_read(o) or 0.0)) <= SETTLED for o in overall_others):
            return out  # the overall may be the misread one
    found: list[tuple[Indicator, Indicator]] = []  # the indicator, and it as read otherwise
    for number, ind in assessed.items():
        if ind.confidence is None or ind.score is None:
            continue  # a text layer's score is what the document prints
        others = [
            replace(ind, score=score_as_read(o), score_raw=o)
            for o in other_readings(ind.score, ind.score_raw or "", ind.page, ind.box, pages)
        ]
        others += [b for a, b in conflicts if a is ind and b.score is not None]
        for other in others:
            settled = weighted_overall({**scores, number: other.score}) if other.score is not None else None
            if settled is not None and abs(settled - stated) <= SETTLED:
                found.append((ind, other))
    if len({(ind.number, other.score) for ind, other in found}) != 1:
        return out
    ind, other = found[0]
    replaced = replace(ind)
    for name in ("score", "score_raw", "page", "box", "origin"):
        setattr(ind, name, getattr(other, name))
    ind.confidence = min(DOUBT_CONFIDENCE, ind.confidence or DOUBT_CONFIDENCE)
    # a reading elsewhere that now agrees is no conflict; one that still differs stays one
    out = [(a, b) for a, b in out if not (a is ind and b.score == ind.score)]
    return [*out, (ind, replaced)]
