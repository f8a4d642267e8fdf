"""Records for testing and measuring the audit: the samples' hand-written expected records as full
records, and any number of synthetic records varied from them (deterministic for a seed).

``samples/<name>.expected.json`` holds the facts, indicators and actions a person read off each
sample (see ``samples/EXPECTED.md``) but no provenance boxes; :func:`record_from_expected` turns one
into an :class:`~schemas.record.ExtractionRecord` with the checks the extractor would add, so the
audit can be run on the truth as well as on what ``pipeline.extract`` reads.  Used by the tests and
by ``bench/audit.py``; the audit itself does not need it.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from extractors.ita.checks import check_document, weighted_overall
from extractors.ita.vocabulary import BY_NUMBER, level_for_score
from schemas import PageKind
from schemas.record import (
    Action,
    DocumentFacts,
    ExtractionRecord,
    Indicator,
    Period,
    Source,
)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def record_from_expected(expected: dict[str, Any], name: str) -> ExtractionRecord:
    """A full record from an expected record (no boxes; checks as :func:`check_document` gives them)."""
    doc = expected["document"]
    facts = DocumentFacts(
        **{k: doc.get(k) for k in DocumentFacts.__dataclass_fields__ if k not in ("sources", "candidates")}
    )
    indicators = [
        Indicator(
            number=i["number"],
            name=BY_NUMBER[i["number"]].name,
            name_raw=i.get("name_raw"),
            instrument=BY_NUMBER[i["number"]].instrument,
            score=i.get("score"),
            score_raw=i.get("score_raw"),
            year=i.get("year"),
            issues=i.get("issues"),
            page=i["page"],
            box=None,
            origin="table",
        )
        for i in expected["indicators"]
    ]
    actions = [
        Action(
            row=n,
            issue=a.get("issue"),
            measure=a.get("measure"),
            steps=list(a.get("steps") or []),
            results=list(a.get("results") or []),
            responsible=list(a.get("responsible") or []),
            period=Period(
                a["period"].get("text"), _date(a["period"].get("start")), _date(a["period"].get("end"))
            ),
            follow_up=a.get("follow_up"),
            indicator_numbers=list(a.get("indicator_numbers") or []),
            inherited=list(a.get("inherited") or []),
            page=a["page"],
            pages=[a["page"]],
        )
        for n, a in enumerate(expected["actions"], 1)
    ]
    pages = max([1, *(i.page for i in indicators), *(a.page for a in actions)])
    source = Source(f"{name}.pdf", "0" * 64, pages, [PageKind.TEXT] * pages)
    return ExtractionRecord(source, facts, indicators, actions, check_document(facts, indicators, actions))


def expected_records(samples: Path, include_scanned: bool = False) -> dict[str, ExtractionRecord]:
    """Every ``samples/*.expected.json`` as a record, by sample name (scanned twins left out unless
    asked for: their expected records are their text twins')."""
    out = {}
    for path in sorted(samples.glob("*.expected.json")):
        name = path.name.removesuffix(".expected.json")
        if not include_scanned and ("-scanned" in name or name.startswith("mixed-")):
            continue
        out[name] = record_from_expected(json.loads(path.read_text(encoding="utf-8")), name)
    return out


# --- synthetic records ----------------------------------------------------------------------------

_PLACES = (
    "บ้านใหม่",
    "หนองบัว",
    "ทุ่งใหญ่",
    "ดอนแก้ว",
    "ป่าแดง",
    "สันทราย",
    "โคกสูง",
    "นาเกลือ",
    "เขาหลวง",
    "ท่าช้าง",
    "วังน้ำเย็น",
    "บางกระทุ่ม",
    "ห้วยทราย",
    "คลองสาม",
    "หนองหาน",
)
_KINDS = ("เทศบาลตำบล", "เทศบาลเมือง", "องค์การบริหารส่วนตำบล")
_PROVINCES = ("เชียงใหม่", "นครสวรรค์", "อุทัยธานี", "ตราด", "หนองบัวลำภู", "ขอนแก่น", "สงขลา", "ลำปาง")
_BAD_PERIODS = ("ตามความเหมาะสม", "เมื่อมีการร้องเรียน", "ตามแผน")


def _jitter(rng: random.Random, score: float) -> float:
    return round(min(100.0, max(0.0, score + rng.uniform(-9, 9))), 2)


def synthetic_record(base: ExtractionRecord, index: int, rng: random.Random) -> ExtractionRecord:
    """One synthetic document varied from ``base``: another agency, scores moved by up to ±9, the
    overall and level as the scores give them, a different number of measures; and, now and then,
    the defects the audit looks for (a missing indicator, a wrong level, an overall that does not
    add up, a measure with no unit, an unparseable period, no follow-up, a wrong fiscal year, no
    measures, a low OCR confidence)."""
    rec = copy.deepcopy(base)
    place = rng.choice(_PLACES)
    rec.document_id = f"synthetic-{index:05d}"
    rec.source = Source(f"{rec.document_id}.pdf", f"{index:064x}", rec.source.pages, rec.source.page_kinds)
    facts = rec.document
    facts.agency = f"{rng.choice(_KINDS)}{place}"
    facts.district, facts.province = place, rng.choice(_PROVINCES)
    shift = rng.choice((-1, 0, 0, 1))
    for attr in ("fiscal_year", "assessed_year"):
        value = getattr(facts, attr)
        setattr(facts, attr, value + shift if value is not None else None)
    for ind in rec.indicators:
        ind.year = ind.year + shift if ind.year is not None else None
        if ind.score is not None:
            ind.score = _jitter(rng, ind.score)
            ind.score_raw = f"{ind.score:.2f}"
    assessed = {
        i.number: i.score for i in rec.indicators if i.year == facts.assessed_year and i.score is not None
    }
    overall = weighted_overall(assessed)
    if overall is not None:
        facts.overall_score = round(overall, 2)
        facts.level = (
            level_for_score(overall) if facts.assessed_year and facts.assessed_year < 2566 else "PASS"
        )
        if facts.level == "PASS" and overall < 85:
            facts.level = "FAIL"
    for act in rec.actions:
        if act.period.start or act.period.end:
            years = 365 * shift
            act.period.start = act.period.start + dt.timedelta(days=years) if act.period.start else None
            act.period.end = act.period.end + dt.timedelta(days=years) if act.period.end else None
    # a different number of measures: drop some rows or repeat some
    n = max(1, min(len(rec.actions) + rng.randint(-3, 6), 20)) if rec.actions else 0
    rec.actions = [copy.deepcopy(rng.choice(base.actions)) for _ in range(n)] if base.actions else []
    for row, act in enumerate(rec.actions, 1):
        act.row = row
    _defects(rec, rng)
    rec.checks = check_document(rec.document, rec.indicators, rec.actions)
    return rec


def _defects(rec: ExtractionRecord, rng: random.Random) -> None:
    facts = rec.document
    if rng.random() < 0.05 and rec.indicators:
        victim = rng.choice(rec.indicators)
        rec.indicators = [i for i in rec.indicators if i is not victim]
    if rng.random() < 0.05 and facts.level in ("B", "C", "A"):
        facts.level = {"A": "AA", "B": "A", "C": "B"}[facts.level]
    if rng.random() < 0.08 and facts.overall_score is not None:
        facts.overall_score = round(facts.overall_score + rng.choice((-1, 1)) * rng.uniform(0.2, 3), 2)
    if rng.random() < 0.04:
        facts.overall_score = facts.level = None
    if rng.random() < 0.03 and facts.fiscal_year is not None:
        facts.fiscal_year += 1
    if rng.random() < 0.02:
        rec.actions = []
    for act in rec.actions:
        roll = rng.random()
        if roll < 0.04:
            act.responsible = []
        elif roll < 0.08:
            act.period = Period(rng.choice(_BAD_PERIODS))
        elif roll < 0.16:
            act.follow_up, act.results = None, []
    if rng.random() < 0.05 and rec.indicators:
        ind = rng.choice(rec.indicators)
        ind.confidence = round(rng.uniform(0.3, 0.69), 3)


def synthetic_records(
    bases: Sequence[ExtractionRecord], count: int, seed: int = 6
) -> Iterator[ExtractionRecord]:
    """``count`` synthetic records, cycling through ``bases``; the same for the same seed."""
    rng = random.Random(seed)
    for index in range(count):
        yield synthetic_record(bases[index % len(bases)], index, rng)
