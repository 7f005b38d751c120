"""The language and pack files: a key written twice in one mapping would silently hide the first one's words."""

from pathlib import Path

import pytest
import yaml

FILES = sorted((Path(__file__).resolve().parent.parent / "src" / "figcheck").rglob("*.yaml"))


class _NoDuplicateKeys(yaml.SafeLoader):
    pass


def _mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise AssertionError(f"{key!r} at line {key_node.start_mark.line + 1} repeats line {seen[key]}")
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_NoDuplicateKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_key_is_written_twice(path):
    yaml.load(path.read_text(encoding="utf-8"), Loader=_NoDuplicateKeys)


def test_the_check_finds_a_repeated_key():
    with pytest.raises(AssertionError, match="repeats line 2"):
        yaml.load("cues:\n  a: [1]\n  b: [2]\n  a: [3]\n", Loader=_NoDuplicateKeys)
