"""``figcheck check-table``: check curated datasets on pandas, polars, Great Expectations or Spark."""

from __future__ import annotations

import sys

import click

from figcheck.cli.common import (EXIT_INPUT, EXIT_INTERNAL, FAIL_ON, ci_report, exit_for, load_rules_or_exit,
                                 spark_or_exit)


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
@click.option("--format", "fmt", type=click.Choice(["console", "json", "jsonl", "junit", "sarif", "github", "parquet"]),
              default="console", show_default=True,
              help="parquet: with --engine spark and --output DIR (one row per anomaly or unreadable cell).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to use over the files (default: all cores); results are the same for any value.")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Write the report to FILE; with --engine spark and --format parquet or jsonl, a directory.")
@click.option("--language", default="vi", show_default=True)
def check_table(paths: tuple[str, ...], rules: tuple[str, ...], no_default_rules: bool, id_column: str | None,
                strict: bool, header_row: int | None, skip_rows: int | None, engine: str, data_docs: str | None, table_names: tuple[str, ...], spark_master: str,
                spark_conf: tuple[str, ...], fmt: str, fail_on: str, jobs: int | None,
                output: str | None, language: str) -> None:
    """Check curated datasets (CSV, Parquet, JSON Lines, Excel): every row's figures against the packs.

    Wide tables have a row per record and a column per metric; long tables have id, metric, value
    (and optional low, high, qualifier) columns. Exit codes as for `check`.
    """
    import os
    from collections import Counter

    from figcheck.datasets.table_check import TableChecker
    from figcheck.reports.output import open_output

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
    if header_row is not None and skip_rows is not None:
        click.echo("figcheck: give --header-row N or --skip-rows N, not both", err=True)
        sys.exit(EXIT_INPUT)
    read_options = {k: v for k, v in (("header_row", header_row), ("skip_rows", skip_rows)) if v is not None}
    checker = TableChecker(ruleset, id_column=id_column, strict=strict, engine="pandas" if engine == "spark" else engine,
                           data_docs=data_docs, read_options=read_options)
    results = []
    severities: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    input_errors = internal_errors = 0
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
    for res in checked:
        results.append(res)
        if res.error is not None and res.error.internal:
            internal_errors += 1
            click.echo(f"figcheck: internal error: {res.source}: {res.error}", err=True)
        elif res.error is not None:
            input_errors += 1
            click.echo(f"figcheck: input error: {res.source}: {res.error}", err=True)
        for a in res.anomalies:
            severities[a.severity] += 1
            by_rule[a.rule] += 1
        if res.cell_errors:
            severities["error"] += len(res.cell_errors)
            by_rule["figcheck.cell.not-a-number"] += len(res.cell_errors)
        for n in res.not_evaluated:
            severities[n["severity"]] += 1
    summary = {"tables": len(results), "rows": sum(r.rows for r in results),
               "anomalies": {s: severities[s] for s in ("error", "warning", "info")},
               "by_rule": dict(sorted(by_rule.items())), "input_errors": input_errors,
               "cell_errors": sum(len(r.cell_errors) for r in results),
               "not_evaluated": sum(len(r.not_evaluated) for r in results),
               "internal_errors": internal_errors,
               "skipped_for_nulls": sum(sum(r.skipped_for_nulls.values()) for r in results)}
    if to_directory:
        _table_results_to_directory(spark, results, summary, output, fmt)
        fmt = "console"  # and the summary on the console
        output = None
    with open_output(output) as out:
        if fmt == "json":
            import json

            from figcheck.reports.json_report import SCHEMA_VERSION

            out.write(json.dumps({"version": SCHEMA_VERSION, "tables": [r.to_dict() for r in results], "summary": summary},
                                 ensure_ascii=False, indent=2) + "\n")
        elif fmt == "jsonl":
            from figcheck.reports.json_report import JsonLinesReportWriter

            writer = JsonLinesReportWriter(out)
            for r in results:
                writer.write(r.to_dict())
            writer.close(summary)
        elif fmt == "console":
            from rich.table import Table as RichTable

            from figcheck.reports.console import make_console
            from figcheck.reports.table_console import table_report

            console = make_console(out)
            for r in results:
                console.print(table_report(r))
            t = RichTable(title="figcheck summary", title_justify="left")
            t.add_column("what")
            t.add_column("count", justify="right")
            for key in ("tables", "rows", "input_errors", "internal_errors", "cell_errors", "not_evaluated",
                        "skipped_for_nulls"):
                t.add_row(key.replace("_", " "), str(summary[key]))
            for sev, n in summary["anomalies"].items():
                t.add_row(f"{sev}s", str(n))
            console.print(t)
        else:
            out.write(ci_report(fmt, results, ruleset, fail_on, summary, kind="table"))
    exit_for(severities, fail_on, input_errors=input_errors, internal_errors=internal_errors)


def _table_results_to_directory(spark, results, summary, output: str, fmt: str) -> None:
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
    text = json.dumps({"version": SCHEMA_VERSION, "tables": tables, "summary": summary}, ensure_ascii=False) + "\n"
    try:
        write_directory(spark, frame.coalesce(1), output, fmt, extra_files={"_summary.json": text})
    except Exception as exc:  # noqa: BLE001
        from figcheck.engines.spark_session import spark_error_text

        click.echo(f"figcheck: cannot write {output}: {spark_error_text(exc)}; {output} was not changed", err=True)
        sys.exit(EXIT_INTERNAL)
    click.echo(f"results: {output} ({fmt}, one row per anomaly or unreadable cell; summary in "
               f"{output}/_summary.json)")
