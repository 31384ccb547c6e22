"""The ``shorewise`` command: thin wrappers that parse, call workflows and render.

Every :class:`~shorewise.errors.ShorewiseError` becomes a clean message on stderr and exit
code 2 (:func:`main`); nothing prints a traceback for bad input.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from shorewise.cli.options import FORMAT, SAMPLES, SEED, OutputFormat

app = typer.Typer(
    name="shorewise",
    help="Decide how to staff software development: compare in-house and vendors, at home "
    "and abroad, with sourced assumptions and Monte Carlo uncertainty.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

EXIT_BAD_INPUT = 2


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=stderr)


def _progress() -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """A Rich progress bar on stderr that appears only once a run takes over a second."""
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeRemainingColumn

    started = time.monotonic()
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in state:
            if time.monotonic() - started < 1.0 or done >= total:
                return
            bar = Progress(
                "simulating",
                BarColumn(),
                TaskProgressColumn(),
                TimeRemainingColumn(),
                console=_console(stderr=True),
                transient=True,
            )
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task("draws", total=total)
        state["bar"].update(state["task"], completed=done)

    def close() -> None:
        if "bar" in state:
            state["bar"].stop()

    return update, close


def _evaluate(path: Path, samples: int | None, seed: int | None) -> Any:
    from shorewise.io.scenario_file import load_scenario
    from shorewise.workflows.evaluate import evaluate

    scenario = load_scenario(path)
    update, close = _progress()
    try:
        return evaluate(scenario, samples=samples, seed=seed, base_dir=path.parent, progress=update)
    finally:
        close()


def _emit(result: Any, fmt: OutputFormat, detail: bool) -> None:
    from shorewise.io.output_check import check_result_numbers

    check_result_numbers(result.to_dict())  # a NaN or a negative cost is refused, not shown
    if fmt is OutputFormat.JSON:
        sys.stdout.write(result.to_json() + "\n")
    elif fmt is OutputFormat.MARKDOWN:
        from shorewise.report.markdown import comparison_markdown

        sys.stdout.write(comparison_markdown(result, detail=detail) + "\n")
    else:
        from shorewise.cli.render import print_comparison

        print_comparison(_console(), result, detail=detail)


@app.command()
def compare(
    file: Annotated[Path, typer.Argument(help="Scenario file (.yaml, .yml, .toml).")],
    fmt: FORMAT = OutputFormat.TABLE,
    samples: SAMPLES = None,
    seed: SEED = None,
    detail: Annotated[bool, typer.Option("--detail", help="Add cost by category.")] = False,
    analyses: Annotated[
        bool,
        typer.Option(
            "--analyses",
            help="Also work out the tornado and the duration sweep (kept in the JSON, so "
            "`shorewise report RESULT.json` can chart them).",
        ),
    ] = False,
    draws: Annotated[
        Path | None,
        typer.Option(
            "--draws",
            help="Also write every draw (each option's figures, the sampled inputs) to this "
            "file: .npz, or .parquet with pyarrow.",
        ),
    ] = None,
) -> None:
    """Compare every staffing option of a scenario and recommend one.

    Example: shorewise compare examples/core-platform.yaml --format json --samples 2000
    """
    if draws is not None:
        from shorewise.io.draws import check_draws_path, write_draws

        check_draws_path(draws)  # before the run: a bad extension fails fast
    result = _evaluate(file, samples, seed)
    if draws is not None:
        write_draws(draws, result.live)
    if analyses:
        from shorewise.workflows.decide import with_report_analyses

        result = with_report_analyses(result)
    _emit(result, fmt, detail)


@app.command()
def demo(
    fmt: FORMAT = OutputFormat.TABLE,
    samples: SAMPLES = None,
    seed: SEED = None,
    detail: Annotated[bool, typer.Option("--detail", help="Add cost by category.")] = False,
) -> None:
    """Run the comparison on the bundled default scenario (a 3-year core platform).

    Example: shorewise demo --detail
    """
    from shorewise.workflows.examples import example_path

    path = example_path("core-platform")
    if fmt is OutputFormat.TABLE:
        _console().print(f"[dim]scenario: {path}[/dim]")
    _emit(_evaluate(path, samples, seed), fmt, detail)


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="Scenario file to check.")],
) -> None:
    """Check a scenario file and list every problem with its field.

    Example: shorewise validate examples/retail-app.yaml
    """
    from shorewise.io.scenario_file import load_scenario

    scenario = load_scenario(file)
    names = ", ".join(w.name for w in scenario.workstreams)
    _console().print(
        f"[green]valid[/green]: {file} — {scenario.name!r}, "
        f"{len(scenario.workstreams)} workstream(s): {names}"
    )


@app.command()
def schema() -> None:
    """Print the JSON Schema of scenario files, for editors.

    Example: shorewise schema > shorewise.schema.json
    """
    from shorewise.workflows.schema import scenario_json_schema

    sys.stdout.write(json.dumps(scenario_json_schema(), indent=2) + "\n")


@app.command()
def assumptions(
    file: Annotated[Path | None, typer.Argument(help="Resolve for this scenario.")] = None,
    fmt: FORMAT = OutputFormat.TABLE,
) -> None:
    """List every model input with its unit, value and source (overrides marked).

    Example: shorewise assumptions examples/retail-app.yaml
    """
    from shorewise.workflows.reference import assumption_rows

    scenario = None
    if file is not None:
        from shorewise.io.scenario_file import load_scenario

        scenario = load_scenario(file)
    rows = assumption_rows(scenario)
    if fmt is OutputFormat.JSON:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
    elif fmt is OutputFormat.MARKDOWN:
        lines = ["| name | value | unit | provenance | source |", "|---|---|---|---|---|"]
        lines += [
            f"| {r['name']}{' *' if r['overridden'] else ''} | {r['value']} | {r['unit']} "
            f"| {r['provenance']} | {r['source']} |"
            for r in rows
        ]
        sys.stdout.write("\n".join(lines) + "\n")
    else:
        from shorewise.cli.render import print_assumptions

        print_assumptions(_console(), rows)


@app.command()
def countries(
    home: Annotated[
        str | None, typer.Option(help="Home country for working-hours overlap.")
    ] = None,
    fmt: FORMAT = OutputFormat.TABLE,
) -> None:
    """List the countries with pay, on-costs and working-hours overlap with home.

    Example: shorewise countries --home US
    """
    from dataclasses import asdict

    from shorewise.workflows.reference import country_rows

    rows = country_rows(home.upper() if home else None)
    if fmt is OutputFormat.JSON:
        sys.stdout.write(json.dumps([asdict(r) for r in rows], indent=2) + "\n")
        return
    from shorewise.cli.render_reference import print_countries

    print_countries(_console(), rows, home)


def _register_commands() -> None:
    from shorewise.cli import cmd_decide, cmd_information, cmd_init, cmd_report, cmd_serve

    for module in (cmd_init, cmd_decide, cmd_information, cmd_report, cmd_serve):
        module.register(app)


_register_commands()


def main() -> None:
    """Entry point: run the app, turning expected errors into clean messages (exit 2).

    Usage errors are handled by typer itself (also exit 2); anything unexpected is a bug
    and says so in one line unless ``SHOREWISE_DEBUG`` is set.
    """
    from shorewise.errors import ShorewiseError

    try:
        app()
    except ShorewiseError as exc:
        _console(stderr=True).print(
            f"[bold red]error:[/bold red] {exc.render()}", markup=True, highlight=False
        )
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except MemoryError:
        sys.stderr.write(
            "error: out of memory (the run's estimate was below the limit, but this machine "
            "has less free); run again with fewer --samples\n"
        )
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("SHOREWISE_DEBUG"):
            raise
        sys.stderr.write(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in shorewise; run again with SHOREWISE_DEBUG=1 for details.\n"
        )
        sys.exit(1)
