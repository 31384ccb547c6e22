"""One exception tree for everything shorewise raises on purpose.

::

    ShorewiseError                  root: caught once by the CLI and the web app
    ├── ScenarioError               a scenario file or value is invalid (lists every problem)
    ├── MarketDataError             unknown country / currency, or broken reference data
    ├── RateCardError               a user's rate card CSV is invalid
    ├── ModelError                  a model run cannot be done as asked (e.g. unknown option)
    └── ReportError                 a report cannot be written

Each error carries the file and the dotted field path it is about, so a message reads
``scenario.yaml: workstreams.0.fte: must be greater than 0 (got -3)``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (dotted field path) and what is allowed.

    Example: ``Problem("workstreams.0.fte", "must be greater than 0 (got -3)")``.
    """

    field: str
    message: str

    def render(self, source: str | None = None) -> str:
        where = f"{source}: " if source else ""
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


class ShorewiseError(Exception):
    """Root of every error shorewise raises on purpose.

    ``source`` is the file (or other origin) the error is about; ``problems`` lists each
    field that is wrong. ``str(error)`` gives one line per problem.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        problems: tuple[Problem, ...] = (),
    ) -> None:
        self.message = message
        self.source = source
        self.problems = problems
        super().__init__(self.render())

    def render(self) -> str:
        """The whole message, one problem per line, each naming the file and field."""
        head = f"{self.source}: {self.message}" if self.source else self.message
        if not self.problems:
            return head
        lines = [head] + [f"  - {p.render()}" for p in self.problems]
        return "\n".join(lines)


def problems_found(count: int, where: str = "the scenario") -> str:
    """``1 problem in the scenario`` / ``3 problems in the scenario``."""
    return f"{count} problem{'' if count == 1 else 's'} in {where}"


class ScenarioError(ShorewiseError):
    """A scenario file or value is invalid; ``problems`` has every problem found."""


class MarketDataError(ShorewiseError):
    """A country or currency is unknown, or bundled reference data is broken."""


class RateCardError(ShorewiseError):
    """A user's rate card CSV is invalid."""


class ModelError(ShorewiseError):
    """A model run cannot be done as asked (unknown option name, empty horizon, ...)."""


class ReportError(ShorewiseError):
    """A report cannot be written (unknown format, unwritable path, ...)."""
