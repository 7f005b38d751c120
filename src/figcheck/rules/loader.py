"""Loading rule packs from YAML, safely, with every error naming the file, line and column.

The YAML is *composed* with PyYAML's safe loader and converted by hand: only plain mappings,
sequences and scalars are accepted, so tags such as ``!!python/object`` are rejected, and the number of
nodes built is bounded, so aliases cannot explode memory. Expressions are parsed by
:mod:`figcheck.rules.expr`, never evaluated by Python.
"""

from __future__ import annotations

import os
import re
import stat
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from figcheck.rules import expr as rexpr
from figcheck.rules.model import SCOPES, SEVERITIES, TABLES, Location, Metric, Pack, Rule, RuleSet

MAX_PACK_BYTES = 1024 * 1024
MAX_NODES = 50_000
MAX_CHARS = 4 * MAX_PACK_BYTES  # characters of all scalars after alias expansion: aliases cannot copy a string into GBs
MAX_DEPTH = 64  # nesting of mappings and sequences
MAX_EXTENDS = 16  # packs one pack extends
MAX_CHAIN = 32  # packs loaded for one run, bases included
MAX_RULES = 1000  # rules of one pack
MAX_METRICS = 500  # metrics of one pack
MAX_PHRASES = 200  # nouns, and context phrases, of one metric
MAX_SCALAR = 10_000  # characters of one id, name, expression, message or description
RULE_ID = re.compile(r"[a-z0-9_.-]+\Z")  # safe in HTML, Markdown, XML, file names and GX column names
BUILTIN_CHECKS = {"share_granularity": "share", "share_of_whole_granularity": "share",
                  "measure_share_consistency": "share", "measure_share_of_whole": "share",
                  "share_of_any_whole_granularity": "share",
                  "change_consistency": "change", "share_parts_sum": "breakdown",
                  "pooled_share": "share", "range_count": "range",
                  "change_times_consistency": "change", "multiple_of_earlier": "change", "parts_change_consistency": "parts_change",
                  "whole_number": "figure", "headline_digits_swapped": "headline"}
TABLE_RULE_FIELDS = {"tolerance", "group_by", "children", "parent", "order_by", "partition_by", "files", "sections",
                     "reference"}
DEFAULT_PACKS = {"vi": ["core", "antq"]}
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
               "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
               "tag:yaml.org,2002:seq"}


class RuleFileError(ValueError):
    """A rule file that cannot be used, with the place that is wrong."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class _Located(dict):
    """A mapping that remembers where each of its keys' values starts, and how it was quoted."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: dict[str, Location] = {}
        self.styles: dict[str, str | None] = {}
        self.indents: dict[str, int] = {}
        self.location: Location | None = None


# libyaml's parser for the packs figcheck ships (read on every run); the pure-Python one when libyaml is absent,
# and for every file a user names, whose hostile forms (nesting, errors worded for the user) it is tested on
_BUILTIN_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _convert(node: yaml.Node, file: str, budget: list[int], lines: list[str], depth: int = 0,
             constructor: yaml.constructor.SafeConstructor | None = None) -> Any:
    if constructor is None:
        constructor = yaml.constructor.SafeConstructor()
    budget[0] -= 1
    if budget[0] < 0:
        raise RuleFileError(f"more than {MAX_NODES} YAML nodes (alias expansion?)", _loc(node, file))
    if depth > MAX_DEPTH:
        raise RuleFileError(f"nested more than {MAX_DEPTH} levels deep", _loc(node, file))
    if node.tag not in _PLAIN_TAGS:
        raise RuleFileError(f"YAML tag {node.tag!r} is not allowed in a rule pack", _loc(node, file))
    if isinstance(node, yaml.MappingNode):
        out = _Located()
        out.location = _loc(node, file)
        for key_node, value_node in node.value:
            # keys are read as written: YAML 1.1 would make the key "on" a boolean
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                raise RuleFileError("mapping keys must be plain strings", _loc(key_node, file))
            key = str(key_node.value)
            if key in out:
                raise RuleFileError(f"duplicate key {key!r}", _loc(key_node, file))
            out[key] = _convert(value_node, file, budget, lines, depth + 1, constructor)
            out.marks[key] = _loc(value_node, file)
            style = getattr(value_node, "style", None) or None  # libyaml gives plain scalars '', PyYAML None
            out.styles[key] = style
            if style in ("|", ">"):
                nxt = value_node.start_mark.line + 1
                body = lines[nxt] if nxt < len(lines) else ""
                out.indents[key] = len(body) - len(body.lstrip(" "))
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, file, budget, lines, depth + 1, constructor) for v in node.value]
    budget[1] -= len(node.value)
    if budget[1] < 0:
        raise RuleFileError(f"more than {MAX_CHARS} characters in all (alias expansion?)", _loc(node, file))
    if len(node.value) > MAX_SCALAR:
        raise RuleFileError(f"a value of {len(node.value)} characters; the limit is {MAX_SCALAR}", _loc(node, file))
    try:
        return constructor.construct_object(node, deep=True)
    except ValueError as exc:  # an integer of more digits than Python converts, and the like
        raise RuleFileError(f"invalid value: {str(exc).split(';')[0]}", _loc(node, file)) from None


