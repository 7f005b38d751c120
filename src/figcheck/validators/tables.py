"""Articles as tables: one table of figures, one per kind of relation, one of metric records.

Checking many articles is one evaluation per table, not one per article. Every row keeps the article
it came from (``art``) and the figure ids it involves, so a failing row maps back to spans.

The tables are :class:`ColumnTable` objects — named columns of plain Python values with numpy views
made on demand — not pandas DataFrames: the article path never imports pandas or pandera, which alone
took longer to import than reading and checking a draft (issue 13). A column holds exactly the values a
DataFrame built from the same rows would (a missing key is NaN, a numeric column with gaps is float), so
the rules see the same data and the reports are byte for byte those of the pandas engine.

Column layout, for each figure-valued name ``N`` of a row (a relation role, ``value`` for a figure, or
a metric): ``N.lo``/``N.hi`` (strict reading), ``N.llo``/``N.lhi`` (loose), ``N.id``, ``N.value``,
``N.decimals``, ``N.qualifier``, ``N.unit``. For a list ``L`` (breakdown parts): ``L.sum.*``,
``L.min.*``, ``L.max.*``, ``L.n`` and ``L.id`` (the list of ids).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from figcheck.languages import Language
from figcheck.models import Article, Figure, Relation
from figcheck.rules.model import TABLES, Metric, RuleSet

NAN = float("nan")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _num(x: float | None) -> float:
    return NAN if x is None else float(x)


_FIGURE_KEYS = ("lo", "hi", "llo", "lhi", "id", "value", "decimals", "qualifier", "unit")
_KEYS: dict[str, tuple[str, ...]] = {}


def _keys(prefix: str) -> tuple[str, ...]:
    keys = _KEYS.get(prefix)
    if keys is None:
        keys = _KEYS[prefix] = tuple(f"{prefix}.{k}" for k in _FIGURE_KEYS)
    return keys


_NO_FIGURE = (NAN, NAN, NAN, NAN, None, NAN, 0, None, None)


def _figure_values(f: Figure | None) -> tuple[Any, ...]:
    """A figure's values for the columns of a figure-valued name (``_FIGURE_KEYS``, in order)."""
    if f is None:
        return _NO_FIGURE
    low, high, loose_low, loose_high, value = f.low, f.high, f.loose_low, f.loose_high, f.value
    return (NAN if low is None else float(low), NAN if high is None else float(high),
            NAN if loose_low is None else float(loose_low), NAN if loose_high is None else float(loose_high),
            f.id, NAN if value is None else float(value), f.decimals, f.qualifier, f.unit)


def figure_columns(prefix: str, f: Figure | None) -> dict[str, Any]:
    return dict(zip(_keys(prefix), _figure_values(f)))


def list_columns(prefix: str, figs: list[Figure]) -> dict[str, Any]:
    return dict(zip(_list_column_names(prefix), _list_values(figs)))


_AGGREGATES = (math.fsum, min, max)  # sum, min, max: the order of their columns (``_list_column_names``)
_NO_AGGREGATES = (NAN,) * 12


def _list_values(figs: list[Figure]) -> tuple[Any, ...]:
    """A list's values for its columns (``_list_column_names``, in order): ``n``, ``id``, then each aggregate's
    four bounds. An empty list, or a bound missing on any figure (an unbounded loose side stays
    unbounded), gives NaN for every aggregate of that bound."""
    if not figs:  # most lists of a relation are empty (a share's wholes, a breakdown's plans)
        return (0, [], *_NO_AGGREGATES)
    bounds = ([f.low for f in figs], [f.high for f in figs], [f.loose_low for f in figs], [f.loose_high for f in figs])
    usable = [None not in vals for vals in bounds]
    return (len(figs), [f.id for f in figs],
            *(fn(vals) if ok else NAN for fn in _AGGREGATES for vals, ok in zip(bounds, usable)))


_LIST_KEYS: dict[str, tuple[str, ...]] = {}


