"""A score OCR read two ways, settled by the document's own overall (``ita.overall_sum``).

Fresh c79 s471 scan150: the chart value ``53.25`` (indicator 5) was read ``63.26`` by the glyph
reader and ``53.25`` by Tesseract; the glyphs' reading was kept, the other as the page's doubt.
The document states its overall, 60.00, and the ten scores with ``63.26`` add up to 60.60; with
``53.25``, to 60.00.  The sum chooses between the two readings OCR made of the cell, or between
a table's reading and the score the document's text states for the same indicator.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.ita.checks import check_document
from extractors.ita.overall_sum import settle_by_overall
from extractors.ita.vocabulary import BY_NUMBER
from schemas import BBox, OcrDoubt, OcrInfo, OcrStatus, PageKind, PageText
from schemas.record import DocumentFacts, Indicator, Provenance

#: Trat province 2564 (ITA_DOMAIN.md): these ten give 81.45.
TRAT = [93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56]


def _box(n: int) -> BBox:
    return BBox(300, 100 + 20 * n, 340, 112 + 20 * n)


def _indicators(scores: list[float], confidence: float | None = 0.9) -> list[Indicator]:
    return [
        Indicator(n, BY_NUMBER[n].name, None, BY_NUMBER[n].instrument, s, f"{s:.2f}", 2564, None, 2, _box(n),
                  "table", confidence)
        for n, s in enumerate(scores, 1)
    ]  # fmt: skip


def _page(*doubts: OcrDoubt) -> PageText:
    return PageText(2, 595, 842, PageKind.SCANNED, ocr=OcrInfo(OcrStatus.READ, 150, doubts=list(doubts)))


def _facts(overall: float = 81.45) -> DocumentFacts:
    facts = DocumentFacts(assessed_year=2564, overall_score=overall)
    facts.sources["overall_score"] = Provenance(1, BBox(200, 300, 240, 312), f"{overall:.2f}", 0.9)
    return facts


def test_the_other_reading_that_makes_the_sum_agree_is_the_score() -> None:
    misread = [*TRAT[:8], 78.89, TRAT[9]]  # ๗๒.๘๙ read ๗๘.๘๙: the sum is 82.65, not 81.45
    inds = _indicators(misread)
    pairs = settle_by_overall(inds, _facts(), [_page(OcrDoubt("78.89", "72.89", _box(9), "glyphs"))])
    assert inds[8].score == 72.89 and inds[8].score_raw == "72.89"
    assert inds[8].confidence is not None and inds[8].confidence <= 0.3
    checks = check_document(_facts(), inds, [], pairs)
    conflict = next(c for c in checks if c.code == "INDICATOR_CONFLICT")
    assert conflict.values == {"number": 9, "kept": 72.89, "other": 78.89}
    assert not any(c.code == "OVERALL_MISMATCH" for c in checks)


def test_a_first_decimal_misread_is_settled_too() -> None:
    inds = _indicators([*TRAT[:4], 89.92, *TRAT[5:]])  # off by 0.024 only: within OVERALL_MISMATCH's 0.05
    settle_by_overall(inds, _facts(), [_page(OcrDoubt("89.92", "89.52", _box(5), "glyphs"))])
    assert inds[4].score == 89.52


def test_two_readings_that_would_each_settle_it_settle_nothing() -> None:
    inds = _indicators([*TRAT[:8], 78.89, TRAT[9]])
    # indicator 10 weighs as 9 does (0.2): its other reading 59.56 would settle the sum as well
    doubts = [OcrDoubt("78.89", "72.89", _box(9), "glyphs"), OcrDoubt("65.56", "59.56", _box(10), "glyphs")]
    assert settle_by_overall(inds, _facts(), [_page(*doubts)]) == []
    assert inds[8].score == 78.89


def test_an_overall_with_another_reading_of_its_own_settles_nothing() -> None:
    inds = _indicators([*TRAT[:8], 78.89, TRAT[9]])
    page_1 = PageText(1, 595, 842, PageKind.SCANNED, ocr=OcrInfo(OcrStatus.READ, 150, doubts=[
        OcrDoubt("81.45", "82.65", BBox(200, 300, 240, 312), "glyphs")]))  # fmt: skip
    page_2 = _page(OcrDoubt("78.89", "72.89", _box(9), "glyphs"))
    assert settle_by_overall(inds, _facts(), [page_1, page_2]) == []


def test_a_text_layers_score_and_a_missing_score_are_left_alone() -> None:
    doubt = OcrDoubt("78.89", "72.89", _box(9), "glyphs")
    printed = _indicators([*TRAT[:8], 78.89, TRAT[9]], confidence=None)
    assert settle_by_overall(printed, _facts(), [_page(doubt)]) == []
    nine = _indicators([*TRAT[:8], 78.89])
    assert settle_by_overall(nine, _facts(), [_page(doubt)]) == []


def test_the_score_the_text_states_settles_a_misread_table_cell() -> None:
    inds = _indicators([*TRAT[:8], 78.89, TRAT[9]])
    prose = replace(
        inds[8], score=72.89, score_raw="๗๒.๘๙", page=3, box=BBox(80, 400, 300, 412), origin="text"
    )
    conflicts = settle_by_overall(inds, _facts(), [_page()], [(inds[8], prose)])
    assert (inds[8].score, inds[8].score_raw, inds[8].page, inds[8].origin) == (72.89, "๗๒.๘๙", 3, "text")
    assert [(a.score, b.score) for a, b in conflicts] == [(72.89, 78.89)]


def test_a_reading_elsewhere_that_still_differs_stays_a_conflict() -> None:
    inds = _indicators([*TRAT[:8], 78.89, TRAT[9]])
    elsewhere = replace(
        inds[8], score=70.89, score_raw="70.89", page=3, origin="text"
    )  # the text's, misread too
    doubt = OcrDoubt("78.89", "72.89", _box(9), "glyphs")
    conflicts = settle_by_overall(inds, _facts(), [_page(doubt)], [(inds[8], elsewhere)])
    assert inds[8].score == 72.89
    assert sorted((a.score, b.score) for a, b in conflicts) == [(72.89, 70.89), (72.89, 78.89)]
