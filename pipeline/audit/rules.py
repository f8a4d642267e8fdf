"""Audit rules: what an auditor checks in one ITA measures record, as small pure functions.

Each rule takes a :class:`Context` (the record, plus the extractor's checks run again on the
record's own values) and returns :class:`Finding` s: a code, a severity, a message in Thai and in
English, and the page the finding concerns.  The arithmetic lives in one place only: the weighted
overall, the level bands, missing indicators, scores out of range, the fiscal year and unparsed
periods come from :func:`extractors.ita.checks.check_document` (re-run here, so a record edited by hand
is judged on what it says now); conflicting readings and OCR doubts, which only the extraction can
know, come from the checks stored in the record.  What is new here (an indicator without a measure,
a measure without an owner, a period far from the fiscal year, no follow-up, low OCR confidence,
the completeness score) is computed here and nowhere else.

=========================  ========  =============================================================
code                       severity  when
=========================  ========  =============================================================
NOT_ITA_DOCUMENT           error     the file does not read as an ITA measures document
PREVIOUS_RESULT_MISSING    error     the previous year's overall score or level is not stated
YEAR_MISSING               warning   the fiscal year or the assessed year is not stated
FACT_MISSING               info      agency, district or province not stated
FRAMEWORK_OTHER            info      assessed before 2562 (five indices, word levels): not checked
INDICATOR_MISSING          error     one of the ten indicators has no score for the assessed year
SCORE_OUT_OF_RANGE         error     a score outside 0–100
INDICATOR_CONFLICT         warning   one indicator read twice with different scores
LEVEL_BAND                 error     the stated level is not the band of the stated overall
OVERALL_MISMATCH           warning   stated overall ≠ 0.3·IIT + 0.3·EIT + 0.4·OIT (±0.05)
FISCAL_YEAR_MISMATCH       warning   fiscal year ≠ assessed year + 1
NO_MEASURES                error     no measures table
INDICATOR_WITHOUT_MEASURE  warning   an indicator under 90, or with issues to improve, no measure
MEASURE_NO_UNIT            error     a measure without a responsible unit
PERIOD_MISSING             warning   a measure without a period
PERIOD_UNPARSED            warning   a period that gives no dates
PERIOD_OUTSIDE_YEAR        warning   a period outside the fiscal year and the years next to it
MEASURE_NO_FOLLOW_UP       warning   a measure with no way of following up or reporting
OCR_PAGE_NOT_READ          warning   a scanned page OCR could not read
PAGES_NOT_READ             warning   a scanned page not sent to OCR
OCR_REGION_NOT_READ        warning   a picture on a text page OCR failed on (one with no text read
                                     with confidence, a photo, is not listed)
PICTURES_NOT_READ          info      a text page's pictures not sent to OCR (OCR switched off)
OCR_LOW_CONFIDENCE         info      a value read by OCR with low confidence: check by hand
=========================  ========  =============================================================
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractors.ita.checks import check_document
from extractors.ita.periods import parse_period
from extractors.ita.vocabulary import BY_NUMBER, PASS_FAIL_FROM, PASS_MARK, TEN_INDICATORS_FROM
from schemas import BBox
from schemas.record import Action, Check, ExtractionRecord, Indicator, Severity

#: An indicator scoring under this needs at least one measure.
NEEDS_MEASURE_BELOW = 90.0
#: A value read by OCR with a confidence under this (0–1) is listed for checking by hand.
LOW_CONFIDENCE = 0.7
#: Checks that only the extraction can know (they are taken from the record as stored).
EXTRACTION_ONLY = (
    "NOT_ITA_DOCUMENT",
    "INDICATOR_CONFLICT",
    "OCR_LOW_CONFIDENCE",
    "OCR_PAGE_NOT_READ",
    "PAGES_NOT_READ",
    "OCR_REGION_NOT_READ",
    "PICTURES_NOT_READ",
)


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: Severity
    th: str  #: what is checked, in Thai
    en: str  #: the same in English


_RULES = (
    Rule(
        "NOT_ITA_DOCUMENT",
        Severity.ERROR,
        "เป็นเอกสารมาตรการ ITA",
        "the file reads as an ITA measures document",
    ),
    Rule(
        "PREVIOUS_RESULT_MISSING",
        Severity.ERROR,
        "ระบุคะแนนรวมและระดับผลการประเมินของปีที่ผ่านมา",
        "the previous year's overall score and level are stated",
    ),
    Rule("YEAR_MISSING", Severity.WARNING, "ระบุปีงบประมาณและปีที่ประเมิน", "fiscal and assessed years stated"),
    Rule("FACT_MISSING", Severity.INFO, "ระบุชื่อหน่วยงาน อำเภอ และจังหวัด", "agency, district, province stated"),
    Rule(
        "FRAMEWORK_OTHER",
        Severity.INFO,
        "ผลการประเมินก่อนปี 2562 ใช้กรอบการประเมินแบบเดิม จึงไม่ตรวจตัวชี้วัด ระดับ และคะแนนรวม",
        "results before 2562 use the old framework: indicators, level and overall are not checked",
    ),
    Rule("INDICATOR_MISSING", Severity.ERROR, "มีคะแนนครบทั้ง 10 ตัวชี้วัด", "all ten indicators have scores"),
    Rule("SCORE_OUT_OF_RANGE", Severity.ERROR, "คะแนนอยู่ในช่วง 0–100", "scores lie in 0–100"),
    Rule(
        "INDICATOR_CONFLICT",
        Severity.WARNING,
        "คะแนนของตัวชี้วัดแต่ละตัวมีค่าเดียว",
        "each indicator has one score",
    ),
    Rule(
        "LEVEL_BAND",
        Severity.ERROR,
        "ระดับตรงกับช่วงคะแนนตามเกณฑ์ของปีที่ประเมิน",
        "the level matches the score band of the assessed year's framework",
    ),
    Rule(
        "OVERALL_MISMATCH",
        Severity.WARNING,
        "คะแนนรวมตรงกับค่าถ่วงน้ำหนักของตัวชี้วัด (±0.05)",
        "the overall matches the weighted indicators (±0.05)",
    ),
    Rule(
        "FISCAL_YEAR_MISMATCH",
        Severity.WARNING,
        "ปีงบประมาณเป็นปีถัดจากปีที่ประเมิน",
        "the fiscal year is the assessed year + 1",
    ),
    Rule("NO_MEASURES", Severity.ERROR, "มีตารางมาตรการ", "there is a measures table"),
    Rule(
        "INDICATOR_WITHOUT_MEASURE",
        Severity.WARNING,
        "ตัวชี้วัดที่ได้คะแนนต่ำกว่า 90 หรือมีประเด็นที่ต้องปรับปรุง มีมาตรการรองรับ",
        "every indicator under 90, or with issues to improve, has a measure",
    ),
    Rule("MEASURE_NO_UNIT", Severity.ERROR, "ทุกมาตรการมีผู้รับผิดชอบ", "every measure has a responsible unit"),
    Rule("PERIOD_MISSING", Severity.WARNING, "ทุกมาตรการระบุระยะเวลา", "every measure has a period"),
    Rule(
        "PERIOD_UNPARSED",
        Severity.WARNING,
        "ระยะเวลาอ่านเป็นวันที่ได้",
        "every period can be read as dates",
    ),
    Rule(
        "PERIOD_OUTSIDE_YEAR",
        Severity.WARNING,
        "ระยะเวลาอยู่ในปีงบประมาณหรือปีที่ติดกัน",
        "every period lies in or next to the fiscal year",
    ),
    Rule(
        "MEASURE_NO_FOLLOW_UP",
        Severity.WARNING,
        "ทุกมาตรการมีวิธีติดตามหรือรายงานผล",
        "every measure has a way of following up or reporting",
    ),
    Rule(
        "OCR_PAGE_NOT_READ",
        Severity.WARNING,
        "หน้าที่เป็นภาพสแกนอ่านด้วย OCR ได้",
        "scanned pages could be read by OCR",
    ),
    Rule(
        "PAGES_NOT_READ",
        Severity.WARNING,
        "หน้าที่เป็นภาพสแกนได้รับการอ่านด้วย OCR แล้ว",
        "scanned pages were read by OCR",
    ),
    Rule(
        "OCR_REGION_NOT_READ",
        Severity.WARNING,
        "ภาพในหน้าเอกสารอ่านด้วย OCR ได้",
        "pictures on text pages could be read by OCR",
    ),
    Rule(
        "PICTURES_NOT_READ",
        Severity.INFO,
        "ภาพในหน้าเอกสารได้รับการอ่านด้วย OCR แล้ว",
        "pictures on text pages were read by OCR",
    ),
    Rule(
        "OCR_LOW_CONFIDENCE",
        Severity.INFO,
        "ค่าที่อ่านด้วย OCR ได้ความเชื่อมั่นต่ำ ควรตรวจสอบกับต้นฉบับ",
        "values read by OCR with low confidence, to check by hand",
    ),
)
RULES: dict[str, Rule] = {r.code: r for r in _RULES}

SEVERITY_TH = {Severity.ERROR: "ข้อผิดพลาด", Severity.WARNING: "ข้อควรตรวจสอบ", Severity.INFO: "ข้อสังเกต"}
_FACT_TH = {
    "agency": ("ชื่อหน่วยงาน", "agency"),
    "district": ("ชื่ออำเภอ", "district"),
    "province": ("ชื่อจังหวัด", "province"),
    "fiscal_year": ("ปีงบประมาณ", "fiscal year"),
    "assessed_year": ("ปีที่ประเมิน (ปีของผล ITA ที่นำมาวิเคราะห์)", "assessed year"),
    "overall_score": ("คะแนนรวม", "overall score"),
    "level": ("ระดับผลการประเมิน", "level"),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an auditor should look at in one document."""

    code: str
    severity: Severity
    page: int | None  #: the page it concerns (1-based), None when nothing on any page says it
    where: str  #: ``document``, ``indicator 4``, ``measure row 3``, ``page 2``
    th: str  #: the message in Thai
    en: str  #: the message in English
    values: dict[str, Any] = field(default_factory=dict)


