"""The ``figcheck`` command.

Heavy modules (pandas, pandera, rich tables) are imported inside the commands that need them, so
``figcheck --help`` stays fast.
"""

from __future__ import annotations

import sys

import click

from figcheck._version import __version__

EXIT_OK, EXIT_FAIL, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figcheck")
def main() -> None:
    """Check whether the figures an article reports agree with each other."""
    _install_signal_handlers()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True,
              help="json: the machine-readable contract; table: one table per article.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--language", default="vi", show_default=True, help="Language of the articles.")
@click.option("--encoding", default=None, metavar="NAME",
              help="Encoding of text files (utf-8, utf-16, windows-1258, tcvn3, vni); detected by default.")
def extract(paths: tuple[str, ...], fmt: str, output: str | None, language: str, encoding: str | None) -> None:
    """Read figures and relations from articles.

    PATHS are .txt/.md files, directories (searched recursively), .jsonl files (one article per line:
    id, text, optional title, url, date) or - for one article on standard input.
    """
    counts = {"errors": 0, "internal": 0}
    try:
        _extract_to(paths, fmt, output, language, encoding, counts)
    except (KeyboardInterrupt, Terminated) as exc:
        code = 143 if isinstance(exc, Terminated) else 130
        click.echo(f"figcheck: {'terminated' if code == 143 else 'interrupted'}"
                   + ("; no report was written" if output else ""), err=True)
        sys.exit(code)
    sys.exit(EXIT_INTERNAL if counts["internal"] else EXIT_INPUT if counts["errors"] else EXIT_OK)


def _extract_to(paths, fmt, output, language, encoding, counts) -> None:
    """Write the extract report; ``counts`` gathers the inputs with errors."""
    import figcheck
    from figcheck.reports.output import open_output

    with open_output(output) as out:
        if fmt == "json":
            from figcheck.reports.json_report import JsonReportWriter

            writer = JsonReportWriter(out)
        else:
            from rich.console import Console

            from figcheck.reports.table import article_tables

            console = Console(file=out, width=None if out.isatty() else 160, no_color=not out.isatty())
        for article in figcheck.read(paths, language=language, encoding=encoding):
            if article.error is not None:
                counts["internal" if article.error.internal else "errors"] += 1
                _report_input_error(article)
            if fmt == "json":
                writer.write(article.to_dict())
            else:
                console.print(article_tables(article))
        if fmt == "json":
            writer.close()


FAIL_ON = ("error", "warning", "info", "never")
_RANK = {"info": 0, "warning": 1, "error": 2}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--rules", "rules", multiple=True, metavar="NAME|FILE",
              help="Add a rule pack (built-in name or YAML file); a pack named like a default one replaces it.")
@click.option("--no-default-rules", is_flag=True, help="Start from no pack instead of the language's defaults.")
@click.option("--format", "fmt", type=click.Choice(["console", "json", "jsonl", "junit", "sarif", "github", "parquet"]),
              default="console", show_default=True,
              help="console for people; json for tools (jsonl: an article a line, for large runs); "
                   "junit, sarif, github for CI; parquet: with --engine spark and --output DIR.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit 1 when an anomaly of this severity or above is found.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to use (default: all cores). Results are the same, in input order, for any value.")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Write the report to FILE (atomically) instead of standard output; with --engine spark "
                   "and --format parquet or jsonl, a directory of part files and _summary.json.")
