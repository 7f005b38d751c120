"""The ``figcheck`` command: one module per command, the shared habits in ``common``.

Each command's module is imported only when that command runs (or its own help is asked for), so
``figcheck --help`` imports none of them; the group's help lists them from ``COMMANDS`` below, whose
one-line summaries a test keeps equal to what each command's docstring gives. Heavy modules (pandas,
pandera, rich tables) are imported inside the commands that need them.
"""

from __future__ import annotations

import importlib

import click

from figcheck._version import __version__
from figcheck.cli.common import FigcheckGroup, install_signal_handlers

# name → (module under figcheck.cli, attribute, the first paragraph of the command's docstring, from which
# click words the one-line summary of the listing)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("check", "check", "Check that the figures of articles agree with each other."),
    "check-table": ("check_table", "check_table",
                    "Check curated datasets (CSV, Parquet, JSON Lines, Excel): every row's figures against the packs."),
    "extract": ("extract", "extract", "Read figures and relations from articles."),
    "rules": ("rules", "rules", "List, show and validate rule packs."),
    "serve": ("serve", "serve", ("A local page where an editor pastes a draft or drops a .txt, .md, .docx or .html "
                                 "file and sees the HTML report.")),
    "synth": ("synth", "synth",
              "Generate a dataset that satisfies PACK's record rules, with --violations rows breaking one rule each."),
}


def load_command(name: str) -> click.Command:
    module, attr, _ = COMMANDS[name]
    return getattr(importlib.import_module(f"figcheck.cli.{module}"), attr)


class _LazyGroup(FigcheckGroup):
    """Commands imported on first use; the listing in the group's help needs none of them. Ctrl-C,
    SIGTERM, unwritable reports and internal errors are handled as in every command (``FigcheckGroup``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return load_command(name) if name in COMMANDS else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)  # as click.Group words it
        # a bare click.Command words the short help exactly as the real command would (click deprecates
        # calling its helper directly)
        rows = [(name, click.Command(name, help=COMMANDS[name][2]).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figcheck")
def main() -> None:
    """Check whether the figures an article reports agree with each other."""
    install_signal_handlers()


if __name__ == "__main__":  # pragma: no cover
    main()
