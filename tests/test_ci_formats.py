"""CI formats for `figcheck check`: JUnit, SARIF 2.1.0 and GitHub annotations with a step summary."""

import json
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from figcheck.cli import main
from figcheck.reports.ci import GITHUB_PER_KIND
from conftest import EXAMPLES

BROKEN = str(EXAMPLES / "huyen-dong-son-2023.txt")


def run(*args, env=None, input=None):
    return CliRunner().invoke(main, list(args), env=env, input=input)


def test_junit_one_testcase_per_article_and_rule():
    result = run("check", str(EXAMPLES), "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    suites = root.findall("testsuite")
    assert len(suites) == 6
    n_rules = len(suites[0].findall("testcase"))
    assert int(root.get("tests")) == 6 * n_rules
    failures = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert int(root.get("failures")) == len(failures) == 7
    granularity = next(c for c in failures if c.get("name") == "core.share.granularity")
    assert granularity.get("classname").endswith("huyen-dong-son-2023")
    assert "412/427 = 96,49%" in granularity.find("failure").text


def test_junit_input_errors_are_errors(tmp_path):
    root = ET.fromstring(run("check", str(tmp_path / "gone.txt"), BROKEN, "--format", "junit").stdout)
    assert int(root.get("errors")) == 1
    assert root.find("testsuite/testcase/error").get("message") == "no such file or directory"


def test_sarif_results_rules_and_locations():
    doc = json.loads(run("check", str(EXAMPLES), "--format", "sarif").stdout)
    assert doc["version"] == "2.1.0"
    (run_,) = doc["runs"]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert "core.share.granularity" in rule_ids
    assert all(r["shortDescription"]["text"] for r in run_["tool"]["driver"]["rules"])
    results = run_["results"]
    assert len(results) == 7
    g = next(r for r in results if r["ruleId"] == "core.share.granularity")
    assert g["level"] == "error" and rule_ids[g["ruleIndex"]] == "core.share.granularity"
    loc = g["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("huyen-dong-son-2023.txt")
    lines = open(BROKEN, encoding="utf-8").read().splitlines()
    region = loc["region"]
    assert lines[region["startLine"] - 1][region["startColumn"] - 1:].startswith("412")


def test_github_annotations_escape_and_cap(tmp_path):
    summary = tmp_path / "summary.md"
    result = run("check", str(EXAMPLES), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = result.stdout.splitlines()
    assert len(lines) == 7 and all(line.startswith("::error file=") for line in lines)
    assert "96,35%25" in result.stdout  # '%' is escaped in workflow-command data
    assert "core.share.granularity" in summary.read_text(encoding="utf-8")
    # many anomalies: at most 10 error annotations, the rest counted in a notice and the summary
    text = "\n".join(f"Xã {i} có {100 + i} nguồn tin; trong đó {200 + i} tin có giá trị." for i in range(15))
    result = run("check", "-", "--format", "github", input=text.encode(), env={"GITHUB_STEP_SUMMARY": str(summary)})
    errors = [x for x in result.stdout.splitlines() if x.startswith("::error")]
    assert len(errors) == GITHUB_PER_KIND
    assert "5 more anomalies" in result.stdout
    assert summary.read_text(encoding="utf-8").count("core.subset.part-within-whole") >= 15
