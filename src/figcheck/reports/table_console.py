"""The console report for ``figcheck check-table``: per table, each anomaly with its row and columns."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from figcheck.reports.console import ICON, LIGHT, STYLE, shown_path
from figcheck.reports.escape import visible


def table_report(result: Any, width: int = 120) -> Group:
    worst = next((s for s in ("error", "warning", "info")
                  if any(a.severity == s for a in result.anomalies)
                  or (s == "error" and result.cell_errors)
                  or any(n["severity"] == s for n in result.not_evaluated)), None)
    dot, colour, verdict = LIGHT[worst]
    head = Text()
    head.append(f"{dot} ", style=colour)
    head.append(shown_path(result.source, width), style="bold")
    lines: list[Any] = [head]
    if result.error is not None:
        kind = "internal error" if getattr(result.error, "internal", False) else "input error"
        lines.append(Text(f"{kind}: {visible(result.error)}", style="bold red"))
        return Group(*lines, Text(""))
    mapped = ", ".join(f"{c} → {m}" for c, m in result.columns.items()) or "no column names a metric"
    lines.append(Text(f"{result.layout} table · {result.rows} rows · {mapped}", style="dim"))
    for note in getattr(result, "notes", []):
        lines.append(Text(note, style="dim"))
    if result.anomalies:
        t = Table(show_header=True, header_style="bold", expand=False)
        for col in ("", "row", "rule", "message", "arithmetic"):
            t.add_column(col, overflow="fold", no_wrap=col == "rule")  # a rule id stays whole
        for a in result.anomalies:
            t.add_row(Text(ICON[a.severity], style=STYLE[a.severity]),
                      visible(a.row) + (f" (line {a.line})" if a.line else ""), visible(a.rule), visible(a.message),
                      visible(a.explanation))
        lines.append(t)
    else:
        lines.append(Text(verdict, style=colour))
    for c in result.cell_errors:
        lines.append(Text(f"✖ row {visible(c.row)}" + (f" (line {c.line})" if c.line else "")
                          + f", column {visible(c.column)}: {visible(c.message)}",
                          style="red"))
    if getattr(result, "cell_errors_omitted", 0):
        lines.append(Text(f"✖ … and {result.cell_errors_omitted} more cells that are not numbers "
                          "(listed up to --max-cell-errors per column)", style="red"))
    for rule, n in getattr(result, "skipped_for_nulls", {}).items():
        lines.append(Text(f"· {rule}: {n} row{'s' if n > 1 else ''} not checked (an empty cell in a column it reads)",
                          style="dim"))
    for n in result.not_evaluated:
        lines.append(Text(f"? not evaluated: {visible(n['rule'])} — {visible(n['reason'])}", style=STYLE.get(n["severity"], "dim")))
    lines.append(Text(""))
    return Group(*lines)
