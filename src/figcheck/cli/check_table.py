"""``figcheck check-table``: check curated datasets on pandas, polars, Great Expectations or Spark."""

from __future__ import annotations

import sys

import click

from figcheck.cli.common import (EXIT_INPUT, EXIT_INTERNAL, FAIL_ON, Settings, ci_report, exit_for, language_option,
                                 load_rules_or_exit, refuse_output_among_inputs, selection_options, spark_or_exit)

FORMATS = ("console", "concise", "html", "json", "jsonl", "junit", "sarif", "github", "parquet")


@click.command("check-table")
@click.argument("paths", nargs=-1)
@click.option("--rules", "rules", multiple=True, metavar="NAME|FILE",
              help="Add a rule pack (built-in name or YAML file); its 'columns' map column names to metrics.")
@click.option("--no-default-rules", is_flag=True, help="Start from no pack instead of the language's defaults.")
@click.option("--id", "id_column", default=None, metavar="COLUMN", help="The column that names a row in reports.")
@click.option("--strict", is_flag=True,
              help="A rule that could not be evaluated (columns missing, no faithful form on the engine, rows "
                   "skipped for empty cells) is an error, not a warning.")
@click.option("--header-row", type=click.IntRange(min=1), default=None, metavar="N",
              help="CSV: the header is line N (default: found, skipping title lines above it).")
@click.option("--skip-rows", type=click.IntRange(min=0), default=None, metavar="N",
              help="CSV: skip N lines above the header.")
@click.option("--engine", type=click.Choice(["pandas", "polars", "gx", "spark"]), default="pandas", show_default=True,
              help="pandas or polars: pandera's backends (identical anomalies); gx: the pack exported as a "
                   "Great Expectations suite and run by GX (pip install figcheck[gx]); spark: Apache Spark "
                   "(pip install figcheck[spark]), the same anomalies.")
@click.option("--data-docs", type=click.Path(file_okay=False), default=None,
              help="With --engine gx: build Great Expectations Data Docs in this directory.")
@click.option("--table", "table_names", multiple=True, metavar="NAME",
              help="With --engine spark: a table of the Spark catalog to check (as well as, or instead of, PATHS).")
@click.option("--spark-master", default="local[*]", show_default=True, metavar="URL",
              help="With --engine spark: the cluster to run on.")
@click.option("--spark-conf", multiple=True, metavar="KEY=VALUE", help="With --engine spark: a Spark setting.")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              default="console", show_default=True,
              help="parquet: with --engine spark and --output DIR (one row per anomaly or unreadable cell).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to use over the files (default: all cores); results are the same for any value.")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Write the report to FILE; with --engine spark and --format parquet or jsonl, a directory.")
@click.option("--max-cell-errors", type=click.IntRange(min=0), default=1000, show_default=True, metavar="N",
              help="Cells that are not numbers listed per column; the rest are counted (cell_errors_omitted).")
