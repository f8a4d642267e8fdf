"""The shape of the house: one reading per PDF, start-up that loads nothing it does not need, and the
faster paths (dictionary, ruling lines) giving exactly what the libraries they replace give."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.pdf.rulings import edges_of, ruling_boxes
from extractors.pdf.tables import LINE_SETTINGS
from extractors.thai.words import WordSet, tokenize
from pipeline.cli import main
from tests.conftest import ROOT, SAMPLES, real_pdf

#: Libraries that cost start-up time and that a command must load only when it uses them.
HEAVY = ("pdfplumber", "pypdfium2", "pythainlp", "cv2", "tesserocr", "numpy", "rapidfuzz", "PIL")


def loaded_after(code: str) -> set[str]:
    """The top-level packages of HEAVY that a fresh interpreter has loaded after running ``code``."""
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(done.stdout.splitlines()[-1])) & set(HEAVY)


def test_the_command_line_loads_no_heavy_library_to_start() -> None:
    assert loaded_after("import pipeline, pipeline.cli, pipeline.batch") == set()
    help_run = "from pipeline.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    assert loaded_after(help_run) == set()


def test_a_text_pdf_loads_no_ocr() -> None:
    code = f"from pipeline import extract\nextract({str(SAMPLES / 'variant-two-years.pdf')!r})"
    loaded = loaded_after(code)
    assert {"pdfplumber", "pypdfium2", "pythainlp"} <= loaded
    assert not loaded & {"cv2", "tesserocr", "numpy"}, loaded


def test_extract_reads_each_pdf_once_for_record_text_and_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractors.read

    log = tmp_path / "reads.log"  # each document is read in a child process: count in a file
    real = extractors.read.read_document

    def counted(path: str, *args: object, **kwargs: object) -> object:
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"{path}\n")
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extractors.read, "read_document", counted)
    pdf = SAMPLES / "variant-long-table.pdf"
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(pdf), "-o", str(out), "--text", "--tables"])
    assert result.exit_code == 0, result.output
    assert log.read_text("utf-8").splitlines() == [str(pdf)]
    monkeypatch.undo()

    # the same text and tables the single-purpose commands give
    text = runner.invoke(main, ["text", str(pdf)])
    assert (out / "text" / "variant-long-table.txt").read_text("utf-8") == text.output
    tables = runner.invoke(main, ["tables", str(pdf), "-o", str(tmp_path / "tables"), "--format", "json"])
    assert tables.exit_code == 0
    expected = json.loads((tmp_path / "tables" / "variant-long-table.tables.json").read_text("utf-8"))
    written = json.loads((out / "tables" / "variant-long-table.tables.json").read_text("utf-8"))
    assert written == expected and written["tables"]
    index = (out / "tables" / "variant-long-table.tables.csv").read_text("utf-8-sig").splitlines()
    assert len(index) == len(written["tables"]) + 1
    assert (out / "variant-long-table.json").is_file() and (out / "documents.csv").is_file()


def test_extract_refuses_text_and_tables_on_standard_output() -> None:
    result = CliRunner().invoke(
        main, ["extract", str(SAMPLES / "variant-two-years.pdf"), "-o", "-", "--text"]
    )
    assert result.exit_code == 2
    assert "output folder" in result.output


def test_no_ocr_leaves_scanned_pages_unread_in_every_command(tmp_path: Path) -> None:
    scan = str(SAMPLES / "variant-two-years-scanned.pdf")
    runner = CliRunner()
    tables = runner.invoke(main, ["tables", scan, "--no-ocr"])
    assert tables.exit_code == 0 and tables.output == ""
    result = runner.invoke(main, ["extract", scan, "-o", "-", "--no-ocr"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert {c["code"] for c in record["checks"]} >= {"PAGES_NOT_READ"}
    assert record["source"]["ocr"] == []


# --- the fast dictionary is pythainlp's dictionary ----------------------------------------------

THAI = st.text(alphabet=[chr(c) for c in range(0x0E01, 0x0E5C)] + [" "], max_size=40)


@settings(max_examples=300, deadline=None)
@given(THAI)
def test_tokens_are_those_of_pythainlp_default_dictionary(text: str) -> None:
    from pythainlp.tokenize import word_tokenize

    assert tokenize(text) == word_tokenize(text, engine="newmm", keep_whitespace=False)


def test_word_set_answers_as_pythainlp_trie_does() -> None:
    from pythainlp.util import Trie

    words = ["ก", "กา", "การ", "การบ้าน", "บ้าน", "บ้านเรือน", "เรือ", "เรือน"]
    trie, fast = Trie(words), WordSet(words)
    text = "การบ้านเรือนไทย"
    for start in range(len(text)):
        assert fast.prefixes(text, start) == trie.prefixes(text, start)


# --- ruling lines from pdfium give pdfplumber's tables ------------------------------------------

RULED_PAGES = [
    *[(SAMPLES / f"{name}.pdf", n) for name in ("santipatong-2565", "wangphai-2566") for n in (2, 3)],
    *[(SAMPLES / "variant-landscape.pdf", n) for n in (1, 2)],
    ("word2007-procurement-analysis-2562.pdf", 4),
    ("word-pdfmaker-thai-distributed-ethics-code.pdf", 7),
    ("canva-tone-marks-as-latin-ethics-plan.pdf", 21),
    ("powerpoint2013-swapped-sara-am-strategy.pdf", 1),
    ("notita-anticorruption-action-plan-report-2567.pdf", 1),
]


@pytest.mark.parametrize(("source", "number"), RULED_PAGES, ids=lambda v: Path(str(v)).stem)
def test_ruled_tables_from_pdfium_rulings_match_pdfplumbers_own(source: Path | str, number: int) -> None:
    path = source if isinstance(source, Path) else real_pdf(source)
    from pdfplumber.table import TableFinder, TableSettings

    with pdfplumber.open(path) as plumber:
        page = plumber.pages[number - 1]
        own = [t.cells for t in page.find_tables(table_settings=LINE_SETTINGS)]
        doc = pdfium.PdfDocument(str(path))
        try:
            vertical, horizontal = edges_of(ruling_boxes(doc[number - 1]))
        finally:
            doc.close()
        explicit = LINE_SETTINGS | {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical,
            "explicit_horizontal_lines": horizontal,
        }
        ours = [t.cells for t in TableFinder(page, TableSettings.resolve(explicit)).tables]
    assert own, "the page must have a ruled table for this test to mean anything"
    assert len(ours) == len(own)
    for mine, theirs in zip(ours, own, strict=True):
        assert len(mine) == len(theirs)
        for a, b in zip(sorted(mine), sorted(theirs), strict=True):
            assert a == pytest.approx(b, abs=0.5)


def test_the_cached_word_set_is_the_built_one_and_a_bad_cache_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractors.thai.words as words

    monkeypatch.setenv(words.CACHE_VARIABLE, str(tmp_path))
    words.thai_dictionary.cache_clear()
    try:
        built = words.thai_dictionary()
        path = words._cache_file()
        assert path is not None and path.is_file() and path.parent.parent == tmp_path
        words.thai_dictionary.cache_clear()
        cached = words.thai_dictionary()
        assert set(cached) == set(built) and cached._longest == built._longest
        path.write_bytes(b"not marshal data")
        words.thai_dictionary.cache_clear()
        assert set(words.thai_dictionary()) == set(built)
    finally:
        words.thai_dictionary.cache_clear()
