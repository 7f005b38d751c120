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


def ci_report(fmt: str, results: list, ruleset, fail_on: str, summary: dict, kind: str = "text",
              encoding: str | None = None) -> str:
    """A whole CI report (junit, sarif, github, concise); the GitHub step summary is appended to
    ``$GITHUB_STEP_SUMMARY`` when that is set."""
    from figcheck.reports import ci
    from figcheck.reports.positions import DiskPositions

    groups = (ci.groups_from_articles(results, DiskPositions(encoding)) if kind == "text"
              else ci.groups_from_tables(results, ruleset))
    if fmt == "junit":
        return ci.render_junit(groups, ruleset, fail_on)
    if fmt == "sarif":
        return ci.render_sarif(groups, ruleset)
    if fmt == "concise":
        return ci.render_concise(groups)
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


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class ProgressBar:
    """Articles checked so far, drawn only where stderr is a terminal, and only from the second article on.

    The bar is drawn on the report's own console when the report goes to the terminal, so whatever the
    report prints appears above the bar instead of being glued into it; otherwise on stderr.
    """

    def __init__(self, report_console=None, label: str = "checking", report_stream=None) -> None:
        # a report written straight to the terminal (not through a rich console: concise, json) would be
        # drawn through by the bar: it gets none
        raw_to_terminal = report_console is None and report_stream is not None and _isatty(report_stream)
        self.enabled = sys.stderr.isatty() and not raw_to_terminal
        self.report_console = report_console
        self.label = label
        self.done = 0
        self.progress = None

    @property
    def console(self):
        """The console the bar is drawn on (None until it is drawn)."""
        return None if self.progress is None else self.progress.console

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.progress is None:
            if self.done < 2:  # one input never gets a bar
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = self.report_console
            if console is None or not console.is_terminal:
                console = Console(stderr=True)
            self.progress = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                     console=console, transient=True)
            self.progress.add_task(self.label, total=None, completed=self.done)
            self.progress.start()
        else:
            self.progress.advance(self.progress.task_ids[0])

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


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


def selection_options(f):
    """The options that choose what is reported, shared by check and check-table."""
    options = [
        click.option("--select", multiple=True, metavar="RULES",
                     help="Report only these rules (ids or globs such as core.share.*, comma-separated or "
                          "repeated); replaces the configuration's select."),
        click.option("--ignore", multiple=True, metavar="RULES",
                     help="Do not report these rules (ids or globs); added to the configuration's ignore."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                     help="A figcheck.toml or pyproject.toml to use instead of the one found upward from the inputs."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


class Settings:
    """The command line merged over the configuration file: what one run uses."""

    def __init__(self, ctx: click.Context, paths, *, config_path: str | None, isolated: bool, rules, no_default_rules,
                 fmt: str, fail_on: str, select, ignore, formats) -> None:
        from click.core import ParameterSource

        from figcheck.cli.config import Config, ConfigError, find_config, load_config
        from figcheck.validators.selection import split_patterns

        try:
            config = Config() if isolated else load_config(config_path) if config_path else find_config(list(paths))
        except ConfigError as exc:
            click.echo(f"figcheck: configuration error: {exc}", err=True)
            sys.exit(EXIT_INPUT)

        def given(name: str) -> bool:
            return ctx.get_parameter_source(name) not in (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP, None)

        def choice(key: str, value: str, allowed) -> str:
            v = config.get(key)
            if v is None or given(key.replace("-", "_") if key != "format" else "fmt"):
                return value
            if v not in allowed:
                click.echo(f"figcheck: configuration error: {config.path}: {key!r} must be one of "
                           f"{', '.join(allowed)}, not {v!r}", err=True)
                sys.exit(EXIT_INPUT)
            return v

        self.config = config
        self.fmt = choice("format", fmt, formats)
        self.fail_on = choice("fail-on", fail_on, FAIL_ON)
        self.rules = tuple(config.rule_packs()) + tuple(rules)
        self.no_default_rules = no_default_rules if given("no_default_rules") else bool(
            config.get("no-default-rules", False))
        self.select = split_patterns(select) or split_patterns(config.get("select"))
        self.ignore = split_patterns(config.get("ignore")) + split_patterns(ignore)
        self.per_path = config.per_path_ignores()

    def selection(self, baseline: dict[str, int] | None = None):
        from figcheck.validators.selection import Selection

        return Selection(self.select, self.ignore, self.per_path, self.config.root, baseline or {})

    @property
    def filters(self) -> bool:
        """Whether anything but inline comments narrows the report."""
        return bool(self.select or self.ignore or self.per_path)
