"""``figcheck check-table --engine spark``: a dataset checked on Apache Spark, row by row.

The table is read by Spark (CSV as text, Parquet, JSON Lines, ORC, or a catalog table). Text cells are
read into intervals by the same cell reader as the local engines (a pandas UDF, each distinct cell
parsed once per batch); numeric columns are exact values and need no Python at all. Every record rule
is compiled from its AST to Spark column expressions (:mod:`figcheck.engines.spark_eval`) and all of
them run in one projection; only the rows that fail a rule or hold an unreadable cell reach the driver,
where the local engine's code words the anomalies, so messages, explanations and ids are the same.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pandas as pd

from figcheck.models import InputError
from figcheck.datasets.table_check import (CellError, TableChecker, TableResult, _CellTexts, column_metrics,
                                             read_cells, rule_metrics, table_anomaly)

SPARK_SUFFIXES = (".csv", ".tsv", ".parquet", ".pq", ".jsonl", ".ndjson", ".json", ".orc")
_PARSED = "v double, lo double, hi double, llo double, lhi double, err string"
_READERS: dict[str, Any] = {}


class _Unreadable(Exception):
    """A table Spark cannot read: carries the InputError to report."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


def _cell_reader(convention: str, decimals: int | None = None, nulls: tuple[str, ...] = ("",)):
    from figcheck.datasets.table_check import CellReader

    key = (convention, decimals, nulls)
    if key not in _READERS:
        _READERS[key] = CellReader(convention, decimals, nulls)  # one per worker: its cache serves every batch
    return _READERS[key]


def parse_cells(cells: pd.Series, convention: str, whole: bool, decimals: int | None = None,
                nulls: tuple[str, ...] = ("",)) -> pd.DataFrame:
    """Cells as written → value, strict and loose bounds, or the reason a cell is not a number."""
    rows, errors = read_cells(cells, _cell_reader(convention, decimals, nulls), whole)
    return pd.DataFrame({"v": rows[:, 0], "lo": rows[:, 1], "hi": rows[:, 2], "llo": rows[:, 3], "lhi": rows[:, 4],
                         "err": errors})


def _cell_udf(convention: str, whole: bool, decimals: int | None = None, nulls: tuple[str, ...] = ("",)):
    from pyspark.sql import functions as F

    def parse(cells: pd.Series) -> pd.DataFrame:
        return parse_cells(cells, convention, whole, decimals, nulls)

    return F.pandas_udf(parse, _PARSED)


def read_spark_table(spark, path: str | None, table_name: str | None = None):
    """(DataFrame, source name, line offset) — or raise InputError naming the input."""
    if table_name is not None:
        try:
            return spark.table(table_name), table_name, None
        except Exception as exc:  # noqa: BLE001 - Spark's AnalysisException, on one line
            raise _Unreadable(InputError(f"no table {table_name!r} in the Spark catalog: {_first_line(exc)}")) from None
    from figcheck.engines.spark_session import _fs

    if "://" not in path and os.path.lexists(path):
        import stat

        from figcheck.reading.sources import file_kind

        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            raise _Unreadable(InputError(f"cannot read: {exc.strerror or exc}")) from None
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a FIFO would hang the reader, a device fill memory
            raise _Unreadable(InputError(f"not a regular file: {file_kind(mode)}"))
    fs, p = _fs(spark, path)
    if not fs.exists(p):
        raise _Unreadable(InputError("no such file or directory"))
    suffix = os.path.splitext(path.rstrip("/"))[1].lower()
    if fs.getFileStatus(p).isDirectory() and not suffix:
        suffix = ".parquet"  # a directory of part files, as Spark writes them
    try:
        if suffix in (".csv", ".tsv"):
            from figcheck.datasets.table_input import sniff_delimiter

            sample = ""
            if "://" not in path and os.path.isfile(path):
                with open(path, "rb") as fh:
                    sample = fh.read(64 * 1024).decode("utf-8", errors="replace")
            sep = sniff_delimiter(sample, path) if sample else ("\t" if suffix == ".tsv" else ",")
            frame = (spark.read.option("header", True).option("sep", sep).option("inferSchema", False)
                     .option("encoding", "UTF-8").option("mode", "FAILFAST").csv(path))
            offset = 2
        elif suffix in (".parquet", ".pq"):
            frame, offset = spark.read.parquet(path), None
        elif suffix in (".jsonl", ".ndjson", ".json"):
            frame, offset = spark.read.option("mode", "FAILFAST").json(path), 1
        elif suffix == ".orc":
            frame, offset = spark.read.orc(path), None
        else:
            raise _Unreadable(InputError(f"unknown table format {suffix or '(no suffix)'!r} for --engine spark "
                             f"(known: {', '.join(SPARK_SUFFIXES)}, or --table NAME)"))
    except _Unreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - every reader's own error becomes an input error
        raise _Unreadable(InputError(f"cannot read table: {_first_line(exc)}")) from None
    return frame, path, offset


