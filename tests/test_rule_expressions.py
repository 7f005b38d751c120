"""The rule expression language: parsing, errors with places, and interval semantics."""

import numpy as np
import pandas as pd
import pytest

from figcheck.rules.expr import BinOp, BoolOp, Compare, ExpressionError, check_names, parse, to_text
from figcheck.validators.evaluate import Evaluator


def test_precedence_and_chains():
    node = parse("0 <= a + b * 2 <= 100 and not c")
    assert isinstance(node, BoolOp) and node.op == "and"
    cmp = node.values[0]
    assert isinstance(cmp, Compare) and cmp.ops == ("<=", "<=")
    add = cmp.operands[1]
    assert isinstance(add, BinOp) and add.op == "+" and isinstance(add.right, BinOp) and add.right.op == "*"
    assert to_text(parse("sum(parts) == total")) == "sum(parts) == total"


def test_unicode_operators():
    assert to_text(parse("a × 2 ÷ b")) == "((a * 2) / b)"


@pytest.mark.parametrize("text,message,column", [
    ("a <= ", "unexpected 'end of expression'", 6),
    ("a <=> b", "unexpected '>'", 5),
    ("len(parts) > 0", "unknown function 'len'", 1),
    ("between(a, b)", "between() takes 3 argument(s)", 1),
    ("a.b(", "'a.b' is not a function", 1),
    ("(a <= b", "expected ')'", 8),
    ("a $ b", "unexpected character '$'", 3),
])
def test_errors_carry_line_and_column(text, message, column):
    with pytest.raises(ExpressionError) as err:
        parse(text)
    assert message in err.value.message
    assert (err.value.line, err.value.column) == (1, column)


def test_unknown_names_are_errors_with_place():
    text = "tips.valuable <=\n  tips.totl"
    with pytest.raises(ExpressionError) as err:
        check_names(parse(text), {"tips.valuable", "tips.total"}, text)
    assert "tips.totl" in err.value.message and (err.value.line, err.value.column) == (2, 3)


@pytest.mark.parametrize("text", ["__import__('os').system('id')", "a.__class__", "a[0]", "lambda: 1",
                                  "open('x')", "exec('1')", "eval('1')", "a if b else c"])
def test_python_is_not_reachable(text):
    with pytest.raises(ExpressionError):
        node = parse(text)
        check_names(node, {"a", "b", "c"}, text)


def table(**cols):
    return pd.DataFrame(cols)


def test_possible_and_necessary_on_intervals():
    t = table(**{"a.lo": [5.0, 5.0, 1.0], "a.hi": [5.0, 9.0, 3.0], "b.lo": [4.0, 6.0, 3.0], "b.hi": [4.0, 8.0, 3.0]})
    ev = Evaluator(t)
    assert ev.possible(parse("a <= b")).tolist() == [False, True, True]
    assert ev.necessary(parse("a <= b")).tolist() == [False, False, True]
    assert ev.possible(parse("not a <= b")).tolist() == [True, True, False]
    assert ev.possible(parse("a == b")).tolist() == [False, True, True]


def test_loose_reading_and_unbounded_sides():
    t = table(**{"a.lo": [4341.0], "a.hi": [4349.0], "a.llo": [4341.0], "a.lhi": [np.nan],
                 "b.lo": [4400.0], "b.hi": [4400.0], "b.llo": [4400.0], "b.lhi": [4400.0]})
    assert not Evaluator(t, "strict").possible(parse("b <= a"))[0]
    assert Evaluator(t, "loose").possible(parse("b <= a"))[0]  # an unbounded loose side saves it


def test_lists_and_functions():
    t = table(**{"parts.sum.lo": [67.0], "parts.sum.hi": [67.0], "parts.n": [2], "total.lo": [64.0], "total.hi": [64.0],
                 "x.lo": [-3.0], "x.hi": [2.0]})
    ev = Evaluator(t)
    assert not ev.possible(parse("sum(parts) == total"))[0]
    assert ev.possible(parse("count(parts) == 2"))[0]
    iv = ev.interval(parse("abs(x)"))
    assert (iv.lo[0], iv.hi[0]) == (0.0, 3.0)
    assert ev.possible(parse("between(total, 60, 70)"))[0]
    assert not ev.possible(parse("max(total, 10) < 60"))[0]


def test_flags_compare_exactly():
    t = table(**{"direction": ["decrease", "increase"], "exhaustive": [True, False]})
    ev = Evaluator(t)
    assert ev.possible(parse("direction == 'decrease'")).tolist() == [True, False]
    assert ev.possible(parse("not exhaustive")).tolist() == [False, True]
