"""What the CI consumers accept: JUnit valid against the Jenkins and JUnit 5 schemas, SARIF against OASIS
2.1.0 (every document the suite writes is validated, see conftest), places in the file as it is on disk,
GitHub's caps and step summary, the concise one-line format."""

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from conftest import EXAMPLES, assert_valid_junit, assert_valid_sarif
from figcheck.cli import main
from figcheck.reports import ci

BROKEN = str(EXAMPLES / "huyen-dong-son-2023.txt")


def run(*args, env=None, input=None):
    return CliRunner().invoke(main, list(args), env=env, input=input)


def _disk_file(tmp_path: Path) -> tuple[Path, str]:
    """A draft as an editor's machine may save it: BOM, CRLF, decomposed accents, a zero-width space in 412."""
    text = ("Báo cáo tổng kết năm 2023\r\n\r\nNăm 2023, toàn huyện có 1.250 nguồn tin; trong đó 1.400 tin có giá trị.\r\n"
            "Toàn huyện có 412 khu dân cư (96,35%) đạt chuẩn.\r\n")
    raw = unicodedata.normalize("NFD", text).replace("412", "4\u200b12")
    path = tmp_path / "bản nháp #1.txt"
    path.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    return path, raw


def _at(raw: str, line: int, column: int) -> str:
    return raw.split("\n")[line - 1][column - 1:]


def test_places_point_into_the_file_as_it_is_on_disk(tmp_path):
    path, raw = _disk_file(tmp_path)
    lines = run("check", str(path), "--format", "concise").stdout.splitlines()
    assert len(lines) == 2
    places = {}
    for line in lines:
        file, ln, col, severity, rule, _ = re.fullmatch(r"(.*):(\d+):(\d+): (\S+) (\S+) (.*)", line).groups()
        assert file == str(path)
        places[rule] = (int(ln), int(col))
        assert severity == "error"
    assert _at(raw, *places["core.subset.part-within-whole"]).startswith("1.250")
    assert _at(raw, *places["core.share.granularity"]).startswith("4\u200b12")
    doc = json.loads(run("check", str(path), "--format", "sarif").stdout)
    for result in doc["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == places[result["ruleId"]]
    granularity = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "core.share.granularity")
    region = granularity["locations"][0]["physicalLocation"]["region"]
    # the end column follows the last figure, "(96,35%" decomposed as on disk
    assert raw.split("\n")[region["endLine"] - 1][region["startColumn"] - 1:region["endColumn"] - 1].endswith("96,35%")
    github = run("check", str(path), "--format", "github").stdout
    assert f"line={places['core.share.granularity'][0]},col={places['core.share.granularity'][1]}," in github


