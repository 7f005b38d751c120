"""The article tables' columns, built for speed, hold what their plain definitions give."""

from __future__ import annotations

import math

from hypothesis import example, given
from hypothesis import strategies as st

from figcheck.models import Figure
from figcheck.validators.tables import _FIGURE_FIELDS, _figure_fields, list_columns

bounds = st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False), st.integers(-1000, 1000))


@st.composite
def figures(draw):
    low, high, loose_low, loose_high = draw(bounds), draw(bounds), draw(bounds), draw(bounds)
    return Figure(id=f"f{draw(st.integers(1, 99))}", text="1", start=0, end=1, sentence=0,
                  value=draw(st.one_of(st.none(), st.integers(0, 10**6), st.floats(0, 1e6))), low=low, high=high,
                  qualifier=draw(st.sampled_from([None, "about", "more_than"])), unit="count", noun="vụ",
                  role="count", loose_low=loose_low, loose_high=loose_high, decimals=draw(st.integers(0, 3)),
                  spelled=draw(st.booleans()), countable=draw(st.booleans()))


def _same(a, b) -> bool:
    return (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)) or (a == b and type(a) is type(b))


def plain_list_columns(prefix, figs):
    out = {f"{prefix}.n": len(figs), f"{prefix}.id": [f.id for f in figs]}
    for agg in ("sum", "min", "max"):
        for key, attr in (("lo", "low"), ("hi", "high"), ("llo", "loose_low"), ("lhi", "loose_high")):
            vals = [getattr(f, attr) for f in figs]
            if not vals or any(v is None for v in vals):
                out[f"{prefix}.{agg}.{key}"] = float("nan")
            else:
                out[f"{prefix}.{agg}.{key}"] = {"sum": math.fsum, "min": min, "max": max}[agg](vals)
    return out


@given(st.lists(figures(), max_size=6))
def test_list_aggregates_are_their_plain_definition(figs):
    fast, plain = list_columns("parts", figs), plain_list_columns("parts", figs)
    assert list(fast) == list(plain)
    assert all(_same(fast[k], plain[k]) for k in plain)


@given(figures())
def test_a_figures_row_is_each_field_as_the_table_holds_it(f):
    num = lambda x: float("nan") if x is None else float(x)  # noqa: E731
    plain = {"fid": f.id, "unit": f.unit, "role": f.role, "qualifier": f.qualifier, "noun": f.noun,
             "decimals": f.decimals, "spelled": f.spelled, "countable": f.countable, "value.lo": num(f.low),
             "value.hi": num(f.high), "value.llo": num(f.loose_low), "value.lhi": num(f.loose_high),
             "value.id": f.id, "value.value": num(f.value), "value.decimals": f.decimals,
             "value.qualifier": f.qualifier, "value.unit": f.unit}
    row = dict(zip(_FIGURE_FIELDS, _figure_fields(f)))
    assert list(row) == list(plain) and all(_same(row[k], plain[k]) for k in plain)


# -- the relation tables: each relation's row, as the plain dict definition gives it --------------------


def plain_relation_row(r, ai, by_id):
    """A relation's row as a dict, name by name (the definition the column layout transposes)."""
    from figcheck.rules.model import TABLES
    from figcheck.validators.tables import figure_columns, implied_columns, list_columns

    spec = TABLES[r.kind]
    row = {"art": ai, "rid": r.id, "exhaustive": r.exhaustive, "direction": r.direction, "cue": r.cue,
           "implied": bool(r.implied)}
    for name in spec["numbers"]:
        if r.kind == "enumeration" and name == "items":
            n = float(len(r.items))
            row.update({"items.lo": n, "items.hi": n, "items.llo": n, "items.lhi": n, "items.id": None,
                        "items.value": n, "items.decimals": 0, "items.qualifier": None, "items.unit": "count"})
            continue
        fid = r.roles.get(name)
        row.update(figure_columns(name, by_id.get(fid) if isinstance(fid, str) else None))
    for name in spec["lists"]:
        ids = r.roles.get(name) or []
        if ids and isinstance(ids[0], list):
            row.update(implied_columns(name, [(by_id.get(c), by_id.get(p)) for c, p in ids]))
            continue
        times = r.roles.get("times") if name == "parts" else None
        figs = [by_id[i] for i in ids if i in by_id for _ in range((times or {}).get(i, 1))]
        row.update(list_columns(name, figs))
    return row


def _read_some_articles():
    import pathlib

    from figcheck.reading.reader import reader_for
    from figcheck.reading.sources import iter_sources
    from figcheck.synthesis.articles import generate_corpus

    reader = reader_for("vi")
    examples = pathlib.Path(__file__).resolve().parents[1] / "examples"
    articles = [reader.read_source(s) for s in iter_sources([str(examples)])]
    articles += [reader.extract(g.text) for g in generate_corpus(60, seed=3, violation_rate=0.3)]
    return articles


def test_relation_tables_are_their_rows_as_dicts():
    from figcheck.languages import load_language
    from figcheck.rules.loader import load_ruleset
    from figcheck.validators.tables import ColumnTable, build_tables

    articles = _read_some_articles()
    tables = build_tables(articles, load_ruleset([], language="vi"), load_language("vi"))
    rows: dict[str, list] = {}
    for ai, a in enumerate(articles):
        by_id = {f.id: f for f in a.figures}
        for r in a.relations:
            rows.setdefault(r.kind, []).append(plain_relation_row(r, ai, by_id))
    assert len(rows) >= 6  # the articles hold relations of many kinds
    for kind, table in tables.relations.items():
        plain = ColumnTable.from_rows(rows.get(kind, []))
        assert list(table.columns) == list(plain.columns) and len(table) == len(plain), kind
        for name in plain.columns:
            assert all(_same(a, b) for a, b in zip(table.columns[name], plain.columns[name])), (kind, name)


