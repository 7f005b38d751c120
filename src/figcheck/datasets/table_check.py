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
from figcheck.rules.expr import Node, names
from figcheck.rules.model import Rule, RuleSet
from figcheck.reading import intervals
from figcheck.validators.engine import SEVERITY_RANK, failing_rows
from figcheck.validators.evaluate import Evaluator, comparisons
from figcheck.reading.numbers import dominant_convention, format_number, parse_numeral
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

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "error": None if self.error is None else str(self.error), "layout": self.layout,
                "rows": self.rows, "columns": self.columns, "anomalies": [a.to_dict() for a in self.anomalies],
                "cell_errors": [c.to_dict() for c in self.cell_errors], "not_evaluated": self.not_evaluated,
                "cell_errors_omitted": self.cell_errors_omitted}


# -- cells ----------------------------------------------------------------------------------------------


class CellReader:
    """Reads a cell into (value, strict low/high, loose low/high, qualifier), cached by its text."""

    def __init__(self, convention: str) -> None:
        self.convention = convention
        self.cache: dict[str, tuple | None] = {}

    def read(self, cell: Any, whole: bool) -> tuple | None | str:
        """A tuple for a number, None for an empty cell, or an error message."""
        if cell is None or (isinstance(cell, float) and math.isnan(cell)):
            return None
        if isinstance(cell, _Composite):
            return "a list or structure, not a number"
        if isinstance(cell, (bool, np.bool_)):
            return "a true/false value, not a number"
        if isinstance(cell, (int, float, np.integer, np.floating)):
            v = float(cell)
            return (v, v, v, v, v, None)
        text = str(cell).strip()
        if not text:
            return None
        key = f"{whole}:{text}"
        if key not in self.cache:
            self.cache[key] = self._parse(text, whole)
        return self.cache[key]

    def _parse(self, text: str, whole: bool) -> tuple | str:
        n = parse_numeral(text.lstrip("+-"), self.convention) if text.lstrip("+-") else None
        if n is not None:
            sign = -1 if text.startswith("-") else 1
            value = n.value * sign
            c = intervals.claim(value, n.decimals, None, whole=whole, measured=not whole and n.decimals > 0)
            return (float(value), c.low, c.high, c.loose_low, c.loose_high, None)
        import figcheck
        from figcheck.reading.figures import NumberOutOfRange

        try:
            figs = [f for f in figcheck.extract(text).figures if f.role not in ("denominator",)]
        except NumberOutOfRange:
            return f"number too large to check: {text[:60]!r}"
        if len(figs) == 1 and figs[0].low is not None:
            f = figs[0]
            return (f.value if f.value is not None else NAN, f.low, f.high, f.loose_low,
                    f.loose_high if f.loose_high is not None else math.inf, f.qualifier)
        return f"not a number: {text!r}"


def read_cells(cells: pd.Series, reader: CellReader, whole: bool) -> tuple[np.ndarray, list[str | None]]:
    """Cells as written → rows of (value, low, high, loose low, loose high), and per cell the reason it is
    not a number (None when it is, or is empty). Each distinct cell is parsed once."""
    try:
        codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    except TypeError:  # lists or structures (Parquet list/struct columns) are not hashable
        codes, uniques = pd.factorize(cells.map(_hashable), use_na_sentinel=True)
    table = np.full((len(uniques) + 1, 5), np.nan)
    reasons: list[str | None] = [None] * (len(uniques) + 1)
    for k, u in enumerate(uniques):
        p = reader.read(u, whole)
        if isinstance(p, str):
            reasons[k] = p
        elif p is not None:
            table[k] = p[:5]
    codes = np.where(codes < 0, len(uniques), codes)
    return table[codes], [reasons[c] for c in codes]


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


