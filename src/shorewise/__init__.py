"""shorewise: decide how to staff software development, with honest numbers.

In-house at home, a vendor at home, a dedicated team abroad, a vendor abroad, or a mix:
what each costs month by month, how fast it delivers, how much control it keeps, how sure
we are, and which to pick and why.

Example::

    >>> import shorewise
    >>> scenario = shorewise.load_scenario("examples/core-platform.yaml")  # doctest: +SKIP
    >>> result = shorewise.evaluate(scenario, samples=2000)                # doctest: +SKIP
    >>> result.recommendation.label                                     # doctest: +SKIP
    'Dedicated team in Vietnam'

Names are imported on first use, so ``import shorewise`` (and the CLI) start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from shorewise._version import __version__

_EXPORTS = {
    "Distribution": "shorewise.domain.distributions",
    "Result": "shorewise.results.result",
    "Scenario": "shorewise.domain.scenario",
    "ScenarioError": "shorewise.errors",
    "ShorewiseError": "shorewise.errors",
    "Strategy": "shorewise.domain.strategy",
    "Workstream": "shorewise.domain.scenario",
    "charts": "shorewise.api_frames",
    "draws_frame": "shorewise.api_frames",
    "monthly_frame": "shorewise.api_frames",
    "evaluate": "shorewise.workflows.evaluate",
    "evaluate_many": "shorewise.workflows.batch",
    "load_scenario": "shorewise.io.scenario_file",
    "parse_uncertain": "shorewise.domain.distributions",
    "scenario_from_text": "shorewise.io.scenario_file",
}

__all__ = [
    "Distribution",
    "Result",
    "Scenario",
    "ScenarioError",
    "ShorewiseError",
    "Strategy",
    "Workstream",
    "__version__",
    "charts",
    "draws_frame",
    "evaluate",
    "evaluate_many",
    "load_scenario",
    "monthly_frame",
    "parse_uncertain",
    "scenario_from_text",
]

if TYPE_CHECKING:
    from shorewise.api_frames import charts, draws_frame, monthly_frame
    from shorewise.domain.distributions import Distribution, parse_uncertain
    from shorewise.domain.scenario import Scenario, Workstream
    from shorewise.domain.strategy import Strategy
    from shorewise.errors import ScenarioError, ShorewiseError
    from shorewise.io.scenario_file import load_scenario, scenario_from_text
    from shorewise.results.result import Result
    from shorewise.workflows.batch import evaluate_many
    from shorewise.workflows.evaluate import evaluate


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'shorewise' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