def finding(code: str, page: int | None, where: str, th: str, en: str, /, **values: Any) -> Finding:
    """A finding with its rule's severity; ``values`` are kept as given (a check's ``page`` too)."""
    return Finding(code, RULES[code].severity, page, where, th, en, dict(values))


@dataclass(frozen=True)
class Context:
    """One record and the checks the rules read: the extractor's, re-run on the record's values."""

    record: ExtractionRecord
    checks: tuple[Check, ...]

    def of(self, code: str) -> list[Check]:
        return [c for c in self.checks if c.code == code]

    @property
    def assessed(self) -> list[Indicator]:
        """The indicators of the assessed year (the ones :func:`check_document` counts)."""
        year = self.record.document.assessed_year
        return [i for i in self.record.indicators if i.year == year]

    @property
    def fiscal_year(self) -> int | None:
        """The fiscal year the measures are for: as stated, else the assessed year + 1."""
        doc = self.record.document
        if doc.fiscal_year is not None:
            return doc.fiscal_year
        return doc.assessed_year + 1 if doc.assessed_year is not None else None

    @property
    def other_framework(self) -> bool:
        year = self.record.document.assessed_year
        return year is not None and year < TEN_INDICATORS_FROM

    @property
    def is_ita(self) -> bool:
        return not self.of("NOT_ITA_DOCUMENT")


