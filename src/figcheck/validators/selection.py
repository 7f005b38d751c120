"""Which anomalies are reported: the stage between checking and reporting.

Checks always run in full; this stage then drops what the user asked not to see, and counts it:

- ``select`` / ``ignore``: rule-id globs (``core.share.*``; a plain prefix ``core.share`` means the same),
  from the command line or the configuration; ``per_path``: ignores for inputs matching a path glob;
- inline suppressions in an article (ruff's ``noqa`` habits): a comment line
  ``<!-- figcheck: ignore core.headline.* -->`` silences those rules (all rules when none is named) in
  the paragraph that follows it; a trailing ``# figcheck: ignore=RULE[,RULE]`` silences them on its line;
- a baseline (:mod:`figcheck.validators.baseline`): anomalies already recorded are dropped.

Every anomaly left gets a fingerprint (for baselines and SARIF). ``Selection`` is plain data, so it can
travel to worker processes, where it is applied before the JSON records are written.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field

from figcheck.models import Anomaly, ArticleResult

_MD_COMMENT = re.compile(r"^[ \t]*<!--[ \t]*figcheck:[ \t]*ignore\b(?P<rules>[^\n]*?)-->[ \t]*$", re.M)
_TRAILING = re.compile(r"#[ \t]*figcheck:[ \t]*ignore(?:[ \t]*=[ \t]*(?P<rules>[^\s#]+))?[ \t]*$", re.M)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
CELL_RULE = "figcheck.cell.not-a-number"  # a cell of a metric column that is not a number (check-table)


def split_patterns(values) -> tuple[str, ...]:
    """``["core.share.*,antq.*", "x"]`` → ``("core.share.*", "antq.*", "x")``."""
    out: list[str] = []
    for v in values or ():
        out += [p.strip() for p in re.split(r"[,\s]+", str(v)) if p.strip()]
    return tuple(out)


def matches(rule: str, patterns) -> bool:
    """A rule id matches a glob (``core.share.*``), the id itself, or a prefix ending at a dot (``core``)."""
    return any(p in ("*", "ALL") or fnmatch.fnmatchcase(rule, p) or rule.startswith(p.rstrip(".") + ".")
               for p in patterns)


@dataclass(frozen=True)
class Suppression:
    start: int
    end: int
    rules: tuple[str, ...]  # empty: every rule


def inline_suppressions(text: str) -> list[Suppression]:
    """The suppression comments of an article text, each with the stretch of text it covers."""
    out: list[Suppression] = []
    if "figcheck" not in text:
        return out
    for m in _MD_COMMENT.finditer(text):
        start = m.end()
        end = _PARAGRAPH_END.search(text, start + 1)
        out.append(Suppression(start, end.start() if end else len(text), split_patterns([m.group("rules")])))
    for m in _TRAILING.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        out.append(Suppression(line_start, m.start(), split_patterns([m.group("rules") or ""])))
    return out


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    per_path: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (path glob, rule patterns)
    root: str | None = None  # per-path globs are relative to this directory (the configuration's)
    baseline: dict[str, int] = field(default_factory=dict)  # fingerprint → how many are recorded
    inline: bool = True

    def _ignored_here(self, source: str) -> tuple[str, ...]:
        if not self.per_path or source == "-":
            return ()
        path = os.path.abspath(source)
        rel = os.path.relpath(path, self.root) if self.root else source
        rel = rel.replace(os.sep, "/")
        out: list[str] = []
        for glob, patterns in self.per_path:
            if fnmatch.fnmatchcase(rel, glob) or fnmatch.fnmatchcase(rel, glob.rstrip("/") + "/*"):
                out += patterns
        return tuple(out)

    def wanted(self, rule: str, source: str = "") -> bool:
        """Whether anomalies of ``rule`` in ``source`` are reported (before suppressions and baseline)."""
        if self.select and not matches(rule, self.select):
            return False
        return not matches(rule, self.ignore + self._ignored_here(source))

    def apply_table(self, result):
        """Drops the unwanted anomalies, unreadable cells and not-evaluated rules of a table result (in place)."""
        result.anomalies = [a for a in result.anomalies if self.wanted(a.rule, result.source)]
        result.not_evaluated = [n for n in result.not_evaluated if self.wanted(n["rule"], result.source)]
        if not self.wanted(CELL_RULE, result.source):
            result.cell_errors = []
        return result

    def reported_rules(self, ruleset):
        """``ruleset`` with only the rules that are reported (for reports that list rules: JUnit, SARIF)."""
        import dataclasses

        return dataclasses.replace(ruleset, rules=[r for r in ruleset.rules if self.wanted(r.id)])

    def apply(self, result: ArticleResult) -> ArticleResult:
        """Drops the unwanted anomalies of ``result`` (in place), counting suppressed and baselined ones."""
        from figcheck.validators.baseline import fingerprint

        a = result.article
        extra = self._ignored_here(a.source)
        patterns = self.ignore + extra

        def keep_rule(rule: str) -> bool:
            return (not self.select or matches(rule, self.select)) and not matches(rule, patterns)

        suppressions = inline_suppressions(a.text) if self.inline and a.text else []
        by_id = {f.id: f for f in a.figures}
        kept: list[Anomaly] = []
        suppressed = 0
        for an in result.anomalies:
            rules = [an.rule, *an.also]
            live = [r for r in rules if keep_rule(r)]
            if not live:
                continue
            if suppressions:
                starts = [by_id[f].start for f in an.figures if f in by_id and by_id[f].field == "text"] or [an.start]
                covering = [s for s in suppressions if any(s.start <= p < s.end for p in starts)]
                live = [r for r in live if not any(not s.rules or matches(r, s.rules) for s in covering)]
                if not live:
                    suppressed += 1
                    continue
            if live != rules:  # the rules that flag the same figures, less the unwanted ones
                an = Anomaly(**{**an.to_dict(), "rule": live[0], "also": live[1:]})
            kept.append(an)
        result.not_evaluated = [n for n in result.not_evaluated if keep_rule(n.rule)]
        fingerprints = [fingerprint(result, an) for an in kept]
        baselined = 0
        if self.baseline:
            seen: dict[str, int] = {}
            left, left_prints = [], []
            for an, fp in zip(kept, fingerprints):
                seen[fp] = seen.get(fp, 0) + 1
                if seen[fp] <= self.baseline.get(fp, 0):
                    baselined += 1
                    continue
                left.append(an)
                left_prints.append(fp)
            kept, fingerprints = left, left_prints
        result.anomalies = kept
        result.fingerprints = fingerprints
        result.suppressed = suppressed
        result.baselined = baselined
        return result

