"""The command line: a subcommand per task. Data goes to stdout; messages and progress to stderr."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from incidentkb import pipeline
from incidentkb.errors import IncidentKBError, InputError, UsageError
from incidentkb.exports import EXPORT_FORMATS, write_export
from incidentkb.present import incident_rows, show_record
from incidentkb.store import open_store

app = typer.Typer(
    help="incidentkb: a sourced incident database from reports, every value tied to the words that state it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, soft_wrap=True)
# a wide table when piped, so that rows stay one line each in logs and transcripts
stdout = Console(width=None if sys.stdout.isatty() else 200)

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="INCIDENTKB_DB", help="SQLite file or postgresql:// URL."),
]
DEFAULT_DB = "incidentkb.db"
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-j",
        min=1,
        help="Processes for extraction [default: all cores for big batches].",
    ),
]


class RowFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    ids = "ids"


@contextmanager
def progress_bar(quiet: bool, label: str):  # type: ignore[no-untyped-def]
    """A rich progress bar on stderr, hidden when quiet or stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=stderr, transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.advance(task, n)


@contextmanager
def _open(db: str):  # type: ignore[no-untyped-def]
    """The store, closed afterwards; an IncidentKBError inside becomes one line and exit 1."""
    try:
        with open_store(db) as store:
            yield store
    except IncidentKBError as err:
        stderr.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(1) from None


@app.command()
def ingest(
    reports: Annotated[
        list[Path], typer.Argument(help="Files, folders (recursively), feeds, .jsonl.")
    ],
    db: DbOption = DEFAULT_DB,
    quiet: Quiet = False,
    workers: Workers = None,
) -> None:
    """Read reports into the database; unchanged reports are skipped."""
    with _open(db) as store, progress_bar(quiet, "ingesting") as progress:
        result = pipeline.ingest(reports, store, progress=progress, workers=workers)
    for problem in result.problems:
        stderr.print(str(problem), markup=False, highlight=False)
    stderr.print(result.summary(), markup=False, highlight=False)
    raise typer.Exit(1 if result.problems else 0)


@app.command()
def extract(
    reports: Annotated[list[Path], typer.Argument(help="Files, folders, feeds, .jsonl.")],
    workers: Workers = None,
) -> None:
    """What each document alone says, as one JSON line per document; no database."""
    failed = False
    for item in pipeline.extract_paths(reports, workers=workers or 1):
        if isinstance(item, InputError):
            failed = True
            stderr.print(str(item), markup=False, highlight=False)
        else:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def incidents(
    q: Annotated[str | None, typer.Option("--q", help="Text in the title or a quote.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO country code, e.g. IR.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Incidents on or after this date (YYYY-MM-DD).")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="bombing, shooting, ...")] = None,
    background: Annotated[
        bool, typer.Option(help="Include incidents known only as background.")
    ] = False,
    format: Annotated[
        RowFormat, typer.Option("--format", help="table, json, csv or ids.")
    ] = RowFormat.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List incidents, newest first."""
    start = _date_option(since, "--since")
    with _open(db) as store:
        records = store.incidents(
            q=q, country=country, since=start, type=type, include_background=background
        )
    incident_rows(records, format.value, stdout)


@app.command()
def show(
    incident_id: Annotated[
        str, typer.Argument(metavar="ID", help="An incident id (or a unique prefix).")
    ],
    format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    db: DbOption = DEFAULT_DB,
) -> None:
    """One incident: the record, every claim with its quote, and the toll history."""
    with _open(db) as store:
        record = store.record(incident_id)
    if format == "json":
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=1) + "\n")
    else:
        show_record(record, stdout)


@app.command()
def export(
    format: Annotated[
        str, typer.Option("--format", help=f"One of: {', '.join(EXPORT_FORMATS)}.")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default stdout).")
    ] = None,
    background: Annotated[bool, typer.Option(help="Include background incidents.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write every incident record in a format for other tools."""
    if format not in EXPORT_FORMATS:
        raise typer.BadParameter(
            f"unknown format {format!r}; use one of: {', '.join(EXPORT_FORMATS)}"
        )
    with _open(db) as store:
        records = store.incidents(include_background=background)
    if output is None:
        write_export(records, format, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as out:
            write_export(records, format, out)
        stderr.print(f"{len(records)} incidents written to {output}", markup=False, highlight=False)


@app.command("eval")
def evaluate(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold records (*.gold.json) or labelled corpora (*.jsonl).")
    ],
    errors: Annotated[
        bool,
        typer.Option(
            "--errors", help="Print each miss with the text around it, grouped by field and cause."
        ),
    ] = False,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    muc4: Annotated[
        bool,
        typer.Option(
            "--muc4",
            help="Score MUC-4 role fillers (CEAF-REE): GOLD is the corpus .jsonl, then the"
            " predictions .jsonl that `incidentkb muc4` wrote.",
        ),
    ] = False,
) -> None:
    """Field-by-field precision and recall against gold records."""
    if muc4:
        _eval_muc4(gold, format)
        return
    from incidentkb.evaluation import evaluate_each, print_reports

    reports = evaluate_each(gold)
    if format == "json":
        sys.stdout.write(json.dumps(reports, ensure_ascii=False, indent=1) + "\n")
    else:
        print_reports(reports, stdout, errors=errors)


