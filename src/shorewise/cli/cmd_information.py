"""``shorewise value-of-information``: what to find out before signing, and how much the
choice depends on the weights."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from shorewise.cli.options import FORMAT, SAMPLES, SEED, OutputFormat


def _print_table(con: Any, table: Any) -> None:
    from rich.table import Table

    if not table.rows:
        con.print(f"[bold]{table.title}[/bold]")
        if table.note:
            con.print(f"[dim]{table.note}[/dim]", highlight=False)
        return
    out = Table(title=table.title, title_justify="left", header_style="bold")
    for name, right in zip(table.columns, table.numeric, strict=True):
        out.add_column(name, justify="right" if right else "left", overflow="fold")
    for k, row in enumerate(table.rows):
        out.add_row(*row, style="bold green" if k == table.highlight else None)
    con.print(out)
    if table.note:
        con.print(f"[dim]{table.note}[/dim]", highlight=False)


def _print(result: Any) -> None:
    from shorewise.cli.app import _console
    from shorewise.results.decision_tables import acceptability_tables, information_table

    con = _console()
    info = information_table(result)
    if info is None:
        con.print(
            "One run at the inputs' medians (or too few draws): nothing uncertain to put a "
            "value on. Run with --samples 2000 or more."
        )
    else:
        _print_table(con, info)
    for table in acceptability_tables(result):
        con.print()
        _print_table(con, table)


def _json(result: Any) -> str:
    doc = {
        "scenario": result.scenario,
        "currency": result.currency,
        "weights": result.weights,
        "value_of_information": result.value_of_information,
        "smaa": [
            {"workstream": w.workstream, "option": w.option, "smaa": list(w.smaa)}
            for w in result.recommendation.by_workstream
        ],
    }
    return json.dumps(doc, indent=2, allow_nan=False, ensure_ascii=False)


def value_of_information(
    file: Annotated[Path, typer.Argument(help="Scenario file.")],
    fmt: FORMAT = OutputFormat.TABLE,
    samples: SAMPLES = None,
    seed: SEED = None,
) -> None:
    """What to find out before deciding, and how much the weights matter.

    What it is worth (money) to know each input before deciding, and how often each option
    ranks first over every weighting the scenario allows (SMAA-2).

    Example: shorewise value-of-information examples/retail-app.yaml --samples 4000
    """
    from shorewise.cli.app import _evaluate

    result = _evaluate(file, samples, seed)
    if fmt is OutputFormat.JSON:
        sys.stdout.write(_json(result) + "\n")
    elif fmt is OutputFormat.MARKDOWN:
        from shorewise.report.decision_tables import decision_science_markdown

        sys.stdout.write(decision_science_markdown(result) + "\n")
    else:
        _print(result)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command(name="value-of-information")(value_of_information)
