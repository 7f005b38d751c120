"""``figcheck check --engine spark``: articles read, extracted and checked on Apache Spark.

The pipeline, per partition and without a shuffle after the first one:

1. **units** — one row per input unit: a text file's bytes (``binaryFile``), a JSON Lines line (Spark's
   text reader, numbered per file) or a Parquet row with a text column. Range-partitioned on the input
   order, so results come back in the order the inputs were given.
2. **extract** (``mapInArrow``, one reader per partition) — each unit read into an ``Article`` exactly
   as the local engine reads it, then the article tables (``build_tables``) as one array of structs per
   table and article. The article itself travels on, pickled.
3. **rules** — every assertion of the rule set compiled from its AST to a Spark column expression
   (:mod:`figcheck.engines.spark_eval`) and applied to those arrays with ``transform``: all rules in
   one projection, one pass. Each row of each table gets a code: applies, holds strictly, holds loosely.
4. **results** (``mapInArrow``) — the local engine, given those codes instead of evaluating the
   assertions itself, makes the anomalies: same severities, explanations, merging and ids. Built-in
   checks (the GRIM test) are Python functions and run here; a rule Spark cannot compile runs here too.
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import numpy as np

from figcheck.models import ArticleResult, InputError, Source
from figcheck.rules.model import Rule, RuleSet
from figcheck.validators.engine import CheckEngine

ARTICLES_PER_PARTITION = 1000  # the results of a partition are what the driver holds at once
ARROW_BATCH = 256  # articles extracted and checked together (the local engine's batch)

UNIT_SCHEMA = ("input int, order string, line long, kind string, source string, data binary, text string, "
               "id string, title string, url string, date string, error string")

_ARROW_TYPES = {"float": "float64", "int": "int64", "bool": "bool_", "str": "string"}


# -- inputs ---------------------------------------------------------------------------------------------


@dataclass
class _File:
    uri: str
    source: str  # as the local engine names it: the path given, joined with the path inside a directory
    order: str  # sorts like the local engine's sorted(Path.rglob(…))


def _list(spark, path: str) -> tuple[str, list[_File]] | None:
    """("file" | "dir", files) for an input path on any Hadoop file system; None if it does not exist.

    A directory is listed by Spark's own (parallel) file index, which also sees empty files.
    """
    from figcheck.engines.spark_session import _fs, normalize_uri_text

    fs, p = _fs(spark, path)
    if not fs.exists(p):
        return None
    status = fs.getFileStatus(p)
    if status.isFile():
        return "file", [_File(status.getPath().toString(), path, "")]
    root = normalize_uri_text(fs.makeQualified(p).toString()).rstrip("/")
    shown = PurePosixPath(path).as_posix() if "://" not in path else path.rstrip("/")
    try:
        uris = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(path).inputFiles()
    except Exception:  # noqa: BLE001 - an empty directory has nothing Spark can infer a schema from
        uris = []
    files = []
    for uri in uris:
        norm = normalize_uri_text(uri)
        rel = norm[len(root):].lstrip("/") if norm.startswith(root + "/") else PurePosixPath(norm).name
        files.append(_File(uri, f"{shown}/{rel}", "\x00".join(rel.split("/"))))
    files.sort(key=lambda f: f.order)
    return "dir", files


def _is_parquet(name: str) -> bool:
    return name.lower().endswith((".parquet", ".pq"))


def article_units(spark, paths: list[str], text_column: str = "text"):
    """Every unit the paths name, as a DataFrame of UNIT_SCHEMA (see the module docstring)."""
    from pyspark.sql import functions as F

    from figcheck.reading.sources import JSONL_SUFFIXES, TEXT_SUFFIXES, _source_id
    from figcheck.engines.spark_session import normalize_uri, normalize_uri_text

    errors: list[tuple] = []  # units that are input errors already, found on the driver
    text_files: list[tuple] = []
    jsonl_files: list[tuple] = []
    parquet_files: list[tuple] = []

    def error(i: int, order: str, source: str, message: str) -> None:
        errors.append((i, order, None, "error", source, None, None, _source_id(source), None, None, None, message))

    for i, path in enumerate(paths):
        if path == "-":  # Spark's executors cannot read this process's standard input
            error(i, "", "-", "standard input is read by the local engine only: pass a file with --engine spark")
            continue
        listed = _list(spark, path)
        if listed is None:
            error(i, "", path, "no such file or directory")
            continue
        kind, files = listed
        if kind == "dir":
            wanted = [f for f in files if PurePosixPath(f.uri).suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
                      and PurePosixPath(f.uri).stem.upper() != "README"]
            parquet = [f for f in files if _is_parquet(f.uri)]
            if not wanted and parquet:
                files = parquet  # a Parquet dataset: a directory of part files
            elif not wanted:
                error(i, "", path, "directory holds no .txt, .md or .jsonl file")
                continue
            else:
                files = wanted
        for f in files:
            name = f.uri.lower()
            key = normalize_uri_text(f.uri)
            if _is_parquet(name):
                parquet_files.append((key, i, f.order, f.source))
            elif name.endswith(JSONL_SUFFIXES):
                jsonl_files.append((key, i, f.order, f.source))
            else:
                text_files.append((key, i, f.order, f.source, path if kind == "dir" else f.uri))

    frames = []
    info_schema = "key string, input int, order string, source string"
    if parquet_files:
        from figcheck.engines.spark_session import number_rows

        info = spark.createDataFrame(parquet_files, info_schema)
        raw = spark.read.parquet(*[k for k, *_ in parquet_files])
        from pyspark.sql import types as T

        from figcheck.engines.spark_session import wrong_types

        problem = None
        if text_column not in raw.columns:
            problem = (f"no column {text_column!r} for the article text "
                       f"(columns: {', '.join(raw.columns)}; choose one with --text-column)")
        elif wrong_types(raw, {text_column: T.StringType()}, "figcheck:articles"):
            problem = (f"column {text_column!r} holds {raw.schema[text_column].dataType.simpleString()}, "
                       "not text (choose the text column with --text-column)")
        if problem:
            for key, i, order, source in parquet_files:
                error(i, order, source, problem)
        else:
            raw, _ = number_rows(raw.withColumn("key", normalize_uri(F.input_file_name())), "key")
            optional = {c: (F.col(c).cast("string") if c in raw.columns else F.lit(None).cast("string"))
                        for c in ("id", "title", "url", "date")}
            frames.append(raw.join(F.broadcast(info), "key").select(
                "input", "order", F.col("_row").alias("line"), F.lit("parquet").alias("kind"), "source",
                F.lit(None).cast("binary").alias("data"), F.col(text_column).cast("string").alias("text"),
                *[optional[c].alias(c) for c in ("id", "title", "url", "date")],
                F.lit(None).cast("string").alias("error")))
    if errors:
        frames.append(spark.createDataFrame(errors, UNIT_SCHEMA))
    if text_files:
        info = spark.createDataFrame([t[:4] for t in text_files], info_schema)
        # a directory is loaded whole (one listing; the join keeps the wanted files), files given by name by name
        loads = list(dict.fromkeys(t[4] for t in text_files))
        raw = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(loads)
        raw = raw.select(normalize_uri(F.col("path")).alias("key"), "content")
        # Spark's file sources skip empty files: they come back as units without bytes ("empty file")
        empty = info.join(raw.select("key"), "key", "left_anti").withColumn("content", F.lit(None).cast("binary"))
        units = raw.join(F.broadcast(info), "key").unionByName(empty)
        frames.append(units.select(
            "input", "order", F.lit(None).cast("long").alias("line"), F.lit("text").alias("kind"), "source",
            F.col("content").alias("data"), *[F.lit(None).cast("string").alias(c) for c in
                                              ("text", "id", "title", "url", "date", "error")]))
    if jsonl_files:
        from figcheck.engines.spark_session import number_rows

        info = spark.createDataFrame(jsonl_files, info_schema)
        raw = spark.read.text([k for k, *_ in jsonl_files]).withColumn("key", normalize_uri(F.input_file_name()))
        raw, _ = number_rows(raw, "key")
        frames.append(raw.join(F.broadcast(info), "key").select(
            "input", "order", F.col("_row").alias("line"), F.lit("jsonl").alias("kind"), "source",
            F.lit(None).cast("binary").alias("data"), F.col("value").alias("text"),
            *[F.lit(None).cast("string").alias(c) for c in ("id", "title", "url", "date", "error")]))
    if not frames:
        return spark.createDataFrame([], UNIT_SCHEMA)
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out


def unit_source(row: dict[str, Any], encoding: str | None = None) -> Source | None:
    """A unit as the local engine's Source; None for a blank JSON Lines line (no article)."""
    from figcheck.reading.sources import MAX_INPUT_BYTES, _source_id, jsonl_line_source, text_source

    kind, source = row["kind"], row["source"]
    if kind == "error":
        return Source(source=source, id=row["id"] or _source_id(source), text=None, error=InputError(row["error"]))
    if kind == "text":
        data = row["data"] or b""
        if len(data) > MAX_INPUT_BYTES:
            return Source(source=source, id=_source_id(source), text=None, error=InputError(
                f"file too large: {len(data)} bytes; one article is at most {MAX_INPUT_BYTES} bytes "
                "(split it, or pass a JSON Lines file with one article per line)"))
        return text_source(source, data, encoding)
    if kind == "jsonl":
        raw = (row["text"] or "").encode("utf-8")
        if not raw.strip():
            return None
        return jsonl_line_source(source, int(row["line"]), raw)
    # a Parquet row
    line = int(row["line"])
    art_id = row["id"] if row["id"] is not None else f"{_source_id(source)}:{line}"
    text = row["text"]
    if text is None or not text.strip():
        return Source(source=source, id=art_id, text=None, line=line,
                      error=InputError("empty text", f"row {line}"))
    return Source(source=source, id=art_id, text=text, title=row["title"], url=row["url"], date=row["date"],
                  line=line)


