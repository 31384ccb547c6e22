"""Tables built once, printed in the terminal or as Markdown: one grid, two renderings.

A command builds its output as blocks — lines of text and :class:`Grid` tables of
already-formatted cells — and :func:`print_blocks` lays them out in Rich, or
:func:`blocks_markdown` writes them as Markdown (``--format markdown``). In the terminal a
grid too wide for the console is stacked (one small block per row) rather than cut:
nothing is ever truncated mid-word or mid-number.

Example::

    >>> grid = Grid("Break-even", ("months", "Home team"), [("3", "91,000")])
    >>> print(blocks_markdown(["Loyalty app", grid]))
    Loyalty app
    <BLANKLINE>
    **Break-even**
    <BLANKLINE>
    | months | Home team |
    |---|---:|
    | 3 | 91,000 |
    <BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

__all__ = ["Block", "Grid", "blocks_markdown", "print_blocks"]


@dataclass(frozen=True)
class Grid:
    """A table of formatted cells; ``text_columns`` are left-aligned words (the others are
    right-aligned numbers); ``bold`` marks cells (row, column) to emphasise."""

    title: str
    headers: tuple[str, ...]
    rows: Sequence[Sequence[str]]
    text_columns: frozenset[int] = frozenset({0})
    bold: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    note: str = ""


Block = str | Grid


def _rich_table(grid: Grid) -> Table:
    table = Table(
        title=grid.title or None,
        title_justify="left",
        title_style="bold",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    for c, head in enumerate(grid.headers):
        words = c in grid.text_columns
        header = head if words else "\n".join(head.split())  # numbers: a word per line
        table.add_column(
            header, justify="left" if words else "right", no_wrap=not words, overflow="fold"
        )
    for r, row in enumerate(grid.rows):
        table.add_row(
            *(
                Text(cell, style="bold green" if (r, c) in grid.bold else "")
                for c, cell in enumerate(row)
            )
        )
    return table


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def _fits(console: Console, grid: Grid, table: Table) -> bool:
    """True when every column gets at least its longest word (text) or whole cell (numbers)."""
    need = 0
    for c, head in enumerate(grid.headers):
        cells = [row[c] for row in grid.rows]
        if c in grid.text_columns:
            need += max(_longest_word(x) for x in [head, *cells])
        else:
            need += max(len(x) for x in [*cells, *head.split()] or [""])
    need += 2 * (len(grid.headers) - 1)
    width = Measurement.get(console, console.options, table).minimum
    return need <= console.width and width <= console.width


def _print_stacked(console: Console, grid: Grid) -> None:
    if grid.title:
        console.print(Text(grid.title, style="bold"))
    for r, row in enumerate(grid.rows):
        name = row[0] if 0 in grid.text_columns else f"{grid.headers[0]} {row[0]}"
        console.print(Text(name, style="bold green" if (r, 0) in grid.bold else "bold"))
        for c in range(1, len(grid.headers)):
            head = " ".join(grid.headers[c].split())
            style = "bold green" if (r, c) in grid.bold else ""
            console.print(Text.assemble(f"  {head}: ", (row[c], style)))


def print_blocks(console: Console, blocks: Sequence[Block]) -> None:
    """Each block in the terminal; a grid wider than the console is stacked by row."""
    for block in blocks:
        if isinstance(block, str):
            console.print(block, highlight=False, markup=False)
            continue
        table = _rich_table(block)
        if _fits(console, block, table):
            console.print(table)
        else:
            _print_stacked(console, block)
        if block.note:
            console.print(Text(block.note, style="dim"))


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def blocks_markdown(blocks: Sequence[Block]) -> str:
    """The blocks as Markdown: text as paragraphs, grids as pipe tables."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines += [block, ""]
            continue
        if block.title:
            lines += [f"**{block.title}**", ""]
        lines.append("| " + " | ".join(_md_cell(h) for h in block.headers) + " |")
        lines.append(
            "|"
            + "|".join(
                "---" if c in block.text_columns else "---:" for c in range(len(block.headers))
            )
            + "|"
        )
        for r, row in enumerate(block.rows):
            cells = [
                f"**{_md_cell(x)}**" if (r, c) in block.bold else _md_cell(x)
                for c, x in enumerate(row)
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        if block.note:
            lines += [f"*{block.note}*", ""]
    return "\n".join(lines)
