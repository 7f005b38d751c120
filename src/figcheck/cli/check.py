"""``figcheck check``: read and check articles, locally or on Spark, in any report format."""

from __future__ import annotations

import sys

import click

from figcheck.cli.common import (EXIT_INPUT, EXIT_INTERNAL, FAIL_ON, ProgressBar, Settings, Terminated, ci_report,
                                 exit_for, exit_on_signal, language_option, load_rules_or_exit,
                                 refuse_output_among_inputs, report_input_error, say_stdin_notes, selection_options,
                                 spark_or_exit)

FORMATS = ("console", "concise", "html", "json", "jsonl", "junit", "sarif", "github", "parquet")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--rules", "rules", multiple=True, metavar="NAME|FILE",
              help="Add a rule pack (built-in name or YAML file); a pack named like a default one replaces it.")
@click.option("--no-default-rules", is_flag=True, help="Start from no pack instead of the language's defaults.")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              default="console", show_default=True,
              help="console for people (concise: path:line:col: severity rule message, a line each; html: one "
                   "self-contained page); json for tools (jsonl: an article a line, for large runs); "
                   "junit, sarif, github for CI; parquet: with --engine spark and --output DIR.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit 1 when an anomaly of this severity or above is found.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to use (default: all cores). Results are the same, in input order, for any value.")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Write the report to FILE (atomically) instead of standard output; with --engine spark "
                   "and --format parquet or jsonl, a directory of part files and _summary.json.")
@language_option()
@click.option("--encoding", default=None, metavar="NAME",
              help="Encoding of text files (utf-8, utf-16, windows-1258, tcvn3, vni); detected by default.")
@click.option("--stdin-format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="How - (standard input) is read: one article of text, or JSON Lines (an article a line).")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="local: this machine's cores (--jobs); spark: Apache Spark (pip install 'figcheck[spark]').")
@click.option("--spark-master", default="local[*]", show_default=True, metavar="URL",
              help="With --engine spark: the cluster to run on.")
@click.option("--spark-conf", multiple=True, metavar="KEY=VALUE", help="With --engine spark: a Spark setting.")
@click.option("--text-column", default="text", show_default=True, metavar="NAME",
              help="With --engine spark: the column of a Parquet input that holds the article text.")
@selection_options
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Report only anomalies that are not in this baseline (see --write-baseline).")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Record today's anomalies in FILE (after --select/--ignore and inline suppressions; "
                   "--baseline is not applied); the run then exits 0 unless an input could not be read.")