# -- the rules as Spark expressions ------------------------------------------------------------------------


@dataclass
class CompiledRules:
    """The rules Spark evaluates: (output column, rule, table) and each table's struct fields."""

    rules: list[tuple[str, Rule]]
    fields: dict[str, list[tuple[str, str]]]  # table → [(column, kind)] without the id lists
    columns: dict[str, Any]  # output column → Spark Column over the table arrays (driver only)

    def __getstate__(self) -> dict[str, Any]:  # what the Python workers get: no JVM objects
        return {"rules": self.rules, "fields": self.fields, "columns": {}}


def _field(column: str) -> str:
    return column.replace(".", "__")


def compile_rules(ruleset: RuleSet) -> CompiledRules:
    """Every assertion rule the Spark compiler can express; the rest are left to the Python stage."""
    from pyspark.sql import functions as F

    from figcheck.validators.evaluate import EvaluationError
    from figcheck.validators.tables import column_kinds

    rules: list[tuple[str, Rule]] = []
    fields: dict[str, list[tuple[str, str]]] = {}
    columns: dict[str, Any] = {}
    for k, rule in enumerate(ruleset.rules):
        if rule.assert_ast is None:
            continue
        kinds = column_kinds(rule.on, ruleset)
        try:
            column = F.transform(F.col(f"t_{rule.on}"), _row_code(rule, kinds))
        except EvaluationError:
            continue  # the Python stage evaluates it and reports why it cannot run, as locally
        name = f"o_{k}"
        rules.append((name, rule))
        columns[name] = column
        fields.setdefault(rule.on, [(c, kind) for c, kind in kinds.items() if kind != "ids"])
    return CompiledRules(rules, fields, columns)


