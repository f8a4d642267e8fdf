"""The combined tables of ``ita batch`` grow with the archive: a run reads back only the records
that changed, and its tables equal a clean run's, in every format."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch import batch
from pipeline.batch.combine import SQLITE_NAME, STORE_NAME, TableStore, rebuild_tables, update_tables
from pipeline.batch.types import ErrorKind, ErrorRow, FileRow, FileStatus
from pipeline.output import to_json
from tests.conftest import DATA, SAMPLES
from tests.test_batch import _tables

FIRST = ["variant-two-years.pdf", "variant-landscape.pdf"]


def _archive(root: Path, names: list[str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, root / name)
    shutil.copy(DATA / "broken" / "zero-byte.pdf", root / "zero-byte.pdf")
    return root


def _clean(tmp_path: Path, src: Path, name: str) -> dict[str, object]:
    copy = tmp_path / f"clean-src-{name}"
    shutil.copytree(src, copy)
    out = tmp_path / f"clean-{name}"
    batch([copy], out, workers=1, ocr=False)
    return _without_paths(_tables(out))


def _without_paths(tables: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in tables.items() if not k.startswith("files") and not k.startswith("errors")}


def test_added_removed_and_changed_documents_give_the_tables_of_a_clean_run(tmp_path: Path) -> None:
    src = _archive(tmp_path / "src", FIRST)
    out = tmp_path / "out"
    batch([src], out, workers=1, ocr=False)
    store = TableStore(out / STORE_NAME)
    assert set(store.loaded()) == {"variant-two-years", "variant-landscape"}
    store.close()

    # one document more
    shutil.copy(SAMPLES / "variant-arabic-digits.pdf", src / "variant-arabic-digits.pdf")
    batch([src], out, workers=1, ocr=False)
    assert _without_paths(_tables(out)) == _clean(tmp_path, src, "added")

    # one document less
    (src / "variant-landscape.pdf").unlink()
    batch([src], out, workers=1, ocr=False)
    assert _without_paths(_tables(out)) == _clean(tmp_path, src, "removed")

    # one document changed (another sample's bytes under the same name)
    shutil.copy(SAMPLES / "santipatong-2565.pdf", src / "variant-two-years.pdf")
    batch([src], out, workers=1, ocr=False)
    assert _without_paths(_tables(out)) == _clean(tmp_path, src, "changed")


def test_the_store_reads_back_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.batch.combine as combine

    src = _archive(tmp_path / "src", FIRST)
    out = tmp_path / "out"
    batch([src], out, workers=1, ocr=False)
    read: list[Path] = []
    real = combine._read_record

    def counted(path: Path) -> dict[str, object]:
        read.append(path)
        return real(path)

    monkeypatch.setattr(combine, "_read_record", counted)
    shutil.copy(SAMPLES / "variant-arabic-digits.pdf", src / "variant-arabic-digits.pdf")
    batch([src], out, workers=1, ocr=False)
    assert [p.name for p in read] == ["variant-arabic-digits.json"]
    read.clear()
    batch([src], out, workers=1, ocr=False)  # nothing new: no record read back
    assert read == []


def test_a_lost_or_stale_store_is_rebuilt(tmp_path: Path) -> None:
    src = _archive(tmp_path / "src", FIRST)
    out = tmp_path / "out"
    batch([src], out, workers=1, ocr=False)
    before = _tables(out)
    (out / STORE_NAME).unlink()
    batch([src], out, workers=1, ocr=False)
    assert _tables(out) == before
    (out / STORE_NAME).write_bytes(b"not a database at all")
    batch([src], out, workers=1, ocr=False)
    assert _tables(out) == before


def test_a_run_with_nothing_new_leaves_the_tables_alone(tmp_path: Path) -> None:
    src = _archive(tmp_path / "src", FIRST)
    out = tmp_path / "out"
    batch([src], out, workers=1, ocr=False)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix in (".csv", ".parquet")}
    batch([src], out, workers=1, ocr=False)
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix in (".csv", ".parquet")} == stamps
    (out / "documents.csv").unlink()  # a table gone: written again
    batch([src], out, workers=1, ocr=False)
    assert (out / "documents.csv").is_file()


# --- the combined tables updated document by document, against a clean run ------------------------

ALL = ("csv", "parquet", "sqlite")


@pytest.fixture(scope="module")
def synthetic() -> list[dict[str, Any]]:
    from pipeline.audit.synthetic import expected_records, synthetic_records

    bases = list(expected_records(SAMPLES).values())
    return [r.to_dict() for r in synthetic_records(bases, 40, seed=3)]


class Folder:
    """A batch output folder whose records come and go, its tables updated after each change."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir()
        self.records: dict[str, dict[str, Any]] = {}
        self.errors: list[ErrorRow] = []

    def put(self, record: dict[str, Any], doc_id: str | None = None) -> None:
        doc_id = doc_id or str(record["document_id"])
        self.records[doc_id] = {**record, "document_id": doc_id}
        (self.out / f"{doc_id}.json").write_text(to_json(self.records[doc_id]), encoding="utf-8")

    def drop(self, doc_id: str) -> None:
        del self.records[doc_id]
        (self.out / f"{doc_id}.json").unlink()

    def files(self) -> list[FileRow]:
        rows = [FileRow(f"/a/{d}.pdf", 1, "0" * 64, d, FileStatus.READ) for d in self.records]
        return rows + [
            FileRow(e.file, None, None, None, FileStatus.FAILED, reason=e.reason) for e in self.errors
        ]

    def update(self) -> None:
        docs = [(d, self.out / f"{d}.json") for d in sorted(self.records)]
        update_tables(self.out, docs, self.errors, ALL, sorted(self.files(), key=lambda f: f.file))

    def clean(self, where: Path) -> dict[str, Any]:
        """The tables a clean run writes for the same records, errors and files."""
        where.mkdir()
        records = [self.records[d] for d in sorted(self.records)]
        rebuild_tables(where, records, self.errors, ALL, sorted(self.files(), key=lambda f: f.file))
        return _tables(where)


