"""The main use case: evaluate every option of a scenario and recommend one.

Both the CLI and the web app call :func:`evaluate`; reports render its result.

Example::

    >>> import shorewise
    >>> s = shorewise.load_scenario("examples/core-platform.yaml")   # doctest: +SKIP
    >>> result = shorewise.evaluate(s, samples=2000, seed=7)          # doctest: +SKIP
    >>> result.recommendation.label                                   # doctest: +SKIP
    'Dedicated team in Vietnam'
"""

from __future__ import annotations

from pathlib import Path

from shorewise.domain.ratecard import RateCard
from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import build_alternatives
from shorewise.engine.inputs import resolve_inputs
from shorewise.io.ratecard import load_rate_card
from shorewise.io.scenario_check import check_scenario
from shorewise.results.evaluation import Evaluation
from shorewise.results.pipeline import build_result
from shorewise.results.result import Result
from shorewise.uncertainty.montecarlo import Progress, central_draws, run_monte_carlo


def rate_card_for(scenario: Scenario, base_dir: str | Path | None) -> RateCard | None:
    """Load the scenario's rate card, a relative path taken from the scenario's folder."""
    if not scenario.rate_card:
        return None
    path = Path(scenario.rate_card)
    if not path.is_absolute() and base_dir is not None:
        path = Path(base_dir) / path
    return load_rate_card(path)


def evaluate(
    scenario: Scenario,
    *,
    samples: int | None = None,
    seed: int | None = None,
    base_dir: str | Path | None = None,
    rate_card: RateCard | None = None,
    progress: Progress | None = None,
    flips: bool = True,
    with_flips: bool | None = None,
) -> Result:
    """Evaluate ``scenario``: every workstream x option, Monte Carlo, recommendation.

    A relative ``rate_card`` is read from ``base_dir``, by default ``scenario.base_dir``
    (the file's folder for ``load_scenario``). ``samples``/``seed`` override the file's
    ``simulation`` block (``samples=0``: one run at every input's median); ``flips=False``
    skips the search for what would change the answer (``with_flips`` is its older name),
    much faster on a multi-workstream plan. The
    scenario is validated again first, completely (an edit with ``model_copy`` included),
    and a run too big for memory is refused before it starts.
    Raises :class:`~shorewise.errors.ShorewiseError` subclasses only.
    """
    base_dir = getattr(scenario, "base_dir", None) if base_dir is None else base_dir
    scenario, card = check_scenario(
        scenario, base_dir=base_dir, samples=samples, seed=seed, rate_card=rate_card
    )
    sim = scenario.simulation
    n = sim.samples if samples is None else int(samples)
    s = sim.seed if seed is None else int(seed)
    inputs = resolve_inputs(scenario, card)
    central = central_draws(inputs)
    alternatives = build_alternatives(scenario, inputs, central)
    run = run_monte_carlo(
        scenario, inputs, alternatives, samples=n, seed=s, method=sim.method, progress=progress
    )
    evaluation = Evaluation(scenario, inputs, tuple(alternatives), run, central)
    return build_result(evaluation, with_flips=flips if with_flips is None else with_flips)
