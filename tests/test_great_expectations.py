"""Great Expectations: the export, the gx engine's agreement with pandera, Data Docs, lazy import."""

import json
import subprocess
import sys

import pandas as pd
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.cli import main
from figcheck.rules.loader import load_ruleset
from figcheck.synthesis.tables import Synthesizer
from figcheck.datasets.table_check import TableChecker
from figcheck.datasets.table_input import Table
from conftest import EXAMPLES

RULESET = load_ruleset()


def test_export_maps_rules_to_core_expectations(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("name: p\nversion: 1\nlanguage: vi\nextends: [antq]\ncolumns: {tin: tips.valuable}\nrules:\n"
                    "  - id: p.ratio\n    severity: warning\n    assert: tips.valuable <= 0.95 * tips.total\n"
                    "  - id: p.range\n    severity: error\n    assert: 0 <= tips.total <= 100000\n"
                    "  - id: p.either\n    severity: error\n    assert: tips.total > 0 or tips.valuable == 0\n",
                    encoding="utf-8")
    out = tmp_path / "suite.json"
    result = CliRunner().invoke(main, ["rules", "export-gx", str(pack), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "not exported: p.either" in result.stderr
    suite = json.loads(out.read_text(encoding="utf-8"))
    by_rule = {}
    for e in suite["expectations"]:
        by_rule.setdefault(e["meta"]["figcheck_rule"], []).append(e)
    (pair,) = by_rule["antq.tips.valuable-within-tips"]
    assert pair["type"] == "expect_column_pair_values_a_to_be_greater_than_b"
    assert pair["kwargs"] == {"column_A": "tips.total", "column_B": "tin", "or_equal": True,
                              "ignore_row_if": "either_value_is_missing"}
    assert [e["type"] for e in by_rule["p.range"]] == ["expect_column_values_to_be_between"] * 2
    (derived,) = by_rule["p.ratio"]
    assert derived["kwargs"]["column"] in suite["meta"]["figcheck_derived_columns"]
    assert suite["meta"]["figcheck_not_exported"] == [{"rule": "p.either",
                                                      "reason": "'or' and 'not' have no Great Expectations equivalent"}]
    assert "p.either" not in by_rule


def anomalies(frame, engine):
    res = TableChecker(RULESET, id_column="id", engine=engine).check(Table("t", frame.drop(columns=["expected_violation"])))
    return [(a.row, a.rule, a.severity, a.message, a.explanation) for a in res.anomalies], res.not_evaluated


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=10**6), rows=st.integers(min_value=1, max_value=30),
       violations=st.integers(min_value=0, max_value=30))
def test_gx_engine_agrees_with_pandera_on_generated_tables(seed, rows, violations):
    frame = Synthesizer(RULESET, seed=seed).frame(rows, min(violations, rows))
    gx_found, gx_skipped = anomalies(frame, "gx")
    pa_found, _ = anomalies(frame, "pandas")
    assert gx_skipped == []
    assert gx_found == pa_found


def test_data_docs_are_built(tmp_path):
    docs = tmp_path / "docs"
    result = CliRunner().invoke(main, ["check-table", str(EXAMPLES / "datasets" / "antq-tinh-2023.csv"), "--rules",
                                       str(EXAMPLES / "datasets" / "antq-columns.yaml"), "--engine", "gx",
                                       "--data-docs", str(docs), "--format", "json"])
    assert result.exit_code == 1
    assert (docs / "index.html").exists()
    rows = {a["row"] for a in json.loads(result.stdout)["tables"][0]["anomalies"]}
    assert {"2", "4"} <= rows  # Đông Lâm and Tây Phong, by row number without --id


def test_great_expectations_is_not_imported_unless_asked(tmp_path):
    csv = tmp_path / "d.csv"
    csv.write_text("tips.total,tips.valuable\n10,12\n", encoding="utf-8")
    code = ("import sys; from click.testing import CliRunner; from figcheck.cli import main; "
            f"CliRunner().invoke(main, ['check-table', {str(csv)!r}]); "
            f"CliRunner().invoke(main, ['check', {str(EXAMPLES)!r}]); "
            "print('great_expectations' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
