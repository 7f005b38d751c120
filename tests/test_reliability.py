"""Reliability: one bad input never costs a report, nothing hangs, nothing is overwritten, nothing is injected.

Each test builds its hostile inputs in a temporary directory and runs figcheck as a user does (a
separate process, so what reaches the terminal is what a user sees), then checks: every input appears
in the report, the exit code is the documented one, no traceback is printed, and the output directory
holds the report and nothing else.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck.cli import main

CLEAN = "Năm 2023, tỉnh ghi nhận 120 vụ cháy, trong đó 30 vụ tại nhà dân.\n"
TIMEOUT = 120


def _env(extra=None):
    """This process's environment, with PYTHONPATH made absolute so that a run in another directory
    imports the same figcheck."""
    env = {**os.environ, **(extra or {})}
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in env["PYTHONPATH"].split(os.pathsep) if p)
    return env


def figcheck(*args, cwd=None, env=None, stdin=None, timeout=TIMEOUT):
    return subprocess.run([sys.executable, "-m", "figcheck", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=_env(env), stdin=stdin, timeout=timeout)


def remove_tree(top: Path) -> None:
    """Remove a tree of any depth (shutil.rmtree, and so pytest's clean-up, recurse once per level)."""
    stack, dirs = [str(top)], []
    while stack:
        d = stack.pop()
        dirs.append(d)
        with os.scandir(d) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                else:
                    os.unlink(e.path)
    for d in reversed(dirs):
        os.rmdir(d)


class Ran:
    """A CliRunner result in the shape of a finished process (returncode, stdout, stderr)."""

    def __init__(self, result) -> None:
        self.returncode, self.stdout, self.stderr = result.exit_code, result.stdout, result.stderr
        # an exception other than the exit is what a user would see as a traceback
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            import traceback

            self.stderr += "Traceback\n" + "".join(traceback.format_exception(result.exception))


def run(*args, env=None):
    """figcheck in this process (fast); what :func:`figcheck` checks in a separate one."""
    return Ran(CliRunner().invoke(main, [str(a) for a in args], env=env))


def assert_clean_stderr(result):
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout


def only_the_report(directory: Path, name: str = "report"):
    assert sorted(os.listdir(directory)) == [name]


# -- hostile article inputs ---------------------------------------------------------------------------


@pytest.fixture
def hostile(tmp_path):
    src, names = hostile_articles(tmp_path)
    yield src, names
    remove_tree(src / "deep")


def hostile_articles(tmp_path: Path) -> tuple[Path, list[str]]:
    """A directory of hostile inputs and the source name each must appear under in the report."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "clean.txt").write_text(CLEAN, encoding="utf-8")
    records = [
        '{"id": "surrogate-text", "text": "x \\ud800 y"}',
        '{"id": "\\udfff", "text": "Có 5 vụ."}',
        '{"id": "surrogate-title", "title": "\\ud83d", "text": "Có 5 vụ."}',
        '{"id": "huge-int", "text": "Có 5 vụ.", "n": ' + "7" * 5000 + "}",
        '{"a": ' * 100_000 + "1" + "}" * 100_000,
        json.dumps({"id": "inf-number", "text": "Có một " + "tỷ " * 35 + "đồng."}, ensure_ascii=False),
        json.dumps({"id": "fine", "text": CLEAN}, ensure_ascii=False),
    ]
    (d / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (d / "empty.jsonl").write_bytes(b"")
    (d / "blank.jsonl").write_bytes(b"\n   \n\t\n")
    (d / "bom.jsonl").write_bytes(b"\xef\xbb\xbf")
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf\n")
    os.mkfifo(d / "fifo.txt")  # no writer: reading it would block forever
    with open(os.path.join(os.fsencode(d), b"caf\xe9.txt"), "w", encoding="utf-8") as fh:
        fh.write(CLEAN)  # a Latin-1 file name: not UTF-8
    deep = d / "deep"
    deep.mkdir()
    fd = os.open(deep, os.O_RDONLY)
    try:  # 1 000 levels, made relative to a directory descriptor so no path gets long while building
        for _ in range(1000):
            os.mkdir("x", dir_fd=fd)
            nxt = os.open("x", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        with open(os.open("bottom.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w", encoding="utf-8") as fh:
            fh.write(CLEAN)
    finally:
        os.close(fd)
    names = ["clean.txt", "records.jsonl", "empty.jsonl", "blank.jsonl", "bom.jsonl", "bom.txt", "fifo.txt",
             "caf\\xe9.txt", "bottom.txt"]
    return d, names


def test_check_reports_every_hostile_input_in_every_format(tmp_path, hostile):
    src, names = hostile
    reports = {}
    for fmt in ("json", "jsonl", "console", "junit", "sarif", "github"):
        out = tmp_path / f"out-{fmt}"
        out.mkdir()
        runner = figcheck if fmt == "json" else run  # one run as a separate process: what the terminal shows
        result = runner("check", src, "--format", fmt, "--jobs", "1", "--output", out / "report")
        assert result.returncode == 2, (fmt, result.stderr)  # input errors, everything else checked
        assert_clean_stderr(result)
        only_the_report(out)
        reports[fmt] = (out / "report").read_text(encoding="utf-8")
        for name in set(names) - {"clean.txt", "bottom.txt"}:
            assert f"{name}" in result.stderr, (fmt, name)  # every input error is said on the terminal
        if fmt in ("json", "jsonl", "console", "junit"):
            for name in names:
                assert (json.dumps(name)[1:-1] if fmt.startswith("json") else name) in reports[fmt], (fmt, name)
    doc = json.loads(reports["json"])
    errors = {a["line"]: a["error"] for a in doc["articles"] if a["source"].endswith("records.jsonl")}
    assert "lone surrogate \\ud800" in errors[1] and "line 1" in errors[1]
    assert "field 'id'" in errors[2] and "field 'title'" in errors[3]
    assert "4300 digits" in errors[4] and "nested too deeply" in errors[5]
    assert "number too large" in errors[6] and "line 6" in errors[6] and errors[7] is None
    by_source = {Path(a["source"]).name: a for a in doc["articles"]}
    assert "empty file" in by_source["empty.jsonl"]["error"] and "empty file" in by_source["blank.jsonl"]["error"]
    assert "empty file" in by_source["bom.jsonl"]["error"] and "empty file" in by_source["bom.txt"]["error"]
    assert "FIFO" in by_source["fifo.txt"]["error"] and "UTF-8" in by_source["caf\\xe9.txt"]["error"]
    assert by_source["bottom.txt"]["error"] is None and by_source["clean.txt"]["error"] is None
    assert doc["summary"]["input_errors"] == 12 and doc["summary"]["articles"] == 15
    lines = [json.loads(x) for x in reports["jsonl"].splitlines()]
    assert [x.get("id") for x in lines[:-1]] == [a["id"] for a in doc["articles"]]
    ET.fromstring(reports["junit"])  # well-formed
    json.loads(reports["sarif"])
    # the same report with worker processes
    out = tmp_path / "out-jobs"
    out.mkdir()
    result = run("check", src, "--format", "json", "--jobs", "2", "--output", out / "report")
    assert result.returncode == 2 and (out / "report").read_text(encoding="utf-8") == reports["json"]
    only_the_report(out)


def test_extract_reports_every_hostile_input(tmp_path, hostile):
    src, names = hostile
    for fmt in ("json", "table"):
        out = tmp_path / f"out-{fmt}"
        out.mkdir()
        result = (figcheck if fmt == "json" else run)("extract", src, "--format", fmt, "--output", out / "report")
        assert result.returncode == 2, result.stderr
        assert_clean_stderr(result)
        only_the_report(out)
        text = (out / "report").read_text(encoding="utf-8")
        if fmt == "table":
            text = text.replace("\n", "")  # the 1 000-level path is folded over lines
        for name in names:
            assert (json.dumps(name)[1:-1] if fmt == "json" else name) in text, (fmt, name)


def test_an_unreadable_subdirectory_is_reported(tmp_path, monkeypatch):
    """Root reads every directory, so the refusal is simulated where the walk asks the system."""
    import figcheck
    from figcheck.reading import sources

    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(CLEAN, encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(sources.os, "scandir", scandir)
    arts = list(figcheck.read([str(tmp_path)]))
    assert [Path(a.source).name for a in arts] == ["locked", "ok.txt"]
    assert "cannot read directory: Permission denied" in str(arts[0].error)


def test_non_regular_inputs_never_block_or_fill_memory(tmp_path, monkeypatch):
    import io

    import figcheck
    from figcheck.reading import sources

    fifo = tmp_path / "named.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    arts = list(figcheck.read([str(fifo), "/dev/zero", str(tmp_path / "zero-link.txt")]))
    assert time.monotonic() - started < 10
    assert "empty file" in str(arts[0].error)  # a FIFO named on the command line is read: no writer, no text
    assert "not a regular file: a character device" in str(arts[1].error)
    assert "no such file" in str(arts[2].error)
    (tmp_path / "zero-link.txt").symlink_to("/dev/zero")
    (art,) = figcheck.read([str(tmp_path / "zero-link.txt")])
    assert "character device" in str(art.error)
    monkeypatch.setattr(sources, "MAX_INPUT_BYTES", 1000)
    (src,) = sources.iter_sources(["-"], stdin=io.BytesIO(b"y\n" * 10_000))
    assert "standard input too large" in str(src.error)


def test_a_fifo_fed_by_a_writer_is_read(tmp_path):
    """``figcheck check <(command)``: a pipe on the command line is an input like a file."""
    import figcheck

    fifo = tmp_path / "piped.txt"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(CLEAN)

    writer = threading.Thread(target=feed)
    writer.start()
    time.sleep(0.2)
    (art,) = figcheck.read([str(fifo)])
    writer.join(10)
    assert art.error is None and 120 in [f.value for f in art.figures]


# -- check-table ----------------------------------------------------------------------------------------


def hostile_tables(tmp_path: Path) -> tuple[Path, list[str]]:
    import pandas as pd

    d = tmp_path / "tables"
    d.mkdir()
    (d / "nan.csv").write_text("id;tips.total;tips.valuable\na;5;NaN\nb;5;nan\nc;inf;3\nd;Infinity;1\ne;1e999;1\n",
                               encoding="utf-8")
    (d / "good.csv").write_text("id,tips.total,tips.valuable\na,10,8\n", encoding="utf-8")
    pd.DataFrame({"id": ["a", "b"], "tips.total": [[1, 2], [3]], "tips.valuable": [{"x": 1}, {"x": 2}]}) \
        .to_parquet(d / "nested.parquet")
    (d / "empty.csv").write_bytes(b"")
    os.mkfifo(d / "fifo.csv")
    with open(os.path.join(os.fsencode(d), b"b\xe0d.csv"), "w", encoding="utf-8") as fh:
        fh.write("tips.total\n1\n")
    names = ["nan.csv", "good.csv", "nested.parquet", "empty.csv", "fifo.csv", "b\\xe0d.csv", "/dev/zero"]
    paths = [str(d / n) for n in names[:5]] + [os.fsdecode(os.path.join(os.fsencode(d), b"b\xe0d.csv")), "/dev/zero"]
    return paths, names


def test_check_table_reports_every_hostile_table_in_every_format(tmp_path):
    paths, names = hostile_tables(tmp_path)
    for fmt in ("json", "jsonl", "console", "junit", "sarif", "github"):
        out = tmp_path / f"out-{fmt}"
        out.mkdir()
        result = (figcheck if fmt == "json" else run)("check-table", *paths, "--format", fmt, "--jobs", "2",
                                                      "--output", out / "report")
        assert result.returncode == 2, (fmt, result.stderr)
        assert_clean_stderr(result)
        only_the_report(out)
        text = (out / "report").read_text(encoding="utf-8")
        if fmt in ("json", "jsonl", "console", "junit"):
            for name in names:
                assert (json.dumps(name)[1:-1] if fmt.startswith("json") else name) in text, (fmt, name)
        if fmt == "json":
            doc = json.loads(text)
            tables = {Path(t["source"]).name: t for t in doc["tables"]}
            assert sorted(c["text"] for c in tables["nan.csv"]["cell_errors"]) == sorted(
                ["NaN", "nan", "inf", "Infinity", "1e999"])
            assert {c["message"] for c in tables["nested.parquet"]["cell_errors"]} == {"a list or structure, not a number"}
            assert "FIFO" in tables["fifo.csv"]["error"] and "character device" in tables["zero"]["error"]
            assert "UTF-8" in tables["b\\xe0d.csv"]["error"] and tables["good.csv"]["error"] is None
            assert doc["summary"]["tables"] == 7 and doc["summary"]["input_errors"] == 4
        if fmt == "junit":
            ET.fromstring(text)


def test_max_cell_errors_lists_some_and_counts_all(tmp_path):
    csv = tmp_path / "garbage.csv"
    csv.write_text("tips.total,tips.valuable\n" + "".join(f"x{i},1\n" for i in range(50)), encoding="utf-8")
    result = run("check-table", csv, "--format", "json", "--max-cell-errors", "10")
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    (table,) = doc["tables"]
    assert len(table["cell_errors"]) == 10 and table["cell_errors_omitted"] == 40
    assert doc["summary"]["cell_errors"] == 50 and doc["summary"]["anomalies"]["error"] == 50


# -- usage errors before any work ----------------------------------------------------------------------


@pytest.mark.parametrize("command", [["check", "{txt}"], ["check", "{txt}", "--jobs", "3"], ["extract", "{txt}"],
                                     ["check-table", "{csv}"]])
def test_an_unknown_language_is_a_usage_error(tmp_path, command):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "a.csv").write_text("tips.total\n1\n", encoding="utf-8")
    args = [a.format(txt=tmp_path / "a.txt", csv=tmp_path / "a.csv") for a in command]
    result = figcheck(*args, "--language", "en", timeout=60)
    assert result.returncode == 2 and "no lexicon for 'en'" in result.stderr
    assert_clean_stderr(result)


# -- worker processes ---------------------------------------------------------------------------------


def corpus(path: Path, n: int, boom: int | None = None) -> Path:
    from figcheck.synthesis.articles import generate_corpus

    with open(path, "w", encoding="utf-8") as fh:
        for i, g in enumerate(generate_corpus(n, seed=3, violation_rate=0.3)):
            fh.write(json.dumps({"id": "boom" if i == boom else f"a{i:05d}", "text": g.text}, ensure_ascii=False) + "\n")
    return path


def _dying_work(sources):
    from figcheck.validators.pipeline import _WORKER, _check_batch, _read_safely

    if any(s.id == "boom" for s in sources):
        os._exit(9)
    return _check_batch(_WORKER["engine"], [_read_safely(_WORKER["reader"], s) for s in sources])


def test_a_worker_that_dies_ends_the_run_with_exit_3_and_the_report_of_what_was_checked(tmp_path, monkeypatch):
    """As the OOM killer does: the worker holding article "boom" exits at once (fork inherits the patch)."""
    from figcheck.validators import pipeline

    # the dying batch is submitted only after the first ones were collected (at most 2 × jobs batches of 256
    # are in flight), so some results are whole before the pool breaks, however fast each batch runs
    src = corpus(tmp_path / "c.jsonl", 2000, boom=1900)
    monkeypatch.setattr(pipeline, "_work", _dying_work)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", str(src), "--jobs", "2", "--format", "json", "--output", str(out)])
    assert result.exit_code == 3, result.output
    assert "worker process ended unexpectedly" in result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    ids = [a["id"] for a in doc["articles"]]
    assert 0 < len(ids) < 2000 and ids == [f"a{i:05d}" for i in range(len(ids))]  # whole batches, in order
    assert "worker process ended unexpectedly" in doc["summary"]["stopped"]


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for_children(pid: int, n: int) -> list[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        kids = _children(pid)
        if len(kids) >= n:
            return kids
        time.sleep(0.05)
    raise AssertionError("no worker processes started")


def test_kill_9_of_a_worker_and_of_the_parent(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 4000)
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", "check", str(src), "--jobs", "2", "--format", "jsonl",
                             "--output", str(out / "report")], stderr=subprocess.PIPE, text=True, env=_env())
    kids = _wait_for_children(proc.pid, 2)
    os.kill(kids[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 3 and "worker process ended unexpectedly" in err and "Traceback" not in err
    only_the_report(out)
    last = json.loads((out / "report").read_text(encoding="utf-8").splitlines()[-1])
    assert "stopped" in last["summary"]
    # the parent killed: its workers leave too, and the next run removes the temporary file it left
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", "check", str(src), "--jobs", "2", "--format", "jsonl",
                             "--output", str(out / "report")], stderr=subprocess.PIPE, text=True, env=_env())
    kids = _wait_for_children(proc.pid, 2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(k) for k in kids):
        time.sleep(0.1)
    assert not [k for k in kids if _running(k)]  # orphans exit: none keeps a core or prints a traceback
    assert [n for n in os.listdir(out) if n.startswith(".figcheck-")]  # left by kill -9
    small = tmp_path / "small.txt"
    small.write_text(CLEAN, encoding="utf-8")
    result = figcheck("check", small, "--output", out / "report")
    assert result.returncode == 0
    only_the_report(out)


# -- outputs ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "extract", "check-table"])
def test_an_output_that_is_an_input_is_refused(tmp_path, command):
    name = "t.csv" if command == "check-table" else "a.jsonl"
    src = tmp_path / name
    text = "tips.total\n1\n" if command == "check-table" else json.dumps({"id": "a", "text": CLEAN}) + "\n"
    src.write_text(text, encoding="utf-8")
    fmt = [] if command == "extract" else ["--format", "jsonl"]
    for given, output in ((src, src), (tmp_path, src)):
        result = run(command, given, *fmt, "--output", output)
        assert result.returncode == 2 and "the report would overwrite it" in result.stderr
        assert src.read_text(encoding="utf-8") == text
        assert_clean_stderr(result)
        if command == "check-table":
            break  # tables are files, not directories


def test_outputs_keep_links_fifos_and_modes(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(CLEAN, encoding="utf-8")
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    assert run("check", src, "--format", "json", "-o", link).returncode == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["summary"]["articles"] == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # an existing file keeps its mode
    fresh = tmp_path / "fresh.json"
    code = (f"import os, sys; os.umask(0o022); sys.argv = ['figcheck', 'check', {str(src)!r}, '-o', {str(fresh)!r}]; "
            "from figcheck.cli import main; main()")
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=False, timeout=TIMEOUT, env=_env())
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # the umask's mode, not 0600
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    result = run("check", src, "--format", "json", "-o", fifo)
    reader.join(10)
    assert result.returncode == 0 and json.loads(got[0])["summary"]["articles"] == 1
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # written in place, not replaced by a regular file


@pytest.mark.parametrize("args", [["check", "{txt}"], ["extract", "{txt}"], ["check-table", "{csv}"],
                                  ["synth", "antq", "--rows", "3"], ["rules", "export-gx", "antq"]])
def test_output_errors_name_the_path_and_exit_2(tmp_path, args):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "a.csv").write_text("tips.total\n1\n", encoding="utf-8")
    args = [a.format(txt=tmp_path / "a.txt", csv=tmp_path / "a.csv") for a in args]
    missing = tmp_path / "no" / "such" / "dir" / "r.csv"
    for output, reason in ((missing, "No such file or directory"), ("/dev/full", "No space left on device")):
        result = run(*args, "--output", output)
        assert result.returncode == 2, (args, result.stderr)
        assert f"cannot write {output}: {reason}" in result.stderr
        assert_clean_stderr(result)


def test_an_unwritable_step_summary_is_an_output_error(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", tmp_path / "a.txt", "--format", "github",
                 env={"GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "summary.md")})
    assert result.returncode == 2 and "cannot write GITHUB_STEP_SUMMARY" in result.stderr
    assert_clean_stderr(result)


def test_stale_temporary_files_of_dead_runs_are_removed(tmp_path):
    from figcheck.reports.output import write_output

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".figcheck-{int(dead.stdout)}-abc.tmp"
    live = tmp_path / f".figcheck-{os.getppid()}-def.tmp"
    stale.write_text("x")
    live.write_text("x")
    write_output("report\n", str(tmp_path / "r.txt"))
    assert not stale.exists() and live.exists()


@pytest.mark.parametrize("command", [["check", "{txt}"], ["check-table", "{csv}"], ["synth", "antq", "--rows", "2",
                                     "-o", "{out}"], ["rules", "export-gx", "antq", "-o", "{out}"]])
@pytest.mark.parametrize("signal_", ["int", "term"])
def test_signals_while_packs_load_exit_130_and_143(tmp_path, monkeypatch, command, signal_):
    from figcheck.cli.common import Terminated
    from figcheck.rules import loader

    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "a.csv").write_text("tips.total\n1\n", encoding="utf-8")

    def interrupted(*a, **k):
        raise KeyboardInterrupt() if signal_ == "int" else Terminated()

    monkeypatch.setattr(loader, "load_ruleset", interrupted)
    args = [a.format(txt=tmp_path / "a.txt", csv=tmp_path / "a.csv", out=tmp_path / "o.csv") for a in command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == (130 if signal_ == "int" else 143)
    assert "Traceback" not in result.output and not (tmp_path / "o.csv").exists()


def test_signals_mid_run_exit_130_and_143_and_leave_no_file(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 3000)
    out = tmp_path / "out"
    out.mkdir()
    for sig, code in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
        proc = subprocess.Popen([sys.executable, "-m", "figcheck", "check", str(src), "--jobs", "2", "--format",
                                 "json", "--output", str(out / "report")], stderr=subprocess.PIPE, text=True, env=_env())
        _wait_for_children(proc.pid, 2)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=TIMEOUT)
        assert proc.returncode == code and "Traceback" not in err
        time.sleep(0.5)
        assert os.listdir(out) == []


# -- injection --------------------------------------------------------------------------------------------


PACK_HEAD = "name: x\nversion: 1\nlanguage: vi\nmetrics:\n  tips.total: {nouns: [tin]}\n  tips.valuable: {nouns: [tin có giá trị]}\n"


def test_rule_ids_are_restricted_in_the_loader_and_the_schema(tmp_path):
    import jsonschema

    from figcheck.rules.loader import RuleFileError, load_pack_chain

    p = tmp_path / "xss.yaml"
    p.write_text(PACK_HEAD + 'rules:\n  - id: "x.<script>alert(document.domain)</script>"\n    severity: error\n'
                 "    assert: tips.valuable <= tips.total\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(str(p))
    assert "may hold only a-z, 0-9" in err.value.message and err.value.location.line == 8
    schema = json.loads(CliRunner().invoke(main, ["rules", "schema"]).stdout)
    doc = {"name": "x", "version": "1", "language": "vi",
           "rules": [{"id": "x.<script>", "severity": "error", "assert": "1 <= 2"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)
    doc["rules"][0]["id"] = "x.fine-id_2"
    jsonschema.validate(doc, schema)


def test_names_given_to_great_expectations_carry_no_markup():
    from figcheck.rules.gx_export import gx_name

    assert gx_name("x.<script>alert(1)</script>") == "x._script_alert_1___script_"
    assert gx_name("tin có giá trị") == "tin có giá trị"  # Vietnamese column names stay readable


def test_synth_writes_formula_like_cells_as_text(tmp_path):
    import openpyxl
    import pandas as pd

    pack = tmp_path / "p.yaml"
    pack.write_text(PACK_HEAD + "rules:\n  - id: '-2-3'\n    severity: error\n    assert: tips.valuable <= tips.total\n",
                    encoding="utf-8")
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"s.{suffix}"
        result = run("synth", pack, "--rows", "4", "--violations", "2", "-o", out)
        assert result.returncode == 0, result.stderr
        if suffix == "csv":
            cells = pd.read_csv(out, dtype=str, keep_default_na=False)["expected_violation"].tolist()
            assert "'-2-3" in cells and "-2-3" not in cells
        else:
            sheet = openpyxl.load_workbook(out).active
            cells = [c for row in sheet.iter_rows() for c in row if c.value == "-2-3"]
            assert cells and all(c.data_type in ("s", "inlineStr") for c in cells)
    assert figcheck("synth", pack, "--rows", "2", "-o", "-", cwd=tmp_path).returncode == 2
    assert not (tmp_path / "-").exists()


def test_data_docs_with_a_relative_path_and_no_copy_in_the_temp_directory(tmp_path, monkeypatch):
    import tempfile

    examples = Path(__file__).resolve().parent.parent / "examples" / "datasets"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))  # the system's temporary directory, for this test
    result = run("check-table", examples / "antq-tinh-2023.csv", "--rules", examples / "antq-columns.yaml",
                 "--engine", "gx", "--data-docs", "docs", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert (tmp_path / "docs" / "index.html").exists()
    assert not list(tmp.rglob("index.html"))


# -- rule packs as an attack surface ----------------------------------------------------------------------


def _load_error(tmp_path, name, text):
    from figcheck.rules.loader import RuleFileError, load_ruleset

    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_ruleset([str(tmp_path / name)])
    return str(err.value)


def test_hostile_packs_are_rule_file_errors(tmp_path):
    head = "name: h\nversion: 1\nlanguage: vi\n"
    assert "characters in all" in _load_error(
        tmp_path, "alias.yaml", head + "description: &s " + "x" * 9000 + "\nrules: []\nmetrics:\n  m:\n    nouns:\n"
        + "".join("      - *s\n" for _ in range(600)))
    assert "nested too deeply" in _load_error(tmp_path, "deep.yaml", head + "rules: " + "[" * 600 + "]" * 600 + "\n")
    assert "4300 digits" in _load_error(tmp_path, "ver.yaml", "name: h\nversion: " + "9" * 5000 + "\nlanguage: vi\n")
    (tmp_path / "pk").mkdir()
    assert "'extends' loops" in _load_error(tmp_path, "pk/self.yaml", head + "extends: [../pk/self.yaml]\n")
    for target in ("/dev/zero", "/etc/shadow", "/etc/passwd"):
        message = _load_error(tmp_path, "ext.yaml", head + f"extends: [{target}]\n")
        assert "ends in .yaml or .yml" in message and "root:" not in message
    (tmp_path / "notapack.yaml").write_text("root: x:0:0\nsecret: y\n", encoding="utf-8")
    message = _load_error(tmp_path, "ext2.yaml", head + "extends: [notapack.yaml]\n")
    assert "not a rule pack" in message and "x:0:0" not in message and "secret" not in message
    os.mkfifo(tmp_path / "fifo.yaml")
    assert "regular file" in _load_error(tmp_path, "ext3.yaml", head + "extends: [fifo.yaml]\n")
    assert "the limit is 16" in _load_error(tmp_path, "many.yaml", head + "extends: [" + ", ".join(["core"] * 2000) + "]\n")
    phrases = ", ".join(f"p{i}" for i in range(201))
    assert "the limit is 200" in _load_error(tmp_path, "ctx.yaml", head + f"metrics:\n  m: {{nouns: [x], context: [{phrases}]}}\n")


def test_a_pack_that_replaces_core_or_a_rule_says_so(tmp_path):
    core = tmp_path / "core.yaml"
    core.write_text("name: core\nversion: 9\nlanguage: vi\nrules: []\n", encoding="utf-8")
    over = tmp_path / "over.yaml"
    over.write_text("name: mine\nversion: 1\nlanguage: vi\nrules:\n  - id: core.share.percent-range\n"
                    "    severity: info\n    on: figure\n    assert: 0 <= value <= 1000\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", tmp_path / "a.txt", "--rules", core, "--rules", over, "--format", "json")
    assert "pack core replaces the default pack core" in result.stderr
    assert "pack mine replaces rule core.share.percent-range of pack core" not in result.stderr  # core is gone
    packs = {p["name"]: p for p in json.loads(result.stdout)["packs"]}
    assert packs["core"]["replaces"] == ["the default pack core"]
    result = run("check", tmp_path / "a.txt", "--rules", over, "--format", "json")
    assert "pack mine replaces rule core.share.percent-range of pack core" in result.stderr
    packs = {p["name"]: p for p in json.loads(result.stdout)["packs"]}
    assert packs["mine"]["replaces"] == ["rule core.share.percent-range of pack core"] and packs["core"]["replaces"] == []


def test_rules_that_are_not_mappings_name_the_file_and_line(tmp_path):
    message = _load_error(tmp_path, "nums.yaml", "name: h\nversion: 1\nlanguage: vi\nrules: [1, 2]\n")
    assert message.startswith(f"{tmp_path / 'nums.yaml'}:4:") and "each rule is a mapping" in message


def test_a_forked_worker_drops_the_parents_signal_handlers_at_once(monkeypatch):
    """Between fork and the worker's initializer, SIGTERM must not raise the parent's ``Terminated``."""
    from figcheck.cli.common import install_signal_handlers
    from figcheck.validators.pipeline import WorkerPool

    previous = signal.getsignal(signal.SIGTERM)
    install_signal_handlers()
    try:
        with WorkerPool(1, int, ()):
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: report what it starts with, and leave
                os.write(w, b"dfl" if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL else b"parent")
                os._exit(0)
            os.close(w)
            os.waitpid(pid, 0)
            assert os.read(r, 10) == b"dfl"
            os.close(r)
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_json_lines_on_standard_input(tmp_path):
    lines = "".join(json.dumps({"id": f"s{i}", "text": CLEAN}, ensure_ascii=False) + "\n" for i in range(3))
    as_text = CliRunner().invoke(main, ["check", "-", "--format", "jsonl", "--jobs", "1"], input=lines)
    assert "looks like JSON Lines" in as_text.stderr and "--stdin-format jsonl" in as_text.stderr
    assert len(as_text.stdout.splitlines()) == 2  # one article and the summary: what was asked, said
    result = CliRunner().invoke(main, ["check", "-", "--stdin-format", "jsonl", "--format", "jsonl", "--jobs", "1"],
                                input=lines)
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert result.exit_code == 0 and [r.get("id") for r in records[:-1]] == ["s0", "s1", "s2"]
    assert "looks like" not in result.stderr
    empty = CliRunner().invoke(main, ["extract", "-", "--stdin-format", "jsonl"], input="\n\n")
    assert empty.exit_code == 2 and "empty file: no JSON Lines record" in empty.stderr


def test_table_line_numbers_after_multi_line_cells_and_blank_lines(tmp_path):
    csv = tmp_path / "ml.csv"
    csv.write_text('id,tips.total,tips.valuable\na,5,3\n\n"b\nspans lines",5,9\n\nc,1,x\n', encoding="utf-8")
    jsonl = tmp_path / "gaps.jsonl"
    jsonl.write_text('{"id": "a", "tips.total": 5, "tips.valuable": 3}\n\n\n{"id": "b", "tips.total": 5, '
                     '"tips.valuable": 9}\n', encoding="utf-8")
    doc = json.loads(run("check-table", csv, jsonl, "--id", "id", "--format", "json").stdout)
    first, second = doc["tables"]
    assert [(a["row"], a["line"]) for a in first["anomalies"]] == [("b\nspans lines", 4)]
    assert [(c["row"], c["line"]) for c in first["cell_errors"]] == [("c", 7)]
    assert [(a["row"], a["line"]) for a in second["anomalies"]] == [("b", 4)]


def test_the_gx_engine_keeps_rules_whose_assertions_are_the_same(tmp_path):
    pack = tmp_path / "twins.yaml"
    pack.write_text(PACK_HEAD + "rules:\n" + "".join(
        f"  - id: twins.r{i}\n    severity: error\n    assert: tips.valuable <= tips.total\n" for i in (1, 2)),
        encoding="utf-8")
    csv = tmp_path / "t.csv"
    csv.write_text("tips.total,tips.valuable\n10,12\n5,4\n", encoding="utf-8")
    found = {}
    for engine in ("pandas", "gx"):
        doc = json.loads(run("check-table", csv, "--rules", pack, "--no-default-rules", "--engine", engine,
                             "--format", "json").stdout)
        found[engine] = sorted((a["rule"], a["row"]) for a in doc["tables"][0]["anomalies"])
    assert found["gx"] == found["pandas"] == [("twins.r1", "1"), ("twins.r2", "1")]


def test_terminal_escapes_in_names_are_shown_not_run(tmp_path):
    """An OSC sequence in a file name would retitle the terminal; a CSI one would clear it."""
    d = tmp_path / "esc"
    d.mkdir()
    (d / "a\x1b]0;pwned\x07.txt").write_text(CLEAN, encoding="utf-8")
    (d / "b\x1b[2J.txt").write_bytes(b"")
    (tmp_path / "t\x1b[31m.csv").write_text("tips.total,tips.valuable\n1,x\n", encoding="utf-8")
    for args in (["check", d], ["extract", d, "--format", "table"], ["check-table", tmp_path / "t\x1b[31m.csv"]):
        result = run(*args)
        for stream in (result.stdout, result.stderr):
            assert "\x1b" not in stream and "\x07" not in stream
        assert "\\x1b" in result.stdout and "\\x1b" in (result.stderr if args[0] != "check-table" else result.stdout)


def test_an_unexpected_error_in_any_command_is_one_line_and_exit_3(tmp_path, monkeypatch):
    import figcheck as api
    from figcheck.datasets import table_input

    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "a.csv").write_text("tips.total\n1\n", encoding="utf-8")
    monkeypatch.delenv("FIGCHECK_DEBUG", raising=False)  # an earlier in-process `check --debug` sets it

    def broken(*a, **k):
        raise RuntimeError("a bug")

    monkeypatch.setattr(api, "read", broken)
    monkeypatch.setattr(table_input, "read_table", broken)
    for args in (["extract", tmp_path / "a.txt"], ["check-table", tmp_path / "a.csv", "--jobs", "1"]):
        result = run(*args)
        assert result.returncode == 3 and "internal error" in result.stderr and "RuntimeError: a bug" in result.stderr
        assert_clean_stderr(result)


def _no_setup() -> None:
    pass


@pytest.mark.parametrize("where", ["waiting", "submitting"])
def test_a_signal_inside_the_pool_machinery_is_raised_outside_it(where):
    """Ctrl-C while the parent waits on (or submits to) the worker pool is raised at figcheck's safe point,
    never inside concurrent.futures' locking: an exception there can leave a lock held, and the process
    then hangs at exit instead of ending with 130 (seen once in CI)."""
    import threading
    import traceback

    from figcheck.validators import pipeline

    with pytest.raises(KeyboardInterrupt) as caught:
        with pipeline.WorkerPool(1, _no_setup, ()) as pool:
            future = pool.submit(time.sleep, 3)
            threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
            if where == "waiting":
                pool.result(future)
            else:
                real_submit = pool.executor.submit

                def slow_submit(*a):  # a submit that takes a while, as a big batch being queued does
                    time.sleep(1)
                    return real_submit(*a)

                pool.executor.submit = slow_submit
                pool.submit(time.sleep, 0)
    innermost = traceback.extract_tb(caught.value.__traceback__)[-1]
    assert innermost.filename == pipeline.__file__ and innermost.name == "_act"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the handler given back


HALF_SENT_RESULT = """
import os, struct, sys, time
sys.path.insert(0, {tests!r})
from test_reliability import _no_setup
from figcheck.validators.pipeline import WorkerPool

try:
    with WorkerPool(1, _no_setup, ()) as pool:
        pool.result(pool.submit(time.sleep, 0))  # the workers and the executor's thread are running
        manager = pool.executor._executor_manager_thread
        # what a worker killed while sending a result leaves: the head of a message, not its body
        os.write(pool.executor._result_queue._writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
        time.sleep(0.5)  # the executor's thread now waits in recv for the other 990 bytes
        raise KeyboardInterrupt
except KeyboardInterrupt:
    manager.join(10)
    print("stopped", "alive" if manager.is_alive() else "ended")
"""


def test_a_result_half_sent_by_a_killed_worker_does_not_hang_the_exit(tmp_path):
    """The executor's thread waits forever for the rest of a result a terminated worker was sending, and
    the interpreter's exit waits for that thread (CI hung after 'terminated; no report was written')."""
    script = tmp_path / "half.py"
    script.write_text(HALF_SENT_RESULT.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, env=_env())
    assert proc.stdout.strip() == "stopped ended" and proc.returncode == 0, proc.stderr
