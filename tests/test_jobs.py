"""--jobs: the same results, in input order, for any number of processes; JSON Lines output."""

import json

from click.testing import CliRunner

from figcheck.cli import main
from figcheck.synthesis.articles import generate_corpus


def corpus(tmp_path, n=300):
    path = tmp_path / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i, g in enumerate(generate_corpus(n, seed=9, violation_rate=0.3)):
            fh.write(json.dumps({"id": f"a{i:04d}", "text": g.text}, ensure_ascii=False) + "\n")
        fh.write("{broken\n")
    return path


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_results_are_identical_and_in_order_for_any_jobs(tmp_path):
    src = corpus(tmp_path)
    outputs = {}
    for jobs in (1, 2, 3):
        out = tmp_path / f"r{jobs}.json"
        result = run("check", str(src), "--format", "json", "--jobs", str(jobs), "--output", str(out))
        assert result.exit_code == 2  # the broken line is an input error; everything else is checked
        outputs[jobs] = out.read_text(encoding="utf-8")
    assert outputs[1] == outputs[2] == outputs[3]
    doc = json.loads(outputs[2])
    ids = [a["id"] for a in doc["articles"]]
    assert ids[:-1] == [f"a{i:04d}" for i in range(300)] and doc["articles"][-1]["error"]
    assert doc["summary"]["anomalies"]["error"] > 50


def test_jsonl_output_is_an_article_a_line_then_the_summary(tmp_path):
    src = corpus(tmp_path, 40)
    result = run("check", str(src), "--format", "jsonl", "--jobs", "2")
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 42 and [x["id"] for x in lines[:3]] == ["a0000", "a0001", "a0002"]
    assert lines[-1]["version"] == 1 and lines[-1]["summary"]["articles"] == 41


def test_check_table_jobs_over_files(tmp_path):
    import pandas as pd

    paths = []
    for k in range(4):
        p = tmp_path / f"t{k}.csv"
        pd.DataFrame({"id": ["a", "b"], "tips.total": [10, 5 + k], "tips.valuable": [8, 7]}).to_csv(p, index=False)
        paths.append(str(p))
    one = run("check-table", *paths, "--id", "id", "--format", "jsonl", "--jobs", "1").stdout
    two = run("check-table", *paths, "--id", "id", "--format", "jsonl", "--jobs", "3").stdout
    assert one == two
    tables = [json.loads(x) for x in one.splitlines()[:-1]]
    assert [t["source"] for t in tables] == paths
    assert [len(t["anomalies"]) for t in tables] == [1, 1, 0, 0]


def test_check_table_uses_every_core_by_default(tmp_path, monkeypatch):
    """--help promises all cores when --jobs is not given; it once meant one process."""
    import pandas as pd
    from click.testing import CliRunner

    from figcheck.validators import pipeline as checking
    from figcheck.cli import main
    from figcheck.datasets import table_check

    seen = []
    real = table_check.check_tables

    def spy(paths, checker, jobs=1):
        seen.append(jobs)
        return real(paths, checker, 1)

    monkeypatch.setattr(table_check, "check_tables", spy)
    monkeypatch.setattr(checking, "default_jobs", lambda: 7)
    p = tmp_path / "t.csv"
    pd.DataFrame({"tips.total": [10], "tips.valuable": [8]}).to_csv(p, index=False)
    result = CliRunner().invoke(main, ["check-table", str(p), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert seen == [7]


def test_a_handful_of_inputs_starts_no_worker_pool(tmp_path, monkeypatch):
    from figcheck.validators import pipeline

    class NoPool:
        def __init__(self, *args, **kwargs):
            raise AssertionError("a worker pool was started for a handful of inputs")

    monkeypatch.setattr(pipeline, "WorkerPool", NoPool)
    src = corpus(tmp_path, pipeline.POOL_THRESHOLD - 2)  # and the broken line: POOL_THRESHOLD - 1 inputs
    result = run("check", str(src), "--format", "json", "--jobs", "2")
    assert result.exit_code == 2, result.output
    many = tmp_path / "many"
    many.mkdir()
    result = run("check", str(corpus(many, pipeline.POOL_THRESHOLD + 5)), "--format", "json", "--jobs", "2")
    assert result.exit_code == 3 and "worker pool was started" in result.stderr  # more inputs: the pool is used
