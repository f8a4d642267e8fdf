"""A Frictionless Data Package (``datapackage.json``) describing the combined CSV tables.

Thai open-data portals run CKAN, which reads Data Packages: with this file beside ``documents.csv``
and the rest, a system loads the tables with their types, keys, Thai and English descriptions and
the CSV dialect (UTF-8 with a BOM, CRLF) without a person in between.  The descriptor is written by
``ita extract`` and ``ita batch`` next to the tables they write; it describes only the CSV tables
present (Parquet and SQLite carry their own types).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.output import BATCH_TABLE_COLUMNS, COLUMN_TYPES, to_json, write_atomic
from schemas.record import SCHEMA_VERSION

DESCRIPTOR_NAME = "datapackage.json"

#: Table Schema types of the SQL column types; lists are one item per line, text.
_TYPES = {"INTEGER": "integer", "REAL": "number", "TEXT": "string"}
#: Columns of a finer type than their SQL type.
_SPECIAL_TYPES = {("actions", "period_start"): "date", ("actions", "period_end"): "date"}

#: (English, Thai) description of each table.
TABLES: dict[str, tuple[str, str]] = {
    "documents": (
        "One row per document: the file, its pages and the facts of its ITA result.",
        "หนึ่งแถวต่อเอกสาร: ไฟล์ จำนวนหน้า และข้อมูลผลการประเมิน ITA ของหน่วยงาน",
    ),
    "indicators": (
        "One row per indicator score read from a document (ten indicators per assessed year).",
        "หนึ่งแถวต่อคะแนนตัวชี้วัดที่อ่านได้จากเอกสาร (ตัวชี้วัด 10 ตัวต่อปีที่ประเมิน)",
    ),
    "actions": (
        "One row per measure (a row of a measures table, stitched across pages).",
        "หนึ่งแถวต่อมาตรการ (แถวของตารางมาตรการ ต่อเนื่องข้ามหน้า)",
    ),
    "checks": (
        "One row per consistency check a document failed or a fact it lacks.",
        "หนึ่งแถวต่อผลการตรวจสอบความสอดคล้องหรือข้อมูลที่ขาดของเอกสาร",
    ),
    "errors": (
        "One row per file that gave no record, with the reason.",
        "หนึ่งแถวต่อไฟล์ที่อ่านไม่ได้ พร้อมเหตุผล",
    ),
    "files": (
        "One row per file the sources named: read, duplicate of another file, failed or missing.",
        "หนึ่งแถวต่อไฟล์ที่ระบุ: อ่านแล้ว ซ้ำกับไฟล์อื่น อ่านไม่ได้ หรือไม่พบ",
    ),
}

#: (English, Thai) description of each column; a column of the same name means the same everywhere.
FIELDS: dict[str, tuple[str, str]] = {
    "document_id": ("The document's id: its file name without the extension.", "รหัสเอกสาร: ชื่อไฟล์ไม่รวมนามสกุล"),
    "file": ("The file's name or path.", "ชื่อหรือที่อยู่ของไฟล์"),
    "sha256": ("SHA-256 of the file's bytes.", "ค่า SHA-256 ของเนื้อไฟล์"),
    "pages": ("Number of pages.", "จำนวนหน้า"),
    "page_kinds": ("Each page's kind: text, scanned or empty.", "ชนิดของแต่ละหน้า: ข้อความ สแกน หรือว่าง"),
    "title": ("The document's title.", "ชื่อเรื่องของเอกสาร"),
    "agency": ("The agency that published it.", "หน่วยงานที่จัดทำ"),
    "district": ("The agency's district (amphoe).", "อำเภอของหน่วยงาน"),
    "province": ("The agency's province.", "จังหวัดของหน่วยงาน"),
    "fiscal_year": ("Fiscal year of the measures, Buddhist Era.", "ปีงบประมาณของมาตรการ (พ.ศ.)"),
    "assessed_year": (
        "Year of the ITA result analysed, Buddhist Era.",
        "ปีของผลการประเมิน ITA ที่วิเคราะห์ (พ.ศ.)",
    ),
    "overall_score": ("Overall ITA score, 0–100.", "คะแนน ITA ภาพรวม 0–100"),
    "level": ("Level: AA, A, B, C, D, E, F, PASS or FAIL.", "ระดับผลการประเมิน: AA A B C D E F ผ่าน หรือ ไม่ผ่าน"),
    "indicators": ("Number of indicator scores read.", "จำนวนคะแนนตัวชี้วัดที่อ่านได้"),
    "actions": ("Number of measures read.", "จำนวนมาตรการที่อ่านได้"),
    "errors": ("Number of error checks.", "จำนวนผลตรวจระดับข้อผิดพลาด"),
    "warnings": ("Number of warning checks.", "จำนวนผลตรวจระดับคำเตือน"),
    "year": ("Year of the score, Buddhist Era.", "ปีของคะแนน (พ.ศ.)"),
    "number": ("Indicator number, 1–10.", "ลำดับตัวชี้วัด 1–10"),
    "name": ("Indicator's canonical name.", "ชื่อตัวชี้วัดตามเกณฑ์"),
    "name_raw": ("Indicator's name as printed.", "ชื่อตัวชี้วัดตามที่พิมพ์ในเอกสาร"),
    "instrument": ("Instrument: IIT, EIT or OIT.", "เครื่องมือ: IIT EIT หรือ OIT"),
    "score": ("Score, 0–100.", "คะแนน 0–100"),
    "previous_year": (
        "BE year of the earlier score printed beside it (a two-year table).",
        "ปี พ.ศ. ของคะแนนปีก่อนที่พิมพ์ไว้คู่กัน (ตารางสองปี)",
    ),
    "previous_score": ("The indicator's score in that earlier year.", "คะแนนของตัวชี้วัดในปีก่อนนั้น"),
    "score_raw": ("Score as printed.", "คะแนนตามที่พิมพ์ในเอกสาร"),
    "issues": ("Issues to improve, as printed.", "ประเด็นที่ต้องพัฒนาตามที่พิมพ์"),
    "page": ("Page the value came from (1-based).", "หน้าที่พบข้อมูล (เริ่มที่ 1)"),
    "box": ("Box on the page in points: x0, top, x1, bottom.", "กรอบบนหน้า (พอยต์): x0 บน x1 ล่าง"),
    "origin": ("Where the score was read: table or text.", "แหล่งที่อ่านคะแนน: ตาราง หรือ ข้อความ"),
    "row": ("The measure's row number in the document.", "ลำดับแถวของมาตรการในเอกสาร"),
    "issue": ("The issue the measure addresses.", "ประเด็นที่มาตรการมุ่งแก้"),
    "measure": ("The measure (มาตรการ).", "มาตรการ"),
    "steps": ("Steps or methods, one per line.", "ขั้นตอน/วิธีการ บรรทัดละหนึ่งข้อ"),
    "results": ("Expected results or targets.", "ผลที่คาดว่าจะได้รับหรือเป้าหมาย"),
    "responsible": ("Responsible units, one per line.", "หน่วยงานหรือผู้รับผิดชอบ บรรทัดละหนึ่ง"),
    "period_text": ("The period as printed.", "ระยะเวลาดำเนินการตามที่พิมพ์"),
    "period_start": ("First day of the period (ISO date).", "วันเริ่มของระยะเวลา (วันที่แบบ ISO)"),
    "period_end": ("Last day of the period (ISO date).", "วันสิ้นสุดของระยะเวลา (วันที่แบบ ISO)"),
    "follow_up": ("Follow-up or reporting.", "การติดตามและรายงานผล"),
    "indicator_numbers": ("Indicators the measure names, separated by ;.", "ตัวชี้วัดที่มาตรการอ้างถึง คั่นด้วย ;"),
    "inherited": ("Fields taken from the row above, separated by ;.", "ช่องที่รับค่าจากแถวบน คั่นด้วย ;"),
    "code": ("Check code.", "รหัสผลการตรวจ"),
    "severity": ("Severity: error, warning or info.", "ความรุนแรง: ข้อผิดพลาด คำเตือน หรือข้อมูล"),
    "message": ("What the check found, with both values.", "สิ่งที่ตรวจพบ พร้อมค่าทั้งสองด้าน"),
    "values": ("The check's values, as JSON.", "ค่าของผลการตรวจ (JSON)"),
    "kind": ("Why the file gave no record (unreadable, time-limit, ...).", "สาเหตุที่อ่านไม่ได้"),
    "reason": ("The reason in plain words.", "เหตุผล"),
    "size": ("File size in bytes.", "ขนาดไฟล์ (ไบต์)"),
    "status": ("read, duplicate, failed or missing.", "อ่านแล้ว ซ้ำ อ่านไม่ได้ หรือไม่พบ"),
    "duplicate_of": ("The file with the same bytes that was read.", "ไฟล์ที่มีเนื้อเดียวกันซึ่งถูกอ่านแล้ว"),
}
#: Where a column's meaning depends on its table.
_TABLE_FIELDS = {("actions", "pages"): ("Pages the row spans, separated by ;.", "หน้าที่แถวนี้อยู่ คั่นด้วย ;")}

_PRIMARY_KEYS = {
    "documents": ["document_id"],
    "actions": ["document_id", "row"],
    "errors": ["file"],
    "files": ["file"],
}
_FOREIGN = ("indicators", "actions", "checks")


def _field(table: str, column: str) -> dict[str, Any]:
    english, thai = _TABLE_FIELDS.get((table, column)) or FIELDS[column]
    kind = _SPECIAL_TYPES.get((table, column)) or _TYPES[COLUMN_TYPES.get(table, {}).get(column, "TEXT")]
    field: dict[str, Any] = {"name": column, "type": kind, "description": f"{english} / {thai}"}
    if column in _PRIMARY_KEYS.get(table, []):
        field["constraints"] = {"required": True}
    return field


def descriptor(tables: Iterable[str]) -> dict[str, Any]:
    """The Data Package descriptor of the named CSV tables (``documents``, ``files``, ...).

    >>> d = descriptor(["documents", "actions"])
    >>> [r["path"] for r in d["resources"]], d["resources"][1]["schema"]["primaryKey"]
    (['documents.csv', 'actions.csv'], ['document_id', 'row'])
    """
    names = [t for t in tables if t in TABLES]
    resources = []
    for table in names:
        english, thai = TABLES[table]
        schema: dict[str, Any] = {
            "fields": [_field(table, c) for c in BATCH_TABLE_COLUMNS[table]],
            "missingValues": [""],
        }
        if table in _PRIMARY_KEYS:
            schema["primaryKey"] = _PRIMARY_KEYS[table]
        if table in _FOREIGN and "documents" in names:
            schema["foreignKeys"] = [
                {"fields": ["document_id"], "reference": {"resource": "documents", "fields": ["document_id"]}}
            ]
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "title": table,
                "description": f"{english} / {thai}",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "ita-extract-tables",
        "title": "ITA measures documents, read by ita-extract / ข้อมูลจากเอกสารมาตรการ ITA",
        "description": (
            "Tables read from Thai agencies' ITA measures documents. Text cells that would start a "
            "spreadsheet formula (= + - @ tab CR) begin with an apostrophe, which is not part of the "
            "text. / ตารางข้อมูลที่อ่านจากเอกสารมาตรการ ITA ของหน่วยงานภาครัฐ"
        ),
        "version": SCHEMA_VERSION,
        "licenses": [{"name": "other-pd", "title": "The agencies' public documents"}],
        "resources": resources,
    }


def write_descriptor(out: Path, tables: Iterable[str]) -> Path:
    """Write ``datapackage.json`` into ``out`` for the CSV tables named."""
    path = out / DESCRIPTOR_NAME
    write_atomic(path, to_json(descriptor(tables)))
    return path
