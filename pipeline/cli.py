"""The ``ita`` command line.  It calls the pipeline and formats what comes back; nothing else.

Each command imports what it uses when it runs, so ``ita --help`` and ``ita --version`` load no
PDF, OCR or Thai library.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pipeline.batch.types import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT
from schemas.names import shown

if TYPE_CHECKING:
    from extractors.ocr.options import OcrOptions

T = TypeVar("T")


def _fail(path: str, reason: str) -> None:
    click.echo(f"error: {shown(path)}: {shown(reason)}", err=True)


class _Stop(Exception):
    """The output place failed: the command stops with exit status 2 (no input is to blame)."""


def _each_file(files: tuple[str, ...], work: Callable[[str], None]) -> dict[str, str]:
    """Run ``work`` on every file; a file that fails gets one error line and the rest go on.

    Returns the files that failed, each with its reason.
    """
    from schemas import DocumentError

    failed: dict[str, str] = {}
    for path in files:
        try:
            work(path)
        except DocumentError as err:
            failed[path] = err.reason
        except _Stop:
            raise
        except Exception as err:  # never a traceback: the user gets the file and the reason
            failed[path] = f"internal error ({type(err).__name__}: {err})"
        else:
            continue
        _fail(path, failed[path])
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
    """Read Thai ITA measures documents (PDF) into clean, traceable text and tables.

    Set ITA_DEBUG=1 to see the PDF libraries' own warnings (otherwise kept out of the output).
    """
    logging.captureWarnings(True)
    if os.environ.get("ITA_DEBUG"):
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    else:  # pdfminer logs a warning per damaged object: hundreds of lines for one broken file
        logging.getLogger().addHandler(logging.NullHandler())


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


def _print_tables(path: str, records: list[dict[str, Any]], fmt: str) -> None:
    from pipeline.output import csv_text, to_json

    if fmt == "json":
        click.echo(to_json({"file": shown(path), "tables": records}), nl=False)
        return
    for rec in records:
        click.echo(
            f"# {shown(path)} page {rec['page']} table {rec['index'] + 1} box {rec['box']} "
            f"quality {rec['quality']['score']:.2f} ({rec['quality']['strategy']})"
        )
        click.echo(csv_text(rec["rows"]), nl=False)


_time_limit_option = click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    metavar="SECONDS",
    help="Per document; a document that takes longer is stopped and reported (0: no limit).",
)
_memory_limit_option = click.option(
    "--memory-limit",
    type=click.IntRange(min=0),
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    metavar="MB",
    help="Address space for reading one document (0: no cap).",
)


def _isolated(path: str, work: Callable[[], T], time_limit: float, memory_limit: int) -> T:
    """Run ``work`` within the limits; a limit hit is a ``DocumentError`` of ``path``."""
    from pipeline.isolated import LimitError, run_isolated
    from schemas import DocumentError

    try:
        return run_isolated(work, time_limit or None, memory_limit or None)
    except LimitError as err:
        raise DocumentError(path, err.reason) from None


def _run_files(files: tuple[str, ...], work: Callable[[str], None]) -> dict[str, str]:
    """:func:`_each_file`, where a failure of the output place stops the command (one line naming
    the place and the cause, exit status 2)."""
    from pipeline.output import OutputError

    def guarded(path: str) -> None:
        try:
            work(path)
        except OutputError as err:
            raise _Stop(str(err)) from None

    try:
        return _each_file(files, guarded)
    except _Stop as err:
        click.echo(f"error: cannot write to {err}", err=True)
        sys.exit(2)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--out", default="-", show_default=True, help="Output folder, or - for standard output.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@_pages_option
@_no_ocr_option
@_time_limit_option
@_memory_limit_option
def tables(
    files: tuple[str, ...],
    out: str,
    fmt: str,
    pages: str | None,
    no_ocr: bool,
    time_limit: float,
    memory_limit: int,
) -> None:
    """Write every table with its page, box and a quality figure.

    CSV: one file per table (<stem>.p<page>.t<n>.csv) and an index <stem>.tables.csv;
    JSON: <stem>.tables.json with every cell's text, raw text, box and spans.
    """
    from extractors.read import read_tables
    from pipeline.output import table_record, write_tables, writing_to

    def read(path: str) -> list[dict[str, Any]]:
        return [table_record(t) for t in read_tables(path, pages, _ocr(no_ocr))]

    _warm_up()

    def work(path: str) -> None:
        found = _isolated(path, lambda: read(path), time_limit, memory_limit)
        if out == "-":
            _print_tables(path, found, fmt)
            return
        with writing_to(out):
            write_tables(shown(path), _file_id(path), found, Path(out), [fmt])
        click.echo(f"{shown(path)}: {len(found)} tables", err=True)

    sys.exit(1 if _run_files(files, work) else 0)


def _warm_up() -> None:
    """Load the Thai dictionary once, here: each document is read in a child forked from this
    process, which then starts with it instead of loading it again."""
    from extractors.thai.words import thai_dictionary

    thai_dictionary()


def _file_id(path: str, sha256: str = "") -> str:
    """The name a file's outputs take: its stem, shown, short enough for every suffix added."""
    from schemas.names import short_id, shown_stem

    return short_id(shown_stem(path), sha256 or hashlib.sha256(os.fsencode(path)).hexdigest())


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
@_time_limit_option
@_memory_limit_option
def extract(
    files: tuple[str, ...],
    out: str,
    pages: str | None,
    no_ocr: bool,
    with_text: bool,
    with_tables: bool,
    time_limit: float,
    memory_limit: int,
) -> None:
    """Read ITA measures documents into indicators, scores, actions and checks.

    Writes OUT/<stem>.json for each document (schema: schemas/ita-record.schema.json), then rebuilds
    the tables OUT/documents.csv, indicators.csv, actions.csv and checks.csv from every record in
    OUT (UTF-8 with a BOM; key column document_id), and OUT/files.csv (one row per file given, what
    became of it).  --text and --tables write the page text and the tables of the same reading
    (each PDF is read once).  A file that cannot be read gets one error line; the others go on.
    """
    from extractors.read import read_document
    from pipeline.extract import record_of
    from pipeline.output import page_text, table_record, to_json, write_atomic, write_tables, writing_to

    if out == "-" and (with_text or with_tables):
        raise click.UsageError("--text and --tables write files: give an output folder with -o")
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    read_as: dict[str, str] = {}  # path → document id
    _warm_up()

    def read(path: str) -> tuple[dict[str, Any], str | None, list[dict[str, Any]] | None, int]:
        document = read_document(path, pages, _ocr(no_ocr))
        record = record_of(document).to_dict()
        text = page_text(document.pages) if with_text else None
        found = [table_record(t) for t in document.tables] if with_tables else None
        return record, text, found, len(document.tables)

    def work(path: str) -> None:
        data, text, found, n_tables = _isolated(path, lambda: read(path), time_limit, memory_limit)
        doc_id = _file_id(path, data["source"]["sha256"])
        if doc_id in seen:  # same file name from another folder: keep both
            doc_id = f"{doc_id}-{data['source']['sha256'][:8]}"
        seen.add(doc_id)
        data["document_id"] = doc_id
        records.append(data)
        read_as[path] = doc_id
        if out == "-":
            return
        target = Path(out)
        with writing_to(out):
            write_atomic(target / f"{doc_id}.json", to_json(data))
            if text is not None:
                write_atomic(target / "text" / f"{doc_id}.txt", text)
            if found is not None:
                write_tables(shown(path), doc_id, found, target / "tables", ["csv", "json"])
        warnings = sum(1 for c in data["checks"] if c["severity"] != "info")
        click.echo(
            f"{shown(path)}: {len(data['indicators'])} indicators, {len(data['actions'])} actions, "
            f"{n_tables} tables, {warnings} warnings",
            err=True,
        )

    failed = _run_files(files, work)
    if out == "-":
        if records:
            click.echo(to_json(records[0] if len(files) == 1 else records), nl=False)
    else:
        _write_extract_tables(Path(out), files, read_as, failed)
    sys.exit(1 if failed else 0)


