"""Rule packs as pandera ``DataFrameSchema`` objects, for teams whose pipelines already validate with pandera.

``to_pandera(pack)`` gives a schema with a column for every metric column the pack's table rules read
(nullable unless the metric is ``required: true``) and one wide ``Check`` per rule, named by the rule's
id. Each check runs figcheck's own table checker on the frame for that one rule, so a row fails the
pandera check exactly when ``figcheck check-table`` reports it (number formats, ``decimals``,
``tolerance``, nulls, ``group_by``, ``order_by`` and text conditions included). Rules about articles
(relations, figures) have no table form: they are listed in ``schema.metadata["figcheck_not_exported"]``.
"""

from __future__ import annotations

from typing import Any

from figcheck.rules.model import Pack, Rule, RuleSet


def _ruleset(pack: Any) -> RuleSet:
    if isinstance(pack, RuleSet):
        return pack
    if isinstance(pack, Pack):
        return RuleSet.merge([pack])
    from figcheck.rules.loader import load_pack_chain

    return RuleSet.merge(load_pack_chain(str(pack)))


def _columns_of(ruleset: RuleSet) -> dict[str, str]:
    """metric → the column a pack maps to it (else the metric's own name)."""
    out = {m: m for m in ruleset.metrics}
    for p in ruleset.packs:
        for column, metric in p.columns.items():
            if not any(ch in column for ch in "*?["):
                out[metric] = column
    return out


def _check(rule: Rule, ruleset: RuleSet):
    import numpy as np
    import pandas as pd
    import pandera.pandas as pa

    from figcheck.datasets.table_check import TableChecker
    from figcheck.datasets.table_input import Table

    one = RuleSet(packs=ruleset.packs, rules=[rule], metrics=ruleset.metrics)
    checker = TableChecker(one)

    def holds(df: pd.DataFrame) -> pd.Series:
        frame = df.reset_index(drop=True).copy()
        frame.columns = [str(c) for c in frame.columns]
        result = checker.check(Table("<pandera>", frame, line_offset=None))
        if result.error is not None:
            raise ValueError(f"figcheck rule {rule.id}: {result.error}")
        ok = np.ones(len(frame), dtype=bool)
        for a in result.anomalies:
            ok[a.row_number - 1] = False
        return pd.Series(ok, index=df.index)

    return pa.Check(holds, name=rule.id, error=f"{rule.id}: {rule.message or rule.description or rule.assert_text}",
                    description=rule.assert_text)


def to_pandera(pack: Any, *, name: str | None = None):
    """A pandera ``DataFrameSchema`` for the table rules of ``pack`` (a Pack, a RuleSet, or a pack name or file)."""
    import pandera.pandas as pa

    from figcheck.datasets.table_check import rule_metrics
    from figcheck.datasets.templates import is_family

    ruleset = _ruleset(pack)
    columns_of = _columns_of(ruleset)
    columns: dict[str, Any] = {}
    checks, not_exported = [], []
    for rule in ruleset.rules:
        if rule.on != "record" or rule.assert_ast is None:
            not_exported.append({"rule": rule.id, "reason": f"a rule on {rule.on!r} is about articles, not tables"})
            continue
        for metric in sorted(rule_metrics(rule)):
            if is_family(metric):
                continue  # its columns are the frame's, matched by pattern
            m = ruleset.metrics[metric]
            columns[columns_of[metric]] = pa.Column(nullable=not m.required, required=True,
                                                    description=m.description or None)
        checks.append(_check(rule, ruleset))
    return pa.DataFrameSchema(columns=columns, checks=checks, name=name or ruleset.packs[-1].name if ruleset.packs else name,
                              metadata={"figcheck_not_exported": not_exported})
