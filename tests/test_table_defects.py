"""check-table verdicts that do not depend on how a file happens to be written (issue 14's seven defects)."""

import json
import textwrap

import pandas as pd
import pytest
from click.testing import CliRunner

from figcheck.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def pack(tmp_path, body: str, name: str = "pack.yaml") -> str:
    path = tmp_path / name
    path.write_text("name: t\nversion: '1'\nlanguage: vi\ndescription: test\n" + body, encoding="utf-8")
    return str(path)


def csv(tmp_path, text: str, name: str = "data.csv") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


def check(*args, engine="pandas"):
    result = run("check-table", *args, "--no-default-rules", "--engine", engine, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return result, json.loads(result.stdout)


def found(doc):
    return [(a["row"], a["rule"]) for t in doc["tables"] for a in t["anomalies"]]


# 1. the number format is per column -------------------------------------------------------------------

VOTES = textwrap.dedent("""
    metrics:
      votes: {}
      votes_printed: {}
      ratio: {whole: false}
    rules:
      - id: t.printed
        severity: error
        assert: votes == votes_printed
""")


def test_a_decimal_point_in_one_column_does_not_change_another(tmp_path):
    data = csv(tmp_path, """
        id,votes,votes_printed,ratio
        a,557717,557.717,1.5
        b,500418,500.418,2.25
    """)
    result, doc = check(data, "--rules", pack(tmp_path, VOTES), "--id", "id")
    assert result.exit_code == 0, result.output
    assert found(doc) == [] and doc["tables"][0]["cell_errors"] == []


def test_a_declared_number_format_is_obeyed(tmp_path):
    body = VOTES.replace("votes_printed: {}", "votes_printed: {number_format: en}")
    data = csv(tmp_path, """
        id,votes,votes_printed
        a,557717,557.717
    """)
    result, doc = check(data, "--rules", pack(tmp_path, body), "--id", "id")
    assert found(doc) == [("a", "t.printed")]  # 557.717 in English format is not 557 717


def test_a_cell_contradicting_its_column_is_a_cell_error(tmp_path):
    data = csv(tmp_path, """
        id;votes;votes_printed
        a;1234567;1.234.567
        b;2345;2.345,0
        c;35;3.5
    """)
    result, doc = check(data, "--rules", pack(tmp_path, VOTES), "--id", "id")
    (err,) = doc["tables"][0]["cell_errors"]
    assert (err["row"], err["column"], err["text"]) == ("c", "votes_printed", "3.5")
    assert "English number format" in err["message"]
    assert found(doc) == []  # the unreadable cell is reported once, as a cell error


# 2. a title line above the header ---------------------------------------------------------------------

TITLED = textwrap.dedent("""
    "Population by sex, thousands"

    Year;Total;Male;Female
    2020;100.0;50.0;50.0
    2021;101.0;50.0;50.0
""")
SEX = textwrap.dedent("""
    metrics:
      pop: {whole: false}
      male: {whole: false}
      female: {whole: false}
    columns: {Total: pop, Male: male, Female: female}
    rules:
      - id: t.sex
        severity: error
        assert: pop == male + female
""")


def test_a_title_line_is_detected(tmp_path):
    result, doc = check(csv(tmp_path, TITLED), "--rules", pack(tmp_path, SEX))
    (table,) = doc["tables"]
    assert table["columns"] == {"Total": "pop", "Male": "male", "Female": "female"}
    assert [(a["row"], a["line"]) for a in table["anomalies"]] == [("2", 5)]
    assert "header is line 3" in table["notes"][0]


@pytest.mark.parametrize("option", [("--header-row", "3"), ("--skip-rows", "2")])
def test_header_row_and_skip_rows(tmp_path, option):
    result, doc = check(csv(tmp_path, TITLED), "--rules", pack(tmp_path, SEX), *option)
    assert [(a["row"], a["line"]) for a in doc["tables"][0]["anomalies"]] == [("2", 5)]


def test_no_column_mapped_is_an_input_error_even_without_strict(tmp_path):
    result = run("check-table", csv(tmp_path, TITLED), "--rules", pack(tmp_path, SEX), "--no-default-rules",
                 "--header-row", "1")
    assert result.exit_code == 2
    assert "no column maps to a metric" in result.stderr and "--header-row" in result.stderr


# 3. one comparison rule for text and typed cells --------------------------------------------------------

PERCENT = textwrap.dedent("""
    metrics:
      share: {whole: false}
      share_printed: {whole: false}
    rules:
      - id: t.share
        severity: error
        assert: share == share_printed
""")


def write(tmp_path, frame, suffix):
    path = tmp_path / f"data{suffix}"
    if suffix == ".parquet":
        frame.to_parquet(path)
    else:
        frame.astype(str).to_csv(path, index=False, sep=";")
    return str(path)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_text_and_typed_cells_get_the_same_verdict(tmp_path, suffix):
    frame = pd.DataFrame({"id": ["a", "b", "c"], "share": [83.65, 71.88, 24.0], "share_printed": [83.66, 71.88, 24.0]})
    result, doc = check(write(tmp_path, frame, suffix), "--rules", pack(tmp_path, PERCENT), "--id", "id")
    assert found(doc) == [("a", "t.share")]  # 83.65 and 83.66 differ, as text and as numbers


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_declared_decimals_make_the_rounding_interval(tmp_path, suffix):
    body = PERCENT.replace("share: {whole: false}", "share: {whole: false, decimals: 2}") \
        .replace("share_printed: {whole: false}", "share_printed: {whole: false, decimals: 2}")
    frame = pd.DataFrame({"id": ["a", "b"], "share": [24.0, 10.0], "share_printed": [24.02, 10.004]})
    result, doc = check(write(tmp_path, frame, suffix), "--rules", pack(tmp_path, body), "--id", "id")
    # "24" in a two-decimal column is 24,00 (not 23,5 to 24,5); 10,004 rounds to 10,00
    assert found(doc) == [("a", "t.share")]


@pytest.mark.parametrize("tolerance,expected", [("0.01", []), ("'0.02%'", []), ("0.001", [("a", "t.share")])])
def test_rule_tolerance_absolute_and_relative(tmp_path, tolerance, expected):
    body = PERCENT + f"    tolerance: {tolerance}\n"
    frame = pd.DataFrame({"id": ["a"], "share": ["83,65"], "share_printed": ["83,66"]})
    result, doc = check(write(tmp_path, frame, ".csv"), "--rules", pack(tmp_path, body), "--id", "id")
    assert found(doc) == expected


# 4. rules validate catches what would crash; the rest is an internal error (exit 3) ------------------------

TEXTUAL = textwrap.dedent("""
    metrics:
      region: {type: text}
      pop: {}
      male: {}
      female: {}
    rules:
      - id: t.sex
        severity: error
        where: "region == 'North'"
        assert: pop == male + female
""")


@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_where_on_a_text_column(tmp_path, engine):
    data = csv(tmp_path, """
        region,pop,male,female
        North,10,5,4
        South,10,5,4
    """)
    result, doc = check(data, "--rules", pack(tmp_path, TEXTUAL), engine=engine)
    assert found(doc) == [("1", "t.sex")]


@pytest.mark.parametrize("where,message", [
    ("pop == 'North'", "is a number and"),
    ("region > 'North'", "texts compare with =="),
    ("region + 1 > 2", "is a text metric"),
    ("matches(pop, '^1')", "matches() takes a text metric"),
    ("matches(region, '(')", "invalid regular expression"),
    ("pop", "expected a condition"),
])
def test_rules_validate_catches_text_mistakes(tmp_path, where, message):
    path = pack(tmp_path, TEXTUAL.replace("region == 'North'", where.replace('"', '\\"')))
    result = run("rules", "validate", path)
    assert result.exit_code == 2, result.output
    assert message in result.output and "pack.yaml:" in result.output


def test_rules_validate_catches_a_column_of_an_undeclared_metric(tmp_path):
    path = pack(tmp_path, TEXTUAL + "columns: {'Dân số': population}\n")
    result = run("rules", "validate", path)
    assert result.exit_code == 2
    assert "'population', which is not a metric" in result.output and "known: female, male, pop, region" in result.output


def test_a_failure_inside_figcheck_is_an_internal_error_exit_3(tmp_path, monkeypatch):
    from figcheck.datasets import table_check

    def boom(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(table_check.TableChecker, "_run", boom)
    data = csv(tmp_path, "region,pop,male,female\nNorth,10,5,5\n")
    result = run("check-table", data, data, "--rules", pack(tmp_path, TEXTUAL), "--no-default-rules")
    assert result.exit_code == 3
    assert result.stderr.count("internal error") == 2 and "simulated bug" in result.stderr
    assert "Traceback" not in result.output


# 5. a null policy --------------------------------------------------------------------------------------

NULLS = textwrap.dedent("""
    metrics:
      pop: {}
      male: {required: true}
      female: {}
    rules:
      - id: t.sex
        severity: error
        assert: pop == male + female
""")
GAPS = textwrap.dedent("""
    id,pop,male,female
    a,10,5,5
    b,..,5,5
    c,10,,5
    d,10,5,NA
    e,10,5,4
""")


def test_without_a_null_policy_placeholders_are_cell_errors(tmp_path):
    result, doc = check(csv(tmp_path, GAPS), "--rules", pack(tmp_path, NULLS), "--id", "id")
    table = doc["tables"][0]
    assert {(c["row"], c["text"]) for c in table["cell_errors"]} == {("b", ".."), ("d", "NA"), ("c", "")}
    assert found(doc) == [("e", "t.sex")]


def test_null_policy_required_and_skipped_counts(tmp_path):
    body = 'nulls: ["", "..", "-", "NA"]\n' + NULLS
    result, doc = check(csv(tmp_path, GAPS), "--rules", pack(tmp_path, body), "--id", "id")
    table = doc["tables"][0]
    assert [(c["row"], c["column"]) for c in table["cell_errors"]] == [("c", "male")]  # required: true
    assert "required" in table["cell_errors"][0]["message"]
    # b and d are skipped for their empty cells; c's empty cell is an error (required), not a skip
    assert table["skipped_for_nulls"] == {"t.sex": 2} and doc["summary"]["skipped_for_nulls"] == 2
    assert found(doc) == [("e", "t.sex")]


def test_strict_makes_rows_skipped_for_nulls_an_error(tmp_path):
    body = 'nulls: ["", ".."]\n' + NULLS.replace("{required: true}", "{}")
    data = csv(tmp_path, "id,pop,male,female\na,..,5,5\n")
    assert run("check-table", data, "--rules", pack(tmp_path, body), "--no-default-rules").exit_code == 0
    result = run("check-table", data, "--rules", pack(tmp_path, body), "--no-default-rules", "--strict",
                 "--format", "json")
    assert result.exit_code == 1
    (n,) = json.loads(result.stdout)["tables"][0]["not_evaluated"]
    assert n["severity"] == "error" and "1 row not checked" in n["reason"]


# 6. the gx engine -------------------------------------------------------------------------------------

PARTS = textwrap.dedent("""
    metrics:
      total: {whole: false}
      a: {whole: false}
      b: {whole: false}
      c: {whole: false}
    rules:
      - id: t.parts
        severity: error
        assert: total == a + b + c
      - id: t.not-a
        severity: error
        assert: "not (a > total)"
""")


def test_gx_allows_float_residue_and_words_failures_like_the_others(tmp_path):
    frame = pd.DataFrame({"id": ["x", "y", "z"], "total": [0.6, 1.0, 0.7], "a": [0.1, 0.1, 0.1],
                          "b": [0.2, 0.2, 0.2], "c": [0.3, 0.3, 0.3]})
    data = write(tmp_path, frame, ".parquet")
    body = pack(tmp_path, PARTS)
    _, gx_doc = check(data, "--rules", body, "--id", "id", engine="gx")
    _, pd_doc = check(data, "--rules", body, "--id", "id")
    assert found(gx_doc) == found(pd_doc) == [("y", "t.parts"), ("z", "t.parts")]
    for a, b in zip(gx_doc["tables"][0]["anomalies"], pd_doc["tables"][0]["anomalies"]):
        assert a["explanation"] == b["explanation"] and "loose" not in a["explanation"]


def test_gx_rules_it_cannot_export_fail_under_strict(tmp_path):
    data = write(tmp_path, pd.DataFrame({"total": [0.6], "a": [0.1], "b": [0.2], "c": [0.3]}), ".parquet")
    body = pack(tmp_path, PARTS)
    lenient = run("check-table", data, "--rules", body, "--no-default-rules", "--engine", "gx", "--format", "json")
    assert lenient.exit_code == 0
    (n,) = json.loads(lenient.stdout)["tables"][0]["not_evaluated"]
    assert n["rule"] == "t.not-a" and n["severity"] == "warning"
    strict = run("check-table", data, "--rules", body, "--no-default-rules", "--engine", "gx", "--strict")
    assert strict.exit_code == 1 and "not evaluated: t.not-a" in strict.output


# 7. explanations -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("assertion,cell,expected", [
    ("n > 0", "0", "n = 0 ≤ 0"),
    ("n != 5", "5", "n = 5 = 5"),
    ("n >= 10", "7", "n = 7 < 10"),
])
def test_explanations_say_what_failed(tmp_path, assertion, cell, expected):
    body = f"metrics:\n  n: {{}}\nrules:\n  - id: t.n\n    severity: error\n    assert: \"{assertion}\"\n"
    result, doc = check(csv(tmp_path, f"n\n{cell}\n"), "--rules", pack(tmp_path, body))
    (a,) = doc["tables"][0]["anomalies"]
    assert a["explanation"] == expected


def test_explanations_use_the_tables_number_format_and_total_long_sums(tmp_path):
    names = [f"p{i}" for i in range(62)]
    metrics = "".join(f"  {n}: {{whole: false}}\n" for n in names)
    body = (f"metrics:\n  total: {{whole: false}}\n{metrics}rules:\n  - id: t.sum\n    severity: error\n"
            f"    assert: total == sum({', '.join(names)})\n")
    cells = ["1,000.25"] + ["377.75"] * 62  # English format
    data = csv(tmp_path, ",".join(["total", *names]) + "\n" + ",".join(f'"{c}"' for c in cells) + "\n")
    result, doc = check(data, "--rules", pack(tmp_path, body))
    (a,) = doc["tables"][0]["anomalies"]
    assert a["explanation"] == ("total = 1,000.25 ≠ the sum of 62 columns (p0, p1, p2, …, p61) = 23,420.5 "
                                "(off by 22,420.25)")
