"""Checking datasets: each row a metric record, the pack's record rules as pandera checks.

Columns map to metrics through a pack's ``columns:`` (``tin_co_gia_tri: tips.valuable``) or by name
(a column ``tips.valuable`` or ``tips_valuable``). A cell is read as the article reader reads a number
("4.340", "98,3", "trên 4.340"), giving an interval; the rules are evaluated on intervals exactly as for
articles. A rule whose columns are absent is *not evaluated*; a cell that is not a number is reported
with its row and column.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from figcheck.models import InputError
from figcheck.rules.expr import Node, binop_text, names
from figcheck.rules.model import Rule, RuleSet
from figcheck.validators.engine import SEVERITY_RANK, failing_rows
from figcheck.validators.evaluate import EvaluationError, Evaluator, comparisons
from figcheck.reading.numbers import dominant_convention, format_number, numeral_evidence, parse_numeral
from figcheck.datasets.table_input import Table

NAN = float("nan")


@dataclass(frozen=True)
class TableAnomaly:
    id: str
    rule: str
    severity: str
    message: str
    row: str  # the --id value, else the 1-based row number
    row_number: int  # 1-based data row
    line: int | None  # the file line of the row, where the format has lines
    columns: list[str]
    values: dict[str, str]
    explanation: str
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("id", "rule", "severity", "message", "row", "row_number", "line",
                                              "columns", "values", "explanation", "suggestion")}


@dataclass(frozen=True)
class CellError:
    row: str
    row_number: int
    line: int | None
    column: str
    text: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "row_number": self.row_number, "line": self.line, "column": self.column,
                "text": self.text, "message": self.message}


@dataclass
class TableResult:
    source: str
    error: InputError | None = None
    rows: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # column → metric
    anomalies: list[TableAnomaly] = field(default_factory=list)
    cell_errors: list[CellError] = field(default_factory=list)
    not_evaluated: list[dict[str, Any]] = field(default_factory=list)
    layout: str = "wide"
    cell_errors_omitted: int = 0  # cells past --max-cell-errors in their column: counted, not listed

    @property
    def cell_error_count(self) -> int:
        return len(self.cell_errors) + self.cell_errors_omitted
    skipped_for_nulls: dict[str, int] = field(default_factory=dict)  # rule → rows not checked: an empty cell
    notes: list[str] = field(default_factory=list)  # how the table was read (a title line skipped, …)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "error": None if self.error is None else str(self.error), "layout": self.layout,
                "rows": self.rows, "columns": self.columns, "anomalies": [a.to_dict() for a in self.anomalies],
                "cell_errors": [c.to_dict() for c in self.cell_errors], "not_evaluated": self.not_evaluated,
                "cell_errors_omitted": self.cell_errors_omitted,
                "skipped_for_nulls": self.skipped_for_nulls, "notes": self.notes,
                "internal_error": bool(self.error is not None and self.error.internal)}


# -- cells ----------------------------------------------------------------------------------------------


class CellReader:
    """Reads a cell into (value, strict low/high, loose low/high, qualifier), cached by its text.

    ``convention`` is the column's number format ("vi": 4.340,5; "en": 4,340.5): a cell that can only be
    read in the other format is an error, never silently re-read. A plain number is its value exactly,
    whether written as text or stored typed, unless its metric declares ``decimals`` (values rounded to
    that many places: the interval of the rounding, "24" in a two-decimal column being 24,00). Cells in
    ``nulls`` are empty.
    """

    def __init__(self, convention: str, decimals: int | None = None, nulls: tuple[str, ...] = ("",)) -> None:
        self.convention = convention
        self.decimals = decimals
        self.nulls = frozenset(n.strip() for n in nulls) | {""}
        self.cache: dict[str, tuple | None] = {}

    def rounded(self, v: float) -> tuple:
        if self.decimals is None or not math.isfinite(v):
            return (v, v, v, v, v, None)
        half = 0.5 * 10.0 ** -self.decimals
        return (v, v - half, v + half, v - half, v + half, None)

    def read(self, cell: Any, whole: bool) -> tuple | None | str:
        """A tuple for a number, None for an empty cell, or an error message."""
        if cell is None or (isinstance(cell, float) and math.isnan(cell)):
            return None
        if isinstance(cell, _Composite):
            return "a list or structure, not a number"
        if isinstance(cell, (bool, np.bool_)):
            return "a true/false value, not a number"
        if isinstance(cell, (int, float, np.integer, np.floating)):
            return self.rounded(float(cell))
        text = str(cell).strip()
        if text in self.nulls:
            return None
        key = f"{whole}:{text}"
        if key not in self.cache:
            self.cache[key] = self._parse(text, whole)
        return self.cache[key]

    def _parse(self, text: str, whole: bool) -> tuple | str:
        bare = text.lstrip("+-")
        n = parse_numeral(bare, self.convention) if bare else None
        if n is not None:
            evidence = numeral_evidence(bare)
            if evidence is not None and evidence != self.convention:
                return (f"written in the {FORMAT_NAMES[evidence]} number format, in a column of "
                        f"{FORMAT_NAMES[self.convention]} numbers ({EXAMPLES[self.convention]})")
            sign = -1 if text.startswith("-") else 1
            return self.rounded(float(n.value * sign))
        import figcheck
        from figcheck.reading.figures import NumberOutOfRange

        try:
            figs = [f for f in figcheck.extract(text).figures if f.role not in ("denominator",)]
        except NumberOutOfRange:
            return f"number too large to check: {text[:60]!r}"
        if len(figs) == 1 and figs[0].low is not None:
            f = figs[0]
            if f.qualifier is None and f.value is not None:
                return self.rounded(float(f.value))  # "83,65 %": a plain number, read as any other
            return (f.value if f.value is not None else NAN, f.low, f.high, f.loose_low,
                    f.loose_high if f.loose_high is not None else math.inf, f.qualifier)
        return f"not a number: {text!r}"


FORMAT_NAMES = {"vi": "Vietnamese", "en": "English"}
EXAMPLES = {"vi": "4.340,5", "en": "4,340.5"}


def column_convention(cells: pd.Series, nulls: tuple[str, ...] = ("",), default: str = "vi") -> str:
    """The number format of one column, from its own cells alone (the distinct ones, at most 2 000):
    the format most of its unambiguous numerals prove ("1.234.567", "2,5" → vi; "3.5", "1,234.5" → en)."""
    skip = set(nulls)
    present = cells.dropna()
    try:
        distinct = pd.unique(present)
    except TypeError:  # lists or structures (Parquet list/struct columns) are not hashable
        distinct = pd.unique(present.map(_hashable))
    texts = (str(u).strip() for u in distinct[:2000])
    return dominant_convention(" ".join(t for t in texts if t not in skip), default)


def read_cells(cells: pd.Series, reader: CellReader, whole: bool) -> tuple[np.ndarray, list[str | None]]:
    """Cells as written → rows of (value, low, high, loose low, loose high), and per cell the reason it is
    not a number (None when it is, or is empty). Each distinct cell is parsed once."""
    table, reasons, _ = read_cells_with_nulls(cells, reader, whole)
    return table, reasons


def read_cells_with_nulls(cells: pd.Series, reader: CellReader, whole: bool):
    """As :func:`read_cells`, and a mask of the cells that are empty (null) rather than unreadable."""
    try:
        codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    except TypeError:  # lists or structures (Parquet list/struct columns) are not hashable
        codes, uniques = pd.factorize(cells.map(_hashable), use_na_sentinel=True)
    table = np.full((len(uniques) + 1, 5), np.nan)
    reasons: list[str | None] = [None] * (len(uniques) + 1)
    empty = np.zeros(len(uniques) + 1, dtype=bool)
    empty[len(uniques)] = True
    for k, u in enumerate(uniques):
        p = reader.read(u, whole)
        if isinstance(p, str):
            reasons[k] = p
        elif p is None:
            empty[k] = True
        else:
            table[k] = p[:5]
    codes = np.where(codes < 0, len(uniques), codes)
    return table[codes], [reasons[c] for c in codes], empty[codes]


class _Composite(str):
    """A list or structure cell, by its text: reported as not a number."""


def _hashable(cell: Any) -> Any:
    try:
        hash(cell)
        return cell
    except TypeError:
        if isinstance(cell, np.ndarray):
            cell = cell.tolist()
        return _Composite(repr(cell))


# -- columns ----------------------------------------------------------------------------------------------


def column_metrics(columns: list[str], ruleset: RuleSet) -> dict[str, str]:
    """Which metric each column holds: by the packs' ``columns`` maps, else by its name."""
    mapping: dict[str, str] = {}
    for pack in ruleset.packs:
        mapping.update(pack.columns)
    out = {}
    for col in columns:
        if col in mapping:
            out[col] = mapping[col]
        elif col in ruleset.metrics:
            out[col] = col
        elif col.replace("_", ".", 1) in ruleset.metrics:
            out[col] = col.replace("_", ".", 1)
        elif col.replace("__", ".") in ruleset.metrics:
            out[col] = col.replace("__", ".")
    return out


