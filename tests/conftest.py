from __future__ import annotations

import functools
from pathlib import Path

import pytest

import figcheck

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


def figures_by_text(article):
    return {f.text: f for f in article.figures}


@pytest.fixture
def extract():
    return figcheck.extract


SCHEMAS = ROOT.parent / "shared" / "schemas"  # the OASIS SARIF schema and the Jenkins / JUnit 5 XSDs


@functools.lru_cache(maxsize=None)
def sarif_validator():
    import json

    import jsonschema

    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


@functools.lru_cache(maxsize=None)
def junit_schemas():
    import xmlschema

    return [xmlschema.XMLSchema(str(SCHEMAS / name)) for name in ("jenkins-junit-10.xsd", "junit5-jenkins-junit.xsd")]


def assert_valid_sarif(text: str) -> None:
    import json

    errors = sorted(sarif_validator().iter_errors(json.loads(text)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def assert_valid_junit(text: str) -> None:
    for schema in junit_schemas():
        schema.validate(text)


@pytest.fixture(autouse=True)
def _every_ci_report_is_valid(monkeypatch):
    """Every SARIF and JUnit document a test makes figcheck write is validated against the schemas."""
    from figcheck.reports import ci

    render_sarif, render_junit = ci.render_sarif, ci.render_junit

    def checked_sarif(*args, **kwargs):
        text = render_sarif(*args, **kwargs)
        assert_valid_sarif(text)
        return text

    def checked_junit(*args, **kwargs):
        text = render_junit(*args, **kwargs)
        assert_valid_junit(text)
        return text

    monkeypatch.setattr(ci, "render_sarif", checked_sarif)
    monkeypatch.setattr(ci, "render_junit", checked_junit)
