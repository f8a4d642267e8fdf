"""Consistency checks over an extracted document: warnings an auditor reads, never silent fixes.

Every check has a code, a severity, a plain message (values shown on both sides) and the page it
concerns.  The codes:

=====================  ========  ==============================================================
code                   severity  when
=====================  ========  ==============================================================
NOT_ITA_DOCUMENT       warning   no ITA indicator scores, ITA result or title naming the ITA (a
                                 measures table alone is not enough): what was found and missing
PAGES_NOT_READ         info      scanned pages not sent to OCR (OCR switched off)
OCR_PAGE_NOT_READ      warning   a scanned page OCR could not read (blank: info), with the reason
OCR_LOW_CONFIDENCE     warning   a number whose two OCR readings disagree (on a scan or in a
                                 picture): both shown, with its box
OCR_PAGE_DOWNSCALED    info      a scanned page too large for the pixel cap, read at a lower dpi
OCR_REGION_NOT_READ    warning   a picture on a text page OCR failed on (no text with confidence
                                 in it: info), with its box and the reason
PICTURES_NOT_READ      info      a text page's pictures not sent to OCR (OCR switched off)
FACT_MISSING           info      agency, district, province, a year, the overall or level unknown
FISCAL_YEAR_MISMATCH   warning   fiscal year ≠ assessed year + 1
SCORE_OUT_OF_RANGE     error     a score outside 0–100
INDICATORS_MISSING     warning   fewer than ten scores for the assessed year
INDICATOR_CONFLICT     warning   one indicator read twice with different scores
OVERALL_MISMATCH       warning   stated overall ≠ 0.3·IIT + 0.3·EIT + 0.4·OIT by more than 0.05
LEVEL_BAND             warning   the stated level is not the level of the stated overall, in the
                                 scheme it is written in (AA–F bands, or pass at 85 and over)
NO_MEASURES            warning   an ITA document with no measures table
PERIOD_UNPARSED        warning   a period cell whose text gives no dates
=====================  ========  ==============================================================
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from extractors.ita.indicators import score_as_read
from extractors.ita.vocabulary import BY_NUMBER, INSTRUMENT_WEIGHTS, expected_level, level_scheme
from schemas import OcrStatus, PageKind, PageText
from schemas.record import Action, Check, DocumentFacts, Indicator, Interpretation, Severity

OVERALL_TOLERANCE = 0.05
_FACT_FIELDS = ("agency", "district", "province", "fiscal_year", "assessed_year", "overall_score", "level")


def weighted_overall(scores: dict[int, float]) -> float | None:
    """0.3·mean(IIT 1–5) + 0.3·mean(EIT 6–8) + 0.4·mean(OIT 9–10); None unless all ten are known.

    Trat province 2564 (ITA_DOMAIN.md) gives 81.45:

    >>> s = [93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56]
    >>> round(weighted_overall(dict(enumerate(s, 1))), 2)
    81.45
    """
    if set(scores) != set(BY_NUMBER):
        return None
    total = 0.0
    for instrument, weight in INSTRUMENT_WEIGHTS.items():
        total += weight * statistics.fmean(
            s for n, s in scores.items() if BY_NUMBER[n].instrument == instrument
        )
    return total


def _fmt(value: float) -> str:
    return f"{value:.2f}"


def check(found: Interpretation) -> list[Check]:
    """The check stage: every check of an interpreted document, pages first.

    A document that does not read as an ITA measures document gets ``NOT_ITA_DOCUMENT`` (the
    evidence found and missing, and how many of its pages were read) instead of the checks of its
    facts, indicators and actions.
    """
    pages = found.document.pages
    checks = check_pages(pages)
    if found.is_ita:
        return checks + check_document(found.facts, found.indicators, found.actions, found.conflicts)
    present = found.evidence.get("found", {})
    missing = found.evidence.get("missing", [])
    seen = ", ".join(f"{_EVIDENCE[k]} ({v})" for k, v in present.items()) or "nothing"
    checks.append(
        Check(
            "NOT_ITA_DOCUMENT",
            Severity.WARNING,
            "this does not read as an ITA measures document: found "
            f"{seen}; missing {', '.join(_EVIDENCE[k] for k in missing if k != 'measures') or 'nothing'}",
            values={
                "found": present,
                "missing": missing,
                "pages": len(pages),
                "text_pages": sum(1 for p in pages if p.kind is PageKind.TEXT),
                "ocr_pages": sum(1 for p in pages if p.ocr and p.ocr.status is OcrStatus.READ),
            },
        )
    )
    return checks


#: The kinds of evidence that a document is an ITA measures document, in words.
_EVIDENCE = {
    "indicators": "ITA indicator scores in the opening pages",
    "result": "an ITA result (overall score or level) in the opening pages",
    "title": "a title naming the ITA or its measures",
    "measures": "a measures table",
    "indicators_after_opening": "ITA indicator scores after the opening pages only",
}


def check_document(
    facts: DocumentFacts,
    indicators: Sequence[Indicator],
    actions: Sequence[Action],
    conflicts: Sequence[tuple[Indicator, Indicator]] = (),
) -> list[Check]:
    """The checks of an ITA document's facts, indicators and actions."""
    checks: list[Check] = []
    for name in _FACT_FIELDS:
        if getattr(facts, name) is None:
            checks.append(
                Check(
                    "FACT_MISSING",
                    Severity.INFO,
                    f"the document's {name.replace('_', ' ')} was not found",
                    values={"field": name},
                )
            )
    fy, ay = facts.fiscal_year, facts.assessed_year
    if fy is not None and ay is not None and fy != ay + 1:
        checks.append(
            Check(
                "FISCAL_YEAR_MISMATCH",
                Severity.WARNING,
                f"fiscal year {facts.fiscal_year} is not the assessed year {facts.assessed_year} + 1",
                _page(facts, "fiscal_year"),
                {"fiscal_year": facts.fiscal_year, "assessed_year": facts.assessed_year},
            )
        )
    for ind in indicators:
        if ind.score is not None and not 0 <= ind.score <= 100:
            checks.append(
                Check(
                    "SCORE_OUT_OF_RANGE",
                    Severity.ERROR,
                    f"indicator {ind.number} score {ind.score_raw} is outside 0–100",
                    ind.page,
                    {"number": ind.number, "score": ind.score},
                )
            )
        elif _settled_otherwise(ind):
            checks.append(
                Check(
                    "OCR_LOW_CONFIDENCE",
                    Severity.WARNING,
                    f"indicator {ind.number}: its score cell read {ind.score_raw!r}, its score taken as "
                    f"{ind.score} from the table's other readings; check by hand",
                    ind.page,
                    {
                        "text": ind.score_raw,
                        "other": str(ind.score),
                        "box": ind.box.as_list() if ind.box else None,
                    },
                )
            )
    if facts.overall_score is not None and not 0 <= facts.overall_score <= 100:
        checks.append(
            Check(
                "SCORE_OUT_OF_RANGE",
                Severity.ERROR,
                f"overall score {facts.overall_score} is outside 0–100",
                _page(facts, "overall_score"),
                {"overall_score": facts.overall_score},
            )
        )

    assessed = {
        i.number: i.score for i in indicators if i.year == facts.assessed_year and i.score is not None
    }
    missing = sorted(set(BY_NUMBER) - set(assessed))
    if missing:
        year = facts.assessed_year or "the assessed year"
        checks.append(
            Check(
                "INDICATORS_MISSING",
                Severity.WARNING,
                f"no score for indicator(s) {', '.join(map(str, missing))} of {year}",
                values={"missing": missing, "year": facts.assessed_year},
            )
        )
    for kept, other in conflicts:
        checks.append(
            Check(
                "INDICATOR_CONFLICT",
                Severity.WARNING,
                f"indicator {kept.number} reads {kept.score_raw} on page {kept.page} "
                f"but {other.score_raw} on page {other.page}; the first is kept",
                other.page,
                {"number": kept.number, "kept": kept.score, "other": other.score},
            )
        )

    computed = weighted_overall(assessed)
    stated = facts.overall_score
    if computed is not None and stated is not None and abs(computed - stated) > OVERALL_TOLERANCE + 1e-9:
        checks.append(
            Check(
                "OVERALL_MISMATCH",
                Severity.WARNING,
                f"the stated overall {_fmt(stated)} differs from the weighted indicators "
                f"{_fmt(computed)} (0.3·IIT + 0.3·EIT + 0.4·OIT) by {_fmt(stated - computed)}",
                _page(facts, "overall_score"),
                {
                    "stated": stated,
                    "computed": round(computed, 2),
                    "difference": round(stated - computed, 2),
                },
            )
        )
    scheme = level_scheme(facts.assessed_year)
    if facts.level is not None and facts.overall_score is not None and scheme is not None:
        expected = expected_level(facts.overall_score, facts.level)
        if expected != facts.level:
            written = "pass/fail" if facts.level in ("PASS", "FAIL") else "AA–F"
            checks.append(
                Check(
                    "LEVEL_BAND",
                    Severity.WARNING,
                    f"level {facts.level} does not match the overall {_fmt(facts.overall_score)}, "
                    f"which is {expected} in the {written} scheme",
                    _page(facts, "level"),
                    {
                        "stated": facts.level,
                        "expected": expected,
                        "overall_score": facts.overall_score,
                        "scheme": "pass" if facts.level in ("PASS", "FAIL") else "bands",
                        "year_scheme": scheme,
                    },
                )
            )
    if not actions:
        checks.append(Check("NO_MEASURES", Severity.WARNING, "no measures table was found"))
    for act in actions:
        if act.period.text and act.period.end is None and any(ch.isalnum() for ch in act.period.text):
            checks.append(
                Check(
                    "PERIOD_UNPARSED",
                    Severity.WARNING,
                    f"action {act.row}: period “{act.period.text}” gives no dates",
                    act.page,
                    {"row": act.row, "text": act.period.text},
                )
            )
    return checks


