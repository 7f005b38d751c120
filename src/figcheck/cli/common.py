"""What every command shares: exit codes, signals, rule loading, input-error lines, Spark start-up, CI reports, progress.

Exit codes, the same in every command: 0 nothing at or above --fail-on; 1 something is; 2 a usage
error, an input or rule file that cannot be read, or a report that cannot be written (``--output``,
``GITHUB_STEP_SUMMARY``); 3 an internal error (a bug, or a worker process that died); 130 Ctrl-C
(SIGINT); 143 SIGTERM.
"""

from __future__ import annotations

import sys

import click

EXIT_OK, EXIT_FAIL, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_OUTPUT = EXIT_INPUT  # a report that cannot be written is the user's to fix, like an unreadable input
EXIT_SIGINT, EXIT_SIGTERM = 130, 143

FAIL_ON = ("error", "warning", "info", "never")
RANK = {"info": 0, "warning": 1, "error": 2}


def report_input_error(article) -> None:
    from figcheck.reports.escape import visible

    where = visible(f"{article.source}:{article.line}" if article.line else article.source)
    if article.error.internal:
        click.echo(f"figcheck: {visible(article.error)} in {where} (run with --debug for the traceback)", err=True)
    else:
        click.echo(f"figcheck: input error: {where}: {visible(article.error)}", err=True)


def say_stdin_notes(article) -> None:
    """Standard input that looks like JSON Lines but was read as prose: say so (the note is also in the report)."""
    if article.source == "-":
        for note in getattr(article, "notes", None) or ():
            if "--stdin-format jsonl" in note:
                click.echo(f"figcheck: note: {note}", err=True)


class Terminated(BaseException):
    """SIGTERM: stop like Ctrl-C, so that no half-written report is left behind."""


def _on_sigterm(signum, frame) -> None:  # noqa: ARG001
    raise Terminated()


class FigcheckGroup(click.Group):
    """The ``figcheck`` group: Ctrl-C exits 130 and SIGTERM 143 in every command and at every stage
    (loading packs, reading, writing), an unwritable report exits 2 naming the path, and an unexpected
    error exits 3 with one line; no traceback reaches the terminal unless FIGCHECK_DEBUG=1."""

    def invoke(self, ctx: click.Context):
        from figcheck.reports.output import OutputError

        try:
            return super().invoke(ctx)
        except OutputError as exc:
            click.echo(f"figcheck: {exc}", err=True)
            sys.exit(EXIT_OUTPUT)
        except (KeyboardInterrupt, Terminated) as exc:
            exit_on_signal(exc)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - a bug anywhere: one line and exit 3, the traceback on request
            import os

            click.echo(f"figcheck: internal error: {type(exc).__name__}: {exc} (set FIGCHECK_DEBUG=1, or "
                       "--debug where the command has it, for the traceback)", err=True)
            if os.environ.get("FIGCHECK_DEBUG") == "1":
                import traceback

                traceback.print_exc()
            sys.exit(EXIT_INTERNAL)


def exit_on_signal(exc: BaseException, output: str | None = None, note: str | None = None) -> None:
    code = EXIT_SIGTERM if isinstance(exc, Terminated) else EXIT_SIGINT
    what = "terminated" if code == EXIT_SIGTERM else "interrupted"
    if note is None and output:
        note = "no report was written"
    click.echo(f"figcheck: {what}" + (f"; {note}" if note else ""), err=True)
    sys.exit(code)


def language_option(help: str | None = None):
    """``--language``: a code figcheck has a lexicon for, else a usage error (exit 2) before any work."""

    def known(ctx, param, value):  # noqa: ARG001
        from figcheck.languages import available_languages

        if value not in available_languages():
            raise click.BadParameter(f"figcheck has no lexicon for {value!r} (known: {', '.join(available_languages())})")
        return value

    return click.option("--language", default="vi", show_default=True, callback=known, help=help)


def refuse_output_among_inputs(output: str | None, inputs, suffixes: tuple[str, ...] = ()) -> None:
    """Exit 2 when ``--output`` names one of the inputs: the report would overwrite what it reports on."""
    from figcheck.reports.output import same_as_an_input

    clash = same_as_an_input(output, inputs, suffixes)
    if clash is not None:
        what = "is one of the inputs" if clash == output or not __import__("os").path.isdir(clash) \
            else f"is an input inside {clash}"
        click.echo(f"figcheck: --output {output} {what}; the report would overwrite it", err=True)
        sys.exit(EXIT_OUTPUT)


def install_signal_handlers() -> None:
    import signal

    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (embedded use): leave the default
        pass



def spark_or_exit(master: str, conf_pairs: tuple[str, ...], jobs: int | None):
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


def ci_report(fmt: str, results: list, ruleset, fail_on: str, summary: dict, kind: str = "text") -> str:
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
        from figcheck.reports.output import OutputError

        try:
            with open(step_summary, "a", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(markdown)
        except OSError as exc:
            raise OutputError(f"GITHUB_STEP_SUMMARY ({step_summary})", exc.strerror or str(exc)) from None
    return annotations


def progress_bar(n_inputs: int):
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


def load_rules_or_exit(rules, *, language: str = "vi", defaults: bool = True):
    """The rule set of the named packs, or the rule file's error on one line and exit 2."""
    from figcheck.rules.loader import RuleFileError, load_ruleset

    try:
        ruleset = load_ruleset(list(rules), language=language, defaults=defaults)
    except RuleFileError as exc:
        click.echo(f"figcheck: rule file error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    for note in ruleset.replaced:
        click.echo(f"figcheck: note: pack {note['pack']} replaces {note['replaces']}", err=True)
    return ruleset


def exit_for(anomalies: dict, fail_on: str, *, input_errors: int = 0, internal_errors: int = 0):
    """Exit with the documented code: 3 internal error, 2 input error, 1 an anomaly at or above --fail-on, else 0."""
    if internal_errors:
        sys.exit(EXIT_INTERNAL)
    if input_errors:
        sys.exit(EXIT_INPUT)
    worst = next((s for s in ("error", "warning", "info") if anomalies.get(s)), None)
    if fail_on != "never" and worst is not None and RANK[worst] >= RANK[fail_on]:
        sys.exit(EXIT_FAIL)
    sys.exit(EXIT_OK)