def context(record: ExtractionRecord) -> Context:
    """The record with the extractor's document checks re-run on its values, plus the checks
    stored in it that only extraction can know (conflicts, OCR)."""
    stored = tuple(c for c in record.checks if c.code in EXTRACTION_ONLY)
    if any(c.code == "NOT_ITA_DOCUMENT" for c in stored):
        return Context(record, stored)
    return Context(record, stored + tuple(check_document(record.document, record.indicators, record.actions)))


# --- small helpers --------------------------------------------------------------------------------


def fmt(value: float) -> str:
    """A score as auditors write it.

    >>> fmt(77.6349), fmt(100), fmt(5)
    ('77.63', '100.00', '5.00')
    """
    return f"{value:.2f}"


def level_th(level: str) -> str:
    """A level code as a Thai reader reads it.

    >>> level_th("PASS"), level_th("FAIL"), level_th("B")
    ('ผ่าน', 'ไม่ผ่าน', 'B')
    """
    return {"PASS": "ผ่าน", "FAIL": "ไม่ผ่าน"}.get(level, level)


def indicator_label(number: int) -> tuple[str, str]:
    """``(Thai, English)`` label of an indicator.

    >>> indicator_label(7)
    ('ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร', 'indicator 7 (ประสิทธิภาพการสื่อสาร)')
    """
    name = BY_NUMBER[number].name if number in BY_NUMBER else "?"
    return f"ตัวชี้วัดที่ {number} {name}", f"indicator {number} ({name})"


