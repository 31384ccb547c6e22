"""CLI commands: report (registered on the app by :func:`register`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from shorewise.cli.options import SAMPLES, SEED


def report(
    file: Annotated[Path, typer.Argument(help="Scenario file (.yaml, .yml, .toml).")],
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
    """Write a report: self-contained HTML with charts, PDF, an Excel workbook with live
    formulas, Markdown, or monthly CSV — the format comes from the output's extension.

    Example: shorewise report examples/core-platform.yaml -o board-pack.html --samples 5000
    """
    from shorewise.cli.app import _console, _evaluate, _progress
    from shorewise.workflows.report import report_format, write_report

    fmt = report_format(output.suffix, source=str(output))  # a bad extension fails first
    comparison = _evaluate(file, samples, seed)
    if fmt in ("html", "pdf", "md"):
        from shorewise.workflows.decide import add_report_extras

        add_report_extras(comparison)
    update, close = _progress()
    try:
        path = write_report(comparison, output, fmt=fmt, progress=update)
    finally:
        close()
    _console(stderr=True).print(f"wrote {path} ({fmt}, {path.stat().st_size:,} bytes)")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(report)
