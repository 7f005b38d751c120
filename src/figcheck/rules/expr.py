"""The rule expression language: a small parser into figcheck's own AST.

Rule text is never given to ``eval``, ``exec`` or ``pandas.eval``. The grammar::

    expr       := or_expr
    or_expr    := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | comparison
    comparison := sum (("<=" | "<" | ">=" | ">" | "==" | "!=") sum)*      # chains: 0 <= x <= 100
    sum        := term (("+" | "-") term)*
    term       := unary (("*" | "/" | "×" | "÷") unary)*
    unary      := "-" unary | primary
    primary    := NUMBER | STRING | NAME ("." NAME)* | FUNCTION "(" [expr ("," expr)*] ")" | "(" expr ")"
                | "[" [literal ("," literal)*] "]"                                # the right side of ``in``

Functions: ``sum``, ``min``, ``max``, ``abs``, ``between(x, low, high)``, ``count(list)``; on tables also
``mean`` and the group aggregates of a ``group_by`` rule (``sum(x)``, ``count(x)``, ``min(x)``, ``max(x)``,
``mean(x)``), ``previous(x)``, ``cumsum(x)``, ``increasing(x)`` and ``decreasing(x)`` of an ``order_by``
rule, and ``matches(text, 'regex')`` for text columns. ``x in ['a', 'b']`` compares a text (or a number)
with a list of literals. Names may be written in any script (``dân_số``). Which names exist is decided
by the caller (:func:`check_names`), so an unknown name is an error with its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FUNCTIONS = {"sum": (1, None), "min": (1, None), "max": (1, None), "abs": (1, 1), "between": (3, 3),
             "count": (1, 1), "mean": (1, 1), "previous": (1, 1), "cumsum": (1, 1), "increasing": (1, 1),
             "decreasing": (1, 1), "matches": (2, 2)}
AGGREGATES = ("sum", "count", "min", "max", "mean")  # over the rows of a group (a rule with group_by)
ORDERED = ("previous", "cumsum", "increasing", "decreasing")  # along the rows of an order_by rule
MAX_REGEX_LENGTH = 200
MAX_EXPRESSION_LENGTH = 2000
MAX_DEPTH = 40

_TOKEN = re.compile(r"""
    (?P<ws>[ \t\r\n]+)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<string>'(?:[^'\\\n]|\\[^\n]){0,200}'|"(?:[^"\\\n]|\\[^\n]){0,200}")  # raw: a backslash stays
  | (?P<name>[^\W\d]\w*)
  | (?P<op><=|>=|==|!=|<|>|\+|-|\*|/|×|÷|\(|\)|\[|\]|,|\.)
