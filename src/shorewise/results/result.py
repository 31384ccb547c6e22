"""The one frozen, typed result of an evaluation: what every surface renders and storage keeps.

Its dump (:meth:`Result.to_dict`) is the JSON contract of DESIGN.md §6 —
``shorewise compare --format json`` prints it, the web app stores it, and every report
renders from it, so a report of a saved run never simulates again. Beside the contract's
fields it carries what the surfaces show: the workstreams, every assumption with its
source, monthly percentile bands for the charts, the optional analyses (tornado, duration
sweep) and the scenario itself (for the workbook and for reproducing the run).

Findings (reasons, caveats) are ``{kind, text, ...numbers}``; flip conditions
``{input, current, threshold, direction, option, label, text}``.

Example::

    >>> result = shorewise.evaluate(scenario, samples=2000)          # doctest: +SKIP
    >>> again = Result.from_json(json.dumps(result.to_dict()))        # doctest: +SKIP
    >>> again == result                                              # doctest: +SKIP
    True
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import ConfigDict, Field, PrivateAttr, ValidationError

from shorewise.errors import ReportError
from shorewise.results import numbers as fmt
from shorewise.results.result_parts import (
    AssumptionRow,
    Band,
    Component,
    CountryRoute,
    Finding,
    FlipCondition,
    HistogramBin,
    OptionRow,
    OptionSeries,
    Pick,
    Plan,
    Quantiles,
    Recommendation,
    RouteChoice,
    RunInfo,
    WorkstreamInfo,
    WorkstreamRecommendation,
    YearCost,
    _Frozen,
)

__all__ = [
    "RESULT_FORMAT",
    "AssumptionRow",
    "Band",
    "Component",
    "CountryRoute",
    "Finding",
    "FlipCondition",
    "HistogramBin",
    "OptionRow",
    "OptionSeries",
    "Pick",
    "Plan",
    "Quantiles",
    "Recommendation",
    "Result",
    "RouteChoice",
    "RunInfo",
    "WorkstreamInfo",
    "WorkstreamRecommendation",
    "YearCost",
]

RESULT_FORMAT: Literal["shorewise.result"] = "shorewise.result"
RESULT_VERSION = 2


class Result(_Frozen):
    """Everything one evaluation produced (see module doc)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["shorewise.result"] = RESULT_FORMAT
    format_version: int = RESULT_VERSION
    scenario: str
    currency: str
    home_country: str
    horizon_months: int
    samples: int
    seed: int
    strategies: list[OptionRow]
    recommendation: Recommendation
    plan: Plan
    routes: list[CountryRoute] = Field(default_factory=list)
    notes: list[str]
    weights: dict[str, float] = Field(default_factory=dict)
    smaa: list[dict[str, Any]] = Field(default_factory=list)
    value_of_information: dict[str, Any] | None = None
    workstreams: list[WorkstreamInfo]
    offshore_countries: list[str]
    assumptions: list[AssumptionRow]
    series: list[OptionSeries]
    analyses: dict[str, Any] = Field(default_factory=dict)
    simulation: RunInfo
    scenario_data: dict[str, Any]

    _live: Any = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        """Equal results have equal data (the live handle does not count)."""
        if not isinstance(other, Result):
            return NotImplemented
        return bool(self.model_dump() == other.model_dump())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        from shorewise.results.vocabulary import option_label

        runs = "one run at the medians" if self.deterministic else f"{self.samples:,} draws"
        picks = self.recommendation.picks
        pick = (
            "; ".join(option_label(p.option, short=True) for p in picks)
            if len(picks) > 1
            else self.recommendation.label
        )
        return (
            f"Result({self.scenario!r}: pick {pick!r}, "
            f"{len(self.strategies)} options x workstreams, {runs}, seed {self.seed})"
        )

    # --- views -----------------------------------------------------------------------
    def rows_for(self, workstream: str | int) -> list[OptionRow]:
        """The option rows of one workstream (by name or index), in display order."""
        name = self.workstreams[workstream].name if isinstance(workstream, int) else workstream
        return [r for r in self.strategies if r.workstream == name]

    def row(self, workstream: str, option: str) -> OptionRow:
        """The row of ``option`` in ``workstream``; ``KeyError`` when there is none."""
        for r in self.strategies:
            if r.workstream == workstream and r.option == option:
                return r
        raise KeyError(f"{workstream} / {option}")

    def finish_text(self, row: OptionRow) -> str:
        """When ``row`` finishes its scope (P50), in words: ``month 42``, ``after month 54``."""
        cap = next((w.finish_cap_month for w in self.workstreams if w.name == row.workstream), None)
        return fmt.finish(row.finish_month.value(), cap)

    def series_of(self, workstream: str, option: str) -> OptionSeries | None:
        """The monthly bands of one option, if kept."""
        return next(
            (s for s in self.series if s.workstream == workstream and s.option == option), None
        )

    @property
    def deterministic(self) -> bool:
        """True for a single run at every input's median (``samples`` 0)."""
        return self.simulation.deterministic

    @property
    def live(self) -> Any:
        """The live evaluation behind this result (scenario, inputs, draws), or ``None``
        when it was loaded from a file. Analyses that need the draws use it."""
        return self._live

    def with_analyses(self, **analyses: Any) -> Result:
        """A copy with ``analyses`` added (``tornado``, ``duration_sweep``, ...)."""
        copy = self.model_copy(update={"analyses": {**self.analyses, **analyses}})
        copy._live = self._live
        return copy

    # --- dumps -----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (DESIGN.md §6) and everything the surfaces render."""
        out: dict[str, Any] = self.model_dump(mode="json")
        return out

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text (no NaN or infinity anywhere)."""
        return json.dumps(self.to_dict(), indent=indent, allow_nan=False, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes, *, source: str | None = None) -> Result:
        """Read a result written by :meth:`to_json` (``compare --format json``).

        Raises :class:`~shorewise.errors.ReportError` naming the file when it is not one.
        """
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ReportError(f"not JSON ({exc})", source=source) from exc
        return cls.from_dict(data, source=source)

    @classmethod
    def from_dict(cls, data: Any, *, source: str | None = None) -> Result:
        """Validate plain data as a result (see :meth:`from_json`)."""
        if not isinstance(data, dict) or data.get("format") != RESULT_FORMAT:
            raise ReportError(
                "not a shorewise result (write one with `shorewise compare FILE --format json`)",
                source=source,
            )
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ReportError(
                f"not a result this version can read: {where}: {first['msg']}", source=source
            ) from exc

    def to_frame(self, percentiles: tuple[str, ...] = ("p10", "p50", "p90")) -> Any:
        """One pandas row per workstream x option with every headline figure at the given
        ``percentiles`` (columns ``total_cost_p50``, ...); needs pandas."""
        import pandas as pd

        figures = (
            "total_cost",
            "npv_cost",
            "effective_fte_months",
            "cost_per_effective_fte_month",
            "months_to_target",
            "delivered_share",
            "finish_month",
        )
        records = []
        for r in self.strategies:
            rec: dict[str, Any] = {
                "workstream": r.workstream,
                "option": r.option,
                "label": r.label,
                "strategy": r.strategy,
                "country": r.country,
                "eligible": r.eligible,
            }
            rec.update(r.figure_columns(figures, percentiles))
            rec.update(
                control=r.control,
                score=r.score,
                rank=r.rank,
                p_best=r.p_best,
                p_on_time=r.p_on_time,
            )
            records.append(rec)
        frame = pd.DataFrame.from_records(records)
        frame["rank"] = frame["rank"].astype("Int64")
        return frame