def _long_to_wide(frame: pd.DataFrame, id_column: str | None) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """A long table (id, metric, value[, low, high, qualifier]) as a wide one, plus its bounds columns."""
    lower = {c.lower(): c for c in frame.columns}
    key = id_column or lower.get("id")
    if key is None:
        raise ValueError("a long table needs an 'id' column (or --id COLUMN)")
    wide = frame.pivot_table(index=key, columns=lower["metric"], values=lower["value"], aggfunc="first")
    bounds = {}
    for b in ("low", "high", "qualifier"):
        if b in lower:
            bounds[b] = frame.pivot_table(index=key, columns=lower["metric"], values=lower[b], aggfunc="first")
    wide = wide.reset_index()
    wide.columns = [str(c) for c in wide.columns]
    return wide, bounds


# -- checking ----------------------------------------------------------------------------------------------


ENGINES = ("pandas", "polars", "gx")
MAX_CELL_ERRORS = 1000  # cells that are not numbers listed per column; the rest are counted


def rule_for_file(rule: Rule, source: str) -> bool:
    """Whether ``rule`` is for table ``source`` (its ``files`` globs, matched on the file name or the path)."""
    if not rule.files:
        return True
    import fnmatch
    import os

    base = os.path.basename(source)
    return any(fnmatch.fnmatchcase(base, g) or fnmatch.fnmatchcase(source, g) for g in rule.files)


