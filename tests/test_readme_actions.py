"""The README's GitHub Actions example works as written from a checkout, and uploads SARIF even when
the findings fail the job (the job's steps are run here as Actions would run them)."""

import os
import re
import shutil
import subprocess

import yaml

from conftest import ROOT, assert_valid_sarif


def actions_example() -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- ci: actions example -->\n```yaml\n(.*?)```", readme, flags=re.S)
    assert block, "the README's Actions example is marked with <!-- ci: actions example -->"
    return yaml.safe_load(block.group(1))


def test_actions_example_installs_from_the_checkout_and_always_uploads_sarif(tmp_path):
    (job,) = actions_example()["jobs"].values()
    steps = job["steps"]
    assert job["permissions"]["security-events"] == "write"  # upload-sarif needs it
    runs = [s["run"] for s in steps if "run" in s]
    assert "pip install ." in runs and not [r for r in runs if re.search(r"pip install figcheck\b", r)]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    # run the job's steps on a copy of the checkout as Actions does: after a failing step, only
    # steps marked if: always() run
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "examples", checkout / "examples")
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    failed = False
    outcomes = []
    for step in steps:
        if failed and step.get("if") != "always()":
            outcomes.append("skipped")
            continue
        if "run" not in step:
            outcomes.append("uses")
            continue
        if step["run"] == "pip install .":  # figcheck is installed here already (this test runs it)
            outcomes.append("installed")
            continue
        code = subprocess.run(step["run"], shell=True, cwd=checkout, env=env, capture_output=True).returncode
        outcomes.append(code)
        failed = failed or code != 0
    assert 1 in outcomes  # the examples' deliberate inconsistencies fail the job…
    assert outcomes[steps.index(upload)] == "uses"  # …and the upload still runs
    sarif = checkout / upload["with"]["sarif_file"]
    assert_valid_sarif(sarif.read_text(encoding="utf-8"))
    assert "core.share.granularity" in (tmp_path / "summary.md").read_text(encoding="utf-8")
