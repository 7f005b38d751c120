"""`figcheck check-table`: formats, wide and long layouts, cells, missing columns, exit codes."""

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from figcheck.cli import main
from conftest import EXAMPLES

DATA = str(EXAMPLES / "datasets" / "antq-tinh-2023.csv")
PACK = str(EXAMPLES / "datasets" / "antq-columns.yaml")


def run(*args):
    return CliRunner().invoke(main, list(args))


def check_json(*args):
    result = run("check-table", *args, "--format", "json")
    return result, json.loads(result.stdout)


def test_shipped_dataset_anomalies_name_row_columns_values():
    result, doc = check_json(DATA, "--rules", PACK, "--id", "tinh")
    assert result.exit_code == 1
    (table,) = doc["tables"]
    assert table["rows"] == 4 and table["columns"]["tin_co_gia_tri"] == "tips.valuable"
    got = {(a["row"], a["rule"]) for a in table["anomalies"]}
    assert got == {("Đông Lâm", "antq.tips.valuable-within-tips"), ("Tây Phong", "antq.groups.members-at-least-groups")}
    a = next(a for a in table["anomalies"] if a["row"] == "Đông Lâm")
    assert a["values"] == {"tin_co_gia_tri": "1.300", "tong_nguon_tin": "1.200"}
    assert a["line"] == 3 and a["row_number"] == 2
    assert "1.300 > " in a["explanation"]


def write_frame(tmp_path, frame, suffix):
    path = tmp_path / f"data{suffix}"
    if suffix == ".parquet":
        frame.to_parquet(path)
    elif suffix == ".xlsx":
        frame.to_excel(path, index=False)
    elif suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_csv(path, index=False, sep="," if suffix == ".csv" else "\t", encoding="utf-8-sig")
    return str(path)


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".parquet", ".jsonl", ".xlsx"])
def test_every_format_gives_the_same_anomalies(tmp_path, suffix):
    frame = pd.DataFrame({"id": ["a", "b", "c"], "tips.total": [100, 50, 70], "tips.valuable": [90, 60, 70]})
    result, doc = check_json(write_frame(tmp_path, frame, suffix), "--id", "id")
    assert result.exit_code == 1, result.output
    assert [(a["row"], a["rule"]) for a in doc["tables"][0]["anomalies"]] == [("b", "antq.tips.valuable-within-tips")]


def test_long_table_with_bounds(tmp_path):
    frame = pd.DataFrame({"id": ["x", "x", "y", "y"], "metric": ["tips.total", "tips.valuable"] * 2,
                          "value": [100, 105, 100, 105], "high": [None, None, 110, None]})
    result, doc = check_json(write_frame(tmp_path, frame, ".csv"))
    table = doc["tables"][0]
    assert table["layout"] == "long"
    # x: 105 > 100 is an error; y: the total may be as high as 110, so 105 fits
    assert [(a["row"], a["severity"]) for a in table["anomalies"]] == [("x", "error")]


def test_vietnamese_cells_and_loose_qualifier(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("id;tips_total;tips_valuable\nq;trên 4.340;4.400\nr;4.340;4.341\n", encoding="utf-8")
    result, doc = check_json(str(path), "--id", "id")
    got = [(a["row"], a["severity"]) for a in doc["tables"][0]["anomalies"]]
    assert got == [("q", "warning"), ("r", "error")]  # only "trên" read loosely saves q


def test_cell_that_is_not_a_number(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("id,tips.total,tips.valuable\nq,100,n/a?\n", encoding="utf-8")
    result, doc = check_json(str(path), "--id", "id")
    (cell,) = doc["tables"][0]["cell_errors"]
    assert cell["row"] == "q" and cell["column"] == "tips.valuable" and cell["line"] == 2
    assert result.exit_code == 1


def test_missing_columns_are_not_evaluated_and_strict_makes_them_errors(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("id,groups.count\nq,3\n", encoding="utf-8")
    result, doc = check_json(str(path))
    (ne,) = [n for n in doc["tables"][0]["not_evaluated"] if n["rule"] == "antq.groups.members-at-least-groups"]
    assert ne["severity"] == "warning" and "groups.members" in ne["reason"]
    assert result.exit_code == 0
    result, doc = check_json(str(path), "--strict")
    assert result.exit_code == 1


def test_empty_and_unreadable_files_are_input_errors(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text("tips.total,tips.valuable\n10,5\n", encoding="utf-8")
    result, doc = check_json(str(empty), str(good), str(tmp_path / "gone.parquet"))
    assert result.exit_code == 2
    errors = [t["error"] for t in doc["tables"]]
    assert "empty" in errors[0] and errors[1] is None and "no such file" in errors[2]
    assert doc["summary"]["input_errors"] == 2


def test_ci_formats_for_tables():
    junit = run("check-table", DATA, "--rules", PACK, "--format", "junit").stdout
    assert junit.count("<testsuite ") == 1 and junit.count("<failure") == 2  # one suite per table, a case per rule
    sarif = json.loads(run("check-table", DATA, "--rules", PACK, "--format", "sarif").stdout)
    lines = sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif["runs"][0]["results"])
    assert lines == [3, 5]


def test_rows_without_lines_have_no_region_in_sarif(tmp_path):
    frame = pd.DataFrame({"id": ["a", "b"], "tips.total": [100, 50], "tips.valuable": [90, 60]})
    path = write_frame(tmp_path, frame, ".parquet")
    sarif = json.loads(run("check-table", path, "--id", "id", "--format", "sarif").stdout)
    (result,) = sarif["runs"][0]["results"]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert result["properties"]["row"] == "b"
    github = run("check-table", path, "--id", "id", "--format", "github").stdout
    assert github.startswith(f"::error file={path},title=antq.tips.valuable-within-tips::")