def fiscal_year_span(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a BE fiscal year, as the period reader defines ``ตลอดปีงบประมาณ``.

    >>> fiscal_year_span(2566)
    (datetime.date(2022, 10, 1), datetime.date(2023, 9, 30))
    """
    span = parse_period("ตลอดปีงบประมาณ", fiscal_year)
    assert span.start is not None and span.end is not None
    return span.start, span.end


def period_window(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """The dates a measure's period may cover: the fiscal year and the fiscal years next to it.

    >>> period_window(2566)
    (datetime.date(2021, 10, 1), datetime.date(2024, 9, 30))
    """
    return fiscal_year_span(fiscal_year - 1)[0], fiscal_year_span(fiscal_year + 1)[1]


def period_in_window(action: Action, fiscal_year: int | None) -> bool | None:
    """Whether a dated period lies in or next to the fiscal year; None if undated or no year known."""
    start, end = action.period.start, action.period.end
    if fiscal_year is None or (start is None and end is None) or fiscal_year <= 0:
        return None
    low, high = period_window(fiscal_year)
    return all(low <= d <= high for d in (start, end) if d is not None)


def has_period_text(action: Action) -> bool:
    return bool(action.period.text and any(ch.isalnum() for ch in action.period.text))


def has_unit(action: Action) -> bool:
    return any(u.strip() for u in action.responsible)


#: Words in a measure's own text that say how it is followed up or reported: a report, following
#: up, a summary of results, results published or told, results used, the work's results
#: evaluated, a satisfaction survey.  (Not ``ประเมินผล`` alone: ``หลักเกณฑ์การประเมินผลการปฏิบัติงาน``
#: is staff appraisal, not following up the measure.)
_RE_REPORTING = re.compile(r"รายงาน|ติดตาม|สรุปผล|เผยแพร่ผล|แจ้งผล|นำผล|ประเมินผลการดำเนิน|สำรวจความพึงพอใจ")


def has_follow_up(action: Action) -> bool:
    """A follow-up cell, a results/reporting cell, or steps that say they report or follow up.

    >>> from schemas.record import Period
    >>> def act(steps):
    ...     return Action(1, None, None, steps, [], [], Period(None), None, [], [], 1, [1])
    >>> has_follow_up(act(["จัดทำรายงานผลการใช้จ่ายงบประมาณเป็นรายไตรมาส"]))
    True
    >>> has_follow_up(act(["ประกาศหลักเกณฑ์การประเมินผลการปฏิบัติงานให้บุคลากรทราบล่วงหน้า"]))
    False
    """
    if (action.follow_up or "").strip() or any(r.strip() for r in action.results):
        return True
    return any(_RE_REPORTING.search(t) for t in [action.measure or "", *action.steps])


#: Words that, in a measure's or issue's own text, aim it at one indicator when the indicator's
#: full name or number is not written (the extractor links by names and numbers only): a measure
#: ``พัฒนาการสื่อสาร…`` is plainly for indicator 7.  ``งบประมาณ`` does not count inside ``ปีงบประมาณ``.
INDICATOR_KEYWORDS: dict[int, re.Pattern[str]] = {
    1: re.compile("ปฏิบัติหน้าที่"),
    2: re.compile("(?<!ปี)งบประมาณ"),
    3: re.compile("ใช้อำนาจ"),
    4: re.compile("ทรัพย์สิน"),
    5: re.compile("แก้ไขปัญหาการทุจริต|แก้ปัญหาการทุจริต"),
    6: re.compile("คุณภาพการดำเนินงาน|คุณภาพการให้บริการ"),
    7: re.compile("สื่อสาร"),
    8: re.compile("ปรับปรุง(?:ระบบ|วิธี)?การทำงาน"),
    9: re.compile("เปิดเผยข้อมูล"),
    10: re.compile("ป้องกันการทุจริต"),
}


def linked_indicators(action: Action) -> set[int]:
    """The indicators a measure is for: the extractor's links plus :data:`INDICATOR_KEYWORDS`.

    >>> from schemas.record import Period
    >>> act = Action(1, None, "มาตรการพัฒนาการสื่อสารและการปรับปรุงการทำงาน", [], [], [], Period(None),
    ...              None, [8], [], 1, [1])
    >>> sorted(linked_indicators(act))
    [7, 8]
    """
    text = f"{action.issue or ''}\n{action.measure or ''}"
    return set(action.indicator_numbers) | {n for n, rx in INDICATOR_KEYWORDS.items() if rx.search(text)}


def indicators_needing_measures(ctx: Context) -> list[tuple[Indicator, bool]]:
    """Assessed-year indicators that need a measure, and whether each has one.

    An indicator under :data:`NEEDS_MEASURE_BELOW` needs a measure of its own; one that is only
    named with issues to improve is covered by a measure for it or for any indicator sharing the
    same issues text (a merged cell that states the issues of a group, e.g. IIT 1–5, once).
    """
    linked: set[int] = set()
    for act in ctx.record.actions:
        linked |= linked_indicators(act)
    groups: dict[str, set[int]] = {}
    for ind in ctx.assessed:
        if ind.issues and ind.issues.strip():
            groups.setdefault(ind.issues.strip(), set()).add(ind.number)
    out: list[tuple[Indicator, bool]] = []
    for ind in ctx.assessed:
        low = ind.score is not None and ind.score < NEEDS_MEASURE_BELOW
        issues = (ind.issues or "").strip()
        if low:
            out.append((ind, ind.number in linked))
        elif issues:
            out.append((ind, bool(groups[issues] & linked)))
    return out


def _score_table_page(ctx: Context, number: int) -> int | None:
    """Where a missing indicator's score should be: the page that holds most scores of its
    instrument (else of all indicators), the earliest on a tie."""
    instrument = BY_NUMBER[number].instrument if number in BY_NUMBER else None
    pages = [i.page for i in ctx.assessed if i.instrument == instrument] or [i.page for i in ctx.assessed]
    if not pages:
        return None
    counts = Counter(pages)
    return min(counts, key=lambda p: (-counts[p], p))


def _fact_page(ctx: Context, *names: str) -> int | None:
    for name in names:
        source = ctx.record.document.sources.get(name)
        if source is not None:
            return source.page
    return None


def _row(action: Action) -> tuple[str, str]:
    return f"มาตรการแถวที่ {action.row}", f"measure row {action.row}"


# --- the rules ------------------------------------------------------------------------------------


#: The kinds of evidence of an ITA measures document (extractors/ita/evidence.py), in Thai and English.
_EVIDENCE_TH = {
    "indicators": ("คะแนนตัวชี้วัด ITA ในหน้าแรก ๆ", "ITA indicator scores in the opening pages"),
    "result": ("ผลการประเมิน ITA (คะแนนรวมหรือระดับ) ในหน้าแรก ๆ", "an ITA result in the opening pages"),
    "title": ("ชื่อเรื่องที่ระบุ ITA หรือมาตรการส่งเสริมคุณธรรมและความโปร่งใส", "a title naming the ITA or its measures"),
    "measures": ("ตารางมาตรการ", "a measures table"),
    "indicators_after_opening": (
        "คะแนนตัวชี้วัด ITA เฉพาะในหน้าหลัง ๆ",
        "ITA indicator scores after the opening pages only",
    ),
}


def rule_not_ita(ctx: Context) -> list[Finding]:
    """The file does not read as an ITA measures document: what evidence was found, what was missing
    (a measures table alone is not enough)."""
    out = []
    for c in ctx.of("NOT_ITA_DOCUMENT"):
        found = [k for k in c.values.get("found", {}) if k in _EVIDENCE_TH]
        missing = [k for k in c.values.get("missing", []) if k in _EVIDENCE_TH and k != "measures"]
        found_th = ", ".join(_EVIDENCE_TH[k][0] for k in found) or "ไม่พบหลักฐานใด"
        found_en = ", ".join(_EVIDENCE_TH[k][1] for k in found) or "nothing"
        missing_th = ", ".join(_EVIDENCE_TH[k][0] for k in missing)
        missing_en = ", ".join(_EVIDENCE_TH[k][1] for k in missing)
        out.append(
            finding(
                "NOT_ITA_DOCUMENT",
                None,
                "document",
                f"เอกสารนี้ไม่ใช่เอกสารมาตรการ ITA: พบ {found_th}; ไม่พบ {missing_th or '-'}",
                f"this is not an ITA measures document: found {found_en}; missing {missing_en or '-'}",
                **c.values,
            )
        )
    return out


def _missing_facts(ctx: Context, names: Iterable[str]) -> list[str]:
    wanted = set(names)
    return [f for c in ctx.of("FACT_MISSING") if (f := str(c.values.get("field"))) in wanted]


def rule_previous_result(ctx: Context) -> list[Finding]:
    """The previous year's (the assessed year's) overall score and level are stated."""
    missing = _missing_facts(ctx, ("overall_score", "level"))
    if not missing:
        return []
    year = ctx.record.document.assessed_year
    th = "และ".join({"overall_score": "คะแนนรวม", "level": "ระดับ"}[m] for m in missing)
    en = " and ".join(_FACT_TH[m][1] for m in missing)
    of_year_th = f"ปี {year}" if year else "ปีที่ผ่านมา"
    of_year_en = f"of {year}" if year else "of the previous year"
    return [
        finding(
            "PREVIOUS_RESULT_MISSING",
            _fact_page(ctx, "overall_score", "level", "assessed_year"),
            "document",
            f"ไม่ได้ระบุ{th}ของผลการประเมิน ITA {of_year_th}",
            f"the {en} of the ITA result {of_year_en} {'are' if len(missing) > 1 else 'is'} not stated",
            missing=missing,
        )
    ]


def rule_years(ctx: Context) -> list[Finding]:
    return [
        finding(
            "YEAR_MISSING",
            None,
            "document",
            f"ไม่ได้ระบุ{_FACT_TH[name][0]}",
            f"the {_FACT_TH[name][1]} is not stated",
            field=name,
        )
        for name in _missing_facts(ctx, ("fiscal_year", "assessed_year"))
    ]


def rule_facts(ctx: Context) -> list[Finding]:
    return [
        finding(
            "FACT_MISSING",
            None,
            "document",
            f"ไม่พบ{_FACT_TH[name][0]}ในเอกสาร",
            f"the {_FACT_TH[name][1]} was not found",
            field=name,
        )
        for name in _missing_facts(ctx, ("agency", "district", "province"))
    ]


def rule_framework(ctx: Context) -> list[Finding]:
    if not ctx.other_framework:
        return []
    year = ctx.record.document.assessed_year
    return [
        finding(
            "FRAMEWORK_OTHER",
            _fact_page(ctx, "assessed_year"),
            "document",
            f"ผลการประเมินปี {year} ใช้กรอบการประเมินก่อนปี 2562 (5 ดัชนี ระดับเป็นคำ) จึงไม่ตรวจตัวชี้วัด ระดับ และคะแนนรวม",
            f"the {year} result uses the framework before 2562 (five indices, word levels): "
            "indicators, level and overall are not checked",
            assessed_year=year,
        )
    ]


def rule_indicators_scored(ctx: Context) -> list[Finding]:
    """All ten indicators of the assessed year have scores."""
    if ctx.other_framework:
        return []
    year = ctx.record.document.assessed_year
    out = []
    for check in ctx.of("INDICATORS_MISSING"):
        for number in check.values.get("missing", []):
            th, en = indicator_label(number)
            out.append(
                finding(
                    "INDICATOR_MISSING",
                    _score_table_page(ctx, number),
                    f"indicator {number}",
                    f"ไม่มีคะแนน{th}" + (f" ของปี {year}" if year else ""),
                    f"no score for {en}" + (f" of {year}" if year else ""),
                    number=number,
                    year=year,
                )
            )
    return out


def rule_scores_in_range(ctx: Context) -> list[Finding]:
    out = []
    for check in ctx.of("SCORE_OUT_OF_RANGE"):
        if "number" in check.values:
            number, score = check.values["number"], check.values["score"]
            th, en = indicator_label(number)
            out.append(
                finding(
                    "SCORE_OUT_OF_RANGE",
                    check.page,
                    f"indicator {number}",
                    f"คะแนน{th} คือ {fmt(score)} อยู่นอกช่วง 0–100",
                    f"the score of {en}, {fmt(score)}, is outside 0–100",
                    **check.values,
                )
            )
        else:
            score = check.values["overall_score"]
            out.append(
                finding(
                    "SCORE_OUT_OF_RANGE",
                    check.page,
                    "document",
                    f"คะแนนรวม {fmt(score)} อยู่นอกช่วง 0–100",
                    f"the overall score {fmt(score)} is outside 0–100",
                    **check.values,
                )
            )
    return out


def rule_conflicts(ctx: Context) -> list[Finding]:
    out = []
    for check in ctx.of("INDICATOR_CONFLICT"):
        number = check.values["number"]
        th, en = indicator_label(number)
        kept, other = check.values["kept"], check.values["other"]
        out.append(
            finding(
                "INDICATOR_CONFLICT",
                check.page,
                f"indicator {number}",
                f"{th} อ่านคะแนนได้สองค่าไม่ตรงกัน: {fmt(kept)} และ {fmt(other)} (ใช้ค่าแรก)",
                f"{en} is read as {fmt(kept)} and as {fmt(other)}; the first is kept",
                **check.values,
            )
        )
    return out


def rule_level_band(ctx: Context) -> list[Finding]:
    """The stated level is the band of the stated overall, under the assessed year's framework."""
    if ctx.other_framework:
        return []
    out = []
    for check in ctx.of("LEVEL_BAND"):
        stated, expected = str(check.values["stated"]), str(check.values["expected"])
        score = float(check.values["overall_score"])
        year = ctx.record.document.assessed_year
        if stated in ("PASS", "FAIL"):
            frame_th, frame_en = f"เกณฑ์ผ่าน ({fmt(PASS_MARK)} คะแนนขึ้นไป)", f"pass mark {fmt(PASS_MARK)}"
            if year is not None and year >= PASS_FAIL_FROM:
                frame_th += f" ที่ใช้ตั้งแต่ ITA {PASS_FAIL_FROM}"
                frame_en += f" used from ITA {PASS_FAIL_FROM}"
        else:
            frame_th, frame_en = "ช่วงคะแนนของระดับ AA–F", "AA–F score bands"
            if year is not None and year >= PASS_FAIL_FROM:
                frame_th += (
                    f" (ตั้งแต่ ITA {PASS_FAIL_FROM} สำนักงาน ป.ป.ช. รายงานผ่าน/ไม่ผ่าน แต่ระดับที่เขียนไว้ยังต้องตรงช่วง)"
                )
                frame_en += (
                    f" (the NACC reports pass/fail from ITA {PASS_FAIL_FROM}; grades keep their bands)"
                )
        out.append(
            finding(
                "LEVEL_BAND",
                check.page,
                "document",
                f"ระดับ {level_th(stated)} ไม่ตรงกับคะแนนรวม {fmt(score)} "
                f"ซึ่งตาม{frame_th} คะแนนนี้อยู่ในระดับ {level_th(expected)}",
                f"level {stated} does not match the overall {fmt(score)}, which under the {frame_en} "
                f"is {expected}",
                **check.values,
            )
        )
    return out