def _write_extract_tables(
    out: Path, files: tuple[str, ...], read_as: dict[str, str], failed: dict[str, str]
) -> None:
    """Rebuild the combined tables from every record in ``out`` (earlier calls' too, so the tables
    always match the folder's records) and merge this call's files into ``files.csv``."""
    from pipeline.datapackage import write_descriptor
    from pipeline.output import (
        FILE_COLUMNS,
        TABLE_COLUMNS,
        read_csv_rows,
        records_in,
        write_csv,
        write_record_tables,
        writing_to,
    )

    try:
        with writing_to(out):
            out.mkdir(parents=True, exist_ok=True)
            records = records_in(out)
            write_record_tables(out, records)
            sha = {r["document_id"]: r["source"]["sha256"] for r in records}
            rows = {row[0]: row for row in read_csv_rows(out / "files.csv", FILE_COLUMNS)}
            for path in files:
                size = str(os.stat(path).st_size) if os.path.isfile(path) else ""
                if path in read_as:
                    doc_id = read_as[path]
                    rows[shown(path)] = [shown(path), size, sha.get(doc_id, ""), doc_id, "read", "", ""]
                else:
                    rows[shown(path)] = [shown(path), size, "", "", "failed", "", failed.get(path, "")]
            write_csv(out / "files.csv", [FILE_COLUMNS, *(rows[k] for k in sorted(rows))])
            write_descriptor(out, [*TABLE_COLUMNS, "files"])
    except Exception as err:
        click.echo(f"error: cannot write to {err}", err=True)
        sys.exit(2)


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
    from pipeline.output import OutputError, writing_to

    def skipped(item: Skipped) -> None:
        click.echo(f"skipped: {item.path}: {item.reason}", err=True)

    result = audit_folder(Path(folder), on_skip=skipped)
    if not result.documents:
        _fail(folder, "no ITA records (*.json from ita extract or ita batch) found")
        sys.exit(1)
    html_path = Path(html_out) if html_out else Path(folder) / "audit.html"
    try:
        with writing_to(html_path.parent):
            paths = write_audit(result, html_path)
    except OutputError as err:
        click.echo(f"error: cannot write to {err}", err=True)
        sys.exit(2)
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
@_time_limit_option
@_memory_limit_option
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


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Worker processes.")
@click.option(
    "--queue", type=click.IntRange(min=0), default=8, show_default=True, help="Requests that may wait."
)
@click.option("--max-upload-mb", type=click.FloatRange(min=0.001), default=50.0, show_default=True)
@_time_limit_option
@_memory_limit_option
@click.option(
    "--token",
    envvar="ITA_SERVE_TOKEN",
    help="Bearer token every request but /health must carry (or ITA_SERVE_TOKEN); needed off loopback.",
)
def serve(
    host: str,
    port: int,
    workers: int,
    queue: int,
    max_upload_mb: float,
    time_limit: float,
    memory_limit: int,
    token: str | None,
) -> None:
    """Serve the extractor over HTTP: POST /extract (a PDF) gives its record as JSON.

    GET /schema gives the record's JSON Schema, GET /health the service's state, /docs the OpenAPI
    description.  Needs the serve extra: pip install 'ita-extract[serve]'.
    """
    try:
        from pipeline.serve import ServeSettings, check_listen
        from pipeline.serve import serve as run_service

        check_listen(host, token)
    except ImportError:
        click.echo("error: ita serve needs the serve extra: pip install 'ita-extract[serve]'", err=True)
        sys.exit(2)
    except ValueError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    settings = ServeSettings(
        workers=workers,
        queue=queue,
        max_upload_mb=max_upload_mb,
        time_limit=time_limit or None,
        memory_mb=memory_limit or None,
        token=token,
    )
    click.echo(f"ita serve: http://{host}:{port}/ (docs at /docs); Ctrl-C stops it", err=True)
    run_service(host, port, settings)


if __name__ == "__main__":  # pragma: no cover
    main()