class TableChecker:
    def __init__(self, ruleset: RuleSet, *, id_column: str | None = None, strict: bool = False,
                 engine: str = "pandas", data_docs: str | None = None,
                 max_cell_errors: int = MAX_CELL_ERRORS) -> None:
        self.data_docs = data_docs
        self.max_cell_errors = max_cell_errors
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
        self.engine = engine
        self.ruleset = ruleset
        self.id_column = id_column
        self.strict = strict
        self.rules = [r for r in ruleset.rules if r.on == "record" and r.assert_ast is not None]

    def check(self, table: Table) -> TableResult:
        result = TableResult(source=table.source, error=table.error, layout=table.layout)
        if table.error is not None or table.frame is None:
            return result
        frame = table.frame
        bounds: dict[str, pd.DataFrame] = {}
        if table.layout == "long":
            try:
                frame, bounds = _long_to_wide(frame, self.id_column)
            except (KeyError, ValueError) as exc:
                result.error = InputError(f"long table: {exc}")
                return result
            lines = None
        else:
            lines = table.line_numbers()
        if self.id_column and self.id_column not in frame.columns and table.layout == "wide":
            result.error = InputError(f"no column {self.id_column!r} for --id (columns: {', '.join(map(str, frame.columns))})")
            return result
        result.rows = len(frame)
        cols = column_metrics([c for c in frame.columns if c != self.id_column], self.ruleset)
        result.columns = cols
        labels = (frame[self.id_column].astype(str).tolist() if self.id_column and self.id_column in frame.columns
                  else frame[frame.columns[0]].astype(str).tolist() if table.layout == "long"
                  else [str(i + 1) for i in range(len(frame))])
        records, texts = self._records(frame, cols, bounds, labels, lines, result)
        self._run(records, texts, cols, labels, lines, result)
        return result

    def _records(self, frame, cols, bounds, labels, lines, result):
        """Each metric column as interval columns; text cells parsed once per distinct value."""
        # the number convention of the file, from its text cells ("4.340,5" or "4,340.5")
        text_columns = [c for c in frame.columns if frame[c].dtype == object][:50]
        sample = " ".join(" ".join(map(str, frame[c].head(200))) for c in text_columns)
        reader = CellReader(dominant_convention(sample))
        data: dict[str, Any] = {}
        for col, metric in cols.items():
            whole = self.ruleset.metrics[metric].whole
            series = frame[col]
            if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series) \
                    and not any(b in bounds and col in bounds[b].columns for b in ("low", "high")):
                # a numeric column states exact values: its value is all the evaluators need
                data[f"{metric}.value"] = series.to_numpy(dtype=float, na_value=np.nan)
                continue
            if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
                v = series.to_numpy(dtype=float, na_value=np.nan)
                lo = hi = llo = lhi = v
            else:
                rows, errors = read_cells(series, reader, whole)
                v, lo, hi, llo, lhi = (rows[:, j] for j in range(5))
                bad = np.flatnonzero([e is not None for e in errors])
                result.cell_errors_omitted += max(0, len(bad) - self.max_cell_errors)
                for i in bad[:self.max_cell_errors]:
                    result.cell_errors.append(CellError(labels[i], int(i) + 1, None if lines is None else int(lines[i]),
                                                        col, str(series.iloc[i]), errors[i]))
            lo, hi, llo, lhi = (np.array(a, dtype=float, copy=True) for a in (lo, hi, llo, lhi))
            for b, target, loose_target in (("low", lo, llo), ("high", hi, lhi)):
                if b in bounds and col in bounds[b].columns:
                    vals = pd.to_numeric(bounds[b][col].reindex(frame.iloc[:, 0]).to_numpy(), errors="coerce")
                    given = ~np.isnan(vals)
                    target[given] = vals[given]
                    loose_target[given] = vals[given]
            data.update({f"{metric}.lo": lo, f"{metric}.hi": hi, f"{metric}.llo": llo, f"{metric}.lhi": lhi,
                         f"{metric}.value": np.asarray(v, dtype=float)})
        texts = _CellTexts(frame, {m: c for c, m in cols.items()})
        return data, texts  # numpy columns: each engine builds its own frame from them

    def runnable(self, cols: dict[str, str], result: TableResult) -> list[Rule]:
        """The rules whose columns the table has; the others are reported as not evaluated."""
        metric_to_col = {m: c for c, m in cols.items()}
        runnable: list[Rule] = []
        for rule in self.rules:
            needed = {n.name for n in names(rule.assert_ast)}
            if rule.where_ast is not None:
                needed |= {n.name for n in names(rule.where_ast)}
            missing = sorted(needed - set(metric_to_col))
            if missing:
                if len(missing) < len(needed):  # some columns present: the rule was meant to run
                    result.not_evaluated.append({"rule": rule.id, "severity": "error" if self.strict else "warning",
                                                 "reason": f"no column for {', '.join(missing)}"})
                continue
            runnable.append(rule)
        return runnable

    def _run(self, records, texts, cols, labels, lines, result):
        metric_to_col = {m: c for c, m in cols.items()}
        runnable = self.runnable(cols, result)
        if self.engine == "gx":
            found, loose_ok_of, skipped = _gx_outcomes(pd.DataFrame(records), runnable, self.ruleset, metric_to_col,
                                                       self.data_docs)
            for rule_id, reason in skipped:
                result.not_evaluated.append({"rule": rule_id, "severity": "error" if self.strict else "warning",
                                             "reason": reason})
        else:
            if self.engine == "polars":
                found, loose_ok_of = _polars_outcomes(records, runnable)
            else:
                found, loose_ok_of = _pandas_outcomes(pd.DataFrame(records, copy=False), runnable)
        for k, row in sorted(found, key=lambda kr: (kr[1], kr[0])):
            result.anomalies.append(table_anomaly(
                f"a{len(result.anomalies) + 1}", runnable[k], bool(loose_ok_of[k][row]), records, texts, row,
                metric_to_col, labels[row], row + 1, None if lines is None else int(lines[row])))


