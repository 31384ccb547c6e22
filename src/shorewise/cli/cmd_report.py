"""CLI commands: report (registered on the app by :func:`register`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from shorewise.cli.options import SAMPLES, SEED


def report(
    file: Annotated[
        Path,
        typer.Argument(
            help="Scenario file (.yaml, .yml, .toml), or a result file written by "
            "`shorewise compare FILE --format json` (rendered without simulating)."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Report file; its extension sets the format: .html, .pdf, .xlsx, .md or .csv.",
        ),
    ],
    samples: SAMPLES = None,
    seed: SEED = None,
) -> None:
    """Write a report: HTML, PDF, Excel, Markdown or CSV (by the output's extension).

    HTML with charts, a board PDF, an Excel workbook with live formulas, Markdown, or
    monthly CSV.

    A result file (`compare --format json`) is rendered as it is: no simulation, and the
    tornado and duration sweep only if the result holds them (`compare --analyses`).

    Example: shorewise report examples/core-platform.yaml -o board-pack.html --samples 5000
    """
    from shorewise.cli.app import _console, _evaluate, _progress
    from shorewise.workflows.report import load_result, report_format, write_report

    fmt = report_format(output.suffix, source=str(output))  # a bad extension fails first
    if file.suffix.lower() == ".json":
        result = load_result(file)
    else:
        result = _evaluate(file, samples, seed)
        if fmt in ("html", "pdf", "md"):
            from shorewise.workflows.decide import with_report_analyses

            result = with_report_analyses(result)
    update, close = _progress()
    try:
        path = write_report(result, output, fmt=fmt, progress=update)
    finally:
        close()
    _console(stderr=True).print(f"wrote {path} ({fmt}, {path.stat().st_size:,} bytes)")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(report)