def test_a_row_view_reads_what_the_rows_dict_holds():
    from figcheck.languages import load_language
    from figcheck.rules.loader import load_ruleset
    from figcheck.validators.tables import build_tables

    tables = build_tables(_read_some_articles(), load_ruleset([], language="vi"), load_language("vi"))
    for table in [tables.figures, tables.records, *tables.relations.values()]:
        for view, record in zip(table.rows(), table.records(), strict=True):
            assert all(_same(view.get(k), v) and _same(view[k], v) for k, v in record.items())
            assert view.get("no such column") is None and view.get("no such column", 7) == 7


# -- the metric-record table and the metric of a figure -----------------------------------------------

METRIC_NAMES = ["cases", "deaths", "households"]


@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["passage", "linked"]),
                          st.one_of(st.none(), st.sampled_from(["r1", "r2"])),
                          st.lists(st.tuples(st.sampled_from(METRIC_NAMES), st.one_of(st.none(), figures())),
                                   max_size=3, unique_by=lambda mf: mf[0])), max_size=5))
def test_the_record_table_is_its_rows_as_dicts(rows):
    from figcheck.validators.tables import ColumnTable, _RecordRows, figure_columns

    metrics = {name: None for name in METRIC_NAMES + ["unused"]}
    fast = _RecordRows()
    plain_rows = []
    for ai, scope, rid, figs in rows:
        fast.add(ai, scope, rid, figs)
        row = {"art": ai, "scope": scope, "rid": rid}
        for m, f in figs:
            row.update(figure_columns(m, f))
        plain_rows.append(row)
    plain = ColumnTable.from_rows(plain_rows)
    missing = {k: v for m in metrics for k, v in figure_columns(m, None).items() if k not in plain.columns}
    missing.update({k: None for k in ("art", "scope", "rid") if k not in plain.columns})
    plain.add_columns(missing)
    table = fast.table(metrics)
    assert list(table.columns) == list(plain.columns) and len(table) == len(plain)
    for name, values in plain.columns.items():
        assert all(_same(a, b) for a, b in zip(table.columns[name], values, strict=True)), name


def plain_metric_of(metrics, f):
    """The metric a figure counts, phrase by phrase (what ``MetricMatcher.metric_of`` computes)."""
    from figcheck.validators.tables import _contains_words, _starts_with_words

    if f.role in ("delta", "share", "change", "percent", "identifier") or f.value is None and f.qualifier != "vague":
        return None
    after = f.after.lower()
    if f.classifier and _starts_with_words(after, f.classifier):
        after = after[len(f.classifier):].lstrip()
    noun, before = (f.noun or "").lower(), f.before.lower()
    firsts = {head[0].strip(".,;:") for head in (after.split(None, 1), noun.split(None, 1)) if head}
    best, best_score = None, 0
    for m in metrics.values():
        if m.unit != f.unit or not firsts & {p.split()[0] for p in m.nouns if p.split()}:
            continue
        noun_hit = max((len(p) for p in m.nouns if _starts_with_words(after, p) or _starts_with_words(noun, p)),
                       default=0)
        if not noun_hit:
            continue
        score = noun_hit
        if m.context:
            ctx_hit = max((len(c) for c in m.context if _contains_words(before, c) or _contains_words(after, c)),
                          default=0)
            if not ctx_hit:
                continue
            score = noun_hit + ctx_hit + 1000
        if score > best_score:
            best, best_score = m.name, score
    return best


def test_a_figures_metric_is_the_plain_definitions():
    from figcheck.rules.loader import load_ruleset
    from figcheck.validators.tables import MetricMatcher

    metrics = load_ruleset([], language="vi").metrics
    matcher = MetricMatcher(metrics)
    found = 0
    for a in _read_some_articles():
        for f in a.figures:
            assert matcher.metric_of(f) == plain_metric_of(metrics, f), (f.text, f.before, f.after)
            found += matcher.metric_of(f) is not None
    assert found > 50


NOUNS = ["vụ", "vụ cháy", "hộ", "hộ nghèo", "người", "_x", "a"]


@given(st.lists(st.sampled_from(NOUNS), min_size=1, max_size=4), st.sampled_from(NOUNS + [""]),
       st.text(alphabet="vụ cháyhộnghèoi_1-,. ", max_size=8))
@example(["a"], "a", "_b")  # '_' goes on a word, as a letter or a digit does
@example(["vụ", "vụ cháy"], "vụ cháy", "")
@example(["vụ", "vụ cháy"], "vụ ", "cháyx")
@example(["hộ"], "hộ", "1")
def test_the_longest_noun_at_the_start_is_the_plain_definitions(nouns, start, rest):
    from figcheck.validators.tables import _longest_noun, _starts_with_words

    text = start + rest  # a phrase, then anything: a word going on, a digit, '_', a mark or a space
    hit = _longest_noun(tuple(nouns)).match(text)
    assert (len(hit.group()) if hit else 0) == max((len(p) for p in nouns if _starts_with_words(text, p)), default=0)