def check_pages(pages: Sequence[PageText]) -> list[Check]:
    """Pages read by OCR: scans and the pictures on text pages that OCR could not read, and the
    values it read but is unsure of.

    Nothing is skipped silently: a scan not sent to OCR is ``PAGES_NOT_READ``, a text page whose
    pictures were not is ``PICTURES_NOT_READ``; a blank, unreadable or failed scan is
    ``OCR_PAGE_NOT_READ`` and a failed or unreadable picture ``OCR_REGION_NOT_READ``, with the
    reason; each number whose two readings disagreed is ``OCR_LOW_CONFIDENCE``, for a person to
    check at the box given.
    """
    checks: list[Check] = []
    for page in pages:
        if page.kind is PageKind.SCANNED:
            checks += _scan_checks(page)
        elif page.kind is PageKind.TEXT:
            checks += _picture_checks(page)
        if page.ocr is not None:
            checks += _doubt_checks(page)
    return checks


def _scan_checks(page: PageText) -> list[Check]:
    n = page.number
    if page.ocr is None:
        return [Check("PAGES_NOT_READ", Severity.INFO, f"page {n} is a scan and OCR was off", n, {"page": n})]
    checks: list[Check] = []
    status = page.ocr.status
    if status is OcrStatus.READ and page.ocr.reason:
        checks.append(
            Check(
                "OCR_PAGE_DOWNSCALED",
                Severity.INFO,
                f"page {n}: {page.ocr.reason}",
                n,
                {"page": n, "dpi": page.ocr.dpi},
            )
        )
    if status is not OcrStatus.READ:
        severity = Severity.INFO if status is OcrStatus.BLANK else Severity.WARNING
        checks.append(
            Check(
                "OCR_PAGE_NOT_READ",
                severity,
                f"page {n} is a scan that OCR could not read: {page.ocr.reason}",
                n,
                {"page": n, "status": status.value},
            )
        )
    return checks


