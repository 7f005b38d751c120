"""Checking frames in memory: ``figcheck.check_frame(df, rules=[...], id="col")``.

A pandas or polars DataFrame is checked exactly as ``figcheck check-table`` checks a file (the same
column mapping, cell reading, rules and engines), and the result is the same ``TableResult`` the CLI
renders: ``anomalies`` (each with row, columns, values, explanation), ``cell_errors``, ``not_evaluated``
and ``skipped_for_nulls``.
"""

from __future__ import annotations

from typing import Any

from figcheck.datasets.table_check import TableChecker, TableResult
from figcheck.datasets.table_input import LONG_COLUMNS, Table
from figcheck.rules.model import RuleSet


def ruleset_of(rules: Any, *, default_rules: bool = False, language: str = "vi") -> RuleSet:
    """A RuleSet from a RuleSet, or pack names / files (one, or a list)."""
    if isinstance(rules, RuleSet):
        return rules
    from figcheck.rules.loader import load_ruleset

    specs = [rules] if isinstance(rules, (str, bytes)) or hasattr(rules, "__fspath__") else list(rules or [])
    return load_ruleset([str(s) for s in specs], language=language, defaults=default_rules)


def check_frame(frame: Any, rules: Any = (), *, id: str | None = None, engine: str | None = None,
                strict: bool = False, default_rules: bool = False, language: str = "vi",
                source: str = "<frame>") -> TableResult:
    import pandas as pd

    is_polars = type(frame).__module__.split(".")[0] == "polars"
    if engine is None:
        engine = "polars" if is_polars else "pandas"
    if is_polars:
        frame = frame.to_pandas()
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"check_frame takes a pandas or polars DataFrame, not {type(frame).__name__}")
    ruleset = ruleset_of(rules, default_rules=default_rules, language=language)
    frame = frame.copy()
    frame.columns = [str(c).strip() for c in frame.columns]
    table = Table(source, frame.reset_index(drop=True), line_offset=None)
    if set(LONG_COLUMNS) <= {c.lower() for c in frame.columns}:
        table.layout = "long"
    return TableChecker(ruleset, id_column=id, strict=strict, engine=engine).check(table)