def rule_metrics(rule: Rule) -> set[str]:
    """Every metric a table rule needs a column for."""
    needed = {n.name for n in names(rule.assert_ast)}
    for node in (rule.where_ast, rule.children_ast, rule.sections_ast):
        if node is not None:
            needed |= {n.name for n in names(node)}
    needed |= set(rule.group_by or ()) | set(rule.order_by or ()) | set(rule.partition_by or ()) \
        | ({rule.parent} if rule.parent else set())
    if rule.reference is not None:  # names the other table's row gives
        needed -= {name for name, _ in rule.reference.values}
    return needed


class TableChecker:
    def __init__(self, ruleset: RuleSet, *, id_column: str | None = None, strict: bool = False,
                 engine: str = "pandas", data_docs: str | None = None, read_options: dict | None = None,
                 max_cell_errors: int = MAX_CELL_ERRORS) -> None:
        self.data_docs = data_docs
        self.max_cell_errors = max_cell_errors
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
        self.engine = engine
        self.ruleset = ruleset
        self.id_column = id_column
        self.strict = strict
        self.read_options = dict(read_options or {})  # header_row, skip_rows: how read_table finds the header
        self.rules = [r for r in ruleset.rules if r.on == "record" and r.assert_ast is not None]

    def check(self, table: Table) -> TableResult:
        result = TableResult(source=table.source, error=table.error, layout=table.layout, notes=list(table.notes))
        if table.error is not None or table.frame is None:
            return result
        try:
            self._check(table, result)
        except Exception as exc:  # noqa: BLE001 - a bug of figcheck on this table: exit 3, other tables go on
            return TableResult(source=table.source, layout=table.layout, rows=result.rows, columns=result.columns,
                               error=InputError(f"figcheck failed on this table: {type(exc).__name__}: {exc}",
                                                internal=True))
        return result

    def _check(self, table: Table, result: TableResult) -> None:
        frame = table.frame
        bounds: dict[str, pd.DataFrame] = {}
        if table.layout == "long":
            try:
                frame, bounds = _long_to_wide(frame, self.id_column)
            except (KeyError, ValueError) as exc:
                result.error = InputError(f"long table: {exc}")
                return
            lines = None
        else:
            lines = table.line_numbers()
        if self.id_column and self.id_column not in frame.columns and table.layout == "wide":
            result.error = InputError(f"no column {self.id_column!r} for --id (columns: {', '.join(map(str, frame.columns))})")
            return
        result.rows = len(frame)
        cols = column_metrics([c for c in frame.columns if c != self.id_column], self.ruleset)
        if self.id_column in frame.columns:  # the --id column is also a label a rule may group or filter by
            id_metric = column_metrics([self.id_column], self.ruleset).get(self.id_column)
            if id_metric is not None and self.ruleset.metrics[id_metric].kind == "text":
                cols = {self.id_column: id_metric, **cols}
        from figcheck.datasets.templates import member_metrics, pattern_columns

        cols.update(pattern_columns([c for c in frame.columns if c != self.id_column], self.ruleset, set(cols)))
        members = {c: m for c, m in cols.items() if m not in self.ruleset.metrics}  # of metric families
        metrics = {**self.ruleset.metrics, **member_metrics(members, self.ruleset)}
        result.columns = cols
        if not cols:
            shown = ", ".join(repr(str(c)) for c in list(frame.columns)[:8]) + (" …" if frame.shape[1] > 8 else "")
            result.error = InputError(
                f"no column maps to a metric of the packs in force (columns: {shown}); map them with a pack's "
                f"'columns', or, if the header is not the first line, give --header-row N")
            return
        labels = (frame[self.id_column].astype(str).str.strip().tolist()
                  if self.id_column and self.id_column in frame.columns
                  else frame[frame.columns[0]].astype(str).tolist() if table.layout == "long"
                  else [str(i + 1) for i in range(len(frame))])
        records, texts, values, nulls, formats = self._records(frame, cols, bounds, labels, lines, result, metrics)
        self._run(records, texts, values, nulls, formats, cols, labels, lines, result, table.source, metrics,
                  members)

    def _records(self, frame, cols, bounds, labels, lines, result, metrics=None):
        """Each number metric as interval columns, each text metric as its texts; cells parsed once per
        distinct value, in the number format of their own column."""
        data: dict[str, Any] = {}
        values: dict[str, np.ndarray] = {}  # text metric → its cells (None where empty)
        nulls: dict[str, np.ndarray] = {}  # metric → its empty cells
        formats: dict[str, str] = {}  # metric → the number format its column is written in
        null_texts = tuple(self.ruleset.nulls)

        listed: dict[str, int] = {}  # cell errors listed per column: past --max-cell-errors they are counted only

        def cell_error(i: int, col: str, text: str, message: str) -> None:
            if listed.get(col, 0) >= self.max_cell_errors:
                result.cell_errors_omitted += 1
                return
            listed[col] = listed.get(col, 0) + 1
            result.cell_errors.append(CellError(labels[i], int(i) + 1, None if lines is None else int(lines[i]),
                                                col, text, message))

        metrics = metrics or self.ruleset.metrics
        for col, name in cols.items():
            metric = metrics[name]
            series = frame[col]
            if metric.kind == "text":
                cells = series.to_numpy(dtype=object)
                skip = set(null_texts) | {""}
                out = np.array([None if v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() in skip
                                else str(v).strip() for v in cells], dtype=object)
                values[name] = out
                nulls[name] = np.array([v is None for v in out], dtype=bool)
                formats[name] = metric.number_format or "vi"
            else:
                typed = pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
                has_bounds = any(b in bounds and col in bounds[b].columns for b in ("low", "high"))
                if typed:
                    v = series.to_numpy(dtype=float, na_value=np.nan)
                    nulls[name] = np.isnan(v)
                    formats[name] = metric.number_format or "vi"
                    if metric.decimals is None and not has_bounds:
                        # exact values: the value is all the evaluators need
                        data[f"{name}.value"] = v
                        self._required(metric, col, series, nulls[name], cell_error)
                        continue
                    half = 0.0 if metric.decimals is None else 0.5 * 10.0 ** -metric.decimals
                    lo, hi = v - half, v + half
                    llo, lhi = lo, hi
                else:
                    convention = metric.number_format or column_convention(series, null_texts)
                    formats[name] = convention
                    reader = CellReader(convention, metric.decimals, null_texts)
                    rows, errors, empty = read_cells_with_nulls(series, reader, metric.whole)
                    v, lo, hi, llo, lhi = (rows[:, j] for j in range(5))
                    nulls[name] = empty
                    for i in np.flatnonzero([e is not None for e in errors]):
                        cell_error(i, col, str(series.iloc[i]), errors[i])
                lo, hi, llo, lhi = (np.array(a, dtype=float, copy=True) for a in (lo, hi, llo, lhi))
                for b, target, loose_target in (("low", lo, llo), ("high", hi, lhi)):
                    if b in bounds and col in bounds[b].columns:
                        vals = pd.to_numeric(bounds[b][col].reindex(frame.iloc[:, 0]).to_numpy(), errors="coerce")
                        given = ~np.isnan(vals)
                        target[given] = vals[given]
                        loose_target[given] = vals[given]
                data.update({f"{name}.lo": lo, f"{name}.hi": hi, f"{name}.llo": llo, f"{name}.lhi": lhi,
                             f"{name}.value": np.asarray(v, dtype=float)})
            self._required(metric, col, series, nulls[name], cell_error)
        order = {c: k for k, c in enumerate(cols)}  # column by column, each in row order (as on Spark)
        result.cell_errors.sort(key=lambda e: (order.get(e.column, len(order)), e.row_number))
        texts = _CellTexts(frame, {m: c for c, m in cols.items()}, formats)
        return data, texts, values, nulls, formats  # numpy columns: each engine builds its own frame from them

    @staticmethod
    def _required(metric, col, series, empty, cell_error) -> None:
        """An empty cell of a required metric is a cell error (and so not also a row skipped for nulls)."""
        if metric.required:
            for i in np.flatnonzero(empty):
                cell = series.iloc[i]
                cell_error(i, col, "" if cell is None or (isinstance(cell, float) and math.isnan(cell)) else str(cell),
                           f"empty cell in a required column (metric {metric.name!r} is required: true)")
            empty[:] = False

    def runnable(self, cols: dict[str, str], result: TableResult, rules: list[Rule] | None = None) -> list[Rule]:
        """The rules whose columns the table has; the others are reported as not evaluated."""
        metric_to_col = {m: c for c, m in cols.items()}
        runnable: list[Rule] = []
        for rule in self.rules if rules is None else rules:
            needed = rule_metrics(rule)
            missing = sorted(needed - set(metric_to_col))
            if missing:
                if len(missing) < len(needed):  # some columns present: the rule was meant to run
                    result.not_evaluated.append({"rule": rule.id, "severity": "error" if self.strict else "warning",
                                                 "reason": f"no column for {', '.join(missing)}"})
                continue
            runnable.append(rule)
        return runnable

    def _reference(self, rule: Rule, source: str, records, metrics, n: int, labels: dict[str, str]) -> str | None:
        """The values ``rule`` reads from one row of another table, as columns of ``records``; or why not."""
        import os

        from figcheck.datasets.cross_row import Prepared, _Preparer
        from figcheck.datasets.table_input import read_table

        ref = rule.reference
        path = os.path.join(os.path.dirname(source), ref.file)
        other = read_table(path, **self.read_options)
        if other.error is not None or other.frame is None:
            return f"reference table {ref.file}: {other.error}"
        cols = column_metrics(list(other.frame.columns), self.ruleset)
        scratch = TableResult(source=path)
        rec, _, texts, _, formats = self._records(other.frame, cols, {}, [str(i + 1) for i in range(len(other.frame))],
                                                   other.line_numbers(), scratch, metrics)
        picker = _Preparer(rec, texts, metrics, len(other.frame), Prepared(rules=[]))
        try:
            cond = picker.text_condition(ref.where_ast)
            rows = np.flatnonzero(Evaluator(pd.DataFrame(rec, copy=False), "strict").possible(cond))
        except (EvaluationError, KeyError) as exc:
            return f"reference table {ref.file}: cannot evaluate {ref.where!r}: {exc}"
        if len(rows) != 1:
            return f"reference table {ref.file}: {len(rows)} rows meet {ref.where!r} (it must pick one)"
        i = int(rows[0])
        metric_col = {m: c for c, m in cols.items()}
        for name, metric in ref.values:
            if f"{metric}.value" not in rec:
                return f"reference table {ref.file}: no column for {metric}"
            for k in ("lo", "hi", "llo", "lhi", "value"):
                col = rec.get(f"{metric}.{k}", rec[f"{metric}.value"])
                records[f"{name}.{k}"] = np.full(n, float(col[i]))
            labels[name] = f"{metric_col[metric]} of {ref.file} where {ref.where}"
        return None

    def _not_evaluated(self, result: TableResult, rule_id: str, reason: str) -> None:
        result.not_evaluated.append({"rule": rule_id, "severity": "error" if self.strict else "warning",
                                     "reason": reason})

    def _run(self, records, texts, values, nulls, formats, cols, labels, lines, result, source, metrics,
             members):
        from figcheck.datasets.cross_row import needs_preparing, prepare
        from figcheck.datasets.templates import expand

        metric_to_col = {m: c for c, m in cols.items()}
        rules = expand([r for r in self.rules if rule_for_file(r, source)], members,
                       {m for m in metrics if m.endswith(".*")})
        runnable = self.runnable(cols, result, rules)
        n = result.rows
        if self.engine == "gx":
            # rules across rows or on text have no faithful expectation: said, not dropped
            for r in runnable:
                if needs_preparing(r, metrics):
                    self._not_evaluated(result, r.id, "no faithful Great Expectations equivalent: group_by, "
                                                      "order_by and text conditions are evaluated by the pandas and "
                                                      "polars engines")
            runnable = [r for r in runnable if not needs_preparing(r, metrics)]
        reference_labels: dict[str, str] = {}
        for r in [r for r in runnable if r.reference is not None]:
            problem = self._reference(r, source, records, metrics, n, reference_labels)
            if problem:
                self._not_evaluated(result, r.id, problem)
                runnable.remove(r)
        try:
            prepared = prepare(runnable, records, values, metrics, n)
            prepared.labels.update(reference_labels)
        except Exception as exc:  # noqa: BLE001 - a regular expression that timed out, …
            from figcheck.rules.textmatch import RegexError

            if not isinstance(exc, RegexError):
                raise
            for r in runnable:
                self._not_evaluated(result, r.id, f"cannot be evaluated: {exc}")
            return
        rules = prepared.rules
        # rows each rule skipped because a cell it reads is empty
        for rule in rules:
            used = {x.name for node in (rule.assert_ast, rule.where_ast) if node is not None for x in names(node)
                    if x.name in nulls}
            if used:
                skipped = int(np.logical_or.reduce([nulls[m] for m in used]).sum())
                if skipped:
                    result.skipped_for_nulls[rule.id] = skipped
                    if self.strict:
                        self._not_evaluated(result, rule.id, f"{skipped} row{'s' if skipped > 1 else ''} not checked: "
                                                             f"an empty cell in a column the rule reads")
        if self.engine == "gx":
            found, loose_ok_of, skipped = _gx_outcomes(pd.DataFrame(records), rules, self.ruleset, metric_to_col,
                                                       self.data_docs, metrics)
            for rule_id, reason in skipped:
                self._not_evaluated(result, rule_id, reason)
        else:
            outcomes = _polars_outcomes if self.engine == "polars" else _pandas_outcomes
            found, loose_ok_of, failed = outcomes(records, rules)
            for k, reason in failed:
                self._not_evaluated(result, rules[k].id, f"cannot be evaluated: {reason}")
        reported: set[tuple[int, int]] = set()
        for k, row in sorted(found, key=lambda kr: (kr[1], kr[0])):
            rule = rules[k]
            group = None
            if rule.id in prepared.groups:
                g = int(prepared.groups[rule.id][row])
                group = prepared.group_keys[rule.id][g] if g >= 0 else None
                if rule.id in prepared.once_per_group:
                    if (k, g) in reported:
                        continue
                    reported.add((k, g))
            result.anomalies.append(table_anomaly(
                f"a{len(result.anomalies) + 1}", rule, bool(loose_ok_of[k][row]), records, texts, row,
                metric_to_col, labels[row], row + 1, None if lines is None else int(lines[row]),
                prepared=prepared, group=group, text_values=values))