@language_option()
@selection_options
@click.pass_context
def check_table(ctx: click.Context, paths: tuple[str, ...], rules: tuple[str, ...], no_default_rules: bool,
                id_column: str | None, strict: bool, header_row: int | None, skip_rows: int | None,
                engine: str, data_docs: str | None, table_names: tuple[str, ...],
                spark_master: str, spark_conf: tuple[str, ...], fmt: str, fail_on: str, jobs: int | None,
                max_cell_errors: int, output: str | None, language: str, select: tuple[str, ...],
                ignore: tuple[str, ...], config_path: str | None, isolated: bool) -> None:
    """Check curated datasets (CSV, Parquet, JSON Lines, Excel): every row's figures against the packs.

    Wide tables have a row per record and a column per metric; long tables have id, metric, value
    (and optional low, high, qualifier) columns. Exit codes as for `check` (3 also when figcheck fails
    on a table: the other tables are still checked and reported); configuration, --select and --ignore as
    for `check`.
    """
    import os

    settings = Settings(ctx, paths, config_path=config_path, isolated=isolated, rules=rules,
                        no_default_rules=no_default_rules, fmt=fmt, fail_on=fail_on, select=select, ignore=ignore,
                        formats=FORMATS)
    fmt, fail_on, rules, no_default_rules = settings.fmt, settings.fail_on, settings.rules, settings.no_default_rules
    selection = settings.selection()

    from figcheck.datasets.table_check import TableChecker

    if not paths and not table_names:
        click.echo("figcheck: nothing to check: give table files (or --table NAME with --engine spark)", err=True)
        sys.exit(EXIT_INPUT)
    if table_names and engine != "spark":
        click.echo("figcheck: --table reads the Spark catalog: it needs --engine spark", err=True)
        sys.exit(EXIT_INPUT)
    if fmt == "parquet" and not (engine == "spark" and output):
        click.echo("figcheck: --format parquet writes a directory: it needs --engine spark and --output DIR", err=True)
        sys.exit(EXIT_INPUT)
    to_directory = engine == "spark" and output is not None and fmt in ("parquet", "jsonl")
    if output is not None and os.path.isdir(output) and not to_directory:
        click.echo(f"figcheck: --output {output} is a directory; the report is one file", err=True)
        sys.exit(EXIT_INPUT)
    from figcheck.datasets.table_input import TABLE_SUFFIXES

    if not to_directory:
        refuse_output_among_inputs(output, paths, TABLE_SUFFIXES)
    ruleset = load_rules_or_exit(rules, language=language, defaults=not no_default_rules)
    if data_docs and engine != "gx":
        click.echo("figcheck: --data-docs needs --engine gx", err=True)
        sys.exit(EXIT_INPUT)
    if engine in ("gx", "polars"):
        import importlib.util

        module = "great_expectations" if engine == "gx" else "polars"
        if importlib.util.find_spec(module) is None:
            click.echo(f"figcheck: --engine {engine} needs {module}: pip install 'figcheck[{engine}]'", err=True)
            sys.exit(EXIT_INPUT)
    if any(p.lower().endswith((".parquet", ".pq")) for p in paths) and engine != "spark":
        import importlib.util

        if importlib.util.find_spec("pyarrow") is None:  # the tables are still tried, each an input error
            click.echo("figcheck: Parquet tables need pyarrow: pip install 'figcheck[parquet]'", err=True)
    if header_row is not None and skip_rows is not None:
        click.echo("figcheck: give --header-row N or --skip-rows N, not both", err=True)
        sys.exit(EXIT_INPUT)
    read_options = {k: v for k, v in (("header_row", header_row), ("skip_rows", skip_rows)) if v is not None}
    if data_docs:
        data_docs = os.path.abspath(data_docs)  # GX resolves a relative base directory against its own root
    checker = TableChecker(ruleset, id_column=id_column, strict=strict, engine="pandas" if engine == "spark" else engine,
                           data_docs=data_docs, max_cell_errors=max_cell_errors, read_options=read_options)
    from figcheck.datasets.table_check import check_tables

    if engine == "spark":
        from figcheck.engines.spark_tables import check_tables_on_spark

        spark = spark_or_exit(spark_master, spark_conf, jobs)
        if to_directory:
            from figcheck.engines.spark_session import output_problem

            problem = output_problem(spark, output)
            if problem:
                click.echo(f"figcheck: {problem}", err=True)
                sys.exit(EXIT_INPUT)
        checked = check_tables_on_spark(spark, checker, list(paths), list(table_names))
    else:
        from figcheck.validators.pipeline import default_jobs

        checked = check_tables(paths, checker, jobs or default_jobs())
    checked = (_prepared(res, selection if settings.filters else None) for res in checked)
    tally = _Tally()
    if to_directory:
        results = [tally.add(res) for res in checked]
        _table_results_to_directory(spark, results, tally.summary(), output, fmt, ruleset.packs_report())
        _console_report([], tally, None)
    elif fmt in ("json", "jsonl"):
        _json_report(checked, tally, output, fmt, ruleset.packs_report())
    elif fmt == "console":
        _console_report(checked, tally, output)
    else:
        from figcheck.reports.output import open_output

        with open_output(output) as out:
            results = [tally.add(res) for res in tally.until_a_worker_dies(checked)]
            if fmt == "html":
                from figcheck.reports.html import render_html

                out.write(render_html(results, selection.reported_rules(ruleset), tally.summary(), kind="table",
                                      title="figcheck report: tables"))
            else:
                out.write(ci_report(fmt, results, selection.reported_rules(ruleset), fail_on, tally.summary(),
                                    kind="table"))
    if tally.died:
        click.echo(f"figcheck: internal error: {tally.died}; the report holds the {tally.tables} tables checked before",
                   err=True)
        sys.exit(EXIT_INTERNAL)
    exit_for(tally.severities, fail_on, input_errors=tally.input_errors, internal_errors=tally.internal_errors)


def _prepared(res, selection):
    """A table's result with --select/--ignore applied."""
    if selection is not None:
        selection.apply_table(res)
    return res


