"""The packs of examples/datasets/packs on the public tables in ../shared/datasets.

Each verified inconsistency of ../shared/datasets/README.md is found, and nothing is raised where the
values only differ by the rounding of what is printed. Where a rule found nothing on the real table, a
copy with one value changed (written to a temporary directory) proves the rule runs.
"""

import json

import pytest
from click.testing import CliRunner

from figcheck.cli import main
from conftest import EXAMPLES, ROOT

SHARED_DATASETS = ROOT.parent / "shared" / "datasets"
PACKS = EXAMPLES / "datasets" / "packs"
needs_shared = pytest.mark.skipif(not SHARED_DATASETS.is_dir(), reason="../shared/datasets is not beside the project")


def check(path, pack, *args, engine="pandas"):
    result = CliRunner().invoke(main, ["check-table", str(path), "--rules", str(PACKS / pack), "--no-default-rules",
                                       "--engine", engine, "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    (table,) = json.loads(result.stdout)["tables"]
    assert table["error"] is None and table["not_evaluated"] == []
    return table


def found(table):
    return [(a["row"], a["rule"]) for a in table["anomalies"]]


def changed_copy(tmp_path, source, old: str, new: str):
    text = source.read_text(encoding="utf-8-sig")
    assert text.count(old) == 1, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_every_pack_validates_and_satisfies_the_json_schema():
    from importlib import resources

    import jsonschema
    import yaml

    packs = sorted(PACKS.glob("*.yaml"))
    assert len(packs) == 8
    result = CliRunner().invoke(main, ["rules", "validate", *map(str, packs)])
    assert result.exit_code == 0, result.output
    schema = json.loads(resources.files("figcheck.rules").joinpath("pack.schema.json").read_text(encoding="utf-8"))
    for pack in packs:
        jsonschema.validate(yaml.safe_load(pack.read_text(encoding="utf-8")), schema)


GSO = SHARED_DATASETS / "gso"


@needs_shared
@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_gso_population_growth_of_2000(engine):
    table = check(GSO / "Average population by sex and by residence .csv", "gso-population.yaml", engine=engine)
    assert table["notes"] and table["rows"] == 78  # the title line above the header is skipped
    (a,) = table["anomalies"]
    assert a["rule"] == "gso.pop.growth-is-change-on-previous-year" and a["explanation"].endswith("(group year = 2000)")
    assert "Urban = 3.32 ≠" in a["explanation"] and "= 3.5605" in a["explanation"]
    assert "Rural = 0.74 ≠" in a["explanation"] and "= 0.6672" in a["explanation"]


@needs_shared
def test_gso_labour_force_is_consistent_and_its_rules_run(tmp_path):
    source = GSO / "Labour force at 15 years of age and above by sex and by residence.csv"
    assert found(check(source, "gso-population.yaml")) == []
    changed = changed_copy(tmp_path, source, '"2000";38545.4;19548.7', '"2000";38545.4;19558.7')
    assert ("1", "gso.pop.sexes-make-the-total") in found(check(changed, "gso-population.yaml"))


@needs_shared
def test_gso_schools_of_1998_99():
    table = check(GSO / "Number of schools and classes of general education as of 30 September.csv",
                  "gso-education.yaml")
    (a,) = table["anomalies"]
    assert a["rule"] == "gso.schools.types-make-the-total[1998-1999]"
    assert a["explanation"] == "1998-1999 = 23,414 ≠ sum(1998-1999) = 23,417 (off by 3)"


@needs_shared
def test_gso_teachers_and_pupils_are_consistent():
    assert found(check(GSO / "Number of teachers and pupils of general education as of 30 September .csv",
                       "gso-education.yaml")) == []


@needs_shared
def test_gso_density_beyond_rounding_and_regions_as_their_provinces(tmp_path):
    source = GSO / "Area, population and population density by province.csv"
    table = check(source, "gso-provinces.yaml", "--id", "Cities, provincies")
    assert found(table) == [("WHOLE COUNTRY", "gso.density-is-population-over-area[2012]"),
                            ("Northern Central area and Central coastal area",
                             "gso.density-is-population-over-area[2011]")]
    # the region and country sums hold on the real table; one province changed breaks both
    changed = changed_copy(tmp_path, source, '"Ha Noi";3328.9;6761.3', '"Ha Noi";3328.9;6861.3')
    got = found(check(changed, "gso-provinces.yaml", "--id", "Cities, provincies"))
    assert ("Red River Delta", "gso.region-is-its-provinces[2011]") in got
    assert ("WHOLE COUNTRY", "gso.country-is-its-regions[2011]") not in got  # regions are unchanged
    assert ("Ha Noi", "gso.density-is-population-over-area[2011]") in got


@needs_shared
def test_gso_natural_increase_is_birth_minus_death():
    table = check(GSO / "Crude birth rate, crude death rate and natural increase rate by province.csv",
                  "gso-provinces.yaml", "--id", "Cities, provincies")
    assert found(table) == []
    assert table["skipped_for_nulls"]  # ".." cells are empty, counted, not errors
    assert table["cell_errors"] == []


COVID = SHARED_DATASETS / "covid"


@needs_shared
@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_covid_cumulative_counts_that_fall(engine):
    table = check(COVID / "covid19model_timeseries-covid19-combined-vietnam.csv", "covid-vn.yaml", "--id", "date",
                  engine=engine)
    got = found(table)
    assert ("2021-08-05", "covid.recovered-never-falls") in got
    assert ("2020-08-19", "covid.deaths-never-fall") in got
    # after the fall to 0 the 111 rows of 0 do not fall again: one anomaly, not 111
    assert not any(row > "2021-08-05" for row, _ in got)
    assert all(rule.endswith("never-falls") or rule.endswith("never-fall") for _, rule in got)


@needs_shared
@pytest.mark.parametrize("name,pack", [("vnexpress_timeseries-vietnam-combined.csv", "covid-vn.yaml"),
                                       ("vnexpress_timeseries-vietnam-provinces-confirmed-total.csv",
                                        "covid-vn-provinces.yaml"),
                                       ("vnexpress_timeseries-vietnam-provinces-confirmed.csv",
                                        "covid-vn-provinces.yaml"),
                                       ("webgis_cv19.csv", "covid-vn.yaml")])
def test_covid_tables_that_are_consistent(name, pack):
    table = check(COVID / name, pack)
    assert found(table) == [] and table["cell_errors"] == []


@needs_shared
@pytest.mark.parametrize("name,rule,explanation", [
    ("webgis_cv19hcm.csv", "covid.hcm-districts-make-the-province", "sum(Số ca nhiễm) = 21.481 ≠ Số ca nhiễm of "
     "webgis_cv19.csv where place == 'Hồ Chí Minh' = 20.238 (off by 1.243)"),
    ("webgis_cv19hn.csv", "covid.hanoi-districts-make-the-province", "sum(Số ca nhiễm) = 185 ≠ Số ca nhiễm of "
     "webgis_cv19.csv where place == 'Hà Nội' = 837 (off by 652)"),
])
def test_covid_districts_against_their_province_row_in_another_table(name, rule, explanation):
    table = check(COVID / name, "covid-vn.yaml")
    (a,) = table["anomalies"]
    assert (a["rule"], a["explanation"]) == (rule, explanation)


@needs_shared
def test_covid_province_rules_run(tmp_path):
    source = COVID / "vnexpress_timeseries-vietnam-provinces-confirmed-total.csv"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[100].split(",")
    cells[1] = "0"  # Bắc Giang's cumulative count drops to 0 for a day
    lines[100] = ",".join(cells)
    path = tmp_path / source.name
    path.write_text("".join(lines), encoding="utf-8")
    got = found(check(path, "covid-vn-provinces.yaml", "--id", "date"))
    assert (cells[0], "covid.province-total-never-falls[Bắc Giang]") in got


ELECTIONS = SHARED_DATASETS / "elections-vn" / "cema-district-results.csv"


@needs_shared
@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_elections_printed_votes_and_percent_agree(engine):
    # "557.717" (Vietnamese format) beside "93.23" (English) in another column: each column its own format
    table = check(ELECTIONS, "elections-vn.yaml", engine=engine)
    assert table["rows"] == 866 and found(table) == [] and table["cell_errors"] == []


@needs_shared
def test_elections_rules_run(tmp_path):
    changed = changed_copy(tmp_path, ELECTIONS, "500418,500.418,83.65", "500418,500.418,85.65")
    assert found(check(changed, "elections-vn.yaml")) == [("1", "elections.one-valid-ballot-total-per-unit"),
                                                          ("2", "elections.percent-as-printed")]


US = SHARED_DATASETS / "us-election"


@needs_shared
def test_us_counties():
    table = check(US / "US_Election_dataset_v1.csv", "us-counties.yaml", "--id", "full_name")
    got = found(table)
    assert ("Dona Ana County, New Mexico", "us.share-is-votes-over-all-votes") in got
    a = next(a for a in table["anomalies"] if a["row"].startswith("Dona Ana"))
    assert "2020 Republican vote % = 36.69 ≠" in a["explanation"] and "= 39.6922" in a["explanation"]
    density = {row for row, rule in got if rule == "us.density-is-population-over-area"}
    assert {"Fairfield County, Connecticut", "Tolland County, Connecticut", "Kalawao County, Hawaii"} <= density
    # shares of one decimal (education) or two (race, occupations) make 100 within their rounding
    assert not any(rule.endswith("makes-100") or rule == "us.occupations-make-100" for _, rule in got)
    # incomes in Indian digit grouping are cell errors, not misread numbers
    bad = [c for c in table["cell_errors"] if c["text"] == "1,00,662"]
    assert bad and {c["column"] for c in table["cell_errors"]} == {"Median income (dollars)", "Mean income (dollars)"}
    assert len(table["cell_errors"]) == 578


@needs_shared
def test_us_president_candidates_make_the_total(tmp_path):
    source = US / "1976-2020-president.csv"
    assert found(check(source, "us-president.yaml")) == []
    changed = changed_copy(tmp_path, source, "CARTER, JIMMY;DEMOCRAT;FALSE;659170;", "CARTER, JIMMY;DEMOCRAT;FALSE;659171;")
    got = found(check(changed, "us-president.yaml"))
    assert got == [("1", "us.candidates-make-the-total")]  # the group is reported once, on its first row
