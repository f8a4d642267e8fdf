"""The combined tables of ``ita batch`` grow with the archive: a run reads back only the records
that changed, and its tables equal a clean run's, in every format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.batch import batch
from pipeline.batch.combine import STORE_NAME, TableStore
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
