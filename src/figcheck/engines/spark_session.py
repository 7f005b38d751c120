"""A Spark session for figcheck, and the small Spark helpers both Spark pipelines share.

Spark is optional (``pip install 'figcheck[spark]'``); nothing here is imported unless ``--engine
spark`` is asked for.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable

SPARK_EXTRA = "pip install 'figcheck[spark]'"


def spark_missing() -> str | None:
    """Why Spark cannot run here, or None: pyspark and a Java runtime are both needed."""
    import importlib.util

    if importlib.util.find_spec("pyspark") is None:
        return f"--engine spark needs pyspark: {SPARK_EXTRA}"
    java_home = os.environ.get("JAVA_HOME")
    if not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))) and shutil.which("java") is None:
        return "--engine spark needs a Java runtime (17 or later): none on PATH and JAVA_HOME is not set"
    return None


def spark_error_text(exc: BaseException) -> str:
    """The one line of a Spark error a user needs (the JVM's message, not py4j's "calling o123.parquet")."""
    java = getattr(exc, "java_exception", None)
    text = ""
    if java is not None:
        try:
            text = str(java.getMessage() or "")
        except Exception:  # noqa: BLE001 - the gateway may be gone
            text = ""
    if not text:
        get = getattr(exc, "getMessage", None)
        text = str(get()) if callable(get) else str(exc)
    text = text.strip()
    return text.splitlines()[0] if text else type(exc).__name__


def parse_conf(pairs: Iterable[str]) -> dict[str, str]:
    """``KEY=VALUE`` pairs as given to ``--spark-conf``; a pair without '=' is a usage error."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--spark-conf {pair!r}: expected KEY=VALUE")
        out[key.strip()] = value
    return out


def make_session(master: str = "local[*]", conf: dict[str, str] | None = None):
    """The active Spark session, or a new one on ``master`` with ``conf`` (the user's conf wins)."""
    from pyspark.sql import SparkSession

    conf = dict(conf or {})
    settings = {
        "spark.app.name": "figcheck",
        "spark.ui.showConsoleProgress": "false",  # figcheck's report owns the terminal
        "spark.ui.enabled": "false",
        "spark.sql.session.timeZone": "UTC",
    }
    log_config = os.path.join(os.path.dirname(__file__), "spark_conf", "log4j2.properties")
    if "FIGCHECK_SPARK_LOG_LEVEL" not in os.environ and os.path.exists(log_config):
        # before the JVM starts: Spark's start-up chatter stays off the report's terminal
        settings["spark.driver.extraJavaOptions"] = f"-Dlog4j2.configurationFile=file:{log_config}"
    if master.startswith("local"):
        # the workers run the same Python (and the same figcheck) as the command
        settings["spark.pyspark.python"] = sys.executable
        settings["spark.pyspark.driver.python"] = sys.executable
    settings.update(conf)
    builder = SparkSession.builder.master(master)
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("FIGCHECK_SPARK_LOG_LEVEL", "FATAL"))
    return spark


def number_rows(df, key: str):
    """(``df`` with ``_row``, the number of rows): ``_row`` is 1-based within each value of ``key`` (a file).

    A file source keeps each file's rows in order inside a partition and its splits in partition
    order, so a row's number is the rows of its file in earlier partitions plus its place in its own.
    The per-partition counts are one small job; nothing is collected but those counts.
    """
    from pyspark.sql import functions as F

    df = df.withColumn("_mid", F.monotonically_increasing_id())
    df = df.withColumn("_pid", F.shiftright(F.col("_mid"), 33)).withColumn(
        "_idx", F.col("_mid").bitwiseAND(F.lit((1 << 33) - 1)))
    counts = df.groupBy(key, "_pid").agg(F.count(F.lit(1)).alias("n"), F.min("_idx").alias("first")).collect()
    bases = []
    running: dict = {}
    for r in sorted(counts, key=lambda r: (str(r[key]), r["_pid"])):
        # a partition may hold the end of one file and the start of the next: count from the file's first row
        bases.append((r[key], r["_pid"], running.get(r[key], 0) - r["first"]))
        running[r[key]] = running.get(r[key], 0) + r["n"]
    table = df.sparkSession.createDataFrame(bases, f"`{key}` string, _pid long, _base long")
    df = df.join(F.broadcast(table), on=[key, "_pid"], how="left")
    numbered = df.withColumn("_row", F.col("_base") + F.col("_idx") + F.lit(1)).drop("_mid", "_pid", "_idx", "_base")
    return numbered, sum(running.values())  # the rows, counted on the way: nobody needs to count them again


