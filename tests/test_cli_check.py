"""`figcheck check` and `figcheck rules`: exit codes, the JSON contract, reports and rule files."""

import json

from click.testing import CliRunner

from figcheck.cli import main
from conftest import EXAMPLES

CLEAN = str(EXAMPLES / "phuong-an-binh-2024.txt")
BROKEN = str(EXAMPLES / "huyen-dong-son-2023.txt")
ANOMALY_FIELDS = {"id", "rule", "severity", "message", "figures", "start", "end", "explanation", "suggestion"}


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_exit_codes_follow_fail_on():
    assert run("check", CLEAN).exit_code == 0
    assert run("check", BROKEN).exit_code == 1
    assert run("check", BROKEN, "--fail-on", "never").exit_code == 0
    warn = "Nhân dân cung cấp trên 4.340 nguồn tin; trong đó 4.400 tin có giá trị.".encode()
    assert run("check", "-", input=warn).exit_code == 0  # a warning is below the default error threshold
    assert run("check", "-", "--fail-on", "warning", input=warn).exit_code == 1


def test_input_error_exits_2_and_the_rest_is_reported(tmp_path):
    result = run("check", str(tmp_path / "missing.txt"), BROKEN, "--format", "json")
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert doc["summary"]["input_errors"] == 1 and doc["summary"]["articles"] == 2
    assert doc["articles"][1]["anomalies"]


def test_bad_rule_file_exits_2_with_place(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nversion: 1\nlanguage: vi\nrules:\n  - id: r\n    severity: error\n    assert: a <= \n",
                   encoding="utf-8")
    result = run("check", CLEAN, "--rules", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:7:" in result.stderr


def test_json_contract():
    doc = json.loads(run("check", str(EXAMPLES), "--format", "json").stdout)
    assert doc["version"] == 1
    summary = doc["summary"]
    assert set(summary) >= {"articles", "figures", "anomalies", "by_rule", "input_errors"}
    assert summary["anomalies"] == {"error": 7, "warning": 0, "info": 0}
    for art in doc["articles"]:
        assert {"anomalies", "coverage", "convention", "figures", "relations"} <= set(art)
        assert set(art["coverage"]) == {"figures", "checked"}
        ids = {f["id"] for f in art["figures"]}
        for a in art["anomalies"]:
            assert ANOMALY_FIELDS <= set(a)
            assert set(a["figures"]) <= ids and a["start"] <= a["end"]


def test_console_report_shows_sentence_figures_and_summary():
    out = run("check", BROKEN).stdout
    assert "core.share.granularity" in out and "412/427 = 96,49%" in out
    assert "«412» khu dân cư («96,35%»)" in out  # plain text: figures bracketed in their sentence
    assert "figcheck summary" in out and "\x1b[" not in out


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "report.json"
    result = run("check", str(EXAMPLES), "--format", "json", "--output", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["articles"] == 6


def test_rules_commands(tmp_path):
    listed = run("rules", "list")
    assert listed.exit_code == 0 and "core" in listed.stdout and "antq" in listed.stdout
    shown = run("rules", "show", "antq")
    assert "tips.valuable" in shown.stdout and "antq.tips.valuable-within-tips" in shown.stdout
    schema = json.loads(run("rules", "schema").stdout)
    assert schema["title"] == "figcheck rule pack"
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nversion: 1\nlanguage: vi\nrules:\n  - id: r\n    severity: error\n    assert: foo <= 1\n",
                   encoding="utf-8")
    validated = run("rules", "validate", str(bad))
    assert validated.exit_code == 2 and f"{bad}:7:13: in 'assert': unknown name 'foo'" in validated.stderr


def test_extra_pack_adds_rules(tmp_path):
    pack = tmp_path / "strict.yaml"
    pack.write_text("name: strict\nversion: 1\nlanguage: vi\nextends: [antq]\nrules:\n"
                    "  - id: strict.valuable-ratio\n    severity: warning\n    message: too many valuable tips\n"
                    "    assert: tips.valuable <= 0.9 * tips.total\n", encoding="utf-8")
    doc = json.loads(run("check", CLEAN, "--rules", str(pack), "--format", "json").stdout)
    assert [a["rule"] for a in doc["articles"][0]["anomalies"]] == ["strict.valuable-ratio"]


def test_console_never_breaks_a_figure_across_lines():
    import io

    from rich.console import Console

    import figcheck
    from figcheck.validators.pipeline import check_stream
    from figcheck.reports.console import article_report
    from figcheck.rules.loader import load_ruleset

    text = ("Trong năm toàn huyện đã vận động nhân dân giao nộp 1,5 triệu đồng tiền ủng hộ và có "
            "412 khu dân cư (96,35%) đạt tiêu chuẩn an toàn về an ninh trật tự theo quy định hiện hành.")
    (res,) = check_stream([figcheck.extract(text)], load_ruleset())
    for width in (24, 31, 40, 57):
        buf = io.StringIO()
        Console(file=buf, width=width + 4, no_color=True).print(article_report(res, plain=True, width=width))
        lines = buf.getvalue().splitlines()
        for figure in ("«412»", "(«96,35%»)"):
            assert any(figure in line for line in lines), (width, buf.getvalue())
