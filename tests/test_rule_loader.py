"""Rule packs: the built-in packs, the loader's safety, and errors that name file, line and column."""

import json
from importlib import resources

import pytest

from figcheck.rules.loader import RuleFileError, builtin_pack_names, load_pack_chain, load_ruleset

GOOD = """\
name: mine
version: 1
language: vi
description: test pack
extends: [antq]
metrics:
  fines.count: {nouns: [quyết định xử phạt]}
rules:
  - id: mine.tips
    description: valuable tips at most 95% of tips
    severity: warning
    assert: tips.valuable <= tips.total * 0.95
"""


def write(tmp_path, text, name="pack.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_builtin_packs_load_and_default_set():
    assert {"core", "antq"} <= set(builtin_pack_names())
    rs = load_ruleset()
    assert [p.name for p in rs.packs] == ["core", "antq"]
    ids = {r.id for r in rs.rules}
    assert "core.share.granularity" in ids and "antq.tips.valuable-within-tips" in ids
    assert "tips.valuable" in rs.metrics


def test_a_user_pack_extends_and_adds(tmp_path):
    rs = load_ruleset([write(tmp_path, GOOD)])
    assert [p.name for p in rs.packs] == ["core", "antq", "mine"]
    assert "mine.tips" in {r.id for r in rs.rules} and "fines.count" in rs.metrics


def test_a_pack_named_like_a_default_replaces_it(tmp_path):
    text = "name: antq\nversion: 2\nlanguage: vi\nmetrics: {}\nrules: []\n"
    rs = load_ruleset([write(tmp_path, text)])
    assert [p.name for p in rs.packs] == ["core", "antq"]
    assert not any(r.id.startswith("antq.") for r in rs.rules)


def test_no_default_rules(tmp_path):
    rs = load_ruleset([write(tmp_path, GOOD.replace("extends: [antq]\n", "").replace("tips.valuable <= tips.total * 0.95", "fines.count >= 0"))],
                      defaults=False)
    assert [p.name for p in rs.packs] == ["mine"]


@pytest.mark.parametrize("replace,message,line,column", [
    (("tips.total * 0.95", "tips.totl"), "unknown name 'tips.totl'", 12, 30),
    (("severity: warning", "severity: fatal"), "severity must be one of", 11, 15),
    (("assert: tips", "asert: tips"), "unknown field 'asert'", 12, 12),
    (("    assert: tips.valuable <= tips.total * 0.95\n", "    check: grim\n"), "unknown check 'grim'", 12, 12),
    (("version: 1\n", ""), "missing required field 'version'", 1, 1),
    (("  - id: mine.tips", "  - id: mine.tips\n    on: sentence"), "'on' must be one of", 10, 9),
    (("tips.valuable <= tips.total * 0.95", "max(tips.valuable"), "expected ')'", 12, 30),
])
def test_errors_name_file_line_and_column(tmp_path, replace, message, line, column):
    path = write(tmp_path, GOOD.replace(*replace))
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(path)
    assert message in err.value.message
    loc = err.value.location
    assert loc.file == path and (loc.line, loc.column) == (line, column), str(err.value)


def test_block_scalar_expression_error_points_into_the_block(tmp_path):
    text = GOOD.replace("    assert: tips.valuable <= tips.total * 0.95\n",
                        "    assert: |\n      tips.valuable <=\n        tips.totl\n")
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(write(tmp_path, text))
    assert (err.value.location.line, err.value.location.column) == (14, 9)


def test_python_tags_are_refused(tmp_path):
    text = GOOD + "  - !!python/object/apply:os.system ['echo pwned']\n"
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(write(tmp_path, text))
    assert "tag" in err.value.message and err.value.location.line == 13


def test_alias_explosion_is_bounded(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    text = "\n".join(lines) + "\nname: boom\nversion: 1\nlanguage: vi\n"
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(write(tmp_path, text))
    assert "YAML nodes" in err.value.message


def test_extends_loop_is_an_error(tmp_path):
    write(tmp_path, "name: a\nversion: 1\nlanguage: vi\nextends: [b.yaml]\n", "a.yaml")
    write(tmp_path, "name: b\nversion: 1\nlanguage: vi\nextends: [a.yaml]\n", "b.yaml")
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(str(tmp_path / "a.yaml"))
    assert "loops" in err.value.message


def test_missing_pack():
    with pytest.raises(RuleFileError) as err:
        load_ruleset(["no-such-pack"])
    assert "no built-in pack or file named 'no-such-pack'" in str(err.value)


def test_json_schema_ships_and_describes_rules():
    schema = json.loads(resources.files("figcheck.rules").joinpath("pack.schema.json").read_text(encoding="utf-8"))
    assert schema["required"] == ["name", "version", "language"]
    assert set(schema["properties"]["rules"]["items"]["properties"]["severity"]["enum"]) == {"error", "warning", "info"}


def test_builtin_packs_satisfy_the_json_schema_shape():
    schema = json.loads(resources.files("figcheck.rules").joinpath("pack.schema.json").read_text(encoding="utf-8"))
    allowed = set(schema["properties"])
    rule_fields = set(schema["properties"]["rules"]["items"]["properties"])
    import yaml

    for name in builtin_pack_names():
        data = yaml.safe_load(resources.files("figcheck.rules").joinpath("packs", f"{name}.yaml").read_text(encoding="utf-8"))
        assert set(data) <= allowed
        for rule in data["rules"]:
            assert set(rule) <= rule_fields or set(rule) - rule_fields == {True}  # YAML 1.1 reads 'on' as True


def _located_tree(value):
    """A parsed pack with where each value starts and how it was written, for comparing two parsers."""
    from figcheck.rules.loader import _Located

    if isinstance(value, _Located):
        return ("map", value.location, {k: (_located_tree(v), value.marks[k], value.styles[k], value.indents.get(k))
                                        for k, v in value.items()})
    if isinstance(value, list):
        return ("seq", [_located_tree(v) for v in value])
    return (type(value).__name__, value)


def test_libyaml_reads_the_builtin_packs_and_lexicons_as_pyyaml_does(monkeypatch):
    """The shipped packs and language files are parsed with libyaml (issue 13: start-up time); what
    they hold — values, types, the line and column of every value, block styles — is what PyYAML's
    own parser gives, so every rule, message location and lexicon word is unchanged."""
    import yaml

    from figcheck import languages
    from figcheck.rules import loader
    from figcheck.rules.loader import parse_yaml

    assert yaml.__with_libyaml__ and loader._BUILTIN_LOADER is yaml.CSafeLoader  # what the wheels ship
    for name in builtin_pack_names():
        text = resources.files("figcheck.rules").joinpath("packs", f"{name}.yaml").read_text(encoding="utf-8")
        fast = _located_tree(parse_yaml(text, f"<builtin>/{name}.yaml"))
        monkeypatch.setattr(loader, "_BUILTIN_LOADER", yaml.SafeLoader)
        assert fast == _located_tree(parse_yaml(text, f"<builtin>/{name}.yaml")), name
        monkeypatch.undo()
    for code in languages.available_languages():
        text = resources.files("figcheck.languages").joinpath(f"{code}.yaml").read_text(encoding="utf-8")
        assert yaml.load(text, Loader=languages.SAFE_LOADER) == yaml.safe_load(text), code
    text = resources.files("figcheck.languages").joinpath("vi_encodings.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=languages.SAFE_LOADER) == yaml.safe_load(text)


def test_a_users_pack_is_parsed_by_pyyaml(tmp_path, monkeypatch):
    """A file the user names is read with PyYAML's parser, whose errors and limits the hostile-pack tests
    hold; libyaml reads only what figcheck ships."""
    import yaml

    from figcheck.rules import loader

    seen = []
    real = yaml.compose
    monkeypatch.setattr(yaml, "compose", lambda text, Loader: seen.append(Loader) or real(text, Loader=Loader))
    load_pack_chain(write(tmp_path, GOOD))
    assert seen[0] is yaml.SafeLoader and loader._BUILTIN_LOADER in seen[1:]


def test_a_metric_leaves_out_figures_after_its_not_context_words(tmp_path):
    import figcheck
    from figcheck.validators.tables import MetricMatcher

    text = GOOD.replace("fines.count: {nouns: [quyết định xử phạt]}",
                        "fines.count: {nouns: [quyết định xử phạt], not_context: [dự kiến]}")
    rs = load_ruleset([write(tmp_path, text)], defaults=False)
    assert rs.metrics["fines.count"].not_context == ("dự kiến",)
    matcher = MetricMatcher(rs.metrics)
    figures = figcheck.extract("Năm nay ban hành 35 quyết định xử phạt, dự kiến 20 quyết định xử phạt.").figures
    # "dự kiến 20 quyết định xử phạt" is a plan: no count of the metric
    assert [matcher.metric_of(f) for f in figures] == ["fines.count", None]
    bad = text.replace("not_context: [dự kiến]", "not_context: dự kiến")
    with pytest.raises(RuleFileError):
        load_pack_chain(write(tmp_path, bad, "bad.yaml"))
