"""``shorewise sweep``: one full Monte Carlo per variant of a scenario, and which option wins
where (a decision table, as @RISK's RiskSimtable or Crystal Ball's Decision Table give).

Each variant is the scenario with one combination of the ``--grid`` values
(:mod:`shorewise.workflows.sweep_grid`), run with its own seed
(:func:`~shorewise.workflows.batch.variant_seed` of the run's seed and the variant's
index) on any executor of :mod:`shorewise.workflows.batch`; the rows are the same bytes
whatever the executor. One row per variant x workstream x option (:data:`ROW_FIGURES` at
P10/P50/P90/mean, ``p_on_time``, ``score``, ``rank``, ``p_best``, and whether it is the pick).

Example (a short job goes to a vendor, a long one to an own team abroad)::

    >>> from shorewise.domain.scenario import Scenario
    >>> from shorewise.workflows.sweep_grid import parse_grid
    >>> s = Scenario.model_validate({"name": "App", "home_country": "US",
    ...     "workstreams": [{"name": "app", "fte": 4, "duration_months": 8}]})
    >>> sweep = run_sweep(s, parse_grid(["workstreams.0.duration_months=6,48"]), samples=0)
    >>> [v.picks for v in sweep.variants]
    [('Vendor in Vietnam',), ('Dedicated team in Vietnam',)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shorewise.domain.scenario import Scenario
from shorewise.results.result import Result
from shorewise.workflows.batch import EvaluationTask, run_evaluation, run_tasks, variant_seed
from shorewise.workflows.sweep_grid import GridAxis, variants_of

__all__ = ["ROW_FIGURES", "Sweep", "SweepVariant", "run_sweep", "sweep_rows"]

ROW_FIGURES = (
    "total_cost",
    "npv_cost",
    "cost_per_effective_fte_month",
    "effective_fte_months",
    "months_to_target",
    "delivered_share",
)
_STATS = ("p10", "p50", "p90", "mean")


@dataclass(frozen=True)
class SweepVariant:
    """What one variant gave: its settings, seed, rows, and the pick per workstream."""

    index: int
    settings: dict[str, str]
    seed: int
    rows: list[dict[str, Any]]
    workstreams: tuple[str, ...]
    picks: tuple[str, ...]
    """The pick of each workstream, in words (``label``)."""
    short_picks: tuple[str, ...]
    """The same, short (``short_label``), for tables."""


@dataclass(frozen=True)
class Sweep:
    """A whole sweep: the axes, and the variants in grid order."""

    scenario: str
    samples: int
    seed: int
    axes: tuple[GridAxis, ...]
    variants: tuple[SweepVariant, ...]

    def rows(self) -> list[dict[str, Any]]:
        """Every row of every variant, in grid order (the output file's rows)."""
        return [row for v in self.variants for row in v.rows]


def sweep_rows(
    result: Result, index: int, settings: dict[str, str], *, flips: bool = False
) -> SweepVariant:
    """The rows of one variant's result (see module doc); with ``flips``, a ``flips``
    column holds, on each pick's row, what would change it (sentences, `` | `` between)."""
    picks = {w.workstream: w for w in result.recommendation.by_workstream}
    rows: list[dict[str, Any]] = []
    short: dict[str, str] = {}
    for r in result.strategies:
        pick = picks.get(r.workstream)
        picked = pick is not None and pick.option == r.option
        if picked:
            short[r.workstream] = r.short_label
        row: dict[str, Any] = {"variant": index, "seed": result.seed, **settings}
        row.update(
            workstream=r.workstream,
            option=r.option,
            label=r.label,
            eligible=r.eligible,
        )
        row.update(r.figure_columns(ROW_FIGURES, _STATS))
        row.update(
            p_on_time=r.p_on_time,
            score=r.score,
            rank=r.rank,
            p_best=r.p_best,
            picked=picked,
            pick=None if pick is None else pick.option,
            pick_label=None if pick is None else pick.label,
        )
        if flips:
            texts = [f.text for f in pick.flip_conditions] if picked and pick else []
            row["flips"] = " | ".join(texts) or None
        rows.append(row)
    names = tuple(w.name for w in result.workstreams)
    labels = tuple(picks[n].label if n in picks else "none" for n in names)
    return SweepVariant(
        index,
        settings,
        result.seed,
        rows,
        names,
        labels,
        tuple(short.get(n, label) for n, label in zip(names, labels, strict=True)),
    )


@dataclass(frozen=True)
class SweepTask:
    """One variant to evaluate anywhere."""

    index: int
    settings: dict[str, str]
    evaluation: EvaluationTask


def run_variant(task: SweepTask) -> SweepVariant:
    """Evaluate one variant and keep only its rows (module level: any worker can run it)."""
    result = run_evaluation(task.evaluation)
    return sweep_rows(result, task.index, task.settings, flips=task.evaluation.flips)


def run_sweep(
    scenario: Scenario,
    axes: Sequence[GridAxis],
    *,
    samples: int | None = None,
    seed: int | None = None,
    workers: int = 1,
    dask: str | None = None,
    base_dir: str | Path | None = None,
    flips: bool = False,
    on_variant: Callable[[int, int], None] | None = None,
) -> Sweep:
    """Run every variant of ``scenario`` over ``axes`` (see module doc).

    Every variant is validated before the first runs (a bad ``--grid`` value fails at
    once, naming its key). ``on_variant(done, total)`` is called as variants finish.
    """
    n = scenario.simulation.samples if samples is None else int(samples)
    variants = variants_of(scenario, axes, samples=n, base_dir=base_dir)
    base_seed = scenario.simulation.seed if seed is None else int(seed)
    folder = None if base_dir is None else str(base_dir)
    tasks = [
        SweepTask(
            v.index,
            v.settings,
            EvaluationTask(v.scenario, n, variant_seed(base_seed, v.index), folder, flips),
        )
        for v in variants
    ]
    done: list[SweepVariant] = []
    for outcome in run_tasks(run_variant, tasks, workers=workers, dask=dask):
        done.append(outcome)
        if on_variant is not None:
            on_variant(len(done), len(tasks))
    return Sweep(scenario.name, n, base_seed, tuple(axes), tuple(done))
