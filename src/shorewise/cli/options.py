"""Options shared by several commands, defined once."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class OutputFormat(StrEnum):
    """How a command prints its result."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


FORMAT = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="table (default), json or markdown.", case_sensitive=False),
]
SAMPLES = Annotated[
    int | None,
    typer.Option(
        "--samples",
        "-n",
        min=0,
        max=2_000_000,
        help="Monte Carlo draws (0 = one run at every input's median). "
        "Default: the file's simulation.samples.",
    ),
]
SEED = Annotated[
    int | None,
    typer.Option("--seed", min=0, help="Random seed. Default: the file's simulation.seed."),
]
