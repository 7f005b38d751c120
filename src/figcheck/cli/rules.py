"""``figcheck rules``: list, show, validate, export and describe rule packs."""

from __future__ import annotations

import sys

import click

from figcheck.cli.common import EXIT_INPUT, EXIT_OK, load_rules_or_exit, refuse_output_among_inputs


@click.group()
def rules() -> None:
    """List, show and validate rule packs."""


@rules.command("list")
def rules_list() -> None:
    """The built-in rule packs."""
    from rich.console import Console
    from rich.table import Table

    from figcheck.rules.loader import builtin_pack_names, load_pack_chain

    table = Table(title="built-in rule packs", title_justify="left")
    for col in ("name", "version", "language", "extends", "metrics", "rules", "description"):
        table.add_column(col, overflow="fold")
    for name in builtin_pack_names():
        p = load_pack_chain(name)[-1]
        table.add_row(p.name, p.version, p.language, ", ".join(p.extends), str(len(p.metrics)), str(len(p.rules)),
                      p.description)
    Console().print(table)


@rules.command("show")
@click.argument("name")
def rules_show(name: str) -> None:
    """The metrics and rules of a pack (built-in name or file)."""
    from rich.console import Console
    from rich.table import Table

    from figcheck.rules.loader import RuleFileError, load_pack_chain

    try:
        pack = load_pack_chain(name)[-1]
    except RuleFileError as exc:
        click.echo(f"figcheck: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    console = Console()
    console.print(f"[bold]{pack.name}[/bold] {pack.version} ({pack.language}) — {pack.description}")
    if pack.extends:
        console.print(f"extends: {', '.join(pack.extends)}")
    if pack.metrics:
        mt = Table(title="metrics", title_justify="left")
        for col in ("metric", "nouns", "context", "unit"):
            mt.add_column(col, overflow="fold", no_wrap=col == "metric")
        for m in pack.metrics.values():
            mt.add_row(m.name, ", ".join(m.nouns), ", ".join(m.context), m.unit)
        console.print(mt)
    rt = Table(title="rules", title_justify="left")
    for col in ("id", "severity", "on", "where", "assert / check", "description"):
        rt.add_column(col, overflow="fold", no_wrap=col == "id")  # an id stays whole, for copying
    for r in pack.rules:
        rt.add_row(r.id, r.severity, r.on + (f" ({r.scope})" if r.on == "record" else ""), r.where_text or "",
                   r.expression, r.description)
    console.print(rt)


@rules.command("validate")
@click.argument("files", nargs=-1, required=True)
def rules_validate(files: tuple[str, ...]) -> None:
    """Validate rule-pack files; every error names the file, line and column."""
    from figcheck.rules.loader import RuleFileError, load_pack_chain

    failed = 0
    for f in files:
        try:
            packs = load_pack_chain(f)
            click.echo(f"{f}: ok ({len(packs[-1].rules)} rules, {len(packs[-1].metrics)} metrics)")
        except RuleFileError as exc:
            failed += 1
            click.echo(f"{exc}" if exc.location else f"{f}: {exc}", err=True)
    sys.exit(EXIT_INPUT if failed else EXIT_OK)


@rules.command("export-gx")
@click.argument("packs", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True, help="The suite's JSON file.")
@click.option("--name", default="figcheck", show_default=True, help="The suite's name.")
def rules_export_gx(packs: tuple[str, ...], output: str, name: str) -> None:
    """Write PACKS' metric rules as a Great Expectations 1.x ExpectationSuite (JSON).

    Rules with no faithful equivalent are listed on stderr and in the suite's meta.
    """
    import json

    from figcheck.reports.output import write_output

    refuse_output_among_inputs(output, packs)
    ruleset = load_rules_or_exit(list(packs), defaults=False)
    import importlib.util

    if importlib.util.find_spec("great_expectations") is None:
        click.echo("figcheck: export-gx needs Great Expectations: pip install 'figcheck[gx]'", err=True)
        sys.exit(EXIT_INPUT)
    from figcheck.rules.gx_export import build_suite, translate

    translation = translate(ruleset)
    suite = build_suite(translation, ruleset, name=name)
    write_output(json.dumps(suite.to_json_dict(), ensure_ascii=False, indent=2, default=str) + "\n", output)
    for n in translation.not_exported:
        click.echo(f"figcheck: not exported: {n['rule']}: {n['reason']}", err=True)
    click.echo(f"{output}: {len(translation.expectations)} expectations, {len(translation.not_exported)} rules "
               f"not exported", err=True)


@rules.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule packs (for editors' validation and completion)."""
    from importlib import resources

    click.echo(resources.files("figcheck.rules").joinpath("pack.schema.json").read_text(encoding="utf-8"))
