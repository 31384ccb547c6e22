"""CLI command: ``init`` — a guided scenario file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from shorewise.workflows.init import WorkstreamAnswer


def _ask_workstreams(tech: bool) -> list[WorkstreamAnswer]:
    from shorewise.workflows.init import WorkstreamAnswer

    items: list[WorkstreamAnswer] = []
    while True:
        n = len(items) + 1
        name = typer.prompt(f"Workstream {n}: name", default="core platform" if n == 1 else "")
        core = typer.confirm("  Is it a core IT capability (never outsourced)?", default=tech)
        fte = typer.prompt(
            "  Capacity needed, in FTE of your own home team", type=float, default=6.0
        )
        months = typer.prompt("  Duration in months", type=int, default=24)
        volatility = typer.prompt("  Scope volatility (low, medium, high)", default="medium")
        items.append(WorkstreamAnswer(name, core, fte, months, volatility.strip().lower()))
        if not typer.confirm("Add another workstream?", default=False):
            return items


def _ask_tradeoffs() -> dict[str, str]:
    """The trade-off questions (:data:`~shorewise.domain.tradeoffs.QUESTIONS`): 1 or 2 picks
    a side, 0 (the default) says both matter equally."""
    from shorewise.domain.tradeoffs import EQUAL, QUESTIONS

    if not typer.confirm(
        "Answer five quick trade-off questions so the decision weighs what matters to you?",
        default=True,
    ):
        return {}
    answers = {}
    for q in QUESTIONS:
        typer.echo(q.text)
        picks = {"1": q.a, "2": q.b, "0": EQUAL}
        choice = ""
        while choice not in picks:
            choice = typer.prompt(
                f"  1 = {q.a_answer}, 2 = {q.b_answer}, 0 = both matter equally", default="0"
            ).strip()
        answers[q.id] = picks[choice]
    return answers


def init(
    out: Annotated[Path, typer.Argument(help="Where to write the scenario (.yaml).")] = Path(
        "scenario.yaml"
    ),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Answer a few questions and get a scenario file to compare.

    Example: shorewise init my-scenario.yaml
    """
    from shorewise.cli.app import _console
    from shorewise.errors import ScenarioError
    from shorewise.io.scenario_file import write_atomically
    from shorewise.workflows.init import Answers, scenario_yaml

    if out.exists() and not force:
        raise ScenarioError(f"{out} exists; choose another name or pass --force")
    name = typer.prompt("Scenario name", default="My staffing decision")
    home = typer.prompt("Home country (ISO code, e.g. US, GB, DE)", default="US")
    currency = typer.prompt("Currency (ISO code)", default="USD")
    abroad = typer.prompt("Offshore candidates (codes, comma-separated)", default="VN, PL")
    tech = typer.confirm("Is yours a tech / IT company?", default=True)
    workstreams = _ask_workstreams(tech)
    answers = Answers(
        name,
        home,
        [c.strip() for c in abroad.split(",") if c.strip()],
        tech,
        workstreams,
        currency,
        weight_answers=_ask_tradeoffs(),
    )
    text = scenario_yaml(answers, str(out))
    write_atomically(out, text.encode())
    _console().print(f"[green]wrote[/green] {out}; next: shorewise compare {out}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(init)
