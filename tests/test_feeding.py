"""Feeding other systems: the Data Package beside the CSV tables, and typed pandas frames."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline import frames
from pipeline.batch import batch
from pipeline.cli import main
from tests.conftest import DATA, SAMPLES

TEXT_SAMPLES = sorted(p for p in SAMPLES.glob("*.pdf") if "scanned" not in p.name and "mixed" not in p.name)


@pytest.fixture(scope="module")
def extract_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("extract")
    result = CliRunner().invoke(main, ["extract", *map(str, TEXT_SAMPLES), "-o", str(out), "--no-ocr"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for pdf in TEXT_SAMPLES[:3]:
        shutil.copy(pdf, src / pdf.name)
    shutil.copy(TEXT_SAMPLES[0], src / "copy.pdf")
    for broken in (DATA / "broken").glob("*.pdf"):
        shutil.copy(broken, src / broken.name)
    out = tmp_path_factory.mktemp("batch")
    batch([src], out, workers=1, ocr=False)
    return out


def validate(folder: Path) -> None:
    from frictionless import validate as frictionless_validate

    report = frictionless_validate(str(folder / "datapackage.json"))
    problems = [(task.name, error.type, error.message) for task in report.tasks for error in task.errors]
    assert report.valid, problems[:5]


def test_the_data_package_of_ita_extract_validates(extract_out: Path) -> None:
    validate(extract_out)
    descriptor = json.loads((extract_out / "datapackage.json").read_text("utf-8"))
    for resource in descriptor["resources"]:
        header = next(csv.reader(io.StringIO((extract_out / resource["path"]).read_text("utf-8-sig"))))
        assert [f["name"] for f in resource["schema"]["fields"]] == header
        assert all(" / " in f["description"] for f in resource["schema"]["fields"])  # English / Thai
        assert resource["encoding"] == "utf-8-sig" and resource["dialect"]["lineTerminator"] == "\r\n"


def test_the_data_package_of_ita_batch_validates_with_keys(batch_out: Path) -> None:
    validate(batch_out)
    descriptor = json.loads((batch_out / "datapackage.json").read_text("utf-8"))
    by_name = {r["name"]: r for r in descriptor["resources"]}
    assert set(by_name) == {"documents", "indicators", "actions", "checks", "errors", "files"}
    assert by_name["actions"]["schema"]["primaryKey"] == ["document_id", "row"]
    assert by_name["indicators"]["schema"]["foreignKeys"][0]["reference"]["resource"] == "documents"


def test_a_wrong_cell_fails_the_package(extract_out: Path, tmp_path: Path) -> None:
    from frictionless import validate as frictionless_validate

    copy = tmp_path / "copy"
    shutil.copytree(extract_out, copy)
    text = (copy / "indicators.csv").read_text("utf-8-sig").splitlines()
    cells = next(csv.reader([text[1]]))
    cells[6] = "not a number"  # score
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(cells)
    text[1] = buf.getvalue()
    (copy / "indicators.csv").write_text("\r\n".join(text) + "\r\n", encoding="utf-8-sig")
    assert not frictionless_validate(str(copy / "datapackage.json")).valid


def test_frames_are_typed_and_match_the_records(extract_out: Path) -> None:
    tables = frames(extract_out)
    assert set(tables) >= {"documents", "indicators", "actions", "checks", "files"}
    documents, indicators, actions = tables["documents"], tables["indicators"], tables["actions"]
    assert str(documents["fiscal_year"].dtype) == "Int64" and str(indicators["score"].dtype) == "Float64"
    assert isinstance(documents["level"].dtype, pd.CategoricalDtype)
    assert isinstance(tables["checks"]["severity"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(actions["period_start"])
    records = [json.loads(p.read_text("utf-8")) for p in sorted(extract_out.glob("*.json"))]
    records = [r for r in records if "schema_version" in r]
    assert len(documents) == len(records)
    assert len(indicators) == sum(len(r["indicators"]) for r in records)
    expected = sum(i["score"] for r in records for i in r["indicators"] if i["score"] is not None)
    assert indicators["score"].sum() == pytest.approx(expected)
    first = next(a for r in records for a in r["actions"] if a["steps"])
    row = actions[
        (actions["document_id"] == next(r["document_id"] for r in records if first in r["actions"]))
    ]
    row = row[row["row"] == first["row"]].iloc[0]
    assert row["steps"] == first["steps"] and isinstance(row["pages"], list)
    assert row["indicator_numbers"] == first["indicator_numbers"]


def test_frames_of_records_in_memory() -> None:
    from pipeline import extract

    record = extract(SAMPLES / "variant-two-years.pdf").to_dict()
    tables = frames([record])
    assert len(tables["indicators"]) == len(record["indicators"]) and "files" not in tables
