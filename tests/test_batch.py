"""``ita batch`` / ``pipeline.batch``: whole archives, resumable, isolated, local and on Dask.

The archive used here mixes the text samples, a duplicate, a nested folder, every kind of broken
file in ``tests/data/broken`` and a 150-page PDF made in the test session from sample pages.
Scanned samples are left out: OCR costs seconds per page and is tested elsewhere.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from pipeline.batch import batch
from pipeline.batch.combine import SQLITE_NAME, rebuild_tables
from pipeline.batch.executors import WorkerProcess
from pipeline.batch.manifest import MANIFEST_NAME, FileState, Manifest
from pipeline.batch.progress import ProgressView
from pipeline.batch.run import BatchFinished, BatchResult, BatchStarted, DocumentFinished
from pipeline.batch.sources import expand_sources
from pipeline.batch.types import BatchError, ErrorKind, ErrorRow, Limits, MissingExtra
from pipeline.cli import main
from pipeline.output import BATCH_TABLE_COLUMNS
from schemas.record import SCHEMA_VERSION
from tests.big_pdf import make_big_pdf
from tests.conftest import DATA, ROOT, SAMPLES

BROKEN = DATA / "broken"
TEXT_SAMPLES = [
    "santipatong-2565.pdf",
    "variant-arabic-digits.pdf",
    "variant-long-table.pdf",
    "variant-landscape.pdf",
    "variant-two-years.pdf",
]
BROKEN_REASONS = {
    "zero-byte.pdf": (ErrorKind.UNREADABLE, "is empty (0 bytes)"),
    "not-a-pdf.pdf": (ErrorKind.UNREADABLE, "is not a PDF (no %PDF header)"),
    "encrypted.pdf": (ErrorKind.UNREADABLE, "is encrypted (a password is needed to open it)"),
    "truncated.pdf": (ErrorKind.UNREADABLE, "is damaged or not a readable PDF"),
}
TABLES = list(BATCH_TABLE_COLUMNS)
BIG_PAGES = 150


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def big_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_big_pdf(tmp_path_factory.mktemp("big") / "big-150-pages.pdf")


def test_big_pdf_is_deterministic(big_pdf: Path, tmp_path: Path) -> None:
    again = make_big_pdf(tmp_path / "again.pdf")
    assert again.read_bytes() == big_pdf.read_bytes()
    doc = pdfium.PdfDocument(str(big_pdf))
    assert len(doc) == BIG_PAGES
    doc.close()


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory, big_pdf: Path) -> Path:
    """good/ (text samples), nested/deeper/, dup/ (a copy of a good file), broken/ (each kind),
    big/ (150 pages), and a note that is not a PDF."""
    root = tmp_path_factory.mktemp("archive")
    for name in TEXT_SAMPLES:
        _copy(SAMPLES / name, root / "good" / name)
    _copy(SAMPLES / "wangphai-2566.pdf", root / "nested" / "deeper" / "wangphai-2566.pdf")
    _copy(SAMPLES / TEXT_SAMPLES[0], root / "dup" / TEXT_SAMPLES[0])
    for name in BROKEN_REASONS:
        _copy(BROKEN / name, root / "broken" / name)
    _copy(big_pdf, root / "big" / big_pdf.name)
    (root / "notes.txt").write_text("ไม่ใช่ PDF", encoding="utf-8")
    return root


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


@pytest.fixture(scope="session")
def clean_run(tmp_path_factory: pytest.TempPathFactory, archive: Path) -> tuple[Path, BatchResult]:
    out = tmp_path_factory.mktemp("clean") / "out"
    return out, batch([archive], out, workers=2)


def _tables(out: Path) -> dict[str, Any]:
    """Every combined table, in every format, as comparable values."""
    import pyarrow.parquet as pq

    found: dict[str, Any] = {}
    db = sqlite3.connect(out / SQLITE_NAME)
    for table in TABLES:
        found[f"{table}.csv"] = (out / f"{table}.csv").read_bytes()
        found[f"{table}.parquet"] = pq.read_table(out / f"{table}.parquet").to_pylist()
        found[f"{table}.sqlite"] = db.execute(f'SELECT * FROM "{table}"').fetchall()
    db.close()
    return found


def _csv(out: Path, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(StringIO((out / f"{table}.csv").read_text(encoding="utf-8-sig"))))


def _manifest_rows(out: Path) -> list[sqlite3.Row]:
    db = sqlite3.connect(out / MANIFEST_NAME)
    db.row_factory = sqlite3.Row
    rows = db.execute("SELECT * FROM documents ORDER BY document_id").fetchall()
    db.close()
    return rows


# --- sources ------------------------------------------------------------------------------------


def test_sources_folders_patterns_and_lists(archive: Path, tmp_path: Path) -> None:
    found = expand_sources([archive])
    names = sorted(p.relative_to(archive).as_posix() for p in found.files)
    assert "notes.txt" not in names
    assert "nested/deeper/wangphai-2566.pdf" in names
    assert len(names) == len(TEXT_SAMPLES) + 1 + 1 + len(BROKEN_REASONS) + 1
    assert found.files == sorted(found.files), "files come in a fixed order"

    pattern = expand_sources([str(archive / "good" / "variant-*.pdf"), str(archive / "good")])
    assert len(pattern.files) == len(TEXT_SAMPLES), "a file named twice is read once"

    listing = tmp_path / "list.txt"
    listing.write_text(
        f"# archive list\n{archive / 'broken' / 'zero-byte.pdf'}\n\n{archive / 'nested'}\nmissing.pdf\n",
        encoding="utf-8",
    )
    listed = expand_sources([f"@{listing}", str(archive / "notes.txt"), "no-such-folder/*.pdf"])
    assert sorted(p.name for p in listed.files) == ["notes.txt", "wangphai-2566.pdf", "zero-byte.pdf"]
    reasons = {m.source: m.reason for m in listed.missing}
    assert reasons == {
        str(tmp_path / "missing.pdf"): "file not found",
        "no-such-folder/*.pdf": "no file matches this pattern",
    }
    assert expand_sources(["@nowhere.txt"]).missing[0].reason == "list file not found"

    out = archive / "good" / "out"
    out.mkdir()
    _copy(SAMPLES / TEXT_SAMPLES[0], out / "inside-out.pdf")
    try:
        assert not any(p.name == "inside-out.pdf" for p in expand_sources([archive], exclude=out).files)
    finally:
        shutil.rmtree(out)


# --- manifest and tables (no worker processes) ----------------------------------------------------


def test_manifest_ids_are_stable_and_unique(tmp_path: Path) -> None:
    with Manifest.open(tmp_path) as m:
        freed = m.register(
            [
                FileState("/a/report.pdf", 10, 1, "1" * 64),
                FileState("/b/report.pdf", 10, 1, "2" * 64),
                FileState("/c/copy-of-a.pdf", 10, 1, "1" * 64),
            ]
        )
        assert freed == []
        ids = {e.sha256[0]: e.document_id for e in m.entries()}
        assert ids == {"1": "report", "2": "report-22222222"}
        assert m.known_hash("/a/report.pdf", 10, 1) == "1" * 64
        assert m.known_hash("/a/report.pdf", 11, 1) is None, "a file whose size changed is hashed again"
        # /b changes: its old content is nobody's now, the new content keeps the id
        assert m.register([FileState("/b/report.pdf", 12, 2, "3" * 64)]) == ["report-22222222"]
        assert {e.sha256[0]: e.document_id for e in m.entries()} == {"1": "report", "3": "report-22222222"}
    with Manifest.open(tmp_path) as m:
        assert m.counts() == {"pending": 2}


def _record(doc_id: str, title: str) -> dict[str, Any]:
    return {
        "schema_version": "1.1",
        "document_id": doc_id,
        "source": {
            "file": f"{doc_id}.pdf",
            "sha256": doc_id * 8,
            "pages": 2,
            "page_kinds": ["text"],
            "ocr": [],
        },
        "document": {
            "title": title,
            "agency": "องค์การบริหารส่วนตำบลทดสอบ",
            "district": None,
            "province": "ขอนแก่น",
            "fiscal_year": 2566,
            "assessed_year": 2565,
            "overall_score": 88.5,
            "level": "A",
            "sources": {},
        },
        "indicators": [
            {
                "number": 1,
                "name": "การปฏิบัติหน้าที่",
                "name_raw": "การปฏิบัติหน้าที่",
                "instrument": "IIT",
                "score": 95,
                "score_raw": "๙๕",
                "year": 2565,
                "issues": None,
                "page": 1,
                "box": [1.0, 2.0, 3.0, 4.0],
                "origin": "table",
                "confidence": None,
            }
        ],
        "actions": [],
        "checks": [
            {
                "code": "FACT_MISSING",
                "severity": "warning",
                "message": "ไม่พบอำเภอ",
                "page": None,
                "values": {},
            }
        ],
    }


def test_combined_tables_keep_thai_types_and_keys(tmp_path: Path) -> None:
    records = [_record("a", "มาตรการส่งเสริมคุณธรรม ๒๕๖๖"), _record("b", "ประกาศ")]
    errors = [ErrorRow("/x/zero.pdf", "0" * 64, "zero", ErrorKind.UNREADABLE, "is empty (0 bytes)")]
    paths = rebuild_tables(tmp_path, records, errors, ("csv", "parquet", "sqlite"))
    assert {p.name for p in paths} == {f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")} | {
        SQLITE_NAME
    }
    assert (tmp_path / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert _csv(tmp_path, "documents")[0]["title"] == "มาตรการส่งเสริมคุณธรรม ๒๕๖๖"
    assert _csv(tmp_path, "errors") == [
        {
            "file": "/x/zero.pdf",
            "sha256": "0" * 64,
            "document_id": "zero",
            "kind": "unreadable",
            "reason": "is empty (0 bytes)",
        }
    ]
    tables = _tables(tmp_path)
    doc = tables["documents.parquet"][0]
    assert (
        doc["title"] == "มาตรการส่งเสริมคุณธรรม ๒๕๖๖"
        and doc["district"] is None
        and doc["overall_score"] == 88.5
    )
    assert (
        tables["indicators.parquet"][0]["score"] == 95.0 and tables["indicators.parquet"][0]["year"] == 2565
    )
    db = sqlite3.connect(tmp_path / SQLITE_NAME)
    db.execute("PRAGMA foreign_keys=ON")
    assert db.execute(
        "SELECT title, typeof(fiscal_year) FROM documents WHERE document_id='a'"
    ).fetchone() == (
        "มาตรการส่งเสริมคุณธรรม ๒๕๖๖",
        "integer",
    )
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute("INSERT INTO checks (document_id, seq, code) VALUES ('nobody', 1, 'X')")
    # a document's rows are keyed by the document: a key does not move when another document comes
    seqs = db.execute("SELECT document_id, seq FROM indicators").fetchall()
    assert seqs == [(d, n) for d in ("a", "b") for n in range(1, 1 + sum(1 for r in seqs if r[0] == d))]
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        db.execute("INSERT INTO indicators (document_id, seq) VALUES ('a', 1)")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO documents (document_id, sha256) VALUES ('a', 'x')")
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"indicators_document_id_year_number", "checks_code", "errors_kind"} <= indexes
    db.close()

    def broken_records() -> Iterator[dict[str, Any]]:
        yield _record("c", "ใหม่")
        raise RuntimeError("disk gone")

    before = {p.name: p.read_bytes() for p in paths}
    with pytest.raises(RuntimeError):
        rebuild_tables(tmp_path, broken_records(), [], ("csv", "parquet", "sqlite"))
    assert {p.name: p.read_bytes() for p in paths} == before, "a failed rebuild leaves the old tables whole"
    assert not list(tmp_path.glob(".*.tmp")), "and no temporary file behind"


def test_missing_extras_name_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib

    import pipeline.batch.combine
    import pipeline.batch.executors

    real = importlib.import_module

    def without(name: str, package: str | None = None) -> Any:
        if name.split(".")[0] in ("pyarrow", "distributed"):
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(pipeline.batch.combine.importlib, "import_module", without)
    monkeypatch.setattr(pipeline.batch.executors.importlib, "import_module", without)
    with pytest.raises(MissingExtra, match=r"pip install 'ita-extract\[parquet\]'"):
        rebuild_tables(tmp_path, [], [], ("parquet",))
    with pytest.raises(BatchError, match=r"ita-extract\[parquet\]"):
        batch([BROKEN / "zero-byte.pdf"], tmp_path / "p", formats="parquet")
    with pytest.raises(MissingExtra, match=r"pip install 'ita-extract\[dask\]'"):
        batch([BROKEN / "zero-byte.pdf"], tmp_path / "d", executor="dask", scheduler="tcp://127.0.0.1:1")
    # the default "all" leaves Parquet out with a note instead of failing
    result = batch([BROKEN / "zero-byte.pdf"], tmp_path / "all", workers=1)
    assert result.formats == ("csv", "sqlite") and "ita-extract[parquet]" in result.notes[0]


def test_importing_pipeline_does_not_import_optional_packages() -> None:
    code = (
        "import sys, pipeline; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True
    )
    assert done.stdout.strip() == "[]"


def test_progress_bar_and_log_lines() -> None:
    clock = iter(float(i) for i in range(100))
    started = BatchStarted(3, 3, 2, 1, 0, 100, 2, "local")
    ok = DocumentFinished("/a/report.pdf", "report", True, 5, 1.5, 10)
    bad = DocumentFinished(
        "/a/zero.pdf", "zero", False, None, 0.0, 0, ErrorKind.UNREADABLE, "is empty (0 bytes)"
    )
    result = BatchResult(
        Path("out"),
        3,
        3,
        2,
        1,
        5,
        2.0,
        [ErrorRow("/a/zero.pdf", None, None, ErrorKind.UNREADABLE, "x")],
        [],
        ("csv",),
    )

    log = StringIO()
    view = ProgressView(log, bar=False, clock=lambda: next(clock))
    for event in (started, ok, bad, BatchFinished(result)):
        view(event)
    lines = log.getvalue().splitlines()
    assert lines[0].startswith("batch: 3 files (3 documents): 2 to read, 1 done before")
    assert lines[1] == "[1/2] report.pdf: 5 pages, 1.50 s"
    assert lines[2] == "error: /a/zero.pdf: is empty (0 bytes)"
    assert lines[3].startswith("batch: 2 read (5 pages") and "1 failed" in lines[3]
    assert "\r" not in log.getvalue()

    tty = StringIO()
    view = ProgressView(tty, bar=True, clock=lambda: next(clock))
    for event in (started, ok, bad, BatchFinished(result)):
        view(event)
    text = tty.getvalue()
    assert (
        "\r\x1b[K" in text
        and "2/2 files" in text
        and "pages/s" in text
        and "ETA" in text
        and "1 failed" in text
    )

    quiet = StringIO()
    view = ProgressView(quiet, bar=True, quiet=True)
    for event in (started, ok, bad, BatchFinished(result)):
        view(event)
    assert quiet.getvalue() == ""


# --- whole runs ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_every_file_ends_as_a_record_or_an_error_row(
    archive: Path, clean_run: tuple[Path, BatchResult]
) -> None:
    out, result = clean_run
    assert not result.ok and result.failed == len(BROKEN_REASONS)
    assert result.files == len(expand_sources([archive]).files)
    assert result.documents == result.files - 1, "the duplicate is read once"
    documents = _csv(out, "documents")
    errors = _csv(out, "errors")
    assert len(documents) + len(errors) == result.documents
    by_sha = {d["sha256"] for d in documents}
    from extractors.pdf.source import sha256_of

    for path in expand_sources([archive]).files:
        in_errors = [e for e in errors if e["file"] == str(path)]
        assert (sha256_of(path) in by_sha) != bool(in_errors), f"{path} must be a record or an error row"
    for row in errors:
        kind, reason = BROKEN_REASONS[Path(row["file"]).name]
        assert row["kind"] == kind.value and row["reason"].startswith(reason)
    # one JSON per document, named by its id, equal to what the tables were built from
    for doc in documents:
        record = json.loads((out / f"{doc['document_id']}.json").read_text(encoding="utf-8"))
        assert record["source"]["sha256"] == doc["sha256"] and record["document"]["title"] == (
            doc["title"] or None
        )
    big = next(d for d in documents if d["pages"] == str(BIG_PAGES))
    assert big["document_id"] == "big-150-pages"
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    # Thai survives every format
    tables = _tables(out)
    title = next(d["title"] for d in documents if d["document_id"] == "santipatong-2565")
    assert "คุณธรรมและความโปร่งใส" in title
    assert any(r["title"] == title for r in tables["documents.parquet"])
    assert any(title in r for r in tables["documents.sqlite"])
    # the manifest: every document once, the 150-page one under 600 MB of resident memory
    rows = _manifest_rows(out)
    assert {r["status"] for r in rows} == {"done", "failed"} and all(r["completions"] == 1 for r in rows)
    big_row = next(r for r in rows if r["document_id"] == "big-150-pages")
    assert big_row["pages"] == BIG_PAGES and 0 < big_row["peak_rss_mb"] < 600
    assert all(r["program_version"] and r["schema_version"] == SCHEMA_VERSION for r in rows)


def _worker_pids(parent: int) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"pipeline.batch.worker" in argv and str(parent).encode() in argv:
            pids.append(int(proc.name))
    return pids


def _done_count(out: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{out / MANIFEST_NAME}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute("SELECT count(*) FROM documents WHERE status = 'done'").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_minus_9_then_resume_gives_the_clean_tables(
    archive: Path, clean_run: tuple[Path, BatchResult], tmp_path: Path
) -> None:
    clean_out, clean = clean_run
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.cli", "batch", str(archive), "-o", str(out), "--workers", "2"]
    proc = subprocess.Popen(command, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _done_count(out) < 3:
        assert proc.poll() is None, f"the batch ended before it could be killed: {proc.stderr}"
        assert time.monotonic() < deadline, "the batch did not get going"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for _ in range(50):  # the workers die with their parent
        if not _worker_pids(proc.pid):
            break
        time.sleep(0.1)
    assert _worker_pids(proc.pid) == [], "no orphan worker may go on"
    if proc.stderr:
        proc.stderr.close()
    killed = _manifest_rows(out)
    interrupted = [r["document_id"] for r in killed if r["status"] == "running"]
    assert interrupted, "the kill came in the middle of the batch"
    assert "big-150-pages" in interrupted

    result = batch([archive], out, workers=2)
    assert result.processed == clean.documents - sum(r["status"] in ("done", "failed") for r in killed)
    rows = _manifest_rows(out)
    assert all(r["completions"] == 1 for r in rows), "every document was processed once"
    assert {r["document_id"] for r in rows if r["attempts"] == 2} == set(interrupted)
    assert len(rows) == clean.documents, "none lost"
    assert _tables(out) == _tables(clean_out), "the resumed run gives the tables of a clean run"
    assert not list(out.glob(".*.tmp"))


def _small_archive(root: Path) -> Path:
    for name in TEXT_SAMPLES[:2]:
        _copy(SAMPLES / name, root / name)
    for name in ("zero-byte.pdf", "not-a-pdf.pdf"):
        _copy(BROKEN / name, root / "broken" / name)
    return root


@pytest.mark.slow
def test_second_run_skips_redoes_changed_retries_failed_and_forces(tmp_path: Path) -> None:
    src = _small_archive(tmp_path / "src")
    out = tmp_path / "out"
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str, dict[str, sqlite3.Row]]:
        res = runner.invoke(main, ["batch", str(src), "-o", str(out), "--workers", "2", *args])
        assert res.exception is None or isinstance(res.exception, SystemExit), res.output
        return res.exit_code, res.stderr, {r["document_id"]: r for r in _manifest_rows(out)}

    code, err, rows = run()
    assert code == 1, "broken files make the exit status 1"
    assert "error: " + str(src / "broken" / "zero-byte.pdf") + ": is empty (0 bytes)" in err
    assert {k: r["status"] for k, r in rows.items()} == {
        "santipatong-2565": "done",
        "variant-arabic-digits": "done",
        "zero-byte": "failed",
        "not-a-pdf": "failed",
    }
    first_tables = _tables(out)

    code, err, again = run()
    assert code == 1 and "0 to read, 2 done before, 2 failed before" in err
    assert all(again[k]["completions"] == 1 for k in again), "nothing done twice"
    assert _tables(out) == first_tables

    changed = src / "variant-arabic-digits.pdf"
    with changed.open("ab") as fh:
        fh.write(b"\n% a new revision of the same report\n")
    code, err, rows = run()
    assert "1 to read" in err
    assert (
        rows["variant-arabic-digits"]["completions"] == 1
        and rows["variant-arabic-digits"]["sha256"] != (again["variant-arabic-digits"]["sha256"])
    ), "changed content is read again under the same id"
    assert len(rows) == 4, "the old content's entry is gone"
    assert rows["santipatong-2565"]["completions"] == 1

    code, err, rows = run("--retry-failed")
    assert "2 to read" in err and code == 1
    assert rows["zero-byte"]["completions"] == 2 and rows["zero-byte"]["attempts"] == 2

    shutil.copyfile(SAMPLES / "variant-two-years.pdf", src / "broken" / "zero-byte.pdf")  # the file is fixed
    code, err, rows = run()
    assert rows["zero-byte"]["status"] == "done" and "1 to read" in err

    code, err, rows = run("--force", "--format", "csv", "--quiet")
    assert code == 1 and err == ""
    assert rows["santipatong-2565"]["completions"] == 2 and rows["not-a-pdf"]["completions"] == 3

    (src / "broken" / "not-a-pdf.pdf").unlink()
    code, err, rows = run("--format", "csv")
    assert code == 0, "no file of the sources failed"
    assert _csv(out, "errors") == []


def test_cli_usage_errors_and_missing_sources(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["batch", "--help"])
    assert res.exit_code == 0 and "--retry-failed" in res.output
    res = runner.invoke(main, ["batch", str(tmp_path / "nothing-here"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 1
    assert f"error: {tmp_path / 'nothing-here'}: file not found" in res.stderr
    assert _csv(tmp_path / "out", "errors")[0]["kind"] == "missing"
    res = runner.invoke(main, ["batch", str(BROKEN), "-o", str(tmp_path / "o2"), "--format", "xlsx"])
    assert res.exit_code == 2 and "unknown output format 'xlsx'" in res.stderr
    res = runner.invoke(main, ["batch", str(BROKEN), "-o", str(tmp_path / "o3"), "--executor", "dask"])
    assert res.exit_code == 2 and "--scheduler" in res.output + res.stderr
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    res = runner.invoke(main, ["batch", str(BROKEN), "-o", str(tmp_path / "a-file" / "out")])
    assert res.exit_code == 2
    assert res.stderr.startswith(
        f"error: cannot write to {tmp_path / 'a-file' / 'out'}: a part of the path is a file"
    )
    res = runner.invoke(main, ["batch", str(BROKEN), "-o", str(tmp_path / "o4"), "--memory-limit", "64"])
    assert res.exit_code == 2 and "below what a worker needs to start" in res.stderr
    assert "Traceback" not in res.output + res.stderr


def test_time_limit_becomes_an_error_row_and_the_batch_goes_on(big_pdf: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    _copy(big_pdf, src / big_pdf.name)
    _copy(SAMPLES / "variant-two-years.pdf", src / "variant-two-years.pdf")
    result = batch([src], tmp_path / "out", workers=1, time_limit=2)
    assert [(e.kind, e.reason) for e in result.errors] == [
        (ErrorKind.TIME_LIMIT, "took longer than the time limit of 2 s (stopped)")
    ]
    assert [d["document_id"] for d in _csv(tmp_path / "out", "documents")] == ["variant-two-years"], (
        "the worker was replaced and read the next file"
    )
    assert not (tmp_path / "out" / "big-150-pages.json").exists()


@pytest.mark.slow
def test_memory_cap_becomes_an_error_row(big_pdf: Path, tmp_path: Path) -> None:
    probe = WorkerProcess(Limits(memory_mb=None))
    probe.start()
    footprint = probe.footprint_mb
    probe.close()
    assert footprint is not None
    cap = int(footprint) + 24  # room to start and to read a small file, not 150 pages
    result = batch([big_pdf], tmp_path / "out", workers=1, memory_limit_mb=cap)
    [error] = result.errors
    # Python code that runs out raises MemoryError; a C library may crash instead (SIGSEGV): both
    # are an error row that names the cap, and the batch goes on.
    if error.kind is ErrorKind.MEMORY_LIMIT:
        assert error.reason == f"needed more memory than its cap of {cap} MB"
    else:
        assert error.kind is ErrorKind.CRASH and f"memory cap of {cap} MB was reached" in error.reason


@pytest.mark.slow
def test_dask_local_cluster_gives_the_local_tables(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    src = _small_archive(tmp_path / "src")
    _copy(SAMPLES / "variant-long-table.pdf", src / "more" / "variant-long-table.pdf")
    local = batch([src], tmp_path / "local", workers=2)
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        events: list[object] = []
        on_dask = batch(
            [src],
            tmp_path / "dask",
            executor="dask",
            scheduler=cluster.scheduler_address,
            on_event=events.append,
        )
    assert on_dask.processed == local.processed == 5
    assert sum(isinstance(e, DocumentFinished) for e in events) == 5, "results stream back one by one"
    assert _tables(tmp_path / "dask") == _tables(tmp_path / "local")
    for name in ("santipatong-2565", "variant-long-table"):
        assert (tmp_path / "dask" / f"{name}.json").read_bytes() == (
            tmp_path / "local" / f"{name}.json"
        ).read_bytes()
