"""The completeness audit over a folder of records (``ita audit OUT/``).

Reads every ``*.json`` in the folder that is an ITA record (what ``ita extract`` and ``ita batch``
write), runs the audit rules (:mod:`pipeline.audit.rules`) on each, and gives the rows of
``audit.csv`` (one per finding) and ``audit-documents.csv`` (one per document, with its
completeness); :mod:`pipeline.audit.report` writes them beside the HTML report.  A file that cannot
be read, or is JSON but not a record (a tables file, a batch manifest), is skipped with its reason
and the audit goes on.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.audit.rules import Completeness, Finding, audit_context, severity_counts
from pipeline.datapackage import DESCRIPTOR_NAME
from pipeline.output import read_json
from schemas import BBox, PageKind
from schemas.record import (
    SCHEMA_PATH,
    SCHEMA_VERSION,
    Action,
    Candidate,
    Check,
    DocumentFacts,
    ExtractionRecord,
    Indicator,
    Period,
    PreviousScore,
    Provenance,
    Severity,
    Source,
)

#: The keys every record has (schemas/ita-record.schema.json).
RECORD_KEYS = ("schema_version", "document_id", "source", "document", "indicators", "actions", "checks")


class RecordError(ValueError):
    """A JSON file that is not a readable ITA record; the message says why."""


@dataclass(slots=True)
class DocumentAudit:
    record: ExtractionRecord
    findings: list[Finding]
    completeness: Completeness
    path: str = ""  #: the record file it came from

    @property
    def counts(self) -> dict[Severity, int]:
        return severity_counts(self.findings)


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(slots=True)
class AuditResult:
    folder: str
    documents: list[DocumentAudit] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


# --- records from JSON ----------------------------------------------------------------------------


def _box(value: Any) -> BBox | None:
    return BBox(*(float(v) for v in value)) if value else None


def _provenance(data: dict[str, Any]) -> Provenance:
    return Provenance(
        int(data["page"]), _box(data.get("box")), str(data.get("raw") or ""), data.get("confidence")
    )


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _indicator(data: dict[str, Any]) -> Indicator:
    return Indicator(
        number=int(data["number"]),
        name=data["name"],
        name_raw=data.get("name_raw"),
        instrument=data["instrument"],
        score=None if data.get("score") is None else float(data["score"]),
        score_raw=data.get("score_raw"),
        year=data.get("year"),
        issues=data.get("issues"),
        page=int(data["page"]),
        box=_box(data.get("box")),
        origin=data.get("origin", "table"),
        confidence=data.get("confidence"),
        previous=_previous(data.get("previous")),
    )


def _previous(data: dict[str, Any] | None) -> PreviousScore | None:
    if not data:
        return None
    return PreviousScore(
        int(data["year"]), float(data["score"]), str(data["score_raw"]), _provenance(data["provenance"])
    )


def _candidate(data: dict[str, Any]) -> Candidate:
    return Candidate(
        data["value"], _provenance(data["source"]), str(data.get("why", "")), bool(data["chosen"])
    )


def _action(data: dict[str, Any]) -> Action:
    period = data.get("period") or {}
    return Action(
        row=int(data["row"]),
        issue=data.get("issue"),
        measure=data.get("measure"),
        steps=list(data.get("steps") or []),
        results=list(data.get("results") or []),
        responsible=list(data.get("responsible") or []),
        period=Period(period.get("text"), _date(period.get("start")), _date(period.get("end"))),
        follow_up=data.get("follow_up"),
        indicator_numbers=[int(n) for n in data.get("indicator_numbers") or []],
        inherited=list(data.get("inherited") or []),
        page=int(data["page"]),
        pages=[int(p) for p in data.get("pages") or [data["page"]]],
        sources={k: [_provenance(p) for p in v] for k, v in (data.get("sources") or {}).items()},
    )


def record_from_dict(data: Any) -> ExtractionRecord:
    """The typed record of ``ExtractionRecord.to_dict()`` output; :class:`RecordError` if ``data``
    is not one.

    >>> record_from_dict({"file": "x.pdf", "tables": []})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipeline.audit.folder.RecordError: not an ITA record: no schema_version, document_id, ...
    """
    if not isinstance(data, dict):
        raise RecordError(f"not an ITA record: the JSON is {type(data).__name__}, not an object")
    missing = [k for k in RECORD_KEYS if k not in data]
    if missing:
        shown = ", ".join(missing[:4]) + (", ..." if len(missing) > 4 else "")
        raise RecordError(f"not an ITA record: no {shown}")
    if not str(data["schema_version"]).startswith("1"):
        raise RecordError(f"schema version {data['schema_version']!r} is not one this audit reads (1.x)")
    try:
        src, doc = data["source"], data["document"]
        facts = DocumentFacts(
            title=doc.get("title"),
            agency=doc.get("agency"),
            district=doc.get("district"),
            province=doc.get("province"),
            fiscal_year=doc.get("fiscal_year"),
            assessed_year=doc.get("assessed_year"),
            overall_score=None if doc.get("overall_score") is None else float(doc["overall_score"]),
            level=doc.get("level"),
            sources={k: _provenance(v) for k, v in (doc.get("sources") or {}).items()},
            candidates={k: [_candidate(c) for c in v] for k, v in (doc.get("candidates") or {}).items()},
        )
        source = Source(
            file=str(src["file"]),
            sha256=str(src.get("sha256", "")),
            pages=int(src.get("pages", 0)),
            page_kinds=[PageKind(k) for k in src.get("page_kinds", [])],
            ocr=list(src.get("ocr") or []),
        )
        checks = [
            Check(
                c["code"],
                Severity(c["severity"]),
                c.get("message", ""),
                c.get("page"),
                dict(c.get("values") or {}),
            )
            for c in data["checks"]
        ]
        return ExtractionRecord(
            source=source,
            document=facts,
            indicators=[_indicator(i) for i in data["indicators"]],
            actions=[_action(a) for a in data["actions"]],
            checks=checks,
            schema_version=str(data["schema_version"]),
            document_id=str(data["document_id"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        what = f"missing {err}" if isinstance(err, KeyError) else str(err)
        raise RecordError(f"a malformed ITA record ({type(err).__name__}: {what})") from err


@functools.cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def schema_problem(data: Any) -> str | None:
    """Why ``data`` is not a valid record of the published JSON Schema (the first problem, in one
    short line), or None.

    >>> schema_problem({"schema_version": "1.1"})
    "not an ITA record: 'document_id' is a required property"
    """
    error = next(iter(sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))), None)
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path)
    message = error.message if len(error.message) <= 120 else error.message[:119] + "…"
    return f"not an ITA record: {where + ': ' if where else ''}{message}"


def read_record(path: Path) -> ExtractionRecord:
    """One record file, validated against the schema before it is read; :class:`RecordError` with
    a plain reason if it is not one (not UTF-8, not JSON, nested too deep, or not a valid record)."""
    try:
        data = read_json(path)
    except OSError as err:
        raise RecordError(f"cannot be read ({err.strerror or err})") from err
    except ValueError as err:
        raise RecordError(str(err)) from err
    if not isinstance(data, dict) or not str(data.get("schema_version", "")).startswith("1"):
        return record_from_dict(data)  # its own plain message: no record at all, or another version
    problem = schema_problem({**data, "schema_version": SCHEMA_VERSION})  # 1.x records read alike
    if problem:
        raise RecordError(problem)
    return record_from_dict(data)


def record_files(folder: Path) -> list[Path]:
    """The ``*.json`` files of a folder, by name (hidden and temporary files, and the Data Package
    descriptor the tables come with, left out)."""
    return sorted(
        p
        for p in folder.glob("*.json")
        if not p.name.startswith(".") and p.name != DESCRIPTOR_NAME and p.is_file()
    )


def load_records(folder: Path) -> Iterator[tuple[Path, ExtractionRecord] | Skipped]:
    for path in record_files(folder):
        try:
            yield path, read_record(path)
        except RecordError as err:
            yield Skipped(str(path), str(err))


# --- the audit ------------------------------------------------------------------------------------


def audit_record(record: ExtractionRecord, path: str = "") -> DocumentAudit:
    findings, score = audit_context(record)
    return DocumentAudit(record, findings, score, path)


def audit_records(records: Sequence[ExtractionRecord | dict[str, Any]], folder: str = "") -> AuditResult:
    """Audit records already in memory (typed, or their JSON form)."""
    result = AuditResult(folder)
    for rec in records:
        typed = rec if isinstance(rec, ExtractionRecord) else record_from_dict(rec)
        result.documents.append(audit_record(typed))
    return result


def audit_folder(folder: Path, on_skip: Callable[[Skipped], None] | None = None) -> AuditResult:
    """Audit every ITA record in ``folder``; ``on_skip`` hears of each file that is skipped."""
    result = AuditResult(str(folder))
    for item in load_records(folder):
        if isinstance(item, Skipped):
            result.skipped.append(item)
            if on_skip:
                on_skip(item)
            continue
        path, record = item
        result.documents.append(audit_record(record, str(path)))
    return result


# --- tables ---------------------------------------------------------------------------------------

FINDING_COLUMNS = [
    "document_id",
    "file",
    "agency",
    "code",
    "severity",
    "page",
    "where",
    "message_th",
    "message_en",
    "values",
]
DOCUMENT_COLUMNS = [
    "document_id",
    "file",
    "agency",
    "province",
    "fiscal_year",
    "assessed_year",
    "overall_score",
    "level",
    "completeness",
    "result",
    "indicators",
    "coverage",
    "measures",
    "errors",
    "warnings",
    "info",
    "codes",
]


def finding_rows(result: AuditResult) -> list[list[Any]]:
    """``audit.csv``: one row per finding (header first)."""
    rows: list[list[Any]] = [list(FINDING_COLUMNS)]
    for doc in result.documents:
        rec = doc.record
        for f in doc.findings:
            rows.append(
                [
                    rec.document_id,
                    rec.source.file,
                    rec.document.agency or "",
                    f.code,
                    f.severity.value,
                    "" if f.page is None else f.page,
                    f.where,
                    f.th,
                    f.en,
                    json.dumps(f.values, ensure_ascii=False),
                ]
            )
    return rows


def document_rows(result: AuditResult) -> list[list[Any]]:
    """``audit-documents.csv``: one row per document with its completeness (header first)."""
    rows: list[list[Any]] = [list(DOCUMENT_COLUMNS)]
    for doc in result.documents:
        rec, c, n = doc.record, doc.completeness, doc.counts
        facts = rec.document
        rows.append(
            [
                rec.document_id,
                rec.source.file,
                facts.agency or "",
                facts.province or "",
                "" if facts.fiscal_year is None else facts.fiscal_year,
                "" if facts.assessed_year is None else facts.assessed_year,
                "" if facts.overall_score is None else facts.overall_score,
                facts.level or "",
                c.score,
                round(c.result, 3),
                round(c.indicators, 3),
                round(c.coverage, 3),
                round(c.measures, 3),
                n[Severity.ERROR],
                n[Severity.WARNING],
                n[Severity.INFO],
                " ".join(sorted({f.code for f in doc.findings})),
            ]
        )
    return rows


def summary(result: AuditResult) -> dict[str, Any]:
    """Counts for a log line or a machine: documents, skipped files, findings by severity and code."""
    by_code: dict[str, int] = {}
    by_severity = {s.value: 0 for s in Severity}
    for doc in result.documents:
        for f in doc.findings:
            by_code[f.code] = by_code.get(f.code, 0) + 1
            by_severity[f.severity.value] += 1
    return {
        "documents": len(result.documents),
        "skipped": len(result.skipped),
        "findings": sum(by_severity.values()),
        "by_severity": by_severity,
        "by_code": dict(sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
