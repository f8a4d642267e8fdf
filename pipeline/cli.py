"""The ``ita`` command line.  It calls the pipeline and formats what comes back; nothing else."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from extractors.read import read_tables, read_text
from pipeline.audit.folder import Skipped, audit_folder, summary
from pipeline.audit.report import write_audit
from pipeline.batch.progress import ProgressView
from pipeline.batch.run import batch as run_batch
from pipeline.batch.types import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT, BatchError
from pipeline.extract import extract as extract_record
from pipeline.output import csv_text, table_record, to_json, write_atomic, write_csv, write_record_tables
from schemas import DocumentError, Table


def _fail(path: str, reason: str) -> None:
    click.echo(f"error: {path}: {reason}", err=True)


def _each_file(files: tuple[str, ...], work: Callable[[str], None]) -> int:
    """Run ``work`` on every file; a file that fails gets one error line and the rest go on.

    Returns the number of files that failed.
    """
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ita-extract")
def main() -> None:
    """Read Thai ITA measures documents (PDF) into clean, traceable text and tables."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--pages", metavar="RANGE", help="Pages to read, e.g. 1-3,5 (default: all).")
def text(files: tuple[str, ...], pages: str | None) -> None:
    """Print the repaired text of each page, with the page's kind (text, scanned, empty)."""

    def work(path: str) -> None:
        result = read_text(path, pages)
        if len(files) > 1:
            click.echo(f"##### {path}")
        for page in result:
            click.echo(f"=== page {page.number} [{page.kind.value}] {page.reason}")
            if page.text:
                click.echo(page.text)

    sys.exit(1 if _each_file(files, work) else 0)


def _write_tables(path: str, tables: list[Table], out: str, fmt: str) -> None:
    stem = Path(path).stem
    records = [table_record(t) for t in tables]
    if out == "-":
        if fmt == "json":
            click.echo(to_json({"file": path, "tables": records}), nl=False)
        else:
            for rec in records:
                click.echo(
                    f"# {path} page {rec['page']} table {rec['index'] + 1} box {rec['box']} "
                    f"quality {rec['quality']['score']:.2f} ({rec['quality']['strategy']})"
                )
                click.echo(csv_text(rec["rows"]), nl=False)
        return
    target = Path(out)
    if fmt == "json":
        write_atomic(target / f"{stem}.tables.json", to_json({"file": path, "tables": records}))
        return
    index = [["file", "page", "table", "box", "rows", "cols", "strategy", "quality", "continues_previous"]]
    for rec in records:
        name = f"{stem}.p{rec['page']}.t{rec['index'] + 1}.csv"
        write_csv(target / name, rec["rows"])
        q = rec["quality"]
        index.append(
            [
                name,
                rec["page"],
                rec["index"] + 1,
                " ".join(str(v) for v in rec["box"]),
                rec["n_rows"],
                rec["n_cols"],
                q["strategy"],
                f"{q['score']:.3f}",
                rec["continues_previous"],
            ]
        )
    write_csv(target / f"{stem}.tables.csv", index)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--out", default="-", show_default=True, help="Output folder, or - for standard output.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--pages", metavar="RANGE", help="Pages to read, e.g. 1-3,5 (default: all).")
def tables(files: tuple[str, ...], out: str, fmt: str, pages: str | None) -> None:
    """Write every table with its page, box and a quality figure.

    CSV: one file per table (<stem>.p<page>.t<n>.csv) and an index <stem>.tables.csv;
    JSON: <stem>.tables.json with every cell's text, raw text, box and spans.
    """

    def work(path: str) -> None:
        found = read_tables(path, pages)
        _write_tables(path, found, out, fmt)
        if out != "-":
            click.echo(f"{path}: {len(found)} tables", err=True)

    sys.exit(1 if _each_file(files, work) else 0)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-o", "--out", required=True, help="Output folder, or - to print the JSON (an array for several files)."
)
@click.option("--pages", metavar="RANGE", help="Pages to read, e.g. 1-3,5 (default: all).")
def extract(files: tuple[str, ...], out: str, pages: str | None) -> None:
    """Read ITA measures documents into indicators, scores, actions and checks.

    Writes OUT/<stem>.json for each document (schema: schemas/ita-record.schema.json) and the
    tables OUT/documents.csv, indicators.csv, actions.csv and checks.csv (UTF-8 with a BOM; key
    column document_id).  A file that cannot be read gets one error line; the others go on.
    """
    records: list[dict[str, object]] = []
    seen: set[str] = set()

    def work(path: str) -> None:
        record = extract_record(path, pages)
        if record.document_id in seen:  # same file name from another folder: keep both
            record.document_id = f"{record.document_id}-{record.source.sha256[:8]}"
        seen.add(record.document_id)
        data = record.to_dict()
        records.append(data)
        if out != "-":
            write_atomic(Path(out) / f"{record.document_id}.json", to_json(data))
            warnings = sum(1 for c in record.checks if c.severity.value != "info")
            click.echo(
                f"{path}: {len(record.indicators)} indicators, {len(record.actions)} actions, "
                f"{warnings} warnings",
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
    quiet: bool,
) -> None:
    """Convert whole archives: every PDF in SOURCES (folders, searched recursively; glob
    patterns; @LIST files with one source per line) into OUT, resumably.

    Writes OUT/<document_id>.json per document, the manifest OUT/manifest.sqlite (what is done,
    failed or left to do, by content hash), and the combined tables documents, indicators,
    actions, checks and errors as CSV, Parquet and one SQLite database (OUT/tables.sqlite).
    Run it again to resume: documents done before and unchanged are skipped.  A file that cannot
    be read, or that hits the time or memory limit, becomes a row of errors and the rest go on.
    Exit status: 0 all read, 1 some files failed, 2 the batch could not run.
    """
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
