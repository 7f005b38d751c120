"""``figcheck extract``: figures and relations of articles, as JSON or tables."""

from __future__ import annotations

import sys

import click

from figcheck.cli.common import (EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, Terminated, exit_on_signal, language_option,
                                 refuse_output_among_inputs, report_input_error, say_stdin_notes)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True,
              help="json: the machine-readable contract; table: one table per article.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the report to FILE (atomically) instead of standard output.")
@language_option(help="Language of the articles.")
@click.option("--stdin-format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="How - (standard input) is read: one article of text, or JSON Lines (an article a line).")
@click.option("--encoding", default=None, metavar="NAME",
              help="Encoding of text files (utf-8, utf-16, windows-1258, tcvn3, vni); detected by default.")
def extract(paths: tuple[str, ...], fmt: str, output: str | None, language: str, encoding: str | None,
            stdin_format: str) -> None:
    """Read figures and relations from articles.

    PATHS are .txt/.md files, directories (searched recursively), .jsonl files (one article per line:
    id, text, optional title, url, date) or - for one article on standard input.
    """
    from figcheck.reading.sources import JSONL_SUFFIXES, TEXT_SUFFIXES

    refuse_output_among_inputs(output, paths, TEXT_SUFFIXES + JSONL_SUFFIXES)
    counts = {"errors": 0, "internal": 0}
    try:
        _extract_to(paths, fmt, output, language, encoding, counts, stdin_format)
    except (KeyboardInterrupt, Terminated) as exc:
        exit_on_signal(exc, output)
    sys.exit(EXIT_INTERNAL if counts["internal"] else EXIT_INPUT if counts["errors"] else EXIT_OK)


def _extract_to(paths, fmt, output, language, encoding, counts, stdin_format="text") -> None:
    """Write the extract report; ``counts`` gathers the inputs with errors."""
    import figcheck
    from figcheck.reports.output import open_output

    with open_output(output) as out:
        if fmt == "json":
            from figcheck.reports.json_report import JsonReportWriter

            writer = JsonReportWriter(out)
        else:
            from figcheck.reports.console import make_console
            from figcheck.reports.table import article_tables

            console = make_console(out)
        for article in figcheck.read(paths, language=language, encoding=encoding, stdin_format=stdin_format):
            if article.error is not None:
                counts["internal" if article.error.internal else "errors"] += 1
                report_input_error(article)
            say_stdin_notes(article)
            if fmt == "json":
                writer.write(article.to_dict())
            else:
                console.print(article_tables(article))
        if fmt == "json":
            writer.close()