def table_anomaly(anomaly_id: str, rule: Rule, loose_ok: bool, records: dict[str, Any], texts, row: int,
                  metric_to_col: dict[str, str], label: str, row_number: int, line: int | None, *,
                  prepared=None, group: str | None = None, text_values=None) -> TableAnomaly:
    """A failed rule on row ``row`` of ``records`` (numpy columns) and ``texts`` (cells as written)."""
    severity = min(rule.severity, "warning", key=SEVERITY_RANK.get) if loose_ok else rule.severity
    derived_labels = prepared.labels if prepared is not None else {}
    sources = prepared.sources if prepared is not None else {}
    metrics: list[str] = []
    for n in names(rule.assert_ast):
        for m in (sources.get(n.name, []) if n.name in derived_labels else [n.name]):
            if m in metric_to_col and m not in metrics:
                metrics.append(m)
    columns = [metric_to_col[m] for m in metrics]
    values = {metric_to_col[m]: texts[m][row] for m in metrics}
    one = pd.DataFrame({k: v[row:row + 1] for k, v in records.items() if not k.startswith("~") or k in
                        _keys_of(rule.assert_ast, records)})
    fmt = next((texts.formats.get(m) for m in metrics if texts.formats.get(m)), "vi")
    explanation = _explain(rule, one, metric_to_col, texts, row, loose_ok, derived_labels, fmt)
    if group and group != "the whole table":
        explanation += f" (group {group})"
    message = _render(rule.message, metric_to_col, texts, row)
    return TableAnomaly(id=anomaly_id, rule=rule.id, severity=severity, message=message, row=label,
                        row_number=row_number, line=line, columns=columns, values=values, explanation=explanation,
                        suggestion=None)