def _list_column_names(prefix: str) -> tuple[str, ...]:
    """The column names of a list: ``L.n``, ``L.id``, then per aggregate (sum, min, max) its four bounds."""
    keys = _LIST_KEYS.get(prefix)
    if keys is None:
        keys = _LIST_KEYS[prefix] = (f"{prefix}.n", f"{prefix}.id", *(
            f"{prefix}.{agg}.{b}" for agg in ("sum", "min", "max") for b in ("lo", "hi", "llo", "lhi")))
    return keys


@dataclass(frozen=True)
class _Implied:
    """The whole a count and its percentage imply ("97.678 lượt, đạt 85% kế hoạch": a plan of 114.915),
    as the interval the percentage's rounding allows."""

    id: str
    low: float | None
    high: float | None
    loose_low: float | None
    loose_high: float | None


def _implied(count: Figure, pct: Figure) -> _Implied:
    def bound(c: float | None, p: float | None) -> float | None:
        return None if c is None or p is None or p <= 0 else 100 * c / p

    return _Implied(count.id, bound(count.low, pct.high), bound(count.high, pct.low),
                    bound(count.loose_low, pct.loose_high), bound(count.loose_high, pct.loose_low))


def implied_columns(prefix: str, pairs: list[tuple[Figure | None, Figure | None]]) -> dict[str, Any]:
    """List columns of the wholes (count, percentage) pairs imply; ``.id`` lists every figure of the pairs."""
    return dict(zip(_list_column_names(prefix), _implied_values(pairs)))


def _implied_values(pairs: list[tuple[Figure | None, Figure | None]]) -> tuple[Any, ...]:
    whole = [(c, p) for c, p in pairs if c is not None and p is not None]
    n, _, *aggregates = _list_values([_implied(c, p) for c, p in whole])  # type: ignore[misc]
    return (n, [f.id for pair in whole for f in pair], *aggregates)


# The figures table, built column by column (a row per figure of every article): its columns, and a
# figure's values for them in one call.
_FIGURE_FIELDS = ("fid", "unit", "role", "qualifier", "noun", "decimals", "spelled", "countable", "value.lo",
                  "value.hi", "value.llo", "value.lhi", "value.id", "value.value", "value.decimals",
                  "value.qualifier", "value.unit")


def _figure_fields(f: Figure) -> tuple[Any, ...]:
    """A figure's row of the figures table: its values for ``_FIGURE_FIELDS``, in that order."""
    low, high, loose_low, loose_high, value = f.low, f.high, f.loose_low, f.loose_high, f.value
    low = NAN if low is None else float(low)
    high = NAN if high is None else float(high)
    loose_low = NAN if loose_low is None else float(loose_low)
    loose_high = NAN if loose_high is None else float(loose_high)
    value = NAN if value is None else float(value)
    return (f.id, f.unit, f.role, f.qualifier, f.noun, f.decimals, f.spelled, f.countable, low, high,
            loose_low, loose_high, f.id, value, f.decimals, f.qualifier, f.unit)


# -- column tables -------------------------------------------------------------------------------------


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


_NONE = type(None)
_NUMERIC = {_NONE, int, float}


def _normalise(values: list[Any]) -> list[Any]:
    """The values a DataFrame column infers from these: numbers with gaps (None) become floats with NaN.

    A column of nothing but None stays None (pandas keeps it ``object``); strings, flags and id lists
    keep their None.
    """
    if not _becomes_float(set(map(type, values))):  # bool is its own type: flags are not numbers
        return values
    return [NAN if v is None else float(v) for v in values]


def _becomes_float(kinds: set[type]) -> bool:
    """Whether ``_normalise`` makes floats of a column holding values of these types."""
    return kinds <= _NUMERIC and not kinds <= {_NONE} and kinds != {int} and kinds != {float}


