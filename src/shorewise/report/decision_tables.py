"""The weight and information tables (:mod:`shorewise.results.decision_tables`) as Markdown
and as rows for the HTML/PDF template.

Example::

    >>> from shorewise.results.decision_tables import TextTable
    >>> t = TextTable("Worth knowing", ("input", "worth up to"), (("vendor margin", "$9,040"),),
    ...               (False, True), note="Up to $12,000 in all.")
    >>> print("\\n".join(table_markdown(t)))
    ### Worth knowing
    <BLANKLINE>
    | input | worth up to |
    |---|---:|
    | vendor margin | $9,040 |
    <BLANKLINE>
    Up to $12,000 in all.
    <BLANKLINE>
"""

from __future__ import annotations

from typing import Any

from shorewise.results.decision_tables import (
    TextTable,
    acceptability_tables,
    information_table,
)
from shorewise.results.result import Result

__all__ = [
    "decision_science_lines",
    "decision_science_markdown",
    "decision_tables",
    "table_markdown",
]

SECTION = "What to find out, and how much the weights matter"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_markdown(table: TextTable) -> list[str]:
    """A Markdown table with its title (level 3) and note; the pick's row in bold."""
    lines = [f"### {table.title}", ""]
    lines.append("| " + " | ".join(_cell(c) for c in table.columns) + " |")
    lines.append("|" + "".join("---:|" if right else "---|" for right in table.numeric))
    for k, row in enumerate(table.rows):
        cells = [_cell(c) for c in row]
        if k == table.highlight:
            cells = [f"**{c}**" for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    if table.note:
        lines += [table.note, ""]
    return lines


def _tables(c: Result) -> list[TextTable]:
    info = information_table(c)
    return ([info] if info is not None else []) + acceptability_tables(c)


def decision_science_lines(c: Result) -> list[str]:
    """The section for the Markdown report (nothing for a single run)."""
    tables = _tables(c)
    if not tables:
        return []
    lines = [f"## {SECTION}", ""]
    for table in tables:
        lines += table_markdown(table)
    return lines


def decision_science_markdown(c: Result) -> str:
    """What ``shorewise value-of-information --format markdown`` prints."""
    lines = decision_science_lines(c)
    if information_table(c) is None:
        lines += ["One run at the inputs' medians: nothing uncertain to put a value on.", ""]
    return "\n".join([f"# {c.scenario}", "", *lines])


def decision_tables(c: Result) -> dict[str, Any]:
    """Template context: ``decision_tables`` (title, columns, numeric, rows, note, highlight)."""
    return {
        "decision_tables": [
            {
                "title": t.title,
                "columns": list(t.columns),
                "numeric": list(t.numeric),
                "rows": [list(r) for r in t.rows],
                "note": t.note,
                "highlight": t.highlight,
            }
            for t in _tables(c)
        ],
        "decision_tables_title": SECTION,
    }
