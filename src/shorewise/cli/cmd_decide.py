"""CLI commands for decision analyses: ``breakeven``, ``sensitivity`` and ``optimize``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from shorewise.cli.options import FORMAT, SAMPLES, SEED, OutputFormat

if TYPE_CHECKING:
    from shorewise.cli.tables import Block


def _emit(data: dict[str, Any], blocks: list[Block], fmt: OutputFormat) -> None:
    """JSON (ids), Markdown or the terminal (words) of one answer."""
    from shorewise.cli.tables import blocks_markdown, print_blocks

    if fmt is OutputFormat.JSON:
        sys.stdout.write(json.dumps(data, indent=2, allow_nan=False) + "\n")
    elif fmt is OutputFormat.MARKDOWN:
        sys.stdout.write(blocks_markdown(blocks))
    else:
        from shorewise.cli.app import _console

        print_blocks(_console(), blocks)


WORKSTREAM = Annotated[
    str | None, typer.Option("--workstream", "-w", help="Workstream name (default: the first).")
]


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
    """When one option becomes cheaper than another, and the best option by project length.

    The month from which option A stays cheaper per effective FTE-month than option B, and
    which option wins for project lengths of 3 to 60 months.

    Example: shorewise breakeven examples/retail-app.yaml
    --between offshore_inhouse@VN offshore_outsource@VN
    """
    from shorewise.cli.app import _evaluate
    from shorewise.workflows.decide import breakeven as run_breakeven

    result = run_breakeven(
        _evaluate(file, samples, seed), between[0], between[1], workstream=workstream, sweep=sweep
    )
    from shorewise.cli.render_analyses import breakeven_blocks

    _emit(result.to_dict(), breakeven_blocks(result), fmt)


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
    """Which inputs drive the recommendation, overall and per year.

    A tornado (each input from its P10 to its P90) and Sobol' indices with confidence
    intervals, on the pick's total cost and on its cost gap to the runner-up.

    Example: shorewise sensitivity examples/core-platform.yaml --format json
    """
    from shorewise.cli.app import _evaluate
    from shorewise.workflows.decide import analyse_sensitivity

    comparison = _evaluate(file, samples, seed)
    result = analyse_sensitivity(comparison, workstream=workstream, n=sobol_samples, seed=seed)
    from shorewise.cli.render_analyses import sensitivity_blocks

    _emit(result.to_dict(), sensitivity_blocks(result), fmt)


def optimize(
    file: Annotated[Path, typer.Argument(help="Scenario file (its `optimize:` block).")],
    fmt: FORMAT = OutputFormat.TABLE,
) -> None:
    """The cheapest mix of options per workstream under your constraints.

    The constraints are the scenario's `optimize:` block (control floors, share caps,
    budget, deadline); each binding constraint is shown with what it costs.

    Example: shorewise optimize examples/two-workstreams.yaml
    """
    from shorewise.io.scenario_file import load_scenario
    from shorewise.workflows.evaluate import rate_card_for
    from shorewise.workflows.optimize import optimize_scenario

    scenario = load_scenario(file)
    plan = optimize_scenario(scenario, rate_card_for(scenario, file.parent))
    from shorewise.cli.render_analyses import plan_blocks

    _emit(plan.to_dict(), plan_blocks(plan), fmt)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(breakeven)
    app.command()(sensitivity)
    app.command()(optimize)