def _row_code(rule: Rule, kinds: dict[str, str]):
    """The one-argument function ``transform`` wants (Spark reads its parameters to name the lambda)."""
    from figcheck.engines.spark_eval import rule_code

    def code(r):
        return rule_code(rule, kinds, lambda key: r.getField(_field(key)), lambda: r.getField("scope"))

    return code


def _arrow_struct_type(fields: list[tuple[str, str]]):
    import pyarrow as pa

    return pa.struct([(_field(c), getattr(pa, _ARROW_TYPES[kind])()) for c, kind in fields])


def spark_type(fields: list[tuple[str, str]]) -> str:
    spark_types = {"float": "double", "int": "bigint", "bool": "boolean", "str": "string"}
    inner = ", ".join(f"`{_field(c)}`: {spark_types[kind]}" for c, kind in fields)
    return f"array<struct<{inner}>>"


# -- stage 2: extraction --------------------------------------------------------------------------------


def _table_arrays(articles, readable: list[int], tables, compiled: CompiledRules) -> dict[str, Any]:
    """Per table: a list<struct> array with each article's rows (none for an unreadable article)."""
    import pyarrow as pa

    out = {}
    for on, fields in compiled.fields.items():
        frame = tables.table(on) if tables is not None else None
        counts = np.zeros(len(articles), dtype=np.int64)
        children = []
        struct_type = _arrow_struct_type(fields)
        if frame is not None and len(frame):
            arts = frame["art"].to_numpy()
            per_readable = np.bincount(arts, minlength=len(readable))
            counts[readable] = per_readable
            for (column, kind), f in zip(fields, struct_type):
                values = frame[column].to_numpy(dtype=object) if kind in ("str", "bool") else frame[column].to_numpy()
                children.append(pa.array(values, type=f.type, from_pandas=True))
            struct = pa.StructArray.from_arrays(children, fields=list(struct_type))
        else:
            struct = pa.array([], type=struct_type)
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
        out[f"t_{on}"] = pa.ListArray.from_arrays(pa.array(offsets), struct)
    return out