def rule_overall(ctx: Context) -> list[Finding]:
    """The stated overall matches the weighted indicators (both shown)."""
    if ctx.other_framework:
        return []
    out = []
    for check in ctx.of("OVERALL_MISMATCH"):
        stated, computed = float(check.values["stated"]), float(check.values["computed"])
        diff = float(check.values["difference"])
        out.append(
            finding(
                "OVERALL_MISMATCH",
                check.page,
                "document",
                f"คะแนนรวมที่ระบุ {fmt(stated)} ไม่ตรงกับคะแนนที่คำนวณจากตัวชี้วัด {fmt(computed)} "
                f"(0.3·IIT + 0.3·EIT + 0.4·OIT) ต่างกัน {diff:+.2f}",
                f"the stated overall {fmt(stated)} differs from the weighted indicators {fmt(computed)} "
                f"(0.3·IIT + 0.3·EIT + 0.4·OIT) by {diff:+.2f}",
                **check.values,
            )
        )
    return out


def rule_fiscal_year(ctx: Context) -> list[Finding]:
    out = []
    for check in ctx.of("FISCAL_YEAR_MISMATCH"):
        fy, ay = check.values["fiscal_year"], check.values["assessed_year"]
        out.append(
            finding(
                "FISCAL_YEAR_MISMATCH",
                check.page,
                "document",
                f"ปีงบประมาณ {fy} ไม่ใช่ปีถัดจากปีที่ประเมิน {ay} (ควรเป็น {ay + 1})",
                f"fiscal year {fy} is not the assessed year {ay} + 1 ({ay + 1})",
                **check.values,
            )
        )
    return out


