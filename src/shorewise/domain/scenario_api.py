"""What a notebook user needs of a :class:`~shorewise.domain.scenario.Scenario` beside its
fields: build one in code (validated like a file), the folder its relative paths are read
from, and a ``repr`` that fits a line.

Example::

    >>> from shorewise.domain.scenario import Scenario
    >>> s = Scenario.build(name="App", home_country="US",
    ...                    workstreams=[{"name": "app", "fte": 4, "duration_months": 8}])
    >>> s
    Scenario('App': 1 workstream, home US, offshore VN, 10,000 draws, seed 42)
    >>> s.with_base_dir("/plans").base_dir
    '/plans'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, PrivateAttr

__all__ = ["ScenarioApi"]

T = TypeVar("T", bound="ScenarioApi")


class ScenarioApi(BaseModel):
    """Base of ``Scenario``: no fields, only conveniences (see module doc)."""

    model_config = ConfigDict(frozen=True, extra="forbid", revalidate_instances="always")

    _folder: str | None = PrivateAttr(default=None)

    @classmethod
    def build(cls, **fields: Any) -> Any:
        """A scenario from keyword arguments (the file's keys), validated like a file;
        raises ``ScenarioError`` listing every problem. Country codes are checked against
        market data when it is evaluated (``evaluate`` validates again, completely)."""
        from shorewise.domain.validation import build_scenario

        return build_scenario(fields, source="Scenario.build")

    @property
    def base_dir(self) -> str | None:
        """The folder a relative ``rate_card`` is read from: the file's folder for a
        scenario from ``load_scenario``, else None (the working directory)."""
        return self._folder

    def with_base_dir(self, folder: str | Path | None) -> Self:
        """A copy whose relative paths are read from ``folder``."""
        copy = self.model_copy()
        copy._folder = None if folder is None else str(folder)
        return copy

    def _keep_folder(self, other: T) -> T:
        other._folder = self._folder
        return other

    def __repr__(self) -> str:
        data: Any = self
        count = len(data.workstreams)
        sim = data.simulation
        return (
            f"Scenario({data.name!r}: {count} workstream{'' if count == 1 else 's'}, home "
            f"{data.home_country}, offshore {', '.join(data.offshore_countries)}, "
            f"{sim.samples:,} draws, seed {sim.seed})"
        )