@click.option("--language", default="vi", show_default=True)
@click.option("--encoding", default=None, metavar="NAME",
              help="Encoding of text files (utf-8, utf-16, windows-1258, tcvn3, vni); detected by default.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="local: this machine's cores (--jobs); spark: Apache Spark (pip install 'figcheck[spark]').")
@click.option("--spark-master", default="local[*]", show_default=True, metavar="URL",
              help="With --engine spark: the cluster to run on.")
@click.option("--spark-conf", multiple=True, metavar="KEY=VALUE", help="With --engine spark: a Spark setting.")
@click.option("--text-column", default="text", show_default=True, metavar="NAME",
              help="With --engine spark: the column of a Parquet input that holds the article text.")
@click.option("--debug", is_flag=True, help="Print tracebacks of internal errors.")
def check(paths: tuple[str, ...], rules: tuple[str, ...], no_default_rules: bool, fmt: str, fail_on: str,
          jobs: int | None, output: str | None, language: str, encoding: str | None, engine: str,
          spark_master: str, spark_conf: tuple[str, ...], text_column: str, debug: bool) -> None:
    """Check that the figures of articles agree with each other.

    Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 an input or rule file could not be
    read (everything else is still checked and reported); 3 an internal error.
    """
    import os

    if debug:
        os.environ["FIGCHECK_DEBUG"] = "1"
    from figcheck.validators.pipeline import Summary, check_sources, default_jobs
    from figcheck.reports.output import open_output
    from figcheck.reading.sources import iter_sources
    from figcheck.rules.loader import RuleFileError, load_ruleset

    try:
        ruleset = load_ruleset(list(rules), language=language, defaults=not no_default_rules)
    except RuleFileError as exc:
        click.echo(f"figcheck: rule file error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    spark = None
    if engine == "spark":
        spark = _spark_or_exit(spark_master, spark_conf, jobs)
        if output is not None and fmt in ("parquet", "jsonl"):
            _check_on_spark_to_directory(spark, paths, ruleset, output, fmt, fail_on, language, encoding,
                                         text_column, debug)
    if fmt == "parquet":
        click.echo("figcheck: --format parquet writes a directory: it needs --engine spark and --output DIR", err=True)
        sys.exit(EXIT_INPUT)
    if output is not None and os.path.isdir(output):
        click.echo(f"figcheck: --output {output} is a directory; the report is one file "
                   "(a directory of results: --engine spark with --format parquet or jsonl)", err=True)
        sys.exit(EXIT_INPUT)
    summary = Summary()
    try:
        with open_output(output) as out:
            collected = []  # the CI formats are whole documents: they are written at the end
            if fmt in ("json", "jsonl"):
                from figcheck.reports.json_report import JsonLinesReportWriter, JsonReportWriter

                writer = JsonReportWriter(out) if fmt == "json" else JsonLinesReportWriter(out)
            elif fmt == "console":
                from figcheck.reports.console import article_report, make_console, summary_table

                console = make_console(out)
            progress = _progress(len(paths))
            if spark is not None:
                from figcheck.engines.spark_articles import stream_results

                results = stream_results(spark, list(paths), ruleset, language, encoding, text_column,
                                         light=fmt in ("json", "jsonl"))
            else:
                results = check_sources(iter_sources(paths, encoding=encoding), ruleset, language,
                                        jobs or default_jobs(), encode=fmt in ("json", "jsonl"))
            for result in results:
                summary.add(result)
                if result.article.error is not None:
                    _report_input_error(result.article)
                if result.internal_error is not None:
                    click.echo(f"figcheck: internal error while checking {result.article.source}: "
                               f"{result.internal_error} (run with --debug for the traceback)", err=True)
                if progress is not None:
                    progress.advance(progress.task_ids[0])
                if fmt in ("json", "jsonl"):
                    writer.write(result.encoded if result.encoded is not None else result.to_dict())
                elif fmt == "console":
                    console.print(article_report(result, plain=console.no_color, width=console.width))
                else:
                    collected.append(result)
            if progress is not None:
                progress.stop()
            if fmt in ("json", "jsonl"):
                writer.close(summary.to_dict())
            elif fmt == "console":
                console.print(summary_table(summary.to_dict()))
            else:
                out.write(_ci_report(fmt, collected, ruleset, fail_on, summary.to_dict()))
    except (KeyboardInterrupt, Terminated) as exc:
        code = 143 if isinstance(exc, Terminated) else 130
        what = "terminated" if code == 143 else "interrupted"
        click.echo(f"figcheck: {what}; no report was written" if output else f"figcheck: {what}", err=True)
        sys.exit(code)
    except Exception as exc:  # noqa: BLE001 - one line for the user, the traceback with --debug
        click.echo(f"figcheck: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                   err=True)
        if debug:
            import traceback

            traceback.print_exc()
        sys.exit(EXIT_INTERNAL)
    worst = summary.worst()
    if summary.internal_errors:
        sys.exit(EXIT_INTERNAL)
    if summary.input_errors:
        sys.exit(EXIT_INPUT)
    if fail_on != "never" and worst is not None and _RANK[worst] >= _RANK[fail_on]:
        sys.exit(EXIT_FAIL)
    sys.exit(EXIT_OK)


def _spark_or_exit(master: str, conf_pairs: tuple[str, ...], jobs: int | None):
    """A Spark session, or a one-line reason and exit 2 (no pyspark, no Java, a bad --spark-conf)."""
    from figcheck.engines.spark_session import make_session, parse_conf, spark_missing

    if jobs is not None:
        click.echo("figcheck: --jobs is for the local engine; Spark uses the cores --spark-master gives it "
                   "(local[N] on one machine)", err=True)
        sys.exit(EXIT_INPUT)
    missing = spark_missing()
    if missing:
        click.echo(f"figcheck: {missing}", err=True)
        sys.exit(EXIT_INPUT)
    try:
        conf = parse_conf(conf_pairs)
    except ValueError as exc:
        click.echo(f"figcheck: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    try:
        return make_session(master, conf)
    except Exception as exc:  # noqa: BLE001 - Spark's own message, on one line
        click.echo(f"figcheck: cannot start Spark on {master!r}: {str(exc).splitlines()[0] if str(exc) else exc}",
                   err=True)
        sys.exit(EXIT_INPUT)


def _check_on_spark_to_directory(spark, paths, ruleset, output, fmt, fail_on, language, encoding, text_column,
                                 debug) -> None:
    """``check --engine spark --output DIR``: results written by Spark, a summary on the console; exits."""
    from figcheck.reports.console import make_console, summary_table
    from figcheck.engines.spark_articles import write_results
    from figcheck.engines.spark_session import output_problem

    problem = output_problem(spark, output)
    if problem:
        click.echo(f"figcheck: {problem}", err=True)
        sys.exit(EXIT_INPUT)
    try:
        summary, errors = write_results(spark, list(paths), ruleset, output, fmt, language, encoding, text_column)
    except (KeyboardInterrupt, Terminated) as exc:
        code = 143 if isinstance(exc, Terminated) else 130
        click.echo(f"figcheck: {'terminated' if code == 143 else 'interrupted'}; {output} was not changed", err=True)
        sys.exit(code)
    except Exception as exc:  # noqa: BLE001
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        click.echo(f"figcheck: internal error: {type(exc).__name__}: {first} (run with --debug for the traceback); "
                   f"{output} was not changed", err=True)
        if debug:
            import traceback

            traceback.print_exc()
        sys.exit(EXIT_INTERNAL)
    for source, line, error, internal in errors:
        where = f"{source}" + (f" (line {line})" if line else "")
        click.echo(f"figcheck: {'input error' if error else 'internal error'}: {where}: {error or internal}", err=True)
    shown = summary["input_errors"] + summary["internal_errors"]
    if shown > len(errors):
        click.echo(f"figcheck: … {shown - len(errors)} more inputs with errors: see 'error' in {output}", err=True)
    console = make_console(sys.stdout)
    console.print(summary_table(summary))
    console.print(f"results: {output} ({fmt}, one row per article; summary in {output}/_summary.json)")
    worst = next((s for s in ("error", "warning", "info") if summary["anomalies"][s]), None)
    if summary["internal_errors"]:
        sys.exit(EXIT_INTERNAL)
    if summary["input_errors"]:
        sys.exit(EXIT_INPUT)
    if fail_on != "never" and worst is not None and _RANK[worst] >= _RANK[fail_on]:
        sys.exit(EXIT_FAIL)
    sys.exit(EXIT_OK)


def _table_results_to_directory(spark, results, summary, output: str, fmt: str) -> None:
    """check-table --engine spark --output DIR: anomalies and unreadable cells, a row each, and _summary.json."""
    import json

    from figcheck.reports.json_report import SCHEMA_VERSION
    from figcheck.engines.spark_session import write_directory
    from figcheck.engines.spark_tables import anomaly_rows

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


def _ci_report(fmt: str, results: list, ruleset, fail_on: str, summary: dict, kind: str = "text") -> str:
    from figcheck.reports import ci

    groups = ci.groups_from_articles(results) if kind == "text" else ci.groups_from_tables(results)
    if fmt == "junit":
        return ci.render_junit(groups, ruleset, fail_on)
    if fmt == "sarif":
        return ci.render_sarif(groups, ruleset)
    annotations, markdown = ci.render_github(groups, summary)
    import os

    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as fh:
            fh.write(markdown)
    return annotations


def _progress(n_inputs: int):
    """A progress bar on stderr for many inputs, only on a terminal."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                        console=Console(stderr=True), transient=True)
    progress.add_task("articles", total=None)
    progress.start()
    return progress


@main.command("check-table")
@click.argument("paths", nargs=-1)
@click.option("--rules", "rules", multiple=True, metavar="NAME|FILE",
              help="Add a rule pack (built-in name or YAML file); its 'columns' map column names to metrics.")
@click.option("--no-default-rules", is_flag=True, help="Start from no pack instead of the language's defaults.")
@click.option("--id", "id_column", default=None, metavar="COLUMN", help="The column that names a row in reports.")
@click.option("--strict", is_flag=True, help="A rule whose columns are missing is an error, not a warning.")
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
                strict: bool, engine: str, data_docs: str | None, table_names: tuple[str, ...], spark_master: str,
                spark_conf: tuple[str, ...], fmt: str, fail_on: str, jobs: int | None,
                output: str | None, language: str) -> None:
    """Check curated datasets (CSV, Parquet, JSON Lines, Excel): every row's figures against the packs.

    Wide tables have a row per record and a column per metric; long tables have id, metric, value
    (and optional low, high, qualifier) columns. Exit codes as for `check`.
    """
    import os
    from collections import Counter

    from figcheck.reports.output import open_output
    from figcheck.rules.loader import RuleFileError, load_ruleset
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
    try:
        ruleset = load_ruleset(list(rules), language=language, defaults=not no_default_rules)
    except RuleFileError as exc:
        click.echo(f"figcheck: rule file error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    if data_docs and engine != "gx":
        click.echo("figcheck: --data-docs needs --engine gx", err=True)
        sys.exit(EXIT_INPUT)
    if engine in ("gx", "polars"):
        import importlib.util

        module = "great_expectations" if engine == "gx" else "polars"
        if importlib.util.find_spec(module) is None:
            click.echo(f"figcheck: --engine {engine} needs {module}: pip install 'figcheck[{engine}]'", err=True)
            sys.exit(EXIT_INPUT)
    checker = TableChecker(ruleset, id_column=id_column, strict=strict, engine="pandas" if engine == "spark" else engine,
                           data_docs=data_docs)
    results = []
    severities: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    input_errors = 0
    from figcheck.datasets.table_check import check_tables

    if engine == "spark":
        from figcheck.engines.spark_tables import check_tables_on_spark

        spark = _spark_or_exit(spark_master, spark_conf, jobs)
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
        if res.error is not None:
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
               "not_evaluated": sum(len(r.not_evaluated) for r in results)}
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
            for key in ("tables", "rows", "input_errors", "cell_errors", "not_evaluated"):
                t.add_row(key.replace("_", " "), str(summary[key]))
            for sev, n in summary["anomalies"].items():
                t.add_row(f"{sev}s", str(n))
            console.print(t)
        else:
            out.write(_ci_report(fmt, results, ruleset, fail_on, summary, kind="table"))
    if input_errors:
        sys.exit(EXIT_INPUT)
    worst = next((s for s in ("error", "warning", "info") if severities[s]), None)
    if fail_on != "never" and worst is not None and _RANK[worst] >= _RANK[fail_on]:
        sys.exit(EXIT_FAIL)
    sys.exit(EXIT_OK)


@main.command()
@click.argument("pack")
@click.option("--rows", type=click.IntRange(min=1), required=True, help="How many rows.")
@click.option("--violations", type=click.IntRange(min=0), default=0, show_default=True,
              help="How many rows break one rule each (the rule is named in column expected_violation).")
@click.option("--rule", "rule_ids", multiple=True, metavar="ID", help="Break only these rules (default: all, in turn).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True,
              help="The file to write: .csv, .parquet, .jsonl or .xlsx.")
def synth(pack: str, rows: int, violations: int, rule_ids: tuple[str, ...], seed: int, output: str) -> None:
    """Generate a dataset that satisfies PACK's record rules, with --violations rows breaking one rule each."""
    from figcheck.rules.loader import RuleFileError, load_ruleset
    from figcheck.synthesis.tables import Synthesizer, write_frame

    try:
        ruleset = load_ruleset([pack], defaults=False)
    except RuleFileError as exc:
        click.echo(f"figcheck: rule file error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    unknown = [r for r in rule_ids if r not in {x.id for x in ruleset.rules}]
    if unknown:
        click.echo(f"figcheck: no rule {', '.join(unknown)} in {pack}", err=True)
        sys.exit(EXIT_INPUT)
    try:
        frame = Synthesizer(ruleset, seed).frame(rows, violations, list(rule_ids) or None)
    except ValueError as exc:
        click.echo(f"figcheck: cannot synthesize: {exc}", err=True)
        sys.exit(EXIT_FAIL)
    write_frame(frame, output)
    click.echo(f"{output}: {rows} rows, {min(violations, rows)} breaking a rule", err=True)


@main.group()
def rules() -> None:
    """List, show and validate rule packs."""


@rules.command("list")
def rules_list() -> None:
    """The built-in rule packs."""
    from rich.console import Console
    from rich.table import Table

    from figcheck.rules.loader import builtin_pack_names, load_pack_chain

    table = Table(title="built-in rule packs", title_justify="left")
    for col in ("name", "version", "language", "extends", "metrics", "rules", "description"):
        table.add_column(col, overflow="fold")
    for name in builtin_pack_names():
        p = load_pack_chain(name)[-1]
        table.add_row(p.name, p.version, p.language, ", ".join(p.extends), str(len(p.metrics)), str(len(p.rules)),
                      p.description)
    Console(width=None if sys.stdout.isatty() else 140).print(table)


@rules.command("show")
@click.argument("name")
def rules_show(name: str) -> None:
    """The metrics and rules of a pack (built-in name or file)."""
    from rich.console import Console
    from rich.table import Table

    from figcheck.rules.loader import RuleFileError, load_pack_chain

    try:
        pack = load_pack_chain(name)[-1]
    except RuleFileError as exc:
        click.echo(f"figcheck: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    console = Console(width=None if sys.stdout.isatty() else 160)
    console.print(f"[bold]{pack.name}[/bold] {pack.version} ({pack.language}) — {pack.description}")
    if pack.extends:
        console.print(f"extends: {', '.join(pack.extends)}")
    if pack.metrics:
        mt = Table(title="metrics", title_justify="left")
        for col in ("metric", "nouns", "context", "unit"):
            mt.add_column(col, overflow="fold")
        for m in pack.metrics.values():
            mt.add_row(m.name, ", ".join(m.nouns), ", ".join(m.context), m.unit)
        console.print(mt)
    rt = Table(title="rules", title_justify="left")
    for col in ("id", "severity", "on", "where", "assert / check", "description"):
        rt.add_column(col, overflow="fold")
    for r in pack.rules:
        rt.add_row(r.id, r.severity, r.on + (f" ({r.scope})" if r.on == "record" else ""), r.where_text or "",
                   r.expression, r.description)
    console.print(rt)


@rules.command("validate")
@click.argument("files", nargs=-1, required=True)
def rules_validate(files: tuple[str, ...]) -> None:
    """Validate rule-pack files; every error names the file, line and column."""
    from figcheck.rules.loader import RuleFileError, load_pack_chain

    failed = 0
    for f in files:
        try:
            packs = load_pack_chain(f)
            click.echo(f"{f}: ok ({len(packs[-1].rules)} rules, {len(packs[-1].metrics)} metrics)")
        except RuleFileError as exc:
            failed += 1
            click.echo(f"{exc}" if exc.location else f"{f}: {exc}", err=True)
    sys.exit(EXIT_INPUT if failed else EXIT_OK)


@rules.command("export-gx")
@click.argument("packs", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True, help="The suite's JSON file.")
@click.option("--name", default="figcheck", show_default=True, help="The suite's name.")
def rules_export_gx(packs: tuple[str, ...], output: str, name: str) -> None:
    """Write PACKS' metric rules as a Great Expectations 1.x ExpectationSuite (JSON).

    Rules with no faithful equivalent are listed on stderr and in the suite's meta.
    """
    import json

    from figcheck.reports.output import write_output
    from figcheck.rules.loader import RuleFileError, load_ruleset

    try:
        ruleset = load_ruleset(list(packs), defaults=False)
    except RuleFileError as exc:
        click.echo(f"figcheck: rule file error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    import importlib.util

    if importlib.util.find_spec("great_expectations") is None:
        click.echo("figcheck: export-gx needs Great Expectations: pip install 'figcheck[gx]'", err=True)
        sys.exit(EXIT_INPUT)
    from figcheck.rules.gx_export import build_suite, translate

    translation = translate(ruleset)
    suite = build_suite(translation, ruleset, name=name)
    write_output(json.dumps(suite.to_json_dict(), ensure_ascii=False, indent=2, default=str) + "\n", output)
    for n in translation.not_exported:
        click.echo(f"figcheck: not exported: {n['rule']}: {n['reason']}", err=True)
    click.echo(f"{output}: {len(translation.expectations)} expectations, {len(translation.not_exported)} rules "
               f"not exported", err=True)


@rules.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule packs (for editors' validation and completion)."""
    from importlib import resources

    click.echo(resources.files("figcheck.rules").joinpath("pack.schema.json").read_text(encoding="utf-8"))


def _report_input_error(article) -> None:
    where = f"{article.source}:{article.line}" if article.line else article.source
    if article.error.internal:
        click.echo(f"figcheck: {article.error} in {where} (run with --debug for the traceback)", err=True)
    else:
        click.echo(f"figcheck: input error: {where}: {article.error}", err=True)


class Terminated(BaseException):
    """SIGTERM: stop like Ctrl-C, so that no half-written report is left behind."""


def _on_sigterm(signum, frame) -> None:  # noqa: ARG001
    raise Terminated()


def _install_signal_handlers() -> None:
    import signal

    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (embedded use): leave the default
        pass


if __name__ == "__main__":  # pragma: no cover
    main()