def _keys_of(node: Node, records: dict[str, Any]) -> set[str]:
    wanted = {n.name for n in names(node)}
    return {k for k in records if k.split(".", 1)[0] in wanted or k in wanted}


def _pandas_outcomes(records: dict[str, np.ndarray], rules: list[Rule]):
    """(failing (rule, row) pairs, per rule the rows a loose reading allows, rules that could not be evaluated)."""
    frame = pd.DataFrame(records, copy=False) if records else pd.DataFrame(index=range(0))
    strict_ev = Evaluator(frame, "strict")
    outcomes, failed, ok = [], [], []
    for k, rule in enumerate(rules):
        strict_ev.tolerance = rule.tolerance
        try:
            applies = strict_ev.referenced_present(rule.assert_ast)
            if rule.where_ast is not None:
                applies &= strict_ev.referenced_present(rule.where_ast) & strict_ev.possible(rule.where_ast)
            outcomes.append((rule.id, pd.Series(~applies | strict_ev.possible(rule.assert_ast))))
            ok.append(k)
        except EvaluationError as exc:  # anything else is a bug: an internal error (exit 3)
            failed.append((k, str(exc)))
    found = [(ok[k], i) for k, i in failing_rows("figcheck:table", outcomes, len(frame))]
    # the loose reading matters only where the strict one failed: evaluate it on those rows alone
    rows = sorted({i for _, i in found})
    loose = [np.ones(len(frame), dtype=bool) for _ in rules]
    if rows:
        loose_ev = Evaluator(frame.iloc[rows].reset_index(drop=True), "loose")
        for k in ok:
            loose_ev.tolerance = rules[k].tolerance
            loose[k][rows] = loose_ev.possible(rules[k].assert_ast)
    return found, loose, failed


