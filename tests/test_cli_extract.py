"""`figcheck extract`: the JSON contract, the table, input errors and exit codes."""

import json
import subprocess
import sys

from click.testing import CliRunner

from figcheck.cli import main
from conftest import EXAMPLES

FIGURE_FIELDS = {"id", "text", "start", "end", "sentence", "value", "low", "high", "qualifier", "unit", "noun", "role"}
ARTICLE_FIELDS = {"source", "id", "title", "date", "period", "error", "figures", "relations"}


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_json_contract_on_examples():
    result = run("extract", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["version"] == 1
    assert len(doc["articles"]) >= 6
    for art in doc["articles"]:
        assert ARTICLE_FIELDS <= set(art)
        assert art["error"] is None
        for f in art["figures"]:
            assert FIGURE_FIELDS <= set(f)
        for r in art["relations"]:
            assert {"id", "kind", "figures", "start", "end"} <= set(r)
            assert set(r["figures"]) <= {f["id"] for f in art["figures"]}


def test_source_is_the_path_as_given_and_ids():
    path = str(EXAMPLES / "huyen-dong-son-2023.txt")
    doc = json.loads(run("extract", path).stdout)
    (art,) = doc["articles"]
    assert art["source"] == path and art["id"].endswith("huyen-dong-son-2023")


def test_stdin_article():
    result = run("extract", "-", input="Phường có 14 tổ với 52 thành viên.".encode())
    doc = json.loads(result.stdout)
    assert doc["articles"][0]["source"] == "-" and [f["value"] for f in doc["articles"][0]["figures"]] == [14, 52]


def test_input_error_keeps_other_inputs_and_exits_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00garbage")
    result = CliRunner().invoke(main, ["extract", str(bad), str(EXAMPLES / "huyen-dong-son-2023.txt"),
                                       str(tmp_path / "gone.md")])
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert [a["source"] for a in doc["articles"]] == [str(bad), str(EXAMPLES / "huyen-dong-son-2023.txt"),
                                                      str(tmp_path / "gone.md")]
    assert doc["articles"][0]["error"] and doc["articles"][2]["error"]
    assert doc["articles"][1]["figures"]
    assert str(tmp_path / "gone.md") in result.stderr


def test_table_format_and_output_file(tmp_path):
    out = tmp_path / "report.txt"
    result = run("extract", str(EXAMPLES / "quan-hai-yen-6-thang-2024.txt"), "--format", "table", "--output", str(out))
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "breakdown" in text and "18,2%" in text
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".figcheck-")]  # no temporary left behind


def test_help_does_not_import_pandas():
    code = ("import sys; from click.testing import CliRunner; from figcheck.cli import main; "
            "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0; "
            "print('pandas' in sys.modules, 'pandera' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
