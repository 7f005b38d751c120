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
    from figcheck.reports.output import write_output

    articles = list(figcheck.read(paths, language=language))
    errors = [a for a in articles if a.error is not None]
    for a in errors:
        where = f"{a.source}:{a.line}" if a.line else a.source
        click.echo(f"figcheck: input error: {where}: {a.error}", err=True)
    if fmt == "json":
        from figcheck.reports.json_report import article_record, render_json

        write_output(render_json(article_record(a) for a in articles), output)
    else:
        from rich.console import Console

        from figcheck.reports.table import article_tables

        if output:
            import io

            buf = io.StringIO()
            console = Console(file=buf, width=160, no_color=True)
            for a in articles:
                console.print(article_tables(a))
            write_output(buf.getvalue(), output)
        else:
            console = Console(width=None if sys.stdout.isatty() else 160)
            for a in articles:
                console.print(article_tables(a))
    sys.exit(EXIT_INPUT if errors else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