def extract_batches(batches: Iterator, ruleset: RuleSet, language: str, compiled: CompiledRules,
                    encoding: str | None) -> Iterator:
    """mapInArrow: units → (input, order, line, pickled article, one array per table)."""
    import pyarrow as pa

    from figcheck.validators.pipeline import _read_safely
    from figcheck.languages import load_language
    from figcheck.reading.reader import reader_for
    from figcheck.validators.tables import build_tables

    reader = reader_for(language)
    lang = load_language(language)
    for batch in batches:
        rows = batch.to_pylist()
        keep, articles = [], []
        for row in rows:
            src = unit_source(row, encoding)
            if src is None:
                continue
            keep.append(row)
            articles.append(_read_safely(reader, src))
        readable = [i for i, a in enumerate(articles) if a.error is None]
        tables = None
        if readable:
            try:
                tables = build_tables([articles[i] for i in readable], ruleset, lang)
            except Exception:  # noqa: BLE001 - the Python stage checks these articles one by one and reports
                tables = None
        arrays = _table_arrays(articles, readable, tables, compiled)
        columns = {
            "input": pa.array([r["input"] for r in keep], pa.int32()),
            "order": pa.array([r["order"] for r in keep], pa.string()),
            "line": pa.array([r["line"] for r in keep], pa.int64()),
            "article": pa.array([pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL) for a in articles], pa.binary()),
            **arrays,
        }
        yield pa.RecordBatch.from_pydict(columns)


def extracted_schema(compiled: CompiledRules) -> str:
    tables = ", ".join(f"t_{on} {spark_type(fields)}" for on, fields in compiled.fields.items())
    return "input int, order string, line long, article binary" + (f", {tables}" if tables else "")


# -- stage 4: results ----------------------------------------------------------------------------------


class SparkTruthEngine(CheckEngine):
    """The local engine, reading each assertion's truths from the codes Spark computed."""

    codes: dict[str, dict[int, np.ndarray]]

    def __init__(self, ruleset: RuleSet, language: str = "vi") -> None:
        super().__init__(ruleset, language)
        self.codes = {}

    def assertion_truths(self, rule, table, strict, loose, tables):
        from figcheck.engines.spark_eval import APPLIES, HOLDS_LOOSE, HOLDS_STRICT

        per_article = self.codes.get(rule.id)
        if per_article is None:
            return super().assertion_truths(rule, table, strict, loose, tables)
        arts = table["art"].to_numpy()
        starts = np.flatnonzero(np.r_[True, arts[1:] != arts[:-1]]) if len(arts) else []
        pieces = []
        for s in starts:
            codes = per_article.get(id(tables.articles[arts[s]]))
            if codes is None:  # an article whose tables Spark did not get: evaluate it here
                return super().assertion_truths(rule, table, strict, loose, tables)
            pieces.append(codes)
        codes = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int8)
        if len(codes) != len(table):
            raise RuntimeError(f"Spark returned {len(codes)} outcomes for a table of {len(table)} rows")
        return (codes & APPLIES) != 0, (codes & HOLDS_STRICT) != 0, (codes & HOLDS_LOOSE) != 0


RESULT_SCHEMA = ("input int, order string, line long, source string, id string, title string, "
                 "error string, error_kind string, internal_error string, figures long, checked long, "
                 "worst string, anomalies array<struct<id: string, rule: string, severity: string, message: string, "
                 "explanation: string, suggestion: string, sentence: int, start: int, end: int, figures: array<string>, "
                 "also: array<string>>>, record string, result binary")


