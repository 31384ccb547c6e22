"""A small evaluator for the spreadsheet formulas shorewise writes (classic functions only).

The workbook stores each formula's value beside it (viewers that do not recalculate show
them), and this module computes those values from the formulas themselves, so the stored
numbers are what Excel or LibreOffice would compute. Tests use it to recompute a saved
workbook after changing an input.

Supported: numbers, ``"text"``, ``TRUE``/``FALSE``; references ``A1``, ``$A$1``,
``Sheet!A1``, ``'My sheet'!A1:B9`` and defined names; operators ``+ - * / ^ & = <> < >
<= >=`` with Excel's precedence (unary minus binds tighter than ``^``, so ``-2^2`` is 4;
``^`` is left-associative); functions ``SUM``, ``SUMPRODUCT``, ``MIN``, ``MAX``, ``IF``
(lazy), ``AND``, ``OR``, ``ABS``, ``INDEX``, ``MATCH`` (exact, ``0``). Empty cells are 0.

Example::

    >>> book = Book({("S", 0, 0): 2.0, ("S", 0, 1): "=A1^2+SUM(A1:A1)"}, names={})
    >>> book.value("S", 0, 1)
    6.0
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

Address = tuple[str, int, int]  # (sheet, row, column), 0-based
Value = float | str | bool

_SHEET = r"(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!"
_A1 = r"\$?[A-Za-z]{1,3}\$?\d+"
_TOKEN = re.compile(
    rf"""\s*(?:
    (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<string>"(?:[^"]|"")*")
  | (?P<ref>(?:{_SHEET})?{_A1}(?::{_A1})?)(?![\w(])
  | (?P<name>[A-Za-z_][\w.]*)
  | (?P<op><=|>=|<>|[-+*/^&=<>(),:])
    )""",
    re.VERBOSE,
)
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


class FormulaError(ValueError):
    """A formula outside the supported subset, or one that cannot be computed."""


def column_index(letters: str) -> int:
    """``A`` -> 0, ``AA`` -> 26."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def column_letters(index: int) -> str:
    """0 -> ``A``, 26 -> ``AA``."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_name(row: int, col: int, *, absolute: bool = False) -> str:
    """``(0, 0)`` -> ``A1`` (``$A$1`` when absolute)."""
    d = "$" if absolute else ""
    return f"{d}{column_letters(col)}{d}{row + 1}"


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise FormulaError(f"cannot read formula at {text[pos : pos + 20]!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


@dataclass
class _Parser:
    tokens: list[tuple[str, str]]
    pos: int = 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", "")

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        self.pos += 1
        return tok

    def expect(self, op: str) -> None:
        if self.take() != ("op", op):
            raise FormulaError(f"expected {op!r}")

    def binary(self, level: int) -> Any:
        levels = (("=", "<>", "<", ">", "<=", ">="), ("&",), ("+", "-"), ("*", "/"), ("^",))
        if level == len(levels):
            return self.unary()
        node = self.binary(level + 1)
        while self.peek()[0] == "op" and self.peek()[1] in levels[level]:
            op = self.take()[1]
            node = ("bin", op, node, self.binary(level + 1))
        return node

    def unary(self) -> Any:
        if self.peek() in (("op", "-"), ("op", "+")):
            op = self.take()[1]
            return ("neg", self.unary()) if op == "-" else self.unary()
        return self.primary()

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "number":
            return ("num", float(text))
        if kind == "string":
            return ("str", text[1:-1].replace('""', '"'))
        if kind == "ref":
            return ("ref", text)
        if kind == "name":
            if self.peek() == ("op", "("):
                self.take()
                args = []
                if self.peek() != ("op", ")"):
                    args.append(self.binary(0))
                    while self.peek() == ("op", ","):
                        self.take()
                        args.append(self.binary(0))
                self.expect(")")
                return ("call", text.upper(), args)
            if text.upper() in ("TRUE", "FALSE"):
                return ("bool", text.upper() == "TRUE")
            return ("name", text)
        if (kind, text) == ("op", "("):
            node = self.binary(0)
            self.expect(")")
            return node
        raise FormulaError(f"unexpected {text!r}")


def parse(formula: str) -> Any:
    """The syntax tree of a formula (with or without the leading ``=``)."""
    parser = _Parser(_tokens(formula.removeprefix("=")))
    node = parser.binary(0)
    if parser.peek()[0] != "end":
        raise FormulaError(f"unexpected {parser.peek()[1]!r} in {formula!r}")
    return node


def _num(v: Any) -> float:
    if isinstance(v, list):
        raise FormulaError("a range where one value is needed")
    if v is None or v == "":
        return 0.0
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, int | float):
        return float(v)
    raise FormulaError(f"text {v!r} where a number is needed")


def _flat(values: list[Any]) -> list[float]:
    out: list[float] = []
    for v in values:
        if isinstance(v, list):
            out += [float(x) for row in v for x in row if isinstance(x, int | float)]
            out += [1.0 if x else 0.0 for row in v for x in row if isinstance(x, bool)]
        else:
            out.append(_num(v))
    return out


def _compare(op: str, a: Any, b: Any) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        x, y = str(a).lower(), str(b).lower()
    else:
        x, y = _num(a), _num(b)  # type: ignore[assignment]
    return {
        "=": x == y,
        "<>": x != y,
        "<": x < y,
        ">": x > y,
        "<=": x <= y,
        ">=": x >= y,
    }[op]


@dataclass
class Book:
    """Cells by ``(sheet, row, col)`` (0-based): a number, text, bool, or ``"=formula"``;
    ``names`` maps defined names to an address. :meth:`value` computes any cell."""

    cells: Mapping[Address, Any]
    names: Mapping[str, Address]
    _memo: dict[Address, Value] = field(default_factory=dict, repr=False)
    _trees: dict[str, Any] = field(default_factory=dict, repr=False)

    def value(self, sheet: str, row: int, col: int) -> Value:
        """The computed value of one cell (formulas evaluated, memoised)."""
        key = (sheet, row, col)
        if key in self._memo:
            return self._memo[key]
        raw = self.cells.get(key)
        if isinstance(raw, str) and raw.startswith("="):
            tree = self._trees.get(raw)
            if tree is None:
                tree = self._trees[raw] = parse(raw)
            try:
                result = self._eval(tree, sheet)
            except FormulaError as exc:
                raise FormulaError(f"{sheet}!{cell_name(row, col)}: {exc}") from exc
            if isinstance(result, list):
                raise FormulaError(f"{sheet}!{cell_name(row, col)}: a range is not a value")
            out: Value = result
        else:
            out = 0.0 if raw is None else raw
        self._memo[key] = out
        return out

    def _ref(self, text: str, sheet: str) -> Any:
        where, _, cells = text.rpartition("!")
        if where:
            sheet = where[1:-1].replace("''", "'") if where.startswith("'") else where
        first, _, last = cells.partition(":")
        r0, c0 = self._cell(first)
        if not last:
            return self.value(sheet, r0, c0)
        r1, c1 = self._cell(last)
        return [
            [self.value(sheet, r, c) for c in range(min(c0, c1), max(c0, c1) + 1)]
            for r in range(min(r0, r1), max(r0, r1) + 1)
        ]

    @staticmethod
    def _cell(text: str) -> tuple[int, int]:
        m = _CELL.fullmatch(text)
        if not m:
            raise FormulaError(f"bad reference {text!r}")
        return int(m.group(2)) - 1, column_index(m.group(1))

    def _eval(self, node: Any, sheet: str) -> Any:
        kind = node[0]
        if kind in ("num", "str", "bool"):
            return node[1]
        if kind == "ref":
            return self._ref(node[1], sheet)
        if kind == "name":
            if node[1] not in self.names:
                raise FormulaError(f"unknown name {node[1]!r}")
            return self.value(*self.names[node[1]])
        if kind == "neg":
            return -_num(self._eval(node[1], sheet))
        if kind == "bin":
            return self._binary(node[1], self._eval(node[2], sheet), self._eval(node[3], sheet))
        if kind == "call":
            return self._call(node[1], node[2], sheet)
        raise FormulaError(f"unknown node {kind}")  # pragma: no cover

    @staticmethod
    def _binary(op: str, a: Any, b: Any) -> Any:
        if op == "&":
            return f"{a}{b}"
        if op in ("=", "<>", "<", ">", "<=", ">="):
            return _compare(op, a, b)
        x, y = _num(a), _num(b)
        if op == "/" and y == 0:
            raise FormulaError("division by zero")
        ops: dict[str, Callable[[float, float], float]] = {
            "+": lambda p, q: p + q,
            "-": lambda p, q: p - q,
            "*": lambda p, q: p * q,
            "/": lambda p, q: p / q,
            "^": lambda p, q: float(p**q),
        }
        return ops[op](x, y)

    def _call(self, fn: str, args: list[Any], sheet: str) -> Any:
        if fn == "IF":
            test = self._eval(args[0], sheet)
            if _num(test) != 0:
                return self._eval(args[1], sheet)
            return self._eval(args[2], sheet) if len(args) > 2 else False
        values = [self._eval(a, sheet) for a in args]
        if fn == "SUM":
            return float(sum(_flat(values)))
        if fn == "MIN":
            return min(_flat(values), default=0.0)
        if fn == "MAX":
            return max(_flat(values), default=0.0)
        if fn == "ABS":
            return abs(_num(values[0]))
        if fn == "AND":
            return all(x != 0 for x in _flat(values))
        if fn == "OR":
            return any(x != 0 for x in _flat(values))
        if fn == "SUMPRODUCT":
            columns = [[_num(x) for row in v for x in row] for v in values]
            return float(sum(_product(items) for items in zip(*columns, strict=True)))
        if fn == "INDEX":
            grid = values[0]
            r = int(_num(values[1])) - 1
            c = int(_num(values[2])) - 1 if len(values) > 2 else 0
            if len(grid) == 1 and len(values) == 2:
                r, c = 0, r
            return grid[r][c]
        if fn == "MATCH":
            flat = [x for row in values[1] for x in row]
            for i, x in enumerate(flat):
                if _compare("=", x, values[0]):
                    return float(i + 1)
            raise FormulaError(f"MATCH: {values[0]!r} not found")
        raise FormulaError(f"unsupported function {fn}")


def _product(items: tuple[float, ...]) -> float:
    out = 1.0
    for x in items:
        out *= x
    return out
