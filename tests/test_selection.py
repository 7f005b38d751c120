"""Configuration ([tool.figcheck] / figcheck.toml upward from the inputs), --select / --ignore, inline
suppressions counted in the summary, and baselines whose fingerprints survive edits elsewhere."""

import json
import shutil

from click.testing import CliRunner

import figcheck
from conftest import EXAMPLES
from figcheck.cli import main
from figcheck.rules.loader import load_ruleset
from figcheck.validators.pipeline import check_stream
from figcheck.validators.selection import Selection, inline_suppressions, matches

BROKEN = EXAMPLES / "huyen-dong-son-2023.txt"
ALL_THREE = {"core.subset.part-within-whole", "core.share.granularity", "core.enumeration.items-match-count"}


def run(*args, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def rules_of(*args) -> tuple[int, list[str], dict]:
    result = run("check", *args, "--format", "json")
    doc = json.loads(result.stdout)
    return result.exit_code, [a["rule"] for art in doc["articles"] for a in art["anomalies"]], doc["summary"]


def test_rule_patterns():
    assert matches("core.share.granularity", ["core.share.*"]) and matches("core.share.granularity", ["core.share"])
    assert matches("core.share.granularity", ["core"]) and not matches("core.shared.x", ["core.share"])
    assert not matches("antq.tips.x", ["core.*"]) and matches("antq.tips.x", ["*"])


def test_select_and_ignore_on_the_command_line():
    _, rules, summary = rules_of(str(BROKEN), "--select", "core.share.*,core.subset")
    assert set(rules) == {"core.share.granularity", "core.subset.part-within-whole"}
    assert summary["anomalies"]["error"] == 2
    # ignoring a rule that another one seconds keeps the anomaly under the other (antq seconds core.subset)
    _, rules, _ = rules_of(str(BROKEN), "--ignore", "core.subset.*", "--ignore", "core.share.*")
    assert rules == ["antq.tips.valuable-within-tips", "core.enumeration.items-match-count"]
    code, rules, _ = rules_of(str(BROKEN), "--ignore", "core")
    assert rules == ["antq.tips.valuable-within-tips"] and code == 1
    code, rules, _ = rules_of(str(BROKEN), "--ignore", "core,antq")
    assert rules == [] and code == 0


def test_configuration_is_found_upward_and_the_command_line_wins(tmp_path):
    project = tmp_path / "project"
    (project / "bai" / "nhap").mkdir(parents=True)
    shutil.copy(BROKEN, project / "bai" / "a.txt")
    shutil.copy(BROKEN, project / "bai" / "nhap" / "b.txt")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.figcheck]\nignore = ["core.enumeration.*"]\nformat = "json"\n'
        'fail-on = "never"\n\n[tool.figcheck.per-path-ignores]\n"bai/nhap/*" = ["core.share.*", "core.subset"]\n',
        encoding="utf-8")
    result = run("check", str(project / "bai"))
    assert result.exit_code == 0  # fail-on never, from the file
    doc = json.loads(result.stdout)  # format json, from the file
    by_file = {art["source"].rsplit("/", 1)[-1]: [a["rule"] for a in art["anomalies"]] for art in doc["articles"]}
    assert set(by_file["a.txt"]) == {"core.subset.part-within-whole", "core.share.granularity"}
    assert by_file["b.txt"] == ["antq.tips.valuable-within-tips"]  # the per-path ignores
    # the command line wins over the file; --isolated ignores it
    assert run("check", str(project / "bai"), "--fail-on", "error", "--format", "concise").exit_code == 1
    _, rules, _ = rules_of(str(project / "bai" / "a.txt"), "--isolated")
    assert set(rules) == ALL_THREE
    # a nearer figcheck.toml is used before the pyproject further up
    (project / "bai" / "figcheck.toml").write_text('select = ["core.share"]\n', encoding="utf-8")
    _, rules, _ = rules_of(str(project / "bai" / "a.txt"))
    assert rules == ["core.share.granularity"]


