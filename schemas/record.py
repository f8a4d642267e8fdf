"""The extraction record: what ``ita extract`` writes for one document (schema version "1.2").

The JSON form is published as ``schemas/ita-record.schema.json`` (JSON Schema 2020-12); ``to_dict``
produces exactly that form.  Unknown values are ``None`` (JSON ``null``), never guessed.  Text fields
keep the document's own digits; numeric fields are numbers.  Boxes are PDF points, origin top-left,
``[x0, top, x1, bottom]``; pages are 1-based.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from schemas.model import BBox, Document, PageKind, PageText

#: 1.1 added OCR (``source.ocr``, confidences); 1.2 added ``document.candidates`` (every reading of
#: a fact, ranked, with why) and ``indicators[].previous`` (the other year of a two-year table).
SCHEMA_VERSION = "1.2"
SCHEMA_PATH = Path(__file__).with_name("ita-record.schema.json")

INSTRUMENTS = ("IIT", "EIT", "OIT")
#: The document facts, in the order the record, the CSV and the comparisons list them.
FACT_FIELDS = (
    "title",
    "agency",
    "district",
    "province",
    "fiscal_year",
    "assessed_year",
    "overall_score",
    "level",
)
LEVELS = ("AA", "A", "B", "C", "D", "E", "F", "PASS", "FAIL")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a value came from: its page, the box of its cell or line, and the text as printed."""

    page: int
    box: BBox | None
    raw: str
    confidence: float | None = None  #: 0..1 when the value was read by OCR; None from a text layer

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "box": self.box.as_list() if self.box else None,
            "raw": self.raw,
            "confidence": self.confidence,
        }


@dataclass(slots=True)
class Source:
    file: str
    sha256: str
    pages: int
    page_kinds: list[PageKind]
    ocr: list[dict[str, Any]] = field(default_factory=list)  #: how each scanned page (or picture) was read

    @classmethod
    def of(cls, document: Document) -> Source:
        """The record's account of the file it was read from."""
        return cls(
            file=document.file,
            sha256=document.sha256,
            pages=len(document.pages),
            page_kinds=[p.kind for p in document.pages],
            ocr=[_ocr_dict(p) for p in document.pages if p.ocr is not None],
        )