def rule_measures_present(ctx: Context) -> list[Finding]:
    return [
        finding("NO_MEASURES", None, "document", "ไม่พบตารางมาตรการ", "no measures table was found")
        for _ in ctx.of("NO_MEASURES")
    ]


def rule_indicators_have_measures(ctx: Context) -> list[Finding]:
    """Every indicator under 90, or named with issues to improve, has at least one measure."""
    if ctx.other_framework or not ctx.record.actions:
        return []  # no measures at all is NO_MEASURES, once
    out = []
    for ind, covered in indicators_needing_measures(ctx):
        if covered:
            continue
        th, en = indicator_label(ind.number)
        if ind.score is not None and ind.score < NEEDS_MEASURE_BELOW:
            why_th = f"ได้คะแนน {fmt(ind.score)} ต่ำกว่า {NEEDS_MEASURE_BELOW:.0f}"
            why_en = f"scored {fmt(ind.score)}, under {NEEDS_MEASURE_BELOW:.0f},"
        else:
            why_th, why_en = "มีประเด็นที่ต้องปรับปรุง", "has issues to improve"
        out.append(
            finding(
                "INDICATOR_WITHOUT_MEASURE",
                ind.page,
                f"indicator {ind.number}",
                f"{th} {why_th} แต่ไม่มีมาตรการใดระบุถึงตัวชี้วัดนี้",
                f"{en} {why_en} but no measure names it",
                number=ind.number,
                score=ind.score,
            )
        )
    return out


def _measures_lacking(
    ctx: Context, has: Callable[[Action], bool], code: str, th: str, en: str
) -> list[Finding]:
    """One finding per measure that lacks what ``has`` tests: ``code`` with "<row> <th>" and
    "<row> <en>" as its messages."""
    out = []
    for act in ctx.record.actions:
        if not has(act):
            row_th, row_en = _row(act)
            out.append(finding(code, act.page, row_en, f"{row_th} {th}", f"{row_en} {en}", row=act.row))
    return out


def rule_measure_units(ctx: Context) -> list[Finding]:
    """Every measure names a responsible unit."""
    return _measures_lacking(ctx, has_unit, "MEASURE_NO_UNIT", "ไม่ระบุผู้รับผิดชอบ", "has no responsible unit")


def rule_measure_periods(ctx: Context) -> list[Finding]:
    """Every measure has a period that gives dates in or next to the fiscal year."""
    unparsed = {c.values.get("row"): c for c in ctx.of("PERIOD_UNPARSED")}
    fy = ctx.fiscal_year
    out = []
    for act in ctx.record.actions:
        th, en = _row(act)
        text = act.period.text or ""
        if act.row in unparsed:
            out.append(
                finding(
                    "PERIOD_UNPARSED",
                    unparsed[act.row].page,
                    en,
                    f"{th}: ระยะเวลา “{text}” อ่านเป็นวันที่ไม่ได้",
                    f"{en}: the period “{text}” gives no dates",
                    row=act.row,
                    text=text,
                )
            )
        elif not has_period_text(act):
            out.append(
                finding(
                    "PERIOD_MISSING",
                    act.page,
                    en,
                    f"{th} ไม่ระบุระยะเวลาดำเนินการ",
                    f"{en} gives no period",
                    row=act.row,
                )
            )
        elif fy is not None and period_in_window(act, fy) is False:
            start = act.period.start.isoformat() if act.period.start else "…"
            end = act.period.end.isoformat() if act.period.end else "…"
            out.append(
                finding(
                    "PERIOD_OUTSIDE_YEAR",
                    act.page,
                    en,
                    f"{th}: ระยะเวลา “{text}” ({start} ถึง {end}) อยู่นอกปีงบประมาณ {fy} และปีที่ติดกัน",
                    f"{en}: the period “{text}” ({start} to {end}) lies outside fiscal year {fy} "
                    "and the years next to it",
                    row=act.row,
                    text=text,
                    start=act.period.start.isoformat() if act.period.start else None,
                    end=act.period.end.isoformat() if act.period.end else None,
                    fiscal_year=fy,
                )
            )
    return out


def rule_measure_follow_up(ctx: Context) -> list[Finding]:
    """Every measure says how it is followed up or reported."""
    return _measures_lacking(
        ctx,
        has_follow_up,
        "MEASURE_NO_FOLLOW_UP",
        "ไม่ระบุวิธีการติดตามหรือการรายงานผล",
        "gives no way of following up or reporting",
    )


