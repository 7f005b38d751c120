"""Synthesis and engines: every record rule satisfiable and breakable; pandas and polars agree."""

import json

import pandas as pd
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.cli import main
from figcheck.rules.loader import load_ruleset
from figcheck.synthesis.tables import Synthesizer
from figcheck.datasets.table_check import TableChecker
from figcheck.datasets.table_input import Table

RULESET = load_ruleset()
RECORD_RULES = [r for r in RULESET.rules if r.on == "record"]


def anomalies(frame: pd.DataFrame, engine: str):
    res = TableChecker(RULESET, id_column="id", engine=engine).check(Table("t", frame.drop(columns=["expected_violation"])))
    return [(a.row, a.rule, a.severity, a.message, a.explanation) for a in res.anomalies]


def test_every_record_rule_is_satisfiable_and_every_injected_violation_is_caught():
    synth = Synthesizer(RULESET, seed=11)
    assert {r.id for r in synth.rules} == {r.id for r in RECORD_RULES}
    clean = synth.frame(60)
    assert anomalies(clean, "pandas") == []
    broken = synth.frame(len(RECORD_RULES) * 3, violations=len(RECORD_RULES) * 3)
    found = {(row, rule) for row, rule, *_ in anomalies(broken, "pandas")}
    expected = {(r["id"], r["expected_violation"]) for r in broken.to_dict("records")}
    assert found == expected
    assert {rule for _, rule in expected} == {r.id for r in RECORD_RULES}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=10**6), rows=st.integers(min_value=1, max_value=40),
       violations=st.integers(min_value=0, max_value=40))
def test_pandas_and_polars_engines_give_identical_anomalies(seed, rows, violations):
    frame = Synthesizer(RULESET, seed=seed).frame(rows, min(violations, rows))
    assert anomalies(frame, "pandas") == anomalies(frame, "polars")


def test_engines_agree_on_qualified_and_missing_cells():
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "tips.total": ["trên 4.340", "4.340", "", "gần 2.000"],
                          "tips.valuable": ["4.400", "4.341", "12", "2.150"], "expected_violation": [""] * 4})
    got = anomalies(frame, "polars")
    assert got == anomalies(frame, "pandas")
    assert [(row, sev) for row, _, sev, *_ in got] == [("a", "warning"), ("b", "error"), ("d", "error")]


def test_synth_command_writes_what_check_table_finds(tmp_path):
    out = tmp_path / "synth.parquet"
    result = CliRunner().invoke(main, ["synth", "antq", "--rows", "30", "--violations", "5", "--seed", "4",
                                       "--output", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(out)
    assert len(frame) == 30 and (frame["expected_violation"] != "").sum() == 5
    checked = CliRunner().invoke(main, ["check-table", str(out), "--id", "id", "--format", "json", "--engine", "polars"])
    doc = json.loads(checked.stdout)
    found = sorted((a["row"], a["rule"]) for a in doc["tables"][0]["anomalies"])
    assert found == sorted((r["id"], r["expected_violation"]) for r in frame.to_dict("records") if r["expected_violation"])
