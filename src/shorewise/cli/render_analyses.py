"""The break-even, sensitivity and optimiser answers as blocks (text and tables) in words.

Each ``*_blocks`` function turns a workflow's answer into :mod:`shorewise.cli.tables`
blocks, printed in the terminal or as Markdown; option and input names come from the one
vocabulary, numbers from the one formatter.

Example::

    >>> print_blocks(console, breakeven_blocks(result))           # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from typing import Any

from shorewise.cli.tables import Block, Grid
from shorewise.results import numbers as fmt
from shorewise.results.vocabulary import country_name, input_label, option_label

_COUNTRY_CODE = re.compile(r"(?<=share in )[A-Z]{2}\b")

__all__ = ["breakeven_blocks", "plan_blocks", "sensitivity_blocks"]


def _month(value: float) -> str:
    return "never" if not math.isfinite(value) else f"month {value:.0f}"


def breakeven_blocks(result: Any) -> list[Block]:
    """The break-even month of A against B over the draws, then the duration sweep."""
    m = result.months
    a, b = option_label(result.a), option_label(result.b)
    blocks: list[Block] = [f"{result.workstream}: {a} against {b}"]
    never = f"{fmt.share(result.never_share)} of {fmt.count(result.draws)} draws"
    if result.never_share >= 1:
        blocks.append(f"{a} never stays cheaper per effective FTE-month within the work.")
    elif not math.isfinite(m.p50):
        blocks.append(
            f"{a} does not stay cheaper per effective FTE-month within the work in most "
            f"draws ({never}); where it does, from {_month(m.p10)} at P10."
        )
    else:
        blocks.append(
            f"{a} stays cheaper per effective FTE-month from {_month(m.p50)} (P50; P10 "
            f"{_month(m.p10)}, P90 {_month(m.p90)}); never within the work in {never}."
        )
    if result.sweep:
        options = list(result.sweep[0].costs)
        rows, bold = [], set()
        for r, p in enumerate(result.sweep):
            cells = [str(p.duration_months)]
            for c, name in enumerate(options, start=1):
                cells.append(fmt.amount(p.costs[name]))
                if name == p.cheapest:
                    bold.add((r, c))
            cells.append(option_label(p.recommended, short=True) if p.recommended else "–")
            rows.append(cells)
        blocks.append(
            Grid(
                "Cost per effective FTE-month (P50) by project length, and the pick",
                ("months", *(option_label(o, short=True) for o in options), "recommended"),
                rows,
                text_columns=frozenset({len(options) + 1}),
                bold=frozenset(bold),
                note="bold: the cheapest eligible option at that length",
            )
        )
    return blocks


def _sobol(value: float | None) -> str:
    if value is None:
        return fmt.MISSING
    text = f"{abs(value):.2f}"
    return f"{fmt.MINUS}{text}" if value < 0 and text != "0.00" else text


def sensitivity_blocks(result: Any) -> list[Block]:
    """Tornado and Sobol' tables for the pick's cost and for the gap to the runner-up."""
    head = f"{result.workstream}: recommended {option_label(result.recommended)}"
    if result.runner_up:
        head += f", runner-up {option_label(result.runner_up)}"
    blocks: list[Block] = [head]
    for title, items in (
        ("total cost of the recommended option", result.inputs),
        ("cost gap per effective FTE-month (runner-up minus pick)", result.gap_inputs),
    ):
        if items:
            blocks.append(
                Grid(
                    f"Sensitivity of the {title}",
                    ("input", "at P10", "at P90", "swing", "Sobol' first", "Sobol' total"),
                    [
                        (
                            input_label(i.name),
                            fmt.amount(i.tornado_low),
                            fmt.amount(i.tornado_high),
                            fmt.amount(i.swing),
                            _sobol(i.sobol_first),
                            _sobol(i.sobol_total),
                        )
                        for i in items[:12]
                    ],
                )
            )
    for year in result.by_year:
        names = ", ".join(input_label(t["name"]) for t in year["top_inputs"])
        blocks.append(f"Year {year['year']}: {names}")
    blocks.extend(result.notes)
    return blocks


def plan_blocks(plan: Any) -> list[Block]:
    """The optimiser's mix per workstream in words, its cost and the binding constraints."""
    if not plan.feasible:
        return [
            f"No feasible mix: {plan.message}. Relax the `optimize:` constraints (control "
            "floors, shares, deadline) or the budget."
        ]
    cur = plan.currency
    rows = [
        (
            ws["workstream"],
            "; ".join(
                f"{fmt.share(share)} {option_label(name)}" for name, share in ws["shares"].items()
            ),
            fmt.share(ws["control"]),
            fmt.share(ws["control_floor"]),
        )
        for ws in plan.workstreams
    ]
    blocks: list[Block] = [
        Grid(
            "Cheapest mix per workstream",
            ("workstream", "mix", "control", "control floor"),
            rows,
            text_columns=frozenset({0, 1}),
        ),
        f"Objective {fmt.money(plan.npv_cost, cur)} against "
        f"{fmt.money(plan.best_pure_npv_cost, cur)} for the best single options (NPV of the "
        "cost to finish, months late priced by the cost of delay).",
    ]
    for name, price in plan.shadow_prices.items():
        what = _COUNTRY_CODE.sub(lambda m: country_name(m.group(0)), name)
        blocks.append(f"Binding: {what} — tightening it by one unit adds {fmt.money(price, cur)}.")
    return blocks
