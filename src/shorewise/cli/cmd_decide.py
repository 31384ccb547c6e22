"""CLI commands for decision analyses: ``breakeven`` and ``sensitivity``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from shorewise.cli.options import FORMAT, SAMPLES, SEED, OutputFormat

WORKSTREAM = Annotated[
    str | None, typer.Option("--workstream", "-w", help="Workstream name (default: the first).")
]


def _print_breakeven(result: Any) -> None:
    from rich.table import Table

    from shorewise.cli.app import _console
    from shorewise.results import numbers as fmt
    from shorewise.results.vocabulary import option_label

    con = _console()
    m = result.months
    a, b = option_label(result.a), option_label(result.b)
    con.print(f"[bold]{result.workstream}[/bold]: {a} against {b}", highlight=False)

    def month(value: float) -> str:
        return "never" if value == float("inf") else f"{value:.0f}"

    if result.never_share >= 1:
        con.print(f"  {a} never stays cheaper per effective FTE-month within the work.")
    else:
        con.print(
            f"  {a} stays cheaper per effective FTE-month from month "
            f"[bold]{month(m.p50)}[/bold] (P50; P10 {month(m.p10)}, P90 {month(m.p90)}); "
            f"never within the work in {fmt.share(result.never_share)} of "
            f"{fmt.count(result.draws)} draws.",
            highlight=False,
        )
    if result.sweep:
        table = Table(
            title="Duration sweep: P50 cost per effective FTE-month by project length",
            title_justify="left",
            header_style="bold",
        )
        options = list(result.sweep[0].costs)
        table.add_column("months", justify="right")
        for name in options:
            table.add_column(option_label(name, short=True), justify="right", max_width=9)
        table.add_column("recommended", no_wrap=True)
        for p in result.sweep:
            cells = []
            for name in options:
                text = fmt.amount(p.costs[name])
                cells.append(f"[bold green]{text}[/bold green]" if name == p.cheapest else text)
            table.add_row(
                str(p.duration_months),
                *cells,
                option_label(p.recommended, short=True) if p.recommended else "–",
            )
        con.print(table)
        con.print("[dim]green: cheapest eligible option at that length[/dim]")


def breakeven(
    file: Annotated[Path, typer.Argument(help="Scenario file.")],
    between: Annotated[
        tuple[str, str],
        typer.Option("--between", help="Two options: strategy, strategy@CC or 'mix: NAME'."),
    ],
    workstream: WORKSTREAM = None,
    fmt: FORMAT = OutputFormat.TABLE,
    samples: SAMPLES = None,
    seed: SEED = None,
    sweep: Annotated[bool, typer.Option(help="Add the 3-60 month duration sweep.")] = True,
) -> None:
    """Month from which option A stays cheaper per effective FTE-month than B, and which
    option wins for project lengths of 3 to 60 months.

    Example: shorewise breakeven examples/retail-app.yaml
    --between offshore_inhouse@VN offshore_outsource@VN
    """
    from shorewise.cli.app import _evaluate
    from shorewise.workflows.decide import breakeven as run_breakeven

    result = run_breakeven(
        _evaluate(file, samples, seed), between[0], between[1], workstream=workstream, sweep=sweep
    )
    if fmt is OutputFormat.JSON:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, allow_nan=False) + "\n")
    else:
        _print_breakeven(result)


def _print_sensitivity(result: Any) -> None:
    from rich.table import Table

    from shorewise.cli.app import _console
    from shorewise.results import numbers as fmt
    from shorewise.results.vocabulary import input_label, option_label

    human_amount = fmt.amount
    con = _console()
    con.print(
        f"[bold]{result.workstream}[/bold]: recommended {option_label(result.recommended)}"
        + (f", runner-up {option_label(result.runner_up)}" if result.runner_up else ""),
        highlight=False,
    )
    for title, items in (
        ("total cost of the recommended option", result.inputs),
        ("cost gap per effective FTE-month (runner-up minus pick)", result.gap_inputs),
    ):
        if not items:
            continue
        table = Table(
            title=f"Sensitivity of the {title}", title_justify="left", header_style="bold"
        )
        table.add_column("input", no_wrap=True)
        for col in ("at P10", "at P90", "swing", "Sobol'\nfirst", "Sobol'\ntotal"):
            table.add_column(col, justify="right")
        for i in items[:12]:
            table.add_row(
                input_label(i.name),
                human_amount(i.tornado_low),
                human_amount(i.tornado_high),
                human_amount(i.swing),
                "-" if i.sobol_first is None else f"{i.sobol_first:.2f}",
                "-" if i.sobol_total is None else f"{i.sobol_total:.2f}",
            )
        con.print(table)
    for year in result.by_year:
        names = ", ".join(input_label(t["name"]) for t in year["top_inputs"])
        con.print(f"  year {year['year']}: {names}")
    for note in result.notes:
        con.print(f"[italic]{note}[/italic]")


def sensitivity(
    file: Annotated[Path, typer.Argument(help="Scenario file.")],
    workstream: WORKSTREAM = None,
    fmt: FORMAT = OutputFormat.TABLE,
    samples: SAMPLES = None,
    seed: SEED = None,
    sobol_samples: Annotated[
        int,
        typer.Option(
            "--sobol-samples", min=8, max=65536, help="Base samples for Sobol' (power of 2)."
        ),
    ] = 512,
) -> None:
    """Which inputs drive the recommendation: tornado (P10 to P90) and Sobol' indices with
    confidence intervals, overall and per year.

    Example: shorewise sensitivity examples/core-platform.yaml --format json
    """
    from shorewise.cli.app import _evaluate
    from shorewise.workflows.decide import analyse_sensitivity

    comparison = _evaluate(file, samples, seed)
    result = analyse_sensitivity(comparison, workstream=workstream, n=sobol_samples, seed=seed)
    if fmt is OutputFormat.JSON:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, allow_nan=False) + "\n")
    else:
        _print_sensitivity(result)


def _print_plan(plan: Any) -> None:
    from shorewise.cli.app import _console
    from shorewise.results.numbers import money as human_money

    con = _console()
    if not plan.feasible:
        con.print(
            f"[bold red]no feasible mix[/bold red]: {plan.message}. Relax the "
            "`optimize:` constraints (control floors, shares, deadline) or the budget."
        )
        return
    for ws in plan.workstreams:
        shares = ", ".join(f"{share:.0%} {name}" for name, share in ws["shares"].items())
        con.print(
            f"[bold]{ws['workstream']}[/bold]: {shares} "
            f"[dim](control {ws['control']:.0%}, floor {ws['control_floor']:.0%})[/dim]"
        )
    cur = plan.currency
    con.print(
        f"Objective {human_money(plan.npv_cost, cur)} vs best pure options "
        f"{human_money(plan.best_pure_npv_cost, cur)} (NPV + missing capacity at "
        f"{human_money(plan.constraints['capacity_value_per_fte_month'], cur)} per "
        "FTE-month)"
    )
    for name, price in plan.shadow_prices.items():
        con.print(f"  binding: {name} — tightening it by one unit adds {human_money(price, cur)}")


def optimize(
    file: Annotated[Path, typer.Argument(help="Scenario file (its `optimize:` block).")],
    fmt: FORMAT = OutputFormat.TABLE,
) -> None:
    """The cheapest mix of options per workstream under the scenario's constraints
    (control floors, share caps, budget, deadline), with what each binding constraint costs.

    Example: shorewise optimize examples/two-workstreams.yaml
    """
    from shorewise.io.scenario_file import load_scenario
    from shorewise.workflows.evaluate import rate_card_for
    from shorewise.workflows.optimize import optimize_scenario

    scenario = load_scenario(file)
    plan = optimize_scenario(scenario, rate_card_for(scenario, file.parent))
    if fmt is OutputFormat.JSON:
        sys.stdout.write(json.dumps(plan.to_dict(), indent=2, allow_nan=False) + "\n")
    else:
        _print_plan(plan)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(breakeven)
    app.command()(sensitivity)
    app.command()(optimize)