Author = Annotated[
    str | None,
    typer.Option("--by", envvar="USER", help="Who makes the correction [default: $USER]."),
]
Note = Annotated[str | None, typer.Option("--note", help="Why, in a few words.")]


@app.command()
def reextract(db: DbOption = DEFAULT_DB, quiet: Quiet = False) -> None:
    """Extract every stored report again (after an upgrade) and re-group; corrections are kept."""
    with _open(db) as store, progress_bar(quiet, "re-extracting") as progress:
        n = pipeline.reextract(store, progress)
    stderr.print(f"{n} documents re-extracted", markup=False, highlight=False)


@app.command()
def merge(
    incident_ids: Annotated[
        list[str], typer.Argument(metavar="ID...", help="Two or more incident ids (or prefixes).")
    ],
    by: Author = None,
    note: Note = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Make several incidents one; kept through later reports and re-grouping."""
    with _open(db) as store, _usage():
        merged = pipeline.merge(store, incident_ids, by, note)
    stderr.print(f"merged into {merged}", markup=False, highlight=False)
    sys.stdout.write(merged + "\n")


@app.command()
def split(
    incident_id: Annotated[str, typer.Argument(metavar="ID", help="An incident id (or prefix).")],
    documents: Annotated[
        str,
        typer.Option(
            "--documents", help="Comma-separated ids (or prefixes) of the documents to take out."
        ),
    ],
    by: Author = None,
    note: Note = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Take some documents' reports out of an incident; kept through later re-grouping."""
    with _open(db) as store, _usage():
        ids = pipeline.split(store, incident_id, documents.split(","), by, note)
    stderr.print(f"now {len(ids)} incidents: {', '.join(ids)}", markup=False, highlight=False)
    sys.stdout.write("".join(i + "\n" for i in ids))


@app.command()
def reject(
    claim: Annotated[
        str,
        typer.Argument(
            metavar="CLAIM", help="DOCUMENT:START-END, as `show` prints it beside each figure."
        ),
    ],
    field: Annotated[
        str | None, typer.Option("--field", help="Only the claim of this field (e.g. killed).")
    ] = None,
    by: Author = None,
    note: Note = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Mark a claim wrong: shown as rejected, it no longer counts."""
    with _open(db) as store, _usage():
        ids = pipeline.reject(store, claim, field, by, note)
    stderr.print(f"rejected in {', '.join(ids)}", markup=False, highlight=False)


@contextmanager
def _usage():  # type: ignore[no-untyped-def]
    """A UsageError becomes one line and exit code 2."""
    try:
        yield
    except UsageError as err:
        stderr.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(2) from None


def _eval_muc4(paths: list[Path], format: str) -> None:
    if len(paths) != 2:
        raise typer.BadParameter("--muc4 takes two files: the corpus and the predictions")
    for path in paths:
        if not path.is_file():
            raise typer.BadParameter(f"{path}: no such file")
    from incidentkb.muc4.score import format_scores, score_files

    try:
        scores = score_files(paths[0], paths[1])
    except IncidentKBError as err:
        stderr.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    if format == "json":
        sys.stdout.write(json.dumps(scores, indent=1) + "\n")
    else:
        sys.stdout.write(format_scores(scores, "CEAF-REE") + "\n")


@app.command("muc4")
def muc4_fillers(
    input: Annotated[
        Path, typer.Argument(metavar="INPUT.jsonl", help="One JSON object per line: id, text.")
    ],
    workers: Workers = None,
) -> None:
    """MUC-4 role fillers (PerpInd, PerpOrg, Target, Victim, Weapon), one JSON line per document."""
    if not input.is_file():
        stderr.print(f"error: {input}: no such file", markup=False, highlight=False)
        raise typer.Exit(2)
    try:
        from incidentkb.muc4 import predict_jsonl
    except ImportError as err:
        stderr.print(
            f"error: the MUC-4 extractor needs spaCy ({err}); install with: pip install -e '.[nlp]'",
            markup=False,
            highlight=False,
        )
        raise typer.Exit(1) from None
    problems = predict_jsonl(input, sys.stdout, n_process=workers or 1)
    for problem in problems:
        stderr.print(str(problem), markup=False, highlight=False)
    raise typer.Exit(1 if problems else 0)


def _date_option(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD", param_hint=name
        ) from None


def main() -> None:
    """Entry point: IncidentKBError becomes one line on stderr and exit 1."""
    try:
        app()
    except IncidentKBError as err:
        stderr.print(f"error: {err}", markup=False, highlight=False)
        sys.exit(1)