class Column:
    """One column of a :class:`ColumnTable`; ``to_numpy`` as a pandas Series has it (what engines call)."""

    __slots__ = ("values", "cache")

    def __init__(self, values: list[Any], cache: dict | None = None) -> None:
        self.values = values
        self.cache = cache if cache is not None else {}

    def __len__(self) -> int:
        return len(self.values)

    def to_numpy(self, dtype: Any = None, na_value: Any = None) -> np.ndarray:
        """A fresh array (callers may change it), from the table's cache of each column's conversion."""
        if dtype not in (None, object, float):
            return self.to_numpy().astype(dtype)
        key = "object" if dtype is object else "float" if dtype is float else None
        if key not in self.cache:
            self.cache[key] = self._convert(dtype)
        return self.cache[key].copy()

    def _convert(self, dtype: Any) -> np.ndarray:
        values = self.values
        if dtype is object:
            out = np.empty(len(values), dtype=object)
            for i, v in enumerate(values):  # element by element: an id list stays one value
                out[i] = v
            return out
        if dtype is float:
            return np.array([NAN if v is None else v for v in values], dtype=float)
        if values and all(_is_number(v) for v in values):
            return np.array(values)
        if values and all(isinstance(v, bool) for v in values):
            return np.array(values, dtype=bool)
        return self._convert(object)

    def numeric(self) -> np.ndarray:
        """As ``pandas.to_numeric(errors="coerce")``: numbers and numeric strings as floats, the rest NaN."""
        out = np.full(len(self.values), NAN)
        for i, v in enumerate(self.values):
            if isinstance(v, (int, float)):
                out[i] = float(v)
            elif isinstance(v, str):
                try:
                    out[i] = float(v)
                except ValueError:
                    pass
        return out


