"""The scenario library: save, version, run and compare scenarios in a database.

The web app (and any other surface) calls these use cases; routes hold no model logic.
A scenario arrives as YAML/TOML text or as plain data (a JSON body, a form), is validated
once into a :class:`Draft`, and is stored as text (comments kept) plus its plain data.
Every edit is a new version; every run stores the seed, sample count and engine version
that reproduce it, with the ``shorewise compare --format json`` result and the monthly
percentile bands its charts need.

Scenarios that name a rate card file are refused: a stored scenario never makes the
program read a file path that came from a request.
An edit names the version it starts from (``base_version``); a stale one raises
:class:`~shorewise.storage.repository.VersionConflictError` and saves nothing. Two runs in
different currencies are compared in the left one's, converted at the dated FX rate of
:mod:`shorewise.market.fx`, and the comparison says so.

Example::

    >>> library = Library.open("sqlite:///scenarios.db")               # doctest: +SKIP
    >>> saved = library.create(draft_from_text(open("s.yaml").read()))  # doctest: +SKIP
    >>> run = library.run(saved.scenario_id, samples=2000)              # doctest: +SKIP
    >>> run.result["recommendation"]["strategy"]                        # doctest: +SKIP
    'offshore_inhouse'
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from shorewise.domain.scenario import Scenario
from shorewise.errors import Problem, ScenarioError, ShorewiseError
from shorewise.io.scenario_check import scenario_from_data
from shorewise.io.scenario_file import parse_text, scenario_from_text
from shorewise.results.result import RESULT_FORMAT, Result
from shorewise.storage import repository as repo
from shorewise.storage.database import open_database
from shorewise.storage.repository import (
    NotFoundError,
    RunRecord,
    RunSummary,
    ScenarioSummary,
    Store,
    VersionConflictError,
    VersionRecord,
)
from shorewise.uncertainty.montecarlo import Progress
from shorewise.workflows.run_compare import FigureDelta, RunComparison, compare_run_records

__all__ = [
    "Draft",
    "FigureDelta",
    "Library",
    "NotFoundError",
    "RunCancelledError",
    "RunComparison",
    "RunRecord",
    "RunSummary",
    "ScenarioSummary",
    "VersionConflictError",
    "VersionRecord",
    "draft_from_data",
    "draft_from_text",
]

MAX_SEED = 2**63

RATE_CARD_REFUSED = (
    "rate card files are not read by the library or the web app; put the rates in "
    "`assumptions` instead, or use the command line"
)


@dataclass(frozen=True)
class Draft:
    """A validated scenario with the YAML text to store and its plain data."""

    scenario: Scenario
    text: str
    data: dict[str, Any]


def _json_safe(data: Any) -> Any:
    """Plain data as JSON would give it back (dates from YAML become strings)."""
    return json.loads(json.dumps(data, default=str))


def _check_storable(scenario: Scenario, source: str) -> None:
    if scenario.rate_card:
        raise ScenarioError(
            "1 problem in the scenario",
            source=source,
            problems=(Problem("rate_card", RATE_CARD_REFUSED),),
        )


class RunCancelledError(ShorewiseError):
    """A run was stopped before it was saved (cancelled, or its server is shutting down)."""


def draft_from_text(text: str, *, fmt: str = "yaml", source: str = "<text>") -> Draft:
    """Validate YAML (comments kept in the stored text) or TOML (stored as YAML).

    Raises :class:`ScenarioError` listing every problem with its field.
    """
    scenario = scenario_from_text(text, source=source, fmt=fmt, refuse_rate_card=RATE_CARD_REFUSED)
    _check_storable(scenario, source)
    data = _json_safe(parse_text(text, source=source, fmt=fmt))
    stored = text if fmt == "yaml" else _to_yaml(data)
    return Draft(scenario, stored, data)


def draft_from_data(data: Any, *, source: str = "<data>") -> Draft:
    """Validate plain data (a JSON body, a form); the stored text is its YAML.

    Raises :class:`ScenarioError` listing every problem with its field.
    """
    scenario = scenario_from_data(data, source=source, refuse_rate_card=RATE_CARD_REFUSED)
    _check_storable(scenario, source)
    plain = _json_safe(data)
    return Draft(scenario, _to_yaml(plain), plain)


def _to_yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None)


REPORT_ANALYSES = ("html", "pdf", "md")
"""Report formats that chart the tornado and the duration sweep."""


def stored_result(run: RunRecord) -> Result | None:
    """The run's :class:`Result` (with any analyses kept beside it), or ``None`` for a run
    saved by a version before results were stored whole."""
    if not isinstance(run.result, dict) or run.result.get("format") != RESULT_FORMAT:
        return None
    result = Result.from_dict(run.result, source=f"run {run.run_id}")
    analyses = (run.series or {}).get("analyses")
    return result.with_analyses(**analyses) if isinstance(analyses, dict) else result


class Library:
    """Saved scenarios and runs in one database, with the use cases around them.

    ``max_samples`` caps the Monte Carlo draws a run may ask for (the web app sets it).
    """

    def __init__(self, store: Store, *, max_samples: int | None = None) -> None:
        self.store = store
        self.max_samples = max_samples

    @classmethod
    def open(cls, url: str | None = None, *, max_samples: int | None = None) -> Library:
        """Open (and migrate) the database at ``url``; default: SQLite in the data dir."""
        return cls(Store(open_database(url)), max_samples=max_samples)

    def close(self) -> None:
        """Release the database connections."""
        self.store.close()

    # scenarios -----------------------------------------------------------------------

    def create(self, draft: Draft) -> VersionRecord:
        """Save a new scenario (version 1)."""
        return repo.add_scenario(self.store, draft.scenario.name, draft.text, draft.data)

    def update(
        self, scenario_id: int, draft: Draft, *, base_version: int | None = None
    ) -> VersionRecord:
        """Save an edit as the next version; NotFoundError for an unknown id.

        ``base_version`` is the version the edit started from: if another edit was saved
        since, :class:`VersionConflictError` is raised and nothing is saved.
        """
        return repo.add_version(
            self.store,
            scenario_id,
            draft.scenario.name,
            draft.text,
            draft.data,
            base_version=base_version,
        )

    def scenarios(self) -> list[ScenarioSummary]:
        """Every saved scenario, most recently changed first."""
        return repo.list_scenarios(self.store)

    def get(self, scenario_id: int, version: int | None = None) -> VersionRecord:
        """A saved version (default: current); NotFoundError if missing."""
        return repo.get_version(self.store, scenario_id, version)

    def draft(self, scenario_id: int, version: int | None = None) -> Draft:
        """A saved version validated again (market data may have changed since)."""
        record = self.get(scenario_id, version)
        return draft_from_text(
            record.text, source=f"scenario {scenario_id} version {record.version}"
        )

    def delete(self, scenario_id: int) -> None:
        """Delete a scenario with its versions and runs; NotFoundError if missing."""
        repo.delete_scenario(self.store, scenario_id)

    # runs ----------------------------------------------------------------------------

    def check_samples(self, scenario: Scenario, samples: int | None) -> int:
        """The draws a run will use; ScenarioError when over :attr:`max_samples`."""
        wanted = scenario.simulation.samples if samples is None else samples
        if samples is not None and samples < 0:
            raise ScenarioError(
                "1 problem in the request",
                problems=(Problem("samples", f"must be 0 or more (got {samples})"),),
            )
        if self.max_samples is not None and wanted > self.max_samples:
            where = "samples" if samples is not None else "simulation.samples"
            raise ScenarioError(
                "1 problem in the request",
                problems=(
                    Problem(
                        where,
                        f"at most {self.max_samples:,} draws here (got {wanted:,}); "
                        "use the command line for bigger runs",
                    ),
                ),
            )
        return wanted

    def check_run(
        self,
        scenario_id: int,
        *,
        version: int | None = None,
        samples: int | None = None,
        seed: int | None = None,
    ) -> tuple[VersionRecord, Draft, int]:
        """What a run would evaluate (the version, validated again) and its draws.

        Raises NotFoundError, or ScenarioError naming ``samples``/``seed``; called before a
        run is queued, so a request that cannot run is refused at once.
        """
        record = self.get(scenario_id, version)
        draft = draft_from_text(
            record.text, source=f"scenario {scenario_id} version {record.version}"
        )
        draws = self.check_samples(draft.scenario, samples)
        if seed is not None and not 0 <= seed < MAX_SEED:
            raise ScenarioError(
                "1 problem in the request",
                problems=(Problem("seed", f"must be 0 or more and below 2**63 (got {seed})"),),
            )
        return record, draft, draws

    def run(
        self,
        scenario_id: int,
        *,
        version: int | None = None,
        samples: int | None = None,
        seed: int | None = None,
        progress: Progress | None = None,
        keep_going: Callable[[], bool] | None = None,
    ) -> RunRecord:
        """Evaluate a saved version and store the run (seed, samples, engine version).

        ``keep_going`` is asked before the run is saved; False raises
        :class:`RunCancelledError` and saves nothing (``progress`` may raise it too).
        """
        from shorewise import __version__
        from shorewise.workflows.evaluate import evaluate

        record, draft, draws = self.check_run(
            scenario_id, version=version, samples=samples, seed=seed
        )
        started = time.perf_counter()
        result = evaluate(draft.scenario, samples=draws, seed=seed, progress=progress).to_dict()
        series: dict[str, Any] = {}
        if keep_going is not None and not keep_going():
            raise RunCancelledError("the run was stopped before it was saved")
        return repo.add_run(
            self.store,
            scenario_id,
            record.version,
            seed=int(result["seed"]),
            samples=int(result["samples"]),
            engine_version=__version__,
            result=result,
            series=series,
            seconds=round(time.perf_counter() - started, 3),
        )

    def get_run(self, run_id: int) -> RunRecord:
        """A saved run; NotFoundError if missing."""
        return repo.get_run(self.store, run_id)

    def runs(self, scenario_id: int) -> list[RunSummary]:
        """A scenario's runs (every version), newest first."""
        return repo.list_runs(self.store, scenario_id)

    def latest_run(self, scenario_id: int) -> RunRecord | None:
        """The newest run of the scenario's current version, if any."""
        current = self.get(scenario_id).version
        for summary in self.runs(scenario_id):
            if summary.version == current:
                return self.get_run(summary.run_id)
        return None

    def reproduce(self, run_id: int) -> tuple[RunRecord, Result]:
        """Evaluate a run's version again with its seed and samples (same numbers)."""
        from shorewise.workflows.evaluate import evaluate

        run = self.get_run(run_id)
        draft = draft_from_text(
            self.get(run.scenario_id, run.version).text,
            source=f"scenario {run.scenario_id} version {run.version}",
        )
        return run, evaluate(draft.scenario, samples=run.samples, seed=run.seed)

    def result(self, run_id: int, *, with_analyses: bool = False) -> Result:
        """A saved run's result, as stored: never simulated again. ``with_analyses`` adds
        the tornado and duration sweep (central-value model runs, worked out once and kept
        with the run). A run saved before results were stored whole is reproduced."""
        run = self.get_run(run_id)
        result = stored_result(run)
        if result is None:
            _, result = self.reproduce(run_id)
        if with_analyses and not result.analyses:
            from shorewise.workflows.decide import with_report_analyses

            result = with_report_analyses(result)
            if stored_result(run) is not None:
                repo.set_run_series(self.store, run_id, {"analyses": result.analyses})
        return result

    def report(self, run_id: int, fmt: str) -> bytes:
        """The report of a saved run in ``fmt`` (see ``workflows.report.REPORT_FORMATS``),
        rendered from the stored result."""
        from shorewise.workflows.report import render_report, report_format

        kind = report_format(fmt)
        return render_report(self.result(run_id, with_analyses=kind in REPORT_ANALYSES), kind)

    # comparisons ---------------------------------------------------------------------

    def compare_runs(self, left_id: int, right_id: int) -> RunComparison:
        """Two saved runs side by side (P50 figures in the left run's currency, plan
        totals, scenario text diff)."""
        left, right = self.get_run(left_id), self.get_run(right_id)
        left_text = self.get(left.scenario_id, left.version).text
        right_text = self.get(right.scenario_id, right.version).text
        return compare_run_records(left, right, left_text, right_text)

    def latest_runs(self, scenario_ids: list[int]) -> list[RunRecord | None]:
        """Each scenario's newest run of its current version (None where there is none);
        NotFoundError for an unknown scenario. Reads only: nothing is run."""
        return [self.latest_run(scenario_id) for scenario_id in scenario_ids]

    def compare_scenarios(
        self,
        left_id: int,
        right_id: int,
        *,
        progress: Progress | None = None,
        keep_going: Callable[[], bool] | None = None,
    ) -> RunComparison:
        """The latest runs of two scenarios' current versions, running those missing
        (a heavy use case: the web app calls it only from its job queue)."""
        runs = []
        for scenario_id, latest in zip(
            (left_id, right_id), self.latest_runs([left_id, right_id]), strict=True
        ):
            if latest is None:
                latest = self.run(scenario_id, progress=progress, keep_going=keep_going)
            runs.append(latest)
        return self.compare_runs(runs[0].run_id, runs[1].run_id)
