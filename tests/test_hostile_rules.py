"""Rule files cannot run code: escape tricks, unsafe YAML, size and depth bounds — each a clear error."""

import pytest

from figcheck.rules.loader import RuleFileError, load_pack_chain

HEADER = "name: evil\nversion: 1\nlanguage: vi\nextends: [antq]\nrules:\n  - id: evil.rule\n    severity: error\n"

ESCAPES = [
    "__import__('os').system('id')", "().__class__.__bases__[0].__subclasses__()", "tips.total.__class__",
    "sum.__globals__", "open('/etc/passwd')", "eval('1')", "exec('import os')", "lambda: 0", "[x for x in tips]",
    "tips.total[0]", "tips.total if tips.valuable else 0", "getattr(tips, 'total')", "{'a': 1}", "f'{tips.total}'",
    "tips.total; import os", "import os", "os.system('id')", "__builtins__", "globals()", "tips.__dict__",
    "tips.total ** 2 > 1", "~tips.total > 0", "tips.total << 2 > 0", "b'x' == b'x'", "'{0}'.format(tips.total)",
    "(x := 1) > 0", "tips.total @ tips.valuable", "breakpoint()", "compile('1', 'x', 'eval')", "vars()",
    "tips.total.__add__(1) > 0", "\\x5f_import__('os')",
]


@pytest.mark.parametrize("expression", ESCAPES)
def test_escape_tricks_are_refused(tmp_path, expression):
    p = tmp_path / "evil.yaml"
    p.write_text(HEADER + "    assert: " + repr(expression).replace("\\\\", "\\") + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(str(p))
    assert err.value.location is None or err.value.location.file == str(p)


def test_there_are_at_least_twenty_tricks():
    assert len(ESCAPES) >= 20


@pytest.mark.parametrize("tagged", ["!!python/object/apply:os.system ['id']", "!!python/name:os.system",
                                    "!!python/object/new:subprocess.Popen [['id']]", "!!binary aGVsbG8=",
                                    "!custom thing"])
def test_unsafe_yaml_tags_are_refused(tmp_path, tagged):
    p = tmp_path / "tags.yaml"
    p.write_text(HEADER + f"    assert: tips.valuable <= tips.total\n    description: {tagged}\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(str(p))
    assert "tag" in err.value.message and err.value.location.line == 9


def test_expressions_are_bounded_in_length_and_depth(tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text(HEADER + "    assert: " + "(" * 60 + "tips.total" + ")" * 60 + " >= 0\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(str(deep))
    assert "nested deeper" in err.value.message
    long = tmp_path / "long.yaml"
    long.write_text(HEADER + "    assert: tips.total >= " + " + ".join(["1"] * 1500) + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(str(long))
    assert "longer than" in err.value.message


def test_rule_files_are_bounded_in_size(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text(HEADER + "    assert: tips.valuable <= tips.total\n" + "# padding\n" * 200_000, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack_chain(str(big))
    assert "limit" in err.value.message and err.value.location.file == str(big)
