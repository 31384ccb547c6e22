"""How much memory a Monte Carlo run of a scenario needs, known before it starts.

What a run keeps (see :mod:`shorewise.uncertainty.montecarlo`), per alternative
(workstream x option, mixes included), in 8-byte floats: five figures per draw; the
category totals of the first ``KEPT_DRAWS`` draws; paid, effective and burn per month for
the first ``band_draws`` draws. Beside that: the sampled inputs of the first
``KEPT_DRAWS`` draws, one sampling chunk, the engine's working arrays for one block of
``ENGINE_DRAWS`` draws, and the decision's per-draw scores. :data:`OVERHEAD_FACTOR`
covers temporaries (measured: see ``tests/io/test_run_size.py``). A run over
:data:`~shorewise.domain.limits.MAX_RUN_BYTES` is refused with the sample count that fits.

Example::

    >>> from shorewise.domain.scenario import Scenario
    >>> s = Scenario.model_validate({"name": "A", "home_country": "US",
    ...     "workstreams": [{"name": "a", "fte": 4, "duration_months": 12}]})
    >>> run_bytes(s, 10_000) < 100 * 2**20
    True
"""

from __future__ import annotations

from shorewise.domain.catalogue import CATALOGUE
from shorewise.domain.limits import MAX_RUN_BYTES
from shorewise.domain.scenario import Scenario
from shorewise.engine.types import CATEGORIES
from shorewise.uncertainty.montecarlo import CHUNK_DRAWS, ENGINE_DRAWS, KEPT_DRAWS, band_draws

FLOAT = 8
FIGURES = 7  # total, NPV, FTE-months by the due month and in all, unit cost, months to
# target, months to finish
MONTHLY_SERIES = 3  # paid, effective, burn
ENGINE_ARRAYS = 40  # (draw, month) arrays alive while one alternative is simulated
SCORING_DRAWS = 50_000  # draws scored at a time by the decision
CRITERIA = 5
OVERHEAD_FACTOR = 1.2


def alternatives(scenario: Scenario) -> int:
    """Rows of the comparison: workstreams x (pure options + mixes)."""
    return len(scenario.workstreams) * (len(scenario.options()) + len(scenario.mixes))


def _inputs(scenario: Scenario) -> int:
    countries = len(scenario.offshore_countries)
    return sum(countries if a.per_country else 1 for a in CATALOGUE.values())


def run_bytes(scenario: Scenario, samples: int) -> int:
    """Estimated peak memory in bytes of a run of ``samples`` draws (0: one central run)."""
    n = max(1, samples)
    horizon = scenario.horizon
    kept, bands = min(n, KEPT_DRAWS), band_draws(n, alternatives(scenario), horizon)
    per_alternative = FIGURES * n + len(CATEGORIES) * kept + MONTHLY_SERIES * bands * horizon
    options = len(scenario.options()) + len(scenario.mixes)
    rest = (
        _inputs(scenario) * (kept + 2 * min(n, CHUNK_DRAWS))
        + ENGINE_ARRAYS * min(n, ENGINE_DRAWS) * horizon
        + 4 * options * CRITERIA * min(n, SCORING_DRAWS)
    )
    return int(FLOAT * OVERHEAD_FACTOR * (alternatives(scenario) * per_alternative + rest))


def _largest_fitting(scenario: Scenario, samples: int, limit: int) -> int:
    low, high = 0, samples  # run_bytes grows with samples: bisect
    while low < high:
        mid = (low + high + 1) // 2
        if run_bytes(scenario, mid) <= limit:
            low = mid
        else:
            high = mid - 1
    return low


def _size(n: int) -> str:
    return f"{n / 2**30:.1f} GiB" if n >= 2**30 else f"{n / 2**20:,.0f} MiB"


def run_size_problem(scenario: Scenario, samples: int, limit: int = MAX_RUN_BYTES) -> str | None:
    """Why a run of ``samples`` draws is too big for ``limit`` bytes (with what would fit),
    or None when it fits."""
    need = run_bytes(scenario, samples)
    if need <= limit:
        return None
    shape = (
        f"{len(scenario.workstreams)} workstream(s) x {len(scenario.options())} options"
        f"{f' + {len(scenario.mixes)} mixes' if scenario.mixes else ''} x "
        f"{scenario.horizon} months x {samples:,} draws"
    )
    fits = _largest_fitting(scenario, samples, limit)
    advice = (
        f"at most {fits:,} samples fit"
        if fits >= 100
        else "even a small run does not fit: use fewer workstreams, countries or months"
    )
    return (
        f"this run would need about {_size(need)} of memory ({shape}); the limit is "
        f"{_size(limit)}: {advice}"
    )
