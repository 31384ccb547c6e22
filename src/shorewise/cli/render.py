"""Rich tables for the terminal: the comparison, assumptions, countries.

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

from shorewise.domain.strategy import OptionKey
from shorewise.engine.types import CATEGORIES, CATEGORY_LABELS
from shorewise.report.money import (
    human_amount,
    human_money,
    human_months,
    human_range,
    human_share,
)
from shorewise.results.comparison import Comparison, Recommendation, Row


def _band(p: Any) -> str:
    if p.p10 == p.p90:
        return human_amount(p.p50)
    return f"{human_amount(p.p50)}\n[dim]{human_range(p.p10, p.p90)}[/dim]"


def compact_labels(rows: list[Row]) -> tuple[list[str], list[str]]:
    """Short column labels (``VN team``, ``mix 1``) and a legend line per numbered mix."""
    labels, legend, mixes = [], [], 0
    for r in rows:
        if r.alternative.mix is None:
            labels.append(r.alternative.short_label)
        else:
            mixes += 1
            labels.append(f"mix {mixes}")
            legend.append(f"mix {mixes} = {r.alternative.mix}")
    return labels, legend


SHORT_CATEGORY = {
    "on_costs": "on-costs, benefits",
    "equipment_office": "equipment, office",
    "eor_fees": "EOR fees",
    "entity": "own entity",
    "release": "release at the end",
    "vendor_selection_transition": "vendor selection",
    "governance": "governance",
    "change_requests": "change requests",
    "rework": "rework",
    "cost_of_delay": "cost of delay",
}


def _comparison_table(c: Comparison, rows: list[Row], title: str) -> Table:
    cur = c.scenario.currency
    table = Table(
        title=title,
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("option", min_width=14, max_width=24, overflow="fold")
    table.add_column(f"total cost\n{cur}", justify="right", no_wrap=True)
    for name in (
        "per eff.\nFTE-month",
        "to\ntarget",
        "vs home\nteam",
        "control",
        "P(best)",
        "rank",
    ):  # P(best): share of draws cheapest per eff. FTE-month
        table.add_column(name, justify="right", no_wrap=True)
    labels, _ = compact_labels(rows)
    for r, short in zip(rows, labels, strict=True):
        f = r.figures
        label = short if r.alternative.mix is None else f"{short}: {r.alternative.mix}"
        if not r.eligible:
            label += "\n[italic]excluded[/italic]"
        cells = [
            label,
            _band(f["total_cost"]),
            _band(f["cost_per_effective_fte_month"]),
            human_months(f["months_to_target"].p50),
            human_share(r.savings_vs_onshore_inhouse, signed=True),
            f"{r.control:.0%}",
            human_share(r.p_best) if r.eligible else "-",
            str(r.rank or "-"),
        ]
        table.add_row(*cells, style=None if r.eligible else "dim")
    return table


def _category_table(c: Comparison, rows: list[Row]) -> Table:
    table = Table(
        title=f"Cost by category, mean over draws ({c.scenario.currency})",
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("category", max_width=22, overflow="fold")
    for label in compact_labels(rows)[0]:
        table.add_column(label, justify="right", no_wrap=True)
    for cat in CATEGORIES:
        values = [r.category_means[cat] for r in rows]
        if any(abs(v) > 0.5 for v in values):
            label = SHORT_CATEGORY.get(cat, CATEGORY_LABELS[cat])
            table.add_row(label, *(human_amount(v) for v in values))
    table.add_row(
        "[bold]total[/bold]",
        *(f"[bold]{human_amount(r.figures['total_cost'].mean)}[/bold]" for r in rows),
    )
    table.add_row("NPV (P50)", *(human_amount(r.figures["npv_cost"].p50) for r in rows))
    table.add_row(
        "effective FTE-months",
        *(f"{r.figures['effective_fte_months'].p50:,.0f}" for r in rows),
    )
    return table


def _headline(rec: Recommendation) -> str:
    """``dedicated team abroad (VN) — offshore_inhouse@VN``; ``mixed`` plans say so."""
    if rec.option is None:
        return (
            "a different option per workstream (see each below)"
            if rec.strategy == "mixed"
            else rec.strategy
        )
    if rec.option.startswith("mix:"):
        return rec.option
    return f"{OptionKey.parse(rec.option).label} — {rec.option}"


def _recommendation_panel(rec: Recommendation, c: Comparison) -> Panel:
    parts: list[Any] = [Text.from_markup(f"[bold green]{_headline(rec)}[/bold green]")]
    for head, items, colour in (
        ("Why", rec.reasons, "green"),
        ("Watch out", rec.caveats, "yellow"),
        ("What would change the answer", rec.flip_conditions, "cyan"),
    ):
        if items:
            parts.append(Text(f"\n{head}", style=f"bold {colour}"))
            parts.extend(Text(f"  • {item}") for item in items)
    if c.plan_total is not None and c.plan_npv is not None:
        cur = c.scenario.currency
        parts.append(
            Text(
                f"\nPlan total {human_money(c.plan_total.p50, cur)} "
                f"(P10 {human_amount(c.plan_total.p10)}, P90 {human_amount(c.plan_total.p90)}); "
                f"NPV {human_money(c.plan_npv.p50, cur)}"
            )
        )
    for note in c.notes:
        parts.append(Text(f"\n{note}", style="italic"))
    return Panel(Group(*parts), title="Recommendation", title_align="left", expand=True)


def print_comparison(console: Console, c: Comparison, *, detail: bool) -> None:
    """Tables per workstream, then the recommendation."""
    run = (
        "deterministic run: every input at its median"
        if c.run.deterministic
        else f"{c.run.samples:,} draws, seed {c.run.seed}; P50 with P10–P90 below"
    )
    console.print(
        f"[bold]{c.scenario.name}[/bold] — home {c.scenario.home_country}, "
        f"{c.scenario.horizon} months, {c.scenario.currency}; {run}"
    )
    for w, ws in enumerate(c.scenario.workstreams):
        rows = c.rows_for(w)
        title = (
            f"{ws.name}: {ws.target_fte:g} FTE × {ws.duration_months} months"
            f"{' (core)' if ws.core else ''}"
        )
        console.print(_comparison_table(c, rows, title))
        routes = sorted({text for r in rows if (text := r.route_text())})
        for text in routes:
            console.print(f"  [dim]route — {text}[/dim]")
        _, legend = compact_labels(rows)
        if detail:
            console.print(_category_table(c, rows))
            for line in legend:
                console.print(f"  [dim]{line}[/dim]")
    console.print(_recommendation_panel(c.recommendation, c))
    if len(c.by_workstream) > 1:
        for rec in c.by_workstream:
            console.print(f"  [bold]{rec.workstream}[/bold]: {rec.option or rec.strategy}")


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
