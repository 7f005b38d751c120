"""The rule-pack model: packs, metrics and rules, as plain data.

A rule is *checks as data*: an ``assert`` expression (parsed into figcheck's AST) or a named built-in
``check``, evaluated ``on`` one table — a kind of relation, the figures, or the per-passage metric
records — optionally filtered by ``where``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from figcheck.rules.expr import Node

SEVERITIES = ("error", "warning", "info")

# The tables a rule can run on, and the names its expressions may use there. Numeric names are
# figures (evaluated on their intervals); flags are exact values of the relation or figure.
TABLES: dict[str, dict[str, set[str]]] = {
    "figure": {"numbers": {"value"}, "lists": set(),
               "flags": {"unit", "role", "qualifier", "noun", "decimals", "spelled"}},
    "subset": {"numbers": {"whole", "part"}, "lists": set(), "flags": {"cue", "implied"}},
    # wholes: the two counts a share's noun fits when the text does not say which ("số vụ" of 14 vụ cháy, 1 vụ nổ)
    # pooled_parts, pooled_wholes: a lead percentage of several groups, each detailed after it (their sums)
    "share": {"numbers": {"part", "percent", "whole"}, "lists": {"wholes", "pooled_parts", "pooled_wholes"},
              "flags": {"cue"}},
    "fraction": {"numbers": {"part", "whole"}, "lists": set(), "flags": set()},
    # plan_of_total, plans_of_parts: (count, percentage of a plan) pairs, read as the plans they imply
    # one_whole: (count, percentage) pairs of one whole the text names but does not count
    "breakdown": {"numbers": {"total"}, "lists": {"parts", "other_parts", "plan_of_total", "plans_of_parts", "one_whole"},
                  "flags": {"exhaustive", "cue", "implied"}},
    "enumeration": {"numbers": {"count", "items"}, "lists": set(), "flags": {"exhaustive", "cue"}},
    "pair": {"numbers": {"first", "second"}, "lists": set(), "flags": {"cue"}},
    "change": {"numbers": {"current", "delta", "percent", "previous", "points", "times"}, "lists": set(),
               "flags": {"direction"}},
    "headline": {"numbers": {"title", "body"}, "lists": set(), "flags": set()},
    # ranked: percentages in the order a ranking lists them; first: the highest it names; last: the lowest;
    # overall: the rate of the whole area whose parts it ranks
    "ranking": {"numbers": {"first", "last", "overall"}, "lists": {"ranked"}, "flags": {"cue", "direction"}},
    "range": {"numbers": {"count", "first", "last"}, "lists": set(), "flags": {"cue"}},
    "product": {"numbers": {"factor", "rate", "product"}, "lists": set(), "flags": {"cue", "implied"}},
    "parts_change": {"numbers": {"total", "percent", "first", "first_percent", "second", "second_percent"},
                     "lists": set(), "flags": {"direction", "cue"}},
    "record": {"numbers": set(), "lists": set(), "flags": set()},  # numbers: the pack's metrics
}
SCOPES = ("passage", "linked")


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Metric:
    """A quantity a pack knows by name, and the words that count it in the pack's language."""

    name: str
    nouns: tuple[str, ...]  # the figure's noun phrase starts with one of these
    context: tuple[str, ...] = ()  # …and its clause before the number contains one of these
    unit: str = "count"
    whole: bool = True
    description: str = ""
    # tables: how a column of this metric is written and read
    kind: str = "number"  # "text": a label column (where:, group_by:, order_by:), never read as a number
    number_format: str | None = None  # "vi" (4.340,5) or "en" (4,340.5); None: read from the column alone
    decimals: int | None = None  # values are rounded to this many decimals (an interval); None: exact
    required: bool = False  # an empty (null) cell is a cell error, not a skipped row
    # …and its clause before the number contains none of these ("đăng ký 35 mô hình" is a target, no total)
    not_context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reference:
    """Values a table rule reads from one row of another table (``reference:``)."""

    file: str  # relative to the checked table's folder
    where: str  # the condition that picks the one row
    where_ast: Node
    values: tuple[tuple[str, str], ...]  # (name the rule uses, metric of the reference row)


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    severity: str
    message: str
    on: str = "record"
    assert_text: str | None = None
    assert_ast: Node | None = None
    check: str | None = None  # a built-in check (figcheck.validators.builtin_checks)
    where_text: str | None = None
    where_ast: Node | None = None
    scope: str = "passage"
    pack: str = ""
    location: Location | None = None
    # tables
    tolerance: tuple[float, bool] | None = None  # (amount, relative): comparisons allow this much
    group_by: tuple[str, ...] | None = None  # aggregates run over the rows sharing these metrics' values
    children: str | None = None  # the rows the aggregates run over (default: all rows of the group)
    children_ast: Node | None = None
    parent: str | None = None  # checked on the row whose metric ``parent`` equals the group's key
    order_by: tuple[str, ...] | None = None  # previous(), cumsum(), increasing() follow this order
    partition_by: tuple[str, ...] | None = None  # …within the rows sharing these (default: group_by)
    files: tuple[str, ...] = ()  # glob patterns of the table files the rule is for (default: all)
    sections: str | None = None  # a condition: each row meeting it heads a group of the rows below it
    sections_ast: Node | None = None
    reference: Reference | None = None  # values from one row of another table

    @property
    def expression(self) -> str:
        return self.assert_text or f"check: {self.check}"


@dataclass
class Pack:
    name: str
    version: str
    language: str
    description: str
    extends: list[str] = field(default_factory=list)
    metrics: dict[str, Metric] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    source: str = ""
    nulls: tuple[str, ...] | None = None  # cell texts that mean "no value" in tables (default: the empty cell)


@dataclass
class RuleSet:
    """The packs in force for a run, merged: later packs override rules and metrics of the same name."""

    packs: list[Pack]
    rules: list[Rule] = field(default_factory=list)
    metrics: dict[str, Metric] = field(default_factory=dict)
    # what a pack replaced: a default pack of its name, or another pack's rule of the same id (said on
    # stderr and in the reports' "packs" list, never silently)
    replaced: list[dict[str, str]] = field(default_factory=list)

    @property
    def nulls(self) -> tuple[str, ...]:
        """The texts that mean "no value": the last pack that says, else only the empty cell."""
        for p in reversed(self.packs):
            if p.nulls is not None:
                return p.nulls
        return ("",)

    @classmethod
    def merge(cls, packs: list[Pack], replaced: list[dict[str, str]] | None = None) -> "RuleSet":
        rules: dict[str, Rule] = {}
        metrics: dict[str, Metric] = {}
        replaced = list(replaced or [])
        for p in packs:
            metrics.update(p.metrics)
            for r in p.rules:
                if r.id in rules and rules[r.id].pack != p.name:
                    replaced.append({"pack": p.name, "replaces": f"rule {r.id} of pack {rules[r.id].pack}"})
                rules[r.id] = r
        return cls(packs=packs, rules=list(rules.values()), metrics=metrics, replaced=replaced)

    def packs_report(self) -> list[dict]:
        """The packs in force, as the reports list them: name, version, source, and what each replaced."""
        return [{"name": p.name, "version": p.version, "source": p.source,
                 "replaces": [r["replaces"] for r in self.replaced if r["pack"] == p.name]} for p in self.packs]