def _loc(node: yaml.Node, file: str) -> Location:
    return Location(file, node.start_mark.line + 1, node.start_mark.column + 1)


def parse_yaml(text: str, file: str) -> Any:
    try:
        root = yaml.compose(text, Loader=_BUILTIN_LOADER if file.startswith("<builtin>/") else yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(file, mark.line + 1, mark.column + 1) if mark else None
        raise RuleFileError(f"invalid YAML: {exc.problem or exc.context}", where) from None
    except yaml.YAMLError as exc:
        raise RuleFileError(f"invalid YAML: {exc}", Location(file, 1, 1)) from None
    except RecursionError:
        raise RuleFileError("invalid YAML: nested too deeply", Location(file, 1, 1)) from None
    if root is None:
        raise RuleFileError("empty rule file", Location(file, 1, 1))
    return _convert(root, file, [MAX_NODES, MAX_CHARS], text.splitlines(), 0, yaml.constructor.SafeConstructor())


# -- validation into the model -----------------------------------------------------------------


def _need(d: _Located, key: str, kind: type | tuple[type, ...], file: str, default: Any = ...) -> Any:
    if key not in d:
        if default is ...:
            raise RuleFileError(f"missing required field {key!r}", d.location)
        return default
    value = d[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise RuleFileError(f"field {key!r} must be {names}", d.marks.get(key))
    return value


def _expr_location(d: _Located, key: str, err: rexpr.ExpressionError) -> Location | None:
    """Where in the file an error inside the expression at ``d[key]`` is."""
    base = d.marks.get(key)
    if base is None:
        return None
    style = d.styles.get(key)
    if style in ("|", ">"):  # a block scalar: its text starts on the next line, indented
        return Location(base.file, base.line + err.line, d.indents.get(key, 0) + err.column)
    if err.line == 1:
        quote = 1 if style in ('"', "'") else 0
        return Location(base.file, base.line, base.column + quote + err.column - 1)
    return Location(base.file, base.line + err.line - 1, err.column)


def _parse_expr(d: _Located, key: str, known: set[str], what: str) -> tuple[str, rexpr.Node]:
    text = d[key]
    if not isinstance(text, str):
        raise RuleFileError(f"{key!r} must be an expression string", d.marks.get(key))
    try:
        node = rexpr.parse(text)
        rexpr.check_names(node, known, text, what)
    except rexpr.ExpressionError as err:
        raise RuleFileError(f"in {key!r}: {err.message}", _expr_location(d, key, err)) from None
    return text, node


def pack_from_data(data: Any, file: str) -> Pack:
    if not isinstance(data, _Located):
        raise RuleFileError("a rule pack is a mapping with name, version, language, description and rules",
                            Location(file, 1, 1))
    allowed = {"name", "version", "language", "description", "extends", "metrics", "columns", "rules", "$schema",
               "nulls"}
    if not allowed & set(data):  # not a pack at all: say so without quoting the file's content
        raise RuleFileError("not a rule pack: none of the fields name, version, language, rules", Location(file, 1, 1))
    for key in data:
        if key not in allowed:
            raise RuleFileError(f"unknown field {key!r} (known: {', '.join(sorted(allowed))})", data.marks[key])
    name = _need(data, "name", str, file)
    version = str(_need(data, "version", (str, int, float), file))
    if len(version) > 64:
        raise RuleFileError(f"'version' of {len(version)} characters; the limit is 64", data.marks.get("version"))
    language = _need(data, "language", str, file)
    description = _need(data, "description", str, file, "")
    extends = _need(data, "extends", list, file, [])
    for e in extends:
        if not isinstance(e, str):
            raise RuleFileError("'extends' lists pack names or files", data.marks.get("extends"))
    if len(extends) > MAX_EXTENDS:
        raise RuleFileError(f"'extends' lists {len(extends)} packs; the limit is {MAX_EXTENDS}", data.marks.get("extends"))
    metrics: dict[str, Metric] = {}
    raw_metrics = _need(data, "metrics", dict, file, {})
    if len(raw_metrics) > MAX_METRICS:
        raise RuleFileError(f"{len(raw_metrics)} metrics; the limit is {MAX_METRICS}", data.marks.get("metrics"))
    for mname, spec in raw_metrics.items():
        metrics[mname] = _metric_from_data(mname, spec, data["metrics"].marks[mname], file)
    columns = {str(k): str(v) for k, v in _need(data, "columns", dict, file, {}).items()}
    nulls = _need(data, "nulls", list, file, None)
    if nulls is not None and not all(isinstance(n, str) for n in nulls):
        raise RuleFileError("'nulls' lists the cell texts that mean no value, as strings (\"\", \"..\", \"NA\")",
                            data.marks.get("nulls"))
    pack = Pack(name=name, version=version, language=language, description=description, extends=list(extends),
                metrics=metrics, columns=columns, source=file,
                nulls=None if nulls is None else tuple(n.strip() for n in nulls))
    raw_rules = _need(data, "rules", list, file, [])
    if len(raw_rules) > MAX_RULES:
        raise RuleFileError(f"{len(raw_rules)} rules; the limit is {MAX_RULES}", data.marks.get("rules"))
    seen: set[str] = set()
    for raw in raw_rules:
        pack.rules.append(_rule_from_data(raw, pack, file, seen, where=data.marks.get("rules")))
    return pack


METRIC_FIELDS = {"nouns", "context", "not_context", "unit", "whole", "description", "type", "number_format", "decimals",
                 "required"}


def _metric_from_data(mname: str, spec: Any, mark: Location | None, file: str) -> Metric:
    if not isinstance(spec, _Located):
        raise RuleFileError(f"metric {mname!r} must be a mapping ('nouns' for articles, or only 'type', "
                            f"'number_format', 'decimals', 'required' for tables)", mark)
    for key in spec:
        if key not in METRIC_FIELDS:
            raise RuleFileError(f"unknown field {key!r} in metric {mname!r} (known: {', '.join(sorted(METRIC_FIELDS))})",
                                spec.marks[key])
    # a metric of tables alone needs no nouns: a pack's ``columns`` maps columns to it
    nouns = _need(spec, "nouns", list, file, [])
    context = _need(spec, "context", list, file, [])
    not_context = _need(spec, "not_context", list, file, [])
    if not all(isinstance(n, str) and n for n in nouns + context + not_context):
        raise RuleFileError(f"metric {mname!r}: nouns, context and not_context are lists of phrases", spec.location)
    for key, phrases in (("nouns", nouns), ("context", context), ("not_context", not_context)):
        if len(phrases) > MAX_PHRASES:
            raise RuleFileError(f"metric {mname!r}: {len(phrases)} {key}; the limit is {MAX_PHRASES}",
                                spec.marks.get(key))
    kind = _need(spec, "type", str, file, "number")
    if kind not in ("number", "text"):
        raise RuleFileError(f"metric {mname!r}: 'type' is number or text", spec.marks.get("type"))
    number_format = _need(spec, "number_format", str, file, None)
    if number_format not in (None, "vi", "en"):
        raise RuleFileError(f"metric {mname!r}: 'number_format' is vi (4.340,5) or en (4,340.5)",
                            spec.marks.get("number_format"))
    decimals = _need(spec, "decimals", int, file, None)
    if decimals is not None and not 0 <= decimals <= 12:
        raise RuleFileError(f"metric {mname!r}: 'decimals' is a whole number from 0 to 12", spec.marks.get("decimals"))
    return Metric(mname, tuple(n.lower() for n in nouns), tuple(c.lower() for c in context),
                  str(_need(spec, "unit", str, file, "count")), bool(_need(spec, "whole", bool, file, True)),
                  _need(spec, "description", str, file, ""), kind=kind, number_format=number_format,
                  decimals=decimals, required=bool(_need(spec, "required", bool, file, False)),
                  not_context=tuple(c.lower() for c in not_context))


def _rule_from_data(raw: Any, pack: Pack, file: str, seen: set[str], extra_metrics: dict[str, Metric] | None = None,
                    where: Location | None = None) -> Rule:
    if not isinstance(raw, _Located):  # ``rules: [1, 2]``: the place is the list's
        raise RuleFileError(f"each rule is a mapping with id, severity and assert or check, not {raw!r:.40}",
                            where or Location(file, 1, 1))
    allowed = {"id", "description", "severity", "message", "assert", "check", "on", "where", "scope"} | TABLE_RULE_FIELDS
    for key in raw:
        if key not in allowed:
            raise RuleFileError(f"unknown field {key!r} in a rule (known: {', '.join(sorted(allowed))})", raw.marks[key])
    rid = _need(raw, "id", str, file)
    if not RULE_ID.match(rid) or len(rid) > 200:
        raise RuleFileError(f"rule id {rid[:80]!r} may hold only a-z, 0-9, '_', '.' and '-' (at most 200)",
                            raw.marks["id"])
    if rid in seen:
        raise RuleFileError(f"duplicate rule id {rid!r}", raw.marks["id"])
    seen.add(rid)
    severity = _need(raw, "severity", str, file)
    if severity not in SEVERITIES:
        raise RuleFileError(f"severity must be one of {', '.join(SEVERITIES)}", raw.marks["severity"])
    on = _need(raw, "on", str, file, "record")
    if on not in TABLES:
        raise RuleFileError(f"'on' must be one of {', '.join(TABLES)}", raw.marks["on"])
    scope = _need(raw, "scope", str, file, "passage")
    if scope not in SCOPES:
        raise RuleFileError(f"'scope' must be one of {', '.join(SCOPES)}", raw.marks["scope"])
    table = TABLES[on]
    numbers = set(table["numbers"]) | set(table["lists"])
    if on == "record":
        numbers |= set(pack.metrics) | set(extra_metrics or {})
    elif any(k in raw for k in TABLE_RULE_FIELDS):
        key = next(k for k in raw if k in TABLE_RULE_FIELDS)
        raise RuleFileError(f"{key!r} is for rules on tables (on: record), not on {on!r}", raw.marks[key])
    rule_kw: dict[str, Any] = {}
    if ("assert" in raw) == ("check" in raw):
        raise RuleFileError(f"rule {rid!r} needs exactly one of 'assert' and 'check'", raw.location)
    if on == "record" and isinstance(raw.get("reference"), _Located) and isinstance(raw["reference"].get("values"), dict):
        numbers = numbers | {str(k) for k in raw["reference"]["values"]}  # names the reference row gives
    if "assert" in raw:
        text, node = _parse_expr(raw, "assert", numbers, "name")
        rule_kw.update(assert_text=text, assert_ast=node)
    else:
        check = _need(raw, "check", str, file)
        if check not in BUILTIN_CHECKS:
            raise RuleFileError(f"unknown check {check!r} (known: {', '.join(sorted(BUILTIN_CHECKS))})", raw.marks["check"])
        if BUILTIN_CHECKS[check] != on:
            raise RuleFileError(f"check {check!r} runs on {BUILTIN_CHECKS[check]!r}, not {on!r}", raw.marks.get("on") or raw.marks["check"])
        rule_kw["check"] = check
    if "where" in raw:
        text, node = _parse_expr(raw, "where", numbers | table["flags"], "name")
        rule_kw.update(where_text=text, where_ast=node)
    if on == "record":
        from figcheck.rules.table_rules import table_rule_fields

        rule_kw.update(table_rule_fields(raw, rid, {**(extra_metrics or {}), **pack.metrics}, rule_kw, numbers))
    return Rule(id=rid, description=_need(raw, "description", str, file, ""), severity=severity,
                message=_need(raw, "message", str, file, _need(raw, "description", str, file, rid)), on=on,
                scope=scope, pack=pack.name, location=raw.location, **rule_kw)


# -- finding and resolving packs ---------------------------------------------------------------------


def builtin_pack_names() -> list[str]:
    folder = resources.files("figcheck.rules").joinpath("packs")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _builtin_text(name: str) -> str:
    return resources.files("figcheck.rules").joinpath("packs", f"{name}.yaml").read_text(encoding="utf-8")


PACK_SUFFIXES = (".yaml", ".yml")


def read_pack(spec: str, base_dir: str | None = None) -> tuple[str, str]:
    """(file label, text) of a pack given by built-in name or path.

    A file must be a regular ``.yaml``/``.yml`` file of at most ``MAX_PACK_BYTES``: ``/dev/zero`` or
    ``/etc/shadow`` named in ``extends`` is refused before a byte is read, and no error quotes it.
    """
    if spec in builtin_pack_names():
        return f"<builtin>/{spec}.yaml", _builtin_text(spec)
    path = Path(base_dir, spec) if base_dir and not os.path.isabs(spec) else Path(spec)
    if not path.suffix.lower() in PACK_SUFFIXES:
        raise RuleFileError(f"no built-in pack or file named {spec!r}: a rule file's name ends in .yaml or .yml "
                            f"(built-in: {', '.join(builtin_pack_names())})")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise RuleFileError(f"no built-in pack or file named {spec!r} (built-in: {', '.join(builtin_pack_names())})") \
            from None
    except OSError as exc:
        raise RuleFileError(f"cannot read rule file: {exc.strerror or exc}", Location(str(path), 1, 1)) from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise RuleFileError("a rule file must be a regular file", Location(str(path), 1, 1))
        if st.st_size > MAX_PACK_BYTES:
            raise RuleFileError(f"rule file is {st.st_size} bytes; the limit is {MAX_PACK_BYTES}", Location(str(path), 1, 1))
        try:
            data = fh.read(MAX_PACK_BYTES + 1)
        except OSError as exc:
            raise RuleFileError(f"cannot read rule file: {exc.strerror or exc}", Location(str(path), 1, 1)) from None
    if len(data) > MAX_PACK_BYTES:
        raise RuleFileError(f"rule file is over {MAX_PACK_BYTES} bytes; the limit", Location(str(path), 1, 1))
    try:
        return str(path), data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleFileError(f"rule file is not UTF-8 (byte {exc.start + 1})", Location(str(path), 1, 1)) from None


def _identity(file: str) -> str:
    return file if file.startswith("<builtin>") else os.path.realpath(file)


def load_pack_chain(spec: str, base_dir: str | None = None, _stack: tuple[str, ...] = (),
                    _loaded: dict[str, list[Pack]] | None = None) -> list[Pack]:
    """The pack ``spec`` and everything it extends, bases first; each file is read once per call, and
    a pack that extends itself, however its path is spelled, is an error."""
    loaded = {} if _loaded is None else _loaded
    file, text = read_pack(spec, base_dir)
    key = _identity(file)
    names = tuple(_identity(f) for f in _stack)
    if key in names:
        raise RuleFileError(f"'extends' loops: {' → '.join(_stack + (file,))}")
    if key in loaded:
        return loaded[key]
    if len(loaded) >= MAX_CHAIN:
        raise RuleFileError(f"more than {MAX_CHAIN} packs in one chain of 'extends'", Location(file, 1, 1))
    data = parse_yaml(text, file)
    # metrics of the packs a pack extends are known to its rules: read the bases first
    bases: list[Pack] = []
    if isinstance(data, _Located):
        parents = data.get("extends", []) or []
        if isinstance(parents, list) and len(parents) > MAX_EXTENDS:
            raise RuleFileError(f"'extends' lists {len(parents)} packs; the limit is {MAX_EXTENDS}",
                                data.marks.get("extends"))
        for parent in dict.fromkeys(p for p in parents if isinstance(p, str)) if isinstance(parents, list) else ():
            for base in load_pack_chain(parent, os.path.dirname(file) if not file.startswith("<builtin>") else None,
                                        _stack + (file,), loaded):
                if all(base is not b for b in bases):
                    bases.append(base)
    inherited = {m: metric for b in bases for m, metric in b.metrics.items()}
    pack = _pack_with_inherited(data, file, inherited)
    _check_columns(pack, data, inherited)
    loaded[key] = bases + [pack]
    return loaded[key]


def _check_columns(pack: Pack, data: Any, inherited: dict[str, Metric]) -> None:
    """Every ``columns`` entry names a metric of the pack or of a pack it extends."""
    known = set(pack.metrics) | set(inherited)
    marks = data["columns"].marks if isinstance(data, _Located) and isinstance(data.get("columns"), _Located) else {}
    from figcheck.rules.table_rules import family_of

    families = [k[:-1] for k in known if k.endswith(".*")]
    for column, metric in pack.columns.items():
        if any(metric.startswith(f) and len(metric) > len(f) for f in families) and "{" not in metric:
            continue  # a member of a declared family, mapped by its exact column name
        if (family_of(metric) or metric) not in known:
            hint = ", ".join(sorted(known)[:80]) or "none: declare it under 'metrics'"
            raise RuleFileError(f"column {column!r} maps to {metric!r}, which is not a metric of this pack or of "
                                f"the packs it extends (known: {hint})", marks.get(column))


def _pack_with_inherited(data: Any, file: str, inherited: dict[str, Metric]) -> Pack:
    if not inherited:
        return pack_from_data(data, file)
    # re-validate rules with the inherited metric names in scope
    rules = data.get("rules", []) if isinstance(data, _Located) else []
    stripped = _Located()
    stripped.update({k: v for k, v in data.items() if k != "rules"})
    stripped.marks = data.marks
    stripped.location = data.location
    pack = pack_from_data(stripped, file)
    seen: set[str] = set()
    if not isinstance(rules, list):
        raise RuleFileError("field 'rules' must be list", data.marks.get("rules"))
    if len(rules) > MAX_RULES:
        raise RuleFileError(f"{len(rules)} rules; the limit is {MAX_RULES}", data.marks.get("rules"))
    for raw in rules:
        pack.rules.append(_rule_from_data(raw, pack, file, seen, inherited, where=data.marks.get("rules")))
    return pack


def load_ruleset(specs: list[str] | None = None, *, language: str = "vi", defaults: bool = True) -> RuleSet:
    """The packs in force: the language's defaults (core + antq for Vietnamese) plus ``specs``.

    A given pack whose name is that of a default pack replaces it, and a rule whose id is another
    pack's replaces that rule: both are recorded in ``RuleSet.replaced``, for the reports to say.
    """
    chain: list[Pack] = []
    given: list[Pack] = []
    loaded: dict[str, list[Pack]] = {}
    for spec in dict.fromkeys(specs or []):
        given += load_pack_chain(spec, _loaded=loaded)
    names_given = {p.name for p in given}
    replaced: list[dict[str, str]] = []
    if defaults:
        default_names = set()
        for name in DEFAULT_PACKS.get(language, ["core"]):
            default_names.add(name)
            if name not in names_given:
                chain += [p for p in load_pack_chain(name, _loaded=loaded) if p.name not in names_given]
        for p in given:
            if p.name in default_names and not p.source.startswith("<builtin>"):
                replaced.append({"pack": p.name, "replaces": f"the default pack {p.name}"})
    seen: set[str] = set()
    ordered = []
    for p in chain + given:
        key = p.source
        if key not in seen:
            seen.add(key)
            ordered.append(p)
    return RuleSet.merge(ordered, replaced)
