"""The draws of a Monte Carlo run, written to a file: ``shorewise compare FILE --draws PATH``.

One value per draw under each name (the same names in both formats):

- ``draw`` — the draw's index (0, 1, ...); the same seed gives the same value at an index;
- ``<option id> | <figure>`` — each row of the comparison (its id, e.g.
  ``platform / offshore_inhouse@VN``) and each figure: ``total_cost``, ``npv_cost``
  (scenario currency), ``effective_fte_months``, ``cost_per_effective_fte_month``,
  ``months_to_target`` (``inf``: the target is never reached);
- ``input | <key>`` — each uncertain input as sampled (``vendor_margin``,
  ``offshore_wage_ratio@VN``, ...), in its own unit.

Formats, by extension: ``.npz`` (numpy: ``np.load(path)["draw"]``) and ``.parquet`` (one
column per name; needs pyarrow). The file is written atomically. A deterministic run
(``--samples 0``) has one draw, at the inputs' medians.

Example::

    >>> write_draws("draws.npz", comparison)          # doctest: +SKIP
    >>> np.load("draws.npz")["platform / onshore_inhouse | total_cost"].shape # doctest: +SKIP
    (100000,)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
from numpy.typing import NDArray

from shorewise.errors import ReportError
from shorewise.io.output_check import output_format
from shorewise.io.scenario_file import write_atomically
from shorewise.results.evaluation import Evaluation
from shorewise.uncertainty.montecarlo import run_inputs

__all__ = ["DRAW_FIGURES", "DRAW_FORMATS", "check_draws_path", "draw_columns", "write_draws"]

DRAW_FORMATS = (".npz", ".parquet")
DRAW_FIGURES = (
    "total_cost",
    "npv_cost",
    "effective_fte_months",
    "cost_per_effective_fte_month",
    "months_to_target",
)
SEPARATOR = " | "


def check_draws_path(path: str | Path) -> str:
    """The format (``.npz`` or ``.parquet``) of ``path``, checked before a long run.

    Raises ``ReportError`` for another extension, or for Parquet without pyarrow.
    """
    return output_format(path, DRAW_FORMATS, "draws", ".npz")


def draw_columns(evaluation: Evaluation) -> dict[str, NDArray[Any]]:
    """Every per-draw series of the run by name (see module doc), in a stable order."""
    run = evaluation.run
    columns: dict[str, NDArray[Any]] = {"draw": np.arange(run.samples, dtype=np.int64)}
    for alt, metrics in zip(evaluation.alternatives, run.metrics, strict=True):
        for figure in DRAW_FIGURES:
            columns[f"{alt.id}{SEPARATOR}{figure}"] = getattr(metrics, figure)
    for key, values in sorted(run_inputs(evaluation.scenario, evaluation.inputs, run).items()):
        columns[f"input{SEPARATOR}{key}"] = values
    return columns


def write_draws(path: str | Path, evaluation: Evaluation) -> Path:
    """Write the draws of ``evaluation``'s run to ``path`` (``.npz`` or ``.parquet``).

    Raises ``ReportError`` for an unknown extension, missing pyarrow or an unwritable path.
    """
    target = Path(path)
    suffix = check_draws_path(target)
    columns = draw_columns(evaluation)

    def write(handle: BinaryIO) -> None:
        if suffix == ".npz":
            np.savez(handle, allow_pickle=False, **columns)
        else:
            _write_parquet(handle, columns, evaluation)

    try:
        write_atomically(target, write)
    except OSError as exc:
        raise ReportError(f"cannot write draws: {exc.strerror or exc}", source=str(path)) from exc
    return target


def _write_parquet(
    handle: BinaryIO, columns: dict[str, NDArray[Any]], evaluation: Evaluation
) -> None:
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    run = evaluation.run
    table = pa.table({name: pa.array(values) for name, values in columns.items()})
    table = table.replace_schema_metadata(
        {
            "scenario": evaluation.scenario.name,
            "seed": str(run.seed),
            "samples": str(0 if run.deterministic else run.samples),
        }
    )
    pq.write_table(table, handle)
