"""figcheck.check_frame on pandas and polars frames, and figcheck.rules.to_pandera."""

import subprocess
import sys
import textwrap

import pandas as pd
import pandera.pandas as pa
import polars as pl
import pytest

import figcheck
from figcheck.rules import to_pandera

PACK = textwrap.dedent("""
    name: frames
    version: '1'
    language: en
    description: frames in memory
    nulls: ["", "NA"]
    metrics:
      province: {type: text}
      total: {required: true}
      male: {}
      female: {}
    columns: {Tổng: total}
    rules:
      - id: f.sex
        severity: error
        message: male and female make the total
        assert: total == male + female
      - id: f.not-above-country
        severity: warning
        group_by: []
        where: "province != 'Country'"
        assert: total <= max(total)
""")


@pytest.fixture
def pack(tmp_path):
    path = tmp_path / "frames.yaml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


ROWS = {"province": ["Country", "North", "South", "East"], "Tổng": [30, 10, 12, None],
        "male": [15, 5, 6, 1], "female": [15, 5, 5, 1]}


@pytest.mark.parametrize("make", [pd.DataFrame, pl.DataFrame])
def test_check_frame_returns_the_results_the_cli_renders(pack, make):
    result = figcheck.check_frame(make(ROWS), rules=[pack], id="province")
    assert result.error is None and result.rows == 4
    assert [(a.row, a.rule, a.severity) for a in result.anomalies] == [("South", "f.sex", "error")]
    a = result.anomalies[0]
    assert a.message == "male and female make the total" and a.values == {"Tổng": "12", "male": "6", "female": "5"}
    assert a.explanation == "Tổng = 12 ≠ male + female = 11 (off by 1)"
    (cell,) = result.cell_errors  # total is required
    assert (cell.row, cell.column) == ("East", "Tổng")
    assert result.to_dict()["anomalies"][0]["rule"] == "f.sex"


def test_check_frame_engines_agree(pack):
    frame = pd.DataFrame(ROWS)
    got = {e: figcheck.check_frame(frame, rules=pack, id="province", engine=e).to_dict() for e in ("pandas", "polars")}
    assert got["pandas"] == got["polars"]


def test_check_frame_with_no_mapped_column_says_so(pack):
    result = figcheck.check_frame(pd.DataFrame({"a": [1]}), rules=[pack])
    assert result.error is not None and "no column maps" in result.error.message


def test_import_figcheck_stays_light():
    code = "import sys, figcheck; print(any(m in sys.modules for m in ('pandas', 'pandera', 'polars')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_to_pandera_fails_the_rows_figcheck_reports(pack):
    schema = to_pandera(pack)
    assert isinstance(schema, pa.DataFrameSchema)
    assert set(schema.columns) == {"province", "Tổng", "male", "female"}
    assert not schema.columns["Tổng"].nullable and schema.columns["male"].nullable
    good = pd.DataFrame({"province": ["Country", "North"], "Tổng": [30, 10], "male": [15, 5], "female": [15, 5]})
    schema.validate(good)
    bad = pd.DataFrame(ROWS).iloc[:3]
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        schema.validate(bad, lazy=True)
    cases = caught.value.failure_cases
    assert set(cases["check"]) == {"f.sex: male and female make the total"} and set(cases["index"]) == {2}


def test_to_pandera_lists_article_rules_apart():
    schema = to_pandera("core")
    assert schema.metadata["figcheck_not_exported"]
    assert all("about articles" in n["reason"] for n in schema.metadata["figcheck_not_exported"])