class ColumnTable:
    """A table as an ordered dict of equal-length columns (see the module's docstring).

    ``columns``, ``len()``, ``table[name].to_numpy(...)`` and ``empty`` behave as a DataFrame's, so the
    evaluator and the Spark engine take either; rows are read with :meth:`value`, :meth:`row` and
    :meth:`records`.
    """

    def __init__(self, columns: dict[str, list[Any]] | None = None, length: int | None = None) -> None:
        self.data: dict[str, list[Any]] = columns or {}
        self.n = length if length is not None else (len(next(iter(self.data.values()))) if self.data else 0)
        self._arrays: dict[str, dict] = {}  # per column, its numpy conversions (the rules share them)

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> ColumnTable:
        """As ``pandas.DataFrame(rows)``: the columns in order of first appearance, a missing key is NaN."""
        data: dict[str, list[Any]] = {}
        n = len(rows)
        keys = tuple(rows[0]) if rows else ()
        if rows and all(tuple(r) == keys for r in rows):  # one layout, in one order (a relation table): transpose
            columns = zip(*(r.values() for r in rows))
            return cls({k: _normalise(list(v)) for k, v in zip(keys, columns)}, n)
        for i, r in enumerate(rows):
            for k, v in r.items():
                column = data.get(k)
                if column is None:
                    column = data[k] = [NAN] * n
                column[i] = v
        return cls({k: _normalise(v) for k, v in data.items()}, n)

    @property
    def columns(self) -> dict[str, list[Any]]:
        return self.data

    @property
    def empty(self) -> bool:
        return self.n == 0 or not self.data

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, name: str) -> Column:
        return Column(self.data[name], self._arrays.setdefault(name, {}))

    def add_columns(self, more: dict[str, Any]) -> None:
        """Columns of one value on every row (pandas ``concat`` of constant columns)."""
        for k, v in more.items():
            self.data[k] = _normalise([v] * self.n)
            self._arrays.pop(k, None)

    def value(self, i: int, name: str) -> Any:
        return self.data[name][i]

    def row(self, i: int) -> ColumnTable:
        """Row ``i`` alone, as a one-row table (its row number is then 0)."""
        return ColumnTable({k: [v[i]] for k, v in self.data.items()}, 1)

    def rows(self) -> list[RowView]:
        """The rows as views that read a column when asked (``records()`` without making every row's dict
        of every column: a check reads a few of a relation table's eighty)."""
        data = self.data
        return [RowView(data, i) for i in range(self.n)]

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts (``DataFrame.to_dict("records")``)."""
        names = list(self.data)
        cols = [self.data[k] for k in names]
        return [dict(zip(names, vals)) for vals in zip(*cols)] if cols else [{} for _ in range(self.n)]


class RowView:
    """Row ``i`` of a table's columns, with a row dict's ``get`` and ``[]`` (see :meth:`ColumnTable.rows`)."""

    __slots__ = ("_data", "_i")

    def __init__(self, data: dict[str, list[Any]], i: int) -> None:
        self._data, self._i = data, i

    def get(self, name: str, default: Any = None) -> Any:
        column = self._data.get(name)
        return default if column is None else column[self._i]

    def __getitem__(self, name: str) -> Any:
        return self._data[name][self._i]


# -- metrics -------------------------------------------------------------------------------------


def _starts_with_words(text: str, phrase: str) -> bool:
    if not text.startswith(phrase):
        return False
    rest = text[len(phrase):]
    return not rest or not (rest[0].isalnum() or rest[0] == "_")


def _contains_words(text: str, phrase: str) -> bool:
    return _whole_words(phrase).search(text) is not None


@functools.lru_cache(maxsize=4096)  # the packs' context phrases: compiled once, not looked up in re's cache
def _whole_words(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(phrase)}(?![^\W_])")


@functools.lru_cache(maxsize=1024)
def _longest_noun(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """Matches, at the start of a text, the longest of ``nouns`` that ``_starts_with_words`` accepts there
    (followed by no letter, digit or '_'): one match instead of one test per phrase, the alternatives
    tried longest first."""
    by_length = sorted(nouns, key=len, reverse=True)
    return re.compile("|".join(rf"{re.escape(p)}(?!\w)" for p in by_length) or r"(?!)")


class MetricMatcher:
    """Which metric of a rule set a figure counts, from its noun and the words around it."""

    def __init__(self, metrics: dict[str, Metric]) -> None:
        self.metrics = list(metrics.values())
        # metrics by the first word of their nouns: a figure is only compared with the few that can match
        self.by_first_word: dict[str, list[Metric]] = {}
        for m in self.metrics:
            for first in {p.split()[0] for p in m.nouns if p.split()}:
                self.by_first_word.setdefault(first, []).append(m)
        self.nouns = {id(m): _longest_noun(m.nouns) for m in self.metrics}  # each metric's nouns, one pattern

    def metric_of(self, f: Figure) -> str | None:
        if f.role in ("delta", "share", "change", "percent", "identifier") or f.value is None and f.qualifier != "vague":
            return None
        after = f.after.lower()
        if f.classifier and _starts_with_words(after, f.classifier):
            after = after[len(f.classifier):].lstrip()
        noun = (f.noun or "").lower()
        firsts = {head[0] for head in (after.split(None, 1), noun.split(None, 1)) if head}
        candidates = {id(m): m for w in firsts for m in self.by_first_word.get(w.strip(".,;:"), ()) if m.unit == f.unit}
        if not candidates:  # most figures: no metric's noun starts where theirs does
            return None
        before = f.before.lower()
        best, best_score = None, 0
        for m in candidates.values():
            nouns = self.nouns[id(m)]
            noun_hit = max((len(hit.group()) for hit in (nouns.match(after), nouns.match(noun)) if hit), default=0)
            if not noun_hit:
                continue
            if m.not_context and any(_contains_words(before, c) or _contains_words(f.text.lower(), c)
                                     for c in m.not_context):
                continue  # "đăng ký 35 mô hình": a target, not what the metric counts
            if m.context:
                ctx_hit = max((len(c) for c in m.context if _contains_words(before, c) or _contains_words(after, c)),
                              default=0)
                if not ctx_hit:
                    continue
                score = noun_hit + ctx_hit + 1000  # a matching context beats any bare noun
            else:
                score = noun_hit
            if score > best_score:
                best, best_score = m.name, score
        return best



# -- relation tables: a row per relation, its values in the order of its kind's columns ---------------

_RELATION_FLAGS = ("art", "rid", "exhaustive", "direction", "cue", "implied")


@functools.cache
def _relation_layout(kind: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A kind's figure-valued names, its list names, and its columns: the flags, each name's nine columns,
    each list's fourteen. (The names are the kind's sets of ``TABLES``, in their iteration order.)"""
    spec = TABLES[kind]
    numbers, lists = tuple(spec["numbers"]), tuple(spec["lists"])
    columns = (*_RELATION_FLAGS, *(k for n in numbers for k in _keys(n)),
               *(k for name in lists for k in _list_column_names(name)))
    assert len(set(columns)) == len(columns), f"columns of {kind!r} named twice"
    return numbers, lists, columns


