"""The ``ita`` command line.  It calls the pipeline and formats what comes back; nothing else.

Each command imports what it uses when it runs, so ``ita --help`` and ``ita --version`` load no
PDF, OCR or Thai library.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.batch.types import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT

if TYPE_CHECKING:
    from extractors.ocr.options import OcrOptions
    from schemas import Table


def _fail(path: str, reason: str) -> None:
    click.echo(f"error: {path}: {reason}", err=True)


def _each_file(files: tuple[str, ...], work: Callable[[str], None]) -> int:
    """Run ``work`` on every file; a file that fails gets one error line and the rest go on.

    Returns the number of files that failed.
    """
    from schemas import DocumentError

    failed = 0
    for path in files:
        try:
            work(path)
        except DocumentError as err:
            _fail(err.path, err.reason)
            failed += 1
        except Exception as err:  # never a traceback: the user gets the file and the reason
            _fail(path, f"internal error ({type(err).__name__}: {err})")
            failed += 1
    return failed


def _ocr(no_ocr: bool) -> OcrOptions:
    from extractors.ocr.options import OcrOptions

    return OcrOptions(enabled=not no_ocr)


_pages_option = click.option("--pages", metavar="RANGE", help="Pages to read, e.g. 1-3,5 (default: all).")
_no_ocr_option = click.option(
    "--no-ocr", is_flag=True, help="Do not read scanned pages by OCR (they are reported as not read)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ita-extract")
def main() -> None:
    """Read Thai ITA measures documents (PDF) into clean, traceable text and tables."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_pages_option
@_no_ocr_option
def text(files: tuple[str, ...], pages: str | None, no_ocr: bool) -> None:
    """Print the repaired text of each page, with the page's kind (text, scanned, empty).

    Scanned pages are read by OCR (--no-ocr: left empty)."""
    from extractors.read import read_text
    from pipeline.output import page_text

    def work(path: str) -> None:
        result = read_text(path, pages, _ocr(no_ocr))
        if len(files) > 1:
            click.echo(f"##### {path}")
        click.echo(page_text(result), nl=False)

    sys.exit(1 if _each_file(files, work) else 0)


def _print_tables(path: str, tables: list[Table], fmt: str) -> None:
    from pipeline.output import csv_text, table_record, to_json

    records = [table_record(t) for t in tables]
    if fmt == "json":
        click.echo(to_json({"file": path, "tables": records}), nl=False)
        return
    for rec in records:
        click.echo(
            f"# {path} page {rec['page']} table {rec['index'] + 1} box {rec['box']} "
            f"quality {rec['quality']['score']:.2f} ({rec['quality']['strategy']})"
        )
        click.echo(csv_text(rec["rows"]), nl=False)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--out", default="-", show_default=True, help="Output folder, or - for standard output.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@_pages_option