def table_anomaly(anomaly_id: str, rule: Rule, loose_ok: bool, records: dict[str, Any], texts, row: int,
                  metric_to_col: dict[str, str], label: str, row_number: int, line: int | None) -> TableAnomaly:
    """A failed rule on row ``row`` of ``records`` (numpy columns) and ``texts`` (cells as written)."""
    severity = min(rule.severity, "warning", key=SEVERITY_RANK.get) if loose_ok else rule.severity
    metrics = list(dict.fromkeys(n.name for n in names(rule.assert_ast)))
    columns = [metric_to_col[m] for m in metrics]
    values = {metric_to_col[m]: texts[m][row] for m in metrics}
    one = pd.DataFrame({k: v[row:row + 1] for k, v in records.items()})
    explanation, suggestion = _explain(rule.assert_ast, one, metric_to_col, texts, row, loose_ok)
    message = _render(rule.message, metric_to_col, texts, row)
    return TableAnomaly(id=anomaly_id, rule=rule.id, severity=severity, message=message, row=label,
                        row_number=row_number, line=line, columns=columns, values=values, explanation=explanation,
                        suggestion=suggestion)


def _pandas_outcomes(records: pd.DataFrame, rules: list[Rule]) -> tuple[list[tuple[int, int]], list[np.ndarray]]:
    strict_ev = Evaluator(records, "strict")
    outcomes = []
    for rule in rules:
        applies = strict_ev.referenced_present(rule.assert_ast)
        if rule.where_ast is not None:
            applies &= strict_ev.possible(rule.where_ast)
        outcomes.append((rule.id, pd.Series(~applies | strict_ev.possible(rule.assert_ast))))
    found = failing_rows("figcheck:table", outcomes, len(records))
    # the loose reading matters only where the strict one failed: evaluate it on those rows alone
    rows = sorted({i for _, i in found})
    loose = [np.ones(len(records), dtype=bool) for _ in rules]
    if rows:
        loose_ev = Evaluator(records.iloc[rows].reset_index(drop=True), "loose")
        for k, rule in enumerate(rules):
            loose[k][rows] = loose_ev.possible(rule.assert_ast)
    return found, loose


def _polars_outcomes(records: dict[str, np.ndarray], rules: list[Rule]) -> tuple[list[tuple[int, int]], list[np.ndarray]]:
    """The rules as polars expressions, validated by pandera's polars backend over the whole table."""
    import pandera.polars as pap
    import polars as pl

    from figcheck.engines.polars_eval import PolarsCompiler

    frame = pl.DataFrame(records)
    strict, loose = PolarsCompiler(set(records), "strict"), PolarsCompiler(set(records), "loose")
    checks, loose_exprs = [], []
    for rule in rules:
        applies = strict.present(rule.assert_ast)
        if rule.where_ast is not None:
            applies = applies & strict.truth(rule.where_ast)
        holds = (~applies | strict.truth(rule.assert_ast)).fill_null(True)
        checks.append(pap.Check(lambda data, holds=holds: data.lazyframe.select(holds), name=rule.id, error=rule.id))
        loose_exprs.append(loose.truth(rule.assert_ast).fill_null(True).alias(f"loose{len(loose_exprs)}"))
    found: list[tuple[int, int]] = []
    if checks:
        try:
            pap.DataFrameSchema(checks=checks, name="figcheck:table").validate(frame, lazy=True)
        except pap.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            found = [(int(k), int(i)) for k, i in zip(cases["check_number"].to_list(), cases["index"].to_list())
                     if i is not None]
    # the loose reading matters only where the strict one failed: evaluate it on those rows alone
    rows = sorted({i for _, i in found})
    loose_arrays = [np.ones(len(records[next(iter(records))]) if records else 0, dtype=bool) for _ in rules]
    if rows:
        picked = frame[rows].select(loose_exprs)
        for k in range(len(rules)):
            loose_arrays[k][rows] = picked[f"loose{k}"].to_numpy()
    return found, loose_arrays


