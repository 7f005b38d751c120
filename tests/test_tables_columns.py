"""The article tables' columns, built for speed, hold what their plain definitions give."""

from __future__ import annotations

import math

from hypothesis import given
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
    from figcheck.reading.reader import reader_for
    from figcheck.reading.sources import iter_sources
    from figcheck.synthesis.articles import generate_corpus
    import pathlib

    reader = reader_for("vi")
    examples = pathlib.Path(__file__).resolve().parents[1] / "examples"
    articles = [reader.read_source(s) for s in iter_sources([str(examples)])]
    articles += [reader.extract(g.text) for g in generate_corpus(60, seed=3, violation_rate=0.3)]
    return articles


def test_relation_tables_are_their_rows_as_dicts():
    from figcheck.rules.loader import load_ruleset
    from figcheck.languages import load_language
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
