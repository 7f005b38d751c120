"""Configuration: ``[tool.figcheck]`` in ``pyproject.toml``, or a ``figcheck.toml``, found upward from the inputs.

As ruff does, the search starts at the directory of the first input (the working directory for
standard input) and goes up to the filesystem root; the first directory with a ``figcheck.toml``
(whose keys may be at the top level or under ``[tool.figcheck]``) or a ``pyproject.toml`` with a
``[tool.figcheck]`` table wins. ``--config FILE`` names one; ``--isolated`` ignores them all. Options
given on the command line override the file.

.. code-block:: toml

    [tool.figcheck]
    rules = ["packs/columns.yaml"]      # packs added (files relative to this file) or built-in names
    no-default-rules = false
    fail-on = "warning"
    format = "console"
    select = ["core.*", "antq.*"]       # rule-id globs; a prefix "core.share" is "core.share.*"
    ignore = ["core.headline.*"]
    [tool.figcheck.per-path-ignores]
    "drafts/*" = ["core.share.granularity"]
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KEYS = {"rules": list, "no-default-rules": bool, "fail-on": str, "format": str, "select": list, "ignore": list,
        "per-path-ignores": dict}


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> str | None:
        return None if self.path is None else str(self.path.parent)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def rule_packs(self) -> list[str]:
        """The ``rules`` entries, files made relative to the configuration's directory."""
        out = []
        for r in self.values.get("rules", []):
            if self.path is not None and (r.endswith((".yaml", ".yml")) or "/" in r or os.sep in r):
                r = str((self.path.parent / r)) if not os.path.isabs(r) else r
            out.append(r)
        return out

    def per_path_ignores(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((glob, tuple(rules)) for glob, rules in self.values.get("per-path-ignores", {}).items())


def _table(path: Path) -> dict[str, Any] | None:
    try:
        with open(path, "rb") as fh:
            doc = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    tool = doc.get("tool", {}).get("figcheck") if isinstance(doc.get("tool"), dict) else None
    if path.name == "pyproject.toml":
        return tool
    if tool is not None:
        return tool
    return doc


def _validate(path: Path, values: dict[str, Any]) -> dict[str, Any]:
    where = f"{path}" + (" [tool.figcheck]" if path.name == "pyproject.toml" else "")
    for key, value in values.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(KEYS)})")
        if not isinstance(value, KEYS[key]):
            raise ConfigError(f"{where}: {key!r} must be a {KEYS[key].__name__}, not {type(value).__name__}")
        if KEYS[key] is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key!r} must be a list of strings")
    for glob, rules in values.get("per-path-ignores", {}).items():
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ConfigError(f"{where}: per-path-ignores {glob!r} must be a list of rule ids or globs")
    return values


def load_config(path: str | Path) -> Config:
    path = Path(path)
    values = _table(path)
    if values is None:
        raise ConfigError(f"{path}: no [tool.figcheck] table")
    return Config(path, _validate(path, values))


def find_config(inputs: list[str]) -> Config:
    """The configuration for a run over ``inputs``: the nearest one upward from the first input."""
    first = next((p for p in inputs if p != "-"), None)
    start = Path(first).resolve() if first else Path.cwd()
    if not start.is_dir():
        start = start.parent
    for directory in (start, *start.parents):
        candidate = directory / "figcheck.toml"
        if candidate.is_file():
            return load_config(candidate)
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            values = _table(candidate)
            if values is not None:
                return Config(candidate, _validate(candidate, values))
    return Config()