def _polars_outcomes(records: dict[str, np.ndarray], rules: list[Rule]):
    """The rules as polars expressions, validated by pandera's polars backend over the whole table."""
    import pandera.polars as pap
    import polars as pl

    from figcheck.engines.polars_eval import PolarsCompiler

    frame = pl.DataFrame(records)
    checks, loose_exprs, failed, ok = [], [], [], []
    for k, rule in enumerate(rules):
        strict = PolarsCompiler(set(records), "strict", rule.tolerance)
        loose = PolarsCompiler(set(records), "loose", rule.tolerance)
        try:
            applies = strict.present(rule.assert_ast)
            if rule.where_ast is not None:
                applies = applies & strict.present(rule.where_ast) & strict.truth(rule.where_ast)
            holds = (~applies | strict.truth(rule.assert_ast)).fill_null(True)
            loose_expr = loose.truth(rule.assert_ast).fill_null(True).alias(f"loose{k}")
        except EvaluationError as exc:  # anything else is a bug: an internal error (exit 3)
            failed.append((k, str(exc)))
            continue
        checks.append(pap.Check(lambda data, holds=holds: data.lazyframe.select(holds), name=rule.id, error=rule.id))
        loose_exprs.append(loose_expr)
        ok.append(k)
    found: list[tuple[int, int]] = []
    if checks:
        try:
            pap.DataFrameSchema(checks=checks, name="figcheck:table").validate(frame, lazy=True)
        except pap.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            found = [(ok[int(k)], int(i)) for k, i in zip(cases["check_number"].to_list(), cases["index"].to_list())
                     if i is not None]
    # the loose reading matters only where the strict one failed: evaluate it on those rows alone
    rows = sorted({i for _, i in found})
    n = len(records[next(iter(records))]) if records else 0
    loose_arrays = [np.ones(n, dtype=bool) for _ in rules]
    if rows:
        picked = frame[rows].select(loose_exprs)
        for k in ok:
            loose_arrays[k][rows] = picked[f"loose{k}"].to_numpy()
    return found, loose_arrays, failed


