"""``figcheck serve``: the local page for drafts (see :mod:`figcheck.web.app`)."""

from __future__ import annotations

import click

from figcheck.cli.common import load_rules_or_exit


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is this machine only (the page has no login).")
@click.option("--rules", "rules", multiple=True, metavar="NAME|FILE", help="Add a rule pack, as for check.")
@click.option("--no-default-rules", is_flag=True, help="Start from no pack instead of the language's defaults.")
@click.option("--max-upload-kb", type=click.IntRange(min=1), default=2048, show_default=True,
              help="The largest draft or file accepted.")
@click.option("--language", default="vi", show_default=True)
def serve(port: int, host: str, rules: tuple[str, ...], no_default_rules: bool, max_upload_kb: int,
          language: str) -> None:
    """A local page where an editor pastes a draft or drops a .txt, .md, .docx or .html file and sees the HTML report.

    Nothing is stored: drafts are checked in memory and forgotten.
    """
    from werkzeug.serving import run_simple

    from figcheck.web.app import create_app

    ruleset = load_rules_or_exit(rules, language=language, defaults=not no_default_rules)
    app = create_app(ruleset, language=language, max_bytes=max_upload_kb * 1024)
    click.echo(f"figcheck: serving on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    run_simple(host, port, app, use_reloader=False, use_debugger=False, threaded=False)
