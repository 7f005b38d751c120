"""The Spark engine gives the local engines' results: same anomalies, messages, ids, summaries.

These tests run Spark in local mode (Java 17 is on the development machines and in CI). Without a Java
runtime they skip with that reason, except under CI, where a skip would hide a broken engine.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from figcheck.validators.pipeline import check_sources
from figcheck.cli import main
from figcheck.rules.loader import load_ruleset
from figcheck.synthesis.articles import generate_corpus
from figcheck.reading.sources import iter_sources

from conftest import EXAMPLES

JAVA = shutil.which("java") or (os.environ.get("JAVA_HOME") and Path(os.environ["JAVA_HOME"], "bin", "java").exists())
if not JAVA:
    if os.environ.get("CI"):
        raise RuntimeError("no Java runtime in CI: the Spark tests must run there (install openjdk-17-jre-headless)")
    pytest.skip("no Java runtime: Spark cannot start (install Java 17 to run these tests)", allow_module_level=True)

pytest.importorskip("pyspark") if not os.environ.get("CI") else __import__("pyspark")


@pytest.fixture(scope="module")
def spark():
    from figcheck.engines.spark_session import make_session

    session = make_session("local[2]", {"spark.sql.shuffle.partitions": "4"})
    yield session


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, str]:
    """Generated articles with violations as JSON Lines and as a directory, with broken inputs among them."""
    root = tmp_path_factory.mktemp("corpus")
    articles = generate_corpus(400, seed=11, violation_rate=0.5)
    jsonl = root / "articles.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for i, g in enumerate(articles[:300]):
            fh.write(json.dumps({"id": f"g{i}", "text": g.text, "title": None}, ensure_ascii=False) + "\n")
            if i == 17:
                fh.write("\n{not json\n")  # a blank line (skipped, counted) and an invalid one
            if i == 40:
                fh.write(json.dumps({"id": "empty", "text": "  "}) + "\n")
    folder = root / "folder"
    (folder / "sub").mkdir(parents=True)
    for i, g in enumerate(articles[300:]):
        (folder / ("sub" if i % 3 == 0 else "") / f"bai-{i:03d}.txt").write_text(g.text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "README.md").write_text("not an article", encoding="utf-8")
    (folder / "utf16.txt").write_bytes("Xã có 1.200 hộ, trong đó 1.300 hộ nghèo.".encode("utf-16"))
    (folder / "tcvn3.txt").write_bytes(b"X\xb8 c\xf3 1.200 h\xe9, trong \xa7\xf3 1.300 h\xe9 ngh\xe8o.")
    return {"jsonl": str(jsonl), "folder": str(folder), "missing": str(root / "missing.txt")}


def _local(paths, ruleset):
    return [r.to_dict() for r in check_sources(iter_sources(paths), ruleset, "vi", 1)]


def _spark(spark, paths, ruleset):
    from figcheck.engines.spark_articles import stream_results

    return [r.to_dict() for r in stream_results(spark, paths, ruleset)]


# -- articles ----------------------------------------------------------------------------------------------


def test_articles_on_spark_match_the_local_engine(spark, corpus):
    ruleset = load_ruleset([], language="vi")
    paths = [corpus["jsonl"], corpus["folder"], corpus["missing"], str(EXAMPLES)]
    local = _local(paths, ruleset)
    on_spark = _spark(spark, paths, ruleset)
    assert len(on_spark) == len(local)
    assert [(r["source"], r["id"], r["line"]) for r in on_spark] == [(r["source"], r["id"], r["line"]) for r in local]
    for got, want in zip(on_spark, local):
        assert got == want, (got["source"], got["id"])
    assert sum(len(r["anomalies"]) for r in local) > 150  # the violations are there to be found
    errors = {r["error"] for r in local if r["error"]}
    assert {"no such file or directory", "empty file: no text"} <= errors
    assert any(e.startswith("invalid JSON") for e in errors)


def test_every_assertion_of_the_default_packs_runs_as_a_spark_expression(spark):
    from figcheck.engines.spark_articles import compile_rules

    ruleset = load_ruleset(["antq"], language="vi")
    compiled = compile_rules(ruleset)
    assertions = [r.id for r in ruleset.rules if r.assert_ast is not None]
    assert [rule.id for _, rule in compiled.rules] == assertions


def test_the_anomalies_come_from_spark_truths_not_a_local_re_evaluation():
    """Codes that say a rule fails make an anomaly even where the numbers agree: the engine obeys Spark."""
    import figcheck
    from figcheck.engines.spark_articles import SparkTruthEngine
    from figcheck.engines.spark_eval import APPLIES

    ruleset = load_ruleset([], language="vi", defaults=True)
    article = figcheck.extract("Năm nay tiếp nhận 120 tin báo, trong đó 80 tin có giá trị.")
    engine = SparkTruthEngine(ruleset)
    assert engine.check([article])[0].anomalies == []
    subset_rows = sum(1 for r in article.relations if r.kind == "subset")
    engine.codes = {"core.subset.part-within-whole": {id(article): np.full(subset_rows, APPLIES, dtype=np.int8)}}
    flagged = engine.check([article])[0].anomalies
    assert [a.rule for a in flagged] == ["core.subset.part-within-whole"]


def test_parquet_articles_with_a_text_column(spark, tmp_path):
    from figcheck.engines.spark_articles import stream_results

    texts = [g.text for g in generate_corpus(30, seed=3, violation_rate=0.5)]
    pd.DataFrame({"id": [f"p{i}" for i in range(30)], "body": texts}).to_parquet(tmp_path / "a.parquet")
    ruleset = load_ruleset([], language="vi")
    got = list(stream_results(spark, [str(tmp_path / "a.parquet")], ruleset, text_column="body"))
    assert [r.article.id for r in got] == [f"p{i}" for i in range(30)]
    assert [r.article.line for r in got] == list(range(1, 31))
    import figcheck

    for r, text in zip(got, texts):
        local = check_sources([figcheck.models.Source(source=r.article.source, id=r.article.id, text=text,
                                                      line=r.article.line)], ruleset, "vi", 1)
        assert [a.to_dict() for a in r.anomalies] == [a.to_dict() for a in next(iter(local)).anomalies]
    missing = list(stream_results(spark, [str(tmp_path / "a.parquet")], ruleset, text_column="text"))
    assert len(missing) == 1 and "no column 'text'" in str(missing[0].article.error)
    assert "--text-column" in str(missing[0].article.error)


# -- the compiler against the numpy evaluator ---------------------------------------------------------------------


EXPRESSIONS = [
    "a <= b", "a < b", "a >= b", "a > b", "a == b", "a != b", "a + b <= c", "a - b >= c", "a * b <= c",
    "a / b <= c", "abs(a - b) <= c", "min(a, b) <= c", "max(a, b) >= c", "sum(a, b, c) == 100",
    "0 <= a <= 100", "between(a, b, c)", "not a <= b", "a <= b and b <= c", "a <= b or b <= c",
    "not (a == b or c > 5)", "a * 100 / b == c", "-a <= b", "c <= a * b", "a * b == c", "c <= a / b",
    "a / b >= c", "abs(a) >= b", "max(a, b, c) <= 50", "a * b != c",
]


def test_spark_expressions_agree_with_the_numpy_evaluator_on_hard_intervals(spark):
    """Missing figures, unbounded loose sides, zero, infinities and tolerances: row by row the same."""
    from pyspark.sql import functions as F

    from figcheck.rules.expr import parse
    from figcheck.validators.evaluate import Evaluator
    from figcheck.engines.spark_eval import SparkCompiler

    rng = random.Random(7)
    special = [0.0, -0.0, 1.0, -1.0, 100.0, 1e-10, 1e9, float("nan"), float("inf"), -float("inf")]
    rows = []
    for _ in range(3000):
        row = {}
        for n in ("a", "b", "c"):
            lo = rng.choice(special) if rng.random() < 0.3 else round(rng.uniform(-50, 150), rng.choice([0, 1, 2]))
            width = rng.choice([0.0, 0.0, 0.5, 10.0])
            hi = lo + width if lo == lo else float("nan")
            row.update({f"{n}.lo": lo, f"{n}.hi": hi,
                        f"{n}.llo": lo - rng.choice([0.0, 5.0]) if rng.random() < 0.8 else float("nan"),
                        f"{n}.lhi": hi + rng.choice([0.0, 5.0]) if rng.random() < 0.8 else float("nan")})
        rows.append(row)
    table = pd.DataFrame(rows)
    kinds = {c: "float" for c in table.columns}
    safe = {c: c.replace(".", "_") for c in table.columns}
    frame = spark.createDataFrame(table.rename(columns=safe).astype(object).where(table.notna().rename(columns=safe), None),
                                  ", ".join(f"{v} double" for v in safe.values()))
    frame = frame.withColumn("_i", F.monotonically_increasing_id())
    for reading in ("strict", "loose"):
        compiler = SparkCompiler(kinds, lambda key: F.col(safe[key]), reading)
        evaluator = Evaluator(table, reading)
        exprs = [compiler.possible(parse(e)).alias(f"e{k}") for k, e in enumerate(EXPRESSIONS)]
        exprs += [compiler.present(parse(e)).alias(f"p{k}") for k, e in enumerate(EXPRESSIONS)]
        got = frame.select("_i", *exprs).orderBy("_i").toPandas()
        for k, text in enumerate(EXPRESSIONS):
            node = parse(text)
            with np.errstate(invalid="ignore"):  # rows of infinities: numpy says so, the test expects it
                want = evaluator.possible(node)
                present = evaluator.referenced_present(node)
            assert got[f"p{k}"].to_numpy(dtype=bool).tolist() == present.tolist(), text
            # where a figure is missing the rule does not apply; compare where it does
            mismatch = np.nonzero((got[f"e{k}"].to_numpy(dtype=bool) != want) & present)[0]
            assert not len(mismatch), (reading, text, table.iloc[mismatch[:3]].to_dict("records"))


# -- the command line ---------------------------------------------------------------------------------------------


def _run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_cli_spark_json_report_is_the_local_report(spark, corpus):
    paths = [corpus["jsonl"], corpus["folder"]]
    local = _run(["check", *paths, "--format", "json", "--jobs", "1"])
    on_spark = _run(["check", *paths, "--format", "json", "--engine", "spark"])
    assert on_spark.exit_code == local.exit_code == 2  # the broken inputs
    assert json.loads(on_spark.stdout) == json.loads(local.stdout)


def test_cli_spark_writes_parquet_and_jsonl_directories_with_the_local_summary(spark, corpus, tmp_path):
    paths = [corpus["jsonl"]]
    local = _run(["check", *paths, "--format", "jsonl", "--jobs", "1"])
    local_lines = local.stdout.splitlines()
    local_summary = json.loads(local_lines[-1])
    out = tmp_path / "results"
    res = _run(["check", *paths, "--engine", "spark", "--format", "parquet", "--output", str(out)])
    assert res.exit_code == local.exit_code
    assert json.loads((out / "_summary.json").read_text(encoding="utf-8")) == local_summary
    table = pd.read_parquet(out)
    assert [json.loads(r) for r in table["record"]] == [json.loads(x) for x in local_lines[:-1]]
    assert table["worst"].notna().sum() == sum(1 for x in local_lines[:-1] if json.loads(x)["anomalies"])
    assert "figcheck summary" in res.stdout and str(out) in res.stdout
    # JSON Lines, replacing the earlier results as a whole
    res = _run(["check", *paths, "--engine", "spark", "--format", "jsonl", "--output", str(out)])
    assert res.exit_code == local.exit_code
    lines = []
    for part in sorted(out.glob("part-*")):
        lines += part.read_text(encoding="utf-8").splitlines()
    assert lines == local_lines[:-1]
    assert not list(out.glob("*.parquet"))
    assert not [p for p in tmp_path.iterdir() if "figcheck-tmp" in p.name or "figcheck-old" in p.name]


def test_a_failed_spark_write_leaves_the_old_results(spark, tmp_path):
    from pyspark.sql import functions as F

    from figcheck.engines.spark_session import write_directory

    out = tmp_path / "results"
    out.mkdir()
    (out / "keep.txt").write_text("earlier results", encoding="utf-8")

    @F.udf("string")
    def boom(x):
        raise ValueError("broken on purpose")

    frame = spark.range(10).select(boom(F.col("id")).alias("value"))
    with pytest.raises(Exception):
        write_directory(spark, frame, str(out), "jsonl")
    assert (out / "keep.txt").read_text(encoding="utf-8") == "earlier results"
    assert [p.name for p in tmp_path.iterdir()] == ["results"]


@pytest.mark.parametrize("args, message", [
    (["--engine", "spark", "--jobs", "2"], "--jobs is for the local engine"),
    (["--engine", "spark", "--spark-conf", "nonsense"], "expected KEY=VALUE"),
    (["--format", "parquet", "--output", "x"], "needs --engine spark"),
    (["-", "--engine", "spark", "--format", "json"], "standard input is read by the local engine only"),
])
def test_cli_spark_usage_errors(spark, args, message):
    res = CliRunner().invoke(main, ["check", str(EXAMPLES), *args])
    assert res.exit_code == 2
    assert message in res.stderr


def test_cli_spark_output_must_be_a_directory(spark, tmp_path):
    target = tmp_path / "report.json"
    target.write_text("{}", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(EXAMPLES), "--engine", "spark", "--format", "parquet",
                                    "--output", str(target)])
    assert res.exit_code == 2 and "a file is there" in res.stderr
    assert target.read_text(encoding="utf-8") == "{}"


# -- tables ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> dict[str, str]:
    from figcheck.synthesis.tables import Synthesizer

    root = tmp_path_factory.mktemp("tables")
    ruleset = load_ruleset(["antq"], language="vi")
    frame = Synthesizer(ruleset, seed=5).frame(3000, violations=150)
    numeric = frame.drop(columns=["expected_violation"])
    numeric.to_parquet(root / "numeric.parquet")
    text = numeric.astype(object)
    text = text.apply(lambda col: col.map(lambda v: f"{v:,}".replace(",", ".") if isinstance(v, (int, np.integer)) else v))
    text.iloc[4, 2] = "không rõ"  # a cell that is not a number
    text.iloc[9, 3] = "trên 4.000"  # a qualifier: a loose reading
    text.iloc[11, 1] = ""
    text.to_csv(root / "text.csv", index=False, sep=";")
    return {"parquet": str(root / "numeric.parquet"), "csv": str(root / "text.csv")}


def test_tables_on_spark_match_the_local_engine(spark, tables):
    from figcheck.engines.spark_tables import check_table_on_spark
    from figcheck.datasets.table_check import TableChecker
    from figcheck.datasets.table_input import read_table

    ruleset = load_ruleset(["antq"], language="vi")
    for path, id_column in ((tables["parquet"], None), (tables["csv"], "id"), (str(EXAMPLES / "datasets" / "antq-tinh-2023.csv"), None)):
        rs = ruleset if "antq-tinh" not in path else load_ruleset([str(EXAMPLES / "datasets" / "antq-columns.yaml")])
        checker = TableChecker(rs, id_column=id_column)
        want = checker.check(read_table(path)).to_dict()
        got = check_table_on_spark(spark, checker, path=path).to_dict()
        assert got == want, path
        assert want["anomalies"]
    csv_result = check_table_on_spark(spark, TableChecker(ruleset, id_column="id"), path=tables["csv"])
    assert [c.text for c in csv_result.cell_errors] == ["không rõ"]
    assert any(a.severity == "warning" for a in csv_result.anomalies)


def test_a_catalog_table_and_a_missing_one(spark, tables):
    from figcheck.engines.spark_tables import check_table_on_spark
    from figcheck.datasets.table_check import TableChecker
    from figcheck.datasets.table_input import read_table

    ruleset = load_ruleset(["antq"], language="vi")
    spark.read.parquet(tables["parquet"]).createOrReplaceTempView("antq_rows")
    checker = TableChecker(ruleset)
    got = check_table_on_spark(spark, checker, table_name="antq_rows").to_dict()
    want = checker.check(read_table(tables["parquet"])).to_dict()
    assert got["source"] == "antq_rows"
    assert {k: v for k, v in got.items() if k != "source"} == {k: v for k, v in want.items() if k != "source"}
    res = CliRunner().invoke(main, ["check-table", "--engine", "spark", "--table", "no_such_table"])
    assert res.exit_code == 2 and "no table 'no_such_table'" in res.stderr


def test_cli_check_table_spark_json_and_directory(spark, tables, tmp_path):
    local = _run(["check-table", tables["csv"], "--rules", "antq", "--id", "id", "--format", "json"])
    on_spark = _run(["check-table", tables["csv"], "--rules", "antq", "--id", "id", "--format", "json",
                     "--engine", "spark"])
    assert on_spark.exit_code == local.exit_code == 1
    assert json.loads(on_spark.stdout) == json.loads(local.stdout)
    out = tmp_path / "anomalies"
    res = _run(["check-table", tables["csv"], "--rules", "antq", "--id", "id", "--engine", "spark",
                "--format", "parquet", "--output", str(out)])
    assert res.exit_code == 1
    rows = pd.read_parquet(out)
    report = json.loads(local.stdout)
    assert len(rows) == len(report["tables"][0]["anomalies"]) + len(report["tables"][0]["cell_errors"])
    assert json.loads((out / "_summary.json").read_text(encoding="utf-8"))["summary"] == report["summary"]


def test_columns_of_the_wrong_type_are_named_by_the_schema_check(spark, tmp_path):
    """pandera's pyspark backend checks the schema; a column figcheck cannot read is an input error."""
    from figcheck.engines.spark_articles import stream_results
    from figcheck.engines.spark_tables import check_table_on_spark
    from figcheck.datasets.table_check import TableChecker

    pd.DataFrame({"id": ["a"], "text": [b"\x00\x01"]}).to_parquet(tmp_path / "articles.parquet")
    got = list(stream_results(spark, [str(tmp_path / "articles.parquet")], load_ruleset([], language="vi")))
    assert "column 'text' holds binary, not text" in str(got[0].article.error)
    pd.DataFrame({"tips.total": [[1, 2]], "tips.valuable": [3]}).to_parquet(tmp_path / "t.parquet")
    res = check_table_on_spark(spark, TableChecker(load_ruleset(["antq"], language="vi")), path=str(tmp_path / "t.parquet"))
    assert "column 'tips.total' holds array<bigint>" in str(res.error)


def test_a_malformed_csv_is_an_input_error_and_the_next_table_is_still_checked(spark, tmp_path, tables):
    bad = tmp_path / "bad.csv"
    bad.write_text('tips.total,tips.valuable\n1,2\n"3,4\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["check-table", str(bad), tables["parquet"], "--rules", "antq", "--engine", "spark",
                                    "--format", "json"])
    assert res.exit_code == 2
    report = json.loads(res.stdout)
    assert report["tables"][0]["error"].startswith("cannot read table:") and "bad.csv" in report["tables"][0]["error"]
    assert report["tables"][1]["anomalies"]
    assert "bad.csv" in res.stderr


def test_spark_tables_refuse_fifos_and_devices_without_blocking(spark, tmp_path):
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    good = tmp_path / "good.csv"
    good.write_text("tips.total,tips.valuable\n10,8\n", encoding="utf-8")
    res = _run(["check-table", str(fifo), "/dev/zero", str(good), "--engine", "spark", "--format", "json"])
    doc = json.loads(res.stdout)
    errors = [t["error"] for t in doc["tables"]]
    assert res.exit_code == 2 and errors[2] is None
    assert errors[0] == "not a regular file: a FIFO" and errors[1] == "not a regular file: a character device"
