"""A workbook laid out in memory before it is written: cells, styles, names, widths.

A formula cell carries the value spreadsheet viewers show without recalculating (the
engine's number, computed with numpy from the same expression). Addresses are 0-based
``(row, col)`` here and ``A1`` style in formulas.

Example::

    >>> layout = Layout()
    >>> sheet = layout.sheet("Inputs")
    >>> sheet.put(0, 1, 0.35, "input")
    "'Inputs'!$B$1"
    >>> sheet.put(1, 1, "=vendor_margin*2", "number", value=0.7)
    "'Inputs'!$B$2"
    >>> cell_name(1, 27, absolute=True)
    '$AB$2'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def column_letters(index: int) -> str:
    """0 -> ``A``, 26 -> ``AA``."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    """``A`` -> 0, ``AA`` -> 26."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def cell_name(row: int, col: int, *, absolute: bool = False) -> str:
    """``(0, 0)`` -> ``A1`` (``$A$1`` when absolute)."""
    d = "$" if absolute else ""
    return f"{d}{column_letters(col)}{d}{row + 1}"


@dataclass
class Cell:
    """One cell: a number, text, or ``"=formula"`` with its stored ``value``; ``style``
    names a format."""

    content: Any
    style: str = "text"
    value: Any = None


@dataclass
class Sheet:
    """One worksheet's cells by ``(row, col)`` (0-based), column widths and view options."""

    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)
    grouped: set[int] = field(default_factory=set)  # columns folded away (outline level 1)
    freeze: tuple[int, int] | None = None
    merged_notes: list[tuple[int, int, int, str, str]] = field(default_factory=list)
    choices: dict[tuple[int, int], list[str]] = field(default_factory=dict)  # drop-down lists

    def put(self, row: int, col: int, content: Any, style: str = "text", value: Any = None) -> str:
        """Set a cell and return its absolute reference from other sheets."""
        self.cells[(row, col)] = Cell(content, style, value)
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