def _picture_checks(page: PageText) -> list[Check]:
    """A text page's pictures: left unread (OCR off), or read with no result (failed: a warning;
    no text with confidence, as in a photo: info)."""
    n = page.number
    if page.ocr is None:
        if not page.pictures:
            return []
        boxes = [p.box.as_list() for p in page.pictures]
        return [
            Check(
                "PICTURES_NOT_READ",
                Severity.INFO,
                f"page {n} has {len(boxes)} picture(s) that may hold content and OCR was off",
                n,
                {"page": n, "boxes": boxes},
            )
        ]
    checks: list[Check] = []
    for region in page.ocr.regions:
        if region.kind not in ("failed", "unreadable"):
            continue
        box = region.box
        checks.append(
            Check(
                "OCR_REGION_NOT_READ",
                Severity.WARNING if region.kind == "failed" else Severity.INFO,
                f"page {n}: the picture at ({box.x0:.0f}, {box.top:.0f})–({box.x1:.0f}, {box.bottom:.0f}) "
                f"was not read: {region.reason or region.kind}",
                n,
                {"page": n, "status": region.kind, "box": box.as_list(), "reason": region.reason},
            )
        )
    return checks


def _doubt_checks(page: PageText) -> list[Check]:
    n = page.number
    assert page.ocr is not None
    return [
        Check(
            "OCR_LOW_CONFIDENCE",
            Severity.WARNING,
            f"page {n}: read {doubt.text!r}, but also {doubt.other!r} ({doubt.reason}); check by hand",
            n,
            {"text": doubt.text, "other": doubt.other, "box": doubt.box.as_list()},
        )
        for doubt in page.ocr.doubts
    ]


def _settled_otherwise(ind: Indicator) -> bool:
    """An indicator read by OCR whose score is not what its cell reads as (a stray point placed by
    its column's decimals, a damaged cell settled by the two years' difference)."""
    if ind.confidence is None or ind.score is None:
        return False
    return score_as_read(ind.score_raw or "") != ind.score


def _page(facts: DocumentFacts, name: str) -> int | None:
    source = facts.sources.get(name)
    return source.page if source else None