class _Tally:
    """The summary of a run, counted table by table as the results stream past."""

    def __init__(self) -> None:
        from collections import Counter

        self.severities: Counter[str] = Counter()
        self.by_rule: Counter[str] = Counter()
        self.tables = self.rows = self.input_errors = self.internal_errors = self.cell_errors = self.not_evaluated = 0
        self.skipped_for_nulls = 0
        self.died: str | None = None

    def add(self, res):
        from figcheck.reports.escape import visible

        self.tables += 1
        self.rows += res.rows
        if res.error is not None:
            if res.error.internal:
                self.internal_errors += 1
                click.echo(f"figcheck: internal error: {visible(res.source)}: {visible(res.error)} (FIGCHECK_DEBUG=1 "
                           "prints the traceback)", err=True)
            else:
                self.input_errors += 1
                click.echo(f"figcheck: input error: {visible(res.source)}: {visible(res.error)}", err=True)
        for a in res.anomalies:
            self.severities[a.severity] += 1
            self.by_rule[a.rule] += 1
        cells = len(res.cell_errors) + getattr(res, "cell_errors_omitted", 0)
        if cells:
            self.severities["error"] += cells
            self.by_rule["figcheck.cell.not-a-number"] += cells
        self.cell_errors += cells
        for n in res.not_evaluated:
            self.severities[n["severity"]] += 1
        self.not_evaluated += len(res.not_evaluated)
        self.skipped_for_nulls += sum(getattr(res, "skipped_for_nulls", {}).values())
        return res

    def until_a_worker_dies(self, results):
        from figcheck.validators.pipeline import WorkerDied

        try:
            yield from results
        except WorkerDied as exc:
            self.died = str(exc)

    def summary(self) -> dict:
        out = {"tables": self.tables, "rows": self.rows,
               "anomalies": {s: self.severities[s] for s in ("error", "warning", "info")},
               "by_rule": dict(sorted(self.by_rule.items())), "input_errors": self.input_errors,
               "cell_errors": self.cell_errors, "not_evaluated": self.not_evaluated,
               "skipped_for_nulls": self.skipped_for_nulls}
        if self.internal_errors:
            out["internal_errors"] = self.internal_errors
        if self.died:
            out["stopped"] = f"{self.died}; the tables after the last one reported were not checked"
        return out


def _json_report(checked, tally: _Tally, output: str | None, fmt: str, packs: list) -> None:
    """``{"version": 1, "tables": [...], "summary": {...}}`` (or JSON Lines) written table by table."""
    from figcheck.reports.json_report import JsonLinesReportWriter, SCHEMA_VERSION, encode_record
    from figcheck.reports.output import open_output

    with open_output(output) as out:
        if fmt == "jsonl":
            writer = JsonLinesReportWriter(out)
            for res in tally.until_a_worker_dies(checked):
                writer.write(tally.add(res).to_dict())
            writer.close(tally.summary(), packs)
            return
        out.write(f'{{"version": {SCHEMA_VERSION}, "tables": [\n')
        for k, res in enumerate(tally.until_a_worker_dies(checked)):
            out.write(("" if k == 0 else ",\n") + encode_record(tally.add(res).to_dict()))
        out.write('\n], "summary": ' + encode_record(tally.summary()) + ', "packs": ' + encode_record(packs) + "}\n")


def _console_report(checked, tally: _Tally, output: str | None) -> None:
    from rich.table import Table as RichTable

    from figcheck.reports.console import make_console
    from figcheck.reports.output import open_output
    from figcheck.reports.table_console import table_report

    with open_output(output) as out:
        console = make_console(out)
        for res in tally.until_a_worker_dies(checked):
            console.print(table_report(tally.add(res), console.width))
        summary = tally.summary()
        t = RichTable(title="figcheck summary", title_justify="left")
        t.add_column("what")
        t.add_column("count", justify="right")
        for key in ("tables", "rows", "input_errors", "internal_errors", "cell_errors", "not_evaluated",
                    "skipped_for_nulls"):
            t.add_row(key.replace("_", " "), str(summary.get(key, 0)))
        for sev, n in summary["anomalies"].items():
            t.add_row(f"{sev}s", str(n))
        console.print(t)


def _table_results_to_directory(spark, results, summary, output: str, fmt: str, packs: list) -> None:
    """check-table --engine spark --output DIR: anomalies and unreadable cells, a row each, and _summary.json."""
    import json

    from figcheck.engines.spark_session import write_directory
    from figcheck.engines.spark_tables import anomaly_rows
    from figcheck.reports.json_report import SCHEMA_VERSION

    rows = anomaly_rows(results)
    schema = ("source string, kind string, id string, rule string, severity string, message string, row string, "
              "row_number bigint, line bigint, columns array<string>, `values` array<string>, explanation string, "
              "suggestion string, column string, text string")
    frame = spark.createDataFrame(rows.astype(object).where(rows.notna(), None), schema)
    if fmt == "jsonl":
        from pyspark.sql import functions as F

        frame = frame.select(F.to_json(F.struct(*frame.columns), {"ignoreNullFields": "false"}).alias("value"))
    tables = [{k: v for k, v in r.to_dict().items() if k not in ("anomalies", "cell_errors")} for r in results]
    text = json.dumps({"version": SCHEMA_VERSION, "tables": tables, "summary": summary, "packs": packs},
                      ensure_ascii=False) + "\n"
    try:
        write_directory(spark, frame.coalesce(1), output, fmt, extra_files={"_summary.json": text})
    except Exception as exc:  # noqa: BLE001
        from figcheck.engines.spark_session import spark_error_text

        click.echo(f"figcheck: cannot write {output}: {spark_error_text(exc)}; {output} was not changed", err=True)
        sys.exit(EXIT_INTERNAL)
    click.echo(f"results: {output} ({fmt}, one row per anomaly or unreadable cell; summary in "
               f"{output}/_summary.json)")