def test_sarif_uris_are_encoded_relative_to_srcroot_and_every_input_is_an_artifact(tmp_path, monkeypatch):
    path, _ = _disk_file(tmp_path)
    clean = tmp_path / "sạch.txt"
    clean.write_text("Năm 2023, toàn xã có 12 tổ tự quản với 96 thành viên.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    doc = json.loads(run("check", path.name, clean.name, "gone.txt", "--format", "sarif").stdout)
    (run_,) = doc["runs"]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    uris = [a["location"]["uri"] for a in run_["artifacts"]]
    assert uris == ["b%E1%BA%A3n%20nh%C3%A1p%20%231.txt", "s%E1%BA%A1ch.txt", "gone.txt"]
    assert all(a["location"]["uriBaseId"] == "%SRCROOT%" for a in run_["artifacts"])
    for result in run_["results"]:
        loc = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc == {"uri": uris[0], "uriBaseId": "%SRCROOT%", "index": 0}
    # outside the working directory: an absolute file URI
    monkeypatch.chdir(EXAMPLES)
    doc = json.loads(run("check", str(path), "--format", "sarif").stdout)
    assert doc["runs"][0]["artifacts"][0]["location"] == {"uri": path.resolve().as_uri()}
    # standard input has no URI, and the document is still valid
    doc = json.loads(run("check", "-", "--format", "sarif", input="Xã có 10 nguồn tin; trong đó 12 tin có giá trị.".encode()).stdout)
    assert doc["runs"][0]["artifacts"] == [{"location": {"description": {"text": "standard input"}}}]


def test_junit_is_valid_with_characters_xml_cannot_hold(tmp_path):
    # a file name with a control character: a name XML 1.0 cannot carry as is
    odd = tmp_path / "ghi\x01chú.txt"
    odd.write_text("Xã có 10 nguồn tin; trong đó 12 tin có giá trị.", encoding="utf-8")
    out = run("check", str(odd), str(tmp_path / "gone\x02.txt"), BROKEN, "--format", "junit").stdout
    assert_valid_junit(out)  # also done for every JUnit report; explicit here
    root = ET.fromstring(out)
    assert root.get("errors") == "1"
    names = [s.get("name") for s in root.iter("testsuite")]
    assert any("ghi\\x01chú" in n for n in names) and any("gone\\x02" in n for n in names)
    assert ci.xml_text("a\x00b\ud800c\ufffe") == "a\\x00b\\ud800c\\ufffe"


def test_junit_for_a_large_table_is_a_testcase_per_rule(tmp_path):
    n = 10_000
    frame = pd.DataFrame({"tips.total": [100] * n, "tips.valuable": [150 if i % 1000 == 7 else 50 for i in range(n)],
                          "groups.count": [10] * n, "groups.members": [40] * n})
    path = tmp_path / "large.csv"
    frame.to_csv(path, index=False)
    result = run("check-table", str(path), "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    names = [c.get("name") for c in cases]
    # only rules about these columns (relation rules are about articles), and the cell check
    assert "antq.tips.valuable-within-tips" in names and "figcheck.cell.not-a-number" in names
    assert not any(name.startswith("core.") for name in names)
    assert len(cases) < 10
    failing = next(c for c in cases if c.get("name") == "antq.tips.valuable-within-tips").find("failure")
    assert failing.get("message").startswith("10 rows fail")
    assert failing.text.count("\n") == 9 and "row 8 (line 9)" in failing.text


def test_junit_skipped_rules_are_valid_and_counted(tmp_path):
    path = tmp_path / "half.csv"
    path.write_text("tips.valuable,groups.count,groups.members\n5,2,10\n", encoding="utf-8")
    root = ET.fromstring(run("check-table", str(path), "--format", "junit").stdout)
    skipped = [c for c in root.iter("testcase") if c.find("skipped") is not None]
    assert skipped and skipped[0].find("skipped").text.startswith("not evaluated: no column for")
    assert root.find("testsuite").get("skipped") == str(len(skipped))


def _groups(n: int, severity: str, message: str = "m") -> list[ci.Group]:
    items = [ci.Item("r.x", severity, message, "why", None, ci.Place("a.txt", i + 1, 1, i + 1, 2), {})
             for i in range(n)]
    return [ci.Group("a", "a.txt", None, items, {})]


def test_github_notice_of_the_rest_counts_within_the_cap():
    annotations, _ = ci.render_github(_groups(15, "info"), {"articles": 1})
    notices = annotations.splitlines()
    assert len(notices) == ci.GITHUB_PER_KIND and all(n.startswith("::notice ") for n in notices)
    assert "6 more anomalies" in notices[-1]
    # just at the cap: no notice, nothing lost
    annotations, _ = ci.render_github(_groups(10, "info"), {"articles": 1})
    assert len(annotations.splitlines()) == 10 and "more anomalies" not in annotations
    # across kinds, at most 50 a job including the notice
    groups = [ci.Group("a", "a.txt", None, sum((g.items for sev in ("error", "warning", "info")
                                                 for g in _groups(20, sev)), []), {})]
    annotations, _ = ci.render_github(groups, {"articles": 1})
    assert len(annotations.splitlines()) <= ci.GITHUB_PER_JOB and "31 more anomalies" in annotations


def test_github_step_summary_escapes_newlines_markdown_and_html():
    hostile = "line one\nline two | <script>alert(1)</script> **bold** [x](http://e)"
    _, md = ci.render_github(_groups(1, "error", hostile), {"articles": 1})
    row = [line for line in md.splitlines() if line.startswith("| error")]
    assert len(row) == 1  # the newline did not end the row
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "line one<br>line two \\| " in row[0] and "\\*\\*bold\\*\\*" in row[0] and "\\[x\\]" in row[0]
    assert len(re.findall(r"(?<!\\)\|", row[0])) == 5  # the table's own pipes, none from the message


def test_concise_format_is_one_line_per_anomaly():
    result = run("check", str(EXAMPLES), str(EXAMPLES / "gone.txt"), "--format", "concise")
    lines = result.stdout.splitlines()
    assert result.exit_code == 2
    assert len(lines) == 8
    assert any(line.startswith(f"{BROKEN}:5:15: error core.share.granularity no whole total gives 96,35%")
               for line in lines)
    assert lines[-1] == f"{EXAMPLES / 'gone.txt'}:1:1: error figcheck.input no such file or directory"
    assert any(line.startswith(f"{EXAMPLES / 'ban-tin.jsonl'}:2:1: error ") for line in lines)


def test_sarif_for_tables_is_valid(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    data = str(EXAMPLES / "datasets" / "antq-tinh-2023.csv")
    pack = str(EXAMPLES / "datasets" / "antq-columns.yaml")
    out = run("check-table", data, "--rules", pack, "--format", "sarif").stdout
    assert_valid_sarif(out)
    doc = json.loads(out)
    assert [a["location"]["uri"] for a in doc["runs"][0]["artifacts"]] == ["examples/datasets/antq-tinh-2023.csv"]
    assert sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in doc["runs"][0]["results"]) == [3, 5]
