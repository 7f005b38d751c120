"""The fast checking path (issue 13): no pandas or pandera for articles, tables as pandas would hold them,
and checking time linear in the length of an article."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.validators.tables import ColumnTable

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "pandera", "pyspark", "polars", "great_expectations")


def _imports_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return set(run.stdout.split())


def test_checking_an_article_imports_no_dataframe_library():
    """A draft is read, checked and reported as JSON without pandas, pandera or Spark: they cost more
    to import than the whole check."""
    modules = _imports_after(
        "from click.testing import CliRunner\n"
        "from figcheck.cli import main\n"
        "r = CliRunner().invoke(main, ['check', 'examples/quan-hai-yen-6-thang-2024.txt', '--format', 'json',"
        " '--jobs', '1'])\n"
        "assert r.exit_code == 1 and '\"core.breakdown.parts-sum-to-total\"' in r.output, r.output")
    assert not modules & set(HEAVY), modules & set(HEAVY)


def test_help_imports_no_numeric_library():
    modules = _imports_after(
        "from click.testing import CliRunner\nfrom figcheck.cli import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0")
    assert not modules & {"numpy", *HEAVY, "rich", "yaml"}


def test_help_imports_no_command_module():
    """``figcheck --help`` lists the commands without importing them (issue 13: --help within 0.1 s)."""
    modules = _imports_after(
        "from click.testing import CliRunner\nfrom figcheck.cli import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0")
    from figcheck.cli import COMMANDS

    loaded = {f"figcheck.cli.{module}" for module, _, _ in COMMANDS.values()} & modules
    assert not loaded, loaded
    assert "figcheck.models" not in modules


def test_help_lists_every_command_with_its_own_summary():
    """The group's listing, written down so that no command is imported for it, is the one click would word
    from the commands themselves, at any terminal width, and names exactly the commands there are."""
    import click
    from click.testing import CliRunner

    from figcheck.cli import COMMANDS, load_command, main

    eager = click.Group("figcheck", help=main.help, params=main.params,
                        context_settings={"help_option_names": ["-h", "--help"]})
    for name, (_, _, first_paragraph) in COMMANDS.items():
        command = load_command(name)
        assert command.name == name and not command.hidden and command.short_help is None
        assert command.help.split("\n\n")[0].replace("\n", " ") == first_paragraph, name
        eager.add_command(command)
    for width in (50, 80, 200):
        lazy = main.get_help(click.Context(main, info_name="figcheck", terminal_width=width))
        assert lazy == eager.get_help(click.Context(eager, info_name="figcheck", terminal_width=width))
    assert "serve        A local page where an editor pastes a draft" in \
        CliRunner().invoke(main, ["--help"], terminal_width=80).output
    result = CliRunner().invoke(main, ["nothing"])
    assert result.exit_code == 2 and "No such command 'nothing'" in result.output


# -- tables hold what a DataFrame of the same rows would -------------------------------------------------

_values = st.one_of(st.none(), st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=True, width=32),
                    st.booleans(), st.sampled_from(["f1", "count", "increase"]), st.just(["f1", "f2"]))
_rows = st.lists(st.dictionaries(st.sampled_from(["a", "b.lo", "b.id", "c", "d"]), _values, max_size=5),
                 min_size=1, max_size=6)


def _same(x, y) -> bool:
    if isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y):
        return True
    return type(x) is type(y) and x == y


@settings(max_examples=200, deadline=None)
@given(_rows)
def test_column_table_holds_the_values_pandas_would(rows):
    """Column order, gaps (a missing key is NaN, a number column with None is float) and every value's
    type as ``DataFrame(rows).to_dict("records")`` gives them: the rules see the same data as before."""
    pd = pytest.importorskip("pandas")
    rows = [r for r in rows if r] or [{"a": 1}]
    expected = pd.DataFrame(rows)
    table = ColumnTable.from_rows(rows)
    assert list(table.columns) == list(expected.columns)
    assert len(table) == len(expected)
    for got, want in zip(table.records(), expected.to_dict("records")):
        assert all(_same(got[k], want[k]) for k in want), (got, want)
    for name in expected.columns:
        if expected[name].dtype.kind == "f":
            assert _same_arrays(table[name].to_numpy(dtype=float), expected[name].to_numpy(dtype=float))


def _same_arrays(a, b) -> bool:
    return len(a) == len(b) and all(_same(float(x), float(y)) for x, y in zip(a, b))


def test_column_arrays_are_fresh_copies():
    """An evaluator that changes an array in place cannot change what the next rule reads."""
    table = ColumnTable.from_rows([{"x.lo": 1.0}, {"x.lo": None}])
    first = table["x.lo"].to_numpy(dtype=float)
    first[0] = 99.0
    assert table["x.lo"].to_numpy(dtype=float)[0] == 1.0


# -- linear in the length of an article ----------------------------------------------------------------

def _long_article(size: int) -> str:
    from figcheck.synthesis.articles import generate_corpus

    parts, total, seed = ["Tổng kết năm\n"], 0, 0
    while total < size:
        for g in generate_corpus(20, seed=seed):
            body = g.text.split("\n", 1)[1]
            parts.append(body)
            total += len(body)
        seed += 1
    return "".join(parts)


def test_checking_time_is_linear_in_the_length_of_an_article():
    """Eight times the text takes about eight times the CPU to check, not 64 (a loop over every figure
    for every passage made it quadratic: 41× from 64 KB to 512 KB)."""
    import figcheck
    from figcheck.rules.loader import load_ruleset
    from figcheck.validators.engine import CheckEngine

    engine = CheckEngine(load_ruleset([], language="vi"), "vi")
    small, large = figcheck.extract(_long_article(64_000)), figcheck.extract(_long_article(512_000))
    assert len(large.sentences) > 7 * len(small.sentences)

    def cpu(article) -> float:
        best = math.inf
        for _ in range(3):
            start = time.process_time()
            engine.check([article])
            best = min(best, time.process_time() - start)
        return best

    ratio = cpu(large) / cpu(small)
    assert ratio < 20, f"8× the text took {ratio:.1f}× the CPU to check"