""", re.VERBOSE)


class ExpressionError(ValueError):
    """A rule expression that cannot be parsed or names something unknown; ``offset`` is 0-based."""

    def __init__(self, message: str, offset: int, text: str) -> None:
        self.message = message
        self.offset = offset
        self.text = text
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        self.line, self.column = line, column
        super().__init__(f"{message} (line {line}, column {column})")


@dataclass(frozen=True)
class Node:
    offset: int = field(compare=False)


@dataclass(frozen=True)
class Num(Node):
    value: float


@dataclass(frozen=True)
class Str(Node):
    value: str


@dataclass(frozen=True)
class Name(Node):
    name: str  # dotted: "tips.valuable"


@dataclass(frozen=True)
class Items(Node):
    """A list of literals: the right side of ``x in [...]``."""

    values: tuple[Node, ...]


@dataclass(frozen=True)
class Call(Node):
    func: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class BinOp(Node):
    op: str  # + - * /
    left: Node
    right: Node


@dataclass(frozen=True)
class Neg(Node):
    operand: Node


@dataclass(frozen=True)
class Compare(Node):
    ops: tuple[str, ...]
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class BoolOp(Node):
    op: str  # and | or
    values: tuple[Node, ...]


@dataclass(frozen=True)
class Not(Node):
    operand: Node


_KEYWORDS = {"and", "or", "not", "true", "false", "in"}


class _Parser:
    def __init__(self, text: str) -> None:
        if len(text) > MAX_EXPRESSION_LENGTH:
            raise ExpressionError(f"expression longer than {MAX_EXPRESSION_LENGTH} characters", 0, text)
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        pos = 0
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m:
                raise ExpressionError(f"unexpected character {text[pos]!r}", pos, text)
            kind = m.lastgroup
            if kind != "ws":
                self.tokens.append((kind, m.group(0), pos))
            pos = m.end()
        self.tokens.append(("end", "", len(text)))
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, value: str) -> tuple[str, str, int]:
        tok = self.take()
        if tok[1] != value:
            raise ExpressionError(f"expected {value!r}, found {tok[1] or 'the end'!r}", tok[2], self.text)
        return tok

    def enter(self, offset: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"expression nested deeper than {MAX_DEPTH}", offset, self.text)

    def parse(self) -> Node:
        node = self.or_expr()
        tok = self.peek()
        if tok[0] != "end":
            raise ExpressionError(f"unexpected {tok[1]!r}", tok[2], self.text)
        return node

    def or_expr(self) -> Node:
        first = self.and_expr()
        values = [first]
        while self.peek()[1] == "or":
            self.take()
            values.append(self.and_expr())
        return first if len(values) == 1 else BoolOp(first.offset, "or", tuple(values))

    def and_expr(self) -> Node:
        first = self.not_expr()
        values = [first]
        while self.peek()[1] == "and":
            self.take()
            values.append(self.not_expr())
        return first if len(values) == 1 else BoolOp(first.offset, "and", tuple(values))

    def not_expr(self) -> Node:
        tok = self.peek()
        if tok[1] == "not":
            self.take()
            self.enter(tok[2])
            node = Not(tok[2], self.not_expr())
            self.depth -= 1
            return node
        return self.comparison()

    def comparison(self) -> Node:
        first = self.sum()
        ops, operands = [], [first]
        while self.peek()[1] in ("<=", "<", ">=", ">", "==", "!=", "in"):
            op = self.take()[1]
            ops.append(op)
            if op == "in":
                tok = self.peek()
                if tok[1] != "[":
                    raise ExpressionError("'in' takes a list: x in ['a', 'b']", tok[2], self.text)
                operands.append(self.items())
            else:
                operands.append(self.sum())
        return first if not ops else Compare(first.offset, tuple(ops), tuple(operands))

    def items(self) -> Items:
        _, _, offset = self.expect("[")
        values: list[Node] = []
        while self.peek()[1] != "]":
            kind, value, o = self.take()
            if kind == "string":
                values.append(Str(o, value[1:-1]))
            elif kind == "number":
                values.append(Num(o, float(value)))
            else:
                raise ExpressionError(f"a list holds texts and numbers, not {value or 'the end'!r}", o, self.text)
            if self.peek()[1] == ",":
                self.take()
            elif self.peek()[1] != "]":
                tok = self.peek()
                raise ExpressionError(f"expected ',' or ']', found {tok[1] or 'the end'!r}", tok[2], self.text)
        self.take()
        if not values:
            raise ExpressionError("an empty list", offset, self.text)
        return Items(offset, tuple(values))

    def sum(self) -> Node:
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            node = BinOp(node.offset, op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek()[1] in ("*", "/", "×", "÷"):
            op = {"×": "*", "÷": "/"}.get(self.peek()[1], self.peek()[1])
            self.take()
            node = BinOp(node.offset, op, node, self.unary())
        return node

    def unary(self) -> Node:
        tok = self.peek()
        if tok[1] == "-":
            self.take()
            self.enter(tok[2])
            node = Neg(tok[2], self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self) -> Node:
        kind, value, offset = self.take()
        if kind == "number":
            return Num(offset, float(value))
        if kind == "string":
            return Str(offset, value[1:-1])
        if value == "(":
            self.enter(offset)
            node = self.or_expr()
            self.expect(")")
            self.depth -= 1
            return node
        if kind == "name":
            if value in ("true", "false"):
                return Num(offset, 1.0 if value == "true" else 0.0)
            if value in _KEYWORDS:
                raise ExpressionError(f"unexpected {value!r}", offset, self.text)
            if self.peek()[1] == "(":
                if value not in FUNCTIONS:
                    raise ExpressionError(f"unknown function {value!r} (known: {', '.join(sorted(FUNCTIONS))})",
                                          offset, self.text)
                self.take()
                self.enter(offset)
                args: list[Node] = []
                if self.peek()[1] != ")":
                    args.append(self.or_expr())
                    while self.peek()[1] == ",":
                        self.take()
                        args.append(self.or_expr())
                self.expect(")")
                self.depth -= 1
                lo, hi = FUNCTIONS[value]
                if len(args) < lo or (hi is not None and len(args) > hi):
                    want = f"{lo}" if lo == hi else f"at least {lo}"
                    raise ExpressionError(f"{value}() takes {want} argument(s), got {len(args)}", offset, self.text)
                if value == "matches":
                    if not isinstance(args[1], Str):
                        raise ExpressionError("matches() takes a name and a quoted regular expression",
                                              args[1].offset, self.text)
                    _check_regex(args[1].value, args[1].offset, self.text)
                return Call(offset, value, tuple(args))
            parts = [value]
            while self.peek()[1] == ".":
                self.take()
                k, v, o = self.take()
                if v == "*":  # a family of metrics, one per column a pattern maps: prov.*
                    parts.append(v)
                    break
                if k != "name" or v in _KEYWORDS:
                    raise ExpressionError("expected a name after '.'", o, self.text)
                parts.append(v)
            if self.peek()[1] == "(":
                raise ExpressionError(f"{'.'.join(parts)!r} is not a function", offset, self.text)
            return Name(offset, ".".join(parts))
        raise ExpressionError(f"unexpected {value or 'end of expression'!r}", offset, self.text)


def _check_regex(pattern: str, offset: int, text: str) -> None:
    """A pattern for matches(): bounded in length, compiled by the bounded engine (figcheck.rules.textmatch)."""
    from figcheck.rules.textmatch import RegexError, compile_pattern

    if len(pattern) > MAX_REGEX_LENGTH:
        raise ExpressionError(f"regular expression longer than {MAX_REGEX_LENGTH} characters", offset, text)
    try:
        compile_pattern(pattern)
    except RegexError as exc:
        raise ExpressionError(f"invalid regular expression: {exc}", offset, text) from None


def parse(text: str) -> Node:
    """Parse rule expression ``text``; raise :class:`ExpressionError` with the place on failure."""
    return _Parser(text).parse()


def names(node: Node) -> list[Name]:
    """Every name the expression uses, in order."""
    out: list[Name] = []

    def walk(n: Node) -> None:
        if isinstance(n, Name):
            out.append(n)
        elif isinstance(n, Call):
            for a in n.args:
                walk(a)
        elif isinstance(n, BinOp):
            walk(n.left)
            walk(n.right)
        elif isinstance(n, (Neg, Not)):
            walk(n.operand)
        elif isinstance(n, Compare):
            for a in n.operands:
                walk(a)
        elif isinstance(n, BoolOp):
            for a in n.values:
                walk(a)

    walk(node)
    return out


def transform(node: Node, fn) -> Node:
    """``node`` with every sub-node replaced by ``fn(sub)`` where that is not None (bottom-up otherwise)."""
    new = fn(node)
    if new is not None:
        return new
    if isinstance(node, Call):
        return Call(node.offset, node.func, tuple(transform(a, fn) for a in node.args))
    if isinstance(node, BinOp):
        return BinOp(node.offset, node.op, transform(node.left, fn), transform(node.right, fn))
    if isinstance(node, Neg):
        return Neg(node.offset, transform(node.operand, fn))
    if isinstance(node, Not):
        return Not(node.offset, transform(node.operand, fn))
    if isinstance(node, Compare):
        return Compare(node.offset, node.ops, tuple(transform(a, fn) for a in node.operands))
    if isinstance(node, BoolOp):
        return BoolOp(node.offset, node.op, tuple(transform(a, fn) for a in node.values))
    return node


def calls(node: Node) -> list[Call]:
    """Every function call in the expression, outermost first."""
    out: list[Call] = []

    def fn(n: Node):
        if isinstance(n, Call):
            out.append(n)
        return None

    transform(node, fn)
    return out


def check_names(node: Node, known: set[str], text: str, what: str = "name") -> None:
    """Raise for the first name not in ``known``."""
    for n in names(node):
        if n.name not in known:
            hint = ", ".join(sorted(known)[:80]) + (f" … and {len(known) - 80} more" if len(known) > 80 else "")
            raise ExpressionError(f"unknown {what} {n.name!r} (known: {hint})", n.offset, text)


def to_text(node: Node) -> str:
    """Render an AST back to rule text (for messages and exports)."""
    if isinstance(node, Num):
        return f"{node.value:g}"
    if isinstance(node, Str):
        return repr(node.value)
    if isinstance(node, Items):
        return "[" + ", ".join(to_text(v) for v in node.values) + "]"
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Call):
        return f"{node.func}({', '.join(to_text(a) for a in node.args)})"
    if isinstance(node, BinOp):
        return f"({to_text(node.left)} {node.op} {to_text(node.right)})"
    if isinstance(node, Neg):
        return f"-{to_text(node.operand)}"
    if isinstance(node, Not):
        return f"not {to_text(node.operand)}"
    if isinstance(node, Compare):
        out = to_text(node.operands[0])
        for op, operand in zip(node.ops, node.operands[1:]):
            out += f" {op} {to_text(operand)}"
        return out
    if isinstance(node, BoolOp):
        return f" {node.op} ".join(to_text(v) for v in node.values)
    raise TypeError(node)


_RANK = {"+": 1, "-": 1, "*": 2, "/": 2}


def binop_text(n: BinOp, left: str, right: str) -> str:
    """``left op right`` for people, each side in parentheses only where precedence needs them."""
    if isinstance(n.left, BinOp) and _RANK[n.left.op] < _RANK[n.op]:
        left = f"({left})"
    if isinstance(n.right, BinOp) and (_RANK[n.right.op] < _RANK[n.op]
                                       or _RANK[n.right.op] == _RANK[n.op] and n.op in "-/"):
        right = f"({right})"
    return f"{left} {n.op} {right}"


def pretty(node: Node, name=lambda n: n) -> str:
    """Rule text for people: parentheses only where precedence needs them; ``name`` renders each name."""

    def p(n: Node) -> str:
        if isinstance(n, Name):
            return name(n.name)
        if isinstance(n, BinOp):
            return binop_text(n, p(n.left), p(n.right))
        if isinstance(n, Call):
            return f"{n.func}({', '.join(p(a) for a in n.args)})"
        if isinstance(n, Neg):
            return f"-{p(n.operand)}"
        return to_text(n)

    return p(node)