def _gx_outcomes(records: pd.DataFrame, rules: list[Rule], ruleset: RuleSet, metric_to_col: dict[str, str],
                 data_docs: str | None, metrics: dict | None = None):
    """The rules exported as a Great Expectations suite and run through an ephemeral GX context.

    GX compares written values (with the rules' tolerances and the metrics' rounding exported); figcheck
    reads the loose side of qualifiers to tell warnings from errors on the rows GX reports. Rules GX cannot
    express are returned as skipped, with the reason.
    """
    from figcheck.rules.gx_export import add_derived_columns, build_suite, ephemeral_context, translate
    from figcheck.rules.model import RuleSet as _RuleSet

    from figcheck.rules.gx_export import gx_name

    sub = _RuleSet(packs=ruleset.packs, rules=list(rules), metrics=metrics or ruleset.metrics)
    # the table's own column names are data: GX (and its Data Docs) see sanitised ones
    metric_to_col = {m: gx_name(c) for m, c in metric_to_col.items()}
    translation = translate(sub, metric_to_col)
    skipped = [(n["rule"], f"no faithful Great Expectations equivalent: {n['reason']}") for n in translation.not_exported]
    frame = pd.DataFrame({col: records[f"{m}.value"].to_numpy(dtype=float) for m, col in metric_to_col.items()
                          if f"{m}.value" in records.columns})
    frame = add_derived_columns(frame, translation)
    index = {r.id: k for k, r in enumerate(rules)}
    found: set[tuple[int, int]] = set()
    if translation.expectations:
        import great_expectations as gx

        context = ephemeral_context()
        suite = build_suite(translation, sub, context=context)
        batch = context.data_sources.add_pandas("figcheck").add_dataframe_asset(name="table") \
            .add_batch_definition_whole_dataframe("all")
        validation = context.validation_definitions.add(gx.ValidationDefinition(name="figcheck", data=batch, suite=suite))
        if data_docs:
            context.add_data_docs_site(site_name="figcheck", site_config={
                "class_name": "SiteBuilder", "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": data_docs}})
            checkpoint = context.checkpoints.add(gx.Checkpoint(
                name="figcheck", validation_definitions=[validation],
                # only this site: the ephemeral context's default site is a copy in the system's temp directory
                actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs", site_names=["figcheck"])],
                result_format={"result_format": "COMPLETE"}))
            run = checkpoint.run(batch_parameters={"dataframe": frame})
            results = [r for v in run.run_results.values() for r in v.results]
        else:
            results = validation.run(batch_parameters={"dataframe": frame},
                                     result_format={"result_format": "COMPLETE"}).results
        for res in results:
            meta = res.expectation_config.meta
            for rule_id in meta.get("figcheck_rules") or [meta["figcheck_rule"]]:  # rules sharing one expectation
                if rule_id not in index:
                    continue
                if res.exception_info and res.exception_info.get("raised_exception"):
                    skipped.append((rule_id, f"Great Expectations raised: {res.exception_info.get('exception_message')}"))
                    continue
                for row in res.result.get("unexpected_index_list") or []:
                    found.add((index[rule_id], int(row)))
    skipped_ids = {r for r, _ in skipped}
    found = {(k, row) for k, row in found if rules[k].id not in skipped_ids}
    # the loose reading "allows" a failure only where the strict reading does not: the same wording as
    # the pandas and polars engines
    # (on the rows GX reported only)
    rows = sorted({row for _, row in found})
    loose_ok = [np.zeros(len(records), dtype=bool) for _ in rules]
    if rows:
        picked = records.iloc[rows].reset_index(drop=True)
        strict, loose = Evaluator(picked, "strict"), Evaluator(picked, "loose")
        for k, r in enumerate(rules):
            strict.tolerance = loose.tolerance = r.tolerance
            loose_ok[k][rows] = loose.possible(r.assert_ast) & ~strict.possible(r.assert_ast)
    return sorted(found), loose_ok, skipped


class _CellTexts:
    """Cell texts as written, looked up only for the rows that are reported."""

    def __init__(self, frame: pd.DataFrame, metric_to_col: dict[str, str], formats: dict[str, str] | None = None) -> None:
        self.frame = frame
        self.metric_to_col = metric_to_col
        self.formats = formats or {}

    def __getitem__(self, metric: str) -> "_Column":
        return _Column(self.frame[self.metric_to_col[metric]], self.formats.get(metric, "vi"))


class _Column:
    def __init__(self, series: pd.Series, fmt: str = "vi") -> None:
        self.series = series
        self.fmt = fmt

    def __getitem__(self, row: int) -> str:
        v = self.series.iloc[row]
        if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and math.isfinite(float(v)):
            return format_number(float(v), self.fmt)  # a numeric cell, written in its column's number format
        return str(v)


NEGATED = {"<=": ">", "<": "≥", ">=": "<", ">": "≤", "==": "≠", "!=": "="}
MAX_TERMS = 6


def _describe(node: Node, metric_to_col: dict[str, str], derived: dict[str, str], fmt: str) -> str:
    """An expression side as a reader knows it: column names, derived names as written in the rule."""
    from figcheck.rules.expr import BinOp, Call, Name, Neg, Num, to_text

    def d(n: Node) -> str:
        if isinstance(n, Name):
            if n.name in derived:
                label = derived[n.name]
                for m, c in metric_to_col.items():
                    label = label.replace(f"({m})", f"({c})")
                return label
            return metric_to_col.get(n.name, n.name)
        if isinstance(n, Num):
            return format_number(n.value, fmt)
        if isinstance(n, Neg):
            return f"-{d(n.operand)}"
        if isinstance(n, BinOp):
            return binop_text(n, d(n.left), d(n.right))
        if isinstance(n, Call):
            if n.func == "sum" and len(n.args) > MAX_TERMS:
                shown = ", ".join(d(a) for a in n.args[:3])
                return f"the sum of {len(n.args)} columns ({shown}, …, {d(n.args[-1])})"
            return f"{n.func}({', '.join(d(a) for a in n.args)})"
        return to_text(n)

    return d(node)