def normalize_uri(col):
    """A file URI as a Spark reader reports it, in one spelling (decoded, ``file:/``), to join on."""
    from pyspark.sql import functions as F

    return F.regexp_replace(F.url_decode(col), r"^file:/+", "file:/")


def normalize_uri_text(uri: str) -> str:
    import re
    from urllib.parse import unquote

    return re.sub(r"^file:/+", "file:/", unquote(uri))


# -- writing a result directory ------------------------------------------------------------------------


def output_problem(spark, path: str) -> str | None:
    """Why ``path`` cannot take a result directory (it is a file), or None."""
    fs, p = _fs(spark, path)
    if fs.exists(p) and fs.getFileStatus(p).isFile():
        return f"--output {path}: a file is there; with --engine spark the output is a directory"
    return None


def _fs(spark, path: str):
    p = spark._jvm.org.apache.hadoop.fs.Path(path)
    return p.getFileSystem(spark._jsc.hadoopConfiguration()), p


def write_directory(spark, frame, path: str, fmt: str, extra_files: dict[str, str] | None = None,
                    on_written=None):
    """Write ``frame`` to the directory ``path`` as Parquet or JSON Lines, all or nothing.

    Spark writes into a sibling temporary directory; ``on_written(tmp)`` may read it back (a summary)
    and returns extra files to add; only then does the temporary directory replace ``path``. A run that
    fails or is interrupted leaves ``path`` as it was.
    """
    import uuid

    fs, target = _fs(spark, path)
    tmp_path = f"{path.rstrip('/')}.figcheck-tmp-{uuid.uuid4().hex[:8]}"
    _, tmp = _fs(spark, tmp_path)
    try:
        if fmt == "parquet":
            frame.write.mode("errorifexists").parquet(tmp_path)
        else:
            frame.write.mode("errorifexists").text(tmp_path)
        result = on_written(tmp_path) if on_written is not None else None
        files = dict(extra_files or {})
        if isinstance(result, tuple):
            result, more = result
            files.update(more)
        for name, text in files.items():
            out = fs.create(spark._jvm.org.apache.hadoop.fs.Path(tmp, name), True)
            try:
                out.write(bytearray(text.encode("utf-8")))
            finally:
                out.close()
        old = None
        if fs.exists(target):
            old = spark._jvm.org.apache.hadoop.fs.Path(f"{path.rstrip('/')}.figcheck-old-{uuid.uuid4().hex[:8]}")
            if not fs.rename(target, old):
                raise OSError(f"cannot move the old {path} aside")
        if not fs.rename(tmp, target):
            if old is not None:
                fs.rename(old, target)
            raise OSError(f"cannot move the results into {path}")
        if old is not None:
            fs.delete(old, True)
        return result
    finally:
        if fs.exists(tmp):
            fs.delete(tmp, True)


def wrong_types(frame, expected: dict[str, object], name: str) -> dict[str, str]:
    """Columns of ``frame`` whose Spark type is not the expected one: column → what pandera found.

    pandera's pyspark backend validates the schema only (no pass over the data); figcheck's own
    evaluators, not pandera, judge the rows.
    """
    import pandera.pyspark as pa
    from pandera.config import ValidationDepth, config_context

    schema = pa.DataFrameSchema({c: pa.Column(t, nullable=True) for c, t in expected.items()}, name=name)
    with config_context(validation_depth=ValidationDepth.SCHEMA_ONLY):
        validated = schema.validate(frame)
    out: dict[str, str] = {}
    for by_kind in dict(validated.pandera.errors or {}).values():
        for errors in by_kind.values():
            for e in errors:
                if e.get("column") is not None:
                    out[str(e["column"])] = str(e.get("error", ""))
    return out
