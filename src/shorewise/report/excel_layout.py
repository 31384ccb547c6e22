"""A workbook laid out in memory before it is written: cells, styles, names, widths.

Building the whole workbook first lets :mod:`shorewise.report.xlformula` compute every
formula's value (stored beside the formula) before XlsxWriter writes the file.

Example::

    >>> layout = Layout()
    >>> sheet = layout.sheet("Inputs")
    >>> _ = sheet.put(0, 1, 0.35, "input")
    >>> layout.define("vendor_margin", "Inputs", 0, 1)
    >>> _ = sheet.put(1, 1, "=vendor_margin*2", "number")
    >>> layout.book().value("Inputs", 1, 1)
    0.7
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from shorewise.report.xlformula import Book, cell_name

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Cell:
    """One cell: a number, text, bool, or ``"=formula"``; ``style`` names a format."""

    content: Any
    style: str = "text"


@dataclass
class Sheet:
    """One worksheet's cells by ``(row, col)`` (0-based), column widths and view options."""

    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)
    grouped: set[int] = field(default_factory=set)  # columns folded away (outline level 1)
    freeze: tuple[int, int] | None = None
    merged_notes: list[tuple[int, int, int, str, str]] = field(default_factory=list)

    def put(self, row: int, col: int, content: Any, style: str = "text") -> str:
        """Set a cell and return its absolute reference from other sheets."""
        self.cells[(row, col)] = Cell(content, style)
        return self.ref(row, col)

    def ref(self, row: int, col: int, *, absolute: bool = True) -> str:
        """``'Sheet name'!$C$7``: a reference other sheets can use."""
        return f"{quote_sheet(self.name)}!{cell_name(row, col, absolute=absolute)}"

    def note(self, row: int, first_col: int, last_col: int, text: str, style: str = "note") -> None:
        """A text spanning columns (merged), e.g. an explanation under a title."""
        self.merged_notes.append((row, first_col, last_col, text, style))


def quote_sheet(name: str) -> str:
    """A sheet name as formulas write it: ``'VN team'``."""
    return "'" + name.replace("'", "''") + "'"


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique worksheet name (31 characters, no ``[]:*?/\\``)."""
    base = _BAD_SHEET_CHARS.sub(" ", text).strip(" '")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


@dataclass
class Layout:
    """Sheets in order, and the workbook's defined names."""

    sheets: list[Sheet] = field(default_factory=list)
    names: dict[str, tuple[str, int, int]] = field(default_factory=dict)

    def sheet(self, name: str) -> Sheet:
        """Add a sheet at the end."""
        s = Sheet(name)
        self.sheets.append(s)
        return s

    def define(self, name: str, sheet: str, row: int, col: int) -> None:
        """Name one cell (workbook scope)."""
        self.names[name] = (sheet, row, col)

    def book(self) -> Book:
        """The cells as an evaluable :class:`~shorewise.report.xlformula.Book`."""
        cells = {
            (s.name, r, c): cell.content for s in self.sheets for (r, c), cell in s.cells.items()
        }
        return Book(cells, dict(self.names))