def _same_as_clean(folder: Folder, tmp_path: Path, step: str) -> None:
    tables = _tables(folder.out)
    clean = folder.clean(tmp_path / f"clean-{step}")
    for name in clean:
        assert tables[name] == clean[name], f"{step}: {name} differs from a clean run's"
    for path in (tmp_path / f"clean-{step}").glob("*.parquet"):  # the very bytes, row groups and all
        assert (folder.out / path.name).read_bytes() == path.read_bytes(), f"{step}: {path.name}"
    assert not list(folder.out.glob(".ita-*.tmp")), "no temporary file left behind"


def test_added_replaced_and_removed_documents_are_spliced_into_the_tables(
    tmp_path: Path, synthetic: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.batch.combine as combine

    monkeypatch.setattr(combine, "PARQUET_BATCH", 7)  # many row groups, a document across two
    folder = Folder(tmp_path / "out")
    for record in synthetic[1:30:2]:  # the odd ones: room before, between and after
        folder.put(record)
    folder.update()
    _same_as_clean(folder, tmp_path, "first")
    sizes = {p.name: p.stat().st_ino for p in folder.out.glob("*.csv")}

    folder.put(synthetic[0])  # before every other document
    folder.update()
    _same_as_clean(folder, tmp_path, "first-place")
    assert {p.name: p.stat().st_ino for p in folder.out.glob("*.csv")} != sizes

    folder.put(synthetic[10])  # in the middle
    folder.put(synthetic[36])  # after every other document
    folder.update()
    _same_as_clean(folder, tmp_path, "added")

    # a document read again with other content (another record's rows under the same id)
    folder.put(synthetic[20], doc_id=str(synthetic[11]["document_id"]))
    folder.update()
    _same_as_clean(folder, tmp_path, "replaced")

    folder.drop(str(synthetic[0]["document_id"]))  # the first, one in the middle, the last
    folder.drop(str(synthetic[15]["document_id"]))
    folder.drop(str(synthetic[36]["document_id"]))
    folder.errors = [ErrorRow("/a/broken.pdf", None, None, ErrorKind.UNREADABLE, "is empty (0 bytes)")]
    folder.update()
    _same_as_clean(folder, tmp_path, "removed")

    for doc_id in list(folder.records):  # every document gone: the tables keep their headers
        folder.drop(doc_id)
    folder.update()
    _same_as_clean(folder, tmp_path, "empty")
    folder.put(synthetic[5])
    folder.update()
    _same_as_clean(folder, tmp_path, "again")


def test_only_the_changed_documents_are_written(
    tmp_path: Path, synthetic: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.batch.combine as combine

    folder = Folder(tmp_path / "out")
    for record in synthetic[:20]:
        folder.put(record)
    folder.update()
    asked: list[tuple[str, object]] = []
    real = combine.TableStore.csv_rows

    def counted(self: TableStore, table: str, documents: object = None) -> object:
        asked.append((table, documents))
        return real(self, table, documents)  # type: ignore[arg-type]

    monkeypatch.setattr(combine.TableStore, "csv_rows", counted)
    folder.put(synthetic[25])
    folder.update()
    new = [str(synthetic[25]["document_id"])]
    assert sorted(asked, key=str) == sorted(
        [(t, new) for t in ("documents", "indicators", "actions", "checks")] + [("files", None)], key=str
    ), "the CSV tables spliced with the new document's rows; files.csv (which changed) written whole"
    _same_as_clean(folder, tmp_path, "one")


def test_a_table_changed_behind_the_batch_is_written_whole(
    tmp_path: Path, synthetic: list[dict[str, Any]]
) -> None:
    folder = Folder(tmp_path / "out")
    for record in synthetic[:10]:
        folder.put(record)
    folder.update()
    actions = folder.out / "actions.csv"
    actions.write_bytes(actions.read_bytes()[:-50])  # cut short
    (folder.out / "indicators.parquet").unlink()
    db = sqlite3.connect(folder.out / SQLITE_NAME)
    db.execute("DELETE FROM checks")
    db.commit()
    db.close()
    folder.put(synthetic[12])
    folder.update()
    _same_as_clean(folder, tmp_path, "mended")


def test_a_failure_midway_leaves_every_table_as_it_was(
    tmp_path: Path, synthetic: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.batch.combine as combine

    folder = Folder(tmp_path / "out")
    for record in synthetic[:10]:
        folder.put(record)
    folder.update()
    before = _tables(folder.out)

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(combine, "_WRITERS", {**combine._WRITERS, "parquet": broken})
    folder.put(synthetic[15])
    with pytest.raises(OSError):
        folder.update()
    assert _tables(folder.out) == before, "no table, in no format, took the new document"
    assert not list(folder.out.glob(".ita-*.tmp"))
    assert not (folder.out / f"{SQLITE_NAME}-journal").exists()
    monkeypatch.undo()
    folder.update()  # the next run finishes the work
    _same_as_clean(folder, tmp_path, "after")


def test_a_database_another_program_is_writing_is_made_anew(
    tmp_path: Path, synthetic: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.batch.combine as combine

    monkeypatch.setattr(combine, "_BUSY_SECONDS", 0.1)
    folder = Folder(tmp_path / "out")
    for record in synthetic[:6]:
        folder.put(record)
    folder.update()
    other = sqlite3.connect(folder.out / SQLITE_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        folder.put(synthetic[8])
        folder.update()
    finally:
        other.execute("ROLLBACK")
        other.close()
    _same_as_clean(folder, tmp_path, "locked")
