"""Failures: internal errors are isolated to their input, signals leave no half-written report."""

import json
import signal
import subprocess
import sys
import time

from click.testing import CliRunner

from figcheck.cli import main
from figcheck.synthesis.articles import generate_corpus
from figcheck.reading.figures import FigureReader
from figcheck.validators.engine import CheckEngine


def test_a_reader_bug_on_one_input_loses_nothing_else(tmp_path, monkeypatch):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Có 14 tổ với 27 thành viên.", encoding="utf-8")
    bad.write_text("Có 14 tổ BOOM với 27 thành viên.", encoding="utf-8")
    original = FigureReader.read

    def flaky(self, text, *args, **kwargs):
        if "BOOM" in text:
            raise RuntimeError("simulated bug")
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(FigureReader, "read", flaky)
    result = CliRunner().invoke(main, ["check", str(bad), str(good), "--format", "json"])
    assert result.exit_code == 3
    doc = json.loads(result.stdout)
    first, second = doc["articles"]
    assert first["error_kind"] == "internal" and "simulated bug" in first["error"]
    assert second["error"] is None and len(second["figures"]) == 2
    assert doc["summary"]["internal_errors"] == 1
    (line,) = [x for x in result.stderr.splitlines() if "internal error" in x]
    assert str(bad) in line and "--debug" in line


def test_a_check_bug_on_one_article_loses_nothing_else(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Có 14 tổ với 12 thành viên.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Phường có 9 tổ với 30 thành viên, BOOM.", encoding="utf-8")
    original = CheckEngine.check

    def flaky(self, articles):
        if any("BOOM" in a.text for a in articles):
            raise RuntimeError("simulated engine bug")
        return original(self, articles)

    monkeypatch.setattr(CheckEngine, "check", flaky)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 3
    a, b = json.loads(result.stdout)["articles"]
    assert [x["rule"] for x in a["anomalies"]] == ["antq.groups.members-at-least-groups"]
    assert b["internal_error"] == "RuntimeError: simulated engine bug"
    assert "internal error while checking" in result.stderr


def _slow_corpus(tmp_path, n=6000):
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i, g in enumerate(generate_corpus(n, seed=5)):
            fh.write(json.dumps({"id": f"a{i}", "text": g.text}, ensure_ascii=False) + "\n")
    return path


def _interrupt(tmp_path, sig, expected_code, word):
    src = _slow_corpus(tmp_path)
    out = tmp_path / "report.json"
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", "check", str(src), "--format", "json", "--output", str(out)],
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    time.sleep(4)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == expected_code
    assert f"figcheck: {word}; no report was written" in err
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".figcheck-")]


def test_sigterm_leaves_no_half_written_report(tmp_path):
    _interrupt(tmp_path, signal.SIGTERM, 143, "terminated")


def test_ctrl_c_leaves_no_half_written_report(tmp_path):
    _interrupt(tmp_path, signal.SIGINT, 130, "interrupted")


def test_debug_prints_the_traceback_of_an_internal_error(tmp_path, monkeypatch):
    bad = tmp_path / "bad.txt"
    bad.write_text("BOOM 12 vụ.", encoding="utf-8")

    def broken(self, text, *args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(FigureReader, "read", broken)
    monkeypatch.delenv("FIGCHECK_DEBUG", raising=False)
    quiet = CliRunner().invoke(main, ["check", str(bad), "--jobs", "1"])
    assert quiet.exit_code == 3 and "Traceback" not in quiet.stderr
    loud = CliRunner().invoke(main, ["check", str(bad), "--debug", "--jobs", "1"])
    assert loud.exit_code == 3 and "Traceback" in loud.stderr and "simulated bug" in loud.stderr