@click.option("--debug", is_flag=True, help="Print tracebacks of internal errors.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], rules: tuple[str, ...], no_default_rules: bool, fmt: str,
          fail_on: str, jobs: int | None, output: str | None, language: str, encoding: str | None, stdin_format: str,
          engine: str, spark_master: str, spark_conf: tuple[str, ...], text_column: str, select: tuple[str, ...],
          ignore: tuple[str, ...], config_path: str | None, isolated: bool, baseline_path: str | None,
          write_baseline: str | None, debug: bool) -> None:
    """Check that the figures of articles agree with each other.

    Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 an input or rule file could not be
    read (everything else is still checked and reported), or the report could not be written; 3 an
    internal error (a worker that died: the report holds what was checked); 130 Ctrl-C; 143 SIGTERM.

    Settings also come from [tool.figcheck] in pyproject.toml or a figcheck.toml found upward from the
    inputs; inline comments "<!-- figcheck: ignore RULE -->" (the next paragraph) and a trailing
    "# figcheck: ignore=RULE" (that line) suppress anomalies, counted in the summary.
    """
    import os

    settings = Settings(ctx, paths, config_path=config_path, isolated=isolated, rules=rules,
                        no_default_rules=no_default_rules, fmt=fmt, fail_on=fail_on, select=select, ignore=ignore,
                        formats=FORMATS)
    fmt, fail_on, rules, no_default_rules = settings.fmt, settings.fail_on, settings.rules, settings.no_default_rules
    baseline = None
    if baseline_path is not None and write_baseline is None:
        from figcheck.validators.baseline import BaselineError, read_baseline

        try:
            baseline = read_baseline(baseline_path)
        except BaselineError as exc:
            click.echo(f"figcheck: baseline error: {exc}", err=True)
            sys.exit(EXIT_INPUT)
    if engine == "spark" and (settings.filters or baseline_path or write_baseline):
        click.echo("figcheck: --select, --ignore, per-path ignores and baselines are not applied by --engine "
                   "spark yet; run them with the local engine", err=True)
        sys.exit(EXIT_INPUT)
    if write_baseline is not None and not os.path.isdir(os.path.dirname(os.path.abspath(write_baseline))):
        click.echo(f"figcheck: --write-baseline {write_baseline}: no such directory", err=True)
        sys.exit(EXIT_INPUT)
    selection = settings.selection(baseline)
    baseline_entries: list[dict] = []
    suppressed = baselined = 0

    if debug:
        os.environ["FIGCHECK_DEBUG"] = "1"
    from figcheck.reading.sources import iter_sources
    from figcheck.reports.output import open_output
    from figcheck.reading.documents import DOCUMENT_SUFFIXES
    from figcheck.reading.sources import JSONL_SUFFIXES, TEXT_SUFFIXES
    from figcheck.reports.escape import visible
    from figcheck.reports.output import OutputError
    from figcheck.validators.pipeline import Summary, check_sources, default_jobs

    refuse_output_among_inputs(output, paths, TEXT_SUFFIXES + JSONL_SUFFIXES + DOCUMENT_SUFFIXES)
    ruleset = load_rules_or_exit(rules, language=language, defaults=not no_default_rules)
    spark = None
    if engine == "spark":
        spark = spark_or_exit(spark_master, spark_conf, jobs)
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
    progress = None
    died: list[str] = []  # why the run stopped early, if a worker died
    try:
        with open_output(output) as out:
            collected = []  # the CI formats are whole documents: they are written at the end
            if fmt in ("json", "jsonl"):
                from figcheck.reports.json_report import JsonLinesReportWriter, JsonReportWriter

                writer = JsonReportWriter(out) if fmt == "json" else JsonLinesReportWriter(out)
            console = None
            if fmt == "console":
                from figcheck.reports.console import article_report, is_plain, make_console, summary_table

                console = make_console(out)
            elif fmt == "concise":
                from figcheck.reports.ci import groups_from_articles, render_concise
                from figcheck.reports.positions import DiskPositions

                positions = DiskPositions(encoding)
            progress = ProgressBar(console, report_stream=out)
            if spark is not None:
                from figcheck.engines.spark_articles import stream_results

                results = stream_results(spark, list(paths), ruleset, language, encoding, text_column,
                                         light=fmt in ("json", "jsonl"))
            else:
                sources = iter_sources(paths, encoding=encoding, stdin_format=stdin_format)
                results = check_sources(sources, ruleset, language, jobs or default_jobs(),
                                        encode=fmt in ("json", "jsonl"), select=selection)
            results = _until_a_worker_dies(results, died, summary)
            for result in results:
                summary.add(result)
                suppressed += result.suppressed
                baselined += result.baselined
                if write_baseline is not None:
                    baseline_entries += [{"fingerprint": fp, "source": result.article.source, "id": result.article.id,
                                          "rule": an.rule, "message": an.message}
                                         for an, fp in zip(result.anomalies, result.fingerprints)]
                if result.article.error is not None:
                    report_input_error(result.article)
                say_stdin_notes(result.article)
                if result.internal_error is not None:
                    click.echo(f"figcheck: internal error while checking {visible(result.article.source)}: "
                               f"{result.internal_error} (run with --debug for the traceback)", err=True)
                if fmt in ("json", "jsonl"):
                    writer.write(result.encoded if result.encoded is not None else result.to_dict())
                elif fmt == "console":
                    console.print(article_report(result, plain=is_plain(console), width=console.width))
                elif fmt == "concise":  # a line per anomaly, as it is found
                    out.write(render_concise(groups_from_articles([result], positions)))
                else:
                    collected.append(result)
                progress.advance()
            progress.stop()
            totals = summary.to_dict()
            if suppressed:
                totals["suppressed"] = suppressed  # by inline comments
            if baseline is not None:
                totals["baselined"] = baselined  # already in the baseline
            if fmt in ("json", "jsonl"):
                writer.close(totals, ruleset.packs_report())
            elif fmt == "console":
                console.print(summary_table(totals))
            elif fmt == "html":
                from figcheck.reports.html import render_html

                out.write(render_html(collected, selection.reported_rules(ruleset), totals))
            elif fmt != "concise":
                out.write(ci_report(fmt, collected, selection.reported_rules(ruleset), fail_on, totals,
                                    encoding=encoding))
            if write_baseline is not None:
                from figcheck.reports.output import write_output
                from figcheck.validators.baseline import baseline_document

                write_output(baseline_document(baseline_entries), write_baseline)
    except (KeyboardInterrupt, Terminated) as exc:
        if progress is not None:
            progress.stop()
        exit_on_signal(exc, output)
    except OutputError:
        raise  # the command group says it and exits 2
    except Exception as exc:  # noqa: BLE001 - one line for the user, the traceback with --debug
        if progress is not None:
            progress.stop()
        click.echo(f"figcheck: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                   err=True)
        if debug:
            import traceback

            traceback.print_exc()
        sys.exit(EXIT_INTERNAL)
    if write_baseline is not None:
        click.echo(f"figcheck: {len(baseline_entries)} anomalies recorded in {write_baseline}", err=True)
    if died:
        click.echo(f"figcheck: internal error: {died[0]}; the report holds the {summary.articles} inputs checked "
                   "before", err=True)
        sys.exit(EXIT_INTERNAL)
    exit_for({} if write_baseline is not None else summary.severities, fail_on, input_errors=summary.input_errors,
             internal_errors=summary.internal_errors)


def _until_a_worker_dies(results, died: list[str], summary):
    """The results, ending early (the reason in ``died``) when a worker process dies."""
    from figcheck.validators.pipeline import WorkerDied

    try:
        yield from results
    except WorkerDied as exc:
        died.append(str(exc))
        summary.stopped = f"{exc}; the inputs after the last one reported were not checked"


def _check_on_spark_to_directory(spark, paths, ruleset, output, fmt, fail_on, language, encoding, text_column,
                                 debug) -> None:
    """``check --engine spark --output DIR``: results written by Spark, a summary on the console; exits."""
    from figcheck.engines.spark_articles import write_results
    from figcheck.engines.spark_session import output_problem
    from figcheck.reports.console import make_console, summary_table

    problem = output_problem(spark, output)
    if problem:
        click.echo(f"figcheck: {problem}", err=True)
        sys.exit(EXIT_INPUT)
    try:
        summary, errors = write_results(spark, list(paths), ruleset, output, fmt, language, encoding, text_column)
    except (KeyboardInterrupt, Terminated) as exc:
        exit_on_signal(exc, output, f"{output} was not changed")
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
    exit_for(summary["anomalies"], fail_on, input_errors=summary["input_errors"],
             internal_errors=summary["internal_errors"])