@_no_ocr_option
def tables(files: tuple[str, ...], out: str, fmt: str, pages: str | None, no_ocr: bool) -> None:
    """Write every table with its page, box and a quality figure.

    CSV: one file per table (<stem>.p<page>.t<n>.csv) and an index <stem>.tables.csv;
    JSON: <stem>.tables.json with every cell's text, raw text, box and spans.
    """
    from extractors.read import read_tables
    from pipeline.output import write_tables

    def work(path: str) -> None:
        found = read_tables(path, pages, _ocr(no_ocr))
        if out == "-":
            _print_tables(path, found, fmt)
            return
        write_tables(path, Path(path).stem, found, Path(out), [fmt])
        click.echo(f"{path}: {len(found)} tables", err=True)

    sys.exit(1 if _each_file(files, work) else 0)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-o", "--out", required=True, help="Output folder, or - to print the JSON (an array for several files)."
)
@_pages_option
@_no_ocr_option
@click.option(
    "--text", "with_text", is_flag=True, help="Also write each document's page text to OUT/text/<id>.txt."
)
@click.option(
    "--tables",
    "with_tables",
    is_flag=True,
    help="Also write every table to OUT/tables/ (CSV per table, an index, and JSON with cell boxes).",
)
def extract(
    files: tuple[str, ...], out: str, pages: str | None, no_ocr: bool, with_text: bool, with_tables: bool
) -> None:
    """Read ITA measures documents into indicators, scores, actions and checks.

    Writes OUT/<stem>.json for each document (schema: schemas/ita-record.schema.json) and the
    tables OUT/documents.csv, indicators.csv, actions.csv and checks.csv (UTF-8 with a BOM; key
    column document_id).  --text and --tables write the page text and the tables of the same
    reading (each PDF is read once).  A file that cannot be read gets one error line; the others go on.
    """
    from extractors.read import read_document
    from pipeline.extract import record_of
    from pipeline.output import page_text, to_json, write_atomic, write_record_tables, write_tables

    if out == "-" and (with_text or with_tables):
        raise click.UsageError("--text and --tables write files: give an output folder with -o")
    records: list[dict[str, object]] = []
    seen: set[str] = set()

    def work(path: str) -> None:
        document = read_document(path, pages, _ocr(no_ocr))
        record = record_of(document)
        if record.document_id in seen:  # same file name from another folder: keep both
            record.document_id = f"{record.document_id}-{record.source.sha256[:8]}"
        seen.add(record.document_id)
        data = record.to_dict()
        records.append(data)
        if out == "-":
            return
        target = Path(out)
        write_atomic(target / f"{record.document_id}.json", to_json(data))
        if with_text:
            write_atomic(target / "text" / f"{record.document_id}.txt", page_text(document.pages))
        if with_tables:
            write_tables(path, record.document_id, document.tables, target / "tables", ["csv", "json"])
        warnings = sum(1 for c in record.checks if c.severity.value != "info")
        click.echo(
            f"{path}: {len(record.indicators)} indicators, {len(record.actions)} actions, "
            f"{len(document.tables)} tables, {warnings} warnings",
            err=True,
        )

    failed = _each_file(files, work)
    if out == "-":
        if records:
            click.echo(to_json(records[0] if len(files) == 1 else records), nl=False)
    else:
        write_record_tables(Path(out), records)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-o",
    "--out",
    "html_out",
    metavar="HTML",
    help="The HTML report (default FOLDER/audit.html); audit.csv and audit-documents.csv go beside it.",
)
def audit(folder: str, html_out: str | None) -> None:
    """Audit the records in FOLDER (from ita extract or ita batch) for completeness.

    Writes a self-contained HTML report (overview, charts, one section per document with its
    findings, values and pages), audit.csv (one row per finding) and audit-documents.csv (one row
    per document with its completeness, 0-100).  A JSON file that is not an ITA record is skipped
    with a message; the rest go on.
    """
    from pipeline.audit.folder import Skipped, audit_folder, summary
    from pipeline.audit.report import write_audit

    def skipped(item: Skipped) -> None:
        click.echo(f"skipped: {item.path}: {item.reason}", err=True)

    result = audit_folder(Path(folder), on_skip=skipped)
    if not result.documents:
        _fail(folder, "no ITA records (*.json from ita extract or ita batch) found")
        sys.exit(1)
    html_path = Path(html_out) if html_out else Path(folder) / "audit.html"
    paths = write_audit(result, html_path)
    counts = summary(result)
    sev = counts["by_severity"]
    click.echo(
        f"audit: {counts['documents']} documents, {counts['findings']} findings "
        f"({sev['error']} errors, {sev['warning']} warnings, {sev['info']} info), "
        f"{counts['skipped']} files skipped; wrote {', '.join(str(p) for p in paths)}",
        err=True,
    )


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option(
    "--workers", type=click.IntRange(min=1), help="Worker processes (default: one per core).", metavar="N"
)
@click.option(
    "--format",
    "formats",
    default="all",
    show_default=True,
    metavar="LIST",
    help="Combined tables: csv, parquet, sqlite, comma-separated, or all.",
)
@click.option("--force", is_flag=True, help="Read every document again, even those done before.")
@click.option("--retry-failed", is_flag=True, help="Read again the documents that failed before.")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    metavar="SECONDS",
    help="Per document; a worker that takes longer is stopped (0: no limit).",
)
@click.option(
    "--memory-limit",
    type=click.IntRange(min=0),
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    metavar="MB",
    help="Address space of each worker process (0: no cap).",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Worker processes on this machine, or tasks on a Dask cluster.",
)
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler, e.g. tcp://HOST:8786.")
@_no_ocr_option
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary; the exit status tells.")
def batch(
    sources: tuple[str, ...],
    out: str,
    workers: int | None,
    formats: str,
    force: bool,
    retry_failed: bool,
    time_limit: float,
    memory_limit: int,
    executor: str,
    scheduler: str | None,
    no_ocr: bool,
    quiet: bool,
) -> None:
    """Convert whole archives: every PDF in SOURCES (folders, searched recursively; glob
    patterns; @LIST files with one source per line) into OUT, resumably.

    Writes OUT/<document_id>.json per document, the manifest OUT/manifest.sqlite (what is done,
    failed or left to do, by content hash), and the combined tables documents, indicators,
    actions, checks and errors as CSV, Parquet and one SQLite database (OUT/tables.sqlite).
    Run it again to resume: documents done before and unchanged are skipped (those read with
    --no-ocr are read again without it).  A file that cannot be read, or that hits the time or
    memory limit, becomes a row of errors and the rest go on.
    Exit status: 0 all read, 1 some files failed, 2 the batch could not run.
    """
    from pipeline.batch.progress import ProgressView
    from pipeline.batch.run import batch as run_batch
    from pipeline.batch.types import BatchError

    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler tcp://HOST:8786")
    view = ProgressView(sys.stderr, bar=sys.stderr.isatty(), quiet=quiet)
    try:
        result = run_batch(
            sources,
            out,
            workers=workers,
            formats=formats,
            force=force,
            retry_failed=retry_failed,
            time_limit=time_limit,
            memory_limit_mb=memory_limit,
            executor=executor,
            scheduler=scheduler,
            on_event=view,
            ocr=not no_ocr,
        )
    except BatchError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("\ninterrupted: run the same command again to resume", err=True)
        sys.exit(130)
    sys.exit(0 if result.ok else 1)


if __name__ == "__main__":  # pragma: no cover
    main()