#: Pages or pictures left unread, as the extract's checks report them: the finding's Thai and English
#: text (``{n}`` the page), and the check statuses that hold nothing to list (a blank scanned page, a
#: picture with no text read with confidence such as a photo).
_UNREAD: dict[str, tuple[str, str, frozenset[str]]] = {
    "OCR_PAGE_NOT_READ": (
        "หน้า {n} เป็นภาพสแกนที่อ่านด้วย OCR ไม่ได้ ค่าในหน้านี้จึงอาจขาดหายไป",
        "page {n} is a scan OCR could not read ({status}); its values may be missing",
        frozenset({"blank"}),
    ),
    "PAGES_NOT_READ": (
        "หน้า {n} เป็นภาพสแกนที่ยังไม่ได้อ่านด้วย OCR ค่าในหน้านี้จึงอาจขาดหายไป",
        "page {n} is a scan that was not read by OCR; its values may be missing",
        frozenset(),
    ),
    "OCR_REGION_NOT_READ": (
        "ภาพในหน้า {n} อ่านด้วย OCR ไม่ได้ ค่าในภาพนี้จึงอาจขาดหายไป",
        "a picture on page {n} could not be read by OCR; its values may be missing",
        frozenset({"unreadable"}),
    ),
    "PICTURES_NOT_READ": (
        "ภาพในหน้า {n} ยังไม่ได้อ่านด้วย OCR ค่าในภาพจึงอาจขาดหายไป",
        "the pictures on page {n} were not read by OCR; values in them may be missing",
        frozenset(),
    ),
}


def rule_pages_read(ctx: Context) -> list[Finding]:
    out = []
    for code, (thai, english, nothing_to_list) in _UNREAD.items():
        for check in ctx.of(code):
            n, status = check.page, check.values.get("status", "")
            if status in nothing_to_list:
                continue
            out.append(
                finding(
                    code,
                    n,
                    f"page {n}",
                    thai.format(n=n),
                    english.format(n=n, status=status),
                    **check.values,
                )
            )
    return out


def _low(confidence: float | None) -> bool:
    return confidence is not None and confidence < LOW_CONFIDENCE


def _value_boxes(rec: ExtractionRecord) -> list[tuple[int, BBox]]:
    """Page and box of every value the record keeps (scores, facts, measure cells)."""
    boxes = [(i.page, i.box) for i in rec.indicators if i.box]
    boxes += [(s.page, s.box) for s in rec.document.sources.values() if s.box]
    boxes += [(s.page, s.box) for a in rec.actions for ss in a.sources.values() for s in ss if s.box]
    return boxes


def rule_ocr_confidence(ctx: Context) -> list[Finding]:
    """OCR'd values with low confidence, listed for checking by hand: indicator scores, document
    facts and period cells under :data:`LOW_CONFIDENCE`, and every number inside a value the record
    keeps whose two OCR readings disagreed (the record's ``OCR_LOW_CONFIDENCE``), unless that
    value is listed already."""
    rec = ctx.record
    out: list[Finding] = []
    listed: list[tuple[int, BBox]] = []
    for ind in rec.indicators:
        if _low(ind.confidence):
            th, en = indicator_label(ind.number)
            shown = ind.score_raw or (fmt(ind.score) if ind.score is not None else "")
            out.append(
                finding(
                    "OCR_LOW_CONFIDENCE",
                    ind.page,
                    f"indicator {ind.number}",
                    f"คะแนน{th} ปี {ind.year} อ่านด้วย OCR ได้ “{shown}” ความเชื่อมั่น {ind.confidence:.2f} "
                    "ควรตรวจสอบกับต้นฉบับ",
                    f"the score of {en} for {ind.year} was read by OCR as “{shown}” with confidence "
                    f"{ind.confidence:.2f}: check by hand",
                    value=shown,
                    confidence=ind.confidence,
                    box=ind.box.as_list() if ind.box else None,
                )
            )
            if ind.box:
                listed.append((ind.page, ind.box))
    for name, source in rec.document.sources.items():
        if _low(source.confidence):
            th, en = _FACT_TH.get(name, (name, name.replace("_", " ")))
            out.append(
                finding(
                    "OCR_LOW_CONFIDENCE",
                    source.page,
                    "document",
                    f"{th} อ่านด้วย OCR ได้ “{source.raw}” ความเชื่อมั่น {source.confidence:.2f} ควรตรวจสอบกับต้นฉบับ",
                    f"the {en} was read by OCR from “{source.raw}” with confidence "
                    f"{source.confidence:.2f}: check by hand",
                    field=name,
                    value=source.raw,
                    confidence=source.confidence,
                )
            )
    for act in rec.actions:
        for source in act.sources.get("period", []):
            if _low(source.confidence):
                th, en = _row(act)
                out.append(
                    finding(
                        "OCR_LOW_CONFIDENCE",
                        source.page,
                        en,
                        f"{th}: ระยะเวลาอ่านด้วย OCR ได้ “{source.raw}” ความเชื่อมั่น {source.confidence:.2f} "
                        "ควรตรวจสอบกับต้นฉบับ",
                        f"{en}: the period was read by OCR as “{source.raw}” with confidence "
                        f"{source.confidence:.2f}: check by hand",
                        row=act.row,
                        value=source.raw,
                        confidence=source.confidence,
                    )
                )
    values = _value_boxes(rec)
    for check in ctx.of("OCR_LOW_CONFIDENCE"):
        box = check.values.get("box")
        if check.page is not None and box and len(box) == 4:
            cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            if any(p == check.page and b.contains_point(cx, cy, 1.0) for p, b in listed):
                continue  # that value is listed above
            if not any(p == check.page and b.contains_point(cx, cy, 1.0) for p, b in values):
                continue  # a number the record does not keep (a difference column, a page number)
        text, other = check.values.get("text", ""), check.values.get("other", "")
        out.append(
            finding(
                "OCR_LOW_CONFIDENCE",
                check.page,
                f"page {check.page}",
                f"หน้า {check.page}: ตัวเลขอ่านด้วย OCR ได้ “{text}” แต่อีกวิธีอ่านได้ “{other}” ควรตรวจสอบกับต้นฉบับ",
                f"page {check.page}: a number read by OCR as “{text}”, but also as “{other}”: check by hand",
                **check.values,
            )
        )
    return out


