"""The ``figcheck`` command: one module per command, the shared habits in ``common``.

Heavy modules (pandas, pandera, rich tables) are imported inside the commands that need them, so
``figcheck --help`` stays fast.
"""

from __future__ import annotations

import click

from figcheck._version import __version__
from figcheck.cli.check import check
from figcheck.cli.check_table import check_table
from figcheck.cli.common import FigcheckGroup, install_signal_handlers
from figcheck.cli.extract import extract
from figcheck.cli.rules import rules
from figcheck.cli.serve import serve
from figcheck.cli.synth import synth


@click.group(cls=FigcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figcheck")
def main() -> None:
    """Check whether the figures an article reports agree with each other."""
    install_signal_handlers()


for command in (extract, check, check_table, synth, rules, serve):
    main.add_command(command)

if __name__ == "__main__":  # pragma: no cover
    main()