def _value_text(lo: float, hi: float, fmt: str) -> str:
    if math.isclose(lo, hi, rel_tol=1e-12, abs_tol=1e-12) or lo == hi:
        return format_number(_tidy(lo), fmt)
    return f"{format_number(_tidy(lo), fmt)} to {format_number(_tidy(hi), fmt)}"


def _tidy(x: float) -> float:
    """A computed value without float residue (0.30000000000000004 → 0.3)."""
    if not math.isfinite(x):
        return x
    return float(f"{x:.12g}")


def _explain(rule: Rule, one: pd.DataFrame, metric_to_col, texts, row: int, loose_ok: bool,
             derived: dict[str, str] | None = None, fmt: str = "vi") -> str:
    """Each failing comparison with both sides computed and labelled, in the table's number format."""
    from figcheck.rules.expr import Num

    derived = derived or {}
    ev = Evaluator(one, "strict" if loose_ok else "loose", rule.tolerance)
    # the sides computed from the values as written (exact), beside the intervals the rule is judged on
    written = Evaluator(pd.DataFrame({k: v for k, v in one.items() if k.endswith(".value") or "." not in k}))
    parts = []
    for op, left, right in comparisons(rule.assert_ast):
        if ev._is_flag(left) or ev._is_flag(right) or bool(ev._compare(op, left, right, necessary=False)[0]):
            continue
        li, ri = ev.interval(left), ev.interval(right)
        try:
            lw, rw = written.interval(left).lo[0], written.interval(right).lo[0]
        except EvaluationError:
            lw = rw = NAN
        lt, rt = _describe(left, metric_to_col, derived, fmt), _describe(right, metric_to_col, derived, fmt)
        lv = _value_text(lw, lw, fmt) if math.isfinite(lw) else _value_text(li.lo[0], li.hi[0], fmt)
        rv = _value_text(rw, rw, fmt) if math.isfinite(rw) else _value_text(ri.lo[0], ri.hi[0], fmt)
        left_side = lt if isinstance(left, Num) else f"{lt} = {lv}"
        right_side = rt if isinstance(right, Num) else f"{rt} = {rv}"
        text = f"{left_side} {NEGATED[op]} {right_side}"
        if op == "==" and math.isfinite(lw) and math.isfinite(rw):
            text += f" (off by {format_number(_tidy(abs(lw - rw)), fmt)})"
        slack = [x for x in (li, ri) if x.hi[0] - x.lo[0] > 0]
        if slack:
            text += (f"; with the rounding or qualifier of the written values: {_value_text(li.lo[0], li.hi[0], fmt)}"
                     f" and {_value_text(ri.lo[0], ri.hi[0], fmt)}")
        parts.append(text)
    if not parts:  # a condition without a comparison (increasing() is one): say what the rule asks
        parts.append(f"fails {rule.assert_text}")
    text = "; ".join(parts)
    if rule.tolerance:
        amount, relative = rule.tolerance
        text += f"; tolerance {format_number(amount * 100, fmt) + ' %' if relative else format_number(amount, fmt)}"
    if loose_ok:
        text += " — only a loose reading of a qualifier allows it"
    return text


def _render(template: str, metric_to_col, texts, row: int) -> str:
    import re

    def sub(m):
        key = m.group(1)
        if key in metric_to_col:
            return f"{metric_to_col[key]} = {texts[key][row]}"
        return m.group(0)

    return re.sub(r"\{([^\W\d][\w.]*)\}", sub, template)


def check_tables(paths, checker: "TableChecker", jobs: int = 1):
    """Each table read and checked, in the order given; ``jobs`` processes share the files.

    A table figcheck fails on is reported as an internal error on that table; the others are still
    checked. A worker that dies ends the run with ``WorkerDied`` after the tables checked before it.
    """
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield check_table_safely(checker, path)
        return
    from collections import deque

    from figcheck.validators.pipeline import WorkerPool

    with WorkerPool(min(jobs, len(paths)), _init_table_worker, (checker,)) as pool:
        pending: deque = deque()
        for path in paths:
            pending.append(pool.submit(_table_work, path))
            while len(pending) >= 2 * pool.jobs:
                yield pool.result(pending.popleft())
        while pending:
            yield pool.result(pending.popleft())


def check_table_safely(checker: "TableChecker", path: str) -> TableResult:
    from figcheck.datasets.table_input import read_table

    try:
        return checker.check(read_table(path, **checker.read_options))
    except Exception as exc:  # noqa: BLE001 - a bug on one table must not lose the others
        import os
        import traceback

        if os.environ.get("FIGCHECK_DEBUG") == "1":
            traceback.print_exc()
        return TableResult(source=path, error=InputError(f"internal error while checking: {type(exc).__name__}: {exc}",
                                                         internal=True))


_TABLE_WORKER: dict = {}


def _init_table_worker(checker: "TableChecker") -> None:
    _TABLE_WORKER["checker"] = checker


def _table_work(path: str) -> TableResult:
    from figcheck.validators.pipeline import _check_started

    _check_started()
    return check_table_safely(_TABLE_WORKER["checker"], path)
