"""The ``figcheck`` command.

Heavy modules (pandas, pandera, rich tables) are imported inside the commands that need them, so
``figcheck --help`` stays fast.
"""

from __future__ import annotations

import sys

import click

from figcheck import __version__

EXIT_OK, EXIT_FAIL, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figcheck")
def main() -> None:
    """Check whether the figures an article reports agree with each other."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True,
              help="json: the machine-readable contract; table: one table per article.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--language", default="vi", show_default=True, help="Language of the articles.")
def extract(paths: tuple[str, ...], fmt: str, output: str | None, language: str) -> None:
    """Read figures and relations from articles.

    PATHS are .txt/.md files, directories (searched recursively), .jsonl files (one article per line:
    id, text, optional title, url, date) or - for one article on standard input.
    """
    import figcheck
    from figcheck.reports.output import open_output

    errors = 0
    with open_output(output) as out:
        if fmt == "json":
            from figcheck.reports.json_report import JsonReportWriter

            writer = JsonReportWriter(out)
        else:
            from rich.console import Console

            from figcheck.reports.table import article_tables

            console = Console(file=out, width=None if out.isatty() else 160, no_color=not out.isatty())
        for article in figcheck.read(paths, language=language):
            if article.error is not None:
                errors += 1
                _report_input_error(article)
            if fmt == "json":
                writer.write(article.to_dict())
            else:
                console.print(article_tables(article))
        if fmt == "json":
            writer.close()
    sys.exit(EXIT_INPUT if errors else EXIT_OK)


def _report_input_error(article) -> None:
    where = f"{article.source}:{article.line}" if article.line else article.source
    click.echo(f"figcheck: input error: {where}: {article.error}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
