"""What every command shares: exit codes, signals, rule loading, input-error lines, Spark start-up, CI reports, progress."""

from __future__ import annotations

import sys

import click

EXIT_OK, EXIT_FAIL, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

FAIL_ON = ("error", "warning", "info", "never")
RANK = {"info": 0, "warning": 1, "error": 2}


def report_input_error(article) -> None:
    where = f"{article.source}:{article.line}" if article.line else article.source
    if article.error.internal:
        click.echo(f"figcheck: {article.error} in {where} (run with --debug for the traceback)", err=True)
    else:
        click.echo(f"figcheck: input error: {where}: {article.error}", err=True)


class Terminated(BaseException):
    """SIGTERM: stop like Ctrl-C, so that no half-written report is left behind."""


def _on_sigterm(signum, frame) -> None:  # noqa: ARG001
    raise Terminated()


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
        with open(step_summary, "a", encoding="utf-8") as fh:
            fh.write(markdown)
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
        return load_ruleset(list(rules), language=language, defaults=defaults)
    except RuleFileError as exc:
        click.echo(f"figcheck: rule file error: {exc}", err=True)
        sys.exit(EXIT_INPUT)


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