def _gx_outcomes(records: pd.DataFrame, rules: list[Rule], ruleset: RuleSet, metric_to_col: dict[str, str],
                 data_docs: str | None):
    """The rules exported as a Great Expectations suite and run through an ephemeral GX context.

    GX compares written values; figcheck still reads the loose side of qualifiers to tell warnings from
    errors on the rows GX reports. Rules GX cannot express are returned as skipped, with the reason.
    """
    from figcheck.rules.gx_export import add_derived_columns, build_suite, ephemeral_context, translate
    from figcheck.rules.model import RuleSet as _RuleSet

    from figcheck.rules.gx_export import gx_name

    wanted = {r.id for r in rules}
    sub = _RuleSet(packs=ruleset.packs, rules=[r for r in ruleset.rules if r.id in wanted], metrics=ruleset.metrics)
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
    loose = Evaluator(records, "loose")
    return sorted(found), [loose.possible(r.assert_ast) for r in rules], skipped


class _CellTexts:
    """Cell texts as written, looked up only for the rows that are reported."""

    def __init__(self, frame: pd.DataFrame, metric_to_col: dict[str, str]) -> None:
        self.frame = frame
        self.metric_to_col = metric_to_col

    def __getitem__(self, metric: str) -> "_Column":
        return _Column(self.frame[self.metric_to_col[metric]])


class _Column:
    def __init__(self, series: pd.Series) -> None:
        self.series = series

    def __getitem__(self, row: int) -> str:
        v = self.series.iloc[row]
        if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and float(v).is_integer():
            return format_number(float(v), "vi")  # a numeric cell, written the way the reports write numbers
        return str(v)


def _label(node: Node, metric_to_col: dict[str, str], texts: dict[str, list[str]], row: int) -> str:
    from figcheck.rules.expr import Name, Num, to_text

    if isinstance(node, Name) and node.name in metric_to_col:
        return f"{metric_to_col[node.name]} = {texts[node.name][row]}"
    if isinstance(node, Num):
        return format_number(node.value)
    return to_text(node)


def _explain(node: Node, one: pd.DataFrame, metric_to_col, texts, row: int, loose_ok: bool) -> tuple[str, str | None]:
    ev = Evaluator(one, "strict" if loose_ok else "loose")
    parts = []
    for op, left, right in comparisons(node):
        if ev._is_flag(left) or ev._is_flag(right) or bool(ev._compare(op, left, right, necessary=False)[0]):
            continue
        li, ri = ev.interval(left), ev.interval(right)
        lt, rt = _label(left, metric_to_col, texts, row), _label(right, metric_to_col, texts, row)
        if op in ("<=", "<") or (op == "==" and li.lo[0] > ri.hi[0]):
            parts.append(f"{lt} > {rt}" + ("" if li.lo[0] == li.hi[0] and ri.lo[0] == ri.hi[0]
                                          else f" ({format_number(li.lo[0])} at the least, {format_number(ri.hi[0])} at the most)"))
        else:
            parts.append(f"{lt} < {rt}")
    text = "; ".join(parts)
    if loose_ok:
        text += " — only a loose reading of a qualifier allows it"
    return text, None


def _render(template: str, metric_to_col, texts, row: int) -> str:
    import re

    def sub(m):
        key = m.group(1)
        if key in metric_to_col:
            return f"{metric_to_col[key]} = {texts[key][row]}"
        return m.group(0)

    return re.sub(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}", sub, template)


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
        return checker.check(read_table(path))
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
