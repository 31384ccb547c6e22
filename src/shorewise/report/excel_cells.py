"""Writes model expressions into a sheet: first every node is placed, then every cell written.

A per-draw node gets one cell; a monthly node a column over the monthly rows, each cell
``IF(active, formula, 0)`` (rows after the work hold 0). Stored values come from numpy on
the same expressions (:class:`~shorewise.engine.expr_eval.Evaluator`) at the workbook's
central inputs, so a viewer that does not recalculate shows the engine's numbers.

Example::

    >>> w = SheetWriter(sheet, refs, values, {}, {}, months_node)   # doctest: +SKIP
    >>> w.place(4, 2, total_cost, "money")                        # doctest: +SKIP
    "'VN team'!$C$5"
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from shorewise.engine.expr import Expr, FirstMonth, Infinite, Named
from shorewise.engine.expr_eval import Evaluator, at_month_edges
from shorewise.report.excel_formula import Places, Row, render_own
from shorewise.report.excel_layout import Sheet, cell_name, column_index, column_letters


def stored(value: Any, node: Expr) -> Any:
    """A numpy value as a cell's stored value (+inf: the text the formula shows)."""
    if isinstance(value, str):
        return value
    v = float(np.ravel(np.asarray(value, dtype=np.float64))[0])
    if math.isfinite(v):
        return v
    level = [node]
    while level:  # the nearest 'never' decides what the formula shows
        for n in level:
            if isinstance(n, Infinite | FirstMonth):
                return n.text
        level = [c for n in level for c in n.children()]
    raise ValueError(f"{node!r} has no finite value")


class SheetWriter:
    """Places nodes of one sheet, then writes their formulas and stored values.

    ``refs``/``values``: reference and central value of each input name; ``named_inputs``:
    derived inputs by name -> reference; ``local``: this sheet's own inputs, name ->
    (reference, value); ``months``: the node giving the months of the work."""

    def __init__(
        self,
        sheet: Sheet,
        refs: Mapping[str, str],
        values: Mapping[str, Any],
        named_inputs: Mapping[str, str],
        local: Mapping[str, tuple[str, Any]],
        months: Expr,
    ) -> None:
        self.sheet = sheet
        symbols = {**refs, **{k: ref for k, (ref, _) in local.items()}}
        self.places = Places(symbols, named_inputs=named_inputs)
        bound = {**values, **{k: v for k, (_, v) in local.items()}}
        self.months = int(stored(Evaluator(bound, months=0).value(months), months))
        self.ev = Evaluator(bound, months=self.months)
        self._cells: list[tuple[int, int, Expr, str]] = []
        self._columns: list[tuple[int, Expr, str]] = []
        self._head = -1
        self._rows = 0

    def place(self, row: int, col: int, node: Expr, style: str) -> str:
        """Give per-draw ``node`` the cell ``(row, col)``; return its reference."""
        self.places.cells[id(node)] = cell_name(row, col, absolute=True)
        self._cells.append((row, col, node, style))
        return self.sheet.ref(row, col)

    def month_rows(self, head: int, rows: int) -> None:
        """The monthly table: heading on row ``head``, then ``rows`` monthly rows."""
        self._head, self._rows = head, rows
        self.places.first_row, self.places.last_row = head + 2, head + 1 + rows

    def column(self, col: int, node: Expr, style: str) -> None:
        """Give monthly ``node`` column ``col`` of the monthly table."""
        self.places.columns[id(node)] = column_letters(col)
        self._columns.append((col, node, style))

    def write_cells(self) -> None:
        """Write every placed per-draw cell."""
        for row, col, node, style in self._cells:
            formula = render_own(node, self.places)
            value = stored(self.ev.value(node), node)
            self.sheet.put(row, col, f"={formula}", style, value)

    def write_months(self, months_cell: str) -> None:
        """Write the monthly table: month number, t, the active flag, every placed column."""
        first = self._head + 1
        for r in range(self._rows):
            n = first + r + 1
            active = 1.0 if r < self.months else 0.0
            self.sheet.put(first + r, 0, r + 1, "int")
            self.sheet.put(first + r, 1, r, "int")
            self.sheet.put(first + r, 2, f"=IF($B{n}<{months_cell},1,0)", "int", active)
        for col, node, style in self._columns:
            edge = at_month_edges(node)
            values = self._values(node, edge)
            templates = {}
            for is_first in (True, False):
                row = Row("⟨r⟩", "⟨p⟩", "$B⟨r⟩", "($B⟨r⟩+1)" if edge else None, is_first)
                templates[is_first] = f"=IF($C⟨r⟩=1,{render_own(node, self.places, row)},0)"
            for r in range(self._rows):
                text = templates[r == 0].replace("⟨r⟩", str(first + r + 1))
                text = text.replace("⟨p⟩", str(first + r))
                self.sheet.put(first + r, col, text, style, values[r])

    def _values(self, node: Expr, edge: bool) -> list[float]:
        """Stored values of a monthly column: the work's months, then zeros."""
        inner = node.expr if isinstance(node, Named) else node
        raw = np.asarray(self.ev.value(inner, "edge" if edge else "month"), dtype=np.float64)
        if edge:
            raw = raw[1:]
        column = raw.reshape(raw.shape[0], -1)[:, 0] if raw.ndim else np.full(self.months, raw)
        out = [0.0] * self._rows
        for r, v in enumerate(column[: self._rows]):
            out[r] = float(v)
        return out


def address(ref: str) -> tuple[int, int]:
    """``'Sheet'!$C$7`` -> ``(6, 2)``."""
    cell = ref.rpartition("!")[2].replace("$", "")
    letters = "".join(ch for ch in cell if ch.isalpha())
    return int(cell[len(letters) :]) - 1, column_index(letters)