#: Every rule, in the order findings are listed.
RULE_FUNCTIONS: tuple[Callable[[Context], list[Finding]], ...] = (
    rule_previous_result,
    rule_years,
    rule_facts,
    rule_framework,
    rule_indicators_scored,
    rule_scores_in_range,
    rule_conflicts,
    rule_level_band,
    rule_overall,
    rule_fiscal_year,
    rule_measures_present,
    rule_indicators_have_measures,
    rule_measure_units,
    rule_measure_periods,
    rule_measure_follow_up,
    rule_pages_read,
    rule_ocr_confidence,
)


def run_rules(ctx: Context) -> list[Finding]:
    """Every finding of one record.  A file that is not an ITA document gets that finding (and
    unread pages, which may be why) and nothing else."""
    if not ctx.is_ita:
        return rule_not_ita(ctx) + rule_pages_read(ctx)
    return [f for rule in RULE_FUNCTIONS for f in rule(ctx)]


# --- completeness ---------------------------------------------------------------------------------

#: The completeness score's parts: letter, weight (the weights add up to 100), Thai, English.
COMPLETENESS_PARTS: tuple[tuple[str, int, str, str], ...] = (
    (
        "R",
        15,
        "สัดส่วนที่ระบุไว้ของ คะแนนรวม ระดับ ปีงบประมาณ และปีที่ประเมิน",
        "share of {overall score, level, fiscal year, assessed year} stated",
    ),
    (
        "I",
        35,
        "สัดส่วนของตัวชี้วัดทั้ง 10 ตัวที่มีคะแนนของปีที่ประเมิน",
        "share of the ten indicators with a score for the assessed year",
    ),
    (
        "C",
        20,
        "สัดส่วนของตัวชี้วัดที่ต้องมีมาตรการ (คะแนนต่ำกว่า 90 หรือมีประเด็นที่ต้องปรับปรุง) ที่มีมาตรการรองรับ "
        "(เป็น 1 หากไม่มีตัวชี้วัดใดต้องมี)",
        "share of the indicators needing a measure (under 90, or with issues to improve) that have one "
        "(1 if none needs one)",
    ),
    (
        "M",
        30,
        "ค่าเฉลี่ยของทุกมาตรการ ของสัดส่วนที่ระบุไว้ของ ผู้รับผิดชอบ ระยะเวลาที่อ่านเป็นวันที่ได้และอยู่ในหรือติดกับ"
        "ปีงบประมาณ และการติดตามหรือรายงานผล (เป็น 0 หากไม่มีมาตรการ)",
        "mean over measures of the share of {responsible unit, period dated in or next to the fiscal year, "
        "follow-up or reporting} present (0 without measures)",
    ),
)
COMPLETENESS_EQUATION = "completeness = " + " + ".join(f"{w}·{k}" for k, w, _, _ in COMPLETENESS_PARTS)
COMPLETENESS_NOTE = (
    "A file that is not an ITA measures document scores 0; a result assessed before 2562 (the old "
    "framework) gets I = C = 1.  Completeness counts what is there, not whether it adds up: "
    "OVERALL_MISMATCH and LEVEL_BAND are findings, not points."
)
COMPLETENESS_NOTE_TH = (
    "เอกสารที่ไม่ใช่เอกสารมาตรการ ITA ได้ 0; ผลการประเมินก่อนปี 2562 (กรอบการประเมินแบบเดิม) ให้ I = C = 1; "
    "ความครบถ้วนนับเฉพาะสิ่งที่ระบุไว้ ไม่ได้วัดความถูกต้องของตัวเลข: OVERALL_MISMATCH และ LEVEL_BAND "
    "เป็นข้อค้นพบ ไม่ได้หักคะแนน"
)
COMPLETENESS_FORMULA = (
    f"{COMPLETENESS_EQUATION}, where "
    + "; ".join(f"{k} = {en}" for k, _, _, en in COMPLETENESS_PARTS)
    + f". {COMPLETENESS_NOTE}"
)


@dataclass(frozen=True, slots=True)
class Completeness:
    """The completeness score (0–100) and its four parts R, I, C, M (0–1 each); see
    :data:`COMPLETENESS_FORMULA`."""

    score: float
    result: float
    indicators: float
    coverage: float
    measures: float


def _measure_parts(act: Action, fiscal_year: int | None) -> float:
    dated = act.period.end is not None or act.period.start is not None
    in_year = dated and period_in_window(act, fiscal_year) is not False
    return (has_unit(act) + in_year + has_follow_up(act)) / 3


def completeness(ctx: Context) -> Completeness:
    """The completeness of one record (:data:`COMPLETENESS_FORMULA`)."""
    if not ctx.is_ita:
        return Completeness(0.0, 0.0, 0.0, 0.0, 0.0)
    doc = ctx.record.document
    stated = [doc.overall_score, doc.level, doc.fiscal_year, doc.assessed_year]
    result = sum(v is not None for v in stated) / len(stated)
    if ctx.other_framework:
        indicators = coverage = 1.0
    else:
        scored = {i.number for i in ctx.assessed if i.score is not None}
        indicators = len(scored & set(BY_NUMBER)) / len(BY_NUMBER)
        needing = indicators_needing_measures(ctx)
        coverage = sum(c for _, c in needing) / len(needing) if needing else 1.0
    acts = ctx.record.actions
    measures = statistics.fmean(_measure_parts(a, ctx.fiscal_year) for a in acts) if acts else 0.0
    parts = (result, indicators, coverage, measures)
    score = sum(weight * part for (_, weight, _, _), part in zip(COMPLETENESS_PARTS, parts, strict=True))
    return Completeness(round(score, 1), result, indicators, coverage, measures)


def audit_context(record: ExtractionRecord) -> tuple[list[Finding], Completeness]:
    """Findings and completeness of one record."""
    ctx = context(record)
    return run_rules(ctx), completeness(ctx)


def severity_counts(findings: Sequence[Finding]) -> dict[Severity, int]:
    counts = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in Severity}
