"""Reports are kept byte for byte: the JSON of a fixed set of articles against golden files.

The golden files under ``tests/golden/`` were written by the code as it was before the checking path
was made faster (issue 13), so these tests prove that the faster engine reports every byte the same:

- ``articles.json`` freezes what the reader made of the inputs (generated articles of
  ``figcheck.synthesis.articles`` and the hand-written ones in ``golden/inputs/``), so
  ``test_check_reports_are_unchanged`` tests the checking stage alone, whatever the reader does later;
- ``report_cli.json`` is the whole ``figcheck check --format json`` report of the same inputs (reading
  included): when reading is meant to change, regenerate it and review the difference.

Regenerate (only on purpose, and say why in the commit)::

    PYTHONPATH=src python tests/test_report_golden.py articles   # re-read the inputs (reader changed)
    PYTHONPATH=src python tests/test_report_golden.py reports    # re-check the frozen articles
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
INPUTS = GOLDEN / "inputs"
GENERATED = INPUTS / "generated.jsonl"
ROOT = GOLDEN.parent.parent


# -- the inputs ----------------------------------------------------------------------------------------

def write_generated_inputs() -> None:
    """A fixed corpus of generated articles, half of them with one deliberate violation."""
    from figcheck.synthesis.articles import generate_corpus

    with GENERATED.open("w", encoding="utf-8") as fh:
        for k, g in enumerate(generate_corpus(40, seed=13, violation_rate=0.5)):
            fh.write(json.dumps({"id": f"gen-{k:03d}", "text": g.text}, ensure_ascii=False) + "\n")


def input_paths() -> list[str]:
    """Relative to the repository root, so the reports name the same sources wherever it is checked out."""
    examples = sorted((ROOT / "examples").glob("*.txt")) + [ROOT / "examples" / "ban-tin.jsonl"]
    return [str(p.relative_to(ROOT)) for p in [*sorted(INPUTS.glob("*.txt")), *examples, GENERATED]]


# -- frozen articles -------------------------------------------------------------------------------------

def _make(cls, d: dict, **override):
    """``cls(**d)`` with the fields ``cls`` has today: a field the models gained later takes its default."""
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in {**d, **override}.items() if k in names})


def _article_from_dict(d: dict):
    from figcheck.models import Article, Figure, InputError, Item, Relation, Sentence, SetAside

    return _make(Article, d,
                 error=_make(InputError, d["error"]) if d["error"] is not None else None,
                 title_span=tuple(d["title_span"]) if d["title_span"] is not None else None,
                 sentences=[_make(Sentence, s) for s in d["sentences"]],
                 set_aside=[_make(SetAside, s) for s in d["set_aside"]],
                 figures=[_make(Figure, f) for f in d["figures"]],
                 relations=[_make(Relation, r, items=[_make(Item, i) for i in r["items"]]) for r in d["relations"]])


def read_inputs() -> list:
    import figcheck

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return list(figcheck.read(input_paths()))
    finally:
        os.chdir(cwd)


def write_articles() -> None:
    articles = [dataclasses.asdict(a) for a in read_inputs()]
    (GOLDEN / "articles.json").write_text(json.dumps(articles, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")


def frozen_articles() -> list:
    return [_article_from_dict(d) for d in json.loads((GOLDEN / "articles.json").read_text(encoding="utf-8"))]


# -- reports ---------------------------------------------------------------------------------------------

def check_report(articles: list, batch: int) -> str:
    """The JSON report ``figcheck check --format json`` writes for these articles, checked in batches."""
    from figcheck.reports.json_report import JsonReportWriter
    from figcheck.rules.loader import load_ruleset
    from figcheck.validators.pipeline import Summary, check_stream

    out = io.StringIO()
    writer, summary = JsonReportWriter(out), Summary()
    for result in check_stream(articles, load_ruleset([], language="vi"), "vi", batch=batch):
        summary.add(result)
        writer.write(result.to_dict())
    writer.close(summary.to_dict())
    return out.getvalue()


def cli_report() -> bytes:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    run = subprocess.run([sys.executable, "-m", "figcheck", "check", "--format", "json", "--jobs", "1",
                          "--fail-on", "never", *input_paths()], cwd=ROOT, env=env, capture_output=True)
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout


def write_reports() -> None:
    (GOLDEN / "report_check.json").write_text(check_report(frozen_articles(), batch=1024), encoding="utf-8")
    (GOLDEN / "report_cli.json").write_bytes(cli_report())


# -- the tests -------------------------------------------------------------------------------------------

def test_golden_inputs_cover_every_kind_of_finding():
    """The fixed set is worth comparing: it has errors, warnings and infos of many rules."""
    report = json.loads((GOLDEN / "report_check.json").read_text(encoding="utf-8"))
    assert report["summary"]["articles"] >= 40
    assert all(report["summary"]["anomalies"][s] > 0 for s in ("error", "warning", "info"))
    assert len(report["summary"]["by_rule"]) >= 8


def test_check_reports_are_unchanged():
    """Checking the frozen articles in one batch gives the golden report, byte for byte."""
    expected = (GOLDEN / "report_check.json").read_text(encoding="utf-8")
    assert check_report(frozen_articles(), batch=1024) == expected


def test_check_reports_do_not_depend_on_batches():
    """Article by article or in odd batches, the same bytes: an article is checked on its own evidence."""
    expected = (GOLDEN / "report_check.json").read_text(encoding="utf-8")
    articles = frozen_articles()
    assert check_report(articles, batch=1) == expected
    assert check_report(articles, batch=7) == expected


def test_command_line_report_is_unchanged():
    """``figcheck check --format json`` on the inputs (reading included) writes the golden bytes."""
    assert cli_report() == (GOLDEN / "report_cli.json").read_bytes()


if __name__ == "__main__":
    what = sys.argv[1:] or ["reports"]
    if "inputs" in what:
        write_generated_inputs()
    if "articles" in what or "inputs" in what:
        write_articles()
    write_reports()