def check_batches(batches: Iterator, ruleset: RuleSet, language: str, compiled: CompiledRules,
                  keep_results: str) -> Iterator:
    """mapInArrow: (article, codes) → the JSON record and its summary columns.

    ``keep_results``: "none", "light" (the result without the article's text and figures, for the JSON
    writers) or "full" (for the console and CI reports), pickled into ``result`` for the driver.
    """
    import dataclasses

    import pyarrow as pa

    from figcheck.validators.pipeline import _check_batch
    from figcheck.reports.json_report import encode_record

    engine = SparkTruthEngine(ruleset, language)
    for batch in batches:
        articles = [pickle.loads(b) for b in batch.column("article").to_pylist()]
        codes: dict[str, dict[int, np.ndarray]] = {}
        for name, rule in compiled.rules:
            arr = batch.column(name)
            offsets = arr.offsets.to_numpy()
            values = arr.values.to_numpy(zero_copy_only=False).astype(np.int8, copy=False)
            codes[rule.id] = {id(a): values[offsets[i]:offsets[i + 1]] for i, a in enumerate(articles)}
        engine.codes = codes
        results = _check_batch(engine, articles)
        out: dict[str, list] = {k: [] for k in ("source", "id", "title", "error", "error_kind", "internal_error",
                                                 "figures", "checked", "worst", "anomalies", "record", "result")}
        for r in results:
            d = r.to_dict()
            out["source"].append(r.article.source)
            out["id"].append(r.article.id)
            out["title"].append(r.article.title)
            out["error"].append(d["error"])
            out["error_kind"].append(d["error_kind"])
            out["internal_error"].append(r.internal_error)
            out["figures"].append(len(r.article.figures))
            out["checked"].append(len(r.checked_figures))
            out["worst"].append(r.worst())
            out["anomalies"].append([{k: v for k, v in a.to_dict().items() if k != "relation"} for a in r.anomalies])
            out["record"].append(encode_record(d))
            if keep_results == "none":
                out["result"].append(None)
                continue
            if keep_results == "light":
                r.encoded = out["record"][-1]
                r.figure_count = len(r.article.figures)
                r.article = dataclasses.replace(r.article, text="", figures=[], relations=[], sentences=[],
                                                set_aside=[])
            out["result"].append(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))
        columns = {"input": batch.column("input"), "order": batch.column("order"), "line": batch.column("line")}
        for key, values in out.items():
            columns[key] = values
        yield pa.RecordBatch.from_pydict(columns, schema=_result_arrow_schema())


_RESULT_ARROW = None


def _result_arrow_schema():
    global _RESULT_ARROW
    if _RESULT_ARROW is None:
        import pyarrow as pa

        anomaly = pa.struct([("id", pa.string()), ("rule", pa.string()), ("severity", pa.string()),
                             ("message", pa.string()), ("explanation", pa.string()), ("suggestion", pa.string()),
                             ("sentence", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
                             ("figures", pa.list_(pa.string())), ("also", pa.list_(pa.string()))])
        _RESULT_ARROW = pa.schema([("input", pa.int32()), ("order", pa.string()), ("line", pa.int64()),
                                   ("source", pa.string()), ("id", pa.string()), ("title", pa.string()),
                                   ("error", pa.string()), ("error_kind", pa.string()),
                                   ("internal_error", pa.string()), ("figures", pa.int64()), ("checked", pa.int64()),
                                   ("worst", pa.string()), ("anomalies", pa.list_(anomaly)), ("record", pa.string()),
                                   ("result", pa.binary())])
    return _RESULT_ARROW


# -- the whole run ------------------------------------------------------------------------------------


def results_frame(spark, paths: list[str], ruleset: RuleSet, language: str = "vi", encoding: str | None = None,
                  text_column: str = "text", keep_results: str = "none", partitions: int | None = None):
    """The results DataFrame (RESULT_SCHEMA), one row per article, partitions in input order."""

    compiled = compile_rules(ruleset)
    units = article_units(spark, paths, text_column)
    if partitions is None:
        count = units.count()
        partitions = max(1, min(max(spark.sparkContext.defaultParallelism, math.ceil(count / ARTICLES_PER_PARTITION)),
                                max(count, 1)))
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH))
    units = units.repartitionByRange(partitions, "input", "order", "line").sortWithinPartitions("input", "order", "line")
    extracted = units.mapInArrow(
        lambda it: extract_batches(it, ruleset, language, compiled, encoding), extracted_schema(compiled))
    evaluated = extracted.select("input", "order", "line", "article",
                                 *[column.alias(name) for name, column in compiled.columns.items()])
    return evaluated.mapInArrow(
        lambda it: check_batches(it, ruleset, language, compiled, keep_results), RESULT_SCHEMA)