def _relation_values(r: Relation, ai: int, by_id: dict[str, Figure]) -> list[Any]:
    """Relation ``r``'s row (of article ``ai``): its values for ``_relation_layout(r.kind)``'s columns."""
    numbers, lists, _ = _relation_layout(r.kind)
    roles = r.roles
    values = [ai, r.id, r.exhaustive, r.direction, r.cue, bool(r.implied)]
    for name in numbers:
        if name == "items" and r.kind == "enumeration":  # the items it names (and counts): an exact count
            n = float(len(r.items) + sum(by_id[c].value for c in roles.get("counted", []) if c in by_id))
            values.extend((n, n, n, n, None, n, 0, None, "count"))
            continue
        fid = roles.get(name)
        values.extend(_figure_values(by_id.get(fid) if isinstance(fid, str) else None))
    for name in lists:
        ids = roles.get(name) or []
        if ids and isinstance(ids[0], list):  # (count, percentage) pairs: the wholes they imply
            values.extend(_implied_values([(by_id.get(c), by_id.get(p)) for c, p in ids]))
            continue
        times = roles.get("times") if name == "parts" else None
        if times:
            # "Hà Nội và Hưng Yên mỗi nơi có 8 ca": a part counted once per name it gives
            figs = [by_id[i] for i in ids if i in by_id for _ in range(times.get(i, 1))]
        else:
            figs = [by_id[i] for i in ids if i in by_id]
        values.extend(_list_values(figs))
    return values


def _relation_table(kind: str, rows: list[list[Any]]) -> ColumnTable:
    """``ColumnTable.from_rows`` of the rows as dicts, without making them: transposed into columns."""
    if not rows:
        return ColumnTable()
    columns = _relation_layout(kind)[2]
    return ColumnTable({k: _normalise(list(v)) for k, v in zip(columns, zip(*rows))}, len(rows))


# -- tables -----------------------------------------------------------------------------------------


@dataclass
class Tables:
    articles: list[Article]
    figures: ColumnTable
    relations: dict[str, ColumnTable]
    records: ColumnTable
    metric_of: list[dict[str, str]] = field(default_factory=list)  # per article: figure id → metric

    def table(self, on: str) -> ColumnTable:
        if on == "figure":
            return self.figures
        if on == "record":
            return self.records
        return self.relations.get(on, ColumnTable())


def _passages(article: Article, cues: tuple[str, ...]) -> list[list[int]]:
    """Sentence groups: a sentence and the next one when that one opens with "Trong đó, …" (``cues``: the
    language's subset cues, ``tuple(lang.words("cues.subset"))``, looked up once per batch)."""
    groups: list[list[int]] = []
    for s in article.sentences:
        head = s.text.lstrip(" “\"").lower()
        if groups and head.startswith(cues):
            groups[-1].append(s.index)
        else:
            groups.append([s.index])
    return groups


