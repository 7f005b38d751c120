"""The console report as a terminal shows it: the progress bar never glued into the report, colour and
width as rich detects them (NO_COLOR, FORCE_COLOR, COLUMNS, TERM=dumb), a missing title said once."""

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios

import pyte
from click.testing import CliRunner
from rich.cells import cell_len

from conftest import EXAMPLES
from figcheck.cli import main

BROKEN = str(EXAMPLES / "huyen-dong-son-2023.txt")
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-7]|38;[25];[0-9;]+|9[0-7])m")


def in_terminal(args: list[str], env: dict[str, str] | None = None, cols: int = 100,
                rows: int = 400) -> tuple[str, int]:
    """Run figcheck with stdout and stderr on one pseudo-terminal; its raw output and exit code."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    full_env.update({"TERM": "xterm-256color", **(env or {})})
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", *args], stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=slave, env=full_env, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            raise AssertionError("figcheck hung in the terminal")
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return b"".join(chunks).decode("utf-8", errors="replace"), proc.wait()


def screen_of(raw: str, cols: int = 100, rows: int = 400) -> list[str]:
    screen = pyte.Screen(cols, rows)
    stream = pyte.Stream(screen)
    stream.feed(raw.replace("\n", "\r\n"))  # the pty's own newline translation is off in the emulator
    return [line.rstrip() for line in screen.display]


def test_progress_bar_is_not_glued_into_the_report():
    raw, code = in_terminal(["check", str(EXAMPLES), "--jobs", "1"])
    assert code == 1
    assert "checking" in raw  # the bar was drawn (several inputs, stderr a terminal)…
    shown = screen_of(raw)
    # …and is gone at the end; every article header starts its own line
    assert not [line for line in shown if "checking" in line]
    headers = [line for line in shown if "●" in line]
    assert len(headers) == 6 and all(line.startswith("● ") for line in headers)
    assert any("figcheck summary" in line for line in shown)


def test_one_input_never_gets_a_progress_bar():
    raw, code = in_terminal(["check", BROKEN])
    assert code == 1 and "checking" not in raw and "core.share.granularity" in raw


def test_a_line_format_on_the_terminal_is_not_drawn_through():
    raw, code = in_terminal(["check", str(EXAMPLES), "--jobs", "1", "--format", "concise"], cols=300)
    assert code == 1 and "checking" not in raw
    lines = [line for line in screen_of(raw, cols=300) if line]
    assert len(lines) == 7 and all(re.match(r"\S+:\d+:\d+: error ", line) for line in lines)


def test_colour_on_a_terminal_unless_no_color_or_dumb():
    raw, _ = in_terminal(["check", BROKEN])
    assert COLOUR.search(raw)
    for env in ({"NO_COLOR": "1"}, {"TERM": "dumb"}):
        raw, _ = in_terminal(["check", BROKEN], env=env)
        assert not COLOUR.search(raw), env
        assert "core.share.granularity" in raw


def test_terminal_width_is_the_terminal_s():
    raw, _ = in_terminal(["check", BROKEN], cols=72)
    shown = [line for line in screen_of(raw, cols=200) if line]
    assert max(cell_len(line) for line in shown) == 72


def test_piped_output_follows_columns_and_force_color():
    narrow = CliRunner().invoke(main, ["check", BROKEN], env={"COLUMNS": "60"}).stdout
    assert max(cell_len(line) for line in narrow.splitlines()) <= 60
    assert "\x1b[" not in narrow and "«412»" in narrow
    wide = CliRunner().invoke(main, ["check", BROKEN], env={"COLUMNS": "150"}).stdout
    assert max(cell_len(line) for line in wide.splitlines()) > 80
    forced = CliRunner().invoke(main, ["check", BROKEN], env={"FORCE_COLOR": "1", "COLUMNS": "100"}).stdout
    assert COLOUR.search(forced)


def test_an_article_without_headline_says_no_title_once(tmp_path):
    draft = tmp_path / "nhap.txt"
    draft.write_text("năm 2023 toàn xã có 10 nguồn tin, trong đó 12 tin có giá trị.", encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(draft)], env={"COLUMNS": "200"}).stdout
    header = out.splitlines()[:2]
    assert header[0] == "● (no title)"
    assert "\n".join(header).count(str(tmp_path / "nhap")) == 1
