"""The ``newsgraph`` command line: a thin layer over the library.

Heavy imports (spaCy, the store, pyarrow) happen inside the commands, so that
``newsgraph --help`` and error messages come back at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from .ingest import ReadOptions

DEFAULT_DB = os.environ.get("NEWSGRAPH_DB", "newsgraph.db")

app = typer.Typer(
    name="newsgraph",
    help="Turn news into a source-linked record: who met whom and when, who holds which office, "
    "who said what, and every figure with what it measures.\n\n"
    f"The store is a SQLite file: --db FILE on each command; default $NEWSGRAPH_DB or ./newsgraph.db (now {DEFAULT_DB}).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Paths = Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for standard input.")]
DbOption = Annotated[
    str,
    typer.Option("--db", help=f"SQLite file of the store, or a postgresql://user@host:port/db URL (default: $NEWSGRAPH_DB or ./newsgraph.db; now {DEFAULT_DB})."),
]
TextField = Annotated[Optional[str], typer.Option(help="JSONL/CSV field with the body (default: text, body, content or article).")]
TitleField = Annotated[Optional[str], typer.Option(help="Field with the title (default: title or headline).")]
DateField = Annotated[Optional[str], typer.Option(help="Field with the date (default: date, published, pubdate or dct).")]
UrlField = Annotated[Optional[str], typer.Option(help="Field with the URL (default: url or link).")]
MaxBytes = Annotated[int, typer.Option(help="Largest file or document read, in bytes.")]
Format = Annotated[Optional[str], typer.Option("--format", help="Force a reader: text, html, jsonl, csv or timeml.")]
TimeLimit = Annotated[float, typer.Option(min=0, help="Seconds a document's extraction may take before it is "
                                          "reported and skipped (0: no limit).")]
MaxChars = Annotated[int, typer.Option(min=0, help="Longest text extracted, in characters (0: no limit).")]


def _pipeline(time_limit: float, max_chars: int):  # type: ignore[no-untyped-def]
    from .pipeline import Pipeline

    return Pipeline(time_limit=time_limit, max_chars=max_chars)


def _options(text_field: str | None, title_field: str | None, date_field: str | None,
             url_field: str | None, max_bytes: int, fmt: str | None) -> ReadOptions:
    from .ingest import ReadOptions

    return ReadOptions(text_field=text_field, title_field=title_field, date_field=date_field,
                       url_field=url_field, max_bytes=max_bytes, format=fmt)


def _err(line: str) -> None:
    sys.stderr.write(line.rstrip("\n") + "\n")


@app.command()
def extract(
    paths: Paths,
    json_out: Annotated[bool, typer.Option("--json", help="Print one record per document as JSON Lines.")] = False,
    text_field: TextField = None, title_field: TitleField = None, date_field: DateField = None,
    url_field: UrlField = None, max_bytes: MaxBytes = 10_000_000, fmt: Format = None,
    time_limit: TimeLimit = 60.0, max_chars: MaxChars = 1_000_000,
) -> None:
    """Extract records from PATHs and print them (nothing is stored)."""
    from .errors import NewsgraphError
    from .ingest import read

    options = _options(text_field, title_field, date_field, url_field, max_bytes, fmt)
    failed = 0
    for outcome in _pipeline(time_limit, max_chars).run(read(paths, options, stdin=sys.stdin.buffer)):
        if isinstance(outcome, NewsgraphError):
            failed += 1
            _err(f"error: {outcome.line()}")
        elif json_out:
            sys.stdout.write(outcome.to_json() + "\n")
        else:
            from .report import print_record

            print_record(outcome)
    sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    paths: Paths,
    db: DbOption = DEFAULT_DB,
    batch: Annotated[int, typer.Option(help="Documents per transaction.")] = 64,
    text_field: TextField = None, title_field: TitleField = None, date_field: DateField = None,
    url_field: UrlField = None, max_bytes: MaxBytes = 10_000_000, fmt: Format = None,
    time_limit: TimeLimit = 60.0, max_chars: MaxChars = 1_000_000,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Extract on a local Dask cluster of N worker processes.")] = None,
    scheduler: Annotated[Optional[str], typer.Option(help="Extract on the Dask cluster at this scheduler address (tcp://host:8786).")] = None,
    staging: Annotated[Optional[str], typer.Option(help="Folder for the Dask partitions' Parquet files; shared by all workers on a real cluster.")] = None,
) -> None:
    """Extract records from PATHs and store them; documents already stored are skipped."""
    from .ingest import read
    from .ingesting import ingest_stream
    from .report import print_ingest_summary

    options = _options(text_field, title_field, date_field, url_field, max_bytes, fmt)
    items = read(paths, options, stdin=sys.stdin.buffer)
    if workers or scheduler:
        from .scale import dask_client, ingest_dask

        with dask_client(workers, scheduler) as client:
            summary = ingest_dask(items, db, client=client, batch=batch, staging=staging,
                                  total_bytes=_input_bytes(paths),
                                  pipeline_options={"time_limit": time_limit, "max_chars": max_chars})
    else:
        summary = ingest_stream(items, db, batch=batch, total_bytes=_input_bytes(paths),
                                pipeline=_pipeline(time_limit, max_chars))
    print_ingest_summary(summary, db)
    raise typer.Exit(1 if summary.failed else 0)


def _input_bytes(paths: list[str]) -> int | None:
    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-" or not path.exists():
            return None
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        total += sum(p.stat().st_size for p in files)
    return total or None


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in titles and text.")],
    db: DbOption = DEFAULT_DB,
    date_from: Annotated[Optional[str], typer.Option("--from", help="Earliest date, YYYY-MM-DD.")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="Latest date, YYYY-MM-DD.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Only this source.")] = None,
    entity: Annotated[Optional[str], typer.Option(help="Only documents mentioning this entity key.")] = None,
    limit: Annotated[int, typer.Option(help="Most results shown.")] = 20,
    json_out: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
) -> None:
    """Full-text search over the stored documents."""
    from .report import print_hits

    with _store(db) as store:
        hits = store.search(query, date_from=date_from, date_to=date_to, source=source,
                            entity=entity, limit=limit)
    print_hits(hits, json_out)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (see `newsgraph search`).")],
    db: DbOption = DEFAULT_DB,
    json_out: Annotated[bool, typer.Option("--json", help="Print the record as JSON.")] = False,
) -> None:
    """One stored document with everything extracted from it."""
    from .report import print_record

    with _store(db) as store:
        record = store.document(doc_id)
    if json_out:
        sys.stdout.write(record.to_json() + "\n")
    else:
        print_record(record)


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    type_: Annotated[Optional[str], typer.Option("--type", help="PERSON, COUNTRY, ORG, LOCATION, FACILITY, INITIATIVE or OTHER.")] = None,
    query: Annotated[Optional[str], typer.Option("--name", help="Part of the name.")] = None,
    limit: Annotated[int, typer.Option(help="Most rows shown.")] = 50,
    json_out: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
) -> None:
    """Entities across the store, most mentioned first."""
    from .report import print_entities

    with _store(db) as store:
        rows = store.entities(type=type_.upper() if type_ else None, query=query, limit=limit)
    print_entities(rows, json_out)


@app.command()
def entity(
    key: Annotated[str, typer.Argument(help="An entity key (person:vladimir-putin, country:KZ).")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Most documents listed.")] = 20,
    json_out: Annotated[bool, typer.Option("--json", help="Print the entity as JSON.")] = False,
) -> None:
    """Who an entity is: the offices it held and when, and where it appears."""
    from .report import print_entity

    with _store(db) as store:
        detail = store.entity(key, limit=limit)
    print_entity(detail, json_out)


@app.command()
def claims(
    db: DbOption = DEFAULT_DB,
    indicator: Annotated[Optional[str], typer.Option(help="Part of the indicator, e.g. 'trade'.")] = None,
    subject: Annotated[Optional[str], typer.Option(help="An entity key the figure is about, e.g. country:KZ.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="actual, target, plan, forecast, cumulative, rank or count.")] = None,
    period: Annotated[Optional[str], typer.Option(help="A TIMEX3 value, e.g. 2022.")] = None,
    limit: Annotated[int, typer.Option(help="Most rows shown.")] = 100,
    json_out: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
) -> None:
    """Figures across the store with their indicator, period, kind and source sentence."""
    from .report import print_claims

    with _store(db) as store:
        rows = store.claims(indicator=indicator, subject=subject, kind=kind, period=period, limit=limit)
    print_claims(rows, json_out)


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    table: Annotated[str, typer.Option(help="records (jsonl only), documents, entities, claims, events, quotes, times or quantities.")] = "records",
    out: Annotated[str, typer.Option("--out", "-o", help="Output file, or - for standard output (jsonl, csv).")] = "-",
) -> None:
    """Export the store: whole records as JSON Lines, or one table as CSV or Parquet."""
    from .store import export as export_store

    if fmt != "jsonl" and table == "records":
        table = "claims"
    with _store(db) as store:
        target = sys.stdout if out == "-" and fmt != "parquet" else out
        try:  # the file is where the user asks, written as the user; nothing in the data names it
            count = export_store(store, fmt, target, table=table)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _fail(f"{out}: cannot write the export: {exc.strerror or exc}") from None
    _err(f"exported {count} rows of {table} as {fmt}" + ("" if out == "-" else f" to {out}"))


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 is this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    ingest_token: Annotated[Optional[str], typer.Option(envvar="NEWSGRAPH_INGEST_TOKEN", help="Token that allows POST /api/v1/documents; ingest over HTTP is off without one. Prefer the environment variable.")] = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the web UI in a browser.")] = False,
) -> None:
    """Serve the HTTP API and the web UI (search, articles, entities, dossiers) over the store."""
    from .serve.run import run

    run(db, host=host, port=port, ingest_token=ingest_token, open_browser=open_browser, say=_err)


RatesOption = Annotated[Optional[str], typer.Option("--rates", help="CSV of currency,period,rate_to_usd; without it currencies are never converted.")]
SubjectOption = Annotated[Optional[list[str]], typer.Option("--subject", help="An entity key or name the figures are about (repeat for several).")]
IndicatorOption = Annotated[Optional[str], typer.Option(help="An indicator, matched by meaning ('mutual trade' is 'trade turnover').")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON output for scripts.")]


@app.command()
def dossier(
    a: Annotated[str, typer.Argument(help="An entity key (country:KZ) or name (Kazakhstan).")],
    b: Annotated[str, typer.Argument(help="The other entity, key or name.")],
    db: DbOption = DEFAULT_DB,
    quotes: Annotated[int, typer.Option(min=0, help="Most quotes shown.")] = 10,
    window: Annotated[int, typer.Option(min=0, help="Days apart two reports of one event may be dated.")] = 3,
    rates: RatesOption = None,
    all_series: Annotated[bool, typer.Option("--all-series", help="Show every figure series, not the main ones.")] = False,
    json_out: JsonOption = False,
) -> None:
    """Two countries (or any two entities) together: events on a timeline, figures, targets, contradictions, quotes."""
    from .resolve.commands import run_dossier

    run_dossier(db, a, b, quotes=quotes, rates=rates, window_days=window, all_series=all_series, json_out=json_out)


@app.command()
def series(
    db: DbOption = DEFAULT_DB, indicator: IndicatorOption = None, subject: SubjectOption = None,
    rates: RatesOption = None, json_out: JsonOption = False,
) -> None:
    """Figures across documents as series by period, each point with its sources."""
    from .resolve.commands import run_series

    run_series(db, indicator=indicator, subject=subject or [], rates=rates, json_out=json_out)


@app.command()
def contradictions(
    db: DbOption = DEFAULT_DB,
    tolerance: Annotated[float, typer.Option(min=0, max=0.99, help="Relative difference still taken as agreement.")] = 0.02,
    indicator: IndicatorOption = None, subject: SubjectOption = None,
    rates: RatesOption = None, json_out: JsonOption = False,
) -> None:
    """Sources that disagree on a figure for the same indicator, subject and period."""
    from .resolve.commands import run_contradictions

    run_contradictions(db, tolerance=tolerance, indicator=indicator, subject=subject or [], rates=rates, json_out=json_out)


@app.command()
def targets(
    db: DbOption = DEFAULT_DB, indicator: IndicatorOption = None, subject: SubjectOption = None,
    rates: RatesOption = None, json_out: JsonOption = False,
) -> None:
    """Targets against the latest actuals: progress, growth per year needed, whether the trend reaches them."""
    from .resolve.commands import run_targets

    run_targets(db, indicator=indicator, subject=subject or [], rates=rates, json_out=json_out)


@app.command()
def timeml(
    source: Annotated[Path, typer.Argument(help="A TimeML (.tml) file, or a folder of them (TempEval-3 input).")],
    target: Annotated[Path, typer.Argument(help="Output file, or folder (the same names as the inputs).")],
) -> None:
    """Tag time expressions (TIMEX3 with type and value) in TimeML files, for the TempEval-3 scorer."""
    from .errors import NewsgraphError
    from .timeml import annotate_timeml_files

    done = failed = 0
    try:
        for _, error in annotate_timeml_files(source, target):
            done += error is None
            failed += error is not None
            if error is not None:
                _err(f"error: {error.line()}")
    except NewsgraphError as err:
        raise _fail(err.line()) from None
    _err(f"annotated {done} TimeML file(s)" + (f", {failed} failed" if failed else ""))
    raise typer.Exit(1 if failed or not done else 0)


class _store:  # noqa: N801 - used as a context manager, reads like a function
    """Opens the store read-only for queries, with a clear error when it is missing."""

    def __init__(self, db: str) -> None:
        self.db = db

    def __enter__(self):  # type: ignore[no-untyped-def]
        from .store import Store

        if "://" not in self.db and not Path(self.db).exists():
            raise _fail(f"{self.db}: no such store; create it with `newsgraph ingest PATH --db {self.db}`")
        self.store = Store.open(self.db, readonly=True)
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()


def _fail(message: str) -> typer.Exit:
    _err(f"error: {message}")
    return typer.Exit(2)


def main() -> None:
    """Entry point: library errors become one line on stderr and exit status 2."""
    from .errors import NewsgraphError

    try:
        app()
    except NewsgraphError as exc:
        _err(f"error: {exc.line()}")
        sys.exit(2)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
