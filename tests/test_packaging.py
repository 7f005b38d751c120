"""Packaging: the wheel carries the templates, py.typed and the license; the sdist the examples; an
editor's install has no pyarrow, and Parquet without it is an input error that says what to install."""

import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser

from conftest import ROOT


def test_pyarrow_is_an_extra_included_in_test():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if d.startswith("pyarrow")]
    extras = project["optional-dependencies"]
    assert any(d.startswith("pyarrow") for d in extras["parquet"])
    assert any(d.startswith("pyarrow") for d in extras["test"]) and any(d.startswith("pyarrow") for d in extras["spark"])
    assert project["license"] == "MIT" and not [c for c in project["classifiers"] if c.startswith("License ::")]


def test_wheel_and_sdist_contents(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(tmp_path), str(ROOT)], check=True,
                   capture_output=True, timeout=600)
    (wheel,) = tmp_path.glob("*.whl")
    (sdist,) = tmp_path.glob("*.tar.gz")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("figcheck/py.typed", "figcheck/reports/templates/report.html.j2",
                   "figcheck/reports/templates/filters.js", "figcheck/rules/packs/core.yaml"):
        assert needed in names, needed
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    meta = Parser().parsestr(zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode())
    assert meta["License-Expression"] == "MIT"
    requires = meta.get_all("Requires-Dist")
    assert any(r.startswith("jinja2") for r in requires)
    assert not [r for r in requires if r.startswith("pyarrow") and "extra ==" not in r]
    members = tarfile.open(sdist).getnames()
    assert any(m.endswith("/examples/huyen-dong-son-2023.txt") for m in members)
    assert any(m.endswith("/CHANGELOG.md") for m in members) and any(m.endswith("/LICENSE") for m in members)


def test_parquet_without_pyarrow_is_an_input_error_naming_the_extra(tmp_path):
    import pandas as pd

    path = tmp_path / "t.parquet"
    pd.DataFrame({"tips.total": [10], "tips.valuable": [12]}).to_parquet(path)
    code = ("import sys; sys.modules['pyarrow'] = None; sys.modules['fastparquet'] = None\n"
            "from figcheck.cli import main\n"
            f"main(['check-table', {str(path)!r}])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2
    assert "pip install 'figcheck[parquet]'" in result.stderr and f"input error: {path}" in result.stderr
