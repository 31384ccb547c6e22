"""The live side of an evaluation: what the analyses that need the draws work on.

A :class:`~shorewise.results.result.Result` is plain data; its ``live`` handle is an
:class:`Evaluation` when it was just computed (``None`` when read from a file). Break-even,
sensitivity, the flip search and the draws export read the scenario, the resolved inputs,
the options and the Monte Carlo run from here.

Example::

    >>> ev = result.live                                   # doctest: +SKIP
    >>> ev.run.samples                                                # doctest: +SKIP
    10000
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import Alternative
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.types import DrawVector
from shorewise.uncertainty.montecarlo import MonteCarloRun

__all__ = ["Evaluation", "Model", "model_of"]


@dataclass(frozen=True)
class Evaluation:
    """The scenario, its resolved inputs, the options (rows), the run and central values."""

    scenario: Scenario
    inputs: ResolvedInputs
    alternatives: tuple[Alternative, ...]
    run: MonteCarloRun
    central: dict[str, DrawVector]

    @property
    def model(self) -> Model:
        """The model without the run."""
        return Model(self.scenario, self.inputs, self.alternatives, self.central)

    def index_of(self, workstream: int, option: str) -> int:
        """Position of ``option`` of ``workstream`` in the run; ``KeyError`` if absent."""
        return _index_of(self.alternatives, workstream, option)


@dataclass(frozen=True)
class Model:
    """The model of a scenario without a Monte Carlo run: what the workbook writes out and
    what the tornado and duration sweep re-run at central values."""

    scenario: Scenario
    inputs: ResolvedInputs
    alternatives: tuple[Alternative, ...]
    central: dict[str, DrawVector]

    def index_of(self, workstream: int, option: str) -> int:
        """Position of ``option`` of ``workstream``; ``KeyError`` if absent."""
        return _index_of(self.alternatives, workstream, option)


def _index_of(alternatives: tuple[Alternative, ...], workstream: int, option: str) -> int:
    for i, alt in enumerate(alternatives):
        if alt.workstream_index == workstream and alt.option_name == option:
            return i
    raise KeyError(option)


def model_of(result: Any) -> Model:
    """The model behind a result: its live evaluation's, or rebuilt from the scenario it
    carries (resolving inputs and routes again; nothing is simulated).

    Raises :class:`~shorewise.errors.ReportError` when the scenario used a rate card file
    (its rates are not stored in the result).
    """
    live = getattr(result, "live", None)
    if isinstance(live, Evaluation):
        return live.model
    from shorewise.domain.validation import build_scenario
    from shorewise.engine.alternatives import build_alternatives
    from shorewise.engine.inputs import resolve_inputs
    from shorewise.errors import ReportError
    from shorewise.uncertainty.montecarlo import central_draws

    scenario = build_scenario(result.scenario_data, source="<result>")
    if scenario.rate_card:
        raise ReportError(
            "this result used a rate card file, which a result file does not keep: make "
            "the workbook from the scenario (shorewise report SCENARIO -o book.xlsx)"
        )
    inputs = resolve_inputs(scenario)
    central = central_draws(inputs)
    alternatives = tuple(build_alternatives(scenario, inputs, central))
    return Model(scenario, inputs, alternatives, central)
