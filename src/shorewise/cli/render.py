"""Rich tables for the terminal: the decision first, then the comparison — in words.

Everything fits 80 columns: option names wrap on word boundaries, numbers never wrap.

Example::

    >>> print_comparison(console, result, detail=False)      # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from shorewise.engine.types import CATEGORIES
from shorewise.report.context import run_text
from shorewise.results import numbers as fmt
from shorewise.results.headline import headline
from shorewise.results.result import OptionRow, Quantiles, Result
from shorewise.results.vocabulary import category_label, country_name


def _band(p: Quantiles) -> str:
    mid = fmt.amount(p.value())
    if p.p10 == p.p90:
        return mid
    return f"{mid}\n[dim]{fmt.amount_range(p.value('p10'), p.value('p90'))}[/dim]"


def _vs_home(rows: list[OptionRow], r: OptionRow) -> str:
    """Total cost, then cost per effective FTE-month, against the in-house team at home."""
    home = next((x for x in rows if x.option == "onshore_inhouse"), None)
    if home is None or r is home or home.total_cost.value() <= 0:
        return "–"
    total = fmt.share(r.total_cost.value() / home.total_cost.value() - 1, signed=True)
    home_unit = home.cost_per_effective_fte_month.value()
    if home_unit <= 0:
        return total
    unit = fmt.share(r.cost_per_effective_fte_month.value() / home_unit - 1, signed=True)
    return f"{total}\n[dim]{unit}/unit[/dim]"


def _table(title: str, cur: str) -> Table:
    table = Table(
        title=title,
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("option", min_width=11, max_width=20, overflow="fold")
    table.add_column(f"total\ncost\n{cur}", justify="right", no_wrap=True)
    for name in ("work\ndone by\ndue", "per eff.\nFTE-month", "vs home\nteam", "control",
                 "P(first)", "rank"):  # fmt: skip
        table.add_column(name, justify="right", no_wrap=True)
    return table


def _comparison_table(c: Result, rows: list[OptionRow], title: str) -> Table:
    table = _table(title, c.currency)
    for r in rows:
        label = r.label
        if not r.eligible:
            label += "\n[italic]excluded[/italic]"
        table.add_row(
            label,
            _band(r.total_cost),
            fmt.share(r.delivered_share.value())
            + "\n"
            + c.finish_text(r).replace("after month ", "(>m").replace("month ", "(m")
            + ")",
            _band(r.cost_per_effective_fte_month),
            _vs_home(rows, r),
            fmt.share(r.control),
            fmt.share(r.p_best) if r.eligible else "–",
            str(r.rank or "–"),
            style=None if r.eligible else "dim",
        )
    return table


def _category_table(c: Result, rows: list[OptionRow]) -> Table:
    table = Table(
        title=f"Cost by category, mean over draws ({c.currency})",
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("category", min_width=10, max_width=18, overflow="fold")
    for r in rows:
        table.add_column(r.short_label, justify="right", max_width=11, overflow="fold")
    for cat in CATEGORIES:
        values = [r.cost_by_category.get(cat, 0.0) for r in rows]
        if any(abs(v) > 0.5 for v in values):
            table.add_row(category_label(cat, short=True), *(fmt.amount(v) for v in values))
    table.add_row(
        "[bold]total[/bold]", *(f"[bold]{fmt.amount(r.total_cost.mean)}[/bold]" for r in rows)
    )
    table.add_row("NPV (P50)", *(fmt.amount(r.npv_cost.value()) for r in rows))
    table.add_row("FTE-months by due", *(f"{r.effective_fte_months.value():,.0f}" for r in rows))
    return table


def _decision_panel(c: Result) -> Panel:
    rec = c.recommendation
    top = headline(c)
    parts: list[Any] = []
    if len(top.picks) == 1:
        parts.append(Text(top.picks[0][1], style="bold green"))
    else:
        for workstream, label in top.picks:
            parts.append(Text.assemble((f"{workstream}: ", "bold"), (label, "bold green")))
    if top.total_text:
        parts.append(Text(top.total_text))
    if top.changes:
        parts.append(Text("Would change the answer:", style="bold cyan"))
        parts.extend(Text(f"• {text}") for text in top.changes)
    for head, items, colour in (
        ("Why", rec.reasons, "green"),
        ("Watch out", rec.caveats, "yellow"),
        ("What would change the answer", rec.flip_conditions, "cyan"),
    ):
        if items:
            parts.append(Text(f"\n{head}", style=f"bold {colour}"))
            parts.extend(Text(f"• {item.text}") for item in items)
    return Panel(Group(*parts), title="Recommendation", title_align="left", expand=True)


def print_comparison(console: Console, c: Result, *, detail: bool) -> None:
    """The decision first, then a table per workstream (and costs by category)."""
    console.print(
        f"[bold]{c.scenario}[/bold] — home {country_name(c.home_country)}, "
        f"modelled over {fmt.months(c.horizon_months)}, {c.currency}; {run_text(c)}"
        + ("" if c.deterministic else "; P50 with P10–P90 below"),
        highlight=False,
    )
    console.print(_decision_panel(c))
    for ws in c.workstreams:
        rows = c.rows_for(ws.name)
        title = (
            f"{ws.name}: {ws.fte:g} FTE × {fmt.months(ws.duration_months)}"
            f"{' (core)' if ws.core else ''}, {ws.required_fte_months:,.0f} FTE-months due"
        )
        console.print(_comparison_table(c, rows, title))
        if detail:
            console.print(_category_table(c, rows))
    if c.routes:
        console.print("[bold]Team abroad, route per country[/bold]", highlight=False)
        for route in c.routes:
            console.print(f"  • {route.text}", highlight=False)
    for note in c.notes:
        console.print(f"[italic]{note}[/italic]", highlight=False)
    console.print(
        "[dim]work done by due: share of the work delivered by the due month, then (mN) the "
        "month all of it is done, the team kept until then; vs home team: "
        "total cost, then cost per effective FTE-month (/unit), against the in-house team at "
        "home[/dim]",
        highlight=False,
    )


def print_assumptions(console: Console, rows: list[dict[str, Any]]) -> None:
    """The catalogue by group: name, value and provenance on one line, then what it means
    and its source; inputs the scenario sets are marked."""
    group = None
    for r in rows:
        if r["group"] != group:
            group = r["group"]
            console.print(f"\n[bold underline]{group}[/bold underline]")
        mark = " [bold yellow]* set by the scenario[/bold yellow]" if r["overridden"] else ""
        console.print(
            f"[bold]{r['name']}[/bold] = [cyan]{r['value']}[/cyan] "
            f"[dim]({r['unit']}; {r['provenance']})[/dim]{mark}",
            highlight=False,
        )
        console.print(f"    {r['meaning']}", highlight=False)
        console.print(f"    [dim]source: {r['source']}[/dim]", highlight=False)
