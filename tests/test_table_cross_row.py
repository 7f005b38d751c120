"""Rules across rows (group_by, parent keys, order_by) and on text, the same on pandas and polars."""

import json
import textwrap

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.cli import main
from figcheck.datasets.table_check import TableChecker
from figcheck.datasets.table_input import Table
from figcheck.rules.loader import load_ruleset

ENGINES = ["pandas", "polars"]


def write_pack(tmp_path, body: str) -> str:
    path = tmp_path / "pack.yaml"
    path.write_text("name: t\nversion: '1'\nlanguage: vi\ndescription: test\n" + textwrap.dedent(body),
                    encoding="utf-8")
    return str(path)


def write_csv(tmp_path, text: str, name: str = "data.csv") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


def check(engine, *args):
    result = CliRunner().invoke(main, ["check-table", *args, "--no-default-rules", "--engine", engine,
                                       "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def anomalies(doc):
    return [(a["row"], a["rule"]) for t in doc["tables"] for a in t["anomalies"]]


REGIONS = """
    metrics:
      name: {type: text}
      level: {type: text}
      year: {type: text}
      pop: {}
    rules:
      - id: t.country-is-its-regions
        severity: error
        group_by: [year]
        where: "level == 'country'"
        children: "level == 'region'"
        assert: pop == sum(pop)
"""
REGION_ROWS = """
    name,level,year,pop
    Country,country,2020,100
    North,region,2020,60
    South,region,2020,40
    Country,country,2021,100
    North,region,2021,61
    South,region,2021,40
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_group_total_against_a_row_of_the_group(tmp_path, engine):
    doc = check(engine, write_csv(tmp_path, REGION_ROWS), "--rules", write_pack(tmp_path, REGIONS), "--id", "name")
    assert anomalies(doc) == [("Country", "t.country-is-its-regions")]
    (a,) = doc["tables"][0]["anomalies"]
    assert a["line"] == 5
    assert a["explanation"] == "pop = 100 ≠ sum(pop) = 101 (off by 1) (group year = 2021)"


PARENTS = """
    metrics:
      name: {type: text}
      parent: {type: text}
      cases: {}
    rules:
      - id: t.parent-is-its-children
        severity: error
        group_by: [parent]
        parent: name
        assert: cases == sum(cases)
      - id: t.children-counted
        severity: error
        group_by: [parent]
        parent: name
        assert: count(cases) >= 2
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_parent_equals_the_sum_of_its_children_by_a_key_column(tmp_path, engine):
    data = write_csv(tmp_path, """
        name,parent,cases
        Hà Nội,,837
        Đông Anh,Hà Nội,38
        Hoàng Mai,Hà Nội,18
        TP.HCM,,30
        Quận 1,TP.HCM,10
        Quận 3,TP.HCM,20
        Đà Nẵng,,5
    """)
    doc = check(engine, data, "--rules", write_pack(tmp_path, PARENTS), "--id", "name")
    # Đà Nẵng has no children: neither rule applies to it
    assert anomalies(doc) == [("Hà Nội", "t.parent-is-its-children")]
    assert "sum(cases) = 56" in doc["tables"][0]["anomalies"][0]["explanation"]


SERIES = """
    metrics:
      date: {type: text}
      daily: {}
      total: {}
      growth: {whole: false, decimals: 1}
    rules:
      - id: t.never-decreases
        severity: error
        order_by: [date]
        assert: increasing(total)
      - id: t.running-sum
        severity: error
        order_by: [date]
        assert: total == previous(total) + daily
      - id: t.cumsum
        severity: error
        order_by: [date]
        assert: cumsum(daily) == total
      - id: t.growth
        severity: error
        order_by: [date]
        assert: growth == (total / previous(total) - 1) * 100
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_rules_along_an_order(tmp_path, engine):
    # rows out of order on purpose: order_by decides, not the file
    data = write_csv(tmp_path, """
        date,daily,total,growth
        2021-01-03,5,25,25.0
        2021-01-01,10,10,
        2021-01-02,10,20,100.0
        2021-01-04,0,24,-4.0
    """)
    doc = check(engine, data, "--rules", write_pack(tmp_path, SERIES), "--id", "date")
    assert sorted(anomalies(doc)) == sorted([
        ("2021-01-04", "t.never-decreases"), ("2021-01-04", "t.running-sum"), ("2021-01-04", "t.cumsum")])
    by_rule = {a["rule"]: a for a in doc["tables"][0]["anomalies"]}
    assert by_rule["t.never-decreases"]["explanation"] == "total = 24 < previous(total) = 25"


@pytest.mark.parametrize("engine", ENGINES)
def test_previous_within_a_key(tmp_path, engine):
    body = SERIES.replace("order_by: [date]\n        assert: increasing(total)",
                          "order_by: [date]\n        group_by: [place]\n        assert: increasing(total)")
    body = body.replace("date: {type: text}", "date: {type: text}\n      place: {type: text}")
    data = write_csv(tmp_path, """
        place,date,daily,total,growth
        A,2021-01-01,1,1,
        B,2021-01-01,9,9,
        A,2021-01-02,1,2,100.0
        B,2021-01-02,0,8,-11.1
    """)
    doc = check(engine, data, "--rules", write_pack(tmp_path, body))
    assert ("4", "t.never-decreases") in anomalies(doc) and ("3", "t.never-decreases") not in anomalies(doc)


TEXT_CONDITIONS = """
    metrics:
      tỉnh: {type: text}
      dân_số: {}
      nam: {}
      nữ: {}
    rules:
      - id: t.listed
        severity: error
        where: "tỉnh in ['Hà Nội', 'Huế']"
        assert: dân_số == nam + nữ
      - id: t.pattern
        severity: warning
        where: "matches(tỉnh, '^TP\\\\.')"
        assert: dân_số >= 1000
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_text_conditions_and_unicode_metric_names(tmp_path, engine):
    data = write_csv(tmp_path, """
        tỉnh,dân_số,nam,nữ
        Hà Nội,10,5,4
        Huế,10,5,5
        Đà Nẵng,10,5,4
        TP.HCM,900,450,450
        TPX,900,450,450
    """)
    doc = check(engine, data, "--rules", write_pack(tmp_path, TEXT_CONDITIONS), "--id", "tỉnh")
    assert anomalies(doc) == [("Hà Nội", "t.listed"), ("TP.HCM", "t.pattern")]


def test_rules_scoped_to_files(tmp_path):
    body = REGIONS.replace("    assert: pop == sum(pop)", "    assert: pop == sum(pop)\n        files: ['regions-*.csv']")
    pack = write_pack(tmp_path, body)
    matching = write_csv(tmp_path, REGION_ROWS, "regions-2021.csv")
    other = write_csv(tmp_path, REGION_ROWS, "other.csv")
    doc = check("pandas", matching, other, "--rules", pack, "--jobs", "1")
    assert [len(t["anomalies"]) for t in doc["tables"]] == [1, 0]


def test_a_group_is_reported_once_when_all_its_rows_say_the_same(tmp_path):
    body = """
        metrics:
          state: {type: text}
          votes: {}
          total: {}
        rules:
          - id: t.votes-sum-to-total
            severity: error
            group_by: [state]
            assert: sum(votes) == total
    """
    data = write_csv(tmp_path, """
        state,votes,total
        A,5,10
        A,5,10
        B,5,11
        B,5,11
        B,0,11
    """)
    doc = check("pandas", data, "--rules", write_pack(tmp_path, body))
    assert anomalies(doc) == [("3", "t.votes-sum-to-total")]


@pytest.mark.parametrize("body,message", [
    ("group_by: [nowhere]\n        assert: pop == sum(pop)", "'group_by' names 'nowhere'"),
    ("assert: pop == mean(pop)", "mean() is a group aggregate"),
    ("assert: increasing(pop)", "increasing() needs the rule's 'order_by'"),
    ("assert: pop == previous(pop)", "previous() needs the rule's 'order_by'"),
    ("parent: name\n        assert: pop == sum(pop)", "'parent' needs a 'group_by'"),
    ("tolerance: lots\n        assert: pop == 1", "'tolerance' is an amount"),
])
def test_rules_validate_catches_cross_row_mistakes(tmp_path, body, message):
    text = REGIONS.replace("group_by: [year]\n        where: \"level == 'country'\"\n        children: "
                           "\"level == 'region'\"\n        assert: pop == sum(pop)", body)
    result = CliRunner().invoke(main, ["rules", "validate", write_pack(tmp_path, text)])
    assert result.exit_code == 2, result.output
    assert message in result.output


# pandas and polars agree on generated tables with groups and orderings ---------------------------------

GENERATED = textwrap.dedent("""
    name: g
    version: '1'
    language: vi
    description: generated
    metrics:
      g: {type: text}
      t: {}
      x: {}
      y: {decimals: 1}
    rules:
      - id: g.sum
        severity: error
        group_by: [g]
        assert: sum(x) <= y * 3
      - id: g.stats
        severity: warning
        group_by: [g]
        assert: "min(x) >= 0 and max(x) <= mean(y) * 4 and count(x) <= 5"
      - id: g.order
        severity: error
        order_by: [t]
        group_by: [g]
        assert: "increasing(x) or y > previous(y)"
      - id: g.running
        severity: info
        order_by: [t]
        assert: cumsum(x) <= 50 * t
      - id: g.text
        severity: error
        where: "g in ['a', 'b'] or matches(g, '^c')"
        assert: x <= y
""")

cells = st.one_of(st.none(), st.integers(-3, 12))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c1", "d", None]), st.integers(0, 30), cells,
                          st.one_of(st.none(), st.floats(-2, 12, allow_nan=False).map(lambda v: round(v, 1)))),
                min_size=1, max_size=40))