def _first_line(exc: Exception) -> str:
    from figcheck.engines.spark_session import spark_error_text

    return spark_error_text(exc)


def check_table_on_spark(spark, checker: TableChecker, path: str | None = None,
                         table_name: str | None = None) -> TableResult:
    """One table checked on Spark: the same TableResult as ``checker.check(read_table(path))``."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    from figcheck.validators.evaluate import EvaluationError
    from figcheck.engines.spark_eval import SparkCompiler
    from figcheck.engines.spark_session import number_rows

    source = table_name or path
    result = TableResult(source=source)
    try:
        frame, source, line_offset = read_spark_table(spark, path, table_name)
    except _Unreadable as exc:
        result.error = exc.error
        return result
    try:
        columns = frame.columns
    except Exception as exc:  # noqa: BLE001
        result.error = InputError(f"cannot read table: {_first_line(exc)}")
        return result
    renamed = {c: str(c).strip() for c in columns}
    frame = frame.select(*[F.col(f"`{c}`").alias(f"c{k}") for k, c in enumerate(columns)])
    names_of = {f"c{k}": renamed[c] for k, c in enumerate(columns)}
    column_of = {v: k for k, v in names_of.items()}
    if not columns:
        result.error = InputError("empty table: no columns")
        return result
    if {"metric", "value"} <= {c.lower() for c in names_of.values()}:
        result.layout = "long"
        result.error = InputError("a long table (id, metric, value) is read by the local engines only: "
                                  "use --engine pandas, or pivot it to one column per metric")
        return result
    id_column = checker.id_column
    if id_column and id_column not in column_of:
        result.error = InputError(f"no column {id_column!r} for --id (columns: {', '.join(names_of.values())})")
        return result
    cols = column_metrics([c for c in names_of.values() if c != id_column], checker.ruleset)
    if id_column:  # as the local engines: the --id column also maps to a text metric
        id_metric = column_metrics([id_column], checker.ruleset).get(id_column)
        if id_metric is not None and checker.ruleset.metrics[id_metric].kind == "text":
            cols = {id_column: id_metric, **cols}
    result.columns = cols
    if not cols:
        shown = ", ".join(repr(c) for c in list(names_of.values())[:8]) + (" …" if len(names_of) > 8 else "")
        result.error = InputError(
            f"no column maps to a metric of the packs in force (columns: {shown}); map them with a pack's "
            f"'columns', or, if the header is not the first line, give --header-row N")
        return result
    metric_to_col = {m: c for c, m in cols.items()}
    dtypes = {names_of[c]: t for c, t in zip(frame.columns, [f.dataType for f in frame.schema.fields])}
    # the schema first (pandera, no pass over the data): a metric column must hold numbers, text or flags
    readable = (T.StringType, T.BooleanType, T.ByteType, T.ShortType, T.IntegerType, T.LongType, T.FloatType,
                T.DoubleType, T.DecimalType)
    expected = {column_of[c]: (dtypes[c] if isinstance(dtypes[c], readable) else T.StringType()) for c in cols}
    from figcheck.engines.spark_session import wrong_types

    wrong = wrong_types(frame, expected, f"figcheck:{source}")
    if wrong:
        col = names_of[sorted(wrong)[0]]
        result.error = InputError(f"column {col!r} holds {dtypes[col].simpleString()}: figcheck reads numbers and "
                                  f"text ({len(wrong)} such column{'s' if len(wrong) > 1 else ''})")
        return result

    # the number convention from the first rows of the text columns, as the local engines read it
    text_columns = [c for c in cols if isinstance(dtypes[c], T.StringType)]
    try:
        head = frame.select(*[column_of[c] for c in text_columns]).limit(200).collect() if text_columns else []
    except Exception as exc:  # noqa: BLE001 - a malformed file shows up when Spark first reads it
        result.error = InputError(f"cannot read table: {_first_line(exc)}")
        return result
    # the number format of each column from its own first rows (never from another column)
    from figcheck.datasets.table_check import column_convention

    conventions = {c: column_convention(pd.Series([r[k] for r in head], dtype=object), checker.ruleset.nulls)
                   for k, c in enumerate(text_columns)}

    # the record columns: exact values for numeric columns, parsed intervals for the rest
    kinds: dict[str, str] = {}
    exprs: dict[str, Any] = {}
    errors: dict[str, Any] = {}  # table column → the reason its cell is not a number (null when it is)
    numeric = (T.ByteType, T.ShortType, T.IntegerType, T.LongType, T.FloatType, T.DoubleType, T.DecimalType)
    for col, metric in cols.items():
        c = F.col(column_of[col])
        if checker.ruleset.metrics[metric].kind == "text":
            continue  # a label column: rules that read it are not run on Spark (above)
        m = checker.ruleset.metrics[metric]
        required = (f"empty cell in a required column (metric {metric!r} is required: true)" if m.required else None)
        if isinstance(dtypes[col], numeric):
            value = c.cast("double")
            exprs[f"{metric}.value"] = value
            kinds[f"{metric}.value"] = "float"
            if m.decimals is not None:  # the interval of the declared rounding, as the local engines read it
                half = 0.5 * 10.0 ** -m.decimals
                for key, sign in (("lo", -1), ("hi", 1), ("llo", -1), ("lhi", 1)):
                    exprs[f"{metric}.{key}"] = value + sign * half
                    kinds[f"{metric}.{key}"] = "float"
            if required:
                errors[col] = F.when(c.isNull() | F.isnan(value), F.lit(required))
            continue
        if isinstance(dtypes[col], T.BooleanType):
            parsed = F.struct(*[F.lit(None).cast("double").alias(k) for k in ("v", "lo", "hi", "llo", "lhi")],
                              F.when(c.isNotNull(), F.lit("a true/false value, not a number")).alias("err"))
        else:
            m = checker.ruleset.metrics[metric]
            parsed = _cell_udf(m.number_format or conventions.get(col, "vi"), m.whole, m.decimals,
                               tuple(checker.ruleset.nulls))(c.cast("string"))
        tmp = f"p_{column_of[col]}"
        frame = frame.withColumn(tmp, parsed)
        for key, field in (("value", "v"), ("lo", "lo"), ("hi", "hi"), ("llo", "llo"), ("lhi", "lhi")):
            exprs[f"{metric}.{key}"] = F.col(tmp).getField(field)
            kinds[f"{metric}.{key}"] = "float"
        errors[col] = F.col(tmp).getField("err")
        if required:
            v = F.col(tmp).getField("v")
            errors[col] = F.coalesce(errors[col], F.when(v.isNull() | F.isnan(v), F.lit(required)))

    safe = {key: f"r{k}" for k, key in enumerate(exprs)}
    frame = frame.select(*frame.columns, *[e.alias(safe[key]) for key, e in exprs.items()])

    def get(key: str):
        return F.col(safe[key])

    from figcheck.datasets.cross_row import needs_preparing
    from figcheck.datasets.table_check import rule_for_file

    runnable = []
    for rule in checker.runnable(cols, result, [r for r in checker.rules if rule_for_file(r, source)]):
        if needs_preparing(rule, checker.ruleset.metrics) or rule.tolerance or any(
                checker.ruleset.metrics[m].kind == "text" for m in cols.values() if m in rule_metrics(rule)):
            result.not_evaluated.append({"rule": rule.id, "severity": "error" if checker.strict else "warning",
                                         "reason": "not on the Spark engine yet (group_by, order_by, text conditions "
                                                   "and tolerances run on --engine pandas or polars)"})
        else:
            runnable.append(rule)
    fails, looses = [], []
    for k, rule in enumerate(runnable):
        strict, loose = SparkCompiler(kinds, get, "strict"), SparkCompiler(kinds, get, "loose")
        try:
            applies = strict.present(rule.assert_ast)
            if rule.where_ast is not None:
                applies = applies & strict.possible(rule.where_ast)
            fails.append((applies & ~strict.possible(rule.assert_ast)).alias(f"fail{k}"))
            looses.append(loose.possible(rule.assert_ast).alias(f"loose{k}"))
        except EvaluationError as exc:
            fails.append(F.lit(False).alias(f"fail{k}"))
            looses.append(F.lit(True).alias(f"loose{k}"))
            result.not_evaluated.append({"rule": rule.id, "severity": "error" if checker.strict else "warning",
                                         "reason": f"EvaluationError: {exc}"})
    # rows each rule skips because a cell it reads is empty (not unreadable): one aggregation pass
    from figcheck.rules.expr import names as expr_names

    skip_exprs = []
    for k, rule in enumerate(runnable):
        cond = F.lit(False)
        for m in {n.name for node in (rule.assert_ast, rule.where_ast) if node is not None for n in expr_names(node)}:
            if f"{m}.value" in exprs:
                v = exprs[f"{m}.value"]
                empty = v.isNull() | F.isnan(v)
                if metric_to_col[m] in errors:
                    empty = empty & errors[metric_to_col[m]].isNull()
                cond = cond | empty
        skip_exprs.append(F.sum(F.when(cond, 1).otherwise(0)).alias(f"skip{k}"))
    frame = frame.withColumn("_src", F.lit(source))
    flags = fails + [e.isNotNull().alias(f"bad{k}") for k, e in enumerate(errors.values())]
    wanted = [column_of[c] for c in dict.fromkeys([*cols, *([id_column] if id_column else [])])]
    condition = F.lit(False)
    for f in [f"fail{k}" for k in range(len(runnable))] + [f"bad{k}" for k in range(len(errors))]:
        condition = condition | F.col(f)
    try:
        # two passes over the data: the rows counted per partition (row numbers), then the failing rows
        numbered, total = number_rows(frame, "_src")
        picked = numbered.select("_row", *wanted, *safe.values(), *flags, *looses,
                                 *[e.alias(f"err{k}") for k, e in enumerate(errors.values())])
        rows = sorted(picked.filter(condition).collect(), key=lambda r: r["_row"])
    except Exception as exc:  # noqa: BLE001 - a malformed file shows up when Spark reads it
        result.error = InputError(f"cannot read table: {_first_line(exc)}")
        return result
    result.rows = total
    if skip_exprs and total:
        try:
            sums = frame.agg(*skip_exprs).collect()[0]
        except Exception as exc:  # noqa: BLE001
            result.error = InputError(f"cannot read table: {_first_line(exc)}")
            return result
        for k, rule in enumerate(runnable):
            if sums[f"skip{k}"]:
                n_skipped = int(sums[f"skip{k}"])
                result.skipped_for_nulls[rule.id] = n_skipped
                if checker.strict:
                    result.not_evaluated.append({
                        "rule": rule.id, "severity": "error", "reason": f"{n_skipped} row{'s' if n_skipped > 1 else ''} "
                        f"not checked: an empty cell in a column the rule reads"})
    if total == 0 and not columns:
        return result

    # the failing rows, as the local engine's numpy columns and cell texts
    records = {key: np.array([np.nan if r[safe[key]] is None else float(r[safe[key]]) for r in rows], dtype=float)
               for key in exprs}
    texts_frame = pd.DataFrame({col: [r[column_of[col]] for r in rows] for col in cols})
    formats = {m: checker.ruleset.metrics[m].number_format or conventions.get(c, "vi") for c, m in cols.items()}
    texts = _CellTexts(texts_frame, metric_to_col, formats)
    labels = [str(r[column_of[id_column]]) if id_column else str(r["_row"]) for r in rows]
    for k, col in enumerate(errors):
        for i, r in enumerate(rows):
            if r[f"bad{k}"]:
                n = int(r["_row"])
                result.cell_errors.append(CellError(labels[i], n, None if line_offset is None else n - 1 + line_offset,
                                                    col, "" if r[column_of[col]] is None else str(r[column_of[col]]),
                                                    r[f"err{k}"]))
    for i, r in enumerate(rows):
        n = int(r["_row"])
        for k, rule in enumerate(runnable):
            if r[f"fail{k}"]:
                result.anomalies.append(table_anomaly(
                    f"a{len(result.anomalies) + 1}", rule, bool(r[f"loose{k}"]), records, texts, i, metric_to_col,
                    labels[i], n, None if line_offset is None else n - 1 + line_offset))
    return result


def check_tables_on_spark(spark, checker: TableChecker, paths: list[str], table_names: list[str]):
    """Each table in turn (each one a distributed job), in the order given: paths, then catalog tables."""
    for path in paths:
        yield check_table_on_spark(spark, checker, path=path)
    for name in table_names:
        yield check_table_on_spark(spark, checker, table_name=name)


def anomaly_rows(results: list[TableResult]) -> pd.DataFrame:
    """One row per anomaly and per unreadable cell, for ``--output DIR``."""
    rows = []
    for r in results:
        for a in r.anomalies:
            rows.append({"source": r.source, "kind": "anomaly", **{k: v for k, v in a.to_dict().items() if k != "values"},
                         "values": [f"{k}={v}" for k, v in a.values.items()], "column": None, "text": None})
        for c in r.cell_errors:
            rows.append({"source": r.source, "kind": "cell_error", "id": None, "rule": "figcheck.cell.not-a-number",
                         "severity": "error", "message": c.message, "row": c.row, "row_number": c.row_number,
                         "line": c.line, "columns": [c.column], "values": [f"{c.column}={c.text}"],
                         "explanation": None, "suggestion": None, "column": c.column, "text": c.text})
    return pd.DataFrame(rows, columns=["source", "kind", "id", "rule", "severity", "message", "row", "row_number",
                                       "line", "columns", "values", "explanation", "suggestion", "column", "text"])

