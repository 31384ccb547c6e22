"""Monte Carlo through the engine: chunked, seeded, memory-bounded.

Draws are generated block by block (:mod:`shorewise.uncertainty.sampling`), so draw ``i``
is the same whatever the chunk size; the engine runs on one chunk at a time and only
per-draw headline figures are kept (a few floats per draw and alternative), plus monthly
series for the first :data:`BAND_DRAWS` draws (for P10/P50/P90 bands in charts).
``samples=0`` is a deterministic run with every input at its median.

Example::

    >>> run = run_monte_carlo(scenario, inputs, rows, samples=1000, seed=42)  # doctest: +SKIP
    >>> run.metrics[0].total_cost.shape
    (1000,)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import Alternative, simulate_alternative
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.metrics import DrawMetrics, draw_metrics
from shorewise.engine.types import DrawVector, FloatArray
from shorewise.errors import Problem, ScenarioError, problems_found
from shorewise.uncertainty.correlation import CorrelationSpec, correlation_matrix
from shorewise.uncertainty.distributions import is_fixed
from shorewise.uncertainty.sampling import Method, central_inputs, sample_inputs

CHUNK_DRAWS = 16_384
BAND_DRAWS = 20_000
KEPT_INPUTS_LIMIT = 200_000  # keep sampled inputs (for sensitivity) up to this many draws

Progress = Callable[[int, int], None]


@dataclass
class MonteCarloRun:
    """Per-draw figures for every alternative, monthly samples for bands, the inputs drawn."""

    samples: int  # draws actually run (1 for a deterministic run)
    seed: int
    deterministic: bool
    metrics: list[DrawMetrics]
    monthly_burn: list[FloatArray]  # per alternative (band_draw, month)
    monthly_effective: list[FloatArray]
    monthly_paid: list[FloatArray]
    inputs: dict[str, DrawVector] = field(default_factory=dict)  # first KEPT_INPUTS_LIMIT draws
    uncertain_keys: tuple[str, ...] = ()


def _sampled_key(name: str, country: str | None, inputs: ResolvedInputs) -> str:
    """The sampled key behind ``name`` for ``country``: a market-derived wage ratio is
    fixed per country, and its uncertainty comes from the offshore talent premium."""
    key = name if "@" in name else inputs.key(name, country)
    base, _, code = key.partition("@")
    if base == "offshore_wage_ratio" and inputs.wage_ratio_from_market.get(code, False):
        return f"offshore_talent_premium@{code}"
    return key


def expand_correlations(
    scenario: Scenario, inputs: ResolvedInputs, uncertain: Sequence[str]
) -> list[CorrelationSpec]:
    """Scenario correlations by sampled key: a per-country name pairs per country.

    Raises ScenarioError (field ``correlations.i.between``) when a declared pair has no
    uncertain input behind it in any country.
    """
    specs: list[CorrelationSpec] = []
    problems: list[Problem] = []
    for i, corr in enumerate(scenario.correlations):
        a, b = corr.between
        pairs = set()
        for country in (None, *scenario.offshore_countries):
            ka, kb = _sampled_key(a, country, inputs), _sampled_key(b, country, inputs)
            if ka != kb and ka in uncertain and kb in uncertain:
                pairs.add((ka, kb))
        if not pairs:
            fixed = [
                n
                for n in (a, b)
                if not any(
                    _sampled_key(n, c, inputs) in uncertain
                    for c in (None, *scenario.offshore_countries)
                )
            ]
            what = " and ".join(repr(n) for n in fixed) or f"{a!r} and {b!r}"
            problems.append(
                Problem(
                    f"correlations.{i}.between",
                    f"{what} {'is' if len(fixed) == 1 else 'are'} not uncertain here (a fixed "
                    "value cannot be correlated); give it a range or distribution",
                )
            )
        specs.extend(CorrelationSpec((ka, kb), corr.rho) for ka, kb in sorted(pairs))
    if problems:
        raise ScenarioError(problems_found(len(problems)), problems=tuple(problems))
    return specs


def _concat(parts: list[DrawMetrics]) -> DrawMetrics:
    return DrawMetrics(
        *(
            np.concatenate([getattr(p, f) for p in parts], axis=-1)
            for f in (
                "total_cost",
                "npv_cost",
                "effective_fte_months",
                "cost_per_effective_fte_month",
                "months_to_target",
                "category_totals",
            )
        )
    )


def run_monte_carlo(
    scenario: Scenario,
    inputs: ResolvedInputs,
    alternatives: Sequence[Alternative],
    *,
    samples: int,
    seed: int,
    method: Method = "random",
    chunk: int = CHUNK_DRAWS,
    progress: Progress | None = None,
) -> MonteCarloRun:
    """Run every alternative over ``samples`` draws (0 = deterministic at medians)."""
    specs = inputs.distributions()
    uncertain = tuple(sorted(k for k, d in specs.items() if not is_fixed(d)))
    correlation = None
    corr_specs = expand_correlations(scenario, inputs, uncertain)
    if corr_specs and samples > 0:
        correlation = correlation_matrix(uncertain, corr_specs)
    deterministic = samples == 0
    total = 1 if deterministic else samples
    parts: list[list[DrawMetrics]] = [[] for _ in alternatives]
    burns: list[list[FloatArray]] = [[] for _ in alternatives]
    effs: list[list[FloatArray]] = [[] for _ in alternatives]
    paids: list[list[FloatArray]] = [[] for _ in alternatives]
    kept: dict[str, list[DrawVector]] = {k: [] for k in uncertain}
    done = 0
    while done < total:
        size = min(chunk, total - done)
        if deterministic:
            draws = central_inputs(specs)
        else:
            draws = sample_inputs(
                specs, size, seed=seed, method=method, correlation=correlation, start=done
            )
        band_take = max(0, min(size, BAND_DRAWS - done))
        for i, alt in enumerate(alternatives):
            cube = simulate_alternative(scenario, inputs, alt, draws)
            parts[i].append(draw_metrics(cube, np.broadcast_to(draws["discount_rate"], (size,))))
            if band_take:
                burns[i].append(cube.burn[:band_take])
                effs[i].append(cube.effective[:band_take])
                paids[i].append(cube.paid[:band_take])
        keep = max(0, min(size, KEPT_INPUTS_LIMIT - done))
        if keep:
            for k in uncertain:
                kept[k].append(np.broadcast_to(draws[k], (size,))[:keep])
        done += size
        if progress:
            progress(done, total)
    return MonteCarloRun(
        samples=total,
        seed=seed,
        deterministic=deterministic,
        metrics=[_concat(p) for p in parts],
        monthly_burn=[np.concatenate(b, axis=0) for b in burns],
        monthly_effective=[np.concatenate(e, axis=0) for e in effs],
        monthly_paid=[np.concatenate(p, axis=0) for p in paids],
        inputs={k: np.concatenate(v) for k, v in kept.items() if v},
        uncertain_keys=uncertain,
    )


def central_draws(inputs: ResolvedInputs) -> dict[str, DrawVector]:
    """Every input at its median, as length-1 arrays (for route choice and what-ifs)."""
    return central_inputs(inputs.distributions())