def stream_results(spark, paths: list[str], ruleset: RuleSet, language: str = "vi", encoding: str | None = None,
                   text_column: str = "text", light: bool = False) -> Iterator[ArticleResult]:
    """Every article's result, in input order, to the driver (for the report formats of ``check``)."""
    frame = results_frame(spark, paths, ruleset, language, encoding, text_column, "light" if light else "full")
    for row in frame.select("result").toLocalIterator(prefetchPartitions=True):
        yield pickle.loads(row["result"])


_SUMMARY_SCHEMA = ("struct<error_kind: string, internal_error: string, coverage: struct<figures: bigint, "
                   "checked: bigint>, not_evaluated: array<struct<rule: string>>, "
                   "anomalies: array<struct<rule: string, severity: string>>>")


def summarize(frame) -> dict[str, Any]:
    """The JSON ``summary`` object (the local engine's ``Summary``) from a DataFrame of ``record`` texts."""
    from pyspark.sql import functions as F

    r = frame.select(F.from_json("record", _SUMMARY_SCHEMA).alias("r")).select("r.*")
    totals = r.agg(
        F.count(F.lit(1)).alias("articles"),
        F.sum(F.coalesce(F.col("coverage.figures"), F.lit(0))).alias("figures"),
        F.sum(F.coalesce(F.col("coverage.checked"), F.lit(0))).alias("checked"),
        F.sum(F.when(F.col("error_kind") == "input", 1).otherwise(0)).alias("input_errors"),
        F.sum(F.when(F.col("error_kind") == "internal", 1).otherwise(0)
              + F.when(F.col("internal_error").isNotNull(), 1).otherwise(0)).alias("internal_errors"),
        F.sum(F.size(F.coalesce(F.col("not_evaluated"), F.array()))).alias("not_evaluated"),
    ).first()
    by = (r.select(F.explode("anomalies").alias("a")).groupBy("a.rule", "a.severity").count().collect())
    severities = {"error": 0, "warning": 0, "info": 0}
    rules: dict[str, int] = {}
    for row in by:
        severities[row["severity"]] = severities.get(row["severity"], 0) + row["count"]
        rules[row["rule"]] = rules.get(row["rule"], 0) + row["count"]
    return {"articles": int(totals["articles"] or 0), "figures": int(totals["figures"] or 0),
            "checked": int(totals["checked"] or 0), "anomalies": severities, "by_rule": dict(sorted(rules.items())),
            "input_errors": int(totals["input_errors"] or 0), "internal_errors": int(totals["internal_errors"] or 0),
            "not_evaluated": int(totals["not_evaluated"] or 0)}


def write_results(spark, paths: list[str], ruleset: RuleSet, output: str, fmt: str, language: str = "vi",
                  encoding: str | None = None, text_column: str = "text") -> tuple[dict[str, Any], list[tuple]]:
    """Check on Spark and write the results to the directory ``output``: Parquet (one row per article:
    its summary columns, ``anomalies`` and the JSON ``record``) or JSON Lines (the records, as ``check
    --format jsonl`` writes them), with ``_summary.json``. Returns the summary and the first input errors.
    """
    import json

    from figcheck.reports.json_report import SCHEMA_VERSION
    from figcheck.engines.spark_session import write_directory

    frame = results_frame(spark, paths, ruleset, language, encoding, text_column, "none").drop("result")
    frame = frame.drop("input", "order") if fmt == "parquet" else frame.select("record")
    errors: list[tuple] = []

    def after(tmp: str):
        written = spark.read.parquet(tmp) if fmt == "parquet" else spark.read.text(tmp).withColumnRenamed("value", "record")
        summary = summarize(written)
        if summary["input_errors"] or summary["internal_errors"]:
            from pyspark.sql import functions as F

            parsed = written.select(F.from_json("record", "struct<source: string, line: bigint, error: string, "
                                                "internal_error: string>").alias("r")).select("r.*")
            errors.extend(tuple(r) for r in parsed.filter("error is not null or internal_error is not null")
                          .limit(20).collect())
        text = json.dumps({"version": SCHEMA_VERSION, "summary": summary, "packs": ruleset.packs_report()},
                          ensure_ascii=False) + "\n"
        return summary, {"_summary.json": text}

    summary = write_directory(spark, frame, output, fmt, on_written=after)
    return summary, errors
