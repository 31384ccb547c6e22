"""Monte Carlo through the engine: chunked, seeded, memory-bounded.

Draws are generated block by block (:mod:`shorewise.uncertainty.sampling`), so draw ``i``
is the same whatever the chunk size; the engine runs on one chunk at a time. What is kept,
per alternative: the five headline figures of every draw (5 floats per draw), the mean of
each cost category over all draws, and — for the first :data:`KEPT_DRAWS` draws only — the
per-draw category totals and the sampled inputs (for sensitivity); monthly paid, effective
and burn series for the first :data:`BAND_DRAWS` draws (for P10/P50/P90 bands in charts;
fewer in a big portfolio, see :func:`band_draws`).
Output arrays are allocated once, so memory is ~40 bytes per draw and alternative plus a
bounded rest, whatever the sample count. ``samples=0`` is a deterministic run with every
input at its median.

Example::

    >>> run = run_monte_carlo(scenario, inputs, rows, samples=1000, seed=42)  # doctest: +SKIP
    >>> run.metrics[0].total_cost.shape                               # doctest: +SKIP
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
from shorewise.engine.option import OptionCube
from shorewise.engine.types import CATEGORIES, DrawVector, FloatArray
from shorewise.errors import Problem, ScenarioError, problems_found
from shorewise.uncertainty.correlation import CorrelationSpec, correlation_matrix
from shorewise.uncertainty.distributions import is_fixed
from shorewise.uncertainty.sampling import Method, central_inputs, sample_inputs

CHUNK_DRAWS = 16_384  # draws sampled at a time
ENGINE_DRAWS = 2_048  # draws simulated at a time: the engine's arrays stay in cache
BAND_DRAWS = 20_000
BAND_BUDGET = 2**25
"""Floats one monthly series may keep over all alternatives (256 MiB); a big portfolio keeps
fewer band draws per alternative (:func:`band_draws`), never fewer than MIN_BAND_DRAWS."""
MIN_BAND_DRAWS = 200
KEPT_DRAWS = 200_000  # keep category totals and sampled inputs for this many draws
KEPT_INPUTS_LIMIT = KEPT_DRAWS  # the former name

Progress = Callable[[int, int], None]


@dataclass
class MonteCarloRun:
    """Per-draw figures for every alternative, monthly samples for bands, the inputs drawn.

    ``metrics[i].category_totals`` holds the first :data:`KEPT_DRAWS` draws (all of them in
    smaller runs); ``category_means[i]`` is the mean of each category over every draw.
    """

    samples: int  # draws actually run (1 for a deterministic run)
    seed: int
    deterministic: bool
    metrics: list[DrawMetrics]
    monthly_burn: list[FloatArray]  # per alternative (band_draw, month)
    monthly_effective: list[FloatArray]
    monthly_paid: list[FloatArray]
    inputs: dict[str, DrawVector] = field(default_factory=dict)  # first KEPT_DRAWS draws
    uncertain_keys: tuple[str, ...] = ()
    category_means: list[FloatArray] = field(default_factory=list)  # per alternative (category,)
    method: Method = "random"


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


@dataclass
class _Collector:
    """Output arrays of one alternative, allocated once and filled chunk by chunk."""

    metrics: DrawMetrics
    category_sums: FloatArray
    burn: FloatArray
    effective: FloatArray
    paid: FloatArray

    @classmethod
    def allocate(cls, total: int, kept: int, bands: int, horizon: int) -> _Collector:
        metrics = DrawMetrics(
            total_cost=np.empty(total),
            npv_cost=np.empty(total),
            effective_fte_months=np.empty(total),
            cost_per_effective_fte_month=np.empty(total),
            months_to_target=np.empty(total),
            category_totals=np.empty((len(CATEGORIES), kept)),
            finish_months=np.empty(total),
            delivered_fte_months=np.empty(total),
        )
        return cls(
            metrics,
            np.zeros(len(CATEGORIES)),
            *(np.zeros((bands, horizon)) for _ in range(3)),
        )

    def add(self, lo: int, cube: OptionCube, m: DrawMetrics) -> None:
        hi = lo + len(m.total_cost)
        for name in _FIGURES:
            getattr(self.metrics, name)[lo:hi] = getattr(m, name)
        kept = max(0, min(hi, self.metrics.category_totals.shape[1]) - lo)
        self.metrics.category_totals[:, lo : lo + kept] = m.category_totals[:, :kept]
        self.category_sums += m.category_totals.sum(axis=1)
        bands = max(0, min(hi, self.burn.shape[0]) - lo)
        if bands:
            head = cube.first(bands)
            self.burn[lo : lo + bands] = head.burn
            self.effective[lo : lo + bands] = head.effective
            self.paid[lo : lo + bands] = head.paid


_FIGURES = (
    "total_cost",
    "npv_cost",
    "effective_fte_months",
    "cost_per_effective_fte_month",
    "months_to_target",
    "finish_months",
    "delivered_fte_months",
)


def _correlation(
    scenario: Scenario, inputs: ResolvedInputs, uncertain: Sequence[str], samples: int
) -> FloatArray | None:
    """The checked rank-correlation matrix over ``uncertain`` (None if nothing correlates)."""
    corr_specs = expand_correlations(scenario, inputs, uncertain)
    if corr_specs and samples > 0:
        return correlation_matrix(uncertain, corr_specs)
    return None


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
    correlation = _correlation(scenario, inputs, uncertain, samples)
    deterministic = samples == 0
    total = 1 if deterministic else samples
    kept_n = min(total, KEPT_DRAWS)
    band_n = band_draws(total, len(alternatives), scenario.horizon)
    out = [_Collector.allocate(total, kept_n, band_n, scenario.horizon) for _ in alternatives]
    kept = {k: np.empty(kept_n) for k in uncertain}
    done = 0
    while done < total:
        size = min(chunk, total - done)
        if deterministic:
            draws = central_inputs(specs)
        else:
            draws = sample_inputs(
                specs, size, seed=seed, method=method, correlation=correlation, start=done
            )
        for lo in range(0, size, ENGINE_DRAWS):
            hi = min(size, lo + ENGINE_DRAWS)
            part = {k: np.broadcast_to(v, (size,))[lo:hi] for k, v in draws.items()}
            for collector, alt in zip(out, alternatives, strict=True):
                cube = simulate_alternative(scenario, inputs, alt, part)
                collector.add(done + lo, cube, draw_metrics(cube, part["discount_rate"]))
        keep = max(0, min(size, kept_n - done))
        for k in uncertain:
            kept[k][done : done + keep] = np.broadcast_to(draws[k], (size,))[:keep]
        done += size
        if progress:
            progress(done, total)
    return MonteCarloRun(
        samples=total,
        seed=seed,
        deterministic=deterministic,
        metrics=[c.metrics for c in out],
        monthly_burn=[c.burn for c in out],
        monthly_effective=[c.effective for c in out],
        monthly_paid=[c.paid for c in out],
        inputs=kept,
        uncertain_keys=uncertain,
        category_means=[_means(c, total) for c in out],
        method=method,
    )


def band_draws(samples: int, alternatives: int, horizon: int) -> int:
    """Draws whose monthly series are kept per alternative: the first ``BAND_DRAWS``, fewer
    when ``alternatives x horizon`` months would pass ``BAND_BUDGET`` per series.

    >>> band_draws(10_000, 8, 36), band_draws(2_000, 2_000, 36)
    (10000, 466)
    """
    fit = BAND_BUDGET // max(1, alternatives * horizon)
    return max(1, min(samples, BAND_DRAWS, max(MIN_BAND_DRAWS, fit)))


def _means(collector: _Collector, total: int) -> FloatArray:
    """Mean of each category over every draw (from the kept totals when they are all kept,
    so small runs average exactly like ``np.mean``)."""
    totals = collector.metrics.category_totals
    if totals.shape[1] == total:
        means: FloatArray = totals.mean(axis=1)
        return means
    return collector.category_sums / total


def run_inputs(
    scenario: Scenario, inputs: ResolvedInputs, run: MonteCarloRun
) -> dict[str, DrawVector]:
    """The sampled uncertain inputs of every draw of ``run``: ``run.inputs`` when it holds
    them all, else drawn again (the same numbers: draws depend only on seed and index)."""
    if run.deterministic or all(len(v) == run.samples for v in run.inputs.values()):
        return dict(run.inputs)
    specs = inputs.distributions()
    correlation = _correlation(scenario, inputs, run.uncertain_keys, run.samples)
    out = {k: np.empty(run.samples) for k in run.uncertain_keys}
    for start in range(0, run.samples, CHUNK_DRAWS):
        size = min(CHUNK_DRAWS, run.samples - start)
        draws = sample_inputs(
            specs, size, seed=run.seed, method=run.method, correlation=correlation, start=start
        )
        for k, values in out.items():
            values[start : start + size] = draws[k]
    return out


def central_draws(inputs: ResolvedInputs) -> dict[str, DrawVector]:
    """Every input at its median, as length-1 arrays (for route choice and what-ifs)."""
    return central_inputs(inputs.distributions())
