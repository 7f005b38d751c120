"""``figcheck synth``: a dataset that satisfies a pack, with chosen rows breaking one rule."""

from __future__ import annotations

import sys

import click

from figcheck.cli.common import EXIT_FAIL, EXIT_INPUT, load_rules_or_exit, refuse_output_among_inputs


@click.command()
@click.argument("pack")
@click.option("--rows", type=click.IntRange(min=1), required=True, help="How many rows.")
@click.option("--violations", type=click.IntRange(min=0), default=0, show_default=True,
              help="How many rows break one rule each (the rule is named in column expected_violation).")
@click.option("--rule", "rule_ids", multiple=True, metavar="ID", help="Break only these rules (default: all, in turn).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True,
              help="The file to write: .csv, .parquet, .jsonl or .xlsx.")
def synth(pack: str, rows: int, violations: int, rule_ids: tuple[str, ...], seed: int, output: str) -> None:
    """Generate a dataset that satisfies PACK's record rules, with --violations rows breaking one rule each."""
    from figcheck.synthesis.tables import Synthesizer, write_frame

    if output == "-":
        click.echo("figcheck: synth writes a file: --output NAME.csv, .parquet, .jsonl or .xlsx (not -)", err=True)
        sys.exit(EXIT_INPUT)
    refuse_output_among_inputs(output, [pack])
    ruleset = load_rules_or_exit([pack], defaults=False)
    unknown = [r for r in rule_ids if r not in {x.id for x in ruleset.rules}]
    if unknown:
        click.echo(f"figcheck: no rule {', '.join(unknown)} in {pack}", err=True)
        sys.exit(EXIT_INPUT)
    try:
        frame = Synthesizer(ruleset, seed).frame(rows, violations, list(rule_ids) or None)
    except ValueError as exc:
        click.echo(f"figcheck: cannot synthesize: {exc}", err=True)
        sys.exit(EXIT_FAIL)
    write_frame(frame, output)
    click.echo(f"{output}: {rows} rows, {min(violations, rows)} breaking a rule", err=True)
