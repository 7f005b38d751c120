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