def test_a_broken_configuration_is_a_usage_error_naming_file_and_key(tmp_path):
    (tmp_path / "figcheck.toml").write_text('ignores = ["core"]\n', encoding="utf-8")
    shutil.copy(BROKEN, tmp_path / "a.txt")
    result = run("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'figcheck.toml'}: unknown key 'ignores'" in result.stderr
    (tmp_path / "figcheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and "'fail-on' must be one of error, warning, info, never" in result.stderr
    (tmp_path / "figcheck.toml").write_text('select = [\n', encoding="utf-8")
    assert "invalid TOML" in run("check", str(tmp_path / "a.txt")).stderr


DRAFT = ("Huyện A tổng kết năm 2023\n\n"
         "Năm 2023, nhân dân cung cấp 1.250 nguồn tin; trong đó 1.400 tin có giá trị.\n\n"
         "<!-- figcheck: ignore core.share.* -->\n"
         "Toàn huyện có 412 khu dân cư (96,35%) đạt chuẩn.\n\n"
         "Toàn xã có 212 tổ (96,35%) đạt chuẩn.\n\n"
         "Ban Chỉ đạo đã xây mới 5 mô hình “A”, “B”, “C” và “D”. # figcheck: ignore=core.enumeration.items-match-count\n")


def test_inline_suppressions_are_counted_in_the_summary(tmp_path):
    draft = tmp_path / "nhap.md"
    draft.write_text(DRAFT, encoding="utf-8")
    code, rules, summary = rules_of(str(draft))
    # the comment covers the paragraph after it, not the next one; the trailing comment its own line
    assert sorted(rules) == ["core.share.granularity", "core.subset.part-within-whole"]
    assert summary["suppressed"] == 2 and summary["anomalies"]["error"] == 2 and code == 1
    console = run("check", str(draft)).stdout
    assert "suppressed by comments" in console
    # the same with worker processes, which write the JSON records themselves
    assert rules_of(str(draft), "--jobs", "2")[1:] == (rules, summary)
    spans = inline_suppressions(figcheck.extract(DRAFT).text)
    assert [s.rules for s in spans] == [("core.share.*",), ("core.enumeration.items-match-count",)]


def test_baseline_reports_only_new_anomalies_after_edits_elsewhere(tmp_path):
    draft = tmp_path / "bai.txt"
    shutil.copy(BROKEN, draft)
    baseline = tmp_path / "baseline.json"
    result = run("check", str(draft), "--write-baseline", str(baseline))
    assert result.exit_code == 0 and "3 anomalies recorded" in result.stderr
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert sum(recorded["fingerprints"].values()) == 3 and {a["rule"] for a in recorded["anomalies"]} == ALL_THREE
    code, rules, summary = rules_of(str(draft), "--baseline", str(baseline))
    assert (code, rules, summary["baselined"]) == (0, [], 3)
    # edits elsewhere: a new paragraph at the top, another sentence reworded, the byline changed
    text = draft.read_text(encoding="utf-8")
    text = text.replace("\n\n", "\n\nMở đầu: một đoạn mới được thêm vào bài.\n\n", 1)
    text = text.replace("đều được người dân đồng tình hưởng ứng", "được   nhân dân hưởng ứng")
    text = text.replace("Quang Minh", "Minh Quang")
    text += "\nNgoài ra, xã có 30 hộ; trong đó 45 hộ tham gia.\n"  # a new inconsistency
    draft.write_text(text, encoding="utf-8")
    code, rules, summary = rules_of(str(draft), "--baseline", str(baseline))
    assert code == 1 and summary["baselined"] == 3
    assert rules == ["core.subset.part-within-whole"]  # only the new one
    doc = json.loads(run("check", str(draft), "--baseline", str(baseline), "--format", "sarif").stdout)
    (new,) = doc["runs"][0]["results"]
    assert new["partialFingerprints"]["figcheck/v1"] not in recorded["fingerprints"]


def test_a_bad_baseline_is_a_usage_error(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = run("check", str(BROKEN), "--baseline", str(bad))
    assert result.exit_code == 2 and f"{bad}: not a figcheck baseline" in result.stderr
    result = run("check", str(BROKEN), "--baseline", str(tmp_path / "none.json"))
    assert result.exit_code == 2 and "cannot read" in result.stderr


def test_selection_is_its_own_stage():
    (res,) = check_stream([figcheck.extract(BROKEN.read_text(encoding="utf-8"))], load_ruleset())
    before = [a.rule for a in res.anomalies]
    out = Selection(ignore=("core.share",)).apply(res)
    assert [a.rule for a in out.anomalies] == [r for r in before if not r.startswith("core.share")]
    assert len(out.fingerprints) == len(out.anomalies) and out.suppressed == 0


def test_check_table_takes_select_ignore_and_the_configuration(tmp_path):
    data = tmp_path / "tinh.csv"
    shutil.copy(EXAMPLES / "datasets" / "antq-tinh-2023.csv", data)
    shutil.copy(EXAMPLES / "datasets" / "antq-columns.yaml", tmp_path / "cot.yaml")
    (tmp_path / "figcheck.toml").write_text('rules = ["cot.yaml"]\nignore = ["antq.groups.*"]\n', encoding="utf-8")
    doc = json.loads(run("check-table", str(data), "--format", "json").stdout)
    assert [a["rule"] for a in doc["tables"][0]["anomalies"]] == ["antq.tips.valuable-within-tips"]
    result = run("check-table", str(data), "--format", "junit", "--ignore", "antq.tips")
    assert result.exit_code == 0
    assert "antq.tips.valuable-within-tips" not in result.stdout and "antq.groups" not in result.stdout