def _ocr_dict(page: PageText) -> dict[str, Any]:
    info = page.ocr
    assert info is not None
    return {
        "page": page.number,
        "status": info.status.value,
        "dpi": info.dpi,
        "rotation": info.rotation,
        "skew": info.skew,
        "stored_rotation": info.stored_rotation,
        "perspective": info.perspective,
        "illumination": info.illumination,
        "confidence": info.confidence,
        "seconds": info.seconds,
        "reason": info.reason,
        "regions": [
            {
                "box": r.box.as_list(),
                "kind": r.kind,
                "dpi": r.dpi,
                "confidence": r.confidence,
                "seconds": r.seconds,
                "reason": r.reason,
            }
            for r in info.regions
        ],
    }


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a document fact, kept beside the one chosen: where it is, and why it ranked
    where it did (``why``: plain words, e.g. ``"year 2566 is older than 2567 (a previous result)"``)."""

    value: str | int | float
    source: Provenance
    why: str
    chosen: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "chosen": self.chosen, "why": self.why, "source": self.source.to_dict()}


@dataclass(slots=True)
class DocumentFacts:
    title: str | None = None
    agency: str | None = None
    district: str | None = None
    province: str | None = None
    fiscal_year: int | None = None  #: BE year the measures are for
    assessed_year: int | None = None  #: BE year of the ITA result analysed
    overall_score: float | None = None
    level: str | None = None  #: one of LEVELS
    sources: dict[str, Provenance] = field(default_factory=dict)
    #: Every reading of a fact found in the document, best first (the chosen one is marked).
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PreviousScore:
    """An indicator's score of another (earlier) year, printed beside the assessed year's."""

    year: int
    score: float
    score_raw: str
    provenance: Provenance

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "score": self.score,
            "score_raw": self.score_raw,
            "provenance": self.provenance.to_dict(),
        }


@dataclass(slots=True)
class Indicator:
    number: int  #: 1..10
    name: str  #: canonical name
    name_raw: str | None  #: the name as the document writes it (None if it only gives the number)
    instrument: str  #: IIT / EIT / OIT, from the number
    score: float | None
    score_raw: str | None
    year: int | None  #: BE year the score belongs to (the assessed year unless the table says)
    issues: str | None  #: the document's "issues to improve" text for this indicator
    page: int
    box: BBox | None  #: the score's cell or line
    origin: str  #: "table" or "text"
    confidence: float | None = None  #: 0..1 when the score was read by OCR; None from a text layer
    #: The same indicator's score of the year before, when the table gives both years.
    previous: PreviousScore | None = None


@dataclass(slots=True)
class Period:
    text: str | None
    start: dt.date | None = None
    end: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass(slots=True)
class Action:
    """One logical row of a measures table (stitched across pages)."""

    row: int  #: 1-based order of the row in the document's measures tables
    issue: str | None
    measure: str | None
    steps: list[str]
    results: list[str]
    responsible: list[str]
    period: Period
    follow_up: str | None
    indicator_numbers: list[int]
    inherited: list[str]  #: fields taken from the row above (a sub-row that leaves them empty)
    page: int
    pages: list[int]
    sources: dict[str, list[Provenance]] = field(default_factory=dict)


@dataclass(slots=True)
class Check:
    code: str
    severity: Severity
    message: str
    page: int | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "page": self.page,
            "values": self.values,
        }


@dataclass(slots=True)
class ExtractionRecord:
    source: Source
    document: DocumentFacts
    indicators: list[Indicator]
    actions: list[Action]
    checks: list[Check]
    schema_version: str = SCHEMA_VERSION
    document_id: str = ""  #: the key that joins the CSV tables; the file's stem unless set

    def __post_init__(self) -> None:
        if not self.document_id:
            self.document_id = Path(self.source.file).stem

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "document_id": self.document_id,
            "source": {
                "file": self.source.file,
                "sha256": self.source.sha256,
                "pages": self.source.pages,
                "page_kinds": [k.value for k in self.source.page_kinds],
                "ocr": self.source.ocr,
            },
            "document": _facts_dict(self.document),
            "indicators": [_indicator_dict(i) for i in self.indicators],
            "actions": [_action_dict(a) for a in self.actions],
            "checks": [c.to_dict() for c in self.checks],
        }


def _facts_dict(facts: DocumentFacts) -> dict[str, Any]:
    return {
        "title": facts.title,
        "agency": facts.agency,
        "district": facts.district,
        "province": facts.province,
        "fiscal_year": facts.fiscal_year,
        "assessed_year": facts.assessed_year,
        "overall_score": facts.overall_score,
        "level": facts.level,
        "sources": {k: v.to_dict() for k, v in facts.sources.items()},
        "candidates": {k: [c.to_dict() for c in v] for k, v in facts.candidates.items()},
    }


def _indicator_dict(ind: Indicator) -> dict[str, Any]:
    return {
        "number": ind.number,
        "name": ind.name,
        "name_raw": ind.name_raw,
        "instrument": ind.instrument,
        "score": ind.score,
        "score_raw": ind.score_raw,
        "year": ind.year,
        "issues": ind.issues,
        "page": ind.page,
        "box": ind.box.as_list() if ind.box else None,
        "origin": ind.origin,
        "confidence": ind.confidence,
        "previous": ind.previous.to_dict() if ind.previous else None,
    }


def _action_dict(act: Action) -> dict[str, Any]:
    return {
        "row": act.row,
        "issue": act.issue,
        "measure": act.measure,
        "steps": act.steps,
        "results": act.results,
        "responsible": act.responsible,
        "period": act.period.to_dict(),
        "follow_up": act.follow_up,
        "indicator_numbers": act.indicator_numbers,
        "inherited": act.inherited,
        "page": act.page,
        "pages": act.pages,
        "sources": {k: [p.to_dict() for p in v] for k, v in act.sources.items()},
    }


@dataclass
class Interpretation:
    """What the interpret stage reads from a :class:`~schemas.model.Document`: the record's facts,
    indicators and actions before their checks, with what the check stage needs besides."""

    document: Document
    facts: DocumentFacts
    indicators: list[Indicator]
    actions: list[Action]
    #: Indicators read twice with different scores: (the one kept, the other reading).
    conflicts: list[tuple[Indicator, Indicator]] = field(default_factory=list)
    #: Whether it reads as an ITA measures document; when not, indicators and actions are empty.
    is_ita: bool = True
    #: What made it read as one or not: each kind of evidence looked for → what was found (or None).
    evidence: dict[str, Any] = field(default_factory=dict)

    def record(self, checks: list[Check]) -> ExtractionRecord:
        """The extraction record, with the checks the check stage found."""
        return ExtractionRecord(Source.of(self.document), self.facts, self.indicators, self.actions, checks)
