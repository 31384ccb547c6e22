"""Everything one evaluation knows, passed to the result builders together."""

from __future__ import annotations

from dataclasses import dataclass, field

from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import Alternative
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.types import DrawVector
from shorewise.results.rows import Row
from shorewise.uncertainty.montecarlo import MonteCarloRun


@dataclass
class RunContext:
    """The scenario, its resolved inputs, the alternatives, the run and central draws."""

    scenario: Scenario
    inputs: ResolvedInputs
    alternatives: list[Alternative]
    run: MonteCarloRun
    central: dict[str, DrawVector]
    rows: list[Row] = field(default_factory=list)

    def index_of(self, row: Row) -> int:
        """Position of ``row``'s alternative in the run."""
        for i, alt in enumerate(self.alternatives):
            if alt is row.alternative:
                return i
        raise KeyError(row.id)