def build_tables(articles: list[Article], ruleset: RuleSet, lang: Language) -> Tables:
    """The tables of a batch of articles; linear in their figures, relations and sentences."""
    matcher = MetricMatcher(ruleset.metrics)
    subset_cues = tuple(lang.words("cues.subset"))
    fig_cols: dict[str, list[Any]] = {"art": [], **{key: [] for key in _FIGURE_FIELDS}}
    figure_field_columns = [fig_cols[key] for key in _FIGURE_FIELDS]
    rel_rows: dict[str, list[list[Any]]] = {k: [] for k in TABLES if k not in ("figure", "record")}
    records = _RecordRows()
    metric_maps: list[dict[str, str]] = []
    for ai, a in enumerate(articles):
        by_id = {f.id: f for f in a.figures}
        fig_cols["art"].extend([ai] * len(a.figures))
        if a.figures:
            for column, values in zip(figure_field_columns, zip(*map(_figure_fields, a.figures))):
                column.extend(values)
        for r in a.relations:
            rel_rows[r.kind].append(_relation_values(r, ai, by_id))
        # metric records
        # (not another period's value: "275 tin có giá trị, tăng 20 tin … (năm 2024 là 255 tin)" — the 255 is the
        # earlier value of a change, no tips received this period)
        earlier = {r.roles.get("previous") for r in a.relations if r.kind == "change"}
        metric_of = {f.id: m for f in a.figures if f.field == "text" and f.id not in earlier
                     and (m := matcher.metric_of(f))}
        metric_maps.append(metric_of)
        if not metric_of:
            continue
        # the figures of each sentence that count a metric, in article order (index, figure) — not a part of a list
        # the reader read ("146 nguồn tin có giá trị, trong đó 38 tin …, 57 tin …": the 57 is no count of all tips)
        parts = {fid for r in a.relations if r.kind == "breakdown"
                 for fid in (r.roles.get("parts") or []) + (r.roles.get("other_parts") or []) if isinstance(fid, str)}
        by_sentence: dict[int, list[tuple[int, Figure]]] = {}
        for k, f in enumerate(a.figures):
            if f.id in metric_of and f.id not in parts:
                by_sentence.setdefault(f.sentence, []).append((k, f))
        for group in _passages(a, subset_cues):
            found = [kf for s in dict.fromkeys(group) for kf in by_sentence.get(s, ())]
            if len(group) > 1:
                found.sort(key=lambda kf: kf[0])
            per_metric: dict[str, list[Figure]] = {}
            for _, f in found:
                per_metric.setdefault(metric_of[f.id], []).append(f)
            if len(per_metric) < 2:
                continue
            depth = max(len(v) for v in per_metric.values())
            for k in range(depth):
                # a metric stated once goes with the first of another stated several times, not with each:
                # "4.352 nguồn tin; trong đó 4.018 tin có giá trị, đã giải quyết 3.870 tin" — the 3.870 is no
                # second count of the tips received for the 4.018
                records.add(ai, "passage", None, [(m, figs[k] if k < len(figs) else None)
                                                   for m, figs in per_metric.items()])
        for r in a.relations:
            if r.kind not in ("pair", "subset"):
                continue
            bound: dict[str, Figure] = {}
            for fid in r.figures:
                m = metric_of.get(fid)
                if m is None or m in bound:
                    bound = {}
                    break
                bound[m] = by_id[fid]
            if len(bound) >= 2:
                records.add(ai, "linked", r.id, list(bound.items()))
    relations = {k: _relation_table(k, v) for k, v in rel_rows.items()}
    figures = ColumnTable({k: _normalise(v) for k, v in fig_cols.items()}, len(fig_cols["art"]))
    return Tables(articles=articles, figures=figures, relations=relations, records=records.table(ruleset.metrics),
                  metric_of=metric_maps)


