"""``figcheck extract``: figures and relations of articles, as JSON or tables."""

from __future__ import annotations

import sys

import click

from figcheck.cli.common import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, Terminated, report_input_error


@click.command()
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
            from figcheck.reports.console import make_console
            from figcheck.reports.table import article_tables

            console = make_console(out)
        for article in figcheck.read(paths, language=language, encoding=encoding):
            if article.error is not None:
                counts["internal" if article.error.internal else "errors"] += 1
                report_input_error(article)
            if fmt == "json":
                writer.write(article.to_dict())
            else:
                console.print(article_tables(article))
        if fmt == "json":
            writer.close()