def test_pandas_and_polars_agree_on_groups_and_orderings(tmp_path, rows):
    pack = tmp_path / "g.yaml"
    pack.write_text(GENERATED, encoding="utf-8")
    ruleset = load_ruleset([str(pack)], defaults=False)
    frame = pd.DataFrame(rows, columns=["g", "t", "x", "y"]).astype({"t": float})
    frame["x"] = frame["x"].astype("Float64")
    frame["y"] = frame["y"].astype("Float64")
    results = []
    for engine in ENGINES:
        table = Table("generated.parquet", frame.copy(), line_offset=None)
        results.append(TableChecker(ruleset, engine=engine).check(table).to_dict())
    assert results[0]["error"] is None
    assert results[0] == results[1]


FAMILY = """
    metrics:
      date: {type: text}
      national: {}
      prov.*: {}
    columns:
      "*": prov.*
      Cả nước: national
    rules:
      - id: t.provinces-within-national
        severity: error
        assert: sum(prov.*) <= national
      - id: t.province-not-negative
        severity: error
        assert: prov.* >= 0
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_column_patterns_and_templated_rules(tmp_path, engine):
    data = write_csv(tmp_path, """
        date,Cả nước,Hà Nội,TP.HCM,Huế
        2021-01-01,10,3,4,2
        2021-01-02,10,3,-1,9
    """)
    doc = check(engine, data, "--rules", write_pack(tmp_path, FAMILY), "--id", "date")
    (table,) = doc["tables"]
    assert table["columns"]["TP.HCM"] == "prov.TP.HCM" and table["columns"]["Cả nước"] == "national"
    assert anomalies(doc) == [("2021-01-02", "t.provinces-within-national"),
                              ("2021-01-02", "t.province-not-negative[TP.HCM]")]
    a = table["anomalies"][0]
    assert a["explanation"] == "sum(Hà Nội, TP.HCM, Huế) = 11 > Cả nước = 10"


REFERENCE = """
    metrics:
      place: {type: text}
      cases: {}
    rules:
      - id: t.districts-make-the-province
        severity: error
        files: ["districts.csv"]
        group_by: []
        reference:
          file: provinces.csv
          where: "place == 'Huế'"
          values: {province_cases: cases}
        assert: sum(cases) == province_cases
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_value_from_one_row_of_another_table(tmp_path, engine):
    write_csv(tmp_path, "place,cases\nHà Nội,10\nHuế,7\n", "provinces.csv")
    districts = write_csv(tmp_path, "place,cases\nA,3\nB,5\n", "districts.csv")
    doc = check(engine, districts, "--rules", write_pack(tmp_path, REFERENCE))
    (a,) = doc["tables"][0]["anomalies"]
    assert a["explanation"] == "sum(cases) = 8 ≠ cases of provinces.csv where place == 'Huế' = 7 (off by 1)"


def test_a_reference_that_picks_no_row_is_not_evaluated(tmp_path):
    write_csv(tmp_path, "place,cases\nHà Nội,10\n", "provinces.csv")
    districts = write_csv(tmp_path, "place,cases\nA,3\n", "districts.csv")
    doc = check("pandas", districts, "--rules", write_pack(tmp_path, REFERENCE))
    (n,) = doc["tables"][0]["not_evaluated"]
    assert "0 rows meet" in n["reason"] and "provinces.csv" in n["reason"]


@pytest.mark.parametrize("old,new,message", [
    ("values: {province_cases: cases}", "values: {province_cases: place}", "is not a number metric"),
    ("province_cases", "cases", "is already a metric"),
    ("          file: provinces.csv\n", "", "'reference' is a mapping"),
])
def test_rules_validate_checks_references(tmp_path, old, new, message):
    text = REFERENCE.replace(old, new)
    result = CliRunner().invoke(main, ["rules", "validate", write_pack(tmp_path, text)])
    assert result.exit_code == 2 and message in result.output, result.output
