"""The pre-commit hooks: which files each takes (as pre-commit decides), and both run for real with
``pre-commit try-repo`` in a scratch git repository."""

import os
import re
import shutil
import subprocess
import sys

import yaml
from identify import identify

from conftest import EXAMPLES, ROOT

HOOKS = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def takes(hook: dict, path: str) -> bool:
    """pre-commit's own file selection: files and exclude are searched, types_or needs one tag in common."""
    tags = identify.tags_from_filename(path) | {"file"}
    if not re.search(hook.get("files", ""), path) or re.search(hook.get("exclude", "^$"), path):
        return False
    if hook.get("types_or") and not set(hook["types_or"]) & tags:
        return False
    return set(hook.get("types", ["file"])) <= tags


def test_the_article_hook_takes_articles_only():
    hook = HOOKS["figcheck"]
    for path in ("articles/huyen-dong-son.txt", "bai-viet/ban-nhap.md", "tin.TXT".lower()):
        assert takes(hook, path), path
    for path in ("requirements.txt", "requirements-dev.txt", "CHANGELOG.md", "docs/README.md", "LICENSE.txt",
                 "CONTRIBUTING.md", ".github/PULL_REQUEST_TEMPLATE.md", "data/ban-tin.jsonl", "data/x.csv"):
        assert not takes(hook, path), path


def test_datasets_go_to_the_table_hook():
    hook = HOOKS["figcheck-table"]
    for path in ("data/tinh.csv", "data/tinh.tsv", "data/tinh.parquet", "data/tinh.xlsx", "data/tinh.jsonl"):
        assert takes(hook, path), path
    for path in ("articles/a.txt", "README.md", "requirements.txt"):
        assert not takes(hook, path), path
    assert "--strict" in hook["entry"]  # a table with no recognised column fails


def test_hooks_run_for_real_with_pre_commit_try_repo(tmp_path):
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    (repo / "data").mkdir()
    shutil.copy(EXAMPLES / "huyen-dong-son-2023.txt", repo / "articles")
    shutil.copy(EXAMPLES / "xa-tan-lap-6-thang-2024.txt", repo / "articles")
    (repo / "requirements.txt").write_text("click>=8\npandas==2.1\n", encoding="utf-8")
    (repo / "CHANGELOG.md").write_text("# Changes\n\n## 1.2.0\n- 12 of 10 tests fixed\n", encoding="utf-8")
    (repo / "data" / "tips.jsonl").write_text('{"tips.total": 10, "tips.valuable": 12}\n', encoding="utf-8")
    (repo / "data" / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the hook's own environment runs it
    env.update(PRE_COMMIT_HOME=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org", COLUMNS="200")
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q", "."], cwd=repo, check=True, env=env)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run([*git, "commit", "-qm", "scratch"], cwd=repo, check=True, env=env)

    # both hooks in one run (one environment to install); pre-commit prints each hook's output in turn
    run = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files", "--verbose"],
                         cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 1, run.stdout + run.stderr
    out = run.stdout
    articles, tables = out[out.index("- hook id: figcheck\n"):out.index("- hook id: figcheck-table")], \
        out[out.index("- hook id: figcheck-table"):]
    assert "exit code: 1" in articles
    assert "articles/huyen-dong-son-2023.txt" in articles and "core.share.granularity" in articles
    assert "articles/xa-tan-lap-6-thang-2024.txt" in articles
    assert "CHANGELOG" not in articles and "requirements" not in articles and "data/" not in articles
    assert "exit code: 2" in tables  # a table with no recognised column is an input error
    assert "data/other.csv: no column maps to a metric" in tables
    assert "antq.tips.valuable-within-tips" in tables and "articles/" not in tables