class _RecordRows:
    """The metric-record table's rows as they are found, kept as cells per metric.

    The table is what ``ColumnTable.from_rows`` makes of the rows as dicts (``art``, ``scope``, ``rid``, then
    each metric's figure columns, in the order they first appear; a metric a row lacks is NaN there),
    then the columns of every metric no row has (no figure) — built without a dict per row or a scan
    of every row for every column (a record table has nine columns for each metric of the packs).
    """

    def __init__(self) -> None:
        self.flags: list[tuple[int, str, str | None]] = []
        self.cells: dict[str, list[tuple[int, Figure | None]]] = {}  # metric → (row, figure), in first appearance

    def add(self, ai: int, scope: str, rid: str | None, figures: list[tuple[str, Figure | None]]) -> None:
        row = len(self.flags)
        self.flags.append((ai, scope, rid))
        for metric, f in figures:
            self.cells.setdefault(metric, []).append((row, f))

    def table(self, metrics: dict[str, Metric]) -> ColumnTable:
        n = len(self.flags)
        data: dict[str, list[Any]] = {}
        if n:
            data.update((k, _normalise(list(v))) for k, v in zip(("art", "scope", "rid"), zip(*self.flags)))
        for metric, cells in self.cells.items():
            rows = [row for row, _ in cells]
            gaps = {float} if len(cells) < n else set()  # the NaN of the rows without this metric
            for key, values in zip(_keys(metric), zip(*(_figure_values(f) for _, f in cells))):
                # ``_normalise`` of the whole column, decided from the cells' values alone (most are gaps)
                if _becomes_float(set(map(type, values)) | gaps):
                    values = [NAN if v is None else float(v) for v in values]
                column = [NAN] * n
                for row, value in zip(rows, values):
                    column[row] = value
                data[key] = column
        table = ColumnTable(data, n)
        # every metric has its columns, present or not
        missing = {key: value for m in metrics for key, value in figure_columns(m, None).items() if key not in data}
        missing.update((key, None) for key in ("art", "scope", "rid") if key not in data)
        if missing:
            table.add_columns(missing)
        return table


# -- column kinds ------------------------------------------------------------------------------------

_FIGURE_KINDS = {"lo": "float", "hi": "float", "llo": "float", "lhi": "float", "id": "str", "value": "float",
                 "decimals": "int", "qualifier": "str", "unit": "str"}


def _figure_kinds(prefix: str) -> dict[str, str]:
    return {f"{prefix}.{k}": kind for k, kind in _FIGURE_KINDS.items()}


def _list_kinds(prefix: str) -> dict[str, str]:
    out = {f"{prefix}.n": "int", f"{prefix}.id": "ids"}
    for agg in ("sum", "min", "max"):
        out.update({f"{prefix}.{agg}.{k}": "float" for k in ("lo", "hi", "llo", "lhi")})
    return out


def column_kinds(on: str, ruleset: RuleSet) -> dict[str, str]:
    """The columns ``build_tables`` gives table ``on`` and their kinds (float, int, str, bool, ids).

    Engines that need a schema before they see data (Spark) build it from this; it is the same for
    every batch of articles, because every row of a table carries every column.
    """
    if on == "figure":
        kinds = {"art": "int", "fid": "str", "unit": "str", "role": "str", "qualifier": "str", "noun": "str",
                 "decimals": "int", "spelled": "bool", "countable": "bool"}
        kinds.update(_figure_kinds("value"))
        return kinds
    if on == "record":
        kinds = {"art": "int", "scope": "str", "rid": "str"}
        for m in ruleset.metrics:
            kinds.update(_figure_kinds(m))
        return kinds
    spec = TABLES[on]
    kinds = {"art": "int", "rid": "str", "exhaustive": "bool", "direction": "str", "cue": "str", "implied": "bool"}
    for name in spec["numbers"]:
        kinds.update(_figure_kinds(name))
    for name in spec["lists"]:
        kinds.update(_list_kinds(name))
    return kinds
